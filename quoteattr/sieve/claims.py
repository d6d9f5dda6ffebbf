"""The spans the passes have claimed so far.

Later passes (quote tail, colon, headline) only take quotes that no earlier pass
claimed; :class:`Claims` is the one object they share for that, and the only
thing a pass may add to.
"""
from __future__ import annotations

from bisect import bisect_right

from ..segment import Quote
from .candidate import Candidate

__all__ = ["Coverage", "Claims"]


class Coverage:
    """The union of a growing set of intervals, asked "does [s, e) touch any?" in log time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s) - 1
        if k >= 0 and self.ends[k] > s:
            return True
        return k + 1 < len(self.starts) and self.starts[k + 1] < e

    def add(self, s: int, e: int) -> None:
        if not self.ends or s > self.ends[-1]:  # past every interval (most adds): what the search
            self.starts.append(s)               # below ends in, without it
            self.ends.append(e)
            return
        k = bisect_right(self.starts, s) - 1
        if k >= 0 and self.ends[k] >= s:
            s = self.starts[k]
            e = max(e, self.ends[k])
            del self.starts[k], self.ends[k]
        else:
            k += 1
        while k < len(self.starts) and self.starts[k] <= e:
            e = max(e, self.ends[k])
            del self.starts[k], self.ends[k]
        self.starts.insert(k, s)
        self.ends.insert(k, e)


class Claims:
    """Candidates proposed so far, and the text they cover.

    Passes may :meth:`add` a candidate and ask whether a span or quote is
    already :meth:`claimed`; nothing is ever taken back (settling overlaps is
    a later stage, :mod:`.settle`).
    """

    def __init__(self) -> None:
        self._candidates: list[Candidate] = []
        self._covered = Coverage()

    def add(self, cand: Candidate) -> None:
        if cand.end > cand.start:
            self._candidates.append(cand)
            self._covered.add(cand.start, cand.end)

    def overlaps(self, s: int, e: int) -> bool:
        return self._covered.overlaps(s, e)

    def claimed(self, q: Quote) -> bool:
        return self._covered.overlaps(q.start, q.end)

    def count(self) -> int:
        return len(self._candidates)

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        return tuple(self._candidates)
