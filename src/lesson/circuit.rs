//! Small computational graphs for the add-node, mul-node and worked-chain steps, computed by the core.

use crate::autograd::{Graph, NodeId, Op};

/// Which small graph a step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CircuitKind {
    /// z = x + y, feeding the rest of a network L.
    Add,
    /// z = x * y, feeding L.
    Mul,
    /// price = apple * count, total = price * tax.
    Apple,
    /// q = x + y, f = q * z (CS231n).
    Cs231n,
}

/// One drawn node: name, place, forward value and d(result)/d(node).
#[derive(Clone, Debug, PartialEq)]
pub struct CircuitNode {
    pub name: &'static str,
    /// The op symbol drawn in the node, for op nodes.
    pub op: Option<&'static str>,
    pub x: f64,
    pub y: f64,
    pub value: f64,
    pub grad: f64,
}

/// One drawn edge `from -> to` with its local derivative d to / d from.
#[derive(Clone, Debug, PartialEq)]
pub struct CircuitEdge {
    pub from: usize,
    pub to: usize,
    pub local: f64,
}

/// A small graph with its numbers and the order the backward pass visits its nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct Circuit {
    pub kind: CircuitKind,
    pub nodes: Vec<CircuitNode>,
    pub edges: Vec<CircuitEdge>,
    /// Indices into `nodes`, the output first, as the core's backward pass visits them.
    pub order: Vec<usize>,
    /// The gradient arriving from the rest of the network (dL/dz), for Add and Mul.
    pub upstream: Option<f64>,
}

/// The default inputs of each circuit: x, y for Add/Mul (from the notes' figures' spirit), the
/// apple example's 100, 2, 1.1 and CS231n's -2, 5, -4.
pub fn default_inputs(kind: CircuitKind) -> Vec<f64> {
    match kind {
        CircuitKind::Add | CircuitKind::Mul => vec![3.0, -2.0],
        CircuitKind::Apple => vec![100.0, 2.0, 1.1],
        CircuitKind::Cs231n => vec![-2.0, 5.0, -4.0],
    }
}

/// The names of a circuit's inputs, in the order of [`default_inputs`].
pub fn input_names(kind: CircuitKind) -> &'static [&'static str] {
    match kind {
        CircuitKind::Add | CircuitKind::Mul => &["x", "y"],
        CircuitKind::Apple => &["apple", "count", "tax"],
        CircuitKind::Cs231n => &["x", "y", "z"],
    }
}

impl Circuit {
    /// Builds `kind` on the core with `inputs` (missing ones take the defaults) and, for Add and
    /// Mul, the upstream gradient `upstream`: the rest of the network is L = upstream * z, so the
    /// core's dL/dz is exactly that number.
    pub fn build(kind: CircuitKind, inputs: &[f64], upstream: f64) -> Circuit {
        let defaults = default_inputs(kind);
        let v = |i: usize| inputs.get(i).copied().unwrap_or(defaults[i]);
        let names = input_names(kind);
        let mut g = Graph::new();
        let leaves: Vec<NodeId> = names.iter().enumerate().map(|(i, n)| g.input(n, v(i))).collect();
        // (node, name, x, y) of every drawn node; the output last.
        let mut drawn: Vec<(NodeId, &'static str, f64, f64)> = Vec::new();
        let out = match kind {
            CircuitKind::Add | CircuitKind::Mul => {
                let z = if kind == CircuitKind::Add {
                    g.add(leaves[0], leaves[1])
                } else {
                    g.mul(leaves[0], leaves[1])
                };
                g.name(z, "z");
                let rest = g.constant(upstream);
                let l = g.mul(z, rest);
                g.name(l, "L");
                drawn.extend([
                    (leaves[0], "x", 90.0, 70.0),
                    (leaves[1], "y", 90.0, 250.0),
                    (z, "z", 330.0, 160.0),
                ]);
                drawn.push((l, "L", 560.0, 160.0));
                l
            }
            CircuitKind::Apple => {
                let price = g.mul(leaves[0], leaves[1]);
                g.name(price, "price");
                let total = g.mul(price, leaves[2]);
                g.name(total, "total");
                drawn.extend([
                    (leaves[0], "apple", 80.0, 60.0),
                    (leaves[1], "count", 80.0, 180.0),
                    (leaves[2], "tax", 300.0, 270.0),
                    (price, "price", 300.0, 120.0),
                    (total, "total", 540.0, 190.0),
                ]);
                total
            }
            CircuitKind::Cs231n => {
                let q = g.add(leaves[0], leaves[1]);
                g.name(q, "q");
                let f = g.mul(q, leaves[2]);
                g.name(f, "f");
                drawn.extend([
                    (leaves[0], "x", 80.0, 60.0),
                    (leaves[1], "y", 80.0, 180.0),
                    (leaves[2], "z", 300.0, 270.0),
                    (q, "q", 300.0, 120.0),
                    (f, "f", 540.0, 190.0),
                ]);
                f
            }
        };
        let grads = g.backward(out);
        let index_of = |id: NodeId| drawn.iter().position(|d| d.0 == id);
        let nodes = drawn
            .iter()
            .map(|&(id, name, x, y)| CircuitNode {
                name,
                op: match g.op_of(id) {
                    Op::Leaf(_) => None,
                    _ if name == "L" => Some("…"), // the rest of the network

                    op => Some(op.symbol()),
                },
                x,
                y,
                value: g.value(id),
                grad: grads.get(id),
            })
            .collect();
        let edges = drawn
            .iter()
            .enumerate()
            .flat_map(|(to, &(id, _, _, _))| {
                g.partials(id)
                    .as_slice()
                    .iter()
                    .filter_map(|&(p, local)| index_of(p).map(|from| CircuitEdge { from, to, local }))
                    .collect::<Vec<_>>()
            })
            .collect();
        let order = g.visit_order(&grads).iter().filter_map(|v| index_of(v.node)).collect();
        let upstream = matches!(kind, CircuitKind::Add | CircuitKind::Mul).then_some(upstream);
        Circuit {
            kind,
            nodes,
            edges,
            order,
            upstream,
        }
    }

    /// The node with this name.
    pub fn node(&self, name: &str) -> Option<&CircuitNode> {
        self.nodes.iter().find(|n| n.name == name)
    }
}
