//! Shows one formula of `crate::math` as native MathML in the page, labelled in the chosen language.

use super::num::short;
use super::state::Lesson;
use crate::math::{to_mathml, Formula, Layout};
use leptos::prelude::*;

/// A formula: a block of its own (symbols, then numbers and result on a second line) or inline
/// in a sentence. The MathML is written by `math::to_mathml` and parsed by the browser, so every
/// formula shares one small view type.
#[component]
pub fn FormulaView(
    formula: Formula,
    #[prop(optional)] inline: bool,
    /// Under the diagram (the wide column) rather than in the side panel.
    #[prop(optional)]
    wide: bool,
) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let (layout, class) = if inline {
        (Layout::Inline, "formula inline")
    } else {
        (Layout::Block(line_chars(wide)), "formula")
    };
    let lang = Memo::new(move |_| lesson.state.with(|s| s.lang));
    let html = move || to_mathml(&formula, layout, &short, &lang.get().strings().math_words);
    view! { <span class=class inner_html=html></span> }
}

/// About how many characters a display formula's line may take where it is shown, from the
/// window's width when it is drawn (style/main.css: two columns above 900 px, the side panel
/// at most 27rem). A line that is still too long scrolls inside its own box.
fn line_chars(wide: bool) -> usize {
    let w = window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1280.0);
    let px = match (w > 900.0, wide) {
        (true, false) => 380.0,
        (true, true) => w - 500.0,
        (false, _) => w - 70.0,
    };
    ((px / 8.5) as usize).clamp(30, 90)
}
