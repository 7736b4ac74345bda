//! End-to-end checks of teaching with the app: presenter mode's marks and type from the back of a room, a clicker's Page Down on a long step, the diagram beside the question, the presenter's editor, the printed handout, Korean line breaks.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{with_page, Page, View};
use serde_json::{json, Value};

const PRESENTER: View = View::desktop(1920, 1080);
const DESKTOP: View = View::desktop(1280, 800);
const PHONE: View = View::phone(390, 844);

/// Opens `query` at `view` and waits for the step indicator.
async fn open(page: &Page, view: View, query: &str) {
    page.emulate(view).await;
    page.goto(query).await;
    page.wait("step").await;
    page.assert_view(view).await;
}

/// Sizes as a class sees them, in screen pixels: the drawn width of a plain edge, of path 1's
/// edge and of the shared double line (the SVG's stroke width times the drawing's scale), the
/// glyph-box height of a node's value, of a bias's and a target's value and of a weight's
/// value, and the charts' text scale (CSS pixels per canvas pixel).
async fn sizes(page: &Page) -> Value {
    page.js("(() => { const svg = document.querySelector('svg.diagram'); \
         const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; \
         const stroke = sel => parseFloat(getComputedStyle(document.querySelector(sel)).strokeWidth) * k; \
         const tall = id => document.querySelector(`[data-testid=\"${id}\"]`).getBoundingClientRect().height; \
         const c = document.querySelector('.chart canvas'); \
         return { plain: stroke('line.edge:not([class*=lit])'), path1: stroke('line.edge.lit-path1'), \
           shared: stroke('line.edge.lit-shared'), value: tall('value-h1'), bias: tall('param-b1'), \
           target: tall('value-t1'), weight: tall('param-w22'), chart: c.clientWidth / c.width }; })()")
        .await
}

fn num(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} missing from {v}"))
}

#[tokio::test]
async fn e2e_presenter_mode_draws_bolder_lines_and_larger_type_than_the_desk_view() {
    with_page("/", |page: Page| async move {
        open(&page, PRESENTER, "/?step=grad-w11").await;
        let desk = sizes(&page).await;
        open(&page, PRESENTER, "/?step=grad-w11&present=1").await;
        let shown = sizes(&page).await;
        eprintln!("desk {desk}\npresenter {shown}");
        // A lit path stands out by width, not by colour alone, and the double line stays double.
        assert!(
            num(&shown, "path1") >= 2.0 * num(&shown, "plain"),
            "path 1 vs a plain edge: {shown}"
        );
        assert!(
            num(&shown, "shared") >= 3.0 * num(&shown, "plain"),
            "shared vs a plain edge: {shown}"
        );
        // Bolder and larger than on the desk, at the same screen size.
        for key in ["plain", "path1", "shared", "value", "bias", "target", "weight"] {
            assert!(
                num(&shown, key) >= num(&desk, key),
                "{key}: presenter {shown} vs desk {desk}"
            );
        }
        // Readable from the back of a room on a 1920x1080 projector: every number in the drawing
        // at least 24 px tall (glyph box), the charts' 15 px labels drawn at least 1.4 times larger.
        for key in ["value", "bias", "target", "weight"] {
            assert!(num(&shown, key) >= 24.0, "{key} is {} px tall", num(&shown, key));
        }
        assert!(num(&shown, "chart") >= 1.4, "chart text scale {}", num(&shown, "chart"));
        page.assert_no_panic().await;
    })
    .await;
}

/// Page Down (`key`) as a clicker sends it: a keydown on the page with nothing focused.
async fn press(page: &Page, key: &str) {
    page.js(&format!(
        "(document.activeElement && document.activeElement.blur(), \
         document.body.dispatchEvent(new KeyboardEvent('keydown', {{ key: {key:?}, bubbles: true, cancelable: true }})), true)"
    ))
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
}

/// (slug, scrollY, at the bottom, diagram fully in the viewport).
async fn where_now(page: &Page) -> (String, f64, bool, bool) {
    let v = page
        .js(
            "(() => { const r = document.querySelector('svg.diagram').getBoundingClientRect(); \
             const e = document.scrollingElement; \
             return [document.querySelector('[data-testid=step]').dataset.slug, scrollY, \
               scrollY + innerHeight >= e.scrollHeight - 2, r.top >= -1 && r.bottom <= innerHeight + 1]; })()",
        )
        .await;
    (
        v[0].as_str().unwrap().to_owned(),
        v[1].as_f64().unwrap(),
        v[2].as_bool().unwrap(),
        v[3].as_bool().unwrap(),
    )
}

#[tokio::test]
async fn e2e_page_down_and_space_scroll_a_long_step_to_its_bottom_before_moving_on() {
    with_page("/", |page: Page| async move {
        for key in ["PageDown", " "] {
            open(&page, PRESENTER, "/?step=grad-w11&present=1").await;
            let (slug, y, bottom, _) = where_now(&page).await;
            assert_eq!((slug.as_str(), y), ("grad-w11", 0.0));
            assert!(!bottom, "grad-w11 is taller than the screen in presenter mode");
            let mut presses = 0;
            loop {
                let before = where_now(&page).await;
                press(&page, key).await;
                presses += 1;
                let now = where_now(&page).await;
                assert!(now.3, "{key:?} press {presses}: the diagram left the screen");
                if now.0 != "grad-w11" {
                    assert!(
                        before.2,
                        "{key:?} left grad-w11 before its bottom (scrollY {})",
                        before.1
                    );
                    // The next step opens at its top, its title in view.
                    assert_eq!(now.1, 0.0, "{key:?}: {} opened scrolled", now.0);
                    break;
                }
                assert!(now.1 > before.1, "{key:?} press {presses} did not scroll");
                assert!(presses < 20);
            }
            assert!(presses >= 2, "{key:?}: grad-w11 needed no scrolling");
            // A teacher who typed a value in the diagram's editor and pressed Enter goes on with
            // the clicker from the field (a teacher's run-through found it stuck there).
            if key == "PageDown" {
                page.goto("/?step=grad-w21&present=1").await;
                page.wait("step").await;
                page.js("(document.querySelector('[data-testid=param-w21]').closest('g').dispatchEvent(new MouseEvent('click', { bubbles: true })), true)").await;
                page.wait("diagram-edit-w21").await;
                page.js(
                    "(() => { const f = document.querySelector('[data-testid=\"diagram-edit-w21\"]'); \
                     f.focus(); f.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true })); \
                     return true; })()",
                )
                .await;
                tokio::time::sleep(std::time::Duration::from_millis(150)).await;
                let (slug, y, _, _) = where_now(&page).await;
                assert!(
                    slug != "grad-w21" || y > 0.0,
                    "Page Down in the editor's field neither scrolled nor stepped"
                );
            }
            // Page Up scrolls back up the same way before it steps back.
            if key == "PageDown" {
                page.goto("/?step=grad-w11&present=1").await;
                page.wait("step").await;
                page.js("(scrollTo(0, document.scrollingElement.scrollHeight), true)")
                    .await;
                let before = where_now(&page).await;
                press(&page, "PageUp").await;
                let now = where_now(&page).await;
                assert_eq!(now.0, "grad-w11", "Page Up left a step scrolled to its bottom");
                assert!(
                    now.1 < before.1 && now.1 > 0.0,
                    "Page Up: scrollY {} -> {}",
                    before.1,
                    now.1
                );
            }
        }
        page.assert_no_panic().await;
    })
    .await;
}

/// Whether the drawing and the element `id` are both wholly on screen (above a phone's fixed
/// Back/Next bar), after `id` was scrolled to as a learner would reach it (Tab or a tap).
async fn both_in_view(page: &Page, id: &str) -> Value {
    page.js(&format!(
        "(() => {{ const q = document.querySelector('[data-testid=\"{id}\"]'); q.focus(); \
         const d = document.querySelector('svg.diagram').getBoundingClientRect(); const r = q.getBoundingClientRect(); \
         const nav = document.querySelector('nav.stepnav'); \
         const foot = getComputedStyle(nav).position === 'fixed' ? nav.getBoundingClientRect().top : innerHeight; \
         return {{ diagram: [d.top, d.bottom], question: [r.top, r.bottom], foot, \
           ok: d.top >= -1 && d.bottom <= foot + 1 && (r.top >= d.bottom - 1 || r.left >= d.right) \
             && r.top >= 0 && r.bottom <= foot + 1 && d.height > 100 }}; }})()"
    ))
    .await
}

#[tokio::test]
async fn e2e_practice_keeps_the_diagram_beside_the_question_and_next_opens_at_the_top() {
    with_page("/", |page: Page| async move {
        for view in [DESKTOP, PHONE] {
            // Nothing solved or revealed from the last round.
            page.js("(localStorage.clear(), true)").await;
            open(&page, view, "/?step=grad-w11&practice=1&lang=en").await;
            page.wait("practice-box").await;
            page.js("(document.querySelector('[data-testid=reveal-paths-w11]').click(), true)")
                .await;
            page.wait("answer-grad-w11").await;
            // The last question of the longest step, and the first factor of path 2.
            for id in ["answer-grad-w11", "answer-factor-2-1"] {
                let got = both_in_view(&page, id).await;
                assert_eq!(got["ok"], json!(true), "{}x{}: {id}: {got}", view.width, view.height);
            }
            assert!(page.js("scrollY").await.as_f64().unwrap() > 0.0);
            page.click("next").await;
            page.wait_js(
                "document.querySelector('[data-testid=step]').dataset.slug !== 'grad-w11'",
                json!(true),
            )
            .await;
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
            assert_eq!(
                page.js("scrollY").await,
                json!(0),
                "{}x{}: Next kept the scroll",
                view.width,
                view.height
            );
        }
        page.assert_no_panic().await;
    })
    .await;
}

#[tokio::test]
async fn e2e_a_weight_clicked_in_presenter_mode_opens_a_visible_editor_and_an_edit_marks_what_changed() {
    with_page("/", |page: Page| async move {
        open(&page, PRESENTER, "/?step=forward&present=1").await;
        page.js("(document.querySelector('[data-testid=param-w11]').closest('g').dispatchEvent(new MouseEvent('click', { bubbles: true })), true)").await;
        page.wait_js("document.querySelector('[data-testid=step]').dataset.slug", json!("grad-w11")).await;
        let shown = page
            .js("(() => { const r = document.querySelector('[data-testid=diagram-editor]').getBoundingClientRect(); \
                 return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })()")
            .await;
        assert_eq!(shown, json!(true), "the editor of w11 is not on screen in presenter mode");
        assert_eq!(page.count("value-h1").await, 1);
        let changed = "(() => [...document.querySelectorAll('svg.diagram .changed')].map(e => e.dataset.testid).sort())()";
        assert_eq!(page.js(changed).await, json!([]), "nothing is marked before an edit");
        page.set_value("diagram-edit-w11", "0.9").await;
        page.wait_js(
            "document.querySelector('[data-testid=param-w11]').dataset.value",
            json!("0.9"),
        )
        .await;
        // w11 feeds h1 and everything after it; x, t, h2, H2 and the other weights stay put.
        let marked = page.js(changed).await;
        for id in ["param-w11", "value-h1", "value-H1", "value-y1", "value-Y2", "value-E"] {
            assert!(marked.as_array().unwrap().contains(&json!(id)), "{id} not marked: {marked}");
        }
        for id in ["value-x1", "value-h2", "value-H2", "param-w21", "value-t1"] {
            assert!(!marked.as_array().unwrap().contains(&json!(id)), "{id} marked: {marked}");
        }
        // The mark goes after a moment.
        page.wait_js(changed.replace(".sort())()", ".length)()").as_str(), json!(0)).await;
        page.assert_no_panic().await;
    })
    .await;
}

#[tokio::test]
async fn e2e_a_printed_step_reads_as_a_handout_on_one_or_two_pages() {
    with_page("/", |page: Page| async move {
        for query in [
            "/?step=grad-w11",
            "/?step=grad-w11&lang=en",
            "/?step=grad-w11&present=1",
        ] {
            open(&page, DESKTOP, query).await;
            let pages = page.a4_pages().await;
            assert!((1..=2).contains(&pages), "{query}: {pages} A4 pages");
            // In print layout: the title, then the diagram, then the chain; no step counter.
            page.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
                .await;
            let order = page
                .js(
                    "(() => { const top = s => document.querySelector(s).getBoundingClientRect().top; \
                     return [top('.panel h2'), top('svg.diagram'), top('.chain .path'), \
                       document.querySelector('[data-testid=step]').getClientRects().length]; })()",
                )
                .await;
            let (title, diagram, chain) = (num_at(&order, 0), num_at(&order, 1), num_at(&order, 2));
            assert!(
                title < diagram && diagram < chain,
                "{query}: title {title}, diagram {diagram}, chain {chain}"
            );
            assert_eq!(order[3], json!(0), "{query}: the step counter is printed");
            // A heading stays with what it heads: no page ends on one (a teacher's printout of
            // grad-w11 ended its first page on "sum of the paths", the sum on the next).
            let loose = page
                .js("[...document.querySelectorAll('.panel h2, .panel h3, .chain .sum')] \
                     .filter(e => getComputedStyle(e).breakAfter !== 'avoid').map(e => e.textContent)")
                .await;
            assert_eq!(loose, json!([]), "{query}: headings a page may end on");
            // The nudge's rows in decimals, as the rest of the page (not 4.3857e-6): Mazur's
            // dE/dw1 = 0.000438568 times Δ = 0.01, to six significant digits.
            let nudge = page
                .js("[...document.querySelectorAll('[data-testid^=nudge-]')].map(e => e.closest('.formula').textContent)")
                .await;
            for row in nudge.as_array().unwrap() {
                let row = row.as_str().unwrap();
                assert!(!row.contains("e-") && !row.contains("×10"), "{query}: exponent form in {row}");
            }
            assert_eq!(
                page.js("document.querySelector('[data-testid=nudge-predicted-w11]').textContent").await,
                json!("0.00000438568"),
                "{query}"
            );
            page.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await;
        }
        page.assert_no_panic().await;
    })
    .await;
}

fn num_at(v: &Value, i: usize) -> f64 {
    v[i].as_f64().unwrap_or_else(|| panic!("{i} of {v}"))
}

/// Korean words (어절) that the browser split across two lines in the step's panel and header,
/// between two Hangul syllables (a break at a slash or a bracket inside a mixed token is allowed).
async fn split_words(page: &Page) -> Value {
    page.js(
        "(() => { const out = []; const roots = document.querySelectorAll('.panel, .top, .practice'); \
         for (const root of roots) { const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); \
           for (let n = w.nextNode(); n; n = w.nextNode()) { \
             if (n.parentElement.closest('math, .sr-only, svg') || !/[가-힣]/.test(n.data)) continue; \
             const re = /\\S+/g; let m; \
             while ((m = re.exec(n.data))) { if (!/[가-힣]/.test(m[0])) continue; \
               const top = i => { const r = document.createRange(); r.setStart(n, m.index + i); r.setEnd(n, m.index + i + 1); \
                 const b = r.getClientRects()[0]; return b ? Math.round(b.top) : null; }; \
               for (let i = 1; i < m[0].length; i++) { \
                 if (/[가-힣]/.test(m[0][i - 1]) && /[가-힣]/.test(m[0][i]) && top(i - 1) !== top(i)) { out.push(m[0]); break; } } } } } \
         return out; })()",
    )
    .await
}

#[tokio::test]
async fn e2e_korean_lines_break_between_words_and_the_page_never_scrolls_sideways() {
    with_page("/", |page: Page| async move {
        for view in [PHONE, DESKTOP, PRESENTER] {
            for step in ["forward", "grad-w11", "backward-params", "update", "descent"] {
                open(&page, view, &format!("/?step={step}")).await;
                let split = split_words(&page).await;
                assert_eq!(
                    split,
                    json!([]),
                    "{}x{} {step}: words broken across lines",
                    view.width,
                    view.height
                );
                let wide = page.js("document.scrollingElement.scrollWidth - innerWidth").await;
                assert!(
                    wide.as_f64().unwrap() <= 0.0,
                    "{}x{} {step}: page scrolls sideways by {wide}",
                    view.width,
                    view.height
                );
            }
        }
        page.assert_no_panic().await;
    })
    .await;
}

#[tokio::test]
async fn e2e_the_descent_step_says_why_a_rate_is_off_in_presenter_mode() {
    with_page("/", |page: Page| async move {
        open(&page, PRESENTER, "/?step=descent&param=w21&present=1").await;
        let shown = page
            .js("(() => { const e = document.querySelector('[data-testid=descent-reach]'); return !!e && e.getClientRects().length > 0; })()")
            .await;
        assert_eq!(shown, json!(true), "descent-reach is hidden in presenter mode");
        page.assert_no_panic().await;
    })
    .await;
}

/// A teacher's run-through: a weight clicked on the diagram opened its chain rule with the step
/// counter at "8 / 27" on grad-w22, which is none of the lesson's 27 steps, and Back then went to
/// grad-w11 wherever the click came from. Values a link sets are given, not edited: nothing is
/// marked as changed when the page loads (docs/classroom.md).
#[tokio::test]
async fn e2e_a_weight_clicked_on_the_diagram_opens_an_extra_step_that_says_so_and_back_returns() {
    with_page("/", |page: Page| async move {
        open(&page, DESKTOP, "/?step=descent&lang=en&w11=0.9&b3=0.7").await;
        page.frames(3).await;
        let changed = "[...document.querySelectorAll('svg.diagram .changed')].length";
        assert_eq!(page.js(changed).await, json!(0), "values from the link are marked as changed");
        let counter = "document.querySelector('[data-testid=step]').textContent";
        let here = page.js(counter).await;
        assert_eq!(here, json!("step 22 of 27"), "docs/lessons.md: descent is the 22nd step");
        for (button, then) in [("prev", "descent"), ("next", "train")] {
            page.goto("/?step=descent&lang=en").await;
            page.wait("step").await;
            page.js("(document.querySelector('[data-testid=param-w22]').closest('g').dispatchEvent(new MouseEvent('click', { bubbles: true })), true)").await;
            page.wait_js("document.querySelector('[data-testid=step]').dataset.slug", json!("grad-w22"))
                .await;
            let shown = page.js(counter).await;
            assert_eq!(shown, json!("extra step (Back: step 22 of 27)"), "the counter on grad-w22");
            page.click(button).await;
            page.wait_js("document.querySelector('[data-testid=step]').dataset.slug", json!(then))
                .await;
        }
        page.assert_no_panic().await;
    })
    .await;
}
