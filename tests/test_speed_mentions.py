"""The mention grammar's faster look-ups (issue 12) answer exactly as the plain
definitions they replace.  Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.lexicon import Lexicon, PhraseMatcher
from quoteattr.mentions.names import unit, unit_ending
from quoteattr.tokens import tokenize

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
