"""The collection report in a real headless Chromium: the index after its script ran, filters, search,
links into render's pages, hostile text, lazy drawing, load time and a screenshot.

The browser is driven over the DevTools protocol on a pipe (tests/cdp.py):
the page is loaded from ``file://`` with networking extras off, and what a
user does (typing, choosing an option, scrolling, clicking a link) is done
to the live page in real time.  Skipped when no Chromium is on PATH.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from quoteattr.report import Collection, search_key
from quoteattr.report_folder import attribute_documents, write_report
from quoteattr.report_page import index_html
from tests.cdp import CHROMIUM, Chromium
from tests.test_browser import Dom

pytestmark = pytest.mark.browser
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not found on PATH")

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "report"
DATA = re.compile(r'<script type="application/json" id="rp-data">(.*?)</script>', re.S)
SHOT_COPY = Path("/tmp/quoteattr_report.png")
READY = "document.documentElement.getAttribute('data-rp-ready') === '1'"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("report") / "rep"
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt")) if p.name != "hostile.txt"]
    write_report(folder, attribute_documents(docs), title="Giá điện và thuốc Tết")
    page = (folder / "index.html").read_text(encoding="utf-8")
    return folder, json.loads(DATA.findall(page)[0])


@pytest.fixture()
def browser():
    with Chromium(width=1280, height=900) as b:
        yield b


def open_index(browser: Chromium, folder: Path, fragment: str = "") -> Dom:
    browser.goto((folder / "index.html").as_uri() + fragment)
    browser.wait_for(READY)
    return Dom(browser.js("document.documentElement.outerHTML"))


def shown(browser: Chromium) -> dict:
    """What the list shows now: speakers in order, and for each statement its quote and reports."""
    return browser.js("""JSON.stringify(Array.from(document.querySelectorAll('.rp-speaker')).map(function (s) {
        return {name: s.querySelector('.rp-name').textContent, sts: Array.from(s.querySelectorAll('.rp-statement'))
          .map(function (li) { return {q: li.querySelector('.rp-quote').textContent,
            reports: Array.from(li.querySelectorAll('.rp-report')).map(function (r) {
              return {article: r.querySelector('.rp-article').textContent,
                      kind: r.querySelector('.rp-badge').textContent,
                      conf: Number(r.querySelector('.rp-conf').textContent),
                      outlet: (r.querySelector('.rp-outlet') || {}).textContent || null}; })}; })}; }))""")


def status(browser: Chromium) -> tuple[int, int, int]:
    return tuple(int(browser.js(f"document.getElementById('rp-status').getAttribute('data-{k}')"))
                 for k in ("speakers", "statements", "reports"))


def choose(browser: Chromium, select_id: str, value: str) -> None:
    """Pick an option as a user does: the value changes, then a change event."""
    browser.js(f"var s = document.getElementById({select_id!r}); s.value = {value!r};"
               "s.dispatchEvent(new Event('change', {bubbles: true}))")


def expected(data: dict, keep) -> tuple[int, int]:
    """(statements, reports) of the data whose reports pass ``keep(statement, occurrence)``."""
    sts = [[o for o in st["o"] if keep(st, o)] for st in data["statements"]]
    return sum(1 for o in sts if o), sum(len(o) for o in sts)


@needs_chromium
def test_index_ranks_speakers_and_lists_each_statement_once_with_its_articles(report, browser):
    folder, data = report
    dom = open_index(browser, folder)
    sections = dom.select("section", "rp-speaker", inside="rp-list")
    assert [s["attrs"]["data-speaker"] for s in sections] == [str(i) for i in range(len(data["speakers"]))]
    names = [e["text"] for e in dom.select("button", "rp-name")]
    assert names == [sp["n"] for sp in data["speakers"]]
    counts = [sp["s"] for sp in data["speakers"]]
    assert counts == sorted(counts, reverse=True)
    ranks = [e["text"] for e in dom.select("span", "rp-rank")]
    assert ranks == [f"#{i + 1}" for i in range(len(sections))]
    assert all(e["text"] == "person" for e in dom.select("span", "rp-type"))
    assert len(dom.select("li", "rp-statement")) == len(data["statements"])
    assert len(dom.select("option")) == 1 + len(data["speakers"]) + 4 + 2 + len(data["sources"])
    assert status(browser) == (len(data["speakers"]), len(data["statements"]),
                               sum(len(st["o"]) for st in data["statements"]))

    view = json.loads(shown(browser))
    quang = next(s for s in view if s["name"] == "Trần Minh Quang")
    same = [st for st in quang["sts"] if st["q"].startswith("Chúng tôi đã cân nhắc")]
    assert len(same) == 1, "one statement, though two outlets carried it"
    assert sorted(r["article"] for r in same[0]["reports"]) == ["gia-dien-tuoitre.txt", "gia-dien-vnexpress.txt"]
    assert sorted(r["outlet"] for r in same[0]["reports"]) == ["Tuổi Trẻ", "Vnexpress"]
    chips = [e["text"] for e in dom.select("span", "rp-outlet")
             if any(p["attrs"].get("class") == "rp-outlets" for p in e["parents"])
             and any(p["attrs"].get("data-speaker") == str(names.index("Trần Minh Quang")) for p in e["parents"])]
    assert sorted(chips) == ["Tuổi Trẻ ×2", "Vnexpress ×2"]


@needs_chromium
def test_each_report_links_to_its_article_page_at_the_quote(report, browser):
    folder, _ = report
    dom = open_index(browser, folder)
    links = dom.select("a", "rp-article", inside="rp-list")
    assert links
    for a in links:
        href = a["attrs"]["href"]
        page, _, anchor = href.partition("#")
        assert page.startswith("articles/") and anchor.startswith("qa-q")
        assert f'id="{anchor}"' in (folder / page).read_text(encoding="utf-8")
    # following one in the browser opens render's page with that quote's popup
    first = links[0]["attrs"]["href"]
    browser.js("document.querySelector('a.rp-article').click()")
    browser.wait_for("location.pathname.indexOf('/articles/') >= 0 && "
                     "document.documentElement.getAttribute('data-qa-ready') === '1'")
    assert browser.js("location.hash") == "#" + first.partition("#")[2]
    assert browser.js("document.getElementById('qa-popup').hidden") is False


@needs_chromium
def test_filters_by_kind_outlet_confidence_and_speaker(report, browser):
    folder, data = report
    open_index(browser, folder)
    choose(browser, "rp-kind", "direct")
    view = json.loads(shown(browser))
    kinds = {r["kind"] for s in view for st in s["sts"] for r in st["reports"]}
    assert kinds == {"direct"}
    direct = data["kinds"].index("direct")
    assert status(browser)[1:] == expected(data, lambda st, o: o[1] == direct)
    assert "kind=direct" in browser.js("location.hash")

    choose(browser, "rp-kind", "")
    dantri = next(i for i, s in enumerate(data["sources"]) if s["n"] == "Dân Trí")
    choose(browser, "rp-source", str(dantri))
    view = json.loads(shown(browser))
    assert [s["name"] for s in view] == ["Lê Thị Hoa"]
    assert {r["outlet"] for st in view[0]["sts"] for r in st["reports"]} == {"Dân Trí"}
    assert status(browser)[1:] == expected(data, lambda st, o: o[3] == dantri)

    choose(browser, "rp-source", "")
    browser.js("var m = document.getElementById('rp-min'); m.value = '0.85';"
               "m.dispatchEvent(new Event('input', {bubbles: true}))")
    browser.wait_for("document.getElementById('rp-status').textContent.indexOf('Matching') === 0")
    view = json.loads(shown(browser))
    assert min(r["conf"] for s in view for st in s["sts"] for r in st["reports"]) >= 0.85
    assert status(browser)[1:] == expected(data, lambda st, o: o[2] >= 0.85)
    assert browser.js("document.getElementById('rp-min-out').textContent") == "0.85"

    browser.js("document.querySelector('form').reset()")
    browser.wait_for("document.getElementById('rp-status').textContent.indexOf('Showing all') === 0")
    # a speaker's name narrows the list to that speaker
    browser.js("document.querySelector('.rp-speaker:nth-of-type(2) .rp-name').click()")
    view = json.loads(shown(browser))
    assert len(view) == 1 and view[0]["name"] == data["speakers"][1]["n"]
    assert browser.js("document.getElementById('rp-speaker').value") == "1"


@needs_chromium
def test_search_typed_without_diacritics_finds_the_quotes(report, browser):
    folder, data = report
    open_index(browser, folder)
    browser.js("document.getElementById('rp-q').focus()")
    browser.send("Input.insertText", session=True, text="benh vien")  # typed, as on a keyboard without tones
    browser.wait_for("document.getElementById('rp-status').textContent.indexOf('Matching') === 0")
    view = json.loads(shown(browser))
    quotes = [st["q"] for s in view for st in s["sts"]]
    assert quotes and all("benh vien" in search_key(q) for q in quotes)
    assert status(browser)[1] == sum(1 for st in data["statements"]
                                     if all(f" {w}" in f" {st['k']}" for w in ("benh", "vien")))
    assert "q=benh+vien" in browser.js("location.hash")
    # a query with no match says so
    browser.js("var q = document.getElementById('rp-q'); q.value = 'xyzzy';"
               "q.dispatchEvent(new Event('input', {bubbles: true}))")
    browser.wait_for("document.querySelector('.rp-none') !== null")
    assert status(browser) == (0, 0, 0)


@needs_chromium
def test_filters_in_the_address_are_restored(report, browser):
    folder, data = report
    open_index(browser, folder, "#kind=indirect&q=%22S%E1%BA%BC%20T%C4%82NG%22")
    view = json.loads(shown(browser))
    assert browser.js("document.getElementById('rp-q').value") == '"SẼ TĂNG"'
    assert browser.js("document.getElementById('rp-kind').value") == "indirect"
    assert [st["q"] for s in view for st in s["sts"]] == ["giá điện sẽ tăng 3% từ ngày 1/7"]


@needs_chromium
def test_hostile_article_text_stays_text(tmp_path, browser):
    text = (ARTICLES / "hostile.txt").read_text(encoding="utf-8")
    name = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','3')\">.txt"
    write_report(tmp_path / "rep", attribute_documents([(name, text)]), title="<script>alert(1)</script>")
    dom = open_index(browser, tmp_path / "rep")
    html_el = dom.select("html")[0]
    assert "data-pwned" not in html_el["attrs"]
    assert len(dom.select("script")) == 2 and not dom.select("img") and not dom.select("b")
    quotes = [e["text"] for e in dom.select("blockquote", "rp-quote")]
    assert any("</textarea><!-- sẽ không --> lùi tiến độ" in q for q in quotes)
    assert any("</script><b>đường sắt</b>" in q for q in quotes)
    assert dom.select("a", "rp-article")[0]["text"] == name
    assert dom.select("h1")[0]["text"] == "<script>alert(1)</script>"


def big_collection(speakers: int = 600, statements: int = 6, copies: int = 3) -> dict:
    """About the size of 1,000 news articles: 10,800 reports of 3,600 statements."""
    c = Collection()
    for s in range(speakers):
        for copy in range(copies):
            recs = [{"quote": f"Phát biểu số {k} của người thứ {s}: dự án {s * 7 + k} sẽ hoàn thành đúng hạn",
                     "kind": ("direct", "mixed", "indirect")[k % 3], "speaker": f"Nguyễn Văn Người{s}",
                     "speaker_key": f"nguyễn văn người{s}", "speaker_type": "person",
                     "source": ("VnExpress", "Tuổi Trẻ", "Dân Trí", None)[(s + copy) % 4],
                     "confidence": 0.6 + 0.05 * k} for k in range(statements - s % 3)]
            c.add(f"bai-{s}-{copy}.txt", recs, page=f"articles/{s}-{copy}.html",
                  anchors={i: f"qa-q{i}" for i in range(len(recs))})
    return c.data(title="lớn")


@needs_chromium
def test_a_large_index_draws_in_chunks_and_opens_fast(tmp_path, browser):
    data = big_collection()
    page = tmp_path / "index.html"
    page.write_text(index_html(data), encoding="utf-8")
    times = []
    for _ in range(3):  # the best of three: other work on a shared machine stretches one load
        open_index(browser, page.parent)
        times.append(json.loads(browser.js(
            "JSON.stringify({ready: performance.getEntriesByName('rp-ready')[0].startTime,"
            " load: performance.getEntriesByType('navigation')[0].loadEventEnd})")))
        if max(times[-1].values()) < 2000:
            break
    assert max(times[-1].values()) < 2000, times  # real time (navigation timing), not a virtual budget
    first = browser.js("document.querySelectorAll('.rp-statement').length")
    assert 0 < first < len(data["statements"]) / 4, "the first screen should not draw everything"
    for _ in range(3):
        browser.js("window.scrollTo(0, document.body.scrollHeight)")
        browser.wait_for(f"document.querySelectorAll('.rp-statement').length > {first}")
        first = browser.js("document.querySelectorAll('.rp-statement').length")
    # a filter over every statement answers at once
    took = browser.js("(function () { var t = performance.now(), s = document.getElementById('rp-kind');"
                      "s.value = 'mixed'; s.dispatchEvent(new Event('change')); document.body.offsetHeight;"
                      "return performance.now() - t; })()")
    assert took < 500
    assert status(browser)[1] == sum(1 for st in data["statements"] if any(o[1] == 1 for o in st["o"]))


@needs_chromium
def test_a_scroll_back_to_the_end_within_one_frame_still_draws_more(tmp_path, browser):
    """Drawing a chunk pushes the "more" row away; a scroll that brings it back before the browser
    has drawn a frame leaves the row's observed state unchanged, and an observer that only reports
    changes would stay silent: the reader at the bottom of the page would get nothing more."""
    page = tmp_path / "index.html"
    page.write_text(index_html(big_collection()), encoding="utf-8")
    open_index(browser, page.parent)
    before = browser.js("document.querySelectorAll('.rp-statement').length")
    # the second scroll runs in the same task as the drawing the first one caused, before any frame
    browser.js("""(function () {
        new MutationObserver(function (m, o) { o.disconnect(); window.scrollTo(0, document.body.scrollHeight); })
          .observe(document.getElementById('rp-list'), {childList: true, subtree: true});
        window.scrollTo(0, document.body.scrollHeight); })()""")
    # the page fills the screen again: the row ends up well below the window, past the 1500px margin
    browser.wait_for("document.getElementById('rp-more').getBoundingClientRect().top > window.innerHeight + 1500")
    assert browser.js("document.querySelectorAll('.rp-statement').length") >= before + 2 * 30


@needs_chromium
def test_screenshot(report, tmp_path, browser):
    folder, _ = report
    open_index(browser, folder)
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, "a near-empty screenshot: nothing was drawn"
    try:
        shutil.copyfile(shot, SHOT_COPY)
    except OSError:
        pass  # a convenience copy for people, not part of the check
