#!/usr/bin/env python3
"""Peak memory of one large input: a single text of ``--mb`` megabytes without article breaks.

    python benchmarks/bench_memory.py                       # 20 MB, the figure in the README
    python benchmarks/bench_memory.py --mb 2 --records a.jsonl   # also write the records (to diff two builds)
    python benchmarks/bench_memory.py --limit 300           # exit 1 when the peak passes 300 MiB

The seed and dev articles are joined by line breaks and repeated to ``--mb``
megabytes (10^6 bytes of UTF-8): one long article, the worst case for
memory, since nothing is carried across an article break but everything may
be carried within one article.  ``Attributor.extract`` runs in a fresh Python
process, so the peak resident memory (``ru_maxrss``) is that run's alone; it
includes the interpreter, the lexicons and the input string itself, which
is shown apart (``input MiB``).
The records' SHA-256 lets two builds be compared on the same input.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def _corpus() -> list[str]:
    docs = sorted((ROOT / "seeds").glob("*.txt"))
    dev = ROOT.parent / "shared" / "eval" / "dev" / "docs"
    if not dev.is_dir():
        dev = Path("/work/shared/eval/dev/docs")
    if dev.is_dir():
        docs += sorted(dev.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in docs]


def make_text(megabytes: float) -> str:
    """One article of about ``megabytes`` MB of UTF-8, cut at a line end."""
    unit = "\n".join(_corpus()) + "\n"
    want = int(megabytes * MB)
    per_char = len(unit.encode("utf-8")) / len(unit)
    chars = int(want / per_char)
    text = (unit * (chars // len(unit) + 1))[:chars]
    nl = text.rfind("\n")
    return text[:nl + 1] if nl > chars // 2 else text


def _maxrss_mib() -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kilobytes
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def child(megabytes: float, records: str | None) -> dict:
    sys.path.insert(0, str(ROOT))
    import quoteattr

    text = make_text(megabytes)
    att = quoteattr.Attributor()
    att.extract("Ông Nguyễn Văn An cho biết: “Khởi động”.")  # lexicons compiled before the baseline
    before = _maxrss_mib()
    t0 = time.perf_counter()
    recs = att.extract(text)
    wall = time.perf_counter() - t0
    peak = _maxrss_mib()
    lines = [json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True) for r in recs]
    if records:
        Path(records).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return {"mb": len(text.encode("utf-8")) / MB, "chars": len(text), "input_mib": sys.getsizeof(text) / 2**20,
            "records": len(recs), "sha256": digest, "seconds": wall,
            "rss_before_mib": before, "peak_rss_mib": peak}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="size of the one input in MB (default 20)")
    ap.add_argument("--records", metavar="FILE", help="write the records as JSON lines")
    ap.add_argument("--limit", type=float, metavar="MIB", help="exit 1 when the peak RSS passes this")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.mb, args.records)))
        return 0
    cmd = [sys.executable, __file__, "--child", "--mb", str(args.mb)]
    if args.records:
        cmd += ["--records", args.records]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    res = json.loads(out.strip().splitlines()[-1])
    print("| input MB | chars | input MiB | records | seconds | RSS before MiB | peak RSS MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {res['mb']:.1f} | {res['chars']:,} | {res['input_mib']:.0f} | {res['records']:,} | "
          f"{res['seconds']:.1f} | {res['rss_before_mib']:.0f} | **{res['peak_rss_mib']:.0f}** |")
    print(f"\nrecords sha256 {res['sha256']}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2), encoding="utf-8")
    if args.limit is not None and res["peak_rss_mib"] > args.limit:
        print(f"peak {res['peak_rss_mib']:.0f} MiB is over the limit of {args.limit:.0f} MiB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
