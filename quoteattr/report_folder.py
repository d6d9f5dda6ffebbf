"""Writing the collection report: a folder with ``index.html`` and one highlighted page per article.

The folder is built beside its target under a hidden ``.NAME.*.part`` name
and moved into place only when complete, so a failed or interrupted run
leaves the previous report (or nothing) rather than half of one.  A target
that already holds other files is refused, never emptied: only an empty
folder or an earlier quoteattr report (marked by :data:`MARKER`) is replaced.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .batch import extract_many
from .io import ReadError
from .model import Attribution
from .pipeline import Attributor
from .render import render_data, to_render_data
from .report import Collection
from .report_page import index_html

__all__ = ["MARKER", "ReportSummary", "attribute_documents", "write_report"]

#: The file that marks a folder as a quoteattr report (which a new report may replace).
MARKER = ".quoteattr-report"

#: ``(name, text or None, records, error or None)``: one article, attributed or not.
Article = tuple[str, str | None, Sequence[Attribution | Mapping[str, Any]], str | None]


@attrs.frozen(slots=True)
class ReportSummary:
    """What a report holds."""

    folder: Path
    articles: int
    failed: int
    records: int
    speakers: int
    statements: int


def attribute_documents(documents: Iterable[tuple[str, str | ReadError]], *, attributor: Attributor | None = None,
                        jobs: int = 1) -> Iterator[Article]:
    """:func:`~quoteattr.batch.extract_many` over ``(name, text)`` pairs, each result with its text
    (held only while its document is in flight)."""
    texts: dict[int, tuple[str, str | ReadError]] = {}

    def items() -> Iterator[tuple[str, str | ReadError]]:
        for i, (name, text) in enumerate(documents):
            texts[i] = (name, text)
            yield name, text

    for res in extract_many(items(), attributor=attributor, jobs=jobs):
        name, text = texts.pop(res.index)
        yield name, text if isinstance(text, str) else None, res.records, res.error


_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def _page_name(number: int, doc_name: str) -> str:
    """``00012-bai-viet.html``: numbered (names may repeat), plain ASCII (any file system, any URL)."""
    stem = doc_name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = stem[:-4] if stem.lower().endswith(".txt") else stem
    bare = "".join(c for c in unicodedata.normalize("NFD", stem) if not unicodedata.combining(c))
    slug = _UNSAFE.sub("-", bare.replace("đ", "d").replace("Đ", "D")).strip("-.")[:48] or "article"
    return f"{number:05d}-{slug}.html"


def _quote_anchors(data: Mapping[str, Any]) -> dict[int, str]:
    """Record index -> id of its quote in render's page (``qa-q`` + the first record of the span)."""
    anchors: dict[int, str] = {}
    for sp in data["spans"]:
        if sp["label"] == "quote" and sp["records"] and sp["end"] > sp["start"]:
            for i in sp["records"]:
                anchors.setdefault(i, f"qa-q{sp['records'][0]}")
    return anchors


def _new_part_folder(target: Path) -> Path:
    for _ in range(100):
        part = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
        try:
            part.mkdir()  # 0777 less the umask, like any folder the user makes
            return part
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary folder beside {target}")


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder")
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise FileExistsError(f"{target} is a folder with other files in it, not an earlier report; "
                              "choose a new or empty folder")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"folder {target.parent} does not exist")


def _move_into_place(part: Path, target: Path) -> None:
    _check_target(target)  # again: something may have appeared there while the report was built
    if not target.exists():
        os.rename(part, target)
        return
    old = target.with_name(f".{target.name}.{secrets.token_hex(6)}.old")
    os.rename(target, old)
    try:
        os.rename(part, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_article(part: Path, collection: Collection, article: Article) -> tuple[int, str | None]:
    """Add one article (and write its page); its record count, or why it was left out."""
    name, text, records, error = article
    if error is None and text is None:
        error = "no text"
    if error is None:
        try:
            data = to_render_data(text or "", records)
        except (TypeError, ValueError) as exc:  # records that do not index this text
            error = str(exc)
    if error is not None:
        collection.add_failure(name, error)
        return 0, error
    page = None
    if data["records"]:  # an article without records has nothing to link to
        page = "articles/" + _page_name(len(collection.docs) + 1, name)
        (part / page).write_text(render_data(data, title=name), encoding="utf-8")
    collection.add(name, data["records"], page=page, anchors=_quote_anchors(data))
    return len(data["records"]), None


def write_report(folder: str | os.PathLike[str], articles: Iterable[Article], *, title: str = "quoteattr report",
                 on_article: Callable[[str, int, str | None], None] | None = None) -> ReportSummary:
    """Write the report for ``articles`` (e.g. from :func:`attribute_documents`) into ``folder``.

    ``on_article(name, records, error)`` is called after each article (for
    progress or error display).  Raises :class:`OSError` subclasses, with a
    message fit for a user, when ``folder`` cannot be (re)placed.
    """
    target = Path(os.path.abspath(folder))  # "." and "dir/.." have no name to build beside
    _check_target(target)
    part = _new_part_folder(target)
    try:
        (part / "articles").mkdir()
        collection = Collection()
        records = 0
        for article in articles:
            n, error = _write_article(part, collection, article)
            records += n
            if on_article is not None:
                on_article(article[0], n, error)
        data = collection.data(title=title)
        (part / "index.html").write_text(index_html(data), encoding="utf-8")
        (part / MARKER).write_text("made by quoteattr report; a new report may replace this folder\n",
                                   encoding="utf-8")
        _move_into_place(part, target)
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    return ReportSummary(Path(folder), len(collection.docs) + len(collection.failed), len(collection.failed), records,
                         sum(1 for sp in data["speakers"] if sp["n"] is not None), len(data["statements"]))
