//! The update step: every parameter's old value, gradient, lr * gradient and new value; apply and undo.

use super::formula::{FormulaList, FormulaView};
use super::num::Num;
use super::state::Lesson;
use crate::lesson::Step;
use crate::math::formulas;
use crate::net::Param;
use leptos::prelude::*;

/// The table of all twelve rows, under the diagram; only on the update step.
#[component]
pub fn UpdateTable() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let update = lesson.update;
    let header = move || {
        strings()
            .update_cols
            .map(|c| view! { <th scope="col">{c}</th> })
            .collect_view()
    };
    let rows = move || {
        update.with(|u| {
            u.iter()
                .flat_map(|u| u.rows.iter())
                .map(|r| {
                    let p = r.param;
                    let tied = matches!(p, Param::W21 | Param::W11);
                    view! {
                        <tr class:tied=tied>
                            <th scope="row">
                                <button class="link" on:click=move |_| lesson.go(Step::Grad(p))>{p.name()}</button>
                            </th>
                            <td><Num id=format!("old-{}", p.name()) value=r.old /></td>
                            <td><Num id=format!("grad-{}", p.name()) value=r.grad /></td>
                            <td><Num id=format!("scaled-{}", p.name()) value=r.scaled gives=r.grad /></td>
                            <td><Num id=format!("next-{}", p.name()) value=r.new gives=r.grad /></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || update.with(Option::is_some)>
            <div class="chart update-wrap">
                <table class="grads update-table">
                    <thead><tr>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="hint">{lesson.text(|s| s.update_ties)}</p>
            </div>
        </Show>
    }
}

/// The rule, the error before and after, and the "apply" action, in the step panel.
#[component]
pub fn UpdateView() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let update = lesson.update;
    let after = move || {
        update.with(|u| match u.as_ref().map(|u| &u.error_after) {
            Some(Ok(e)) => view! { <Num id="error-after" value=*e /> }.into_any(),
            Some(Err(err)) => {
                view! { <span class="warning">{crate::i18n::net_errors::message(lesson.lang.get(), err)}</span> }
                    .into_any()
            }
            None => ().into_any(),
        })
    };
    // E had only the weights moved: the kind of step the worked example published.
    let weights_only = move || {
        update.with(|u| match u.as_ref().map(|u| &u.error_weights_only) {
            Some(Ok(e)) => view! { <Num id="error-after-weights" value=*e /> }.into_any(),
            _ => ().into_any(),
        })
    };
    // Only on the worked example's own first step, the one the published figure belongs to.
    let published = move || {
        let s = lesson.lang.get().strings();
        update.with(|u| {
            let u = u.as_ref().filter(|u| u.published)?;
            let weights = u.error_weights_only.clone().ok()?;
            let text = s
                .published_note
                .replace("{published}", &format!("{:.9}", crate::lesson::PUBLISHED_ERROR_AFTER))
                .replace("{weights}", &format!("{weights:.9}"));
            Some(view! { <p class="explain" data-testid="published-note">{text}</p> })
        })
    };
    let apply = move |_| {
        if let Some(next) = update.with_untracked(|u| u.as_ref().filter(|u| u.refused.is_none()).map(|u| u.next)) {
            lesson.apply(next);
        }
    };
    let refused = move || update.with(|u| u.as_ref().and_then(|u| u.refused.clone()));
    // E after the update already says why when it cannot be computed; a value out of range is said here.
    let out_of_range = move || {
        refused()
            .filter(|e| matches!(e, crate::net::NetError::OutOfRange { .. }))
            .map(|e| {
                let text = crate::i18n::net_errors::update_refused(lesson.lang.get(), &e);
                view! { <p class="warning" role="status" data-testid="apply-refused">{text}</p> }
            })
    };
    // The rule with numbers for the two parameters the chain-rule steps derived.
    let examples = move || {
        update.with(|u| {
            u.as_ref()
                .map(|u| {
                    u.rows
                        .iter()
                        .filter(|r| matches!(r.param, Param::W21 | Param::W11))
                        .map(|r| formulas::update(r.param, r.old, u.lr, r.grad, r.new))
                        .collect::<Vec<_>>()
                })
                .map(|list| view! { <FormulaList list=list /> })
        })
    };
    view! {
        <div class="update">
            <p class="rule"><FormulaView formula=formulas::update_rule() inline=true />",  η = "{move || view! { <Num id="update-lr" value=lesson.state.with(|s| s.lr) /> }}</p>
            {examples}
            <p class="sum">
                {lesson.text(|s| s.error_before)}" = "{move || view! { <Num id="error-before" value=update.with(|u| u.as_ref().map_or(f64::NAN, |u| u.error_before)) /> }}
                "  →  "{lesson.text(|s| s.error_after)}" = "{after}
            </p>
            <p class="sum">{lesson.text(|s| s.error_weights_only)}" = "{weights_only}</p>
            {published}
            <button class="action" data-testid="apply-update" on:click=apply
                disabled=move || refused().is_some()>{lesson.text(|s| s.apply_update)}</button>
            {out_of_range}
            <p class="hint">{lesson.text(|s| s.undo_hint)}</p>
            <p class="slip" data-testid="slip-note">{lesson.text(|s| s.slip_update)}</p>
        </div>
    }
}
