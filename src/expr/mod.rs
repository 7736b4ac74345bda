//! The playground's expressions: parsing text (with positions in every error), building it into the autograd graph, checking gradients, laying the graph out.
//!
//! Grammar (loosest first): `e = e (+|-) e | e (*|/) e | (-|+) e | e ^ e | atom`, with `+ - * /`
//! left-associative, unary signs binding tighter than `*` and looser than `^` (so `-x^2` is
//! `-(x^2)`), and `^` right-associative (`2^3^2` = `2^9`). Atoms: numbers (`2`, `0.5`, `.5`,
//! `1e-3`), names (an ASCII letter, then letters, digits and `_`; at most [`MAX_NAME`]
//! characters), `( e )`, and the calls `sigmoid(e) tanh(e) relu(e) exp(e) log(e)` (`ln` is
//! `log`). Function names cannot be variables. There is no implicit product: `2x` is an error.
//!
//! Limits: [`MAX_LEN`] characters (a valid 10,000-character expression parses in linear time),
//! [`MAX_DEPTH`] levels of nesting, checked before each descent so no input overflows the stack.

mod build;
mod error;
mod gradcheck;
mod layout;
mod lex;
mod parse;

pub use build::{build, Built, Variable};
pub use error::{caret, Error, ErrorKind, Span, CARET_WIDTH};
pub use gradcheck::{
    check_against, check_gradients, Caveat, GradientCheck, NOISE_ULPS, REL_TOL, RESOLVE, STEP, STEP_RANGE,
};
pub use layout::{layout, Layout, Point};
pub use lex::MAX_NAME;
pub use parse::{parse, Ast, BinOp, Func, Node, NodeKind, MAX_DEPTH, MAX_LEN};

/// Parses `source` and builds it with the given variable values: [`parse`] then [`build`].
pub fn evaluate(source: &str, values: impl Fn(&str) -> Option<f64>) -> Result<Built, Error> {
    build(&parse(source)?, values)
}
