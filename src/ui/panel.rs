//! The step panel: title, explanation in the chosen language, and the step's numbers (chain rule, gradients).

use super::formula::FormulaList;
use super::num::Num;
use super::practice::Practice;
use super::state::Lesson;
use crate::i18n::particle;
use crate::lesson::{SignCase, Stage, Step};
use crate::math::{formulas, Formula};
use crate::net::Param;
use leptos::prelude::*;

/// The panel for the current step.
#[component]
pub fn StepPanel() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let step = move || lesson.state.with(|s| s.step);
    let text = move || crate::i18n::steps::text_of(lesson.lang.get(), step());
    let practice = use_context::<Practice>();
    // The chain view is built again only for another parameter, path count or language; it
    // waits while practice mode asks how many paths there are.
    let chain_key = Memo::new(move |_| {
        let lang = lesson.state.with(|s| s.lang);
        let counting = practice.is_some_and(|p| p.flag(|f| f.paths));
        lesson
            .frame
            .with(|f| f.chain.as_ref().map(|c| (c.param, c.paths.len(), lang)))
            .filter(|_| !counting)
    });
    view! {
        <section class="panel" aria-live="polite">
            <h2>{move || text().0}</h2>
            <p class="explain">{move || text().1}{move || first_note(lesson, practice)}</p>
            <super::practice::PracticeBox />
            <StepFormulas />
            {move || lesson.net.with(|(_, err)| err.as_ref().map(|e| {
                view! { <p class="warning" role="alert">{strings().bad_state.replace("{what}", &crate::i18n::net_errors::message(lesson.lang.get(), e))}</p> }
            }))}
            {move || chain_key.get().map(|(param, _, _)| view! { <ChainView param=param /> })}
            <super::sweep::SweepView />
            {move || match step() {
                Step::Update => Some(view! { <super::update::UpdateView /> }.into_any()),
                Step::Descent => Some(view! { <super::descent::DescentView /> }.into_any()),
                Step::Train => Some(view! { <super::train::TrainView /> }.into_any()),
                Step::AddNode | Step::MulNode | Step::Graph => Some(view! { <super::circuit::CircuitPanel /> }.into_any()),
                Step::Playground => Some(view! { <super::playground::PlaygroundPanel /> }.into_any()),
                _ => None,
            }}
            <Show when=move || super::on_network(step())>
                <p class="hint">{lesson.text(|s| s.click_hint)}</p>
            </Show>
        </section>
    }
}

/// The first step's last sentence: how to turn practice mode on; nothing while it is on (its
/// questions start on the next step, and the practice bar says what it does).
fn first_note(lesson: Lesson, practice: Option<Practice>) -> Option<String> {
    let on = practice.is_some_and(|p| p.on.get());
    if on || lesson.state.with(|s| s.step) != Step::Forward(Stage::Inputs) {
        return None;
    }
    Some(format!(" {}", lesson.lang.get().strings().practice_invite))
}

/// The formulas of the forward and error steps: each weighted sum, activation and error with the
/// network's current numbers.
#[component]
fn StepFormulas() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    move || {
        let step = lesson.state.with(|s| s.step);
        let list: Vec<Formula> = lesson.net.with(|(net, _)| match step {
            Step::Forward(Stage::HiddenSum) => ["h1", "h2"]
                .iter()
                .filter_map(|n| formulas::weighted_sum(net, n))
                .collect(),
            Step::Forward(Stage::HiddenOut) => ["H1", "H2"]
                .iter()
                .filter_map(|n| formulas::activation(net, n))
                .collect(),
            Step::Forward(Stage::OutputSum) => ["y1", "y2"]
                .iter()
                .filter_map(|n| formulas::weighted_sum(net, n))
                .collect(),
            Step::Forward(Stage::OutputOut) => ["Y1", "Y2"]
                .iter()
                .filter_map(|n| formulas::activation(net, n))
                .collect(),
            Step::Error => vec![
                formulas::error_term(net, 1),
                formulas::error_term(net, 2),
                formulas::total_error(net),
            ],
            _ => Vec::new(),
        });
        (!list.is_empty()).then(|| view! { <FormulaList list=list /> })
    }
}

/// The chain rule for one parameter: each path's factors and product, their sum, and the core's
/// gradient. Built once per parameter and language; when the numbers change (an edit), its
/// formulas follow the lesson's frame in place instead of being built again.
#[component]
fn ChainView(param: Param) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let strings = lesson.state.with_untracked(|s| s.lang.strings());
    let chain = move || lesson.frame.with(|f| f.chain.clone()).filter(|c| c.param == param);
    let Some(start) = untrack(chain) else {
        return ().into_any();
    };
    let p = param.name();
    let note = Some(crate::i18n::steps::chain_note(
        lesson.state.with_untracked(|s| s.lang),
        param,
    ));
    // The notes' slip concerns w11's chain only (they never write w12, w13, w14, b1 or b2 out).
    let slip = param == Param::W11;
    let empty = start.paths.is_empty();
    let path_at = move |k: usize| chain().and_then(|c| c.paths.get(k).cloned());
    let paths = start
        .paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let k = i + 1;
            let factors = Signal::derive(move || {
                path_at(i).map_or_else(Vec::new, |path| {
                    lesson.net.with(|(net, _)| {
                        path.factors
                            .iter()
                            .enumerate()
                            .map(|(j, f)| formulas::local(net, f).shown_as(format!("factor-{k}-{}", j + 1)))
                            .collect::<Vec<_>>()
                    })
                })
            });
            let product = Signal::derive(move || {
                path_at(i).map_or_else(Vec::new, |path| {
                    vec![formulas::path_product(param, &path).shown_as(format!("path-{k}"))]
                })
            });
            view! {
                <div class=format!("path path{}", k.min(2))>
                    <h3>{format!("{} {k}: ∂{}/∂{p}", strings.path, path.source)}</h3>
                    <FormulaList list=factors items=("ol", "factors") />
                    <p class="product">{strings.product}</p>
                    <FormulaList list=product />
                </div>
            }
        })
        .collect_view();
    let has_sum = formulas::path_sum(param, &start.paths, start.sum).is_some();
    let sum = Signal::derive(move || {
        chain()
            .and_then(|c| formulas::path_sum(param, &c.paths, c.sum))
            .map_or_else(Vec::new, |f| vec![f.shown_as("path-sum")])
    });
    let grad = move || chain().map_or(f64::NAN, |c| c.grad);
    // What the gradient means: nudge the parameter by Δ, predicted beside observed change of E.
    let practice = use_context::<Practice>();
    let nudge = Signal::derive(move || {
        lesson.net.with(|(net, err)| {
            // While ∂E/∂p is asked, its nudge would give it away.
            // Nor while another step asks it (the backward sweep's ∂E/∂p) and it is unsolved.
            let blank = |v: f64| practice.is_some_and(|pr| pr.blanks(v));
            if err.is_some() || practice.is_some_and(|pr| pr.flag(|f| f.nudge)) || blank(net.grad(param)) {
                return Vec::new();
            }
            formulas::nudge(&crate::lesson::Nudge::of(net, param), net.value("E"))
        })
    });
    let fill = |t: &str| particle::fill(t, "{p}", p);
    // Why an output weight's gradient has its sign, in words with the live numbers.
    let sign = move || {
        // Its numbers are the chain's factors and gradient: not while any is asked.
        if practice.is_some_and(|pr| pr.flag(|f| f.sign)) {
            return None;
        }
        let lr = lesson.state.with(|s| s.lr);
        lesson
            .net
            .with(|(net, _)| crate::lesson::Sign::of(net, param, lr))
            // Nor while another step asks one of them (Y1 on the forward pass) and it is unsolved.
            .filter(|s| {
                let shown = [s.out, s.diff, s.slope, s.input, s.grad, s.amount];
                !practice.is_some_and(|pr| shown.iter().any(|v| pr.blanks(*v)))
            })
            .map(|s| {
                let text = match s.case {
                    SignCase::TooHigh => strings.sign_too_high,
                    SignCase::TooLow => strings.sign_too_low,
                    SignCase::OnTarget => strings.sign_on_target,
                    SignCase::Flat => strings.sign_flat,
                };
                let [err, y_out, t, y_sum, h] = s.names;
                let mut text = fill(text);
                // A particle after a name follows its sound ({H}가 gives H1이, H2가).
                for (key, with) in [("{err}", err), ("{Y}", y_out), ("{t}", t), ("{y}", y_sum), ("{H}", h)] {
                    text = particle::fill(&text, key, with);
                }
                for (key, v) in [
                    ("{#out}", s.out),
                    ("{#goal}", s.goal),
                    ("{#diff}", s.diff),
                    ("{#slope}", s.slope),
                    ("{#input}", s.input),
                    ("{#grad}", s.grad),
                    ("{#amount}", s.amount),
                ] {
                    text = text.replace(key, &super::num::short(v));
                }
                let case = match s.case {
                    SignCase::TooHigh => "too-high",
                    SignCase::TooLow => "too-low",
                    SignCase::OnTarget => "on-target",
                    SignCase::Flat => "flat",
                };
                view! { <p class="explain" data-testid="sign-note" data-case=case>{text}</p> }
            })
    };
    view! {
        <div class="chain">
            {note.map(|n| view! { <p class="explain">{n}</p> })}
            {empty.then(|| view! { <p>{strings.no_path}</p> })}
            {paths}
            {has_sum.then(|| view! { <p class="sum">{strings.path_sum}</p><FormulaList list=sum /> })}
            <p class="sum">{strings.autograd_says.replace("{p}", p)}" = "{move || view! { <Num id=format!("grad-{p}") value=grad() /> }}</p>
            {sign}
            <h3>{fill(strings.nudge_title)}</h3>
            <p class="explain">{fill(strings.nudge)}</p>
            <FormulaList list=nudge />
            {slip.then(|| view! { <p class="slip" data-testid="slip-note">{strings.slip_note}</p> })}
            <Legend />
        </div>
    }
    .into_any()
}

/// What the path styles mean: solid, dashed and double lines, not only colours.
#[component]
fn Legend() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let s = lesson.state.with_untracked(|s| s.lang.strings());
    view! {
        <ul class="legend">
            <li><svg width="44" height="12"><line class="edge lit-path1" x1="2" y1="6" x2="42" y2="6" /></svg>{s.legend_path1}</li>
            <li><svg width="44" height="12"><line class="edge lit-path2" x1="2" y1="6" x2="42" y2="6" /></svg>{s.legend_path2}</li>
            <li><svg width="44" height="12"><line class="edge lit-shared" x1="2" y1="6" x2="42" y2="6" /><line class="edge-inner" x1="2" y1="6" x2="42" y2="6" /></svg>{s.legend_shared}</li>
        </ul>
    }
}
