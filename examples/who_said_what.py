"""Who said what about X: look up records by speaker and/or keyword.

    quoteattr extract seeds -o records.jsonl
    python examples/who_said_what.py records.jsonl --speaker "Dương Khiết Trì"
    python examples/who_said_what.py records.jsonl --keyword "thẳng thắn"
    python examples/who_said_what.py records.jsonl --speaker blinken --keyword "Trung Quốc"

A fact-checker's lookup over the JSON Lines that ``quoteattr extract``
writes.  Matching is by substring, ignoring case and tone-mark placement
(``hoà`` = ``hòa``) through ``quoteattr.text.fold``.  A query typed without
any diacritics (``duong khiet tri``) also matches the accented text.
``--speaker`` looks at the canonical speaker name and at the words the
article used for them (``speaker_mention``); ``--keyword`` looks at the
quote.  Given both, a record must match both.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quoteattr.text import fold


def strip_marks(text: str) -> str:
    """``Dương Khiết Trì`` → ``duong khiet tri`` (for queries typed without diacritics)."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


class Query:
    """A folded substring test; a plain-ASCII query also matches without diacritics."""

    def __init__(self, text: str) -> None:
        self.key = fold(text)
        self.bare = self.key.isascii()

    def __call__(self, *values: str | None) -> bool:
        for value in values:
            if not value:
                continue
            if self.key in fold(value) or (self.bare and self.key in strip_marks(value)):
                return True
        return False


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not a JSON record ({exc.msg})") from None


def describe(rec: dict[str, Any]) -> str:
    who = rec.get("speaker") or "(unknown speaker)"
    how = rec.get("cue") or "—"
    via = f", via {rec['source']}" if rec.get("source") else ""
    doc = Path(str(rec.get("doc") or "-")).name
    return (f"{who} [{rec['kind']}, cue “{how}”{via}, confidence {rec['confidence']:.2f}]\n"
            f"    “{rec['quote']}”\n"
            f"    {doc} [{rec['quote_start']}:{rec['quote_end']}]")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records", type=Path, help="JSON Lines written by `quoteattr extract`")
    ap.add_argument("-s", "--speaker", help="part of the speaker's name or mention")
    ap.add_argument("-k", "--keyword", help="a word or phrase in the quote")
    ap.add_argument("--json", action="store_true", help="print the matching records as JSON Lines")
    args = ap.parse_args(argv)
    if not args.speaker and not args.keyword:
        ap.error("give --speaker, --keyword, or both")
    if not args.records.is_file():
        ap.error(f"{args.records}: no such file")

    speaker = Query(args.speaker) if args.speaker else None
    keyword = Query(args.keyword) if args.keyword else None
    found = 0
    for rec in read_records(args.records):
        if speaker and not speaker(rec.get("speaker"), rec.get("speaker_mention")):
            continue
        if keyword and not keyword(rec.get("quote")):
            continue
        found += 1
        print(json.dumps(rec, ensure_ascii=False) if args.json else describe(rec))
    print(f"{found} matching record{'s' if found != 1 else ''}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
