"""The attribution sieve: pairs quotes and reported clauses with cues and speakers.

Deterministic passes, most precise first (CoreNLP's quote-attribution sieves):

1. ``cue``        speaker + cue + content in one sentence: ``X cho biết, …``,
                  ``X nói: “…”``, with mixed records for quoted fragments;
2. ``quote-first`` ``“…”, ông X nói.`` and ``…, Bộ Y tế cho biết.``;
3. ``theo``       ``Theo X, …`` (X speaker, or source when X is an outlet);
4. ``colon``      ``X …: “…”`` and headlines ``Name: statement``;
5. ``follow-on``  a quoted sentence right after a speaker's statement;
6. ``repeat``     a quote repeated verbatim (sapo, caption) takes the first one's speaker.

Each pass proposes :class:`Candidate` records; overlaps are settled by
confidence, speakers resolved in reading order (pronouns look back), sources
assigned by scope.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import attrs
import regex

from .analysis import Analysis
from .cues import Cue, find_cues
from .entities import EntityRegistry, ResolvedSpeaker, SpeakerResolver
from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser
from .segment import Paragraph, Quote, Sentence
from .sources import OutletFinder, SourceMention, SourceScopes, body_end, find_article_credit
from .text import NormalizedText, fold
from .tokens import Token

__all__ = ["Candidate", "ArticleAttributor"]

_CONTENT_SEPS = {",", ":"}
_TRIM_END = set(" .,;:…!?")
_CLAUSE_BREAK = {";"}
_ELLIPSIS = regex.compile(r"…|\.\.\.")
_OPEN_MARKS = set("“„‟‘‚«‹「『\"'")
_CLOSE_MARKS = set("”’»›」』\"'“")


class _Coverage:
    """The union of a growing set of intervals, asked "does [s, e) touch any?" in log time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s) - 1
        if k >= 0 and self.ends[k] > s:
            return True
        return k + 1 < len(self.starts) and self.starts[k + 1] < e

    def add(self, s: int, e: int) -> None:
        k = bisect_right(self.starts, s) - 1
        if k >= 0 and self.ends[k] >= s:
            s = self.starts[k]
            e = max(e, self.ends[k])
            del self.starts[k], self.ends[k]
        else:
            k += 1
        while k < len(self.starts) and self.starts[k] <= e:
            e = max(e, self.ends[k])
            del self.starts[k], self.ends[k]
        self.starts.insert(k, s)
        self.ends.insert(k, e)


@attrs.define
class Candidate:
    """A proposed record, in working-copy offsets."""

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


# words after which a noun phrase is an object or complement, never a clause's subject
_PREPOSITIONS = frozenset(("của", "với", "về", "cho", "từ", "tại", "ở", "đến", "tới", "trong", "ngoài"))


def _addressee(m: Mention, previous: Cue) -> bool:
    """"đề nghị Bộ Quốc phòng giao đất": a mention right after a request is the
    one asked to act, not the speaker of a cue that follows it."""
    return previous.entry.cls == "directive" and previous.tok_end == m.tok_start


class ArticleAttributor:
    """Runs the sieve over one article (a stretch of the normalised text)."""

    def __init__(self, nt: NormalizedText, tokens: Sequence[Token], paragraphs: Sequence[Paragraph],
                 sentences: Sequence[Sentence], quotes: Sequence[Quote], lex: CompiledLexicon,
                 parser: MentionParser, analysis: Analysis | None = None) -> None:
        self.nt = nt
        self.text = nt.text
        self.toks = tokens
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.quotes = list(quotes)
        self.lex = lex
        self.parser = parser
        self.analysis = analysis  # parse from an engine (stanza), consulted where rules are unsure
        self.outlets = OutletFinder(nt, lex)
        self._tok_starts = [t.start for t in tokens]
        self._sent_starts = [s.start for s in sentences]
        self.sent_tokens = [self._tok_range(s.start, s.end) for s in sentences]
        self._quote_opens = {q.open_mark: q for q in self.quotes if q.open_mark is not None}
        self._quote_outer_starts = [q.outer_start for q in self.quotes]
        self._quote_outer_ends = [q.outer_end for q in self.quotes]
        # four words or more: a statement, not a quoted term (looked at once per quote)
        self._statement_quote = [len(nt.text[q.start:min(q.end, q.start + 120)].split()) >= 4 for q in self.quotes]
        # this article only: a whole archive file of articles would be rescanned once per article
        self._ellipses = [m.start() for m in _ELLIPSIS.finditer(self.text, paragraphs[0].start, paragraphs[-1].end)]
        self._claims = _Coverage()
        self._subject_memo: dict[tuple[int, int], Mention | None] = {}
        self._statement_src: dict[int, SourceMention | None] = {}
        self.registry = EntityRegistry(nt, tokens, self.sent_tokens, parser, lex)
        self.candidates: list[Candidate] = []
        self.cues: list[list[Cue]] = []
        self._cue_subjects: dict[int, Mention] = {}
        self.scopes = SourceScopes(find_article_credit(nt, paragraphs, lex, self.outlets),
                                   body_end(nt.text, paragraphs, lex))
        self.resolver = SpeakerResolver(nt, tokens, sentences, self.sent_tokens, self.registry, lex, parser,
                                        self._outlet_name, analysis)
        self._term_counts = self._count_quoted_terms()

    # --- helpers ---------------------------------------------------------------------------------
    def _tok_range(self, start: int, end: int) -> tuple[int, int]:
        lo = bisect_right(self._tok_starts, start - 1)
        hi = bisect_right(self._tok_starts, end - 1)
        return lo, hi

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def _count_quoted_terms(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for q in self.quotes:
            key = fold(self.text[q.start:q.end])
            if len(key) <= 40:
                counts[key] = counts.get(key, 0) + 1
        return counts

    def _inside_quote(self, pos: int) -> bool:
        """Is ``pos`` inside a quoted statement (not a quoted word)?  A cue there
        is part of what was quoted, not the writer's report."""
        k = bisect_right(self._quote_outer_starts, pos) - 1
        if k < 0:
            return False
        q = self.quotes[k]
        return q.start <= pos < q.end and self._statement_quote[k]

    def _is_term(self, q: Quote) -> bool:
        """A quoted word used as a term all over the article ("ảo"), not a quote."""
        return self._term_counts.get(fold(self.text[q.start:q.end]), 0) >= 3

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        text = self.text
        while s < e and (text[s].isspace() or text[s] in ",:;–—-"):
            s += 1
        while e > s and (text[e - 1] in _TRIM_END or text[e - 1].isspace()):
            e -= 1
        return s, e

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

    def quotes_ending_near(self, pos: int, slack: int = 1) -> list[Quote]:
        """Closed quotes whose closing mark ends within ``slack`` characters before ``pos``."""
        out = []
        k = bisect_right(self._quote_outer_ends, pos) - 1
        while k >= 0 and self._quote_outer_ends[k] >= pos - slack:
            out.append(self.quotes[k])
            k -= 1
        return out

    def add(self, cand: Candidate) -> None:
        if cand.end > cand.start:
            self.candidates.append(cand)
            self._claims.add(cand.start, cand.end)

    # --- pass 1 and 2: cues ---------------------------------------------------------------------
    def run(self) -> list[Record]:
        subjects: dict[int, Mention | None] = {}
        for si, (lo, hi) in enumerate(self.sent_tokens):
            cues = [c for c in find_cues(self.toks, lo, hi, self.lex) if not self._inside_quote(c.start)]
            self.cues.append(cues)
            for ci, cue in enumerate(cues):
                later = cues[ci + 1:ci + 4]  # the next few cues bound this one's content
                if cue.cls == "according":
                    self._theo(si, cue, later)
                elif cue.cls == "quoting":
                    self._quoting(si, cue, later)
                else:
                    subj = self._subject(si, cue, cues[max(0, ci - 3):ci], subjects)
                    subjects[id(cue)] = subj
                    if subj is not None:
                        self._cue_subjects.setdefault(si, subj)
                        self._verb(si, cue, subj, later, subjects)
        self._quote_tail_pass()
        self._colon_pass()
        self._headline_pass()
        settled = self._settle()
        return self._resolve(settled)

    def _subject(self, si: int, cue: Cue, earlier: Sequence[Cue], subjects: dict[int, Mention | None]) -> Mention | None:
        """The speaker mention of a cue: next to it, shared with the previous cue,
        the clause's own subject, or (with an engine) the parse's ``nsubj``."""
        lo = self.sent_tokens[si][0]
        m = self.subject_of(lo, cue.tok_start)
        if m is not None and any(m.tok_start <= c.tok_start < m.tok_end for c in earlier):
            m = None  # "Bộ trưởng cũng cho biết, sẽ tiếp tục đề nghị": not a subject of the second cue
        if m is not None and earlier and _addressee(m, earlier[-1]):
            m = None
        if m is not None:
            return m
        m = self._rule_fallback_subject(si, cue, earlier, subjects)
        if m is None and self.analysis is not None:
            m = self._parsed_subject(si, cue)
        return m

    def _rule_fallback_subject(self, si: int, cue: Cue, earlier: Sequence[Cue],
                               subjects: dict[int, Mention | None]) -> Mention | None:
        """Subjects not next to their cue: a shared one, or the clause's own."""
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        j = self.parser.skip_adverbs_back(toks, lo, cue.tok_start)
        # "Hoàng nói và cho biết …", "chị đã phản ánh ngay và đề nghị …": the previous cue's subject
        if earlier and j > lo and toks[j - 1].key in ("và", "rồi") and (
                j - 1 - earlier[-1].tok_end <= 5
                and not any(t.text in (",", ";", ":") or t.text in _OPEN_MARKS for t in toks[earlier[-1].tok_end:j - 1])):
            return subjects.get(id(earlier[-1]))
        # "Trung Quốc phản đối …, nói rằng …", "…, nhưng cho biết …": the sentence's subject
        if j > lo + 1 and toks[j - 1].key in ("nhưng", "song", "và", "rồi", "đồng thời") and toks[j - 2].text == ",":
            j -= 1
        # ("Bộ trưởng cho biết, sẽ đề nghị …": the comma opens the earlier cue's content, which holds this one)
        if j > lo and toks[j - 1].text == "," and cue.entry.cls in ("speech", "directive", "commit") and not (
                earlier and earlier[-1].tok_end == j - 1):
            first = self._sentence_subject(si, before=cue.tok_start)
            if first is not None and first.tok_end < cue.tok_start:
                return first
        return None

    def _parsed_subject(self, si: int, cue: Cue) -> Mention | None:
        """The dependency parse's subject of the cue's verb, when it is a mention."""
        assert self.analysis is not None
        span = self.analysis.subject_of(self.toks[cue.head_start].start, self.toks[cue.head_end - 1].end)
        if span is None:
            return None
        lo = self.sent_tokens[si][0]
        a, b = self._tok_range(*span)
        a, b = max(a, lo), min(b, cue.tok_start)
        if a >= b:
            return None
        b = self.parser.skip_adverbs_back(self.toks, a, b)
        if b <= a:
            return None
        m = self.parser.parse(self.toks, a, b) or self.parser.best_suffix(self.toks, a, b)
        if m is None and cue.entry.takes == "any" and b - a <= 8 and all(t.is_word for t in self.toks[a:b]) and not (
                self.lex.connectives.match(self.toks, a, b) or self.lex.fronted.match(self.toks, a, b)):
            # a subject no lexicon knows ("Đội cứu hộ"): the parse vouches for it
            m = Mention(self.toks[a].start, self.toks[b - 1].end, "group", tok_start=a, tok_end=b)
        return m

    def _embedded(self, cue: Cue, later: Cue, subj: Mention) -> bool:
        """Does the parse put a later cue and its would-be subject inside this cue's
        clausal complement, without a subject of its own?  Then the later cue is part
        of what is reported ("cho biết, đã tham khảo ý kiến nhiều chuyên gia …")
        and must not end the content."""
        toks = self.toks
        if self.analysis is None or subj.kind == "outlet" or (
                subj.tok_start > 0 and toks[subj.tok_start - 1].text in ("-", "–", "—", ";", "(")):
            return False  # "… - thông tin trên Vnexpress cho hay": a frame, whatever the parse says
        head = (toks[cue.head_start].start, toks[cue.head_end - 1].end)
        clause = self.analysis.clause_of(*head)
        if clause is None:
            return False
        later_head = (toks[later.head_start].start, toks[later.head_end - 1].end)
        return (clause[0] <= subj.start and later_head[1] <= clause[1]
                and self.analysis.subject_of(*later_head) is None)

    def _sentence_subject(self, si: int, before: int | None = None) -> Mention | None:
        """The mention that opens the clause (after a leading connective chunk),
        for cues whose subject is not next to them: "Trung Quốc phản đối …, nói rằng"."""
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        if before is not None:
            # the clause holding the cue: after the last ";" before it
            for k in range(before - 1, lo, -1):
                if toks[k].text == ";":
                    lo = k + 1
                    break
            hi = min(hi, before)
        start = lo
        for k in range(lo, min(hi, lo + 8)):
            if toks[k].text == ",":
                start = k + 1
                break
        for begin in (start, lo):
            found: Mention | None = None
            person: Mention | None = None  # the longest sure name: "HLV Chu Đình Nghiêm", not "HLV Chu Đình"
            for b in range(begin + 1, min(hi, begin + self.parser.max_tokens) + 1):
                m = self.parser.parse(toks, begin, b)
                if m is None:
                    if found is not None or person is not None:
                        break
                    continue
                if m.kind == "person" and m.name is not None and m.certain:
                    person = m
                elif person is not None:
                    break
                if m.kind in ("organization", "place", "group", "title", "pronoun", "anaphor", "person"):
                    found = m
            if person is not None:
                return person
            if found is not None and not (found.kind == "person" and not found.certain):
                return found
        return None

    def _content_start(self, si: int, cue: Cue, later: Sequence[Cue]) -> tuple[int, str] | None:
        """Token index where the reported content starts, and how it was introduced."""
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        i = cue.tok_end
        if i >= hi:
            return None

        def after(k: int, how: str) -> tuple[int, str]:
            while k < hi and (toks[k].text in _CONTENT_SEPS or (how != "rằng" and toks[k].key == "rằng")):
                k += 1
            return (k, how)

        first = toks[i]
        if first.key in ("rằng", "là"):
            return after(i + 1, first.key)
        if first.text in (":", ","):
            return after(i + 1, first.text)
        # a short phrase before the marker: "nói với tờ Wall Street Journal rằng", "lý giải rằng:"
        limit = min(hi, i + 16, later[0].tok_start if later else hi)
        for k in range(i, limit):
            t = toks[k]
            if t.key == "rằng":
                return after(k + 1, "rằng")
            if t.text == ":" and not self._ends_sentence(k + 1, hi):
                return after(k + 1, ":")
            if t.text in _OPEN_MARKS or t.text in _CLOSE_MARKS:
                # a quoted word on how it was said ("đã nói “rất rõ ràng” … rằng"): look on
                if any(x.key == "rằng" for x in toks[k:limit]):
                    continue
                break
            if t.text == "," or t.text in ".?!":
                if t.text == "," and self.lex.fronted.match(toks, i, k) and k + 1 < hi:
                    # "đã lưu ý trong các cuộc đàm phán với phía Mỹ, việc …"
                    return (k + 1, ",")
                break
        k = i
        while k < hi and (adv := self.lex.adverbs.match(toks, k, hi)):
            k += adv[0]
        if k < hi and self.quote_opening_at(toks[k].start, toks[k].end + 1):
            return (k, "quote")
        return (i, "bare")

    def _content_end(self, si: int, start_tok: int, later: Sequence[Cue], subjects_later: list[Mention]) -> int:
        """Char offset where the content ends (exclusive, untrimmed)."""
        lo, hi = self.sent_tokens[si]
        end = self.sentences[si].end
        for m in subjects_later:
            if m.tok_start > start_tok:
                # back over the comma / connective that opens the next clause
                k = m.tok_start
                while k - 1 > start_tok and (self.toks[k - 1].text in (",", ";") or self.toks[k - 1].key in (
                        "còn", "và", "nhưng", "song", "trong", "khi", "đó", "thì")):
                    k -= 1
                end = min(end, self.toks[k].start if k < len(self.toks) else end)
                break
        k = bisect_left(self._ellipses, self.toks[start_tok].start)
        if k < len(self._ellipses):
            end = min(end, self._ellipses[k])
        return end

    def _looks_like_clause(self, s: int, e: int, lenient: bool = False) -> bool:
        """Is ``text[s:e]`` reported content rather than a topic noun phrase?"""
        lo, hi = self._tok_range(s, e)
        toks = self.toks[lo:min(hi, lo + 24)]
        words = [t for t in toks if t.is_word]
        if len(words) < (2 if lenient else 3):
            return False
        if self.lex.topic_starts.match(toks, 0) or (lenient and words[0].text[:1].isdigit()):
            return False
        return lenient or bool(self.lex.clause_markers.find_all(toks, 0, len(toks)))

    def _verb(self, si: int, cue: Cue, subj: Mention, later: Sequence[Cue], subjects: dict[int, Mention | None]) -> None:
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        para = self.sentences[si].paragraph
        cue_span = (cue.start, cue.end)
        entry = cue.entry
        outlet_speaker = subj.kind == "outlet"
        statement_src = self.statement_source(si)
        cs = self._content_start(si, cue, later)
        shared = False
        if cs is not None and cs[1] == "bare" and later:
            k = cs[0]
            while k < later[0].tok_start and (adv := self.lex.adverbs.match(toks, k, later[0].tok_start)):
                k += adv[0]
            shared = toks[k].key in ("và", "rồi") and later[0].tok_start == k + 1
        if cs is not None and not shared and cs[1] == "bare" and cs[0] < hi and self._only_tail(cs[0], hi):
            before = len(self.candidates)
            self._quote_first(si, cue, subj, statement_src)
            if len(self.candidates) > before:
                return
            # no quote before it: a short place phrase, then the content ("cam kết trước tòa trả lời …")
            k = cs[0] + 1
            while k < min(hi, cs[0] + 3) and toks[k].is_word and not self.lex.clause_markers.match(toks, k, hi):
                k += 1
            if not (entry.cls in ("directive", "commit") and k < hi and self._looks_like_clause(
                    toks[k].start, self.sentences[si].end, lenient=True)):
                return
            cs = (k, "bare")
        if cs is None or cs[0] >= hi or shared or (cs[1] == "bare" and self._only_tail(cs[0], hi)):
            self._quote_first(si, cue, subj, statement_src, direct_only=shared)
            return
        start_tok, how = cs
        later_subjects = []
        prev = cue
        for c in later:
            if c.entry.cls == "according":
                continue  # "theo" opens no clause of its own speaker inside this content
            m = self.subject_of(lo, c.tok_start)
            if m is not None and m.tok_start >= start_tok and not _addressee(m, prev) and not self._embedded(cue, c, m):
                later_subjects.append(m)
            prev = c
        end = self._content_end(si, start_tok, later, later_subjects)
        start = toks[start_tok].start
        # a direct quote right after the cue
        q = self.quote_opening_at(start, end + 1)
        if q is not None:
            self.add(Candidate(q.start, q.end, "direct", "cue", 0.9, subj.start, si, para, subj, cue_span,
                               statement_src, self_source=outlet_speaker))
            return
        if entry.cls == "noun" and how == "bare" and entry.takes != "any":
            return  # a noun of speech carries only a quote ("lời đe dọa “…”")
        s, e = self._trim(start, end)
        if s >= e:
            return
        if self.text[e:self.sentences[si].end].strip().startswith("?") and entry.phrase not in self.lex.question_cues:
            return  # the writer's own question ("Syria yêu cầu Nga bồi thường …?")
        if how == "bare":
            if entry.takes == "marked":
                return
            lenient = entry.cls in ("directive", "commit") or self._is_headline(si)
            if entry.takes == "clause" and not self._looks_like_clause(s, e, lenient=lenient):
                return
        inner = [c for c in later if c.entry.cls not in ("according",) and toks[c.tok_start].start < e and
                 self.subject_of(lo, c.tok_start) is not None]
        if inner and outlet_speaker:
            # "Thông tin trên Vnexpress cho hay, bà X cam kết …": the outlet frames what follows
            src = SourceMention(self.nt.spelling(*subj.name) if subj.name else self.nt.spelling(subj.start, subj.end),
                                subj.start, subj.end, "paragraph")
            if subj.name:
                found = self.outlets.at(toks, subj.tok_start, subj.tok_end)
                if found:
                    src = SourceMention(found[1], subj.start, subj.end, "paragraph")
            self.scopes.add_frame(para, cue.start, src)
            return
        frags = [q for q in self.quotes_in(s, e + 1) if not self._is_term(q)]
        conf = 0.8 if how != "bare" else 0.7
        if frags:
            for q in frags:
                self.add(Candidate(q.start, q.end, "mixed", "cue", conf - 0.05, subj.start, si, para, subj,
                                   cue_span, statement_src, self_source=outlet_speaker))
        else:
            self.add(Candidate(s, e, "indirect", "cue", conf, subj.start, si, para, subj, cue_span,
                               statement_src, self_source=outlet_speaker))

    def _is_headline(self, si: int) -> bool:
        """A title or teaser line: one short paragraph without a final full stop."""
        sent = self.sentences[si]
        para = self.paragraphs[sent.paragraph]
        return para.end - para.start <= 220 and self.text[para.end - 1] not in ".!…;:"

    def _only_tail(self, k: int, hi: int) -> bool:
        """Nothing but an adverbial tail after the cue ("nói với phóng viên X.")."""
        toks = self.toks
        window = toks[k:min(hi, k + 40)]
        if not any(t.is_word for t in window):
            return True
        if toks[k].key in ("với", "khi", "trong", "tại", "sau", "trước", "thêm", "tiếp", "lúc", "ngay", "qua",
                           "bằng", "trên", "hôm", "ở") and hi - k <= 40 and not any(
                               t.key == "rằng" or t.text in (":", ",") for t in window):
            return True
        return False

    def subject_of(self, lo: int, j: int) -> Mention | None:
        """:meth:`MentionParser.subject_before`, memoised: several passes ask about the same cue."""
        key = (lo, j)
        if key not in self._subject_memo:
            self._subject_memo[key] = self.parser.subject_before(self.toks, lo, j)
        return self._subject_memo[key]

    def statement_source(self, si: int) -> SourceMention | None:
        if si not in self._statement_src:
            lo, hi = self.sent_tokens[si]
            self._statement_src[si] = self.outlets.statement_source(self.toks, lo, hi)
        return self._statement_src[si]

    def _quote_first(self, si: int, cue: Cue, subj: Mention, statement_src: SourceMention | None,
                     direct_only: bool = False) -> None:
        """``“…”, ông X nói.`` / ``…, Bộ Y tế cho biết.``: content before the speaker."""
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        para = self.sentences[si].paragraph
        k = subj.tok_start
        sep = None
        if k > lo and toks[k - 1].text in (",", "-", "–", "—"):
            sep = k - 1
        edge = toks[sep].start if sep is not None else subj.start
        # a quote closing right before the separator / the speaker
        pos = edge
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        for q in self.quotes_ending_near(pos):
            if q.close_mark is not None:
                self.add(Candidate(q.start, q.end, "direct", "quote-first", 0.85, subj.start, si, para, subj,
                                   (cue.start, cue.end), statement_src, self_source=subj.kind == "outlet"))
                return
        if sep is None and k == lo and si > 0:
            # "“…” Ông X nói." split into two sentences
            prev = self.sentences[si - 1]
            for q in self.quotes_ending_near(prev.end, 2):
                if q.close_mark is not None and prev.start <= q.close_mark < prev.end:
                    if prev.paragraph == self.sentences[si].paragraph:
                        self.add(Candidate(q.start, q.end, "direct", "quote-first", 0.8, subj.start, si, para,
                                           subj, (cue.start, cue.end), statement_src))
                    return
            return
        if sep is None or direct_only:
            return
        # indirect content before the speaker: "…, Bộ Quốc phòng Hàn Quốc cho biết."
        s, e = self._trim(self.sentences[si].start, toks[sep].start)
        if s >= e or not self._looks_like_clause(s, e, lenient=True) or len(
                [t for t in toks[slice(*self._tok_range(s, e))] if t.is_word]) < 4:
            return
        if self.lex.fronted.match(toks, self._tok_range(s, e)[0]):
            return
        if any(c.entry.cls not in ("according",) and s <= c.start < e for c in self.cues[si] if c is not cue):
            return  # "… Thông tin trên Vnexpress cho hay, bà X cam kết …": another statement
        frags = [q for q in self.quotes_in(s, e + 1) if not self._is_term(q)]
        if frags:
            if frags[0].outer_start <= s + 1 and frags[-1].outer_end >= e - 1:
                for q in frags:
                    self.add(Candidate(q.start, q.end, "direct", "quote-first", 0.8, subj.start, si, para, subj,
                                       (cue.start, cue.end), statement_src))
                return
            for q in frags:
                self.add(Candidate(q.start, q.end, "mixed", "quote-first", 0.7, subj.start, si, para, subj,
                                   (cue.start, cue.end), statement_src))
            return
        self.add(Candidate(s, e, "indirect", "quote-first", 0.7, subj.start, si, para, subj,
                           (cue.start, cue.end), statement_src, self_source=subj.kind == "outlet"))

    # --- pass 3: theo ----------------------------------------------------------------------------
    def _theo(self, si: int, cue: Cue, later: Sequence[Cue]) -> None:
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        lex = self.lex
        para = self.sentences[si].paragraph
        i = cue.tok_end
        if i >= hi or lex.theo_blockers.match(toks, i, hi):
            return
        sn = lex.statement_nouns.match(toks, i, hi)
        if sn:
            j = i + sn[0]
            while j < hi and toks[j].key in ("mới", "gần", "đây", "nhất", "chính", "thức", "sơ", "bộ", "ban", "đầu"):
                j += 1
            if j < hi and toks[j].key in ("của", "từ"):
                i = j + 1
            elif toks[i].key in ("lời",) and j < hi:
                i = j
            else:
                return
        # X ends at the next comma/colon; without one, at the longest tidy mention
        stop = hi
        for k in range(i, min(hi, i + 30)):
            if toks[k].text in (",", ":", "–", "—") or (toks[k].text == "-" and k > i):
                stop = k
                break
        outlet = self.outlets.at(toks, i, stop)
        if outlet is not None and all(not t.is_word for t in toks[i + outlet[0]:stop]):
            n, name = outlet
            src = SourceMention(name, toks[i].start, toks[i + n - 1].end, "sentence")
            if self._ends_sentence(i + n, hi):
                # "…, theo Kyodo News." covers the paragraph
                self.scopes.add_frame(para, -1, attrs.evolve(src, scope="paragraph"))
                return
            self.scopes.set_sentence(si, src)
            inner = [c for c in later if c.entry.cls not in ("according", "block")]
            if inner and any(self.subject_of(lo, c.tok_start) is not None for c in inner):
                return
            m = self.parser.parse(toks, i, i + n) or None
            self._theo_record(si, cue, i + n, hi, m, para, outlet_name=name, src=src)
            return
        if stop < hi:
            m = self.parser.parse(toks, i, stop)
            if m is None:
                m = self._tidy_mention(i, stop)
        else:
            m = self._tidy_mention(i, min(hi, i + 10))
        if m is None or m.kind in ("outlet",):
            return
        for c in later:
            if c.entry.cls in ("speech", "directive", "commit", "report"):
                subj = self.subject_of(lo, c.tok_start)
                if subj is not None and subj.tok_start < m.tok_end and subj.tok_end > i:
                    return  # "Theo thông tin từ X cho biết, …": X's own verb is the cue
        self._theo_record(si, cue, m.tok_end, hi, m, para)

    def _tidy_mention(self, i: int, stop: int) -> Mention | None:
        """The longest mention from ``i`` that ends on a name, title or group head."""
        toks = self.toks
        for b in range(stop, i, -1):
            last = toks[b - 1]
            if not last.is_word:
                continue
            if not (last.text[:1].isupper() or self.lex.groups.match_ending(toks, b, i)
                    or self.lex.titles.match_ending(toks, b, i) or self.lex.honorifics.match_ending(toks, b, i)):
                continue
            m = self.parser.parse(toks, i, b)
            if m is not None:
                return m
        return None

    def _ends_sentence(self, k: int, hi: int) -> bool:
        # no slice: a sentence of thousands of "theo X," would copy its tail once per cue
        toks = self.toks
        return all(not toks[j].is_word for j in range(k, hi))

    def _theo_record(self, si: int, cue: Cue, after: int, hi: int, m: Mention | None, para: int,
                     outlet_name: str | None = None, src: SourceMention | None = None) -> None:
        toks = self.toks
        lo = self.sent_tokens[si][0]
        sent = self.sentences[si]
        if m is None:
            return
        front = cue.tok_start - lo
        leading = front == 0 or (front <= 8 and all(
            (not t.is_word) or self.lex.connectives.match(toks, k, cue.tok_start)
            or self.lex.adverbs.match(toks, k, cue.tok_start)
            for k, t in enumerate(toks[lo:cue.tok_start], lo)))
        if leading:
            s, e = toks[after].start if after < hi else sent.end, sent.end
        elif self._ends_sentence(after, hi):
            s, e = sent.start, cue.start
        else:
            s, e = sent.start, sent.end
        s = self._skip_connective(s, e)
        s, e = self._trim(s, e)
        if s >= e:
            return
        frags = [q for q in self.quotes_in(s, e + 1) if not self._is_term(q)]
        cue_span = (cue.start, cue.end)
        conf = 0.72
        if frags:
            if len(frags) == 1 and frags[0].outer_start <= s + 1 and frags[0].outer_end >= e - 1:
                q = frags[0]
                self.add(Candidate(q.start, q.end, "direct", "theo", conf, m.start, si, para, m, cue_span, src,
                                   self_source=outlet_name is not None))
                return
            for q in frags:
                self.add(Candidate(q.start, q.end, "mixed", "theo", conf - 0.05, m.start, si, para, m, cue_span,
                                   src, self_source=outlet_name is not None))
            return
        a, _ = self._tok_range(s, e)
        if sum(1 for t in toks[a:a + 6] if t.is_word and t.start < e) < 3:
            return
        self.add(Candidate(s, e, "indirect", "theo", conf if outlet_name is None else 0.6, m.start, si, para, m,
                           cue_span, src, self_source=outlet_name is not None))

    def _skip_connective(self, s: int, e: int) -> int:
        lo, hi = self._tok_range(s, e)
        toks = self.toks
        m = self.lex.connectives.match(toks, lo, hi)
        if m and lo + m[0] < hi and toks[lo + m[0]].text == ",":
            return toks[lo + m[0]].end
        return s

    # --- dẫn lời ------------------------------------------------------------------------------------
    def _quoting(self, si: int, cue: Cue, later: Sequence[Cue]) -> None:
        lo, hi = self.sent_tokens[si]
        toks = self.toks
        para = self.sentences[si].paragraph
        reporter = self.subject_of(lo, cue.tok_start)
        src = None
        if reporter is not None:
            found = self.outlets.at(toks, reporter.tok_start, reporter.tok_end)
            if found:
                src = SourceMention(found[1], reporter.start, reporter.end, "sentence")
        if src is not None:
            self.scopes.set_sentence(si, src)
        stop = later[0].tok_start if later else hi
        m = self._tidy_mention(cue.tok_end, min(stop, cue.tok_end + 14))
        if m is None:
            return
        if later and self.subject_of(lo, later[0].tok_start) is not None:
            return  # "X dẫn lời Y cho biết …": Y's own verb is the cue
        k = m.tok_end
        while k < hi and (toks[k].text in (",", ":") or toks[k].key == "rằng"):
            k += 1
        if k >= hi or self._ends_sentence(k, hi):
            # "“…” - trích lời ông Hải.": the quote came first
            edge = toks[cue.tok_start - 1].start if cue.tok_start > lo and toks[cue.tok_start - 1].text in (
                ",", "-", "–", "—") else cue.start
            while edge > 0 and self.text[edge - 1].isspace():
                edge -= 1
            for q in self.quotes_ending_near(edge, 1):
                self.add(Candidate(q.start, q.end, "direct", "quote-first", 0.8, m.start, si, para, m,
                                   (cue.start, cue.end), src))
                return
            return
        opened = self.quote_opening_at(toks[k].start, self.sentences[si].end)
        if opened is not None:
            self.add(Candidate(opened.start, opened.end, "direct", "cue", 0.8, m.start, si, para, m,
                               (cue.start, cue.end), src))
            return
        s, e = self._trim(toks[k].start, self.sentences[si].end)
        if s < e:
            self.add(Candidate(s, e, "indirect", "cue", 0.7, m.start, si, para, m, (cue.start, cue.end), src))

    # --- pass 4: colon constructions and headlines ---------------------------------------------------
    def _claimed(self, q: Quote) -> bool:
        return self._claims.overlaps(q.start, q.end)

    def _quote_tail_pass(self) -> None:
        """``“…”, chị Sương nghẹn giọng.``: a speaker and a short verb phrase after a
        closed quote make it a statement even when the verb is not in the lexicon."""
        toks = self.toks
        for q in self.quotes:
            if q.close_mark is None or self._claimed(q):
                continue
            si = self.sentence_at(q.close_mark)
            lo, hi = self.sent_tokens[si]
            k = self._tok_range(q.close_mark + 1, q.close_mark + 2)[0]
            while k < hi and toks[k].text in (",", "-", "–", "—") or (k < hi and toks[k].text in _CLOSE_MARKS):
                k += 1
            if k >= hi or toks[k].start <= q.close_mark:
                continue
            end = k
            while end < min(hi, k + 14) and toks[end].text not in (".", "!", "?", "…", ";") and toks[end].key not in (
                    "và", "rồi"):
                end += 1
            m = None
            for b in range(end - 1, k, -1):
                m = self.parser.parse(toks, k, b)
                if m is not None:
                    break
            if m is None or m.kind not in ("person", "pronoun", "anaphor", "title"):
                continue
            if len(self.text[q.start:q.end].split()) < 3:
                continue  # a quoted word is a term, not a statement
            tail = [t for t in toks[m.tok_end:end] if t.is_word]
            if not 1 <= len(tail) <= 4 or any(t.text in _OPEN_MARKS for t in toks[m.tok_end:end]):
                continue
            verb_start = m.tok_end
            while verb_start < end and (adv := self.lex.adverbs.match(toks, verb_start, end)):
                verb_start += adv[0]
            if verb_start >= end:
                continue
            self.add(Candidate(q.start, q.end, "direct", "quote-first", 0.7, m.start, si,
                               self.sentences[si].paragraph, m, (toks[verb_start].start, toks[end - 1].end)))

    def _colon_pass(self) -> None:
        toks = self.toks
        for q in self.quotes:
            if q.open_mark is None or self._claimed(q):
                continue
            pos = q.open_mark
            while pos > 0 and self.text[pos - 1].isspace():
                pos -= 1
            if pos == 0 or self.text[pos - 1] != ":":
                continue
            si = self.sentence_at(pos - 1)
            lo, hi = self.sent_tokens[si]
            colon_tok = self._tok_range(pos - 1, pos)[0]
            m = self._cue_subjects.get(si)
            if m is None:
                m = self.subject_of(lo, colon_tok)
                if m is not None and m.tok_start > lo and toks[m.tok_start - 1].key in _PREPOSITIONS:
                    m = None  # "… ấn tượng với lối chơi của Sanna Khánh Hòa: “…”": an object, not who speaks
                if m is not None and m.kind in ("place", "organization", "group", "outlet") and not (
                        m.tok_start == lo or toks[m.tok_start - 1].text in (",", "–", "-")):
                    m = None
            if m is None or m.kind not in ("person", "title", "organization", "pronoun", "anaphor", "group"):
                m = self._sentence_subject(si)
                if m is None or m.tok_end > colon_tok or m.kind == "group":
                    continue
                conf = 0.6
            else:
                conf = 0.75
            para = self.sentences[si].paragraph
            self.add(Candidate(q.start, q.end, "direct", "colon", conf, m.start, si, para, m,
                               (pos - 1, pos), None))

    def _headline_pass(self) -> None:
        toks = self.toks
        for p in self.paragraphs:
            if self.text[p.end - 1] in ".!?…" or p.end - p.start > 200:
                continue
            lo, hi = self._tok_range(p.start, p.end)
            colon = next((k for k in range(lo, min(hi, lo + 16)) if toks[k].text == ":"), None)
            if colon is None or colon + 1 >= hi:
                continue
            m = self.parser.parse(toks, lo, colon)
            if m is None or m.kind != "person" or m.name is None:
                continue
            if m.title is None and m.name[0] == m.start and not m.certain:
                continue  # "Bạc Liêu: …" is a place, not a person speaking
            si = self.sentence_at(toks[colon].start)
            s, e = self._trim(toks[colon + 1].start, p.end)
            q = self.quote_opening_at(toks[colon + 1].start, p.end)
            if q is not None:
                if not self._claimed(q):
                    self.add(Candidate(q.start, q.end, "direct", "colon", 0.7, m.start, si, p.index, m,
                                       (toks[colon].start, toks[colon].end)))
                continue
            if s < e and not self._claims.overlaps(s, e):
                self.add(Candidate(s, e, "indirect", "colon", 0.6, m.start, si, p.index, m,
                                   (toks[colon].start, toks[colon].end)))

    # --- settling overlaps ---------------------------------------------------------------------------------
    def _settle(self) -> list[Candidate]:
        order = sorted(self.candidates, key=lambda c: (-c.confidence, c.start))
        kept: list[Candidate] = []
        taken = _Coverage()
        for c in order:
            if not taken.overlaps(c.start, c.end):
                kept.append(c)
                taken.add(c.start, c.end)
        kept.sort(key=lambda c: (c.start, c.end))
        return kept

    # --- pass 5, 6 and resolution -----------------------------------------------------------------------------
    def _outlet_name(self, m: Mention) -> str | None:
        found = self.outlets.at(self.toks, m.tok_start, m.tok_end)
        return found[1] if found else None

    def _resolve(self, kept: list[Candidate]) -> list[Record]:
        """Speakers in reading order (pronouns look back), then sources by scope."""
        extra = self._follow_on(kept)  # follow-on quotes join the settled list
        allc = sorted(kept + extra, key=lambda c: (c.anchor if not c.inherit else c.start, c.start))
        history: list[ResolvedSpeaker] = []
        spoken: list[tuple[int, Candidate]] = []
        out: list[Candidate] = []
        for c in allc:
            if c.inherit:
                prev = self._previous(spoken, c)
                if prev is None:
                    continue
                c.speaker, c.mention = prev.speaker, prev.mention
                if c.source is None and prev.source is not None and prev.source.scope in ("statement", "speaker"):
                    c.source = attrs.evolve(prev.source, scope="speaker")
            elif c.mention is not None:
                c.speaker = self.resolver.resolve(c.mention, c.sentence, history)
            if c.speaker is None:
                continue
            history.append(c.speaker)
            spoken.append((c.anchor if not c.inherit else c.start, c))
            out.append(c)
        records = []
        resolved_src: dict[int, SourceMention | None] = {}
        for c in sorted(out, key=lambda c: c.start):
            src = self.scopes.assign(c.start, c.sentence, c.paragraph, self._speaker_key(c), self._own_source(c))
            resolved_src[id(c)] = src
            records.append(self._record(c, src))
        for c, first in self._repeats(out):
            records.append(self._record(c, resolved_src.get(id(first))))
        records.sort(key=lambda r: (r.start, r.end))
        return self._dedupe(records)

    @staticmethod
    def _speaker_key(c: Candidate) -> object:
        sp = c.speaker
        if sp is None:
            return None
        return id(sp.entity) if sp.entity is not None else sp.name

    @staticmethod
    def _own_source(c: Candidate) -> SourceMention | None:
        """The statement's own source; an outlet speaking for itself is its own source."""
        if c.source is None and c.self_source and c.speaker is not None and c.speaker.name:
            span = (c.mention.start, c.mention.end) if c.mention else (c.start, c.end)
            return SourceMention(c.speaker.name, span[0], span[1], "statement")
        return c.source

    @staticmethod
    def _record(c: Candidate, src: SourceMention | None) -> Record:
        return Record(c.start, c.end, c.kind, c.rule, c.confidence, c.speaker,
                      (c.mention.start, c.mention.end) if c.mention else None, c.cue, src)

    def _dedupe(self, records: list[Record]) -> list[Record]:
        out: list[Record] = []
        for r in records:
            if out and r.start < out[-1].end:
                if r.confidence > out[-1].confidence:
                    out[-1] = r
                continue
            out.append(r)
        return out

    @staticmethod
    def _previous(spoken: list[tuple[int, Candidate]], c: Candidate) -> Candidate | None:
        """The statement a follow-on quote continues: the last one before it, in
        its own or the previous paragraph."""
        for pos, cand in reversed(spoken):
            if pos <= c.start:
                return cand if cand.paragraph >= c.paragraph - 1 else None
        return None

    def _follow_on(self, kept: list[Candidate]) -> list[Candidate]:
        """Quoted sentences with no cue of their own, right after an attributed statement."""
        out: list[Candidate] = []
        taken = _Coverage()
        for c in kept:
            taken.add(c.start, c.end)
        anchors = sorted(c.end for c in kept)
        for q in self.quotes:
            if taken.overlaps(q.start, q.end):
                continue
            if self._is_term(q) or q.end - q.start < 12:
                continue
            si = self.sentence_at(q.outer_start)
            sent = self.sentences[si]
            # the quote must be its own sentence(s): only punctuation around it
            before = self.text[sent.start:q.outer_start].strip(" –—-")
            if before and not (q.open_mark is None):
                continue
            after_si = self.sentence_at(max(q.outer_end - 1, q.start))
            tail = self.text[q.outer_end:self.sentences[after_si].end].strip()
            if tail and any(ch.isalnum() for ch in tail):
                continue
            k = bisect_right(anchors, q.start)
            if k == 0:
                continue
            out.append(Candidate(q.start, q.end, "direct", "follow-on", 0.5, q.start, si, sent.paragraph,
                                 None, None, None, inherit=True))
        return out

    def _repeats(self, done: list[Candidate]) -> list[tuple[Candidate, Candidate]]:
        """A quote repeated verbatim (sapo, caption) takes the first one's speaker and source."""
        by_text = {fold(self.text[c.start:c.end]): c for c in done if c.kind == "direct"}
        out = []
        taken = _Coverage()
        for c in done:
            taken.add(c.start, c.end)
        for q in self.quotes:
            if taken.overlaps(q.start, q.end):
                continue
            first = by_text.get(fold(self.text[q.start:q.end]))
            if first is None or first.start == q.start or self._is_term(q) or q.end - q.start < 20:
                continue
            out.append((Candidate(q.start, q.end, "direct", "repeat", 0.5, q.start, self.sentence_at(q.start),
                                  self.sentences[self.sentence_at(q.start)].paragraph, first.mention, None,
                                  first.source, speaker=first.speaker), first))
        return out
