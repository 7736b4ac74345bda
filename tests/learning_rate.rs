//! Native tests of the update, the descent step and training at learning rates other than 0.5, against the independent closed-form reference.
//!
//! Every native test elsewhere uses Mazur's lr 0.5, so an update that ignored the chosen rate
//! (or used 0.5 whatever it was) would pass them all. Here the app's Net, Update, Descent and
//! Trainer are compared with tests/e2e/reference.rs, which shares no code with the app (its own
//! sigmoid, forward pass, hand-derived gradients and SGD loop), at several rates and start points.

#[allow(dead_code)]
#[path = "e2e/reference.rs"]
mod reference;

use backprop_lab::lesson::{Descent, Update};
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::train::Trainer;
use reference::MAZUR;

/// Rates around and far from 0.5: the slider's ends (0.01, 5), values in between, and the typed
/// limit's neighbourhood (lr may be typed up to 100).
const RATES: [f64; 6] = [0.01, 0.1, 0.3, 1.0, 2.5, 37.0];

fn to_example(r: &reference::Net) -> Example {
    Example {
        x: [r.x1, r.x2],
        t: [r.t1, r.t2],
        params: params(r),
    }
}

fn params(r: &reference::Net) -> [f64; 12] {
    [
        r.w11, r.w12, r.w13, r.w14, r.w21, r.w22, r.w23, r.w24, r.b1, r.b2, r.b3, r.b4,
    ]
}

/// Start points: Mazur's example and one with mixed signs and other inputs and targets (the
/// parameters drawn by seed 7, written out in tests/query.rs, with x = (1, -0.5), t = (0.8, 0.2)).
fn starts() -> [reference::Net; 2] {
    #[rustfmt::skip]
    let other = reference::Net {
        x1: 1.0, x2: -0.5, t1: 0.8, t2: 0.2,
        w11: -0.4, w12: -0.82, w13: 0.47, w14: 0.86,
        w21: -0.51, w22: 0.17, w23: 0.54, w24: -0.07,
        b1: 0.76, b2: -0.14, b3: -0.06, b4: -0.39,
    };
    [MAZUR, other]
}

/// `got` equals `want` to `rel` relative, or to `rel` absolute where `want` is below 1.
fn assert_near(what: &str, got: f64, want: f64, rel: f64) {
    assert!(
        (got - want).abs() <= rel * want.abs().max(1.0),
        "{what}: app {got:e}, reference {want:e}"
    );
}

#[test]
fn one_update_at_each_rate_matches_the_reference_step() {
    for start in starts() {
        for lr in RATES {
            let net = Net::new(&to_example(&start)).unwrap();
            let grads = start.grads();
            let want = params(&start.sgd(lr, 1));
            let next = net.next_params(lr);
            for p in Param::ALL {
                let k = p.index();
                assert_near(&format!("lr {lr}: next {}", p.name()), next[k], want[k], 1e-12);
            }
            // The update step's rows: old, dE/dp, lr * dE/dp and new, and E before and after.
            let u = Update::of(&net, lr);
            assert_eq!(u.lr, lr);
            for row in &u.rows {
                let k = row.param.index();
                let what = format!("lr {lr}: {}", row.param.name());
                assert_eq!(row.old, params(&start)[k], "{what}: old");
                assert_near(&format!("{what}: grad"), row.grad, grads[k], 1e-12);
                assert_near(&format!("{what}: scaled"), row.scaled, lr * grads[k], 1e-12);
                assert_near(&format!("{what}: new"), row.new, want[k], 1e-12);
            }
            assert_near("error before", u.error_before, start.forward().E, 1e-12);
            let after = start.sgd(lr, 1).forward().E;
            assert_near(&format!("lr {lr}: error after"), u.error_after.unwrap(), after, 1e-12);
            assert_eq!(u.next.params, next);
            // Net::step moves the network there and returns the same E.
            let mut stepped = net.clone();
            assert_near(&format!("lr {lr}: step"), stepped.step(lr).unwrap(), after, 1e-12);
            assert_eq!(stepped.example().params, next);
        }
    }
}

#[test]
fn the_descent_step_moves_by_the_rate_times_the_slope() {
    for start in starts() {
        let net = Net::new(&to_example(&start)).unwrap();
        let grads = start.grads();
        for lr in RATES {
            for p in [Param::W21, Param::W11, Param::B4] {
                let d = Descent::of(&net, p, lr);
                let k = p.index();
                let x = params(&start)[k];
                let what = format!("lr {lr}: {}", p.name());
                assert_near(&format!("{what}: slope"), d.slope, grads[k], 1e-12);
                assert_near(&format!("{what}: next"), d.next.0, x - lr * grads[k], 1e-12);
                // E at the step's end: only p moved, so the reference with p set there.
                let mut moved = params(&start);
                moved[k] = x - lr * grads[k];
                let mut r = start;
                set(&mut r, moved);
                assert_near(&format!("{what}: E there"), d.next.1, r.forward().E, 1e-12);
            }
        }
    }
}

fn set(r: &mut reference::Net, p: [f64; 12]) {
    [
        r.w11, r.w12, r.w13, r.w14, r.w21, r.w22, r.w23, r.w24, r.b1, r.b2, r.b3, r.b4,
    ] = p;
}

#[test]
fn training_at_each_rate_follows_the_reference_sgd_step_by_step() {
    for start in starts() {
        for lr in RATES {
            let mut net = Net::new(&to_example(&start)).unwrap();
            let history = net.train(lr, 50).unwrap();
            let mut r = start;
            for (n, e) in history.iter().enumerate() {
                r = r.sgd(lr, 1);
                assert_near(&format!("lr {lr}, step {}", n + 1), *e, r.forward().E, 1e-10);
            }
            for (p, (g, w)) in Param::ALL.into_iter().zip(net.example().params.iter().zip(params(&r))) {
                assert_near(&format!("lr {lr}: {}", p.name()), *g, w, 1e-10);
            }
        }
    }
}

#[test]
fn the_trainer_in_chunks_matches_the_reference_at_each_rate() {
    for start in starts() {
        for lr in RATES {
            let mut t = Trainer::new(Net::new(&to_example(&start)).unwrap());
            for chunk in [1, 7, 92, 200] {
                assert_eq!(t.run(lr, chunk), Ok(chunk));
            }
            let want = start.sgd(lr, 300);
            assert_near(&format!("lr {lr}: E"), t.error(), want.forward().E, 1e-9);
            let got = t.net().example().params;
            for (p, (g, w)) in Param::ALL.into_iter().zip(got.iter().zip(params(&want))) {
                assert_near(&format!("lr {lr}: {}", p.name()), *g, w, 1e-9);
            }
        }
    }
}

/// Different rates really give different results, and the right ones. E after one step from
/// Mazur's example, biases updated too, computed once with a separate Python script (its own
/// forward pass; gradients by central differences, h = 1e-6): lr 0.01 -> 0.2980167768,
/// lr 0.5 -> 0.2804714468, lr 1 -> 0.2622848477 (Mazur's 0.291027924 is for weights only).
#[test]
fn the_rate_changes_the_step() {
    let e = |lr: f64| {
        let mut net = Net::new(&Example::worked()).unwrap();
        net.step(lr).unwrap()
    };
    for (lr, want) in [(0.01, 0.2980167768), (0.5, 0.2804714468), (1.0, 0.2622848477)] {
        assert!((e(lr) - want).abs() < 1e-9, "lr {lr}: {} vs {want}", e(lr));
    }
}
