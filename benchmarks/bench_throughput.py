"""Throughput of `quoteattr extract` on a folder of articles: speed, memory, and how time grows with input.

The seed articles (seeds/) and the dev articles (../shared/eval/dev/docs,
when present) are copied over and over into a temporary folder of .txt
files until it holds ``--mb`` megabytes (10^6 bytes of UTF-8 text; default
4).  Then, each in a fresh Python process of its own (so memory figures are
that run's alone):

* ``cli --jobs 1`` on 1/8, 1/4, 1/2 and all of the folder: time against input size,
  and peak memory, which should stay flat because records are streamed to
  the output file one document at a time;
* ``cli --jobs 2`` on all of it: the same output from two worker processes;
* ``library``: ``Attributor.extract`` over texts already in memory (no file
  reading or writing), one process — the pipeline's own speed.

Each row gives wall time, CPU time (user + system, the process and its
workers), articles/s and MB/s of wall time, and peak resident memory
(``ru_maxrss``) of the main process and of the largest worker.  On a busy
machine wall time depends on the other work; CPU time per MB does not much,
and the load average before and after each run is shown.

    python benchmarks/bench_throughput.py                 # 4 MB, about 2 minutes on one free core
    python benchmarks/bench_throughput.py --mb 1          # quick look
    python benchmarks/bench_throughput.py --mb 8 --max-load 0.5 --json out.json

``--base REV`` instead measures this working tree against the code of a git
revision, side by side in one run: the distinct articles of seeds/, dev and
dev2 (no copies) are read into memory, and each round runs the library over
all of them once in a fresh process per side, in alternating order
(base first in odd rounds).  The table gives each side's median CPU and wall
seconds and MB/s, the median of the per-round CPU ratios base/now (the
speed-up), peak memory, and whether the records are identical (SHA-256 of
the records' JSON)::

    python benchmarks/bench_throughput.py --base 69d4169 --rounds 7
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "seeds", REPO.parent / "shared" / "eval" / "dev" / "docs"]
MB = 1_000_000


# --------------------------------------------------------------------------- measuring (child process)


def _maxrss_mib(who: int) -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kilobytes
    return resource.getrusage(who).ru_maxrss * scale / 2**20


def _cpu(who: int) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def child(spec: dict[str, Any]) -> dict[str, Any]:
    """One measured run, in this (fresh) process."""
    import io

    if spec["mode"] == "pools":
        return _pools_child(spec)
    subset = Path(spec["subset"])  # a folder of links to this run's articles
    cpu0 = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    if spec["mode"] == "library":
        from quoteattr import Attributor

        texts = [p.read_text(encoding="utf-8") for p in sorted(subset.glob("*.txt"))]  # before the clock
        cpu0 = _cpu(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        att = Attributor()
        records = sum(len(att.extract(t, doc_id=str(i))) for i, t in enumerate(texts))
        wall = time.perf_counter() - t0
    else:
        from quoteattr.cli import main

        out = Path(spec["output"])
        t0 = time.perf_counter()
        rc = main(["extract", "-q", "--jobs", str(spec["jobs"]), str(subset), "-o", str(out)],
                  stdout=io.StringIO(), stderr=sys.stderr)
        wall = time.perf_counter() - t0
        if rc != 0:
            raise SystemExit(f"quoteattr extract exited with {rc}")
        with out.open(encoding="utf-8") as fh:
            records = sum(1 for _ in fh)
    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - cpu0
    return {
        "wall": wall, "cpu": cpu, "records": records,
        "rss_main_mib": _maxrss_mib(resource.RUSAGE_SELF),
        "rss_worker_mib": _maxrss_mib(resource.RUSAGE_CHILDREN) if spec.get("jobs", 1) > 1 else None,
    }


def _pools_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Side-by-side mode: every pool article once, with the code on ``sys.path`` (PYTHONPATH)."""
    import hashlib

    import quoteattr
    from quoteattr import Attributor

    texts = [Path(p).read_text(encoding="utf-8") for p in spec["files"]]  # before the clock
    att = Attributor()
    att.extract(texts[0], doc_id="warm-up")  # first-call costs (lazy compiles) are not throughput
    cpu0, t0 = _cpu(resource.RUSAGE_SELF), time.perf_counter()
    found = [att.extract(text, doc_id=Path(path).name) for path, text in zip(spec["files"], texts)]
    cpu, wall = _cpu(resource.RUSAGE_SELF) - cpu0, time.perf_counter() - t0
    # the records' digest after the clock: serialising them is not the engine's work
    digest = hashlib.sha256()
    for rec in (r for recs in found for r in recs):
        digest.update(json.dumps(rec.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    records = sum(map(len, found))
    return {"wall": wall, "cpu": cpu, "records": records,
            "sha256": digest.hexdigest(), "rss_main_mib": _maxrss_mib(resource.RUSAGE_SELF),
            "rss_worker_mib": None, "code": str(Path(quoteattr.__file__).resolve().parent.parent)}


def pool_files() -> list[Path]:
    """The distinct articles of seeds/, dev and dev2, in a fixed order."""
    shared = REPO.parent / "shared" / "eval"
    folders = [REPO / "seeds", shared / "dev" / "docs", shared / "dev2" / "docs"]
    files = [p for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]
    if not files:
        raise SystemExit("no articles found in " + ", ".join(map(str, folders)))
    return files


def side_by_side(base_rev: str, rounds: int) -> int:
    """Base revision against this working tree, interleaved rounds; prints a table."""
    import statistics

    files = pool_files()
    mb = sum(p.stat().st_size for p in files) / MB
    with tempfile.TemporaryDirectory(prefix="quoteattr-base-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), base_rev], check=True, cwd=REPO)
        try:
            runs: dict[str, list[dict[str, Any]]] = {"base": [], "now": []}
            for k in range(rounds):
                for side in (("base", "now") if k % 2 == 0 else ("now", "base")):
                    code = base if side == "base" else REPO
                    spec = {"label": side, "mode": "pools", "files": [str(p) for p in files]}
                    result = measure(spec, pythonpath=code)
                    if Path(result["code"]) != code.resolve():  # an installed copy shadowing PYTHONPATH
                        raise SystemExit(f"{side} ran the code in {result['code']}, not {code}")
                    runs[side].append(result)
                print(f"  round {k + 1}/{rounds}: base {runs['base'][-1]['cpu']:.2f} s, "
                      f"now {runs['now'][-1]['cpu']:.2f} s CPU", file=sys.stderr, flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO)
    import quoteattr

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO).stdout
    print(f"quoteattr {quoteattr.__version__}, rule engine; {machine()}")
    print(f"measured {time.strftime('%Y-%m-%d %H:%M %Z')}; {len(files)} distinct articles, {mb:.2f} MB, "
          f"{rounds} interleaved rounds, base {base_rev} vs now {head.strip() or 'working tree'}"
          f"{' (uncommitted changes)' if _dirty() else ''}\n")
    print("| code | records | median CPU s | median wall s | MB/s (CPU) | articles/s (CPU) | peak RSS MiB |")
    print("|---|---|---|---|---|---|---|")
    for side, rs in runs.items():
        cpu, wall = statistics.median(r["cpu"] for r in rs), statistics.median(r["wall"] for r in rs)
        print(f"| {side} | {rs[0]['records']} | {cpu:.2f} | {wall:.2f} | {mb / cpu:.3f} | {len(files) / cpu:.1f} "
              f"| {max(r['rss_main_mib'] for r in rs):.0f} |")
    ratios = [b["cpu"] / n["cpu"] for b, n in zip(runs["base"], runs["now"])]
    same = {r["sha256"] for rs in runs.values() for r in rs}
    print(f"\nspeed-up (median of per-round CPU ratios base/now): {statistics.median(ratios):.2f}× "
          f"(range {min(ratios):.2f}–{max(ratios):.2f}); records "
          f"{'identical' if len(same) == 1 else 'DIFFERENT'} (SHA-256 {sorted(same)[0][:12]}…)")
    return 0 if len(same) == 1 else 1


def _dirty() -> bool:
    out = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                         capture_output=True, text=True, cwd=REPO).stdout
    return bool(out.strip())


# --------------------------------------------------------------------------- the corpus and the runs


def build_corpus(folder: Path, mb: float) -> list[tuple[str, int]]:
    """Copy the source articles into ``folder`` until it holds ``mb`` MB; (file name, bytes) in order."""
    articles = [p for src in SOURCES if src.is_dir() for p in sorted(src.glob("*.txt"))]
    if not articles:
        raise SystemExit("no articles found in " + ", ".join(map(str, SOURCES)))
    out: list[tuple[str, int]] = []
    total = 0
    k = 0
    while total < mb * MB:
        src = articles[k % len(articles)]
        name = f"{k:06d}_{src.name}"
        shutil.copyfile(src, folder / name)
        size = (folder / name).stat().st_size
        out.append((name, size))
        total += size
        k += 1
    return out


def wait_for_load(max_load: float | None, patience: float) -> None:
    if max_load is None:
        return
    deadline = time.monotonic() + patience
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        print(f"  waiting: load {os.getloadavg()[0]:.2f} > {max_load}", file=sys.stderr)
        time.sleep(15)


def measure(spec: dict[str, Any], pythonpath: Path | None = None) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    env = dict(os.environ, PYTHONPATH=str(pythonpath)) if pythonpath else None
    proc = subprocess.run([sys.executable, __file__, "--_child", json.dumps(spec)],
                          capture_output=True, text=True, timeout=3600, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"run {spec['label']} failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(load_before=load_before, load_after=os.getloadavg()[0])
    return result


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        mem_s = f", {mem:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        mem_s = ""
    return (f"{cpu}, {os.cpu_count()} logical CPUs{mem_s}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def table(rows: list[dict[str, Any]]) -> str:
    head = ("| run | articles | MB | records | wall s | CPU s | articles/s | MB/s | CPU s per MB "
            "| peak RSS main (MiB) | peak RSS worker (MiB) | load before/after |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        worker = f"{r['rss_worker_mib']:.0f}" if r["rss_worker_mib"] is not None else "–"
        lines.append(
            f"| {r['label']} | {r['articles']} | {r['mb']:.2f} | {r['records']} | {r['wall']:.1f} | {r['cpu']:.1f} "
            f"| {r['articles'] / r['wall']:.1f} | {r['mb'] / r['wall']:.3f} | {r['cpu'] / r['mb']:.1f} "
            f"| {r['rss_main_mib']:.0f} | {worker} | {r['load_before']:.2f} / {r['load_after']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="input size in MB (10^6 bytes; default 4)")
    ap.add_argument("--max-load", type=float, metavar="L",
                    help="before each run, wait (up to --patience s) until the 1-minute load is below L")
    ap.add_argument("--patience", type=float, default=1800, help="longest wait for the load, s (default 1800)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--base", metavar="REV", help="measure against this git revision, side by side (see above)")
    ap.add_argument("--rounds", type=int, default=7, help="interleaved rounds with --base (default 7)")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        print(json.dumps(child(json.loads(args._child))))
        return 0
    if args.base:
        if args.rounds < 1:
            ap.error("--rounds must be at least 1")
        return side_by_side(args.base, args.rounds)
    if args.mb <= 0:
        ap.error("--mb must be positive")

    with tempfile.TemporaryDirectory(prefix="quoteattr-bench-") as tmp:
        root = Path(tmp)
        corpus_dir = root / "corpus"
        corpus_dir.mkdir()
        corpus = build_corpus(corpus_dir, args.mb)
        n_sources = len({name.split("_", 1)[1] for name, _ in corpus})
        print(f"corpus: {len(corpus)} articles, {sum(s for _, s in corpus) / MB:.2f} MB "
              f"({n_sources} distinct articles, copied)", file=sys.stderr)

        def subset(fraction: float) -> tuple[list[str], Path, float]:
            n = max(1, round(len(corpus) * fraction))
            names = [name for name, _ in corpus[:n]]
            folder = root / f"subset-{n}"
            if not folder.exists():
                folder.mkdir()
                for name in names:
                    os.symlink(corpus_dir / name, folder / name)
            return names, folder, sum(s for _, s in corpus[:n]) / MB

        plan = [("cli --jobs 1", "cli", 1, f) for f in (0.125, 0.25, 0.5, 1.0)]
        plan += [("cli --jobs 2", "cli", 2, 1.0), ("library, 1 process", "library", 1, 1.0)]
        rows = []
        for label, mode, jobs, fraction in plan:
            names, folder, mb = subset(fraction)
            wait_for_load(args.max_load, args.patience)
            spec = {"label": label, "mode": mode, "jobs": jobs, "subset": str(folder),
                    "output": str(root / "out.jsonl")}
            print(f"  {label} on {mb:.2f} MB …", file=sys.stderr, flush=True)
            result = measure(spec)
            rows.append({"label": label, "articles": len(names), "mb": mb, **result})

    import quoteattr

    print(f"quoteattr {quoteattr.__version__}, rule engine; {machine()}")
    print(f"measured {time.strftime('%Y-%m-%d %H:%M %Z')}\n")
    print(table(rows))
    one = [r for r in rows if r["label"] == "cli --jobs 1"]
    if len(one) >= 2:
        a, b = one[0], one[-1]
        ratio = (b["cpu"] / b["mb"]) / (a["cpu"] / a["mb"])
        print(f"\nCPU time per MB at {b['mb']:.2f} MB is {ratio:.2f}× that at {a['mb']:.2f} MB "
              f"(1.00 = linear); peak memory {a['rss_main_mib']:.0f} → {b['rss_main_mib']:.0f} MiB.")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "rows": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
