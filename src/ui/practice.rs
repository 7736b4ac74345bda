//! Practice mode in the page: the switch, the questions and progress the worker writes, checking and revealing, progress kept in local storage, and what the page leaves blank meanwhile.
//!
//! The practice model runs in a Web Worker (`src/bin/practice_worker.rs`, `practice::page`),
//! started when practice mode is first turned on: none of it is in the first load. Until the
//! worker has answered for the current state, every number on the page is blank.

use super::state::Lesson;
use crate::practice::page::{Body, Reply, Request};
use crate::practice::{example_key, next_seed, NodeInputs, Progress};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast};

/// The local storage key progress is kept under.
const STORE: &str = "backprop-lab-practice";

/// What practice mode shows now.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// Practice mode is off: everything is shown.
    Off,
    /// The worker has not answered for the current state yet: every number is blank.
    Pending,
    /// The worker's answer for the current state.
    Ready(Reply),
}

/// Practice mode's state in context. What is asked, checked and hidden is the worker's answer;
/// this keeps the state it answers for and its reply.
#[derive(Clone, Copy)]
pub struct Practice {
    pub on: Memo<bool>,
    pub progress: RwSignal<Progress>,
    /// False once local storage could not be read or written: progress lasts this session.
    pub stored: RwSignal<bool>,
    /// How many of the oldest examples the last write left out to stay within the bound.
    pub dropped: RwSignal<usize>,
    /// The key of the example practised on (its seed, or a hash of its numbers).
    pub example: Memo<String>,
    /// The step's verdicts as the worker wrote them.
    pub verdicts: RwSignal<String>,
    /// The request for the current state.
    request: Memo<Body>,
    pub shown: Memo<Shown>,
    /// The last verdict said, for screen readers.
    pub said: RwSignal<String>,
    /// The worker failed to load, or has not answered for [`PATIENCE`]: the page says so.
    pub silent: RwSignal<bool>,
    /// The example's givens (inputs, targets, parameters, η, the add and multiply nodes'
    /// inputs): on show even before the worker answers.
    givens: Memo<Vec<f64>>,
    worker: StoredValue<Option<Client>, LocalStorage>,
}

/// The worker and what was asked of it, in order (replies come back in the same order).
#[derive(Clone)]
struct Client {
    worker: web_sys::Worker,
    ready: RwSignal<bool>,
    silent: RwSignal<bool>,
    /// How many messages the worker has sent.
    heard: Rc<std::cell::Cell<u32>>,
    sent: Rc<RefCell<VecDeque<bool>>>,
    /// The view asked for and not answered yet (not asked twice).
    last: Rc<RefCell<String>>,
}

impl Practice {
    /// What the worker's reply says (tracked): never while practice is off, always while the
    /// reply for the current state has not come.
    fn reply_says(&self, f: impl Fn(&Reply) -> bool) -> bool {
        self.shown.with(|s| match s {
            Shown::Off => false,
            Shown::Pending => true,
            Shown::Ready(r) => f(r),
        })
    }

    /// Whether the display named `id` must stay off the page (tracked). While the worker has
    /// not answered, everything but the givens (inputs, targets, parameters, η).
    pub fn hides(&self, id: &str) -> bool {
        self.shown.with(|s| match s {
            Shown::Off => false,
            Shown::Pending => !given_id(id),
            Shown::Ready(r) => r.hidden.iter().any(|x| x == id),
        })
    }

    /// Whether the number under page id `id` is a question of this step already solved or
    /// revealed: shown whatever it equals (tracked).
    pub fn shows(&self, id: &str) -> bool {
        self.shown
            .with(|s| matches!(s, Shown::Ready(r) if r.hidden.iter().any(|x| x.strip_prefix('+') == Some(id))))
    }

    /// Whether a number equal to `v` (to 1e-12, so the same number reached by another order of
    /// operations counts, or printed with the same six digits: E at the lowest point along w21
    /// is Error2 to six digits) must be left blank wherever it is printed (tracked). While the
    /// worker has not answered, every number but the givens' values.
    pub fn blanks(&self, v: f64) -> bool {
        let same =
            |b: &f64| (b - v).abs() <= 1e-12 * b.abs().max(v.abs()) || super::num::short(*b) == super::num::short(v);
        self.shown.with(|s| match s {
            Shown::Off => false,
            Shown::Pending => !self.givens.with(|g| g.iter().any(same)),
            Shown::Ready(r) => r.blanks.iter().any(same),
        })
    }

    /// A flag of the reply (`paths`, `nudge`, `sign`); all of them while pending (tracked).
    pub fn flag(&self, f: fn(&crate::practice::page::Flags) -> bool) -> bool {
        self.reply_says(|r| f(&r.flags))
    }

    /// Whether the sigmoid chart's mark for weighted sum `z` must not be drawn (tracked).
    pub fn drops_sigmoid(&self, z: &str) -> bool {
        self.reply_says(|r| r.flags.sigmoid.iter().any(|x| x == z))
    }

    /// Asks the worker to check `answer` for page id `id`.
    fn check(&self, id: &str, answer: &str) {
        self.send(Request::Check {
            body: self.request.get_untracked(),
            id: id.to_owned(),
            answer: answer.to_owned(),
        });
    }

    fn send(&self, request: Request) {
        self.worker.with_value(|c| {
            if let Some(c) = c {
                c.sent.borrow_mut().push_back(matches!(request, Request::Check { .. }));
                c.post(&request);
            }
        });
    }

    /// Writes the progress, merged first with what another tab may have stored meanwhile (so an
    /// answer solved there is kept), bounded to what is read back ([`Progress::bounded_text`]).
    fn save(&self) {
        self.write(|mine, stored| mine.merge(stored));
    }

    /// Writes `f(this tab's progress, the stored one)` and takes it as this tab's progress.
    fn write(&self, f: impl Fn(&Progress, &Progress) -> Progress) {
        let store = storage();
        let stored = store
            .as_ref()
            .and_then(|s| s.get_item(STORE).ok().flatten())
            .map_or_else(Progress::default, |t| Progress::from_text(&t));
        let next = self.progress.with_untracked(|p| f(p, &stored));
        let (text, dropped) = next.bounded_text();
        let ok = store.is_some_and(|s| s.set_item(STORE, &text).is_ok());
        if !ok {
            self.stored.set(false);
        }
        if dropped > 0 {
            self.dropped.set(dropped);
        }
        let kept = if ok { Progress::from_text(&text) } else { next };
        if self.progress.with_untracked(|p| *p != kept) {
            self.progress.set(kept);
        }
    }
}

/// Whether page id `id` shows a given: an input, a target, a parameter, η, an add or multiply
/// node's input or incoming gradient.
fn given_id(id: &str) -> bool {
    ["value-x", "value-t", "param-", "old-", "node-value-x", "node-value-y"]
        .iter()
        .any(|p| id.starts_with(p))
        || matches!(id, "lr" | "node-grad-z")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// How long the worker may take to start or to answer before the page says it does not answer
/// (a slow network may take long to bring its wasm; a later answer takes the message away).
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(12);

impl Client {
    /// Sends `request`, and says the worker is silent if nothing comes back within [`PATIENCE`].
    fn post(&self, request: &Request) {
        let _ = self.worker.post_message(&request.to_text().into());
        self.watch();
    }

    /// Says the worker is silent unless it sends something within [`PATIENCE`] from now.
    fn watch(&self) {
        let (heard, silent) = (self.heard.clone(), self.silent);
        let before = heard.get();
        set_timeout(
            move || {
                if heard.get() == before {
                    silent.set(true);
                }
            },
            PATIENCE,
        );
    }
}

/// Where the worker's loader is: beside the app's own script (Trunk's `--public-url`), named
/// with the digits index.html's `<meta name="practice-worker">` holds (scripts/post_build.py), so
/// that a page only ever starts the worker of its own build.
fn worker_url() -> String {
    let base = document()
        .query_selector("link[rel=modulepreload]")
        .ok()
        .flatten()
        .and_then(|l| l.get_attribute("href"))
        .and_then(|h| h.rfind('/').map(|i| h[..=i].to_owned()))
        .unwrap_or_else(|| "./".to_owned());
    let digits = document()
        .query_selector("meta[name=practice-worker]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|d| !d.is_empty())
        .map_or_else(String::new, |d| format!("-{d}"));
    format!("{base}practice-worker{digits}_loader.js")
}

/// Starts the worker; `on_reply` receives each reply with whether it answers a check.
/// `ready` becomes true when the worker can take requests, `silent` when it fails to load or
/// does not answer in time (both made by the caller, outside any effect, so that they live as
/// long as the page).
fn start(ready: RwSignal<bool>, silent: RwSignal<bool>, on_reply: impl Fn(Reply, bool) + 'static) -> Option<Client> {
    let worker = web_sys::Worker::new(&worker_url()).ok()?;
    let sent: Rc<RefCell<VecDeque<bool>>> = Rc::default();
    let last: Rc<RefCell<String>> = Rc::default();
    let heard: Rc<std::cell::Cell<u32>> = Rc::default();
    let (queue, waiting, count) = (sent.clone(), last.clone(), heard.clone());
    // A script that cannot be fetched (offline without it, or gone after a deploy) or fails to
    // run. Handled here: not passed on as the page's own uncaught error (assets/stopped.js).
    let failed = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        silent.set(true);
    });
    worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
    failed.forget();
    let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        count.set(count.get() + 1);
        silent.set(false);
        let text = ev.data().as_string().unwrap_or_default();
        if text == "ready" {
            ready.set(true);
            return;
        }
        let was_check = queue.borrow_mut().pop_front().unwrap_or(false);
        // Answered: the same state may be asked again later (a reset back to no progress).
        waiting.borrow_mut().clear();
        if let Some(reply) = Reply::from_text(&text) {
            on_reply(reply, was_check);
        }
    });
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let client = Client {
        worker,
        ready,
        silent,
        heard,
        sent,
        last,
    };
    client.watch();
    Some(client)
}

/// Puts [`Practice`] in context (after the circuit's state, whose inputs it asks about).
pub fn provide(lesson: Lesson) {
    let cs = expect_context::<super::circuit::CircuitState>();
    let kept = storage().map(|s| s.get_item(STORE).ok().flatten().unwrap_or_default());
    let progress = RwSignal::new(kept.as_deref().map_or_else(Progress::default, Progress::from_text));
    let stored = RwSignal::new(kept.is_some());
    let on = Memo::new(move |_| lesson.state.with(|s| s.practice));
    let example = Memo::new(move |_| lesson.state.with(|s| example_key(s.seed, &s.example, s.lr)));
    // The add and multiply nodes are practised on the seed's own inputs.
    let seeded = Memo::new(move |_| lesson.state.with(|s| (s.practice, s.seed)));
    Effect::new(move |_| {
        if let (true, seed) = seeded.get() {
            let n = NodeInputs::for_seed(seed);
            cs.xy.set(n.xy);
            cs.upstream.set(n.upstream);
        }
    });
    let verdicts = RwSignal::new(String::new());
    // A verdict belongs to the step and numbers it was given on.
    let step = Memo::new(move |_| lesson.state.with(|s| s.step));
    Effect::new(move |_| {
        step.track();
        example.track();
        verdicts.set(String::new());
    });
    let request = Memo::new(move |_| Body {
        query: lesson.state.with(|s| s.to_query()),
        nodes: NodeInputs {
            xy: cs.xy.get(),
            upstream: cs.upstream.get(),
        },
        progress: progress.with(Progress::to_text),
        verdicts: verdicts.get(),
    });
    let body = Memo::new(move |_| request.with(Body::to_text));
    let reply: RwSignal<Option<Reply>> = RwSignal::new(None);
    let shown = Memo::new(move |_| {
        if !on.get() {
            return Shown::Off;
        }
        body.with(|b| {
            reply.with(|r| match r {
                Some(r) if r.body == *b => Shown::Ready(r.clone()),
                _ => Shown::Pending,
            })
        })
    });
    // Another tab wrote progress: take it (it merged this tab's writes before writing).
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let field = |name: &str| js_sys::Reflect::get(&ev, &name.into()).ok().and_then(|v| v.as_string());
        if field("key").as_deref() == Some(STORE) {
            progress.set(Progress::from_text(&field("newValue").unwrap_or_default()));
        }
    });
    let _ = window().add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
    let pr = Practice {
        on,
        progress,
        stored,
        dropped: RwSignal::new(0),
        example,
        verdicts,
        request,
        shown,
        said: RwSignal::new(String::new()),
        silent: RwSignal::new(false),
        givens: Memo::new(move |_| {
            let mut g: Vec<f64> = lesson.state.with(|s| {
                let e = &s.example;
                e.x.iter().chain(&e.t).chain(&e.params).copied().chain([s.lr]).collect()
            });
            g.extend(cs.xy.get());
            g.push(cs.upstream.get());
            g
        }),
        worker: StoredValue::new_local(None),
    };
    // The worker starts the first time practice mode is on; it answers every new state.
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        if !on.get() {
            return;
        }
        if pr.worker.with_value(Option::is_none) {
            let client = start(ready, pr.silent, move |r, was_check| {
                if was_check {
                    // The body after a check carries the new progress and verdicts.
                    if let Some(b) = Body::from_text(&r.body) {
                        pr.progress.set(Progress::from_text(&b.progress));
                        pr.save();
                        pr.verdicts.set(b.verdicts);
                    }
                    if !r.said.is_empty() {
                        pr.said.set(r.said.clone());
                    }
                }
                reply.set(Some(r));
            });
            pr.worker.set_value(client);
        }
        let Some(last) = pr.worker.with_value(|c| c.as_ref().map(|c| c.last.clone())) else {
            return;
        };
        let text = body.get();
        if ready.get() && *last.borrow() != text && reply.with_untracked(|r| r.as_ref().is_none_or(|r| r.body != text))
        {
            *last.borrow_mut() = text.clone();
            pr.send(Request::View(request.get_untracked()));
        }
    });
    provide_context(pr);
}

/// Turns practice mode on or off (the header's button and the key `q`).
pub fn toggle(lesson: Lesson) {
    lesson.state.update(|s| s.practice = !s.practice);
}

/// The header's switch.
#[component]
pub fn PracticeToggle() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let pr = expect_context::<Practice>();
    view! {
        <button class="practice-toggle" data-testid="practice-toggle" aria-pressed=move || pr.on.get().to_string()
            aria-keyshortcuts="q" on:click=move |_| toggle(lesson)>
            {lesson.text(|s| s.practice_toggle)}
        </button>
    }
}

/// The page id of the button (or field) an event happened on.
pub(super) fn target_id(ev: &web_sys::Event, selector: &str) -> Option<String> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(selector).ok().flatten()?.get_attribute("data-testid")
}

/// A host element whose content is the part `pick` takes of the worker's current reply (nothing
/// while there is none), through [`write_markup`].
fn reply_markup(host: NodeRef<leptos::html::Div>, pr: Practice, pick: fn(Reply) -> String) {
    write_markup(
        host,
        Box::new(move || match pr.shown.get() {
            Shown::Ready(r) => pick(r),
            _ => String::new(),
        }),
    );
}

/// A host element whose content is markup written by `html` whenever what it reads changes
/// (practice mode's views are markup, as the formulas are: one small view type for all of them).
/// What the learner typed into its fields, and the focus, survive a rewrite.
pub(super) fn write_markup(host: NodeRef<leptos::html::Div>, html: Box<dyn Fn() -> String>) {
    Effect::new(move |_| {
        let text = html();
        let Some(el) = host.get() else { return };
        let fields = el.query_selector_all("input").ok();
        let typed: Vec<(String, String)> = (0..fields.as_ref().map_or(0, |f| f.length()))
            .filter_map(|i| {
                let input: web_sys::HtmlInputElement = fields.as_ref()?.item(i)?.dyn_into().ok()?;
                Some((input.id(), input.value()))
            })
            .collect();
        let focused = document().active_element().map(|e| e.id()).filter(|id| !id.is_empty());
        el.set_inner_html(&text);
        for (id, value) in typed {
            if let Some(input) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_value(&value);
            }
        }
        if let Some(e) = focused
            .and_then(|id| document().get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = e.focus();
        }
    });
}

/// While practising, at the top of the side panel: new numbers, the progress over the whole
/// lesson, the reset, the answer sheet's link (the worker's markup), and a notice when progress
/// cannot be kept.
#[component]
pub fn PracticeBar() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let pr = expect_context::<Practice>();
    let host = NodeRef::new();
    reply_markup(host, pr, |r| r.bar);
    let click = move |ev: leptos::ev::MouseEvent| match target_id(&ev, "button").as_deref() {
        Some("practice-new") => {
            let seed = next_seed(lesson.state.with_untracked(|s| s.seed), js_sys::Date::now() as u64);
            lesson.state.update(|s| s.reseed(seed));
        }
        Some("practice-reset") => {
            let confirm = lesson.lang.get_untracked().strings().practice_reset_confirm;
            if window().confirm_with_message(confirm).unwrap_or(false) {
                let ex = pr.example.get_untracked();
                pr.write(|mine, stored| {
                    let mut all = mine.merge(stored);
                    all.reset(&ex);
                    all
                });
                pr.verdicts.set(String::new());
            }
        }
        _ => {}
    };
    view! {
        <div class="practice-host" node_ref=host on:click=click></div>
        <Show when=move || pr.on.get() && pr.silent.get()>
            <Silent lang=lesson.lang.get() />
        </Show>
        <Show when=move || pr.on.get() && !pr.stored.get()>
            <p class="warning" role="status" data-testid="practice-storage">{lesson.text(|s| s.practice_storage_off)}</p>
        </Show>
        <Show when=move || pr.on.get() && pr.dropped.get() != 0>
            <p class="hint" role="status" data-testid="practice-dropped">
                {move || lesson.text(|s| s.practice_dropped)().replace("{n}", &pr.dropped.get().to_string())}
            </p>
        </Show>
    }
}

/// What a page whose worker does not answer shows: its questions cannot come, so it says why it
/// may be and offers a reload (which fetches this build's worker again, or the new build).
#[component]
fn Silent(
    /// The page's language (the answer sheet has no lesson in context, so it is passed in).
    lang: crate::i18n::Lang,
) -> impl IntoView {
    let s = lang.strings();
    view! {
        <div class="warning" role="alert" data-testid="practice-silent">
            <p>{s.practice_silent}</p>
            <button data-testid="practice-reload" on:click=|_| { let _ = window().location().reload(); }>
                {s.practice_reload}
            </button>
        </div>
    }
}

/// The step's questions in the step panel (the worker's markup); a click on check, reveal or a
/// choice, or Enter in a field, asks the worker to judge.
#[component]
pub fn PracticeBox() -> impl IntoView {
    let pr = expect_context::<Practice>();
    let host = NodeRef::new();
    reply_markup(host, pr, |r| r.questions);
    let check = move |id: &str| {
        let text = document()
            .get_element_by_id(&format!("answer-{id}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        pr.check(id, &text);
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = target_id(&ev, "button") else { return };
        if let Some(id) = target.strip_prefix("check-") {
            check(id);
        } else if let Some(id) = target.strip_prefix("reveal-") {
            pr.check(id, "#reveal");
        } else if let Some((id, k)) = target.strip_prefix("choice-").and_then(|c| c.rsplit_once('-')) {
            pr.check(id, &format!("#{k}"));
        }
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            if let Some(id) = target_id(&ev, "input")
                .as_deref()
                .and_then(|t| t.strip_prefix("answer-"))
            {
                ev.prevent_default();
                check(id);
            }
        }
    };
    view! {
        <div class="practice-host" node_ref=host on:click=click on:keydown=key></div>
        <p class="sr-only" aria-live="polite">{move || pr.said.get()}</p>
    }
}

/// The printable answer sheet (`?step=answers&seed=N`), written by the worker; above it, as on
/// the lab, the link's keys whose values were refused (a bad `seed=`: the worked example's sheet).
#[component]
pub fn AnswerSheet(
    start: crate::query::State,
    /// The URL keys whose value was refused.
    #[prop(optional)]
    refused: Vec<&'static str>,
) -> impl IntoView {
    let host = NodeRef::new();
    let html = RwSignal::new(String::new());
    let silent = RwSignal::new(false);
    let refused_seed = refused.contains(&"seed");
    let client = self::start(RwSignal::new(false), silent, move |r, _| html.set(r.questions));
    Effect::new(move |_| {
        if let Some(c) = &client {
            if c.ready.get() {
                // A refused seed goes as `seed=-`, so the sheet says it is the worked example's.
                let mut query = start.to_query();
                if refused_seed {
                    query += "&seed=-";
                }
                let body = Body {
                    query,
                    nodes: NodeInputs::for_seed(start.seed),
                    progress: String::new(),
                    verdicts: String::new(),
                };
                c.post(&Request::Sheet(body));
            }
        }
    });
    write_markup(host, Box::new(move || html.get()));
    let notice = (!refused.is_empty()).then(|| {
        let text = start
            .lang
            .strings()
            .edit_url_refused
            .replace("{keys}", &refused.join(", "));
        view! { <p class="url-msg" role="status" data-testid="url-msg">{text}</p> }
    });
    view! {
        <main class="sheet">
            {notice}
            <Show when=move || silent.get()>
                <Silent lang=start.lang />
            </Show>
            <div data-testid="answer-sheet" node_ref=host></div>
        </main>
    }
}
