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

import functools
import html
import re
import unicodedata
from bisect import bisect_left, bisect_right

import regex

from .model import Span

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
_ONE_TO_ONE_TARGET = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_ONE_TO_ONE)) + "]")

# --- tone-mark placement -------------------------------------------------------
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = set("aăâeêioôơuưy")
_SHAPED = set("ăâêôơư")
_VI_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")


def _tone_tables() -> tuple[dict[str, tuple[str, str | None]], dict[tuple[str, str], str]]:
    split: dict[str, tuple[str, str | None]] = {}
    compose: dict[tuple[str, str], str] = {}
    bases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for base in bases:
        for tone in _TONES:
            ch = unicodedata.normalize("NFC", base + tone)
            if len(ch) == 1:
                split[ch] = (base, tone)
                compose[(base, tone)] = ch
    return split, compose


_SPLIT, _COMPOSE = _tone_tables()
_TONED_VOWEL = "".join(_SPLIT)
_ALL_VOWEL = _TONED_VOWEL + "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_TONED_SHAPED = "".join(c for c, (b, _) in _SPLIT.items() if b.lower() in _SHAPED)
_SHAPED_ANY = "ăâêôơưĂÂÊÔƠƯ" + _TONED_SHAPED
_TONED_PLAIN = "".join(c for c, (b, _) in _SPLIT.items() if b.lower() not in _SHAPED)
# What every word retone_word() changes contains (a word holds one tone mark, in its one vowel
# run): a toned plain vowel next to another vowel (a lone vowel keeps its tone), or a toned
# shaped vowel with another shaped vowel later in the run (the last shaped vowel takes the tone).
# The common words written the standard way ("người", "được", "nhiều") do not match.  Each of
# the three cases is matched at its toned vowel, tested from there (vowel before, vowel after,
# shaped vowel later): one class of first characters, the toned vowels, lets the scan skip
# every other character.
_MISPLACEABLE = re.compile(  # plain characters only: the standard library scans them faster
    rf"[{_TONED_VOWEL}](?:(?<=[{_ALL_VOWEL}][{_TONED_PLAIN}])|(?<=[{_TONED_PLAIN}])(?=[{_ALL_VOWEL}])"
    rf"|(?<=[{_TONED_SHAPED}])[{_ALL_VOWEL}]*?[{_SHAPED_ANY}])"
)
# The letters retone_word() can change a word of: each lower-cases (tone mark set aside) to a
# Vietnamese letter; the Kelvin sign is the one code point besides them that does.  A word
# holding any other letter comes back unchanged.
_VI_CHARS = frozenset(_VI_LETTERS | {c.upper() for c in _VI_LETTERS} | set(_SPLIT) | {"\u212a"})
_LETTER = regex.compile(r"\p{L}")
# characters known not to be letters, so that a word's edge needs no look-up in most texts
_NOT_LETTERS = frozenset(" \t\n\r\f\v0123456789.,:;!?\"'()[]{}<>-+*/=%&#@_|~^$`\\“”‘’«»„…–—·•\xa0")


def retone_word(word: str) -> str:
    """Put the tone mark of one NFC Vietnamese syllable where the standard
    (traditional) rules place it: ``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``,
    ``quỳên`` → ``quyền``.  Anything that is not a plain syllable with one
    tone mark and one vowel group comes back unchanged; the length never changes.
    """
    info = [_SPLIT.get(c, (c, None)) for c in word]
    toned = [i for i, (_, t) in enumerate(info) if t]
    if len(toned) != 1:
        return word
    lower = [b.lower() for b, _ in info]
    if any(ch not in _VI_LETTERS for ch in lower):
        return word
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lower):
        if lower[i] in _VOWELS:
            j = i
            while j < len(lower) and lower[j] in _VOWELS:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    if len(runs) != 1:
        return word
    start, end = runs[0]
    if end - start > 1 and start > 0 and (
        (lower[start - 1] == "q" and lower[start] == "u")
        or (lower[start - 1] == "g" and lower[start] == "i")
    ):
        start += 1  # the u of qu-, the i of gi- belong to the onset
    shaped = [k for k in range(start, end) if lower[k] in _SHAPED]
    if shaped:
        target = shaped[-1]
    elif end - start == 1:
        target = start
    elif end < len(word):  # a final consonant follows the nucleus
        target = end - 1
    elif end - start == 2:
        target = start
    else:
        target = start + 1
    current = toned[0]
    if target == current:
        return word
    tone = info[current][1]
    assert tone is not None
    new_target = _COMPOSE.get((info[target][0], tone))
    if new_target is None:
        return word
    chars = list(word)
    chars[current] = info[current][0]
    chars[target] = new_target
    return "".join(chars)


# retone_word is a pure function of one word, and a few hundred common words ("của", "này",
# "phải") are most of the words it is asked about, in every text: a small cache of the module
# (bounded, keyed on single words only) answers them without the Python-level syllable parse.
_retoned = functools.lru_cache(maxsize=4096)(retone_word)


def retone(text: str) -> str:
    """:func:`retone_word` over every word (run of letters) of an NFC text (length kept).

    Only the words :data:`_MISPLACEABLE` finds are looked at (a fast scan; a
    few thousand per megabyte, of which a handful change), each through
    :func:`_retoned`.  A word is found by widening the match over :data:`_VI_CHARS`:
    where that stops at another letter, the whole run of letters holds one retone_word()
    refuses, so it stays as written, as retone_word() would leave it.
    """
    pieces: list[str] = []
    copied = word_end = 0
    n = len(text)
    for m in _MISPLACEABLE.finditer(text):
        start = m.start()
        if start < word_end:  # another match in the run just handled
            continue
        # the run of letters retone_word() can change around the match (it holds the match)
        while start > word_end and text[start - 1] in _VI_CHARS:
            start -= 1
        word_end = m.end()
        while word_end < n and text[word_end] in _VI_CHARS:
            word_end += 1
        if (start and _is_letter(text[start - 1])) or (word_end < n and _is_letter(text[word_end])):
            continue  # the word goes on with another letter: retone_word() leaves it as it is
        word = text[start:word_end]
        new = _retoned(word)
        if new != word:
            pieces += (text[copied:start], new)
            copied = word_end
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)


def _is_letter(ch: str) -> bool:
    return ch not in _NOT_LETTERS and _LETTER.match(ch) is not None


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
    if ((start <= 0 or not _LETTER.match(text, start - 1)) and (end >= len(text) or not _LETTER.match(text, end))
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
_REWRITTEN = re.compile("[&<\r" + _INVISIBLE + "".join(re.escape(chr(cp)) for cp in sorted(_ONE_TO_ONE)) + "]")


def _one_to_one(chunk: str) -> str:
    return chunk.translate(_ONE_TO_ONE) if _ONE_TO_ONE_TARGET.search(chunk) else chunk


class NormalizedText:
    """The caller's string, its normalised working copy, and the map between them.

    ``text`` is what the pipeline reads.  ``spelling(start, end)`` gives the
    document's own spelling of a working-copy stretch (NFC, but tone marks
    where the author put them), for names reported back to the caller.
    """

    __slots__ = ("original", "text", "_spelled", "_maps")

    def __init__(self, original: str) -> None:
        if not isinstance(original, str):
            raise TypeError(f"text must be str, not {type(original).__name__}")
        self.original = original
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
        n = len(self.text)
        start, end = min(max(start, 0), n), min(max(end, 0), n)
        ostart = self.start_to_original(start)
        oend = max(ostart, self.end_to_original(end))
        return Span(ostart, oend, self.original[ostart:oend])

    def spelling(self, start: int, end: int) -> str:
        """The author's spelling of a stretch, NFC, with single spaces."""
        return " ".join(self._spelled[start:end].split())
