"""Batch use of the CLI as users meet it: outputs, archives, encodings, eval, provenance.

Most tests call ``quoteattr.cli.main`` in-process; the ones about what a
terminal shows or how the process ends run the CLI as a subprocess.
Signals, odd files and stdin bytes are in ``test_cli_signals.py``.
"""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import quoteattr
import quoteattr.batch
from quoteattr.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# articles of our own, each with one record
ARTICLES = {
    "mai.txt": 'Bà Trần Thị Mai, Giám đốc Sở Y tế Hà Nội, cho biết: "Chúng tôi đã chuẩn bị đủ thuốc '
               'cho mùa dịch năm nay."\n',
    "nam.txt": "Theo ông Lê Văn Nam, giá điện sẽ không tăng trong quý tới.\n",
    "bao.txt": "Ông Phạm Quốc Bảo khẳng định rằng tuyến đường sẽ được thông xe vào cuối năm.\n",
}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(list(args), stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """The CLI in a process of its own, importing this checkout."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "quoteattr", *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=300, **kwargs)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def records_of(folder: Path, *extra: str) -> list[dict]:
    rc, out, err = run("extract", "-q", str(folder), *extra)
    assert rc == 0, err
    return jsonl(out)


def without_doc(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "doc"} for r in records]


# --------------------------------------------------------------------------- 13.1 progress


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_is_never_glued_to_records_on_the_same_terminal():
    """stdout and stderr on one terminal, no -q: every record line is a whole JSON object."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", str(SEEDS), "--format", "jsonl"],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, cwd=ROOT, env=env)
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
    lines = [ln for ln in b"".join(chunks).decode("utf-8").replace("\r\n", "\n").split("\n") if ln]
    records = [ln for ln in lines if '"doc"' in ln]
    assert records, lines[:3]
    for line in records:
        assert line.startswith("{") and "files/s" not in line and "\x1b" not in line, line[:120]
        json.loads(line)


# --------------------------------------------------------------------------- 13.2 / 14.7 --jobs exit


@pytest.mark.slow
def test_jobs_2_exits_without_a_traceback_in_20_runs(tmp_path):
    for i in range(20):
        proc = cli("extract", str(SEEDS), "--jobs", "2", "-q", "-o", str(tmp_path / f"out{i}.jsonl"))
        stderr = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 0 and "Traceback" not in stderr and "Bad file descriptor" not in stderr, \
            f"run {i}: {stderr}"


def test_extract_many_with_workers_exits_without_a_traceback():
    code = ("import pathlib, quoteattr\n"
            f"texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path({str(SEEDS)!r}).glob('*.txt'))]\n"
            "print(sum(len(r.records) for r in quoteattr.extract_many(texts * 2, jobs=2)))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(8):
        proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=300)
        assert proc.returncode == 0 and proc.stderr == b"", proc.stderr.decode("utf-8", "replace")


# --------------------------------------------------------------------------- 13.3 parquet folders


def test_a_non_empty_parquet_folder_is_refused_then_appended_or_overwritten(tmp_path, docs):
    pq = pytest.importorskip("pyarrow.parquet")
    ds = pytest.importorskip("pyarrow.dataset")
    folder = tmp_path / "records"
    rc, _, err = run("extract", "-q", str(docs), "-f", "parquet", "-o", str(folder))
    assert rc == 0, err
    first = pq.read_table(folder / "part-00000.parquet").to_pylist()
    assert len(first) == 3

    rc, _, err = run("extract", "-q", str(SEEDS), "-f", "parquet", "-o", str(folder))
    assert rc == 2 and "not empty" in err and "--overwrite" in err and "--append" in err
    assert pq.read_table(folder / "part-00000.parquet").to_pylist() == first  # untouched

    rc, _, err = run("extract", "-q", str(SEEDS), "-f", "parquet", "-o", str(folder), "--append")
    assert rc == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    seeds = pq.read_table(folder / "part-00001.parquet").to_pylist()
    assert seeds and {r["doc"] for r in seeds} <= {str(p) for p in SEEDS.glob("*.txt")}
    assert ds.dataset(folder, format="parquet").count_rows() == len(first) + len(seeds)

    rc, _, err = run("extract", "-q", str(docs), "-f", "parquet", "-o", str(folder), "--overwrite")
    assert rc == 0, err
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]
    assert pq.read_table(folder / "part-00000.parquet").to_pylist() == first


def test_append_needs_a_parquet_folder(tmp_path, docs):
    rc, _, err = run("extract", "-q", str(docs), "-o", str(tmp_path / "x.jsonl"), "--append")
    assert rc == 2 and "--append needs a Parquet folder" in err


# --------------------------------------------------------------------------- 13.4 output choices


def test_the_output_extension_chooses_the_format(tmp_path, docs, monkeypatch):
    expected = records_of(docs)
    rc, _, err = run("extract", "-q", str(docs), "-o", str(tmp_path / "r.csv"))
    assert rc == 0, err
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("doc,")
    rc, _, err = run("extract", "-q", str(docs), "-o", str(tmp_path / "r.json"))
    assert rc == 0 and json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == expected
    pq = pytest.importorskip("pyarrow.parquet")
    rc, _, err = run("extract", "-q", str(docs), "-o", str(tmp_path / "r.parquet"))
    assert rc == 0 and pq.read_table(tmp_path / "r.parquet").num_rows == len(expected)


def test_dash_output_is_stdout(tmp_path, docs, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rc, out, err = run("extract", "-q", str(docs), "-o", "-")
    assert rc == 0 and jsonl(out) == records_of(docs)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt, name", [("csv", "r.parquet"), ("jsonl", "r.json"), ("json", "r.csv"),
                                       ("parquet", "r.jsonl")])
def test_a_format_that_contradicts_the_extension_is_refused(tmp_path, docs, fmt, name):
    rc, _, err = run("extract", "-q", str(docs), "-f", fmt, "-o", str(tmp_path / name))
    assert rc == 2 and "contradicts" in err
    assert list(tmp_path.iterdir()) == [docs]


# --------------------------------------------------------------------------- 13.5 missing extras


def test_a_missing_optional_package_is_one_line_naming_the_extra(tmp_path, docs, monkeypatch):
    for module in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    target = tmp_path / "in.parquet"
    target.write_bytes(b"PAR1")
    for args in (["--input-format", "parquet", str(target)], [str(docs), "-o", str(tmp_path / "o.parquet")]):
        rc, out, err = run("extract", "-q", *args)
        assert rc == 2 and out == ""
        assert len(err.splitlines()) == 1 and "quoteattr[parquet]" in err, err


# --------------------------------------------------------------------------- 13.6 archive input


def _rows(n: int) -> list[dict]:
    texts = list(ARTICLES.values())
    return [{"url": f"https://tin.example/{i}", "body": texts[i % len(texts)]} for i in range(n)]


def test_a_wrong_id_column_is_one_message_listing_the_columns(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _rows(40)), encoding="utf-8")
    rc, out, err = run("extract", "-q", "--input-format", "jsonl", "--text-column", "body", str(path))
    assert rc == 1 and out == ""
    assert len(err.splitlines()) == 1 and "'url'" in err and "'body'" in err and "--id-column" in err


def test_a_wrong_parquet_column_is_one_message_listing_the_columns(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(_rows(40)), path)
    rc, out, err = run("extract", "-q", "--input-format", "parquet", "--id-column", "url", str(path))
    assert rc == 1 and len(err.splitlines()) == 1
    assert "'text'" in err and "'url', 'body'" in err and "--text-column" in err


@pytest.mark.parametrize("suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress),
                                              (".xz", lzma.compress)])
def test_compressed_inputs_are_read_transparently(tmp_path, docs, suffix, compress):
    expected = records_of(docs)
    packed = tmp_path / "packed"
    packed.mkdir()
    for name, text in ARTICLES.items():
        (packed / (name + suffix)).write_bytes(compress(text.encode("utf-8")))
    assert without_doc(records_of(packed)) == without_doc(expected)
    rows = tmp_path / ("rows.jsonl" + suffix)
    rows.write_bytes(compress("".join(json.dumps({"id": n, "text": t}, ensure_ascii=False) + "\n"
                                      for n, t in sorted(ARTICLES.items())).encode("utf-8")))
    rc, out, err = run("extract", "-q", "--input-format", "jsonl", str(rows))
    assert rc == 0 and err == ""
    assert without_doc(jsonl(out)) == without_doc(expected)


# --------------------------------------------------------------------------- 13.7 eval


@pytest.fixture
def gold(tmp_path, docs) -> Path:
    path = tmp_path / "gold.jsonl"
    rc, _, err = run("extract", "-q", str(docs), "-o", str(path))
    assert rc == 0, err
    return path


def test_eval_with_no_matching_document_says_so_and_fails(tmp_path, gold):
    other = tmp_path / "other"
    other.mkdir()
    (other / "unrelated.txt").write_text(ARTICLES["nam.txt"], encoding="utf-8")
    rc, out, err = run("eval", "--gold", str(gold), str(other))
    assert rc != 0 and out == ""
    assert "none of the 3 gold documents" in err


def test_eval_reports_how_many_documents_matched(tmp_path, gold, docs):
    (docs / "bao.txt").unlink()
    rc, out, err = run("eval", "--gold", str(gold), str(docs))
    assert rc == 0 and "2 of 3 gold documents found" in err


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_eval_reads_predictions_in_the_tools_other_formats(tmp_path, gold, docs, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    pred = tmp_path / f"pred.{fmt}"
    rc, _, err = run("extract", "-q", str(docs), "-f", fmt, "-o", str(pred))
    assert rc == 0, err
    rc, out, err = run("eval", "--json", "--gold", str(gold), "--pred", str(pred), str(docs))
    assert rc == 0, err
    rc, ref, err = run("eval", "--json", "--gold", str(gold), "--pred", str(gold), str(docs))
    scores = json.loads(out)["scores"]
    assert scores == json.loads(ref)["scores"] and scores["predicted"] == 3
    assert scores["attribution"]["f1"] == 1.0


def test_eval_with_predictions_for_other_documents_fails(tmp_path, gold, docs):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(gold.read_text(encoding="utf-8").replace("mai.txt", "khac.txt").replace(
        "nam.txt", "khac.txt").replace("bao.txt", "khac.txt"), encoding="utf-8")
    rc, _, err = run("eval", "--gold", str(gold), "--pred", str(pred), str(docs))
    assert rc != 0 and "no document of the predictions" in err


# --------------------------------------------------------------------------- 13.8 worker start-up


def _unbuildable(**config):
    raise OSError("stanza model folder /nowhere/stanza-vi: no such folder")


def test_a_worker_that_cannot_start_reports_its_real_cause(monkeypatch):
    att = quoteattr.Attributor()
    monkeypatch.setattr(quoteattr.batch, "Attributor", _unbuildable)  # what the forked workers build
    with pytest.raises(quoteattr.batch.WorkerStartError, match="stanza model folder /nowhere"):
        list(quoteattr.extract_many(list(ARTICLES.values()) * 4, attributor=att, jobs=2))


def test_the_cli_names_why_its_workers_could_not_start(monkeypatch, docs):
    monkeypatch.setattr(quoteattr.batch, "Attributor", _unbuildable)
    rc, out, err = run("extract", "-q", "--jobs", "2", str(docs))
    assert rc == 2 and out == ""
    assert len(err.splitlines()) == 1 and "stanza model folder /nowhere" in err
    assert "worker process died" not in err


# --------------------------------------------------------------------------- 13.9 encodings

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """cp1258 writes a tone as a combining mark after a (possibly precomposed) vowel."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            tone = "".join(m for m in d[1:] if m in _TONES)
            base = unicodedata.normalize("NFC", d[0] + "".join(m for m in d[1:] if m not in _TONES))
            out += (base + tone).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_are_read_by_their_byte_order_mark(tmp_path, docs, codec):
    expected = without_doc(records_of(docs))
    wide = tmp_path / "wide"
    wide.mkdir()
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
           "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}[codec]
    for name, text in ARTICLES.items():
        (wide / name).write_bytes(bom + text.encode(codec))
    assert without_doc(records_of(wide)) == expected


def test_a_cp1258_file_hints_at_encoding_and_reads_with_it(tmp_path):
    path = tmp_path / "mai.txt"
    path.write_bytes(to_cp1258(ARTICLES["mai.txt"]))
    rc, out, err = run("extract", "-q", str(path))
    assert rc == 1 and out == "" and "--encoding" in err and "cp1258" in err
    rc, out, err = run("extract", "-q", "--encoding", "cp1258", str(path))
    assert rc == 0, err
    (rec,) = jsonl(out)
    text = path.read_bytes().decode("cp1258")
    assert rec["speaker"] == "Trần Thị Mai" and text[rec["quote_start"]:rec["quote_end"]] == rec["quote"]


def test_an_unknown_encoding_is_a_usage_error(docs, capsys):
    assert main(["extract", "--encoding", "klingon", str(docs)]) == 2  # argparse writes to sys.stderr
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


def test_txt_matches_case_insensitively_and_glob_chooses_other_files(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "A.TXT").write_text(ARTICLES["mai.txt"], encoding="utf-8")
    (folder / "b.Txt").write_text(ARTICLES["nam.txt"], encoding="utf-8")
    (folder / "c.md").write_text(ARTICLES["bao.txt"], encoding="utf-8")
    assert {Path(r["doc"]).name for r in records_of(folder)} == {"A.TXT", "b.Txt"}
    assert {Path(r["doc"]).name for r in records_of(folder, "--glob", "*.md")} == {"c.md"}


# --------------------------------------------------------------------------- 13.10 a well-kept package


def test_readme_set_up_makes_a_virtual_environment_before_installing():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    block = setup.split("```bash", 1)[1].split("```", 1)[0]
    lines = [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    venv = next(i for i, ln in enumerate(lines) if re.search(r"-m venv \S+", ln))
    activate = next(i for i, ln in enumerate(lines) if "activate" in ln)
    install = next(i for i, ln in enumerate(lines) if "pip install" in ln)
    assert venv < activate < install


def test_the_version_lives_in_one_place():
    import importlib.metadata
    import tomllib  # noqa: F401 - Python 3.11+

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert importlib.metadata.version("quoteattr") == quoteattr.__version__


def test_the_changelog_has_an_entry_for_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(quoteattr.__version__)}\]?", changelog, re.M)


def test_verbose_names_each_document_and_quiet_says_nothing(docs):
    rc, _, err = run("extract", "-v", str(docs))
    assert rc == 0
    for name in ARTICLES:
        assert f"{docs / name}: 1 records" in err
    rc, _, err = run("extract", "-q", str(docs))
    assert rc == 0 and err == ""


def test_off_a_terminal_there_is_a_summary_and_no_progress_line(docs):
    rc, out, err = run("extract", str(docs))
    assert rc == 0 and "\r" not in err and "\x1b" not in err
    assert re.fullmatch(r"quoteattr: 3 documents, 3 records, 0 failed, \d+\.\d s\n", err), err


def test_version_shows_the_lexicon_checksum(capsys):
    assert main(["--version"]) == 0
    shown = capsys.readouterr().out.strip()
    digest = quoteattr.Lexicon.default().checksum()
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert shown == f"quoteattr {quoteattr.__version__} (built-in lexicons sha256:{digest})"


def test_the_lexicon_checksum_follows_the_entries():
    lex = quoteattr.Lexicon.default()
    assert lex.checksum() == quoteattr.Lexicon.default().checksum()
    assert lex.extended(honorifics=["ngài đại sứ"]).checksum() != lex.checksum()


def test_parquet_metadata_and_eval_json_say_what_made_them(tmp_path, docs, gold):
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "r.parquet"
    rc, _, err = run("extract", "-q", str(docs), "-o", str(target))
    assert rc == 0, err
    made = json.loads(pq.read_schema(target).metadata[b"quoteattr"])
    expected = {"version": quoteattr.__version__, "engine": "rules",
                "lexicon_sha256": quoteattr.Lexicon.default().checksum()}
    assert made == expected
    rc, out, err = run("eval", "--json", "--gold", str(gold), str(docs))
    result = json.loads(out)
    assert result["provenance"] == expected
    # the scorer's keys stay as score.py prints them
    assert set(result["scores"]) == set(quoteattr.evaluate(gold, docs).scores.to_dict())


def test_mypy_sees_the_installed_packages_types(tmp_path):
    """After the README's editable install, a type checker run elsewhere finds the types."""
    pytest.importorskip("mypy")
    snippet = tmp_path / "use.py"
    snippet.write_text("import quoteattr\ncount: int = quoteattr.extract('x')\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", str(snippet)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)
    assert 'has type "list[Attribution]", variable has type "int"' in proc.stdout, proc.stdout
