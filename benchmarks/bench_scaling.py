#!/usr/bin/env python3
"""Time against input size for normal and adversarial text, with the log-log slope.

    python benchmarks/bench_scaling.py                 # 1 KB … 4 MB, every kind
    python benchmarks/bench_scaling.py --quick         # 1 KB … 256 KB
    python benchmarks/bench_scaling.py --kinds normal,theo_cues --json out.json

For each kind of text it attributes inputs of 1 KB, 4 KB, 16 KB … 4 MB and
prints seconds per size, then fits ``log(time) = a + slope·log(size)`` over
the sizes from 16 KB up (smaller inputs measure fixed costs).  A slope near 1
is linear time; near 2 is quadratic.  A kind whose next size is predicted to
run past ``--budget`` seconds is stopped there (shown as ``-``), so a
quadratic kind does not hold the run for hours; its slope is fitted over the
sizes it reached.  The slope is given twice: of wall time and of the
process's CPU time, which other work on a shared machine disturbs less.

Kinds:
  normal           the seed and dev articles concatenated into one long article
  articles         the same articles separated by the article break (\\n\\f\\n)
  one_line         the same text with every line break removed: one long line
  capitalised_run  long runs of capitalised words (names, organisations)
  nested_unclosed  quotes of every style opened inside each other, never closed
  cues_no_quote    thousands of cues (cho biết, nói rằng) and no quote
  theo_cues        thousands of "theo X," in one sentence
  quote_marks      quote marks only (100 000 of them at 100 KB)
  titles           long chains of titles and honorifics before names
  hyphen_runs      one run of '-' (a scraped page's rule line), the whole input long
  clause_chain     one sentence of comma-separated clauses and chained cues
                   ("…, nói rằng …, cho biết …,"), never a full stop
"""
from __future__ import annotations

import argparse
import json
import math
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import quoteattr

KB = 1024
SIZES = [1 * KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, 1024 * KB, 4096 * KB]
FIT_FROM = 16 * KB


def _corpus() -> list[str]:
    docs = sorted((ROOT / "seeds").glob("*.txt"))
    dev = Path("/work/shared/eval/dev/docs")
    if dev.is_dir():
        docs += sorted(dev.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in docs]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cut(text: str, size: int) -> str:
    """``size`` characters, cut at a line end where one is near."""
    text = _repeat(text, size)
    nl = text.rfind("\n", max(0, size - 2000))
    return text[:nl] if nl > size // 2 else text


def make_text(kind: str, size: int, corpus: list[str]) -> str:
    if kind == "normal":
        return _cut("\n".join(corpus) + "\n", size)
    if kind == "articles":
        return _cut("\n\f\n".join(corpus) + "\n\f\n", size)
    if kind == "one_line":
        return _repeat(" ".join(" ".join(corpus).split("\n")) + " ", size)
    unit = {
        "capitalised_run": "Nguyễn Văn Hùng Trần Thị Lan Bộ Y Tế UBND Hà Nội Lê Minh ",
        "nested_unclosed": "“Ông A nói «B „C ‘D 「E ‹F \"G ",
        "cues_no_quote": "ông Hùng cho biết, bà Lan nói rằng, Bộ Y tế khẳng định, các chuyên gia nhận định ",
        "theo_cues": "theo ông Minh, ",
        "quote_marks": "“”\"«»„‘’'‹›",
        "titles": "Giáo sư Tiến sĩ Bộ trưởng Bộ Y tế ông Nguyễn Văn An ",
        "hyphen_runs": "-",
        "clause_chain": "Trung Quốc phản đối kế hoạch mới, nói rằng chi phí quá cao, cho biết sẽ xem xét lại, ",
    }[kind]
    return _repeat(unit, size)


KINDS = ("normal", "articles", "one_line", "capitalised_run", "nested_unclosed", "cues_no_quote", "theo_cues",
         "quote_marks", "titles", "hyphen_runs", "clause_chain")


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def measure(att: quoteattr.Attributor, text: str, limit: float) -> tuple[float, int, float] | None:
    """Best wall time of a few runs (one for large inputs), records, best CPU time;
    None past ``limit`` seconds."""
    repeats = 3 if len(text) <= 64 * KB else 1
    best, n, best_cpu = math.inf, 0, math.inf
    old = signal.signal(signal.SIGALRM, _alarm) if hasattr(signal, "SIGALRM") else None
    try:
        for _ in range(repeats):
            if old is not None:
                signal.setitimer(signal.ITIMER_REAL, limit)
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                n = len(att.extract(text))
            except _Timeout:
                return None
            finally:
                if old is not None:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
    finally:
        if old is not None:
            signal.signal(signal.SIGALRM, old)
    return best, n, best_cpu


def slope(points: list[tuple[int, float]]) -> float | None:
    pts = [(math.log(s), math.log(t)) for s, t in points if s >= FIT_FROM and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def human(size: int) -> str:
    return f"{size // (1024 * KB)} MB" if size >= 1024 * KB else f"{size // KB} KB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--max-size", type=int, default=SIZES[-1], help="largest size in bytes (default 4 MB)")
    ap.add_argument("--quick", action="store_true", help="sizes up to 256 KB")
    ap.add_argument("--budget", type=float, default=120.0,
                    help="stop a kind before a size predicted to take longer than this (seconds)")
    ap.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    for k in kinds:
        if k not in KINDS:
            ap.error(f"unknown kind {k!r}; expected one of {', '.join(KINDS)}")
    sizes = [s for s in SIZES if s <= (256 * KB if args.quick else args.max_size)]
    corpus = _corpus()
    att = quoteattr.Attributor()
    att.extract("Ông Nguyễn Văn An cho biết: “Khởi động”.")  # warm-up: lexicon tries, regex caches

    results: dict[str, dict[int, tuple[float, int, float] | None]] = {}
    for kind in kinds:
        results[kind] = {}
        prev: tuple[int, float] | None = None
        k_slope = 1.0
        for size in sizes:
            if prev is not None:
                predicted = prev[1] * (size / prev[0]) ** max(1.0, k_slope)
                if predicted > args.budget:
                    results[kind][size] = None
                    print(f"  {kind:16} {human(size):>6}  skipped (predicted {predicted:.0f} s > budget)",
                          file=sys.stderr, flush=True)
                    continue
            text = make_text(kind, size, corpus)
            got = measure(att, text, args.budget * 2)
            results[kind][size] = got
            if got is None:
                print(f"  {kind:16} {human(size):>6}  over {args.budget * 2:.0f} s", file=sys.stderr, flush=True)
                prev = (size, math.inf)
                continue
            print(f"  {kind:16} {human(size):>6}  {got[0]:9.4f} s  {got[1]:7d} records", file=sys.stderr,
                  flush=True)
            pts = [(s, r[0]) for s, r in results[kind].items() if r is not None]
            k_slope = slope(pts) or 1.0
            prev = (size, got[0])

    # the table: one row per size, one column per kind
    width = max(12, *(len(k) + 1 for k in kinds))
    print()
    print(f"{'size':>8} " + "".join(f"{k:>{width}}" for k in kinds))
    for size in sizes:
        cells = []
        for k in kinds:
            r = results[k].get(size)
            cells.append(f"{r[0]:>{width}.4f}" if r is not None else f"{'-':>{width}}")
        print(f"{human(size):>8} " + "".join(cells))
    print(f"{'slope':>8} " + "".join(
        f"{(f'{s:.2f}' if (s := slope([(sz, r[0]) for sz, r in results[k].items() if r])) is not None else '?'):>{width}}"
        for k in kinds))
    print(f"{'(cpu)':>8} " + "".join(
        f"{(f'{s:.2f}' if (s := slope([(sz, r[2]) for sz, r in results[k].items() if r])) is not None else '?'):>{width}}"
        for k in kinds))
    print(f"\nwall seconds per input; slope = d log(time) / d log(size) over sizes >= {human(FIT_FROM)} "
          "(1 = linear, 2 = quadratic), of wall time and of CPU time (the process's own, which other work "
          "on a busy machine disturbs less); '-' = stopped at the time budget")
    verdict = []
    for k in kinds:
        s = slope([(sz, r[2]) for sz, r in results[k].items() if r])
        if s is not None and s > 1.25:
            verdict.append(f"{k} ({s:.2f})")
    print("superlinear (CPU time): " + (", ".join(verdict) if verdict else "none"))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "sizes": sizes,
            "results": {k: {str(s): (None if r is None else {"seconds": r[0], "records": r[1], "cpu_seconds": r[2]})
                            for s, r in v.items()} for k, v in results.items()},
            "slopes": {k: slope([(sz, r[0]) for sz, r in v.items() if r]) for k, v in results.items()},
            "cpu_slopes": {k: slope([(sz, r[2]) for sz, r in v.items() if r]) for k, v in results.items()},
        }, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
