//! Moving through the lesson (Back, Next, where we are) and switching the language.

use super::num::Num;
use super::state::Lesson;
use crate::i18n::Lang;
use leptos::prelude::*;

/// Back / Next and the step indicator; `data-slug` carries the current step's slug.
#[component]
pub fn StepNav() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let step = move || lesson.state.with(|s| s.step);
    let strings = move || lesson.lang.get().strings();
    // An extra step is not one of the lesson's: it says so, and which step Back returns to.
    let progress = move || {
        let (n, total) = lesson.origin().unwrap_or(step()).progress();
        let s = strings();
        match step().is_extra() {
            true => s.progress_extra,
            false => s.progress,
        }
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
    };
    view! {
        <nav class="stepnav">
            <button data-testid="prev" disabled=move || step().prev().is_none() && !lesson.can_undo()
                on:click=move |_| lesson.back()>
                "◀ " {lesson.text(|s| s.prev)}
            </button>
            <span class="progress" data-testid="step" data-slug=move || step().slug()>{progress}</span>
            <button data-testid="next" class="primary" disabled=move || lesson.origin().unwrap_or(step()).next().is_none()
                on:click=move |_| lesson.forward()>
                {lesson.text(|s| s.next)} " ▶"
            </button>
        </nav>
    }
}

/// The learning rate, shown with the machine-readable value.
#[component]
pub fn LearningRate() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    view! {
        <p class="lr">{lesson.text(|s| s.learning_rate)}" η (lr) = "{move || view! { <Num id="param-lr" value=lesson.state.with(|s| s.lr) /> }}</p>
    }
}

/// 한국어 / English.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let lang = move || lesson.lang.get();
    let button = move |l: Lang, label: &'static str| {
        view! {
            <button lang=l.code() aria-pressed=move || (lang() == l).to_string() data-testid=format!("lang-{}", l.code())
                on:click=move |_| lesson.state.update(|s| s.lang = l)>{label}</button>
        }
    };
    view! {
        <div class="langs" role="group" aria-label=move || lang().strings().language>
            {button(Lang::Ko, "한국어")}
            {button(Lang::En, "English")}
        </div>
    }
}

/// Scrolls the page one screen down (`dir` 1) or up (-1), less a few lines so the reader keeps
/// their place; false, without scrolling, when the page is already at that end.
pub fn scroll_page(dir: f64) -> bool {
    let w = window();
    let Some(root) = document().document_element() else {
        return false;
    };
    let (y, screen) = (
        w.scroll_y().unwrap_or(0.0),
        w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0),
    );
    let room = if dir > 0.0 {
        root.scroll_height() as f64 - screen - y
    } else {
        y
    };
    if room < 2.0 || screen <= 0.0 {
        return false;
    }
    // What stays fixed at the foot of the screen (the presenter's subtitle, a phone's Back/Next
    // bar) hides about three lines: overlap by that much.
    w.scroll_by_with_x_and_y(0.0, dir * (screen - 120.0).max(screen * 0.5));
    true
}

/// A new step opens at its top (its title in view), not at the scroll position of the last one.
pub fn top_on_new_step(lesson: Lesson) {
    Effect::new(move |prev: Option<crate::lesson::Step>| {
        let step = lesson.state.with(|s| s.step);
        if prev.is_some_and(|p| p != step) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        step
    });
}
