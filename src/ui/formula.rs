//! Shows formulas of `crate::math` as native MathML in the page, labelled in the chosen language.

use super::num::short;
use super::state::Lesson;
use crate::markup::{Change, Node};
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
    let lang = lesson.lang;
    let practice = use_context::<super::practice::Practice>();
    let html = move || list.with(|l| list_html(l, layout, class, items, lang.get(), practice));
    // The first MathML is written with the element; later changes go through `Shown::update`,
    // so a new number costs a text change instead of a new tree for the browser to lay out.
    let first = untrack(html);
    let node = NodeRef::<leptos::html::Span>::new();
    let shown = StoredValue::new_local(Shown {
        html: first.clone(),
        nodes: None,
    });
    Effect::new(move |seen: Option<()>| {
        let text = html();
        if seen.is_some() {
            if let Some(el) = node.get() {
                shown.update_value(|s| s.update(&el, text));
            }
        }
    });
    view! { <span class=host node_ref=node inner_html=first></span> }
}

/// The markup of `list` as [`FormulaList`] writes it: each formula in a span of `class`, or as
/// the items of a list; in practice mode with what the learner is to work out left blank.
pub(super) fn list_html(
    list: &[Formula],
    layout: Layout,
    class: &str,
    items: Option<(&str, &str)>,
    lang: crate::i18n::Lang,
    practice: Option<super::practice::Practice>,
) -> String {
    let words = &lang.strings().math_words;
    let mut out = String::new();
    if let Some((tag, list_class)) = items {
        out.push_str(&format!("<{tag} class=\"{list_class}\">"));
    }
    for f in list {
        // Practice mode leaves what the learner is to work out blank.
        let f = match practice {
            Some(p) if p.on.get() => std::borrow::Cow::Owned(f.clone().blanked(&|id| p.hides(id), &|v| p.blanks(v))),
            _ => std::borrow::Cow::Borrowed(f),
        };
        let item = items.is_some();
        if item {
            out.push_str("<li>");
        }
        out.push_str(&format!(
            "<span class=\"{class}\">{}</span>",
            match f.decimals {
                true => to_mathml(&f, layout, &crate::print::decimal, words),
                false => to_mathml(&f, layout, &short, words),
            }
        ));
        if item {
            out.push_str("</li>");
        }
    }
    if let Some((tag, _)) = items {
        out.push_str(&format!("</{tag}>"));
    }
    out
}

/// The markup on the page and its nodes in document order (elements and texts; found on the
/// first update), which `markup::changes` addresses by position.
struct Shown {
    html: String,
    nodes: Option<Vec<web_sys::Node>>,
}

impl Shown {
    /// Makes `host`'s content the markup `html`. When only values differ from what is there (the
    /// usual case: an edit changed numbers), only those texts and attributes are written;
    /// otherwise the content is replaced. An unchanged markup writes nothing.
    fn update(&mut self, host: &web_sys::Element, html: String) {
        if html == self.html {
            return;
        }
        let patched = crate::markup::changes(&self.html, &html).is_some_and(|changes| {
            let nodes = self.nodes.get_or_insert_with(|| in_order(host, &self.html));
            changes.iter().all(|c| match c {
                Change::Text { node, text } => nodes.get(*node).is_some_and(|n| {
                    n.set_node_value(Some(text));
                    true
                }),
                Change::Attr { node, name, value } => nodes
                    .get(*node)
                    .and_then(|n| n.dyn_ref::<web_sys::Element>())
                    .is_some_and(|e| e.set_attribute(name, value).is_ok()),
            })
        });
        if !patched {
            host.set_inner_html(&html);
            self.nodes = None;
        }
        self.html = html;
    }
}

/// The elements and texts under `host` in document order (no comments), checked against the nodes of `html`
/// (`markup::nodes`), which the browser parsed into it; empty if they do not match, so that
/// every update writes the whole markup.
fn in_order(host: &web_sys::Node, html: &str) -> Vec<web_sys::Node> {
    let mut out = Vec::new();
    let mut next = host.first_child();
    while let Some(n) = next {
        // Not the comment Leptos leaves in the element as a marker.
        if matches!(n.node_type(), web_sys::Node::ELEMENT_NODE | web_sys::Node::TEXT_NODE) {
            out.push(n.clone());
        }
        // Depth first: the first child, else the next sibling of the nearest ancestor that has one.
        next = n.first_child().or_else(|| {
            let mut up = Some(n);
            while let Some(a) = up {
                if a.is_same_node(Some(host)) {
                    return None;
                }
                if let Some(s) = a.next_sibling() {
                    return Some(s);
                }
                up = a.parent_node();
            }
            None
        });
    }
    let expected = crate::markup::nodes(html).unwrap_or_default();
    let matches = expected.len() == out.len()
        && expected.iter().zip(&out).all(|(e, n)| match e {
            Node::Element { name, .. } => n.node_name().eq_ignore_ascii_case(name),
            Node::Text(_) => n.node_type() == web_sys::Node::TEXT_NODE,
        });
    if matches {
        out
    } else {
        Vec::new()
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
