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
import lzma
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
from .textfiles import DecodeProblem, decode, name_matches, read_bytes

__all__ = [
    "ReadError", "FORMATS", "DEFAULT_GLOB", "iter_paths", "read_text", "decode_text", "read_documents",
    "RecordWriter", "open_writer", "AtomicOutput",
]

FORMATS = ("jsonl", "json", "csv", "table", "parquet")


@attrs.frozen(slots=True)
class ReadError:
    """Why a document could not be read."""

    message: str


#: The files a folder contributes unless told otherwise (matched case-insensitively).
DEFAULT_GLOB = "*.txt"


def _folder_files(folder: Path, pattern: str) -> Iterator[tuple[str, Path | ReadError]]:
    """The files under ``folder`` matching ``pattern``, sorted; what is not a regular file
    (a FIFO, a socket, a device) would block or make no sense to read: it is named, not read."""
    for f in sorted(folder.rglob("*")):
        if not name_matches(f.relative_to(folder), pattern):
            continue
        try:
            mode = f.stat().st_mode
        except OSError:
            # vanished since the listing, or a dangling link: read_text reports it, never dropped
            yield str(f), f
            continue
        if stat.S_ISDIR(mode):
            continue
        if stat.S_ISREG(mode):
            yield str(f), f
        else:
            yield str(f), ReadError(f"not a regular file ({_file_kind(mode)}); skipped")


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a file"


def iter_paths(paths: Iterable[str], pattern: str = DEFAULT_GLOB) -> Iterator[tuple[str, Path | ReadError | None]]:
    """Expand CLI arguments: a file, a folder (its files matching ``pattern``, recursively,
    sorted) or ``-`` (stdin, given as ``None``).  A folder entry that cannot be read as a
    file comes as a :class:`ReadError`; a path named on its own (``<(cmd)`` is a pipe) is read."""
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for item in _folder_files(path, pattern):
                found = True
                yield item
            if not found:
                wanted = ".txt" if pattern == DEFAULT_GLOB else f"{pattern!r}"
                yield p, ReadError(f"folder holds no {wanted} files")
        else:
            yield p, path


def read_text(path: Path, encoding: str | None = None) -> str | ReadError:
    """A text file (compressed or not, UTF-8 unless a byte-order mark or ``encoding`` says
    otherwise), or why it is not one."""
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        return ReadError("no such file (or it vanished before it was read)")
    except IsADirectoryError:
        return ReadError("is a directory")
    except PermissionError:
        return ReadError("permission denied")
    except (OSError, EOFError, lzma.LZMAError) as exc:  # includes a corrupt .gz/.bz2/.xz
        return ReadError(f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    return decode_text(data, encoding)


def decode_text(data: bytes, encoding: str | None = None) -> str | ReadError:
    """:func:`~quoteattr.textfiles.decode`, with its problem as a :class:`ReadError`."""
    try:
        return decode(data, encoding)
    except DecodeProblem as exc:
        return ReadError(str(exc))


def _read_stdin(stdin: IO[Any] | None, encoding: str | None) -> str | ReadError:
    """stdin as bytes, decoded like a file: a text-mode read would smuggle a stray byte
    through as a surrogate (Python's ``surrogateescape`` under the C locales)."""
    stream = stdin if stdin is not None else sys.stdin
    raw = getattr(stream, "buffer", stream)
    try:
        data = raw.read()
    except OSError as exc:
        return ReadError(f"cannot read stdin: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        return ReadError(f"stdin is not UTF-8 text (invalid byte at offset {exc.start})")
    if isinstance(data, str):  # a text stream without a buffer (e.g. io.StringIO)
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            return ReadError(f"stdin is not UTF-8 text (invalid character at offset {exc.start})")
    text = decode_text(data, encoding)
    if isinstance(text, ReadError):
        return ReadError(("stdin is " if text.message.startswith("not ") else "stdin: ") + text.message)
    return text


def read_documents(paths: Iterable[str], stdin: IO[Any] | None = None, *, encoding: str | None = None,
                   pattern: str = DEFAULT_GLOB) -> Iterator[tuple[str, str | ReadError]]:
    """``(doc_id, text)`` for every input; unreadable ones carry a :class:`ReadError`."""
    for name, path in iter_paths(paths, pattern):
        if path is None:
            yield name, _read_stdin(stdin, encoding)
        elif isinstance(path, ReadError):
            yield name, path
        else:
            yield name, read_text(path, encoding)


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
