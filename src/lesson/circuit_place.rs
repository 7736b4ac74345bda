//! Where a circuit's nodes, numbers and swap arrows go, in the wide drawing and in the tall one for narrow screens.

use super::circuit::{Circuit, CircuitEdge, CircuitKind, Side};

/// How a label's text lines up with its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// Where a line of text goes: its baseline point and how the text lines up with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
}

impl Label {
    fn at(x: f64, y: f64, anchor: Anchor) -> Label {
        Label { x, y, anchor }
    }

    /// The left and right ends and the top and bottom of a text `width` wide in 15 px type.
    pub fn extent(&self, width: f64) -> (f64, f64, f64, f64) {
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - width / 2.0,
            Anchor::End => self.x - width,
        };
        (left, left + width, self.y - 12.0, self.y + 3.0)
    }

    /// The middle of a text `width` wide in 15 px type.
    pub fn centre(&self, width: f64) -> (f64, f64) {
        let (l, r, t, b) = self.extent(width);
        ((l + r) / 2.0, (t + b) / 2.0)
    }
}

/// The radius of a drawn node.
pub const NODE_RADIUS: f64 = 34.0;

impl Circuit {
    /// Node `i`'s centre.
    pub fn point(&self, i: usize, tall: bool) -> (f64, f64) {
        let n = &self.nodes[i];
        if tall {
            (n.tall.0, n.tall.1)
        } else {
            (n.x, n.y)
        }
    }

    /// Where node `i`'s value and its gradient (or, for the rest of the network, its caption)
    /// go. Wide: value above the node, gradient below. Tall: both on the node's side, value first.
    pub fn node_labels(&self, i: usize, tall: bool) -> (Label, Label) {
        let (x, y) = self.point(i, tall);
        if !tall {
            return (
                Label::at(x, y - 44.0, Anchor::Middle),
                Label::at(x, y + 58.0, Anchor::Middle),
            );
        }
        match self.nodes[i].tall.2 {
            Side::Above => (
                Label::at(x, y - 62.0, Anchor::Middle),
                Label::at(x, y - 44.0, Anchor::Middle),
            ),
            Side::Below => (
                Label::at(x, y + 58.0, Anchor::Middle),
                Label::at(x, y + 76.0, Anchor::Middle),
            ),
            Side::Left => (
                Label::at(x - 42.0, y - 3.0, Anchor::End),
                Label::at(x - 42.0, y + 15.0, Anchor::End),
            ),
            Side::Right => (
                Label::at(x + 42.0, y - 3.0, Anchor::Start),
                Label::at(x + 42.0, y + 15.0, Anchor::Start),
            ),
        }
    }

    /// Where an edge's value flowing forward and its share of the gradient flowing back go.
    /// Wide: above and below the edge's middle. Tall (edges run downwards): left and right of it.
    pub fn edge_labels(&self, e: &CircuitEdge, tall: bool) -> (Label, Label) {
        let (a, b) = (self.point(e.from, tall), self.point(e.to, tall));
        let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        if tall {
            (
                Label::at(mx - 12.0, my + 5.0, Anchor::End),
                Label::at(mx + 12.0, my + 5.0, Anchor::Start),
            )
        } else {
            (
                Label::at(mx, my - 12.0, Anchor::Middle),
                Label::at(mx, my + 26.0, Anchor::Middle),
            )
        }
    }

    /// The multiply node's swap as two SVG paths: from the value on x's edge to the gradient
    /// share on y's edge, and from y's value to x's share (each input's gradient is the upstream
    /// gradient times the *other* input). `width` gives a drawn number's width. None for other
    /// circuits.
    pub fn swap_arrows(&self, tall: bool, width: &dyn Fn(f64) -> f64) -> Option<[String; 2]> {
        if self.kind != CircuitKind::Mul {
            return None;
        }
        let into_z = |input: &str| {
            self.edges
                .iter()
                .find(|e| self.nodes[e.from].name == input && self.nodes[e.to].name == "z")
        };
        let (ex, ey) = (into_z("x")?, into_z("y")?);
        let centres = |e: &CircuitEdge| {
            let (value, share) = self.edge_labels(e, tall);
            let z = &self.nodes[e.to];
            (
                value.centre(width(self.nodes[e.from].value)),
                share.centre(width(z.grad * e.local)),
            )
        };
        let ((x_value, x_share), (y_value, y_share)) = (centres(ex), centres(ey));
        Some([arrow(x_value, y_share), arrow(y_value, x_share)])
    }
}

/// An SVG path for a dashed arrow from one number to another: it leaves beside the first, bows
/// out to the right of its direction of travel (so the two arrows of a swap, going opposite
/// ways, bow to opposite sides) and ends beside the second.
fn arrow(from: (f64, f64), to: (f64, f64)) -> String {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = dx.hypot(dy).max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    // The direction turned a quarter clockwise on screen (y grows downwards): the traveller's right.
    let (px, py) = (-uy, ux);
    let side = 16.0;
    let start = (from.0 + px * side + ux * 4.0, from.1 + py * side + uy * 4.0);
    let end = (to.0 + px * side - ux * 4.0, to.1 + py * side - uy * 4.0);
    let bow = side + 0.3 * len;
    let control = ((from.0 + to.0) / 2.0 + px * bow, (from.1 + to.1) / 2.0 + py * bow);
    format!(
        "M {:.1} {:.1} Q {:.1} {:.1} {:.1} {:.1}",
        start.0, start.1, control.0, control.1, end.0, end.1
    )
}
