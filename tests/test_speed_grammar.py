"""The tighter loop of :func:`.titles.name_ends` (issue 12) yields the ends its plain
definition yields, and stops where it stops.  Sentences written for these tests."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from quoteattr.mentions.model import is_cap
from quoteattr.mentions.titles import _CHAIN_MARKS, COMPLEMENT_LINKS, _ends_every_chain, _in_chain_phrase, name_ends
from quoteattr.tokens import KEY, TEXT, tokenize

SENTENCES = [
    "Phó Chủ tịch UBND tỉnh Quảng Ninh Đặng Huy Hậu cho biết tuyến đường sẽ thông xe.",
    "Giáo sư Zhang Xin của Viện Brookings, ông Trần Văn An và bà Lan thuộc Bộ Y tế nói.",
    "GS.TS. Nguyễn Thanh Liêm (Bệnh viện Vinmec) & cộng sự đã công bố: “Kết quả rất tốt”.",
    "Người phát ngôn Bộ Ngoại giao Trung Quốc Mao Ninh tuyên bố Bắc Kinh phản đối việc này.",
    "Tổng thống Mỹ và Thủ tướng Anh đã gặp Ngoại trưởng Nga Sergei Lavrov tại Hà Nội hôm 12/3.",
    "Luật sư Ludwig van Beethoven, 45 tuổi, ở Hà Nội là người đại diện của gia đình.",
]


def _name_ends_by_definition(lex, toks, r: int, stop: int) -> Iterator[int]:
    linked = False
    for q in range(r, stop):
        t = toks[q]
        first = t[TEXT][:1]
        if q > r:
            if not first.isalnum() and t[TEXT] not in _CHAIN_MARKS and t[TEXT] != "." and not _in_chain_phrase(lex, t):
                return
            key = t[KEY]
            if (key in lex.predicate_words or key in lex.non_subject_starts.starts) and _ends_every_chain(lex, toks, q):
                return
            linked = linked or (key in COMPLEMENT_LINKS and is_cap(toks[q - 1]))
        if linked or is_cap(t):
            yield q + 1


@pytest.mark.parametrize("text", SENTENCES)
def test_name_ends_answer_as_their_definition(lex, text: str) -> None:
    toks = tokenize(text)
    n, found = len(toks), 0
    for r in range(n + 1):
        for stop in range(r, n + 1):
            ends = list(name_ends(lex, toks, r, stop))
            assert ends == list(_name_ends_by_definition(lex, toks, r, stop)), (r, stop)
            found += len(ends)
    assert found
