//! Reading the lesson's start state from URL query pairs, and writing it back (pure; no browser).

use crate::i18n::Lang;
use crate::lesson::Step;
use crate::net::{Example, Param};

/// The learning rate of the worked example.
pub const DEFAULT_LR: f64 = 0.5;

/// Everything the URL can set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct State {
    pub example: Example,
    pub lr: f64,
    pub step: Step,
    pub lang: Lang,
    /// The parameter the descent step varies (`?param=`).
    pub focus: Param,
}

impl Default for State {
    fn default() -> Self {
        State {
            example: Example::worked(),
            lr: DEFAULT_LR,
            step: Step::FIRST,
            lang: Lang::Ko,
            focus: Param::W21,
        }
    }
}

/// A number as the URL or a field may carry it: must parse and be finite, otherwise ignored.
fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

impl State {
    /// The state named by decoded query pairs. Missing keys keep the defaults; a value that does
    /// not parse as a finite number, an unknown slug and an unknown key are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> State {
        let mut s = State::default();
        for (key, value) in pairs {
            match key {
                "step" => s.step = Step::from_slug(value.trim()).unwrap_or(s.step),
                "lang" => s.lang = Lang::from_code(value.trim()).unwrap_or(s.lang),
                "param" => s.focus = Param::from_name(value.trim()).unwrap_or(s.focus),
                "lr" => s.lr = number(value).filter(|&v| v > 0.0).unwrap_or(s.lr),
                "x1" | "x2" | "t1" | "t2" => {
                    if let Some(v) = number(value) {
                        let i = usize::from(key.ends_with('2'));
                        if key.starts_with('x') {
                            s.example.x[i] = v;
                        } else {
                            s.example.t[i] = v;
                        }
                    }
                }
                _ => {
                    if let (Some(p), Some(v)) = (Param::from_name(key), number(value)) {
                        s.example.params[p.index()] = v;
                    }
                }
            }
        }
        s
    }

    /// The query string (without `?`) that restores this state: the step and language always,
    /// each number only where it differs from the worked example.
    pub fn to_query(&self) -> String {
        let base = State::default();
        let mut parts = vec![
            format!("step={}", self.step.slug()),
            format!("lang={}", self.lang.code()),
        ];
        for ((name, v), (_, d)) in self.example.named_values().zip(base.example.named_values()) {
            if v.to_bits() != d.to_bits() {
                parts.push(format!("{name}={v}"));
            }
        }
        if self.lr.to_bits() != base.lr.to_bits() {
            parts.push(format!("lr={}", self.lr));
        }
        if self.focus != base.focus {
            parts.push(format!("param={}", self.focus.name()));
        }
        parts.join("&")
    }
}
