//! Leptos components: they read the lesson state and dispatch changes; no arithmetic here.

mod address;
mod canvas;
mod chart;
mod circuit;
mod descent;
mod diagram;
mod formula;
mod nav;
pub mod num;
mod panel;
pub mod panic_page;
mod params;
mod playground;
mod practice;
mod present;
pub mod state;
mod sweep;
mod train;
mod update;

use crate::link::PlaygroundLink;
use crate::query::{State, KEYS};
use leptos::prelude::*;
pub use practice::AnswerSheet;
use state::Lesson;

/// The state named by the page's URL query (the worked example where it says nothing).
pub fn state_from_url() -> State {
    read_url().0
}

/// The state named by the page's URL query and the keys whose value was refused. A repeated key:
/// the first occurrence wins (`URLSearchParams.get`).
pub fn read_url() -> (State, Vec<&'static str>) {
    let search = window().location().search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return (State::default(), Vec::new());
    };
    let pairs: Vec<(&str, String)> = KEYS.iter().filter_map(|&k| params.get(k).map(|v| (k, v))).collect();
    State::read(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The query string (without `?`, URL-encoded) that restores the lab: the state, and on the
/// playground its expression and variables.
fn page_query(state: &State, pg: &playground::PlaygroundState) -> Option<String> {
    let query = web_sys::UrlSearchParams::new_with_str(&state.to_query()).ok()?;
    if state.step == crate::lesson::Step::Playground {
        for (k, v) in pg.link().pairs() {
            query.append(&k, &v);
        }
    }
    Some(String::from(query.to_string()))
}

/// The playground named by the URL (`expr=...&v.x=...`; see [`PlaygroundLink::read`]).
pub fn playground_from_url() -> Option<PlaygroundLink> {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    PlaygroundLink::read(|key| params.get(key))
}

/// Whether `step` shows the 2-2-2 network (not an add/multiply circuit or the playground).
fn on_network(step: crate::lesson::Step) -> bool {
    !circuit::is_circuit_step(step) && !playground::is_playground(step)
}

/// The whole app, started from the URL.
#[component]
pub fn App() -> impl IntoView {
    let playground = playground_from_url();
    let (start, refused) = read_url();
    // The teacher's printable answer sheet is a page of its own (`?step=answers&seed=N`).
    let search = window().location().search().unwrap_or_default();
    let answers = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("step"))
        .is_some_and(|s| s.trim() == "answers");
    if answers {
        // `answers` is not a lesson step, so `step` is always among the refused keys here; any
        // other refused key (a bad seed) is named above the sheet, as the lab names it.
        let refused: Vec<&'static str> = refused.into_iter().filter(|k| *k != "step").collect();
        return view! { <practice::AnswerSheet start=start refused=refused /> }.into_any();
    }
    view! { <Lab start=start playground=playground refused=refused /> }.into_any()
}

/// The lab for a given start state (tests mount it directly).
#[component]
pub fn Lab(
    start: State,
    /// The playground's expression and values (its default expression when absent).
    #[prop(default = None)]
    playground: Option<PlaygroundLink>,
    /// The URL keys whose value was refused (shown in a notice).
    #[prop(optional)]
    refused: Vec<&'static str>,
) -> impl IntoView {
    let lesson = Lesson::new(start);
    provide_context(lesson);
    canvas::provide();
    present::provide(lesson);
    let present::Help(help) = expect_context::<present::Help>();
    train::provide(lesson);
    circuit::provide(lesson);
    practice::provide(lesson);
    playground::provide(playground);
    let pg = expect_context::<playground::PlaygroundState>();
    params::provide(refused, move || {
        let state = lesson.state.get();
        page_query(&state, &pg)
    });
    address::provide(lesson, pg);
    // Arrow keys and Page Up / Page Down step through the lesson (presenter remotes send those),
    // Space steps forward when nothing is focused, Home and End go to the first and last step.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        // Arrow keys belong to a slider, a list or a text field when one has focus. Page Down and
        // Page Up do nothing in a one-line text field, so there they stay a clicker's keys: a
        // teacher who typed a value and pressed Enter can go on with the remote (they still
        // belong to a slider and a list, which use them).
        let active = document().active_element();
        let in_field = active
            .as_ref()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
        let in_text = active.as_ref().is_some_and(|el| {
            el.tag_name() == "INPUT" && matches!(el.get_attribute("type").as_deref(), None | Some("text"))
        });
        if in_field && !(in_text && matches!(ev.key().as_str(), "PageDown" | "PageUp")) {
            return;
        }
        // Space on a focused button presses that button; only on the page itself does it step.
        let nothing_focused = document().active_element().is_none_or(|el| el.tag_name() == "BODY");
        match ev.key().as_str() {
            "?" => help.update(|h| *h = !*h),
            "p" | "P" => present::toggle_presenter(lesson),
            "q" | "Q" => practice::toggle(lesson),
            "Escape" if help.get_untracked() => help.set(false),
            "Escape" if lesson.state.with_untracked(|s| s.present) => present::toggle_presenter(lesson),
            // A clicker's Page Down (and Space) first scrolls a step taller than the screen, a
            // screen at a time, and steps on only from its bottom; Page Up likewise back.
            "PageDown" | " " if (ev.key() != " " || nothing_focused) && nav::scroll_page(1.0) => {}
            "PageUp" if nav::scroll_page(-1.0) => {}
            "ArrowRight" | "PageDown" => lesson.forward(),
            " " if nothing_focused => lesson.forward(),
            "ArrowLeft" | "PageUp" => lesson.back(),
            "Home" => lesson.go(crate::lesson::Step::FIRST),
            "End" => {
                if let Some(&last) = crate::lesson::Step::sequence().last() {
                    lesson.go(last);
                }
            }
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    nav::top_on_new_step(lesson);
    let on_network = move || lesson.state.with(|s| on_network(s.step));
    // Printed at the foot of a handout: the link that reopens this step with these values.
    let page_link = move || {
        let state = lesson.state.get();
        let location = window().location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        format!("{base}?{}", page_query(&state, &pg).unwrap_or_default())
    };
    view! {
        <header class="top">
            <h1>"Backprop Lab"</h1>
            <p class="tagline">{lesson.text(|s| s.tagline)}</p>
            <present::ClassroomButtons />
            <practice::PracticeToggle />
            <nav::LangSwitch />
        </header>
        <present::ShortcutsDialog />
        <main class="lab">
            <div class="stage">
                <Show when=move || !circuit::is_circuit_step(lesson.state.with(|s| s.step))
                    fallback=|| view! { <circuit::CircuitDiagram /> }>
                    <Show when=move || !playground::is_playground(lesson.state.with(|s| s.step))
                        fallback=|| view! { <playground::PlaygroundDiagram /> }>
                        <diagram::NetworkDiagram />
                    </Show>
                </Show>
                <chart::SigmoidChart />
                <descent::DescentChart />
                <update::UpdateTable />
                <train::TrainCharts />
                // The 2-2-2 network's values: not on the circuit and playground steps, which
                // have their own numbers.
                <Show when=on_network>
                    <params::ParamsPanel />
                </Show>
            </div>
            <aside class="side">
                <params::UrlNotice />
                <practice::PracticeBar />
                <nav::StepNav />
                <present::PresenterCaption />
                <panel::StepPanel />
                <Show when=on_network>
                    <nav::LearningRate />
                </Show>
            </aside>
        </main>
        <footer class="print-only">{lesson.text(|s| s.print_source)}" "{page_link}</footer>
    }
}
