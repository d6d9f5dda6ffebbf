"""Work bounds of the entity registry's scan (issue 12): it spends no look-up on the words
that cannot open a name, and answers as the plain definitions of what it skips.

Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.mentions import MentionParser
from quoteattr.text import NormalizedText
from quoteattr.tokens import KEY, START, TEXT, tokenize
from tests.test_speed_work import _registry, _titled_person_by_definition  # one oracle: every prefix parsed

SENTENCES = [
    "Ảnh: Lê Văn Tâm. Người dân ở số 282 Nguyễn Huy Tưởng cho biết nước đã rút từ chiều qua.",
    "Theo ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Bình Dương, các bệnh viện sẽ được kiểm tra lại.",
    "Bộ trưởng Ngoại giao Trung Quốc Vương Nghị nói với báo giới rằng hai bên sẽ gặp lại vào tháng sau.",
    "Tư lệnh Phái bộ UNISFA Benjamin Olufemi Sawyerr cho biết lực lượng đã rút khỏi khu vực biên giới.",
    "Nhiều hộ dân ven sông đã dọn đồ lên gác từ chiều qua để tránh lũ, chị Hoa kể, còn anh Tuấn thì ở lại.",
]



def _opens_something(lex, tok) -> bool:
    """What a scanned token needs to add a name: a capital, a family name, or the first
    word of an honorific or a title."""
    return (tok[TEXT][:1].isupper() or tok[TEXT] in lex.family_names
            or lex.honorifics.match([tok], 0) is not None or tok[KEY] in lex.titles.starts)


def test_the_scan_tries_streets_only_at_words_that_can_open_a_name(lex) -> None:
    # most words of a sentence are lowercase and start no honorific or title: the scan has
    # nothing to add there, and spends no street, caption or name look-up on them
    asked = []
    for text in SENTENCES:
        registry, toks = _registry(lex, text)
        street_at = registry.scanner.street_at
        registry.scanner.street_at = lambda t, i, lo, _s=street_at: asked.append(t[i]) or _s(t, i, lo)  # type: ignore
        registry.scanner.scan(toks, 0, len(toks), lambda *name, **more: None)
    assert asked and all(_opens_something(lex, tok) for tok in asked)


TITLED = SENTENCES + [
    "Thủ tướng Han Duck-soo nói chính phủ sẽ hỗ trợ các doanh nghiệp nhỏ.",
    "Đại sứ Lê Thị Thu Hằng cho biết hai nước đã ký thỏa thuận về lao động.",
    "HLV Park Hang-seo và trợ lý Lee Young-jin đến sân từ sớm.",
    "Giáo sư Zhang Xin của Viện nghiên cứu chính sách đã nhận định với Reuters rằng Bắc Kinh sẽ chờ.",
    "Một nữ bác sĩ của Bệnh viện Bạch Mai không muốn nêu tên cho biết ca bệnh đã ổn định.",
]


@pytest.mark.parametrize("text", TITLED)
def test_titled_person_answers_as_parsing_every_prefix(lex, text: str) -> None:
    registry, toks = _registry(lex, text)
    for i in range(len(toks)):
        if lex.titles.match(toks, i, len(toks)):
            assert registry.scanner.titled_person(toks, i, len(toks)) == _titled_person_by_definition(
                registry, toks, i, len(toks))


def test_the_first_word_of_a_title_alone_is_not_parsed(lex) -> None:
    # "Thủ" of "Thủ tướng Han Duck-soo" is capitalised, so a name could end there, but one
    # token holds no title and name both: the chain is first parsed with a word after it
    registry, toks = _registry(lex, TITLED[-3])
    ends = []
    parse = registry.parser.parse
    registry.parser.parse = lambda t, k, b: ends.append(b - k) or parse(t, k, b)  # type: ignore[method-assign]
    found = registry.scanner.titled_person(toks, 0, len(toks))
    assert found is not None and found.kind == "person"
    assert ends and 1 not in ends


def test_a_title_chain_is_not_parsed_past_a_predicate_word(lex) -> None:
    # "đã" ends every chain that walks to it, and no title, place or name holds it: the
    # capitalised words after it end no name of the chain
    text = "Giám đốc Sở Y tế đã yêu cầu Bệnh viện Đa khoa Trung ương Cần Thơ báo cáo trước thứ Sáu."
    registry, toks = _registry(lex, text)
    verb = next(k for k, t in enumerate(toks) if t[KEY] == "đã")
    ends = []
    parse = registry.parser.parse
    registry.parser.parse = lambda t, k, b: ends.append(b) or parse(t, k, b)  # type: ignore[method-assign]
    found = registry.scanner.titled_person(toks, 0, len(toks))
    registry.parser.parse = parse  # type: ignore[method-assign]
    assert found == _titled_person_by_definition(registry, toks, 0, len(toks))
    assert max(ends, default=0) <= verb
    # the chain's ends stop at the verb; the ends before it name nobody, so none is parsed either
    from quoteattr.mentions.titles import name_ends
    assert 0 < max(name_ends(lex, toks, 0, len(toks))) <= verb


@pytest.mark.parametrize("text", SENTENCES + TITLED + [
    "Tổng thống Mỹ và Thủ tướng Anh đã gặp Ngoại trưởng Nga Sergei Lavrov tại Hà Nội hôm qua.",
    "Phó Chủ tịch UBND tỉnh Khánh Hòa Lê Hữu Hoàng và ông Trần Văn An, Giám đốc Sở Y tế, cho biết.",
    "Giám đốc Trung tâm pháp y của Bệnh viện K Nguyễn Văn Nam và Luật sư Ludwig van Beethoven đến.",
    "Chuyên gia Zhang Xin của Viện Brookings, PGS.TS Trần Văn Thuấn và bà Lan thuộc Bộ Y tế nói.",
])
def test_the_chain_name_test_skips_no_end_that_names(lex, text: str) -> None:
    # the registry parses only the ends ChainNameTest lets through: every end whose chain gives
    # a name (a person, once a doubtful name was found) must be among them
    from quoteattr.mentions.chain_names import ChainNameTest
    from quoteattr.mentions.titles import name_ends

    registry, toks = _registry(lex, text)
    parser, skipped = registry.parser, 0
    for r in range(len(toks)):
        for b in name_ends(lex, toks, r, min(len(toks), r + parser.max_tokens)):
            m = parser.parse(toks, r, b)
            named = m is not None and m.name is not None and m.title is not None
            for person in (False, True):
                passed = ChainNameTest(lex, toks, r).may_name(b, person)
                assert passed or not (named and (m.kind == "person" or not person)), (r, b, person)
                skipped += not passed
    assert skipped


def test_a_title_before_a_place_is_not_parsed(lex) -> None:
    # "Tổng thống Mỹ": a one-word place ends the chain, no name: that end is not worth a parse
    registry, toks = _registry(lex, "Tổng thống Mỹ nói rằng hai bên sẽ gặp lại.")
    ends = []
    parse = registry.parser.parse
    registry.parser.parse = lambda t, k, b: ends.append(b) or parse(t, k, b)  # type: ignore[method-assign]
    assert registry.scanner.titled_person(toks, 0, len(toks)) is None
    assert ends == []


@pytest.mark.parametrize("text", TITLED)
def test_the_ends_of_a_chain_hold_every_end_a_name_is_parsed_at(lex, text: str) -> None:
    from quoteattr.mentions.titles import name_ends

    registry, toks = _registry(lex, text)
    parser = registry.parser
    for r in range(len(toks)):
        ends = set(name_ends(lex, toks, r, min(len(toks), r + parser.max_tokens)))
        for b in range(r + 1, min(len(toks), r + parser.max_tokens) + 1):
            m = parser.parse(toks, r, b)
            if m is not None and m.kind in ("person", "title") and m.name is not None:
                assert b in ends, (r, b)


def test_the_organisation_scan_visits_only_words_a_head_or_kind_noun_starts_with(lex, monkeypatch) -> None:
    # a plain lowercase word starts no organisation head or kind noun: the scan asks nothing of it
    import quoteattr.organisations as organisations
    from quoteattr.organisations import OrganisationIndex

    text = "trời mưa to suốt đêm khiến nước dâng cao ngập đường làng, Bộ Nội vụ vừa có văn bản."
    nt = NormalizedText(text)
    toks = tokenize(nt.text)
    asked = []
    monkeypatch.setattr(organisations, "is_cap", lambda t, _c=organisations.is_cap: asked.append(t) or _c(t))
    index = OrganisationIndex(nt, toks, [(0, len(toks))], MentionParser(lex), lex)
    assert [n.name for n in index._named] == ["Bộ Nội vụ"]
    comma = next(t for t in toks if t[TEXT] == ",")
    assert asked and all(t[START] > comma[START] for t in asked)  # nothing asked of the plain clause


class _Counted(list):
    """Tokens that count the ones read one at a time (a slice is read in one go)."""

    reads = 0

    def __getitem__(self, i):
        if not isinstance(i, slice):
            self.reads += 1
        return super().__getitem__(i)


@pytest.mark.parametrize("text", [
    "Nhiều hộ dân ven sông đã dọn đồ lên gác từ chiều qua để tránh lũ và chờ nước rút hẳn.",
    "Ông Nguyễn Văn Hùng nói với Tuổi Trẻ rằng câu hỏi trên cần được trả lời sớm.",
])
def test_the_channel_search_reads_only_the_words_a_channel_hangs_on(lex, text: str) -> None:
    from quoteattr.sources import OutletFinder

    nt = NormalizedText(text)
    toks = _Counted(tokenize(nt.text))
    finder = OutletFinder(nt, lex)
    found = finder.statement_source(toks, 0, len(toks), 0)
    plain = list(toks)
    assert (found is not None and found.name) == ("Tuổi Trẻ" in text and "Tuổi Trẻ")
    hooks = sum(t[KEY] in ("với", "vấn", "của", "lời", "đến", "tới", "trên", "lên", "trong", "câu") for t in plain)
    assert toks.reads <= 12 * hooks + 2  # each hook reads its neighbours, not the whole sentence
