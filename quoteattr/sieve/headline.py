"""A headline or teaser ``Name: statement``: ``Bộ trưởng Lê Văn Nam: Giá điện sẽ không tăng``.

A short paragraph without a final full stop, a person before a colon among its
first words; with quote marks after the colon the record is ``direct``,
without them ``indirect`` with cue ``:`` (GUIDELINES).
"""
from __future__ import annotations

from .candidate import Candidate
from .claims import Claims
from .view import ArticleView

__all__ = ["propose_headlines"]


def propose_headlines(view: ArticleView, claims: Claims) -> None:
    toks, text = view.toks, view.text
    for p in view.paragraphs:
        if text[p.end - 1] in ".!?…" or p.end - p.start > 200:
            continue
        lo, hi = view.tok_range(p.start, p.end)
        colon = next((k for k in range(lo, min(hi, lo + 16)) if toks[k].text == ":"), None)
        if colon is None or colon + 1 >= hi:
            continue
        m = view.parser.parse(toks, lo, colon)
        if m is None or m.kind != "person" or m.name is None:
            continue
        if m.title is None and m.name[0] == m.start and not m.certain:
            continue  # "Bạc Liêu: …" is a place, not a person speaking
        si = view.sentence_at(toks[colon].start)
        cue_span = (toks[colon].start, toks[colon].end)
        s, e = view.trim(toks[colon + 1].start, p.end)
        q = view.quote_opening_at(toks[colon + 1].start, p.end)
        if q is not None:
            if not claims.claimed(q):
                claims.add(Candidate(q.start, q.end, "direct", "colon", 0.7, m.start, si, p.index, m, cue_span))
            continue
        if s < e and not claims.overlaps(s, e):
            claims.add(Candidate(s, e, "indirect", "colon", 0.6, m.start, si, p.index, m, cue_span))
