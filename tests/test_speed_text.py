"""The faster scans and tables of the text stage find what the patterns they replace found.

Each reference below is the earlier definition, kept as the oracle: a change of layout
(where a scan starts, which chunks skip the tokeniser's pattern) must not change a result.
"""
from __future__ import annotations

import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import text as qt
from quoteattr import tones as qtone

from .test_text_equivalence import vi_texts

# The tone-misplacement scan as first written: one alternative per case, starting wherever the
# case's first character is (any vowel, for a toned plain vowel after another vowel).
_MISPLACEABLE_BEFORE = re.compile(
    rf"[{qtone._TONED_PLAIN}][{qtone._ALL_VOWEL}]|[{qtone._ALL_VOWEL}][{qtone._TONED_PLAIN}]"
    rf"|[{qtone._TONED_SHAPED}][{qtone._ALL_VOWEL}]*?[{qtone._SHAPED_ANY}]"
)
_WORD = regex.compile(r"\p{L}+")


def _words_found(pattern: re.Pattern, text: str) -> set[tuple[int, int]]:
    """The runs of letters holding a match of ``pattern``: what retone() looks at."""
    spans = [m.span() for m in pattern.finditer(text)]
    return {w.span() for w in _WORD.finditer(text) if any(w.start() <= s and e <= w.end() for s, e in spans)}


_toned_pairs = st.lists(st.sampled_from(sorted(qtone._ALL_VOWEL + "bcnqgh ")), max_size=12).map("".join)


def _left_out_unchanged(text: str) -> None:
    """The scan finds the words it found before, less some that retone_word() leaves as they are."""
    now, before = _words_found(qtone._MISPLACEABLE, text), _words_found(_MISPLACEABLE_BEFORE, text)
    assert now <= before
    for s, e in before - now:
        assert qtone.retone_word(text[s:e]) == text[s:e]


@given(st.one_of(vi_texts, _toned_pairs))
def test_the_misplacement_scan_finds_the_words_it_found_before(text):
    _left_out_unchanged(text)


def test_the_misplacement_scan_on_real_words():
    text = "Ông Hoà nói: thuỷ lợi, khoẻ, quỳên, người, của, này, qúa, gìa, ưở, ướơ, HOÀ, Quảng Trị"
    _left_out_unchanged(text)
    found = {text[s:e] for s, e in _words_found(qtone._MISPLACEABLE, text)}
    assert {"Hoà", "thuỷ", "khoẻ", "qúa", "gìa", "HOÀ"} <= found and "người" not in found
    assert "của" not in found and "này" not in found  # a toned plain vowel, a plain one, the end
    assert "Quảng" not in found  # a plain vowel, a toned plain one, a consonant


# --- the tokeniser's chunk table ---------------------------------------------------------

from quoteattr import tokens as qtok  # noqa: E402

from .test_tokens import texts as token_texts  # noqa: E402


@given(token_texts)
def test_the_pattern_without_its_dotted_parts_reads_a_dot_free_text_alike(text):
    text = text.replace(".", " ")
    assert [m.span() for m in qtok._UNDOTTED_TOKEN.finditer(text)] == [m.span() for m in qtok._TOKEN.finditer(text)]


@given(st.one_of(token_texts, st.lists(st.sampled_from(["Hà", "NộiNhận", "ĐỨC", "ß", "GS.TS", "ô-tô", "nói,", "", "x²"]),
                                       max_size=10).map(" ".join)))
def test_chunks_learnt_by_shape_equal_chunks_learnt_by_the_pattern(text):
    chunks = list(dict.fromkeys(text.split(" ")))
    fast, plain = {}, {}
    qtok.TokenCache()._learn(fast, chunks)
    qtok.TokenCache()._learn_by(plain, qtok._TOKEN, chunks)
    assert fast == plain


def test_the_changeable_letters_are_every_letter_retone_word_accepts():
    """retone() widens a word over _VI_CHARS: it must be exactly the letters retone_word() reads."""
    import sys
    accepted = {chr(cp) for cp in range(sys.maxunicode + 1)
                if qtone._SPLIT.get(chr(cp), (chr(cp), None))[0].lower() in qtone._VI_LETTERS}
    assert accepted == qtone._VI_CHARS
    assert all(regex.fullmatch(r"\p{L}", ch) for ch in qtone._VI_CHARS)
    assert not any(regex.fullmatch(r"\p{L}", ch) for ch in qtone._NOT_LETTERS)


_edges = st.sampled_from(["é", "ñ", "K", "\u212a", "\u0301", "ß", "İ", "2", "²", " ", "-", "ǅ", "ʰ"])
_words = st.lists(st.one_of(st.sampled_from(["hoà", "Thuỷ", "khoẻ", "quỳên", "của", "HOÀ", "người", "ưở"]), _edges),
                  max_size=8).map("".join)


@given(_words)
def test_retone_at_word_edges_with_other_letters(text):
    from .test_text_equivalence import reference_retone
    assert qt.retone(text) == reference_retone(text)


# --- the working copy --------------------------------------------------------------------

from .test_text_equivalence import _scraped  # noqa: E402


def _two_passes(original: str) -> tuple[str, list[int], list[int]]:
    """The working copy as both rewrite passes make it, run always, and its offset maps."""
    visible, first = qt._rewrite(original, qt._INVISIBLE_OR_ENTITY, qt._visible)
    special = qt._SPECIAL if qt._MARK.search(visible) else qt._SPECIAL_NO_MARKS
    spelled, second = qt._rewrite(visible, special, qt._replacement, qt._one_to_one)
    maps = [m for m in (second, first) if m is not None]

    def through(pos: int, how: str) -> int:
        for m in maps:
            pos = getattr(m, how)(pos)
        return pos
    n = len(spelled) + 1
    return spelled, [through(i, "start") for i in range(n)], [through(i, "end") for i in range(n)]


@given(st.one_of(_scraped, st.text(), vi_texts))
def test_a_text_with_nothing_to_rewrite_skips_both_passes_alike(text):
    nt = qt.NormalizedText(text)
    spelled, starts, ends = _two_passes(text)
    n = len(spelled) + 1
    assert nt._spelled == spelled
    assert [nt.start_to_original(i) for i in range(n)] == starts
    assert [nt.end_to_original(i) for i in range(n)] == ends


def test_every_white_space_character_but_the_space_is_unprintable():
    """_single_spaced() returns a printable text as it is: str.split() must find nothing else to split at."""
    import sys
    spaces = [chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isspace() or len(("a" + chr(cp) + "b").split()) > 1]
    assert [ch for ch in spaces if ch != " " and ch.isprintable()] == []


@given(st.one_of(st.text(), vi_texts, st.text(st.sampled_from(" \u00a0\u3000\n\tab"))))
def test_single_spacing_equals_split_and_join(text):
    assert qt._single_spaced(text) == " ".join(text.split())


# --- segmentation -------------------------------------------------------------------------

from quoteattr import glued_sentences, segment  # noqa: E402

_captioned = st.lists(st.sampled_from(["Ảnh", "Ảnh:", "Nguồn ảnh :", "Video: ", "Đồ họa", ":", " ", "Reuters",
                                       "có.", '"', "“", "”", "Chỉ", "A", "\n", "\t", "x", "3", "…", "!"]),
                      max_size=12).map("".join)


@given(st.one_of(st.text(), _captioned), st.data())
def test_the_scans_glue_cuts_skips_need_the_character_it_looks_for(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert all(":" in m.group() for m in glued_sentences._CAPTION.finditer(text, start, end))
    assert all(m.group() in '"“”' for m in glued_sentences._GLUED_QUOTE.finditer(text, start, end))


@given(st.text(st.sampled_from("ab \n\f\x1e\r\x85\u2028")), st.data())
def test_lines_are_the_runs_the_regex_module_found(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert ([m.span() for m in segment._LINE.finditer(text, start, end)]
            == [m.span() for m in regex.finditer(r"[^\n\f\x1e]+", text, pos=start, endpos=end)])
