"""The title chain's faster walk and look-ups (issue 12) answer exactly as the plain
definitions they replace.  Sentences written for these tests."""
from __future__ import annotations

import pytest

from quoteattr.lexicon import PhraseMatcher
from quoteattr.mentions.model import MentionBuilder
from quoteattr.mentions.names import vietnamese_syllable
from quoteattr.mentions.titles import _DONE, _Chain, _in_chain_phrase
from quoteattr.tokens import KEY, TEXT, tokenize

CHAINS = [
    "Phó Chủ tịch UBND tỉnh Quảng Ninh Đặng Huy Hậu cho biết tuyến đường sẽ thông xe vào tháng 9.",
    "Giám đốc Bệnh viện K Lê Văn Quảng của Bộ Y tế nói các ca bệnh đã ổn định.",
    "Theo Bộ trưởng Ngoại giao Pháp Jean-Noël Barrot, hai bên đã đạt thỏa thuận sơ bộ.",
    "Ông Trần Minh Tuấn, nguyên Phó Vụ trưởng Vụ Pháp chế (Bộ Tài chính), khẳng định điều đó.",
    "GS.TS. Nguyễn Thanh Liêm, chuyên gia đầu ngành về phẫu thuật nhi, nhận định như vậy.",
    "Tổng giám đốc Công ty cổ phần sữa Hoàng Gia & Cộng sự Phạm Văn Bình thừa nhận lỗi.",
    "Chủ tịch Hội đồng quản trị tập đoàn Sao Mai Group cho rằng thị trường đang hồi phục.",
    "HLV Lê Huỳnh Đức rất tôn trọng lối chơi của đối thủ, trợ lý của ông cũng nói vậy.",
    "Bầu Hiển và chủ tịch thành phố Hồ Chí Minh Phan Văn Mãi cùng dự lễ khánh thành.",
    "Nữ ca sĩ Mỹ Tâm cùng bác sĩ V. thuộc khoa Nhi của bệnh viện này phát biểu tại buổi lễ.",
    "Người phát ngôn Bộ Ngoại giao Trung Quốc Mao Ninh tuyên bố Bắc Kinh phản đối việc này.",
    "Thứ trưởng thường trực Bộ Giáo dục và Đào tạo Phạm Ngọc Thưởng ở Hà Nội vừa ký văn bản.",
]



def _walk_every_step(chain: _Chain):
    """The walk by its definition: at each token every step in order, until one acts."""
    steps = (chain._title, chain._honorific_name, chain._place, chain._capitalised, chain._punctuation,
             chain._link, chain._plain_word)
    while chain.j < chain.b:
        for step in steps:
            outcome = step()
            if outcome is _DONE:
                return chain.result
            if outcome:
                break
        else:
            return None
    return chain._end()


@pytest.mark.parametrize("text", CHAINS)
def test_the_walk_answers_as_trying_every_step_at_every_token(lex, text: str) -> None:
    toks = tokenize(text)
    n = len(toks)
    found = 0
    for r in range(n):
        for b in range(r + 1, min(n, r + 24) + 1):
            fast = _Chain(lex, toks, r, b, MentionBuilder(toks, r, b), 24)
            plain = _Chain(lex, toks, r, b, MentionBuilder(toks, r, b), 24)
            assert fast.walk() == _walk_every_step(plain), (r, b)
            assert vars(fast).keys() == vars(plain).keys()
            assert all(getattr(fast, k) == getattr(plain, k) for k in ("j", "lowercase_run", "inner_name",
                                                                        "after_link", "in_org", "after_person"))
            found += fast.result is not None and fast.result.name is not None
    assert found  # the sentences hold named chains, so named results were compared too


def test_the_syllable_cache_answers_as_the_function() -> None:
    words = ["Nguyễn", "Group", "Ngọc", "Thưởng", "Jean-Noël", "Barrot", "Quảng", "ĐẶNG", "gh", "Ươ", ""]
    for word in words * 2:  # the second round is answered from the cache
        assert vietnamese_syllable(word) == vietnamese_syllable.__wrapped__(word)
    assert vietnamese_syllable("Nguyễn") and not vietnamese_syllable("Group")


def _match_by_definition(matcher: PhraseMatcher, toks, i: int, stop: int):
    node, best, j = matcher._trie, None, i
    while j < stop and (child := node.get(matcher._key(toks[j]))) is not None:
        node, j = child, j + 1
        if "\x00end" in node:
            best = (j - i, node["\x00end"])
    return best


@pytest.mark.parametrize("text", CHAINS[:6])
def test_matching_reads_the_same_key_as_the_matcher_key(lex, text: str) -> None:
    toks = tokenize(text)
    n = len(toks)
    hits = 0
    for matcher in (m for m in vars(lex).values() if isinstance(m, PhraseMatcher)):
        for i in range(n):
            for stop in range(i + 1, n + 1):
                m = matcher.match(toks, i, stop)
                assert m == _match_by_definition(matcher, toks, i, stop)
                hits += m is not None
    assert hits


def test_the_chain_phrase_words_answer_as_asking_each_lexicon(lex) -> None:
    toks = [t for text in CHAINS for t in tokenize(text + " ( ) & … « » “ ” - – / : ;")]
    held = 0
    for tok in toks:
        plain = any(tok[KEY] in m.words or tok[TEXT] in m.words for m in (lex.titles, lex.honorifics, lex.place_prefixes))
        assert _in_chain_phrase(lex, tok) == plain, tok[TEXT]
        held += plain
    assert 0 < held < len(toks)
