//! What a parameter does in the 2-2-2 network, as its chain-rule step tells it: its kind, the nodes it feeds, and how many paths reach it from the error.

use crate::diagram::{self, EDGES};
use crate::net::{Example, Net, Param};
use std::sync::OnceLock;

/// The four kinds of parameter, each with its own chain-rule story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// w21 .. w24: from a hidden output into an output sum.
    OutputWeight,
    /// w11 .. w14: from an input into a hidden sum.
    HiddenWeight,
    /// b3, b4: added into an output sum.
    OutputBias,
    /// b1, b2: added into a hidden sum.
    HiddenBias,
}

/// A parameter's place in the network, by the notes' names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Role {
    pub param: Param,
    pub kind: ParamKind,
    /// The value a weight multiplies (x1, x2, H1, H2); `None` for a bias, whose factor is 1.
    pub input: Option<&'static str>,
    /// The weighted sum it enters (h1, h2, y1, y2).
    pub sum: &'static str,
    /// That sum's activation (H1, H2, Y1, Y2).
    pub act: &'static str,
    /// How many chain-rule paths lead from Error1 and Error2 down to it, as the core lists them.
    pub paths: usize,
}

impl Role {
    /// The role of `p`.
    pub fn of(p: Param) -> Role {
        let edge = diagram::edge_of(p);
        let is_bias = edge.from == p.name();
        // The output layer's sums are y1 and y2, the hidden layer's h1 and h2.
        let output = edge.to.starts_with('y');
        let kind = match (output, is_bias) {
            (true, false) => ParamKind::OutputWeight,
            (false, false) => ParamKind::HiddenWeight,
            (true, true) => ParamKind::OutputBias,
            (false, true) => ParamKind::HiddenBias,
        };
        let act = EDGES
            .iter()
            .find(|e| e.from == edge.to && e.param.is_none())
            .map_or("?", |e| e.to);
        Role {
            param: p,
            kind,
            input: (!is_bias).then_some(edge.from),
            sum: edge.to,
            act,
            paths: path_count(p),
        }
    }

    /// The error term an output parameter's single path starts from (Error1 for y1).
    pub fn error(&self) -> Option<String> {
        matches!(self.kind, ParamKind::OutputWeight | ParamKind::OutputBias)
            .then(|| format!("Error{}", self.sum.trim_start_matches('y')))
    }

    /// The target an output parameter's output is compared with (t1 for y1).
    pub fn target(&self) -> Option<String> {
        self.error().map(|e| e.replace("Error", "t"))
    }
}

/// How many chain-rule paths lead from the two error terms to `p`. The wiring does not change
/// with the values, so the core counts them once, on the worked example.
pub fn path_count(p: Param) -> usize {
    static COUNTS: OnceLock<[usize; 12]> = OnceLock::new();
    COUNTS.get_or_init(|| {
        let net = Net::new(&Example::worked()).expect("the worked example is finite");
        Param::ALL.map(|q| {
            ["Error1", "Error2"]
                .iter()
                .filter_map(|e| net.node(e))
                .map(|e| net.graph().paths(e, net.param_id(q)).paths.len())
                .sum()
        })
    })[p.index()]
}
