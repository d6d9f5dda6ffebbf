"""The engine-neutral analysis: children, subtrees and the memory they take."""
from __future__ import annotations

import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from quoteattr.analysis import Analysis, Word


def _words(heads: list[int]) -> tuple[Word, ...]:
    return tuple(Word(2 * i, 2 * i + 1, "x", head=h) for i, h in enumerate(heads))


@given(st.integers(1, 40).flatmap(lambda n: st.lists(st.integers(-1, n - 1), min_size=n, max_size=n)))
def test_children_are_the_words_headed_there_in_order(heads):
    """Guards the flat children index: word i's children are exactly the words
    whose head is i, in reading order, and a subtree spans them all."""
    a = Analysis(_words(heads))
    for i in range(len(heads)):
        assert list(a.children(i)) == [j for j, h in enumerate(heads) if h == i]
        lo, hi = a.subtree_span(i)
        assert lo <= a.words[i].start and a.words[i].end <= hi


def test_the_index_of_a_long_parse_is_small():
    """An analysis of a long text kept one list per word for its children
    (~130 bytes a word with the start index, most of them empty lists); two flat
    arrays and the start index take ~25."""
    words = _words([i - 1 if i % 20 else -1 for i in range(30_000)])
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        a = Analysis(words)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert list(a.children(0)) == [1]
    assert held / len(words) < 40, f"{held / len(words):.0f} bytes a word"
