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


def test_a_region_of_several_countries_is_wider_than_a_country(analyse):
    """"the Sahel" names no country: an event told with it and with a country is in the country."""
    report, typed = analyse("Jihadists from the Sahel abducted three aid workers in Niger on "
                            "Tuesday.")
    assert typed[0].location.name == "Niger", [(p.text, p.feature_code) for p in report.places]


def test_a_region_of_several_countries_is_the_scene_only_as_a_last_resort(analyse):
    report, typed = analyse("Gunmen kidnapped two nurses in Kano on Friday. The kidnapping is the "
                            "latest of many across West Africa.")
    assert {event.location.name for event in typed} == {"Kano"}, \
        [(p.text, p.feature_code) for p in report.places]
    report, typed = analyse("Gunmen kidnapped two nurses somewhere in West Africa on Friday.")
    assert typed[0].location.name == "West Africa" and typed[0].location.geo_precision == 3


def test_a_town_the_gazetteer_lacks_is_placed_in_the_division_the_text_names(analyse):
    """"at Oban village in Cross River State": the text says where Oban lies, and no Oban of
    the gazetteer lies there (the Scottish one does not): the event is in the state."""
    report, typed = analyse("Gunmen abducted four Chinese nationals at Oban village in Cross "
                            "River State on Wednesday.")
    location = typed[0].location
    assert (location.name, location.country) == ("Cross River", "Nigeria"), \
        [(p.text, p.name, p.country, p.reason) for p in report.places]
    oban = [place for place in report.places if place.text == "Oban"]
    assert oban and oban[0].lat is None and "inside Cross River" in oban[0].reason


def test_a_division_known_only_by_code_names_no_place_without_its_cue(analyse):
    """Divisions named only in GeoNames' tables ("Asan", a village of Guam) are places only
    beside a word that says so; a spokesman's given name stays a name."""
    report, typed = analyse("Police spokesman Asan Kasingye said officers arrested two "
                            "journalists in Kampala on Monday.")
    assert "Asan" not in {place.text for place in report.places}
    assert typed[0].location.name == "Kampala"


def test_where_the_people_acting_come_from_is_not_the_scene(analyse):
    """"wanted by the police from Quetta" says which police, not where the arrest was made: the
    mention takes the scene told before (sitrep/geo/locate.py, _where_actors_come_from)."""
    report, typed = analyse("Police arrested a journalist in Peshawar on Monday. He was wanted by "
                            "the police from Quetta, so we arrested him, an officer said.")
    assert {event.location.name for event in typed} == {"Peshawar"}, \
        [(event.location.name, event.location_source) for event in typed]


def test_where_people_were_taken_from_is_the_scene(analyse):
    """After the act's word, "from" tells where the victims were taken: that is the scene."""
    _, typed = analyse("Bandits abducted 20 students from Kankara on Friday.")
    assert typed[0].location.name == "Kankara"


def test_where_someone_came_from_is_not_the_scene(analyse):
    """"a man who told him he came from Moscow" says where the attacker is from, wherever it
    stands in the sentence: the mention is the attack told before, in Uppsala."""
    report, typed = analyse("A blogger was attacked with a hammer at his home in Uppsala on "
                            "Sunday. He was attacked by a man who told him he came from Moscow, "
                            "police said.")
    assert [event.location.name for event in typed] == ["Uppsala"], \
        [(event.location.name, event.location_source) for event in typed]
