//! Browser tests of practice mode: nothing asked is on the page before it is answered, answers are checked and diagnosed, solved numbers come back, progress is kept.
#![cfg(target_arch = "wasm32")]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::Step;
use backprop_lab::net::{Net, Param};
use backprop_lab::practice::{self, hidden::distinctive, NodeInputs};
use backprop_lab::query::State;
use backprop_lab::ui::num::short;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use support::{find, get, mount, value};

/// A state in practice mode on the numbers of `seed` (None: the worked example).
fn practising(step: Step, seed: Option<u64>) -> State {
    let mut s = State {
        step,
        lang: Lang::En,
        practice: true,
        ..State::default()
    };
    if let Some(seed) = seed {
        s.reseed(seed);
    }
    s
}

/// Everything a learner or a tool could read: the markup with every attribute and aria label,
/// and the address.
fn page(host: &web_sys::HtmlElement) -> String {
    format!("{} {}", host.outer_html(), window().location().href().unwrap())
}

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
    vec![short(v), four]
}

/// Clears practice progress kept by earlier tests.
fn forget() {
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.remove_item("backprop-lab-practice");
    }
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// For every step that asks questions (and two more chain-rule steps), on the worked example and
/// on a drawn one: before anything is answered, no hidden value is anywhere in the page or the
/// address, in any form the app prints numbers in; every question has its field or choices.
#[wasm_bindgen_test]
async fn nothing_asked_is_on_the_page_before_it_is_answered() {
    forget();
    let mut searched = 0;
    let mut steps = practice::practice_steps();
    steps.extend([Step::Grad(Param::W13), Step::Grad(Param::B3)]);
    for seed in [None, Some(7)] {
        for &step in &steps {
            let state = practising(step, seed);
            let net = Net::new(&state.example).unwrap();
            let sq = practice::questions(step, &net, state.lr, NodeInputs::for_seed(seed));
            let hidden = practice::hidden(&sq, &net, state.lr, &|_| false);
            let host = mount(state);
            settle().await;
            let text = page(&host);
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
            // While the number of paths is asked, only that question is shown.
            let counting = hidden.path_count.is_some();
            for q in &sq.questions {
                let listed = !counting || matches!(q.quantity, practice::Quantity::PathCount(_));
                for id in &q.ids {
                    assert_eq!(
                        find(&host, &format!("question-{id}")).is_some(),
                        listed,
                        "{} {id}",
                        step.slug()
                    );
                    if listed && !q.is_choice() {
                        assert!(find(&host, &format!("answer-{id}")).is_some(), "{id}");
                        assert!(find(&host, &format!("check-{id}")).is_some(), "{id}");
                        assert!(find(&host, &format!("reveal-{id}")).is_some(), "{id}");
                        // The number itself is not on the page under its id.
                        assert!(find(&host, id).is_none(), "{} shows {id}", step.slug());
                    }
                }
            }
            host.remove();
        }
    }
    // Not an empty search: the forward values, factors, shares and updates have six digits.
    assert!(searched > 200, "only {searched} numbers searched");
}

/// Types `text` into question `id`'s field and presses its check button.
fn answer(host: &web_sys::HtmlElement, id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = get(host, &format!("answer-{id}")).unchecked_into();
    input.set_value(text);
    let button: web_sys::HtmlElement = get(host, &format!("check-{id}")).unchecked_into();
    button.click();
}

fn verdict(host: &web_sys::HtmlElement, id: &str) -> (String, String) {
    let v = get(host, &format!("verdict-{id}"));
    (
        v.get_attribute("data-verdict").unwrap(),
        v.get_attribute("data-diagnosis").unwrap(),
    )
}

/// The w21 chain worked factor by factor, with Mazur's published numbers as the answers (a
/// comma as the decimal point once); a wrong factor is diagnosed; each solved number is shown
/// again under its id; the paths question comes first.
#[wasm_bindgen_test]
async fn the_w21_chain_is_answered_factor_by_factor() {
    forget();
    let host = mount(practising(Step::Grad(Param::W21), None));
    settle().await;
    assert!(find(&host, "factor-1-1").is_none() && find(&host, "answer-factor-1-1").is_none());
    // How many paths reach w21? Two is wrong, one is right.
    let choice = |k: usize| -> web_sys::HtmlElement { get(&host, &format!("choice-paths-w21-{k}")).unchecked_into() };
    choice(1).click();
    settle().await;
    assert_eq!(verdict(&host, "paths-w21").0, "incorrect");
    choice(0).click();
    settle().await;
    assert_eq!(verdict(&host, "paths-w21").0, "correct");
    // Mazur (2015), "A Step by Step Backpropagation Example": dE/dout_o1 = 0.74136507,
    // dout_o1/dnet_o1 = 0.186815602, dnet_o1/dw5 = out_h1 = 0.593269992.
    // The sign mistake first: t − Y instead of Y − t.
    answer(&host, "factor-1-1", "-0.741365");
    settle().await;
    assert_eq!(verdict(&host, "factor-1-1"), ("incorrect".into(), "sign".into()));
    assert!(find(&host, "factor-1-1").is_none());
    answer(&host, "factor-1-1", "0,741365");
    answer(&host, "factor-1-2", "0.186816");
    answer(&host, "factor-1-3", "0.593270");
    settle().await;
    for (id, published) in [
        ("factor-1-1", 0.74136507),
        ("factor-1-2", 0.186815602),
        ("factor-1-3", 0.593269992),
    ] {
        assert_eq!(verdict(&host, id).0, "correct", "{id}");
        assert!((value(&host, id) - published).abs() < 1e-8, "{id} shown again");
    }
    // dE/dw5 = 0.082167041: the product, the sum and the gradient are one question.
    answer(&host, "grad-w21", "0.0822");
    settle().await;
    assert_eq!(verdict(&host, "grad-w21").0, "correct");
    assert!((value(&host, "grad-w21") - 0.082167041).abs() < 1e-9);
    assert!((value(&host, "path-1") - 0.082167041).abs() < 1e-9);
    // All five solved: the step's count says so.
    let p = get(&host, "practice-step-progress");
    assert_eq!(p.get_attribute("data-value").as_deref(), Some("5"));
    assert_eq!(p.get_attribute("data-total").as_deref(), Some("5"));
    host.remove();
    // Mounted again (as after a reload), the progress is read back from local storage.
    let host = mount(practising(Step::Grad(Param::W21), None));
    settle().await;
    assert!((value(&host, "grad-w21") - 0.082167041).abs() < 1e-9);
    assert_eq!(
        get(&host, "practice-progress").get_attribute("data-value").as_deref(),
        Some("5")
    );
    host.remove();
    forget();
}

/// On w11: one path only is diagnosed as a missing path, a flipped sign as a sign mistake, and a
/// reveal shows the number without an answer.
#[wasm_bindgen_test]
async fn w11_mistakes_are_diagnosed() {
    forget();
    let host = mount(practising(Step::Grad(Param::W11), None));
    settle().await;
    let reveal = |id: &str| {
        let b: web_sys::HtmlElement = get(&host, &format!("reveal-{id}")).unchecked_into();
        b.click();
    };
    reveal("paths-w11");
    settle().await;
    // Mazur: w1 0.15 -> 0.149780716 at lr 0.5, so dE/dw1 = 0.000438568; of it, the path through
    // Error1 is dE1/dout_h1 · dout_h1/dnet_h1 · i1 = 0.055399425 · 0.241300709 · 0.05.
    let path1 = 0.055399425 * 0.241300709 * 0.05;
    answer(&host, "grad-w11", &format!("{path1}"));
    settle().await;
    assert_eq!(verdict(&host, "grad-w11"), ("incorrect".into(), "missing-path".into()));
    answer(&host, "grad-w11", "-0.000438568");
    settle().await;
    assert_eq!(verdict(&host, "grad-w11"), ("incorrect".into(), "sign".into()));
    assert!(find(&host, "grad-w11").is_none());
    reveal("path-sum");
    settle().await;
    assert!((value(&host, "grad-w11") - 0.000438568).abs() < 1e-9);
    host.remove();
    forget();
}

/// The answer sheet lists the lesson's questions with the worked example's published answers.
#[wasm_bindgen_test]
async fn the_answer_sheet_lists_every_question() {
    let host = support::host();
    leptos::mount::mount_to(host.clone(), || {
        view! { <backprop_lab::ui::AnswerSheet seed=None lang=Lang::En /> }
    })
    .forget();
    settle().await;
    let sheet = practice::Sheet::for_seed(None).unwrap();
    let rows = host.query_selector_all("tbody tr").unwrap().length() as usize;
    assert_eq!(rows, sheet.len());
    // Mazur: dE/dw5 = 0.082167041, shown with six digits.
    assert_eq!(
        get(&host, "sheet-grad-w21-factor-1-1").text_content().unwrap(),
        "0.741365"
    );
    assert_eq!(get(&host, "sheet-grad-w21-path-1").text_content().unwrap(), "0.082167");
    host.remove();
}
