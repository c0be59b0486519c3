"""The event's place is the scene, not a place merely named beside it (sitrep/geo/locate.py,
recognize.py, words.py), end to end on sentences written for these tests."""

from __future__ import annotations

import pytest


def _place(analyse, text):
    report, typed = analyse(text)
    assert typed, report.events
    return typed[0].location.name if typed[0].location else None, report


@pytest.mark.parametrize("text, scene", [
    # where a vehicle was going is not where it was attacked
    ("Assailants set fire to a Sylhet-bound bus in Chhatak on Monday.", "Chhātak"),
    # a division or district that opens the sentence frames it; the clause names the town
    ("In Rajshahi, unidentified gunmen shot dead a trader in Natore on Sunday.", "Natore"),
    # "X's Y district": Y is the place, X whose it is (not a person "X Y")
    ("Gunmen shot dead two policemen in Balochistan's Mastung district on Sunday.", "Mastung"),
])
def test_the_scene_wins_over_places_named_beside_it(analyse, text, scene):
    name, report = _place(analyse, text)
    assert name == scene, [(p.text, p.name, p.reason) for p in report.places]


def test_sadar_is_the_seat_sub_district_not_a_town(analyse):
    _, report = _place(analyse, "Ten people were injured in a clash at a village in Sadar "
                                 "upazila of Narail district on Monday.")
    assert "Sadar" not in {place.text for place in report.places}


def test_hong_kong_is_coded_in_china_as_acled_does(analyse):
    """ACLED codes events in Hong Kong and Macau in China, with the territory as admin1."""
    report, typed = analyse("Police arrested two pro-democracy activists in Mong Kok, Hong Kong, "
                            "on Monday.")
    location = typed[0].location
    assert (location.country, location.iso3, location.admin1) == ("China", "CHN", "Hong Kong")
    territory = [place for place in report.places if place.text == "Hong Kong"]
    assert territory and territory[0].country == "China"
