//! The address bar follows the lesson: a new step is a new history entry, any other change replaces the entry right after the page shows it, or once a slider drag pauses.

use super::playground::PlaygroundState;
use super::state::Lesson;
use crate::i18n::Lang;
use crate::lesson::Step;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

/// How long a value change during a slider drag waits before it is written to the address bar.
/// A drag changes the state many times a second; writing each one costs the browser a history
/// update (Chromium even throttles pages that replace their entry too often), and nobody reads
/// the address bar mid-drag. Every other change is written at once, and so is the drag's last
/// value when the slider is released.
const SETTLE: Duration = Duration::from_millis(150);

/// The pending write of a value change, if any. In context: a released slider and the copy-link
/// button flush a waiting write.
#[derive(Clone, Copy)]
pub struct Address {
    lesson: Lesson,
    pg: PlaygroundState,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Set while a step change comes from Back/Forward, so it is not pushed again.
    from_history: StoredValue<bool>,
    /// Whether a slider is being dragged (the parameters panel knows).
    edits: Option<super::params::Edits>,
}

impl Address {
    fn cancel(self) {
        if let Some(h) = self.pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    /// Writes the current state into the address bar now, as a new entry or over the current one.
    fn write(self, push: bool) {
        self.cancel();
        let query = self.lesson.state.with_untracked(|s| super::page_query(s, &self.pg));
        if let (Ok(history), Some(query)) = (window().history(), query) {
            let url = format!("?{query}");
            let _ = if push {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    }

    /// Writes a waiting value change now (before a link is copied or the page is left).
    pub fn flush(self) {
        if self.pending.try_with_value(Option::is_some) == Some(true) {
            self.write(false);
        }
    }
}

/// Keeps `<html lang>` and the address bar in step with the state (so a copied or reloaded
/// link restores it), and moves to the step the address names on the browser's Back/Forward.
pub fn provide(lesson: Lesson, pg: PlaygroundState) {
    let address = Address {
        lesson,
        pg,
        pending: StoredValue::new(None),
        from_history: StoredValue::new(false),
        edits: use_context::<super::params::Edits>(),
    };
    provide_context(address);
    Effect::new(move |prev: Option<(Step, Lang)>| {
        // Tracks every part of the state, and on the playground its expression and values.
        let (step, lang) = lesson.state.with(|s| (s.step, s.lang));
        if step == Step::Playground {
            pg.text.track();
            pg.good.track();
        }
        if prev.map(|(_, l)| l) != Some(lang) {
            // Only on a change: a new `lang` on the root restyles the whole page.
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("lang", lang.code());
            }
        }
        let from_history = address.from_history.get_value();
        address.from_history.set_value(false);
        match prev {
            Some((before, _)) if before != step => address.write(!from_history),
            // A value change: in the task right after this one, so the page shows the new
            // numbers first, or during a drag once it pauses.
            Some(_) => {
                address.cancel();
                let dragging = address.edits.is_some_and(|e| e.dragging());
                let wait = if dragging { SETTLE } else { Duration::ZERO };
                let handle = set_timeout_with_handle(
                    move || {
                        address.pending.set_value(None);
                        address.write(false);
                    },
                    wait,
                );
                address.pending.set_value(handle.ok());
            }
            None => address.write(false),
        }
        (step, lang)
    });
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        // The entry we left keeps what was written into it; nothing waiting may land on the new one.
        address.cancel();
        let step = super::read_url().0.step;
        if lesson.state.with_untracked(|s| s.step) != step {
            address.from_history.set_value(true);
            lesson.go(step);
        }
    });
    let pagehide = window_event_listener(leptos::ev::pagehide, move |_| address.flush());
    on_cleanup(move || {
        popstate.remove();
        pagehide.remove();
        address.cancel();
    });
}
