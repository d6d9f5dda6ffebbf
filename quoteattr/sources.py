"""Outlets and channels a statement came through, and how far each one reaches.

Scopes, nearest first (GUIDELINES.md, "Source scope"):

* statement – ``nói với Fox News``, ``chia sẻ với kênh truyền hình quốc gia CGTN``,
  ``Trao đổi với Đất Việt, ông X …``; it then stays with that speaker;
* sentence – ``Theo Reuters, …``;
* paragraph – a paragraph-final ``…, theo Kyodo News.``, or a frame such as
  ``Thông tin trên Vnexpress cho hay, …`` for the rest of its paragraph;
* article – a credit line ``(theo Sputnik)``, ``Vũ Hoàng (Theo Reuters)``,
  ``Nguồn: VnEconomy``; it covers the article body, not the teasers after a
  ``TIN LIÊN QUAN`` heading (:mod:`.credits`).

Outlet names drop generic words (``Đài NHK`` → NHK); known outlets take their
canonical spelling from ``outlets.tsv``; a generic channel stays as written.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import itemgetter

import attrs
import regex

from .lexicon import CompiledLexicon
from .text import NormalizedText, fold
from .tokens import END, KEY, START, TEXT, Token

__all__ = ["SourceMention", "OutletFinder", "SourceScopes"]

_SEP = {",", ";", ":", ".", "(", ")", "–", "—", "-", "!", "?", "…", "“", "”", '"'}
# verbs of posting before "trên X" ("chia sẻ trên Wall Street Journal"): X is where it was posted
_POSTING_VERBS = frozenset((("viết",), ("đăng",), ("đăng", "tải"), ("chia", "sẻ")))
_POSTING_LAST = frozenset(v[-1] for v in _POSTING_VERBS)  # the word right before "trên" (verbs of two words at most)
# channels a statement can stand in: "trong bài báo", "trong video"
_WRITTEN_CHANNELS = frozenset(("bài", "video", "clip"))
# how far before "với X" a "phỏng vấn" makes X the interviewer: "phỏng vấn kéo dài hai tiếng với X"
_INTERVIEW_REACH = 6
# after a generic channel, pointing back at one named before ("bài báo này")
_DEMONSTRATIVES = frozenset(("này", "đó", "trên", "ấy"))
# a domain-form outlet name: "Zing.vn", "news.com.au"
_DOMAIN = regex.compile(r"\p{L}[\p{L}\p{N}-]*(?:\.\p{L}[\p{L}\p{N}-]*)*\.(?:vn|com|net|org|info|au|uk)", regex.I)


# the words a statement's channel hangs on (:meth:`OutletFinder._named_in` looks at no other)
_CHANNEL_WORDS = frozenset(("với", "vấn", "của", "lời", "đến", "tới", "trên", "lên", "trong"))
# and the word a question asked before opens ("câu hỏi trên"): a sentence without any has no source
_HOOKS = _CHANNEL_WORDS | {"câu"}
_KEY = itemgetter(KEY)


def source_hooks(toks: Sequence[Token], lo: int = 0, hi: int | None = None, *,
                 keys: Sequence[str] | None = None) -> list[int]:
    """Where in ``toks[lo:hi]`` a statement source can hang (:meth:`OutletFinder.statement_source`
    reads no other word first): one pass of built-ins, done once for a whole article.
    ``keys``: the keys of all ``toks``, when the caller has read them already."""
    hi = len(toks) if hi is None else hi
    words = map(_KEY, toks[lo:hi]) if keys is None else keys[lo:hi]
    return list(compress(range(lo, hi), map(_HOOKS.__contains__, words)))


@attrs.frozen(slots=True)
class SourceMention:
    name: str
    start: int
    end: int
    scope: str


class OutletFinder:
    """Recognises an outlet or channel at a token position."""

    def __init__(self, nt: NormalizedText, lex: CompiledLexicon) -> None:
        self.nt = nt
        self.lex = lex

    def at(self, toks: Sequence[Token], i: int, stop: int, *, need_prefix_or_known: bool = True) -> tuple[int, str] | None:
        """An outlet starting at ``toks[i]``: (tokens used, canonical name)."""
        lex = self.lex
        if i >= stop:
            return None
        j = i
        pre = lex.outlet_prefixes.match(toks, j, stop)
        prefixed = False
        while pre:
            j += pre[0]
            prefixed = True
            pre = lex.outlet_prefixes.match(toks, j, stop)
        # "hãng thông tấn Hàn Quốc Yonhap": a place between prefix and name
        k = j
        place = lex.places.match(toks, k, stop)
        if prefixed and place and k + place[0] < stop and toks[k + place[0]][TEXT][:1].isupper():
            known_after = lex.outlets.match(toks, k + place[0], stop)
            if known_after:
                return (k + place[0] + known_after[0] - i, known_after[1])
        known = lex.outlets.match(toks, j, stop)
        if known:
            return (j + known[0] - i, self._canonical(toks, j, known))
        if prefixed and j < stop:
            known_ci = lex.outlets_ci.match(toks, j, stop)
            if known_ci:
                return (j + known_ci[0] - i, self._canonical(toks, j, known_ci))
            n = 0
            while j + n < stop and toks[j + n][TEXT][:1].isupper() and toks[j + n][TEXT] not in _SEP and n < 5:
                n += 1
            if n:
                return (j + n - i, self.nt.spelling(toks[j][START], toks[j + n - 1][END]))
        ch = lex.channels.match(toks, i, stop)
        if ch:
            n = ch[0]
            named = self._name_after_channel(toks, i + n, stop)
            if named:
                return (n + named[0], named[1])
            while i + n < stop and n < 6 and toks[i + n][TEXT] not in _SEP and (
                toks[i + n][TEXT][:1].isupper() or lex.places.match(toks, i + n, stop)
                or toks[i + n][KEY] in ("nhà", "nước", "quốc", "tế", "chính", "thống")
            ):
                n += 1
            name = self.nt.spelling(toks[i][START], toks[i + n - 1][END])
            if i + n < stop and toks[i + n][KEY] in _DEMONSTRATIVES:
                n += 1  # "Cũng theo bài báo này, …": the channel named before
            return (n, name)
        if not need_prefix_or_known:
            n = 0
            while i + n < stop and toks[i + n][TEXT][:1].isupper() and n < 5:
                n += 1
            if n:
                return (n, self.nt.spelling(toks[i][START], toks[i + n - 1][END]))
        return None

    def _canonical(self, toks: Sequence[Token], j: int, known: tuple[int, str]) -> str:
        """A known outlet's canonical name; a domain form stays as written ("Zing.vn", "news.com.au"),
        since outlet names drop generic words only."""
        n, name = known
        if n == 1 and _DOMAIN.fullmatch(toks[j][TEXT]):
            return toks[j][TEXT]
        return name

    def _name_after_channel(self, toks: Sequence[Token], k: int, stop: int) -> tuple[int, str] | None:
        """"mạng xã hội Truth Social" → Truth Social: a generic channel word before a name is dropped
        (a place alone is not a name: "truyền thông Mỹ" stays as written; "Jakarta Post" is one)."""
        if k >= stop or not toks[k][TEXT][:1].isupper():
            return None
        place = self.lex.places.match(toks, k, stop)
        if place and not (k + place[0] < stop and toks[k + place[0]][TEXT][:1].isupper()
                          and toks[k + place[0]][TEXT] not in _SEP):
            return None
        known = self.lex.outlets.match(toks, k, stop)
        if known:
            return (known[0], self._canonical(toks, k, known))
        n = 0
        while k + n < stop and n < 4 and toks[k + n][TEXT][:1].isupper() and toks[k + n][TEXT] not in _SEP:
            n += 1
        return (n, self.nt.spelling(toks[k][START], toks[k + n - 1][END]))

    def statement_source(self, toks: Sequence[Token], lo: int, hi: int, back: int | None = None,
                         hooks: Sequence[int] | None = None) -> SourceMention | None:
        """The channel a sentence names for its statement: ``với X`` / ``phỏng vấn (của) X`` /
        ``câu hỏi của X`` / ``nguồn tin của X`` / ``trên X`` / ``trong bài báo``; ``Trả lời câu hỏi
        trên, …``: the outlet whose reporter asked, named from token ``back`` on.  ``hooks``:
        :func:`source_hooks` of the sentence, when the caller found them for the whole article."""
        hooks = source_hooks(toks, lo, hi) if hooks is None else hooks
        if not hooks:
            return None  # both looks below start only at a hook
        found = self._question_asked(toks, lo, hi, back, hooks) if back is not None else None
        return found or self._named_in(toks, lo, hi, hooks)

    def _question_asked(self, toks: Sequence[Token], lo: int, hi: int, back: int,
                        hooks: Sequence[int]) -> SourceMention | None:
        """"Phóng viên báo X đã hỏi … . Trả lời câu hỏi trên, …": the question's outlet, named before."""
        asked = any(toks[k][KEY] == "câu" and k < hi - 3 and toks[k + 1][KEY] == "hỏi" and (
            toks[k + 2][KEY] in _DEMONSTRATIVES or (toks[k + 2][KEY] == "của" and toks[k + 3][KEY] in ("phóng", "pv")
                                                   and not self.at(toks, k + (5 if toks[k + 3][KEY] == "phóng" else 4), hi)))
            for k in hooks)  # every "câu" is a hook, in order
        if not asked:
            return None
        for k in range(lo - 1, back - 1, -1):
            if toks[k][KEY] == "pv" or (toks[k][KEY] == "phóng" and toks[k + 1][KEY] == "viên"):
                j = k + (1 if toks[k][KEY] == "pv" else 2)
                found = self.at(toks, j, lo)
                if found:
                    n, name = found
                    return SourceMention(name, toks[j][START], toks[j + n - 1][END], "statement")
        return None

    def _named_in(self, toks: Sequence[Token], lo: int, hi: int, hooks: Sequence[int]) -> SourceMention | None:
        generic = None  # "Trong một bài viết … trên trang Shape": the named channel wins
        for i in hooks:  # the other words start none ("câu" starts none here either)
            key = toks[i][KEY]
            if key in ("với", "vấn", "của", "lời"):
                found = self._told_to(toks, lo, hi, i)
            elif key in ("đến", "tới"):
                found = self._sent_to(toks, hi, i)
            elif key in ("trên", "lên"):
                found = self._posted_on(toks, lo, hi, i)
            elif key == "trong" and generic is None:
                generic = self._posted_in(toks, hi, i)
                continue
            else:
                continue
            if found:
                return found
        return generic

    def _told_to(self, toks: Sequence[Token], lo: int, hi: int, i: int) -> SourceMention | None:
        """"nói với Fox News", "trả lời phỏng vấn (của) CNN", "nguồn tin của Zing.vn"."""
        key = toks[i][KEY]
        prev = toks[i - 1][KEY] if i > lo else ""
        if key == "lời" and prev != "trả":
            return None
        if key == "của" and not (prev == "vấn" or (prev in ("hỏi", "tin") and i - 1 > lo and (
                toks[i - 2][KEY], prev) in (("câu", "hỏi"), ("nguồn", "tin")))):
            return None  # "phỏng vấn của X", "(trả lời) câu hỏi của (phóng viên) X", "nguồn tin của X"
        if key == "vấn" and prev != "phỏng":
            return None
        j = i + 1
        if j < hi and toks[j][KEY] in ("phóng", "pv"):
            j += 2 if toks[j][KEY] == "phóng" else 1
            if j < hi and toks[j][KEY] == "của":
                j += 1
        if j + 1 < hi and toks[j][KEY] == "nhà" and toks[j + 1][KEY] == "báo":
            return self._journalist(toks, j + 2, hi)
        found = self.at(toks, j, hi)
        if found:
            n, name = found
            return SourceMention(name, toks[j][START], toks[j + n - 1][END], "statement")
        if key == "với":
            # "trong cuộc phỏng vấn (kéo dài …) với Tucker Carlson"; a loop, not any() over a generator:
            # most of these words have no "phỏng vấn" before them, and a generator costs more than the look
            for k in range(max(lo + 1, i - _INTERVIEW_REACH), i):
                if toks[k][KEY] == "vấn" and toks[k - 1][KEY] == "phỏng":
                    return self._journalist(toks, j, hi)
        return None

    def _sent_to(self, toks: Sequence[Token], hi: int, i: int) -> SourceMention | None:
        """"Phản ánh đến báo Lao Động, …": a known or prefixed outlet the statement was sent to."""
        j = i + 1
        if j >= hi or self.lex.channels.match(toks, j, hi) or not (
                self.lex.outlets.match(toks, j, hi) or self.lex.outlet_prefixes.match(toks, j, hi)):
            return None  # "chú ý đến mạng xã hội" is a topic
        found = self.at(toks, j, hi)
        if not found:
            return None
        n, name = found
        return SourceMention(name, toks[j][START], toks[j + n - 1][END], "statement")

    def _journalist(self, toks: Sequence[Token], k: int, hi: int) -> SourceMention | None:
        """A journalist the statement was made to: "nói với nhà báo (Mỹ) Matt Taibbi"."""
        place = self.lex.places.match(toks, k, hi)
        if place and k + place[0] < hi and toks[k + place[0]][TEXT][:1].isupper():
            k += place[0]
        n = 0
        while k + n < hi and toks[k + n][TEXT][:1].isupper() and n < 4:
            n += 1
        if not n:
            return None
        return SourceMention(self.nt.spelling(toks[k][START], toks[k + n - 1][END]),
                             toks[k][START], toks[k + n - 1][END], "statement")

    def _posted_on(self, toks: Sequence[Token], lo: int, hi: int, i: int) -> SourceMention | None:
        """"viết trên mạng xã hội Twitter", "chia sẻ lên mạng xã hội", "trên trang Shape", "trên CNN";
        an unknown name after a bare ``trên`` only right after a verb of posting ("chia sẻ trên X")."""
        j = i + 1
        if toks[i][KEY] == "lên" and not (j < hi and self.lex.channels.match(toks, j, hi)):
            return None
        lex = self.lex
        # the test of _POSTING_VERBS, written out: no tuple of keys built per verb
        prev = toks[i - 1][KEY] if i - 1 >= lo else None
        posted = prev in _POSTING_LAST and (
            (prev,) in _POSTING_VERBS or i - 2 >= lo and (toks[i - 2][KEY], prev) in _POSTING_VERBS)
        found = None
        if j >= hi:
            return None
        if lex.channels.match(toks, j, hi):
            # a generic channel only after a verb of posting: "sự việc trên báo chí" is a topic
            found = self.at(toks, j, hi) if posted else None
        elif lex.outlets.match(toks, j, hi) or lex.outlet_prefixes.match(toks, j, hi):
            found = self.at(toks, j, hi)
        elif posted:
            found = self._name_after_channel(toks, j, hi)
        if not found:
            return None
        n, name = found
        return SourceMention(name, toks[j][START], toks[j + n - 1][END], "statement")

    def _posted_in(self, toks: Sequence[Token], hi: int, i: int) -> SourceMention | None:
        """"Trong bài báo, ông nhận định …", "trong video": a generic channel, as written."""
        j = i + 1
        if j < hi and toks[j][KEY] in ("một", "cuộc"):
            j += 1
        ch = self.lex.channels.match(toks, j, hi)
        if not ch or toks[j][KEY] not in _WRITTEN_CHANNELS:
            return None
        return SourceMention(self.nt.spelling(toks[j][START], toks[j + ch[0] - 1][END]),
                             toks[j][START], toks[j + ch[0] - 1][END], "statement")


class SourceScopes:
    """Sources found in an article, and which one each statement gets.

    Nearest scope first: the statement's own (``nói với Fox News``, the outlet
    speaking for itself), the sentence's (``Theo Reuters, …``), the paragraph's
    (``…, theo X.``; a frame such as ``Thông tin trên X cho hay`` for what
    follows it), the one carried by the same speaker's preceding statements,
    and the article credit within the body.  Statements are assigned in reading
    order, since the carried source depends on who spoke just before.

    A channel named for a speaker (``trả lời phỏng vấn CNN``) is carried by that
    speaker's statements from there on until another speaker comes in, even when
    the sentence naming it gave no record (``add_channel``); the interviewer's own
    questions (``Carlson hỏi …`` in an interview with Carlson) belong to the
    interview and do not end it.
    """

    def __init__(self, credit: SourceMention | None, body_end: int) -> None:
        self.credit = credit
        self.body_end = body_end if credit is None else min(body_end, credit.start)
        self.by_sentence: dict[int, SourceMention] = {}
        self.by_paragraph: dict[int, list[tuple[int, SourceMention]]] = {}
        self._carried: tuple[object, SourceMention] | None = None
        self._channels: list[tuple[int, tuple[str, ...], bool, SourceMention]] = []
        self._pending: tuple[int, tuple[str, ...], bool, SourceMention] | None = None
        self._last_key: object = None
        self._next = 0  # the first channel not yet passed in reading order

    def set_sentence(self, sentence: int, src: SourceMention) -> None:
        self.by_sentence[sentence] = src

    def add_frame(self, paragraph: int, pos: int, src: SourceMention) -> None:
        """``src`` covers the statements of ``paragraph`` that start after ``pos``."""
        self.by_paragraph.setdefault(paragraph, []).append((pos, src))

    def add_channel(self, sentence: int, words: tuple[str, ...], named: bool, src: SourceMention) -> None:
        """``sentence`` names ``src`` as the channel of its speaker, whose mention has the capitalised
        words ``words`` (``named``: a name, not a title, pronoun or description); add in reading order."""
        self._channels.append((sentence, words, named, src))

    def assign(self, start: int, sentence: int, paragraph: int, speaker_key: object,
               own: SourceMention | None, speaker_name: str | None = None,
               relayed: bool = False) -> SourceMention | None:
        """The source of one statement; ``relayed``: ``own`` passed its words on ("Bà Hoa kể …")."""
        if relayed and own is not None:
            return own  # told within someone's account: that account's channel runs on
        src = own
        if src is None:
            src = self.by_sentence.get(sentence)
        if src is None:
            frames = [s for pos, s in self.by_paragraph.get(paragraph, []) if pos < start]
            if frames:
                src = frames[-1]
        self._take_up_channel(sentence, speaker_key, speaker_name)
        carried = self._carried
        if carried is not None and carried[0] != speaker_key:
            if speaker_name is not None and fold(speaker_name) == fold(carried[1].name):
                # the interviewer's question, inside the interview
                return src or attrs.evolve(carried[1], scope="speaker")
            self._carried = None  # another speaker took the floor: the carried source ends
        if src is not None and src.scope != "article" and speaker_key is not None:
            self._carried = (speaker_key, src)
        elif src is None and self._carried is not None:
            src = attrs.evolve(self._carried[1], scope="speaker")
        if src is None and self.credit is not None and start < self.body_end:
            src = self.credit
        return src

    def _take_up_channel(self, sentence: int, speaker_key: object, speaker_name: str | None) -> None:
        """The first statement after a sentence that named a channel takes it up when it is by that
        sentence's speaker: the same name; for a title, pronoun or description the name's last word
        ("Tổng thống Putin") or, failing that, the speaker who spoke last ("ông nói với CNN")."""
        channels = self._channels
        while self._next < len(channels) and channels[self._next][0] < sentence:
            self._pending = channels[self._next]
            self._next += 1
        last, self._last_key = self._last_key, speaker_key
        if self._pending is None or speaker_key is None:
            return
        _, words, named, src = self._pending
        self._pending = None
        name = fold(speaker_name or "").split()
        said, own = set(name), set(words)
        if named:
            same = bool(said and own) and (own <= said or said <= own)
        else:  # "Tổng thống Putin": the word a short reference keeps, the name's last
            same = (bool(name) and name[-1] in own) or speaker_key == last
        if same:
            self._carried = (speaker_key, src)
