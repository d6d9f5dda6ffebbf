"""Title and role chains: ``Phó Chủ tịch UBND TP Hà Nội Nguyễn Văn A``.

A chain of titles with their complements, optionally ending in a name.  The
name is the capitalised run at the end ("Bộ trưởng Ngoại giao Trung Quốc Vương
Nghị"), or one followed by a complement ("Giáo sư Zhang Xin của Trung tâm …").
A capitalised run after "của", "tại", "thuộc" or an organisation's first word
belongs to the complement ("Giám đốc Bệnh viện K", "… của JPMorgan Asset
Management").  A doubtful name gives a ``title`` mention whose ``name`` is only
a candidate.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..lexicon import CompiledLexicon
from ..tokens import KEY, TEXT, Token
from .model import GENDER_WORDS, Mention, MentionBuilder, is_acronym, is_cap
from .names import certain_name, family_name_reading, holds_cue, name_run, split_name, unit

__all__ = ["titled_mention", "name_ends"]

TITLE_LINKS = {"của", "tại", "thuộc", "ở", "về", "phụ", "trách", "phụ trách", "và"}
COMPLEMENT_LINKS = frozenset({"của", "thuộc", "tại", "ở"})
# titles that are also common words ("bầu cử", "bầu không khí"): a title only before a name
_NAME_ONLY_TITLES = frozenset({"bầu"})
# the strings one of them can start with: a title whose first key is none of these is not one (no join)
_NAME_ONLY_STARTS = frozenset(t[:k] for t in _NAME_ONLY_TITLES for k in range(1, len(t) + 1))
_GENDER_WORDS = GENDER_WORDS.keys()  # the grammar's gender words, written before a title ("nữ ca sĩ")
_CHAIN_MARKS = frozenset({"(", ")", "&"})  # marks a chain walks past (and "." after an abbreviation or initial)

_DONE = object()  # a step that ended the chain; its result is in ``_Chain.result``


class _Chain:
    """Walks ``toks[r:b]`` left to right; each step consumes one piece of the chain."""

    def __init__(self, lex: CompiledLexicon, toks: Sequence[Token], r: int, b: int, mk: MentionBuilder,
                 max_tokens: int) -> None:
        self.lex, self.toks, self.r, self.b, self.mk, self.max_tokens = lex, toks, r, b, mk, max_tokens
        self.j = r
        self.lowercase_run = 0
        self.inner_name: tuple[int, int] | None = None
        self.after_link = False
        self.in_org = False  # inside an organisation's name ("Công ty sen Hoàng Giang")
        self.after_person = False  # just past a person's name: plain words after it are a predicate
        self.result: Mention | None = None

    def walk(self) -> Mention | None:
        """At each token the steps in order (title, honorific name, place, capitalised, punctuation,
        link, plain word) until one acts.  A step whose phrase does not start at the token, or
        _capitalised at a word not capitalised, passes (``unit``/run 0: no change, False): not
        called.  _punctuation and _link, which look nothing up, are written inline."""
        (title_keys, title_texts), (honorific_keys, honorific_texts), (place_keys, place_texts) = (
            _step_starts(self.lex))
        toks, b, abbreviations = self.toks, self.b, self.lex.abbreviations
        while self.j < b:
            j = self.j
            tok = toks[j]
            key, text = tok[KEY], tok[TEXT]
            first = text[0]
            outcome = (key in title_keys or text in title_texts) and self._title()
            if not outcome and (key in honorific_keys or text in honorific_texts):
                outcome = self._honorific_name()
            if not outcome and (key in place_keys or text in place_texts):
                outcome = self._place()
            if not outcome and first.isupper() and first.isalpha():
                outcome = self._capitalised()
            if not outcome:
                if (text == "." and j > self.r and (toks[j - 1][KEY] in abbreviations or (
                        len(toks[j - 1][TEXT]) == 1 and toks[j - 1][TEXT].isupper()))) or (
                        text in _CHAIN_MARKS or first.isdigit()):
                    self.j += 1  # _punctuation
                    continue
                if key in TITLE_LINKS:  # _link
                    self.after_link = key in COMPLEMENT_LINKS
                    self.j += 1
                    continue
                outcome = self._plain_word()
                if not outcome:
                    return None
            if outcome is _DONE:
                return self.result
        return self._end()

    def _done(self, m: Mention | None) -> object:
        self.result = m
        return _DONE

    def _title(self) -> object:
        toks, j = self.toks, self.j
        m = self.lex.titles.match(toks, j, self.b)  # ``unit``'s look-up: the walk asks only at a title's first word
        t_len = m[0] if m else 0
        if t_len and toks[j][KEY] in _NAME_ONLY_STARTS and " ".join(
                t[KEY] for t in toks[j:j + t_len]) in _NAME_ONLY_TITLES and not (
                j + t_len < self.b and is_cap(toks[j + t_len])):
            return self._done(None)  # "chu kỳ bầu cử …" is no title; "bầu Đức" is
        first = toks[j][TEXT][0]
        if t_len and not (first.isupper() and first.isalpha()) or (  # not is_cap(toks[j])
                t_len and not self.after_link and not self.in_org):
            self.j += t_len
            self.lowercase_run = 0
            self.after_link = self.in_org = False
            return True
        return False

    def _honorific_name(self) -> object:
        toks, j, b, lex = self.toks, self.j, self.b, self.lex
        h = unit(toks, j, b, lex.honorifics)
        if h and j + h < b and is_cap(toks[j + h]):
            gender = lex.honorific_gender.get(" ".join(t[KEY] for t in toks[j:j + h]))
            if j + h + name_run(toks, j + h, b, self.max_tokens) == b:
                return self._done(self.mk("person", name=(j + h, b), title=(self.r, j), gender=gender))
        return False

    def _place(self) -> object:
        """"thành phố Hồ Chí Minh": a place; a name may follow it ("tỉnh Khánh Hòa Lê Hữu Hoàng")."""
        toks, j, b = self.toks, self.j, self.b
        pp = unit(toks, j, b, self.lex.place_prefixes)
        if not (pp and j + pp < b and is_cap(toks[j + pp]) and not is_cap(toks[j])):
            return False
        run = name_run(toks, j + pp, b, self.max_tokens)
        name = split_name(self.lex, toks, j + pp, j + pp + run, family_only=True)
        if name is not None and name[1] == b and name[0] > j + pp:
            return self._done(self.mk("person", name=name, title=(self.r, name[0])))
        self.j += pp + run
        self.lowercase_run = 0
        self.after_link = False
        return True

    def _capitalised(self) -> object:
        toks, j, b, lex = self.toks, self.j, self.b, self.lex
        tok = toks[j]
        first = tok[TEXT][0]
        run = name_run(toks, j, b, self.max_tokens) if first.isupper() and first.isalpha() else 0  # is_cap
        if not run:
            return False
        org_heads = lex.org_heads
        # ``unit``'s first test, read once for both look-ups below: most capitals open no head
        opens_org = (tok[TEXT] if org_heads.case_sensitive else tok[KEY]) in org_heads.starts
        # "Trung tâm pháp y": an organisation's head may run on in lower case past the capitals
        org_head = (opens_org and bool(unit(toks, j, b, org_heads)) and not family_name_reading(
            lex, toks, j, j + run)) or is_acronym(tok)  # "Chuyên gia Đoàn Bích Ngọc": a family name, not the union
        complement = self.after_link or org_head or self.in_org
        name = split_name(lex, toks, j, j + run, complement)
        if complement and name is not None and (name[0] == j and not (
                self.in_org and not org_head and name[1] - name[0] >= 3)):
            name = None  # the whole run is the organisation's name
        if j + run == b:
            if opens_org and b < len(toks) and unit(toks, j, len(toks), org_heads) > run:
                return self._done(None)  # "Giám đốc Trung | tâm pháp y …" ends inside a word, not on a name
            return self._done(self._final_run(name, j, complement))
        if (name is not None and self.inner_name is None and toks[j + run][KEY] in COMPLEMENT_LINKS
                and certain_name(lex, toks, *name)):
            self.inner_name = name
        self.after_person = name is not None and not complement and certain_name(lex, toks, *name)
        self.j += run
        self.lowercase_run = 0
        self.after_link = False
        self.in_org = self.in_org or org_head
        return True

    def _final_run(self, name: tuple[int, int] | None, j: int, complement: bool) -> Mention:
        """The chain ends on a capitalised run: a name, or part of the title."""
        mk, r = self.mk, self.r
        if name is not None:
            if certain_name(self.lex, self.toks, *name) or (name[0] > j and complement):
                return mk("person", name=name, title=(r, name[0]))
            return mk("title", name=name, title=(r, name[0]), certain=False)
        if self.inner_name is not None:
            return mk("person", name=self.inner_name, title=(r, self.inner_name[0]))
        return mk("title", title=(r, self.b))

    def _punctuation(self) -> object:
        toks, j = self.toks, self.j
        if toks[j][TEXT] == "." and j > self.r and (toks[j - 1][KEY] in self.lex.abbreviations or (
                len(toks[j - 1][TEXT]) == 1 and toks[j - 1][TEXT].isupper())):
            self.j += 1  # "GS.TS. Ngô Đức Thịnh"; an initial: "bác sĩ V."
            return True
        if toks[j][TEXT] in _CHAIN_MARKS or toks[j][TEXT][0].isdigit():
            self.j += 1
            return True
        return False

    def _link(self) -> object:
        if self.toks[self.j][KEY] in TITLE_LINKS:
            self.after_link = self.toks[self.j][KEY] in COMPLEMENT_LINKS
            self.j += 1
            return True
        return False

    def _plain_word(self) -> object:
        toks, j, lex = self.toks, self.j, self.lex
        tok = toks[j]
        key, is_word = tok[KEY], tok[TEXT][0].isalnum()  # is_word(tok), read once
        if self.after_person and is_word:
            return self._done(None)  # "HLV Chu Đình Nghiêm rất tôn trọng lối chơi của …" is a clause
        nss = lex.non_subject_starts  # its match's first look-up, inline: most words start none
        if key != "là" and (key in lex.predicate_words or (
                (tok[TEXT] if nss.case_sensitive else key) in nss.starts and nss.match(toks, j, j + 1))):
            return self._done(None)  # "quyền phủ quyết bằng cách …": a clause ("Cố vấn … là Jake Sullivan" is not)
        if is_word and self.lowercase_run < (9 if self.in_org else 5) and not (
                not self.in_org and holds_cue(self.lex, toks, j, j + 1, self.b)):
            self.j += 1
            self.lowercase_run += 1
            return True
        return False

    def _end(self) -> Mention:
        if self.lex.demonstratives.match_ending(self.toks, self.b, self.r):
            return self.mk("anaphor")
        if self.inner_name is not None:
            return self.mk("person", name=self.inner_name, title=(self.r, self.inner_name[0]))
        return self.mk("title", title=(self.r, self.b))


@lru_cache(maxsize=8)
def _step_starts(lex: CompiledLexicon) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The first keys and texts (a case-sensitive lexicon's) of the titles, the honorifics and the
    place prefixes of ``lex``: the tokens :meth:`_Chain._title`, ``_honorific_name`` and ``_place``
    can act on (``unit`` looks there first).  An lru_cache on a pure function of the immutable
    compiled lexicon."""
    empty: frozenset[str] = frozenset()
    return tuple((empty, m.starts) if m.case_sensitive else (m.starts, empty)
                 for m in (lex.titles, lex.honorifics, lex.place_prefixes))


def titled_mention(lex: CompiledLexicon, toks: Sequence[Token], r: int, b: int, mk: MentionBuilder,
                   max_tokens: int) -> Mention | None:
    """The mention ``toks[k:b]`` whose title chain starts at ``r`` (``mk`` builds it), or ``None``."""
    return _Chain(lex, toks, r, b, mk, max_tokens).walk()


def name_ends(lex: CompiledLexicon, toks: Sequence[Token], r: int, stop: int) -> Iterator[int]:
    """The ends ``b`` in ``(r, stop]``, in order, for which ``titled_mention`` over ``toks[r:b]``
    may give a mention with a name: every name the chain gives ends on a capitalised last
    word of ``toks[r:b]``, or is an inner name, a capitalised word before a complement link
    ("Giáo sư Zhang Xin của …"); and the chain stops at a mark it cannot walk past (a
    comma, a colon, a quote mark: not one of its own marks nor part of a title, honorific or
    place prefix phrase), so no name lies past one.  A caller trying every prefix of a
    chain tries these only; lazily, since it stops at the first name."""
    if r >= stop:
        return
    first = toks[r][TEXT][0]
    if first.isupper() and first.isalpha():  # is_cap(toks[r]); no link before it
        yield r + 1
    linked = False
    predicate_words, nss_starts = lex.predicate_words, lex.non_subject_starts.starts  # looked up once
    for q in range(r + 1, stop):
        t = toks[q]
        text = t[TEXT]
        first = text[0]
        if not first.isalnum() and text not in _CHAIN_MARKS and text != "." and not _in_chain_phrase(lex, t):
            return
        key = t[KEY]
        if (key in predicate_words or key in nss_starts) and _ends_every_chain(lex, toks, q):
            return
        if not linked and key in COMPLEMENT_LINKS:
            linked = is_cap(toks[q - 1])
        if linked or (first.isupper() and first.isalpha()):  # is_cap(t)
            yield q + 1


def _ends_every_chain(lex: CompiledLexicon, toks: Sequence[Token], q: int) -> bool:
    """Does every chain that walks to ``toks[q]`` end there with no mention?  A lowercase
    predicate word or preposition that no step consumes (:meth:`_Chain._plain_word` ends the
    chain on it) and no phrase or name run can hold, so no walk passes over it: it is in no
    title, honorific or place prefix, no quantifier or gender word before a title (a chain
    starts after those), and no name particle (no capital follows it).  No chain from before
    ``q`` can then end in a name past it: each name is a run of words that would hold it."""
    t = toks[q]
    nss = lex.non_subject_starts
    if t[KEY] == "là" or not (t[KEY] in lex.predicate_words or nss.match(toks, q, q + 1)):
        return False
    first = t[TEXT][0]
    return (first.isalnum() and not first.isdigit() and not is_cap(t) and t[KEY] not in TITLE_LINKS
            and t[KEY] not in _GENDER_WORDS and not _in_chain_phrase(lex, t)
            and t[KEY] not in lex.quantifiers.words and t[TEXT] not in lex.quantifiers.words
            and not (q + 1 < len(toks) and is_cap(toks[q + 1])))


def _in_chain_phrase(lex: CompiledLexicon, tok: Token) -> bool:
    """Could a phrase the chain consumes whole (title, honorific, place prefix) hold ``tok``?"""
    words = _chain_phrase_words(lex)
    return tok[KEY] in words or tok[TEXT] in words


@lru_cache(maxsize=8)
def _chain_phrase_words(lex: CompiledLexicon) -> frozenset[str]:
    """The words of the title, honorific and place prefix phrases of ``lex``, one set.  An
    lru_cache on a pure function of the immutable compiled lexicon: united once, not per token."""
    return frozenset().union(*(m.words for m in (lex.titles, lex.honorifics, lex.place_prefixes)))
