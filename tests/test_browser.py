"""The rendered page in a real headless Chromium: the DOM after its script ran, and a screenshot.

Skipped when no ``chromium``/``chromium-browser`` is on PATH.  The browser
runs with networking extras off and a throwaway profile, and loads the page
from a ``file://`` URL, so a page that tried to fetch anything would show it
as missing content rather than silently succeeding.
"""
from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quoteattr
from quoteattr.render import render_html, to_render_data

pytestmark = pytest.mark.browser

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_87ec2e4034d10613.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
]
SHOT_COPY = Path("/tmp/quoteattr_render.png")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not found on PATH (chromium / chromium-browser)")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=2000", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}"
    return proc


def _dump_dom(tmp_path: Path, page: Path, fragment: str = "") -> str:
    return _chromium(tmp_path, "--dump-dom", page.as_uri() + fragment).stdout


class Dom(HTMLParser):
    """Elements of the serialised DOM: tag, attributes, classes, text, and ancestors."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        el = {"tag": tag, "attrs": a, "cls": set((a.get("class") or "").split()), "text": "",
              "parents": list(self.stack)}
        self.elements.append(el)
        if tag not in {"meta", "br", "img", "input", "link", "hr", "wbr"}:
            self.stack.append(el)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for el in self.stack:
            el["text"] += data

    def select(self, tag: str, cls: str | None = None, inside: str | None = None) -> list[dict]:
        """``tag.cls`` elements, optionally only those inside the element with id ``inside``."""
        return [
            e for e in self.elements
            if e["tag"] == tag and (cls is None or cls in e["cls"])
            and (inside is None or any(p["attrs"].get("id") == inside for p in e["parents"]))
        ]


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, quoteattr.extract(text)


@needs_chromium
def test_seed_article_dom_after_script(tmp_path, seed):
    text, recs = seed
    assert recs, "the seed article should yield records"
    page = tmp_path / "article.html"
    page.write_text(render_html(text, recs, title=SEED.name), encoding="utf-8")
    dom = Dom(_dump_dom(tmp_path, page))

    html_el = dom.select("html")[0]
    assert html_el["attrs"].get("data-qa-ready") == "1", "the inline script did not run (CSP hash?)"
    data = to_render_data(text, recs)
    by_label = {label: [s for s in data["spans"] if s["label"] == label]
                for label in ("quote", "speaker", "cue", "source")}

    quotes = [m for m in dom.select("mark", "qa-quote", inside="qa-text") if "qa-cont" not in m["cls"]]
    assert len(quotes) == len(by_label["quote"])
    assert len({q["attrs"]["id"] for q in quotes}) == len(quotes)
    if len({(r.quote.start, r.quote.end) for r in recs}) == len(recs):
        assert len(quotes) == len(recs)
    for label in ("speaker", "cue", "source"):
        marks = [m for m in dom.select("mark", f"qa-{label}", inside="qa-text") if "qa-cont" not in m["cls"]]
        assert len(marks) == len(by_label[label]), label
    assert dom.select("mark", "qa-speaker", inside="qa-text") and dom.select("mark", "qa-cue", inside="qa-text")
    kinds = {r.kind for r in recs}
    for kind in kinds:
        assert any(f"qa-kind-{kind}" in q["cls"] and q["attrs"]["data-kind"] == kind for q in quotes)
    for q in quotes:
        assert q["attrs"].get("title") and q["attrs"].get("tabindex") == "0"

    entries = dom.select("li", "qa-entry", inside="qa-panel")
    assert len(entries) == len(recs)
    groups = dom.select("section", "qa-group", inside="qa-panel")
    assert len(groups) == len({(r.speaker.key or r.speaker.name) if r.speaker else "" for r in recs})
    # the text the browser shows is the article, character for character (pre-wrap keeps the breaks)
    article = dom.select("div", "qa-text")[0]["text"]
    assert article == text


@needs_chromium
def test_popup_opens_for_a_linked_quote(tmp_path, seed):
    text, recs = seed
    page = tmp_path / "article.html"
    page.write_text(render_html(text, recs), encoding="utf-8")
    dom = Dom(_dump_dom(tmp_path, page, "#qa-q0"))
    popup = next(e for e in dom.elements if e["attrs"].get("id") == "qa-popup")
    assert "hidden" not in popup["attrs"]
    assert popup["attrs"].get("data-records", "").split()[0] == "0"
    rec = recs[0]
    assert rec.speaker is not None and rec.speaker.name in popup["text"]
    for shown in (rec.kind, f"{rec.confidence:.2f}", rec.rule, rec.cue.text if rec.cue else "—"):
        assert shown in popup["text"]


@needs_chromium
def test_article_markup_does_not_become_elements(tmp_path):
    text = ("Ông Nguyễn Văn Hùng cho biết, <script>document.documentElement.setAttribute('data-pwned','1')"
            "</script> dự án sẽ hoàn thành vào tháng 6.\n\n"
            "“<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">"
            " Chúng tôi sẽ làm.”, bà Mai nói.")
    recs = quoteattr.extract(text)
    page = tmp_path / "evil.html"
    page.write_text(render_html(text, recs, title="<script>x</script>"), encoding="utf-8")
    dom = Dom(_dump_dom(tmp_path, page))
    html_el = dom.select("html")[0]
    assert "data-pwned" not in html_el["attrs"]
    assert html_el["attrs"].get("data-qa-ready") == "1"
    scripts = dom.select("script")
    assert len(scripts) == 1 and "pwned" not in scripts[0]["text"]
    assert not dom.select("script", inside="qa-text") and not dom.select("img")
    assert dom.select("div", "qa-text")[0]["text"] == text
    assert dom.select("title")[0]["text"] == "<script>x</script>"


@needs_chromium
def test_screenshot(tmp_path, seed):
    text, recs = seed
    page = tmp_path / "article.html"
    page.write_text(render_html(text, recs, title=SEED.name), encoding="utf-8")
    shot = tmp_path / "page.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    assert shot.is_file()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000, "a near-empty screenshot: nothing was drawn"
    try:
        shutil.copyfile(shot, SHOT_COPY)
    except OSError:
        pass  # a convenience copy for people, not part of the check
