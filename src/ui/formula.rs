//! Shows formulas of `crate::math` as native MathML in the page, labelled in the chosen language.

use super::num::short;
use super::state::Lesson;
use crate::math::{to_mathml, Formula, Layout};
use leptos::prelude::*;

/// One formula: a block of its own (symbols, then numbers and result on the next line) or inline
/// in a sentence.
#[component]
pub fn FormulaView(
    formula: Formula,
    #[prop(optional)] inline: bool,
    /// Under the diagram (the wide column) rather than in the side panel.
    #[prop(optional)]
    wide: bool,
) -> impl IntoView {
    view! { <FormulaList list=vec![formula] inline=inline wide=wide /> }
}

/// Several formulas, one after the other, or as the items of a list (`ol` or `ul` with its
/// class). The MathML is written by `math::to_mathml` and parsed by the browser, so every
/// formula of the page shares this one small view type (each distinct view costs wasm bytes).
#[component]
pub fn FormulaList(
    list: Vec<Formula>,
    #[prop(optional)] inline: bool,
    /// Under the diagram (the wide column) rather than in the side panel.
    #[prop(optional)]
    wide: bool,
    /// The list element and its class, when each formula is a list item.
    #[prop(optional)]
    items: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let (layout, class) = if inline {
        (Layout::Inline, "formula inline")
    } else {
        (Layout::Block(line_chars(wide)), "formula")
    };
    let host = match (items, list.len(), inline) {
        (Some(_), _, _) | (None, 2.., _) | (None, _, false) => "formulas",
        _ => "formula-host",
    };
    // Rewritten when the state changes; the browser's DOM only when the text differs (the language).
    let html = move || {
        let words = &lesson.state.with(|s| s.lang).strings().math_words;
        let mut out = String::new();
        if let Some((tag, list_class)) = items {
            out.push_str(&format!("<{tag} class=\"{list_class}\">"));
        }
        for f in &list {
            let item = items.is_some();
            if item {
                out.push_str("<li>");
            }
            out.push_str(&format!(
                "<span class=\"{class}\">{}</span>",
                to_mathml(f, layout, &short, words)
            ));
            if item {
                out.push_str("</li>");
            }
        }
        if let Some((tag, _)) = items {
            out.push_str(&format!("</{tag}>"));
        }
        out
    };
    view! { <span class=host inner_html=html></span> }
}

/// About how many characters a display formula's line may take where it is shown. The side
/// panel is at most 27rem on a wide screen and the phone's width on a narrow one: 38 characters
/// fit both (phones of 360 px and up). The column under the diagram is as wide as the window
/// allows above 900 px (style/main.css) and the phone's width below. A line that is still too
/// long scrolls inside its own box.
fn line_chars(wide: bool) -> usize {
    const PANEL: usize = 38;
    let w = window().inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    if wide && w > 900.0 {
        (((w - 500.0) / 8.5) as usize).clamp(PANEL, 90)
    } else {
        PANEL
    }
}
