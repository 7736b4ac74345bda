//! A panic hook that writes the panic's message to the console; the box a stopped page shows is made by assets/stopped.js, without the wasm.

/// Install the hook. The release build never runs it (`-C panic=immediate-abort` traps at once);
/// builds that do run it trap right after, and the trap shows the box (assets/stopped.js).
pub fn install() {
    std::panic::set_hook(Box::new(|info| web_sys::console::error_1(&info.to_string().into())));
}
