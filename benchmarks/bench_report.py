"""The collection report at scale: build it for 1,000 articles and time its index in headless Chromium.

The dev, dev2 and seed articles (../shared/eval/dev/docs, ../shared/eval/dev2/docs,
seeds/) are copied over and over into a temporary folder until it holds
``--docs`` files (default 1,000), each copy its own document.  Then:

* ``quoteattr report FOLDER -o REPORT -q -j N`` runs in a process of its own:
  wall and CPU time, the index's size and what it holds;
* ``index.html`` is opened ``--loads`` times, each in a fresh headless
  Chromium (tests/cdp.py, no virtual time), and the page's own navigation
  timing is read: response end, DOM interactive, DOMContentLoaded, load,
  first contentful paint, and ``rp-ready`` (the page's script has drawn the
  first screen and its filters answer).  "Usable" is the latest of load,
  first paint and ready.  The main thread's own CPU time (``cpu_*``, from
  the DevTools Performance domain) is shown beside it: on a busy machine
  the real time stretches, the CPU time much less;
* a search and a filter over the whole collection are timed inside the page
  (from the event to the redrawn list, with layout).

    python benchmarks/bench_report.py                  # 1,000 articles, 5 loads
    python benchmarks/bench_report.py --docs 200 --loads 3 --keep /tmp/report
    python benchmarks/bench_report.py --index /tmp/report --loads 10 --max-load 1.5   # time loads only
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO.parent / "shared" / "eval" / "dev" / "docs", REPO.parent / "shared" / "eval" / "dev2" / "docs",
           REPO / "seeds"]
sys.path.insert(0, str(REPO))
from tests.cdp import Chromium  # noqa: E402  (the test suite's driver, on purpose: one way to measure)

TIMING = """JSON.stringify((function () {
  var n = performance.getEntriesByType('navigation')[0], p = performance.getEntriesByName('first-contentful-paint');
  var r = performance.getEntriesByName('rp-ready');
  return {response: n.responseEnd, interactive: n.domInteractive, dcl: n.domContentLoadedEventEnd,
          load: n.loadEventEnd, fcp: p.length ? p[0].startTime : null, ready: r.length ? r[0].startTime : null,
          statements: document.querySelectorAll('.rp-statement').length};
})())"""
INTERACT = """(function (id, value) {
  var t = performance.now(), e = document.getElementById(id);
  e.value = value; e.closest('form').dispatchEvent(new Event('submit', {cancelable: true}));
  document.body.offsetHeight;
  return performance.now() - t;
})(%s)"""


def make_corpus(folder: Path, docs: int) -> int:
    texts = [p for src in SOURCES if src.is_dir() for p in sorted(src.glob("*.txt"))]
    if not texts:
        raise SystemExit("no source articles found (seeds/ or ../shared/eval/*/docs)")
    for i in range(docs):
        src = texts[i % len(texts)]
        shutil.copyfile(src, folder / f"{i:05d}_{src.stem}.txt")
    return len(texts)


def build(corpus: Path, out: Path, jobs: int) -> dict[str, Any]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "quoteattr", "report", str(corpus), "-o", str(out), "-q", "-j", str(jobs),
                    "--title", f"{len(list(corpus.glob('*.txt')))} articles"], check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    page = (out / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="rp-data">(.*?)</script>', page, re.S).group(1))
    return {
        "wall_s": wall, "cpu_s": cpu, "index_bytes": len(page.encode("utf-8")),
        "folder_bytes": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()),
        "pages": len(list((out / "articles").iterdir())), "articles": len(data["docs"]),
        "speakers": sum(1 for sp in data["speakers"] if sp["n"] is not None), "statements": len(data["statements"]),
        "reports": sum(len(st["o"]) for st in data["statements"]),
    }


def wait_for_quiet(max_load: float | None, patience: float = 120.0) -> float:
    """The 1-minute load average, after waiting (a while) for it to drop under ``max_load``."""
    deadline = time.monotonic() + patience
    while max_load is not None and os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(2)
    return os.getloadavg()[0]


def main_thread_ms(b: Chromium) -> dict[str, float]:
    """CPU time the page's main thread spent so far (Performance.getMetrics), in ms: what a
    busy machine stretches, but does not add to."""
    metrics = {m["name"]: m["value"] for m in b.send("Performance.getMetrics", session=True)["metrics"]}
    return {k: metrics.get(v, 0.0) * 1000 for k, v in
            (("task", "TaskDuration"), ("script", "ScriptDuration"), ("layout", "LayoutDuration"),
             ("style", "RecalcStyleDuration"))}


def load_once(index: Path) -> dict[str, Any]:
    with Chromium(width=1280, height=900) as b:
        b.send("Performance.enable", session=True)
        t = time.perf_counter()
        b.goto(index.as_uri())
        b.wait_for("document.documentElement.getAttribute('data-rp-ready') === '1'")
        seen = (time.perf_counter() - t) * 1000
        b.wait_for("performance.getEntriesByName('first-contentful-paint').length > 0")
        timing = json.loads(b.js(TIMING))
        timing.update({f"cpu_{k}": v for k, v in main_thread_ms(b).items()})
        timing["python_ms"] = seen  # from the navigate command to seeing the ready page, incl. protocol
        timing["usable"] = max(timing["load"], timing["fcp"] or 0, timing["ready"] or 0)
        timing["search_ms"] = b.js(INTERACT % "'rp-q', 'chung toi'")
        timing["filter_ms"] = b.js(INTERACT % "'rp-kind', 'direct'")
        return timing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--keep", metavar="DIR", help="leave the report here (a new or empty folder)")
    ap.add_argument("--index", metavar="DIR", help="time the loads of this existing report; build nothing")
    ap.add_argument("--max-load", type=float, metavar="L",
                    help="before each load, wait (up to 2 minutes) for the load average to drop under L")
    ap.add_argument("--json", metavar="FILE", help="also write the raw figures here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="qa-bench-report-") as tmp:
        load_before = os.getloadavg()[0]
        if args.index:
            out = Path(args.index)
            built = None
        else:
            corpus = Path(tmp) / "docs"
            corpus.mkdir()
            unique = make_corpus(corpus, args.docs)
            out = Path(args.keep) if args.keep else Path(tmp) / "report"
            built = build(corpus, out, args.jobs)
        loads = []
        for _ in range(args.loads):
            quiet = wait_for_quiet(args.max_load)
            loads.append(dict(load_once(out / "index.html"), load_average=quiet))
        load_after = os.getloadavg()[0]
    print(f"load average {load_before:.2f} before, {load_after:.2f} after\n")
    if built is not None:
        print(f"## quoteattr report: {args.docs} articles ({unique} distinct, copied), --jobs {args.jobs}\n")
        print("| build wall s | CPU s | articles | pages | speakers | statements | reports | index.html | folder |")
        print("|---|---|---|---|---|---|---|---|---|")
        print(f"| {built['wall_s']:.1f} | {built['cpu_s']:.1f} | {built['articles']:,} | {built['pages']:,} | "
              f"{built['speakers']:,} | {built['statements']:,} | {built['reports']:,} | "
              f"{built['index_bytes'] / 1e6:.2f} MB | {built['folder_bytes'] / 1e6:.1f} MB |\n")
    keys = ["response", "interactive", "dcl", "ready", "fcp", "load", "usable", "python_ms", "search_ms", "filter_ms",
            "cpu_task", "cpu_script", "cpu_layout", "cpu_style"]
    print("| Chromium load (ms) | " + " | ".join(keys) + " | load avg |")
    print("|---" * (len(keys) + 2) + "|")
    for i, t in enumerate(loads, 1):
        print(f"| load {i} | " + " | ".join(f"{t[k]:.0f}" for k in keys) + f" | {t['load_average']:.1f} |")
    print("| median | " + " | ".join(f"{statistics.median(t[k] for t in loads):.0f}" for k in keys) + " | |")
    print(f"\nfirst screen: {loads[0]['statements']} statements drawn; the rest as the reader scrolls")
    if args.json:
        Path(args.json).write_text(json.dumps({"build": built, "loads": loads, "docs": args.docs,
                                               "load_average": [load_before, load_after]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
