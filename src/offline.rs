//! Registers the service worker (sw.js, written into the build by scripts/sw.py) once the page has loaded, quietly doing nothing where that cannot work.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Register sw.js after the page's `load` event (now if it has passed), so that the worker's
/// download of the build never competes with the first lesson. Only over http(s) (not file://)
/// and where the browser has service workers; a refused registration is ignored: the app works
/// the same online, only not offline.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    if document.ready_state() == "complete" {
        register(&document);
    } else {
        let on_load = Closure::once_into_js(move || register(&document));
        let _ = window.add_event_listener_with_callback("load", on_load.unchecked_ref());
    }
}

fn register(document: &web_sys::Document) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // Undefined outside a secure context and in browsers without service workers.
    if JsValue::from(&container).is_undefined() {
        return;
    }
    let promise = container.register(&script_url(document));
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
}

/// sw.js beside the app's files: the directory of Trunk's module preload of the JS glue (which
/// carries `--public-url`), so a page opened as `/course/ml` without its last slash still
/// registers `/course/ml/sw.js`; plain `sw.js` (beside the page) if there is no such link.
fn script_url(document: &web_sys::Document) -> String {
    document
        .query_selector("link[rel=\"modulepreload\"][href]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .and_then(|href| href.rfind('/').map(|i| format!("{}sw.js", &href[..=i])))
        .unwrap_or_else(|| "sw.js".to_string())
}
