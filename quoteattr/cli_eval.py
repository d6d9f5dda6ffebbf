"""``quoteattr eval --gold GOLD.jsonl DOCS_DIR``: scoring on the command line.

Kept out of cli.py, which registers it with its options: the command checks
that the gold documents are in the folder (and the predictions are for them)
before :func:`quoteattr.evaluate.evaluate` scores them.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO, Any

__all__ = ["cmd_eval"]


def cmd_eval(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Score the engine's records (or ``--pred``) against ``--gold`` on the documents of a folder."""
    import json

    from .cli import EXIT_OK, CliError, _attributor
    from .evaluate import evaluate, format_errors, format_scores
    from .provenance import provenance

    docs = Path(args.docs)
    if not docs.is_dir():
        raise CliError(f"{docs}: not a folder")
    for p in (args.gold, args.pred):
        if p and not Path(p).is_file():
            raise CliError(f"{p}: no such file")
    att = None if args.pred else _attributor(args)
    try:
        pred = _predictions(args.pred) if args.pred else None
        coverage = _coverage(args.gold, docs, pred, args.pred)
        result = evaluate(args.gold, docs, pred=pred, attributor=att, with_errors=args.errors)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if not args.quiet:
        err.write(f"quoteattr: {coverage['matched']} of {coverage['gold']} gold documents found in {docs}\n")
    if args.json:
        made_by = provenance(att) if att is not None else {**provenance(), "engine": None, "pred": args.pred}
        out.write(json.dumps({**result.to_dict(), "documents": coverage, "provenance": made_by},
                             ensure_ascii=False) + "\n")
    else:
        out.write(format_scores(result.scores))
        if args.errors:
            out.write(format_errors(result.errors))
    return EXIT_OK


def _predictions(path: str) -> Any:
    from .recordfiles import read_record_file

    return read_record_file(path)


def _coverage(gold: str, docs: Path, pred: Any, pred_name: str | None = None) -> dict[str, int]:
    """How many gold documents can be scored; none at all is a mistake, never a silent 0.000."""
    from .cli import EXIT_PARTIAL, CliError
    from .evaluate import load_records

    gold_docs = {r.doc for r in load_records(gold)}
    in_folder = {d for d in gold_docs if d and (docs / d).is_file()}
    coverage = {"gold": len(gold_docs), "matched": len(in_folder)}
    if gold_docs and not in_folder:
        raise CliError(f"none of the {len(gold_docs)} gold documents (e.g. {min(gold_docs)!r}) is in {docs}: "
                       "is it the right folder?", EXIT_PARTIAL)
    if pred is not None:
        pred_docs = {r.doc for r in load_records(pred, name=pred_name)}
        coverage["predicted"] = len(pred_docs & gold_docs)
        if pred_docs and not pred_docs & gold_docs:
            raise CliError(f"no document of the predictions (e.g. {min(pred_docs)!r}) is a gold document "
                           f"(e.g. {min(gold_docs)!r}): are they for these documents?", EXIT_PARTIAL)
    return coverage
