"""How the CLI process ends and what it reads: signals, odd files in a folder, bytes on stdin.

Each test runs the CLI as a subprocess, the way a shell, systemd or docker
runs it; the signal tests send the signal once the first record is written.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
ARTICLE = "Ông Phạm Quốc Bảo khẳng định rằng tuyến đường sẽ được thông xe vào cuối năm.\n"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and FIFOs")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            **extra}


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Enough documents that a run is still busy when the signal comes."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04d}.txt").write_text(SEED_TEXTS[i % len(SEED_TEXTS)], encoding="utf-8")
    return folder


def _first_record_written(folder: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before the signal"
        if any(p.stat().st_size > 0 for p in folder.glob(".out.jsonl.*.part")):
            return
        time.sleep(0.05)
    raise AssertionError("no record was written")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("jobs, group", [("2", False), ("1", False), ("2", True)])
def test_a_signal_ends_workers_removes_the_part_file_and_keeps_the_old_output(tmp_path, archive, sig, jobs,
                                                                              group):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "out.jsonl"
    target.write_text("OLD\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", str(archive), "-j", jobs,
                             "-o", str(target)], cwd=ROOT, env=_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _first_record_written(out_dir, proc)
        workers = _children(proc.pid)
        assert len(workers) >= int(jobs) - 1
        if group:  # what systemd and docker do
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode != 0
    assert b"Traceback" not in err, err.decode("utf-8", "replace")
    assert target.read_text(encoding="utf-8") == "OLD\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["out.jsonl"]
    deadline = time.monotonic() + 10
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _running(w)], "worker processes outlived the CLI"


def test_a_fifo_in_an_input_folder_is_skipped_by_name(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    (folder / "c.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", str(folder), "-q", "-o", str(target)],
                          cwd=ROOT, env=_env(), capture_output=True, timeout=60)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 1
    assert err == f"quoteattr: {folder / 'b.txt'}: not a regular file (a FIFO); skipped\n"
    docs = [json.loads(line)["doc"] for line in target.read_text(encoding="utf-8").splitlines()]
    assert docs == [str(folder / "a.txt"), str(folder / "c.txt")]


@pytest.mark.parametrize("locale", ["C", "C.UTF-8"])
def test_stray_bytes_on_stdin_are_a_clear_error_never_invalid_output(tmp_path, locale):
    data = ARTICLE.encode("utf-8").replace("tuyến".encode("utf-8"), b"tuy\xe9n")
    env = _env(LC_ALL=locale, LANG=locale)
    env.pop("PYTHONIOENCODING", None)
    env.pop("PYTHONUTF8", None)
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "-"], cwd=ROOT, env=env,
                          input=data, capture_output=True, timeout=60)
    assert proc.returncode != 0
    proc.stdout.decode("utf-8")  # never invalid UTF-8
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8", "replace")
    assert "stdin" in err and "not UTF-8" in err and "Traceback" not in err
    target = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "-", "-o", str(target)], cwd=ROOT,
                          env=env, input=data, capture_output=True, timeout=60)
    assert proc.returncode != 0 and b"Traceback" not in proc.stderr and b"stdin" in proc.stderr
    assert not target.exists() or target.read_bytes().decode("utf-8") == ""
