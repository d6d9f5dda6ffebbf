"""Tables in and out: documents from JSONL/Parquet rows, records to Parquet.

Archives rarely hold one article per file; they hold rows.  Readers here
stream ``(doc_id, text_or_error)`` one row at a time (JSONL line by line,
Parquet one record batch at a time), so memory stays flat whatever the file
size, and a bad row becomes a :class:`~quoteattr.io.ReadError` for that row
only: every input row comes back as exactly one item, so the CLI's document
and failure counts stay exact.

:class:`ParquetWriter` writes records with an explicit schema derived from
:data:`~quoteattr.model.RECORD_FIELDS` (so an empty output, or one whose
first rows happen to be all null in some column, still has the right types),
in row groups as records arrive, to a temporary file renamed over the target
only on :meth:`~ParquetWriter.close` — a failed run leaves nothing behind.

pyarrow is imported only when Parquet is actually read or written, so JSONL
input works without it.
"""
from __future__ import annotations

import json
import lzma
import os
import re
import sys
import weakref
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from .io import ReadError, create_part_file, discard_part_file, output_folder
from .textfiles import open_binary, plain_name
from .model import RECORD_FIELDS, Attribution

__all__ = ["FIELD_TYPES", "FOLDER_MODES", "REQUIRED_FIELDS", "INPUT_FORMATS", "read_table_documents",
           "record_schema", "ParquetWriter"]

#: Input formats :func:`read_table_documents` understands.
INPUT_FORMATS = ("jsonl", "parquet")

_SUFFIXES = {"jsonl": (".jsonl", ".ndjson"), "parquet": (".parquet",)}


def _field_type(name: str) -> str:
    if name.endswith(("_start", "_end")):
        return "int64"
    if name == "confidence":
        return "float64"
    return "string"


#: Value type of each record field ("string", "int64" or "float64"), in
#: RECORD_FIELDS order; the one place both the Parquet schema and the Dask
#: ``meta`` are derived from.
FIELD_TYPES: dict[str, str] = {name: _field_type(name) for name in RECORD_FIELDS}

#: Fields every record has (``Attribution`` requires them); the rest may be null.
REQUIRED_FIELDS: frozenset[str] = frozenset({"quote", "quote_start", "quote_end", "kind", "confidence", "rule"})


# --------------------------------------------------------------------------- reading


def _expand(paths: Iterable[str], fmt: str) -> Iterator[tuple[str, Path | None, ReadError | None]]:
    """CLI arguments to files: a file, a folder (its files of ``fmt``, recursively, sorted) or ``-``."""
    suffixes = _SUFFIXES[fmt]
    for p in paths:
        if p == "-":
            yield p, None, None
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*")
                           if f.is_file() and plain_name(f.name).lower().endswith(suffixes)
                           and not f.name.startswith((".", "_")))
            if not found:
                yield p, path, ReadError(f"folder holds no {'/'.join(suffixes)} files")
            for f in found:
                yield str(f), f, None
        elif not path.exists():
            yield p, path, ReadError("no such file")
        else:
            yield p, path, None


def _doc_id(value: Any, column: str) -> str | ReadError:
    if value is None:
        return ReadError(f"id column {column!r} is null")
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ReadError(f"id column {column!r} holds {type(value).__name__}, expected a string or integer")


def _text(value: Any, column: str) -> str | ReadError:
    if isinstance(value, str):
        return value
    if value is None:
        return ReadError(f"text column {column!r} is null")
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            return ReadError(f"text column {column!r} is not UTF-8 (invalid byte at offset {exc.start})")
    return ReadError(f"text column {column!r} holds {type(value).__name__}, not text")


def _row(values: Mapping[str, Any], where: str, id_column: str,
         text_column: str) -> tuple[str, str | ReadError]:
    """One row to ``(name, text_or_error)``; the name is the id when it is usable, else ``where``."""
    if id_column not in values:
        return where, ReadError(f"no id column {id_column!r} (see --id-column)")
    doc_id = _doc_id(values[id_column], id_column)
    if isinstance(doc_id, ReadError):
        return where, doc_id
    if text_column not in values:
        return doc_id, ReadError(f"no text column {text_column!r} (see --text-column)")
    return doc_id, _text(values[text_column], text_column)


def _missing_columns(present: Iterable[str], id_column: str, text_column: str) -> ReadError | None:
    """A file whose first row lacks the id or text column: the options are wrong, not the rows."""
    present = list(present)
    for column, option in ((id_column, "--id-column"), (text_column, "--text-column")):
        if column not in present:
            listed = ", ".join(repr(c) for c in present) or "none"
            return ReadError(f"no column {column!r} (see {option}); its columns: {listed}")
    return None


def _jsonl_rows(stream: IO[bytes], name: str, id_column: str,
                text_column: str) -> Iterator[tuple[str, str | ReadError]]:
    first = True
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield where, ReadError(f"not UTF-8 text (invalid byte at offset {exc.start})")
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield where, ReadError(f"not valid JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            yield where, ReadError(f"expected a JSON object, got {type(obj).__name__}")
            continue
        if first and (problem := _missing_columns(obj, id_column, text_column)) is not None:
            yield name, ReadError(f"{problem.message} (first row, line {lineno}); file skipped")
            return
        first = False
        yield _row(obj, where, id_column, text_column)


def _read_jsonl(path: Path | None, name: str, id_column: str,
                text_column: str) -> Iterator[tuple[str, str | ReadError]]:
    if path is None:
        yield from _jsonl_rows(sys.stdin.buffer, name, id_column, text_column)
        return
    try:
        stream = open_binary(path)
    except OSError as exc:
        yield name, ReadError(f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        try:
            yield from _jsonl_rows(stream, name, id_column, text_column)
        except (OSError, EOFError, lzma.LZMAError) as exc:  # bad part-way (or a corrupt .gz): one error
            yield f"{name} (rest)", ReadError(f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _read_parquet(path: Path | None, name: str, id_column: str, text_column: str,
                  batch_size: int) -> Iterator[tuple[str, str | ReadError]]:
    if path is None:
        yield name, ReadError("Parquet input cannot come from stdin; give a file")
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield name, ReadError(f"not a readable Parquet file: {exc}")
        return
    with pf:
        problem = _missing_columns(pf.schema_arrow.names, id_column, text_column)
        if problem is not None:
            yield name, ReadError(f"{problem.message}; file of {pf.metadata.num_rows} rows skipped")
            return
        columns = list(dict.fromkeys((id_column, text_column)))
        row = 0
        try:
            for batch in pf.iter_batches(batch_size=batch_size, columns=columns):
                cols = {c: batch.column(c).to_pylist() for c in columns}
                for i in range(batch.num_rows):
                    yield _row({c: v[i] for c, v in cols.items()}, f"{name}[{row}]", id_column, text_column)
                    row += 1
        except (OSError, pa.ArrowException) as exc:  # a corrupt row group: the rest is one error
            yield f"{name}[{row}:]", ReadError(f"cannot read Parquet rows from {row} on: {exc}")


def read_table_documents(paths: Iterable[str], *, fmt: str, id_column: str = "id", text_column: str = "text",
                         batch_size: int = 1024) -> Iterator[tuple[str, str | ReadError]]:
    """``(doc_id, text)`` for every row of JSONL or Parquet inputs, streamed.

    ``paths`` are files, folders (their ``.jsonl``/``.ndjson`` or
    ``.parquet`` files, recursively, in name order) or ``-`` (JSONL on
    stdin).  A row whose id or text is missing, null or of the wrong type, a
    line that is not a JSON object, and a file that cannot be opened each
    become one :class:`ReadError` named by the row's id when it has one,
    else by ``file:line`` (JSONL) or ``file[row]`` (Parquet).
    """
    if fmt not in INPUT_FORMATS:
        raise ValueError(f"unknown table format {fmt!r}; expected one of: {', '.join(INPUT_FORMATS)}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    for name, path, problem in _expand(paths, fmt):
        if problem is not None:
            yield name, problem
        elif fmt == "jsonl":
            yield from _read_jsonl(path, name, id_column, text_column)
        else:
            yield from _read_parquet(path, name, id_column, text_column, batch_size)


# --------------------------------------------------------------------------- writing


def record_schema() -> Any:
    """The ``pyarrow.Schema`` of record files: RECORD_FIELDS, typed, nullable where a record may lack it."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    return pa.schema([pa.field(name, types[kind], nullable=name not in REQUIRED_FIELDS)
                      for name, kind in FIELD_TYPES.items()])


#: What a folder output does when it already holds files: refuse, replace its
#: ``*.parquet`` files, or add a part of a new name beside them.
FOLDER_MODES = ("error", "overwrite", "append")

_PART = re.compile(r"part-(\d+)\.parquet")


def _visible(folder: Path) -> list[Path]:
    """The folder's entries a reader sees (dot files are other writers' unfinished parts)."""
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def _prepare_folder(folder: Path, mode: str) -> None:
    if mode not in FOLDER_MODES:
        raise ValueError(f"unknown folder mode {mode!r}; expected one of: {', '.join(FOLDER_MODES)}")
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"output {folder} exists and is not a folder (name a .parquet file?)")
    folder.mkdir(parents=True, exist_ok=True)
    if mode == "error" and _visible(folder):
        raise FileExistsError(f"output folder {folder} is not empty: add --overwrite to replace its "
                              "Parquet files, or --append to add a new part beside them")


def _place_new_part(tmp: str, folder: Path) -> Path:
    """Move ``tmp`` in as the folder's next ``part-NNNNN.parquet``, never over an existing file."""
    taken = [int(m.group(1)) for p in _visible(folder) if (m := _PART.fullmatch(p.name))]
    n = max(taken, default=-1) + 1
    while True:
        target = folder / f"part-{n:05d}.parquet"
        try:
            os.link(tmp, target)  # fails if the name is taken, unlike a rename
        except FileExistsError:
            n += 1
            continue
        except OSError:  # no hard links here: a rename, after checking
            if target.exists():
                n += 1
                continue
            os.replace(tmp, target)
            return target
        os.unlink(tmp)
        return target


class ParquetWriter:
    """Streams records into one Parquet file, atomically.

    ``target`` ending in ``.parquet`` is the file itself; anything else is a
    folder (created if missing) that receives ``part-00000.parquet``, the
    layout Dask, Spark and ``pyarrow.dataset`` read as one table.  A folder
    that already holds files is refused unless ``folder_mode`` is
    ``"overwrite"`` (its ``*.parquet`` files are replaced when this one is
    complete) or ``"append"`` (this file becomes a new, unused part name).
    ``metadata`` (str → str) goes into the file's key-value metadata.  Rows are
    buffered and written ``row_group_size`` at a time into a hidden temporary
    file beside the target (readers of the folder skip dot files), which
    :meth:`close` renames over the target; :meth:`abort` removes it, and so
    does garbage collection or interpreter exit when neither was called.  The
    writer is also its own output sink (``commit``/``abort``, like
    :class:`~quoteattr.io.AtomicOutput`), which is how the CLI drives it.
    """

    def __init__(self, target: str | os.PathLike[str], *, row_group_size: int = 50_000,
                 compression: str = "zstd", folder_mode: str = "error",
                 metadata: Mapping[str, str] | None = None) -> None:
        import pyarrow.parquet as pq

        if row_group_size < 1:
            raise ValueError(f"row_group_size must be positive, got {row_group_size}")
        target = Path(target)
        self._folder_mode: str | None = None
        if target.name.endswith(".parquet"):
            folder = output_folder(target)
        else:
            _prepare_folder(target, folder_mode)
            folder, target = target, target / "part-00000.parquet"
            self._folder_mode = folder_mode
        self.target = target
        self.count = 0
        self.schema = record_schema()
        if metadata:
            self.schema = self.schema.with_metadata({str(k): str(v) for k, v in metadata.items()})
        self._row_group_size = row_group_size
        self._buffer: list[dict[str, Any]] = []
        self._done = False
        self._tmp = create_part_file(folder, target)
        try:
            self._writer = pq.ParquetWriter(self._tmp, self.schema, compression=compression)
        except BaseException:
            os.unlink(self._tmp)
            raise
        self._discard = weakref.finalize(self, discard_part_file, self._writer, self._tmp)

    def write(self, records: Iterable[Attribution | Mapping[str, Any]]) -> None:
        """Add records (``Attribution`` objects or their ``to_dict()``); a full row group is written out."""
        if self._done:
            raise ValueError("write to a closed ParquetWriter")
        for rec in records:
            self._buffer.append(rec.to_dict() if isinstance(rec, Attribution) else dict(rec))
            self.count += 1
            if len(self._buffer) >= self._row_group_size:
                self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        import pyarrow as pa

        rows, self._buffer = self._buffer, []
        columns = {name: [r.get(name) for r in rows] for name in RECORD_FIELDS}
        self._writer.write_table(pa.Table.from_pydict(columns, schema=self.schema))

    def close(self) -> None:
        """Write what is buffered and move the file into place; a second call does nothing."""
        if self._done:
            return
        try:
            self._flush()
            self._writer.close()
            with open(self._tmp, "rb") as fh:
                os.fsync(fh.fileno())
            self._place()
        except BaseException:
            self.abort()
            raise
        self._discard.detach()
        self._done = True

    def _place(self) -> None:
        folder = self.target.parent
        if self._folder_mode == "append":
            self.target = _place_new_part(self._tmp, folder)
            return
        old = [p for p in _visible(folder) if p.suffix == ".parquet"] if self._folder_mode == "overwrite" else []
        os.replace(self._tmp, self.target)
        for p in old:  # only once the new part is in place: a failed run keeps the old ones
            if p != self.target:
                p.unlink(missing_ok=True)

    #: AtomicOutput's name for :meth:`close`: the CLI commits its sink after closing the writer.
    commit = close

    def abort(self) -> None:
        """Drop the output: the temporary file goes, the target is untouched.  No-op once closed."""
        if self._done:
            return
        self._done = True
        self._buffer = []
        self._discard()  # runs once

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
