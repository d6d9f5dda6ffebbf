"""The package's own annotations hold: it ships ``py.typed``, so users' type checkers read them."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_package_type_checks():
    """mypy over quoteattr/ with the project's settings (pyproject.toml) finds no error: an
    annotation that says one thing while the code returns another misleads every caller."""
    pytest.importorskip("mypy")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "quoteattr"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Success"), proc.stdout
