// The SCORM 1.2 side of a package made by `bash scripts/build.sh --scorm` (docs/classroom.md,
// "Reporting to the LMS"). Only the package's launch file, scorm.html, loads this script; the
// app itself knows nothing of it and is framed unchanged. The interface between the two is
// the app's practice progress in local storage (key `backprop-lab-practice`, format `p1|...`,
// docs/practice.md "Progress"), which the app writes after each answer: the frame and this
// page share the origin, so each write reaches this page as a `storage` event.
//
// With an LMS: LMSInitialize; the progress kept in cmi.suspend_data is written to local storage
// before the app starts (the learner resumes); after each change, cmi.core.score.raw (solved ÷
// asked × 100 over the range's questions, min 0, max 100), cmi.core.lesson_status (incomplete,
// then completed once every question is solved), cmi.suspend_data and LMSCommit; on hiding the
// page cmi.core.session_time and LMSCommit; on leaving it, LMSFinish. Without an LMS the app
// runs as it would anywhere, and nothing is logged. A call the LMS refuses shows a short
// message; the answers stay in the browser.
(function () {
  'use strict';
  var STORE = 'backprop-lab-practice';
  // Whose progress the browser holds for the package's example (cmi.core.student_id), so that a
  // second learner on a shared computer does not start with the first one's answers.
  var LEARNER = 'backprop-lab-scorm-learner';
  var MESSAGE = {
    ko: '학습 관리 시스템이 풀이 기록을 받지 못했습니다. 답은 이 브라우저에 그대로 남아 있습니다.',
    en: 'The learning management system did not accept your progress. Your answers are kept in this browser.'
  };
  var body = document.body;
  var frame = document.getElementById('scorm-app');
  var example = body.getAttribute('data-example');
  var asked = body.getAttribute('data-asked').split(' ').filter(Boolean);
  var started = Date.now();
  var api = findApi();
  var live = false;
  var finished = false;
  var last = null;

  // The SCORM 1.2 API search (ADL's run-time environment, 3.3.6.1): this window and up to seven
  // parents, then the opener and its parents. A frame of another origin stops the walk.
  function search(win) {
    try {
      for (var tries = 0; win && !win.API; tries++) {
        if (tries >= 7 || !win.parent || win.parent === win) return null;
        win = win.parent;
      }
      return win ? win.API || null : null;
    } catch (e) {
      return null;
    }
  }
  function findApi() {
    return search(window) || (window.opener ? search(window.opener) : null);
  }

  // Calls the LMS; false (and the message shown) when it refuses or fails.
  function call(name, args) {
    var result, error;
    try {
      result = api[name].apply(api, args || []);
      error = String(api.LMSGetLastError());
    } catch (e) {
      result = 'false';
      error = '101';
    }
    var ok = (error === '0' || error === '') && (name === 'LMSGetValue' || String(result) === 'true');
    if (!ok) refused();
    return name === 'LMSGetValue' ? (ok ? String(result) : '') : ok;
  }
  function set(element, value) {
    return call('LMSSetValue', [element, value]);
  }

  function refused() {
    var p = document.getElementById('scorm-msg');
    var lang = body.getAttribute('data-lang');
    try {
      lang = frame.contentDocument.documentElement.lang || lang;
    } catch (e) {}
    p.textContent = MESSAGE[lang === 'en' ? 'en' : 'ko'];
    p.hidden = false;
  }

  // The progress text (`p1|<example>:<entry>,<entry>|...`) as [example, entries] pairs.
  function parse(text) {
    var parts = (text || '').split('|');
    if (parts.shift() !== 'p1') return [];
    return parts.map(function (part) {
      var i = part.indexOf(':');
      return i < 0 ? null : [part.slice(0, i), part.slice(i + 1).split(',').filter(Boolean)];
    }).filter(Boolean);
  }
  function write(pairs) {
    return ['p1'].concat(pairs.map(function (p) {
      return p[0] + ':' + p[1].join(',');
    })).join('|');
  }
  function read() {
    try {
      return localStorage.getItem(STORE);
    } catch (e) {
      return null;
    }
  }
  // The package's example's entries for the range's questions (solved, or revealed with `/r`).
  function entries(text) {
    var mine = parse(text).filter(function (p) {
      return p[0] === example;
    })[0];
    return (mine ? mine[1] : []).filter(function (e) {
      return asked.indexOf(e.replace(/\/r$/, '')) >= 0;
    });
  }

  // Before the app starts: the example's progress is what the LMS kept, with what this browser
  // holds for the same learner (an answer the LMS refused to take).
  function resume() {
    var kept = entries(call('LMSGetValue', ['cmi.suspend_data']));
    var learner = call('LMSGetValue', ['cmi.core.student_id']);
    var text = read();
    var pairs = parse(text);
    var local = [];
    try {
      if (localStorage.getItem(LEARNER) === learner) local = entries(text);
      localStorage.setItem(LEARNER, learner);
    } catch (e) {}
    local.forEach(function (e) {
      var solved = e.replace(/\/r$/, '');
      if (kept.indexOf(solved) < 0 && kept.indexOf(solved + '/r') < 0) kept.push(e);
      else if (e === solved && kept.indexOf(solved + '/r') >= 0) kept[kept.indexOf(solved + '/r')] = solved;
    });
    pairs = pairs.filter(function (p) {
      return p[0] !== example;
    });
    if (kept.length) pairs.push([example, kept]);
    try {
      localStorage.setItem(STORE, write(pairs));
    } catch (e) {}
  }

  // cmi.core.session_time: HHHH:MM:SS.SS since the page opened.
  function sessionTime() {
    var cs = Math.floor((Date.now() - started) / 10);
    function two(n) {
      return (n < 10 ? '0' : '') + n;
    }
    var h = String(Math.floor(cs / 360000));
    while (h.length < 4) h = '0' + h;
    return h + ':' + two(Math.floor(cs / 6000) % 60) + ':' + two(Math.floor(cs / 100) % 60) + '.' + two(cs % 100);
  }

  // Reports the progress in local storage when it changed, and commits.
  function report() {
    var done = entries(read());
    var key = done.join(',');
    if (!live || key === last) return;
    last = key;
    var solved = done.filter(function (e) {
      return !/\/r$/.test(e);
    }).length;
    var all = asked.length > 0 && solved === asked.length;
    set('cmi.core.score.min', '0');
    set('cmi.core.score.max', '100');
    set('cmi.core.score.raw', String(asked.length ? Math.round((solved * 10000) / asked.length) / 100 : 0));
    set('cmi.core.lesson_status', all ? 'completed' : 'incomplete');
    set('cmi.core.exit', all ? '' : 'suspend');
    set('cmi.suspend_data', done.length ? write([[example, done]]) : '');
    call('LMSCommit', ['']);
  }

  function hidden() {
    if (!live || finished || document.visibilityState !== 'hidden') return;
    set('cmi.core.session_time', sessionTime());
    call('LMSCommit', ['']);
  }

  function finish() {
    if (!live || finished) return;
    finished = true;
    report();
    set('cmi.core.session_time', sessionTime());
    call('LMSFinish', ['']);
  }

  if (api) {
    live = call('LMSInitialize', ['']);
    if (live) {
      resume();
      report();
      window.addEventListener('storage', function (e) {
        if (e.key === STORE) report();
      });
      document.addEventListener('visibilitychange', hidden);
      window.addEventListener('pagehide', finish);
      window.addEventListener('unload', finish);
    }
  }
  frame.src = body.getAttribute('data-app');
})();
