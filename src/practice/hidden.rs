//! What must not be on the page yet: the unsolved questions' values, what depends on them, and the displays that give them away.

use super::questions::{Answer, Quantity, StepQuestions};
use crate::lesson::{sweep, Frame, Stage, Step};
use crate::net::{Net, Param};

/// Why a value is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// It is an unsolved question (under each of its ids).
    Asked,
    /// It is computed from an unsolved question (a later forward value, the error after the update).
    Depends,
    /// A short calculation turns it into an unsolved question's value (a δ equal to an asked
    /// upstream, η·∂E/∂p beside the old value, the sigmoid chart's slope while σ′ is asked).
    GivesAway,
}

/// One value that must not be in the page, with the page id it is shown under today (or a
/// name for a display without one, e.g. `sigmoid-slope-y1` for the chart's tangent).
#[derive(Clone, Debug, PartialEq)]
pub struct HiddenValue {
    pub id: String,
    pub value: f64,
    pub why: Why,
    /// The given (an input the step keeps on show) that shows the same number, for a question
    /// whose answer is read off the page: ∂y1/∂w21 is H1, ∂y1/∂H1 is w21, ∂L/∂x of an add node
    /// is the upstream ∂L/∂z. The learner's task there is to know which number it is.
    pub read_off: Option<String>,
}

/// Everything a step must keep off the page for a given set of solved questions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hidden {
    pub values: Vec<HiddenValue>,
    /// Parameters whose nudge display (∂E/∂p · Δ and the observed change of E) must not show.
    pub nudge: Vec<Param>,
    /// Weighted sums (y1, h1) whose sigmoid chart must not show its tangent's slope.
    pub sigmoid_slopes: Vec<&'static str>,
    /// Weighted sums whose sigmoid chart must not show its point (its height is an asked activation).
    pub sigmoid_points: Vec<&'static str>,
    /// While "how many paths reach p?" is unsolved, the chain's paths must not be listed,
    /// numbered or lit (their count is the answer).
    pub path_count: Option<Param>,
}

impl Hidden {
    /// Whether the display `id` must not be shown.
    pub fn hides(&self, id: &str) -> bool {
        self.values.iter().any(|v| v.id == id)
    }

    /// Each hidden value (read-off ones excepted) as the digits `format` shows it with, for a
    /// search of the page; the UI passes `ui::num::short` (and the diagram's upstream format for
    /// `upstream-` ids). Duplicates removed.
    pub fn digits(&self, format: &dyn Fn(&str, f64) -> String) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for v in self.values.iter().filter(|v| v.read_off.is_none()) {
            let d = format(&v.id, v.value);
            if !out.iter().any(|(_, x)| *x == d) {
                out.push((v.id.clone(), d));
            }
        }
        out
    }

    fn push(&mut self, id: impl Into<String>, value: f64, why: Why) {
        let id = id.into();
        if !self.hides(&id) {
            self.values.push(HiddenValue {
                id,
                value,
                why,
                read_off: None,
            });
        }
    }
}

/// Whether a digit string is worth searching a page for: at least three significant digits
/// (`1`, `0.5` or `-2` are on every page for other reasons).
pub fn distinctive(digits: &str) -> bool {
    digits
        .trim_start_matches(['-', '0', '.'])
        .chars()
        .take_while(|c| *c != 'e')
        .filter(char::is_ascii_digit)
        .count()
        >= 3
}

/// What step `sq.step` must hide from the page while the questions whose key `solved` accepts
/// are solved (all others not yet).
pub fn hidden(sq: &StepQuestions, net: &Net, lr: f64, solved: &dyn Fn(&str) -> bool) -> Hidden {
    let mut h = Hidden::default();
    let open: Vec<_> = sq.questions.iter().filter(|q| !solved(q.key())).collect();
    for q in &open {
        match &q.answer {
            Answer::Value { exact, .. } => {
                for id in &q.ids {
                    h.push(id.clone(), *exact, Why::Asked);
                }
            }
            Answer::Choice { .. } => {
                if let Quantity::PathCount(p) = q.quantity {
                    h.path_count = Some(p);
                }
            }
        }
    }
    let asked = |f: &dyn Fn(&Quantity) -> bool| open.iter().any(|q| f(&q.quantity));
    match sq.step {
        Step::Forward(stage) => {
            if !open.is_empty() {
                for name in Frame::build(net, sq.step).pending {
                    if Param::from_name(name).is_some() {
                        continue; // a parameter is an input, not a computed value
                    }
                    h.push(format!("value-{name}"), net.value(name), Why::Depends);
                }
            }
            if matches!(stage, Stage::HiddenOut | Stage::OutputOut) {
                for m in Frame::build(net, sq.step).sigmoids {
                    if asked(&|q| *q == Quantity::Forward(m.output)) {
                        h.sigmoid_points.push(m.input);
                        h.sigmoid_slopes.push(m.input);
                        h.push(format!("sigmoid-point-{}", m.input), m.s, Why::GivesAway);
                        h.push(format!("sigmoid-slope-{}", m.input), m.slope, Why::GivesAway);
                    }
                }
            }
        }
        Step::Grad(p) => {
            let frame = Frame::build(net, sq.step);
            if asked(&|q| *q == Quantity::Grad(p)) {
                h.nudge.push(p);
            }
            for m in &frame.sigmoids {
                let is_it =
                    |q: &Quantity| matches!(q, Quantity::Factor { of, wrt } if of == m.output && wrt == m.input);
                if asked(&is_it) {
                    h.sigmoid_slopes.push(m.input);
                    h.push(format!("sigmoid-slope-{}", m.input), m.slope, Why::GivesAway);
                }
            }
            // ∂E/∂node of the nodes on the chain are partial products of the asked factors (δ).
            if !open.is_empty() {
                if let Some(chain) = &frame.chain {
                    for f in chain.paths.iter().flat_map(|p| &p.factors) {
                        let n = f.wrt.as_str();
                        if Param::from_name(n).is_some() {
                            continue;
                        }
                        let g = net.node_grad(n);
                        h.push(format!("upstream-{n}"), g, Why::GivesAway);
                        h.push(format!("delta-{n}"), g, Why::GivesAway);
                    }
                }
            }
        }
        Step::Backward(k) => {
            if let Some(&node) = sweep().get(k) {
                if asked(&|q| *q == Quantity::Upstream(node)) {
                    let g = net.node_grad(node);
                    h.push(format!("sweep-{node}"), g, Why::GivesAway);
                    h.push(format!("delta-{node}"), g, Why::GivesAway);
                }
            }
        }
        Step::Update => {
            let u = crate::lesson::Update::of(net, lr);
            let mut any = false;
            for r in &u.rows {
                if asked(&|q| *q == Quantity::Next(r.param)) {
                    any = true;
                    h.push(format!("scaled-{}", r.param.name()), r.scaled, Why::GivesAway);
                }
            }
            if any {
                if let Ok(e) = u.error_after {
                    h.push("error-after", e, Why::Depends);
                }
            }
        }
        _ => {}
    }
    // A question read off a given: keep the given, and say so.
    for v in &mut h.values {
        if let Some((id, _)) = sq.givens.iter().find(|(_, g)| *g == v.value && v.why == Why::Asked) {
            v.read_off = Some(id.clone());
        }
    }
    h
}
