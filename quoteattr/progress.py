"""A one-line progress display on a terminal (files done, rate, ETA); a summary elsewhere.

Shown only when its stream (stderr) is a terminal and, when the caller says
where records go (``output``), they are not printed to that same terminal:
interleaved with record lines the redrawn line would glue itself to the next
record, and records scrolling by are progress enough.  ``enabled=True`` or
``False`` overrides the check.  Where it is not drawn (stderr redirected to
a log, a cron job), ``summary=True`` writes one line at the end instead —
documents, records, failures, time — so a log still says what a run did.
"""
from __future__ import annotations

import os
import sys
import time
from typing import IO

__all__ = ["Progress"]

_BAR = 20  # characters of the bar, when the total is known


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):  # no isatty, or a closed stream
        return False


def _same_terminal(a: object, b: object) -> bool:
    """Do two streams write to the same terminal?"""
    if not (_isatty(a) and _isatty(b)):
        return False
    try:
        sa, sb = os.fstat(a.fileno()), os.fstat(b.fileno())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return True  # both terminals, cannot tell them apart: assume one
    return (sa.st_dev, sa.st_ino, sa.st_rdev) == (sb.st_dev, sb.st_ino, sb.st_rdev)


class Progress:
    """Counts documents and redraws ``[####....] 12/40 files, 310 records, 5.1 files/s, ETA 0:05``.

    ``total`` is the number of documents when known (no bar or ETA otherwise).
    ``enabled=None`` (default) shows it when ``stream`` is a terminal, and
    not the terminal that ``output`` (the records' stream, when given)
    writes to.
    """

    def __init__(self, total: int | None, *, stream: IO[str] | None = None, enabled: bool | None = None,
                 interval: float = 0.2, output: IO[str] | None = None, summary: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = _isatty(self.stream) and not (output is not None and _same_terminal(self.stream, output))
        self.enabled = enabled
        self.summary = summary
        self.total = total
        self.done = 0
        self.records = 0
        self.errors = 0
        self.interval = interval
        self._start = time.monotonic()
        self._last = 0.0

    def update(self, records: int = 0, error: bool = False) -> None:
        """One more document done, with this many records (or failed)."""
        self.done += 1
        self.records += records
        self.errors += int(error)
        now = time.monotonic()
        if self.enabled and (now - self._last >= self.interval or self.done == self.total):
            self._last = now
            self._draw(now)

    def line(self, now: float | None = None, *, final: bool = False) -> str:
        """The status line, without control characters."""
        now = time.monotonic() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            filled = min(_BAR, int(_BAR * self.done / self.total))
            head = f"[{'#' * filled}{'.' * (_BAR - filled)}] {self.done}/{self.total} files"
        else:
            head = f"{self.done} files"
        if final:
            tail = f" in {_clock(elapsed)}"
        elif self.total:
            eta = (self.total - self.done) / rate if rate > 0 else 0.0
            tail = f", ETA {_clock(eta)}"
        else:
            tail = ""
        errs = f", {self.errors} failed" if self.errors else ""
        return f"{head}, {self.records} records, {rate:.1f} files/s{tail}{errs}"

    def _draw(self, now: float, final: bool = False) -> None:
        text = self.line(now, final=final)
        width = _width(self.stream)
        if width and len(text) >= width:  # a wrapped line cannot be redrawn in place
            text = text[: width - 2] + "…"
        self.stream.write(f"\r\x1b[K{text}")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final line (with the elapsed time) and end it; or write the summary."""
        if self.enabled and self.done:
            self._draw(time.monotonic(), final=True)
            self.stream.write("\n")
            self.stream.flush()
        elif self.summary and not self.enabled and not _isatty(self.stream):
            elapsed = time.monotonic() - self._start
            self.stream.write(f"quoteattr: {self.done} documents, {self.records} records, "
                              f"{self.errors} failed, {elapsed:.1f} s\n")
            self.stream.flush()


def _width(stream: object) -> int | None:
    try:
        return os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return None


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
