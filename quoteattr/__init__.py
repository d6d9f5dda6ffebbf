"""quoteattr: who said what in Vietnamese news.

>>> import quoteattr
>>> recs = quoteattr.extract("Ông Nguyễn Văn Hùng cho biết, dự án sẽ hoàn thành vào tháng 6.")
>>> recs[0].speaker.name, recs[0].quote.text
('Nguyễn Văn Hùng', 'dự án sẽ hoàn thành vào tháng 6')
"""
from __future__ import annotations

import logging

__version__ = "0.1.0"

from .batch import DocResult, extract_many
from .evaluate import EvalResult, Scores, evaluate, format_errors, format_scores, load_records
from .lexicon import Lexicon
from .model import KINDS, RECORD_FIELDS, Attribution, Source, Speaker, Span
from .pipeline import ENGINES, STANZA_DIR_ENV, Attributor, extract
from .render import render_html


__all__ = [
    "Attribution", "Attributor", "DocResult", "ENGINES", "EvalResult", "KINDS", "Lexicon", "RECORD_FIELDS",
    "STANZA_DIR_ENV", "Scores", "Source", "Span", "Speaker", "__version__", "evaluate", "extract", "extract_many",
    "format_errors", "format_scores", "load_records", "render_html",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
