//! The backward sweep in the step panel: its text for each kind of stop, each reader's local derivative and share with their sum, and at the end every parameter's gradient as δ times input.

use super::formula::FormulaList;
use super::state::Lesson;
use crate::i18n::{sweep::sweep as sweep_strings, Lang};
use crate::lesson::Step;
use crate::math::{sweep as formulas, Formula};
use crate::net::Param;
use leptos::prelude::*;

/// The sweep's numbers for the current stop, under its text: rebuilt for another stop or
/// language only; when an edit changes the numbers, its formulas follow the frame in place.
#[component]
pub fn SweepView() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let key = Memo::new(move |_| {
        let lang = lesson.lang.get();
        lesson.frame.with(|f| {
            f.stop.as_ref().map(|s| {
                let readers: Vec<&'static str> = s.shares.iter().map(|x| x.consumer).collect();
                (s.node, readers, lang)
            })
        })
    });
    move || {
        key.get().map(|(node, readers, lang)| match node {
            Some(node) => view! { <StopView node=node readers=readers lang=lang /> }.into_any(),
            None => view! { <GradTable /> }.into_any(),
        })
    }
}

/// One stop: for each node that reads `node`, its local derivative and the share it passes
/// back; then their sum, ∂E/∂node.
#[component]
fn StopView(node: &'static str, readers: Vec<&'static str>, lang: Lang) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let t = sweep_strings(lang);
    let stop = move || lesson.frame.with(|f| f.stop.clone()).filter(|s| s.node == Some(node));
    let caption = match readers.len() {
        0 => t.start,
        1 => t.sum_one,
        _ => t.sum_many,
    };
    let blocks = readers
        .into_iter()
        .map(|c| {
            let list = Signal::derive(move || -> Vec<Formula> {
                let Some(s) = stop() else { return Vec::new() };
                let Some(share) = s.shares.iter().find(|x| x.consumer == c) else {
                    return Vec::new();
                };
                let local = lesson
                    .net
                    .with(|(net, _)| formulas::local(&s, share, &|n| net.value(n)));
                vec![
                    local.shown_as(format!("local-{c}")),
                    formulas::share(&s, share).shown_as(format!("share-{c}")),
                ]
            });
            view! {
                <div class="share">
                    <h3>{t.share_from.replace("{c}", c)}</h3>
                    <FormulaList list=list />
                </div>
            }
        })
        .collect_view();
    let sum = Signal::derive(move || {
        stop()
            .and_then(|s| formulas::total(&s))
            .map_or_else(Vec::new, |f| vec![f.shown_as(format!("sweep-{node}"))])
    });
    view! {
        <div class="sweep">
            {blocks}
            <h3>{caption.replace("{node}", node)}</h3>
            <FormulaList list=sum />
        </div>
    }
}

/// Every parameter's gradient at the end of the sweep, as δ of the node it feeds times its
/// input; a parameter's name opens its chain rule.
#[component]
fn GradTable() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let rows = Param::ALL
        .into_iter()
        .map(|p| {
            let list = Signal::derive(move || {
                lesson.frame.with(|f| {
                    f.stop
                        .as_ref()
                        .and_then(|s| s.params.iter().find(|g| g.param == p))
                        .map_or_else(Vec::new, |g| {
                            vec![formulas::param_grad(g).shown_as(format!("grad-{}", p.name()))]
                        })
                })
            });
            let go = move |_| lesson.go(Step::Grad(p));
            view! {
                <tr data-testid=format!("grad-row-{}", p.name())>
                    <th><button class="link" on:click=go>{p.name()}</button></th>
                    <td><FormulaList list=list /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="grads">
            <caption>{lesson.text(|s| s.gradients)}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
}
