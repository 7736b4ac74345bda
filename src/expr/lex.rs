//! The lexer: the expression text as tokens (numbers, names, operators, parentheses), each with its byte span.

use super::error::{Error, ErrorKind, Span};

/// A name (variable or function) has at most this many characters.
pub const MAX_NAME: usize = 32;

/// What a token is; a name's text is its span of the source.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Tok {
    Num(f64),
    Name,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Open,
    Close,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// Reads tokens one at a time, so the first error in the text is the one reported.
pub(crate) struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    /// The next token (`End` forever once the text is used up).
    pub fn next_token(&mut self) -> Result<Token, Error> {
        let rest = &self.src[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
        let start = self.pos;
        let Some(c) = self.src[start..].chars().next() else {
            return Ok(Token {
                tok: Tok::End,
                span: Span::new(start, start),
            });
        };
        let tok = match c {
            '+' => Tok::Plus,
            '-' => Tok::Minus,
            '*' => Tok::Star,
            '/' => Tok::Slash,
            '^' => Tok::Caret,
            '(' => Tok::Open,
            ')' => Tok::Close,
            '0'..='9' | '.' => return self.number(start),
            c if c.is_ascii_alphabetic() => return self.name(start),
            other => {
                let span = Span::new(start, start + other.len_utf8());
                return Err(Error::new(ErrorKind::UnexpectedChar(other), span));
            }
        };
        self.pos += 1;
        Ok(Token {
            tok,
            span: Span::new(start, self.pos),
        })
    }

    fn digits(&self, mut i: usize) -> usize {
        let b = self.src.as_bytes();
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    }

    /// `12`, `0.5`, `.5`, `1.`, `1e-3`, `2E+8`. An `e` not followed by digits ends the number.
    fn number(&mut self, start: usize) -> Result<Token, Error> {
        let b = self.src.as_bytes();
        let mut i = self.digits(start);
        let whole = i > start;
        let mut fraction = false;
        if b.get(i) == Some(&b'.') {
            let j = self.digits(i + 1);
            fraction = j > i + 1;
            i = j;
        }
        if !whole && !fraction {
            return Err(Error::new(ErrorKind::UnexpectedChar('.'), Span::new(start, start + 1)));
        }
        let mantissa = &self.src[start..i];
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(u8::is_ascii_digit) {
                i = self.digits(j);
            }
        }
        self.pos = i;
        let span = Span::new(start, i);
        let value = crate::decimal::f64(&self.src[start..i]).unwrap_or(f64::INFINITY);
        let underflow = value == 0.0 && mantissa.bytes().any(|d| matches!(d, b'1'..=b'9'));
        if !value.is_finite() || underflow {
            return Err(Error::new(ErrorKind::NumberOutOfRange, span));
        }
        Ok(Token {
            tok: Tok::Num(value),
            span,
        })
    }

    /// A letter, then letters, digits and `_`.
    fn name(&mut self, start: usize) -> Result<Token, Error> {
        let b = self.src.as_bytes();
        let mut i = start;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        self.pos = i;
        let span = Span::new(start, i);
        if i - start > MAX_NAME {
            return Err(Error::new(ErrorKind::NameTooLong { limit: MAX_NAME }, span));
        }
        Ok(Token { tok: Tok::Name, span })
    }
}
