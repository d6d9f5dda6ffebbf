"""The subject of a cue and the cue itself: everyday role nouns as subjects, cues
that a time phrase or a compound noun used to block, subjects across verb phrases.

Synthetic sentences written for these tests; each construction comes with a
near-miss that must give no record (or not that speaker).
"""
from __future__ import annotations

import pytest

from quoteattr import Attributor


@pytest.fixture(scope="module")
def attributor() -> Attributor:
    return Attributor()


def records(attributor: Attributor, text: str) -> list[tuple[str | None, str]]:
    return [(r.speaker.name if r.speaker else None, r.quote.text) for r in attributor.extract(text)]


@pytest.mark.parametrize("text, speaker", [
    # a role, kin or crowd noun with no title word opens the sentence before a bare clause
    ("Chủ nhà nói nếu không trả tiền đúng hạn thì phải dọn đi ngay.", "Chủ nhà"),
    ("Ngoài ra, nhà tuyển dụng còn yêu cầu ứng viên nộp bài luận bằng tiếng Anh.", "nhà tuyển dụng"),
    ("Hàng xóm cho biết ngôi nhà bốc cháy từ tối qua.", "Hàng xóm"),
    ("Cha mẹ đều dặn dò các con phải chăm chỉ học hành.", "Cha mẹ"),
    ("Các cơ sở bán bánh mì cho rằng giá bột mì sẽ còn tăng.", "Các cơ sở bán bánh mì"),
    # a gender word before the head noun belongs to the description
    ("Một nữ phạm nhân 70 tuổi thú nhận đã trộm đồ hơn chục lần.", "Một nữ phạm nhân 70 tuổi"),
    ("“Tôi không muốn về nhà”, nữ phạm nhân 75 tuổi tâm sự.", "nữ phạm nhân 75 tuổi"),
    ("Nữ ca sĩ Lê Thu Hà cho biết cô sẽ nghỉ một năm.", "Lê Thu Hà"),
    # "cố gắng" before the cue is no part of the subject
    ("Nhiều cán bộ cố gắng khuyên người đàn ông ra đầu thú.", "Nhiều cán bộ"),
])
def test_role_noun_subject(attributor: Attributor, text: str, speaker: str) -> None:
    assert [s for s, _ in records(attributor, text)] == [speaker]


def test_verb_phrase_is_no_part_of_a_group_subject(attributor: Attributor) -> None:
    # the crew "announced an emergency" and asked: the first verb phrase is no part of its name
    got = records(attributor, "Vài phút sau, tổ lái thông báo khẩn cấp, yêu cầu hành khách thắt dây an toàn.")
    assert got == [("tổ lái", "hành khách thắt dây an toàn")]


def test_clause_joiner_ends_a_group_subject(attributor: Attributor) -> None:
    # "… đào tạo cán bộ nhưng lại yêu cầu …": "cán bộ nhưng" is no speaker
    text = "Quy định mới buộc phải đào tạo cán bộ nhưng lại yêu cầu trường tự lo kinh phí cho việc đó."
    assert all(s is None or "nhưng" not in s for s, _ in records(attributor, text))


@pytest.mark.parametrize("text", [
    "Ông Lê Văn Nam tháng trước cho biết công ty sẽ mở thêm chi nhánh.",
    "Ông Lê Văn Nam hôm qua cho biết công ty sẽ mở thêm chi nhánh.",
    "Ông Lê Văn Nam có hứa sẽ mở thêm chi nhánh ở miền Trung.",
])
def test_time_phrase_or_emphatic_co_does_not_block_the_cue(attributor: Attributor, text: str) -> None:
    assert [s for s, _ in records(attributor, text)] == ["Lê Văn Nam"]


@pytest.mark.parametrize("text", [
    # a noun marker still makes the cue word a noun
    "Sau những tuyên bố đó, giá cổ phiếu của công ty đã giảm mạnh.",
    "Công ty có thông báo mới về giờ làm việc trong dịp Tết.",
    "Những người qua đường dừng lại xem nhà phê bình viết gì trên bảng tin.",
])
def test_noun_marker_still_blocks(attributor: Attributor, text: str) -> None:
    assert records(attributor, text) == []


@pytest.mark.parametrize("text, speaker", [
    # a subject shared over "và" by a verb phrase and the cue
    ("Nữ ca sĩ Lê Thu Hà đã kết thúc chuyến lưu diễn và thông báo rằng cô sẽ nghỉ một năm.", "Lê Thu Hà"),
    ("Ông Lê Văn Nam đã kết thúc chuyến công tác dài ngày ở nước ngoài và thông báo rằng ông sẽ nghỉ hưu.",
     "Lê Văn Nam"),
])
def test_subject_shared_over_va(attributor: Attributor, text: str, speaker: str) -> None:
    assert [s for s, _ in records(attributor, text)] == [speaker]


def test_subject_after_va_is_its_own(attributor: Attributor) -> None:
    # a new subject after "và" is the speaker, not the first clause's
    got = records(attributor, "Giá vàng tăng mạnh và ông Lê Văn Nam cho biết sẽ bán bớt.")
    assert [s for s, _ in got] == ["Lê Văn Nam"]


@pytest.mark.parametrize("text, speaker", [
    # a document's issuer speaks for it (GUIDELINES), also for official letters and communiqués
    ("Thông cáo của Bộ Y tế cũng nhấn mạnh, việc kiểm tra sẽ được tiến hành hằng tháng.", "Bộ Y tế"),
    ("Công văn của Sở Tư pháp nêu: Sở đã phát hiện nhiều sai phạm.", "Sở Tư pháp"),
    # and in quote-first position, the document noun stands between the quote and its issuer
    ("“Chúng tôi sẽ xử lý nghiêm mọi sai phạm của cán bộ”, văn bản của Văn phòng Bộ Nội vụ nêu.",
     "Văn phòng Bộ Nội vụ"),
])
def test_document_issuer_speaks(attributor: Attributor, text: str, speaker: str) -> None:
    assert [s for s, _ in records(attributor, text)] == [speaker]


def test_issuer_needs_the_document_noun(attributor: Attributor) -> None:
    # "…”, cán bộ của Sở nói": a person of the office, not the office, is the speaker
    got = records(attributor, "“Hồ sơ đã đầy đủ”, cán bộ của Sở Tư pháp nói.")
    assert [s for s, _ in got] == ["cán bộ của Sở Tư pháp"]


@pytest.mark.parametrize("text, speaker", [
    # an aspect word ends the subject, it is never the last word of an organisation's name
    ("Ban lãnh đạo công ty đã có văn bản gửi công an phường đề nghị hỗ trợ giải quyết vụ việc.",
     "Ban lãnh đạo công ty"),
    # a board written in lower case after a fronted adverbial is a collective speaker
    ("Gần đây, ban giám hiệu nhà trường đã gửi văn bản lên Sở Giáo dục đề nghị tăng thêm biên chế.",
     "ban giám hiệu nhà trường"),
])
def test_subject_before_an_object_and_its_verb(attributor: Attributor, text: str, speaker: str) -> None:
    assert [s for s, _ in records(attributor, text)] == [speaker]


def test_ghi_nhan_reports_what_data_or_a_speaker_recorded(attributor: Attributor) -> None:
    got = records(attributor, "Dữ liệu từ Hiệp hội Thép Việt Nam cũng ghi nhận giá thép đã tăng 5% trong tháng.")
    assert got == [("Hiệp hội Thép Việt Nam", "giá thép đã tăng 5% trong tháng")]


@pytest.mark.parametrize("text", [
    "Bộ trưởng ghi nhận những nỗ lực của ngành y tế trong năm qua.",  # acknowledges: a noun-phrase object
    "Giá thuê căn hộ tiếp tục ghi nhận mức tăng 3% so với quý trước.",  # no speaker
])
def test_ghi_nhan_near_misses(attributor: Attributor, text: str) -> None:
    assert records(attributor, text) == []


@pytest.mark.parametrize("text, record", [
    # a subordinate "khi/vì + cue" with no subject of its own has the main clause's
    ("Một phụ huynh khác dùng từ “không thể chấp nhận” khi cho rằng giá suất ăn đã cao hơn giá chợ.",
     ("Một phụ huynh khác", "giá suất ăn đã cao hơn giá chợ")),
    ("Đảng cầm quyền chỉ trích dự luật vì cho rằng ủy ban sẽ thiên vị phe đối lập.",
     ("Đảng cầm quyền", "ủy ban sẽ thiên vị phe đối lập")),
])
def test_subordinate_cue_shares_the_main_subject(attributor: Attributor, text: str,
                                                 record: tuple[str, str]) -> None:
    assert record in records(attributor, text)


def test_sentence_initial_subordinator_is_nobody(attributor: Attributor) -> None:
    # "Khi cho rằng …, nhiều người …": no speaker named "Khi"
    assert all(s != "Khi" for s, _ in records(attributor, "Khi cho rằng giá sẽ tăng, nhiều người đã đổ xô đi mua vàng."))


def test_modal_between_subject_and_cue_word_is_no_statement(attributor: Attributor) -> None:
    # "cha mẹ nên giảm chỉ trích": what parents should do, inside what the speaker said
    got = records(attributor, "Bà Lê Thị Hoa khẳng định, cha mẹ nên giảm chỉ trích, tăng khen ngợi với con nhỏ.")
    assert got == [("Lê Thị Hoa", "cha mẹ nên giảm chỉ trích, tăng khen ngợi với con nhỏ")]


def test_ngay_cang_marks_a_bare_clause(attributor: Attributor) -> None:
    # "ngày càng + predicate" is a clause, however plain: "tình trạng … ngày càng phức tạp"
    got = records(attributor, "Bà Lê Thị Hoa nêu thực trạng hiện nay bệnh hô hấp ở trẻ em ngày càng phức tạp.")
    assert got == [("Lê Thị Hoa", "hiện nay bệnh hô hấp ở trẻ em ngày càng phức tạp")]


@pytest.mark.parametrize("text, speaker", [
    # a kin noun before a named person: the kin speaks, not the person named
    ("“Tôi nghe tiếng nổ rồi máy bay khựng lại”, chồng bà Lan nhớ lại.", "chồng bà Lan"),
    ("Vợ ông Hùng cho biết gia đình đã nhận được tiền bồi thường.", "Vợ ông Hùng"),
    # near-miss: the kin noun in an appositive after the name describes the speaker
    ("Ông Trần Văn Tâm, chồng bà Lan, cho biết gia đình đã nhận được tiền bồi thường.", "Trần Văn Tâm"),
])
def test_kin_noun_subject(attributor: Attributor, text: str, speaker: str) -> None:
    assert [s for s, _ in records(attributor, text)] == [speaker]


def test_quoted_person_with_appositive_keeps_their_own_verb(attributor: Attributor) -> None:
    # "dẫn lời Y, 35 tuổi, cho biết thông tin về …": Y's own verb takes a topic, no record
    text = "Tờ The Guardian dẫn lời vợ ông Peter Brown, 35 tuổi, cho biết thông tin về sức khỏe của chồng."
    assert records(attributor, text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Phe phản đối cho rằng nên giữ nguyên mức thuế hiện hành.", "Phe phản đối"),  # a faction
    # "cả hai/ba" opens a group, also behind a fronted adverbial and a shared subject
    ("Sáng nay, cả hai bên đều giữ im lặng, đồng thời khẳng định sẽ tiếp tục đàm phán.", "cả hai bên"),
])
def test_faction_and_both_sides(attributor: Attributor, text: str, speaker: str) -> None:
    assert [s for s, _ in records(attributor, text)] == [speaker]


def test_subordinate_clause_then_main_clause_is_content(attributor: Attributor) -> None:
    # "khai sau khi uống rượu đã lái xe về nhà": the main clause "đã lái xe" makes it content
    got = records(attributor, "Ông Lê Văn Nam khai sau khi uống rượu đã lái xe về nhà.")
    assert got == [("Lê Văn Nam", "sau khi uống rượu đã lái xe về nhà")]


def test_subordinate_clause_alone_stays_a_tail(attributor: Attributor) -> None:
    # "cho biết sau khi tòa tuyên án": when it was said; the quote before it is the content
    got = records(attributor, "“Chúng tôi sẽ kháng cáo”, luật sư Lê Minh Hải cho biết sau khi tòa tuyên án.")
    assert got == [("Lê Minh Hải", "Chúng tôi sẽ kháng cáo")]
