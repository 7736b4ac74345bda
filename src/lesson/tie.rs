//! Where the circuit steps' rules act in the 2-2-2 network (the add node E = Error1 + Error2, the multiply node w21 · H1 inside y1, the fan-out of H1), with the network's numbers from the core.

use super::Step;
use crate::net::{Net, Param};

/// One circuit rule at work in the network: the numbers it acts on, as the core computed them.
#[derive(Clone, Debug, PartialEq)]
pub enum Tie {
    /// E = Error1 + Error2 is an add node: ∂E/∂Error1 = ∂E/∂Error2 = 1.
    Add {
        /// Error1 and Error2.
        errors: [f64; 2],
        /// E.
        e: f64,
        /// ∂E/∂Error1 and ∂E/∂Error2, the add node's local derivatives.
        local: [f64; 2],
    },
    /// w21 · H1 inside y1 is a multiply node: ∂y1/∂w21 = H1 and ∂y1/∂H1 = w21.
    Mul {
        /// ∂y1/∂w21, which is H1.
        local_w21: f64,
        /// ∂y1/∂H1, which is w21.
        local_h1: f64,
        /// ∂E/∂y1, the gradient arriving at y1.
        upstream: f64,
        /// ∂E/∂w21 from the core's backward pass.
        grad_w21: f64,
    },
    /// H1 feeds y1 and y2: ∂E/∂H1 = ∂E/∂y1 · ∂y1/∂H1 + ∂E/∂y2 · ∂y2/∂H1.
    FanOut {
        /// ∂E/∂y1 and ∂E/∂y2.
        upstream: [f64; 2],
        /// ∂y1/∂H1 and ∂y2/∂H1 (w21 and w22).
        local: [f64; 2],
        /// Each use's share, upstream × local.
        shares: [f64; 2],
        /// ∂E/∂H1 from the core's backward pass: the sum of the shares.
        total: f64,
    },
}

/// The core's local derivative ∂of/∂wrt on the edge wrt → of (NaN if there is no such edge).
fn local(net: &Net, of: &str, wrt: &str) -> f64 {
    net.local(of, wrt).unwrap_or(f64::NAN)
}

impl Tie {
    /// The rule of circuit step `step` (add-node, mul-node, graph) at work in `net`.
    pub fn of(step: Step, net: &Net) -> Option<Tie> {
        match step {
            Step::AddNode => Some(Tie::Add {
                errors: [net.value("Error1"), net.value("Error2")],
                e: net.value("E"),
                local: [local(net, "E", "Error1"), local(net, "E", "Error2")],
            }),
            Step::MulNode => Some(Tie::Mul {
                local_w21: local(net, "y1", "w21"),
                local_h1: local(net, "y1", "H1"),
                upstream: net.node_grad("y1"),
                grad_w21: net.grad(Param::W21),
            }),
            Step::Graph => {
                let upstream = [net.node_grad("y1"), net.node_grad("y2")];
                let local = [local(net, "y1", "H1"), local(net, "y2", "H1")];
                Some(Tie::FanOut {
                    upstream,
                    local,
                    shares: [upstream[0] * local[0], upstream[1] * local[1]],
                    total: net.node_grad("H1"),
                })
            }
            _ => None,
        }
    }

    /// The network step that shows this rule at work: the error step, w21's chain rule, or the
    /// backward sweep's stop at H1.
    pub fn link(&self) -> Step {
        match self {
            Tie::Add { .. } => Step::Error,
            Tie::Mul { .. } => Step::Grad(Param::W21),
            Tie::FanOut { .. } => Step::from_slug("backward-H1").unwrap_or(Step::Backward(0)),
        }
    }
}
