//! Training (being built): run, pause, single-step and reset SGD, with charts of the error and the parameters.

use super::state::Lesson;
use leptos::prelude::*;

/// Puts the training state in context (called once by the lab).
pub fn provide(_lesson: Lesson) {}

/// Controls and status, in the step panel.
#[component]
pub fn TrainView() -> impl IntoView {
    view! { <div class="train"></div> }
}

/// The charts, under the diagram; only on the train step.
#[component]
pub fn TrainCharts() -> impl IntoView {
    view! { <div class="train-charts"></div> }
}
