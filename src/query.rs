//! Reading the lesson's start state from URL query pairs, and writing it back (pure; no browser).

use crate::i18n::Lang;
use crate::lesson::Step;
use crate::net::{Example, Param};
use crate::value;

/// Every key the URL reads; anything else is ignored.
pub const KEYS: [&str; 24] = [
    "step", "lang", "param", "present", "practice", "sheet", "seed", "lr", "x1", "x2", "t1", "t2", "w11", "w12", "w13",
    "w14", "w21", "w22", "w23", "w24", "b1", "b2", "b3", "b4",
];

/// The names of the editable numbers, in the order the parameters panel shows them.
pub const NUMBERS: [&str; 17] = [
    "x1", "x2", "t1", "t2", "w11", "w12", "w13", "w14", "w21", "w22", "w23", "w24", "b1", "b2", "b3", "b4", "lr",
];

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
    /// Presenter mode (`?present=1`): large type, the diagram filling the screen.
    pub present: bool,
    /// Practice mode (`?practice=1`): the step's numbers are questions until answered or revealed.
    pub practice: bool,
    /// The seed the twelve parameters were drawn from (`?seed=`), if they were randomised; the
    /// link then names only the parameters that differ from that draw.
    pub seed: Option<u64>,
    /// `?sheet=0`: a teacher's link leaves the answer sheet's link out of the practice bar.
    pub no_sheet: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            example: Example::worked(),
            lr: DEFAULT_LR,
            step: Step::FIRST,
            lang: Lang::Ko,
            // b3: on the worked example the one parameter whose step can land short of, close
            // to and past the lowest E within η ≤ 100 (η ≈ 10, 41, 70; w21 needs 117 to reach it).
            focus: Param::B3,
            present: false,
            practice: false,
            seed: None,
            no_sheet: false,
        }
    }
}

impl State {
    /// The state named by decoded query pairs. Missing keys keep the defaults; see [`State::read`].
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> State {
        State::read(pairs).0
    }

    /// The state named by decoded query pairs, and the known keys whose value was refused (in the
    /// order met). Numbers go through [`value::parse`], like a typed field: a refused value keeps
    /// the default. A repeated key: the first occurrence wins, as `URLSearchParams.get` does, and
    /// later ones are ignored. An unknown key is ignored. `seed=` draws the twelve parameters
    /// first, wherever it stands, and the parameters named in the query override that draw.
    pub fn read<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (State, Vec<&'static str>) {
        let mut s = State::default();
        let mut seen: Vec<&'static str> = Vec::new();
        let mut refused = Vec::new();
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        if let Some(&(_, text)) = pairs.iter().find(|(k, _)| *k == "seed") {
            match parse_seed(text) {
                Some(seed) => s.reseed(seed),
                None => refused.push("seed"),
            }
        }
        for (key, text) in pairs {
            let Some(&key) = KEYS.iter().find(|&&k| k == key) else {
                continue;
            };
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let ok = match key {
                "step" => Step::from_slug(text.trim()).map(|v| s.step = v).is_some(),
                "lang" => Lang::from_code(text.trim()).map(|v| s.lang = v).is_some(),
                "param" => Param::from_name(text.trim()).map(|v| s.focus = v).is_some(),
                "present" => flag(text).map(|v| s.present = v).is_some(),
                "practice" => flag(text).map(|v| s.practice = v).is_some(),
                "sheet" => flag(text).map(|v| s.no_sheet = !v).is_some(),
                "seed" => true,
                _ => match value::parse(value::Kind::of(key), text) {
                    Ok(v) => s.set(key, v.value),
                    Err(_) => false,
                },
            };
            if !ok {
                refused.push(key);
            }
        }
        (s, refused)
    }

    /// Draws the twelve parameters from `seed` (inputs, targets and lr stay) and remembers it.
    pub fn reseed(&mut self, seed: u64) {
        self.example.params = value::random_example(seed).params;
        self.seed = Some(seed);
    }

    /// The number called `name` (`x1` ... `b4`, `lr`), NaN for another name.
    pub fn get(&self, name: &str) -> f64 {
        match name {
            "lr" => self.lr,
            "x1" => self.example.x[0],
            "x2" => self.example.x[1],
            "t1" => self.example.t[0],
            "t2" => self.example.t[1],
            _ => Param::from_name(name).map_or(f64::NAN, |p| self.example.param(p)),
        }
    }

    /// Sets the number called `name`; false (and no change) for another name.
    pub fn set(&mut self, name: &str, v: f64) -> bool {
        match name {
            "lr" => self.lr = v,
            "x1" => self.example.x[0] = v,
            "x2" => self.example.x[1] = v,
            "t1" => self.example.t[0] = v,
            "t2" => self.example.t[1] = v,
            _ => match Param::from_name(name) {
                Some(p) => self.example.params[p.index()] = v,
                None => return false,
            },
        }
        true
    }

    /// The query string (without `?`) that restores this state: the step and language always,
    /// each number only where it differs from the worked example (after a random draw: from the
    /// draw of `seed`).
    pub fn to_query(&self) -> String {
        let mut base = State::default();
        let mut parts = vec![
            format!("step={}", self.step.slug()),
            format!("lang={}", self.lang.code()),
        ];
        if let Some(seed) = self.seed {
            base.reseed(seed);
            parts.push(format!("seed={seed}"));
        }
        for ((name, v), (_, d)) in self.example.named_values().zip(base.example.named_values()) {
            if v.to_bits() != d.to_bits() {
                parts.push(format!("{name}={}", value::write(v)));
            }
        }
        if self.lr.to_bits() != base.lr.to_bits() {
            parts.push(format!("lr={}", value::write(self.lr)));
        }
        if self.focus != base.focus {
            parts.push(format!("param={}", self.focus.name()));
        }
        if self.present {
            parts.push("present=1".to_owned());
        }
        if self.practice {
            parts.push("practice=1".to_owned());
        }
        if self.no_sheet {
            parts.push("sheet=0".to_owned());
        }
        parts.join("&")
    }
}

/// An on/off key as the URL gives it: `1` or `true`, `0` or `false`.
fn flag(text: &str) -> Option<bool> {
    match text.trim() {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// A seed as the URL gives it: a whole number from 0 to 2^64 - 1, nothing else.
fn parse_seed(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || t.len() > 20 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}
