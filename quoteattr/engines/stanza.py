"""The stanza engine: word segmentation, POS, dependency parse (and NER when the
model has it) for a Vietnamese pipeline loaded from a local folder.

Nothing is ever downloaded: the pipeline is built with ``download_method=None``
from a folder the user names (``stanza_dir``, ``--stanza-dir``, or
``$QUOTEATTR_STANZA_DIR``), or passed in ready-made.  Its output becomes a plain
:class:`~quoteattr.analysis.Analysis` that the rule sieve consults; records keep
the same format and offsets.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..analysis import Analysis, Word
from ..segment import find_paragraphs

__all__ = ["StanzaEngine", "EngineError", "REQUIRED_PROCESSORS", "document_to_analysis"]

log = logging.getLogger("quoteattr.engines.stanza")

REQUIRED_PROCESSORS = ("tokenize", "pos", "depparse")
_INSTALL = "pip install 'quoteattr[stanza]'"
_GET_MODELS = (
    "get the official Vietnamese models on a machine with internet access with "
    "`python -c \"import stanza; stanza.download('vi', model_dir='stanza_resources')\"` "
    "and copy that folder here"
)
# stanza handles paragraphs; one longer than this is analysed in pieces
_MAX_CHARS = 6000


class EngineError(RuntimeError):
    """The engine cannot be set up: what is missing and how to get it."""


def _import_stanza() -> Any:
    try:
        import stanza  # noqa: PLC0415 - optional dependency, imported on demand
    except ImportError as exc:
        raise ImportError(f"the stanza engine needs the stanza package ({exc}); install it with {_INSTALL}") from None
    return stanza


def check_model_dir(model_dir: Path) -> list[str]:
    """Processors a model folder provides; raises :class:`EngineError` naming what is missing."""
    if not model_dir.is_dir():
        raise EngineError(f"stanza model folder not found: {model_dir}; {_GET_MODELS}")
    resources = model_dir / "resources.json"
    if not resources.is_file():
        raise EngineError(f"{model_dir} has no resources.json, so it is not a stanza model folder; {_GET_MODELS}")
    try:
        json.loads(resources.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EngineError(f"{resources} is unreadable: {exc}") from None
    vi = model_dir / "vi"
    if not vi.is_dir():
        raise EngineError(f"{model_dir} holds no Vietnamese ('vi') models; {_GET_MODELS}")
    present = [p.name for p in vi.iterdir() if p.is_dir() and any(p.glob("*.pt"))]
    missing = [p for p in REQUIRED_PROCESSORS if p not in present]
    if missing:
        raise EngineError(
            f"{model_dir} lacks the Vietnamese {', '.join(missing)} model(s) "
            f"(found: {', '.join(sorted(present)) or 'none'}); {_GET_MODELS}"
        )
    return present


def check_pipeline(pipeline: Any) -> None:
    """A pipeline passed in must tokenize, tag and parse."""
    procs = getattr(pipeline, "processors", None)
    if not isinstance(procs, dict):
        raise TypeError(f"stanza_pipeline must be a stanza.Pipeline, not {type(pipeline).__name__}")
    missing = [p for p in REQUIRED_PROCESSORS if p not in procs]
    if missing:
        raise EngineError(
            f"the stanza pipeline lacks the {', '.join(missing)} processor(s); build it with "
            f"processors='tokenize,pos,lemma,depparse'"
        )
    lang = getattr(pipeline, "lang", "vi")
    if lang != "vi":
        log.warning("stanza pipeline language is %r, not 'vi'", lang)


def document_to_analysis(doc: Any, offset: int = 0) -> Analysis:
    """A stanza ``Document`` as an :class:`Analysis`, offsets shifted by ``offset``."""
    words: list[Word] = []
    for sent in doc.sentences:
        base = len(words)
        for token in sent.tokens:
            for w in token.words:
                start = w.start_char if w.start_char is not None else token.start_char
                end = w.end_char if w.end_char is not None else token.end_char
                if start is None or end is None:
                    raise ValueError(f"stanza word {w.text!r} has no character offsets")
                head = (w.head or 0) - 1
                words.append(Word(
                    start + offset, end + offset, w.text, w.upos or "X",
                    base + head if head >= 0 else -1, w.deprel or "dep", token.ner,
                ))
    return Analysis(tuple(words))


class StanzaEngine:
    """Loads (or receives) a Vietnamese stanza pipeline and analyses texts in batches."""

    def __init__(self, *, model_dir: Path | None = None, pipeline: Any = None, use_gpu: bool = True) -> None:
        if pipeline is not None:
            check_pipeline(pipeline)
            self.nlp = pipeline
            return
        if model_dir is None:
            raise EngineError(
                "the stanza engine needs a local model folder: pass stanza_dir=… (CLI: --stanza-dir), or set "
                f"QUOTEATTR_STANZA_DIR; nothing is downloaded. To make one, {_GET_MODELS}"
            )
        present = check_model_dir(Path(model_dir))
        stanza = _import_stanza()
        processors = "tokenize,pos,lemma,depparse" + (",ner" if "ner" in present else "")
        try:
            self.nlp = stanza.Pipeline(
                lang="vi", dir=str(model_dir), processors=processors, download_method=None,
                use_gpu=use_gpu, logging_level="WARN",
            )
        except Exception as exc:  # stanza raises many kinds; report one clear error
            raise EngineError(f"could not load the stanza pipeline from {model_dir}: {type(exc).__name__}: {exc}") from None

    def analyse(self, texts: Sequence[str]) -> list[Analysis]:
        """One :class:`Analysis` per text (normalised text), parsed in one batch."""
        stanza = _import_stanza()
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for ti, text in enumerate(texts):
            for para in find_paragraphs(text):
                for start, end in _pieces(text, para.start, para.end):
                    if text[start:end].strip():
                        pieces.append((ti, start, text[start:end]))
        parts: list[list[Analysis]] = [[] for _ in texts]
        if pieces:
            docs = self.nlp.bulk_process([stanza.Document([], text=p) for _, _, p in pieces])
            for (ti, offset, _), doc in zip(pieces, docs):
                parts[ti].append(document_to_analysis(doc, offset))
        return [Analysis.merge(p) for p in parts]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a long paragraph at sentence ends (or spaces) into pieces stanza can take."""
    out = []
    while end - start > _MAX_CHARS:
        cut = max(text.rfind(". ", start, start + _MAX_CHARS), text.rfind(" ", start, start + _MAX_CHARS))
        if cut <= start:
            cut = start + _MAX_CHARS
        else:
            cut += 1
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out
