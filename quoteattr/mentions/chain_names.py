"""Which ends of a title chain may give a name: a pre-test before the chain's parse.

The name scan parses a title chain (``Bộ trưởng Ngoại giao Vương Nghị``) at each end where a
name might close it (:func:`.titles.name_ends`); most ends give none.  :class:`ChainNameTest`
reads only the word before an end and the links before it, and lets through every end whose
chain :func:`.titles.titled_mention` names, so the scan parses only those.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial

from ..lexicon import CompiledLexicon
from ..tokens import KEY, TEXT, Token, make_token
from .model import WordMemo, is_acronym
from .names import NAME_PARTICLES, certain_name, split_name, unit
from .titles import COMPLEMENT_LINKS

__all__ = ["ChainNameTest", "runs_on"]


def runs_on(tok: Token) -> bool:
    """Does a name run take in ``tok`` as a capital (:func:`.names.name_run`: "Theo" it does not)?"""
    first = tok[TEXT][0]
    return first.isupper() and first.isalpha() and tok[TEXT] != "Theo"


def _holds(matcher, tok: Token) -> bool:
    """Is ``tok`` a word of one of ``matcher``'s phrases?"""
    return (tok[TEXT] if matcher.case_sensitive else tok[KEY]) in matcher.words


def _lone_name(lex: CompiledLexicon, text: str) -> bool:
    """May a word with this text alone be a name (:func:`.names.split_name` of a run of one
    capital; no acronym)?  Reads only the word (a token's key is its text case-folded)."""
    tok = make_token(0, len(text), text)
    return not is_acronym(tok) and split_name(lex, (tok,), 0, 1) is not None


@lru_cache(maxsize=8)
def _lone_names(lex: CompiledLexicon) -> WordMemo:
    """The memo of :func:`_lone_name` for ``lex``: an lru_cache on the immutable compiled lexicon."""
    return WordMemo(partial(_lone_name, lex), limit=1 << 14)


class ChainNameTest:
    """Which ends ``b`` of a title chain from ``toks[r]`` (or from a later word) may give a
    mention with a name: a test that lets through every end :func:`.titles.titled_mention` names,
    reading the word before ``b`` and the links before it, not the chain's steps.

    A chain's name comes from four steps (:class:`.titles._Chain`), and each needs ``toks[r:b]`` to
    end in a run of capitals (:func:`.names.name_run`) that holds it, or a link before it:
    an honorific's name (an honorific word just before a capital of the run), a place's name
    (a family name reading of two words or more, after a place prefix), the chain's last run
    (its person-name tail, :func:`.names.split_name`), or an inner name (a certain name
    before a complement link "của", "tại", …, which :func:`.titles.name_ends` marks as ``linked``).
    Where the run is one capital, only a lone name can end the chain there.  A longer run is
    let through untested (trying its starts cost as much as the parses it saved).
    ``person``: only a person counts (a title with a doubtful name was found already)."""

    def __init__(self, lex: CompiledLexicon, toks: Sequence[Token], r: int) -> None:
        self.lex, self.toks, self.r = lex, toks, r
        self._links_to = r + 1  # the links before it were looked at
        self._inner = False  # may an inner name lie before ``_links_to``
        self._lone = _lone_names(lex)

    def may_name(self, b: int, person: bool) -> bool:
        """May ``titled_mention`` over ``toks[r:b]`` give a name (``person``: a person's)?"""
        toks = self.toks
        if self._links_to < b and self._may_hold_inner_name(b) or self._inner:
            return True
        last = toks[b - 1]
        first = last[TEXT][0]
        if not (first.isupper() and first.isalpha()) or last[TEXT] == "Theo":  # not runs_on(last)
            return False  # no run of capitals ends the chain
        if b - 2 >= self.r:
            before = toks[b - 2]
            first = before[TEXT][0]
            if (first.isupper() and first.isalpha()) or before[KEY] in NAME_PARTICLES:
                return True  # a run of two capitals or more (untested)
            if _holds(self.lex.honorifics, before):
                return True  # "… bệnh viện ông Hùng"
        # a run of one capital: no place's name (two words at least); the last run's name is the
        # lone word, no person (a certain name has two words), and no name where an organisation's
        # head starts there (its run's name is a family name reading past the head, or it ends
        # inside the head: :meth:`_Chain._capitalised`); nor an acronym's
        if person or not self._lone[last[TEXT]]:
            return False
        return not unit(toks, b - 1, len(toks), self.lex.org_heads)

    def _run_start(self, b: int) -> int:
        """The first word of the run of capitals ending ``toks[r:b]`` (a name particle inside
        needs a capital on each side)."""
        toks, s = self.toks, b - 1
        while s > self.r:
            if runs_on(toks[s - 1]):
                s -= 1
            elif toks[s - 1][KEY] in NAME_PARTICLES and s - 2 >= self.r and runs_on(toks[s - 2]):
                s -= 2
            else:
                break
        return s

    def _may_hold_inner_name(self, b: int) -> bool:
        """May a certain name before a complement link lie in ``toks[r:b - 1]``?  Reads the
        links from where the last call stopped."""
        toks, lex = self.toks, self.lex
        while not self._inner and self._links_to < b:
            q = self._links_to
            self._links_to += 1
            if toks[q][KEY] in COMPLEMENT_LINKS and runs_on(toks[q - 1]):
                s = self._run_start(q)
                self._inner = any(
                    (n := split_name(lex, toks, p, q)) is not None and certain_name(lex, toks, *n)
                    for p in range(s, q) if runs_on(toks[p]) and (p == s or _enters_after_title(lex, toks, p, s)))
        return self._inner


def _enters_after_title(lex: CompiledLexicon, toks: Sequence[Token], p: int, s: int) -> bool:
    """May a title phrase end just before ``toks[p]``, inside the run of capitals from ``toks[s]``
    (or before a name particle there, which the walk steps over as a plain word)?"""
    titles = lex.titles
    return _holds(titles, toks[p - 1]) or (
        toks[p - 1][KEY] in NAME_PARTICLES and p - 2 >= s and _holds(titles, toks[p - 2]))
