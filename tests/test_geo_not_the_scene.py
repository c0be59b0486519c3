"""Places that are not the scene as read: a place that closes an organisation's name ("the
Foreign Correspondents' Club of Thailand", "the Federation of General Workers Myanmar") names
the body, not where something happened: it is recognised and resolved as before (its country
is evidence of where the report is), marked, and an event is placed there only when the report
gives no other place. A district the gazetteer knows only in another province than the
report's other places ("Bijapur district" beside Chhattisgarh's Sukma) is the namesake town of
their province. Inputs are built by hand (a small gazetteer, candidates, sentences written for
these tests); the end-to-end cases run the built-in pipeline."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.recognize import Mention, find_mentions
from sitrep.geo.resolve import resolve_mentions
from sitrep.geo.stage import IN_ORGANISATION

from gazetteer_rows import write_gazetteer


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("bodies") / "gazetteer.sqlite"
    write_gazetteer(path, places=[
        (1, 1, "Thailand", 15.5, 101.0, "A", "PCLI", "TH", "00", None, 67_000_000, "test"),
        (2, 2, "Myanmar", 21.0, 96.0, "A", "PCLI", "MM", "00", None, 54_000_000, "test"),
        (3, 3, "Ladakh", 34.2, 77.6, "A", "ADM1", "IN", "52", None, 274_000, "test"),
        (4, 4, "Bangkok", 13.75, 100.5, "P", "PPLC", "TH", "40", None, 5_104_476, "test"),
    ], names=[
        ("thailand", 1, "official", "Thailand", 0, None),
        ("myanmar", 2, "official", "Myanmar", 0, None),
        ("ladakh", 3, "official", "Ladakh", 0, None),
        ("bangkok", 4, "official", "Bangkok", 0, None),
    ], countries=[
        ("TH", "THA", "Thailand", None), ("MM", "MMR", "Myanmar", None),
        ("IN", "IND", "India", None)])
    return Gazetteer(path)


def _bodies(gazetteer, text):
    return [(m.text, m.organisation) for m in find_mentions(text, gazetteer)]


@pytest.mark.parametrize("text, body", [
    ("The Foreign Correspondents' Club of Thailand said the reporter was held.",
     "Foreign Correspondents' Club of Thailand"),
    ("The Foreign Correspondents\u2019 Club of Thailand said the reporter was held.",
     "Foreign Correspondents\u2019 Club of Thailand"),
    ("A leader of the Federation of General Workers Myanmar (FGWM) was arrested.",
     "Federation of General Workers Myanmar"),
    ("The Confederation of Trade Unions Myanmar called a strike.",
     "Confederation of Trade Unions Myanmar"),
    ("Shares fell after the Bank of Thailand raised rates.", "Bank of Thailand"),
    ("A spokesman for the Government of Thailand denied it.", "Government of Thailand"),
    ("The Human Rights Commission of Thailand condemned the arrest.",
     "Human Rights Commission of Thailand"),
])
def test_a_place_closing_an_organisations_name_is_marked_with_the_name(gazetteer, text, body):
    """"of X" after a capitalised name that holds a body's noun (club, federation, union,
    commission, bank, government...), or X right after such a name: the place is still found,
    with the name it closes."""
    place = text[text.rindex(" ", 0, text.index(body) + len(body)) + 1:
                 text.index(body) + len(body)]
    assert _bodies(gazetteer, text) == [(place, body)]


@pytest.mark.parametrize("text", [
    "Thailand's Foreign Correspondents' Club said the reporter was held.",  # whose the body is
    "Police arrested the union leader in Thailand on Monday.",
    "The club moved to Thailand last year.",              # no capitalised name before
    "The union said Thailand had agreed.",                # a lower-case noun
    "Officials of the Union Territory of Ladakh met on Monday.",   # a territory, not a union
    "The Federation of Thailand Workers met.",            # the place does not close the name
    "Gunmen stormed the Government Technical College Bangkok on Monday.",   # a site, in Bangkok
    "Patients fled the Union Mission Hospital of Bangkok.",
    "Workers of the Federation marched.\nThailand was calm.",
])
def test_places_that_close_no_organisations_name_are_not_marked(gazetteer, text):
    assert all(body is None for _, body in _bodies(gazetteer, text))


def test_an_event_told_beside_a_body_named_after_a_country_is_placed_by_the_report(analyse):
    """The detention's own sentence names only the club: the town of the sentence before it is
    the place, not the country in the club's name (which used to win, at a country's
    precision)."""
    report, typed = analyse("Police arrested ten protesters in Bangkok on Monday. The Foreign "
                            "Correspondents' Club of Thailand said a Belgian reporter was "
                            "detained by immigration police on Thursday.")
    body = next(p for p in report.places if p.text == "Thailand")
    assert IN_ORGANISATION in body.reason
    detention = next(e for e in typed if e.sub_event_type == "Arrests")
    assert detention.location.name == "Bangkok"
    assert detention.location_source == "earlier sentence"


@pytest.mark.parametrize("text, country", [
    ("The Foreign Correspondents' Club of Thailand said a Belgian reporter was detained by "
     "immigration police on Thursday.", "Thailand"),
    ("A leader of the Federation of General Workers Myanmar was arrested on Tuesday while "
     "walking to the office.", "Myanmar"),
])
def test_a_body_named_after_a_country_still_gives_the_country_when_nothing_else_does(
        analyse, text, country):
    """With no other place in the report, the country of the body's name is the best there is:
    the event is placed there, at a region's precision at best, saying why (also when the
    body's words are an actor's)."""
    _, typed = analyse(text)
    arrest = next(e for e in typed if e.sub_event_type == "Arrests")
    assert arrest.location.country == country
    assert arrest.location.geo_precision == 3
    assert any("named only in an organisation's name" in reason for reason in arrest.reasons)


def test_a_body_named_after_a_country_gives_the_country_to_events_told_elsewhere(analyse):
    """When the report's only place is the country in a body's name, an event whose sentence
    names no place is still placed in that country, at a country's precision."""
    _, typed = analyse("The Human Rights Commission of Pakistan condemned the raids. Police "
                       "arrested three journalists on Monday.")
    arrest = next(e for e in typed if e.sub_event_type == "Arrests")
    assert arrest.location.country == "Pakistan"
    assert arrest.location.geo_precision == 3
    assert arrest.location_source == "report focus"


# -- "Bijapur district": a district the gazetteer knows only in another province ---------------

def _candidate(ident, name, fcode, admin1, population=0, cue=None, lat=0.0, lon=0.0,
               kind="official"):
    fclass = "A" if fcode.startswith(("PCL", "ADM")) else "P"
    return Candidate(ident, ident, name, lat, lon, fclass, fcode, "IN", admin1, None,
                     population, kind, False, cue, "test")


# the only division named Bijapur is Karnataka's (19); Chhattisgarh (37) has a town of the name
BIJAPUR_DISTRICT = _candidate(1, "Bijapur", "ADM2", "19", cue="admin", lat=16.76, lon=76.01)
BIJAPUR_TOWN = _candidate(2, "Bījāpur", "PPL", "37", 16_129, lat=18.79, lon=80.82)
VIJAYAPURA = _candidate(3, "Vijayapura", "PPL", "19", 327_427, lat=16.82, lon=75.72,
                        kind="alternate")
SUKMA = _candidate(4, "Sukma", "PPL", "37", 13_926, lat=18.33, lon=81.63)
KARNATAKA = _candidate(6, "Karnataka", "ADM1", "19", lat=14.5, lon=75.7)
NAGPUR = _candidate(7, "Nagpur", "PPL", "16", 2_228_018, lat=21.15, lon=79.1)
BIJAPUR = (BIJAPUR_DISTRICT, BIJAPUR_TOWN, VIJAYAPURA)


def _mention(text, name, *candidates, cue=None):
    start = text.index(name)
    return Mention(start, start + len(name), name, tuple(candidates), cue=cue)


def test_a_district_known_only_in_another_province_gives_way_to_the_town_of_the_reports():
    """"Bijapur district" beside places of Chhattisgarh is Chhattisgarh's Bijapur, which the
    gazetteer knows as a town only: the town stands in for the district, Karnataka's district
    is the runner-up, and the reason says why."""
    text = "Maoists killed two villagers in Bijapur district. The bodies were found near Sukma."
    resolutions = resolve_mentions([_mention(text, "Bijapur", *BIJAPUR, cue="admin"),
                                    _mention(text, "Sukma", SUKMA)], text)
    assert resolutions[0].candidate is BIJAPUR_TOWN
    assert resolutions[0].runner_up is BIJAPUR_DISTRICT
    assert "namesake town stands in for it" in resolutions[0].reason


@pytest.mark.parametrize("text, others", [
    # nothing else says where: the district the gazetteer knows
    ("Maoists killed two villagers in Bijapur district.", ()),
    # the report's places are in the district's own province
    ("Police arrested two men in Bijapur district of Karnataka.", (("Karnataka", KARNATAKA),)),
    # the report's places disagree (one in each of two other provinces): no call against the
    # gazetteer
    ("Maoists killed two villagers in Bijapur district. Police in Nagpur and Sukma were told.",
     (("Nagpur", NAGPUR), ("Sukma", SUKMA))),
])
def test_a_district_keeps_its_reading_unless_the_reports_places_agree_on_another_province(
        text, others):
    mentions = [_mention(text, "Bijapur", *BIJAPUR, cue="admin")] + [
        _mention(text, name, candidate) for name, candidate in others]
    assert resolve_mentions(mentions, text)[0].candidate is BIJAPUR_DISTRICT


def test_a_bare_name_is_not_read_through_a_district_noun():
    """Without its noun the name is read as usual (the towns, by population and context): the
    rule is about a division read through its noun only."""
    text = "Maoists killed two villagers in Bijapur. The bodies were found near Sukma."
    resolutions = resolve_mentions([_mention(text, "Bijapur", BIJAPUR_TOWN, VIJAYAPURA),
                                    _mention(text, "Sukma", SUKMA)], text)
    assert "namesake town" not in resolutions[0].reason


def test_the_district_of_the_reports_province_is_placed_end_to_end(analyse):
    """Through the built-in pipeline and gazetteer: the killing is placed at Chhattisgarh's
    Bijapur (a district's precision), not at Karnataka's district 500 km away."""
    _, typed = analyse("Maoists killed two villagers in Bijapur district on Monday. Police in "
                       "Raipur said the bodies were found near Sukma.")
    attack = typed[0]
    assert attack.location.text == "Bijapur"
    assert attack.location.admin1 == "Chhattisgarh"
    assert attack.location.geo_precision == 2
