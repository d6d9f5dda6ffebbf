"""A one-line progress display on a terminal (files done, rate, ETA); silent elsewhere."""
from __future__ import annotations

import sys
import time
from typing import IO


class Progress:
    def __init__(self, total: int | None, *, stream: IO[str] | None = None, enabled: bool | None = None,
                 interval: float = 0.2) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.enabled = enabled
        self.total = total
        self.done = 0
        self.records = 0
        self.errors = 0
        self.interval = interval
        self._start = time.monotonic()
        self._last = 0.0

    def update(self, records: int = 0, error: bool = False) -> None:
        self.done += 1
        self.records += records
        self.errors += int(error)
        now = time.monotonic()
        if self.enabled and (now - self._last >= self.interval or self.done == self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        if self.total:
            eta = (self.total - self.done) / rate if rate > 0 else 0.0
            head = f"{self.done}/{self.total} files"
            tail = f", ETA {_clock(eta)}"
        else:
            head, tail = f"{self.done} files", ""
        errs = f", {self.errors} failed" if self.errors else ""
        self.stream.write(f"\r\x1b[K{head}, {self.records} records, {rate:.1f} files/s{tail}{errs}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
