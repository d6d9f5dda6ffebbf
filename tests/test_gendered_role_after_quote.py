"""A definite "nam/nữ + role" after a quote is the person of that gender who just spoke,
unless that person was introduced in another role (then the description stands).

Sentences written for these tests."""
from __future__ import annotations

from tests.sentences import speaker_of


def test_the_role_is_the_person_who_just_spoke_when_no_other_role_was_given() -> None:
    text = ("Theo anh Lê Văn Phước, chuyến bay bị hoãn hai tiếng. "
            "“Chúng tôi phải ngồi chờ ở sân bay”, nam hành khách nói.")
    assert speaker_of(text, "Chúng tôi phải ngồi") == "Lê Văn Phước"


def test_a_speaker_introduced_in_another_role_is_not_the_description() -> None:
    text = ("Cô Nguyễn Thị Lan, giáo viên chủ nhiệm, cho biết lớp học đã sửa xong. "
            "“Em rất thích học toán”, nữ sinh lớp 5 chia sẻ.")
    assert speaker_of(text, "Em rất thích") == "nữ sinh lớp 5"
