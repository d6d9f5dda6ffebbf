"""Archive-scale throughput: one process vs ``--jobs 2`` vs a local Dask cluster.

The dev articles (and the repository's seed articles) are replicated to
``--docs`` documents (default 20,000) and written, once, to temporary JSONL
files — the shape of an archive that is not one article per file.  Each
mode then runs in a fresh Python process of its own, so its memory figures
are its own:

(a) ``extract_many(jobs=1)`` over ``read_table_documents`` (the CLI's
    ``--input-format jsonl`` path, one process);
(b) the same with ``jobs=2`` (what ``quoteattr extract --jobs 2`` runs);
(c) ``quoteattr.dask.attribute_bag`` on ``LocalCluster(n_workers=2,
    threads_per_worker=1, processes=True)``, the workers reading the JSONL
    files themselves (``dask.bag.read_text``, one partition per file) and
    counting their records where they are;
(d) optional (``--modes abcd``): (c) with ``distributed.worker.profile.enabled``
    off, to show what the workers' sampling profiler costs a pure-Python task.

All three import the same frozen copy of the ``quoteattr`` package, taken
when the benchmark starts, so edits to the working tree during a long run
cannot make the modes disagree (their record counts must be equal).

Reported: documents/s (for (c) without the cluster's start-up, which is
shown apart), records and error rows (equal across modes, as a check), and
peak RSS per worker process: (a) the process itself, (b) each pool worker
(sampled with psutil; ``RUSAGE_CHILDREN`` as the exact maximum), (c) each
Dask worker's own ``ru_maxrss`` through ``client.run``.

    python benchmarks/bench_scale.py                 # full run (several minutes on 2 cores)
    python benchmarks/bench_scale.py --docs 600      # quick check
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
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [Path("/work/shared/eval/dev/docs"), REPO / "seeds"]
MODES = {"a": "one process (jobs=1)", "b": "--jobs 2 (multiprocessing)", "c": "Dask LocalCluster, 2 workers",
         "d": "(c) with the worker profiler off"}
MIB = 1024 * 1024


def _cpu_s(who: int = resource.RUSAGE_SELF) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def _maxrss_mib(who: int = resource.RUSAGE_SELF) -> float:
    # Linux reports kilobytes, macOS bytes
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / MIB


class TreeSampler:
    """Peak RSS of every descendant process, sampled in a background thread."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self._me = psutil.Process()
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            for child in self._me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / MIB
                    if child.pid not in self.names:
                        self.names[child.pid] = f"{child.pid} {' '.join(child.cmdline()[:3])[-40:]}"
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()


# --------------------------------------------------------------------------- corpus


def build_corpus(sources: list[Path], n_docs: int, n_files: int, folder: Path) -> list[str]:
    """Replicate the source articles to ``n_docs`` rows over ``n_files`` JSONL files."""
    articles = []
    for src in sources:
        if src.is_dir():
            articles += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(src.glob("*.txt"))]
    if not articles:
        raise SystemExit(f"no .txt articles in {', '.join(map(str, sources))}")
    per_file = -(-n_docs // n_files)
    files = []
    written = 0
    for f in range(n_files):
        path = folder / f"docs-{f:04d}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for _ in range(min(per_file, n_docs - written)):
                stem, text = articles[written % len(articles)]
                out.write(json.dumps({"id": f"{stem}#{written}", "text": text}, ensure_ascii=False) + "\n")
                written += 1
        files.append(str(path))
        if written >= n_docs:
            break
    return files


# --------------------------------------------------------------------------- modes (each in its own process)


def _package_file() -> str:
    import quoteattr

    return quoteattr.__file__


def run_pool(files: list[str], jobs: int) -> dict[str, Any]:
    from quoteattr import extract_many
    from quoteattr.tabular import read_table_documents

    docs = records = errors = 0
    load = os.getloadavg()[0]
    cpu0 = _cpu_s() + _cpu_s(resource.RUSAGE_CHILDREN)
    with TreeSampler() as sampler:
        start = time.perf_counter()
        for res in extract_many(read_table_documents(files, fmt="jsonl"), jobs=jobs):
            docs += 1
            records += len(res.records)
            errors += res.error is not None
        wall = time.perf_counter() - start
    # pool workers were joined when extract_many finished, so RUSAGE_CHILDREN holds their time
    cpu = _cpu_s() + _cpu_s(resource.RUSAGE_CHILDREN) - cpu0
    if jobs == 1:
        workers = [_maxrss_mib()]
    else:
        workers = sorted(sampler.peaks.values(), reverse=True)[:jobs]
    return {"docs": docs, "records": records, "errors": errors, "wall": wall, "startup": 0.0, "cpu": cpu,
            "load_before": load, "load_after": os.getloadavg()[0], "package": [_package_file()],
            "worker_peak_mib": workers, "worker_peak_exact_mib": _maxrss_mib(resource.RUSAGE_CHILDREN)
            if jobs > 1 else workers[0], "driver_peak_mib": _maxrss_mib()}


def _pair(obj: dict[str, Any]) -> tuple[Any, Any]:
    return obj.get("id"), obj.get("text")


def _tally(rows: list[dict[str, Any]]) -> list[tuple[int, int]]:
    errors = sum(r["error"] is not None for r in rows)
    return [(len(rows) - errors, errors)]


def _doc_count(lines: list[Any]) -> list[int]:
    return [sum(1 for _ in lines)]


def _worker_peak() -> float:
    return _maxrss_mib()


def _worker_cpu() -> float:
    return _cpu_s()


def run_dask(files: list[str], workers: int, profile: bool = True) -> dict[str, Any]:
    import logging

    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    from quoteattr.dask import attribute_bag

    with TreeSampler() as sampler, dask.config.set({"distributed.worker.profile.enabled": profile}):
        t0 = time.perf_counter()
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            client.wait_for_workers(workers)
            startup = time.perf_counter() - t0
            load = os.getloadavg()[0]
            worker_cpu0 = client.run(_worker_cpu)
            driver_cpu0 = _cpu_s()
            start = time.perf_counter()
            pairs = db.read_text(files, blocksize=None).map(json.loads).map(_pair)
            rows = attribute_bag(pairs)
            tallies, counts = client.compute([rows.map_partitions(_tally), pairs.map_partitions(_doc_count)],
                                             sync=True)
            wall = time.perf_counter() - start
            driver_cpu = _cpu_s() - driver_cpu0
            worker_cpu = {w: c - worker_cpu0[w] for w, c in client.run(_worker_cpu).items()}
            peaks = client.run(_worker_peak)
            package = sorted(set(client.run(_package_file).values()) | {_package_file()})
    records = sum(t[0] for t in tallies)
    errors = sum(t[1] for t in tallies)
    return {"docs": sum(counts), "records": records, "errors": errors, "wall": wall, "startup": startup,
            "cpu": driver_cpu + sum(worker_cpu.values()), "driver_cpu": driver_cpu,
            "worker_cpu": sorted(worker_cpu.values(), reverse=True),
            "load_before": load, "load_after": os.getloadavg()[0], "package": package,
            "worker_peak_mib": sorted(peaks.values(), reverse=True), "worker_peak_exact_mib": max(peaks.values()),
            "driver_peak_mib": _maxrss_mib(),
            "children": {sampler.names.get(pid, "?"): round(p) for pid, p in sampler.peaks.items()}}


# --------------------------------------------------------------------------- driver


def _table(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "| mode | docs | records | error rows | wall (s) | docs/s | CPU ms/doc | peak RSS per worker (MiB) "
        "| driver peak (MiB) | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for mode, r in results.items():
        wall = f"{r['wall']:.1f}" + (f" (+{r['startup']:.1f} start-up)" if r["startup"] else "")
        peaks = " / ".join(f"{p:.0f}" for p in r["worker_peak_mib"])
        lines.append(f"| ({mode}) {MODES[mode]} | {r['docs']:,} | {r['records']:,} | {r['errors']} | {wall} | "
                     f"{r['docs'] / r['wall']:.1f} | {1000 * r['cpu'] / r['docs']:.1f} | {peaks} | "
                     f"{r['driver_peak_mib']:.0f} | {r['load_before']:.1f}→{r['load_after']:.1f} |")
    return "\n".join(lines)


def _revision() -> str:
    try:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "quoteattr"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "(no git)"
    return head + (" + uncommitted changes" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20_000, help="documents after replication (default 20000)")
    ap.add_argument("--files", type=int, default=0, help="JSONL files = Dask partitions (default docs/500)")
    ap.add_argument("--modes", default="abc", help="which of a, b, c, d to run (default abc)")
    ap.add_argument("--source", action="append", type=Path, help="folder of .txt articles (repeatable)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--_run", choices=sorted(MODES), help=argparse.SUPPRESS)
    ap.add_argument("--_files", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._run:  # a child: one mode over the given files, one JSON line out
        files = json.loads(Path(args._files).read_text())
        runs = {"a": lambda: run_pool(files, 1), "b": lambda: run_pool(files, 2),
                "c": lambda: run_dask(files, 2), "d": lambda: run_dask(files, 2, profile=False)}
        result = runs[args._run]()
        print(json.dumps(result))
        return 0

    n_files = args.files or max(2, args.docs // 500)
    sources = args.source or DEFAULT_SOURCES
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="quoteattr-bench-") as tmp:
        folder = Path(tmp)
        snapshot = folder / "src"
        shutil.copytree(REPO / "quoteattr", snapshot / "quoteattr", ignore=shutil.ignore_patterns("__pycache__"))
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(snapshot), *filter(None, [os.environ.get("PYTHONPATH")])]))
        revision = _revision()
        print(f"code: quoteattr at {revision}, frozen in {snapshot}", file=sys.stderr)
        files = build_corpus(sources, args.docs, n_files, folder)
        listing = folder / "files.json"
        listing.write_text(json.dumps(files))
        size = sum(Path(f).stat().st_size for f in files) / MIB
        print(f"corpus: {args.docs:,} documents in {len(files)} JSONL files ({size:.0f} MiB), "
              f"from {', '.join(map(str, sources))}", file=sys.stderr)
        for mode in args.modes:
            if mode not in MODES:
                raise SystemExit(f"unknown mode {mode!r}")
            print(f"running ({mode}) {MODES[mode]} …", file=sys.stderr, flush=True)
            proc = subprocess.run([sys.executable, __file__, "--_run", mode, "--_files", str(listing)],
                                  capture_output=True, text=True, check=False, env=env)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr)
                raise SystemExit(f"mode {mode} failed with status {proc.returncode}")
            results[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
            r = results[mode]
            stray = [p for p in r["package"] if not p.startswith(str(snapshot))]
            if stray:
                raise SystemExit(f"mode {mode} imported quoteattr from {stray}, not from the frozen copy")
            print(f"  {r['docs']:,} docs, {r['records']:,} records in {r['wall']:.1f}s "
                  f"= {r['docs'] / r['wall']:.1f} docs/s", file=sys.stderr, flush=True)
    try:
        import psutil

        cores = f"{psutil.cpu_count(logical=False)} physical / {psutil.cpu_count()} logical cores"
    except ImportError:  # pragma: no cover
        cores = f"{os.cpu_count()} cores"
    print(f"\nMachine: {platform.platform()}, Python {platform.python_version()}, {cores}, "
          f"{os.cpu_count()} usable CPUs; quoteattr {revision}\n")
    print(_table(results))
    for mode in ("c", "d"):
        if mode not in results:
            continue
        c = results[mode]
        print(f"\n({mode}): the scheduler and the workers' nannies run inside the driver process; "
              f"CPU s during the run: driver {c['driver_cpu']:.1f}, workers "
              + " / ".join(f"{w:.1f}" for w in c["worker_cpu"])
              + f"; processes it started (peak MiB): {c['children']}")
    if len({r["records"] for r in results.values()}) > 1:
        print("\nWARNING: the modes disagree on the number of records")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
