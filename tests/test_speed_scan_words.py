"""The name scan's one pass of word tests (issue 12) visits the tokens the two tests did, and a
token it visits only as the age word adds nothing.  Sentences written for these tests."""
from __future__ import annotations

from quoteattr.name_scan import NameScanner, _AGE_SPELLINGS, _scan_words
from quoteattr.mentions import MentionParser
from tests.test_speed_registry import SENTENCES, TITLED
from tests.test_speed_scan import AGED, NOT_AGED, _opens_by_definition
from tests.test_speed_work import _registry

LOWER_AGE = ["Bà Lê Thị Mai, 61 tuổi, nói tuổi già không ngăn bà; cháu Minh (9 tuổi) thì vẫn đi học."]


def test_the_scan_words_are_the_opening_words_and_the_age_word(lex) -> None:
    words = _scan_words(lex)
    seen = aged = 0
    for text in SENTENCES + TITLED + AGED + NOT_AGED + LOWER_AGE:
        _, toks = _registry(lex, text)
        for tok in toks:
            assert words[tok.text] == (_opens_by_definition(lex, tok) or tok.key == "tuổi"), tok.text
            seen += words[tok.text]
            aged += tok.text in _AGE_SPELLINGS
    assert seen and aged


def test_a_lowercase_age_word_adds_no_name_and_moves_on_by_one(lex) -> None:
    scanner = NameScanner(lex, MentionParser(lex))
    for text in AGED + NOT_AGED + LOWER_AGE:
        _, toks = _registry(lex, text)
        ages = [i for i, t in enumerate(toks) if t.text in _AGE_SPELLINGS]
        for i in ages:
            if not _opens_by_definition(lex, toks[i]):
                added: list = []
                assert scanner._name_at(toks, i, 0, len(toks), lambda *a, **k: added.append(a), ages) == i + 1
                assert not added
