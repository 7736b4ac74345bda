//! End-to-end tests of the release build as a static host serves it: under a sub-path
//! (`trunk build --release --public-url /course/ml/`) and under a strict Content-Security-Policy.
//!
//! Needs `trunk build --release` (dist/) and
//! `trunk build --release --public-url /course/ml/ --dist target/dist-course-ml` first
//! (scripts/test.sh runs both).
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::path::{Path, PathBuf};

use harness::{strict_csp, with_site, Page, Site, VIOLATIONS_PROBE};
use serde_json::json;

const PREFIX: &str = "/course/ml";

fn subpath_dist() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dist-course-ml");
    assert!(
        dir.join("index.html").is_file(),
        "{}/index.html is missing: run `trunk build --release --public-url {PREFIX}/ --dist target/dist-course-ml` \
         first (scripts/test.sh does)",
        dir.display()
    );
    dir
}

/// Every request the page made was answered 200 and lay under the site's prefix; the
/// stylesheet, the JS glue and the wasm were among them.
fn assert_assets_loaded(page: &Page, prefix: &str) {
    let requests = page.requests();
    for (target, code) in &requests {
        assert_eq!(*code, 200, "{target} answered {code}; all requests: {requests:?}");
        assert!(
            target.starts_with(&format!("{prefix}/")),
            "{target} is outside {prefix}/"
        );
    }
    for ext in [".css", ".js", "_bg.wasm"] {
        assert!(
            requests.iter().any(|(t, _)| t.ends_with(ext)),
            "no {ext} was requested: {requests:?}"
        );
    }
}

/// Served under /course/ml/: the assets load from there, a deep link opens its step with its
/// values, the address bar follows the lesson without leaving the sub-path, and a reload of that
/// address restores the same step and values.
#[tokio::test]
async fn e2e_subpath_assets_deep_link_and_reload() {
    let site = Site {
        dir: Some(subpath_dist()),
        prefix: PREFIX.into(),
        ..Site::default()
    };
    with_site(site, "/course/ml/?step=grad-w11&w21=0.3", |page: Page| async move {
        assert_eq!(page.attr("step", "data-slug").await, "grad-w11");
        assert_eq!(page.value("param-w21").await, 0.3);
        page.wait("path-sum").await;
        // The stylesheet applies (main.css gives the body a margin of 0 or a font; check it loaded).
        page.wait_js(
            "document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0",
            json!(true),
        )
        .await;
        assert_assets_loaded(&page, PREFIX);
        page.assert_no_panic().await;

        // Step on: the address bar keeps the sub-path and carries the new step and w21.
        page.click("next").await;
        let slug = page.wait_attr_change("step", "data-slug", "grad-w11").await;
        page.wait_js(
            &format!("new URLSearchParams(location.search).get('step') === {slug:?}"),
            json!(true),
        )
        .await;
        assert_eq!(page.js("location.pathname").await, json!("/course/ml/"));
        assert_eq!(
            page.js("new URLSearchParams(location.search).get('w21')").await,
            json!("0.3")
        );

        // Reload: the same step and values come back, assets again from the sub-path.
        page.client.refresh().await.expect("reload");
        assert_eq!(page.attr("step", "data-slug").await, slug);
        assert_eq!(page.value("param-w21").await, 0.3);
        assert_eq!(page.js("location.pathname").await, json!("/course/ml/"));
        assert_assets_loaded(&page, PREFIX);
        page.assert_no_panic().await;
    })
    .await;
}

/// Under `script-src 'self' 'wasm-unsafe-eval' 'sha256-<Trunk's inline loader>'` (no
/// 'unsafe-inline', no 'unsafe-eval', nothing from another origin) the app renders and works
/// through lessons with charts, the training step and the playground with no violation, and every
/// resource the page loaded came from its own origin.
#[tokio::test]
async fn e2e_strict_csp_renders_and_stays_on_origin() {
    let site = Site {
        headers: vec![("Content-Security-Policy".into(), strict_csp())],
        probe: Some(VIOLATIONS_PROBE.into()),
        ..Site::default()
    };
    with_site(site, "/?step=grad-w11", |page: Page| async move {
        page.wait("path-sum").await;
        for path in [
            "/?step=forward",
            "/?step=descent",
            "/?step=train&lang=en",
            "/?step=graph",
            "/?step=playground&expr=(x%2By)*z&x=-2&y=5&z=-4",
        ] {
            page.goto(path).await;
            page.wait("next").await;
            page.assert_no_panic().await;
        }
        assert_eq!(page.value("grad-z").await, 3.0);
        page.goto("/?step=train").await;
        page.click("train-step").await;
        page.wait_js(
            "document.querySelector('[data-testid=\"train-steps\"]').dataset.value",
            json!("1"),
        )
        .await;
        assert_eq!(page.js("window.__violations").await, json!([]));
        let foreign = page
            .js("performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin + '/'))")
            .await;
        assert_eq!(foreign, json!([]), "resources from another origin");
        let requests = page.requests();
        assert!(requests.iter().all(|(_, code)| *code == 200), "{requests:?}");
    })
    .await;
}

/// Control: the same policy without the loader's hash blocks the app (so the header is in force
/// and the hash is what lets the loader run).
#[tokio::test]
async fn e2e_strict_csp_without_the_loader_hash_blocks_the_app() {
    let full = strict_csp();
    let start = full.find(" 'sha256-").unwrap();
    let end = start + 2 + full[start + 2..].find('\'').unwrap() + 1;
    let without_hash = format!("{}{}", &full[..start], &full[end..]);
    assert!(
        without_hash.contains("script-src 'self' 'wasm-unsafe-eval'; style-src"),
        "{without_hash}"
    );
    let site = Site {
        headers: vec![("Content-Security-Policy".into(), without_hash)],
        probe: Some(VIOLATIONS_PROBE.into()),
        ..Site::default()
    };
    with_site(site, "/", |page: Page| async move {
        page.wait_js(
            "window.__violations.some((v) => v.startsWith('script-src'))",
            json!(true),
        )
        .await;
        // Everything the page loads has loaded, and it has drawn frames since: a loader that ran
        // would have mounted the app by then.
        page.wait_js("document.readyState", json!("complete")).await;
        page.frames(5).await;
        assert_eq!(
            page.count("next").await,
            0,
            "the app ran although its loader was blocked"
        );
    })
    .await;
}
