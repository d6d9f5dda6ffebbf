#!/usr/bin/env python3
"""Coverage-guided fuzzing of ``quoteattr.extract`` with atheris (libFuzzer).

Every input is decoded as UTF-8 with ``surrogateescape`` (so any byte string
is some ``str``: invalid bytes become lone surrogates, and every code point
is reachable) and attributed.  Besides crashes and hangs, the harness fails
on a broken contract: a span that does not index the input, quote spans
that overlap, a record that is not a valid dict, a non-list result.

    python fuzz/fuzz_extract.py --make-corpus /tmp/quoteattr-seed-corpus
    python fuzz/fuzz_extract.py -max_total_time=600 -max_len=2048 -timeout=10 \\
        -dict=fuzz/quoteattr.dict /tmp/quoteattr-corpus /tmp/quoteattr-seed-corpus

(``--make-corpus`` cuts the seed articles into paragraph-sized starting
inputs; the first corpus folder collects what the fuzzer finds.  A crash is written to ``crash-<sha1>`` in the current folder;
replay it with ``python fuzz/fuzz_extract.py crash-<sha1>`` and add it to
``tests/test_regressions.py``.)
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["quoteattr"]):
    import quoteattr
    from quoteattr.model import RECORD_FIELDS

ATT = quoteattr.Attributor()


def check(text: str, recs: object) -> None:
    if not isinstance(recs, list):
        raise AssertionError(f"extract returned {type(recs).__name__}, not a list")  # noqa: TRY004
    last_end = -1
    for rec in sorted(recs, key=lambda r: (r.quote.start, r.quote.end)):
        spans = [rec.quote, rec.cue]
        if rec.speaker is not None:
            spans.append(rec.speaker.mention)
        if rec.source is not None:
            spans.append(rec.source.mention)
        for span in spans:
            if span is None:
                continue
            if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
                raise AssertionError(f"span {span!r} does not index the input")
        if rec.quote.start < last_end:
            raise AssertionError(f"quote spans overlap at {rec.quote.start}")
        last_end = rec.quote.end
        if tuple(rec.to_dict()) != RECORD_FIELDS:
            raise AssertionError("record dict has the wrong fields")


def TestOneInput(data: bytes) -> None:
    text = data.decode("utf-8", "surrogateescape")
    check(text, ATT.extract(text))


def make_corpus(folder: str) -> None:
    """Starting inputs: runs of one to four paragraphs of the seed articles (≤ 2 KB each)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted((root / "seeds").glob("*.txt")):
        paras = [p for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
        for i in range(len(paras)):
            for k in (1, 2, 4):
                chunk = "\n".join(paras[i:i + k]).encode("utf-8")
                if len(chunk) <= 2048:
                    (out / f"seed-{n:05d}").write_bytes(chunk)
                    n += 1
    print(f"wrote {n} inputs to {out}")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--make-corpus":
        make_corpus(sys.argv[2])
        return
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
