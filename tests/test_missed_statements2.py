"""Statements the rules used to miss (issue 11, recall): constructions on synthetic sentences.

Each test names the construction; near-misses that must give no record (or not that
speaker) stand next to it.
"""
from __future__ import annotations

from tests.sentences import records, speakers


# --- a verb-phrase series that shares its subject ("cáo buộc …, chê “…” và cho rằng …") ---

def test_series_keeps_each_verb_phrase_of_one_speaker() -> None:
    got = records("Bà Hoàng Thị Mai phàn nàn nhà hàng đã tăng giá, chê món ăn “nhạt nhẽo” "
                  "và cho rằng sẽ không quay lại.")
    assert ("Hoàng Thị Mai", "nhà hàng đã tăng giá", "indirect") in got
    assert ("Hoàng Thị Mai", "nhạt nhẽo", "mixed") in got
    assert ("Hoàng Thị Mai", "sẽ không quay lại", "indirect") in got


def test_series_of_the_content_own_subject_is_not_cut() -> None:
    # the content opens with a predicate: its later verbs are part of what was said
    got = records("Lãnh đạo Sở Y tế cho biết đã nắm được vụ việc, giao bệnh viện báo cáo trước thứ Hai.")
    assert [q for _, q, _ in got] == ["đã nắm được vụ việc, giao bệnh viện báo cáo trước thứ Hai"]


def test_series_after_a_topic_object_gives_no_paraphrase() -> None:
    # "nêu những lo ngại …" names a topic: only the quoted words are reported
    got = records("Ông Trần Quốc Bảo nêu những băn khoăn về tiến độ của dự án, "
                  "mô tả đây là “bài toán khó nhất” của thành phố.")
    assert all(kind == "mixed" for _, _, kind in got)
    assert ("Trần Quốc Bảo", "bài toán khó nhất", "mixed") in got


# --- quote-first whose cue ends on a topic complement ("…”, X chia sẻ về công việc.") ---

def test_quote_first_with_a_topic_after_the_cue() -> None:
    text = ("Họa sĩ Trịnh Quốc Tuấn vừa về Đà Lạt sau nhiều năm. “Tôi muốn dựng một xưởng vẽ nhỏ cho sinh viên”, "
            "Tuấn, năm nay 60 tuổi, chia sẻ về dự định.")
    assert ("Trịnh Quốc Tuấn", "Tôi muốn dựng một xưởng vẽ nhỏ cho sinh viên") in speakers(text)


def test_quote_first_topic_tail_with_a_quote_of_its_own_is_no_tail() -> None:
    # "cảnh báo về quan điểm “khoan dung”": the quoted words after the cue are no topic tail,
    # so the quote before is not given to the words after it
    text = "Đàm phán “bế tắc”, đoàn Mỹ rời Doha, khối Arab cảnh báo về quan điểm “cứng rắn”."
    assert all(q != "bế tắc" for _, q in speakers(text))


def test_about_as_an_adverb_keeps_its_clause() -> None:
    assert ("Trần Văn Lâm", "về cơ bản nhà máy đã hoàn thành kế hoạch năm") in speakers(
        "Ông Trần Văn Lâm cho biết về cơ bản nhà máy đã hoàn thành kế hoạch năm.")


# --- generic verbs that introduce a quote: "quảng cáo", "giới thiệu" (only with a marked content) ---

def test_advertised_and_introduced_quotes() -> None:
    assert speakers("“Chiếc xe này gần như còn mới”, một người bán tên Khánh quảng cáo.") == [
        ("một người bán tên Khánh", "Chiếc xe này gần như còn mới")]
    got = speakers("“Chiếc xe này gần như còn mới”, một người bán tên Khánh giới thiệu và cho biết "
                   "có thể bớt thêm vài triệu.")
    assert ("một người bán tên Khánh", "Chiếc xe này gần như còn mới") in got
    assert ("một người bán tên Khánh", "có thể bớt thêm vài triệu") in got


def test_introducing_a_product_is_no_statement() -> None:
    assert speakers("Công ty Hòa Phát vừa giới thiệu sản phẩm mới tại Hà Nội.") == []
    assert speakers("Bảng quảng cáo của cửa hàng đã bị gỡ xuống.") == []


# --- a cue inside a fronted subordinate clause: its comma closes the clause ---

def test_cue_in_a_fronted_when_clause_reports_nothing() -> None:
    assert speakers("Khi bà Lê Thị Lan phát biểu, cả hội trường đều vỗ tay.") == []
    assert speakers("Chỉ khi thầy hiệu trưởng giới thiệu, cả lớp mới đứng dậy chào.") == []


def test_cue_after_the_fronted_clause_keeps_its_content() -> None:
    assert ("Lê Thị Lan", "công ty sẽ tăng lương") in speakers(
        "Khi được hỏi, bà Lê Thị Lan cho biết, công ty sẽ tăng lương.")
    assert ("Lê Thị Lan", "khi doanh thu ổn định, công ty sẽ tăng lương từ tháng sau") in speakers(
        "Bà Lê Thị Lan cho biết, khi doanh thu ổn định, công ty sẽ tăng lương từ tháng sau.")


# --- the sentence's opening noun phrase, then appositives and verb phrases, then the cue ---

def test_opening_description_before_appositives_is_the_speaker() -> None:
    assert speakers("Một bà cụ 75 tuổi, từng hai lần mổ tim, nay ở với đứa cháu nhỏ cho biết: "
                    "“Cháu tôi phải nghỉ học để trông tôi”.") == [
        ("Một bà cụ 75 tuổi", "Cháu tôi phải nghỉ học để trông tôi")]
    assert speakers("Một cư dân, lớn lên ở khu phố cổ, đã quá bực mình, vì vậy mới nêu ý kiến "
                    "rằng ban quản lý phải sửa thang máy.") == [("Một cư dân", "ban quản lý phải sửa thang máy")]


def test_opening_time_or_place_phrase_is_no_speaker() -> None:
    got = speakers("Năm ngoái, dự án đã bị đình chỉ, chủ đầu tư cho biết: “Chúng tôi sẽ khởi kiện”.")
    assert got == [("chủ đầu tư", "Chúng tôi sẽ khởi kiện")]
    got = speakers("Tại hội nghị, dự án được bàn rất kỹ, sau đó mới nêu ý kiến rằng cần thêm vốn.")
    assert all(name != "Tại hội nghị" for name, _ in got)


# --- a colon quote whose speaker opens the colon's own clause, after fronted phrases ---

def test_colon_quote_after_two_fronted_phrases() -> None:
    text = ("Bà Nguyễn Thị Thoa đi bộ quanh chợ rất lâu. Mãi tới lúc thấy các gian hàng, treo đèn lồng rực rỡ, "
            "bà mới buông một lời: “Chợ năm nay vui hơn hẳn”.")
    assert ("Nguyễn Thị Thoa", "Chợ năm nay vui hơn hẳn") in speakers(text)


def test_colon_quote_of_a_sign_has_no_speaker_from_before() -> None:
    text = ("Ông Trần Văn Hải lái xe rất chậm. Sau nhiều giờ chờ đợi, trên bảng điện tử, "
            "hiện lên dòng chữ: “Chuyến bay bị hủy”.")
    assert all(name != "Trần Văn Hải" for name, _ in speakers(text))


# --- a description opening the sentence before "cho rằng" (the cue holds its own marker) ---

def test_post_as_the_subject_of_cho_rang() -> None:
    assert speakers("Một bài đăng trên diễn đàn cho rằng “nhà máy đang xả thải ra sông”.") == [
        ("Một bài đăng trên diễn đàn", "nhà máy đang xả thải ra sông")]
    assert speakers("Một bài viết trên diễn đàn cho rằng công ty đã che giấu thua lỗ.") == [
        ("Một bài viết trên diễn đàn", "công ty đã che giấu thua lỗ")]


def test_purpose_clause_before_cho_rang_is_no_speaker() -> None:
    assert speakers("Để giải thích việc này cho rằng giá sẽ tăng là chưa đủ.") == []


# --- "kể" with a clause that has no aspect word but opens with a time adverbial ---

def test_recounted_clause_opening_with_a_time_adverbial() -> None:
    assert speakers("Ông Trần Văn Lâm kể cách đây một tuần ông từ Huế ra Hà Nội thăm con.") == [
        ("Trần Văn Lâm", "cách đây một tuần ông từ Huế ra Hà Nội thăm con")]
    assert speakers("Bà Lê Thị Hoa kể năm ngoái gia đình bà từ Nghệ An vào Sài Gòn lập nghiệp.") == [
        ("Lê Thị Hoa", "năm ngoái gia đình bà từ Nghệ An vào Sài Gòn lập nghiệp")]


def test_recounted_story_object_is_no_clause() -> None:
    assert speakers("Bà Lê Thị Hoa kể chuyện ngày xưa ở quê.") == []
    assert speakers("Ông Trần Văn Lâm kể hôm qua.") == []
    assert speakers("Bà Lê Thị Hoa kể sáng sớm ở quê nhà.") == []


# --- "nói đùa": a joke said aloud is speech when its words follow ---

def test_joke_with_its_words_is_a_statement() -> None:
    assert speakers("Bà Phan Thị Nhung hay nói đùa rằng bà giàu nhất xóm vì có tới năm đứa cháu.") == [
        ("Phan Thị Nhung", "bà giàu nhất xóm vì có tới năm đứa cháu")]


def test_joking_without_words_is_no_statement() -> None:
    assert speakers("Mấy chị em Phan Thị Nhung và Phan Thị Lụa thường nói đùa với nhau lúc làm vườn.") == []


# --- a survey share as the speaker (GUIDELINES 2026-12-01), also after "khi" ---

def test_share_of_those_asked_is_the_speaker() -> None:
    assert speakers("60% số người được hỏi khẳng định họ sẽ mua xe điện trong năm tới.") == [
        ("60% số người được hỏi", "họ sẽ mua xe điện trong năm tới")]
    got = speakers("Khảo sát của hãng nghiên cứu Minh An gây bất ngờ khi 45% người được hỏi khẳng định "
                   "họ không còn dùng tiền mặt.")
    assert ("45% người được hỏi", "họ không còn dùng tiền mặt") in got


def test_a_percentage_that_is_no_share_of_people_is_no_speaker() -> None:
    assert speakers("Giá vàng tăng 5% trong tuần qua cho biết thị trường đang biến động.") == []
    assert speakers("Doanh thu giảm 20% so với năm ngoái cho thấy công ty gặp khó.") == []


# --- "ví dụ (về)": giving an example is a speech act with its clause ---

def test_example_given_by_the_speaker() -> None:
    assert speakers("Bà Đặng Thu Thảo ví dụ về nghề làm gốm ở Bát Tràng cần rất nhiều công đoạn thủ công.") == [
        ("Đặng Thu Thảo", "nghề làm gốm ở Bát Tràng cần rất nhiều công đoạn thủ công")]


def test_for_example_as_an_adverb_or_list_is_no_cue() -> None:
    assert speakers("Ví dụ, một hộ gia đình có thể tiết kiệm 2 triệu đồng mỗi tháng.") == []
    assert speakers("Nhiều loại trái cây, ví dụ như cam và bưởi, đã tăng giá mạnh.") == []


# --- an outlet as the passive agent on the subject only published it (UNSEEN R02) ---

def test_publisher_of_a_study_is_not_its_speaker() -> None:
    assert speakers("Một nghiên cứu được công bố bởi tạp chí Science tuyên bố rằng cà phê giúp sống lâu hơn.") == [
        ("Một nghiên cứu", "cà phê giúp sống lâu hơn")]


def test_organisation_that_made_a_report_keeps_it() -> None:
    assert speakers("Báo cáo được thực hiện bởi Ngân hàng Thế giới cho biết, nợ xấu đã tăng.") == [
        ("Ngân hàng Thế giới", "nợ xấu đã tăng")]


# --- a counted noun with its "về" complement is a topic, not reported content ---

def test_counted_topic_after_a_cue_is_no_statement() -> None:
    assert speakers("Văn bản của Sở Xây dựng cảnh báo các nguy cơ về việc mua bán đất nền chưa có sổ.") == []
    assert speakers("Bà Lê Thị Hoa chia sẻ nhiều khó khăn về vốn của các hộ kinh doanh.") == []


def test_ve_as_a_verb_inside_a_clause_keeps_it() -> None:
    assert speakers("Ông Trần Văn Lâm cảnh báo nhiều hộ dân về quê sẽ không có việc làm.") == [
        ("Trần Văn Lâm", "nhiều hộ dân về quê sẽ không có việc làm")]
