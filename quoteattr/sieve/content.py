"""Where a cue's reported content starts and ends.

``X cho biết (rằng|là|:|,) CONTENT``: the content starts after the marker, or
right after the cue (``bare``); a short phrase may stand before the marker
(``nói với tờ Wall Street Journal rằng``).  It ends at the sentence end, an
ellipsis, or where a later cue's own subject opens the next clause (``…, còn
ông B nói …``).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from ..cues import Cue
from ..mentions import Mention
from .subject import is_addressee
from .view import CLOSE_MARKS, OPEN_MARKS, ArticleView
from ..tokens import END, KEY, START, TEXT, is_word

__all__ = ["content_start", "content_end", "later_subjects", "series_end"]

_CONTENT_SEPS = {",", ":"}
# future and obligation: a later cue after one of these is reported, not said ("sẽ yêu cầu")
_INTENT_WORDS = {"sẽ", "sắp", "phải", "cần", "định"}
# words after which a subject opens a clause of its own
_CLAUSE_OPENERS = frozenset({"còn", "và", "nhưng", "song", "khi", "thì", "đó", "rằng", "là", "mà", "nên"})


def content_start(view: ArticleView, si: int, cue: Cue, later: Sequence[Cue]) -> tuple[int, str] | None:
    """Token index where the reported content starts, and how it was introduced
    (``rằng``, ``là``, ``:``, ``,``, ``quote`` or ``bare``)."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    i = cue.tok_end
    if i >= hi:
        return None

    def after(k: int, how: str) -> tuple[int, str]:
        while k < hi and (toks[k][TEXT] in _CONTENT_SEPS or (how != "rằng" and toks[k][KEY] == "rằng")):
            k += 1
        return (k, how)

    first = toks[i]
    if first[KEY] in ("rằng", "là"):
        return after(i + 1, first[KEY])
    if first[TEXT] in (":", ","):
        return after(i + 1, first[TEXT])
    # a short phrase before the marker: "nói với tờ Wall Street Journal rằng", "lý giải rằng:"
    limit = min(hi, i + 16, later[0].tok_start if later else hi)
    for k in range(i, limit):
        t = toks[k]
        if t[KEY] == "rằng":
            return after(k + 1, "rằng")
        if t[TEXT][0].isalnum():
            continue  # any other word (is_word) is none of the marks tested below
        if t[TEXT] == ":" and not view.ends_sentence(k + 1, hi):
            return after(k + 1, ":")
        if t[TEXT] in OPEN_MARKS or t[TEXT] in CLOSE_MARKS:
            # a quoted word on how it was said ("đã nói “rất rõ ràng” … rằng"): look on
            if any(x[KEY] == "rằng" for x in toks[k:limit]):
                continue
            break
        if t[TEXT] == "," or t[TEXT] in ".?!":
            if t[TEXT] == "," and view.lex.fronted.match(toks, i, k) and k + 1 < hi:
                # "đã lưu ý trong các cuộc đàm phán với phía Mỹ, việc …"
                return (k + 1, ",")
            break
    k = i
    while k < hi and (adv := view.lex.adverbs.match(toks, k, hi)):
        k += adv[0]
    if k < hi and view.quote_opening_at(toks[k][START], toks[k][END] + 1):
        return (k, "quote")
    return (i, "bare")


def later_subjects(view: ArticleView, si: int, cue: Cue, subj: Mention, start_tok: int,
                   later: Sequence[Cue]) -> list[Mention]:
    """Subjects of the later cues that open a clause of their own inside the content."""
    lo = view.sent_tokens[si][0]
    out = []
    prev = cue
    for c in later:
        if c.entry.cls == "according":
            continue  # "theo" opens no clause of its own speaker inside this content
        m = view.subject_of(lo, c.tok_start)
        if m is not None and m.tok_start >= start_tok and not is_addressee(m, prev) and not _embedded(
                view, cue, c, m) and not _inside_content(view, start_tok, m, later) and not _reported_intent(
                view, m, c):
            out.append(m)
        prev = c
    return out


def _reported_intent(view: ArticleView, m: Mention, c: Cue) -> bool:
    """"cho biết, Sở Tài chính sẽ yêu cầu các quận …": what someone will or must say is part
    of the content reported, not a statement of its own."""
    return any(t[KEY] in _INTENT_WORDS for t in view.toks[m.tok_end:c.tok_start])


def _inside_content(view: ArticleView, start_tok: int, m: Mention, later: Sequence[Cue]) -> bool:
    """Is a later cue's subject part of this cue's content, not the start of a clause of its own?
    After a noun with no boundary it opens a relative clause ("nói thông tin [ông đề nghị …] là
    không chính xác"); after an inner ``theo X,`` frame it is what the speaker cites ("cho biết,
    theo khảo sát của X, 96% phụ huynh đồng tình …")."""
    toks = view.toks
    k = m.tok_start
    if k <= start_tok:
        return False
    prev = toks[k - 1]
    if any(c.entry.cls == "according" and start_tok <= c.tok_start < k and any(
            t[TEXT] == "," for t in toks[c.tok_end:k]) for c in later):
        return True
    return is_word(prev) and prev[KEY] not in _CLAUSE_OPENERS and bool(
        view.lex.topic_starts.match(toks, start_tok)) and k - start_tok <= 3


def _embedded(view: ArticleView, cue: Cue, later: Cue, subj: Mention) -> bool:
    """Does the parse put a later cue and its would-be subject inside this cue's
    clausal complement, without a subject of its own?  Then the later cue is part
    of what is reported ("cho biết, đã tham khảo ý kiến nhiều chuyên gia …")
    and must not end the content."""
    toks = view.toks
    if view.analysis is None or subj.kind == "outlet" or (
            subj.tok_start > 0 and toks[subj.tok_start - 1][TEXT] in ("-", "–", "—", ";", "(")):
        return False  # "… - thông tin trên Vnexpress cho hay": a frame, whatever the parse says
    head = (toks[cue.head_start][START], toks[cue.head_end - 1][END])
    clause = view.analysis.clause_of(*head)
    if clause is None:
        return False
    later_head = (toks[later.head_start][START], toks[later.head_end - 1][END])
    return (clause[0] <= subj.start and later_head[1] <= clause[1]
            and view.analysis.subject_of(*later_head) is None)


def content_end(view: ArticleView, si: int, start_tok: int, subjects_later: Sequence[Mention]) -> int:
    """Char offset where the content ends (exclusive, untrimmed)."""
    toks = view.toks
    end = view.sentences[si].end
    for m in subjects_later:
        if m.tok_start > start_tok:
            # back over the comma / connective that opens the next clause
            k = m.tok_start
            while k - 1 > start_tok and (toks[k - 1][TEXT] in (",", ";") or toks[k - 1][KEY] in (
                    "còn", "và", "nhưng", "song", "trong", "khi", "đó", "thì")):
                k -= 1
            end = min(end, toks[k][START] if k < len(toks) else end)
            break
    k = bisect_left(view.ellipses, toks[start_tok][START])
    if k < len(view.ellipses):
        end = min(end, view.ellipses[k])
    return end


def series_end(view: ArticleView, si: int, start_tok: int, later: Sequence[Cue]) -> int | None:
    """Char offset where bare content with a subject of its own ends before the speaker's next
    verb of a series: "cáo buộc đối thủ muốn trì hoãn dự án|, chê đề án “viển vông” và cho rằng …".
    The next verb follows a comma, has no subject of its own, and reports words of its own
    (``rằng``, ``:`` or a quote mark before the next comma); content that opens with a
    predicate ("cho biết đã nắm sự việc, giao …") keeps its own verb series."""
    toks = view.toks
    lo, hi = view.sent_tokens[si]
    # the verbs of a series first: most contents have none, and then the start needs no lexicon
    series = [c for c in later if c.entry.cls in ("speech", "directive", "commit") and (
        c.tok_start - 1 > start_tok + 1 and toks[c.tok_start - 1][TEXT] == ",")]
    if not series:
        return None
    lex = view.lex
    if lex.clause_markers.match(toks, start_tok, hi) or lex.adverbs.match(toks, start_tok, hi):
        return None
    q = lex.quantifiers.match(toks, start_tok, hi)
    if lex.topic_starts.match(toks, start_tok + (q[0] if q else 0), hi):
        return None  # "nêu những lo ngại …, mô tả đây là “…”": a topic, the quote is the statement
    for c in series:
        k = c.tok_start
        # up to the verb's next comma, not a copy of the rest of the sentence: one sentence may be a
        # whole scraped page of chained clauses, and every later cue would copy it again
        stop = next((q for q in range(c.tok_end, hi) if toks[q][TEXT] in (",", ";") or toks[q][KEY] == "và"), hi)
        own = any(t[KEY] == "rằng" or t[TEXT] == ":" or t[TEXT] in OPEN_MARKS for t in toks[c.tok_end:stop])
        if own and view.subject_of(lo, k) is None:
            return toks[k - 1][START]
    return None
