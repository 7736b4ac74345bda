//! End-to-end tests of practice mode in the release build (its model runs in a Web Worker): no number a step asks is on any page, in any form, before it is solved (nothing solved, and each question solved in turn), givens stay while the worker loads, the w21 chain worked factor by factor, w11's mistakes diagnosed, progress kept over a reload, the answer sheet.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

#[path = "e2e/reference.rs"]
#[allow(dead_code)]
mod reference;
#[path = "e2e/taught.rs"]
mod taught;

use backprop_lab::lesson::Step;
use backprop_lab::net::{Net, Param};
use backprop_lab::practice::{self, NodeInputs};
use backprop_lab::query::State;
use harness::{with_site_within, Page, Site};
use serde_json::json;
use std::time::Duration;

/// Waits until the practice box is on the page (the worker has answered).
async fn ready(page: &Page) {
    page.wait("practice-box").await;
}

async fn verdict(page: &Page, id: &str) -> (String, String) {
    let v = format!("verdict-{id}");
    page.wait(&v).await;
    (
        page.attr(&v, "data-verdict").await,
        page.attr(&v, "data-diagnosis").await,
    )
}

/// Types `text` into question `id`'s field and presses Enter (or its check button).
async fn answer(page: &Page, id: &str, text: &str, enter: bool) {
    let old = page
        .js(&format!(
            "(() => {{ const v = document.querySelector('[data-testid=\"verdict-{id}\"]'); return v ? v.outerHTML : '' }})()"
        ))
        .await;
    let script = format!(
        "(() => {{ const i = document.querySelector('[data-testid=\"answer-{id}\"]'); i.value = {text:?}; \
         if ({enter}) {{ i.dispatchEvent(new KeyboardEvent('keydown', {{key: 'Enter', bubbles: true}})); }} \
         else {{ document.querySelector('[data-testid=\"check-{id}\"]').click(); }} return true }})()"
    );
    page.js(&script).await;
    // The verdict is written again (or the question solved).
    page.wait_js(
        &format!(
            "(() => {{ const v = document.querySelector('[data-testid=\"verdict-{id}\"]'); \
             return (v ? v.outerHTML : '') !== {old} }})()"
        ),
        json!(true),
    )
    .await;
}

const LONG: Duration = Duration::from_secs(600);

/// A number as the page writes it, read back: where it stands, its size (sign dropped: a sign
/// written apart, `<mo>−</mo><mn>0.74</mn>`, or in words, still gives the number away), one
/// unit of its last digit, and how many significant digits it has.
struct Token {
    at: std::ops::Range<usize>,
    size: f64,
    unit: f64,
    digits: usize,
}

/// Every decimal number in `text` (`0.298371`, `0.08216704086507747`, `4.3857e-4`).
fn tokens(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Not inside a word or a name (`h1`, a file's hash `85a844eb857e827b`).
        if !digit(i) || (i > 0 && (digit(i - 1) || b[i - 1] == b'.' || b[i - 1].is_ascii_alphabetic())) {
            i += 1;
            continue;
        }
        let start = i;
        while digit(i) {
            i += 1;
        }
        let mut decimals = 0;
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            i += 1;
            while digit(i) {
                i += 1;
                decimals += 1;
            }
        }
        let mantissa_end = i;
        let mut exp = 0i32;
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let sign = usize::from(matches!(b.get(i + 1), Some(b'-' | b'+')));
            if digit(i + 1 + sign) {
                let mut j = i + 1 + sign;
                while digit(j) {
                    j += 1;
                }
                exp = text[i + 1..j].parse().unwrap_or(0);
                i = j;
            }
        }
        let mantissa = &text[start..mantissa_end];
        let Ok(m) = mantissa.parse::<f64>() else { continue };
        if b.get(i).is_some_and(u8::is_ascii_alphanumeric) || !(m * 10f64.powi(exp)).is_finite() {
            continue; // the start of a word or a hash, not a number
        }
        out.push(Token {
            at: start..i,
            size: m * 10f64.powi(exp),
            unit: 10f64.powi(exp - decimals),
            digits: mantissa
                .trim_start_matches(['0', '.'])
                .chars()
                .filter(char::is_ascii_digit)
                .count(),
        });
    }
    out
}

/// Whether the page's number `t` writes `v` (or its size): to the digits it shows, rounded or
/// cut, or as the mantissa of a power of ten (`4.3857 × 10⁻⁴`). Needs three significant digits
/// (`0.5` or `12` are everywhere for other reasons).
fn writes(t: &Token, v: f64) -> bool {
    let a = v.abs();
    let slack = 1e-12 * a.max(1e-300);
    let close = |x: f64| {
        let rounded = (t.size - x).abs() <= t.unit / 2.0 + slack.max(1e-9 * t.unit);
        let cut = x >= t.size - slack && x - t.size < t.unit;
        rounded || cut
    };
    t.digits >= 3 && (close(a) || (!(1e-3..1e4).contains(&a) && close(a / 10f64.powi(a.log10().floor() as i32))))
}

/// Whether `v` has at least three significant digits at the page's six-digit rounding (a
/// question whose answer is `1` or `-3` cannot be searched for).
fn distinctive(v: f64) -> bool {
    let six = format!("{:.5e}", v.abs());
    let mantissa = &six[..six.find('e').unwrap_or(six.len())];
    mantissa
        .trim_end_matches('0')
        .chars()
        .filter(char::is_ascii_digit)
        .count()
        >= 3
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

/// Everything a learner or a tool can read on the page, as strings to search: every text node
/// (joined as `textContent` joins them, and joined with spaces, so a number split over elements
/// is read both ways), with − and – written as `-`; every attribute of every element (aria
/// labels, titles, `data-value`, the charts' text alternatives) but the drawing's geometry
/// (coordinates, sizes); every field's value; the title and the address.
async fn readable(page: &Page) -> Vec<String> {
    let v = page
        .js(
            "(() => { \
              const norm = s => s.replace(/[\\u2212\\u2013\\u2012\\uFE63\\uFF0D]/g, '-'); \
              const geometry = new Set(['d','points','x','y','x1','y1','x2','y2','cx','cy','r','rx','ry','width','height','viewBox','transform','style','dx','dy']); \
              const texts = []; \
              const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT); \
              while (w.nextNode()) { const p = w.currentNode.parentElement; \
                if (p && (p.tagName === 'SCRIPT' || p.tagName === 'STYLE')) continue; texts.push(w.currentNode.data); } \
              const out = [norm(texts.join('')), norm(texts.join(' ')).replace(/-\\s+(?=\\d)/g, '-')]; \
              for (const el of document.querySelectorAll('*')) for (const a of el.attributes) \
                if (!geometry.has(a.name)) out.push(a.name + '=' + norm(a.value)); \
              for (const i of document.querySelectorAll('input, select, textarea')) out.push('value=' + i.value); \
              out.push(document.title, location.href); \
              return out; })()",
        )
        .await;
    serde_json::from_value(v).expect("a list of strings")
}

/// Searches the page for each of `hidden` (label, number); each find is added to `leaks` with
/// `state` and the text around it. A number the page writes that is also one of `known` (solved
/// or given) to the digits it shows is that number, not a leak (seed 7's h2 = −0.095 is
/// −0.0950 in the σ chart's four decimals, as ∂E/∂w22 = −0.094994 would be). Returns how many
/// numbers were searched.
async fn search(page: &Page, state: &str, hidden: &[(String, f64)], known: &[f64], leaks: &mut Vec<String>) -> usize {
    let texts = readable(page).await;
    let read: Vec<(&str, Vec<Token>)> = texts.iter().map(|t| (t.as_str(), tokens(t))).collect();
    for (label, v) in hidden {
        let found = read.iter().find_map(|(text, tokens)| {
            tokens
                .iter()
                .find(|t| writes(t, *v) && !known.iter().any(|k| writes(t, *k)))
                .map(|t| (*text, t))
        });
        if let Some((text, t)) = found {
            let (mut a, mut b) = (t.at.start.saturating_sub(40), (t.at.end + 40).min(text.len()));
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            while !text.is_char_boundary(b) {
                b += 1;
            }
            leaks.push(format!(
                "{state}: {label} = {v} written as {:?} in …{}…",
                &text[t.at.clone()],
                &text[a..b]
            ));
        }
    }
    hidden.len()
}

/// The steps of the lesson with what each asks, on the worked example (`seed` None) or a drawn
/// one, from the closed-form reference; and the givens (never hidden).
fn taught_for(seed: Option<u64>) -> (Vec<taught::Step>, Vec<f64>, State) {
    let mut state = State {
        practice: true,
        lang: backprop_lab::i18n::Lang::En,
        ..State::default()
    };
    if let Some(seed) = seed {
        state.reseed(seed);
    }
    // The example's inputs (not its answers): read from the state the link makes.
    let [x1, x2] = state.example.x;
    let [t1, t2] = state.example.t;
    let p = |q: Param| state.example.params[q.index()];
    let net = reference::Net {
        x1,
        x2,
        t1,
        t2,
        w11: p(Param::W11),
        w12: p(Param::W12),
        w13: p(Param::W13),
        w14: p(Param::W14),
        w21: p(Param::W21),
        w22: p(Param::W22),
        w23: p(Param::W23),
        w24: p(Param::W24),
        b1: p(Param::B1),
        b2: p(Param::B2),
        b3: p(Param::B3),
        b4: p(Param::B4),
    };
    let nodes = NodeInputs::for_seed(seed);
    let steps = taught::steps(&net, state.lr, nodes.xy, nodes.upstream);
    (steps, taught::givens(&net, state.lr), state)
}

/// The example's twelve parameters by name (inputs, from the state the link makes).
fn params_of(state: &State) -> Vec<(String, f64)> {
    Param::ALL
        .iter()
        .map(|p| (p.name().to_owned(), state.example.params[p.index()]))
        .collect()
}

/// What must not be on the page: every number a step asks that no solved question has given
/// and that is not a given of the example; and for a gradient ∂E/∂p still hidden, what gives it
/// away beside p on show: η·∂E/∂p and p − η·∂E/∂p (the update's table).
fn still_hidden(steps: &[taught::Step], known: &[f64], lr: f64, params: &[(String, f64)]) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = Vec::new();
    let add = |label: String, v: f64, out: &mut Vec<(String, f64)>| {
        if distinctive(v) && !known.iter().any(|k| same(*k, v)) && !out.iter().any(|(_, w)| same(*w, v)) {
            out.push((label, v));
        }
    };
    for (slug, asked) in steps {
        for (id, v) in asked {
            add(format!("{slug} {id}"), *v, &mut out);
        }
    }
    for (slug, asked) in steps.iter().filter(|(s, _)| *s == "backward-params") {
        for (id, g) in asked {
            if known.iter().any(|k| same(*k, *g)) {
                continue;
            }
            let p = id.trim_start_matches("grad-");
            let old = params.iter().find(|(n, _)| n == p).map_or(f64::NAN, |(_, v)| *v);
            add(format!("{slug} η·{id}"), lr * g, &mut out);
            add(format!("{slug} {p} − η·{id}"), old - lr * g, &mut out);
        }
    }
    out
}

/// The address of `slug` in practice mode on `state`'s example.
fn link(state: &State, slug: &str) -> String {
    let mut s = *state;
    s.step = Step::from_slug(slug).unwrap_or_else(|| panic!("no step {slug}"));
    format!("/?{}", s.to_query())
}

/// Waits until the page holds the worker's reply for its state (the practice bar is written).
async fn answered(page: &Page) {
    page.wait("practice-progress").await;
}

/// Every step of the docs' list is a step of the app, and each id it asks is an id the docs
/// name (docs/lessons.md, docs/practice.md), so the list searched for is the docs' list.
#[test]
fn the_searched_list_is_the_docs_list() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/lessons.md")).unwrap()
        + &std::fs::read_to_string(root.join("docs/practice.md")).unwrap();
    let (steps, _, _) = taught_for(None);
    assert_eq!(steps.len(), 27 + 2, "27 steps and the two clicked chains");
    for (slug, asked) in &steps {
        assert!(
            docs.contains(&format!("`{slug}`")) || slug.starts_with("grad-"),
            "{slug} not in the docs"
        );
        for (id, _) in asked {
            let family = id.trim_end_matches(|c: char| c != '-');
            assert!(
                docs.contains(&format!("`{id}`")) || docs.contains(&format!("`{family}")),
                "{slug}: {id} ({family}…) is not named in the docs"
            );
        }
    }
}

/// Nothing solved (a fresh browser), on the worked example and on seed 7: no step of the lesson
/// has any number a step asks anywhere in its text, attributes or address, in any form.
#[tokio::test]
async fn e2e_nothing_asked_is_on_any_page_before_it_is_solved() {
    with_site_within(Site::default(), "/?practice=1&lang=en", LONG, |page: Page| async move {
        let mut leaks = Vec::new();
        let mut searched = 0;
        for seed in [None, Some(7)] {
            let (steps, givens, state) = taught_for(seed);
            page.js("(localStorage.clear(), true)").await;
            let hidden = still_hidden(&steps, &givens, state.lr, &params_of(&state));
            for (slug, _) in &steps {
                page.goto(&link(&state, slug)).await;
                answered(&page).await;
                searched += search(
                    &page,
                    &format!("{slug} (seed {seed:?}, nothing solved)"),
                    &hidden,
                    &givens,
                    &mut leaks,
                )
                .await;
            }
        }
        assert!(
            leaks.is_empty(),
            "{} numbers on the page before they are solved:\n{}",
            leaks.len(),
            leaks.join("\n")
        );
        assert!(searched > 1000, "only {searched} numbers searched");
    })
    .await;
}

/// Each step in the notes' order, its questions solved one by one ("show answer", the first
/// open question each time), the page searched before and after each: a number is on a page
/// only once a question asking it is solved, on this step or an earlier one. Every question the
/// page asks is on the docs' list, and every number on the list is asked.
async fn solved_in_turn(page: Page, seed: Option<u64>) {
    let (steps, givens, state) = taught_for(seed);
    page.js("(localStorage.clear(), true)").await;
    let mut known = givens.clone();
    let mut leaks = Vec::new();
    let mut searched = 0;
    for (slug, asked) in &steps {
        page.goto(&link(&state, slug)).await;
        answered(&page).await;
        let mut n = 0;
        loop {
            let label = format!("{slug} (seed {seed:?}, {n} solved here)");
            let hidden = still_hidden(&steps, &known, state.lr, &params_of(&state));
            searched += search(&page, &label, &hidden, &known, &mut leaks).await;
            let next = page
                .js("(() => { const b = document.querySelector('[data-testid^=\"reveal-\"]'); return b ? b.dataset.testid : '' })()")
                .await;
            let Some(id) = next.as_str().and_then(|t| t.strip_prefix("reveal-")).map(str::to_owned) else {
                break;
            };
            if id.is_empty() {
                break;
            }
            let choice = page.count(&format!("choice-{id}-0")).await > 0;
            match asked.iter().find(|(x, _)| *x == id) {
                Some((_, v)) => known.push(*v),
                None => assert!(choice, "{slug} asks {id}, which the docs' list does not have"),
            }
            page.click(&format!("reveal-{id}")).await;
            page.wait_js(
                &format!("document.querySelectorAll('[data-testid=\"reveal-{id}\"]').length"),
                json!(0),
            )
            .await;
            answered(&page).await;
            n += 1;
            assert!(n < 40, "{slug}: the questions never end");
        }
        // One question may answer several ids (on grad-w21 the one path's product is the
        // gradient: one field, `question-grad-w21`, with `data-ids="path-1 grad-w21"`).
        for (id, _) in asked {
            let n = page
                .js(&format!(
                    "document.querySelectorAll('.question[data-ids~=\"{id}\"]').length"
                ))
                .await;
            assert_eq!(n, json!(1), "{slug} does not ask {id}");
        }
    }
    assert!(
        leaks.is_empty(),
        "{} numbers on the page before they are solved:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
    assert!(searched > 1000, "only {searched} numbers searched");
    page.assert_no_panic().await;
}

#[tokio::test]
async fn e2e_solved_in_turn_worked_example() {
    with_site_within(Site::default(), "/?practice=1&lang=en", LONG, |page: Page| {
        solved_in_turn(page, None)
    })
    .await;
}

#[tokio::test]
async fn e2e_solved_in_turn_seed_7() {
    with_site_within(Site::default(), "/?practice=1&lang=en", LONG, |page: Page| {
        solved_in_turn(page, Some(7))
    })
    .await;
}

/// While the worker loads (its requests held back here for two seconds), the step's givens
/// stay on the page (inputs, targets, parameters, η) and what it asks is blank.
#[tokio::test]
async fn e2e_givens_stay_while_the_worker_loads() {
    with_site_within(Site::default(), "/?step=forward-hidden-sum&lang=en", LONG, |page: Page| async move {
        page.wait("value-x1").await;
        page.js(
            "(() => { const post = Worker.prototype.postMessage; \
              Worker.prototype.postMessage = function (m) { setTimeout(() => post.call(this, m), 2000); }; return true })()",
        )
        .await;
        page.click("practice-toggle").await;
        // The first frame after the switch: the worker has not answered.
        assert_eq!(page.count("practice-progress").await, 0, "the worker answered already");
        assert_eq!(page.count("value-h1").await, 0, "h1 is asked: blank");
        for id in ["value-x1", "value-x2", "value-t1", "value-t2", "param-w11", "param-b1"] {
            assert_eq!(page.count(id).await, 1, "{id} is a given: shown while the worker loads");
        }
        answered(&page).await;
        assert_eq!(page.count("value-h1").await, 0);
        assert_eq!(page.count("value-x1").await, 1);
    })
    .await;
}

/// The w21 chain worked factor by factor with Mazur's published numbers as the answers (a
/// comma as the decimal point once, Enter once); a flipped sign is diagnosed; each solved number
/// comes back under its id; the progress survives a reload.
#[tokio::test]
async fn e2e_w21_chain_then_w11_mistakes_then_reload() {
    with_site_within(
        Site::default(),
        "/?step=grad-w21&practice=1&lang=en",
        LONG,
        |page: Page| async move {
            ready(&page).await;
            page.js("(localStorage.clear(), true)").await;
            page.goto("/?step=grad-w21&practice=1&lang=en").await;
            ready(&page).await;
            assert_eq!(page.count("factor-1-1").await, 0);
            // How many paths reach w21? Two is wrong, one is right; then the chain appears.
            page.click("choice-paths-w21-1").await;
            assert_eq!(verdict(&page, "paths-w21").await.0, "incorrect");
            page.click("choice-paths-w21-0").await;
            page.wait("answer-factor-1-1").await;
            // Mazur (2015), "A Step by Step Backpropagation Example": dE/dout_o1 = 0.74136507,
            // dout_o1/dnet_o1 = 0.186815602, dnet_o1/dw5 = out_h1 = 0.593269992, dE/dw5 = 0.082167041.
            answer(&page, "factor-1-1", "-0.741365", false).await;
            assert_eq!(verdict(&page, "factor-1-1").await, ("incorrect".into(), "sign".into()));
            assert_eq!(page.count("factor-1-1").await, 0);
            answer(&page, "factor-1-1", "0,741365", true).await;
            page.wait("factor-1-1").await;
            answer(&page, "factor-1-2", "0.186816", false).await;
            answer(&page, "factor-1-3", "0.593270", false).await;
            answer(&page, "grad-w21", "0.0822", false).await;
            for (id, published) in [
                ("factor-1-1", 0.74136507),
                ("factor-1-2", 0.186815602),
                ("factor-1-3", 0.593269992),
                ("path-1", 0.082167041),
                ("grad-w21", 0.082167041),
            ] {
                page.wait(id).await;
                assert!((page.value(id).await - published).abs() < 1e-8, "{id}");
            }
            assert_eq!(page.attr("practice-step-progress", "data-value").await, "5");
            assert_eq!(page.attr("practice-progress", "data-value").await, "5");

            // w11: one path only is a missing path, a flipped sign a sign mistake.
            page.goto("/?step=grad-w11&practice=1&lang=en").await;
            ready(&page).await;
            page.click("reveal-paths-w11").await;
            page.wait("answer-grad-w11").await;
            // Mazur: dE/dw1 = 0.000438568; its path through Error1 is
            // dE1/dout_h1 · dout_h1/dnet_h1 · i1 = 0.055399425 · 0.241300709 · 0.05.
            let path1 = 0.055399425 * 0.241300709 * 0.05;
            answer(&page, "grad-w11", &format!("{path1}"), false).await;
            assert_eq!(
                verdict(&page, "grad-w11").await,
                ("incorrect".into(), "missing-path".into())
            );
            answer(&page, "grad-w11", "-0.000438568", false).await;
            assert_eq!(verdict(&page, "grad-w11").await, ("incorrect".into(), "sign".into()));
            assert_eq!(page.count("grad-w11").await, 0);

            // A reload keeps what was solved: w21's gradient is shown, 5 of the lesson solved
            // and w11's path count, revealed, not counted.
            page.goto("/?step=grad-w21&practice=1&lang=en").await;
            ready(&page).await;
            page.wait("grad-w21").await;
            assert!((page.value("grad-w21").await - 0.082167041).abs() < 1e-9);
            assert_eq!(page.attr("practice-progress", "data-value").await, "5");
            assert_eq!(page.attr("practice-progress", "data-revealed").await, "1");
            page.assert_no_panic().await;
        },
    )
    .await;
}

/// The teacher's answer sheet for a seed: every question of the lesson, the answers from the
/// model; for the worked example, Mazur's.
#[tokio::test]
async fn e2e_answer_sheet() {
    with_site_within(
        Site::default(),
        "/?step=answers&lang=en",
        LONG,
        |page: Page| async move {
            page.wait("sheet-grad-w21-factor-1-1").await;
            // Mazur: dE/dout_o1 = 0.74136507, dE/dw5 = 0.082167041 (six digits on the sheet).
            let text = |id: &'static str| {
                let page = page.clone();
                async move {
                    page.js(&format!("document.querySelector('[data-testid=\"{id}\"]').textContent"))
                        .await
                }
            };
            assert_eq!(text("sheet-grad-w21-factor-1-1").await, json!("0.741365"));
            assert_eq!(text("sheet-grad-w21-path-1").await, json!("0.082167"));
            let rows = page.js("document.querySelectorAll('tbody tr').length").await;
            let sheet = practice::Sheet::for_seed(None).unwrap();
            assert_eq!(rows, json!(sheet.len()));
            // On paper it fits the one A4 page docs/practice.md promises, printed as Chromium's
            // Print (and Playwright's page.pdf) prints it, in both languages: for seed 42 (a
            // teacher's run-through), the largest seed, and a seed drawn now (printed, so a
            // failure can be repeated).
            let drawn = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64;
            for seed in [42, u64::MAX, drawn] {
                for lang in ["en", "ko"] {
                    page.goto(&format!("/?step=answers&lang={lang}&seed={seed}")).await;
                    page.wait("sheet-grad-w21-factor-1-1").await;
                    let pages = page.a4_pages().await;
                    assert_eq!(
                        pages, 1,
                        "seed {seed}, {lang}: the printed sheet takes {pages} A4 pages"
                    );
                }
            }
            // A seed the link cannot carry: the worked example's sheet, saying so, not that a
            // class given "this seed" practises on it (a teacher's run-through with seed=abc).
            for (lang, wrong, right) in [
                ("en", "with this seed", "could not be read"),
                ("ko", "같은 시드로", "시드를 읽을 수 없어"),
            ] {
                page.goto(&format!("/?step=answers&lang={lang}&seed=abc")).await;
                page.wait("sheet-grad-w21-factor-1-1").await;
                page.wait("url-msg").await;
                let intro = page.js("document.querySelector('.sheet h1 + p').textContent").await;
                let intro = intro.as_str().unwrap();
                assert!(
                    !intro.contains(wrong) && intro.contains(right),
                    "{lang}, seed=abc: {intro}"
                );
                // The worked example's own sheet (no seed) does not speak of a seed it lacks either.
                page.goto(&format!("/?step=answers&lang={lang}")).await;
                page.wait("sheet-grad-w21-factor-1-1").await;
                let intro = page.js("document.querySelector('.sheet h1 + p').textContent").await;
                assert!(!intro.as_str().unwrap().contains(wrong), "{lang}, no seed: {intro}");
            }
        },
    )
    .await;
}

/// "New numbers" draws another seed (the address and the answer sheet's link follow, the numbers
/// change); "reset" clears what was solved on this example after a confirmation; a storage that
/// refuses to write leaves practice working with a notice.
#[tokio::test]
async fn e2e_new_numbers_reset_and_a_storage_that_refuses() {
    with_site_within(Site::default(), "/?step=forward-hidden-sum&practice=1&lang=en", LONG, |page: Page| async move {
        ready(&page).await;
        page.js("(localStorage.clear(), true)").await;
        let before = page.js("location.search").await;
        page.click("practice-new").await;
        page.wait_js("/[?&]seed=\\d+/.test(location.search)", json!(true)).await;
        let search = page.js("location.search").await;
        assert_ne!(search, before);
        let seed: u64 = page
            .js("new URLSearchParams(location.search).get('seed')")
            .await
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        page.wait_js(
            &format!("document.querySelector('[data-testid=\"practice-sheet\"]').getAttribute('href').includes('seed={seed}')"),
            json!(true),
        )
        .await;
        // The drawn example's h1, worked out here by the model, is the right answer.
        let mut state = State::default();
        state.reseed(seed);
        let h1 = Net::new(&state.example).unwrap().value("h1");
        page.wait("answer-value-h1").await;
        answer(&page, "value-h1", &format!("{h1}"), true).await;
        page.wait("value-h1").await;
        assert_eq!(page.attr("practice-progress", "data-value").await, "1");
        // Reset, confirmed: nothing solved, the question is back.
        page.js("(window.confirm = () => true, true)").await;
        page.click("practice-reset").await;
        page.wait("answer-value-h1").await;
        assert_eq!(page.attr("practice-progress", "data-value").await, "0");
        // A storage that refuses every write: the answer still counts, and a notice says so.
        page.js("(Storage.prototype.setItem = () => { throw new Error('full'); }, true)").await;
        answer(&page, "value-h1", &format!("{h1}"), false).await;
        page.wait("practice-storage").await;
        page.wait("value-h1").await;
        page.assert_no_panic().await;
    })
    .await;
}

/// Practice mode under the strict Content-Security-Policy the hosting guide gives (the worker is
/// a script of the site's own origin, and compiles its wasm under 'wasm-unsafe-eval'), with no
/// violation.
#[tokio::test]
async fn e2e_practice_under_a_strict_csp() {
    let site = Site {
        headers: vec![("Content-Security-Policy".into(), harness::strict_csp())],
        probe: Some(harness::VIOLATIONS_PROBE.into()),
        ..Site::default()
    };
    with_site_within(
        site,
        "/?step=grad-w21&practice=1&lang=en",
        LONG,
        |page: Page| async move {
            ready(&page).await;
            page.click("choice-paths-w21-0").await;
            page.wait("answer-factor-1-1").await;
            assert_eq!(page.js("window.__violations").await, json!([]));
        },
    )
    .await;
}

/// Served under a sub-path (`--public-url /course/ml/`), the worker is found beside the app.
#[tokio::test]
async fn e2e_practice_under_a_subpath() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dist-course-ml");
    assert!(
        dir.join("index.html").is_file(),
        "scripts/test.sh builds target/dist-course-ml first"
    );
    let site = Site {
        dir: Some(dir),
        prefix: "/course/ml".into(),
        ..Site::default()
    };
    with_site_within(
        site,
        "/course/ml/?step=error&practice=1&lang=en",
        LONG,
        |page: Page| async move {
            ready(&page).await;
            page.wait("answer-value-E").await;
            let requests = page.requests();
            assert!(
                requests
                    .iter()
                    .any(|(t, code)| t.starts_with("/course/ml/practice-worker-")
                        && t.ends_with("_bg.wasm")
                        && *code == 200),
                "{requests:?}"
            );
        },
    )
    .await;
}

/// Two tabs of one example: an answer solved in one is never erased by the other's later write
/// (each merges what is stored before writing, and takes the other's writes from the 'storage'
/// event). Mazur (2015): E_o1 = 0.274811083, E_o2 = 0.023560026.
#[tokio::test]
async fn e2e_two_tabs_keep_each_others_answers() {
    const AT: &str = "/?step=error&practice=1&lang=en";
    with_site_within(Site::default(), AT, LONG, |page: Page| async move {
        ready(&page).await;
        page.js("(localStorage.clear(), true)").await;
        page.goto(AT).await;
        ready(&page).await;
        let first = page.client.window().await.unwrap();
        let second = page.client.new_window(true).await.unwrap().handle;
        page.client.switch_to_window(second.clone()).await.unwrap();
        page.goto(AT).await;
        ready(&page).await;
        // Tab 2 solves Error1.
        answer(&page, "value-Error1", "0.274811", false).await;
        page.wait("value-Error1").await;
        // Tab 1, opened before that, solves Error2 and writes last.
        page.client.switch_to_window(first).await.unwrap();
        page.wait("answer-value-Error2").await;
        answer(&page, "value-Error2", "0.0235600", false).await;
        page.wait("value-Error2").await;
        let stored = page.js("localStorage.getItem('backprop-lab-practice')").await;
        let stored = stored.as_str().unwrap_or_default().to_owned();
        assert!(
            stored.contains("error/value-Error1") && stored.contains("error/value-Error2"),
            "{stored}"
        );
        // Both tabs show both answers, and count two.
        page.wait("value-Error1").await;
        page.wait_js(
            "document.querySelector('[data-testid=\"practice-progress\"]').dataset.value",
            json!("2"),
        )
        .await;
        page.client.switch_to_window(second).await.unwrap();
        page.wait("value-Error2").await;
        page.wait_js(
            "document.querySelector('[data-testid=\"practice-progress\"]').dataset.value",
            json!("2"),
        )
        .await;
        page.assert_no_panic().await;
    })
    .await;
}

/// The practice answer field reads the minus sign the page prints (U+2212); a revealed number is
/// marked as revealed. Mazur: ∂E/∂out_o2 = −0.217071535 (Y2 − t2 = 0.772928465 − 0.99).
#[tokio::test]
async fn e2e_a_printed_minus_is_read_and_a_reveal_is_marked() {
    with_site_within(
        Site::default(),
        "/?step=grad-w11&practice=1&lang=en",
        LONG,
        |page: Page| async move {
            ready(&page).await;
            page.js("(localStorage.clear(), true)").await;
            page.goto("/?step=grad-w11&practice=1&lang=en").await;
            ready(&page).await;
            page.click("choice-paths-w11-1").await;
            page.wait("practice-path-2").await;
            answer(&page, "factor-2-1", "\u{2212}0.217072", false).await;
            page.wait("factor-2-1").await;
            page.click("reveal-factor-2-3").await;
            page.wait_js(
                "document.querySelector('[data-testid=\"question-factor-2-3\"]').dataset.state",
                json!("revealed"),
            )
            .await;
            assert_eq!(page.attr("practice-step-progress", "data-value").await, "2");
        },
    )
    .await;
}

/// Issue 20, session 9, on the update step (worked example): a next value the learner solved
/// shows in the table (it stayed blank beside a blank ∂E/∂w21); a number is blank by what it is,
/// not by what it equals (η·∂E/∂w13 = ∂E/∂w11 there, as x2 = 2·x1: shown once ∂E/∂w13 is
/// solved, while ∂E/∂w11 is still asked); and "Apply this update" says that the count is now for
/// the new numbers, how much of the work on the own numbers is kept, and links back to them.
#[tokio::test]
async fn e2e_the_update_step_shows_what_is_solved_and_apply_keeps_the_work_in_view() {
    with_site_within(
        Site::default(),
        "/?step=update&practice=1&lang=en",
        LONG,
        |page: Page| async move {
            ready(&page).await;
            let key = practice::example_key(None, &backprop_lab::net::Example::worked(), 0.5);
            page.js(&format!(
                "(localStorage.setItem('backprop-lab-practice', 'p1|{key}:update/next-w21,backward-params/grad-w13'), true)"
            ))
            .await;
            page.goto("/?step=update&practice=1&lang=en").await;
            ready(&page).await;
            // Mazur (2015): w5+ = 0.35891648 (w5 is w21).
            page.wait("next-w21").await;
            assert!((page.value("next-w21").await - 0.35891648).abs() < 1e-8);
            // Mazur (2015): ∂E/∂w1 = 0.000438568 (w1 is w11); ∂E/∂w13 = δ_h1·x2 = 2·∂E/∂w11, so
            // η·∂E/∂w13 = 0.5 · 2 · 0.000438568.
            page.wait("scaled-w13").await;
            assert!((page.value("scaled-w13").await - 0.000438568).abs() < 1e-9);
            assert_eq!(page.count("scaled-w11").await, 0, "∂E/∂w11 is still asked");
            assert_eq!(page.count("grad-w11").await, 0, "∂E/∂w11 is still asked");
            page.click("apply-update").await;
            page.wait("practice-home").await;
            assert_eq!(page.attr("practice-home", "data-value").await, "2");
            page.click("practice-home-link").await;
            page.wait_js(
                "(() => { const p = document.querySelector('[data-testid=practice-progress]'); return p ? p.dataset.value : '' })()",
                json!("2"),
            )
            .await;
            assert_eq!(page.count("practice-home").await, 0);
            page.assert_no_panic().await;
        },
    )
    .await;
}
