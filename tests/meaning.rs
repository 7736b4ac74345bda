//! Native tests of what a gradient means: the nudge against independent finite differences, the sign sentence's case for both signs, which steps carry the notes' slip, each parameter's role and text, and the update's weights-only error against the published worked example.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::i18n::meaning::{fill_role, meaning, slots, Slot};
use backprop_lab::i18n::Lang;
use backprop_lab::lesson::{
    path_count, slip_of, Nudge, ParamKind, Role, Sign, SignCase, Slip, Step, Update, DELTA, PUBLISHED_ERROR_AFTER,
};
use backprop_lab::net::{Example, Net, Param};

/// E of the 2-2-2 network written out by hand, independent of the app's graph: the notes' wiring
/// (h1 = w11 x1 + w13 x2 + b1, h2 = w12 x1 + w14 x2 + b2, y1 = w21 H1 + w23 H2 + b3,
/// y2 = w22 H1 + w24 H2 + b4, Error_k = ½ (t_k − Y_k)²).
fn error_by_hand(ex: &Example) -> f64 {
    let s = |z: f64| 1.0 / (1.0 + (-z).exp());
    let [w11, w12, w13, w14, w21, w22, w23, w24, b1, b2, b3, b4] = ex.params;
    let [x1, x2] = ex.x;
    let (h1, h2) = (s(w11 * x1 + w13 * x2 + b1), s(w12 * x1 + w14 * x2 + b2));
    let (y1, y2) = (s(w21 * h1 + w23 * h2 + b3), s(w22 * h1 + w24 * h2 + b4));
    0.5 * (ex.t[0] - y1).powi(2) + 0.5 * (ex.t[1] - y2).powi(2)
}

fn moved(ex: &Example, p: Param, by: f64) -> Example {
    let mut out = *ex;
    out.params[p.index()] += by;
    out
}

/// A small deterministic generator (splitmix64) for random examples.
fn examples(n: usize) -> Vec<Example> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) as f64 / u64::MAX as f64) * 2.0 - 1.0
    };
    let mut out = vec![Example::worked()];
    for _ in 0..n {
        out.push(Example {
            x: [next(), next()],
            t: [0.5 + 0.5 * next(), 0.5 + 0.5 * next()],
            params: std::array::from_fn(|_| 2.0 * next()),
        });
    }
    out
}

#[test]
fn the_nudge_agrees_with_independent_finite_differences_to_second_order() {
    for ex in examples(40) {
        let net = Net::new(&ex).unwrap();
        for p in Param::ALL {
            let n = Nudge::of(&net, p);
            assert_eq!(n.delta, DELTA);
            // Observed: the hand-written forward pass at p + Δ and at p.
            let observed = error_by_hand(&moved(&ex, p, DELTA)) - error_by_hand(&ex);
            assert!(
                (n.observed - observed).abs() < 1e-13,
                "{p:?}: {} vs {observed}",
                n.observed
            );
            // Predicted: a central finite difference of the hand-written E, times Δ.
            let h = 1e-5;
            let slope = (error_by_hand(&moved(&ex, p, h)) - error_by_hand(&moved(&ex, p, -h))) / (2.0 * h);
            assert!((n.predicted - slope * DELTA).abs() < 1e-11, "{p:?}");
            // The gap between them is of second order: ½ E'' Δ², with E'' a second difference of
            // the hand-written E, up to a third-order rest.
            let h2 = 1e-4;
            let curve = (error_by_hand(&moved(&ex, p, h2)) - 2.0 * error_by_hand(&ex)
                + error_by_hand(&moved(&ex, p, -h2)))
                / (h2 * h2);
            let gap = n.observed - n.predicted;
            let second = 0.5 * curve * DELTA * DELTA;
            // The rest is third order: below 0.05 Δ³ on these examples (the largest seen is 0.016 Δ³).
            assert!(
                (gap - second).abs() < 0.05 * DELTA.powi(3),
                "{p:?}: gap {gap}, ½E''Δ² {second}"
            );
        }
    }
}

#[test]
fn the_worked_examples_nudge_of_w21_matches_the_published_gradient() {
    let net = Net::new(&Example::worked()).unwrap();
    let n = Nudge::of(&net, Param::W21);
    // Mazur (2015): dE/dw5 = 0.082167041 (w5 is w21), so the prediction is 0.00082167041.
    assert!((n.predicted - 0.082167041 * 0.01).abs() < 1e-11);
    // Python, independently: E(w21 = 0.41) − E(0.40) = 0.000821056848 (same wiring, float64).
    assert!((n.observed - 0.000821056848).abs() < 1e-12);
}

fn with_t1(t1: f64) -> Net {
    let mut ex = Example::worked();
    ex.t[0] = t1;
    Net::new(&ex).unwrap()
}

#[test]
fn the_sign_sentence_follows_where_y1_stands_against_t1() {
    // Worked example: Y1 = 0.75136507 (Mazur 2015) above t1 = 0.01, so dE/dw21 > 0.
    let high = Sign::of(&with_t1(0.01), Param::W21, 0.5).unwrap();
    assert_eq!(high.case, SignCase::TooHigh);
    assert!(high.diff > 0.0 && high.grad > 0.0 && high.slope > 0.0 && high.input > 0.0);
    assert!((high.amount - 0.5 * 0.082167041).abs() < 1e-9);
    // t1 = 0.99 lies above Y1: the output is too low, the gradient negative.
    let low = Sign::of(&with_t1(0.99), Param::W21, 0.5).unwrap();
    assert_eq!(low.case, SignCase::TooLow);
    assert!(low.diff < 0.0 && low.grad < 0.0 && low.amount > 0.0);
    // t1 set to Y1 itself: no error, no gradient, no move.
    let y1 = with_t1(0.01).value("Y1");
    let on = Sign::of(&with_t1(y1), Param::W21, 0.5).unwrap();
    assert_eq!(on.case, SignCase::OnTarget);
    assert_eq!((on.diff, on.grad, on.amount), (0.0, 0.0, 0.0));
    // Each case has its own sentence, and it says the right direction.
    for lang in [Lang::En, Lang::Ko] {
        let m = meaning(lang);
        let all = [SignCase::TooHigh, SignCase::TooLow, SignCase::OnTarget, SignCase::Flat].map(|c| m.sign(c));
        for (i, a) in all.iter().enumerate() {
            assert!(
                all[i + 1..].iter().all(|b| a != b),
                "{lang:?}: two cases share a sentence"
            );
        }
    }
    let en = meaning(Lang::En);
    assert!(en.sign(high.case).contains("too high") && en.sign(high.case).contains("lowers {p}"));
    assert!(en.sign(low.case).contains("too low") && en.sign(low.case).contains("raises {p}"));
    let ko = meaning(Lang::Ko);
    assert!(ko.sign(high.case).contains("양수") && ko.sign(high.case).contains("줄입니다"));
    assert!(ko.sign(low.case).contains("음수") && ko.sign(low.case).contains("늘립니다"));
    // Only output weights get the story.
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
fn the_slip_note_is_on_the_w11_chain_and_the_update_only() {
    assert_eq!(slip_of(Step::Grad(Param::W11)), Some(Slip::W11Chain));
    assert_eq!(slip_of(Step::Update), Some(Slip::UpdateFormula));
    for p in Param::ALL.into_iter().filter(|&p| p != Param::W11) {
        assert_eq!(slip_of(Step::Grad(p)), None, "{p:?}");
    }
    for step in Step::sequence() {
        let expected = matches!(step, Step::Grad(Param::W11) | Step::Update);
        assert_eq!(slip_of(step).is_some(), expected, "{}", step.slug());
    }
    // Each note quotes what the notes wrote.
    for lang in [Lang::En, Lang::Ko] {
        let chain = lang.strings().slip_note;
        for quoted in ["∂y1/∂w21", "∂w21/∂H1", "∂y1/∂H1 = w21", "Propagation of Error", "δ"] {
            assert!(chain.contains(quoted), "{lang:?}: {quoted}");
        }
        let update = meaning(lang).slip_update;
        assert!(update.contains("∂Error1/∂W21 + ∂Error2/∂W21") && update.contains("∂Error1/∂w11 + ∂Error2/∂w11"));
    }
}

#[test]
fn each_parameter_has_its_role_and_path_count() {
    // By the notes' wiring: an output parameter reaches one error, a hidden one both.
    for p in Param::ALL {
        let role = Role::of(p);
        let expected = match p {
            Param::W21 | Param::W22 | Param::W23 | Param::W24 => ParamKind::OutputWeight,
            Param::W11 | Param::W12 | Param::W13 | Param::W14 => ParamKind::HiddenWeight,
            Param::B3 | Param::B4 => ParamKind::OutputBias,
            Param::B1 | Param::B2 => ParamKind::HiddenBias,
        };
        assert_eq!(role.kind, expected, "{p:?}");
        let paths = if matches!(expected, ParamKind::OutputWeight | ParamKind::OutputBias) {
            1
        } else {
            2
        };
        assert_eq!(path_count(p), paths, "{p:?}");
    }
    let w23 = Role::of(Param::W23);
    assert_eq!((w23.input, w23.sum, w23.act), (Some("H2"), "y1", "Y1"));
    assert_eq!(
        (w23.error().as_deref(), w23.target().as_deref()),
        (Some("Error1"), Some("t1"))
    );
    let w14 = Role::of(Param::W14);
    assert_eq!((w14.input, w14.sum, w14.act), (Some("x2"), "h2", "H2"));
    assert_eq!(Role::of(Param::B1).input, None);
}

#[test]
fn chain_texts_differ_by_kind_and_every_key_is_filled() {
    for lang in [Lang::En, Lang::Ko] {
        let m = meaning(lang);
        let mut seen = Vec::new();
        for p in Param::ALL {
            let role = Role::of(p);
            let text = fill_role(m.grad_body(role.kind), &role);
            assert!(!text.contains('{'), "{lang:?} {p:?}: {text}");
            assert!(text.contains(p.name()) && text.contains(role.sum) && text.contains(&role.paths.to_string()));
            if let Some(input) = role.input {
                assert!(text.contains(input), "{p:?}");
            }
            seen.push(text);
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 12, "{lang:?}: every parameter's text is its own");
    }
}

#[test]
fn number_slots_split_in_order() {
    assert_eq!(
        slots("a {#x} b {#y}"),
        vec![Slot::Text("a "), Slot::Num("x"), Slot::Text(" b "), Slot::Num("y")]
    );
    assert_eq!(slots("{#x}"), vec![Slot::Num("x")]);
    assert_eq!(slots("no slot {p}"), vec![Slot::Text("no slot {p}")]);
}

#[test]
fn the_update_with_biases_held_is_the_corrected_published_figure() {
    let net = Net::new(&Example::worked()).unwrap();
    let u = Update::of(&net, 0.5);
    assert!(u.published);
    // shared/seed/README.md: the correct E after one step with the biases frozen is 0.291027774
    // (the published 0.291027924 came from a script with a known slip).
    assert!((u.error_weights_only.clone().unwrap() - 0.291027774).abs() < 1e-9);
    assert!((PUBLISHED_ERROR_AFTER - 0.291027924).abs() < 1e-12);
    // With the biases moved too (the hand-written E at every parameter − 0.5 · central difference):
    // an independent computation of the full step.
    let ex = Example::worked();
    let mut next = ex;
    for p in Param::ALL {
        let h = 1e-6;
        let slope = (error_by_hand(&moved(&ex, p, h)) - error_by_hand(&moved(&ex, p, -h))) / (2.0 * h);
        next.params[p.index()] -= 0.5 * slope;
    }
    assert!((u.error_after.clone().unwrap() - error_by_hand(&next)).abs() < 1e-9);
    // Another learning rate or other values: not the published step.
    assert!(!Update::of(&net, 0.4).published);
    assert!(!Update::of(&with_t1(0.5), 0.5).published);
}
