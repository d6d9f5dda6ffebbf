"""Wrong speakers on found quotes: what a pronoun or an epithet refers back to, and
which capitalised runs are people at all (synthetic sentences)."""
from __future__ import annotations

from .sentences import speaker_of, speakers


# --- a fronted place phrase is no person; the epithet after it is the antecedent ----------------

FRONTED = ("Từ Hà Nội vào Huế du lịch, nữ du khách 30 tuổi ngồi ở hàng ghế đầu của chiếc xe. "
           "Nghe tiếng nổ lớn, chị nhìn ra ngoài cửa sổ. \"Tôi rất sợ. Mọi người đều hoảng hốt\", chị kể. "
           "Tài xế dừng xe ngay sau đó. \"Chúng tôi được đưa sang xe khác\", chị nói.")


def test_preposition_and_place_is_no_person() -> None:
    """"Từ Hà Nội" is the preposition "từ" and a place, not someone of the family Từ."""
    assert all(name != "Từ Hà Nội" for name, _ in speakers(FRONTED))


def test_epithet_after_fronted_phrase_is_antecedent() -> None:
    """"…, nữ du khách 30 tuổi ngồi …": the woman a later "chị" means, two sentences on."""
    assert speaker_of(FRONTED, "Tôi rất sợ") == "nữ du khách 30 tuổi"


def test_epithet_stays_speaker_for_later_pronouns() -> None:
    """Once she spoke, the next "chị nói" is her again, not a name from elsewhere."""
    text = "Hãng xe Phương Trang cho biết sẽ hỗ trợ hành khách. " + FRONTED
    assert speaker_of(text, "Chúng tôi được") == "nữ du khách 30 tuổi"


def test_family_name_before_a_non_place_still_a_person() -> None:
    """Near miss: "Từ Minh Khang" is a name (the rest is no place)."""
    text = "Ông Từ Minh Khang, giám đốc hợp tác xã, cho biết giá lúa tăng. \"Vụ này được mùa\", ông nói."
    assert speaker_of(text, "Vụ này") == "Từ Minh Khang"


def test_epithet_of_other_gender_is_not_antecedent() -> None:
    """Near miss: "nam du khách" is a man; "chị" does not mean him."""
    text = ("Từ Hà Nội vào Huế du lịch, nam du khách 30 tuổi ngồi ở hàng ghế đầu. Nghe tiếng nổ lớn, "
            "chị Lan nhìn ra ngoài. \"Tôi rất sợ\", chị kể.")
    assert speaker_of(text, "Tôi rất sợ") != "nam du khách 30 tuổi"


def test_epithet_after_comma_is_the_person_who_just_spoke() -> None:
    """"…”, Faz kể. Cùng năm đó, cô gái trẻ …": the epithet is Faz, who just spoke,
    though nothing says Faz is a woman."""
    text = ("\"Đó là lúc khó khăn nhất\", Maria Gonzalez kể. Cùng năm đó, cô gái trẻ lại phải phẫu thuật lần "
            "nữa. \"Tôi vẫn muốn học đại học\", cô nói.")
    assert speaker_of(text, "Tôi vẫn muốn") == "Maria Gonzalez"


# --- a capitalised word inside a title chain is no foreign name ---------------------------------

def test_title_complement_word_is_no_person() -> None:
    """"Bộ trưởng Giao thông vận tải cho rằng": "Giao" (unaccented, so foreign-looking)
    opens the ministry's name, no person "Giao"; the title goes to the minister named
    before with it."""
    text = ("Bộ trưởng Giao thông vận tải Trần Quốc Bảo dự hội nghị sáng nay. Trong phần thảo luận về ngân "
            "sách, Bộ trưởng Giao thông vận tải cho rằng \"cần thêm vốn cho đường cao tốc\".")
    assert speaker_of(text, "cần thêm") == "Trần Quốc Bảo"


def test_one_word_foreign_name_after_title_still_person() -> None:
    """Near miss: "Thủ tướng Petersen tuyên bố": a foreign name, the cue follows it."""
    text = "Thủ tướng Petersen tuyên bố \"chúng tôi không nhượng bộ\" trong cuộc họp báo."
    assert speaker_of(text, "chúng tôi") == "Petersen"


# --- a kind noun's name follows it directly, not across a copula --------------------------------

def test_kind_noun_then_copula_names_no_organisation() -> None:
    """"… các doanh nghiệp là Nghị định 10": "Nghị" is no company for a later
    "Doanh nghiệp này" to mean."""
    text = ("Văn bản ảnh hưởng nhất tới các doanh nghiệp là Nghị định 10 của Chính phủ. Doanh nghiệp này cho "
            "biết sẽ tuân thủ quy định mới.")
    assert all(name != "Nghị" for name, _ in speakers(text))


def test_kind_noun_then_name_is_organisation() -> None:
    """Near miss: "doanh nghiệp Hòa Bình là …": the name right after the kind noun counts."""
    text = ("Khung pháp lý cho doanh nghiệp Hòa Bình là Luật Đầu tư sửa đổi. Doanh nghiệp này cho biết sẽ "
            "tuân thủ quy định mới.")
    assert speaker_of(text, "sẽ tuân thủ") == "Hòa Bình"


# --- a host or editor is a title before a name ---------------------------------------------------

def test_mc_is_a_title() -> None:
    """"MC Lê Thanh Vân chia sẻ": the person, and "MC nói" later is she; not an
    organisation "MC"."""
    text = ("MC Lê Thanh Vân chia sẻ, khi con 5 tuổi cô đã cho con giữ tiền. \"Tôi muốn con tự lập\", MC nói. "
            "Theo chị, trẻ cần biết chờ đợi.")
    assert speaker_of(text, "Tôi muốn") == "Lê Thanh Vân"
    assert speaker_of(text, "trẻ cần") == "Lê Thanh Vân"


def test_editor_is_a_title() -> None:
    """"Biên tập viên Trần Hữu Lộc cho biết …" and later "biên tập viên này"."""
    text = ("Biên tập viên Trần Hữu Lộc cho biết chương trình sẽ lên sóng tuần sau. \"Chúng tôi đã chuẩn bị kỹ\", "
            "biên tập viên nói.")
    assert speaker_of(text, "Chúng tôi") == "Trần Hữu Lộc"


# --- "lãnh đạo Chính phủ" is the prime minister ("Thủ tướng Chính phủ" in office) ----------------

def test_government_leader_is_the_prime_minister() -> None:
    text = ("Thủ tướng Trần Văn Minh trả lời chất vấn sáng nay. \"Chúng ta phải làm nhanh\", Thủ tướng nói. "
            "Theo lãnh đạo Chính phủ, cần tháo gỡ vướng mắc về thủ tục.")
    assert speaker_of(text, "cần tháo gỡ") == "Trần Văn Minh"


def test_government_leader_is_no_minister() -> None:
    """Near miss: a minister works for the government but does not lead it."""
    text = ("Bộ trưởng Tài chính Lê Thị Hoa trả lời chất vấn sáng nay. Theo lãnh đạo Chính phủ, cần tháo gỡ "
            "vướng mắc về thủ tục.")
    assert speaker_of(text, "cần tháo gỡ") != "Lê Thị Hoa"


# --- "Người này": the person just named, unless someone just spoke ------------------------------

def test_demonstrative_epithet_is_person_just_named() -> None:
    """"… bắt giữ Lê Văn Tú, 25 tuổi. Người này khai …": the suspect, not the earlier witness."""
    text = ("Ông Trần Văn Cư cho biết đã báo công an. Công an đã bắt giữ Lê Văn Tú, 25 tuổi, ở xã Mỹ Hòa. "
            "Người này khai đã ném chiếc túi xuống sông.")
    assert speaker_of(text, "đã ném") == "Lê Văn Tú"


def test_demonstrative_epithet_after_a_speaker_is_that_speaker() -> None:
    """Near miss: "Trần Minh Khoa cho rằng … sân Hàng Đẫy … Tiền vệ này cũng cho biết": the
    player who just spoke, not a name he mentioned."""
    text = ("Trong trận tới trên sân Hàng Đẫy, Trần Minh Khoa cho rằng đội sẽ gặp áp lực lớn từ khán giả Lâm "
            "Văn Bình. Tiền vệ này cũng cho biết cả đội đã sẵn sàng.")
    assert speaker_of(text, "cả đội") == "Trần Minh Khoa"
