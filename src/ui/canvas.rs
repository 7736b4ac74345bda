//! Drawings follow the window: charts drawn to the width they are shown at (redrawn on resize), and the wide or tall layout of the diagrams.

use leptos::prelude::*;

/// Bumped when the window's size changes, so every chart redraws at its new width.
#[derive(Clone, Copy)]
pub struct Resized(pub RwSignal<u32>);

/// Puts [`Resized`] in context and listens to the window's resize events.
pub fn provide() {
    let resized = RwSignal::new(0u32);
    provide_context(Resized(resized));
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || handle.remove());
}

/// Tracks window resizes and returns how many there were (0 outside [`provide`], as in tests
/// that mount one chart).
pub fn track() -> u32 {
    use_context::<Resized>().map_or(0, |Resized(r)| r.get())
}

/// How to lay the drawings out for the window's width: layers left to right, or top to bottom
/// where the screen is narrow. Tracks resizes, so a Memo of it follows the window.
pub fn drawing_layout() -> crate::diagram::Layout {
    track();
    let px = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1280.0);
    crate::diagram::Layout::for_width(px)
}

/// Gives the canvas as many pixels as it has CSS pixels across (so text is drawn at its real
/// size instead of being scaled; two thirds of that in presenter mode), with height `width / aspect` but at least `min_height`.
/// Returns the canvas for drawing. Reading the box's width forces the browser to lay the page
/// out, so it is read only once per `generation` (the count from [`track`]), not on every redraw.
pub fn fit(el: &web_sys::HtmlCanvasElement, aspect: f64, min_height: u32) -> web_sys::HtmlCanvasElement {
    let generation = track().to_string();
    if el.get_attribute("data-fit").as_deref() == Some(generation.as_str()) {
        return el.clone();
    }
    let _ = el.set_attribute("data-fit", &generation);
    let shown = el.client_width();
    if shown > 0 {
        // Presenting, the chart is drawn on fewer pixels and stretched to its box: its labels
        // come out half as large again, readable from the back of a room.
        let presenting = document()
            .document_element()
            .is_some_and(|r| r.class_list().contains("presenter"));
        let width = if presenting {
            (shown as f64 / 1.5).round() as u32
        } else {
            shown as u32
        };
        let height = ((width as f64 / aspect).round() as u32).max(min_height);
        if el.width() != width {
            el.set_width(width);
        }
        if el.height() != height {
            el.set_height(height);
        }
    }
    el.clone()
}
