//! End-to-end tests: the release build in dist/ in headless Chromium, checked against an independent reference.
//!
//! Needs `trunk build --release` first (scripts/test.sh runs it). Browser tests are named `e2e_*`
//! so that the quick native run can skip them (`cargo test -- --skip e2e_`).
//! Tests marked ACCEPTANCE pin the lesson UI's DOM contract (`data-testid`, `data-value`, `data-slug`, URL query).
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
mod harness;
#[path = "e2e/reference.rs"]
mod reference;

use harness::{with_page, Page};
use reference::{assert_close, MAZUR};
use serde_json::json;

/// The reference itself reproduces Mazur's published numbers (rounded to 9 decimals). No browser.
#[test]
fn reference_reproduces_mazur_numbers() {
    let f = MAZUR.forward();
    assert!((f.E - 0.298371109).abs() < 1e-9, "E = {}", f.E);
    let dw21: f64 = MAZUR.dw21_factors().iter().product();
    assert!((dw21 - 0.082167041).abs() < 1e-9, "dE/dw21 = {dw21}");
    // Mazur: w1 (our w11) becomes 0.149780716 after one step with lr 0.5.
    let dw11: f64 = MAZUR.dw11_paths().iter().sum();
    assert!((MAZUR.w11 - 0.5 * dw11 - 0.149780716).abs() < 1e-9, "dE/dw11 = {dw11}");
    assert!((dw11 - 0.000438568).abs() < 2e-9, "dE/dw11 = {dw11}");
}

/// Harness smoke test: the built app loads, its wasm runs and renders the title, nothing panics.
#[tokio::test]
async fn e2e_app_loads_and_renders() {
    with_page("/", |page: Page| async move {
        assert_eq!(page.client.title().await.unwrap(), "Backprop Lab");
        page.wait_js("document.body.innerText.includes('Backprop Lab')", json!(true))
            .await;
        page.assert_no_panic().await;
    })
    .await;
}

/// ACCEPTANCE: dE/dw11 on its chain-rule step: two paths, their sum, against the closed form.
#[tokio::test]
async fn e2e_grad_w11_two_paths_sum_to_gradient() {
    with_page("/?step=grad-w11", |page: Page| async move {
        let [p1, p2] = MAZUR.dw11_paths();
        let (g1, g2) = (page.value("path-1").await, page.value("path-2").await);
        let (sum, grad) = (page.value("path-sum").await, page.value("grad-w11").await);
        assert_close("path-1", g1, p1);
        assert_close("path-2", g2, p2);
        assert_close("path-sum", sum, p1 + p2);
        assert_close("path-1 + path-2 vs path-sum", g1 + g2, sum);
        assert_close("grad-w11", grad, p1 + p2);
        assert!((grad - 0.000438568).abs() < 2e-9, "Mazur's published dE/dw11: {grad}");
        page.assert_no_panic().await;
    })
    .await;
}

/// ACCEPTANCE: next walks through distinct steps starting at forward; prev goes back.
#[tokio::test]
async fn e2e_next_and_prev_walk_the_steps() {
    with_page("/?step=forward", |page: Page| async move {
        let mut seen = vec![page.attr("step", "data-slug").await];
        assert_eq!(seen[0], "forward");
        for _ in 0..3 {
            page.click("next").await;
            let slug = page.wait_attr_change("step", "data-slug", seen.last().unwrap()).await;
            assert!(!seen.contains(&slug), "next revisited {slug:?} after {seen:?}");
            seen.push(slug);
        }
        for back in (0..seen.len() - 1).rev() {
            page.click("prev").await;
            let slug = page.wait_attr_change("step", "data-slug", &seen[back + 1]).await;
            assert_eq!(slug, seen[back], "prev from {:?}", seen[back + 1]);
        }
        page.assert_no_panic().await;
    })
    .await;
}

/// ACCEPTANCE: dE/dw21 is one path of three factors (Y1 - t1), Y1(1 - Y1), H1.
#[tokio::test]
async fn e2e_grad_w21_is_one_path_of_three_factors() {
    with_page("/?step=grad-w21", |page: Page| async move {
        let want = MAZUR.dw21_factors();
        for (j, w) in want.iter().enumerate() {
            assert_close(
                &format!("factor-1-{}", j + 1),
                page.value(&format!("factor-1-{}", j + 1)).await,
                *w,
            );
        }
        let product: f64 = want.iter().product();
        assert_close("path-1", page.value("path-1").await, product);
        assert_close("grad-w21", page.value("grad-w21").await, product);
        assert!((product - 0.082167041).abs() < 1e-9);
        assert_eq!(page.count("factor-1-4").await, 0, "w21 has exactly three factors");
        assert_eq!(page.count("path-2").await, 0, "w21 has exactly one path");
        page.assert_no_panic().await;
    })
    .await;
}

/// ACCEPTANCE: a parameter in the query changes the numbers accordingly.
#[tokio::test]
async fn e2e_query_parameter_changes_the_numbers() {
    with_page("/?w21=0.3&step=grad-w21", |page: Page| async move {
        let net = reference::Net { w21: 0.3, ..MAZUR };
        assert_eq!(page.value("param-w21").await, 0.3);
        let want: f64 = net.dw21_factors().iter().product();
        assert_close("path-1", page.value("path-1").await, want);
        assert_close("grad-w21", page.value("grad-w21").await, want);
        assert_close("E", page.value("value-E").await, net.forward().E);
        page.assert_no_panic().await;
    })
    .await;
}

/// ACCEPTANCE: a malformed query value keeps the default and does not panic.
#[tokio::test]
async fn e2e_malformed_query_keeps_default() {
    with_page("/?w21=abc&step=grad-w21", |page: Page| async move {
        assert_eq!(page.attr("step", "data-slug").await, "grad-w21");
        assert_eq!(page.value("param-w21").await, MAZUR.w21);
        assert_close(
            "grad-w21",
            page.value("grad-w21").await,
            MAZUR.dw21_factors().iter().product(),
        );
        page.assert_no_panic().await;
    })
    .await;
}

/// ACCEPTANCE: `lang=en` switches document language; the default is Korean.
#[tokio::test]
async fn e2e_lang_query_sets_document_language() {
    with_page("/", |page: Page| async move {
        page.wait("step").await;
        page.wait_js("document.documentElement.lang", json!("ko")).await;
        page.goto("/?lang=en").await;
        page.wait("step").await;
        page.wait_js("document.documentElement.lang", json!("en")).await;
        page.assert_no_panic().await;
    })
    .await;
}
