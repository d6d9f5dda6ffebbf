"""A quoted sentence with no cue of its own, right after an attributed statement.

``Ông Lê Văn Nam cho biết: “Chúng tôi đã sẵn sàng.” “Mọi thủ tục đã xong.”``: the
second quote continues the first speaker.  Runs after settling (it must know
which quotes are already attributed); the speaker is taken at resolution time
from the statement it follows (:func:`previous_statement`).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..segment import Quote
from .candidate import Candidate
from .claims import Coverage
from .view import ArticleView

__all__ = ["follow_on_candidates", "previous_statement"]


def follow_on_candidates(view: ArticleView, kept: Sequence[Candidate]) -> list[Candidate]:
    """Candidates marked ``inherit`` for quotes standing as sentences of their own."""
    text = view.text
    out: list[Candidate] = []
    taken = Coverage()
    for c in kept:
        taken.add(c.start, c.end)
    anchors = sorted(c.end for c in kept)
    # a quote with a speaker of its own that no pass could name ("“…”, Yumi Muranaka, giám thị …, cho
    # biết."): who goes on speaking after it is unknown
    unnamed_at = -1
    for q in view.quotes:
        if taken.overlaps(q.start, q.end):
            continue
        if view.is_term(q) or q.end - q.start < 12:
            continue
        k = bisect_right(anchors, q.start)
        if k and unnamed_at > anchors[k - 1]:
            continue
        si = view.sentence_at(q.outer_start)
        sent = view.sentences[si]
        # the quote must be its own sentence(s): only punctuation around it
        before = text[sent.start:q.outer_start].strip(" –—-")
        if before and not (q.open_mark is None):
            if _continued_fragment(view, q, si, anchors):
                out.append(Candidate(q.start, q.end, "mixed", "follow-on", 0.45, q.start, si, sent.paragraph,
                                     None, None, None, inherit=True))
            continue
        after_si = view.sentence_at(max(q.outer_end - 1, q.start))
        tail = text[q.outer_end:view.sentences[after_si].end].strip()
        if tail and any(ch.isalnum() for ch in tail):
            unnamed_at = q.start
            continue
        if bisect_right(anchors, q.start) == 0:
            continue
        out.append(Candidate(q.start, q.end, "direct", "follow-on", 0.5, q.start, si, sent.paragraph,
                             None, None, None, inherit=True))
    return out


def _continued_fragment(view: ArticleView, q: Quote, si: int, anchors: Sequence[int]) -> bool:
    """A quoted fragment of the previous sentence's speaker in a sentence with no cue:
    ``Ông A cho biết … . Nhưng nguyên nhân chính là đề thi “có vấn đề ngay từ đầu”.``"""
    text = view.text
    if si == 0 or view.cues[si] or view.sentences[si - 1].paragraph != view.sentences[si].paragraph:
        return False
    words = text[q.start:q.end].split()
    if len(words) < 3 or not words[0][:1].islower():
        return False  # a name or title ("Mùa hè xanh"), or a word used as a term
    prev = view.sentences[si - 1]
    k = bisect_right(anchors, prev.end) - 1
    return k >= 0 and anchors[k] > prev.start


def previous_statement(spoken: Sequence[tuple[int, Candidate]], c: Candidate) -> Candidate | None:
    """The statement a follow-on quote continues: the last one before it, in
    its own or the previous paragraph."""
    for pos, cand in reversed(spoken):
        if pos <= c.start:
            return cand if cand.paragraph >= c.paragraph - 1 else None
    return None
