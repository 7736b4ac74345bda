//! What the other steps ask that this step must leave blank: a number asked on one step shows on another only once a question asking it is solved.

use super::hidden::distinctive;
use super::questions::StepQuestions;
use crate::lesson::Step;
use crate::print::short;

/// What step `step` leaves blank for the other steps' sake.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Across {
    /// Numbers asked on another step and solved nowhere yet.
    pub blanks: Vec<f64>,
    /// The steps before `step` (in the notes' order) that ask one of them: the learner is
    /// pointed back there.
    pub earlier: Vec<Step>,
}

/// Whether `a` and `b` are one number reached by different orders of operations (to 1e-12).
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs())
}

/// For `step`, given every practice step's questions (`sheet`, in the notes' order), the
/// example's givens (inputs, targets, parameters, η: always on show) and which questions are
/// solved (`solved(step, key)`): the numbers another step asks that no solved question gives.
/// The add and multiply nodes' own small inputs are left out (their numbers are theirs alone),
/// and so are numbers with fewer than three significant digits (`1`, `-3` are everywhere).
pub fn across(sheet: &[StepQuestions], step: Step, givens: &[f64], solved: &dyn Fn(Step, &str) -> bool) -> Across {
    let mut known: Vec<f64> = givens.to_vec();
    let mut asked: Vec<(f64, Step)> = Vec::new();
    for sq in sheet {
        for q in &sq.questions {
            let Some(v) = q.exact() else { continue };
            if solved(sq.step, q.key()) {
                known.push(v);
            } else if sq.step != step && !matches!(sq.step, Step::AddNode | Step::MulNode) {
                asked.push((v, sq.step));
            }
        }
    }
    // Where a step stands in the notes' order (a clicked chain right after w11's).
    let order = Step::sequence();
    let place = |s: Step| {
        let s = match s {
            Step::Grad(_) if !order.contains(&s) => Step::Grad(crate::net::Param::W11),
            s => s,
        };
        order.iter().position(|x| *x == s).unwrap_or(usize::MAX)
    };
    let mut out = Across::default();
    for (v, s) in asked {
        if known.iter().any(|k| same(*k, v)) || !distinctive(&short(v)) {
            continue;
        }
        if !out.blanks.iter().any(|b| same(*b, v)) {
            out.blanks.push(v);
        }
        let before = place(s) < place(step);
        if before && !out.earlier.contains(&s) {
            out.earlier.push(s);
        }
    }
    out
}
