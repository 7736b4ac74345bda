//! What the browser tests share: mount the lab into a fresh element, find elements by test id, read their `data-value`, send keys and events.

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::Step;
use backprop_lab::query::State;
use backprop_lab::ui::Lab;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A fresh element at the end of the page's body, to mount a lab into.
pub fn host() -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

/// Mounts the lab for `start` into a fresh element and returns that element.
pub fn mount(start: State) -> web_sys::HtmlElement {
    let host = host();
    leptos::mount::mount_to(host.clone(), move || view! { <Lab start=start /> }).forget();
    host
}

/// The worked example at `step`, in `lang`.
pub fn at_in(step: Step, lang: Lang) -> State {
    State {
        step,
        lang,
        ..State::default()
    }
}

/// The worked example at `step`, in English.
pub fn at(step: Step) -> State {
    at_in(step, Lang::En)
}

/// Mounts the lab at `step` in `lang`.
pub fn mount_at(step: Step, lang: Lang) -> web_sys::HtmlElement {
    mount(at_in(step, lang))
}

pub fn find(host: &web_sys::HtmlElement, testid: &str) -> Option<web_sys::Element> {
    host.query_selector(&format!("[data-testid=\"{testid}\"]")).unwrap()
}

pub fn get(host: &web_sys::HtmlElement, testid: &str) -> web_sys::Element {
    find(host, testid).unwrap_or_else(|| panic!("no element {testid}"))
}

/// The number in the element's `data-value`.
pub fn value(host: &web_sys::HtmlElement, testid: &str) -> f64 {
    get(host, testid).get_attribute("data-value").unwrap().parse().unwrap()
}

/// Presses `key` on the window, as a keyboard or a presenter remote would.
pub fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    window().dispatch_event(&ev).unwrap();
}

/// Dispatches a bubbling event of `kind` on `el`.
pub fn fire(el: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

/// Lets the page's reactive work finish after an action: a few executor ticks. One tick was
/// enough until the diagram's change marks (an effect per number that sets a signal) put a
/// second round of effects between a state change and the fields and links that follow it; the
/// browser paints only after all of them, so a person never sees the in-between.
#[allow(dead_code)]
pub async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}
