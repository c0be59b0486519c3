"""The store verbs: `sitrep run`, `events`, `show`, `rejections`, `stats` and `export`.

Each verb is a thin shell over the function of the same name in :mod:`sitrep.api`: it turns
arguments into a call and the result into text. `run` exits 0 when every document was stored,
1 when some were rejected (or, with --strict, at the first rejection, storing nothing), 2 on a
usage error, 3 when the run failed. The reading verbs exit 3 when the store does not exist or the
event is unknown.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TextIO

from .. import api
from ..engine import ENGINES
from ..model import MODALITIES, Event, Report, Span
from ..store import StoredEvent, StoreStats
from ..store.export import EXPORT_FORMATS
from ..store.formats import spreadsheet_safe
from ..store.run import RunSummary, StrictRunFailed
from .common import (add_input_arguments, config_from, input_path, output_path, parse_date,
                     positive_int, print_warnings, store_path)
from .progress import Progress, count_inputs

__all__ = ["add_parser"]


def add_parser(subparsers) -> None:
    run = subparsers.add_parser("run", help="read, analyse and store documents in a database",
                                description="Read, analyse and store documents; re-running the "
                                            "same input adds nothing. Syndicated copies are "
                                            "analysed once and kept as sources.",
                                epilog="Exit status: 0 every document stored; 1 some were "
                                       "rejected (with --strict: at the first rejection, and "
                                       "nothing of the run is stored); 2 usage error; 3 the "
                                       "run failed (the store could not be opened or written: "
                                       "batches committed before stay, re-run to finish).")
    run.add_argument("paths", nargs="+", metavar="PATH", type=input_path,
                     help="files, directories or - for standard input")
    _add_db(run)
    add_input_arguments(run)
    run.add_argument("--engine", choices=ENGINES, default="local",
                     help="analyse on this machine (default), or on Ray actors (--workers of them)")
    run.add_argument("--address", metavar="auto|HOST:PORT",
                     help="the Ray cluster to join (default: start Ray's local mode)")
    run.set_defaults(handler=run_verb)

    events = subparsers.add_parser("events", help="list stored events")
    _add_db(events)
    _add_filters(events)
    events.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="json is JSON Lines: the contract's event fields plus id and sources")
    events.add_argument("--limit", type=positive_int, help="at most this many events")
    events.set_defaults(handler=events_verb)

    show = subparsers.add_parser("show", help="one event: evidence in context, sources, reasons")
    show.add_argument("event_id", metavar="EVENT_ID", help="an event id (a unique prefix will do)")
    _add_db(show)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=show_verb)

    rejections = subparsers.add_parser("rejections", help="list the inputs that were rejected")
    _add_db(rejections)
    rejections.add_argument("--code", help="only rejections with this reason code")
    rejections.add_argument("--format", choices=("table", "json"), default="table",
                            help="json is JSON Lines {path, line, code, message}")
    rejections.set_defaults(handler=rejections_verb)

    stats = subparsers.add_parser("stats", help="counts of reports, events and rejections")
    _add_db(stats)
    stats.add_argument("--modality", choices=(*MODALITIES, "all"), default="asserted",
                       help="which events the by-type and by-country counts cover")
    stats.add_argument("--format", choices=("table", "json"), default="table")
    stats.set_defaults(handler=stats_verb)

    export = subparsers.add_parser("export", help="write the stored events to a file")
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True,
                        help="acled-csv (ACLED's column names), jsonl, geojson, plover-json, "
                             "cameo-tsv (Phoenix-style) or parquet (needs --out)")
    export.add_argument("--out", metavar="FILE", type=output_path,
                        help="write here instead of standard output")
    _add_db(export)
    _add_filters(export)
    export.set_defaults(handler=export_verb)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=api.DEFAULT_DB, metavar="FILE|URL", type=store_path,
                        help=f"the store: a SQLite file (default {api.DEFAULT_DB}) or "
                             "postgresql://USER@HOST[:PORT]/DBNAME")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--type", dest="event_type",
                        help="ACLED event type or sub-event type, or PLOVER type (any case)")
    parser.add_argument("--actor", help="part of an actor's name")
    parser.add_argument("--country", help="country name or ISO3 code")
    parser.add_argument("--since", type=parse_date, metavar="YYYY-MM-DD")
    parser.add_argument("--until", type=parse_date, metavar="YYYY-MM-DD")
    parser.add_argument("--modality", choices=(*MODALITIES, "all"), default="asserted",
                        help="asserted (default), another modality, or all")
    parser.add_argument("--doc", metavar="ID",
                        help="only events reported by this document (its id as in the input)")
    parser.add_argument("--text", metavar="WORDS",
                        help='words of the evidence, as in a search box: all the words, '
                             '"a phrase", OR, -excluded (stemmed: "shelled" finds "shelling")')


def _filters(args: argparse.Namespace) -> dict:
    return {"event_type": args.event_type, "actor": args.actor, "country": args.country,
            "since": args.since, "until": args.until, "modality": args.modality,
            "doc": args.doc, "text": args.text}


# -- run ------------------------------------------------------------------------------------------
def run_verb(args: argparse.Namespace) -> int:
    config = config_from(args)
    progress = Progress(count_inputs(args.paths) if sys.stderr.isatty() else None)

    def on_report(summary: RunSummary, report: Report) -> None:
        print_warnings(report)
        progress(summary, report)

    try:
        summary = api.run(args.paths, args.db, published=args.published, strict=args.strict,
                          config=config, text_column=args.text_column,
                          id_column=args.id_column, date_column=args.date_column,
                          workers=args.workers, on_report=on_report, engine=args.engine,
                          address=args.address, on_built=_freeze_if_analysing_here(args))
    except StrictRunFailed as exc:
        progress.close()
        print(f"sitrep: --strict: {exc}; nothing from this run was stored", file=sys.stderr)
        return 1
    progress.close()
    _print_run_summary(summary, args.db, sys.stdout)
    return 1 if summary.rejections else 0


def _freeze_if_analysing_here(args: argparse.Namespace) -> Callable[[], None] | None:
    """With the local engine on one process, this process runs the pipeline over every report:
    what the built pipeline holds is frozen out of collections (see freeze_built_objects).
    Pool workers and Ray actors freeze their own; a driver only stores."""
    if args.engine == "local" and args.workers <= 1:
        from ..pipeline import freeze_built_objects

        return freeze_built_objects
    return None


def _print_run_summary(summary: RunSummary, db: str, out: TextIO) -> None:
    fuller = (f"; {summary.fuller_copies} fuller copies analysed too"
              if summary.fuller_copies else "")
    out.write(f"{summary.read} report(s) read: {summary.analysed} analysed, "
              f"{summary.copies} grouped as copies of another report ({summary.grouping}"
              f"{fuller}), {summary.already_stored} already in the store"
              + (f", {summary.repeated} repeated in the input" if summary.repeated else "")
              + "\n")
    out.write(f"{summary.events} new event(s) stored in {db}"
              + (f"; {summary.merged_events} event(s) told by several reports written as one"
                 if summary.merged_events else "") + "\n")
    if summary.rejections:
        reasons = ", ".join(f"{code} {count}" for code, count in summary.rejected.most_common())
        out.write(f"{summary.rejections} rejection(s): {reasons} "
                  f"(see `sitrep rejections --db {db}`)\n")
    else:
        out.write("no rejections\n")


# -- events ---------------------------------------------------------------------------------------
TABLE_COLUMNS = ("id", "date", "type", "actor1", "actor2", "location", "country", "deaths",
                 "src")
CSV_COLUMNS = ("id", "event_date", "time_precision", "event_type", "sub_event_type",
               "plover_type", "cameo_root", "actor1", "actor2", "location", "country",
               "latitude", "longitude", "geo_precision", "fatalities", "modality",
               "attribution", "confidence", "evidence", "sources")


def events_verb(args: argparse.Namespace) -> int:
    found = api.events(args.db, limit=args.limit, **_filters(args))
    if args.format == "json":
        for stored in found:
            sys.stdout.write(json.dumps(stored.to_record(), ensure_ascii=False) + "\n")
    elif args.format == "csv":
        _write_events_csv(found, sys.stdout)
    else:
        _write_events_table(found, sys.stdout)
        if sys.stdout.isatty():
            print(f"{len(found)} event(s); details: sitrep show EVENT_ID --db {args.db}",
                  file=sys.stderr)
    return 0


def _name(actor) -> str:
    return (actor.name or actor.text) if actor else "-"


def _table_row(stored: StoredEvent) -> tuple[str, ...]:
    event = stored.event
    location = event.location
    kind = event.sub_event_type or event.plover_type or "?"
    if event.modality != "asserted":
        kind += f" ({event.modality})"
    return (stored.id, event.event_date or "?", kind, _name(event.actor1), _name(event.actor2),
            (location.name or location.text) if location else "-",
            (location.country or "-") if location else "-",
            "?" if event.fatalities is None else str(event.fatalities),
            str(len(stored.sources)))


def _write_table(header: tuple[str, ...], rows: list[tuple[str, ...]], out: TextIO,
                 max_width: int = 36) -> None:
    rows = [tuple(cell if len(cell) <= max_width else cell[:max_width - 1] + "…" for cell in row)
            for row in rows]
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(header)]
    for row in [header, *rows]:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n")


def _write_events_table(found: list[StoredEvent], out: TextIO) -> None:
    if not found:
        out.write("no events match\n")
        return
    _write_table(TABLE_COLUMNS, [_table_row(stored) for stored in found], out)


def _write_events_csv(found: Iterable[StoredEvent], out: TextIO) -> None:
    import csv

    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for stored in found:
        event = stored.event
        location = event.location
        writer.writerow([spreadsheet_safe(cell) for cell in (
            stored.id, event.event_date, event.time_precision, event.event_type,
            event.sub_event_type, event.plover_type, event.cameo_root,
            event.actor1.name if event.actor1 else None,
            event.actor2.name if event.actor2 else None,
            location.name if location else None, location.country if location else None,
            location.lat if location else None, location.lon if location else None,
            location.geo_precision if location else None, event.fatalities, event.modality,
            event.attribution, event.confidence,
            " ... ".join(span.text for span in event.evidence),
            " ".join(source.doc_id or source.url or source.path or source.report_id
                     for source in stored.sources),
        )])


# -- show -----------------------------------------------------------------------------------------
def show_verb(args: argparse.Namespace) -> int:
    stored, report = api.show(args.event_id, args.db)
    if args.format == "json":
        record = stored.to_record()
        record["reasons"] = list(stored.event.reasons)
        record["trigger"] = stored.event.trigger.to_dict() if stored.event.trigger else None
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    _write_event_details(stored, report, sys.stdout, bold=sys.stdout.isatty())
    return 0


BOLD, PLAIN = "\x1b[1m", "\x1b[0m"


def _context(report: Report, span: Span) -> tuple[int, int]:
    """Raw bounds of the sentence holding ``span`` (its line when there are no sentences)."""
    for sentence in report.sentences:
        if sentence.start <= span.start < sentence.end:
            return sentence.start, max(sentence.end, span.end)
    start = report.raw.rfind("\n", 0, span.start) + 1
    end = report.raw.find("\n", span.end)
    return start, len(report.raw) if end < 0 else end


def highlight_evidence(report: Report, event: Event, *, bold: bool) -> list[str]:
    """Each sentence holding evidence, the evidence marked: ANSI bold, or [[brackets]].

    Evidence that is a whole sentence would mark everything, so there the trigger word is
    marked instead when the sentence holds it.
    """
    opening, closing = (BOLD, PLAIN) if bold else ("[[", "]]")
    trigger = event.trigger
    by_context: dict[tuple[int, int], list[Span]] = {}
    for span in sorted(event.evidence, key=lambda s: (s.start, s.end)):
        if 0 <= span.start <= span.end <= len(report.raw):
            by_context.setdefault(_context(report, span), []).append(span)
    lines = []
    for (start, end), spans in sorted(by_context.items()):
        marks = []
        for span in spans:
            whole = report.raw[start:end].strip() == report.raw[span.start:span.end].strip()
            if whole and trigger and span.start <= trigger.start and trigger.end <= span.end:
                span = trigger
            marks.append(span)
        parts, position = [], start
        for span in sorted(marks, key=lambda s: (s.start, s.end)):
            if span.start < position:  # overlaps the previous mark: already marked
                continue
            parts += [report.raw[position:span.start], opening,
                      report.raw[span.start:span.end], closing]
            position = span.end
        parts.append(report.raw[position:end])
        lines.append(" ".join("".join(parts).split()))
    return lines


def _describe_actor(actor) -> str:
    if actor is None:
        return "-"
    details = [value for value in (actor.type, f"inter {actor.inter}" if actor.inter else None,
                                   actor.country) if value]
    described = actor.name or "(uncoded)"
    if actor.text and actor.text != actor.name:
        described += f" — \"{actor.text}\""
    return described + (f" [{', '.join(details)}]" if details else "")


def _write_event_details(stored: StoredEvent, report: Report, out: TextIO, bold: bool) -> None:
    event = stored.event
    codes = ", ".join(part for part in (
        f"PLOVER {event.plover_type}" + (f"/{event.plover_mode}" if event.plover_mode else "")
        if event.plover_type else None,
        f"CAMEO {event.cameo_root}" if event.cameo_root else None) if part)
    kind = " / ".join(part for part in (event.event_type, event.sub_event_type) if part)
    out.write(f"Event {stored.id}: {kind or '(no ACLED type)'}" + (f"  ({codes})" if codes else "")
              + "\n")
    out.write(f"  modality     {event.modality}"
              + (f", attributed: {event.attribution}" if event.attribution else "")
              + f"; confidence {event.confidence:.2f}\n")
    out.write(f"  actor1       {_describe_actor(event.actor1)}\n")
    for actor in event.assoc_actor1:
        out.write(f"    with       {_describe_actor(actor)}\n")
    out.write(f"  actor2       {_describe_actor(event.actor2)}\n")
    for actor in event.assoc_actor2:
        out.write(f"    with       {_describe_actor(actor)}\n")
    place = event.location
    if place:
        where = ", ".join(part for part in (place.name or place.text, place.admin1, place.country)
                          if part)
        extra = []
        if place.lat is not None and place.lon is not None:
            extra.append(f"{place.lat:.4f}, {place.lon:.4f}")
        if place.geonameid:
            extra.append(f"GeoNames {place.geonameid}")
        if place.geo_precision:
            extra.append(f"geo_precision {place.geo_precision}")
        out.write(f"  location     {where}" + (f" ({'; '.join(extra)})" if extra else "") + "\n")
        if place.reason or place.runner_up or place.needs_review:
            why = "; ".join(part for part in (
                place.reason, f"runner-up: {place.runner_up}" if place.runner_up else None,
                "NEEDS REVIEW" if place.needs_review else None) if part)
            out.write(f"               {why}\n")
    else:
        out.write("  location     unknown\n")
    when = event.event_date or "unknown"
    if event.date_text:
        when += f" (\"{event.date_text}\")"
    if event.time_precision:
        when += f", time_precision {event.time_precision}"
    out.write(f"  date         {when}\n")
    fatalities = "not reported" if event.fatalities is None else str(event.fatalities)
    out.write(f"  fatalities   {fatalities}\n")
    out.write("\nEvidence\n")
    for line in highlight_evidence(report, event, bold=bold) or ["(none recorded)"]:
        out.write(f"  {line}\n")
    out.write(f"\nSources ({len(stored.sources)})\n")
    for source in stored.sources:
        where = source.path or "-"
        if source.record is not None:
            where += f":{source.record}"
        analysed = "  (analysed)" if source.report_id == stored.report_id else ""
        doc = f"  id {source.doc_id}" if source.doc_id else ""
        out.write(f"  {source.report_id}  {source.published or '????-??-??'}  {where}{doc}"
                  f"{analysed}\n")
        for label, value in (("title", source.title), ("url", source.url),
                             ("publisher", source.publisher)):
            if value:
                out.write(f"      {label}: {value}\n")
        if source.event is not None:  # a report of a merged incident: its own values
            for line in _own_values(event, source.event):
                out.write(f"      {line}\n")
        for span in source.evidence[:3]:
            out.write(f"      evidence: \"{' '.join(span.text.split())}\"\n")
    if event.reasons:
        out.write("\nReasons\n")
        for reason in event.reasons:
            out.write(f"  - {reason}\n")


def _values(event: Event) -> dict[str, str]:
    place = event.location
    return {"type": event.sub_event_type or event.plover_type or "?",
            "date": event.event_date or "unknown",
            "place": ((place.name or place.text) + (f", {place.country}" if place.country else "")
                      if place else "unknown"),
            "actor1": _name(event.actor1), "actor2": _name(event.actor2),
            "fatalities": "not reported" if event.fatalities is None else str(event.fatalities)}


def _own_values(merged: Event, own: Event) -> list[str]:
    """A source's own values, each that differs from the merged event's flagged."""
    merged_values = _values(merged)
    lines = []
    for label, value in _values(own).items():
        flag = "  ** differs" if value != merged_values[label] else ""
        lines.append(f"{label + ':':<12}{value}{flag}")
    return lines


# -- rejections -----------------------------------------------------------------------------------
def rejections_verb(args: argparse.Namespace) -> int:
    found = api.rejections(args.db, code=args.code)
    if args.format == "json":
        for rejection in found:
            record = {"path": rejection.path, "line": rejection.line, "code": rejection.code,
                      "message": rejection.message}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    if not found:
        print("no rejections")
        return 0
    rows = [(f"{r.path or '-'}" + (f":{r.line}" if r.line is not None else ""), r.code,
             r.message) for r in found]
    _write_table(("where", "code", "why"), rows, sys.stdout, max_width=80)
    return 0


# -- stats ----------------------------------------------------------------------------------------
def stats_verb(args: argparse.Namespace) -> int:
    stats = api.stats(args.db, modality=args.modality)
    if args.format == "json":
        print(json.dumps(stats.to_dict(), ensure_ascii=False))
        return 0
    rejections = api.rejections(args.db) if stats.rejections else []
    _write_stats(stats, rejections, args.db, args.modality, sys.stdout)
    return 0


def _write_stats(stats: StoreStats, rejections: list, db: str, modality: str,
                 out: TextIO) -> None:
    out.write(f"sitrep store {db}\n")
    out.write(f"  reports     {stats.reports:>6}  ({stats.analysed} analysed, {stats.copies} "
              f"syndicated/duplicate copies kept as sources, {stats.rejected_reports} rejected "
              "during analysis)\n")
    modalities = ", ".join(f"{count} {name}" for name, count in stats.events_by_modality.items())
    out.write(f"  events      {stats.events:>6}" + (f"  ({modalities})" if modalities else "")
              + "\n")
    out.write(f"  rejections  {stats.rejections:>6}\n")
    label = "events" if modality == "all" else f"{modality} events"
    if stats.events_by_type:
        out.write(f"\n{label.capitalize()} by ACLED type\n")
        for event_type, sub_types in stats.events_by_type.items():
            out.write(f"  {event_type:<44} {sum(sub_types.values()):>5}\n")
            for sub_type, count in sub_types.items():
                if sub_type != "-":
                    out.write(f"    {sub_type:<42} {count:>5}\n")
    if stats.events_by_plover_only:
        out.write(f"\n{label.capitalize()} without an ACLED type, by PLOVER type\n")
        for plover_type, count in stats.events_by_plover_only.items():
            out.write(f"  {plover_type:<44} {count:>5}\n")
    if stats.events_by_country:
        out.write(f"\n{label.capitalize()} by country\n")
        for country, count in stats.events_by_country.items():
            out.write(f"  {country:<44} {count:>5}\n")
    if stats.rejections_by_code:
        out.write("\nRejections by reason\n")
        for code, count in stats.rejections_by_code.items():
            out.write(f"  {code:<44} {count:>5}\n")
            for rejection in [r for r in rejections if r.code == code][:5]:
                where = (rejection.path or "-") + (f":{rejection.line}" if rejection.line else "")
                out.write(f"    {where}: {rejection.message}\n")


# -- export ---------------------------------------------------------------------------------------
def export_verb(args: argparse.Namespace) -> int:
    skipped: Counter = Counter()
    try:
        count = api.export(args.db, args.format, args.out, skipped=skipped, **_filters(args))
    except BrokenPipeError:  # `sitrep export ... | head`: the CLI's own handler ends quietly
        raise
    except OSError as exc:  # --out in a missing directory, a directory, not writable
        print(f"sitrep: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 3  # the command failed (sitrep.cli.main.EXIT_FAILED)
    if args.out:
        print(f"{count} event(s) written to {args.out} ({args.format})", file=sys.stderr)
    for reason, number in skipped.most_common():
        print(f"sitrep: {number} matching event(s) not written: {args.format} cannot hold them "
              f"({reason}); `--format jsonl` holds every event", file=sys.stderr)
    return 0
