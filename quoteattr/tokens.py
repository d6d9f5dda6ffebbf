"""Word and punctuation tokens over the normalised text.

Vietnamese writes one syllable per space-separated unit, so a token here is a
syllable (or a foreign word, a number, an abbreviation such as ``GS.TS`` or
``TP.HCM``), never a multi-syllable word.  Lexicon phrases are tokenised the
same way and matched token by token.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

__all__ = ["Token", "tokenize", "token_keys"]

# A word: letters/digits, joined by inner hyphens, ampersands, apostrophes or
# slashes (Jong-ho, GD&ĐT, O'Brien, 2012-2014); dots join only abbreviation
# parts and numbers (GS.TS, TP.HCM, 1.500) — "nhau.Trong" stays two words.
# A site name's label starts with a letter or digit and has at most 63
# characters (the DNS rules): unbounded, the first alternative scanned a run of
# hyphens to its end from every position of the run, quadratic in its length.
_TOKEN = regex.compile(
    r"""
    [\p{L}\p{N}][\p{L}\p{N}-]{0,62}+(?:\.(?:com|net|org|gov|edu|info|vn|au|uk|us|tv|co))+\b  # news.com.au, Baoquocte.vn
  | (?:\p{Lu}[\p{Lu}\p{Ll}]{0,3}\.)+\p{Lu}[\p{L}\p{M}]*   # GS.TS, TP.HCM, Th.S, PGS.TS
  | \p{N}+(?:[.,]\p{N}+)+                                # 1.500  2,5  7.4.2
  | [\p{L}\p{M}\p{N}]+(?:[-&'’/_][\p{L}\p{M}\p{N}]+)*     # words, Il-ho, GD&ĐT
  | \S                                                   # any other mark
    """,
    regex.VERBOSE,
)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # case-folded form used for lexicon lookups

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_upper_initial(self) -> bool:
        return self.text[0].isupper()


# Two syllables glued by a scraper that dropped the space between blocks
# ("Quỳnh TrangCác sản phẩm", "Hà NộiNhận"): a lower-case letter, then an
# upper-case syllable; one side must be Vietnamese (a non-ASCII letter), so
# brand names written in camel case ("VnExpress", "TikTok") stay whole.
GLUE = regex.compile(r"(?<=\p{Ll}\p{M}*)(?=\p{Lu}\p{Ll})")
_SYLLABLE_BEFORE = regex.compile(r"\p{L}[\p{L}\p{M}]*$")
_SYLLABLE_AFTER = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]*")


def glue_points(text: str, start: int, end: int) -> list[int]:
    """Positions inside ``text[start:end]`` where two glued syllables meet."""
    out = []
    for m in GLUE.finditer(text, start, end):
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


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    A news text repeats a few thousand syllables over and over, so every token
    of one spelling shares one ``text`` string, and its ``key`` is that same
    string when case folding changes nothing: half the memory of one string
    pair per token, which for a long article is most of the working set.
    Syllables a scraper glued together (``TrangCác``) are cut apart.
    """
    spellings: dict[str, tuple[str, str, bool]] = {}
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # what Token(...) calls, without the Python-level __new__ of a NamedTuple
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        known = spellings.get(word)
        if known is None:
            known = spellings[word] = _spelling(word)
        s, e = m.span()
        if not known[2]:
            append(new(Token, (s, e, known[0], known[1])))
            continue
        for c in (*glue_points(text, s, e), e):
            piece = text[s:c]
            known = spellings.get(piece)
            if known is None:
                known = spellings[piece] = _spelling(piece)
            append(new(Token, (s, c, known[0], known[1])))
            s = c
    return out


# Lexicon phrases are written in lower case, so abbreviations ("pgs.ts") join
# on any dot without a space, whatever their case.
_LEXICON_TOKEN = regex.compile(
    r"(?:[\p{L}]{1,4}\.)+[\p{L}][\p{L}\p{M}]*|" + _TOKEN.pattern,
    regex.VERBOSE,
)


def token_keys(phrase: str) -> tuple[str, ...]:
    """The lookup keys of a lexicon phrase (already normalised)."""
    return tuple(m.group().casefold() for m in _LEXICON_TOKEN.finditer(phrase))
