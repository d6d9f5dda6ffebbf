"""A statement named back by a passive frame: ``…. Thông tin này được các chuyên gia chia sẻ tại hội nghị.``

The sentence before (in the same paragraph) is what the agent of the passive
said: ``Giá thép sẽ còn giảm trong quý tới. Nhận định này được Hiệp hội Thép đưa
ra sáng 5/3.`` gives an ``indirect`` record for ``Hiệp hội Thép``.
"""
from __future__ import annotations

from ..cues import Cue
from ..mentions import Mention
from ..sources import SourceMention
from .candidate import Candidate
from .claims import Claims
from .view import ArticleView
from ..tokens import KEY

__all__ = ["passive_frame_start", "propose_named_back"]


def passive_frame_start(view: ArticleView, si: int, subj: Mention) -> bool:
    """Does the sentence open with ``STATEMENT-NOUN DEMONSTRATIVE được|do`` right before ``subj``?"""
    lo = view.sent_tokens[si][0]
    toks = view.toks
    k = subj.tok_start - 1
    if k <= lo or toks[k][KEY] not in ("được", "do"):
        return False
    noun = view.lex.statement_nouns.match(toks, lo, k)
    if not noun:
        return False
    dem = view.lex.demonstratives.match(toks, lo + noun[0], k)
    return dem is not None and lo + noun[0] + dem[0] == k


def propose_named_back(view: ArticleView, claims: Claims, si: int, cue: Cue, subj: Mention,
                       statement_src: SourceMention | None) -> None:
    """The previous sentence of the paragraph as the agent's statement."""
    if si == 0 or view.sentences[si - 1].paragraph != view.sentences[si].paragraph:
        return
    prev = view.sentences[si - 1]
    s, e = view.trim(prev.start, prev.end)
    while e > s and view.text[e - 1] in ".!…;":
        e -= 1
    if s >= e or view.is_headline(si - 1) or not view.looks_like_clause(s, e, lenient=True):
        return
    para = view.paragraph_of(si)
    frags = view.fragments_in(s, e)
    if frags and frags[0].outer_start <= s + 1 and frags[-1].outer_end >= e - 1:
        for q in frags:
            claims.add(Candidate(q.start, q.end, "direct", "quote-first", 0.7, subj.start, si, para, subj,
                                 (cue.start, cue.end), statement_src))
        return
    claims.add(Candidate(s, e, "indirect", "quote-first", 0.65, subj.start, si, para, subj,
                         (cue.start, cue.end), statement_src))
