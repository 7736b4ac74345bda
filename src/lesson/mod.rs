//! The lesson's steps in order, their stable URL slugs, and moving between them.

mod circuit;
mod circuit_place;
pub mod descent;
mod frame;
mod nudge;
mod playground;
mod sign;
mod sweep;
mod tie;
mod update;

pub use circuit::{
    default_inputs, input_names, Circuit, CircuitEdge, CircuitKind, CircuitNode, Side, CIRCUIT_BOX, CIRCUIT_TALL_BOX,
};
pub use circuit_place::{Anchor, Label, NODE_RADIUS};
pub use descent::Descent;
pub use frame::{Chain, ChainFactor, ChainPath, Frame, Mark, SigmoidMark};
pub use nudge::{Nudge, DELTA};
pub use playground::{Playground, BOX, DEFAULT_EXPR, DEFAULT_VALUE, MAX_DRAWN, TALL_BOX};
pub use sign::{output_weight_names, Sign, SignCase};
pub use sweep::{params_into, stop, ParamGrad, Share, Stop, StopKind};
pub use tie::Tie;
pub use update::{Update, UpdateRow, PUBLISHED_ERROR_AFTER};

use crate::net::{Example, Net, Param};
use std::sync::OnceLock;

/// The five sub-steps of the forward pass, as the notes list them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// The inputs arrive.
    Inputs,
    /// h = w * x + b at the hidden layer.
    HiddenSum,
    /// H = s(h).
    HiddenOut,
    /// y = w * H + b at the output layer.
    OutputSum,
    /// Y = s(y).
    OutputOut,
}

/// One screen of the lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Forward(Stage),
    /// Error1, Error2 and E.
    Error,
    /// The backward sweep, stopped at the k-th stop of [`sweep`] (the last stop shows every parameter).
    Backward(usize),
    /// The chain rule for dE/dp: every path, its factors, their products and sum.
    Grad(Param),
    /// One SGD step on all twelve parameters: W ← W − lr · dE/dW, every new value from the old ones.
    Update,
    /// Gradient descent on E as a function of one parameter.
    Descent,
    /// Training: many SGD steps, the error and the parameters over time.
    Train,
    /// The backward pass of an add node.
    AddNode,
    /// The backward pass of a multiply node.
    MulNode,
    /// A worked chain of both, node by node backwards.
    Graph,
    /// The learner's own expression.
    Playground,
}

const STAGES: [(Stage, &str); 5] = [
    (Stage::Inputs, "forward"),
    (Stage::HiddenSum, "forward-hidden-sum"),
    (Stage::HiddenOut, "forward-hidden-out"),
    (Stage::OutputSum, "forward-output-sum"),
    (Stage::OutputOut, "forward-output-out"),
];

/// The named non-leaf nodes in the order the core's backward pass from E visits them
/// (E first); the sweep stops at each, then once more to show every parameter's gradient.
pub fn sweep() -> &'static [&'static str] {
    static SWEEP: OnceLock<Vec<&'static str>> = OnceLock::new();
    SWEEP.get_or_init(|| {
        let net = Net::new(&Example::worked()).expect("the worked example is finite");
        let g = net.graph();
        g.visit_order(net.gradients())
            .into_iter()
            .filter(|v| !matches!(g.op_of(v.node), crate::autograd::Op::Leaf(_)))
            .filter_map(|v| g.label(v.node).and_then(crate::diagram::node).map(|n| n.name))
            .collect()
    })
}

/// How many stops the backward sweep has (its nodes, then the parameters).
pub fn sweep_len() -> usize {
    sweep().len() + 1
}

impl Step {
    /// The first screen.
    pub const FIRST: Step = Step::Forward(Stage::Inputs);

    /// The steps Next and Back walk through, in order.
    pub fn sequence() -> Vec<Step> {
        let mut steps: Vec<Step> = STAGES.iter().map(|&(s, _)| Step::Forward(s)).collect();
        // As in the notes: the errors, the single-path chain of w21, the two-path chain of w11,
        // then the sweep that does all twelve at once by reusing what those two chains shared.
        steps.push(Step::Error);
        steps.push(Step::Grad(Param::W21));
        steps.push(Step::Grad(Param::W11));
        steps.extend((0..sweep_len()).map(Step::Backward));
        steps.extend([
            Step::Update,
            Step::Descent,
            Step::Train,
            Step::AddNode,
            Step::MulNode,
            Step::Graph,
            Step::Playground,
        ]);
        steps
    }

    /// The stable slug used in `?step=`.
    pub fn slug(self) -> String {
        match self {
            Step::Forward(stage) => STAGES
                .iter()
                .find(|(s, _)| *s == stage)
                .map(|(_, slug)| *slug)
                .unwrap()
                .into(),
            Step::Error => "error".into(),
            Step::Backward(0) => "backward".into(),
            Step::Backward(k) => match sweep().get(k) {
                Some(name) => format!("backward-{name}"),
                None => "backward-params".into(),
            },
            Step::Grad(p) => format!("grad-{}", p.name()),
            Step::Update => "update".into(),
            Step::Descent => "descent".into(),
            Step::Train => "train".into(),
            Step::AddNode => "add-node".into(),
            Step::MulNode => "mul-node".into(),
            Step::Graph => "graph".into(),
            Step::Playground => "playground".into(),
        }
    }

    /// The step a slug names, if any.
    pub fn from_slug(slug: &str) -> Option<Step> {
        if let Some(&(stage, _)) = STAGES.iter().find(|(_, s)| *s == slug) {
            return Some(Step::Forward(stage));
        }
        match slug {
            "error" => Some(Step::Error),
            "update" => Some(Step::Update),
            "descent" => Some(Step::Descent),
            "train" => Some(Step::Train),
            "add-node" => Some(Step::AddNode),
            "mul-node" => Some(Step::MulNode),
            "graph" => Some(Step::Graph),
            "playground" => Some(Step::Playground),
            "backward" => Some(Step::Backward(0)),
            "backward-params" => Some(Step::Backward(sweep().len())),
            _ => {
                if let Some(name) = slug.strip_prefix("backward-") {
                    sweep()
                        .iter()
                        .position(|n| *n == name)
                        .filter(|&k| k > 0)
                        .map(Step::Backward)
                } else {
                    slug.strip_prefix("grad-").and_then(Param::from_name).map(Step::Grad)
                }
            }
        }
    }

    /// Where this step sits in [`Step::sequence`]. A chain-rule step reached by clicking a
    /// parameter that is not in the sequence sits with the two worked chains, just after
    /// grad-w11: Back returns to grad-w11, Next starts the sweep.
    fn position(self, seq: &[Step]) -> (usize, bool) {
        match seq.iter().position(|&s| s == self) {
            Some(i) => (i, true),
            None => (
                seq.iter().position(|&s| s == Step::Grad(Param::W11)).unwrap_or(0),
                false,
            ),
        }
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Step> {
        let seq = Step::sequence();
        let (i, _) = self.position(&seq);
        seq.get(i + 1).copied()
    }

    /// The step before this one, if any.
    pub fn prev(self) -> Option<Step> {
        let seq = Step::sequence();
        match self.position(&seq) {
            (0, true) => None,
            (i, true) => Some(seq[i - 1]),
            (i, false) => Some(seq[i]),
        }
    }

    /// Whether this step is outside [`Step::sequence`]: a chain rule opened by clicking a
    /// parameter whose chain the lesson does not walk through.
    pub fn is_extra(self) -> bool {
        !self.position(&Step::sequence()).1
    }

    /// 1-based place in the sequence and the sequence's length, for "step 3 of 20".
    pub fn progress(self) -> (usize, usize) {
        let seq = Step::sequence();
        (self.position(&seq).0 + 1, seq.len())
    }
}
