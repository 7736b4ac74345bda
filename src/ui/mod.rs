//! Leptos components: they read the lesson state and dispatch changes; no arithmetic here.

pub mod panic_page;

use leptos::prelude::*;

/// The whole app (grows with the lesson).
#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1>"Backprop Lab"</h1></main> }
}
