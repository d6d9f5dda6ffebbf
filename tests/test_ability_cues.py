"""A negated speech verb with the potential complement "được" states an ability, not a
statement ("chưa giải thích được vì sao …"); without the negation "được" opens a passive
content, which is reported ("Bà Hoa khẳng định được Nhà nước hỗ trợ …").

Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.sentences import speakers


@pytest.mark.parametrize("text", [
    "Nhiều công nhân không chỉ nêu ra được những bất cập của ca đêm mà còn đề xuất cách sắp xếp lại.",
    "Đến nay, ông Phan Văn Tài vẫn chưa giải thích được vì sao kho hàng bị thiếu hụt.",
    "Cán bộ xã chẳng nói được gì khi người dân hỏi về tiền đền bù.",
])
def test_a_negated_cue_with_duoc_is_an_ability(text: str) -> None:
    assert speakers(text) == []


@pytest.mark.parametrize("text, speaker, quote", [
    ("Bà Đỗ Thị Hạnh khẳng định được chính quyền hỗ trợ toàn bộ chi phí sửa nhà sau bão.",
     "Đỗ Thị Hạnh", "được chính quyền hỗ trợ toàn bộ chi phí sửa nhà sau bão"),
    ("Anh Lưu Quang Vinh xác nhận được công ty báo tin nghỉ việc từ tuần trước.",
     "Lưu Quang Vinh", "được công ty báo tin nghỉ việc từ tuần trước"),
])
def test_a_passive_content_after_the_cue_is_reported(text: str, speaker: str, quote: str) -> None:
    assert speakers(text) == [(speaker, quote)]


def test_a_marked_content_after_the_cue_is_reported() -> None:
    assert speakers("Bà Vũ Thị Nga nêu ra rằng bến xe mới còn thiếu chỗ đỗ cho xe khách.") == [
        ("Vũ Thị Nga", "bến xe mới còn thiếu chỗ đỗ cho xe khách")]
