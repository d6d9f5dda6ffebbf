"""A quote opened right after a colon: ``Ông Lê Văn Nam chia sẻ thêm về dự án: “…”``.

The speaker is the sentence's cue subject when a cue pass found one, else the
mention before the colon, else the sentence's opening mention.  Runs after the
sentence passes, on quotes nobody claimed.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..mentions import Mention
from .candidate import Candidate
from .claims import Claims
from .subject import opening_mention, sentence_subject
from .view import ArticleView
from ..tokens import KEY, TEXT, is_word

__all__ = ["propose_colon_quotes"]

# words after which a noun phrase is an object or complement, never a clause's subject
PREPOSITIONS = frozenset(("của", "với", "về", "cho", "từ", "tại", "ở", "đến", "tới", "trong", "ngoài"))
_COLON_SPEAKERS = ("person", "title", "organization", "pronoun", "anaphor", "group")


def propose_colon_quotes(view: ArticleView, claims: Claims, cue_subjects: Mapping[int, Mention]) -> None:
    """``cue_subjects``: the first cue subject the sentence passes found in each sentence."""
    text = view.text
    for q in view.quotes:
        if q.open_mark is None or claims.claimed(q):
            continue
        pos = q.open_mark
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        if pos == 0 or text[pos - 1] != ":":
            continue
        si = view.sentence_at(pos - 1)
        colon_tok = view.tok_range(pos - 1, pos)[0]
        m = cue_subjects.get(si)
        if m is None:
            m = _mention_before_colon(view, si, colon_tok) or _answerer(view, si, colon_tok) or _clause_subject(
                view, si, colon_tok)
        if m is None or m.kind not in _COLON_SPEAKERS:
            m = sentence_subject(view, si)
            if m is None or m.tok_end > colon_tok or m.kind == "group":
                continue
            conf = 0.6
        else:
            conf = 0.75
        claims.add(Candidate(q.start, q.end, "direct", "colon", conf, m.start, si, view.paragraph_of(si), m,
                             (pos - 1, pos), None))


def _answerer(view: ArticleView, si: int, colon_tok: int) -> Mention | None:
    """The person who answers after a fronted clause: ``Khi được hỏi rằng liệu …, bà Lan đáp: “…”``."""
    toks = view.toks
    lo = view.sent_tokens[si][0]
    comma = next((k for k in range(colon_tok - 1, lo, -1) if toks[k][TEXT] == ","), None)
    if comma is None:
        return None
    for verb in (1, 2):
        j = colon_tok - verb
        if j <= comma + 1 or not all(is_word(t) and t[TEXT][:1].islower() for t in toks[j:colon_tok]):
            break
        m = view.subject_of(comma + 1, j)
        if m is not None and m.tok_start == comma + 1 and m.tok_end == j and m.kind in ("person", "title"):
            return m
    return None


def _mention_before_colon(view: ArticleView, si: int, colon_tok: int) -> Mention | None:
    toks = view.toks
    lo = view.sent_tokens[si][0]
    m = view.subject_of(lo, colon_tok)
    if m is not None and m.tok_start > lo and toks[m.tok_start - 1][KEY] in PREPOSITIONS:
        return None  # "… ấn tượng với lối chơi của Sanna Khánh Hòa: “…”": an object, not who speaks
    if m is not None and m.kind in ("place", "organization", "group", "outlet") and not (
            m.tok_start == lo or toks[m.tok_start - 1][TEXT] in (",", "–", "-")):
        return None
    return m


def _clause_subject(view: ArticleView, si: int, colon_tok: int) -> Mention | None:
    """The subject opening the colon's own clause, after the last comma before it: ``Cho đến khi
    nhìn thấy …, đón Tết …, ông mới buông một câu: “…”`` (a verb phrase between it and the colon)."""
    toks = view.toks
    lo = view.sent_tokens[si][0]
    comma = next((k for k in range(colon_tok - 1, lo, -1) if not is_word(toks[k])), None)
    if comma is None or toks[comma][TEXT] != "," or colon_tok - comma < 3:
        return None
    m = opening_mention(view, comma + 1, colon_tok)
    if m is None or m.kind not in ("person", "title", "pronoun") or m.tok_end >= colon_tok:
        return None
    rest = toks[m.tok_end:colon_tok]
    return m if all(is_word(t) and t[TEXT][:1].islower() for t in rest) else None
