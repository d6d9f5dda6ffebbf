"""The HTML view: structure, escaping, overlapping spans, the panel and the CLI.

The page is parsed back with :mod:`html.parser` rather than searched with
regexes, so the tests check what a browser would build: the article's text
content must equal the input exactly, and each span's marks must cover
exactly its characters, whatever the overlaps.
"""
from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr.cli import main
from quoteattr.render import LABELS, render_data, render_html, to_render_data

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
INDIRECT = "Ông Nguyễn Văn Hùng cho biết, dự án sẽ hoàn thành vào tháng 6."
DIRECT = "“Chúng tôi sẽ làm.”, bà Mai nói."
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr"}


class Page(HTMLParser):
    """Elements with their attributes and text, plus the article text seen through its marks."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []
        self.scripts: list[str] = []
        self.text = ""         # concatenated data inside #qa-text
        self.in_text = 0       # depth of the open #qa-text element, 0 when outside
        self.mark_text: dict[int, str] = {}  # id(element) -> its text
        self.feed(markup)
        self.close()
        assert not self.stack, f"unclosed elements: {[e['tag'] for e in self.stack]}"

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self.stack)}
        self.elements.append(el)
        if tag in VOID:
            return
        self.stack.append(el)
        if el["attrs"].get("id") == "qa-text":
            self.in_text = len(self.stack)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1]["tag"] == tag, f"</{tag}> closes {self.stack[-1]['tag']!r}"
        if self.in_text == len(self.stack):
            self.in_text = 0
        self.stack.pop()

    def handle_data(self, data):
        for el in self.stack:
            el["text"] += data
        if self.stack and self.stack[-1]["tag"] == "script":
            self.scripts.append(data)
        if self.in_text:
            self.text += data

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[dict]:
        return [
            e for e in self.elements
            if (tag is None or e["tag"] == tag)
            and (cls is None or cls in e["attrs"].get("class", "").split())
            and all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def marks(self, cls: str | None = None) -> list[dict]:
        """Highlight marks inside the article (the legend's samples excluded)."""
        return [e for e in self.find("mark", cls) if "qa" in e["attrs"].get("class", "").split()]


def _record(text: str, quote: str, **more):
    start = text.index(quote)
    rec = {"quote": quote, "quote_start": start, "quote_end": start + len(quote), "kind": "direct",
           "speaker": None, "confidence": 0.5, "rule": "test"}
    rec.update(more)
    return rec


def _span(text: str, label: str, start: int, end: int) -> dict:
    name = {"speaker": "speaker_mention", "cue": "cue", "source": "source_mention"}[label]
    return {name: text[start:end], f"{name}_start": start, f"{name}_end": end}


# ---------------------------------------------------------------- real sentences


def test_indirect_statement_is_highlighted():
    recs = quoteattr.extract(INDIRECT)
    assert recs, "the rules engine should find the statement"
    page = Page(render_html(INDIRECT, recs, title="Tin ngắn"))
    assert page.text == INDIRECT
    quotes = page.marks("qa-quote")
    assert [q["text"] for q in quotes] == ["dự án sẽ hoàn thành vào tháng 6"]
    assert "qa-kind-indirect" in quotes[0]["attrs"]["class"]
    assert quotes[0]["attrs"]["data-kind"] == "indirect"
    assert quotes[0]["attrs"]["id"] == "qa-q0"
    assert [m["text"] for m in page.marks("qa-speaker")] == ["Ông Nguyễn Văn Hùng"]
    assert [m["text"] for m in page.marks("qa-cue")] == ["cho biết"]
    title = quotes[0]["attrs"]["title"]
    assert "Nguyễn Văn Hùng" in title and "cho biết" in title and "indirect" in title
    assert page.find("title")[0]["text"] == "Tin ngắn"


def test_direct_quote_first_is_highlighted():
    recs = quoteattr.extract(DIRECT)
    assert recs
    page = Page(render_html(DIRECT, recs))
    assert page.text == DIRECT
    quote = page.marks("qa-quote")[0]
    assert quote["text"] == "Chúng tôi sẽ làm."
    assert "qa-kind-direct" in quote["attrs"]["class"]
    assert [m["text"] for m in page.marks("qa-speaker")] == ["bà Mai"]
    assert [m["text"] for m in page.marks("qa-cue")] == ["nói"]
    entry = page.find("li", "qa-entry")[0]
    assert "Mai" in entry["text"] and "direct" in entry["text"]


def test_source_mention_is_highlighted():
    text = "Theo báo Tuổi Trẻ, ông Nguyễn Văn Hùng cho biết dự án sẽ xong."
    recs = quoteattr.extract(text)
    sources = [r.source.mention.text for r in recs if r.source and r.source.mention]
    page = Page(render_html(text, recs))
    assert [m["text"] for m in page.marks("qa-source")] == sources


def test_every_record_is_in_the_panel_and_links_to_its_quote():
    text = (SEEDS / "004_87ec2e4034d10613.txt").read_text(encoding="utf-8")
    recs = quoteattr.extract(text)
    assert len(recs) >= 5
    page = Page(render_html(text, recs))
    assert page.text == text
    entries = page.find("li", "qa-entry")
    assert sorted(int(e["attrs"]["data-record"]) for e in entries) == list(range(len(recs)))
    ids = {e["attrs"]["id"] for e in page.elements if "id" in e["attrs"]}
    for e in entries:
        i = int(e["attrs"]["data-record"])
        link = next(x for x in page.elements if x["tag"] == "a" and e in x["parents"])
        target = link["attrs"]["href"].lstrip("#")
        assert target in ids
        quote = next(m for m in page.marks("qa-quote") if m["attrs"].get("id") == target)
        assert i in map(int, quote["attrs"]["data-records"].split())
        assert " ".join(recs[i].quote.text.split())[:40] in " ".join(e["text"].split())
    # grouped by canonical speaker: one heading per distinct speaker
    speakers = {r.speaker.key or r.speaker.name if r.speaker else "" for r in recs}
    assert len(page.find("section", "qa-group")) == len(speakers)


def test_paragraph_breaks_are_kept():
    text = "Ông An nói: “Một.”\n\nBà Bình cho biết, hai.\nDòng ba."
    html = render_html(text, quoteattr.extract(text))
    page = Page(html)
    assert page.text == text
    assert "white-space:pre-wrap" in html


# ---------------------------------------------------------------- escaping


def test_article_markup_is_text_not_html():
    text = 'Ông A nói: “<script>alert(1)</script> & "x" \'y\' <img src=x onerror=alert(2)>”.'
    rec = _record(text, '<script>alert(1)</script> & "x"', speaker='Evil" onmouseover="alert(3)',
                  speaker_type="person", cue="<b>nói</b>")
    html = render_html(text, [rec], title="</title><script>alert(4)</script>")
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</mark> &#x27;y&#x27; &lt;img" in html
    page = Page(html)
    assert page.text == text
    assert len(page.find("script")) == 1  # only the page's own popup script
    assert not page.find("img") and not page.find("b")
    assert not any("onmouseover" in e["attrs"] or "onerror" in e["attrs"] for e in page.elements)
    quote = page.marks("qa-quote")[0]
    assert quote["text"] == rec["quote"]
    assert 'Evil" onmouseover="alert(3)' in quote["attrs"]["title"]
    assert page.find("title")[0]["text"] == "</title><script>alert(4)</script>"
    assert "&lt;b&gt;nói&lt;/b&gt;" in html


def test_page_is_self_contained():
    text = (SEEDS / "004_87ec2e4034d10613.txt").read_text(encoding="utf-8")
    html = render_html(text, quoteattr.extract(text))
    assert "http://" not in html and "https://" not in html
    page = Page(html)
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    assert not any("src" in e["attrs"] for e in page.elements)
    assert all(e["attrs"]["href"].startswith("#") for e in page.find("a"))
    assert "@import" not in html and "url(" not in html
    csp = page.find("meta", http_equiv="Content-Security-Policy")[0]["attrs"]["content"]
    assert "default-src 'none'" in csp


# ---------------------------------------------------------------- overlapping spans


def _pieces(page: Page, label: str, records: str) -> str:
    return "".join(m["text"] for m in page.marks(f"qa-{label}") if m["attrs"]["data-records"] == records)


def test_mention_inside_a_quote_nests():
    text = "Bà Lan nói: “Ông Hùng đã đồng ý rồi”, và bà cười."
    outer = _record(text, "Ông Hùng đã đồng ý rồi", speaker="Lan", **_span(text, "speaker", 0, 6))
    inner = _record(text, "đã đồng ý rồi", kind="indirect", speaker="Hùng",
                    **_span(text, "speaker", text.index("Ông Hùng"), text.index("Ông Hùng") + 8))
    page = Page(render_html(text, [outer, inner]))
    assert page.text == text
    assert _pieces(page, "quote", "0") == outer["quote"]
    assert _pieces(page, "quote", "1") == inner["quote"]
    hung = next(m for m in page.marks("qa-speaker") if m["text"] == "Ông Hùng")
    assert any("qa-quote" in p["attrs"].get("class", "") for p in hung["parents"])
    assert len(page.marks("qa-quote")) == 2  # properly nested: nothing had to be cut


def test_crossing_spans_are_cut_and_reopened():
    text = "0123456789abcdefghij"
    data = {"text": text, "records": [{"kind": "direct"}, {"kind": "mixed"}],
            "spans": [{"start": 0, "end": 10, "label": "quote", "records": [0]},
                      {"start": 5, "end": 15, "label": "speaker", "records": [1]}]}
    page = Page(render_data(data))
    assert page.text == text
    assert _pieces(page, "quote", "0") == text[0:10]
    assert _pieces(page, "speaker", "1") == text[5:15]
    speaker = page.marks("qa-speaker")
    assert len(speaker) == 2
    assert "qa-cont" not in speaker[0]["attrs"]["class"] and "qa-cont" in speaker[1]["attrs"]["class"]
    assert "id" not in speaker[1]["attrs"] and "tabindex" not in speaker[1]["attrs"]


def test_shared_boundary_and_identical_spans():
    text = "Ông An cho biết dự án xong."
    mention = _span(text, "speaker", 0, 6)
    cue = _span(text, "cue", 7, 15)
    a = _record(text, "dự án xong", kind="indirect", speaker="An", **mention, **cue)
    b = _record(text, "dự án", kind="indirect", speaker="An", **mention, **cue)
    data = to_render_data(text, [a, b])
    assert [s["label"] for s in data["spans"]] == ["speaker", "cue", "quote", "quote"]
    assert data["spans"][0]["records"] == [0, 1]  # one mark for the shared mention
    page = Page(render_data(data))
    assert page.text == text
    assert [m["text"] for m in page.marks("qa-speaker")] == ["Ông An"]
    assert page.marks("qa-speaker")[0]["attrs"]["data-records"] == "0 1"
    assert _pieces(page, "quote", "0") == "dự án xong"
    assert _pieces(page, "quote", "1") == "dự án"


def test_identical_quotes_of_two_records_share_one_mark():
    text = "“Được.”, ông A và bà B nói."
    recs = [_record(text, "Được.", speaker="A"), _record(text, "Được.", speaker="B")]
    page = Page(render_html(text, recs))
    quotes = page.marks("qa-quote")
    assert len(quotes) == 1 and quotes[0]["attrs"]["data-records"] == "0 1"
    links = [a["attrs"]["href"] for a in page.find("a", "qa-jump")]
    assert links == ["#qa-q0", "#qa-q0"]


@st.composite
def _texts_and_spans(draw):
    text = draw(st.text(alphabet="ab<&\"' \nđ“”", max_size=40))
    n = draw(st.integers(0, 6))
    spans = []
    for i in range(n):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        spans.append({"start": start, "end": end, "label": draw(st.sampled_from(LABELS)), "records": [i]})
    return text, spans


@settings(max_examples=300, deadline=None)
@given(_texts_and_spans())
def test_any_spans_render_the_text_once_and_cover_exactly_their_characters(case):
    """Overlapping, nested or touching spans on any text: the page shows every
    character exactly once, in order, and each highlight covers exactly its span."""
    text, spans = case
    records = [{"kind": "direct", "quote": "q"} for _ in spans]
    page = Page(render_data({"text": text, "records": records, "spans": spans}))
    assert page.text == text
    for sp in spans:
        assert _pieces(page, sp["label"], " ".join(map(str, sp["records"]))) == text[sp["start"]:sp["end"]]


# ---------------------------------------------------------------- empty and bad input


def test_no_records_shows_the_article_and_says_so():
    text = "Hôm nay trời mưa.\n\nKhông ai nói gì."
    page = Page(render_html(text, []))
    assert page.text == text
    assert not page.marks()
    assert "No records" in page.find("p", "qa-empty")[0]["text"]


def test_empty_text():
    page = Page(render_html("", []))
    assert page.text == ""
    assert page.find("p", "qa-empty")


def test_records_from_another_text_are_refused():
    recs = quoteattr.extract(INDIRECT)
    with pytest.raises(ValueError, match="another text"):
        render_html(INDIRECT.replace("Hùng", "Hưng"), recs)
    with pytest.raises(ValueError, match="outside the text"):
        render_html(INDIRECT[:20], recs)


def test_unknown_label_is_refused():
    with pytest.raises(ValueError, match="quote, speaker, cue, source"):
        render_data({"text": "abc", "records": [{}], "spans": [{"start": 0, "end": 1, "label": "x", "records": [0]}]})


# ---------------------------------------------------------------- the CLI


def test_cli_render_writes_the_page(tmp_path):
    src = tmp_path / "tin.txt"
    src.write_text(INDIRECT + "\n\n" + DIRECT + "\n", encoding="utf-8")
    out_html = tmp_path / "out" / "tin.html"
    out_html.parent.mkdir()
    out, err = io.StringIO(), io.StringIO()
    assert main(["render", str(src), "-o", str(out_html)], stdout=out, stderr=err) == 0, err.getvalue()
    html = out_html.read_text(encoding="utf-8")
    page = Page(html)
    assert page.text == src.read_text(encoding="utf-8")
    assert page.find("title")[0]["text"] == "tin.txt"
    assert len(page.find("li", "qa-entry")) >= 2
    assert out.getvalue() == ""


def test_cli_render_title_option(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(DIRECT, encoding="utf-8")
    dst = tmp_path / "a.html"
    assert main(["render", str(src), "-o", str(dst), "--title", "Bài <1>"],
                stdout=io.StringIO(), stderr=io.StringIO()) == 0
    assert "<title>Bài &lt;1&gt;</title>" in dst.read_text(encoding="utf-8")


def test_cli_render_missing_file(tmp_path):
    err = io.StringIO()
    missing = tmp_path / "nope.txt"
    dst = tmp_path / "nope.html"
    status = main(["render", str(missing), "-o", str(dst)], stdout=io.StringIO(), stderr=err)
    assert status != 0
    assert str(missing) in err.getvalue() and "no such file" in err.getvalue()
    assert not dst.exists()
