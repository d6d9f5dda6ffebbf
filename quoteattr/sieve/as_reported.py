"""``Như thông tin báo Lao Động đã đưa, nhà máy đã ngừng hoạt động.``: an outlet's own claim.

``Như Tuổi Trẻ đã đưa tin, …`` is found by the cue ``đưa tin``; without ``tin`` no
cue marks the frame, so this pass reads it: ``Như`` + (a statement noun) + an
outlet + (an aspect word) + a verb of publishing + ``,``.  The outlet is speaker
and source of what follows (GUIDELINES.md: an outlet making its own claim); when
the clause names a speaker of its own (``Như báo X đã đưa, ông Y cho biết …``) the
outlet is only the sentence's source.
"""
from __future__ import annotations

from ..sources import SourceMention, SourceScopes
from .candidate import Candidate
from .claims import Claims
from .view import ArticleView
from ..tokens import END, KEY, START, TEXT

__all__ = ["propose_as_reported"]

_NOUNS = (("thông", "tin"), ("tin",), ("bài", "viết"), ("bài", "báo"))
_ASPECTS = ("đã", "từng", "vừa")
_VERBS = (("đưa", "tin"), ("đưa",), ("đăng", "tải"), ("đăng",), ("phản", "ánh"), ("thông", "tin"))
_AFTER = (("trước", "đó"), ("trước",))


def propose_as_reported(view: ArticleView, claims: Claims, scopes: SourceScopes) -> None:
    toks = view.toks
    for si, (lo, hi) in enumerate(view.sent_tokens):
        if hi - lo < 4 or toks[lo][KEY] != "như":
            continue  # _frame's first test, asked here: most sentences open otherwise, and need no call
        frame = _frame(view, lo, hi)
        if frame is None:
            continue
        start, (i, n, name), comma = frame
        src = SourceMention(name, toks[i][START], toks[i + n - 1][END], "sentence")
        scopes.set_sentence(si, src)
        if any(c.tok_start > comma and c.cls not in ("according", "block")
               and view.subject_of(comma + 1, c.tok_start) is not None for c in view.cues[si]):
            continue  # "…, ông Y cho biết …": Y speaks, through the outlet
        m = view.parser.parse(toks, start, i + n)
        s, e = view.trim(toks[comma][END], view.sentences[si].end)
        if m is None or m.kind != "outlet" or s >= e or claims.overlaps(s, e):
            continue
        para, cue = view.paragraph_of(si), (toks[comma - 1][START], toks[comma - 1][END])
        frags = view.fragments_in(s, e)
        for q in frags:
            claims.add(Candidate(q.start, q.end, "mixed", "cue", 0.6, m.start, si, para, m, cue, src,
                                 self_source=True))
        if not frags:
            claims.add(Candidate(s, e, "indirect", "cue", 0.65, m.start, si, para, m, cue, src, self_source=True))


def _frame(view: ArticleView, lo: int, hi: int) -> tuple[int, tuple[int, int, str], int] | None:
    """(where the outlet mention starts, (name token, its length, its name), the comma) of a
    sentence opening ``Như (thông tin) (của) OUTLET (đã) đưa (trước đó),``."""
    toks = view.toks
    if hi - lo < 4 or toks[lo][KEY] != "như":
        return None
    j = lo + 1
    j += _run(view, j, hi, _NOUNS)
    if j < hi and toks[j][KEY] == "của":
        j += 1
    start = j
    prefix = view.lex.outlet_prefixes.match(toks, j, hi)
    i = j + (prefix[0] if prefix else 0)
    outlet = view.outlets.at(toks, j, hi)
    if outlet is None:
        return None
    n = outlet[0] - (i - j)
    k = j + outlet[0]
    if k < hi and toks[k][KEY] in _ASPECTS:
        k += 1
    verb = _run(view, k, hi, _VERBS)
    if not verb:
        return None
    k += verb
    k += _run(view, k, hi, _AFTER)
    if k >= hi or toks[k][TEXT] != "," or n <= 0:
        return None
    return start, (i, n, outlet[1]), k


def _run(view: ArticleView, j: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the first of ``phrases`` that stands at token ``j`` (0 if none)."""
    for p in phrases:
        if j + len(p) <= hi and tuple(t[KEY] for t in view.toks[j:j + len(p)]) == p:
            return len(p)
    return 0
