"""Cues and their content: which words after (or before) a reporting verb are what was said.

Synthetic sentences in the shape of Vietnamese news, one group per construction, each with
near-misses that must give no record (or not that one)."""
from __future__ import annotations

import pytest

from quoteattr import Attributor

ATT = Attributor()


def records(text: str) -> list[tuple[str, str | None, str]]:
    return [(r.kind, r.speaker.name if r.speaker else None, r.quote.text) for r in ATT.extract(text)]


# --- quote first, then the speaker, then a tail that is not the cue's content -------------------
QUOTE_FIRST_TAILS = [
    pytest.param(
        "“Chúng tôi sẽ kháng cáo bản án này”, luật sư Phan Quốc Huy cho biết, sau khi tòa tuyên án ngày 3/5.",
        [("direct", "Phan Quốc Huy", "Chúng tôi sẽ kháng cáo bản án này")],
        id="adverbial clause after the cue"),
    pytest.param(
        "“Chính phủ sẽ không để giá xăng tăng đột biến”, Thủ tướng nói khi trả lời chất vấn tại Quốc hội, sáng 6/11.",
        [("direct", "Thủ tướng", "Chính phủ sẽ không để giá xăng tăng đột biến")],
        id="adverbial with a comma and a date"),
    pytest.param(
        "“Đơn hàng năm nay đã tốt hơn nhiều”, ông Lý Văn Toàn nói, cho biết công ty đã tuyển thêm 200 công nhân.",
        [("direct", "Lý Văn Toàn", "Đơn hàng năm nay đã tốt hơn nhiều"),
         ("indirect", "Lý Văn Toàn", "công ty đã tuyển thêm 200 công nhân")],
        id="second verb phrase with its own cue"),
]


@pytest.mark.parametrize("text, expected", QUOTE_FIRST_TAILS)
def test_quote_first_tail(text, expected):
    assert records(text) == expected


def test_quote_of_someone_else_before_a_reported_clause():
    # the quote is what others said; the cue has its own clause after the comma
    text = ("Có ý kiến cho rằng “thuốc mới không hiệu quả”, bác sĩ Hà Văn Lộc cho rằng, đây là nhận định "
            "không có cơ sở.")
    assert ("indirect", "Hà Văn Lộc", "đây là nhận định không có cơ sở") in records(text)
