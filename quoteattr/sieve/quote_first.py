"""The content before the speaker: ``“…”, ông X nói.`` and ``…, Bộ Y tế cho biết.``

Asked by the cue pass when nothing but an adverbial tail follows the cue:
``“Chúng tôi sẽ kháng cáo”, luật sư Lê Minh Hải cho biết.`` gives a ``direct``
record; ``Giá điện sẽ không tăng trong quý tới, Bộ Công Thương cho biết.`` an
``indirect`` one.
"""
from __future__ import annotations

from ..cues import Cue
from ..mentions import Mention
from ..segment import Quote
from ..sources import SourceMention
from .candidate import Candidate
from .claims import Claims
from .view import ArticleView
from ..tokens import KEY, START, TEXT, is_word

__all__ = ["propose_quote_first", "quote_before_speaker"]


_SEPARATORS = (",", "-", "–", "—")


def _separator(view: ArticleView, si: int, subj: Mention) -> int | None:
    """The comma or dash between a quote-first quote and its speaker, if any."""
    k = subj.tok_start
    toks = view.toks
    lo = view.sent_tokens[si][0]
    if k > lo + 1 and toks[k - 1][KEY] in ("của", "từ", "do"):
        # "“…”, báo cáo của Bộ Y tế nêu.": the issuer speaks for the document named before it
        for p in range(k - 2, max(lo, k - 6), -1):
            if toks[p - 1][TEXT] in _SEPARATORS and view.lex.statement_nouns.match(toks, p, k - 1) and all(
                    is_word(t) for t in toks[p:k - 1]):
                return p - 1
    return k - 1 if k > lo and toks[k - 1][TEXT] in _SEPARATORS else None


def quote_before_speaker(view: ArticleView, si: int, subj: Mention, in_sentence: bool = False) -> Quote | None:
    """The closed quote that ends right before ``, SPEAKER`` ("“…”, ông X nói"); with ``in_sentence``
    only one that ends inside this sentence, before a comma or dash."""
    sep = _separator(view, si, subj)
    if in_sentence and sep is None:
        return None
    pos = view.toks[sep][START] if sep is not None else subj.start
    while pos > 0 and view.text[pos - 1].isspace():
        pos -= 1
    for q in view.quotes_ending_near(pos):
        if q.close_mark is not None:
            return q
    return None


def propose_quote_first(view: ArticleView, claims: Claims, si: int, cue: Cue, subj: Mention,
                        statement_src: SourceMention | None, direct_only: bool = False) -> None:
    """A quote closing right before the speaker, or (unless ``direct_only``) the
    clause before it."""
    lo = view.sent_tokens[si][0]
    para = view.paragraph_of(si)
    cue_span = (cue.start, cue.end)
    sep = _separator(view, si, subj)
    q = quote_before_speaker(view, si, subj)
    if q is not None:
        claims.add(Candidate(q.start, q.end, "direct", "quote-first", 0.85, subj.start, si, para, subj,
                             cue_span, statement_src, self_source=subj.kind == "outlet"))
        return
    if sep is None and subj.tok_start == lo and si > 0:
        _quote_in_previous_sentence(view, claims, si, cue, subj, statement_src)
        return
    if sep is None or direct_only:
        return
    _clause_before(view, claims, si, cue, subj, statement_src, sep)


def _quote_in_previous_sentence(view: ArticleView, claims: Claims, si: int, cue: Cue, subj: Mention,
                                statement_src: SourceMention | None) -> None:
    """"“…” Ông X nói." split into two sentences."""
    prev = view.sentences[si - 1]
    for q in view.quotes_ending_near(prev.end, 2):
        if q.close_mark is not None and prev.start <= q.close_mark < prev.end:
            if prev.paragraph == view.sentences[si].paragraph:
                claims.add(Candidate(q.start, q.end, "direct", "quote-first", 0.8, subj.start, si,
                                     view.paragraph_of(si), subj, (cue.start, cue.end), statement_src))
            return


def _clause_before(view: ArticleView, claims: Claims, si: int, cue: Cue, subj: Mention,
                   statement_src: SourceMention | None, sep: int) -> None:
    """Indirect content before the speaker: "…, Bộ Quốc phòng Hàn Quốc cho biết."."""
    toks = view.toks
    para = view.paragraph_of(si)
    cue_span = (cue.start, cue.end)
    s, e = view.trim(view.sentences[si].start, toks[sep][START])
    if s >= e or not view.looks_like_clause(s, e, lenient=True) or len(
            [t for t in toks[slice(*view.tok_range(s, e))] if is_word(t)]) < 4:
        return
    if view.lex.fronted.match(toks, view.tok_range(s, e)[0]) and not _clause_after_fronted(view, s, e):
        return  # "Tại cuộc họp báo chiều 5/3, ông X cho biết.": only an adverbial before the speaker
    if any(c.entry.cls not in ("according",) and s <= c.start < e for c in view.cues[si] if c is not cue):
        return  # "… Thông tin trên Vnexpress cho hay, bà X cam kết …": another statement
    frags = view.fragments_in(s, e)
    if frags:
        whole = frags[0].outer_start <= s + 1 and frags[-1].outer_end >= e - 1
        kind, conf = ("direct", 0.8) if whole else ("mixed", 0.7)
        for q in frags:
            claims.add(Candidate(q.start, q.end, kind, "quote-first", conf, subj.start, si, para, subj,
                                 cue_span, statement_src))
        return
    claims.add(Candidate(s, e, "indirect", "quote-first", 0.7, subj.start, si, para, subj,
                         cue_span, statement_src, self_source=subj.kind == "outlet"))


def _clause_after_fronted(view: ArticleView, s: int, e: int) -> bool:
    """"Với hơn 30 năm hoạt động, công ty là đơn vị dẫn đầu, …": a clause after the fronted phrase's comma."""
    toks = view.toks
    lo, hi = view.tok_range(s, e)
    comma = next((k for k in range(lo, hi) if toks[k][TEXT] == ","), None)
    return comma is not None and comma + 1 < hi and view.looks_like_clause(toks[comma + 1][START], e)
