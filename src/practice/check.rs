//! Checking an answer: reading it like any field, the 0.5 % / 1e-6 tolerance, and the verdict with its diagnosis.

use super::diagnose::Diagnosis;
use super::questions::{Answer, Question, ValueKind};
use crate::value::{self, Kind, Refusal};

/// Relative tolerance: 0.5 % (three significant digits).
pub const RELATIVE: f64 = 0.005;
/// Below this size the tolerance is absolute.
pub const SMALL: f64 = 1e-4;
/// The absolute tolerance for values smaller than [`SMALL`].
pub const ABSOLUTE: f64 = 1e-6;

/// The result of a check: right or wrong, which mistake it matches, and the term its hint
/// points at (empty for a right answer or an unknown mistake).
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub correct: bool,
    pub diagnosis: Diagnosis,
    pub term: String,
}

impl Verdict {
    fn new(diagnosis: Diagnosis, term: impl Into<String>) -> Verdict {
        Verdict {
            correct: diagnosis == Diagnosis::Correct,
            diagnosis,
            term: term.into(),
        }
    }

    /// The page's `data-verdict`.
    pub fn key(&self) -> &'static str {
        if self.correct {
            "correct"
        } else {
            "incorrect"
        }
    }
}

/// Whether `answer` is within the tolerance of `exact`: 0.5 % of it, or 1e-6 when |exact| < 1e-4.
pub fn close(answer: f64, exact: f64) -> bool {
    let err = (answer - exact).abs();
    if exact.abs() < SMALL {
        err <= ABSOLUTE
    } else {
        err <= RELATIVE * exact.abs()
    }
}

/// Whether `answer` is `exact` to two significant digits: within half a unit of the second
/// digit (0.1449 → 0.14 or 0.145 both within 0.005).
pub fn two_digits(answer: f64, exact: f64) -> bool {
    if exact == 0.0 || !exact.is_finite() {
        return false;
    }
    let unit = 10f64.powi(exact.abs().log10().floor() as i32 - 1);
    (answer - exact).abs() <= 0.5 * unit
}

/// Reads a typed answer as every field of the app does (`0,5` is 0.5) and checks it.
pub fn check_text(q: &Question, text: &str) -> Result<Verdict, Refusal> {
    let parsed = value::parse(Kind::Value, text)?;
    Ok(check_value(q, parsed.value))
}

/// Checks a number against a numeric question (a choice question is never right this way).
pub fn check_value(q: &Question, answer: f64) -> Verdict {
    let Answer::Value { exact, kind, mistakes } = &q.answer else {
        return Verdict::new(Diagnosis::Unknown, "");
    };
    // For an updated value everything is compared as the change from the old value.
    let (shift, target) = match *kind {
        ValueKind::Plain => (0.0, *exact),
        ValueKind::Updated { old, change } => (old, change),
    };
    let a = answer - shift;
    if close(a, target) {
        return Verdict::new(Diagnosis::Correct, "");
    }
    for m in mistakes {
        let wrong = m.value - shift;
        // A "mistake" that gives the right number is no mistake (a zero bias, a unit upstream).
        if wrong.is_finite() && !close(wrong, target) && close(a, wrong) {
            return Verdict::new(m.diagnosis, m.term.clone());
        }
    }
    if matches!(kind, ValueKind::Plain) && target != 0.0 && close(-a, target) {
        return Verdict::new(Diagnosis::Sign, "");
    }
    if two_digits(a, target) {
        return Verdict::new(Diagnosis::Rounding, "");
    }
    Verdict::new(Diagnosis::Unknown, "")
}

/// Checks the `k`-th choice of a multiple-choice question.
pub fn check_choice(q: &Question, k: usize) -> Verdict {
    match &q.answer {
        Answer::Choice { correct, .. } if *correct == k => Verdict::new(Diagnosis::Correct, ""),
        Answer::Choice { choices, .. } => match choices.get(k) {
            Some(c) => Verdict::new(c.diagnosis, c.term.clone()),
            None => Verdict::new(Diagnosis::Unknown, ""),
        },
        Answer::Value { .. } => Verdict::new(Diagnosis::Unknown, ""),
    }
}
