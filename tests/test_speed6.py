"""Speed round 6: each shortcut answers as the definition it replaces (the credit-line pre-test
skips only lines no credit form can read as a credit; the last word before a line break)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Attributor
import regex

from quoteattr.credits import _CREDIT_FORMS, _may_hold_credit
from quoteattr.segment import _last_word
from quoteattr.tokens import START, TEXT, tokenize

WORDS = ["Theo", "theo", "THEO", "Nguồn", "nguồn", "Lược", "dịch", "Reuters", "Dân", "Trí", "Phương", "Dung",
         "VnExpress", "ảnh", "Ảnh", "Hà", "Nội", "tin", "AFP", "2024", "Sputnik",
         "DịchTheo", "NộiTheo", "TheoĐài", "ẢnhNguồn"]  # syllables glued by a scraper: the tokenizer cuts them
MARKS = ["(", ")", ":", " ", "  ", ".", ",", "-", "\t"]


def _some_form_credits(line: str, lex) -> bool:
    """The old loop's test of a line, without the pre-test: a form matches and its marker group
    is a whole credit-marker phrase."""
    for form in _CREDIT_FORMS:
        m = form.match(line)
        if not m:
            continue
        mk = tokenize(m.group("m"))
        cm = lex.credit_markers.match(mk, 0)
        if cm and cm[0] == len(mk):
            return True
    return False


_PIECE = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS))
# the credit shapes' parts (author, "(", marker, ":", outlet, ")"), each kept, dropped or varied
_SHAPED = st.tuples(st.lists(_PIECE, max_size=3), st.sampled_from(["", "(", "( "]), st.lists(_PIECE, max_size=3),
                    st.sampled_from(["", ":", " :"]), st.lists(_PIECE, max_size=3), st.sampled_from(["", ")", ")."]))


@settings(max_examples=500)
@given(st.one_of(st.lists(_PIECE, max_size=12).map(lambda ps: [ps]), _SHAPED))
def test_a_line_the_pre_test_skips_holds_no_credit(lex, parts) -> None:
    line = "".join(p if isinstance(p, str) else "".join(x if x in MARKS else x + " " for x in p)
                   for p in parts).strip()
    if not _may_hold_credit(line, lex.credit_markers.starts):
        assert not _some_form_credits(line, lex), line


def test_the_pre_test_keeps_the_credit_shapes(lex) -> None:
    starts = lex.credit_markers.starts
    for line in ("(theo Sputnik)", "Theo Reuters", "Nguồn: VnEconomy", "Vũ Hoàng (Theo Reuters)",
                 "( Theo AFP )", "Theo Phương Dung (Dân Trí)"):
        assert _may_hold_credit(line, starts) and _some_form_credits(line, lex), line
    assert _may_hold_credit("DịchTheo Reuters", starts) and _some_form_credits("DịchTheo Reuters", lex)
    for line in ("Ảnh: Reuters", "Hà Nội, ngày 5/6", "Tin liên quan", "NộiTheo Reuters"):
        assert not _may_hold_credit(line, starts), line


def test_credits_are_still_found_at_the_end_of_an_article() -> None:
    text = ("Ông Nguyễn Văn Nam cho biết: “Chúng tôi sẽ hoàn thành dự án trong năm nay”.\n\n"
            "Ảnh: Minh Hà\n\nTin liên quan\n\n(theo Sputnik)")
    recs = Attributor().extract(text)
    assert [(r.speaker.name, r.source.name) for r in recs] == [("Nguyễn Văn Nam", "Sputnik")]


@given(st.text(alphabet="ab Đđ ệ1_.,;:\n\"”-", max_size=60), st.integers(0, 70))
def test_last_word_reads_as_on_the_slice(text, end) -> None:
    end = min(end, len(text))
    m = regex.search(r"(\w+)\W*$", text[max(0, end - 30):end])  # the definition it replaced
    assert _last_word(text, end) == (m.group(1).casefold() if m else "")


_CHUNK_PIECES = st.sampled_from(list("abcĐđệẾ.-,“”\"'’/&_12() ") + ["TrangCác", "GS.TS", "news.com.au", "Hà", "NộiNhận",
                                                                 "1.500", "Jong-ho", "TP.HCM", "nhau.Trong", "  "])


@settings(max_examples=300)
@given(st.lists(_CHUNK_PIECES, max_size=40).map("".join), st.integers(1, 12), st.data())
def test_a_long_chunk_read_where_it_stands_gives_the_learnt_tokens(text, limit, data) -> None:
    """Chunks of ``limit`` characters or more take the direct path; without the limit every
    chunk is learnt by the cache: the same tokens, over any range of the text."""
    import quoteattr.tokens as qtok

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    learnt = qtok.tokenize(text, start, end, qtok.TokenCache())
    old = qtok._LONG_CHUNK
    qtok._LONG_CHUNK = limit
    try:
        direct = qtok.tokenize(text, start, end, qtok.TokenCache())
    finally:
        qtok._LONG_CHUNK = old
    assert direct == learnt


def test_a_long_chunk_is_not_kept_in_the_cache() -> None:
    from quoteattr.tokens import TokenCache, tokenize

    cache = TokenCache()
    text = "Ông Nam nói " + "-" * 10_000 + " xong."
    toks = tokenize(text, 0, len(text), cache)
    assert len(toks) == 5 + 10_000 and all(len(c) < 100 for c in cache.chunks)
    assert [t[TEXT] for t in toks[:3]] == ["Ông", "Nam", "nói"] and toks[-1][TEXT] == "." and toks[3][START] == 12


def _fold_working_by_the_pattern(text: str, start: int, end: int) -> str:
    """fold_working as it was written with the pattern at both edges (the definition it replaced)."""
    import unicodedata

    from quoteattr import text as qt

    stretch = text[start:end]
    if ((start <= 0 or not qt._LETTER.match(text, start - 1)) and (end >= len(text) or not qt._LETTER.match(text, end))
            and unicodedata.is_normalized("NFC", stretch)):
        return qt._single_spaced(stretch.casefold())
    return qt.fold(stretch)


@given(st.text(alphabet="aĐđệẾ bc1.,\n“-\u0301", max_size=20), st.integers(-30, 30), st.integers(-30, 30))
def test_fold_working_reads_its_edges_as_the_pattern_did_at_any_offsets(text, start, end) -> None:
    from quoteattr.text import fold_working

    assert fold_working(text, start, end) == _fold_working_by_the_pattern(text, start, end)
