"""Normalised working copy of the caller's text, with a map back to it.

The pipeline reads one canonical form of Vietnamese: NFC, one tone-mark
placement (``hòa``, ``thủy``, ``quyền``), ``\\n`` line ends, ordinary spaces,
no zero-width or bidi characters or soft hyphens, HTML character references
decoded, HTML tags left over from scraping blanked out (block tags such as
``<p>`` and ``<br>`` end a line).  Invisible characters go first, whether
written as themselves or as references (``&shy;``, ``&#8203;``, ``&lrm;``),
so that none keeps an entity, a tag or a letter and its combining mark
apart.  Every offset the pipeline computes is on that working copy;
:class:`NormalizedText` maps spans back to the exact string the caller passed,
so reported spans satisfy ``original[start:end] == span.text``.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right

import regex

from .model import Span
from .tones import retone, retone_word

__all__ = ["NormalizedText", "fold", "fold_working", "retone", "retone_word"]

# Characters removed outright: zero-width, BOM, soft hyphen, bidi controls.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069\u180e"

_INVISIBLE_RUN = regex.compile(f"[{_INVISIBLE}]+")
_ENTITY = r"&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# First pass: invisible characters, written as themselves or as a reference
# (&shy; &#8203; &lrm; …), go before anything else reads the text, so that
# none splits an entity, a tag or a letter from its combining mark.
_INVISIBLE_OR_ENTITY = regex.compile(f"(?P<invisible>[{_INVISIBLE}]+)|(?P<entity>{_ENTITY})")

_SPECIAL_PARTS = (
    r"(?P<crlf>\r\n)",
    rf"(?P<entity>{_ENTITY})",
    # an HTML tag left over from scraping: blanked out (block tags end a line)
    r"(?P<tag></?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>]{0,1000})?/?>)",
    # a letter and its combining marks: NFC may change their length.  One cluster at a time
    # (composition never reaches across a starter), so the offset map stays exact inside a word
    # and a token cut out of a glued word ("chứcBậc") maps back to its own letters
    r"(?P<combining>[\p{L}\p{N}]\p{M}++|\p{M}++)",
)
_SPECIAL = regex.compile("|".join(_SPECIAL_PARTS))
# the same for a text without combining marks (most news text is precomposed), where the
# last alternative cannot match: scanning for it at every letter is most of the pass
_SPECIAL_NO_MARKS = regex.compile("|".join(_SPECIAL_PARTS[:-1]))
_MARK = regex.compile(r"\p{M}")


def _one_to_one_table() -> dict[int, str]:
    """Length-preserving replacements: they need no entry in the offset map."""
    table: dict[int, str] = {}
    for cp in range(0x20):
        if chr(cp) not in "\n":
            table[cp] = " "
    for ch in "\r\x0b\x85\u2028\u2029":
        table[ord(ch)] = "\n"
    # the article breaks (form feed, record separator) survive as they are:
    # segment.find_articles splits the working copy at them
    for ch in "\x0c\x1e":
        del table[ord(ch)]
    table[0x7F] = " "
    for cp in range(0x80, 0xA0):
        table[cp] = " "
    for ch in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        table[ord(ch)] = " "
    table[0xFF02] = '"'  # fullwidth quotation mark
    for cp in range(0xD800, 0xE000):  # lone surrogates (possible via surrogateescape)
        table[cp] = "\ufffd"
    return table


_ONE_TO_ONE = _one_to_one_table()
# any character the table rewrites (a plain class: the standard library scans it fast)
_ONE_TO_ONE_CHARS = "".join(re.escape(chr(cp)) for cp in sorted(_ONE_TO_ONE))  # for a character class
_ONE_TO_ONE_TARGET = re.compile(f"[{_ONE_TO_ONE_CHARS}]")

_LETTER = regex.compile(r"\p{L}")


def fold(text: str) -> str:
    """A comparison key: NFC, one tone placement, case-folded, single spaces."""
    return _single_spaced(retone(unicodedata.normalize("NFC", text)).casefold())


def _single_spaced(text: str) -> str:
    """``" ".join(text.split())``.  Every white-space character but the space is unprintable,
    so a printable text with no double space and none at either end is already that."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def fold_working(text: str, start: int, end: int) -> str:
    """``fold(text[start:end])`` for a stretch of a working copy (:attr:`NormalizedText.text`).

    retone() has run over the working copy and leaves every word it placed as it is, so a
    stretch that cuts no word and is NFC needs only the case folding and the spaces.
    """
    stretch = text[start:end]
    # the characters either side (a space when none, as the pattern found none there; a negative
    # end counts from the end, as the pattern's position did); an ASCII one is a letter when str
    # says so (the same answer as \p{L}), another is asked of the pattern's own tables
    n = len(text)
    before = text[start - 1] if 0 < start <= n else " "
    after = text[end] if 0 <= end < n else (text[max(0, n + end)] if end < 0 and n else " ")
    if ((not before.isalpha() if before.isascii() else _LETTER.match(before) is None)
            and (not after.isalpha() if after.isascii() else _LETTER.match(after) is None)
            and unicodedata.is_normalized("NFC", stretch)):
        return _single_spaced(stretch.casefold())
    return fold(stretch)


# tags that break a line: their blanked form starts with "\n"
_BLOCK_TAG = regex.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|thead|tbody|blockquote|pre|section|article|"
    r"header|footer|aside|nav|figure|figcaption|main)\b",
    regex.IGNORECASE,
)


def _replacement(kind: str | None, match: str) -> str:
    if kind == "crlf":
        return "\n"
    if kind == "tag":  # same length: offsets stay one to one
        return ("\n" if _BLOCK_TAG.match(match) else " ").ljust(len(match))
    if kind == "entity":
        decoded = html.unescape(match)
        if not decoded:  # a reference to a code point HTML forbids stays as written
            return match
        return _INVISIBLE_RUN.sub("", decoded).translate(_ONE_TO_ONE)
    return unicodedata.normalize("NFC", match).translate(_ONE_TO_ONE)


def _visible(kind: str | None, match: str) -> str:
    """First pass: an invisible character, or a reference to one, goes; the rest stays."""
    if kind == "invisible":
        return ""
    decoded = html.unescape(match)
    return "" if decoded and not _INVISIBLE_RUN.sub("", decoded) else match


class _OffsetMap:
    """Offsets in a rewritten string back to the string it was rewritten from.

    ``segs`` lists the rewrites that changed length, in order, as
    ``(new_start, new_end, old_start, old_end)``; between them the two strings
    run in step.
    """

    __slots__ = ("_segs", "_starts")

    def __init__(self, segs: list[tuple[int, int, int, int]]) -> None:
        self._segs = segs
        self._starts = [s[0] for s in segs]

    def start(self, pos: int) -> int:
        """Where a span starting at ``pos`` starts: after what was deleted there."""
        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return pos
        ns, ne, os_, oe = self._segs[k]
        if pos < ne or (ns == ne == pos):
            return oe if ns == ne else os_
        return oe + (pos - ne)

    def end(self, pos: int) -> int:
        """Where a span ending at ``pos`` ends: before what was deleted there."""
        k = bisect_left(self._starts, pos) - 1
        if k < 0:
            return pos
        ns, ne, os_, oe = self._segs[k]
        if pos <= ne:
            return oe
        return oe + (pos - ne)


def _rewrite(text: str, pattern: regex.Pattern, replace, between=None) -> tuple[str, _OffsetMap | None]:
    """``text`` with every match of ``pattern`` replaced by ``replace(kind, match)``
    and the stretches between matches passed through ``between``; the map back,
    or ``None`` when no length changed."""
    pieces: list[str] = []
    segs: list[tuple[int, int, int, int]] = []
    pos = npos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            chunk = text[pos:m.start()]
            pieces.append(between(chunk) if between else chunk)
            npos += m.start() - pos
        rep = replace(m.lastgroup, m.group())
        if len(rep) != m.end() - m.start():  # same length: offsets line up one to one
            segs.append((npos, npos + len(rep), m.start(), m.end()))
        pieces.append(rep)
        npos += len(rep)
        pos = m.end()
    if not pieces and between is None:
        return text, None
    if pos < len(text):
        pieces.append(between(text[pos:]) if between else text[pos:])
    return "".join(pieces), (_OffsetMap(segs) if segs else None)


# Every character a rewrite pass acts on, combining marks aside: "&" (a reference), "<" (a
# tag), "\r" (a CRLF), the invisible ones, and those _ONE_TO_ONE replaces.  Without any, the
# first pass finds nothing, and the second without marks finds nothing and translates nothing.
_REWRITTEN = re.compile("[&<\r" + _INVISIBLE + _ONE_TO_ONE_CHARS + "]")


def _char_class(chars: str) -> str:
    """A character class body for ``chars``, as ranges of consecutive code points."""
    cps, out, k = sorted(set(map(ord, chars))), [], 0
    while k < len(cps):
        j = k
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[k])) + ("-" + re.escape(chr(cps[j])) if j > k else ""))
        k = j + 1
    return "".join(out)


# The characters of most news text (Latin, Vietnamese, Greek, Cyrillic, punctuation, symbols) that
# neither pass acts on: neither rewritten nor a combining mark.  A text of these only is its own
# working copy before retone(), which one scan of the standard library tells (_REWRITTEN and _MARK
# would each scan it once).
_COMMON = "\n\f\x1e" + "".join(map(chr, (*range(0x20, 0x300), *range(0x370, 0x483), *range(0x1E00, 0x1F00),
                                           *range(0x2000, 0x2070), *range(0x20A0, 0x20C1), *range(0x2100, 0x2200))))
_UNTOUCHED = _MARK.sub("", _REWRITTEN.sub("", _COMMON))
_TOUCHED = re.compile(f"[^{_char_class(_UNTOUCHED)}]")


def _one_to_one(chunk: str) -> str:
    return chunk.translate(_ONE_TO_ONE) if _ONE_TO_ONE_TARGET.search(chunk) else chunk


class NormalizedText:
    """The caller's string, its normalised working copy, and the map between them.

    ``text`` is what the pipeline reads.  ``spelling(start, end)`` gives the
    document's own spelling of a working-copy stretch (NFC, but tone marks
    where the author put them), for names reported back to the caller.
    """

    __slots__ = ("original", "text", "_spelled", "_maps")
    _maps: tuple[_OffsetMap, ...]

    def __init__(self, original: str) -> None:
        if not isinstance(original, str):
            raise TypeError(f"text must be str, not {type(original).__name__}")
        self.original = original
        if _TOUCHED.search(original) is None:  # most texts: no pass would rewrite a character
            self._spelled, self._maps = original, ()
            self.text = retone(original)
            return
        # most texts hold no character either pass rewrites: both would return them as they are
        plain = _REWRITTEN.search(original) is None
        visible, first = (original, None) if plain else _rewrite(original, _INVISIBLE_OR_ENTITY, _visible)
        if _MARK.search(visible):
            self._spelled, second = _rewrite(visible, _SPECIAL, _replacement, _one_to_one)
        elif plain:
            self._spelled, second = visible, None
        else:
            self._spelled, second = _rewrite(visible, _SPECIAL_NO_MARKS, _replacement, _one_to_one)
        self.text = retone(self._spelled)
        # working copy → visible text → original, applied in that order
        self._maps = tuple(m for m in (second, first) if m is not None)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"NormalizedText({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"

    def start_to_original(self, pos: int) -> int:
        """Map a working-copy start offset to the original string."""
        for m in self._maps:
            pos = m.start(pos)
        return pos

    def end_to_original(self, pos: int) -> int:
        """Map a working-copy end offset to the original string."""
        for m in self._maps:
            pos = m.end(pos)
        return pos

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the original text for a working-copy stretch."""
        # min(max(x, 0), n) and max(ostart, oend) written out: every record asks for three spans
        n = len(self.text)
        start = 0 if start < 0 else (n if start > n else start)
        end = 0 if end < 0 else (n if end > n else end)
        if self._maps:
            start, end = self.start_to_original(start), self.end_to_original(end)
        if end < start:
            end = start
        return Span(start, end, self.original[start:end])

    def spelling(self, start: int, end: int) -> str:
        """The author's spelling of a stretch, NFC, with single spaces."""
        return " ".join(self._spelled[start:end].split())
