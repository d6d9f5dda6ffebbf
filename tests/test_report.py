"""The collection report: grouping of statements, ranking, escaping, the folder, and ``quoteattr report``.

The articles in fixtures/report are written for these tests: one minister's
quote carried by two outlets word for word (punctuation aside), one official's
quote cut shorter by a third outlet, and an article full of markup.
"""
from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest

import quoteattr
from quoteattr.cli import main
from quoteattr.report import Collection, fold_quote, group_quotes, search_key
from quoteattr.report_folder import MARKER, attribute_documents, write_report
from quoteattr.report_page import index_html, inert_json

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "report"
DATA = re.compile(r'<script type="application/json" id="rp-data">(.*?)</script>', re.S)


def record(quote: str, speaker: str | None = "Trần Minh Quang", *, kind: str = "direct", source: str | None = None,
           confidence: float = 0.8) -> dict:
    return {"quote": quote, "kind": kind, "speaker": speaker, "speaker_key": speaker.lower() if speaker else None,
            "speaker_type": "person" if speaker else None, "source": source, "confidence": confidence}


def report_data(folder: Path) -> dict:
    page = (folder / "index.html").read_text(encoding="utf-8")
    found = DATA.findall(page)
    assert len(found) == 1
    return json.loads(found[0])


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


# ---------------------------------------------------------------- grouping


def test_fold_quote_ignores_case_punctuation_and_spacing():
    assert fold_quote("“Chúng tôi  sẽ LÀM, ngay!”") == fold_quote("chúng tôi sẽ làm ngay") == "chúng tôi sẽ làm ngay"
    # tone marks are letters, not punctuation: these are different words
    assert fold_quote("bán") != fold_quote("bạn")
    # old and new tone placement spell one word
    assert fold_quote("Hoà bình") == fold_quote("hòa bình")


def test_equal_quotes_after_folding_are_one_statement():
    quotes = ["Chúng tôi sẽ hoàn thành dự án trong năm nay.", "giá xăng sẽ giảm",
              "chúng tôi sẽ hoàn thành   dự án trong năm nay", "“CHÚNG TÔI SẼ HOÀN THÀNH DỰ ÁN TRONG NĂM NAY!”"]
    assert group_quotes(quotes) == [[0, 2, 3], [1]]


def test_a_quote_contained_in_another_joins_it_on_word_boundaries():
    full = "Chúng tôi đã chuẩn bị đủ cơ số thuốc cho ba tháng, kể cả dịp Tết."
    quotes = ["đủ cơ số thuốc cho ba tháng", full, "Chúng tôi đã chuẩn bị đủ cơ số thuốc.",
              "tôi đã chuẩn bị đủ cơ số thuốc cho ba tháng nữa",  # goes beyond the full text: its own
              "ng tôi đã chuẩn"]                                 # "ng" is no word of the full text
    groups = group_quotes(quotes)
    assert [0, 1, 2] in groups
    assert [3] in groups and [4] in groups and len(groups) == 3


def test_short_quotes_are_not_swallowed_by_longer_ones():
    quotes = ["Không.", "Chúng tôi không lùi tiến độ thêm lần nào nữa", "lùi tiến"]
    assert group_quotes(quotes) == [[0], [1], [2]]
    assert group_quotes(quotes, min_contained_words=1) == [[0, 1, 2]]


def test_a_quote_inside_two_longer_ones_joins_the_longest():
    quotes = ["giá điện sẽ tăng nhẹ", "từ tháng sau giá điện sẽ tăng nhẹ ở mọi vùng miền",
              "giá điện sẽ tăng nhẹ ở mọi vùng"]
    assert group_quotes(quotes) == [[0, 1, 2]]


def test_grouping_many_distinct_quotes_is_not_quadratic():
    quotes = [f"dự án số {i} sẽ khởi công vào quý {i % 4 + 1} năm {2000 + i}" for i in range(20_000)]
    t = time.perf_counter()
    groups = group_quotes(quotes)
    assert time.perf_counter() - t < 10
    assert len(groups) == 20_000


# ---------------------------------------------------------------- the collection


def test_one_statement_per_speaker_with_every_article_that_reported_it():
    c = Collection()
    c.add("a.txt", [record("Chúng tôi sẽ tăng giá điện 3% từ tháng 7.", source="VnExpress"),
                    record("giá xăng sẽ giảm", kind="indirect", confidence=0.7)], page="articles/a.html",
          anchors={0: "qa-q0", 1: "qa-q1"})
    c.add("b.txt", [record("chúng tôi sẽ tăng giá điện 3% từ tháng 7", source="Tuổi Trẻ", confidence=0.9)],
          page="articles/b.html", anchors={0: "qa-q0"})
    c.add("c.txt", [record("sẽ tăng giá điện 3%", kind="mixed", source="VnExpress"),
                    # another speaker saying the same words is another statement
                    record("Chúng tôi sẽ tăng giá điện 3% từ tháng 7.", speaker="Lê Thị Hoa")])
    data = c.data(title="t")
    assert [sp["n"] for sp in data["speakers"]] == ["Trần Minh Quang", "Lê Thị Hoa"]
    quang = [st for st in data["statements"] if st["p"] == 0]
    assert len(quang) == 2
    big = quang[0]  # ordered by how many articles carried it
    assert big["q"] == "Chúng tôi sẽ tăng giá điện 3% từ tháng 7."
    docs = [data["docs"][o[0]]["n"] for o in big["o"]]
    assert docs == ["a.txt", "b.txt", "c.txt"]
    assert [data["kinds"][o[1]] for o in big["o"]] == ["direct", "direct", "mixed"]
    assert [o[2] for o in big["o"]] == [0.8, 0.9, 0.8]
    assert [data["sources"][o[3]]["n"] for o in big["o"]] == ["VnExpress", "Tuổi Trẻ", "VnExpress"]
    assert [o[4] for o in big["o"]] == ["qa-q0", "qa-q0", ""]
    # each article's own wording is kept where it differs by more than punctuation and case
    assert [o[5] for o in big["o"]] == [None, None, "sẽ tăng giá điện 3%"]
    assert data["speakers"][0]["s"] == 2 and data["speakers"][0]["r"] == 4
    outlets = {data["sources"][s]["n"]: n for s, n in data["speakers"][0]["o"]}
    assert outlets == {"VnExpress": 2, "Tuổi Trẻ": 1}
    assert data["docs"][2]["h"] is None


def test_speakers_rank_by_statements_not_by_reports_and_unattributed_come_last():
    c = Collection()
    for n in range(5):  # one statement carried by five articles
        c.add(f"echo{n}.txt", [record("Chúng tôi không tăng học phí năm nay", speaker="Phạm Văn Bình")])
    c.add("many.txt", [record(f"dự án thứ {i} sẽ xong trong tháng {i}", speaker="Đỗ Thị Lan") for i in range(1, 4)]
          + [record(f"câu không rõ ai nói số {i}", speaker=None) for i in range(9)])
    data = c.data()
    assert [(sp["n"], sp["s"], sp["r"]) for sp in data["speakers"]] == [
        ("Đỗ Thị Lan", 3, 3), ("Phạm Văn Bình", 1, 5), (None, 9, 9)]
    assert data["speakers"][2]["t"] is None


def test_search_key_drops_case_and_diacritics_like_the_page_does():
    assert search_key("Bộ trưởng Đào Ngọc Dung, “Hà Nội”!") == "bo truong dao ngoc dung ha noi"
    js = (Path(quoteattr.__file__).parent / "report_assets" / "report.js").read_text(encoding="utf-8")
    assert 'replace(/[\\u0111\\u0110]/g, "d")' in js and "\\p{M}" in js  # the same three steps in the page


def test_a_record_of_an_unknown_kind_is_a_clear_error():
    with pytest.raises(ValueError, match="kind"):
        Collection().add("x.txt", [dict(record("a b c"), kind="rumour")])


# ---------------------------------------------------------------- escaping


HOSTILE = ["</script><script>alert(1)</script>", "<!-- <script> một", "a & b > c", "\u2028dòng\u2029", "</SCRIPT > hai"]


def test_inert_json_cannot_close_or_open_a_tag_and_reads_back_unchanged():
    data = {"q": HOSTILE, "n": {"</script>": 1}}
    text = inert_json(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_hostile_text_in_quotes_names_and_title_stays_data(tmp_path):
    c = Collection()
    c.add("<img src=x onerror=alert(1)>.txt",
          [record(q, speaker="</script><b>Tâm</b>", source="<i>Báo</i>") for q in HOSTILE], page="articles/x.html")
    page = index_html(c.data(title="<script>alert('t')</script>"))
    assert page.count("<script") == 2  # the data block and the page's own script
    assert page.count("</script>") == 2
    assert "<title>&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;</title>" in page
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    data = json.loads(DATA.findall(page)[0])  # every text comes back whole from the data block
    shown = {st["q"] for st in data["statements"]} | {o[5] for st in data["statements"] for o in st["o"] if o[5]}
    assert shown == set(HOSTILE)
    assert data["speakers"][0]["n"] == "</script><b>Tâm</b>" and data["sources"][0]["n"] == "<i>Báo</i>"
    assert data["docs"][0]["n"] == "<img src=x onerror=alert(1)>.txt"


# ---------------------------------------------------------------- the folder


def test_report_folder_pages_links_and_anchors(tmp_path):
    docs = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    summary = write_report(tmp_path / "rep", attribute_documents(docs), title="Giá điện")
    assert summary.articles == len(docs) and summary.failed == 0 and summary.records > 0
    data = report_data(tmp_path / "rep")
    assert data["title"] == "Giá điện"
    assert (tmp_path / "rep" / MARKER).is_file()
    for st in data["statements"]:
        for o in st["o"]:
            href = data["docs"][o[0]]["h"]
            page = (tmp_path / "rep" / href).read_text(encoding="utf-8")
            assert f'id="{o[4]}"' in page  # the link lands on the quote in render's page
    # the minister's quote, in two outlets' words, is one statement listing both articles
    quang = next(st for st in data["statements"] if st["q"].startswith("Chúng tôi đã cân nhắc"))
    assert sorted(Path(data["docs"][o[0]]["n"]).name for o in quang["o"]) == [
        "gia-dien-tuoitre.txt", "gia-dien-vnexpress.txt"]
    # the official's quote cut shorter by a third outlet joins the full one
    hoa = next(st for st in data["statements"] if st["q"].startswith("Chúng tôi đã chuẩn bị"))
    assert sorted(Path(data["docs"][o[0]]["n"]).name for o in hoa["o"]) == [
        "thuoc-tet-dantri.txt", "thuoc-tet-thanhnien.txt"]
    assert not list(tmp_path.glob(".rep.*"))


def test_report_refuses_a_folder_holding_other_files(tmp_path):
    target = tmp_path / "work"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not an earlier report"):
        write_report(target, [])
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_a_new_report_replaces_an_earlier_one_and_a_failed_run_keeps_it(tmp_path):
    target = tmp_path / "rep"
    text = (ARTICLES / "thuoc-tet-dantri.txt").read_text(encoding="utf-8")
    write_report(target, attribute_documents([("one.txt", text)]), title="first")
    write_report(target, attribute_documents([("two.txt", text)]), title="second")
    assert report_data(target)["title"] == "second"
    assert [p.name for p in (target / "articles").iterdir()] == ["00001-two.html"]

    def broken():
        yield "three.txt", text, quoteattr.extract(text), None
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_report(target, broken(), title="third")
    assert report_data(target)["title"] == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rep"]  # no .part folder left behind


def test_records_from_another_text_are_reported_not_drawn(tmp_path):
    text = (ARTICLES / "thuoc-tet-dantri.txt").read_text(encoding="utf-8")
    recs = quoteattr.extract(text)
    seen = []
    summary = write_report(tmp_path / "r", [("wrong.txt", "khác hẳn", recs, None), ("ok.txt", text, recs, None)],
                           on_article=lambda *a: seen.append(a))
    assert summary.failed == 1 and summary.articles == 2
    assert seen[0][0] == "wrong.txt" and seen[0][2] and seen[1] == ("ok.txt", len(recs), None)
    assert report_data(tmp_path / "r")["failed"][0][0] == "wrong.txt"


# ---------------------------------------------------------------- the command


def test_cli_report_from_files_and_a_folder(tmp_path):
    one = str(ARTICLES / "gia-dien-vnexpress.txt")
    status, out, err = run("report", one, str(ARTICLES), "-o", str(tmp_path / "rep"), "--title", "Tết")
    assert status == 0, err
    assert out == ""
    data = report_data(tmp_path / "rep")
    names = [d["n"] for d in data["docs"]]
    assert names[0] == one and len(names) == 1 + len(list(ARTICLES.glob("*.txt")))
    assert "report in" in err and "index.html" in err
    assert data["title"] == "Tết"


def test_cli_report_from_jsonl_rows(tmp_path):
    rows = tmp_path / "archive.jsonl"
    with rows.open("w", encoding="utf-8") as f:
        for p in sorted(ARTICLES.glob("*.txt")):
            f.write(json.dumps({"url": f"https://example.org/{p.stem}", "body": p.read_text(encoding="utf-8")},
                               ensure_ascii=False) + "\n")
        f.write('{"url": "https://example.org/empty", "body": null}\n')
    status, _, err = run("report", str(rows), "--input-format", "jsonl", "--id-column", "url",
                         "--text-column", "body", "-o", str(tmp_path / "rep"), "-q")
    assert status == 1  # one row had no text
    assert err.count("\n") == 1 and "https://example.org/empty" in err
    data = report_data(tmp_path / "rep")
    assert [d["n"] for d in data["docs"]][:2] == ["https://example.org/gia-dien-tuoitre",
                                                  "https://example.org/gia-dien-vnexpress"]
    assert data["failed"][0][0] == "https://example.org/empty"
    pages = sorted(p.name for p in (tmp_path / "rep" / "articles").iterdir())
    assert pages[0] == "00001-gia-dien-tuoitre.html"


def test_cli_report_with_two_jobs_matches_one(tmp_path):
    assert run("report", str(ARTICLES), "-o", str(tmp_path / "a"), "-q")[0] == 0
    assert run("report", str(ARTICLES), "-o", str(tmp_path / "b"), "-q", "-j", "2")[0] == 0
    assert (tmp_path / "a" / "index.html").read_bytes() == (tmp_path / "b" / "index.html").read_bytes()


def test_cli_report_needs_an_output_folder_and_refuses_a_busy_one(tmp_path, capsys):
    status, _, _ = run("report", str(ARTICLES))
    assert status == 2 and "required: -o/--output" in capsys.readouterr().err
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("x", encoding="utf-8")
    status, _, err = run("report", str(ARTICLES), "-o", str(busy))
    assert status == 2 and err.startswith("quoteattr: cannot write the report") and err.count("\n") == 1
    assert (busy / "keep.txt").read_text(encoding="utf-8") == "x"
    status, _, err = run("report", str(ARTICLES), "-o", str(tmp_path / "no" / "such" / "dir"))
    assert status == 2 and "does not exist" in err


def test_cli_report_from_parquet_rows_and_stdin(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("thuoc-*.txt"))}
    pq.write_table(pa.table({"id": list(texts), "text": list(texts.values())}), tmp_path / "rows.parquet")
    status, _, err = run("report", str(tmp_path / "rows.parquet"), "--input-format", "parquet",
                         "-o", str(tmp_path / "rep"), "-q")
    assert status == 0, err
    data = report_data(tmp_path / "rep")
    assert [d["n"] for d in data["docs"]] == list(texts)
    hoa = next(st for st in data["statements"] if st["q"].startswith("Chúng tôi đã chuẩn bị"))
    assert len(hoa["o"]) == 2

    monkeypatch.setattr("sys.stdin", io.StringIO(texts["thuoc-tet-dantri"]))
    status, _, err = run("report", "-", "-o", str(tmp_path / "rep"), "-q")  # replaces the earlier report
    assert status == 0, err
    assert [d["n"] for d in report_data(tmp_path / "rep")["docs"]] == ["-"]


def test_report_into_the_current_folder_when_it_is_an_earlier_report(tmp_path, monkeypatch):
    text = (ARTICLES / "thuoc-tet-dantri.txt").read_text(encoding="utf-8")
    write_report(tmp_path / "rep", attribute_documents([("a.txt", text)]), title="first")
    monkeypatch.chdir(tmp_path / "rep")
    write_report(".", attribute_documents([("b.txt", text)]), title="again")
    assert report_data(tmp_path / "rep")["title"] == "again"
