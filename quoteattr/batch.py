"""Batch attribution: many documents, in order, streamed, optionally in parallel.

Every input document comes back as exactly one :class:`DocResult`, with its
records or with the error that stopped it; one failing document never costs
the others their records, not even one that kills its worker process.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

import attrs

from .io import ReadError
from .model import Attribution
from .pipeline import Attributor

__all__ = ["DocResult", "WorkerStartError", "extract_many"]

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


class WorkerStartError(RuntimeError):
    """The worker processes could not build their Attributor (e.g. a model that will not
    load there): the same for every document, so it stops the batch with its real cause."""


# one Attributor per worker process, built once by the pool initializer; or why it could not be
_WORKER: Attributor | None = None
_WORKER_FAILURE: str | None = None


def _init_worker(config: dict[str, Any]) -> None:
    global _WORKER, _WORKER_FAILURE
    # Ctrl-C reaches the whole process group: only the parent handles it (and
    # terminates the pool); a worker dying of it prints a traceback per process
    # and can leave the parent waiting for results that never come
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # a forked worker inherits the CLI's SIGTERM/SIGHUP handlers: it should just end
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    try:
        _WORKER = Attributor(**config)
    except Exception as exc:  # raising here would break the pool and hide the cause
        _WORKER_FAILURE = f"{type(exc).__name__}: {exc}"


def _work(job: tuple[int, Any]) -> DocResult:
    if _WORKER is None:
        raise WorkerStartError(f"worker process could not start: {_WORKER_FAILURE}")
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
    yield from _parallel(att, items, jobs, chunksize, mp.get_context(method))


#: the error of a document whose worker process died (killed for memory, crashed in C code)
WORKER_DIED = "worker process died while attributing this document (killed for memory, or crashed)"


def _work_chunk(chunk: list[tuple[int, Any]]) -> list[DocResult]:
    return [_work(job) for job in chunk]


def _parallel(att: Attributor, items: Iterable[Item], jobs: int, chunksize: int, ctx: Any) -> Iterator[DocResult]:
    """Chunks of documents over a process pool, results in input order, at most
    ``2 * jobs`` chunks in flight.  A worker that dies breaks the pool: the
    unfinished chunks are re-run one document per fresh process, so the document
    that killed it gets an error result and every other one its records."""
    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(att.config,))

    def finished(f: Future | None) -> bool:
        return f is not None and f.done() and not f.cancelled() and f.exception() is None

    pool: ProcessPoolExecutor

    def salvage() -> None:
        """Replace a broken pool; chunks without a result will run in isolation."""
        nonlocal pool
        pool.shutdown(wait=True, cancel_futures=True)  # broken: its manager thread is ending
        pool = new_pool()
        kept = [(c, f if finished(f) else None) for c, f in pending]
        pending.clear()
        pending.extend(kept)

    jobs_iter = enumerate(items)
    pending: deque[tuple[list[tuple[int, Any]], Future | None]] = deque()
    pool = new_pool()
    try:
        while True:
            while len(pending) < 2 * jobs:
                chunk = list(islice(jobs_iter, chunksize))
                if not chunk:
                    break
                try:
                    fut = pool.submit(_work_chunk, chunk)
                except BrokenProcessPool:  # broke before we saw it: this chunk never ran
                    salvage()
                    fut = pool.submit(_work_chunk, chunk)
                pending.append((chunk, fut))
            if not pending:
                return
            chunk, head = pending.popleft()
            results = None
            if head is not None:
                try:
                    results = head.result()
                except BrokenProcessPool:
                    salvage()
                except WorkerStartError:
                    raise
                except Exception:  # e.g. an item that cannot be pickled: sort it out one by one
                    results = None
            if results is not None:
                yield from results
            else:
                for job in chunk:
                    yield _isolated(att, job, ctx)
        pool.shutdown(wait=True)  # a pool left running at exit races the interpreter's teardown
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool now (interrupted, a signal, an error, a consumer that stopped early):
    queued work is dropped, the workers are killed, and the pool's manager thread is
    waited for — one left running races the interpreter's exit (``Bad file descriptor``)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown() forgets them
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(5)
        if proc.is_alive():  # SIGTERM ignored or stuck: it must not write after what follows
            proc.kill()
            proc.join(5)
    _unblock_result_reader(pool)
    pool.shutdown(wait=True, cancel_futures=True)


def _unblock_result_reader(pool: ProcessPoolExecutor) -> None:
    """A worker killed while writing a result leaves half a message in the result pipe,
    and the pool's manager thread waits in ``recv()`` for the rest forever: the parent's
    own copy of the pipe's write end keeps the end of file from coming (CPython's
    ``ProcessPoolExecutor``).  With the workers gone nothing writes there any more:
    closing that copy turns the wait into an end of file, which the pool reads as broken
    and shuts down."""
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()


def _isolated(att: Attributor, job: tuple[int, Any], ctx: Any) -> DocResult:
    """One document in a process of its own (after a worker died)."""
    one = ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker, initargs=(att.config,))
    index, item = job
    doc_id = item[0] if isinstance(item, tuple) and item else None
    doc_id = doc_id if isinstance(doc_id, str) else None
    try:
        result = one.submit(_work, job).result()
    except WorkerStartError:
        raise
    except BrokenProcessPool:
        result = DocResult(index, doc_id, (), WORKER_DIED)
    except Exception as exc:
        result = DocResult(index, doc_id, (), f"{type(exc).__name__}: {exc}")
    finally:
        _stop(one)
    return result
