"""PhraseMatcher's look-ups give what the plain trie walk gives (kept here as the oracle):
for every start, stop and end, in both case modes, on phrases and token runs drawn from one
small vocabulary so that phrases do occur, overlap and nest."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quoteattr.lexicon import _END, PhraseMatcher
from quoteattr.tokens import KEY, TEXT, tokenize

_WORDS = ["ông", "Ông", "bộ", "trưởng", "Bộ", "Trưởng", "cho", "biết", "nói", "rằng", "thêm", "TP.HCM", ","]


def _walk(matcher, trie, keys):
    node, best, n = trie, None, 0
    for k in keys:
        node = node.get(k)
        if node is None:
            break
        n += 1
        if _END in node:
            best = (n, node[_END])
    return best


def oracle_match(matcher, tokens, i, stop=None):
    stop = len(tokens) if stop is None else stop
    key = (lambda t: t[TEXT]) if matcher.case_sensitive else (lambda t: t[KEY])
    return _walk(matcher, matcher._trie, [key(tokens[j]) for j in range(i, stop)] if i < stop else [])


def oracle_match_ending(matcher, tokens, end, start=0):
    key = (lambda t: t[TEXT]) if matcher.case_sensitive else (lambda t: t[KEY])
    first = max(start, end - matcher.max_len)
    return _walk(matcher, matcher._reversed, [key(tokens[j - 1]) for j in range(end, first, -1)])


def find_all_by_definition(match, tokens, start=0, stop=None):
    """find_all as its definition: the longest ``match`` at each token, left to right, no overlaps."""
    out, stop = [], len(tokens) if stop is None else stop
    i = start
    while i < stop:
        m = match(tokens, i, stop)
        if m is None:
            i += 1
        else:
            out.append((i, m[0], m[1]))
            i += m[0]
    return out


def oracle_find_all(matcher, tokens, start=0, stop=None):
    return find_all_by_definition(lambda t, i, stop: oracle_match(matcher, t, i, stop), tokens, start, stop)


phrases = st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), max_size=8)
runs = st.lists(st.sampled_from(_WORDS), max_size=10).map(" ".join)


@given(phrases, runs, st.booleans(), st.data())
def test_lookups_are_the_plain_trie_walk(words, run, case_sensitive, data):
    matcher = PhraseMatcher(((w, k) for k, w in enumerate(words)), case_sensitive=case_sensitive)
    toks = tokenize(run)
    n = len(toks)
    i = data.draw(st.integers(0, n))
    stop = data.draw(st.one_of(st.none(), st.integers(0, n)))
    end = data.draw(st.integers(0, n))
    start = data.draw(st.integers(0, n))
    assert matcher.match(toks, i, stop) == oracle_match(matcher, toks, i, stop)
    assert matcher.match_ending(toks, end, start) == oracle_match_ending(matcher, toks, end, start)
    assert matcher.find_all(toks, start, stop) == oracle_find_all(matcher, toks, start, stop)


def test_a_one_token_phrase_and_a_longer_one_that_starts_with_it():
    matcher = PhraseMatcher([("cho", "a"), ("cho biết", "b"), ("cho biết thêm", "c")])
    toks = tokenize("Ông cho biết, cho biết thêm và cho")
    assert matcher.find_all(toks) == [(1, 2, "b"), (4, 3, "c"), (8, 1, "a")]
    assert matcher.match(toks, 8, 8) is None and matcher.match(toks, 0) is None
