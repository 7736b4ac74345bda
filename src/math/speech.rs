//! A formula read in words, for the `aria-label` of its `<math>` element.

use super::mathml::{split_symbol, Fmt};
use super::{Expr, Formula, Op, Rel};

/// The words a language reads formulas with. Templates fill `{a}`, `{b}`, `{of}`, `{wrt}`.
#[derive(Debug)]
pub struct Words {
    pub equals: &'static str,
    pub gets: &'static str,
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
    let mut parts = vec![expr(&f.lhs, w, fmt)];
    for (i, e) in f.rhs.iter().enumerate() {
        let rel = match (i, f.rel) {
            (0, Rel::Gets) => w.gets,
            (0, Rel::AddTo) => w.add_to,
            _ => w.equals,
        };
        parts.push(rel.to_owned());
        parts.push(expr(e, w, fmt));
    }
    if let Some(n) = &f.numbers {
        parts.push(w.equals.to_owned());
        parts.push(expr(n, w, fmt));
    }
    if let Some(r) = f.result {
        parts.push(w.equals.to_owned());
        parts.push(fmt(r));
    }
    parts.join(" ")
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
    let fill = |t: &str, a: &str, b: &str| t.replace("{a}", a).replace("{b}", b);
    match e {
        Expr::Sym(s) => symbol(s, w),
        Expr::Num(v) => fmt(*v),
        Expr::Const(c) => (*c).to_owned(),
        Expr::Partial(of, wrt) => w
            .partial
            .replace("{of}", &symbol(of, w))
            .replace("{wrt}", &symbol(wrt, w)),
        Expr::Frac(a, b) => fill(w.over, &expr(a, w, fmt), &expr(b, w, fmt)),
        Expr::Pow(a, b) if **b == Expr::Const("2") => fill(w.squared, &expr(a, w, fmt), ""),
        Expr::Pow(a, b) => fill(w.power, &expr(a, w, fmt), &expr(b, w, fmt)),
        Expr::Apply(f, a) => w.apply.replace("{f}", &symbol(f, w)).replace("{a}", &expr(a, w, fmt)),
        Expr::Neg(a) => fill(w.negative, &expr(a, w, fmt), ""),
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
