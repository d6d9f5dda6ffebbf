"""The mention grammar's faster look-ups (issue 12) answer exactly as the plain
definitions they replace.  Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.lexicon import Lexicon, PhraseMatcher
from quoteattr.mentions.grammar import _may_start, _phrase_starts
from quoteattr.mentions.model import is_acronym, is_cap
from quoteattr.mentions.names import name_run, unit, unit_ending
from quoteattr.tokens import KEY, TEXT, Token, is_word, make_token, tokenize

SENTENCES = [
    "Bà Lê Thị Hoa, Phó Giám đốc Sở Tài chính TP Đà Nẵng, nói rằng ngân sách năm nay đã cạn.",
    "Theo báo Thanh Niên, hãng tin AFP dẫn lời một quan chức Bộ Quốc phòng Nhật Bản cho hay như vậy.",
    "Các chuyên gia này cùng nhiều người dân ở quận Hoàn Kiếm đều cho rằng việc đó là không cần thiết.",
    "Trường hợp ông này không đến, GS.TS Phạm Minh Đức và chị Thu sẽ thay mặt nhà trường phát biểu.",
]


@pytest.fixture(scope="module")
def matchers() -> list[PhraseMatcher]:
    lex = Lexicon.default().compile()
    return [m for m in vars(lex).values() if isinstance(m, PhraseMatcher)]


@pytest.mark.parametrize("text", SENTENCES)
def test_unit_and_unit_ending_answer_as_the_matcher(matchers, text: str) -> None:
    toks = tokenize(text)
    n = len(toks)
    hits = 0
    for matcher in matchers:
        for i in range(n + 1):
            for b in range(i, n + 1):
                m = matcher.match(toks, i, b) if i < b else None
                assert unit(toks, i, b, matcher) == (m[0] if m else 0)
                e = matcher.match_ending(toks, b, i) if i < b else None
                assert unit_ending(toks, i, b, matcher) == (e[0] if e else 0)
                hits += bool(m) + bool(e)
    assert hits  # the sentences hold phrases of the lexicons, so matches were compared too


def _word(text: str) -> Token:
    return make_token(0, len(text), text)


def _is_acronym_by_definition(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def test_is_cap_and_is_acronym_answer_as_their_definitions() -> None:
    # code points alone and beside an upper- and a lowercase letter: the lowercase shortcut of
    # is_acronym must hold for uncased letters (中), cased non-letters (Ⓐ, ⓐ, Ⅷ), marks alike
    for cp in [*range(0x3000), 0x4E2D, 0xFF21, 0xFF41, 0x10400, 0x10428, 0x1D400, 0x1F130]:
        c = chr(cp)
        for text in (c, c + c, "a" + c, c + "A", "Đ" + c + "Ơ", c + "ư"):
            tok = _word(text)
            assert is_acronym(tok) == _is_acronym_by_definition(text), text
        assert is_cap(_word(c + "a")) == (c.isupper() and c.isalpha())


@pytest.mark.parametrize("text", SENTENCES)
def test_name_run_answers_as_its_definition(text: str) -> None:
    toks = tokenize(text)
    particles = {"de", "van", "von", "der", "bin", "al", "da", "di", "le", "la", "el", "dos", "du"}
    for i in range(len(toks)):
        for b in range(i, len(toks) + 1):
            j, stop = i, min(b, i + 24)
            while j < stop and ((is_cap(toks[j]) and toks[j][TEXT] != "Theo") or (
                    toks[j][KEY] in particles and j > i and j + 1 < stop and is_cap(toks[j + 1]))):
                j += 1
            assert name_run(toks, i, b, 24) == j - i


def _may_start_by_definition(lex, tok: Token) -> bool:
    first = tok[TEXT][:1]
    if is_cap(tok) or first.isdigit() or tok[KEY] in ("nữ", "nam") or (not first.isalpha() and is_acronym(tok)):
        return True
    return (any(tok[KEY] in m.starts for m in (lex.honorifics, lex.titles, lex.groups, lex.anaphors, lex.quantifiers,
                                              lex.outlet_prefixes))
            or tok[TEXT] in lex.outlets.starts or tok[TEXT] in lex.places.starts)


def test_may_start_answers_as_its_definition() -> None:
    lexicon = Lexicon.default()
    lex = lexicon.compile()
    words = {w for text in SENTENCES for w in text.split()}
    for name in ("honorifics", "titles", "groups", "anaphors", "quantifiers", "outlet_prefixes", "outlets", "places"):
        words.update(w for phrase in lexicon.words(name) for w in phrase.split())
    toks = [t for w in sorted(words) for t in tokenize(w)] + [_word(t) for t in ("2024", "ⓐ", "Ⓐ", "ĐH", "(", "nữ", "")]
    starts = 0
    for tok in toks:
        assert _may_start(lex, tok) == _may_start_by_definition(lex, tok), tok
        starts += _may_start(lex, tok)
    assert 0 < starts < len(toks)
    # a lexicon extended in code gets its own start words, not those united for another one
    extended = lexicon.extended(groups=["đoàn viên thanh niên"]).compile()
    tok = tokenize("đoàn viên")[0]
    assert not _may_start(lex, tok) and _may_start(extended, tok)
    assert tok[KEY] in _phrase_starts(extended)[0] and tok[KEY] not in _phrase_starts(lex)[0]


_GAP_SENTENCES = [
    "Bà Ngô Thị Hằng (42 tuổi, ngụ xã Phú Lộc) đã lên tiếng phủ nhận tin đồn này",
    "Ông Trần Văn Khoa thay mặt ban tổ chức năm 2025 gửi thư cảm ơn tới 3 nhà tài trợ",
    "Giám đốc Công ty Minh Phát cùng ông Lâm nhanh chóng lên tiếng “ phủ nhận ” thông tin",
    "Chị Hoa (nhân viên) vừa gửi đơn lên UBND phường Bến Nghé đề nghị",
]


def _leading_subject_by_definition(parser, toks, a, b, max_gap):
    """leading_subject as first written: every end parsed, longest first."""
    from quoteattr.mentions import noun_phrase as np
    k = np._clause_start(parser, toks, a, b)
    for p in range(min(b - 1, k + parser.max_tokens), k, -1):
        m = parser.parse(toks, k, p)
        if m is None or m.kind not in np._LEADING_KINDS or (m.kind == "person" and not m.certain and m.title is None):
            continue
        p = np._past_parenthesis(toks, p, b)
        gap = toks[p:b]
        if not gap or len(gap) > max_gap or any(not is_word(t) or t[TEXT][:1].isdigit() for t in gap):
            return None
        if gap[0][KEY] in np._NOUN_MODIFIERS or np.holds_cue(parser.lex, toks, p, b) or is_cap(gap[0]) or (
                np.holds_subordinate(toks, p, b) or parser.lex.modals.find_all(toks, p, b)):
            return None
        return m
    return None


@pytest.mark.parametrize("text", _GAP_SENTENCES + SENTENCES)
def test_leading_subject_answers_as_when_every_end_was_parsed(text: str) -> None:
    from quoteattr.mentions import MentionParser
    from quoteattr.mentions.noun_phrase import leading_subject
    parser = MentionParser(Lexicon.default().compile())
    toks = tokenize(text)
    found = 0
    for a in range(len(toks)):
        for b in range(a + 1, len(toks) + 1):
            for max_gap in (6, 16):
                got = leading_subject(parser, toks, a, b, max_gap=max_gap)
                assert got == _leading_subject_by_definition(parser, toks, a, b, max_gap)
                found += got is not None
    assert found or text not in _GAP_SENTENCES
