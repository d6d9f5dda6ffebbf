"""The stanza engine: the adapter on hand-built stanza Documents (runs everywhere,
no model), its error paths, and the real pipeline on the shared test models."""
from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

import quoteattr
from quoteattr.analysis import Analysis, Word
from quoteattr.cli import main
from quoteattr.text import NormalizedText

stanza = pytest.importorskip("stanza", reason="stanza is not installed (pip install 'quoteattr[stanza]')")
from stanza.models.common.doc import Document  # noqa: E402

from quoteattr.engines.stanza import (  # noqa: E402
    EngineError, StanzaEngine, check_model_dir, check_pipeline, document_to_analysis,
)

MODELS = Path(__file__).resolve().parents[1].parent / "shared" / "models" / "stanza-vi"


def _word(i, text, start, upos, head, deprel, ner=None):
    d = {"id": i, "text": text, "upos": upos, "head": head, "deprel": deprel,
         "misc": f"start_char={start}|end_char={start + len(text)}"}
    if ner:
        d["ner"] = ner
    return d


def _doc(text: str, rows) -> Document:
    """A stanza Document from (text, upos, head, deprel, ner) rows, offsets found in ``text``."""
    words, pos = [], 0
    for i, (w, upos, head, rel, ner) in enumerate(rows, 1):
        start = text.index(w, pos)
        words.append(_word(i, w, start, upos, head, rel, ner))
        pos = start + len(w)
    return Document([words], text=text)


# "Đội cứu hộ cho biết hai người đã được đưa lên bờ." — a subject no rule knows
RESCUE = "Đội cứu hộ cho biết hai người đã được đưa lên bờ."
RESCUE_ROWS = [
    ("Đội", "NOUN", 4, "nsubj", None), ("cứu hộ", "VERB", 1, "compound", None),
    ("cho", "VERB", 0, "root", None), ("biết", "VERB", 3, "compound:svc", None),
    ("hai", "NUM", 6, "nummod", None), ("người", "NOUN", 9, "nsubj:pass", None),
    ("đã", "ADV", 9, "advmod", None), ("được", "AUX", 9, "aux:pass", None),
    ("đưa", "VERB", 3, "ccomp", None), ("lên", "ADP", 11, "case", None),
    ("bờ", "NOUN", 9, "obl", None), (".", "PUNCT", 3, "punct", None),
]


def test_document_to_analysis_keeps_offsets_heads_and_entities():
    text = "Ông Hùng nói."
    doc = _doc(text, [("Ông", "NOUN", 2, "clf", None), ("Hùng", "PROPN", 3, "nsubj", "S-PER"),
                      ("nói", "VERB", 0, "root", None), (".", "PUNCT", 3, "punct", None)])
    a = document_to_analysis(doc, offset=10)
    assert [(w.start, w.end, w.text) for w in a.words] == [(10, 13, "Ông"), (14, 18, "Hùng"), (19, 22, "nói"),
                                                         (22, 23, ".")]
    assert [w.head for w in a.words] == [1, 2, -1, 2]
    assert a.words[1].ner == "S-PER" and a.is_name(14, 18) and not a.is_name(19, 22)
    assert a.entity_type(14, 18) == "PER"


def test_subject_and_clause_of_a_two_word_cue():
    a = document_to_analysis(_doc(RESCUE, RESCUE_ROWS))
    cue = RESCUE.index("cho biết")
    assert a.subject_of(cue, cue + len("cho biết")) == (0, len("Đội cứu hộ"))
    s, e = a.clause_of(cue, cue + len("cho biết"))
    assert RESCUE[s:e] == "hai người đã được đưa lên bờ"


def test_analysis_rejects_unordered_words_and_bad_heads():
    with pytest.raises(ValueError):
        Analysis((Word(5, 6, "b"), Word(0, 1, "a")))
    with pytest.raises(ValueError):
        Analysis((Word(0, 1, "a", head=7),))


class _FakePipeline:
    """Stands in for stanza.Pipeline: returns the prepared Document for each text."""

    lang = "vi"

    def __init__(self, docs: dict[str, Document]):
        self.docs = docs
        self.processors = {"tokenize": None, "pos": None, "lemma": None, "depparse": None}
        self.calls = 0

    def bulk_process(self, docs):
        self.calls += 1
        return [self.docs.get(d.text, Document([], text=d.text)) for d in docs]


def test_parse_supplies_a_subject_the_rules_cannot_find():
    rules = quoteattr.Attributor()
    assert rules.extract(RESCUE) == []  # "Đội cứu hộ" is in no lexicon
    att = quoteattr.Attributor(stanza_pipeline=_FakePipeline({RESCUE: _doc(RESCUE, RESCUE_ROWS)}))
    (rec,) = att.extract(RESCUE)
    assert rec.speaker.name == "Đội cứu hộ"
    assert rec.quote.text == "hai người đã được đưa lên bờ"
    assert rec.cue.text == "cho biết"


# the parse puts "đề nghị" inside the ccomp of "cho biết" (a relative clause on "những người", in
# apposition to "chuyên gia"), with no subject of its own; after the comma the rules read a new clause
EMBEDDED = "Ông Thọ cho biết, đã gặp nhiều chuyên gia, những người đề nghị tăng giá điện."
EMBEDDED_ROWS = [
    ("Ông", "NOUN", 3, "nsubj", None), ("Thọ", "PROPN", 1, "flat:name", None),
    ("cho", "VERB", 0, "root", None), ("biết", "VERB", 3, "compound:svc", None), (",", "PUNCT", 7, "punct", None),
    ("đã", "ADV", 7, "advmod", None), ("gặp", "VERB", 3, "ccomp", None), ("nhiều", "ADJ", 9, "amod", None),
    ("chuyên gia", "NOUN", 7, "obj", None), (",", "PUNCT", 12, "punct", None), ("những", "DET", 12, "det", None),
    ("người", "NOUN", 9, "appos", None), ("đề nghị", "VERB", 12, "acl:relcl", None),
    ("tăng", "VERB", 13, "xcomp", None), ("giá", "NOUN", 14, "obj", None), ("điện", "NOUN", 15, "compound", None),
    (".", "PUNCT", 3, "punct", None),
]


def test_parse_keeps_a_cue_inside_the_reported_clause():
    """Rules end the content where a later cue's would-be subject starts; the
    ccomp subtree says that cue belongs to what Ông Thọ reported."""
    rules = [r.quote.text for r in quoteattr.Attributor().extract(EMBEDDED)]
    assert rules[0] == "đã gặp nhiều chuyên gia"
    att = quoteattr.Attributor(stanza_pipeline=_FakePipeline({EMBEDDED: _doc(EMBEDDED, EMBEDDED_ROWS)}))
    recs = att.extract(EMBEDDED)
    assert [(r.speaker.name, r.quote.text) for r in recs] == [
        ("Thọ", "đã gặp nhiều chuyên gia, những người đề nghị tăng giá điện")]


def test_offsets_map_back_to_an_nfd_caller_text():
    nfd = unicodedata.normalize("NFD", RESCUE)
    nt = NormalizedText(nfd)
    att = quoteattr.Attributor(stanza_pipeline=_FakePipeline({nt.text: _doc(nt.text, RESCUE_ROWS)}))
    (rec,) = att.extract(nfd)
    for span in (rec.quote, rec.cue, rec.speaker.mention):
        assert nfd[span.start:span.end] == span.text
    assert unicodedata.normalize("NFC", rec.quote.text) == "hai người đã được đưa lên bờ"


def test_batch_parses_all_documents_in_one_call():
    fake = _FakePipeline({RESCUE: _doc(RESCUE, RESCUE_ROWS)})
    att = quoteattr.Attributor(stanza_pipeline=fake)
    out = list(quoteattr.extract_many([("a", RESCUE), ("b", "Không có gì."), ("c", RESCUE)], attributor=att))
    assert [r.doc_id for r in out] == ["a", "b", "c"]
    assert [len(r.records) for r in out] == [1, 0, 1]
    assert fake.calls == 1


# --- error paths ------------------------------------------------------------------------------

def test_no_model_folder_given(monkeypatch):
    monkeypatch.delenv(quoteattr.STANZA_DIR_ENV, raising=False)
    with pytest.raises(EngineError, match="QUOTEATTR_STANZA_DIR"):
        quoteattr.Attributor(engine="stanza")


def test_missing_folder_and_missing_files(tmp_path):
    with pytest.raises(EngineError, match="not found"):
        check_model_dir(tmp_path / "nowhere")
    with pytest.raises(EngineError, match="resources.json"):
        check_model_dir(tmp_path)
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    with pytest.raises(EngineError, match="Vietnamese"):
        check_model_dir(tmp_path)
    for proc in ("tokenize", "pos"):
        (tmp_path / "vi" / proc).mkdir(parents=True)
        (tmp_path / "vi" / proc / "m.pt").write_bytes(b"x")
    with pytest.raises(EngineError, match="depparse"):
        check_model_dir(tmp_path)


def test_pipeline_without_a_parser_is_refused():
    fake = _FakePipeline({})
    del fake.processors["depparse"]
    with pytest.raises(EngineError, match="depparse"):
        check_pipeline(fake)
    with pytest.raises(TypeError):
        check_pipeline(object())


def test_stanza_not_installed(monkeypatch, tmp_path):
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    for proc in ("tokenize", "pos", "depparse"):
        (tmp_path / "vi" / proc).mkdir(parents=True)
        (tmp_path / "vi" / proc / "m.pt").write_bytes(b"x")
    monkeypatch.setitem(sys.modules, "stanza", None)
    with pytest.raises(ImportError, match=r"quoteattr\[stanza\]"):
        StanzaEngine(model_dir=tmp_path)


def test_cli_reports_a_missing_model_without_traceback(monkeypatch, tmp_path):
    monkeypatch.delenv(quoteattr.STANZA_DIR_ENV, raising=False)
    doc = tmp_path / "a.txt"
    doc.write_text(RESCUE, encoding="utf-8")
    err = io.StringIO()
    status = main(["extract", str(doc), "--engine", "stanza", "--stanza-dir", str(tmp_path / "none")],
                  stdout=io.StringIO(), stderr=err)
    assert status == 2
    assert "not found" in err.getvalue() and "Traceback" not in err.getvalue()


# --- the real pipeline on the shared test models ------------------------------------------------

needs_models = pytest.mark.skipif(not (MODELS / "resources.json").is_file(),
                                  reason=f"shared stanza test models not found at {MODELS}")


@pytest.fixture(scope="module")
def stanza_attributor():
    return quoteattr.Attributor(engine="stanza", stanza_dir=MODELS, use_gpu=False)


@pytest.mark.stanza
@needs_models
def test_real_pipeline_attributes_a_seed_article(stanza_attributor):
    seed = Path(__file__).resolve().parents[1] / "seeds" / "002_6d787ef4197fffd7.txt"
    text = seed.read_text(encoding="utf-8")
    recs = stanza_attributor.extract(text, doc_id=seed.name)
    assert len(recs) >= 8
    for r in recs:
        for span in (r.quote, r.cue, r.speaker.mention if r.speaker else None):
            if span is not None:
                assert text[span.start:span.end] == span.text
    # at least as many records as the rule engine on this article
    assert len(recs) >= len(quoteattr.Attributor().extract(text))


@pytest.mark.stanza
@needs_models
def test_real_pipeline_from_environment_variable(monkeypatch):
    monkeypatch.setenv(quoteattr.STANZA_DIR_ENV, str(MODELS))
    att = quoteattr.Attributor(engine="stanza", use_gpu=False)
    (rec,) = [r for r in att.extract("Bộ Y tế cho biết, số ca mắc đã giảm mạnh.") if r.kind == "indirect"]
    assert rec.speaker.name == "Bộ Y tế"


@pytest.mark.stanza
@needs_models
def test_real_pipeline_batch_equals_one_by_one(stanza_attributor):
    texts = ["Ông Nguyễn Văn Hùng cho biết, dự án sẽ hoàn thành vào tháng 6.",
             "“Chúng tôi sẽ làm ngay”, bà Mai nói.", ""]
    batch = stanza_attributor.extract_batch(texts)
    alone = [stanza_attributor.extract(t) for t in texts]
    assert [[r.to_dict() for r in rs] for rs in batch] == [[r.to_dict() for r in rs] for rs in alone]


@pytest.mark.stanza
@needs_models
def test_cli_runs_the_stanza_engine(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Bộ Y tế cho biết, số ca mắc đã giảm mạnh.", encoding="utf-8")
    out = io.StringIO()
    assert main(["extract", str(doc), "--engine", "stanza", "--stanza-dir", str(MODELS), "--cpu", "-q"],
                stdout=out, stderr=io.StringIO()) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows and rows[0]["speaker"] == "Bộ Y tế"
