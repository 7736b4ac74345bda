//! The formula builder: the lessons' formulas have the notation of the notes, substitute the model's numbers, and are well-formed MathML.

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::{Chain, Circuit, CircuitKind, Frame, Stage, Step};
use backprop_lab::math::{self, add, dot, formulas, num, sub, sym, to_mathml, Expr, Formula, Layout, Rel};
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::ui::num::short;

/// Characters per line of a display formula: a phone's side panel.
const LINE: usize = 38;

fn worked() -> Net {
    Net::new(&Example::worked()).unwrap()
}

fn chain(net: &Net, p: Param) -> Chain {
    Frame::build(net, Step::Grad(p)).chain.unwrap()
}

fn mathml(f: &Formula, layout: Layout) -> String {
    to_mathml(f, layout, &short, &Lang::En.strings().math_words)
}

fn close(name: &str, got: f64, want: f64, tol: f64) {
    assert!((got - want).abs() < tol, "{name}: got {got}, want {want}");
}

/// Every start tag has its end tag, properly nested, and the whole is one `<math>` element.
fn assert_well_formed(xml: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    let mut roots = 0;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("an unclosed tag") + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}> in {xml}");
        } else {
            let name = tag.split_whitespace().next().unwrap().to_owned();
            if stack.is_empty() {
                roots += 1;
            }
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?} in {xml}");
    assert_eq!(roots, 1, "one root element: {xml}");
    assert!(xml.starts_with("<math"), "{xml}");
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// The numbers of the second line as written in `data-value` (the full f64), left to right.
fn data_values(xml: &str) -> Vec<f64> {
    xml.split("data-value=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect()
}

#[test]
fn the_w21_chain_rule_is_three_partial_fractions_with_the_published_factors() {
    let net = worked();
    let c = chain(&net, Param::W21);
    assert_eq!(c.paths.len(), 1);
    let f = formulas::path_product(Param::W21, &c.paths[0]);
    // Symbols: dError1/dw21 = dError1/dY1 · dY1/dy1 · dy1/dw21 (the notes' w21 chain).
    assert_eq!(f.lhs, math::partial("Error1", "w21"));
    assert_eq!(
        f.rhs,
        vec![dot(vec![
            math::partial("Error1", "Y1"),
            math::partial("Y1", "y1"),
            math::partial("y1", "w21"),
        ])]
    );
    // Mazur (2015): dE/dout_o1 = 0.74136507, dout_o1/dnet_o1 = 0.186815602,
    // dnet_o1/dw5 = out_h1 = 0.593269992; their product dE/dw5 = 0.082167041.
    let n = f.numbers.as_ref().unwrap().numbers();
    assert_eq!(n.len(), 3);
    for (got, want) in n.iter().zip([0.74136507, 0.186815602, 0.593269992]) {
        close("factor", *got, want, 1e-8);
    }
    close("product", f.result.unwrap(), 0.082167041, 1e-9);

    let xml = mathml(&f.clone().shown_as("path-1"), Layout::Block(LINE));
    assert_well_formed(&xml);
    assert!(xml.starts_with("<math display=\"block\""), "{xml}");
    // One fraction on the left, three on the right.
    assert_eq!(count(&xml, "<mfrac>"), 4, "{xml}");
    assert!(xml.contains("<msub><mi>w</mi><mn>21</mn></msub>"), "{xml}");
    assert!(xml.contains("<msub><mi>Error</mi><mn>1</mn></msub>"), "{xml}");
    // Symbols on the first line, then the numbers and the result (this line of numbers is long
    // enough that the result takes a third line).
    assert_eq!(count(&xml, "<mtr>"), 3);
    let line2 = &xml[xml.find("</mtr>").unwrap()..];
    let values = data_values(line2);
    assert_eq!(&values[..3], &n[..], "the second line substitutes exactly the factors");
    assert_eq!(values[3], f.result.unwrap(), "and ends with the result");
    // Shown to six significant digits: Mazur's 0.082167041 and 0.74136507 print 0.082167 and
    // 0.741365 (literals, not the formatter under test).
    assert!(line2.contains(&format!(
        "<mtext><span class=\"num\" data-testid=\"path-1\" data-value=\"{}\">0.082167</span></mtext>",
        f.result.unwrap(),
    )));
    assert!(line2.contains("<mn>0.741365</mn>"), "{line2}");
}

#[test]
fn each_factor_of_the_w11_chain_has_its_local_rule() {
    let net = worked();
    let c = chain(&net, Param::W11);
    assert_eq!(c.paths.len(), 2);
    let rhs = |k: usize, j: usize| formulas::local(&net, &c.paths[k].factors[j]).rhs;
    // The notes' corrected chain (shared/seed README): dError1/dY1 = Y1 − t1, dY1/dy1 = σ′(y1) =
    // Y1(1 − Y1), dy1/dH1 = w21, dH1/dh1 = H1(1 − H1), dh1/dw11 = x1; on the Error2 path dy2/dH1 = w22.
    assert_eq!(rhs(0, 0), vec![sub(sym("Y1"), sym("t1"))]);
    assert_eq!(
        rhs(0, 1),
        vec![
            math::apply("σ′", sym("y1")),
            math::juxt(sym("Y1"), sub(Expr::Const("1"), sym("Y1")))
        ]
    );
    assert_eq!(rhs(0, 2), vec![sym("w21")]);
    assert_eq!(rhs(1, 2), vec![sym("w22")]);
    assert_eq!(rhs(0, 4), vec![sym("x1")]);
    assert_eq!(rhs(1, 0), vec![sub(sym("Y2"), sym("t2"))]);
    // Numbers: Mazur (2015) out_o1 = 0.75136507, target 0.01; out_h1 = 0.593269992.
    let f = formulas::local(&net, &c.paths[0].factors[0]);
    let n = f.numbers.unwrap().numbers();
    close("Y1", n[0], 0.75136507, 1e-8);
    close("t1", n[1], 0.01, 1e-15);
    let f = formulas::local(&net, &c.paths[0].factors[3]);
    let n = f.numbers.unwrap().numbers();
    close("H1", n[0], 0.593269992, 1e-8);
    close("H1 again", n[1], 0.593269992, 1e-8);
    // Each factor's result is the core's local derivative.
    for (k, path) in c.paths.iter().enumerate() {
        for (j, factor) in path.factors.iter().enumerate() {
            let f = formulas::local(&net, factor);
            assert_eq!(f.result, Some(factor.value), "factor {k} {j}");
            assert_well_formed(&mathml(&f, Layout::Inline));
        }
    }
    // A bias: dh1/db1 = 1.
    let b = chain(&net, Param::B1);
    let last = b.paths[0].factors.last().unwrap();
    assert_eq!(formulas::local(&net, last).rhs, vec![Expr::Const("1")]);
    // The sum of the two paths: Mazur (2015) dE/dw1 = 0.000438568.
    let s = formulas::path_sum(Param::W11, &c.paths, c.sum).unwrap();
    assert_eq!(
        s.rhs,
        vec![add(vec![
            math::partial("Error1", "w11"),
            math::partial("Error2", "w11")
        ])]
    );
    assert_eq!(
        s.numbers.unwrap().numbers(),
        vec![c.paths[0].product, c.paths[1].product]
    );
    close("dE/dw11", s.result.unwrap(), 0.000438568, 1e-9);
}

#[test]
fn the_forward_formulas_follow_the_notes_wiring_and_the_worked_example() {
    let net = worked();
    // shared/seed README: h1 = w11*x1 + w13*x2 + b1 and y1 = w21*H1 + w23*H2 + b3.
    let h1 = formulas::weighted_sum(&net, "h1").unwrap();
    assert_eq!(
        h1.rhs,
        vec![add(vec![
            dot(vec![sym("w11"), sym("x1")]),
            dot(vec![sym("w13"), sym("x2")]),
            sym("b1")
        ])]
    );
    let y1 = formulas::weighted_sum(&net, "y1").unwrap();
    assert_eq!(
        y1.rhs,
        vec![add(vec![
            dot(vec![sym("w21"), sym("H1")]),
            dot(vec![sym("w23"), sym("H2")]),
            sym("b3")
        ])]
    );
    // Mazur (2015): w1 = .15 (w11), x1 = .05, w2 = .20 (w13), x2 = .10, b1 = .35; net_h1 = 0.3775.
    assert_eq!(
        h1.numbers.as_ref().unwrap().numbers(),
        vec![0.15, 0.05, 0.20, 0.10, 0.35]
    );
    close("h1", h1.result.unwrap(), 0.3775, 1e-12);
    // Mazur (2015): out_h1 = 0.593269992 from net_h1 = 0.3775.
    let a = formulas::activation(&net, "H1").unwrap();
    assert_eq!(a.rhs[0], math::apply("σ", sym("h1")));
    close("h1 in H1", a.numbers.as_ref().unwrap().numbers()[0], 0.3775, 1e-12);
    close("H1", a.result.unwrap(), 0.593269992, 1e-9);
    // Mazur (2015): E_o1 = 0.274811083, E_total = 0.298371109.
    let e1 = formulas::error_term(&net, 1);
    let n = e1.numbers.as_ref().unwrap().numbers();
    close("t1", n[0], 0.01, 1e-15);
    close("Y1", n[1], 0.75136507, 1e-8);
    close("Error1", e1.result.unwrap(), 0.274811083, 1e-9);
    let e = formulas::total_error(&net);
    close("E", e.result.unwrap(), 0.298371109, 1e-9);
    for f in [h1, y1, a, e1, e] {
        let xml = mathml(&f, Layout::Block(LINE));
        assert_well_formed(&xml);
        assert!(count(&xml, "<mtr>") >= 2, "{xml}");
    }
    assert!(formulas::weighted_sum(&net, "H1").is_none());
}

#[test]
fn the_update_rule_substitutes_old_value_rate_and_gradient() {
    let net = worked();
    let u = backprop_lab::lesson::Update::of(&net, 0.5);
    let row = u.rows.iter().find(|r| r.param == Param::W21).unwrap();
    let f = formulas::update(row.param, row.old, u.lr, row.grad, row.new);
    assert_eq!(f.rel, Rel::Gets);
    let n = f.numbers.as_ref().unwrap().numbers();
    // Mazur (2015): w5 = 0.40, eta = 0.5, dE/dw5 = 0.082167041, w5+ = 0.35891648.
    assert_eq!(n[..2], [0.4, 0.5]);
    close("grad", n[2], 0.082167041, 1e-9);
    close("new w21", f.result.unwrap(), 0.35891648, 1e-8);
    let xml = mathml(&f, Layout::Block(LINE));
    assert_well_formed(&xml);
    assert_eq!(count(&xml, "<mo>←</mo>"), 2, "both lines start with the arrow: {xml}");
    assert_well_formed(&mathml(&formulas::update_rule(), Layout::Inline));
    // At another rate the formula substitutes that rate: by hand, w21 = 0.4 - 0.3 * 0.082167041
    // = 0.3753498877 (Mazur's gradient), and the rate is printed as 0.3.
    let u = backprop_lab::lesson::Update::of(&net, 0.3);
    let row = u.rows.iter().find(|r| r.param == Param::W21).unwrap();
    let f = formulas::update(row.param, row.old, u.lr, row.grad, row.new);
    let n = f.numbers.as_ref().unwrap().numbers();
    assert_eq!(n[..2], [0.4, 0.3]);
    close("new w21 at lr 0.3", f.result.unwrap(), 0.3753498877, 1e-9);
    let xml = mathml(&f, Layout::Block(LINE));
    assert!(xml.contains("<mn>0.3</mn>"), "{xml}");
    assert!(xml.contains("0.37535"), "the result to six digits, 0.375350: {xml}");
}

#[test]
fn the_sigmoid_slope_is_s_times_one_minus_s() {
    let net = worked();
    let frame = Frame::build(&net, Step::Forward(Stage::OutputOut));
    let m = frame.sigmoids.iter().find(|m| m.output == "Y1").unwrap();
    let f = formulas::sigmoid_slope(m);
    // Mazur (2015): out_o1 = 0.75136507 and dout_o1/dnet_o1 = 0.186815602.
    let n = f.numbers.as_ref().unwrap().numbers();
    close("s", n[0], 0.75136507, 1e-8);
    close("slope", f.result.unwrap(), 0.186815602, 1e-9);
    let xml = mathml(&f, Layout::Block(LINE));
    assert_well_formed(&xml);
    assert!(xml.contains("<msup><mi>σ</mi><mo>′</mo></msup>"), "{xml}");
}

#[test]
fn the_add_and_multiply_rules_pass_the_incoming_gradient_back() {
    // z = x · y with x = 3, y = −2 and dL/dz = 1.5: by hand dL/dx = 1.5 · (−2) = −3,
    // dL/dy = 1.5 · 3 = 4.5; for z = x + y both are 1.5 · 1 = 1.5.
    let mul = Circuit::build(CircuitKind::Mul, &[3.0, -2.0], 1.5);
    let fx = formulas::node_backward(&mul, "x").unwrap();
    assert_eq!(fx.rhs[1], dot(vec![math::partial("L", "z"), sym("y")]));
    assert_eq!(fx.numbers.as_ref().unwrap().numbers(), vec![1.5, -2.0]);
    assert_eq!(fx.result, Some(-3.0));
    let fy = formulas::node_backward(&mul, "y").unwrap();
    assert_eq!(fy.rhs[1], dot(vec![math::partial("L", "z"), sym("x")]));
    assert_eq!(fy.result, Some(4.5));
    let xml = mathml(&fx, Layout::Block(LINE));
    assert_well_formed(&xml);
    // A negative factor after the first is put in parentheses, with a real minus sign.
    assert!(
        xml.contains("<mo>(</mo><mrow><mo>−</mo><mn>2</mn></mrow><mo>)</mo>"),
        "{xml}"
    );
    // The result after "=" needs none.
    assert!(
        xml.contains("<mrow data-value=\"-3\"><mo>−</mo><mn>3</mn></mrow>"),
        "{xml}"
    );

    let addc = Circuit::build(CircuitKind::Add, &[3.0, -2.0], 1.5);
    let f = formulas::node_backward(&addc, "y").unwrap();
    assert_eq!(f.rhs[1], dot(vec![math::partial("L", "z"), Expr::Const("1")]));
    assert_eq!(f.result, Some(1.5));
    let z = formulas::node_forward(&addc).unwrap();
    assert_eq!(z.result, Some(1.0));
    assert!(formulas::node_forward(&Circuit::build(CircuitKind::Apple, &[], 1.0)).is_none());
}

#[test]
fn numbers_are_written_as_mathematics() {
    let f = |e: Expr| Formula::new(sym("a"), Rel::Eq, vec![e]);
    // A power of ten instead of an "e".
    let xml = mathml(&f(num(1.5e-7)), Layout::Inline);
    assert!(
        xml.contains("<mn>1.5000</mn><mo>×</mo><msup><mn>10</mn><mrow><mo>−</mo><mn>7</mn></mrow></msup>"),
        "{xml}"
    );
    // A squared difference gets its parentheses; a negative subtrahend too.
    let xml = mathml(
        &f(math::pow(sub(num(0.01), num(-0.5)), Expr::Const("2"))),
        Layout::Inline,
    );
    assert!(xml.contains("<msup><mrow><mo>(</mo>"), "{xml}");
    assert!(
        xml.contains("<mo>−</mo><mrow data-value=\"-0.5\"><mo>(</mo><mrow><mo>−</mo><mn>0.5</mn></mrow><mo>)</mo>"),
        "{xml}"
    );
    assert_well_formed(&xml);
    // A sum inside a product is bracketed; a product inside a sum is not.
    let xml = mathml(&f(dot(vec![add(vec![sym("x"), sym("y")]), sym("z")])), Layout::Inline);
    assert!(
        xml.contains("<mrow><mo>(</mo><mi>x</mi><mo>+</mo><mi>y</mi><mo>)</mo></mrow>"),
        "{xml}"
    );
    let xml = mathml(&f(add(vec![dot(vec![sym("x"), sym("y")]), sym("z")])), Layout::Inline);
    assert!(!xml.contains("<mo>(</mo>"), "{xml}");
    // Subscripts: W_new, Error2, and a bare symbol.
    let xml = mathml(&f(add(vec![sym("W_new"), sym("E")])), Layout::Inline);
    assert!(xml.contains("<msub><mi>W</mi><mi>new</mi></msub>"), "{xml}");
    assert!(xml.contains("<mi>E</mi>"), "{xml}");
}

#[test]
fn every_formula_is_read_in_words_in_both_languages() {
    let net = worked();
    let c = chain(&net, Param::W21);
    let f = formulas::path_product(Param::W21, &c.paths[0]);
    let en = math::speak(&f, &Lang::En.strings().math_words, &short);
    assert!(
        en.starts_with("the partial derivative of Error 1 with respect to w 21 equals"),
        "{en}"
    );
    // Mazur's dE/dw5 = 0.082167041, to six significant digits.
    assert!(en.ends_with(" 0.082167"), "{en}");
    let ko = math::speak(&f, &Lang::Ko.strings().math_words, &short);
    assert!(ko.contains("편미분") && ko.contains("곱하기"), "{ko}");
    let xml = mathml(&f, Layout::Block(LINE));
    assert!(xml.contains(&format!("aria-label=\"{en}\"")), "{xml}");
    // Quotes and angle brackets in a label cannot break the markup.
    assert_eq!(math::mathml::escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
}
