//! Every chain-rule path from an output down to a leaf, with its factors, between the nodes the lesson names.
//!
//! The chain rule says d output / d leaf is the sum, over every path from the output down to the
//! leaf, of the product of the local derivatives along it. The lesson speaks of named nodes
//! (Error1 -> Y1 -> y1 -> w21), while the graph also holds unnamed helpers (the `t1 - Y1` inside
//! Error1, the `w21 * H1` inside y1). So a path here steps from named node to named node, and the
//! factor of a step is d child / d parent through the unnamed nodes between them: the sum, over
//! the unnamed routes, of their products. Grouping raw paths this way keeps the identity
//! sum(path products) = reverse-mode gradient exact.

use super::{Graph, NodeId};

/// Paths beyond this many are not listed (the sum of the listed ones is then partial).
pub const MAX_PATHS: usize = 256;

/// One step of a path: d `child` / d `parent`, the local derivative on that edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Factor {
    pub child: NodeId,
    pub parent: NodeId,
    pub local: f64,
}

/// One path from an output down to a leaf, as its factors from the output end.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub factors: Vec<Factor>,
}

impl Path {
    /// The product of the factors: this path's share of the gradient.
    pub fn product(&self) -> f64 {
        self.factors.iter().map(|f| f.local).product()
    }

    /// The nodes along the path, output first, leaf last.
    pub fn nodes(&self) -> Vec<NodeId> {
        let mut nodes: Vec<NodeId> = self.factors.iter().map(|f| f.child).collect();
        nodes.extend(self.factors.last().map(|f| f.parent));
        nodes
    }
}

/// All paths from an output to a leaf, in the order the output reads its operands.
#[derive(Clone, Debug, PartialEq)]
pub struct Paths {
    pub output: NodeId,
    pub leaf: NodeId,
    pub paths: Vec<Path>,
    /// True when more than [`MAX_PATHS`] paths exist and only the first ones are listed.
    pub truncated: bool,
}

impl Paths {
    /// The sum of the path products: d output / d leaf when nothing was truncated.
    pub fn sum(&self) -> f64 {
        self.paths.iter().map(Path::product).sum()
    }
}

impl Graph {
    /// The steps out of `child` toward named nodes (or `target`, named or not) that depend on
    /// `target`: `(parent, d child / d parent)`, unnamed nodes folded in, one entry per parent,
    /// in the order the operands lead to them.
    fn steps(&self, child: NodeId, target: NodeId, depends: &[bool]) -> Vec<(NodeId, f64)> {
        let mut steps = Vec::new();
        self.fold(child, 1.0, target, depends, &mut steps);
        steps
    }

    fn fold(&self, node: NodeId, d: f64, target: NodeId, depends: &[bool], steps: &mut Vec<(NodeId, f64)>) {
        for &(parent, local) in self.partials(node).as_slice() {
            if !depends[parent.index()] {
                continue;
            }
            if parent == target || self.label(parent).is_some() {
                match steps.iter_mut().find(|(p, _)| *p == parent) {
                    Some(step) => step.1 += d * local,
                    None => steps.push((parent, d * local)),
                }
            } else {
                self.fold(parent, d * local, target, depends, steps);
            }
        }
    }

    /// Every path from `output` down to `leaf` through named nodes, with its factors.
    pub fn paths(&self, output: NodeId, leaf: NodeId) -> Paths {
        let (out, target) = (self.check(output), self.check(leaf));
        let mut depends = vec![false; self.len()];
        depends[target] = true;
        for i in target + 1..=out.max(target) {
            depends[i] = self.op_at(i).operands().any(|p| depends[p.index()]);
        }
        let mut result = Paths {
            output,
            leaf,
            paths: Vec::new(),
            truncated: false,
        };
        if depends[out] {
            let mut prefix = Vec::new();
            self.walk(output, leaf, &depends, &mut prefix, &mut result);
        }
        result
    }

    fn walk(&self, node: NodeId, leaf: NodeId, depends: &[bool], prefix: &mut Vec<Factor>, out: &mut Paths) {
        if node == leaf {
            out.paths.push(Path {
                factors: prefix.clone(),
            });
            return;
        }
        for (parent, local) in self.steps(node, leaf, depends) {
            if out.paths.len() >= MAX_PATHS {
                out.truncated = true;
                return;
            }
            prefix.push(Factor {
                child: node,
                parent,
                local,
            });
            self.walk(parent, leaf, depends, prefix, out);
            prefix.pop();
        }
    }
}
