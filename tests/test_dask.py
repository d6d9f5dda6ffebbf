"""quoteattr.dask on a real LocalCluster of worker processes: same records as extract_many."""
from __future__ import annotations

import logging
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask  # noqa: E402
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

import quoteattr.dask as qd  # noqa: E402
from quoteattr import RECORD_FIELDS, Attributor, Lexicon, extract_many  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SAYS = "Ông Nguyễn Văn Hùng phản pháo rằng dự án sẽ hoàn thành vào tháng 6."


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    c = distributed.Client(cluster)
    try:
        c.wait_for_workers(2, timeout=60)
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str]]:
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    assert docs, "the repository's seed articles are missing"
    # a few copies under new ids: enough partitions for both workers to take some
    return [(f"{stem}#{k}", text) for k in range(3) for stem, text in docs]


def expected_rows(items, attributor=None) -> list[dict]:
    """What extract_many says, as rows: records in order, None for a failed document."""
    rows: list = []
    for res in extract_many(items, attributor=attributor):
        if res.ok:
            rows.extend(dict(r.to_dict(), error=None) for r in res.records)
        else:
            rows.append(None)
    return rows


def frame_rows(pdf) -> list[dict]:
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in pdf.to_dict("records")]


# --------------------------------------------------------------------------- imports


def test_import_quoteattr_does_not_import_dask():
    code = ("import sys, quoteattr, quoteattr.dask as qd; assert 'dask' not in sys.modules, 'dask'; "
            "assert 'pandas' not in sys.modules, 'pandas'; import dask.bag, dask; "
            "assert not dask.__file__.startswith(qd.__file__.rsplit('/', 1)[0]), dask.__file__")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr


def test_shipped_config_pickles_and_keeps_its_token():
    lex = Lexicon.default().extended(cues=[("phản pháo", "speech")])
    shipped = qd.ShippedConfig.of(Attributor(lexicon=lex))
    back = pickle.loads(pickle.dumps(shipped))
    assert back.token == shipped.token and back.config["lexicon"] == lex
    assert qd.ShippedConfig.of(None).token != shipped.token
    with pytest.raises(TypeError):
        qd.ShippedConfig.of(42)


def test_worker_attributor_is_built_once_per_configuration():
    cfg = Attributor(min_confidence=0.31).config
    first = qd.worker_attributor(cfg)
    assert qd.worker_attributor(dict(cfg)) is first
    assert qd.worker_attributor(qd.ShippedConfig(cfg)) is first


# --------------------------------------------------------------------------- without a cluster


def test_extract_partition_without_dask(pairs):
    items = [pairs[0], [pairs[1][0], pairs[1][1]], "Bà Lan nói: \"Chúng tôi không sai\".", None, ("x", None)]
    rows = list(qd.extract_partition(items, partition=3))
    assert all(tuple(r) == qd.COLUMNS for r in rows)
    errors = [r for r in rows if r["error"] is not None]
    assert [(r["doc"], r["error"]) for r in errors] == [
        (None, "partition 3, item 3: text must be str, not NoneType"), ("x", "text is null")]
    # a [doc_id, text] list (a pair that went through JSON) counts as a pair
    assert [r for r in rows if r["error"] is None] == expected_rows([pairs[0], pairs[1], items[2]])


# --------------------------------------------------------------------------- on the cluster


def test_bag_equals_extract_many(client, pairs):
    bag = db.from_sequence(pairs, npartitions=6)
    rows = qd.attribute_bag(bag).compute()
    assert rows == expected_rows(pairs)  # same records, same order, nothing failed
    assert {r["doc"] for r in rows} == {doc_id for doc_id, _ in pairs}


def test_bag_of_plain_texts(client, pairs):
    texts = [t for _, t in pairs[:4]]
    rows = qd.attribute_bag(db.from_sequence(texts, npartitions=2)).compute()
    assert rows == expected_rows(texts)
    assert all(r["doc"] is None for r in rows)


def test_poisoned_documents_become_error_rows(client, pairs):
    items = list(pairs[:4]) + [("none", None), ("bytes", b"\xff\xfe"), ("a", "b", "c"), 17] + list(pairs[4:8])
    rows = qd.attribute_bag(db.from_sequence(items, npartitions=4)).compute()
    errors = [r for r in rows if r["error"] is not None]
    assert [r["doc"] for r in errors] == ["none", "bytes", "a", None]
    assert errors[0]["error"] == "text is null"
    assert "text must be str, not bytes" in errors[1]["error"]
    assert "expected (doc_id, text), got a tuple of 3" in errors[2]["error"]
    assert errors[3]["error"].endswith("text must be str, not int") and errors[3]["error"].startswith("partition ")
    assert all(r[f] is None for r in errors for f in RECORD_FIELDS if f != "doc")
    good = [r for r in rows if r["error"] is None]
    assert good == [r for r in expected_rows(pairs[:8]) if r is not None]  # the rest all completed


def test_custom_lexicon_travels_and_one_attributor_per_worker(client):
    lex = Lexicon.default().extended(cues=[("phản pháo", "speech")])
    custom = Attributor(lexicon=lex)
    items = [(f"d{i}", SAYS) for i in range(12)]
    rows = qd.attribute_bag(db.from_sequence(items, npartitions=12), attributor=custom).compute()
    assert rows == expected_rows(items, custom)
    assert rows and all(r["cue"] == "phản pháo" for r in rows)
    assert expected_rows(items) == []  # the default lexicon finds nothing: the workers used ours
    token = qd.ShippedConfig.of(custom).token
    built = client.run(lambda: qd._BUILT.get(token, 0))
    assert sum(built.values()) >= 1 and all(n <= 1 for n in built.values()), built  # 12 tasks, ≤ 1 build each


def test_frame_equals_extract_many(client, pairs):
    pdf = pd.DataFrame({"id": [d for d, _ in pairs], "text": [t for _, t in pairs], "other": range(len(pairs))},
                       index=pd.RangeIndex(100, 100 + len(pairs)))
    ddf = dd.from_pandas(pdf, npartitions=4)
    out = qd.attribute_frame(ddf)
    assert list(out.columns) == list(qd.COLUMNS)
    assert out._meta.dtypes.equals(qd.records_meta().dtypes)
    assert str(out.dtypes["quote_start"]) == "Int64" and str(out.dtypes["confidence"]) == "Float64"
    assert out.known_divisions and out.divisions == ddf.divisions  # index kept: rows join back to input
    result = out.compute()
    assert result.dtypes.equals(out.dtypes)
    assert frame_rows(result) == expected_rows(pairs)
    by_doc = dict(zip(pdf["id"], pdf.index))
    assert all(by_doc[doc] == idx for doc, idx in zip(result["doc"], result.index))


def test_frame_error_rows_and_non_string_ids(client, pairs):
    pdf = pd.DataFrame({"id": [1, 2, 3, 4], "text": [pairs[0][1], None, SAYS, pairs[1][1]]})
    out = qd.attribute_frame(dd.from_pandas(pdf, npartitions=2)).compute()
    errors = out[out["error"].notna()]
    assert errors["doc"].tolist() == ["2"] and errors["error"].tolist() == ["text column 'text' is null"]
    assert errors.index.tolist() == [1]
    want = [r for r in expected_rows([("1", pairs[0][1]), ("3", SAYS), ("4", pairs[1][1])]) if r is not None]
    assert frame_rows(out[out["error"].isna()]) == want


def test_frame_ids_from_index_and_bad_columns(pairs):
    pdf = pd.DataFrame({"body": [pairs[0][1]]}, index=pd.Index(["only"], name="doc_id"))
    ddf = dd.from_pandas(pdf, npartitions=1)
    out = qd.attribute_frame(ddf, id_column=None, text_column="body").compute(scheduler="sync")
    assert set(out["doc"]) == {"only"} and out.index.name == "doc_id"
    with pytest.raises(KeyError, match="no column 'text'"):
        qd.attribute_frame(ddf, id_column=None)


def test_bag_to_typed_frame(pairs):
    bag = qd.attribute_bag(db.from_sequence(pairs[:2], npartitions=1))
    with dask.config.set(scheduler="sync"):
        frame = bag.to_dataframe(meta=qd.records_meta()).compute()
    assert frame.dtypes.equals(qd.records_meta().dtypes)
    assert frame_rows(frame.reset_index(drop=True)) == expected_rows(pairs[:2])
