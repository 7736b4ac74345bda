//! Native tests of what a gradient means: the nudge of every parameter against independent finite differences and the published worked example.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lesson::{Nudge, DELTA};
use backprop_lab::math::formulas;
use backprop_lab::net::{Example, Net, Param};

#[path = "common/hand.rs"]
#[allow(dead_code)]
mod hand;
use hand::Hand;

/// E of the 2-2-2 network worked out by hand (tests/common/hand.rs), independent of the app's graph.
fn error_by_hand(ex: &Example) -> f64 {
    Hand::of(ex).e
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

#[test]
fn the_nudge_formulas_carry_their_ids_and_the_models_numbers() {
    let net = Net::new(&Example::worked()).unwrap();
    let n = Nudge::of(&net, Param::W13);
    let list = formulas::nudge(&n, net.value("E"));
    let shown: Vec<(Option<&str>, Option<f64>)> = list.iter().map(|f| (f.result_id.as_deref(), f.result)).collect();
    assert_eq!(
        shown,
        vec![
            (Some("nudge-delta"), Some(DELTA)),
            (Some("nudge-predicted-w13"), Some(n.predicted)),
            (Some("nudge-observed-w13"), Some(n.observed)),
        ]
    );
}
