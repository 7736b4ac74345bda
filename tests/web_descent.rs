//! Browser tests (wasm32, headless Chromium) of the descent step's three learning-rate buttons and of the circuit steps' tie-back to the network.
#![cfg(target_arch = "wasm32")]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::Step;
use backprop_lab::net::Param;
use backprop_lab::query::State;
use backprop_lab::value::MAX_LR;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use support::{find, get, mount, mount_at, value};

fn click(host: &web_sys::HtmlElement, testid: &str) {
    let el: web_sys::HtmlElement = get(host, testid).unchecked_into();
    el.click();
}

fn disabled(host: &web_sys::HtmlElement, testid: &str) -> bool {
    get(host, testid).has_attribute("disabled")
}

/// The share of the way from the current value to the minimum that the shown step covers,
/// from the page's numbers.
fn way(host: &web_sys::HtmlElement) -> f64 {
    let (at, next, min) = (
        value(host, "descent-at"),
        value(host, "descent-next"),
        value(host, "descent-min"),
    );
    (next - at) / (min - at)
}

/// Mazur (2015): out_h1 = 0.593269992, out_h2 = 0.596884378; with w21 = 0.40, w23 = 0.45 the
/// lowest E along b3 is where Y1 = t1 = 0.01, y1 = ln(0.01 / 0.99): b3 = that − (w21 H1 + w23 H2).
fn b3_minimum() -> f64 {
    (0.01f64 / 0.99).ln() - (0.40 * 0.593269992 + 0.45 * 0.596884378)
}

#[wasm_bindgen_test]
async fn each_button_sets_a_learning_rate_that_lands_short_close_or_past() {
    let host = mount(State {
        step: Step::Descent,
        lang: Lang::En,
        focus: Param::B3,
        ..State::default()
    });
    support::settle().await;
    assert!((value(&host, "descent-min") - b3_minimum()).abs() < 1e-6);
    // Landing on the minimum takes η = (0.6 − b3*) / dE/db3; the buttons aim at a quarter of
    // that, all of it and 1.7 times it (three digits).
    let whole = (0.6 - b3_minimum()) / 0.138498562;
    for (button, regime, aim) in [
        ("descent-lr-small", "small", 0.25),
        ("descent-lr-good", "good", 1.0),
        ("descent-lr-overshoot", "overshoot", 1.7),
    ] {
        assert!(!disabled(&host, button), "{button} is on for b3");
        click(&host, button);
        support::settle().await;
        let lr = value(&host, "descent-lr");
        assert!((lr - aim * whole).abs() < 0.005 * aim * whole, "{button} sets η = {lr}");
        assert!(lr > 0.0 && lr <= MAX_LR);
        // Mazur (2015): dE/db3 = dE/dnet_o1 = 0.138498562, so the step lands at 0.6 − η · that.
        assert!((value(&host, "descent-next") - (0.6 - lr * 0.138498562)).abs() < 1e-9 * lr + 1e-12);
        let w = way(&host);
        match regime {
            "small" => assert!(w > 0.0 && w < 0.5, "short: {w}"),
            "good" => assert!((w - 1.0).abs() <= 0.2, "close: {w}"),
            _ => assert!(w > 1.2, "past: {w}"),
        }
        assert_eq!(
            get(&host, "descent-verdict").get_attribute("data-regime").as_deref(),
            Some(regime)
        );
        assert_eq!(value(&host, "descent-progress"), w);
    }
    assert!(find(&host, "descent-reach").is_none(), "nothing to excuse for b3");
}

#[wasm_bindgen_test]
async fn w21_says_why_it_cannot_be_overshot() {
    // Mazur (2015): dE/dw21 = 0.082167041; E along w21 is lowest at
    // w21 = (ln(0.01/0.99) − 0.45 · 0.596884378 − 0.6) / 0.593269992 ≈ −9.21, so landing on it
    // takes η ≈ 117 and passing it by a fifth η ≈ 140: more than the largest η, 100.
    let host = mount(State {
        step: Step::Descent,
        lang: Lang::En,
        focus: Param::W21,
        ..State::default()
    });
    support::settle().await;
    let w21_min = ((0.01f64 / 0.99).ln() - 0.45 * 0.596884378 - 0.6) / 0.593269992;
    assert!((value(&host, "descent-min") - w21_min).abs() < 1e-6);
    assert!(disabled(&host, "descent-lr-overshoot"));
    let reach = get(&host, "descent-reach").text_content().unwrap();
    assert!(reach.contains("140") && reach.contains("100"), "{reach}");
    click(&host, "descent-lr-good");
    support::settle().await;
    assert_eq!(value(&host, "descent-lr"), MAX_LR);
    let w = way(&host);
    assert!(
        (w - 100.0 * 0.082167041 / (0.4 - w21_min)).abs() < 1e-6 && (w - 1.0).abs() <= 0.2,
        "{w}"
    );
    click(&host, "descent-lr-small");
    support::settle().await;
    assert!(way(&host) < 0.5);
}

#[wasm_bindgen_test]
async fn without_a_minimum_within_reach_the_buttons_are_off_and_say_why() {
    // Mazur (2015): dE/dw11 = 0.000438568: even η = 100 moves w11 by 0.044, along which E only falls.
    let host = mount(State {
        step: Step::Descent,
        lang: Lang::Ko,
        focus: Param::W11,
        ..State::default()
    });
    support::settle().await;
    for b in ["descent-lr-small", "descent-lr-good", "descent-lr-overshoot"] {
        assert!(disabled(&host, b), "{b}");
    }
    assert!(find(&host, "descent-min").is_none());
    let reach = get(&host, "descent-reach").text_content().unwrap();
    assert!(reach.contains("최소점이 나오지 않습니다"), "{reach}");
}

#[wasm_bindgen_test]
async fn the_circuit_steps_show_where_their_rule_acts_in_the_network() {
    // Mazur (2015), the worked example: E_total = 0.298371109; out_h1 = 0.593269992 and w5 (w21)
    // = 0.40; dE/dw5 = 0.082167041; dE_o1/dout_h1 = 0.055399425, dE_o2/dout_h1 = −0.019049119,
    // dE/dout_h1 = 0.036350306.
    let host = mount_at(Step::AddNode, Lang::En);
    support::settle().await;
    assert!((value(&host, "tie-E") - 0.298371109).abs() < 1e-9);
    assert_eq!(value(&host, "tie-dE-dError1"), 1.0);
    assert_eq!(value(&host, "tie-dE-dError2"), 1.0);
    assert_eq!(
        get(&host, "tie-link").get_attribute("data-target").as_deref(),
        Some("error")
    );
    click(&host, "tie-link");
    support::settle().await;
    assert_eq!(get(&host, "step").get_attribute("data-slug").as_deref(), Some("error"));

    let host = mount_at(Step::MulNode, Lang::Ko);
    support::settle().await;
    assert_eq!(value(&host, "tie-w21"), 0.4);
    assert!((value(&host, "tie-H1") - 0.593269992).abs() < 1e-9);
    assert!((value(&host, "tie-grad-w21") - 0.082167041).abs() < 1e-9);
    click(&host, "tie-link");
    support::settle().await;
    assert_eq!(
        get(&host, "step").get_attribute("data-slug").as_deref(),
        Some("grad-w21")
    );

    let host = mount_at(Step::Graph, Lang::En);
    support::settle().await;
    assert!((value(&host, "tie-share-y1") - 0.055399425).abs() < 1e-9);
    assert!((value(&host, "tie-share-y2") + 0.019049119).abs() < 1e-9);
    assert!((value(&host, "tie-dE-dH1") - 0.036350306).abs() < 1e-9);
    click(&host, "tie-link");
    support::settle().await;
    assert_eq!(
        get(&host, "step").get_attribute("data-slug").as_deref(),
        Some("backward-H1")
    );
    assert!(find(&host, "tie").is_none(), "the network step has no tie-back");
}
