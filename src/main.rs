//! Entry point: install a panic hook that shows a readable message in the page, mount the app, then register the service worker.

#[cfg(target_arch = "wasm32")]
mod offline;

#[cfg(target_arch = "wasm32")]
fn main() {
    backprop_lab::ui::panic_page::install();
    leptos::mount::mount_to_body(backprop_lab::ui::App);
    offline::register_service_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Backprop Lab is a web app: build it with `trunk build --release` and open dist/index.html (see README)."
    );
}
