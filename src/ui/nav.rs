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
    let progress = move || {
        let (n, total) = step().progress();
        strings()
            .progress
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
            <button data-testid="next" class="primary" disabled=move || step().next().is_none()
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
