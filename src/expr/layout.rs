//! Where to draw each node of a graph: layers from the leaves (left) to the output (right), ordered to cut crossings.

use crate::autograd::{Graph, NodeId, Op};

/// A point in the drawing, `x` to the right and `y` down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Every node's place, indexed by [`NodeId::index`].
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub points: Vec<Point>,
    /// Each node's column: 0 for the variables, growing to the right.
    pub layer: Vec<usize>,
    /// How many columns there are.
    pub layers: usize,
}

impl Layout {
    /// The same drawing turned a quarter: columns become rows (leaves at the top, the result at
    /// the bottom), for a narrow screen. A layout made for `h` x `w` becomes one for `w` x `h`.
    pub fn transposed(&self) -> Layout {
        Layout {
            points: self.points.iter().map(|p| Point { x: p.y, y: p.x }).collect(),
            ..self.clone()
        }
    }

    /// Where node `id` is drawn.
    pub fn point(&self, id: NodeId) -> Point {
        self.points.get(id.index()).copied().unwrap_or(Point { x: 0.0, y: 0.0 })
    }
}

/// How many barycentre sweeps (right to left, then left to right) order the columns.
const SWEEPS: usize = 2;

/// Lays out `graph` inside `width` x `height` (a margin of half a column or row is kept around).
///
/// Columns: an op node sits one column right of its furthest operand (its longest distance from
/// the leaves); inputs and params in column 0; a constant just left of the first node reading it,
/// so it sits beside its use. Within a column nodes are spread evenly, ordered by the barycentre
/// method (the mean row of their neighbours), which removes most crossings of a tree-like graph.
/// Linear time per sweep; any size gives points inside the box (one node sits in its centre).
pub fn layout(graph: &Graph, width: f64, height: f64) -> Layout {
    let size = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let (width, height) = (size(width), size(height));
    let n = graph.len();
    let ops: Vec<Op> = graph.ids().map(|id| graph.op_of(id)).collect();
    let operands: Vec<Vec<usize>> = ops
        .iter()
        .map(|op| op.operands().map(NodeId::index).collect())
        .collect();
    let mut readers: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, ins) in operands.iter().enumerate() {
        for &o in ins {
            readers[o].push(i);
        }
    }

    // Columns: longest path from the leaves; then constants move next to their first reader.
    let mut layer = vec![0usize; n];
    for i in 0..n {
        layer[i] = operands[i].iter().map(|&o| layer[o] + 1).max().unwrap_or(0);
    }
    for i in 0..n {
        if matches!(ops[i], Op::Leaf(crate::autograd::Leaf::Const)) {
            if let Some(&r) = readers[i].first() {
                layer[i] = layer[r].saturating_sub(1);
            }
        }
    }
    let layers = layer.iter().max().map_or(0, |&m| m + 1);

    // Rows: creation order first (already left subtree before right), then barycentre sweeps.
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for i in 0..n {
        columns[layer[i]].push(i);
    }
    let mut row = vec![0.0f64; n];
    let place = |columns: &[Vec<usize>], row: &mut [f64]| {
        for col in columns {
            for (k, &i) in col.iter().enumerate() {
                row[i] = (k as f64 + 0.5) / col.len() as f64;
            }
        }
    };
    place(&columns, &mut row);
    let mean = |of: &[usize], row: &[f64], own: f64| {
        if of.is_empty() {
            own
        } else {
            of.iter().map(|&j| row[j]).sum::<f64>() / of.len() as f64
        }
    };
    for _ in 0..SWEEPS {
        for c in (0..layers.saturating_sub(1)).rev() {
            sort_by_key(&mut columns[c], |i| mean(&readers[i], &row, row[i]));
            place(&columns[c..=c], &mut row);
        }
        for c in 1..layers {
            sort_by_key(&mut columns[c], |i| mean(&operands[i], &row, row[i]));
            place(&columns[c..=c], &mut row);
        }
    }

    let column_width = width / layers.max(1) as f64;
    let points = (0..n)
        .map(|i| Point {
            x: column_width * (layer[i] as f64 + 0.5),
            y: height * row[i],
        })
        .collect();
    Layout { points, layer, layers }
}

/// A stable sort by an f64 key (NaN-free here: keys are means of rows in 0..1).
fn sort_by_key(col: &mut [usize], key: impl Fn(usize) -> f64) {
    let mut keyed: Vec<(f64, usize)> = col.iter().map(|&i| (key(i), i)).collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (slot, (_, i)) in col.iter_mut().zip(keyed) {
        *slot = i;
    }
}
