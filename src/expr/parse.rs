//! The parser: tokens to a flat syntax tree (operands before operators) by precedence climbing on an explicit stack, with depth and length limits.

use super::error::{Error, ErrorKind, Span};
use super::lex::{Lexer, Tok, Token};

/// Longer input (in characters) is refused before reading it.
pub const MAX_LEN: usize = 10_000;
/// At most this many nested parentheses, function calls, unary signs and powers (`x^x^x`) open at
/// once. The parser needs no call stack for nesting; the limit keeps diagrams and the recursive
/// walks over the graph (`Graph::paths`) small.
pub const MAX_DEPTH: usize = 200;

/// The functions an expression can call. `ln` is accepted as another name for `log`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Sigmoid,
    Tanh,
    Relu,
    Exp,
    Log,
}

impl Func {
    /// Every function, in the order the help text lists them.
    pub const ALL: [Func; 5] = [Func::Sigmoid, Func::Tanh, Func::Relu, Func::Exp, Func::Log];

    /// The function a name calls, if any.
    pub fn from_name(name: &str) -> Option<Func> {
        match name {
            "ln" => Some(Func::Log),
            _ => Func::ALL.into_iter().find(|f| f.name() == name),
        }
    }

    /// The name as written.
    pub fn name(self) -> &'static str {
        match self {
            Func::Sigmoid => "sigmoid",
            Func::Tanh => "tanh",
            Func::Relu => "relu",
            Func::Exp => "exp",
            Func::Log => "log",
        }
    }

    /// `sigmoid, tanh, relu, exp, log`.
    pub fn list() -> String {
        Func::ALL.map(Func::name).join(", ")
    }
}

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// `a ^ b` with an exponent that is not a plain number (see [`NodeKind::Power`]).
    Pow,
}

/// One node of the syntax tree; operands are indices of earlier nodes.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Number(f64),
    Variable(String),
    /// Unary minus. (Unary plus leaves no node.)
    Neg(usize),
    Binary(BinOp, usize, usize),
    /// `base ^ k` where the exponent is a number literal, optionally signed (`x^2`, `x^-0.5`,
    /// `x^(2)`): a constant power, built with `Graph::pow`.
    Power {
        base: usize,
        exponent: f64,
    },
    Call(Func, usize),
}

/// A node and the text it covers (parentheses around it included).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

/// A parsed expression: nodes with every operand before its reader, the root last.
/// Being flat, it is built, dropped and walked with loops, whatever its depth.
#[derive(Clone, Debug, PartialEq)]
pub struct Ast {
    pub nodes: Vec<Node>,
}

impl Ast {
    /// The index of the whole expression's node.
    pub fn root(&self) -> usize {
        self.nodes.len().saturating_sub(1)
    }

    /// Each distinct variable name with the span of its first appearance, in order of appearance.
    pub fn variables(&self) -> Vec<(&str, Span)> {
        let mut seen: Vec<(&str, Span)> = Vec::new();
        for node in &self.nodes {
            if let NodeKind::Variable(name) = &node.kind {
                if !seen.iter().any(|(n, _)| n == name) {
                    seen.push((name, node.span));
                }
            }
        }
        seen
    }
}

/// Parses an expression. Never panics; time is linear in the length, bounded by [`MAX_LEN`].
///
/// Precedence, loosest first: `+ -`, then `* /` (both left-associative), then unary `-` and `+`,
/// then `^` (right-associative), so `-x^2` is `-(x^2)` and `2^3^2` is `2^9`.
///
/// The parser is precedence climbing written with an explicit stack of pending operators and
/// open parentheses (shunting-yard), so no input can exhaust the call stack; [`MAX_DEPTH`] limits
/// how many nested parentheses, calls, unary signs and powers that stack may hold.
pub fn parse(src: &str) -> Result<Ast, Error> {
    if let Some((cut, _)) = src.char_indices().nth(MAX_LEN) {
        return Err(Error::new(
            ErrorKind::TooLong { limit: MAX_LEN },
            Span::new(cut, src.len()),
        ));
    }
    if src.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, Span::new(0, src.len())));
    }
    let mut lexer = Lexer::new(src);
    let tok = lexer.next_token()?;
    let mut parser = Parser {
        src,
        lexer,
        tok,
        nodes: Vec::new(),
        output: Vec::new(),
        pending: Vec::new(),
        depth: 0,
    };
    loop {
        parser.operand()?;
        if !parser.operator()? {
            return Ok(Ast { nodes: parser.nodes });
        }
    }
}

/// An operator or parenthesis waiting for its right-hand side.
#[derive(Clone, Copy, Debug)]
enum Pending {
    /// `(` at `open`, or a call's `(` with the function and its name's span.
    Open {
        open: Span,
        call: Option<(Func, Span)>,
    },
    /// Unary minus, at the sign.
    Neg(Span),
    /// Unary plus (it leaves no node).
    Plus,
    Binary(BinOp),
}

struct Parser<'a> {
    src: &'a str,
    lexer: Lexer<'a>,
    /// The current (not yet consumed) token.
    tok: Token,
    nodes: Vec<Node>,
    /// Indices of the finished operands not yet read by an operator.
    output: Vec<usize>,
    pending: Vec<Pending>,
    /// How many `Open`, `Neg`, `Plus` and `Binary(Pow)` are pending.
    depth: usize,
}

/// The binary operator a token is, if any.
fn binary(tok: Tok) -> Option<BinOp> {
    match tok {
        Tok::Plus => Some(BinOp::Add),
        Tok::Minus => Some(BinOp::Sub),
        Tok::Star => Some(BinOp::Mul),
        Tok::Slash => Some(BinOp::Div),
        Tok::Caret => Some(BinOp::Pow),
        _ => None,
    }
}

/// Binding powers (left, right): higher binds tighter; right < left makes `^` right-associative.
/// A pending operator is applied when the next operator's left power is below its right power.
fn binding(op: BinOp) -> (u8, u8) {
    match op {
        BinOp::Add | BinOp::Sub => (1, 2),
        BinOp::Mul | BinOp::Div => (3, 4),
        BinOp::Pow => (7, 6),
    }
}

/// The right binding power of a unary sign: tighter than `*`, looser than `^`.
const UNARY: u8 = 5;

impl Parser<'_> {
    fn advance(&mut self) -> Result<Token, Error> {
        let tok = self.tok;
        self.tok = self.lexer.next_token()?;
        Ok(tok)
    }

    fn push(&mut self, kind: NodeKind, span: Span) {
        self.nodes.push(Node { kind, span });
        self.output.push(self.nodes.len() - 1);
    }

    /// Takes the most recent finished operand. Every pending operator was pushed after its left
    /// operand and reduced after its right one, so this is never empty; the error is a safe net.
    fn pop(&mut self) -> Result<usize, Error> {
        self.output
            .pop()
            .ok_or(Error::new(ErrorKind::UnexpectedEnd, self.tok.span))
    }

    /// Opens one nesting level, refusing (at `at`) beyond [`MAX_DEPTH`].
    fn nest(&mut self, pending: Pending, at: Span) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::new(ErrorKind::TooDeep { limit: MAX_DEPTH }, at));
        }
        self.depth += 1;
        self.pending.push(pending);
        Ok(())
    }

    /// Reads prefix signs and parentheses up to one atom: a number, a variable (or `f(` opened).
    fn operand(&mut self) -> Result<(), Error> {
        loop {
            let tok = self.tok;
            match tok.tok {
                Tok::Num(v) => {
                    self.advance()?;
                    self.push(NodeKind::Number(v), tok.span);
                    return Ok(());
                }
                Tok::Name => {
                    let text = &self.src[tok.span.range()];
                    self.advance()?;
                    match (Func::from_name(text), self.tok.tok) {
                        (None, Tok::Open) => {
                            return Err(Error::new(ErrorKind::UnknownFunction(text.to_owned()), tok.span))
                        }
                        (None, _) => {
                            self.push(NodeKind::Variable(text.to_owned()), tok.span);
                            return Ok(());
                        }
                        (Some(f), Tok::Open) => {
                            let open = self.tok.span;
                            self.nest(
                                Pending::Open {
                                    open,
                                    call: Some((f, tok.span)),
                                },
                                tok.span,
                            )?;
                            self.advance()?;
                            if self.tok.tok == Tok::Close {
                                let span = tok.span.to(self.tok.span);
                                return Err(Error::new(ErrorKind::MissingArgument(f), span));
                            }
                        }
                        (Some(f), _) => return Err(Error::new(ErrorKind::MissingArgument(f), tok.span)),
                    }
                }
                Tok::Minus => {
                    self.nest(Pending::Neg(tok.span), tok.span)?;
                    self.advance()?;
                }
                Tok::Plus => {
                    self.nest(Pending::Plus, tok.span)?;
                    self.advance()?;
                }
                Tok::Open => {
                    self.nest(
                        Pending::Open {
                            open: tok.span,
                            call: None,
                        },
                        tok.span,
                    )?;
                    self.advance()?;
                    if self.tok.tok == Tok::Close {
                        return Err(Error::new(ErrorKind::EmptyParens, tok.span.to(self.tok.span)));
                    }
                }
                Tok::Star => return Err(Error::new(ErrorKind::StrayOperator('*'), tok.span)),
                Tok::Slash => return Err(Error::new(ErrorKind::StrayOperator('/'), tok.span)),
                Tok::Caret => return Err(Error::new(ErrorKind::StrayOperator('^'), tok.span)),
                Tok::Close => return Err(Error::new(ErrorKind::ExpectedOperand, tok.span)),
                Tok::End => return Err(Error::new(ErrorKind::UnexpectedEnd, tok.span)),
            }
        }
    }

    /// After an operand: closes parentheses, then consumes a binary operator (true) or the end
    /// of the input (false), reducing the pending operators that bind tighter.
    fn operator(&mut self) -> Result<bool, Error> {
        loop {
            let tok = self.tok;
            if let Some(op) = binary(tok.tok) {
                self.reduce_while(binding(op).0)?;
                if op == BinOp::Pow {
                    self.nest(Pending::Binary(op), tok.span)?;
                } else {
                    self.pending.push(Pending::Binary(op));
                }
                self.advance()?;
                return Ok(true);
            }
            match tok.tok {
                Tok::Close => {
                    self.reduce_while(0)?;
                    let Some(Pending::Open { open, call }) = self.pending.pop() else {
                        return Err(Error::new(ErrorKind::UnmatchedParen, tok.span));
                    };
                    self.depth -= 1;
                    let inner = self.pop()?;
                    match call {
                        Some((f, name)) => self.push(NodeKind::Call(f, inner), name.to(tok.span)),
                        None => {
                            self.nodes[inner].span = open.to(tok.span);
                            self.output.push(inner);
                        }
                    }
                    self.advance()?;
                }
                Tok::End => {
                    self.reduce_while(0)?;
                    if let Some(Pending::Open { open, .. }) = self.pending.last() {
                        return Err(Error::new(ErrorKind::UnclosedParen, *open));
                    }
                    return Ok(false);
                }
                _ => return Err(Error::new(ErrorKind::MissingOperator, tok.span)),
            }
        }
    }

    /// Applies the pending operators whose right binding power exceeds `left`, innermost first,
    /// stopping at an open parenthesis.
    fn reduce_while(&mut self, left: u8) -> Result<(), Error> {
        while let Some(&top) = self.pending.last() {
            let right = match top {
                Pending::Open { .. } => break,
                Pending::Neg(_) | Pending::Plus => UNARY,
                Pending::Binary(op) => binding(op).1,
            };
            if left >= right {
                break;
            }
            self.pending.pop();
            self.apply(top)?;
        }
        Ok(())
    }

    fn apply(&mut self, pending: Pending) -> Result<(), Error> {
        match pending {
            Pending::Open { .. } => {}
            Pending::Plus => self.depth -= 1,
            Pending::Neg(sign) => {
                self.depth -= 1;
                let a = self.pop()?;
                let span = sign.to(self.nodes[a].span);
                self.push(NodeKind::Neg(a), span);
            }
            Pending::Binary(op) => {
                let rhs = self.pop()?;
                let lhs = self.pop()?;
                let span = self.nodes[lhs].span.to(self.nodes[rhs].span);
                if op == BinOp::Pow {
                    self.depth -= 1;
                    self.power(lhs, rhs, span);
                } else {
                    self.push(NodeKind::Binary(op, lhs, rhs), span);
                }
            }
        }
        Ok(())
    }

    /// `base ^ rhs`: a constant power when the exponent is a signed number literal.
    fn power(&mut self, base: usize, rhs: usize, span: Span) {
        let constant = match self.nodes[rhs].kind {
            NodeKind::Number(k) => Some((k, 1)),
            NodeKind::Neg(n) if n + 1 == rhs => match self.nodes[n].kind {
                NodeKind::Number(k) => Some((-k, 2)),
                _ => None,
            },
            _ => None,
        };
        match constant {
            // The exponent's nodes are the last ones pushed; they become part of this node.
            Some((exponent, count)) if rhs + 1 == self.nodes.len() => {
                self.nodes.truncate(self.nodes.len() - count);
                self.push(NodeKind::Power { base, exponent }, span);
            }
            _ => self.push(NodeKind::Binary(BinOp::Pow, base, rhs), span),
        }
    }
}
