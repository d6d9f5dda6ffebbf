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
    # an interviewer named without "nhà báo", some words after "phỏng vấn"
    ("Trong cuộc phỏng vấn kéo dài hai tiếng với Peter Hanley, ông Lê Văn Tâm nói công ty không phá sản.",
     "công ty", "Peter Hanley"),
    # a complaint sent to an outlet
    ("Phản ánh đến báo Người Lao Động, nhiều người dân cho biết nước sinh hoạt bị đục suốt một tuần.",
     "nước", "Người Lao Động"),
    # a generic channel pointed back at
    ("Cũng theo bài báo này, ông Lê Văn Thanh chia sẻ rằng thành phố sẽ mở thêm trường.", "thành phố", "bài báo"),
])
def test_channel_named_in_the_sentence(text: str, quote: str, source: str) -> None:
    assert _source_of(text, quote) == source


@pytest.mark.parametrize("text, quote", [
    # a topic, not the channel of the statement
    ("Theo ông Trần Văn Minh, sự việc trên báo chí đã được phản ánh đầy đủ.", "sự việc"),
    # a place after "trên" is no channel
    ("Ông Trần Văn Minh phát biểu trên Biển Đông rằng tàu cá đã an toàn.", "tàu cá"),
    # a person told, with no interview: no channel
    ("Ông Lê Văn Nam nói với Bộ trưởng Trần Hùng rằng nhà máy sẽ mở lại vào tháng sau.", "nhà máy"),
    # "đến" a generic channel is a topic
    ("Ông Lê Văn Nam cho biết ông đã chú ý đến mạng xã hội từ năm 2014.", "ông đã"),
    # an unknown name after a bare "trên" that no posting verb precedes
    ("Ông Trần Văn Minh cho rằng hàng hóa trên Amazon Basics đang rẻ hơn.", "hàng hóa"),
])
def test_no_channel(text: str, quote: str) -> None:
    assert _source_of(text, quote) is None


def test_answer_to_a_question_asked_by_a_named_outlets_reporter() -> None:
    """``Trả lời câu hỏi trên, …``: the channel is the outlet whose reporter asked, just before."""
    asked = "Phóng viên báo Tiền Phong đã hỏi Bộ Công Thương về giá điện. "
    answer = "Trả lời câu hỏi trên, ông Nguyễn Văn Hùng cho biết giá sẽ được giữ nguyên."
    assert _source_of(asked + answer, "giá sẽ") == "Tiền Phong"
    assert _source_of(answer, "giá sẽ") is None  # nobody asked before


def test_domain_form_outlet_kept_as_written() -> None:
    """Outlet names drop generic words only: ``Zing.vn`` stays ``Zing.vn`` (``báo Zing`` is ``Zing``)."""
    assert _source_of("Trao đổi với Zing.vn, ông Lê Văn Minh cho biết công ty đã trả nợ.", "công ty") == "Zing.vn"
    assert _source_of("Trao đổi với báo Zing, ông Lê Văn Minh cho biết công ty đã trả nợ.", "công ty") == "Zing"


# --- an interview channel runs on with its speaker -----------------------------------------------

_INTERVIEW = ("Ông Lê Văn Tâm cho biết nhà máy đã đóng cửa từ tháng trước. "
              "Trả lời phỏng vấn của phóng viên Tuổi Trẻ, ông Tâm khẳng định công ty sẽ trả lương đầy đủ. "
              "Ông cho biết thêm công nhân sẽ được học nghề miễn phí.\n"
              "“Chúng tôi không bỏ rơi ai”, ông nói.\n"
              "Bà Trần Thị Hoa, một công nhân, cho biết bà vẫn chưa nhận được lương. "
              "Ông Tâm nói công ty đã chuyển khoản hôm qua.")


def test_interview_channel_runs_on_until_another_speaker() -> None:
    assert _source_of(_INTERVIEW, "nhà máy") is None  # never reaching back to the sentence before it
    assert _source_of(_INTERVIEW, "công ty sẽ") == "Tuổi Trẻ"  # its own sentence
    assert _source_of(_INTERVIEW, "công nhân") == "Tuổi Trẻ"  # the same speaker's later statements
    assert _source_of(_INTERVIEW, "Chúng tôi") == "Tuổi Trẻ"
    assert _source_of(_INTERVIEW, "bà vẫn") is None  # another speaker came in
    assert _source_of(_INTERVIEW, "công ty đã chuyển") is None  # and it has ended


def test_channel_of_a_sentence_without_record_is_taken_up_by_its_speaker() -> None:
    """The sentence naming the channel gave no record of its own: its speaker's next statement takes it."""
    text = ("Chị Phạm Thị Lan mất một chân năm 19 tuổi. Chị Lan nhớ lại những ngày ấy khi trò chuyện với đài BBC. "
            "“Tôi đã nghĩ mình không thể chạy được nữa”, chị nói.")
    assert _source_of(text, "Tôi đã nghĩ") == "BBC"


def test_channel_without_record_is_not_given_to_another_speaker() -> None:
    text = ("Chị Phạm Thị Lan nhớ lại những ngày ấy khi trò chuyện với đài BBC. "
            "“Cô ấy rất kiên cường”, bác sĩ Trần Văn Nam nói.")
    assert _source_of(text, "Cô ấy") is None


def test_interviewer_question_does_not_end_the_interview() -> None:
    text = ("“Chúng tôi sẵn sàng đàm phán”, Thủ tướng Lê Văn Bình nói trong cuộc phỏng vấn với nhà báo "
            "John Miller. Ông Bình cũng bác bỏ khả năng tấn công nước láng giềng khi Miller hỏi rằng chính phủ "
            "có cân nhắc điều đó không. “Chúng tôi không có hứng thú với chiến tranh”, ông Bình nói.")
    assert _source_of(text, "Chúng tôi sẵn sàng") == "John Miller"
    assert _source_of(text, "Chúng tôi không có") == "John Miller"


# --- an outlet's own claim; a closing "theo X" frame ---------------------------------------------

@pytest.mark.parametrize("text, quote, outlet", [
    ("Trong số những người bị thương có cả hai trẻ em, theo Reuters.", "Trong số", "Reuters"),
    ("Doanh thu của hãng đã tăng 20% trong năm qua, theo số liệu của Bloomberg.", "Doanh thu", "Bloomberg"),
])
def test_sentence_final_theo_outlet_is_the_outlets_own_claim(text: str, quote: str, outlet: str) -> None:
    rows = [r for r in _rows(text) if r[0].startswith(quote)]
    assert rows and rows[0][1:] == (outlet, outlet)


def test_sentence_final_theo_outlet_with_a_speaker_is_only_the_source() -> None:
    rows = _rows("Ông Lê Văn Nam cho biết nhà máy đã đóng cửa từ tháng trước, theo Reuters.")
    assert [(sp, src) for _, sp, src in rows] == [("Lê Văn Nam", "Reuters")]


def _one_line_body(n: int) -> str:
    """A scraped body on one line: ``n`` statements by two experts, then a closing ``theo X``."""
    said = [f"Ông Trần Văn Hải cho rằng chi phí năm {2000 + k} sẽ giảm." if k % 2 else
            f"Bà Lê Thị Thu cho biết sản lượng năm {2000 + k} sẽ tăng." for k in range(n)]
    return "Tọa đàm về năng lượng\n\n" + " ".join(said) + " Giá điện đã tăng 5% trong quý, theo Bloomberg.\n"


def test_closing_theo_frame_covers_a_real_paragraph() -> None:
    rows = _rows(_one_line_body(3))
    assert all(src == "Bloomberg" for _, _, src in rows)


def test_closing_theo_frame_does_not_cover_a_one_line_body() -> None:
    rows = _rows(_one_line_body(10))
    assert [src for q, _, src in rows if q.startswith("Giá điện")] == ["Bloomberg"]
    assert all(src is None for q, _, src in rows if not q.startswith("Giá điện"))


# --- words passed on by someone else (2026-12-01) ------------------------------------------------

def test_relayed_words_have_their_origin_as_speaker_and_the_relayer_as_source() -> None:
    rows = _rows("Bà Lê Thị Hoa kể những người lính nói rằng họ không có đủ thức ăn.")
    assert rows == [("họ không có đủ thức ăn", "những người lính", "Lê Thị Hoa")]


@pytest.mark.parametrize("text, speaker", [
    # the speaker speaking of himself: a pronoun is no new origin
    ("Ông Lê Văn Nam cho biết ông chưa từng đề nghị tăng giá điện.", "Lê Văn Nam"),
    # a clause of his own before the inner one: the outer content is no relayed statement
    ("Ông Lê Văn Nam cho biết sau cuộc họp, Bộ Công Thương đã yêu cầu các nhà máy báo cáo.", "Lê Văn Nam"),
])
def test_not_relayed(text: str, speaker: str) -> None:
    rows = _rows(text)
    assert rows and rows[0][1] == speaker and rows[0][2] is None


def test_relayed_words_do_not_end_the_relayers_interview() -> None:
    text = ("“Tôi từng nghĩ mình không qua khỏi”, chị Phạm Thị Lan nói với đài BBC. "
            "Chị kể các bác sĩ nói rằng chị chỉ còn vài tháng. "
            "“Giờ tôi đã chạy được 10 km”, chị nói.")
    assert _source_of(text, "chị chỉ còn") == "Phạm Thị Lan"
    assert _source_of(text, "Giờ tôi") == "BBC"


@pytest.mark.parametrize("text, expected", [
    ("Như thông tin báo Người Lao Động đã đưa, nhà máy đã ngừng hoạt động từ tháng trước.",
     [("nhà máy đã ngừng hoạt động từ tháng trước", "Người Lao Động", "Người Lao Động")]),
    ("Như báo Tiền Phong đã đưa trước đó, hai công nhân đã bị thương trong vụ cháy.",
     [("hai công nhân đã bị thương trong vụ cháy", "Tiền Phong", "Tiền Phong")]),
    # a speaker of its own in the clause: the outlet is only the source
    ("Như báo Tiền Phong đã phản ánh, ông Lê Văn Nam cho biết nhà máy đã ngừng hoạt động.",
     [("nhà máy đã ngừng hoạt động", "Lê Văn Nam", "Tiền Phong")]),
    # no outlet named: the writer's own back-reference, no record
    ("Như đã đưa tin, nhà máy đã ngừng hoạt động từ tháng trước.", []),
    # "như" in another sense
    ("Như mọi năm, nhà máy đã ngừng hoạt động vào dịp Tết.", []),
])
def test_as_reported_by_an_outlet(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize("second", ["Các chuyên gia phong thủy", "các chuyên gia phong thuỷ"])
def test_a_carried_channel_survives_another_spelling_of_its_speaker(second: str) -> None:
    # an unnamed speaker is one speaker whatever the case or tone placement of the words naming it
    text = ("Trả lời phỏng vấn VTV, các chuyên gia phong thủy cho biết năm nay sẽ có nhiều biến động. "
            f"{second} cũng cho rằng giá vàng sẽ tăng.")
    assert _source_of(text, "giá vàng") == "VTV"
