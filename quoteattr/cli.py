"""Command-line interface.

``quoteattr extract PATH… [-o FILE] [--format jsonl|json|csv|table|parquet]``
``quoteattr eval --gold GOLD.jsonl DOCS_DIR [--pred PRED.jsonl] [--errors] [--json]`` (in cli_eval.py)
``quoteattr render ARTICLE.txt -o article.html``
``quoteattr report PATH… -o DIR`` (in cli_report.py)

Exit status: 0 success, 1 some inputs could not be read or failed (or eval
found no document to score), 2 a usage, set-up or output error, 130
interrupted (Ctrl-C), 128 + N ended by signal N (143 SIGTERM, 129 SIGHUP).
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from .cli_eval import cmd_eval
from .cli_report import add_report_parser, cmd_report
from .extras import MissingExtra, require
from .interrupt import Terminated, signals_as_interrupts
from .io import DEFAULT_GLOB, FORMATS, AtomicOutput, ReadError, iter_paths, read_documents, text_stdout
from .pipeline import ENGINES, STANZA_DIR_ENV

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class CliError(Exception):
    """A problem to report in one line, with an exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {n}")
    return n


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1], got {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1], got {x}")
    return x


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=ENGINES, default="rules",
                   help="analysis engine (default: rules, needs no model)")
    p.add_argument("--stanza-dir", metavar="DIR",
                   help=f"folder of a local Vietnamese stanza model (default: ${STANZA_DIR_ENV})")
    p.add_argument("--cpu", action="store_true", help="never use a GPU for stanza")
    p.add_argument("--lexicon", metavar="DIR", help="folder of lexicon files that extend the built-in ones")
    p.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                   help="drop records below this confidence (0-1)")


def _encoding(value: str) -> str:
    from .textfiles import check_encoding

    try:
        return check_encoding(value)
    except LookupError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_verbosity_options(p: argparse.ArgumentParser) -> None:
    loud = p.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", action="store_true",
                      help="say more on stderr: each document's record count, the library's log")
    loud.add_argument("-q", "--quiet", action="store_true",
                      help="only errors on stderr: no progress display, no summary")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input-format", choices=("txt", "jsonl", "parquet"), default="txt",
                   help="txt: one article per file; jsonl/parquet: one article per row (see --text-column)")
    p.add_argument("--id-column", default="id", help="id column for jsonl/parquet input (default: id)")
    p.add_argument("--text-column", default="text", help="text column for jsonl/parquet input (default: text)")
    p.add_argument("--glob", default=DEFAULT_GLOB, metavar="PATTERN",
                   help="the files a folder contributes, case-insensitively (default: *.txt; "
                        "compressed .gz/.bz2/.xz copies match too)")
    p.add_argument("--encoding", type=_encoding, metavar="NAME",
                   help="text encoding of the input (default: UTF-8, or UTF-16/32 by byte-order mark)")


class _VersionAction(argparse.Action):
    """``--version``: the version and the checksum of the lexicons it uses (computed only when asked)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from .provenance import version_line

        sys.stdout.write(version_line() + "\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="quoteattr", description="Who said what in Vietnamese news: speaker–quote–source records.")
    ap.add_argument("--version", action=_VersionAction, help="show the version and the lexicons' checksum")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="attribute documents and write records",
                        description="Attribute files, folders (their *.txt, recursively) or stdin (-).")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for stdin")
    ex.add_argument("-o", "--output", metavar="FILE",
                    help="write here (atomically) instead of stdout (- is stdout); the extension "
                         "chooses the format; a folder or .parquet file for parquet")
    ex.add_argument("-f", "--format", choices=FORMATS, default=None,
                    help="output format (default: from the -o extension, else jsonl)")
    mode = ex.add_mutually_exclusive_group()
    mode.add_argument("--overwrite", action="store_const", dest="folder_mode", const="overwrite",
                      default="error", help="replace the Parquet files of a non-empty output folder")
    mode.add_argument("--append", action="store_const", dest="folder_mode", const="append",
                      help="add a new, uniquely named part to a non-empty Parquet output folder")
    ex.add_argument("-j", "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes")
    _add_verbosity_options(ex)
    _add_input_options(ex)
    _add_engine_options(ex)

    ev = sub.add_parser("eval", help="score against gold records (same metrics as score.py)")
    ev.add_argument("docs", metavar="DOCS_DIR", help="folder holding the documents")
    ev.add_argument("--gold", required=True, metavar="GOLD.jsonl")
    ev.add_argument("--pred", metavar="PRED", help="score these predictions (the tool's jsonl, json, csv "
                                                    "or parquet output) instead of extracting")
    ev.add_argument("--errors", action="store_true", help="list misses and false alarms with their sentence")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    _add_verbosity_options(ev)
    _add_engine_options(ev)

    rd = sub.add_parser("render", help="write a self-contained HTML view of one article")
    rd.add_argument("path", metavar="ARTICLE.txt")
    rd.add_argument("-o", "--output", required=True, metavar="FILE.html")
    rd.add_argument("--title", help="page title (default: the file name)")
    _add_verbosity_options(rd)
    _add_engine_options(rd)
    add_report_parser(sub, _add_engine_options, _add_input_options, _add_verbosity_options)
    return ap


def _attributor(args: argparse.Namespace):
    from .lexicon import Lexicon
    from .pipeline import Attributor

    lexicon = None
    if args.lexicon:
        try:
            lexicon = Lexicon.default().extended_from(args.lexicon)
        except (OSError, ValueError) as exc:
            raise CliError(f"--lexicon: {exc}") from None
    try:
        return Attributor(lexicon=lexicon, engine=args.engine, stanza_dir=args.stanza_dir,
                          use_gpu=not args.cpu, min_confidence=args.min_confidence)
    except (ImportError, OSError, ValueError, RuntimeError) as exc:
        raise CliError(str(exc)) from None


def _documents(args: argparse.Namespace):
    if args.input_format == "txt":
        return read_documents(args.paths, encoding=args.encoding, pattern=args.glob)
    from .tabular import read_table_documents

    return read_table_documents(args.paths, fmt=args.input_format, id_column=args.id_column,
                                text_column=args.text_column)


def _check_extras(args: argparse.Namespace, fmt: str) -> None:
    """Missing optional packages are found before any work starts, in one line."""
    if args.input_format == "parquet":
        require("pyarrow", "--input-format parquet")
    if fmt == "parquet":
        require("pyarrow", "Parquet output")


def _progress(args: argparse.Namespace, out: IO[str], err: IO[str], to_stdout: bool):
    from .progress import Progress

    total = None
    if args.input_format == "txt" and "-" not in args.paths:
        total = sum(1 for _ in iter_paths(args.paths, args.glob))
    # records printed to the terminal that shows the progress line would be glued to it
    return Progress(total, stream=err, enabled=False if args.quiet else None,
                    output=out if to_stdout else None, summary=not args.quiet)


def cmd_extract(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .outputs import OutputChoiceError, choose_output

    try:
        target, fmt = choose_output(args.output, args.format, args.folder_mode)
    except OutputChoiceError as exc:
        raise CliError(str(exc)) from None
    _check_extras(args, fmt)
    att = _attributor(args)
    progress = _progress(args, out, err, to_stdout=target is None)
    sink, writer = _open_sink(target, fmt, args.folder_mode, att, out)
    try:
        failed = _write_records(args, att, writer, progress, err)
        writer.close()
        if sink is not None:
            sink.commit()
    except BaseException as exc:  # Ctrl-C, a signal, a full disk: the previous output stays as it was
        if sink is not None:
            sink.abort()
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise CliError(f"cannot write output: {exc.strerror or exc}") from None
        raise
    finally:
        progress.close()
    return EXIT_PARTIAL if failed else EXIT_OK


def _write_records(args: argparse.Namespace, att: Any, writer: Any, progress: Any, err: IO[str]) -> int:
    """Stream every document's records to the writer; the number of documents that failed."""
    from .batch import WorkerStartError, extract_many

    failed = 0
    names: dict[int, str] = {}  # failures are reported by document name

    def items():
        for i, (name, text) in enumerate(_documents(args)):
            names[i] = name
            yield name, text

    try:
        for res in extract_many(items(), attributor=att, jobs=args.jobs):
            fallback = names.pop(res.index, f"#{res.index}")
            name = res.doc_id or fallback
            if res.error is not None:
                failed += 1
                err.write(f"quoteattr: {name}: {res.error}\n")
            else:
                writer.write(res.records)
                if args.verbose:
                    err.write(f"quoteattr: {name}: {len(res.records)} records\n")
            progress.update(len(res.records), error=res.error is not None)
    except WorkerStartError as exc:
        raise CliError(str(exc)) from None
    return failed


def _open_sink(target: str | None, fmt: str, folder_mode: str, att: Any, out: IO[str]):
    from .outputs import open_sink
    from .provenance import parquet_metadata

    try:
        return open_sink(target, fmt, out, folder_mode=folder_mode,
                         metadata=parquet_metadata(att) if fmt == "parquet" else None)
    except (OSError, ValueError) as exc:
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        hint = " (for Parquet parts in a folder, add -f parquet)" if isinstance(exc, IsADirectoryError) else ""
        raise CliError(f"cannot write {target}: {message}{hint}") from None


def cmd_render(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .io import read_text
    from .render import render_html

    text = read_text(Path(args.path))
    if isinstance(text, ReadError):
        raise CliError(f"{args.path}: {text.message}", EXIT_PARTIAL)
    att = _attributor(args)
    html = render_html(text, att.extract(text, doc_id=args.path), title=args.title or Path(args.path).name)
    try:
        sink = AtomicOutput(args.output)
        sink.stream.write(html)
        sink.commit()
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    return EXIT_OK


COMMANDS = {"extract": cmd_extract, "eval": cmd_eval, "render": cmd_render, "report": cmd_report}


def _set_up_logging(args: argparse.Namespace, err: IO[str]) -> tuple[logging.Handler, int] | None:
    """``-v``: the library's log (logger ``quoteattr``) on stderr; undone when main returns."""
    if not getattr(args, "verbose", False):
        return None
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("quoteattr: %(levelname)s: %(message)s"))
    logger = logging.getLogger("quoteattr")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler, previous


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the CLI; returns the exit status (tests call this directly)."""
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    out = stdout if stdout is not None else text_stdout()
    logging_set_up = _set_up_logging(args, err)
    try:
        with signals_as_interrupts():
            return COMMANDS[args.command](args, out, err)
    except (CliError, MissingExtra) as exc:
        _say(err, f"quoteattr: {exc}\n")
        return exc.status if isinstance(exc, CliError) else EXIT_USAGE
    except Terminated as exc:
        _say(err, f"\nquoteattr: terminated by {exc.name}\n")
        return exc.status
    except KeyboardInterrupt:
        _say(err, "\nquoteattr: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. "| head"): not an error worth a traceback
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return EXIT_OK
    finally:
        if logging_set_up is not None:
            logging.getLogger("quoteattr").removeHandler(logging_set_up[0])
            logging.getLogger("quoteattr").setLevel(logging_set_up[1])


def _say(err: IO[str], message: str) -> None:
    try:
        err.write(message)
        err.flush()
    except (OSError, ValueError):  # stderr gone with a closed terminal (SIGHUP)
        pass
