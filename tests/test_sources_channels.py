"""Sources: the channels a statement came through, and how far each reaches.

GUIDELINES.md, "Source scope" and the decisions of 2026-12-01 (interview
channels, ``báo chí``, posts, outlets' own claims).  Synthetic sentences.
"""
from __future__ import annotations

import pytest

import quoteattr


def _rows(text: str) -> list[tuple[str, str | None, str | None]]:
    """(quote, speaker, source) of each record, in reading order."""
    return [(r.quote.text, r.speaker.name if r.speaker else None, r.source.name if r.source else None)
            for r in quoteattr.extract(text)]


def _source_of(text: str, quote_start: str) -> str | None:
    hits = [src for q, _, src in _rows(text) if q.startswith(quote_start)]
    assert hits, f"no record starting {quote_start!r} in {_rows(text)}"
    return hits[0]


# --- channels named in the sentence ---------------------------------------------------------------

@pytest.mark.parametrize("text, quote, source", [
    ("Trao đổi với báo chí, ông Nguyễn Văn Hùng cho biết giá xăng sẽ giảm vào tuần tới.",
     "giá xăng", "báo chí"),
    ("“Tôi rất vui vì được trở lại”, ca sĩ Lê Thu Hà viết trên mạng xã hội.", "Tôi rất vui", "mạng xã hội"),
    ("Chia sẻ lên mạng xã hội bức ảnh con trai, chị Phạm Thị Lan cho biết cháu đã khỏi bệnh.",
     "cháu đã", "mạng xã hội"),
    # "mạng xã hội X": the generic words are dropped from the name
    ("Chia sẻ trên mạng xã hội Bluesky ngày 3/4, ông Lê Văn Tâm cho biết ông sẽ không tái tranh cử.",
     "ông sẽ", "Bluesky"),
    # "trên trang X": an unknown name after an outlet prefix
    ("Trong một bài viết kể về hành trình của mình trên trang Runner World, chị Lê Thị Hoa cho biết chị muốn "
     "chạy lại.", "chị muốn", "Runner World"),
    # an unknown name right after a verb of posting
    ("Ông Trần Văn Minh chia sẻ trên Bangkok Insider rằng công ty sẽ mở thêm nhà máy.", "công ty", "Bangkok Insider"),
    ("Trong bài báo, ông Trần Văn Minh nhận định robot sẽ thay đổi xã hội loài người.", "robot", "bài báo"),
    ("Nguồn tin của Tiền Phong cho biết công ty đã trả hết nợ cho khách hàng.", "công ty", "Tiền Phong"),
])
def test_channel_named_in_the_sentence(text: str, quote: str, source: str) -> None:
    assert _source_of(text, quote) == source


@pytest.mark.parametrize("text, quote", [
    # a topic, not the channel of the statement
    ("Theo ông Trần Văn Minh, sự việc trên báo chí đã được phản ánh đầy đủ.", "sự việc"),
    # a place after "trên" is no channel
    ("Ông Trần Văn Minh phát biểu trên Biển Đông rằng tàu cá đã an toàn.", "tàu cá"),
    # an unknown name after a bare "trên" that no posting verb precedes
    ("Ông Trần Văn Minh cho rằng hàng hóa trên Amazon Basics đang rẻ hơn.", "hàng hóa"),
])
def test_no_channel(text: str, quote: str) -> None:
    assert _source_of(text, quote) is None


def test_domain_form_outlet_kept_as_written() -> None:
    """Outlet names drop generic words only: ``Zing.vn`` stays ``Zing.vn`` (``báo Zing`` is ``Zing``)."""
    assert _source_of("Trao đổi với Zing.vn, ông Lê Văn Minh cho biết công ty đã trả nợ.", "công ty") == "Zing.vn"
    assert _source_of("Trao đổi với báo Zing, ông Lê Văn Minh cho biết công ty đã trả nợ.", "công ty") == "Zing"
