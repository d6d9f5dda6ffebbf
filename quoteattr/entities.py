"""The people and organisations of one article, and who a mention refers to.

:class:`EntityRegistry` collects every person and organisation name the
article gives (with the titles written beside them), so a short or titled
reference resolves to the fullest form anywhere in the article:
Western names by last name (``ông Blinken`` → Antony Blinken), Chinese
readings by family name (``ông Vương`` → Vương Nghị), Vietnamese names by
given name (``ông Hùng`` → Nguyễn Văn Hùng), titles by title (``Chủ tịch
UBND TP`` → the person introduced as ``Chủ tịch UBND TP Hà Nội …``).
Pronouns and descriptions resolve to the latest compatible speaker.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Mapping, Sequence

import attrs

from .lexicon import CompiledLexicon
from .mentions import MentionParser
from .name_scan import NameScanner
from .text import NormalizedText, fold, fold_working
from .tokens import Token

__all__ = ["Entity", "EntityRegistry", "NameCollector", "ResolvedSpeaker"]

@attrs.define
class Entity:
    """One named person: its fullest spelling, where it is mentioned, its titles."""

    kind: str  # "person"
    fullest: str = ""
    positions: list[int] = attrs.Factory(list)  # sorted once the registry is built
    titles: list[str] = attrs.Factory(list)
    gender: str | None = None
    addressed: set[str] = attrs.Factory(set)  # the honorifics written before the name ("ông", "anh")

    def add_name(self, spelled: str) -> None:
        if (len(spelled.split()), len(spelled)) > (len(self.fullest.split()), len(self.fullest)):
            self.fullest = spelled

    def nearest(self, pos: int) -> tuple[int, int]:
        """(distance, position) of the mention nearest to ``pos``."""
        k = bisect_left(self.positions, pos)
        best = (abs(self.positions[k] - pos), self.positions[k]) if k < len(self.positions) else None
        if k > 0:
            before = (pos - self.positions[k - 1], self.positions[k - 1])
            if best is None or before[0] <= best[0]:
                best = before
        return best if best is not None else (1 << 62, 0)

    def last_before(self, pos: int) -> int | None:
        k = bisect_left(self.positions, pos)
        return self.positions[k - 1] if k > 0 else None


@attrs.frozen(slots=True)
class ResolvedSpeaker:
    name: str | None
    type: str
    entity: Entity | None = None
    resolved_by: str = "name"  # name | registry | title | anaphor | description


def _name_key(nt: NormalizedText, span: tuple[int, int]) -> tuple[str, ...]:
    # fold of the stretch of the working copy: a name's span cuts no word, so no retone is redone
    return tuple(fold_working(nt.text, span[0], span[1]).split())


def _female_name(key: tuple[str, ...]) -> bool:
    return "thị" in key[:-1]


@attrs.frozen(slots=True)
class _Occurrence:
    key: tuple[str, ...]
    spelled: str
    pos: int
    title: str | None
    gender: str | None
    salient: bool = False  # introduced with an honorific or title ("ông Vương", "HLV Võ Đình Tân")
    address: str | None = None  # the honorific before the name


class NameCollector:
    """The name occurrences of an article, gathered sentence by sentence (the first half of a
    registry: :class:`EntityRegistry` builds the entities from them)."""

    def __init__(self, nt: NormalizedText, parser: MentionParser, lex: CompiledLexicon) -> None:
        self.nt = nt
        self.scanner = NameScanner(lex, parser)
        self.occurrences: list[_Occurrence] = []

    def collect(self, tokens: Sequence[Token], sentences: Sequence[tuple[int, int]]) -> None:
        """Add the names of each sentence (a token range of ``tokens``), in reading order."""
        self.scanner.scan_sentences(tokens, sentences, self._add)

    def _add(self, name: tuple[int, int], pos: int, title: tuple[int, int] | None, gender: str | None,
             salient: bool = False, address: str | None = None) -> None:
        title_text = fold_working(self.nt.text, title[0], title[1]) if title else None
        spelled = self.nt.spelling(*name)
        text = self.nt.text
        if text[name[1]:name[1] + 1] == "." and text[name[1] - 1].isupper() and (
                name[1] - name[0] == 1 or not text[name[1] - 2].isalnum()):
            spelled += "."  # a name that ends in an initial, as newspapers shorten them: "Phạm Đình V."
        self.occurrences.append(_Occurrence(_name_key(self.nt, name), spelled, pos, title_text, gender, salient,
                                            address))


class EntityRegistry:
    """Person names of an article, built once before attribution.

    Full names (two words or more) become entities; a shorter full name that
    ends another ("Phương Nga", "Trương Hồ Phương Nga") joins it.  One-word
    references ("ông Vương", "bà Kingi") are resolved when asked, to the
    nearest entity whose name ends (or, for Chinese readings, starts) with the word.
    """

    def __init__(self, nt: NormalizedText, tokens: Sequence[Token], sentences: Sequence[tuple[int, int]],
                 parser: MentionParser, lex: CompiledLexicon, *, names: NameCollector | None = None) -> None:
        """The registry of the names in ``sentences`` (token ranges of ``tokens``), or, given
        ``names``, of the names a collector gathered already (a long article, window by window)."""
        self.nt = nt
        self.lex = lex
        self.parser = parser
        if names is None:
            names = NameCollector(nt, parser, lex)
            names.collect(tokens, sentences)
        self.scanner = names.scanner
        self.occurrences: list[_Occurrence] = names.occurrences
        self.entities: list[Entity] = []
        # (last word | first word) → {(entity id, key): (entity, key, sorted positions)}:
        # a lookup touches only the distinct names that could match, however often they occur
        self._by_last: dict[str, dict[tuple[int, tuple[str, ...]], tuple[Entity, tuple[str, ...], list[int]]]] = {}
        self._by_first: dict[str, dict[tuple[int, tuple[str, ...]], tuple[Entity, tuple[str, ...], list[int]]]] = {}
        self._by_title_word: dict[str, dict[tuple[int, str], tuple[Entity, str]]] = {}
        for occ in sorted((o for o in self.occurrences if len(o.key) >= 2), key=lambda o: -len(o.key)):
            ent = next((e for e, k, _ in self._by_last.get(occ.key[-1], {}).values()
                        if k[-len(occ.key):] == occ.key), None)
            if ent is None:
                ent = Entity("person")
                self.entities.append(ent)
            self._attach(ent, occ)
        for occ in self.occurrences:
            if len(occ.key) == 1:
                ent = self._match(occ.key, occ.pos, occ.gender)
                if ent is None:  # only ever called "anh Hoàng": a one-word entity
                    ent = Entity("person")
                    self.entities.append(ent)
                self._attach(ent, occ)
        # every mention in reading order, for "the latest person named before here"
        self._timeline = sorted(((p, i) for i, e in enumerate(self.entities) for p in e.positions))
        self._timeline_pos = [p for p, _ in self._timeline]
        index = {id(e): i for i, e in enumerate(self.entities)}
        salient = []
        for occ in self.occurrences:
            if occ.salient:
                ent = self._match(occ.key, occ.pos, occ.gender)
                if ent is not None:
                    salient.append((occ.pos, index[id(ent)]))
        salient.sort()
        self._salient = salient
        self._salient_pos = [p for p, _ in salient]

    def salient_between(self, start: int, end: int, gender: str | None) -> list[Entity]:
        """The people named with an honorific or title in [start, end), of a
        compatible gender, each once, in the order they first appear there."""
        lo, hi = bisect_left(self._salient_pos, start), bisect_left(self._salient_pos, end)
        found: list[Entity] = []
        for _, i in self._salient[lo:hi]:
            e = self.entities[i]
            if not (gender and e.gender and e.gender != gender) and all(e is not f for f in found):
                found.append(e)
        return found

    def named_before(self, pos: int, limit: int = 30):
        """Entities mentioned before ``pos``, nearest first (at most ``limit``)."""
        k = bisect_left(self._timeline_pos, pos)
        seen: set[int] = set()
        while k > 0 and len(seen) < limit:
            k -= 1
            i = self._timeline[k][1]
            if i not in seen:
                seen.add(i)
                yield self.entities[i]

    def _attach(self, ent: Entity, occ: _Occurrence) -> None:
        ent.add_name(occ.spelled)
        insort(ent.positions, occ.pos)
        for index, word in ((self._by_last, occ.key[-1]), (self._by_first, occ.key[0])):
            slot = index.setdefault(word, {})
            entry = slot.get((id(ent), occ.key))
            if entry is None:
                slot[(id(ent), occ.key)] = (ent, occ.key, [occ.pos])
            else:
                insort(entry[2], occ.pos)
        if occ.title:
            if occ.title not in ent.titles:
                ent.titles.append(occ.title)
            self._by_title_word.setdefault(occ.title.split()[0], {})[(id(ent), occ.title)] = (ent, occ.title)
        if occ.address:
            ent.addressed.add(occ.address)
        if occ.gender and not ent.gender:
            ent.gender = occ.gender
        if not ent.gender and _female_name(occ.key):
            ent.gender = "f"

    # --- resolving ----------------------------------------------------------------------------
    def _match(self, key: tuple[str, ...], pos: int, gender: str | None = None) -> Entity | None:
        """The entity a name refers to: the same name, or a longer one ending with
        it, or (one word, Chinese reading) starting with it; nearest wins, the
        preceding one on a tie."""
        best: tuple[tuple[int, int, int], Entity] | None = None
        pool = list(self._by_last.get(key[-1], {}).values())
        if len(key) == 1:
            pool += self._by_first.get(key[0], {}).values()
        for ent, k, positions in pool:
            if gender and ent.gender and ent.gender != gender:
                continue  # "bà Kara-Murza" is not her husband
            if k == key:
                score = 3
            elif len(key) < len(k) and k[-len(key):] == key:
                score = 2
            elif len(key) == 1 and k[0] == key[0] and len(k) <= 3:
                score = 1  # Chinese reading: family name first ("ông Vương")
            else:
                continue
            # the occurrence nearest ``pos``, the earlier on a tie: positions[i - 1] < pos <= positions[i]
            i = bisect_left(positions, pos)
            if i == len(positions) or (i and pos - positions[i - 1] <= positions[i] - pos):
                p = positions[i - 1]
            else:
                p = positions[i]
            rank = (score, -int(p > pos), -abs(pos - p))
            if best is None or rank > best[0]:
                best = (rank, ent)
        return best[1] if best else None

    def person(self, name: tuple[int, int], pos: int, gender: str | None = None) -> Entity | None:
        return self._match(_name_key(self.nt, name), pos, gender)

    def by_role(self, role: str, org: str | None, pos: int, words: frozenset[str] = frozenset()) -> Entity | None:
        """The person nearest ``pos`` introduced as working for ``org`` ("Bà Liên, Phó
        tổng giám đốc PPJ Group" for "lãnh đạo PPJ Group"), or, with no
        organisation, in the role itself, with ``words`` in it ("chị Tuyền, nhân viên
        kinh doanh cửa hàng" for "nhân viên", "nhân viên kinh doanh của cửa hàng")."""
        want = set(fold(org).split()) if org else None
        best: tuple[int, Entity] | None = None
        for slot in self._by_title_word.values():
            for ent, title in slot.values():
                if want is not None:
                    if not want <= set(_official_title(title, self.lex.title_offices).split()):
                        continue
                elif not (title == role or title.startswith(role + " ")) or not words <= set(title.split()):
                    continue
                d = ent.nearest(pos)[0]
                if best is None or d < best[0]:
                    best = (d, ent)
        return best[1] if best else None

    def by_title(self, title: str, pos: int) -> Entity | None:
        """A person introduced with this title (or one starting with it); "thành phố"
        and "TP" are one word, "UBND" before a place may be left out ("Chủ tịch UBND
        Hải Phòng" is the "Chủ tịch TP Hải Phòng" named before)."""
        t = _title_words(fold(title))
        words = t.split()
        if not words:
            return None
        best: tuple[int, Entity] | None = None
        for ent, et in self._by_title_word.get(words[0], {}).values():
            et = _title_words(et)
            ewords = et.split()
            if et == t or et.startswith(t + " ") or (
                    len(words) >= 2 and ewords[:2] == words[:2]
                    and (set(words) <= set(ewords) or set(ewords) <= set(words))):
                d = ent.nearest(pos)[0]
                if best is None or d < best[0]:
                    best = (d, ent)
        return best[1] if best else None


def _official_title(title: str, offices: Mapping[str, str]) -> str:
    """A folded title written out as in office (``offices``: the lexicon's title_offices):
    "thủ tướng" heads the government ("Thủ tướng Chính phủ"), so "lãnh đạo Chính phủ" is the
    prime minister; "ngoại trưởng" is the minister of foreign affairs."""
    for short, office in offices.items():
        if (title == short or title.startswith(short + " ")) and office not in title:
            return title.replace(short, office, 1)
    return title


def _title_words(title: str) -> str:
    """A folded title with the administrative words of its place written one way."""
    return " ".join(w for w in title.replace("thành phố", "tp").replace("ủy ban nhân dân", "ubnd").split()
                    if w != "ubnd")
