"""Wrong speakers on matched quotes: which person a pronoun, an epithet or a description means.

Synthetic sentences of our own, each for one construction, with near-misses.
"""
from __future__ import annotations

from .sentences import speaker_of, speakers


# --- a singular description ("Một người hàng xóm", "nữ hành khách") is someone a pronoun can mean ---

def test_pronoun_after_a_singular_description_means_that_person() -> None:
    text = ("Ông Trần Văn Hậu bị bắt vì đánh vợ. Một người hàng xóm ở thôn Đông cho biết ông ta thường say rượu. "
            "“Tôi nghe tiếng cãi nhau mỗi tối”, anh nói.")
    assert speaker_of(text, "Tôi nghe") == "Một người hàng xóm ở thôn Đông"


def test_gendered_description_with_a_quantifier_is_a_she_for_bà() -> None:
    text = ("Bà Lê Thị Hạnh, quản giáo trại giam, cho biết nhiều người đã quay lại. "
            "Một nữ bệnh nhân 70 tuổi thú nhận đã tự ý bỏ thuốc. “Tôi sợ tốn tiền của con cháu”. "
            "Bà cho biết con trai vẫn thường đến thăm.")
    assert speaker_of(text, "con trai vẫn") == "Một nữ bệnh nhân 70 tuổi"


def test_plural_description_is_no_antecedent_of_a_pronoun() -> None:
    text = ("Ông Trần Văn Hậu, trưởng thôn, cho biết đường đã hỏng từ lâu. Một số người dân cho biết họ phải đi vòng. "
            "“Chúng tôi đã kiến nghị nhiều lần”, ông nói.")
    assert speaker_of(text, "Chúng tôi đã") == "Trần Văn Hậu"


def test_definite_gendered_description_means_the_man_who_just_spoke() -> None:
    text = ("Anh Lê Minh Khoa kể lúc đó đang ngủ thì máy bay rung mạnh. "
            "Theo anh Khoa, mọi người không kịp phản ứng. "
            "“Tôi chưa bao giờ sợ như vậy”, nam hành khách chia sẻ.")
    assert speaker_of(text, "Tôi chưa bao giờ") == "Lê Minh Khoa"


def test_definite_gendered_description_skips_a_crew_and_takes_the_husband() -> None:
    text = ("Vợ chồng bà Lan về quê trên chuyến bay đêm. “Tôi nghe tiếng nổ lớn”, chồng bà Lan nhớ lại. "
            "Tổ bay thông báo khẩn cấp, yêu cầu hành khách rời máy bay. "
            "“Mọi người chen lấn rất hỗn loạn”, nam hành khách nói.")
    assert speaker_of(text, "Mọi người chen") == "chồng bà Lan"


def test_gendered_description_of_the_other_gender_stays_a_description() -> None:
    text = ("Anh Lê Minh Khoa kể lúc đó đang ngủ thì máy bay rung mạnh. "
            "“Tôi chưa bao giờ sợ như vậy”, nữ hành khách chia sẻ.")
    assert speaker_of(text, "Tôi chưa bao giờ") == "nữ hành khách"


def test_ungendered_description_heard_long_before_is_not_what_a_pronoun_means() -> None:
    text = ("Chị Lê Thu Hà mắc bệnh hiểm nghèo năm 15 tuổi. Một bác sĩ từng nói với Hà rằng cô vẫn có thể sống tốt. "
            "Sau khi ra viện, Hà quay lại trường học. Hà học ngành chẩn đoán hình ảnh. "
            "Hà làm việc ở bệnh viện được 15 năm. Hà quản lý một phòng khám lớn. "
            "“Tôi muốn cứu sống người khác”, cô chia sẻ.")
    assert speaker_of(text, "Tôi muốn cứu") == "Lê Thu Hà"


# --- a family-name syllable after a place word is part of a place, nobody a pronoun means ---

def test_place_after_a_place_word_is_no_person() -> None:
    text = "Anh Lê Quang Vinh mở quán ở phường Mai Dịch. “Khách vắng lắm”, bà nói."
    assert speakers(text) == []  # "bà" is not the man, and "Mai Dịch" is a ward


def test_place_whose_second_syllable_is_a_family_name_is_no_person() -> None:
    text = "Anh Lê Quang Vinh thuê nhà ở quận Nam Từ Liêm. “Giá thuê quá cao”, ông nói."
    assert speakers(text) == []


def test_name_after_an_ordinary_word_is_still_a_person() -> None:
    text = "Người dân phường gặp Mai Văn Dịch tại nhà. “Khách vắng lắm”, ông nói."
    assert speaker_of(text, "Khách vắng") == "Mai Văn Dịch"


# --- a kin epithet that starts with an honorific word ("bà mẹ trẻ") is no "bà" of address ---

def test_young_mother_epithet_means_the_woman_called_chi() -> None:
    text = "Chị Nguyễn Thu Trang chuyển nhà ra ngoại thành. “Tôi phải về sớm để đón con”, bà mẹ trẻ cho hay."
    assert speaker_of(text, "Tôi phải về") == "Nguyễn Thu Trang"


def test_ba_of_address_still_clashes_with_chi() -> None:
    text = ("Chị Nguyễn Thu Trang chuyển nhà ra ngoại thành. Bà Lê Thị Hoa, chủ nhà, cho biết giá đã tăng. "
            "“Tôi phải tăng giá vì thuế”, bà nói.")
    assert speaker_of(text, "Tôi phải tăng") == "Lê Thị Hoa"


# --- a photo credit glued to the next sentence ends at the outlet it names, or before a dotted title ---

def test_credit_naming_an_agency_ends_with_the_agency() -> None:
    text = ("Hai em nhỏ được đoàn tụ với gia đình ở bệnh viện. Ảnh: Reuters Lena Adler, cháu gái của con tin "
            "Miriam Adler, cho biết bà đã yếu đi nhiều.")
    assert speaker_of(text, "bà đã yếu") == "Lena Adler"


def test_credit_of_a_photographer_then_a_dotted_title_ends_before_the_title() -> None:
    text = ("Nhà tạm ven kênh gần trung tâm thành phố Ảnh: Minh Châu Th.S Đoàn Văn Khải, Viện nghiên cứu đô thị, "
            "cũng cho rằng việc di dời cần thêm vốn.")
    assert speaker_of(text, "việc di dời") == "Đoàn Văn Khải"


def test_credit_of_a_photographer_before_a_name_is_unchanged() -> None:
    # no outlet, no title: the credit's words cannot be told from a name, the speaker stays the described one
    text = "Nhà tạm ven kênh. Ảnh: Minh Châu Ông Đoàn Văn Khải cho rằng việc di dời cần thêm vốn."
    assert speaker_of(text, "việc di dời") == "Đoàn Văn Khải"


# --- a person that a pronoun meant keeps that pronoun's gender ---

def test_person_once_called_ba_is_not_what_ong_means() -> None:
    text = ("Tổng thống Lê Quang Minh thích dùng mạng xã hội. Nhà phân tích Farida Hasan cho rằng đó là chiến lược khôn ngoan. "
            "“Cử tri trẻ dễ bị bạn bè tác động”, bà nói. "
            "“Tôi rất tự hào về đất nước”, ông viết.")
    assert speaker_of(text, "Tôi rất tự hào") != "Farida Hasan"


# --- a gendered epithet after a quote means the person of its gender introduced since the last speaker ---

def test_man_epithet_means_the_man_introduced_after_the_last_speaker() -> None:
    text = ("Ông Peter Walsh, Giám đốc công ty môi giới, cho biết giá thuê tăng mạnh. "
            "Gia đình anh Đỗ Minh Quân ở quận Thanh Xuân phải chuyển nhà. Đầu năm, vợ chồng anh có con thứ hai. "
            "Anh tìm mãi không thấy căn hộ rẻ. “Tiền cọc quá lớn với chúng tôi”, người đàn ông 35 tuổi nói.")
    assert speaker_of(text, "Tiền cọc") == "Đỗ Minh Quân"


def test_man_epithet_means_the_last_speaker_when_nobody_new_came_in() -> None:
    text = ("Anh Đỗ Minh Quân phải chuyển nhà. Ông Peter Walsh, Giám đốc công ty môi giới, cho biết giá thuê tăng mạnh. "
            "“Nhu cầu thuê rất lớn”, người đàn ông nói.")
    assert speaker_of(text, "Nhu cầu") == "Peter Walsh"


def test_woman_epithet_skips_a_man_introduced_since() -> None:
    text = ("Chị Lê Thu Hằng cho biết giá thuê tăng mạnh. Chồng chị, anh Đỗ Minh Quân, vừa đổi việc. "
            "“Chúng tôi phải chuyển ra ngoại thành”, người phụ nữ nói.")
    assert speaker_of(text, "Chúng tôi phải") == "Lê Thu Hằng"


# --- a pronoun may mean a speaker the text calls by a bare given name ---

def test_anh_means_the_player_named_by_given_name_who_spoke() -> None:
    text = ("Đội tuyển vào chung kết sau mười năm, khiến thầy trò HLV Lee Min Ho vui mừng. "
            "Tuy nhiên, Xuân Mạnh bày tỏ anh và các đồng đội còn “tham vọng” hơn thế. Đó là chức vô địch. "
            "“Tôi chưa thấy thỏa mãn. Trận chung kết mới là đích đến. Ai cũng muốn thắng”, anh nói.")
    assert speaker_of(text, "Tôi chưa thấy") == "Xuân Mạnh"


def test_bare_name_heard_long_before_is_not_what_a_pronoun_means() -> None:
    text = ("HLV Lee Min Ho chốt danh sách. Tuy nhiên, Xuân Mạnh bày tỏ anh và các đồng đội còn “tham vọng” hơn thế. "
            "Trận đấu diễn ra tối nay. Sân có 80.000 chỗ. Vé đã bán hết. Trời có thể mưa. Đường phố đông đúc. "
            "Cổ động viên đã đến từ sớm. “Chúng tôi sẵn sàng”, anh nói.")
    assert speaker_of(text, "Chúng tôi sẵn") != "Xuân Mạnh"


# --- a name with its age beside it ("Lan Thương (26 tuổi)") introduces a person ---

def test_girl_epithet_means_the_woman_introduced_by_name_and_age() -> None:
    text = ("“Tiền nhà là gánh nặng”, chị Thu Hằng nói. Thuê căn hộ ở quận Cầu Giấy, Ngọc Diệp (26 tuổi) "
            "và hai người bạn vừa được báo tăng giá. Diệp tìm nhà ở vùng ven nhưng không rẻ hơn. "
            "“Chúng tôi đành thắt chặt chi tiêu”, cô gái chia sẻ.")
    assert speaker_of(text, "Chúng tôi đành") == "Ngọc Diệp"


def test_place_with_a_number_after_it_is_no_aged_person() -> None:
    text = ("“Tiền nhà là gánh nặng”, chị Thu Hằng nói. Giá ở Cầu Giấy, 26 tuổi thọ trung bình không đổi. "
            "“Chúng tôi đành thắt chặt chi tiêu”, cô gái chia sẻ.")
    assert speaker_of(text, "Chúng tôi đành") == "Thu Hằng"


# --- a bare role ("nhân viên") means the person introduced in it while that person keeps speaking ---

def test_role_means_the_employee_who_spoke_lately_though_named_long_ago() -> None:
    text = ("Chị Hoa, nhân viên kinh doanh cửa hàng Kim Long, cho biết khách đông gấp đôi. Cửa hàng mở cửa từ 6h. "
            "Quầy trang sức kín chỗ. Giá nhẫn tăng mạnh. "
            "“Ngày mai khách sẽ còn đông hơn”, nhân viên kinh doanh của cửa hàng nói. "
            "Thương hiệu này đẩy mạnh vàng ép vỉ. Giá vàng ép vỉ cao hơn nhẫn tròn. Quầy vàng miếng vắng khách. "
            "Khách hàng tích đủ một lượng, theo nhân viên, có thể đổi thành vàng miếng.")
    assert speaker_of(text, "Khách hàng tích") == "Hoa"


def test_role_named_long_ago_by_someone_silent_since_stays_a_role() -> None:
    text = ("Chị Hoa, nhân viên kinh doanh cửa hàng Kim Long, cho biết khách đông gấp đôi. Cửa hàng mở cửa từ 6h. "
            "Quầy trang sức kín chỗ. Giá nhẫn tăng mạnh. Thương hiệu này đẩy mạnh vàng ép vỉ. "
            "Giá vàng ép vỉ cao hơn nhẫn tròn. Quầy vàng miếng vắng khách. Bảo vệ đứng ở cửa. "
            "Khách hàng tích đủ một lượng, theo nhân viên, có thể đổi thành vàng miếng.")
    assert speaker_of(text, "Khách hàng tích") == "nhân viên"


# --- sentences that all open with the same pronoun keep the person introduced before them ---

def test_pronoun_chain_keeps_the_president_over_an_analyst_who_spoke_before() -> None:
    text = ("Nhà phân tích Tomas Berg cho rằng mạng xã hội là con dao hai lưỡi. “Một sai lầm có thể bị khai thác”, ông nói. "
            "Dù vậy, ông Hendra Wijaya vẫn tích cực đăng bài. Ngày 25/8, ông đăng video lên Youtube. "
            "Trên Facebook, ông đăng ảnh xem lễ bế mạc. “Tôi rất tự hào về đất nước”, ông viết.")
    assert speaker_of(text, "Tôi rất tự hào") == "Hendra Wijaya"


def test_broken_pronoun_chain_leaves_the_last_speaker() -> None:
    text = ("Nhà phân tích Tomas Berg cho rằng mạng xã hội là con dao hai lưỡi. “Một sai lầm có thể bị khai thác”, ông nói. "
            "Dù vậy, ông Hendra Wijaya vẫn tích cực đăng bài. Lượt xem tăng nhanh. "
            "Trên Facebook, nhiều người bình luận. “Mạng xã hội là kênh quan trọng”, ông nói thêm.")
    assert speaker_of(text, "Mạng xã hội là") == "Tomas Berg"


# --- "… này" after an organisation brought in unnamed ("một nhà băng") means that one ---

def test_bank_brought_in_unnamed_is_what_ngan_hang_nay_means() -> None:
    text = ("Ngân hàng Sao Việt vừa được tái cấp vốn. Lợi nhuận quý 4 của một nhà băng chỉ còn vài trăm tỷ đồng. "
            "Tôi hỏi vì sao, lãnh đạo ngân hàng này cho biết đã trích lập dự phòng rất lớn. "
            "“Cú trích lập này đau lắm”, ông nói.")
    assert speaker_of(text, "đã trích lập") == "lãnh đạo ngân hàng này"
    assert speaker_of(text, "Cú trích lập") == "lãnh đạo ngân hàng này"


def test_named_bank_is_what_ngan_hang_nay_means() -> None:
    text = ("Lợi nhuận quý 4 của Ngân hàng Sao Việt chỉ còn vài trăm tỷ đồng. "
            "Tôi hỏi vì sao, lãnh đạo ngân hàng này cho biết đã trích lập dự phòng rất lớn.")
    assert speaker_of(text, "đã trích lập") == "lãnh đạo Ngân hàng Sao Việt"


def test_unnamed_company_then_doanh_nghiep_nay_stays_as_written() -> None:
    text = ("Công ty Minh Phát vừa công bố lãi lớn. Trong khi đó, một doanh nghiệp ở Bình Dương phải cắt giảm nhân sự. "
            "Doanh nghiệp này cho biết đơn hàng giảm một nửa.")
    assert speaker_of(text, "đơn hàng giảm") == "Doanh nghiệp này"


# --- "lãnh đạo Bộ Ngoại giao X" is the foreign minister, written "Ngoại trưởng X" ---

def test_leader_of_the_foreign_ministry_is_the_foreign_minister() -> None:
    text = ("Ngoại trưởng Pháp Jean Moreau đã gặp người đồng cấp Bộ trưởng Ngoại giao Đức Karl Brandt. "
            "Theo lãnh đạo Bộ Ngoại giao Pháp, hai bên sẽ tăng cường hợp tác.")
    assert speaker_of(text, "hai bên sẽ") == "Jean Moreau"


# --- a young epithet ("cô gái", "chàng trai") is not someone the article calls "bà" or "ông" ---

def test_girl_epithet_is_not_the_woman_called_ba() -> None:
    text = ("Chị Trâm Anh, một sinh viên năm cuối, kể: “Em phải đi làm thêm”. "
            "Bà Ngô Thị Lan, chủ nhà trọ, cho biết giá đã tăng. “Mọi thứ đều đắt hơn”, cô gái nói.")
    assert speaker_of(text, "Mọi thứ") == "Trâm Anh"


def test_girl_epithet_still_means_the_woman_called_chi() -> None:
    text = "Chị Ngô Thị Lan cho biết giá phòng đã tăng. “Mọi thứ đều đắt hơn”, cô gái nói."
    assert speaker_of(text, "Mọi thứ") == "Ngô Thị Lan"


# --- a role of an organisation ("đại diện X") is the one described as of X who just spoke ---

def test_representative_is_the_shop_owner_who_just_spoke() -> None:
    text = ("Chủ cửa hàng gạo Tấn Lộc ở Gò Vấp cũng cho rằng giá gạo cao kỷ lục. "
            "“Khách than liên tục nhưng tôi vẫn phải tăng giá”, đại diện Tấn Lộc nói.")
    assert speaker_of(text, "Khách than") == "Chủ cửa hàng gạo Tấn Lộc ở Gò Vấp"


def test_representative_of_another_shop_stays_as_written() -> None:
    text = ("Chủ cửa hàng gạo Tấn Lộc ở Gò Vấp cũng cho rằng giá gạo cao kỷ lục. "
            "“Khách than liên tục nhưng tôi vẫn phải tăng giá”, đại diện Hưng Thịnh nói.")
    assert speaker_of(text, "Khách than") == "đại diện Hưng Thịnh"
