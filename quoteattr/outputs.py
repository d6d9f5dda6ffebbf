"""Where ``extract`` writes, and in which format: chosen once, never silently wrong.

The format follows ``-f`` or else the output's extension (``.jsonl``,
``.ndjson``, ``.json``, ``.csv``, ``.parquet``); ``-`` is stdout; a ``-f``
that contradicts the extension is refused rather than writing JSON Lines
into ``records.parquet``.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from .io import AtomicOutput, RecordWriter
from .textfiles import COMPRESSED_SUFFIXES

__all__ = ["OutputChoiceError", "choose_output", "format_of", "open_sink"]

#: Extension → format.
EXTENSION_FORMATS: Mapping[str, str] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
}


class OutputChoiceError(ValueError):
    """An output and a format that do not go together."""


def format_of(target: str) -> str | None:
    """The format a file name implies, if any."""
    return EXTENSION_FORMATS.get(Path(target).suffix.lower())


def choose_output(output: str | None, fmt: str | None, folder_mode: str = "error") -> tuple[str | None, str]:
    """``(target, format)``: ``target`` is ``None`` for stdout."""
    target = None if output in (None, "-") else output
    if target is None:
        if fmt == "parquet":
            raise OutputChoiceError("--format parquet needs -o FILE.parquet or -o FOLDER")
        if folder_mode == "append":
            raise OutputChoiceError("--append needs a Parquet folder output (-f parquet -o FOLDER)")
        return None, fmt or "jsonl"
    if Path(target).suffix.lower() in COMPRESSED_SUFFIXES:
        raise OutputChoiceError(f"-o {target}: compressed output is not written; pipe stdout through "
                                "gzip, bzip2 or xz instead")
    implied = format_of(target)
    if fmt is not None and implied is not None and fmt != implied:
        raise OutputChoiceError(f"--format {fmt} contradicts -o {target} (a .{implied} name); "
                                "drop --format or rename the output")
    chosen = fmt or implied or "jsonl"
    if folder_mode == "append" and (chosen != "parquet" or implied == "parquet"):
        raise OutputChoiceError("--append needs a Parquet folder output (-f parquet -o FOLDER)")
    return target, chosen


def open_sink(target: str | None, fmt: str, stdout: IO[str], *, folder_mode: str = "error",
              metadata: Mapping[str, str] | None = None) -> tuple[Any, Any]:
    """``(sink, writer)``: the sink (``None`` for stdout) is committed after the writer is
    closed, or aborted, which leaves any previous output untouched."""
    if fmt == "parquet":
        from .tabular import ParquetWriter

        assert target is not None
        # the writer is its own atomic sink: commit() after close() is a no-op, and
        # abort() on failure or Ctrl-C removes its temporary file
        writer = ParquetWriter(target, folder_mode=folder_mode, metadata=metadata)
        return writer, writer
    if target is not None:
        sink = AtomicOutput(target)
        return sink, RecordWriter(sink.stream, fmt)
    return None, RecordWriter(stdout, fmt)
