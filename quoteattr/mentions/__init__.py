"""Mentions of possible speakers: names, titles, honorifics, organisations,
groups, outlets, places, and descriptions that refer back.

:meth:`MentionParser.parse` checks that a run of tokens is one whole mention
and says what it is (:mod:`.grammar`, with :mod:`.titles` for title chains and
:mod:`.names` for names); :meth:`MentionParser.subject_before` finds the
speaker mention that ends right before a cue (:mod:`.appositives`).  Names
follow the Vietnamese facts of DESIGN.md: a place or organisation before a name
is not part of it, and a Vietnamese name starts with a family name.
"""
from .model import MENTION_KINDS, Mention, looks_foreign
from .parser import MentionParser

__all__ = ["Mention", "MentionParser", "MENTION_KINDS", "looks_foreign"]
