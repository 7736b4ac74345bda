//! The playground: the learner's expression, its graph drawn automatically, gradients and their check.

use super::num::{short, Num};
use super::state::Lesson;
use crate::autograd::Op;
use crate::expr::Caveat;
use crate::i18n::expr_errors;
use crate::lesson::{Playground, Step, DEFAULT_EXPR};
use crate::lesson::{BOX, TALL_BOX};
use crate::link::PlaygroundLink;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The playground's state: the text as typed, the variables' values, the last expression that
/// built (kept on screen while the text is wrong), the current error, and the backward cursor.
#[derive(Clone, Copy)]
pub struct PlaygroundState {
    pub text: RwSignal<String>,
    pub values: RwSignal<BTreeMap<String, f64>>,
    pub good: RwSignal<Option<Playground>>,
    /// The error of the current text: its message and the caret lines under the text.
    pub error: RwSignal<Option<(crate::expr::Error, String)>>,
    /// `None`: every gradient at once; `Some(k)`: the backward pass has reached k + 1 nodes.
    pub cursor: RwSignal<Option<usize>>,
    /// The text `good` was built from.
    pub good_text: StoredValue<String>,
}

impl PlaygroundState {
    /// Rebuilds from the current text and values; on an error the last good graph stays.
    pub fn recompute(&self) {
        let text = self.text.get_untracked();
        let result = self.values.with_untracked(|v| Playground::compute(&text, v));
        match result {
            Ok(p) => {
                self.good_text.set_value(text);
                self.good.set(Some(p));
                self.error.set(None);
                self.cursor.update(|c| {
                    if c.is_some() {
                        *c = Some(0)
                    }
                });
            }
            Err(e) => {
                let caret = e.caret(&text);
                self.error.set(Some((e, caret)));
            }
        }
    }

    /// What a link must carry to restore this playground: the text, the last good text where the
    /// text does not build, and the values of the shown graph's variables.
    pub fn link(&self) -> PlaygroundLink {
        let expr = self.text.get();
        let (last, values) = self.good.with(|g| match g {
            Some(p) => {
                let good = self.good_text.get_value();
                ((good != expr).then_some(good), p.variables().into_iter().collect())
            }
            None => (None, BTreeMap::new()),
        });
        PlaygroundLink { expr, last, values }
    }
}

/// Puts the playground in context, starting from what a link names (the default expression when
/// nothing): its values, its last good expression's graph, then its text.
pub fn provide(link: Option<PlaygroundLink>) {
    let link = link.unwrap_or_else(|| PlaygroundLink {
        expr: DEFAULT_EXPR.to_owned(),
        last: None,
        values: BTreeMap::new(),
    });
    let state = PlaygroundState {
        text: RwSignal::new(link.expr.clone()),
        values: RwSignal::new(link.values),
        good: RwSignal::new(None),
        error: RwSignal::new(None),
        cursor: RwSignal::new(None),
        good_text: StoredValue::new(String::new()),
    };
    state.recompute();
    if state.good.get_untracked().is_none() {
        // A linked expression that does not build still shows a graph: the one the link names
        // as the last that built, else the default one.
        for shown in link.last.iter().map(String::as_str).chain([DEFAULT_EXPR]) {
            state.text.set(shown.to_owned());
            state.recompute();
            if state.good.with_untracked(Option::is_some) {
                break;
            }
        }
        state.text.set(link.expr);
        state.recompute();
    }
    provide_context(state);
}

/// The graph, in place of the network diagram.
#[component]
pub fn PlaygroundDiagram() -> impl IntoView {
    let pg = expect_context::<PlaygroundState>();
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    // Layers left to right, or top to bottom where the screen is narrow (as the network diagram).
    let tall = Memo::new(move |_| super::canvas::drawing_layout() == crate::diagram::Layout::Tall);
    let body = move || {
        let tall = tall.get();
        let (w, h) = if tall { TALL_BOX } else { BOX };
        pg.good.with(|good| {
            let p = good.as_ref()?;
            let Some(layout) = (if tall { p.tall_layout.as_ref() } else { p.layout.as_ref() }) else {
                return Some(view! { <text x=w / 2.0 y=h / 2.0 text-anchor="middle" class="rest">{strings().too_big_to_draw}</text> }.into_any());
            };
            let g = &p.built.graph;
            let reached = match pg.cursor.get() {
                None => p.order.len(),
                Some(k) => (k + 1).min(p.order.len()),
            };
            let done = &p.order[..reached];
            let at = pg.cursor.get().and_then(|_| done.last().copied());
            let edges = g
                .ids()
                .flat_map(|id| g.op_of(id).operands().map(move |o| (o, id)).collect::<Vec<_>>())
                .map(|(from, to)| {
                    let (a, b) = (layout.point(from), layout.point(to));
                    let class = if done.contains(&to) { "cedge lit" } else { "cedge" };
                    view! { <line class=class x1=a.x y1=a.y x2=b.x y2=b.y /> }
                })
                .collect_view();
            let nodes = g
                .ids()
                .map(|id| {
                    let pt = layout.point(id);
                    // "sigmoid" is wider than its circle: the drawing writes σ (the expression spells it out).
                    let label = match g.label(id).unwrap_or("") {
                        "sigmoid" => "σ".to_owned(),
                        other => other.to_owned(),
                    };
                    let is_leaf = matches!(g.op_of(id), Op::Leaf(_));
                    let class = if Some(id) == at {
                        "cnode at"
                    } else if done.contains(&id) {
                        "cnode lit"
                    } else {
                        "cnode"
                    };
                    let i = id.index();
                    let grad = p.grads.get(id);
                    view! {
                        <g class=class>
                            <circle cx=pt.x cy=pt.y r=if is_leaf { "20" } else { "22" } />
                            <text class="cname small" x=pt.x y=pt.y + 5.0 text-anchor="middle">{label}</text>
                            // Wide: the value above the node and the gradient below; tall (the
                            // edges run up and down): the value at its upper left and the gradient
                            // at its lower right, so neighbours in a row never share a line.
                            <text class="fwd small" x=if tall { pt.x - 18.0 } else { pt.x } y=if tall { pt.y - 18.0 } else { pt.y - 28.0 }
                                text-anchor=if tall { "end" } else { "middle" }>
                                <tspan data-testid=format!("pg-value-{i}") data-value=g.value(id).to_string()>{short(g.value(id))}</tspan>
                            </text>
                            {done.contains(&id).then(|| view! {
                                <text class="bwd small" x=if tall { pt.x + 18.0 } else { pt.x } y=if tall { pt.y + 32.0 } else { pt.y + 40.0 }
                                    text-anchor=if tall { "start" } else { "middle" }>
                                    <tspan data-testid=format!("pg-grad-{i}") data-value=grad.to_string()>{short(grad)}</tspan>
                                </text>
                            })}
                        </g>
                    }
                })
                .collect_view();
            Some(view! { {edges}{nodes} }.into_any())
        })
    };
    view! {
        <svg class=move || if tall.get() { "diagram circuit playground tall" } else { "diagram circuit playground" } viewBox=move || view_box(tall.get()) role="img"
            aria-label=move || pg.text.get()>
            {body}
        </svg>
        <p class="hint">{move || {
            let s = strings();
            if tall.get() {
                format!("{} · {}", s.forward_legend_tall, s.backward_legend_tall)
            } else {
                format!("{} · {}", s.forward_legend, s.backward_legend)
            }
        }}</p>
        <PlaygroundTable />
    }
}

/// The drawing's box: the layout's, and on a narrow screen room on both sides for the labels at
/// the nodes' corners.
fn view_box(tall: bool) -> String {
    if tall {
        let (w, h) = TALL_BOX;
        format!("-50 0 {} {h}", w + 100.0)
    } else {
        let (w, h) = BOX;
        format!("0 0 {w} {h}")
    }
}

/// The expression field, its error, the variables with their gradients and checks, in the panel.
#[component]
pub fn PlaygroundPanel() -> impl IntoView {
    let pg = expect_context::<PlaygroundState>();
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let on_input = move |ev: leptos::ev::Event| {
        pg.text.set(event_target_value(&ev));
        pg.recompute();
    };
    let error = move || {
        pg.error.with(|e| {
            e.as_ref().map(|(err, caret)| {
                let lang = lesson.state.with(|s| s.lang);
                let msg = pg.text.with(|t| expr_errors::message(lang, err, t));
                view! {
                    <div class="warning" role="alert" data-testid="expr-error">
                        <p>{msg}</p>
                        <pre class="caret">{caret.clone()}</pre>
                        <p class="hint">{strings().kept_last_good}</p>
                    </div>
                }
            })
        })
    };
    let total = move || pg.good.with(|g| g.as_ref().map_or(0, |p| p.order.len()));
    view! {
        <div class="playground-panel">
            <label class="field">
                <span>{lesson.text(|s| s.expr_label)}</span>
                <input type="text" class="expr" data-testid="expr-input" spellcheck="false" autocomplete="off"
                    prop:value=move || pg.text.get() on:input=on_input />
            </label>
            {error}
            {move || pg.good.with(|g| g.as_ref().map(|p| view! {
                <p class="sum">{strings().result_label}" f = "<Num id="value-result" value=p.built.value() /></p>
            }))}
            <div class="stepnav">
                <button aria-pressed=move || pg.cursor.get().is_none().to_string() data-testid="pg-all"
                    on:click=move |_| pg.cursor.set(None)>{lesson.text(|s| s.all_at_once)}</button>
                <button data-testid="pg-prev" disabled=move || { pg.cursor.get().is_none_or(|k| k == 0) }
                    on:click=move |_| pg.cursor.update(|c| *c = Some(c.map_or(0, |k| k.saturating_sub(1))))>{lesson.text(|s| s.node_prev)}</button>
                <button data-testid="pg-next" disabled=move || { pg.cursor.get().is_some_and(|k| k + 1 >= total()) }
                    on:click=move |_| pg.cursor.update(|c| *c = Some(c.map_or(0, |k| k + 1)))>{lesson.text(|s| s.node_next)}</button>
            </div>
        </div>
    }
}

/// Every variable's value (editable), gradient and finite-difference check, under the graph.
#[component]
pub fn PlaygroundTable() -> impl IntoView {
    let pg = expect_context::<PlaygroundState>();
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let rows = move || {
        pg.good.with(|good| {
            let p = good.as_ref()?;
            let rows = p
                .checks
                .iter()
                .map(|c| {
                    let name = c.name.clone();
                    let value = p.built.variable(&c.name).map_or(f64::NAN, |id| p.built.graph.value(id));
                    let set_name = name.clone();
                    let on_change = move |ev: leptos::ev::Event| {
                        let text = event_target_value(&ev);
                        if let Ok(parsed) = crate::value::parse(crate::value::Kind::Value, &text) {
                            pg.values.update(|m| {
                                m.insert(set_name.clone(), parsed.value);
                            });
                            pg.recompute();
                        }
                    };
                    let agree = if c.agrees {
                        strings().agrees
                    } else {
                        strings().disagrees
                    };
                    let mark = mark(c.caveat);
                    view! {
                        <tr class:differ=!c.agrees>
                            <th scope="row">{name.clone()}</th>
                            <td>
                                <input type="number" step="any" class="small-input num" aria-label=name.clone()
                                    data-testid=format!("var-{name}") data-value=value.to_string()
                                    prop:value=crate::value::write(value) on:change=on_change />
                            </td>
                            <td><Num id=format!("grad-{name}") value=c.analytic /></td>
                            <td><Num id=format!("fd-{name}") value=c.numeric /></td>
                            <td data-testid=format!("check-{name}") data-agrees=c.agrees.to_string()>
                                {if c.agrees { "✓ " } else { "✗ " }}{agree}{mark}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            // One line for each kind of caveat present, after its mark.
            let notes: Vec<String> = [
                (Caveat::Kink, strings().kink_note),
                (Caveat::Imprecise, strings().imprecise_note),
                (Caveat::NotFinite, strings().not_finite_note),
            ]
            .into_iter()
            .filter(|(k, _)| p.checks.iter().any(|c| c.caveat == Some(*k)))
            .map(|(k, note)| format!("{} {note}", mark(Some(k)).trim_start()))
            .collect();
            let header = strings()
                .pg_cols
                .map(|c| view! { <th scope="col">{c}</th> })
                .collect_view();
            Some(view! {
                <div class="chart update-wrap">
                    <table class="grads"><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>
                    {(!notes.is_empty()).then(|| view! { <p class="hint caveats" data-testid="check-notes">{notes.join("\n")}</p> })}
                </div>
            })
        })
    };
    rows
}

/// The mark after a check's verdict that points to the note on its caveat.
fn mark(caveat: Option<Caveat>) -> &'static str {
    match caveat {
        None => "",
        Some(Caveat::Kink) => " *",
        Some(Caveat::Imprecise) => " †",
        Some(Caveat::NotFinite) => " ‡",
    }
}

/// Whether the step shows the playground graph instead of the 2-2-2 network.
pub fn is_playground(step: Step) -> bool {
    step == Step::Playground
}
