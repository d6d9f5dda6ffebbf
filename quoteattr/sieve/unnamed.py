"""A reported statement whose speaker the text never gives: ``được mô tả là “…”``.

``Cuộc hội đàm được mô tả là “thẳng thắn và xây dựng”.`` reports someone's
words without saying whose: the record is ``mixed`` with speaker ``null`` and a
low confidence (GUIDELINES: ``null`` only when nothing in the text says who
spoke).  Only a passive speech verb with no agent qualifies; a bare scare quote
(``bị “đánh úp”``), a name (``được gọi là “…”``) or a hedge (``được cho là``)
stays no record.  Runs on quotes nobody claimed.
"""
from __future__ import annotations

from .candidate import Candidate
from .claims import Claims
from .view import ArticleView
from ..tokens import END, KEY, START

__all__ = ["UNNAMED", "propose_unnamed"]

#: the rule name of these candidates: resolution keeps them without a speaker
UNNAMED = "unnamed"

_PASSIVE = frozenset(("được", "bị"))
# speech and judgement verbs whose passive reports words (naming verbs, "gọi", "mệnh danh", are not)
_VERBS = (("mô", "tả"), ("miêu", "tả"), ("ca", "ngợi"), ("ngợi", "ca"), ("khen", "ngợi"), ("khen",),
          ("chỉ", "trích"), ("phê", "phán"), ("chê",), ("chê", "bai"), ("nhận", "xét"), ("ví",), ("ví", "von"),
          ("đánh", "giá"), ("tuyên", "bố"), ("cáo", "buộc"), ("lên", "án"))
# adverbs between the passive marker and the verb: "được nhiều lần mô tả"
_ADVERBS = frozenset(("từng", "thường", "luôn", "vẫn", "cũng", "đã", "nhiều", "lần", "hay"))
# words between the verb and the quote: "được ca ngợi như một “…”"
_LINKS = frozenset(("là", "như", "bằng", "một", "những", "các", "cái", "rất", "thật", "sự"))
_CONFIDENCE = 0.3


def propose_unnamed(view: ArticleView, claims: Claims) -> None:
    for q in view.quotes:
        if q.open_mark is None or claims.claimed(q) or view.is_term(q):
            continue
        cue = _passive_cue(view, q.open_mark)
        if cue is None:
            continue
        si = view.sentence_at(q.open_mark)
        claims.add(Candidate(q.start, q.end, "mixed", UNNAMED, _CONFIDENCE, q.start, si, view.paragraph_of(si),
                             None, cue))


def _passive_cue(view: ArticleView, open_mark: int) -> tuple[int, int] | None:
    """The span ``được mô tả là`` right before the opening mark, if it is there."""
    toks = view.toks
    end, _ = view.tok_range(open_mark, open_mark + 1)
    k = end
    while k > 0 and end - k < 3 and toks[k - 1][KEY] in _LINKS:
        k -= 1
    last_key = toks[k - 1][KEY] if k > 0 else None
    for verb in _VERBS:
        v = k - len(verb)
        # the verb's last word first: a different one makes the tuples differ as well
        if v <= 0 or last_key != verb[-1] or tuple(t[KEY] for t in toks[v:k]) != verb:
            continue
        p = v - 1
        while p > 0 and v - p <= 2 and toks[p][KEY] in _ADVERBS:
            p -= 1
        if toks[p][KEY] in _PASSIVE and view.sentence_at(toks[p][START]) == view.sentence_at(open_mark):
            last = k if k < end and toks[k][KEY] in ("là", "như", "bằng") else k - 1
            return toks[p][START], toks[last][END]
    return None
