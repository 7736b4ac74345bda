//! The network drawing's geometry in both layouts: everything inside the box, nothing drawn on top of anything else.

use backprop_lab::diagram::{Kind, Layout, EDGES, NODES};

/// An axis-aligned box: (left, top, right, bottom).
type Box = (f64, f64, f64, f64);

fn overlap(a: Box, b: Box) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// What each node draws: its shape, and for a circle the value written under it (up to eight
/// characters of 17 px text, about 72 units wide).
fn node_boxes(layout: Layout) -> Vec<(String, Box)> {
    let mut out = Vec::new();
    for n in NODES {
        let (x, y) = layout.place(&n);
        match n.kind {
            Kind::Bias | Kind::Target => out.push((n.name.to_owned(), (x - 34.0, y - 20.0, x + 34.0, y + 20.0))),
            _ => {
                out.push((n.name.to_owned(), (x - 31.0, y - 31.0, x + 31.0, y + 31.0)));
                out.push((format!("{} value", n.name), (x - 36.0, y + 38.0, x + 36.0, y + 57.0)));
                // The backward pass's badge (ui/diagram.rs) on every node the sweep visits (not
                // the inputs): below the bottom row of the wide layout, else above the node.
                if n.kind == Kind::Input {
                    continue;
                }
                let below = layout == Layout::Wide && y > layout.size().1 / 2.0;
                let top = if below { y + 58.0 } else { y - 62.0 };
                out.push((format!("{} badge", n.name), (x - 38.0, top, x + 38.0, top + 24.0)));
            }
        }
    }
    out
}

/// The weight labels: 88 x 34 boxes.
fn label_boxes(layout: Layout) -> Vec<(String, Box)> {
    EDGES
        .iter()
        .filter(|e| e.param.is_some() && e.label_at > 0.0)
        .map(|e| {
            let (x, y) = layout.label_point(e);
            (
                format!("{:?} label", e.param.unwrap()),
                (x - 44.0, y - 17.0, x + 44.0, y + 17.0),
            )
        })
        .collect()
}

#[test]
fn everything_is_inside_the_box_and_nothing_overlaps() {
    for layout in [Layout::Wide, Layout::Tall] {
        let (w, h) = layout.size();
        let mut all = node_boxes(layout);
        all.extend(label_boxes(layout));
        for (name, b) in &all {
            assert!(
                b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= w && b.3 <= h,
                "{layout:?}: {name} {b:?} outside 0 0 {w} {h}"
            );
        }
        for (i, (a, ba)) in all.iter().enumerate() {
            for (b, bb) in &all[i + 1..] {
                assert!(!overlap(*ba, *bb), "{layout:?}: {a} {ba:?} overlaps {b} {bb:?}");
            }
        }
    }
}

#[test]
fn every_edge_is_drawn_from_border_to_border() {
    for layout in [Layout::Wide, Layout::Tall] {
        for e in EDGES {
            let (x1, y1, x2, y2) = layout.segment(&e);
            let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
            assert!(len > 10.0, "{layout:?}: {} -> {} is {len} long", e.from, e.to);
        }
    }
}

#[test]
fn a_phone_gets_the_tall_layout() {
    assert_eq!(Layout::for_width(390.0), Layout::Tall);
    assert_eq!(Layout::for_width(1280.0), Layout::Wide);
}
