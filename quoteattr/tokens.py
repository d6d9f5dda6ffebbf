"""Word and punctuation tokens over the normalised text.

Vietnamese writes one syllable per space-separated unit, so a token here is a
syllable (or a foreign word, a number, an abbreviation such as ``GS.TS`` or
``TP.HCM``), never a multi-syllable word.  Lexicon phrases are tokenised the
same way and matched token by token.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

__all__ = ["END", "KEY", "START", "TEXT", "Token", "TokenCache", "is_word", "make_token", "tokenize", "token_keys"]

# A word: letters/digits, joined by inner hyphens, ampersands, apostrophes or
# slashes (Jong-ho, GD&ĐT, O'Brien, 2012-2014); dots join only abbreviation
# parts and numbers (GS.TS, TP.HCM, 1.500) — "nhau.Trong" stays two words.
# A site name's label starts with a letter or digit and has at most 63
# characters (the DNS rules): unbounded, the first alternative scanned a run of
# hyphens to its end from every position of the run, quadratic in its length.
_DOTTED_PARTS = (
    r"[\p{L}\p{N}][\p{L}\p{N}-]{0,62}+(?:\.(?:com|net|org|gov|edu|info|vn|au|uk|us|tv|co))+\b",  # news.com.au, Baoquocte.vn
    r"(?:\p{Lu}[\p{Lu}\p{Ll}]{0,3}\.)+\p{Lu}[\p{L}\p{M}]*",  # GS.TS, TP.HCM, Th.S, PGS.TS
)
_OTHER_PARTS = (
    r"\p{N}+(?:[.,]\p{N}+)+",  # 1.500  2,5  7.4.2
    r"[\p{L}\p{M}\p{N}]+(?:[-&'’/_][\p{L}\p{M}\p{N}]+)*",  # words, Il-ho, GD&ĐT
    r"\S",  # any other mark
)
_TOKEN = regex.compile("|".join(_DOTTED_PARTS + _OTHER_PARTS))
# _TOKEN less the parts that take a literal dot: the same matches on a text without one
_UNDOTTED_TOKEN = regex.compile("|".join(_OTHER_PARTS))
_LETTER_RUNS = regex.compile(r"\p{L}+(?: \p{L}+)*")


# A token: (start, end, text, key), the key its case-folded text used for lexicon look-ups.
# An exact tuple, its fields read by these indices: CPython's collector untracks an exact tuple
# of ints and strings at its first collection (a tuple subclass, such as a NamedTuple, stays
# tracked, and a pass builds a hundred thousand tokens), and Python 3.11 specialises an item
# read of an exact tuple but not a NamedTuple's field read.
Token = tuple[int, int, str, str]
START: Final = 0
END: Final = 1
TEXT: Final = 2
KEY: Final = 3


def is_word(tok: Token) -> bool:
    """Does the token start with a letter or a digit (not a mark)?"""
    return tok[TEXT][0].isalnum()


def make_token(start: int, end: int, text: str, key: str | None = None) -> Token:
    """A token of ``text`` at ``[start, end)``; its key is ``text`` case-folded unless given."""
    return (start, end, text, text.casefold() if key is None else key)


# Two syllables glued by a scraper that dropped the space between blocks
# ("Quỳnh TrangCác sản phẩm", "Hà NộiNhận"): a lower-case letter, then an
# upper-case syllable; one side must be Vietnamese (a non-ASCII letter), so
# brand names written in camel case ("VnExpress", "TikTok") stay whole.
GLUE = regex.compile(r"(?<=\p{Ll}\p{M}*)(?=\p{Lu}\p{Ll})")
_SYLLABLE_BEFORE = regex.compile(r"\p{L}[\p{L}\p{M}]*$")
_SYLLABLE_AFTER = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*")


def glue_points(text: str, start: int, end: int) -> list[int]:
    """Positions inside ``text[start:end]`` where two glued syllables meet.  Never ``start``
    itself, though the look-behind sees a letter before a range that starts inside a word:
    a cut there would make a token of no characters."""
    out = []
    for m in GLUE.finditer(text, start + 1, end):
        i = m.start()
        left = _SYLLABLE_BEFORE.search(text, max(start, i - 12), i)
        right = _SYLLABLE_AFTER.match(text, i, end)
        word = (left.group() if left else "") + (right.group() if right else "")
        if not word.isascii():
            out.append(i)
    return out


def _spelling(word: str) -> tuple[str, str, bool]:
    """A spelling's text, its key (the same string when case folding changes nothing), and
    whether it may be two syllables glued together (a cheap test; glue_points decides)."""
    key = word.casefold()
    return word, word if key == word else key, len(word) > 3 and word[0].isalpha() and word[1:] != word[1:].lower()


class TokenCache:
    """What :func:`tokenize` learnt about the space-free chunks it has met.

    A chunk's tokens are a pure function of the chunk (see :func:`tokenize`), so
    one cache may serve any number of texts without changing a token; an
    :class:`~quoteattr.Attributor` owns one.  News text repeats a few thousand
    chunks (syllables, with their commas and quote marks), so most chunks are
    tokenised once.  Bounded: past ``limit`` entries it starts afresh.
    """

    __slots__ = ("chunks", "spellings", "limit")

    def __init__(self, limit: int = 1 << 15) -> None:
        self.limit = limit
        self._reset()

    def _reset(self) -> None:
        # chunk -> (text, key, length) of its one plain token, or (None, pieces, length): pieces
        # (start, end, text, key, glued) each; the length saves tokenize a len() per chunk
        self.chunks: dict[str, tuple] = {"": (None, (), 0)}
        self.spellings: dict[str, tuple[str, str, bool]] = {}

    def chunks_for(self, parts: list[str]) -> tuple[dict[str, tuple], bool]:
        """The chunk table, holding every chunk of ``parts`` but the long ones (``_LONG_CHUNK``
        characters or more, never learnt), and whether there are any.  The caller keeps the
        table it gets: a fresh one (another thread's reset) never takes entries away from it."""
        chunks = self.chunks
        missing = set(parts).difference(chunks)
        if not missing:
            return chunks, False
        # a long chunk is never in the table, so it is among the missing ones: only those are measured
        long = any(len(c) >= _LONG_CHUNK for c in missing)
        if long:
            missing = {c for c in missing if len(c) < _LONG_CHUNK}
        if len(chunks) + len(self.spellings) + len(missing) > self.limit:
            self._reset()
            chunks = self.chunks
            missing = {c for c in parts if len(c) < _LONG_CHUNK}.difference(chunks)
        self._learn(chunks, list(missing))
        return chunks, long

    def spelling(self, word: str) -> tuple[str, str, bool]:
        """:func:`_spelling` of ``word``, one string per spelling."""
        known = self.spellings.get(word)
        if known is None:
            known = self.spellings[word] = _spelling(word)
        return known

    def _learn(self, chunks: dict[str, tuple], new: list[str]) -> None:
        # A chunk of letters only is one token, the whole chunk: no other part of _TOKEN can
        # match at a letter inside it (the first two need a dot, the third a digit) and the
        # word part takes every letter.  One match of _LETTER_RUNS over them all confirms them in
        # the pattern's own letter tables (str.isalpha only picks them out).
        words = [c for c in new if c.isalpha()]
        if words and _LETTER_RUNS.fullmatch(" ".join(words)):
            spelling = self.spelling
            for chunk in words:
                chunks[chunk] = _one_token_entry(len(chunk), *spelling(chunk))
            new = [c for c in new if not c.isalpha()]
        # The rest by the pattern; without a dot the first two parts of _TOKEN cannot match
        # (each takes a dot), so chunks without one are read by the pattern less those parts.
        self._learn_by(chunks, _TOKEN, [c for c in new if "." in c])
        self._learn_by(chunks, _UNDOTTED_TOKEN, [c for c in new if "." not in c])

    def _learn_by(self, chunks: dict[str, tuple], pattern: regex.Pattern, new: list[str]) -> None:
        # In a chunk without white space the tokens tile it, end to end: the last part of the
        # pattern takes any character no other part does, and no part matches an empty string.
        # Their texts alone then place them (str.isprintable is false for every white space but
        # the space, which no chunk holds).
        tiled = [c for c in new if c.isprintable() and c]  # (the empty chunk has no token to read)
        if len(tiled) < len(new):
            self._learn_by_matches(chunks, pattern, [c for c in new if not (c.isprintable() and c)])
        spelling = self.spelling
        texts = iter(pattern.findall(" ".join(tiled)))  # the pattern has no groups: whole matches
        for chunk in tiled:
            n = len(chunk)
            piece = next(texts)
            if len(piece) == n:  # the chunk is one token
                chunks[chunk] = _one_token_entry(n, *spelling(piece))
                continue
            pieces = [(0, len(piece), *spelling(piece))]
            at = len(piece)
            while at < n:
                piece = next(texts)
                pieces.append((at, at + len(piece), *spelling(piece)))
                at += len(piece)
            chunks[chunk] = (None, tuple(pieces), n)

    def _learn_by_matches(self, chunks: dict[str, tuple], pattern: regex.Pattern, new: list[str]) -> None:
        # One pass of the pattern over the new chunks joined by spaces: no token holds a space.
        found = pattern.finditer(" ".join(new))
        m = next(found, None)
        at = 0
        for chunk in new:
            stop = at + len(chunk)
            pieces = []
            while m is not None and m.start() < stop:
                pieces.append((m.start() - at, m.end() - at, *self.spelling(m.group())))
                m = next(found, None)
            n = len(chunk)
            if len(pieces) == 1 and pieces[0][:2] == (0, n) and not pieces[0][4]:
                chunks[chunk] = (pieces[0][2], pieces[0][3], n)
            else:
                chunks[chunk] = (None, tuple(pieces), n)
            at = stop + 1



def _one_token_entry(n: int, word: str, key: str, glued: bool) -> tuple:
    """The table entry of a chunk of ``n`` characters that is one token: (text, key, length),
    or, when it may be syllables glued together, its one piece (read by _append_glued)."""
    return (None, ((0, n, word, key, glued),), n) if glued else (word, key, n)

_BLOCK = 1 << 16  # characters split at once: bounds the list of chunks of a long range
# a chunk this long (a scraped rule line, a run of marks) is read where it stands, not learnt:
# it hardly recurs, and its table entry would hold a piece for every token of it
_LONG_CHUNK = 1 << 12


def tokenize(text: str, start: int = 0, end: int | None = None, cache: TokenCache | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``: one per match of
    ``_TOKEN.finditer(text, start, end)``, glued syllables (``TrangCác``) cut apart.

    No token holds a space or a line break and no part of the pattern looks behind its
    start or past either, so the range is split at both and each chunk tokenised
    alone, once per ``cache``; without one, a short range is read by the pattern
    where it stands (learning its chunks would cost more than it saves).  Every
    token of one spelling shares one ``text`` string (the cache's), and its
    ``key`` is that same string when case folding changes nothing: for a long
    article, most of the working set.
    """
    start, end, _ = slice(start, end).indices(len(text))  # what finditer's pos and endpos mean
    out: list[Token] = []
    if cache is None and end - start < _LONG_CHUNK:
        # a short range (a credit, a name) read once: by the pattern where it stands, as a chunk
        # too long to learn is (no token holds a space, so the range reads as one such chunk)
        _append_long(text, start, end, TokenCache(), out.append)
        return out
    cache = TokenCache() if cache is None else cache
    append = out.append
    lo = start
    while lo < end:
        hi = text.find(" ", lo + _BLOCK, end) if end - lo > _BLOCK else -1
        hi = end if hi < 0 else hi
        # a line break ends a chunk as a space does (no token holds either, and the pattern's one
        # look past a token, the \b after a site name, reads both alike): the chunk across a
        # paragraph's end ("nói.\nTrong") would be met once and learnt by the slow path
        parts = text[lo:hi].replace("\n", " ").split(" ")
        try:  # most blocks hold no chunk the cache has not met: their entries, read in C
            entries = list(map(cache.chunks.__getitem__, parts))
        except KeyError:  # a new chunk: learn them all first
            chunks, long = cache.chunks_for(parts)
            if long:
                _append_parts_with_long(text, lo, parts, chunks, cache, append)
                lo = hi
                continue
            entries = list(map(chunks.__getitem__, parts))
        _append_entries(text, lo, entries, cache, append)
        lo = hi
    return out


def _append_entries(text: str, i: int, entries: Sequence[tuple], cache: TokenCache, append) -> None:
    """The tokens of the chunks whose table ``entries`` are given (split at spaces from ``text[i]``)."""
    for word, key_or_pieces, n in entries:  # (text, key, length) of one plain token, or (None, pieces, length)
        if word is not None:
            append((i, i + n, word, key_or_pieces))
        else:  # a chunk of several tokens (or a glued one, or none): its pieces
            for a, b, word, key, glued in key_or_pieces:
                if glued:
                    _append_glued(text, i + a, i + b, cache, append)
                else:
                    append((i + a, i + b, word, key))
        i += n + 1


def _append_chunks(text: str, i: int, parts: Sequence[str], chunks: dict[str, tuple], cache: TokenCache,
                   append) -> None:
    """The tokens of the chunks ``parts`` (split at spaces from ``text[i]``), each in ``chunks``."""
    _append_entries(text, i, list(map(chunks.__getitem__, parts)), cache, append)


def _append_parts_with_long(text: str, lo: int, parts: list[str], chunks: dict[str, tuple], cache: TokenCache,
                            append) -> None:
    """The tokens of the chunks ``parts`` (split at spaces from ``text[lo]``), some of them long:
    those by :func:`_append_long`, the runs of others by :func:`_append_chunks`."""
    run, run_at, at = 0, lo, lo  # parts[run:k], from text[run_at]: short chunks not yet read
    for k, chunk in enumerate(parts):
        if len(chunk) >= _LONG_CHUNK:
            _append_chunks(text, run_at, parts[run:k], chunks, cache, append)
            _append_long(text, at, at + len(chunk), cache, append)
            run, run_at = k + 1, at + len(chunk) + 1
        at += len(chunk) + 1
    _append_chunks(text, run_at, parts[run:], chunks, cache, append)


def _append_long(text: str, s: int, e: int, cache: TokenCache, append) -> None:
    """The tokens of the chunk ``text[s:e]`` by the pattern over the text itself: the pieces
    :meth:`TokenCache._learn` would give it (no part of the pattern looks behind its start, and
    the end of the range reads as the space after a chunk), without keeping them.  A range of
    several chunks reads alike: no token holds a space."""
    spellings = cache.spellings
    for m in (_TOKEN if text.find(".", s, e) >= 0 else _UNDOTTED_TOKEN).finditer(text, s, e):
        piece = m.group()
        word, key, glued = spellings.get(piece) or _spelling(piece)
        if glued:
            _append_glued(text, m.start(), m.end(), cache, append)
        else:
            append((m.start(), m.end(), word, key))


def _append_glued(text: str, s: int, e: int, cache: TokenCache, append) -> None:
    """The tokens of ``text[s:e]``, a word that may be syllables glued together."""
    for c in (*glue_points(text, s, e), e):
        word, key, _ = cache.spelling(text[s:c])
        append((s, c, word, key))
        s = c


# Lexicon phrases are written in lower case, so abbreviations ("pgs.ts") join
# on any dot without a space, whatever their case.
_LEXICON_TOKEN = regex.compile(
    r"(?:[\p{L}]{1,4}\.)+[\p{L}][\p{L}\p{M}]*|" + _TOKEN.pattern,
    regex.VERBOSE,
)


def token_keys(phrase: str) -> tuple[str, ...]:
    """The lookup keys of a lexicon phrase (already normalised)."""
    return tuple(m.group().casefold() for m in _LEXICON_TOKEN.finditer(phrase))
