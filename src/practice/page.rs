//! Practice mode as text between the page and its worker: the request (state, progress, verdicts, an answer), the reply (the questions' markup, what the page must hide), the answer sheet (pure).
//!
//! The model (questions, checking, diagnoses, what is hidden, the sheet) runs in a Web Worker
//! that the page starts only when practice mode is turned on, so none of it is in the first load.
//! The page sends a request and gets a reply, both plain strings; the worker is [`serve`].

use super::check::{check_choice, check_text, Verdict};
use super::diagnose::Diagnosis;
use super::questions::{chain_terms, questions, Answer, NodeInputs, Quantity, Question, StepQuestions};
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

/// The last verdict per question on one step of one example (`None`: the answer could not be
/// read as a number), with the answer it judged as the learner gave it (`#k` for choice k), shown
/// beside it so that a second wrong answer with the same mistake visibly gets its own verdict.
/// `scope` names the example and step (`s7/grad-w21`); a question is named by its key
/// ([`Question::key`]). Verdicts of another scope are never shown: a verdict follows the step
/// and the quantity it judged, not a page id that another step uses for another number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verdicts {
    pub scope: String,
    pub list: Vec<(String, Option<Verdict>, String)>,
}

impl Verdicts {
    /// No verdicts yet on `scope`.
    pub fn new(scope: &str) -> Verdicts {
        Verdicts {
            scope: scope.to_owned(),
            list: Vec::new(),
        }
    }

    /// Reads what [`Verdicts::to_text`] wrote; anything unreadable is skipped.
    pub fn from_text(text: &str) -> Verdicts {
        let mut items = text.split(ITEM);
        let scope = items.next().unwrap_or("").to_owned();
        let list = items
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
                            correct: diagnosis.is_correct(),
                            diagnosis,
                            term: term.to_owned(),
                        })
                    }
                };
                Some((id.to_owned(), verdict, tried))
            })
            .collect();
        Verdicts { scope, list }
    }

    pub fn to_text(&self) -> String {
        let mut out = self.scope.clone();
        for (id, v, tried) in &self.list {
            out.push(ITEM);
            out += &match v {
                Some(v) => format!("{id}{FIELD}{}{FIELD}{}{FIELD}{tried}", v.diagnosis.index(), v.term),
                None => format!("{id}{FIELD}r{FIELD}{FIELD}{tried}"),
            };
        }
        out
    }

    /// Sets the verdict of question `key` on the answer `tried`, the latest last, kept as
    /// [`kept`] keeps it.
    pub fn set(&mut self, key: &str, v: Option<Verdict>, tried: &str) {
        self.list.retain(|(i, _, _)| i != key);
        self.list.push((key.to_owned(), v, kept(tried)));
    }

    fn get(&self, key: &str) -> Option<(&Option<Verdict>, &str)> {
        self.list
            .iter()
            .find(|(i, _, _)| i == key)
            .map(|(_, v, t)| (v, t.as_str()))
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
    /// Page ids that must not be shown; and, each after a `+`, the ids of this step's questions
    /// that are solved or revealed: shown whatever their value or what they follow from (blank
    /// by what a number is, not by what it equals).
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
        // A refused `seed=` reaches the worker as `seed=-` (see `AnswerSheet`): the sheet says so.
        let refused = body.query.split('&').any(|kv| kv == "seed=-");
        return Reply {
            questions: sheet(state.seed, state.lang, refused),
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
    // Verdicts given on another step or example (a check answered after the learner moved on,
    // new numbers) are dropped, never shown beside this step's questions.
    let scope = format!("{example}/{slug}");
    let mut verdicts = Verdicts::from_text(&body.verdicts);
    if verdicts.scope != scope {
        verdicts = Verdicts::new(&scope);
    }
    // Every asking step (and this one, a chain reached by clicking a parameter): a quantity
    // solved on one of them is solved on all.
    let sheet_steps = Sheet::of(&net, state.lr, state.seed)
        .map(|s| s.steps)
        .unwrap_or_default();
    let mut asking = sheet_steps.clone();
    if !asking.iter().any(|s| s.step == state.step) {
        asking.push(sq.clone());
    }
    progress.share(&example, &asking);
    let mut said = String::new();
    let mut body = body.clone();
    if let Request::Check { id, answer, .. } = request {
        if let Some(q) = sq.find(id) {
            let verdict = match answer.strip_prefix('#') {
                Some("reveal") => None,
                Some(k) => Some(k.parse().ok().map(|k| check_choice(q, k))),
                None => Some(check_text(q, answer).ok()),
            };
            // A reveal shows the number without a verdict and is not counted as solved; a check
            // leaves a verdict (or says the text was unread).
            match verdict {
                None => progress.reveal(&example, &slug, q.key()),
                Some(v) => {
                    if v.as_ref().is_some_and(|v| v.correct) {
                        progress.solve(&example, &slug, q.key());
                    }
                    let tried = tried_text(w, q, &kept(answer));
                    said = v.as_ref().map_or_else(|| w.not_read.to_owned(), |v| sentence(w, v));
                    said = format!("{tried}: {said}");
                    verdicts.set(q.key(), v, answer);
                }
            }
            progress.share(&example, &asking);
            body.progress = progress.to_text();
            body.verdicts = verdicts.to_text();
        }
    }
    // What is solved or revealed is on show.
    let done = |key: &str| progress.is_done(&example, &slug, key);
    let h = hidden(&sq, &net, state.lr, &done);
    // A number a solved question shows stays (the δ of Y1 is ∂Error1/∂Y1); a given stays.
    let solved_values: Vec<f64> = sq
        .questions
        .iter()
        .filter(|q| done(q.key()))
        .filter_map(|q| q.exact())
        .collect();
    let mut blanks: Vec<f64> = Vec::new();
    for v in h.values.iter().filter(|v| v.read_off.is_none()) {
        if !solved_values.contains(&v.value) && !blanks.contains(&v.value) {
            blanks.push(v.value);
        }
    }
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
        progress.is_done(&example, &s.slug(), key)
    });
    for v in &other.blanks {
        if !blanks.contains(v) {
            blanks.push(*v);
        }
    }
    // The descent step's landing gives its slope away (p − η·∂E/∂p with p and η shown): while
    // the slope is blank, so are where the step lands and the error there (a student found
    // ∂E/∂b3 = (0.6 − 0.530751)/0.5 on the page).
    if state.step == Step::Descent {
        let d = crate::lesson::descent::Descent::of(&net, state.focus, state.lr);
        if blanks.iter().any(|&b| super::across::same(b, d.slope)) {
            for v in [d.next.0, d.next.1] {
                if !blanks.contains(&v) {
                    blanks.push(v);
                }
            }
        }
    }
    let (n, total) = progress.count(&example, &sheet_steps);
    let revealed = progress.count_revealed(&example, &sheet_steps);
    let home = home_markup(w, &state, &example, &progress);
    let paths: Vec<String> = match state.step {
        Step::Grad(p) => chain_terms(&net, p).into_iter().map(|(name, _)| name).collect(),
        _ => Vec::new(),
    };
    let view = View {
        sq: &sq,
        w,
        lang: state.lang,
        progress: &progress,
        example: &example,
        paths: &paths,
    };
    Reply {
        questions: earlier_markup(w, &state, &other.earlier) + &questions_markup(&view, &verdicts),
        bar: bar_markup(w, &state, n, revealed, total) + &home,
        // A question read off one of the example's givens (∂y1/∂H1 = w21) leaves it on show
        // under its own name too: a given is never blank.
        hidden: h
            .values
            .iter()
            .filter(|v| !v.read_off.as_deref().is_some_and(example_given))
            .map(|v| v.id.clone())
            .chain(
                sq.questions
                    .iter()
                    .filter(|q| done(q.key()))
                    .flat_map(|q| q.ids.iter().map(|id| format!("+{id}"))),
            )
            .collect(),
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

/// Whether page id `id` shows one of the example's givens: an input, a target, a parameter
/// (now or before the update), η.
fn example_given(id: &str) -> bool {
    ["value-x", "value-t", "param-", "old-"]
        .iter()
        .any(|p| id.starts_with(p))
        || id == "lr"
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
        true if v.diagnosis == Diagnosis::CorrectButCut => format!("{} {}", w.correct, w.hint(v.diagnosis, &v.term)),
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
    // One link per part of the lesson (forward pass, errors, chain rule, backward sweep,
    // update), to its first step that asks something left blank here, with how many do: the
    // descent step listed seventeen steps one by one.
    let part = |s: &Step| match s {
        Step::Forward(_) => 0,
        Step::Error => 1,
        Step::Grad(_) => 2,
        Step::Backward(_) => 3,
        _ => 4,
    };
    let mut groups: Vec<(usize, Step, usize)> = Vec::new();
    for step in earlier {
        match groups.iter_mut().find(|(p, _, _)| *p == part(step)) {
            Some(g) => g.2 += 1,
            None => groups.push((part(step), *step, 1)),
        }
    }
    let links: Vec<String> = groups
        .iter()
        .map(|&(p, step, n)| {
            let to = State { step, ..*state };
            let name = match n {
                1 => text_of(state.lang, step).0,
                _ => w
                    .earlier_part
                    .replace("{part}", w.parts[p])
                    .replace("{n}", &n.to_string()),
            };
            format!("<a href=\"?{}\">{}</a>", escape(&to.to_query()), escape(&name))
        })
        .collect();
    format!(
        "<p class=\"hint\" data-testid=\"practice-earlier\">{} {}</p>",
        w.earlier,
        links.join(", ")
    )
}

/// The example's original numbers: the seed's draw (the worked example without a seed) at the
/// default learning rate, the numbers progress is first kept under; None when the page shows them.
pub fn home(state: &State) -> Option<State> {
    let mut h = State {
        lr: crate::query::DEFAULT_LR,
        ..*state
    };
    h.example = state
        .seed
        .map_or_else(crate::net::Example::worked, crate::value::random_example);
    let key = |s: &State| example_key(s.seed, &s.example, s.lr);
    (key(&h) != key(state)).then_some(h)
}

/// When the page shows other numbers than the example's own (an update applied, a value
/// changed) while work on the own numbers is kept: says so, with that work's count and a link
/// back to them (nothing otherwise).
fn home_markup(w: &PracticeStrings, state: &State, example: &str, progress: &Progress) -> String {
    let Some(h) = home(state) else {
        return String::new();
    };
    let key = example_key(h.seed, &h.example, h.lr);
    let Ok(steps) = Net::new(&h.example).and_then(|net| Sheet::of(&net, h.lr, h.seed)) else {
        return String::new();
    };
    let (n, total) = progress.count(&key, &steps.steps);
    let revealed = progress.count_revealed(&key, &steps.steps);
    if (n == 0 && revealed == 0) || key == example {
        return String::new();
    }
    format!(
        "<p class=\"hint\" role=\"status\" data-testid=\"practice-home\" data-value=\"{n}\" data-total=\"{total}\">{} \
         <a data-testid=\"practice-home-link\" href=\"?{}\">{}</a></p>",
        escape(
            &w.home
                .replace("{n}", &n.to_string())
                .replace("{total}", &total.to_string())
        ),
        escape(&h.to_query()),
        w.home_link
    )
}

/// The progress bar: new numbers, solved (and revealed) of all, reset, the answer sheet's link
/// (left out when the teacher's link says `sheet=0`).
fn bar_markup(w: &PracticeStrings, state: &State, n: usize, revealed: usize, total: usize) -> String {
    let seed = state.seed.map(|s| format!("&amp;seed={s}")).unwrap_or_default();
    let count = |t: &str| t.replace("{n}", &n.to_string()).replace("{total}", &total.to_string());
    let mut progress = count(w.progress);
    if revealed > 0 {
        progress += &w.revealed_count.replace("{n}", &revealed.to_string());
    }
    let link = match state.no_sheet {
        true => String::new(),
        false => format!(
            "<a data-testid=\"practice-sheet\" href=\"?step=answers&amp;lang={}{seed}\" target=\"_blank\">{}</a>",
            state.lang.code(),
            w.sheet_link
        ),
    };
    format!(
        "<div class=\"practice-bar\"><button data-testid=\"practice-new\">{}</button>\
         <span data-testid=\"practice-progress\" data-value=\"{n}\" data-revealed=\"{revealed}\" data-total=\"{total}\">{progress}</span>\
         <button data-testid=\"practice-reset\">{}</button>{link}</div>",
        w.new_numbers, w.reset,
    )
}

/// What the practice box is written from.
struct View<'a> {
    sq: &'a StepQuestions,
    w: &'a PracticeStrings,
    lang: Lang,
    progress: &'a Progress,
    example: &'a str,
    /// A chain-rule step's paths by name (∂Error1/∂w11), in order.
    paths: &'a [String],
}

/// The path (from 1) a chain-rule step's question belongs to: a factor by its first place
/// (`factor-k-j`), a path's product (`path-k`) unless it is also the gradient of a two-path
/// chain; None for the path count, the sum and the smallest-factor choice.
fn path_of(q: &Question, paths: usize) -> Option<usize> {
    let key = q.key();
    let k = key
        .strip_prefix("factor-")
        .and_then(|r| r.split('-').next())
        .or_else(|| key.strip_prefix("path-"))?;
    let k: usize = k.parse().ok()?;
    (k >= 1 && k <= paths.max(1)).then_some(k)
}

/// One question's block: its label (every name it has, once), its field (or choice buttons),
/// check and reveal until solved or revealed, then its value marked solved or revealed; the
/// verdict of its last check.
fn question_markup(v: &View, q: &Question, verdicts: &Verdicts) -> String {
    let (w, slug) = (v.w, v.sq.step.slug());
    let id = escape(q.field_id());
    let mut names: Vec<String> = Vec::new();
    for raw in &q.ids {
        let l = w.label(v.lang, raw, &q.quantity);
        if !names.contains(&l) {
            names.push(l);
        }
    }
    let value = escape(&answer_text(w, &q.answer));
    let (state, body) = if v.progress.is_solved(v.example, &slug, q.key()) {
        (
            "solved",
            format!("<span class=\"solved\">✓ {} = {value}</span>", w.solved),
        )
    } else if v.progress.is_revealed(v.example, &slug, q.key()) {
        (
            "revealed",
            format!("<span class=\"revealed\">◇ {} = {value}</span>", w.revealed),
        )
    } else {
        let mut b = String::new();
        match &q.answer {
            Answer::Value { .. } => {
                // type=text without inputmode=decimal: iOS's decimal keypad has no minus, and
                // many answers are negative; the text keyboard's number layer has one (and the
                // comma or point). A desktop keyboard types as before.
                b += &format!(
                    "<input id=\"answer-{id}\" data-testid=\"answer-{id}\" type=\"text\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\">\
                     <button data-testid=\"check-{id}\">{}</button>",
                    w.check
                )
            }
            Answer::Choice { choices, .. } => {
                for (k, c) in choices.iter().enumerate() {
                    b += &format!(
                        "<button data-testid=\"choice-{id}-{k}\">{}</button>",
                        escape(&w.choice(&c.label))
                    );
                }
            }
        }
        let b = b + &format!(
            "<button class=\"reveal\" data-testid=\"reveal-{id}\">{}</button>",
            w.reveal
        );
        ("open", b)
    };
    let verdict = match verdicts.get(q.key()) {
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
    format!(
        "<div class=\"question\" data-testid=\"question-{id}\" data-state=\"{state}\" data-ids=\"{}\"><label for=\"answer-{id}\">{}</label>\
         <span class=\"answer\">{body}</span><p class=\"verdict\">{verdict}</p></div>",
        q.ids.join(" "),
        escape(&names.join(" = ")),
    )
}

/// The step's questions, one block per question: on a chain-rule step the path count first,
/// then each path's factors and product under the path's name, then the sum. While "how many
/// paths?" is open it is the only one: the others would name the paths. The step's count is of
/// these blocks.
fn questions_markup(v: &View, verdicts: &Verdicts) -> String {
    let (sq, w) = (v.sq, v.w);
    if sq.questions.is_empty() {
        return String::new();
    }
    let slug = sq.step.slug();
    let counting = sq
        .questions
        .iter()
        .any(|q| matches!(q.quantity, Quantity::PathCount(_)) && !v.progress.is_done(v.example, &slug, q.key()));
    let (n, total) = v.progress.count_step(v.example, sq);
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
    if counting {
        for q in sq
            .questions
            .iter()
            .filter(|q| matches!(q.quantity, Quantity::PathCount(_)))
        {
            out += &question_markup(v, q, verdicts);
        }
        return out + "</section>";
    }
    let n_paths = v.paths.len();
    let group = |q: &Question| match n_paths {
        0 => None,
        _ => path_of(q, n_paths),
    };
    // Before the paths: questions without a path that come first in the list (the path count).
    let first_path = sq
        .questions
        .iter()
        .position(|q| group(q).is_some())
        .unwrap_or(sq.questions.len());
    for q in &sq.questions[..first_path] {
        out += &question_markup(v, q, verdicts);
    }
    let s = v.lang.strings();
    for (k, name) in v.paths.iter().enumerate().map(|(k, n)| (k + 1, n)) {
        let mine: Vec<&Question> = sq.questions.iter().filter(|q| group(q) == Some(k)).collect();
        if mine.is_empty() {
            continue;
        }
        // Factors this path shares with an earlier one are asked there; say so.
        let shared: Vec<String> = sq
            .questions
            .iter()
            .filter(|q| group(q).is_some_and(|g| g < k))
            .filter(|q| q.ids.iter().any(|id| id.starts_with(&format!("factor-{k}-"))))
            .map(|q| w.label(v.lang, q.key(), &q.quantity))
            .collect();
        let note = match shared.is_empty() {
            true => String::new(),
            false => format!(
                "<p class=\"hint\">{}</p>",
                escape(&w.shared_factors.replace("{list}", &shared.join(", ")))
            ),
        };
        out += &format!(
            "<fieldset class=\"path-group\" data-testid=\"practice-path-{k}\"><legend>{} {k}: {}</legend>{note}",
            s.path,
            escape(name)
        );
        for q in mine {
            out += &question_markup(v, q, verdicts);
        }
        out += "</fieldset>";
    }
    for q in sq.questions[first_path..].iter().filter(|q| group(q).is_none()) {
        out += &question_markup(v, q, verdicts);
    }
    out + "</section>"
}

/// The printable answer sheet (`?step=answers&seed=N`): every question of the lesson with its
/// answer, in the notes' order, in `lang`; `refused`: the link's seed could not be read, so this
/// is the worked example's sheet.
pub fn sheet(seed: Option<u64>, lang: Lang, refused: bool) -> String {
    let w = words(lang);
    let seed_text = seed.map_or_else(
        || w.worked_example.to_owned(),
        |s| w.seed_n.replace("{n}", &s.to_string()),
    );
    // One small table per step (its title the caption, each question a row header beside its
    // answer), so that on paper they flow into two columns and the sheet fits one A4 page.
    // The link back: the app on this example, practice mode on, in this language.
    let mut app = State {
        lang,
        practice: true,
        ..State::default()
    };
    if let Some(s) = seed {
        app.reseed(s);
    }
    let who = match (seed, refused) {
        (Some(_), _) => w.sheet_seeded,
        (None, false) => w.sheet_worked,
        (None, true) => w.sheet_refused,
    };
    let mut out = format!(
        "<h1>{}</h1><p>{} {who} <a data-testid=\"sheet-app\" href=\"?{}\">{}</a></p><div class=\"sheet-steps\">",
        w.sheet_title.replace("{seed}", &seed_text),
        w.sheet_intro,
        escape(&app.to_query()),
        w.sheet_app,
    );
    // The example's givens first, on a few lines (the sheet fits one A4 page): what a working
    // starts from.
    let mut line: Vec<String> = Vec::new();
    let ex = app.example;
    let mut givens: Vec<(&str, f64)> = vec![("x1", ex.x[0]), ("x2", ex.x[1]), ("t1", ex.t[0]), ("t2", ex.t[1])];
    givens.extend(crate::net::Param::ALL.iter().map(|p| (p.name(), ex.param(*p))));
    givens.push(("η", app.lr));
    for (name, v) in givens {
        let id = if name == "η" { "lr" } else { name };
        line.push(format!(
            "<span data-testid=\"sheet-given-{id}\" data-value=\"{v}\">{name} = {}</span>",
            escape(&short(v))
        ));
    }
    let givens_html = format!(
        "<p class=\"sheet-givens\" data-testid=\"sheet-givens\"><strong>{}</strong> {}</p>",
        w.sheet_givens,
        line.join(", ")
    );
    out = out.replacen(
        "<div class=\"sheet-steps\">",
        &(givens_html + "<div class=\"sheet-steps\">"),
        1,
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
