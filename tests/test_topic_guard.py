"""The topic guard: a topic noun after a cue names a topic, unless it is the subject of a clause."""
from __future__ import annotations

import pytest

from .sentences import records as _records


@pytest.mark.parametrize("text, content", [
    ("Ông Trịnh Quốc Bảo khẳng định dự án sẽ về đích đúng hạn.", "dự án sẽ về đích đúng hạn"),
    ("Bà Hồ Thị Mai cho biết kết quả đã vượt kế hoạch năm.", "kết quả đã vượt kế hoạch năm"),
])
def test_a_topic_noun_with_an_aspect_word_is_a_clause_subject(text: str, content: str) -> None:
    # "dự án", "kết quả" open topic phrases ("nhấn mạnh kết quả của …"), but followed by sẽ/đã they
    # are the subject of the reported clause
    assert [q for _, q, _ in _records(text)] == [content]


@pytest.mark.parametrize("text", [
    "Bà Hồ Thị Mai nhấn mạnh quyết tâm sẽ hoàn thành kế hoạch.",
    "Ông Trịnh Quốc Bảo bày tỏ hy vọng sẽ sớm ký hiệp định.",
    "Ông Trịnh Quốc Bảo nhấn mạnh tầm quan trọng của dự án.",
])
def test_a_verbal_topic_noun_stays_a_topic(text: str) -> None:
    assert _records(text) == []
