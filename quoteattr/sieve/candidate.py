"""What the passes propose and what the sieve returns, in working-copy offsets."""
from __future__ import annotations

import attrs

from ..entities import ResolvedSpeaker
from ..mentions import Mention
from ..sources import SourceMention

__all__ = ["Candidate", "Record"]


@attrs.frozen
class Candidate:
    """A proposed record: a quote or reported clause ``[start, end)``, the rule that
    found it, its prior confidence and the speaker mention the pass chose.

    ``anchor`` orders speaker resolution (the mention's position, so a pronoun looks
    back from where it stands); ``inherit`` marks a follow-on quote that takes the
    previous statement's speaker; ``self_source`` an outlet speaking for itself;
    ``relay`` the mention of whoever passed the words on (the source).
    """

    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    anchor: int
    sentence: int
    paragraph: int
    mention: Mention | None = None
    cue: tuple[int, int] | None = None
    source: SourceMention | None = None
    speaker: ResolvedSpeaker | None = None
    inherit: bool = False
    self_source: bool = False
    relay: Mention | None = None


@attrs.frozen(slots=True)
class Record:
    """A settled record before mapping back to the caller's text."""

    start: int
    end: int
    kind: str
    rule: str
    confidence: float
    speaker: ResolvedSpeaker | None
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    source: SourceMention | None
