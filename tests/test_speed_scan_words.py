"""The name scan's one pass of word tests (issue 12) visits the tokens the two tests did, and a
token it visits only as the age word adds nothing.  Sentences written for these tests."""
from __future__ import annotations

from quoteattr.name_scan import NameScanner, _AGE_SPELLINGS, _scan_words
from quoteattr.mentions import MentionParser
from tests.test_speed_registry import SENTENCES, TITLED
from tests.test_speed_scan import AGED, NOT_AGED, _opens_by_definition
from tests.test_speed_work import _registry
from quoteattr.tokens import KEY, TEXT

LOWER_AGE = ["Bà Lê Thị Mai, 61 tuổi, nói tuổi già không ngăn bà; cháu Minh (9 tuổi) thì vẫn đi học."]


def test_the_scan_words_are_the_opening_words_and_the_age_word(lex) -> None:
    words = _scan_words(lex)
    seen = aged = 0
    for text in SENTENCES + TITLED + AGED + NOT_AGED + LOWER_AGE:
        _, toks = _registry(lex, text)
        for tok in toks:
            assert words[tok[TEXT]] == (_opens_by_definition(lex, tok) or tok[KEY] == "tuổi"), tok[TEXT]
            seen += words[tok[TEXT]]
            aged += tok[TEXT] in _AGE_SPELLINGS
    assert seen and aged


def test_a_lowercase_age_word_adds_no_name_and_moves_on_by_one(lex) -> None:
    scanner = NameScanner(lex, MentionParser(lex))
    for text in AGED + NOT_AGED + LOWER_AGE:
        _, toks = _registry(lex, text)
        ages = [i for i, t in enumerate(toks) if t[TEXT] in _AGE_SPELLINGS]
        for i in ages:
            if not _opens_by_definition(lex, toks[i]):
                added: list = []
                assert scanner._name_at(toks, i, 0, len(toks), lambda *a, **k: added.append(a), ages,
                                        {q - d for q in ages for d in (3, 4, 5)}) == i + 1
                assert not added


# runs of capitals after a title: a whole name, a particle inside ("bin"), a place then a name,
# "Theo" ending a run, a title with no name, a run at the sentence's end
RUNS = [
    "Bộ trưởng Trương Quang Nghĩa đã nghe báo cáo, còn Quốc vương Salman bin Abdulaziz Al-Saud thì không.",
    "Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung cho biết Tổng thống Mỹ Joe Biden sẽ đến vào tuần sau.",
    "PGS Đinh Ngọc Bảo Theo ông, Giám đốc Sở Y tế Hà Nội nói hôm qua với Thủ tướng Phạm Minh Chính",
    "Trưởng khoa Ngoại A, Bệnh viện K cho rằng nhà ngoại giao hàng đầu Trung Quốc Dương Khiết Trì đúng.",
]


def test_titled_person_answers_as_parsing_every_prefix_over_runs_of_capitals(lex) -> None:
    from tests.test_speed_work import _titled_person_by_definition

    found = 0
    for text in RUNS:
        registry, toks = _registry(lex, text)
        for i in range(len(toks)):
            if lex.titles.match(toks, i, len(toks)):
                got = registry.scanner.titled_person(toks, i, len(toks))
                assert got == _titled_person_by_definition(registry, toks, i, len(toks)), (text, i)
                found += got is not None and got.kind == "person"
    assert found >= 5


def test_a_titled_name_is_parsed_once_to_the_end_of_its_run(lex) -> None:
    # "Bộ trưởng Trương Quang Nghĩa": the chain to "Nghĩa" is the person, not "Trương", "Trương Quang"
    registry, toks = _registry(lex, RUNS[0])
    calls: list[int] = []
    parse = registry.parser.parse
    registry.parser.parse = lambda t, k, b: calls.append(b) or parse(t, k, b)
    registry.parser.forget()
    found = registry.scanner.titled_person(toks, 0, len(toks))
    assert found is not None and found.kind == "person" and found.tok_end == 5
    assert calls == [5]


# lowercase words after a caption label, a house number, a street word, and title words that open no title
LOWERCASE = ["Ảnh: người dân đứng xem ở số 12 nhà văn hóa, phố hàng bạc; nhà báo và người phát ngôn nói vậy."]


def test_a_lowercase_word_that_opens_no_honorific_or_title_adds_nothing(lex) -> None:
    scanner = NameScanner(lex, MentionParser(lex))
    asked = 0
    for text in LOWERCASE + SENTENCES + TITLED:
        _, toks = _registry(lex, text)
        for i, tok in enumerate(toks):
            if tok[TEXT][:1].isupper() or tok[TEXT] in lex.family_names or (
                    lex.honorifics.match(toks, i, len(toks)) or lex.titles.match(toks, i, len(toks))):
                continue
            added: list = []
            assert scanner._name_at(toks, i, 0, len(toks), lambda *a, **k: added.append(a), [], ()) == i + 1
            assert not added
            asked += 1
    assert asked
