//! What a gradient means, on the page: the nudge's prediction beside its observed change, why an output weight's gradient has its sign, and the notes' slips where they apply.

use super::num::Num;
use super::state::Lesson;
use crate::i18n::meaning::{meaning, slots, Slot};
use crate::lesson::{Nudge, Sign, SignCase, Slip};
use crate::net::Param;
use leptos::prelude::*;

/// A sentence whose `{#key}` slots are the page's numbers: each `(key, test id, value)`; with
/// `precise`, written as [`Precise`] numbers.
pub fn sentence(text: &str, nums: &[(&str, String, f64)], precise: bool) -> impl IntoView {
    slots(text)
        .into_iter()
        .map(|slot| match slot {
            Slot::Text(t) => t.to_owned().into_any(),
            Slot::Num(key) => match nums.iter().find(|(k, _, _)| *k == key) {
                Some((_, id, value)) if precise => view! { <Precise id=id.clone() value=*value /> }.into_any(),
                Some((_, id, value)) => view! { <Num id=id.clone() value=*value /> }.into_any(),
                None => key.to_owned().into_any(),
            },
        })
        .collect_view()
}

/// A number with nine decimals, where six significant digits hide the point: the published E
/// after one step and its correction differ only in the seventh. The same contract as `Num`
/// (`data-testid`, the full value in `data-value`).
#[component]
pub fn Precise(#[prop(into)] id: String, value: f64) -> impl IntoView {
    view! { <span class="num" data-testid=id data-value=value.to_string()>{format!("{value:.9}")}</span> }
}

/// Nudge `param` by Δ: the change of E the gradient predicts beside the change a second forward
/// pass observes (`nudge-delta`, `nudge-predicted-<p>`, `nudge-observed-<p>`).
#[component]
pub fn NudgeView(param: Param) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let m = meaning(lesson.lang.get_untracked());
    let nudge = Memo::new(move |_| lesson.net.with(|(net, _)| Nudge::of(net, param)));
    let p = param.name();
    let fill = move |t: &str| t.replace("{p}", p);
    let intro = move || {
        let delta = nudge.with(|n| n.delta);
        sentence(&fill(m.nudge_intro), &[("delta", "nudge-delta".into(), delta)], false)
    };
    view! {
        <div class="nudge" data-testid="nudge">
            <h3>{fill(m.nudge_title)}</h3>
            <p>{intro}</p>
            <table class="grads nudge-table">
                <thead><tr><th scope="col">{fill(m.nudge_predicted)}</th><th scope="col">{fill(m.nudge_observed)}</th></tr></thead>
                <tbody><tr>
                    <td>{move || view! { <Num id=format!("nudge-predicted-{p}") value=nudge.with(|n| n.predicted) /> }}</td>
                    <td>{move || view! { <Num id=format!("nudge-observed-{p}") value=nudge.with(|n| n.observed) /> }}</td>
                </tr></tbody>
            </table>
            <p class="hint">{fill(m.nudge_outro)}</p>
        </div>
    }
}

/// Why an output weight's gradient has its sign, in words and the live numbers (`sign-note`, its
/// `data-case`); nothing for other parameters.
#[component]
pub fn SignView(param: Param) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let m = meaning(lesson.lang.get_untracked());
    let sign = Memo::new(move |_| {
        let lr = lesson.state.with(|s| s.lr);
        lesson.net.with(|(net, _)| Sign::of(net, param, lr))
    });
    move || {
        sign.get().map(|s| {
            let text = m
                .sign(s.case)
                .replace("{p}", param.name())
                .replace("{Y}", s.role.act)
                .replace("{t}", &s.target)
                .replace("{y}", s.role.sum)
                .replace("{H}", s.role.input.unwrap_or("1"))
                .replace("{err}", &s.error);
            let nums = [
                ("out", s.out),
                ("goal", s.goal),
                ("diff", s.diff),
                ("slope", s.slope),
                ("input", s.input),
                ("grad", s.grad),
                ("amount", s.amount),
            ]
            .map(|(k, v)| (k, format!("sign-{k}"), v));
            let case = match s.case {
                SignCase::TooHigh => "too-high",
                SignCase::TooLow => "too-low",
                SignCase::OnTarget => "on-target",
                SignCase::Flat => "flat",
            };
            view! { <p class="sign" data-testid="sign-note" data-case=case>{sentence(&text, &nums, false)}</p> }
        })
    }
}

/// The correction of one of the notes' slips (`slip-note`).
#[component]
pub fn SlipNote(slip: Slip) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let text = move || {
        let lang = lesson.lang.get();
        match slip {
            Slip::W11Chain => lang.strings().slip_note,
            Slip::UpdateFormula => meaning(lang).slip_update,
        }
    };
    // One paragraph for each slip the note corrects (the table writes them apart with a newline).
    let parts = move || {
        text()
            .split('\n')
            .map(|part| view! { <p>{part.to_owned()}</p> })
            .collect_view()
    };
    view! { <div class="slip" data-testid="slip-note">{parts}</div> }
}
