//! Every formula the lessons show, built from the model's numbers (never recomputed here): the one place their notation lives.

use super::{add, apply, dot, frac, juxt, neg, num, partial, pow, sub, sym, Expr, Formula, Rel};
use crate::diagram::{self, Kind, EDGES};
use crate::lesson::{ChainFactor, ChainPath, Circuit, CircuitKind, SigmoidMark, Tie};
use crate::net::{Net, Param};

fn one() -> Expr {
    Expr::Const("1")
}

fn half() -> Expr {
    frac(one(), Expr::Const("2"))
}

fn kind(name: &str) -> Option<Kind> {
    diagram::node(name).map(|n| n.kind)
}

/// The weighted sum `node` (h1, h2, y1, y2) as the diagram wires it: weight times input for each
/// incoming weight, plus the bias (h1 = w11·x1 + w13·x2 + b1).
pub fn weighted_sum(net: &Net, node: &str) -> Option<Formula> {
    let incoming: Vec<(Param, &str)> = EDGES
        .iter()
        .filter(|e| e.to == node)
        .filter_map(|e| e.param.map(|p| (p, e.from)))
        .collect();
    if incoming.is_empty() {
        return None;
    }
    let term = |p: Param, from: &str, numbers: bool| {
        let is_bias = from == p.name();
        match (is_bias, numbers) {
            (true, false) => sym(p.name()),
            (true, true) => num(net.param(p)),
            (false, false) => dot(vec![sym(p.name()), sym(from)]),
            (false, true) => dot(vec![num(net.param(p)), num(net.value(from))]),
        }
    };
    let sum = |numbers: bool| add(incoming.iter().map(|&(p, f)| term(p, f, numbers)).collect());
    Some(
        Formula::new(sym(node), Rel::Eq, vec![sum(false)])
            .with_numbers(sum(true))
            .with_result(net.value(node)),
    )
}

/// The sum an activation node (H1, H2, Y1, Y2) reads.
fn sum_of(activation: &str) -> Option<&'static str> {
    EDGES
        .iter()
        .find(|e| e.to == activation && e.param.is_none() && kind(e.from) == Some(Kind::Sum))
        .map(|e| e.from)
}

/// The activation `out` = σ(sum) = 1 / (1 + e^(−sum)), with the sum's value.
pub fn activation(net: &Net, out: &str) -> Option<Formula> {
    let input = sum_of(out)?;
    let logistic = |z: Expr| frac(one(), add(vec![one(), pow(sym("e"), neg(z))]));
    Some(
        Formula::new(sym(out), Rel::Eq, vec![apply("σ", sym(input)), logistic(sym(input))])
            .with_numbers(logistic(num(net.value(input))))
            .with_result(net.value(out)),
    )
}

/// Error`k` = ½(t`k` − Y`k`)², for k = 1 or 2.
pub fn error_term(net: &Net, k: usize) -> Formula {
    let (t, y, e) = (format!("t{k}"), format!("Y{k}"), format!("Error{k}"));
    let form = |a: Expr, b: Expr| juxt(half(), pow(sub(a, b), Expr::Const("2")));
    Formula::new(sym(&e), Rel::Eq, vec![form(sym(&t), sym(&y))])
        .with_numbers(form(num(net.value(&t)), num(net.value(&y))))
        .with_result(net.value(&e))
}

/// E = Error1 + Error2.
pub fn total_error(net: &Net) -> Formula {
    Formula::new(sym("E"), Rel::Eq, vec![add(vec![sym("Error1"), sym("Error2")])])
        .with_numbers(add(vec![num(net.value("Error1")), num(net.value("Error2"))]))
        .with_result(net.value("E"))
}

/// One chain-rule factor ∂of/∂wrt with its local rule, e.g. ∂Error1/∂Y1 = Y1 − t1 = 0.75 − 0.01,
/// ∂Y1/∂y1 = σ′(y1) = Y1(1 − Y1), ∂y1/∂w21 = H1, ∂y1/∂H1 = w21, ∂h1/∂b1 = 1; the result is the
/// factor's value from the core.
pub fn local(net: &Net, f: &ChainFactor) -> Formula {
    let (of, wrt) = (f.of.as_str(), f.wrt.as_str());
    let mut formula = Formula::new(partial(of, wrt), Rel::Eq, Vec::new()).with_result(f.value);
    match (kind(of), kind(wrt)) {
        (Some(Kind::Error), Some(Kind::Activation)) => {
            let t = format!("t{}", of.trim_start_matches("Error"));
            formula.rhs = vec![sub(sym(wrt), sym(&t))];
            formula.numbers = Some(sub(num(net.value(wrt)), num(net.value(&t))));
        }
        (Some(Kind::Activation), Some(Kind::Sum)) => {
            let s = net.value(of);
            formula.rhs = vec![apply("σ′", sym(wrt)), juxt(sym(of), sub(one(), sym(of)))];
            formula.numbers = Some(dot(vec![num(s), sub(one(), num(s))]));
        }
        (Some(Kind::Sum), _) => {
            if let Some(p) = Param::from_name(wrt) {
                let e = diagram::edge_of(p);
                formula.rhs = vec![if e.from == wrt { one() } else { sym(e.from) }];
            } else if let Some(p) = diagram::edge_between(wrt, of).and_then(|e| e.param) {
                formula.rhs = vec![sym(p.name())];
            }
        }
        _ => {}
    }
    formula
}

/// One path's product: ∂Error1/∂w21 = ∂Error1/∂Y1 · ∂Y1/∂y1 · ∂y1/∂w21, the factors' values,
/// and the product the model computed.
pub fn path_product(p: Param, path: &ChainPath) -> Formula {
    let symbols = dot(path
        .factors
        .iter()
        .map(|f| partial(f.of.as_str(), f.wrt.as_str()))
        .collect());
    Formula::new(partial(path.source.as_str(), p.name()), Rel::Eq, vec![symbols])
        .with_numbers(dot(path.factors.iter().map(|f| num(f.value)).collect()))
        .with_result(path.product)
}

/// ∂E/∂p as the sum of its paths (E = Error1 + Error2), with each path's product; one path is
/// written on one line. `None` without paths.
pub fn path_sum(p: Param, paths: &[ChainPath], sum: f64) -> Option<Formula> {
    let terms: Vec<Expr> = paths
        .iter()
        .map(|path| partial(path.source.as_str(), p.name()))
        .collect();
    let (rhs, numbers) = match terms.len() {
        0 => return None,
        1 => (terms.into_iter().next()?, None),
        _ => (
            add(terms),
            Some(add(paths.iter().map(|path| num(path.product)).collect())),
        ),
    };
    let mut f = Formula::new(partial("E", p.name()), Rel::Eq, vec![rhs]).with_result(sum);
    f.numbers = numbers;
    Some(f)
}

/// What ∂E/∂p means, as three lines with the numbers: the nudge Δ, the change of E the
/// gradient predicts (∂E/∂p · Δ) and the change a second forward pass observes
/// (ΔE = E(p + Δ) − E), ids `nudge-delta`, `nudge-predicted-<p>`, `nudge-observed-<p>`.
pub fn nudge(n: &crate::lesson::Nudge, error: f64) -> Vec<Formula> {
    let p = n.param.name();
    let delta = Formula::new(sym("Δ"), Rel::Eq, Vec::new())
        .with_result(n.delta)
        .shown_as("nudge-delta");
    let predicted = Formula::new(dot(vec![partial("E", p), sym("Δ")]), Rel::Eq, Vec::new())
        .with_numbers(dot(vec![num(n.grad), num(n.delta)]))
        .with_result(n.predicted)
        .shown_as(format!("nudge-predicted-{p}"))
        .in_decimals();
    let moved = apply("E", add(vec![sym(p), sym("Δ")]));
    let observed = Formula::new(sym("ΔE"), Rel::Eq, vec![sub(moved, sym("E"))])
        .with_numbers(sub(num(error + n.observed), num(error)))
        .with_result(n.observed)
        .shown_as(format!("nudge-observed-{p}"))
        .in_decimals();
    vec![delta.in_decimals(), predicted, observed]
}

/// The update rule in general: W ← W − η · ∂E/∂W (the right side uses the old value).
pub fn update_rule() -> Formula {
    Formula::new(
        sym("W"),
        Rel::Gets,
        vec![sub(sym("W"), dot(vec![sym("η"), partial("E", "W")]))],
    )
}

/// One parameter's update p ← p − η · ∂E/∂p with its old value, the learning rate and its
/// gradient, and the new value the model computed.
pub fn update(p: Param, old: f64, lr: f64, grad: f64, new: f64) -> Formula {
    let rule = sub(sym(p.name()), dot(vec![sym("η"), partial("E", p.name())]));
    Formula::new(sym(p.name()), Rel::Gets, vec![rule])
        .with_numbers(sub(num(old), dot(vec![num(lr), num(grad)])))
        .with_result(new)
}

/// The sigmoid's derivative at one point: σ′(z) = σ(z)(1 − σ(z)) = S(1 − S), and its value
/// (the tangent's slope the core computed).
pub fn sigmoid_slope(m: &SigmoidMark) -> Formula {
    let s = || apply("σ", sym(m.input));
    let rhs = vec![
        juxt(s(), sub(one(), s())),
        juxt(sym(m.output), sub(one(), sym(m.output))),
    ];
    Formula::new(apply("σ′", sym(m.input)), Rel::Eq, rhs)
        .with_numbers(dot(vec![num(m.s), sub(one(), num(m.s))]))
        .with_result(m.slope)
}

/// The forward rule of the add or multiply node: z = x + y or z = x · y, with its value.
pub fn node_forward(c: &Circuit) -> Option<Formula> {
    let (x, y, z) = (c.node("x")?, c.node("y")?, c.node("z")?);
    let join = |a: Expr, b: Expr| match c.kind {
        CircuitKind::Mul => dot(vec![a, b]),
        _ => add(vec![a, b]),
    };
    Some(
        Formula::new(sym("z"), Rel::Eq, vec![join(sym("x"), sym("y"))])
            .with_numbers(join(num(x.value), num(y.value)))
            .with_result(z.value),
    )
}

/// The backward rule of the add or multiply node for one input: ∂L/∂x = ∂L/∂z · ∂z/∂x = ∂L/∂z · 1
/// (add) or ∂L/∂z · y (multiply: the other input), with the incoming gradient, the local
/// derivative the core computed, and the input's gradient.
pub fn node_backward(c: &Circuit, input: &str) -> Option<Formula> {
    let z = c.nodes.iter().position(|n| n.name == "z")?;
    let i = c.nodes.iter().position(|n| n.name == input)?;
    let edge = c.edges.iter().find(|e| e.from == i && e.to == z)?;
    let local = match c.kind {
        CircuitKind::Add => one(),
        CircuitKind::Mul => sym(if input == "x" { "y" } else { "x" }),
        _ => return None,
    };
    let rhs = vec![
        dot(vec![partial("L", "z"), partial("z", input)]),
        dot(vec![partial("L", "z"), local]),
    ];
    Some(
        Formula::new(partial("L", input), Rel::Eq, rhs)
            .with_numbers(dot(vec![num(c.nodes[z].grad), num(edge.local)]))
            .with_result(c.nodes[i].grad),
    )
}

/// The share one edge of a worked graph passes back: ∂out/∂from += ∂out/∂node · ∂node/∂from with
/// the node's gradient, the edge's local derivative, and the share the core passed back.
pub fn share(out: &str, node: &str, from: &str, grad: f64, local: f64, share: f64) -> Formula {
    Formula::new(
        partial(out, from),
        Rel::AddTo,
        vec![dot(vec![partial(out, node), partial(node, from)])],
    )
    .with_numbers(dot(vec![num(grad), num(local)]))
    .with_result(share)
}

/// A gradient the model computed, on its own: ∂of/∂wrt = value.
pub fn gradient(of: &str, wrt: &str, value: f64) -> Formula {
    Formula::new(partial(of, wrt), Rel::Eq, Vec::new()).with_result(value)
}

/// Where a circuit rule acts in the network, with the core's numbers; each result is a `tie-*`
/// number of the page. Add: E = Error1 + Error2 and its local derivatives 1. Multiply: y1's
/// sum, ∂y1/∂w21 = H1, ∂y1/∂H1 = w21, and ∂E/∂w21 = ∂E/∂y1 · H1. Fan-out: H1's two shares and
/// their sum ∂E/∂H1.
pub fn tie(t: &Tie, net: &Net) -> Vec<Formula> {
    match *t {
        Tie::Add { errors, e, local } => vec![
            Formula::new(sym("E"), Rel::Eq, vec![add(vec![sym("Error1"), sym("Error2")])])
                .with_numbers(add(vec![num(errors[0]), num(errors[1])]))
                .with_result(e)
                .shown_as("tie-E"),
            gradient("E", "Error1", local[0]).shown_as("tie-dE-dError1"),
            gradient("E", "Error2", local[1]).shown_as("tie-dE-dError2"),
        ],
        Tie::Mul {
            local_w21,
            local_h1,
            upstream,
            grad_w21,
        } => {
            let mut list: Vec<Formula> = weighted_sum(net, "y1")
                .map(|f| f.shown_as("tie-y1"))
                .into_iter()
                .collect();
            list.extend([
                Formula::new(partial("y1", "w21"), Rel::Eq, vec![sym("H1")])
                    .with_result(local_w21)
                    .shown_as("tie-H1"),
                Formula::new(partial("y1", "H1"), Rel::Eq, vec![sym("w21")])
                    .with_result(local_h1)
                    .shown_as("tie-w21"),
                Formula::new(
                    partial("E", "w21"),
                    Rel::Eq,
                    vec![
                        dot(vec![partial("E", "y1"), partial("y1", "w21")]),
                        dot(vec![partial("E", "y1"), sym("H1")]),
                    ],
                )
                .with_numbers(dot(vec![num(upstream), num(local_w21)]))
                .with_result(grad_w21)
                .shown_as("tie-grad-w21"),
            ]);
            list
        }
        Tie::FanOut {
            upstream,
            local,
            shares,
            total,
        } => {
            let path = |k: usize| dot(vec![partial("E", format!("y{k}")), partial(format!("y{k}"), "H1")]);
            vec![
                share("E", "y1", "H1", upstream[0], local[0], shares[0]).shown_as("tie-share-y1"),
                share("E", "y2", "H1", upstream[1], local[1], shares[1]).shown_as("tie-share-y2"),
                Formula::new(partial("E", "H1"), Rel::Eq, vec![add(vec![path(1), path(2)])])
                    .with_numbers(add(vec![num(shares[0]), num(shares[1])]))
                    .with_result(total)
                    .shown_as("tie-dE-dH1"),
            ]
        }
    }
}
