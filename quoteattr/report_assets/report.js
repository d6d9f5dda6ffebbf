(function () {
  "use strict";
  // The report's data is one JSON block; everything below draws it with
  // createElement/textContent only, so no text from an article becomes markup.
  var D = JSON.parse(document.getElementById("rp-data").textContent);
  var CHUNK = 30;        // statements drawn at once (a few screens); more as the reader scrolls
  var FIRST_REPORTS = 5; // reports listed per statement before a "show more" button
  function $(id) { return document.getElementById(id); }
  var qIn = $("rp-q"), spSel = $("rp-speaker"), kindSel = $("rp-kind"), srcSel = $("rp-source"),
      minIn = $("rp-min"), minOut = $("rp-min-out"), list = $("rp-list"), status = $("rp-status"),
      more = $("rp-more"), moreBtn = $("rp-more-btn"), form = $("rp-form");
  var view = [], cursor = { s: 0, t: 0 }, openList = null, timer = 0;

  // the same folding as quoteattr.report.search_key: no case, no diacritics, words only
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}+/gu, "").replace(/[\u0111\u0110]/g, "d").toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim();
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function speakerName(sp) { return sp.n === null ? "Unattributed" : sp.n; }

  function fillSelects() {
    var f = document.createDocumentFragment();
    D.speakers.forEach(function (sp, i) {
      var o = el("option", null, speakerName(sp) + " (" + sp.s + ")"); o.value = String(i); f.appendChild(o);
    });
    spSel.appendChild(f);
    f = document.createDocumentFragment();
    D.sources.forEach(function (s, i) {
      var o = el("option", null, s.n + " (" + s.c + ")"); o.value = String(i); f.appendChild(o);
    });
    srcSel.appendChild(f);
  }

  function filters() {
    return {
      words: queryWords(),
      speaker: spSel.value === "" ? -1 : Number(spSel.value),
      kind: kindSel.value === "" ? -1 : D.kinds.indexOf(kindSel.value),
      source: srcSel.value === "" ? null : Number(srcSel.value),
      min: Number(minIn.value) || 0
    };
  }
  // every word must start a word somewhere in the statement, its speaker, article or outlet;
  // a query in double quotes must occur as one phrase
  function padded(x) { return x._h || (x._h = " " + x.k); }  // cached: a search scans every report
  function found(words, st, o) {
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (padded(st).indexOf(w) < 0 && padded(D.docs[o[0]]).indexOf(w) < 0 &&
          !(o[3] >= 0 && padded(D.sources[o[3]]).indexOf(w) >= 0)) return false;
    }
    return true;
  }
  function queryWords() {
    var raw = qIn.value.trim(), phrase = /^".*"$/.test(raw) && raw.length > 1, q = fold(raw);
    if (!q) return [];
    return (phrase ? [q] : q.split(" ")).map(function (w) { return " " + w; });
  }
  // filters apply to each report of a statement; a statement stays while one report does
  function select(f) {
    var bySpeaker = new Map(), out = [];
    D.statements.forEach(function (st) {
      if (f.speaker >= 0 && st.p !== f.speaker) return;
      var occ = st.o.filter(function (o) {
        return (f.kind < 0 || o[1] === f.kind) && (f.source === null || o[3] === f.source) &&
          o[2] >= f.min - 1e-9 && found(f.words, st, o);
      });
      if (!occ.length) return;
      var entry = bySpeaker.get(st.p);
      if (!entry) { entry = { p: st.p, sts: [] }; bySpeaker.set(st.p, entry); out.push(entry); }
      entry.sts.push({ st: st, occ: occ });
    });
    out.sort(function (a, b) {
      var ua = D.speakers[a.p].n === null, ub = D.speakers[b.p].n === null;
      return (ua - ub) || (b.sts.length - a.sts.length) || (a.p - b.p);
    });
    return out;
  }

  function speakerSection(entry, rank) {
    var sp = D.speakers[entry.p], sec = el("section", "rp-speaker"), h = el("h2");
    sec.setAttribute("data-speaker", String(entry.p));
    h.appendChild(el("span", "rp-rank", "#" + rank));
    var name = el("button", "rp-name", speakerName(sp));
    name.type = "button"; name.title = "Show only this speaker"; name.setAttribute("data-speaker", String(entry.p));
    h.appendChild(name);
    if (sp.t) h.appendChild(el("span", "rp-type", sp.t));
    var reports = 0, outlets = new Map();
    entry.sts.forEach(function (x) {
      reports += x.occ.length;
      x.occ.forEach(function (o) { if (o[3] >= 0) outlets.set(o[3], (outlets.get(o[3]) || 0) + 1); });
    });
    h.appendChild(el("span", "rp-count", plural(entry.sts.length, "statement") + " · " + plural(reports, "report")));
    sec.appendChild(h);
    var p = el("p", "rp-outlets");
    if (outlets.size) {
      p.appendChild(el("span", "rp-label", "Outlets:"));
      Array.from(outlets).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).forEach(function (e) {
        p.appendChild(el("span", "rp-outlet", D.sources[e[0]].n + " ×" + e[1]));
      });
    } else {
      p.appendChild(el("span", "rp-label", "No outlet named in these reports"));
    }
    sec.appendChild(p);
    var ol = el("ol", "rp-statements");
    sec.appendChild(ol);
    return { sec: sec, ol: ol };
  }
  function shortName(name) { var cut = name.replace(/[\\/]+$/, "").split(/[\\/]/); return cut[cut.length - 1] || name; }
  function reportParts(o, into) {
    var doc = D.docs[o[0]], kind = D.kinds[o[1]];
    var a = el(doc.h ? "a" : "span", "rp-article", shortName(doc.n));
    a.title = doc.n;
    if (doc.h) { a.href = doc.h + (o[4] ? "#" + o[4] : ""); a.title += " — open the article with this quote highlighted"; }
    into.appendChild(a);
    into.appendChild(el("span", "rp-badge rp-kind-" + kind, kind));
    into.appendChild(el("span", "rp-conf", o[2].toFixed(2)));
    if (o[3] >= 0) into.appendChild(el("span", "rp-outlet", D.sources[o[3]].n));
    if (o[5] !== null) into.appendChild(el("q", "rp-variant", o[5]));
  }
  function reportItem(o) { var li = el("li", "rp-report"); reportParts(o, li); return li; }
  function statementItem(x) {
    var st = x.st, li = el("li", "rp-statement"), meta = el("div", "rp-meta");
    li.appendChild(el("blockquote", "rp-quote", st.q));
    li.appendChild(meta);
    if (x.occ.length === 1) {  // one report: on one line under the quote
      meta.classList.add("rp-report");
      reportParts(x.occ[0], meta);
      return li;
    }
    var kinds = [], top = 0, docs = new Set();
    x.occ.forEach(function (o) { if (kinds.indexOf(o[1]) < 0) kinds.push(o[1]); top = Math.max(top, o[2]); docs.add(o[0]); });
    meta.appendChild(el("span", "rp-docs", plural(x.occ.length, "report") + " in " + plural(docs.size, "article")));
    kinds.sort().forEach(function (k) { meta.appendChild(el("span", "rp-badge rp-kind-" + D.kinds[k], D.kinds[k])); });
    meta.appendChild(el("span", "rp-conf", "confidence up to " + top.toFixed(2)));
    var ul = el("ul", "rp-reports");
    x.occ.slice(0, x.occ.length > FIRST_REPORTS + 1 ? FIRST_REPORTS : x.occ.length).forEach(function (o) {
      ul.appendChild(reportItem(o));
    });
    li.appendChild(ul);
    if (ul.childNodes.length < x.occ.length) {
      var rest = x.occ.slice(ul.childNodes.length);
      var btn = el("button", "rp-expand", "show " + plural(rest.length, "more report"));
      btn.type = "button";
      btn.addEventListener("click", function () {
        rest.forEach(function (o) { ul.appendChild(reportItem(o)); });
        btn.remove();
      });
      li.appendChild(btn);
    }
    return li;
  }

  function drawMore() {
    var budget = CHUNK;
    while (budget > 0 && cursor.s < view.length) {
      var entry = view[cursor.s];
      if (cursor.t === 0) {
        var s = speakerSection(entry, cursor.s + 1);
        list.appendChild(s.sec);
        openList = s.ol;
      }
      var end = Math.min(entry.sts.length, cursor.t + budget);
      for (var t = cursor.t; t < end; t++) openList.appendChild(statementItem(entry.sts[t]));
      budget -= end - cursor.t;
      if (end === entry.sts.length) { cursor.s++; cursor.t = 0; } else { cursor.t = end; }
    }
    more.hidden = cursor.s >= view.length;
  }
  function nearBottom() { return !more.hidden && more.getBoundingClientRect().top < window.innerHeight + 1500; }
  var watcher = null;   // the IntersectionObserver on the "more" row, where the browser has one
  // An observer reports changes only: when drawing pushes the row away and a fast scroll brings it
  // back within one frame, the browser never saw it leave and stays silent.  Observing anew asks
  // for the row's state at the next frame, whatever it was before.
  function rewatch() { if (watcher) { watcher.unobserve(more); watcher.observe(more); } }
  function fillScreen() { drawMore(); if (nearBottom()) requestAnimationFrame(fillScreen); else rewatch(); }

  function update(fromUser) {
    var f = filters();
    view = select(f);
    cursor = { s: 0, t: 0 };
    list.textContent = "";
    var sts = 0, reps = 0, named = 0;
    view.forEach(function (e) {
      named += D.speakers[e.p].n === null ? 0 : 1;
      sts += e.sts.length;
      e.sts.forEach(function (x) { reps += x.occ.length; });
    });
    var filtered = f.words.length || f.speaker >= 0 || f.kind >= 0 || f.source !== null || f.min > 0;
    status.textContent = (filtered ? "Matching: " : "Showing all: ") + plural(named, "speaker") + " · " +
      plural(sts, "statement") + " · " + plural(reps, "report");
    status.setAttribute("data-speakers", String(view.length));
    status.setAttribute("data-statements", String(sts));
    status.setAttribute("data-reports", String(reps));
    if (!view.length) list.appendChild(el("p", "rp-none", "No statement matches these filters."));
    drawMore();
    if (fromUser) {
      writeHash();
      // after the frame, not now: measuring would force a layout inside the keystroke
      requestAnimationFrame(function () { if (nearBottom()) fillScreen(); });
    }
  }
  function later() { clearTimeout(timer); timer = setTimeout(function () { update(true); }, 120); }

  // the filters live in the address (#q=…&kind=…) so a view can be bookmarked or shared
  function writeHash() {
    var p = new URLSearchParams();
    if (qIn.value) p.set("q", qIn.value);
    if (spSel.value) p.set("speaker", spSel.value);
    if (kindSel.value) p.set("kind", kindSel.value);
    if (srcSel.value) p.set("source", srcSel.value);
    if (Number(minIn.value) > 0) p.set("min", minIn.value);
    var h = p.toString();
    try { history.replaceState(null, "", h ? "#" + h : location.pathname + location.search); } catch (e) { /* file: quirks */ }
  }
  function choose(sel, value) {
    sel.value = value === null ? "" : value;
    if (sel.value !== (value === null ? "" : value)) sel.value = "";
  }
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    qIn.value = p.get("q") || "";
    choose(spSel, p.get("speaker")); choose(kindSel, p.get("kind")); choose(srcSel, p.get("source"));
    var min = Number(p.get("min"));
    minIn.value = min > 0 && min <= 1 ? String(min) : "0";
    minOut.textContent = Number(minIn.value).toFixed(2);
  }

  fillSelects();
  readHash();
  form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
  form.addEventListener("reset", function () { setTimeout(function () { minOut.textContent = "0.00"; update(true); }, 0); });
  qIn.addEventListener("input", later);
  [spSel, kindSel, srcSel].forEach(function (s) { s.addEventListener("change", function () { update(true); }); });
  minIn.addEventListener("input", function () { minOut.textContent = Number(minIn.value).toFixed(2); later(); });
  list.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button.rp-name") : null;
    if (!b) return;
    spSel.value = b.getAttribute("data-speaker");
    update(true);
    window.scrollTo(0, 0);
  });
  moreBtn.addEventListener("click", drawMore);
  window.addEventListener("hashchange", function () { readHash(); update(false); });
  if ("IntersectionObserver" in window) {
    watcher = new IntersectionObserver(function (entries) {
      if (entries[entries.length - 1].isIntersecting) fillScreen();
    }, { rootMargin: "1500px 0px" });
    watcher.observe(more);
  }
  update(false);
  document.documentElement.setAttribute("data-rp-ready", "1");
  if (window.performance && performance.mark) performance.mark("rp-ready");
})();
