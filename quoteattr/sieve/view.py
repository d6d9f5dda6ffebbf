"""A read-only view of one article, and the questions every pass asks of it.

Built once per article from what the earlier stages produced (normalised text,
tokens, paragraphs, sentences, quotes, cues, the parse of an engine); passes
read it and never change it.  The two memo tables only remember answers to
pure questions that several passes ask about the same cue or sentence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, itemgetter

import regex

from ..analysis import Analysis
from ..cues import Cue, find_cues
from ..lexicon import CompiledLexicon
from ..mentions import Mention, MentionParser
from ..segment import CLOSE_MARKS, OPEN_MARKS, Paragraph, Quote, Sentence
from ..sources import OutletFinder, SourceMention, source_hooks
from ..text import NormalizedText, fold_working
from ..tokens import END, KEY, START, TEXT, Token, is_word

__all__ = ["ArticleView", "OPEN_MARKS", "CLOSE_MARKS"]

_TRIM_END = set(" .,;:…!?")
_ELLIPSIS = regex.compile(r"…|\.\.\.")
_START, _END = attrgetter("start"), attrgetter("end")
_TOK_START, _TOK_KEY = itemgetter(START), itemgetter(KEY)
# clause markers that are verbs of their own: right after a noun they make it a subject
_EVENT_VERBS = frozenset({"xảy ra", "diễn ra"})
# aspect, modal and voice words: right after a non-verbal topic noun they make it a clause's subject
_ASPECT = frozenset({"sẽ", "đã", "đang", "vẫn", "không", "chưa", "cũng", "đều", "bị", "được", "cần", "phải"})


def _ellipses(text: str, start: int, end: int) -> list[int]:
    """Where an ellipsis ("…" or "...") starts in ``text[start:end]``; most articles write
    neither, which str's own search tells faster than the pattern's scan."""
    if text.find("…", start, end) < 0 and text.find("...", start, end) < 0:
        return []
    return [m.start() for m in _ELLIPSIS.finditer(text, start, end)]


class ArticleView:
    """One article (a stretch of the normalised text) as the passes see it."""

    def __init__(self, nt: NormalizedText, tokens: Sequence[Token], paragraphs: Sequence[Paragraph],
                 sentences: Sequence[Sentence], quotes: Sequence[Quote], lex: CompiledLexicon,
                 parser: MentionParser, analysis: Analysis | None = None) -> None:
        self.nt = nt
        self.text = nt.text
        self.toks = tokens
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.quotes = tuple(quotes)
        self.lex = lex
        self.parser = parser
        self.analysis = analysis  # parse from an engine (stanza), consulted where rules are unsure
        self.outlets = OutletFinder(nt, lex)
        self._tok_starts = starts = list(map(_TOK_START, tokens))  # [t.start for t in tokens], the loop in C
        self._sent_starts = list(map(_START, sentences))
        # tok_range() of each sentence, its bisections done by built-ins: on int offsets
        # bisect_right(starts, x - 1) is bisect_left(starts, x)
        self.sent_tokens = list(zip(map(bisect_left, repeat(starts), self._sent_starts),
                                    map(bisect_left, repeat(starts), map(_END, sentences))))
        self._quote_opens = {q.open_mark: q for q in self.quotes if q.open_mark is not None}
        self._quote_outer_starts = [q.outer_start for q in self.quotes]
        self._quote_outer_ends = [q.outer_end for q in self.quotes]
        # four words or more: a statement, not a quoted term (looked at once per quote)
        self._statement_quote = [len(nt.text[q.start:q.end if q.end < q.start + 120 else q.start + 120].split()) >= 4
                                 for q in self.quotes]
        # this article only: a whole archive file of articles would be rescanned once per article
        self.ellipses = _ellipses(self.text, paragraphs[0].start, paragraphs[-1].end)
        self._terms = self._quoted_terms()
        # every token's key, read once: the cue search and the source hooks both look them up
        self._keys = keys = list(map(_TOK_KEY, tokens))
        # a cue inside a quoted statement is part of what was quoted, not the writer's report
        self.cues: list[list[Cue]] = []
        for lo, hi in self.sent_tokens:
            found = find_cues(tokens, lo, hi, lex, keys=keys)
            # most sentences have none: then no filter (a call of its own) runs over the empty list
            self.cues.append([c for c in found if not self.inside_quote(c.start)] if found else found)
        self._subject_memo: dict[tuple[int, int], Mention | None] = {}
        self._statement_src: dict[int, SourceMention | None] = {}

    # --- positions -------------------------------------------------------------------------------
    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens that start inside ``[start, end)``."""
        lo = bisect_right(self._tok_starts, start - 1)
        hi = bisect_right(self._tok_starts, end - 1)
        return lo, hi

    def sentence_at(self, pos: int) -> int:
        k = bisect_right(self._sent_starts, pos) - 1
        return k if k > 0 else 0  # max(0, k) written out, as below: a call of the built-in costs more

    def paragraph_of(self, si: int) -> int:
        return self.sentences[si].paragraph

    def trim(self, s: int, e: int) -> tuple[int, int]:
        """``[s, e)`` without separators in front and punctuation at the end."""
        text = self.text
        while s < e and (text[s].isspace() or text[s] in ",:;–—-"):
            s += 1
        while e > s and (text[e - 1] in _TRIM_END or text[e - 1].isspace()):
            e -= 1
        return s, e

    def next_char(self, pos: int, limit: int) -> str:
        """The first non-space character in ``text[pos:limit]`` ("" when none); no slice, so a
        sentence of thousands of clauses is not copied once per cue."""
        text = self.text
        while pos < limit and text[pos].isspace():
            pos += 1
        return text[pos] if pos < limit else ""

    def ends_sentence(self, k: int, hi: int) -> bool:
        """Only punctuation from token ``k`` to ``hi``."""
        # no slice: a sentence of thousands of "theo X," would copy its tail once per cue
        toks = self.toks
        return all(not is_word(toks[j]) for j in range(k, hi))

    # --- quotes ----------------------------------------------------------------------------------
    def _quoted_terms(self) -> frozenset[str]:
        """The folded quotes of at most 40 characters the article quotes three times or more."""
        counts: dict[str, int] = {}
        for q in self.quotes:
            key = fold_working(self.text, q.start, q.end)  # = fold(text[q.start:q.end]), the text being a working copy
            if len(key) <= 40:
                counts[key] = counts.get(key, 0) + 1
        return frozenset(k for k, n in counts.items() if n >= 3)

    def inside_quote(self, pos: int) -> bool:
        """Is ``pos`` inside a quoted statement (not a quoted word)?"""
        k = bisect_right(self._quote_outer_starts, pos) - 1
        if k < 0:
            return False
        q = self.quotes[k]
        return q.start <= pos < q.end and self._statement_quote[k]

    def is_term(self, q: Quote) -> bool:
        """A quoted word used as a term all over the article ("ảo"), not a quote."""
        # most articles have no such term: then no quote needs folding to be told it is none
        return bool(self._terms) and fold_working(self.text, q.start, q.end) in self._terms

    def quote_opening_at(self, pos: int, limit: int) -> Quote | None:
        """The quote whose opening mark is at ``pos`` (spaces skipped)."""
        while pos < limit and self.text[pos].isspace():
            pos += 1
        return self._quote_opens.get(pos)

    def quotes_in(self, s: int, e: int) -> list[Quote]:
        """Quotes opening inside ``[s, e)``."""
        out = []
        for k in range(bisect_left(self._quote_outer_starts, s), len(self.quotes)):
            q = self.quotes[k]
            if q.start >= e:
                break
            out.append(q)
        return out

    def fragments_in(self, s: int, e: int) -> list[Quote]:
        """Quoted fragments of a statement inside ``[s, e]``, terms left out."""
        return [q for q in self.quotes_in(s, e + 1) if not self.is_term(q)]

    def quotes_ending_near(self, pos: int, slack: int = 1) -> list[Quote]:
        """Closed quotes whose closing mark ends within ``slack`` characters before ``pos``."""
        out = []
        k = bisect_right(self._quote_outer_ends, pos) - 1
        while k >= 0 and self._quote_outer_ends[k] >= pos - slack:
            out.append(self.quotes[k])
            k -= 1
        return out

    # --- sentence shapes -------------------------------------------------------------------------
    def is_headline(self, si: int) -> bool:
        """A title or teaser line: one short paragraph without a final full stop."""
        para = self.paragraphs[self.sentences[si].paragraph]
        return para.end - para.start <= 220 and self.text[para.end - 1] not in ".!…;:"

    def only_tail(self, k: int, hi: int, commas: bool = False) -> bool:
        """Nothing but an adverbial tail after the cue ("nói với phóng viên X."); with ``commas``
        the tail may go on past a comma with more adverbials ("nói khi trả lời chất vấn, sáng 8/11"),
        as long as no clause marker follows the comma."""
        toks = self.toks
        window = toks[k:k + 40 if k + 40 < hi else hi]
        if not any(is_word(t) for t in window):
            return True
        if toks[k][KEY] not in ("với", "khi", "trong", "tại", "sau", "trước", "thêm", "tiếp", "lúc", "ngay", "qua",
                               "bằng", "trên", "hôm", "ở", "về") or hi - k > 40:
            return False
        if any(t[KEY] == "rằng" or t[TEXT] == ":" for t in window):
            return False
        if toks[k][KEY] == "về":
            # "chia sẻ về công việc hiện tại.": a topic, no content; "về cơ bản công ty đã …" is one
            return not self.lex.adverbs.match(toks, k, hi) and not self.lex.clause_markers.find_all(window, 1) and not any(
                t[TEXT] in OPEN_MARKS for t in window)
        comma = next((j for j, t in enumerate(window) if t[TEXT] == ","), None)
        if comma is None:
            # "khai sau khi uống rượu đã lái xe về nhà": a main clause with its own aspect after the
            # subordinate one is content, not a tail
            return not (toks[k][KEY] in ("khi", "sau", "trước") and any(
                self.lex.clause_markers.match(window, j) and window[j][KEY] not in ("được", "bị", "để", "có")
                for j in range(3, len(window))))
        return commas and not self.lex.clause_markers.find_all(window, comma, len(window))

    def looks_like_clause(self, s: int, e: int, lenient: bool = False) -> bool:
        """Is ``text[s:e]`` reported content rather than a topic noun phrase?

        A topic-noun start is a topic ("nhấn mạnh tầm quan trọng của việc …") unless the noun
        phrase is the subject of a clause: a clause marker follows it before any ``về``/``việc``
        complement ("xác nhận sự việc xảy ra tại …", "sự phát triển của robot sẽ …")."""
        lo, hi = self.tok_range(s, e)
        toks = self.toks[lo:min(hi, lo + 24)]
        words = [t for t in toks if is_word(t)]
        # a verb phrase with its subject left out may be short: "tuyên bố phá sản", "cho biết sẽ kháng cáo"
        if len(words) < (2 if lenient or self.lex.clause_markers.match(toks, 0) else 3):
            return False
        k = 0
        while k < len(toks) and (adv := self.lex.adverbs.match(toks, k)):
            k += adv[0]  # "về cơ bản công ty đã …": an adverb, not a topic
        if k < len(toks) and toks[k][KEY] in ("đến", "tới") and self.lex.topic_starts.match(toks, k + 1):
            return False  # "nhấn mạnh đến sự cần thiết phải …": a topic after a preposition
        topic = self.lex.topic_starts.match(toks, k)
        if topic and not (self._topic_is_noun(toks, k, k + topic[0]) and self._topic_is_subject(
                toks, k + topic[0], verbal=self.lex.verbal_topics.match(toks, k) is not None)):
            return False
        if lenient and words[0][TEXT][:1].isdigit():
            return False
        return lenient or bool(self.lex.clause_markers.find_all(toks, 0, len(toks)))

    def _topic_is_noun(self, toks: Sequence[Token], a: int, b: int) -> bool:
        """A noun opens the topic phrase, not a preposition ("về …") or a question word ("vì sao …")."""
        return toks[a][KEY] != "về" and not self.lex.question_words.find_all(toks, a, b)

    def _topic_is_subject(self, toks: Sequence[Token], k: int, verbal: bool = True) -> bool:
        """Does a clause marker follow the topic noun ending at ``k``, within eight words and before
        a complement that would make it a topic ("lo ngại về việc … sẽ")?  Right after a ``verbal``
        noun only an event verb counts: "hy vọng sẽ sớm ký" is a noun and its complement, "sự việc
        xảy ra" a clause; after any other an aspect or modal word does too ("dự án sẽ hoàn thành")."""
        for j in range(k, min(len(toks), k + 9)):
            t = toks[j]
            if t[KEY] in ("về", "việc", "rằng", "đối", "cho", "với") or not is_word(t):
                return False
            m = self.lex.clause_markers.match(toks, j)
            if m and (j > k or m[1] in _EVENT_VERBS or (not verbal and m[1] in _ASPECT)):
                return True
        return False

    def skip_connective(self, s: int, e: int) -> int:
        """Past a leading connective and its comma ("Tuy nhiên, …")."""
        lo, hi = self.tok_range(s, e)
        toks = self.toks
        m = self.lex.connectives.match(toks, lo, hi)
        if m and lo + m[0] < hi and toks[lo + m[0]][TEXT] == ",":
            return toks[lo + m[0]][END]
        return s

    # --- mentions --------------------------------------------------------------------------------
    def subject_of(self, lo: int, j: int) -> Mention | None:
        """:meth:`MentionParser.subject_before`, memoised: several passes ask about the same cue."""
        key = (lo, j)
        if key not in self._subject_memo:
            self._subject_memo[key] = self.parser.subject_before(self.toks, lo, j)
        return self._subject_memo[key]

    def tidy_mention(self, i: int, stop: int) -> Mention | None:
        """The longest mention from ``i`` that ends on a name, title or group head."""
        toks = self.toks
        for b in range(stop, i, -1):
            last = toks[b - 1]
            if not is_word(last):
                continue
            if not (last[TEXT][:1].isupper() or self.lex.groups.match_ending(toks, b, i)
                    or self.lex.titles.match_ending(toks, b, i) or self.lex.honorifics.match_ending(toks, b, i)):
                continue
            m = self.parser.parse(toks, i, b)
            if m is not None:
                return m
        return None

    def statement_source(self, si: int) -> SourceMention | None:
        """A channel the sentence names for its statement ("nói với Fox News")."""
        if si not in self._statement_src:
            lo, hi = self.sent_tokens[si]
            hooks, asks = self._source_hooks, self._question_hooks
            # "Trả lời câu hỏi trên, …": who asked, just before; only a "câu" hook opens that question
            # (OutletFinder._question_asked), so without one there is nothing to look back for
            c = bisect_left(asks, lo)
            back = self.sent_tokens[si - 3 if si > 3 else 0][0] if c < len(asks) and asks[c] < hi else None
            a, b = bisect_left(hooks, lo), bisect_left(hooks, hi)
            # no hook in the sentence: no source, as statement_source() would answer
            self._statement_src[si] = (self.outlets.statement_source(self.toks, lo, hi, back, hooks[a:b])
                                       if a < b else None)
        return self._statement_src[si]

    @cached_property
    def _source_hooks(self) -> list[int]:
        """:func:`~quoteattr.sources.source_hooks` of the whole article: every sentence is asked
        for its source, and half of them have no word a source hangs on."""
        return source_hooks(self.toks, keys=self._keys)

    @cached_property
    def _question_hooks(self) -> list[int]:
        """The hooks that are "câu" (picked by built-ins), the only ones a question asked before opens."""
        hooks = self._source_hooks
        return list(compress(hooks, map("câu".__eq__, map(self._keys.__getitem__, hooks))))

    def written_after(self, start: int, end: int, what: str) -> bool:
        """Does the article write ``text[start:end]`` elsewhere after a place prefix
        (``what="place"``: "tỉnh Bạc Liêu") or an honorific or title (``"person"``: "chị Lan Anh")?"""
        lex = self.lex
        matchers = (lex.place_prefixes,) if what == "place" else (lex.honorifics, lex.titles)
        for m in regex.finditer(regex.escape(self.text[start:end]), self.text, pos=self.paragraphs[0].start,
                                endpos=self.paragraphs[-1].end):
            k = self.tok_range(m.start(), m.end())[0]
            if m.start() != start and k > 0 and any(x.match_ending(self.toks, k, max(0, k - 4)) for x in matchers):
                return True
        return False

    def outlet_name(self, m: Mention) -> str | None:
        """The canonical outlet name of a mention ("báo Tuổi Trẻ" → "Tuổi Trẻ")."""
        found = self.outlets.at(self.toks, m.tok_start, m.tok_end)
        return found[1] if found else None
