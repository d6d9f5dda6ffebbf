"""The command line as users run it: formats, --jobs, stdin, -o, progress, streaming.

Runs ``quoteattr.cli.main`` in-process over the repository's seeds (and the
shared dev articles when present); a few tests start a real process on a
pseudo-terminal to see what a user at a terminal sees.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr
import quoteattr.batch
import quoteattr.cli
from quoteattr.cli import main
from quoteattr.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORE_PY = SHARED_EVAL / "score.py"
DEV_DOCS = SHARED_EVAL / "dev" / "docs"


def run(*args: str, stdout: io.StringIO | None = None, stderr: io.StringIO | None = None) -> tuple[int, str, str]:
    out = stdout if stdout is not None else io.StringIO()
    err = stderr if stderr is not None else io.StringIO()
    rc = main(list(args), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def jsonl(text: str) -> list[dict]:
    assert text.endswith("\n"), "output ends in a partial line"
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def seed_records() -> list[dict]:
    rc, out, err = run("extract", "-q", str(SEEDS))
    assert rc == 0, err
    return jsonl(out)


# --------------------------------------------------------------------------- formats
def test_jsonl_is_one_record_per_line_with_every_field(seed_records):
    assert len(seed_records) > 50
    for rec in seed_records:
        assert tuple(rec) == quoteattr.RECORD_FIELDS
    # offsets index the file as read
    texts = {str(p): p.read_text(encoding="utf-8") for p in SEED_FILES}
    for rec in seed_records:
        assert texts[rec["doc"]][rec["quote_start"]:rec["quote_end"]] == rec["quote"]
    # the README's example
    sullivan = [r for r in seed_records if r["quote"] == "cứng rắn và thẳng thắn"]
    assert [(r["speaker"], r["kind"], r["source"]) for r in sullivan] == [("Jake Sullivan", "mixed", "Sputnik")]


def test_json_is_the_same_records_as_one_array(seed_records):
    rc, out, err = run("extract", "-q", "-f", "json", str(SEEDS))
    assert rc == 0, err
    assert json.loads(out) == seed_records


def test_csv_has_the_record_fields_as_header(seed_records):
    rc, out, err = run("extract", "-q", "-f", "csv", str(SEEDS))
    assert rc == 0, err
    reader = csv.DictReader(io.StringIO(out))
    assert tuple(reader.fieldnames or ()) == quoteattr.RECORD_FIELDS
    rows = list(reader)
    assert len(rows) == len(seed_records)
    # values survive CSV quoting (quotes hold commas and quote marks); empty = null
    for row, rec in zip(rows, seed_records):
        assert row["quote"] == rec["quote"]
        assert row["speaker"] == (rec["speaker"] or "")
        assert int(row["quote_start"]) == rec["quote_start"]


def test_table_has_a_header_and_one_row_per_record(seed_records):
    rc, out, err = run("extract", "-q", "-f", "table", str(SEEDS))
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["doc", "kind", "speaker", "source", "conf", "quote"]
    assert len(lines) == len(seed_records) + 1
    row = next(line for line in lines if "cứng rắn và thẳng thắn" in line)
    assert row.startswith("004_87ec2e4034d10613.txt") and "Jake Sullivan" in row and "Sputnik" in row


def test_empty_json_output_is_still_valid(tmp_path):
    doc = tmp_path / "none.txt"
    doc.write_text("Trời hôm nay đẹp.", encoding="utf-8")
    rc, out, err = run("extract", "-q", "-f", "json", str(doc))
    assert rc == 0 and json.loads(out) == []


@pytest.mark.skipif(not SCORE_PY.is_file(), reason=f"the shared scorer is absent ({SCORE_PY})")
def test_jsonl_is_accepted_by_score_py(tmp_path):
    pred = tmp_path / "pred.jsonl"
    assert main(["extract", "-q", str(SEEDS), "-o", str(pred)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    proc = subprocess.run(
        [sys.executable, str(SCORE_PY), "--gold", str(SEEDS / "gold.jsonl"), "--pred", str(pred),
         "--docs", str(SEEDS), "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert scores["predicted"] == len(pred.read_text(encoding="utf-8").splitlines())
    assert scores["quote_lenient"]["f1"] > 0.8
    # and quoteattr eval on the same file gives the same numbers
    rc, out, err = run("eval", "--gold", str(SEEDS / "gold.jsonl"), "--pred", str(pred), "--json", str(SEEDS))
    assert rc == 0 and json.loads(out)["scores"] == scores


# --------------------------------------------------------------------------- --jobs and order
def test_jobs_2_writes_exactly_what_jobs_1_writes():
    paths = [str(SEEDS)] + ([str(DEV_DOCS)] if DEV_DOCS.is_dir() else [])
    rc1, one, err1 = run("extract", "-q", *paths)
    rc2, two, err2 = run("extract", "-q", "--jobs", "2", *paths)
    assert rc1 == rc2 == 0, err1 + err2
    assert two == one
    # in input order: arguments in order, each folder's files sorted
    order = [str(p) for p in SEED_FILES] + ([str(p) for p in sorted(DEV_DOCS.rglob("*.txt"))] if len(paths) > 1 else [])
    docs = list(dict.fromkeys(r["doc"] for r in jsonl(two)))
    assert docs == [d for d in order if d in set(docs)]


def test_extract_many_keeps_input_order_when_documents_finish_out_of_order():
    texts = [p.read_text(encoding="utf-8") for p in SEED_FILES]
    # a long document first, then short ones: workers finish out of order
    items = [(f"d{i}", texts[i % len(texts)] * (6 if i % 7 == 0 else 1)) for i in range(30)]
    got = list(quoteattr.extract_many(items, jobs=2, chunksize=1))
    assert [r.index for r in got] == list(range(30))
    assert [r.doc_id for r in got] == [d for d, _ in items]
    serial = list(quoteattr.extract_many(items))
    assert [r.records for r in got] == [r.records for r in serial]


# --------------------------------------------------------------------------- stdin and -o
def test_stdin_dash(monkeypatch, seed_records):
    doc = SEED_FILES[4]
    monkeypatch.setattr(sys, "stdin", io.StringIO(doc.read_text(encoding="utf-8")))
    rc, out, err = run("extract", "-q", "-")
    assert rc == 0, err
    got = jsonl(out)
    assert {r["doc"] for r in got} == {"-"}
    expected = [r for r in seed_records if r["doc"] == str(doc)]
    assert [{**r, "doc": None} for r in got] == [{**r, "doc": None} for r in expected]


def test_output_file_is_written_whole(tmp_path, seed_records):
    target = tmp_path / "records.jsonl"
    rc, out, err = run("extract", "-q", str(SEEDS), "-o", str(target))
    assert rc == 0 and out == "", err
    assert jsonl(target.read_text(encoding="utf-8")) == seed_records
    assert [p.name for p in tmp_path.iterdir()] == ["records.jsonl"]


def test_output_file_untouched_and_no_temp_file_when_the_run_fails(tmp_path, monkeypatch):
    """An unexpected error mid-run: the previous output stays, nothing partial is left."""
    target = tmp_path / "records.jsonl"
    target.write_text("PREVIOUS\n", encoding="utf-8")
    real = quoteattr.batch.extract_many

    def failing(items, **kwargs):
        for n, result in enumerate(real(items, **kwargs)):
            if n == 2:
                raise RuntimeError("worker lost")
            yield result

    monkeypatch.setattr(quoteattr.batch, "extract_many", failing)
    with pytest.raises(RuntimeError, match="worker lost"):
        main(["extract", "-q", str(SEEDS), "-o", str(target)], stdout=io.StringIO(), stderr=io.StringIO())
    assert target.read_text(encoding="utf-8") == "PREVIOUS\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl"]


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path):
    rc, out, err = run("extract", "-q", str(SEEDS), "-o", str(tmp_path / "no" / "x.jsonl"))
    assert rc == 2 and err.startswith("quoteattr: cannot write") and "Traceback" not in err


def test_main_leaves_sys_stdout_open(capsys):
    """main() without stdout= writes to sys.stdout and must not close it afterwards."""
    import gc

    assert main(["extract", "-q", str(SEED_FILES[2])]) == 0
    gc.collect()
    print("still open")
    out = capsys.readouterr().out
    assert out.endswith("still open\n") and '"quote"' in out


def test_main_writes_utf8_to_a_non_utf8_stdout_and_leaves_it_open(monkeypatch):
    """A latin-1 locale: records still come out as UTF-8, and sys.stdout survives."""
    import gc

    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1")
    monkeypatch.setattr(sys, "stdout", latin)
    assert main(["extract", "-q", str(SEED_FILES[4])]) == 0
    gc.collect()
    assert not raw.closed and not latin.closed
    latin.write("ok\n")
    latin.flush()
    lines = raw.getvalue().decode("utf-8").splitlines()
    assert lines[-1] == "ok"
    assert any(json.loads(line)["speaker"] == "Jake Sullivan" for line in lines[:-1])


# --------------------------------------------------------------------------- progress
class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_line_when_stderr_is_not_a_terminal():
    rc, out, err = run("extract", str(SEEDS))
    assert rc == 0 and "\r" not in err and "files/s" not in err  # only the summary (test_cli_batch.py)


def test_progress_shows_on_a_terminal_and_not_with_quiet():
    rc, out, err = run("extract", str(SEEDS), stderr=FakeTerminal())
    assert rc == 0
    assert f"{len(SEED_FILES)}/{len(SEED_FILES)} files" in err and "files/s" in err
    rc, out, err = run("extract", "--quiet", str(SEEDS), stderr=FakeTerminal())
    assert rc == 0 and err == ""


def test_forced_progress_shows_files_done_rate_and_eta():
    stream = io.StringIO()
    progress = Progress(4, stream=stream, enabled=True, interval=0)
    progress.update(3)
    progress.update(2, error=True)
    shown = stream.getvalue()
    assert "2/4 files" in shown and "5 records" in shown and "files/s" in shown and "ETA" in shown
    assert "1 failed" in shown and "[" + "#" * 10 + "." * 10 + "]" in shown
    progress.update(0)
    progress.update(1)
    progress.close()
    final = stream.getvalue().split("\r\x1b[K")[-1]
    assert final.startswith("[" + "#" * 20 + "] 4/4 files, 6 records") and " in 0:0" in final
    assert final.endswith("\n")


def test_progress_without_a_total_counts_files():
    stream = io.StringIO()
    progress = Progress(None, stream=stream, enabled=True, interval=0)
    progress.update(7)
    assert "1 files, 7 records" in stream.getvalue() and "ETA" not in stream.getvalue()


def test_disabled_progress_writes_nothing():
    stream = FakeTerminal()
    progress = Progress(3, stream=stream, enabled=False)
    progress.update(1)
    progress.close()
    assert stream.getvalue() == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_stays_off_when_records_print_to_the_same_terminal():
    import pty

    master, slave = pty.openpty()
    other_master, other_slave = pty.openpty()
    try:
        with open(slave, "w", closefd=False) as err, open(os.dup(slave), "w") as same, \
                open(other_slave, "w", closefd=False) as other:
            assert Progress(1, stream=err).enabled
            assert not Progress(1, stream=err, output=same).enabled
            assert Progress(1, stream=err, output=other).enabled
            assert Progress(1, stream=err, output=io.StringIO()).enabled
    finally:
        for fd in (master, slave, other_master, other_slave):
            os.close(fd)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_on_a_real_terminal(tmp_path):
    """A real process with stderr on a terminal: the bar is drawn, records go to the file."""
    import pty

    master, slave = pty.openpty()
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", str(SEEDS), "-o", str(target)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the terminal closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=300) == 0
    shown = b"".join(chunks).decode("utf-8")
    n = len(SEED_FILES)
    assert f"] {n}/{n} files" in shown and "files/s" in shown and "\x1b[K" in shown
    assert target.is_file()


# --------------------------------------------------------------------------- streaming
class Consumption:
    """Items handed out by a generator, counted as they are taken."""

    def __init__(self, items):
        self.items = list(items)
        self.taken = 0

    def __iter__(self):
        for item in self.items:
            self.taken += 1
            yield item


def test_extract_many_is_lazy_in_one_process():
    texts = [p.read_text(encoding="utf-8") for p in SEED_FILES]
    feed = Consumption((f"d{i}", texts[i % len(texts)]) for i in range(50))
    results = quoteattr.extract_many(iter(feed))
    assert feed.taken == 0  # nothing happens before the first result is asked for
    first = next(results)
    assert first.index == 0 and first.records
    assert feed.taken == 1
    next(results)
    assert feed.taken == 2
    results.close()


def test_extract_many_with_workers_yields_before_reading_everything():
    texts = [p.read_text(encoding="utf-8") for p in SEED_FILES]
    feed = Consumption((f"d{i}", texts[i % len(texts)]) for i in range(60))
    results = quoteattr.extract_many(iter(feed), jobs=2)
    first = next(results)
    assert first.index == 0
    assert feed.taken < len(feed.items)
    results.close()


def test_extract_many_with_workers_does_not_read_ahead_of_a_slow_reader():
    """A reader that stops (a full pipe, `| less`) must not make the workers read
    and hold the whole input: only a bounded window of documents is in flight."""
    import time

    texts = [p.read_text(encoding="utf-8") for p in SEED_FILES]
    feed = Consumption((f"d{i}", texts[i % len(texts)]) for i in range(200))
    results = quoteattr.extract_many(iter(feed), jobs=2, chunksize=4)
    next(results)
    at_first = feed.taken
    time.sleep(3)  # the consumer stalls; time enough for the workers to finish dozens of documents
    assert feed.taken <= 24, f"{feed.taken} of 200 documents read before the consumer took the second"
    assert feed.taken - at_first <= 4, f"read on from {at_first} to {feed.taken} while the consumer was stalled"
    results.close()


def test_extract_many_accepts_plain_texts_and_pairs():
    text = SEED_FILES[4].read_text(encoding="utf-8")
    a, b = quoteattr.extract_many([text, ("004", text)])
    assert (a.doc_id, b.doc_id) == (None, "004")
    assert [r.quote for r in a.records] == [r.quote for r in b.records]
    assert all(r.doc == "004" for r in b.records)


def test_cli_writes_each_document_before_reading_the_next(monkeypatch):
    """Records of the first article reach stdout while the second is still unread."""
    read = []
    real = quoteattr.cli.read_documents

    def counting(paths, *args, **kwargs):
        for item in real(paths, *args, **kwargs):
            read.append(item[0])
            yield item

    class Watch(io.StringIO):
        seen_at_first_record: list[str] | None = None

        def write(self, s):
            if self.seen_at_first_record is None and '"quote"' in s:
                self.seen_at_first_record = list(read)
            return super().write(s)

    monkeypatch.setattr(quoteattr.cli, "read_documents", counting)
    out = Watch()
    rc = main(["extract", "-q", str(SEEDS)], stdout=out, stderr=io.StringIO())
    assert rc == 0
    assert out.seen_at_first_record == [str(SEED_FILES[0])]
    assert read == [str(p) for p in SEED_FILES]


# --------------------------------------------------------------------------- odds and ends
def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith(f"quoteattr {quoteattr.__version__} (")


def test_unreadable_input_is_reported_and_the_rest_written(tmp_path):
    missing = tmp_path / "missing.txt"
    rc, out, err = run("extract", "-q", str(missing), str(SEED_FILES[2]))
    assert rc == 1
    assert err.strip() == f"quoteattr: {missing}: no such file (or it vanished before it was read)"
    assert {r["doc"] for r in jsonl(out)} == {str(SEED_FILES[2])}


@pytest.mark.parametrize("args", [
    ["extract"],
    ["extract", "--jobs", "0", "seeds"],
    ["extract", "--format", "xml", "seeds"],
    ["extract", "--min-confidence", "2", "seeds"],
    ["nonsense"],
])
def test_usage_errors_exit_2(args, capsys):
    assert main(args) == 2
    assert "usage:" in capsys.readouterr().err


def test_min_confidence_drops_records(seed_records):
    rc, out, err = run("extract", "-q", "--min-confidence", "0.8", str(SEEDS))
    assert rc == 0
    kept = jsonl(out)
    assert kept and all(r["confidence"] >= 0.8 for r in kept)
    assert kept == [r for r in seed_records if r["confidence"] >= 0.8]
