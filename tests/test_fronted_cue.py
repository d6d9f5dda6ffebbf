"""A fronted reporting clause shares the subject of the main clause (sieve/fronted_cue.py)."""
from __future__ import annotations

import pytest

from .sentences import records as _records


@pytest.mark.parametrize("text, speaker, content", [
    ("Khẳng định rằng nhà máy sẽ hoạt động trở lại vào tháng sau, song ông Trịnh Quốc Bảo thừa nhận "
     "nguồn nguyên liệu vẫn thiếu.", "Trịnh Quốc Bảo", "nhà máy sẽ hoạt động trở lại vào tháng sau"),
    ("Nhận định việc tăng lãi suất lúc này là cần thiết, bà Hồ Thị Mai cho rằng doanh nghiệp nhỏ sẽ "
     "gặp khó.", "Hồ Thị Mai", "việc tăng lãi suất lúc này là cần thiết"),
    ("Thừa nhận việc giải ngân vốn công còn chậm nhưng Bộ trưởng Đinh Văn Khoa cho biết tháng tới sẽ "
     "có thay đổi.", "Đinh Văn Khoa", "việc giải ngân vốn công còn chậm"),
])
def test_fronted_content_takes_the_main_subject(text: str, speaker: str, content: str) -> None:
    assert (speaker, content, "indirect") in _records(text)


def test_quoted_words_in_the_fronted_content_are_mixed() -> None:
    text = ("Khẳng định rằng đề án là “bước đi đúng”, song ông Trịnh Quốc Bảo lo ngại chi phí "
            "sẽ vượt dự toán.")
    assert ("Trịnh Quốc Bảo", "bước đi đúng", "mixed") in _records(text)


@pytest.mark.parametrize("text, not_content", [
    # a setting phrase, not a proposition
    ("Phát biểu với báo giới trước khi cuộc họp bắt đầu, ông Trịnh Quốc Bảo cho biết giá sẽ giảm.",
     "với báo giới"),
    ("Chia sẻ lên mạng xã hội bức ảnh con trai bị thương, chị Hồ Thị Mai cho biết cháu đã ổn.", "lên mạng"),
    ("Lý giải nguyên nhân khiến giá thép tăng, ông Trịnh Quốc Bảo cho biết nguồn cung thiếu hụt.",
     "nguyên nhân"),
])
def test_setting_phrases_give_no_fronted_record(text: str, not_content: str) -> None:
    assert not any(q.startswith(not_content) for _, q, _ in _records(text))


def test_no_subject_after_the_contrast_gives_nothing() -> None:
    # "song" opens a clause with no speaker of its own: nobody to take the fronted content
    text = "Khẳng định rằng dự án sẽ về đích đúng hạn, song thực tế cho thấy tiến độ đang chậm."
    assert not any(q.startswith("dự án sẽ về đích") for _, q, _ in _records(text))



def test_a_bare_clause_before_a_contrast_is_fronted_content() -> None:
    text = ("Khẳng định nhà máy sẽ hoạt động trở lại vào tháng sau, song ông Trịnh Quốc Bảo thừa nhận "
            "nguồn nguyên liệu vẫn thiếu.")
    assert ("Trịnh Quốc Bảo", "nhà máy sẽ hoạt động trở lại vào tháng sau", "indirect") in _records(text)


def test_a_bare_setting_before_a_contrast_is_no_content() -> None:
    text = "Phát biểu tại hội nghị sáng nay, nhưng ông Trịnh Quốc Bảo không nêu con số cụ thể."
    assert not any(q.startswith("tại hội nghị") for _, q, _ in _records(text))


def test_a_noun_of_speech_opening_the_sentence_is_no_fronted_cue() -> None:
    text = ("Thông tin ban đầu về thiệt hại được chính quyền giữ kín, song nhiều người dân đã chia sẻ "
            "những gì họ thấy.")
    assert not any(q.startswith("ban đầu") for _, q, _ in _records(text))
