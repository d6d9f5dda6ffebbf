"""Check that a change leaves the records byte-identical.

Runs ``quoteattr extract DIR --format jsonl`` for each pool with the code of a
base revision (checked out into a temporary git worktree) and with the working
tree, and diffs the outputs.  Used for refactors and speed work, where records
must not move::

    python benchmarks/same_records.py --base 4f70372
    python benchmarks/same_records.py --base 4f70372 --engine stanza --pools seeds \
        --stanza-dir ../shared/models/stanza-vi

Exit status 0 when every pool is identical, 1 otherwise (the first differing
lines are shown).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"


def _pools(shared: Path) -> dict[str, Path]:
    return {"seeds": ROOT / "seeds", "dev": shared / "dev" / "docs", "dev2": shared / "dev2" / "docs"}


POOLS = _pools(SHARED)


def _extract(code: Path, folder: Path, out: Path, extra: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(code))
    cmd = [sys.executable, "-m", "quoteattr", "extract", str(folder), "--format", "jsonl", "-o", str(out), *extra]
    subprocess.run(cmd, check=True, env=env, cwd=code)


def _first_difference(a: Path, b: Path) -> str | None:
    la, lb = a.read_text("utf-8").splitlines(), b.read_text("utf-8").splitlines()
    for k, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {k + 1}:\n  base: {x[:300]}\n  now:  {y[:300]}"
    if len(la) != len(lb):
        return f"{len(la)} records at base, {len(lb)} now"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="git revision to compare with")
    ap.add_argument("--pools", nargs="+", default=list(POOLS), choices=list(POOLS))
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--stanza-dir")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared eval folder (default: ../shared/eval)")
    args = ap.parse_args(argv)
    pools = _pools(args.shared.resolve())
    extra = ["--engine", args.engine] + (
        ["--stanza-dir", str(Path(args.stanza_dir).resolve())] if args.stanza_dir else [])
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], check=True, cwd=ROOT)
        try:
            for name in args.pools:
                folder = pools[name]
                if not folder.is_dir():
                    print(f"{name}: no folder {folder}, skipped")
                    continue
                old, new = Path(tmp) / f"{name}.base.jsonl", Path(tmp) / f"{name}.now.jsonl"
                _extract(base, folder, old, extra)
                _extract(ROOT, folder, new, extra)
                diff = _first_difference(old, new)
                n = len(new.read_text("utf-8").splitlines())
                print(f"{name}: {'identical' if diff is None else 'DIFFERENT'} ({n} records)")
                if diff:
                    print(diff)
                    failed = True
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
