"""A pull quote that lost its marks: the statement, then the speaker's name on a line of its own.

    Tôi chưa bao giờ nghĩ mình sẽ chạy lại được. Nhưng tôi đã làm được.
    Chị Đào Thu Hà, vận động viên marathon

gives one ``indirect`` record per sentence, speaker the person named, cue
``null`` (GUIDELINES, 2026-12-01).  The statement speaks in the first person
and carries no quote marks and no reporting verb of its own; the name line is
a person mention with at most a description after a comma, no verb and no
final stop, and not the article's last line (a byline).
"""
from __future__ import annotations

from ..mentions import Mention
from ..segment import Paragraph
from .candidate import Candidate
from .claims import Claims
from .view import OPEN_MARKS, ArticleView
from ..tokens import KEY, TEXT

__all__ = ["propose_pull_quotes"]

_FIRST_PERSON = frozenset(("tôi", "mình", "chúng tôi"))
# a quote mark of either kind in a paragraph makes it no lost pull quote
_MARKS = OPEN_MARKS | frozenset("”’")
_MAX_NAME_LINE = 120
_CONFIDENCE = 0.5


def propose_pull_quotes(view: ArticleView, claims: Claims) -> None:
    paras = view.paragraphs
    for k in range(1, len(paras) - 1):
        # the cheap test of the statement first: a name line is parsed only after one
        if not _first_person_statement(view, paras[k - 1]):
            continue
        m = _name_line(view, paras[k])
        if m is None:
            continue
        for si in range(view.sentence_at(paras[k - 1].start), len(view.sentences)):
            sent = view.sentences[si]
            if sent.start >= paras[k - 1].end:
                break
            s, e = view.trim(sent.start, sent.end)
            if e - s >= 12 and not claims.overlaps(s, e):
                claims.add(Candidate(s, e, "indirect", "pull-quote", _CONFIDENCE, m.start, si, sent.paragraph, m))


def _name_line(view: ArticleView, p: Paragraph) -> Mention | None:
    """The person a line names, when the line is only that name (and a description after a comma)."""
    text, toks = view.text, view.toks
    if p.end - p.start > _MAX_NAME_LINE or text[p.end - 1] in ".!?…:;" or view.cues[view.sentence_at(p.start)]:
        return None
    lo, hi = view.tok_range(p.start, p.end)
    stop = next((j for j in range(lo, hi) if toks[j][TEXT] == ","), hi)
    m = view.parser.parse(toks, lo, stop)
    if m is None or m.kind != "person" or m.name is None:
        return None
    return m


def _first_person_statement(view: ArticleView, p: Paragraph) -> bool:
    """No quote marks, no cue, and a first-person pronoun."""
    text = view.text
    # the final stop first (one character), then the cues (most paragraphs of a report hold one),
    # then the marks: one pass of the paragraph in C
    if text[p.end - 1] not in ".!?…":
        return False
    # a key is its token's text case-folded, so a first-person key shows in the folded paragraph:
    # str's search rules out most paragraphs before the sentences, cues and tokens are looked up
    folded = text[p.start:p.end].casefold()
    if "tôi" not in folded and "mình" not in folded:
        return False
    first, last = view.sentence_at(p.start), view.sentence_at(p.end - 1)
    if any(view.cues[si] for si in range(first, last + 1)) or not _MARKS.isdisjoint(text[p.start:p.end]):
        return False
    lo, hi = view.tok_range(p.start, p.end)
    keys = [t[KEY] for t in view.toks[lo:hi]]
    return not _FIRST_PERSON.isdisjoint(keys) or "chúng tôi" in " ".join(keys)
