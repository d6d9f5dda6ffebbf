"""Normalised working copy and its map back to the caller's text."""
from __future__ import annotations

import unicodedata

import pytest

from quoteattr.text import NormalizedText, fold, retone_word


@pytest.mark.parametrize("word, canonical", [
    ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("quỳên", "quyền"), ("HOÀ", "HÒA"),
    ("hòa", "hòa"), ("ngoài", "ngoài"), ("người", "người"), ("quý", "quý"), ("giữa", "giữa"),
    ("gì", "gì"), ("khuỷu", "khuỷu"), ("rượu", "rượu"),
    ("José", "José"), ("Hernández", "Hernández"),  # not Vietnamese syllables: left alone
])
def test_one_tone_mark_placement(word, canonical):
    assert retone_word(unicodedata.normalize("NFC", word)) == canonical


def test_working_copy_is_folded_and_spans_map_back():
    original = "A\u00a0“hoa\u0300” &quot;x&quot;\u200bb\r\nc"
    nt = NormalizedText(original)
    assert nt.text == 'A “hòa” "x"b\nc'
    for s in range(len(nt.text) + 1):
        for e in range(s, len(nt.text) + 1):
            span = nt.span(s, e)
            assert original[span.start:span.end] == span.text
    assert nt.span(3, 6).text == "hoa\u0300"          # the caller's NFD spelling
    assert nt.span(8, 11).text == "&quot;x&quot;"     # entities decoded inside, raw outside
    assert nt.span(12, 13).text == "\r\n"


def test_spelling_keeps_the_authors_tone_placement():
    nt = NormalizedText("Bà Nguyễn Thị Hoà cho biết")
    start = nt.text.index("Nguyễn")
    assert nt.text[start:start + 14] == "Nguyễn Thị Hòa"
    assert nt.spelling(start, start + 14) == "Nguyễn Thị Hoà"


def test_fold_is_a_grouping_key():
    assert fold("Nguyễn Thị  HOÀ") == fold("nguyễn thị hòa") == fold(unicodedata.normalize("NFD", "Nguyễn Thị Hoà"))


def test_type_errors_and_out_of_range_spans():
    with pytest.raises(TypeError):
        NormalizedText(None)  # type: ignore[arg-type]
    nt = NormalizedText("abc")
    assert nt.span(-5, 99).text == "abc"


def test_a_token_cut_out_of_a_glued_nfd_word_maps_to_its_own_letters():
    """The offset map is exact inside a word: a scraper's glued "chứcBậc" in NFD gives the
    speaker mention "Bậc …" in the caller's text, not "chứcBậc …"."""
    import unicodedata

    import quoteattr

    text = unicodedata.normalize("NFD", "Tin vắn: dễ thăng chứcBậc thầy phong thủy Lê Văn Nam dự đoán “năm sau sẽ rất tốt”.")
    mentions = [r.speaker.mention.text for r in quoteattr.extract(text) if r.speaker and r.speaker.mention]
    assert mentions and all(not unicodedata.normalize("NFC", m).startswith("chức") for m in mentions)
