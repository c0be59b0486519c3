"""Localities below cities500 (Bangladesh's unions and upazilas, India's post office localities):
read from the installed tables, and read in text only beside a locative or a settlement noun,
in a report that points to their country (sitrep/geo/localities.py, recognize.py, resolve.py)."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.localities import (
    LOCAL_CUE, bangladesh_unions, bangladesh_upazilas, india_post_offices, polygon_centroid,
)
from sitrep.geo.recognize import find_mentions
from sitrep.geo.resolve import resolve_mentions
from sitrep.geo.stage import Geocode
from sitrep.model import Report

from gazetteer_rows import write_gazetteer


def test_a_polygons_centroid_is_weighed_by_area():
    square = {"type": "Polygon", "coordinates": [[[90, 23], [91, 23], [91, 24], [90, 24],
                                                  [90, 23]]]}
    assert polygon_centroid(square) == pytest.approx((23.5, 90.5))
    # a big square and a small one: the centroid lies near the big one's middle
    both = {"type": "MultiPolygon", "coordinates": [
        square["coordinates"],
        [[[92, 23], [92.1, 23], [92.1, 23.1], [92, 23.1], [92, 23]]]]}
    lat, lon = polygon_centroid(both)
    assert 90.5 < lon < 90.6 and 23.45 < lat < 23.5


def test_the_installed_tables_give_named_points_inside_their_countries():
    """Every locality has a name without digits ("Ward No-49" is left out) and a point inside its
    country's box; the tables hold thousands of unions, hundreds of upazilas and tens of
    thousands of Indian localities."""
    unions, upazilas = list(bangladesh_unions()), list(bangladesh_upazilas())
    assert len(unions) > 4000 and 400 < len(upazilas) < 600
    assert {u.country for u in unions + upazilas} == {"BD"}
    assert all(20.5 <= u.lat <= 26.7 and 88.0 <= u.lon <= 92.7 for u in unions + upazilas)
    assert {u.fcode for u in upazilas} == {"ADM3"} and {u.fcode for u in unions} == {"PPL"}
    india = list(india_post_offices())
    assert len(india) > 50_000
    assert all(6.0 <= p.lat <= 37.5 and 68.0 <= p.lon <= 97.5 for p in india)
    assert not any(ch.isdigit() for p in unions + india for ch in p.name)
    assert not any(p.name.endswith((" B.O", " S.O", " H.O")) for p in india)


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    """Two districts of Bangladesh and one of Nepal, a Bangladeshi union ("Rajapur") and an
    Indian post office locality ("Sonpur") known only from the national lists, and a locality
    whose name begins with a division's ("Khulna Sadar Bazar")."""
    path = tmp_path_factory.mktemp("localities") / "gazetteer.sqlite"
    source = "test"
    write_gazetteer(path, places=[
        (1, 1, "Jhenaidah", 23.54, 89.17, "P", "PPL", "BD", "27", None, 110000, source),
        (2, 2, "Kushtia", 23.90, 89.12, "P", "PPL", "BD", "27", None, 100000, source),
        (3, 3, "Biratnagar", 26.45, 87.27, "P", "PPL", "NP", "1", None, 180000, source),
        (4, 4, "Bangladesh", 24.0, 90.0, "A", "PCLI", "BD", None, None, 160000000, source),
        (-1, None, "Rajapur", 23.60, 89.20, "P", "PPL", "BD", "27", None, 0, source),
        (-2, None, "Sonpur", 25.70, 85.18, "P", "PPL", "IN", "34", None, 0, source),
        (-3, None, "Khulna Sadar Bazar", 22.82, 89.55, "P", "PPL", "BD", "27", None, 0,
         source),
        (5, 5, "Khulna", 22.7, 89.3, "A", "ADM1", "BD", "27", None, 0, source),
    ], names=[
        ("jhenaidah", 1, "official", "Jhenaidah", 0, None),
        ("kushtia", 2, "official", "Kushtia", 0, None),
        ("biratnagar", 3, "official", "Biratnagar", 0, None),
        ("bangladesh", 4, "official", "Bangladesh", 0, None),
        ("rajapur", -1, "official", "Rajapur", 0, LOCAL_CUE),
        ("sonpur", -2, "official", "Sonpur", 0, LOCAL_CUE),
        ("khulna sadar bazar", -3, "official", "Khulna Sadar Bazar", 0, LOCAL_CUE),
        ("khulna", 5, "official", "Khulna", 0, None),
    ], countries=[("BD", "BGD", "Bangladesh", 4), ("IN", "IND", "India", None),
                  ("NP", "NPL", "Nepal", None)])
    return Gazetteer(path)


def _names(gazetteer, text):
    return [m.text for m in find_mentions(text, gazetteer)]


@pytest.mark.parametrize("text, found", [
    # a locative, a settlement noun, a locality noun, a list a locative opens
    ("Police clashed with activists in Rajapur of Jhenaidah.", ["Rajapur", "Jhenaidah"]),
    ("Activists clashed at Rajapur bazar.", ["Rajapur"]),
    ("Rajapur union chairman was shot.", ["Rajapur"]),
    ("Clashes broke out in Kushtia, Rajapur and Jhenaidah.", ["Kushtia", "Rajapur",
                                                              "Jhenaidah"]),
    # no word says it is a place: a name (Mr Rajapur), or where someone comes from
    ("Rajapur said the police had fired first in Jhenaidah.", ["Jhenaidah"]),
    ("A trader from Rajapur was shot in Jhenaidah.", ["Jhenaidah"]),
])
def test_a_locality_of_the_lists_is_a_place_only_beside_words_that_say_so(gazetteer, text,
                                                                          found):
    assert _names(gazetteer, text) == found


def test_a_locality_does_not_swallow_a_shorter_name_the_gazetteer_knows(gazetteer):
    """"Khulna Sadar Bazar" is a locality of the lists, but the division it begins with is what
    the gazetteer knows otherwise (a report naming the division must not lose it to a locality
    that, unsupported, is then dropped)."""
    assert _names(gazetteer, "Traders went on strike in Khulna Sadar Bazar.") == ["Khulna"]


def _resolve(gazetteer, text, countries=None):
    mentions = find_mentions(text, gazetteer)
    return {m.text: r for m, r in zip(mentions, resolve_mentions(mentions, text,
                                                                 countries=countries))}


def test_a_locality_is_read_where_no_other_country_weighs_more(gazetteer):
    """Beside a district of its country, or alone in a report that says nothing else of where
    (a short note: "Police clashed with activists in Rajapur."), the union stands at its point;
    in a report whose other places or actors weigh more in another country it is no place at
    all (dropped, with the reason)."""
    placed = _resolve(gazetteer, "Police clashed with activists in Rajapur of Jhenaidah.")
    assert placed["Rajapur"].candidate.name == "Rajapur"
    alone = _resolve(gazetteer, "Police clashed with activists in Rajapur.")["Rajapur"]
    assert alone.candidate.name == "Rajapur"
    abroad = _resolve(gazetteer, "Police clashed with activists in Rajapur and Biratnagar.")
    assert abroad["Rajapur"].candidate is None and abroad["Rajapur"].dropped
    assert "weigh more in another country" in abroad["Rajapur"].reason
    # an actor of Bangladesh weighs as much as the one place elsewhere: enough
    backed = _resolve(gazetteer, "Police clashed with activists in Rajapur and Biratnagar.",
                      {"BD": 1.0})
    assert backed["Rajapur"].candidate.name == "Rajapur"
    nepal = _resolve(gazetteer, "Protesters marched in Sonpur and in Biratnagar, Nepal said.",
                     {"NP": 1.0, "IN": 0.5})
    assert nepal["Sonpur"].candidate is None


def test_a_dropped_locality_leaves_no_place_on_the_report(gazetteer):
    geocode = Geocode(gazetteer=str(gazetteer.path))
    report = geocode(Report(id="r", raw="Police clashed with activists in Rajapur and "
                                        "Biratnagar."))
    assert [p.name for p in report.places] == ["Biratnagar"]
    report = geocode(Report(id="r", raw="Police clashed with activists in Rajapur of Jhenaidah."))
    assert [p.name for p in report.places] == ["Rajapur", "Jhenaidah"]
    assert report.places[0].geo_precision == 1 and report.places[0].geonameid is None


def test_the_build_writes_the_localities_it_can_tell_apart(tmp_path, monkeypatch):
    """The build leaves out a locality the gazetteer already holds within 10 km (the same place),
    one named by English words only, a given name and a name under four letters; it writes the
    others with the cue ``local``, a synthetic id and the first-level division of the nearest
    GeoNames town of their country within about a degree (none for the far namesake)."""
    import sqlite3

    from sitrep.geo import build
    from sitrep.geo.localities import Locality

    path = tmp_path / "gazetteer.sqlite"
    write_gazetteer(path, places=[
        (1, 1, "Kushtia", 23.90, 89.12, "P", "PPL", "BD", "27", None, 100000, "test"),
    ], names=[("kushtia", 1, "official", "Kushtia", 0, None)], countries=[])
    offered = [
        Locality("Kushtia", 23.91, 89.13, "BD", "PPL", "t"),      # the town itself
        Locality("Kushtia", 25.10, 89.50, "BD", "PPL", "t"),      # a namesake far away
        Locality("Civil Lines", 23.80, 89.10, "BD", "PPL", "t"),  # English words
        Locality("Mohammad", 23.70, 89.10, "BD", "PPL", "t"),     # a given name
        Locality("Aro", 23.70, 89.10, "BD", "PPL", "t"),          # too short to tell
        Locality("Rajapur", 23.60, 89.20, "BD", "ADM3", "t"),
    ]
    monkeypatch.setattr(build, "localities", lambda: iter(offered))
    connection = sqlite3.connect(path)
    builder = build._Builder(connection)
    builder.cities = {"1": {"countrycode": "BD", "admin1code": "27", "latitude": 23.90,
                            "longitude": 89.12}}
    assert builder.localities() == 2
    rows = connection.execute(
        "SELECT p.name, p.lat, p.fclass, p.fcode, p.admin1, p.id < 0, n.cue FROM places p "
        "JOIN names n ON n.place = p.id WHERE n.cue = ? ORDER BY p.lat", (LOCAL_CUE,)).fetchall()
    assert rows == [("Rajapur", 23.60, "A", "ADM3", "27", 1, LOCAL_CUE),
                    ("Kushtia", 25.10, "P", "PPL", None, 1, LOCAL_CUE)]
    connection.close()


@pytest.mark.parametrize("reader, content", [
    (bangladesh_unions, b"\x00\x01\xff binary"),           # binary, not UTF-8
    (bangladesh_upazilas, b'{"type": "FeatureCollection", '),  # cut short
    (bangladesh_unions, b""),                               # empty
    (bangladesh_upazilas, b'{"type": "FeatureCollection"}'),  # no features
    (india_post_offices, b"officename,latitude\n\xff\xfe,1\n"),  # mis-encoded
])
def test_a_damaged_table_is_a_clear_error_naming_its_file(tmp_path, monkeypatch, reader, content):
    from sitrep.errors import ResourceError
    from sitrep.geo import localities

    damaged = tmp_path / "table"
    damaged.write_bytes(content)
    monkeypatch.setattr(localities, "_package_file", lambda package, *parts: damaged)
    with pytest.raises(ResourceError, match="table is damaged") as caught:
        list(reader())
    assert caught.value.code == "E434"


def test_a_table_of_rows_without_points_or_names_gives_no_locality(tmp_path, monkeypatch):
    from sitrep.geo import localities

    table = tmp_path / "pincodes.csv"
    table.write_text("officename,area,state,district,latitude,longitude\n"
                     "Kazipet S.O,Kazipet,TELANGANA,Hanamkonda,,\n"           # no point
                     "Ward No-49 B.O,,TELANGANA,Hanamkonda,17.98,79.53\n"     # numbered, no name
                     "London GPO,London,X,Y,51.51,-0.09\n", encoding="utf-8")  # outside India
    monkeypatch.setattr(localities, "_package_file", lambda package, *parts: table)
    assert list(india_post_offices()) == []
