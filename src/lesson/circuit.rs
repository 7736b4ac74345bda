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

/// The drawing's box, layers left to right (`x`, `y` of the nodes).
pub const CIRCUIT_BOX: (f64, f64) = (640.0, 330.0);
/// The drawing's box on a narrow screen, layers top to bottom (`tall` of the nodes): about as
/// wide as a phone, so its text is drawn near its real size instead of at half of it. The worked
/// chains' box ([`Circuit::tall_box`]) is wider for their longer labels (∂total/∂price = 1.1).
pub const CIRCUIT_TALL_BOX: (f64, f64) = (380.0, 600.0);
const CHAIN_TALL_BOX: (f64, f64) = (440.0, 600.0);

/// Where a node's two numbers (its value and its gradient) stand in the tall drawing, where
/// the edges run up and down and the numbers must stay off them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Above,
    Below,
    Left,
    Right,
}

/// One drawn node: name, place, forward value and d(result)/d(node).
#[derive(Clone, Debug, PartialEq)]
pub struct CircuitNode {
    pub name: &'static str,
    /// The op symbol drawn in the node, for op nodes.
    pub op: Option<&'static str>,
    /// The place in [`CIRCUIT_BOX`].
    pub x: f64,
    pub y: f64,
    /// The place in the tall drawing's box ([`Circuit::tall_box`]) and the side its numbers go.
    pub tall: (f64, f64, Side),
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

/// A drawn node while a circuit is built: the core's node, its name, its place in the wide box
/// and its place (and numbers' side) in the tall box.
type Drawn = (NodeId, &'static str, (f64, f64), (f64, f64, Side));

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
        // (node, name, place in the wide box, place in the tall box) of every drawn node; the
        // output last.
        let mut drawn: Vec<Drawn> = Vec::new();
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
                    (leaves[0], "x", (90.0, 70.0), (85.0, 110.0, Side::Above)),
                    (leaves[1], "y", (90.0, 250.0), (295.0, 110.0, Side::Above)),
                    (z, "z", (330.0, 160.0), (190.0, 330.0, Side::Right)),
                ]);
                drawn.push((l, "L", (560.0, 160.0), (190.0, 520.0, Side::Below)));
                l
            }
            CircuitKind::Apple => {
                let price = g.mul(leaves[0], leaves[1]);
                g.name(price, "price");
                let total = g.mul(price, leaves[2]);
                g.name(total, "total");
                drawn.extend([
                    (leaves[0], "apple", (100.0, 60.0), (110.0, 110.0, Side::Above)),
                    (leaves[1], "count", (100.0, 195.0), (340.0, 110.0, Side::Above)),
                    (leaves[2], "tax", (300.0, 262.0), (90.0, 430.0, Side::Above)),
                    (price, "price", (320.0, 120.0), (260.0, 300.0, Side::Left)),
                    (total, "total", (540.0, 190.0), (260.0, 500.0, Side::Below)),
                ]);
                total
            }
            CircuitKind::Cs231n => {
                let q = g.add(leaves[0], leaves[1]);
                g.name(q, "q");
                let f = g.mul(q, leaves[2]);
                g.name(f, "f");
                drawn.extend([
                    (leaves[0], "x", (100.0, 60.0), (110.0, 110.0, Side::Above)),
                    (leaves[1], "y", (100.0, 195.0), (340.0, 110.0, Side::Above)),
                    (leaves[2], "z", (300.0, 262.0), (90.0, 430.0, Side::Above)),
                    (q, "q", (320.0, 120.0), (260.0, 300.0, Side::Left)),
                    (f, "f", (540.0, 190.0), (260.0, 500.0, Side::Below)),
                ]);
                f
            }
        };
        let grads = g.backward(out);
        let index_of = |id: NodeId| drawn.iter().position(|d| d.0 == id);
        let nodes = drawn
            .iter()
            .map(|&(id, name, (x, y), tall)| CircuitNode {
                name,
                op: match g.op_of(id) {
                    Op::Leaf(_) => None,
                    _ if name == "L" => Some("…"), // the rest of the network

                    op => Some(op.symbol()),
                },
                x,
                y,
                tall,
                value: g.value(id),
                grad: grads.get(id),
            })
            .collect();
        let edges = drawn
            .iter()
            .enumerate()
            .flat_map(|(to, &(id, ..))| {
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

    /// The box of the tall drawing.
    pub fn tall_box(&self) -> (f64, f64) {
        match self.kind {
            CircuitKind::Add | CircuitKind::Mul => CIRCUIT_TALL_BOX,
            CircuitKind::Apple | CircuitKind::Cs231n => CHAIN_TALL_BOX,
        }
    }

    /// The node with this name.
    pub fn node(&self, name: &str) -> Option<&CircuitNode> {
        self.nodes.iter().find(|n| n.name == name)
    }
}
