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
from collections.abc import Sequence

import attrs

from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser, looks_foreign
from .mentions.model import MentionBuilder, is_acronym
from .mentions.names import holds_cue
from .mentions.titles import name_ends
from .text import NormalizedText, fold
from .tokens import Token

__all__ = ["Entity", "EntityRegistry", "ResolvedSpeaker"]

# before a number they make it a date, not a house number ("ngày 5 Nguyễn …" is rare, "năm 2020" common)
_STREET_WORDS = frozenset({"đường", "phố", "ngõ", "hẻm", "ngách", "số"})
# labels of a caption credit: "Ảnh: Lê Văn." names a photographer, nobody in the story
_CAPTION_LABELS = frozenset({"ảnh", "video", "clip", "đồ họa", "đồ hoạ", "nguồn", "minh họa", "minh hoạ"})
_TIME_WORDS = frozenset({"ngày", "tháng", "năm", "hôm", "lúc", "sáng", "chiều", "tối", "đêm", "trưa"})


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


class EntityRegistry:
    """Person names of an article, built once before attribution.

    Full names (two words or more) become entities; a shorter full name that
    ends another ("Phương Nga", "Trương Hồ Phương Nga") joins it.  One-word
    references ("ông Vương", "bà Kingi") are resolved when asked, to the
    nearest entity whose name ends (or, for Chinese readings, starts) with the word.
    """

    def __init__(self, nt: NormalizedText, tokens: Sequence[Token], sentences: Sequence[tuple[int, int]],
                 parser: MentionParser, lex: CompiledLexicon) -> None:
        self.nt = nt
        self.lex = lex
        self.parser = parser
        self.occurrences: list[_Occurrence] = []
        for lo, hi in sentences:
            self._scan(tokens, lo, hi)
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

    # --- collecting ---------------------------------------------------------------------------
    def _scan(self, toks: Sequence[Token], lo: int, hi: int) -> None:
        lex, parser = self.lex, self.parser
        honorific_starts, title_starts = lex.honorifics.starts, lex.titles.starts  # most words start neither
        # a token that starts no honorific or title, is not capitalised and is no family name
        # adds nothing: every branch below needs one of these (a caption credit or street
        # reads the name run there, empty), so the walk visits only the tokens that are
        family_names, opening = lex.family_names, self._opening_keys()
        opens = [q for q, t in enumerate(toks[lo:hi], lo) if t.text[:1].isupper() or t.key in opening
                 or t.text in family_names]
        i = lo
        while (k := bisect_left(opens, i)) < len(opens):
            i = opens[k]
            h = lex.honorifics.match(toks, i, hi) if toks[i].key in honorific_starts else None
            t = lex.titles.match(toks, i, hi) if toks[i].key in title_starts else None
            if h and i + h[0] < hi and toks[i + h[0]].text[:1].isupper():
                r = i + h[0]
                n = parser.name_run(toks, r, hi)
                if n and not lex.places.match(toks, r, r + n):
                    address = " ".join(x.key for x in toks[i:r])
                    self._add((toks[r].start, toks[r + n - 1].end), toks[i].start,
                              self._appositive_title(toks, r + n, hi), lex.honorific_gender.get(address),
                              salient=True, address=address)
                    i = r + n
                    continue
            if t:
                m = self._titled_person(toks, i, hi)
                if m is not None and m.kind == "title" and m.name is not None and looks_foreign(
                        [x for x in toks[m.tok_start:m.tok_end] if m.name[0] <= x.start < m.name[1]]) and not (
                        m.tok_end < hi and toks[m.tok_end].is_word and not toks[m.tok_end].text[:1].isupper()
                        and not holds_cue(lex, toks, m.tok_end, m.tok_end + 1, hi) and (longer := parser.parse(toks, i, m.tok_end + 1)) is not None and longer.kind == "title"):
                    # "Thủ hiến Nielsen", not "Bộ trưởng Khoa | học và Công nghệ": the title runs on
                    m = attrs.evolve(m, kind="person")
                elif m is None or m.kind == "title":
                    m = self._foreign_tail(toks, i, hi) or m  # "Tư lệnh Phái bộ UNISFA | Benjamin Olufemi Sawyerr"
                if m is not None and m.kind == "person" and m.name is not None:
                    self._add(m.name, m.start, m.title, m.gender, salient=True)
                    extra = self._appositive_title(toks, m.tok_end, hi)
                    if extra:
                        self._add(m.name, m.start, extra, m.gender)
                    i = m.tok_end
                    continue
                i += t[0]
                continue
            if i >= lo + 2 and toks[i - 1].text == ":" and toks[i - 2].key in _CAPTION_LABELS:
                i += parser.name_run(toks, i, hi) or 1  # a caption credit
                continue
            if i > lo and self._street_at(toks, i, lo):
                i += parser.name_run(toks, i, hi) or 1  # "282 Nguyễn Huy Tưởng", "phố Lê Văn Hưu": streets
                continue
            if toks[i].text[:1].isupper() and toks[i].text.isascii() and (i == lo or toks[i - 1].text not in (".",)):
                n = parser.name_run(toks, i, hi)
                if 2 <= n <= 3 and parser.certain_name(toks, i, i + n) and not lex.outlets.match(toks, i, i + n) and not (
                        i > lo and ((toks[i - 1].text[:1].isupper() and not lex.places.match_ending(toks, i, lo))
                                    or lex.org_heads.match_ending(toks, i, lo))) and not self._after_place_word(toks, i, lo):
                    self._add((toks[i].start, toks[i + n - 1].end), toks[i].start,
                              self._appositive_title(toks, i + n, hi), None)
                    i += n
                    continue
            if toks[i].text in lex.family_names:
                n = parser.name_run(toks, i, hi)
                if 2 <= n <= 4 and not lex.places.match(toks, i, i + n) and not lex.org_heads.match(toks, i, i + n) and not (
                        self._after_place_word(toks, i, lo)) and not (
                        lex.non_subject_starts.match(toks, i, i + 1)
                        and (lex.places.match(toks, i + 1, i + n) or is_acronym(toks[i + 1]))):
                    # "Từ TP HCM đến …": a preposition and a place, not the family name Từ
                    self._add((toks[i].start, toks[i + n - 1].end), toks[i].start,
                              self._appositive_title(toks, i + n, hi), None)
                    i += n
                    continue
            if toks[i].text[:1].isupper() and any(t.key == "tuổi" for t in toks[i + 3:min(hi, i + 6)]) and (
                    n := self._aged_name(toks, i, hi)):
                # "Lan Thương (26 tuổi) và hai người bạn nói": an age beside it introduces a person
                self._add((toks[i].start, toks[i + n - 1].end), toks[i].start, None, None, salient=True)
                i += n
                continue
            i += 1

    def _aged_name(self, toks: Sequence[Token], i: int, hi: int) -> int:
        """The length of a two- or three-word capitalised name at ``toks[i]`` followed by its
        age ("Lan Thương (26 tuổi)", "Thu Thảo, 29 tuổi,"), else 0."""
        n = self.parser.name_run(toks, i, hi)
        k = i + n
        if not 2 <= n <= 3 or k + 2 >= hi or toks[k].text not in ("(", ",") or not toks[k + 1].text.isdigit():
            return 0
        if toks[k + 2].key != "tuổi" or (k + 3 < hi and toks[k + 3].text not in (")", ",")):
            return 0  # "Hà Đông, 30 tuổi đã là muộn": no apposition
        if self.lex.places.match(toks, i, k) or self.lex.org_heads.match(toks, i, k):
            return 0
        return n

    def _after_place_word(self, toks: Sequence[Token], i: int, lo: int) -> bool:
        """"phường Mai Dịch", "quận Nam Từ Liêm": a place word before the name, or before the
        capitalised word before it, makes it (part of) a place."""
        prefixes = self.lex.place_prefixes
        return i > lo and (prefixes.match_ending(toks, i, lo) is not None or (
            i - 1 > lo and toks[i - 1].text[:1].isupper() and prefixes.match_ending(toks, i - 1, lo) is not None))

    def _opening_keys(self) -> frozenset[str]:
        """The first words of every honorific and title, one set, made once for this registry."""
        keys = self.__dict__.get("_opening")
        if keys is None:
            keys = self._opening = self.lex.honorifics.starts | self.lex.titles.starts
        return keys

    def _street_at(self, toks: Sequence[Token], i: int, lo: int) -> bool:
        """A capitalised name after a house number or a street word ("đường", "phố")."""
        if not toks[i].text[:1].isupper():
            return False
        prev = toks[i - 1].text
        return (prev[:1].isdigit() and not (i - 2 >= lo and toks[i - 2].key in _TIME_WORDS)) or (
            toks[i - 1].key in _STREET_WORDS)

    def _foreign_tail(self, toks: Sequence[Token], i: int, hi: int) -> Mention | None:
        """A title chain from ``toks[i]`` that ends in two or more foreign-looking
        capitalised words ("Tư lệnh Phái bộ UNISFA Benjamin Olufemi Sawyerr"): those
        words are the person, the rest the title."""
        t = self.lex.titles.match(toks, i, hi)
        if t is None:
            return None
        foreign = [x.text[:1].isupper() and looks_foreign([x]) for x in toks[i:min(hi, i + self.parser.max_tokens)]]
        for e in range(t[0] + 2, len(foreign) + 1):
            if not foreign[e - 1] or (e < len(foreign) and foreign[e]):
                continue
            k = e
            while k > t[0] and foreign[k - 1]:
                k -= 1
            lex = self.lex
            while e - k > 2 and (lex.place_prefixes.match_ending(toks, i + k, i) or (
                    (h := lex.org_heads.match_ending(toks, i + k + 1, i)) and h[0] >= 2)):
                k += 1  # "bang Texas | Henry Cuellar", "Điện Kremlin | Dmitry Peskov"
            if e - k < 2 or k == t[0]:
                return None  # "Ngoại trưởng Antony Blinken": no title words left to split off
            title = self.parser.parse(toks, i, i + k)
            if title is None or title.kind != "title":
                return None
            mk = MentionBuilder(toks, i, i + e)
            return mk("person", name=(i + k, i + e), title=(i, i + k))
        return None

    def _titled_person(self, toks: Sequence[Token], i: int, hi: int) -> Mention | None:
        """The shortest title-and-name mention from ``toks[i]`` ("Bộ trưởng Trương Quang
        Nghĩa" rather than a longer title chain that runs past the name)."""
        parser = self.parser
        fallback = None
        for b in name_ends(self.lex, toks, i, min(hi, i + parser.max_tokens)):  # the other prefixes give no name
            if b == i + 1:
                continue  # a title and a name are two runs of tokens: one token holds no title-and-name
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
        if k >= hi or toks[k].text not in (",", "-", "–", "—", "("):
            return None
        k += 1
        while k < hi and toks[k].key in ("nguyên", "cựu", "hiện", "là", "đồng", "thời"):
            k += 1
        if k >= hi or not (self.lex.titles.match(toks, k, hi) or self.lex.org_roles.match(toks, k, hi)):
            return None
        end = k
        while end < hi and toks[end].text not in (",", ";", ":", ")", "–", "—") and toks[end].text != "-" and end - k < 16:
            if self.lex.cues.match(toks, end, hi) and not self.lex.titles.match(toks, end, hi):
                break
            end += 1
        return (toks[k].start, toks[end - 1].end) if end > k else None

    def _key(self, span: tuple[int, int]) -> tuple[str, ...]:
        return tuple(fold(self.nt.text[span[0]:span[1]]).split())

    def _add(self, name: tuple[int, int], pos: int, title: tuple[int, int] | None, gender: str | None,
             salient: bool = False, address: str | None = None) -> None:
        title_text = fold(self.nt.text[title[0]:title[1]]) if title else None
        spelled = self.nt.spelling(*name)
        text = self.nt.text
        if text[name[1]:name[1] + 1] == "." and text[name[1] - 1].isupper() and (
                name[1] - name[0] == 1 or not text[name[1] - 2].isalnum()):
            spelled += "."  # a name that ends in an initial, as newspapers shorten them: "Phạm Đình V."
        self.occurrences.append(_Occurrence(self._key(name), spelled, pos, title_text, gender, salient,
                                            address))

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
            i = bisect_left(positions, pos)
            near = [positions[x] for x in (i - 1, i) if 0 <= x < len(positions)]
            p = min(near, key=lambda q: (abs(q - pos), q > pos))
            rank = (score, -int(p > pos), -abs(pos - p))
            if best is None or rank > best[0]:
                best = (rank, ent)
        return best[1] if best else None

    def person(self, name: tuple[int, int], pos: int, gender: str | None = None) -> Entity | None:
        return self._match(self._key(name), pos, gender)

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
                    if not want <= set(_official_title(title).split()):
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


def _official_title(title: str) -> str:
    """A folded title written out as in office: "thủ tướng" heads the government
    ("Thủ tướng Chính phủ"), so "lãnh đạo Chính phủ" is the prime minister; "ngoại trưởng"
    is the minister of foreign affairs ("lãnh đạo Bộ Ngoại giao Mỹ" is "Ngoại trưởng Mỹ …")."""
    if (title == "thủ tướng" or title.startswith("thủ tướng ")) and "chính phủ" not in title:
        return title.replace("thủ tướng", "thủ tướng chính phủ", 1)
    if title == "ngoại trưởng" or title.startswith("ngoại trưởng "):
        return title.replace("ngoại trưởng", "bộ trưởng bộ ngoại giao", 1)
    return title


def _title_words(title: str) -> str:
    """A folded title with the administrative words of its place written one way."""
    return " ".join(w for w in title.replace("thành phố", "tp").replace("ủy ban nhân dân", "ubnd").split()
                    if w != "ubnd")
