"""A self-contained HTML view of one article and its attribution records.

The renderer works the way displaCy's "manual" mode does: records are first
reduced to plain data, ``{"text", "records", "spans": [{start, end, label,
records}]}``, and only that data is turned into markup.  Anything that can
produce those dicts (gold files, another extractor) can therefore be viewed
with :func:`render_data`.

The text is walked once with a single offset cursor, cut at every span
boundary; overlapping or crossing spans are closed and reopened around the
cut (the reopened piece carries ``qa-cont``), so nesting is always valid HTML
and no character is emitted twice or lost.  Every fragment of text and every
attribute value goes through :func:`html.escape`: the article is data, never
markup.

The page needs no network: CSS and JS are inline, and a Content-Security-Policy
admits only those two blocks (by hash).  Highlighting, kind labels, tooltips
(``title``) and the "Who said what" panel with its links work without
JavaScript; the script only adds the click/hover popup.
"""
from __future__ import annotations

import base64
import hashlib
import html
from importlib import resources
from collections.abc import Mapping, Sequence
from typing import Any

from .model import KINDS, Attribution

__all__ = ["LABELS", "render_data", "render_html", "to_render_data"]

#: Span labels, outermost first when two spans cover the same characters.
LABELS: tuple[str, ...] = ("quote", "speaker", "cue", "source")
_LABEL_ORDER = {label: i for i, label in enumerate(LABELS)}
# (label, start key, end key, text key) in a flat record (Attribution.to_dict())
_SPAN_KEYS = (
    ("quote", "quote_start", "quote_end", "quote"),
    ("speaker", "speaker_mention_start", "speaker_mention_end", "speaker_mention"),
    ("cue", "cue_start", "cue_end", "cue"),
    ("source", "source_mention_start", "source_mention_end", "source_mention"),
)
_LABEL_NAMES = {"quote": "Quote", "speaker": "Speaker", "cue": "Cue", "source": "Source"}
_SNIPPET = 160


def _esc(value: object) -> str:
    """Escape for text *and* attribute values (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def _flat(record: Attribution | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(record, Attribution):
        return record.to_dict()
    if isinstance(record, Mapping):
        return dict(record)
    raise TypeError(f"expected Attribution records or dicts, got {type(record).__name__}")


def to_render_data(text: str, records: Sequence[Attribution | Mapping[str, Any]]) -> dict[str, Any]:
    """Reduce records to the plain ``{text, records, spans}`` data the renderer draws.

    One span per distinct ``(start, end, label)``; spans shared by several
    records (a source named once for the whole article, a speaker mention that
    introduces two quotes) list all of them in ``records`` rather than being
    drawn once per record.  Empty spans are dropped: they have nothing to
    highlight.  Raises :class:`ValueError` when a span does not index ``text``
    (records from another text): drawing them would mark the wrong words.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    flat = [_flat(r) for r in records]
    merged: dict[tuple[int, int, str], list[int]] = {}
    for i, rec in enumerate(flat):
        for label, k_start, k_end, k_text in _SPAN_KEYS:
            start, end = rec.get(k_start), rec.get(k_end)
            if start is None or end is None:
                continue
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                raise ValueError(
                    f"record {i}: {label} span {start!r}-{end!r} lies outside the text (length {len(text)})")
            expected = rec.get(k_text)
            if isinstance(expected, str) and text[start:end] != expected:
                raise ValueError(
                    f"record {i}: {label} span {start}-{end} reads {text[start:end]!r}, not {expected!r}"
                    " (records from another text?)")
            if end > start:
                merged.setdefault((start, end, label), []).append(i)
    order = sorted(merged, key=lambda key: (key[0], -key[1], _LABEL_ORDER[key[2]]))
    spans = [{"start": s, "end": e, "label": label, "records": merged[s, e, label]} for s, e, label in order]
    return {"text": text, "records": flat, "spans": spans}


def render_html(text: str, records: Sequence[Attribution | Mapping[str, Any]], *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``text`` with ``records`` highlighted."""
    return render_data(to_render_data(text, records), title=title)


# ---------------------------------------------------------------- the text


def _describe(rec: Mapping[str, Any]) -> str:
    """One line per record for ``title`` tooltips (the no-JS popup)."""
    speaker = rec.get("speaker") or "unknown speaker"
    parts = [f"{rec.get('kind', '?')} quote by {speaker}"]
    if rec.get("speaker_type"):
        parts[0] += f" ({rec['speaker_type']})"
    if rec.get("cue"):
        parts.append(f"cue “{rec['cue']}”")
    if rec.get("source"):
        parts.append(f"source {rec['source']}")
    if rec.get("confidence") is not None:
        parts.append(f"confidence {float(rec['confidence']):.2f}")
    if rec.get("rule"):
        parts.append(f"rule {rec['rule']}")
    return " · ".join(parts)


def _mark_title(span: Mapping[str, Any], records: Sequence[Mapping[str, Any]]) -> str:
    label = span["label"]
    recs = [records[i] for i in span["records"]]
    first = recs[0]
    if label == "speaker":
        head = f"Speaker mention: {first.get('speaker') or '?'}"
        if first.get("speaker_type"):
            head += f" ({first['speaker_type']})"
    elif label == "cue":
        head = f"Cue: {first.get('cue') or ''}"
    elif label == "source":
        head = f"Source: {first.get('source') or first.get('source_mention') or ''}"
        if first.get("source_scope"):
            head += f" ({first['source_scope']} scope)"
    else:
        head = f"Quote ({first.get('kind', '?')})"
    lines = [head] + [_describe(r) for r in recs[:5]]
    if len(recs) > 5:
        lines.append(f"… and {len(recs) - 5} more records")
    return "\n".join(lines)


def _open_tag(span: Mapping[str, Any], records: Sequence[Mapping[str, Any]], first: bool, anchor: str | None) -> str:
    label = span["label"]
    classes = ["qa", f"qa-{label}"]
    attrs = [f'data-label="{label}"', f'data-records="{" ".join(str(i) for i in span["records"])}"']
    if label == "quote":
        kind = str(records[span["records"][0]].get("kind") or "")
        classes.append(f"qa-kind-{kind if kind in KINDS else 'other'}")
        attrs.append(f'data-kind="{_esc(kind)}"')
    if not first:
        classes.append("qa-cont")
    else:
        if anchor:
            attrs.append(f'id="{anchor}"')
        attrs.append('tabindex="0"')
    attrs.append(f'title="{_esc(_mark_title(span, records))}"')
    return f'<mark class="{" ".join(classes)}" {" ".join(attrs)}>'


def _walk(text: str, spans: Sequence[Mapping[str, Any]], records: Sequence[Mapping[str, Any]],
          anchors: Mapping[int, str]) -> str:
    """Markup for ``text``: one cursor, cut at every boundary, spans closed and reopened around crossings."""
    by_start: dict[int, list[int]] = {}
    bounds = {0, len(text)}
    for k, sp in enumerate(spans):
        by_start.setdefault(sp["start"], []).append(k)
        bounds.update((sp["start"], sp["end"]))
    cuts = sorted(bounds)
    out: list[str] = []
    stack: list[int] = []
    opened: set[int] = set()
    for n, pos in enumerate(cuts):
        # close everything from the lowest span that ends here; keep what continues
        low = next((j for j, k in enumerate(stack) if spans[k]["end"] <= pos), None)
        reopen: list[int] = []
        if low is not None:
            out.append("</mark>" * (len(stack) - low))
            reopen = [k for k in stack[low:] if spans[k]["end"] > pos]
            del stack[low:]
        # longer spans outside, so fewer of them need cutting later
        for k in sorted(reopen + by_start.get(pos, []),
                        key=lambda k: (-spans[k]["end"], _LABEL_ORDER.get(spans[k]["label"], 9), k)):
            first = k not in opened
            opened.add(k)
            out.append(_open_tag(spans[k], records, first, anchors.get(k) if first else None))
            stack.append(k)
        if n + 1 < len(cuts):
            out.append(_esc(text[pos:cuts[n + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


# ---------------------------------------------------------------- the panel


def _snippet(quote: str) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= _SNIPPET else quote[: _SNIPPET - 1].rstrip() + "…"


def _details(rec: Mapping[str, Any]) -> str:
    conf = rec.get("confidence")
    rows = [
        ("Speaker", rec.get("speaker") or "—"),
        ("Type", rec.get("speaker_type") or "—"),
        ("Mention", rec.get("speaker_mention") or "—"),
        ("Cue", rec.get("cue") or "—"),
        ("Source", rec.get("source") or "—"),
        ("Kind", rec.get("kind") or "—"),
        ("Confidence", f"{float(conf):.2f}" if conf is not None else "—"),
        ("Rule", rec.get("rule") or "—"),
    ]
    items = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in rows)
    # <details> keeps the record readable without JS; the popup clones this <dl>
    return f'<details class="qa-more"><summary>record</summary><dl>{items}</dl></details>'


def _panel(records: Sequence[Mapping[str, Any]], quote_anchor: Mapping[int, str]) -> str:
    if not records:
        return '<p class="qa-empty">No records: no reported speech was found in this text.</p>'
    groups: dict[str, list[int]] = {}
    for i in sorted(range(len(records)), key=lambda i: (records[i].get("quote_start") or 0, i)):
        rec = records[i]
        key = rec.get("speaker_key") or rec.get("speaker") or ""
        groups.setdefault(str(key), []).append(i)
    out = []
    for n, (key, idx) in enumerate(groups.items()):
        head = records[idx[0]]
        name = head.get("speaker") or "Unattributed"
        kind = head.get("speaker_type")
        count = f"{len(idx)} quote{'s' if len(idx) != 1 else ''}"
        out.append(f'<section class="qa-group" aria-labelledby="qa-g{n}">'
                   f'<h3 id="qa-g{n}"><span class="qa-who">{_esc(name)}</span>'
                   + (f' <span class="qa-type">{_esc(kind)}</span>' if kind else "")
                   + f' <span class="qa-count">{count}</span></h3><ol>')
        for i in idx:
            rec = records[i]
            kind = str(rec.get("kind") or "?")
            k = kind if kind in KINDS else "other"
            target = quote_anchor.get(i)
            label = (f'<span class="qa-badge qa-badge-{k}">{_esc(kind)}</span> '
                     f'{_esc(_snippet(str(rec.get("quote") or "")))}')
            link = (f'<a class="qa-jump" href="#{target}" title="Show this quote in the text">{label}</a>'
                    if target else f'<span class="qa-jump">{label}</span>')
            out.append(f'<li class="qa-entry" id="qa-r{i}" data-record="{i}">{link}{_details(rec)}</li>')
        out.append("</ol></section>")
    return "".join(out)


# ---------------------------------------------------------------- the page

def _asset(name: str) -> str:
    return resources.files("quoteattr").joinpath("render_assets").joinpath(name).read_text(encoding="utf-8")


# The page's style and script are package data (render_assets/), read once at import: the
# Content-Security-Policy below admits exactly these two blocks by their hashes.
_CSS = _asset("article.css")
_JS = _asset("article.js")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


_CSP = (f"default-src 'none'; style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_JS)}; "
        "img-src data:; base-uri 'none'; form-action 'none'")

_LEGEND = (
    '<ul class="qa-legend" aria-label="Legend">'
    '<li><mark class="qa-quote qa-kind-direct" data-kind="direct">quote</mark></li>'
    '<li><mark class="qa-quote qa-kind-mixed" data-kind="mixed">quote</mark></li>'
    '<li><mark class="qa-quote qa-kind-indirect" data-kind="indirect">quote</mark></li>'
    '<li><mark class="qa-speaker">speaker mention</mark></li>'
    '<li><mark class="qa-cue">cue</mark></li>'
    '<li><mark class="qa-source">source mention</mark></li>'
    "</ul>"
)


def render_data(data: Mapping[str, Any], *, title: str | None = None) -> str:
    """The page for plain ``{text, records, spans}`` data (see :func:`to_render_data`).

    Each quote span's first piece gets ``id="qa-q<record>"`` so the panel, and
    any link to ``page.html#qa-q3``, can point at it.
    """
    text: str = data["text"]
    records: Sequence[Mapping[str, Any]] = data.get("records") or []
    spans: Sequence[Mapping[str, Any]] = data.get("spans") or []
    for sp in spans:
        if sp["label"] not in _LABEL_ORDER:
            raise ValueError(f"unknown span label {sp['label']!r}; expected one of {', '.join(LABELS)}")
        if not 0 <= sp["start"] <= sp["end"] <= len(text):
            raise ValueError(f"span {sp['start']}-{sp['end']} lies outside the text (length {len(text)})")
    spans = [sp for sp in spans if sp["end"] > sp["start"]]
    anchors: dict[int, str] = {}       # span index -> element id
    quote_anchor: dict[int, str] = {}  # record index -> id of its quote element
    for k, sp in enumerate(spans):
        if sp["label"] == "quote" and sp["records"]:
            anchors[k] = f"qa-q{sp['records'][0]}"
            for i in sp["records"]:
                quote_anchor.setdefault(i, anchors[k])
    page_title = title if title is not None else "quoteattr"
    n = len(records)
    summary = f"{n} record{'s' if n != 1 else ''}"
    body = _walk(text, spans, records, anchors)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="quoteattr">'
        f"<title>{_esc(page_title)}</title><style>{_CSS}</style></head>\n<body>"
        f'<header><h1>{_esc(page_title)}</h1>{_LEGEND}</header>'
        '<div class="qa-layout">'
        f'<article aria-label="Article text"><div class="qa-text" id="qa-text">{body}</div></article>'
        f'<aside aria-labelledby="qa-panel-title"><h2 id="qa-panel-title">Who said what '
        f'<span class="qa-count">{summary}</span></h2><div id="qa-panel">{_panel(records, quote_anchor)}</div></aside>'
        "</div>"
        '<div id="qa-popup" role="dialog" aria-live="polite" hidden></div>'
        f"<script>{_JS}</script></body></html>\n"
    )
