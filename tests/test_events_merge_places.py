"""merge_events: which place a merged event keeps."""

from __future__ import annotations

from sitrep.events.merge import merge_events
from sitrep.model import Event, Place, Span

WUHAN = Place(0, 5, "Wuhan", name="Wuhan", lat=30.58, lon=114.27, country="China", iso3="CHN",
              admin1="Hubei", geo_precision=1)
CHINA = Place(0, 5, "China", name="China", country="China", iso3="CHN", geo_precision=3)
HUBEI = Place(0, 5, "Hubei", name="Hubei", country="China", iso3="CHN", admin1="Hubei",
              geo_precision=3)
GUANGDONG = Place(0, 9, "Guangdong", name="Guangdong", country="China", iso3="CHN",
                  admin1="Guangdong", geo_precision=3)


def _arrest(start: int, confidence: float, place: Place, source: str) -> Event:
    return Event("Protests", "Arrests", "ARREST", cameo_root="17", confidence=confidence,
                 evidence=(Span(start, start + 5, "x" * 5),), trigger=Span(start, start + 1, "x"),
                 event_date="2020-05-01", time_precision=3, date_text="in May",
                 location=place, location_source=source)


def test_a_sentence_naming_only_the_country_or_region_keeps_the_finer_place_inside_it():
    # "she had been detained" (Wuhan, from an earlier sentence) and "three journalists, all
    # detained in China": the country says nothing against Wuhan, and is coarser
    for region in (CHINA, HUBEI):
        town = _arrest(0, 0.9, WUHAN, "earlier sentence")
        country = _arrest(40, 0.6, region, "sentence")
        for events in ([town, country], [country, town]):
            (merged,) = merge_events(events)
            assert merged.location == WUHAN


def test_a_sentence_place_still_beats_a_fallback_it_does_not_contain():
    # a town the report's focus gave, and the mention's own sentence naming a finer place, or
    # a region the fallback does not lie in: the sentence's place is the event's
    hubei_fallback = _arrest(0, 0.9, HUBEI, "report focus")
    (merged,) = merge_events([hubei_fallback, _arrest(40, 0.6, WUHAN, "sentence")])
    assert merged.location == WUHAN
    (merged,) = merge_events([_arrest(0, 0.9, WUHAN, "report focus"),
                              _arrest(40, 0.6, GUANGDONG, "sentence")])
    assert merged.location == GUANGDONG
