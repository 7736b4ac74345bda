//! Where in the text something went wrong and what: spans, the typed error, and the caret display.

use super::parse::Func;
use std::fmt;

/// A byte range `start..end` of the expression text (`end` exclusive; empty at the end of input).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// As a `Range`, to slice the source with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// What went wrong; the UI can translate each kind (see [`ErrorKind::name`]).
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    // Reading the text.
    /// Nothing but white space.
    Empty,
    /// Longer than `limit` characters; the span is the part beyond the limit.
    TooLong { limit: usize },
    /// More than `limit` nested parentheses, calls, signs and powers; the span is where it goes deeper.
    TooDeep { limit: usize },
    /// A character that is no part of the grammar.
    UnexpectedChar(char),
    /// A name longer than `limit` characters.
    NameTooLong { limit: usize },
    /// A number that is infinite or underflows to 0 in f64 (`1e999`, `1e-999`).
    NumberOutOfRange,
    /// The text ends where an operand is needed (`1 +`, `(`); the span is empty, at the end.
    UnexpectedEnd,
    /// A `)` where an operand is needed (`(1 + )`).
    ExpectedOperand,
    /// `*`, `/` or `^` where an operand is needed (`* 2`, `1 + * 2`).
    StrayOperator(char),
    /// Two operands side by side (`2 x`, `(1)(2)`); the span is the second.
    MissingOperator,
    /// A `(` that is never closed; the span is that `(`.
    UnclosedParen,
    /// A `)` with no `(` before it.
    UnmatchedParen,
    /// `()` with nothing inside.
    EmptyParens,
    /// A name followed by `(` that is not a known function.
    UnknownFunction(String),
    /// A function without its argument: `exp()` or `exp` alone.
    MissingArgument(Func),
    // Building and evaluating.
    /// A variable with no value given.
    UnknownVariable(String),
    /// A denominator (or a 0 raised to a negative power) that evaluates to 0.
    DivisionByZero,
    /// `log` of a number that is not positive (the value is given).
    LogOfNonPositive(f64),
    /// A negative base raised to a fractional constant power.
    NegativeBase { base: f64, exponent: f64 },
    /// `a ^ b` with a non-constant `b` is `exp(b * log(a))`, which needs `a > 0`.
    PowBaseNotPositive(f64),
    /// A value that is infinite or not a number (overflow, or a given value like `inf`).
    NotFinite,
}

impl ErrorKind {
    /// A stable identifier for translation tables: the variant's name.
    pub fn name(&self) -> &'static str {
        use ErrorKind::*;
        match self {
            Empty => "Empty",
            TooLong { .. } => "TooLong",
            TooDeep { .. } => "TooDeep",
            UnexpectedChar(_) => "UnexpectedChar",
            NameTooLong { .. } => "NameTooLong",
            NumberOutOfRange => "NumberOutOfRange",
            UnexpectedEnd => "UnexpectedEnd",
            ExpectedOperand => "ExpectedOperand",
            StrayOperator(_) => "StrayOperator",
            MissingOperator => "MissingOperator",
            UnclosedParen => "UnclosedParen",
            UnmatchedParen => "UnmatchedParen",
            EmptyParens => "EmptyParens",
            UnknownFunction(_) => "UnknownFunction",
            MissingArgument(_) => "MissingArgument",
            UnknownVariable(_) => "UnknownVariable",
            DivisionByZero => "DivisionByZero",
            LogOfNonPositive(_) => "LogOfNonPositive",
            NegativeBase { .. } => "NegativeBase",
            PowBaseNotPositive(_) => "PowBaseNotPositive",
            NotFinite => "NotFinite",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            Empty => write!(f, "type an expression, for example (x + y) * z"),
            TooLong { limit } => write!(f, "the expression is longer than {limit} characters"),
            TooDeep { limit } => write!(f, "nested too deeply (more than {limit} levels)"),
            UnexpectedChar(c) => write!(f, "unexpected character '{}'", c.escape_debug()),
            NameTooLong { limit } => write!(f, "a name can have at most {limit} characters"),
            NumberOutOfRange => write!(f, "this number is too large or too small for a 64-bit float"),
            UnexpectedEnd => write!(
                f,
                "the expression ends too early: a number, a name or '(' should follow"
            ),
            ExpectedOperand => write!(f, "expected a number, a name or '(' before this"),
            StrayOperator(op) => write!(f, "'{op}' needs something on its left"),
            MissingOperator => write!(f, "expected an operator (+ - * / ^) before this"),
            UnclosedParen => write!(f, "this '(' is never closed"),
            UnmatchedParen => write!(f, "this ')' has no matching '('"),
            EmptyParens => write!(f, "empty parentheses"),
            UnknownFunction(name) => write!(
                f,
                "unknown function '{name}' (known: {}); for a product write {name}*(...)",
                Func::list()
            ),
            MissingArgument(func) => write!(f, "{0} needs an argument: {0}(...)", func.name()),
            UnknownVariable(name) => write!(f, "'{name}' has no value"),
            DivisionByZero => write!(f, "division by zero: this is 0"),
            LogOfNonPositive(v) => write!(f, "log needs a positive argument, and this is {v}"),
            NegativeBase { base, exponent } => {
                write!(f, "{base} ^ {exponent}: a negative number has no real fractional power")
            }
            PowBaseNotPositive(v) => write!(
                f,
                "a ^ b with a variable exponent is exp(b * log(a)) and needs a > 0, and this is {v}"
            ),
            NotFinite => write!(f, "this value is not a finite number (overflow?)"),
        }
    }
}

/// A parse or evaluation error: what, and where in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    pub span: Span,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, span: Span) -> Self {
        Error { kind, span }
    }

    /// The source with a caret line under this error's span (see [`caret`]).
    pub fn caret(&self, source: &str) -> String {
        caret(source, self.span)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {}..{})", self.kind, self.span.start, self.span.end)
    }
}

impl std::error::Error for Error {}

/// At most this many characters of the source are shown by [`caret`]; longer text is cut to a window.
pub const CARET_WIDTH: usize = 72;

/// Two lines: the source (a window of it when long, `…` marking cuts; control characters shown
/// as spaces) and `^` under each character of `span` (one `^` for an empty span, e.g. at the end).
/// Spans out of range or off a character boundary are clamped, so this never panics.
pub fn caret(source: &str, span: Span) -> String {
    let chars: Vec<char> = source.chars().collect();
    let char_at = |byte: usize| source.char_indices().take_while(|&(i, _)| i < byte).count();
    let start = char_at(span.start.min(source.len()));
    let end = char_at(span.end.min(source.len())).max(start);
    let width = (end - start).max(1);
    // The window: the span with some context on the left, cut to CARET_WIDTH characters.
    let from = if chars.len() < CARET_WIDTH {
        0
    } else {
        start.saturating_sub(CARET_WIDTH / 3).min(chars.len() + 1 - CARET_WIDTH)
    };
    let to = (from + CARET_WIDTH).min(chars.len());
    let mut line = String::new();
    let mut marks = String::new();
    if from > 0 {
        line.push('…');
        marks.push(' ');
    }
    for &c in &chars[from..to] {
        line.push(if c.is_control() { ' ' } else { c });
    }
    if to < chars.len() {
        line.push('…');
    }
    marks.extend(std::iter::repeat_n(' ', start - from));
    let shown = width.min(to + 1 - start.min(to));
    marks.extend(std::iter::repeat_n('^', shown.max(1)));
    format!("{line}\n{marks}")
}
