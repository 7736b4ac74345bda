//! What ∂E/∂p means with the current numbers: nudge p by a small Δ and set the change of E the gradient predicts beside the change a second forward pass observes.

use crate::net::{Net, Param};

/// The nudge the chain-rule steps use: the step ↑ takes in the editor. It is small next to the
/// weights, biases and inputs of the lesson's examples, so E is nearly straight over it.
pub const DELTA: f64 = 0.01;

/// One nudge of one parameter, everything else held.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nudge {
    pub param: Param,
    /// Δ, the amount added to the parameter.
    pub delta: f64,
    /// ∂E/∂p from the core's backward pass.
    pub grad: f64,
    /// ∂E/∂p · Δ: the change of E the gradient predicts (E as a straight line near p).
    pub predicted: f64,
    /// E(p + Δ) − E(p), from a second forward pass of the core with p moved by Δ.
    pub observed: f64,
}

impl Nudge {
    /// The nudge of `p` by [`DELTA`].
    pub fn of(net: &Net, p: Param) -> Nudge {
        Nudge::by(net, p, DELTA)
    }

    /// The nudge of `p` by `delta`. The observed change is NaN where the forward pass at
    /// p + Δ overflows.
    pub fn by(net: &Net, p: Param, delta: f64) -> Nudge {
        let grad = net.grad(p);
        let moved = net.error_along(p, [net.param(p) + delta]);
        let observed = moved.first().map_or(f64::NAN, |e| e - net.value("E"));
        Nudge {
            param: p,
            delta,
            grad,
            predicted: grad * delta,
            observed: if observed.is_finite() { observed } else { f64::NAN },
        }
    }
}
