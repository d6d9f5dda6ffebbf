"""Record files read back: the tool's own jsonl, json, csv and parquet output, for ``eval --pred``."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from .extras import require
from .tabular import REQUIRED_FIELDS

__all__ = ["read_record_file"]


def read_record_file(path: str | os.PathLike[str]) -> str | os.PathLike[str] | list[dict[str, Any]]:
    """Records of a file, by its extension: ``.json`` (one array), ``.csv`` (a header
    row of record fields), ``.parquet``; anything else is JSON Lines and comes back as
    the path itself, for :func:`~quoteattr.evaluate.load_records` to read line by line.
    Raises :class:`ValueError` with a one-line message for an unreadable file."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".json":
            return _json(Path(path))
        if suffix == ".csv":
            return _csv(Path(path))
        if suffix == ".parquet":
            return _parquet(Path(path))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    return path


def _json(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of records, got {type(data).__name__}")
    return data


def _csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        # CSV has no null: the writer leaves an absent speaker or source empty
        return [{k: (None if v == "" and k not in REQUIRED_FIELDS else v) for k, v in row.items()}
                for row in reader]


def _parquet(path: Path) -> list[dict[str, Any]]:
    require("pyarrow", "reading Parquet predictions")
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path).to_pylist()
    except pa.ArrowException as exc:
        raise ValueError(f"{path}: not a readable Parquet file: {exc}") from None
