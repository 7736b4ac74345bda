//! The 2-2-2 network of the notes built on the autograd graph: names, wiring, one SGD step, training.
//!
//! x1, x2 -> h1 = w11*x1 + w13*x2 + b1, h2 = w12*x1 + w14*x2 + b2 -> H = s(h) ->
//! y1 = w21*H1 + w23*H2 + b3, y2 = w22*H1 + w24*H2 + b4 -> Y = s(y) ->
//! Error_k = 1/2 (t_k - Y_k)^2 -> E = Error1 + Error2, with s the sigmoid.

use crate::autograd::{Gradients, Graph, NodeId};
use std::fmt;

/// The twelve trainable parameters, named as in the notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    W11,
    W12,
    W13,
    W14,
    W21,
    W22,
    W23,
    W24,
    B1,
    B2,
    B3,
    B4,
}

impl Param {
    /// All twelve, weights of the first layer, of the second, then the biases.
    pub const ALL: [Param; 12] = [
        Param::W11,
        Param::W12,
        Param::W13,
        Param::W14,
        Param::W21,
        Param::W22,
        Param::W23,
        Param::W24,
        Param::B1,
        Param::B2,
        Param::B3,
        Param::B4,
    ];

    /// The name used in the notes, the diagram and the URL (`w11`, `b3`).
    pub fn name(self) -> &'static str {
        [
            "w11", "w12", "w13", "w14", "w21", "w22", "w23", "w24", "b1", "b2", "b3", "b4",
        ][self as usize]
    }

    /// The parameter with this name, if any.
    pub fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Position in [`Param::ALL`] and in [`Example::params`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Everything that defines one example: the inputs, the targets and the twelve parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Example {
    pub x: [f64; 2],
    pub t: [f64; 2],
    /// Indexed by [`Param::index`].
    pub params: [f64; 12],
}

impl Example {
    /// The widely used worked example (Matt Mazur, "A Step by Step Backpropagation Example",
    /// 2015), in the notes' names: w11 w13 w12 w14 = .15 .20 .25 .30, w21 w23 w22 w24 =
    /// .40 .45 .50 .55, hidden biases .35, output biases .60; inputs .05 .10, targets .01 .99.
    pub fn worked() -> Self {
        Example {
            x: [0.05, 0.10],
            t: [0.01, 0.99],
            params: [0.15, 0.25, 0.20, 0.30, 0.40, 0.50, 0.45, 0.55, 0.35, 0.35, 0.60, 0.60],
        }
    }

    /// One parameter's value.
    pub fn param(&self, p: Param) -> f64 {
        self.params[p.index()]
    }

    /// Every number with its name, inputs and targets first, for validation and display.
    pub fn named_values(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        [
            ("x1", self.x[0]),
            ("x2", self.x[1]),
            ("t1", self.t[0]),
            ("t2", self.t[1]),
        ]
        .into_iter()
        .chain(Param::ALL.into_iter().map(|p| (p.name(), self.param(p))))
    }
}

/// Why the network refused a state or stopped training.
#[derive(Clone, Debug, PartialEq)]
pub enum NetError {
    /// An input, target, parameter or learning rate is NaN or infinite.
    NonFinite { name: &'static str, value: f64 },
    /// The forward pass of an otherwise finite state overflowed at this node (the first such).
    Overflow { node: String, value: f64 },
    /// An SGD step would have made this value non-finite; the state before the step is kept.
    Diverged {
        step: usize,
        name: &'static str,
        value: f64,
    },
    /// An SGD step of the lesson (the update step's "apply", a training run) would move this
    /// parameter beyond ±[`crate::value::MAX_ABS`], the largest value the lab accepts, so a link
    /// could not carry it; the step is not taken. See [`out_of_range`].
    OutOfRange {
        step: usize,
        name: &'static str,
        value: f64,
    },
}

/// The first of `params` (in [`Param::ALL`] order) that is finite but beyond
/// ±[`crate::value::MAX_ABS`], as the refusal of SGD step `step`. The lesson refuses such a step
/// rather than clamp it: a clamped value would not be the W − η·∂E/∂W the page shows.
pub fn out_of_range(params: &[f64; 12], step: usize) -> Option<NetError> {
    let k = params
        .iter()
        .position(|v| v.is_finite() && v.abs() > crate::value::MAX_ABS)?;
    Some(NetError::OutOfRange {
        step,
        name: Param::ALL[k].name(),
        value: params[k],
    })
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetError::NonFinite { name, value } => write!(f, "{name} must be a finite number, got {value}"),
            NetError::Overflow { node, value } => write!(f, "the forward pass overflowed at {node} ({value})"),
            NetError::Diverged { step, name, value } => {
                write!(
                    f,
                    "training diverged at step {step}: {name} became {value}; the last finite state is kept"
                )
            }
            NetError::OutOfRange { step, name, value } => {
                write!(
                    f,
                    "step {step} would take {name} to {value}, beyond the accepted range; it was not taken"
                )
            }
        }
    }
}

impl std::error::Error for NetError {}

/// The network as a graph with its named nodes, and dE/d(every node) for the current values.
#[derive(Clone, Debug, PartialEq)]
pub struct Net {
    graph: Graph,
    x: [NodeId; 2],
    t: [NodeId; 2],
    params: [NodeId; 12],
    error: NodeId,
    grads: Gradients,
}

fn finite(name: &'static str, value: f64) -> Result<(), NetError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(NetError::NonFinite { name, value })
    }
}

impl Net {
    /// Builds the graph for `example`, runs forward and backward, and checks every number.
    pub fn new(example: &Example) -> Result<Net, NetError> {
        for (name, value) in example.named_values() {
            finite(name, value)?;
        }
        let mut g = Graph::new();
        let x = [g.input("x1", example.x[0]), g.input("x2", example.x[1])];
        let t = [g.input("t1", example.t[0]), g.input("t2", example.t[1])];
        // One after another, in `Param::ALL` order: a step writes them as one run of leaves.
        let params = Param::ALL.map(|p| g.param(p.name(), example.param(p)));
        let p = |q: Param| params[q.index()];
        let half = g.constant(0.5);

        // Each weighted sum is one node, so a path steps straight from it to a weight, input or bias.
        let neuron = |g: &mut Graph, name: &str, act: &str, w: [NodeId; 2], inp: [NodeId; 2], b: NodeId| {
            let sum = g.weighted_sum(w, inp, b);
            g.name(sum, name);
            let out = g.sigmoid(sum);
            g.name(out, act)
        };
        let h1 = neuron(&mut g, "h1", "H1", [p(Param::W11), p(Param::W13)], x, p(Param::B1));
        let h2 = neuron(&mut g, "h2", "H2", [p(Param::W12), p(Param::W14)], x, p(Param::B2));
        let y1 = neuron(
            &mut g,
            "y1",
            "Y1",
            [p(Param::W21), p(Param::W23)],
            [h1, h2],
            p(Param::B3),
        );
        let y2 = neuron(
            &mut g,
            "y2",
            "Y2",
            [p(Param::W22), p(Param::W24)],
            [h1, h2],
            p(Param::B4),
        );

        // Error_k = 1/2 * (t_k - Y_k)^2; the unnamed square folds into the edge Error_k -> Y_k.
        let half_squared = |g: &mut Graph, name: &str, t: NodeId, out: NodeId| {
            let sq = g.squared_diff(t, out);
            let e = g.mul(half, sq);
            g.name(e, name)
        };
        let e1 = half_squared(&mut g, "Error1", t[0], y1);
        let e2 = half_squared(&mut g, "Error2", t[1], y2);
        let error = g.add(e1, e2);
        g.name(error, "E");

        let grads = g.backward(error);
        let net = Net {
            graph: g,
            x,
            t,
            params,
            error,
            grads,
        };
        net.check_forward()?;
        Ok(net)
    }

    /// The first named node whose value is not finite, as an error.
    fn check_forward(&self) -> Result<(), NetError> {
        match self.graph.ids().find(|&id| !self.graph.value(id).is_finite()) {
            None => Ok(()),
            Some(id) => Err(NetError::Overflow {
                node: self
                    .graph
                    .label(id)
                    .map_or_else(|| self.nearest_label(id), str::to_owned),
                value: self.graph.value(id),
            }),
        }
    }

    /// The name of the first named node at or after `id` (an unnamed helper belongs to it).
    fn nearest_label(&self, id: NodeId) -> String {
        self.graph
            .ids()
            .skip(id.index())
            .find_map(|n| self.graph.label(n).map(str::to_owned))
            .unwrap_or_default()
    }

    /// The graph, for values, partials, paths and the backward visiting order.
    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The node with one of the notes' names (x1, h1, H1, y1, Y1, Error1, E, w11, ...).
    pub fn node(&self, name: &str) -> Option<NodeId> {
        self.graph.find(name)
    }

    /// A named node's value (NaN for an unknown name).
    pub fn value(&self, name: &str) -> f64 {
        self.node(name).map_or(f64::NAN, |id| self.graph.value(id))
    }

    /// The parameter's leaf.
    pub fn param_id(&self, p: Param) -> NodeId {
        self.params[p.index()]
    }

    /// One parameter's current value.
    pub fn param(&self, p: Param) -> f64 {
        self.graph.value(self.param_id(p))
    }

    /// The total error E.
    pub fn error(&self) -> NodeId {
        self.error
    }

    /// dE/d(every node) for the current values.
    pub fn gradients(&self) -> &Gradients {
        &self.grads
    }

    /// dE/dp.
    pub fn grad(&self, p: Param) -> f64 {
        self.grads.get(self.param_id(p))
    }

    /// dE/d(a named node) (NaN for an unknown name).
    pub fn node_grad(&self, name: &str) -> f64 {
        self.node(name).map_or(f64::NAN, |id| self.grads.get(id))
    }

    /// ∂of/∂wrt between two named nodes where `of` reads `wrt` directly, taken through the
    /// unnamed helpers between them (the square inside Error1, the constant ½) as the chain
    /// rule's factors are: ∂Error1/∂Y1 = Y1 − t1, ∂y1/∂H1 = w21. `None` when `of` does not read
    /// `wrt` (or a name is unknown).
    pub fn local(&self, of: &str, wrt: &str) -> Option<f64> {
        let (of, wrt) = (self.node(of)?, self.node(wrt)?);
        let paths = self.graph.paths(of, wrt);
        let mut direct = paths.paths.iter().filter(|p| p.factors.len() == 1).peekable();
        direct.peek()?;
        Some(direct.map(|p| p.product()).sum())
    }

    /// The current inputs, targets and parameters.
    pub fn example(&self) -> Example {
        let v = |id| self.graph.value(id);
        Example {
            x: self.x.map(v),
            t: self.t.map(v),
            params: self.params.map(v),
        }
    }

    /// E with parameter `p` set to each of `values` in turn and everything else held, each by a
    /// forward pass of the core (non-finite where the forward pass overflows).
    pub fn error_along(&self, p: Param, values: impl IntoIterator<Item = f64>) -> Vec<f64> {
        let mut graph = self.graph.clone();
        let leaf = self.param_id(p);
        values
            .into_iter()
            .map(|v| {
                graph.set(leaf, v);
                graph.forward();
                graph.value(self.error)
            })
            .collect()
    }

    /// The parameters one SGD step would give: p - lr * dE/dp for each, in [`Param::ALL`] order.
    pub fn next_params(&self, lr: f64) -> [f64; 12] {
        let (values, grads) = (self.params_now(), &self.grads.values()[self.param_run()]);
        std::array::from_fn(|k| values[k] - lr * grads[k])
    }

    /// Where the twelve parameter leaves sit in the graph: one run, in [`Param::ALL`] order.
    fn param_run(&self) -> std::ops::Range<usize> {
        let first = self.params[0].index();
        first..first + Param::ALL.len()
    }

    /// The twelve parameters' current values, in [`Param::ALL`] order.
    fn params_now(&self) -> [f64; 12] {
        let values = &self.graph.values()[self.param_run()];
        std::array::from_fn(|k| values[k])
    }

    /// One SGD step on all twelve parameters; returns the new E. On a non-finite result the
    /// network keeps the state it had and the error says what diverged (`step` is 1).
    pub fn step(&mut self, lr: f64) -> Result<f64, NetError> {
        self.step_numbered(lr, 1)
    }

    fn step_numbered(&mut self, lr: f64, step: usize) -> Result<f64, NetError> {
        finite("lr", lr)?;
        let old = self.params_now();
        // p - lr * dE/dp as in `next_params`, written straight into the parameter leaves.
        let (run, first) = (self.param_run(), self.params[0]);
        let grads = &self.grads.values()[run.clone()];
        let params = self.graph.leaves_mut(first, run.len());
        for (k, (p, g)) in params.iter_mut().zip(grads).enumerate() {
            let value = *p - lr * g;
            if !value.is_finite() {
                params.copy_from_slice(&old);
                return Err(NetError::Diverged {
                    step,
                    name: Param::ALL[k].name(),
                    value,
                });
            }
            *p = value;
        }
        self.recompute();
        let e = self.graph.value(self.error);
        if !e.is_finite() {
            self.set_params(&old);
            return Err(NetError::Diverged {
                step,
                name: "E",
                value: e,
            });
        }
        Ok(e)
    }

    fn set_params(&mut self, values: &[f64; 12]) {
        // The twelve leaves were created one after another (see `Net::new`).
        self.graph
            .leaves_mut(self.params[0], values.len())
            .copy_from_slice(values);
        self.recompute();
    }

    /// The forward pass, then the backward pass from E.
    fn recompute(&mut self) {
        self.graph.forward();
        self.graph.backward_into(self.error, &mut self.grads);
    }

    /// Runs `steps` SGD steps and returns E after each. Stops at the first diverging step,
    /// keeping the last finite state.
    pub fn train(&mut self, lr: f64, steps: usize) -> Result<Vec<f64>, NetError> {
        let mut history = Vec::with_capacity(steps);
        for n in 1..=steps {
            history.push(self.step_numbered(lr, n)?);
        }
        Ok(history)
    }
}
