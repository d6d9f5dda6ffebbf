"""The speaker mention right before a cue, through appositive chains.

In ``ông A, Giám đốc Sở B, cho biết`` the speaker is ``ông A``: the chain is
read from the cue leftwards, chunk by chunk (commas, dashes), past titles,
organisations and descriptions (``nguyên Phó Vụ trưởng …``, ``(Bộ GDĐT)``,
``nhà ở ấp 6``) to the named person they describe.
"""
from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING

import attrs

from ..segment import CLOSE_MARKS
from ..tokens import END, KEY, TEXT, Token, is_word
from .grammar import SEPARATORS
from .model import GENDER_WORDS, Mention, is_cap
from .names import holds_cue, unit
from .noun_phrase import described_subject, leading_subject

if TYPE_CHECKING:
    from ..lexicon import CompiledLexicon
    from .parser import MentionParser

__all__ = ["subject_before"]

_KEY = itemgetter(KEY)  # a token's key, read by built-ins
# the marks :func:`_chunks` reads: parentheses and the separators between chunks
_CHUNK_MARKS = frozenset(SEPARATORS | {"(", ")"})
# "được Bộ Giáo dục và Đào tạo đánh giá là …": the agent of a passive is the speaker
_PASSIVE = {"được", "bị", "do", "bởi"}
_APPOSITIVE_OPENERS = {"đồng", "nguyên", "cựu", "là", "người", "một", "hiện", "từng", "vốn", "ở", "trú", "ngụ", "quê",
                       "sinh"}
# a chunk opening with one of these is a condition or a case, not a clause with a speaker
_CASE_OPENERS = {"trường hợp", "nguyên nhân", "lý do", "nếu", "việc", "điều", "sự"}
# a description opening with one of these is someone's ("Một người hàng xóm …", "Nhiều cán bộ …")
_QUANTIFIED_OPENERS = {"một", "nhiều", "các", "những", "hai", "ba", "mấy"}
# a noun phrase right after one of these is an object or a complement, never the subject
_OBJECT_MARKERS = {"lên", "cho", "tới", "đến", "với", "vào", "ra", "về", "gặp", "gửi"}
# "khi" (when), "vì" (because) open a clause that happened, so its subject did speak (not "nếu")
_FACTIVE_SUBORDINATORS = {"khi", "vì"}
# words between a subject and its cue when an object stands before the cue ("gửi đơn lên X")
_OBJECT_GAP = 16
# a person right after one of these is not the subject: "Theo ông A, Bộ Y tế cho biết"
_NOT_BEFORE_SUBJECT = {"theo", "với", "của", "từ", "cho", "về", "tại", "gặp", "và", "lẫn", "cùng"}


def subject_before(parser: MentionParser, toks: Sequence[Token], lo: int, j: int) -> Mention | None:
    """The speaker mention ending just before ``toks[j]`` (a cue), searching no
    further left than ``lo``."""
    j = parser.skip_adverbs_back(toks, lo, j)
    if j <= lo:
        return None
    if toks[j - 1][TEXT] == ")":
        return _before_parenthesis(parser, toks, lo, j)
    return _read_chain(parser, toks, lo, j)


def _before_parenthesis(parser: MentionParser, toks: Sequence[Token], lo: int, j: int) -> Mention | None:
    """"chị Sương (30 tuổi, Hà Nội) cho biết": the subject before the parenthesis, which it takes in."""
    depth, k = 0, j - 1
    while k >= lo:
        if toks[k][TEXT] == ")":
            depth += 1
        elif toks[k][TEXT] == "(":
            depth -= 1
            if depth == 0:
                break
        k -= 1
    if k > lo:
        found = subject_before(parser, toks, lo, k)
        if found is not None and found.tok_end == k:
            return attrs.evolve(found, end=toks[j - 1][END], tok_end=j)
        return found  # a head further back keeps its own span
    return _read_chain(parser, toks, lo, j)


def _read_chain(parser: MentionParser, toks: Sequence[Token], lo: int, j: int) -> Mention | None:
    chunks = _chunks(toks, lo, j)
    head = _person_heading_chain(parser, toks, chunks, j)
    if head is not None:
        return head
    comma_before_cue = len(chunks) > 1 and chunks[-1][0] >= chunks[-1][1]
    first: Mention | None = None
    first_seen = False  # an appositive chunk lies between the cue and the chunk being read
    for idx in range(len(chunks) - 1, -1, -1):
        a, b = chunks[idx]
        if a >= b:
            if idx == len(chunks) - 1:
                continue  # "…, cho biết": a comma right before the cue
            break
        if idx < len(chunks) - 1 and toks[chunks[idx][1]][TEXT] in (":", ";", "…"):
            break  # a headline prefix or another clause, not an apposition
        m = parser.best_suffix(toks, a, b)
        if not first_seen:
            first_seen = True
            m = _nearest_chunk_mention(parser, toks, m, a, b, idx < len(chunks) - 1)
            if m is None:
                # "ông Hùng, chủ vựa cá lóc, cho biết": a description no lexicon knows, after a name
                if idx > 0 and (appositive_like(parser, toks, a, b) or described_subject(parser, toks, a, b)):
                    continue
                return None
            first = m
            if idx == 0 or m.kind not in ("title", "group", "organization", "anaphor"):
                return m
            if m.kind == "group" and not appositive_like(parser, toks, a, b):
                return m
            continue
        if _named_head(parser, toks, m, first, a):
            assert m is not None
            # "Trâm Anh, một sinh viên người Việt, cho biết": a description after it vouches for a name
            certain = m.certain or (first is not None and first.kind in ("group", "title") and 2 <= m.tok_end - m.tok_start <= 3)
            return attrs.evolve(m, end=toks[j - 1][END], tok_end=j, certain=certain)
        if first is not None and first.kind == "organization" and not comma_before_cue and not (
                (m is not None and m.kind == "title") or _starts_with_title(parser, toks, a, b)):
            break
        if (m is not None and m.kind in ("title", "organization")) or appositive_like(parser, toks, a, b):
            continue
        break
    return first


def _nearest_chunk_mention(parser: MentionParser, toks: Sequence[Token], m: Mention | None, a: int, b: int,
                           before_comma: bool) -> Mention | None:
    """The subject in the chunk right before the cue, given its longest mention tail ``m``."""
    opener = parser.lex.non_subject_starts.match(toks, a, m.tok_start) if m is not None and m.tok_start > a and (
        toks[m.tok_start - 1][KEY] not in _PASSIVE) else None  # "Nguyên nhân được ông A chỉ ra": the agent speaks
    if opener is not None and " ".join(t[KEY] for t in toks[a:a + opener[0]]) in _CASE_OPENERS:
        return None  # "Trường hợp khách hàng đánh giá …", "Nếu người dân phản ánh …": a condition has no speaker
    tail_of_phrase = m is not None and m.tok_start > a and (
        is_word(toks[m.tok_start - 1]) and not toks[m.tok_start - 1][TEXT][:1].isupper()
        and toks[m.tok_start - 1][KEY] not in _PASSIVE
        and not parser.lex.connectives.match_ending(toks, m.tok_start, a))
    if tail_of_phrase and m is not None and m.kind in ("organization", "outlet", "group") and _issued_by(
            parser, toks, a, m):
        return m  # "Kết quả khảo sát của Tổng cục Thống kê cho biết": the document's issuer speaks
    if tail_of_phrase and m is not None and toks[m.tok_start - 1][KEY] in _FACTIVE_SUBORDINATORS and (
            m.kind in ("person", "title", "organization", "outlet", "group")):
        return m  # "Khách hàng bất ngờ khi ngân hàng thông báo …": the subordinate clause's subject speaks
    if tail_of_phrase and m is not None and toks[m.tok_start - 1][KEY] in _OBJECT_MARKERS:
        # "ông A (40 tuổi) đã gửi đơn lên chính quyền TP đề nghị": an object is never the subject
        return None if before_comma else leading_subject(parser, toks, a, b, max_gap=_OBJECT_GAP)
    if tail_of_phrase or m is None:
        # "Bà A lên tiếng phủ nhận", "ông A thay mặt ban tổ chức thông báo": the subject leads
        lead = None if before_comma else leading_subject(parser, toks, a, b)
        if lead is not None:
            return lead
    if m is not None and tail_of_phrase and (m.kind in ("place", "organization") or parser.lex.place_prefixes.match_ending(
            toks, m.tok_start, a)):
        return None  # "… dân gian Việt Nam", "…, quận Đống Đa": the tail of a longer phrase, a place
    if m is not None and before_comma and m.tok_start > a:
        return None  # "Trung Quốc phản đối …, cho rằng": not an appositive, a clause
    return m


def _issued_by(parser: MentionParser, toks: Sequence[Token], a: int, m: Mention) -> bool:
    """Is ``m`` the issuer of a statement noun that opens the chunk ("Thông cáo của Bộ Y tế",
    "Số liệu từ Tổng cục Thống kê")?  GUIDELINES: a document's issuer is the speaker."""
    lex = parser.lex
    if toks[m.tok_start - 1][KEY] not in ("của", "từ", "do"):
        return False
    k = a + unit(toks, a, m.tok_start, lex.quantifiers)
    return bool(unit(toks, k, m.tok_start, lex.statement_nouns)) and not holds_cue(lex, toks, k, m.tok_start - 1)


def _person_heading_chain(parser: MentionParser, toks: Sequence[Token], chunks: list[tuple[int, int]],
                          j: int) -> Mention | None:
    """"GS.TS Hans Liu, Bệnh viện Bryn Mawr, Mỹ, cho biết", "Ông A, Giám đốc Ban quản lý dự án
    cao tốc X - Y, cho biết": a named person opening a chunk, with only appositives (places,
    organisations, roles, however written) between it and the cue, is the speaker.  The
    chain stops at a chunk that holds a cue or a predicate: that is a clause of its own.

    A head opening the chunk right before the cue is no appositive chain's: the answer is
    then ``None``, and so it is when the chunks further left give none; so that chunk's head
    is looked for only when they give one (the same answer, its parses saved mostly)."""
    inner = [c for c in chunks if c[0] < c[1]]
    if len(inner) < 2:
        return None
    last = inner[-1]
    if _stops_chain(parser, toks, *last, j):
        return None
    for a, b in reversed(inner[-6:-1]):
        if _stops_chain(parser, toks, a, b, j):
            return None
        m = _chunk_head(parser, toks, inner, a, b)
        if m is not None:
            found: Mention | None = attrs.evolve(m, end=toks[j - 1][END], tok_end=j)
            break
    else:
        found = _description_heading_chain(parser, toks, inner)
    if found is None or _chunk_head(parser, toks, inner, *last) is not None:
        return None
    return found


def _stops_chain(parser: MentionParser, toks: Sequence[Token], a: int, b: int, j: int) -> bool:
    """Does chunk ``toks[a:b]`` end the chain: a headline prefix or another clause after it,
    or a cue or a predicate in it?"""
    if b < j and toks[b][TEXT] in (":", ";", "…"):
        return True  # a headline prefix or another clause, not an apposition
    lex = parser.lex
    relative = toks[a][KEY] in _APPOSITIVE_OPENERS  # "người có cháu gái được thả hôm qua": a relative clause
    # the predicate test first (set look-ups, by built-ins): where it holds, the cue search is skipped
    return (not relative and not lex.predicate_words.isdisjoint(map(_KEY, toks[a:b]))) or holds_cue(lex, toks, a, b)


def _chunk_head(parser: MentionParser, toks: Sequence[Token], inner: list[tuple[int, int]], a: int,
                b: int) -> Mention | None:
    """The named person opening chunk ``toks[a:b]`` (past a connective) that heads the chain:
    introduced by a title or honorific, or opening the chain, or right after a quote."""
    lex = parser.lex
    k = a
    c = lex.connectives.match(toks, a, b)
    if c and a + c[0] < b:
        k = a + c[0]
    # "…, Đại học California, Santa Barbara cho biết": a bare name inside a chain is no head
    bare_name_heads = (a, b) == inner[0] or (a >= 2 and toks[a - 2][TEXT] in CLOSE_MARKS)
    if not bare_name_heads and not _may_introduce(lex, toks[k]):
        return None  # no person parsed from toks[k] is introduced: none is worth a parse
    m = _opening_person(parser, toks, k, b)
    if m is None:
        return None
    introduced = m.title is not None or (m.name is not None and m.name[0] > m.start)
    return m if introduced or bare_name_heads else None


def _may_introduce(lex: CompiledLexicon, tok: Token) -> bool:
    """Can a person parsed from ``tok`` have a title or honorific before its name?  Only an
    honorific's name and a title chain's (:func:`.titles.titled_mention`) do, and
    :func:`.grammar._single` reads those only from an honorific's or title's first word, or
    a gender word before a title ("nữ ca sĩ …"); a bare capitalised run or a lone head word
    is a name from its first word (:func:`.grammar._capitalised_run`, ``_headed``)."""
    key, text = tok[KEY], tok[TEXT]
    return key in GENDER_WORDS or any((text if m.case_sensitive else key) in m.starts
                                      for m in (lex.honorifics, lex.titles))


def _description_heading_chain(parser: MentionParser, toks: Sequence[Token],
                               inner: list[tuple[int, int]]) -> Mention | None:
    """"Một người hàng xóm tại thôn A, xã B (huyện C) cho biết": a description opening the
    sentence, then only places, organisations and roles up to the cue, is the speaker."""
    if len(inner) > 6 or toks[inner[0][0]][KEY] not in _QUANTIFIED_OPENERS:
        return None
    for a, b in inner[1:]:
        m = parser.best_suffix(toks, a, b)
        if not (appositive_like(parser, toks, a, b) or (m is not None and m.tok_start == a and m.kind in (
                "place", "organization"))):
            return None
    return described_subject(parser, toks, *inner[0])  # the description as written names the speaker


def _opening_person(parser: MentionParser, toks: Sequence[Token], k: int, b: int) -> Mention | None:
    """The longest named person (with a title or honorific, or a sure name) opening ``toks[k:b]``."""
    for p in reversed(parser.person_ends(toks, k, min(b, k + parser.max_tokens))):
        if p - k < 2:
            break  # one word is no such person: a name, with a title or honorific or not, has two
        m = parser.parse(toks, k, p)
        if m is not None and m.kind == "person" and m.name is not None and (
                m.certain or m.title is not None or m.name[0] > m.start):
            return m
    return None


def _named_head(parser: MentionParser, toks: Sequence[Token], m: Mention | None, first: Mention | None,
                a: int) -> bool:
    """Is ``m`` (the tail of chunk ``toks[a:…]``) the named person an appositive belongs to?"""
    if m is None or m.kind != "person" or m.name is None:
        return False
    introduced = m.title is not None or m.name[0] > m.start
    if not (m.certain or introduced or (first is None or first.kind == "group")):
        return False
    if not (introduced or m.tok_start == a):
        conn = parser.lex.connectives.match(toks, a, m.tok_start)  # "Còn ông A, …"
        if conn is None or conn[0] != m.tok_start - a:
            return False
    return not (m.tok_start > a and toks[m.tok_start - 1][KEY] in _NOT_BEFORE_SUBJECT)


def _starts_with_title(parser: MentionParser, toks: Sequence[Token], a: int, b: int) -> bool:
    k = a
    while k < b and toks[k][KEY] in ("nguyên", "cựu", "hiện", "là"):
        k += 1
    return k < b and bool(unit(toks, k, b, parser.lex.titles))


def appositive_like(parser: MentionParser, toks: Sequence[Token], a: int, b: int) -> bool:
    """A chunk describing someone named before it: "một người đang làm …",
    "đồng thời cũng là …", "nguyên Phó Vụ trưởng …", "(Bộ GDĐT)"."""
    lex = parser.lex
    k = a + unit(toks, a, b, lex.quantifiers)
    if k >= b:
        return False
    if toks[a][TEXT] == "(" or toks[a][KEY] in _APPOSITIVE_OPENERS:
        return True
    if unit(toks, a, b, lex.place_prefixes) or (
            toks[a][KEY] == "nhà" and a + 1 < b and toks[a + 1][KEY] == "ở"):
        return True  # "…, nhà ở ấp 6, xã Tân Hội Trung, kể lại": where the speaker lives
    if b - a <= 3 and is_cap(toks[a]) and all(is_word(t) for t in toks[a:b]):
        return True  # "Khoa Tiết niệu - Nam học - …": pieces of an organisation's name
    return bool(unit(toks, k, b, lex.titles) or unit(toks, k, b, lex.groups) or unit(toks, k, b, lex.anaphors))


def _chunks(toks: Sequence[Token], lo: int, j: int) -> list[tuple[int, int]]:
    lo = max(lo, j - 160)  # a subject is never further than this from its cue
    out: list[tuple[int, int]] = []
    start, depth = lo, 0
    for i in range(lo, j):
        t = toks[i][TEXT]
        if t not in _CHUNK_MARKS:
            continue  # a word, most tokens: one set look-up, no comparisons
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, j))
    return out[-8:]
