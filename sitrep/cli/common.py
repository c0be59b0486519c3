"""Arguments and conversions shared by several verbs."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ..config import Config, load_config


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD (a bad date is a usage error, exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every verb that reads documents takes (extract, run)."""
    parser.add_argument("--published", type=parse_date, metavar="YYYY-MM-DD",
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
