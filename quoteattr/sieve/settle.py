"""Overlapping proposals: the most confident wins, ties to the earlier one."""
from __future__ import annotations

from collections.abc import Iterable

from .candidate import Candidate, Record
from .claims import Coverage

__all__ = ["settle", "dedupe"]


def settle(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates in reading order."""
    order = sorted(candidates, key=lambda c: (-c.confidence, c.start))
    kept: list[Candidate] = []
    taken = Coverage()
    for c in order:
        if not taken.overlaps(c.start, c.end):
            kept.append(c)
            taken.add(c.start, c.end)
    kept.sort(key=lambda c: (c.start, c.end))
    return kept


def dedupe(records: Iterable[Record]) -> list[Record]:
    """Records sorted by position, an overlapping later one kept only when more confident."""
    out: list[Record] = []
    for r in records:
        if out and r.start < out[-1].end:
            if r.confidence > out[-1].confidence:
                out[-1] = r
            continue
        out.append(r)
    return out
