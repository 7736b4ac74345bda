//! The finite-difference check: each variable's reverse-mode gradient beside a central difference, and whether they agree.
//!
//! The central difference `D(h) = (f(x + h) - f(x - h)) / 2h` has two errors: truncation, about
//! `c h^2`, estimated from the same difference at twice the step as `|D(2h) - D(h)| / 3`; and
//! rounding, estimated per variable from the nodes that depend on it (a first-order bound: node
//! n, computed to within `epsilon |v_n|`, moves the result by `epsilon |v_n| |df/dv_n|`; the two
//! evaluations in `D(h)` then move it by at most that sum over `h`). Nodes that do not depend on
//! the variable are computed alike at both points and cancel, so a large value elsewhere in the
//! graph widens nothing. Of at most two steps (the usual one, then the one where the two
//! estimates balance) the one with the smaller estimated error is used, and the check agrees
//! only when that error is small beside the gradient (see [`RESOLVE`]): a gradient off by 1e-3
//! relative is then rejected, unless the gradient is itself within the tolerance of zero.

use super::build::Built;
use crate::autograd::{Graph, Op};

/// The first step tried is this times `max(1, |x|)`: near the cube root of f64's epsilon,
/// balancing the truncation error (h^2) against rounding (epsilon / h). If its estimated error
/// is not already small, one more step is tried: where the two estimates balance.
pub const STEP: f64 = 1e-5;
/// The second step tried lies within these multiples of the first (so between 1e-8 and 10
/// for |x| <= 1).
pub const STEP_RANGE: (f64, f64) = (1e-3, 1e6);
/// Agreement: `|analytic - numeric| <= REL_TOL * max(|analytic|, |numeric|) + error`, where the
/// error is the difference's truncation and `noise = NOISE_ULPS * epsilon * sum_n |v_n| |df/dv_n|
/// / h` (the module doc) plus the backward pass's own rounding, `NOISE_ULPS * epsilon * terms`
/// with `terms` the sum of the sizes of the products it adds into the variable's gradient: when
/// large terms cancel there (c·(x − x) with c near 1e13), that sum keeps only a few digits.
pub const REL_TOL: f64 = 1e-6;
/// See [`REL_TOL`]: a safety factor over the first-order rounding bound.
pub const NOISE_ULPS: f64 = 8.0;
/// A check can confirm a gradient only when its tolerance is at most this times the gradient's
/// size; otherwise it reports [`Caveat::Imprecise`] and does not agree. A gradient within the
/// tolerance of zero, with a numeric value as small, agrees when both are below [`ZERO`] (it is
/// zero as far as differences can tell).
pub const RESOLVE: f64 = 2e-4;
/// The zero rule of [`RESOLVE`] holds only for a gradient and a difference below this, in
/// absolute terms. A larger gradient within the tolerance says the difference cannot see it, not
/// that it is zero: `(x + 1e12) * (x - 1e12)` at x = 1 has slope 2, but over values near 1e24
/// rounding hides any change smaller than about 1e8, and its central difference is 0.
pub const ZERO: f64 = 1e-8;

/// Why a check may not be trusted; reported beside the result, never used to hide a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caveat {
    /// A `relu` that depends on the variable has its input at 0, or crossing 0, between x - 2h and
    /// x + 2h: the function has a kink there, reverse mode takes the derivative 0 at exactly 0, and
    /// the central difference averages the two sides.
    Kink,
    /// The function or its gradient is not finite at a point of the difference (an edge of the
    /// domain, as `log` near 0 or a fractional power of 0).
    NotFinite,
    /// Rounding or curvature leave the central difference, or rounding the reverse-mode sum, too
    /// uncertain to confirm the gradient to [`RESOLVE`] of its size at any step tried.
    Imprecise,
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
    /// The allowed `|analytic - numeric|`: [`REL_TOL`] plus the difference's estimated error.
    pub tolerance: f64,
    pub agrees: bool,
    pub caveat: Option<Caveat>,
}

/// Checks every variable of `built`, in the order of [`Built::variables`].
pub fn check_gradients(built: &Built) -> Vec<GradientCheck> {
    let grads = built.graph.backward(built.result);
    let analytic: Vec<f64> = built.variables.iter().map(|v| grads.get(v.node)).collect();
    check_against(built, &analytic)
}

/// Checks the given gradients (one per variable, in the order of [`Built::variables`]) against
/// central differences: [`check_gradients`] with the backward pass's own, tests with wrong ones.
pub fn check_against(built: &Built, analytic: &[f64]) -> Vec<GradientCheck> {
    let graph = &built.graph;
    let grads = graph.backward(built.result);
    // |value| * |df/dnode| of every node: its share of the first-order rounding bound of f.
    let shares: Vec<f64> = graph.ids().map(|id| (graph.value(id) * grads.get(id)).abs()).collect();
    let terms = graph.term_sizes(built.result);
    built
        .variables
        .iter()
        .zip(analytic)
        .map(|(var, &analytic)| {
            let x = graph.value(var.node);
            // Only nodes that depend on the variable are computed differently at x + h and
            // x - h; the others round the same way at both points and cancel in the difference.
            let rounding: f64 = depending_on(graph, var.node.index())
                .iter()
                .zip(&shares)
                .filter(|(depends, _)| **depends)
                .map(|(_, share)| share)
                .sum();
            let first = STEP * x.abs().max(1.0);
            let mut best = Difference::at(built, var.node, first, rounding);
            if best.finite && best.error > 0.1 * RESOLVE * best.numeric.abs() {
                // Truncation grows as h^2 and rounding as 1/h: the step where their estimates
                // balance, within [`STEP_RANGE`] of the first (the largest when there is no
                // truncation to balance, as for a linear or quadratic function).
                // |D(2h) - D(h)| holds up to 1.5 times the rounding noise of D(h) as well: only
                // the rest is curvature.
                let curvature = (3.0 * best.truncation - 1.5 * best.noise).max(0.0) / 3.0;
                let ratio = (best.noise / (2.0 * curvature)).cbrt();
                let factor = if ratio.is_finite() { ratio } else { f64::INFINITY };
                let step = first * factor.clamp(STEP_RANGE.0, STEP_RANGE.1);
                let other = Difference::at(built, var.node, step, rounding);
                // Taken only when it agrees with the first difference within both estimates: a
                // function that saturates over the longer step (tanh flat at -1 in floating
                // point) makes both of its differences 0 and its error estimate 0 with them.
                let consistent = (other.numeric - best.numeric).abs() <= best.error + other.error;
                if other.finite && other.error < best.error && consistent {
                    best = other;
                }
            } else if !best.finite {
                // An edge of the domain within h: try a step a thousand times smaller.
                let other = Difference::at(built, var.node, first * STEP_RANGE.0, rounding);
                if other.finite {
                    best = other;
                }
            }
            let size = analytic.abs().max(best.numeric.abs());
            let backward = NOISE_ULPS * f64::EPSILON * terms[var.node.index()];
            let tolerance = REL_TOL * size + best.error + backward;
            let finite = analytic.is_finite() && best.finite;
            let resolved = tolerance <= RESOLVE * size || (size <= tolerance && size <= ZERO);
            let caveat = if !finite {
                Some(Caveat::NotFinite)
            } else if kink(built, var.node.index(), &best.points) {
                Some(Caveat::Kink)
            } else if !resolved {
                Some(Caveat::Imprecise)
            } else {
                None
            };
            GradientCheck {
                name: var.name.clone(),
                analytic,
                numeric: best.numeric,
                step: best.step,
                tolerance,
                agrees: finite && resolved && (analytic - best.numeric).abs() <= tolerance,
                caveat,
            }
        })
        .collect()
}

/// The central difference at one step, with its estimated error and the graphs it evaluated.
struct Difference {
    step: f64,
    numeric: f64,
    /// Estimated truncation error of `numeric`.
    truncation: f64,
    /// Estimated rounding error of `numeric`.
    noise: f64,
    /// Their sum (infinite when a value is not finite).
    error: f64,
    finite: bool,
    /// The graph at x, x + h, x - h, x + 2h, x - 2h.
    points: Vec<Graph>,
}

impl Difference {
    fn at(built: &Built, leaf: crate::autograd::NodeId, step: f64, rounding: f64) -> Difference {
        let x = built.graph.value(leaf);
        let at = |v: f64| {
            let mut g = built.graph.clone();
            g.set(leaf, v);
            g.forward();
            g
        };
        let points = vec![
            built.graph.clone(),
            at(x + step),
            at(x - step),
            at(x + 2.0 * step),
            at(x - 2.0 * step),
        ];
        let f = |k: usize| points[k].value(built.result);
        // Divided by the steps as represented, (x + h) - (x - h), not by 2h.
        let d1 = (f(1) - f(2)) / ((x + step) - (x - step));
        let d2 = (f(3) - f(4)) / ((x + 2.0 * step) - (x - 2.0 * step));
        let truncation = (d2 - d1).abs() / 3.0;
        let noise = NOISE_ULPS * f64::EPSILON * rounding / step;
        let finite = d1.is_finite() && d2.is_finite() && rounding.is_finite();
        Difference {
            step,
            numeric: d1,
            truncation,
            noise,
            error: if finite { truncation + noise } else { f64::INFINITY },
            finite,
            points,
        }
    }
}

/// For each node, whether it depends on the leaf `leaf` (nodes are in topological order).
fn depending_on(graph: &Graph, leaf: usize) -> Vec<bool> {
    let mut depends = vec![false; graph.len()];
    for id in graph.ids() {
        let i = id.index();
        depends[i] = i == leaf || graph.op_of(id).operands().any(|p| depends[p.index()]);
    }
    depends
}

/// Whether a relu depending on the leaf `leaf` has an input at 0, or of both signs, in `points`.
fn kink(built: &Built, leaf: usize, points: &[Graph]) -> bool {
    let graph = &built.graph;
    let depends = depending_on(graph, leaf);
    graph.ids().any(|id| match graph.op_of(id) {
        Op::Relu(a) if depends[id.index()] => {
            let inputs: Vec<f64> = points.iter().map(|g| g.value(a)).collect();
            !(inputs.iter().all(|&v| v > 0.0) || inputs.iter().all(|&v| v < 0.0))
        }
        _ => false,
    })
}
