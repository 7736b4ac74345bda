//! Practice mode's model: each step's questions, checking and diagnosing answers, what stays hidden, kept progress, the answer sheet (pure; no UI).

pub mod across;
pub mod check;
pub mod diagnose;
pub mod hidden;
pub mod page;
pub mod progress;
pub mod questions;
pub mod scorm;
pub mod seed;
pub mod sheet;

pub use across::{across, Across};
pub use check::{check_choice, check_text, check_value, close, Verdict};
pub use diagnose::{Diagnosis, Mistake};
pub use hidden::{hidden, Hidden, HiddenValue, Why};
pub use progress::{example_key, Progress};
pub use questions::{
    practice_steps, questions, Answer, Choice, ChoiceLabel, NodeInputs, Quantity, Question, StepQuestions, ValueKind,
};
pub use seed::next_seed;
pub use sheet::Sheet;
