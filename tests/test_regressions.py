"""Regression tests: every bug the property tests, the fuzzer or the edge-case
tests found, as the smallest input that showed it.

A test here that fails names a bug that is not fixed yet; it is never xfailed.
"""
from __future__ import annotations

import io
import os
import signal
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from quoteattr import Attributor, extract
from quoteattr.cli import main
from quoteattr.segment import find_articles, find_paragraphs, find_sentences
from quoteattr.text import NormalizedText

from .strategies import check_offsets, signature, time_limit
from quoteattr.tokens import KEY, TEXT

ATT = Attributor()
ROOT = Path(__file__).resolve().parent.parent


# --- text.py: the article break was normalised away --------------------------
def test_article_break_survives_normalisation():
    """A form feed / record separator mapped to \\n / space: find_articles never
    saw a break and the second article borrowed the first one's speaker."""
    nt = NormalizedText("a\n\fb\x1ec")
    assert nt.text == "a\n\fb\x1ec"
    assert len(find_articles(nt.text)) == 3
    first = "Ông Nguyễn Văn Hùng là giám đốc công ty."
    second = "Ông nói: “Dự án sẽ xong trong năm nay”."
    assert ATT.extract(second) == []
    for brk in ("\n\f\n", "\f", "\x1e"):
        assert ATT.extract(first + brk + second) == [], repr(brk)


# --- segment.py: „ did not start a sentence -----------------------------------
def test_german_opening_quote_starts_a_sentence():
    """'X. „Y“, ông Z nói.' stayed one sentence, so the 'Theo' record before the
    German-style quote was lost (found by the quote-style invariance property)."""
    text = "Theo ông Hùng, trời mưa to. „Trời mưa“, ông Hùng nói."
    norm = NormalizedText(text).text
    paras = find_paragraphs(norm)
    assert len(find_sentences(norm, paras, ATT._lex.abbreviations)) == 2
    recs = ATT.extract(text)
    assert [(r.rule, r.quote.text) for r in recs] == [("theo", "trời mưa to"), ("quote-first", "Trời mưa")]
    curly = ATT.extract(text.replace("„", "“").replace("“,", "”,"))
    assert [r.to_dict() for r in curly] == [r.to_dict() for r in recs]


def test_german_quote_does_not_change_the_resolved_speaker():
    """With „…“ the pronoun speaker of a later quote resolved to another person than
    with “…” (the same missed sentence boundary)."""
    template = "Ông Bùi A A bày tỏ: {o}Bùi A Bùi A{c}. {o}A, a{c}, binh nhì Bùi A bày tỏ. Ông bày tỏ: {o}A, a{c}."
    curly = ATT.extract(template.format(o="“", c="”"))
    german = ATT.extract(template.format(o="„", c="“"))
    assert [r.to_dict() for r in german] == [r.to_dict() for r in curly]


# --- io.py: atomic output was private -----------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_atomic_output_has_ordinary_permissions(tmp_path):
    """mkstemp's 0600 survived os.replace: other users (the fact-check pipeline's
    readers) could not read the output file."""
    doc = tmp_path / "a.txt"
    doc.write_text("Ông Nguyễn Văn Hùng cho biết: “Dự án sẽ xong”.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    umask = os.umask(0o022)
    try:
        assert main(["extract", "-q", str(doc), "-o", str(out)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)  # replacing a file keeps its mode
        assert main(["extract", "-q", str(doc), "-o", str(out)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(umask)


# --- batch.py: Ctrl-C with worker processes -----------------------------------
@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_with_workers_prints_no_traceback(tmp_path):
    """Ctrl-C reaches every process of the group: each pool worker died with its
    own KeyboardInterrupt traceback (and the parent could hang on dead workers)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    docs = tmp_path / "docs"
    docs.mkdir()
    # enough documents that the run is still busy when the signal comes, also on a fast machine
    # or a loaded one (with 120 it could finish between the wait and the signal and exit 0)
    for i in range(1200):
        (docs / f"d{i:04d}.txt").write_bytes(seeds[i % len(seeds)].read_bytes())
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "quoteattr", "extract", "-q", "-j", "2", str(docs), "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=str(ROOT),
    )
    try:
        _, err = proc.communicate(timeout=2.5)
        pytest.skip("the run finished before it could be interrupted")
    except subprocess.TimeoutExpired:
        pass
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the interrupted run hung")
    text = err.decode("utf-8", "replace")
    assert proc.returncode == 130, text
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    assert "interrupted" in text
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# --- batch.py: a worker that died hung the batch forever ----------------------
@pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL")
def test_a_dying_worker_does_not_hang_the_batch(monkeypatch):
    """multiprocessing.Pool never notices a worker killed mid-task (the OOM
    killer, a segfault in C code): imap waited forever and every later document
    was lost.  Now the document that killed its worker gets an error result."""
    from quoteattr import extract_many
    from quoteattr.batch import WORKER_DIED

    original = Attributor.extract

    def extract_or_die(self, text, *, doc_id=None):
        if text == "EXIT":
            os._exit(1)
        if text == "KILL":
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, text, doc_id=doc_id)

    monkeypatch.setattr(Attributor, "extract", extract_or_die)
    good = "Ông Nguyễn Văn Hùng cho biết: “Dự án sẽ xong”."
    items = [(f"d{i}", {3: "EXIT", 9: "KILL"}.get(i, good)) for i in range(14)]
    with time_limit(120):
        results = list(extract_many(items, attributor=ATT, jobs=2, chunksize=2))
    assert [r.index for r in results] == list(range(14))
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(14)]
    assert [i for i, r in enumerate(results) if not r.ok] == [3, 9]
    assert results[3].error == results[9].error == WORKER_DIED
    assert all(len(r.records) == 1 for i, r in enumerate(results) if i not in (3, 9))


# --- mentions/titles.py: a title before "Theo" looped forever (found by atheris) -----
@pytest.mark.parametrize("text", [
    "Giáo sư Theo",
    "Thủ tướng Theo nói",
    # the fuzzer's original input
    ("Tuy nhiên, Giáo sư Zhang X(Theo Reutin cũng kán kiểu như thế sẽ có thể ảnh hưởng quyết định đến "
     "hướnVũ Hoàng (Qheo Lýters)\nSource linkphương."),
])
def test_title_before_theo_terminates(text):
    """MentionParser._titled: name_run() gives 0 for a capitalised "Theo", so
    ``j += run`` never advances and extract() never returns."""
    with time_limit(5):
        recs = extract(text)
    assert isinstance(recs, list)


# --- sieve/theo.py: many "theo" cues in one sentence took quadratic time -------
def test_many_theo_cues_in_one_sentence_take_linear_time():
    """The Theo pass (then ArticleAttributor._theo_record) did O(sentence) work for every 'theo' in
    the sentence: first 25 KB took 7 s and 50 KB 27 s; after a first fix 128 KB
    still took 1.2 s and 512 KB 12-15 s (_ends_sentence slices the token list
    to the sentence end per cue; each cue's candidate spans the whole sentence).
    1 MB takes about 10 s in linear time."""
    unit = "theo ông Minh, "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    with time_limit(45):
        recs = extract(text)
    assert isinstance(recs, list)


# --- sieve/content.py: a series of cues in one sentence took quadratic time ----
def test_a_sentence_of_chained_cues_takes_linear_time():
    """series_end copied the tokens from each later cue to the end of the sentence to find the
    cue's next comma: one sentence of chained clauses ("…, nói rằng …, cho biết …,", a scraped
    page with no full stop; bench_scaling.py 'clause_chain') took 4 s at 256 KB and 120 s at
    1 MB.  1 MB takes about 9 s in linear time."""
    unit = "Trung Quốc phản đối kế hoạch mới, nói rằng chi phí quá cao, cho biết sẽ xem xét lại, "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    with time_limit(45):
        recs = extract(text)
    assert isinstance(recs, list)


# --- sieve/view.py: every article rescanned the whole text for ellipses ---------
def test_many_articles_in_one_text_take_linear_time():
    """The sieve (then ArticleAttributor) looked for '...' over the whole input once per article,
    so a file of many articles was quadratic (found by benchmarks/bench_scaling.py:
    'articles' 1 MB 7 s, 4 MB 44 s).  20,000 short articles (520 KB) took 93 s;
    about 6 s in linear time."""
    text = "Ông Nam nói: “Tốt lắm.”\n\f\n" * 20_000
    with time_limit(45):
        recs = extract(text)
    assert len(recs) == 20_000
    assert {r.speaker.name for r in recs} == {"Nam"}


# --- sieve/view.py: cues inside one long unclosed quote took quadratic time ----
def test_cues_inside_a_long_unclosed_quote_take_linear_time():
    """ArticleView.inside_quote (then ArticleAttributor._inside_quote) sliced and splits the whole quote for every
    cue inside it; an unclosed quote running to the end of a long paragraph makes
    that quadratic (16 KB 0.4 s, 64 KB 6.4 s).  256 KB takes a few seconds in
    linear time and minutes in quadratic."""
    unit = "“Ông A nói «B „C ‘D "
    text = (unit * (256_000 // len(unit) + 1))[:256_000]
    with time_limit(40):
        recs = extract(text)
    assert isinstance(recs, list)


# --- pipeline.py: min_confidence compared the unrounded confidence ------------
def test_min_confidence_keeps_records_reported_at_the_threshold():
    """A record reported with confidence 0.65 was dropped by min_confidence=0.65:
    the filter compared the unrounded value (0.6499…) the record does not show."""
    text = 'Ông Lan nói đây là "chuyện nhỏ".'
    everything = ATT.extract(text)
    assert [r.confidence for r in everything] == [0.65]
    kept = Attributor(min_confidence=0.65).extract(text)
    assert [r.to_dict() for r in kept] == [r.to_dict() for r in everything]


# --- tokens.py: a run of hyphens took quadratic time ----------------------------
def test_a_run_of_hyphens_takes_linear_time():
    """The tokeniser's site-name alternative ([letters/digits/-]+ then .com/.vn…)
    scanned a hyphen run to its end from every position of the run: 20 KB of
    '-' took 6 s, 200 KB would take about ten minutes; linear, 200 KB takes
    about 2 s.  A scraped page's rule line must not stall a batch."""
    with time_limit(30):
        assert extract("-" * 200_000) == []
        assert extract("Ông Nam nói: “Tốt lắm.” " + "a--" * 60_000) != []


@pytest.mark.parametrize("text, words", [
    ("phóng viên news.com.au rằng", ["phóng", "viên", "news.com.au", "rằng"]),
    ("Theo Baoquocte.vn, giá tăng", ["Theo", "Baoquocte.vn", ",", "giá", "tăng"]),
    ("trang vn-express.net và 24h.com.vn", ["trang", "vn-express.net", "và", "24h.com.vn"]),
    ("ghi chú --- hết", ["ghi", "chú", "-", "-", "-", "hết"]),
])
def test_site_names_stay_one_token(text, words):
    from quoteattr.tokens import tokenize

    assert [t[TEXT] for t in tokenize(text)] == words


# --- text.py: invisible characters survived as references, in NFD, in tags ------
_CLEAN = ("Ông Nguyễn Văn Hùng cho biết, xã sẽ sửa xong con đường liên thôn trước mùa mưa.\n"
          "Bà Lan nói: “Chúng tôi đã chờ việc này rất lâu rồi.”\n(theo Reuters)")


@pytest.mark.parametrize("variant", [
    _CLEAN.replace("biết", "bi&shy;ết"),                      # in a cue: the record was lost
    _CLEAN.replace("Hùng", "Hù&#173;ng"),                     # in a name: the record was lost
    _CLEAN.replace("(theo", "&lrm;(theo"),                    # before a credit: the source was lost
    _CLEAN.replace("Lan", "L&#8203;an").replace("nói", "n&zwnj;ói").replace("Ông", "&#xFEFF;Ông"),
    unicodedata.normalize("NFD", _CLEAN).replace("e\u0302\u0301", "e\u00ad\u0302\u0301"),  # biết split
    _CLEAN.replace("rồi.”", "rồi.<b\u200br>”"),               # the tag ended up in the quote
    _CLEAN.replace("\nBà", "<b\u200dr>\nBà"),
])
def test_invisible_characters_change_no_record(variant):
    """text.py removed invisible characters only when written as themselves in
    NFC text: a reference (&shy;, &#8203;, &lrm;) was decoded and kept, a soft
    hyphen between a letter and its combining mark stopped NFC composition, and
    a zero-width space inside a leftover tag kept the tag from being blanked."""
    recs = ATT.extract(variant)
    check_offsets(variant, recs)
    assert signature(recs) == signature(ATT.extract(_CLEAN))
    assert len(recs) == 2


# --- tokens.py: every token held two strings of its own ---------------------------
def test_tokens_of_a_long_article_share_their_strings():
    """One 20 MB article peaked at 1.45 GiB, most of it token strings: each of
    the ~3.7 million tokens held its own text and its own case-folded key
    (~290 bytes a token with the tuple).  Tokens of one spelling now share one
    string, and the key is the text itself when folding changes nothing."""
    import tracemalloc

    from quoteattr.tokens import tokenize

    para = ("Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, cho biết xã sẽ sửa xong con đường liên thôn "
            "trước mùa mưa. Bà Lan nói: “Chúng tôi đã chờ việc này rất lâu rồi.” Theo TTXVN, "
            "năm 2024 tỉnh chi 1.500 tỷ đồng cho giao thông nông thôn.\n")
    text = para * 500
    tracemalloc.start()
    try:
        toks = tokenize(text)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len({t[TEXT] for t in toks}) == len({id(t[TEXT]) for t in toks}) < 100
    assert all(t[KEY] is t[TEXT] for t in toks if t[KEY] == t[TEXT])
    assert held / len(toks) < 200, f"{held / len(toks):.0f} bytes a token"


def test_a_leftover_tag_inside_a_short_repeated_quote_changes_no_record():
    # the repeat pass's minimum length counted a blanked tag's characters (the thorough profile's example)
    plain = ("Theo ông Bùi A, ruầynh, mỵng triễunh ngữt phuảt. Binh nhì Bùi A bày tỏ: «Ruầynh, mỵng». "
             "Bà bày tỏ: «Ruầynh, mỵng».")
    tagged = plain.replace("Bà bày tỏ: «Ruầynh, mỵng»", "Bà bày tỏ: «Ruầynh, </span> mỵng»")
    assert len(extract(tagged)) == len(extract(plain))
