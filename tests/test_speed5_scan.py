"""The name scan over all the sentences of an article at once (issue 12) reports the same names,
in the same order, as the scan sentence by sentence it replaces.  Sentences written for these tests."""
from __future__ import annotations

from tests.test_speed_registry import SENTENCES, TITLED
from tests.test_speed_scan import AGED, FOREIGN, NOT_AGED
from tests.test_speed_work import _registry
from quoteattr.tokens import TEXT


def _found(scanner, toks, spans, at_once: bool) -> list[tuple]:
    out: list[tuple] = []
    add = lambda *args, **kw: out.append((args, tuple(sorted(kw.items()))))  # noqa: E731
    if at_once:
        scanner.scan_sentences(toks, spans, add)
    else:
        for lo, hi in spans:
            scanner.scan(toks, lo, hi, add)
    return out


def test_scanning_every_sentence_at_once_reports_what_each_sentence_does(lex) -> None:
    text = " ".join(SENTENCES + TITLED + AGED + NOT_AGED + FOREIGN)
    registry, toks = _registry(lex, text)
    scanner = registry.scanner
    stops = [i + 1 for i, t in enumerate(toks) if t[TEXT] == "."]
    spans = list(zip([0, *stops[:-1]], stops))
    assert len(spans) > 10
    by_sentence = _found(scanner, toks, spans, at_once=False)
    assert len(by_sentence) > 20
    assert _found(scanner, toks, spans, at_once=True) == by_sentence
    # a subset of sentences with gaps between them, and cuts inside a name ("tuổi" near a cut)
    cut = [(lo, hi - 2) for lo, hi in spans[::2] if hi - 2 > lo]
    assert _found(scanner, toks, cut, at_once=True) == _found(scanner, toks, cut, at_once=False)
    assert _found(scanner, toks, [], at_once=True) == []
