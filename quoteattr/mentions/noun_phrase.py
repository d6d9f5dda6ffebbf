"""Subjects no lexicon knows: the grammar of a subject noun phrase.

Real news is full of speakers that are neither a known name nor a title:
descriptions (``Chủ nhà nói …``, ``“…”, nữ phạm nhân 80 tuổi nói.``), brands
behind a classifier (``hãng xe Toyota cho biết``), a named subject followed by a
verb phrase or a complement before the cue (``Bà Ngô Thị Lan lên tiếng phủ
nhận …``, ``Tiến sĩ Maria Lopez từ Đại học Madrid cho biết …``).  A subject
runs from the clause start up to the cue; it ends before a predicate (an
aspect, modal or negation word, a copula: ``clause_markers.txt``), holds no
cue, and does not open with a preposition or subordinator
(``non_subject_starts.txt``).  Lexicons only add what kind of speaker it is.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..tokens import END, KEY, START, TEXT, Token, is_word
from .model import Mention, is_cap
from .names import holds_cue

if TYPE_CHECKING:
    from .parser import MentionParser

__all__ = ["described_subject", "holds_subordinate", "leading_subject"]

# a description longer than this is a clause, not a subject ("nữ phạm nhân cao tuổi đang lĩnh án")
_MAX_DESCRIPTION = 10
# words between a named subject and its cue: a short verb phrase or complement ("lên tiếng", "từ ĐH X")
_MAX_PREDICATE_GAP = 6
_INSIDE = {"(", ")", "%", "&", "-", "/"}
_LEADING_KINDS = ("person", "title", "organization", "group", "outlet", "coordination")
# words that continue a noun phrase rather than start a predicate after it
_NOUN_MODIFIERS = {"năm", "ngày", "tháng", "quý", "sáng", "chiều", "tối", "hôm", "này", "đó", "ấy", "kia", "và", "hoặc"}
# "người được hỏi", "những người được khảo sát": a passive relative on the head, not a predicate
_RELATIVE_PASSIVE = {"được", "bị"}
# subordinators: they open a clause of its own, whose subject is the speaker ("… khi ngân hàng thông báo")
_SUBORDINATORS = {"khi", "nếu", "vì"}


def holds_subordinate(toks: Sequence[Token], i: int, b: int) -> bool:
    """A lowercase subordinator in ``toks[i:b]``: "Khách hàng bất ngờ khi ngân hàng thông báo …"
    (not a passive one on the head: "người dân khi được hỏi")."""
    return any(toks[q][KEY] in _SUBORDINATORS and not is_cap(toks[q]) and not (
        q + 1 < b and toks[q + 1][KEY] in _RELATIVE_PASSIVE) for q in range(i, b))


def _clause_start(parser: MentionParser, toks: Sequence[Token], a: int, b: int) -> int:
    """Past a leading connective: "Còn chủ nhà nói", "nhưng người bán cho rằng"."""
    c = parser.lex.connectives.match(toks, a, b)
    return a + c[0] if c and a + c[0] < b else a


def _is_noun_phrase(parser: MentionParser, toks: Sequence[Token], k: int, b: int) -> bool:
    """No predicate, no cue, no opening preposition in ``toks[k:b]``."""
    lex = parser.lex
    if lex.non_subject_starts.match(toks, k, b) or _holds_own_cue(parser, toks, k, b):
        return False
    q = k
    while q < b:
        t = toks[q]
        if not is_word(t) and t[TEXT] not in _INSIDE:
            return False
        if t[KEY] in _RELATIVE_PASSIVE and q > k and q + 1 < b and holds_cue(lex, toks, q + 1, q + 2):
            q += 2  # "những người được hỏi"
            continue
        if not is_cap(t) and (lex.clause_markers.match(toks, q, b) or lex.adverbs.match(toks, q, b)
                              or lex.cue_after.match(toks, q, b)):
            return False  # a predicate has begun ("Bổ sung thêm thông tin, …")
        q += 1
    return True


def _holds_own_cue(parser: MentionParser, toks: Sequence[Token], k: int, b: int) -> bool:
    """A cue in ``toks[k:b]`` that is not the verb of a passive relative on the head
    ("số người được hỏi", "những người được khảo sát")."""
    lex = parser.lex
    if not holds_cue(lex, toks, k, b):
        return False
    return any(holds_cue(lex, toks, q, q + 1, stop=b) and not (q > k and toks[q - 1][KEY] in _RELATIVE_PASSIVE)
               for q in range(k, b))


def described_subject(parser: MentionParser, toks: Sequence[Token], a: int, b: int,
                      max_words: int = _MAX_DESCRIPTION) -> Mention | None:
    """``toks[a:b]``, a chunk ending right before a cue, as a subject that no lexicon
    knows: a ``group`` mention of the description as written, or ``None``."""
    k = _clause_start(parser, toks, a, b)
    words = len([t for t in toks[k:b] if t[TEXT][0].isalnum()])  # is_word(t), inline: no call per token
    if not 1 <= words <= max_words or not is_word(toks[k]):
        return None
    if toks[k][TEXT][:1].isdigit() and not (k + 1 < b and toks[k + 1][TEXT] == "%"):
        return None  # a date or amount, except a share of people ("56% số người được hỏi")
    if not _is_noun_phrase(parser, toks, k, b):
        return None
    return Mention(toks[k][START], toks[b - 1][END], "group", tok_start=k, tok_end=b)


def leading_subject(parser: MentionParser, toks: Sequence[Token], a: int, b: int,
                    max_gap: int = _MAX_PREDICATE_GAP) -> Mention | None:
    """A known speaker opening the chunk, then a short verb phrase or complement up to the
    cue: "Bà Ngô Thị Lan lên tiếng phủ nhận", "ông A thay mặt ban tổ chức thông báo";
    a parenthesis right after the speaker is skipped ("ông A (40 tuổi) đã gửi đơn …")."""
    k = _clause_start(parser, toks, a, b)
    if k >= b or not parser.may_start(toks[k]):
        return None  # every parse from ``k`` is None: the loop below would find nothing
    lex = parser.lex
    floor = _gap_floor(toks, k, b, max_gap)
    # ends past parser.end_bound parse to None: those iterations only ``continue``
    for p in range(parser.end_bound(toks, k, min(b - 1, k + parser.max_tokens)), k, -1):
        if p < floor:
            return None  # a mention ending here or further left is answered None (_gap_floor): no parse
        m = parser.parse(toks, k, p)
        if m is None or m.kind not in _LEADING_KINDS or (m.kind == "person" and not m.certain and m.title is None):
            continue
        p = _past_parenthesis(toks, p, b)
        gap = toks[p:b]
        if not gap or len(gap) > max_gap or any(not is_word(t) or t[TEXT][:1].isdigit() for t in gap):
            return None  # a number or date continues the noun phrase ("CĐ năm 2017"), it is no predicate
        if gap[0][KEY] in _NOUN_MODIFIERS:
            return None
        if holds_cue(lex, toks, p, b) or is_cap(gap[0]) or holds_subordinate(toks, p, b):
            return None
        if lex.modals.find_all(toks, p, b):
            return None  # "cha mẹ nên giảm chỉ trích …": what someone should or wants to do, not a statement
        return m
    return None


def _gap_floor(toks: Sequence[Token], k: int, b: int, max_gap: int) -> int:
    """The lowest end ``p`` that :func:`leading_subject` needs to parse: a mention from ``k``
    ending further left leaves a gap ``toks[p:b]`` longer than ``max_gap`` or holding a mark
    or a number, and that gap only grows as ``p`` moves left, so the answer from there on is
    ``None`` whether the mention parses or not; unless a parenthesis opens there, which the
    gap skips (:func:`_past_parenthesis`): then every end is parsed."""
    floor = b - max_gap
    for q in range(b - 1, max(k, floor - 1), -1):
        first = toks[q][TEXT][0]  # not is_word(), or a digit: one read of the token
        if not first.isalnum() or first.isdigit():
            floor = q + 1
            break
    if any(toks[q][TEXT] == "(" for q in range(k + 1, floor)):
        return k + 1
    return floor


def _past_parenthesis(toks: Sequence[Token], p: int, b: int) -> int:
    """Past a parenthesis opening at ``p`` and closing before ``b`` (else ``p``)."""
    if p >= b or toks[p][TEXT] != "(":
        return p
    for q in range(p + 1, b):
        if toks[q][TEXT] == ")":
            return q + 1
    return p
