"""Articles, paragraphs, sentences and quoted spans of a normalised text.

Quote marks arrive curly, straight, German (``„…“``), French (``«…»``),
single or double, nested, unclosed or never opened.  :func:`find_quotes`
pairs them by position (a mark after a space opens, a mark before a space
or punctuation closes) before identity, so sloppy marks still pair; where
the position does not decide (a word on both sides: ``n"ông``), a curly mark
follows its shape and a straight one toggles — it closes the open quote of
its family, or opens one (docs/how-it-works.md states the rule); a quote
left open at a paragraph end either continues into a later paragraph that
closes it, or ends with its paragraph.  Nothing here raises on messy input.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import re

import attrs
import regex

from .glued_sentences import OutletNames, glue_cuts

__all__ = [
    "Segment", "Paragraph", "Sentence", "Quote", "ARTICLE_BREAK",
    "find_articles", "find_paragraphs", "find_sentences", "find_quotes", "QUOTE_MARKS", "OPEN_MARKS", "CLOSE_MARKS",
]

#: Characters that separate two articles in one string: nothing is carried across them.
ARTICLE_BREAK = "\f\x1e"

# quote-mark families: which closer may end which opener
_FAMILY = {
    "“": "double", "”": "double", '"': "double", "„": "double", "‟": "double",
    "〝": "double", "〞": "double", "❝": "double", "❞": "double",
    "‘": "single", "’": "single", "'": "single", "‚": "single", "‛": "single",
    "«": "angle", "»": "angle", "‹": "angle", "›": "angle",
    "「": "corner", "」": "corner", "『": "corner", "』": "corner",
}
QUOTE_MARKS = "".join(_FAMILY)
#: Marks that may open / close a quote as a token beside a speaker or cue (a straight mark
#: either way; "“" also closes a „German-style“ quote), for the passes that look around quotes.
OPEN_MARKS = frozenset("“„‟‘‚«‹「『\"'")
CLOSE_MARKS = frozenset("”’»›」』\"'“")
_OPENERS = set("“„‟〝❝‘‚‛«‹「『")
_CLOSERS = set("”〞❞’»›」』")
_PLAIN_DOUBLE = frozenset('"“”')  # the double marks of Vietnamese news, none of them nesting
# a class of plain characters: the standard library scans it faster than the regex module
_QUOTE_RE = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
_LEFT_CONTEXT = set(" \n\t([{—–-/:;,") | _OPENERS | set('"\'')
_RIGHT_CONTEXT = set(" \n\t)]}.,;:!?…—–-/") | _CLOSERS | set('"\'')


@attrs.frozen(slots=True)
class Segment:
    start: int
    end: int


@attrs.frozen(slots=True)
class Paragraph:
    start: int
    end: int
    index: int


@attrs.frozen(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@attrs.frozen(slots=True)
class Quote:
    """Content of a quoted span (marks excluded, spaces trimmed).

    ``open_mark``/``close_mark`` are the positions of the marks, ``None``
    where the author never opened or never closed the quote.
    """

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    paragraphs: int = 1

    @property
    def outer_start(self) -> int:
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


_ARTICLE_BREAK_RE = re.compile(f"[{ARTICLE_BREAK}]")


def find_articles(text: str) -> list[Segment]:
    """Stretches between article breaks (form feed or record separator)."""
    if "\f" not in text and "\x1e" not in text:  # most texts: one article (str's own search is fastest)
        return [Segment(0, len(text))]
    out, pos = [], 0
    for m in _ARTICLE_BREAK_RE.finditer(text):
        out.append(Segment(pos, m.start()))
        pos = m.end()
    out.append(Segment(pos, len(text)))
    return out


_TERMINAL = set(".!?…:;\"”’»)]")
# a line ending in one of these words was cut mid-sentence by the scraper
_UNFINISHED = {"của", "với", "và", "là", "các", "những", "trên", "tại", "theo", "từ", "về", "cho", "bởi",
               "rằng", "khi", "như", "hoặc", "hay", "nhưng", "mà", "thì", "để", "do", "vì", "nên", "ở"}


# a line: plain characters only, which the standard library scans faster
_LINE = re.compile(r"[^\n\f\x1e]+")


def find_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Non-blank lines, trimmed; a line that starts in lower case or with
    punctuation continues the line before it unless that one ended a sentence
    (scraped text breaks lines inside sentences: "phóng viên \nnews.com.au")."""
    end = len(text) if end is None else end
    spans: list[list[int]] = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if spans and "\f" not in text[spans[-1][1]:s] and "\x1e" not in text[spans[-1][1]:s] and (
                text[spans[-1][1] - 1] not in _TERMINAL) and (
                text[s].islower() or text[s] in ".,;…" or _last_word(text, spans[-1][1]) in _UNFINISHED):
            spans[-1][1] = e
        else:
            spans.append([s, e])
    return [Paragraph(s, e, i) for i, (s, e) in enumerate(spans)]


# the last run of word characters, read backwards from the end: the group of the leftmost match
# of r"(\w+)\W*$", which the forward search found only after trying (and backtracking from) every
# start of the window, ten times the work
_LAST_WORD = regex.compile(r"(?r)\w+")


def _last_word(text: str, end: int) -> str:
    # no part looks behind, so pos reads as the slice's start
    m = _LAST_WORD.search(text, end - 30 if end > 30 else 0, end)
    return m.group().casefold() if m else ""


# A sentence ends at . ! ? … (runs allowed), after any closing quotes or
# brackets, before white space and something that can start a sentence.
_BOUNDARY = regex.compile(
    r"""
    (?<![.!?…])(?P<punct>[.!?…]++)(?P<close>[”"’'»›“‘」』)\]]*+)
    (?:
        (?P<space>\s+)(?=[\p{Lu}\p{N}“"‘'«„‚‟‹「『(\[–—-])
      | (?<=[\p{Ll}][?!.]+)(?=\p{Lu}\p{Ll})      # "chưa?.Trong": no space after
    )
    """,
    regex.VERBOSE,
)
_WORD_BEFORE = regex.compile(r"([\p{L}\p{N}.]+)$")
# the same word read backwards from its end: one match, where the search above tries every start
# of the window.  It differs only where "$" matches before a final "\n", which the search keeps.
_WORD_BEFORE_REVERSED = regex.compile(r"(?r)[\p{L}\p{N}.]+")


def find_sentences(text: str, paragraphs: Sequence[Paragraph], abbreviations: frozenset[str],
                   outlets: OutletNames | None = None) -> list[Sentence]:
    """Sentences of each paragraph; a dot after an abbreviation or an initial does not end one.

    One-line bodies glue blocks together; a photo credit and a quote glued to
    a full stop end a sentence too (:func:`~.glued_sentences.glue_cuts`); a credit naming one of
    ``outlets`` ends with the outlet's name ("Ảnh: Reuters Adva Adar, …").
    """
    out: list[Sentence] = []
    for para in paragraphs:
        cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
        for m in _BOUNDARY.finditer(text, para.start, para.end):
            punct = m.group("punct")
            if punct == ".":
                at = m.start()
                window = at - 20 if at - 20 > para.start else para.start  # max() written out: it costs more
                before = _WORD_BEFORE_REVERSED.match(text, window, at) if text[at - 1] != "\n" else (
                    _WORD_BEFORE.search(text, window, at))
                word = before.group().casefold() if before else ""
                if word.rstrip(".") in abbreviations or (
                    len(word) == 1 and text[m.start() - 1].isupper()
                ):
                    continue
            cuts.append((m.end("close"), m.end()))
        cuts.extend((c, c) for c in glue_cuts(text, para, abbreviations, outlets))
        s = para.start
        for cut, nxt in sorted(cuts):
            if cut <= s:
                continue
            e = cut
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(s, e, para.index))
            s = nxt
            while s < para.end and text[s].isspace():
                s += 1
        if s < para.end:
            out.append(Sentence(s, para.end, para.index))
    return out


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'apostrophe' for the mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in "'’" and prev.isalnum() and nxt.isalnum():
        return "apostrophe"
    left = prev in _LEFT_CONTEXT or prev.isspace()
    right = nxt in _RIGHT_CONTEXT or nxt.isspace()
    if left and not right:
        return "open"
    if right and (not left or prev == ","):
        return "close"  # a comma then a space: "…,” ông nói", as a quote ends before its cue
    if ch in _OPENERS:
        return "open"
    if ch in _CLOSERS:
        return "close"
    return "toggle"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quotes(text: str, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence],
                *, max_paragraphs: int = 8) -> list[Quote]:
    """Outermost quoted spans, in order, never overlapping."""
    pairing = _QuotePairing(text, paragraphs, sentences, max_paragraphs)
    for p_index, para in enumerate(paragraphs):
        pairing.paragraph(p_index, para)
    return pairing.quotes


class _QuotePairing:
    """The marks of an article paired paragraph by paragraph; an opener left unclosed at a
    paragraph end is carried (``pending``) until a later paragraph closes it or it ends."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph], sentences: Sequence[Sentence],
                 max_paragraphs: int) -> None:
        self.text, self.paragraphs, self.sentences = text, paragraphs, sentences
        self.max_paragraphs = max_paragraphs
        self.quotes: list[Quote] = []
        self.pending: tuple[int, str, int] | None = None  # unclosed opener carried over: (pos, family, paragraph)
        self.sent_starts = [s.start for s in sentences]

    def orphan_start(self, pos: int, para: Paragraph) -> int:
        """Where a quote that was closed but never opened begins: after the
        previous quote of its paragraph and the rest of that quote's sentence;
        with no previous quote, at the start of the closing mark's sentence."""
        quotes, sentences = self.quotes, self.sentences
        if quotes and quotes[-1].outer_end > para.start:
            k = bisect_left(self.sent_starts, quotes[-1].outer_end)
        else:
            k = bisect_right(self.sent_starts, pos) - 1
        return sentences[k].start if 0 <= k < len(sentences) and sentences[k].start < pos else para.start

    def emit(self, open_pos: int | None, close_pos: int | None, content_start: int, content_end: int,
             n_par: int) -> None:
        s, e = _trim(self.text, content_start, content_end)
        if s < e and (not self.quotes or self.quotes[-1].end <= s):
            self.quotes.append(Quote(s, e, open_pos, close_pos, n_par))

    def paragraph(self, p_index: int, para: Paragraph) -> None:
        text, emit = self.text, self.emit
        stack: list[tuple[int, str]] = []
        inner: list[tuple[int, int]] = []  # closed pairs nested inside the outermost opener
        for i in (m.start() for m in _QUOTE_RE.finditer(text, para.start, para.end)):
            role = _role(text, i)
            if role == "apostrophe":
                continue
            fam = _FAMILY[text[i]]
            if role == "open" and len(stack) == 1 and _reopens(text, stack[0][0], i):
                emit(stack[0][0], None, stack[0][0] + 1, i, 1)
                stack[0] = (i, fam)
                inner.clear()
                continue
            if self.pending is not None and not stack and self._continues_pending(p_index, para, i, role, fam):
                continue
            # where the position says "open", a closer's shape (”) does not close: its shape
            # decides only where the position does not (docs/how-it-works.md)
            if role == "close" or (role == "toggle" and stack and stack[-1][1] == fam):
                self._close(stack, inner, para, i, fam)
            else:
                stack.append((i, fam))
        self._paragraph_end(p_index, para, stack, inner)

    def _continues_pending(self, p_index: int, para: Paragraph, i: int, role: str, fam: str) -> bool:
        """The carried opener meets the mark at ``i``: closed by it (True: the mark is used),
        or ended with its paragraph when this paragraph re-opens."""
        assert self.pending is not None
        p_pos, p_fam, p_par = self.pending
        if fam == p_fam and role in ("close", "toggle"):
            self.emit(p_pos, i, p_pos + 1, i, p_index - p_par + 1)
            self.pending = None
            return True
        if fam == p_fam and role == "open" and i == para.start:
            # next paragraph re-opens: the carried quote ended with its paragraph
            self.emit(p_pos, None, p_pos + 1, self.paragraphs[p_index - 1].end, p_index - p_par)
            self.pending = None
        return False

    def _close(self, stack: list[tuple[int, str]], inner: list[tuple[int, int]], para: Paragraph, i: int,
               fam: str) -> None:
        """Close the innermost opener of ``fam``; a closer nothing opened starts with its sentence."""
        k = len(stack) - 1
        while k >= 0 and stack[k][1] != fam:
            k -= 1
        if k < 0:
            if self.pending is None:
                self.emit(None, i, self.orphan_start(i, para), i, 1)  # never opened
            return
        o_pos, _ = stack[k]
        del stack[k:]
        if k == 0:
            self.emit(o_pos, i, o_pos + 1, i, 1)
            inner.clear()
        else:
            inner.append((o_pos, i))

    def _paragraph_end(self, p_index: int, para: Paragraph, stack: list[tuple[int, str]],
                       inner: list[tuple[int, int]]) -> None:
        """An opener still open is carried on, or its quote ends here when no later
        paragraph within reach closes it."""
        text, paragraphs = self.text, self.paragraphs
        if stack:
            o_pos, fam = stack[0]
            if self.pending is None:
                if inner and _FAMILY.get(text[inner[-1][1]]) == fam and inner[-1][0] > o_pos:
                    # "“A … “B.” C": the second opener was a typo for nothing; close at the last mark
                    self.emit(o_pos, inner[-1][1], o_pos + 1, inner[-1][1], 1)
                else:
                    self.pending = (o_pos, fam, p_index)
        if self.pending is not None:
            p_pos, p_fam, p_par = self.pending
            last_para = p_index + 1 >= len(paragraphs)
            if last_para or p_index - p_par + 1 >= self.max_paragraphs or not _closes_later(
                text, paragraphs, p_index + 1, p_fam, p_par + self.max_paragraphs
            ):
                self.emit(p_pos, None, p_pos + 1, para.end if p_par == p_index else paragraphs[p_par].end,
                          1 if p_par == p_index else p_index - p_par + 1)
                self.pending = None


def _reopens(text: str, open_pos: int, i: int) -> bool:
    """Double quotes do not nest (inner quotes are single): a second ``"``, ``“`` or ``”``
    opening a sentence while one is open (``"A … đột biến. "Tuy nhiên …", ông nói``)
    closes the first there, whichever of them each one is (the position decides,
    not the shape: ``"A. “B”`` as ``“A. “B”``)."""
    if text[open_pos] not in _PLAIN_DOUBLE or text[i] not in _PLAIN_DOUBLE:
        return False
    k = i
    while k > open_pos and text[k - 1].isspace():
        k -= 1
    return k < i and text[k - 1] in ".!?…" and i + 1 < len(text) and text[i + 1].isupper()


def _closes_later(text: str, paragraphs: Sequence[Paragraph], first: int, fam: str, limit: int) -> bool:
    """Does a later paragraph (before ``limit``) close a quote it never opened?"""
    for p in paragraphs[first:limit]:
        depth = 0
        for m in _QUOTE_RE.finditer(text, p.start, p.end):
            if _FAMILY[m.group()] != fam:
                continue
            role = _role(text, m.start())
            if role == "apostrophe":
                continue
            if role == "open" and m.start() == p.start:
                return False  # re-opened: English multi-paragraph style
            if role == "open":
                depth += 1
            elif role == "close" or (role == "toggle" and depth > 0):
                if depth == 0:
                    return True
                depth -= 1
            else:  # a toggle at depth 0 closes the carried quote
                return True
    return False
