//! A formula read in words, for the `aria-label` of its `<math>` element.

use super::mathml::{split_symbol, Fmt};
use super::{Expr, Formula, Op, Rel};
use crate::i18n::particle::fill;

/// The words a language reads formulas with. Templates fill `{a}`, `{b}`, `{of}`, `{wrt}`; a
/// Korean particle written right after a placeholder takes the form that fits what fills it.
#[derive(Debug)]
pub struct Words {
    /// The first `=`, after the left side `{a}`.
    pub equals: &'static str,
    /// Every later `=` (the numbers, the result), after all read so far, `{a}`.
    pub again: &'static str,
    /// `←`, after the left side `{a}`.
    pub gets: &'static str,
    /// `+=`, after the left side `{a}`.
    pub add_to: &'static str,
    pub plus: &'static str,
    pub minus: &'static str,
    pub times: &'static str,
    /// Unary minus, `{a}`.
    pub negative: &'static str,
    /// `{a}` over `{b}`.
    pub over: &'static str,
    /// `{a}` to the power `{b}`.
    pub power: &'static str,
    /// `{a}` squared.
    pub squared: &'static str,
    /// The partial derivative of `{of}` with respect to `{wrt}`.
    pub partial: &'static str,
    /// `{f}` applied to `{a}`.
    pub apply: &'static str,
    /// How σ is read.
    pub sigma: &'static str,
    /// How σ′ is read.
    pub sigma_prime: &'static str,
    /// How the e of e^x is read.
    pub e: &'static str,
    /// How η is read.
    pub eta: &'static str,
}

/// `f` in words: the left side, the relation, each form of the right side, the numbers, the result.
pub fn speak(f: &Formula, w: &Words, fmt: Fmt) -> String {
    let first = match f.rel {
        Rel::Eq => w.equals,
        Rel::Gets => w.gets,
        Rel::AddTo => w.add_to,
    };
    let rest = f.rhs.iter().map(|e| expr(e, w, fmt));
    let rest = rest.chain(f.numbers.iter().map(|n| expr(n, w, fmt)));
    let rest = rest.chain(f.result.map(fmt));
    rest.enumerate().fold(expr(&f.lhs, w, fmt), |text, (i, next)| {
        let rel = if i == 0 { first } else { w.again };
        format!("{} {next}", fill(rel, "{a}", &text))
    })
}

fn symbol(name: &str, w: &Words) -> String {
    match name {
        "σ" => w.sigma.to_owned(),
        "σ′" => w.sigma_prime.to_owned(),
        "η" => w.eta.to_owned(),
        "e" => w.e.to_owned(),
        _ => match split_symbol(name) {
            (base, Some(sub)) => format!("{base} {sub}"),
            (base, None) => base.to_owned(),
        },
    }
}

fn expr(e: &Expr, w: &Words, fmt: Fmt) -> String {
    let ab = |t: &str, a: &str, b: &str| t.replace("{a}", a).replace("{b}", b);
    match e {
        Expr::Sym(s) => symbol(s, w),
        Expr::Num(v) => fmt(*v),
        Expr::Const(c) => (*c).to_owned(),
        Expr::Partial(of, wrt) => fill(&fill(w.partial, "{of}", &symbol(of, w)), "{wrt}", &symbol(wrt, w)),
        Expr::Frac(a, b) => ab(w.over, &expr(a, w, fmt), &expr(b, w, fmt)),
        Expr::Pow(a, b) if **b == Expr::Const("2") => ab(w.squared, &expr(a, w, fmt), ""),
        Expr::Pow(a, b) => ab(w.power, &expr(a, w, fmt), &expr(b, w, fmt)),
        Expr::Apply(f, a) => w.apply.replace("{f}", &symbol(f, w)).replace("{a}", &expr(a, w, fmt)),
        Expr::Neg(a) => ab(w.negative, &expr(a, w, fmt), ""),
        Expr::Op(op, xs) => {
            let sep = match op {
                Op::Add => w.plus,
                Op::Sub => w.minus,
                Op::Dot | Op::Juxt => w.times,
            };
            let inner: Vec<String> = xs.iter().map(|x| expr(x, w, fmt)).collect();
            let text = inner.join(&format!(" {sep} "));
            if xs.len() > 1 {
                format!("({text})")
            } else {
                text
            }
        }
    }
}
