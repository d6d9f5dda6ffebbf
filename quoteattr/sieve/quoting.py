"""``X dẫn lời Y …``: an outlet quoting someone, Y the speaker and X the source.

``Hãng tin Reuters dẫn lời một quan chức Mỹ cho biết …`` leaves the cue to Y's
own verb; ``Reuters dẫn lời ông Lê Văn Nam: “…”`` gives a ``direct`` record;
``“…” - trích lời ông Hải.`` takes the quote that came first.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..cues import Cue
from ..sources import SourceMention, SourceScopes
from .candidate import Candidate
from .claims import Claims
from .view import ArticleView
from ..tokens import KEY, START, TEXT

__all__ = ["propose_quoting"]

# tokens of an appositive between the one quoted and their own verb ("Y, 35 tuổi, cho biết")
_APPOSITIVE_REACH = 8


def propose_quoting(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue,
                    later: Sequence[Cue]) -> None:
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    para = view.paragraph_of(si)
    cue_span = (cue.start, cue.end)
    reporter = view.subject_of(lo, cue.tok_start)
    src = None
    if reporter is not None:
        found = view.outlets.at(toks, reporter.tok_start, reporter.tok_end)
        if found:
            src = SourceMention(found[1], reporter.start, reporter.end, "sentence")
    if src is not None:
        scopes.set_sentence(si, src)
    stop = later[0].tok_start if later else hi
    m = view.tidy_mention(cue.tok_end, min(stop, cue.tok_end + 14))
    if m is None:
        return
    if later and view.subject_of(lo, later[0].tok_start) is not None:
        return  # "X dẫn lời Y cho biết …": Y's own verb is the cue
    if later and m.tok_end < hi and toks[m.tok_end][TEXT] == "," and later[0].tok_start - m.tok_end <= _APPOSITIVE_REACH:
        return  # "dẫn lời vợ ông A, 35 tuổi, cho biết …": an appositive, then Y's own verb
    k = m.tok_end
    while k < hi and (toks[k][TEXT] in (",", ":") or toks[k][KEY] == "rằng"):
        k += 1
    if k >= hi or view.ends_sentence(k, hi):
        # "“…” - trích lời ông Hải.": the quote came first
        edge = toks[cue.tok_start - 1][START] if cue.tok_start > lo and toks[cue.tok_start - 1][TEXT] in (
            ",", "-", "–", "—") else cue.start
        while edge > 0 and view.text[edge - 1].isspace():
            edge -= 1
        for q in view.quotes_ending_near(edge, 1):
            claims.add(Candidate(q.start, q.end, "direct", "quote-first", 0.8, m.start, si, para, m, cue_span, src))
            return
        return
    opened = view.quote_opening_at(toks[k][START], view.sentences[si].end)
    if opened is not None:
        claims.add(Candidate(opened.start, opened.end, "direct", "cue", 0.8, m.start, si, para, m, cue_span, src))
        return
    s, e = view.trim(toks[k][START], view.sentences[si].end)
    if s < e:
        claims.add(Candidate(s, e, "indirect", "cue", 0.7, m.start, si, para, m, cue_span, src))
