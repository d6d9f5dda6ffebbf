"""The source each statement came through, by scope (see :class:`~quoteattr.sources.SourceScopes`).

Assigned in reading order, since a source carried by a speaker's statements
ends when another speaker takes the floor.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..sources import SourceMention, SourceScopes
from .candidate import Candidate

__all__ = ["assign_sources"]


def assign_sources(scopes: SourceScopes, resolved: Iterable[Candidate]) -> list[tuple[Candidate, SourceMention | None]]:
    """Each resolved candidate with its source, ordered by position."""
    out = []
    for c in sorted(resolved, key=lambda c: c.start):
        out.append((c, scopes.assign(c.start, c.sentence, c.paragraph, _speaker_key(c), _own_source(c))))
    return out


def _speaker_key(c: Candidate) -> object:
    sp = c.speaker
    if sp is None:
        return None
    return id(sp.entity) if sp.entity is not None else sp.name


def _own_source(c: Candidate) -> SourceMention | None:
    """The statement's own source; an outlet speaking for itself is its own source."""
    if c.source is None and c.self_source and c.speaker is not None and c.speaker.name:
        span = (c.mention.start, c.mention.end) if c.mention else (c.start, c.end)
        return SourceMention(c.speaker.name, span[0], span[1], "statement")
    return c.source
