//! Native tests of the add/multiply node lessons: the two rules as properties, the worked chains' numbers.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lesson::{Circuit, CircuitKind};
use proptest::prelude::*;

fn grad(c: &Circuit, name: &str) -> f64 {
    c.node(name).unwrap().grad
}

proptest! {
    #[test]
    fn an_add_node_passes_the_upstream_gradient_unchanged(x in -1e3..1e3f64, y in -1e3..1e3f64, g in -1e3..1e3f64) {
        let c = Circuit::build(CircuitKind::Add, &[x, y], g);
        prop_assert_eq!(grad(&c, "z"), g);
        prop_assert_eq!(grad(&c, "x"), g);
        prop_assert_eq!(grad(&c, "y"), g);
    }

    #[test]
    fn a_multiply_node_swaps_its_inputs(x in -1e3..1e3f64, y in -1e3..1e3f64, g in -1e3..1e3f64) {
        let c = Circuit::build(CircuitKind::Mul, &[x, y], g);
        prop_assert_eq!(grad(&c, "x"), g * y);
        prop_assert_eq!(grad(&c, "y"), g * x);
        prop_assert_eq!(c.node("z").unwrap().value, x * y);
    }
}

#[test]
fn the_apple_example() {
    // Saito, "Deep Learning from Scratch" (2016), ch. 5: 100 * 2 * 1.1 = 220;
    // d/dapple = 2.2, d/dcount = 110, d/dtax = 200.
    let c = Circuit::build(CircuitKind::Apple, &[], 0.0);
    assert!((c.node("total").unwrap().value - 220.0).abs() < 1e-12);
    assert!((grad(&c, "apple") - 2.2).abs() < 1e-12);
    assert!((grad(&c, "count") - 110.0).abs() < 1e-12);
    assert!((grad(&c, "tax") - 200.0).abs() < 1e-12);
}

#[test]
fn the_cs231n_circuit_in_backward_order() {
    // CS231n, "Backpropagation, Intuitions": f = (x + y) z at -2, 5, -4: q = 3, f = -12,
    // df/dz = 3, df/dq = -4, df/dx = df/dy = -4.
    let c = Circuit::build(CircuitKind::Cs231n, &[], 0.0);
    assert_eq!((c.node("q").unwrap().value, c.node("f").unwrap().value), (3.0, -12.0));
    assert_eq!(
        (grad(&c, "z"), grad(&c, "q"), grad(&c, "x"), grad(&c, "y")),
        (3.0, -4.0, -4.0, -4.0)
    );
    // The core visits f first, then q before x and y (q's gradient must be complete first).
    let names: Vec<_> = c.order.iter().map(|&i| c.nodes[i].name).collect();
    assert_eq!(names[0], "f");
    let at = |n: &str| names.iter().position(|m| *m == n).unwrap();
    assert!(at("q") < at("x") && at("q") < at("y"));
    assert_eq!(names.len(), 5);
}
