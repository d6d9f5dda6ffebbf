"""The evaluation's value types and record loading: scores, gold/predicted records, errors.

:func:`load_records` reads records from a JSON Lines file (one JSON object per
line, as ``quoteattr extract --format jsonl`` writes and as the gold files
are) or takes them already in memory (mappings or :class:`~quoteattr.Attribution`),
and checks each field the scorer reads, naming the line of a bad one.
:mod:`quoteattr.evaluate` scores them.
"""
from __future__ import annotations

import io
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Union

import attrs

from .model import Attribution

__all__ = ["PRF", "Scores", "QuoteRecord", "ErrorCase", "EvalResult", "ERROR_KINDS", "RecordSource",
           "load_records", "group_by_doc", "to_quote_record"]

#: The kinds of :class:`ErrorCase`, in the order they are listed.
ERROR_KINDS: tuple[str, ...] = ("miss", "false_alarm", "wrong_speaker", "wrong_source")

#: Where records come from: a JSON Lines file, or records already in memory.
RecordSource = Union[str, os.PathLike, Iterable[Union[Mapping[str, Any], Attribution]]]

# --------------------------------------------------------------------------- score objects


@attrs.frozen(slots=True)
class PRF:
    """Precision, recall and F1, each rounded to 4 decimals as score.py prints them."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, hit: int, n_pred: int, n_gold: int) -> PRF:
        """P = hit/n_pred, R = hit/n_gold; F1 from the unrounded values, 0.0 for empty sides."""
        p = hit / n_pred if n_pred else 0.0
        r = hit / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 4), round(r, 4), round(f, 4))

    def to_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


def _float_dict(value: Mapping[str, float]) -> dict[str, float]:
    return dict(value)


def _error_list(value: Iterable[ErrorCase]) -> list[ErrorCase]:
    return list(value)


@attrs.frozen(slots=True)
class Scores:
    """Every number score.py reports; :meth:`to_dict` is its ``--json`` object, key for key."""

    gold: int
    predicted: int
    quote_lenient: PRF
    quote_strict: PRF
    speaker_accuracy_lenient: float
    speaker_accuracy_strict: float
    source_accuracy: float
    attribution: PRF
    attribution_with_source: PRF
    #: kind → recall of gold records of that kind, kinds sorted by name.
    recall_by_kind: dict[str, float] = attrs.field(converter=_float_dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "quote_lenient": self.quote_lenient.to_dict(),
            "quote_strict": self.quote_strict.to_dict(),
            "speaker_accuracy_lenient": self.speaker_accuracy_lenient,
            "speaker_accuracy_strict": self.speaker_accuracy_strict,
            "source_accuracy": self.source_accuracy,
            "attribution": self.attribution.to_dict(),
            "attribution_with_source": self.attribution_with_source.to_dict(),
            "recall_by_kind": dict(self.recall_by_kind),
        }


@attrs.frozen(slots=True)
class QuoteRecord:
    """The fields of a gold or predicted record that scoring reads.

    ``doc`` is already reduced to its base name (records are grouped by it).
    ``speaker`` and ``source`` are kept as written (``None`` for ``null`` or
    absent); they are compared after case folding and space collapsing.
    ``kind`` is ``"?"`` when the record has none, as in score.py.
    """

    doc: str
    quote_start: int
    quote_end: int
    kind: str = "?"
    speaker: str | None = None
    source: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "quote": self.quote, "quote_start": self.quote_start,
            "quote_end": self.quote_end, "kind": self.kind, "speaker": self.speaker, "source": self.source,
        }


@attrs.frozen(slots=True)
class ErrorCase:
    """One thing the predictions got wrong, with the sentence it stands in.

    ``kind`` is one of :data:`ERROR_KINDS`: ``miss`` (a gold record no
    prediction overlaps; ``pred`` is None), ``false_alarm`` (a prediction
    matched to no gold record; ``gold`` is None), ``wrong_speaker`` or
    ``wrong_source`` (a matched pair whose speaker fails the lenient
    comparison, or whose source differs).  A pair wrong on both counts gives
    two cases, so the counts add up to the scores: misses = gold - matched,
    wrong speakers = matched - lenient speaker hits, and so on.
    ``sentence`` is the stretch of sentences the quote overlaps (whitespace
    collapsed), or None when the document text is not at hand.
    """

    doc: str
    kind: str = attrs.field(validator=attrs.validators.in_(ERROR_KINDS))
    gold: QuoteRecord | None = None
    pred: QuoteRecord | None = None
    sentence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "kind": self.kind,
            "gold": self.gold.to_dict() if self.gold is not None else None,
            "pred": self.pred.to_dict() if self.pred is not None else None,
            "sentence": self.sentence,
        }


@attrs.frozen(slots=True)
class EvalResult:
    """What :func:`evaluate` returns: the scores and (on request) the errors behind them."""

    scores: Scores
    errors: list[ErrorCase] = attrs.field(factory=list, converter=_error_list, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"scores": <score.py's --json object>, "errors": [...]}``."""
        return {"scores": self.scores.to_dict(), "errors": [e.to_dict() for e in self.errors]}


# --------------------------------------------------------------------------- loading


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float, bool)) else None
    if text is None:
        text = "null" if value is None else f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


def _offset(rec: Mapping[str, Any], key: str, where: str) -> int:
    if key not in rec:
        raise ValueError(f"{where}: record has no {key!r} (every record needs doc, quote_start and quote_end)")
    value = rec[key]
    try:
        # int() is what score.py applies, so the same files load (e.g. "12", 12.0)
        return int(value)
    except (ValueError, TypeError, OverflowError):
        raise ValueError(f"{where}: {key!r} must be an integer offset, got {_describe(value)}") from None


def to_quote_record(rec: Any, where: str) -> QuoteRecord:
    """Validate one record; ``where`` (``file:line``) heads every message."""
    if isinstance(rec, Attribution):
        rec = rec.to_dict()
    if not isinstance(rec, Mapping):
        raise ValueError(f"{where}: expected a JSON object (a record), got {_describe(rec)}")
    start, end = _offset(rec, "quote_start", where), _offset(rec, "quote_end", where)
    kind = rec.get("kind", "?")
    if not isinstance(kind, str):
        raise ValueError(f"{where}: 'kind' must be a string, got {_describe(kind)}")
    # score.py compares str(value); keeping the string form changes no result
    speaker, source, quote = (rec.get(k) for k in ("speaker", "source", "quote"))
    return QuoteRecord(
        doc=Path(str(rec.get("doc", ""))).name,
        quote_start=start,
        quote_end=end,
        kind=kind,
        speaker=None if speaker is None else str(speaker),
        source=None if source is None else str(source),
        quote=quote if isinstance(quote, str) else None,
    )


def _read_jsonl(path: Path) -> Iterable[tuple[int, str]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ValueError(f"{path}: is a folder, not a JSON Lines file") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ValueError(f"{path}:{line}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    # universal newlines, as score.py's text-mode reading (str.splitlines would
    # also split at U+2028, which JSON strings may hold unescaped)
    return enumerate(io.StringIO(text, newline=None), 1)


def load_records(source: RecordSource, *, name: str | None = None) -> list[QuoteRecord]:
    """Records from a JSON Lines file (path) or from an iterable of dicts / Attributions.

    Blank lines are skipped.  A bad line raises :class:`ValueError` saying
    ``file:line`` and what is wrong (not JSON, not an object, no or
    non-integer ``quote_start``/``quote_end``, a non-string ``kind``), so the
    caller can show it as is; an unreadable file raises ``ValueError`` too.
    Records from an iterable are named ``<name>:N`` (N counting from 1).
    """
    out: list[QuoteRecord] = []
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        label = name or str(path)
        for n, line in _read_jsonl(path):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{label}:{n}: not valid JSON: {exc.msg} (column {exc.colno})") from None
            out.append(to_quote_record(rec, f"{label}:{n}"))
        return out
    if isinstance(source, (bytes, Mapping)):
        raise TypeError("records must come from a path or an iterable of record dicts, "
                        f"not {type(source).__name__}")
    label = name or "records"
    for n, rec in enumerate(source, 1):
        out.append(to_quote_record(rec, f"{label}:{n}"))
    return out


def group_by_doc(records: Iterable[QuoteRecord]) -> dict[str, list[QuoteRecord]]:
    grouped: dict[str, list[QuoteRecord]] = defaultdict(list)
    for r in records:
        grouped[r.doc].append(r)
    return grouped
