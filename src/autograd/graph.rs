//! The arena: nodes in creation order, their ops, labels and forward values.

use super::op::{Leaf, Op};
use std::sync::atomic::{AtomicU32, Ordering};

/// Gives every graph its own tag, so an id from another graph is caught instead of misread.
static NEXT_GRAPH: AtomicU32 = AtomicU32::new(1);

/// A node's address: which graph it belongs to and its place in creation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    graph: u32,
    index: u32,
}

impl NodeId {
    /// Fills unused slots; belongs to no graph.
    pub(crate) const DANGLING: NodeId = NodeId { graph: 0, index: 0 };

    /// The node's position in creation order.
    pub fn index(self) -> usize {
        self.index as usize
    }
}

/// A graph of scalar nodes. Building an op computes its value at once; after changing leaves
/// with [`Graph::set`], [`Graph::forward`] recomputes every op in creation order.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    tag: u32,
    ops: Vec<Op>,
    values: Vec<f64>,
    labels: Vec<Option<String>>,
    /// The op (non-leaf) nodes in creation order, each as its index and a copy of its op: the
    /// tape the forward pass walks and the backward pass walks reversed (leaves have no work).
    tape: Vec<(u32, Op)>,
}

impl Default for Graph {
    fn default() -> Self {
        Self::new()
    }
}

impl Graph {
    /// An empty graph with a tag of its own.
    pub fn new() -> Self {
        Graph {
            tag: NEXT_GRAPH.fetch_add(1, Ordering::Relaxed),
            ops: Vec::new(),
            values: Vec::new(),
            labels: Vec::new(),
            tape: Vec::new(),
        }
    }

    /// How many nodes the graph holds.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Every node id in creation order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = NodeId> + '_ {
        (0..self.ops.len() as u32).map(|index| NodeId { graph: self.tag, index })
    }

    /// Panics with a clear message when `id` was made by another graph (a programming error).
    pub(crate) fn check(&self, id: NodeId) -> usize {
        assert!(
            id.graph == self.tag && id.index() < self.ops.len(),
            "node {} of graph {} does not belong to this graph (tag {})",
            id.index(),
            id.graph,
            self.tag
        );
        id.index()
    }

    fn push(&mut self, op: Op, value: f64, label: Option<String>) -> NodeId {
        for operand in op.operands() {
            self.check(operand);
        }
        let id = NodeId {
            graph: self.tag,
            index: self.ops.len() as u32,
        };
        if !matches!(op, Op::Leaf(_)) {
            self.tape.push((id.index, op));
        }
        self.ops.push(op);
        self.values.push(value);
        self.labels.push(label);
        id
    }

    fn leaf(&mut self, kind: Leaf, name: Option<&str>, value: f64) -> NodeId {
        self.push(Op::Leaf(kind), value, name.map(str::to_owned))
    }

    /// A named input leaf (x1, t1, a playground variable).
    pub fn input(&mut self, name: &str, value: f64) -> NodeId {
        self.leaf(Leaf::Input, Some(name), value)
    }

    /// A named parameter leaf (w11, b1): what training changes.
    pub fn param(&mut self, name: &str, value: f64) -> NodeId {
        self.leaf(Leaf::Param, Some(name), value)
    }

    /// An unnamed constant leaf.
    pub fn constant(&mut self, value: f64) -> NodeId {
        self.leaf(Leaf::Const, None, value)
    }

    /// Adds an op node, computing its value from its operands now.
    pub fn op(&mut self, op: Op) -> NodeId {
        for operand in op.operands() {
            self.check(operand);
        }
        let value = op.forward(&self.values);
        self.push(op, value, None)
    }

    /// `a + b`
    pub fn add(&mut self, a: NodeId, b: NodeId) -> NodeId {
        self.op(Op::Add(a, b))
    }
    /// `a - b`
    pub fn sub(&mut self, a: NodeId, b: NodeId) -> NodeId {
        self.op(Op::Sub(a, b))
    }
    /// `a * b`
    pub fn mul(&mut self, a: NodeId, b: NodeId) -> NodeId {
        self.op(Op::Mul(a, b))
    }
    /// `w[0] * x[0] + w[1] * x[1] + b`: weights `w` on inputs `x`, plus the bias `b`
    pub fn weighted_sum(&mut self, w: [NodeId; 2], x: [NodeId; 2], b: NodeId) -> NodeId {
        self.op(Op::WeightedSum(w[0], x[0], w[1], x[1], b))
    }
    /// `(a - b)^2`
    pub fn squared_diff(&mut self, a: NodeId, b: NodeId) -> NodeId {
        self.op(Op::SquaredDiff(a, b))
    }
    /// `a / b`
    pub fn div(&mut self, a: NodeId, b: NodeId) -> NodeId {
        self.op(Op::Div(a, b))
    }
    /// `-a`
    pub fn neg(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Neg(a))
    }
    /// `a^k` for a constant `k`
    pub fn pow(&mut self, a: NodeId, k: f64) -> NodeId {
        self.op(Op::Pow(a, k))
    }
    /// `a^2`
    pub fn square(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Pow(a, 2.0))
    }
    /// `1 / (1 + e^-a)`
    pub fn sigmoid(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Sigmoid(a))
    }
    /// `tanh(a)`
    pub fn tanh(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Tanh(a))
    }
    /// `max(a, 0)`
    pub fn relu(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Relu(a))
    }
    /// `e^a`
    pub fn exp(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Exp(a))
    }
    /// `ln(a)`
    pub fn log(&mut self, a: NodeId) -> NodeId {
        self.op(Op::Log(a))
    }

    /// Gives a node the name the lesson uses for it (h1, H1, Error1); returns the same id.
    /// Named nodes are the stops of [`Graph::paths`]; unnamed ones fold into the edges between them.
    pub fn name(&mut self, id: NodeId, label: &str) -> NodeId {
        let i = self.check(id);
        self.labels[i] = Some(label.to_owned());
        id
    }

    /// The node's name, if it has one.
    pub fn label(&self, id: NodeId) -> Option<&str> {
        self.labels[self.check(id)].as_deref()
    }

    /// The first node with this name.
    pub fn find(&self, label: &str) -> Option<NodeId> {
        self.ids().find(|&id| self.labels[id.index()].as_deref() == Some(label))
    }

    /// The node's operation.
    pub fn op_of(&self, id: NodeId) -> Op {
        self.ops[self.check(id)]
    }

    /// The op nodes in creation order, as `(index, op)`.
    pub(crate) fn tape(&self) -> &[(u32, Op)] {
        &self.tape
    }

    pub(crate) fn op_at(&self, index: usize) -> Op {
        self.ops[index]
    }

    /// The node's current value.
    pub fn value(&self, id: NodeId) -> f64 {
        self.values[self.check(id)]
    }

    /// Every node's value, indexed by [`NodeId::index`].
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Changes a leaf's value; call [`Graph::forward`] afterwards. Panics if `id` is not a leaf.
    pub fn set(&mut self, id: NodeId, value: f64) {
        let i = self.check(id);
        assert!(matches!(self.ops[i], Op::Leaf(_)), "only leaves can be set");
        self.values[i] = value;
    }

    /// The values of the `n` leaves created one after another from `first`, to change in place
    /// like [`Graph::set`] (call [`Graph::forward`] afterwards). Panics unless all are leaves.
    pub fn leaves_mut(&mut self, first: NodeId, n: usize) -> &mut [f64] {
        let start = self.check(first);
        let run = start..start + n;
        // Every node before the first op node is a leaf; beyond it, each one is looked at.
        let first_op = self.tape.first().map_or(self.len(), |&(i, _)| i as usize);
        assert!(
            run.end <= first_op || self.ops[run.clone()].iter().all(|op| matches!(op, Op::Leaf(_))),
            "only leaves can be set"
        );
        &mut self.values[run]
    }

    /// Recomputes every op node from the leaves, in creation order.
    pub fn forward(&mut self) {
        for &(i, op) in &self.tape {
            self.values[i as usize] = op.forward(&self.values);
        }
    }

    /// The local derivative on each edge into `id`: `(operand, d id / d operand)` in operand order.
    pub fn partials(&self, id: NodeId) -> super::Partials {
        let i = self.check(id);
        self.ops[i].partials(&self.values, self.values[i])
    }
}
