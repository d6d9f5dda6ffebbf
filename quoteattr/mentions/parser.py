"""The mention grammar, driven by the compiled lexicons: one object the passes ask."""
from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import CompiledLexicon
from ..tokens import KEY, TEXT, Token
from .appositives import subject_before
from .grammar import SEPARATORS, _barrier_keys, _may_start, _phrase_starts, no_mention_across, parse_mention
from .model import GENDER_WORDS, Mention
from .names import certain_name, name_run, split_name
from .titles import name_ends

__all__ = ["MentionParser"]

_TIME_WORDS = ("ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm", "tháng")
# parses remembered for one token sequence at most: bounds the memory of an endless article
_MEMO_SIZE = 2048


class MentionParser:
    """Mention grammar over tokens; ``max_tokens`` bounds the length of one mention."""

    def __init__(self, lex: CompiledLexicon, max_tokens: int = 24) -> None:
        self.lex = lex
        self.max_tokens = max_tokens
        # the parses of the token sequence asked about last, by (k, b); see :meth:`parse`
        self._memo: tuple[Sequence[Token] | None, dict[tuple[int, int], Mention | None]] = (None, {})

    def parse(self, toks: Sequence[Token], k: int, b: int) -> Mention | None:
        """``toks[k:b]`` as one whole mention, or ``None``.

        Memoised for the token sequence asked about last (a new one starts a new memo): the
        subject search, the appositive chain and the entity registry parse many of the same
        spans of an article, and :func:`.grammar.parse_mention` is a pure function of the
        immutable lexicon, the tokens (never edited once built) and ``(k, b)``.  The memo and
        its sequence are read and swapped as one tuple, so one shared by threads never holds
        another sequence's parse; it is emptied past ``_MEMO_SIZE`` entries."""
        seq, memo = self._memo
        if seq is not toks:
            memo = {}
            self._memo = (toks, memo)
        key = (k, b)
        if key in memo:
            return memo[key]
        m = parse_mention(self.lex, toks, k, b, self.max_tokens)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = m
        return m

    def may_start(self, tok: Token) -> bool:
        """May a mention start at ``tok``?  Where not, :meth:`parse` answers ``None`` for every
        end (:func:`.grammar.parse_mention`'s first test), so a search over ends from there need
        not parse any."""
        return _may_start(self.lex, tok) or tok[KEY] == "cả"

    def forget(self) -> None:
        """Drop the remembered parses and the token sequence they hold: called when an article
        (or a window of one) is done, so its tokens are not kept alive into the next one."""
        self._memo = (None, {})

    def name_run(self, toks: Sequence[Token], i: int, b: int) -> int:
        """Length of the run of capitalised words starting at ``i``."""
        return name_run(toks, i, b, self.max_tokens)

    def person_ends(self, toks: Sequence[Token], k: int, stop: int) -> list[int]:
        """The ends ``b`` in ``(k, stop]`` for which ``parse(toks, k, b)`` may be a person, or a
        title with a name: an honorific's name, a bare capitalised run and a lone head word
        end on a capitalised ``toks[b - 1]`` (:func:`.names.name_run`), and so does a title
        chain's name, unless it is an inner name; none of these runs past a comma or a colon
        (:func:`.titles.name_ends`).  A search for a person over every end tries only these."""
        return list(name_ends(self.lex, toks, k, stop))

    def split_name(self, toks: Sequence[Token], i: int, j: int, family_only: bool = False) -> tuple[int, int] | None:
        """The person name at the end of capitalised run ``toks[i:j]``."""
        return split_name(self.lex, toks, i, j, family_only)

    def certain_name(self, toks: Sequence[Token], i: int, j: int) -> bool:
        """Is ``toks[i:j]`` surely a person's name (not a capitalised common word)?"""
        return certain_name(self.lex, toks, i, j)

    def skip_adverbs_back(self, toks: Sequence[Token], lo: int, j: int) -> int:
        """Move ``j`` left over adverbs, time expressions and a parenthesis."""
        while j > lo:
            m = self.lex.adverbs.match_ending(toks, j, lo)
            if m:
                j -= m[0]
                continue
            t = toks[j - 1]
            if t[TEXT][:1].isdigit() and j - 2 >= lo and toks[j - 2][KEY] in _TIME_WORDS:
                j -= 2
                continue
            break
        return j

    def best_suffix(self, toks: Sequence[Token], a: int, b: int) -> Mention | None:
        """The longest tail of ``toks[a:b]`` that is a whole mention."""
        lex = self.lex
        a = max(a, b - self.max_tokens)
        barriers = _barrier_keys(lex)  # no_mention_across's first test, read here: most words fail it
        keys, texts = _phrase_starts(lex)  # _may_start's last test, read here for a lowercase word
        # one walk from the right: the starts a mention may have, up to the first word no mention
        # to ``b`` holds (no start before it gives one, nor does it: no recogniser starts there)
        starts = []
        for k in range(b - 1, a - 1, -1):
            tok = toks[k]
            first = tok[TEXT][0]
            if first.isalpha():
                if first.isupper():
                    starts.append(k)
                    continue
                key = tok[KEY]
                if key in barriers and k < b - 1 and no_mention_across(lex, toks, k):
                    break
                if key in keys or tok[TEXT] in texts or key in GENDER_WORDS or key == "cả":
                    starts.append(k)  # else parse_mention answers None (its first test): not asked
            elif first.isalnum() and self.may_start(tok):
                starts.append(k)  # a number a mention may start with; no word ("(", a mark) starts one
        for k in reversed(starts):
            m = self.parse(toks, k, b)
            if m is not None:
                return m
        return None

    def end_bound(self, toks: Sequence[Token], k: int, stop: int) -> int:
        """The highest end ``b <= stop`` for which ``parse(toks, k, b)`` may be a mention: every
        end past ``q + 1``, for the first ``q > k`` that :func:`.grammar.no_mention_across` holds
        for, parses to ``None``."""
        lex = self.lex
        barriers = _barrier_keys(lex)  # no_mention_across's first test, read here: most words fail it
        for q in range(k + 1, stop - 1):
            if toks[q][KEY] in barriers and no_mention_across(lex, toks, q):
                return q + 1
        return stop

    def subject_before(self, toks: Sequence[Token], lo: int, j: int) -> Mention | None:
        """The speaker mention ending just before ``toks[j]`` (a cue), searching no
        further left than ``lo``; follows appositive chains (:mod:`.appositives`)."""
        return subject_before(self, toks, lo, j)

    def mention_after(self, toks: Sequence[Token], i: int, stop: int) -> Mention | None:
        """The longest mention starting at ``toks[i]`` (for "Theo X, …", "dẫn lời Y")."""
        for b in range(self.end_bound(toks, i, min(stop, i + self.max_tokens)), i, -1):
            if toks[b - 1][TEXT] in SEPARATORS:
                continue
            m = self.parse(toks, i, b)
            if m is not None:
                return m
        return None
