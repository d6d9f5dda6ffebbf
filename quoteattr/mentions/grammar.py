"""One run of tokens as one whole mention, and what kind it is.

Tried in order: a known outlet (``báo Tuổi Trẻ``); an honorific with a name or
a demonstrative (``ông Hùng``, ``bà này``); a title, group or description head
(``Thứ trưởng Bộ Y tế Trần Văn Thuấn``, ``các chuyên gia``, ``quan chức này``);
an organisation (``Bộ Ngoại giao``, ``WHO``); a bare capitalised run (a place,
or a name); and ``A và B`` coordinations of these.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from ..lexicon import CompiledLexicon
from ..tokens import END, KEY, START, TEXT, Token, is_word
from .model import GENDER_WORDS, Mention, MentionBuilder, is_acronym, is_cap, mention_of
from .noun_phrase import holds_subordinate
from .names import (NAME_PARTICLES, certain_name, family_name_reading, first_words, holds_cue, name_run, split_name,
                    unit, unit_ending)
from .titles import TITLE_LINKS, titled_mention

__all__ = ["parse_mention", "no_mention_across", "SEPARATORS"]

SEPARATORS = {",", ";", ":", "–", "—", "-", "…"}
_COORD = {"và", "lẫn", "cùng"}
_LEFT_KINDS = ("person", "title", "organization", "place", "group")
_RIGHT_KINDS = ("person", "title", "organization", "place", "anaphor", "pronoun", "group")
_GENDER = GENDER_WORDS.keys()
_KEY, _TEXT = itemgetter(KEY), itemgetter(TEXT)  # a token's key and text, read by built-ins
_NAME_BREAKS = {",", ";", ":"}  # marks no organisation's name holds
# aspect and modal words that end a clause's subject, never a name ("không" does: "hãng hàng không")
_ASPECT_LAST = {"đã", "đang", "sẽ", "vừa", "chưa", "cũng", "vẫn", "đều", "cần", "phải"}
# words that join clauses: a noun phrase's modifiers never hold one
_CLAUSE_JOINERS = {"nhưng", "song", "mà", "thì", "rồi"}


def parse_mention(lex: CompiledLexicon, toks: Sequence[Token], k: int, b: int, max_tokens: int) -> Mention | None:
    """``toks[k:b]`` as one whole mention, or ``None``."""
    if k >= b or b - k > max_tokens:
        return None
    tok = toks[k]
    may_start = _may_start(lex, tok)
    both = tok[KEY] == "cả"
    if not may_start and not both:
        return None  # neither a coordination ("cả A và B" aside) nor a single mention starts here
    # a coordination needs a coordinator strictly inside its parts' span: most spans hold none,
    # found by one pass of built-ins over the keys, not by :func:`_coordination`'s loop
    if not _COORD.isdisjoint(map(_KEY, toks[k + 2 if both else k + 1:b - 1])):
        coord = _coordination(lex, toks, k, b, max_tokens)
        if coord is not None:
            return coord
    return _single(lex, toks, k, b, max_tokens, may_start)


def no_mention_across(lex: CompiledLexicon, toks: Sequence[Token], q: int) -> bool:
    """Is ``toks[q]`` a word that no mention ``toks[k:b]`` with ``k < q`` and ``q + 1 < b`` holds?
    So for a span end past ``q + 1``, every start before ``q`` parses to ``None``: a search over
    starts skips them, one over ends from a start before ``q`` stops at ``q + 1``.

    It is a lowercase predicate word other than "là" (:data:`_barrier_keys`: in no phrase the
    grammar consumes whole, no link, coordinator, gender word or name particle), no recogniser
    starts on it (not :func:`_may_start`), and a lowercase word follows it that is no
    coordinator and no demonstrative's word.  Each recogniser of :func:`_single` over
    ``toks[p:e]`` with ``p < q`` and ``q + 1 < e`` then fails: an outlet, an honorific's name,
    a capitalised run, an anaphor are phrase words and capitals only; a title chain ends with
    no mention on reaching it (:meth:`.titles._Chain._plain_word`) and no step walks over it;
    a group's modifiers and an organisation's name hold it with a lowercase word after it, a
    predicate (:func:`_holds_predicate`).  A coordination's parts end at a coordinator or at
    ``b``, so ``toks[q]`` starts one (no recogniser starts there) or lies inside one as above."""
    t = toks[q]
    if t[KEY] not in _barrier_keys(lex) or q + 1 >= len(toks):
        return False
    first = t[TEXT][0]
    if not first.isalpha() or first.isupper() or t[TEXT] in _held_texts(lex) or _may_start(lex, t):
        return False
    n = toks[q + 1]
    return is_word(n) and not is_cap(n) and n[KEY] not in _COORD and (
        (n[TEXT] if lex.demonstratives.case_sensitive else n[KEY]) not in lex.demonstratives.words)


def _consumed(lex: CompiledLexicon) -> tuple:
    """The phrase matchers whose phrases a recogniser takes in whole."""
    return (lex.outlets, lex.outlet_prefixes, lex.honorifics, lex.quantifiers, lex.titles, lex.groups,
            lex.anaphors, lex.demonstratives, lex.places, lex.place_prefixes)


@lru_cache(maxsize=8)
def _barrier_keys(lex: CompiledLexicon) -> frozenset[str]:
    """The predicate words (but "là") that are in no phrase of a case-insensitive matcher the
    grammar consumes whole, and no title link, coordinator, gender word, name particle or "cả".
    An lru_cache on a pure function of the immutable compiled lexicon."""
    held = frozenset().union(*(m.words for m in _consumed(lex) if not m.case_sensitive))
    return frozenset(w for w in lex.predicate_words if w != "là" and w not in held and w not in TITLE_LINKS
                     and w not in _COORD and w not in _GENDER and w not in NAME_PARTICLES and w != "cả")


@lru_cache(maxsize=8)
def _held_texts(lex: CompiledLexicon) -> frozenset[str]:
    """The words (texts) of the case-sensitive matchers the grammar consumes whole (outlets,
    places).  An lru_cache on a pure function of the immutable compiled lexicon."""
    return frozenset().union(*(m.words for m in _consumed(lex) if m.case_sensitive))


def _coordination(lex: CompiledLexicon, toks: Sequence[Token], k: int, b: int, max_tokens: int) -> Mention | None:
    start = k + 1 if toks[k][KEY] == "cả" else k
    for c in range(start + 1, b - 1):
        if toks[c][KEY] in _COORD:
            left = _single(lex, toks, start, c, max_tokens)
            right = _single(lex, toks, c + 1, b, max_tokens) if left is not None else None
            if left and right and left.kind in _LEFT_KINDS and right.kind in _RIGHT_KINDS:
                return Mention(toks[k][START], toks[b - 1][END], "coordination", tok_start=k, tok_end=b,
                               parts=(left, right))
    return None


def _may_start(lex: CompiledLexicon, tok: Token) -> bool:
    """Can some recogniser of :func:`_single` accept a mention whose first token is ``tok``?
    Each needs there a capital or an acronym (organisation, capitalised run, an outlet or place
    name), a digit or gender word (a quantified or gendered head), or the first word of an
    honorific, title, group, anaphor, quantifier, outlet prefix, outlet or place phrase.
    Most words of a sentence are none of these: their spans are rejected before the grammar runs."""
    text = tok[TEXT]
    first = text[:1]  # a slice: "" (a token made by hand) starts nothing
    if first.isalpha():
        if first.isupper():
            return True  # is_cap
    # a word led by a letter is no acronym past that test (an alphabetic first is no digit either)
    elif first.isdigit() or is_acronym(tok):
        return True
    key = tok[KEY]
    if key in _GENDER:
        return True
    keys, texts = _phrase_starts(lex)
    return key in keys or text in texts


@lru_cache(maxsize=8)
def _phrase_starts(lex: CompiledLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The first keys of the honorific, title, group, anaphor, quantifier and outlet prefix
    phrases, and the first texts of the outlet and place names (case-sensitive) of ``lex``.
    An lru_cache on a pure function of the immutable compiled lexicon: united once, not per token."""
    keys = frozenset().union(*(m.starts for m in (lex.honorifics, lex.titles, lex.groups, lex.anaphors,
                                                   lex.quantifiers, lex.outlet_prefixes)))
    return keys, lex.outlets.starts | lex.places.starts


def _single(lex: CompiledLexicon, toks: Sequence[Token], k: int, b: int, max_tokens: int,
            may_start: bool | None = None) -> Mention | None:
    """``may_start``: :func:`_may_start` of ``toks[k]`` when the caller has it already.

    Each recogniser is called only where it can accept (:func:`_recogniser_starts`): one
    whose first token opens none of its phrases, or is no capital where it needs one,
    returns ``None`` with no effect, so skipping it gives the same mention."""
    tok = toks[k]
    if not (_may_start(lex, tok) if may_start is None else may_start):
        return None  # no recogniser starts here (_may_start says why)
    key, text = tok[KEY], tok[TEXT]
    (nss_keys, nss_texts), (outlet_keys, outlet_texts), (honorific_keys, honorific_texts), (
        head_keys, head_texts) = _recogniser_starts(lex)
    first = text[0]
    cap = first.isupper() and first.isalpha()  # is_cap(tok)
    if key in nss_keys or text in nss_texts:
        opener = unit(toks, k, b, lex.non_subject_starts)
        if opener and (not cap or opener > 1 or key in ("việc", "sự", "điều")):
            return None  # "Trường hợp khách hàng …", "việc …": a case, a reason or a deed is nobody
    # the recognisers make their mention by :func:`.model.mention_of`: no builder per parse (most make
    # none), only for those that take one (an outlet; a title chain, from ``_headed``)
    outlets, demonstratives, last = lex.outlets, lex.demonstratives, toks[b - 1]
    # unit_ending's own first test, inline: most spans end on no demonstrative's word
    body_end = b - unit_ending(toks, k, b, demonstratives) if (
        last[TEXT] if demonstratives.case_sensitive else last[KEY]) in demonstratives.words else b
    if key in outlet_keys or text in outlet_texts or (
            last[TEXT] if outlets.case_sensitive else last[KEY]) in outlets.words:
        m = _outlet(lex, toks, k, b, MentionBuilder(toks, k, b), body_end, max_tokens)
        if m is not None:
            return m
    if key in honorific_keys or text in honorific_texts:
        m = _honorific(lex, toks, k, b, body_end, max_tokens)
        if m is not None:
            return m
    if key in head_keys or text in head_texts or first.isdigit() or key in _GENDER:
        m = _headed(lex, toks, k, b, body_end, max_tokens)
        if m is not None:
            return m
    if not cap:
        # an organisation needs a capital or an acronym first, a capitalised run a capital
        return _organisation(lex, toks, k, b, cap) if is_acronym(tok) else None
    org_heads = lex.org_heads
    if (text if org_heads.case_sensitive else key) in org_heads.starts or is_acronym(tok):
        m = _organisation(lex, toks, k, b, cap)  # it needs an organisation's head or an acronym
        if m is not None:
            return m
    return _capitalised_run(lex, toks, k, b, max_tokens)


@lru_cache(maxsize=8)
def _recogniser_starts(lex: CompiledLexicon) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The first keys and texts (case-sensitive lexicons) of: the non-subject starts, the
    outlet prefixes, the honorifics, and the heads :func:`_headed` reads at its first token
    (quantifiers, titles, groups, anaphors).  A token in none of a recogniser's gives ``unit``
    0 there: :func:`_outlet` then needs an outlet word last, :func:`_honorific` returns
    ``None``, and so does :func:`_headed` unless a digit or a gender word opens.  An
    lru_cache on a pure function of the immutable compiled lexicon."""
    return (first_words(lex.non_subject_starts), first_words(lex.outlet_prefixes), first_words(lex.honorifics),
            first_words(lex.quantifiers, lex.titles, lex.groups, lex.anaphors))


def _outlet(lex: CompiledLexicon, toks: Sequence[Token], p: int, b: int, mk: MentionBuilder, body_end: int,
            max_tokens: int) -> Mention | None:
    """A known outlet, with or without a generic prefix ("báo Tuổi Trẻ", "hãng tin CNBC")."""
    q = p + unit(toks, p, b, lex.outlet_prefixes)
    outlets = lex.outlets
    if q == p and (toks[b - 1][TEXT] if outlets.case_sensitive else toks[b - 1][KEY]) not in outlets.words:
        return None  # with no prefix, only an outlet's name ending at ``b`` is one, and its last word is an outlet's
    for r in range(q, b):
        n = unit(toks, r, b, lex.outlets)
        if n and r + n == b and (r == q or all(is_cap(t) or lex.places.match(toks, s, b) for s, t in
                                               enumerate(toks[q:r], q))):
            return mk("outlet", name=(r, b))
        if r > q and not is_cap(toks[r]):
            break
    if q > p and q < b and name_run(toks, q, b, max_tokens) == b - q and not (
            toks[p][KEY] in ("phóng", "pv") and split_name(lex, toks, q, b, family_only=True) == (q, b)):
        return mk("outlet", name=(q, b))  # "phóng viên Nguyễn Hùng" is a reporter, not an outlet
    return None


def _honorific(lex: CompiledLexicon, toks: Sequence[Token], p: int, b: int, body_end: int,
               max_tokens: int) -> Mention | None:
    """An honorific alone ("Ông"), with a demonstrative ("bà này") or with a name ("ông Hùng")."""
    h = unit(toks, p, b, lex.honorifics)
    if not h or toks[p][KEY] in ("cô giáo",):
        return None
    gender = lex.honorific_gender.get(toks[p][KEY] if h == 1 else " ".join(t[KEY] for t in toks[p:p + h]))
    r = p + h
    if r == b:
        return mention_of(toks, p, b, "pronoun", gender=gender)
    if body_end != b and r == body_end:
        return mention_of(toks, p, b, "anaphor", gender=gender)
    n = name_run(toks, r, b, max_tokens)
    if n and r + n == b:
        return mention_of(toks, p, b, "person", name=(r, b), gender=gender)
    return None


def _headed(lex: CompiledLexicon, toks: Sequence[Token], p: int, b: int, body_end: int,
            max_tokens: int) -> Mention | None:
    """quantifier? (title | group | anaphor) … [name]."""
    demonstrative = body_end != b
    titles, groups, anaphors, quantifiers = lex.titles, lex.groups, lex.anaphors, lex.quantifiers
    tok = toks[p]  # its quantifier's ``unit``, inline as the heads' below
    m = quantifiers.match(toks, p, b) if (
        tok[TEXT] if quantifiers.case_sensitive else tok[KEY]) in quantifiers.starts else None
    qn = m[0] if m else (1 if tok[TEXT][0].isdigit() else 0)
    r = p + qn
    if r + 1 < b and toks[r][KEY] in _GENDER and not is_cap(toks[r + 1]) and (
            unit(toks, r + 1, b, titles) or unit(toks, r + 1, b, groups)):
        r += 1  # "nữ ca sĩ Lê Thu Hà", "một nữ phạm nhân 67 tuổi": a gender word before the head
    if r >= b:
        return None
    # the three heads' ``unit`` at ``r``, inline: the token read once, a matcher asked only if
    # its phrases can start there (the test ``unit`` makes first)
    tok = toks[r]
    key, text = tok[KEY], tok[TEXT]
    m = titles.match(toks, r, b) if (text if titles.case_sensitive else key) in titles.starts else None
    t_len = m[0] if m else 0
    m = groups.match(toks, r, b) if (text if groups.case_sensitive else key) in groups.starts else None
    g_len = m[0] if m else 0
    m = anaphors.match(toks, r, b) if (text if anaphors.case_sensitive else key) in anaphors.starts else None
    a_len = m[0] if m else 0
    if a_len and not qn and (r + a_len == b or (demonstrative and r + a_len == body_end)):
        return mention_of(toks, p, b, "anaphor")
    if t_len and not qn and t_len >= g_len:
        titled = titled_mention(lex, toks, r, b, MentionBuilder(toks, p, b), max_tokens)
        if titled is not None:
            return titled
    head = max(g_len, a_len, t_len if qn else 0)
    if head and qn == 0 and head == b - r and is_cap(toks[r]) and head == 1:
        return mention_of(toks, p, b, "person", name=(r, b), certain=False)  # "Trường" alone: maybe a name
    if head:
        rest = r + head
        modifiers = toks[rest:body_end]
        if len(modifiers) <= 8 and SEPARATORS.isdisjoint(map(_TEXT, modifiers)) and not (
            _holds_phrase(lex.clause_markers, modifiers, toks, rest, body_end)
            or _holds_predicate(lex, toks, rest, body_end)
            # "phi hành đoàn thông báo khẩn cấp": a clause, also when the run ends inside the cue
            or holds_cue(lex, toks, rest, body_end, stop=min(len(toks), body_end + 3))
            or not _CLAUSE_JOINERS.isdisjoint(map(_KEY, modifiers))  # "đào tạo cán bộ nhưng lại yêu cầu"
            or holds_subordinate(toks, rest, body_end)
        ):
            if demonstrative and len(modifiers) <= 3:
                return mention_of(toks, p, b, "anaphor")
            if a_len == head and not qn:
                return mention_of(toks, p, b, "anaphor")
            return mention_of(toks, p, b, "group")
    return None


def _holds_phrase(matcher, run: Sequence[Token], toks: Sequence[Token], i: int, j: int) -> bool:
    """Does a phrase of ``matcher`` start in ``run``, that is ``toks[i:j]``?  Only where one of
    its tokens is a phrase's first word (a test of built-ins): most runs hold none, and
    ``find_all`` is not called for them."""
    firsts = map(_TEXT if matcher.case_sensitive else _KEY, run)
    return not matcher.starts.isdisjoint(firsts) and bool(matcher.find_all(toks, i, j))


def _organisation(lex: CompiledLexicon, toks: Sequence[Token], p: int, b: int, cap: bool) -> Mention | None:
    """A capitalised organisation head, then its name (lowercase syllables allowed), or an acronym.

    ``cap``: :func:`.model.is_cap` of ``toks[p]``; the caller (:func:`_single`) asks only where
    ``toks[p]`` is capitalised or else an acronym (the head must be one or the other)."""
    org_heads = lex.org_heads
    head = toks[p]
    # match's own first look-up, inline: most capitalised words open no organisation's head
    org_head = org_heads.match(toks, p, b) if (
        head[TEXT] if org_heads.case_sensitive else head[KEY]) in org_heads.starts else None
    o = org_head[0] if org_head else 0
    if org_head and p + o == b and org_head[1] not in lex.org_alone:
        o = 0  # "Trường" alone is more likely a name than "the school"
    if o and family_name_reading(lex, toks, p, b):
        o = 0  # "Đoàn Văn Minh": a family name, not the union
    # not capitalised, the head is an acronym (the caller's test)
    acronym_org = not o and (not cap or is_acronym(head)) and not lex.places.match(toks, p, b)
    if acronym_org and any(not is_cap(t) and t[TEXT] not in ("&", "-") for t in toks[p + 1:b]):
        acronym_org = False  # "CĐ năm 2017": an acronym followed by ordinary words is no name
    if (o and cap) or acronym_org:
        if b - p <= 14 and _NAME_BREAKS.isdisjoint(map(_TEXT, toks[p:b])) and not _holds_predicate(
                lex, toks, p + 1, b) and not _holds_preposition(lex, toks, p + 1, b) and not _holds_honorific_name(
                lex, toks, p + 1, b) and not holds_cue(lex, toks, p + 1, b):
            return mention_of(toks, p, b, "organization", name=(p, b))
    return None


def _holds_honorific_name(lex: CompiledLexicon, toks: Sequence[Token], i: int, b: int) -> bool:
    """Does an honorific followed by a capital start in ``toks[i:b]`` ("… ông Nguyễn")?"""
    honorifics = lex.honorifics
    starts, cased = honorifics.starts, honorifics.case_sensitive
    for q in range(i, b - 1):  # the last token has none after it; match is asked only where a phrase starts
        t = toks[q]
        if (t[TEXT] if cased else t[KEY]) in starts and honorifics.match(toks, q, b) and is_cap(toks[q + 1]):
            return True
    return False


def _capitalised_run(lex: CompiledLexicon, toks: Sequence[Token], p: int, b: int, max_tokens: int) -> Mention | None:
    """A bare capitalised run: place, acronym organisation, or a name."""
    n = name_run(toks, p, b, max_tokens)
    if n and p + n == b and n > 1 and lex.non_subject_starts.match(toks, p, p + 1) and (
            lex.places.match(toks, p + 1, b) or is_acronym(toks[p + 1])):
        return None  # "Từ TP HCM", "Tại Hà Nội": a sentence-initial preposition and a place
    if n and p + n == b:
        pl = lex.places.match(toks, p, b)
        if pl and pl[0] == b - p:
            return mention_of(toks, p, b, "place", name=(p, b))
        if all(map(is_acronym, toks[p:b])):
            return mention_of(toks, p, b, "organization", name=(p, b))
        return mention_of(toks, p, b, "person", name=(p, b), certain=certain_name(lex, toks, p, b))
    return None


def _holds_predicate(lex: CompiledLexicon, toks: Sequence[Token], i: int, b: int) -> bool:
    """A lowercase aspect, modal, negation or copula word, or an adverb: "Bộ GDĐT sẽ không phải
    là …", "Ngân hàng Nhà nước vừa sửa đổi" are clauses, not an organisation's name."""
    # a predicate word goes on with a lowercase verb; before a capital it is a syllable of the
    # name ("Hãng hàng không Sao Mai", "Cục Hàng không Việt Nam")
    if b > i and toks[b - 1][KEY] in _ASPECT_LAST and not is_cap(toks[b - 1]):
        return True  # "Ban lãnh đạo công ty đã| có văn bản …": an aspect word never ends a name
    words, adverbs = lex.predicate_words, lex.adverbs
    # one loop, each token read once; the last token has no word after it, so it is not asked
    for q in range(i, b - 1):
        t = toks[q]
        first = t[TEXT][0]
        if (first.isupper() and first.isalpha()) or not (t[KEY] in words or adverbs.match(toks, q, q + 1)):
            continue  # capitalised (is_cap), or neither a predicate word nor an adverb
        n = toks[q + 1]
        first = n[TEXT][0]
        if is_word(n) and not (first.isupper() and first.isalpha()):
            return True
    return False


def _holds_preposition(lex: CompiledLexicon, toks: Sequence[Token], i: int, b: int) -> bool:
    """A lowercase preposition or nominaliser: "Vụ kiện bắt nguồn từ sự …" is a clause."""
    nss = lex.non_subject_starts
    for q in range(i, b):  # one loop, each token read once
        t = toks[q]
        first = t[TEXT][0]
        if first.isupper() and first.isalpha():
            continue  # is_cap
        key = t[KEY]
        if key in ("sự", "việc") or (nss.match(toks, q, q + 1) and key not in ("của", "và")):
            return True
    return False
