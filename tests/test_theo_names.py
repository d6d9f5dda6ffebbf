"""``Theo`` frames with appositive persons, and names the mention grammar misread.

Synthetic sentences (UNSEEN-ERRORS.md rows R05 and R04): each construction with
near-misses that must keep the old reading.
"""
from __future__ import annotations

from quoteattr import Attributor

ATT = Attributor()


def _records(text: str) -> list[tuple[str, str | None]]:
    return [(r.quote.text, r.speaker.name if r.speaker else None) for r in ATT.extract(text)]


# --- R05(5): "Theo TITLE, ông NAME, …": the named person speaks ------------------------------

def test_theo_title_then_apposed_person_speaks() -> None:
    text = "Theo Phó giám đốc Công ty Hoàng Long, ông Mark Evans, lợi nhuận quý II đã giảm 5%."
    assert _records(text) == [("lợi nhuận quý II đã giảm 5%", "Mark Evans")]


def test_theo_title_then_apposed_vietnamese_name() -> None:
    text = "Theo Giám đốc Sở Xây dựng, bà Nguyễn Thị Mai, tiến độ dự án đang chậm hai tháng."
    assert _records(text) == [("tiến độ dự án đang chậm hai tháng", "Nguyễn Thị Mai")]


def test_theo_title_then_place_keeps_the_title() -> None:
    # a place after the comma is no person: the title stays the speaker, the place is content
    recs = _records("Theo Giám đốc Sở Y tế, tỉnh Bình Định, số ca sốt xuất huyết đã giảm một nửa.")
    assert [s for _, s in recs] == ["Giám đốc Sở Y tế"]


# --- R05(4): "Theo BS X - role, role CUE, …": X, not the last role, speaks --------------------

def test_theo_person_with_appositive_roles_before_the_cue() -> None:
    text = ("Theo TS Lâm Văn Đức - giảng viên Đại học Bách khoa, nguyên Trưởng phòng Thí nghiệm "
            "nhận định, vật liệu mới sẽ rẻ hơn 30%.")
    assert _records(text) == [("vật liệu mới sẽ rẻ hơn 30%", "Lâm Văn Đức")]


def test_theo_person_dash_role_cue() -> None:
    text = "Theo ông Hồ Văn Tâm - Giám đốc Sở Tài chính nhận định, nguồn thu năm nay sẽ giảm."
    assert _records(text) == [("nguồn thu năm nay sẽ giảm", "Hồ Văn Tâm")]


def test_theo_person_then_another_titled_subject_is_not_an_apposition() -> None:
    # "Theo A, Bộ trưởng đã yêu cầu …": A tells what the minister asked; no role chain on A
    recs = _records("Theo ông Hồ Văn Tâm, Bộ trưởng đã yêu cầu các sở rà soát ngân sách.")
    assert ("Hồ Văn Tâm" in [s for _, s in recs]) and all(s != "Bộ trưởng" for _, s in recs)


# --- names: a title cut inside an organisation head; dotted titles; "Đoàn" as family name ------

def test_title_before_trung_tam_is_not_a_person_named_trung() -> None:
    recs = _records("Giám đốc Trung tâm kiểm soát bệnh tật Cần Thơ cho hay các mẫu đã được gửi đi.")
    assert recs and all(s != "Trung" for _, s in recs)


def test_dotted_academic_title_is_not_part_of_the_name() -> None:
    recs = _records("Th.S Đặng Hữu Lộc, Viện Kinh tế TP HCM, cũng cho rằng thành phố cần thêm vốn.")
    assert recs == [("thành phố cần thêm vốn", "Đặng Hữu Lộc")]


def test_combined_dotted_title() -> None:
    recs = _records("PGS.TS.BS Đặng Hữu Lộc cho biết bệnh nhân đã tỉnh lại.")
    assert recs == [("bệnh nhân đã tỉnh lại", "Đặng Hữu Lộc")]


def test_doan_family_name_is_a_person() -> None:
    recs = ATT.extract("Đoàn Quang Huy cho biết công ty sẽ tăng lương cho công nhân.")
    assert [(r.speaker.name, r.speaker.type) for r in recs] == [("Đoàn Quang Huy", "person")]


def test_doan_with_acronym_stays_an_organisation() -> None:
    recs = ATT.extract("Đoàn TNCS Hồ Chí Minh cho biết sẽ tổ chức thêm hai đợt tình nguyện.")
    assert [r.speaker.type for r in recs] == ["organization"]


# --- R06b / R01e: "Theo X" where X is a description or a name the lexicons do not know --------

def test_theo_report_of_the_hospital_resolves_to_the_named_hospital() -> None:
    text = ("Bệnh viện Bạch Mai vừa tiếp nhận thêm 30 bệnh nhân. "
            "Theo báo cáo của bệnh viện, số ca nặng đã giảm một nửa.")
    assert _records(text) == [("số ca nặng đã giảm một nửa", "Bệnh viện Bạch Mai")]


def test_theo_company_with_demonstrative() -> None:
    text = "Công ty Hòa Phát vừa họp cổ đông. Theo thông báo của công ty này, cổ tức sẽ được trả vào tháng 9."
    assert _records(text) == [("cổ tức sẽ được trả vào tháng 9", "Công ty Hòa Phát")]


def test_theo_person_description_with_demonstrative() -> None:
    text = ("Ông Trịnh Quốc Bảo đã đi chuyến bay đó. "
            "Theo nam doanh nhân này, phần lớn hành khách không biết máy bay gặp sự cố.")
    recs = _records(text)
    assert recs == [("phần lớn hành khách không biết máy bay gặp sự cố", "Trịnh Quốc Bảo")]


def test_theo_a_trend_with_demonstrative_is_no_speaker() -> None:
    assert _records("Giá vàng vẫn tăng. Theo xu hướng này, giá nhẫn trơn sẽ còn tăng trong năm tới.") == []


def test_theo_unknown_capitalised_name_speaks() -> None:
    text = "Theo báo cáo của Knight Frank Việt Nam, giá thuê văn phòng đã tăng 4%."
    assert _records(text) == [("giá thuê văn phòng đã tăng 4%", "Knight Frank Việt Nam")]


def test_theo_unknown_name_is_not_a_company_for_later_descriptions() -> None:
    # a frame's name may be a data source: "Hãng" still goes to the company named as one
    text = ("Hãng Vinfast vừa ra mắt mẫu xe mới. Theo Statista, thị trường xe điện đã tăng 40%. "
            "Hãng cho biết sẽ mở thêm 50 đại lý.")
    speakers = [s for _, s in _records(text)]
    assert "Statista" in speakers and speakers[-1] != "Statista"


# --- a caption credit names a photographer, nobody a pronoun can mean --------------------------

def test_caption_credit_is_no_antecedent() -> None:
    text = ("Chiếc xe khách bị lật trên đèo. Ảnh: Trần Quang Vũ.\n"
            "\"Tôi chỉ kịp ôm con nhảy ra ngoài\", chị nói.")
    assert all(s != "Trần Quang Vũ" for _, s in _records(text))


def test_honorific_name_is_still_an_antecedent() -> None:
    text = ("Chị Trần Thu Vân ngồi ở hàng ghế đầu. Ảnh: Trần Quang Vũ.\n"
            "\"Tôi chỉ kịp ôm con nhảy ra ngoài\", chị nói.")
    assert _records(text) == [("Tôi chỉ kịp ôm con nhảy ra ngoài", "Trần Thu Vân")]


# --- "phóng viên X": a reporter with a person's name is a person, not an outlet ------------------

def test_reporter_with_a_name_is_a_person() -> None:
    recs = ATT.extract("Phóng viên Trịnh Minh Khoa cho biết đoàn xe đã rời khỏi thành phố.")
    assert [(r.speaker.name, r.speaker.type, r.source) for r in recs] == [("Trịnh Minh Khoa", "person", None)]


def test_reporter_of_an_outlet_stays_the_channel() -> None:
    recs = ATT.extract("Trả lời phóng viên VnExpress, ông Lê Văn Nam cho biết dự án sẽ hoàn thành trong năm nay.")
    assert [(r.speaker.name, r.source.name.casefold() if r.source else None) for r in recs] == [
        ("Lê Văn Nam", "vnexpress")]


# --- R14d: "Theo A, B (ACR), và nhiều tổ chức khác thì …": every item of the list speaks ------

def test_theo_list_of_three_speakers() -> None:
    text = ("Theo Quỹ Nhi đồng Liên Hợp Quốc, Hiệp hội Nhi khoa Mỹ (AAP), và nhiều tổ chức khác "
            "thì trẻ dưới hai tuổi không nên xem màn hình.")
    recs = ATT.extract(text)
    assert [r.quote.text for r in recs] == ["trẻ dưới hai tuổi không nên xem màn hình"]
    name = recs[0].speaker.name
    assert "Quỹ Nhi đồng Liên Hợp Quốc" in name and "Hiệp hội Nhi khoa Mỹ" in name and "nhiều tổ chức khác" in name


def test_theo_single_speaker_then_topic_thi_is_no_list() -> None:
    recs = _records("Theo Bộ Y tế, giá thuốc thì vẫn tăng trong quý này.")
    assert [s for _, s in recs] == ["Bộ Y tế"]


# --- "Theo X ở/(…) …, CONTENT": X's own qualifier runs to the frame's comma ---------------------

def test_theo_qualifier_with_quoted_place_name_is_not_content() -> None:
    text = "Theo quản lý siêu thị Kim Thành ở \"phố vàng\" Hàng Bạc, khách bắt đầu đến từ sáng sớm."
    assert [(q, kind) for q, kind in ((r.quote.text, r.kind) for r in ATT.extract(text))] == [
        ("khách bắt đầu đến từ sáng sớm", "indirect")]


def test_theo_person_with_bracketed_role() -> None:
    text = "Theo ông Phan Văn Lực (Giám đốc Sở Công Thương), nguồn cung xăng dầu vẫn ổn định."
    assert _records(text) == [("nguồn cung xăng dầu vẫn ổn định", "Phan Văn Lực")]


def test_theo_epithet_with_origin_resolves_to_the_coach() -> None:
    text = ("Ông Lars Nilsson dẫn dắt đội tuyển Thái Lan từ năm ngoái. "
            "Cũng theo nhà cầm quân người Thụy Điển, đội bóng cần thêm thời gian.")
    assert _records(text) == [("đội bóng cần thêm thời gian", "Lars Nilsson")]


def test_theo_neighbours() -> None:
    assert _records("Theo hàng xóm, căn nhà đã bỏ trống nhiều năm nay.") == [
        ("căn nhà đã bỏ trống nhiều năm nay", "hàng xóm")]


# --- a family name followed by a company word is no person: "Phó tổng giám đốc Sao Mai Group" ---

def test_company_form_after_title_is_not_a_name() -> None:
    text = "Bà Trịnh Thu Hà, Phó tổng giám đốc Hoa Mai Group, cho biết doanh thu đã tăng 8%."
    assert _records(text) == [("doanh thu đã tăng 8%", "Trịnh Thu Hà")]


def test_non_vietnamese_syllable_is_not_a_given_name() -> None:
    from quoteattr.lexicon import Lexicon
    from quoteattr.mentions.names import split_name, vietnamese_syllable
    from quoteattr.tokens import tokenize
    lex = Lexicon.default().compile()
    toks = tokenize("Hoa Mai Gruppe")
    assert split_name(lex, toks, 0, len(toks), family_only=True) is None
    toks = tokenize("Hà Nội Nguyễn Đức Chung")
    assert split_name(lex, toks, 0, len(toks), family_only=True) == (2, 5)
    assert vietnamese_syllable("Nghiêm") and vietnamese_syllable("Đoàn") and not vietnamese_syllable("Group")


def test_title_then_doan_family_name_is_a_person() -> None:
    recs = ATT.extract("Chuyên gia Đoàn Thu Hằng cho biết trẻ nên học về tiền từ ba tuổi.")
    assert [(r.speaker.name, r.speaker.type) for r in recs] == [("Đoàn Thu Hằng", "person")]
