//! End-to-end tests of editing in the release build: an edited weight's link restores the same numbers in a fresh tab; a bad link keeps its defaults.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{with_page, Page};
use serde_json::json;

/// Every number the network diagram shows: its parameters, node values, and lr.
const SHOWN: [&str; 28] = [
    "param-w11",
    "param-w12",
    "param-w13",
    "param-w14",
    "param-w21",
    "param-w22",
    "param-w23",
    "param-w24",
    "param-b1",
    "param-b2",
    "param-b3",
    "param-b4",
    "param-lr",
    "value-x1",
    "value-x2",
    "value-t1",
    "value-t2",
    "value-h1",
    "value-h2",
    "value-H1",
    "value-H2",
    "value-y1",
    "value-y2",
    "value-Y1",
    "value-Y2",
    "value-Error1",
    "value-Error2",
    "value-E",
];

async fn shown(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    for id in SHOWN {
        out.push(page.attr(id, "data-value").await);
    }
    out
}

/// Edit w21 (with a comma) and lr, take the link from the page, open it in a new tab: the same
/// `data-value`s, and the fields show the edited values.
#[tokio::test]
async fn e2e_edited_weight_link_restores_the_same_numbers_in_a_fresh_tab() {
    with_page("/?step=grad-w21&lang=en", |page: Page| async move {
        let before = page.attr("value-E", "data-value").await;
        // Typed with a decimal comma; the field then shows 0.3.
        page.wait("edit-w21").await;
        page.js(
            "(() => { const el = document.querySelector('[data-testid=\"edit-w21\"]'); el.value = '0,3'; \
             el.dispatchEvent(new Event('change', { bubbles: true })); return true; })()",
        )
        .await;
        page.wait_js(
            "document.querySelector('[data-testid=\"param-w21\"]').dataset.value",
            json!("0.3"),
        )
        .await;
        page.set_value("edit-lr", "0.25").await;
        page.wait_js(
            "document.querySelector('[data-testid=\"param-lr\"]').dataset.value",
            json!("0.25"),
        )
        .await;
        assert_ne!(page.attr("value-E", "data-value").await, before, "E follows the edit");
        let want = shown(&page).await;
        let grad = page.attr("grad-w21", "data-value").await;

        page.click("copy-link").await;
        page.wait("copy-msg").await;
        let link = page
            .js("document.querySelector('[data-testid=\"link\"]').value")
            .await
            .as_str()
            .expect("the link field")
            .to_owned();
        assert_eq!(
            page.js("location.href").await,
            json!(link),
            "the link is the address bar"
        );
        assert!(link.contains("w21=0.3") && link.contains("lr=0.25") && link.contains("step=grad-w21"));

        let tab = page.client.new_window(true).await.expect("a new tab");
        page.client.switch_to_window(tab.handle).await.expect("switch to it");
        page.client.goto(&link).await.expect("open the link");
        page.wait("param-w21").await;
        assert_eq!(shown(&page).await, want, "same numbers from the link");
        assert_eq!(page.attr("grad-w21", "data-value").await, grad);
        assert_eq!(page.attr("step", "data-slug").await, "grad-w21");
        assert_eq!(
            page.js("document.querySelector('[data-testid=\"edit-w21\"]').value")
                .await,
            json!("0.3")
        );
        assert_eq!(page.count("url-msg").await, 0);
        page.assert_no_panic().await;
    })
    .await;
}

/// A link with bad and repeated values: the defaults stay, the refused keys are named, no HTML is made.
#[tokio::test]
async fn e2e_bad_link_keeps_defaults_and_names_the_refused_keys() {
    let img = "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    let path = format!("/?lang=en&w21={img}&w22=0%2C7&w23=1e999&lr=0&w24=0.1&w24=0.9&zzz=1&b1=NaN");
    with_page(&path, |page: Page| async move {
        let notice = page.wait("url-msg").await.text().await.unwrap();
        // Listed in the order of the URL keys the app reads (lr before the parameters).
        assert!(notice.contains("lr, w21, w23, b1"), "{notice}");
        assert_eq!(page.value("param-w21").await, 0.4);
        assert_eq!(page.value("param-w22").await, 0.7);
        assert_eq!(page.value("param-w23").await, 0.45);
        assert_eq!(page.value("param-w24").await, 0.1);
        assert_eq!(page.value("param-lr").await, 0.5);
        assert_eq!(page.value("param-b1").await, 0.35);
        assert_eq!(page.js("document.querySelectorAll('img').length").await, json!(0));
        page.assert_no_panic().await;
    })
    .await;
}

/// Each new step is a browser history entry: Back and Forward move between steps; an edit
/// replaces the current entry instead of adding one.
#[tokio::test]
async fn e2e_browser_back_and_forward_move_between_steps() {
    with_page("/?lang=en", |page: Page| async move {
        let slug = "document.querySelector('[data-testid=\"step\"]').dataset.slug";
        page.wait("next").await;
        page.click("next").await;
        page.wait_js(slug, json!("forward-hidden-sum")).await;
        page.click("next").await;
        page.wait_js(slug, json!("forward-hidden-out")).await;
        let entries = page.js("history.length").await;
        page.set_value("edit-w11", "0.5").await;
        page.wait_js(
            "document.querySelector('[data-testid=\"param-w11\"]').dataset.value",
            json!("0.5"),
        )
        .await;
        // The address bar already has the typed value (it is written right after the page).
        assert_eq!(
            page.js("new URLSearchParams(location.search).get('w11')").await,
            json!("0.5"),
            "the address bar follows a typed edit"
        );
        assert_eq!(
            page.js("history.length").await,
            entries,
            "an edit adds no history entry"
        );
        page.js("(history.back(), true)").await;
        page.wait_js(slug, json!("forward-hidden-sum")).await;
        page.js("(history.back(), true)").await;
        page.wait_js(slug, json!("forward")).await;
        page.js("(history.forward(), true)").await;
        page.wait_js(slug, json!("forward-hidden-sum")).await;
        assert_eq!(
            page.value("param-w11").await,
            0.5,
            "the values stay on Back and Forward"
        );
        page.assert_no_panic().await;
    })
    .await;
}

/// A slider drag moves the value many times a second: the address bar is written a few times,
/// not once per move, and ends with the last value; the drag adds no history entry. A step
/// change right after is written at once.
#[tokio::test]
async fn e2e_a_slider_drag_writes_the_address_bar_a_few_times_and_ends_with_the_last_value() {
    with_page("/?step=grad-w21&lang=en", |page: Page| async move {
        page.wait("edit-slider-w21").await;
        let entries = page.js("history.length").await;
        // Count the page's writes to its history entry from here on.
        page.js(
            "(() => { window.__writes = 0; const r = history.replaceState.bind(history); \
             history.replaceState = (...a) => { window.__writes++; return r(...a); }; return true; })()",
        )
        .await;
        // 40 moves, one every 4 ms (a drag across the slider), from 0.30 to 0.69.
        let last = page
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 const el = document.querySelector('[data-testid=\"edit-slider-w21\"]'); \
                 let i = 0; const t = setInterval(() => { \
                   el.value = (0.30 + 0.01 * i).toFixed(2); \
                   el.dispatchEvent(new Event('input', { bubbles: true })); \
                   if (++i === 40) { clearInterval(t); el.dispatchEvent(new Event('change', { bubbles: true })); done(el.value); } \
                 }, 4);",
                vec![],
            )
            .await
            .expect("the drag");
        assert_eq!(last, json!("0.69"));
        page.wait_js("new URLSearchParams(location.search).get('w21')", json!("0.69")).await;
        let writes = page.js("window.__writes").await.as_i64().unwrap();
        assert!((1..=5).contains(&writes), "{writes} writes of the address bar for 40 moves");
        assert_eq!(page.js("history.length").await, entries, "a drag adds no history entry");
        assert_eq!(page.value("param-w21").await, 0.69);

        // Next is written at once: a new entry with the new step and the dragged value.
        page.click("next").await;
        page.wait_attr_change("step", "data-slug", "grad-w21").await;
        assert_eq!(
            page.js("history.length").await.as_i64().unwrap(),
            entries.as_i64().unwrap() + 1
        );
        assert_eq!(
            page.js("new URLSearchParams(location.search).get('w21')").await,
            json!("0.69")
        );
        page.assert_no_panic().await;
    })
    .await;
}
