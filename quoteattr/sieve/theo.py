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
from ..mentions import Mention
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


def propose_theo(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue,
                 later: Sequence[Cue]) -> None:
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    i = _after_statement_noun(view, cue.tok_end, hi)
    if i is None:
        return
    # X ends at the next comma/colon; without one, at the longest tidy mention
    stop = hi
    for k in range(i, min(hi, i + 30)):
        if toks[k].text in (",", ":", "–", "—") or (toks[k].text == "-" and k > i):
            stop = k
            break
    outlet = view.outlets.at(toks, i, stop)
    if outlet is not None and all(not t.is_word for t in toks[i + outlet[0]:stop]):
        _theo_outlet(view, claims, scopes, si, cue, later, i, outlet)
        return
    if stop < hi:
        m = view.parser.parse(toks, i, stop)
        if m is None:
            m = view.tidy_mention(i, stop)
    else:
        m = view.tidy_mention(i, min(hi, i + 10))
    if m is None or m.kind in ("outlet",):
        return
    for c in later:
        if c.entry.cls in ("speech", "directive", "commit", "report"):
            subj = view.subject_of(lo, c.tok_start)
            if subj is not None and subj.tok_start < m.tok_end and subj.tok_end > i:
                return  # "Theo thông tin từ X cho biết, …": X's own verb is the cue
    _theo_record(view, claims, si, cue, m.tok_end, m, src=view.statement_source(si))


def _after_statement_noun(view: ArticleView, i: int, hi: int) -> int | None:
    """Where X starts: past "thông báo (mới nhất) của", "lời"; ``None`` for a document or rule."""
    toks, lex = view.toks, view.lex
    if i >= hi or lex.theo_blockers.match(toks, i, hi):
        return None
    sn = lex.statement_nouns.match(toks, i, hi)
    if not sn:
        return i
    j = i + sn[0]
    while j < hi and toks[j].key in _STATEMENT_QUALIFIERS:
        j += 1
    if j < hi and toks[j].key in ("của", "từ"):
        return j + 1
    if toks[i].key in ("lời",) and j < hi:
        return j
    return None


def _theo_outlet(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue,
                 later: Sequence[Cue], i: int, outlet: tuple[int, str]) -> None:
    """"Theo Reuters, …": the outlet is the source; it speaks itself unless a later cue has a speaker."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    n, name = outlet
    src = SourceMention(name, toks[i].start, toks[i + n - 1].end, "sentence")
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
                 outlet_name: str | None = None, src: SourceMention | None = None) -> None:
    """The statement ``Theo X`` attributes: after it when it leads the sentence,
    before it when it ends the sentence, else the whole sentence."""
    if m is None:
        return
    toks = view.toks
    lo, hi = view.sent_tokens[si]
    sent = view.sentences[si]
    para = view.paragraph_of(si)
    front = cue.tok_start - lo
    leading = front == 0 or (front <= 8 and all(
        (not t.is_word) or view.lex.connectives.match(toks, k, cue.tok_start)
        or view.lex.adverbs.match(toks, k, cue.tok_start)
        for k, t in enumerate(toks[lo:cue.tok_start], lo)))
    if leading:
        s, e = toks[after].start if after < hi else sent.end, sent.end
    elif view.ends_sentence(after, hi):
        s, e = sent.start, cue.start
    else:
        s, e = sent.start, sent.end
    s = view.skip_connective(s, e)
    s, e = view.trim(s, e)
    if s >= e:
        return
    frags = view.fragments_in(s, e)
    cue_span = (cue.start, cue.end)
    conf = 0.72
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
    if sum(1 for t in toks[a:a + 6] if t.is_word and t.start < e) < 3:
        return
    claims.add(Candidate(s, e, "indirect", "theo", conf if outlet_name is None else 0.6, m.start, si, para, m,
                         cue_span, src, self_source=own))
