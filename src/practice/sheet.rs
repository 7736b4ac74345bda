//! The teacher's answer sheet: every question of the lesson with its answer, in the notes' order, for a seed.

use super::questions::{practice_steps, questions, NodeInputs, StepQuestions};
use crate::net::{Net, NetError};
use crate::query::DEFAULT_LR;
use crate::value::random_example;

/// Every practice step's questions for one example, in the notes' order (forward pass, errors,
/// grad-w21, grad-w11, the sweep, the update, the add and multiply nodes).
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub seed: Option<u64>,
    pub lr: f64,
    pub steps: Vec<StepQuestions>,
}

impl Sheet {
    /// The sheet of the example `seed` draws (the worked example without a seed), at the
    /// default learning rate: the one a class link `?seed=N` shows.
    pub fn for_seed(seed: Option<u64>) -> Result<Sheet, NetError> {
        let example = seed.map_or_else(crate::net::Example::worked, random_example);
        Sheet::of(&Net::new(&example)?, DEFAULT_LR, seed)
    }

    /// The sheet for any network and rate; `seed` picks the add and multiply nodes' inputs.
    pub fn of(net: &Net, lr: f64, seed: Option<u64>) -> Result<Sheet, NetError> {
        let nodes = NodeInputs::for_seed(seed);
        let steps = practice_steps()
            .into_iter()
            .map(|s| questions(s, net, lr, nodes))
            .filter(|sq| !sq.questions.is_empty())
            .collect();
        Ok(Sheet { seed, lr, steps })
    }

    /// How many questions the sheet holds.
    pub fn len(&self) -> usize {
        self.steps.iter().map(|s| s.questions.len()).sum()
    }

    /// Whether the sheet has no questions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
