"""``Theo X, …``: X is the speaker, or the source when X is an outlet.

``Theo Bộ Y tế, số ca mắc đã giảm 20%.`` gives speaker ``Bộ Y tế``;
``Theo Reuters, …`` sets the sentence's source; ``…, theo Kyodo News.`` at the
end of a sentence covers its paragraph; ``Theo thông báo của Sở Y tế, …``
reaches past the statement noun to its issuer.  Documents and rules
(``theo quy định``) are neither (the ``theo_blockers`` lexicon).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import attrs

from ..cues import Cue
from ..tokens import END, KEY, START, TEXT, Token, is_word
from ..mentions import Mention
from ..mentions.names import holds_cue
from ..organisations import org_description
from ..segment import Sentence
from ..sources import SourceMention, SourceScopes
from .candidate import Candidate
from .claims import Claims
from .view import ArticleView

__all__ = ["propose_theo"]

# a paragraph longer than this is a scraped one-line body, not a paragraph a closing "theo X" can frame
_FRAME_SENTENCES = 8
# words that qualify a statement noun: "thông báo mới nhất của", "kết luận sơ bộ của"
_STATEMENT_QUALIFIERS = ("mới", "gần", "đây", "nhất", "chính", "thức", "sơ", "bộ", "ban", "đầu")
# how far a compound statement noun may run before its "của": "thông báo kết luận kiểm tra của"
_STATEMENT_SPAN = 6
# words that end X and begin the frame's own qualifiers (aspect words, time, the addressee)
_FRAME_TAIL_WORDS = frozenset(("với", "vào", "hôm", "vừa", "mới", "đã", "được", "đang", "sẽ", "gửi", "trong"))
# words that open a qualifier of X itself, up to the frame's comma: "quản lý cửa hàng X ở phố Y"
_X_QUALIFIERS = frozenset(("ở", "tại", "thuộc", "trên", "(", "phụ trách"))
_FRAME_TAIL_PAIRS = frozenset(("thực hiện", "công bố", "đưa ra", "tiến hành", "cho thấy", "cho biết"))
# "xử lý đúng theo kết luận của X": acting in accordance with, never a report (last syllables:
# đúng, làm, tuân, thực hiện, xử lý, giải quyết, căn cứ, dựa, chiếu, đi)
_COMPLY = frozenset(("đúng", "làm", "tuân", "hiện", "lý", "quyết", "cứ", "dựa", "chiếu", "đi"))
# rules and documents, never speakers even with a capitalised name ("Theo Bộ luật Lao động")
_RULES = frozenset(("luật", "bộ luật", "nghị định", "nghị quyết", "thông tư", "quyết định", "quy định", "quy chế",
                    "hiến pháp", "pháp lệnh", "chỉ thị", "điều lệ", "tiêu chuẩn", "quy chuẩn", "hợp đồng",
                    "công ước", "hiệp định", "dự thảo"))


def propose_theo(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue,
                 later: Sequence[Cue]) -> None:
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    i = _after_statement_noun(view, cue.tok_end, hi)
    if i is None:
        return
    # "… dịch vụ theo thống kê của CrunchBase.": a statement noun closing the sentence still reports
    # (the walk to the sentence end only when the frame reads as "in accordance with")
    if _in_accordance(view, lo, cue.tok_start) and (
            not (i > cue.tok_end and all(toks[k][TEXT] not in ",:;–—" for k in range(i, hi)))
            or toks[cue.tok_start - 1][KEY] in _COMPLY):
        return
    framed = i > cue.tok_end + 1  # "theo giải thích của X": X ends before "là"
    # "theo những gì X quan sát, …": X's own verb runs to the comma
    whose = toks[i - 1][KEY] == "gì" and i - 2 >= cue.tok_end and toks[i - 2][KEY] == "những"
    # X ends at the next comma/colon or copula; without one, at the longest tidy mention
    stop, tail = hi, False
    for k in range(i, min(hi, i + 30)):
        if toks[k][TEXT] in (",", ":", "–", "—") or (toks[k][TEXT] == "-" and k > i) or (
                k > i and (toks[k][KEY] == "thì" or (toks[k][KEY] == "là" and framed))):
            stop = k
            break
        if k > i and _frame_tail(toks, k, hi):
            stop, tail = k, True
            break
    outlet = view.outlets.at(toks, i, stop)
    if outlet is not None and all(not is_word(t) for t in toks[i + outlet[0]:stop]):
        _theo_outlet(view, claims, scopes, si, cue, later, i, outlet)
        return
    m = view.parser.parse(toks, i, stop) if stop < hi else None
    if m is None:
        m = _named_programme(view, i, stop) or view.tidy_mention(i, stop if stop < hi else min(hi, i + 10))
    if m is None and stop < hi and toks[stop][TEXT] == ",":
        m = _description(view, i, stop)
    if m is None or m.kind in ("outlet",):
        return
    if m.kind == "title" and stop < hi and toks[stop][TEXT] == ",":
        m = _apposed_person(view, stop + 1, hi) or m  # "Theo Giám đốc Công ty X, ông Y, …": Y speaks
    for c in later:
        if c.entry.cls in ("speech", "directive", "commit", "report"):
            subj = view.subject_of(lo, c.tok_start)
            if subj is not None and subj.tok_start < m.tok_end and subj.tok_end > i:
                return  # "Theo thông tin từ X cho biết, …": X's own verb is the cue
            if subj is not None and _apposition_of(view, m, subj):
                # "Theo BS X - bác sĩ bệnh viện Y, nguyên trưởng khoa Z nhận định, …": the role
                # segments describe X, whose statement follows the verb
                _theo_record(view, claims, si, cue, c.tok_end, m, src=view.statement_source(si),
                             introduced=True, conf=0.85, cue_span=(c.start, c.end))
                return
    after, introduced = _frame_end(view, m.tok_end, hi, framed, whose or tail)
    if (stop < hi and toks[stop][TEXT] == "," and after == m.tok_end < stop <= m.tok_end + 12
            and toks[m.tok_end][KEY] in _X_QUALIFIERS and not holds_cue(view.lex, toks, m.tok_end, stop)):
        after = stop + 1  # "Theo quản lý cửa hàng X ở “phố vàng” Y, …": X's qualifier runs to the comma
    if introduced and after - 1 > m.tok_end and toks[after - 1][KEY] == "thì":
        m = _listed(view, m, after - 1)
    _theo_record(view, claims, si, cue, after, m, src=view.statement_source(si), introduced=introduced)


def _listed(view: ArticleView, m: Mention, end: int) -> Mention:
    """``Theo A, B (ACR), và nhiều tổ chức khác thì …``: all the items speak; ``m`` alone when
    an item is no mention."""
    toks = view.toks
    parts, a = [m], m.tok_end
    for k in range(m.tok_end, end + 1):
        if k < end and toks[k][TEXT] != "," and toks[k][KEY] != "và":
            continue
        b = a
        while b < k and toks[b][TEXT] != "(":
            b += 1  # "Hiệp hội Ung thư Mỹ (ACR)": the bracketed short form is not needed
        if b > a:
            item = view.parser.parse(toks, a, b) or _quantified_group(view, a, b)
            if item is None:
                return m
            parts.append(item)
        a = k + 1
    if len(parts) == 1:
        return m
    return Mention(m.start, toks[end - 1][END], "coordination", tok_start=m.tok_start, tok_end=end, parts=tuple(parts))


def _quantified_group(view: ArticleView, a: int, b: int) -> Mention | None:
    """``nhiều tổ chức khác``: a quantifier and a kind noun, a group in a list of speakers."""
    toks, lex = view.toks, view.lex
    q = lex.quantifiers.match(toks, a, b)
    if not q or not lex.org_nouns.match(toks, a + q[0], b) and not lex.groups.match(toks, a + q[0], b):
        return None
    return Mention(toks[a][START], toks[b - 1][END], "group", tok_start=a, tok_end=b)


def _description(view: ArticleView, i: int, stop: int) -> Mention | None:
    """X named only by its kind or with a demonstrative: ``Theo báo cáo của bệnh viện, …``,
    ``Theo nam doanh nhân này, …``; the resolver takes them back to the entity meant."""
    toks = view.toks
    if not 1 <= stop - i <= 6 or not all(is_word(t) and not t[TEXT][:1].isupper() for t in toks[i:stop]):
        return None
    kind = None
    if org_description(view.lex, toks, i, stop) is not None:
        kind = "group"  # unresolved, it stays the description ("bệnh viện")
    elif stop - i >= 2 and (dem := view.lex.demonstratives.match_ending(toks, stop, i + 1)):
        lex = view.lex
        if any(m.match(toks, k, stop - dem[0]) for k in range(i, stop - dem[0])
               for m in (lex.titles, lex.groups, lex.anaphors)):
            kind = "anaphor"  # a person noun ("doanh nhân này"), not "xu hướng này"
    if kind is None:
        return None
    return Mention(toks[i][START], toks[stop - 1][END], kind, tok_start=i, tok_end=stop)


def _apposed_person(view: ArticleView, i: int, hi: int) -> Mention | None:
    """The named person set off by commas right after a title: ``ông Peter Brown`` in
    ``Theo Phó tổng giám đốc Công ty Sao Mai, ông Peter Brown, doanh thu …``."""
    toks = view.toks
    for k in range(i + 1, min(hi, i + 8)):
        if toks[k][TEXT] == ",":
            p = view.parser.parse(toks, i, k)
            if p is not None and p.kind == "person" and p.name is not None and p.certain:
                return p
            return None
        if not is_word(toks[k]):
            return None
    return None


def _apposition_of(view: ArticleView, m: Mention, subj: Mention) -> bool:
    """Is ``subj`` (a later cue's subject, a role without a name) the last segment of an
    appositive chain on the named person ``m`` (``- bác sĩ …, nguyên Trưởng khoa …``)?"""
    toks = view.toks
    if m.kind != "person" or m.name is None or not m.certain or subj.tok_start < m.tok_end:
        return False
    if subj.kind not in ("title", "anaphor") and not (subj.kind == "person" and not subj.certain):
        return False
    gap = toks[m.tok_end:subj.tok_start]
    if not gap or gap[0][TEXT] not in (",", "-", "–", "—", "(") or len(gap) > 25:
        return False
    if any(t[TEXT] in (".", "?", "!", ";", ":") or t[KEY] in ("thì", "là", "và") for t in gap):
        return False
    if gap[0][TEXT] == "," and not any(is_word(t) for t in gap):
        return False  # "Theo ông A, Bộ trưởng đã yêu cầu …": someone else, of whom A tells
    return not holds_cue(view.lex, toks, m.tok_end, subj.tok_start)


def _named_programme(view: ArticleView, i: int, stop: int) -> Mention | None:
    """``theo Chương trình Dinh dưỡng Quốc gia``: a name that begins with a plan word, up to the
    bracket or stop, read as an organisation when the mention grammar has no head for it."""
    toks = view.toks
    found = view.lex.theo_blockers.match(toks, i, stop)
    if not found or not toks[i][TEXT][:1].isupper():
        return None
    j = i
    while j < stop and is_word(toks[j]):
        j += 1
    if j - i - found[0] < 1 or not toks[i + found[0]][TEXT][:1].isupper() or j - i > 12:
        return None
    return Mention(toks[i][START], toks[j - 1][END], "organization", name=(toks[i][START], toks[j - 1][END]),
                   tok_start=i, tok_end=j)


def _frame_tail(toks: Sequence[Token], k: int, hi: int) -> bool:
    """A word after X that begins what qualifies the statement, not X's name:
    ``khảo sát của X thực hiện năm 2017``, ``lời khai của X với cơ quan điều tra``."""
    key = toks[k][KEY]
    pair = key + " " + toks[k + 1][KEY] if k + 1 < hi else key
    return key in _FRAME_TAIL_WORDS or pair in _FRAME_TAIL_PAIRS or (
        key == "năm" and k + 1 < hi and toks[k + 1][TEXT][:1].isdigit())


def _in_accordance(view: ArticleView, lo: int, k: int) -> bool:
    """``xử lý đúng theo kết luận của X``: ``theo`` after a verb means "in accordance with"."""
    if k <= lo:
        return False
    prev = view.toks[k - 1]
    return is_word(prev) and not prev[TEXT][:1].isupper() and not (
        view.lex.connectives.match_ending(view.toks, k, lo) or view.lex.adverbs.match_ending(view.toks, k, lo))


def _frame_end(view: ArticleView, j: int, hi: int, framed: bool, tail: bool) -> tuple[int, bool]:
    """Where the statement starts after ``Theo X`` ends at token ``j``, and whether the frame says so
    itself: ``… là: CONTENT``, ``Theo A, B (ACR), và nhiều tổ chức khác thì CONTENT``."""
    toks = view.toks
    listed = j < hi and (toks[j][KEY] in ("thì", "và") or toks[j][TEXT] == ",")  # X goes on as a list
    # each item of the list starts with a capital, the last one after "và" may be a description
    joined, item_start = False, True
    for k in range(j, min(hi, j + 25) if listed else min(hi, j + 1)):
        key = toks[k][KEY]
        if toks[k][TEXT] in (".", "?", "!", ";") or (
                item_start and is_word(toks[k]) and not toks[k][TEXT][:1].isupper() and key not in ("và", "thì")
                and not joined):
            break
        joined = joined or key == "và"
        if is_word(toks[k]) and key != "và":
            item_start = False
        elif toks[k][TEXT] == ",":
            item_start = True
        if key == "thì":
            return k + 1, True
        if toks[k][TEXT] == ":":
            if k == j or (k == j + 1 and toks[j][KEY] == "là"):
                return k + 1, True
            break
    if framed and j < hi and toks[j][KEY] == "là":
        return j + 1, True  # "theo giải thích của X là thuế chưa giảm"
    for k in range(j, min(hi, j + 8) if tail else j):  # "… X quan sát, …", "… thực hiện năm 2017, …"
        if toks[k][TEXT] == ",":
            return (k + 1 if k > j else j), False
        if is_word(toks[k]) and toks[k][TEXT][:1].isupper():
            break
    return j, False


def _after_statement_noun(view: ArticleView, i: int, hi: int) -> int | None:
    """Where X starts: past "(một) thông báo kết luận (mới nhất) của", "lời", "những gì";
    ``None`` for a document or rule."""
    toks, lex = view.toks, view.lex
    if i + 1 < hi and toks[i][KEY] in ("một", "các", "những") and lex.statement_nouns.match(toks, i + 1, hi):
        i += 1
    if i + 1 < hi and toks[i][KEY] == "những" and toks[i + 1][KEY] == "gì":
        return i + 2  # "theo những gì X quan sát"
    sn = lex.statement_nouns.match(toks, i, hi) if i < hi else None
    blocker = lex.theo_blockers.match(toks, i, hi) if i < hi else None
    if i >= hi or ((not sn or (blocker and blocker[0] >= sn[0])) and _blocked(view, i, hi)):
        return None  # "theo cách gọi của X" is a statement noun longer than the blocker "cách"
    if not sn:
        return i
    j = i + sn[0]
    while j < hi and toks[j][KEY] in _STATEMENT_QUALIFIERS:
        j += 1
    for k in range(j, min(hi, j + _STATEMENT_SPAN)):
        if toks[k][KEY] in ("của", "từ"):
            return k + 1
        if not is_word(toks[k]) or toks[k][TEXT][:1].isupper():
            break
    if toks[i][KEY] in ("lời",) and j < hi:
        return j
    return None


def _blocked(view: ArticleView, i: int, hi: int) -> bool:
    """A rule, plan or time (``theo quy định``) — but a name that starts with such a word
    (``theo Chương trình Dinh dưỡng Quốc gia``) is an organisation; laws stay rules."""
    toks = view.toks
    found = view.lex.theo_blockers.match(toks, i, hi)
    start = i + 1 if toks[i][KEY] == "bộ" and i + 1 < hi and toks[i + 1][KEY] == "luật" else i
    rule = " ".join(t[KEY] for t in toks[i:start + 2])
    if any(rule.startswith(r) and (len(rule) == len(r) or rule[len(r)] == " ") for r in _RULES):
        return True
    if not found:
        return False
    after = i + found[0]
    named = toks[i][TEXT][:1].isupper() and after < hi and toks[after][TEXT][:1].isupper()
    return not named


def _theo_outlet(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue,
                 later: Sequence[Cue], i: int, outlet: tuple[int, str]) -> None:
    """"Theo Reuters, …": the outlet is the source; it speaks itself unless a later cue has a speaker."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    n, name = outlet
    src = SourceMention(name, toks[i][START], toks[i + n - 1][END], "sentence")
    if view.ends_sentence(i + n, hi):
        _theo_outlet_final(view, claims, scopes, si, cue, i, outlet, src)
        return
    scopes.set_sentence(si, src)
    inner = [c for c in later if c.entry.cls not in ("according", "block")]
    if inner and any(view.subject_of(lo, c.tok_start) is not None for c in inner):
        return
    m = view.parser.parse(toks, i, i + n) or None
    _theo_record(view, claims, si, cue, i + n, m, outlet_name=name, src=src)


def _theo_outlet_final(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue, i: int,
                       outlet: tuple[int, str], src: SourceMention) -> None:
    """"…, theo Kyodo News." covers its paragraph; in a paragraph as long as a scraped one-line body
    only its sentence.  With no speaker of its own in the sentence it is the outlet's own claim
    ("Trong số người thiệt mạng có cả trẻ em, theo Reuters.")."""
    lo, _ = view.sent_tokens[si]
    para = view.paragraph_of(si)
    size = (bisect_right(view.sentences, para, key=_paragraph_of)
            - bisect_left(view.sentences, para, key=_paragraph_of))
    if size > _FRAME_SENTENCES:
        scopes.set_sentence(si, src)
    else:
        scopes.add_frame(para, -1, attrs.evolve(src, scope="paragraph"))
    for c in view.cues[si]:
        if c is not cue and c.entry.cls not in ("according", "block") and view.subject_of(lo, c.tok_start):
            return  # "Ông X cho biết …, theo Reuters.": X speaks, the outlet is the source
    n, name = outlet
    m = view.parser.parse(view.toks, i, i + n) or None
    _theo_record(view, claims, si, cue, i + n, m, outlet_name=name, src=src)


def _paragraph_of(s: Sentence) -> int:
    return s.paragraph


def _theo_record(view: ArticleView, claims: Claims, si: int, cue: Cue, after: int, m: Mention | None,
                 outlet_name: str | None = None, src: SourceMention | None = None, introduced: bool = False,
                 conf: float = 0.72, cue_span: tuple[int, int] | None = None) -> None:
    """The statement ``Theo X`` attributes: after it when it leads the sentence or
    introduces what follows (``… là: …``), before it when it ends the sentence,
    else the whole sentence."""
    if m is None:
        return
    toks = view.toks
    lo, hi = view.sent_tokens[si]
    sent = view.sentences[si]
    para = view.paragraph_of(si)
    front = cue.tok_start - lo
    leading = front == 0 or (front <= 8 and all(
        (not is_word(t)) or view.lex.connectives.match(toks, k, cue.tok_start)
        or view.lex.adverbs.match(toks, k, cue.tok_start)
        for k, t in enumerate(toks[lo:cue.tok_start], lo)))
    if leading or introduced:
        s, e = toks[after][START] if after < hi else sent.end, sent.end
    elif view.ends_sentence(after, hi):
        s, e = sent.start, cue.start
        e = view.trim(s, e)[1]
        if e > s and view.text[e - 1] in "([":  # "… mỗi ngày (theo Viện Dinh dưỡng)."
            e -= 1
    else:
        s, e = sent.start, sent.end
    s = view.skip_connective(s, e)
    s, e = view.trim(s, e)
    if s >= e:
        return
    frags = view.fragments_in(s, e)
    cue_span = cue_span or (cue.start, cue.end)
    own = outlet_name is not None
    if frags:
        if len(frags) == 1 and frags[0].outer_start <= s + 1 and frags[0].outer_end >= e - 1:
            q = frags[0]
            claims.add(Candidate(q.start, q.end, "direct", "theo", conf, m.start, si, para, m, cue_span, src,
                                 self_source=own))
            return
        for q in frags:
            claims.add(Candidate(q.start, q.end, "mixed", "theo", conf - 0.05, m.start, si, para, m, cue_span,
                                 src, self_source=own))
        return
    a, _ = view.tok_range(s, e)
    if sum(1 for t in toks[a:a + 6] if is_word(t) and t[START] < e) < 3:
        return
    claims.add(Candidate(s, e, "indirect", "theo", conf if outlet_name is None else 0.6, m.start, si, para, m,
                         cue_span, src, self_source=own))
