"""Batch attribution: many documents, in order, streamed, optionally in parallel.

Every input document comes back as exactly one :class:`DocResult`, with its
records or with the error that stopped it; one failing document never costs
the others their records.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from .io import ReadError
from .model import Attribution
from .pipeline import Attributor

__all__ = ["DocResult", "extract_many"]

#: A text, or ``(doc_id, text)``; ``text`` may be a :class:`~quoteattr.io.ReadError`
#: standing for a document that could not be read (it is reported, in order).
Item = str | tuple[str | None, str | ReadError]


@attrs.frozen(slots=True)
class DocResult:
    """The outcome for one input document: records, or an error message."""

    index: int
    doc_id: str | None
    records: tuple[Attribution, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _split(index: int, item: Any) -> tuple[str | None, Any]:
    if isinstance(item, tuple):
        if len(item) != 2:
            raise ValueError(f"item {index}: expected (doc_id, text), got a tuple of {len(item)}")
        return item[0], item[1]
    return None, item


def _run_one(att: Attributor, index: int, item: Any) -> DocResult:
    try:
        doc_id, text = _split(index, item)
        if doc_id is not None and not isinstance(doc_id, str):
            doc_id = str(doc_id)
        if isinstance(text, ReadError):
            return DocResult(index, doc_id, (), text.message)
        if not isinstance(text, str):
            return DocResult(index, doc_id, (), f"text must be str, not {type(text).__name__}")
        return DocResult(index, doc_id, tuple(att.extract(text, doc_id=doc_id)))
    except Exception as exc:  # one document's failure is reported, never fatal to the batch
        doc_id = item[0] if isinstance(item, tuple) and item else None
        return DocResult(index, doc_id if isinstance(doc_id, str) else None, (),
                         f"{type(exc).__name__}: {exc}")


# one Attributor per worker process, built once by the pool initializer
_WORKER: Attributor | None = None


def _init_worker(config: dict[str, Any]) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: only the parent handles it (and
    # terminates the pool); a worker dying of it prints a traceback per process
    # and can leave the parent waiting for results that never come
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = Attributor(**config)


def _work(job: tuple[int, Any]) -> DocResult:
    assert _WORKER is not None
    return _run_one(_WORKER, *job)


def _batched(att: Attributor, items: Iterable[Item], batch_size: int) -> Iterator[DocResult]:
    """Stanza parses several documents at once; a batch that fails falls back to one by one."""
    batch: list[tuple[int, Any]] = []

    def flush() -> Iterator[DocResult]:
        good = [(i, it) for i, it in batch if isinstance(_split(i, it)[1], str)]
        try:
            ids = [_split(i, it)[0] for i, it in good]
            results = att.extract_batch([_split(i, it)[1] for i, it in good],
                                        doc_ids=[d if d is None or isinstance(d, str) else str(d) for d in ids])
            done = {i: DocResult(i, d if d is None or isinstance(d, str) else str(d), tuple(r))
                    for (i, _), d, r in zip(good, ids, results)}
        except Exception:  # one bad document must not cost the batch: retry each alone
            done = {}
        for i, it in batch:
            yield done[i] if i in done else _run_one(att, i, it)
        batch.clear()

    for index, item in enumerate(items):
        batch.append((index, item))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def extract_many(items: Iterable[Item], *, attributor: Attributor | None = None, jobs: int = 1,
                 chunksize: int = 4, batch_size: int = 16) -> Iterator[DocResult]:
    """Attribute documents lazily, yielding one :class:`DocResult` per item in input order.

    ``items`` are texts or ``(doc_id, text)`` pairs, consumed as they are
    needed (a generator over an archive is fine).  ``jobs > 1`` spreads the
    work over that many processes, each building its own Attributor from
    ``attributor.config`` once; results still come back in input order.
    With the stanza engine, documents are parsed ``batch_size`` at a time.
    """
    if not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, got {jobs!r}")
    att = attributor if attributor is not None else Attributor()
    if jobs == 1 and att.engine_name == "stanza":
        yield from _batched(att, items, batch_size)
        return
    if jobs == 1:
        for index, item in enumerate(items):
            yield _run_one(att, index, item)
        return
    # fork is cheap for the rule engine; torch (stanza) must not be forked after use
    method = "spawn" if os.name == "nt" or att.engine_name == "stanza" else "fork"
    ctx = mp.get_context(method)
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(att.config,)) as pool:
        yield from pool.imap(_work, enumerate(items), chunksize=chunksize)
