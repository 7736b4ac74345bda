//! A formula written as MathML text (MathML Core, which browsers typeset without any script).

use super::{speak, Expr, Formula, Op, Words};
use std::fmt::Write;

/// How a formula is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A display formula: the symbols on the first line, the numbers and the result on the
    /// second, the relation signs one under the other; a line longer than about this many
    /// characters continues on the next.
    Block(usize),
    /// Everything on one line, in the flow of the text.
    Inline,
}

/// The number formatter: the page's short form of a value (e.g. `0.741365`, `-3`, `1.2e-5`).
pub type Fmt<'a> = &'a dyn Fn(f64) -> String;

/// The whole `<math>` element for `f`, labelled with `f` read in `words`.
pub fn to_mathml(f: &Formula, layout: Layout, fmt: Fmt, words: &Words) -> String {
    let mut w = Writer {
        out: String::new(),
        fmt,
    };
    let label = escape(&speak(f, words, fmt));
    let rel = f.rel.sign();
    match layout {
        Layout::Inline => {
            let _ = write!(w.out, "<math aria-label=\"{label}\">");
            w.expr(&f.lhs, Ctx::Top);
            if !f.rhs.is_empty() {
                w.mo(rel);
                w.chain(&f.rhs);
            }
            if let Some(n) = &f.numbers {
                w.mo("=");
                w.expr(n, Ctx::Top);
            }
            if f.result.is_some() {
                w.mo("=");
                w.result(f);
            }
        }
        Layout::Block(line) => {
            let _ = write!(w.out, "<math display=\"block\" aria-label=\"{label}\"><mtable>");
            // Lines as long as fit a narrow panel beside the left side: a long line continues on
            // the next one with its operator or "=" under the relation sign.
            let budget = line.saturating_sub(width(&f.lhs, fmt) + 3).max(MIN_LINE);
            w.out.push_str("<mtr><mtd>");
            w.expr(&f.lhs, Ctx::Top);
            w.out.push_str("</mtd><mtd>");
            w.mo(rel);
            w.out.push_str("</mtd><mtd>");
            let mut first: Vec<Piece> = Vec::new();
            for (i, form) in f.rhs.iter().enumerate() {
                pieces(form, (i > 0).then_some("="), fmt, &mut first);
            }
            let mut second: Vec<Piece> = Vec::new();
            if let Some(n) = &f.numbers {
                pieces(n, None, fmt, &mut second);
            }
            let result = f.result.map(|r| Piece {
                sep: Some("="),
                expr: None,
                ctx: Ctx::Top,
                width: fmt(r).len(),
            });
            match f.numbers {
                None => first.extend(result),
                Some(_) => second.extend(result),
            }
            // Without a right side in symbols the numbers go straight after the relation sign.
            if first.is_empty() {
                std::mem::swap(&mut first, &mut second);
            }
            w.fill(&first, budget, f);
            w.out.push_str("</mtd></mtr>");
            if !second.is_empty() {
                w.row(rel);
                w.fill(&second, budget, f);
                w.out.push_str("</mtd></mtr>");
            }
            w.out.push_str("</mtable>");
        }
    }
    w.out.push_str("</math>");
    w.out
}

/// One piece of a display line: an operand or a whole form (or the result, `expr` `None`), the
/// sign before it, and its width in characters.
struct Piece<'a> {
    sep: Option<&'static str>,
    expr: Option<&'a Expr>,
    ctx: Ctx,
    width: usize,
}

/// Splits a form into the pieces a line may break between: the operands of a top-level sum,
/// difference or product, else the form whole.
fn pieces<'a>(form: &'a Expr, sep: Option<&'static str>, fmt: Fmt, out: &mut Vec<Piece<'a>>) {
    match form {
        Expr::Op(op @ (Op::Add | Op::Sub | Op::Dot), xs) => {
            for (i, x) in xs.iter().enumerate() {
                out.push(Piece {
                    sep: if i == 0 { sep } else { Some(op.sign()) },
                    expr: Some(x),
                    ctx: operand_ctx(*op, i, x),
                    width: width(x, fmt),
                });
            }
        }
        _ => out.push(Piece {
            sep,
            expr: Some(form),
            ctx: Ctx::Top,
            width: width(form, fmt),
        }),
    }
}

/// Where an expression sits, which decides whether it needs parentheses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// Alone, or a whole side, a fraction's part, a function's argument, an exponent.
    Top,
    /// The first operand of a sum or difference.
    First,
    /// A later operand of a sum, or the first of a product.
    Term,
    /// The right operand of a difference.
    Subtrahend,
    /// A factor of a product after the first.
    Factor,
    /// The base of a power, or what a unary minus applies to.
    Base,
}

struct Writer<'a> {
    out: String,
    fmt: Fmt<'a>,
}

impl Writer<'_> {
    /// Writes `pieces` into the open cell, starting a new line (its sign under the relation
    /// sign) whenever the next piece would pass `budget` characters.
    fn fill(&mut self, pieces: &[Piece], budget: usize, f: &Formula) {
        let mut used = 0;
        for p in pieces {
            if used > 0 && used + 3 + p.width > budget {
                self.out.push_str("</mtd></mtr>");
                self.row(p.sep.unwrap_or("="));
                used = 0;
            } else if let Some(sep) = p.sep.filter(|_| used > 0) {
                self.mo(sep);
            }
            match p.expr {
                Some(e) => self.expr(e, p.ctx),
                None => self.result(f),
            }
            used += p.width + 3;
        }
    }

    /// A new line of a display formula: an empty left side, then `rel` in the relation column.
    fn row(&mut self, rel: &str) {
        self.out.push_str("<mtr><mtd></mtd><mtd>");
        self.mo(rel);
        self.out.push_str("</mtd><mtd>");
    }

    /// The formula's result: the page's number element where it has a name, else a number.
    fn result(&mut self, f: &Formula) {
        let Some(r) = f.result else { return };
        match &f.result_id {
            // As `ui::num::Num` writes it, inside a MathML text token so that the browser keeps
            // it an HTML element.
            Some(id) => {
                let _ = write!(self.out, "<mtext>{}</mtext>", num_span(id, r, &(self.fmt)(r)));
            }
            None => self.expr(&Expr::Num(r), Ctx::Top),
        }
    }

    fn mo(&mut self, op: &str) {
        let _ = write!(self.out, "<mo>{op}</mo>");
    }

    /// Successive equal forms: a = b = c.
    fn chain(&mut self, forms: &[Expr]) {
        for (i, e) in forms.iter().enumerate() {
            if i > 0 {
                self.mo("=");
            }
            self.expr(e, Ctx::Top);
        }
    }

    fn sym(&mut self, name: &str) {
        let (base, sub) = split_symbol(name);
        let mi = |out: &mut String, text: &str| {
            match text.strip_suffix('′') {
                Some(b) => {
                    let _ = write!(out, "<msup><mi>{}</mi><mo>′</mo></msup>", escape(b));
                }
                None => {
                    let _ = write!(out, "<mi>{}</mi>", escape(text));
                }
            };
        };
        match sub {
            None => mi(&mut self.out, base),
            Some(sub) => {
                self.out.push_str("<msub>");
                mi(&mut self.out, base);
                if sub.bytes().all(|b| b.is_ascii_digit()) {
                    let _ = write!(self.out, "<mn>{sub}</mn>");
                } else {
                    let _ = write!(self.out, "<mi>{}</mi>", escape(sub));
                }
                self.out.push_str("</msub>");
            }
        }
    }

    /// A model number: an `<mrow>` carrying the full value in `data-value`, in the short form,
    /// with a real minus sign and powers of ten, in parentheses where `ctx` needs them.
    fn num(&mut self, v: f64, ctx: Ctx) {
        let text = (self.fmt)(v);
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
            Some((m, e)) => (m, Some(e)),
            None => (digits, None),
        };
        let paren = match ctx {
            Ctx::Top | Ctx::First => false,
            Ctx::Term => negative,
            Ctx::Subtrahend | Ctx::Factor => negative,
            Ctx::Base => negative || exponent.is_some(),
        };
        let _ = write!(self.out, "<mrow data-value=\"{v}\">");
        if paren {
            self.mo("(");
        }
        // The sign first in its own row, so that the browser spaces it as a prefix minus.
        let signed = paren && negative;
        if signed {
            self.out.push_str("<mrow>");
        }
        if negative {
            self.mo("−");
        }
        let _ = write!(self.out, "<mn>{}</mn>", escape(mantissa));
        if let Some(e) = exponent {
            self.mo("×");
            self.out.push_str("<msup><mn>10</mn><mrow>");
            match e.strip_prefix('-') {
                Some(e) => {
                    self.mo("−");
                    let _ = write!(self.out, "<mn>{}</mn>", escape(e));
                }
                None => {
                    let _ = write!(self.out, "<mn>{}</mn>", escape(e.trim_start_matches('+')));
                }
            }
            self.out.push_str("</mrow></msup>");
        }
        if signed {
            self.out.push_str("</mrow>");
        }
        if paren {
            self.mo(")");
        }
        self.out.push_str("</mrow>");
    }

    fn expr(&mut self, e: &Expr, ctx: Ctx) {
        match e {
            Expr::Sym(name) => self.sym(name),
            Expr::Num(v) => self.num(*v, ctx),
            Expr::Const(c) => {
                let _ = write!(self.out, "<mn>{}</mn>", escape(c));
            }
            Expr::Partial(of, wrt) => {
                self.out.push_str("<mfrac><mrow><mi>∂</mi>");
                self.sym(of);
                self.out.push_str("</mrow><mrow><mi>∂</mi>");
                self.sym(wrt);
                self.out.push_str("</mrow></mfrac>");
            }
            Expr::Frac(a, b) => {
                self.out.push_str("<mfrac><mrow>");
                self.expr(a, Ctx::Top);
                self.out.push_str("</mrow><mrow>");
                self.expr(b, Ctx::Top);
                self.out.push_str("</mrow></mfrac>");
            }
            Expr::Pow(base, exp) => {
                self.out.push_str("<msup>");
                self.grouped(base, Ctx::Base);
                self.out.push_str("<mrow>");
                self.expr(exp, Ctx::Top);
                self.out.push_str("</mrow></msup>");
            }
            Expr::Apply(f, arg) => {
                self.out.push_str("<mrow>");
                self.sym(f);
                self.mo("\u{2061}");
                self.mo("(");
                self.expr(arg, Ctx::Top);
                self.mo(")");
                self.out.push_str("</mrow>");
            }
            Expr::Neg(a) => {
                // After another operator (a factor, a subtrahend, a later term) it is bracketed:
                // · (−1), not · −1.
                let paren = matches!(ctx, Ctx::Term | Ctx::Subtrahend | Ctx::Factor);
                if paren {
                    self.out.push_str("<mrow>");
                    self.mo("(");
                }
                // The sign first in its own row, so that the browser spaces it as a prefix minus.
                self.out.push_str("<mrow>");
                self.mo("−");
                self.grouped(a, Ctx::Base);
                self.out.push_str("</mrow>");
                if paren {
                    self.mo(")");
                    self.out.push_str("</mrow>");
                }
            }
            Expr::Op(op, xs) => {
                let paren = match (op, ctx) {
                    (Op::Add | Op::Sub, Ctx::Subtrahend | Ctx::Factor | Ctx::Base) => true,
                    (Op::Add | Op::Sub, Ctx::Term) => false,
                    (Op::Dot | Op::Juxt, Ctx::Base) => true,
                    _ => false,
                };
                self.out.push_str("<mrow>");
                if paren {
                    self.mo("(");
                }
                for (i, x) in xs.iter().enumerate() {
                    if i > 0 {
                        self.mo(op.sign());
                    }
                    self.expr(x, operand_ctx(*op, i, x));
                }
                if paren {
                    self.mo(")");
                }
                self.out.push_str("</mrow>");
            }
        }
    }

    /// An operand of a power or a minus: one element, in parentheses when it is compound.
    fn grouped(&mut self, e: &Expr, ctx: Ctx) {
        match e {
            Expr::Neg(_) => {
                self.out.push_str("<mrow>");
                self.mo("(");
                self.expr(e, Ctx::Top);
                self.mo(")");
                self.out.push_str("</mrow>");
            }
            _ => self.expr(e, ctx),
        }
    }
}

/// The least room left for the right side, however wide the left side.
const MIN_LINE: usize = 20;

impl Op {
    /// The operator as written.
    fn sign(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "−",
            Op::Dot => "·",
            Op::Juxt => "\u{2062}",
        }
    }
}

/// Where the `i`-th operand `x` of `op` sits.
fn operand_ctx(op: Op, i: usize, x: &Expr) -> Ctx {
    match (op, i, x) {
        // Inside a product even the first factor needs parentheses if it is a sum.
        (Op::Dot | Op::Juxt, _, Expr::Op(Op::Add | Op::Sub, _)) => Ctx::Factor,
        (Op::Add | Op::Sub, 0, _) => Ctx::First,
        (Op::Add, _, _) => Ctx::Term,
        (Op::Sub, _, _) => Ctx::Subtrahend,
        (Op::Dot | Op::Juxt, 0, _) => Ctx::Term,
        (Op::Dot | Op::Juxt, _, _) => Ctx::Factor,
    }
}

/// About how many characters wide `e` is when written (fractions count their wider part).
fn width(e: &Expr, fmt: Fmt) -> usize {
    match e {
        Expr::Sym(s) => s.chars().count(),
        Expr::Num(v) => fmt(*v).len() + 2 * usize::from(*v < 0.0),
        Expr::Const(c) => c.len(),
        Expr::Partial(a, b) => 2 + a.len().max(b.len()),
        Expr::Frac(a, b) => width(a, fmt).max(width(b, fmt)),
        Expr::Pow(a, b) => width(a, fmt) + 2 + width(b, fmt) / 2,
        Expr::Apply(f, a) => f.chars().count() + 2 + width(a, fmt),
        Expr::Neg(a) => 1 + width(a, fmt),
        Expr::Op(_, xs) => xs.iter().map(|x| width(x, fmt) + 3).sum::<usize>().saturating_sub(3),
    }
}

/// `w21` → (`w`, `21`); `W_new` → (`W`, `new`); `E` → (`E`, none).
pub fn split_symbol(name: &str) -> (&str, Option<&str>) {
    if let Some((base, sub)) = name.split_once('_') {
        return (base, Some(sub));
    }
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    if base.is_empty() || base.len() == name.len() {
        (name, None)
    } else {
        (base, Some(&name[base.len()..]))
    }
}

/// Text made safe for MathML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A page number in markup, as `ui::num::Num` writes it: `text` shown, the full `value` in
/// `data-value`, named `id` (its `data-testid`).
pub fn num_span(id: &str, value: f64, text: &str) -> String {
    format!(
        "<span class=\"num\" data-testid=\"{}\" data-value=\"{value}\">{}</span>",
        escape(id),
        escape(text)
    )
}
