//! End-to-end tests of the SCORM 1.2 package (`bash scripts/build.sh --scorm`): its imsmanifest.xml read with an XML parser, and the package run in headless Chromium under a real SCORM run-time (scorm-again's Scorm12API) as the LMS: score, status, resume from suspend_data, a refused commit, no LMS at all.
//!
//! Needs `bash scripts/build.sh --scorm --from forward-hidden-sum --to error` first (scripts/test.sh
//! runs it): target/scorm/backprop-lab-scorm.zip, the forward pass and the errors of the worked
//! example. The LMS page frames the unzipped package from the same origin, as an LMS serves a
//! package's files (the API search reads `window.parent`, which another origin forbids).
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "e2e/reference.rs"]
#[allow(dead_code)]
mod reference;
#[allow(dead_code)]
#[path = "e2e/taught.rs"]
mod taught;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use harness::{with_site, Page, Site};
use reference::MAZUR;
use serde_json::json;

const FROM: &str = "forward-hidden-sum";
const TO: &str = "error";
const LAUNCH: &str = "scorm.html";
const IMSCP: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const ADLCP: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
/// How long the app in the frames may take to show a question (its worker loads first).
const SLOW: Duration = Duration::from_secs(30);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn package() -> PathBuf {
    let zip = root().join("target/scorm/backprop-lab-scorm.zip");
    assert!(
        zip.is_file(),
        "{} is missing: run `bash scripts/build.sh --scorm --from {FROM} --to {TO}` first (scripts/test.sh does)",
        zip.display()
    );
    zip
}

/// Every file of the package: name and bytes.
fn entries() -> Vec<(String, Vec<u8>)> {
    let file = std::fs::File::open(package()).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("the package is a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().to_string(), bytes)
        })
        .collect()
}

/// The question ids docs/lessons.md lists for the steps from `from` to `to` (its tables' last
/// column, in its order): what the package asks, counted without the app.
fn documented_ids(from: &str, to: &str) -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/lessons.md")).unwrap();
    let mut ids = Vec::new();
    let mut inside = false;
    for line in doc.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 {
            continue;
        }
        // A step's row: its slug in backticks (not the header, not the rule under it).
        if !cells[1].starts_with('`') {
            continue;
        }
        let slug = cells[1].trim_matches('`');
        if slug == from {
            inside = true;
        }
        if inside {
            let last = cells[cells.len() - 2];
            ids.extend(last.split_whitespace().map(|id| id.trim_matches('`').to_string()));
        }
        if slug == to {
            break;
        }
    }
    ids
}

/// imsmanifest.xml, read with an XML parser: the SCORM 1.2 elements an LMS needs, the launch
/// file in the zip, every file it lists in the zip and every file of the zip listed; the launch
/// file opens the range in practice mode; the build names its files relative to the page.
#[test]
fn e2e_scorm_manifest_names_the_launch_file_and_every_file() {
    let files = entries();
    let names: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let text = |name: &str| {
        let (_, bytes) = files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} is not in the zip"));
        String::from_utf8(bytes.clone()).unwrap()
    };
    let xml = text("imsmanifest.xml");
    let doc = roxmltree::Document::parse(&xml).expect("imsmanifest.xml is well-formed XML");
    let manifest = doc.root_element();
    assert_eq!(manifest.tag_name().name(), "manifest");
    assert_eq!(manifest.tag_name().namespace(), Some(IMSCP));
    assert!(manifest.attribute("identifier").is_some_and(|s| !s.is_empty()));
    fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
        node.children()
            .find(|c| c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == Some(IMSCP))
            .unwrap_or_else(|| panic!("<{name}> missing under <{}>", node.tag_name().name()))
    }
    let metadata = child(manifest, "metadata");
    assert_eq!(child(metadata, "schema").text(), Some("ADL SCORM"));
    assert_eq!(child(metadata, "schemaversion").text(), Some("1.2"));
    let orgs = child(manifest, "organizations");
    let org = child(orgs, "organization");
    assert_eq!(orgs.attribute("default"), org.attribute("identifier"));
    assert!(child(org, "title").text().is_some_and(|t| !t.trim().is_empty()));
    let item = child(org, "item");
    assert!(child(item, "title").text().is_some_and(|t| !t.trim().is_empty()));
    let resource = child(child(manifest, "resources"), "resource");
    assert_eq!(item.attribute("identifierref"), resource.attribute("identifier"));
    assert_eq!(resource.attribute((ADLCP, "scormtype")), Some("sco"));
    assert_eq!(resource.attribute("type"), Some("webcontent"));
    let href = resource
        .attribute("href")
        .expect("the resource's href: the launch file");
    assert_eq!(href, LAUNCH);
    assert!(names.contains(href), "the launch file {href} is not in the zip");
    let listed: BTreeSet<&str> = resource
        .children()
        .filter(|c| c.tag_name().name() == "file")
        .map(|c| c.attribute("href").expect("<file href>"))
        .collect();
    for f in &listed {
        assert!(names.contains(f), "the manifest lists {f}, which is not in the zip");
    }
    for n in &names {
        assert!(
            *n == "imsmanifest.xml" || listed.contains(n),
            "{n} is in the zip but not in the manifest"
        );
    }
    assert!(listed.contains(href) && listed.contains("index.html") && listed.contains("scorm.js"));
    assert_eq!(files[0].0, "imsmanifest.xml", "the manifest is at the zip's root");

    // The launch file frames the range in practice mode, and loads the adapter.
    let launch = text(LAUNCH);
    let app = format!("index.html?step={FROM}&amp;practice=1&amp;sheet=0&amp;embed=1&amp;from={FROM}&amp;to={TO}");
    assert!(launch.contains(&format!("data-app=\"{app}\"")), "{launch}");
    assert!(launch.contains("<script src=\"scorm.js\" defer></script>"), "{launch}");
    // As many questions as docs/lessons.md lists for the range.
    let asked = launch.split("data-asked=\"").nth(1).unwrap().split('"').next().unwrap();
    let want = documented_ids(FROM, TO);
    assert_eq!(
        want.len(),
        11,
        "docs/lessons.md: h1 h2 H1 H2 y1 y2 Y1 Y2 Error1 Error2 E: {want:?}"
    );
    let got: Vec<&str> = asked.split(' ').map(|e| e.split('/').nth(1).unwrap()).collect();
    assert_eq!(got, want);
    // Relative names only: an LMS serves the package under a path of its own.
    let index = text("index.html");
    for absolute in ["src=\"/", "href=\"/"] {
        assert!(
            !index.contains(absolute),
            "index.html names a file from the root ({absolute}): {index}"
        );
    }
}

/// The LMS's page: scorm-again's SCORM 1.2 run-time as `window.API`, its state started from the
/// query (`student`, `suspend`: what an LMS keeps between sessions; `refuse`: every commit is
/// answered 404), framing the package's launch file.
const LMS_HTML: &str = r#"<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script><script src="lms.js" defer></script></head>
<body><iframe id="sco" title="SCO" width="1200" height="760"></iframe></body></html>
"#;
const LMS_JS: &str = r#"var q = new URLSearchParams(location.search);
var settings = { logLevel: 5, autocommit: false };
if (q.get('refuse')) settings.lmsCommitUrl = 'refuse';
var api = new Scorm12API(settings);
var json = { core: { student_id: q.get('student') || 'learner-1', student_name: 'One, Learner' } };
if (q.has('suspend')) { json.suspend_data = q.get('suspend'); json.core.entry = 'resume'; }
api.loadFromJSON(json);
window.calls = [];
['LMSInitialize', 'LMSCommit', 'LMSFinish'].forEach(function (n) { api.on(n, function () { calls.push(n); }); });
api.on('LMSSetValue.cmi.core.session_time', function (element, value) { window.sessionTime = value; });
window.API = api;
document.getElementById('sco').src = 'sco/scorm.html';
"#;

/// The unzipped package under `sco/`, the LMS page beside it and scorm-again (npm, pinned in
/// package-lock.json): one directory, served as one origin.
fn lms_site() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "backprop-lab-scorm-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, bytes) in entries() {
        let path = dir.join("sco").join(&name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(dir.join("lms.html"), LMS_HTML).unwrap();
    std::fs::write(dir.join("lms.js"), LMS_JS).unwrap();
    let runtime = root().join("node_modules/scorm-again/dist/scorm12.min.js");
    std::fs::copy(&runtime, dir.join("scorm12.min.js"))
        .unwrap_or_else(|e| panic!("{}: {e} (scripts/setup.sh runs npm ci)", runtime.display()));
    dir
}

/// The app's document, inside the launch file inside the LMS page (or the launch file's frame
/// when the launch file is the top page).
const APP: &str = "(function () { var s = document.getElementById('sco'); var d = s ? s.contentDocument : document; \
                   var f = d && d.getElementById('scorm-app'); return f && f.contentDocument; })()";
/// The launch file's document.
const SCO: &str =
    "(function () { var s = document.getElementById('sco'); return s ? s.contentDocument : document; })()";

/// Polls `expr` until it is `want`, for up to [`SLOW`].
async fn until(page: &Page, expr: &str, want: serde_json::Value) {
    let start = Instant::now();
    loop {
        let got = page
            .js(&format!(
                "(function () {{ try {{ return {expr}; }} catch (e) {{ return null; }} }})()"
            ))
            .await;
        if got == want {
            return;
        }
        assert!(start.elapsed() < SLOW, "`{expr}` is {got} (want {want}) after {SLOW:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Answers question `id` (on the app's current step) with `value` and waits until it is solved.
async fn solve(page: &Page, id: &str, value: f64) {
    let field = format!("{APP}.querySelector('[data-testid=\"answer-{id}\"]')");
    until(page, &format!("!!{field}"), json!(true)).await;
    page.js(&format!(
        "(function () {{ {field}.value = '{value:.6}'; {APP}.querySelector('[data-testid=\"check-{id}\"]').click(); return true; }})()"
    ))
    .await;
    until(
        page,
        &format!("{APP}.querySelector('[data-testid=\"question-{id}\"]').dataset.state"),
        json!("solved"),
    )
    .await;
}

/// Goes to the app's next step (its Next button) and waits for `slug`.
async fn next(page: &Page, slug: &str) {
    page.js(&format!("{APP}.querySelector('[data-testid=\"next\"]').click()"))
        .await;
    until(
        page,
        &format!("{APP}.querySelector('[data-testid=\"step\"]').dataset.slug"),
        json!(slug),
    )
    .await;
}

/// The worked example's forward pass and errors (Mazur 2015) in closed form, as practice asks
/// them (tests/e2e/taught.rs, by page id): h1 h2 H1 H2 y1 y2 Y1 Y2 Error1 Error2 E.
fn worked() -> [f64; 11] {
    let asked: Vec<(String, f64)> = taught::steps(&MAZUR, 0.5, [0.0, 0.0], 1.0)
        .into_iter()
        .flat_map(|(_, ids)| ids)
        .collect();
    ["h1", "h2", "H1", "H2", "y1", "y2", "Y1", "Y2", "Error1", "Error2", "E"].map(|name| {
        let id = format!("value-{name}");
        asked
            .iter()
            .find(|(i, _)| *i == id)
            .unwrap_or_else(|| panic!("taught.rs asks no {id}"))
            .1
    })
}

/// `cmi.core.score.raw` is `solved` of docs/lessons.md's 11 questions, × 100.
async fn assert_score(page: &Page, solved: usize) {
    let asked = documented_ids(FROM, TO).len();
    let want = solved as f64 * 100.0 / asked as f64;
    let raw = format!("Math.abs(parseFloat(API.cmi.core.score.raw) - {want}) < 0.01");
    until(page, &raw, json!(true)).await;
    assert_eq!(page.js("API.cmi.core.score.min").await, json!("0"));
    assert_eq!(page.js("API.cmi.core.score.max").await, json!("100"));
}

/// Launch, solve three of the range's eleven questions: the LMS holds 3/11 × 100 and
/// "incomplete", committed after each answer; leaving finishes with a session time. A new
/// session (the browser's storage emptied) resumes from cmi.suspend_data alone: the three show
/// as solved. Solving the other eight makes the status "completed" and the score 100.
#[tokio::test]
async fn e2e_scorm_reports_to_the_lms_and_resumes_from_suspend_data() {
    let site = Site {
        dir: Some(lms_site()),
        ..Site::default()
    };
    with_site(site, "/lms.html", |page: Page| async move {
        let v = worked();
        solve(&page, "value-h1", v[0]).await;
        assert_score(&page, 1).await;
        until(&page, "API.cmi.core.lesson_status", json!("incomplete")).await;
        let commits = page
            .js("calls.filter(function (c) { return c === 'LMSCommit'; }).length")
            .await;
        solve(&page, "value-h2", v[1]).await;
        assert_score(&page, 2).await;
        let more = page
            .js("calls.filter(function (c) { return c === 'LMSCommit'; }).length")
            .await;
        assert!(
            more.as_u64() > commits.as_u64(),
            "a solved answer is committed ({commits} then {more} commits)"
        );
        next(&page, "forward-hidden-out").await;
        solve(&page, "value-H1", v[2]).await;
        assert_score(&page, 3).await;
        assert_eq!(page.js("API.cmi.core.lesson_status").await, json!("incomplete"));
        assert_eq!(page.js("calls[0]").await, json!("LMSInitialize"));
        let suspend = page.js("API.cmi.suspend_data").await.as_str().unwrap().to_string();
        assert!(suspend.len() <= 4096, "{suspend}");
        for e in [
            "forward-hidden-sum/value-h1",
            "forward-hidden-sum/value-h2",
            "forward-hidden-out/value-H1",
        ] {
            assert!(suspend.contains(e), "suspend_data {suspend:?} lacks {e}");
        }
        // Hiding the page commits with the session time; closing it finishes.
        // (The document is made to say it is hidden, as it does when the learner switches tabs.)
        let before = page.js("calls.length").await;
        page.js(&format!(
            "(function () {{ var d = {SCO}; Object.defineProperty(d, 'visibilityState', {{ value: 'hidden', configurable: true }}); \
             d.dispatchEvent(new Event('visibilitychange')); delete d.visibilityState; return true; }})()"
        ))
        .await;
        assert_eq!(page.js(&format!("calls.length - {before}")).await, json!(1), "hiding the page commits once");
        assert_eq!(page.js("calls[calls.length - 1]").await, json!("LMSCommit"));
        assert!(page.js("typeof window.sessionTime").await == json!("string"), "with the session time");
        page.js("document.getElementById('sco').remove()").await;
        until(&page, "calls[calls.length - 1]", json!("LMSFinish")).await;
        assert_eq!(page.js("calls.indexOf('LMSFinish') === calls.length - 1").await, json!(true), "one LMSFinish, last");
        let time = page.js("window.sessionTime").await.as_str().unwrap().to_string();
        let shape = time.len() == 13
            && time.char_indices().all(|(i, c)| match i {
                4 | 7 => c == ':',
                10 => c == '.',
                _ => c.is_ascii_digit(),
            });
        assert!(shape, "session_time {time:?} is not HHHH:MM:SS.SS");

        // The next session: the browser forgot, the LMS kept suspend_data.
        page.js("localStorage.clear()").await;
        let query = format!(
            "/lms.html?student=learner-1&suspend={}",
            url::form_urlencoded::byte_serialize(suspend.as_bytes()).collect::<String>()
        );
        page.goto(&query).await;
        until(
            &page,
            &format!("{APP}.querySelector('[data-testid=\"practice-step-progress\"]').dataset.value"),
            json!("2"),
        )
        .await;
        for id in ["value-h1", "value-h2"] {
            let state = format!("{APP}.querySelector('[data-testid=\"question-{id}\"]').dataset.state");
            assert_eq!(page.js(&state).await, json!("solved"), "{id} after resuming");
        }
        assert_score(&page, 3).await;
        next(&page, "forward-hidden-out").await;
        until(
            &page,
            &format!("{APP}.querySelector('[data-testid=\"question-value-H1\"]').dataset.state"),
            json!("solved"),
        )
        .await;
        solve(&page, "value-H2", v[3]).await;
        next(&page, "forward-output-sum").await;
        solve(&page, "value-y1", v[4]).await;
        solve(&page, "value-y2", v[5]).await;
        next(&page, "forward-output-out").await;
        solve(&page, "value-Y1", v[6]).await;
        solve(&page, "value-Y2", v[7]).await;
        next(&page, "error").await;
        solve(&page, "value-Error1", v[8]).await;
        solve(&page, "value-Error2", v[9]).await;
        assert_eq!(
            page.js("API.cmi.core.lesson_status").await,
            json!("incomplete"),
            "10 of 11"
        );
        solve(&page, "value-E", v[10]).await;
        until(&page, "API.cmi.core.lesson_status", json!("completed")).await;
        assert_score(&page, 11).await;
        assert_eq!(
            page.js(&format!("{SCO}.getElementById('scorm-msg').hidden")).await,
            json!(true)
        );
    })
    .await;
}

/// An LMS that refuses every commit (its server answers 404): the launch file says so, in the
/// app's language, and the answer is kept in the browser (solved in the app, in local storage).
#[tokio::test]
async fn e2e_scorm_refused_commit_shows_the_message_and_keeps_the_answer() {
    let site = Site {
        dir: Some(lms_site()),
        ..Site::default()
    };
    with_site(site, "/lms.html?refuse=1", |page: Page| async move {
        let v = worked();
        solve(&page, "value-h1", v[0]).await;
        let msg = format!("{SCO}.getElementById('scorm-msg')");
        until(&page, &format!("{msg}.hidden"), json!(false)).await;
        assert_eq!(
            page.js(&format!("{msg}.textContent")).await,
            json!("학습 관리 시스템이 풀이 기록을 받지 못했습니다. 답은 이 브라우저에 그대로 남아 있습니다.")
        );
        assert_eq!(page.js(&format!("{msg}.getAttribute('role')")).await, json!("alert"));
        assert_ne!(
            page.js("API.LMSGetLastError()").await,
            json!("0"),
            "the run-time saw the refusal"
        );
        let stored = page.js("localStorage.getItem('backprop-lab-practice')").await;
        assert!(
            stored
                .as_str()
                .is_some_and(|s| s.contains("forward-hidden-sum/value-h1")),
            "the answer is kept in the browser: {stored}"
        );
        // In English once the learner reads the app in English.
        page.js(&format!("{APP}.querySelector('[data-testid=\"lang-en\"]').click()"))
            .await;
        until(&page, &format!("{APP}.documentElement.lang"), json!("en")).await;
        solve(&page, "value-h2", v[1]).await;
        until(
            &page,
            &format!("{msg}.textContent"),
            json!(
                "The learning management system did not accept your progress. Your answers are kept in this browser."
            ),
        )
        .await;
    })
    .await;
}

/// Without an LMS (the launch file opened on its own): the app runs in practice mode as
/// anywhere, keeps the answer in the browser, shows no message and has no error.
#[tokio::test]
async fn e2e_scorm_without_an_lms_changes_nothing() {
    let site = Site {
        dir: Some(lms_site()),
        ..Site::default()
    };
    with_site(site, "/sco/scorm.html", |page: Page| async move {
        let v = worked();
        solve(&page, "value-h1", v[0]).await;
        assert_eq!(page.js("typeof window.API").await, json!("undefined"));
        assert_eq!(
            page.js("document.getElementById('scorm-msg').hidden").await,
            json!(true)
        );
        let stored = page.js("localStorage.getItem('backprop-lab-practice')").await;
        assert!(
            stored
                .as_str()
                .is_some_and(|s| s.contains("forward-hidden-sum/value-h1")),
            "{stored}"
        );
        assert_eq!(page.js(&format!("{APP}.defaultView.__errors.length")).await, json!(0));
        assert_eq!(
            page.js(&format!("{APP}.querySelectorAll('[data-testid=panic]').length"))
                .await,
            json!(0)
        );
    })
    .await;
}

/// A shared computer: a second learner launching the package in the same browser does not start
/// with the first one's answers (the browser's progress on the example is taken only for the
/// learner who left it), while the first one, back with an LMS that kept nothing, finds hers.
#[tokio::test]
async fn e2e_scorm_second_learner_does_not_inherit_the_first_ones_answers() {
    let site = Site {
        dir: Some(lms_site()),
        ..Site::default()
    };
    with_site(site, "/lms.html?student=learner-1", |page: Page| async move {
        solve(&page, "value-h1", worked()[0]).await;
        assert_score(&page, 1).await;
        let progress = format!("{APP}.querySelector('[data-testid=\"practice-step-progress\"]').dataset.value");
        // The LMS lost learner-1's record (no suspend_data): the browser still has the answer.
        page.goto("/lms.html?student=learner-1").await;
        until(&page, &progress, json!("1")).await;
        assert_score(&page, 1).await;
        page.goto("/lms.html?student=learner-2").await;
        until(&page, &progress, json!("0")).await;
        assert_score(&page, 0).await;
    })
    .await;
}
