"""Headlines ``DESCRIPTION: statement`` whose speaker the body names later (UNSEEN R03b).

Synthetic articles: the description is resolved forward to the person the body
introduces with it (an appositive or a title), and kept or dropped as before
when the body never does.
"""
from __future__ import annotations

from quoteattr import Attributor

ATT = Attributor()


def _headline(text: str) -> list[tuple[str, str | None]]:
    end = text.index("\n")
    return [(r.quote.text, r.speaker.name if r.speaker else None) for r in ATT.extract(text) if r.quote.start < end]


def test_description_headline_announces_the_appositive_person() -> None:
    text = ("Cha đẻ robot Alpha: Người máy sẽ có quyền bầu cử\n\n"
            "Tiến sĩ Mark Olsen, cha đẻ của robot Alpha, tin rằng người máy sẽ có quyền bầu cử.")
    assert _headline(text) == [("Người máy sẽ có quyền bầu cử", "Mark Olsen")]


def test_role_headline_announces_the_titled_person() -> None:
    text = ("Nạn nhân: 'Xe lăn nhiều vòng xuống vực'\n\n"
            "Chiếc xe khách lao xuống vực đêm qua. Nạn nhân Lê Văn Hòa kể lại rằng xe mất phanh khi xuống dốc.")
    assert _headline(text) == [("Xe lăn nhiều vòng xuống vực", "Lê Văn Hòa")]


def test_expert_headline_takes_the_whole_name() -> None:
    text = ("Chuyên gia: Ăn sáng muộn làm tăng nguy cơ tiểu đường\n\n"
            "Nhiều người bỏ bữa sáng. Chuyên gia dinh dưỡng Trần Thị Hạnh cho biết ăn sáng muộn có hại.")
    assert _headline(text) == [("Ăn sáng muộn làm tăng nguy cơ tiểu đường", "Trần Thị Hạnh")]


def test_expert_headline_without_a_named_expert_gives_nothing() -> None:
    text = "Chuyên gia: Ăn sáng muộn làm tăng nguy cơ tiểu đường\n\nNhiều người bỏ bữa sáng vì bận rộn."
    assert _headline(text) == []


def test_role_headline_without_a_matching_person_keeps_the_role() -> None:
    text = "Nạn nhân: 'Xe lăn nhiều vòng xuống vực'\n\nChiếc xe khách lao xuống vực đêm qua, ông Lê Văn Hòa cho biết."
    assert _headline(text) == [("Xe lăn nhiều vòng xuống vực", "Nạn nhân")]


def test_event_label_headline_takes_no_announced_speaker() -> None:
    # "Tổng thống X thăm Y: …" labels an event; the president named later did not say the rest
    text = ("Thủ tướng Canada thăm Nhật Bản: Mở ra chương mới\n\n"
            "Thủ tướng Canada Mark Carney đã tới Tokyo hôm qua, mở đầu chuyến thăm ba ngày.")
    assert _headline(text) == []
