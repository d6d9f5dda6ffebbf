"""Words passed on by someone else: the origin speaks, the one who passes them on is the source.

``Bà Lê Thị Hoa kể những người lính nói rằng họ không có đủ thức ăn.`` holds two
proposals for the same words: ``kể`` by bà Hoa, whose content is the whole
clause, and ``nói rằng`` by ``những người lính`` inside it.  GUIDELINES.md
(2026-12-01): a person who passes on someone else's words is the ``source``,
the origin the speaker.  So the inner proposal stands, with ``relay`` set to the
outer speaker's mention (the source, once resolved), and the outer one goes.
Runs before settling, which would otherwise keep the earlier of two equals.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import attrs
import regex

from .candidate import Candidate

__all__ = ["relayed"]

# what may stand between the outer cue and the inner speaker: "kể, ", "cho biết rằng ", "nói: "
_CONTENT_OPENING = regex.compile(r"[\s,:–—-]*(?:rằng|là)?[\s,:]*")


def relayed(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with every relayed statement put in place of the outer one that carries it."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in candidates:
        if _cued(c):
            by_sentence.setdefault(c.sentence, []).append(c)
    dropped: set[int] = set()
    relay: dict[int, Candidate] = {}
    for group in by_sentence.values():
        # an inner speaker stands right after the outer cue (only _CONTENT_OPENING between), so
        # each outer cue looks only at mentions starting there: linear in a sentence of many cues
        by_start = sorted(group, key=lambda c: c.mention.start)  # type: ignore[union-attr]
        starts = [c.mention.start for c in by_start]  # type: ignore[union-attr]
        for outer in group:
            assert outer.cue is not None
            a = outer.cue[1]
            b = _CONTENT_OPENING.match(text, a).end()  # the longest opening; never fails (all optional)
            for inner in by_start[bisect_left(starts, a):bisect_right(starts, b)]:
                if inner is not outer and _nested(text, outer, inner):
                    dropped.add(id(outer))
                    relay.setdefault(id(inner), outer)
    out = []
    for c in candidates:
        if id(c) in dropped:
            continue
        relayer = relay.get(id(c))
        out.append(attrs.evolve(c, relay=relayer.mention) if relayer is not None else c)
    return out


def _cued(c: Candidate) -> bool:
    return c.rule == "cue" and c.mention is not None and c.cue is not None and not c.inherit


def _nested(text: str, outer: Candidate, inner: Candidate) -> bool:
    """``inner``'s clause (speaker, cue, words) is what ``outer`` reports, from its first word on;
    a pronoun there is the outer speaker speaking of himself ("ông cho biết ông chưa từng đề nghị …")."""
    assert outer.cue is not None and inner.cue is not None and inner.mention is not None
    if not outer.cue[1] <= inner.mention.start < outer.end or inner.mention.kind == "pronoun":
        return False
    if not _CONTENT_OPENING.fullmatch(text, outer.cue[1], inner.mention.start):
        return False
    return (inner.cue[1] <= inner.start
            and inner.start < outer.end and outer.start < inner.end)
