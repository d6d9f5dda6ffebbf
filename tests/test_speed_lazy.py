"""Pre-checks and skips of the mention grammar and the article scans (issue 12): each answers
exactly as the plain definition it shortens, and does less work where nothing can match.

Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.mentions import grammar
from quoteattr.mentions.parser import MentionParser
from quoteattr.tokens import KEY, TEXT, tokenize

SENTENCES = [
    "Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế tỉnh Bình Dương, cho biết sẽ kiểm tra lại các bệnh viện.",
    "Theo báo Tuổi Trẻ, hai nữ bác sĩ của Bệnh viện Chợ Rẫy và các chuyên gia WHO đã có mặt từ sáng.",
    "Cả Bộ Y tế lẫn Bộ Tài chính đều chưa trả lời, còn bà này nói rằng 3 người dân đã được hỗ trợ.",
    "Phó Chủ tịch UBND TP Hà Nội Lê Hồng Sơn khẳng định thành phố đã giao nhiệm vụ cho các sở.",
    "những người hàng xóm kể lại rằng vụ cháy xảy ra lúc nửa đêm khi cả khu phố đang ngủ say.",
]



def _every_span(lex, toks, max_tokens: int = 24):
    n = len(toks)
    return [(k, b, grammar.parse_mention(lex, toks, k, b, max_tokens))
            for k in range(n) for b in range(k + 1, min(n, k + max_tokens) + 1)]


@pytest.mark.parametrize("text", SENTENCES)
def test_parse_with_the_start_check_answers_as_the_whole_grammar(lex, text: str, monkeypatch) -> None:
    toks = tokenize(text)
    fast = _every_span(lex, toks)
    monkeypatch.setattr(grammar, "_may_start", lambda lex, tok: True)  # the grammar without the pre-check
    assert fast == _every_span(lex, toks)
    assert any(m is not None for _, _, m in fast)


def test_spans_no_rule_can_start_build_no_mention(lex, monkeypatch) -> None:
    built = []

    class Counting(grammar.MentionBuilder):
        def __init__(self, *args) -> None:
            built.append(args[1:])
            super().__init__(*args)

    monkeypatch.setattr(grammar, "MentionBuilder", Counting)
    toks = tokenize("trời mưa to suốt đêm khiến nước dâng cao ngập đường làng và ruộng lúa ven sông")
    parser = MentionParser(lex)
    assert parser.best_suffix(toks, 0, len(toks)) is None
    assert built == []  # the grammar ran at no start: no word here can open a mention



ORGANISATION_TEXTS = [
    "Bộ Ngoại giao và Sở Công Thương TP HCM vừa công bố, còn hãng xe Toyota chưa trả lời.",
    "Tập đoàn Hòa Phát cho biết công ty chứng khoán SSI đã mua thêm, Đoàn Văn Minh nói.",
    "người dân trong xóm kể rằng nước lũ dâng cao từ chiều, không ai kịp dọn đồ đạc.",
]


def _organisations(lex, text: str):
    from quoteattr.organisations import OrganisationIndex
    from quoteattr.text import NormalizedText

    nt = NormalizedText(text)
    toks = tokenize(nt.text)
    return OrganisationIndex(nt, toks, [(0, len(toks))], MentionParser(lex), lex)._named


class _CountingMatcher:
    """A phrase matcher that counts its match calls and otherwise answers as the one it wraps."""

    def __init__(self, inner) -> None:
        self.inner, self.calls = inner, 0

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def match(self, *args):
        self.calls += 1
        return self.inner.match(*args)


@pytest.mark.parametrize("text", ORGANISATION_TEXTS)
def test_organisation_scan_matches_only_at_words_a_head_or_noun_starts_with(lex, text: str, monkeypatch) -> None:
    fast = _organisations(lex, text)
    # the plain scan: every word may start a head or a kind noun
    monkeypatch.setattr(lex.org_heads, "starts", frozenset(t[TEXT] for t in tokenize(text)))
    monkeypatch.setattr(lex.org_nouns, "starts", frozenset(t[KEY] for t in tokenize(text)))
    assert fast == _organisations(lex, text)


def test_organisation_scan_spends_no_match_on_plain_words(lex, monkeypatch) -> None:
    counting = _CountingMatcher(lex.org_nouns)
    monkeypatch.setattr(lex, "org_nouns", counting)
    _organisations(lex, "trời mưa to suốt đêm khiến nước dâng cao ngập đường làng và ruộng lúa ven sông")
    assert counting.calls == 0


def _may_start_by_definition(lex, tok) -> bool:
    from quoteattr.mentions.model import is_acronym, is_cap

    return (is_cap(tok) or tok[TEXT][:1].isdigit() or tok[KEY] in grammar._GENDER or is_acronym(tok)
            or any(tok[KEY] in m.starts for m in (lex.honorifics, lex.titles, lex.groups, lex.anaphors,
                                                 lex.quantifiers, lex.outlet_prefixes))
            or tok[TEXT] in lex.outlets.starts or tok[TEXT] in lex.places.starts)


def test_the_start_check_asks_is_acronym_only_where_it_can_hold(lex) -> None:
    words = "4GW 3M ĐH iPhone eVTOL 中国 ª Ⅷ ( - & nữ bà các WHO TP.HCM sở 12 x".split() + SENTENCES[1].split()
    toks = [t for w in words for t in tokenize(w)]
    assert [grammar._may_start(lex, t) for t in toks] == [_may_start_by_definition(lex, t) for t in toks]


def test_the_start_check_spends_no_acronym_test_on_lowercase_words(lex, monkeypatch) -> None:
    asked = []
    original = grammar.is_acronym
    monkeypatch.setattr(grammar, "is_acronym", lambda tok: asked.append(tok[TEXT]) or original(tok))
    for tok in tokenize("trời mưa to suốt đêm khiến nước dâng cao ngập đường làng và ruộng lúa ven sông"):
        grammar._may_start(lex, tok)
    assert asked == []


def _index(lex, text: str):
    from quoteattr.organisations import OrganisationIndex
    from quoteattr.text import NormalizedText

    nt = NormalizedText(text)
    toks = tokenize(nt.text)
    return OrganisationIndex(nt, toks, [(0, len(toks))], MentionParser(lex), lex)


@pytest.mark.parametrize("text", ORGANISATION_TEXTS)
def test_organisations_heard_before_the_index_is_built_stand_where_heard_after_would(lex, text: str) -> None:
    heard = [(0, "Vietcombank", None), (12, "Bộ Công an", "ministry"), (12, "Sở Y tế", "department"), (999, "X", None)]
    built_first = _index(lex, text)
    assert built_first._named is not None  # the scan runs before anything is heard
    later = _index(lex, text)
    for pos, name, kind in heard:
        built_first.heard(pos, name, kind)
        later.heard(pos, name, kind)
    assert later._named == built_first._named
    assert [(n.pos, n.name, n.kind) for n in later._named] == [
        (n.pos, n.name, n.kind) for n in built_first._named]  # ties too: _Named compares by pos only
    assert later.latest("any", 13) == built_first.latest("any", 13)


def test_organisation_scan_waits_for_a_description_to_ask(lex, monkeypatch) -> None:
    from quoteattr.organisations import OrganisationIndex

    scanned = []
    original = OrganisationIndex._scan
    monkeypatch.setattr(OrganisationIndex, "_scan", lambda self, *a: scanned.append(a[:2]) or original(self, *a))
    index = _index(lex, ORGANISATION_TEXTS[0])
    index.heard(3, "Vietcombank", None)
    assert scanned == []  # built and heard, never asked: no sentence scanned
    eager = _index(lex, ORGANISATION_TEXTS[0])
    assert eager._named and len(scanned) == 1
    eager.heard(3, "Vietcombank", None)
    for wanted in ("ministry", "department", "company", "any"):
        assert index.latest(wanted, 10**6) == eager.latest(wanted, 10**6)
    assert index.latest("any", 10**6) is not None
    assert len(scanned) == 2  # asked: its one sentence scanned once, not again on the next question
