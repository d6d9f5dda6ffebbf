"""The subject search's shortcuts (issue 12) skip only parses that give ``None``, so each
search answers as the plain loop over every start or end.  Sentences written for these
tests, and random runs of lexicon words, capitals and marks."""
from __future__ import annotations

import random

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.mentions import MentionParser
from quoteattr.mentions import grammar
from quoteattr.mentions.grammar import no_mention_across
from quoteattr.tokens import TEXT, is_word, tokenize

SENTENCES = [
    "Giám đốc Sở Y tế tỉnh Long An Trần Văn Bình đã ký quyết định đình chỉ hai bác sĩ vì sai phạm.",
    "Các chuyên gia kinh tế này đều cho rằng giá vàng sẽ còn tăng mạnh trong quý tới.",
    "Ông Lê Minh Tuấn và bà Phạm Thu Hà cũng muốn được gặp lại những người bạn cũ.",
    "Công ty cổ phần Sao Mai vẫn chưa nộp báo cáo tài chính, một cán bộ thuế phải nhắc lại.",
    "Nhiều người dân ở phường Tân Định đang chờ được đền bù, cả ông Hải lẫn chị Hoa đều nói vậy.",
]

# words of every shape the grammar reads: predicate words, phrase words, capitals, marks
_POOL = ("đã đang sẽ cũng vẫn chưa được phải cần thì đều là không bị và lẫn cùng cả của tại "
         "ông bà chị anh giám đốc bộ trưởng phó chủ tịch chuyên gia người dân các những một hai này đó ấy "
         "nữ nam báo hãng tin công ty nói ký gửi đơn lên nhà van de "
         "Nguyễn Văn Trần Thị Hùng Mai Bộ Y tế Sở UBND TP Hà Nội Long An WHO VnExpress Tuổi Trẻ "
         ", ( ) \" . 30 2017").split()


@pytest.fixture(scope="module")
def parser() -> MentionParser:
    return MentionParser(Lexicon.default().compile())


def _token_runs(n_random: int) -> list:
    rng = random.Random(12)
    texts = SENTENCES + [" ".join(rng.choice(_POOL) for _ in range(rng.randint(4, 18))) for _ in range(n_random)]
    return [tokenize(t) for t in texts]


def _best_suffix_by_definition(parser: MentionParser, toks, a: int, b: int):
    for k in range(max(a, b - parser.max_tokens), b):
        if toks[k][TEXT] in ("(", ")") or not is_word(toks[k]):
            continue
        m = parser.parse(toks, k, b)
        if m is not None:
            return m
    return None


def test_no_mention_holds_a_word_no_mention_runs_across(parser: MentionParser) -> None:
    barriers = 0
    for toks in _token_runs(150):
        n = len(toks)
        for q in range(n):
            if not no_mention_across(parser.lex, toks, q):
                continue
            barriers += 1
            for k in range(max(0, q - parser.max_tokens), q):
                for b in range(q + 2, min(n, k + parser.max_tokens) + 1):
                    assert parser.parse(toks, k, b) is None, (" ".join(t[TEXT] for t in toks[k:b]))
    assert barriers > 50  # the runs hold such words, so spans across them were parsed


def test_best_suffix_answers_as_trying_every_start(parser: MentionParser) -> None:
    found = 0
    for toks in _token_runs(60):
        n = len(toks)
        for b in range(1, n + 1):
            for a in range(b):
                m = parser.best_suffix(toks, a, b)
                assert m == _best_suffix_by_definition(parser, toks, a, b)
                found += m is not None
    assert found


def test_end_bound_leaves_out_only_ends_that_parse_to_nothing(parser: MentionParser) -> None:
    for toks in _token_runs(60):
        n = len(toks)
        for k in range(n):
            stop = min(n, k + parser.max_tokens)
            bound = parser.end_bound(toks, k, stop)
            assert k < bound <= stop or stop <= k
            assert all(parser.parse(toks, k, b) is None for b in range(bound + 1, stop + 1))


def test_a_mention_before_a_predicate_is_not_tried_as_the_tail(parser: MentionParser) -> None:
    # "… Trần Văn Bình đã ký quyết định": no mention runs across "đã" before the lowercase
    # "ký", so no start left of it can give a tail ending after it: those are not parsed
    toks = tokenize(SENTENCES[0])
    b = next(i for i, t in enumerate(toks) if t[TEXT] == "đình")
    calls = []
    parse = parser.parse
    parser.parse = lambda t, k, e: calls.append(k) or parse(t, k, e)  # type: ignore[method-assign]
    try:
        assert parser.best_suffix(toks, 0, b) == _best_suffix_by_definition(parser, toks, 0, b)
        calls.clear()
        parser.best_suffix(toks, 0, b)
    finally:
        del parser.parse
    da = next(i for i, t in enumerate(toks) if t[TEXT] == "đã")
    # and none after it either: "ký quyết định" are lowercase words no mention starts with
    # (parse_mention's own first test, asked before the parse)
    assert all(k > da for k in calls) and not any(grammar._may_start(parser.lex, toks[k]) for k in range(da + 1, b))
    assert calls == []
    # where words after it can open a mention, those are asked, and still nothing left of "đã"
    toks = tokenize(SENTENCES[0].replace("vì sai phạm.", "của Bệnh viện Chợ Rẫy"))
    calls.clear()
    parser.parse = lambda t, k, e: calls.append(k) or parse(t, k, e)  # type: ignore[method-assign]
    try:
        assert parser.best_suffix(toks, 0, len(toks)) == _best_suffix_by_definition(parser, toks, 0, len(toks))
        calls.clear()
        parser.best_suffix(toks, 0, len(toks))
    finally:
        del parser.parse
    assert calls and min(calls) > da


def test_parse_answers_as_the_grammar_when_token_runs_alternate(parser: MentionParser) -> None:
    # the memo belongs to one token run: asking about another in between gives no stale answer
    from quoteattr.mentions.grammar import parse_mention

    runs = _token_runs(10)
    for k in range(12):
        for b in range(k + 1, 14):
            for toks in runs + runs[::-1]:
                if b <= len(toks):
                    assert parser.parse(toks, k, b) == parse_mention(parser.lex, toks, k, b, parser.max_tokens)


def test_a_span_asked_about_twice_is_parsed_once(parser: MentionParser, monkeypatch) -> None:
    # the appositive chain, the subject search and the registry ask about the same spans
    import quoteattr.mentions.parser as parser_module

    calls = []
    grammar = parser_module.parse_mention
    monkeypatch.setattr(parser_module, "parse_mention", lambda *a: calls.append(a[2:4]) or grammar(*a))
    toks = tokenize(SENTENCES[0])
    first = [parser.parse(toks, 0, b) for b in range(1, 12)]
    assert [parser.parse(toks, 0, b) for b in range(1, 12)] == first
    assert len(calls) == 11
    assert any(m is not None for m in first)


def test_the_parse_memo_stays_bounded_on_an_endless_run(parser: MentionParser) -> None:
    import quoteattr.mentions.parser as parser_module

    toks = tokenize(" ".join(SENTENCES * 60))
    for k in range(len(toks)):
        for b in range(k + 1, min(len(toks), k + 12) + 1):
            parser.parse(toks, k, b)
    assert len(parser._memo[1]) <= parser_module._MEMO_SIZE


class _EveryWord:
    """A word set that holds every word: a look-up guarded by it is never skipped."""

    def __contains__(self, word: object) -> bool:
        return True


def test_outlet_answers_as_without_its_last_word_test(parser: MentionParser, monkeypatch) -> None:
    from quoteattr.mentions import grammar
    from quoteattr.mentions.model import MentionBuilder

    lex = parser.lex
    runs = _token_runs(60) + [tokenize("Theo báo Tuổi Trẻ và hãng tin AFP, phóng viên Nguyễn Hùng của VnExpress nói")]
    spans = [(toks, k, b) for toks in runs for k in range(len(toks)) for b in range(k + 1, len(toks) + 1)]
    fast = [grammar._outlet(lex, t, k, b, MentionBuilder(t, k, b), b, 24) for t, k, b in spans]
    monkeypatch.setattr(lex.outlets, "words", _EveryWord())
    assert fast == [grammar._outlet(lex, t, k, b, MentionBuilder(t, k, b), b, 24) for t, k, b in spans]
    assert any(m is not None for m in fast)


def test_a_span_no_outlet_can_end_costs_no_outlet_look_up(parser: MentionParser, monkeypatch) -> None:
    # "Bộ Ngoại giao" has no outlet prefix and ends on no outlet's word: no outlet is looked up
    from quoteattr.mentions import grammar

    looked = []
    unit = grammar.unit
    def watched(t, i, b, m):
        if m is parser.lex.outlets:
            looked.append(i)
        return unit(t, i, b, m)

    monkeypatch.setattr(grammar, "unit", watched)
    toks = tokenize("Bộ Ngoại giao")
    assert grammar.parse_mention(parser.lex, toks, 0, len(toks), 24) is not None
    assert looked == []


@pytest.mark.parametrize("window_chars", [None, 200])
def test_an_article_done_leaves_no_tokens_in_the_parse_memo(window_chars, monkeypatch) -> None:
    # the memo holds its token sequence: kept past the article (or window), it would keep it alive
    import quoteattr
    from quoteattr.sieve import windows

    if window_chars is not None:  # read the article in windows of paragraphs, as a long one is
        monkeypatch.setattr(windows, "WINDOW_CHARS", window_chars)
        monkeypatch.setattr(windows, "needs_windows", lambda paragraphs: True)
        monkeypatch.setattr("quoteattr.pipeline.needs_windows", lambda paragraphs: True)
    att = quoteattr.Attributor()
    records = att.extract("\n".join(SENTENCES[:2] * 4))
    assert records
    assert att._parser._memo[0] is None
