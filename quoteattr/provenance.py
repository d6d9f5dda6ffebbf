"""What made an output: package version, engine, lexicon checksum.

Written into Parquet metadata and ``eval --json`` and shown by
``quoteattr --version``, so that a fact-check can be reproduced with the
same tool and word lists.
"""
from __future__ import annotations

import json
from typing import Any

from . import __version__
from .lexicon import Lexicon

__all__ = ["provenance", "version_line", "PARQUET_KEY"]

#: Parquet key-value metadata key holding :func:`provenance` as JSON.
PARQUET_KEY = "quoteattr"


def provenance(attributor: Any = None, *, engine: str | None = None) -> dict[str, str]:
    """``{"version", "engine", "lexicon_sha256"}`` of an Attributor (default: the built-in set-up)."""
    lexicon = getattr(attributor, "lexicon", None) or Lexicon.default()
    return {
        "version": __version__,
        "engine": engine or getattr(attributor, "engine_name", None) or "rules",
        "lexicon_sha256": lexicon.checksum(),
    }


def parquet_metadata(attributor: Any) -> dict[str, str]:
    return {PARQUET_KEY: json.dumps(provenance(attributor), sort_keys=True)}


def version_line(lexicon: Lexicon | None = None) -> str:
    """``quoteattr 0.1.0 (lexicons sha256 1a2b…)``: the version and the word lists it uses."""
    digest = (lexicon or Lexicon.default()).checksum()
    return f"quoteattr {__version__} (built-in lexicons sha256:{digest})"
