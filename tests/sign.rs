//! Native tests of why an output weight's gradient has its sign: the case follows where Y stands against t, for both signs, on target and saturated, and each case has its own sentence saying the right direction.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::{Sign, SignCase};
use backprop_lab::net::{Example, Net, Param};

fn with_t1(t1: f64) -> Net {
    let mut ex = Example::worked();
    ex.t[0] = t1;
    Net::new(&ex).unwrap()
}

#[test]
fn the_sign_follows_where_y1_stands_against_t1() {
    // Worked example: Y1 = 0.75136507 (Mazur 2015) above t1 = 0.01, so dE/dw21 > 0; the update
    // moves w21 by 0.5 · 0.082167041 (Mazur: w5 0.40 -> 0.35891648).
    let high = Sign::of(&with_t1(0.01), Param::W21, 0.5).unwrap();
    assert_eq!(high.case, SignCase::TooHigh);
    assert!((high.out - 0.75136507).abs() < 1e-8 && high.goal == 0.01);
    assert!((high.diff - (0.75136507 - 0.01)).abs() < 1e-8);
    assert!(high.grad > 0.0 && high.slope > 0.0 && high.input > 0.0);
    assert!((high.amount - (0.40 - 0.35891648)).abs() < 1e-8);
    // t1 = 0.99 lies above Y1: the output is too low, the gradient negative.
    let low = Sign::of(&with_t1(0.99), Param::W21, 0.5).unwrap();
    assert_eq!(low.case, SignCase::TooLow);
    assert!(low.diff < 0.0 && low.grad < 0.0 && low.amount > 0.0);
    // t1 set to Y1 itself: no error, no gradient, no move.
    let y1 = with_t1(0.01).value("Y1");
    let on = Sign::of(&with_t1(y1), Param::W21, 0.5).unwrap();
    assert_eq!(on.case, SignCase::OnTarget);
    assert_eq!((on.diff, on.grad, on.amount), (0.0, 0.0, 0.0));
    // The other output weights tell the same story with their own names; others have none.
    let w24 = Sign::of(&with_t1(0.01), Param::W24, 0.5).unwrap();
    assert_eq!(w24.names, ["Error2", "Y2", "t2", "y2", "H2"]);
    // Y2 = 0.772928465 (Mazur 2015) below t2 = 0.99: too low.
    assert_eq!(w24.case, SignCase::TooLow);
    assert!(Sign::of(&with_t1(0.01), Param::W11, 0.5).is_none());
    assert!(Sign::of(&with_t1(0.01), Param::B3, 0.5).is_none());
}

#[test]
fn a_saturated_output_reads_as_flat_not_as_a_sign() {
    // y1 = 0.4 H1 + 0.45 H2 + 800: Y1 rounds to 1, so σ′(y1) = 0 while Y1 − t1 = 0.99.
    let mut ex = Example::worked();
    ex.params[Param::B3.index()] = 800.0;
    let net = Net::new(&ex).unwrap();
    let s = Sign::of(&net, Param::W21, 0.5).unwrap();
    assert_eq!(s.case, SignCase::Flat);
    assert!(s.diff > 0.0 && s.grad == 0.0);
}

#[test]
fn each_case_has_its_own_sentence_saying_the_right_direction() {
    for lang in [Lang::En, Lang::Ko] {
        let s = lang.strings();
        let all = [s.sign_too_high, s.sign_too_low, s.sign_on_target, s.sign_flat];
        for (i, a) in all.iter().enumerate() {
            assert!(
                all[i + 1..].iter().all(|b| a != b),
                "{lang:?}: two cases share a sentence"
            );
        }
    }
    let (en, ko) = (Lang::En.strings(), Lang::Ko.strings());
    assert!(en.sign_too_high.contains("too high") && en.sign_too_high.contains("lowers {p}"));
    assert!(en.sign_too_low.contains("too low") && en.sign_too_low.contains("raises {p}"));
    assert!(ko.sign_too_high.contains("양수") && ko.sign_too_high.contains("줄입니다"));
    assert!(ko.sign_too_low.contains("음수") && ko.sign_too_low.contains("늘립니다"));
}
