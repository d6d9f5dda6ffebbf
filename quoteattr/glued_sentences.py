"""Sentences a scraper glued together, without the space or the full stop between them.

A photo credit runs into the next sentence (``Ảnh: Quỳnh Trần Theo kế hoạch, …``,
``Ảnh: Reuters Adva Adar, …``), a dateline into the first word (``Hà NộiNhận thông
báo``), a closing quote mark into the next capital (``… đã có."Chỉ bàn …``).
:func:`glue_cuts` finds where the second sentence starts; :mod:`.segment` cuts there.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING, Protocol

import regex

from .tokens import END, KEY, START, TEXT, Token, glue_points, tokenize

if TYPE_CHECKING:
    from .segment import Paragraph

__all__ = ["OutletNames", "glue_cuts"]


class OutletNames(Protocol):
    """A longest-match lookup of outlet names over tokens (the lexicon's ``outlets``), with the
    first token of every name (``starts``: keys, or texts when ``case_sensitive``)."""

    starts: frozenset[str]
    case_sensitive: bool

    def match(self, tokens: Sequence[Token], i: int, stop: int | None = None) -> tuple[int, str] | None: ...


# "Ảnh: Quỳnh Trần Theo kế hoạch, …": a photo credit glued to the next sentence
_CAPTION = regex.compile(r"(?<![\p{L}\p{N}])(?:Ảnh|Video|Clip|Đồ họa|Đồ hoạ|Đồ hình|Nguồn|Nguồn ảnh)\s?:[ \t]*")
# closed-class words that open a sentence, never a credit's name: connectives, prepositions, honorifics
_OPENERS_WORDS = frozenset((
    "theo", "khi", "tại", "trong", "sau", "trước", "tuy", "nhưng", "còn", "từ", "với", "nếu", "do", "vì",
    "để", "ngoài", "đây", "đó", "hiện", "các", "những", "một", "ông", "bà", "anh", "chị", "cô", "chú", "bác",
    "cụ", "em", "thêm", "cùng", "riêng", "bên", "dù", "mặc", "song", "ngay", "hôm", "ngày", "sáng", "chiều", "tối",
))
# a full stop glued to a quote mark and a capital: "… đã có.\"Chỉ bàn làm …"
_WORD_RUN = regex.compile(r"\S+")
_HEAD = regex.compile(r"(?:\S+\s+){0,2}\S+")
_DOTTED = regex.compile(r"\p{L}\.\p{L}")
_GLUED_QUOTE = regex.compile(r"(?<=[\p{Ll}\p{N}][.!?…]+)[\"“”](?=\p{Lu})")


def glue_cuts(text: str, para: Paragraph, abbreviations: frozenset[str] = frozenset(),
              outlets: OutletNames | None = None) -> list[int]:
    """Where a sentence starts without a space or a full stop before it: after a
    caption credit, at a dateline glued to the first word, at a glued quote."""
    cuts = []
    # each scan below only where its match's own character is (a match lies inside the
    # paragraph): a colon for a caption, a quote mark just after a full stop for a glued quote
    captions = _CAPTION.finditer(text, para.start, para.end) if text.find(":", para.start, para.end) >= 0 else ()
    for m in captions:
        if m.start() > para.start and text[m.start() - 1] not in " \t)]":
            continue
        end = _outlet_credit_end(text, m.end(), para.end, outlets) or _credit_end(text, m.end(), para.end, abbreviations)
        if end is not None:
            cuts.append(end)
            if m.start() > para.start and text[m.start() - 2] not in ".!?…)]\"”":
                cuts.append(m.start())  # "… thành phố Ảnh: X Theo …": the caption is its own sentence
    head = _HEAD.match(text, para.start, para.end)
    if head is not None:  # a dateline glued to the first word: "Hà NộiNhận thông báo, …"
        cuts.extend(glue_points(text, para.start, head.end())[:1])
    seen, straight = para.start, 0  # straight marks before the glued one, counted once
    for m in _GLUED_QUOTE.finditer(text, para.start, para.end) if _stop_before_mark(text, para) else ():
        straight += text.count('"', seen, m.start())
        seen = m.start()
        closing = text[m.start()] == "”" or (text[m.start()] == '"' and straight % 2 == 1)
        cuts.append(m.end() if closing else m.start())
    return cuts


def _stop_before_mark(text: str, para: Paragraph) -> bool:
    """Does a quote mark of the paragraph follow a full stop (``_GLUED_QUOTE``'s lookbehind, which
    reads before the paragraph too)?  Most paragraphs hold none, and their quote marks are few."""
    for q in '"“”':
        i = text.find(q, para.start, para.end)
        while i >= 0:
            if i > 0 and text[i - 1] in ".!?…":
                return True
            i = text.find(q, i + 1, para.end)
    return False


def _outlet_credit_end(text: str, pos: int, end: int, outlets: OutletNames | None) -> int | None:
    """Where a credit that names an outlet ("Ảnh: Reuters Adva Adar, …") ends: after the
    outlet's name, when a capitalised word follows it after a space."""
    if outlets is None:
        return None
    limit = min(end, pos + 80)
    # most credits name a person: their first word starts no outlet's name
    space = text.find(" ", pos, limit)
    first = tokenize(text, pos, limit if space < 0 else space)  # the range's first tokens
    if first and (first[0][TEXT] if outlets.case_sensitive else first[0][KEY]) not in outlets.starts:
        return None
    toks = tokenize(text, pos, limit)
    hit = outlets.match(toks, 0) if toks else None
    if hit is None or hit[0] >= len(toks):
        return None
    nxt = toks[hit[0]]
    if nxt[START] > toks[hit[0] - 1][END] and nxt[TEXT][:1].isupper() and nxt[TEXT][:1].isalpha():
        return nxt[START]
    return None


# an opening quote glued to the word before it: the credit ends there ("Lê Văn“Chúng tôi …")
_MARK_AFTER_LETTER = regex.compile(r"(?<=\p{L})[\"“]")


def _credit_end(text: str, pos: int, end: int, abbreviations: frozenset[str] = frozenset()) -> int | None:
    """Where the credit after ``Ảnh:`` ends, when a sentence follows it on the same line; a
    title abbreviation written with an inner dot ("Th.S", "PGS.TS") opens the sentence."""
    words = list(islice(_WORD_RUN.finditer(text, pos, min(end, pos + 300)), 10))  # no scan past the tenth
    for k, w in enumerate(words):
        word, at = w.group(), w.start()
        if k and _DOTTED.search(word) and word.rstrip(".,").casefold() in abbreviations:
            return at
        mark = _MARK_AFTER_LETTER.search(word)
        if mark is not None:
            return at + mark.start()
        glued = glue_points(text, at, at + len(word))
        if glued:
            return glued[0]
        if word[0] in "\"“":
            return at
        if word[-1] in ".!?…" or not word[0].isalpha():
            return None
        if k == 0 or not word[0].isupper():
            continue
        if word.rstrip(",").casefold() in _OPENERS_WORDS:
            return at
        if k + 1 < len(words) and words[k + 1].group()[0].islower():
            return at
    return None
