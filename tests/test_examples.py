"""The scripts in examples/ run as a user runs them (a subprocess, on seeds/) and say the right thing."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def example(name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, env=env, timeout=300)


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    """What the library gives for the seeds, doc = file name."""
    out = []
    for p in SEED_FILES:
        out.extend(r.to_dict() for r in quoteattr.extract(p.read_text(encoding="utf-8"), doc_id=p.name))
    return out


@pytest.fixture(scope="module")
def records_jsonl(tmp_path_factory) -> Path:
    """`quoteattr extract seeds -o records.jsonl`, as the who_said_what docstring says."""
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "-q", str(SEEDS), "-o", str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return path


# --------------------------------------------------------------------------- folder_to_csv.py
def test_folder_to_csv(tmp_path, expected):
    target = tmp_path / "records.csv"
    proc = example("folder_to_csv.py", str(SEEDS), "-o", str(target))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == f"{len(expected)} records from {len(SEED_FILES)} articles (0 failed) -> {target}"
    with target.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == quoteattr.RECORD_FIELDS
        rows = list(reader)
    assert [(r["doc"], r["quote"], r["speaker"]) for r in rows] == [
        (r["doc"], r["quote"], r["speaker"] or "") for r in expected]


def test_folder_to_csv_to_stdout_with_two_jobs_is_the_same(tmp_path):
    target = tmp_path / "one.csv"
    assert example("folder_to_csv.py", str(SEEDS), "-o", str(target)).returncode == 0
    proc = example("folder_to_csv.py", str(SEEDS), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == target.read_text(encoding="utf-8")


def test_folder_to_csv_reports_a_bad_file_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED_FILES[4].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    proc = example("folder_to_csv.py", str(folder), "--min-confidence", "0.7")
    assert proc.returncode == 1, proc.stderr  # an unreadable file is named and skipped
    assert "bad.txt: skipped: cannot read:" in proc.stderr and "(1 failed)" in proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert rows and {r["doc"] for r in rows} == {"good.txt"}
    assert all(float(r["confidence"]) >= 0.7 for r in rows)


def test_folder_to_csv_rejects_a_file_argument():
    proc = example("folder_to_csv.py", str(SEED_FILES[0]))
    assert proc.returncode == 2 and "is not a folder" in proc.stderr


# --------------------------------------------------------------------------- who_said_what.py
def test_who_said_what_by_keyword(records_jsonl):
    proc = example("who_said_what.py", str(records_jsonl), "--keyword", "thẳng thắn")
    assert proc.returncode == 0, proc.stderr
    assert "Jake Sullivan [mixed, cue “tuyên bố rằng”, via Sputnik" in proc.stdout
    assert "“cứng rắn và thẳng thắn”" in proc.stdout
    assert "Dương Khiết Trì [mixed" in proc.stdout and "“xây dựng và thẳng thắn”" in proc.stdout
    n = int(proc.stderr.split()[0])
    assert n == proc.stdout.count("\n    “") >= 2


def test_who_said_what_speaker_and_keyword_ignore_case_and_diacritics(records_jsonl):
    proc = example("who_said_what.py", str(records_jsonl), "--speaker", "duong khiet tri", "--keyword", "THẲNG",
                   "--json")
    assert proc.returncode == 0, proc.stderr
    found = [json.loads(line) for line in proc.stdout.splitlines()]
    assert found and {r["speaker"] for r in found} == {"Dương Khiết Trì"}
    assert "xây dựng và thẳng thắn" in {r["quote"] for r in found}
    assert all("thẳng" in r["quote"].casefold() for r in found)


def test_who_said_what_folds_tone_placement(tmp_path):
    records = tmp_path / "r.jsonl"
    rec = {"doc": "a.txt", "quote": "hai bên cam kết giữ hòa bình", "quote_start": 0, "quote_end": 28,
           "kind": "indirect", "speaker": "Nguyễn Văn Hùng", "speaker_mention": "ông Hùng", "cue": "cho biết",
           "source": None, "confidence": 0.8}
    records.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    for query in (["--keyword", "HOÀ BÌNH"], ["--keyword", "hoa binh"], ["--speaker", "ông hùng"]):
        proc = example("who_said_what.py", str(records), *query)
        assert proc.returncode == 0 and "Nguyễn Văn Hùng" in proc.stdout, (query, proc.stderr)
    proc = example("who_said_what.py", str(records), "--keyword", "chiến tranh")
    assert proc.returncode == 0 and proc.stdout == "" and proc.stderr.strip() == "0 matching records"


def test_who_said_what_needs_a_query(records_jsonl):
    proc = example("who_said_what.py", str(records_jsonl))
    assert proc.returncode == 2 and "give --speaker, --keyword, or both" in proc.stderr


def test_who_said_what_reports_a_bad_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"quote": "x"}\nnot json\n', encoding="utf-8")
    proc = example("who_said_what.py", str(bad), "-k", "zzz")
    assert proc.returncode != 0 and f"{bad}:2: not a JSON record" in proc.stderr and "Traceback" not in proc.stderr


# --------------------------------------------------------------------------- to_pandas.py
def test_to_pandas_on_a_folder(expected):
    pytest.importorskip("pandas")
    proc = example("to_pandas.py", str(SEEDS), "--top", "3")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith(f"{len(expected)} records from {len(SEED_FILES)} documents")
    kinds = {k: sum(r["kind"] == k for r in expected) for k in quoteattr.KINDS}
    for kind, n in kinds.items():
        if n:
            assert any(line.split() == [kind, str(n)] for line in out.splitlines()), kind
    assert "top 3 speakers" in out and "speaker × kind" in out


def test_to_pandas_on_jsonl_matches_the_folder(records_jsonl):
    pytest.importorskip("pandas")
    a = example("to_pandas.py", str(records_jsonl))
    b = example("to_pandas.py", str(SEEDS))
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    assert a.stdout == b.stdout


def test_to_pandas_without_pandas_says_so(tmp_path):
    """With pandas unimportable the script explains and exits 1, no traceback."""
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "pandas.py").write_text("raise ImportError('No module named pandas')\n", encoding="utf-8")
    env = {**__import__("os").environ, "PYTHONPATH": str(blocker)}
    proc = example("to_pandas.py", str(SEEDS), env=env)
    assert proc.returncode == 1
    assert "needs pandas" in proc.stderr and "pip install pandas" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("name", ["folder_to_csv.py", "who_said_what.py", "to_pandas.py"])
def test_every_example_has_help(name):
    proc = example(name, "--help")
    assert proc.returncode == 0 and proc.stdout.startswith("usage:")
