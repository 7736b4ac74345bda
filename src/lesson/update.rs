//! The weight update of one SGD step, row by row, and the error before and after it (also with the biases held, as the worked example's published figure was made).

use crate::net::{Example, Net, NetError, Param};

/// E after one step as published with the worked example (Matt Mazur, "A Step by Step
/// Backpropagation Example", 2015). It moved the eight weights only, and the script behind it had
/// a known slip: the correct value with the biases held is 0.291027774 (shared/seed/README.md).
pub const PUBLISHED_ERROR_AFTER: f64 = 0.291027924;

/// One parameter's update: new = old - lr * grad.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UpdateRow {
    pub param: Param,
    pub old: f64,
    /// dE/dp from the core's backward pass.
    pub grad: f64,
    /// lr * dE/dp, the amount subtracted.
    pub scaled: f64,
    pub new: f64,
}

/// The whole update for the current values and learning rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub lr: f64,
    pub rows: Vec<UpdateRow>,
    pub error_before: f64,
    /// E of the network after the update, or why it cannot be computed.
    pub error_after: Result<f64, NetError>,
    /// E had only the eight weights moved and the four biases been held.
    pub error_weights_only: Result<f64, NetError>,
    /// Whether this is the worked example's own first step (its values, lr 0.5), the one
    /// [`PUBLISHED_ERROR_AFTER`] was printed for.
    pub published: bool,
    /// The example the update moves to.
    pub next: Example,
    /// Why "apply" does not take this update, if it does not: E after it not computable, or a
    /// new value beyond the accepted range ([`NetError::OutOfRange`]).
    pub refused: Option<NetError>,
}

impl Update {
    /// The update one SGD step with rate `lr` would make to `net`.
    pub fn of(net: &Net, lr: f64) -> Update {
        let before = net.example();
        let new = net.next_params(lr);
        let rows = Param::ALL
            .into_iter()
            .map(|p| {
                let grad = net.grad(p);
                UpdateRow {
                    param: p,
                    old: before.param(p),
                    grad,
                    scaled: lr * grad,
                    new: new[p.index()],
                }
            })
            .collect();
        let next = Example { params: new, ..before };
        let error_after = Net::new(&next).map(|n| n.value("E"));
        let mut weights_only = next;
        for b in [Param::B1, Param::B2, Param::B3, Param::B4] {
            weights_only.params[b.index()] = before.param(b);
        }
        let error_weights_only = Net::new(&weights_only).map(|n| n.value("E"));
        Update {
            lr,
            rows,
            error_before: net.value("E"),
            error_weights_only,
            published: before == Example::worked() && lr == crate::query::DEFAULT_LR,
            refused: error_after.clone().err().or_else(|| crate::net::out_of_range(&new, 1)),
            error_after,
            next,
        }
    }
}
