//! Practice mode in the page: the step's questions (field, check, reveal, verdict), progress kept in local storage, and what the page leaves blank meanwhile.

use super::num::short;
use super::state::Lesson;
use crate::i18n::practice::practice as words;
use crate::lesson::Step;
use crate::math::mathml::escape;
use crate::practice::{self as model, Answer, Hidden, NodeInputs, Progress, StepQuestions, Verdict};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The local storage key progress is kept under.
const STORE: &str = "backprop-lab-practice";

/// Practice mode's state in context. Everything is worked out by `crate::practice`; this only
/// keeps it in signals.
#[derive(Clone, Copy)]
pub struct Practice {
    /// Practice mode is on (`?practice=1`).
    pub on: Memo<bool>,
    pub progress: RwSignal<Progress>,
    /// False once local storage could not be read or written: progress lasts this session.
    pub stored: RwSignal<bool>,
    /// The key of the example practised on (its seed, or a hash of its numbers).
    pub example: Memo<String>,
    /// The current step's questions (none when practice is off).
    pub asked: Memo<StepQuestions>,
    /// What the page must not show yet.
    pub hidden: Memo<Hidden>,
    /// The last verdict (or refusal, `None`) per page id on this step.
    pub verdicts: RwSignal<Vec<(String, Option<Verdict>)>>,
}

impl Practice {
    /// Whether the display named `id` must stay off the page (tracked).
    pub fn hides(&self, id: &str) -> bool {
        self.hidden.with(|h| h.hides(id))
    }

    /// Whether a number equal to `v` gives an unsolved question away (a value read off a given
    /// stays: the given is on show anyway).
    /// A number a solved question already showed stays too (the δ of Y1 is ∂Error1/∂Y1).
    pub fn blanks(&self, v: f64) -> bool {
        self.hidden
            .with(|h| h.values.iter().any(|x| x.read_off.is_none() && x.value == v))
            && !self.asked.with(|sq| {
                sq.questions
                    .iter()
                    .any(|q| q.exact() == Some(v) && self.solved(q.key()))
            })
    }

    /// Whether question `key` of the current step is solved (tracked).
    fn solved(&self, key: &str) -> bool {
        let slug = self.asked.with(|sq| sq.step.slug());
        self.example
            .with(|ex| self.progress.with(|p| p.is_solved(ex, &slug, key)))
    }

    /// Marks question `key` of the current step solved and keeps it.
    fn solve(&self, key: &str) {
        let slug = self.asked.with_untracked(|sq| sq.step.slug());
        let ex = self.example.get_untracked();
        self.progress.update(|p| p.solve(&ex, &slug, key));
        self.save();
    }

    fn save(&self) {
        let ok = self
            .progress
            .with_untracked(|p| storage().is_some_and(|s| s.set_item(STORE, &p.to_text()).is_ok()));
        if !ok {
            self.stored.set(false);
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Puts [`Practice`] in context (after the circuit's state, whose inputs it asks about).
pub fn provide(lesson: Lesson) {
    let cs = expect_context::<super::circuit::CircuitState>();
    let kept = storage().map(|s| s.get_item(STORE).ok().flatten().unwrap_or_default());
    let progress = RwSignal::new(kept.as_deref().map_or_else(Progress::default, Progress::from_text));
    let stored = RwSignal::new(kept.is_some());
    let on = Memo::new(move |_| lesson.state.with(|s| s.practice));
    let example = Memo::new(move |_| lesson.state.with(|s| model::example_key(s.seed, &s.example, s.lr)));
    // The add and multiply nodes are practised on the seed's own inputs.
    let seeded = Memo::new(move |_| lesson.state.with(|s| (s.practice, s.seed)));
    Effect::new(move |_| {
        if let (true, seed) = seeded.get() {
            let n = NodeInputs::for_seed(seed);
            cs.xy.set(n.xy);
            cs.upstream.set(n.upstream);
        }
    });
    let asked = Memo::new(move |_| {
        let (step, lr, on) = lesson.state.with(|s| (s.step, s.lr, s.practice));
        let nodes = NodeInputs {
            xy: cs.xy.get(),
            upstream: cs.upstream.get(),
        };
        lesson.net.with(|(net, err)| match on && err.is_none() {
            true => model::questions(step, net, lr, nodes),
            false => StepQuestions {
                step,
                questions: Vec::new(),
                givens: Vec::new(),
            },
        })
    });
    let hidden = Memo::new(move |_| {
        let lr = lesson.state.with(|s| s.lr);
        asked.with(|sq| {
            if sq.questions.is_empty() {
                return Hidden::default();
            }
            let slug = sq.step.slug();
            example.with(|ex| {
                progress.with(|p| {
                    lesson
                        .net
                        .with(|(net, _)| model::hidden(sq, net, lr, &|key| p.is_solved(ex, &slug, key)))
                })
            })
        })
    });
    let verdicts = RwSignal::new(Vec::new());
    // A verdict belongs to the step and numbers it was given on.
    Effect::new(move |_| {
        asked.with(|sq| sq.step);
        example.track();
        verdicts.set(Vec::new());
    });
    provide_context(Practice {
        on,
        progress,
        stored,
        example,
        asked,
        hidden,
        verdicts,
    });
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
            {move || words(lesson.lang.get()).toggle}
        </button>
    }
}

/// The page id of the button (or field) an event happened on.
fn target_id(ev: &web_sys::Event, selector: &str) -> Option<String> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest(selector).ok().flatten()?.get_attribute("data-testid")
}

/// A host element whose content is markup written by `html` whenever what it reads changes
/// (practice mode's views are markup, as the formulas are: one small view type for all of them).
/// What the learner typed into its fields, and the focus, survive a rewrite.
fn write_markup(host: NodeRef<leptos::html::Div>, html: impl Fn() -> String + 'static) {
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
/// lesson, the reset, the answer sheet's link, and a notice when progress cannot be kept.
#[component]
pub fn PracticeBar() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let pr = expect_context::<Practice>();
    // All the lesson's questions for this example, to count what is solved.
    let sheet = Memo::new(move |_| {
        let (lr, seed, on) = lesson.state.with(|s| (s.lr, s.seed, s.practice));
        match on {
            true => lesson
                .net
                .with(|(net, _)| model::Sheet::of(net, lr, seed).map(|s| s.steps).unwrap_or_default()),
            false => Vec::new(),
        }
    });
    let host = NodeRef::new();
    write_markup(host, move || {
        if !pr.on.get() {
            return String::new();
        }
        let (lang, seed) = lesson.state.with(|s| (s.lang, s.seed));
        let w = words(lang);
        let (n, total) = pr
            .example
            .with(|ex| pr.progress.with(|p| sheet.with(|s| p.count(ex, s))));
        let seed = seed.map(|s| format!("&amp;seed={s}")).unwrap_or_default();
        let notice = match pr.stored.get() {
            true => String::new(),
            false => format!(
                "<p class=\"warning\" role=\"status\" data-testid=\"practice-storage\">{}</p>",
                w.storage_off
            ),
        };
        format!(
            "<div class=\"practice-bar\"><button data-testid=\"practice-new\">{}</button>\
             <span data-testid=\"practice-progress\" data-value=\"{n}\" data-total=\"{total}\">{}</span>\
             <button data-testid=\"practice-reset\">{}</button>\
             <a data-testid=\"practice-sheet\" href=\"?step=answers&amp;lang={}{seed}\" target=\"_blank\">{}</a>{notice}</div>",
            w.new_numbers,
            w.progress.replace("{n}", &n.to_string()).replace("{total}", &total.to_string()),
            w.reset,
            lang.code(),
            w.sheet_link,
        )
    });
    let click = move |ev: leptos::ev::MouseEvent| match target_id(&ev, "button").as_deref() {
        Some("practice-new") => {
            let seed = model::next_seed(lesson.state.with_untracked(|s| s.seed), js_sys::Date::now() as u64);
            lesson.state.update(|s| s.reseed(seed));
        }
        Some("practice-reset") => {
            let w = words(lesson.lang.get_untracked());
            if window().confirm_with_message(w.reset_confirm).unwrap_or(false) {
                let ex = pr.example.get_untracked();
                pr.progress.update(|p| p.reset(&ex));
                pr.verdicts.set(Vec::new());
                pr.save();
            }
        }
        _ => {}
    };
    view! { <div class="practice-host" node_ref=host on:click=click></div> }
}

/// One line of the practice box: the page id asked, its question's key, its label, and the
/// words of its choices (empty for a number).
#[derive(Clone, PartialEq)]
struct Line {
    id: String,
    key: String,
    label: String,
    choices: Vec<String>,
}

/// The step's questions in the step panel: for each, its field (or choice buttons), check and
/// reveal until solved, then its value; the verdict of the last check. While "how many paths?"
/// is open it is the only one: the other questions would name the paths.
#[component]
pub fn PracticeBox() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let pr = expect_context::<Practice>();
    let lines = Memo::new(move |_| {
        let lang = lesson.lang.get();
        let w = words(lang);
        let only_paths = pr.hidden.with(|h| h.path_count.is_some());
        pr.asked.with(|sq| {
            sq.questions
                .iter()
                .filter(|q| !only_paths || matches!(q.quantity, model::Quantity::PathCount(_)))
                .flat_map(|q| {
                    let choices: Vec<String> = match &q.answer {
                        Answer::Choice { choices, .. } => choices.iter().map(|c| w.choice(&c.label)).collect(),
                        Answer::Value { .. } => Vec::new(),
                    };
                    q.ids.iter().map(move |id| Line {
                        id: id.clone(),
                        key: q.key().to_owned(),
                        label: w.label(lang, id, &q.quantity),
                        choices: choices.clone(),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    // The last sentence said, for screen readers (the box's markup is rewritten, this is not).
    let said = RwSignal::new(String::new());
    let host = NodeRef::new();
    write_markup(host, move || {
        let lines = lines.get();
        if lines.is_empty() {
            return String::new();
        }
        let w = words(lesson.lang.get());
        let update = lesson.state.with_untracked(|s| s.step == Step::Update);
        let (n, total) = pr
            .asked
            .with(|sq| pr.example.with(|ex| pr.progress.with(|p| p.count_step(ex, sq))));
        let mut out = format!(
            "<section class=\"practice\" data-testid=\"practice-box\"><h3>{}</h3><p class=\"hint\">{}{}</p>\
             <p class=\"hint\" data-testid=\"practice-step-progress\" data-value=\"{n}\" data-total=\"{total}\">{}</p>",
            w.heading,
            w.precision,
            if update {
                format!(" {}", w.precision_next)
            } else {
                String::new()
            },
            w.step_progress
                .replace("{n}", &n.to_string())
                .replace("{total}", &total.to_string()),
        );
        for line in &lines {
            let id = escape(&line.id);
            let body = if pr.solved(&line.key) {
                let answer = pr.asked.with(|sq| {
                    sq.find(&line.id).map(|q| match &q.answer {
                        Answer::Value { exact, .. } => short(*exact),
                        Answer::Choice { choices, correct } => {
                            choices.get(*correct).map(|c| w.choice(&c.label)).unwrap_or_default()
                        }
                    })
                });
                format!(
                    "<span class=\"solved\">✓ {} = {}</span>",
                    w.solved,
                    escape(&answer.unwrap_or_default())
                )
            } else {
                let mut b = String::new();
                if line.choices.is_empty() {
                    b += &format!(
                        "<input id=\"answer-{id}\" data-testid=\"answer-{id}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\">\
                         <button data-testid=\"check-{id}\">{}</button>",
                        w.check
                    );
                }
                for (k, c) in line.choices.iter().enumerate() {
                    b += &format!("<button data-testid=\"choice-{id}-{k}\">{}</button>", escape(c));
                }
                b + &format!(
                    "<button class=\"reveal\" data-testid=\"reveal-{id}\">{}</button>",
                    w.reveal
                )
            };
            let verdict = pr.verdicts.with(|all| {
                all.iter().find(|(i, _)| *i == line.id).map(|(_, v)| match v {
                    Some(v) => format!(
                        "<span data-testid=\"verdict-{id}\" data-verdict=\"{}\" data-diagnosis=\"{}\">{}</span>",
                        v.key(),
                        v.diagnosis.key(),
                        escape(&sentence(w, v))
                    ),
                    None => format!("<span class=\"field-msg\">{}</span>", w.not_read),
                })
            });
            out += &format!(
                "<div class=\"question\" data-testid=\"question-{id}\"><label for=\"answer-{id}\">{}</label>\
                 <span class=\"answer\">{body}</span><p class=\"verdict\">{}</p></div>",
                escape(&line.label),
                verdict.unwrap_or_default()
            );
        }
        out + "</section>"
    });
    let judge = move |id: &str, v: Option<Verdict>| {
        let w = words(lesson.lang.get_untracked());
        said.set(v.as_ref().map_or_else(|| w.not_read.to_owned(), |v| sentence(w, v)));
        if let (Some(v), Some(q)) = (&v, pr.asked.with_untracked(|sq| sq.find(id).cloned())) {
            if v.correct {
                pr.solve(q.key());
            }
        }
        pr.verdicts.update(|all| {
            all.retain(|(i, _)| i != id);
            all.push((id.to_owned(), v));
        });
    };
    let question = move |id: &str| pr.asked.with_untracked(|sq| sq.find(id).cloned());
    let check = move |id: &str| {
        let text = document()
            .get_element_by_id(&format!("answer-{id}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        if let Some(q) = question(id) {
            judge(id, model::check_text(&q, &text).ok());
        }
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = target_id(&ev, "button") else { return };
        if let Some(id) = target.strip_prefix("check-") {
            check(id);
        } else if let Some(id) = target.strip_prefix("reveal-") {
            if let Some(q) = question(id) {
                pr.solve(q.key());
            }
        } else if let Some((id, k)) = target.strip_prefix("choice-").and_then(|c| c.rsplit_once('-')) {
            if let (Some(q), Ok(k)) = (question(id), k.parse()) {
                judge(id, Some(model::check_choice(&q, k)));
            }
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
        <p class="sr-only" aria-live="polite">{move || said.get()}</p>
    }
}

/// The verdict for the learner: right, or not yet with the hint for the mistake it matches.
fn sentence(w: &crate::i18n::practice::PracticeStrings, v: &Verdict) -> String {
    match v.correct {
        true => w.correct.to_owned(),
        false => format!("{} {}", w.incorrect, w.hint(v.diagnosis, &v.term)),
    }
}

/// The printable answer sheet (`?step=answers&seed=N`): every question of the lesson with its
/// answer, in the notes' order, in the language of the link.
#[component]
pub fn AnswerSheet(seed: Option<u64>, lang: crate::i18n::Lang) -> impl IntoView {
    let w = words(lang);
    let seed_text = seed.map_or_else(|| "—".to_owned(), |s| s.to_string());
    let mut out = format!(
        "<h1>{}</h1><p>{}</p><table><thead><tr><th></th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        w.sheet_title.replace("{seed}", &seed_text),
        w.sheet_intro,
        w.sheet_question,
        w.sheet_answer
    );
    for sq in model::Sheet::for_seed(seed).map(|s| s.steps).unwrap_or_default() {
        let (title, slug) = (super::panel::text_of(lang, sq.step).0, sq.step.slug());
        for (i, q) in sq.questions.iter().enumerate() {
            let answer = match &q.answer {
                Answer::Value { exact, .. } => short(*exact),
                Answer::Choice { choices, correct } => {
                    choices.get(*correct).map(|c| w.choice(&c.label)).unwrap_or_default()
                }
            };
            let label: Vec<String> = q.ids.iter().map(|id| w.label(lang, id, &q.quantity)).collect();
            out += &format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td data-testid=\"sheet-{slug}-{}\">{}</td></tr>",
                if i == 0 { escape(&title) } else { String::new() },
                escape(&label.join(" = ")),
                escape(q.key()),
                escape(&answer)
            );
        }
    }
    out += "</tbody></table>";
    view! { <main class="sheet" data-testid="answer-sheet" inner_html=out></main> }
}
