"""The export formats other event-data tools read: PLOVER JSON, CAMEO TSV, Parquet.

``plover-json`` is JSON Lines, one object per event with PLOVER's (POLECAT's) field names:
``event_type``, ``event_mode``, ``contexts``, ``actor`` and ``recipient`` (each with the text as
written, the canonical name, the CAMEO actor code, sector and country), ``location``,
``event_date`` and the ``event_text`` evidence. The JSON Schema of one object ships beside this
module (``plover.schema.json``) so a consumer can validate a file. Events without a PLOVER type
have no PLOVER record and are skipped, as ``acled-csv`` skips events without an ACLED type.

``cameo-tsv`` has Phoenix's column names (the Phoenix/ICEWS-style event TSV): date parts, source
and target actor codes, CAMEO root code, quad class, location, urls and the sentence. Phoenix's
``GoldsteinScore`` is left out: Goldstein weights belong to 3- and 4-digit CAMEO codes and sitrep
codes only the root, so any number there would be invented. Events without a CAMEO root are
skipped.

``parquet`` has typed columns (integers, floats, booleans stay numbers), actors and the location
as structs, associated actors, evidence and sources as lists of structs: pandas, pyarrow, DuckDB
and Spark read it. Parquet is binary, so it needs a file (``--out``), never the terminal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import UsageError
from ..model import Actor, Place
from .records import StoredEvent

__all__ = ["TEXT_FORMATS", "BINARY_FORMATS", "PLOVER_SCHEMA", "CAMEO_COLUMNS", "plover_record",
           "cameo_row", "quad_class", "spreadsheet_safe", "write_parquet", "parquet_schema"]

PLOVER_SCHEMA = Path(__file__).with_name("plover.schema.json")

# Characters a spreadsheet reads as the start of a formula (OWASP's CSV-injection list: the
# four operators, and tab / carriage return that some tools strip before looking).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet will not run: one starting like a formula gets a leading ``'``
    (the convention Excel, LibreOffice and ACLED's users know). Numbers are left as numbers —
    a longitude of -3.5 is data, not a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def quad_class(cameo_root: str | None) -> int | None:
    """Phoenix's quad class of a CAMEO root code: 0 neutral (01-02 statements and appeals),
    1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
    4 material conflict (14-20)."""
    if not cameo_root or not cameo_root[:2].isdigit():
        return None
    root = int(cameo_root[:2])
    for highest, quad in ((2, 0), (5, 1), (8, 2), (13, 3), (20, 4)):
        if 1 <= root <= highest:
            return quad
    return None


# -- PLOVER JSON ---------------------------------------------------------------------------------
def _plover_actor(actor: Actor | None, associated: tuple[Actor, ...]) -> dict | None:
    if actor is None and not associated:
        return None
    main = actor or associated[0]
    return {"name": main.name, "text": main.text, "code": main.cameo, "sector": main.type,
            "country": main.country,
            "associated": [{"name": a.name, "text": a.text, "code": a.cameo, "sector": a.type,
                            "country": a.country} for a in associated if a is not main]}


def _plover_location(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"placename": place.name, "raw_placename": place.text, "geonames_id": place.geonameid,
            "latitude": place.lat, "longitude": place.lon, "country": place.country,
            "iso3": place.iso3, "province": place.admin1, "district": place.admin2,
            "feature_type": place.feature_code, "geo_precision": place.geo_precision}


def plover_record(stored: StoredEvent) -> dict:
    """One event as a PLOVER/POLECAT-style object (see ``plover.schema.json``)."""
    event = stored.event
    return {
        "event_id": stored.id,
        "event_date": event.event_date,
        "time_precision": event.time_precision,
        "event_type": event.plover_type,
        "event_mode": event.plover_mode,
        # sitrep codes no PLOVER context (elections, refugees, ...): an empty list, not a guess
        "contexts": [],
        "cameo_root": event.cameo_root,
        "quad_code": quad_class(event.cameo_root),
        "actor": _plover_actor(event.actor1, event.assoc_actor1),
        "recipient": _plover_actor(event.actor2, event.assoc_actor2),
        "location": _plover_location(event.location),
        "dead": event.fatalities,
        "modality": event.modality,
        "attribution": event.attribution,
        "confidence": event.confidence,
        "event_text": [span.text for span in event.evidence],
        "sources": [{"url": s.url, "title": s.title, "publication_date": s.published,
                     "publisher": s.publisher, "report_id": s.report_id}
                    for s in stored.sources],
    }


def _write_plover_json(events: Iterable[StoredEvent], out: TextIO) -> int:
    count = 0
    for stored in events:
        if not stored.event.plover_type:
            continue
        text = json.dumps(plover_record(stored), ensure_ascii=False)
        # JSON allows U+2028/U+2029 raw, but line readers (str.splitlines, JavaScript) split there
        out.write(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")
        count += 1
    return count


# -- CAMEO TSV -----------------------------------------------------------------------------------
CAMEO_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorName",
    "TargetActorFull", "TargetActorName", "EventRootCode", "PloverType", "QuadClass",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode", "URLs", "Sentence",
)


def _one_line(value: object) -> object:
    # a TSV cell cannot hold its own separators: tabs and line breaks become spaces
    if isinstance(value, str):
        return " ".join(value.replace("\t", " ").split())
    return value


def cameo_row(stored: StoredEvent) -> dict:
    """One event as a Phoenix-style row (CAMEO codes; see ``CAMEO_COLUMNS``)."""
    event = stored.event
    place = event.location
    parts = (event.event_date or "").split("-")
    year, month, day = (parts + ["", "", ""])[:3]
    return {
        "EventID": stored.id,
        "Date": (event.event_date or "").replace("-", ""),
        "Year": year, "Month": month, "Day": day,
        "SourceActorFull": event.actor1.cameo if event.actor1 else None,
        "SourceActorName": (event.actor1.name or event.actor1.text) if event.actor1 else None,
        "TargetActorFull": event.actor2.cameo if event.actor2 else None,
        "TargetActorName": (event.actor2.name or event.actor2.text) if event.actor2 else None,
        "EventRootCode": event.cameo_root,
        "PloverType": event.plover_type,
        "QuadClass": quad_class(event.cameo_root),
        "Lat": place.lat if place else None,
        "Lon": place.lon if place else None,
        "LocationName": place.name if place else None,
        "StateName": place.admin1 if place else None,
        "CountryCode": place.iso3 if place else None,
        "URLs": ";".join(s.url for s in stored.sources if s.url),
        "Sentence": " ... ".join(span.text for span in event.evidence),
    }


def _write_cameo_tsv(events: Iterable[StoredEvent], out: TextIO) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CAMEO_COLUMNS)
    count = 0
    for stored in events:
        if not stored.event.cameo_root:
            continue
        row = cameo_row(stored)
        writer.writerow(["" if row[c] is None else spreadsheet_safe(_one_line(row[c]))
                         for c in CAMEO_COLUMNS])
        count += 1
    return count


TEXT_FORMATS: dict[str, Callable[[Iterable[StoredEvent], TextIO], int]] = {
    "plover-json": _write_plover_json, "cameo-tsv": _write_cameo_tsv}


# -- Parquet -------------------------------------------------------------------------------------
# Rows per row group: bounds memory on a large store (a row group is built in memory) while
# keeping row groups large enough for column statistics to help readers skip them.
PARQUET_BATCH = 5000


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401  (the submodule is not imported by pyarrow itself)
    except ModuleNotFoundError:
        raise UsageError("the parquet export needs pyarrow: pip install pyarrow", "E232") from None
    return pyarrow


def parquet_schema():
    """The Arrow schema of the ``parquet`` export."""
    pa = _pyarrow()
    actor = pa.struct([("text", pa.string()), ("name", pa.string()), ("type", pa.string()),
                       ("inter", pa.int8()), ("cameo", pa.string()), ("country", pa.string())])
    place = pa.struct([
        ("text", pa.string()), ("name", pa.string()), ("geonameid", pa.int64()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("country", pa.string()),
        ("iso3", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()),
        ("feature_code", pa.string()), ("geo_precision", pa.int8())])
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    source = pa.struct([("report_id", pa.string()), ("url", pa.string()),
                        ("title", pa.string()), ("published", pa.string()),
                        ("publisher", pa.string()), ("path", pa.string())])
    return pa.schema([
        ("id", pa.string()), ("event_date", pa.string()), ("time_precision", pa.int8()),
        ("event_type", pa.string()), ("sub_event_type", pa.string()),
        ("plover_type", pa.string()), ("plover_mode", pa.string()), ("cameo_root", pa.string()),
        ("quad_class", pa.int8()),
        ("actor1", actor), ("assoc_actor1", pa.list_(actor)),
        ("actor2", actor), ("assoc_actor2", pa.list_(actor)),
        ("location", place), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("fatalities", pa.int32()), ("modality", pa.string()), ("attribution", pa.string()),
        ("confidence", pa.float64()), ("evidence", pa.list_(span)),
        ("sources", pa.list_(source)), ("stored_at", pa.string()),
    ])


def _actor_struct(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {"text": actor.text, "name": actor.name, "type": actor.type, "inter": actor.inter,
            "cameo": actor.cameo, "country": actor.country}


def _parquet_row(stored: StoredEvent) -> dict:
    event = stored.event
    place = event.location
    return {
        "id": stored.id, "event_date": event.event_date, "time_precision": event.time_precision,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "plover_type": event.plover_type, "plover_mode": event.plover_mode,
        "cameo_root": event.cameo_root, "quad_class": quad_class(event.cameo_root),
        "actor1": _actor_struct(event.actor1),
        "assoc_actor1": [_actor_struct(a) for a in event.assoc_actor1],
        "actor2": _actor_struct(event.actor2),
        "assoc_actor2": [_actor_struct(a) for a in event.assoc_actor2],
        "location": None if place is None else {
            key: value for key, value in place.to_dict().items()
            if key not in ("start", "end", "reason", "runner_up", "needs_review")},
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "fatalities": event.fatalities, "modality": event.modality,
        "attribution": event.attribution, "confidence": event.confidence,
        "evidence": [span.to_dict() for span in event.evidence],
        "sources": [{"report_id": s.report_id, "url": s.url, "title": s.title,
                     "published": s.published, "publisher": s.publisher, "path": s.path}
                    for s in stored.sources],
        "stored_at": stored.stored_at,
    }


def _batches(events: Iterable[StoredEvent], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for stored in events:
        batch.append(_parquet_row(stored))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(events: Iterable[StoredEvent], out: str | Path | BinaryIO | None) -> int:
    """Write ``events`` as Parquet to a path or a binary file; returns how many."""
    if out is None or (hasattr(out, "write") and hasattr(out, "encoding")):
        raise UsageError("parquet is a binary format: write it to a file (--out FILE)", "E231")
    pa = _pyarrow()
    schema = parquet_schema()
    count = 0
    with pa.parquet.ParquetWriter(out if not isinstance(out, Path) else str(out), schema,
                                  compression="zstd") as writer:
        for batch in _batches(events, PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    # a store with no matching events still gets a file with the schema (ParquetWriter wrote it)
    return count


BINARY_FORMATS: dict[str, Callable[[Iterable[StoredEvent], str | Path | BinaryIO | None], int]] = {
    "parquet": write_parquet}
