"""The collection report's index page: one offline HTML file that draws :class:`~quoteattr.report.Collection` data.

The data travels as one JSON block (``<script type="application/json">``)
and the page's script draws it a chunk at a time, so a collection of a
thousand articles opens as fast as a small one: the browser parses one
string instead of laying out tens of thousands of elements before the reader
sees anything.  The JSON is made inert inside HTML (``<``, ``>`` and ``&`` as
``\\u`` escapes), the script builds elements with ``textContent`` only, and a
Content-Security-Policy admits just the page's own style and script (by
hash): no server, no network, nothing from the articles runs.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["index_html", "inert_json"]

_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def inert_json(data: Any) -> str:
    """JSON that cannot end or open a tag inside ``<script>``; ``JSON.parse`` reads it back unchanged."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_INERT)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("quoteattr").joinpath("report_assets").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _filters() -> str:
    return (
        '<form class="rp-filters" id="rp-form" role="search" aria-label="Filter the statements">'
        '<label>Search<input type="search" id="rp-q" autocomplete="off" '
        'placeholder="words of a quote, speaker, article, outlet; or &quot;a phrase&quot;"></label>'
        '<label>Speaker<select id="rp-speaker"><option value="">all speakers</option></select></label>'
        '<label>Kind<select id="rp-kind"><option value="">all kinds</option><option value="direct">direct</option>'
        '<option value="mixed">mixed</option><option value="indirect">indirect</option></select></label>'
        '<label>Outlet<select id="rp-source"><option value="">all outlets</option>'
        '<option value="-1">no outlet named</option></select></label>'
        '<label>Minimum confidence<span class="rp-range"><input type="range" id="rp-min" min="0" max="1" '
        'step="0.05" value="0"><output id="rp-min-out" for="rp-min">0.00</output></span></label>'
        '<button type="reset">Clear</button></form>'
    )


def _failed(failed: list[list[str]]) -> str:
    if not failed:
        return ""
    items = "".join(f"<li><b>{_esc(name)}</b>: {_esc(why)}</li>" for name, why in failed)
    return (f'<details class="rp-failed"><summary>{_plural(len(failed), "article")} could not be read '
            f"or attributed</summary><ul>{items}</ul></details>")


def index_html(data: Mapping[str, Any]) -> str:
    """The index page for :meth:`Collection.data() <quoteattr.report.Collection.data>`."""
    css, js = _asset("report.css"), _asset("report.js")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    title = str(data.get("title") or "quoteattr report")
    reports = sum(len(st["o"]) for st in data["statements"])
    named = sum(1 for sp in data["speakers"] if sp["n"] is not None)
    summary = (f'{_plural(len(data["docs"]), "article")} · {_plural(named, "speaker")} · '
               f'{_plural(len(data["statements"]), "statement")} · {_plural(reports, "report")}')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_esc(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="quoteattr report">'
        f"<title>{_esc(title)}</title><style>{css}</style></head>\n<body>"
        f'<header class="rp-head"><h1>{_esc(title)}</h1><p class="rp-summary">{summary}</p>{_filters()}'
        '<p id="rp-status" aria-live="polite"></p></header>'
        '<noscript><p>The list and its filters are drawn by the page\'s own script: allow JavaScript '
        "for this file (it loads nothing from the network).</p></noscript>"
        '<main id="rp-list" aria-label="Speakers and their statements"></main>'
        '<div class="rp-more" id="rp-more" hidden><button type="button" id="rp-more-btn">show more</button></div>'
        f"{_failed(data.get('failed') or [])}"
        f'<script type="application/json" id="rp-data">{inert_json(data)}</script>'
        f"<script>{js}</script></body></html>\n"
    )
