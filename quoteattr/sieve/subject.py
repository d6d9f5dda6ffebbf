"""The speaker mention of a cue: who is the subject of the reporting verb.

Tried in order: the mention right before the cue (``Bộ trưởng Lê Văn Nam cho
biết``, appositive chains included); a subject shared with the previous cue
(``Ông Nam nói và cho biết …``); the clause's own subject when the cue comes
after a comma (``Trung Quốc phản đối …, nói rằng …``); with an engine, the
parse's ``nsubj`` of the cue's verb.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..cues import Cue
from ..mentions import Mention, looks_foreign
from ..mentions.names import holds_cue
from ..mentions.noun_phrase import described_subject
from .subject_chains import OPENING_DESCRIPTION as _OPENING_DESCRIPTION
from .subject_chains import QUOTE_TAIL_REACH as _QUOTE_TAIL_REACH
from .subject_chains import (
    head_before_appositive,
    head_of_passive,
    opening_head_before_appositives,
)
from .view import CLOSE_MARKS, OPEN_MARKS, ArticleView
from ..tokens import END, KEY, START, TEXT, Token, is_word

__all__ = ["cue_subject", "is_addressee", "opening_mention", "sentence_subject"]

# tokens looked back from a cue for the start of its clause: bounds the work in one endless sentence
_CLAUSE_REACH = 200
# words of a verb phrase between a subject and "và CUE" that share it
_SHARED_REACH = 15


def is_addressee(m: Mention, previous: Cue) -> bool:
    """"đề nghị Bộ Quốc phòng giao đất": a mention right after a request is the
    one asked to act, not the speaker of a cue that follows it."""
    return previous.entry.cls == "directive" and previous.tok_end == m.tok_start


def cue_subject(view: ArticleView, si: int, cue: Cue, earlier: Sequence[Cue],
                subjects: Mapping[int, Mention | None]) -> Mention | None:
    """The speaker mention of ``cue``; ``subjects`` holds those of the earlier cues (by id)."""
    lo = view.sent_tokens[si][0]
    m = view.subject_of(lo, cue.tok_start)
    if m is not None and any(m.tok_start <= c.tok_start < m.tok_end for c in earlier):
        m = None  # "Bộ trưởng cũng cho biết, sẽ tiếp tục đề nghị": not a subject of the second cue
    if m is not None and earlier and is_addressee(m, earlier[-1]):
        m = None
    if m is not None and _subordinator(view, m):
        m = None  # "Khi cho rằng giá sẽ tăng, …": a subordinator, capitalised, is nobody
    if m is not None and m.kind == "outlet" and m.tok_start > lo and view.toks[m.tok_start - 1][KEY] == "bởi":
        return head_of_passive(view, lo, m)
    if m is not None:
        return _vouched_name(view, si, cue, m)
    m = _subject_away_from_cue(view, si, cue, earlier, subjects)
    if m is None and view.analysis is not None:
        m = _parsed_subject(view, si, cue)
    if m is None:
        m = _described_subject(view, si, cue)
    if m is None:
        m = head_before_appositive(view, si, cue)
    if m is None:
        m = opening_head_before_appositives(view, si, cue)
    return m


def _subordinator(view: ArticleView, m: Mention) -> bool:
    """A doubtful one-word name that is a preposition or subordinator ("Khi", "Nếu")."""
    return m.kind == "person" and not m.certain and m.tok_end - m.tok_start == 1 and bool(
        view.lex.non_subject_starts.match(view.toks, m.tok_start, m.tok_end))


def _subject_slot(view: ArticleView, si: int, cue: Cue, after_fronted: bool = False,
                  marked: bool = True) -> tuple[int, int] | None:
    """The words before the cue, where only a subject can stand: after a closed quote and
    its separator when nothing but a tail follows the cue (``“…”, X nói.``), or opening
    the sentence before a marked content (``X cho rằng …``, ``X cho biết, …``)."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    j = view.parser.skip_adverbs_back(toks, lo, cue.tok_start)
    quoted = _after_quote(view, lo, j)
    if quoted is not None:
        return quoted if view.only_tail(cue.tok_end, hi) else None
    a = j
    while a > lo and toks[a - 1][TEXT][0].isalnum():  # is_word(), inline: no call per word
        a -= 1
    if a >= j or view.lex.honorifics.match(toks, a, j):
        return None  # nothing, or an honorific with a verb ("ông quên")
    share = _survey_share(view, lo, a)
    if share is not None:
        return (share, j)
    clause_start = a == lo or (after_fronted and toks[a - 1][TEXT] == "," and (
        view.lex.non_subject_starts.match(toks, lo, a) or view.lex.fronted.match(toks, lo, a)))
    return (a, j) if clause_start and (not marked or _marked_content(view, cue, hi)) else None


def _survey_share(view: ArticleView, lo: int, a: int) -> int | None:
    """``56% số người được hỏi cho biết …``: a share of those asked is a survey's speaker (GUIDELINES,
    2026-12-01), opening its clause at the sentence start, after a comma or after ``khi``/``và``/
    ``còn``; returns where the share starts."""
    toks = view.toks
    k = a - 2
    if k < lo or toks[a - 1][TEXT] != "%" or not toks[k][TEXT][:1].isdigit():
        return None
    if k > lo and toks[k - 1][TEXT] == ",":
        k -= 1  # "56,5%": a decimal share
        if k - 1 >= lo and toks[k - 1][TEXT][:1].isdigit():
            k -= 1
    opens = k == lo or toks[k - 1][TEXT] == "," or toks[k - 1][KEY] in ("khi", "và", "còn", "nhưng")
    return k if opens and toks[a][KEY] in ("số", "người", "những", "các", "trong") else None


def _after_quote(view: ArticleView, lo: int, j: int) -> tuple[int, int] | None:
    """``“…”, DESCRIPTION (, APPOSITIVE)* ,? CUE``: the words right after a closed quote and its
    separator, up to the first comma ("“…”, nữ sinh ngụ gần trường, chia sẻ."), when what
    follows them up to the cue holds no cue of its own."""
    toks = view.toks
    k = j
    while k > lo and k > j - _QUOTE_TAIL_REACH and not (
            toks[k - 1][TEXT] in (",", "-", "–", "—") and k - 2 >= lo and toks[k - 2][TEXT] in CLOSE_MARKS):
        k -= 1
    if k <= lo or k <= j - _QUOTE_TAIL_REACH or k >= j:
        return None
    b = k
    while b < j and toks[b][TEXT][0].isalnum():  # is_word(), inline
        b += 1
    if b == k or view.lex.honorifics.match(toks, k, b) or not all(
            is_word(t) or t[TEXT] == "," for t in toks[b:j]) or holds_cue(view.lex, toks, b, j):
        return None  # nothing, an honorific with a verb ("ông quên"), or a clause of its own
    return (k, b)


def _vouched_name(view: ArticleView, si: int, cue: Cue, m: Mention) -> Mention:
    """A doubtful capitalised subject in the subject slot: one word of foreign shape is a
    name ("Vinamilk cho biết, …", "“…”, Trump nói.", "hãng xe Toyota cho biết"), though a
    capital alone proves nothing at a sentence start; a capitalised tail of a longer
    description is not the subject ("chủ sạp cá ở chợ Bến Thành nói")."""
    if m.kind != "person" or m.certain or m.title is not None:
        return m
    slot = _subject_slot(view, si, cue, after_fronted=True, marked=False)
    if slot is None:
        return m
    toks = view.toks
    n = m.tok_end - m.tok_start
    if n == 1 and looks_foreign(toks[m.tok_start:m.tok_end]) and (
            slot[0] == m.tok_start or m.tok_start - slot[0] <= 2 and not toks[m.tok_start - 1][TEXT][:1].isupper()):
        return attrs.evolve(m, certain=True)
    if 2 <= n <= 3 and slot[0] == m.tok_start and m.name == (m.start, m.end) and (_subject_slot(
            view, si, cue, after_fronted=True) is not None or view.written_after(m.start, m.end, "person")) and not (
            view.written_after(m.start, m.end, "place")):
        return attrs.evolve(m, certain=True)  # a given name alone: "Lan Anh cho hay …", "“…”, Xuân Trường nói."
    strict_slot = _subject_slot(view, si, cue) if m.tok_start > slot[0] else None
    if strict_slot is not None:
        described = _described_subject(view, si, cue, strict_slot)
        if described is not None:
            return described
    return m


def _described_subject(view: ArticleView, si: int, cue: Cue,
                       slot: tuple[int, int] | None = None) -> Mention | None:
    """A description no lexicon knows in the subject slot (``“…”, nữ phạm nhân 80 tuổi nói.``);
    ``slot`` when the caller has found it already."""
    slot = slot if slot is not None else _subject_slot(view, si, cue)
    if slot is None or view.parser.parse(view.toks, *slot) is not None:
        return None  # the lexicons had their say on it (subject_before turned it down)
    toks = view.toks
    after_quote = toks[slot[0] - 1][TEXT] in (",", "-", "–", "—") if slot[0] > 0 else False
    # a sentence's opening words before a cue are a shorter description than one after a quote,
    # where nothing else can stand ("Tầng trệt của căn nhà cháy treo nhiều bằng| khen, …")
    return described_subject(view.parser, toks, *slot, max_words=10 if after_quote else _OPENING_DESCRIPTION)


def _marked_content(view: ArticleView, cue: Cue, hi: int) -> bool:
    """Does a marker (``rằng``, ``là``, ``:``, ``,``) or a quote open the content right after the cue?"""
    k = cue.tok_end
    if cue.entry.phrase.endswith(" rằng"):
        return True  # "cho rằng", "nói rằng": the marker is part of the cue
    if k >= hi:
        return False
    t = view.toks[k]
    return t[KEY] in ("rằng", "là") or t[TEXT] in (":", ",") or t[TEXT] in OPEN_MARKS


def _subject_away_from_cue(view: ArticleView, si: int, cue: Cue, earlier: Sequence[Cue],
                           subjects: Mapping[int, Mention | None]) -> Mention | None:
    """Subjects not next to their cue: a shared one, or the clause's own."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    j = view.parser.skip_adverbs_back(toks, lo, cue.tok_start)
    # "Bà A lên tiếng phủ nhận …": a cue right after one that takes no bare content shares its subject
    if earlier and earlier[-1].tok_end == j and earlier[-1].entry.takes == "marked" and subjects.get(
            id(earlier[-1])) is not None:
        return subjects[id(earlier[-1])]
    # "Hoàng nói và cho biết …", "chị đã phản ánh ngay và đề nghị …": the previous cue's subject
    if earlier and j > lo and toks[j - 1][KEY] in ("và", "rồi") and (
            j - 1 - earlier[-1].tok_end <= 8 and _short_object(toks[earlier[-1].tok_end:j - 1])):
        return subjects.get(id(earlier[-1]))
    # "… dùng từ “…” khi cho rằng …", "… phản đối dự luật vì cho rằng …": a subordinate clause with
    # no subject of its own has the main clause's
    if j > lo and toks[j - 1][KEY] in ("khi", "vì") and cue.entry.cls == "speech":
        if earlier and subjects.get(id(earlier[-1])) is not None:
            return subjects[id(earlier[-1])]
        first = sentence_subject(view, si, before=cue.tok_start)
        if first is not None and 0 < j - 1 - first.tok_end <= _SHARED_REACH and all(
                is_word(t) for t in toks[first.tok_end:j - 1]):
            return first
    # "Nữ ca sĩ A đã kết thúc chuyến lưu diễn và thông báo …": a subject shared over "và"
    if j > lo and toks[j - 1][KEY] == "và" and cue.entry.cls in ("speech", "directive", "commit") and not earlier:
        first = sentence_subject(view, si, before=cue.tok_start)
        if first is not None and 0 < j - 1 - first.tok_end <= _SHARED_REACH and all(
                is_word(t) for t in toks[first.tok_end:j - 1]):
            return first
    # "Trung Quốc phản đối …, nói rằng …", "…, nhưng cho biết …": the sentence's subject
    if j > lo + 1 and toks[j - 1][KEY] in ("nhưng", "song", "và", "rồi", "đồng thời") and toks[j - 2][TEXT] == ",":
        j -= 1
    # ("Bộ trưởng cho biết, sẽ đề nghị …": the comma opens the earlier cue's content, which holds this one)
    if j > lo and toks[j - 1][TEXT] == "," and cue.entry.cls in ("speech", "directive", "commit") and not (
            earlier and earlier[-1].tok_end == j - 1):
        first = sentence_subject(view, si, before=cue.tok_start)
        if first is not None and first.tok_end < cue.tok_start:
            return first
    return None


def _short_object(between: Sequence[Token]) -> bool:
    """Up to "và CUE", the earlier cue took no clause of its own: no separator, and a quote only
    as a closed quoted word ("chê đề án “viển vông” và cho rằng …"), at most five words outside it."""
    if any(t[TEXT] in (",", ";", ":") for t in between):
        return False
    depth, outside = 0, 0
    for t in between:
        if t[TEXT] in OPEN_MARKS and t[TEXT] not in CLOSE_MARKS or (t[TEXT] in OPEN_MARKS and depth == 0):
            depth += 1
        elif t[TEXT] in CLOSE_MARKS:
            depth -= 1
        elif depth == 0:
            outside += 1
    return depth == 0 and outside <= 5


def _parsed_subject(view: ArticleView, si: int, cue: Cue) -> Mention | None:
    """The dependency parse's subject of the cue's verb, when it is a mention."""
    assert view.analysis is not None
    toks = view.toks
    span = view.analysis.subject_of(toks[cue.head_start][START], toks[cue.head_end - 1][END])
    if span is None:
        return None
    lo = view.sent_tokens[si][0]
    a, b = view.tok_range(*span)
    a, b = max(a, lo), min(b, cue.tok_start)
    if a >= b:
        return None
    b = view.parser.skip_adverbs_back(toks, a, b)
    if b <= a:
        return None
    m = view.parser.parse(toks, a, b) or view.parser.best_suffix(toks, a, b)
    lex = view.lex
    if m is None and cue.entry.takes == "any" and b - a <= 8 and all(is_word(t) for t in toks[a:b]) and not (
            lex.connectives.match(toks, a, b) or lex.fronted.match(toks, a, b)):
        # a subject no lexicon knows ("Đội cứu hộ"): the parse vouches for it
        m = Mention(toks[a][START], toks[b - 1][END], "group", tok_start=a, tok_end=b)
    return m


def sentence_subject(view: ArticleView, si: int, before: int | None = None) -> Mention | None:
    """The mention that opens the clause (after a leading connective chunk),
    for cues whose subject is not next to them: "Trung Quốc phản đối …, nói rằng"."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    if before is not None:
        # the clause holding the cue: after the last ";" before it (a subject is never further back)
        for k in range(before - 1, max(lo, before - _CLAUSE_REACH), -1):
            if toks[k][TEXT] == ";":
                lo = k + 1
                break
        hi = min(hi, before)
    start = lo
    for k in range(lo, min(hi, lo + 8)):
        if toks[k][TEXT] == ",":
            start = k + 1
            break
    for begin in (start, lo):
        m = opening_mention(view, begin, hi)
        if m is not None:
            return m
    return None


def opening_mention(view: ArticleView, begin: int, hi: int) -> Mention | None:
    """The mention that starts at token ``begin``: the longest sure name ("HLV Chu
    Đình Nghiêm", not "HLV Chu Đình"), else the longest speaker-like mention."""
    toks, parser = view.toks, view.parser
    if begin >= hi or not parser.may_start(toks[begin]):
        return None  # every parse from ``begin`` is None: the loop below would find nothing
    found: Mention | None = None
    person: Mention | None = None
    gap = False  # past a run that is no mention, after a doubtful one-word name
    # ends past parser.end_bound parse to None, and a None there changes nothing but ``gap``,
    # which no later end reads then: the loop stops there
    for b in range(begin + 1, parser.end_bound(toks, begin, min(hi, begin + parser.max_tokens)) + 1):
        m = parser.parse(toks, begin, b)
        if m is None:
            if person is not None or found is not None and not (
                    found.kind == "person" and not found.certain and found.tok_end == begin + 1):
                break
            gap = found is not None
            continue  # a capitalised first word alone is a doubtful name: look on for a sure one ("Nữ| ca sĩ A")
        if m.kind == "person" and m.name is not None and m.certain:
            person = m
        elif person is not None:
            break
        if gap and person is None:
            continue
        if m.kind in ("organization", "place", "group", "title", "pronoun", "anaphor", "person"):
            found = m
    if person is not None:
        return person
    if found is not None and not (found.kind == "person" and not found.certain):
        return found
    return None
