//! Browser tests (wasm32 only, headless Chromium via wasm-bindgen-test-runner): the Leptos app mounts and renders.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, empty `<div>` appended to the test page's body.
fn fresh_host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
fn app_mounts_and_shows_its_title() {
    let host = fresh_host();
    let handle = leptos::mount::mount_to(host.clone(), backprop_lab::ui::App);
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("Backprop Lab"), "mounted app text: {text:?}");
    handle.forget();
}
