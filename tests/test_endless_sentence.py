"""Work bounds in one endless sentence of cues: each cue's checks must not walk the whole sentence.

bench_scaling.py's ``cues_no_quote`` and ``clause_chain`` kinds grew quadratically after two
passes were added (the relay pass compared every pair of cued proposals of a sentence; the
embedded-question check listed every word of each content).  These tests count the work
instead of timing it, so they hold on a loaded machine.
"""
from __future__ import annotations

import sys

import quoteattr
from quoteattr.sieve import relay
from quoteattr import tokens

_CUES = "ông Hùng cho biết, bà Lan nói rằng, Bộ Y tế khẳng định, các chuyên gia nhận định "
_CHAIN = "Trung Quốc phản đối kế hoạch mới, nói rằng chi phí quá cao, cho biết sẽ xem xét lại, "


def _count_nested(monkeypatch, text: str) -> int:
    calls = 0
    original = relay._nested

    def counting(*args):
        nonlocal calls
        calls += 1
        return original(*args)

    monkeypatch.setattr(relay, "_nested", counting)
    quoteattr.Attributor().extract(text)
    return calls


def test_relay_compares_each_cue_with_the_speakers_right_after_it(monkeypatch) -> None:
    small = _count_nested(monkeypatch, _CUES * 20)
    large = _count_nested(monkeypatch, _CUES * 80)
    # linear: four times the cues, about four times the comparisons (all pairs would be sixteen)
    assert large <= 6 * max(small, 1)


def test_the_embedded_question_check_reads_only_the_end_of_each_content(monkeypatch) -> None:
    calls = 0
    original = tokens.is_word

    def counting(tok):
        nonlocal calls
        calls += 1
        return original(tok)

    # every module's is_word, wherever it was imported
    for name, module in list(sys.modules.items()):
        if name.startswith("quoteattr") and getattr(module, "is_word", None) is original:
            monkeypatch.setattr(module, "is_word", counting)
    counts = []
    for n in (10, 40):
        calls = 0
        quoteattr.Attributor().extract(_CHAIN * n)
        counts.append(calls)
    assert counts[1] <= 6 * counts[0]


def test_the_bounded_checks_keep_their_records() -> None:
    text = "Bà Lan kể những người lính nói rằng họ không có đủ thức ăn."
    assert [(r.speaker.name, r.quote.text) for r in quoteattr.extract(text)] == [
        ("những người lính", "họ không có đủ thức ăn")]
    text = "Ông Trịnh Quốc Bảo nói rõ hai bên sẽ chia chi phí như thế nào."
    assert quoteattr.extract(text) == []
