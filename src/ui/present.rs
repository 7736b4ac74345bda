//! The classroom controls: presenter mode, the keyboard shortcuts list, and the one-line caption shown when presenting.

use super::state::Lesson;
use leptos::prelude::*;

/// Whether the shortcuts list is open.
#[derive(Clone, Copy)]
pub struct Help(pub RwSignal<bool>);

/// Puts [`Help`] in context and keeps `<html class="presenter">` in step with the state.
pub fn provide(lesson: Lesson) {
    provide_context(Help(RwSignal::new(false)));
    Effect::new(move |prev: Option<bool>| {
        let on = lesson.state.with(|s| s.present);
        if prev == Some(on) {
            return on;
        }
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("presenter", on);
        }
        // The layout changed without a window resize: let the charts take their new width.
        if prev.is_some() {
            if let Some(super::canvas::Resized(r)) = use_context::<super::canvas::Resized>() {
                r.update(|n| *n = n.wrapping_add(1));
            }
        }
        on
    });
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().remove_1("presenter");
        }
    });
}

/// Turns presenter mode on or off.
pub fn toggle_presenter(lesson: Lesson) {
    lesson.state.update(|s| s.present = !s.present);
}

/// The first sentence of a text (up to and with its first full stop, question or exclamation
/// mark followed by a space or the end): presenter mode shows the explanation in one line.
pub fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!' | '。') {
            let end = i + c.len_utf8();
            if end == bytes.len() || bytes[end] == b' ' || bytes[end] == b'\n' {
                return &text[..end];
            }
        }
    }
    text
}

/// The header's buttons: presenter mode and the shortcuts list.
#[component]
pub fn ClassroomButtons() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let Help(help) = expect_context::<Help>();
    let on = move || lesson.state.with(|s| s.present);
    view! {
        <div class="classroom">
            <button data-testid="presenter-toggle" aria-pressed=move || on().to_string()
                aria-keyshortcuts="p" on:click=move |_| toggle_presenter(lesson)>
                {lesson.text(|s| s.presenter)}
            </button>
            <button data-testid="shortcuts-toggle" aria-haspopup="dialog" aria-expanded=move || help.get().to_string()
                aria-keyshortcuts="Shift+?" on:click=move |_| help.update(|h| *h = !*h)>
                <span aria-hidden="true">"? "</span>{lesson.text(|s| s.shortcuts)}
            </button>
        </div>
    }
}

/// The list of keyboard shortcuts, opened with `?` or its button, closed with Esc or its button.
#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let Help(help) = expect_context::<Help>();
    let strings = move || lesson.lang.get().strings();
    let close_ref = NodeRef::<leptos::html::Button>::new();
    // Focus moves into the list when it opens, so Esc and Tab work from there.
    Effect::new(move |_| {
        if help.get() {
            if let Some(b) = close_ref.get() {
                let _ = b.focus();
            }
        }
    });
    move || {
        help.get().then(|| {
            let rows = strings()
                .shortcut_keys
                .iter()
                .map(|(keys, what)| {
                    let keys = keys.split(" / ").map(|k| view! { <kbd>{k}</kbd> }).collect_view();
                    view! { <tr><th scope="row">{keys}</th><td>{*what}</td></tr> }
                })
                .collect_view();
            view! {
                <div class="dialog-backdrop" on:click=move |_| help.set(false)></div>
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts">
                    <h2 id="shortcuts-title">{strings().shortcuts}</h2>
                    <table class="keys"><tbody>{rows}</tbody></table>
                    <button class="action" node_ref=close_ref data-testid="shortcuts-close"
                        on:click=move |_| help.set(false)>{strings().close}</button>
                </div>
            }
        })
    }
}

/// The step's title and the first sentence of its explanation, in large type; shown only in
/// presenter mode (the full explanation stays in the panel for everyone else).
#[component]
pub fn PresenterCaption() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let text = move || {
        let (lang, step) = lesson.state.with(|s| (s.lang, s.step));
        let (_, body) = crate::i18n::steps::text_of(lang, step);
        first_sentence(&body).to_owned()
    };
    view! {
        <Show when=move || lesson.state.with(|s| s.present)>
            <p class="caption" data-testid="presenter-caption">{text}</p>
        </Show>
    }
}
