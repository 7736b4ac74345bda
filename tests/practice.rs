//! Practice mode's model: the checker's tolerance, every diagnosis on random examples, the hidden set, kept progress, the answer sheet, the page ids.

use backprop_lab::lesson::{sweep, Stage, Step};
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::practice::check::{check_choice, check_text, check_value, close};
use backprop_lab::practice::hidden::{distinctive, hidden, Why};
use backprop_lab::practice::progress::{example_key, Progress};
use backprop_lab::practice::questions::{questions, Answer, NodeInputs, Quantity, Question, StepQuestions, ValueKind};
use backprop_lab::practice::{next_seed, Diagnosis, Sheet};
use backprop_lab::ui::num::short;
use backprop_lab::value::random_example;
use proptest::prelude::*;

const LR: f64 = 0.5;

#[path = "common/hand.rs"]
#[allow(dead_code)]
mod hand;
use hand::{sigmoid as s, Hand};

impl Hand {
    /// Path 1 of w11 (through Error1, y1) alone.
    fn g11_path1(&self) -> f64 {
        self.dy[0] * self.w[4] * self.hh[0] * (1.0 - self.hh[0]) * self.x[0]
    }
}

fn step_q(step: Step, ex: &Example) -> StepQuestions {
    let net = Net::new(ex).unwrap();
    questions(step, &net, LR, NodeInputs::for_seed(None))
}

fn q<'a>(sq: &'a StepQuestions, id: &str) -> &'a Question {
    sq.find(id)
        .unwrap_or_else(|| panic!("no question {id} on {}", sq.step.slug()))
}

/// A plain question with no named mistakes.
fn plain(exact: f64) -> Question {
    Question {
        ids: vec!["x".into()],
        quantity: Quantity::Forward("h1"),
        answer: Answer::Value {
            exact,
            kind: ValueKind::Plain,
            mistakes: Vec::new(),
        },
    }
}

/// The diagnosis of `answer`, or None when the answer is ambiguous: right, or equally close to
/// a mistake with another name (random numbers can make two mistakes coincide).
fn diagnosis(question: &Question, answer: f64, expected: Diagnosis) -> Option<Diagnosis> {
    let Answer::Value { exact, kind, mistakes } = &question.answer else {
        panic!("not a numeric question")
    };
    let shift = match kind {
        ValueKind::Plain => 0.0,
        ValueKind::Updated { old, .. } => *old,
    };
    if close(answer - shift, exact - shift) {
        return None;
    }
    let clash = mistakes
        .iter()
        .any(|m| m.diagnosis != expected && close(answer - shift, m.value - shift));
    let sign_clash = expected != Diagnosis::Sign && matches!(kind, ValueKind::Plain) && close(-answer, *exact);
    if clash || sign_clash {
        return None;
    }
    Some(check_value(question, answer).diagnosis)
}

/// Asserts the diagnosis of `answer`; false when the answer was ambiguous and skipped.
fn assert_diag(question: &Question, answer: f64, expected: Diagnosis) -> Result<bool, TestCaseError> {
    match diagnosis(question, answer, expected) {
        Some(d) => {
            prop_assert_eq!(d, expected, "{:?} answered {}", question.ids, answer);
            Ok(true)
        }
        None => {
            eprintln!(
                "skipped as ambiguous: {:?} answered {answer} for {}",
                question.ids,
                expected.key()
            );
            Ok(false)
        }
    }
}

// ---------------------------------------------------------------- the checker's tolerance

#[test]
fn half_a_percent_is_right_and_a_little_more_is_not() {
    let q = plain(0.2);
    assert!(check_value(&q, 0.2 * 1.0049).correct);
    assert!(check_value(&q, 0.2 * 0.9951).correct);
    assert!(!check_value(&q, 0.2 * 1.0051).correct);
    assert!(!check_value(&q, 0.2 * 0.9949).correct);
    let big = plain(-250.0);
    assert!(check_value(&big, -251.2).correct);
    assert!(!check_value(&big, -251.3).correct);
}

#[test]
fn below_1e_4_the_tolerance_is_one_millionth() {
    let q = plain(5e-5);
    assert!(check_value(&q, 5e-5 + 0.99e-6).correct);
    assert!(check_value(&q, 5e-5 - 0.99e-6).correct);
    assert!(!check_value(&q, 5e-5 + 1.01e-6).correct);
    // 0.5 % of 5e-5 would be 2.5e-7: the absolute rule is the looser one here.
    assert!(check_value(&q, 5e-5 + 9e-7).correct);
    let zero = plain(0.0);
    assert!(check_value(&zero, 1e-6).correct);
    assert!(!check_value(&zero, 2e-6).correct);
    // Just above 1e-4 the relative rule applies: 0.5 % of 1.2e-4 is 6e-7.
    let q = plain(1.2e-4);
    assert!(check_value(&q, 1.2e-4 + 5.9e-7).correct);
    assert!(!check_value(&q, 1.2e-4 + 9e-7).correct);
}

#[test]
fn answers_are_read_like_every_field() {
    let q = plain(0.5);
    assert!(check_text(&q, "0,5").unwrap().correct);
    assert!(check_text(&q, " +0.5 ").unwrap().correct);
    assert!(check_text(&q, "5e-1").unwrap().correct);
    assert!(check_text(&q, "").is_err());
    assert!(check_text(&q, "half").is_err());
    assert!(check_text(&q, "0.5.1").is_err());
    assert!(check_text(&q, "NaN").is_err());
}

#[test]
fn an_updated_value_is_judged_by_its_change_and_the_old_value_is_never_right() {
    let ex = Example::worked();
    let sq = step_q(Step::Update, &ex);
    // The seed README's published values: w21 after one step 0.35891648, w11 0.149780716.
    let w21 = q(&sq, "next-w21");
    assert!(check_text(w21, "0.35891648").unwrap().correct);
    let w11 = q(&sq, "next-w11");
    assert!(check_value(w11, 0.149780716).correct);
    // The old value 0.15 is within 0.5 % of the new one, yet it is wrong: the change is judged.
    assert!((0.15f64 - 0.149780716).abs() < 0.005 * 0.149780716);
    let v = check_value(w11, 0.15);
    assert!(!v.correct);
    assert_eq!(v.diagnosis, Diagnosis::NoUpdate);
    // The change −η·∂E/∂w11 = −0.5 · 0.000438568 (README: 0.15 − 0.149780716): 0.4 % off is
    // right, 0.7 % off is not.
    let change = 0.149780716 - 0.15;
    assert!(check_value(w11, 0.15 + change * 1.004).correct);
    assert!(!check_value(w11, 0.15 + change * 1.007).correct);
    let hand = Hand::of(&ex);
    assert!(check_value(w21, 0.40 - LR * hand.grad(Param::W21)).correct);
}

#[test]
fn rounding_is_the_exact_value_cut_to_fewer_digits() {
    let q = plain(0.14497);
    assert_eq!(check_value(&q, 0.14).diagnosis, Diagnosis::Rounding);
    assert_eq!(check_value(&q, 0.1).diagnosis, Diagnosis::Rounding);
    // Near the value but not the value rounded: no "rounding" (it was called so before).
    assert_eq!(check_value(&q, 0.1412).diagnosis, Diagnosis::Unknown);
    assert_eq!(check_value(&q, 0.13).diagnosis, Diagnosis::Unknown);
    assert_eq!(check_value(&q, 0.145).diagnosis, Diagnosis::Correct);
    assert_eq!(check_value(&q, -0.14497).diagnosis, Diagnosis::Sign);
    // Cut instead of rounded: 0.12399 to three digits is 0.124; 0.123 is 0.8 % off.
    let t = plain(0.12399);
    assert_eq!(check_value(&t, 0.123).diagnosis, Diagnosis::Truncation);
    assert_eq!(check_value(&t, 0.124).diagnosis, Diagnosis::Correct);
    let neg = plain(-0.12399);
    assert_eq!(check_value(&neg, -0.123).diagnosis, Diagnosis::Truncation);
}

/// y1 with w22 in place of w23 is within two digits of y1 on the worked example (0.45 vs 0.50
/// on H2 = 0.596884 in 1.10591; Mazur's net_o1 = 1.105905967): it was called "rounding".
#[test]
fn a_named_mistake_is_found_before_rounding() {
    let ex = Example::worked();
    let hd = Hand::of(&ex);
    let sq = step_q(Step::Forward(Stage::OutputSum), &ex);
    assert!((hd.y[0] - 1.105905967).abs() < 1e-8);
    let swapped = hd.w[4] * hd.hh[0] + hd.w[5] * hd.hh[1] + hd.w[10];
    let v = check_value(q(&sq, "value-y1"), swapped);
    assert_eq!((v.diagnosis, v.term.as_str()), (Diagnosis::WeightIndex, "w23"));
}

/// Mazur (2015): ∂E/∂w5 = 0.082167041 (w5 is w21). 0.0821 is within 0.5 % of it, and was
/// "Correct." with no word while the box said "three significant digits": to three digits it
/// rounds to 0.0822. Now it is right, with the rounding named; and the box says the tolerance.
#[test]
fn a_cut_answer_within_the_tolerance_is_right_and_the_rounding_is_named() {
    use backprop_lab::i18n::{practice::practice, Lang};
    let g21 = step_q(Step::Grad(Param::W21), &Example::worked());
    let cut = Diagnosis::from_key("correct-cut");
    let v = check_value(q(&g21, "grad-w21"), 0.0821);
    assert!(v.correct);
    assert_eq!((Some(v.diagnosis), v.term.as_str()), (cut, "0.0822"));
    assert_eq!(check_value(q(&g21, "grad-w21"), 0.0822).diagnosis, Diagnosis::Correct);
    assert_eq!(check_value(q(&g21, "grad-w21"), 0.082).diagnosis, Diagnosis::Correct);
    let neg = plain(-0.082167041);
    let v = check_value(&neg, -0.0821);
    assert_eq!((Some(v.diagnosis), v.term.as_str()), (cut, "\u{2212}0.0822"));
    let ko = practice(Lang::Ko);
    assert!(ko.hint(v.diagnosis, &v.term).contains("반올림하면 −0.0822입니다"));
    // The box states the check: within 0.5 %, which three digits rounded always are.
    assert!(ko.precision.contains("0.5 % 이내") && ko.precision.contains("반올림"));
    let en = practice(Lang::En);
    assert!(en.precision.contains("within 0.5 %") && en.precision.contains("rounded"));
}

/// The weight-index hint named the weight the learner typed (w22), as if it belonged there; it
/// names the weight asked (w23 joins H2 → y1 in the seed README's table), in both languages.
/// On ∂h1/∂w11 the weight asked is w11, whose input is x1 (x2 typed).
#[test]
fn the_weight_index_hint_names_the_weight_asked() {
    use backprop_lab::i18n::{practice::practice, Lang};
    let ex = Example::worked();
    let hd = Hand::of(&ex);
    let sq = step_q(Step::Forward(Stage::OutputSum), &ex);
    let swapped = hd.w[4] * hd.hh[0] + hd.w[5] * hd.hh[1] + hd.w[10];
    let v = check_value(q(&sq, "value-y1"), swapped);
    let ko = practice(Lang::Ko).hint(v.diagnosis, &v.term);
    assert!(ko.contains("여기에 해당하는 가중치는 w23입니다"), "{ko}");
    assert!(ko.contains("w23: H2 → y1"), "{ko}");
    let en = practice(Lang::En).hint(v.diagnosis, &v.term);
    assert!(en.contains("the weight here is w23"), "{en}");
    let g11 = step_q(Step::Grad(Param::W11), &ex);
    let v = check_value(q(&g11, "factor-1-5"), hd.x[1]);
    assert_eq!((v.diagnosis, v.term.as_str()), (Diagnosis::WeightIndex, "w11"));
    // Y1 typed for ∂Error1/∂Y1: the hint names the derivative asked and its variable.
    let g21 = step_q(Step::Grad(Param::W21), &ex);
    let v = check_value(q(&g21, "factor-1-1"), hd.yy[0]);
    assert_eq!(v.diagnosis, Diagnosis::ValueForGradient);
    let ko = practice(Lang::Ko).hint(v.diagnosis, &v.term);
    assert!(ko.contains("그 수는 Y1의 값 자체입니다. 여기서 묻는 것은 편미분 ∂Error1/∂Y1, 즉 Y1을 조금 바꿀 때 Error1이 그 몇 배만큼 바뀌는지입니다."), "{ko}");
}

/// An updated value to three digits can be right while its change is not (w11: 0.15 −
/// 0.000219284, the seed README's 0.149780716): the learner is told to give more digits.
#[test]
fn an_updated_value_with_too_few_digits_asks_for_more() {
    let sq = step_q(Step::Update, &Example::worked());
    let w11 = q(&sq, "next-w11");
    let v = check_value(w11, 0.1498);
    assert_eq!((v.diagnosis, v.term.as_str()), (Diagnosis::MoreDigits, "w11"));
    assert_eq!(check_value(w11, 0.14978).diagnosis, Diagnosis::Correct);
    // The old value stays "no update".
    assert_eq!(check_value(w11, 0.15).diagnosis, Diagnosis::NoUpdate);
}

/// The page prints negative numbers with − (U+2212); typed or pasted back they are read.
#[test]
fn the_minus_sign_the_page_prints_is_read() {
    let q = plain(-0.5);
    assert!(check_text(&q, "\u{2212}0.5").unwrap().correct);
    assert!(check_text(&q, " \u{2212}0,5 ").unwrap().correct);
    let v = backprop_lab::value::parse(backprop_lab::value::Kind::Value, "\u{2212}0.25").unwrap();
    assert_eq!(v.value, -0.25);
}

/// The first digits of `v` (in scientific notation) as the learner cuts them: `digits`
/// significant digits, truncated toward zero or rounded, by string handling alone.
fn cut_text(v: f64, digits: usize, round: bool) -> f64 {
    if round {
        return format!("{:.*e}", digits - 1, v).parse().unwrap();
    }
    let text = format!("{:.15e}", v);
    let (mantissa, exp) = text.split_once('e').unwrap();
    let keep = if v < 0.0 { digits + 2 } else { digits + 1 };
    format!("{}e{exp}", &mantissa[..keep]).parse().unwrap()
}

// ---------------------------------------------------------------- every diagnosis

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_diagnosis_is_found_on_random_examples(seed in any::<u64>()) {
        let ex = random_example(seed);
        let hd = Hand::of(&ex);
        let w = hd.w;
        let mut checked = 0;

        let sum = step_q(Step::Forward(Stage::HiddenSum), &ex);
        checked += assert_diag(q(&sum, "value-h1"), w[0] * hd.x[0] + w[2] * hd.x[1], Diagnosis::ForgotBias)? as usize;
        let out_sum = step_q(Step::Forward(Stage::OutputSum), &ex);
        // y1 with h where H belongs.
        checked += assert_diag(q(&out_sum, "value-y1"), w[4] * hd.h[0] + w[6] * hd.h[1] + w[10], Diagnosis::SumForActivation)? as usize;
        let act = step_q(Step::Forward(Stage::HiddenOut), &ex);
        checked += assert_diag(q(&act, "value-H1"), hd.h[0], Diagnosis::NoActivation)? as usize;
        checked += assert_diag(q(&act, "value-H2"), 1.0 / (1.0 + hd.h[1].exp()), Diagnosis::ExpSign)? as usize;
        let err = step_q(Step::Error, &ex);
        checked += assert_diag(q(&err, "value-Error1"), (hd.t[0] - hd.yy[0]).powi(2), Diagnosis::MissingHalf)? as usize;
        checked += assert_diag(q(&err, "value-E"), hd.err[1], Diagnosis::MissingTerm)? as usize;

        let g21 = step_q(Step::Grad(Param::W21), &ex);
        // t − Y instead of Y − t.
        checked += assert_diag(q(&g21, "factor-1-1"), hd.t[0] - hd.yy[0], Diagnosis::Sign)? as usize;
        // y(1 − y) where Y(1 − Y) belongs, and σ(Y)(1 − σ(Y)).
        checked += assert_diag(q(&g21, "factor-1-2"), hd.y[0] * (1.0 - hd.y[0]), Diagnosis::WrongActivation)? as usize;
        checked += assert_diag(q(&g21, "factor-1-2"), s(hd.yy[0]) * (1.0 - s(hd.yy[0])), Diagnosis::WrongActivation)? as usize;
        checked += assert_diag(q(&g21, "grad-w21"), -hd.grad(Param::W21), Diagnosis::Sign)? as usize;
        // The path product without σ′(y1).
        checked += assert_diag(q(&g21, "path-1"), (hd.yy[0] - hd.t[0]) * hd.hh[0], Diagnosis::MissingFactor)? as usize;

        let g11 = step_q(Step::Grad(Param::W11), &ex);
        checked += assert_diag(q(&g11, "grad-w11"), hd.g11_path1(), Diagnosis::MissingPath)? as usize;
        checked += assert_diag(q(&g11, "path-sum"), hd.grad(Param::W11) - hd.g11_path1(), Diagnosis::MissingPath)? as usize;
        // ∂y1/∂H1 is w21, not H1 (the notes' slip), alone and along both paths.
        checked += assert_diag(q(&g11, "factor-1-3"), hd.hh[0], Diagnosis::WeightInputSwap)? as usize;
        let slip = (hd.dy[0] + hd.dy[1]) * hd.hh[0] * hd.hh[0] * (1.0 - hd.hh[0]) * hd.x[0];
        checked += assert_diag(q(&g11, "grad-w11"), slip, Diagnosis::WeightInputSwap)? as usize;
        // σ′(h1) taken as h1(1 − h1) in both paths.
        let wrong = hd.dbig_h[0] * hd.h[0] * (1.0 - hd.h[0]) * hd.x[0];
        checked += assert_diag(q(&g11, "grad-w11"), wrong, Diagnosis::WrongActivation)? as usize;

        // The sweep at y1: ∂Y1/∂y1 passed back without ∂E/∂Y1; at H1 one reader only.
        let at = |name: &str| Step::Backward(sweep().iter().position(|n| *n == name).unwrap());
        let y1 = step_q(at("y1"), &ex);
        checked += assert_diag(q(&y1, "share-Y1"), hd.yy[0] * (1.0 - hd.yy[0]), Diagnosis::ForgotUpstream)? as usize;
        let h1 = step_q(at("H1"), &ex);
        checked += assert_diag(q(&h1, "upstream-H1"), hd.dy[0] * w[4], Diagnosis::MissingPath)? as usize;

        let up = step_q(Step::Update, &ex);
        let next = q(&up, "next-w21");
        checked += assert_diag(next, w[4] - hd.grad(Param::W21), Diagnosis::ForgotLr)? as usize;
        checked += assert_diag(next, w[4] + LR * hd.grad(Param::W21), Diagnosis::WrongDirection)? as usize;
        checked += assert_diag(next, -LR * hd.grad(Param::W21), Diagnosis::ChangeOnly)? as usize;
        checked += assert_diag(next, w[4], Diagnosis::NoUpdate)? as usize;

        // Rounding: the gradient rounded to two significant digits.
        let g = hd.grad(Param::W21);
        checked += assert_diag(q(&g21, "grad-w21"), cut_text(g, 2, true), Diagnosis::Rounding)? as usize;
        // Something no rule explains.
        checked += assert_diag(q(&g21, "grad-w21"), g * 3.7 + 0.123, Diagnosis::Unknown)? as usize;
        // Tiny gradients (below 1e-4 the tolerance is 1e-6) and σ′ near 0.25 can make a mistake
        // land within the tolerance of the answer or of another mistake; those few are skipped,
        // the rest really checked.
        prop_assert!(checked * 3 >= 24 * 2, "only {} of 24 checked", checked);
    }

    /// The slips issue 20 found unrecognised, each on random examples, with the wrong answer
    /// worked out from tests/common/hand.rs (Param order: w11 w12 w13 w14 w21 w22 w23 w24 b1..b4).
    #[test]
    fn the_named_slips_are_found_on_random_examples(seed in any::<u64>()) {
        let ex = random_example(seed);
        let hd = Hand::of(&ex);
        let (w, x, hh) = (hd.w, hd.x, hd.hh);
        let mut checked = 0;
        let out_sum = step_q(Step::Forward(Stage::OutputSum), &ex);
        // y1 with w22 in place of w23; h1 with w12 in place of w13 (the notes' w12 is x1 → h2).
        checked += assert_diag(q(&out_sum, "value-y1"), w[4] * hh[0] + w[5] * hh[1] + w[10], Diagnosis::WeightIndex)? as usize;
        let sum = step_q(Step::Forward(Stage::HiddenSum), &ex);
        checked += assert_diag(q(&sum, "value-h1"), w[0] * x[0] + w[1] * x[1] + w[8], Diagnosis::WeightIndex)? as usize;
        let g11 = step_q(Step::Grad(Param::W11), &ex);
        // ∂y2/∂H1 is w22; w23 read for it.
        checked += assert_diag(q(&g11, "factor-2-3"), w[6], Diagnosis::WeightIndex)? as usize;
        // σ′ forgotten on a factor: ∂Y1/∂y1 answered as Y1 itself.
        let g21 = step_q(Step::Grad(Param::W21), &ex);
        checked += assert_diag(q(&g21, "factor-1-2"), hd.yy[0], Diagnosis::ForgotSlope)? as usize;
        // The gradient asked, the weight's own value typed.
        checked += assert_diag(q(&g21, "grad-w21"), w[4], Diagnosis::ValueForGradient)? as usize;
        // The path count: two paths to w21 is a miscount, not "recompute the formula".
        prop_assert_eq!(check_choice(q(&g21, "paths-w21"), 1).diagnosis, Diagnosis::PathCount);
        // The sweep's last stop.
        let params = step_q(Step::Backward(sweep().len()), &ex);
        // σ′ forgotten: ∂E/∂Y1 · H1 for w21, ∂E/∂H1 · x1 for w11.
        checked += assert_diag(q(&params, "grad-w21"), hd.d_out[0] * hh[0], Diagnosis::ForgotSlope)? as usize;
        checked += assert_diag(q(&params, "grad-w11"), hd.dbig_h[0] * x[0], Diagnosis::ForgotSlope)? as usize;
        // One path only into H1: through y1 alone.
        checked += assert_diag(q(&params, "grad-w11"), hd.g11_path1(), Diagnosis::MissingPath)? as usize;
        // b3 as δ·H1 (δ of y1 times H1).
        checked += assert_diag(q(&params, "grad-b3"), hd.dy[0] * hh[0], Diagnosis::BiasInput)? as usize;
        // w22's gradient given for w23 (δ of y2 times H1 instead of δ of y1 times H2).
        checked += assert_diag(q(&params, "grad-w23"), hd.dy[1] * hh[0], Diagnosis::WeightIndex)? as usize;
        checked += assert_diag(q(&params, "grad-w24"), w[7], Diagnosis::ValueForGradient)? as usize;
        // Cut to two digits: rounding; cut to three without rounding: truncation.
        let g = hd.grad(Param::W21);
        checked += assert_diag(q(&g21, "grad-w21"), cut_text(g, 2, true), Diagnosis::Rounding)? as usize;
        let (t3, r3) = (cut_text(g, 3, false), cut_text(g, 3, true));
        // Skipped where the cut number is also a rounding to fewer digits (0.019 for 0.019098).
        let rounded = (1..=2).any(|d| cut_text(g, d, true) == t3);
        if t3 != r3 && !rounded {
            checked += assert_diag(q(&g21, "grad-w21"), t3, Diagnosis::Truncation)? as usize;
        }
        // Session 9: a value typed for its derivative on the factor questions (Y1 for
        // ∂Error1/∂Y1, y1 for ∂Y1/∂y1), δ alone for ∂E/∂w21 (H1 left out), x2 for x1 on ∂h1/∂w11.
        checked += assert_diag(q(&g21, "factor-1-1"), hd.yy[0], Diagnosis::ValueForGradient)? as usize;
        checked += assert_diag(q(&g21, "factor-1-2"), hd.y[0], Diagnosis::ValueForGradient)? as usize;
        checked += assert_diag(q(&params, "grad-w21"), hd.dy[0], Diagnosis::MissingFactor)? as usize;
        checked += assert_diag(q(&g11, "factor-1-5"), x[1], Diagnosis::WeightIndex)? as usize;
        prop_assert!(checked * 3 >= 17 * 2, "only {} of 17 checked", checked);
    }

    #[test]
    fn the_node_steps_diagnose_on_their_drawn_inputs(seed in any::<u64>()) {
        let n = NodeInputs::for_seed(Some(seed));
        let [x, y] = n.xy;
        prop_assert!(x != 0.0 && y != 0.0 && x.abs() <= 9.0 && y.abs() <= 9.0);
        let net = Net::new(&Example::worked()).unwrap();
        let mul = questions(Step::MulNode, &net, LR, n);
        // ∂L/∂x = ∂L/∂z · y; with x's own value it is a missed swap, without ∂L/∂z a lost upstream.
        prop_assert!(check_value(q(&mul, "node-grad-x"), n.upstream * y).correct);
        assert_diag(q(&mul, "node-grad-x"), n.upstream * x, Diagnosis::NoSwap)?;
        assert_diag(q(&mul, "node-grad-y"), x, Diagnosis::ForgotUpstream)?;
        let add = questions(Step::AddNode, &net, LR, n);
        prop_assert!(check_value(q(&add, "node-grad-y"), n.upstream).correct);
        assert_diag(q(&add, "node-grad-y"), 1.0, Diagnosis::ForgotUpstream)?;
    }

    #[test]
    fn every_gradient_question_agrees_with_finite_differences(seed in any::<u64>()) {
        let ex = random_example(seed);
        let net = Net::new(&ex).unwrap();
        let mut steps = Sheet::of(&net, LR, Some(seed)).unwrap().steps;
        // Every parameter's chain-rule step, reached by clicking it, asks its gradient too.
        steps.extend(Param::ALL.map(|p| questions(Step::Grad(p), &net, LR, NodeInputs::for_seed(None))));
        for p in Param::ALL {
            let id = format!("grad-{}", p.name());
            let asked = steps.iter().any(|sq| sq.step == Step::Grad(p) && sq.find(&id).is_some());
            prop_assert!(asked, "{} not asked", id);
        }
        for sq in &steps {
            for question in &sq.questions {
                if let (Quantity::Grad(p), Some(exact)) = (&question.quantity, question.exact()) {
                    let e = |d: f64| {
                        let mut shifted = ex;
                        shifted.params[p.index()] += d;
                        Hand::of(&shifted).e
                    };
                    let h = 1e-5;
                    let fd = (e(h) - e(-h)) / (2.0 * h);
                    prop_assert!((fd - exact).abs() < 1e-8, "{:?}: {} vs {}", question.ids, fd, exact);
                }
            }
        }
    }
}

#[test]
fn multiple_choice_questions_use_the_live_numbers() {
    let ex = Example::worked();
    let hd = Hand::of(&ex);
    let g11 = step_q(Step::Grad(Param::W11), &ex);
    // Two paths reach w11 (Error1 and Error2 through H1), one reaches w21.
    let paths = q(&g11, "paths-w11");
    assert!(check_choice(paths, 1).correct);
    assert_eq!(check_choice(paths, 0).diagnosis, Diagnosis::MissingPath);
    assert!(check_choice(q(&step_q(Step::Grad(Param::W21), &ex), "paths-w21"), 0).correct);
    // ∂E/∂w11 / ∂E/∂w21 = σ′(h1) · (x1 / H1) · (∂E/∂H1 / ∂E/∂y1): 0.241, 0.0843, 0.262 by hand,
    // so x1 (choice 1, ∂h1/∂w11) shrinks it most in the worked example.
    let ratios = [hd.hh[0] * (1.0 - hd.hh[0]), hd.x[0] / hd.hh[0], hd.dbig_h[0] / hd.dy[0]];
    assert!((ratios.iter().product::<f64>() - hd.grad(Param::W11) / hd.grad(Param::W21)).abs() < 1e-12);
    let smallest = q(&g11, "smallest-factor");
    assert!(check_choice(smallest, 1).correct);
    let wrong = check_choice(smallest, 0);
    assert_eq!(
        (wrong.diagnosis, wrong.term.as_str()),
        (Diagnosis::NotSmallest, "∂H1/∂h1")
    );
    // w21 and w11 both have positive gradients here, so both go down (choice 1).
    let up = step_q(Step::Update, &ex);
    assert!(check_choice(q(&up, "direction-w21"), 1).correct);
    assert_eq!(
        check_choice(q(&up, "direction-w21"), 0).diagnosis,
        Diagnosis::WrongDirection
    );
    assert_eq!(check_choice(q(&up, "direction-w11"), 2).diagnosis, Diagnosis::NoUpdate);
}

#[test]
fn direction_follows_the_sign_of_the_gradient_on_random_examples() {
    for seed in 0..200u64 {
        let ex = random_example(seed);
        let hd = Hand::of(&ex);
        let up = step_q(Step::Update, &ex);
        let want = if hd.grad(Param::W21) < 0.0 { 0 } else { 1 };
        assert!(check_choice(q(&up, "direction-w21"), want).correct, "seed {seed}");
    }
}

// ---------------------------------------------------------------- ids and values

#[test]
fn the_questions_use_the_ids_the_app_renders() {
    // The page's ids today (src/ui): the chain view's factor-k-j, path-k, path-sum and grad-p,
    // the diagram's value-<node> and upstream-<node>, the update table's next-<p>, the circuit's
    // node-grad-<input>.
    let panel = include_str!("../src/ui/panel.rs");
    assert!(panel.contains(r#"format!("factor-{k}-{}", j + 1)"#));
    assert!(panel.contains(r#"shown_as(format!("path-{k}"))"#));
    assert!(panel.contains(r#"shown_as("path-sum")"#));
    assert!(panel.contains(r#"format!("grad-{p}")"#));
    let diagram = include_str!("../src/ui/diagram.rs");
    assert!(diagram.contains(r#"format!("value-{name}")"#));
    assert!(diagram.contains(r#"format!("upstream-{name}")"#));
    assert!(include_str!("../src/ui/update.rs").contains(r#"format!("next-{}", p.name())"#));
    assert!(include_str!("../src/ui/circuit.rs").contains(r#"format!("node-grad-{}", n.name)"#));

    let ex = Example::worked();
    let all = |sq: &StepQuestions| sq.questions.iter().flat_map(|q| q.ids.clone()).collect::<Vec<_>>();
    // w21: one path of three factors Error1 → Y1 → y1 → w21 (README), so path-1, path-sum and
    // grad-w21 are one number. How many paths is asked first, and listed first.
    let g21 = step_q(Step::Grad(Param::W21), &ex);
    assert_eq!(
        all(&g21),
        [
            "paths-w21",
            "factor-1-1",
            "factor-1-2",
            "factor-1-3",
            "path-1",
            "path-sum",
            "grad-w21"
        ]
    );
    assert_eq!(q(&g21, "path-sum").key(), "path-1");
    // w11: two paths of five factors; ∂H1/∂h1 and ∂h1/∂w11 stand on both.
    let g11 = step_q(Step::Grad(Param::W11), &ex);
    let ids = all(&g11);
    for k in 1..=2 {
        for j in 1..=5 {
            assert!(ids.contains(&format!("factor-{k}-{j}")), "factor-{k}-{j}");
        }
    }
    assert_eq!(q(&g11, "factor-2-4").key(), "factor-1-4");
    assert_eq!(q(&g11, "factor-2-5").key(), "factor-1-5");
    assert_eq!(q(&g11, "grad-w11").key(), "path-sum");
    for (step, names) in [
        (Stage::HiddenSum, ["h1", "h2"]),
        (Stage::HiddenOut, ["H1", "H2"]),
        (Stage::OutputSum, ["y1", "y2"]),
        (Stage::OutputOut, ["Y1", "Y2"]),
    ] {
        let ids = all(&step_q(Step::Forward(step), &ex));
        assert_eq!(ids, names.map(|n| format!("value-{n}")));
    }
    assert_eq!(
        all(&step_q(Step::Error, &ex)),
        ["value-Error1", "value-Error2", "value-E"]
    );
    assert!(all(&step_q(Step::Update, &ex)).starts_with(&["next-w21".into(), "next-w11".into()]));
}

#[test]
fn exact_values_match_the_published_worked_example_and_the_hand_computation() {
    let ex = Example::worked();
    // Published (Mazur 2015, seed README): E = 0.298371109, ∂E/∂w21 = 0.082167041.
    let err = step_q(Step::Error, &ex);
    assert!((q(&err, "value-E").exact().unwrap() - 0.298371109).abs() < 1e-9);
    let g21 = step_q(Step::Grad(Param::W21), &ex);
    assert!((q(&g21, "grad-w21").exact().unwrap() - 0.082167041).abs() < 1e-9);
    let hd = Hand::of(&ex);
    assert!((q(&g21, "factor-1-2").exact().unwrap() - hd.yy[0] * (1.0 - hd.yy[0])).abs() < 1e-15);
    let g11 = step_q(Step::Grad(Param::W11), &ex);
    assert!((q(&g11, "grad-w11").exact().unwrap() - hd.grad(Param::W11)).abs() < 1e-15);
    assert!((q(&g11, "path-1").exact().unwrap() - hd.g11_path1()).abs() < 1e-15);
    // Sweep shares: what y1 and y2 pass back to H1 are ∂E/∂y1 · w21 and ∂E/∂y2 · w22.
    let k = sweep().iter().position(|n| *n == "H1").unwrap();
    let h1 = step_q(Step::Backward(k), &ex);
    assert!((q(&h1, "share-y1").exact().unwrap() - hd.dy[0] * 0.40).abs() < 1e-15);
    assert!((q(&h1, "share-y2").exact().unwrap() - hd.dy[1] * 0.50).abs() < 1e-15);
    assert!((q(&h1, "upstream-H1").exact().unwrap() - hd.dbig_h[0]).abs() < 1e-15);
    // Add and multiply nodes at x = 3, y = −2, ∂L/∂z = 1.5: 1.5, 1.5 and 1.5·(−2), 1.5·3.
    let add = step_q(Step::AddNode, &ex);
    assert_eq!(q(&add, "node-grad-x").exact(), Some(1.5));
    let mul = step_q(Step::MulNode, &ex);
    assert_eq!(q(&mul, "node-grad-x").exact(), Some(-3.0));
    assert_eq!(q(&mul, "node-grad-y").exact(), Some(4.5));
}

// ---------------------------------------------------------------- hidden means hidden

fn ids_of(h: &backprop_lab::practice::Hidden) -> Vec<&str> {
    h.values.iter().map(|v| v.id.as_str()).collect()
}

#[test]
fn a_chain_step_hides_its_questions_the_deltas_the_slope_and_the_nudge_until_solved() {
    let ex = Example::worked();
    let net = Net::new(&ex).unwrap();
    let sq = questions(Step::Grad(Param::W11), &net, LR, NodeInputs::for_seed(None));
    let none = hidden(&sq, &net, LR, &|_| false);
    let ids = ids_of(&none);
    for id in ["factor-1-1", "factor-2-4", "path-1", "path-2", "path-sum", "grad-w11"] {
        assert!(ids.contains(&id), "{id}");
    }
    // ∂E/∂y1 = factor-1-1 · factor-1-2 (a δ): hidden while the chain is asked.
    assert!(ids.contains(&"upstream-y1") && ids.contains(&"delta-y1"));
    assert_eq!(none.nudge, [Param::W11]);
    assert!(none.sigmoid_slopes.contains(&"h1"));
    assert_eq!(none.path_count, Some(Param::W11));
    // The givens (x1, w21, Y1, t1, ...) stay: no hidden id is a given; a factor that is read off
    // a given (∂h1/∂w11 = x1) says which.
    for (given, _) in &sq.givens {
        assert!(!ids.contains(&given.as_str()), "{given}");
    }
    let x1 = none.values.iter().find(|v| v.id == "factor-1-5").unwrap();
    assert_eq!(x1.read_off.as_deref(), Some("value-x1"));
    // The digits a page search looks for, in the display format: ∂E/∂w11 = 0.000438568 by hand.
    let digits = none.digits(&|_, v| short(v));
    let hd = Hand::of(&ex);
    assert!(digits.iter().any(|(_, d)| *d == short(hd.grad(Param::W11))));
    assert!(!digits.iter().any(|(_, d)| *d == short(0.05)), "x1 is a given");

    // Solving σ′(h1) frees its chart slope; solving ∂E/∂w11 frees the nudge.
    let some = hidden(&sq, &net, LR, &|k| k == "factor-1-4" || k == "path-sum");
    assert!(!some.sigmoid_slopes.contains(&"h1"));
    assert!(some.nudge.is_empty());
    assert!(!some.hides("grad-w11") && !some.hides("factor-2-4"));
    assert!(some.hides("path-1"));
    // Everything solved: nothing hidden.
    let all = hidden(&sq, &net, LR, &|_| true);
    assert!(all.values.is_empty() && all.nudge.is_empty() && all.sigmoid_slopes.is_empty());
    assert_eq!(all.path_count, None);
}

#[test]
fn other_steps_hide_what_follows_from_their_questions() {
    let ex = Example::worked();
    let net = Net::new(&ex).unwrap();
    let nodes = NodeInputs::for_seed(None);
    let open = |step| hidden(&questions(step, &net, LR, nodes), &net, LR, &|_| false);
    // The hidden sums: h1, h2 asked; H, y, Y, errors still to come; biases are inputs.
    let h = open(Step::Forward(Stage::HiddenSum));
    assert!(h.hides("value-h1") && h.hides("value-H1") && h.hides("value-E"));
    assert!(!h.hides("value-b3") && !h.hides("value-x1"));
    assert_eq!(h.values.iter().find(|v| v.id == "value-H1").unwrap().why, Why::Depends);
    // Y1 asked: the sigmoid chart's point and slope at y1 give it away.
    let y = open(Step::Forward(Stage::OutputOut));
    assert!(y.sigmoid_points.contains(&"y1") && y.sigmoid_slopes.contains(&"y1"));
    // The update: η·∂E/∂w21 beside the old value is next-w21 by one subtraction.
    let u = open(Step::Update);
    assert!(u.hides("next-w21") && u.hides("scaled-w21") && u.hides("error-after"));
    assert!(!u.hides("scaled-w22") && !u.hides("grad-w21") && !u.hides("old-w21"));
    let sq = questions(Step::Update, &net, LR, nodes);
    let half = hidden(&sq, &net, LR, &|k| k == "next-w21");
    assert!(!half.hides("scaled-w21") && half.hides("scaled-w11") && half.hides("error-after"));
    // A sweep stop: the SweepList line and δ of the node equal the asked upstream.
    let k = sweep().iter().position(|n| *n == "y1").unwrap();
    let s = open(Step::Backward(k));
    for id in ["share-Y1", "upstream-y1", "sweep-y1", "delta-y1"] {
        assert!(s.hides(id), "{id}");
    }
    assert!(!s.hides("upstream-Y1"), "the upstream of Y1 is the input of this stop");
    // The add node's input gradients equal its given upstream: read off, not searched for.
    let a = open(Step::AddNode);
    assert!(a.values.iter().all(|v| v.read_off.as_deref() == Some("node-grad-z")));
    assert!(a.digits(&|_, v| short(v)).is_empty());
}

#[test]
fn distinctive_digits_have_three_significant_figures() {
    assert!(distinctive("0.082167"));
    assert!(distinctive("-0.000438"));
    assert!(!distinctive("1"));
    assert!(!distinctive("0.5"));
    assert!(!distinctive("-45"));
    assert!(distinctive("4.3857e-4"));
}

// ---------------------------------------------------------------- progress

#[test]
fn progress_round_trips_and_counts() {
    let ex = random_example(42);
    let key = example_key(Some(42), &ex, LR);
    assert_eq!(key, "s42");
    let mut p = Progress::default();
    p.solve(&key, "grad-w21", "factor-1-1");
    p.solve(&key, "grad-w21", "path-1");
    p.solve(&key, "grad-w21", "path-1");
    p.solve("s7", "update", "next-w21");
    let text = p.to_text();
    assert_eq!(Progress::from_text(&text), p);
    assert!(text.len() < 80, "{text}");
    let sheet = Sheet::for_seed(Some(42)).unwrap();
    let (solved, total) = p.count(&key, &sheet.steps);
    // ∂E/∂w21 and ∂E/∂w11 (their chain-rule steps and backward-params) and ∂Error1/∂Y1,
    // ∂Y1/∂y1 (factors of both chains) are asked twice and count once (docs/practice.md).
    assert_eq!((solved, total), (2, sheet.len() - 4));
    let g21 = sheet.steps.iter().find(|s| s.step == Step::Grad(Param::W21)).unwrap();
    assert_eq!(p.count_step(&key, g21), (2, 5));
    p.reset(&key);
    assert_eq!(p.count(&key, &sheet.steps).0, 0);
    assert!(p.is_solved("s7", "update", "next-w21"));
}

#[test]
fn progress_survives_garbage() {
    let good = "p1|s3:grad-w21/path-1";
    for text in [
        "",
        "garbage",
        "p1",
        "p1|",
        "p1||||",
        "p1|s1",
        "p1|s1:",
        "p1|:a/b",
        "p1|s1:a/b/c,,/,x/,/y",
        "p2|s1:a/b",
        "p1|s1:<script>/b",
        "p1|s1:グ/b",
        "{\"json\":true}",
    ] {
        let p = Progress::from_text(text);
        assert!(
            p.to_text().len() <= "p1|s1:a/b".len().max(2),
            "{text:?} -> {}",
            p.to_text()
        );
        assert!(!p.is_solved("s1", "a", "b/c"));
    }
    let mixed = Progress::from_text(&format!("{good},x/<y>,|s4:%%%|s5:update/next-w11"));
    assert!(mixed.is_solved("s3", "grad-w21", "path-1"));
    assert!(mixed.is_solved("s5", "update", "next-w11"));
    assert!(!mixed.is_solved("s3", "x", "<y>"));
    let huge = "p1|".to_string() + &"s1:a/b|".repeat(20_000);
    assert_eq!(Progress::from_text(&huge), Progress::default());
    // Many examples: only the most recent are kept.
    let mut p = Progress::default();
    for k in 0..100 {
        p.solve(&format!("s{k}"), "error", "value-E");
    }
    assert!(p.is_solved("s99", "error", "value-E") && !p.is_solved("s0", "error", "value-E"));
}

/// "Show answer" shows the number but is not counted; a later merge with a tab that solved it
/// counts it; the old format (p1 without `/r`) still loads.
#[test]
fn a_revealed_answer_is_shown_but_not_counted() {
    let sheet = Sheet::for_seed(Some(42)).unwrap();
    let mut p = Progress::default();
    p.reveal("s42", "grad-w21", "factor-1-1");
    p.solve("s42", "grad-w21", "factor-1-2");
    assert!(p.is_done("s42", "grad-w21", "factor-1-1") && !p.is_solved("s42", "grad-w21", "factor-1-1"));
    assert_eq!(p.count("s42", &sheet.steps).0, 1);
    assert_eq!(p.count_revealed("s42", &sheet.steps), 1);
    assert_eq!(Progress::from_text(&p.to_text()), p);
    // Another tab solved what this one revealed: solved wins, in either order.
    let mut other = Progress::default();
    other.solve("s42", "grad-w21", "factor-1-1");
    for m in [p.merge(&other), other.merge(&p)] {
        assert!(m.is_solved("s42", "grad-w21", "factor-1-1") && !m.is_revealed("s42", "grad-w21", "factor-1-1"));
        assert_eq!(m.count("s42", &sheet.steps).0, 2);
    }
    let old = Progress::from_text("p1|s42:grad-w21/factor-1-1,error/value-E");
    assert!(old.is_solved("s42", "error", "value-E"));
}

/// Two tabs of one example: what either solved survives the other's write.
#[test]
fn merged_progress_keeps_what_either_tab_solved() {
    let mut a = Progress::default();
    let mut b = Progress::default();
    a.solve("s7", "error", "value-E");
    b.solve("s7", "grad-w21", "path-1");
    b.solve("s9", "error", "value-E1");
    // Tab a wrote first; tab b merges the stored text before writing.
    let stored = Progress::from_text(&a.to_text());
    let written = b.merge(&stored);
    assert!(written.is_solved("s7", "error", "value-E"));
    assert!(written.is_solved("s7", "grad-w21", "path-1"));
    assert!(written.is_solved("s9", "error", "value-E1"));
    // The merging tab's examples are the most recent, in its order.
    assert!(
        written.to_text().ends_with("|s9:error/value-E1"),
        "{}",
        written.to_text()
    );
}

/// Every question of the lesson and of all twelve chain-rule steps solved on 32 examples: the
/// full text is over what is read back (64 KB), and the writer leaves out the oldest examples
/// until it fits; what it writes reads back with the most recent example whole.
#[test]
fn stored_progress_stays_within_what_is_read_back() {
    use backprop_lab::practice::progress::{MAX_EXAMPLES, MAX_LEN, MAX_WRITE};
    let mut p = Progress::default();
    let mut last = (String::new(), 0);
    for seed in 0..MAX_EXAMPLES as u64 {
        let ex = random_example(seed);
        let net = Net::new(&ex).unwrap();
        let key = example_key(Some(seed), &ex, LR);
        let mut steps = Sheet::of(&net, LR, Some(seed)).unwrap().steps;
        steps.extend(Param::ALL.map(|p| questions(Step::Grad(p), &net, LR, NodeInputs::for_seed(None))));
        for sq in &steps {
            for question in &sq.questions {
                p.solve(&key, &sq.step.slug(), question.key());
            }
        }
        let total: usize = steps.iter().map(|s| s.questions.len()).sum();
        last = (key, total);
    }
    assert_eq!(p.len(), MAX_EXAMPLES);
    assert!(
        p.to_text().len() > MAX_LEN,
        "{} bytes: not at the limit",
        p.to_text().len()
    );
    let (text, dropped) = p.bounded_text();
    assert!(text.len() <= MAX_WRITE && MAX_WRITE <= MAX_LEN);
    assert!(dropped > 0 && dropped < MAX_EXAMPLES, "{dropped}");
    let back = Progress::from_text(&text);
    assert_eq!(back.len(), MAX_EXAMPLES - dropped);
    assert!(!back.is_solved("s0", "error", "value-E"), "the oldest goes first");
    let sheet = Sheet::for_seed(Some(31)).unwrap();
    let (solved, total) = back.count(&last.0, &sheet.steps);
    assert_eq!(solved, total);
    // Under the bound nothing is left out.
    let (small, none) = back.bounded_text();
    assert_eq!((small, none), (text, 0));
}

#[test]
fn the_example_key_follows_the_numbers() {
    let ex = random_example(9);
    assert_eq!(example_key(Some(9), &ex, LR), "s9");
    let mut edited = ex;
    edited.params[0] += 0.01;
    let k = example_key(Some(9), &edited, LR);
    assert!(k.starts_with('v'));
    assert_eq!(k, example_key(None, &edited, LR));
    assert_ne!(k, example_key(None, &ex, LR));
    assert_ne!(example_key(Some(9), &ex, 0.3), "s9");
}

// ---------------------------------------------------------------- sheet and seeds

#[test]
fn the_answer_sheet_follows_the_notes_order() {
    let sheet = Sheet::for_seed(Some(5)).unwrap();
    let slugs: Vec<String> = sheet.steps.iter().map(|s| s.step.slug()).collect();
    let at = |slug: &str| slugs.iter().position(|s| s == slug).unwrap_or_else(|| panic!("{slug}"));
    assert!(at("forward-hidden-sum") < at("forward-output-out"));
    assert!(at("forward-output-out") < at("error"));
    assert!(at("error") < at("grad-w21") && at("grad-w21") < at("grad-w11"));
    assert!(at("grad-w11") < at("backward") && at("backward-params") < at("update"));
    assert!(at("update") < at("add-node") && at("add-node") < at("mul-node"));
    // Every question has an answer: a finite number or a valid choice.
    for sq in &sheet.steps {
        for question in &sq.questions {
            match &question.answer {
                Answer::Value { exact, .. } => assert!(exact.is_finite()),
                Answer::Choice { choices, correct } => assert!(*correct < choices.len()),
            }
        }
    }
    assert_eq!(Sheet::for_seed(Some(5)).unwrap(), sheet);
}

#[test]
fn a_new_seed_is_fresh_short_and_reproducible() {
    for entropy in [0u64, 1, 1_733_000_000_000, u64::MAX] {
        for current in [None, Some(0), Some(1), Some(999_999), Some(u64::MAX)] {
            let s = next_seed(current, entropy);
            assert!((1..=999_999).contains(&s));
            assert_ne!(Some(s), current);
            assert_eq!(s, next_seed(current, entropy));
        }
    }
    assert_ne!(next_seed(Some(5), 1), next_seed(Some(5), 2));
    // Different seeds give different node inputs somewhere.
    let drawn: std::collections::HashSet<String> = (0..50)
        .map(|k| format!("{:?}", NodeInputs::for_seed(Some(k))))
        .collect();
    assert!(drawn.len() > 40);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_step_hides_a_given_and_only_read_off_answers_equal_one(seed in any::<u64>()) {
        let ex = random_example(seed);
        let net = Net::new(&ex).unwrap();
        let sheet = Sheet::of(&net, LR, Some(seed)).unwrap();
        for sq in &sheet.steps {
            let h = hidden(sq, &net, LR, &|_| false);
            for (given, value) in &sq.givens {
                prop_assert!(value.is_finite(), "{} on {}", given, sq.step.slug());
                prop_assert!(!h.hides(given), "{} hidden on {}", given, sq.step.slug());
            }
            for v in &h.values {
                let equal = sq.givens.iter().any(|(_, g)| *g == v.value);
                prop_assert_eq!(equal && v.why == Why::Asked, v.read_off.is_some(), "{} on {}", v.id, sq.step.slug());
            }
            // Solving every question leaves nothing hidden.
            let all = hidden(sq, &net, LR, &|_| true);
            prop_assert!(all.values.is_empty() && all.nudge.is_empty() && all.path_count.is_none());
        }
    }
}

#[test]
fn every_hint_points_at_its_term_in_both_languages() {
    use backprop_lab::i18n::{practice::practice, Lang};
    let general = [
        Diagnosis::Correct,
        Diagnosis::Sign,
        Diagnosis::Rounding,
        Diagnosis::Truncation,
        Diagnosis::Unknown,
    ];
    for lang in [Lang::Ko, Lang::En] {
        let p = practice(lang);
        for d in Diagnosis::ALL {
            let text = p.hint(d, "∂Y1/∂y1");
            assert!(!text.is_empty());
            assert_eq!(text.contains("∂Y1/∂y1"), !general.contains(&d), "{lang:?} {}", d.key());
            assert_eq!(Diagnosis::from_key(d.key()), Some(d));
        }
    }
    assert!(practice(Lang::Ko)
        .hints
        .iter()
        .all(|h| h.chars().any(|c| ('가'..='힣').contains(&c))));
}

/// A SCORM package's questions (`practice::scorm::Asked`): the forward pass and the errors are
/// the eleven ids docs/lessons.md lists for those steps, each under its step's slug, on the
/// worked example's key; a range that runs backwards, or names a step outside the sequence
/// (grad-w13 is reached by a click), is refused; the whole lesson's longest progress text fits
/// SCORM 1.2's cmi.suspend_data (4,096 characters), and it is a text progress reads back whole.
#[test]
fn scorm_range_asks_the_documented_questions_and_fits_suspend_data() {
    use backprop_lab::practice::scorm::Asked;
    let step = |s: &str| Step::from_slug(s).unwrap();
    let asked = Asked::of(step("forward-hidden-sum"), step("error"), None)
        .unwrap()
        .unwrap();
    // docs/lessons.md, "Forward pass" and "Errors": the last column of those five rows.
    let want = [
        "forward-hidden-sum/value-h1",
        "forward-hidden-sum/value-h2",
        "forward-hidden-out/value-H1",
        "forward-hidden-out/value-H2",
        "forward-output-sum/value-y1",
        "forward-output-sum/value-y2",
        "forward-output-out/value-Y1",
        "forward-output-out/value-Y2",
        "error/value-Error1",
        "error/value-Error2",
        "error/value-E",
    ];
    assert_eq!(asked.entries, want);
    assert_eq!(asked.example, example_key(None, &Example::worked(), LR));
    let seeded = Asked::of(step("forward-hidden-sum"), step("error"), Some(7))
        .unwrap()
        .unwrap();
    assert_eq!(seeded.example, "s7");
    assert!(Asked::of(step("error"), step("forward-hidden-sum"), None)
        .unwrap()
        .is_none());
    assert!(Asked::of(step("forward"), step("grad-w13"), None).unwrap().is_none());
    // The first and last steps that ask: every question of the answer sheet.
    let all = Asked::of(step("forward"), step("playground"), Some(42))
        .unwrap()
        .unwrap();
    assert_eq!(all.entries.len(), Sheet::for_seed(Some(42)).unwrap().len());
    let longest = all.longest_text();
    assert!(longest.len() <= 4096, "{} characters", longest.len());
    let back = Progress::from_text(&longest);
    for e in &all.entries {
        let (slug, key) = e.split_once('/').unwrap();
        assert!(back.is_revealed(&all.example, slug, key), "{e}");
    }
}
