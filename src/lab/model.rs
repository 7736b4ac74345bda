//! A lab network on the autograd core: its activation, output and loss, one example's graph (built once, reused), gradients of an example and of a batch, and the SGD step.

use super::data::{Draw, Point};
use super::shape::{ParamName, Shape};
use crate::autograd::{Gradients, Graph, NodeId};

/// The hidden layers' activation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    Sigmoid,
    Tanh,
    Relu,
}

/// The loss of one example: squared error Σ_k ½(t_k − Y_k)² (the notes' E), or cross-entropy
/// (−[t log Y + (1 − t) log(1 − Y)] with one σ output, −Σ_k t_k log Y_k with softmax on two).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    Mse,
    Ce,
}

/// What a network is: its shape, hidden activation, loss, and whether its outputs are linear
/// (squared error on a regression data set) rather than σ (or softmax, under cross-entropy with
/// two outputs).
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub shape: Shape,
    pub act: Act,
    pub loss: Loss,
    pub linear_output: bool,
}

impl Spec {
    /// Cross-entropy needs probabilities, so a linear output is only offered with squared error.
    pub fn valid(&self) -> bool {
        !(self.linear_output && self.loss == Loss::Ce)
    }
}

/// One example's graph for a [`Spec`], built once: set the inputs, targets and parameters, then
/// run it. Nodes are named for [`Graph::paths`]: `z<l>_<j>` (a weighted sum), `a<l>_<j>` (its
/// activation; the outputs' are the Y), `E<k>` (output k's share of the loss, squared error or
/// cross-entropy with one output) and `L` (the example's loss).
#[derive(Clone, Debug)]
pub struct Tape {
    pub graph: Graph,
    pub x: [NodeId; 2],
    pub t: Vec<NodeId>,
    /// In [`Shape::params`] order, one run of leaves.
    pub params: Vec<NodeId>,
    /// Per layer with weights, per unit: (weighted sum, activation).
    pub units: Vec<Vec<(NodeId, NodeId)>>,
    pub loss: NodeId,
    grads: Gradients,
}

impl Tape {
    /// Builds the graph of `spec` with every leaf at 0.
    pub fn new(spec: &Spec) -> Tape {
        let sizes = spec.shape.sizes();
        let mut g = Graph::new();
        let x = [g.input("x1", 0.0), g.input("x2", 0.0)];
        let t: Vec<NodeId> = (1..=spec.shape.outputs())
            .map(|k| g.input(&format!("t{k}"), 0.0))
            .collect();
        let names = spec.shape.params();
        let params: Vec<NodeId> = names.iter().map(|n| g.param(&n.to_string(), 0.0)).collect();
        let mut next = params.iter().copied();
        let mut below: Vec<NodeId> = x.to_vec();
        let mut units = Vec::new();
        let last = sizes.len() - 1;
        for l in 1..=last {
            let weights: Vec<Vec<NodeId>> = (0..sizes[l])
                .map(|_| (0..sizes[l - 1]).map(|_| next.next().expect("a weight")).collect())
                .collect();
            let biases: Vec<NodeId> = (0..sizes[l]).map(|_| next.next().expect("a bias")).collect();
            let mut layer = Vec::new();
            for (j, (w, b)) in weights.iter().zip(&biases).enumerate() {
                // ((w1·a1 + w2·a2) + …) + b: for two inputs the same operations, in the same
                // order, as the 2-2-2 network's weighted-sum node.
                let mut sum = g.mul(w[0], below[0]);
                for (wk, ak) in w.iter().zip(&below).skip(1) {
                    let term = g.mul(*wk, *ak);
                    sum = g.add(sum, term);
                }
                let z = g.add(sum, *b);
                g.name(z, &format!("z{l}_{}", j + 1));
                let a = if l < last {
                    match spec.act {
                        Act::Sigmoid => g.sigmoid(z),
                        Act::Tanh => g.tanh(z),
                        Act::Relu => g.relu(z),
                    }
                } else if spec.linear_output || (spec.loss == Loss::Ce && sizes[l] == 2) {
                    z // softmax comes after the layer; a linear output is its sum
                } else {
                    g.sigmoid(z)
                };
                layer.push((z, a));
            }
            if l == last && spec.loss == Loss::Ce && sizes[l] == 2 && !spec.linear_output {
                // Softmax: Y_k = e^(z_k) / (e^(z_1) + e^(z_2)).
                let e: Vec<NodeId> = layer.iter().map(|&(z, _)| g.exp(z)).collect();
                let total = g.add(e[0], e[1]);
                for (k, unit) in layer.iter_mut().enumerate() {
                    unit.1 = g.div(e[k], total);
                }
            }
            for (j, &(z, a)) in layer.iter().enumerate() {
                if a != z {
                    g.name(a, &format!("a{l}_{}", j + 1));
                }
            }
            below = layer.iter().map(|&(_, a)| a).collect();
            units.push(layer);
        }
        let terms: Vec<NodeId> = match spec.loss {
            Loss::Mse => {
                let half = g.constant(0.5);
                below
                    .iter()
                    .zip(&t)
                    .map(|(&y, &tk)| {
                        let sq = g.squared_diff(tk, y);
                        g.mul(half, sq)
                    })
                    .collect()
            }
            Loss::Ce if below.len() == 1 => {
                // −[t log Y + (1 − t) log(1 − Y)]
                let (y, tk) = (below[0], t[0]);
                let one = g.constant(1.0);
                let log_y = g.log(y);
                let first = g.mul(tk, log_y);
                let not_t = g.sub(one, tk);
                let not_y = g.sub(one, y);
                let log_not_y = g.log(not_y);
                let second = g.mul(not_t, log_not_y);
                let both = g.add(first, second);
                vec![g.neg(both)]
            }
            Loss::Ce => below
                .iter()
                .zip(&t)
                .map(|(&y, &tk)| {
                    let log_y = g.log(y);
                    let term = g.mul(tk, log_y);
                    g.neg(term)
                })
                .collect(),
        };
        for (k, &term) in terms.iter().enumerate() {
            g.name(term, &format!("E{}", k + 1));
        }
        let mut loss = terms[0];
        for &term in &terms[1..] {
            loss = g.add(loss, term);
        }
        if terms.len() == 1 {
            // One term is the loss itself: a node of its own, so E1 stays a stop on every path.
            let zero = g.constant(0.0);
            loss = g.add(loss, zero);
        }
        g.name(loss, "L");
        let grads = g.backward(loss);
        Tape {
            graph: g,
            x,
            t,
            params,
            units,
            loss,
            grads,
        }
    }

    /// Sets the example and the parameters, runs forward and backward; returns the loss.
    pub fn run(&mut self, params: &[f64], point: &Point, targets: &[f64]) -> f64 {
        self.graph.set(self.x[0], point.x[0]);
        self.graph.set(self.x[1], point.x[1]);
        for (&node, &v) in self.t.iter().zip(targets) {
            self.graph.set(node, v);
        }
        if let Some(&first) = self.params.first() {
            self.graph.leaves_mut(first, params.len()).copy_from_slice(params);
        }
        self.graph.forward();
        self.graph.backward_into(self.loss, &mut self.grads);
        self.graph.value(self.loss)
    }

    /// ∂L/∂(each parameter) of the last [`Tape::run`], in [`Shape::params`] order.
    pub fn grads(&self) -> impl Iterator<Item = f64> + '_ {
        self.params.iter().map(|&p| self.grads.get(p))
    }

    /// The outputs Y of the last run.
    pub fn outputs(&self) -> Vec<f64> {
        self.units
            .last()
            .map_or_else(Vec::new, |l| l.iter().map(|&(_, a)| self.graph.value(a)).collect())
    }
}

/// A network and its parameters, in [`Shape::params`] order.
#[derive(Clone, Debug)]
pub struct Model {
    pub spec: Spec,
    pub names: Vec<ParamName>,
    pub params: Vec<f64>,
    tape: Tape,
}

impl Model {
    /// Weights drawn from `seed`, uniform on ±√(6 / (fan-in + fan-out)) (Glorot and Bengio 2010,
    /// so σ and tanh start away from saturation); biases 0.1 under ReLU (units start alive),
    /// else 0.
    pub fn new(spec: Spec, seed: u64) -> Model {
        let names = spec.shape.params();
        let sizes = spec.shape.sizes();
        let mut draw = Draw(seed);
        let params = names
            .iter()
            .map(|n| match *n {
                ParamName::Weight { layer, .. } => {
                    let unit = draw.unit();
                    let limit = (6.0 / (sizes[layer - 1] + sizes[layer]) as f64).sqrt();
                    (2.0 * unit - 1.0) * limit
                }
                ParamName::Bias { .. } if spec.act == Act::Relu => 0.1,
                ParamName::Bias { .. } => 0.0,
            })
            .collect();
        Model::with_params(spec, params)
    }

    /// The network with these parameters (in [`Shape::params`] order).
    pub fn with_params(spec: Spec, params: Vec<f64>) -> Model {
        let tape = Tape::new(&spec);
        let names = spec.shape.params();
        assert_eq!(names.len(), params.len(), "one value per parameter");
        Model {
            spec,
            names,
            params,
            tape,
        }
    }

    /// The targets of a point for this network's outputs: the value to fit (one output), the
    /// label (one output), or the label one-hot (two outputs: t1 = 1 for label 0, t2 = 1 for 1).
    pub fn targets(&self, point: &Point) -> Vec<f64> {
        if self.spec.shape.outputs() == 1 {
            vec![point.y]
        } else {
            vec![1.0 - point.y, point.y]
        }
    }

    /// One example's loss and gradient, with the graph left at that example.
    pub fn example(&mut self, point: &Point) -> (f64, Vec<f64>) {
        let targets = self.targets(point);
        let loss = self.tape.run(&self.params, point, &targets);
        (loss, self.tape.grads().collect())
    }

    /// A batch's mean loss and mean gradient over `points` (empty: zero).
    pub fn batch(&mut self, points: &[Point]) -> (f64, Vec<f64>) {
        let mut loss = 0.0;
        let mut grad = vec![0.0; self.params.len()];
        for point in points {
            let (l, g) = self.example(point);
            loss += l;
            grad.iter_mut().zip(g).for_each(|(s, gi)| *s += gi);
        }
        let n = points.len().max(1) as f64;
        grad.iter_mut().for_each(|g| *g /= n);
        (loss / n, grad)
    }

    /// One SGD step on `points`: p ← p − η · (the batch's mean gradient). Returns the batch's
    /// mean loss before the step; a step that would make a parameter non-finite is not taken.
    pub fn step(&mut self, points: &[Point], lr: f64) -> Result<f64, f64> {
        let (loss, grad) = self.batch(points);
        let next: Vec<f64> = self.params.iter().zip(&grad).map(|(p, g)| p - lr * g).collect();
        if !loss.is_finite() || next.iter().any(|p| !p.is_finite()) {
            return Err(loss);
        }
        self.params = next;
        Ok(loss)
    }

    /// The output Y of the network at `x` (the heatmap's value: the probability of label 1, or
    /// the fitted value).
    pub fn predict(&mut self, x: [f64; 2]) -> f64 {
        let point = Point { x, y: 0.0 };
        self.example(&point);
        *self.tape.outputs().last().expect("an output")
    }

    /// The graph at the last example run: for paths, factors and the values on the diagram.
    pub fn tape(&self) -> &Tape {
        &self.tape
    }

    /// The index of a parameter by name.
    pub fn index(&self, name: ParamName) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }
}
