"""Lexicons are data: loaded from the package, extended from a folder or in code."""
from __future__ import annotations

import pickle

import pytest

from quoteattr import Attributor, Lexicon
from quoteattr.lexicon import LEXICON_FILES, PhraseMatcher
from quoteattr.tokens import tokenize


def test_default_lexicons_load_and_cover_the_brief():
    lex = Lexicon.default()
    cues = set(lex.words("cues"))
    for phrase in ("cho biết", "cho hay", "nói", "nhấn mạnh", "tuyên bố", "khẳng định", "cho rằng", "bày tỏ",
                   "lưu ý", "chia sẻ", "tiết lộ", "thông báo", "cảnh báo", "kêu gọi", "đề nghị", "yêu cầu",
                   "cam kết", "nhận định", "đánh giá", "phát biểu", "giải thích", "thừa nhận", "phủ nhận",
                   "bác bỏ", "cáo buộc", "mô tả", "nêu rõ", "trả lời phỏng vấn", "theo", "dẫn lời"):
        assert phrase in cues, phrase
    assert set(lex.tables) == set(LEXICON_FILES)


def test_extend_from_a_folder_adds_and_removes(tmp_path):
    (tmp_path / "cues.tsv").write_text("phản pháo\tspeech\tany\n-nói\n-nói rằng\n", encoding="utf-8")
    lex = Lexicon.default().extended_from(tmp_path)
    assert "phản pháo" in lex.words("cues") and "nói" not in lex.words("cues")
    att = Attributor(lexicon=lex)
    (rec,) = att.extract("Bộ Y tế phản pháo rằng số liệu trên là sai.")
    assert rec.cue.text == "phản pháo"
    assert att.extract("Bộ Y tế nói rằng số liệu trên là sai.") == []


def test_extend_in_code_and_lexicons_pickle():
    lex = Lexicon.default().extended(outlets=[("Báo Pháp Luật", "PLO")], titles=["Trụ trì"])
    assert pickle.loads(pickle.dumps(lex)) == lex
    (rec,) = Attributor(lexicon=lex).extract("Trụ trì Thích Minh Tuệ cho biết chùa sẽ mở cửa.")
    assert rec.speaker.name == "Thích Minh Tuệ"


@pytest.mark.parametrize("files, message", [
    ({"verbs.txt": "nói\n"}, "not a lexicon file"),
    ({"cues.tsv": "nói\tshout\n"}, "class"),
    ({"cues.tsv": "nói\tspeech\tsometimes\n"}, "takes"),
])
def test_bad_lexicon_files_are_refused_clearly(tmp_path, files, message):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        Lexicon.default().extended_from(tmp_path)
    with pytest.raises(FileNotFoundError):
        Lexicon.default().extended_from(tmp_path / "missing")


def test_phrase_matcher_is_longest_match_and_case_insensitive():
    m = PhraseMatcher([("cho", 1), ("cho biết", 2), ("cho biết thêm", 3)])
    toks = tokenize("Ông A CHO BIẾT THÊM rằng")
    assert m.match(toks, 2) == (3, 3)
    assert m.find_all(toks) == [(2, 3, 3)]
    assert m.match_ending(toks, 4) == (2, 2)


def test_anaphor_columns_are_read_into_the_compiled_lexicon_with_user_rows():
    lex = Lexicon.default().extended(anaphors=[("Cô Nàng", "f", "junior"), ("bọn họ", "plural"), ("vị khách",)])
    compiled = lex.compile()
    assert compiled.epithet_gender["cô nàng"] == "f" and compiled.epithet_age["cô nàng"] == "junior"
    assert "bọn họ" in compiled.plural_anaphors and "bọn họ" not in compiled.epithet_gender
    assert "vị khách" not in compiled.epithet_gender and "vị khách" not in compiled.epithet_age
    rows = lex.tables["anaphors"]
    assert compiled.plural_anaphors == {r[0].casefold() for r in rows if r[1:2] == ("plural",)}
