"""A headline or teaser ``Speaker: statement``: ``Bộ trưởng Lê Văn Nam: Giá điện sẽ không tăng``.

A short paragraph without a final full stop, a speaker before a colon among
its first words: a person, an organisation (``Sở Giao thông Vận tải: Sẽ cấm
xe tải …``), a group (``Người dân vùng lũ: …``) or a bare role (``Chuyên gia:
…``).  With quote marks after the colon the record is ``direct``, without them
``indirect`` with cue ``:`` (GUIDELINES).  Not a headline statement: a topic
or event label (``Hội nghị G20: Ngoại trưởng Mỹ đánh giá …``, where the part
after the colon names its own speaker), a role doing something
(``Tổng thống Pháp thăm Đức: …``), a place, a caption credit.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from operator import itemgetter

from ..mentions import Mention
from ..mentions.names import holds_cue
from .candidate import Candidate
from .claims import Claims
from ..tokens import END, KEY, START, TEXT, Token, is_word
from .view import ArticleView

__all__ = ["propose_headlines"]

_KEY = itemgetter(KEY)

# who may speak in a headline: a person, an organisation, a group or a bare role
_SPEAKER_KINDS = frozenset(("person", "organization", "group", "title"))
# an organisation head that names an event or a document, not a body that speaks
_EVENT_HEADS = frozenset(("hội nghị", "hội thảo", "diễn đàn", "đại hội", "phiên", "kỳ họp", "lễ", "cuộc"))


def propose_headlines(view: ArticleView, claims: Claims) -> None:
    toks, text = view.toks, view.text
    for p in view.paragraphs:
        if text[p.end - 1] in ".!?…" or p.end - p.start > 200 or text.find(":", p.start, p.end) < 0:
            continue  # str's search first: most short paragraphs hold no colon token to look for
        lo, hi = view.tok_range(p.start, p.end)
        colon = next((k for k in range(lo, min(hi, lo + 16)) if toks[k][TEXT] == ":"), None)
        if colon is None or colon + 1 >= hi:
            continue
        si = view.sentence_at(toks[colon][START])
        if view.sentences[si].start != p.start:
            continue  # "… tại Paris. Ảnh: Nguyễn Linh": a caption after a sentence
        m = view.parser.parse(toks, lo, colon)
        if (m is None and colon - lo <= 6) or (m is not None and m.kind == "anaphor") or (
                m is not None and m.kind == "title" and m.name is None and _speaker_like(view, m, lo, colon)):
            # "Cha đẻ robot Sophia: …", "Nạn nhân: …": the body names whom the description announces
            m = _announced(view, lo, colon, p.end, appositive_only=m is None) or m
        if m is None or not _speaker_like(view, m, lo, colon):
            continue
        cue_span = (toks[colon][START], toks[colon][END])
        end = min(p.end, view.sentences[si].end)
        q = view.quote_opening_at(toks[colon + 1][START], p.end)
        if q is not None:
            if not claims.claimed(q):
                claims.add(Candidate(q.start, q.end, "direct", "colon", 0.7, m.start, si, p.index, m, cue_span))
            continue
        s, e = view.trim(toks[colon + 1][START], end)
        if s < e and not claims.overlaps(s, e) and not _names_own_speaker(view, si, colon):
            claims.add(Candidate(s, e, "indirect", "colon", 0.6, m.start, si, p.index, m, cue_span))


def _announced(view: ArticleView, lo: int, colon: int, after: int, appositive_only: bool) -> Mention | None:
    """The named person the body introduces with the headline's description, by cataphora:
    ``Cha đẻ robot Sophia: …`` → ``Tiến sĩ David Hanson, cha đẻ của robot …`` (an appositive)
    or ``… nạn nhân Lê Văn Nam …`` (the description as a title)."""
    toks = view.toks
    head = [t[KEY] for t in toks[lo:min(colon, lo + 2)]]
    if not all(is_word(t) for t in toks[lo:lo + len(head)]) or (appositive_only and holds_cue(view.lex, toks, lo, colon)):
        return None
    n = len(head)
    first = view.tok_range(after, after)[0]
    seen = 0
    for k in _occurrences(toks, head, first, min(len(toks) - n, first + 600)):
        seen += 1
        if k >= 2 and toks[k - 1][TEXT] in (",", "-", "–", "—"):
            m = view.parser.best_suffix(toks, max(first, k - 10), k - 1)
            if m is not None and m.kind == "person" and m.name is not None and m.certain:
                return m
        for b in range(min(len(toks), k + n + 8), k + n, -1) if not appositive_only else ():
            m = view.parser.parse(toks, k, b)
            if m is not None and m.kind == "person" and m.name is not None and m.certain:
                return m
        if seen == 3:
            break
    return None


def _occurrences(toks: Sequence[Token], head: list[str], first: int, stop: int) -> Iterator[int]:
    """Each ``k`` in ``[first, stop)`` where the keys of ``toks[k:k + len(head)]`` are ``head``, in
    order.  The keys are read once and searched by ``list.index``: the body is scanned up to 600
    tokens per headline."""
    n = len(head)
    if not n:
        yield from range(first, stop)
        return
    keys = list(map(_KEY, toks[first:stop + n]))  # stop + n <= len(toks)
    j, last = 0, stop - first
    while j < last:
        try:
            j = keys.index(head[0], j, last)
        except ValueError:
            return
        if keys[j:j + n] == head:
            yield first + j
        j += 1


def _speaker_like(view: ArticleView, m: Mention, lo: int, colon: int) -> bool:
    """Can the mention before a headline's colon be who speaks?"""
    toks = view.toks
    if m.kind not in _SPEAKER_KINDS:
        return False
    if m.kind == "person":
        # "Bạc Liêu: …" is a place, not a person speaking
        return m.name is not None and not (m.title is None and m.name[0] == m.start and not m.certain)
    if m.kind == "organization":
        head = " ".join(t[KEY] for t in toks[lo:min(colon, lo + 2)])
        return toks[lo][KEY] not in _EVENT_HEADS and head not in _EVENT_HEADS
    if m.kind == "title":
        # a bare role, or a role with a capitalised qualifier; "Tổng thống Pháp thăm Đức" is an event
        role = view.lex.titles.match(toks, lo, colon) or view.lex.groups.match(toks, lo, colon)
        if role is None:
            return False
        return all(not is_word(t) or t[TEXT][:1].isupper() for t in toks[lo + role[0]:colon])
    return m.kind == "group"


def _names_own_speaker(view: ArticleView, si: int, colon: int) -> bool:
    """Does the statement after the colon report someone else (a cue with its own subject)?"""
    lo = colon + 1
    return any(c.tok_start > colon and c.entry.cls in ("speech", "directive", "commit", "report")
               and view.subject_of(lo, c.tok_start) is not None for c in view.cues[si])
