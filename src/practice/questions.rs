//! The questions each step asks in practice mode: their page ids, exact values from the core, likely mistakes, and the inputs that stay visible.

use super::diagnose::{self, partial, Diagnosis, Mistake};
use crate::diagram::{self, Kind};
use crate::lesson::{sweep, Circuit, CircuitKind, Frame, Stage, Step, Update};
use crate::net::{Net, Param};

/// What a chain-rule factor ∂of/∂wrt is, with the numbers its likely mistakes are made from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Local {
    /// ∂Error_k/∂Y_k = Y_k − t_k, with t_k, Y_k and the weighted sum y_k.
    ErrorSlope { t: f64, act: f64, sum: f64 },
    /// ∂S/∂z = S(1 − S) for an activation S = σ(z), with z and S.
    SigmoidSlope { sum: f64, act: f64 },
    /// ∂sum/∂w = the input the weight multiplies; `weight` is w's value, `lower` the input's own
    /// weighted sum when the input is an activation (H1 → h1), `other` the sum's other input
    /// (x2 where w11 multiplies x1).
    Input {
        weight: f64,
        lower: Option<f64>,
        other: Option<f64>,
    },
    /// ∂sum/∂S = the weight on the edge S → sum; `input` is S's value, `mixed` the value of
    /// the weight a mixed-up index order puts there (w22 for w23), when there is one.
    Weight { input: f64, mixed: Option<f64> },
    /// 1 (a bias, E → Error_k) or anything without a named mistake.
    Other,
}

/// One factor of a chain as the model sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainTerm {
    pub of: String,
    pub wrt: String,
    pub value: f64,
    pub local: Local,
}

/// What a question asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Quantity {
    /// A forward value: h1 H1 y1 Y1 Error1 E ...
    Forward(&'static str),
    /// One chain-rule factor ∂of/∂wrt.
    Factor { of: String, wrt: String },
    /// The product of path k (from 1).
    Path(usize),
    /// ∂E/∂p: the sum of the paths, the core's gradient, or the sweep's last stop.
    Grad(Param),
    /// ∂E/∂node at a sweep stop.
    Upstream(&'static str),
    /// What `reader` passes back to `node`: ∂E/∂reader · ∂reader/∂node.
    Share { reader: &'static str, node: &'static str },
    /// The parameter after one SGD step.
    Next(Param),
    /// ∂L/∂input on the add or multiply node.
    NodeGrad(&'static str),
    /// How many chain-rule paths reach p (multiple choice).
    PathCount(Param),
    /// Whether p goes up or down in the update (multiple choice).
    Direction(Param),
    /// Which factor makes ∂E/∂w11 smaller than ∂E/∂w21 (multiple choice).
    SmallestFactor,
}

/// How a typed number is compared with the exact one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ValueKind {
    /// The answer against the value.
    Plain,
    /// An updated parameter: the change the answer implies (answer − old) against `change`
    /// (−η·∂E/∂p), so typing the old value is never right.
    Updated { old: f64, change: f64 },
}

/// What a multiple-choice button says; the UI words it in the page's language.
#[derive(Clone, Debug, PartialEq)]
pub enum ChoiceLabel {
    Up,
    Down,
    Stays,
    Count(usize),
    /// The factor ∂of/∂wrt.
    Factor {
        of: String,
        wrt: String,
    },
}

/// One button of a multiple-choice question, and what picking it (wrongly) means.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: ChoiceLabel,
    pub diagnosis: Diagnosis,
    pub term: String,
}

/// The right answer and how answers are judged.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Value {
        exact: f64,
        kind: ValueKind,
        mistakes: Vec<Mistake>,
    },
    Choice {
        choices: Vec<Choice>,
        correct: usize,
    },
}

/// One question: one number (or choice) that may stand under several page ids, all solved by
/// one right answer (a one-path chain's `path-1`, `path-sum` and `grad-w21`).
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The page ids X of the number (`question-X`, `answer-X`, `check-X`, `reveal-X`,
    /// `verdict-X`); the first is the question's key. For a multiple-choice question, its one
    /// id (`question-<id>`, `choice-<id>-<k>`).
    pub ids: Vec<String>,
    pub quantity: Quantity,
    pub answer: Answer,
}

impl Question {
    /// The key progress is kept under (the first id).
    pub fn key(&self) -> &str {
        &self.ids[0]
    }

    /// The page id its field and verdict stand under (`answer-X`, `verdict-X`): the gradient's
    /// id when one of its ids is a gradient (`grad-w21` for `path-1` = `path-sum` = `grad-w21`),
    /// else its key.
    pub fn field_id(&self) -> &str {
        self.ids
            .iter()
            .find(|id| id.starts_with("grad-"))
            .unwrap_or(&self.ids[0])
    }

    /// The exact number, for a numeric question.
    pub fn exact(&self) -> Option<f64> {
        match self.answer {
            Answer::Value { exact, .. } => Some(exact),
            Answer::Choice { .. } => None,
        }
    }

    /// What it asks, named alike on every step that asks it (∂E/∂w21 on grad-w21 and on
    /// backward-params; ∂Error1/∂Y1 on the w21 and the w11 chains): one question of the lesson,
    /// solved on one step, solved on all. None for what only one step asks (a path's product, a
    /// share, a forward value, an add or multiply node's gradient).
    pub fn shared(&self) -> Option<String> {
        match &self.quantity {
            Quantity::Grad(p) => Some(format!("grad-{}", p.name())),
            Quantity::Factor { of, wrt } => Some(format!("factor-{of}-{wrt}")),
            _ => None,
        }
    }

    /// Whether this is a multiple-choice question.
    pub fn is_choice(&self) -> bool {
        matches!(self.answer, Answer::Choice { .. })
    }
}

/// The questions of one step and the ids that stay on show because the step needs them.
#[derive(Clone, Debug, PartialEq)]
pub struct StepQuestions {
    pub step: Step,
    pub questions: Vec<Question>,
    /// The inputs the learner works from, by page id (`value-x1`, `param-w11`, `upstream-y1`),
    /// with the value each shows.
    pub givens: Vec<(String, f64)>,
}

impl StepQuestions {
    /// The question whose ids include `id`.
    pub fn find(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.ids.iter().any(|x| x == id))
    }
}

/// The add and multiply steps' inputs x, y and incoming gradient ∂L/∂z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeInputs {
    pub xy: [f64; 2],
    pub upstream: f64,
}

impl NodeInputs {
    /// The app's defaults (x = 3, y = −2, ∂L/∂z = 1.5) without a seed; with one, whole numbers
    /// x, y in −9..=9 (never 0) and an incoming gradient in tenths, ±0.5 to ±3.0.
    pub fn for_seed(seed: Option<u64>) -> NodeInputs {
        let Some(seed) = seed else {
            return NodeInputs {
                xy: [3.0, -2.0],
                upstream: 1.5,
            };
        };
        // Another stream than the parameters' draw (value::random_example starts at `seed`).
        let mut state = seed ^ 0xA5A5_5A5A_C3C3_3C3C;
        let mut draw = |n: u64| {
            let (next, out) = crate::value::splitmix64(state);
            state = next;
            out % n
        };
        let mut whole = || {
            let v = draw(18) as f64 - 9.0; // -9..=8
            if v >= 0.0 {
                v + 1.0
            } else {
                v
            }
        };
        let xy = [whole(), whole()];
        let tenths = draw(26) as f64 + 5.0; // 5..=30
        let sign = if draw(2) == 0 { 1.0 } else { -1.0 };
        NodeInputs {
            xy,
            upstream: sign * tenths / 10.0,
        }
    }
}

/// The steps that ask questions, in the notes' order (forward pass, errors, grad-w21, grad-w11,
/// the sweep, the update, the add and multiply nodes).
pub fn practice_steps() -> Vec<Step> {
    let mut steps: Vec<Step> = [Stage::HiddenSum, Stage::HiddenOut, Stage::OutputSum, Stage::OutputOut]
        .into_iter()
        .map(Step::Forward)
        .collect();
    steps.push(Step::Error);
    steps.push(Step::Grad(Param::W21));
    steps.push(Step::Grad(Param::W11));
    steps.extend((0..crate::lesson::sweep_len()).map(Step::Backward));
    steps.extend([Step::Update, Step::AddNode, Step::MulNode]);
    steps
}

/// The lower-case weighted sum of an activation name (H1 → h1, Y2 → y2).
fn sum_name(act: &str) -> String {
    act.to_lowercase()
}

/// The weight a learner who reads w_ij the other way (w12 as x2 → h1) puts in place of `p`:
/// w12 ↔ w13, w22 ↔ w23 (w11, w14, w21, w24 read the same either way).
pub fn mixed_index(p: Param) -> Option<Param> {
    match p {
        Param::W12 => Some(Param::W13),
        Param::W13 => Some(Param::W12),
        Param::W22 => Some(Param::W23),
        Param::W23 => Some(Param::W22),
        _ => None,
    }
}

/// A bias's gradient taken as δ times an input: for each weight into the bias's sum, ∂E/∂sum
/// times that weight's input, with the input's name.
fn bias_as_weight(net: &Net, p: Param) -> Vec<Mistake> {
    let edge = diagram::edge_of(p);
    if edge.from != p.name() {
        return Vec::new();
    }
    let delta = net.node_grad(edge.to);
    diagram::EDGES
        .iter()
        .filter(|e| e.to == edge.to && e.from != e.param.map_or("", Param::name))
        .map(|e| Mistake {
            diagnosis: Diagnosis::BiasInput,
            value: delta * net.value(e.from),
            term: p.name().to_owned(),
        })
        .collect()
}

/// The parameter's own value typed where ∂E/∂p is asked.
fn value_for_gradient(net: &Net, p: Param) -> Mistake {
    Mistake {
        diagnosis: Diagnosis::ValueForGradient,
        value: net.param(p),
        term: partial("E", p.name()),
    }
}

fn kind(name: &str) -> Option<Kind> {
    diagram::node(name).map(|n| n.kind)
}

/// What the factor ∂of/∂wrt is, with the numbers of its likely mistakes.
pub fn local(net: &Net, of: &str, wrt: &str) -> Local {
    match (kind(of), kind(wrt)) {
        (Some(Kind::Error), Some(Kind::Activation)) => Local::ErrorSlope {
            t: net.value(&format!("t{}", of.trim_start_matches("Error"))),
            act: net.value(wrt),
            sum: net.value(&sum_name(wrt)),
        },
        (Some(Kind::Activation), Some(Kind::Sum)) => Local::SigmoidSlope {
            sum: net.value(wrt),
            act: net.value(of),
        },
        (Some(Kind::Sum), Some(Kind::Activation)) => Local::Weight {
            input: net.value(wrt),
            mixed: diagram::edge_between(wrt, of)
                .and_then(|e| e.param)
                .and_then(mixed_index)
                .map(|q| net.param(q)),
        },
        (Some(Kind::Sum), _) => match Param::from_name(wrt) {
            Some(p) if diagram::edge_of(p).from != p.name() => {
                let input = diagram::edge_of(p).from;
                let lower = (kind(input) == Some(Kind::Activation)).then(|| net.value(&sum_name(input)));
                let other = diagram::EDGES
                    .iter()
                    .find(|e| e.to == of && e.from != input && e.param.is_some_and(|q| q.name() != e.from))
                    .map(|e| net.value(e.from));
                Local::Input {
                    weight: net.param(p),
                    lower,
                    other,
                }
            }
            _ => Local::Other,
        },
        _ => Local::Other,
    }
}

fn value(ids: Vec<String>, quantity: Quantity, exact: f64, mistakes: Vec<Mistake>) -> Question {
    Question {
        ids,
        quantity,
        answer: Answer::Value {
            exact,
            kind: ValueKind::Plain,
            mistakes,
        },
    }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The questions `step` asks for `net` with learning rate `lr` and, on the add and multiply
/// steps, the node inputs `nodes`.
pub fn questions(step: Step, net: &Net, lr: f64, nodes: NodeInputs) -> StepQuestions {
    let (questions, givens) = match step {
        Step::Forward(stage) => forward(net, stage),
        Step::Error => errors(net),
        Step::Grad(p) => grad(net, p),
        Step::Backward(k) => match sweep().get(k) {
            Some(&node) => sweep_stop(net, node),
            None => params_stop(net),
        },
        Step::Update => update(net, lr),
        Step::AddNode => circuit(CircuitKind::Add, nodes),
        Step::MulNode => circuit(CircuitKind::Mul, nodes),
        Step::Descent | Step::Train | Step::Graph | Step::Playground => (Vec::new(), Vec::new()),
    };
    let circuit = match step {
        Step::AddNode => Some(Circuit::build(CircuitKind::Add, &nodes.xy, nodes.upstream)),
        Step::MulNode => Some(Circuit::build(CircuitKind::Mul, &nodes.xy, nodes.upstream)),
        _ => None,
    };
    let givens = givens
        .into_iter()
        .map(|id| {
            let v = given_value(&id, net, lr, circuit.as_ref());
            (id, v)
        })
        .collect();
    StepQuestions {
        step,
        questions,
        givens,
    }
}

/// The value the page shows under `id` for the ids givens use (NaN for any other id).
pub fn given_value(id: &str, net: &Net, lr: f64, circuit: Option<&Circuit>) -> f64 {
    let param = |name: &str| Param::from_name(name).map_or(f64::NAN, |p| net.param(p));
    let grad = |name: &str| Param::from_name(name).map_or(f64::NAN, |p| net.grad(p));
    let node =
        |name: &str, f: fn(&crate::lesson::CircuitNode) -> f64| circuit.and_then(|c| c.node(name)).map_or(f64::NAN, f);
    if id == "lr" {
        return lr;
    }
    let Some((head, name)) = id.split_once('-') else {
        return f64::NAN;
    };
    match head {
        "value" => net.value(name),
        "param" | "old" => param(name),
        "grad" => grad(name),
        "upstream" => net.node_grad(name),
        "node" => match name.split_once('-') {
            Some(("value", n)) => node(n, |c| c.value),
            Some(("grad", n)) => node(n, |c| c.grad),
            _ => f64::NAN,
        },
        _ => f64::NAN,
    }
}

type Parts = (Vec<Question>, Vec<String>);

fn param_ids(list: &[Param]) -> Vec<String> {
    list.iter().map(|p| format!("param-{}", p.name())).collect()
}

fn forward(net: &Net, stage: Stage) -> Parts {
    let sums = |names: [&'static str; 2]| -> Vec<Question> {
        names
            .into_iter()
            .map(|n| {
                let incoming: Vec<Param> = diagram::EDGES
                    .iter()
                    .filter(|e| e.to == n)
                    .filter_map(|e| e.param)
                    .collect();
                let bias = incoming.iter().copied().find(|p| diagram::edge_of(*p).from == p.name());
                let bias = bias.map_or(("", 0.0), |b| (b.name(), net.param(b)));
                let v = net.value(n);
                // The same sum with each activation input replaced by its weighted sum (H1 → h1).
                let mut lower_terms = Vec::new();
                let with_sums: f64 = incoming
                    .iter()
                    .map(|&p| {
                        let from = diagram::edge_of(p).from;
                        if from == p.name() {
                            net.param(p)
                        } else if kind(from) == Some(Kind::Activation) {
                            lower_terms.push(from);
                            net.param(p) * net.value(&sum_name(from))
                        } else {
                            net.param(p) * net.value(from)
                        }
                    })
                    .sum();
                let lower = (!lower_terms.is_empty()).then(|| (with_sums, lower_terms.join(", ")));
                // The same sum with a weight of the other index order in place (y1 with w22 for w23).
                let mixed = incoming.iter().find_map(|&p| {
                    let q = mixed_index(p)?;
                    let input = net.value(diagram::edge_of(p).from);
                    Some((v + (net.param(q) - net.param(p)) * input, p.name()))
                });
                let mistakes = diagnose::weighted_sum(v, bias, lower.as_ref().map(|(v, t)| (*v, t.as_str())), mixed);
                value(vec![format!("value-{n}")], Quantity::Forward(n), v, mistakes)
            })
            .collect()
    };
    let acts = |names: [&'static str; 2]| -> Vec<Question> {
        names
            .into_iter()
            .map(|n| {
                let z = sum_name(n);
                let mistakes = diagnose::activation(net.value(&z), &z);
                value(vec![format!("value-{n}")], Quantity::Forward(n), net.value(n), mistakes)
            })
            .collect()
    };
    let values = |names: &[&str]| names.iter().map(|n| format!("value-{n}")).collect::<Vec<_>>();
    use Param::*;
    match stage {
        Stage::Inputs => (Vec::new(), values(&["x1", "x2"])),
        Stage::HiddenSum => {
            let mut g = values(&["x1", "x2"]);
            g.extend(param_ids(&[W11, W12, W13, W14, B1, B2]));
            (sums(["h1", "h2"]), g)
        }
        Stage::HiddenOut => (acts(["H1", "H2"]), values(&["h1", "h2"])),
        Stage::OutputSum => {
            let mut g = values(&["H1", "H2"]);
            g.extend(param_ids(&[W21, W22, W23, W24, B3, B4]));
            (sums(["y1", "y2"]), g)
        }
        Stage::OutputOut => (acts(["Y1", "Y2"]), values(&["y1", "y2"])),
    }
}

fn errors(net: &Net) -> Parts {
    let mut list: Vec<Question> = [1, 2]
        .into_iter()
        .map(|k| {
            let (e, y) = (format!("Error{k}"), format!("Y{k}"));
            let mistakes =
                diagnose::error_term(net.value(&format!("t{k}")), net.value(&y), net.value(&sum_name(&y)), &y);
            let name = if k == 1 { "Error1" } else { "Error2" };
            value(
                vec![format!("value-{e}")],
                Quantity::Forward(name),
                net.value(&e),
                mistakes,
            )
        })
        .collect();
    list.push(value(
        ids(&["value-E"]),
        Quantity::Forward("E"),
        net.value("E"),
        diagnose::total_error(net.value("Error1"), net.value("Error2")),
    ));
    let givens = ids(&["value-Y1", "value-Y2", "value-t1", "value-t2"]);
    (list, givens)
}

/// The chain of `p` as the grad step shows it: each path's name (∂Error1/∂w11) and factors.
pub fn chain_terms(net: &Net, p: Param) -> Vec<(String, Vec<ChainTerm>)> {
    let frame = Frame::build(net, Step::Grad(p));
    let Some(chain) = frame.chain else {
        return Vec::new();
    };
    chain
        .paths
        .iter()
        .map(|path| {
            let terms = path
                .factors
                .iter()
                .map(|f| ChainTerm {
                    of: f.of.clone(),
                    wrt: f.wrt.clone(),
                    value: f.value,
                    local: local(net, &f.of, &f.wrt),
                })
                .collect();
            (partial(&path.source, p.name()), terms)
        })
        .collect()
}

fn grad(net: &Net, p: Param) -> Parts {
    let paths = chain_terms(net, p);
    let mut list: Vec<Question> = Vec::new();
    let mut givens: Vec<String> = Vec::new();
    let mut give = |id: String| {
        if !givens.contains(&id) {
            givens.push(id);
        }
    };
    // Factors: one question per distinct ∂of/∂wrt, under every factor-k-j id it stands at.
    for (k, (_, terms)) in paths.iter().enumerate() {
        for (j, f) in terms.iter().enumerate() {
            let id = format!("factor-{}-{}", k + 1, j + 1);
            let same =
                |q: &Question| matches!(&q.quantity, Quantity::Factor { of, wrt } if *of == f.of && *wrt == f.wrt);
            if let Some(q) = list.iter_mut().find(|q| same(q)) {
                q.ids.push(id);
                continue;
            }
            list.push(value(
                vec![id],
                Quantity::Factor {
                    of: f.of.clone(),
                    wrt: f.wrt.clone(),
                },
                f.value,
                diagnose::factor(&f.of, &f.wrt, &f.local),
            ));
            // The numbers the factor is read from stay on show.
            match f.local {
                Local::ErrorSlope { .. } => {
                    give(format!("value-{}", f.wrt));
                    give(format!("value-t{}", f.of.trim_start_matches("Error")));
                }
                Local::SigmoidSlope { .. } => give(format!("value-{}", f.of)),
                Local::Input { .. } => {
                    let from = Param::from_name(&f.wrt).map(|q| diagram::edge_of(q).from).unwrap_or("");
                    give(format!("value-{from}"));
                }
                Local::Weight { .. } => {
                    if let Some(e) = diagram::edge_between(&f.wrt, &f.of).and_then(|e| e.param) {
                        give(format!("param-{}", e.name()));
                    }
                }
                Local::Other => {}
            }
        }
    }
    let grad = net.grad(p);
    let name = p.name();
    let mut grad_mistakes = diagnose::chain(&paths);
    grad_mistakes.push(value_for_gradient(net, p));
    grad_mistakes.extend(bias_as_weight(net, p));
    if paths.len() == 1 {
        list.push(value(
            vec!["path-1".into(), "path-sum".into(), format!("grad-{name}")],
            Quantity::Grad(p),
            grad,
            grad_mistakes,
        ));
    } else if !paths.is_empty() {
        for (k, path) in paths.iter().enumerate() {
            let product = path.1.iter().map(|f| f.value).product();
            list.push(value(
                vec![format!("path-{}", k + 1)],
                Quantity::Path(k + 1),
                product,
                diagnose::chain(std::slice::from_ref(path)),
            ));
        }
        list.push(value(
            vec!["path-sum".into(), format!("grad-{name}")],
            Quantity::Grad(p),
            grad,
            grad_mistakes,
        ));
    }
    if (1..=4).contains(&paths.len()) {
        let n = paths.len();
        let choices = (1..=4)
            .map(|c| Choice {
                label: ChoiceLabel::Count(c),
                diagnosis: if c < n {
                    Diagnosis::MissingPath
                } else {
                    Diagnosis::PathCount
                },
                term: name.to_owned(),
            })
            .collect();
        // Asked first, and listed first: the chain's factors only make sense once the paths are known.
        list.insert(
            0,
            Question {
                ids: vec![format!("paths-{name}")],
                quantity: Quantity::PathCount(p),
                answer: Answer::Choice {
                    choices,
                    correct: n - 1,
                },
            },
        );
    }
    if p == Param::W11 {
        list.extend(smallest_factor(net));
    }
    (list, givens)
}

/// "Which factor makes ∂E/∂w11 so much smaller than ∂E/∂w21?": ∂E/∂w11 / ∂E/∂w21 is the
/// product of three ratios, σ′(h1) (a factor w21's chain lacks), x1 / H1 (∂h1/∂w11 in place of
/// ∂y1/∂w21) and ∂E/∂H1 / ∂E/∂y1 (what w21 and w22 carry back to H1); the answer is the one of
/// smallest size. Asked only while |∂E/∂w11| < |∂E/∂w21| and each ratio is defined.
pub fn smallest_factor(net: &Net) -> Option<Question> {
    let g = |n: &str| net.node_grad(n);
    let (big_h1, x1) = (net.value("H1"), net.value("x1"));
    let ratios = [
        (("H1", "h1"), big_h1 * (1.0 - big_h1)),
        (("h1", "w11"), x1 / big_h1),
        (("y1", "H1"), g("H1") / g("y1")),
    ];
    let smaller = net.grad(Param::W11).abs() < net.grad(Param::W21).abs();
    if !smaller || ratios.iter().any(|(_, r)| !r.is_finite()) {
        return None;
    }
    let correct = (0..3).min_by(|&a, &b| ratios[a].1.abs().total_cmp(&ratios[b].1.abs()))?;
    let choices = ratios
        .iter()
        .map(|((of, wrt), _)| Choice {
            label: ChoiceLabel::Factor {
                of: (*of).into(),
                wrt: (*wrt).into(),
            },
            diagnosis: Diagnosis::NotSmallest,
            term: partial(of, wrt),
        })
        .collect();
    Some(Question {
        ids: ids(&["smallest-factor"]),
        quantity: Quantity::SmallestFactor,
        answer: Answer::Choice { choices, correct },
    })
}

/// The named nodes that read `node` directly, each with ∂reader/∂node from the core (unnamed
/// helpers folded in, as the chain rule's factors are).
pub fn readers(net: &Net, node: &str) -> Vec<(&'static str, f64)> {
    diagram::NODES
        .iter()
        .filter_map(|c| net.local(c.name, node).map(|local| (c.name, local)))
        .collect()
}

/// Mistakes on what `reader` passes back to `node`: the local derivative alone, and each wrong
/// local value times the upstream.
fn share_mistakes(net: &Net, reader: &str, node: &str, local_value: f64) -> Vec<Mistake> {
    let up = net.node_grad(reader);
    let mut list = vec![Mistake {
        diagnosis: Diagnosis::ForgotUpstream,
        value: local_value,
        term: format!("∂E/∂{reader}"),
    }];
    let l = local(net, reader, node);
    for s in diagnose::factor_swaps(&l) {
        list.push(Mistake {
            diagnosis: s.diagnosis,
            value: up * s.value,
            term: diagnose::swap_term(s.diagnosis, reader, node),
        });
    }
    if matches!(l, Local::SigmoidSlope { .. }) {
        // σ′ left out: ∂E/∂Y1 passed on as if it were ∂E/∂y1.
        list.push(Mistake {
            diagnosis: Diagnosis::ForgotSlope,
            value: up,
            term: partial(reader, node),
        });
    }
    list
}

fn sweep_stop(net: &Net, node: &'static str) -> Parts {
    let readers = readers(net, node);
    let up = net.node_grad(node);
    let mut givens: Vec<String> = readers.iter().map(|(c, _)| format!("upstream-{c}")).collect();
    for (c, _) in &readers {
        match local(net, c, node) {
            Local::ErrorSlope { .. } => {
                givens.push(format!("value-{node}"));
                givens.push(format!("value-t{}", c.trim_start_matches("Error")));
            }
            Local::SigmoidSlope { .. } => givens.push(format!("value-{c}")),
            Local::Weight { .. } => {
                if let Some(p) = diagram::edge_between(node, c).and_then(|e| e.param) {
                    givens.push(format!("param-{}", p.name()));
                }
            }
            _ => {}
        }
    }
    let share = |&(c, l): &(&'static str, f64)| (c, net_share(net, c, l));
    let shares: Vec<(&'static str, f64)> = readers.iter().map(share).collect();
    let mut list = Vec::new();
    match shares.as_slice() {
        [] => list.push(value(
            vec![format!("upstream-{node}")],
            Quantity::Upstream(node),
            up,
            Vec::new(),
        )),
        [(c, v)] => {
            let l = readers[0].1;
            let mut mistakes = share_mistakes(net, c, node, l);
            mistakes.push(node_value_for_gradient(net, node));
            list.push(value(
                vec![format!("share-{c}"), format!("upstream-{node}")],
                Quantity::Upstream(node),
                *v,
                mistakes,
            ));
        }
        many => {
            for (i, (c, v)) in many.iter().enumerate() {
                list.push(value(
                    vec![format!("share-{c}")],
                    Quantity::Share { reader: c, node },
                    *v,
                    share_mistakes(net, c, node, readers[i].1),
                ));
            }
            let mut mistakes: Vec<Mistake> = many
                .iter()
                .enumerate()
                .map(|(i, (_, v))| {
                    let others: Vec<String> = many
                        .iter()
                        .enumerate()
                        .filter(|&(j, _)| j != i)
                        .map(|(_, (c, _))| format!("∂E/∂{c}·{}", partial(c, node)))
                        .collect();
                    Mistake {
                        diagnosis: Diagnosis::MissingPath,
                        value: *v,
                        term: others.join(", "),
                    }
                })
                .collect();
            mistakes.push(node_value_for_gradient(net, node));
            list.push(value(
                vec![format!("upstream-{node}")],
                Quantity::Upstream(node),
                up,
                mistakes,
            ));
        }
    }
    (list, givens)
}

/// A node's own value typed where ∂E/∂node is asked.
fn node_value_for_gradient(net: &Net, node: &str) -> Mistake {
    Mistake {
        diagnosis: Diagnosis::ValueForGradient,
        value: net.value(node),
        term: partial("E", node),
    }
}

/// The slips on ∂E/∂p = ∂E/∂sum · ∂sum/∂p at the sweep's last stop, besides a share's: σ′ of
/// the sum left out, one path only into a hidden activation, a bias times an input, the
/// weight of the other index order, the parameter's own value.
fn param_mistakes(net: &Net, p: Param, reader: &str, l: f64) -> Vec<Mistake> {
    let act = reader.to_uppercase();
    let slope = {
        let s = net.value(&act);
        s * (1.0 - s)
    };
    let mut list = share_mistakes(net, reader, p.name(), l);
    list.push(Mistake {
        diagnosis: Diagnosis::ForgotSlope,
        value: net.node_grad(&act) * l,
        term: partial(&act, reader),
    });
    // A hidden sum: ∂E/∂H collects one share from each output; one of them alone.
    let outs = readers(net, &act);
    if outs.len() > 1 {
        for (i, (c, w)) in outs.iter().enumerate() {
            let others: Vec<String> = outs
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, (o, _))| format!("∂E/∂{o}·{}", partial(o, &act)))
                .collect();
            list.push(Mistake {
                diagnosis: Diagnosis::MissingPath,
                value: net.node_grad(c) * w * slope * l,
                term: others.join(", "),
            });
        }
    }
    list.extend(bias_as_weight(net, p));
    // δ of the sum alone, the input the weight multiplies left out (for a bias δ is right).
    list.push(Mistake {
        diagnosis: Diagnosis::MissingFactor,
        value: net.node_grad(reader),
        term: partial(reader, p.name()),
    });
    if let Some(q) = mixed_index(p) {
        list.push(Mistake {
            diagnosis: Diagnosis::WeightIndex,
            value: net.grad(q),
            term: p.name().to_owned(),
        });
    }
    list.push(value_for_gradient(net, p));
    list
}

fn net_share(net: &Net, reader: &str, local: f64) -> f64 {
    net.node_grad(reader) * local
}

fn params_stop(net: &Net) -> Parts {
    let mut givens = Vec::new();
    let list = Param::ALL
        .into_iter()
        .map(|p| {
            let reader = diagram::edge_of(p).to;
            let l = readers(net, p.name())
                .into_iter()
                .find(|(c, _)| *c == reader)
                .map_or(f64::NAN, |(_, l)| l);
            let up_id = format!("upstream-{reader}");
            if !givens.contains(&up_id) {
                givens.push(up_id);
            }
            value(
                vec![format!("grad-{}", p.name())],
                Quantity::Grad(p),
                net.grad(p),
                param_mistakes(net, p, reader, l),
            )
        })
        .collect();
    (list, givens)
}

fn update(net: &Net, lr: f64) -> Parts {
    let u = Update::of(net, lr);
    let mut list = Vec::new();
    let mut givens = vec!["lr".to_string()];
    for p in [Param::W21, Param::W11] {
        let Some(r) = u.rows.iter().find(|r| r.param == p) else {
            continue;
        };
        let name = p.name();
        list.push(Question {
            ids: vec![format!("next-{name}")],
            quantity: Quantity::Next(p),
            answer: Answer::Value {
                exact: r.new,
                kind: ValueKind::Updated {
                    old: r.old,
                    change: -lr * r.grad,
                },
                mistakes: diagnose::update(name, r.old, lr, r.grad),
            },
        });
        givens.push(format!("old-{name}"));
        givens.push(format!("grad-{name}"));
    }
    for p in [Param::W21, Param::W11] {
        let Some(r) = u.rows.iter().find(|r| r.param == p) else {
            continue;
        };
        let change = -lr * r.grad;
        let correct = if change > 0.0 {
            0
        } else if change < 0.0 {
            1
        } else {
            2
        };
        let term = format!("−η·∂E/∂{}", p.name());
        let choices = [ChoiceLabel::Up, ChoiceLabel::Down, ChoiceLabel::Stays]
            .into_iter()
            .enumerate()
            .map(|(k, label)| Choice {
                label,
                diagnosis: if k == 2 {
                    Diagnosis::NoUpdate
                } else {
                    Diagnosis::WrongDirection
                },
                term: term.clone(),
            })
            .collect();
        list.push(Question {
            ids: vec![format!("direction-{}", p.name())],
            quantity: Quantity::Direction(p),
            answer: Answer::Choice { choices, correct },
        });
    }
    (list, givens)
}

fn circuit(kind: CircuitKind, nodes: NodeInputs) -> Parts {
    let c = Circuit::build(kind, &nodes.xy, nodes.upstream);
    let Some(z) = c.nodes.iter().position(|n| n.name == "z") else {
        return (Vec::new(), Vec::new());
    };
    let list = ["x", "y"]
        .into_iter()
        .filter_map(|input| {
            let i = c.nodes.iter().position(|n| n.name == input)?;
            let local = c.edges.iter().find(|e| e.from == i && e.to == z)?.local;
            let own = (kind == CircuitKind::Mul).then_some(c.nodes[i].value);
            let mistakes = diagnose::node_grad(nodes.upstream, local, own, input);
            Some(value(
                vec![format!("node-grad-{input}")],
                Quantity::NodeGrad(input),
                c.nodes[i].grad,
                mistakes,
            ))
        })
        .collect();
    let givens = ids(&["node-value-x", "node-value-y", "node-value-z", "node-grad-z"]);
    (list, givens)
}
