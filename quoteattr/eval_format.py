"""The evaluation's text output: scores as score.py prints them, and the error list."""
from __future__ import annotations

from collections.abc import Sequence

from .eval_records import ERROR_KINDS, PRF, ErrorCase, QuoteRecord, Scores

__all__ = ["format_scores", "format_errors"]


def format_scores(scores: Scores) -> str:
    """The scores as score.py prints them (its human-readable form), newline-terminated."""
    lines = [f"gold records {scores.gold}, predicted {scores.predicted}"]
    for key in ("quote_lenient", "quote_strict", "attribution", "attribution_with_source"):
        r: PRF = getattr(scores, key)
        lines.append(f"{key:<24} P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}")
    lines.append(f"speaker accuracy (matched quotes): lenient {scores.speaker_accuracy_lenient:.3f}, "
                 f"strict {scores.speaker_accuracy_strict:.3f}")
    lines.append(f"source accuracy (matched quotes): {scores.source_accuracy:.3f}")
    lines.append("recall by kind: " + ", ".join(f"{k} {v:.3f}" for k, v in scores.recall_by_kind.items()))
    return "\n".join(lines) + "\n"


_LABELS = {"miss": "miss", "false_alarm": "false alarm", "wrong_speaker": "wrong speaker",
           "wrong_source": "wrong source"}


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    half = (width - 3) // 2
    return text[:half] + " … " + text[len(text) - half:]


def _side(label: str, rec: QuoteRecord) -> str:
    quote = _cut(rec.quote, 100) if rec.quote is not None else "?"
    return (f"    {label}: [{rec.quote_start}:{rec.quote_end}] {rec.kind} “{quote}”\n"
            f"          speaker {rec.speaker if rec.speaker is not None else '—'}; "
            f"source {rec.source if rec.source is not None else '—'}\n")


def format_errors(errors: Sequence[ErrorCase]) -> str:
    """The error list for a terminal: a count by kind, then each case by document."""
    if not errors:
        return "\nerrors: none\n"
    counts = {k: 0 for k in ERROR_KINDS}
    for e in errors:
        counts[e.kind] += 1
    parts = [f"{_LABELS[k]} {n}" for k, n in counts.items() if n]
    out = [f"\nerrors: {len(errors)} ({', '.join(parts)})\n"]
    doc = None
    for e in errors:
        if e.doc != doc:
            doc = e.doc
            out.append(f"\n{doc or '(no doc)'}\n")
        out.append(f"  {_LABELS[e.kind]}\n")
        if e.gold is not None:
            out.append(_side("gold", e.gold))
        if e.pred is not None:
            out.append(_side("pred", e.pred))
        if e.sentence is not None:
            out.append(f"    in:   {_cut(e.sentence, 300)}\n")
    return "".join(out)
