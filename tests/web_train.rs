//! Browser tests of the train step (wasm32, headless Chromium): mount the lab, click its controls, read the DOM contract.
#![cfg(target_arch = "wasm32")]

use backprop_lab::lesson::Step;
use backprop_lab::net::{Example, Param};
use backprop_lab::query::State;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use support::{at, find, mount, value};

/// Mazur (2015): E of the worked example before training.
const MAZUR_E0: f64 = 0.298371109;

fn click(host: &web_sys::HtmlElement, testid: &str) {
    let el: web_sys::HtmlElement = find(host, testid).expect(testid).unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn the_charts_show_only_on_the_train_step() {
    let host = mount(at(Step::Error));
    support::settle().await;
    assert!(find(&host, "train-error-chart").is_none());
    assert!(find(&host, "train-run").is_none());
    let host = mount(at(Step::Train));
    support::settle().await;
    assert!(find(&host, "train-error-chart").is_some());
    assert!(find(&host, "train-param-chart").is_some());
    for id in [
        "train-run",
        "train-pause",
        "train-step",
        "train-reset",
        "train-speed",
        "train-log",
    ] {
        assert!(find(&host, id).is_some(), "{id}");
    }
}

#[wasm_bindgen_test]
async fn one_step_then_use_these_weights_gives_mazurs_updated_weights() {
    let host = mount(at(Step::Train));
    support::settle().await;
    assert_eq!(value(&host, "train-steps"), 0.0);
    assert!((value(&host, "train-error") - MAZUR_E0).abs() < 1e-9);
    click(&host, "train-step");
    support::settle().await;
    assert_eq!(value(&host, "train-steps"), 1.0);
    assert!(value(&host, "train-error") < MAZUR_E0);
    click(&host, "train-apply");
    support::settle().await;
    // Mazur (2015), after the first update at lr 0.5: w1 = 0.149780716 and w5 = 0.35891648 (our w11, w21).
    assert!((value(&host, "param-w11") - 0.149780716).abs() < 1e-9);
    assert!((value(&host, "param-w21") - 0.35891648).abs() < 1e-8);
    // The applied weights are the new start: step 0 again.
    assert_eq!(value(&host, "train-steps"), 0.0);
    click(&host, "train-step");
    support::settle().await;
    click(&host, "train-reset");
    support::settle().await;
    assert_eq!(value(&host, "train-steps"), 0.0);
    assert!((value(&host, "param-w11") - 0.149780716).abs() < 1e-9);
}

#[wasm_bindgen_test]
async fn a_diverging_step_shows_the_message_and_keeps_the_state() {
    // tests/net.rs's case: x1 = 1e300 with w11 = w12 = 0 makes dE/dw11 about 1e298; lr 1e100 overflows.
    let mut example = Example::worked();
    example.x[0] = 1e300;
    example.params[Param::W11.index()] = 0.0;
    example.params[Param::W12.index()] = 0.0;
    let host = mount(State {
        example,
        lr: 1e100,
        ..at(Step::Train)
    });
    support::settle().await;
    let before = value(&host, "train-error");
    assert!(find(&host, "train-message").is_none());
    click(&host, "train-step");
    support::settle().await;
    let message = find(&host, "train-message").expect("a message").text_content().unwrap();
    assert!(
        message.contains("w11") && message.contains("not a finite number"),
        "{message}"
    );
    assert_eq!(value(&host, "train-steps"), 0.0);
    assert_eq!(value(&host, "train-error"), before);
    assert!(find(&host, "train-run").unwrap().has_attribute("disabled"));
    assert!(!host.text_content().unwrap().contains("NaN"));
    click(&host, "train-reset");
    support::settle().await;
    assert!(find(&host, "train-message").is_none());
}
