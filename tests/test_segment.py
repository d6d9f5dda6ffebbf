"""Paragraphs, sentences and quote pairing on messy marks."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from quoteattr.lexicon import Lexicon
from quoteattr.segment import find_articles, find_paragraphs, find_quotes, find_sentences
from quoteattr.text import NormalizedText

ABBR = Lexicon.default().compile().abbreviations


def quotes(text: str) -> list[str]:
    x = NormalizedText(text).text
    paras = find_paragraphs(x)
    sents = find_sentences(x, paras, ABBR)
    return [x[q.start:q.end] for q in find_quotes(x, paras, sents)]


@pytest.mark.parametrize("text, expected", [
    ("Ông A nói: “Tôi đồng ý.” Rồi đi.", ["Tôi đồng ý."]),
    ('Ông A nói: "Tôi đồng ý." Rồi đi.', ["Tôi đồng ý."]),
    ("Ông A nói: «Tôi đồng ý.» Rồi đi.", ["Tôi đồng ý."]),
    ("Ông A nói: „Tôi đồng ý.“ Rồi đi.", ["Tôi đồng ý."]),
    ("Bà B: ‘Không ai xứng đáng’ và ‘thế thôi’.", ["Không ai xứng đáng", "thế thôi"]),
    ("Ông O'Brien nói rằng “mọi việc ổn”.", ["mọi việc ổn"]),                    # apostrophe is no quote
    ("Ông A nói “chúng tôi gọi đó là ‘cơ hội’ lớn”.", ["chúng tôi gọi đó là ‘cơ hội’ lớn"]),  # nested
    ('Sloppy "mở bằng thẳng, đóng bằng cong”.', ["mở bằng thẳng, đóng bằng cong"]),
    ("“Câu chưa đóng ở cuối đoạn\nĐoạn sau không liên quan.", ["Câu chưa đóng ở cuối đoạn"]),
    ("“Đoạn một.\n\nĐoạn hai.” ông A nói.", ["Đoạn một.\n\nĐoạn hai."]),  # one span over a paragraph break
    ("Câu trước. Câu được trích mà không mở ngoặc.” Hết.", ["Câu được trích mà không mở ngoặc."]),
    ("“Xã hội văn minh hơn, “con người lại hung hãn hơn.”, ông nói.",
     ["Xã hội văn minh hơn, “con người lại hung hãn hơn."]),  # a stray second opener
])
def test_quote_pairing(text, expected):
    assert quotes(text) == expected


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = "GS.TS. Ngô Đức Thịnh và PGS. TS Huỳnh Văn Sơn nói. Ông H. Minh đồng ý! Tốt chưa?.Tiếp theo"
    x = NormalizedText(text).text
    sents = find_sentences(x, find_paragraphs(x), ABBR)
    assert [x[s.start:s.end] for s in sents] == [
        "GS.TS. Ngô Đức Thịnh và PGS. TS Huỳnh Văn Sơn nói.", "Ông H. Minh đồng ý!", "Tốt chưa?.", "Tiếp theo"]


def test_scraped_line_cuts_are_joined():
    x = "Bennett nói với phóng viên \nnews.com.au rằng mọi việc ổn.\nTheo ghi nhận của \nTBKTSG Online, giá tăng."
    paras = find_paragraphs(x)
    assert len(paras) == 2


def test_articles_split_at_form_feed():
    x = "Bài một.\n\f\nBài hai."
    assert [x[a.start:a.end].strip() for a in find_articles(x)] == ["Bài một.", "Bài hai."]


def test_hundred_thousand_quote_marks_finish():
    assert isinstance(quotes("“" * 100_000), list)


def _documented_examples() -> list[tuple[str, list[str]]]:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "how-it-works.md").read_text(encoding="utf-8")
    section = doc.split("#### Which way a quote mark faces", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [(cells[0], cells[1:]) for cells in
            ([c[1:-1] for c in regex.findall(r"`[^`]+`", row)] for row in rows)]


def test_the_documented_quote_mark_rule_holds():
    """docs/how-it-works.md states how a mark's direction is decided (position,
    then shape, a straight mark between two letters toggles); its examples
    must be what find_quotes does."""
    examples = _documented_examples()
    assert len(examples) >= 5
    for text, expected in examples:
        assert quotes(text) == expected, text
