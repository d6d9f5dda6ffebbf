"""The :class:`Attributor`: one configured pipeline, reused across documents."""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .analysis import Analysis
from .lexicon import Lexicon
from .mentions import MentionParser
from .model import Attribution, Source, Speaker
from .segment import find_articles, find_paragraphs, find_quotes, find_sentences
from .sieve import Record, attribute_article
from .sieve.windows import attribute_windows, needs_windows
from .text import NormalizedText, fold
from .tokens import TokenCache, tokenize

__all__ = ["Attributor", "ENGINES", "STANZA_DIR_ENV"]

log = logging.getLogger("quoteattr")

ENGINES = ("rules", "stanza")
#: Environment variable naming the folder of a local stanza Vietnamese model.
STANZA_DIR_ENV = "QUOTEATTR_STANZA_DIR"


class Attributor:
    """Extracts speaker–quote–source records from Vietnamese text.

    Build one and reuse it: lexicons are compiled (and a stanza pipeline
    loaded) once, in the constructor.  An Attributor keeps no state between
    documents that could change a record (only a bounded cache of how chunks
    of text split into tokens), so one instance may serve many threads' worth
    of calls in turn.

    Parameters
    ----------
    lexicon:
        Word lists to use; ``Lexicon.default()`` when omitted.  Extend the
        default with ``Lexicon.default().extended_from(folder)``.
    engine:
        ``"rules"`` (default, needs no model) or ``"stanza"`` (word
        segmentation, POS and dependency parse from a local stanza model).
    stanza_dir:
        Folder of a Vietnamese stanza model (``stanza.download("vi",
        model_dir=…)`` or the fixture models); default: the
        ``QUOTEATTR_STANZA_DIR`` environment variable.
    stanza_pipeline:
        A ``stanza.Pipeline`` you built yourself (overrides ``stanza_dir``).
    use_gpu:
        Let stanza use a GPU when one is present (default ``True``).
    min_confidence:
        Drop records below this confidence (0–1).
    """

    def __init__(self, *, lexicon: Lexicon | None = None, engine: str = "rules",
                 stanza_dir: str | os.PathLike[str] | None = None, stanza_pipeline: Any = None,
                 use_gpu: bool = True, min_confidence: float = 0.0) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; expected one of: {', '.join(ENGINES)}")
        if lexicon is not None and not isinstance(lexicon, Lexicon):
            raise TypeError(f"lexicon must be a quoteattr.Lexicon, not {type(lexicon).__name__}")
        if not 0.0 <= float(min_confidence) <= 1.0:
            raise ValueError(f"min_confidence must lie in [0, 1], got {min_confidence}")
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self.engine_name = engine
        self.min_confidence = float(min_confidence)
        self._lex = self.lexicon.compile()
        self._parser = MentionParser(self._lex)
        self._tokens = TokenCache()
        self._engine = None
        if engine == "stanza" or stanza_pipeline is not None:
            from .engines.stanza import StanzaEngine

            self.engine_name = "stanza"
            folder = stanza_dir if stanza_dir is not None else os.environ.get(STANZA_DIR_ENV)
            self._engine = StanzaEngine(
                model_dir=Path(folder) if folder else None, pipeline=stanza_pipeline, use_gpu=use_gpu
            )
        self._config = {
            "lexicon": self.lexicon, "engine": self.engine_name, "stanza_dir": stanza_dir,
            "use_gpu": use_gpu, "min_confidence": self.min_confidence,
        }

    def __repr__(self) -> str:
        return f"Attributor(engine={self.engine_name!r}, min_confidence={self.min_confidence})"

    def __reduce__(self):
        # Rebuild from configuration in the receiving process (a stanza
        # pipeline is not shipped; the worker loads its own from stanza_dir).
        cfg = dict(self._config)
        return (_rebuild, (cfg,))

    @property
    def config(self) -> dict[str, Any]:
        """The picklable configuration this Attributor was built from."""
        return dict(self._config)

    def extract(self, text: str, *, doc_id: str | None = None) -> list[Attribution]:
        """Records for one document, ordered by position.

        Raises :class:`TypeError` when ``text`` is not a ``str``; empty or
        blank text gives ``[]``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        if doc_id is not None and not isinstance(doc_id, str):
            raise TypeError(f"doc_id must be str or None, not {type(doc_id).__name__}")
        if not text.strip():
            return []
        nt = NormalizedText(text)
        analysis = self._engine.analyse([nt.text])[0] if self._engine is not None else None
        out: list[Attribution] = []
        for article in find_articles(nt.text):
            out.extend(self._article(nt, article.start, article.end, doc_id, analysis))
        return out

    def extract_batch(self, texts: Iterable[str], *, doc_ids: Iterable[str | None] | None = None) -> list[list[Attribution]]:
        """Records for several documents; with the stanza engine they are parsed in one batch."""
        texts = list(texts)
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"text must be str, not {type(t).__name__}")
        ids = list(doc_ids) if doc_ids is not None else [None] * len(texts)
        if len(ids) != len(texts):
            raise ValueError("doc_ids must have one id per text")
        if self._engine is None:
            return [self.extract(t, doc_id=i) for t, i in zip(texts, ids)]
        nts = [NormalizedText(t) for t in texts]
        analyses = self._engine.analyse([nt.text for nt in nts])
        results = []
        for nt, doc_id, analysis in zip(nts, ids, analyses):
            recs: list[Attribution] = []
            if nt.text.strip():
                for article in find_articles(nt.text):
                    recs.extend(self._article(nt, article.start, article.end, doc_id, analysis))
            results.append(recs)
        return results

    def _article(self, nt: NormalizedText, start: int, end: int, doc_id: str | None,
                 analysis: Analysis | None) -> Iterator[Attribution]:
        text = nt.text
        paragraphs = find_paragraphs(text, start, end)
        if not paragraphs:
            return
        sentences = find_sentences(text, paragraphs, self._lex.abbreviations, self._lex.outlets)
        quotes = find_quotes(text, paragraphs, sentences)
        if needs_windows(paragraphs):  # a long article: its tokens one window of paragraphs at a time
            records = attribute_windows(nt, paragraphs, sentences, quotes, self._lex, self._parser, analysis,
                                        cache=self._tokens)
        else:
            toks = tokenize(text, start, end, self._tokens)
            records = attribute_article(nt, toks, paragraphs, sentences, quotes, self._lex, self._parser,
                                        analysis=analysis)
        self._parser.forget()
        keys: dict[str, str] = {}  # one speaker's records share a name: fold it once
        for rec in records:
            if round(rec.confidence, 4) < self.min_confidence:  # compare what the caller sees
                continue
            yield self._to_attribution(nt, rec, doc_id, keys)

    @staticmethod
    def _to_attribution(nt: NormalizedText, rec: Record, doc_id: str | None, keys: dict[str, str]) -> Attribution:
        """The public record of ``rec``; ``keys``: the speaker keys (folded names) found so far."""
        speaker = None
        if rec.speaker is not None:
            mention = nt.span(*rec.mention) if rec.mention else None
            name = rec.speaker.name
            key = None
            if name:
                key = keys.get(name)
                if key is None:
                    key = keys[name] = fold(name)
            speaker = Speaker(name, mention, rec.speaker.type, key)
        source = None
        if rec.source is not None:
            source = Source(rec.source.name, nt.span(rec.source.start, rec.source.end), rec.source.scope)
        cue = nt.span(*rec.cue) if rec.cue else None
        return Attribution(nt.span(rec.start, rec.end), rec.kind, speaker, cue, source,
                           round(rec.confidence, 4), doc_id, rec.rule)


def _rebuild(cfg: dict[str, Any]) -> Attributor:
    return Attributor(**cfg)


def extract(text: str, *, doc_id: str | None = None, lexicon: Lexicon | None = None) -> list[Attribution]:
    """Records for one text with the default rule engine (see :class:`Attributor`).

    Without ``lexicon``, every call uses one Attributor of the shipped lexicon, built on the
    first call (compiling the lexicon takes tens of milliseconds, more than most articles);
    a ``lexicon`` given gets an Attributor of its own.
    """
    attributor = _default_attributor() if lexicon is None else Attributor(lexicon=lexicon)
    return attributor.extract(text, doc_id=doc_id)


@functools.lru_cache(maxsize=1)
def _default_attributor() -> Attributor:
    """The rules Attributor of ``Lexicon.default()``, for :func:`extract`: no argument, so one
    per process.  An Attributor keeps no state between documents, so sharing it changes no record."""
    return Attributor()
