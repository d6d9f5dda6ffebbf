"""Command-line interface: ``quoteattr extract PATH…``."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from .pipeline import Attributor


def _iter_paths(paths: Sequence[str]):
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*.txt")):
                yield str(f), f
        else:
            yield p, path


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="quoteattr")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract")
    ex.add_argument("paths", nargs="+")
    ex.add_argument("--format", default="jsonl")
    args = ap.parse_args(argv)
    att = Attributor()
    status = 0
    for name, path in _iter_paths(args.paths):
        try:
            text = sys.stdin.read() if path is None else path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"quoteattr: {name}: {exc}", file=sys.stderr)
            status = 1
            continue
        for rec in att.extract(text, doc_id=name):
            print(json.dumps(rec.to_dict(), ensure_ascii=False))
    return status
