"""The source each statement came through, by scope (see :class:`~quoteattr.sources.SourceScopes`).

Assigned in reading order, since a source carried by a speaker's statements
ends when another speaker takes the floor.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..mentions import Mention
from ..sources import SourceMention, SourceScopes
from ..text import fold
from .candidate import Candidate
from .view import ArticleView
from ..tokens import END, START, TEXT

__all__ = ["assign_sources", "register_channels"]

# subjects that name their speaker; the others ("Tổng thống Putin", "ông") need only share a name word
# with the speaker, or refer to the speaker who spoke last
_NAMED = ("person", "organization", "outlet", "place", "coordination")


def register_channels(view: ArticleView, scopes: SourceScopes, subjects: Mapping[int, Mention]) -> None:
    """Every sentence that names a channel for its speaker (``Chia sẻ với VnExpress, ông X …``),
    with that speaker's name words, so the channel outlives a sentence that gave no record."""
    for si in range(len(view.sentences)):
        src = view.statement_source(si)
        if src is None:
            continue
        m = subjects.get(si)
        words = _name_words(view, m) if m is not None else ()
        scopes.add_channel(si, words, m is not None and m.kind in _NAMED, src)


def _name_words(view: ArticleView, m: Mention) -> tuple[str, ...]:
    """The capitalised words of a subject that may be a name: not titles, not places
    ("Tổng thống Putin" → putin; "Thống đốc Florida" → none)."""
    toks, lex = view.toks, view.lex
    span = m.name if m.kind in _NAMED and m.name else (m.start, m.end)
    words = []
    k = m.tok_start
    while k < m.tok_end:
        skip = lex.titles.match(toks, k, m.tok_end) or lex.places.match(toks, k, m.tok_end)
        if skip:
            k += skip[0]
            continue
        t = toks[k]
        if t[START] >= span[0] and t[END] <= span[1] and t[TEXT][:1].isupper():
            words.append(fold(t[TEXT]))
        k += 1
    return tuple(words)


def assign_sources(scopes: SourceScopes, resolved: Iterable[Candidate]) -> list[tuple[Candidate, SourceMention | None]]:
    """Each resolved candidate with its source, ordered by position."""
    out = []
    for c in sorted(resolved, key=lambda c: c.start):
        out.append((c, scopes.assign(c.start, c.sentence, c.paragraph, _speaker_key(c), _own_source(c),
                                     c.speaker.name if c.speaker is not None else None,
                                     relayed=c.relay is not None)))
    return out


def _speaker_key(c: Candidate) -> object:
    """Who holds the floor: the entity, else the folded name (as the record's ``speaker_key``), so
    one speaker written "thủy" in one sentence and "thuỷ" in the next keeps a carried source."""
    sp = c.speaker
    if sp is None:
        return None
    if sp.entity is not None:
        return id(sp.entity)
    return fold(sp.name) if sp.name is not None else None


def _own_source(c: Candidate) -> SourceMention | None:
    """The statement's own source; an outlet speaking for itself is its own source."""
    if c.source is None and c.self_source and c.speaker is not None and c.speaker.name:
        span = (c.mention.start, c.mention.end) if c.mention else (c.start, c.end)
        return SourceMention(c.speaker.name, span[0], span[1], "statement")
    return c.source
