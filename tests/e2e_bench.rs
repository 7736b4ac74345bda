//! Measurements for `scripts/bench.sh` (not part of `scripts/test.sh`): time to interactive over
//! ten loads and the update time of one step (or one weight edit) over 100 changes, in the release
//! build in dist/ served on loopback. Each prints `name=<value>` lines (run with `--nocapture`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{with_site, Page, Site};
use serde_json::json;

/// Runs first in the `<head>` (before Trunk's loader): records `performance.now()` (milliseconds
/// since navigation start) when the first lesson's `next` button is in the document. Leptos
/// attaches a button's handlers before inserting it, so from then on the lesson is interactive.
const TTI_PROBE: &str = r#"(function () {
  var obs = new MutationObserver(function () {
    if (document.querySelector('[data-testid="next"]')) {
      window.__tti = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document, { childList: true, subtree: true });
})();"#;

fn median_p95(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    // Nearest-rank p95.
    let p95 = v[((0.95 * n as f64).ceil() as usize).clamp(1, n) - 1];
    (median, p95)
}

fn site_with_probe() -> Site {
    Site {
        probe: Some(TTI_PROBE.into()),
        ..Site::default()
    }
}

/// Median of 10 loads (after one warm-up load that is not counted): navigation start to the
/// first lesson's `next` button in the document.
#[tokio::test]
async fn e2e_bench_time_to_interactive() {
    with_site(site_with_probe(), "/", |page: Page| async move {
        page.wait_js("typeof window.__tti", json!("number")).await;
        let mut loads = Vec::new();
        for _ in 0..10 {
            page.goto("/").await;
            page.wait_js("typeof window.__tti", json!("number")).await;
            loads.push(page.js("window.__tti").await.as_f64().unwrap());
            page.assert_no_panic().await;
        }
        let all: Vec<String> = loads.iter().map(|t| format!("{t:.1}")).collect();
        let (median, _) = median_p95(loads);
        println!("time_to_interactive_ms={median:.1}");
        println!("time_to_interactive_ms_all={}", all.join(","));
    })
    .await;
}

/// Runs `n` changes in the page, each timed with `performance.now()` from the change until the
/// first macrotask after it in which `done()` holds. Leptos runs its effects (values, highlights,
/// charts) as microtasks, so by then every one of them has run. Returns the times in ms.
async fn time_changes(page: &Page, n: usize, setup: &str, change: &str, done: &str) -> Vec<f64> {
    let script = format!(
        r#"const finish = arguments[arguments.length - 1];
(async () => {{
  const ch = new MessageChannel();
  const tick = () => new Promise((r) => {{ ch.port1.onmessage = () => r(); ch.port2.postMessage(0); }});
  const times = [];
  {setup}
  for (let i = 0; i < {n}; i++) {{
    let before;
    const t0 = performance.now();
    {change}
    let spins = 0;
    do {{ await tick(); spins++; }} while (!({done}) && spins < 10000);
    if (spins >= 10000) throw new Error('change ' + i + ' did not show');
    times.push(performance.now() - t0);
  }}
  finish(times);
}})().catch((e) => finish(String(e)));"#
    );
    let got = page
        .client
        .execute_async(&script, vec![])
        .await
        .unwrap_or_else(|e| panic!("timing script: {e}"));
    let times: Vec<f64> = got
        .as_array()
        .unwrap_or_else(|| panic!("timing script failed: {got}"))
        .iter()
        .map(|t| t.as_f64().unwrap())
        .collect();
    assert_eq!(times.len(), n);
    times
}

/// 100 edits of w21 (`edit-w21`, when the page has that field) or else 100 clicks on `next`
/// (turning back with `prev` at the last step): median and p95 until the page has updated.
#[tokio::test]
async fn e2e_bench_update_time() {
    with_site(Site::default(), "/?step=grad-w21", |page: Page| async move {
        page.wait("next").await;
        // The app mounts in one go: one drawn frame after `next` is there, its fields are too.
        page.frames(1).await;
        if page.count("edit-w21").await > 0 {
            let times = time_changes(
                &page,
                100,
                "const el = () => document.querySelector('[data-testid=\"edit-w21\"]'); \
                 const E = () => document.querySelector('[data-testid=\"value-E\"]').dataset.value;",
                "before = E(); el().value = (0.3 + 0.001 * (i + 1)).toFixed(3); \
                 el().dispatchEvent(new Event('input', { bubbles: true })); \
                 el().dispatchEvent(new Event('change', { bubbles: true }));",
                "E() !== before",
            )
            .await;
            let (median, p95) = median_p95(times);
            println!("edit_update_ms_median={median:.2}");
            println!("edit_update_ms_p95={p95:.2}");
        } else {
            println!(
                "edit_update=unavailable (no [data-testid=edit-w21] in this build; measured next/prev steps instead)"
            );
        }
        page.goto("/").await;
        page.wait("next").await;
        let times = time_changes(
            &page,
            100,
            "const slug = () => document.querySelector('[data-testid=\"step\"]').dataset.slug; \
             let dir = 'next';",
            "let btn = document.querySelector(`[data-testid=\"${dir}\"]`); \
             if (btn.disabled) { dir = dir === 'next' ? 'prev' : 'next'; \
               btn = document.querySelector(`[data-testid=\"${dir}\"]`); } \
             before = slug(); btn.click();",
            "slug() !== before",
        )
        .await;
        let (median, p95) = median_p95(times);
        println!("step_update_ms_median={median:.2}");
        println!("step_update_ms_p95={p95:.2}");
        page.assert_no_panic().await;
    })
    .await;
}

/// Practice mode: 100 checks of an answer on `forward-hidden-sum` (alternately −0.3775, a sign
/// mistake, and 2, an unknown one: both wrong, so the question stays and its verdict changes), each timed from the click until the first macrotask in which
/// the practice box has changed: the request to the worker, its judgement and the page's update.
#[tokio::test]
async fn e2e_bench_practice_check_time() {
    with_site(Site::default(), "/?step=forward-hidden-sum&practice=1", |page: Page| async move {
        page.wait("answer-value-h1").await;
        let times = time_changes(
            &page,
            100,
            "window.__m = 0; \
             new MutationObserver(() => { window.__m++; }).observe(\
               document.querySelector('[data-testid=\"practice-box\"]').parentNode, { childList: true, subtree: true });",
            "before = window.__m; \
             document.querySelector('[data-testid=\"answer-value-h1\"]').value = i % 2 ? '2' : '-0.3775'; \
             document.querySelector('[data-testid=\"check-value-h1\"]').click();",
            "window.__m !== before && document.querySelector('[data-testid=\"verdict-value-h1\"]')",
        )
        .await;
        let (median, p95) = median_p95(times);
        println!("practice_check_ms_median={median:.2}");
        println!("practice_check_ms_p95={p95:.2}");
        page.assert_no_panic().await;
    })
    .await;
}
