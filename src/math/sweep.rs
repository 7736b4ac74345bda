//! The backward sweep's formulas: each reader's local derivative, the share it passes back, their sum, and each parameter's gradient as δ times input; numbers from the model.

use super::{add, dot, frac, juxt, neg, num, partial, sub, sym, Expr, Formula, Rel};
use crate::diagram;
use crate::lesson::{ParamGrad, Share, Stop, StopKind};

fn one() -> Expr {
    Expr::Const("1")
}

/// The name δ of a weighted sum is written with: `δ_y1`.
pub fn delta(node: &str) -> String {
    format!("δ_{node}")
}

/// Whether `name` is a weighted sum (y1, h2), whose gradient the lesson calls its δ.
fn is_sum(name: &str) -> bool {
    matches!(diagram::node(name).map(|n| n.kind), Some(diagram::Kind::Sum))
}

/// ∂E/∂c as the lesson writes it once the sweep has it: δ_c for a weighted sum, else ∂E/∂c.
fn upstream_symbol(c: &str) -> Expr {
    if is_sum(c) {
        sym(delta(c))
    } else {
        partial("E", c)
    }
}

/// The local rule ∂c/∂node in symbols, by the kind of `node`: 1 (a term of the sum E),
/// Y1 − t1, Y1(1 − Y1), w21 (the weight on the edge), H1(1 − H1).
fn rule(kind: StopKind, node: &str, c: &str) -> Expr {
    match kind {
        StopKind::Error => one(),
        StopKind::Output => sub(sym(node), sym(target(node))),
        StopKind::OutputSum | StopKind::HiddenSum => juxt(sym(c), sub(one(), sym(c))),
        StopKind::Hidden => match diagram::edge_between(node, c).and_then(|e| e.param) {
            Some(p) => sym(p.name()),
            None => partial(c, node),
        },
        StopKind::Total | StopKind::Params => partial(c, node),
    }
}

/// The target t1 of the output Y1.
fn target(output: &str) -> String {
    format!("t{}", output.trim_start_matches('Y'))
}

/// The local derivative ∂c/∂node of one reader, with its rule and numbers: ∂E/∂Error1 = 1;
/// ∂Error1/∂Y1 = ½ · 2 · (t1 − Y1) · (−1) = Y1 − t1; ∂Y1/∂y1 = σ′(y1) = Y1(1 − Y1);
/// ∂y1/∂H1 = w21; ∂H1/∂h1 = σ′(h1) = H1(1 − H1). `values` gives a named node's value.
pub fn local(stop: &Stop, share: &Share, values: &dyn Fn(&str) -> f64) -> Formula {
    let (node, c) = (stop.node.unwrap_or("?"), share.consumer);
    let mut f = Formula::new(partial(c, node), Rel::Eq, Vec::new()).with_result(share.local);
    match stop.kind {
        StopKind::Output => {
            let t = target(node);
            // d/dY of ½(t − Y)²: the 2 of the square, then the inner derivative −1.
            let derivation = dot(vec![
                frac(one(), Expr::Const("2")),
                Expr::Const("2"),
                sub(sym(&t), sym(node)),
                neg(one()),
            ]);
            f.rhs = vec![derivation, rule(stop.kind, node, c)];
            f.numbers = Some(sub(num(values(node)), num(values(&t))));
        }
        StopKind::OutputSum | StopKind::HiddenSum => {
            let s = values(c);
            f.rhs = vec![super::apply("σ′", sym(node)), rule(stop.kind, node, c)];
            f.numbers = Some(dot(vec![num(s), sub(one(), num(s))]));
        }
        StopKind::Hidden => f.rhs = vec![rule(stop.kind, node, c)],
        StopKind::Error | StopKind::Total | StopKind::Params => {}
    }
    f
}

/// The share one reader passes back: ∂E/∂c · ∂c/∂node, then the numbers and the product.
/// Where the reader is a weighted sum its gradient is written by its name first, with the
/// local rule: ∂E/∂y1 · ∂y1/∂H1 = δ_y1 · w21 = ....
pub fn share(stop: &Stop, share: &Share) -> Formula {
    let (node, c) = (stop.node.unwrap_or("?"), share.consumer);
    let lhs = dot(vec![partial("E", c), partial(c, node)]);
    let rhs = if is_sum(c) {
        vec![dot(vec![upstream_symbol(c), rule(stop.kind, node, c)])]
    } else {
        Vec::new()
    };
    Formula::new(lhs, Rel::Eq, rhs)
        .with_numbers(dot(vec![num(share.upstream), num(share.local)]))
        .with_result(share.share)
}

/// The sum of the shares as ∂E/∂node, with the core's gradient as its value: ∂E/∂E = 1 at the
/// start; δ_y1 = ∂E/∂y1 = ∂E/∂Y1 · Y1(1 − Y1); ∂E/∂H1 = δ_y1 · w21 + δ_y2 · w22 with the two
/// shares. One share is already worked out above, so only two or more get their numbers here.
pub fn total(stop: &Stop) -> Option<Formula> {
    let node = stop.node?;
    if stop.kind == StopKind::Total {
        return Some(Formula::new(partial("E", "E"), Rel::Eq, Vec::new()).with_result(stop.grad));
    }
    let terms: Vec<Expr> = stop
        .shares
        .iter()
        .map(|s| dot(vec![upstream_symbol(s.consumer), rule(stop.kind, node, s.consumer)]))
        .collect();
    let rhs = match terms.len() {
        0 => return None,
        1 => terms.into_iter().next()?,
        _ => add(terms),
    };
    let mut f = if is_sum(node) {
        Formula::new(sym(delta(node)), Rel::Eq, vec![partial("E", node), rhs])
    } else {
        Formula::new(partial("E", node), Rel::Eq, vec![rhs])
    };
    if stop.shares.len() > 1 {
        f.numbers = Some(add(stop.shares.iter().map(|s| num(s.share)).collect()));
    }
    Some(f.with_result(stop.grad))
}

/// One parameter's gradient at the end of the sweep: ∂E/∂w21 = δ_y1 · H1, ∂E/∂b3 = δ_y1 · 1,
/// with δ and the input's value from the core, and its gradient.
pub fn param_grad(g: &ParamGrad) -> Formula {
    let input = g.input.map_or_else(one, sym);
    Formula::new(
        partial("E", g.param.name()),
        Rel::Eq,
        vec![dot(vec![sym(delta(g.node)), input])],
    )
    .with_numbers(dot(vec![num(g.delta), num(g.local)]))
    .with_result(g.grad)
}
