//! Practice mode as text between the page and its worker: the request (state, progress, verdicts, an answer), the reply (the questions' markup, what the page must hide), the answer sheet (pure).
//!
//! The model (questions, checking, diagnoses, what is hidden, the sheet) runs in a Web Worker
//! that the page starts only when practice mode is turned on, so none of it is in the first load.
//! The page sends a request and gets a reply, both plain strings; the worker is [`serve`].

use super::check::{check_choice, check_text, Verdict};
use super::diagnose::Diagnosis;
use super::questions::{questions, Answer, NodeInputs, Quantity, Question, StepQuestions};
use super::{across, example_key, hidden, Progress, Sheet};
use crate::i18n::practice::{practice as words, PracticeStrings};
use crate::i18n::{steps::text_of, Lang};
use crate::lesson::Step;
use crate::math::mathml::escape;
use crate::net::Net;
use crate::print::short;
use crate::query::State;

/// Separates the fields of a request and of a reply.
pub const SEP: char = '\u{1e}';
/// Separates the verdicts of a step, and the fields of one.
const ITEM: char = '\u{1d}';
const FIELD: char = '\u{1f}';

/// The last verdict per page id on a step (`None`: the answer could not be read as a number),
/// with the answer it judged as the learner gave it (`#k` for choice k), shown beside it so that
/// a second wrong answer with the same mistake visibly gets its own verdict.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdicts(pub Vec<(String, Option<Verdict>, String)>);

impl Verdicts {
    /// Reads what [`Verdicts::to_text`] wrote; anything unreadable is skipped.
    pub fn from_text(text: &str) -> Verdicts {
        let list = text
            .split(ITEM)
            .filter_map(|item| {
                let mut f = item.split(FIELD);
                let (id, d, term) = (f.next()?, f.next()?, f.next().unwrap_or(""));
                let tried = f.next().unwrap_or("").to_owned();
                if id.is_empty() {
                    return None;
                }
                let verdict = match d {
                    "r" => None,
                    _ => {
                        let diagnosis = *Diagnosis::ALL.get(d.parse::<usize>().ok()?)?;
                        Some(Verdict {
                            correct: diagnosis == Diagnosis::Correct,
                            diagnosis,
                            term: term.to_owned(),
                        })
                    }
                };
                Some((id.to_owned(), verdict, tried))
            })
            .collect();
        Verdicts(list)
    }

    pub fn to_text(&self) -> String {
        let items: Vec<String> = self
            .0
            .iter()
            .map(|(id, v, tried)| match v {
                Some(v) => format!("{id}{FIELD}{}{FIELD}{}{FIELD}{tried}", v.diagnosis.index(), v.term),
                None => format!("{id}{FIELD}r{FIELD}{FIELD}{tried}"),
            })
            .collect();
        items.join(&ITEM.to_string())
    }

    /// Sets the verdict of `id` on the answer `tried`, the latest last, kept as [`kept`] keeps it.
    pub fn set(&mut self, id: &str, v: Option<Verdict>, tried: &str) {
        self.0.retain(|(i, _, _)| i != id);
        self.0.push((id.to_owned(), v, kept(tried)));
    }

    fn get(&self, id: &str) -> Option<(&Option<Verdict>, &str)> {
        self.0.iter().find(|(i, _, _)| i == id).map(|(_, v, t)| (v, t.as_str()))
    }
}

/// A request's body: what the reply's view depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct Body {
    /// `State::to_query()` of the page.
    pub query: String,
    /// The add and multiply nodes' inputs x, y and the incoming gradient, as the page shows them.
    pub nodes: NodeInputs,
    pub progress: String,
    pub verdicts: String,
}

impl Body {
    pub fn to_text(&self) -> String {
        let [x, y] = self.nodes.xy;
        format!(
            "{}{SEP}{x} {y} {}{SEP}{}{SEP}{}",
            self.query, self.nodes.upstream, self.progress, self.verdicts
        )
    }

    /// Reads what [`Body::to_text`] wrote (a reply's `body`).
    pub fn from_text(text: &str) -> Option<Body> {
        Body::read(&text.split(SEP).collect::<Vec<_>>())
    }

    /// Reads the four fields of a body (None when one is missing).
    fn read(fields: &[&str]) -> Option<Body> {
        let [query, nodes, progress, verdicts] = fields.get(..4)? else {
            return None;
        };
        let n: Vec<f64> = nodes.split(' ').filter_map(crate::decimal::f64).collect();
        let nodes = match n[..] {
            [x, y, upstream] => NodeInputs { xy: [x, y], upstream },
            _ => NodeInputs::for_seed(None),
        };
        Some(Body {
            query: query.to_string(),
            nodes,
            progress: progress.to_string(),
            verdicts: verdicts.to_string(),
        })
    }
}

/// What the page asks its worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// The current step's questions and what to hide.
    View(Body),
    /// Check `answer` for page id `id` (`#reveal` reveals it, `#<k>` picks choice k), then the view.
    Check { body: Body, id: String, answer: String },
    /// The answer sheet for the state's seed and language.
    Sheet(Body),
}

impl Request {
    pub fn to_text(&self) -> String {
        match self {
            Request::View(b) => format!("view{SEP}{}", b.to_text()),
            Request::Sheet(b) => format!("sheet{SEP}{}", b.to_text()),
            Request::Check { body, id, answer } => format!("check{SEP}{}{SEP}{id}{SEP}{answer}", body.to_text()),
        }
    }

    pub fn from_text(text: &str) -> Option<Request> {
        let f: Vec<&str> = text.split(SEP).collect();
        let body = Body::read(f.get(1..)?)?;
        match *f.first()? {
            "view" => Some(Request::View(body)),
            "sheet" => Some(Request::Sheet(body)),
            "check" => Some(Request::Check {
                body,
                id: f.get(5)?.to_string(),
                answer: f.get(6)?.to_string(),
            }),
            _ => None,
        }
    }
}

/// What the page must keep off itself, besides the ids and numbers listed in a [`Reply`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flags {
    /// "How many paths?" is open: the chain's paths are not listed or lit.
    pub paths: bool,
    /// ∂E/∂p is asked: no nudge.
    pub nudge: bool,
    /// Some question of the step is open: no sign note (its numbers are the chain's).
    pub sign: bool,
    /// Weighted sums whose sigmoid chart mark must not be drawn.
    pub sigmoid: Vec<String>,
}

/// The worker's answer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reply {
    /// The step's questions as markup (or the answer sheet).
    pub questions: String,
    /// The lesson's progress bar as markup.
    pub bar: String,
    /// Page ids that must not be shown.
    pub hidden: Vec<String>,
    /// Numbers that must be left blank wherever they would be printed.
    pub blanks: Vec<f64>,
    pub flags: Flags,
    /// The verdict just given, for screen readers (empty for a view).
    pub said: String,
    /// The body this reply shows: after a check, with the new progress and verdicts.
    pub body: String,
}

impl Reply {
    pub fn to_text(&self) -> String {
        let list = |v: Vec<String>| v.join(" ");
        let mut flags: Vec<String> = Vec::new();
        for (on, name) in [
            (self.flags.paths, "paths"),
            (self.flags.nudge, "nudge"),
            (self.flags.sign, "sign"),
        ] {
            if on {
                flags.push(name.to_owned());
            }
        }
        flags.extend(self.flags.sigmoid.iter().map(|z| format!("sigmoid:{z}")));
        format!(
            "{}{SEP}{}{SEP}{}{SEP}{}{SEP}{}{SEP}{}{SEP}{}",
            self.questions,
            self.bar,
            self.hidden.join(" "),
            list(self.blanks.iter().map(|v| v.to_string()).collect()),
            flags.join(" "),
            self.said,
            self.body
        )
    }

    /// Reads a reply; the body is everything after the sixth separator (it holds separators).
    pub fn from_text(text: &str) -> Option<Reply> {
        let f: Vec<&str> = text.splitn(7, SEP).collect();
        let words = |s: &str| -> Vec<String> { s.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect() };
        let flags = words(f.get(4)?);
        Some(Reply {
            questions: f[0].to_owned(),
            bar: f.get(1)?.to_string(),
            hidden: words(f.get(2)?),
            blanks: f.get(3)?.split(' ').filter_map(crate::decimal::f64).collect(),
            flags: Flags {
                paths: flags.iter().any(|w| w == "paths"),
                nudge: flags.iter().any(|w| w == "nudge"),
                sign: flags.iter().any(|w| w == "sign"),
                sigmoid: flags
                    .iter()
                    .filter_map(|w| w.strip_prefix("sigmoid:"))
                    .map(str::to_owned)
                    .collect(),
            },
            said: f.get(5)?.to_string(),
            body: f.get(6)?.to_string(),
        })
    }
}

/// The worker: answers a request's text with a reply's text.
pub fn serve(request: &str) -> String {
    Request::from_text(request).map_or_else(String::new, |r| answer(&r).to_text())
}

/// The reply to a request.
pub fn answer(request: &Request) -> Reply {
    let (Request::View(body) | Request::Sheet(body) | Request::Check { body, .. }) = request;
    let state = State::from_pairs(body.query.split('&').filter_map(|kv| kv.split_once('=')));
    let w = words(state.lang);
    if let Request::Sheet(_) = request {
        return Reply {
            questions: sheet(state.seed, state.lang),
            body: body.to_text(),
            ..Reply::default()
        };
    }
    let Ok(net) = Net::new(&state.example) else {
        return Reply {
            body: body.to_text(),
            ..Reply::default()
        };
    };
    let sq = questions(state.step, &net, state.lr, body.nodes);
    let example = example_key(state.seed, &state.example, state.lr);
    let slug = state.step.slug();
    let mut progress = Progress::from_text(&body.progress);
    let mut verdicts = Verdicts::from_text(&body.verdicts);
    let mut said = String::new();
    let mut body = body.clone();
    if let Request::Check { id, answer, .. } = request {
        if let Some(q) = sq.find(id) {
            let verdict = match answer.strip_prefix('#') {
                Some("reveal") => None,
                Some(k) => Some(k.parse().ok().map(|k| check_choice(q, k))),
                None => Some(check_text(q, answer).ok()),
            };
            // A reveal solves without a verdict; a check leaves one (or says the text was unread).
            match verdict {
                None => progress.solve(&example, &slug, q.key()),
                Some(v) => {
                    if v.as_ref().is_some_and(|v| v.correct) {
                        progress.solve(&example, &slug, q.key());
                    }
                    let tried = tried_text(w, q, &kept(answer));
                    said = v.as_ref().map_or_else(|| w.not_read.to_owned(), |v| sentence(w, v));
                    said = format!("{tried}: {said}");
                    verdicts.set(id, v, answer);
                }
            }
            body.progress = progress.to_text();
            body.verdicts = verdicts.to_text();
        }
    }
    let solved = |key: &str| progress.is_solved(&example, &slug, key);
    let h = hidden(&sq, &net, state.lr, &solved);
    // A number a solved question shows stays (the δ of Y1 is ∂Error1/∂Y1); a given stays.
    let solved_values: Vec<f64> = sq
        .questions
        .iter()
        .filter(|q| solved(q.key()))
        .filter_map(|q| q.exact())
        .collect();
    let mut blanks: Vec<f64> = Vec::new();
    for v in h.values.iter().filter(|v| v.read_off.is_none()) {
        if !solved_values.contains(&v.value) && !blanks.contains(&v.value) {
            blanks.push(v.value);
        }
    }
    let sheet_steps = Sheet::of(&net, state.lr, state.seed)
        .map(|s| s.steps)
        .unwrap_or_default();
    // What other steps ask stays blank here until solved (the forward step shows no later value).
    let ex = &state.example;
    let givens: Vec<f64> =
        ex.x.iter()
            .chain(&ex.t)
            .chain(&ex.params)
            .copied()
            .chain([state.lr])
            .collect();
    let other = across(&sheet_steps, state.step, &givens, &|s, key| {
        progress.is_solved(&example, &s.slug(), key)
    });
    for v in &other.blanks {
        if !blanks.contains(v) {
            blanks.push(*v);
        }
    }
    let (n, total) = progress.count(&example, &sheet_steps);
    Reply {
        questions: earlier_markup(w, &state, &other.earlier)
            + &questions_markup(&sq, w, state.lang, &solved, &verdicts, &progress, &example),
        bar: bar_markup(w, state.lang, state.seed, n, total),
        hidden: h.values.iter().map(|v| v.id.clone()).collect(),
        blanks,
        flags: Flags {
            paths: h.path_count.is_some(),
            nudge: !h.nudge.is_empty(),
            sign: !h.values.is_empty(),
            sigmoid: h
                .sigmoid_points
                .iter()
                .chain(&h.sigmoid_slopes)
                .map(|z| z.to_string())
                .collect(),
        },
        said,
        body: body.to_text(),
    }
}

/// An answer as a verdict keeps and shows it: trimmed, at most 24 characters, without the
/// protocol's separators (control characters).
fn kept(answer: &str) -> String {
    answer.trim().chars().filter(|c| !c.is_control()).take(24).collect()
}

/// The answer a verdict judged, as the learner gave it: the typed text, or the choice's words.
fn tried_text(w: &PracticeStrings, q: &Question, tried: &str) -> String {
    match (tried.strip_prefix('#').and_then(|k| k.parse::<usize>().ok()), &q.answer) {
        (Some(k), Answer::Choice { choices, .. }) => choices.get(k).map(|c| w.choice(&c.label)).unwrap_or_default(),
        _ => tried.to_owned(),
    }
}

/// The verdict for the learner: right, or not yet with the hint for the mistake it matches.
fn sentence(w: &PracticeStrings, v: &Verdict) -> String {
    match v.correct {
        true => w.correct.to_owned(),
        false => format!("{} {}", w.incorrect, w.hint(v.diagnosis, &v.term)),
    }
}

fn answer_text(w: &PracticeStrings, answer: &Answer) -> String {
    match answer {
        Answer::Value { exact, .. } => short(*exact),
        Answer::Choice { choices, correct } => choices.get(*correct).map(|c| w.choice(&c.label)).unwrap_or_default(),
    }
}

/// The links back to the earlier steps whose numbers this one leaves blank (nothing if none).
fn earlier_markup(w: &PracticeStrings, state: &State, earlier: &[Step]) -> String {
    if earlier.is_empty() {
        return String::new();
    }
    let links: Vec<String> = earlier
        .iter()
        .map(|&step| {
            let to = State { step, ..*state };
            format!(
                "<a href=\"?{}\">{}</a>",
                escape(&to.to_query()),
                escape(&text_of(state.lang, step).0)
            )
        })
        .collect();
    format!(
        "<p class=\"hint\" data-testid=\"practice-earlier\">{} {}</p>",
        w.earlier,
        links.join(", ")
    )
}

/// The progress bar: new numbers, solved of all, reset, the answer sheet's link.
fn bar_markup(w: &PracticeStrings, lang: Lang, seed: Option<u64>, n: usize, total: usize) -> String {
    let seed = seed.map(|s| format!("&amp;seed={s}")).unwrap_or_default();
    format!(
        "<div class=\"practice-bar\"><button data-testid=\"practice-new\">{}</button>\
         <span data-testid=\"practice-progress\" data-value=\"{n}\" data-total=\"{total}\">{}</span>\
         <button data-testid=\"practice-reset\">{}</button>\
         <a data-testid=\"practice-sheet\" href=\"?step=answers&amp;lang={}{seed}\" target=\"_blank\">{}</a></div>",
        w.new_numbers,
        w.progress
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string()),
        w.reset,
        lang.code(),
        w.sheet_link,
    )
}

/// The step's questions: for each page id, its label, its field (or choice buttons), check and
/// reveal until solved, then its value; the verdict of its last check. While "how many paths?"
/// is open it is the only one: the others would name the paths.
fn questions_markup(
    sq: &StepQuestions,
    w: &PracticeStrings,
    lang: Lang,
    solved: &dyn Fn(&str) -> bool,
    verdicts: &Verdicts,
    progress: &Progress,
    example: &str,
) -> String {
    if sq.questions.is_empty() {
        return String::new();
    }
    let counting = sq
        .questions
        .iter()
        .any(|q| matches!(q.quantity, Quantity::PathCount(_)) && !solved(q.key()));
    let (n, total) = progress.count_step(example, sq);
    let next = if sq.step == Step::Update {
        format!(" {}", w.precision_next)
    } else {
        String::new()
    };
    let mut out = format!(
        "<section class=\"practice\" data-testid=\"practice-box\"><h3>{}</h3><p class=\"hint\">{}{next}</p>\
         <p class=\"hint\" data-testid=\"practice-step-progress\" data-value=\"{n}\" data-total=\"{total}\">{}</p>",
        w.heading,
        w.precision,
        w.step_progress
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string()),
    );
    for q in &sq.questions {
        if counting && !matches!(q.quantity, Quantity::PathCount(_)) {
            continue;
        }
        for raw in &q.ids {
            let id = escape(raw);
            let body = if solved(q.key()) {
                format!(
                    "<span class=\"solved\">✓ {} = {}</span>",
                    w.solved,
                    escape(&answer_text(w, &q.answer))
                )
            } else {
                let mut b = String::new();
                match &q.answer {
                    Answer::Value { .. } => {
                        b += &format!(
                            "<input id=\"answer-{id}\" data-testid=\"answer-{id}\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\">\
                             <button data-testid=\"check-{id}\">{}</button>",
                            w.check
                        )
                    }
                    Answer::Choice { choices, .. } => {
                        for (k, c) in choices.iter().enumerate() {
                            b += &format!("<button data-testid=\"choice-{id}-{k}\">{}</button>", escape(&w.choice(&c.label)));
                        }
                    }
                }
                b + &format!(
                    "<button class=\"reveal\" data-testid=\"reveal-{id}\">{}</button>",
                    w.reveal
                )
            };
            let verdict = match verdicts.get(raw) {
                Some((Some(v), tried)) => format!(
                    "<span data-testid=\"verdict-{id}\" data-verdict=\"{}\" data-diagnosis=\"{}\">\
                     <span class=\"tried\">{}</span> {}</span>",
                    v.key(),
                    v.diagnosis.key(),
                    escape(&format!("{}:", tried_text(w, q, tried))),
                    escape(&sentence(w, v))
                ),
                Some((None, tried)) => format!(
                    "<span class=\"field-msg\"><span class=\"tried\">{}</span> {}</span>",
                    escape(&format!("{}:", tried_text(w, q, tried))),
                    w.not_read
                ),
                None => String::new(),
            };
            out += &format!(
                "<div class=\"question\" data-testid=\"question-{id}\"><label for=\"answer-{id}\">{}</label>\
                 <span class=\"answer\">{body}</span><p class=\"verdict\">{verdict}</p></div>",
                escape(&w.label(lang, raw, &q.quantity)),
            );
        }
    }
    out + "</section>"
}

/// The printable answer sheet (`?step=answers&seed=N`): every question of the lesson with its
/// answer, in the notes' order, in `lang`.
pub fn sheet(seed: Option<u64>, lang: Lang) -> String {
    let w = words(lang);
    let seed_text = seed.map_or_else(
        || w.worked_example.to_owned(),
        |s| w.seed_n.replace("{n}", &s.to_string()),
    );
    // One small table per step (its title the caption, each question a row header beside its
    // answer), so that on paper they flow into two columns and the sheet fits one A4 page.
    let mut out = format!(
        "<h1>{}</h1><p>{}</p><div class=\"sheet-steps\">",
        w.sheet_title.replace("{seed}", &seed_text),
        w.sheet_intro,
    );
    for sq in Sheet::for_seed(seed).map(|s| s.steps).unwrap_or_default() {
        let (title, slug) = (text_of(lang, sq.step).0, sq.step.slug());
        out += &format!(
            "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            escape(&title),
            w.sheet_question,
            w.sheet_answer
        );
        for q in &sq.questions {
            // One label per different name (a factor on both paths is one question, one name).
            let mut label: Vec<String> = Vec::new();
            for id in &q.ids {
                let l = w.label(lang, id, &q.quantity);
                if !label.contains(&l) {
                    label.push(l);
                }
            }
            out += &format!(
                "<tr><th scope=\"row\">{}</th><td data-testid=\"sheet-{slug}-{}\">{}</td></tr>",
                escape(&label.join(" = ")),
                escape(q.key()),
                escape(&answer_text(w, &q.answer))
            );
        }
        out += "</tbody></table>";
    }
    out + "</div>"
}
