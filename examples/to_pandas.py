"""Load attribution records into a pandas DataFrame and count them.

    python examples/to_pandas.py seeds                  # attribute a folder of .txt articles
    python examples/to_pandas.py records.jsonl          # or read `quoteattr extract` output
    python examples/to_pandas.py seeds --top 5

Prints the number of records by kind, the most quoted speakers, and a
speaker × kind table.  Needs pandas (``pip install pandas``); without it the
script says so and exits with status 1, no traceback.  The DataFrame has one
column per ``quoteattr.RECORD_FIELDS`` key (see docs/records.md).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import quoteattr


def records_from(path: Path) -> Iterator[dict[str, Any]]:
    """Record dicts from a JSON Lines file, or by attributing a .txt file or folder."""
    if path.is_file() and path.suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as fh:
            yield from (json.loads(line) for line in fh if line.strip())
        return
    files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    docs = ((p.name, p.read_text(encoding="utf-8")) for p in files)
    for result in quoteattr.extract_many(docs):
        if not result.ok:
            print(f"{result.doc_id}: {result.error}", file=sys.stderr)
        for rec in result.records:
            yield rec.to_dict()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="records.jsonl, an article .txt, or a folder of them")
    ap.add_argument("--top", type=int, default=10, help="how many speakers to list (default: 10)")
    args = ap.parse_args(argv)
    try:
        import pandas as pd
    except ImportError:
        print("to_pandas.py needs pandas, which is not installed: pip install pandas", file=sys.stderr)
        return 1
    if not args.path.exists():
        ap.error(f"{args.path}: no such file or folder")

    # explicit columns: an empty result still has the record schema
    df = pd.DataFrame.from_records(list(records_from(args.path)), columns=list(quoteattr.RECORD_FIELDS))
    print(f"{len(df)} records from {df['doc'].nunique()} documents\n")
    if df.empty:
        return 0
    print("records by kind")
    print(df["kind"].value_counts().to_string(), "\n")
    speakers = df["speaker"].fillna("(unknown)")
    print(f"top {args.top} speakers")
    print(speakers.value_counts().head(args.top).to_string(), "\n")
    top = speakers.value_counts().head(args.top).index
    table = pd.crosstab(speakers[speakers.isin(top)], df["kind"][speakers.isin(top)])
    print("speaker × kind")
    print(table.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
