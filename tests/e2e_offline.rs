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

/// Offline, open a deep link this browser never loaded (the cached index.html answers any
/// query), check its numbers against the closed form, then step on and back.
async fn deep_link_works_offline(page: &Page, prefix: &str) {
    let requests_before = page.requests().len();
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
    assert_eq!(
        page.requests().len(),
        requests_before,
        "the server answered after it was stopped"
    );
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
