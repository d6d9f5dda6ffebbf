"""The records quoteattr returns: small frozen attrs classes.

Every :class:`Span` indexes the exact string the caller passed, so
``text[span.start:span.end] == span.text`` always holds, whatever the
pipeline normalised internally.
"""
from __future__ import annotations

from typing import Any, Literal

import attrs

Kind = Literal["direct", "mixed", "indirect"]
KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
SpeakerType = Literal["person", "organization", "group", "place", "outlet", "unknown"]
SPEAKER_TYPES: tuple[str, ...] = ("person", "organization", "group", "place", "outlet", "unknown")
SourceScope = Literal["statement", "sentence", "paragraph", "speaker", "article"]
SOURCE_SCOPES: tuple[str, ...] = ("statement", "sentence", "paragraph", "speaker", "article")


def _non_negative(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(slots=True, init=False)
class Span:
    """A stretch of the caller's text: ``text == original[start:end]``."""

    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    end: int = attrs.field(validator=attrs.validators.instance_of(int))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))

    def __init__(self, start: int, end: int, text: str) -> None:
        """What attrs would write, with a short cut: every record holds a few spans."""
        _set = object.__setattr__  # as attrs sets a frozen class's fields
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)
        if type(start) is int and type(end) is int and type(text) is str and 0 <= start <= end and (
                len(text) == end - start):
            return  # the validators and the checks below would all pass
        attrs.validate(self)  # (unless validators are disabled) in field order, as attrs' own __init__
        self.__attrs_post_init__()

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but covers {self.end - self.start}"
            )

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@attrs.frozen(slots=True)
class Speaker:
    """Who spoke: a canonical name and the words that point at them.

    ``name`` is the fullest form the document gives (titles and honorifics
    removed) or, for an unnamed speaker, the shortest description.  ``key``
    is a folded form of the name (case, tone-mark placement) for grouping
    records across documents.
    """

    name: str | None
    mention: Span | None = None
    type: str = attrs.field(default="unknown", validator=attrs.validators.in_(SPEAKER_TYPES))
    key: str | None = None


@attrs.frozen(slots=True)
class Source:
    """The outlet or channel a statement came through, and how far its word reaches."""

    name: str
    mention: Span | None = None
    scope: str = attrs.field(default="sentence", validator=attrs.validators.in_(SOURCE_SCOPES))


@attrs.frozen(slots=True)
class Attribution:
    """One act of reported speech: who said what, through which source."""

    quote: Span
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    speaker: Speaker | None = None
    cue: Span | None = None
    source: Source | None = None
    confidence: float = attrs.field(default=0.5, converter=float)
    doc: str | None = None
    rule: str = ""

    @confidence.validator
    def _check_confidence(self, attribute: attrs.Attribute, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"confidence must lie in [0, 1], got {value}")

    def to_dict(self) -> dict[str, Any]:
        """Flat record: the guidelines' fields first, then every span's offsets."""
        sp, cue, src = self.speaker, self.cue, self.source
        mention = sp.mention if sp else None
        src_mention = src.mention if src else None
        return {
            "doc": self.doc,
            "quote": self.quote.text,
            "quote_start": self.quote.start,
            "quote_end": self.quote.end,
            "kind": self.kind,
            "speaker": sp.name if sp else None,
            "speaker_mention": mention.text if mention else None,
            "cue": cue.text if cue else None,
            "source": src.name if src else None,
            "confidence": round(self.confidence, 4),
            "speaker_type": sp.type if sp else None,
            "speaker_key": sp.key if sp else None,
            "speaker_mention_start": mention.start if mention else None,
            "speaker_mention_end": mention.end if mention else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "source_mention": src_mention.text if src_mention else None,
            "source_mention_start": src_mention.start if src_mention else None,
            "source_mention_end": src_mention.end if src_mention else None,
            "source_scope": src.scope if src else None,
            "rule": self.rule,
        }


#: The keys of :meth:`Attribution.to_dict`, in order (CSV header, Parquet schema).
RECORD_FIELDS: tuple[str, ...] = (
    "doc", "quote", "quote_start", "quote_end", "kind", "speaker", "speaker_mention",
    "cue", "source", "confidence", "speaker_type", "speaker_key",
    "speaker_mention_start", "speaker_mention_end", "cue_start", "cue_end",
    "source_mention", "source_mention_start", "source_mention_end", "source_scope", "rule",
)
