//! End-to-end tests of the offline app: after one visit the service worker (sw.js, written by
//! scripts/sw.py) serves the release build with the server gone, at the root and under a
//! sub-path; a new deploy installs a new worker whose cache replaces the old one; Chromium finds
//! the app installable.
//!
//! Needs `trunk build --release` (dist/) and
//! `trunk build --release --public-url /course/ml/ --dist target/dist-course-ml` first
//! (scripts/test.sh runs both).
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "e2e/reference.rs"]
#[allow(dead_code)]
mod reference;

use std::path::{Path, PathBuf};
use std::process::Command;

use harness::{dist_dir, strict_csp, with_site, Page, Site, VIOLATIONS_PROBE};
use reference::{assert_close, MAZUR};
use serde_json::{json, Value};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn subpath_dist() -> PathBuf {
    let dir = root().join("target/dist-course-ml");
    assert!(
        dir.join("index.html").is_file(),
        "{}/index.html is missing: run `trunk build --release --public-url /course/ml/ --dist target/dist-course-ml` \
         first (scripts/test.sh does)",
        dir.display()
    );
    dir
}

/// Run scripts/sw.py on `dir` (writes `dir`/sw.js).
fn generate_sw(dir: &Path) {
    let out = Command::new("python3")
        .arg(root().join("scripts/sw.py"))
        .arg(dir)
        .output()
        .expect("python3 scripts/sw.py");
    assert!(
        out.status.success(),
        "scripts/sw.py {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The `VERSION` and `FILES` that scripts/sw.py wrote into `dir`/sw.js.
fn sw_version_and_files(dir: &Path) -> (String, Vec<String>) {
    let js = std::fs::read_to_string(dir.join("sw.js")).expect("read sw.js");
    let line = |prefix: &str| -> String {
        let l = js
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line `{prefix}` in sw.js"));
        l[prefix.len()..].trim_end_matches(';').to_string()
    };
    let version: String = serde_json::from_str(&line("const VERSION = ")).expect("VERSION is a JSON string");
    let files: Vec<String> = serde_json::from_str(&line("const FILES = ")).expect("FILES is a JSON list");
    (version, files)
}

/// A fresh empty directory under target/ (removed first if a previous run left it).
fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/e2e-offline").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, rel: &str, body: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, body).unwrap();
}

/// Every file under `dir`, as paths relative to it with `/` (`prefix` is `dir`'s own relative path).
fn files_under(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type().unwrap().is_dir() {
            files_under(&entry.path(), &format!("{rel}/"), out);
        } else {
            out.push(rel);
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// No browser: sw.js lists every file of a build (sub-directories too, never itself) and its
/// version follows the files: the same build gives the same version, a build with another hashed
/// name, or the same name with other bytes, gives another.
#[test]
fn sw_version_changes_with_the_build() {
    // A small build in a scratch directory: index.html, the JS glue `glue` holding `js`, and a
    // snippet in a sub-directory; then sw.js generated for it.
    let build = |dir: &str, glue: &str, js: &str| {
        let d = scratch(dir);
        write(&d, "index.html", "<!doctype html><title>a</title>");
        write(&d, glue, js);
        write(&d, "snippets/x/inline0.js", "export {};");
        generate_sw(&d);
        d
    };
    let a = build("build-a", "app-0123456789abcdef.js", "export const a = 1;");
    let (va, files) = sw_version_and_files(&a);
    assert_eq!(
        files,
        ["app-0123456789abcdef.js", "index.html", "snippets/x/inline0.js"],
        "sorted, relative, sw.js itself left out"
    );
    assert_eq!(va.len(), 16, "{va}");
    assert!(va.bytes().all(|b| b.is_ascii_hexdigit()), "{va}");

    // Generating again (sw.js now exists) changes nothing.
    generate_sw(&a);
    assert_eq!(sw_version_and_files(&a).0, va);

    // The same files in another directory: the same version.
    let same = build("build-a-copy", "app-0123456789abcdef.js", "export const a = 1;");
    assert_eq!(sw_version_and_files(&same).0, va);

    // A new build: another hash in the JS glue's name.
    let b = build("build-b", "app-fedcba9876543210.js", "export const a = 1;");
    let (vb, files_b) = sw_version_and_files(&b);
    assert_ne!(vb, va);
    assert!(files_b.contains(&"app-fedcba9876543210.js".to_string()));

    // Same names, other bytes (an edited manifest or icon keeps its name).
    let c = build("build-c", "app-0123456789abcdef.js", "export const a = 2;");
    assert_ne!(sw_version_and_files(&c).0, va);
}

/// No browser, but needs dist/ (hence the `e2e_` name): the release build has sw.js (from the
/// Trunk hook) listing exactly the files of dist/ (wasm, JS glue, stylesheet, favicon, index.html,
/// the manifest and its three icons), and the manifest names icons that are there, of their size.
#[test]
fn e2e_release_build_has_sw_and_manifest() {
    let dist = dist_dir();
    let (version, files) = sw_version_and_files(&dist);
    let mut on_disk = Vec::new();
    files_under(&dist, "", &mut on_disk);
    on_disk.retain(|f| f != "sw.js");
    on_disk.sort();
    assert_eq!(files, on_disk, "sw.js of dist/ (version {version}) is stale");
    for suffix in ["_bg.wasm", ".js", ".css", ".svg"] {
        assert!(files.iter().any(|f| f.ends_with(suffix)), "no {suffix} in {files:?}");
    }
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("manifest.webmanifest")).unwrap()).unwrap();
    assert_eq!(manifest["start_url"], ".");
    assert_eq!(manifest["scope"], ".");
    assert_eq!(manifest["display"], "standalone");
    let icons = manifest["icons"].as_array().unwrap();
    for (size, purpose) in [("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")] {
        let icon = icons
            .iter()
            .find(|i| i["sizes"] == size && i["purpose"] == purpose)
            .unwrap_or_else(|| panic!("no {purpose} icon of {size}"));
        let src = icon["src"].as_str().unwrap();
        assert!(files.contains(&src.to_string()), "{src} is not cached");
        // A PNG's width and height are big-endian u32s at bytes 16..24 of its IHDR chunk.
        let png = std::fs::read(dist.join(src)).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{src} is not a PNG");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!(format!("{w}x{h}"), size, "{src}");
    }
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        html.contains(r#"<link rel="manifest" href="manifest.webmanifest""#),
        "{html}"
    );
}

/// Wait until a service worker controls the page (it has installed, cached the build and
/// claimed the page).
async fn wait_until_controlled(page: &Page) {
    page.wait_js("navigator.serviceWorker.controller !== null", json!(true))
        .await;
    page.wait_js("navigator.serviceWorker.controller.state === 'activated'", json!(true))
        .await;
}

/// The names in Cache Storage.
async fn cache_names(page: &Page) -> Value {
    page.client
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done, (e) => done(String(e)));",
            vec![],
        )
        .await
        .expect("caches.keys()")
}

/// What the browser asked the network for after the server stopped, besides what may go there
/// first: the page itself (network first, then the cached index.html), sw.js (the browser's
/// update check) and the test's probe. Every other file of the build must come from the worker's cache.
fn bypassed_the_cache(page: &Page, prefix: &str) -> Vec<String> {
    let allowed = [
        format!("{prefix}/"),
        format!("{prefix}/index.html"),
        format!("{prefix}/sw.js"),
        // The test's own probe (`Site::probe`), not a file of the build.
        format!("{prefix}/__probe.js"),
    ];
    page.offline_requests()
        .into_iter()
        .filter(|t| !allowed.iter().any(|a| t.split('?').next() == Some(a.as_str())))
        .collect()
}

/// Offline, open a deep link this browser never loaded (the cached index.html answers any
/// query), check its numbers against the closed form, then step on and back.
async fn deep_link_works_offline(page: &Page, prefix: &str) {
    page.stop_server().await;
    page.goto(&format!("{prefix}/?w21=0.3&step=grad-w21")).await;
    assert_eq!(page.attr("step", "data-slug").await, "grad-w21");
    // Independent reference (tests/e2e/reference.rs): Mazur's network with w21 = 0.3.
    let net = reference::Net { w21: 0.3, ..MAZUR };
    assert_eq!(page.value("param-w21").await, 0.3);
    let want: f64 = net.dw21_factors().iter().product();
    assert_close("grad-w21", page.value("grad-w21").await, want);
    assert_close("E", page.value("value-E").await, net.forward().E);
    page.wait_js(
        "document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0",
        json!(true),
    )
    .await;
    page.assert_no_panic().await;

    page.click("next").await;
    let next = page.wait_attr_change("step", "data-slug", "grad-w21").await;
    page.wait_js(
        &format!("new URLSearchParams(location.search).get('step') === {next:?}"),
        json!(true),
    )
    .await;
    page.click("prev").await;
    assert_eq!(page.wait_attr_change("step", "data-slug", &next).await, "grad-w21");
    assert_close("grad-w21", page.value("grad-w21").await, want);
    page.assert_no_panic().await;
    // The page went to the (failing) network first: the stopped server saw it, so the next
    // check is not empty for want of a log.
    let tried = page.offline_requests();
    assert!(tried.iter().any(|t| t.contains("step=grad-w21")), "{tried:?}");
    let bypassed = bypassed_the_cache(page, prefix);
    assert!(bypassed.is_empty(), "offline, these went to the network: {bypassed:?}");
}

/// The check that nothing bypassed the cache can fail: with a worker that caches index.html
/// only (sw.js's list of files cut down to it), the app's own files go to the network, and
/// offline the check names them.
#[tokio::test]
async fn e2e_offline_check_sees_files_that_bypass_the_cache() {
    let site_dir = scratch("index-only");
    copy_dist_into(&site_dir);
    let sw = site_dir.join("sw.js");
    let js = std::fs::read_to_string(&sw).unwrap();
    let cut: Vec<String> = js
        .lines()
        .map(|l| {
            if l.starts_with("const FILES = ") {
                r#"const FILES = ["index.html"];"#.into()
            } else {
                l.into()
            }
        })
        .collect();
    assert_ne!(cut.join("\n"), js.trim_end(), "sw.js has a FILES line");
    std::fs::write(&sw, cut.join("\n")).unwrap();
    let site = Site {
        dir: Some(site_dir),
        ..Site::default()
    };
    with_site(site, "/?step=forward", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        page.stop_server().await;
        page.goto("/?w21=0.3&step=grad-w21").await;
        // The cached index.html opens; the JS glue it names is not cached.
        let start = std::time::Instant::now();
        while bypassed_the_cache(&page, "").is_empty() {
            assert!(start.elapsed() < harness::TIMEOUT, "{:?}", page.offline_requests());
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let bypassed = bypassed_the_cache(&page, "");
        assert!(bypassed.iter().any(|t| t.ends_with(".js")), "{bypassed:?}");
    })
    .await;
}

/// ACCEPTANCE: load the release build once (under the strict CSP of scripts/csp.sh: the worker
/// and the manifest break no rule), take the server away, and a new deep link still opens with
/// the right numbers and steps.
#[tokio::test]
async fn e2e_offline_after_first_visit() {
    let site = Site {
        headers: vec![("Content-Security-Policy".into(), strict_csp())],
        probe: Some(VIOLATIONS_PROBE.into()),
        ..Site::default()
    };
    with_site(site, "/?step=forward", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        assert_eq!(
            page.js("navigator.serviceWorker.controller.scriptURL").await,
            json!(format!("{}/sw.js", page.js("location.origin").await.as_str().unwrap()))
        );
        assert_eq!(page.js("window.__violations").await, json!([]));
        let requested: Vec<String> = page.requests().into_iter().map(|(t, _)| t).collect();
        for file in ["/sw.js", "/manifest.webmanifest", "/icon-512.png"] {
            assert!(
                requested.iter().any(|t| t == file),
                "{file} not requested: {requested:?}"
            );
        }
        deep_link_works_offline(&page, "").await;
    })
    .await;
}

/// The same under a sub-path: the worker registers at /course/ml/sw.js, its scope is
/// /course/ml/, and the deep link under it works offline.
#[tokio::test]
async fn e2e_offline_under_a_subpath() {
    let site = Site {
        dir: Some(subpath_dist()),
        prefix: "/course/ml".into(),
        ..Site::default()
    };
    with_site(site, "/course/ml/?step=forward", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        assert_eq!(
            page.js("new URL(navigator.serviceWorker.controller.scriptURL).pathname")
                .await,
            json!("/course/ml/sw.js")
        );
        page.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 navigator.serviceWorker.ready.then((r) => done(new URL(r.scope).pathname));",
                vec![],
            )
            .await
            .map(|scope| assert_eq!(scope, json!("/course/ml/")))
            .expect("registration scope");
        deep_link_works_offline(&page, "/course/ml").await;
    })
    .await;
}

/// A new deploy: the same site with a changed index.html and a regenerated sw.js. The next load
/// installs the new worker, which replaces the old cache with its own, and offline the page is
/// the new build.
#[tokio::test]
async fn e2e_new_deploy_replaces_the_cache() {
    let site_dir = scratch("deploy");
    copy_dist_into(&site_dir);
    let (old_version, _) = sw_version_and_files(&site_dir);
    let site = Site {
        dir: Some(site_dir.clone()),
        ..Site::default()
    };
    with_site(site, "/", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        assert_eq!(cache_names(&page).await, json!([format!("backprop-lab-{old_version}")]));
        assert_eq!(page.count("deploy-marker").await, 0);

        // Deploy: index.html changes, scripts/sw.py runs on the site as Trunk's hook would.
        let index = site_dir.join("index.html");
        let html = std::fs::read_to_string(&index).unwrap();
        let html = html.replacen(
            "</body>",
            r#"<p data-testid="deploy-marker" hidden>second deploy</p></body>"#,
            1,
        );
        std::fs::write(&index, html).unwrap();
        generate_sw(&site_dir);
        let (new_version, _) = sw_version_and_files(&site_dir);
        assert_ne!(new_version, old_version);

        // Online, the page is fetched from the network: the new index.html at once; the browser
        // finds the changed sw.js, and the new worker takes over and deletes the old cache.
        page.goto("/?step=forward").await;
        page.wait("deploy-marker").await;
        let want = json!([format!("backprop-lab-{new_version}")]);
        let start = std::time::Instant::now();
        loop {
            let names = cache_names(&page).await;
            if names == want {
                break;
            }
            assert!(start.elapsed() < harness::TIMEOUT, "caches are {names}, want {want}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        wait_until_controlled(&page).await;

        // Offline: the cached page is the new one.
        page.stop_server().await;
        page.goto("/?step=grad-w21").await;
        page.wait("deploy-marker").await;
        assert_eq!(page.attr("step", "data-slug").await, "grad-w21");
        assert_close(
            "grad-w21",
            page.value("grad-w21").await,
            MAZUR.dw21_factors().iter().product(),
        );
        page.assert_no_panic().await;
    })
    .await;
}

fn copy_dist_into(dir: &Path) {
    copy_dir(&dist_dir(), dir);
}

/// Installable: Chromium's own checks (DevTools `Page.getAppManifest` and
/// `Page.getInstallabilityErrors`) find the manifest, parse it without error and report nothing
/// that stops installing the app.
#[tokio::test]
async fn e2e_chromium_finds_the_app_installable() {
    with_site(Site::default(), "/", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        let manifest = page.cdp("Page.getAppManifest", json!({})).await;
        let origin = page.js("location.origin").await;
        assert_eq!(
            manifest["url"],
            json!(format!("{}/manifest.webmanifest", origin.as_str().unwrap())),
            "{manifest}"
        );
        assert_eq!(manifest["errors"], json!([]), "{manifest}");
        let errors = page.cdp("Page.getInstallabilityErrors", json!({})).await;
        assert_eq!(errors["installabilityErrors"], json!([]), "{errors}");
    })
    .await;
}

/// Practice mode works offline after one visit that never turned it on: the worker's files are
/// in the cache from the first visit, and none of them goes to the network.
#[tokio::test]
async fn e2e_practice_works_offline_after_one_visit() {
    with_site(Site::default(), "/?step=forward&lang=en", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        page.stop_server().await;
        page.goto("/?step=grad-w21&practice=1&lang=en").await;
        page.wait("practice-box").await;
        page.wait_js("!!document.querySelector('[data-testid^=question-]')", json!(true))
            .await;
        // The worker judges offline too: a question's answer shown changes the question.
        let before = page
            .js("document.querySelector('[data-testid=practice-box]').outerHTML")
            .await;
        page.js("document.querySelector('[data-testid^=reveal-]').click(), true")
            .await;
        page.wait_js(
            &format!("document.querySelector('[data-testid=practice-box]').outerHTML !== {before}"),
            json!(true),
        )
        .await;
        assert_eq!(page.count("practice-silent").await, 0);
        page.assert_no_panic().await;
        let bypassed = bypassed_the_cache(&page, "");
        assert!(bypassed.is_empty(), "offline, these went to the network: {bypassed:?}");
    })
    .await;
}

/// The digits index.html gives the practice worker's file names (scripts/post_build.py).
fn worker_digits(dir: &Path) -> String {
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let at = html
        .find(r#"<meta name="practice-worker" content=""#)
        .expect("the worker's meta tag")
        + 38;
    html[at..at + 16].to_owned()
}

/// A new build of the site in `dir`, as a deploy replaces it: the practice worker's wasm gets
/// other bytes (a custom section, as a changed build changes its code), then Trunk's post_build
/// hook runs on the site as after a build (new names for the worker, a new sw.js); the old
/// worker files are gone.
fn deploy_new_worker(dir: &Path) {
    let mut wasm_files = Vec::new();
    files_under(dir, "", &mut wasm_files);
    wasm_files.retain(|f| f.starts_with("practice-worker") && f.ends_with("_bg.wasm"));
    assert_eq!(wasm_files.len(), 1, "{wasm_files:?}");
    let path = dir.join(&wasm_files[0]);
    let mut wasm = std::fs::read(&path).unwrap();
    // Custom section (id 0) of 8 bytes: the name's length, "deploy", one byte of content.
    wasm.extend_from_slice(b"\x00\x08\x06deploy2");
    std::fs::write(&path, wasm).unwrap();
    let out = Command::new("python3")
        .arg(root().join("scripts/post_build.py"))
        .arg(dir)
        .output()
        .expect("python3 scripts/post_build.py");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A tab left open across a deploy never pairs its page with the new build's practice worker.
/// The tab opens build A (practice off); build B, whose practice worker's wasm differs, replaces
/// A on the server; B's service worker takes over the tab and deletes A's cache. Turning practice
/// on in the old tab then cannot start B's worker (A's page names A's worker, which is gone): it
/// says the worker does not answer, and its reload button opens B, whose practice works.
#[tokio::test]
async fn e2e_a_tab_open_across_a_deploy_never_runs_the_new_worker() {
    let site_dir = scratch("deploy-worker");
    copy_dist_into(&site_dir);
    let old_digits = worker_digits(&site_dir);
    let site = Site {
        dir: Some(site_dir.clone()),
        ..Site::default()
    };
    with_site(site, "/?step=grad-w21&lang=en", |page: Page| async move {
        page.wait("next").await;
        wait_until_controlled(&page).await;
        deploy_new_worker(&site_dir);
        let new_digits = worker_digits(&site_dir);
        assert_ne!(new_digits, old_digits, "the new build names its worker anew");
        let (new_version, files) = sw_version_and_files(&site_dir);
        assert!(files.iter().any(|f| f.contains(&new_digits)), "{files:?}");

        // The browser checks sw.js (as on any other tab's visit): B's worker takes over this tab.
        page.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => done(true), (e) => done(String(e)));",
                vec![],
            )
            .await
            .expect("registration.update()");
        let want = json!([format!("backprop-lab-{new_version}")]);
        let start = std::time::Instant::now();
        while cache_names(&page).await != want {
            assert!(start.elapsed() < harness::TIMEOUT, "caches are not {want}");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }

        // The old page turns practice on: it names its own build's worker, which is gone.
        page.click("practice-toggle").await;
        page.wait("practice-silent").await;
        assert_eq!(page.count("practice-box").await, 0, "the old page shows questions");
        let asked: Vec<String> = page.requests().into_iter().map(|(t, _)| t).collect();
        assert!(
            asked.iter().any(|t| t.contains(&format!("practice-worker-{old_digits}"))),
            "{asked:?}"
        );
        page.assert_no_panic().await;

        // The reload opens the new build, and practice works there.
        page.click("practice-reload").await;
        page.wait("practice-box").await;
        assert_eq!(
            page.js("document.querySelector('meta[name=practice-worker]').content").await,
            json!(new_digits)
        );
        assert_eq!(page.count("practice-silent").await, 0);
        page.assert_no_panic().await;
    })
    .await;
}

/// A copy of dist/ in a scratch directory whose practice worker's loader is `loader` (None: the
/// file is missing).
fn site_with_worker_loader(name: &str, loader: Option<&str>) -> PathBuf {
    let dir = scratch(name);
    copy_dist_into(&dir);
    let path = dir.join(format!("practice-worker-{}_loader.js", worker_digits(&dir)));
    assert!(path.is_file(), "{} is missing", path.display());
    match loader {
        Some(js) => std::fs::write(&path, js).unwrap(),
        None => std::fs::remove_file(&path).unwrap(),
    }
    generate_sw(&dir);
    dir
}

/// A worker that cannot be fetched (a 404): practice mode says so in the page's language, with a
/// reload button, at once; the worker's error is not an uncaught error of the page.
#[tokio::test]
async fn e2e_a_worker_that_fails_to_load_is_reported() {
    let dir = site_with_worker_loader("worker-missing", None);
    for (lang, says, button) in [
        ("en", "Practice mode could not start", "Reload the page"),
        ("ko", "연습 모드를 시작하지 못했습니다", "페이지 다시 열기"),
    ] {
        let site = Site {
            dir: Some(dir.clone()),
            ..Site::default()
        };
        let start = format!("/?step=grad-w21&practice=1&lang={lang}");
        with_site(site, &start, move |page: Page| async move {
            let text = page.wait("practice-silent").await.text().await.unwrap();
            assert!(text.contains(says) && text.contains(button), "{lang}: {text:?}");
            assert_eq!(page.count("practice-box").await, 0);
            page.assert_no_panic().await;
        })
        .await;
    }
}

/// A worker that loads and never answers (its loader does nothing): after the page's patience
/// (12 s, src/ui/practice.rs) it says so instead of leaving a page of blanks.
#[tokio::test]
async fn e2e_a_worker_that_never_answers_is_reported() {
    let dir = site_with_worker_loader("worker-silent", Some("// loads, then never says a word\n"));
    let site = Site {
        dir: Some(dir),
        ..Site::default()
    };
    with_site(site, "/?step=grad-w21&practice=1&lang=en", |page: Page| async move {
        page.wait("step").await;
        let opened = std::time::Instant::now();
        while page.count("practice-silent").await == 0 {
            assert!(
                opened.elapsed() < std::time::Duration::from_secs(25),
                "no message 25 s after the page opened with a silent worker"
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        assert!(
            opened.elapsed() > std::time::Duration::from_secs(5),
            "said before the worker had a chance"
        );
        assert_eq!(page.count("practice-box").await, 0);
        page.assert_no_panic().await;
        // The answer sheet, which has no lesson around it, says so too (its message once asked
        // for the lesson's context and trapped: found by a reviewer with a stalled worker).
        page.goto("/?step=answers&lang=ko&seed=42").await;
        page.wait("answer-sheet").await;
        let opened = std::time::Instant::now();
        while page.count("practice-silent").await == 0 {
            assert!(
                opened.elapsed() < std::time::Duration::from_secs(25),
                "no message on the answer sheet 25 s after it opened with a silent worker"
            );
            page.assert_no_panic().await;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        page.assert_no_panic().await;
    })
    .await;
}
