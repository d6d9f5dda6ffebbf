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

from collections.abc import Sequence

import attrs

from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser
from .text import NormalizedText, fold
from .tokens import Token

__all__ = ["Entity", "EntityRegistry", "ResolvedSpeaker"]


@attrs.define
class Entity:
    """One named person or organisation; ``names`` are its spellings seen so far."""

    kind: str  # "person" | "organization"
    names: list[str]
    keys: list[tuple[str, ...]]
    positions: list[int]
    titles: list[str] = attrs.Factory(list)
    gender: str | None = None

    @property
    def fullest(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


@attrs.frozen(slots=True)
class ResolvedSpeaker:
    name: str | None
    type: str
    entity: Entity | None = None
    resolved_by: str = "name"  # name | registry | title | anaphor | description


def _female_name(key: tuple[str, ...]) -> bool:
    return "thị" in key[:-1]


class EntityRegistry:
    """Names of an article, built once before attribution."""

    def __init__(self, nt: NormalizedText, tokens: Sequence[Token], sentences: Sequence[tuple[int, int]],
                 parser: MentionParser, lex: CompiledLexicon) -> None:
        self.nt = nt
        self.lex = lex
        self.parser = parser
        self.entities: list[Entity] = []
        for lo, hi in sentences:
            self._scan(tokens, lo, hi)

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
                    self.add_person((toks[r].start, toks[r + n - 1].end), toks[i].start, None, gender)
                    i = r + n
                    continue
            if t:
                # title chain followed by a name: parse the longest mention from here
                m = parser.mention_after(toks, i, min(hi, i + parser.max_tokens))
                if m is not None and m.kind == "person" and m.name is not None:
                    self.add_person(m.name, m.start, m.title, m.gender)
                    i = m.tok_end
                    continue
                i += t[0]
                continue
            if toks[i].text in lex.family_names and toks[i].text[:1].isupper():
                n = parser.name_run(toks, i, hi)
                if 2 <= n <= 4 and not lex.places.match(toks, i, i + n) and not lex.org_heads.match(toks, i, i + n):
                    self.add_person((toks[i].start, toks[i + n - 1].end), toks[i].start, None, None)
                    i += n
                    continue
            i += 1

    def _key(self, span: tuple[int, int]) -> tuple[str, ...]:
        return tuple(fold(self.nt.text[span[0]:span[1]]).split())

    def add_person(self, name: tuple[int, int], pos: int, title: tuple[int, int] | None,
                   gender: str | None) -> Entity:
        key = self._key(name)
        spelled = self.nt.spelling(*name)
        title_text = fold(self.nt.text[title[0]:title[1]]) if title else None
        ent = self._match(key, pos, "person", strict=True)
        if ent is None:
            ent = Entity("person", [spelled], [key], [pos])
            self.entities.append(ent)
        else:
            ent.names.append(spelled)
            ent.keys.append(key)
            ent.positions.append(pos)
        if title_text:
            ent.titles.append(title_text)
        if gender and not ent.gender:
            ent.gender = gender
        if not ent.gender and _female_name(key):
            ent.gender = "f"
        return ent

    def add_title(self, ent: Entity, title: str) -> None:
        ent.titles.append(fold(title))

    # --- resolving ----------------------------------------------------------------------------
    def _match(self, key: tuple[str, ...], pos: int, kind: str, strict: bool = False) -> Entity | None:
        """The entity a name refers to: same name, a longer name ending (or, for a
        one-word name, starting) with it, or a shorter one it ends with."""
        best: tuple[tuple[int, int, int], Entity] | None = None
        for ent in self.entities:
            if ent.kind != kind:
                continue
            for k, p in zip(ent.keys, ent.positions):
                if k == key:
                    score = 3
                elif len(key) < len(k) and k[-len(key):] == key:
                    score = 2
                elif len(key) == 1 and k[0] == key[0] and len(k) <= 3:
                    score = 1  # Chinese reading: family name first ("ông Vương")
                elif strict and len(k) < len(key) and key[-len(k):] == k and len(k) >= 2:
                    score = 2
                elif strict and len(k) == 1 and key[0] == k[0]:
                    score = 1
                elif strict and len(k) < len(key) and key[-len(k):] == k:
                    score = 1
                else:
                    continue
                distance = abs(pos - p)
                rank = (score, -int(p > pos), -distance)
                if best is None or rank > best[0]:
                    best = (rank, ent)
        return best[1] if best else None

    def person(self, name: tuple[int, int], pos: int) -> Entity | None:
        return self._match(self._key(name), pos, "person")

    def by_title(self, title: str, pos: int) -> Entity | None:
        """A person introduced with this title (or one starting with it)."""
        t = fold(title)
        best: tuple[int, Entity] | None = None
        for ent in self.entities:
            for et in ent.titles:
                if et == t or et.startswith(t + " ") or (len(t) > 8 and t.startswith(et + " ")):
                    d = min(abs(pos - p) for p in ent.positions)
                    if best is None or d < best[0]:
                        best = (d, ent)
        return best[1] if best else None
