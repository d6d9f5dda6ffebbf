"""``quoteattr report PATH… -o DIR``: the collection report on the command line.

Kept out of cli.py, which only registers it: the command reads its inputs
the way ``extract`` does (files, folders, JSONL/Parquet rows) and hands the
attributed articles to :func:`quoteattr.report_folder.write_report`.
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import IO, Any

__all__ = ["add_report_parser", "cmd_report"]


def add_report_parser(sub: Any, add_engine_options: Callable[[argparse.ArgumentParser], None],
                      add_input_options: Callable[[argparse.ArgumentParser], None],
                      add_verbosity_options: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``report`` on the CLI's subparsers, with the input, engine and verbosity
    options every subcommand shares."""
    rp = sub.add_parser(
        "report", help="write an offline HTML report of a collection: speakers, statements, outlets",
        description="Attribute a collection and write one self-contained folder: index.html ranks every "
                    "speaker by statements, with search and filters, and links each report to its article's "
                    "highlighted page (articles/*.html). Opens from disk; needs no server or network.")
    rp.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for stdin")
    rp.add_argument("-o", "--output", required=True, metavar="DIR",
                    help="the report folder: new, empty, or an earlier report (which is replaced)")
    rp.add_argument("--title", default="quoteattr report", help="the index page's title")
    rp.add_argument("-j", "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes")
    add_verbosity_options(rp)
    add_input_options(rp)
    add_engine_options(rp)


def _positive_int(value: str) -> int:
    from .cli import _positive_int as parse

    return parse(value)


def cmd_report(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .cli import EXIT_OK, EXIT_PARTIAL, CliError, _attributor, _documents
    from .io import iter_paths
    from .progress import Progress
    from .report_folder import attribute_documents, write_report

    att = _attributor(args)
    total = None
    if args.input_format == "txt" and "-" not in args.paths:
        total = sum(1 for _ in iter_paths(args.paths, args.glob))
    progress = Progress(total, stream=err, enabled=None if not args.quiet else False)
    failed = 0

    def seen(name: str, records: int, error: str | None) -> None:
        nonlocal failed
        if error is not None:
            failed += 1
            err.write(f"quoteattr: {name}: {error}\n")
        progress.update(records, error=error is not None)

    try:
        articles = attribute_documents(_documents(args), attributor=att, jobs=args.jobs)
        summary = write_report(args.output, articles, title=args.title, on_article=seen)
    except ImportError as exc:  # e.g. --input-format parquet without pyarrow
        raise CliError(str(exc)) from None
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise CliError(f"cannot write the report: {where}{exc.strerror or exc}") from None
    finally:
        progress.close()
    if not args.quiet:
        err.write(f"quoteattr: report in {summary.folder / 'index.html'}: {summary.articles} articles, "
                  f"{summary.speakers} speakers, {summary.statements} statements, {summary.records} records"
                  + (f", {summary.failed} articles failed" if summary.failed else "") + "\n")
    return EXIT_PARTIAL if failed else EXIT_OK
