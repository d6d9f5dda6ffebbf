"""The order of the passes, in one place (CoreNLP's list of sieves).

1. Sentence by sentence, each cue in turn (the three passes take turns, so a
   later cue sees what an earlier one took):
   ``according`` cues → :mod:`.theo`, ``quoting`` cues → :mod:`.quoting`,
   every other cue → its subject (:mod:`.subject`) and :mod:`.cue` (which
   asks :mod:`.quote_first` when the content came before the speaker).
2. :mod:`.fronted_cue` (``Khẳng định …, song ông X …``), :mod:`.as_reported` (``Như báo X đã đưa, …``), :mod:`.quote_tail`, :mod:`.colon`,
   :mod:`.headline`, :mod:`.inserted`, :mod:`.pull_quote`, :mod:`.unnamed`: frames,
   quotes and lines nobody claimed.
3. :mod:`.relay`: words passed on by someone else keep their origin as speaker;
   :mod:`.settle`: overlapping proposals, most confident first.
4. :mod:`.follow_on`: cue-less quotes right after a settled statement.
5. :mod:`.resolve`: speakers in reading order (pronouns look back).
6. :mod:`.assign_sources`: sources by scope, in reading order.
7. :mod:`.repeat`: verbatim repeats take their first occurrence's speaker and source.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..analysis import Analysis
from ..entities import EntityRegistry
from ..speakers import SpeakerResolver
from ..lexicon import CompiledLexicon
from ..mentions import Mention, MentionParser
from ..segment import Paragraph, Quote, Sentence
from ..credits import body_end, find_article_credit
from ..sources import SourceMention, SourceScopes
from ..text import NormalizedText
from ..tokens import Token
from .as_reported import propose_as_reported
from .assign_sources import assign_sources, register_channels
from .candidate import Candidate, Record
from .claims import Claims
from .colon import propose_colon_quotes
from .cue import propose_cue_content
from .follow_on import follow_on_candidates
from .fronted_cue import propose_fronted_cues
from .headline import propose_headlines
from .inserted import propose_inserted
from .pull_quote import propose_pull_quotes
from .quote_tail import propose_quote_tails
from .quoting import propose_quoting
from .relay import relayed
from .repeat import repeat_candidates
from .resolve import resolve_speakers
from .settle import dedupe, settle
from .subject import cue_subject
from .theo import propose_theo
from .unnamed import propose_unnamed
from .view import ArticleView

__all__ = ["attribute_article", "finish", "propose"]

# a cue's content is bounded by the next few cues of its sentence
_LATER_CUES = 3


def attribute_article(nt: NormalizedText, tokens: Sequence[Token], paragraphs: Sequence[Paragraph],
                      sentences: Sequence[Sentence], quotes: Sequence[Quote], lex: CompiledLexicon,
                      parser: MentionParser, analysis: Analysis | None = None) -> list[Record]:
    """The records of one article (a stretch of the normalised text), in working-copy offsets."""
    view = ArticleView(nt, tokens, paragraphs, sentences, quotes, lex, parser, analysis)
    scopes = SourceScopes(find_article_credit(nt, paragraphs, lex, view.outlets), body_end(nt.text, paragraphs, lex))
    proposed = propose(view, scopes)
    registry = EntityRegistry(nt, tokens, view.sent_tokens, parser, lex)
    resolver = SpeakerResolver(nt, tokens, sentences, view.sent_tokens, registry, lex, parser,
                               view.outlet_name, analysis)
    return finish(view, scopes, resolve_speakers(resolver, proposed))


def propose(view: ArticleView, scopes: SourceScopes, earlier: Sequence[Candidate] = ()) -> list[Candidate]:
    """Steps 1-4: the settled candidates and the follow-on quotes after them (``earlier``: settled
    candidates before the view, which follow-on quotes may continue)."""
    claims = Claims()
    cue_subjects = _sentence_passes(view, claims, scopes)
    register_channels(view, scopes, cue_subjects)
    propose_fronted_cues(view, claims)
    propose_as_reported(view, claims, scopes)
    propose_quote_tails(view, claims)
    propose_colon_quotes(view, claims, cue_subjects)
    propose_headlines(view, claims)
    propose_inserted(view, claims)
    propose_pull_quotes(view, claims)
    propose_unnamed(view, claims)
    kept = settle(relayed(view.text, claims.candidates))
    return kept + follow_on_candidates(view, [*earlier, *kept])


def finish(view: ArticleView, scopes: SourceScopes, resolved: Sequence[Candidate]) -> list[Record]:
    """Steps 6-7 on the resolved candidates (in resolution order): sources, repeats, records by position."""
    with_sources = assign_sources(scopes, resolved)
    records = [_record(c, src) for c, src in with_sources]
    source_of = {id(c): src for c, src in with_sources}
    for c, first in repeat_candidates(view, resolved):
        records.append(_record(c, source_of.get(id(first))))
    records.sort(key=lambda r: (r.start, r.end))
    return dedupe(records)


def _sentence_passes(view: ArticleView, claims: Claims, scopes: SourceScopes) -> dict[int, Mention]:
    """Pass 1 over every sentence; returns the first cue subject found in each sentence."""
    subjects: dict[int, Mention | None] = {}  # by id(cue)
    first_subject: dict[int, Mention] = {}
    for si, cues in enumerate(view.cues):
        for ci, cue in enumerate(cues):
            later = cues[ci + 1:ci + 1 + _LATER_CUES]
            cls = cue.entry.cls  # not the property: a property read costs a call
            if cls == "according":
                propose_theo(view, claims, scopes, si, cue, later)
            elif cls == "quoting":
                propose_quoting(view, claims, scopes, si, cue, later)
            else:
                subj = cue_subject(view, si, cue, cues[max(0, ci - _LATER_CUES):ci], subjects)
                subjects[id(cue)] = subj
                if subj is not None:
                    first_subject.setdefault(si, subj)
                    propose_cue_content(view, claims, scopes, si, cue, subj, later)
    return first_subject


def _record(c: Candidate, src: SourceMention | None) -> Record:
    return Record(c.start, c.end, c.kind, c.rule, c.confidence, c.speaker,
                  (c.mention.start, c.mention.end) if c.mention else None, c.cue, src)
