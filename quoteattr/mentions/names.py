"""Person names inside a run of capitalised words.

Vietnamese and Sino-Vietnamese names start with a family name and have 2–4
syllables (``Nguyễn Văn Hùng``, ``Vương Nghị``); a place, organisation, title
or acronym written before a name is not part of it (``Hà Nội Nguyễn Đức
Chung``); Western names are written without Vietnamese letters.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

import regex

from ..lexicon import CompiledLexicon
from ..tokens import KEY, TEXT, Token
from .model import is_acronym, is_cap, looks_foreign

__all__ = ["NAME_PARTICLES", "name_run", "split_name", "certain_name", "holds_cue", "unit", "unit_ending",
           "family_name_reading", "first_words"]

# the shape of a Vietnamese syllable once its tone and vowel marks are dropped: onset, vowels, coda
_SYLLABLE = regex.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
# legal-form words that end a company's name, never a person's ("Sao Mai Group", "Hoa Sen Corp")
_COMPANY_FORMS = frozenset({"group", "corp", "corporation", "holding", "holdings", "jsc", "inc", "ltd", "llc",
                            "plc", "gmbh", "co", "company"})
_KEY, _TEXT = itemgetter(KEY), itemgetter(TEXT)  # a token's key and text, read by built-ins
#: lowercase particles a name run takes in before a capital ("Ludwig van Beethoven")
NAME_PARTICLES = {"de", "van", "von", "der", "bin", "al", "da", "di", "le", "la", "el", "dos", "du"}


@lru_cache(maxsize=4096)
def vietnamese_syllable(word: str) -> bool:
    """Could ``word`` be a Vietnamese syllable?  ``Mai`` can, ``Group`` cannot (no onset "gr").
    An lru_cache on a pure function of one word: a name's syllables recur in every chain
    and prefix that holds them, and each would be NFD-normalised again."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    return _SYLLABLE.fullmatch(bare.replace("đ", "d")) is not None


def unit(toks: Sequence[Token], i: int, b: int, matcher) -> int:
    """Length of the lexicon phrase of ``matcher`` at ``i`` (0 when none)."""
    if i >= b:
        return 0
    tok = toks[i]
    if (tok[TEXT] if matcher.case_sensitive else tok[KEY]) not in matcher.starts:
        return 0  # most words start no phrase of a given lexicon (match looks this up first): no call
    m = matcher.match(toks, i, b)
    return m[0] if m else 0


def unit_ending(toks: Sequence[Token], a: int, b: int, matcher) -> int:
    """Length of the longest lexicon phrase of ``matcher`` ending just before ``toks[b]`` and
    starting at or after ``a`` (0 when none)."""
    if b <= a:
        return 0
    tok = toks[b - 1]
    if (tok[TEXT] if matcher.case_sensitive else tok[KEY]) not in matcher.words:
        return 0  # a phrase's last word is one of its words (match_ending looks it up first): no call
    m = matcher.match_ending(toks, b, a)
    return m[0] if m else 0


def name_run(toks: Sequence[Token], i: int, b: int, max_tokens: int) -> int:
    """Length of the run of capitalised words starting at ``i`` (name particles allowed
    inside), at most ``max_tokens``: longer runs are not names anyway."""
    j = i
    if b > i + max_tokens:
        b = i + max_tokens
    while j < b:
        t = toks[j]
        text = t[TEXT]
        first = text[0]  # is_cap(t), inline: the loop runs ~20 times per parse
        if first.isupper() and first.isalpha() and text != "Theo":
            j += 1
        elif t[KEY] in NAME_PARTICLES and j > i and j + 1 < b and is_cap(toks[j + 1]):
            j += 1
        else:
            break
    return j - i


def split_name(lex: CompiledLexicon, toks: Sequence[Token], i: int, j: int,
               family_only: bool = False) -> tuple[int, int] | None:
    """The person name at the end of capitalised run ``toks[i:j]``, dropping
    places, organisations, acronyms and titles written before it."""
    if j > i and toks[j - 1][KEY].rstrip(".") in _COMPANY_FORMS:
        return None
    # Vietnamese / Sino-Vietnamese name: the leftmost family name that leaves
    # 2–4 syllables and does not start a place ("Hà Nội Nguyễn Đức Chung")
    for p in range(max(i, j - 4), j - 1):
        if toks[p][TEXT] in lex.family_names and not lex.places.match(toks, p, j) and _plain_syllables(toks, p, j):
            return (p, j)
    if family_only:
        return None
    k = i
    keys, texts = _prefix_starts(lex)
    while k < j:
        tok = toks[k]
        n = (unit(toks, k, j, lex.places) or unit(toks, k, j, lex.org_heads) or unit(toks, k, j, lex.titles)
             or unit(toks, k, j, lex.outlets)) if tok[KEY] in keys or tok[TEXT] in texts else 0
        if n:
            k += n
        elif is_acronym(toks[k]):
            k += 1
        else:
            break
    if k < j and not (j - k == 1 and is_acronym(toks[k])):
        return (k, j)
    return None


def _plain_syllables(toks: Sequence[Token], p: int, j: int) -> bool:
    """Is every word of ``toks[p:j]`` a Vietnamese syllable, no acronym and unhyphenated?"""
    for t in toks[p:j]:  # a loop, not a generator: asked for every family name a run holds
        text = t[TEXT]
        if is_acronym(t) or "-" in text or not vietnamese_syllable(text):
            return False
    return True


@lru_cache(maxsize=8)
def _prefix_starts(lex: CompiledLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The first keys and texts (case-sensitive lexicons) of the place, organisation head,
    title and outlet phrases :func:`split_name` drops before a name: a token in none of them
    gives each ``unit`` 0 there.  An lru_cache on a pure function of the immutable lexicon."""
    return first_words(lex.places, lex.org_heads, lex.titles, lex.outlets)


def family_name_reading(lex: CompiledLexicon, toks: Sequence[Token], i: int, j: int) -> bool:
    """Is ``toks[i:j]``, led by a one-syllable head that is also a family name, a person's
    name?  ``Đoàn Văn Minh`` is a man, ``Đoàn thanh tra`` or ``Đoàn TNCS …`` a body."""
    if not 2 <= j - i <= 4 or toks[i][TEXT] not in lex.family_names:
        return False
    head = lex.org_heads.match(toks, i, j)
    if not head or head[0] != 1:
        return False
    rest = toks[i + 1:j]
    return all(is_cap(t) and not is_acronym(t) and t[TEXT].isalpha() for t in rest) and not any(
        lex.places.match(toks, k, j) for k in range(i + 1, j))


def certain_name(lex: CompiledLexicon, toks: Sequence[Token], i: int, j: int) -> bool:
    """Is ``toks[i:j]`` surely a person's name (not a capitalised common word)?"""
    if j - i < 2 or toks[j - 1][KEY].rstrip(".") in _COMPANY_FORMS:
        return False
    if toks[i][TEXT] in lex.family_names and j - i <= 4 and not lex.places.match(toks, i, j):
        return True
    run = toks[i:j]
    keys, texts = _place_or_org_starts(lex)
    # a place or an organisation's head starts only on one of their first words: most runs hold none
    if not (keys.isdisjoint(map(_KEY, run)) and texts.isdisjoint(map(_TEXT, run))) and any(
            lex.places.match(toks, k, j) or lex.org_heads.match(toks, k, j) for k in range(i, j)):
        return False
    return looks_foreign(run)


@lru_cache(maxsize=8)
def _place_or_org_starts(lex: CompiledLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The first keys and texts (case-sensitive lexicons) of the place and organisation head
    phrases.  An lru_cache on a pure function of the immutable compiled lexicon."""
    return first_words(lex.places, lex.org_heads)


def first_words(*matchers) -> tuple[frozenset[str], frozenset[str]]:
    """The first keys of the case-insensitive ``matchers``' phrases, and the first texts of the others'."""
    return (frozenset().union(*(m.starts for m in matchers if not m.case_sensitive)),
            frozenset().union(*(m.starts for m in matchers if m.case_sensitive)))


def holds_cue(lex: CompiledLexicon, toks: Sequence[Token], i: int, j: int, stop: int | None = None) -> bool:
    """Does a reporting verb written in lower case start in ``toks[i:j]``?  Longest
    matches from the left, so "Bộ Ngoại giao" hides the "giao" inside it."""
    # the left-to-right walk of ``find_all``, stopped at ``j``: matches starting later do not count
    stop = j if stop is None else stop
    cues = lex.cues
    words = cues.words  # a token no cue holds starts none
    k = max(0, i - 2)
    end = min(j, stop)
    cased = cues.case_sensitive
    if words.isdisjoint(map(_TEXT if cased else _KEY, toks[k:end])):
        return False  # no token of the walk is a cue's word, so none starts a cue: built-ins, no loop
    while k < end:
        m = cues.match(toks, k, stop) if (toks[k][TEXT] if cased else toks[k][KEY]) in words else None
        if m is None:
            k += 1
            continue
        if k >= i and m[1].cls != "block" and not is_cap(toks[k]):
            return True
        k += m[0]
    return False
