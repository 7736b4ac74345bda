//! The finite-difference check: each variable's reverse-mode gradient beside a central difference, and whether they agree.

use super::build::Built;
use crate::autograd::{Graph, Op};

/// The step is this times `max(1, |x|)`: near the cube root of f64's epsilon, balancing the
/// truncation error (h^2) against rounding (epsilon / h).
pub const STEP: f64 = 1e-5;
/// Agreement: `|analytic - numeric| <= ABS_TOL + REL_TOL * max(|analytic|, |numeric|) + noise`,
/// where `noise = NOISE_ULPS * epsilon * m / (2h)` and `m` is the largest |value| of any node at
/// the three points: the rounding a difference quotient cannot resolve below.
pub const ABS_TOL: f64 = 1e-6;
/// See [`ABS_TOL`].
pub const REL_TOL: f64 = 1e-5;
/// See [`ABS_TOL`].
pub const NOISE_ULPS: f64 = 64.0;

/// Why a check may not be trusted; reported beside the result, never used to hide a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caveat {
    /// A `relu` that depends on the variable has its input at 0, or crossing 0, between x - h and
    /// x + h: the function has a kink there, reverse mode takes the derivative 0 at exactly 0, and
    /// the central difference averages the two sides.
    Kink,
    /// The function or its gradient is not finite at x - h, x or x + h (an edge of the domain, as
    /// `log` near 0 or a fractional power of 0).
    NotFinite,
}

/// One variable's check.
#[derive(Clone, Debug, PartialEq)]
pub struct GradientCheck {
    pub name: String,
    /// d result / d variable by the backward pass.
    pub analytic: f64,
    /// `(f(x + h) - f(x - h)) / (2h)`.
    pub numeric: f64,
    /// The `h` used.
    pub step: f64,
    pub agrees: bool,
    pub caveat: Option<Caveat>,
}

/// Checks every variable of `built`, in the order of [`Built::variables`].
pub fn check_gradients(built: &Built) -> Vec<GradientCheck> {
    let grads = built.graph.backward(built.result);
    built
        .variables
        .iter()
        .map(|var| {
            let x = built.graph.value(var.node);
            let step = STEP * x.abs().max(1.0);
            let (up, down) = (x + step, x - step);
            let at = |v: f64| {
                let mut g = built.graph.clone();
                g.set(var.node, v);
                g.forward();
                g
            };
            let (plus, minus) = (at(up), at(down));
            let numeric = (plus.value(built.result) - minus.value(built.result)) / (up - down);
            let analytic = grads.get(var.node);
            let scale = [&built.graph, &plus, &minus]
                .iter()
                .flat_map(|g| g.values().iter())
                .fold(0.0f64, |m, v| m.max(v.abs()));
            let noise = NOISE_ULPS * f64::EPSILON * scale / (up - down);
            let tolerance = ABS_TOL + REL_TOL * analytic.abs().max(numeric.abs()) + noise;
            let finite = analytic.is_finite() && numeric.is_finite() && scale.is_finite();
            let caveat = if !finite {
                Some(Caveat::NotFinite)
            } else if kink(built, var.node.index(), [&built.graph, &plus, &minus]) {
                Some(Caveat::Kink)
            } else {
                None
            };
            GradientCheck {
                name: var.name.clone(),
                analytic,
                numeric,
                step,
                agrees: finite && (analytic - numeric).abs() <= tolerance,
                caveat,
            }
        })
        .collect()
}

/// Whether a relu depending on the leaf `leaf` has an input at 0, or of both signs, in `points`.
fn kink(built: &Built, leaf: usize, points: [&Graph; 3]) -> bool {
    let graph = &built.graph;
    let mut depends = vec![false; graph.len()];
    graph.ids().any(|id| {
        let i = id.index();
        let op = graph.op_of(id);
        depends[i] = i == leaf || op.operands().any(|p| depends[p.index()]);
        match op {
            Op::Relu(a) if depends[i] => {
                let inputs = points.map(|g| g.value(a));
                !(inputs.iter().all(|&v| v > 0.0) || inputs.iter().all(|&v| v < 0.0))
            }
            _ => false,
        }
    })
}
