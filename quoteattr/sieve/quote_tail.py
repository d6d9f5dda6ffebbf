"""A closed quote followed by a speaker and a short verb phrase: ``“…”, chị Sương nghẹn giọng.``

The verb need not be in the cue lexicon: a person (or pronoun, description,
title) and one to four words after a closed quote of three words or more make
it a statement.  Runs after the sentence passes, on quotes nobody claimed.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..mentions import Mention
from ..tokens import END, KEY, START, TEXT, Token, is_word
from .candidate import Candidate
from .claims import Claims
from .view import CLOSE_MARKS, OPEN_MARKS, ArticleView

__all__ = ["propose_quote_tails"]

_TAIL_SPEAKERS = ("person", "pronoun", "anaphor", "title")
# words of the verb phrase after the speaker
_MAX_TAIL = 4


def propose_quote_tails(view: ArticleView, claims: Claims) -> None:
    toks = view.toks
    for q in view.quotes:
        if q.close_mark is None or claims.claimed(q):
            continue
        si = view.sentence_at(q.close_mark)
        lo, hi = view.sent_tokens[si]
        k = view.tok_range(q.close_mark + 1, q.close_mark + 2)[0]
        while k < hi and toks[k][TEXT] in (",", "-", "–", "—") or (k < hi and toks[k][TEXT] in CLOSE_MARKS):
            k += 1
        if k >= hi or toks[k][START] <= q.close_mark:
            continue
        end = k
        while end < min(hi, k + 14) and toks[end][TEXT] not in (".", "!", "?", "…", ";") and toks[end][KEY] not in (
                "và", "rồi"):
            end += 1
        # the cheap tests first; each only skips the quote, so their order changes nothing
        if len(view.text[q.start:q.end].split(None, 2)) < 3:  # three parts at most: no long list
            continue  # a quoted word is a term, not a statement
        if view.outlets.at(toks, k, end) is not None:
            continue  # "'…' - VnExpress Thể thao": the page title's credit, not a speaker and a verb
        m = _speaker_at(view, k, _tail_start(toks, k, end), end)
        if m is None or m.kind not in _TAIL_SPEAKERS:
            continue
        tail = [t for t in toks[m.tok_end:end] if is_word(t)]
        if not 1 <= len(tail) <= _MAX_TAIL or any(t[TEXT] in OPEN_MARKS for t in toks[m.tok_end:end]):
            continue
        verb_start = m.tok_end
        while verb_start < end and (adv := view.lex.adverbs.match(toks, verb_start, end)):
            verb_start += adv[0]
        if verb_start >= end:
            continue
        claims.add(Candidate(q.start, q.end, "direct", "quote-first", 0.7, m.start, si, view.paragraph_of(si),
                             m, (toks[verb_start][START], toks[end - 1][END])))


def _tail_start(toks: Sequence[Token], k: int, end: int) -> int:
    """The lowest mention end past ``k`` that leaves at most four words of tail before ``end``.
    A longer mention than any ending there would leave more, and the quote is skipped either
    way: when the longest mention ends lower, none ends in ``[_tail_start, end)``."""
    words = 0
    b = end
    while b - 1 > k:
        if toks[b - 1][TEXT][0].isalnum():  # is_word(), inline
            if words == _MAX_TAIL:
                break
            words += 1
        b -= 1
    return b


def _speaker_at(view: ArticleView, k: int, lowest: int, end: int) -> Mention | None:
    """The longest mention from ``k`` that leaves at least one word before ``end``, ending at
    ``lowest`` or after."""
    for b in range(end - 1, max(k, lowest - 1), -1):
        m = view.parser.parse(view.toks, k, b)
        if m is not None:
            return m
    return None
