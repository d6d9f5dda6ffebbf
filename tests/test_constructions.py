"""Constructions outside the cue pass (issue 11): one-line bodies, headlines,
``Theo`` variants, long and inserted quotes, statements with no named speaker.

Every sentence here is written for the test; none is copied from a pool.
"""
from __future__ import annotations

from quoteattr import Attributor
from quoteattr.lexicon import Lexicon
from quoteattr.segment import find_paragraphs, find_sentences
from quoteattr.tokens import TEXT, tokenize

ATT = Attributor()


def _records(text: str) -> list[tuple[str, str | None, str]]:
    return [(a.quote.text, a.speaker.name if a.speaker else None, a.kind) for a in ATT.extract(text)]


def _sentences(text: str) -> list[str]:
    paras = find_paragraphs(text)
    return [text[s.start:s.end] for s in find_sentences(text, paras, frozenset())]


# --- R25: one-line bodies ----------------------------------------------------------------------
def test_caption_credit_ends_before_the_next_sentence():
    text = ("Cây cầu mới nối hai bờ sông sau khi thông xe. Ảnh: Minh Khôi Theo ông Đỗ Văn Tâm, "
            "cây cầu sẽ giúp giảm ùn tắc cho cả khu vực phía đông thành phố.")
    assert _sentences(text)[1:] == ["Ảnh: Minh Khôi", "Theo ông Đỗ Văn Tâm, cây cầu sẽ giúp giảm ùn tắc "
                                    "cho cả khu vực phía đông thành phố."]
    recs = _records(text)
    assert [(s, k) for _, s, k in recs] == [("Đỗ Văn Tâm", "indirect")]


def test_caption_credit_glued_to_a_honorific():
    text = ("Người dân xếp hàng mua vé từ sáng sớm. Ảnh: Lan ChiBà Trịnh Thu Hằng cho biết "
            "nhà ga sẽ mở thêm hai quầy bán vé trong tuần tới.")
    assert [s for _, s, _ in _records(text)] == ["Trịnh Thu Hằng"]


def test_caption_ending_in_a_full_stop_is_left_alone():
    text = "Ảnh: AFP. Đây là lần thứ ba hội nghị được tổ chức."
    assert _sentences(text) == ["Ảnh: AFP.", "Đây là lần thứ ba hội nghị được tổ chức."]


def test_glued_dateline_is_cut_and_camel_case_brands_are_not():
    assert [t[TEXT] for t in tokenize("Đà NẵngSáng nay")] == ["Đà", "Nẵng", "Sáng", "nay"]
    assert [t[TEXT] for t in tokenize("VnExpress TikTok iPhone")] == ["VnExpress", "TikTok", "iPhone"]
    assert _sentences("Đà NẵngSáng nay, ông Lê Minh Đức cho biết cảng sẽ mở cửa lại.") == [
        "Đà Nẵng", "Sáng nay, ông Lê Minh Đức cho biết cảng sẽ mở cửa lại."]


def test_quote_glued_to_a_full_stop_starts_a_sentence():
    text = ('Bà Ngô Thu Trang yêu cầu các phòng ban hoàn thành báo cáo trước cuối tháng.'
            '"Việc nào chậm thì phải nói rõ lý do", bà nói.')
    assert _sentences(text) == ["Bà Ngô Thu Trang yêu cầu các phòng ban hoàn thành báo cáo trước cuối tháng.",
                                '"Việc nào chậm thì phải nói rõ lý do", bà nói.']
    kinds = sorted(k for _, _, k in _records(text))
    assert kinds == ["direct", "indirect"]


# --- R18: quote segmentation -------------------------------------------------------------------
def test_quote_over_six_lines_is_one_record():
    lines = ["Bà Phạm Thu Hà nói: “Điều thứ nhất là nguồn vốn cho dự án.", "Điều thứ hai là mặt bằng thi công.",
             "Điều thứ ba là nhân lực có tay nghề.", "Điều thứ tư là thị trường đầu ra.",
             "Điều thứ năm là thủ tục hành chính.", "Và cuối cùng là niềm tin của người dân”."]
    recs = _records("\n".join(lines))
    assert len(recs) == 1 and recs[0][0].endswith("niềm tin của người dân") and recs[0][1] == "Phạm Thu Hà"


def test_a_sentence_ending_in_ong_ends_there():
    # "ông." and "bà." are pronouns ending a sentence, not abbreviations
    abbreviations = frozenset(w.casefold() for w in Lexicon.default().words("abbreviations"))
    text = ("Ông Trần Quốc Bảo kể rằng năm đó cả làng đều biết ông. "
            "Bà Lý Thị Ngọc cho biết xã sẽ làm lại con đường trước mùa mưa.")
    assert len(find_sentences(text, find_paragraphs(text), abbreviations)) == 2


def test_straight_quote_opening_a_sentence_inside_an_open_one_starts_a_new_quote():
    text = ('Ông Vũ Đình Lâm nói: "Giá điện tháng này chưa tăng. "Tuy nhiên, chi phí sản xuất đã cao hơn nhiều '
            'so với năm ngoái", ông giải thích. Bà Hồ Thị Mai cho biết công ty sẽ giữ giá đến hết năm.')
    recs = _records(text)
    assert ("Giá điện tháng này chưa tăng.", "Vũ Đình Lâm", "direct") in recs
    assert any(q.startswith("Tuy nhiên") and q.endswith("năm ngoái") for q, _, _ in recs)
    assert any(s == "Hồ Thị Mai" for _, s, _ in recs)


def test_nested_straight_term_inside_a_quote_stays_inside():
    text = 'Ông Vũ Đình Lâm nói: "Chúng tôi gọi đó là "cú hích" cho cả ngành năm nay".'
    assert [q for q, _, _ in _records(text)] == ['Chúng tôi gọi đó là "cú hích" cho cả ngành năm nay']


# --- R19: statements whose speaker the text never gives ----------------------------------------
def test_passive_speech_verb_gives_a_record_without_a_speaker():
    text = "Buổi đối thoại kéo dài ba giờ, được mô tả là “cởi mở nhưng còn nhiều khác biệt”."
    recs = ATT.extract(text)
    assert [(r.quote.text, r.kind, r.speaker, r.cue.text if r.cue else None) for r in recs] == [
        ("cởi mở nhưng còn nhiều khác biệt", "mixed", None, "được mô tả là")]
    assert recs[0].confidence < 0.5 and recs[0].to_dict()["speaker"] is None


def test_praised_as_with_an_article_between():
    recs = _records("Bộ phim từng được ca ngợi như một “bản hùng ca về tuổi trẻ”.")
    assert recs == [("bản hùng ca về tuổi trẻ", None, "mixed")]


def test_scare_quotes_names_and_hedges_stay_no_record():
    assert _records("Hàng thủ đội khách bị “đánh úp” ngay phút thứ hai.") == []
    assert _records("Khu chợ này được gọi là “chợ âm phủ” từ nhiều năm nay.") == []
    assert _records("Quyết định này được cho là “bước ngoặt” của ngành.") == []


def test_null_speaker_does_not_break_the_next_speakers_records():
    text = ("Cuộc gặp được nhận xét là “thực chất”. Ông Hà Văn Long cho biết hai bên sẽ ký thỏa thuận "
            "vào tháng tới. “Chúng tôi đã sẵn sàng cho việc này”, ông nói.")
    recs = _records(text)
    assert recs[0] == ("thực chất", None, "mixed")
    assert [s for _, s, _ in recs[1:]] == ["Hà Văn Long", "Hà Văn Long"]


# --- R03: headlines with an organisation or a description before the colon ----------------------
def test_headline_with_an_organisation_before_the_colon():
    text = "Sở Y tế Cần Thơ: Sẽ kiểm tra toàn bộ bếp ăn trường học\nSở Y tế Cần Thơ vừa gửi công văn tới các quận."
    assert _records(text) == [("Sẽ kiểm tra toàn bộ bếp ăn trường học", "Sở Y tế Cần Thơ", "indirect")]


def test_headline_with_a_group_before_the_colon():
    text = "Người dân vùng lũ: Chúng tôi cần nước sạch hơn cả lương thực\nMưa lớn kéo dài suốt ba ngày."
    assert _records(text) == [("Chúng tôi cần nước sạch hơn cả lương thực", "Người dân vùng lũ", "indirect")]


def test_event_labels_and_roles_doing_something_are_no_headline_speakers():
    assert _records("Hội thảo Kinh tế Biển: Nhiều đề xuất cho vùng duyên hải\nNội dung hội thảo.") == []
    assert _records("Thủ tướng Anh thăm Pháp: Hàn gắn quan hệ sau nhiều năm\nChuyến thăm kéo dài hai ngày.") == []
    assert _records("Giá xăng hôm nay: Tăng nhẹ phiên đầu tuần\nGiá dầu thế giới tăng.") == []


def test_caption_after_a_sentence_is_no_headline():
    text = "Ông Lê Văn An cho biết trường sẽ mở thêm lớp.\nHọc sinh tan trường buổi chiều. Ảnh: Mai Anh"
    assert [s for _, s, _ in _records(text)] == ["Lê Văn An"]


# --- R14: Theo variants --------------------------------------------------------------------------
def test_theo_compound_statement_noun_reaches_its_issuer():
    recs = _records("Theo kết luận thanh tra lần hai của Sở Xây dựng, công trình đã xây vượt hai tầng.")
    assert recs == [("công trình đã xây vượt hai tầng", "Sở Xây dựng", "indirect")]


def test_theo_explanation_then_la_colon_gives_what_follows():
    text = "Lý do vé tàu tăng giá, theo giải thích của Tổng công ty Đường sắt là: Chi phí nhiên liệu đã tăng."
    assert _records(text) == [("Chi phí nhiên liệu đã tăng", "Tổng công ty Đường sắt", "indirect")]


def test_theo_list_ends_at_thi():
    text = ("Theo Hội Nội tiết Việt Nam, Viện Dinh dưỡng (NIN), và nhiều tổ chức khác thì người cao tuổi "
            "nên ăn ít muối hơn.")
    recs = _records(text)
    assert [q for q, _, _ in recs] == ["người cao tuổi nên ăn ít muối hơn"]
    # every item of the list speaks (GUIDELINES "Several speakers at once"; UNSEEN R14d)
    assert all(w in recs[0][1] for w in ("Hội Nội tiết Việt Nam", "Viện Dinh dưỡng", "nhiều tổ chức khác"))


def test_theo_survey_with_its_own_time_and_relative_clause():
    recs = _records("Theo một khảo sát của Hội Sinh viên thực hiện năm 2022, phần lớn sinh viên đi làm thêm.")
    assert recs == [("phần lớn sinh viên đi làm thêm", "Hội Sinh viên", "indirect")]
    recs = _records("Theo những gì chị Lò Thị Mai chứng kiến, nước lũ lên rất nhanh trong đêm.")
    assert recs == [("nước lũ lên rất nhanh trong đêm", "Lò Thị Mai", "indirect")]


def test_theo_in_accordance_with_and_laws_are_no_speakers():
    assert _records("Công ty sẽ bồi thường cho khách, xử lý đúng theo kết luận của Thanh tra Bộ Công Thương.") == []
    assert _records("Theo Bộ luật Dân sự, hợp đồng miệng vẫn có giá trị pháp lý.") == []
    assert _records("Theo Luật Đất đai, người dân được bồi thường khi thu hồi đất.") == []


def test_theo_condition_with_thi_stays_in_the_statement():
    recs = _records("Theo ông Lâm Văn Đức, nếu trời tiếp tục mưa thì mực nước sẽ vượt báo động ba.")
    assert recs == [("nếu trời tiếp tục mưa thì mực nước sẽ vượt báo động ba", "Lâm Văn Đức", "indirect")]


def test_follow_on_does_not_jump_over_a_quote_with_its_own_unnamed_speaker():
    text = ("Theo Sở Y tế, số ca mắc đã giảm 20%.\n"
            '"Công việc ở đây vất vả nhưng ổn định", một nữ công nhân 50 tuổi ở xưởng may thở dài. '
            '"Tôi sẽ còn làm thêm vài năm nữa".')
    assert [s for _, s, _ in _records(text)] == ["Sở Y tế"]


# --- R33: an attribution inserted inside one pair of marks -------------------------------------
def test_inserted_attribution_gives_two_direct_records():
    text = ('Chị Đào Thu Hà là vận động viên chạy bộ.\n'
            '“Những buổi tập đầu tiên thật sự rất vất vả với tôi - chị kể - Nhưng rồi tôi quen dần”.')
    assert _records(text) == [("Những buổi tập đầu tiên thật sự rất vất vả với tôi", "Đào Thu Hà", "direct"),
                              ("Nhưng rồi tôi quen dần", "Đào Thu Hà", "direct")]


def test_inserted_with_a_named_speaker_and_tiep():
    text = '"Đội bạn chơi rất hay trong hiệp một - HLV Lê Minh Tuấn nói tiếp - Chúng tôi phải thay đổi chiến thuật".'
    assert [(s, k) for _, s, k in _records(text)] == [("Lê Minh Tuấn", "direct")] * 2


def test_dashes_without_a_cue_inside_a_quote_are_no_insertion():
    text = '"Giá nhà giai đoạn 2020 - 2022 đã tăng rất mạnh - và sẽ còn tăng", ông Hà Văn Tư nói.'
    assert _records(text) == [("Giá nhà giai đoạn 2020 - 2022 đã tăng rất mạnh - và sẽ còn tăng", "Hà Văn Tư",
                               "direct")]


# --- R32: a pull quote without marks, then the speaker's name on its own line --------------------
def test_pull_quote_without_marks_gives_one_indirect_record_per_sentence():
    text = ("Chị Đào Thu Hà bắt đầu chạy bộ từ năm 2019.\n"
            "Tôi chưa bao giờ nghĩ mình sẽ chạy lại được. Nhưng rồi tôi đã làm được điều đó.\n"
            "Chị Đào Thu Hà, vận động viên marathon\n"
            "Năm nay chị sẽ tham gia giải chạy ở Huế.")
    recs = ATT.extract(text)
    assert [(r.quote.text, r.speaker.name, r.kind, r.cue) for r in recs] == [
        ("Tôi chưa bao giờ nghĩ mình sẽ chạy lại được", "Đào Thu Hà", "indirect", None),
        ("Nhưng rồi tôi đã làm được điều đó", "Đào Thu Hà", "indirect", None)]


def test_byline_and_third_person_paragraphs_are_no_pull_quotes():
    assert _records("Ông Lê Văn Nam sinh năm 1960.\nTôi lớn lên ở một vùng quê nghèo.\nLê Văn Nam") == []
    text = ("Đoàn khảo sát đã đến xã vào sáng qua. Người dân đón đoàn rất đông.\n"
            "Trần Quốc Việt\nBài viết tiếp theo sẽ nói về mùa lũ.")
    assert _records(text) == []


# --- R22: a cue-less sentence carrying a quoted fragment continues the previous speaker ---------
def test_quoted_fragment_in_the_next_cueless_sentence_is_mixed_with_the_previous_speaker():
    text = ("Bà Trịnh Minh Thư cho biết nhiều học sinh bỏ học giữa chừng. "
            "Nguyên nhân chính là các em “không theo kịp chương trình mới” ngay từ lớp sáu.")
    recs = ATT.extract(text)
    assert [(r.quote.text, r.speaker.name, r.kind, r.cue) for r in recs][1:] == [
        ("không theo kịp chương trình mới", "Trịnh Minh Thư", "mixed", None)]


def test_capitalised_names_and_sentences_with_their_own_cue_are_not_continued():
    text = ("Bà Trịnh Minh Thư cho biết nhiều học sinh bỏ học giữa chừng. "
            "Chương trình “Tiếp sức đến trường” đã hỗ trợ hơn 200 em.")
    assert [k for _, _, k in _records(text)] == ["indirect"]
    text = ("Bà Trịnh Minh Thư cho biết nhiều học sinh bỏ học giữa chừng.\n"
            "Dự án mới sẽ “giúp các em quay lại lớp học” từ năm sau.")
    assert [k for _, _, k in _records(text)] == ["indirect"]


# --- R18: a pull-quote subheading restated in the next statement ---------------------------------
def test_pull_quote_subheading_takes_the_speaker_of_the_statement_restating_it():
    text = ("“Phải công khai tiến độ từng dự án”\n"
            "Bộ trưởng Hoàng Văn Lực yêu cầu các sở phải công khai tiến độ từng dự án trên cổng thông tin.")
    recs = _records(text)
    assert recs[0] == ("Phải công khai tiến độ từng dự án", "Hoàng Văn Lực", "direct")


def test_subheading_whose_words_do_not_recur_stays_unattributed():
    text = ("“Một mùa hè đáng nhớ của cả làng”\n"
            "Bộ trưởng Hoàng Văn Lực yêu cầu các sở phải công khai tiến độ từng dự án trên cổng thông tin.")
    assert [q for q, _, _ in _records(text)] == [
        "các sở phải công khai tiến độ từng dự án trên cổng thông tin"]


# --- R17: an answer after a fronted question clause ------------------------------------------------
def test_answer_after_a_fronted_question_clause():
    text = ("Khi được hỏi rằng liệu nhà máy có cắt giảm nhân công hay không, ông Quách Văn Sơn đáp: "
            "“Chúng tôi chưa tính đến chuyện đó.”")
    assert _records(text) == [("Chúng tôi chưa tính đến chuyện đó.", "Quách Văn Sơn", "direct")]


def test_fronted_clause_before_a_colon_without_a_person_gives_no_answerer():
    text = ("Khi được hỏi rằng liệu nhà máy có cắt giảm nhân công hay không, bảng thông báo ghi: "
            "“Tạm ngừng tuyển dụng đến cuối năm.”")
    assert _records(text) == []


def test_theo_a_programme_name_in_brackets_is_the_speaker():
    text = "Người lớn nên ngủ đủ bảy tiếng mỗi đêm (theo Chương trình Sức khỏe Cộng đồng)."
    assert _records(text) == [("Người lớn nên ngủ đủ bảy tiếng mỗi đêm", "Chương trình Sức khỏe Cộng đồng",
                               "indirect")]
    assert _records("Người dân được hỗ trợ vốn vay ưu đãi theo chương trình của tỉnh.") == []


def test_curly_quote_reopened_at_a_sentence_start_closes_the_unclosed_one():
    text = ("Ông Lưu Văn Cảnh nói: “Chúng tôi đã chờ cả buổi sáng mà không thấy ai. "
            "“Đến trưa thì đoàn kiểm tra mới tới”, ông kể.")
    quotes = [q for q, _, _ in _records(text)]
    assert quotes == ["Chúng tôi đã chờ cả buổi sáng mà không thấy ai.", "Đến trưa thì đoàn kiểm tra mới tới"]


def test_a_straight_quote_reopened_by_a_curly_one_closes_it_as_a_curly_one_would():
    # the position decides, not the shape: a straight mark left open and a curly one
    # opening the next sentence read as two curly ones (not one quote over both)
    tail = "Chúng tôi đã chờ cả buổi sáng mà không thấy ai. “Đến trưa thì đoàn kiểm tra mới tới”, ông kể."
    mixed = _records('Ông Lưu Văn Cảnh nói: "' + tail)
    assert mixed == _records("Ông Lưu Văn Cảnh nói: “" + tail)
    assert [q for q, _, _ in mixed] == ["Chúng tôi đã chờ cả buổi sáng mà không thấy ai.",
                                        "Đến trưa thì đoàn kiểm tra mới tới"]


def test_a_straight_mark_after_a_comma_and_before_a_space_closes_a_quote_never_opened():
    # "…," ông X nói: the comma and the space say the mark closes, as ” would
    assert _records('Chúng tôi sẽ cố gắng hết sức," ông Nguyễn Văn Nam nói.') == _records(
        "Chúng tôi sẽ cố gắng hết sức,” ông Nguyễn Văn Nam nói.") == [
        ("Chúng tôi sẽ cố gắng hết sức,", "Nguyễn Văn Nam", "direct")]
    assert _records('Ông Nguyễn Văn Nam đi họp ," rồi về nhà.') == []


def test_single_quotes_nested_in_a_curly_quote_stay_inside():
    text = "Ông Lưu Văn Cảnh nói: “Họ bảo tôi: ‘Đừng lo, mọi việc sẽ ổn’. Nhưng tôi vẫn lo”."
    assert [q for q, _, _ in _records(text)] == ["Họ bảo tôi: ‘Đừng lo, mọi việc sẽ ổn’. Nhưng tôi vẫn lo"]


def test_sentence_final_outlet_with_no_speaker_of_its_own_is_the_outlet_s_claim():
    text = "Ít nhất 12 người đã thiệt mạng trong trận động đất, theo Reuters."
    recs = ATT.extract(text)
    assert [(r.quote.text, r.speaker.name, r.source.name) for r in recs] == [
        ("Ít nhất 12 người đã thiệt mạng trong trận động đất", "Reuters", "Reuters")]
    text = "Ông Lê Văn Nam cho biết đã có 12 người thiệt mạng, theo Reuters."
    assert [(s, k) for _, s, k in _records(text)] == [("Lê Văn Nam", "indirect")]


def test_statement_noun_closing_the_sentence_after_a_lowercase_word_still_reports():
    recs = ATT.extract("Ứng dụng này hiện có khoảng 20 triệu người dùng theo thống kê của Reuters.")
    assert [(r.speaker.name, r.source.name) for r in recs] == [("Reuters", "Reuters")]


def test_theo_cach_goi_cua_x_gives_the_quoted_term_to_x():
    text = "Những cỗ máy này sẽ mở ra “kỷ nguyên người máy tự chủ” theo cách gọi của tiến sĩ Lê Minh Hải."
    assert _records(text) == [("kỷ nguyên người máy tự chủ", "Lê Minh Hải", "mixed")]
    assert _records("Theo cách này, mọi người trong xóm đều có lợi.") == []
