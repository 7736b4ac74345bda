//! Formulas as a small typed tree (symbols, numbers, operators, fractions, partial derivatives), written out as MathML and in words; no UI.
//!
//! Every formula the lessons show is built in [`formulas`] from the model's numbers (the network's
//! values, the chain-rule factors, the update rows); [`mathml`] writes one as MathML text for the
//! browser to typeset natively, and [`speech`] reads it in words for screen readers.

pub mod formulas;
pub mod mathml;
pub mod speech;
pub mod sweep;

pub use mathml::{to_mathml, Layout};
pub use speech::{speak, Words};

/// One piece of a formula.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A symbol of the lesson: `w21`, `Error1`, `H1`, `η`, `σ′`. Trailing digits are written as a
    /// subscript (w₂₁), and so is the text after `_` (`W_new`).
    Sym(String),
    /// A number computed by the model, written in the page's number format.
    Num(f64),
    /// A fixed number of the formula itself (the 1 in 1 − Y1, the 2 in ½).
    Const(&'static str),
    /// ∂of / ∂wrt.
    Partial(String, String),
    /// A fraction.
    Frac(Box<Expr>, Box<Expr>),
    /// A power: base and exponent.
    Pow(Box<Expr>, Box<Expr>),
    /// A function applied to an argument: σ(h1).
    Apply(&'static str, Box<Expr>),
    /// Unary minus.
    Neg(Box<Expr>),
    /// Operands joined by one operator.
    Op(Op, Vec<Expr>),
}

/// The operator between the operands of [`Expr::Op`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// a + b + c
    Add,
    /// a − b − c
    Sub,
    /// a · b · c
    Dot,
    /// a(b): multiplication without a sign
    Juxt,
}

/// How the left side relates to the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// =
    Eq,
    /// ← (an update: the left side takes the right side's value)
    Gets,
    /// += (one share of a sum that collects several)
    AddTo,
}

impl Rel {
    /// The sign as written.
    pub fn sign(self) -> &'static str {
        match self {
            Rel::Eq => "=",
            Rel::Gets => "←",
            Rel::AddTo => "+=",
        }
    }
}

/// One formula: `lhs rel rhs[0] = rhs[1] ...`, then the same right side with the current numbers
/// substituted, then the result the model computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    pub lhs: Expr,
    pub rel: Rel,
    /// The right side in symbols; several entries are successive equal forms.
    pub rhs: Vec<Expr>,
    /// The right side with the model's numbers in place of the symbols, where there are any.
    pub numbers: Option<Expr>,
    /// The value of the left side as the model computed it.
    pub result: Option<f64>,
    /// The `data-testid` the result carries in the page, where it is one of the page's named
    /// numbers (`path-1`, `factor-1-2`): it is then written as the page's number element.
    pub result_id: Option<String>,
    /// Its small numbers written out in decimals (`0.0000043857`), not in exponent form: the
    /// nudge's rows, whose changes of E are millionths beside the page's decimals.
    pub decimals: bool,
}

impl Formula {
    /// A formula without substituted numbers or result yet.
    pub fn new(lhs: Expr, rel: Rel, rhs: Vec<Expr>) -> Formula {
        Formula {
            lhs,
            rel,
            rhs,
            numbers: None,
            result: None,
            result_id: None,
            decimals: false,
        }
    }

    /// The same right side with the model's numbers substituted.
    pub fn with_numbers(mut self, numbers: Expr) -> Formula {
        self.numbers = Some(numbers);
        self
    }

    /// The value the model computed for the left side.
    pub fn with_result(mut self, value: f64) -> Formula {
        self.result = Some(value);
        self
    }

    /// The formula with the numbers practice mode keeps off the page left blank (`?`): a number
    /// `value` accepts, and the result when `id` accepts its name or `value` its value.
    pub fn blanked(mut self, id: &dyn Fn(&str) -> bool, value: &dyn Fn(f64) -> bool) -> Formula {
        fn walk(e: &mut Expr, value: &dyn Fn(f64) -> bool) {
            match e {
                Expr::Num(v) if value(*v) => *e = Expr::Const("?"),
                Expr::Frac(a, b) | Expr::Pow(a, b) => {
                    walk(a, value);
                    walk(b, value);
                }
                Expr::Apply(_, a) | Expr::Neg(a) => walk(a, value),
                Expr::Op(_, list) => list.iter_mut().for_each(|x| walk(x, value)),
                _ => {}
            }
        }
        if let Some(n) = &mut self.numbers {
            walk(n, value);
        }
        let named = self.result_id.as_deref().is_some_and(id);
        if named || self.result.is_some_and(value) {
            self.result = None;
            self.result_id = None;
            // The line still ends in a blank, the number the learner is to work out.
            if self.numbers.is_none() {
                self.numbers = Some(Expr::Const("?"));
            }
        }
        self
    }

    /// The result is the page's number named `id` (its `data-testid`).
    pub fn shown_as(mut self, id: impl Into<String>) -> Formula {
        self.result_id = Some(id.into());
        self
    }

    /// The same, its small numbers written out in decimals ([`crate::print::decimal`]).
    pub fn in_decimals(mut self) -> Formula {
        self.decimals = true;
        self
    }
}

/// A symbol.
pub fn sym(name: impl Into<String>) -> Expr {
    Expr::Sym(name.into())
}

/// A number from the model.
pub fn num(v: f64) -> Expr {
    Expr::Num(v)
}

/// ∂of/∂wrt.
pub fn partial(of: impl Into<String>, wrt: impl Into<String>) -> Expr {
    Expr::Partial(of.into(), wrt.into())
}

/// a + b + ...
pub fn add(terms: Vec<Expr>) -> Expr {
    Expr::Op(Op::Add, terms)
}

/// a − b.
pub fn sub(a: Expr, b: Expr) -> Expr {
    Expr::Op(Op::Sub, vec![a, b])
}

/// a · b · ...
pub fn dot(factors: Vec<Expr>) -> Expr {
    Expr::Op(Op::Dot, factors)
}

/// a(b): a product written without a sign.
pub fn juxt(a: Expr, b: Expr) -> Expr {
    Expr::Op(Op::Juxt, vec![a, b])
}

/// a / b as a fraction.
pub fn frac(a: Expr, b: Expr) -> Expr {
    Expr::Frac(Box::new(a), Box::new(b))
}

/// base^exp.
pub fn pow(base: Expr, exp: Expr) -> Expr {
    Expr::Pow(Box::new(base), Box::new(exp))
}

/// f(arg).
pub fn apply(f: &'static str, arg: Expr) -> Expr {
    Expr::Apply(f, Box::new(arg))
}

/// −a.
pub fn neg(a: Expr) -> Expr {
    Expr::Neg(Box::new(a))
}

impl Expr {
    /// The model numbers in this expression, left to right.
    pub fn numbers(&self) -> Vec<f64> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<f64>) {
        match self {
            Expr::Num(v) => out.push(*v),
            Expr::Sym(_) | Expr::Const(_) | Expr::Partial(..) => {}
            Expr::Frac(a, b) | Expr::Pow(a, b) => {
                a.collect(out);
                b.collect(out);
            }
            Expr::Apply(_, a) | Expr::Neg(a) => a.collect(out),
            Expr::Op(_, xs) => xs.iter().for_each(|x| x.collect(out)),
        }
    }
}
