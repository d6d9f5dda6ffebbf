"""A quote repeated verbatim (sapo, caption, pull quote) takes the first one's speaker and source.

A pull-quote subheading that the next paragraphs say again in other words
(``“Cần minh bạch hơn trong đấu thầu”⏎Bộ trưởng … khẳng định cần minh bạch
hơn trong đấu thầu công.``) takes the speaker of the statement that holds all
its words.  Runs last, after sources are assigned, so the repeat carries the
source its first occurrence got.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from ..segment import Quote
from ..text import fold_working
from .candidate import Candidate
from .claims import Coverage
from .view import ArticleView

__all__ = ["repeat_candidates"]


def repeat_candidates(view: ArticleView, done: Sequence[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """Pairs (repeat, first occurrence) for unclaimed quotes equal to an attributed direct quote."""
    text = view.text
    # fold_working(text, s, e) is fold(text[s:e]) (the view's text is a working copy), mostly without retoning
    by_text = {fold_working(text, c.start, c.end): c for c in done if c.kind == "direct"}
    by_paragraph: dict[int, list[Candidate]] = {}
    for c in done:
        by_paragraph.setdefault(c.paragraph, []).append(c)
    out = []
    taken = Coverage()
    for c in done:
        taken.add(c.start, c.end)
    for q in view.quotes:
        if taken.overlaps(q.start, q.end):
            continue
        first = by_text.get(fold_working(text, q.start, q.end))
        if first is None:
            first = _restated_below(view, q, by_paragraph)
        if first is None or first.start == q.start or view.is_term(q) or _length(text[q.start:q.end]) < _MIN_REPEAT:
            continue
        si = view.sentence_at(q.start)
        out.append((Candidate(q.start, q.end, "direct", "repeat", 0.5, q.start, si, view.paragraph_of(si),
                              first.mention, None, first.source, speaker=first.speaker), first))
    return out


# a repeat this short is a phrase said twice, not a sapo or caption quoting the statement
_MIN_REPEAT = 20


def _length(s: str) -> int:
    """Characters with whitespace runs counted once: a blanked leftover tag (``<b>``) adds nothing."""
    return len(" ".join(s.split()))


# how far below a pull-quote subheading its statement may stand
_RESTATED_WITHIN = 2


def _restated_below(view: ArticleView, q: Quote, by_paragraph: dict[int, list[Candidate]]) -> Candidate | None:
    """The statement in the next paragraphs that holds every word of a quote standing as its own paragraph."""
    text = view.text
    si = view.sentence_at(q.start)
    para = view.paragraphs[view.paragraph_of(si)]
    if text[para.start:q.outer_start].strip() or text[q.outer_end:para.end].strip(" .!?…"):
        return None
    words = _words(text, q.start, q.end)
    if len(words) < 4:
        return None
    for k in range(para.index + 1, para.index + 1 + _RESTATED_WITHIN):
        for c in by_paragraph.get(k, ()):
            sent = view.sentences[c.sentence]
            if c.speaker is not None and words <= _words(text, sent.start, sent.end):
                return c
    return None


_WORD = regex.compile(r"[\p{L}\p{N}]+")


def _words(text: str, start: int, end: int) -> set[str]:
    """The folded words of ``text[start:end]``."""
    return set(_WORD.findall(fold_working(text, start, end)))
