"""quoteattr.extract() reuses one Attributor of the default lexicon; a lexicon given is honoured."""
from __future__ import annotations

import quoteattr
from quoteattr import Lexicon, pipeline

SENTENCE = "Ông Nguyễn Văn Hùng thủ thỉ rằng dự án sẽ hoàn thành vào tháng 6."


def test_two_calls_build_no_new_attributor(monkeypatch):
    first = quoteattr.extract(SENTENCE + " Bà Lan cho biết giá sẽ tăng.")
    built = []
    original = pipeline.Attributor.__init__

    def counting_init(self, *args, **kwargs):
        built.append(kwargs)
        original(self, *args, **kwargs)

    monkeypatch.setattr(pipeline.Attributor, "__init__", counting_init)
    again = quoteattr.extract(SENTENCE + " Bà Lan cho biết giá sẽ tăng.")
    quoteattr.extract("Ông Tuấn nói: “Chúng tôi đã sẵn sàng”.", doc_id="b")
    assert built == []
    assert again == first and first  # the shared one gives the same records


def test_a_custom_lexicon_is_honoured_and_leaves_the_default_alone():
    custom = Lexicon.default().extended(cues=[("thủ thỉ", "speech")])
    assert quoteattr.extract(SENTENCE) == []  # not a cue of the shipped lexicon
    recs = quoteattr.extract(SENTENCE, lexicon=custom, doc_id="d1")
    assert [(r.speaker.name, r.cue.text, r.doc) for r in recs] == [("Nguyễn Văn Hùng", "thủ thỉ", "d1")]
    assert quoteattr.extract(SENTENCE) == []
