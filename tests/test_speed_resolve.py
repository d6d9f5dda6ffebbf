"""The short cuts of the normalising and segmenting stages give what the full work gave.

Each reference is the earlier definition, kept as the oracle.
"""
from __future__ import annotations

import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import segment
from quoteattr import text as qt

from .test_text_equivalence import vi_texts

_ALWAYS = re.compile("")  # matches every text: the full path runs


def _full(original: str) -> qt.NormalizedText:
    saved, qt._TOUCHED = qt._TOUCHED, _ALWAYS
    try:
        return qt.NormalizedText(original)
    finally:
        qt._TOUCHED = saved


def test_the_untouched_characters_are_neither_rewritten_nor_marks() -> None:
    assert not qt._REWRITTEN.search(qt._UNTOUCHED) and not qt._MARK.search(qt._UNTOUCHED)
    assert all(qt._TOUCHED.match(c) is None for c in qt._UNTOUCHED)
    assert all(qt._TOUCHED.match(chr(cp)) for cp in range(0x2300) if chr(cp) not in qt._UNTOUCHED)


_PIECES = st.sampled_from(list("aăâđêôơưạếỏ \n\f\x1e\t\r\u00a0&<>“”\"'…–.,") + ["\u0301", "&amp;", "<br>", "hoà", "thuỷ",
                                                                               "\u200b", "Ông", "A\u0300"])


@given(st.one_of(vi_texts, st.lists(_PIECES, max_size=30).map("".join)), st.data())
def test_a_text_no_pass_touches_is_normalised_as_by_the_full_path(text, data) -> None:
    fast, full = qt.NormalizedText(text), _full(text)
    assert (fast.text, fast._spelled, len(fast._maps)) == (full.text, full._spelled, len(full._maps))
    start = data.draw(st.integers(-2, len(text) + 2))
    end = data.draw(st.integers(-2, len(text) + 2))
    assert fast.span(start, end) == full.span(start, end)
    if 0 <= start <= end <= len(fast.text):
        assert fast.spelling(start, end) == full.spelling(start, end)


@given(st.text(alphabet="ab Đđ ệ1_.,;:\n\"”-", max_size=60), st.integers(0, 70))
def test_the_last_word_is_the_group_of_the_forward_search(text, end) -> None:
    end = min(end, len(text))
    m = regex.compile(r"(\w+)\W*$").search(text, max(0, end - 30), end)  # the definition it replaced
    assert segment._last_word(text, end) == (m.group(1).casefold() if m else "")


def _span_before(nt: qt.NormalizedText, start: int, end: int) -> qt.Span:
    """NormalizedText.span as first written."""
    n = len(nt.text)
    start, end = min(max(start, 0), n), min(max(end, 0), n)
    ostart = nt.start_to_original(start)
    oend = max(ostart, nt.end_to_original(end))
    return qt.Span(ostart, oend, nt.original[ostart:oend])


@given(st.lists(_PIECES, max_size=30).map("".join), st.integers(-3, 40), st.integers(-3, 40))
def test_a_span_is_what_the_first_definition_gave(text, start, end) -> None:
    nt = qt.NormalizedText(text)
    assert nt.span(start, end) == _span_before(nt, start, end)
