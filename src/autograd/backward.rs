//! The backward pass: gradients of one output with respect to every node, and the order it visits them.

use super::{Graph, NodeId};

/// The gradient of one output with respect to every node of a graph, made fresh by each pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gradients {
    of: Option<NodeId>,
    values: Vec<f64>,
}

impl Gradients {
    /// The output these are gradients of.
    pub fn output(&self) -> Option<NodeId> {
        self.of
    }

    /// d output / d `id` (0 for nodes the output does not depend on).
    pub fn get(&self, id: NodeId) -> f64 {
        self.values.get(id.index()).copied().unwrap_or(0.0)
    }

    /// Every node's gradient, indexed by [`NodeId::index`] (empty before a pass).
    pub fn values(&self) -> &[f64] {
        &self.values
    }
}

/// One stop of the backward pass: a node and the upstream gradient d output / d node it holds
/// when the pass reaches it (complete by then, since every reader of a node comes later).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Visit {
    pub node: NodeId,
    pub upstream: f64,
}

impl Graph {
    /// Reverse-mode gradients of `output` with respect to every node.
    pub fn backward(&self, output: NodeId) -> Gradients {
        let mut grads = Gradients::default();
        self.backward_into(output, &mut grads);
        grads
    }

    /// Like [`Graph::backward`], reusing `grads`' memory; it is cleared first, so nothing carries over.
    pub fn backward_into(&self, output: NodeId, grads: &mut Gradients) {
        let out = self.check(output);
        let values = self.values();
        grads.of = Some(output);
        grads.values.resize(values.len(), 0.0);
        // Sliced to the values' length, so one bounds check covers a node in both.
        self.pass_back(out, &mut grads.values[..values.len()], |upstream, local| {
            upstream * local
        });
    }

    /// For each node, the sum of the sizes of the terms the backward pass from `output` adds
    /// into its gradient (the same pass with every upstream · local taken positive): rounding
    /// of that sum is a few ulps of this, however much of it cancels.
    pub fn term_sizes(&self, output: NodeId) -> Vec<f64> {
        let out = self.check(output);
        let mut sums = vec![0.0; self.values().len()];
        self.pass_back(out, &mut sums, |upstream, local| upstream * local.abs());
        sums
    }

    /// The backward pass from node `out` into `sums` (one per node, cleared first): each op node
    /// passes `term(upstream, local)` to each of its operands.
    fn pass_back(&self, out: usize, sums: &mut [f64], term: impl Fn(f64, f64) -> f64) {
        let values = self.values();
        sums.fill(0.0);
        sums[out] = 1.0;
        // Only op nodes pass gradient on; leaves just receive it. The output is usually the
        // last op node, so the search from the end stops at once.
        let tape = self.tape();
        let upto = tape.iter().rposition(|&(i, _)| i as usize <= out).map_or(0, |k| k + 1);
        for &(i, op) in tape[..upto].iter().rev() {
            let i = i as usize;
            let upstream = sums[i];
            op.each_partial(values, values[i], |operand, local| {
                // A zero upstream passes nothing on (the output may not depend on this node at
                // all); skipping also keeps an infinite local derivative from making 0 a NaN.
                if upstream != 0.0 {
                    sums[operand.index()] += term(upstream, local); // += : a node read twice adds up
                }
            });
        }
    }

    /// Which nodes `output` depends on (itself included), indexed by [`NodeId::index`].
    pub fn ancestors(&self, output: NodeId) -> Vec<bool> {
        let out = self.check(output);
        let mut reach = vec![false; self.len()];
        reach[out] = true;
        for i in (0..=out).rev() {
            if reach[i] {
                for operand in self.op_at(i).operands() {
                    reach[operand.index()] = true;
                }
            }
        }
        reach
    }

    /// The nodes the backward pass of `output` visits, in its order (the output first, then
    /// reverse creation order), each with its upstream gradient from `grads`.
    pub fn visit_order(&self, grads: &Gradients) -> Vec<Visit> {
        let Some(output) = grads.output() else {
            return Vec::new();
        };
        let reach = self.ancestors(output);
        self.ids()
            .rev()
            .filter(|id| reach[id.index()])
            .map(|node| Visit {
                node,
                upstream: grads.get(node),
            })
            .collect()
    }
}
