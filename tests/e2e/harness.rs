//! E2E harness: serves dist/ on a free loopback port, starts chromedriver, drives headless Chromium with fantoccini.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// How long to wait for an element or a change on the page.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Upper bound for one whole test body.
const TEST_TIMEOUT: Duration = Duration::from_secs(90);

/// Chromium flags for running as root in a container without a GPU or network.
const CHROME_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
];

/// Open `path_and_query` (e.g. `/?step=forward`) of the built app and run `body` on it.
/// Server, chromedriver and browser are torn down even when `body` panics.
pub async fn with_page<F, Fut>(path_and_query: &str, body: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_site(Site::default(), path_and_query, body).await
}

/// How the loopback server presents a built site. `Site::default()` is dist/ at the root, as
/// [`with_page`] serves it.
#[derive(Clone, Default)]
pub struct Site {
    /// The built site; `None` is dist/.
    pub dir: Option<PathBuf>,
    /// Serve the site under this path (e.g. `/course/ml`, no trailing slash); `""` is the root.
    /// Anything outside it is a 404.
    pub prefix: String,
    /// Extra response headers on every answer (e.g. a Content-Security-Policy).
    pub headers: Vec<(String, String)>,
    /// JavaScript served as `<prefix>/__probe.js` and loaded by a `<script>` inserted first in
    /// the `<head>` of index.html, to observe the page from navigation start (a same-origin
    /// file, so a strict CSP allows it).
    pub probe: Option<String>,
}

/// [`with_page`] on the site `site` served as it says.
pub async fn with_site<F, Fut>(site: Site, path_and_query: &str, body: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    with_site_within(site, path_and_query, TEST_TIMEOUT, body).await
}

/// [`with_site`] with its own upper bound for the whole test body, for tests that visit many
/// pages (the accessibility audit of every step).
pub async fn with_site_within<F, Fut>(site: Site, path_and_query: &str, test_timeout: Duration, body: F)
where
    F: FnOnce(Page) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let log = Arc::new(Mutex::new(Vec::new()));
    let offline = Arc::new(AtomicBool::new(false));
    let addr = serve(site, log.clone(), offline.clone()).await;
    let driver = Driver::start().await;
    let mut caps = fantoccini::wd::Capabilities::new();
    let profile = driver.profile.display();
    let mut args: Vec<String> = CHROME_ARGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={profile}"));
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": chromium_path(), "args": args }),
    );
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .unwrap_or_else(|e| panic!("cannot start a Chromium session via {}: {e}", driver.url));
    let page = Page {
        client: client.clone(),
        base: format!("http://{addr}"),
        log,
        offline,
    };
    let start = path_and_query.to_string();
    let test = body(page.clone());
    let outcome = tokio::time::timeout(
        test_timeout,
        tokio::spawn(async move {
            page.goto(&start).await;
            test.await
        }),
    )
    .await;
    let _ = client.close().await;
    drop(driver);
    match outcome {
        Err(_) => panic!("test body did not finish within {test_timeout:?}"),
        Ok(Err(e)) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Ok(Err(e)) => panic!("test body failed: {e}"),
        Ok(Ok(())) => {}
    }
}

/// One open browser tab on the served app.
#[derive(Clone)]
pub struct Page {
    pub client: Client,
    base: String,
    log: Arc<Mutex<Vec<(String, u16)>>>,
    /// Set by [`Page::stop_server`]: the server then answers nothing.
    offline: Arc<AtomicBool>,
}

impl Page {
    /// Navigate to `path_and_query` of the served app.
    pub async fn goto(&self, path_and_query: &str) {
        let url = format!("{}{}", self.base, path_and_query);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Wait up to [`TIMEOUT`] for the element `[data-testid="<id>"]`.
    pub async fn wait(&self, id: &str) -> Element {
        let css = format!("[data-testid=\"{id}\"]");
        match self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(&css))
            .await
        {
            Ok(el) => el,
            Err(e) => panic!("{css} did not appear within {TIMEOUT:?} on {}: {e}", self.url().await),
        }
    }

    /// Attribute `name` of `[data-testid="<id>"]` (waits for the element).
    pub async fn attr(&self, id: &str, name: &str) -> String {
        let el = self.wait(id).await;
        let v = el
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("reading {name} of {id}: {e}"));
        v.unwrap_or_else(|| panic!("[data-testid=\"{id}\"] has no attribute {name}"))
    }

    /// The number in `data-value` of `[data-testid="<id>"]`.
    pub async fn value(&self, id: &str) -> f64 {
        let raw = self.attr(id, "data-value").await;
        raw.parse()
            .unwrap_or_else(|e| panic!("data-value {raw:?} of {id} is not an f64: {e}"))
    }

    /// How many `[data-testid="<id>"]` elements exist right now (no waiting). A WebDriver error
    /// fails the test: it is not "none found" (finding none is an empty list, not an error), so
    /// no `count(..) == 0` check and no `assert_no_panic` can pass on a dead session.
    pub async fn count(&self, id: &str) -> usize {
        let css = format!("[data-testid=\"{id}\"]");
        self.client
            .find_all(Locator::Css(&css))
            .await
            .map(|v| v.len())
            .unwrap_or_else(|e| panic!("counting {css}: WebDriver error: {e}"))
    }

    /// Click `[data-testid="<id>"]`.
    pub async fn click(&self, id: &str) {
        let el = self.wait(id).await;
        el.click().await.unwrap_or_else(|e| panic!("clicking {id}: {e}"));
    }

    /// Poll `attr(id, name)` until it differs from `old`; return the new value.
    pub async fn wait_attr_change(&self, id: &str, name: &str, old: &str) -> String {
        let css = format!("[data-testid=\"{id}\"]");
        let start = Instant::now();
        loop {
            // Re-find each time: the element may be replaced when the view changes.
            if let Ok(el) = self.client.find(Locator::Css(&css)).await {
                if let Ok(Some(v)) = el.attr(name).await {
                    if v != old {
                        return v;
                    }
                }
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "{name} of {css} stayed {old:?} for {TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Poll a JavaScript expression until it returns `want`.
    pub async fn wait_js(&self, expr: &str, want: serde_json::Value) {
        let start = Instant::now();
        loop {
            let got = self.js(expr).await;
            if got == want {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "`{expr}` is {got} (want {want}) after {TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Wait until the page has drawn `n` more animation frames: what the app does once per frame
    /// (a training run's chunk of steps) has had `n` chances to happen, so a test can see that it
    /// did not, without sleeping a fixed time.
    #[allow(dead_code)] // not every test file uses it
    pub async fn frames(&self, n: u32) {
        let script = "const [n, done] = arguments; let k = 0; \
                      const f = () => (++k >= n ? done(true) : requestAnimationFrame(f)); requestAnimationFrame(f);";
        self.client
            .execute_async(script, vec![json!(n)])
            .await
            .unwrap_or_else(|e| panic!("waiting for {n} animation frames: {e}"));
    }

    /// Evaluate a JavaScript expression in the page.
    pub async fn js(&self, expr: &str) -> serde_json::Value {
        let script = format!("return ({expr});");
        self.client
            .execute(&script, vec![])
            .await
            .unwrap_or_else(|e| panic!("`{expr}`: {e}"))
    }

    /// Set the value of the input or select `[data-testid="<id>"]` and fire `change`, as a person
    /// choosing an option or leaving a field would.
    pub async fn set_value(&self, id: &str, value: &str) {
        self.wait(id).await;
        let script = "const el = document.querySelector(`[data-testid=\"${arguments[0]}\"]`); \
                      el.value = arguments[1]; \
                      el.dispatchEvent(new Event('change', { bubbles: true })); return el.value;";
        let got = self
            .client
            .execute(script, vec![json!(id), json!(value)])
            .await
            .unwrap_or_else(|e| panic!("setting {id} to {value}: {e}"));
        assert_eq!(got, json!(value), "{id} did not take {value}");
    }

    /// The page must not show the box of a stopped page (assets/stopped.js), and must have had no
    /// uncaught error and no unhandled rejection since it loaded: the script keeps each of them in
    /// `window.__errors`, which must exist (a page without the script fails too).
    pub async fn assert_no_panic(&self) {
        let errors = self.js("window.__errors").await;
        let Some(errors) = errors.as_array() else {
            panic!("window.__errors is {errors}: the page did not load assets/stopped.js");
        };
        assert!(errors.is_empty(), "uncaught errors in the page: {errors:?}");
        if self.count("panic").await > 0 {
            let text = self.wait("panic").await.text().await.unwrap_or_default();
            panic!("the app panicked: {text}");
        }
    }

    /// Every request the server answered so far: (request target, status code); status 0 for a
    /// request that reached it after [`Page::stop_server`] and was left unanswered.
    #[allow(dead_code)] // not every test file uses it
    pub fn requests(&self) -> Vec<(String, u16)> {
        self.log.lock().unwrap().clone()
    }

    /// Take the site off the network: from now on the loopback server closes every connection
    /// without an answer, so each request of the browser fails as with the network off, and it
    /// logs each such request with status 0 (see [`Page::offline_requests`]): a test can see what
    /// still went to the network instead of the service worker's cache.
    #[allow(dead_code)] // not every test file uses it
    pub async fn stop_server(&self) {
        self.offline.store(true, Ordering::SeqCst);
    }

    /// The request targets that reached the server after [`Page::stop_server`], in order.
    #[allow(dead_code)] // not every test file uses it
    pub fn offline_requests(&self) -> Vec<String> {
        let log = self.log.lock().unwrap();
        log.iter()
            .filter(|(_, code)| *code == 0)
            .map(|(t, _)| t.clone())
            .collect()
    }

    /// Run one Chrome DevTools Protocol command in this tab through chromedriver's
    /// `goog/cdp/execute` and return its result (e.g. `Emulation.setEmulatedMedia`).
    #[allow(dead_code)] // not every test file uses it
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params: params.clone(),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} {params}: {e}"))
    }

    /// The number of A4 pages Chromium prints the page on, as its Print does (print media, the
    /// page's own `@page` size and margins where it sets them; `Page.printToPDF`, what
    /// Playwright's `page.pdf` calls): the `/Type /Page` dictionaries of the PDF, not `/Pages`.
    #[allow(dead_code)] // not every test file uses it
    pub async fn a4_pages(&self) -> usize {
        let pdf = self
            .cdp(
                "Page.printToPDF",
                json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false }),
            )
            .await;
        let bytes = base64_decode(pdf["data"].as_str().expect("PDF data"));
        let text = String::from_utf8_lossy(&bytes);
        text.match_indices("/Type /Page")
            .filter(|(i, _)| !text[i + 11..].starts_with('s'))
            .count()
    }

    /// Make the page's viewport exactly `width` x `height` CSS pixels at device scale factor 1,
    /// as a phone (`mobile`: the meta viewport applies, overlay scrollbars, touch input) or a
    /// desktop, with `prefers-color-scheme` light or `dark`. Stays in force across navigations
    /// of this tab; checked against `innerWidth`/`innerHeight` after the next load.
    #[allow(dead_code)] // not every test file uses it
    pub async fn emulate(&self, view: View) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": view.width, "height": view.height, "deviceScaleFactor": 1, "mobile": view.mobile }),
        )
        .await;
        self.cdp(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": view.mobile, "maxTouchPoints": if view.mobile { 5 } else { 1 } }),
        )
        .await;
        let scheme = if view.dark { "dark" } else { "light" };
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "media": "", "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await;
    }

    /// Panic unless the loaded page has the viewport and colour scheme [`Page::emulate`] asked for.
    #[allow(dead_code)] // not every test file uses it
    pub async fn assert_view(&self, view: View) {
        let got = self
            .js("[innerWidth, innerHeight, devicePixelRatio, matchMedia('(prefers-color-scheme: dark)').matches]")
            .await;
        assert_eq!(
            got,
            json!([view.width, view.height, 1, view.dark]),
            "viewport [width, height, devicePixelRatio, dark] is not the emulated one"
        );
    }

    /// A PNG screenshot of the viewport.
    #[allow(dead_code)] // not every test file uses it
    pub async fn screenshot(&self) -> Vec<u8> {
        match self.client.screenshot().await {
            Ok(png) => png,
            Err(e) => panic!("screenshot of {}: {e}", self.url().await),
        }
    }

    async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }
}

/// dist/ of this crate (`trunk build --release` output).
pub fn dist_dir() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{}/index.html is missing: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// The policy `scripts/csp.sh` prints for dist/ (the one the README recommends): script-src
/// 'self' 'wasm-unsafe-eval' and the SHA-256 of Trunk's inline loader, nothing looser.
pub fn strict_csp() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("scripts/csp.sh"))
        .arg(dist_dir())
        .output()
        .expect("bash scripts/csp.sh");
    assert!(
        out.status.success(),
        "scripts/csp.sh: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let policy = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert_eq!(
        policy.matches("'sha256-").count(),
        1,
        "one inline script (Trunk's loader): {policy}"
    );
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
    policy
}

/// Records CSP violations from navigation start (a same-origin file: the policy allows it).
pub const VIOLATIONS_PROBE: &str = r#"window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
});"#;

fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Serve `site` over plain HTTP on 127.0.0.1 (free port) until the test's runtime ends; every
/// request is appended to `log` (with status 0 once `offline` is set: then none is answered).
async fn serve(site: Site, log: Log, offline: Arc<AtomicBool>) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
    let addr = listener.local_addr().unwrap();
    let site = Arc::new(Site {
        dir: Some(site.dir.clone().unwrap_or_else(dist_dir)),
        ..site
    });
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(respond(stream, site.clone(), log.clone(), offline.clone()));
        }
    });
    addr
}

type Log = Arc<Mutex<Vec<(String, u16)>>>;

/// Answer one GET with the file under the site's dir (`<prefix>/` is index.html), then close;
/// when `offline`, log the request with status 0 and close without answering.
async fn respond(mut stream: TcpStream, site: Arc<Site>, log: Log, offline: Arc<AtomicBool>) {
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let target = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    if offline.load(Ordering::SeqCst) {
        log.lock().unwrap().push((target, 0));
        return;
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // Only `<prefix>/...` belongs to the site.
    let under = match path.strip_prefix(site.prefix.as_str()) {
        Some(rest) if rest.starts_with('/') => Some(rest.trim_start_matches('/')),
        _ => None,
    };
    let dir = site.dir.clone().expect("serve() sets dir");
    let found = match under {
        None => None,
        Some(rel) if rel.split('/').any(|c| c == "..") => None,
        Some("__probe.js") if site.probe.is_some() => {
            Some((PathBuf::from("__probe.js"), site.probe.clone().unwrap().into_bytes()))
        }
        Some(rel) => {
            let rel = if rel.is_empty() { "index.html" } else { rel };
            let file = dir.join(rel);
            tokio::fs::read(&file).await.ok().map(|mut body| {
                if rel == "index.html" && site.probe.is_some() {
                    let html = String::from_utf8_lossy(&body).replacen(
                        "<head>",
                        &format!("<head><script src=\"{}/__probe.js\"></script>", site.prefix),
                        1,
                    );
                    body = html.into_bytes();
                }
                (file, body)
            })
        }
    };
    let (status, code, ctype, body) = match found {
        Some((file, body)) => ("200 OK", 200, content_type(&file), body),
        None => ("404 Not Found", 404, "text/plain", b"not found".to_vec()),
    };
    log.lock().unwrap().push((target, code));
    let extra: String = site.headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(header.as_bytes()).await;
    let _ = stream.write_all(&body).await;
    let _ = stream.shutdown().await;
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// A running chromedriver on a free loopback port; killed (and its profile dir removed) on drop.
struct Driver {
    child: Child,
    url: String,
    profile: PathBuf,
}

impl Driver {
    async fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let child = Command::new(&exe)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {exe} (scripts/setup.sh installs it): {e}"));
        let profile = std::env::temp_dir().join(format!("backprop-lab-e2e-{}-{port}", std::process::id()));
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            profile,
        };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            assert!(
                start.elapsed() < TIMEOUT,
                "{exe} did not listen on port {port} within {TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A viewport to emulate with [`Page::emulate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)] // not every test file uses it
pub struct View {
    pub width: u32,
    pub height: u32,
    /// A phone: meta viewport, overlay scrollbars, touch input.
    pub mobile: bool,
    /// `prefers-color-scheme: dark`.
    pub dark: bool,
}

#[allow(dead_code)] // not every test file uses it
impl View {
    /// A desktop browser window's viewport, light scheme.
    pub const fn desktop(width: u32, height: u32) -> View {
        View {
            width,
            height,
            mobile: false,
            dark: false,
        }
    }

    /// A phone's viewport, light scheme.
    pub const fn phone(width: u32, height: u32) -> View {
        View {
            width,
            height,
            mobile: true,
            dark: false,
        }
    }

    /// The same viewport with the dark colour scheme.
    pub const fn dark(self) -> View {
        View { dark: true, ..self }
    }
}

impl std::fmt::Display for View {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x{}", self.width, self.height)?;
        if self.dark {
            write!(f, " dark")?;
        }
        Ok(())
    }
}

/// chromedriver's `POST /session/{id}/goog/cdp/execute`: one DevTools Protocol command.
#[derive(Debug)]
#[allow(dead_code)] // not every test file uses it
struct Cdp {
    cmd: String,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("a CDP command needs a WebDriver session");
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Base64 as Chromium's printToPDF returns it (standard alphabet, padded).
#[allow(dead_code)] // not every test file uses it
fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let bytes: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(val).collect();
    bytes
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |n, &v| n << 6 | v as u32) << (6 * (4 - c.len()));
            let all = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            all.into_iter().take(c.len() * 3 / 4)
        })
        .collect()
}
