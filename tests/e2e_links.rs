//! End-to-end reloads in the release build: the address the page writes loads the same page (tiny numbers, refused updates and runs, playground variables named like lesson keys); old links and a bad answer-sheet seed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{with_page, Page};
use serde_json::json;

/// Every `data-testid` with a `data-value` on the page, as `id=value`, in document order: what the
/// page shows, to the full precision it holds.
async fn shown(page: &Page) -> serde_json::Value {
    page.js("Array.from(document.querySelectorAll('[data-testid][data-value]'))\
         .map(e => e.dataset.testid + '=' + e.dataset.value)")
        .await
}

/// Opens the address the page wrote (its current `location.search`) afresh, as a reload or a
/// shared link would, and checks that no key of it was refused.
async fn reload(page: &Page, ready: &str) -> String {
    let search = page.js("location.search").await.as_str().unwrap().to_owned();
    page.goto(&format!("/{search}")).await;
    page.wait(ready).await;
    assert_eq!(page.count("url-msg").await, 0, "nothing refused in {search}");
    search
}

/// Whether the address has `key` (as `URLSearchParams.has`).
async fn has(page: &Page, key: &str) -> bool {
    page.js(&format!("new URLSearchParams(location.search).has('{key}')"))
        .await
        .as_bool()
        .unwrap()
}

/// `?x1=1e-70` was accepted, written back as a 72-character decimal and refused on reload.
#[tokio::test]
async fn e2e_a_tiny_number_reloads_the_same() {
    with_page("/?step=grad-w11&lang=en&x1=1e-70&lr=5e-324", |page: Page| async move {
        page.wait("value-x1").await;
        assert_eq!(page.value("value-x1").await, 1e-70);
        assert_eq!(page.count("url-msg").await, 0);
        page.wait_js("location.search.includes('x1=1e-70')", json!(true)).await;
        let before = shown(&page).await;
        let search = reload(&page, "value-x1").await;
        assert!(search.contains("lr=5e-324"), "{search}");
        assert_eq!(page.value("value-x1").await, 1e-70);
        assert_eq!(shown(&page).await, before);
        // The field shows it as the address does, so editing it reads back (64 characters at most).
        assert_eq!(
            page.js("document.querySelector('[data-testid=\"edit-x1\"]').value")
                .await,
            json!("1e-70")
        );
        page.assert_no_panic().await;
    })
    .await;
}

/// A link every field accepts (x1 = 1e6, lr = 100) whose update would take w11 to about -5.3e6
/// (tests/range.rs works it out by hand): "apply" is refused with the reason, nothing beyond the
/// range reaches the address, and an update in range applied three times reloads the same.
#[tokio::test]
async fn e2e_an_update_beyond_the_range_is_refused_and_applied_ones_reload_the_same() {
    let far = "/?step=update&lang=en&x1=1000000&w11=0&w12=0&w21=1&w22=-1&lr=100";
    with_page(far, |page: Page| async move {
        let why = page.wait("apply-refused").await.text().await.unwrap();
        assert!(why.contains("w11") && why.contains("1000000"), "{why}");
        assert_eq!(
            page.js("document.querySelector('[data-testid=\"apply-update\"]').disabled")
                .await,
            json!(true)
        );
        page.js("(document.querySelector('[data-testid=\"apply-update\"]').click(), true)")
            .await;
        page.wait_js("location.search.includes('lr=100')", json!(true)).await;
        let before = shown(&page).await;
        reload(&page, "apply-refused").await;
        assert_eq!(shown(&page).await, before);

        // In range: the worked example at lr = 100, applied three times.
        page.goto("/?step=update&lang=en&lr=100").await;
        for _ in 0..3 {
            let old = page.attr("old-w11", "data-value").await;
            page.click("apply-update").await;
            page.wait_attr_change("old-w11", "data-value", &old).await;
        }
        assert_eq!(page.count("apply-refused").await, 0);
        page.wait_js("location.search.includes('w11=')", json!(true)).await;
        let before = shown(&page).await;
        reload(&page, "old-w11").await;
        assert_eq!(shown(&page).await, before);
        page.assert_no_panic().await;
    })
    .await;
}

/// The same state on the training step: the step is not taken, the run says why, and the page
/// (with "use these parameters" tried) reloads the same.
#[tokio::test]
async fn e2e_a_training_step_beyond_the_range_stops_and_the_page_reloads_the_same() {
    let far = "/?step=train&lang=en&x1=1000000&w11=0&w12=0&w21=1&w22=-1&lr=100";
    with_page(far, |page: Page| async move {
        page.click("train-step").await;
        let why = page.wait("train-message").await.text().await.unwrap();
        assert!(why.contains("w11") && why.contains("1000000"), "{why}");
        assert_eq!(page.value("train-steps").await, 0.0, "the step was not taken");
        page.js("(document.querySelector('[data-testid=\"train-apply\"]').click(), true)")
            .await;
        page.wait_js("location.search.includes('lr=100')", json!(true)).await;
        assert_eq!(page.value("param-w11").await, 0.0);
        let before = shown(&page).await;
        reload(&page, "train-status").await;
        assert_eq!(shown(&page).await, before);
        page.assert_no_panic().await;
    })
    .await;
}

/// Playground variables named like lesson keys (w11, x1, seed) stay in the playground: the
/// address names them under `v.`, a reload leaves the network alone, and an expression that does
/// not build reloads with the same last good graph under its error.
#[tokio::test]
async fn e2e_playground_variables_do_not_reach_the_lesson() {
    with_page("/?step=playground&lang=en&expr=w11*x1%2Bseed", |page: Page| async move {
        page.wait("var-w11").await;
        page.set_value("var-w11", "3").await;
        page.set_value("var-seed", "7").await;
        page.wait_js("new URLSearchParams(location.search).get('v.seed')", json!("7")).await;
        for key in ["w11", "x1", "seed"] {
            assert!(!has(&page, key).await, "{key} is a lesson key");
        }
        // f = 3 · 1 + 7 (x1 is 1 until given).
        assert_eq!(page.value("value-result").await, 10.0);
        let before = shown(&page).await;
        reload(&page, "var-w11").await;
        assert_eq!(shown(&page).await, before);
        // The address written after the reload names no lesson key: the network kept the
        // worked example and drew nothing.
        for key in ["w11", "x1", "seed"] {
            assert!(!has(&page, key).await, "{key} after the reload");
        }

        // A text that does not build: the last good graph stays, and so it does after a reload.
        page.set_value("expr-input", "w11*x1+").await;
        page.js(
            "(document.querySelector('[data-testid=\"expr-input\"]').dispatchEvent(new Event('input', { bubbles: true })), true)",
        )
        .await;
        page.wait("expr-error").await;
        page.wait_js("new URLSearchParams(location.search).get('expr')", json!("w11*x1+")).await;
        let before = shown(&page).await;
        reload(&page, "expr-error").await;
        assert_eq!(page.value("value-result").await, 10.0);
        assert_eq!(shown(&page).await, before);
        page.assert_no_panic().await;
    })
    .await;
}

/// README's playground link, written before the `v.` prefix, loads as it did (CS231n's
/// (x + y) z = (−2 + 5)(−4) = −12), and the address written for it reloads the same.
#[tokio::test]
async fn e2e_an_old_playground_link_still_loads() {
    with_page(
        "/?step=playground&expr=(x%2By)*z&x=-2&y=5&z=-4&lang=en",
        |page: Page| async move {
            page.wait("value-result").await;
            assert_eq!(page.value("value-result").await, -12.0);
            page.wait_js("new URLSearchParams(location.search).get('v.x')", json!("-2"))
                .await;
            let before = shown(&page).await;
            reload(&page, "value-result").await;
            assert_eq!(page.value("value-result").await, -12.0);
            assert_eq!(shown(&page).await, before);
            page.assert_no_panic().await;
        },
    )
    .await;
}

/// `?step=answers&seed=abc` opened the first lesson; it opens the answer sheet (of the worked
/// example) and names the refused seed, as a refused value is named on the lab.
#[tokio::test]
async fn e2e_an_answer_sheet_with_a_bad_seed_says_so() {
    with_page("/?step=answers&seed=abc&lang=en", |page: Page| async move {
        let notice = page.wait("url-msg").await.text().await.unwrap();
        assert!(notice.contains("seed"), "{notice}");
        page.wait("answer-sheet").await;
        assert_eq!(page.count("step").await, 0, "not the lab");
        page.assert_no_panic().await;
    })
    .await;
}
