//! Entry point: install a panic hook that shows a readable message in the page, then mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    backprop_lab::ui::panic_page::install();
    leptos::mount::mount_to_body(backprop_lab::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Backprop Lab is a web app: build it with `trunk build --release` and open dist/index.html (see README)."
    );
}
