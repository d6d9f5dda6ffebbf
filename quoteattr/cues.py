"""Reporting expressions in a sentence, found with the cue lexicon.

A cue is the lexicon phrase plus the words that join it: a negation before
(``không cho rằng``) and a continuation after (``cho biết thêm``).  Phrases
of class ``block`` ("nói chung", "theo dõi") are matched so that they hide
the shorter cue inside them, and are not returned.
"""
from __future__ import annotations

from collections.abc import Sequence

import attrs

from .lexicon import CompiledLexicon, CueEntry
from .tokens import END, KEY, START, TEXT, Token

__all__ = ["Cue", "find_cues"]

# after these a capital letter starts a sentence-like unit, so a capitalised cue is still a cue
_OPENERS = {":", "“", '"', "‘", "'", "«", "(", "-", "–", "—", ";", ".", "!", "?", "…"}


@attrs.frozen(slots=True)
class Cue:
    """A cue: token range ``[tok_start, tok_end)`` and the lexicon phrase inside it."""

    tok_start: int
    tok_end: int
    head_start: int
    head_end: int
    entry: CueEntry
    start: int
    end: int

    @property
    def cls(self) -> str:
        return self.entry.cls


def find_cues(tokens: Sequence[Token], start: int, stop: int, lex: CompiledLexicon, *,
              keys: Sequence[str] | None = None) -> list[Cue]:
    """Cues among ``tokens[start:stop]`` (one sentence), left to right.  ``keys``: the keys of
    all ``tokens``, when the caller has them (read once for a whole article)."""
    out: list[Cue] = []
    found = lex.cues.find_all(tokens, start, stop, keys_of_all=None if lex.cues.case_sensitive else keys)
    for i, n, entry in found:
        cls = entry.cls  # read once: each test below asks for it
        if cls == "block":
            unblocked = _cue_before_adverb(tokens, i, n, stop, lex)
            if unblocked is None:
                continue
            n, entry = unblocked
            cls = entry.cls
        if i > start and tokens[i][TEXT][:1].isupper() and tokens[i - 1][TEXT] not in _OPENERS:
            continue  # "TS Lê Viết Khuyến", "Trung tâm Dự báo …": part of a name

        s, e = i, i + n
        if entry.takes == "marked" and e < stop and tokens[e][TEXT][:1].isdigit():
            continue  # "trả lời 30 cuộc gọi", "đăng 2 bài": a counted object, the verb's other sense
        if cls in _VERBAL and _noun_marked(tokens, s, e, start, stop, lex):
            continue  # "những tuyên bố", "đưa ra cáo buộc": a noun, not a reporting verb
        if cls in _SAYING and lex.modals.match_ending(tokens, s, start):
            continue  # "người dân cần lưu ý …": needed, not said
        if cls == "speech" and _ability(tokens, s, e, start, stop):
            continue  # "không chỉ nêu ra được …", "chưa giải thích được": what one can state, not a statement
        before = lex.cue_before.match_ending(tokens, s, start)
        if before and cls not in _NO_NEGATION:
            s -= before[0]
        elif cls in _VERBAL and _emphatic_co(tokens, s, e, start, stop, lex):
            s -= 1  # "A có hứa sẽ …": the emphatic "có" is the verb's, never the subject's
        if cls in _CONTINUED:
            after = lex.cue_after.match(tokens, e, stop)
            if after:  # "nói lại" / "cho biết thêm": but not "nói lại thôi"-style idioms at a clause end
                e += after[0]
        out.append(Cue(s, e, i, i + n, entry, tokens[s][START], tokens[e - 1][END]))
    return out


# the classes each test of find_cues applies to
_VERBAL = frozenset(("speech", "directive", "commit", "report"))  # may be a noun after a marker
_SAYING = frozenset(("speech", "directive", "commit"))  # a modal before makes them needed, not said
_NO_NEGATION = frozenset(("according", "quoting", "noun", "report"))  # take no negation before
_CONTINUED = frozenset(("speech", "report"))  # take a continuation after


# a negation (or "không chỉ") before "V được" makes it an ability: "chưa giải thích được"
_ABILITY_NEGATIONS = frozenset(("không", "chưa", "chẳng", "chỉ"))


def _ability(tokens: Sequence[Token], s: int, e: int, start: int, stop: int) -> bool:
    """"không chỉ nêu ra được …", "chưa giải thích được": a negated cue with the potential
    complement "được" is an ability, not a statement.  Without the negation "được" opens a
    passive content ("Bà Hoa khẳng định được Nhà nước hỗ trợ …"), which is reported."""
    k = e + (e < stop and tokens[e][KEY] in ("ra", "lên"))
    return k < stop and tokens[k][KEY] == "được" and s > start and tokens[s - 1][KEY] in _ABILITY_NEGATIONS


def _noun_marked(tokens: Sequence[Token], s: int, e: int, start: int, stop: int, lex: CompiledLexicon) -> bool:
    """Does a noun marker right before the cue make it a noun ("những tuyên bố", "có thông báo")?
    Not when the marker only ends a longer time phrase or role noun ("Ông A tháng trước cho biết",
    "hôm qua", "Chủ nhà nói"), nor an emphatic "có" before a clause ("A có hứa sẽ …", "có cảnh
    báo rằng …")."""
    m = lex.noun_markers.match_ending(tokens, s, start)
    if m is None:
        return False
    for longer in (lex.adverbs, lex.groups, lex.titles):
        o = longer.match_ending(tokens, s, start)
        if o is not None and o[0] > m[0]:
            return False
    return not (m[0] == 1 and _emphatic_co(tokens, s, e, start, stop, lex))


def _emphatic_co(tokens: Sequence[Token], s: int, e: int, start: int, stop: int, lex: CompiledLexicon) -> bool:
    """An emphatic "có" right before a cue whose content is a clause ("A có hứa sẽ …")."""
    return s > start and tokens[s - 1][KEY] == "có" and e < stop and (
        "rằng" in (tokens[e][KEY], tokens[e - 1][KEY]) or lex.clause_markers.match(tokens, e, stop) is not None)


def _cue_before_adverb(tokens: Sequence[Token], i: int, n: int, stop: int,
                       lex: CompiledLexicon) -> tuple[int, CueEntry] | None:
    """A look-alike that only looks so because an adverb follows the cue: "nói về cơ bản …" is
    "nói" + "về cơ bản" (basically), not "nói về" (talk about)."""
    for j in range(i + 1, i + n):
        adv = lex.adverbs.match(tokens, j, stop)
        if adv and j + adv[0] > i + n:
            m = lex.cues.match(tokens, i, j)
            if m is not None and m[0] == j - i and m[1].cls != "block":
                return m
    return None
