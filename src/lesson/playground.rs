//! The playground: the learner's expression built on the core, its gradients, their finite-difference check, its layout.

use crate::autograd::{Gradients, NodeId};
use crate::expr::{self, Built, Error, GradientCheck, Layout};
use std::collections::BTreeMap;

/// The expression shown when none is given: CS231n's circuit.
pub const DEFAULT_EXPR: &str = "(x+y)*z";

/// The value a variable takes until the learner gives one.
pub const DEFAULT_VALUE: f64 = 1.0;

/// Graphs with more nodes than this are computed but not drawn.
pub const MAX_DRAWN: usize = 120;

/// The drawing box of the playground graph.
pub const BOX: (f64, f64) = (760.0, 360.0);

/// The drawing box on a narrow screen (a phone): layers from top to bottom.
pub const TALL_BOX: (f64, f64) = (360.0, 520.0);

/// An expression built and differentiated by the core.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub built: Built,
    /// d result / d node for every node.
    pub grads: Gradients,
    /// Each variable's gradient against a central difference.
    pub checks: Vec<GradientCheck>,
    /// Where to draw each node in [`BOX`] (none when the graph is too large to draw).
    pub layout: Option<Layout>,
    /// The same in [`TALL_BOX`], layers top to bottom.
    pub tall_layout: Option<Layout>,
    /// The nodes in the order the backward pass visits them, the result first.
    pub order: Vec<NodeId>,
}

impl Playground {
    /// Parses and builds `text` with `values` (unknown variables take [`DEFAULT_VALUE`]).
    pub fn compute(text: &str, values: &BTreeMap<String, f64>) -> Result<Playground, Error> {
        let built = expr::evaluate(text, |name| Some(values.get(name).copied().unwrap_or(DEFAULT_VALUE)))?;
        let grads = built.graph.backward(built.result);
        let checks = expr::check_gradients(&built);
        let drawn = built.graph.len() <= MAX_DRAWN;
        let layout = drawn.then(|| expr::layout(&built.graph, BOX.0, BOX.1));
        let tall_layout = drawn.then(|| expr::layout(&built.graph, TALL_BOX.1, TALL_BOX.0).transposed());
        let order = built.graph.visit_order(&grads).into_iter().map(|v| v.node).collect();
        Ok(Playground {
            built,
            grads,
            checks,
            layout,
            tall_layout,
            order,
        })
    }

    /// Each variable with its value, in order of first appearance.
    pub fn variables(&self) -> Vec<(String, f64)> {
        self.built
            .variables
            .iter()
            .map(|v| (v.name.clone(), self.built.graph.value(v.node)))
            .collect()
    }
}
