"""Who a speaker mention refers to, in reading order.

Names go to the fullest form the article gives (:class:`~.entities.EntityRegistry`),
titles to the person who holds them, ``Bộ`` to the ministry named before,
pronouns and descriptions to the person just introduced or the latest
compatible speaker; an unnamed group stays as written.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from operator import attrgetter, itemgetter

from .analysis import Analysis
from .antecedents import Antecedents
from .entities import Entity, EntityRegistry, ResolvedSpeaker
from .lexicon import CompiledLexicon
from .mentions import Mention, MentionParser
from .mentions.model import GENDER_WORDS
from .organisations import OrganisationIndex, org_description
from .segment import Sentence
from .text import NormalizedText
from .tokens import END, KEY, START, TEXT, Token, is_word

__all__ = ["SpeakerResolver"]

# a role without its organisation ("nhân viên") refers to someone named this many sentences back at most
_RECENT_SENTENCES = 6
# words that link a role to its place ("nhân viên của cửa hàng"), no part of the role as introduced
_LINKS = frozenset({"của", "tại", "ở", "thuộc"})
_START, _TOK_START = attrgetter("start"), itemgetter(START)


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
        self._sentence_starts = list(map(_START, sentences))  # the loop in C
        self.orgs = OrganisationIndex(nt, toks, sent_tokens, parser, lex)
        self.antecedents = Antecedents(nt, toks, sentences, sent_tokens, registry, lex, parser, self.orgs)

    def resolve(self, m: Mention, sentence: int, history: Sequence[ResolvedSpeaker]) -> ResolvedSpeaker | None:
        if m.kind == "coordination":
            names = [self.resolve(p, sentence, history) for p in m.parts]
            if any(n is None or n.name is None for n in names):
                return None
            return ResolvedSpeaker(" và ".join(n.name for n in names if n and n.name), "group", None, "name")
        found = self._described(m) or self._one(m, sentence, history)
        if found is not None:
            self.antecedents.heard(m.start, found, m.gender)
        if found is not None and found.type in ("organization", "unknown") and found.name and (
                found.resolved_by == "name" and self.orgs.plausible(m.tok_start, m.tok_end)
                and not (found.type == "unknown" and found.name in self.lex.family_names)):
            self.orgs.heard(m.start, found.name, self.orgs.kind_of(self.toks, m.tok_start, m.tok_end))
        return found

    def _plain(self, m: Mention) -> ResolvedSpeaker | None:
        """A member of a group "họ" means, resolved as a mention of the first sentence with
        nobody heard before it."""
        return self._described(m) or self._one(m, 0, ())

    def _described(self, m: Mention) -> ResolvedSpeaker | None:
        """An organisation named by its kind ("Sở này" → Sở Công Thương TP HCM), or
        someone named by a role in one ("đại diện Sở Xây dựng" → the person
        introduced as working there)."""
        a, b = m.tok_start, m.tok_end
        if b <= a:
            return None
        if b - a > 1 and self.toks[a][KEY] in ("phía", "bên"):
            a += 1  # "phía công an": the side of the police named before
        desc = org_description(self.lex, self.toks, a, b)
        if desc is None and a > 0 and (whole := self.lex.org_nouns.match(self.toks, a - 1, b)) and whole[0] >= 2:
            desc = org_description(self.lex, self.toks, a - 1, b)  # "đơn | vị cho biết": split inside a word
        if desc is not None:
            if self._unnamed_before(desc.kind, m):
                return ResolvedSpeaker(self.nt.spelling(m.start, m.end), "organization", None, "description")
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
            if self._unnamed_before(desc.kind, m):  # one person of that unnamed organisation
                spelled = nt.spelling(m.start, m.end)
                return ResolvedSpeaker(spelled, "person", Entity("person", spelled), "description")
            org = self.orgs.latest(desc.kind, m.start)
            if org is None:
                return None
        words: frozenset[str] = frozenset()
        if desc is None and r < b:
            sub = self.parser.parse(toks, r, b)
            if sub is not None and sub.name is not None and (sub.kind in ("organization", "outlet") or (
                    sub.kind == "person" and not sub.certain)):  # "đại diện Bình An Phát": a shop's name
                org = nt.spelling(*sub.name)
            elif all(is_word(t) and not t[TEXT][:1].isupper() for t in toks[r:b]):
                # "nhân viên kinh doanh của cửa hàng": the role, told more fully
                words = frozenset(t[KEY] for t in toks[r:b] if t[KEY] not in _LINKS)
            else:
                return None
        role = " ".join(t[KEY] for t in toks[a:r])
        if org is not None and (spoke := self.antecedents.spoke_for(org, m.start)) is not None:
            return spoke  # "Chủ cửa hàng gạo Bình An Phát cho rằng … “…”, đại diện Bình An Phát nói"
        ent = self.registry.by_role(role, org, m.start, words)
        if ent is not None and org is None and not self._recent(ent, m.start):
            ent = None  # "nhân viên" pages after "chị Tuyền, nhân viên …" is someone else
        if ent is not None:
            return ResolvedSpeaker(ent.fullest, "person", ent, "title")
        if desc is not None and org is not None:
            return ResolvedSpeaker(f"{nt.spelling(toks[a][START], toks[r - 1][END])} {org}", "person", None,
                                   "description")
        return None

    def _unnamed_before(self, kind: str, m: Mention) -> bool:
        """"Lợi nhuận của một nhà băng … Tôi hỏi vì sao, lãnh đạo ngân hàng này cho biết …": an
        organisation of ``kind`` brought in unnamed ("một nhà băng") in this sentence or the one
        before is what "… này" means, not the last one named."""
        toks = self.toks
        k = max(0, bisect_right(self._sentence_starts, m.start) - 2)
        lo = self.sent_tokens[k][0] if k < len(self.sent_tokens) else m.tok_start
        for i in range(lo, m.tok_start - 1):
            if toks[i][KEY] == "một" and (hit := self.lex.org_nouns.match(toks, i + 1, m.tok_start)) and (
                    hit[1][0] == kind and not (i + 1 + hit[0] < len(toks) and toks[i + 1 + hit[0]][TEXT][:1].isupper())):
                return True
        return False

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
            elif m.kind == "organization":
                name = self._organisation_name(m, name)
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
            origin = self._origin_epithet(m)
            if origin or self.lex.anaphors.match(toks, m.tok_start, m.tok_end):
                prev = self.antecedents.of(m, sentence, history, salient=origin)
                if prev is not None:
                    return prev
            return ResolvedSpeaker(nt.spelling(m.start, m.end), "person", None, "description")
        if m.kind in ("pronoun", "anaphor"):
            if nt.text[m.start:m.end].casefold() in self.antecedents.plural_words:
                return self.antecedents.plural(m, sentence, self._plain)
            return self.antecedents.of(m, sentence, history)
        if m.kind == "group":
            return self._group(m, sentence)
        return None

    def _group(self, m: Mention, sentence: int) -> ResolvedSpeaker:
        """An unnamed speaker, as written; one person when "một" or a gender word makes it
        singular ("Một người hàng xóm", "nữ hành khách"), so a pronoun after it may mean it.
        Without "một", "nam hành khách" is the man who just spoke, when one did."""
        spelled = self.nt.spelling(m.start, m.end)
        toks, a, b = self.toks, m.tok_start, m.tok_end
        q = self.lex.quantifiers.match(toks, a, b)
        if q is not None and not (q[0] == 1 and toks[a][KEY] == "một"):
            return ResolvedSpeaker(spelled, "group", None, "description")  # "một số", "các", "hai": several
        r = a + (q[0] if q else 0)
        # a gender word before a role or group noun: "nữ hành khách" is one woman
        gender = GENDER_WORDS.get(toks[r][KEY]) if r + 1 < b and toks[r + 1][TEXT][:1].islower() else None
        if q is None and gender is None:
            return ResolvedSpeaker(spelled, "group", None, "description")
        if q is None and gender is not None:
            prev = self.antecedents.person_who_spoke(m.start, sentence, gender, toks[r + 1][KEY])
            if prev is not None:
                return prev
        return ResolvedSpeaker(spelled, "person", Entity("person", spelled, gender=gender), "description")

    def _organisation_name(self, m: Mention, name: str) -> str:
        """The name of an organisation mention without a predicate the grammar let in
        ("Ngân hàng Nhà nước vừa sửa đổi" → "Ngân hàng Nhà nước")."""
        toks = self.toks
        a = bisect_left(toks, m.name[0], key=_TOK_START) if m.name else m.tok_start  # no list of starts
        if not (a < m.tok_end and toks[a][TEXT][:1].isupper() and self.lex.org_heads.match(toks, a, m.tok_end)):
            return name
        end = self.orgs.organisation_end(a, m.tok_end)
        if not end or end >= m.tok_end or not any(self.orgs.stops(k, m.tok_end) for k in range(end, m.tok_end)):
            return name
        return self.nt.spelling(toks[a][START], toks[end - 1][END])

    def _origin_epithet(self, m: Mention) -> bool:
        """"nghệ sĩ người Huế", "nhà cầm quân người Thụy Điển": a role and where its
        holder comes from, an epithet for someone named before, never a name."""
        toks = self.toks
        return m.name is None and any(
            toks[k][KEY] == "người" and toks[k + 1][TEXT][:1].isupper() for k in range(m.tok_start + 1, m.tok_end - 1))

    def _recent(self, ent: Entity, pos: int) -> bool:
        """Was ``ent`` mentioned, or did it speak, within the last few sentences before ``pos``?"""
        last = max((p for p in (ent.last_before(pos), self.antecedents.last_heard(ent, pos)) if p is not None),
                   default=None)
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
        if not rest or len(rest) > 2 or not all(x[TEXT][:1].isupper() and x[TEXT].isalpha() for x in rest):
            return None
        ent = self.registry.person((rest[0][START], rest[-1][END]), m.start)
        return ent if ent is not None and ent.titles else None  # introduced with a title too

    def _bare_word(self, m: Mention, sentence: int) -> ResolvedSpeaker | None:
        """A capitalised word nobody in the article is called."""
        assert m.name is not None
        nt, toks = self.nt, self.toks
        if self.lex.groups.match(toks, m.tok_start, m.tok_end):
            # "Người khen …" after a colon: a capitalised common noun, a group speaker
            return ResolvedSpeaker(nt.spelling(m.start, m.end), "group", None, "description")
        lo = self.sent_tokens[sentence][0] if sentence < len(self.sent_tokens) else 0
        before = toks[m.tok_start - 1] if m.tok_start > lo else None
        if before is not None and before[KEY] in ("theo", "của") and "\n" not in nt.text[before[END]:m.start]:
            # "Theo ASEAN Today, …", "theo báo cáo của Savills Việt Nam": a frame names its speaker,
            # who may be a data source as well as a company ("frame": not heard as an organisation)
            return ResolvedSpeaker(nt.spelling(*m.name), "unknown", None, "frame")
        if m.tok_start <= lo or toks[m.tok_start - 1][TEXT] not in (",", "-", "–", "—"):
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
            k = bisect_left(toks, at, key=_TOK_START)
            if k < len(toks) and toks[k][START] == at and self.lex.place_prefixes.match_ending(toks, k, max(0, k - 3)):
                return False  # "thị xã Ninh Hòa": a place
            if at != name[0] and k < len(toks) and toks[k][START] == at and k > 0 and k + n <= len(toks):
                before, after = toks[k - 1], toks[k + n] if k + n < len(toks) else None
                whole = toks[k + n - 1][END] == at + len(spelled) and not (after is not None and after[TEXT][:1].isupper())
                if whole and "\n" not in text[before[END]:at] and (
                        before[TEXT] == "," or (is_word(before) and before[TEXT][:1].islower())):
                    found = True
            at = text.find(spelled, at + 1)
        return found

    def _organisation_named_before(self, pos: int, head: str) -> str | None:
        """The last full organisation name starting with ``head`` before ``pos``."""
        toks = self.toks
        last = bisect_left(toks, pos, key=_TOK_START) - 1
        for k in range(last, max(-1, last - 3000), -1):
            if toks[k][TEXT] == head and k + 1 < len(toks) and toks[k + 1][TEXT][:1].isupper():
                best = None
                for b in range(k + 2, min(len(toks), k + 10) + 1):
                    m = self.parser.parse(toks, k, b)
                    if m is not None and m.kind == "organization":
                        best = m
                if best is not None:
                    return self.nt.spelling(best.start, best.end)
        return None
