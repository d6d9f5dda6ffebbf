"""Run the synthetic examples of the unseen-pool error analysis and say which now pass.

Where the examples come from: ``../shared/eval/UNSEEN-ERRORS.md`` (rows R01-R24)
classifies every error on a private pool. Each row shows SYNTHETIC sentences, written
to show the failing construction, with what the library returned on 2026-12-01.
This table holds every such sentence, sub-cases included, plus the "… works"
sentences the rows give as controls. ``origin`` says how far the text is the file's:

- ``given``: the sentence as written there (``⏎`` written as a line break);
- ``filled``: an elided ``…`` replaced by plain words of mine, so that the sentence
  has content (an ellipsis would cut the quote, by the guidelines);
- ``built``: a template (``Theo TITLE, ông NAME, …``) or a description made into a
  sentence, or a context sentence added where the example relies on an earlier one.

How expectations were set: by ``../shared/eval/GUIDELINES.md`` (the 2026-12-01
decisions included), never by what the library returns. Each example lists every
record its text should give; an empty list means "no record" (near-misses and false
alarms). Where the guidelines leave a choice open the row's own reading decides (it
says whether gold had a record), and fields that stay unclear are not checked
(``ANY``). Rows R21-R24 give no example sentence, so they count 0.

Check, lenient like ``score.py``: predictions are paired one-to-one with the expected
records by largest quote overlap; a pair passes when the speakers match (words of one
name all stand in the other, after case folding; a tuple means every name must stand
in the predicted speaker; ``None`` only matches ``None``), the kind is one of those
allowed, the source matches the same way (``None`` = no source), and the predicted
quote covers at least half of the expected content (overlap alone would pass the cut
quotes of R04 and R18). An example passes when every expected record is paired and
passes and no record is left over.

    PYTHONPATH=. python benchmarks/unseen_examples.py

Prints one line per example and a per-row table; exit status 0 always.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import quoteattr

ANY = "<any>"  # a field this example does not check
MIN_COVER = 0.5  # share of the expected content a paired quote must cover (catches cut quotes)


@dataclass(frozen=True)
class Want:
    """One expected record: who, which stretch of the text (a substring of it), what kind."""

    speaker: str | tuple[str, ...] | None
    quote: str
    kind: str  # "direct", "mixed", "indirect", or alternatives joined by "|"
    source: str | None = None


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    want: tuple[Want, ...]  # every record the text should give; () = no record
    origin: str = "given"


def ex(ident: str, text: str, *want: Want, origin: str = "given") -> Example:
    return Example(ident, text, tuple(want), origin)


W = Want
IND, DIR, MIX = "indirect", "direct", "mixed"
NAM = "Lê Văn Nam"

EXAMPLES: list[Example] = [
    # R01 proper-name speaker not recognised
    ex("R01a1", "Vinamilk cho biết, doanh thu quý III đã tăng 8%.",
       W("Vinamilk", "doanh thu quý III đã tăng 8%", IND)),
    ex("R01a2", "Theo Shopee, lượng đơn hàng trong dịp Tết đã tăng gấp đôi.",
       W("Shopee", "lượng đơn hàng trong dịp Tết đã tăng gấp đôi", IND), origin="filled"),
    ex("R01a3", "Giá vàng sẽ tiếp tục tăng, Vietcombank cho biết.",
       W("Vietcombank", "Giá vàng sẽ tiếp tục tăng", IND)),
    ex("R01b", "Theo báo Lao Động, hãng xe Toyota cho biết sẽ thu hồi 5.000 xe.",
       W("Toyota", "sẽ thu hồi 5.000 xe", IND, "Lao Động")),
    ex("R01c", "Kiểm toán Nhà nước cho biết, nhiều dự án đầu tư công đã chậm giải ngân.",
       W("Kiểm toán Nhà nước", "nhiều dự án đầu tư công đã chậm giải ngân", IND), origin="filled"),
    ex("R01d1", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố Đà Nẵng "
       "yêu cầu nhà thầu tăng ca.",
       W("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố Đà Nẵng",
         "nhà thầu tăng ca", IND)),
    ex("R01d2", "Ban Quản lý dự án giao thông thành phố Đà Nẵng yêu cầu nhà thầu tăng ca.",
       W("Ban Quản lý dự án giao thông thành phố Đà Nẵng", "nhà thầu tăng ca", IND), origin="filled"),
    # R02 common-noun group or document subject
    ex("R02a", "Phe phản đối cho rằng nên giữ nguyên mức thuế hiện hành.",
       W("Phe phản đối", "nên giữ nguyên mức thuế hiện hành", IND)),
    ex("R02b1", "Số liệu do Tổng cục Thống kê công bố cho thấy, giá tiêu dùng đã tăng 0,3%.",
       W("Tổng cục Thống kê", "giá tiêu dùng đã tăng 0,3%", IND)),
    ex("R02b2", "Một bài đăng trên diễn đàn cho rằng “nhà máy đang xả thải ra sông”.",
       W("Một bài đăng trên diễn đàn", "nhà máy đang xả thải ra sông", f"{DIR}|{MIX}", ANY)),
    ex("R02b3", "Một nghiên cứu được công bố bởi tạp chí Science tuyên bố rằng cà phê giúp giảm "
       "nguy cơ đột quỵ.",
       W("Một nghiên cứu", "cà phê giúp giảm nguy cơ đột quỵ", IND, ANY), origin="filled"),
    # R03 headline `X: statement` with X an organisation or a description
    ex("R03a", "Sở Giao thông Vận tải: Sẽ cấm xe tải vào nội đô từ tháng 1",
       W("Sở Giao thông Vận tải", "Sẽ cấm xe tải vào nội đô từ tháng 1", IND)),
    ex("R03b", "Chuyên gia: Ăn sáng muộn làm tăng nguy cơ tiểu đường",
       W("Chuyên gia", "Ăn sáng muộn làm tăng nguy cơ tiểu đường", IND)),
    # R04 garbage speaker span
    ex("R04a", "Bà Lê Thị Hoa nói: Từ quý sau, Sở này sẽ không đánh giá lại hồ sơ cũ.",
       W("Lê Thị Hoa", "Từ quý sau, Sở này sẽ không đánh giá lại hồ sơ cũ", IND)),
    ex("R04b", "Ông Lê Văn Nam cho biết, sau đợt kiểm tra, Sở Tài chính sẽ yêu cầu các quận rà soát "
       "lại ngân sách.",
       W(NAM, "sau đợt kiểm tra, Sở Tài chính sẽ yêu cầu các quận rà soát lại ngân sách", IND)),
    ex("R04c", "Vụ kiện bắt nguồn từ sự lo ngại của cổ đông rằng công ty “che giấu” thua lỗ.",
       W("cổ đông", "che giấu", MIX)),
    ex("R04d", "Trường hợp khách hàng đánh giá dịch vụ kém thì cửa hàng sẽ hoàn tiền.", origin="filled"),
    # R05 appositive or title chain
    ex("R05a", "Ông Trần Văn Bình, Phó Chủ tịch phường Láng Hạ, quận Đống Đa cho biết, phường sẽ lắp "
       "thêm 200 đèn chiếu sáng trong tháng tới.",
       W("Trần Văn Bình", "phường sẽ lắp thêm 200 đèn chiếu sáng trong tháng tới", IND), origin="filled"),
    ex("R05b", "Tiến sĩ Maria Lopez từ Đại học Madrid cho biết loại vắc xin mới đã được thử nghiệm "
       "trên 2.000 người.",
       W("Maria Lopez", "loại vắc xin mới đã được thử nghiệm trên 2.000 người", IND), origin="filled"),
    ex("R05c", "Bà Ngô Thị Lan, Cổ đông lớn Công ty Sao Mai cho biết, công ty sẽ chia cổ tức 10%.",
       W("Ngô Thị Lan", "công ty sẽ chia cổ tức 10%", IND), origin="filled"),
    ex("R05d", "Theo BS Phạm Thu Trang - bác sĩ Bệnh viện Việt Đức, nguyên Trưởng khoa Ngoại nhận "
       "định, phần lớn ca chấn thương sọ não có thể phòng tránh nếu đội mũ bảo hiểm.",
       W("Phạm Thu Trang", "phần lớn ca chấn thương sọ não có thể phòng tránh nếu đội mũ bảo hiểm",
         IND), origin="filled"),
    ex("R05e", "Theo Giám đốc điều hành Công ty Sao Mai, ông Peter Brown, doanh thu năm nay sẽ tăng 15%.",
       W("Peter Brown", "doanh thu năm nay sẽ tăng 15%", IND), origin="built"),
    ex("R05f", "Tiền vệ Nguyễn Hoàng Đức vừa gia hạn hợp đồng thêm ba năm. Sau buổi ký, tiền vệ "
       "\"Cầu thủ vàng\" nói: “Tôi muốn gắn bó lâu dài với đội bóng.”",
       W("Nguyễn Hoàng Đức", "Tôi muốn gắn bó lâu dài với đội bóng.", DIR), origin="built"),
    # R06 organisation description not resolved to the named entity
    ex("R06a", "Bộ Nội vụ vừa có văn bản gửi các tỉnh. Bộ này cho hay, việc sắp xếp đơn vị hành chính "
       "cấp xã sẽ hoàn thành trong quý II.",
       W("Bộ Nội vụ", "việc sắp xếp đơn vị hành chính cấp xã sẽ hoàn thành trong quý II", IND),
       origin="filled"),
    ex("R06b", "Bệnh viện Chợ Rẫy vừa tiếp nhận 12 bệnh nhân ngộ độc thực phẩm. Theo báo cáo của bệnh "
       "viện, các bệnh nhân đều đã qua cơn nguy kịch.",
       W("Bệnh viện Chợ Rẫy", "các bệnh nhân đều đã qua cơn nguy kịch", IND), origin="filled"),
    # R07 short form not linked to the full name
    ex("R07a", "Theo ThS Nguyễn Quang Anh, thị trường bất động sản sẽ phục hồi vào cuối năm. ThS Anh "
       "phân tích thêm: “Lãi suất đã giảm nên người mua đang quay lại.”",
       W("Nguyễn Quang Anh", "thị trường bất động sản sẽ phục hồi vào cuối năm", IND),
       W("Nguyễn Quang Anh", "Lãi suất đã giảm nên người mua đang quay lại.", DIR), origin="filled"),
    # R08 pronoun or epithet picks the wrong antecedent
    ex("R08a", "Giám đốc Lê Văn Nam cho biết công ty vừa tuyển kỹ sư Trần Minh Tuấn. Ông nói thêm: "
       "“Chúng tôi sẽ mở thêm một nhà máy ở Bắc Ninh.”",
       W(NAM, "công ty vừa tuyển kỹ sư Trần Minh Tuấn", IND),
       W(NAM, "Chúng tôi sẽ mở thêm một nhà máy ở Bắc Ninh.", DIR), origin="filled"),
    ex("R08b", "Ca sĩ Lê Thu Hà vừa ra mắt album mới. Nữ nghệ sĩ người Huế cho biết, album được thực "
       "hiện trong hai năm.",
       W("Lê Thu Hà", "album được thực hiện trong hai năm", IND), origin="filled"),
    ex("R08c", "Các tiểu thương ở chợ Bến Thành đã đóng cửa ba ngày, mà họ cho rằng là cách duy nhất "
       "để được lắng nghe.",
       W("Các tiểu thương", "là cách duy nhất để được lắng nghe", IND), origin="built"),
    # R09 bare reported clause without an aspect or modal marker
    ex("R09a", "Công an tỉnh cáo buộc nhóm đối tượng lừa đảo hàng trăm người.",
       W("Công an tỉnh", "nhóm đối tượng lừa đảo hàng trăm người", IND)),
    # R10 subject-cue separation and clause boundaries
    ex("R10a1", "Các điều tra viên đã có đủ bằng chứng để kết luận nghi phạm đã nói dối.",
       W("Các điều tra viên", "nghi phạm đã nói dối", IND)),
    ex("R10a2", "Bà Ngô Thị Lan lên tiếng phủ nhận việc công ty sắp phá sản.",
       W("Ngô Thị Lan", "công ty sắp phá sản", IND)),
    ex("R10a3", "Bà Ngô Thị Lan phủ nhận việc công ty sắp phá sản.",
       W("Ngô Thị Lan", "công ty sắp phá sản", IND), origin="filled"),
    ex("R10a4", "Viện Pasteur có cảnh báo rằng số ca sốt xuất huyết sẽ tăng mạnh.",
       W("Viện Pasteur", "số ca sốt xuất huyết sẽ tăng mạnh", IND)),
    ex("R10a5", "Ông Lê Văn Nam thay mặt ban tổ chức thông báo sẽ hoãn giải đấu.",
       W(NAM, "sẽ hoãn giải đấu", IND)),
    ex("R10b1", "Nữ ca sĩ Lê Thu Hà đã kết thúc chuyến lưu diễn và thông báo rằng cô sẽ nghỉ một năm.",
       W("Lê Thu Hà", "cô sẽ nghỉ một năm", IND)),
    ex("R10b2", "Sáng nay, cả hai bên đều giữ im lặng, đồng thời khẳng định sẽ tôn trọng kết quả điều tra.",
       W("cả hai bên", "sẽ tôn trọng kết quả điều tra", IND), origin="filled"),
    ex("R10c", "Ông Lê Văn Nam cáo buộc đối thủ muốn trì hoãn dự án, chê đề án “viển vông” và cho rằng "
       "dự án sẽ thất bại.",
       W(NAM, "đối thủ muốn trì hoãn dự án", IND), W(NAM, "viển vông", MIX),
       W(NAM, "dự án sẽ thất bại", IND)),
    # R11 cue word in a non-speech sense, or a topic NP object
    ex("R11a", "Ủy ban xác định mục tiêu tăng trưởng 7% cho năm tới."),
    ex("R11b", "Thủ tướng giao Bộ Công an chủ trì xây dựng đề án."),
    ex("R11c", "Bệnh nhân yêu cầu chuyển viện vào sáng hôm sau."),
    ex("R11d", "Theo khảo sát của Reuters, ông Lê Văn Nam đã trả lời 30 cuộc gọi mỗi ngày.",
       W("Reuters", "ông Lê Văn Nam đã trả lời 30 cuộc gọi mỗi ngày", IND, "Reuters")),
    ex("R11e", "Bộ trưởng nhấn mạnh đến sự cần thiết phải cải cách thể chế."),
    # R12 quote-first variants
    ex("R12a", "“Chúng tôi sẽ kháng cáo”, luật sư Lê Minh Hải cho biết, sau khi tòa tuyên án.",
       W("Lê Minh Hải", "Chúng tôi sẽ kháng cáo", DIR)),
    ex("R12b", "Với hơn 30 năm hoạt động, công ty là đơn vị dẫn đầu thị trường, các chuyên gia nhận xét.",
       W("các chuyên gia", "Với hơn 30 năm hoạt động, công ty là đơn vị dẫn đầu thị trường", IND)),
    # R13 cue missing from the lexicon, quoted-fragment object
    ex("R13a", "Ông Lê Văn Nam chế giễu \"những lời hứa suông\" của đối thủ.",
       W(NAM, "những lời hứa suông", MIX)),
    # R14 `Theo` variants
    ex("R14a", "Theo thông báo kết luận kiểm tra của Sở Y tế, cơ sở này đã dùng nguyên liệu không rõ "
       "nguồn gốc.",
       W("Sở Y tế", "cơ sở này đã dùng nguyên liệu không rõ nguồn gốc", IND), origin="filled"),
    ex("R14b1", "Trẻ dưới 5 tuổi cần được bổ sung vitamin A hai lần mỗi năm (theo Chương trình Dinh "
       "dưỡng Quốc gia).",
       W("Chương trình Dinh dưỡng Quốc gia", "Trẻ dưới 5 tuổi cần được bổ sung vitamin A hai lần mỗi năm",
         IND), origin="filled"),
    ex("R14b2", "Trẻ dưới 5 tuổi cần được bổ sung vitamin A hai lần mỗi năm (theo Viện Dinh dưỡng "
       "Quốc gia).",
       W("Viện Dinh dưỡng Quốc gia", "Trẻ dưới 5 tuổi cần được bổ sung vitamin A hai lần mỗi năm", IND),
       origin="filled"),
    ex("R14c", "Lý do giá xăng “neo” cao, theo giải thích của Bộ Tài chính là: Thuế nhập khẩu chưa giảm.",
       W("Bộ Tài chính", "Thuế nhập khẩu chưa giảm", IND)),
    ex("R14d", "Theo Hội Tim mạch Hoa Kỳ, Trường Môn Thấp khớp Hoa Kỳ (ACR), và nhiều tổ chức khác thì "
       "người bệnh gút nên hạn chế ăn thịt đỏ.",
       W(("Hội Tim mạch Hoa Kỳ", "Trường Môn Thấp khớp Hoa Kỳ"), "người bệnh gút nên hạn chế ăn thịt đỏ",
         IND), origin="built"),
    ex("R14e", "Doanh nghiệp sẽ hoàn trả tiền, xử lý đúng theo kết luận của Thanh tra Chính phủ, trong "
       "vòng 30 ngày."),
    # R15 an outlet making its own claim
    ex("R15a", "Như thông tin báo Lao Động đã đưa, nhà máy đã ngừng hoạt động từ tháng trước.",
       W("Lao Động", "nhà máy đã ngừng hoạt động từ tháng trước", IND, "Lao Động"), origin="filled"),
    ex("R15b", "Như Tuổi Trẻ đã đưa tin, nhà máy đã ngừng hoạt động từ tháng trước.",
       W("Tuổi Trẻ", "nhà máy đã ngừng hoạt động từ tháng trước", IND, "Tuổi Trẻ"), origin="filled"),
    ex("R15c", "Giá dầu thô đã giảm 12% trong tháng 10, theo số liệu của Bloomberg.",
       W("Bloomberg", "Giá dầu thô đã giảm 12% trong tháng 10", IND, "Bloomberg"), origin="filled"),
    # R16 source channel or scope missed
    ex("R16a", "Trao đổi với báo chí, ông Lê Văn Nam cho biết, dự án sẽ khởi công vào tháng 3.",
       W(NAM, "dự án sẽ khởi công vào tháng 3", IND, "báo chí"), origin="built"),
    ex("R16b", "Phản ánh đến báo Lao Động, nhiều người dân cho biết, nước sinh hoạt có mùi lạ suốt một tuần.",
       W("nhiều người dân", "nước sinh hoạt có mùi lạ suốt một tuần", IND, "Lao Động"), origin="filled"),
    ex("R16c", "“Cảm ơn khán giả đã luôn ủng hộ tôi”, ca sĩ Lê Thu Hà viết trên mạng xã hội.",
       W("Lê Thu Hà", "Cảm ơn khán giả đã luôn ủng hộ tôi", DIR, "mạng xã hội"), origin="filled"),
    ex("R16d", "Trả lời câu hỏi của Tuổi Trẻ, ông Lê Văn Nam cho biết dự án sẽ hoàn thành trong năm nay.",
       W(NAM, "dự án sẽ hoàn thành trong năm nay", IND, "Tuổi Trẻ"), origin="built"),
    ex("R16e", "Bộ Công Thương vừa gửi văn bản lên Thủ tướng. Theo văn bản trên, Bộ Công Thương cho rằng "
       "giá điện cần được điều chỉnh theo quý.",
       W("Bộ Công Thương", "giá điện cần được điều chỉnh theo quý", IND, "văn bản"), origin="built"),
    # R17 interview or press-conference Q&A
    ex("R17a", "PV Tuổi Trẻ đã đặt câu hỏi với đại diện Công ty Sao Mai. Cụ thể:\n"
       "- Khi nào công ty trả lương cho công nhân?\n- Công ty có bồi thường cho các hộ dân không?",
       W("PV Tuổi Trẻ", "Khi nào công ty trả lương cho công nhân?", IND, ANY),
       W("PV Tuổi Trẻ", "Công ty có bồi thường cho các hộ dân không?", IND, ANY), origin="built"),
    ex("R17b", "Khi được hỏi rằng liệu công ty có tăng giá hay không, bà Ngô Thị Lan đáp: “Chúng tôi "
       "chưa có kế hoạch.”",
       W("Ngô Thị Lan", "Chúng tôi chưa có kế hoạch.", DIR)),
    # R18 quote segmentation
    ex("R18a", "Ông Lê Văn Nam chia sẻ: “Thứ nhất.\nThứ hai.\nThứ ba.\nThứ tư.\nThứ năm và cuối cùng”.",
       W(NAM, "Thứ nhất.\nThứ hai.\nThứ ba.\nThứ tư.\nThứ năm và cuối cùng", DIR)),
    ex("R18b", "“Cần minh bạch hơn trong đấu thầu”\nBộ trưởng Bộ Kế hoạch và Đầu tư Trần Quốc Phong "
       "khẳng định, thời gian tới các địa phương cần minh bạch hơn trong đấu thầu công.",
       W("Trần Quốc Phong", "Cần minh bạch hơn trong đấu thầu", DIR),
       W("Trần Quốc Phong", "thời gian tới các địa phương cần minh bạch hơn trong đấu thầu công", IND),
       origin="filled"),
    # R19 no speaker in the text (gold speaker null)
    ex("R19a", "Bức tranh được ca ngợi như một “kiệt tác bị lãng quên”.",
       W(None, "kiệt tác bị lãng quên", MIX)),
    # R20 fronted reporting participle (dev only; the row gives a template)
    ex("R20a", "Khẳng định dự án sẽ hoàn thành đúng hạn, song ông Lê Văn Nam thừa nhận vẫn còn nhiều "
       "khó khăn về mặt bằng.",
       W(NAM, "dự án sẽ hoàn thành đúng hạn", IND),
       W(NAM, "vẫn còn nhiều khó khăn về mặt bằng", IND), origin="built"),
]

ROWS = {
    "R01": "proper-name speaker", "R02": "group / document subject", "R03": "headline X: statement",
    "R04": "garbage speaker span", "R05": "appositive / title chain", "R06": "org description",
    "R07": "short form", "R08": "antecedent / epithet / họ", "R09": "bare reported clause",
    "R10": "subject-cue separation", "R11": "non-speech cue / topic NP", "R12": "quote first",
    "R13": "missing cue / quoted object", "R14": "Theo variants", "R15": "outlet's own claim",
    "R16": "source channel", "R17": "Q&A format", "R18": "quote segmentation",
    "R19": "no speaker in text", "R20": "fronted participle", "R21": "nested reporting",
    "R22": "cue-less continuation", "R23": "line breaks in names", "R24": "gold debatable",
}

_WORD = re.compile(r"\w+")


def _words(name: str) -> set[str]:
    return set(_WORD.findall(unicodedata.normalize("NFC", name).casefold()))


def names_match(want: str | tuple[str, ...] | None, got: str | None) -> bool:
    """score.py's lenient rule; a tuple (several speakers) needs each name inside ``got``."""
    if want is None or got is None:
        return want is None and got is None
    if isinstance(want, tuple):
        return all(_words(part) <= _words(got) for part in want)
    w, g = _words(want), _words(got)
    return bool(w and g) and (w <= g or g <= w)


def record_problems(want: Want, rec: quoteattr.Attribution) -> list[str]:
    problems = []
    speaker = rec.speaker.name if rec.speaker else None
    if not names_match(want.speaker, speaker):
        problems.append(f"speaker {speaker!r}, want {want.speaker!r}")
    if rec.kind not in want.kind.split("|"):
        problems.append(f"kind {rec.kind}, want {want.kind}")
    source = rec.source.name if rec.source else None
    if want.source != ANY and not names_match(want.source, source):
        problems.append(f"source {source!r}, want {want.source!r}")
    return problems


def check(example: Example, records: list[quoteattr.Attribution]) -> list[str]:
    """Why the records fall short of the example (empty: pass); pairs by largest overlap."""
    spans = []
    for want in example.want:
        start = example.text.find(want.quote)
        assert start >= 0, f"{example.id}: {want.quote!r} is not in the text"
        spans.append((start, start + len(want.quote)))
    pairs = sorted(((min(e, r.quote.end) - max(s, r.quote.start), wi, ri)
                    for wi, (s, e) in enumerate(spans) for ri, r in enumerate(records)), reverse=True)
    paired: dict[int, int] = {}
    covered: dict[int, int] = {}
    for overlap, wi, ri in pairs:
        if overlap > 0 and wi not in paired and ri not in paired.values():
            paired[wi], covered[wi] = ri, overlap
    problems = []
    for wi, want in enumerate(example.want):
        if wi not in paired:
            problems.append(f"missing «{_short(want.quote)}»")
            continue
        problems += record_problems(want, records[paired[wi]])
        if covered[wi] < MIN_COVER * len(want.quote):
            problems.append(f"quote covers {covered[wi] / len(want.quote):.0%} of «{_short(want.quote)}»")
    problems += [f"extra «{_short(r.quote.text)}»" for ri, r in enumerate(records) if ri not in paired.values()]
    return problems


def _short(text: str, width: int = 40) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[: width - 1] + "…"


def describe(records: list[quoteattr.Attribution]) -> str:
    if not records:
        return "nothing"
    parts = []
    for r in records:
        source = f" src={r.source.name}" if r.source else ""
        parts.append(f"[{r.kind}] {r.speaker.name if r.speaker else None}: «{_short(r.quote.text)}»{source}")
    return " | ".join(parts)


def main() -> int:
    attributor = quoteattr.Attributor()
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for example in EXAMPLES:
        records = attributor.extract(example.text)
        problems = check(example, records)
        row = example.id[:3]
        total[row] += 1
        passed[row] += not problems
        verdict = "pass" if not problems else "FAIL"
        why = f"   <- {'; '.join(problems)}" if problems else ""
        print(f"{example.id:<6} {verdict}  {example.origin:<6} {describe(records)}{why}")
    print("\n| row | category | examples | pass |\n|---|---|---|---|")
    for row, name in ROWS.items():
        print(f"| {row} | {name} | {total[row]} | {passed[row]} |")
    print(f"| all | | {sum(total.values())} | {sum(passed.values())} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
