//! Native tests of where the circuit drawings put their nodes and numbers: inside the box, apart from each other, in the wide and the tall drawing.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lesson::{default_inputs, Circuit, CircuitKind, Label, CIRCUIT_BOX, NODE_RADIUS};
use backprop_lab::ui::num::short;

/// A generous width for bold 15 px text: DejaVu Sans Bold's digits are 10.4 px wide at 15 px,
/// its letters 6 to 13 px; 9.5 px a character on average leaves room for the wider ones.
fn width(text: &str) -> f64 {
    text.chars().count() as f64 * 9.5
}

type Rect = (f64, f64, f64, f64);
/// A text (or a node's name) and the rectangle it covers.
type Placed = (String, Rect);

fn rect(label: &Label, text: &str) -> Rect {
    label.extent(width(text))
}

fn overlap(a: Rect, b: Rect) -> bool {
    a.0 < b.1 && b.0 < a.1 && a.2 < b.3 && b.2 < a.3
}

/// Every text a fully stepped circuit draws (node values and gradients, edge values and shares),
/// and every node's box.
fn texts(c: &Circuit, tall: bool) -> (Vec<Placed>, Vec<Placed>) {
    let out = c.nodes[c.order[0]].name;
    let mut labels = Vec::new();
    let mut nodes = Vec::new();
    for (i, n) in c.nodes.iter().enumerate() {
        let (x, y) = c.point(i, tall);
        let r = NODE_RADIUS;
        nodes.push((n.name.to_string(), (x - r, x + r, y - r, y + r)));
        if n.name == "L" {
            continue; // the rest of the network: its caption is checked apart
        }
        let (value, grad) = c.node_labels(i, tall);
        let v = format!("{} = {}", n.name, short(n.value));
        let g = format!("∂{out}/∂{} = {}", n.name, short(n.grad));
        labels.push((v.clone(), rect(&value, &v)));
        labels.push((g.clone(), rect(&grad, &g)));
    }
    for e in &c.edges {
        let (value, share) = c.edge_labels(e, tall);
        let (a, b) = (&c.nodes[e.from], &c.nodes[e.to]);
        let v = short(a.value);
        let s = short(b.grad * e.local);
        if a.name != "L" {
            labels.push((format!("{}→{} value {v}", a.name, b.name), rect(&value, &v)));
        }
        labels.push((format!("{}→{} share {s}", a.name, b.name), rect(&share, &s)));
    }
    (labels, nodes)
}

fn circuits() -> Vec<Circuit> {
    [
        CircuitKind::Add,
        CircuitKind::Mul,
        CircuitKind::Apple,
        CircuitKind::Cs231n,
    ]
    .into_iter()
    .map(|k| Circuit::build(k, &default_inputs(k), 1.5))
    .collect()
}

#[test]
fn every_number_is_inside_the_box_and_clear_of_the_others_and_of_the_nodes() {
    for c in circuits() {
        for tall in [false, true] {
            let (w, h) = if tall { c.tall_box() } else { CIRCUIT_BOX };
            let (labels, nodes) = texts(&c, tall);
            for (text, r) in labels.iter().chain(&nodes) {
                assert!(
                    r.0 >= 0.0 && r.1 <= w && r.2 >= 0.0 && r.3 <= h,
                    "{:?} tall={tall}: {text:?} at {r:?} leaves the {w}x{h} box",
                    c.kind
                );
            }
            for (i, (a, ra)) in labels.iter().enumerate() {
                for (b, rb) in &labels[i + 1..] {
                    assert!(!overlap(*ra, *rb), "{:?} tall={tall}: {a:?} and {b:?} overlap", c.kind);
                }
                for (n, rn) in &nodes {
                    assert!(!overlap(*ra, *rn), "{:?} tall={tall}: {a:?} covers node {n}", c.kind);
                }
            }
        }
    }
}

#[test]
fn the_swap_arrows_run_from_each_value_to_the_other_inputs_share() {
    let c = Circuit::build(CircuitKind::Mul, &[3.0, -2.0], 1.5);
    let num_width = |v: f64| width(&short(v));
    for tall in [false, true] {
        let [x_to_y, y_to_x] = c.swap_arrows(tall, &num_width).expect("a multiply node has its swap");
        let ends = |d: &str| {
            let n: Vec<f64> = d.split(' ').filter_map(|t| t.parse().ok()).collect();
            assert_eq!(n.len(), 6, "M x y Q cx cy x y: {d}");
            ((n[0], n[1]), (n[4], n[5]))
        };
        let label_centre = |from: &str, which: usize, v: f64| {
            let e = c
                .edges
                .iter()
                .find(|e| c.nodes[e.from].name == from && c.nodes[e.to].name == "z")
                .unwrap();
            let (value, share) = c.edge_labels(e, tall);
            [value, share][which].centre(num_width(v))
        };
        let near = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).hypot(p.1 - q.1) < 25.0;
        // x's value (3) feeds y's gradient share (1.5 * 3 = 4.5), y's value (-2) x's share (-3).
        let (start, end) = ends(&x_to_y);
        assert!(
            near(start, label_centre("x", 0, 3.0)),
            "tall={tall}: {x_to_y} does not start at x's value"
        );
        assert!(
            near(end, label_centre("y", 1, 4.5)),
            "tall={tall}: {x_to_y} does not end at y's share"
        );
        let (start, end) = ends(&y_to_x);
        assert!(
            near(start, label_centre("y", 0, -2.0)),
            "tall={tall}: {y_to_x} does not start at y's value"
        );
        assert!(
            near(end, label_centre("x", 1, -3.0)),
            "tall={tall}: {y_to_x} does not end at x's share"
        );
    }
    assert!(Circuit::build(CircuitKind::Add, &[3.0, -2.0], 1.5)
        .swap_arrows(false, &|_| 10.0)
        .is_none());
}
