"""Where an article names a person: the scan that feeds the entity registry.

:class:`NameScanner` walks a sentence's tokens and reports each person name it
finds, with the title written beside it: after an honorific (``ông Nguyễn Văn
Hùng``), in a title chain (``Bộ trưởng Ngoại giao Vương Nghị``), a Vietnamese
full name by its family name, a foreign two- or three-word name, a name with
its age in apposition (``Lan Thương (26 tuổi)``).  Streets, places and caption
credits that look like names are stepped over.  It only reads tokens: what it
finds goes to a callback (the registry's), so the scan can run over windows of
a long article as well as over a whole one.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Container, Sequence
from functools import lru_cache
from itertools import compress, product
from operator import itemgetter

import attrs

from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser, looks_foreign
from .mentions.model import MentionBuilder, WordMemo, is_acronym
from .mentions.names import NAME_PARTICLES, holds_cue
from .mentions.chain_names import ChainNameTest, runs_on
from .mentions.titles import name_ends
from .tokens import END, KEY, START, TEXT, Token, is_word, make_token

__all__ = ["AddName", "NameScanner"]

# before a number they make it a date, not a house number ("ngày 5 Nguyễn …" is rare, "năm 2020" common)
_STREET_WORDS = frozenset({"đường", "phố", "ngõ", "hẻm", "ngách", "số"})
# labels of a caption credit: "Ảnh: Lê Văn." names a photographer, nobody in the story
_CAPTION_LABELS = frozenset({"ảnh", "video", "clip", "đồ họa", "đồ hoạ", "nguồn", "minh họa", "minh hoạ"})
_TIME_WORDS = frozenset({"ngày", "tháng", "năm", "hôm", "lúc", "sáng", "chiều", "tối", "đêm", "trưa"})

#: what the scan reports a name to: (name span, position, title span, gender, salient, address)
AddName = Callable[..., None]

_TEXT = itemgetter(TEXT)
_AGE = "tuổi"  # the key of the word that gives an age ("Lan Thương (26 tuổi)")
# the texts whose key (case folding) is "tuổi": each of its letters folds from two characters and
# no other (tests/test_speed_scan.py reads all of Unicode), so a set, not a memo of casefold
_AGE_SPELLINGS = frozenset(map("".join, product(*((c, c.upper()) for c in _AGE))))


def _looks_foreign(text: str) -> bool:
    """Is a word with this text a foreign-looking capital ("Blinken": no Vietnamese letter, no
    acronym)?  :func:`.mentions.looks_foreign` of the word reads only its text."""
    return text[:1].isupper() and looks_foreign((make_token(0, len(text), text),))


@lru_cache(maxsize=8)
def _foreign_words(lex: CompiledLexicon) -> WordMemo:
    """The memo of :func:`_looks_foreign` for the scanners of ``lex`` (the test does not read
    the lexicon: one memo per lexicon bounds its life as the other word tests' is)."""
    return WordMemo(_looks_foreign)


@lru_cache(maxsize=8)
def _one_word_titles(lex: CompiledLexicon) -> frozenset[str]:
    """The keys that are a title of ``lex`` alone ("HLV"); an lru_cache on the immutable lexicon."""
    titles = lex.titles
    return frozenset(k for k in titles.starts if titles.match((make_token(0, len(k), k, k),), 0) is not None)


@lru_cache(maxsize=8)
def _scan_words(lex: CompiledLexicon) -> WordMemo:
    """Of a token's text: does the scan look at the token, as a word that may add a name (it is
    capitalised, a family name, or its key, the text case-folded, starts an honorific or a
    title) or as the age word (:data:`_AGE_SPELLINGS`)?  One memo read
    once over an article's tokens, where the two tests were two passes; an lru_cache on the
    immutable compiled lexicon, as above."""
    opening, family_names = lex.honorifics.starts | lex.titles.starts, lex.family_names
    return WordMemo(lambda text: bool(text[:1].isupper() or text.casefold() in opening or text in family_names)
                    or text in _AGE_SPELLINGS)


def _plain_run_end(toks: Sequence[Token], b: int, hi: int) -> int:
    """The end ``e`` of the run of capitals from ``toks[b]``; ``b`` when there is none or a name
    particle follows it.  With no particle, :func:`.names.name_run` from each of ``toks[b:e + 1]``
    ends at ``e`` too (where ``e - b`` is under a mention's length: no bound cuts it)."""
    e = b
    while e < hi and runs_on(toks[e]):
        e += 1
    if e < hi and toks[e][KEY] in NAME_PARTICLES:
        return b  # "Salman bin Abdulaziz": a run from "bin" is empty
    return e


class NameScanner:
    """The person names of a stretch of tokens (see the module docstring)."""

    def __init__(self, lex: CompiledLexicon, parser: MentionParser) -> None:
        self.lex = lex
        self.parser = parser
        self._scan_words = _scan_words(lex)  # which token texts may add a name or are the age word
        self._foreign_words = _foreign_words(lex)  # does a token text look foreign (a capital)
        self._one_word_titles = _one_word_titles(lex)
        # the lexicon's sets _name_at reads at every word it visits, one attribute away
        self._honorific_starts, self._title_starts = lex.honorifics.starts, lex.titles.starts
        self._title_words, self._family_names = lex.titles.words, lex.family_names

    def scan(self, toks: Sequence[Token], lo: int, hi: int, add: AddName) -> None:
        """Report every name in ``toks[lo:hi]`` (one sentence) to ``add``."""
        self.scan_sentences(toks, ((lo, hi),), add)

    def scan_sentences(self, toks: Sequence[Token], sentences: Sequence[tuple[int, int]], add: AddName) -> None:
        """Report every name in each sentence (a token range of ``toks``), in order, to ``add``."""
        if not sentences:
            return
        # a token that starts no honorific or title, is not capitalised and is no family name
        # adds nothing: every branch of _name_at needs one of these (a caption credit or
        # street reads the name run there, empty), so the walk visits only the tokens that are,
        # and the age words (a lowercase "tuổi" adds nothing either).  The word test is read once
        # over all the tokens the sentences span, not sentence by sentence (a sentence is ~30
        # tokens: the lists' set-up cost as much as the reads), and the ages among those only
        a, z = min(lo for lo, _ in sentences), max(hi for _, hi in sentences)
        opens = list(compress(range(a, z), map(self._scan_words.__getitem__, map(_TEXT, toks[a:z]))))
        # where an age is written: the only tokens _aged_name_at looks for (none in most sentences);
        # it looks only inside the sentence, so the positions of all the sentences serve each
        ages = list(compress(opens, map(_AGE_SPELLINGS.__contains__, map(_TEXT, map(toks.__getitem__, opens)))))
        before_ages = {q - d for q in ages for d in (3, 4, 5)}  # where _aged_name_at may find an age
        n = len(opens)
        for lo, hi in sentences:
            k = bisect_left(opens, lo)
            while k < n and (p := opens[k]) < hi:
                after = self._name_at(toks, p, lo, hi, add, ages, before_ages)
                k += 1  # most positions add nothing and go on at the next token
                if after > p + 1:
                    k = bisect_left(opens, after, k)

    def _name_at(self, toks: Sequence[Token], i: int, lo: int, hi: int, add: AddName, ages: Sequence[int],
                 before_ages: Container[int]) -> int:
        """Where the scan goes on after ``toks[i]``: past the name, title, caption credit or
        street that opens there, else the next token.  ``ages``: the positions of "tuổi";
        ``before_ages``: those less three to five (the only words :meth:`_aged_name_at` reads)."""
        lex = self.lex
        tok = toks[i]
        key, text = tok[KEY], tok[TEXT]
        if key in self._honorific_starts and (h := lex.honorifics.match(toks, i, hi)) and (
                after := self._honorific_name(toks, i, i + h[0], hi, add)):
            return after
        # most title-start words ("người", "nhà") are no title alone and the word after them holds
        # none: their title match (which would look only at that word) is not asked
        if key in self._title_starts and (key in self._one_word_titles or (
                i + 1 < hi and toks[i + 1][KEY] in self._title_words)) and (t := lex.titles.match(toks, i, hi)):
            return self._titled_name(toks, i, hi, add, t[0]) or i + t[0]
        cap = text[:1].isupper()
        if not cap and text not in self._family_names:
            # every test below needs a capital or a family name (a caption credit's name run from a
            # lowercase word is empty): a title's first word that opened no title adds nothing
            return i + 1
        if i > lo:
            prev = toks[i - 1]
            if prev[TEXT] == ":" and i >= lo + 2 and toks[i - 2][KEY] in _CAPTION_LABELS:
                return i + (self.parser.name_run(toks, i, hi) or 1)  # a caption credit
            # street_at needs a house number or a street word before the name: asked only after one
            if (prev[TEXT][:1].isdigit() or prev[KEY] in _STREET_WORDS) and self.street_at(toks, i, lo):
                return i + (self.parser.name_run(toks, i, hi) or 1)  # "282 Nguyễn Huy Tưởng", "phố Lê Văn Hưu"
        # each asked only where its first test holds: an unaccented capital, a family name
        n = (cap and text.isascii() and self._foreign_name(toks, i, lo, hi)) or (
            text in self._family_names and self._family_name(toks, i, lo, hi))
        if n:
            add((tok[START], toks[i + n - 1][END]), tok[START], self._appositive_title(toks, i + n, hi), None)
            return i + n
        # an aged name needs a capital and an age in the sentences (none in most)
        if cap and i in before_ages and (n := self._aged_name_at(toks, i, hi, ages)):
            add((tok[START], toks[i + n - 1][END]), tok[START], None, None, salient=True)
            return i + n
        return i + 1

    def _aged_name_at(self, toks: Sequence[Token], i: int, hi: int, ages: Sequence[int]) -> int:
        """"Lan Thương (26 tuổi) và hai người bạn nói": an age beside it introduces a person.
        ``ages``: the positions of "tuổi" in the sentence, in order; it is looked for in
        ``toks[i + 3:i + 6]``."""
        if ages and toks[i][TEXT][:1].isupper():
            k = bisect_left(ages, i + 3)
            if k < len(ages) and ages[k] < min(hi, i + 6):
                return self._aged_name(toks, i, hi)
        return 0

    def _honorific_name(self, toks: Sequence[Token], i: int, r: int, hi: int, add: AddName) -> int:
        """"ông Nguyễn Văn Hùng": the name after the honorific ``toks[i:r]``; 0 when none."""
        if r >= hi or not toks[r][TEXT][:1].isupper():
            return 0
        lex = self.lex
        n = self.parser.name_run(toks, r, hi)
        if not n or lex.places.match(toks, r, r + n):
            return 0
        address = " ".join(x[KEY] for x in toks[i:r])
        add((toks[r][START], toks[r + n - 1][END]), toks[i][START], self._appositive_title(toks, r + n, hi),
            lex.honorific_gender.get(address), salient=True, address=address)
        return r + n

    def _titled_name(self, toks: Sequence[Token], i: int, hi: int, add: AddName, title_len: int) -> int:
        """A person named in the title chain at ``toks[i]``, whose first title is ``title_len``
        words long (``lex.titles.match``): where the scan goes on, 0 when none."""
        lex, parser = self.lex, self.parser
        m = self.titled_person(toks, i, hi)
        if m is not None and m.kind == "title" and m.name is not None and looks_foreign(
                [x for x in toks[m.tok_start:m.tok_end] if m.name[0] <= x[START] < m.name[1]]) and not (
                m.tok_end < hi and is_word(toks[m.tok_end]) and not toks[m.tok_end][TEXT][:1].isupper()
                and not holds_cue(lex, toks, m.tok_end, m.tok_end + 1, hi)
                and (longer := parser.parse(toks, i, m.tok_end + 1)) is not None and longer.kind == "title"):
            # "Thủ hiến Nielsen", not "Bộ trưởng Khoa | học và Công nghệ": the title runs on
            m = attrs.evolve(m, kind="person")
        elif m is None or m.kind == "title":
            m = self._foreign_tail(toks, i, hi, title_len) or m  # "Tư lệnh Phái bộ UNISFA | Benjamin Olufemi Sawyerr"
        if m is None or m.kind != "person" or m.name is None:
            return 0
        add(m.name, m.start, m.title, m.gender, salient=True)
        extra = self._appositive_title(toks, m.tok_end, hi)
        if extra:
            add(m.name, m.start, extra, m.gender)
        return m.tok_end

    def _foreign_name(self, toks: Sequence[Token], i: int, lo: int, hi: int) -> int:
        """A capitalised unaccented name of two or three words no lexicon claims ("Adva Adar")."""
        lex, parser = self.lex, self.parser
        if not (toks[i][TEXT][:1].isupper() and toks[i][TEXT].isascii() and (i == lo or toks[i - 1][TEXT] != ".")):
            return 0
        n = parser.name_run(toks, i, hi)
        # a certain name of an unaccented first word is a family name's or unaccented throughout
        # (:func:`.names.certain_name`): a run with an accented word is not asked
        if 2 <= n <= 3 and (toks[i][TEXT] in self._family_names or all(
                t[TEXT].isascii() for t in toks[i + 1:i + n])) and parser.certain_name(toks, i, i + n) and not (
                lex.outlets.match(toks, i, i + n)) and not (
                i > lo and ((toks[i - 1][TEXT][:1].isupper() and not lex.places.match_ending(toks, i, lo))
                            or lex.org_heads.match_ending(toks, i, lo))) and not self._after_place_word(toks, i, lo):
            return n
        return 0

    def _family_name(self, toks: Sequence[Token], i: int, lo: int, hi: int) -> int:
        """A Vietnamese full name opened by a family name ("Nguyễn Thị Hoa")."""
        lex = self.lex
        if toks[i][TEXT] not in lex.family_names:
            return 0
        n = self.parser.name_run(toks, i, hi)
        if 2 <= n <= 4 and not lex.places.match(toks, i, i + n) and not lex.org_heads.match(toks, i, i + n) and not (
                self._after_place_word(toks, i, lo)) and not (
                lex.non_subject_starts.match(toks, i, i + 1)
                and (lex.places.match(toks, i + 1, i + n) or is_acronym(toks[i + 1]))):
            return n  # not "Từ TP HCM đến …": a preposition and a place, not the family name Từ
        return 0

    def _aged_name(self, toks: Sequence[Token], i: int, hi: int) -> int:
        """The length of a two- or three-word capitalised name at ``toks[i]`` followed by its
        age ("Lan Thương (26 tuổi)", "Thu Thảo, 29 tuổi,"), else 0."""
        n = self.parser.name_run(toks, i, hi)
        k = i + n
        if not 2 <= n <= 3 or k + 2 >= hi or toks[k][TEXT] not in ("(", ",") or not toks[k + 1][TEXT].isdigit():
            return 0
        if toks[k + 2][KEY] != "tuổi" or (k + 3 < hi and toks[k + 3][TEXT] not in (")", ",")):
            return 0  # "Hà Đông, 30 tuổi đã là muộn": no apposition
        if self.lex.places.match(toks, i, k) or self.lex.org_heads.match(toks, i, k):
            return 0
        return n

    def _after_place_word(self, toks: Sequence[Token], i: int, lo: int) -> bool:
        """"phường Mai Dịch", "quận Nam Từ Liêm": a place word before the name, or before the
        capitalised word before it, makes it (part of) a place."""
        prefixes = self.lex.place_prefixes
        return i > lo and (prefixes.match_ending(toks, i, lo) is not None or (
            i - 1 > lo and toks[i - 1][TEXT][:1].isupper() and prefixes.match_ending(toks, i - 1, lo) is not None))

    def street_at(self, toks: Sequence[Token], i: int, lo: int) -> bool:
        """A capitalised name after a house number or a street word ("đường", "phố")."""
        if not toks[i][TEXT][:1].isupper():
            return False
        prev = toks[i - 1][TEXT]
        return (prev[:1].isdigit() and not (i - 2 >= lo and toks[i - 2][KEY] in _TIME_WORDS)) or (
            toks[i - 1][KEY] in _STREET_WORDS)

    def _foreign_tail(self, toks: Sequence[Token], i: int, hi: int, title_len: int | None = None) -> Mention | None:
        """A title chain from ``toks[i]`` that ends in two or more foreign-looking
        capitalised words ("Tư lệnh Phái bộ UNISFA Benjamin Olufemi Sawyerr"): those
        words are the person, the rest the title.  ``title_len``: the length of the title
        ``lex.titles.match`` finds at ``toks[i]``, when the caller has it."""
        if title_len is None:
            t = self.lex.titles.match(toks, i, hi)
            if t is None:
                return None
            title_len = t[0]
        run = self._foreign_run(toks, i + title_len, min(hi, i + self.parser.max_tokens))
        if run is None:
            return None
        k, e = run[0] - i, run[1] - i
        lex = self.lex
        while e - k > 2 and (lex.place_prefixes.match_ending(toks, i + k, i) or (
                (h := lex.org_heads.match_ending(toks, i + k + 1, i)) and h[0] >= 2)):
            k += 1  # "bang Texas | Henry Cuellar", "Điện Kremlin | Dmitry Peskov"
        if e - k < 2 or k == title_len:
            return None  # "Ngoại trưởng Antony Blinken": no title words left to split off
        title = self.parser.parse(toks, i, i + k)
        if title is None or title.kind != "title":
            return None
        mk = MentionBuilder(toks, i, i + e)
        return mk("person", name=(i + k, i + e), title=(i, i + k))

    def _foreign_run(self, toks: Sequence[Token], a: int, stop: int) -> tuple[int, int] | None:
        """The first run of foreign-looking capitalised words in ``toks[:stop]`` that holds a
        word past ``toks[a]``, from no earlier than ``toks[a]`` (the title's last word is
        ``toks[a - 1]``), else None.  The words' looks are read from a memo, in C, over
        ``toks[a:stop]`` (a title chain's length at most)."""
        foreign = list(map(self._foreign_words.__getitem__, map(_TEXT, toks[a:stop])))
        if True not in foreign[1:]:
            return None
        p = foreign.index(True, 1)
        e = foreign.index(False, p + 1) if False in foreign[p + 1:] else len(foreign)
        return a + (0 if p == 1 and foreign[0] else p), a + e

    def titled_person(self, toks: Sequence[Token], i: int, hi: int) -> Mention | None:
        """The shortest title-and-name mention from ``toks[i]`` ("Bộ trưởng Trương Quang
        Nghĩa" rather than a longer title chain that runs past the name)."""
        parser = self.parser
        fallback = None
        # a mention with a title and a name is a title chain's (:func:`.grammar._headed`; the other
        # recognisers give no title): an end whose chain can give no name, or no person once a
        # fallback is found, is not parsed (:class:`.chain_names.ChainNameTest`)
        names = ChainNameTest(self.lex, toks, i)
        tried = i  # the ends of the capitalised runs tried first (below) lie before this
        for b in name_ends(self.lex, toks, i, min(hi, i + parser.max_tokens)):  # the other prefixes give no name
            if b == i + 1:
                continue  # a title and a name are two runs of tokens: one token holds no title-and-name
            if not names.may_name(b, fallback is not None):
                continue
            if b >= tried and (e := _plain_run_end(toks, b, hi)) > b:
                # the name runs on to ``e`` from every end ``b..e``: when the chain to ``e`` is a
                # titled person, the first person among them gives it (as the longer name), and
                # so does ``e`` itself when none before does (ChainNameTest lets a named end
                # through).  So it is parsed first; the ends before ``e`` only when it is none
                tried = e
                longer = parser.parse(toks, i, e)
                if longer is not None and longer.kind == "person" and longer.name is not None and (
                        longer.title is not None):
                    return longer
            m = parser.parse(toks, i, b)
            if m is None or m.name is None or m.title is None:
                continue  # "Chủ" alone is not "Chủ tịch …"
            if m.kind == "person":
                # the whole name, not its first syllables: run on to the end of the capitalised words
                end = b + parser.name_run(toks, b, hi)
                if end > b:
                    longer = parser.parse(toks, i, end)
                    if longer is not None and longer.kind == "person" and longer.name is not None:
                        return longer
                return m
            if m.kind == "title" and m.name is not None and fallback is None:
                fallback = m
        return fallback

    def _appositive_title(self, toks: Sequence[Token], k: int, hi: int) -> tuple[int, int] | None:
        """The title in "NAME, Giám đốc Sở Y tế, …" / "NAME – nguyên Phó Vụ trưởng …"."""
        if k >= hi or toks[k][TEXT] not in (",", "-", "–", "—", "("):
            return None
        k += 1
        while k < hi and toks[k][KEY] in ("nguyên", "cựu", "hiện", "là", "đồng", "thời"):
            k += 1
        if k >= hi or not (self.lex.titles.match(toks, k, hi) or self.lex.org_roles.match(toks, k, hi)):
            return None
        end = k
        while end < hi and toks[end][TEXT] not in (",", ";", ":", ")", "–", "—") and toks[end][TEXT] != "-" and end - k < 16:
            if self.lex.cues.match(toks, end, hi) and not self.lex.titles.match(toks, end, hi):
                break
            end += 1
        return (toks[k][START], toks[end - 1][END]) if end > k else None
