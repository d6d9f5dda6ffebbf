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
    text = ("Anh Phạm Quốc Dũng kể khi ấy đang đọc sách thì đoàn tàu phanh gấp. "
            "Theo anh Dũng, cả toa chao đảo. "
            "“Cả đời tôi chưa hoảng đến thế”, nam hành khách kể lại.")
    assert speaker_of(text, "Cả đời tôi") == "Phạm Quốc Dũng"


def test_definite_gendered_description_skips_a_crew_and_takes_the_husband() -> None:
    text = ("Vợ chồng bà Lan về quê trên chuyến bay đêm. “Tôi nghe tiếng nổ lớn”, chồng bà Lan nhớ lại. "
            "Tổ bay phát lệnh sơ tán, đề nghị mọi người rời máy bay. "
            "“Mọi người chen lấn rất hỗn loạn”, nam hành khách nói.")
    assert speaker_of(text, "Mọi người chen") == "chồng bà Lan"


def test_gendered_description_of_the_other_gender_stays_a_description() -> None:
    text = ("Anh Phạm Quốc Dũng kể khi ấy đang đọc sách thì đoàn tàu phanh gấp. "
            "“Cả đời tôi chưa hoảng đến thế”, nữ hành khách kể lại.")
    assert speaker_of(text, "Cả đời tôi") == "nữ hành khách"


def test_ungendered_description_heard_long_before_is_not_what_a_pronoun_means() -> None:
    text = ("Chị Lê Thu Hà mắc bệnh hiểm nghèo năm 15 tuổi. Một bác sĩ có lần bảo Hà rằng cô vẫn có thể sống tốt. "
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
    text = ("Chợ cóc dưới chân cầu vượt Ảnh: Thanh Tùng Th.S Lý Quốc Bình, Trường đại học Kinh tế, "
            "cũng nhận định việc giải tỏa phải có lộ trình.")
    assert speaker_of(text, "việc giải tỏa") == "Lý Quốc Bình"


def test_credit_of_a_photographer_before_a_name_is_unchanged() -> None:
    # no outlet, no title: the credit's words cannot be told from a name, the speaker stays the described one
    text = "Chợ cóc dưới chân cầu vượt. Ảnh: Thanh Tùng Ông Lý Quốc Bình nhận định việc giải tỏa phải có lộ trình."
    assert speaker_of(text, "việc giải tỏa") == "Lý Quốc Bình"


# --- a person that a pronoun meant keeps that pronoun's gender ---

def test_person_once_called_ba_is_not_what_ong_means() -> None:
    text = ("Tổng thống Lê Quang Minh thích dùng mạng xã hội. Nhà phân tích Farida Hasan cho rằng đó là chiến lược khôn ngoan. "
            "“Cử tri trẻ dễ bị bạn bè tác động”, bà nói. "
            "“Tôi rất tự hào về đất nước”, ông viết.")
    assert speaker_of(text, "Tôi rất tự hào") != "Farida Hasan"


# --- a gendered epithet after a quote means the person of its gender introduced since the last speaker ---

def test_man_epithet_means_the_man_introduced_after_the_last_speaker() -> None:
    text = ("Ông Mark Jensen, chuyên gia kinh tế, cho biết lãi suất vay mua nhà tăng nhanh. "
            "Gia đình anh Vũ Đình Phong ở huyện Gia Lâm đang trả góp căn hộ. Tháng trước, vợ anh nghỉ việc để chăm con nhỏ. "
            "Anh làm thêm buổi tối mà vẫn thiếu tiền. “Mỗi tháng trả ngân hàng hết hai phần ba lương”, "
            "người đàn ông 40 tuổi cho hay.")
    assert speaker_of(text, "Mỗi tháng trả") == "Vũ Đình Phong"


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
    text = ("Câu lạc bộ lọt vào trận tranh cúp sau tám mùa giải, khiến thầy trò HLV Park Jin Soo phấn khởi. "
            "Tuy nhiên, Tiến Linh khẳng định anh cùng các bạn chung đội vẫn “đói” danh hiệu. Mục tiêu là chiếc cúp. "
            "“Tôi chưa muốn dừng lại. Trận tranh cúp mới là cái đích. Cả đội đều khao khát”, anh nói.")
    assert speaker_of(text, "Tôi chưa muốn") == "Tiến Linh"


def test_bare_name_heard_long_before_is_not_what_a_pronoun_means() -> None:
    text = ("HLV Park Jin Soo công bố đội hình. Tuy nhiên, Tiến Linh khẳng định anh cùng các bạn chung đội vẫn “đói” "
            "danh hiệu. Trận đấu bắt đầu lúc 19h. Nhà thi đấu có 5.000 ghế. Vé bán hết từ tuần trước. Ngoài trời đang nắng. "
            "Xe cộ kẹt cứng. Khán giả xếp hàng từ trưa. “Chúng tôi đã chuẩn bị kỹ”, anh nói.")
    assert speaker_of(text, "Chúng tôi đã") != "Tiến Linh"


# --- a name with its age beside it ("Lan Thương (26 tuổi)") introduces a person ---

def test_girl_epithet_means_the_woman_introduced_by_name_and_age() -> None:
    text = ("“Học phí tăng quá nhanh”, chị Minh Nguyệt nói. Ở trọ gần bến xe Mỹ Đình, Bảo Ngân (22 tuổi) "
            "cùng một người em họ vừa nhận tin chủ nhà lấy lại phòng. Ngân đi xem nhiều nơi nhưng chỗ nào cũng đắt. "
            "“Hai chị em sẽ phải về quê ở tạm”, cô gái kể.")
    assert speaker_of(text, "Hai chị em") == "Bảo Ngân"


def test_place_with_a_number_after_it_is_no_aged_person() -> None:
    text = ("“Tiền nhà là gánh nặng”, chị Thu Hằng nói. Giá ở Cầu Giấy, 26 tuổi thọ trung bình không đổi. "
            "“Chúng tôi đành thắt chặt chi tiêu”, cô gái chia sẻ.")
    assert speaker_of(text, "Chúng tôi đành") == "Thu Hằng"


# --- a bare role ("nhân viên") means the person introduced in it while that person keeps speaking ---

def test_role_means_the_employee_who_spoke_lately_though_named_long_ago() -> None:
    text = ("Anh Tùng, nhân viên bán hàng đại lý xe máy Thành Công, cho biết lượng khách tăng gấp ba. Đại lý mở từ 7h. "
            "Khu trưng bày chật kín. Giá xe tay ga nhích lên. "
            "“Cuối tuần người mua sẽ còn nhiều hơn”, nhân viên bán hàng của đại lý nói. "
            "Hãng này tung ra mẫu xe điện mới. Mẫu xe điện rẻ hơn xe xăng. Khu xe số vắng người xem. "
            "Người mua trả trước một nửa, theo nhân viên, được nhận xe ngay.")
    assert speaker_of(text, "Người mua trả") == "Tùng"


def test_role_named_long_ago_by_someone_silent_since_stays_a_role() -> None:
    text = ("Anh Tùng, nhân viên bán hàng đại lý xe máy Thành Công, cho biết lượng khách tăng gấp ba. Đại lý mở từ 7h. "
            "Khu trưng bày chật kín. Giá xe tay ga nhích lên. Hãng này tung ra mẫu xe điện mới. "
            "Mẫu xe điện rẻ hơn xe xăng. Khu xe số vắng người xem. Bảo vệ đứng ở cổng. "
            "Người mua trả trước một nửa, theo nhân viên, được nhận xe ngay.")
    assert speaker_of(text, "Người mua trả") == "nhân viên"


# --- sentences that all open with the same pronoun keep the person introduced before them ---

def test_pronoun_chain_keeps_the_president_over_an_analyst_who_spoke_before() -> None:
    text = ("Chuyên gia truyền thông Marco Ruiz nhận định việc livestream dễ gây tranh cãi. "
            "“Chỉ một câu lỡ lời là đủ rắc rối”, ông nói. Bất chấp điều đó, ông Arjun Mehta vẫn chăm chỉ lên sóng. "
            "Sáng 3/9, ông chia sẻ một đoạn clip trên TikTok. Trên Instagram, ông khoe ảnh đi thăm trường cũ. "
            "“Tôi biết ơn các thầy cô”, ông viết.")
    assert speaker_of(text, "Tôi biết ơn") == "Arjun Mehta"


def test_broken_pronoun_chain_leaves_the_last_speaker() -> None:
    text = ("Nhà phân tích Tomas Berg cho rằng mạng xã hội là con dao hai lưỡi. “Một sai lầm có thể bị khai thác”, ông nói. "
            "Dù vậy, ông Hendra Wijaya vẫn tích cực đăng bài. Lượt xem tăng nhanh. "
            "Trên Facebook, nhiều người bình luận. “Mạng xã hội là kênh quan trọng”, ông nói thêm.")
    assert speaker_of(text, "Mạng xã hội là") == "Tomas Berg"


# --- "… này" after an organisation brought in unnamed ("một nhà băng") means that one ---

def test_bank_brought_in_unnamed_is_what_ngan_hang_nay_means() -> None:
    text = ("Ngân hàng Hòa Bình vừa đổi tổng giám đốc. Lãi sáu tháng đầu năm của một nhà băng ở miền Tây giảm gần "
            "một nửa. Được hỏi nguyên nhân, lãnh đạo ngân hàng này thừa nhận nợ xấu tăng nhanh ở mảng cho vay tiêu dùng. "
            "“Nợ xấu tăng như vậy chúng tôi rất lo”, ông nói.")
    assert speaker_of(text, "nợ xấu tăng nhanh") == "lãnh đạo ngân hàng này"
    assert speaker_of(text, "Nợ xấu tăng như") == "lãnh đạo ngân hàng này"


def test_named_bank_is_what_ngan_hang_nay_means() -> None:
    text = ("Lãi sáu tháng đầu năm của Ngân hàng Hòa Bình giảm gần một nửa. "
            "Được hỏi nguyên nhân, lãnh đạo ngân hàng này thừa nhận nợ xấu tăng nhanh ở mảng cho vay tiêu dùng.")
    assert speaker_of(text, "nợ xấu tăng") == "lãnh đạo Ngân hàng Hòa Bình"


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
    text = ("Chủ tiệm bánh mì Phước An ở Thủ Đức cũng nhận định giá bột mì đang leo thang. "
            "“Người mua kêu đắt mà tiệm vẫn buộc lòng bán cao hơn”, đại diện Phước An nói.")
    assert speaker_of(text, "Người mua kêu") == "Chủ tiệm bánh mì Phước An ở Thủ Đức"


def test_representative_of_another_shop_stays_as_written() -> None:
    text = ("Chủ tiệm bánh mì Phước An ở Thủ Đức cũng nhận định giá bột mì đang leo thang. "
            "“Người mua kêu đắt mà tiệm vẫn buộc lòng bán cao hơn”, đại diện Thuận Hưng nói.")
    assert speaker_of(text, "Người mua kêu") == "đại diện Thuận Hưng"
