"""Subjects set apart from their cue by appositives or a relative clause.

``“…”, cụ bà, từng làm công nhân suốt 20 năm, tâm sự.`` (a known head after a quote),
``Một nữ phạm nhân 89 tuổi, đã hai lần vào tù, hiện đang thụ án cho biết: “…”`` (the
sentence's opening noun phrase), ``Một nghiên cứu được công bố bởi tạp chí Science
tuyên bố …`` (the head of a passive relative whose agent only published it).  Asked by
:mod:`.subject` when nothing stands right before the cue.
"""
from __future__ import annotations

from ..cues import Cue
from ..mentions import Mention
from ..mentions.names import holds_cue
from ..mentions.noun_phrase import described_subject
from .view import CLOSE_MARKS, OPEN_MARKS, ArticleView
from ..tokens import KEY, TEXT, is_word

__all__ = [
    "OPENING_DESCRIPTION",
    "QUOTE_TAIL_REACH",
    "head_before_appositive",
    "head_of_passive",
    "opening_head_before_appositives",
]

# tokens between a closed quote and the cue of its speaker: a description and its appositives
QUOTE_TAIL_REACH = 30
# words of a description no lexicon knows that may open a sentence as its subject
OPENING_DESCRIPTION = 6

# words that open a time phrase, never a speaker ("Năm ngoái, …", "Sáng 5/3, …")
_TIME_HEADS = frozenset({"năm", "ngày", "tháng", "quý", "tuần", "sáng", "trưa", "chiều", "tối", "đêm", "hôm", "lúc"})


def opening_head_before_appositives(view: ArticleView, si: int, cue: Cue) -> Mention | None:
    """``Một nữ phạm nhân 89 tuổi, đã hai lần vào tù, hiện đang thụ án cho biết: “…”``, ``Một phụ
    huynh, sinh ra trong …, đã cảm thấy bị xúc phạm, nên mới nêu ý kiến rằng …``: the noun phrase
    that opens the sentence, set off by a comma, is the subject of a cue with a marked content
    (``rằng``, ``:``, a quote) when what stands between is lowercase verb phrases and appositives
    with no cue, and the words right before the cue are no noun phrase of their own."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    k = cue.tok_end
    if k >= hi or not (toks[k][KEY] in ("rằng", "là") or toks[k][TEXT] == ":" or toks[k][TEXT] in OPEN_MARKS):
        return None
    j = view.parser.skip_adverbs_back(toks, lo, cue.tok_start)
    a = _clause_start(view, lo, j)
    comma = next((q for q in range(a, min(j, a + 10)) if not is_word(toks[q])), None)
    if comma is None or toks[comma][TEXT] != "," or comma == a or j - comma > QUOTE_TAIL_REACH:
        return None
    if toks[a][KEY] in _TIME_HEADS or toks[a][TEXT][:1].isdigit() or view.lex.non_subject_starts.match(
            toks, a, comma) or view.lex.fronted.match(toks, a, comma):
        return None
    between = toks[comma + 1:j]
    if not between or holds_cue(view.lex, toks, comma + 1, j) or not all(
            is_word(t) or t[TEXT] == "," for t in between) or any(
            toks[q + 1][TEXT][:1].isupper() for q in range(comma, j - 1) if toks[q][TEXT] == ","):
        return None  # a cue, a quote or another subject in between
    last = max(q for q in range(comma, j) if toks[q][TEXT] == ",")
    if last + 1 < j and described_subject(view.parser, toks, last + 1, j, max_words=OPENING_DESCRIPTION):
        return None  # "Năm ngoái, dự án bị đình chỉ, chủ đầu tư cho biết": the subject is right there
    m = view.parser.parse(toks, a, comma)
    if m is not None:
        return m if m.kind in ("person", "title", "group", "organization") and (
            m.kind != "person" or m.certain or m.title is not None) else None
    return described_subject(view.parser, toks, a, comma, max_words=OPENING_DESCRIPTION)


def _clause_start(view: ArticleView, lo: int, j: int) -> int:
    """Past a leading connective ("Còn", "Trong khi đó") and its comma."""
    c = view.lex.connectives.match(view.toks, lo, j)
    if not c:
        return lo
    k = lo + c[0]
    return k + 1 if k < j and view.toks[k][TEXT] == "," else k


def head_of_passive(view: ArticleView, lo: int, agent: Mention) -> Mention | None:
    """``Một nghiên cứu được công bố bởi tạp chí Science tuyên bố rằng …``: an outlet as the agent
    of a passive relative on the subject only published it, so it does not speak (GUIDELINES: an
    outlet that only reports is no speaker); the head before ``được``/``bị`` does (or nobody).
    An organisation as agent is the document's issuer and keeps the statement
    ("Báo cáo được thực hiện bởi Ngân hàng Thế giới cho biết …")."""
    toks = view.toks
    k = agent.tok_start - 1
    p = next((q for q in range(k - 1, max(lo, k - 8) - 1, -1) if toks[q][KEY] in ("được", "bị") or not is_word(toks[q])),
             None)
    if p is None or p <= lo or not is_word(toks[p]):
        return None
    m = view.parser.parse(toks, lo, p)
    if m is not None:
        return m if m.kind in ("person", "title", "organization", "group") else None
    return described_subject(view.parser, toks, lo, p, max_words=OPENING_DESCRIPTION)


def head_before_appositive(view: ArticleView, si: int, cue: Cue) -> Mention | None:
    """``“…”, cụ bà, từng làm công nhân suốt 20 năm, tâm sự.``: after a closed quote, a known
    mention set off by commas from a description no lexicon knows is the speaker."""
    lo, hi = view.sent_tokens[si]
    toks = view.toks
    j = view.parser.skip_adverbs_back(toks, lo, cue.tok_start)
    if j - lo < 5 or toks[j - 1][TEXT] != "," or not view.only_tail(cue.tok_end, hi):
        return None
    a = next((k for k in range(j - 2, max(lo + 1, j - QUOTE_TAIL_REACH), -1)
              if toks[k - 1][TEXT] in (",", "-", "–", "—") and toks[k - 2][TEXT] in CLOSE_MARKS), None)
    if a is None:
        return None
    b = next((k for k in range(a, j) if not is_word(toks[k])), j)
    if not (b < j - 2 and toks[b][TEXT] == ",") or holds_cue(view.lex, toks, b, j) or not all(
            is_word(t) or t[TEXT] in (",", "(", ")") for t in toks[b:j]):
        return None
    m = view.parser.parse(toks, a, b)
    return m if m is not None and m.kind in ("person", "title", "group", "organization") else None
