//! The weight update of one SGD step, row by row, and the error before and after it.

use crate::net::{Example, Net, NetError, Param};

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
    /// The example the update moves to.
    pub next: Example,
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
        Update {
            lr,
            rows,
            error_before: net.value("E"),
            error_after,
            next,
        }
    }
}
