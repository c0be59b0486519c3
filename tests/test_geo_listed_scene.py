"""One event per place of a listed scene (sitrep/geo/locate.py ``split_listed``; merge_events
keeps the copies apart): end to end on sentences written for these tests, and merge_events on
events built by hand."""

from __future__ import annotations

import pytest

from sitrep.events.merge import merge_events
from sitrep.geo.locate import LISTED_SCENE
from sitrep.model import Event, Place, Span


def _typed(analyse, text):
    _, typed = analyse(text)
    return sorted(typed, key=lambda e: e.location.start if e.location else -1)


def test_an_arrest_in_four_listed_towns_is_four_arrests_each_at_its_town(analyse):
    typed = _typed(analyse, "Police arrested dozens of activists in Gorakhpur, Azamgarh, Ghazipur "
                            "and Kanpur on Monday.")
    assert [e.sub_event_type for e in typed] == ["Arrests"] * 4
    assert [e.location.text for e in typed] == ["Gorakhpur", "Azamgarh", "Ghazipur", "Kanpur"]
    assert len({(e.location.lat, e.location.lon) for e in typed}) == 4
    for event in typed:
        assert f"{LISTED_SCENE} 4 places listed as the scene: '{event.location.text}'" in \
            event.reasons
        assert event.location_source == "sentence" and event.location.geo_precision == 1
        assert event.evidence == typed[0].evidence and event.event_date == typed[0].event_date


def test_a_toll_told_for_the_whole_list_is_counted_once(analyse):
    typed = _typed(analyse, "Gunmen killed 12 people in Kano and Kaduna on Sunday.")
    assert [(e.location.text, e.fatalities) for e in typed] == [("Kano", 12), ("Kaduna", 0)]
    assert any(r.startswith("fatalities: the toll of 12 is told for the 2 places together")
               for r in typed[1].reasons)


@pytest.mark.parametrize("text, scene", [
    # a town and the province it lies in is one place told at two scales
    ("Police arrested two activists in Sukma, Chhattisgarh on Monday.", "Sukma"),
    # "or" leaves the scene open
    ("Police arrested dozens of activists in Gorakhpur or Azamgarh on Monday.", "Gorakhpur"),
    # the ends of a march are not a list of scenes
    ("Protesters marched from Lahore to Islamabad on Monday.", "Lahore"),
    # provinces tell a region, not places ACLED could code one event at each
    ("Gunmen attacked villages in Borno and Yobe states on Sunday.", None),
    # a list without a locative preposition before it is no scene
    ("Police arrested activists of Gorakhpur and Azamgarh on Monday in Kanpur.", "Kanpur"),
])
def test_what_is_not_a_listed_scene_stays_one_event(analyse, text, scene):
    typed = _typed(analyse, text)
    assert len(typed) == 1 and (scene is None or typed[0].location.text == scene)
    assert not any(r.startswith(LISTED_SCENE) for r in typed[0].reasons)


def test_a_list_told_as_uncertain_is_not_split(analyse):
    report, _ = analyse("Police may have arrested activists in Gorakhpur, Azamgarh and Kanpur.")
    arrests = [e for e in report.events if e.sub_event_type == "Arrests"]
    assert len(arrests) == 1 and arrests[0].modality != "asserted"


LUCKNOW = Place(0, 7, "Lucknow", name="Lucknow", geonameid=1, lat=26.85, lon=80.95,
                country="India", iso3="IND", admin1="Uttar Pradesh", geo_precision=1)
NEARBY = Place(9, 15, "Kakori", name="Kakori", geonameid=2, lat=26.87, lon=80.80,
               country="India", iso3="IND", admin1="Uttar Pradesh", geo_precision=1)


def _copy(place: Place, listed: bool) -> Event:
    reasons = (f"{LISTED_SCENE} 2 places listed as the scene: '{place.text}'",) if listed else (
        f"location: '{place.text}' in the event's sentence",)
    return Event("Protests", "Arrests", "ARREST", cameo_root="17", confidence=0.8,
                 evidence=(Span(0, 30, "x" * 30),), trigger=Span(3, 9, "x" * 6),
                 event_date="2020-05-01", time_precision=1, location=place,
                 location_source="sentence", reasons=reasons)


def test_merge_keeps_the_copies_of_a_listed_scene_apart_however_near():
    # 15 km apart in one province: two mentions of one clause would fold, the listed copies not
    assert len(merge_events([_copy(LUCKNOW, False), _copy(NEARBY, False)])) == 1
    kept = merge_events([_copy(NEARBY, True), _copy(LUCKNOW, True)])
    assert sorted(e.location.name for e in kept) == ["Kakori", "Lucknow"]
