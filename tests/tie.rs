//! Native tests of the circuit steps' tie-back: the add, multiply and fan-out rules read off the 2-2-2 network.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lesson::{Step, Tie};
use backprop_lab::math::formulas;
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::value::random_example;

#[path = "common/hand.rs"]
#[allow(dead_code)]
mod hand;
use hand::Hand;

#[test]
fn the_worked_example_matches_the_published_numbers() {
    // Mazur (2015): E_total = 0.298371109, out_h1 = 0.593269992, w5 (w21) = 0.40,
    // dE/dw5 = 0.082167041, dE_o1/dout_h1 = 0.055399425, dE_o2/dout_h1 = −0.019049119,
    // dE/dout_h1 = 0.036350306.
    let net = Net::new(&Example::worked()).unwrap();
    let Some(Tie::Add { e, local, .. }) = Tie::of(Step::AddNode, &net) else {
        panic!()
    };
    assert!((e - 0.298371109).abs() < 1e-9);
    assert_eq!(local, [1.0, 1.0]);
    let Some(Tie::Mul {
        local_w21,
        local_h1,
        grad_w21,
        ..
    }) = Tie::of(Step::MulNode, &net)
    else {
        panic!()
    };
    assert!((local_w21 - 0.593269992).abs() < 1e-9);
    assert_eq!(local_h1, 0.4);
    assert!((grad_w21 - 0.082167041).abs() < 1e-9);
    let Some(Tie::FanOut { shares, total, .. }) = Tie::of(Step::Graph, &net) else {
        panic!()
    };
    assert!((shares[0] - 0.055399425).abs() < 1e-9);
    assert!((shares[1] + 0.019049119).abs() < 1e-9);
    assert!((total - 0.036350306).abs() < 1e-9);
    assert!(Tie::of(Step::Descent, &net).is_none());
}

#[test]
fn on_random_examples_the_rules_hold_with_the_networks_numbers() {
    for seed in 1..=50u64 {
        let ex = random_example(seed);
        let net = Net::new(&ex).unwrap();
        // Add: E is the sum of the errors, and each error's local derivative is 1.
        let Some(Tie::Add { errors, e, local }) = Tie::of(Step::AddNode, &net) else {
            panic!()
        };
        assert!((errors[0] + errors[1] - e).abs() < 1e-15);
        assert_eq!(local, [1.0, 1.0]);
        // Multiply: the swap, ∂y1/∂w21 = H1 and ∂y1/∂H1 = w21, and ∂E/∂w21 = ∂E/∂y1 · H1.
        let Some(Tie::Mul {
            local_w21,
            local_h1,
            upstream,
            grad_w21,
        }) = Tie::of(Step::MulNode, &net)
        else {
            panic!()
        };
        assert_eq!(local_w21, net.value("H1"));
        assert_eq!(local_h1, ex.param(Param::W21));
        assert!((upstream * local_w21 - grad_w21).abs() < 1e-15, "seed {seed}");
        // Fan-out: the shares via y1 and y2 (upstream × w21, w22) add up to ∂E/∂H1.
        let Some(Tie::FanOut {
            upstream,
            local,
            shares,
            total,
        }) = Tie::of(Step::Graph, &net)
        else {
            panic!()
        };
        assert_eq!(local, [ex.param(Param::W21), ex.param(Param::W22)]);
        assert_eq!(shares, [upstream[0] * local[0], upstream[1] * local[1]]);
        assert!((shares[0] + shares[1] - total).abs() < 1e-15, "seed {seed}");
        // The same numbers worked out by hand, without the core: the forward pass, δ of y1 and
        // y2 (Y − t) · Y(1 − Y), and ∂E/∂H1 = δ_y1 · w21 + δ_y2 · w22.
        let hand = Hand::of(&ex);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * (1.0 + b.abs());
        assert!(close(e, hand.e), "seed {seed}: E {e} vs {}", hand.e);
        assert!(close(local_w21, hand.hh[0]), "seed {seed}: H1");
        assert!(
            close(upstream[0], hand.dy[0]) && close(upstream[1], hand.dy[1]),
            "seed {seed}"
        );
        assert!(close(grad_w21, hand.dy[0] * hand.hh[0]), "seed {seed}: dE/dw21");
        let dh1 = hand.dy[0] * ex.param(Param::W21) + hand.dy[1] * ex.param(Param::W22);
        assert!(close(total, dh1), "seed {seed}: dE/dH1 {total} vs {dh1}");
    }
}

#[test]
fn each_tie_links_to_its_network_step_and_names_its_numbers() {
    let net = Net::new(&Example::worked()).unwrap();
    let cases = [
        (
            Step::AddNode,
            "error",
            vec!["tie-E", "tie-dE-dError1", "tie-dE-dError2"],
        ),
        (
            Step::MulNode,
            "grad-w21",
            vec!["tie-y1", "tie-H1", "tie-w21", "tie-grad-w21"],
        ),
        (
            Step::Graph,
            "backward-H1",
            vec!["tie-share-y1", "tie-share-y2", "tie-dE-dH1"],
        ),
    ];
    for (step, slug, ids) in cases {
        let tie = Tie::of(step, &net).unwrap();
        assert_eq!(tie.link().slug(), slug);
        let shown: Vec<String> = formulas::tie(&tie, &net)
            .into_iter()
            .filter_map(|f| f.result_id)
            .collect();
        assert_eq!(shown, ids);
    }
}
