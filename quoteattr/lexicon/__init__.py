"""Lexicons: the package's word lists, loaded from data files, and their matchers.

A :class:`Lexicon` is plain data (picklable, so it travels to worker
processes); :meth:`Lexicon.compile` turns it into the longest-match
structures the pipeline uses.  Users extend it with their own files
(:meth:`Lexicon.extended_from`) or lists (:meth:`Lexicon.extended`).
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import attrs

from ..text import retone
from ..tokens import KEY, TEXT, Token, token_keys, tokenize

__all__ = ["Lexicon", "CompiledLexicon", "CueEntry", "PhraseMatcher", "LEXICON_FILES"]

#: Lexicon name → file name in the data folder.
LEXICON_FILES: Mapping[str, str] = {
    "cues": "cues.tsv",
    "cue_modifiers": "cue_modifiers.tsv",
    "honorifics": "honorifics.txt",
    "titles": "titles.txt",
    "quantifiers": "quantifiers.txt",
    "groups": "groups.txt",
    "anaphors": "anaphors.txt",
    "demonstratives": "demonstratives.txt",
    "adverbs": "adverbs.txt",
    "family_names": "family_names.txt",
    "places": "places.txt",
    "place_prefixes": "place_prefixes.txt",
    "noun_markers": "noun_markers.txt",
    "modals": "modals.txt",
    "org_heads": "org_heads.txt",
    "outlets": "outlets.tsv",
    "outlet_prefixes": "outlet_prefixes.txt",
    "channels": "channels.txt",
    "theo_blockers": "theo_blockers.txt",
    "statement_nouns": "statement_nouns.txt",
    "clause_markers": "clause_markers.txt",
    "topic_starts": "topic_starts.txt",
    "verbal_topics": "verbal_topics.txt",
    "connectives": "connectives.txt",
    "fronted": "fronted.txt",
    "non_subject_starts": "non_subject_starts.txt",
    "predicate_words": "predicate_words.txt",
    "question_cues": "question_cues.txt",
    "question_words": "question_words.txt",
    "boilerplate": "boilerplate.txt",
    "abbreviations": "abbreviations.txt",
    "credit_markers": "credit_markers.txt",
    "org_nouns": "org_nouns.tsv",
    "org_roles": "org_roles.txt",
    "title_offices": "title_offices.tsv",
}

CUE_CLASSES = ("speech", "directive", "commit", "noun", "report", "according", "quoting", "block")
CUE_TAKES = ("any", "clause", "marked", "addressee")

Row = tuple[str, ...]


def normalize_entry(text: str) -> str:
    """Lexicon entries are compared with the pipeline's working text."""
    return " ".join(retone(unicodedata.normalize("NFC", text)).split())


def _parse(lines: Iterable[str], source: str) -> tuple[list[Row], set[str]]:
    rows: list[Row] = []
    removed: set[str] = set()
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = tuple(normalize_entry(c) for c in line.split("\t"))
        if not cols[0]:
            raise ValueError(f"{source}:{n}: empty first column")
        if cols[0].startswith("-") and len(cols[0]) > 1:
            removed.add(cols[0][1:].strip().casefold())
            continue
        rows.append(cols)
    return rows, removed


def _check(name: str, rows: Sequence[Row], source: str) -> None:
    if name == "cues":
        for row in rows:
            if len(row) < 2 or row[1] not in CUE_CLASSES:
                raise ValueError(
                    f"{source}: cue {row[0]!r} needs a class, one of {', '.join(CUE_CLASSES)}"
                )
            if len(row) > 2 and row[2] not in CUE_TAKES:
                raise ValueError(
                    f"{source}: cue {row[0]!r}: 'takes' must be one of {', '.join(CUE_TAKES)}"
                )
    if name == "cue_modifiers":
        for row in rows:
            if len(row) < 2 or row[1] not in ("before", "after"):
                raise ValueError(f"{source}: modifier {row[0]!r} needs 'before' or 'after'")


@attrs.frozen(slots=True)
class CueEntry:
    phrase: str
    cls: str
    takes: str = "any"


@attrs.frozen
class Lexicon:
    """All word lists, as rows of normalised strings keyed by lexicon name."""

    tables: Mapping[str, tuple[Row, ...]] = attrs.field(repr=lambda t: f"<{len(t)} lexicons>")

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicons shipped with the package."""
        folder = resources.files(__package__) / "data"
        tables = {}
        for name, fname in LEXICON_FILES.items():
            text = (folder / fname).read_text(encoding="utf-8")
            rows, _ = _parse(text.splitlines(), fname)
            _check(name, rows, fname)
            tables[name] = tuple(rows)
        return cls(tables)

    def extended_from(self, folder: str | Path) -> Lexicon:
        """Add the entries of files in ``folder`` named as in :data:`LEXICON_FILES`.

        A line ``-phrase`` removes an entry of ours.  Unknown file names are an
        error, so a typo does not silently do nothing.
        """
        path = Path(folder)
        if not path.is_dir():
            raise FileNotFoundError(f"lexicon folder not found: {path}")
        known = {v: k for k, v in LEXICON_FILES.items()}
        additions: dict[str, list[Row]] = {}
        removals: dict[str, set[str]] = {}
        for file in sorted(path.iterdir()):
            if file.suffix not in (".txt", ".tsv") or file.name.startswith("."):
                continue
            if file.name not in known:
                raise ValueError(
                    f"{file}: not a lexicon file; expected one of {', '.join(sorted(known))}"
                )
            rows, removed = _parse(file.read_text(encoding="utf-8").splitlines(), str(file))
            _check(known[file.name], rows, str(file))
            additions[known[file.name]] = rows
            removals[known[file.name]] = removed
        return self._merge(additions, removals)

    def extended(self, **lists: Iterable[str | Sequence[str]]) -> Lexicon:
        """Add entries in code: ``lexicon.extended(cues=[("phản pháo", "speech")])``."""
        additions: dict[str, list[Row]] = {}
        for name, entries in lists.items():
            if name not in LEXICON_FILES:
                raise ValueError(
                    f"unknown lexicon {name!r}; expected one of {', '.join(LEXICON_FILES)}"
                )
            rows = [
                tuple(normalize_entry(c) for c in ((e,) if isinstance(e, str) else e))
                for e in entries
            ]
            _check(name, rows, f"extended({name}=…)")
            additions[name] = rows
        return self._merge(additions, {})

    def _merge(self, additions: Mapping[str, list[Row]], removals: Mapping[str, set[str]]) -> Lexicon:
        tables = dict(self.tables)
        for name in set(additions) | set(removals):
            drop = removals.get(name, set())
            kept = [r for r in tables.get(name, ()) if r[0].casefold() not in drop]
            tables[name] = tuple(kept) + tuple(additions.get(name, ()))
        return Lexicon(tables)

    def checksum(self) -> str:
        """SHA-256 of the entries (hex), the same wherever they were loaded from: names a
        lexicon in an output's provenance, so that a result can be reproduced."""
        canonical = json.dumps({name: [list(r) for r in rows] for name, rows in sorted(self.tables.items())},
                               ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def words(self, name: str) -> tuple[str, ...]:
        """First column of a lexicon."""
        return tuple(r[0] for r in self.tables.get(name, ()))

    def compile(self) -> CompiledLexicon:
        return CompiledLexicon(self)


V = TypeVar("V")
_END = "\x00end"


class PhraseMatcher(Generic[V]):
    """Longest-match lookup of multi-syllable phrases over a token list
    (spaCy's PhraseMatcher idea: compile once, match in linear time)."""

    def __init__(self, phrases: Iterable[tuple[str, V]], *, case_sensitive: bool = False) -> None:
        self.case_sensitive = case_sensitive
        # the token field phrases are matched on: by its place, read in C or by a subscript
        self._field: Literal[2, 3] = TEXT if case_sensitive else KEY
        self._key_of = itemgetter(self._field)
        self._trie: dict[str, Any] = {}
        self._reversed: dict[str, Any] = {}  # the phrases read right to left, for ``match_ending``
        self.max_len = 0
        words: set[str] = set()
        for phrase, value in phrases:
            keys = token_keys(phrase) if not case_sensitive else tuple(t[TEXT] for t in tokenize(phrase))
            if not keys:
                continue
            words.update(keys)
            node = self._trie
            for k in keys:
                node = node.setdefault(k, {})
            node[_END] = value
            node = self._reversed
            for k in reversed(keys):
                node = node.setdefault(k, {})
            node[_END] = value
            self.max_len = max(self.max_len, len(keys))
        #: every token key (text, when case-sensitive) of the phrases: a token not in it starts,
        #: ends or continues no phrase
        self.words = frozenset(words)
        #: the first token key (text, when case-sensitive) of every phrase: a token not in it starts none
        self.starts = frozenset(self._trie)

    def _key(self, tok: Token) -> str:
        return tok[self._field]

    def match(self, tokens: Sequence[Token], i: int, stop: int | None = None) -> tuple[int, V] | None:
        """Longest phrase starting at ``tokens[i]``: (number of tokens, value)."""
        if stop is None:
            stop = len(tokens)
        if i >= stop:
            return None
        field = self._field  # the token's key (text) by its place: a subscript, not a call
        node = self._trie.get(tokens[i][field])
        if node is None:  # most tokens start no phrase
            return None
        j = i + 1
        best: tuple[int, V] | None = (1, node[_END]) if _END in node else None
        while j < stop:
            child = node.get(tokens[j][field])
            if child is None:
                break
            node = child
            j += 1
            if _END in node:
                best = (j - i, node[_END])
        return best

    def match_ending(self, tokens: Sequence[Token], end: int, start: int = 0) -> tuple[int, V] | None:
        """Longest phrase that ends just before ``tokens[end]`` (and starts at or after ``start``)."""
        node = self._reversed  # one walk leftwards, not one forward match per length
        field = self._field
        best: tuple[int, V] | None = None
        j = end
        first = end - self.max_len  # max(start, end - max_len), without the call
        if first < start:
            first = start
        while j > first:
            child = node.get(tokens[j - 1][field])
            if child is None:
                break
            node = child
            j -= 1
            if _END in node:
                best = (end - j, node[_END])
        return best

    def find_all(self, tokens: Sequence[Token], start: int = 0, stop: int | None = None, *,
                 keys_of_all: Sequence[str] | None = None) -> list[tuple[int, int, V]]:
        """Non-overlapping longest matches, left to right: (index, length, value).

        ``keys_of_all``: what this matcher looks up of every token of ``tokens`` (their keys, or
        texts when case-sensitive), when the caller has read them already for other work."""
        out: list[tuple[int, int, V]] = []
        stop = len(tokens) if stop is None else stop
        trie = self._trie
        # each token's key read once, by built-ins
        keys = list(map(self._key_of, tokens[start:stop])) if keys_of_all is None else keys_of_all[start:stop]
        n = len(keys)
        after = 0  # where the last match ended (in ``keys``): a match starts at or after it
        # only the tokens some phrase starts with, picked by built-ins (most tokens start none)
        for k in compress(range(n), map(trie.__contains__, keys)):
            if k < after:
                continue
            # match()'s walk, over the keys already read
            node = trie[keys[k]]
            best: tuple[int, V] | None = (1, node[_END]) if _END in node else None
            j = k + 1
            while j < n:
                child = node.get(keys[j])
                if child is None:
                    break
                node = child
                j += 1
                if _END in node:
                    best = (j - k, node[_END])
            if best is not None:
                out.append((start + k, best[0], best[1]))
                after = k + best[0]
        return out

    def __contains__(self, phrase: str) -> bool:
        keys = token_keys(phrase) if not self.case_sensitive else tuple(t[TEXT] for t in tokenize(phrase))
        node: dict[str, Any] | None = self._trie
        for k in keys:
            node = node.get(k) if node is not None else None
            if node is None:
                return False
        return node is not None and _END in node


class CompiledLexicon:
    """Matchers built once from a :class:`Lexicon`; shared read-only by all documents."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        t = lexicon.tables
        self.cues: PhraseMatcher[CueEntry] = PhraseMatcher(
            (r[0], CueEntry(r[0], r[1], r[2] if len(r) > 2 else "any")) for r in t.get("cues", ())
        )
        self.cue_before = PhraseMatcher((r[0], r[0]) for r in t.get("cue_modifiers", ()) if r[1] == "before")
        self.cue_after = PhraseMatcher((r[0], r[0]) for r in t.get("cue_modifiers", ()) if r[1] == "after")
        self.honorific_gender: dict[str, str | None] = {
            r[0].casefold(): (r[1] if len(r) > 1 and r[1] else None) for r in t.get("honorifics", ())
        }
        self.honorific_age: dict[str, str] = {
            r[0].casefold(): r[2] for r in t.get("honorifics", ()) if len(r) > 2 and r[2]
        }
        self.honorifics = PhraseMatcher((r[0], r[0]) for r in t.get("honorifics", ()))
        self.titles = PhraseMatcher((w, w) for w in lexicon.words("titles"))
        self.quantifiers = PhraseMatcher((w, w) for w in lexicon.words("quantifiers"))
        self.groups = PhraseMatcher((w, w) for w in lexicon.words("groups"))
        self.anaphors = PhraseMatcher((w, w) for w in lexicon.words("anaphors"))
        anaphors = t.get("anaphors", ())  # what the columns of anaphors.tsv say, read here once, not per article
        self.plural_anaphors = frozenset(r[0].casefold() for r in anaphors if len(r) > 1 and r[1] == "plural")
        self.epithet_gender = {r[0].casefold(): r[1] for r in anaphors if len(r) > 1 and r[1] in ("m", "f")}
        self.epithet_age = {r[0].casefold(): r[2] for r in anaphors if len(r) > 2 and r[2] in ("junior", "senior")}
        self.demonstratives = PhraseMatcher((w, w) for w in lexicon.words("demonstratives"))
        self.adverbs = PhraseMatcher((w, w) for w in lexicon.words("adverbs"))
        self.family_names = frozenset(lexicon.words("family_names"))
        self.places = PhraseMatcher(((w, w) for w in lexicon.words("places")), case_sensitive=True)
        self.place_prefixes = PhraseMatcher((w, w) for w in lexicon.words("place_prefixes"))
        self.noun_markers = PhraseMatcher((w, w) for w in lexicon.words("noun_markers"))
        self.modals = PhraseMatcher((w, w) for w in lexicon.words("modals"))
        self.org_heads = PhraseMatcher(((w, w) for w in lexicon.words("org_heads")), case_sensitive=True)
        self.org_alone = frozenset(r[0] for r in t.get("org_heads", ()) if len(r) > 1 and r[1] == "alone")
        outlet_rows: list[tuple[str, str]] = []
        for r in t.get("outlets", ()):
            outlet_rows.append((r[0], r[0]))
            if len(r) > 1 and r[1]:
                outlet_rows.extend((alias.strip(), r[0]) for alias in r[1].split("|") if alias.strip())
        self.outlets = PhraseMatcher(outlet_rows, case_sensitive=True)
        self.outlets_ci = PhraseMatcher((a.casefold(), c) for a, c in outlet_rows)
        self.outlet_prefixes = PhraseMatcher((w, w) for w in lexicon.words("outlet_prefixes"))
        self.channels = PhraseMatcher((w, w) for w in lexicon.words("channels"))
        self.theo_blockers = PhraseMatcher((w, w) for w in lexicon.words("theo_blockers"))
        self.statement_nouns = PhraseMatcher((w, w) for w in lexicon.words("statement_nouns"))
        self.clause_markers = PhraseMatcher((w, w) for w in lexicon.words("clause_markers"))
        self.topic_starts = PhraseMatcher((w, w) for w in lexicon.words("topic_starts"))
        self.verbal_topics = PhraseMatcher((w, w) for w in lexicon.words("verbal_topics"))
        self.connectives = PhraseMatcher((w, w) for w in lexicon.words("connectives"))
        self.fronted = PhraseMatcher((w, w) for w in lexicon.words("fronted"))
        self.non_subject_starts = PhraseMatcher((w, w) for w in lexicon.words("non_subject_starts"))
        self.predicate_words = frozenset(lexicon.words("predicate_words"))
        self.question_cues = frozenset(lexicon.words("question_cues"))
        self.question_words = PhraseMatcher((w, w) for w in lexicon.words("question_words"))
        self.boilerplate = frozenset(w.casefold() for w in lexicon.words("boilerplate"))
        self.abbreviations = frozenset(w.casefold() for w in lexicon.words("abbreviations"))
        self.credit_markers = PhraseMatcher((w, w) for w in lexicon.words("credit_markers"))
        # kind noun → (kind, refers back by itself)
        self.org_nouns: PhraseMatcher[tuple[str, bool]] = PhraseMatcher(
            (r[0], (r[1] if len(r) > 1 and r[1] else "any", len(r) > 2 and r[2] == "alone"))
            for r in t.get("org_nouns", ())
        )
        self.org_roles = PhraseMatcher((w, w) for w in lexicon.words("org_roles"))
        #: short title → the office written out ("ngoại trưởng" → "bộ trưởng bộ ngoại giao")
        self.title_offices: dict[str, str] = {
            r[0].casefold(): r[1].casefold() for r in t.get("title_offices", ()) if len(r) > 1 and r[1]}
