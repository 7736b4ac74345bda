//! Native tests of the descent step's three learning rates: short of, close to and past the first minimum of E along one parameter, checked against E computed by hand in this file.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lesson::descent::{choose_lr, first_minimum, Regime, Unreachable};
use backprop_lab::lesson::Descent;
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::value::{splitmix64, MAX_LR};

#[path = "common/hand.rs"]
#[allow(dead_code)]
mod hand;
use hand::Hand;

#[path = "e2e/reference.rs"]
#[allow(dead_code)]
mod reference;

/// E worked out by hand (tests/common/hand.rs), independent of the core.
fn e_by_hand(ex: &Example) -> f64 {
    Hand::of(ex).e
}

/// E by hand with `p` set to `v`.
fn e_at(ex: &Example, p: Param, v: f64) -> f64 {
    let mut moved = *ex;
    moved.params[p.index()] = v;
    e_by_hand(&moved)
}

/// dE/dp by hand: a central difference of [`e_at`].
fn slope_at(ex: &Example, p: Param, v: f64, h: f64) -> f64 {
    (e_at(ex, p, v + h) - e_at(ex, p, v - h)) / (2.0 * h)
}

/// A random example: inputs in [−2, 2], targets in [0.05, 0.95], parameters in [−3, 3].
fn random(seed: u64) -> Example {
    let mut state = seed;
    let mut draw = |lo: f64, hi: f64| {
        let (next, out) = splitmix64(state);
        state = next;
        lo + (hi - lo) * (out >> 11) as f64 / (1u64 << 53) as f64
    };
    Example {
        x: [draw(-2.0, 2.0), draw(-2.0, 2.0)],
        t: [draw(0.05, 0.95), draw(0.05, 0.95)],
        params: std::array::from_fn(|_| draw(-3.0, 3.0)),
    }
}

/// Checks with E by hand that `m` is the first minimum of E ahead of the current value: E falls
/// along a dense scan from the current value to `m`, and its slope changes sign across `m`.
fn check_first_minimum(ex: &Example, p: Param, m: f64, label: &str) {
    let x = ex.param(p);
    let d = m - x;
    let n = 4000;
    let mut prev = e_at(ex, p, x);
    for i in 1..=n {
        let e = e_at(ex, p, x + d * i as f64 / n as f64);
        assert!(
            e <= prev + 1e-12,
            "{label}: E rises before the minimum, at {i}/{n}: {prev} -> {e}"
        );
        prev = e;
    }
    let h = (d.abs() * 1e-7).max(1e-9);
    let before = slope_at(ex, p, m - 1e-4 * d, h) * d.signum();
    let after = slope_at(ex, p, m + 1e-4 * d, h) * d.signum();
    assert!(
        before < 0.0 && after > 0.0,
        "{label}: E's slope along the way, {before} before the minimum and {after} after"
    );
}

/// Checks with E by hand that E does not rise anywhere a step of η up to 1.25 · MAX_LR reaches.
fn check_no_minimum(ex: &Example, p: Param, slope: f64, label: &str) {
    let x = ex.param(p);
    let far = -1.25 * MAX_LR * slope;
    let n = 20000;
    let mut low = e_at(ex, p, x);
    for i in 1..=n {
        let e = e_at(ex, p, x + far * i as f64 / n as f64);
        assert!(
            e <= low + 1e-9 * (1.0 + low),
            "{label}: E rises at {i}/{n} of the reach: {low} -> {e}"
        );
        low = low.min(e);
    }
}

#[test]
fn the_three_learning_rates_land_short_close_and_past_on_random_examples() {
    // Counts of what the random examples showed, so the test cannot pass by finding nothing.
    let (mut all_three, mut past_out_of_range, mut no_minimum) = (0, 0, 0);
    for seed in 1..=60u64 {
        let ex = random(seed);
        let net = Net::new(&ex).unwrap();
        for p in Param::ALL {
            let label = format!("seed {seed}, {}", p.name());
            let d = Descent::of(&net, p, 0.5);
            let x = ex.param(p);
            // The core's slope agrees with E by hand (so the landing below is computed in this file).
            let fd = slope_at(&ex, p, x, 1e-6);
            assert!((fd - d.slope).abs() < 1e-7, "{label}: slope {} vs {fd}", d.slope);
            match d.minimum {
                Ok(m) => {
                    check_first_minimum(&ex, p, m.at, &label);
                    assert!((m.error - e_at(&ex, p, m.at)).abs() < 1e-12, "{label}");
                    for (r, lr) in Regime::ALL.into_iter().zip(d.lrs) {
                        let Ok(lr) = lr else {
                            assert_eq!(
                                r,
                                Regime::Past,
                                "{label}: only the overshoot can be out of reach, {lr:?}"
                            );
                            let Err(Unreachable::NeedsLr(need)) = lr else {
                                panic!("{label}: {lr:?}")
                            };
                            assert!(need > MAX_LR * 0.99, "{label}: needs {need}");
                            // Even the largest learning rate does not pass the minimum by a fifth.
                            let far = (x - MAX_LR * d.slope - x) / (m.at - x);
                            assert!(far <= 1.2 + 1e-9, "{label}: lr {MAX_LR} lands at {far}");
                            past_out_of_range += 1;
                            continue;
                        };
                        assert!(lr > 0.0 && lr <= MAX_LR, "{label}: {r:?} lr {lr}");
                        let landed = x - lr * d.slope;
                        let way = (landed - x) / (m.at - x);
                        match r {
                            Regime::Short => {
                                assert!(way > 0.0 && way < 0.5, "{label}: short lands at {way} of the way")
                            }
                            Regime::Close => assert!((way - 1.0).abs() <= 0.2, "{label}: close lands at {way}"),
                            Regime::Past => {
                                assert!(way > 1.2, "{label}: past lands at {way}");
                                // Past the minimum: E's slope along the way is rising there.
                                let h = ((m.at - x).abs() * 1e-7).max(1e-9);
                                assert!(slope_at(&ex, p, landed, h) * (m.at - x).signum() > 0.0, "{label}");
                            }
                        }
                    }
                    if d.lrs.iter().all(Result::is_ok) {
                        all_three += 1;
                    }
                }
                Err(Unreachable::NoMinimum) => {
                    check_no_minimum(&ex, p, d.slope, &label);
                    assert!(d.lrs.iter().all(|l| *l == Err(Unreachable::NoMinimum)), "{label}");
                    no_minimum += 1;
                }
                Err(Unreachable::Flat) => assert_eq!(d.slope, 0.0, "{label}"),
                Err(e) => panic!("{label}: {e:?}"),
            }
        }
    }
    assert!(
        all_three > 50 && past_out_of_range > 5 && no_minimum > 5,
        "{all_three} {past_out_of_range} {no_minimum}"
    );
}

#[test]
fn an_output_parameters_minimum_is_where_its_output_meets_the_target() {
    // E along w21, w23 or b3 changes only Error1 = ½(t1 − σ(y1))², lowest where σ(y1) = t1,
    // i.e. y1 = ln(t1 / (1 − t1)); y1 is linear in each of them, so that value is solved by hand.
    for seed in 100..140u64 {
        let ex = random(seed);
        let net = Net::new(&ex).unwrap();
        let (h1, h2) = (net.value("H1"), net.value("H2"));
        let w = |p: Param| ex.param(p);
        let logit = (ex.t[0] / (1.0 - ex.t[0])).ln();
        let y1 = w(Param::W21) * h1 + w(Param::W23) * h2 + w(Param::B3);
        for (p, input) in [(Param::W21, h1), (Param::W23, h2), (Param::B3, 1.0)] {
            // y1 moves by `input` per unit of p.
            let solved = w(p) + (logit - y1) / input;
            let reach = 1.25 * MAX_LR * net.grad(p).abs();
            let ahead = (solved - w(p)) * -net.grad(p).signum();
            match first_minimum(&net, p) {
                Ok(m) => assert!(
                    (m.at - solved).abs() < 1e-6 * (1.0 + solved.abs()),
                    "seed {seed} {}: {} vs {solved}",
                    p.name(),
                    m.at
                ),
                Err(e) => assert!(
                    ahead > reach * 0.999 || ahead < 0.0,
                    "seed {seed} {}: {e:?}, solved {solved} at {ahead} of reach {reach}",
                    p.name()
                ),
            }
        }
    }
}

#[test]
fn the_worked_examples_w21_can_land_close_but_not_past() {
    // Mazur (2015): H1 = 0.593269992, H2 = 0.596884378, dE/dw5 = 0.082167041 (w5 = w21);
    // w23 = 0.45, b3 = 0.6, t1 = 0.01. E along w21 is lowest where y1 = ln(0.01 / 0.99):
    // w21* = (ln(0.01/0.99) − 0.45 · 0.596884378 − 0.6) / 0.593269992 ≈ −9.2096, so landing on it
    // from 0.4 takes η = (0.4 − w21*) / 0.082167041 ≈ 117, beyond the largest η, 100.
    let net = Net::new(&Example::worked()).unwrap();
    let w21_min = ((0.01f64 / 0.99).ln() - 0.45 * 0.596884378 - 0.6) / 0.593269992;
    let whole = (0.4 - w21_min) / 0.082167041;
    assert!(whole > MAX_LR && whole * 0.8 < MAX_LR, "{whole}");
    let d = Descent::of(&net, Param::W21, 0.5);
    let m = d.minimum.unwrap();
    assert!((m.at - w21_min).abs() < 1e-6, "{} vs {w21_min}", m.at);
    // Short: a quarter of the way, rounded to three digits.
    let short = d.lr_for(Regime::Short).unwrap();
    assert!((short - 0.25 * whole).abs() < 0.1, "{short}");
    // Close: the largest η lands 100 / 117 ≈ 0.855 of the way, within a fifth.
    assert_eq!(d.lr_for(Regime::Close), Ok(MAX_LR));
    // Past: would need η of at least 1.2 · 117 ≈ 140.
    match d.lr_for(Regime::Past) {
        Err(Unreachable::NeedsLr(need)) => assert!((need - 1.2 * whole).abs() < 1.0, "{need}"),
        other => panic!("{other:?}"),
    }
    // The default lr 0.5 goes a small share of the way.
    assert_eq!(d.regime(), Some(Regime::Short));
}

#[test]
fn the_worked_examples_b3_reaches_all_three() {
    // As above for b3: b3* = ln(0.01/0.99) − (0.4 · H1 + 0.45 · H2) ≈ −5.10, and Mazur's
    // dE/dnet_o1 = 0.138498562 is dE/db3; landing on b3* from 0.6 takes η ≈ 41.2.
    let net = Net::new(&Example::worked()).unwrap();
    let b3_min = (0.01f64 / 0.99).ln() - (0.4 * 0.593269992 + 0.45 * 0.596884378);
    let whole = (0.6 - b3_min) / 0.138498562;
    let d = Descent::of(&net, Param::B3, 0.5);
    assert!((d.minimum.unwrap().at - b3_min).abs() < 1e-6);
    for (r, aim) in [(Regime::Short, 0.25), (Regime::Close, 1.0), (Regime::Past, 1.7)] {
        let lr = d.lr_for(r).unwrap();
        assert!(
            (lr - aim * whole).abs() < 0.005 * aim * whole,
            "{r:?}: {lr} vs {}",
            aim * whole
        );
        let after = Descent::of(&net, Param::B3, lr);
        assert_eq!(after.regime(), Some(r));
        // The published slope has nine decimals: within 5e-10, times η.
        assert!((after.next.0 - (0.6 - lr * 0.138498562)).abs() < 1e-9 * lr);
    }
}

#[test]
fn no_minimum_within_reach_and_no_slope_are_told_apart() {
    // w11 of the worked example: Mazur's dE/dw1 = 0.000438568 is so small that even η = 100
    // moves w11 by 0.044, along which E only falls (checked by hand below).
    let ex = Example::worked();
    let net = Net::new(&ex).unwrap();
    let d = Descent::of(&net, Param::W11, 0.5);
    assert_eq!(d.minimum, Err(Unreachable::NoMinimum));
    assert_eq!(d.lrs, [Err(Unreachable::NoMinimum); 3]);
    assert_eq!(d.regime(), None);
    check_no_minimum(&ex, Param::W11, 0.000438568, "worked w11");
    // x1 = 0: w11 multiplies nothing, so ∂E/∂w11 = 0 exactly and no learning rate moves it.
    let flat = Example { x: [0.0, 0.1], ..ex };
    let net = Net::new(&flat).unwrap();
    assert_eq!(net.grad(Param::W11), 0.0);
    let d = Descent::of(&net, Param::W11, 0.5);
    assert_eq!(d.minimum, Err(Unreachable::Flat));
    assert_eq!(d.lrs, [Err(Unreachable::Flat); 3]);
}

#[test]
fn choosing_a_learning_rate_keeps_it_in_range() {
    // A minimum at 10 from 0 with slope −1: η = 10 lands on it.
    assert_eq!(choose_lr(Regime::Short, 0.0, -1.0, 10.0), Ok(2.5));
    assert_eq!(choose_lr(Regime::Close, 0.0, -1.0, 10.0), Ok(10.0));
    assert_eq!(choose_lr(Regime::Past, 0.0, -1.0, 10.0), Ok(17.0));
    // At 90 (η = 90 lands on it): 1.7 · 90 = 153 is too large, but η = 100 lands at 1.11, not past a fifth.
    assert_eq!(
        choose_lr(Regime::Past, 0.0, -1.0, 90.0),
        Err(Unreachable::NeedsLr(108.0))
    );
    // At 70: η = 100 lands at 1.43 of the way, past.
    assert_eq!(choose_lr(Regime::Past, 0.0, -1.0, 70.0), Ok(MAX_LR));
    // Downhill to the left works the same way.
    assert_eq!(choose_lr(Regime::Close, 1.0, 0.5, -4.0), Ok(10.0));
    assert_eq!(choose_lr(Regime::Close, 1.0, 0.0, -4.0), Err(Unreachable::Flat));
}

/// The descent step opens on a parameter whose three regimes all lie within the learning-rate
/// range on the worked example (w21 could not overshoot: it needs η ≈ 140). Computed with
/// tests/e2e/reference.rs alone: E along the parameter by its closed-form forward pass, scanned
/// downhill in steps of 1e-4 to the first rise; the rate that lands on that minimum is its distance
/// over |∂E/∂p| (reference gradients), and the "past" button aims at 1.7 times it.
#[test]
fn the_descent_step_opens_on_a_parameter_that_can_land_short_close_and_past() {
    let p = backprop_lab::query::State::default().focus;
    let at = |net: &reference::Net| -> f64 {
        let v = [
            net.w11, net.w12, net.w13, net.w14, net.w21, net.w22, net.w23, net.w24, net.b1, net.b2, net.b3, net.b4,
        ];
        v[p.index()]
    };
    let with = |v: f64| {
        let mut net = reference::MAZUR;
        let slot = [
            &mut net.w11,
            &mut net.w12,
            &mut net.w13,
            &mut net.w14,
            &mut net.w21,
            &mut net.w22,
            &mut net.w23,
            &mut net.w24,
            &mut net.b1,
            &mut net.b2,
            &mut net.b3,
            &mut net.b4,
        ];
        *slot.into_iter().nth(p.index()).unwrap() = v;
        net
    };
    let x = at(&reference::MAZUR);
    let slope = reference::MAZUR.grads()[p.index()];
    let dir = -slope.signum();
    let (mut t, mut last) = (0.0, reference::MAZUR.forward().E);
    loop {
        let e = with(x + dir * (t + 1e-4)).forward().E;
        if e > last || t > 1e4 {
            break;
        }
        (t, last) = (t + 1e-4, e);
    }
    let whole = t / slope.abs();
    assert!(
        1.7 * whole <= MAX_LR,
        "{}: landing past its minimum needs η = {}",
        p.name(),
        1.7 * whole
    );
    let net = Net::new(&Example::worked()).unwrap();
    let d = Descent::of(&net, p, 0.5);
    for r in Regime::ALL {
        let lr = d.lr_for(r).unwrap_or_else(|e| panic!("{}: {r:?} {e:?}", p.name()));
        assert_eq!(Descent::of(&net, p, lr).regime(), Some(r), "{}: η = {lr}", p.name());
    }
}
