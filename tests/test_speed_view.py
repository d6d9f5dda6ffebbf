"""One-pass and lazy forms of the article view's per-sentence work (issue 12): each answers as the
plain per-sentence definition it replaces, on articles written for these tests."""
from __future__ import annotations

import pytest

from quoteattr import Attributor
from quoteattr.sieve import order, pull_quote
from quoteattr.sieve.view import OPEN_MARKS, ArticleView
from quoteattr.tokens import KEY

ARTICLES = [
    "Chị Đào Thu Hà bắt đầu chạy bộ từ năm 2019.\n"
    "Tôi chưa bao giờ nghĩ mình sẽ chạy lại được. Nhưng rồi chúng tôi đã làm được điều đó.\n"
    "Chị Đào Thu Hà, vận động viên marathon\n"
    "Mình chỉ “muốn thử” một lần thôi.\n"
    "Chúng tôi sẽ quay lại ‘đường chạy’ vào mùa thu!\n"
    "Năm nay chị sẽ tham gia giải chạy ở Huế, chị nói với báo Tuổi Trẻ.",
    "Trả lời phỏng vấn của VnExpress, ông Lê Văn Nam cho biết dự án sẽ hoàn thành trong năm nay. "
    "Phóng viên báo Lao Động đã hỏi về tiến độ. Trả lời câu hỏi trên, bà Hoa nói công trình chậm 2 tháng.\n"
    "Chia sẻ trên mạng xã hội Facebook, anh Tùng viết: \"Tôi rất vui\". Trong bài báo, ông nhận định "
    "giá sẽ tăng. Người dân phản ánh đến báo Thanh Niên rằng nước bị cắt từ sáng.\n"
    "Trời mưa to suốt đêm khiến nước dâng cao ngập đường làng.",
]


def _views(text: str, monkeypatch) -> list[ArticleView]:
    """The views the pipeline builds for ``text``, kept for the test to question."""
    seen: list[ArticleView] = []

    class Kept(ArticleView):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            seen.append(self)

    monkeypatch.setattr(order, "ArticleView", Kept)
    Attributor().extract(text)
    assert seen
    return seen


def _first_person_statement_by_definition(view: ArticleView, p) -> bool:
    """Every character tested against the marks, as the pass did before it asked the set once."""
    text = view.text
    if any(ch in OPEN_MARKS or ch in "”’" for ch in text[p.start:p.end]) or text[p.end - 1] not in ".!?…":
        return False
    first, last = view.sentence_at(p.start), view.sentence_at(p.end - 1)
    if any(view.cues[si] for si in range(first, last + 1)):
        return False
    lo, hi = view.tok_range(p.start, p.end)
    keys = [t[KEY] for t in view.toks[lo:hi]]
    return any(k in ("tôi", "mình", "chúng tôi") for k in keys) or "chúng tôi" in " ".join(keys)


@pytest.mark.parametrize("text", ARTICLES)
def test_first_person_statement_answers_as_the_character_by_character_test(text: str, monkeypatch) -> None:
    answers = []
    for view in _views(text, monkeypatch):
        for p in view.paragraphs:
            fast = pull_quote._first_person_statement(view, p)
            assert fast == _first_person_statement_by_definition(view, p)
            answers.append(fast)
    assert len(set(answers)) == 2 or text is ARTICLES[1]  # the first article has both kinds of paragraph


@pytest.mark.parametrize("text", ARTICLES)
def test_statement_source_from_the_article_hooks_answers_as_reading_every_word(text: str, monkeypatch) -> None:
    found = []
    for view in _views(text, monkeypatch):
        for si, (lo, hi) in enumerate(view.sent_tokens):
            back = view.sent_tokens[max(0, si - 3)][0]
            # the plain search: every word of the sentence may hang a source
            plain = view.outlets.statement_source(view.toks, lo, hi, back, range(lo, hi))
            assert view.statement_source(si) == plain
            assert view.outlets.statement_source(view.toks, lo, hi, back) == plain
            found.append(plain)
    assert any(found) == (text is ARTICLES[1] or "Tuổi Trẻ" in text)


def test_source_hooks_are_found_once_per_article_not_once_per_sentence(monkeypatch) -> None:
    from quoteattr import sources
    from quoteattr.sieve import view as view_module

    calls = []
    original = sources.source_hooks
    monkeypatch.setattr(view_module, "source_hooks", lambda *a, **kw: calls.append(a[1:]) or original(*a, **kw))
    (view,) = _views(ARTICLES[1], monkeypatch)
    assert len(view.sentences) > 5 and [view.statement_source(si) for si in range(len(view.sentences))]
    assert calls == [()]  # one call, over the whole article


@pytest.mark.parametrize("text", ARTICLES)
def test_the_article_keys_read_once_give_the_cues_and_hooks_of_reading_each_sentence(text: str, monkeypatch) -> None:
    from quoteattr import sources
    from quoteattr.cues import find_cues

    for view in _views(text, monkeypatch):
        assert view._source_hooks == sources.source_hooks(view.toks)
        for lo, hi in view.sent_tokens:
            assert find_cues(view.toks, lo, hi, view.lex, keys=view._keys) == find_cues(view.toks, lo, hi, view.lex)
            assert sources.source_hooks(view.toks, lo, hi, keys=view._keys) == sources.source_hooks(view.toks, lo, hi)


TERMS = ("Báo cáo nêu rõ “chuyển đổi số” là ưu tiên. Bộ trưởng gọi đó là “chuyển đổi số” của ngành, "
         "và “Chuyển  đổi số” sẽ còn được nhắc. Ông Nam nói: “Chúng tôi sẽ làm xong trong năm nay”.")


def test_quoted_terms_are_counted_and_asked_as_fold_of_the_quote_without_refolding_it(monkeypatch) -> None:
    from quoteattr import text as qt

    (view,) = _views(TERMS, monkeypatch)
    keys = [qt.fold(view.text[q.start:q.end]) for q in view.quotes]
    by_fold = {k: keys.count(k) for k in keys}
    retoned = []
    original = qt.retone
    monkeypatch.setattr(qt, "retone", lambda s: retoned.append(s) or original(s))
    assert view._quoted_terms() == {k for k, n in by_fold.items() if len(k) <= 40 and n >= 3}
    terms = [view.is_term(q) for q in view.quotes]
    assert terms == [by_fold[k] >= 3 for k in keys] and any(terms) and not all(terms)
    assert retoned == []  # the working copy is retoned already: a quote that cuts no word is only case-folded


def test_an_article_without_a_repeated_term_folds_no_quote_to_ask(monkeypatch) -> None:
    from quoteattr.sieve import view as view_module

    (view,) = _views(TERMS.replace("“Chuyển  đổi số”", "nó"), monkeypatch)
    folded = []
    original = view_module.fold_working
    monkeypatch.setattr(view_module, "fold_working", lambda *a: folded.append(a) or original(*a))
    assert not any(view.is_term(q) for q in view.quotes) and folded == []


REPEATED = ("“Chúng tôi sẽ mở lại tuyến đường trước Tết Nguyên đán”, ông Trần Văn Lâm khẳng định.\n"
            "Sáng nay, đoàn kiểm tra đã đến công trường ở xã Hòa Phú.\n"
            "“Chúng tôi sẽ mở lại tuyến đường trước Tết Nguyên đán”\n"
            "“Cần minh bạch hơn trong việc chọn nhà thầu”\n"
            "Bộ trưởng Lê Minh Hoan khẳng định cần minh bạch hơn trong việc chọn nhà thầu các dự án.")


def test_repeats_are_matched_on_the_working_copy_without_refolding_it(monkeypatch) -> None:
    from quoteattr import text as qt

    retoned: list[str] = []
    pairs = []
    original_retone, original_repeats = qt.retone, order.repeat_candidates

    def counted(view, done):
        monkeypatch.setattr(qt, "retone", lambda s: retoned.append(s) or original_retone(s))
        try:
            found = original_repeats(view, done)
        finally:
            monkeypatch.setattr(qt, "retone", original_retone)
        pairs.extend((view.text[c.start:c.end], first.speaker.name) for c, first in found)
        return found

    monkeypatch.setattr(order, "repeat_candidates", counted)
    Attributor().extract(REPEATED)
    assert ("Chúng tôi sẽ mở lại tuyến đường trước Tết Nguyên đán", "Trần Văn Lâm") in pairs
    assert ("Cần minh bạch hơn trong việc chọn nhà thầu", "Lê Minh Hoan") in pairs
    assert retoned == []  # every stretch compared cuts no word of the retoned working copy


def test_find_all_reads_the_window_once_and_answers_as_token_by_token(monkeypatch) -> None:
    from quoteattr.lexicon import Lexicon
    from quoteattr.tokens import tokenize

    from .test_phrase_matcher import find_all_by_definition
    from .test_speed_registry import _Counted

    lex = Lexicon.default().compile()
    for text in ARTICLES + [TERMS, REPEATED]:
        toks = tokenize(text)
        for matcher in (lex.cues, lex.clause_markers, lex.outlets, lex.channels):
            counted = _Counted(toks)
            for start, stop in ((0, len(toks)), (3, len(toks) - 5), (10, 11), (7, 7)):
                found = matcher.find_all(counted, start, stop)
                assert found == find_all_by_definition(matcher.match, toks, start, stop)
            assert counted.reads == 0  # one slice of the window, no token read one at a time
    assert lex.cues.find_all(tokenize(ARTICLES[1]))  # the texts hold cues
