"""Property-based tests: what must hold for every input, not just the examples.

Each property's docstring says what it guards.  Example counts come from the
hypothesis profile (``tests/conftest.py``): ``ci`` by default,
``--hypothesis-profile=thorough`` for a long run.
"""
from __future__ import annotations

import html
import io
import itertools
import json
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr import KINDS, RECORD_FIELDS, Attributor, extract_many
from quoteattr.io import ReadError, RecordWriter
from quoteattr.segment import find_paragraphs, find_quotes, find_sentences
from quoteattr.text import NormalizedText, fold, retone, retone_word

from .strategies import (
    CLOSE,
    OPEN,
    QUOTE_STYLES,
    any_text,
    check_offsets,
    dicts,
    documents,
    move_tones,
    nfd,
    noisy_documents,
    real_documents,
    render,
    shifted,
    signature,
    syllables,
    templates,
)

ATT = Attributor()
FRESH = Attributor()  # a second, independently built instance
THRESHOLDS = (0.0, 0.3, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)
FILTERING = {x: Attributor(min_confidence=x) for x in THRESHOLDS}
ABBREVIATIONS = ATT._lex.abbreviations

text_documents = st.one_of(documents(), real_documents())


# ---------------------------------------------------------------------------
# offsets and record shape
# ---------------------------------------------------------------------------
@given(st.one_of(documents(), real_documents(), noisy_documents()))
def test_offsets_index_the_callers_text(text):
    """Guards the offset map: for every record and every span in it,
    ``text[start:end] == span.text`` and the span lies inside the text,
    whatever normalisation (NFC, entities, invisible characters) happened inside."""
    check_offsets(text, ATT.extract(text))


@given(st.one_of(documents(), real_documents(), noisy_documents()))
def test_quote_spans_are_ordered_and_disjoint(text):
    """Guards against double attribution: records come in document order and
    the quote spans of one document never overlap (or repeat)."""
    recs = ATT.extract(text)
    starts = [r.quote.start for r in recs]
    assert starts == sorted(starts)
    for a, b in itertools.pairwise(recs):
        assert not a.quote.overlaps(b.quote), (a.quote, b.quote)
        assert a.quote != b.quote


@given(st.one_of(documents(), real_documents(), noisy_documents()))
def test_records_are_well_formed(text):
    """Guards the record contract: known kinds, confidence in [0, 1], non-empty
    quotes, ``speaker.key == fold(speaker.name)``, and ``to_dict`` gives exactly
    RECORD_FIELDS and serialises to JSON."""
    for rec in ATT.extract(text, doc_id="d"):
        assert rec.kind in KINDS
        assert 0.0 <= rec.confidence <= 1.0
        assert rec.quote.text.strip()
        assert rec.doc == "d"
        if rec.speaker is not None and rec.speaker.name is not None:
            assert rec.speaker.key == fold(rec.speaker.name)
        d = rec.to_dict()
        assert tuple(d) == RECORD_FIELDS
        assert json.loads(json.dumps(d, ensure_ascii=False)) == d


# ---------------------------------------------------------------------------
# totality
# ---------------------------------------------------------------------------
@given(any_text())
def test_any_string_gives_a_list(text):
    """Guards totality: any ``str`` (arbitrary Unicode, controls, bidi marks,
    emoji, lone surrogates, stray quotes) returns a list of valid records and
    raises nothing."""
    recs = ATT.extract(text)
    check_offsets(text, recs)


@given(st.one_of(st.binary(), st.integers(), st.floats(), st.none(), st.lists(st.text(max_size=5)),
                 st.builds(bytearray, st.binary()), st.builds(memoryview, st.binary())))
def test_non_str_raises_type_error_only(value):
    """Guards the documented error: a non-``str`` document raises TypeError
    (nothing else), and inside a batch it becomes an error result, not an exception."""
    with pytest.raises(TypeError):
        ATT.extract(value)
    results = list(extract_many([value, "Ông Nguyễn Văn A cho biết, trời mưa."], attributor=ATT))
    assert [r.index for r in results] == [0, 1]
    assert results[0].error is not None and results[1].ok


# ---------------------------------------------------------------------------
# invariance under equivalent spellings
# ---------------------------------------------------------------------------
@given(text_documents)
def test_nfc_nfd_invariance(text):
    """Guards Unicode-form independence: the NFC and NFD spellings of one text give
    the same records (speakers, kinds, sources, quotes), each with offsets valid
    in its own input."""
    nfc_text = unicodedata.normalize("NFC", text)
    nfd_text = nfd(text)
    a, b = ATT.extract(nfc_text), ATT.extract(nfd_text)
    check_offsets(nfc_text, a)
    check_offsets(nfd_text, b)
    assert signature(a) == signature(b)


@given(text_documents, st.integers(0, 2**32))
def test_tone_placement_invariance(text, seed):
    """Guards tone-placement independence: old-style and misplaced tone marks
    (hoà/hòa, thuý/thúy, quỳên/quyền) give the same records, compared on the
    speaker key, kinds, sources and quotes after folding."""
    variant = move_tones(text, seed)
    assert len(variant) == len(text)
    a, b = ATT.extract(text), ATT.extract(variant)
    check_offsets(variant, b)
    assert signature(a) == signature(b)
    # one length, one working text: offsets agree too
    assert [(r.quote.start, r.quote.end) for r in a] == [(r.quote.start, r.quote.end) for r in b]


@given(templates())
def test_quote_style_invariance(template):
    """Guards quote-mark handling: well-formed quotes written “…”, "…", «…» or
    „…“ give the same records at the same offsets (every mark is one character;
    record texts are compared with the marks themselves unified)."""
    results = {style: ATT.extract(render(template, style)) for style in QUOTE_STYLES}
    for style, recs in results.items():
        check_offsets(render(template, style), recs)
    base = same_marks(dicts(results["curly"]))
    for style in ("straight", "angle", "german"):
        assert same_marks(dicts(results[style])) == base, style


_ONE_MARK = str.maketrans({ch: '"' for ch in "“”„«»"})


def same_marks(records):
    """Records with every quote mark written '"': a quoted term inside a longer
    indirect quote keeps its own marks in the quote text."""
    return [{k: v.translate(_ONE_MARK) if isinstance(v, str) else v for k, v in d.items()} for d in records]


_OPENING_SIDE = set(" \n\t([{—–-/:;,")  # what may stand before a mark that opens
_CLOSING_SIDE = set(" \n\t)]}.,;:!?…—–-/")  # what may follow a mark that closes


def _position_decides(text: str, i: int) -> bool:
    """Is the mark at ``text[i]`` an opener or a closer by where it stands alone:
    space (or an opening bracket, a colon …) on one side, a word on the other?"""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = prev in _OPENING_SIDE and nxt.isalnum()
    closes = (prev.isalnum() or prev in ".,!?…") and nxt in _CLOSING_SIDE
    return opens != closes


@given(st.one_of(templates().map(render), real_documents(), noisy_documents()))
# a straight mark left open, then curly quotes that open sentences (found by hypothesis)
@example('"Cao A quát: “Nghoẵch phau pìch Phạm Nghym Thiệut lyềut”. “Rừing nghuy, đoaỷm nguát oóc pặn khầunh”, '
         'Cao A lấy ví dụ.')
# a straight mark after a comma and before a space, closing a quote nothing opened
@example('Theo chuẩn đô đốc Dương Aich, ruầynh," mỵng triễunh.')
# a closer's shape where the position says "open", inside an open quote
@example('Ông Bùi A A bày tỏ: “Ruầynh, mỵng”. Binh nhì Bùi A bày tỏ: “Ầuch ”giởich”.')
def test_straight_marks_equal_curly_where_position_decides(text):
    """Guards the rule for straight quote marks (docs/how-it-works.md): where its
    position alone says whether a mark opens or closes, a straight " gives the
    same records as a curly “ or ” (either one, even the wrong one for the
    place).  Only a mark with a word on both sides (n"ông) is left as it is:
    there a curly mark's shape is information a straight one lacks."""
    straight = "".join('"' if ch in "“”" and _position_decides(text, i) else ch for i, ch in enumerate(text))
    a, b = ATT.extract(text), ATT.extract(straight)
    check_offsets(straight, b)
    assert same_marks(dicts(a)) == same_marks(dicts(b))


@given(templates(), st.sampled_from([("&quot;", "&quot;"), ("&#8220;", "&#8221;"), ("&#x201C;", "&#x201D;"),
                                      ("&laquo;", "&raquo;"), ("&ldquo;", "&rdquo;")]))
def test_html_entity_quotes_invariance(template, marks):
    """Guards HTML character references: quotes written as entities (&quot;,
    &#8220;, &ldquo; …) give the same records as the characters themselves, with
    offsets that index the entity-laden input."""
    o, c = marks
    plain = template.replace(OPEN, html.unescape(o)).replace(CLOSE, html.unescape(c))
    entity = template.replace(OPEN, o).replace(CLOSE, c)
    a, b = ATT.extract(plain), ATT.extract(entity)
    check_offsets(entity, b)
    assert signature(a) == signature(b)


@given(text_documents, st.data())
def test_leftover_html_tags_invariance(text, data):
    """Guards scraped-page leftovers: inline tags (<b>, <a href=…>, <span …>) put
    between words and <p>/<br> tags at line ends change no record, and spans
    still index the tag-laden input."""
    tags = st.sampled_from(["<b>", "</b>", "<i>", "</span>", '<span class="x">', '<a href="/a?b=1&c=2">',
                            "</a>", "<strong>", "<em>", "</em>"])
    words = text.split(" ")
    marks = data.draw(st.lists(st.tuples(st.integers(0, max(0, len(words) - 1)), tags), max_size=8))
    for i, tag in sorted(marks, reverse=True):
        words.insert(i, tag)
    variant = " ".join(words)
    variant = variant.replace("\n", data.draw(st.sampled_from(["\n", "<br>\n", "</p>\n<p>", "<br/>"])))
    a, b = ATT.extract(text), ATT.extract(variant)
    check_offsets(variant, b)
    assert signature(a) == signature(b)


@given(text_documents, st.sampled_from(["\r\n", "\r", "\u2028"]))
def test_line_ending_invariance(text, newline):
    """Guards line-ending handling: the same article with \\r\\n, \\r or U+2028
    line ends gives the same records, offsets valid in each input."""
    variant = text.replace("\n", newline)
    a, b = ATT.extract(text), ATT.extract(variant)
    check_offsets(variant, b)
    assert signature(a) == signature(b)


@given(text_documents, st.data())
def test_invisible_characters_invariance(text, data):
    """Guards the removal of invisible characters: a BOM, zero-width and bidi
    marks and soft hyphens inserted anywhere change no record, only offsets."""
    inserts = data.draw(st.lists(
        st.tuples(st.integers(0, len(text)), st.sampled_from(["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060",
                                                               "\u200e", "\u200f", "\u202b", "\u202c", "\u00ad"])),
        max_size=10,
    ))
    variant = text
    for pos, ch in sorted(inserts, reverse=True):
        variant = variant[:pos] + ch + variant[pos:]
    a, b = ATT.extract(text), ATT.extract(variant)
    check_offsets(variant, b)
    assert signature(a) == signature(b)


_INVISIBLE_CHARS = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u200f", "\u202b", "\u202c",
                    "\u00ad"]
_INVISIBLE_REFERENCES = ["&shy;", "&#173;", "&#xAD;", "&#8203;", "&#x200B;", "&ZeroWidthSpace;", "&zwnj;", "&zwj;",
                         "&lrm;", "&rlm;", "&#xFEFF;", "&#8206;", "&NoBreak;"]


def _insert(text: str, inserts: list[tuple[int, str]]) -> str:
    for pos, ch in sorted(inserts, key=lambda x: x[0], reverse=True):
        text = text[:pos] + ch + text[pos:]
    return text


@given(text_documents, st.data())
def test_invisible_references_invariance(text, data):
    """Guards invisible characters written as HTML references: &shy;, &#8203;,
    &lrm;, &#xFEFF; … inserted anywhere (inside a cue, a name, before a credit)
    change no record, and offsets index the reference-laden input."""
    inserts = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.sampled_from(_INVISIBLE_REFERENCES)),
                                 max_size=10))
    variant = _insert(text, inserts)
    a, b = ATT.extract(text), ATT.extract(variant)
    check_offsets(variant, b)
    assert signature(a) == signature(b)


@given(text_documents, st.data())
def test_invisible_characters_in_nfd_invariance(text, data):
    """Guards composition: in NFD text, invisible characters (or references to
    them) between a base letter and its combining marks change no record."""
    decomposed = nfd(text)
    marks = [i for i, ch in enumerate(decomposed) if unicodedata.combining(ch)] or [0]
    inserts = data.draw(st.lists(st.tuples(st.one_of(st.sampled_from(marks), st.integers(0, len(decomposed))),
                                           st.sampled_from(_INVISIBLE_CHARS + _INVISIBLE_REFERENCES)), max_size=10))
    variant = _insert(decomposed, inserts)
    a, b = ATT.extract(decomposed), ATT.extract(variant)
    check_offsets(variant, b)
    assert signature(a) == signature(b)


@given(text_documents, st.data())
def test_invisible_characters_inside_tags_invariance(text, data):
    """Guards leftover tags: a tag with invisible characters inside it (<b\u200br>)
    is blanked like the clean tag and ends up in no record."""
    tags = ["<b>", "</b>", "<i>", "</span>", '<span class="x">', "<br>", "</p>", "<strong>", "</em>"]
    words = text.split(" ")
    picks = data.draw(st.lists(st.tuples(st.integers(0, max(0, len(words) - 1)), st.sampled_from(tags)),
                               min_size=1, max_size=6))
    clean, dirty = list(words), list(words)
    for i, tag in sorted(picks, reverse=True):
        at = data.draw(st.lists(st.tuples(st.integers(1, len(tag) - 1), st.sampled_from(_INVISIBLE_CHARS)),
                                min_size=1, max_size=3))
        clean.insert(i, tag)
        dirty.insert(i, _insert(tag, at))
    a, b = ATT.extract(" ".join(clean)), ATT.extract(" ".join(dirty))
    check_offsets(" ".join(dirty), b)
    assert signature(a) == signature(b)


@given(text_documents, st.text(alphabet=" \n\t\u00a0", max_size=6))
def test_leading_whitespace_only_shifts_offsets(text, prefix):
    """Guards position independence: white space before an article moves every
    offset by its length and changes nothing else."""
    a, b = ATT.extract(text), ATT.extract(prefix + text)
    assert shifted(a, len(prefix)) == dicts(b)


# ---------------------------------------------------------------------------
# determinism and independence
# ---------------------------------------------------------------------------
@given(st.one_of(documents(), real_documents(), noisy_documents()))
def test_deterministic(text):
    """Guards against hidden state: the same input twice, or through a fresh
    Attributor, gives identical records."""
    first = dicts(ATT.extract(text))
    assert dicts(ATT.extract(text)) == first
    assert dicts(FRESH.extract(text)) == first


@given(st.lists(st.one_of(documents(max_paragraphs=3), real_documents()), min_size=1, max_size=4))
def test_batch_equals_one_by_one(texts):
    """Guards batch independence: a document attributed inside a batch
    (``extract_many`` or ``extract_batch``) gets exactly the records it gets
    alone, and its doc id."""
    items = [(f"doc{i}", t) for i, t in enumerate(texts)]
    results = list(extract_many(items, attributor=ATT))
    assert [r.index for r in results] == list(range(len(texts)))
    batch = ATT.extract_batch([t for _, t in items], doc_ids=[i for i, _ in items])
    for (doc_id, text), res, recs in zip(items, results, batch):
        assert res.ok and res.doc_id == doc_id
        assert dicts(res.records) == dicts(ATT.extract(text, doc_id=doc_id)) == dicts(recs)


@given(st.lists(st.one_of(documents(max_paragraphs=2),
                          st.just(ReadError("unreadable")), st.binary(max_size=8), st.none(),
                          st.integers()), max_size=8))
def test_batch_accounts_for_every_document(items):
    """Guards "nothing lost": every input item comes back as exactly one result,
    in order; bad items carry an error and never cost the good ones their records."""
    results = list(extract_many([(f"d{i}", x) for i, x in enumerate(items)], attributor=ATT))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(len(items))]
    for item, res in zip(items, results):
        if isinstance(item, str):
            assert res.ok
            assert dicts(res.records) == dicts(ATT.extract(item, doc_id=res.doc_id))
        else:
            assert not res.ok and res.error


@given(text_documents, text_documents, st.sampled_from(["\n\f\n", "\f", "\n\x1e\n", "\x1e"]))
def test_article_break_isolates_articles(first, second, brk):
    """Guards the article break: two articles joined by a form feed or record
    separator keep exactly the records each has alone (the second shifted)."""
    joined = first + brk + second
    recs = ATT.extract(joined)
    check_offsets(joined, recs)
    shift = len(first) + len(brk)
    head = [r for r in recs if r.quote.end <= len(first)]
    tail = [r for r in recs if r.quote.start >= shift]
    assert len(head) + len(tail) == len(recs)
    assert dicts(head) == dicts(ATT.extract(first))
    assert dicts(tail) == shifted(ATT.extract(second), shift)


@given(st.one_of(documents(), real_documents()), st.sampled_from(THRESHOLDS))
def test_min_confidence_only_filters(text, threshold):
    """Guards ``min_confidence``: it drops exactly the records below the
    threshold and changes none of the others."""
    everything = ATT.extract(text)
    filtered = FILTERING[threshold].extract(text)
    assert dicts(filtered) == [r.to_dict() for r in everything if r.confidence >= threshold]


@given(st.lists(st.one_of(documents(max_paragraphs=2), noisy_documents()), max_size=4))
def test_jsonl_writer_round_trips(texts):
    """Guards the output side: the JSONL writer emits one parseable line per
    record (no line breaks leak from record text) that reads back as ``to_dict``."""
    recs = [r for i, t in enumerate(texts) for r in ATT.extract(t, doc_id=f"d{i}")]
    buf = io.StringIO()
    w = RecordWriter(buf, "jsonl")
    w.write(recs)
    w.close()
    lines = buf.getvalue().split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == dicts(recs)


# ---------------------------------------------------------------------------
# building blocks: normalisation and segmentation
# ---------------------------------------------------------------------------
@given(any_text(), st.data())
def test_normalized_text_maps_back(text, data):
    """Guards text.NormalizedText: any working-copy stretch maps to a valid span of
    the original, the map is monotone, and the working copy has no \\r, bidi or
    zero-width characters left."""
    nt = NormalizedText(text)
    n = len(nt.text)
    assert not any(ch in nt.text for ch in "\r\ufeff\u200b\u200e\u200f\u202e")
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    span = nt.span(a, b)
    assert text[span.start:span.end] == span.text
    starts = [nt.start_to_original(i) for i in range(0, n + 1, max(1, n // 50))]
    assert starts == sorted(starts)
    assert nt.span(0, n).end <= len(text)


@given(st.lists(syllables(capital=False), min_size=1, max_size=20), st.integers(0, 2**32))
def test_tone_folding(words, seed):
    """Guards text.retone/fold: retone keeps length and is idempotent, fold is
    idempotent, and every placement of a syllable's tone mark folds to one key."""
    text = " ".join(words)
    assert len(retone(text)) == len(text)
    assert retone(retone(text)) == retone(text)
    assert fold(fold(text)) == fold(text)
    variant = move_tones(text, seed)
    assert fold(variant) == fold(text)
    assert [retone_word(w) for w in variant.split()] == [retone_word(w) for w in text.split()]


@given(st.one_of(any_text(), documents()))
def test_segmenter_is_total_and_nested(text):
    """Guards segment.py on messy input: paragraphs are ordered and disjoint,
    sentences lie inside their paragraph, quotes are ordered, disjoint,
    non-empty and inside the text."""
    norm = NormalizedText(text).text
    paras = find_paragraphs(norm)
    for a, b in itertools.pairwise(paras):
        assert a.end <= b.start
    sents = find_sentences(norm, paras, ABBREVIATIONS)
    for s in sents:
        p = paras[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    quotes = find_quotes(norm, paras, sents)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(norm)
        assert q.outer_start <= q.start and q.end <= q.outer_end <= len(norm)
    for a, b in itertools.pairwise(quotes):
        assert a.end <= b.start


@given(templates(max_paragraphs=3), st.sampled_from(sorted(QUOTE_STYLES)))
def test_well_formed_quotes_are_found(template, style):
    """Guards quote pairing: every quote the generator wrote (well-formed, any
    style) is found by the segmenter with exactly its content."""
    text = render(template, style)
    norm = NormalizedText(text).text
    paras = find_paragraphs(norm)
    quotes = find_quotes(norm, paras, find_sentences(norm, paras, ABBREVIATIONS))
    expected = []
    pos = 0
    while True:
        o = template.find(OPEN, pos)
        if o < 0:
            break
        c = template.find(CLOSE, o)
        expected.append(template[o + 1:c].strip())
        pos = c + 1
    assert [norm[q.start:q.end] for q in quotes] == [retone(unicodedata.normalize("NFC", e)) for e in expected]
