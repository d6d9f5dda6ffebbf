"""An article's working objects are freed by reference counting when it is done.

A reference cycle anywhere in the graph of one article (view, registry, resolver)
keeps all of its tokens alive until the cyclic garbage collector runs: on the
pools that was every token of every article, and the collector's passes over
them cost a tenth of the engine's time.  These tests fail when a cycle comes back.
"""
from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path

import pytest

import quoteattr
from quoteattr.segment import find_paragraphs, find_quotes, find_sentences
from quoteattr.sieve.windows import attribute_windows
from quoteattr.text import NormalizedText

ROOT = Path(__file__).resolve().parent.parent

# "họ" resolves through the group that opens the sentence before: the callback path that once
# tied the resolver into a cycle
_ARTICLE = (
    "Bộ trưởng Ngoại giao Nguyễn Văn Nam cho biết: “Chúng tôi sẽ tiếp tục đàm phán”.\n\n"
    "Mỹ và Trung Quốc đã đồng ý nối lại đối thoại. Họ cho biết vòng tới sẽ diễn ra tại Hà Nội.\n\n"
    "Theo ông Nam, hai bên “còn nhiều khác biệt”. Ông nói thêm rằng tiến trình cần thời gian.\n\n"
    "(Theo Reuters)"
)


def _quoteattr_garbage(run) -> Counter:
    """The quoteattr objects that only the cyclic collector would free after ``run()``."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        run()
        gc.collect()
        found = Counter(type(o).__module__ + "." + type(o).__qualname__ for o in gc.garbage
                        if type(o).__module__.startswith("quoteattr"))
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    return found


@pytest.fixture(scope="module")
def att() -> quoteattr.Attributor:
    return quoteattr.Attributor()


def test_an_article_leaves_no_cyclic_garbage(att: quoteattr.Attributor) -> None:
    records = []
    assert _quoteattr_garbage(lambda: records.extend(att.extract(_ARTICLE))) == Counter()
    assert any(r.speaker and r.speaker.name for r in records)  # the article did go through the passes


def test_the_seed_articles_leave_no_cyclic_garbage(att: quoteattr.Attributor) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    assert texts
    assert _quoteattr_garbage(lambda: [att.extract(t) for t in texts]) == Counter()


def test_a_windowed_article_leaves_no_cyclic_garbage(att: quoteattr.Attributor) -> None:
    text = "\n\n".join([_ARTICLE.rsplit("\n\n", 1)[0]] * 40)
    nt = NormalizedText(text)

    def run() -> None:
        paras = find_paragraphs(nt.text)
        sents = find_sentences(nt.text, paras, att._lex.abbreviations)
        quotes = find_quotes(nt.text, paras, sents)
        assert attribute_windows(nt, paras, sents, quotes, att._lex, att._parser, window_chars=2_000)
        att._parser.forget()

    assert _quoteattr_garbage(run) == Counter()
