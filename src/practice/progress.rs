//! Which questions a learner has solved or revealed, per example, as a compact string for local storage (bounded, merged across tabs, read back robustly), and the counts.

use super::questions::StepQuestions;
use crate::net::Example;
use crate::query::DEFAULT_LR;
use crate::value::random_example;

/// How many examples are kept; the least recently touched go first.
pub const MAX_EXAMPLES: usize = 32;
/// Longest stored string read back (local storage holds a few MB; ours stays far below).
pub const MAX_LEN: usize = 64 * 1024;
/// Longest string [`Progress::bounded_text`] writes: the least recently touched examples go
/// first until the rest fit, so what is written is always read back.
pub const MAX_WRITE: usize = 60 * 1024;
/// The mark after a revealed question's entry (`grad-w21/path-1/r`): an old reader skips it.
const REVEALED: &str = "/r";
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

/// Solved questions (computed by the learner) and revealed ones ("show answer", marked
/// [`REVEALED`]) per example, the most recently touched example last. Only a solved question
/// counts; a revealed one shows its number as revealed.
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
    fn has(&self, example: &str, e: &str) -> bool {
        self.examples
            .iter()
            .any(|(k, list)| k == example && list.iter().any(|x| x == e))
    }

    /// Whether question `key` of step `slug` is solved (computed, not revealed) in `example`.
    pub fn is_solved(&self, example: &str, slug: &str, key: &str) -> bool {
        self.has(example, &entry(slug, key))
    }

    /// Whether question `key` of step `slug` was revealed (and not solved) in `example`.
    pub fn is_revealed(&self, example: &str, slug: &str, key: &str) -> bool {
        self.has(example, &(entry(slug, key) + REVEALED))
    }

    /// Whether the question's number is on show: solved or revealed.
    pub fn is_done(&self, example: &str, slug: &str, key: &str) -> bool {
        self.is_solved(example, slug, key) || self.is_revealed(example, slug, key)
    }

    /// Adds entry `e` to `example`, which becomes the most recent; a solved entry replaces the
    /// revealed one, a revealed one is not added beside the solved one.
    fn add(&mut self, example: &str, e: String) {
        if !token_ok(example) || !token_ok(&e) {
            return;
        }
        let mut list = match self.examples.iter().position(|(k, _)| k == example) {
            Some(i) => self.examples.remove(i).1,
            None => Vec::new(),
        };
        let revealed = e.strip_suffix(REVEALED);
        let solved_already = revealed.is_some_and(|s| list.iter().any(|x| x == s));
        if !solved_already && !list.contains(&e) {
            list.retain(|x| *x != format!("{e}{REVEALED}"));
            list.push(e);
        }
        self.examples.push((example.to_owned(), list));
        while self.examples.len() > MAX_EXAMPLES {
            self.examples.remove(0);
        }
    }

    /// Marks a question solved by a right answer; the example becomes the most recent.
    pub fn solve(&mut self, example: &str, slug: &str, key: &str) {
        self.add(example, entry(slug, key));
    }

    /// Marks a question revealed ("show answer"): its number shows, it does not count as solved.
    pub fn reveal(&mut self, example: &str, slug: &str, key: &str) {
        self.add(example, entry(slug, key) + REVEALED);
    }

    /// Everything `other` holds added to this progress (another tab's, read back from storage):
    /// the examples of both, a question solved in either is solved. This progress's examples
    /// become the most recent, in their order.
    pub fn merge(&self, other: &Progress) -> Progress {
        let mut out = other.clone();
        for (example, list) in &self.examples {
            for e in list {
                out.add(example, e.clone());
            }
            if list.is_empty() {
                if let Some(i) = out.examples.iter().position(|(k, _)| k == example) {
                    let ex = out.examples.remove(i);
                    out.examples.push(ex);
                }
            }
        }
        out
    }

    /// How many examples are kept.
    pub fn len(&self) -> usize {
        self.examples.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.examples.is_empty()
    }

    /// The text to store, at most [`MAX_WRITE`] bytes, and how many of the least recently
    /// touched examples were left out to get there (the learner is told).
    pub fn bounded_text(&self) -> (String, usize) {
        let mut kept = self.clone();
        let mut dropped = 0;
        let mut text = kept.to_text();
        while text.len() > MAX_WRITE && !kept.examples.is_empty() {
            kept.examples.remove(0);
            dropped += 1;
            text = kept.to_text();
        }
        (text, dropped)
    }

    /// Forgets one example's progress (practice-reset).
    pub fn reset(&mut self, example: &str) {
        self.examples.retain(|(k, _)| k != example);
    }

    /// The questions of `steps` as the lesson counts them: a quantity asked on several steps
    /// ([`Question::shared`]) once, solved (revealed) when it is on any of them.
    fn lesson(&self, example: &str, steps: &[StepQuestions]) -> Vec<(String, bool, bool)> {
        let mut list: Vec<(String, bool, bool)> = Vec::new();
        for sq in steps {
            let slug = sq.step.slug();
            for q in &sq.questions {
                let (solved, revealed) = (
                    self.is_solved(example, &slug, q.key()),
                    self.is_revealed(example, &slug, q.key()),
                );
                let name = q.shared().unwrap_or_else(|| entry(&slug, q.key()));
                match list.iter_mut().find(|(n, _, _)| *n == name) {
                    Some(e) => {
                        e.1 |= solved;
                        e.2 |= revealed;
                    }
                    None => list.push((name, solved, revealed)),
                }
            }
        }
        list
    }

    /// How many questions of `steps` are solved in `example`, and how many there are (a
    /// quantity asked on two steps is one question).
    pub fn count(&self, example: &str, steps: &[StepQuestions]) -> (usize, usize) {
        let list = self.lesson(example, steps);
        (list.iter().filter(|e| e.1).count(), list.len())
    }

    /// How many questions of `steps` were revealed (not solved) in `example`.
    pub fn count_revealed(&self, example: &str, steps: &[StepQuestions]) -> usize {
        self.lesson(example, steps).iter().filter(|e| e.2 && !e.1).count()
    }

    /// A quantity asked on several of `steps` ([`Question::shared`]) solved (or revealed) on
    /// one is marked so on all of them: solved once, solved everywhere.
    pub fn share(&mut self, example: &str, steps: &[StepQuestions]) {
        for (name, solved, revealed) in self.lesson(example, steps) {
            if !solved && !revealed {
                continue;
            }
            for sq in steps {
                let slug = sq.step.slug();
                for q in sq.questions.iter().filter(|q| q.shared().as_deref() == Some(&name)) {
                    match solved {
                        true if !self.is_solved(example, &slug, q.key()) => self.solve(example, &slug, q.key()),
                        false if !self.is_done(example, &slug, q.key()) => self.reveal(example, &slug, q.key()),
                        _ => {}
                    }
                }
            }
        }
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

    /// The compact text kept in local storage: `p1|<example>:<slug>/<key>,<slug>/<key>/r|...`
    /// (`/r`: revealed). Unbounded: what is stored is [`Progress::bounded_text`].
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
                let (e, revealed) = match e.strip_suffix(REVEALED) {
                    Some(e) => (e, true),
                    None => (e, false),
                };
                if let Some((slug, key)) = e.split_once('/') {
                    if token_ok(slug) && token_ok(key) && !key.contains('/') {
                        match revealed {
                            true => p.reveal(example, slug, key),
                            false => p.solve(example, slug, key),
                        }
                    }
                }
            }
        }
        p
    }
}
