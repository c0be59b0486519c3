"""`sitrep gazetteer import`: stream a user-supplied GeoNames dump into the gazetteer.

Reads the GeoNames export format (allCountries.txt or a per-country file such as SY.txt: 19
tab-separated columns, https://download.geonames.org/export/dump/readme.txt) line by line, so
the 1.5 GB allCountries file never sits in memory. ``--alternate-names`` adds names from
alternateNamesV2.txt (10 columns; the 8-column v1 layout is accepted too). A line that does not
parse is counted (and the first one's number kept), and the import goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResourceError
from .build import _CommonWords, _keep_alternate, build_gazetteer, finish_indexes
from .gazetteer import check, default_path
from .normalize import normalize_name

__all__ = ["ImportStats", "import_dump", "parse_dump_line"]

_BATCH = 5_000
# Pseudo-languages of alternateNames that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr",
                        "phon", "piny", "fr_1793"})


@dataclass(slots=True)
class ImportStats:
    places: int = 0
    names: int = 0
    skipped: int = 0
    corrupt: int = 0
    first_corrupt: int | None = None

    def bad_line(self, number: int) -> None:
        self.corrupt += 1
        if self.first_corrupt is None:
            self.first_corrupt = number


def parse_dump_line(line: str) -> tuple | None:
    """One GeoNames row as a ``places`` row plus its names, or None when it does not parse."""
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != 19:
        return None
    try:
        gid = int(fields[0])
        lat, lon = float(fields[4]), float(fields[5])
        population = int(fields[14] or 0)
    except ValueError:
        return None
    if not fields[1] or not (-90 <= lat <= 90 and -180 <= lon <= 180) or len(fields[6]) > 1:
        return None
    row = (gid, gid, fields[1], lat, lon, fields[6] or "?", fields[7] or "?", fields[8] or None,
           fields[10] or None, fields[11] or None, population,
           "GeoNames dump (CC BY 4.0), imported")
    names = [fields[1], fields[2]] + [n for n in fields[3].split(",") if n]
    return row, names


def _lines(path: str) -> Iterator[tuple[int, str]]:
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield from enumerate(handle, start=1)


def import_dump(path: str | Path, gazetteer: Path | None = None, *,
                alternate_names: str | Path | None = None,
                countries: set[str] | None = None) -> ImportStats:
    """Add (or replace) the places of a GeoNames dump; returns what was imported."""
    target = Path(gazetteer) if gazetteer else default_path()
    ok, message = check(target)
    if not ok:
        if target.exists():
            raise ResourceError(message, "E402")
        build_gazetteer(target)
    common = _CommonWords()
    stats = ImportStats()
    connection = sqlite3.connect(target)
    imported: set[int] = set()
    try:
        places, names = [], []
        for number, line in _lines(str(path)):
            if not line.strip() or line.startswith("#"):
                continue
            parsed = parse_dump_line(line)
            if parsed is None:
                stats.bad_line(number)
                continue
            row, row_names = parsed
            if countries and row[7] not in countries:
                stats.skipped += 1
                continue
            places.append(row)
            imported.add(row[0])
            # countries and admin areas are never "common words" ("New Jersey", "Chad")
            area_common = (lambda norm: False) if row[5] == "A" else common
            names.extend(_name_rows(row[0], row_names, area_common, first_official=True))
            if len(places) >= _BATCH:
                _write(connection, places, names, stats)
                places, names = [], []
        _write(connection, places, names, stats)
        if alternate_names:
            _import_alternates(connection, str(alternate_names), imported, common, stats)
        connection.execute(
            "INSERT OR IGNORE INTO admin1 SELECT country, admin1, name, id FROM places "
            "WHERE fcode = 'ADM1' AND admin1 IS NOT NULL AND country IS NOT NULL")
        finish_indexes(connection)
        connection.commit()
    finally:
        connection.close()
    return stats


def _name_rows(place: int, names: list[str], common: _CommonWords, first_official: bool):
    seen: set[str] = set()
    for position, name in enumerate(names):
        norm = normalize_name(name)
        official = first_official and position == 0
        if not norm or norm in seen or (not official and not _keep_alternate(name, norm)):
            continue
        seen.add(norm)
        yield (norm, place, "official" if official else "alternate", name, int(common(norm)), None)


def _write(connection: sqlite3.Connection, places: list, names: list, stats: ImportStats) -> None:
    if not places:
        return
    ids = [(row[0],) for row in places]
    connection.executemany("DELETE FROM names WHERE place = ? AND kind IN ('official', "
                           "'alternate')", ids)
    connection.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                           places)
    connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", names)
    stats.places += len(places)
    stats.names += len(names)


def _import_alternates(connection: sqlite3.Connection, path: str, imported: set[int],
                       common: _CommonWords, stats: ImportStats) -> None:
    rows = []
    for number, line in _lines(path):
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) not in (8, 10):
            stats.bad_line(number)
            continue
        try:
            place = int(fields[1])
        except ValueError:
            stats.bad_line(number)
            continue
        if place not in imported or fields[2] in _NOT_NAMES:
            continue
        rows.extend(_name_rows(place, [fields[3]], common, first_official=False))
        if len(rows) >= _BATCH:
            connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", rows)
            stats.names += len(rows)
            rows = []
    connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", rows)
    stats.names += len(rows)
