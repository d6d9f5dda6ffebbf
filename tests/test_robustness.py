"""Adversarial input and bad input at the edges: the library never crashes,
hangs, or silently drops or corrupts a record.

* adversarial texts (100 000 quote marks, long capitalised runs, unclosed
  nested quotes, thousands of cues with no quote, a 5 MB line …) return a list
  in bounded time; a 1 MB mix of them must finish well inside a generous
  bound, which a quadratic blow-up would not (the slope itself is measured
  by ``benchmarks/bench_scaling.py``);
* text hygiene: \\r\\n, \\r, form feeds, BOM, HTML entities and leftover tags;
* batch: one failing document never costs the others their records;
* CLI: unreadable, non-UTF-8, binary, vanished inputs, empty folders,
  unwritable or full output, Ctrl-C.
"""
from __future__ import annotations

import errno
import io
import json
import os
import sys
from pathlib import Path

import pytest

import quoteattr
import quoteattr.io as qio
from quoteattr import Attributor, extract_many
from quoteattr.cli import main
from quoteattr.io import ReadError, RecordWriter

from .strategies import check_offsets, dicts, shifted, signature, time_limit

ATT = Attributor()
ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))

GOOD = "Ông Nguyễn Văn Hùng cho biết: “Dự án sẽ hoàn thành vào tháng 6”."
GOOD2 = "Bà Trần Thị Lan, Giám đốc Sở Y tế, nói rằng bệnh viện đã sẵn sàng."


def _extract_checked(text: str, seconds: float = 60):
    with time_limit(seconds):
        recs = ATT.extract(text)
    check_offsets(text, recs)
    return recs


# ---------------------------------------------------------------------------
# adversarial input
# ---------------------------------------------------------------------------
def adversarial(kind: str, size: int) -> str:
    """``size`` characters of one adversarial pattern (also used by the benchmark)."""
    unit = {
        "straight_quotes": '"',
        "curly_quotes": "“",
        "closing_quotes": "”",
        "mixed_quotes": "“”\"«»„‘’‚'‹›「」",
        "nested_unclosed": "“Ông A nói «B „C ‘D ",
        "capitalised_run": "Nguyễn Văn Hùng Trần Thị Lan Bộ Y Tế UBND ",
        "titled_names": "Giáo sư Tiến sĩ Bộ trưởng Ông Nguyễn Văn ",
        "cues_no_quote": "ông Hùng cho biết, bà Lan nói rằng, theo ông Minh, ",
        "colons": "Ông Hùng: ",
        "theo_run": "Theo Reuters, ",
        "dots": ".",
        "ellipses": "… ",
        "one_long_word": "a",
        "combining": "a\u0301\u0323",
        "entities": "&quot;&#8220;&amp;&#x201D;",
        "tags": "<b>Ông</b> <p>",
        "invisible": "\u200b\ufeff\u202e\u00ad",
        "controls": "".join(chr(c) for c in range(1, 32)),
        "breaks": "\n\f\x1e\r",
        "emoji_rtl": "😀\u202eمرحبا\u202c👍🏽 ",
        "surrogates": "\ud800x\udfff",
        "apostrophes": "O'Brien's 'a' ",
    }[kind]
    return (unit * (size // len(unit) + 1))[:size]


ADVERSARIAL_KINDS = (
    "straight_quotes", "curly_quotes", "closing_quotes", "mixed_quotes", "nested_unclosed", "capitalised_run",
    "titled_names", "cues_no_quote", "colons", "theo_run", "dots", "ellipses", "one_long_word", "combining",
    "entities", "tags", "invisible", "controls", "breaks", "emoji_rtl", "surrogates", "apostrophes",
)


@pytest.mark.parametrize("kind", ADVERSARIAL_KINDS)
def test_adversarial_100k_returns_a_list(kind):
    """100 000 characters of each pattern: a list of valid records, in seconds."""
    recs = _extract_checked(adversarial(kind, 100_000), seconds=60)
    assert isinstance(recs, list)


@pytest.mark.parametrize("marks", ["“", "”", '"', "«", "»", "„", "'", "“”", '""', "„“", "«»"])
def test_100000_quote_marks(marks):
    """100 000 quote marks in a row, one style or a pair repeated: no quote, no error."""
    assert _extract_checked(marks * (100_000 // len(marks)), seconds=30) == []


def test_20000_of_every_other_quote_mark():
    for ch in "‟‘’‚‛‹›「」『』〝〞❝❞＂":
        assert _extract_checked(ch * 20_000, seconds=30) == []


#: the patterns most likely to meet a quadratic step: long paragraphs full of cues, names or open quotes
RISKY_KINDS = ("nested_unclosed", "cues_no_quote", "capitalised_run", "titled_names", "mixed_quotes", "theo_run")


def test_adversarial_1mb_mix_finishes():
    """1 MB of adversarial text must finish within a generous bound: 125 KB
    paragraphs of each risky pattern plus 16 KB of every other one.  Linear time
    takes seconds here; a step quadratic in the paragraph would take many minutes."""
    others = [k for k in ADVERSARIAL_KINDS if k not in RISKY_KINDS]
    parts = [adversarial(k, 125_000) for k in RISKY_KINDS] + [adversarial(k, 15_625) for k in others]
    text = "\n".join(parts)
    assert len(text) >= 1_000_000
    _extract_checked(text, seconds=240)


@pytest.mark.slow
def test_single_5mb_line_of_news():
    """Real articles with every line break removed: one 5 MB paragraph."""
    line = " ".join(SEED_TEXT.split("\n"))
    text = (line * (5_000_000 // len(line) + 1))[:5_000_000]
    recs = _extract_checked(text, seconds=400)
    assert len(recs) > 100


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\f", "\x1e\x1e", "\ufeff", "\u200b\u200e", "\r\n", "&nbsp;",
                                  "<p></p>", "“”", '""', "\x00", "\ud800"])
def test_empty_or_blank_gives_no_records(text):
    assert ATT.extract(text) == []


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"x"), None, 42, ["list"], memoryview(b"x")])
def test_non_str_raises_type_error(value):
    with pytest.raises(TypeError, match="must be str"):
        ATT.extract(value)
    with pytest.raises(TypeError):
        quoteattr.extract(value)


def test_non_str_doc_id_raises_type_error():
    with pytest.raises(TypeError, match="doc_id"):
        ATT.extract(GOOD, doc_id=5)


# ---------------------------------------------------------------------------
# text hygiene: line ends, BOM, entities, tags
# ---------------------------------------------------------------------------
def test_crlf_and_cr_line_ends():
    text = GOOD + "\n" + GOOD2 + "\n"
    base = ATT.extract(text)
    assert len(base) == 2
    for nl in ("\r\n", "\r"):
        variant = text.replace("\n", nl)
        recs = _extract_checked(variant)
        assert signature(recs) == signature(base)
    # \r is one character for one: offsets do not move at all
    assert dicts(ATT.extract(text.replace("\n", "\r"))) == dicts(base)


def test_bom_shifts_offsets_by_one():
    recs = _extract_checked("\ufeff" + GOOD)
    assert shifted(ATT.extract(GOOD), 1) == dicts(recs)


def test_form_feed_is_an_article_break():
    first = "Ông Nguyễn Văn Hùng là giám đốc công ty."
    second = "Ông nói: “Dự án sẽ xong trong năm nay”."
    assert [r.speaker.name for r in ATT.extract(first + "\n" + second)] == ["Nguyễn Văn Hùng"]
    assert ATT.extract(first + "\n\f\n" + second) == []


def test_html_entities_are_decoded_and_spans_keep_them():
    text = "Ông Nguyễn Văn Hùng cho biết: &#8220;Dự án A &amp; B sẽ xong&#8221;."
    (rec,) = _extract_checked(text)
    assert rec.quote.text == "Dự án A &amp; B sẽ xong"
    assert rec.speaker.name == "Nguyễn Văn Hùng"
    (rec,) = _extract_checked(GOOD.replace("“", "&quot;").replace("”", "&quot;"))
    assert rec.quote.text == "Dự án sẽ hoàn thành vào tháng 6"
    (rec,) = _extract_checked(GOOD.replace("Văn", "V&#259;n"))  # ă as a character reference
    assert rec.speaker.key == "nguyễn văn hùng"


def test_leftover_tags_are_blanked():
    text = ('<p>Ông <a href="/tac-gia?id=1&x=2">Nguyễn Văn Hùng</a> cho biết: <b>“Dự án sẽ xong”</b>.</p>'
            "<p>Ông nói thêm: “Không có gì thay đổi”.</p>")
    recs = _extract_checked(text)
    assert [(r.speaker.name, r.quote.text) for r in recs] == [
        ("Nguyễn Văn Hùng", "Dự án sẽ xong"), ("Nguyễn Văn Hùng", "Không có gì thay đổi")]
    assert "<a href" in recs[0].speaker.mention.text  # spans index the caller's text, tags and all


def test_text_that_only_looks_like_tags_is_kept():
    (rec,) = _extract_checked("Ông Nguyễn Văn Hùng cho biết: “Giá x < y và y > z, tăng <3 lần”.")
    assert rec.quote.text == "Giá x < y và y > z, tăng <3 lần"


def test_nul_and_lone_surrogates_inside_a_document():
    text = GOOD.replace(" cho", "\x00 cho") + "\ud800"
    recs = _extract_checked(text)
    assert len(recs) == 1


# ---------------------------------------------------------------------------
# batch: nothing lost
# ---------------------------------------------------------------------------
def _failing_extract(original):
    def extract(self, text, *, doc_id=None):
        if "BOOM" in text:
            raise RuntimeError("simulated failure")
        if "DEEP" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, text, doc_id=doc_id)
    return extract


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_failing_document_never_loses_the_others(monkeypatch, jobs):
    monkeypatch.setattr(Attributor, "extract", _failing_extract(Attributor.extract))
    items = [("a", GOOD), ("b", "BOOM " + GOOD), ("c", GOOD2), ("d", ReadError("not UTF-8 text")),
             ("e", b"bytes"), ("f", "DEEP"), ("g", GOOD)]
    results = list(extract_many(items, attributor=ATT, jobs=jobs, chunksize=2))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.doc_id for r in results] == [i for i, _ in items]
    assert [r.ok for r in results] == [True, False, True, False, False, False, True]
    assert "RuntimeError: simulated failure" in results[1].error
    assert "RecursionError" in results[5].error
    assert results[3].error == "not UTF-8 text"
    for res, (doc_id, text) in zip(results, items):
        if res.ok:
            assert res.records and dicts(res.records) == dicts(ATT.extract(text, doc_id=doc_id))


def test_batch_parallel_equals_serial():
    docs = [(f"d{i}", t) for i, t in enumerate(SEED_TEXT.split("\n\n")[:40])]
    serial = list(extract_many(docs, attributor=ATT))
    parallel = list(extract_many(docs, attributor=ATT, jobs=2, chunksize=3))
    assert [(r.index, r.doc_id, dicts(r.records), r.error) for r in parallel] == \
        [(r.index, r.doc_id, dicts(r.records), r.error) for r in serial]


def test_batch_malformed_items_are_reported_in_place():
    results = list(extract_many([GOOD, ("x", GOOD, "extra"), 42, (None, GOOD)], attributor=ATT))
    assert [r.ok for r in results] == [True, False, False, True]
    assert "tuple of 3" in results[1].error


# ---------------------------------------------------------------------------
# CLI at the edges
# ---------------------------------------------------------------------------
def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(["extract", "-q", *args], stdout=out, stderr=err)
    return rc, out.getvalue(), err.getvalue()


def jsonl(text: str) -> list[dict]:
    lines = text.split("\n")
    assert lines[-1] == "", "output ends in a partial line"
    return [json.loads(line) for line in lines[:-1]]


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe not \xc3 utf-8")
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "d.txt").write_text(GOOD2, encoding="utf-8")
    return folder


def no_partial_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_cli_non_utf8_and_binary_are_named_and_the_rest_written(docs):
    rc, out, err = run_cli(str(docs))
    assert rc == 1
    assert f"{docs / 'b.txt'}: not UTF-8 text" in err
    assert f"{docs / 'c.txt'}: binary file" in err
    assert "Traceback" not in err
    assert {r["doc"] for r in jsonl(out)} == {str(docs / "a.txt"), str(docs / "d.txt")}


def test_cli_every_input_is_accounted_for(docs, tmp_path):
    missing = tmp_path / "missing.txt"
    rc, out, err = run_cli(str(docs), str(missing))
    assert rc == 1
    named = {line.split(": ")[1] for line in err.splitlines() if line.startswith("quoteattr: ")}
    written = {r["doc"] for r in jsonl(out)}
    assert named == {str(docs / "b.txt"), str(docs / "c.txt"), str(missing)}
    assert written | named == {str(p) for p in docs.iterdir()} | {str(missing)}


def test_cli_unreadable_file(docs, monkeypatch):
    target = docs / "a.txt"
    real = Path.read_bytes

    def read_bytes(self):
        if self == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    rc, out, err = run_cli(str(target), str(docs / "d.txt"))
    assert rc == 1
    assert f"{target}: permission denied" in err
    assert [r["doc"] for r in jsonl(out)] == [str(docs / "d.txt")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_cli_unreadable_file_for_real(docs):
    target = docs / "a.txt"
    target.chmod(0)
    try:
        rc, _out, err = run_cli(str(target), str(docs / "d.txt"))
    finally:
        target.chmod(0o644)
    assert rc == 1 and "permission denied" in err


def test_cli_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    rc, out, err = run_cli(str(empty))
    assert rc == 1
    assert "holds no .txt files" in err
    assert out == ""


def test_cli_file_vanishes_mid_run(docs, monkeypatch):
    victim = docs / "d.txt"
    (docs / "b.txt").unlink()
    (docs / "c.txt").unlink()
    (docs / "e.txt").write_text(GOOD2, encoding="utf-8")
    original = Attributor.extract

    def extract(self, text, *, doc_id=None):
        if victim.exists():
            victim.unlink()  # gone after the run listed it, before it is read
        return original(self, text, doc_id=doc_id)

    monkeypatch.setattr(Attributor, "extract", extract)
    rc, out, err = run_cli(str(docs))
    assert rc == 1
    assert f"{victim}: no such file (or it vanished" in err
    assert [r["doc"] for r in jsonl(out)] == [str(docs / "a.txt"), str(docs / "e.txt")]


def test_cli_output_folder_missing(docs, tmp_path):
    target = tmp_path / "nope" / "out.jsonl"
    rc, _out, err = run_cli(str(docs / "a.txt"), "-o", str(target))
    assert rc == 2
    assert "cannot write" in err and "does not exist" in err
    assert not target.parent.exists()


def test_cli_output_is_a_folder(docs, tmp_path):
    rc, _out, err = run_cli(str(docs / "a.txt"), "-o", str(tmp_path))
    assert rc == 2 and "is a directory" in err


def test_cli_output_folder_not_writable(docs, tmp_path, monkeypatch):
    def create_part_file(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(qio, "create_part_file", create_part_file)
    target = tmp_path / "out.jsonl"
    rc, _out, err = run_cli(str(docs / "a.txt"), "-o", str(target))
    assert rc == 2
    assert err.strip() == f"quoteattr: cannot write {target}: Permission denied"
    assert not target.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_cli_output_folder_not_writable_for_real(docs, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        rc, _out, err = run_cli(str(docs / "a.txt"), "-o", str(locked / "out.jsonl"))
    finally:
        locked.chmod(0o755)
    assert rc == 2 and "Permission denied" in err


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_cli_disk_full_while_writing_keeps_the_old_output(docs, tmp_path, monkeypatch, fmt):
    """ENOSPC half-way: a clear error, exit 2, the previous output untouched, no temp file left."""
    target = tmp_path / "out.txt"
    target.write_text("OLD\n", encoding="utf-8")
    calls = {"n": 0}
    real = RecordWriter.write

    def write(self, records):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, records)

    monkeypatch.setattr(RecordWriter, "write", write)
    rc, _out, err = run_cli(str(docs / "a.txt"), str(docs / "d.txt"), "-f", fmt, "-o", str(target))
    assert rc == 2
    assert "cannot write output: No space left on device" in err
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "OLD\n"
    assert no_partial_files(tmp_path)


def test_cli_disk_full_at_commit(docs, tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(qio.os, "fsync", fsync)
    rc, _out, err = run_cli(str(docs / "a.txt"), "-o", str(target))
    assert rc == 2 and "No space left on device" in err
    assert not target.exists()
    assert no_partial_files(tmp_path)


def _interrupt_at_second_document(monkeypatch) -> None:
    """Ctrl-C arrives while the second document is being attributed."""
    original = Attributor.extract
    seen = []

    def extract(self, text, *, doc_id=None):
        seen.append(doc_id)
        if len(seen) == 2:
            raise KeyboardInterrupt
        return original(self, text, doc_id=doc_id)

    monkeypatch.setattr(Attributor, "extract", extract)


def test_cli_ctrl_c_leaves_no_output_and_no_traceback(docs, tmp_path, monkeypatch):
    target = tmp_path / "out.jsonl"
    _interrupt_at_second_document(monkeypatch)
    rc, _out, err = run_cli(str(docs / "a.txt"), str(docs / "d.txt"), "-o", str(target))
    assert rc == 130
    assert err.strip() == "quoteattr: interrupted"
    assert not target.exists()
    assert no_partial_files(tmp_path)


def test_cli_ctrl_c_on_stdout_leaves_whole_lines(docs, monkeypatch):
    _interrupt_at_second_document(monkeypatch)
    rc, out, err = run_cli(str(docs / "a.txt"), str(docs / "d.txt"))
    assert rc == 130 and "Traceback" not in err
    assert [r["doc"] for r in jsonl(out)] == [str(docs / "a.txt")]


def test_cli_stdin_not_utf8(monkeypatch):
    # (not b"\xff\xfe…": that is UTF-16's byte-order mark, which is read as such)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"bad \xc3\x28 bytes"), encoding="utf-8"))
    rc, _out, err = run_cli("-")
    assert rc == 1 and "stdin is not UTF-8" in err


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_cli_output_stays_well_formed_with_failures(docs, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    rc, _out, _err = run_cli(str(docs), "-f", fmt, "-o", str(target))
    assert rc == 1
    body = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert {r["doc"] for r in json.loads(body)} == {str(docs / "a.txt"), str(docs / "d.txt")}
    else:
        import csv

        rows = list(csv.DictReader(io.StringIO(body)))
        assert {r["doc"] for r in rows} == {str(docs / "a.txt"), str(docs / "d.txt")}


@pytest.mark.parametrize("raw", [
    GOOD.encode("utf-8").replace(b":", b":\r\n"),
    b"\xef\xbb\xbf" + GOOD.encode("utf-8"),
    GOOD.replace("“", "&#8220;").replace("”", "&#8221;").encode("utf-8"),
    b"<p>" + GOOD.encode("utf-8") + b"</p>\r\n",
])
def test_cli_offsets_index_the_decoded_file(tmp_path, raw):
    """Offsets count characters of the file decoded as UTF-8, exactly as read
    (\\r\\n kept, a BOM counted as one character, entities and tags as written)."""
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    rc, out, err = run_cli(str(path))
    assert rc == 0, err
    text = raw.decode("utf-8")
    (rec,) = jsonl(out)
    assert text[rec["quote_start"]:rec["quote_end"]] == rec["quote"]
    assert text[rec["speaker_mention_start"]:rec["speaker_mention_end"]] == rec["speaker_mention"]
