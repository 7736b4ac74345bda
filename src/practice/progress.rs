//! Which questions a learner has solved, per example, as a compact string for local storage (read back robustly), and the counts.

use super::questions::StepQuestions;
use crate::net::Example;
use crate::query::DEFAULT_LR;
use crate::value::random_example;

/// How many examples are kept; the least recently touched go first.
pub const MAX_EXAMPLES: usize = 32;
/// Longest stored string read back (local storage holds a few MB; ours stays far below).
pub const MAX_LEN: usize = 64 * 1024;
/// The format's tag, first in the string.
const TAG: &str = "p1";

/// The key of one example: `s<seed>` when its parameters are the seed's draw with the worked
/// inputs, targets and learning rate, else `v` and a hash of all its numbers and the rate.
pub fn example_key(seed: Option<u64>, example: &Example, lr: f64) -> String {
    if let Some(seed) = seed {
        if random_example(seed) == *example && lr == DEFAULT_LR {
            return format!("s{seed}");
        }
    }
    // FNV-1a over the bits of every number: the same numbers give the same key.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let numbers = example.x.iter().chain(&example.t).chain(&example.params).chain([&lr]);
    for v in numbers {
        for b in v.to_bits().to_le_bytes() {
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("v{hash:016x}")
}

/// One solved question: the step's slug and the question's key.
fn entry(slug: &str, key: &str) -> String {
    format!("{slug}/{key}")
}

/// Solved questions per example, the most recently touched example last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    examples: Vec<(String, Vec<String>)>,
}

fn token_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/'))
}

impl Progress {
    /// Whether question `key` of step `slug` is solved in example `example`.
    pub fn is_solved(&self, example: &str, slug: &str, key: &str) -> bool {
        let e = entry(slug, key);
        self.examples.iter().any(|(k, list)| k == example && list.contains(&e))
    }

    /// Marks a question solved (by a right answer or a reveal); the example becomes the most recent.
    pub fn solve(&mut self, example: &str, slug: &str, key: &str) {
        let e = entry(slug, key);
        if !token_ok(example) || !token_ok(&e) {
            return;
        }
        let mut list = match self.examples.iter().position(|(k, _)| k == example) {
            Some(i) => self.examples.remove(i).1,
            None => Vec::new(),
        };
        if !list.contains(&e) {
            list.push(e);
        }
        self.examples.push((example.to_owned(), list));
        while self.examples.len() > MAX_EXAMPLES {
            self.examples.remove(0);
        }
    }

    /// Forgets one example's progress (practice-reset).
    pub fn reset(&mut self, example: &str) {
        self.examples.retain(|(k, _)| k != example);
    }

    /// How many questions of `steps` are solved in `example`, and how many there are.
    pub fn count(&self, example: &str, steps: &[StepQuestions]) -> (usize, usize) {
        steps.iter().fold((0, 0), |(s, t), sq| {
            let (a, b) = self.count_step(example, sq);
            (s + a, t + b)
        })
    }

    /// How many of one step's questions are solved in `example`, and how many it has.
    pub fn count_step(&self, example: &str, sq: &StepQuestions) -> (usize, usize) {
        let slug = sq.step.slug();
        let solved = sq
            .questions
            .iter()
            .filter(|q| self.is_solved(example, &slug, q.key()))
            .count();
        (solved, sq.questions.len())
    }

    /// The compact text kept in local storage: `p1|<example>:<slug>/<key>,<slug>/<key>|...`.
    pub fn to_text(&self) -> String {
        let mut out = String::from(TAG);
        for (k, list) in &self.examples {
            out.push('|');
            out.push_str(k);
            out.push(':');
            out.push_str(&list.join(","));
        }
        out
    }

    /// Reads [`Progress::to_text`] back. Anything unreadable (another format, a damaged or
    /// hand-edited value, an over-long string) is skipped piece by piece; the worst case is an
    /// empty progress, never a panic.
    pub fn from_text(text: &str) -> Progress {
        let mut p = Progress::default();
        if text.len() > MAX_LEN {
            return p;
        }
        let mut parts = text.split('|');
        if parts.next() != Some(TAG) {
            return p;
        }
        for part in parts {
            let Some((example, list)) = part.split_once(':') else {
                continue;
            };
            for e in list.split(',') {
                if let Some((slug, key)) = e.split_once('/') {
                    if token_ok(slug) && token_ok(key) && !key.contains('/') {
                        p.solve(example, slug, key);
                    }
                }
            }
        }
        p
    }
}
