//! End-to-end tests of practice mode in the release build (its model runs in a Web Worker): nothing asked is on the page, the w21 chain worked factor by factor, w11's mistakes diagnosed, progress kept over a reload, the answer sheet.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use backprop_lab::lesson::Step;
use backprop_lab::net::{Net, Param};
use backprop_lab::practice::{self, hidden::distinctive, NodeInputs};
use backprop_lab::query::State;
use harness::{with_site_within, Page, Site};
use serde_json::json;
use std::time::Duration;

/// Whether `digits` stands in `text` as a whole number (no digit right before or after it).
fn shows(text: &str, digits: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(digits).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + digits.len()).copied();
        !before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(|b| b.is_ascii_digit())
    })
}

/// The forms a value is printed in anywhere in the app: the page's six digits, the diagram
/// badges' and the chart summary's four decimals.
fn forms(v: f64) -> Vec<String> {
    let four = format!("{v:.4}").trim_end_matches('0').trim_end_matches('.').to_owned();
    vec![backprop_lab::print::short(v), four]
}

/// Everything a learner or a tool could read: the markup with every attribute and aria label,
/// and the address.
async fn page_text(page: &Page) -> String {
    let v = page
        .js("document.documentElement.outerHTML + ' ' + location.href")
        .await;
    v.as_str().unwrap_or_default().to_owned()
}

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

/// For every step that asks questions (and two more chain-rule steps), on the worked example and
/// on seed 7: once the questions are on the page, no value still to be worked out is anywhere in
/// the markup, an attribute, an aria label or the address, in any form the app prints numbers in;
/// every question has its field and buttons, and the number is not shown under its id.
#[tokio::test]
async fn e2e_nothing_asked_is_on_the_page_before_it_is_answered() {
    with_site_within(Site::default(), "/?practice=1&lang=en", LONG, |page: Page| async move {
        let mut steps = practice::practice_steps();
        steps.extend([Step::Grad(Param::W13), Step::Grad(Param::B3)]);
        let mut searched = 0;
        for seed in [None, Some(7)] {
            for &step in &steps {
                let mut state = State {
                    step,
                    practice: true,
                    lang: backprop_lab::i18n::Lang::En,
                    ..State::default()
                };
                if let Some(seed) = seed {
                    state.reseed(seed);
                }
                page.goto(&format!("/?{}", state.to_query())).await;
                ready(&page).await;
                let text = page_text(&page).await;
                let net = Net::new(&state.example).unwrap();
                let sq = practice::questions(step, &net, state.lr, NodeInputs::for_seed(seed));
                let hidden = practice::hidden(&sq, &net, state.lr, &|_| false);
                for v in hidden.values.iter().filter(|v| v.read_off.is_none()) {
                    for d in forms(v.value).into_iter().filter(|d| distinctive(d)) {
                        searched += 1;
                        assert!(
                            !shows(&text, &d),
                            "{} (seed {seed:?}): hidden {} = {d} is on the page",
                            step.slug(),
                            v.id
                        );
                    }
                }
                let counting = hidden.path_count.is_some();
                for q in &sq.questions {
                    let listed = !counting || matches!(q.quantity, practice::Quantity::PathCount(_));
                    // One block and one field per question, under its field id.
                    let field = q.field_id();
                    let n = page.count(&format!("question-{field}")).await;
                    assert_eq!(n, usize::from(listed), "{} question-{field}", step.slug());
                    for id in &q.ids {
                        if listed && !q.is_choice() {
                            let want = usize::from(id == field);
                            for part in ["answer", "check", "reveal"] {
                                assert_eq!(page.count(&format!("{part}-{id}")).await, want, "{part}-{id}");
                            }
                            assert_eq!(page.count(id).await, 0, "{} shows {id}", step.slug());
                        }
                    }
                }
            }
        }
        // Not an empty search: forward values, factors, shares and updates have six digits.
        assert!(searched > 200, "only {searched} numbers searched");
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
            // On paper it fits one A4 page: laid out for print on A4 less the 10 mm margins of
            // its @page rule (190 x 277 mm, 718 x 1047 CSS px), in both languages.
            for lang in ["en", "ko"] {
                page.goto(&format!("/?step=answers&lang={lang}&seed=7")).await;
                page.wait("sheet-grad-w21-factor-1-1").await;
                page.cdp("Emulation.setEmulatedMedia", json!({"media": "print"})).await;
                page.cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({"width": 718, "height": 1047, "deviceScaleFactor": 1, "mobile": false}),
                )
                .await;
                let height = page.js("document.documentElement.scrollHeight").await;
                assert!(
                    height.as_i64().unwrap() <= 1047,
                    "{lang}: the printed sheet is {height} px tall"
                );
                page.cdp("Emulation.setEmulatedMedia", json!({"media": ""})).await;
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
