"""Whom a pronoun or a description that refers back means.

A pronoun ("ông", "cô", "anh") goes to the person just introduced with a title
or honorific, one who spoke there first (``Giám đốc Lê Văn Nam cho biết công ty
vừa tuyển kỹ sư Trần Minh Tuấn. Ông nói thêm …`` → Lê Văn Nam), agreeing in
gender and age; to an unnamed epithet opening a sentence (``Cô gái bị ném cà
chua … Cô cho biết``); else to the latest compatible speaker.  The plural
``họ`` goes to the group, organisation or country the text spoke of last.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from operator import attrgetter

from .entities import Entity, EntityRegistry, ResolvedSpeaker
from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser
from .mentions.model import GENDER_WORDS
from .organisations import OrganisationIndex
from .segment import Sentence
from .text import NormalizedText, fold
from .tokens import END, KEY, START, TEXT, Token, tokenize

__all__ = ["Antecedents"]

# a pronoun looks for the person just introduced in its own sentence and this many before it, in all
_LOOK_BACK = 4
# a pronoun may mean a speaker known only by a bare name heard this many sentences back
_NAMED_LOOK_BACK = 6
# a gendered epithet ("người đàn ông 35 tuổi") looks this many sentences back for someone newly introduced
_NEWCOMER_LOOK_BACK = 10
_START = attrgetter("start")


class Antecedents:
    """The speakers heard so far in one article (``heard``, reading order) and
    what a referring mention means (``of``, ``plural``)."""

    def __init__(self, nt: NormalizedText, toks: Sequence[Token], sentences: Sequence[Sentence],
                 sent_tokens: Sequence[tuple[int, int]], registry: EntityRegistry, lex: CompiledLexicon,
                 parser: MentionParser, orgs: OrganisationIndex) -> None:
        self.nt, self.toks, self.sentences, self.sent_tokens = nt, toks, sentences, sent_tokens
        self.registry, self.lex, self.parser, self.orgs = registry, lex, parser, orgs
        self._sentence_starts = list(map(_START, sentences))  # the loop in C
        self._spoken: list[tuple[int, ResolvedSpeaker]] = []  # (mention start, speaker), reading order
        self._called: dict[int, str] = {}  # id(entity) → the gender of the pronoun that first meant it
        self.plural_words = lex.plural_anaphors
        self._epithet_gender, self._epithet_age = lex.epithet_gender, lex.epithet_age

    def heard(self, pos: int, speaker: ResolvedSpeaker, gender: str | None = None) -> None:
        """``speaker`` spoke, named by a mention at ``pos`` (of ``gender``: "bà nói" says she is a woman)."""
        self._spoken.append((pos, speaker))
        if gender and speaker.entity is not None:
            self._called.setdefault(id(speaker.entity), gender)

    def spoke_for(self, org: str, pos: int) -> ResolvedSpeaker | None:
        """The person described as of ``org`` ("Chủ cửa hàng gạo Bình An Phát") who spoke in the
        sentence of ``pos`` or the one before: what a role of that organisation there means."""
        k = max(0, bisect_right(self._sentence_starts, pos) - 2)
        lo = self.sentences[k].start if k < len(self.sentences) else pos
        want = fold(org).split()
        for at, sp in reversed(self._spoken[-20:]):
            if at < lo:
                break
            words = fold(sp.name).split() if sp.name and at < pos and sp.type in ("person", "group") else []
            if len(words) > len(want) and any(words[i:i + len(want)] == want for i in range(len(words))):
                return sp
        return None

    def last_heard(self, ent: Entity, pos: int) -> int | None:
        """Where ``ent`` last spoke before ``pos`` (a pronoun or a role naming it counts)."""
        return next((at for at, sp in reversed(self._spoken[-60:]) if at < pos and sp.entity is ent), None)

    def _gender_of(self, ent: Entity) -> str | None:
        """The gender of a person, from the name's honorific, or from the pronoun that meant them."""
        return ent.gender or self._called.get(id(ent))

    def person_who_spoke(self, pos: int, sentence: int, gender: str, role: str | None = None) -> ResolvedSpeaker | None:
        """"…”, nam hành khách nói" after "Theo anh Phước, …": the person of ``gender`` who
        spoke last, in the sentence or the few before; a group or an organisation is nobody's
        epithet, a relative named by a named person ("chồng bà Lan") is.  Someone introduced
        in another role is not it ("Cô Lan, giáo viên chủ nhiệm" is no "nữ sinh lớp 5"):
        with ``role`` (the first word of the description's role), a titled speaker counts
        only when one of their titles holds that word."""
        lo = self._start_back(sentence, _LOOK_BACK)
        for at, sp in reversed(self._spoken):
            if at < lo:
                break
            if at >= pos or not sp.name or not (sp.type == "person" or (
                    sp.type == "group" and self._relative_of_named(sp.name))):
                continue
            if sp.entity is not None and self._gender_of(sp.entity) not in (None, gender):
                continue
            if role and sp.entity is not None and sp.entity.titles and not any(
                    role in title.split() for title in sp.entity.titles):
                continue
            return sp
        return None

    def _newcomer(self, m: Mention, sentence: int, want: str) -> ResolvedSpeaker | None:
        """"Gia đình anh Thanh Tùng … “…”, người đàn ông 35 tuổi nói": a gendered epithet means
        the person of its gender introduced with an honorific or title since the last one of
        that gender spoke (the latest such, in the last few sentences), not that speaker."""
        lo = self._start_back(sentence, _NEWCOMER_LOOK_BACK)
        for pos, sp in reversed(self._spoken):
            if pos < lo:
                break
            if pos < m.start and sp.type == "person" and (sp.entity is None or self._gender_of(sp.entity) in (None, want)):
                lo = pos + 1
                break
        found = [e for e in self.registry.salient_between(lo, m.start, want)  # a full name, not "cô Sen"
                 if self._gender_of(e) in (None, want) and not self._age_clash(m, e) and len(e.fullest.split()) >= 2]
        return ResolvedSpeaker(found[-1].fullest, "person", found[-1], "anaphor") if found else None

    def _relative_of_named(self, name: str) -> bool:
        """"chồng bà Lan", "con trai ông Hùng": someone named by a named person's relation."""
        toks = tokenize(name)
        return any(self.lex.honorifics.match(toks, k) and k + 1 < len(toks) and toks[k + 1][TEXT][:1].isupper()
                   for k in range(1, len(toks) - 1))

    def _salient_antecedent(self, m: Mention, sentence: int, want: str | None) -> ResolvedSpeaker | None:
        """The person a pronoun most likely means among those just introduced: in
        its own sentence, else in the one before; one who spoke there before one
        who is only spoken of ("Giám đốc Lê Văn Nam cho biết công ty vừa tuyển kỹ
        sư Trần Minh Tuấn. Ông nói thêm …" → Lê Văn Nam), else the first named;
        an unnamed "Cô gái …" opening a sentence when nobody is named there."""
        last = min(sentence, len(self.sentences) - 1)
        for back, k in enumerate(range(last, max(-1, last - _LOOK_BACK), -1)):
            lo, hi = self.sentences[k].start, (m.start if k == last else self.sentences[k + 1].start)
            ent = self._introduced(m, lo, hi, want, talking_only=True)
            named = self._named_speaker(lo, m.start, want, back < 2) if ent is None else None
            if ent is None and named is None and (back < 2 or self._pronoun_chain(m, k + 1, last)):
                ent = self._introduced(m, lo, hi, want)
            if ent is not None:
                return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
            if named is not None:
                return named
            epithet = self._epithet(k, want) if lo < m.start else None
            if epithet is not None:
                return epithet
        return None

    def _pronoun_chain(self, m: Mention, first: int, last: int) -> bool:
        """Does every sentence in [first, last) open with ``m``'s pronoun, after a fronted phrase
        at most ("Dù vậy, ông Widodo … Ngày 25/8, ông đăng … Trên Facebook, ông đăng … “…”, ông
        viết"): the person introduced before them stays the subject."""
        if m.kind != "pronoun" or first >= last:
            return False
        word, toks = self.toks[m.tok_start][KEY], self.toks
        for k in range(first, last):
            lo, hi = self.sent_tokens[k] if k < len(self.sent_tokens) else (0, 0)
            comma = next((c for c in range(lo, min(hi, lo + 12)) if toks[c][TEXT] == ","), None)
            if not any(a < hi and toks[a][KEY] == word and not (a + 1 < hi and toks[a + 1][TEXT][:1].isupper())
                       for a in (lo, comma + 1 if comma is not None else hi)):
                return False
        return True

    def _named_speaker(self, lo: int, hi: int, want: str | None = None, near: bool = False) -> ResolvedSpeaker | None:
        """A speaker in [lo, hi) called by a name of two or more words nobody else in
        the article bears ("Xuân Trường bày tỏ …", "Trâm Anh, một sinh viên, cho biết"),
        or the one person a description names ("Một nữ bệnh nhân 70 tuổi thú nhận …"; one
        of no stated gender only ``near`` the pronoun)."""
        for pos, sp in self._spoken:
            if lo <= pos < hi and sp.type == "unknown" and sp.entity is None and sp.name and len(sp.name.split()) >= 2:
                return sp
            if lo <= pos < hi and (e := _described_entity(sp)) is not None and (near or e.gender) and not (
                    want and e.gender and e.gender != want):
                return sp
        return None

    def _named_lately(self, sp: ResolvedSpeaker, sentence: int) -> bool:
        """A speaker called by a name of two or more words that the registry does not know
        ("Xuân Trường bày tỏ …"), heard within the look-back: a pronoun may mean them."""
        if sp.type != "unknown" or sp.entity is not None or not sp.name or len(sp.name.split()) < 2:
            return False
        return self._heard_since(sp, self._start_back(sentence, _NAMED_LOOK_BACK))

    def _far_description(self, sp: ResolvedSpeaker, sentence: int) -> bool:
        """A person known only by a description of no stated gender ("Một người hàng xóm"),
        heard before the sentence before ``sentence``: too far for a pronoun to mean."""
        e = _described_entity(sp)
        if e is None or e.gender:
            return False
        return not self._heard_since(sp, self._start_back(sentence, 1))

    def _start_back(self, sentence: int, back: int) -> int:
        """Where the sentence ``back`` sentences before ``sentence`` starts (the first at most)."""
        k = min(sentence, len(self.sentences) - 1)
        return self.sentences[max(0, k - back)].start

    def _heard_since(self, sp: ResolvedSpeaker, lo: int) -> bool:
        """Did ``sp`` speak at or after ``lo``, among the last 40 speakers heard?"""
        return any(s is sp and pos >= lo for pos, s in reversed(self._spoken[-40:]))

    def _introduced(self, m: Mention, lo: int, hi: int, want: str | None, talking_only: bool = False) -> Entity | None:
        found = [e for e in self.registry.salient_between(lo, hi, want)
                 if not self._age_clash(m, e) and (want is None or self._gender_of(e) in (None, want))]
        talking = [e for e in found if any(e is sp.entity for pos, sp in self._spoken if lo <= pos < m.start)]
        chosen = talking or ([] if talking_only else found)
        return chosen[0] if chosen else None

    def _epithet(self, k: int, want: str | None) -> ResolvedSpeaker | None:
        """"Cô gái bị ném cà chua …" opening sentence ``k``: the person a pronoun after
        it means; that epithet itself ("Cô gái") unless someone of its gender was
        named in the two sentences before it or spoke just before."""
        lo, hi = self.sent_tokens[k] if k < len(self.sent_tokens) else (0, 0)
        lo, length, gender = self._opening_epithet(lo, hi)
        if length is None or gender is None or (want and gender != want) or (
                lo + length < hi and (self.lex.demonstratives.match(self.toks, lo + length, hi)
                                      or self.toks[lo + length][TEXT][:1].isupper())):
            return None
        before, start = self.sentences[max(0, k - _LOOK_BACK)].start, self.sentences[k].start
        named = [e for e in self.registry.salient_between(self.sentences[max(0, k - 2)].start, start, gender)
                 if self._gender_of(e) in (None, gender)]
        if named:
            return ResolvedSpeaker(named[-1].fullest, "person", named[-1], "anaphor")
        for pos, sp in reversed(self._spoken):
            if pos < before:
                break
            if pos < start and sp.type == "person" and sp.entity is not None and self._gender_of(sp.entity) in (gender, None):
                return sp  # "…”, người mẹ nói. Nữ phụ huynh tự nhận …": the mother who just spoke
        end = lo + length
        if end + 1 < hi and self.toks[end][TEXT].isdigit() and self.toks[end + 1][KEY] == "tuổi":
            end += 2  # "người đàn ông 35 tuổi"
        spelled = self.nt.spelling(self.toks[lo][START], self.toks[end - 1][END])
        # an entity of its own, so later pronouns of its gender find it among the speakers
        return ResolvedSpeaker(spelled, "person", Entity("person", spelled, gender=gender), "description")

    def _opening_epithet(self, lo: int, hi: int) -> tuple[int, int | None, str | None]:
        """(where, length in tokens, gender) of a gendered epithet opening ``toks[lo:hi]`` or its
        main clause after a fronted phrase ("Từ Hà Nội vào Huế, nữ du khách 30 tuổi
        ngồi …"): a listed epithet, or "nữ/nam" before a group or role noun."""
        toks, lex = self.toks, self.lex
        starts = [lo]
        comma = next((c for c in range(lo + 1, min(hi, lo + 16)) if toks[c][TEXT] == ","), None)
        if comma is not None and not any(t[TEXT][:1] in "\"“”" for t in toks[lo:comma]):
            starts.append(comma + 1)
        for a in starts:
            if a >= hi:
                continue
            hit = lex.anaphors.match(toks, a, hi)
            if hit is not None:
                return a, hit[0], self._epithet_gender.get(" ".join(t[KEY] for t in toks[a:a + hit[0]]))
            if toks[a][KEY] in GENDER_WORDS and a + 1 < hi and toks[a + 1][TEXT][:1].islower():
                head = lex.groups.match(toks, a + 1, hi) or lex.titles.match(toks, a + 1, hi)
                if head is not None:
                    return a, head[0] + 1, GENDER_WORDS[toks[a][KEY]]
        return lo, None, None

    def plural(self, m: Mention, sentence: int,
               resolve_plain: Callable[[Mention], ResolvedSpeaker | None]) -> ResolvedSpeaker | None:
        """"họ": the group, organisation or country that opens this sentence or one of
        the two before ("Israel đã cung cấp hỗ trợ … Song họ cho biết …"), else the
        last group or organisation that spoke.  ``resolve_plain`` resolves the members of a
        group found there (a callback, not kept: kept, it would tie the resolver that owns
        these antecedents into a reference cycle, and each article's tokens would wait for
        the cyclic garbage collector)."""
        for k in range(sentence, max(-1, sentence - 3), -1):
            if k >= len(self.sent_tokens):
                continue
            lo, hi = self.sent_tokens[k]
            opening = self._opening_group(lo, min(hi, m.tok_start), resolve_plain)
            if opening is not None:
                return opening
        for _, sp in reversed(self._spoken[-40:]):
            if sp.type in ("group", "organization"):
                return sp
        return None

    def _opening_group(self, lo: int, hi: int,
                       resolve_plain: Callable[[Mention], ResolvedSpeaker | None]) -> ResolvedSpeaker | None:
        """The group, organisation or place that opens ``toks[lo:hi]``, resolved:
        a group by its head ("Nhiều người dân" of "Nhiều người dân ký đơn …")."""
        toks, lex = self.toks, self.lex
        q = lex.quantifiers.match(toks, lo, hi)
        head = lex.groups.match(toks, lo + (q[0] if q else 0), hi)
        if head is not None:
            end = lo + (q[0] if q else 0) + head[0]
            return ResolvedSpeaker(self.nt.spelling(toks[lo][START], toks[end - 1][END]), "group", None, "anaphor")
        best = None
        for b in range(lo + 1, min(hi, lo + 10) + 1):
            if b - 1 > lo and toks[b - 1][KEY] != "và" and self.orgs.stops(b - 1, hi) and not (
                    lex.honorifics.match(toks, b - 1, hi)):
                break  # "Israel | đã cung cấp …"
            m = self.parser.parse(toks, lo, b)
            if m is not None:
                best = m
        if best is None or best.kind not in ("organization", "place", "coordination"):
            return None
        if best.kind == "organization" and lex.org_heads.match(toks, lo, hi):
            end = self.orgs.organisation_end(lo, hi)
            return ResolvedSpeaker(self.nt.spelling(toks[lo][START], toks[end - 1][END]), "organization", None,
                                   "anaphor") if end else None
        if best.kind == "place" and best.name is not None:
            return ResolvedSpeaker(self.nt.spelling(*best.name), "organization", None, "anaphor")
        parts = [resolve_plain(p) for p in (best.parts or (best,))]
        if any(p is None or not p.name for p in parts):
            return None
        return ResolvedSpeaker(" và ".join(p.name for p in parts if p and p.name), "group", None, "anaphor")

    def _just_named(self, m: Mention, sentence: int, want: str | None) -> ResolvedSpeaker | None:
        """"… bắt giữ Lê Văn Tú, 25 tuổi. Người này khai …": a demonstrative epithet
        means the person named last, in its sentence or the one before, when nobody
        spoke there."""
        lo = self._start_back(sentence, 1)
        if any(lo <= pos < m.start for pos, _ in self._spoken[-20:]):
            return None  # "Xuân Trường cho rằng … sân Bukit Jalil … Tuy nhiên, tiền vệ này …": who just spoke
        for ent in self.registry.named_before(m.start, limit=1):
            last = ent.last_before(m.start)
            if last is not None and last >= lo and not (want and self._gender_of(ent) not in (None, want)) and not (
                    self._age_clash(m, ent)):
                return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
        return None

    def _age_clash(self, m: Mention, ent: Entity | None) -> bool:
        """"anh" for someone the article calls "ông", "bà" for a "chị"."""
        if ent is None or not ent.addressed:
            return False
        h = self.lex.honorifics.match(self.toks, m.tok_start, m.tok_end)
        epithet = self.lex.anaphors.match(self.toks, m.tok_start, m.tok_end)
        # "bà mẹ trẻ" is a mother of any age, no "bà" of address; "cô gái" is young
        if epithet and (not h or epithet[0] > h[0]):
            ages_of, n = self._epithet_age, epithet[0]
        elif h:
            ages_of, n = self.lex.honorific_age, h[0]
        else:
            return False
        age = ages_of.get(" ".join(t[KEY] for t in self.toks[m.tok_start:m.tok_start + n]))
        ages = {self.lex.honorific_age.get(a) for a in ent.addressed} - {None}
        return age is not None and bool(ages) and age not in ages

    def of(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker],
           salient: bool = False) -> ResolvedSpeaker | None:
        """The speaker a pronoun or a description that refers back means; ``salient``:
        look first at those just introduced, as for a pronoun."""
        want = m.gender
        epithet = self.lex.anaphors.match(self.toks, m.tok_start, m.tok_end) if m.kind == "anaphor" else None
        if epithet is not None and want is None:
            # "cô gái chia sẻ", "người đàn ông 35 tuổi nói": a woman, a man
            want = self._epithet_gender.get(" ".join(t[KEY] for t in self.toks[m.tok_start:m.tok_start + epithet[0]]))
        if m.kind == "anaphor" and m.tok_end - m.tok_start >= 2 and self.lex.demonstratives.match_ending(
                self.toks, m.tok_end, m.tok_start):
            named = self._just_named(m, sentence, want)
            if named is not None:
                return named
        if epithet is not None and want is not None and not salient:
            newcomer = self._newcomer(m, sentence, want)
            if newcomer is not None:
                return newcomer
        if m.kind == "pronoun" or salient:
            # "Phía Trung Quốc cho biết, ông Vương đã … Ông cũng nói …": a person just
            # introduced with a title or honorific is the likeliest antecedent
            found = self._salient_antecedent(m, sentence, want)
            if found is not None:
                return found
        for sp in reversed(history[-40:]):
            if sp.type in ("outlet", "place"):
                continue
            if want and sp.entity is not None and self._gender_of(sp.entity) not in (None, want):
                continue
            if self._age_clash(m, sp.entity) or (m.kind == "pronoun" and self._far_description(sp, sentence)):
                continue
            if want and sp.entity is None and (m.kind == "pronoun" or epithet is not None) and (
                    sp.type != "person" or sp.resolved_by == "description") and not self._named_lately(sp, sentence):
                continue
            return sp
        # nobody has spoken yet: the latest person named before the mention
        for ent in self.registry.named_before(m.start):
            if (want and self._gender_of(ent) not in (None, want)) or self._age_clash(m, ent):
                continue
            return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
        return None


def _described_entity(sp: ResolvedSpeaker) -> Entity | None:
    """The entity of one person known only by a description ("Một người hàng xóm", "nữ hành
    khách"), else None."""
    return sp.entity if sp.type == "person" and sp.resolved_by == "description" else None
