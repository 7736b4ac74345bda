//! Checking an answer: reading it like any field, the 0.5 % / 1e-6 tolerance, and the verdict with its diagnosis.

use super::diagnose::Diagnosis;
use super::questions::{Answer, Quantity, Question, ValueKind};
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
            correct: diagnosis.is_correct(),
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

/// What `answer` is when it is `exact` cut to fewer significant digits (up to six): rounded
/// (`Rounding`), else truncated toward zero where rounding gives another last digit
/// (`Truncation`); None when it is neither. An answer that is both (0.019 for 0.019098: rounded
/// to two digits, cut to three) is called rounded.
pub fn cut(answer: f64, exact: f64) -> Option<Diagnosis> {
    cut_digits(answer, exact).map(|(d, _)| d)
}

/// [`cut`] with the number of significant digits the answer keeps.
fn cut_digits(answer: f64, exact: f64) -> Option<(Diagnosis, i32)> {
    if exact == 0.0 || !exact.is_finite() || !answer.is_finite() {
        return None;
    }
    let top = exact.abs().log10().floor() as i32;
    let matches = |f: fn(f64) -> f64| {
        (1..=6).find(|&digits| {
            let unit = 10f64.powi(top + 1 - digits);
            (answer - f(exact / unit) * unit).abs() <= 1e-6 * unit
        })
    };
    if let Some(k) = matches(f64::round) {
        Some((Diagnosis::Rounding, k))
    } else {
        matches(f64::trunc).map(|k| (Diagnosis::Truncation, k))
    }
}

/// `exact` rounded to `digits` significant digits, written with that many (0.0822), with the
/// minus sign the page prints.
fn rounded_text(exact: f64, digits: i32) -> String {
    let top = exact.abs().log10().floor() as i32;
    let decimals = (digits - 1 - top).max(0) as usize;
    format!("{exact:.decimals$}").replace('-', "\u{2212}")
}

/// Reads a typed answer as every field of the app does (`0,5` is 0.5; the minus sign − the page
/// prints is read as `-`) and checks it.
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
        // Within the tolerance but cut, not rounded (0.0821 for 0.082167): right, and the
        // rounded digits are shown (0.0822), so the check agrees with "three digits, rounded".
        return match (kind, cut_digits(answer, *exact)) {
            (ValueKind::Plain, Some((Diagnosis::Truncation, k))) => {
                Verdict::new(Diagnosis::CorrectButCut, rounded_text(*exact, k))
            }
            _ => Verdict::new(Diagnosis::Correct, ""),
        };
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
    match kind {
        // The exact value cut short (named only after every mistake, which may also be near).
        ValueKind::Plain => match cut(answer, *exact) {
            Some(d) => Verdict::new(d, ""),
            None => Verdict::new(Diagnosis::Unknown, ""),
        },
        // The new value right to the digits given, or close to it, but its change not.
        ValueKind::Updated { .. } if cut(answer, *exact).is_some() || close(answer, *exact) => {
            let term = match q.quantity {
                Quantity::Next(p) => p.name(),
                _ => "",
            };
            Verdict::new(Diagnosis::MoreDigits, term)
        }
        ValueKind::Updated { .. } => Verdict::new(Diagnosis::Unknown, ""),
    }
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
