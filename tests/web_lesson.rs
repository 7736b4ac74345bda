//! Browser tests of the lesson (wasm32, headless Chromium): mount the lab, click, read the DOM contract.
#![cfg(target_arch = "wasm32")]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::Step;
use backprop_lab::net::Param;
use backprop_lab::query::State;
use backprop_lab::ui::Lab;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use support::{find, get, mount_at, press, value};

fn slug(host: &web_sys::HtmlElement) -> String {
    find(host, "step").unwrap().get_attribute("data-slug").unwrap()
}

fn click(host: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = host.query_selector(selector).unwrap().expect(selector).unchecked_into();
    el.click();
}

/// SVG `<g>` elements are not HtmlElements; dispatch a click event instead.
fn click_svg(host: &web_sys::HtmlElement, selector: &str) {
    let el = host.query_selector(selector).unwrap().expect(selector);
    el.dispatch_event(&web_sys::MouseEvent::new("click").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn grad_w11_shows_two_paths_that_sum_to_the_published_gradient() {
    let host = mount_at(Step::Grad(Param::W11), Lang::En);
    support::settle().await;
    let (p1, p2, sum) = (value(&host, "path-1"), value(&host, "path-2"), value(&host, "path-sum"));
    assert!((p1 + p2 - sum).abs() < 1e-15);
    // Mazur (2015): w1 0.15 -> 0.149780716 at lr 0.5, so dE/dw11 = 0.000438568.
    assert!((value(&host, "grad-w11") - 0.000438568).abs() < 1e-9);
    // Path 1 has five factors (Error1 -> Y1 -> y1 -> H1 -> h1 -> w11); its third is w21 = 0.4.
    assert!(find(&host, "factor-1-5").is_some() && find(&host, "factor-1-6").is_none());
    assert_eq!(value(&host, "factor-1-3"), 0.4);
    assert_eq!(value(&host, "factor-2-3"), 0.5);
}

#[wasm_bindgen_test]
async fn next_and_back_move_through_the_steps() {
    let host = mount_at(Step::FIRST, Lang::Ko);
    support::settle().await;
    assert_eq!(slug(&host), "forward");
    assert!(find(&host, "prev").unwrap().has_attribute("disabled"));
    click(&host, "[data-testid=next]");
    support::settle().await;
    assert_eq!(slug(&host), "forward-hidden-sum");
    click(&host, "[data-testid=next]");
    support::settle().await;
    assert_eq!(slug(&host), "forward-hidden-out");
    click(&host, "[data-testid=prev]");
    support::settle().await;
    assert_eq!(slug(&host), "forward-hidden-sum");
}

#[wasm_bindgen_test]
async fn clicking_a_weight_opens_its_chain_rule() {
    let host = mount_at(Step::Error, Lang::En);
    support::settle().await;
    assert!(find(&host, "path-1").is_none());
    click_svg(&host, "g.param.weight[aria-label^=\"w21 \"]");
    support::settle().await;
    assert_eq!(slug(&host), "grad-w21");
    // Mazur (2015): dE/dw5 = 0.082167041 (w5 is w21).
    assert!((value(&host, "path-1") - 0.082167041).abs() < 1e-9);
    assert!(find(&host, "path-2").is_none());
    // A bias node too.
    let b3 = find(&host, "param-b3").unwrap().closest("g.param").unwrap().unwrap();
    b3.dispatch_event(&web_sys::MouseEvent::new("click").unwrap()).unwrap();
    support::settle().await;
    assert_eq!(slug(&host), "grad-b3");
}

#[wasm_bindgen_test]
async fn the_backward_sweep_shows_upstream_gradients_node_by_node() {
    let host = mount_at(Step::Backward(0), Lang::En);
    support::settle().await;
    assert_eq!(value(&host, "upstream-E"), 1.0);
    assert!(find(&host, "upstream-H1").is_none());
    for _ in 0..backprop_lab::lesson::sweep_len() - 1 {
        click(&host, "[data-testid=next]");
        support::settle().await;
    }
    assert_eq!(slug(&host), "backward-params");
    assert!(find(&host, "upstream-h1").is_some());
    // Mazur (2015): dE/dw5 = 0.082167041, shown in the gradient table at the end of the sweep.
    assert!((value(&host, "grad-w21") - 0.082167041).abs() < 1e-9);
}

#[wasm_bindgen_test]
async fn the_sweep_at_h1_adds_the_shares_of_y1_and_y2() {
    let k = backprop_lab::lesson::sweep().iter().position(|n| *n == "H1").unwrap();
    let host = mount_at(Step::Backward(k), Lang::En);
    support::settle().await;
    assert_eq!(slug(&host), "backward-H1");
    // Each reader's share is its gradient times the local derivative, the weight on its edge:
    // ∂E/∂y1 · w21 and ∂E/∂y2 · w22, the gradients read from the diagram's badges.
    assert_eq!(value(&host, "local-y1"), 0.40);
    assert_eq!(value(&host, "local-y2"), 0.50);
    let (dy1, dy2) = (value(&host, "upstream-y1"), value(&host, "upstream-y2"));
    assert!((value(&host, "share-y1") - dy1 * 0.40).abs() < 1e-15);
    assert!((value(&host, "share-y2") - dy2 * 0.50).abs() < 1e-15);
    let sum = value(&host, "share-y1") + value(&host, "share-y2");
    assert!((sum - value(&host, "upstream-H1")).abs() < 1e-15);
    assert_eq!(value(&host, "sweep-H1"), value(&host, "upstream-H1"));
    // Mazur (2015): dE_total/dout_h1 = 0.036350306.
    assert!((value(&host, "upstream-H1") - 0.036350306).abs() < 1e-9);
    assert!(find(&host, "local-Error1").is_none(), "only H1's readers");
}

#[wasm_bindgen_test]
async fn the_end_of_the_sweep_shows_each_gradient_as_delta_times_input() {
    let host = mount_at(Step::Backward(backprop_lab::lesson::sweep().len()), Lang::En);
    support::settle().await;
    assert_eq!(slug(&host), "backward-params");
    // The two numbers of each row's product, in the order δ, input.
    let factors = |p: &str| -> Vec<f64> {
        let row = get(&host, &format!("grad-row-{p}"));
        let list = row.query_selector_all("mrow[data-value]").unwrap();
        (0..list.length())
            .map(|i| {
                let el: web_sys::Element = list.item(i).unwrap().unchecked_into();
                el.get_attribute("data-value").unwrap().parse().unwrap()
            })
            .collect()
    };
    // ∂E/∂w21 = δ_y1 · H1, ∂E/∂w11 = δ_h1 · x1, ∂E/∂b3 = δ_y1 · 1: δ from the badges of the
    // last stops, H1 and x1 from the diagram.
    let (dy1, dh1) = (value(&host, "upstream-y1"), value(&host, "upstream-h1"));
    assert_eq!(factors("w21"), [dy1, value(&host, "value-H1")]);
    assert_eq!(factors("w11"), [dh1, value(&host, "value-x1")]);
    assert_eq!(factors("b3"), [dy1, 1.0]);
    assert!((value(&host, "grad-w21") - dy1 * value(&host, "value-H1")).abs() < 1e-15);
    assert!((value(&host, "grad-w11") - dh1 * 0.05).abs() < 1e-15);
    // Mazur (2015): dE/dw5 = 0.082167041, dE/dw1 = 0.000438568 (w5 = w21, w1 = w11).
    assert!((value(&host, "grad-w21") - 0.082167041).abs() < 1e-9);
    assert!((value(&host, "grad-w11") - 0.000438568).abs() < 1e-9);
    assert_eq!(value(&host, "grad-b3"), dy1);
    // One printing rule: the badge's ∂E/∂h1 and the table's ∂E/∂b1 (the same number) are written
    // alike, to six significant digits. Mazur (2015): ∂E/∂out_h1 = 0.036350306, ∂out_h1/∂net_h1
    // = 0.241300709; their product 0.0087713546 (the badge wrote four decimals, 0.0088).
    let text = |id: &str| get(&host, id).text_content().unwrap_or_default();
    assert_eq!(text("upstream-h1").trim(), "0.00877135");
    assert_eq!(text("grad-b1").trim(), "0.00877135");
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_text_and_html_lang() {
    let host = mount_at(Step::FIRST, Lang::Ko);
    support::settle().await;
    assert!(host.text_content().unwrap().contains("다음"));
    click(&host, "[data-testid=lang-en]");
    support::settle().await;
    assert!(host.text_content().unwrap().contains("Next"));
    assert_eq!(
        document().document_element().unwrap().get_attribute("lang").as_deref(),
        Some("en")
    );
}

#[wasm_bindgen_test]
async fn every_node_value_is_in_the_dom() {
    let host = mount_at(Step::Error, Lang::En);
    support::settle().await;
    for n in [
        "x1", "x2", "t1", "t2", "h1", "h2", "H1", "H2", "y1", "y2", "Y1", "Y2", "Error1", "Error2", "E",
    ] {
        assert!(value(&host, &format!("value-{n}")).is_finite(), "{n}");
    }
    // Mazur (2015): E_total = 0.298371109.
    assert!((value(&host, "value-E") - 0.298371109).abs() < 1e-9);
    for p in Param::ALL {
        assert!(find(&host, &format!("param-{}", p.name())).is_some());
    }
    assert_eq!(value(&host, "param-lr"), 0.5);
}

#[wasm_bindgen_test]
async fn applying_the_update_moves_the_network_and_back_undoes_it() {
    let host = mount_at(Step::Update, Lang::En);
    support::settle().await;
    // Mazur (2015), lr 0.5: w5+ = 0.35891648 (w5 is w21) and w1+ = 0.149780716 (w1 is w11).
    assert!((value(&host, "next-w21") - 0.35891648).abs() < 1e-8);
    assert!((value(&host, "next-w11") - 0.149780716).abs() < 1e-9);
    assert_eq!(value(&host, "param-w21"), 0.4);
    let after = value(&host, "error-after");
    click(&host, "[data-testid=apply-update]");
    support::settle().await;
    assert!(
        (value(&host, "param-w21") - 0.35891648).abs() < 1e-8,
        "the diagram moved"
    );
    assert_eq!(value(&host, "value-E"), after, "E is now the error after the update");
    assert_eq!(slug(&host), "update");
    // The hint under "apply" names the control that undoes, by its label on the page (issue 20:
    // the Korean hint named ‘이전’ alone, which read as "the old value").
    let prev = find(&host, "prev").unwrap().text_content().unwrap_or_default();
    assert!(prev.contains("◀ Back"), "{prev}");
    let page = host.text_content().unwrap_or_default();
    assert!(
        page.contains("the ◀ Back button (or ←) undoes it"),
        "the hint names the control"
    );
    click(&host, "[data-testid=prev]");
    support::settle().await;
    assert!(find(&host, "prev")
        .unwrap()
        .text_content()
        .unwrap_or_default()
        .contains("Back"));
    assert_eq!(value(&host, "param-w21"), 0.4, "Back undid the update");
    assert_eq!(slug(&host), "update");
    click(&host, "[data-testid=prev]");
    support::settle().await;
    assert_eq!(
        slug(&host),
        "backward-params",
        "with nothing left to undo, Back changes the step"
    );
}

#[wasm_bindgen_test]
async fn descent_follows_the_chosen_parameter() {
    let host = mount_at(Step::Descent, Lang::En);
    support::settle().await;
    let select: web_sys::HtmlSelectElement = host
        .query_selector("[data-testid=descent-param]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("w21");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    support::settle().await;
    // Mazur (2015): dE/dw5 = 0.082167041 (w5 is w21).
    assert!((value(&host, "descent-slope") - 0.082167041).abs() < 1e-9);
    assert!((value(&host, "descent-next") - 0.35891648).abs() < 1e-8);
    select.set_value("b3");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    support::settle().await;
    // Mazur (2015): dE/dnet_o1 = 0.138498562, and dE/db3 = dE/dy1 * 1.
    assert!((value(&host, "descent-slope") - 0.138498562).abs() < 1e-9);
    assert!(
        host.query_selector("canvas").unwrap().is_some(),
        "the descent chart is drawn"
    );
}

/// Types `text` into the input with this test id and fires `change`.
fn type_into(host: &web_sys::HtmlElement, testid: &str, text: &str) {
    let input: web_sys::HtmlInputElement = find(host, testid)
        .unwrap_or_else(|| panic!("no input {testid}"))
        .unchecked_into();
    input.set_value(text);
    input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn the_add_and_multiply_rules_follow_edits() {
    let host = mount_at(Step::AddNode, Lang::En);
    support::settle().await;
    type_into(&host, "input-upstream", "2.5");
    type_into(&host, "input-x", "7");
    support::settle().await;
    // Add node: both inputs get the upstream gradient unchanged, whatever x and y are.
    assert_eq!(value(&host, "node-grad-x"), 2.5);
    assert_eq!(value(&host, "node-grad-y"), 2.5);
    click(&host, "[data-testid=next]");
    support::settle().await;
    assert_eq!(slug(&host), "mul-node");
    // Multiply node with x = 7, y = -2, upstream 2.5: dL/dx = 2.5 * -2 = -5, dL/dy = 2.5 * 7 = 17.5.
    assert_eq!(value(&host, "node-grad-x"), -5.0);
    assert_eq!(value(&host, "node-grad-y"), 17.5);
    // A value that is not a number is ignored; the last good one stays.
    type_into(&host, "input-y", "abc");
    support::settle().await;
    assert_eq!(value(&host, "node-grad-x"), -5.0);
}

#[wasm_bindgen_test]
async fn the_worked_chain_steps_backwards_node_by_node() {
    let host = mount_at(Step::Graph, Lang::En);
    support::settle().await;
    assert_eq!(value(&host, "node-grad-f"), 1.0);
    assert!(find(&host, "node-grad-x").is_none(), "x is not reached yet");
    for _ in 0..4 {
        click(&host, "[data-testid=node-next]");
        support::settle().await;
    }
    // CS231n, "Backpropagation, Intuitions": df/dx = df/dy = -4, df/dz = 3.
    assert_eq!(value(&host, "node-grad-x"), -4.0);
    assert_eq!(value(&host, "node-grad-y"), -4.0);
    assert_eq!(value(&host, "node-grad-z"), 3.0);
    assert!(find(&host, "node-next").unwrap().has_attribute("disabled"));
}

/// Mounts the lab on the playground with an expression and values, as a link would.
fn mount_playground(expr: &str, vars: &[(&str, f64)]) -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let start = State {
        step: Step::Playground,
        lang: Lang::En,
        ..State::default()
    };
    let link = Some(backprop_lab::link::PlaygroundLink {
        expr: expr.to_owned(),
        last: None,
        values: vars.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
    });
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <Lab start=start playground=link.clone() /> },
    )
    .forget();
    host
}

#[wasm_bindgen_test]
async fn the_playground_differentiates_a_typed_expression_and_keeps_the_last_good_graph() {
    let host = mount_playground("(x+y)*z", &[("x", -2.0), ("y", 5.0), ("z", -4.0)]);
    support::settle().await;
    // CS231n, "Backpropagation, Intuitions": f = -12, df/dx = df/dy = -4, df/dz = 3.
    assert_eq!(value(&host, "value-result"), -12.0);
    assert_eq!(value(&host, "grad-x"), -4.0);
    assert_eq!(value(&host, "grad-z"), 3.0);
    assert_eq!(value(&host, "var-y"), 5.0);
    assert_eq!(
        find(&host, "check-x").unwrap().get_attribute("data-agrees").as_deref(),
        Some("true")
    );
    // A broken expression: a message pointing at the place, and the old numbers stay.
    let input: web_sys::HtmlInputElement = find(&host, "expr-input").unwrap().unchecked_into();
    input.set_value("(x+y)*(z");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    support::settle().await;
    assert!(find(&host, "expr-error").unwrap().text_content().unwrap().contains('^'));
    assert_eq!(value(&host, "value-result"), -12.0);
    // d(x*x)/dx = 2x = -4 at x = -2 (by hand).
    input.set_value("x*x");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    support::settle().await;
    assert!(find(&host, "expr-error").is_none());
    assert_eq!(value(&host, "grad-x"), -4.0);
    assert_eq!(value(&host, "value-result"), 4.0);
}

#[wasm_bindgen_test]
async fn keys_move_between_steps() {
    let host = mount_at(Step::Error, Lang::En);
    support::settle().await;
    // Other labs mounted by earlier tests listen too; this one must follow the keys all the same.
    press("End");
    support::settle().await;
    assert_eq!(slug(&host), Step::sequence().last().unwrap().slug());
    press("Home");
    support::settle().await;
    assert_eq!(slug(&host), "forward");
    press("ArrowRight");
    support::settle().await;
    assert_eq!(slug(&host), "forward-hidden-sum");
    press("PageUp");
    support::settle().await;
    assert_eq!(slug(&host), "forward");
}

/// What ∂E/∂p means: on grad-w21 the nudge's prediction is ∂E/∂w21 · Δ and the observed change of
/// E matches it to second order; the slip note is on grad-w11 only.
#[wasm_bindgen_test]
async fn a_chain_shows_the_nudge_predicted_beside_observed() {
    let host = mount_at(Step::Grad(Param::W21), Lang::Ko);
    support::settle().await;
    assert_eq!(value(&host, "nudge-delta"), 0.01);
    // Mazur (2015): dE/dw5 = 0.082167041 (w5 is w21), so the prediction is 0.00082167041.
    assert!((value(&host, "nudge-predicted-w21") - 0.000_821_670_41).abs() < 1e-11);
    // Python, independently (same wiring, float64): E(w21 = 0.41) − E(0.40) = 0.000821056848.
    assert!((value(&host, "nudge-observed-w21") - 0.000_821_056_848).abs() < 1e-12);
    assert!(find(&host, "slip-note").is_none());
    // Y1 = 0.75136507 above t1 = 0.01 (Mazur 2015): the sign story is the "too high" one.
    assert_eq!(
        get(&host, "sign-note").get_attribute("data-case").as_deref(),
        Some("too-high")
    );
    // The names take the particles of their sound (H1 에이치 일: 이), not the stiff "H1의 값이".
    let sign = get(&host, "sign-note").text_content().unwrap();
    for words in ["w21을 늘리면 Y1이 더 커져", "H1이 클수록", "y1이 H1만큼"] {
        assert!(sign.contains(words), "{words}: {sign}");
    }
    let host = mount_at(Step::Grad(Param::W13), Lang::En);
    support::settle().await;
    let (predicted, observed) = (value(&host, "nudge-predicted-w13"), value(&host, "nudge-observed-w13"));
    assert!(
        (predicted - observed).abs() < 0.05 * predicted.abs(),
        "{predicted} vs {observed}"
    );
    assert!(find(&host, "slip-note").is_none());
    let host = mount_at(Step::Grad(Param::W11), Lang::En);
    support::settle().await;
    assert!(find(&host, "slip-note").is_some());
    // w11 is not an output weight: no sign story (its sign depends on both paths).
    assert!(find(&host, "sign-note").is_none());
}

/// The panel's and the update table's fallback values (NaN before a chain or an update exists)
/// are written in the page's words: 정의되지 않은 값 and ±∞ on the Korean page, never NaN or inf.
#[wasm_bindgen_test]
async fn a_number_that_is_not_finite_is_written_in_words_never_nan_or_inf() {
    use backprop_lab::ui::{num::Num, state::Lesson};
    for (lang, words) in [(Lang::Ko, "정의되지 않은 값"), (Lang::En, "undefined (not a number)")] {
        let host = support::host();
        leptos::mount::mount_to(host.clone(), move || {
            provide_context(Lesson::new(support::at_in(Step::Update, lang)));
            view! { <Num id="a" value=f64::NAN /> " " <Num id="b" value=f64::NEG_INFINITY /> }
        })
        .forget();
        support::settle().await;
        let text = host.text_content().unwrap();
        assert!(text.contains(words) && text.contains("−∞"), "{text}");
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    }
}
