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


# --- generic speech verbs, and bare clauses after verbs that took only marked content ----------
SPEECH_VERBS = [
    pytest.param("“Giá vé sẽ giữ nguyên đến hết năm”, bà Trịnh Thu Hà nói, thêm rằng hãng đã mua đủ nhiên liệu.",
                 [("direct", "Trịnh Thu Hà", "Giá vé sẽ giữ nguyên đến hết năm"),
                  ("indirect", "Trịnh Thu Hà", "hãng đã mua đủ nhiên liệu")], id="thêm rằng after quote-first"),
    pytest.param("Chị Đoàn Thu Trang chia sẻ gia đình chị đã chuyển về quê từ đầu năm.",
                 [("indirect", "Đoàn Thu Trang", "gia đình chị đã chuyển về quê từ đầu năm")], id="chia sẻ + clause"),
    pytest.param("Ông Lưu Văn Khánh bảo mùa này cá về ít nên giá đã tăng gấp đôi.",
                 [("indirect", "Lưu Văn Khánh", "mùa này cá về ít nên giá đã tăng gấp đôi")], id="bảo + clause"),
    pytest.param("Tại cơ quan công an, Đỗ Văn Hưng khai nhận đã lấy trộm 5 xe máy trong tháng 3.",
                 [("indirect", "Đỗ Văn Hưng", "đã lấy trộm 5 xe máy trong tháng 3")], id="khai nhận"),
    pytest.param("Ông Vũ Đình Lâm thú nhận đã không kiểm tra hồ sơ trước khi ký.",
                 [("indirect", "Vũ Đình Lâm", "đã không kiểm tra hồ sơ trước khi ký")], id="thú nhận"),
    pytest.param("Ông Tạ Quang Vinh đặt vấn đề, cùng một dự án mà hai địa phương lại tính giá đất khác nhau.",
                 [("indirect", "Tạ Quang Vinh",
                   "cùng một dự án mà hai địa phương lại tính giá đất khác nhau")], id="đặt vấn đề"),
]

NOT_SPEECH = [
    pytest.param("Bộ Xây dựng triển khai thí điểm nhà ở xã hội tại ba tỉnh.", id="triển khai"),
    pytest.param("Công ty Hòa Bình đảm bảo nguồn điện sẽ không bị gián đoạn trong mùa khô.", id="đảm bảo"),
    pytest.param("Chị Đoàn Thu Trang chia sẻ kinh nghiệm nuôi con nhỏ ở thành phố.", id="chia sẻ + topic NP"),
    pytest.param("Sản phẩm của doanh nghiệp nêu trên đã bị thu hồi khỏi thị trường.", id="nêu trên"),
    pytest.param("Nhà máy mới sẽ đáp ứng nhu cầu điện của cả tỉnh trong năm tới.", id="đáp ứng"),
]


@pytest.mark.parametrize("text, expected", SPEECH_VERBS)
def test_speech_verb(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_same_syllables_not_speech(text):
    assert records(text) == []


# --- content ending in "?": the speaker's question when it holds a question word ---------------
def test_reported_question_with_question_word():
    text = ("Bà Lý Thị Mai cho biết, cho con tiền tiêu vặt thì cũng phải dạy con dùng số tiền đó vào việc gì? "
            "Nhiều gia đình ở phường Đông Hòa đã làm như vậy.")
    assert records(text)[:1] == [("indirect", "Lý Thị Mai",
                              "cho con tiền tiêu vặt thì cũng phải dạy con dùng số tiền đó vào việc gì")]


def test_writer_question_without_question_word():
    # the writer asks whether the statement was made: no question word inside the content
    text = ("Từ đầu tháng, Bộ Công Thương cho biết giá điện sẽ được điều chỉnh? "
            "Nhiều gia đình ở phường Đông Hòa đã hỏi như vậy.")
    assert records(text) == []


# --- a topic noun that is the subject of a clause, and adverbs that look like topics -----------
CLAUSE_AFTER_TOPIC_NOUN = [
    pytest.param("Bà Kiều Thị Nga xác nhận sự việc xảy ra tại trạm thu phí vào tối 4/3.",
                 [("indirect", "Kiều Thị Nga", "sự việc xảy ra tại trạm thu phí vào tối 4/3")], id="sự việc xảy ra"),
    pytest.param("Ông Hà Minh Đức nhận định sự phát triển của xe điện sẽ thay đổi thị trường ô tô.",
                 [("indirect", "Hà Minh Đức", "sự phát triển của xe điện sẽ thay đổi thị trường ô tô")],
                 id="sự … sẽ"),
    pytest.param("Đoàn thanh tra đánh giá về cơ bản nhà máy đã chấp hành quy định về môi trường.",
                 [("indirect", "Đoàn thanh tra", "về cơ bản nhà máy đã chấp hành quy định về môi trường")],
                 id="về cơ bản is an adverb"),
]

TOPIC_NOUN_PHRASES = [
    pytest.param("Ông Hà Minh Đức bày tỏ lo ngại về việc giá xăng sẽ tăng mạnh.", id="lo ngại về việc … sẽ"),
    pytest.param("Bộ trưởng nhấn mạnh vai trò của doanh nghiệp trong việc giữ giá ổn định.", id="vai trò của"),
    pytest.param("Các bác sĩ cảnh báo về nguy cơ trẻ em bị sốc nhiệt trong mùa hè.", id="về nguy cơ … bị"),
    pytest.param("Ông Hà Minh Đức bày tỏ hy vọng sẽ sớm ký hợp đồng với đối tác.", id="hy vọng sẽ"),
]


@pytest.mark.parametrize("text, expected", CLAUSE_AFTER_TOPIC_NOUN)
def test_clause_after_topic_noun(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize("text", TOPIC_NOUN_PHRASES)
def test_topic_noun_phrase_is_no_record(text):
    assert records(text) == []


# --- a performative cue with a short verb phrase ----------------------------------------------
def test_performative_with_verb_phrase():
    assert records("Công ty vận tải Hoàng Long tuyên bố phá sản.") == [
        ("indirect", "Công ty vận tải Hoàng Long", "phá sản")]
    assert records("Hãng hàng không Sao Mai thông báo ngừng bay tuyến Hà Nội - Huế.") == [
        ("indirect", "Hãng hàng không Sao Mai", "ngừng bay tuyến Hà Nội - Huế")]


def test_performative_with_noun_object_is_no_record():
    assert records("Trường Đại học Hòa Bình thông báo lịch nhập học năm nay.") == []


# --- indirect quote-first content that opens with a fronted adverbial --------------------------
def test_quote_first_clause_opening_with_adverbial():
    text = "Với gần 20 năm kinh nghiệm, công ty Phú Gia là nhà thầu lớn nhất tỉnh, các chuyên gia nhận xét."
    assert records(text) == [("indirect", "các chuyên gia",
                              "Với gần 20 năm kinh nghiệm, công ty Phú Gia là nhà thầu lớn nhất tỉnh")]


def test_only_a_fronted_adverbial_before_the_speaker_is_no_record():
    assert records("Tại cuộc họp báo chiều 5/3 ở trụ sở bộ, ông Lê Văn An cho biết.") == []


# --- polysemous cues: "giao" orders someone to act, or hands something over ---------------------
def test_giao_orders_an_addressee():
    assert records("Chủ tịch UBND tỉnh giao Sở Tài chính rà soát lại toàn bộ các gói thầu.") == [
        ("indirect", "Chủ tịch UBND tỉnh", "Sở Tài chính rà soát lại toàn bộ các gói thầu")]


@pytest.mark.parametrize("text", [
    pytest.param("Bộ Xây dựng giao đất cho Tổng công ty Sông Đà quản lý.", id="giao + thing + cho"),
    pytest.param("UBND TP Cần Thơ giao lại cho UBND quận Ninh Kiều thực hiện.", id="giao lại cho"),
    pytest.param("Ủy ban tỉnh xác định mục tiêu tăng trưởng 8% cho năm tới.", id="xác định mục tiêu"),
])
def test_non_speech_sense_is_no_record(text):
    assert records(text) == []


# --- an inner cue that does not start a clause of its own --------------------------------------
def test_cue_in_a_relative_clause_on_a_topic_noun():
    text = "Ông Đặng Quốc Bảo nói thông tin ông đề nghị Sở Công Thương đóng cửa chợ là không chính xác."
    assert records(text) == [("indirect", "Đặng Quốc Bảo",
                              "thông tin ông đề nghị Sở Công Thương đóng cửa chợ là không chính xác")]


def test_inner_theo_frame_stays_in_the_content():
    text = "Bà Hồ Thị Lan cho biết, theo khảo sát của công ty, 70% khách hàng đồng tình rằng giá vé quá cao."
    assert records(text) == [("indirect", "Hồ Thị Lan",
                              "theo khảo sát của công ty, 70% khách hàng đồng tình rằng giá vé quá cao")]


def test_second_speaker_after_a_connective_still_splits():
    text = "Ông Đặng Quốc Bảo cho biết giá điện sẽ tăng, còn bà Hồ Thị Lan nói giá xăng sẽ giữ nguyên."
    assert records(text) == [("indirect", "Đặng Quốc Bảo", "giá điện sẽ tăng"),
                             ("indirect", "Hồ Thị Lan", "giá xăng sẽ giữ nguyên")]


# --- questions put to the subject, and nominalised cue words ----------------------------------
@pytest.mark.parametrize("text", [
    pytest.param("HLV Lê Văn Tâm nhận ghế từ tháng 3. Ông đánh giá thế nào về cơ hội của đội trong mùa giải "
                 "tới?- Mọi thứ vẫn còn ở phía trước.", id="interview question, glued answer"),
    pytest.param("HLV Lê Văn Tâm nhận ghế từ tháng 3. Ông nói gì về điều này?- Việc bổ sung nhân sự phải dựa "
                 "vào nhiều yếu tố.", id="việc + cue word"),
    pytest.param("Bộ đề có hướng dẫn chấm, giáo viên kèm đánh giá ưu, nhược điểm để tự điều chỉnh bài kiểm tra.",
                 id="kèm + cue word"),
])
def test_question_or_noun_is_no_record(text):
    assert records(text) == []



@pytest.mark.parametrize("text, expected", [
    pytest.param("Một nhân viên của công ty cho biết đã bị nợ lương ba tháng. Người này từ chối tiết lộ danh tính "
                 "vì sợ bị đuổi việc.", [("indirect", "Một nhân viên của công ty", "đã bị nợ lương ba tháng")],
                 id="từ chối + cue"),
    pytest.param("Cuộc phỏng vấn của nhà báo Lê Văn Tâm với Thủ tướng Hàn Quốc được công bố, trong đó ông Han "
                 "khẳng định sẽ không từ chức.", [("indirect", "Han", "sẽ không từ chức")],
                 id="passive được + cue, no agent"),
    pytest.param("Trong quá trình HĐXX xét hỏi, bị cáo Lê Văn Tâm nhiều lần bật khóc.", [], id="xét hỏi"),
    pytest.param("Ở Nhật Bản, phạm nhân cao tuổi ngày càng nhiều. Cơ quan công tố và các nhà tù phối hợp chặt chẽ "
                 "để hỗ trợ họ.", [], id="công tố"),
    pytest.param("Ông Lê Văn Tâm chậm trễ trong tham mưu, đề xuất hướng giải quyết vụ việc.", [],
                 id="hướng giải quyết"),
])
def test_not_a_statement(text, expected):
    assert [r[:3] for r in records(text)] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Sau trận thua, nhiều cổ động viên đồn HLV Lê Văn Tâm sẽ rời đội bóng vào cuối mùa.",
                 [("indirect", "nhiều cổ động viên", "HLV Lê Văn Tâm sẽ rời đội bóng vào cuối mùa")], id="đồn"),
    pytest.param("Bị cáo Đỗ Văn Hưng bất ngờ hét lên: “Tôi không giết người”.",
                 [("direct", "Đỗ Văn Hưng", "Tôi không giết người")], id="hét lên + quote"),
    pytest.param("Nhóm thanh niên tiếp tục la hét, buông lời dọa nạt nhân viên nhà ga.", [], id="la hét"),
    pytest.param("Anh Lê Văn Tâm bị đưa về đồn công an để làm rõ vụ việc.", [], id="đồn công an"),
])
def test_shouts_and_rumours(text, expected):
    assert records(text) == expected


# --- a fronted question clause before the answer ---------------------------------------------
def test_answer_after_a_fronted_question():
    text = ("Khi được hỏi rằng liệu công ty có tăng giá hay không, bà Ngô Thị Lan đáp: "
            "“Chúng tôi chưa có kế hoạch nào.”")
    assert [r[:2] for r in records(text)] == [("direct", "Ngô Thị Lan")]


@pytest.mark.parametrize("text", [
    pytest.param("Bộ trưởng Lê Văn Tâm nhấn mạnh đến sự cần thiết phải đổi mới cách thi cử.", id="nhấn mạnh đến sự"),
    pytest.param("Bộ trưởng Lê Văn Tâm nói đến việc giá điện sẽ được điều chỉnh trong năm tới.", id="nói đến việc"),
])
def test_topic_after_a_preposition_is_no_record(text):
    assert records(text) == []


def test_quote_first_with_a_manner_coordination():
    text = "“Con tôi không có tội”, bà Lê Thị Mai vừa nói vừa lau nước mắt."
    assert records(text) == [("direct", "Lê Thị Mai", "Con tôi không có tội")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Nhiều chuyên gia nêu quan điểm cải cách là cần thiết nhưng phải có lộ trình.",
                 [("indirect", "Nhiều chuyên gia", "cải cách là cần thiết nhưng phải có lộ trình")],
                 id="nêu quan điểm + clause"),
    pytest.param("Bà Lê Thị Mai nêu ý kiến nhà trường không nên thu thêm các khoản ngoài quy định.",
                 [("indirect", "Lê Thị Mai", "nhà trường không nên thu thêm các khoản ngoài quy định")],
                 id="nêu ý kiến + clause"),
    pytest.param("Bà Lê Thị Mai nêu ý kiến của mình về các khoản thu.", [], id="nêu ý kiến + topic"),
])
def test_statement_verbs_with_a_noun(text, expected):
    assert records(text) == expected


def test_cue_followed_by_an_adverb_that_looks_like_a_block():
    # "nói về" (talk about) hides the cue, "nói" + "về cơ bản" (basically) does not
    text = "Bộ Tài chính nói về cơ bản doanh nghiệp đã tuân thủ pháp luật về thuế. Ông Lê Văn Tâm nói về giá điện."
    assert records(text) == [("indirect", "Bộ Tài chính", "về cơ bản doanh nghiệp đã tuân thủ pháp luật về thuế")]


def test_counted_object_is_the_verb_s_other_sense():
    # "trả lời 30 cuộc gọi" = answered 30 calls: no inner statement to keep the outlet's own claim out
    text = "Theo khảo sát của Reuters, mỗi nhân viên tổng đài đã trả lời 40 cuộc gọi mỗi ngày."
    assert [r[:2] for r in records(text)] == [("indirect", "Reuters")]
