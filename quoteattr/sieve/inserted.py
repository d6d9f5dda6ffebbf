"""An attribution inserted between dashes inside one pair of marks.

``“Chúng tôi đã chuẩn bị kỹ - ông Lê Văn Nam nói tiếp - Trận sau sẽ khác”``
is two ``direct`` records of the same speaker, the words before the first
dash and after the second (GUIDELINES, 2026-12-01).  The cue inside the marks
is skipped by the cue passes (it stands inside a quote), so this pass finds
it itself; it runs on quotes nobody claimed.
"""
from __future__ import annotations

from ..cues import find_cues
from ..mentions import Mention
from ..segment import Quote
from .candidate import Candidate
from .claims import Claims
from .view import ArticleView
from ..tokens import END, KEY, START, TEXT, is_word

__all__ = ["propose_inserted"]

_DASHES = frozenset(("-", "–", "—"))
# the inserted clause is short: speaker, cue, perhaps "tiếp"/"thêm"
_MAX_INSERT = 10
_REPORTING = ("speech", "report")
_CONFIDENCE = 0.7


def propose_inserted(view: ArticleView, claims: Claims) -> None:
    for q in view.quotes:
        if claims.claimed(q) or view.is_term(q):
            continue
        found = _insertion(view, q)
        if found is None:
            continue
        d1, d2, m, cue = found
        toks = view.toks
        si = view.sentence_at(q.start)
        para = view.paragraph_of(si)
        for s, e in ((q.start, toks[d1][START]), (toks[d2][END], q.end)):
            s, e = view.trim(s, e)
            if e - s >= 8:
                claims.add(Candidate(s, e, "direct", "inserted", _CONFIDENCE, m.start, si, para, m, cue))


def _insertion(view: ArticleView, q: Quote) -> tuple[int, int, Mention, tuple[int, int]] | None:
    """The two dashes around ``SPEAKER CUE (tiếp)``, the speaker's mention and the cue span."""
    toks = view.toks
    lo, hi = view.tok_range(q.start, q.end)
    dashes = [k for k in range(lo + 1, hi - 1) if toks[k][TEXT] in _DASHES
              and view.text[toks[k][START] - 1].isspace() and view.text[toks[k][END]].isspace()]
    for d1, d2 in zip(dashes, dashes[1:]):
        if d2 - d1 - 1 > _MAX_INSERT or d2 - d1 < 3:
            continue
        cues = [c for c in find_cues(toks, d1 + 1, d2, view.lex) if c.cls in _REPORTING]
        if not cues:
            continue
        cue = cues[-1]
        if any(is_word(t) and t[KEY] not in ("tiếp", "thêm", "lại") for t in toks[cue.tok_end:d2]):
            continue
        m = view.parser.subject_before(toks, d1 + 1, cue.tok_start)
        if m is None or m.tok_start != d1 + 1:
            continue
        return d1, d2, m, (cue.start, toks[d2 - 1][END])
    return None
