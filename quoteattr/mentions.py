"""Mentions of possible speakers: names, titles, honorifics, organisations,
groups, outlets, places, and descriptions that refer back.

:func:`parse_mention` checks that a run of tokens is one whole mention and
says what it is; :func:`subject_before` finds the speaker mention that ends
right before a cue (skipping adverbs, following appositive chains such as
``ông A, Giám đốc Sở B, cho biết``).  Names follow the Vietnamese facts of
DESIGN.md: a place or organisation before a name is not part of it, and a
Vietnamese name starts with a family name.
"""
from __future__ import annotations

from collections.abc import Sequence

import attrs

from .lexicon import CompiledLexicon
from .tokens import Token

__all__ = ["Mention", "MentionParser", "MENTION_KINDS"]

MENTION_KINDS = (
    "person",        # a name, with or without title and honorific
    "title",         # a title or role without a name ("Chủ tịch UBND TP")
    "pronoun",       # an honorific alone ("Ông", "bà")
    "anaphor",       # a description that refers back ("quan chức này", "Nhà ngoại giao")
    "group",         # an unnamed or collective speaker ("các chuyên gia")
    "organization",
    "place",
    "outlet",
    "coordination",  # "A và B"
)

_SEPARATORS = {",", ";", ":", "–", "—", "-", "…"}
_COORD = {"và", "lẫn", "cùng"}
_TITLE_LINKS = {"của", "tại", "thuộc", "ở", "về", "phụ", "trách", "phụ trách", "và"}
# "được Bộ Giáo dục và Đào tạo đánh giá là …": the agent of a passive is the speaker
_PASSIVE = {"được", "bị", "do", "bởi"}
_APPOSITIVE_OPENERS = {"đồng", "nguyên", "cựu", "là", "người", "một", "hiện", "từng", "vốn", "ở", "trú", "ngụ", "quê",
                       "sinh"}
# a person right after one of these is not the subject: "Theo ông A, Bộ Y tế cho biết"
_NOT_BEFORE_SUBJECT = {"theo", "với", "của", "từ", "cho", "về", "tại", "gặp", "và", "lẫn", "cùng"}
_NAME_PARTICLES = {"de", "van", "von", "der", "bin", "al", "da", "di", "le", "la", "el", "dos", "du"}


@attrs.frozen(slots=True)
class Mention:
    """A mention, in working-copy offsets.

    ``name`` holds the name tokens' span for persons, organisations, places and
    outlets; ``title`` the title phrase (for resolving "Chủ tịch UBND TP").
    """

    start: int
    end: int
    kind: str
    name: tuple[int, int] | None = None
    title: tuple[int, int] | None = None
    gender: str | None = None
    tok_start: int = 0
    tok_end: int = 0
    parts: tuple[Mention, ...] = ()
    certain: bool = True  # False: a capitalised word that may or may not be a name

    def __attrs_post_init__(self) -> None:
        if self.kind not in MENTION_KINDS:
            raise ValueError(f"unknown mention kind {self.kind!r}")


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def looks_foreign(toks: Sequence[Token]) -> bool:
    """Written without Vietnamese letters and not in capitals: "Antony Blinken", "Yoo Il-ho"."""
    return all(t.text.isascii() and not _is_acronym(t) for t in toks) and any(len(t.text) > 2 for t in toks)


def _is_acronym(tok: Token) -> bool:
    letters = [c for c in tok.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class MentionParser:
    """Mention grammar over tokens, driven by the compiled lexicons."""

    def __init__(self, lex: CompiledLexicon, max_tokens: int = 24) -> None:
        self.lex = lex
        self.max_tokens = max_tokens

    # --- small recognisers ------------------------------------------------------------
    def _unit(self, toks: Sequence[Token], i: int, b: int, matcher) -> int:
        m = matcher.match(toks, i, b)
        return m[0] if m else 0

    def name_run(self, toks: Sequence[Token], i: int, b: int) -> int:
        """Length of the run of capitalised words starting at ``i`` (name particles allowed
        inside), at most ``max_tokens``: longer runs are not names anyway."""
        j = i
        b = min(b, i + self.max_tokens)
        while j < b:
            t = toks[j]
            if _is_cap(t) and t.text not in ("Theo",):
                j += 1
            elif t.key in _NAME_PARTICLES and j > i and j + 1 < b and _is_cap(toks[j + 1]):
                j += 1
            else:
                break
        return j - i

    def split_name(self, toks: Sequence[Token], i: int, j: int, family_only: bool = False) -> tuple[int, int] | None:
        """The person name at the end of capitalised run ``toks[i:j]``, dropping
        places, organisations, acronyms and titles written before it."""
        lex = self.lex
        # Vietnamese / Sino-Vietnamese name: the leftmost family name that leaves
        # 2–4 syllables and does not start a place ("Hà Nội Nguyễn Đức Chung")
        for p in range(max(i, j - 4), j - 1):
            if toks[p].text in lex.family_names and not lex.places.match(toks, p, j) and not any(
                _is_acronym(t) or "-" in t.text for t in toks[p:j]
            ):
                return (p, j)
        if family_only:
            return None
        k = i
        while k < j:
            n = (self._unit(toks, k, j, lex.places) or self._unit(toks, k, j, lex.org_heads)
                 or self._unit(toks, k, j, lex.titles) or self._unit(toks, k, j, lex.outlets))
            if n:
                k += n
            elif _is_acronym(toks[k]):
                k += 1
            else:
                break
        if k < j and not (j - k == 1 and _is_acronym(toks[k])):
            return (k, j)
        return None

    # --- the grammar --------------------------------------------------------------------
    def parse(self, toks: Sequence[Token], k: int, b: int) -> Mention | None:
        """``toks[k:b]`` as one whole mention, or ``None``."""
        if k >= b or b - k > self.max_tokens:
            return None
        coord = self._coordination(toks, k, b)
        if coord is not None:
            return coord
        return self._single(toks, k, b)

    def _coordination(self, toks: Sequence[Token], k: int, b: int) -> Mention | None:
        start = k + 1 if toks[k].key == "cả" else k
        for c in range(start + 1, b - 1):
            if toks[c].key in _COORD:
                left = self._single(toks, start, c)
                right = self._single(toks, c + 1, b) if left is not None else None
                if left and right and left.kind in ("person", "title", "organization", "place", "group") and right.kind in (
                    "person", "title", "organization", "place", "anaphor", "pronoun", "group"
                ):
                    return Mention(toks[k].start, toks[b - 1].end, "coordination", tok_start=k, tok_end=b,
                                   parts=(left, right))
        return None

    def _single(self, toks: Sequence[Token], k: int, b: int) -> Mention | None:
        lex = self.lex
        start_char, end_char = toks[k].start, toks[b - 1].end

        def mk(kind: str, name=None, title=None, gender=None, certain=True) -> Mention:
            return Mention(start_char, end_char, kind,
                           (toks[name[0]].start, toks[name[1] - 1].end) if name else None,
                           (toks[title[0]].start, toks[title[1] - 1].end) if title and title[1] > title[0] else None,
                           gender, k, b, certain=certain)

        p = k
        demonstrative_end = lex.demonstratives.match_ending(toks, b, k)
        body_end = b - demonstrative_end[0] if demonstrative_end else b

        # known outlet, with or without a generic prefix ("báo Tuổi Trẻ", "hãng tin CNBC")
        q = p + self._unit(toks, p, b, lex.outlet_prefixes)
        for r in range(q, b):
            n = self._unit(toks, r, b, lex.outlets)
            if n and r + n == b and (r == q or all(_is_cap(t) or lex.places.match(toks, s, b) for s, t in
                                                   enumerate(toks[q:r], q))):
                return mk("outlet", name=(r, b))
            if r > q and not _is_cap(toks[r]):
                break
        if q > p and q < b and self.name_run(toks, q, b) == b - q:
            return mk("outlet", name=(q, b))

        # honorific [name | demonstrative]
        h = self._unit(toks, p, b, lex.honorifics)
        if h and toks[p].key not in ("cô giáo",):
            gender = lex.honorific_gender.get(" ".join(t.key for t in toks[p:p + h]))
            r = p + h
            if r == b:
                return mk("pronoun", gender=gender)
            if demonstrative_end and r == body_end:
                return mk("anaphor", gender=gender)
            n = self.name_run(toks, r, b)
            if n and r + n == b:
                return mk("person", name=(r, b), gender=gender)

        # quantifier? (title | group | anaphor) … [name]
        qn = self._unit(toks, p, b, lex.quantifiers) or (1 if toks[p].text[:1].isdigit() else 0)
        r = p + qn
        if r < b:
            t_len = self._unit(toks, r, b, lex.titles)
            g_len = self._unit(toks, r, b, lex.groups)
            a_len = self._unit(toks, r, b, lex.anaphors)
            if a_len and not qn and (r + a_len == b or (demonstrative_end and r + a_len == body_end)):
                return mk("anaphor")
            if t_len and not qn and t_len >= g_len:
                m = self._titled(toks, k, r, b, mk)
                if m is not None:
                    return m
            head = max(g_len, a_len, t_len if qn else 0)
            if head and qn == 0 and head == b - r and _is_cap(toks[r]) and head == 1:
                return mk("person", name=(r, b), certain=False)  # "Trường" alone: maybe a name
            if head:
                rest = r + head
                modifiers = toks[rest:body_end]
                if len(modifiers) <= 8 and not any(t.text in _SEPARATORS for t in modifiers) and not (
                    lex.clause_markers.find_all(toks, rest, body_end)
                ):
                    if demonstrative_end and len(modifiers) <= 3:
                        return mk("anaphor")
                    if a_len == head and not qn:
                        return mk("anaphor")
                    return mk("group")

        # organisation: capitalised head, then its name (lowercase syllables allowed)
        org_head = lex.org_heads.match(toks, p, b)
        o = org_head[0] if org_head else 0
        if org_head and p + o == b and org_head[1] not in lex.org_alone:
            o = 0  # "Trường" alone is more likely a name than "the school"
        acronym_org = not o and _is_acronym(toks[p]) and not lex.places.match(toks, p, b)
        if acronym_org and any(not _is_cap(t) and t.text not in ("&", "-") for t in toks[p + 1:b]):
            acronym_org = False  # "CĐ năm 2017": an acronym followed by ordinary words is no name
        if (o and _is_cap(toks[p])) or acronym_org:
            if b - p <= 14 and not any(t.text in (",", ";", ":") for t in toks[p:b]) and not any(
                    lex.honorifics.match(toks, q, b) and q + 1 < b and _is_cap(toks[q + 1])
                    for q in range(p + 1, b)) and not self._holds_cue(toks, p + 1, b):
                return mk("organization", name=(p, b))

        # a bare capitalised run: place, outlet, or a name
        n = self.name_run(toks, p, b)
        if n and p + n == b:
            pl = lex.places.match(toks, p, b)
            if pl and pl[0] == b - p:
                return mk("place", name=(p, b))
            if all(_is_acronym(t) for t in toks[p:b]):
                return mk("organization", name=(p, b))
            return mk("person", name=(p, b), certain=self.certain_name(toks, p, b))
        return None

    def _holds_cue(self, toks: Sequence[Token], i: int, j: int, stop: int | None = None) -> bool:
        """Does a reporting verb written in lower case start in ``toks[i:j]``?  Longest
        matches from the left, so "Bộ Ngoại giao" hides the "giao" inside it."""
        for k, _, entry in self.lex.cues.find_all(toks, max(0, i - 2), stop if stop is not None else j):
            if i <= k < j and entry.cls != "block" and not _is_cap(toks[k]):
                return True
        return False

    def certain_name(self, toks: Sequence[Token], i: int, j: int) -> bool:
        """Is ``toks[i:j]`` surely a person's name (not a capitalised common word)?"""
        if j - i < 2:
            return False
        if toks[i].text in self.lex.family_names and j - i <= 4 and not self.lex.places.match(toks, i, j):
            return True
        if any(self.lex.places.match(toks, k, j) or self.lex.org_heads.match(toks, k, j) for k in range(i, j)):
            return False
        return looks_foreign(toks[i:j])

    def _titled(self, toks: Sequence[Token], k: int, r: int, b: int, mk) -> Mention | None:
        """A title chain from ``r`` (with complements), optionally ending in a name.

        The name is the capitalised run at the end ("Bộ trưởng Ngoại giao Trung
        Quốc Vương Nghị"), or one followed by a complement ("Giáo sư Zhang Xin
        của Trung tâm …").  A capitalised run after "của", "tại", "thuộc" or an
        organisation's first word belongs to the complement ("Giám đốc Bệnh
        viện K", "… của JPMorgan Asset Management").  A doubtful name gives a
        ``title`` mention whose ``name`` is only a candidate."""
        lex = self.lex
        j = r
        lowercase_run = 0
        inner_name: tuple[int, int] | None = None
        after_link = False
        in_org = False  # inside an organisation's name ("Công ty sen Hoàng Giang")
        after_person = False  # just past a person's name: plain words after it are a predicate
        while j < b:
            t_len = self._unit(toks, j, b, lex.titles)
            if t_len and not _is_cap(toks[j]) or (t_len and not after_link and not in_org):
                j += t_len
                lowercase_run = 0
                after_link = in_org = False
                continue
            h = self._unit(toks, j, b, lex.honorifics)
            if h and j + h < b and _is_cap(toks[j + h]):
                gender = lex.honorific_gender.get(" ".join(t.key for t in toks[j:j + h]))
                run = self.name_run(toks, j + h, b)
                if j + h + run == b:
                    return mk("person", name=(j + h, b), title=(r, j), gender=gender)
            pp = self._unit(toks, j, b, lex.place_prefixes)
            if pp and j + pp < b and _is_cap(toks[j + pp]) and not _is_cap(toks[j]):
                # "thành phố Hồ Chí Minh": a place; a name may follow it ("tỉnh Khánh Hòa Lê Hữu Hoàng")
                run = self.name_run(toks, j + pp, b)
                name = self.split_name(toks, j + pp, j + pp + run, family_only=True)
                if name is not None and name[1] == b and name[0] > j + pp:
                    return mk("person", name=name, title=(r, name[0]))
                j += pp + run
                lowercase_run = 0
                after_link = False
                continue
            if _is_cap(toks[j]) and self.name_run(toks, j, b):
                run = self.name_run(toks, j, b)
                org_head = bool(self._unit(toks, j, j + run, lex.org_heads)) or _is_acronym(toks[j])
                complement = after_link or org_head or in_org
                name = self.split_name(toks, j, j + run, family_only=complement)
                if complement and name is not None and (name[0] == j and not (
                        in_org and not org_head and name[1] - name[0] >= 3)):
                    name = None  # the whole run is the organisation's name
                if j + run == b:
                    if name is not None:
                        certain = self.certain_name(toks, *name) or (name[0] > j and complement)
                        if certain:
                            return mk("person", name=name, title=(r, name[0]))
                        return mk("title", name=name, title=(r, name[0]), certain=False)
                    if inner_name is not None:
                        return mk("person", name=inner_name, title=(r, inner_name[0]))
                    return mk("title", title=(r, b))
                if (name is not None and inner_name is None and toks[j + run].key in ("của", "thuộc", "tại", "ở")
                        and self.certain_name(toks, *name)):
                    inner_name = name
                after_person = name is not None and not complement and self.certain_name(toks, *name)
                j += run
                lowercase_run = 0
                after_link = False
                in_org = in_org or org_head
                continue
            if toks[j].text == "." and j > r and (lex.abbreviations.__contains__(toks[j - 1].key) or (
                    len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper())):
                j += 1  # "GS.TS. Ngô Đức Thịnh"; an initial: "bác sĩ V."
                continue
            if toks[j].key in _TITLE_LINKS:
                after_link = toks[j].key in ("của", "thuộc", "tại", "ở")
                j += 1
                continue
            if toks[j].text in ("(", ")", "&") or toks[j].text[:1].isdigit():
                j += 1
                continue
            if after_person and toks[j].is_word:
                return None  # "HLV Chu Đình Nghiêm rất tôn trọng lối chơi của …" is a clause
            if toks[j].is_word and lowercase_run < (9 if in_org else 5) and not (
                    not in_org and self._holds_cue(toks, j, j + 1, b)):
                j += 1
                lowercase_run += 1
                continue
            return None
        if lex.demonstratives.match_ending(toks, b, r):
            return mk("anaphor")
        if inner_name is not None:
            return mk("person", name=inner_name, title=(r, inner_name[0]))
        return mk("title", title=(r, b))

    # --- finding mentions in context ----------------------------------------------------------
    def skip_adverbs_back(self, toks: Sequence[Token], lo: int, j: int) -> int:
        """Move ``j`` left over adverbs, time expressions and a parenthesis."""
        while j > lo:
            m = self.lex.adverbs.match_ending(toks, j, lo)
            if m:
                j -= m[0]
                continue
            t = toks[j - 1]
            if t.text[:1].isdigit() and j - 2 >= lo and toks[j - 2].key in ("ngày", "hôm", "sáng", "chiều",
                                                                               "tối", "trưa", "đêm", "tháng"):
                j -= 2
                continue
            break
        return j

    def best_suffix(self, toks: Sequence[Token], a: int, b: int) -> Mention | None:
        """The longest tail of ``toks[a:b]`` that is a whole mention."""
        a = max(a, b - self.max_tokens)
        for k in range(a, b):
            if toks[k].text in ("(", ")") or not toks[k].is_word:
                continue
            m = self.parse(toks, k, b)
            if m is not None:
                return m
        return None

    def subject_before(self, toks: Sequence[Token], lo: int, j: int) -> Mention | None:
        """The speaker mention ending just before ``toks[j]`` (a cue), searching no
        further left than ``lo``.  Follows appositive chains: in ``ông A, Giám
        đốc Sở B, cho biết`` the speaker is ``ông A``."""
        j = self.skip_adverbs_back(toks, lo, j)
        if j <= lo:
            return None
        # strip a parenthesis right before the cue: "chị Sương (30 tuổi, Hà Nội) cho biết"
        if toks[j - 1].text == ")":
            depth, k = 0, j - 1
            while k >= lo:
                if toks[k].text == ")":
                    depth += 1
                elif toks[k].text == "(":
                    depth -= 1
                    if depth == 0:
                        break
                k -= 1
            if k > lo:
                inner_end = j
                j = k
                found = self.subject_before(toks, lo, j)
                if found is not None:
                    return attrs.evolve(found, end=toks[inner_end - 1].end, tok_end=inner_end)
                return None
        chunks = self._chunks(toks, lo, j)
        comma_before_cue = len(chunks) > 1 and chunks[-1][0] >= chunks[-1][1]
        first: Mention | None = None
        first_seen = False  # an appositive chunk lies between the cue and the chunk being read
        for idx in range(len(chunks) - 1, -1, -1):
            a, b = chunks[idx]
            if a >= b:
                if idx == len(chunks) - 1:
                    continue  # "…, cho biết": a comma right before the cue
                break
            if idx < len(chunks) - 1 and toks[chunks[idx][1]].text in (":", ";", "…"):
                break  # a headline prefix or another clause, not an apposition
            m = self.best_suffix(toks, a, b)
            if m is not None and not first_seen and m.tok_start > a and m.kind in ("place", "organization") and (
                    toks[m.tok_start - 1].is_word and not toks[m.tok_start - 1].text[:1].isupper()
                    and toks[m.tok_start - 1].key not in _PASSIVE
                    and not self.lex.connectives.match_ending(toks, m.tok_start, a)):
                m = None  # "… dân gian Việt Nam": the tail of a longer phrase, not a subject
            if m is not None and not first_seen and idx < len(chunks) - 1 and m.tok_start > a:
                m = None  # "Trung Quốc phản đối …, cho rằng": not an appositive, a clause
            if not first_seen:
                first_seen = True
                if m is None:
                    if idx > 0 and self._appositive_like(toks, a, b):
                        continue
                    return None
                first = m
                if idx == 0 or m.kind not in ("title", "group", "organization", "anaphor"):
                    return m
                if m.kind == "group" and not self._appositive_like(toks, a, b):
                    return m
                continue
            # reading left for the named person an appositive belongs to
            introduced = m is not None and (m.title is not None or (m.name is not None and m.name[0] > m.start))
            if m is not None and m.kind == "person" and m.name is not None and (
                    m.certain or introduced or (first is None or first.kind == "group")
            ) and (
                    introduced or m.tok_start == a
                    or ((conn := self.lex.connectives.match(toks, a, m.tok_start)) is not None
                        and conn[0] == m.tok_start - a)
            ) and not (m.tok_start > a and toks[m.tok_start - 1].key in _NOT_BEFORE_SUBJECT):
                return attrs.evolve(m, end=toks[j - 1].end, tok_end=j)
            if first is not None and first.kind == "organization" and not comma_before_cue and not (
                    (m is not None and m.kind == "title") or self._starts_with_title(toks, a, b)):
                break
            if (m is not None and m.kind in ("title", "organization")) or self._appositive_like(toks, a, b):
                continue
            break
        return first

    def _starts_with_title(self, toks: Sequence[Token], a: int, b: int) -> bool:
        k = a
        while k < b and toks[k].key in ("nguyên", "cựu", "hiện", "là"):
            k += 1
        return k < b and bool(self._unit(toks, k, b, self.lex.titles))

    def _appositive_like(self, toks: Sequence[Token], a: int, b: int) -> bool:
        """A chunk describing someone named before it: "một người đang làm …",
        "đồng thời cũng là …", "nguyên Phó Vụ trưởng …", "(Bộ GDĐT)"."""
        lex = self.lex
        k = a + (self._unit(toks, a, b, lex.quantifiers))
        if k >= b:
            return False
        if toks[a].text == "(" or toks[a].key in _APPOSITIVE_OPENERS:
            return True
        if self._unit(toks, a, b, lex.place_prefixes) or (
                toks[a].key == "nhà" and a + 1 < b and toks[a + 1].key == "ở"):
            return True  # "…, nhà ở ấp 6, xã Tân Hội Trung, kể lại": where the speaker lives
        if b - a <= 3 and _is_cap(toks[a]) and all(t.is_word for t in toks[a:b]):
            return True  # "Khoa Tiết niệu - Nam học - …": pieces of an organisation's name
        return bool(self._unit(toks, k, b, lex.titles) or self._unit(toks, k, b, lex.groups)
                    or self._unit(toks, k, b, lex.anaphors))

    @staticmethod
    def _chunks(toks: Sequence[Token], lo: int, j: int) -> list[tuple[int, int]]:
        lo = max(lo, j - 160)  # a subject is never further than this from its cue
        out: list[tuple[int, int]] = []
        start, depth = lo, 0
        for i in range(lo, j):
            t = toks[i].text
            if t == "(":
                depth += 1
            elif t == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and t in _SEPARATORS:
                out.append((start, i))
                start = i + 1
        out.append((start, j))
        return out[-8:]

    def mention_after(self, toks: Sequence[Token], i: int, stop: int) -> Mention | None:
        """The longest mention starting at ``toks[i]`` (for "Theo X, …", "dẫn lời Y")."""
        best = None
        for b in range(min(stop, i + self.max_tokens), i, -1):
            if toks[b - 1].text in _SEPARATORS:
                continue
            m = self.parse(toks, i, b)
            if m is not None:
                best = m
                break
        return best
