"""Division nouns ("Kech district", "Punjab province") and the places the areas they name hold:
a name before a division noun is a place, its country is known even when the gazetteer lacks the
division, and the scene is the town an area owns rather than the area."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from sitrep.geo.build import create_empty
from sitrep.geo.dump import import_dump
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.locate import LocateEvents
from sitrep.geo.stage import Geocode
from sitrep.model import Report
from test_geo import _candidate, _event_at, _line, _mention, places_of


DIVISION_DUMP = [
    _line(9999101, "Kutkai", [], 23.45, 97.93, "P", "PPL", "MM", "17", 25000),
    _line(9999102, "Malakanagiri", ["Malkangiri"], 18.35, 81.89, "P", "PPL", "IN", "21", 31000),
    _line(9999103, "Gopalganj", [], 23.01, 89.83, "P", "PPL", "BD", "81", 51000),
    _line(9999104, "Gopalganj", [], 26.47, 84.44, "P", "PPL", "IN", "34", 67000),
    _line(9999105, "Safi", [], 32.30, -9.24, "P", "PPL", "MA", "10", 300000),
    _line(9999106, "Dinajpur", [], 25.63, 88.64, "P", "PPL", "BD", "85", 186000),
    _line(9999107, "West Bengal", [], 23.0, 88.0, "A", "ADM1", "IN", "28", 91000000),
    _line(9999108, "Odisha", [], 20.5, 84.4, "A", "ADM1", "IN", "21", 41000000),
    _line(9999109, "Prayagraj", ["Allahabad"], 25.44, 81.85, "P", "PPL", "IN", "36", 1073438),
    _line(9999110, "Kalyani", ["Gayeshpur"], 22.98, 88.43, "P", "PPL", "IN", "28", 100000),
]


@pytest.fixture(scope="module")
def division_gazetteer_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("divisions")
    dump = folder / "divisions.txt"
    dump.write_text("\n".join(DIVISION_DUMP) + "\n", encoding="utf-8")
    path = folder / "gazetteer.sqlite"
    create_empty(path)
    import_dump(dump, path, countries={"MM", "IN", "BD", "MA"})
    return path


@pytest.fixture(scope="module")
def division_gazetteer(division_gazetteer_path):
    return Gazetteer(division_gazetteer_path)


def _mentioned(gazetteer, text):
    from sitrep.geo.recognize import find_mentions
    return {m.text: {c.country for c in m.candidates} for m in find_mentions(text, gazetteer)}


def test_a_name_before_a_division_noun_is_a_place_not_a_person(division_gazetteer):
    """"Kutkai Township", "Gopalganj Sadar upazila": a capitalised word after a name reads as
    a surname ("David Cameron") unless it is the division the name heads, or a word saying
    which part of it ("Sadar", "East"); another word before the noun makes a longer name."""
    assert "Kutkai" in _mentioned(division_gazetteer,
                                  "Rebels clashed with troops in Shan State's Kutkai Township.")
    assert "Kutkai" in _mentioned(division_gazetteer, "Troops burned houses in Kutkai East "
                                                      "township.")
    assert "Kutkai" not in _mentioned(division_gazetteer, "Police detained Kutkai Naing, a "
                                                          "farmer, on Monday.")
    assert "Kutkai" not in _mentioned(division_gazetteer, "Fighting broke out in Kutkai Hpa "
                                                          "village.")


def test_an_alternate_name_before_a_division_noun_is_a_place(division_gazetteer):
    """A name known only as an alternate spelling needs a locative before it, or the division
    noun after it ("in Odisha's Malkangiri district")."""
    assert "Malkangiri" in _mentioned(division_gazetteer,
                                      "Maoists were killed in Odisha's Malkangiri district.")
    assert "Malkangiri" not in _mentioned(division_gazetteer,
                                          "Odisha's Malkangiri said nothing on Monday.")


def test_a_national_division_noun_keeps_the_places_of_its_countries(division_gazetteer):
    """An upazila is in Bangladesh, a tehsil in Pakistan or India: "Gopalganj Sadar upazila"
    is not India's Gopalganj, and "Safi tehsil" is no place the gazetteer knows (not Morocco's
    Safi); a district is anywhere."""
    assert _mentioned(division_gazetteer, "A man was hacked to death in Gopalganj Sadar "
                                          "upazila.")["Gopalganj"] == {"BD"}
    assert _mentioned(division_gazetteer, "A bomb went off in Alinagar, Safi tehsil, on "
                                          "Monday.") == {}
    assert _mentioned(division_gazetteer, "A clash in Gopalganj district left one dead.")[
        "Gopalganj"] == {"BD", "IN"}


def test_one_anchor_of_another_country_flags_a_town_known_abroad_only_by_an_alternate():
    """"Biratnagar of Morang district": GeoNames calls an Australian suburb Morang too; a
    reading known only by such an alternate name is doubted on one anchor of another country,
    as a village is; an official name of that size keeps its reading."""
    from sitrep.geo.resolve import resolve_mentions

    text = "Protesters marched in Biratnagar of Morang district."
    biratnagar = _mention(text, "Biratnagar",
                          _candidate(30, "Biratnagar", "NP", 240_000, lat=26.5, lon=87.3))
    suburb = replace(_candidate(31, "South Morang", "AU", 25_000, lat=-37.6, lon=145.1),
                     kind="alternate")
    resolutions = resolve_mentions([biratnagar, _mention(text, "Morang", suburb)], text)
    assert resolutions[1].candidate is None and resolutions[1].needs_review
    official = replace(suburb, kind="official")
    resolutions = resolve_mentions([biratnagar, _mention(text, "Morang", official)], text)
    assert resolutions[1].candidate is official


def _placed(raw: str, name: str, code: str, admin1: str | None, lat: float, lon: float,
            occurrence: int = 0):
    from sitrep.model import Place
    start = -1
    for _ in range(occurrence + 1):
        start = raw.index(name, start + 1)
    return Place(start, start + len(name), name, name=name, lat=lat, lon=lon, country="Pakistan",
                 admin1=admin1, feature_code=code, geo_precision=3 if code != "PPL" else 1,
                 reason="test")


def test_locate_prefers_the_place_a_preposition_introduces():
    """"Former Quetta PPP leader ... was attacked by gunmen in Turbat": the bare name before the
    party says whose branch the victim led; "in Turbat" says where the attack was, even though
    the bare name stands nearer the trigger."""
    raw = "A former Quetta PPP leader was attacked by gunmen in Turbat on Monday."
    report = Report(id="t", raw=raw)
    report.places = [_placed(raw, "Quetta", "PPL", "Balochistan", 30.2, 67.0),
                     _placed(raw, "Turbat", "PPL", "Balochistan", 26.0, 63.0)]
    report.events = [_event_at(raw, "attacked")]
    assert LocateEvents()(report).events[0].location.name == "Turbat"


def test_locate_looks_back_to_the_town_before_the_province_it_lies_in():
    """A sentence with no place of its own borrows the one before's: the town before the
    province it lies in ("in Kalat, Balochistan"), not the province named last; a province
    holding no such town is still taken."""
    raw = "Troops raided a hideout in Kalat, Balochistan. They seized rifles from the hideout."
    report = Report(id="t", raw=raw)
    report.places = [_placed(raw, "Kalat", "PPL", "Balochistan", 29.0, 66.6),
                     _placed(raw, "Balochistan", "ADM1", "Balochistan", 28.5, 65.5)]
    report.events = [_event_at(raw, "seized")]
    assert LocateEvents()(report).events[0].location.name == "Kalat"
    report.places = [_placed(raw, "Kalat", "PPL", "Sindh", 29.0, 66.6),
                     _placed(raw, "Balochistan", "ADM1", "Balochistan", 28.5, 65.5)]
    report.events = [_event_at(raw, "seized")]
    assert LocateEvents()(report).events[0].location.name == "Balochistan"


def test_a_scene_is_introduced_by_a_preposition_an_area_of_or_a_list():
    """"in Pulwama and Shopian": the second of a list after a preposition is introduced too;
    "of Poonch district" introduces an area, "off the coast of Gabon" a scene; "members of the
    Quetta Press Club" and a bare "Kulgam trader" do not."""
    from sitrep.geo.locate import _introduced

    raw = ("A Kulgam trader said troops raided homes in Pulwama and Shopian, in Mandi sector of "
           "Poonch district and off the coast of Gabon, said members of the Quetta Press Club.")
    places = [_placed(raw, name, "PPL", None, 0.0, 0.0)
              for name in ("Kulgam", "Pulwama", "Shopian", "Mandi", "Poonch", "Gabon", "Quetta")]
    assert [_introduced(raw, place, places) for place in places] == [
        False, True, True, True, True, True, False]


def test_place_tokens_split_possessives_hyphens_and_mark_sentence_starts():
    """The name alone of a possessive and of a name before a lower-case hyphened word; parts
    of capitalised hyphened names with their hyphens; a sentence starts at the text's start,
    after an end mark or a line break, or where the segmenter says."""
    from sitrep.geo.recognize import tokenize

    text = ("Assam's chief met Russian-backed Syrian-Turkish envoys; it's over.\n"
            "Winston-Salem's pro-government mayor met al-Bab's Sheikh Ali' again")
    tokens = tokenize(text, sentence_starts={text.index("Sheikh")})
    rows = [(t.text, t.lower, t.sentence_start, t.possessive) for t in tokens]
    assert rows[:2] == [("Assam", "assam", True, True), ("chief", "chief", False, False)]
    assert [t.text for t in tokens][3:8] == ["Russian", "Syrian", "-", "Turkish", "envoys"]
    russian = tokens[3]
    assert text[russian.start:russian.end] == "Russian"
    assert rows[8] == (";", ";", False, False) and rows[9] == ("it", "it", True, True)
    winston = [row[0] for row in rows].index("Winston")
    assert rows[winston:winston + 3] == [("Winston", "winston", True, False),  # a line break
                                         ("-", "-", False, False), ("Salem", "salem", False, False)]
    assert ("pro-government", "pro-government", False, False) in rows
    assert ("al-Bab", "al-bab", False, True) in rows
    assert ("Sheikh", "sheikh", True, False) in rows              # said by the segmenter
    assert rows[-2:] == [("'", "'", False, False), ("again", "again", False, False)]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_a_place_its_area_owns_is_read_inside_it(division_gazetteer_path):
    """"West Bengal's North Dinajpur district": the only Dinajpur the gazetteer knows, a town of
    186,000 in Bangladesh, is not in West Bengal: the name is left unresolved (the event takes
    West Bengal), however big the town abroad; "Odisha's Malkangiri district" lies in Odisha."""
    geocode = Geocode(gazetteer=str(division_gazetteer_path))
    places = {p.text: p for p in places_of(geocode, "A strike shut shops in West Bengal's "
                                                    "North Dinajpur district on Monday.")}
    assert places["West Bengal"].geonameid == 9999107
    assert places["Dinajpur"].lat is None and "inside West Bengal" in places["Dinajpur"].reason
    places = {p.text: p for p in places_of(geocode, "Maoists were killed in Odisha's "
                                                    "Malkangiri district.")}
    assert places["Malkangiri"].name == "Malakanagiri"
    places = {p.text: p for p in places_of(geocode, "A strike shut shops in Dinajpur on "
                                                    "Monday.")}
    assert places["Dinajpur"].geonameid == 9999106


def test_a_big_citys_other_name_in_an_institutions_name_is_the_city(division_gazetteer):
    """"Allahabad Degree College", "University of Allahabad": a big city's former name (GeoNames
    now calls it Prayagraj) naming an institution is the city; alone, with no locative before
    it, it is not, nor is a small town's other name in an institution's."""
    assert "Allahabad" in _mentioned(division_gazetteer, "Allahabad Degree College students "
                                                         "blocked a road.")
    assert "Allahabad" in _mentioned(division_gazetteer, "Students protested against the "
                                                         "University of Allahabad.")
    assert "Allahabad" not in _mentioned(division_gazetteer, "Allahabad said the students "
                                                             "blocked a road.")
    assert "Gayeshpur" not in _mentioned(division_gazetteer, "Gayeshpur Degree College "
                                                             "students blocked a road.")


def test_a_division_noun_of_one_country_says_where_the_name_is():
    """"Bagatipara upazila", "Gopalganj Sadar upazila", "Govindraopet mandal": a name heading a
    division noun only one country uses; a noun of two countries (tehsil), one with no name
    before it, or "Mandal" as a surname says nothing."""
    from sitrep.geo.recognize import national_divisions

    def named(text):
        return [(text[start:end], code) for start, end, code in national_divisions(text)]

    assert named("Assailants hurled bombs at a bus in Bagatipara upazila on Monday.") == [
        ("Bagatipara upazila", "BD")]
    assert named("A man was hacked to death in Gopalganj Sadar Upazila.") == [
        ("Gopalganj Sadar Upazila", "BD")]
    assert named("Maoists torched a lorry near Ramapur village of Govindraopet mandal.") == [
        ("Govindraopet mandal", "IN")]
    assert named("The upazila chairman and Ram Mandal spoke in Safi tehsil.") == []


@pytest.fixture(scope="module")
def division_countries_path(division_gazetteer_path, tmp_path_factory):
    import shutil
    path = tmp_path_factory.mktemp("division-countries") / "gazetteer.sqlite"
    shutil.copy(division_gazetteer_path, path)
    with sqlite3.connect(path) as connection:
        connection.executemany("INSERT INTO countries VALUES (?, ?, ?, ?)",
                               [("BD", "BGD", "Bangladesh", 9999201),
                                ("IN", "IND", "India", 9999202)])
    return path


def test_a_sub_district_the_gazetteer_lacks_still_gives_its_country(division_countries_path):
    """"Bagatipara upazila" is no place the gazetteer knows, but an upazila lies in Bangladesh:
    a place of Bangladesh without a point (code_event_actors names the generic actors after
    it), and evidence that an ambiguous name of the report ("Gopalganj", a town in India and
    a smaller one in Bangladesh) is the Bangladeshi one."""
    geocode = Geocode(gazetteer=str(division_countries_path))
    places = {p.text: p for p in places_of(geocode, "Assailants hurled bombs at a bus in "
                                                    "Bagatipara upazila on Monday.")}
    assert places["Bagatipara upazila"].iso3 == "BGD"
    assert places["Bagatipara upazila"].lat is None
    assert "Bangladesh only" in places["Bagatipara upazila"].reason
    places = {p.text: p for p in places_of(geocode, "A clash broke out in Gopalganj district "
                                                    "on Monday.")}
    assert places["Gopalganj"].iso3 == "IND"        # the larger town, without other evidence
    places = {p.text: p for p in places_of(geocode, "A clash broke out in Gopalganj district "
                                                    "and in Kashiani upazila on Monday.")}
    assert places["Gopalganj"].iso3 == "BGD" and places["Kashiani upazila"].iso3 == "BGD"
