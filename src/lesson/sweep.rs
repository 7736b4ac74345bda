//! What each stop of the backward sweep works out: the share every reader of the node passes back, their sum, and at the end each parameter's gradient as δ times input.
//!
//! The core's graph has unnamed helpers between the lesson's named nodes (the square inside
//! Error1, the constant ½); a local derivative here is taken between named nodes through them
//! (`Graph::paths` folds them in), so ∂Error1/∂Y1 = Y1 − t1 and ∂y1/∂H1 = w21.

use crate::autograd::NodeId;
use crate::diagram;
use crate::net::{Net, Param};

/// What kind of node a stop is at, which decides what the lesson says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// E itself: ∂E/∂E = 1.
    Total,
    /// Error1 or Error2, a term of the sum E.
    Error,
    /// Y1 or Y2, read by its error term.
    Output,
    /// y1 or y2: its gradient is δ of y.
    OutputSum,
    /// H1 or H2, read by both output sums.
    Hidden,
    /// h1 or h2: its gradient is δ of h.
    HiddenSum,
    /// The end of the sweep: every parameter.
    Params,
}

impl StopKind {
    /// The kind of the named node `name`.
    pub fn of(name: &str) -> StopKind {
        match name.chars().next() {
            _ if name == "E" => StopKind::Total,
            _ if name.starts_with("Error") => StopKind::Error,
            Some('Y') => StopKind::Output,
            Some('y') => StopKind::OutputSum,
            Some('H') => StopKind::Hidden,
            Some('h') => StopKind::HiddenSum,
            _ => StopKind::Params,
        }
    }
}

/// One reader `consumer` of the stop's node and what it passes back: ∂E/∂consumer times
/// ∂consumer/∂node.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    pub consumer: &'static str,
    /// ∂E/∂consumer, which the sweep delivered at an earlier stop.
    pub upstream: f64,
    /// ∂consumer/∂node, the core's local derivative between the two named nodes.
    pub local: f64,
    /// upstream · local.
    pub share: f64,
}

/// One parameter's gradient read off the sweep: δ of the node it feeds times the input it
/// multiplies (1 for a bias).
#[derive(Clone, Debug, PartialEq)]
pub struct ParamGrad {
    pub param: Param,
    /// The weighted sum the parameter feeds (y1, h2, ...).
    pub node: &'static str,
    /// The input the weight multiplies; `None` for a bias.
    pub input: Option<&'static str>,
    /// δ of `node`: ∂E/∂node from the core.
    pub delta: f64,
    /// ∂node/∂param from the core: the input's value, or 1 for a bias.
    pub local: f64,
    /// ∂E/∂param from the core's backward pass (equal to delta · local).
    pub grad: f64,
}

/// One stop of the backward sweep, worked out.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    /// The node the sweep is at; `None` at the parameters.
    pub node: Option<&'static str>,
    pub kind: StopKind,
    /// One share per named node that reads `node`, in creation order (y1 before y2).
    pub shares: Vec<Share>,
    /// ∂E/∂node from the core's backward pass (1 at E; NaN at the parameters).
    pub grad: f64,
    /// Every parameter's gradient, at the last stop only.
    pub params: Vec<ParamGrad>,
}

impl Stop {
    /// The sum of the shares (∂E/∂node, up to rounding).
    pub fn sum(&self) -> f64 {
        self.shares.iter().map(|s| s.share).sum()
    }
}

/// The `k`-th stop of the sweep (k = [`super::sweep`]`().len()` is the parameters), `None` past it.
pub fn stop(net: &Net, k: usize) -> Option<Stop> {
    let names = super::sweep();
    let grads = net.gradients();
    if k == names.len() {
        return Some(Stop {
            node: None,
            kind: StopKind::Params,
            shares: Vec::new(),
            grad: f64::NAN,
            params: Param::ALL.into_iter().map(|p| param_grad(net, p)).collect(),
        });
    }
    let name = *names.get(k)?;
    let id = net.node(name)?;
    // Every reader of a node is visited before it, so its readers are among the earlier stops.
    let mut readers: Vec<(NodeId, &'static str)> = names[..k]
        .iter()
        .filter_map(|&c| net.node(c).map(|cid| (cid, c)))
        .collect();
    readers.sort();
    let shares = readers
        .into_iter()
        .filter_map(|(cid, consumer)| {
            let local = net.local(consumer, name)?;
            let upstream = grads.get(cid);
            Some(Share {
                consumer,
                upstream,
                local,
                share: upstream * local,
            })
        })
        .collect();
    Some(Stop {
        node: Some(name),
        kind: StopKind::of(name),
        shares,
        grad: grads.get(id),
        params: Vec::new(),
    })
}

/// ∂E/∂p as δ of the weighted sum `p` feeds times what `p` multiplies there.
fn param_grad(net: &Net, p: Param) -> ParamGrad {
    let edge = diagram::edge_of(p);
    let node = edge.to;
    let input = (edge.from != p.name()).then_some(edge.from);
    let delta = net.node_grad(node);
    let local = net.local(node, p.name()).unwrap_or(f64::NAN);
    ParamGrad {
        param: p,
        node,
        input,
        delta,
        local,
        grad: net.grad(p),
    }
}

/// The parameters that feed the weighted sum `node` (w21, w23, b3 for y1), in the drawing's order.
pub fn params_into(node: &str) -> Vec<Param> {
    diagram::EDGES
        .iter()
        .filter(|e| e.to == node)
        .filter_map(|e| e.param)
        .collect()
}
