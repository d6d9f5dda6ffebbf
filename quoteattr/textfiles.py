"""Bytes to text for input files: compression, byte-order marks, encodings, name patterns.

Archives arrive compressed (``.txt.gz``, ``.jsonl.xz``) and from Windows
tools as UTF-16 ("Unicode") or in the Vietnamese code page cp1258; each is
decoded here once, so that every reader reports the same clear problems.
"""
from __future__ import annotations

import bz2
import codecs
import fnmatch
import gzip
import lzma
from pathlib import Path
from typing import IO, Any, Callable

__all__ = ["COMPRESSED_SUFFIXES", "DecodeProblem", "check_encoding", "decode", "open_binary", "read_bytes",
           "plain_name", "name_matches"]

_OPENERS: dict[str, Callable[..., Any]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}

#: Suffixes of the compressed files read transparently.
COMPRESSED_SUFFIXES = tuple(_OPENERS)

#: Byte-order marks, longest first (UTF-32-LE's mark starts with UTF-16-LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

_ENCODING_HINT = "give --encoding (Vietnamese files from Windows are often cp1258)"


class DecodeProblem(ValueError):
    """Bytes that are not text in the expected encoding; the message says how to read them."""


def check_encoding(name: str) -> str:
    """The codec's canonical name, or :class:`LookupError` with a message naming it."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise LookupError(f"unknown encoding {name!r} (e.g. utf-8, utf-16, cp1258)") from None


def _compression(path: Path) -> Callable[..., Any] | None:
    return _OPENERS.get(path.suffix.lower())


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, decompressed when its suffix says so."""
    opener = _compression(path)
    return opener(path, "rb") if opener is not None else path.open("rb")


def read_bytes(path: Path) -> bytes:
    """The whole content of ``path``, decompressed when its suffix says so."""
    opener = _compression(path)
    if opener is None:
        return path.read_bytes()
    with opener(path, "rb") as fh:
        return fh.read()


def plain_name(name: str) -> str:
    """The file name without a compression suffix: ``a.txt.gz`` → ``a.txt``."""
    lower = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def name_matches(relative: Path, pattern: str) -> bool:
    """Does a file (its path relative to the folder searched) match a glob, case-insensitively?

    A pattern without ``/`` is matched against the file name, one with ``/``
    against the relative path; a compression suffix is ignored, so ``*.txt``
    also finds ``a.txt.gz``.
    """
    target = relative.as_posix() if "/" in pattern else relative.name
    return fnmatch.fnmatchcase(plain_name(target).lower(), pattern.lower()) or \
        fnmatch.fnmatchcase(target.lower(), pattern.lower())


def decode(data: bytes, encoding: str | None = None) -> str:
    """Text from bytes: ``encoding`` when given, else UTF-32/UTF-16 by their byte-order
    mark, else UTF-8 (a UTF-8 mark is kept, as Python's own ``utf-8`` codec keeps it,
    so that offsets match what ``open(path, encoding="utf-8").read()`` gives)."""
    if encoding is None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                text = _wide_text(data, codec)
                if text is not None:
                    return text
                break  # bytes that merely start like a mark (Latin-1 "ÿþ"…): judged as UTF-8 below
        if b"\x00" in data:
            raise DecodeProblem("binary file (holds NUL bytes), not text; if it is UTF-16 without a "
                                "byte-order mark, give --encoding utf-16-le")
        return _decode(data, "utf-8", "UTF-8", _ENCODING_HINT)
    return _decode(data, encoding, encoding, "is --encoding right?")


def _wide_text(data: bytes, codec: str) -> str | None:
    """UTF-16/32 text after its byte-order mark, or ``None`` when the bytes only look marked:
    they must decode, and most letters must be Latin (Vietnamese is), not the CJK-looking
    letters that 8-bit bytes read two at a time turn into."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250" or "\u1e00" <= c <= "\u1eff")
    return text if 2 * latin >= len(letters) else None


def _decode(data: bytes, codec: str, label: str, hint: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeProblem(f"not {label} text (invalid byte at offset {exc.start}); {hint}") from None
