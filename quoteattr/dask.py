"""Attribution on a Dask cluster (the ``quoteattr[dask]`` extra).

:func:`attribute_bag` turns a ``dask.bag`` of texts or ``(doc_id, text)``
pairs into a bag of record dicts; :func:`attribute_frame` turns a Dask
DataFrame with id and text columns into a DataFrame of records, one row per
record, typed by :func:`records_meta`.  Both run :func:`extract_partition`
on each partition, a plain generator that needs no Dask at all (it is what
PySpark's ``mapPartitions`` calls; see ``docs/scale.md``).

Why it is built this way:

* **One Attributor per worker process, built once.**  Building one compiles
  the lexicons (and may load a stanza model); doing that per document or
  per task would dominate the run.  The configuration travels to the
  workers once, as a single graph key (a ``Delayed`` that every task
  depends on), and each process keeps the Attributors it built in a small
  cache keyed by a hash of the pickled configuration.  A process-level
  cache rather than a ``distributed.WorkerPlugin`` so the same code works
  under every Dask scheduler (distributed, processes, threads, sync) and
  under Spark, with no client or plugin registration.
* **Picklable configuration.**  What ships is ``Attributor.config`` (plain
  data, custom lexicons included), never a built Attributor, so a worker
  uses exactly the word lists the client was given.
* **No document is lost, none is fatal.**  Each partition goes through
  :func:`quoteattr.extract_many` (one process, in order), which turns any
  failure into a per-document error; here that becomes an *error row*: the
  same columns, all null except ``doc``, plus the message in ``error``
  (null on ordinary rows).  Records keep ``extract_many``'s order, document
  by document.

``import quoteattr`` never imports this module, and this module imports
Dask and pandas only inside the functions that need them (absolute imports:
``import dask`` here is the real Dask, never this file).
"""
from __future__ import annotations

import hashlib
import math
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .batch import extract_many
from .io import ReadError
from .model import RECORD_FIELDS
from .pipeline import Attributor
from .tabular import FIELD_TYPES

if TYPE_CHECKING:  # pragma: no cover - typing only
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = [
    "COLUMNS", "ERROR_FIELD", "ShippedConfig", "attribute_bag", "attribute_frame", "extract_partition",
    "records_meta", "worker_attributor",
]

#: The column that carries a failed document's message (null on record rows).
ERROR_FIELD = "error"
#: Columns of every row these functions produce: the record fields, then ``error``.
COLUMNS: tuple[str, ...] = (*RECORD_FIELDS, ERROR_FIELD)

#: Attributors one process keeps (distinct configurations are rare; the bound stops a leak).
_CACHE_SIZE = 4
_CACHE: OrderedDict[str, Attributor] = OrderedDict()
_CACHE_LOCK = threading.Lock()
#: How many Attributors this process has built, per configuration token (tests and
#: diagnostics: ``client.run`` it to see that each worker built one).
_BUILT: dict[str, int] = {}


class ShippedConfig:
    """An Attributor's configuration with a digest of it: what travels to the workers.

    The digest is computed once, on the client, so workers can find their
    cached Attributor without re-hashing the (possibly large) lexicons.
    """

    __slots__ = ("config", "token")

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        self.config: dict[str, Any] = dict(config) if config is not None else Attributor().config
        self.token: str = hashlib.sha256(pickle.dumps(self.config, protocol=4)).hexdigest()[:32]

    @classmethod
    def of(cls, source: Attributor | Mapping[str, Any] | ShippedConfig | None) -> ShippedConfig:
        """Accept an Attributor, its ``config``, an already shipped config, or ``None`` (defaults)."""
        if isinstance(source, ShippedConfig):
            return source
        if isinstance(source, Attributor):
            return cls(source.config)
        if source is None or isinstance(source, Mapping):
            return cls(source)
        raise TypeError(f"expected an Attributor or its config, not {type(source).__name__}")

    def __getstate__(self) -> tuple[dict[str, Any], str]:
        return self.config, self.token

    def __setstate__(self, state: tuple[dict[str, Any], str]) -> None:
        self.config, self.token = state

    def __repr__(self) -> str:
        return f"ShippedConfig(token={self.token!r})"


def worker_attributor(config: Attributor | Mapping[str, Any] | ShippedConfig | None = None) -> Attributor:
    """This process's Attributor for ``config``, built on first use and reused after.

    Thread-safe: a worker running several threads builds it once and shares
    it (an Attributor keeps no state between documents).
    """
    shipped = ShippedConfig.of(config)
    with _CACHE_LOCK:
        att = _CACHE.get(shipped.token)
        if att is None:
            att = Attributor(**shipped.config)
            _BUILT[shipped.token] = _BUILT.get(shipped.token, 0) + 1
            _CACHE[shipped.token] = att
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        else:
            _CACHE.move_to_end(shipped.token)
        return att


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - Spark without pandas
        return False
    return value is pd.NA or value is pd.NaT


def _error_row(doc_id: str | None, message: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row["doc"] = doc_id
    row[ERROR_FIELD] = message
    return row


def _items(items: Iterable[Any]) -> Iterator[Any]:
    # a pair that came through JSON is a list; a missing id (None, NaN, NA) means "no id"
    for item in items:
        if isinstance(item, list) and len(item) == 2:
            item = (item[0], item[1])
        if isinstance(item, tuple) and len(item) == 2:
            doc_id, text = item
            item = (None if _missing(doc_id) else doc_id,
                    ReadError("text is null") if _missing(text) else text)
        yield item


def _rows(items: Iterable[Any], config: Any, partition: int | None) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(position in partition, row)`` for every record and every failed document."""
    att = worker_attributor(config)
    for res in extract_many(_items(items), attributor=att, jobs=1):
        if res.error is not None:
            message = res.error
            if res.doc_id is None:  # nothing else identifies it: say where it was
                where = f"item {res.index}" if partition is None else f"partition {partition}, item {res.index}"
                message = f"{where}: {message}"
            yield res.index, _error_row(res.doc_id, message)
            continue
        for rec in res.records:
            row = rec.to_dict()
            row[ERROR_FIELD] = None
            yield res.index, row


def extract_partition(items: Iterable[Any], config: Attributor | Mapping[str, Any] | ShippedConfig | None = None,
                      *, partition: int | None = None) -> Iterator[dict[str, Any]]:
    """Record dicts (:data:`COLUMNS`) for a partition of texts or ``(doc_id, text)`` pairs.

    Lazy and order-preserving: each document's records come in
    ``extract_many``'s order, and a document that fails gives one error
    row instead.  ``config`` is an Attributor's ``config`` (pass that, not
    an Attributor, to a Spark closure: it is plain data).  ``partition``
    only labels error rows of documents that have no id.
    """
    for _, row in _rows(items, config, partition):
        yield row


# --------------------------------------------------------------------------- Dask


def _shipped_delayed(attributor: Attributor | Mapping[str, Any] | None) -> Any:
    import dask

    shipped = ShippedConfig.of(attributor)
    # one key for the whole graph: each worker receives the configuration once
    return dask.delayed(shipped, name=f"quoteattr-config-{shipped.token}", traverse=False)


def _bag_partition(items: Iterable[Any], number: list[int], shipped: ShippedConfig) -> list[dict[str, Any]]:
    return list(extract_partition(items, shipped, partition=number[0] if number else None))


def attribute_bag(bag: dask.bag.Bag, *, attributor: Attributor | Mapping[str, Any] | None = None) -> dask.bag.Bag:
    """A bag of record dicts (:data:`COLUMNS`) from a bag of texts or ``(doc_id, text)`` pairs.

    Partition by partition, in order; a failing document becomes an error
    row (``doc`` set, ``error`` the message).  ``attributor`` (or its
    ``config``) chooses the configuration; the default pipeline otherwise.
    ``.to_dataframe(meta=records_meta())`` gives a typed DataFrame.
    """
    import dask.bag as db

    numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    return bag.map_partitions(_bag_partition, numbers, shipped=_shipped_delayed(attributor))


def records_meta(index: pandas.Index | None = None) -> pandas.DataFrame:
    """The empty, typed frame :func:`attribute_frame` declares as ``meta``.

    Strings are ``string``, offsets nullable ``Int64``, confidence nullable
    ``Float64``: error rows hold nulls in every column but ``doc`` and
    ``error``, and nullable types keep integers integers.
    """
    import pandas as pd

    dtypes = {"string": pd.StringDtype(), "int64": pd.Int64Dtype(), "float64": pd.Float64Dtype()}
    columns = {name: pd.array([], dtype=dtypes[kind]) for name, kind in FIELD_TYPES.items()}
    columns[ERROR_FIELD] = pd.array([], dtype=pd.StringDtype())
    return pd.DataFrame(columns, index=index[:0] if index is not None else None)


def _doc_id(value: Any) -> str | None:
    if _missing(value):
        return None
    return value if isinstance(value, str) else str(value)


def _frame_partition(pdf: pandas.DataFrame, id_column: str | None, text_column: str,
                     shipped: ShippedConfig) -> pandas.DataFrame:
    import pandas as pd

    ids = pdf.index.tolist() if id_column is None else pdf[id_column].tolist()
    texts = pdf[text_column].tolist()
    items = [(_doc_id(i), ReadError(f"text column {text_column!r} is null") if _missing(t) else t)
             for i, t in zip(ids, texts)]
    positions: list[int] = []
    rows: list[dict[str, Any]] = []
    for pos, row in _rows(items, shipped, None):
        positions.append(pos)
        rows.append(row)
    meta = records_meta()
    data = {name: pd.array([r[name] for r in rows], dtype=meta.dtypes[name]) for name in COLUMNS}
    return pd.DataFrame(data, index=pdf.index.take(positions))


def attribute_frame(df: dask.dataframe.DataFrame, *, id_column: str | None = "id", text_column: str = "text",
                    attributor: Attributor | Mapping[str, Any] | None = None) -> dask.dataframe.DataFrame:
    """A DataFrame of records, one row per record, from a DataFrame of documents.

    Columns are :data:`COLUMNS` typed as :func:`records_meta`.  Each row
    keeps the index label of the document it came from (so divisions stay
    valid and results join back to the input); ``id_column=None`` takes
    document ids from the index.  Non-string ids are turned into strings; a
    null text or any failure becomes an error row.
    """
    for col in (id_column, text_column):
        if col is not None and col not in df.columns:
            raise KeyError(f"no column {col!r} in the DataFrame (columns: {', '.join(map(str, df.columns))})")
    wanted = list(dict.fromkeys(c for c in (id_column, text_column) if c is not None))
    return df[wanted].map_partitions(
        _frame_partition, id_column, text_column, shipped=_shipped_delayed(attributor),
        meta=records_meta(df._meta.index),
    )
