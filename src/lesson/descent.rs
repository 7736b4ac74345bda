//! Gradient descent on one parameter: E along that parameter with the rest held, the tangent, the step.

use crate::net::{Net, Param};

/// How many points the E curve is sampled at.
pub const SAMPLES: usize = 161;

/// E as a function of one parameter, where the parameter is, and where one update takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Descent {
    pub param: Param,
    /// The parameter's current value and E there.
    pub at: (f64, f64),
    /// dE/dp at the current value, from the core's backward pass: the tangent's slope.
    pub slope: f64,
    /// The value after one update, at - lr * slope, and E there.
    pub next: (f64, f64),
    /// (value, E) pairs across the shown range, each E from a forward pass of the core.
    pub curve: Vec<(f64, f64)>,
}

impl Descent {
    /// The descent picture for `p` on `net` with learning rate `lr`.
    pub fn of(net: &Net, p: Param, lr: f64) -> Descent {
        let x = net.param(p);
        let slope = net.grad(p);
        let next_x = x - lr * slope;
        let (lo, hi) = range(x, next_x);
        let xs: Vec<f64> = (0..SAMPLES)
            .map(|i| lo + (hi - lo) * i as f64 / (SAMPLES - 1) as f64)
            .collect();
        let es = net.error_along(p, xs.iter().copied());
        let next_e = net.error_along(p, [next_x])[0];
        Descent {
            param: p,
            at: (x, net.value("E")),
            slope,
            next: (next_x, next_e),
            curve: xs.into_iter().zip(es).filter(|(_, e)| e.is_finite()).collect(),
        }
    }
}

/// The shown range: the current value and the step's end with room around them, at least ±2.
fn range(x: f64, next: f64) -> (f64, f64) {
    let (a, b) = (x.min(next), x.max(next));
    let pad = ((b - a) * 0.5).max(2.0);
    if !(a - pad).is_finite() || !(b + pad).is_finite() {
        return (x - 2.0, x + 2.0);
    }
    (a - pad, b + pad)
}
