"""Work bounds of the mention grammar's look-ups (issue 12), and that the faster
look-ups answer exactly as the plain definitions they replace.

Sentences written for these tests."""
from __future__ import annotations

from collections.abc import Sequence

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.mentions.names import holds_cue
from quoteattr.mentions.model import is_cap
from quoteattr.tokens import KEY, TEXT, Token, tokenize
from tests.test_phrase_matcher import find_all_by_definition

SENTENCES = [
    "Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Bình Dương, cho biết sẽ kiểm tra lại các bệnh viện.",
    "Bộ Ngoại giao Trung Quốc hôm qua tuyên bố phản đối, người phát ngôn Uông Văn Bân nói thêm.",
    "Phó Chủ tịch UBND TP Hà Nội Lê Hồng Sơn khẳng định thành phố đã giao nhiệm vụ cho các sở.",
    "Theo bà Trần Thị Mai, trưởng phòng kinh doanh của công ty, giá sẽ còn tăng.",
]



class _Watched(Sequence[Token]):
    """Tokens that remember the highest index read."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks, self.highest = toks, -1

    def __len__(self) -> int:
        return len(self.toks)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):  # a slice reads every index it covers
            assert i.step is None and i.start is not None and i.stop is not None
            self.highest = max(self.highest, min(i.stop, len(self.toks)) - 1)
            return self.toks[i]
        assert isinstance(i, int)
        self.highest = max(self.highest, i)
        return self.toks[i]


def _holds_cue_by_definition(lex, toks, i, j, stop=None) -> bool:
    for k, _, entry in lex.cues.find_all(toks, max(0, i - 2), stop if stop is not None else j):
        if i <= k < j and entry.cls != "block" and not is_cap(toks[k]):
            return True
    return False


@pytest.mark.parametrize("text", SENTENCES)
def test_holds_cue_answers_as_its_definition(lex, text: str) -> None:
    toks = tokenize(text)
    n = len(toks)
    for i in range(n):
        for j in range(i, min(n, i + 6) + 1):
            for stop in (None, j, min(n, j + 3), n):
                assert holds_cue(lex, toks, i, j, stop) == _holds_cue_by_definition(lex, toks, i, j, stop)


def test_holds_cue_reads_no_further_than_the_longest_cue_from_the_token_asked_about(lex) -> None:
    # a title chain asks "does a cue start at this word?" with the window's end as the limit:
    # the answer may not cost a walk to the end of the window
    toks = _Watched(tokenize(SENTENCES[0] + " " + SENTENCES[2]))
    holds_cue(lex, toks, 3, 4, len(toks))
    assert toks.highest < 4 + lex.cues.max_len


TITLE_CHAINS = [
    "Chủ tịch ủy ban nhân dân xã cho biết đã yêu cầu các hộ dân di dời ngay trong đêm nay để tránh lũ.",
    "Phó Chủ tịch UBND TP Hà Nội Lê Hồng Sơn khẳng định thành phố đã giao nhiệm vụ cho các sở.",
    "Giáo sư Zhang Xin của Trung tâm nghiên cứu chính sách cho rằng lãi suất sẽ giảm.",
    "Bộ trưởng Ngoại giao Trung Quốc Vương Nghị nói với báo giới rằng hai bên sẽ gặp lại.",
    "Tư lệnh Phái bộ UNISFA Benjamin Olufemi Sawyerr cho biết lực lượng đã rút khỏi khu vực.",
]


def _registry(lex, text: str):
    from quoteattr.entities import EntityRegistry
    from quoteattr.mentions import MentionParser
    from quoteattr.text import NormalizedText

    nt = NormalizedText(text)
    toks = tokenize(nt.text)
    return EntityRegistry(nt, toks, [(0, len(toks))], MentionParser(lex), lex), toks


def _titled_person_by_definition(registry, toks, i: int, hi: int):
    """Every prefix of the chain tried, as the registry did before it skipped the nameless ones."""
    parser = registry.parser
    fallback = None
    for b in range(i + 1, min(hi, i + parser.max_tokens) + 1):
        m = parser.parse(toks, i, b)
        if m is None or m.name is None or m.title is None:
            continue
        if m.kind == "person":
            end = b + parser.name_run(toks, b, hi)
            if end > b:
                longer = parser.parse(toks, i, end)
                if longer is not None and longer.kind == "person" and longer.name is not None:
                    return longer
            return m
        if m.kind == "title" and m.name is not None and fallback is None:
            fallback = m
    return fallback


@pytest.mark.parametrize("text", TITLE_CHAINS)
def test_titled_person_answers_as_trying_every_prefix(lex, text: str) -> None:
    registry, toks = _registry(lex, text)
    for i in range(len(toks)):
        if lex.titles.match(toks, i, len(toks)):
            assert registry.scanner.titled_person(toks, i, len(toks)) == _titled_person_by_definition(
                registry, toks, i, len(toks))


def test_a_title_with_no_name_is_not_parsed_at_every_prefix(lex) -> None:
    # "Chủ tịch ủy ban nhân dân xã cho biết …": no capitalised word after the title, so no
    # prefix of the chain can end in a name; only the title word itself is worth a parse
    registry, toks = _registry(lex, TITLE_CHAINS[0])
    calls = []
    parse = registry.parser.parse
    registry.parser.parse = lambda t, k, b: calls.append(b) or parse(t, k, b)
    assert registry.scanner.titled_person(toks, 0, len(toks)) is None
    capitalised = sum(1 for t in toks[:registry.parser.max_tokens] if is_cap(t))
    assert len(calls) <= capitalised


def _opening_person_by_definition(parser, toks, k: int, b: int):
    for p in range(min(b, k + parser.max_tokens), k, -1):
        m = parser.parse(toks, k, p)
        if m is not None and m.kind == "person" and m.name is not None and (
                m.certain or m.title is not None or m.name[0] > m.start):
            return m
    return None


@pytest.mark.parametrize("text", SENTENCES + TITLE_CHAINS)
def test_opening_person_answers_as_trying_every_end(lex, text: str) -> None:
    from quoteattr.mentions import MentionParser
    from quoteattr.mentions.appositives import _opening_person

    parser, toks = MentionParser(lex), tokenize(text)
    for k in range(len(toks)):
        for b in range(k + 1, min(len(toks), k + 30) + 1, 3):
            assert _opening_person(parser, toks, k, b) == _opening_person_by_definition(parser, toks, k, b)


def test_a_chunk_with_no_name_is_not_parsed_at_every_end(lex) -> None:
    # "…, một người dân sống gần bờ sông nhiều năm nay cho biết": no capitalised word, so no
    # end of the chunk can close a person's name; none is worth a parse
    from quoteattr.mentions import MentionParser
    from quoteattr.mentions.appositives import _opening_person

    parser = MentionParser(lex)
    toks = tokenize("một người dân sống gần bờ sông nhiều năm nay cho biết")
    calls = []
    parse = parser.parse
    parser.parse = lambda t, k, b: calls.append(b) or parse(t, k, b)  # type: ignore[method-assign]
    assert _opening_person(parser, toks, 0, len(toks) - 2) is None
    assert calls == []


def test_a_title_chain_is_not_parsed_past_a_comma(lex) -> None:
    # the chain cannot walk past the comma, so the capitalised words after it end no name of it
    text = "Phó giám đốc Sở Y tế, Bệnh viện Chợ Rẫy và Viện Pasteur TP HCM cùng Trung tâm Kiểm soát cho biết."
    registry, toks = _registry(lex, text)
    comma = next(k for k, t in enumerate(toks) if t[TEXT] == ",")
    calls = []
    parse = registry.parser.parse
    registry.parser.parse = lambda t, k, b: calls.append(b) or parse(t, k, b)
    registry.scanner.titled_person(toks, 0, len(toks))
    assert max(calls, default=0) <= comma
    # the chain's ends stop at the comma; the ends before it name nobody, so none is parsed either
    from quoteattr.mentions.titles import name_ends
    assert 0 < max(name_ends(lex, toks, 0, len(toks))) <= comma


def test_a_title_holding_a_comma_still_reaches_its_name() -> None:
    # a user's lexicon may hold a title written with a comma: the chain walks past it, so must the search
    lex = Lexicon.default().extended(titles=["Giám đốc, kiêm Tổng biên tập"]).compile()
    text = "Giám đốc, kiêm Tổng biên tập Nguyễn Văn An cho biết tờ báo sẽ ra số đặc biệt."
    registry, toks = _registry(lex, text)
    found = registry.scanner.titled_person(toks, 0, len(toks))
    assert found == _titled_person_by_definition(registry, toks, 0, len(toks))
    assert found is not None and text[found.name[0]:found.name[1]] == "Nguyễn Văn An"


def test_the_ends_of_a_title_chain_are_found_as_asked(lex) -> None:
    # the registry stops at the first name it finds: the ends after it are not worth a look
    from quoteattr.mentions.titles import name_ends

    toks = _Watched(tokenize("Bộ trưởng Trương Quang Nghĩa " + "và các chuyên gia đi thăm công trình " * 3))
    from itertools import islice

    assert list(islice(name_ends(lex, toks, 0, len(toks)), 2)) == [1, 3]  # "Bộ", "Bộ trưởng Trương"
    assert toks.highest <= 2


def test_the_registry_matches_titles_and_honorifics_only_at_words_they_hold(lex) -> None:
    # a word no honorific or title phrase holds starts none: no matcher call is spent on it
    sentence = "Nhiều hộ dân ven sông đã dọn đồ lên gác từ chiều qua để tránh lũ."
    registry, toks = _registry(lex, sentence)
    calls = []
    for name in ("honorifics", "titles"):
        matcher = getattr(lex, name)
        calls_of = matcher.match

        def spy(t, i, stop=None, _m=calls_of, _w=matcher.words):
            calls.append(t[i][KEY] in _w)
            return _m(t, i, stop)
        matcher.match = spy
    try:
        registry.scanner.scan(toks, 0, len(toks), lambda *name, **more: None)
    finally:
        for name in ("honorifics", "titles"):
            del getattr(lex, name).match
    assert all(calls)


def _match_ending_by_definition(matcher, toks, end: int, start: int = 0):
    for n in range(min(matcher.max_len, end - start), 0, -1):
        m = matcher.match(toks, end - n, end)
        if m is not None and m[0] == n:
            return m
    return None


@pytest.mark.parametrize("text", SENTENCES + TITLE_CHAINS)
def test_match_ending_answers_as_matching_every_length(lex, text: str) -> None:
    toks = tokenize(text)
    for name in ("titles", "honorifics", "demonstratives", "places", "org_heads", "connectives", "place_prefixes"):
        matcher = getattr(lex, name)
        for end in range(len(toks) + 1):
            for start in (0, max(0, end - 2), end):
                assert matcher.match_ending(toks, end, start) == _match_ending_by_definition(matcher, toks, end, start)


def test_match_ending_walks_once(lex) -> None:
    # one walk leftwards from the end, not one forward match per possible length
    toks = tokenize("Phó Chủ tịch UBND tỉnh Bình Dương")
    calls = []
    match = lex.titles.match
    lex.titles.match = lambda *a: calls.append(a) or match(*a)
    try:
        assert lex.titles.match_ending(toks, len(toks)) is None
    finally:
        del lex.titles.match
    assert calls == []


@pytest.mark.parametrize("text", SENTENCES + TITLE_CHAINS)
def test_find_all_answers_as_matching_at_every_token(lex, text: str) -> None:
    toks = tokenize(text)
    for name in ("cues", "clause_markers", "question_words", "places", "titles"):
        matcher = getattr(lex, name)
        for start in range(0, len(toks), 4):
            for stop in (None, min(len(toks), start + 5)):
                assert matcher.find_all(toks, start, stop) == find_all_by_definition(matcher.match, toks, start, stop)


def test_cue_look_ups_skip_words_no_cue_starts_with(lex) -> None:
    toks = tokenize("Các hộ dân ven sông đã dọn đồ lên gác từ chiều qua để tránh lũ.")
    calls = []
    match = lex.cues.match
    lex.cues.match = lambda t, i, stop=None: calls.append(t[i][KEY]) or match(t, i, stop)
    try:
        lex.cues.find_all(toks)
        holds_cue(lex, toks, 0, len(toks))
    finally:
        del lex.cues.match
    assert all(k in lex.cues.words for k in calls)


@pytest.mark.parametrize("text", SENTENCES + TITLE_CHAINS)
def test_unit_answers_as_the_match(lex, text: str) -> None:
    from quoteattr.mentions.names import unit

    toks = tokenize(text)
    for name in ("titles", "honorifics", "places", "org_heads", "outlets", "quantifiers", "groups"):
        matcher = getattr(lex, name)
        for i in range(len(toks)):
            for b in (i, i + 1, min(len(toks), i + 4), len(toks)):
                m = matcher.match(toks, i, b)
                assert unit(toks, i, b, matcher) == (m[0] if m else 0)


def test_unit_spends_no_match_on_a_word_the_lexicon_lacks(lex) -> None:
    from quoteattr.mentions.names import unit

    toks = tokenize("dọn đồ lên gác")
    calls = []
    match = lex.titles.match
    lex.titles.match = lambda *a: calls.append(a) or match(*a)
    try:
        assert [unit(toks, i, len(toks), lex.titles) for i in range(len(toks))] == [0, 0, 0, 0]
    finally:
        del lex.titles.match
    assert calls == []
