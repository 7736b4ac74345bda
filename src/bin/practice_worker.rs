//! Practice mode's Web Worker: answers the page's requests with the practice model (`practice::page::serve`); the page starts it only when practice mode is turned on.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let request = ev.data().as_string().unwrap_or_default();
        let _ = reply.post_message(&backprop_lab::practice::page::serve(&request).into());
    });
    scope.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    // Messages sent before this handler was set were lost: the page waits for this one.
    let _ = scope.post_message(&"ready".into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("practice-worker runs in the browser as practice mode's Web Worker (index.html).");
}
