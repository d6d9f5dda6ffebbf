"""A quote repeated verbatim (sapo, caption, pull quote) takes the first one's speaker and source.

Runs last, after sources are assigned, so the repeat carries the source its
first occurrence got.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..text import fold
from .candidate import Candidate
from .claims import Coverage
from .view import ArticleView

__all__ = ["repeat_candidates"]


def repeat_candidates(view: ArticleView, done: Sequence[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """Pairs (repeat, first occurrence) for unclaimed quotes equal to an attributed direct quote."""
    text = view.text
    by_text = {fold(text[c.start:c.end]): c for c in done if c.kind == "direct"}
    out = []
    taken = Coverage()
    for c in done:
        taken.add(c.start, c.end)
    for q in view.quotes:
        if taken.overlaps(q.start, q.end):
            continue
        first = by_text.get(fold(text[q.start:q.end]))
        if first is None or first.start == q.start or view.is_term(q) or q.end - q.start < 20:
            continue
        si = view.sentence_at(q.start)
        out.append((Candidate(q.start, q.end, "direct", "repeat", 0.5, q.start, si, view.paragraph_of(si),
                              first.mention, None, first.source, speaker=first.speaker), first))
    return out
