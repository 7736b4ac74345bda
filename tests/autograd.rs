//! Native tests of the autograd core: every op against finite differences, reuse, diamonds, extremes, paths.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::autograd::{Graph, NodeId, Op};

/// Central finite difference of `f` at `x`: (f(x+h) - f(x-h)) / 2h, the independent reference.
fn central_difference(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-6 * x.abs().max(1.0);
    (f(x + h) - f(x - h)) / (2.0 * h)
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-12)
}

/// Builds a binary op on a graph.
type Binary = fn(&mut Graph, NodeId, NodeId) -> NodeId;
/// Builds a unary op on a graph.
type Unary = fn(&mut Graph, NodeId) -> NodeId;

/// Builds `op(a, b)` on fresh leaves and returns (value, d/da, d/db) by reverse mode.
fn eval2(make: Binary, a: f64, b: f64) -> (f64, f64, f64) {
    let mut g = Graph::new();
    let (na, nb) = (g.input("a", a), g.input("b", b));
    let out = make(&mut g, na, nb);
    let grads = g.backward(out);
    (g.value(out), grads.get(na), grads.get(nb))
}

#[test]
fn every_binary_op_matches_central_differences() {
    let ops: [(&str, Binary); 4] = [
        ("add", Graph::add),
        ("sub", Graph::sub),
        ("mul", Graph::mul),
        ("div", Graph::div),
    ];
    for (name, make) in ops {
        for &(a, b) in &[(0.7, -1.3), (-2.0, 5.0), (3.5, 0.25)] {
            let (_, da, db) = eval2(make, a, b);
            let fa = central_difference(|v| eval2(make, v, b).0, a);
            let fb = central_difference(|v| eval2(make, a, v).0, b);
            assert!(close(da, fa, 1e-7), "{name} d/da at ({a},{b}): {da} vs {fa}");
            assert!(close(db, fb, 1e-7), "{name} d/db at ({a},{b}): {db} vs {fb}");
        }
    }
}

/// Builds an op over `n` fresh leaves holding `v` and returns (value, d/d each leaf) by reverse mode.
fn eval_n<const N: usize>(make: fn(&mut Graph, [NodeId; N]) -> NodeId, v: [f64; N]) -> (f64, [f64; N]) {
    let mut g = Graph::new();
    let leaves = v.map(|x| g.input("v", x));
    let out = make(&mut g, leaves);
    let grads = g.backward(out);
    (g.value(out), leaves.map(|n| grads.get(n)))
}

/// Checks every partial of `make` at `v` against central differences in that operand alone.
fn check_each_operand<const N: usize>(name: &str, make: fn(&mut Graph, [NodeId; N]) -> NodeId, v: [f64; N]) {
    let (_, d) = eval_n(make, v);
    for k in 0..N {
        let moved = |x: f64| {
            let mut w = v;
            w[k] = x;
            eval_n(make, w).0
        };
        let fd = central_difference(moved, v[k]);
        assert!(
            close(d[k], fd, 1e-7),
            "{name} d/d(operand {k}) at {v:?}: {} vs {fd}",
            d[k]
        );
    }
}

#[test]
fn the_fused_ops_match_central_differences_in_each_operand() {
    let weighted: fn(&mut Graph, [NodeId; 5]) -> NodeId = |g, [a, b, c, d, e]| g.weighted_sum([a, c], [b, d], e);
    for v in [[0.7, -1.3, 2.0, 0.4, -0.5], [-2.0, 5.0, -0.5, 3.0, 1.5]] {
        assert_eq!(eval_n(weighted, v).0, v[0] * v[1] + v[2] * v[3] + v[4]);
        check_each_operand("weighted_sum", weighted, v);
    }
    let squared: fn(&mut Graph, [NodeId; 2]) -> NodeId = |g, [a, b]| g.squared_diff(a, b);
    for v in [[0.01, 0.75], [-2.0, 5.0], [3.5, 3.5]] {
        assert_eq!(eval_n(squared, v).0, (v[0] - v[1]) * (v[0] - v[1]));
        check_each_operand("squared_diff", squared, v);
    }
}

#[test]
fn every_unary_op_matches_central_differences() {
    let ops: [(&str, Unary, &[f64]); 9] = [
        ("neg", Graph::neg, &[-1.5, 0.3]),
        ("square", Graph::square, &[-1.5, 0.3, 2.0]),
        ("pow3", |g, a| g.pow(a, 3.0), &[-1.5, 0.3, 2.0]),
        ("pow-0.5", |g, a| g.pow(a, -0.5), &[0.3, 2.0]),
        ("sigmoid", Graph::sigmoid, &[-3.0, 0.0, 0.4, 5.0]),
        ("tanh", Graph::tanh, &[-2.0, 0.0, 0.7]),
        ("relu", Graph::relu, &[-2.0, 0.7, 3.0]),
        ("exp", Graph::exp, &[-2.0, 0.0, 1.3]),
        ("log", Graph::log, &[0.2, 1.0, 7.5]),
    ];
    for (name, make, points) in ops {
        for &a in points {
            let eval = |v: f64| {
                let mut g = Graph::new();
                let na = g.input("a", v);
                let out = make(&mut g, na);
                (g.value(out), g.backward(out).get(na))
            };
            let (_, d) = eval(a);
            let fd = central_difference(|v| eval(v).0, a);
            assert!(close(d, fd, 1e-7), "{name}'({a}) = {d}, finite difference {fd}");
        }
    }
}

#[test]
fn every_op_documents_its_derivative() {
    let src = include_str!("../src/autograd/op.rs");
    for variant in [
        "Add",
        "Sub",
        "Mul",
        "WeightedSum",
        "SquaredDiff",
        "Div",
        "Neg",
        "Pow",
        "Sigmoid",
        "Tanh",
        "Relu",
        "Exp",
        "Log",
    ] {
        let decl = src
            .find(&format!("    {variant}("))
            .unwrap_or_else(|| panic!("{variant} not declared"));
        let doc = &src[src[..decl].rfind("///").unwrap()..decl];
        assert!(
            doc.contains("d/da"),
            "{variant}'s doc comment must state its derivative: {doc}"
        );
    }
}

#[test]
fn a_node_used_twice_accumulates() {
    // d(a + a)/da = 2 and d(a * a)/da = 2a: both uses must add up, not overwrite.
    let mut g = Graph::new();
    let a = g.input("a", 3.0);
    let sum = g.add(a, a);
    let prod = g.mul(a, a);
    assert_eq!(g.backward(sum).get(a), 2.0);
    assert_eq!(g.backward(prod).get(a), 6.0);
}

#[test]
fn a_diamond_sums_both_branches_once() {
    // f = (a * 2) + (a * 3) + ... via shared b: b = a * a, c = b + a, d = b * c.
    // d = a^2 (a^2 + a) = a^4 + a^3, so dd/da = 4a^3 + 3a^2 = 4*8 + 3*4 = 44 at a = 2.
    let mut g = Graph::new();
    let a = g.input("a", 2.0);
    let b = g.mul(a, a);
    let c = g.add(b, a);
    let d = g.mul(b, c);
    let grads = g.backward(d);
    assert_eq!(g.value(d), 24.0);
    assert_eq!(grads.get(a), 44.0);
    // Gradients are fresh for each pass: a second pass gives the same, not double.
    assert_eq!(g.backward(d).get(a), 44.0);
}

#[test]
fn sigmoid_at_zero_and_at_large_magnitudes() {
    let eval = |x: f64| {
        let mut g = Graph::new();
        let a = g.input("a", x);
        let s = g.sigmoid(a);
        (g.value(s), g.backward(s).get(a))
    };
    // s(0) = 1/2 and s'(0) = 1/4 exactly.
    assert_eq!(eval(0.0), (0.5, 0.25));
    // Independent values: e^-40 = 4.248354255291589e-18 (printed by Python's math.exp(-40); any
    // table of e^-x agrees), so s(-40) = e^-40 / (1 + e^-40) and, at both ends,
    // s'(±40) = e^-40 / (1 + e^-40)^2; in f64 both equal e^-40 to the last digit.
    let e40 = (-40.0f64).exp();
    assert!(close(e40, 4.248354255291589e-18, 1e-15));
    let slope = e40 / ((1.0 + e40) * (1.0 + e40));
    let (v, d) = eval(-40.0);
    assert!(close(v, e40 / (1.0 + e40), 1e-12), "s(-40) = {v:e}");
    assert!(close(d, slope, 1e-12), "s'(-40) = {d:e}, want {slope:e}");
    // s(40) rounds to 1 in f64, but its derivative is still e^-40 / (1 + e^-40)^2, not 0.
    let (v, d) = eval(40.0);
    assert_eq!(v, 1.0);
    assert!(close(d, slope, 1e-12), "s'(40) = {d:e}, want {slope:e}");
    // In between, where 1 - s(x) loses digits: s'(x) = e^-x / (1 + e^-x)^2 for x = 5, 10, 20.
    for x in [5.0f64, 10.0, 20.0] {
        let e = (-x).exp();
        let (_, d) = eval(x);
        assert!(close(d, e / ((1.0 + e) * (1.0 + e)), 1e-12), "s'({x}) = {d:e}");
    }
    // No overflow at the far ends either.
    assert_eq!(eval(-1000.0).0, 0.0);
    assert_eq!(eval(1000.0).0, 1.0);
}

#[test]
fn cs231n_circuit() {
    // CS231n "Backpropagation, Intuitions": f = (x + y) * z at x = -2, y = 5, z = -4 gives
    // q = 3, f = -12, df/dz = 3, df/dq = -4, df/dx = df/dy = -4.
    let mut g = Graph::new();
    let (x, y, z) = (g.input("x", -2.0), g.input("y", 5.0), g.input("z", -4.0));
    let q = g.add(x, y);
    let f = g.mul(q, z);
    let grads = g.backward(f);
    assert_eq!((g.value(q), g.value(f)), (3.0, -12.0));
    assert_eq!(
        (grads.get(z), grads.get(q), grads.get(x), grads.get(y)),
        (3.0, -4.0, -4.0, -4.0)
    );
}

#[test]
fn apple_example() {
    // The apple example of add/multiply nodes (Saito, "Deep Learning from Scratch", ch. 5):
    // 100 * 2 * 1.1 = 220; d/dapple = 2.2, d/dcount = 110, d/dtax = 200.
    let mut g = Graph::new();
    let (apple, count, tax) = (g.input("apple", 100.0), g.input("count", 2.0), g.input("tax", 1.1));
    let price = g.mul(apple, count);
    let total = g.mul(price, tax);
    let grads = g.backward(total);
    assert!(close(g.value(total), 220.0, 1e-15));
    assert!(close(grads.get(apple), 2.2, 1e-15));
    assert!(close(grads.get(count), 110.0, 1e-15));
    assert!(close(grads.get(tax), 200.0, 1e-15));
}

#[test]
fn forward_recomputes_after_set() {
    let mut g = Graph::new();
    let (x, y) = (g.input("x", 1.0), g.input("y", 2.0));
    let f = g.mul(x, y);
    g.set(x, 4.0);
    g.forward();
    assert_eq!(g.value(f), 8.0);
    assert_eq!(g.backward(f).get(x), 2.0);
}

#[test]
fn leaves_change_in_place_as_a_run() {
    // f = a * b + c with a, b, c created one after another: set all three at once.
    let mut g = Graph::new();
    let (a, b, c) = (g.input("a", 1.0), g.input("b", 2.0), g.input("c", 3.0));
    let f = g.weighted_sum([a, c], [b, b], c);
    g.leaves_mut(a, 3).copy_from_slice(&[4.0, 5.0, 6.0]);
    g.forward();
    assert_eq!(g.value(f), 4.0 * 5.0 + 6.0 * 5.0 + 6.0);
    // A leaf made after an op node can be set too.
    let late = g.input("late", 1.0);
    let h = g.mul(f, late);
    g.leaves_mut(late, 1)[0] = 2.0;
    g.forward();
    assert_eq!(g.value(h), 2.0 * 56.0);
}

#[test]
#[should_panic(expected = "only leaves can be set")]
fn a_run_with_an_op_node_is_refused() {
    let mut g = Graph::new();
    let a = g.input("a", 1.0);
    g.neg(a);
    g.leaves_mut(a, 2);
}

#[test]
fn a_zero_upstream_passes_nothing_on_even_through_an_infinite_slope() {
    // q = sqrt(x) * 0 is 0 for every x, so dq/dx = 0, although d sqrt(x)/dx is infinite at 0.
    let mut g = Graph::new();
    let x = g.input("x", 0.0);
    let root = g.pow(x, 0.5);
    let zero = g.constant(0.0);
    let q = g.mul(root, zero);
    assert_eq!(g.partials(root).as_slice()[0].1, f64::INFINITY);
    assert_eq!(g.backward(q).get(x), 0.0);
}

#[test]
#[should_panic(expected = "does not belong to this graph")]
fn a_node_from_another_graph_is_refused() {
    let mut other = Graph::new();
    let foreign = other.input("a", 1.0);
    let mut g = Graph::new();
    let a = g.input("a", 1.0);
    g.add(a, foreign);
}

#[test]
fn local_partials_on_every_edge() {
    // z = x * y: the edge to x carries y and the edge to y carries x (the multiply "swap").
    let mut g = Graph::new();
    let (x, y) = (g.input("x", 3.0), g.input("y", -5.0));
    let z = g.mul(x, y);
    assert_eq!(g.partials(z).as_slice(), &[(x, -5.0), (y, 3.0)]);
    assert_eq!(g.op_of(z), Op::Mul(x, y));
}

#[test]
fn paths_fold_unnamed_nodes_and_sum_to_the_gradient() {
    // L = (x + y) * (x * 2) with the two branches named: two paths to x, one to y.
    let mut g = Graph::new();
    let (x, y) = (g.input("x", 1.5), g.input("y", -0.5));
    let q = g.add(x, y);
    g.name(q, "q");
    let two = g.constant(2.0);
    let r = g.mul(x, two);
    g.name(r, "r");
    let l = g.mul(q, r);
    g.name(l, "L");
    let paths = g.paths(l, x);
    assert_eq!(paths.paths.len(), 2);
    assert_eq!(paths.paths[0].nodes(), vec![l, q, x]);
    assert_eq!(paths.paths[1].nodes(), vec![l, r, x]);
    // L = 2x^2 + 2xy, dL/dx = 4x + 2y = 5 (by hand).
    assert_eq!(paths.sum(), 5.0);
    assert_eq!(g.backward(l).get(x), 5.0);
    assert_eq!(g.paths(l, y).paths.len(), 1);
}

#[test]
fn visit_order_starts_at_the_output_and_carries_complete_gradients() {
    let mut g = Graph::new();
    let a = g.input("a", 2.0);
    let b = g.mul(a, a);
    let c = g.add(b, a);
    let unused = g.input("u", 1.0);
    let grads = g.backward(c);
    let visits = g.visit_order(&grads);
    let nodes: Vec<_> = visits.iter().map(|v| v.node).collect();
    assert_eq!(nodes, vec![c, b, a]);
    assert!(!nodes.contains(&unused));
    // dc/da = 2a + 1 = 5, already complete when the pass reaches a.
    assert_eq!(visits[2].upstream, 5.0);
}
