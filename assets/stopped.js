// A stopped page's box, made without the wasm (docs/hosting.md).
"use strict";
(function () {
  var errors = (window.__errors = []);
  function stopped(what) {
    errors.push(String(what));
    if (document.getElementById("panic") || !document.body) return;
    var lang = new URLSearchParams(location.search).get("lang");
    var en = (lang === "en" || lang === "ko" ? lang : document.documentElement.lang) === "en";
    var make = document.createElement.bind(document);
    var box = make("div");
    box.id = "panic";
    box.lang = en ? "en" : "ko";
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "panic");
    var p = make("p");
    p.textContent = en
      ? "Backprop Lab stopped because of an internal error: the page no longer responds."
      : "내부 오류로 Backprop Lab이 멈췄습니다. 이 페이지는 더 이상 반응하지 않습니다.";
    var a = make("a");
    a.href = location.href;
    a.setAttribute("data-testid", "panic-reload");
    a.textContent = en ? "Reload with the same step and values" : "같은 단계와 값으로 다시 열기";
    box.append(p, a);
    document.body.prepend(box);
  }
  addEventListener("error", function (e) {
    stopped(e.error || e.message);
  });
  addEventListener("unhandledrejection", function (e) {
    stopped(e.reason);
  });
})();
