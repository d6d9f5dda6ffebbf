"""A fronted reporting clause that shares the subject of the clause after it.

``Khẳng định dự án sẽ hoàn thành đúng hạn, song ông Lê Văn Nam thừa nhận …``: the
sentence opens with a reporting verb and its content; the verb's subject is the
subject of the main clause, after ``song``/``nhưng`` or after the comma when that
clause has a cue of its own (``Nhận định rằng …, bà Lan cho biết …``).  One ``indirect``
record (``mixed`` per quoted fragment) of the fronted content, by that subject.
The content must be marked as a proposition, by ``rằng`` or by ``việc`` + clause
(``Khẳng định việc … là phù hợp, song …``), or be a clause before a contrast
(``song``/``nhưng``): setting phrases (``Phát biểu với báo giới trước khi …, ông X``,
``Chia sẻ lên mạng xã hội …``, ``Lý giải nguyên nhân …``) give nothing.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..cues import Cue
from ..mentions import Mention
from .candidate import Candidate
from .claims import Claims
from .subject import opening_mention
from .view import ArticleView
from ..tokens import END, KEY, START, TEXT, is_word

__all__ = ["propose_fronted_cues"]

_REPORTING = ("speech", "report")
# the main clause after a contrast: "…, song ông X thừa nhận …"
_CONTRAST = frozenset(("song", "nhưng"))
_SUBJECT_KINDS = ("person", "organization", "group", "title", "anaphor")
# what marks the fronted content as a proposition; "rằng" is left out of it, "việc" kept
_COMPLEMENTISER = "rằng"
_NOMINALISER = "việc"
_MIN_CONTENT_TOKENS = 3
_CONFIDENCE = 0.7


def propose_fronted_cues(view: ArticleView, claims: Claims) -> None:
    for si, cues in enumerate(view.cues):
        if not cues:
            continue
        cue = cues[0]
        lo, hi = view.sent_tokens[si]
        # the cue's own tests before the paragraph's: either only skips the sentence
        if cue.tok_start != lo or cue.entry.cls not in _REPORTING or not view.toks[lo][TEXT][:1].isupper() or (
                view.is_headline(si)):
            continue
        start_tok = cue.tok_end + (cue.tok_end < hi and view.toks[cue.tok_end][TEXT] in (",", ":"))
        if start_tok >= hi:
            continue
        marked = view.toks[start_tok][KEY] == _COMPLEMENTISER
        bare = not marked and view.toks[start_tok][KEY] != _NOMINALISER
        if bare and view.lex.statement_nouns.match(view.toks, lo):
            continue  # "Thông tin ban đầu về … được …, song …": a noun of speech opens a noun phrase
        start_tok += marked
        found = _main_subject(view, si, start_tok, cues[1:])
        if found is None or (bare and not found[2]):
            continue  # a bare clause only before a contrast: "Phát biểu với báo giới …, ông X" is a setting
        end_tok, subj, _ = found
        if bare and not view.looks_like_clause(view.toks[start_tok][START], view.toks[end_tok - 1][END]):
            continue
        _propose(view, claims, si, cue, start_tok, end_tok, subj, marked)


def _main_subject(view: ArticleView, si: int, start_tok: int,
                  later: Sequence[Cue]) -> tuple[int, Mention, bool] | None:
    """Where the fronted content ends, the main clause's subject, and whether a contrast opens it."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    later_subject = {}
    for c in later:
        m = view.subject_of(lo, c.tok_start)
        if m is not None:
            later_subject[m.tok_start] = m
    for k in range(start_tok + _MIN_CONTENT_TOKENS, hi - 1):
        t = toks[k]
        if t[KEY] in _CONTRAST and (toks[k - 1][TEXT] == "," or is_word(toks[k - 1])):
            m = later_subject.get(k + 1) or opening_mention(view, k + 1, hi)
            if m is not None and m.tok_start == k + 1 and m.kind in _SUBJECT_KINDS:
                return (k - 1 if toks[k - 1][TEXT] == "," else k), m, True
            return None  # the first contrast ends the fronted clause, whoever follows it
        if t[TEXT] == "," and k + 1 in later_subject and later_subject[k + 1].kind in _SUBJECT_KINDS:
            return k, later_subject[k + 1], False
    return None


def _propose(view: ArticleView, claims: Claims, si: int, cue: Cue, start_tok: int, end_tok: int,
             subj: Mention, marked: bool) -> None:
    toks = view.toks
    s, e = view.trim(toks[start_tok][START], toks[end_tok - 1][END])
    if s >= e or claims.overlaps(s, e) or not (marked or view.looks_like_clause(s, e, lenient=True)):
        return
    para = view.paragraph_of(si)
    src = view.statement_source(si)
    frags = view.fragments_in(s, e)
    for qs, qe, kind in ([(q.start, q.end, "mixed") for q in frags] or [(s, e, "indirect")]):
        claims.add(Candidate(qs, qe, kind, "fronted-cue", _CONFIDENCE, subj.start, si, para, subj,
                             (cue.start, cue.end), src))
