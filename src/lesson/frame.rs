//! What one step shows: which nodes and edges are lit and how, the upstream gradients, the chain rule.

use super::{sweep, Stage, Step, Stop};
use crate::diagram::{self, EDGES};
use crate::net::{Net, Param};

/// How a lit node or edge is drawn. Each mark differs in more than colour (width, dash, badge).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Computed in this very step.
    Active,
    /// Computed (or reached by the backward pass) in an earlier step.
    Done,
    /// On the k-th chain-rule path (k from 1).
    Path(usize),
    /// On more than one chain-rule path.
    Shared,
}

/// One factor of a chain-rule path: d `of` / d `wrt`, computed by the core.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainFactor {
    pub of: String,
    pub wrt: String,
    pub value: f64,
}

/// One path from an error term down to the parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct ChainPath {
    /// The error term the path starts from (Error1 or Error2).
    pub source: String,
    pub factors: Vec<ChainFactor>,
    pub product: f64,
}

/// The chain rule for one parameter: dE/dp = dError1/dp + dError2/dp, each a sum over paths.
#[derive(Clone, Debug, PartialEq)]
pub struct Chain {
    pub param: Param,
    pub paths: Vec<ChainPath>,
    /// The sum of the path products.
    pub sum: f64,
    /// dE/dp from the reverse-mode pass (equal to `sum`).
    pub grad: f64,
}

/// A point on a sigmoid to draw: the node's input z, its output s(z), and the local derivative
/// ds/dz the core computed on that edge (the tangent's slope).
#[derive(Clone, Debug, PartialEq)]
pub struct SigmoidMark {
    /// The weighted sum, e.g. "y1".
    pub input: &'static str,
    /// The activation, e.g. "Y1".
    pub output: &'static str,
    pub z: f64,
    pub s: f64,
    pub slope: f64,
}

impl SigmoidMark {
    /// The mark for the activation node `output` reading `input`, numbers from the core.
    pub fn of(net: &Net, input: &'static str, output: &'static str) -> Option<SigmoidMark> {
        let id = net.node(output)?;
        let &(_, slope) = net.graph().partials(id).as_slice().first()?;
        Some(SigmoidMark {
            input,
            output,
            z: net.value(input),
            s: net.value(output),
            slope,
        })
    }
}

/// Everything a step lights and the numbers it adds to the diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// Lit nodes by diagram name.
    pub nodes: Vec<(&'static str, Mark)>,
    /// Lit edges by index into [`diagram::EDGES`].
    pub edges: Vec<(usize, Mark)>,
    /// Nodes whose value is not computed yet at this point of the forward pass.
    pub pending: Vec<&'static str>,
    /// Upstream gradients dE/d(node) the backward sweep has delivered so far.
    pub upstream: Vec<(&'static str, f64)>,
    /// The node the backward sweep is at.
    pub sweep_at: Option<&'static str>,
    /// Whether every parameter's gradient is on show (end of the sweep).
    pub all_grads: bool,
    /// The sweep's current stop worked out: the shares its readers pass back, or at the end
    /// every parameter's gradient as δ times input.
    pub stop: Option<Stop>,
    pub chain: Option<Chain>,
    /// Sigmoids to plot with their current point and tangent.
    pub sigmoids: Vec<SigmoidMark>,
}

const FORWARD_ORDER: [&[&str]; 5] = [
    &["x1", "x2"],
    &["b1", "b2", "h1", "h2"],
    &["H1", "H2"],
    &["b3", "b4", "y1", "y2"],
    &["Y1", "Y2"],
];
const ERROR_NODES: [&str; 5] = ["t1", "t2", "Error1", "Error2", "E"];

fn edge_index(from: &str, to: &str) -> usize {
    EDGES
        .iter()
        .position(|e| e.from == from && e.to == to)
        .expect("a drawn edge")
}

/// The drawn edge a chain-rule factor d `of` / d `wrt` travels: the weight's own edge for a
/// parameter, else the edge between the two nodes.
fn factor_edge(of: &str, wrt: &str) -> Option<usize> {
    let e = match Param::from_name(wrt) {
        Some(p) => diagram::edge_of(p),
        None => diagram::edge_between(of, wrt)?,
    };
    Some(edge_index(e.from, e.to))
}

impl Frame {
    /// The frame of `step` for the network's current values.
    pub fn build(net: &Net, step: Step) -> Frame {
        let mut frame = Frame::lights(net, step);
        let pairs: &[(&'static str, &'static str)] = match step {
            Step::Forward(Stage::HiddenOut) => &[("h1", "H1"), ("h2", "H2")],
            Step::Forward(Stage::OutputOut) => &[("y1", "Y1"), ("y2", "Y2")],
            Step::Grad(_) => &[("y1", "Y1"), ("y2", "Y2"), ("h1", "H1"), ("h2", "H2")],
            // At a weighted sum the sweep multiplies by σ′: the tangent's slope on the curve.
            Step::Backward(k) => match sweep().get(k).copied() {
                Some("y1") => &[("y1", "Y1")],
                Some("y2") => &[("y2", "Y2")],
                Some("h1") => &[("h1", "H1")],
                Some("h2") => &[("h2", "H2")],
                _ => &[],
            },
            _ => &[],
        };
        let on_chain = |output: &str| match &frame.chain {
            None => true,
            Some(chain) => chain.paths.iter().any(|p| p.factors.iter().any(|f| f.of == output)),
        };
        let wanted: Vec<_> = pairs.iter().filter(|(_, o)| on_chain(o)).copied().collect();
        frame.sigmoids = wanted
            .into_iter()
            .filter_map(|(i, o)| SigmoidMark::of(net, i, o))
            .collect();
        frame
    }

    fn lights(net: &Net, step: Step) -> Frame {
        match step {
            Step::Forward(stage) => Frame::forward(stage as usize),
            Step::Error => {
                let mut f = Frame::forward(FORWARD_ORDER.len());
                f.nodes.extend(ERROR_NODES.iter().map(|&n| (n, Mark::Active)));
                f.edges.extend(
                    EDGES
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| ERROR_NODES.contains(&e.to))
                        .map(|(i, _)| (i, Mark::Active)),
                );
                f
            }
            Step::Backward(k) => Frame::backward(net, k),
            Step::Grad(p) => Frame::chain(net, p),
            Step::Update => {
                let mut f = Frame::default();
                f.edges.extend(
                    EDGES
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.param.is_some())
                        .map(|(i, _)| (i, Mark::Active)),
                );
                f
            }
            Step::Descent | Step::Train | Step::AddNode | Step::MulNode | Step::Graph | Step::Playground => {
                Frame::default()
            }
        }
    }

    /// The forward pass up to stage `upto` (0-based; 5 means complete): earlier stages done,
    /// stage `upto` active, later ones pending.
    fn forward(upto: usize) -> Frame {
        let mut f = Frame::default();
        for (i, names) in FORWARD_ORDER.iter().enumerate() {
            let mark = if i < upto { Mark::Done } else { Mark::Active };
            if i > upto {
                f.pending.extend(names.iter().copied());
                continue;
            }
            f.nodes.extend(names.iter().map(|&n| (n, mark)));
            let into = |e: &&diagram::Edge| names.contains(&e.to);
            f.edges.extend(
                EDGES
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| into(e))
                    .map(|(i, _)| (i, mark)),
            );
        }
        if upto < FORWARD_ORDER.len() {
            f.pending.extend(ERROR_NODES.iter().filter(|n| !n.starts_with('t')));
        }
        f
    }

    /// The backward sweep stopped at stop `k`: nodes already reached are done, the current one
    /// active, and each shows the upstream gradient the core's pass delivered to it. The edges
    /// lit active are the ones the current stop's shares travel (from each reader back to the
    /// node); those of earlier stops are done.
    fn backward(net: &Net, k: usize) -> Frame {
        let mut f = Frame::default();
        let stops = sweep();
        for (i, &name) in stops.iter().enumerate().take(k + 1) {
            let mark = if i == k { Mark::Active } else { Mark::Done };
            f.nodes.push((name, mark));
            f.upstream.push((name, net.node_grad(name)));
            let stop = super::stop(net, i);
            for share in stop.iter().flat_map(|s| &s.shares) {
                if let Some(e) = diagram::edge_between(name, share.consumer) {
                    f.edges.push((edge_index(e.from, e.to), mark));
                }
            }
            if i == k {
                f.stop = stop;
            }
        }
        f.sweep_at = stops.get(k).copied();
        if k >= stops.len() {
            f.all_grads = true;
            for (j, e) in EDGES.iter().enumerate() {
                if e.param.is_some() {
                    f.edges.push((j, Mark::Active));
                }
            }
        }
        // The parameters' stop (k past the named nodes) is not in the loop above.
        if f.stop.is_none() {
            f.stop = super::stop(net, k);
        }
        f
    }

    /// The chain rule for `p`: every path from Error1 and from Error2 down to `p`, lit path by
    /// path, edges on several paths marked shared.
    fn chain(net: &Net, p: Param) -> Frame {
        let g = net.graph();
        let leaf = net.param_id(p);
        let name = |id| g.label(id).unwrap_or("?").to_owned();
        let mut paths = Vec::new();
        for source in ["Error1", "Error2"] {
            let Some(out) = net.node(source) else { continue };
            for path in g.paths(out, leaf).paths {
                let factors = path
                    .factors
                    .iter()
                    .map(|f| ChainFactor {
                        of: name(f.child),
                        wrt: name(f.parent),
                        value: f.local,
                    })
                    .collect();
                paths.push(ChainPath {
                    source: source.to_owned(),
                    factors,
                    product: path.product(),
                });
            }
        }
        let mut f = Frame::default();
        for (k, path) in paths.iter().enumerate() {
            let mark = Mark::Path(k + 1);
            for factor in &path.factors {
                if let Some(e) = factor_edge(&factor.of, &factor.wrt) {
                    lit(&mut f.edges, e, mark);
                }
                for n in [factor.of.as_str(), factor.wrt.as_str()] {
                    if let Some(node) = diagram::node(n) {
                        lit(&mut f.nodes, node.name, mark);
                    }
                }
            }
        }
        let sum = paths.iter().map(|p| p.product).sum();
        f.chain = Some(Chain {
            param: p,
            paths,
            sum,
            grad: net.grad(p),
        });
        f
    }

    /// The mark of a node, if lit.
    pub fn node_mark(&self, name: &str) -> Option<Mark> {
        self.nodes.iter().rev().find(|(n, _)| *n == name).map(|&(_, m)| m)
    }

    /// The mark of an edge, if lit.
    pub fn edge_mark(&self, index: usize) -> Option<Mark> {
        self.edges.iter().rev().find(|(e, _)| *e == index).map(|&(_, m)| m)
    }
}

/// Lights `key` with `mark`, turning it into [`Mark::Shared`] when another path lit it already.
fn lit<K: PartialEq + Copy>(list: &mut Vec<(K, Mark)>, key: K, mark: Mark) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) if entry.1 != mark => entry.1 = Mark::Shared,
        Some(_) => {}
        None => list.push((key, mark)),
    }
}
