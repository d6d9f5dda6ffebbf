"""The name scan's cheaper look-ups (issue 12) answer exactly as the plain definitions they
replace.  Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.name_scan import _word_tests
from tests.test_speed_registry import SENTENCES, TITLED
from tests.test_speed_work import _registry

AGED = [
    "Lan Thương (26 tuổi) và hai người bạn nói họ đã chờ từ sáng, còn Thu Thảo, 29 tuổi, thì về trước.",
    "Cụ Nguyễn Văn Tư, 92 tuổi, cùng cháu là Trần Minh (12 tuổi) ra đón đoàn tuổi trẻ.",
]
# an age word near a capitalised run, but no age in apposition
NOT_AGED = ["Hà Đông, 30 tuổi đã là muộn, Minh Tuấn (Tuổi 41) cho biết anh chưa từng nghĩ vậy."]


@pytest.fixture(scope="module")
def lex():
    return Lexicon.default().compile()


def _opens_by_definition(lex, tok) -> bool:
    return bool(tok.text[:1].isupper() or tok.key in (lex.honorifics.starts | lex.titles.starts)
                or tok.text in lex.family_names)


def test_the_opening_words_answer_as_their_definition(lex) -> None:
    words, ages = _word_tests(Lexicon.default().compile())  # fresh memos
    words.limit = ages.limit = 7
    opened = aged = 0
    for text in SENTENCES + TITLED + AGED + NOT_AGED:
        _, toks = _registry(lex, text)
        for _ in range(2):  # the second round is answered from the memo (cleared past 7 words)
            for tok in toks:
                assert words[tok.text] == _opens_by_definition(lex, tok), tok.text
                assert ages[tok.text] == (tok.key == "tuổi"), tok.text
                opened += words[tok.text]
                aged += ages[tok.text]
                assert len(words) <= 7 and len(ages) <= 7
    assert opened and aged


def _aged_by_definition(scanner, toks, i: int, hi: int) -> int:
    if toks[i].text[:1].isupper() and any(t.key == "tuổi" for t in toks[i + 3:min(hi, i + 6)]):
        return scanner._aged_name(toks, i, hi)
    return 0


@pytest.mark.parametrize("text", AGED + NOT_AGED + SENTENCES)
def test_an_aged_name_is_found_as_by_its_definition(lex, text: str) -> None:
    registry, toks = _registry(lex, text)
    scanner = registry.scanner
    asked, aged_name = [], scanner._aged_name
    scanner._aged_name = lambda t, i, hi: asked.append(i) or aged_name(t, i, hi)  # type: ignore[method-assign]
    found = 0
    for lo in range(len(toks)):
        for hi in (lo + 1, min(len(toks), lo + 7), len(toks)):
            ages = [q for q in range(lo, hi) if toks[q].key == "tuổi"]
            for i in range(lo, hi):
                n = scanner._aged_name_at(toks, i, hi, ages)
                fast, asked[:] = list(asked), []
                assert n == _aged_by_definition(scanner, toks, i, hi), (lo, hi, i)
                assert fast == asked, (lo, hi, i)  # the name read where the definition reads it, only there
                asked.clear()
                found += n > 0
    assert found or text not in AGED
