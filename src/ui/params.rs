//! The parameters panel: a field for every input, target, parameter and lr, undo/redo, reset, random weights and the page's link.

use super::state::Lesson;
use crate::net::Example;
use crate::query::{State, NUMBERS};
use crate::value::{self, Kind, Note, Refusal};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How many edits Undo remembers.
const HISTORY: usize = 100;

/// One snapshot of everything the panel edits: the values, lr and the seed they were drawn from.
type Snapshot = (Example, f64, Option<u64>);

/// The panel's state in context.
#[derive(Clone, Copy)]
pub struct Edits {
    /// Snapshots before each edit, newest last.
    past: RwSignal<Vec<Snapshot>>,
    /// Snapshots undone, newest last.
    future: RwSignal<Vec<Snapshot>>,
    /// What each field has to say: a refusal (the value stayed) or a note about an accepted value.
    notices: RwSignal<BTreeMap<&'static str, Result<Note, Refusal>>>,
    /// Bumped when the values change from outside a field, so every field shows them again.
    revision: RwSignal<u64>,
    /// URL keys whose value was refused on load.
    url_refused: RwSignal<Vec<&'static str>>,
    /// "Copied" or "copy by hand" after the copy button.
    copied: RwSignal<Option<bool>>,
    /// The page's query string for the current state.
    query: Signal<Option<String>>,
    /// The slider being dragged: its moves since the press are one undoable edit.
    live: StoredValue<Option<&'static str>>,
}

/// Puts the panel's state in context; `query` gives the page's current query string.
pub fn provide(url_refused: Vec<&'static str>, query: impl Fn() -> Option<String> + Send + Sync + 'static) {
    let query = Arc::new(query);
    provide_context(Edits {
        past: RwSignal::new(Vec::new()),
        future: RwSignal::new(Vec::new()),
        notices: RwSignal::new(BTreeMap::new()),
        revision: RwSignal::new(0),
        url_refused: RwSignal::new(url_refused),
        copied: RwSignal::new(None),
        query: Signal::derive(move || query()),
        live: StoredValue::new(None),
    });
}

fn restore(lesson: Lesson, (example, lr, seed): Snapshot) {
    lesson.state.update(|s| {
        s.example = example;
        s.lr = lr;
        s.seed = seed;
    });
}

fn snapshot(lesson: Lesson) -> Snapshot {
    lesson.state.with_untracked(|s| (s.example, s.lr, s.seed))
}

impl Edits {
    /// Sets `name` to `v` (already validated), remembering the values before for Undo.
    fn commit(self, lesson: Lesson, name: &'static str, v: f64) {
        if lesson.state.with_untracked(|s| s.get(name)).to_bits() == v.to_bits() {
            return;
        }
        let mut next = lesson.state.get_untracked();
        next.set(name, v);
        self.replace(lesson, (next.example, next.lr, next.seed));
    }

    /// A slider moved: the first move of a drag is a new undoable edit, the following ones
    /// change that edit until the slider is released ([`Edits::settle`]).
    fn slide(self, lesson: Lesson, name: &'static str, v: f64) {
        if self.live.get_value() == Some(name) {
            lesson.state.update(|s| {
                s.set(name, v);
            });
        } else {
            self.commit(lesson, name, v);
            self.live.set_value(Some(name));
        }
        self.notices.update(|n| {
            n.remove(name);
        });
    }

    /// The slider was released: the next move starts a new edit.
    fn settle(self) {
        self.live.set_value(None);
    }

    /// Whether a slider is being dragged (pressed and not yet released).
    pub fn dragging(self) -> bool {
        self.live.try_get_value().flatten().is_some()
    }

    /// Moves to new values as one undoable edit.
    fn replace(self, lesson: Lesson, to: Snapshot) {
        self.live.set_value(None);
        let now = snapshot(lesson);
        self.past.update(|p| {
            p.push(now);
            if p.len() > HISTORY {
                p.remove(0);
            }
        });
        self.future.update(Vec::clear);
        self.copied.set(None);
        restore(lesson, to);
    }

    /// Shows values that came from outside the fields (undo, redo, reset, random): every field
    /// shows them and its message goes away.
    fn refresh(self) {
        self.notices.update(BTreeMap::clear);
        self.revision.update(|r| *r += 1);
        self.copied.set(None);
    }

    fn undo(self, lesson: Lesson) {
        if let Some(then) = self.past.try_update(Vec::pop).flatten() {
            let now = snapshot(lesson);
            self.future.update(|f| f.push(now));
            restore(lesson, then);
            self.refresh();
        }
    }

    fn redo(self, lesson: Lesson) {
        if let Some(then) = self.future.try_update(Vec::pop).flatten() {
            let now = snapshot(lesson);
            self.past.update(|p| p.push(now));
            restore(lesson, then);
            self.refresh();
        }
    }
}

/// One number: its name, a text field, a slider, and beside it what went wrong or what was noted.
/// `prefix` keeps ids unique when the same number is edited in two places (panel and diagram).
#[component]
pub fn Field(name: &'static str, #[prop(default = "edit")] prefix: &'static str) -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let edits = expect_context::<Edits>();
    let kind = Kind::of(name);
    let strings = move || lesson.lang.get().strings();
    let current = Memo::new(move |_| lesson.state.with(|s| s.get(name)));
    let shown = move || {
        edits.revision.track();
        // As the address writes it: the shortest text that reads back to the same number (a
        // field showing 1e-70 as 72 digits would refuse its own text once edited).
        value::write(current.get())
    };
    let take = move |input: &web_sys::HtmlInputElement, text: &str| match value::parse(kind, text) {
        Ok(parsed) => {
            edits.commit(lesson, name, parsed.value);
            edits.notices.update(|n| match parsed.note {
                Some(note) => {
                    n.insert(name, Ok(note));
                }
                None => {
                    n.remove(name);
                }
            });
            input.set_value(&value::write(parsed.value));
        }
        Err(refusal) => edits.notices.update(|n| {
            n.insert(name, Err(refusal));
        }),
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take(&input, &input.value());
    };
    // ↑/↓ add or take 0.01 (0.1 with Shift); the lab's own arrow keys ignore fields.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let dir = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            _ => return,
        };
        ev.prevent_default();
        let step = if ev.shift_key() { 0.1 } else { 0.01 };
        // Rounded to 1e-9 so that 0.4 + 0.01 reads 0.41, not 0.41000000000000003.
        let next = ((current.get_untracked() + dir * step) * 1e9).round() / 1e9;
        let input: web_sys::HtmlInputElement = event_target(&ev);
        take(&input, &next.to_string());
    };
    let notice = move || edits.notices.with(|n| n.get(name).copied());
    let message = move || {
        let s = strings();
        notice().map(|n| match n {
            Ok(note) => note.message(s),
            Err(refusal) => format!(
                "{} {}",
                refusal.message(s),
                s.edit_kept.replace("{value}", &current.get().to_string())
            ),
        })
    };
    let (min, max, step) = value::slider_range(name);
    let on_slide = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Ok(parsed) = value::parse(kind, &input.value()) {
            edits.slide(lesson, name, parsed.value);
        }
    };
    // A drag's moves reach the address bar when it pauses (ui/address.rs); its last value now.
    let address = use_context::<super::address::Address>();
    let on_release = move |_| {
        edits.settle();
        if let Some(a) = address {
            a.flush();
        }
    };
    let slider_label = move || strings().edit_slider.replace("{name}", name);
    let id = format!("{prefix}-{name}");
    view! {
        <div class=move || if matches!(notice(), Some(Err(_))) { "field refused" } else { "field" }>
            <label for=id.clone()>{name}</label>
            <input id=id.clone() type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                data-testid=id.clone()
                aria-invalid=move || matches!(notice(), Some(Err(_))).to_string()
                prop:value=shown
                on:change=on_change
                on:keydown=on_key />
            <input type="range" class="slider" min=min max=max step=step
                data-testid=format!("{prefix}-slider-{name}")
                aria-label=slider_label
                prop:value=move || current.get().clamp(min, max).to_string()
                on:input=on_slide
                on:change=on_release />
            {move || message().map(|m| view! {
                <span class="field-msg" role="status" data-testid=format!("edit-msg-{name}")>{m}</span>
            })}
        </div>
    }
}

/// The fields, undo/redo, reset, random weights and the link.
#[component]
pub fn ParamsPanel() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let edits = expect_context::<Edits>();
    let strings = move || lesson.lang.get().strings();
    let reset = move |_| {
        let worked = State::default();
        edits.replace(lesson, (worked.example, worked.lr, None));
        edits.refresh();
    };
    let randomise = move |_| {
        let mut next = lesson.state.get_untracked();
        next.reseed(next.seed.map_or(1, |s| s.wrapping_add(1)));
        edits.replace(lesson, (next.example, next.lr, next.seed));
        edits.refresh();
    };
    let link = move || {
        let location = window().location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        match edits.query.get() {
            Some(q) => format!("{base}?{q}"),
            None => base,
        }
    };
    let select_all = move |ev: leptos::ev::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        input.select();
    };
    let link_ref = NodeRef::<leptos::html::Input>::new();
    let address = use_context::<super::address::Address>();
    let copy = move |_| {
        // The address bar shows the copied link too, even right after a slider drag.
        if let Some(address) = address {
            address.flush();
        }
        let Some(input) = link_ref.get_untracked() else { return };
        input.select();
        let copied = document()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|d| d.exec_command("copy").ok())
            .unwrap_or(false);
        edits.copied.set(Some(copied));
    };
    view! {
        <section class="params" aria-labelledby="params-title">
            <h2 id="params-title">{lesson.text(|s| s.edit_title)}</h2>
            <p class="hint">{lesson.text(|s| s.edit_hint)}</p>
            <div class="fields">
                {NUMBERS.iter().map(|&name| view! { <Field name=name /> }).collect_view()}
            </div>
            <div class="edit-buttons">
                <button data-testid="edit-undo" disabled=move || edits.past.with(Vec::is_empty)
                    on:click=move |_| edits.undo(lesson)>"↶ "{lesson.text(|s| s.edit_undo)}</button>
                <button data-testid="edit-redo" disabled=move || edits.future.with(Vec::is_empty)
                    on:click=move |_| edits.redo(lesson)>"↷ "{lesson.text(|s| s.edit_redo)}</button>
                <button data-testid="reset-example" on:click=reset>{lesson.text(|s| s.edit_reset)}</button>
                <button data-testid="randomise" on:click=randomise>{lesson.text(|s| s.edit_randomise)}</button>
                {move || lesson.state.with(|s| s.seed).map(|seed| view! {
                    <span class="seed">{lesson.text(|s| s.edit_seed)}" "
                        <span data-testid="seed" data-value=seed.to_string()>{seed.to_string()}</span>
                    </span>
                })}
            </div>
            <div class="link-row">
                <label for="page-link">{lesson.text(|s| s.edit_link_label)}</label>
                <input id="page-link" type="text" readonly=true data-testid="link" node_ref=link_ref
                    prop:value=link on:focus=select_all />
                <button data-testid="copy-link" on:click=copy>{lesson.text(|s| s.edit_copy_link)}</button>
            </div>
            {move || edits.copied.get().map(|ok| view! {
                <p class="hint" role="status" data-testid="copy-msg">
                    {move || if ok { strings().edit_copied } else { strings().edit_copy_manually }}
                </p>
            })}
        </section>
    }
}

/// A notice listing the URL keys whose values were refused on load (nothing when there are none).
#[component]
pub fn UrlNotice() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let edits = expect_context::<Edits>();
    let strings = move || lesson.lang.get().strings();
    move || {
        let keys = edits.url_refused.get();
        (!keys.is_empty()).then(|| {
            view! {
                <p class="url-msg" role="status" data-testid="url-msg">
                    {move || strings().edit_url_refused.replace("{keys}", &keys.join(", "))}
                </p>
            }
        })
    }
}
