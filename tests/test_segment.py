"""Paragraphs, sentences and quote pairing on messy marks."""
from __future__ import annotations

import pytest

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
