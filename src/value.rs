//! Reading one number that a person typed or a URL carried: accepted with an optional note, or refused with a reason (pure).
//!
//! Every field of the parameters panel and every numeric URL key goes through [`parse`]. Refused
//! values are never clamped: the caller keeps the last good value and shows the reason.

use crate::i18n::Strings;
use crate::net::Example;

/// The longest text read as a number (after trimming); longer text is refused before parsing.
pub const MAX_LEN: usize = 64;
/// The largest magnitude accepted for an input, a target, a weight or a bias.
pub const MAX_ABS: f64 = 1e6;
/// The largest learning rate accepted (the smallest is anything above 0).
pub const MAX_LR: f64 = 100.0;

/// What kind of number a name holds, which decides its accepted range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// x1 x2 t1 t2 and the twelve parameters: |v| <= [`MAX_ABS`].
    Value,
    /// The learning rate: 0 < lr <= [`MAX_LR`].
    Lr,
}

impl Kind {
    /// The kind of the URL key or field name (`lr` or anything else).
    pub fn of(name: &str) -> Kind {
        if name == "lr" {
            Kind::Lr
        } else {
            Kind::Value
        }
    }
}

/// Why a text was not taken as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing but whitespace.
    Empty,
    /// More than [`MAX_LEN`] characters.
    TooLong,
    /// Not a decimal number (letters, two points, script text, ...).
    NotANumber,
    /// NaN, infinity, or a number too large for f64 such as `1e999`.
    NonFinite,
    /// A finite number outside the range of its kind.
    OutOfRange(Kind),
}

/// Something worth telling about a value that was accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Note {
    /// `-0` was read as 0.
    NegativeZero,
    /// A comma was read as the decimal point (`0,5` = 0.5).
    Comma,
}

/// An accepted number and what is worth telling about it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parsed {
    pub value: f64,
    pub note: Option<Note>,
}

/// The text that [`parse`] reads back as exactly `v`, for a link and a field: Rust's shortest
/// round-trip digits, written out as the page shows decimals (`0.125`, `0.001`, `1000000`) when
/// that takes at most 12 characters, else written out or with an exponent (`1e-70`, `1.5e20`),
/// whichever is shorter (written out on a tie). At most 24 characters for any finite `v`, far under
/// [`MAX_LEN`]. Zero of either sign is `0`, as [`parse`] reads `-0`; no `+` is written (a URL
/// would read it as a space).
pub fn write(v: f64) -> String {
    if v == 0.0 {
        return "0".to_owned();
    }
    let plain = v.to_string();
    let exponent = format!("{v:e}");
    if plain.len() > 12 && exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// Reads `text` as a number of `kind`: trims whitespace, accepts a leading `+` and one comma as the
/// decimal point, reads `-0` as 0, and refuses empty, non-numeric, non-finite, over-long and
/// out-of-range text. Runs in time linear in the text and never panics.
pub fn parse(kind: Kind, text: &str) -> Result<Parsed, Refusal> {
    // The page prints negative numbers with the minus sign − (U+2212): a copied one reads back.
    let minus;
    let mut text = text.trim();
    if text.contains('\u{2212}') {
        minus = text.replace('\u{2212}', "-");
        text = &minus;
    }
    if text.is_empty() {
        return Err(Refusal::Empty);
    }
    if text.chars().nth(MAX_LEN).is_some() {
        return Err(Refusal::TooLong);
    }
    let lower = text.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if matches!(unsigned, "nan" | "inf" | "infinity") {
        return Err(Refusal::NonFinite);
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ',' | 'e' | 'E'))
    {
        return Err(Refusal::NotANumber);
    }
    let mut note = None;
    let owned;
    let mut number = text;
    if text.contains(',') {
        if text.contains('.') || text.matches(',').count() > 1 {
            return Err(Refusal::NotANumber);
        }
        owned = text.replace(',', ".");
        number = &owned;
        note = Some(Note::Comma);
    }
    let mut value = crate::decimal::f64(number).ok_or(Refusal::NotANumber)?;
    if !value.is_finite() {
        return Err(Refusal::NonFinite);
    }
    if value == 0.0 && value.is_sign_negative() {
        value = 0.0;
        note = Some(Note::NegativeZero);
    }
    let in_range = match kind {
        Kind::Value => value.abs() <= MAX_ABS,
        Kind::Lr => value > 0.0 && value <= MAX_LR,
    };
    if !in_range {
        return Err(Refusal::OutOfRange(kind));
    }
    Ok(Parsed { value, note })
}

impl Refusal {
    /// The reason in the given language.
    pub fn message(self, s: &Strings) -> String {
        match self {
            Refusal::Empty => s.edit_empty.to_owned(),
            Refusal::TooLong => s.edit_too_long.replace("{n}", &MAX_LEN.to_string()),
            Refusal::NotANumber => s.edit_not_number.to_owned(),
            Refusal::NonFinite => s.edit_non_finite.to_owned(),
            Refusal::OutOfRange(Kind::Value) => s.edit_out_of_range.replace("{max}", "1000000"),
            Refusal::OutOfRange(Kind::Lr) => s.edit_lr_range.replace("{max}", &MAX_LR.to_string()),
        }
    }
}

impl Note {
    /// The note in the given language.
    pub fn message(self, s: &Strings) -> String {
        match self {
            Note::NegativeZero => s.edit_negative_zero.to_owned(),
            Note::Comma => s.edit_comma.to_owned(),
        }
    }
}

/// The range a slider offers for the number called `name`: (min, max, step). Typed values may go
/// beyond it (up to the limits of [`parse`]); the slider then rests at its end.
pub fn slider_range(name: &str) -> (f64, f64, f64) {
    match name {
        "lr" => (0.01, 5.0, 0.01),
        // Targets are outputs of a sigmoid: between 0 and 1.
        "t1" | "t2" => (0.0, 1.0, 0.01),
        "x1" | "x2" => (-2.0, 2.0, 0.01),
        _ => (-4.0, 4.0, 0.01),
    }
}

/// splitmix64 (Steele, Lea, Flood 2014; the constants of Vigna's public-domain C version): one
/// step from `state`, returning the new state and a 64-bit output.
pub fn splitmix64(state: u64) -> (u64, u64) {
    let next = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = next;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (next, z ^ (z >> 31))
}

/// The worked example's inputs and targets with twelve parameters drawn from `seed`: each uniform
/// on [-1, 1] in steps of 0.01 (so links stay short), by splitmix64. The same seed gives the same example.
pub fn random_example(seed: u64) -> Example {
    let mut state = seed;
    let mut example = Example::worked();
    for p in example.params.iter_mut() {
        let (next, out) = splitmix64(state);
        state = next;
        // 201 values -100..=100 hundredths; the modulo bias over 2^64 is negligible.
        let hundredths = (out % 201) as i64 - 100;
        *p = hundredths as f64 / 100.0;
    }
    example
}
