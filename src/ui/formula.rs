//! Shows one formula of `crate::math` as native MathML in the page, labelled in the chosen language.

use super::num::short;
use super::state::Lesson;
use crate::math::{to_mathml, Formula, Layout};
use leptos::prelude::*;

/// A formula: a block of its own (symbols, then numbers and result on a second line) or inline
/// in a sentence. The MathML is written by `math::to_mathml` and parsed by the browser, so every
/// formula shares one small view type.
#[component]
pub fn FormulaView(formula: Formula, #[prop(optional)] inline: bool) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let (layout, class) = if inline {
        (Layout::Inline, "formula inline")
    } else {
        (Layout::Block, "formula")
    };
    let lang = Memo::new(move |_| lesson.state.with(|s| s.lang));
    let html = move || to_mathml(&formula, layout, &short, &lang.get().strings().math_words);
    view! { <span class=class inner_html=html></span> }
}
