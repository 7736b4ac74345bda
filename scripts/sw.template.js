// Backprop Lab's service worker: keeps one build in the Cache Storage so the app works offline
// after the first visit. Written into the build by scripts/sw.py (a Trunk post_build hook), which
// replaces the two placeholders below: VERSION (derived from every file of the build, so a new
// deploy gives a new sw.js, which the browser installs) and FILES (the build's files, relative to
// this script). Every URL is resolved against this script's own location, so a build served
// under a sub-path (trunk build --public-url /course/ml/) caches and answers under that path.
"use strict";

const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = "backprop-lab-" + VERSION;
// Trunk names its outputs <stem>-<16 hex digits>.<ext>: such a name always holds the same bytes.
const HASHED = /-[0-9a-f]{16}(_bg|_loader)?\.[a-z0-9]+$/;
const BASE = new URL("./", self.location.href);
const INDEX = new URL("index.html", BASE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        FILES.map((file) => {
          // A hashed name may come from the HTTP cache (the page has just fetched it); an
          // unhashed one (index.html, the manifest, the icons) is revalidated with the server.
          return new Request(new URL(file, BASE).href, { cache: HASHED.test(file) ? "default" : "no-cache" });
        }),
      ),
    ),
  );
  // Take over from an older worker at once: the page loads all its code up front (one wasm, one
  // JS glue, one stylesheet) and fetches nothing from the cache later, so an open tab of the
  // previous build loses nothing when that build's cache is deleted.
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith("backprop-lab-") && n !== CACHE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return;
  const path = url.pathname.slice(BASE.pathname.length);
  if (request.mode === "navigate") {
    if (path !== "" && path !== "index.html") return;
    // The page itself: the network first (a new deploy shows at once), this build's index.html
    // when the network fails. The query (?step=..&w21=..) is the app's state, not part of the
    // file, so any query opens the cached page. A page fetched from the network is not stored:
    // it may name files of a newer build, which this cache does not hold.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match(INDEX)).then((cached) => cached || Response.error()),
      ),
    );
    return;
  }
  // The build's other files: from the cache, else from the network. Anything else is left alone.
  if (!FILES.includes(path)) return;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached || fetch(request)),
  );
});
