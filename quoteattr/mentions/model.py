"""The :class:`Mention` value and the token shapes the mention grammar looks at."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ..tokens import END, START, TEXT, Token

__all__ = ["Mention", "MENTION_KINDS", "GENDER_WORDS", "is_cap", "is_acronym", "looks_foreign", "MentionBuilder",
           "mention_of", "WordMemo"]

#: gender words written before a role or title ("nữ ca sĩ", "nam hành khách"), by token key, and the gender each gives
GENDER_WORDS: dict[str, str] = {"nữ": "f", "nam": "m"}

MENTION_KINDS = (
    "person",        # a name, with or without title and honorific
    "title",         # a title or role without a name ("Chủ tịch UBND TP")
    "pronoun",       # an honorific alone ("Ông", "bà")
    "anaphor",       # a description that refers back ("quan chức này", "Nhà ngoại giao")
    "group",         # an unnamed or collective speaker ("các chuyên gia")
    "organization",
    "place",
    "outlet",
    "coordination",  # "A và B"
)


@attrs.frozen(slots=True)
class Mention:
    """A mention, in working-copy offsets.

    ``name`` holds the name tokens' span for persons, organisations, places and
    outlets; ``title`` the title phrase (for resolving "Chủ tịch UBND TP").
    """

    start: int
    end: int
    kind: str
    name: tuple[int, int] | None = None
    title: tuple[int, int] | None = None
    gender: str | None = None
    tok_start: int = 0
    tok_end: int = 0
    parts: tuple[Mention, ...] = ()
    certain: bool = True  # False: a capitalised word that may or may not be a name

    def __attrs_post_init__(self) -> None:
        if self.kind not in MENTION_KINDS:
            raise ValueError(f"unknown mention kind {self.kind!r}")


def mention_of(toks: Sequence[Token], k: int, b: int, kind: str, name: tuple[int, int] | None = None,
               title: tuple[int, int] | None = None, gender: str | None = None, certain: bool = True) -> Mention:
    """The mention of the token run ``toks[k:b]``, name and title given as token ranges (what the
    recognisers call: most parses make no mention, so none builds a MentionBuilder first)."""
    # every field by position (``parts`` its default): no keyword matched to a parameter
    return Mention(toks[k][START], toks[b - 1][END], kind,
                   (toks[name[0]][START], toks[name[1] - 1][END]) if name else None,
                   (toks[title[0]][START], toks[title[1] - 1][END]) if title and title[1] > title[0] else None,
                   gender, k, b, (), certain)


class MentionBuilder:
    """Makes mentions of the token run ``toks[k:b]``, name and title given as token ranges
    (:func:`mention_of` with the run bound)."""

    __slots__ = ("toks", "k", "b")  # no instance dict

    def __init__(self, toks: Sequence[Token], k: int, b: int) -> None:
        self.toks, self.k, self.b = toks, k, b

    def __call__(self, kind: str, name: tuple[int, int] | None = None, title: tuple[int, int] | None = None,
                 gender: str | None = None, certain: bool = True) -> Mention:
        return mention_of(self.toks, self.k, self.b, kind, name, title, gender, certain)


class WordMemo(dict):
    """Token text -> ``test(text)``: a memo of a pure function of a word, read in C (``map``,
    ``__getitem__``) where a scan would call a Python test per token; bounded: past ``limit``
    words it starts afresh."""

    def __init__(self, test: Callable[[str], bool], limit: int = 1 << 16) -> None:
        super().__init__()
        self.test, self.limit = test, limit

    def __missing__(self, text: str) -> bool:
        if len(self) >= self.limit:
            self.clear()
        value = self[text] = self.test(text)
        return value

def is_cap(tok: Token) -> bool:
    first = tok[TEXT][:1]  # one slice: asked ~2,500 times per article
    return first.isupper() and first.isalpha()


def is_acronym(tok: Token) -> bool:
    text = tok[TEXT]
    if text.islower():
        # every cased character is lowercase (and there is one): any letter is lowercase or
        # uncased, so not all letters are upper, or there is none: the common word, no list built
        return False
    if len(text) < 2:
        return False  # one character is one letter at most: "A", ",", "5"
    second = text[1]
    if second.isalpha() and not second.isupper():
        return False  # "Hùng": a letter not in capitals (the capitalised word)
    letters = list(filter(str.isalpha, text))  # picked and tested by built-ins, no Python loop
    return len(letters) >= 2 and all(map(str.isupper, letters))


def looks_foreign(toks: Sequence[Token]) -> bool:
    """Written without Vietnamese letters and not in capitals: "Antony Blinken", "Yoo Il-ho".

    One loop, no generators (asked for every capitalised word a name scan meets): every token
    ASCII and no acronym, and one longer than two characters."""
    longer = False
    for t in toks:
        text = t[TEXT]
        if not text.isascii() or is_acronym(t):
            return False
        longer = longer or len(text) > 2
    return longer
