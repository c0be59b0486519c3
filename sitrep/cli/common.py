"""Arguments and conversions shared by several verbs."""

from __future__ import annotations

import argparse
import json
import os
from datetime import date

from ..config import Config, load_config


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD (a bad date is a usage error, exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def publication_date(text: str) -> date:
    """argparse type for --published: a YYYY-MM-DD that can be a publication date."""
    from ..ingest.dates import plausible

    day = parse_date(text)
    reason = plausible(day)
    if reason:
        raise argparse.ArgumentTypeError(f"not a publication date: {reason}")
    return day


def print_warnings(report, stream=None) -> None:
    """What ingestion read from a document but could not use (a bad date), one line each on
    stderr: recorded on the report too, but a user running the command should see it now."""
    import sys

    for line in warning_lines(report):
        print(line, file=stream or sys.stderr)


def warning_lines(report) -> list[str]:
    """The lines :func:`print_warnings` prints for ``report``."""
    where = report.path or "-"
    if report.record is not None:
        where += f":{report.record}"
    return [f"sitrep: warning: {where} (id {report.id}): {warning}"
            for warning in report.warnings]


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def input_path(text: str) -> str:
    """argparse type for an input PATH: ``-``, a readable file, or a folder with files in it.

    A path that is not there would otherwise become a stored rejection (and a new store) or, for
    an empty folder, a run that prints nothing and exits 0: both are usage errors (exit 2)."""
    if text == "-":
        return text
    if not os.path.exists(text):
        raise argparse.ArgumentTypeError(f"no such file or folder: {text!r}")
    if os.path.isdir(text):
        if not any(files for _, _, files in os.walk(text)):
            raise argparse.ArgumentTypeError(f"the folder {text!r} holds no files to read")
        return text
    if not os.access(text, os.R_OK):
        raise argparse.ArgumentTypeError(f"cannot read {text!r} (permission denied)")
    return text


def _file_to_write(text: str, option: str, example: str) -> str:
    """A file path whose folder exists and that is not itself a folder (else a usage error that
    says so, rather than a later "cannot open" or a hint to run a command that fails too)."""
    if os.path.isdir(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is a folder; {option} names a file (e.g. {os.path.join(text, example)!r})")
    folder = os.path.dirname(text) or "."
    if not os.path.isdir(folder):
        raise argparse.ArgumentTypeError(f"the folder {folder!r} of {text!r} does not exist")
    return text


def store_path(text: str) -> str:
    """argparse type for --db: the store's file (a database URL is the store's own business)."""
    if "://" in text:
        return text
    return _file_to_write(text, "--db", "sitrep.db")


def output_path(text: str) -> str:
    """argparse type for --out: the file an export writes."""
    return _file_to_write(text, "--out", "events.csv")


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every verb that reads documents takes (extract, run)."""
    parser.add_argument("--published", type=publication_date, metavar="YYYY-MM-DD",
                        help="publication date for documents whose own metadata gives none")
    parser.add_argument("--strict", action="store_true",
                        help="fail the run (exit 1, nothing further read) on the first rejection")
    parser.add_argument("--text-column", help="CSV/TSV/JSON field holding the text")
    parser.add_argument("--id-column", help="CSV/TSV/JSON field holding the document id")
    parser.add_argument("--date-column", help="CSV/TSV/JSON field holding the publication date")
    parser.add_argument("--workers", type=positive_int, default=1,
                        help="analyse documents in this many processes (default 1)")


def config_from(args: argparse.Namespace) -> Config:
    return load_config(getattr(args, "config", None))


def read_options_from(args: argparse.Namespace, config: Config):
    from ..ingest import ReadOptions

    return ReadOptions(published=args.published, limits=config.limits,
                       text_column=args.text_column, id_column=args.id_column,
                       date_column=args.date_column)


def json_line(record: dict) -> str:
    """One JSON Lines record. U+2028/U+2029 are escaped: JSON allows them raw, but many line
    readers (Python's str.splitlines, JavaScript) split on them."""
    text = json.dumps(record, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"
