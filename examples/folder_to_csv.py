"""Attribute every article in a folder and write the records as CSV.

    python examples/folder_to_csv.py seeds -o records.csv
    python examples/folder_to_csv.py archive/ --jobs 2 --min-confidence 0.6 > records.csv

Articles are the folder's ``*.txt`` files (recursively, UTF-8).  They are
read one at a time as the workers need them and each article's records are
written as soon as they are ready, so a folder of any size runs in constant
memory.  The columns are ``quoteattr.RECORD_FIELDS`` (see docs/records.md);
``doc`` is the file's path relative to the folder.

A file that cannot be read or attributed is reported on stderr and skipped;
the exit status is then 1.  (``quoteattr extract FOLDER -f csv -o FILE``
does the same from the shell; this script shows the Python API.)
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

import quoteattr
from quoteattr.io import ReadError


def articles(folder: Path) -> Iterator[tuple[str, str | ReadError]]:
    """(doc id, text) for each .txt file, read lazily, in a stable order.

    A file that cannot be read travels as a ReadError: extract_many reports
    it in its place (result.error) instead of stopping the run.
    """
    for path in sorted(folder.rglob("*.txt")):
        doc_id = path.relative_to(folder).as_posix()
        try:
            yield doc_id, path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield doc_id, ReadError(f"cannot read: {exc}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="folder of .txt articles")
    ap.add_argument("-o", "--output", type=Path, help="CSV file to write (default: stdout)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    ap.add_argument("--min-confidence", type=float, default=0.0, help="drop records below this (0-1)")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        ap.error(f"{args.folder} is not a folder")

    attributor = quoteattr.Attributor(min_confidence=args.min_confidence)
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    writer = csv.DictWriter(out, fieldnames=quoteattr.RECORD_FIELDS)
    writer.writeheader()
    docs = records = failed = 0
    try:
        # one DocResult per article, in input order, whatever --jobs is
        for result in quoteattr.extract_many(articles(args.folder), attributor=attributor, jobs=args.jobs):
            docs += 1
            if not result.ok:
                failed += 1
                print(f"{result.doc_id}: skipped: {result.error}", file=sys.stderr)
                continue
            for rec in result.records:
                writer.writerow(rec.to_dict())
            records += len(result.records)
    finally:
        if out is not sys.stdout:
            out.close()
    where = args.output if args.output else "stdout"
    print(f"{records} records from {docs} articles ({failed} failed) -> {where}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
