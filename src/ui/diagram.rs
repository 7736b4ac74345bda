//! The 2-2-2 network drawn as SVG: nodes with their values, weight labels, and the current step's highlights.

use super::num::short;
use super::state::Lesson;
use crate::diagram::{self, Kind, Layout, EDGES, NODES};
use crate::i18n::Lang;
use crate::lesson::{Frame, Mark, Step};
use crate::net::{Net, Param};
use leptos::prelude::*;

/// Which number the diagram's editor shows: one the learner picked (an input or a target), else
/// the parameter whose chain rule is open; `hidden` after its close button, until the step changes.
#[derive(Clone, Copy)]
struct Picked {
    name: RwSignal<Option<&'static str>>,
    hidden: RwSignal<bool>,
}

/// The diagram in words for screen readers (and print): the step, what it lights, every value.
/// `hide` names the displays practice mode keeps off the page (`value-h1`, `upstream-Y1`,
/// `path-1`, `paths` while the number of paths is asked), `blank` the values it keeps off.
fn describe(lang: Lang, step: Step, frame: &Frame, net: &Net, practice: Hide) -> String {
    let strings = lang.strings();
    let counting = practice.counting();
    let hide = |id: &str| (id == "paths" && counting) || practice.id(id);
    let blank = |v: f64| practice.value(v);
    // A number shown under page id `id`, or `?` while practice keeps the id or the value off.
    let num = |id: &str, v: f64| match hide(id) || blank(v) {
        true => "?".to_owned(),
        false => short(v),
    };
    let mut parts = vec![crate::i18n::steps::text_of(lang, step).0];
    let shows = |n: &str| !hide(&format!("value-{n}")) && !hide(&format!("upstream-{n}"));
    let list = |names: &mut dyn Iterator<Item = (&str, f64)>| {
        names
            .map(|(n, v)| match shows(n) && !blank(v) {
                true => format!("{n} = {}", short(v)),
                false => format!("{n} = ?"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let active: Vec<_> = frame
        .nodes
        .iter()
        .filter(|(_, m)| *m == Mark::Active)
        .map(|(n, _)| *n)
        .collect();
    // At a stop of the sweep the step computes ∂E/∂node, which the stop's words below give; the
    // lit node's forward value is not what it computes.
    if !active.is_empty() && frame.stop.is_none() {
        let values = list(&mut active.iter().map(|&n| (n, net.value(n))));
        parts.push(strings.alt_active.replace("{list}", &values));
    }
    if let Some(at) = frame.sweep_at {
        parts.push(strings.alt_sweep.replace("{node}", at));
    }
    if let Some(stop) = frame.stop.as_ref() {
        parts.extend(crate::i18n::sweep::stop_words(lang, stop, &num));
    }
    if !frame.upstream.is_empty() {
        let values = list(&mut frame.upstream.iter().map(|&(n, g)| (n, g)));
        parts.push(strings.alt_upstream.replace("{list}", &values));
    }
    if let Some(chain) = frame.chain.as_ref().filter(|_| !hide("paths")) {
        for (k, path) in chain.paths.iter().enumerate() {
            let mut nodes = vec![path.source.as_str()];
            nodes.extend(path.factors.iter().map(|f| f.wrt.as_str()));
            let style = if k == 0 { strings.alt_solid } else { strings.alt_dashed };
            parts.push(
                strings
                    .alt_path
                    .replace("{k}", &(k + 1).to_string())
                    .replace("{style}", style)
                    .replace("{nodes}", &nodes.join(" → "))
                    .replace("{value}", &num(&format!("path-{}", k + 1), path.product)),
            );
        }
        if chain.paths.len() > 1 {
            parts.push(strings.alt_shared.to_owned());
        }
    }
    let shown = NODES.iter().map(|n| n.name).filter(|n| !frame.pending.contains(n));
    let values = list(&mut shown.map(|n| match Param::from_name(n) {
        Some(p) => (n, net.param(p)),
        None => (n, net.value(n)),
    }));
    let weights = list(
        &mut Param::ALL
            .iter()
            .filter(|p| p.name().starts_with('w'))
            .map(|p| (p.name(), net.param(*p))),
    );
    parts.push(strings.alt_values.replace("{list}", &format!("{values}; {weights}")));
    if !frame.pending.is_empty() {
        parts.push(strings.alt_pending.replace("{list}", &frame.pending.join(", ")));
    }
    parts.join(" ")
}

/// What practice mode keeps off the diagram: a display by its id, and the chain's paths while
/// their number is asked (always nothing outside practice mode).
#[derive(Clone, Copy)]
struct Hide(Option<super::practice::Practice>);

impl Hide {
    fn id(self, id: &str) -> bool {
        self.0.is_some_and(|p| p.hides(id))
    }

    /// Whether a number equal to `v` is kept off the page.
    fn value(self, v: f64) -> bool {
        self.0.is_some_and(|p| p.blanks(v))
    }

    /// Whether "how many paths?" is the open question: the paths are not shown.
    fn counting(self) -> bool {
        self.0.is_some_and(|p| p.flag(|f| f.paths))
    }

    /// A path's mark, unless the number of paths is the open question.
    fn mark(self, mark: Option<Mark>) -> Option<Mark> {
        let counting = self.counting();
        mark.filter(|m| !(counting && matches!(m, Mark::Path(_) | Mark::Shared)))
    }
}

fn mark_class(mark: Option<Mark>) -> &'static str {
    match mark {
        None => "",
        Some(Mark::Active) => "lit-active",
        Some(Mark::Done) => "lit-done",
        Some(Mark::Path(1)) => "lit-path1",
        Some(Mark::Path(_)) => "lit-path2",
        Some(Mark::Shared) => "lit-shared",
    }
}

/// The whole diagram.
#[component]
pub fn NetworkDiagram() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let hide = Hide(use_context());
    provide_context(hide);
    // Layers left to right, or top to bottom where the screen is narrow; redrawn on resize.
    let layout = Memo::new(move |_| super::canvas::drawing_layout());
    let picked = Picked {
        name: RwSignal::new(None),
        hidden: RwSignal::new(false),
    };
    provide_context(picked);
    // A new step closes what was picked on the last one.
    Effect::new(move |prev: Option<Step>| {
        let step = lesson.state.with(|s| s.step);
        if prev.is_some_and(|p| p != step) {
            picked.name.set(None);
            picked.hidden.set(false);
        }
        step
    });
    let text = move || {
        let (lang, step) = lesson.state.with(|s| (s.lang, s.step));
        lesson
            .net
            .with(|(net, _)| lesson.frame.with(|f| describe(lang, step, f, net, hide)))
    };
    view! {
        <div class="diagram-wrap">
        {move || {
            let layout = layout.get();
            let (w, h) = layout.size();
            view! {
                <svg class=if layout == Layout::Tall { "diagram tall" } else { "diagram" } viewBox=format!("0 0 {w} {h}")
                    role="group" aria-label=move || strings().diagram_label aria-describedby="diagram-text">
                    <g class="edges">{EDGES.iter().enumerate().map(|(i, e)| view! { <EdgeLine index=i edge=e layout=layout /> }).collect_view()}</g>
                    <g class="nodes">{NODES.iter().map(|n| view! { <NodeMark node=n layout=layout /> }).collect_view()}</g>
                    <g class="labels">
                        {EDGES.iter().filter(|e| e.param.is_some() && e.label_at > 0.0).map(|e| view! { <WeightLabel edge=e layout=layout /> }).collect_view()}
                    </g>
                </svg>
            }
        }}
        <p id="diagram-text" class="sr-only print-too" data-testid="diagram-text">{text}</p>
        <ParamChips />
        <Editor />
        </div>
    }
}

/// The editor of the picked number, over the diagram's top corner (below it on narrow screens):
/// the same field and slider as the parameters panel, so an edit here is the same edit.
#[component]
fn Editor() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let picked = expect_context::<Picked>();
    let strings = move || lesson.lang.get().strings();
    // A memo: the bar is rebuilt only when the picked name changes, not on every edit of the
    // state it reads the step from (it was rebuilt, field and slider, on each edit).
    let name = Memo::new(move |_| {
        if picked.hidden.get() {
            return None;
        }
        picked.name.get().or_else(|| match lesson.state.with(|s| s.step) {
            Step::Grad(p) => Some(p.name()),
            _ => None,
        })
    });
    move || {
        name.get().map(|name| {
            view! {
                <div class="diagram-editor" role="group" data-testid="diagram-editor"
                    aria-label=move || strings().edit_in_place.replace("{name}", name)>
                    <super::params::Field name=name prefix="diagram-edit" />
                    <button class="close" data-testid="diagram-editor-close" aria-label=move || strings().close
                        on:click=move |_| picked.hidden.set(true)>"×"</button>
                </div>
            }
        })
    }
}

#[component]
fn EdgeLine(index: usize, edge: &'static diagram::Edge, layout: Layout) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let hide = expect_context::<Hide>();
    let (x1, y1, x2, y2) = layout.segment(edge);
    // Memos, so an edit that changes numbers but not marks touches no attribute here.
    let mark = Memo::new(move |_| hide.mark(lesson.frame.with(|f| f.edge_mark(index))));
    let mark = move || mark.get();
    let class = move || format!("edge {}", mark_class(mark()));
    view! {
        <line class=class x1=x1 y1=y1 x2=x2 y2=y2 />
        <line class=move || if mark() == Some(Mark::Shared) { "edge-inner" } else { "edge-inner hidden" } x1=x1 y1=y1 x2=x2 y2=y2 />
    }
}

/// A weight's label on its edge: name and value; clicking it opens that weight's chain rule.
#[component]
fn WeightLabel(edge: &'static diagram::Edge, layout: Layout) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let p = edge.param.expect("a weight edge");
    let (x, y) = layout.label_point(edge);
    let value = Memo::new(move |_| lesson.net.with(|(net, _)| net.param(p)));
    let changed = just_changed(value);
    let value = move || value.get();
    let selected = Memo::new(move |_| lesson.state.with(|s| s.step == Step::Grad(p)));
    let selected = move || selected.get();
    let open = move || lesson.go(Step::Grad(p));
    view! {
        <g
            class=move || if selected() { "param weight selected" } else { "param weight" }
            role="button"
            tabindex="0"
            aria-label=move || format!("{} = {}", p.name(), short(value()))
            on:click=move |_| open()
            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open() }
        >
            <rect x=x - 44.0 y=y - 17.0 width="88" height="34" rx="8" />
            <text x=x y=y + 6.0 text-anchor="middle">
                <tspan class="pname">{p.name()}</tspan>
                " "
                <tspan class=move || changed().then_some("changed") data-testid=format!("param-{}", p.name()) data-value=move || value().to_string()>{move || short(value())}</tspan>
            </text>
        </g>
    }
}

/// Whether `value` changed within the last two seconds (an edit, a slider, new numbers): the
/// diagram marks such a number so a class sees what an edit moved. Not on the first value.
fn just_changed(value: Memo<f64>) -> impl Fn() -> bool + Copy {
    let (on, edits) = (RwSignal::new(false), StoredValue::new(0u32));
    Effect::new(move |prev: Option<f64>| {
        let v = value.get();
        if prev.is_some_and(|p| p.to_bits() != v.to_bits()) {
            on.set(true);
            edits.update_value(|n| *n = n.wrapping_add(1));
            let mine = edits.get_value();
            set_timeout(
                move || {
                    if edits.try_get_value() == Some(mine) {
                        on.set(false);
                    }
                },
                std::time::Duration::from_millis(2000),
            );
        }
        v
    });
    move || on.get()
}

/// One node: shape by kind, its name, its value, and in the backward sweep its upstream gradient.
#[component]
fn NodeMark(node: &'static diagram::Node, layout: Layout) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let name = node.name;
    let (x, y) = layout.place(node);
    let param = crate::net::Param::from_name(name);
    let value = Memo::new(move |_| match param {
        Some(p) => lesson.net.with(|(net, _)| net.param(p)),
        None => lesson.net.with(|(net, _)| net.value(name)),
    });
    let changed = just_changed(value);
    let value = move || value.get();
    let testid = match param {
        Some(p) => format!("param-{}", p.name()),
        None => format!("value-{name}"),
    };
    // Practice mode: a value still to be worked out shows `?`, without its id and value.
    let hide = expect_context::<Hide>();
    let shown = {
        let testid = testid.clone();
        Memo::new(move |_| !hide.id(&testid) && !hide.value(value()))
    };
    let shown = move || shown.get();
    let class = Memo::new(move |_| {
        lesson.frame.with(|f| {
            let pending = if f.pending.contains(&name) { " pending" } else { "" };
            let at = if f.sweep_at == Some(name) { " sweep-at" } else { "" };
            format!(
                "node kind-{} {}{pending}{at}",
                node.kind.css(),
                mark_class(hide.mark(f.node_mark(name)))
            )
        })
    });
    let class = move || class.get();
    let upstream = Memo::new(move |_| {
        lesson
            .frame
            .with(|f| f.upstream.iter().find(|(n, _)| *n == name).map(|&(_, g)| g))
            .map(|g| (g, !hide.id(&format!("upstream-{name}")) && !hide.value(g)))
    });
    let upstream = move || upstream.get();
    let small = matches!(node.kind, Kind::Bias | Kind::Target);
    let shape = if small {
        view! { <rect x=x - 34.0 y=y - 20.0 width="68" height="40" rx="8" /> }.into_any()
    } else {
        view! { <circle cx=x cy=y r="31" /> }.into_any()
    };
    let (name_y, value_y) = if small {
        (y - 2.0, y + 15.0)
    } else {
        (y + 7.0, y + 52.0)
    };
    // Inputs and targets have no chain rule: clicking one opens its editor.
    let editable = matches!(node.kind, Kind::Input | Kind::Target);
    let body = view! {
        {shape}
        <text class="nname" x=x y=name_y text-anchor="middle">{name}</text>
        <text class="nvalue" x=x y=value_y text-anchor="middle">
            <tspan class=move || changed().then_some("changed") data-testid=move || shown().then(|| testid.clone()) data-value=move || shown().then(|| value().to_string())>
                {move || if shown() { short(value()) } else { "?".to_owned() }}
            </tspan>
        </text>
        {move || upstream().map(|(g, shown)| {
            let below = layout == Layout::Wide && y > diagram::HEIGHT / 2.0;
            let top = if below { y + 58.0 } else { y - 62.0 };
            // The same six significant digits as every number of the page and the answer sheet
            // (it wrote four decimals: ∂E/∂h1 0.0088 beside the sheet's ∂E/∂b1 0.00877135).
            let text = if shown { short(g) } else { "?".to_owned() };
            let width = 9.0 * text.chars().count() as f64 + 18.0;
            view! {
                <g class="upstream">
                    <rect x=x - width / 2.0 y=top width=width height="24" rx="12" />
                    <text x=x y=top + 17.0 text-anchor="middle">
                        <tspan data-testid=shown.then(|| format!("upstream-{name}")) data-value=shown.then(|| g.to_string())>
                            {text}
                        </tspan>
                    </text>
                </g>
            }
        })}
    };
    match param {
        Some(p) => {
            let open = move || lesson.go(Step::Grad(p));
            view! {
                <g class=move || format!("{} param", class()) role="button" tabindex="0"
                    on:click=move |_| open()
                    on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open() }>
                    {body}
                </g>
            }
            .into_any()
        }
        None if editable => {
            let picked = expect_context::<Picked>();
            let open = move || {
                picked.name.set(Some(name));
                picked.hidden.set(false);
            };
            view! {
                <g class=move || format!("{} param", class()) role="button" tabindex="0"
                    on:click=move |_| open()
                    on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); open() }>
                    {body}
                </g>
            }
            .into_any()
        }
        None => view! { <g class=class>{body}</g> }.into_any(),
    }
}

/// The twelve parameters as finger-sized buttons under the drawing, shown on narrow screens where
/// the drawing's own labels are smaller than a fingertip: each opens that parameter's chain rule.
#[component]
fn ParamChips() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let chips = Param::ALL
        .iter()
        .map(|&p| {
            let current = move || lesson.state.with(|s| s.step == Step::Grad(p));
            view! {
                <button data-testid=format!("chip-{}", p.name()) aria-pressed=move || current().to_string()
                    on:click=move |_| lesson.go(Step::Grad(p))>{p.name()}</button>
            }
        })
        .collect_view();
    view! {
        <nav class="param-chips" aria-label=move || strings().chain_rule_for>
            <span aria-hidden="true">{lesson.text(|s| s.chain_rule_for)}</span>
            {chips}
        </nav>
    }
}
