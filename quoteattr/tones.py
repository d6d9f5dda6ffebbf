"""Tone-mark placement: one spelling for ``hoà``/``hòa``, ``thuỷ``/``thủy``, ``quỳên``/``quyền``.

Vietnamese writes the tone mark on one vowel of a syllable, and writers (and
keyboards) disagree on which; the pipeline reads one placement, the standard
(traditional) one, so that a name or a cue matches however it was typed.
"""
from __future__ import annotations

import functools
import re
import unicodedata

import regex

__all__ = ["retone", "retone_word"]

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
# The letters retone_word() can change a word of: each lower-cases (tone mark set aside) to a
# Vietnamese letter; the Kelvin sign is the one code point besides them that does.  A word
# holding any other letter comes back unchanged.
_VI_CHARS = frozenset(_VI_LETTERS | {c.upper() for c in _VI_LETTERS} | set(_SPLIT) | {"\u212a"})
_VI_CLASS = "".join(sorted(_VI_CHARS))
_VI_CONSONANTS = "".join(sorted(_VI_CHARS - set(_ALL_VOWEL)))
# The first two cases leave out their commonest words, which retone_word() would give back
# unchanged.  The first ("toàn", "khoảng", "quản"): a plain vowel after no vowel, the toned
# plain vowel, then a consonant; the word's one vowel run (if it has one) is those two vowels
# with a consonant after, so the tone stays on the second (also when qu-/gi- take the first).
# The second ("lại", "của", "mùa"): a toned plain vowel after no vowel and no q/g, then one
# plain vowel that ends the word; the run is those two vowels, no onset u/i taken off and no
# consonant after, so the tone stays on the first.
_MISPLACEABLE = re.compile(  # plain characters only: the standard library scans them faster
    rf"[{_TONED_VOWEL}](?:(?<=[{_ALL_VOWEL}][{_TONED_PLAIN}])"
    rf"(?!(?<![{_ALL_VOWEL}]..)(?<=[aeiouyAEIOUY].)[{_VI_CONSONANTS}])"
    rf"|(?<=[{_TONED_PLAIN}])(?=[{_ALL_VOWEL}])(?!(?<![qQgG].)[aeiouyAEIOUY](?![{_VI_CLASS}]))"
    rf"|(?<=[{_TONED_SHAPED}])[{_ALL_VOWEL}]*?[{_SHAPED_ANY}])"
)
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
