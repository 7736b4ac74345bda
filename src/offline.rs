//! Registers the service worker (sw.js, written into the build by scripts/sw.py), quietly doing nothing where that cannot work.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// Register sw.js, only over http(s) (not file://) and where the browser has service workers; a
/// refused registration is ignored: the app works the same online, only not offline. Called once
/// the first lesson is mounted: the app has all its code by then, so the worker's download of
/// the build into its cache takes nothing from the first load.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let container = window.navigator().service_worker();
    // Undefined outside a secure context and in browsers without service workers.
    if JsValue::from(&container).is_undefined() {
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    let promise = container.register(&script_url(&document));
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
}

/// sw.js beside the app's files: the directory of Trunk's module preload of the JS glue (which
/// carries `--public-url`), so a page opened as `/course/ml` without its last slash still
/// registers `/course/ml/sw.js`; plain `sw.js` (beside the page) if there is no such link.
fn script_url(document: &web_sys::Document) -> String {
    let href = document
        .query_selector("link[rel=\"modulepreload\"][href]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"))
        .unwrap_or_default();
    let dir = href.rfind('/').map_or("", |i| &href[..=i]);
    let mut url = String::from(dir);
    url.push_str("sw.js");
    url
}
