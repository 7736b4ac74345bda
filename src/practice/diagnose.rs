//! The common mistakes a learner makes on each kind of number, computed from the current numbers, and their names (`data-diagnosis`).

use crate::autograd::sigmoid;

/// What an answer was found to be. Its [`Diagnosis::key`] is the page's `data-diagnosis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Diagnosis {
    /// The answer is right.
    Correct,
    /// The right size with the wrong sign (t − Y instead of Y − t).
    Sign,
    /// A gradient with two paths (or two readers) taken along one only.
    MissingPath,
    /// The sigmoid's derivative taken at the wrong place: z(1 − z) with the weighted sum z, or
    /// σ(S)(1 − σ(S)) with the activation S.
    WrongActivation,
    /// An update without the learning rate: p − ∂E/∂p.
    ForgotLr,
    /// An update the wrong way: p + η·∂E/∂p.
    WrongDirection,
    /// Right to two significant digits, not to three.
    Rounding,
    /// A weighted sum without its bias.
    ForgotBias,
    /// A weighted sum (h, y) used where its activation (H, Y) belongs.
    SumForActivation,
    /// Error = (t − Y)² without the ½, or its derivative 2(Y − t).
    MissingHalf,
    /// The activation's value given as the weighted sum (the sigmoid not applied).
    NoActivation,
    /// σ(z) computed as 1 / (1 + e^z): the sign in the exponent lost.
    ExpSign,
    /// E given as one of its two error terms.
    MissingTerm,
    /// A weight where the input belongs or the other way round (∂y1/∂w21 is H1, ∂y1/∂H1 is w21;
    /// the notes' slip writes ∂y1/∂w21 in the w11 chain).
    WeightInputSwap,
    /// A chain-rule product with one factor left out.
    MissingFactor,
    /// The local derivative passed back without multiplying by the upstream gradient.
    ForgotUpstream,
    /// A multiply node's input gradient using the input's own value instead of the other input's.
    NoSwap,
    /// The old value typed as the updated one.
    NoUpdate,
    /// Only the change −η·∂E/∂p typed, not the new value.
    ChangeOnly,
    /// A factor picked as the one that shrinks ∂E/∂w11 most that is not it.
    NotSmallest,
    /// A multiple-choice answer that is not the right one and matches no named mistake, or a
    /// number that matches no mistake.
    Unknown,
    /// The weight indices mixed up: w12 read as x2 → h1 (the notes' w12 is x1 → h2), w22 as
    /// H2 → y1, and the other way round.
    WeightIndex,
    /// σ′ left out: σ(z) itself where ∂σ/∂z belongs, or a share or gradient without σ′.
    ForgotSlope,
    /// A bias's gradient taken as δ times an input (its local derivative is 1).
    BiasInput,
    /// The quantity's own value typed where its gradient ∂E/∂· was asked.
    ValueForGradient,
    /// The exact value with its digits cut off instead of rounded, so the last digit is wrong.
    Truncation,
    /// A path count that is not the number of routes from E back to the parameter.
    PathCount,
    /// An updated value right to the digits given, too few for its change to be judged.
    MoreDigits,
    /// Right (within the tolerance), but the exact value cut rather than rounded: accepted, with
    /// the rounded digits shown (0.0821 for 0.082167: rounded it is 0.0822).
    CorrectButCut,
}

impl Diagnosis {
    /// Every diagnosis, in declaration order (the index of [`Diagnosis::index`]).
    pub const ALL: [Diagnosis; 29] = [
        Diagnosis::Correct,
        Diagnosis::Sign,
        Diagnosis::MissingPath,
        Diagnosis::WrongActivation,
        Diagnosis::ForgotLr,
        Diagnosis::WrongDirection,
        Diagnosis::Rounding,
        Diagnosis::ForgotBias,
        Diagnosis::SumForActivation,
        Diagnosis::MissingHalf,
        Diagnosis::NoActivation,
        Diagnosis::ExpSign,
        Diagnosis::MissingTerm,
        Diagnosis::WeightInputSwap,
        Diagnosis::MissingFactor,
        Diagnosis::ForgotUpstream,
        Diagnosis::NoSwap,
        Diagnosis::NoUpdate,
        Diagnosis::ChangeOnly,
        Diagnosis::NotSmallest,
        Diagnosis::Unknown,
        Diagnosis::WeightIndex,
        Diagnosis::ForgotSlope,
        Diagnosis::BiasInput,
        Diagnosis::ValueForGradient,
        Diagnosis::Truncation,
        Diagnosis::PathCount,
        Diagnosis::MoreDigits,
        Diagnosis::CorrectButCut,
    ];

    /// The page's `data-diagnosis` (`correct` for a right answer).
    pub fn key(self) -> &'static str {
        [
            "correct",
            "sign",
            "missing-path",
            "wrong-activation",
            "forgot-lr",
            "wrong-direction",
            "rounding",
            "forgot-bias",
            "sum-for-activation",
            "missing-half",
            "no-activation",
            "exp-sign",
            "missing-term",
            "weight-input-swap",
            "missing-factor",
            "forgot-upstream",
            "no-swap",
            "no-update",
            "change-only",
            "not-smallest",
            "unknown",
            "weight-index",
            "forgot-slope",
            "bias-input",
            "value-for-gradient",
            "truncation",
            "path-count",
            "more-digits",
            "correct-cut",
        ][self.index()]
    }

    /// Whether the answer it names is right (a cut answer within the tolerance is).
    pub fn is_correct(self) -> bool {
        matches!(self, Diagnosis::Correct | Diagnosis::CorrectButCut)
    }

    /// Position in [`Diagnosis::ALL`] (and in the hint tables of `i18n::practice`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The diagnosis with this key.
    pub fn from_key(key: &str) -> Option<Diagnosis> {
        Diagnosis::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// One wrong answer a learner is likely to give, with the term its hint points at (a symbol
/// such as `b1`, `σ′(y1)`, `∂E/∂y2`, never the answer).
#[derive(Clone, Debug, PartialEq)]
pub struct Mistake {
    pub diagnosis: Diagnosis,
    /// The number this mistake gives (for an updated value: the new value it gives).
    pub value: f64,
    pub term: String,
}

fn mistake(diagnosis: Diagnosis, value: f64, term: impl Into<String>) -> Mistake {
    Mistake {
        diagnosis,
        value,
        term: term.into(),
    }
}

/// ∂of/∂wrt as the lesson writes it.
pub fn partial(of: &str, wrt: &str) -> String {
    format!("∂{of}/∂{wrt}")
}

/// The two wrong sigmoid derivatives for the activation `act` = σ(`sum`): `sum`(1 − `sum`) and
/// σ(`act`)(1 − σ(`act`)).
pub fn wrong_slopes(sum_value: f64, act_value: f64) -> [f64; 2] {
    let s = sigmoid(act_value);
    [sum_value * (1.0 - sum_value), s * (1.0 - s)]
}

/// Mistakes on a weighted sum `h = Σ w·in + b` given its terms `(w, in, in's activation-free
/// sum if the input is an activation)`, the bias and its name.
/// `mixed` is the same sum with a weight of the other index order in place (w22 for w23), and
/// that weight's name.
pub fn weighted_sum(
    value: f64,
    bias: (&str, f64),
    lower_inputs: Option<(f64, &str)>,
    mixed: Option<(f64, &str)>,
) -> Vec<Mistake> {
    let mut list = vec![mistake(Diagnosis::ForgotBias, value - bias.1, bias.0)];
    if let Some((with_sums, term)) = lower_inputs {
        list.push(mistake(Diagnosis::SumForActivation, with_sums, term));
    }
    if let Some((v, term)) = mixed {
        list.push(mistake(Diagnosis::WeightIndex, v, term));
    }
    list
}

/// Mistakes on an activation S = σ(z): the sum itself, and 1 / (1 + e^z).
pub fn activation(z: f64, z_name: &str) -> Vec<Mistake> {
    vec![
        mistake(Diagnosis::NoActivation, z, format!("σ({z_name})")),
        mistake(Diagnosis::ExpSign, 1.0 / (1.0 + z.exp()), format!("e^(−{z_name})")),
    ]
}

/// Mistakes on Error_k = ½(t − Y)²: no ½, and the weighted sum y in place of Y.
pub fn error_term(t: f64, y_act: f64, y_sum: f64, y_name: &str) -> Vec<Mistake> {
    vec![
        mistake(Diagnosis::MissingHalf, (t - y_act).powi(2), "½"),
        mistake(Diagnosis::SumForActivation, 0.5 * (t - y_sum).powi(2), y_name),
    ]
}

/// Mistakes on E = Error1 + Error2: one term only.
pub fn total_error(e1: f64, e2: f64) -> Vec<Mistake> {
    vec![
        mistake(Diagnosis::MissingTerm, e1, "Error2"),
        mistake(Diagnosis::MissingTerm, e2, "Error1"),
    ]
}

/// Mistakes on an updated parameter `p ← p − η·∂E/∂p`.
pub fn update(name: &str, old: f64, lr: f64, grad: f64) -> Vec<Mistake> {
    vec![
        mistake(Diagnosis::ForgotLr, old - grad, "η"),
        mistake(Diagnosis::WrongDirection, old + lr * grad, format!("−η·∂E/∂{name}")),
        mistake(Diagnosis::ChangeOnly, -lr * grad, name),
        mistake(Diagnosis::NoUpdate, old, format!("η·∂E/∂{name}")),
    ]
}

/// Mistakes on an add or multiply node's input gradient ∂L/∂`input` = upstream · local, where
/// `own` is the input's own value (a multiply node's local derivative is the other input).
pub fn node_grad(upstream: f64, local: f64, own: Option<f64>, input: &str) -> Vec<Mistake> {
    let mut list = vec![mistake(Diagnosis::ForgotUpstream, local, "∂L/∂z")];
    if let Some(own) = own {
        list.push(mistake(Diagnosis::NoSwap, upstream * own, partial("z", input)));
    }
    list
}

/// The value of a local derivative that a mistake replaces, and what it is replaced by.
#[derive(Clone, Debug, PartialEq)]
pub struct Swap {
    pub diagnosis: Diagnosis,
    pub value: f64,
}

/// The wrong values a learner may put in place of one chain-rule factor ∂of/∂wrt, given what
/// the factor is (see [`crate::practice::questions::Local`]).
pub fn factor_swaps(local: &super::questions::Local) -> Vec<Swap> {
    use super::questions::Local;
    let swap = |diagnosis, value| Swap { diagnosis, value };
    match *local {
        Local::ErrorSlope { t, act, sum } => vec![
            swap(Diagnosis::MissingHalf, 2.0 * (act - t)),
            swap(Diagnosis::SumForActivation, sum - t),
        ],
        Local::SigmoidSlope { sum, act } => {
            let [a, b] = wrong_slopes(sum, act);
            vec![
                swap(Diagnosis::WrongActivation, a),
                swap(Diagnosis::WrongActivation, b),
                swap(Diagnosis::ForgotSlope, act),
            ]
        }
        Local::Input { weight, lower, other } => {
            let mut list = vec![swap(Diagnosis::WeightInputSwap, weight)];
            if let Some(lower) = lower {
                list.push(swap(Diagnosis::SumForActivation, lower));
            }
            if let Some(other) = other {
                list.push(swap(Diagnosis::WeightIndex, other));
            }
            list
        }
        Local::Weight { input, mixed } => {
            let mut list = vec![swap(Diagnosis::WeightInputSwap, input)];
            if let Some(mixed) = mixed {
                list.push(swap(Diagnosis::WeightIndex, mixed));
            }
            list
        }
        Local::Other => Vec::new(),
    }
}

/// The term a swapped factor ∂of/∂wrt's hint points at: the factor, or for mixed-up weight
/// indices the weight that belongs there (w23 on ∂y1/∂H2, w11 on ∂h1/∂w11).
pub fn swap_term(d: Diagnosis, of: &str, wrt: &str) -> String {
    let weight = crate::diagram::edge_between(wrt, of)
        .and_then(|e| e.param)
        .or_else(|| crate::net::Param::from_name(wrt));
    match (d, weight) {
        (Diagnosis::WeightIndex, Some(p)) => p.name().to_owned(),
        _ => partial(of, wrt),
    }
}

/// Mistakes on one chain-rule factor: each wrong value in its place, named by the factor; and
/// the value of `wrt` itself typed for ∂of/∂wrt (Y1 for ∂Error1/∂Y1, h1 for ∂H1/∂h1).
pub fn factor(of: &str, wrt: &str, local: &super::questions::Local) -> Vec<Mistake> {
    use super::questions::Local;
    let mut list: Vec<Mistake> = factor_swaps(local)
        .into_iter()
        .map(|s| mistake(s.diagnosis, s.value, swap_term(s.diagnosis, of, wrt)))
        .collect();
    if let Local::ErrorSlope { act: own, .. } | Local::SigmoidSlope { sum: own, .. } = *local {
        list.push(mistake(Diagnosis::ValueForGradient, own, partial(of, wrt)));
    }
    list
}

/// Mistakes on a sum of path products (one path's product when `paths` has one): each path
/// alone (when two or more), each factor left out, each factor replaced by a wrong value
/// (everywhere it occurs). Each path comes with its name (∂Error2/∂w11), which a missing-path
/// hint points at.
pub fn chain(paths: &[(String, Vec<super::questions::ChainTerm>)]) -> Vec<Mistake> {
    let total = |skip: &dyn Fn(&super::questions::ChainTerm) -> Option<f64>| -> f64 {
        paths
            .iter()
            .map(|(_, p)| p.iter().map(|f| skip(f).unwrap_or(f.value)).product::<f64>())
            .sum()
    };
    let mut list = Vec::new();
    if paths.len() > 1 {
        for (k, (_, path)) in paths.iter().enumerate() {
            let others: Vec<&str> = (0..paths.len())
                .filter(|&j| j != k)
                .map(|j| paths[j].0.as_str())
                .collect();
            let product = path.iter().map(|f| f.value).product();
            list.push(mistake(Diagnosis::MissingPath, product, others.join(", ")));
        }
    }
    let mut seen: Vec<(String, String)> = Vec::new();
    for f in paths.iter().flat_map(|(_, p)| p) {
        if seen.iter().any(|(o, w)| *o == f.of && *w == f.wrt) {
            continue;
        }
        seen.push((f.of.clone(), f.wrt.clone()));
        let same = |g: &super::questions::ChainTerm| g.of == f.of && g.wrt == f.wrt;
        list.push(mistake(
            Diagnosis::MissingFactor,
            total(&|g| same(g).then_some(1.0)),
            partial(&f.of, &f.wrt),
        ));
        for s in factor_swaps(&f.local) {
            list.push(mistake(
                s.diagnosis,
                total(&|g| same(g).then_some(s.value)),
                swap_term(s.diagnosis, &f.of, &f.wrt),
            ));
        }
    }
    // The notes' slip done consistently: every ∂y/∂H read as the input H instead of the weight.
    let weights: Vec<&super::questions::ChainTerm> = paths
        .iter()
        .flat_map(|(_, p)| p)
        .filter(|f| matches!(f.local, super::questions::Local::Weight { .. }))
        .collect();
    if weights.len() > 1 {
        let swapped = total(&|g| match g.local {
            super::questions::Local::Weight { input, .. } => Some(input),
            _ => None,
        });
        let terms: Vec<String> = weights.iter().map(|f| partial(&f.of, &f.wrt)).collect();
        list.push(mistake(Diagnosis::WeightInputSwap, swapped, terms.join(", ")));
    }
    list
}
