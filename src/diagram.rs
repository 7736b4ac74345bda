//! Where the 2-2-2 network's nodes and edges sit on the lesson diagram (pure geometry, no UI).

use crate::net::Param;

/// The diagram's coordinate box: `0 0 WIDTH HEIGHT`.
pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 540.0;

/// What a drawn node stands for, which decides its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// x1, x2
    Input,
    /// t1, t2
    Target,
    /// b1 .. b4
    Bias,
    /// h1, h2, y1, y2: a weighted sum
    Sum,
    /// H1, H2, Y1, Y2: a sigmoid output
    Activation,
    /// Error1, Error2, E
    Error,
}

impl Kind {
    /// The CSS class suffix (`kind-bias`), spelled out so the release build needs no `Debug`.
    pub fn css(self) -> &'static str {
        match self {
            Kind::Input => "input",
            Kind::Target => "target",
            Kind::Bias => "bias",
            Kind::Sum => "sum",
            Kind::Activation => "activation",
            Kind::Error => "error",
        }
    }
}

/// One drawn node, named as in the notes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node {
    pub name: &'static str,
    pub x: f64,
    pub y: f64,
    pub kind: Kind,
}

/// One drawn edge from `from` to `to`, carrying a parameter when it is a weight or a bias.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    pub from: &'static str,
    pub to: &'static str,
    pub param: Option<Param>,
    /// Where along the edge (0 at `from`, 1 at `to`) its weight label sits, clear of crossings.
    pub label_at: f64,
}

const TOP: f64 = 150.0;
const BOTTOM: f64 = 390.0;

/// Every node, inputs to the total error.
pub const NODES: [Node; 19] = [
    Node {
        name: "x1",
        x: 60.0,
        y: TOP,
        kind: Kind::Input,
    },
    Node {
        name: "x2",
        x: 60.0,
        y: BOTTOM,
        kind: Kind::Input,
    },
    Node {
        name: "b1",
        x: 200.0,
        y: 38.0,
        kind: Kind::Bias,
    },
    Node {
        name: "b2",
        x: 200.0,
        y: 505.0,
        kind: Kind::Bias,
    },
    Node {
        name: "h1",
        x: 270.0,
        y: TOP,
        kind: Kind::Sum,
    },
    Node {
        name: "h2",
        x: 270.0,
        y: BOTTOM,
        kind: Kind::Sum,
    },
    Node {
        name: "H1",
        x: 370.0,
        y: TOP,
        kind: Kind::Activation,
    },
    Node {
        name: "H2",
        x: 370.0,
        y: BOTTOM,
        kind: Kind::Activation,
    },
    Node {
        name: "b3",
        x: 530.0,
        y: 38.0,
        kind: Kind::Bias,
    },
    Node {
        name: "b4",
        x: 530.0,
        y: 505.0,
        kind: Kind::Bias,
    },
    Node {
        name: "y1",
        x: 600.0,
        y: TOP,
        kind: Kind::Sum,
    },
    Node {
        name: "y2",
        x: 600.0,
        y: BOTTOM,
        kind: Kind::Sum,
    },
    Node {
        name: "Y1",
        x: 700.0,
        y: TOP,
        kind: Kind::Activation,
    },
    Node {
        name: "Y2",
        x: 700.0,
        y: BOTTOM,
        kind: Kind::Activation,
    },
    Node {
        name: "t1",
        x: 830.0,
        y: 38.0,
        kind: Kind::Target,
    },
    Node {
        name: "t2",
        x: 830.0,
        y: 505.0,
        kind: Kind::Target,
    },
    Node {
        name: "Error1",
        x: 830.0,
        y: TOP,
        kind: Kind::Error,
    },
    Node {
        name: "Error2",
        x: 830.0,
        y: BOTTOM,
        kind: Kind::Error,
    },
    Node {
        name: "E",
        x: 945.0,
        y: (TOP + BOTTOM) / 2.0,
        kind: Kind::Error,
    },
];

const fn edge(from: &'static str, to: &'static str, param: Option<Param>, label_at: f64) -> Edge {
    Edge {
        from,
        to,
        param,
        label_at,
    }
}

/// Every edge. Weights follow the notes: w11 x1->h1, w12 x1->h2, w13 x2->h1, w14 x2->h2,
/// w21 H1->y1, w22 H1->y2, w23 H2->y1, w24 H2->y2.
pub const EDGES: [Edge; 22] = [
    edge("x1", "h1", Some(Param::W11), 0.5),
    edge("x1", "h2", Some(Param::W12), 0.33),
    edge("x2", "h1", Some(Param::W13), 0.33),
    edge("x2", "h2", Some(Param::W14), 0.5),
    edge("b1", "h1", Some(Param::B1), 0.0),
    edge("b2", "h2", Some(Param::B2), 0.0),
    edge("h1", "H1", None, 0.5),
    edge("h2", "H2", None, 0.5),
    edge("H1", "y1", Some(Param::W21), 0.5),
    edge("H1", "y2", Some(Param::W22), 0.33),
    edge("H2", "y1", Some(Param::W23), 0.33),
    edge("H2", "y2", Some(Param::W24), 0.5),
    edge("b3", "y1", Some(Param::B3), 0.0),
    edge("b4", "y2", Some(Param::B4), 0.0),
    edge("y1", "Y1", None, 0.5),
    edge("y2", "Y2", None, 0.5),
    edge("Y1", "Error1", None, 0.5),
    edge("Y2", "Error2", None, 0.5),
    edge("t1", "Error1", None, 0.5),
    edge("t2", "Error2", None, 0.5),
    edge("Error1", "E", None, 0.5),
    edge("Error2", "E", None, 0.5),
];

/// The node drawn under this name.
pub fn node(name: &str) -> Option<&'static Node> {
    NODES.iter().find(|n| n.name == name)
}

/// The edge between two named nodes, in either direction.
pub fn edge_between(a: &str, b: &str) -> Option<&'static Edge> {
    EDGES
        .iter()
        .find(|e| (e.from == a && e.to == b) || (e.from == b && e.to == a))
}

/// The edge that carries a parameter (its weight or bias).
pub fn edge_of(p: Param) -> &'static Edge {
    EDGES
        .iter()
        .find(|e| e.param == Some(p))
        .expect("every parameter has an edge")
}

/// Half the size of a drawn node, for trimming edges to its border.
pub fn radius(kind: Kind) -> f64 {
    match kind {
        Kind::Bias | Kind::Target => 20.0,
        _ => 31.0,
    }
}

/// The segment an edge is drawn as: from the border of `from` to the border of `to`.
pub fn segment(e: &Edge) -> (f64, f64, f64, f64) {
    Layout::Wide.segment(e)
}

/// Where an edge's weight label sits.
pub fn label_point(e: &Edge) -> (f64, f64) {
    Layout::Wide.label_point(e)
}

/// How the network is laid out: layers left to right (wide screens), or top to bottom (phones,
/// where a wide drawing would shrink its text below reading size).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Tall,
}

/// The tall layout's rows, by the wide layout's column: each layer a row, a bias or target on
/// the row of the node it feeds, beside it.
fn tall_row(x: f64) -> f64 {
    match x as i64 {
        60 => 60.0,
        200 | 270 => 300.0,
        370 => 420.0,
        530 | 600 => 660.0,
        700 => 780.0,
        830 => 900.0,
        _ => 1020.0,
    }
}

impl Layout {
    /// The layout for a drawing area this many CSS pixels wide.
    pub fn for_width(px: f64) -> Layout {
        if px < 560.0 {
            Layout::Tall
        } else {
            Layout::Wide
        }
    }

    /// The coordinate box: `0 0 width height`.
    pub fn size(self) -> (f64, f64) {
        match self {
            Layout::Wide => (WIDTH, HEIGHT),
            Layout::Tall => (540.0, 1090.0),
        }
    }

    /// Where a node's centre is drawn.
    pub fn place(self, n: &Node) -> (f64, f64) {
        match self {
            Layout::Wide => (n.x, n.y),
            // The wide layout's rows become columns; biases and targets move beside their node.
            Layout::Tall => (n.y, tall_row(n.x)),
        }
    }

    fn ends(self, e: &Edge) -> ((f64, f64), (f64, f64), (f64, f64)) {
        let (a, b) = (node(e.from).expect("edge start"), node(e.to).expect("edge end"));
        let (pa, pb) = (self.place(a), self.place(b));
        (pa, pb, (radius(a.kind), radius(b.kind)))
    }

    /// The segment an edge is drawn as: from the border of `from` to the border of `to`.
    pub fn segment(self, e: &Edge) -> (f64, f64, f64, f64) {
        let ((ax, ay), (bx, by), (ra, rb)) = self.ends(e);
        let (dx, dy) = (bx - ax, by - ay);
        let len = (dx * dx + dy * dy).sqrt();
        let (ux, uy) = (dx / len, dy / len);
        (ax + ux * ra, ay + uy * ra, bx - ux * rb, by - uy * rb)
    }

    /// Where an edge's weight label sits. In the tall layout the two crossing edges' labels sit
    /// side by side just below the values of the row they leave (tests/diagram.rs checks that
    /// no box meets another).
    pub fn label_point(self, e: &Edge) -> (f64, f64) {
        let ((ax, ay), (bx, by), _) = self.ends(e);
        let t = match (self, e.label_at) {
            (Layout::Tall, t) if t > 0.0 && t < 0.5 => 0.31,
            (_, t) => t,
        };
        (ax + (bx - ax) * t, ay + (by - ay) * t)
    }
}
