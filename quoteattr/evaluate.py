"""Built-in evaluation: score records against gold, with the shared scorer's rules.

The project's yardstick is the standalone ``score.py`` that ships with the
annotation guidelines.  This module re-implements its metrics and matching
rules exactly (it never imports it: the library must not depend on files
outside the package), so that ``quoteattr eval`` and :func:`evaluate` give
the same numbers, to the same four decimals, as::

    python score.py --gold GOLD.jsonl --pred PRED.jsonl --docs DIR --json

The rules, as score.py applies them:

* records are grouped by the base name of their ``doc`` field;
* **lenient** match: within a document, gold and predicted quote spans that
  overlap are paired one to one, largest overlap first (ties: the higher
  gold index, then the higher predicted index, goes first);
* **strict** match: a predicted span counts when, trimmed of spaces and
  punctuation (:data:`TRIM`) at both ends, it equals a trimmed gold span
  that no earlier prediction took; spans are trimmed against the document
  text when the docs folder holds it, raw offsets are compared otherwise;
* on lenient pairs: speaker accuracy (lenient: equal after case folding, or
  one name's words all among the other's; strict: equal after case
  folding), source accuracy (equal after case folding, ``null`` only equals
  ``null``), ``attribution`` (pair with a lenient speaker match) and
  ``attribution_with_source`` (and the same source), each as P/R/F1;
* recall by the gold record's ``kind``.

:func:`evaluate` can also list the errors behind the numbers (misses, false
alarms, wrong speakers, wrong sources), each with the sentence it stands in.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .eval_format import format_errors, format_scores
from .eval_records import (
    ERROR_KINDS, PRF, ErrorCase, EvalResult, QuoteRecord, RecordSource, Scores, group_by_doc, load_records,
    to_quote_record,
)

if TYPE_CHECKING:
    from .pipeline import Attributor

__all__ = [
    "TRIM", "PRF", "Scores", "QuoteRecord", "ErrorCase", "EvalResult", "ERROR_KINDS",
    "load_records", "evaluate", "score_records", "format_scores", "format_errors",
]

#: Characters trimmed from both ends of a span before the strict comparison (as in score.py).
TRIM: frozenset[str] = frozenset(" \t\r\n\u00a0.,;:!?…\"'“”‘’«»„‟()[]–—-")

# --------------------------------------------------------------------------- matching


def _trimmed(start: int, end: int, text: str | None) -> tuple[int, int]:
    if text is None:
        return start, end
    # indexed exactly as score.py does (negative offsets included); an offset
    # past the end raises IndexError, which _match turns into a ValueError
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


_WORD = re.compile(r"\w+")


def _norm_name(name: str | None) -> str | None:
    if name is None:
        return None
    s = unicodedata.normalize("NFC", name).casefold()
    return " ".join(s.split()) or None


def _speaker_match(gold: str | None, pred: str | None, strict: bool) -> bool:
    g, p = _norm_name(gold), _norm_name(pred)
    if g is None or p is None:
        return g is p
    if g == p:
        return True
    if strict:
        return False
    # words without their punctuation, as score.py compares them: "A, B và C" holds "B"
    gw, pw = set(_WORD.findall(g)), set(_WORD.findall(p))
    return gw <= pw or pw <= gw


def _source_match(gold: str | None, pred: str | None) -> bool:
    return _norm_name(gold) == _norm_name(pred)


def _match(golds: Sequence[QuoteRecord], preds: Sequence[QuoteRecord],
           text: str | None) -> tuple[list[tuple[int, int]], int]:
    """Lenient pairs (gold index, pred index) and the strict hit count of one document."""
    cands = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            ov = min(g.quote_end, p.quote_end) - max(g.quote_start, p.quote_start)
            if ov > 0:
                cands.append((ov, gi, pi))
    cands.sort(reverse=True)  # largest overlap first; ties: higher gold, then pred index
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    try:
        gset = {_trimmed(g.quote_start, g.quote_end, text) for g in golds}
        trimmed_preds = [_trimmed(p.quote_start, p.quote_end, text) for p in preds]
    except IndexError:
        assert text is not None
        n = len(text)
        outside = (r for r in (*golds, *preds) if not (-n <= r.quote_start and r.quote_end <= n))
        bad = next(outside, golds[0] if golds else preds[0])
        raise ValueError(f"{bad.doc}: quote span [{bad.quote_start}:{bad.quote_end}] lies outside "
                         f"the document ({n} characters)") from None
    taken: set[tuple[int, int]] = set()
    strict = 0
    for s in trimmed_preds:
        if s in gset and s not in taken:
            taken.add(s)
            strict += 1
    return pairs, strict


# --------------------------------------------------------------------------- scoring


@attrs.frozen(slots=True)
class _DocText:
    """A document's text as read for trimming (score.py) and as the library reads it."""

    scored: str  # text-mode read, newlines translated, as score.py trims against
    raw: str  # the bytes decoded as they are: what quote offsets index


def _read_doc(path: Path) -> _DocText | None:
    if not path.is_file():
        return None
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read: {exc.strerror or exc}") from None
    # score.py reads documents in text mode, which turns CR LF and CR into LF and
    # so shifts offsets after a CR; the strict match mirrors it to give its numbers
    scored = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    return _DocText(scored, raw)


def score_records(gold: Iterable[QuoteRecord], pred: Iterable[QuoteRecord],
                  texts: Callable[[str], str | None] | None = None) -> Scores:
    """Scores of already loaded records; ``texts(doc)`` gives a document's text for trimming."""
    scores, _ = _score(group_by_doc(gold), group_by_doc(pred),
                       (lambda d: _as_doc_text(texts(d))) if texts else (lambda d: None), False, None)
    return scores


def _as_doc_text(text: str | None) -> _DocText | None:
    return None if text is None else _DocText(text, text)


def _score(gold: Mapping[str, list[QuoteRecord]], pred: Mapping[str, list[QuoteRecord]],
           text_of: Callable[[str], _DocText | None], with_errors: bool,
           abbreviations: Callable[[], frozenset[str]] | None) -> tuple[Scores, list[ErrorCase]]:
    n_g = n_p = strict = 0
    pairs_all: list[tuple[QuoteRecord, QuoteRecord]] = []
    kind_total: dict[str, int] = defaultdict(int)
    kind_hit: dict[str, int] = defaultdict(int)
    errors: list[tuple[tuple[int, int], ErrorCase]] = []
    for doc in sorted(set(gold) | set(pred)):
        golds, preds = gold.get(doc, []), pred.get(doc, [])
        text = text_of(doc)
        pairs, s = _match(golds, preds, text.scored if text else None)
        n_g += len(golds)
        n_p += len(preds)
        strict += s
        pairs_all += [(golds[gi], preds[pi]) for gi, pi in pairs]
        for g in golds:
            kind_total[g.kind] += 1
        for gi, _ in pairs:
            kind_hit[golds[gi].kind] += 1
        if with_errors:
            finder = _SentenceFinder(text.raw if text else None, abbreviations)
            errors += _doc_errors(doc, golds, preds, pairs, finder, text.raw if text else None)
    m = len(pairs_all)
    spk_l = sum(_speaker_match(g.speaker, p.speaker, False) for g, p in pairs_all)
    spk_s = sum(_speaker_match(g.speaker, p.speaker, True) for g, p in pairs_all)
    src = sum(_source_match(g.source, p.source) for g, p in pairs_all)
    e2e = sum(_speaker_match(g.speaker, p.speaker, False) and _source_match(g.source, p.source)
              for g, p in pairs_all)
    scores = Scores(
        gold=n_g,
        predicted=n_p,
        quote_lenient=PRF.from_counts(m, n_p, n_g),
        quote_strict=PRF.from_counts(strict, n_p, n_g),
        speaker_accuracy_lenient=round(spk_l / m, 4) if m else 0.0,
        speaker_accuracy_strict=round(spk_s / m, 4) if m else 0.0,
        source_accuracy=round(src / m, 4) if m else 0.0,
        attribution=PRF.from_counts(spk_l, n_p, n_g),
        attribution_with_source=PRF.from_counts(e2e, n_p, n_g),
        recall_by_kind={k: round(kind_hit[k] / v, 4) for k, v in sorted(kind_total.items())},
    )
    return scores, [e for _, e in errors]


# --------------------------------------------------------------------------- errors


class _SentenceFinder:
    """Sentences of one document, found only when an error asks for one."""

    def __init__(self, text: str | None, abbreviations: Callable[[], frozenset[str]] | None) -> None:
        self.text = text
        self._abbreviations = abbreviations
        self._spans: list[tuple[int, int]] | None = None

    def _sentences(self) -> list[tuple[int, int]]:
        if self._spans is None:
            from .segment import find_paragraphs, find_sentences
            from .text import NormalizedText

            assert self.text is not None
            # segment the working copy, as the pipeline does, and map back:
            # quote offsets index the raw text
            nt = NormalizedText(self.text)
            abbr = self._abbreviations() if self._abbreviations else frozenset()
            sents = find_sentences(nt.text, find_paragraphs(nt.text), abbr)
            self._spans = []
            for s in sents:
                span = nt.span(s.start, s.end)
                self._spans.append((span.start, span.end))
        return self._spans

    def around(self, start: int, end: int) -> str | None:
        """The sentences that ``[start, end)`` overlaps, whitespace collapsed."""
        if self.text is None:
            return None
        end = max(end, start + 1)
        hits = [(s, e) for s, e in self._sentences() if s < end and start < e]
        if not hits:
            return None
        return " ".join(self.text[hits[0][0]:hits[-1][1]].split())


def _with_quote(rec: QuoteRecord, text: str | None) -> QuoteRecord:
    """The record with ``quote`` as its offsets cut the document (what was scored)."""
    if text is not None and 0 <= rec.quote_start <= rec.quote_end <= len(text):
        return attrs.evolve(rec, quote=text[rec.quote_start:rec.quote_end])
    return rec


def _doc_errors(doc: str, golds: Sequence[QuoteRecord], preds: Sequence[QuoteRecord],
                pairs: Sequence[tuple[int, int]], finder: _SentenceFinder,
                text: str | None) -> list[tuple[tuple[int, int], ErrorCase]]:
    """Errors of one document, each with a sort key (position, kind order)."""
    out: list[tuple[tuple[int, int], ErrorCase]] = []
    order = {k: i for i, k in enumerate(ERROR_KINDS)}

    def add(kind: str, g: QuoteRecord | None, p: QuoteRecord | None) -> None:
        at = g if g is not None else p
        assert at is not None
        case = ErrorCase(doc, kind, _with_quote(g, text) if g else None, _with_quote(p, text) if p else None,
                         finder.around(at.quote_start, at.quote_end))
        out.append(((at.quote_start, order[kind]), case))

    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(golds):
        if gi not in matched_g:
            add("miss", g, None)
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            add("false_alarm", None, p)
    for gi, pi in pairs:
        g, p = golds[gi], preds[pi]
        if not _speaker_match(g.speaker, p.speaker, False):
            add("wrong_speaker", g, p)
        if not _source_match(g.source, p.source):
            add("wrong_source", g, p)
    out.sort(key=lambda item: item[0])
    return out


# --------------------------------------------------------------------------- entry point


def _predict(folder: Path, attributor: Any) -> list[QuoteRecord]:
    """Run ``attributor`` over the folder's ``*.txt`` (sorted; doc = file name)."""
    from .io import ReadError, read_text

    paths = sorted(p for p in folder.glob("*.txt") if p.is_file())
    out: list[QuoteRecord] = []
    chunk = 16  # the stanza engine parses a batch at once; keep memory bounded
    for i in range(0, len(paths), chunk):
        names, texts = [], []
        for p in paths[i:i + chunk]:
            text = read_text(p)
            if isinstance(text, ReadError):
                raise ValueError(f"{p}: {text.message}")
            names.append(p.name)
            texts.append(text)
        for name, recs in zip(names, attributor.extract_batch(texts, doc_ids=names)):
            out.extend(to_quote_record(r, f"{name}: prediction") for r in recs)
    return out


def evaluate(gold: RecordSource, docs: str | os.PathLike[str] | None, *,
             pred: RecordSource | None = None, attributor: Attributor | None = None,
             with_errors: bool = False) -> EvalResult:
    """Score predictions against gold records, exactly as score.py does.

    ``gold`` and ``pred`` are JSON Lines files or iterables of record dicts
    (or :class:`~quoteattr.Attribution` objects).  ``docs`` is the folder
    holding the documents: their text trims spans for the strict match and
    gives the sentences of the error list; ``None`` compares raw offsets, as
    score.py without ``--docs``.  Without ``pred``, ``attributor`` (default:
    a fresh :class:`~quoteattr.Attributor`) is run over the folder's
    ``*.txt`` files, each record's doc being the file name.

    ``with_errors`` also lists misses, false alarms and matched pairs with a
    wrong speaker or source (:class:`ErrorCase`), by document and position.

    Raises :class:`ValueError` for unusable input (no such folder or file, a
    bad record line, a document that is not UTF-8), with a one-line message.
    """
    folder = Path(docs) if docs is not None else None
    if folder is not None and not folder.is_dir():
        raise ValueError(f"{folder}: not a folder")
    gold_recs = load_records(gold, name=None if isinstance(gold, (str, os.PathLike)) else "gold")
    if pred is not None:
        pred_recs = load_records(pred, name=None if isinstance(pred, (str, os.PathLike)) else "pred")
    else:
        if folder is None:
            raise ValueError("no predictions to score: give pred, or a docs folder to run the attributor on")
        if attributor is None:
            from .pipeline import Attributor

            attributor = Attributor()
        pred_recs = _predict(folder, attributor)

    cache: dict[str, _DocText | None] = {}

    def text_of(doc: str) -> _DocText | None:
        if folder is None:
            return None
        if doc not in cache:
            cache[doc] = _read_doc(folder / doc) if doc not in ("", ".", "..") else None
        return cache[doc]

    def abbreviations() -> frozenset[str]:
        lexicon = getattr(attributor, "lexicon", None)
        if lexicon is None:
            from .lexicon import Lexicon

            lexicon = Lexicon.default()
        return frozenset(w.casefold() for w in lexicon.words("abbreviations"))

    scores, errors = _score(group_by_doc(gold_recs), group_by_doc(pred_recs), text_of, with_errors, abbreviations)
    return EvalResult(scores, errors)
