"""Reading documents and writing records: the file side of the CLI.

Readers yield ``(doc_id, text_or_error)``; a document that cannot be read is
reported by name and never stops the others.  Writers stream: each
document's records are written as soon as they arrive, and a file output is
written to a temporary file that replaces the target only when complete, so
a failed or interrupted run never leaves partial record lines behind.
"""
from __future__ import annotations

import csv
import io
import json
import os
import secrets
import stat
import sys
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from .model import RECORD_FIELDS, Attribution

__all__ = [
    "ReadError", "FORMATS", "iter_paths", "read_documents", "RecordWriter", "open_writer", "AtomicOutput",
]

FORMATS = ("jsonl", "json", "csv", "table", "parquet")


@attrs.frozen(slots=True)
class ReadError:
    """Why a document could not be read."""

    message: str


def iter_paths(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Expand CLI arguments: a file, a folder (its ``*.txt``, recursively, sorted) or ``-`` (stdin)."""
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for f in sorted(path.rglob("*.txt")):
                # skip only folders: a file that vanished since the listing (or a
                # dangling link) is yielded and reported by read_text, never dropped
                if not f.is_dir():
                    found = True
                    yield str(f), f
            if not found:
                yield p, path  # reported as "no .txt files" by read_documents
        else:
            yield p, path


def read_text(path: Path) -> str | ReadError:
    """A UTF-8 text file, or why it is not one."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ReadError("no such file (or it vanished before it was read)")
    except IsADirectoryError:
        return ReadError("is a directory")
    except PermissionError:
        return ReadError("permission denied")
    except OSError as exc:
        return ReadError(f"cannot read: {exc.strerror or exc}")
    if b"\x00" in data:
        return ReadError("binary file (holds NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadError(f"not UTF-8 text (invalid byte at offset {exc.start})")


def read_documents(paths: Iterable[str], stdin: IO[str] | None = None) -> Iterator[tuple[str, str | ReadError]]:
    """``(doc_id, text)`` for every input; unreadable ones carry a :class:`ReadError`."""
    for name, path in iter_paths(paths):
        if path is None:
            stream = stdin if stdin is not None else sys.stdin
            try:
                yield name, stream.read()
            except UnicodeDecodeError as exc:
                yield name, ReadError(f"stdin is not UTF-8 text (invalid byte at offset {exc.start})")
            continue
        if path.is_dir():
            yield name, ReadError("folder holds no .txt files")
            continue
        yield name, read_text(path)


def output_folder(target: Path) -> Path:
    """The folder an output file goes into, with a clear error when that cannot work."""
    if target.is_dir():
        raise IsADirectoryError(f"output {target} is a directory")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"output folder {folder} does not exist")
    return folder


def create_part_file(folder: Path, target: Path) -> str:
    """A new hidden ``.NAME.*.part`` file beside the target, with the replaced file's
    permissions, else 0666 less the umask (mkstemp's 0600 would hide the output from
    the other readers of a shared folder)."""
    for _ in range(100):
        tmp = folder / f".{target.name}.{secrets.token_hex(6)}.part"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        try:
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        except OSError:
            pass  # no file to replace: the umask already applied
        return str(tmp)
    raise FileExistsError(f"cannot create a temporary file in {folder}")


def discard_part_file(writer: Any, tmp: str) -> None:
    """Close the writer of an unfinished output and remove its temporary file."""
    try:
        writer.close()
    except Exception:  # noqa: BLE001 - already failing; removing the file is what matters
        pass
    try:
        os.unlink(tmp)
    except OSError:
        pass


class AtomicOutput:
    """A text file written in full or not at all (temp file + ``os.replace``).

    Until :meth:`commit`, records go to a hidden ``.NAME.*.part`` file next to
    the target.  :meth:`abort` removes it; so does garbage collection or
    interpreter exit when neither was called (an unexpected exception), so a
    failed run leaves neither a partial target nor a stray temporary file.
    Also a context manager: commit on success, abort on any exception.
    """

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        self._tmp = create_part_file(output_folder(self.target), self.target)
        try:
            self.stream: IO[str] = open(self._tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except BaseException:
            os.unlink(self._tmp)
            raise
        self._discard = weakref.finalize(self, discard_part_file, self.stream, self._tmp)

    def commit(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        os.replace(self._tmp, self.target)
        self._discard.detach()

    def abort(self) -> None:
        self._discard()  # runs once; later calls do nothing

    def __enter__(self) -> AtomicOutput:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


class RecordWriter:
    """Writes records in one format, one document at a time."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        if fmt not in FORMATS or fmt == "parquet":
            raise ValueError(f"unknown text format {fmt!r}; expected one of: jsonl, json, csv, table")
        self.stream = stream
        self.fmt = fmt
        self.count = 0
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, fieldnames=list(RECORD_FIELDS), lineterminator="\n")
            self._csv.writeheader()
        elif fmt == "json":
            stream.write("[")
        elif fmt == "table":
            stream.write(f"{'doc':<28} {'kind':<8} {'speaker':<28} {'source':<16} {'conf':>5}  quote\n")

    def write(self, records: Iterable[Attribution]) -> None:
        for rec in records:
            d = rec.to_dict()
            if self.fmt == "jsonl":
                self.stream.write(json.dumps(d, ensure_ascii=False) + "\n")
            elif self.fmt == "json":
                self.stream.write(("\n  " if self.count == 0 else ",\n  ") + json.dumps(d, ensure_ascii=False))
            elif self.fmt == "csv":
                assert self._csv is not None
                self._csv.writerow(d)
            else:
                self.stream.write(_table_row(d))
            self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


def _cut(value: Any, width: int) -> str:
    s = "" if value is None else " ".join(str(value).split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _table_row(d: dict[str, Any]) -> str:
    doc = Path(str(d["doc"])).name if d["doc"] else "-"
    return (f"{_cut(doc, 28):<28} {d['kind']:<8} {_cut(d['speaker'], 28):<28} {_cut(d['source'], 16):<16} "
            f"{d['confidence']:>5.2f}  {_cut(d['quote'], 80)}\n")


def open_writer(stream: IO[str], fmt: str) -> RecordWriter:
    return RecordWriter(stream, fmt)


class _BorrowedStdout(io.TextIOWrapper):
    """UTF-8 text over ``sys.stdout.buffer`` that never closes the buffer it borrows."""

    def close(self) -> None:
        try:
            if not self.closed:
                self.flush()
        except (OSError, ValueError):
            pass
        try:
            self.detach()  # instead of closing sys.stdout's buffer on garbage collection
        except ValueError:
            pass


def text_stdout() -> IO[str]:
    """stdout as UTF-8 whatever the locale (records hold Vietnamese).

    ``sys.stdout`` itself when it is already UTF-8; otherwise a wrapper over
    its buffer that leaves the buffer open when dropped, so that calling
    :func:`quoteattr.cli.main` from Python does not close ``sys.stdout``.
    """
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding in ("utf-8", "utf8") or not hasattr(stream, "buffer"):
        return stream
    stream.flush()
    return _BorrowedStdout(stream.buffer, encoding="utf-8", newline="", line_buffering=False, write_through=True)
