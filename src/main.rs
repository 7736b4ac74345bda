//! Entry point: install a panic hook that logs the message, mount the app, then register the service worker.

#[cfg(target_arch = "wasm32")]
mod offline;

#[cfg(target_arch = "wasm32")]
fn main() {
    backprop_lab::ui::panic_page::install();
    leptos::mount::mount_to_body(backprop_lab::ui::App);
    offline::register_service_worker();
}

/// Panics, as a fault in the app would: the end-to-end test that a stopped page says so calls it
/// from script (`window.wasmBindings`, Trunk's loader). No address and no control of the page
/// reaches it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn stop_for_test() {
    panic!("stop_for_test");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Backprop Lab is a web app: build it with `trunk build --release` and open dist/index.html (see README)."
    );
}
