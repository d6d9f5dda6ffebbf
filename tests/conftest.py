"""Shared test configuration.

Hypothesis profiles (choose with ``--hypothesis-profile=NAME`` or the
``HYPOTHESIS_PROFILE`` environment variable):

* ``ci`` (default): 200 examples per property, no deadline.
* ``thorough``: 2000 examples per property, for a long run before a release.
* ``dev``: 30 examples, for a quick local loop.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from quoteattr.lexicon import Lexicon

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=200, **_COMMON)
settings.register_profile("thorough", max_examples=2000, **_COMMON)
settings.register_profile("dev", max_examples=30, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def lex():
    """The default lexicons, compiled once per test module (so memos keyed on it start cold in each)."""
    return Lexicon.default().compile()
