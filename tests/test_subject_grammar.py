"""Speakers found by the grammar of a subject noun phrase, not by word lists.

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
    # a description in quote-first position: only a subject can stand there
    ("“Tôi không muốn quay lại nơi đó”, nữ phạm nhân 80 tuổi nói.", "nữ phạm nhân 80 tuổi"),
    ("“Hàng về ít nên giá tăng”, chủ sạp cá ở chợ Bến Thành cho biết.", "chủ sạp cá ở chợ Bến Thành"),
    # one word of foreign shape opening the sentence before marked content, or after a quote
    ("Vinamilk cho biết, doanh thu quý ba đã tăng 8%.", "Vinamilk"),
    ("“Lãi suất sẽ giữ nguyên”, Vietcombank khẳng định.", "Vietcombank"),
    # a brand behind a classifier
    ("Theo báo Lao Động, hãng xe Toyota cho biết sẽ thu hồi 5.000 xe.", "Toyota"),
    # a named subject, then a verb phrase before the cue
    ("Bà Ngô Thị Lan lên tiếng phủ nhận việc công ty sắp phá sản.", "Ngô Thị Lan"),
    # a complement "từ ORG" between the name and the cue
    ("Tiến sĩ Maria Lopez từ Đại học Madrid cho biết giá sẽ tăng mạnh.", "Maria Lopez"),
    # place lists inside an appositive chain are not the speaker
    ("Ông Trần Văn Bình, Phó Chủ tịch phường Láng Hạ, quận Đống Đa cho biết, đường sẽ được mở rộng.",
     "Trần Văn Bình"),
    ("Anh Nguyễn Văn Cường, thôn Thanh Long, xã Tam Quang (huyện Núi Thành) cho hay nước đã rút.",
     "Nguyễn Văn Cường"),
    # a description with no lexicon word between a name and the cue
    ("“Năm nay khách đông hơn”, ông Lê Văn Hùng, chủ vựa cá lóc, cho biết.", "Lê Văn Hùng"),
    # a document's issuer is the speaker (GUIDELINES, 2026-12-01)
    ("Báo cáo của Bộ Công Thương cho biết, giá xăng sẽ giảm nhẹ trong tuần tới.", "Bộ Công Thương"),
    ("Số liệu từ Tổng cục Hải quan cho thấy xuất khẩu gạo tăng, Tổng cục Hải quan cho biết thêm.",
     "Tổng cục Hải quan"),
    # a bare foreign name inside a chain is a place or an organisation, not the head
    ("GS Nguyễn Thị Hoa, Đại học California, Santa Cruz (Mỹ) cũng nhấn mạnh cần đầu tư mạnh hơn.",
     "Nguyễn Thị Hoa"),
    ("“Họ thấy đây như là nhà”, Anna Berg, giám thị nhà tù Malmö, cho biết.", "Anna Berg"),
    # a given name alone, vouched for by the description after it
    ("Thu Trang, một sinh viên người Việt, cho biết cô vẫn đi học bình thường.", "Thu Trang"),
    # the agent of a passive in a case noun's clause speaks
    ("Nguyên nhân thứ hai được ông Lê Văn Long chỉ ra đó là chi phí vận chuyển tăng.", "Lê Văn Long"),
    # a description heading a chain of places
    ("Một người hàng xóm tại thôn Đông, xã Tây Hà (huyện Tân Sơn) cho biết cháu bé rất ngoan.",
     "Một người hàng xóm tại thôn Đông"),
    # an object after a transfer verb is never the subject
    ("Hôm qua, ông Lê Văn Bình (40 tuổi, phụ huynh) đã gửi đơn lên chính quyền quận đề nghị xem xét lại khoản thu.",
     "Lê Văn Bình"),
    # a relative clause inside an appositive ("người có … được thả") is not a clause of its own
    ("Ông Lê Văn Hải, người có con trai được thả hôm qua, nói anh phải chăm sóc cháu nhiều hơn.", "Lê Văn Hải"),
    # a named person heading a chain of places and organisations, however they are written
    ("GS.TS Kevin Hart, Bệnh viện Saint Mary, Canada, cho biết thuốc mới đã được thử nghiệm.", "Kevin Hart"),
    ("Ông Phạm Văn Tài, Giám đốc Ban quản lý dự án cao tốc Cam Lâm - Vĩnh Hảo, cho biết đường sẽ thông xe sớm.",
     "Phạm Văn Tài"),
    ("Bà Đỗ Thị Hằng, Chủ tịch công đoàn Công ty Sao Việt, cho biết mỗi công nhân được thưởng một tháng lương.",
     "Đỗ Thị Hằng"),
])
def test_subjects_no_lexicon_predicts(attributor: Attributor, text: str, speaker: str) -> None:
    assert speakers(attributor, text) == [speaker]


@pytest.mark.parametrize("text", [
    # a fragment before a cue word that is part of the content is no speaker
    "Theo kế hoạch, đúng như dự đoán, hội nghị đã kết thúc sớm.",
    "Doanh thu quý này cao hơn dự kiến của các nhà đầu tư.",
    # an abstract noun phrase does not speak (GUIDELINES: no non-human subjects)
    "“Đó là một bước ngoặt”, sự kiện này cho thấy.",
    # an honorific with a verb is not a description
    "“Tôi không nhớ rõ”, ông quên mất rồi.",
    # a clause is not an organisation's name
    "Bộ Tài chính sẽ không phải là đơn vị kiểm tra và không can thiệp vào kết quả.",
    # a case or a condition has no speaker
    "Trường hợp người mua đánh giá sản phẩm kém thì cửa hàng sẽ đổi hàng mới.",
])
def test_no_speaker_where_no_subject_stands(attributor: Attributor, text: str) -> None:
    assert speakers(attributor, text) == []


def test_a_description_not_in_subject_position_is_not_a_speaker(attributor: Attributor) -> None:
    # mid-sentence, after a fronted phrase, the words before the cue are not vouched for
    # (a head no lexicon knows: "chủ sạp" is now a listed role noun, "thợ sửa xe" is not)
    text = "Sau nhiều tháng, thợ sửa xe nói giá sẽ tăng."
    assert "thợ sửa xe" not in speakers(attributor, text)


def test_an_adjacent_second_cue_shares_the_subject(attributor: Attributor) -> None:
    recs = attributor.extract("Ông Lê Văn Nam lên tiếng khẳng định công ty vẫn hoạt động bình thường.")
    assert [(r.speaker.name, r.quote.text) for r in recs] == [("Lê Văn Nam", "công ty vẫn hoạt động bình thường")]

def test_a_chain_with_a_clause_in_it_does_not_reach_back(attributor: Attributor) -> None:
    # "Ông A cho biết, …": the first chunk holds a cue of its own, so it is not an appositive
    text = "Ông Lê Văn Nam cho biết, Sở Giao thông, Công ty Cầu Đường, khẳng định cầu vẫn an toàn."
    assert "Lê Văn Nam" in speakers(attributor, text)
    assert speakers(attributor, text).count("Lê Văn Nam") == 1


def test_a_title_chain_ends_at_a_clause(attributor: Attributor) -> None:
    # "quyền" (acting) is a title word, but "… bằng cách yêu cầu" is a clause, not a title chain
    text = "Văn phòng Chính phủ cho biết ông đã dùng quyền phủ quyết bằng cách yêu cầu Quốc hội xem xét lại."
    assert all(s is None or "bằng cách" not in s for s in speakers(attributor, text))


def _subject(text: str) -> tuple[str, str] | None:
    """The mention subject_before finds for the first cue of ``text``: (kind, text)."""
    from quoteattr.cues import find_cues
    from quoteattr.lexicon import Lexicon
    from quoteattr.mentions import MentionParser
    from quoteattr.tokens import tokenize

    lex = Lexicon.default().compile()
    toks = tokenize(text, 0, len(text))
    cue = find_cues(toks, 0, len(toks), lex)[0]
    m = MentionParser(lex).subject_before(toks, 0, cue.tok_start)
    return (m.kind, text[m.start:m.end]) if m else None


def test_an_organisation_head_in_lower_case_is_no_name() -> None:
    # "Trung tâm …": the capital "Trung" starts an organisation, it is not a person's name
    assert _subject("Giám đốc Trung tâm kiểm định Hải Phòng cho hay mẫu nước đã được gửi đi.") == (
        "title", "Giám đốc Trung tâm kiểm định Hải Phòng")


def test_a_fronted_place_phrase_is_not_a_person() -> None:
    from quoteattr.lexicon import Lexicon
    from quoteattr.mentions import MentionParser
    from quoteattr.tokens import tokenize

    text = "Từ TP HCM"
    toks = tokenize(text, 0, len(text))
    assert MentionParser(Lexicon.default().compile()).parse(toks, 0, len(toks)) is None


def test_a_page_title_credit_is_not_a_speaker(attributor: Attributor) -> None:
    # "' - VnExpress Thể thao" is the page's credit; the headline's speaker stands before the colon
    recs = attributor.extract("HLV Vũ Văn Thành: 'Đội vẫn đá đẹp dù thua trận' - VnExpress Thể thao")
    assert [(r.speaker.name, r.quote.text) for r in recs] == [("Vũ Văn Thành", "Đội vẫn đá đẹp dù thua trận")]


def test_what_someone_will_demand_is_part_of_the_content(attributor: Attributor) -> None:
    # "sẽ yêu cầu": a future demand reported by the speaker, not a statement of its own
    recs = attributor.extract("Ông Trần Văn Nam cho biết, sau đợt kiểm tra, Sở Xây dựng sẽ yêu cầu các quận "
                              "rà soát lại giấy phép.")
    assert [r.speaker.name for r in recs] == ["Trần Văn Nam"]
    assert recs[0].quote.text.endswith("rà soát lại giấy phép")


def test_a_demand_made_now_is_a_statement_of_its_own(attributor: Attributor) -> None:
    recs = attributor.extract("Ông Trần Văn Nam cho biết, Sở Xây dựng yêu cầu các quận rà soát lại giấy phép.")
    assert "Sở Xây dựng" in [r.speaker.name for r in recs]


def test_a_colon_ends_an_appositive_chain_whatever_the_quote_marks(attributor: Attributor) -> None:
    # the same text with a „German-style“ closing mark and a straight one gives the same records
    curly = "„Giá sẽ giảm“, Lê Văn An: ông nêu vấn đề với báo chí."
    straight = curly.replace("“", '"')
    assert [(r.rule, r.cue.text) for r in attributor.extract(curly)] == [
        (r.rule, r.cue.text) for r in attributor.extract(straight)]
