"""The tokeniser builds the same tokens as the plain definition: one token per match of
the token pattern over the range, glued syllables (past a cheap test) cut at
``glue_points``, key = case-folded text — whether chunks come from a fresh cache, a
warm one shared across texts, or one that starts afresh, and wherever blocks are cut."""
from __future__ import annotations

from unittest import mock

import regex
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import tokens
from quoteattr.tokens import END, KEY, START, TEXT, Token, TokenCache, glue_points, tokenize

from .strategies import any_text, documents, noisy_documents

# The token pattern as it was defined when the tokeniser still ran it over the whole
# range: the oracle the faster tokeniser is held to.
_DEFINITION = regex.compile(
    r"""
    [\p{L}\p{N}][\p{L}\p{N}-]{0,62}+(?:\.(?:com|net|org|gov|edu|info|vn|au|uk|us|tv|co))+\b  # news.com.au, Baoquocte.vn
  | (?:\p{Lu}[\p{Lu}\p{Ll}]{0,3}\.)+\p{Lu}[\p{L}\p{M}]*   # GS.TS, TP.HCM, Th.S, PGS.TS
  | \p{N}+(?:[.,]\p{N}+)+                                # 1.500  2,5  7.4.2
  | [\p{L}\p{M}\p{N}]+(?:[-&'’/_][\p{L}\p{M}\p{N}]+)*     # words, Il-ho, GD&ĐT
  | \S                                                   # any other mark
    """,
    regex.VERBOSE,
)


def reference_tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out = []
    for m in _DEFINITION.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        word = m.group()
        glued = e - s > 3 and word[0].isalpha() and word[1:] != word[1:].lower()  # glue_points only past this
        for c in (*(glue_points(text, s, e) if glued else ()), e):
            out.append((s, c, text[s:c], text[s:c].casefold()))
            s = c
    return out


_glued = st.sampled_from(["Quỳnh TrangCác sản phẩm", "Hà NộiNhận", "VnExpress", "TikTok", "GS.TS",
                          "news.com.au", "1.500", "Jong-ho", "ĐỨC", "ß", "İstanbul", "chứcBậc", "O'Brien",
                          "(TP.HCM)", "“Tôi", "nói:", "Baoquocte.vn.", "2,5%", "a.com" + "-" * 70 + ".vn"])
_gaps = st.sampled_from([" ", "  ", ", ", ".", "\n", " \n ", "\t", "\xa0", "\u3000", "\x1c", "\u2028", ""])
texts = st.one_of(documents(), noisy_documents(), any_text(),
                  st.lists(st.one_of(_glued, _gaps), max_size=16).map("".join))


def _range(text, data):
    n = len(text)
    start = data.draw(st.integers(-n - 2, n + 2))
    end = data.draw(st.one_of(st.none(), st.integers(-n - 2, n + 2)))
    return start, end


def _check(text, start, end, cache=None):
    got = tokenize(text, start, end, cache)
    assert got == reference_tokenize(text, start, end)
    assert all(type(t) is tuple and len(t) == 4 and text[t[START]:t[END]] == t[TEXT] for t in got)


@given(texts, st.data())
def test_tokens_are_the_plain_definition(text, data):
    _check(text, *_range(text, data))


_SHARED = TokenCache(limit=200)  # kept across examples, small enough to start afresh now and then


@given(texts, st.data())
def test_a_cache_shared_across_texts_changes_no_token(text, data):
    _check(text, *_range(text, data), _SHARED)


@given(texts, st.integers(1, 12), st.data())
def test_blocks_cut_anywhere_change_no_token(text, block, data):
    with mock.patch.object(tokens, "_BLOCK", block):
        _check(text, *_range(text, data), TokenCache())


def test_a_warm_cache_gives_the_same_tokens_again():
    cache = TokenCache()
    text = "Ông Nguyễn Văn An (TP.HCM) nói: “Tôi đồng ý”, theo Baoquocte.vn. Hà NộiNhận 1.500 tỷ."
    first = tokenize(text, cache=cache)
    assert len(cache.chunks) > 10 and tokenize(text, cache=cache) == first == reference_tokenize(text)


def test_one_spelling_shares_one_string():
    toks = tokenize("Hà NộiNhận tin: Nhận và nhận, NHẬN")
    assert [t[TEXT] for t in toks] == ["Hà", "Nội", "Nhận", "tin", ":", "Nhận", "và", "nhận", ",", "NHẬN"]
    assert [t[KEY] for t in toks][-3:] == ["nhận", ",", "nhận"]
    same = [t for t in toks if t[TEXT] == "Nhận"]
    assert same[0][TEXT] is same[1][TEXT] and same[0][KEY] is same[1][KEY]
    assert toks[7][KEY] is toks[7][TEXT]  # case folding changes nothing: one string


def test_a_line_break_ends_a_chunk_as_a_space_does():
    cache = TokenCache()
    text = "theo Baoquocte.vn\nTrong khi đó, ông nói.\nTP.HCM\n\n1.500\nJong-ho"
    assert tokenize(text, cache=cache) == reference_tokenize(text)
    assert not [c for c in cache.chunks if "\n" in c]  # the chunks either side are learnt, not the pair


def test_a_range_that_starts_inside_a_glued_word_makes_no_empty_token():
    # the glue pattern's look-behind sees the "c" before the range: no cut may fall at its start
    text = "Ông Lê chứcBậcCao nói"
    start = text.index("B")
    assert glue_points(text, start, start + 6) == [start + 3]
    assert [t[TEXT] for t in tokenize(text, start)] == ["Bậc", "Cao", "nói"]
    assert all(t[END] > t[START] for t in tokenize(text, start, cache=TokenCache()))


def test_tokens_are_exact_tuples_the_collector_lets_go():
    # a tuple subclass (a NamedTuple) stays tracked for good, and a pass builds a hundred thousand tokens
    import gc
    toks = tokenize("Ông Nguyễn Văn An (TP.HCM) nói: “Tôi đồng ý”, Hà NộiNhận 1.500 tỷ.", cache=TokenCache())
    gc.collect()
    assert toks and all(type(t) is tuple and not gc.is_tracked(t) for t in toks)
    assert [t[TEXT] for t in toks[:3]] == ["Ông", "Nguyễn", "Văn"] and toks[0][KEY] == "ông"
