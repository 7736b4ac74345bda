//! What a SCORM package reports on (scripts/scorm.py): the questions a range of steps asks of one example, as progress entries, and the longest progress text they can make.

use super::progress::{example_key, Progress};
use super::sheet::Sheet;
use crate::lesson::Step;
use crate::net::{Example, NetError};
use crate::query::DEFAULT_LR;
use crate::value::random_example;

/// The questions a package asks: the example's progress key and, in the notes' order, each
/// question of the steps from `from` to `to` (both included, in [`Step::sequence`]'s order) as
/// the entry progress keeps for it (`<slug>/<key>`).
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub example: String,
    pub entries: Vec<String>,
}

impl Asked {
    /// The range `from..=to` of the lesson on the example `seed` draws (the worked example
    /// without one), at the default learning rate; `None` when a step is not in the sequence
    /// or `to` comes before `from`.
    pub fn of(from: Step, to: Step, seed: Option<u64>) -> Result<Option<Asked>, NetError> {
        let seq = Step::sequence();
        let (Some(a), Some(b)) = (seq.iter().position(|&s| s == from), seq.iter().position(|&s| s == to)) else {
            return Ok(None);
        };
        if b < a {
            return Ok(None);
        }
        let range = &seq[a..=b];
        let sheet = Sheet::for_seed(seed)?;
        let entries = sheet
            .steps
            .iter()
            .filter(|sq| range.contains(&sq.step))
            .flat_map(|sq| {
                let slug = sq.step.slug();
                sq.questions.iter().map(move |q| format!("{slug}/{}", q.key()))
            })
            .collect();
        let example = seed.map_or_else(Example::worked, random_example);
        Ok(Some(Asked {
            example: example_key(seed, &example, DEFAULT_LR),
            entries,
        }))
    }

    /// The progress text of this example with every question of the range done, each marked
    /// revealed (the longer mark): the longest `cmi.suspend_data` the package can write.
    pub fn longest_text(&self) -> String {
        let mut p = Progress::default();
        for e in &self.entries {
            if let Some((slug, key)) = e.split_once('/') {
                p.reveal(&self.example, slug, key);
            }
        }
        p.to_text()
    }
}
