"""Hypothesis strategies that write Vietnamese-like news text.

Documents are built from templates of reported speech (speaker + cue +
quote, quote + speaker + cue, "Theo X, …", indirect speech, narrative
filler) with syllables carrying every tone mark, capitalised names, titles,
honorifics, cues and outlets from the package's own lexicons.  Quote marks
are written as the placeholders :data:`OPEN` / :data:`CLOSE` so that one
generated document can be rendered in every quote style (:func:`render`).

Helpers here also rewrite a text into another Unicode form or another
tone-mark placement, for the invariance properties.
"""
from __future__ import annotations

import contextlib
import functools
import itertools
import random as _random
import signal
import threading
import unicodedata
from pathlib import Path

import regex
from hypothesis import strategies as st

from quoteattr.lexicon import Lexicon
from quoteattr.text import NormalizedText, fold, retone

_LEX = Lexicon.default()

# ---------------------------------------------------------------------------
# lexicon-backed vocabulary
# ---------------------------------------------------------------------------
SPEECH_CUES = tuple(sorted({r[0] for r in _LEX.tables["cues"] if r[1] == "speech" and len(r[0]) > 1}))
TITLES = tuple(sorted(w for w in _LEX.words("titles") if w.replace(" ", "").isalpha()))
HONORIFICS = ("ông", "bà", "anh", "chị")
FAMILY_NAMES = tuple(sorted(w for w in _LEX.words("family_names") if w.isalpha()))
OUTLETS = tuple(sorted(w for w in _LEX.words("outlets") if w.replace(" ", "").isalnum()))
PLACES = tuple(sorted(_LEX.words("places")))

TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # ngang huyền sắc ngã hỏi nặng
ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
NUCLEI = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
          "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê",
          "ui", "uô", "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "uya", "uyê", "yê", "oai", "oay", "uôi",
          "ươi", "ươu", "uây", "iêu", "yêu", "oo")
CODAS = ("", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t")

# Quote styles: (opening mark, closing mark).  „…“ pairs German-style.
QUOTE_STYLES = {
    "curly": ("“", "”"),
    "straight": ('"', '"'),
    "angle": ("«", "»"),
    "german": ("„", "“"),
}
OPEN, CLOSE = "\x02", "\x03"  # placeholders, always replaced by render()

# Characters the pipeline must survive anywhere: controls, bidi and
# zero-width marks, BOM, combining marks, emoji, lone surrogates, CJK,
# Arabic, every quote mark, line and article breaks, HTML-ish punctuation.
NASTY_CHARS = (
    "\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x1c\x1d\x1e\x1f\x7f\x85\xa0\xad"
    "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b\u0338\u20dd"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
    "\u2028\u2029\u3000\u1680\u180e"
    "“”„‟‘’‚‛\"'«»‹›「」『』〝〞❝❞＂"
    "…—–-.,;:!?()[]{}<>&#/\\*"
    "😀👍🏽🇻🇳‍👩‍💻\U0010ffff\ufffd\ufffe"
    "\u0627\u0644\u05d0\u4e2d\u6587\u0e01\u1100"
    "ĐđƯưƠơÂâĂăÊêÔôàáảãạÀÁẢÃẠỳýỷỹỵ"
    "\ud800\udc80\udfff"
)


def syllable_text(onset: str, nucleus: str, coda: str, tone: str, capital: bool) -> str:
    """One syllable in canonical (NFC, standard tone placement) spelling."""
    word = onset + nucleus + coda
    if tone:
        # put the mark on the first vowel, then let the library's own rule move it
        for i, ch in enumerate(word):
            if ch in "aăâeêioôơuưy" and not (i > 0 and word[i - 1] in "qg" and ch in "ui"
                                               and i + 1 < len(word) and word[i + 1] in "aăâeêioôơuưy"):
                word = word[: i + 1] + tone + word[i + 1:]
                break
    word = unicodedata.normalize("NFC", word)
    if capital:
        word = word[:1].upper() + word[1:]
    return retone(word)


#: Every onset × nucleus × coda × tone, in canonical spelling (about 70 000 syllables).
SYLLABLES: tuple[str, ...] = tuple(sorted({
    syllable_text(o, n, c, t, False) for o in ONSETS for n in NUCLEI for c in set(CODAS) for t in TONES
}))
_syllable = st.sampled_from(SYLLABLES)
_capital_syllable = _syllable.map(lambda w: w[:1].upper() + w[1:])


def syllables(capital: bool = False) -> st.SearchStrategy[str]:
    """A Vietnamese syllable, any tone, optionally capitalised."""
    return _capital_syllable if capital else _syllable


def _cap(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


@functools.cache
def person_names() -> st.SearchStrategy[str]:
    """A capitalised Vietnamese (or Sino-Vietnamese) full name: family + 1–2 given syllables."""
    return st.builds(lambda f, g: " ".join([_cap(f), *g]), st.sampled_from(FAMILY_NAMES),
                     st.lists(_capital_syllable, min_size=1, max_size=2))


@functools.cache
def speakers(sentence_start: bool = False) -> st.SearchStrategy[str]:
    """How a speaker is introduced: honorific/title + name, a bare name, or title + place + name."""
    name = person_names()
    forms = st.one_of(
        st.builds(lambda h, n: f"{h} {n}", st.sampled_from(HONORIFICS), name),
        st.builds(lambda t, n: f"{t} {n}", st.sampled_from(TITLES), name),
        st.builds(lambda t, p, n: f"{t} {p} {n}", st.sampled_from(TITLES), st.sampled_from(PLACES[:20]), name),
        name,
    )
    return forms.map(_cap) if sentence_start else forms


def _random_content(n: int, seed: int) -> str:
    rng = _random.Random(seed)
    words = []
    for _ in range(n):
        r = rng.randrange(20)
        if r == 0:
            words.append(" ".join([_cap(rng.choice(FAMILY_NAMES))]
                                  + [_cap(rng.choice(SYLLABLES)) for _ in range(rng.randint(1, 2))]))
        elif r == 1 and words:
            words[-1] += ","
            words.append(rng.choice(SYLLABLES))
        else:
            words.append(rng.choice(SYLLABLES))
    return " ".join(words)


@functools.cache
def contents(min_size: int = 2, max_size: int = 10) -> st.SearchStrategy[str]:
    """Reported content: lower-case syllables with the odd capitalised name and comma.

    The words come from a seeded generator (one draw instead of one per word,
    which keeps example generation cheap); their number shrinks normally.
    """
    return st.builds(_random_content, st.integers(min_size, max_size), st.integers(0, 2**16))


_cue = st.sampled_from(SPEECH_CUES)


def _quoted(content: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return content.map(lambda c: f"{OPEN}{_cap(c)}{CLOSE}")


@functools.cache
def sentences() -> st.SearchStrategy[str]:
    """One sentence of news prose, reported speech or not, quote marks as placeholders."""
    sp, SP = speakers(), speakers(sentence_start=True)
    return st.one_of(
        # Ông X cho biết: “…”.
        st.builds(lambda s, c, q: f"{s} {c}: {q}.", SP, _cue, _quoted(contents())),
        # “…”, ông X cho biết.
        st.builds(lambda q, s, c: f"{q}, {s} {c}.", _quoted(contents()), sp, _cue),
        # Ông X cho biết, …  /  Ông X cho biết rằng …
        st.builds(lambda s, c, sep, x: f"{s} {c}{sep} {x}.", SP, _cue, st.sampled_from([",", " rằng", ""]),
                  contents(3, 12)),
        # Theo ông X, …
        st.builds(lambda s, x: f"Theo {s}, {x}.", sp, contents(3, 12)),
        # Ông X cho biết đây là “…”.
        st.builds(lambda s, c, q: f"{s} {c} đây là {q}.", SP, _cue, _quoted(contents(1, 5))),
        # Ông X nói với Reuters rằng …
        st.builds(lambda s, c, o, x: f"{s} {c} với {o} rằng {x}.", SP, _cue, st.sampled_from(OUTLETS),
                  contents(3, 10)),
        # Ông nói: “…”.
        st.builds(lambda h, c, q: f"{_cap(h)} {c}: {q}.", st.sampled_from(HONORIFICS), _cue, _quoted(contents())),
        # narrative
        contents(3, 14).map(lambda x: _cap(x) + "."),
        contents(3, 14).map(lambda x: _cap(x) + "."),
    )


_PARA_SEP = st.sampled_from(("\n", "\n\n", "\n \n"))


@functools.cache
def paragraphs() -> st.SearchStrategy[str]:
    return st.lists(sentences(), min_size=1, max_size=3).map(" ".join)


@functools.cache
def templates(max_paragraphs: int = 5) -> st.SearchStrategy[str]:
    """A whole article as a template (quote marks as :data:`OPEN`/:data:`CLOSE`)."""
    def join(parts: list[tuple[str, str]]) -> str:
        return "".join(p + sep for p, sep in parts[:-1]) + parts[-1][0]
    return st.lists(st.tuples(paragraphs(), _PARA_SEP), min_size=1, max_size=max_paragraphs).map(join)


def render(template: str, style: str = "curly") -> str:
    """A template with its quote placeholders written in one quote style."""
    o, c = QUOTE_STYLES[style]
    return template.replace(OPEN, o).replace(CLOSE, c)


@functools.cache
def documents(max_paragraphs: int = 5) -> st.SearchStrategy[str]:
    """A rendered article in a random quote style."""
    return st.builds(render, templates(max_paragraphs), st.sampled_from(sorted(QUOTE_STYLES)))


def _splice(text: str, inserts: list[tuple[int, str]]) -> str:
    for pos, junk in sorted(inserts, reverse=True):
        pos = pos % (len(text) + 1)
        text = text[:pos] + junk + text[pos:]
    return text


_JUNK = st.text(alphabet=NASTY_CHARS, min_size=1, max_size=4)


def noisy_documents() -> st.SearchStrategy[str]:
    """A generated article with arbitrary characters spliced in at arbitrary places
    (controls, bidi marks, emoji, lone surrogates, stray quote marks, breaks)."""
    return st.builds(_splice, documents(3), st.lists(st.tuples(st.integers(0, 2000), _JUNK), max_size=12))


_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_PARAGRAPHS: tuple[str, ...] = tuple(
    line.strip()
    for f in sorted(_SEEDS.glob("*.txt"))
    for line in f.read_text(encoding="utf-8").splitlines()
    if line.strip()
)


@functools.cache
def real_documents() -> st.SearchStrategy[str]:
    """A few paragraphs of real Vietnamese news (the repository's seed articles), in any order."""
    if not SEED_PARAGRAPHS:
        return documents()
    return st.lists(st.sampled_from(SEED_PARAGRAPHS), min_size=1, max_size=8).map("\n".join)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (surrogates included), weighted towards the characters that matter."""
    return st.one_of(
        st.text(),
        st.text(alphabet=NASTY_CHARS + "aAeEoOuUiIyYđĐ ", max_size=200),
        st.text(alphabet=st.characters(codec=None), max_size=100),
        noisy_documents(),
    )


# ---------------------------------------------------------------------------
# rewriting a text into an equivalent spelling
# ---------------------------------------------------------------------------
_SPLIT = {}
for _base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
    for _tone in TONES[1:]:
        _SPLIT[unicodedata.normalize("NFC", _base + _tone)] = (_base, _tone)
_VOWEL_BASES = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_LETTERS = regex.compile(r"\p{L}+")
_VI_LETTERS = set("abcdđeghiklmnopqrstuvxyăâêôơư")
_VOWEL_RUN = regex.compile("[aăâeêioôơuưy]+")


def _move_tone(word: str, rng: _random.Random) -> str:
    """The same syllable with its tone mark on another vowel of its vowel group
    ("hòa" → "hoà", "thủy" → "thuỷ", "quyền" → "qùyên"/"quỳên").  Words that
    are not one Vietnamese syllable (foreign names, two vowel groups) stay."""
    toned = [i for i, ch in enumerate(word) if ch in _SPLIT]
    if len(toned) != 1:
        return word
    bases = "".join(_SPLIT.get(ch, (ch, ""))[0] for ch in word).lower()
    if any(ch not in _VI_LETTERS for ch in bases) or len(_VOWEL_RUN.findall(bases)) != 1:
        return word
    i = toned[0]
    base, tone = _SPLIT[word[i]]
    lo = i
    while lo > 0 and (word[lo - 1] in _VOWEL_BASES or word[lo - 1] in _SPLIT):
        lo -= 1
    hi = i + 1
    while hi < len(word) and word[hi] in _VOWEL_BASES:
        hi += 1
    others = [k for k in range(lo, hi) if k != i]
    if not others:
        return word
    k = rng.choice(others)
    moved = unicodedata.normalize("NFC", word[k] + tone)
    if len(moved) != 1:
        return word
    chars = list(word)
    chars[i], chars[k] = base, moved
    return "".join(chars)


def move_tones(text: str, seed: int) -> str:
    """Old-style / misplaced tone marks throughout (length unchanged)."""
    rng = _random.Random(seed)
    return _LETTERS.sub(lambda m: _move_tone(m.group(), rng) if rng.random() < 0.8 else m.group(), text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# ---------------------------------------------------------------------------
# checks shared by the property and robustness tests
# ---------------------------------------------------------------------------
def spans_of(rec):
    out = [("quote", rec.quote)]
    if rec.speaker is not None and rec.speaker.mention is not None:
        out.append(("speaker", rec.speaker.mention))
    if rec.cue is not None:
        out.append(("cue", rec.cue))
    if rec.source is not None and rec.source.mention is not None:
        out.append(("source", rec.source.mention))
    return out


def check_offsets(text: str, recs) -> None:
    """Every span indexes the caller's string exactly; quote spans never overlap."""
    assert isinstance(recs, list)
    for rec in recs:
        for name, span in spans_of(rec):
            assert 0 <= span.start <= span.end <= len(text), (name, span)
            assert text[span.start:span.end] == span.text, (name, span)
    quotes = sorted((r.quote for r in recs), key=lambda s: (s.start, s.end))
    for a, b in itertools.pairwise(quotes):
        assert a.end <= b.start, f"quote spans overlap: {a} / {b}"


def canon(s: str) -> str:
    """A text as the pipeline reads it, folded: spelling, invisible characters and entities aside."""
    return fold(NormalizedText(s).text)


def signature(recs):
    """What a record says, independent of spelling and offsets."""
    return [
        (
            r.kind,
            r.speaker.key if r.speaker else None,
            r.speaker.type if r.speaker else None,
            canon(r.speaker.mention.text) if r.speaker and r.speaker.mention else None,
            fold(r.source.name) if r.source else None,
            r.source.scope if r.source else None,
            canon(r.quote.text),
            canon(r.cue.text) if r.cue else None,
            r.rule,
            r.confidence,
        )
        for r in recs
    ]


def shifted(recs, delta: int):
    """Records as dicts with every offset moved by ``delta``."""
    out = []
    for r in recs:
        d = r.to_dict()
        for k, v in d.items():
            if (k.endswith(("_start", "_end"))) and v is not None:
                d[k] = v + delta
        out.append(d)
    return out


def dicts(recs):
    return [r.to_dict() for r in recs]


# ---------------------------------------------------------------------------
# a wall-clock limit for code that must terminate
# ---------------------------------------------------------------------------
class TimeLimitExceeded(AssertionError):
    """Raised inside the code under test when it runs past :func:`time_limit`."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail (rather than hang the suite) when the block runs longer than ``seconds``.

    Uses SIGALRM, so it interrupts pure-Python loops in the main thread; on
    platforms without it the block simply runs.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum, frame):
        raise TimeLimitExceeded(f"did not finish within {seconds} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
