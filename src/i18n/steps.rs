//! The title and explanation of every step in each language, with names and particles filled in (pure; the panel, the diagram's text alternative and the answer sheet use it).

use super::{particle, sweep::sweep as sweep_strings, Lang, Text};
use crate::diagram;
use crate::lesson::{params_into, sweep, Stage, Step, StopKind};
use crate::net::Param;

/// The title and explanation of `step` in `lang`, names filled in with the particles their reading needs.
pub fn text_of(lang: Lang, step: Step) -> (String, String) {
    let s = lang.strings();
    // A particle after the name takes the form its reading needs (w21을, w12를).
    let fill =
        |t: &Text, key: &str, with: &str| (particle::fill(t.title, key, with), particle::fill(t.body, key, with));
    match step {
        Step::Forward(Stage::Inputs) => fill(&s.inputs, "", ""),
        Step::Forward(Stage::HiddenSum) => fill(&s.hidden_sum, "", ""),
        Step::Forward(Stage::HiddenOut) => fill(&s.hidden_out, "", ""),
        Step::Forward(Stage::OutputSum) => fill(&s.output_sum, "", ""),
        Step::Forward(Stage::OutputOut) => fill(&s.output_out, "", ""),
        Step::Error => fill(&s.error, "", ""),
        Step::Backward(k) => sweep_text(lang, k),
        Step::Grad(p) => fill(&s.grad, "{p}", p.name()),
        Step::Update => fill(&s.update, "", ""),
        Step::Descent => fill(&s.descent, "", ""),
        Step::Train => fill(&s.train, "", ""),
        Step::AddNode => fill(&s.add_node, "", ""),
        Step::MulNode => fill(&s.mul_node, "", ""),
        Step::Graph => fill(&s.graph, "", ""),
        Step::Playground => fill(&s.playground, "", ""),
    }
}

/// The title and explanation of sweep stop `k`, written for its kind of node, names filled in.
fn sweep_text(lang: Lang, k: usize) -> (String, String) {
    let (s, t) = (lang.strings(), sweep_strings(lang));
    let Some(&node) = sweep().get(k) else {
        return (s.backward_params.title.into(), s.backward_params.body.into());
    };
    let text: &Text = match StopKind::of(node) {
        StopKind::Total | StopKind::Params => &s.backward_start,
        StopKind::Error => &t.error,
        StopKind::Output => &t.output,
        StopKind::OutputSum => &t.output_sum,
        StopKind::Hidden => &t.hidden,
        StopKind::HiddenSum => &t.hidden_sum,
    };
    let digit = &node[node.len() - 1..];
    let names = |ps: Vec<Param>| ps.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ");
    let weight_to = |out: &str| {
        diagram::edge_between(node, out)
            .and_then(|e| e.param)
            .map_or("", Param::name)
    };
    let below = params_into(&format!("h{digit}"));
    let fill = |x: &str| {
        // A particle after {k} follows the digit's sound (Y1을, Y2를), as after the whole name.
        particle::fill(x, "{k}", digit)
            .replace("{node}", node)
            .replace("{a}", weight_to("y1"))
            .replace("{b}", weight_to("y2"))
            .replace("{w}", below.first().map_or("", |p| p.name()))
            .replace("{below}", &names(below.clone()))
            .replace("{params}", &names(params_into(node)))
    };
    (fill(text.title), fill(text.body))
}

/// What the chain rule of `p` goes through, in words: w21 and w11 have their own text (the
/// notes work them out); every other parameter gets the text of its kind (output or hidden,
/// weight or bias) with its own names filled in.
pub fn chain_note(lang: Lang, p: Param) -> String {
    let s = lang.strings();
    let edge = diagram::edge_of(p);
    let (input, sum) = (edge.from, edge.to);
    let k = &sum[sum.len() - 1..];
    let text = match (p, sum.starts_with('y'), input == p.name()) {
        (Param::W21, ..) => s.grad_w21,
        (Param::W11, ..) => s.grad_w11,
        (_, true, false) => s.note_output_weight,
        (_, false, false) => s.note_hidden_weight,
        (_, true, true) => s.note_output_bias,
        (_, false, true) => s.note_hidden_bias,
    };
    // A particle right after a name follows its sound ({act}는 gives H1은, H2는).
    let names = [
        ("{p}", p.name().to_owned()),
        ("{in}", input.to_owned()),
        ("{sum}", sum.to_owned()),
        ("{act}", sum.to_ascii_uppercase()),
        ("{err}", format!("Error{k}")),
        ("{t}", format!("t{k}")),
    ];
    names
        .iter()
        .fold(text.to_owned(), |t, (key, name)| particle::fill(&t, key, name))
}
