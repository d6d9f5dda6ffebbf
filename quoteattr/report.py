"""The collection report's data: every speaker across many articles, their statements grouped.

A fact-checker asks "what did this person say, and in which outlets?" across
a collection, where one statement is usually carried by several articles,
word for word or cut shorter.  :class:`Collection` takes each article's flat
records and reduces them to plain JSON-ready data: speakers ranked by how
many distinct statements they made, each statement once with every article
(and outlet) that reported it.  :mod:`quoteattr.report_page` draws that data.

Two quotes of one speaker are the same statement when their texts are equal
after folding case, punctuation and spaces (:func:`fold_quote`), or when one
contains the other on word boundaries.  Containment needs at least
:data:`MIN_CONTAINED_WORDS` words in the shorter quote: "không" occurs in
most long quotes, and swallowing it would hide a statement of its own.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import regex

from .model import KINDS
from .text import fold

__all__ = ["MIN_CONTAINED_WORDS", "Collection", "fold_quote", "group_quotes", "search_key"]

#: The fewest words a quote needs to be grouped with a longer quote that contains it.
MIN_CONTAINED_WORDS = 3

_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_MARKS = regex.compile(r"\p{M}+")
_UNATTRIBUTED = "\x00unattributed"  # a speaker key no folded name can equal


def fold_quote(text: str) -> str:
    """The comparison key of a quote: NFC, one tone placement, case, punctuation and spaces folded."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def search_key(text: str) -> str:
    """What the page's search compares: lower case, no diacritics (đ is d), words only.

    The page's script folds what the user types the same way (``fold`` in
    report.js), so "bo truong" finds "Bộ trưởng".
    """
    bare = _MARKS.sub("", unicodedata.normalize("NFD", text)).replace("đ", "d").replace("Đ", "d")
    return " ".join(_NOT_WORD.sub(" ", bare.lower()).split())


def group_quotes(quotes: Sequence[str], *, min_contained_words: int = MIN_CONTAINED_WORDS) -> list[list[int]]:
    """Indices of ``quotes`` grouped as one statement each, groups in order of first appearance.

    Longest texts are placed first, so a short quote joins the longest one
    that contains it; an inverted index on words keeps this near-linear when
    a speaker has thousands of quotes.
    """
    keys = [fold_quote(q) for q in quotes]
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
    groups: list[list[int]] = []
    padded: list[str] = []           # " key " of each group's longest text
    by_word: dict[str, list[int]] = {}  # word -> groups whose longest text has it
    for key in sorted(by_key, key=lambda k: (-len(k), k)):
        words = key.split()
        home = None
        if len(words) >= min_contained_words:
            rarest = min(words, key=lambda w: len(by_word.get(w, ())))
            needle = f" {key} "
            home = next((g for g in by_word.get(rarest, ()) if needle in padded[g]), None)
        if home is None:
            home = len(groups)
            groups.append([])
            padded.append(f" {key} ")
            for w in set(words):
                by_word.setdefault(w, []).append(home)
        groups[home].extend(by_key[key])
    for g in groups:
        g.sort()
    groups.sort(key=lambda g: g[0])
    return groups


def _speaker_key(rec: Mapping[str, Any]) -> str:
    key = rec.get("speaker_key") or (fold(rec["speaker"]) if rec.get("speaker") else None)
    return key if key else _UNATTRIBUTED


def _most_common(values: Iterable[Any], default: Any) -> Any:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else default


class Collection:
    """Records of many articles, added one article at a time; :meth:`data` is the report.

    Only what the index shows is kept per record (no article text), so a
    collection of thousands of articles stays small in memory.
    """

    def __init__(self, *, min_contained_words: int = MIN_CONTAINED_WORDS) -> None:
        self.min_contained_words = min_contained_words
        self.docs: list[tuple[str, str | None]] = []   # (name, page href)
        self.failed: list[tuple[str, str]] = []       # (name, why)
        # speaker key -> [(doc index, record, anchor)]
        self._said: dict[str, list[tuple[int, Mapping[str, Any], str | None]]] = {}

    def add(self, name: str, records: Sequence[Mapping[str, Any]], *, page: str | None = None,
            anchors: Mapping[int, str] | None = None) -> None:
        """One article: its flat records, the href of its page and each record's anchor in it."""
        doc = len(self.docs)
        self.docs.append((str(name), page))
        for i, rec in enumerate(records):
            if rec.get("kind") not in KINDS:
                raise ValueError(f"{name}: record {i} has kind {rec.get('kind')!r}; expected one of {KINDS}")
            kept = {k: rec.get(k) for k in ("quote", "kind", "speaker", "speaker_type", "source", "confidence")}
            self._said.setdefault(_speaker_key(rec), []).append((doc, kept, (anchors or {}).get(i)))

    def add_failure(self, name: str, why: str) -> None:
        """An article that could not be read or attributed (listed in the report)."""
        self.failed.append((str(name), str(why)))

    def data(self, *, title: str = "quoteattr report") -> dict[str, Any]:
        """The JSON-ready report: ``docs``, ``sources``, ranked ``speakers`` and their ``statements``.

        Statements come in speaker rank order; each occurrence is
        ``[doc, kind index, confidence, source index or -1, anchor, variant]``, where the
        variant is the article's own wording when it differs from the one shown by more
        than case, punctuation and spacing (else null).
        """
        sources = Counter(rec["source"] for said in self._said.values() for _, rec, _ in said if rec["source"])
        source_ids = {name: i for i, (name, _) in enumerate(sources.most_common())}
        ranked = []
        for key, said in self._said.items():
            groups = group_quotes([str(rec["quote"] or "") for _, rec, _ in said],
                                  min_contained_words=self.min_contained_words)
            ranked.append((key, said, groups))
        # quotes with no speaker are not a speaker: always last
        ranked.sort(key=lambda t: (t[0] == _UNATTRIBUTED, -len(t[2]), -len(t[1]), t[0]))
        speakers, statements = [], []
        for rank, (key, said, groups) in enumerate(ranked):
            speakers.append(self._speaker(key, said, groups, source_ids))
            for g in sorted(groups, key=lambda g: (-len({said[i][0] for i in g}), g[0])):
                statements.append(self._statement(rank, [said[i] for i in g], speakers[-1]["n"], source_ids))
        return {
            "title": title,
            "kinds": list(KINDS),
            "docs": [{"n": n, "h": h, "k": search_key(n)} for n, h in self.docs],
            "failed": [list(f) for f in self.failed],
            "sources": [{"n": n, "c": c, "k": search_key(n)} for n, c in sources.most_common()],
            "speakers": speakers,
            "statements": statements,
        }

    @staticmethod
    def _speaker(key: str, said: Sequence[tuple[int, Mapping[str, Any], str | None]], groups: Sequence[Sequence[int]],
                 source_ids: Mapping[str, int]) -> dict[str, Any]:
        outlets = Counter(source_ids[rec["source"]] for _, rec, _ in said if rec["source"])
        return {
            "n": None if key == _UNATTRIBUTED else _most_common((rec["speaker"] for _, rec, _ in said), key),
            "t": _most_common((rec["speaker_type"] for _, rec, _ in said if rec["speaker_type"] != "unknown"),
                              "unknown" if key != _UNATTRIBUTED else None),
            "s": len(groups),
            "r": len(said),
            "o": [[s, c] for s, c in outlets.most_common()],
        }

    @staticmethod
    def _statement(rank: int, said: Sequence[tuple[int, Mapping[str, Any], str | None]], speaker: str | None,
                   source_ids: Mapping[str, int]) -> dict[str, Any]:
        texts = [str(rec["quote"] or "") for _, rec, _ in said]
        shown = max(texts, key=len)  # the fullest wording; other wordings are listed as variants
        plain = fold_quote(shown)
        occurrences = []
        for (doc, rec, anchor), text in zip(said, texts):
            conf = rec["confidence"]
            occurrences.append([
                doc, KINDS.index(rec["kind"]), round(float(conf), 4) if conf is not None else 0.0,
                source_ids.get(rec["source"], -1) if rec["source"] else -1,
                anchor or "", None if text == shown or fold_quote(text) == plain else text,
            ])
        hay = " ".join(dict.fromkeys([speaker or "", *texts]))
        return {"p": rank, "q": shown, "k": search_key(hay), "o": occurrences}
