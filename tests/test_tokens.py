"""The tokeniser builds the same tokens as the plain definition: one token per match of
``_TOKEN``, glued syllables (past a cheap test) cut at ``glue_points``, key = case-folded text."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr.tokens import _TOKEN, Token, glue_points, tokenize

from .strategies import any_text, documents, noisy_documents


def reference_tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        s, e = m.span()
        word = m.group()
        glued = e - s > 3 and word[0].isalpha() and word[1:] != word[1:].lower()  # glue_points only past this
        for c in (*(glue_points(text, s, e) if glued else ()), e):
            out.append(Token(s, c, text[s:c], text[s:c].casefold()))
            s = c
    return out


_glued = st.sampled_from(["Quỳnh TrangCác sản phẩm", "Hà NộiNhận", "VnExpress", "TikTok", "GS.TS", "news.com.au",
                          "1.500", "Jong-ho", "ĐỨC", "ß", "İstanbul", "chứcBậc", "O'Brien"])
texts = st.one_of(documents(), noisy_documents(), any_text(),
                  st.lists(st.one_of(_glued, st.sampled_from([" ", ", ", ".", "\n"])), max_size=12).map("".join))


@given(texts, st.data())
def test_tokens_are_the_plain_definition(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.one_of(st.none(), st.integers(start, len(text))))
    got = tokenize(text, start, end)
    assert got == reference_tokenize(text, start, end)
    assert all(type(t) is Token and text[t.start:t.end] == t.text for t in got)


def test_one_spelling_shares_one_string():
    toks = tokenize("Hà NộiNhận tin: Nhận và nhận, NHẬN")
    assert [t.text for t in toks] == ["Hà", "Nội", "Nhận", "tin", ":", "Nhận", "và", "nhận", ",", "NHẬN"]
    assert [t.key for t in toks][-3:] == ["nhận", ",", "nhận"]
    same = [t for t in toks if t.text == "Nhận"]
    assert same[0].text is same[1].text and same[0].key is same[1].key
    assert toks[7].key is toks[7].text  # case folding changes nothing: one string
