"""The article's credit line (``(theo Sputnik)``, ``Vũ Hoàng (Theo Reuters)``, ``Nguồn: VnEconomy``)
and where its body ends (page furniture such as ``TIN LIÊN QUAN`` is not covered by the credit)."""
from __future__ import annotations

from collections.abc import Sequence

import regex

from .lexicon import CompiledLexicon
from .segment import Paragraph
from .sources import OutletFinder, SourceMention
from .text import NormalizedText, fold_working
from .tokens import END, KEY, START, TEXT, _spelling, is_word, tokenize

__all__ = ["body_end", "find_article_credit"]


# The shapes of a credit line, tried in turn: one line can fit several ("Theo Phương Dung
# (Dân Trí)" reads as author + "(marker outlet)" before it reads as marker + author + "(outlet)").
_CREDIT_FORMS = tuple(regex.compile(p) for p in (
    r"^\(?\s*(?P<m>\p{L}[\p{L} ]{0,20}?)\s*:?\s+(?P<x>[^()\n]{2,60}?)\s*\)?\s*\.?$",  # (Theo Reuters)
    r"^(?P<author>[^()\n]{2,40}?)\s*\(\s*(?P<m>\p{L}[\p{L} ]{0,20}?)\s*:?\s+(?P<x>[^()\n]{2,60}?)\s*\)\s*\.?$",
    r"^(?P<m>\p{L}[\p{L} ]{0,20}?)\s+(?P<author>[^()\n]{2,40}?)\s*\(\s*(?P<x>[^()\n]{2,60}?)\s*\)\s*\.?$",
))


# Where the marker of forms 0 and 2 must start: its first word is the line's first (after an
# opening parenthesis); form 1's follows a parenthesis inside the line.
_LEADING_WORD = regex.compile(r"\(?\s*(\p{L}+)")


def _may_hold_credit(line: str, marker_starts: frozenset[str]) -> bool:
    """Whether one of ``_CREDIT_FORMS`` can give ``line`` a credit: a marker phrase opens the
    form's ``m`` group, and a line whose first token (of its first word, as the tokenizer reads
    it) opens none, without a parenthesis, has none.  Most short paragraphs (captions, headings,
    one-line statements) are not tried."""
    if "(" in line:
        return True
    first = _LEADING_WORD.match(line)
    if first is None:
        return False
    word = first.group(1)
    # syllables a scraper may have glued ("DịchTheo"): the key of the tokenizer's first one
    key = tokenize(word)[0][KEY] if _spelling(word)[2] else word.casefold()
    return key in marker_starts


# No character's canonical decomposition is longer than this (Unicode 15: U+1F82 and a few more)
_LONGEST_DECOMPOSITION = 4


def body_end(text: str, paragraphs: Sequence[Paragraph], lex: CompiledLexicon) -> int:
    """Where the article body ends: at the first page-furniture heading (``text`` is the working copy)."""
    longest = max(map(len, lex.boilerplate), default=0)
    for p in paragraphs:
        if _too_long_for_heading(text[p.start:p.end], longest):
            continue
        line = fold_working(text, p.start, p.end).rstrip(":")
        if line in lex.boilerplate:
            return p.start
    return paragraphs[-1].end if paragraphs else len(text)


def _too_long_for_heading(line: str, longest: int) -> bool:
    """Can ``line`` not fold to ``longest`` characters or fewer, less its closing colons?  Folding
    keeps every non-space character but NFC's compositions (one out of at most
    ``_LONGEST_DECOMPOSITION``), adds no colon and changes no space into another character; in a
    printable line the space is the only white space.  Most paragraphs are prose, too long to fold
    into a heading, and need not be folded."""
    return line.isprintable() and (
        len(line) - line.count(" ") > _LONGEST_DECOMPOSITION * (longest + line.count(":")))


def find_article_credit(nt: NormalizedText, paragraphs: Sequence[Paragraph], lex: CompiledLexicon,
                        outlets: OutletFinder) -> SourceMention | None:
    """The article-level credit line, searching from the end of the article."""
    text = nt.text
    for p in reversed(paragraphs):
        line = text[p.start:p.end]
        if len(line) > 90 or not _may_hold_credit(line, lex.credit_markers.starts):
            continue
        for form, m in enumerate(f.match(line) for f in _CREDIT_FORMS):
            if not m:
                continue
            mk = tokenize(m.group("m"))
            cm = lex.credit_markers.match(mk, 0)
            if not cm or cm[0] != len(mk):
                continue
            xs, xe = m.span("x")
            toks = tokenize(text, p.start + xs, p.start + xe)
            if not toks:
                continue
            found = outlets.at(toks, 0, len(toks))
            if found is None:
                # an unknown outlet name written as a credit: "(theo Avia Pro)"
                if all(t[TEXT][:1].isupper() or not is_word(t) for t in toks) and len(toks) <= 5 and not lex.honorifics.match(toks, 0):
                    found = (len(toks), nt.spelling(toks[0][START], toks[-1][END]))
            if found is None:
                continue
            n, name = found
            if n != len(toks) and form != 0:
                continue
            return SourceMention(name, toks[0][START], toks[n - 1][END], "article")
    return None
