"""Cue + content in one sentence: the first and most precise pass.

``Bộ trưởng Lê Văn Nam cho biết, giá điện sẽ không tăng trong quý tới.`` gives an
``indirect`` record; ``Ông Nam nói: “Chúng tôi sẽ kháng cáo.”`` a ``direct``
one; a reported clause carrying quoted words (``cho rằng giá nhà bị “thổi”``)
one ``mixed`` record per fragment.  When nothing follows the cue but an
adverbial tail, the content came first (:mod:`.quote_first`).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..cues import Cue
from ..mentions import Mention
from ..sources import SourceMention, SourceScopes
from .candidate import Candidate
from .claims import Claims
from .content import content_end, content_start, later_subjects, series_end
from .passive_frame import passive_frame_start, propose_named_back
from .quote_first import propose_quote_first, quote_before_speaker
from .view import OPEN_MARKS, ArticleView
from ..tokens import KEY, START, TEXT, is_word

__all__ = ["propose_cue_content"]


def propose_cue_content(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue,
                        subj: Mention, later: Sequence[Cue]) -> None:
    """Records for ``subj`` + ``cue`` + what follows; ``later`` are the next cues of the sentence."""
    hi = view.sent_tokens[si][1]
    statement_src = view.statement_source(si)
    cs = content_start(view, si, cue, later)
    if passive_frame_start(view, si, subj) and (cs is None or cs[1] not in ("rằng", ":", "quote")):
        # "…. Thông tin này được các chuyên gia chia sẻ tại …": the passive's object is the statement before
        propose_named_back(view, claims, si, cue, subj, statement_src)
        return
    if _ends_fronted_clause(view, si, cue, cs):
        return
    tail = _quote_first_tail(view, si, cue, subj, cs, later)
    if tail is not None:
        propose_quote_first(view, claims, si, cue, subj, statement_src)
        if tail:  # the second verb phrase shares the speaker: "…, ông Sơn nói, cho rằng …"
            propose_cue_content(view, claims, scopes, si, later[0], subj, later[1:])
        return
    shared = cs is not None and cs[1] == "bare" and _shares_next_verb(view, cs[0], later)
    # asked once: the test below needs it for the same content start unless a place phrase moved it
    tail_only = cs is not None and not shared and cs[1] == "bare" and cs[0] < hi and view.only_tail(cs[0], hi)
    if tail_only:
        before = claims.count()
        propose_quote_first(view, claims, si, cue, subj, statement_src)
        if claims.count() > before:
            return
        assert cs is not None  # tail_only holds only of a content start
        cs = _content_after_place_phrase(view, si, cue, cs[0])
        if cs is None:
            return
        tail_only = view.only_tail(cs[0], hi)  # a bare start before hi
    if cs is None or cs[0] >= hi or shared or tail_only:
        propose_quote_first(view, claims, si, cue, subj, statement_src, direct_only=shared)
        return
    _propose_content(view, claims, scopes, si, cue, subj, later, cs, statement_src)


# subordinators that open a fronted clause: "Khi bà Lan phát biểu, cả hội trường …"
_FRONTED_SUBORDINATORS = frozenset({"khi", "nếu", "lúc", "hễ"})


def _ends_fronted_clause(view: ArticleView, si: int, cue: Cue, cs: tuple[int, str] | None) -> bool:
    """"Khi bà Lan phát biểu, cả hội trường đều vỗ tay.": a cue inside a fronted subordinate clause
    ("(Chỉ/Ngay/Sau) khi …", "Nếu …") whose comma closes that clause; what follows is the main
    clause, not what was said."""
    if cs is None or cs[1] != ",":
        return False
    lo = view.sent_tokens[si][0]
    toks = view.toks
    opener = next((k for k in range(lo, min(cue.tok_start, lo + 3)) if toks[k][KEY] in _FRONTED_SUBORDINATORS), None)
    return opener is not None and not any(t[TEXT] in (",", ":", ";") or t[TEXT] in OPEN_MARKS
                                          for t in toks[lo:cue.tok_start])


def _quote_first_tail(view: ArticleView, si: int, cue: Cue, subj: Mention, cs: tuple[int, str] | None,
                      later: Sequence[Cue]) -> bool | None:
    """"“…”, ông X nói, thêm rằng …", "“…”, Thủ tướng nói khi trả lời chất vấn, sáng 8/11": a quote
    closes right before ``, SPEAKER CUE``, and what follows the cue is no clause of its own, so the
    quote is what the cue reports.  ``True`` when the tail is a second verb phrase opening with the
    next cue, ``False`` for an adverbial tail or a noun-phrase object, ``None`` when this is not the
    shape ("“…”, GS X cho rằng, đây là …" keeps its clause)."""
    if cs is None:
        return None
    hi = view.sent_tokens[si][1]
    k, how = cs
    # the cheap test of the content first: each test here only answers None, so the order is free
    if k >= hi or how in ("rằng", ":", "quote") or quote_before_speaker(view, si, subj, in_sentence=True) is None:
        return None
    toks = view.toks
    if view.parser.skip_adverbs_back(toks, subj.tok_end, cue.tok_start) != subj.tok_end:
        return None  # words between the speaker and this cue: not the quote-first verb
    if view.only_tail(k, hi, commas=True) or (toks[k][KEY] == "vừa" and toks[cue.tok_start - 1][KEY] == "vừa"):
        return False  # an adverbial, or "vừa nói vừa gạt nước mắt": what the speaker did while speaking
    if toks[k][KEY] in ("và", "rồi"):
        k += 1
    elif toks[k][KEY] == "đồng" and k + 1 < hi and toks[k + 1][KEY] == "thời":
        k += 2  # "đồng thời" is two syllable tokens
    if later and later[0].tok_start == k and later[0].entry.cls not in ("according", "quoting"):
        return True  # a second verb phrase: "…, thêm rằng …", "… đồng thời phủ nhận …"
    end = view.sentences[si].end
    if how == "bare" and not view.quotes_in(toks[k][START], end) and not view.looks_like_clause(toks[k][START], end):
        return False
    return None


def _shares_next_verb(view: ArticleView, k: int, later: Sequence[Cue]) -> bool:
    """"X nói và cho biết …": the next cue continues this one, which has no content of its own."""
    if not later:
        return False
    toks = view.toks
    while k < later[0].tok_start and (adv := view.lex.adverbs.match(toks, k, later[0].tok_start)):
        k += adv[0]
    return toks[k][KEY] in ("và", "rồi") and later[0].tok_start == k + 1


def _content_after_place_phrase(view: ArticleView, si: int, cue: Cue, k0: int) -> tuple[int, str] | None:
    """"cam kết trước tòa trả lời …": a short place phrase, then a directive's content."""
    hi = view.sent_tokens[si][1]
    toks = view.toks
    k = k0 + 1
    while k < min(hi, k0 + 3) and is_word(toks[k]) and not view.lex.clause_markers.match(toks, k, hi):
        k += 1
    if not (cue.entry.cls in ("directive", "commit") and k < hi and view.looks_like_clause(
            toks[k][START], view.sentences[si].end, lenient=True)):
        return None
    return (k, "bare")


def _propose_content(view: ArticleView, claims: Claims, scopes: SourceScopes, si: int, cue: Cue, subj: Mention,
                     later: Sequence[Cue], cs: tuple[int, str], statement_src: SourceMention | None) -> None:
    toks = view.toks
    lo = view.sent_tokens[si][0]
    para = view.paragraph_of(si)
    cue_span = (cue.start, cue.end)
    outlet_speaker = subj.kind == "outlet"
    start_tok, how = cs
    end = content_end(view, si, start_tok, later_subjects(view, si, cue, subj, start_tok, later))
    if how == "bare":
        end = min(end, series_end(view, si, start_tok, later) or end)
    start = toks[start_tok][START]
    q = view.quote_opening_at(start, end + 1)
    if q is not None:  # a direct quote right after the cue
        claims.add(Candidate(q.start, q.end, "direct", "cue", 0.9, subj.start, si, para, subj, cue_span,
                             statement_src, self_source=outlet_speaker))
        return
    if cue.entry.cls == "noun" and how == "bare" and cue.entry.takes != "any":
        return  # a noun of speech carries only a quote ("lời đe dọa “…”")
    s, e = view.trim(start, end)
    if s >= e or not _is_reported_content(view, si, cue, how, s, e):
        return
    # only an outlet speaker asks whether a later cue with a subject of its own lies inside
    if outlet_speaker and any(c.entry.cls not in ("according",) and toks[c.tok_start][START] < e and
                              view.subject_of(lo, c.tok_start) is not None for c in later):
        # "Thông tin trên Vnexpress cho hay, bà X cam kết …": the outlet frames what follows
        scopes.add_frame(para, cue.start, _outlet_frame(view, subj))
        return
    frags = view.fragments_in(s, e)
    conf = 0.8 if how != "bare" else 0.7
    if frags:
        for q in frags:
            claims.add(Candidate(q.start, q.end, "mixed", "cue", conf - 0.05, subj.start, si, para, subj,
                                 cue_span, statement_src, self_source=outlet_speaker))
    else:
        claims.add(Candidate(s, e, "indirect", "cue", conf, subj.start, si, para, subj, cue_span,
                             statement_src, self_source=outlet_speaker))


def _is_reported_content(view: ArticleView, si: int, cue: Cue, how: str, s: int, e: int) -> bool:
    """Is ``[s, e)`` what was said, not the writer's question or a topic noun phrase?"""
    entry = cue.entry
    if view.next_char(e, view.sentences[si].end) == "?" and entry.phrase not in view.lex.question_cues \
            and (view.is_headline(si) or not view.lex.question_words.find_all(view.toks, *view.tok_range(s, e))):
        return False  # the writer's own question ("Syria yêu cầu Nga bồi thường …?")
    if how == "bare" and entry.phrase not in view.lex.question_cues and view.lex.question_words.match(
            view.toks, view.tok_range(s, e)[0]):
        return False  # "Ông đánh giá thế nào về …?": a question put to the subject, not a statement
    if entry.phrase not in view.lex.question_cues and _embedded_question(view, s, e):
        return False
    if how == "bare":
        if entry.takes == "marked":
            # "chê đề án “viển vông”": only the quoted words are reported
            return not view.is_headline(si) and bool(view.fragments_in(s, e))
        lenient = entry.cls in ("directive", "commit") or view.is_headline(si)
        if entry.takes == "clause" and (not view.looks_like_clause(s, e, lenient=lenient) and not _opens_with_time(
                view, s, e) or _quantified_topic(view, s, e)):
            return False
        if entry.takes == "addressee" and not _opens_with_addressee(view, s, e):
            return False
    return True


# what opens a time adverbial: content that starts with one is a clause, never a topic noun phrase
# ("kể cách đây một tuần ông từ Huế ra Hà Nội", "kể năm ngoái gia đình chuyển vào Sài Gòn")
_TIME_OPENERS = (("cách", "đây"), ("hôm", "qua"), ("hôm", "nay"), ("hôm", "trước"), ("năm", "ngoái"),
                 ("năm", "trước"), ("tuần", "trước"), ("tháng", "trước"), ("trước", "đó"), ("sau", "đó"),
                 ("hồi", "đó"), ("lúc", "đó"), ("khi", "đó"), ("ngày", "xưa"), ("hồi",), ("sáng",), ("chiều",),
                 ("tối",), ("đêm",))
# words a time adverbial runs over before its clause: numbers, dates, "một tuần", "qua", "ấy"
_MIN_CLAUSE_WORDS = 3


def _opens_with_time(view: ArticleView, s: int, e: int) -> bool:
    """Bare content that opens with a time adverbial and goes on for a clause after it."""
    lo, hi = view.tok_range(s, e)
    toks = view.toks
    keys = [t[KEY] for t in toks[lo:min(hi, lo + 2)]]
    opener = next((o for o in _TIME_OPENERS if tuple(keys[:len(o)]) == o), None)
    if opener is None:
        return False
    k = lo + len(opener)
    if len(opener) == 1 and not (k < hi and (toks[k][TEXT][:1].isdigit() or toks[k][KEY] in ("nay", "qua", "hôm", "đó"))):
        return False  # "sáng 3/2", "sáng nay", not "sáng tạo"
    words = [t for t in toks[k:hi] if is_word(t)]
    return len(words) >= _MIN_CLAUSE_WORDS + 2 and not view.lex.topic_starts.match(toks, k, hi) and toks[k][KEY] not in (
        "về", "việc")


def _quantified_topic(view: ArticleView, s: int, e: int) -> bool:
    """"cảnh báo những rủi ro về tình trạng …", "nêu các khó khăn về vốn": a counted noun and its
    ``về`` complement name a topic; a predicate before the ``về`` makes a clause of it."""
    lo, hi = view.tok_range(s, e)
    toks = view.toks
    q = view.lex.quantifiers.match(toks, lo, hi)
    if q is None:
        return False
    for k in range(lo + q[0] + 1, min(hi, lo + q[0] + 4)):
        t = toks[k]
        if not is_word(t) or view.lex.clause_markers.match(toks, k, hi):
            return False
        if t[KEY] == "về":
            # "cảnh báo nhiều hộ dân về quê sẽ không có việc làm": "về" the verb, in a clause
            return not view.lex.clause_markers.find_all(toks, k + 1, min(hi, k + 6))
    return False


def _embedded_question(view: ArticleView, s: int, e: int) -> bool:
    """"nói rõ hai mẹ con chi tiêu như thế nào", "chưa xác nhận số tiền là bao nhiêu": content that
    ends in a question word asks what was not said; with a negation of its own it is a statement
    ("cho biết chưa rõ thiệt hại là bao nhiêu")."""
    lo, hi = view.tok_range(s, e)
    toks = view.toks
    last: list[str] = []  # the last three words, last first: the ending is tested first, so a long
    k = hi                # content (an endless sentence of cues) is not walked for every cue
    while k > lo and len(last) < 3:
        k -= 1
        t = toks[k]
        if t[TEXT][0].isalnum():  # is_word(), inline
            if not last and t[KEY] not in _QUESTION_LAST_WORDS:
                return False  # the last word alone rules out every ending
            last.append(t[KEY])
    if len(last) < 3:
        return False
    ending = (last[2], last[1], last[0])
    if ending not in _QUESTION_ENDINGS and ending[1:] not in _QUESTION_ENDINGS:  # endings of 3 or 2 words
        return False
    return not any(t[KEY] in ("không", "chưa", "chẳng") for t in toks[lo:hi] if is_word(t))


# closing words of an embedded question: "… như thế nào", "… ra sao", "… là bao nhiêu"
_QUESTION_ENDINGS = frozenset({("như", "thế", "nào"), ("ra", "sao"), ("bao", "nhiêu")})
_QUESTION_LAST_WORDS = frozenset(q[-1] for q in _QUESTION_ENDINGS)


def _opens_with_addressee(view: ArticleView, s: int, e: int) -> bool:
    """"giao Sở Y tế chủ trì đề án": a person, organisation or group mention, then more words."""
    toks = view.toks
    lo, hi = view.tok_range(s, e)
    if any(t[KEY] == "cho" for t in toks[lo:min(hi, lo + 6)]):
        return False  # "giao đất cho …", "giao lại cho …": handing over, not an order
    if view.lex.quantifiers.match(toks, lo, hi) or view.lex.clause_markers.match(toks, lo, hi):
        return True  # "giao các đơn vị liên quan khẩn trương …", "yêu cầu phải …"
    for b in range(lo + 1, min(hi, lo + 8)):
        if not is_word(toks[b - 1]):
            return False
        m = view.parser.parse(toks, lo, b)
        if m is not None and m.kind in ("person", "organization", "group", "title", "pronoun", "anaphor"):
            return True
    return False


def _outlet_frame(view: ArticleView, subj: Mention) -> SourceMention:
    """The source an outlet subject sets for the statements after it."""
    nt = view.nt
    src = SourceMention(nt.spelling(*subj.name) if subj.name else nt.spelling(subj.start, subj.end),
                        subj.start, subj.end, "paragraph")
    if subj.name:
        found = view.outlets.at(view.toks, subj.tok_start, subj.tok_end)
        if found:
            src = SourceMention(found[1], subj.start, subj.end, "paragraph")
    return src
