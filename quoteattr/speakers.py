"""Who a speaker mention refers to, in reading order.

Names go to the fullest form the article gives (:class:`~.entities.EntityRegistry`),
titles to the person who holds them, ``Bộ`` to the ministry named before,
pronouns and descriptions to the person just introduced or the latest
compatible speaker; an unnamed group stays as written.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from .analysis import Analysis
from .entities import Entity, EntityRegistry, ResolvedSpeaker
from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser
from .organisations import OrganisationIndex, org_description
from .segment import Sentence
from .text import NormalizedText
from .tokens import Token

__all__ = ["SpeakerResolver"]

# a role without its organisation ("nhân viên") refers to someone named this many sentences back at most
_RECENT_SENTENCES = 6
# words that link a role to its place ("nhân viên của cửa hàng"), no part of the role as introduced
_LINKS = frozenset({"của", "tại", "ở", "thuộc"})
# a pronoun looks for the person just introduced in its own sentence and this many before it, in all
_LOOK_BACK = 4


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
        self._sentence_starts = [s.start for s in sentences]
        self._spoken: list[tuple[int, ResolvedSpeaker]] = []  # (mention start, speaker), reading order
        anaphors = lex.lexicon.tables.get("anaphors", ())
        self._plural = frozenset(r[0].casefold() for r in anaphors if len(r) > 1 and r[1] == "plural")
        self._epithet_gender = {r[0].casefold(): r[1] for r in anaphors if len(r) > 1 and r[1] in ("m", "f")}
        self.orgs = OrganisationIndex(nt, toks, sent_tokens, parser, lex)

    def resolve(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker]) -> ResolvedSpeaker | None:
        if m.kind == "coordination":
            names = [self.resolve(p, sentence, history) for p in m.parts]
            if any(n is None or n.name is None for n in names):
                return None
            return ResolvedSpeaker(" và ".join(n.name for n in names if n and n.name), "group", None, "name")
        found = self._described(m) or self._one(m, sentence, history)
        if found is not None:
            self._spoken.append((m.start, found))
        if found is not None and found.type in ("organization", "unknown") and found.name and (
                found.resolved_by == "name" and self.orgs.plausible(m.tok_start, m.tok_end)
                and not (found.type == "unknown" and found.name in self.lex.family_names)):
            self.orgs.heard(m.start, found.name, self.orgs.kind_of(self.toks, m.tok_start, m.tok_end))
        return found

    def _described(self, m: Mention) -> ResolvedSpeaker | None:
        """An organisation named by its kind ("Sở này" → Sở Công Thương TP HCM), or
        someone named by a role in one ("đại diện Sở Xây dựng" → the person
        introduced as working there)."""
        a, b = m.tok_start, m.tok_end
        if b <= a:
            return None
        desc = org_description(self.lex, self.toks, a, b)
        if desc is None and a > 0 and (whole := self.lex.org_nouns.match(self.toks, a - 1, b)) and whole[0] >= 2:
            desc = org_description(self.lex, self.toks, a - 1, b)  # "đơn | vị cho biết": split inside a word
        if desc is not None:
            name = self.orgs.latest(desc.kind, m.start)
            return ResolvedSpeaker(name, "organization", None, "description") if name else None
        role = self.lex.org_roles.match(self.toks, a, b)
        return self._role(m, a + role[0]) if role else None

    def _role(self, m: Mention, r: int) -> ResolvedSpeaker | None:
        """"đại diện X", "lãnh đạo hãng", "nhân viên": the person introduced with
        that role or organisation, else the role of the organisation meant."""
        nt, toks, a, b = self.nt, self.toks, m.tok_start, m.tok_end
        org = None
        desc = org_description(self.lex, toks, r, b) if r < b else None
        if desc is not None:
            org = self.orgs.latest(desc.kind, m.start)
            if org is None:
                return None
        words: frozenset[str] = frozenset()
        if desc is None and r < b:
            sub = self.parser.parse(toks, r, b)
            if sub is not None and sub.kind in ("organization", "outlet") and sub.name is not None:
                org = nt.spelling(*sub.name)
            elif all(t.is_word and not t.text[:1].isupper() for t in toks[r:b]):
                # "nhân viên kinh doanh của cửa hàng": the role, told more fully
                words = frozenset(t.key for t in toks[r:b] if t.key not in _LINKS)
            else:
                return None
        role = " ".join(t.key for t in toks[a:r])
        ent = self.registry.by_role(role, org, m.start, words)
        if ent is not None and org is None and not self._recent(ent, m.start):
            ent = None  # "nhân viên" pages after "chị Tuyền, nhân viên …" is someone else
        if ent is not None:
            return ResolvedSpeaker(ent.fullest, "person", ent, "title")
        if desc is not None and org is not None:
            return ResolvedSpeaker(f"{nt.spelling(toks[a].start, toks[r - 1].end)} {org}", "person", None,
                                   "description")
        return None

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
                ent = reg.by_title(title_text, m.start) or self._titled_short_form(m)
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
            if nt.text[m.start:m.end].casefold() in self._plural:
                return self._plural_antecedent(m, sentence)
            return self._antecedent(m, sentence, history)
        if m.kind == "group":
            return ResolvedSpeaker(nt.spelling(m.start, m.end), "group", None, "description")
        return None

    def _recent(self, ent: Entity, pos: int) -> bool:
        """Was ``ent`` mentioned within the last few sentences before ``pos``?"""
        last = ent.last_before(pos)
        if last is None:
            return False
        starts = self._sentence_starts
        return bisect_left(starts, pos) - bisect_left(starts, last) <= _RECENT_SENTENCES

    def _titled_short_form(self, m: Mention) -> Entity | None:
        """"ThS Anh", "BS Em": a title and a given name that is also an honorific word,
        so read as a title chain; the titled person whose name ends so."""
        toks = self.toks
        t = self.lex.titles.match(toks, m.tok_start, m.tok_end)
        if t is None:
            return None
        rest = toks[m.tok_start + t[0]:m.tok_end]
        if not rest or len(rest) > 2 or not all(x.text[:1].isupper() and x.text.isalpha() for x in rest):
            return None
        ent = self.registry.person((rest[0].start, rest[-1].end), m.start)
        return ent if ent is not None and ent.titles else None  # introduced with a title too

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
            if self._capitalised_inside_a_sentence(m.name):
                return ResolvedSpeaker(nt.spelling(*m.name), "unknown", None, "name")
            return None
        # "“…”, Vietcombank khẳng định.": where only a name can stand
        return ResolvedSpeaker(nt.spelling(*m.name), "unknown", None, "name")

    def _capitalised_inside_a_sentence(self, name: tuple[int, int]) -> bool:
        """Is this capitalised run written elsewhere after a lowercase word or a comma,
        as a whole (so a name: "Lan Anh cho hay …" where "…", Lan Anh kể" comes too)?"""
        text, toks = self.nt.text, self.toks
        spelled = text[name[0]:name[1]]
        n = len(spelled.split())
        found = False
        at = text.find(spelled)
        while at != -1:
            k = bisect_left(self._tok_starts, at)
            if k < len(toks) and toks[k].start == at and self.lex.place_prefixes.match_ending(toks, k, max(0, k - 3)):
                return False  # "thị xã Ninh Hòa": a place
            if at != name[0] and k < len(toks) and toks[k].start == at and k > 0 and k + n <= len(toks):
                before, after = toks[k - 1], toks[k + n] if k + n < len(toks) else None
                whole = toks[k + n - 1].end == at + len(spelled) and not (after is not None and after.text[:1].isupper())
                if whole and "\n" not in text[before.end:at] and (
                        before.text == "," or (before.is_word and before.text[:1].islower())):
                    found = True
            at = text.find(spelled, at + 1)
        return found

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
            named = self._named_speaker(lo, m.start) if ent is None else None
            if ent is None and named is None and back < 2:
                ent = self._introduced(m, lo, hi, want)
            if ent is not None:
                return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
            if named is not None:
                return named
            epithet = self._epithet(k, want) if back < 2 and lo < m.start else None
            if epithet is not None:
                return epithet
        return None

    def _named_speaker(self, lo: int, hi: int) -> ResolvedSpeaker | None:
        """A speaker in [lo, hi) called by a name of two or more words nobody else in
        the article bears ("Xuân Trường bày tỏ …", "Trâm Anh, một sinh viên, cho biết")."""
        for pos, sp in self._spoken:
            if lo <= pos < hi and sp.type == "unknown" and sp.entity is None and sp.name and len(sp.name.split()) >= 2:
                return sp
        return None

    def _introduced(self, m: Mention, lo: int, hi: int, want: str | None, talking_only: bool = False) -> Entity | None:
        found = [e for e in self.registry.salient_between(lo, hi, want) if not self._age_clash(m, e)]
        talking = [e for e in found if any(e is sp.entity for pos, sp in self._spoken if lo <= pos < m.start)]
        return (talking or ([] if talking_only else found) or [None])[0]

    def _epithet(self, k: int, want: str | None) -> ResolvedSpeaker | None:
        """"Cô gái bị ném cà chua …" opening sentence ``k``: the person a pronoun after
        it means; that epithet itself ("Cô gái") unless someone of its gender was
        named in the two sentences before it or spoke just before."""
        lo, hi = self.sent_tokens[k] if k < len(self.sent_tokens) else (0, 0)
        hit = self.lex.anaphors.match(self.toks, lo, hi) if lo < hi else None
        gender = self._epithet_gender.get(" ".join(t.key for t in self.toks[lo:lo + hit[0]])) if hit else None
        if hit is None or gender is None or (want and gender != want) or (
                lo + hit[0] < hi and (self.lex.demonstratives.match(self.toks, lo + hit[0], hi)
                                      or self.toks[lo + hit[0]].text[:1].isupper())):
            return None
        before, start = self.sentences[max(0, k - _LOOK_BACK)].start, self.sentences[k].start
        named = self.registry.salient_between(self.sentences[max(0, k - 2)].start, start, gender)
        if named:
            return ResolvedSpeaker(named[-1].fullest, "person", named[-1], "anaphor")
        for pos, sp in reversed(self._spoken):
            if pos < before:
                break
            if pos < start and sp.type == "person" and sp.entity is not None and sp.entity.gender == gender:
                return sp  # "…”, người mẹ nói. Nữ phụ huynh tự nhận …": the mother who just spoke
        end = lo + hit[0]
        if end + 1 < hi and self.toks[end].text.isdigit() and self.toks[end + 1].key == "tuổi":
            end += 2  # "người đàn ông 35 tuổi"
        return ResolvedSpeaker(self.nt.spelling(self.toks[lo].start, self.toks[end - 1].end), "person", None,
                               "description")

    def _plural_antecedent(self, m: Mention, sentence: int) -> ResolvedSpeaker | None:
        """"họ": the group, organisation or country that opens this sentence or one of
        the two before ("Israel đã cung cấp hỗ trợ … Song họ cho biết …"), else the
        last group or organisation that spoke."""
        for k in range(sentence, max(-1, sentence - 3), -1):
            if k >= len(self.sent_tokens):
                continue
            lo, hi = self.sent_tokens[k]
            opening = self._opening_group(lo, min(hi, m.tok_start))
            if opening is not None:
                return opening
        for _, sp in reversed(self._spoken[-40:]):
            if sp.type in ("group", "organization"):
                return sp
        return None

    def _opening_group(self, lo: int, hi: int) -> ResolvedSpeaker | None:
        """The group, organisation or place that opens ``toks[lo:hi]``, resolved:
        a group by its head ("Nhiều người dân" of "Nhiều người dân ký đơn …")."""
        toks, lex = self.toks, self.lex
        q = lex.quantifiers.match(toks, lo, hi)
        head = lex.groups.match(toks, lo + (q[0] if q else 0), hi)
        if head is not None:
            end = lo + (q[0] if q else 0) + head[0]
            return ResolvedSpeaker(self.nt.spelling(toks[lo].start, toks[end - 1].end), "group", None, "anaphor")
        best = None
        for b in range(lo + 1, min(hi, lo + 10) + 1):
            if b - 1 > lo and toks[b - 1].key != "và" and self.orgs.stops(b - 1, hi) and not (
                    lex.honorifics.match(toks, b - 1, hi)):
                break  # "Israel | đã cung cấp …"
            m = self.parser.parse(toks, lo, b)
            if m is not None:
                best = m
        if best is None or best.kind not in ("organization", "place", "coordination"):
            return None
        if best.kind == "organization" and lex.org_heads.match(toks, lo, hi):
            end = self.orgs.organisation_end(lo, hi)
            return ResolvedSpeaker(self.nt.spelling(toks[lo].start, toks[end - 1].end), "organization", None,
                                   "anaphor") if end else None
        if best.kind == "place" and best.name is not None:
            return ResolvedSpeaker(self.nt.spelling(*best.name), "organization", None, "anaphor")
        parts = [self._one(p, 0, ()) for p in (best.parts or (best,))]
        if any(p is None or not p.name for p in parts):
            return None
        return ResolvedSpeaker(" và ".join(p.name for p in parts if p and p.name), "group", None, "anaphor")

    def _age_clash(self, m: Mention, ent: Entity | None) -> bool:
        """"anh" for someone the article calls "ông", "bà" for a "chị"."""
        if ent is None or not ent.addressed:
            return False
        h = self.lex.honorifics.match(self.toks, m.tok_start, m.tok_end)
        age = self.lex.honorific_age.get(" ".join(t.key for t in self.toks[m.tok_start:m.tok_start + h[0]])) if h else None
        ages = {self.lex.honorific_age.get(a) for a in ent.addressed} - {None}
        return age is not None and bool(ages) and age not in ages

    def _antecedent(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker]) -> ResolvedSpeaker | None:
        want = m.gender
        epithet = self.lex.anaphors.match(self.toks, m.tok_start, m.tok_end) if m.kind == "anaphor" else None
        if epithet is not None and want is None:
            # "cô gái chia sẻ", "người đàn ông 35 tuổi nói": a woman, a man
            want = self._epithet_gender.get(" ".join(t.key for t in self.toks[m.tok_start:m.tok_start + epithet[0]]))
        if m.kind == "pronoun":
            # "Phía Trung Quốc cho biết, ông Vương đã … Ông cũng nói …": a person just
            # introduced with a title or honorific is the likeliest antecedent
            found = self._salient_antecedent(m, sentence, want)
            if found is not None:
                return found
        for sp in reversed(history[-40:]):
            if sp.type in ("outlet", "place"):
                continue
            if want and sp.entity is not None and sp.entity.gender and sp.entity.gender != want:
                continue
            if self._age_clash(m, sp.entity):
                continue
            if want and sp.entity is None and (m.kind == "pronoun" or epithet is not None) and (
                    sp.type != "person" or sp.resolved_by == "description"):
                continue
            return sp
        # nobody has spoken yet: the latest person named before the mention
        for ent in self.registry.named_before(m.start):
            if (want and ent.gender and ent.gender != want) or self._age_clash(m, ent):
                continue
            return ResolvedSpeaker(ent.fullest, "person", ent, "anaphor")
        return None
