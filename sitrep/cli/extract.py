"""`sitrep extract`: analyse documents without storing them; print the document contract.

Output (``--format jsonl``): one JSON object per input document, in input order — see README,
"Document contract". Exit status 0 when every document was processed, 1 when some were rejected
(with ``--strict``: at the first rejection), 2 on a usage error, 3 when the command failed.
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from functools import partial
from typing import TextIO

from ..model import Rejection, Report
from ..pipeline import Pipeline, freeze_built_objects
from .common import (add_input_arguments, config_from, input_path, json_line, read_options_from,
                     warning_lines)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="analyse documents and print events, actors, places and times",
        description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=["-"], metavar="PATH", type=input_path,
                        help="files, directories or - for standard input (the default)")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    parser.add_argument("--with-text", action="store_true",
                        help="add each document's text (what the offsets index: for HTML, feeds, "
                             "WARC and CSV input, the text read out of them) as a field \"text\"")
    add_input_arguments(parser)
    parser.set_defaults(handler=run_extract)


def run_extract(args: argparse.Namespace) -> int:
    from ..ingest import read_inputs

    config = config_from(args)
    pipeline = Pipeline(config)
    freeze_built_objects()
    reports = read_inputs(args.paths, read_options_from(args, config))
    render = partial(_printed, table=args.format == "table", with_text=args.with_text)
    rejected = 0
    for printed in pipeline.pipe(reports, n_process=args.workers, finish=render):
        for line in printed.warnings:
            print(line, file=sys.stderr)
        sys.stdout.write(printed.output)
        if printed.rejection:
            rejected += 1
            if args.strict:
                print(f"sitrep: --strict: {printed.id} rejected ({printed.rejection.code}): "
                      f"{printed.rejection.message}", file=sys.stderr)
                return 1
    return 1 if rejected else 0


@dataclass(frozen=True, slots=True)
class Printed:
    """What the command prints for one report, made where the report was analysed: with
    ``--workers`` a worker sends back this, not the report with its tokens."""

    id: str
    output: str
    warnings: list[str]
    rejection: Rejection | None


def _printed(report: Report, *, table: bool, with_text: bool) -> Printed:
    out = io.StringIO()
    if table:
        _write_table(report, out)
    else:
        _write_jsonl(report, out, with_text=with_text)
    return Printed(report.id, out.getvalue(), warning_lines(report), report.rejection)


def _write_jsonl(report: Report, out: TextIO, *, with_text: bool = False) -> None:
    record = report.to_contract()
    if with_text:
        record["text"] = report.raw
    out.write(json_line(record))


def _write_table(report: Report, out: TextIO) -> None:
    if report.rejection:
        out.write(f"{report.id}: REJECTED {report.rejection.code}: {report.rejection.message}\n")
        return
    out.write(f"{report.id}: {len(report.events)} event(s), {len(report.actors)} actor "
              f"mention(s), {len(report.places)} place(s), {len(report.times)} time(s)\n")
    for event in report.events:
        kind = event.sub_event_type or event.plover_type or "?"
        actor1 = event.actor1.name or event.actor1.text if event.actor1 else "-"
        actor2 = event.actor2.name or event.actor2.text if event.actor2 else "-"
        where = event.location.name if event.location else "-"
        out.write(f"  [{event.modality}] {kind}: {actor1} -> {actor2} at {where} "
                  f"on {event.event_date or '?'} (precision {event.time_precision or '-'})\n")
