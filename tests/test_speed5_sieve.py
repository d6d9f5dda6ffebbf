"""Speed round 5 (sieve): the shortcuts answer as the definitions they replace."""
from __future__ import annotations

import attrs

from quoteattr.entities import ResolvedSpeaker
from quoteattr.sieve.candidate import Candidate
from quoteattr.sieve.resolve import _resolved
from quoteattr.sources import SourceMention


def test_resolved_is_evolve_with_speaker_and_source() -> None:
    # every field given a value unlike its default, so a field copied to the wrong place shows
    fields = attrs.fields(Candidate)
    c = Candidate(1, 9, "mixed", "cue", 0.7, 3, 2, 1, None, (4, 6), SourceMention("VTV", 10, 13, "statement"),
                  None, True, True, None)
    assert len(fields) == 15
    for sp in (None, ResolvedSpeaker("Nguyễn Văn Nam", "person")):
        for src in (None, SourceMention("Tuổi Trẻ", 20, 28, "speaker")):
            assert _resolved(c, sp, src) == attrs.evolve(c, speaker=sp, source=src)
