//! Shows formulas of `crate::math` as native MathML in the page, labelled in the chosen language.

use super::num::short;
use super::state::Lesson;
use crate::math::{to_mathml, Formula, Layout};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    view! { <FormulaList list=Signal::stored(vec![formula]) inline=inline wide=wide /> }
}

/// Several formulas, one after the other, or as the items of a list (`ol` or `ul` with its
/// class). The MathML is written by `math::to_mathml` and parsed by the browser, so every
/// formula of the page shares this one small view type (each distinct view costs wasm bytes).
#[component]
pub fn FormulaList(
    /// The formulas; when they change, the MathML already on the page is updated in place where
    /// only numbers differ (see [`morph`]).
    #[prop(into)]
    list: Signal<Vec<Formula>>,
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
    let host = match (items, list.with_untracked(Vec::len), inline) {
        (Some(_), _, _) | (None, 2.., _) | (None, _, false) => "formulas",
        _ => "formula-host",
    };
    let lang = Memo::new(move |_| lesson.state.with(|s| s.lang));
    let html = move || {
        let words = &lang.get().strings().math_words;
        let mut out = String::new();
        if let Some((tag, list_class)) = items {
            out.push_str(&format!("<{tag} class=\"{list_class}\">"));
        }
        for f in &list.get() {
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
    // The first MathML is written with the element; later changes go through `morph`, so a new
    // number costs a text change instead of a new tree for the browser to lay out.
    let first = untrack(html);
    let node = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |seen: Option<()>| {
        let text = html();
        if seen.is_some() {
            if let Some(el) = node.get() {
                morph(&el, &text);
            }
        }
    });
    view! { <span class=host node_ref=node inner_html=first></span> }
}

/// Makes `host`'s content equal to `html`. When the new markup has the same elements as what is
/// there (the usual case: only numbers changed), only the differing texts and attributes are
/// written; otherwise the content is replaced.
fn morph(host: &web_sys::Element, html: &str) {
    let Ok(template) = document().create_element("template") else {
        host.set_inner_html(html);
        return;
    };
    let template: web_sys::HtmlTemplateElement = template.unchecked_into();
    template.set_inner_html(html);
    let fresh: web_sys::Node = template.content().into();
    if !same_shape(host, &fresh) {
        host.set_inner_html(html);
        return;
    }
    copy_values(host, &fresh);
}

/// Whether two trees have the same elements, in the same order, with the same attribute names.
fn same_shape(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    let (mut x, mut y) = (a.first_child(), b.first_child());
    loop {
        match (x, y) {
            (None, None) => return true,
            (Some(p), Some(q)) => {
                if p.node_type() != q.node_type() || p.node_name() != q.node_name() {
                    return false;
                }
                if let (Some(e), Some(f)) = (p.dyn_ref::<web_sys::Element>(), q.dyn_ref::<web_sys::Element>()) {
                    let (ea, fa) = (e.attributes(), f.attributes());
                    if ea.length() != fa.length()
                        || (0..fa.length()).any(|i| fa.item(i).is_some_and(|at| !e.has_attribute(&at.name())))
                        || !same_shape(&p, &q)
                    {
                        return false;
                    }
                }
                x = p.next_sibling();
                y = q.next_sibling();
            }
            _ => return false,
        }
    }
}

/// Writes into `a` every text and attribute value of the same-shaped `b` that differs.
fn copy_values(a: &web_sys::Node, b: &web_sys::Node) {
    let (mut x, mut y) = (a.first_child(), b.first_child());
    while let (Some(p), Some(q)) = (x, y) {
        match (p.dyn_ref::<web_sys::Element>(), q.dyn_ref::<web_sys::Element>()) {
            (Some(e), Some(f)) => {
                let fa = f.attributes();
                for at in (0..fa.length()).filter_map(|i| fa.item(i)) {
                    let (name, value) = (at.name(), at.value());
                    if e.get_attribute(&name).as_deref() != Some(value.as_str()) {
                        let _ = e.set_attribute(&name, &value);
                    }
                }
                copy_values(&p, &q);
            }
            _ => {
                if p.node_value() != q.node_value() {
                    p.set_node_value(q.node_value().as_deref());
                }
            }
        }
        x = p.next_sibling();
        y = q.next_sibling();
    }
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
