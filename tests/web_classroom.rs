//! Browser tests of the classroom features (wasm32, headless Chromium): presenter mode, the shortcuts
//! list, the diagram's text alternative and editor, sliders, and random weights named by a seed.
#![cfg(target_arch = "wasm32")]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::Step;
use backprop_lab::net::Param;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use support::{at, at_in, find, fire, get, mount, press, value};

fn html_has_presenter() -> bool {
    document()
        .document_element()
        .unwrap()
        .class_list()
        .contains("presenter")
}

fn clear_focus() {
    if let Some(el) = document().active_element() {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().blur();
    }
}

#[wasm_bindgen_test]
async fn p_and_the_button_toggle_presenter_mode() {
    let host = mount(at(Step::Grad(Param::W21)));
    support::settle().await;
    clear_focus();
    let toggle = get(&host, "presenter-toggle");
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(find(&host, "presenter-caption").is_none());
    press("p");
    support::settle().await;
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(html_has_presenter());
    // The caption is one sentence: it ends at its first full stop.
    let caption = get(&host, "presenter-caption").text_content().unwrap();
    assert!(!caption.is_empty());
    assert_eq!(caption.trim_end_matches('.').matches(". ").count(), 0, "{caption}");
    press("Escape");
    support::settle().await;
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
    toggle.unchecked_ref::<web_sys::HtmlElement>().click();
    support::settle().await;
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("true"));
    toggle.unchecked_ref::<web_sys::HtmlElement>().click();
    support::settle().await;
    assert_eq!(toggle.get_attribute("aria-pressed").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn question_mark_opens_the_shortcuts_and_escape_closes_them() {
    let host = mount(at(Step::Error));
    support::settle().await;
    clear_focus();
    assert!(find(&host, "shortcuts").is_none());
    press("?");
    support::settle().await;
    let dialog = get(&host, "shortcuts");
    assert_eq!(dialog.get_attribute("role").as_deref(), Some("dialog"));
    let text = dialog.text_content().unwrap();
    for key in ["Page Down", "Home", "End", "Esc", "?"] {
        assert!(text.contains(key), "{key} missing from {text}");
    }
    // Focus went into the list, onto its close button.
    assert_eq!(
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-testid"))
            .as_deref(),
        Some("shortcuts-close")
    );
    press("Escape");
    support::settle().await;
    assert!(find(&host, "shortcuts").is_none());
    // Its button opens it too.
    get(&host, "shortcuts-toggle")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    support::settle().await;
    assert!(find(&host, "shortcuts").is_some());
    get(&host, "shortcuts-close")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    support::settle().await;
    assert!(find(&host, "shortcuts").is_none());
}

#[wasm_bindgen_test]
async fn the_diagram_text_names_the_lit_paths_and_the_numbers() {
    let host = mount(at(Step::Grad(Param::W21)));
    support::settle().await;
    let text = get(&host, "diagram-text").text_content().unwrap();
    assert!(text.contains("Path 1 (solid line): Error1 → Y1 → y1 → w21"), "{text}");
    assert!(!text.contains("Path 2"), "{text}");
    // Mazur's worked example: w21 is 0.40 and x1 is 0.05.
    assert!(text.contains("w21 = 0.4") && text.contains("x1 = 0.05"), "{text}");
    let host = mount(at(Step::Grad(Param::W11)));
    support::settle().await;
    let text = get(&host, "diagram-text").text_content().unwrap();
    assert!(
        text.contains("Path 1 (solid line): Error1 → Y1 → y1 → H1 → h1 → w11"),
        "{text}"
    );
    assert!(
        text.contains("Path 2 (dashed line): Error2 → Y2 → y2 → H1 → h1 → w11"),
        "{text}"
    );
    // The svg points to it.
    let svg = host.query_selector("svg.diagram").unwrap().unwrap();
    assert_eq!(svg.get_attribute("aria-describedby").as_deref(), Some("diagram-text"));
}

/// The diagram's text at a stop of the backward sweep tells each share along its edge, with its
/// numbers, and their sum; at the last stop every gradient as δ times input.
#[wasm_bindgen_test]
async fn the_diagram_text_works_out_the_shares_of_the_sweep() {
    let h1 = backprop_lab::lesson::sweep().iter().position(|&n| n == "H1").unwrap();
    let host = mount(at(Step::Backward(h1)));
    support::settle().await;
    let text = get(&host, "diagram-text").text_content().unwrap();
    // Matt Mazur's worked example ("A Step by Step Backpropagation Example"): δ_o1 = 0.138498562,
    // w5 = 0.40, so o1 passes back 0.055399425; δ_o2 = -0.038098236, w7 = 0.50, -0.019049119;
    // ∂E/∂out_h1 = 0.036350306 (his o1, o2, h1, w5, w7 are our y1, y2, H1, w21, w22).
    for part in [
        "The share y1 passes back to H1 (edge y1 → H1): ∂E/∂y1 · ∂y1/∂H1 = 0.138499 · 0.4 = 0.0553994.",
        "The share y2 passes back to H1 (edge y2 → H1): ∂E/∂y2 · ∂y2/∂H1 = -0.0380982 · 0.5 = -0.0190491.",
        "All shares added: ∂E/∂H1 = 0.0363503.",
    ] {
        assert!(text.contains(part), "{part:?} not in {text}");
    }
    // What the stop computes is ∂E/∂H1, not H1's forward value.
    assert!(!text.contains("Computed in this step"), "{text}");
    let host = mount(at_in(Step::Backward(h1), Lang::Ko));
    support::settle().await;
    let text = get(&host, "diagram-text").text_content().unwrap();
    assert!(text.contains("y1에서 H1로 돌아오는 기여분(간선 y1 → H1)"), "{text}");
    // The last stop: Mazur's ∂E/∂w5 = 0.082167041 with out_h1 = 0.593269992.
    let host = mount(at(Step::Backward(backprop_lab::lesson::sweep().len())));
    support::settle().await;
    let text = get(&host, "diagram-text").text_content().unwrap();
    for part in [
        "∂E/∂w21 = δ_y1 · H1 = 0.138499 · 0.59327 = 0.082167",
        "∂E/∂b3 = δ_y1 · 1 = 0.138499 · 1 = 0.138499",
    ] {
        assert!(text.contains(part), "{part:?} not in {text}");
    }
}

#[wasm_bindgen_test]
async fn the_diagram_editor_edits_the_open_weight_and_a_clicked_input() {
    let host = mount(at(Step::Grad(Param::W21)));
    support::settle().await;
    let field = get(&host, "diagram-edit-w21");
    field.unchecked_ref::<web_sys::HtmlInputElement>().set_value("0.3");
    fire(&field, "change");
    support::settle().await;
    support::settle().await;
    assert_eq!(value(&host, "param-w21"), 0.3);
    // The panel's field shows the same value.
    assert_eq!(
        get(&host, "edit-w21")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        "0.3"
    );
    // An edit in the panel's field leaves the bar's markup alone (it was rebuilt for the new state:
    // attributes removed and written again on each edit).
    let bar = get(&host, "diagram-editor");
    let records = web_sys::js_sys::Array::new();
    let seen = records.clone();
    let observe = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(
        move |batch: web_sys::js_sys::Array| {
            for r in batch.iter() {
                let r: web_sys::MutationRecord = r.unchecked_into();
                seen.push(&r.attribute_name().unwrap_or_else(|| r.type_()).into());
            }
        },
    );
    let observer = web_sys::MutationObserver::new(observe.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_child_list(true);
    options.set_subtree(true);
    observer.observe_with_options(&bar, &options).unwrap();
    let panel_field = get(&host, "edit-w21");
    panel_field
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .set_value("0.35");
    fire(&panel_field, "change");
    support::settle().await;
    support::settle().await;
    for r in observer.take_records() {
        let r: web_sys::MutationRecord = r.unchecked_into();
        records.push(&r.attribute_name().unwrap_or_else(|| r.type_()).into());
    }
    observer.disconnect();
    drop(observe);
    assert_eq!(value(&host, "param-w21"), 0.35);
    assert_eq!(
        records.length(),
        0,
        "the editor bar was rewritten: {:?}",
        records.to_vec()
    );
    // Clicking x1 on the diagram opens x1's editor in its place.
    let x1 = get(&host, "value-x1").closest("g.param").unwrap().unwrap();
    x1.unchecked_ref::<web_sys::HtmlElement>()
        .dispatch_event(&web_sys::MouseEvent::new("click").unwrap())
        .unwrap();
    support::settle().await;
    assert!(find(&host, "diagram-edit-x1").is_some());
    assert!(find(&host, "diagram-edit-w21").is_none());
    get(&host, "diagram-editor-close")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    support::settle().await;
    assert!(find(&host, "diagram-editor").is_none());
}

#[wasm_bindgen_test]
async fn a_slider_drag_is_one_undoable_edit() {
    let host = mount(at(Step::Grad(Param::W21)));
    support::settle().await;
    let slider = get(&host, "edit-slider-w21");
    for v in ["0.5", "0.8", "1.25"] {
        slider.unchecked_ref::<web_sys::HtmlInputElement>().set_value(v);
        fire(&slider, "input");
        support::settle().await;
    }
    fire(&slider, "change");
    support::settle().await;
    assert_eq!(value(&host, "param-w21"), 1.25);
    assert_eq!(
        get(&host, "edit-w21")
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        "1.25"
    );
    get(&host, "edit-undo").unchecked_ref::<web_sys::HtmlElement>().click();
    support::settle().await;
    // Mazur's worked example: w21 = 0.40 before the drag.
    assert_eq!(value(&host, "param-w21"), 0.4);
}

#[wasm_bindgen_test]
async fn random_weights_put_their_seed_in_the_link() {
    let host = mount(at(Step::Forward(backprop_lab::lesson::Stage::Inputs)));
    support::settle().await;
    get(&host, "randomise").unchecked_ref::<web_sys::HtmlElement>().click();
    support::settle().await;
    let link = get(&host, "link").unchecked_into::<web_sys::HtmlInputElement>().value();
    assert!(link.contains("seed=1"), "{link}");
    // The draw of seed 1 is named by the seed alone, not by twelve numbers.
    assert!(!link.contains("w11="), "{link}");
    let expected = backprop_lab::value::random_example(1);
    assert_eq!(value(&host, "param-w11"), expected.params[Param::W11.index()]);
}

#[wasm_bindgen_test]
async fn a_parameter_chip_opens_its_chain_rule() {
    let host = mount(at(Step::Error));
    support::settle().await;
    get(&host, "chip-w11").unchecked_ref::<web_sys::HtmlElement>().click();
    support::settle().await;
    assert_eq!(
        get(&host, "step").get_attribute("data-slug").as_deref(),
        Some("grad-w11")
    );
    assert_eq!(
        get(&host, "chip-w11").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        get(&host, "chip-b4").get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn an_edit_updates_the_chain_rule_formulas_in_place() {
    let host = mount(at(Step::Grad(Param::W21)));
    support::settle().await;
    // Mazur (2015): dE/dw5 = 0.082167041 (w5 is w21) at the worked example.
    assert!((value(&host, "path-1") - 0.082167041).abs() < 1e-9);
    let formulas = host.query_selector(".chain span.formulas").unwrap().unwrap();
    let numbers = formulas.get_elements_by_tag_name("mn");
    let numbers: Vec<(web_sys::Element, String)> = (0..numbers.length())
        .filter_map(|i| numbers.item(i))
        .map(|n| {
            let text = n.text_content().unwrap();
            (n, text)
        })
        .collect();
    assert!(!numbers.is_empty());
    let field = get(&host, "edit-w21");
    field.unchecked_ref::<web_sys::HtmlInputElement>().set_value("0.3");
    fire(&field, "change");
    support::settle().await;
    support::settle().await;
    // The same elements are still on the page, down to each number (updated, not rebuilt) ...
    assert!(formulas.is_connected());
    assert!(
        numbers.iter().all(|(n, _)| n.is_connected()),
        "a number element was replaced"
    );
    assert!(
        numbers.iter().any(|(n, before)| n.text_content().unwrap() != *before),
        "no number changed in place"
    );
    // ... and its numbers are the new ones: the path product equals the core's reverse-mode
    // gradient, which is a fresh element, and differs from the worked example's.
    let path = value(&host, "path-1");
    assert_eq!(path, value(&host, "grad-w21"));
    assert_eq!(value(&host, "path-sum"), path);
    assert!((path - 0.082167041).abs() > 1e-6, "{path}");
    // By a separate Python computation of the closed form: dE/dw21 at w21 = 0.3 is
    // 0.08331493989326547, shown to six significant digits.
    assert!((path - 0.08331493989326547).abs() < 1e-15, "{path}");
    let shown = get(&host, "path-1").text_content().unwrap();
    assert_eq!(shown, "0.0833149");
}
