"""Who each settled candidate's speaker mention refers to, in reading order.

Pronouns and descriptions look back (``history``: the speakers resolved so
far, most recent last), so candidates are resolved in the order their speaker
mentions stand in the text; a follow-on quote takes the speaker of the
statement it continues.  Candidates whose speaker cannot be resolved are
dropped here, except a statement the text gives no speaker for (:mod:`.unnamed`).
"""
from __future__ import annotations

from collections.abc import Iterable

import attrs

from ..entities import ResolvedSpeaker
from ..sources import SourceMention
from ..speakers import SpeakerResolver
from .candidate import Candidate
from .follow_on import previous_statement
from .unnamed import UNNAMED

__all__ = ["position", "resolve_speakers"]


def resolve_speakers(resolver: SpeakerResolver, candidates: Iterable[Candidate],
                     history: list[ResolvedSpeaker] | None = None,
                     spoken: list[tuple[int, Candidate]] | None = None) -> list[Candidate]:
    """The candidates that got a speaker, each with ``speaker`` (and for follow-ons ``mention``) set.

    ``history`` (speakers so far) and ``spoken`` (statements so far, by position) are extended in
    place: a long article resolved window by window carries them from one window to the next."""
    ordered = sorted(candidates, key=lambda c: (position(c), c.start))
    history = [] if history is None else history
    spoken = [] if spoken is None else spoken
    out: list[Candidate] = []
    for c in ordered:
        if c.inherit:
            prev = previous_statement(spoken, c)
            if prev is None:
                continue
            c = _continuing(c, prev)
        elif c.mention is not None:
            c = _resolved(c, resolver.resolve(c.mention, c.sentence, history), _relayed_by(resolver, c, history))
        if c.speaker is None:
            if c.rule == UNNAMED:
                out.append(c)
            continue
        history.append(c.speaker)
        spoken.append((position(c), c))
        out.append(c)
    return out


def _relayed_by(resolver: SpeakerResolver, c: Candidate, history: list[ResolvedSpeaker]) -> SourceMention | None:
    """The source of words passed on by someone else: whoever passed them on ("Bà Hoa kể …")."""
    if c.relay is None or c.source is not None:
        return c.source
    who = resolver.resolve(c.relay, c.sentence, history)
    if who is None or not who.name:
        return None
    return SourceMention(who.name, c.relay.start, c.relay.end, "statement")


def position(c: Candidate) -> int:
    """Where a candidate stands in resolution order: its speaker mention (a follow-on: its start)."""
    return c.anchor if not c.inherit else c.start


def _resolved(c: Candidate, speaker: ResolvedSpeaker | None, source: SourceMention | None) -> Candidate:
    """``attrs.evolve(c, speaker=speaker, source=source)``, the fields written out: evolve reads
    the class's fields one by one for each of the article's candidates."""
    return Candidate(c.start, c.end, c.kind, c.rule, c.confidence, c.anchor, c.sentence, c.paragraph, c.mention,
                     c.cue, source, speaker, c.inherit, c.self_source, c.relay)


def _continuing(c: Candidate, prev: Candidate) -> Candidate:
    """A follow-on quote with the previous statement's speaker, and its channel when it had one."""
    source = c.source
    if source is None and prev.source is not None and prev.source.scope in ("statement", "speaker"):
        source = attrs.evolve(prev.source, scope="speaker")
    return attrs.evolve(c, speaker=prev.speaker, mention=prev.mention, source=source)
