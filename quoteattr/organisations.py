"""The organisations of one article, and which one a description refers to.

News names an organisation once and then by its kind: ``Bộ Nội vụ … Bộ này
cho hay``, ``tổ chức giáo dục IIG Việt Nam … Tổ chức này khẳng định``,
``GNN Express cho biết … doanh nghiệp chỉ cam kết``.  :class:`OrganisationIndex`
keeps, in reading order, every organisation the text names (a capitalised
head and its name, or a lowercase kind noun before a capitalised name) and
every organisation or brand that has spoken; :func:`org_description` reads a
mention as such a description, giving the kind it asks for.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence

import attrs

from .lexicon import CompiledLexicon
from .mentions import MentionParser
from .mentions.model import is_cap
from .text import NormalizedText
from .tokens import END, KEY, START, TEXT, Token, is_word

__all__ = ["OrgDescription", "OrganisationIndex", "org_description"]

# how far after a kind noun its name may start: "tổ chức giáo dục IIG Việt Nam"
_MAX_GAP = 2
# grammar words that never stand inside an organisation's name
_FUNCTION_WORDS = frozenset({"và", "của", "tại", "ở", "cho", "với", "là", "thì", "mà", "đã", "đang", "sẽ", "vừa",
                             "không", "có", "được", "bị", "về", "từ", "theo", "trong", "khi", "nên", "hay", "hoặc"})


@attrs.frozen(slots=True)
class OrgDescription:
    """A mention that names an organisation only by its kind (``Sở này``, ``hãng``)."""

    kind: str  # a kind of org_nouns.tsv, or "any"


def org_description(lex: CompiledLexicon, toks: Sequence[Token], a: int, b: int) -> OrgDescription | None:
    """``toks[a:b]`` as a kind noun with a demonstrative ("doanh nghiệp này") or,
    for nouns marked 'alone', by itself ("Hãng", "nhà trường"); else ``None``
    ("các doanh nghiệp" is a group, "Công ty Sao Mai" a name)."""
    hit = lex.org_nouns.match(toks, a, b)
    if hit is None:
        return None
    n, (kind, alone) = hit
    if a + n == b:
        return OrgDescription(kind) if alone else None
    dem = lex.demonstratives.match(toks, a + n, b)
    if dem is not None and a + n + dem[0] == b:
        return OrgDescription(kind)
    return None


def compatible(wanted: str, kind: str | None) -> bool:
    """Can an organisation of ``kind`` (None: a bare brand) be called ``wanted``?"""
    if wanted == "any" or wanted == kind:
        return True
    return kind is None and wanted in ("company", "bank")


@attrs.frozen(slots=True, order=True)
class _Named:
    pos: int
    name: str = attrs.field(order=False)
    kind: str | None = attrs.field(order=False)


class OrganisationIndex:
    """Organisations named or heard from in one article, in reading order.

    >>> # "Bộ Nội vụ vừa có văn bản. Bộ này cho hay, …": latest("ministry", pos) → "Bộ Nội vụ"
    """

    def __init__(self, nt: NormalizedText, toks: Sequence[Token], sent_tokens: Sequence[tuple[int, int]],
                 parser: MentionParser, lex: CompiledLexicon) -> None:
        self.nt, self.toks, self.parser, self.lex = nt, toks, parser, lex
        self.sent_tokens = sent_tokens
        self._index: list[_Named] | None = None  # built by ``_named`` when first asked
        self._early: list[_Named] = []  # heard before it was built, in the order heard

    @property
    def _named(self) -> list[_Named]:
        """Every organisation named or heard, in reading order.  Built on the first question:
        most articles never describe an organisation by its kind, and then the scan of every
        sentence is not needed.  The scan reads only the tokens, so building it later finds
        what building it at once would, and those heard before are inserted in the order heard,
        as ``heard`` would have."""
        if self._index is None:
            found: list[_Named] = []
            for lo, hi in self.sent_tokens:
                self._scan(lo, hi, found)
            found.sort()
            for named in self._early:
                insort(found, named)
            self._index = found
        return self._index

    @_named.setter
    def _named(self, named: list[_Named]) -> None:
        self._index = named

    def heard(self, pos: int, name: str, kind: str | None) -> None:
        """An organisation or brand that spoke at ``pos`` ("Vietcombank cho hay")."""
        if self._index is None:
            self._early.append(_Named(pos, name, kind))
        else:
            insort(self._index, _Named(pos, name, kind))

    def latest(self, wanted: str, pos: int) -> str | None:
        """The last organisation before ``pos`` that can be called ``wanted``."""
        k = bisect_left(self._named, _Named(pos, "", None))
        for named in reversed(self._named[max(0, k - 200):k]):
            if compatible(wanted, named.kind):
                return named.name
        return None

    def kind_of(self, toks: Sequence[Token], a: int, b: int) -> str | None:
        """The kind an organisation name's head gives it ("Sở Y tế" → department)."""
        hit = self.lex.org_nouns.match(toks, a, b)
        return hit[1][0] if hit else None

    # --- collecting ---------------------------------------------------------------------------
    def _scan(self, lo: int, hi: int, found: list[_Named]) -> None:
        toks, lex = self.toks, self.lex
        head_starts, noun_starts = lex.org_heads.starts, lex.org_nouns.starts  # most words start neither
        # the walk visits only those that do: at any other word both branches find nothing
        opens = [q for q in range(lo, hi) if toks[q][TEXT] in head_starts or toks[q][KEY] in noun_starts]
        i = lo
        while (k := bisect_left(opens, i)) < len(opens):
            i = opens[k]
            if is_cap(toks[i]) and toks[i][TEXT] in head_starts and lex.org_heads.match(toks, i, hi) and not (
                    self._person_at(i, hi)):
                end = self.organisation_end(i, hi)
                if end:
                    self._add(found, i, end, self.kind_of(toks, i, end))
                    i = end
                    continue
            hit = lex.org_nouns.match(toks, i, hi) if toks[i][KEY] in noun_starts else None
            if hit is not None and not is_cap(toks[i]) and (hit[0] >= 2 or toks[i][KEY] == "hãng"):
                named = self._classified(i + hit[0], hi)
                if named is not None:
                    self._add(found, named[0], named[1], hit[1][0])
                    i = named[1]
                    continue
            i += 1

    def _person_at(self, i: int, hi: int) -> bool:
        """"Đoàn Hồng Nam", "ông Trường": a family name or a name after an honorific,
        not an organisation head."""
        toks, lex = self.toks, self.lex
        if i > 0 and lex.honorifics.match_ending(toks, i, max(0, i - 2)):
            return True
        n = self.parser.name_run(toks, i, hi)
        return toks[i][TEXT] in lex.family_names and 2 <= n <= 4 and self.parser.certain_name(toks, i, i + n)

    def plausible(self, a: int, b: int) -> bool:
        """Could ``toks[a:b]`` be an organisation's whole name (no grammar word inside)?"""
        return not self._person_at(a, b) and not any(self.stops(j, b) for j in range(a + 1, b))

    def organisation_end(self, i: int, hi: int) -> int:
        """End of the organisation name opened by the capitalised head at ``toks[i]``:
        through its capitalised words, lowercase syllables between them, and one
        lowercase syllable after the last ("Bộ Nội vụ", "Sở Công Thương TP HCM"),
        never into the predicate ("Tập đoàn Hòa Phát vừa công bố"); 0 when no
        capitalised word follows the head ("Sở này")."""
        toks = self.toks
        head = self.lex.org_heads.match(toks, i, hi)
        assert head is not None  # callers start at an organisation's head
        j = i + head[0]
        last = 0
        gap = 0
        while j < hi and j - i < 16:
            if is_cap(toks[j]) or (last and toks[j][TEXT] == "&"):
                last, gap = j + 1, 0
            elif is_word(toks[j]) and not toks[j][TEXT][:1].isdigit() and gap < 3 and not self._ends_name(j, hi):
                gap += 1
            else:
                break
            j += 1
        cue = self.lex.cues.match(toks, last, hi) if last and last < hi else None
        if last and last < hi and is_word(toks[last]) and not is_cap(toks[last]) and not self._ends_name(last, hi) and (
                cue is None or cue[0] < 2):  # "Bộ Ngoại giao", not "Cục Cải huấn Thái Lan đề | nghị"
            last += 1  # the second syllable of the last word: "Bộ Y tế"
        return last

    def _ends_name(self, j: int, hi: int) -> bool:
        """A word an organisation's name cannot go on through: a grammar word other
        than "và" before a capital ("Bộ Giáo dục và Đào tạo"); a cue word may
        be a syllable of the name ("Bộ Ngoại giao")."""
        toks, lex = self.toks, self.lex
        if toks[j][KEY] == "và":
            return not (j + 1 < hi and is_cap(toks[j + 1]))
        return toks[j][KEY] in _FUNCTION_WORDS or any(
            m.match(toks, j, hi) for m in (lex.adverbs, lex.clause_markers, lex.modals, lex.demonstratives,
                                            lex.connectives, lex.honorifics))

    def stops(self, j: int, hi: int) -> bool:
        """A word that ends a name: a grammar word, a demonstrative, a cue."""
        lex, toks = self.lex, self.toks
        return toks[j][KEY] in _FUNCTION_WORDS or any(
            m.match(toks, j, hi) for m in (lex.adverbs, lex.clause_markers, lex.modals, lex.demonstratives,
                                            lex.cues, lex.connectives, lex.honorifics))

    def _classified(self, k: int, hi: int) -> tuple[int, int] | None:
        """The capitalised name a lowercase kind noun introduces ("hãng xe Toyota")."""
        toks, lex = self.toks, self.lex
        for s in range(k, min(hi, k + _MAX_GAP + 1)):
            if is_cap(toks[s]):
                n = self.parser.name_run(toks, s, hi)
                if not n or lex.places.match(toks, s, s + n) or lex.honorifics.match(toks, s, s + n):
                    return None
                m = self.parser.parse(toks, s, s + n)
                if m is not None and m.kind == "person" and m.certain:
                    return None  # "công ty của ông Nguyễn Văn Hùng"
                return s, s + n
            if not is_word(toks[s]) or toks[s][TEXT] in (",", ";", ":") or toks[s][KEY] in _FUNCTION_WORDS:
                return None  # "trái phiếu doanh nghiệp là Nghị định 65": a predicate, not the kind's name
        return None

    def _add(self, found: list[_Named], a: int, b: int, kind: str | None) -> None:
        toks = self.toks
        found.append(_Named(toks[a][START], self.nt.spelling(toks[a][START], toks[b - 1][END]), kind))

