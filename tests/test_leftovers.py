"""Leftover constructions: homonymous titles, an emphatic "có" before the cue, …

Synthetic sentences written for these tests; each construction comes with a
near-miss that must give no record (or not that speaker).
"""
from __future__ import annotations

import pytest

from quoteattr import Attributor


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    return Attributor()


def speakers(attributor: Attributor, text: str) -> list[str | None]:
    return [r.speaker.name if r.speaker else None for r in attributor.extract(text)]


@pytest.mark.parametrize("text, speaker", [
    # "bầu" (a club's owner) is a title before a name
    ("Đội bóng đang khó khăn. Bầu Hiển nói năm nay đội sẽ cố gắng trụ hạng.", "Bầu Hiển"),
    ("Sau trận thua, ông bầu Lâm nói cả đội sẽ được thưởng nếu trụ hạng.", "bầu Lâm"),
])
def test_homonymous_title_before_a_name(attributor: Attributor, text: str, speaker: str) -> None:
    assert speakers(attributor, text) == [speaker]


@pytest.mark.parametrize("text", [
    # the same word in "bầu cử" (election) heads no speaker
    "Trong năm tới, chu kỳ bầu cử toàn cầu dự báo nhiều kết cục khó lường.",
    "Bầu không khí cuộc họp cho thấy hai bên còn bất đồng sâu sắc.",
])
def test_homonymous_title_as_a_common_word(attributor: Attributor, text: str) -> None:
    assert not any(s and "bầu" in s.lower() for s in speakers(attributor, text))


@pytest.mark.parametrize("text, speaker", [
    ("Đội bóng đang khó khăn. HLV Hiển có hứa sẽ đầu tư nhiều hơn cho đội trẻ.", "HLV Hiển"),
    ("Đội bóng đang khó khăn. Giám đốc Tuấn có nói rằng đội sẽ được đầu tư thêm.", "Giám đốc Tuấn"),
    ("Giá điện tăng. Ông Lê Minh Hải có cho biết rằng giá sẽ còn tăng trong quý tới.", "Lê Minh Hải"),
])
def test_emphatic_co_is_not_the_subjects(attributor: Attributor, text: str, speaker: str) -> None:
    assert speakers(attributor, text) == [speaker]


@pytest.mark.parametrize("text", [
    # "có thông báo" (has a notice): a noun, no reporting verb
    "Ông Lâm có thông báo về việc tăng giá điện từ tháng sau.",
    "Công ty có thông báo gửi tới toàn bộ khách hàng.",
])
def test_co_before_a_noun_gives_no_record(attributor: Attributor, text: str) -> None:
    assert speakers(attributor, text) == []


@pytest.mark.parametrize("text, speaker", [
    # "khi"/"vì" open a clause that happened: its own subject is the speaker
    ("Nhiều người lo lắng khi Bộ Y tế cho biết số ca mắc đang tăng.", "Bộ Y tế"),
    ("Thị trường chao đảo khi ông Powell cho biết lãi suất sẽ còn tăng.", "Powell"),
])
def test_subject_of_a_subordinate_clause(attributor: Attributor, text: str, speaker: str) -> None:
    assert speakers(attributor, text) == [speaker]


@pytest.mark.parametrize("text", [
    # the main clause's subject never swallows the subordinate clause
    "Khách hàng bất ngờ khi ngân hàng thông báo lãi suất sẽ tăng từ tháng sau.",
    "Nhiều hộ dân lo lắng khi công ty cho biết giá nước sẽ tăng.",
    # a condition has no speaker
    "Khách hàng sẽ được hoàn tiền nếu Công ty Điện lực thông báo cắt điện quá hai ngày.",
])
def test_main_subject_does_not_swallow_subordinate(attributor: Attributor, text: str) -> None:
    found = speakers(attributor, text)
    assert not any(s and ("khi" in s.split() or "nếu" in s.split() or s.startswith(("Khách hàng", "Nhiều hộ")))
                   for s in found)
    assert "Công ty Điện lực" not in found


def quotes(attributor: Attributor, text: str) -> list[str]:
    return [r.quote.text for r in attributor.extract(text)]


@pytest.mark.parametrize("text, quote", [
    ("Bộ trưởng Lê Văn Thành nói rõ các dự án chậm tiến độ sẽ bị thu hồi.", "các dự án chậm tiến độ sẽ bị thu hồi"),
    ("Ông Trần Văn Hùng nói rõ ràng họ muốn dự án được làm lại.", "họ muốn dự án được làm lại"),
    # after a colon "rõ ràng" is the content's own adverb
    ("Ông Trần Văn Hùng nói: rõ ràng đây là một sai sót của ban quản lý.",
     "rõ ràng đây là một sai sót của ban quản lý"),
])
def test_manner_ro_joins_the_cue(attributor: Attributor, text: str, quote: str) -> None:
    assert quotes(attributor, text) == [quote]
