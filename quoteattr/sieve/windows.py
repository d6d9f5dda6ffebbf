"""One long article attributed in windows of paragraphs: bounded memory, the same records.

Tokens and what is built on them (cues, the view's tables, mentions) are most
of a long article's working set, so they exist for one window of paragraphs
at a time: its *core*, and a margin of paragraphs on either side, so that every
pass sees the context it looks at (a few sentences back for a pronoun, 3,000
tokens back for an organisation's short name, the next paragraphs for a colon
or a pull quote).  A window edge is a paragraph break that no quote spans, so
no candidate crosses one.  What records depend on across the whole article is
kept for the article, without tokens:

* the entity registry, built before attribution from every window's name
  occurrences (the nearest and fullest form anywhere in the article counts);
* paragraphs, sentences and quotes, the quoted terms counted over the article,
  the credit line, the body end, and the token starts (an array), for the
  questions asked of the whole article (``written_after``, a capitalised word
  written elsewhere);
* resolution state in reading order: the speakers so far, the last statement,
  the speakers heard and organisations named or heard;
* the sources each core names, assigned in reading order at the end, with the
  repeats and the de-duplication of the whole article.

Each candidate is taken from the window whose core holds its place in
resolution order (its speaker mention), so speakers are resolved in the same
order, with the same state, as over the whole article.  An article of one
window goes through :func:`~.order.attribute_article` unchanged.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import overload

import attrs

from ..analysis import Analysis
from ..credits import body_end, find_article_credit
from ..entities import EntityRegistry, NameCollector
from ..lexicon import CompiledLexicon
from ..mentions import MentionParser
from ..segment import Paragraph, Quote, Sentence
from ..sources import OutletFinder, SourceMention, SourceScopes
from ..speakers import SpeakerResolver
from ..text import NormalizedText
from ..tokens import END, START, Token, TokenCache, make_token, tokenize
from .candidate import Candidate, Record
from .order import attribute_article, finish, propose
from .resolve import position, resolve_speakers
from .view import ArticleView

__all__ = ["WINDOW_CHARS", "attribute_windows", "needs_windows"]

#: Characters of text a window's core holds (at least one paragraph).
WINDOW_CHARS = 120_000
# a margin holds at least this many paragraphs, the one before also this many tokens (the farthest
# look-back of a pass is the 3,000 tokens an organisation's full name is searched for; a pronoun
# looks eight sentences back; looking ahead, a pass reads the next paragraph or two)
_MARGIN_TOKENS = 4_000
_MARGIN_PARAGRAPHS = 24


def needs_windows(paragraphs: Sequence[Paragraph], window_chars: int | None = None) -> bool:
    """Is the article longer than one window (``window_chars``, default :data:`WINDOW_CHARS`)?"""
    limit = WINDOW_CHARS if window_chars is None else window_chars
    return bool(paragraphs) and paragraphs[-1].end - paragraphs[0].start > limit


def attribute_windows(nt: NormalizedText, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence],
                      quotes: Sequence[Quote], lex: CompiledLexicon, parser: MentionParser,
                      analysis: Analysis | None = None, window_chars: int | None = None,
                      cache: TokenCache | None = None) -> list[Record]:
    """The records of one article (as :func:`~.order.attribute_article`), window by window.
    ``cache``: the chunks tokenised before (the attributor's), shared by every window's tokens."""
    cache = TokenCache() if cache is None else cache
    cuts = _cut_points(paragraphs, quotes)
    cores = _cores(paragraphs, cuts, WINDOW_CHARS if window_chars is None else window_chars)
    if len(cores) == 1:
        return attribute_article(nt, tokenize(nt.text, paragraphs[0].start, paragraphs[-1].end, cache), paragraphs,
                                 sentences, quotes, lex, parser, analysis)
    article = _Article(nt, paragraphs, sentences, quotes, lex, parser, analysis)
    registry = article.scan(cores, cache)
    scopes = SourceScopes(find_article_credit(nt, paragraphs, lex, article.outlets),
                          body_end(nt.text, paragraphs, lex))
    state = _Carried()
    resolved: list[Candidate] = []
    for a, b in cores:
        window = _Window(article, a, b, cuts, cache)
        resolved.extend(window.attribute(scopes, registry, state))
        parser.forget()  # the window's tokens go with it
    return finish(article, scopes, resolved)


def _cut_points(paragraphs: Sequence[Paragraph], quotes: Sequence[Quote]) -> list[int]:
    """Paragraph indices a window may start at: 0 and every paragraph no quote runs into."""
    starts = [p.start for p in paragraphs]
    blocked = bytearray(len(paragraphs) + 1)
    for q in quotes:
        lo, hi = min(q.outer_start, q.start), max(q.outer_end, q.end)
        for k in range(bisect_right(starts, lo), bisect_left(starts, hi)):
            blocked[k] = 1
    return [k for k in range(len(paragraphs)) if k == 0 or not blocked[k]]


def _cores(paragraphs: Sequence[Paragraph], cuts: Sequence[int], window_chars: int) -> list[tuple[int, int]]:
    """Consecutive paragraph ranges ``[a, b)`` of about ``window_chars`` characters, cut at ``cuts``."""
    cores = []
    a = 0
    for k in cuts[1:]:
        if paragraphs[k].start - paragraphs[a].start >= window_chars:
            cores.append((a, k))
            a = k
    cores.append((a, len(paragraphs)))
    return cores


@attrs.define
class _Carried:
    """Resolution state passed from one window to the next, in reading order."""

    history: list = attrs.Factory(list)  # speakers resolved so far (resolve_speakers)
    heard: list = attrs.Factory(list)  # (position, speaker) heard so far (Antecedents)
    organisations: list = attrs.Factory(list)  # organisations named or heard so far (OrganisationIndex)
    last_statement: tuple[int, Candidate, int] | None = None  # (position, statement, article paragraph)
    kept_ends: list[int] = attrs.Factory(list)  # ends of the settled candidates of the cores so far


class _ArticleTokens(Sequence[Token]):
    """The article's tokens by index, made when asked from the arrays of their starts and lengths
    (equal to those :func:`~..tokens.tokenize` made: a token is its span, its text and its key)."""

    def __init__(self, text: str, starts: array, lengths: array, long: dict[int, int]) -> None:
        self._text, self._starts, self._lengths, self._long = text, starts, lengths, long

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        s = self._starts[i]
        n = self._lengths[i]
        e = s + (n if n < 255 else self._long[i if i >= 0 else i + len(self)])
        piece = self._text[s:e]
        return make_token(s, e, piece)


class _Article(ArticleView):
    """The whole article without its tokens: what :func:`~.order.finish` (repeats) and the
    questions about the whole article need.  Not built by ``ArticleView.__init__``: no cues,
    no token tables."""

    def __init__(self, nt: NormalizedText, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence],
                 quotes: Sequence[Quote], lex: CompiledLexicon, parser: MentionParser,
                 analysis: Analysis | None) -> None:
        self.nt, self.text, self.lex, self.parser, self.analysis = nt, nt.text, lex, parser, analysis
        self.paragraphs, self.sentences, self.quotes = paragraphs, sentences, tuple(quotes)
        self.outlets = OutletFinder(nt, lex)
        self._sent_starts = [s.start for s in sentences]
        self._quote_outer_starts = [q.outer_start for q in self.quotes]
        self._terms = self._quoted_terms()
        code = "i" if len(nt.text) < 2**31 else "q"
        starts: array[int] = array(code)  # 4 bytes a token, where a list of ints takes 36
        self._tok_starts = starts  # type: ignore[assignment]  # bisect reads an array as a list
        self._tok_lengths: array[int] = array("B")  # a byte a token; 255: in _long_tokens
        self._long_tokens: dict[int, int] = {}
        self.toks = _ArticleTokens(nt.text, starts, self._tok_lengths, self._long_tokens)

    def first_sentence(self, p: int) -> int:
        """Index of the first sentence of paragraph ``p`` (``len(sentences)`` past the end)."""
        return bisect_left(self._sent_starts, self.paragraphs[p].start) if p < len(self.paragraphs) else len(
            self.sentences)

    def first_token(self, p: int) -> int:
        return bisect_left(self._tok_starts, self.paragraphs[p].start) if p < len(self.paragraphs) else len(
            self._tok_starts)

    def scan(self, cores: Sequence[tuple[int, int]], cache: TokenCache) -> EntityRegistry:
        """Tokenise the article core by core: the token starts, and the registry of its names."""
        names = NameCollector(self.nt, self.parser, self.lex)
        paras = self.paragraphs
        for a, b in cores:
            lo_p, hi_p = max(0, a - 1), min(len(paras), b + 1)  # a paragraph on each side for look-arounds
            toks = tokenize(self.text, paras[lo_p].start, paras[hi_p - 1].end, cache)
            starts = [t[START] for t in toks]
            lo = bisect_left(starts, paras[a].start)
            hi = bisect_left(starts, paras[b].start) if b < len(paras) else len(starts)
            first = len(self._tok_starts)
            self._tok_starts.extend(starts[lo:hi])
            for k, t in enumerate(toks[lo:hi], first):
                n = t[END] - t[START]
                if n >= 255:
                    self._long_tokens[k] = n
                self._tok_lengths.append(min(n, 255))
            names.collect(toks, [(bisect_right(starts, s.start - 1), bisect_right(starts, s.end - 1))
                                 for s in self.sentences[self.first_sentence(a):self.first_sentence(b)]])
            self.parser.forget()
        return EntityRegistry(self.nt, (), (), self.parser, self.lex, names=names)


class _WindowView(ArticleView):
    """One window's view; terms are counted, and names looked for, over the whole article."""

    def __init__(self, article: _Article, tokens: Sequence[Token], paragraphs: Sequence[Paragraph],
                 sentences: Sequence[Sentence], quotes: Sequence[Quote]) -> None:
        self._article = article
        super().__init__(article.nt, tokens, paragraphs, sentences, quotes, article.lex, article.parser,
                         article.analysis)

    def _quoted_terms(self) -> frozenset[str]:
        return self._article._terms

    def written_after(self, start: int, end: int, what: str) -> bool:
        return self._article.written_after(start, end, what)


class _CoreScopes(SourceScopes):
    """Takes what one window's passes find about sources and gives the article's scopes the part
    about its core, in article sentence and paragraph numbers."""

    def __init__(self, article: SourceScopes, first_sentence: int, first_paragraph: int,
                 sentences: range, paragraphs: range) -> None:
        super().__init__(None, 0)
        self._article, self._s, self._p = article, first_sentence, first_paragraph
        self._sentences, self._paragraphs = sentences, paragraphs

    def set_sentence(self, sentence: int, src: SourceMention) -> None:
        if sentence in self._sentences:
            self._article.set_sentence(sentence + self._s, src)

    def add_frame(self, paragraph: int, pos: int, src: SourceMention) -> None:
        if paragraph in self._paragraphs:
            self._article.add_frame(paragraph + self._p, pos, src)

    def add_channel(self, sentence: int, words: tuple[str, ...], named: bool, src: SourceMention) -> None:
        if sentence in self._sentences:
            self._article.add_channel(sentence + self._s, words, named, src)


class _WindowResolver(SpeakerResolver):
    """Resolves one window's speakers with the state carried from the windows before it."""

    def __init__(self, view: _WindowView, article: _Article, registry: EntityRegistry, state: _Carried,
                 core: tuple[int, int]) -> None:
        super().__init__(view.nt, view.toks, view.sentences, view.sent_tokens, registry, view.lex, view.parser,
                         view.outlet_name, view.analysis)
        self._article = article
        self._sentence_starts = article._sent_starts  # "named a few sentences back" counts in the article
        # organisations named in this core join those named or heard before it
        state.organisations.extend(n for n in self.orgs._named if core[0] <= n.pos < core[1])
        self.orgs._named = state.organisations
        self.antecedents._spoken = state.heard

    def _capitalised_inside_a_sentence(self, name: tuple[int, int]) -> bool:
        return SpeakerResolver._capitalised_inside_a_sentence(self._article, name)  # type: ignore[arg-type]


class _Window:
    """Paragraphs ``[a, b)`` of the article (the core) and their margins."""

    def __init__(self, article: _Article, a: int, b: int, cuts: Sequence[int], cache: TokenCache) -> None:
        self.article, self.a, self.b, self.cache = article, a, b, cache
        paras = article.paragraphs
        k = bisect_left(cuts, a)
        while k > 0 and (a - cuts[k] < _MARGIN_PARAGRAPHS
                         or article.first_token(a) - article.first_token(cuts[k]) < _MARGIN_TOKENS):
            k -= 1
        self.va = cuts[k]
        k = bisect_left(cuts, b)
        while k < len(cuts) and cuts[k] - b < _MARGIN_PARAGRAPHS:
            k += 1
        self.vb = cuts[k] if k < len(cuts) else len(paras)
        self.core = (paras[a].start, paras[b].start if b < len(paras) else paras[-1].end + 1)

    def attribute(self, scopes: SourceScopes, registry: EntityRegistry, state: _Carried) -> list[Candidate]:
        """This core's resolved candidates, in resolution order, in article numbers."""
        art, va, vb = self.article, self.va, self.vb
        paras = art.paragraphs
        s0 = art.first_sentence(va)
        paragraphs = [Paragraph(p.start, p.end, p.index - va) for p in paras[va:vb]]
        sentences = [Sentence(s.start, s.end, s.paragraph - va) for s in art.sentences[s0:art.first_sentence(vb)]]
        q_end = paras[vb].start if vb < len(paras) else paras[-1].end + 1
        quotes = art.quotes[bisect_left(art._quote_outer_starts, paras[va].start):
                            bisect_left(art._quote_outer_starts, q_end)]
        toks = tokenize(art.text, paras[va].start, paras[vb - 1].end, self.cache)
        view = _WindowView(art, toks, paragraphs, sentences, quotes)
        core_sentences = range(art.first_sentence(self.a) - s0, art.first_sentence(self.b) - s0)
        window_scopes = _CoreScopes(scopes, s0, va, core_sentences, range(self.a - va, self.b - va))
        proposed = propose(view, window_scopes, self._earlier(state))
        lo, hi = self.core
        state.kept_ends.extend(c.end for c in proposed if not c.inherit and lo <= c.start < hi)
        state.kept_ends.sort()
        spoken = []
        if state.last_statement is not None:
            pos, c, paragraph = state.last_statement
            spoken.append((pos, attrs.evolve(c, paragraph=paragraph - va)))
        resolver = _WindowResolver(view, art, registry, state, self.core)
        resolved = resolve_speakers(resolver, [c for c in proposed if lo <= position(c) < hi], state.history, spoken)
        if spoken:  # only the last statement can be continued (resolution runs in reading order)
            pos, c = spoken[-1]
            state.last_statement = (pos, c, c.paragraph + va)
        return [attrs.evolve(c, sentence=c.sentence + s0, paragraph=c.paragraph + va) for c in resolved]

    def _earlier(self, state: _Carried) -> list[Candidate]:
        """The last settled candidate before the window, as an anchor a follow-on quote may continue."""
        start = self.article.paragraphs[self.va].start
        k = bisect_left(state.kept_ends, start)
        if k == 0:
            return []
        end = state.kept_ends[k - 1]
        return [Candidate(end, end, "direct", "window-edge", 0.0, end, -1, -1)]
