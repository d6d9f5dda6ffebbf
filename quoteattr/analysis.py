"""Linguistic analysis the sieve can use when an engine provides one.

Plain data, no dependency on any NLP library: an engine (``engines/stanza.py``)
converts its output into an :class:`Analysis` whose offsets index the
pipeline's normalised text.  The sieve asks three questions of it, each one a
place where rules alone are weak:

* :meth:`Analysis.subject_of` — the ``nsubj`` of a reporting verb (the speaker
  mention when no rule finds one);
* :meth:`Analysis.clause_of` — the span of its ``ccomp``/``xcomp``/``parataxis``
  complement (where an indirect clause ends in a long sentence);
* :meth:`Analysis.is_name` — whether a word is a proper noun / named entity
  (to accept a capitalised word the rules would doubt).
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence

import attrs

__all__ = ["Word", "Analysis"]

_SUBJECT_RELS = ("nsubj", "nsubj:pass", "csubj")
_CLAUSE_RELS = ("ccomp", "xcomp", "parataxis")
# a reporting expression of two words attaches its second word this way ("cho biết")
_VERB_CHAIN_RELS = ("compound:svc", "compound", "compound:vv", "xcomp", "flat")


@attrs.frozen(slots=True)
class Word:
    """One word of the analysis; ``head`` indexes :attr:`Analysis.words` (-1: root)."""

    start: int
    end: int
    text: str
    upos: str = "X"
    head: int = -1
    deprel: str = "dep"
    ner: str | None = None


@attrs.frozen
class Analysis:
    """Words with heads and labels, ordered by ``start``; offsets in the normalised text."""

    words: tuple[Word, ...] = ()
    _start_index: list[int] = attrs.field(init=False, repr=False, eq=False)
    # children of word i: _kids[_first_kid[i]:_first_kid[i + 1]], in order; two flat
    # arrays rather than a list per word (most words have none), for long texts
    _first_kid: array = attrs.field(init=False, repr=False, eq=False)
    _kids: array = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        starts = [w.start for w in self.words]
        if starts != sorted(starts):
            raise ValueError("analysis words must be ordered by start offset")
        object.__setattr__(self, "_start_index", starts)
        n = len(self.words)
        first = array("q", bytes(8 * (n + 1)))
        for i, w in enumerate(self.words):
            if not -1 <= w.head < n:
                raise ValueError(f"word {i} has head {w.head} outside the analysis")
            if w.head >= 0:
                first[w.head + 1] += 1
        for i in range(n):
            first[i + 1] += first[i]
        kids = array("q", bytes(8 * first[n]))
        filled = array("q", first)
        for i, w in enumerate(self.words):
            if w.head >= 0:
                kids[filled[w.head]] = i
                filled[w.head] += 1
        object.__setattr__(self, "_first_kid", first)
        object.__setattr__(self, "_kids", kids)

    def words_in(self, start: int, end: int) -> list[int]:
        """Indexes of the words overlapping ``[start, end)``."""
        idx = self._start_index
        k = max(0, bisect_right(idx, start) - 1)
        out = []
        while k < len(self.words) and self.words[k].start < end:
            if self.words[k].end > start:
                out.append(k)
            k += 1
        return out

    def children(self, i: int) -> Sequence[int]:
        return self._kids[self._first_kid[i]:self._first_kid[i + 1]]

    def subtree_span(self, i: int) -> tuple[int, int]:
        """Character span of word ``i`` and everything that depends on it."""
        lo, hi = self.words[i].start, self.words[i].end
        stack = [i]
        seen = {i}
        while stack:
            j = stack.pop()
            w = self.words[j]
            lo, hi = min(lo, w.start), max(hi, w.end)
            for c in self.children(j):
                if c not in seen:
                    seen.add(c)
                    stack.append(c)
        return lo, hi

    def _verbs(self, start: int, end: int) -> list[int]:
        """The words of a cue and the heads they chain to ("cho" ← "biết")."""
        inside = self.words_in(start, end)
        verbs = list(inside)
        for i in inside:
            w = self.words[i]
            if w.deprel.split(":")[0] in ("compound", "flat") and w.head >= 0 and w.head not in verbs:
                verbs.append(w.head)
        return verbs

    def subject_of(self, cue_start: int, cue_end: int) -> tuple[int, int] | None:
        """Span of the subject (``nsubj``) of the verb at ``[cue_start, cue_end)``."""
        for v in self._verbs(cue_start, cue_end):
            for c in self.children(v):
                if self.words[c].deprel in _SUBJECT_RELS and self.words[c].end <= cue_start:
                    return self.subtree_span(c)
        return None

    def clause_of(self, cue_start: int, cue_end: int) -> tuple[int, int] | None:
        """Span of the clausal complement of the verb at ``[cue_start, cue_end)``."""
        for v in self._verbs(cue_start, cue_end):
            for c in self.children(v):
                if self.words[c].deprel in _CLAUSE_RELS and self.words[c].start >= cue_end:
                    return self.subtree_span(c)
        return None

    def is_name(self, start: int, end: int) -> bool:
        """Does a proper noun or a person/organisation entity cover ``[start, end)``?"""
        ws = self.words_in(start, end)
        return bool(ws) and all(
            self.words[i].upos == "PROPN" or (self.words[i].ner or "O") not in ("O", "")
            for i in ws
        )

    def entity_type(self, start: int, end: int) -> str | None:
        """PER / ORG / LOC / MISC when a named-entity tag covers the span."""
        for i in self.words_in(start, end):
            tag = self.words[i].ner
            if tag and tag != "O" and "-" in tag:
                return tag.split("-", 1)[1]
        return None

    @classmethod
    def merge(cls, parts: Sequence[Analysis]) -> Analysis:
        """One analysis from several (e.g. one per paragraph), heads re-indexed."""
        words: list[Word] = []
        for part in parts:
            base = len(words)
            for w in part.words:
                words.append(attrs.evolve(w, head=w.head + base if w.head >= 0 else -1))
        order = sorted(range(len(words)), key=lambda i: words[i].start)
        if order != list(range(len(words))):
            remap = {old: new for new, old in enumerate(order)}
            words = [attrs.evolve(words[old], head=remap[words[old].head] if words[old].head >= 0 else -1)
                     for old in order]
        return cls(tuple(words))

