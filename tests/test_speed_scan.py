"""The name scan's cheaper look-ups (issue 12) answer exactly as the plain definitions they
replace.  Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.lexicon import Lexicon
from quoteattr.name_scan import _AGE_SPELLINGS, _scan_words
from tests.test_speed_registry import SENTENCES, TITLED
from tests.test_speed_work import _registry
from quoteattr.tokens import KEY, TEXT

AGED = [
    "Lan Thương (26 tuổi) và hai người bạn nói họ đã chờ từ sáng, còn Thu Thảo, 29 tuổi, thì về trước.",
    "Cụ Nguyễn Văn Tư, 92 tuổi, cùng cháu là Trần Minh (12 tuổi) ra đón đoàn tuổi trẻ.",
]
# an age word near a capitalised run, but no age in apposition
NOT_AGED = ["Hà Đông, 30 tuổi đã là muộn, Minh Tuấn (Tuổi 41) cho biết anh chưa từng nghĩ vậy."]



def _opens_by_definition(lex, tok) -> bool:
    return bool(tok[TEXT][:1].isupper() or tok[KEY] in (lex.honorifics.starts | lex.titles.starts)
                or tok[TEXT] in lex.family_names)


def test_the_opening_words_answer_as_their_definition(lex) -> None:
    words, ages = _scan_words(Lexicon.default().compile()), _AGE_SPELLINGS  # a fresh memo
    words.limit = 7
    opened = aged = 0
    for text in SENTENCES + TITLED + AGED + NOT_AGED:
        _, toks = _registry(lex, text)
        for _ in range(2):  # the second round is answered from the memo (cleared past 7 words)
            for tok in toks:
                assert words[tok[TEXT]] == (_opens_by_definition(lex, tok) or tok[KEY] == "tuổi"), tok[TEXT]
                assert (tok[TEXT] in ages) == (tok[KEY] == "tuổi"), tok[TEXT]
                opened += _opens_by_definition(lex, tok)
                aged += tok[TEXT] in ages
                assert len(words) <= 7
    assert opened and aged


def test_the_age_word_spellings_are_every_text_that_folds_to_it() -> None:
    # a text folds to "tuổi" letter by letter only if each character folds to one of its letters
    import sys

    folds_into: dict[str, set[str]] = {}
    for cp in range(sys.maxunicode + 1):
        folded = chr(cp).casefold()
        assert folded  # no character folds to nothing (it could hide inside the word)
        if folded in "tuổi":
            folds_into.setdefault(folded, set()).add(chr(cp))
    assert set(folds_into) == set("tuổi")  # no character folds to two of its letters
    spellings = {"".join(p) for p in __import__("itertools").product(*(sorted(folds_into[c]) for c in "tuổi"))}
    assert spellings == _AGE_SPELLINGS and all(s.casefold() == "tuổi" for s in spellings)


def _aged_by_definition(scanner, toks, i: int, hi: int) -> int:
    if toks[i][TEXT][:1].isupper() and any(t[KEY] == "tuổi" for t in toks[i + 3:min(hi, i + 6)]):
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
            ages = [q for q in range(lo, hi) if toks[q][KEY] == "tuổi"]
            for i in range(lo, hi):
                n = scanner._aged_name_at(toks, i, hi, ages)
                fast, asked[:] = list(asked), []
                assert n == _aged_by_definition(scanner, toks, i, hi), (lo, hi, i)
                assert fast == asked, (lo, hi, i)  # the name read where the definition reads it, only there
                asked.clear()
                found += n > 0
    assert found or text not in AGED


FOREIGN = [
    "Tư lệnh Phái bộ UNISFA Benjamin Olufemi Sawyerr cho biết lực lượng đã rút khỏi khu vực.",
    "Thống đốc bang Texas Greg Abbott và Hạ nghị sĩ bang Texas Henry Cuellar cùng lên tiếng.",
    "Người phát ngôn Điện Kremlin Dmitry Peskov nói Moscow chưa nhận được đề nghị nào.",
    "Ngoại trưởng Antony Blinken gặp Bộ trưởng Quốc phòng Lloyd Austin tại Washington hôm qua.",
    "Tổng thư ký NATO Jens Stoltenberg, Chủ tịch Ủy ban châu Âu Ursula von der Leyen phát biểu.",
    "Giám đốc điều hành Tesla Elon Musk Jr Trần Văn Nam ABC Corp cho biết sẽ đầu tư thêm.",
]


def _foreign_tail_by_definition(scanner, toks, i: int, hi: int):
    """The look-up as written before it read the words lazily: every word's flag first."""
    from quoteattr.mentions import looks_foreign
    from quoteattr.mentions.model import MentionBuilder

    lex = scanner.lex
    t = lex.titles.match(toks, i, hi)
    if t is None:
        return None
    foreign = [x[TEXT][:1].isupper() and looks_foreign([x]) for x in toks[i:min(hi, i + scanner.parser.max_tokens)]]
    for e in range(t[0] + 2, len(foreign) + 1):
        if not foreign[e - 1] or (e < len(foreign) and foreign[e]):
            continue
        k = e
        while k > t[0] and foreign[k - 1]:
            k -= 1
        while e - k > 2 and (lex.place_prefixes.match_ending(toks, i + k, i) or (
                (h := lex.org_heads.match_ending(toks, i + k + 1, i)) and h[0] >= 2)):
            k += 1
        if e - k < 2 or k == t[0]:
            return None
        title = scanner.parser.parse(toks, i, i + k)
        if title is None or title.kind != "title":
            return None
        return MentionBuilder(toks, i, i + e)("person", name=(i + k, i + e), title=(i, i + k))
    return None


@pytest.mark.parametrize("text", FOREIGN + TITLED)
def test_a_foreign_tail_is_found_as_by_reading_every_word(lex, text: str) -> None:
    registry, toks = _registry(lex, text)
    found = 0
    for i in range(len(toks)):
        for hi in range(i + 1, len(toks) + 1):
            m = registry.scanner._foreign_tail(toks, i, hi)
            assert m == _foreign_tail_by_definition(registry.scanner, toks, i, hi), (i, hi)
            found += m is not None
    assert found or text not in FOREIGN[:3]


def test_the_registry_keys_and_titles_are_the_folded_stretches(lex) -> None:
    # folded from the working copy without redoing its tone placement: as fold() of the stretch
    from quoteattr.entities import NameCollector
    from quoteattr.text import fold

    titled = 0
    for text in SENTENCES + TITLED + AGED:
        registry, toks = _registry(lex, text)
        got = []
        collector = NameCollector(registry.nt, registry.parser, lex)
        add = collector._add
        collector._add = lambda name, pos, title, gender, _add=add, **more: (  # type: ignore[method-assign]
            got.append((name, title)), _add(name, pos, title, gender, **more))
        collector.scanner.scan(toks, 0, len(toks), collector._add)
        assert len(got) == len(collector.occurrences)
        for (name, title), occ in zip(got, collector.occurrences):
            assert occ.key == tuple(fold(registry.nt.text[name[0]:name[1]]).split())
            assert occ.title == (fold(registry.nt.text[title[0]:title[1]]) if title else None)
            titled += title is not None
    assert titled
