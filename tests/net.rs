//! Native tests of the 2-2-2 network: the published worked example, the path-sum identity, bad numbers.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::net::{Example, Net, NetError, Param};
use proptest::prelude::*;

fn close(a: f64, b: f64, abs: f64) -> bool {
    (a - b).abs() <= abs
}

#[test]
fn mazur_worked_example() {
    // Matt Mazur, "A Step by Step Backpropagation Example" (2015), with his w1..w8 mapped to the
    // notes' names (w1 w2 w3 w4 = w11 w13 w12 w14, w5 w6 w7 w8 = w21 w23 w22 w24):
    // E_total = 0.298371109, dE/dw5 = 0.082167041, w5+ = 0.35891648, w1+ = 0.149780716 (lr 0.5).
    let mut net = Net::new(&Example::worked()).unwrap();
    assert!(close(net.value("E"), 0.298371109, 1e-9));
    assert!(close(net.grad(Param::W21), 0.082167041, 1e-9));
    // His intermediate values: out_h1 = 0.593269992, out_o1 = 0.75136507.
    assert!(close(net.value("H1"), 0.593269992, 1e-9));
    assert!(close(net.value("Y1"), 0.75136507, 1e-8));
    let next = net.next_params(0.5);
    assert!(close(next[Param::W21.index()], 0.35891648, 1e-8));
    assert!(close(next[Param::W11.index()], 0.149780716, 1e-9));
    // After the step with all 12 parameters (biases too) updated, E must have gone down.
    let e = net.step(0.5).unwrap();
    assert!(e < 0.298371109);
    assert_eq!(net.example().param(Param::W21), next[Param::W21.index()]);
}

#[test]
fn one_step_with_frozen_biases_matches_the_corrected_published_error() {
    // The seed README: with biases frozen, E after one step is 0.291027774 (Mazur's published
    // 0.291027924 came from a script with a bug). We freeze the biases by rebuilding with them.
    let start = Example::worked();
    let net = Net::new(&start).unwrap();
    let mut next = start;
    for p in Param::ALL.into_iter().filter(|p| p.name().starts_with('w')) {
        next.params[p.index()] = net.next_params(0.5)[p.index()];
    }
    assert!(close(Net::new(&next).unwrap().value("E"), 0.291027774, 1e-9));
}

#[test]
fn w21_has_one_path_and_w11_two() {
    let net = Net::new(&Example::worked()).unwrap();
    let g = net.graph();
    let name = |ids: Vec<_>| {
        ids.into_iter()
            .map(|id| g.label(id).unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let e1 = net.node("Error1").unwrap();
    let w21 = g.paths(e1, net.param_id(Param::W21));
    assert_eq!(w21.paths.len(), 1);
    assert_eq!(name(w21.paths[0].nodes()), ["Error1", "Y1", "y1", "w21"]);
    let w11 = g.paths(net.error(), net.param_id(Param::W11));
    assert_eq!(w11.paths.len(), 2);
    assert_eq!(
        name(w11.paths[0].nodes()),
        ["E", "Error1", "Y1", "y1", "H1", "h1", "w11"]
    );
    assert_eq!(
        name(w11.paths[1].nodes()),
        ["E", "Error2", "Y2", "y2", "H1", "h1", "w11"]
    );
    // The factors are the corrected chain of the seed README: ... dy1/dH1 = w21, dy2/dH1 = w22.
    let f = &w11.paths[0].factors;
    assert_eq!(f[3].local, 0.40);
    assert_eq!(w11.paths[1].factors[3].local, 0.50);
    // dError1/dY1 = Y1 - t1, dY1/dy1 = Y1 (1 - Y1), dy1/dw21 = H1 (by hand from the definitions).
    let (y1, h1) = (net.value("Y1"), net.value("H1"));
    let w21f: Vec<f64> = w21.paths[0].factors.iter().map(|f| f.local).collect();
    assert!(close(w21f[0], y1 - 0.01, 1e-15));
    assert!(close(w21f[1], y1 * (1.0 - y1), 1e-15));
    assert_eq!(w21f[2], h1);
}

fn example_strategy() -> impl Strategy<Value = Example> {
    (
        prop::array::uniform2(-2.0..2.0f64),
        prop::array::uniform2(0.0..1.0f64),
        prop::array::uniform12(-3.0..3.0f64),
    )
        .prop_map(|(x, t, params)| Example { x, t, params })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn path_sum_equals_reverse_mode_gradient(ex in example_strategy()) {
        let net = Net::new(&ex).unwrap();
        for p in Param::ALL {
            let paths = net.graph().paths(net.error(), net.param_id(p));
            let (sum, grad) = (paths.sum(), net.grad(p));
            prop_assert!(!paths.truncated);
            // 1e-12 relative to the size of the terms summed: when the paths nearly cancel (say
            // +1e-3 and -1e-3 + 1e-10), the two summation orders (path by path here, factored in
            // the backward pass) legitimately differ by rounding of the terms, not of the result.
            let scale: f64 = paths.paths.iter().map(|path| path.product().abs()).sum();
            prop_assert!((sum - grad).abs() <= 1e-12 * scale.max(1e-300), "{}: {} vs {}", p.name(), sum, grad);
        }
    }

    #[test]
    fn gradients_match_central_differences(ex in example_strategy()) {
        // Independent check of the whole net: perturb each parameter, rebuild, difference E.
        let net = Net::new(&ex).unwrap();
        for p in Param::ALL {
            let e_at = |v: f64| { let mut e = ex; e.params[p.index()] = v; Net::new(&e).unwrap().value("E") };
            let x = ex.param(p);
            let h = 1e-6;
            let fd = (e_at(x + h) - e_at(x - h)) / (2.0 * h);
            prop_assert!((fd - net.grad(p)).abs() <= 1e-7, "{}: fd {} vs {}", p.name(), fd, net.grad(p));
        }
    }
}

#[test]
fn non_finite_numbers_are_refused_by_name() {
    let mut ex = Example::worked();
    ex.params[Param::W23.index()] = f64::NAN;
    assert!(matches!(Net::new(&ex), Err(NetError::NonFinite { name: "w23", .. })));
    let mut ex = Example::worked();
    ex.x[1] = f64::INFINITY;
    assert!(matches!(Net::new(&ex), Err(NetError::NonFinite { name: "x2", .. })));
    let mut net = Net::new(&Example::worked()).unwrap();
    assert!(matches!(
        net.step(f64::NAN),
        Err(NetError::NonFinite { name: "lr", .. })
    ));
}

#[test]
fn an_overflowing_forward_pass_names_the_node() {
    // 1e308 * 10 overflows to inf in h1's weighted sum; inf + (-inf) in h1 is NaN.
    let mut ex = Example::worked();
    ex.x = [10.0, 10.0];
    ex.params[Param::W11.index()] = 1e308;
    ex.params[Param::W13.index()] = -1e308;
    match Net::new(&ex) {
        Err(NetError::Overflow { node, .. }) => assert_eq!(node, "h1"),
        other => panic!("expected an overflow at h1, got {other:?}"),
    }
}

#[test]
fn diverging_training_stops_and_keeps_the_last_finite_state() {
    // x1 = 1e300 with w11 = w12 = 0 keeps h1 moderate, so dE/dw11 carries the factor x1 and is
    // about 1e298; a learning rate of 1e100 sends w11 - lr * dE/dw11 past f64::MAX.
    let mut ex = Example::worked();
    ex.x[0] = 1e300;
    ex.params[Param::W11.index()] = 0.0;
    ex.params[Param::W12.index()] = 0.0;
    let mut net = Net::new(&ex).unwrap();
    assert!(net.grad(Param::W11).abs() > 1e290);
    let err = net.train(1e100, 1000).unwrap_err();
    assert!(matches!(err, NetError::Diverged { step: 1, .. }), "{err}");
    assert!(err.to_string().contains("diverged"));
    assert_eq!(net.example(), ex, "the last finite state is kept");
    assert!(net.value("E").is_finite());
}

#[test]
fn training_lowers_the_error() {
    let mut net = Net::new(&Example::worked()).unwrap();
    let history = net.train(0.5, 1000).unwrap();
    assert_eq!(history.len(), 1000);
    assert!(history.windows(2).all(|w| w[1] <= w[0]));
    assert!(history[999] < 0.01);
}
