//! Accessibility audit of every lesson step with axe-core in headless Chromium, practice mode on and the answer sheet included: no serious or critical violation.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use backprop_lab::lesson::Step;
use backprop_lab::net::Param;
use harness::{with_site_within, Page, Site, View};
use serde_json::json;

/// The axe-core rule tags that are run: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's
/// best practices (docs/testing.md, "Accessibility", lists them; axe 4.14 has no rule tagged wcag22a yet).
const TAGS: [&str; 7] = [
    "wcag2a",
    "wcag2aa",
    "wcag21a",
    "wcag21aa",
    "wcag22a",
    "wcag22aa",
    "best-practice",
];

/// Impacts that fail the test; the others (minor, moderate) are printed as warnings.
const FAILING: [&str; 2] = ["serious", "critical"];

/// Upper bound for one test that audits every step (about 50 pages).
const AUDIT_TIMEOUT: Duration = Duration::from_secs(900);

const DESKTOP: View = View::desktop(1280, 800);
const PHONE: View = View::phone(390, 844);

/// Every step slug: the Next/Back sequence, then the chain rule of each parameter not in it.
fn all_slugs() -> Vec<String> {
    let mut slugs: Vec<String> = Step::sequence().into_iter().map(Step::slug).collect();
    for p in Param::ALL {
        let slug = Step::Grad(p).slug();
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    slugs
}

/// The English sample: one step of each kind of screen.
const EN_SLUGS: [&str; 12] = [
    "forward",
    "forward-output-out",
    "error",
    "backward-H1",
    "backward-params",
    "grad-w11",
    "update",
    "descent",
    "train",
    "mul-node",
    "graph",
    "playground",
];

/// axe-core as pinned in package-lock.json (scripts/setup.sh runs `npm ci`).
fn axe_source() -> &'static str {
    static SRC: OnceLock<String> = OnceLock::new();
    SRC.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run `npm ci`, or scripts/setup.sh)", path.display()))
    })
}

/// One axe violation on one element.
struct Finding {
    rule: String,
    impact: String,
    help: String,
    target: String,
}

/// Inject axe-core into the loaded page, run it with [`TAGS`], and return every violating element.
/// Panics if axe did not run its rules (so an audit that checks nothing cannot pass).
async fn audit(page: &Page) -> Audit {
    let loaded = page
        .client
        .execute(&format!("{}\n;return typeof window.axe;", axe_source()), vec![])
        .await
        .unwrap_or_else(|e| panic!("injecting axe-core: {e}"));
    assert_eq!(loaded, json!("object"), "axe-core did not load into the page");
    let script = r#"
        const r = await axe.run(document, {
            runOnly: { type: 'tag', values: arguments[0] },
            resultTypes: ['violations'],
        });
        const sel = (t) => t.map((s) => (Array.isArray(s) ? s.join(' >>> ') : s)).join(' ');
        return {
            ran: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id),
            violations: r.violations.flatMap((v) => v.nodes.map((n) => ({
                rule: v.id, impact: n.impact || v.impact || 'unknown', help: v.help, target: sel(n.target),
            }))),
        };"#;
    // The W3C Execute Script command awaits the returned promise.
    let result = page
        .client
        .execute(&format!("return (async () => {{ {script} }})();"), vec![json!(TAGS)])
        .await
        .unwrap_or_else(|e| panic!("axe.run: {e}"));
    let ran: BTreeSet<String> = result["ran"]
        .as_array()
        .expect("ran is an array")
        .iter()
        .map(|id| id.as_str().unwrap_or_default().to_string())
        .collect();
    assert!(ran.len() >= 50, "axe ran only {} rules: {ran:?}", ran.len());
    assert!(ran.contains("color-contrast"), "axe did not run color-contrast");
    let findings = result["violations"]
        .as_array()
        .expect("violations is an array")
        .iter()
        .map(|v| Finding {
            rule: v["rule"].as_str().unwrap_or_default().into(),
            impact: v["impact"].as_str().unwrap_or_default().into(),
            help: v["help"].as_str().unwrap_or_default().into(),
            target: v["target"].as_str().unwrap_or_default().into(),
        })
        .collect();
    Audit { findings, ran }
}

/// What one axe run found, and which rules it ran.
struct Audit {
    findings: Vec<Finding>,
    ran: BTreeSet<String>,
}

/// Element selector -> the pages where it violates a rule.
type Targets = BTreeMap<String, BTreeSet<String>>;

/// Violations gathered over many pages, grouped by rule and element.
#[derive(Default)]
struct Report {
    /// (impact, rule) -> (help, elements).
    rules: BTreeMap<(String, String), (String, Targets)>,
    /// Every page audited, in order.
    pages: Vec<String>,
    /// Every axe rule that ran on some page.
    ran: BTreeSet<String>,
}

impl Report {
    fn add(&mut self, page: &str, audit: Audit) {
        self.pages.push(page.to_string());
        self.ran.extend(audit.ran);
        for f in audit.findings {
            let entry = self
                .rules
                .entry((f.impact, f.rule))
                .or_insert_with(|| (f.help, BTreeMap::new()));
            entry.1.entry(f.target).or_default().insert(page.to_string());
        }
    }

    /// `pages` as the shorter of "a, b, c" and "all N but x, y".
    fn pages_text(&self, pages: &BTreeSet<String>) -> String {
        let on: Vec<&str> = self
            .pages
            .iter()
            .filter(|p| pages.contains(*p))
            .map(String::as_str)
            .collect();
        let off: Vec<&str> = self
            .pages
            .iter()
            .filter(|p| !pages.contains(*p))
            .map(String::as_str)
            .collect();
        if off.is_empty() {
            format!("on all {} pages", self.pages.len())
        } else if off.len() < on.len() {
            format!(
                "on {} of {} pages, all but: {}",
                on.len(),
                self.pages.len(),
                off.join(", ")
            )
        } else {
            format!("on {} of {} pages: {}", on.len(), self.pages.len(), on.join(", "))
        }
    }

    /// The failing (or the other) violations, rule by rule, elements with the same pages together.
    fn describe(&self, failing: bool) -> String {
        let mut out = String::new();
        for ((impact, rule), (help, targets)) in &self.rules {
            if FAILING.contains(&impact.as_str()) != failing {
                continue;
            }
            out += &format!("  [{impact}] {rule}: {help}\n");
            let mut by_pages: BTreeMap<&BTreeSet<String>, Vec<&str>> = BTreeMap::new();
            for (target, pages) in targets {
                by_pages.entry(pages).or_default().push(target);
            }
            for (pages, targets) in by_pages {
                out += &format!("      {}\n        {}\n", targets.join("  |  "), self.pages_text(pages));
            }
        }
        out
    }

    /// Print the warnings; panic listing every serious or critical violation.
    fn finish(&self, name: &str) {
        let warnings = self.describe(false);
        if !warnings.is_empty() {
            eprintln!("{name}: axe warnings (minor/moderate, not failing):\n{warnings}");
        }
        let failures = self.describe(true);
        eprintln!(
            "{name}: audited {} pages, {} axe rules ran",
            self.pages.len(),
            self.ran.len()
        );
        assert!(
            failures.is_empty(),
            "{name}: serious or critical axe violations (tags {TAGS:?}):\n{failures}"
        );
    }
}

/// Load `?step=<slug>` (plus `extra` URL keys) in `view` and wait until the step has rendered.
async fn open(page: &Page, view: View, slug: &str, extra: &str) {
    page.goto(&format!("/?step={slug}{extra}")).await;
    assert_eq!(page.attr("step", "data-slug").await, slug, "?step={slug}{extra}");
    page.assert_no_panic().await;
    page.assert_view(view).await;
    page.js("document.fonts.ready.then(() => true)").await;
}

/// One sweep of an audit: these slugs, each with the URL keys `extra`, in this view.
struct Pass {
    view: View,
    slugs: Vec<String>,
    extra: &'static str,
}

/// Audit every page of every pass in one browser, then fail on serious or critical violations.
async fn audit_steps(name: &'static str, passes: Vec<Pass>) {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, move |page: Page| async move {
        let mut report = Report::default();
        for Pass { view, slugs, extra } in passes {
            page.emulate(view).await;
            for slug in &slugs {
                open(&page, view, slug, extra).await;
                report.add(&format!("{slug}{extra} @{view}"), audit(&page).await);
            }
        }
        report.finish(name);
    })
    .await;
}

fn en_slugs() -> Vec<String> {
    EN_SLUGS.iter().map(|s| s.to_string()).collect()
}

/// Every step in Korean (the default language) at 1280x800, plus the states that add messages:
/// a refused URL value, a wrong playground expression, a refused typed value.
#[tokio::test]
async fn e2e_a11y_every_step_ko_desktop() {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, |page: Page| async move {
        let mut report = Report::default();
        page.emulate(DESKTOP).await;
        for slug in all_slugs() {
            open(&page, DESKTOP, &slug, "").await;
            report.add(&format!("{slug} @{DESKTOP}"), audit(&page).await);
        }
        // A refused URL value: the notice above the lesson.
        open(&page, DESKTOP, "grad-w11", "&w21=abc").await;
        page.wait("url-msg").await;
        report.add("grad-w11&w21=abc (url-msg)", audit(&page).await);
        // A wrong expression: the message with its caret.
        open(&page, DESKTOP, "playground", "&expr=(x%2B").await;
        page.wait("expr-error").await;
        report.add("playground&expr=(x+ (expr-error)", audit(&page).await);
        // A refused typed value: the message beside the field.
        open(&page, DESKTOP, "grad-w11", "").await;
        page.set_value("edit-w21", "abc").await;
        page.wait("edit-msg-w21").await;
        report.add("grad-w11, edit-w21 = abc (edit-msg)", audit(&page).await);
        report.finish("ko 1280x800");
    })
    .await;
}

/// Every step in Korean at 390x844 (a phone).
#[tokio::test]
async fn e2e_a11y_every_step_ko_phone() {
    let pass = Pass {
        view: PHONE,
        slugs: all_slugs(),
        extra: "",
    };
    audit_steps("ko 390x844", vec![pass]).await;
}

/// One step of each kind in English, at both sizes.
#[tokio::test]
async fn e2e_a11y_english_sample() {
    let passes = [DESKTOP, PHONE].map(|view| Pass {
        view,
        slugs: en_slugs(),
        extra: "&lang=en",
    });
    audit_steps("en", passes.into()).await;
}

/// Every step with `prefers-color-scheme: dark` at 1280x800, and the English sample dark at 390x844.
#[tokio::test]
async fn e2e_a11y_dark_scheme() {
    let passes = vec![
        Pass {
            view: DESKTOP.dark(),
            slugs: all_slugs(),
            extra: "",
        },
        Pass {
            view: PHONE.dark(),
            slugs: en_slugs(),
            extra: "&lang=en",
        },
    ];
    audit_steps("dark", passes).await;
}

/// Practice mode on every step in Korean at 1280x800 and on the English sample dark, once the
/// worker has answered (the switch pressed, the questions, the bar), and the answer sheet in both
/// languages, light and dark.
#[tokio::test]
async fn e2e_a11y_practice_mode_and_answer_sheet() {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, |page: Page| async move {
        let mut report = Report::default();
        let passes = [(DESKTOP, all_slugs(), ""), (DESKTOP.dark(), en_slugs(), "&lang=en")];
        for (view, slugs, lang) in passes {
            page.emulate(view).await;
            for slug in slugs {
                let extra = format!("{lang}&practice=1");
                open(&page, view, &slug, &extra).await;
                page.wait("practice-progress").await;
                assert_eq!(page.attr("practice-toggle", "aria-pressed").await, "true");
                report.add(&format!("{slug}{extra} @{view}"), audit(&page).await);
            }
        }
        for view in [DESKTOP, DESKTOP.dark()] {
            page.emulate(view).await;
            for lang in ["ko", "en"] {
                page.goto(&format!("/?step=answers&lang={lang}&seed=7")).await;
                page.wait("sheet-grad-w21-factor-1-1").await;
                page.assert_view(view).await;
                report.add(&format!("answers&lang={lang}&seed=7 @{view}"), audit(&page).await);
            }
        }
        report.finish("practice");
    })
    .await;
}

/// The audit is real: elements planted with known faults (a button without a name, light grey
/// text on white, 1.6:1 by WCAG's contrast formula) are reported as critical and serious.
#[tokio::test]
async fn e2e_a11y_audit_catches_planted_violations() {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, |page: Page| async move {
        page.emulate(DESKTOP).await;
        open(&page, DESKTOP, "forward", "").await;
        page.js(
            "(() => { const main = document.querySelector('main') || document.body; \
               const b = document.createElement('button'); b.id = 'planted-button'; main.prepend(b); \
               const p = document.createElement('p'); p.id = 'planted-text'; p.textContent = 'planted'; \
               p.style.color = '#cccccc'; p.style.background = '#ffffff'; b.after(p); return true; })()",
        )
        .await;
        let Audit { findings, ran } = audit(&page).await;
        let ran: Vec<&str> = ran.iter().map(String::as_str).collect();
        eprintln!("the {} axe rules that ran: {}", ran.len(), ran.join(" "));
        let found = |rule: &str, target: &str| {
            findings
                .iter()
                .find(|f| f.rule == rule && f.target == target)
                .map(|f| f.impact.clone())
        };
        assert_eq!(found("button-name", "#planted-button").as_deref(), Some("critical"));
        assert_eq!(found("color-contrast", "#planted-text").as_deref(), Some("serious"));
    })
    .await;
}

/// Every step at 390x844: nothing is wider than the screen (no horizontal scrolling), and every
/// HTML control a finger can reach (buttons, fields, selects, links, labelled checkboxes) is at
/// least 44 px tall and wide, as the classroom issue asks. The diagram's own buttons (SVG) are not
/// HTML controls; axe's `target-size` (WCAG 2.2, 24 px) covers them in the audits above.
#[tokio::test]
async fn e2e_phone_every_step_fits_and_its_controls_are_44px() {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, |page: Page| async move {
        page.emulate(PHONE).await;
        let mut problems = Vec::new();
        for slug in all_slugs() {
            open(&page, PHONE, &slug, "").await;
            let found = page
                .js(r#"(() => {
                    const out = [];
                    const over = document.documentElement.scrollWidth - innerWidth;
                    if (over > 0) out.push('page is ' + over + ' px wider than the screen');
                    // Back and Next stay at the bottom of the screen, and nothing covers them.
                    for (const id of ['prev', 'next']) {
                        const b = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
                        if (b.bottom > innerHeight + 1 || b.top < innerHeight / 2) out.push(id + ' is not at the bottom of the screen');
                        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                        if (!hit || !hit.closest(`[data-testid="${id}"]`)) out.push(id + ' is covered by ' + (hit ? hit.outerHTML.slice(0, 60) : 'nothing'));
                    }
                    for (const el of document.querySelectorAll('button, input, select, textarea, a[href]')) {
                        // A checkbox or radio is reached through its label.
                        const target = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label') ? el.closest('label') : el;
                        const r = target.getBoundingClientRect();
                        if (r.width === 0 && r.height === 0) continue; // not shown
                        if (r.height < 44 || r.width < 44) {
                            const id = el.dataset.testid || el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 20);
                            out.push(el.tagName.toLowerCase() + ' ' + JSON.stringify(id) + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
                        }
                    }
                    return out;
                })()"#)
                .await;
            for p in found.as_array().expect("a list") {
                problems.push(format!("{slug}: {}", p.as_str().unwrap_or_default()));
            }
        }
        assert!(problems.is_empty(), "at 390x844:\n{}", problems.join("\n"));
    })
    .await;
}

/// On a phone Back and Next sit in a bar fixed to the bottom of the screen. A control that gets
/// the keyboard's focus while under that bar is scrolled clear of it (WCAG 2.4.11, focus not
/// obscured), not left hidden behind it.
#[tokio::test]
async fn e2e_phone_focus_is_not_hidden_under_the_step_bar() {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, |page: Page| async move {
        page.emulate(PHONE).await;
        open(&page, PHONE, "grad-w21", "").await;
        let got = page
            .js(r#"(() => {
                const field = document.querySelector('[data-testid="edit-w11"]');
                const bar = document.querySelector('nav.stepnav').getBoundingClientRect();
                // Scrolled so that the field's middle is behind the bar, then focused.
                const r0 = field.getBoundingClientRect();
                scrollTo(0, scrollY + r0.top + r0.height / 2 - (bar.top + bar.height / 2));
                const under = field.getBoundingClientRect();
                field.focus();
                const r = field.getBoundingClientRect();
                return [Math.round(under.bottom) > Math.round(bar.top), Math.round(r.bottom) <= Math.round(bar.top) && r.top >= 0];
            })()"#)
            .await;
        assert_eq!(got, json!([true, true]), "[under the bar before focus, clear of it after]");
    })
    .await;
}

/// A presenter link opened on a phone: one column without horizontal scrolling, and since a
/// phone has no P or Esc key, the presenter button is shown and leaves presenter mode.
#[tokio::test]
async fn e2e_phone_presenter_link_fits_and_can_be_left() {
    with_site_within(Site::default(), "/", AUDIT_TIMEOUT, |page: Page| async move {
        page.emulate(PHONE).await;
        open(&page, PHONE, "grad-w11", "&present=1").await;
        assert_eq!(
            page.js("document.documentElement.classList.contains('presenter')").await,
            json!(true)
        );
        assert_eq!(
            page.js("Math.max(0, document.documentElement.scrollWidth - innerWidth)").await,
            json!(0),
            "no horizontal scrolling"
        );
        let size = page
            .js("(() => { const r = document.querySelector('[data-testid=presenter-toggle]').getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; })()")
            .await;
        let size: Vec<i64> = size.as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
        assert!(size[0] >= 44 && size[1] >= 44, "presenter button is {size:?}");
        page.click("presenter-toggle").await;
        page.wait_js("document.documentElement.classList.contains('presenter')", json!(false)).await;
        page.assert_no_panic().await;
    })
    .await;
}
