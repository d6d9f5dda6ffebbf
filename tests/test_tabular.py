"""Table input (JSONL/Parquet rows) and Parquet output, through the library and the CLI."""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from quoteattr import RECORD_FIELDS, Attribution, Attributor, extract_many  # noqa: E402
from quoteattr.cli import main  # noqa: E402
from quoteattr.io import ReadError  # noqa: E402
from quoteattr.tabular import FIELD_TYPES, ParquetWriter, read_table_documents, record_schema  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, str]]:
    found = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    assert found, "the repository's seed articles are missing"
    return found


@pytest.fixture(scope="module")
def records(articles) -> list[Attribution]:
    att = Attributor()
    out: list[Attribution] = []
    for doc_id, text in articles:
        out.extend(att.extract(text, doc_id=doc_id))
    return out


def _errors(items):
    return [(name, t.message) for name, t in items if isinstance(t, ReadError)]


# --------------------------------------------------------------------------- JSONL input


def test_jsonl_rows_and_bad_rows(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Ông Hùng nói: \"Tốt\".", "extra": 1}, ensure_ascii=False),
        "",  # blank lines are skipped, not errors
        json.dumps({"id": 7, "text": "bảy"}, ensure_ascii=False),
        "not json",
        json.dumps([1, 2]),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "t"}),
        json.dumps({"id": "n", "text": None}),
        json.dumps({"id": "i", "text": 12}),
        json.dumps({"id": ["x"], "text": "list id"}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "bad", "text": "\xff"}\n')
    items = list(read_table_documents([str(path)], fmt="jsonl"))
    assert items[:2] == [("a", "Ông Hùng nói: \"Tốt\"."), ("7", "bảy")]
    assert len(items) == 10  # every non-blank line is one item
    errors = dict(_errors(items))
    assert set(errors) == {f"{path}:4", f"{path}:5", f"{path}:6", "t", "n", "i", f"{path}:10", f"{path}:11"}
    assert "not valid JSON" in errors[f"{path}:4"]
    assert "expected a JSON object" in errors[f"{path}:5"]
    assert "no id column 'id'" in errors[f"{path}:6"]
    assert "no text column 'text'" in errors["t"]
    assert "is null" in errors["n"]
    assert "holds int" in errors["i"]
    assert "string or integer" in errors[f"{path}:10"]
    assert "not UTF-8" in errors[f"{path}:11"]


def test_jsonl_custom_columns_folders_and_missing_files(tmp_path):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.jsonl").write_text(json.dumps({"key": "b", "body": "B"}) + "\n", encoding="utf-8")
    (folder / "sub" / "a.ndjson").write_text(json.dumps({"key": "a", "body": "A"}) + "\n", encoding="utf-8")
    (folder / "skip.txt").write_text("not a table", encoding="utf-8")
    (folder / ".hidden.jsonl").write_text("garbage\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    items = list(read_table_documents([str(folder), str(empty), str(tmp_path / "nope.jsonl")], fmt="jsonl",
                                      id_column="key", text_column="body"))
    assert items[:2] == [("b", "B"), ("a", "A")]
    assert [n for n, _ in _errors(items)] == [str(empty), str(tmp_path / "nope.jsonl")]


def test_jsonl_from_stdin(monkeypatch):
    data = (json.dumps({"id": "s", "text": "x"}) + "\n").encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert list(read_table_documents(["-"], fmt="jsonl")) == [("s", "x")]


def test_reading_is_lazy(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": "t"}) + "\n" for i in range(1000)), encoding="utf-8")
    it = read_table_documents([str(path)], fmt="jsonl")
    assert next(it) == ("0", "t")  # a generator, not a list: nothing past what is asked for is parsed


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown table format"):
        list(read_table_documents(["x"], fmt="csv"))


# --------------------------------------------------------------------------- Parquet input


def test_parquet_rows_in_batches(tmp_path):
    path = tmp_path / "in.parquet"
    table = pa.table({"id": [1, 2, 3, None, 5], "text": ["một", None, "ba", "bốn", "năm"]})
    pq.write_table(table, path, row_group_size=2)
    items = list(read_table_documents([str(path)], fmt="parquet", batch_size=2))
    assert len(items) == 5
    assert [i for i in items if not isinstance(i[1], ReadError)] == [("1", "một"), ("3", "ba"), ("5", "năm")]
    assert _errors(items) == [("2", "text column 'text' is null"), (f"{path}[3]", "id column 'id' is null")]


def test_parquet_missing_columns_are_one_error_per_file_naming_its_columns(tmp_path):
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "body": ["x", "y"]}), no_text)
    neither = tmp_path / "neither.parquet"
    pq.write_table(pa.table({"other": [1, 2, 3]}), neither)
    items = list(read_table_documents([str(no_text), str(neither)], fmt="parquet"))
    assert _errors(items) == [
        (str(no_text), "no column 'text' (see --text-column); its columns: 'id', 'body'; file of 2 rows skipped"),
        (str(neither), "no column 'id' (see --id-column); its columns: 'other'; file of 3 rows skipped"),
    ]


def test_parquet_binary_text_and_broken_files(tmp_path):
    good = tmp_path / "bin.parquet"
    pq.write_table(pa.table({"id": ["u", "v"], "text": pa.array(["ổn".encode(), b"\xff"], pa.binary())}), good)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    items = list(read_table_documents([str(good), str(broken)], fmt="parquet"))
    assert items[0] == ("u", "ổn")
    assert [n for n, _ in _errors(items)] == ["v", str(broken)]
    assert "not a readable Parquet file" in _errors(items)[1][1]
    stdin = list(read_table_documents(["-"], fmt="parquet"))
    assert _errors(stdin) == [("-", "Parquet input cannot come from stdin; give a file")]


# --------------------------------------------------------------------------- Parquet output


def test_schema_follows_record_fields():
    schema = record_schema()
    assert tuple(schema.names) == RECORD_FIELDS
    assert schema.field("quote_start").type == pa.int64() and not schema.field("quote_start").nullable
    assert schema.field("cue_start").type == pa.int64() and schema.field("cue_start").nullable
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("speaker").type == pa.string() and schema.field("speaker").nullable
    assert set(FIELD_TYPES.values()) == {"string", "int64", "float64"}


def test_round_trip_equal_types_included(tmp_path, records):
    target = tmp_path / "out.parquet"
    writer = ParquetWriter(target, row_group_size=7)
    writer.write(records[:10])
    writer.write(r.to_dict() for r in records[10:])  # dicts are accepted too
    assert not target.exists()  # nothing at the target until close
    writer.close()
    assert writer.count == len(records)
    pf = pq.ParquetFile(target)
    assert pf.schema_arrow == record_schema()
    assert pf.metadata.num_row_groups == -(-len(records) // 7)  # streamed in row groups
    back = pq.read_table(target).to_pylist()
    expected = [r.to_dict() for r in records]
    assert back == expected
    for got, want in zip(back, expected):  # == alone would let 1 == 1.0 through
        assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
    assert any(r["cue_start"] is None for r in back) and any(r["cue_start"] is not None for r in back)
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]  # no temporary left


def test_folder_target_and_empty_output(tmp_path):
    folder = tmp_path / "records"
    with ParquetWriter(folder) as writer:
        writer.write([])
    assert [p.name for p in folder.iterdir()] == ["part-00000.parquet"]
    table = pq.read_table(folder)
    assert table.num_rows == 0 and table.schema == record_schema()


def test_abort_leaves_the_target_untouched(tmp_path, records):
    target = tmp_path / "out.parquet"
    target.write_bytes(b"previous run")
    writer = ParquetWriter(target, row_group_size=2)
    writer.write(records[:5])
    writer.abort()
    writer.abort()  # twice is fine
    assert target.read_bytes() == b"previous run"
    assert [p.name for p in tmp_path.iterdir()] == ["out.parquet"]
    with pytest.raises(ValueError, match="closed"):
        writer.write(records[:1])
    with pytest.raises(RuntimeError), ParquetWriter(target) as w:
        w.write(records[:3])
        raise RuntimeError("boom")
    assert target.read_bytes() == b"previous run"


def test_forgotten_writer_leaves_no_temporary(tmp_path, records):
    import gc

    writer = ParquetWriter(tmp_path / "o.parquet")
    writer.write(records[:3])
    del writer  # an unexpected exception path: neither close() nor abort() was called
    gc.collect()
    assert list(tmp_path.iterdir()) == []


def test_bad_targets(tmp_path):
    (tmp_path / "dir.parquet").mkdir()
    with pytest.raises(IsADirectoryError):
        ParquetWriter(tmp_path / "dir.parquet")
    with pytest.raises(FileNotFoundError):
        ParquetWriter(tmp_path / "missing" / "x.parquet")
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        ParquetWriter(tmp_path / "file")


def test_output_gets_umask_permissions(tmp_path, records):
    old = os.umask(0o022)
    try:
        with ParquetWriter(tmp_path / "o.parquet") as w:
            w.write(records[:1])
    finally:
        os.umask(old)
    assert (tmp_path / "o.parquet").stat().st_mode & 0o777 == 0o644
    (tmp_path / "o.parquet").chmod(0o640)  # a replaced file keeps its permissions
    with ParquetWriter(tmp_path / "o.parquet") as w:
        w.write(records[:1])
    assert (tmp_path / "o.parquet").stat().st_mode & 0o777 == 0o640


# --------------------------------------------------------------------------- CLI


def _cli(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdout=out, stderr=err), out.getvalue(), err.getvalue()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_jsonl_in_parquet_out(tmp_path, articles, jobs):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for doc_id, text in articles:
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "broken", "text": None}) + "\n")
    out_dir = tmp_path / "out"
    status, _, err = _cli(["extract", "--input-format", "jsonl", str(src), "-f", "parquet", "-o", str(out_dir),
                           "-q", "-j", jobs])
    assert status == 1  # one row failed, the rest were written
    assert "broken: text column 'text' is null" in err
    expected = [a.to_dict() for r in extract_many(articles) for a in r.records]
    assert pq.read_table(out_dir / "part-00000.parquet").to_pylist() == expected


def test_cli_parquet_in_custom_columns(tmp_path, articles):
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"url": [a for a, _ in articles], "body": [t for _, t in articles]}), src)
    status, _, err = _cli(["extract", "--input-format", "parquet", "--id-column", "url", "--text-column", "body",
                           str(src), "-f", "jsonl", "-q"])
    assert status == 0, err


def test_cli_parquet_needs_output_and_aborts_on_failure(tmp_path, articles, monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a, "text": t}, ensure_ascii=False) + "\n" for a, t in articles),
                   encoding="utf-8")
    status, _, err = _cli(["extract", "--input-format", "jsonl", str(src), "-f", "parquet", "-q"])
    assert status == 2 and "needs -o" in err

    def disk_full(self, records):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ParquetWriter, "write", disk_full)
    out = tmp_path / "out"
    status, _, err = _cli(["extract", "--input-format", "jsonl", str(src), "-f", "parquet", "-o", str(out), "-q"])
    assert status == 2 and "No space left" in err
    assert list(out.iterdir()) == []  # the temporary file was removed
