"""Helpers for tests on synthetic sentences: the records of one text, as plain tuples."""
from __future__ import annotations

from quoteattr import Attributor

ATT = Attributor()


def speakers(text: str) -> list[tuple[str | None, str]]:
    """(speaker, quote) of every record, in reading order."""
    return [(r.speaker.name if r.speaker else None, r.quote.text) for r in ATT.extract(text)]


def speaker_of(text: str, quote_start: str) -> str | None:
    """The speaker of the first record whose quote starts with ``quote_start`` (there must be one)."""
    found = [name for name, quote in speakers(text) if quote.startswith(quote_start)]
    assert found, f"no record whose quote starts with {quote_start!r}: {speakers(text)}"
    return found[0]


def records(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker, quote, kind) of every record, in reading order."""
    return [(r.speaker.name if r.speaker else None, r.quote.text, r.kind) for r in ATT.extract(text)]
