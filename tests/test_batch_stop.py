"""Stopping a process pool whose worker died halfway through sending a result.

A signal can kill a worker while it writes its result to the pool's pipe; the
pool's manager thread then waits for the rest of that message.  ``_stop`` must
still end the pool: before it closed the parent's copy of the pipe's write end,
the CLI hung after SIGTERM.  The scene runs in a subprocess, since a manager
thread that never ends would hang this interpreter's exit too.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCENE = textwrap.dedent("""
    import multiprocessing as mp, os, struct, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from quoteattr.batch import _stop

    POOL = None

    def half_a_result():
        # what a worker killed mid-write leaves: a header for 100 kB, then 10 bytes
        os.write(POOL._result_queue._writer.fileno(), struct.pack("!i", 100_000) + b"x" * 10)
        time.sleep(120)

    POOL = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
    future = POOL.submit(half_a_result)
    time.sleep(1.5)  # the manager thread is now in recv(), waiting for the rest
    _stop(POOL)
    print("stopped", future.done())
""")


@pytest.mark.skipif(sys.platform == "win32", reason="fork start method")
def test_stop_ends_a_pool_whose_worker_died_mid_result():
    proc = subprocess.run([sys.executable, "-c", SCENE], cwd=ROOT, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert proc.stdout.decode() == "stopped True\n"
