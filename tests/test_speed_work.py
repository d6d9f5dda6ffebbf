"""Work bounds of the mention grammar's look-ups (issue 12), and that the faster
look-ups answer exactly as the plain definitions they replace.

Sentences written for these tests."""
from __future__ import annotations

from collections.abc import Sequence

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.mentions.names import holds_cue
from quoteattr.mentions.model import is_cap
from quoteattr.tokens import Token, tokenize

SENTENCES = [
    "Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Bình Dương, cho biết sẽ kiểm tra lại các bệnh viện.",
    "Bộ Ngoại giao Trung Quốc hôm qua tuyên bố phản đối, người phát ngôn Uông Văn Bân nói thêm.",
    "Phó Chủ tịch UBND TP Hà Nội Lê Hồng Sơn khẳng định thành phố đã giao nhiệm vụ cho các sở.",
    "Theo bà Trần Thị Mai, trưởng phòng kinh doanh của công ty, giá sẽ còn tăng.",
]


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default().compile()


class _Watched(Sequence[Token]):
    """Tokens that remember the highest index read."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks, self.highest = toks, -1

    def __len__(self) -> int:
        return len(self.toks)

    def __getitem__(self, i):  # type: ignore[override]
        assert isinstance(i, int)
        self.highest = max(self.highest, i)
        return self.toks[i]


def _holds_cue_by_definition(lex, toks, i, j, stop=None) -> bool:
    for k, _, entry in lex.cues.find_all(toks, max(0, i - 2), stop if stop is not None else j):
        if i <= k < j and entry.cls != "block" and not is_cap(toks[k]):
            return True
    return False


@pytest.mark.parametrize("text", SENTENCES)
def test_holds_cue_answers_as_its_definition(lex, text: str) -> None:
    toks = tokenize(text)
    n = len(toks)
    for i in range(n):
        for j in range(i, min(n, i + 6) + 1):
            for stop in (None, j, min(n, j + 3), n):
                assert holds_cue(lex, toks, i, j, stop) == _holds_cue_by_definition(lex, toks, i, j, stop)


def test_holds_cue_reads_no_further_than_the_longest_cue_from_the_token_asked_about(lex) -> None:
    # a title chain asks "does a cue start at this word?" with the window's end as the limit:
    # the answer may not cost a walk to the end of the window
    toks = _Watched(tokenize(SENTENCES[0] + " " + SENTENCES[2]))
    holds_cue(lex, toks, 3, 4, len(toks))
    assert toks.highest < 4 + lex.cues.max_len
