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

from collections.abc import Callable

from .analysis import Analysis
from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser, looks_foreign
from .segment import Sentence
from .text import NormalizedText, fold
from .tokens import Token

__all__ = ["Entity", "EntityRegistry", "ResolvedSpeaker", "SpeakerResolver"]


@attrs.define
class Entity:
    """One named person: its fullest spelling, where it is mentioned, its titles."""

    kind: str  # "person"
    fullest: str = ""
    positions: list[int] = attrs.Factory(list)  # sorted once the registry is built
    titles: list[str] = attrs.Factory(list)
    gender: str | None = None

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

    def salient_between(self, start: int, end: int, gender: str | None) -> Entity | None:
        """In the most recent sentence-ish stretch [start, end): the first person named
        with an honorific or title (subjects come first), of a compatible gender."""
        lo, hi = bisect_left(self._salient_pos, start), bisect_left(self._salient_pos, end)
        found = [self.entities[i] for _, i in self._salient[lo:hi]]
        found = [e for e in found if not (gender and e.gender and e.gender != gender)]
        if not found:
            return None
        return found[0] if len({id(e) for e in found}) == 1 else found[-1]

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
        if occ.gender and not ent.gender:
            ent.gender = occ.gender
        if not ent.gender and _female_name(occ.key):
            ent.gender = "f"

    # --- collecting ---------------------------------------------------------------------------
    def _scan(self, toks: Sequence[Token], lo: int, hi: int) -> None:
        lex, parser = self.lex, self.parser
        i = lo
        while i < hi:
            h = lex.honorifics.match(toks, i, hi)
            t = lex.titles.match(toks, i, hi)
            if h and i + h[0] < hi and toks[i + h[0]].text[:1].isupper():
                r = i + h[0]
                n = parser.name_run(toks, r, hi)
                if n and not lex.places.match(toks, r, r + n):
                    gender = lex.honorific_gender.get(" ".join(x.key for x in toks[i:r]))
                    self._add((toks[r].start, toks[r + n - 1].end), toks[i].start,
                              self._appositive_title(toks, r + n, hi), gender, salient=True)
                    i = r + n
                    continue
            if t:
                m = self._titled_person(toks, i, hi)
                if m is not None and m.kind == "title" and m.name is not None and looks_foreign(
                        [x for x in toks[m.tok_start:m.tok_end] if m.name[0] <= x.start < m.name[1]]):
                    m = attrs.evolve(m, kind="person")  # "Thủ hiến Nielsen"
                if m is not None and m.kind == "person" and m.name is not None:
                    self._add(m.name, m.start, m.title, m.gender, salient=True)
                    extra = self._appositive_title(toks, m.tok_end, hi)
                    if extra:
                        self._add(m.name, m.start, extra, m.gender)
                    i = m.tok_end
                    continue
                i += t[0]
                continue
            if toks[i].text[:1].isupper() and toks[i].text.isascii() and (i == lo or toks[i - 1].text not in (".",)):
                n = parser.name_run(toks, i, hi)
                if 2 <= n <= 3 and parser.certain_name(toks, i, i + n) and not lex.outlets.match(toks, i, i + n) and not (
                        i > lo and ((toks[i - 1].text[:1].isupper() and not lex.places.match_ending(toks, i, lo))
                                    or lex.org_heads.match_ending(toks, i, lo))):
                    self._add((toks[i].start, toks[i + n - 1].end), toks[i].start,
                              self._appositive_title(toks, i + n, hi), None)
                    i += n
                    continue
            if toks[i].text in lex.family_names:
                n = parser.name_run(toks, i, hi)
                if 2 <= n <= 4 and not lex.places.match(toks, i, i + n) and not lex.org_heads.match(toks, i, i + n):
                    self._add((toks[i].start, toks[i + n - 1].end), toks[i].start,
                              self._appositive_title(toks, i + n, hi), None)
                    i += n
                    continue
            i += 1

    def _titled_person(self, toks: Sequence[Token], i: int, hi: int) -> Mention | None:
        """The shortest title-and-name mention from ``toks[i]`` ("Bộ trưởng Trương Quang
        Nghĩa" rather than a longer title chain that runs past the name)."""
        parser = self.parser
        fallback = None
        for b in range(i + 1, min(hi, i + parser.max_tokens) + 1):
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
        if k >= hi or not self.lex.titles.match(toks, k, hi):
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
             salient: bool = False) -> None:
        title_text = fold(self.nt.text[title[0]:title[1]]) if title else None
        spelled = self.nt.spelling(*name)
        text = self.nt.text
        if text[name[1]:name[1] + 1] == "." and text[name[1] - 1].isupper() and (
                name[1] - name[0] == 1 or not text[name[1] - 2].isalnum()):
            spelled += "."  # a name that ends in an initial, as newspapers shorten them: "Phạm Đình V."
        self.occurrences.append(_Occurrence(self._key(name), spelled, pos, title_text, gender, salient))

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

    def by_title(self, title: str, pos: int) -> Entity | None:
        """A person introduced with this title (or one starting with it)."""
        t = fold(title)
        words = t.split()
        if not words:
            return None
        best: tuple[int, Entity] | None = None
        for ent, et in self._by_title_word.get(words[0], {}).values():
            ewords = et.split()
            if et == t or et.startswith(t + " ") or (
                    len(words) >= 2 and ewords[:2] == words[:2]
                    and (set(words) <= set(ewords) or set(ewords) <= set(words))):
                d = ent.nearest(pos)[0]
                if best is None or d < best[0]:
                    best = (d, ent)
        return best[1] if best else None


class SpeakerResolver:
    """Who a speaker mention refers to, in reading order.

    Names go to the fullest form in the article; titles to the person who holds
    them; "Bộ" to the ministry named before; pronouns and descriptions to the
    person just introduced with a title or honorific, else to the latest
    compatible speaker (``history``, most recent last); an unnamed group stays
    as written.  ``outlet_name`` canonicalises an outlet mention ("báo Tuổi
    Trẻ" → "Tuổi Trẻ").
    """

    def __init__(self, nt: NormalizedText, toks: Sequence[Token], sentences: Sequence[Sentence],
                 sent_tokens: Sequence[tuple[int, int]], registry: EntityRegistry, lex: CompiledLexicon,
                 parser: MentionParser, outlet_name: Callable[[Mention], str | None],
                 analysis: Analysis | None = None) -> None:
        self.nt = nt
        self.toks = toks
        self.sentences = sentences
        self.sent_tokens = sent_tokens
        self.registry = registry
        self.lex = lex
        self.parser = parser
        self.outlet_name = outlet_name
        self.analysis = analysis
        self._tok_starts = [t.start for t in toks]

    def resolve(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker]) -> ResolvedSpeaker | None:
        if m.kind == "coordination":
            names = [self.resolve(p, sentence, history) for p in m.parts]
            if any(n is None or n.name is None for n in names):
                return None
            return ResolvedSpeaker(" và ".join(n.name for n in names if n and n.name), "group", None, "name")
        return self._one(m, sentence, history)

    def _one(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker]) -> ResolvedSpeaker | None:
        nt, reg, toks = self.nt, self.registry, self.toks
        if m.kind in ("person", "title") and m.name is not None:
            ent = reg.person(m.name, m.start, m.gender)
            if ent is not None:
                return ResolvedSpeaker(ent.fullest, "person", ent, "registry")
            if m.kind == "person" and m.certain:
                return ResolvedSpeaker(nt.spelling(*m.name), "person", None, "name")
            if m.title is None and m.start == m.name[0]:
                return self._bare_word(m, sentence)
        if m.kind in ("organization", "place", "outlet") and m.name is not None:
            name = nt.spelling(*m.name)
            if m.kind == "outlet":
                name = self.outlet_name(m) or name
            if m.kind == "organization" and len(name.split()) == 1 and name in self.lex.org_alone:
                # "Bộ yêu cầu …": the ministry spoken of last
                for sp in reversed(history):
                    if sp.type == "organization" and sp.name and sp.name.split()[0] == name:
                        return sp
                named = self._organisation_named_before(m.start, name)
                if named is not None:
                    return ResolvedSpeaker(named, "organization", None, "registry")
            return ResolvedSpeaker(name, {"outlet": "outlet", "place": "place"}.get(m.kind, "organization"),
                                   None, "name")
        if m.kind in ("title", "person"):
            title_text = nt.text[m.title[0]:m.title[1]] if m.title else nt.text[m.start:m.end]
            if m.name is None:
                ent = reg.by_title(title_text, m.start)
            elif m.kind == "title":
                # "Giám đốc Bệnh viện K": the doubtful "name" is the end of the title, written
                # in full beside a name earlier ("PGS.TS Trần Văn Thuấn, Giám đốc Bệnh viện K")
                ent = reg.by_title(nt.text[m.start:m.end], m.start)
            else:
                ent = None
            if ent is not None:
                return ResolvedSpeaker(ent.fullest, "person", ent, "title")
            if self.lex.anaphors.match(toks, m.tok_start, m.tok_end):
                prev = self._antecedent(m, sentence, history)
                if prev is not None:
                    return prev
            return ResolvedSpeaker(nt.spelling(m.start, m.end), "person", None, "description")
        if m.kind in ("pronoun", "anaphor"):
            return self._antecedent(m, sentence, history)
        if m.kind == "group":
            return ResolvedSpeaker(nt.spelling(m.start, m.end), "group", None, "description")
        return None

    def _bare_word(self, m: Mention, sentence: int) -> ResolvedSpeaker | None:
        """A capitalised word nobody in the article is called."""
        assert m.name is not None
        nt, toks = self.nt, self.toks
        if self.lex.groups.match(toks, m.tok_start, m.tok_end):
            # "Người khen …" after a colon: a capitalised common noun, a group speaker
            return ResolvedSpeaker(nt.spelling(m.start, m.end), "group", None, "description")
        lo = self.sent_tokens[sentence][0] if sentence < len(self.sent_tokens) else 0
        if m.tok_start <= lo or toks[m.tok_start - 1].text not in (",", "-", "–", "—"):
            # opening a sentence it is likely a common word, unless the parse calls it a name
            if self.analysis is not None and self.analysis.is_name(*m.name):
                return ResolvedSpeaker(nt.spelling(*m.name), "person", None, "name")
            return None
        # "“…”, Vietcombank khẳng định.": where only a name can stand
        return ResolvedSpeaker(nt.spelling(*m.name), "unknown", None, "name")

    def _organisation_named_before(self, pos: int, head: str) -> str | None:
        """The last full organisation name starting with ``head`` before ``pos``."""
        toks = self.toks
        last = bisect_left(self._tok_starts, pos) - 1
        for k in range(last, max(-1, last - 3000), -1):
            if toks[k].text == head and k + 1 < len(toks) and toks[k + 1].text[:1].isupper():
                best = None
                for b in range(k + 2, min(len(toks), k + 10) + 1):
                    m = self.parser.parse(toks, k, b)
                    if m is not None and m.kind == "organization":
                        best = m
                if best is not None:
                    return self.nt.spelling(best.start, best.end)
        return None

    def _antecedent(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker]) -> ResolvedSpeaker | None:
        want = m.gender
        if m.kind == "pronoun":
            # "Phía Trung Quốc cho biết, ông Vương đã … Ông cũng nói …": a person just
            # introduced with a title or honorific is the likeliest antecedent
            window_start = self.sentences[max(0, sentence - 1)].start
            ent = self.registry.salient_between(window_start, m.start, want)
            if ent is not None:
                return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
        for sp in reversed(history[-40:]):
            if sp.type in ("outlet", "place"):
                continue
            if want and sp.entity is not None and sp.entity.gender and sp.entity.gender != want:
                continue
            if want and sp.entity is None and m.kind == "pronoun" and (
                    sp.type != "person" or sp.resolved_by == "description"):
                continue
            return sp
        # nobody has spoken yet: the latest person named before the mention
        for ent in self.registry.named_before(m.start):
            if want and ent.gender and ent.gender != want:
                continue
            return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
        return None
