"""The fast paths of text normalisation give what the plain definitions give.

Each test compares a shortcut with the slow, obviously correct form it
replaces (kept here as the reference), on generated Vietnamese-shaped text.
"""
from __future__ import annotations

import sys
import unicodedata

import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import text as qt
from quoteattr import tones as qtone
from quoteattr.text import retone, retone_word

# The reference: every run of letters with a toned vowel next to a vowel goes through retone_word.
_EVERY_CANDIDATE = regex.compile(
    rf"(?<!\p{{L}})\p{{L}}*?(?:[{qtone._TONED_VOWEL}][{qtone._ALL_VOWEL}]|[{qtone._ALL_VOWEL}][{qtone._TONED_VOWEL}])\p{{L}}*+"
)


def reference_retone(text: str) -> str:
    return _EVERY_CANDIDATE.sub(lambda m: retone_word(m.group()), text)


_LETTERS = "abcdđeghiklmnopqrstuvxyăâêôơư" + qtone._TONED_VOWEL
_letters = st.sampled_from(_LETTERS + _LETTERS.upper() + "fjwzéñ")
vi_words = st.text(_letters, min_size=1, max_size=7)
_gaps = st.sampled_from([" ", " ", ", ", ".", "\n", "-", "\u0301", "3", "“"])
vi_texts = st.lists(st.tuples(vi_words, _gaps), max_size=12).map(lambda ws: "".join(w + g for w, g in ws))


@given(vi_words)
def test_every_word_retone_changes_is_found_by_the_fast_scan(word):
    if retone_word(word) != word:
        assert qtone._MISPLACEABLE.search(word)


@given(vi_texts)
def test_retone_equals_retone_word_over_every_candidate_word(text):
    assert retone(text) == reference_retone(text)


def test_real_sentence_retones_like_the_reference():
    text = "Ông Hoà nói: “Thuỷ lợi ở Quảng Trị khoẻ, người dân quỳên lợi.” HOÀ BÌNH, rượu, giữa"
    assert retone(text) == reference_retone(text) == (
        "Ông Hòa nói: “Thủy lợi ở Quảng Trị khỏe, người dân quyền lợi.” HÒA BÌNH, rượu, giữa")


def test_the_fast_scan_knows_every_character_that_lower_cases_to_a_vowel():
    """retone_word tests ``ch.lower()``: no other code point may pass for a vowel unseen."""
    vowels = set("aăâeêioôơuưy")
    strays = [chr(cp) for cp in range(sys.maxunicode + 1)
              if chr(cp).lower() in vowels and chr(cp) not in qtone._ALL_VOWEL]
    assert strays == []
    for ch in qtone._TONED_VOWEL:  # and a toned vowel is one of them with a tone mark
        assert unicodedata.normalize("NFC", qtone._SPLIT[ch][0] + qtone._SPLIT[ch][1]) == ch
        assert qtone._SPLIT[ch][0].lower() in vowels


@given(st.text())
def test_one_to_one_skips_only_text_the_table_leaves_alone(text):
    assert qt._one_to_one(text) == text.translate(qt._ONE_TO_ONE)


_scraped = st.lists(st.one_of(vi_texts, st.sampled_from(
    ["\r\n", "&amp;", "&#8220;", "<br>", '<span class="a">', "</p>", "\t", "\u00a0", "&lt;b&gt;", "\x85",
     "\u1100\u1161"])),  # Hangul jamo: letters NFC composes, that the working copy keeps apart
    max_size=8).map("".join)


@given(st.one_of(_scraped, st.text()))
def test_the_pass_without_marks_rewrites_a_markless_text_like_the_full_pass(text):
    if qt._MARK.search(text):
        return
    full, full_map = qt._rewrite(text, qt._SPECIAL, qt._replacement, qt._one_to_one)
    short, short_map = qt._rewrite(text, qt._SPECIAL_NO_MARKS, qt._replacement, qt._one_to_one)
    assert short == full
    assert (short_map and short_map._segs) == (full_map and full_map._segs)


@given(st.one_of(_scraped, vi_texts), st.data())
def test_fold_working_equals_fold_on_any_stretch_of_a_working_copy(raw, data):
    text = qt.NormalizedText(raw).text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert qt.fold_working(text, start, end) == qt.fold(text[start:end])


def test_fold_working_on_a_paragraph_of_a_real_shaped_text():
    nt = qt.NormalizedText("Ông Hoà nói:\n\nTIN LIÊN QUAN:\nThuỷ điện \u1100\u1161 và khoẻ\u0301")
    text = nt.text
    for start, end in [(0, 12), (14, 28), (29, len(text)), (5, 9), (1, 3)]:
        assert qt.fold_working(text, start, end) == qt.fold(text[start:end])
    assert qt.fold_working(text, 14, 28) == "tin liên quan:"
