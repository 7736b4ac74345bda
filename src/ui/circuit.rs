//! The add-node, mul-node and worked-chain steps: a small graph with forward values above its edges and gradients below.

use super::formula::{FormulaList, FormulaView};
use super::num::short;
use super::state::Lesson;
use crate::lesson::{input_names, Circuit, CircuitKind, Step, Tie, CIRCUIT_BOX, CIRCUIT_TALL_BOX, NODE_RADIUS};
use crate::math::{formulas, Layout};
use leptos::prelude::*;

/// What the learner set on these steps: x and y of the add/mul nodes, the incoming gradient,
/// the worked chain shown, and how far its backward pass has gone.
#[derive(Clone, Copy)]
pub struct CircuitState {
    pub xy: RwSignal<[f64; 2]>,
    pub upstream: RwSignal<f64>,
    pub example: RwSignal<CircuitKind>,
    pub cursor: RwSignal<usize>,
    /// The circuit of the current step, built by the core; nothing on other steps.
    pub circuit: Memo<Option<Circuit>>,
}

/// Puts the circuit state in context (called once by the lab).
pub fn provide(lesson: Lesson) {
    let xy = RwSignal::new([3.0, -2.0]);
    let upstream = RwSignal::new(1.5);
    let example = RwSignal::new(CircuitKind::Cs231n);
    let circuit = Memo::new(move |_| {
        let kind = match lesson.state.with(|s| s.step) {
            Step::AddNode => CircuitKind::Add,
            Step::MulNode => CircuitKind::Mul,
            Step::Graph => example.get(),
            _ => return None,
        };
        let inputs = match kind {
            CircuitKind::Add | CircuitKind::Mul => xy.get().to_vec(),
            _ => Vec::new(),
        };
        Some(Circuit::build(kind, &inputs, upstream.get()))
    });
    provide_context(CircuitState {
        xy,
        upstream,
        example,
        cursor: RwSignal::new(0),
        circuit,
    });
}

/// Whether the step shows a circuit instead of the 2-2-2 network.
pub fn is_circuit_step(step: Step) -> bool {
    matches!(step, Step::AddNode | Step::MulNode | Step::Graph)
}

/// How many of the circuit's nodes the backward pass has reached (all of them outside the graph step).
fn reached(c: &Circuit, cursor: usize) -> usize {
    match c.kind {
        CircuitKind::Add | CircuitKind::Mul => c.order.len(),
        _ => (cursor + 1).min(c.order.len()),
    }
}

/// How wide a number drawn in the circuit is (15 px type), for placing the swap arrows.
fn number_width(v: f64) -> f64 {
    short(v).chars().count() as f64 * 8.5
}

/// The drawing, in place of the network diagram: layers left to right, or top to bottom on a
/// narrow screen (as the network diagram), so that its text stays readable on a phone.
#[component]
pub fn CircuitDiagram() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let cs = expect_context::<CircuitState>();
    let circuit = cs.circuit;
    let strings = move || lesson.lang.get().strings();
    let tall = Memo::new(move |_| super::canvas::drawing_layout() == crate::diagram::Layout::Tall);
    // Practice mode: an input's gradient still asked shows `?`, on its node and on its edge.
    let practice = use_context::<super::practice::Practice>();
    let asked = move |name: &str| practice.is_some_and(|p| p.hides(&format!("node-grad-{name}")));
    let body = move || {
        let tall = tall.get();
        circuit.with(|c| {
            let c = c.as_ref()?;
            let done = &c.order[..reached(c, cs.cursor.get())];
            let at = (c.kind != CircuitKind::Add && c.kind != CircuitKind::Mul).then(|| done.last().copied()).flatten();
            let edges = c
                .edges
                .iter()
                .map(|e| {
                    let (a, b) = (&c.nodes[e.from], &c.nodes[e.to]);
                    let ((x1, y1), (x2, y2)) = (c.point(e.from, tall), c.point(e.to, tall));
                    let (value, share_at) = c.edge_labels(e, tall);
                    let flowing = done.contains(&e.to);
                    let share = b.grad * e.local;
                    let id = format!("edge-{}-{}", a.name, b.name);
                    let hide_value = a.name == "L";
                    let asked = asked(a.name);
                    view! {
                        <line class=if flowing { "cedge lit" } else { "cedge" } x1=x1 y1=y1 x2=x2 y2=y2 />
                        {(!hide_value).then(|| view! {
                            <text class="fwd" x=value.x y=value.y text-anchor=value.anchor.as_str()>{short(a.value)}</text>
                        })}
                        {flowing.then(|| view! {
                            <text class="bwd" x=share_at.x y=share_at.y text-anchor=share_at.anchor.as_str()>
                                <tspan data-testid=(!asked).then_some(id) data-value=(!asked).then(|| share.to_string())>
                                    {if asked { "?".to_owned() } else { short(share) }}
                                </tspan>
                            </text>
                        })}
                    }
                })
                .collect_view();
            let nodes = c
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let reached = done.contains(&i);
                    let class = if Some(i) == at { "cnode at" } else if reached { "cnode lit" } else { "cnode" };
                    let is_rest = n.name == "L" && c.upstream.is_some();
                    let asked = asked(n.name);
                    let (x, y) = c.point(i, tall);
                    let (value, grad) = c.node_labels(i, tall);
                    let name = n.op.map_or(n.name.to_string(), |op| if is_rest { op.to_string() } else { format!("{op} {}", n.name) });
                    let name_class = if name.chars().count() > 5 { "cname long" } else { "cname" };
                    // The rest of the network has no numbers of its own, only a caption: below it.
                    let rest_at = if tall { value } else { grad };
                    view! {
                        <g class=class>
                            <circle cx=x cy=y r=NODE_RADIUS />
                            <text class=name_class x=x y=y + 6.0 text-anchor="middle">
                                {name}
                            </text>
                            {(!is_rest).then(|| view! {
                                <text class="fwd" x=value.x y=value.y text-anchor=value.anchor.as_str()>
                                    {format!("{} = ", n.name)}
                                    <tspan data-testid=format!("node-value-{}", n.name) data-value=n.value.to_string()>{short(n.value)}</tspan>
                                </text>
                            })}
                            {(reached && !is_rest).then(|| view! {
                                <text class="bwd" x=grad.x y=grad.y text-anchor=grad.anchor.as_str()>
                                    {format!("∂{}/∂{} = ", c.nodes[c.order[0]].name, n.name)}
                                    <tspan data-testid=(!asked).then(|| format!("node-grad-{}", n.name)) data-value=(!asked).then(|| n.grad.to_string())>
                                        {if asked { "?".to_owned() } else { short(n.grad) }}
                                    </tspan>
                                </text>
                            })}
                            {is_rest.then(|| view! {
                                <text class="rest" x=rest_at.x y=rest_at.y text-anchor=rest_at.anchor.as_str()>{strings().rest_of_network}</text>
                            })}
                        </g>
                    }
                })
                .collect_view();
            // The multiply node's swap: each input's value goes to the other input's gradient.
            let swap = c.swap_arrows(tall, &number_width).map(|[x_to_y, y_to_x]| {
                view! {
                    <path class="swap" data-testid="swap-x-to-y" d=x_to_y />
                    <path class="swap" data-testid="swap-y-to-x" d=y_to_x />
                }
            });
            Some(view! { {edges}{swap}{nodes} })
        })
    };
    // Where the numbers stand, for the drawing at hand: under it and as the drawing's label.
    let legend = move |between: &str| {
        let s = strings();
        let (forward, backward) = match tall.get() {
            true => (s.circuit_legend_tall_forward, s.circuit_legend_tall_backward),
            false => (s.forward_legend, s.backward_legend),
        };
        format!("{forward}{between}{backward}")
    };
    let view_box = move || {
        let (w, h) = match tall.get() {
            true => circuit.with(|c| c.as_ref().map_or(CIRCUIT_TALL_BOX, |c| c.tall_box())),
            false => CIRCUIT_BOX,
        };
        format!("0 0 {w} {h}")
    };
    view! {
        <svg class=move || if tall.get() { "diagram circuit tall" } else { "diagram circuit" } viewBox=view_box
            role="img" aria-label=move || legend("; ")>
            <defs>
                <marker id="swap-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path class="swap-head" d="M 0 0 L 10 5 L 0 10 z" />
                </marker>
            </defs>
            {body}
        </svg>
        <p class="hint">{move || legend(" · ")}</p>
    }
}

/// A number field that applies only numbers the shared validation accepts (the last good value
/// stays otherwise).
#[component]
fn NumberField(label: String, testid: String, value: Signal<f64>, set: Callback<f64>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(parsed) = crate::value::parse(crate::value::Kind::Value, &event_target_value(&ev)) {
            set.run(parsed.value);
        }
    };
    view! {
        <label class="field inline">
            <span>{label}</span>
            <input type="number" step="any" data-testid=testid prop:value=move || value.get().to_string() on:change=on_change />
        </label>
    }
}

/// The controls and numbers of these steps, in the step panel.
#[component]
pub fn CircuitPanel() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let cs = expect_context::<CircuitState>();
    let circuit = cs.circuit;
    let strings = move || lesson.lang.get().strings();
    let step = move || lesson.state.with(|s| s.step);
    let inputs = move || {
        (step() != Step::Graph).then(|| {
            let field = move |i: usize| {
                let name = input_names(CircuitKind::Add)[i];
                view! {
                    <NumberField label=name.to_string() testid=format!("input-{name}")
                        value=Signal::derive(move || cs.xy.get()[i])
                        set=Callback::new(move |v| cs.xy.update(|xy| xy[i] = v)) />
                }
            };
            view! {
                <div class="fields">
                    {field(0)}
                    {field(1)}
                    <NumberField label=strings().upstream_in.to_string() testid="input-upstream".to_string()
                        value=Signal::derive(move || cs.upstream.get())
                        set=Callback::new(move |v| cs.upstream.set(v)) />
                </div>
            }
        })
    };
    let chooser = move || {
        (step() == Step::Graph).then(|| {
            let pick = move |ev: leptos::ev::Event| {
                let kind = if event_target_value(&ev) == "apple" { CircuitKind::Apple } else { CircuitKind::Cs231n };
                cs.example.set(kind);
                cs.cursor.set(0);
            };
            let total = move || circuit.with(|c| c.as_ref().map_or(0, |c| c.order.len()));
            view! {
                <label class="field">
                    <span>{lesson.text(|s| s.example_label)}</span>
                    <select data-testid="graph-example" on:change=pick>
                        <option value="cs231n" selected=move || cs.example.get() == CircuitKind::Cs231n>{lesson.text(|s| s.cs231n_example)}</option>
                        <option value="apple" selected=move || cs.example.get() == CircuitKind::Apple>{lesson.text(|s| s.apple_example)}</option>
                    </select>
                </label>
                <div class="stepnav">
                    <button data-testid="node-prev" disabled=move || cs.cursor.get() == 0
                        on:click=move |_| cs.cursor.update(|k| *k = k.saturating_sub(1))>{lesson.text(|s| s.node_prev)}</button>
                    <button data-testid="node-next" disabled=move || { cs.cursor.get() + 1 >= total() }
                        on:click=move |_| cs.cursor.update(|k| *k += 1)>{lesson.text(|s| s.node_next)}</button>
                </div>
                <CurrentNode />
            }
        })
    };
    // The node's forward rule and both backward rules with the current numbers (add and multiply steps).
    let rules = move || {
        circuit.with(|c| {
            let c = c
                .as_ref()
                .filter(|c| matches!(c.kind, CircuitKind::Add | CircuitKind::Mul))?;
            let list = [
                formulas::node_forward(c),
                formulas::node_backward(c, "x"),
                formulas::node_backward(c, "y"),
            ];
            Some(view! { <FormulaList list={ list.into_iter().flatten().collect::<Vec<_>>() } /> })
        })
    };
    let tie = NodeRef::new();
    let practice = use_context::<super::practice::Practice>();
    super::practice::write_markup(tie, Box::new(move || tie_back(lesson, practice)));
    let follow = move |ev: leptos::ev::MouseEvent| {
        if super::practice::target_id(&ev, "button").as_deref() == Some("tie-link") {
            let step = lesson.state.with(|s| s.step);
            if let Some(t) = lesson.net.with(|(net, _)| Tie::of(step, net)) {
                lesson.go(t.link());
            }
        }
    };
    view! { <div class="circuit-panel">{inputs}{rules}{chooser}<div node_ref=tie on:click=follow></div></div> }
}

/// Where this step's rule acts in the 2-2-2 network, with the network's current numbers from
/// the core, and a link to the network step that shows it; as markup (one small view for all of
/// it, the formulas written as `FormulaList` writes them).
fn tie_back(lesson: Lesson, practice: Option<super::practice::Practice>) -> String {
    let step = lesson.state.with(|s| s.step);
    let lang = lesson.lang.get();
    let words = crate::i18n::circuit::circuit(lang);
    lesson.net.with(|(net, _)| {
        let Some(tie) = Tie::of(step, net) else { return String::new() };
        let text = match tie {
            Tie::Add { .. } => &words.add,
            Tie::Mul { .. } => &words.mul,
            Tie::FanOut { .. } => &words.fan_out,
        };
        let list = super::formula::list_html(
            &formulas::tie(&tie, net),
            Layout::Block(38),
            "formula",
            Some(("ul", "tie-list")),
            lang,
            practice,
        );
        format!(
            "<section class=\"tie\" data-testid=\"tie\"><h3>{}</h3><p class=\"explain\">{}</p>{list}<button class=\"link\" data-testid=\"tie-link\" data-target=\"{}\">{}</button></section>",
            words.heading,
            text.body,
            tie.link().slug(),
            text.link
        )
    })
}

/// Where the backward pass of the worked chain is: the node, its upstream gradient, and what it
/// passes to each input (upstream times the local derivative).
#[component]
fn CurrentNode() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let cs = expect_context::<CircuitState>();
    let circuit = cs.circuit;
    let strings = move || lesson.lang.get().strings();
    move || {
        circuit.with(|c| {
            let c = c.as_ref()?;
            let k = cs.cursor.get().min(c.order.len().saturating_sub(1));
            let i = *c.order.get(k)?;
            let node = &c.nodes[i];
            let out = c.nodes[c.order[0]].name;
            let at = strings()
                .graph_at
                .replace("{node}", node.name)
                .replace("{n}", &(k + 1).to_string())
                .replace("{total}", &c.order.len().to_string());
            let shares: Vec<_> = c
                .edges
                .iter()
                .filter(|e| e.to == i)
                .map(|e| {
                    let from = c.nodes[e.from].name;
                    formulas::share(out, node.name, from, node.grad, e.local, node.grad * e.local)
                        .shown_as(format!("share-{from}"))
                })
                .collect();
            Some(view! {
                <div class="current-node">
                    <h3>{at}</h3>
                    <p><FormulaView formula=formulas::gradient(out, node.name, node.grad).shown_as("current-upstream") inline=true /></p>
                    <FormulaList list=shares inline=true items=("ul", "shares") />
                </div>
            })
        })
    }
}
