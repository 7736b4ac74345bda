//! What the lab explains about a trained network: the paths to a parameter (count, largest few, the rest), gradient size per layer, ReLU units dead on a batch, accuracy.

use super::data::Point;
use super::model::{Act, Model};
use super::shape::ParamName;
use crate::autograd::Path;

/// The chain rule for one parameter at the model's last example: how many paths lead from the
/// loss to it, the `few` with the largest products (largest first), and the sum of the others;
/// `sum` (all of them) is the parameter's gradient.
#[derive(Clone, Debug, PartialEq)]
pub struct PathSummary {
    pub count: usize,
    pub largest: Vec<Path>,
    pub rest: f64,
    pub sum: f64,
}

/// The paths from the loss to parameter `index` at the example last run on `model`.
pub fn paths(model: &Model, index: usize, few: usize) -> PathSummary {
    let tape = model.tape();
    let all = tape.graph.paths(tape.loss, tape.params[index]);
    let sum = all.sum();
    let count = all.paths.len();
    let mut paths = all.paths;
    paths.sort_by(|a, b| b.product().abs().total_cmp(&a.product().abs()));
    let rest: f64 = paths.iter().skip(few).map(Path::product).sum();
    paths.truncate(few);
    PathSummary {
        count,
        largest: paths,
        rest,
        sum,
    }
}

/// The size of the gradient in each layer with weights (1 = first hidden layer): the root mean
/// square of its weights' gradients in `grad` (in the model's parameter order).
pub fn layer_sizes(names: &[ParamName], grad: &[f64]) -> Vec<f64> {
    let depth = names
        .iter()
        .map(|n| match *n {
            ParamName::Weight { layer, .. } | ParamName::Bias { layer, .. } => layer,
        })
        .max()
        .unwrap_or(0);
    (1..=depth)
        .map(|l| {
            let g: Vec<f64> = names
                .iter()
                .zip(grad)
                .filter(|(n, _)| matches!(n, ParamName::Weight { layer, .. } if *layer == l))
                .map(|(_, &g)| g)
                .collect();
            (g.iter().map(|v| v * v).sum::<f64>() / g.len().max(1) as f64).sqrt()
        })
        .collect()
}

/// The hidden ReLU units that output 0 for every point of `points` (their weighted sum ≤ 0),
/// as (layer, unit) from 1: no gradient reaches their incoming weights from this batch.
pub fn dead_units(model: &mut Model, points: &[Point]) -> Vec<(usize, usize)> {
    if model.spec.act != Act::Relu || points.is_empty() {
        return Vec::new();
    }
    let hidden = model.spec.shape.hidden().to_vec();
    let mut alive: Vec<Vec<bool>> = hidden.iter().map(|&n| vec![false; n]).collect();
    for point in points {
        model.example(point);
        let tape = model.tape();
        for (l, layer) in tape.units.iter().take(hidden.len()).enumerate() {
            for (j, &(z, _)) in layer.iter().enumerate() {
                alive[l][j] |= tape.graph.value(z) > 0.0;
            }
        }
    }
    let mut dead = Vec::new();
    for (l, layer) in alive.iter().enumerate() {
        for (j, &a) in layer.iter().enumerate() {
            if !a {
                dead.push((l + 1, j + 1));
            }
        }
    }
    dead
}

/// The share of `points` classified right: the last output above ½ means label 1.
pub fn accuracy(model: &mut Model, points: &[Point]) -> f64 {
    if points.is_empty() {
        return 0.0;
    }
    let right = points
        .iter()
        .filter(|p| (model.predict(p.x) > 0.5) == (p.y == 1.0))
        .count();
    right as f64 / points.len() as f64
}
