"""Command-line interface.

``quoteattr extract PATH… [-o FILE] [--format jsonl|json|csv|table|parquet]``
``quoteattr eval --gold GOLD.jsonl DOCS_DIR [--pred PRED.jsonl] [--errors] [--json]``
``quoteattr render ARTICLE.txt -o article.html``
``quoteattr report PATH… -o DIR`` (in cli_report.py)

Exit status: 0 success, 1 some inputs could not be read or failed, 2 a usage
or output error, 130 interrupted.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from . import __version__
from .cli_report import add_report_parser, cmd_report
from .io import FORMATS, AtomicOutput, ReadError, iter_paths, read_documents, text_stdout
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


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="quoteattr", description="Who said what in Vietnamese news: speaker–quote–source records.")
    ap.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="attribute documents and write records",
                        description="Attribute files, folders (their *.txt, recursively) or stdin (-).")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for stdin")
    ex.add_argument("-o", "--output", metavar="FILE",
                    help="write here (atomically) instead of stdout; a folder or .parquet file for parquet")
    ex.add_argument("-f", "--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    ex.add_argument("-j", "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    ex.add_argument("--input-format", choices=("txt", "jsonl", "parquet"), default="txt",
                    help="txt: one article per file; jsonl/parquet: one article per row (see --text-column)")
    ex.add_argument("--id-column", default="id", help="id column for jsonl/parquet input (default: id)")
    ex.add_argument("--text-column", default="text", help="text column for jsonl/parquet input (default: text)")
    _add_engine_options(ex)

    ev = sub.add_parser("eval", help="score against gold records (same metrics as score.py)")
    ev.add_argument("docs", metavar="DOCS_DIR", help="folder holding the documents")
    ev.add_argument("--gold", required=True, metavar="GOLD.jsonl")
    ev.add_argument("--pred", metavar="PRED.jsonl", help="score these predictions instead of extracting")
    ev.add_argument("--errors", action="store_true", help="list misses and false alarms with their sentence")
    ev.add_argument("--json", action="store_true", help="print one JSON object")
    _add_engine_options(ev)

    rd = sub.add_parser("render", help="write a self-contained HTML view of one article")
    rd.add_argument("path", metavar="ARTICLE.txt")
    rd.add_argument("-o", "--output", required=True, metavar="FILE.html")
    rd.add_argument("--title", help="page title (default: the file name)")
    _add_engine_options(rd)
    add_report_parser(sub, _add_engine_options)
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


def _documents(args: argparse.Namespace, err: IO[str]):
    if args.input_format == "txt":
        return read_documents(args.paths)
    from .tabular import read_table_documents

    return read_table_documents(args.paths, fmt=args.input_format, id_column=args.id_column,
                                text_column=args.text_column)


def cmd_extract(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .batch import extract_many
    from .progress import Progress

    if args.format == "parquet" and not args.output:
        raise CliError("--format parquet needs -o FILE.parquet or -o FOLDER")
    att = _attributor(args)
    total = None
    if args.input_format == "txt" and "-" not in args.paths:
        total = sum(1 for _ in iter_paths(args.paths))
    progress = Progress(total, stream=err, enabled=None if not args.quiet else False)
    failed = 0
    # failures are reported by document name; records flow to the writer as they come
    names: dict[int, str] = {}

    def items():
        for i, (name, text) in enumerate(_documents(args, err)):
            names[i] = name
            yield name, text

    sink, writer = _open_sink(args, out)
    try:
        for res in extract_many(items(), attributor=att, jobs=args.jobs):
            name = res.doc_id or names.get(res.index, f"#{res.index}")
            if res.error is not None:
                failed += 1
                err.write(f"quoteattr: {name}: {res.error}\n")
            else:
                writer.write(res.records)
            progress.update(len(res.records), error=res.error is not None)
        writer.close()
        if sink is not None:
            sink.commit()
    except (KeyboardInterrupt, BrokenPipeError):
        if sink is not None:
            sink.abort()
        raise
    except OSError as exc:
        if sink is not None:
            sink.abort()
        raise CliError(f"cannot write output: {exc.strerror or exc}") from None
    finally:
        progress.close()
    return EXIT_PARTIAL if failed else EXIT_OK


def _open_sink(args: argparse.Namespace, out: IO[str]):
    from .io import RecordWriter

    if args.format == "parquet":
        from .tabular import ParquetWriter

        try:
            writer = ParquetWriter(args.output)
        except (OSError, ValueError, ImportError) as exc:
            raise CliError(f"cannot write {args.output}: {exc}") from None
        # the writer is its own atomic sink: commit() after close() is a no-op, and
        # abort() on failure or Ctrl-C removes its temporary file
        return writer, writer
    if args.output:
        try:
            sink = AtomicOutput(args.output)
        except OSError as exc:
            raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        return sink, RecordWriter(sink.stream, args.format)
    return None, RecordWriter(out, args.format)


def cmd_eval(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    import json

    from .evaluate import evaluate, format_errors, format_scores

    docs = Path(args.docs)
    if not docs.is_dir():
        raise CliError(f"{docs}: not a folder")
    for p in (args.gold, args.pred):
        if p and not Path(p).is_file():
            raise CliError(f"{p}: no such file")
    att = None if args.pred else _attributor(args)
    try:
        result = evaluate(args.gold, docs, pred=args.pred, attributor=att, with_errors=args.errors)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(format_scores(result.scores))
        if args.errors:
            out.write(format_errors(result.errors))
    return EXIT_OK


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


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the CLI; returns the exit status (tests call this directly)."""
    err = stderr if stderr is not None else sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage error
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    out = stdout if stdout is not None else text_stdout()
    try:
        return COMMANDS[args.command](args, out, err)
    except CliError as exc:
        err.write(f"quoteattr: {exc}\n")
        return exc.status
    except KeyboardInterrupt:
        err.write("\nquoteattr: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (e.g. "| head"): not an error worth a traceback
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return EXIT_OK
