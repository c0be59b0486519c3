"""merge_events: a noun trigger told as given ("the arrest") and the happening it names."""

from __future__ import annotations

from sitrep.events.merge import merge_events
from sitrep.model import Event, Place, Span

BANDA = Place(0, 5, "Banda", name="Banda", lat=25.48, lon=80.33, country="India", iso3="IND",
              admin1="Uttar Pradesh", geo_precision=1)
ALIGARH = Place(0, 7, "Aligarh", name="Aligarh", lat=27.88, lon=78.08, country="India",
                iso3="IND", admin1="Uttar Pradesh", geo_precision=1)


def _told(text: str, trigger: str, offset: int, confidence: float = 0.6, **fields) -> Event:
    start = offset + text.index(trigger)
    return Event("Protests", "Protest with intervention", "PROTEST", cameo_root="14",
                 evidence=(Span(offset, offset + len(text), text),), confidence=confidence,
                 event_date="2020-12-08", time_precision=1, date_text="on Tuesday",
                 trigger=Span(start, start + len(trigger), trigger), **fields)


def test_a_given_word_in_the_clause_of_a_mention_of_its_kind_is_that_mention():
    # "the protesting farmers" read as given would name the Banda protest told before; its
    # clause tells the Aligarh one in its own words ("were arrested when they squatted")
    banda = _told("In Banda, some workers who tried to stage a protest were arrested on Tuesday.",
                  "protest", 0, location=BANDA, location_source="sentence")
    sentence = ("Party workers were arrested when they squatted at a crossing in Aligarh in "
                "solidarity with the protesting farmers.")
    arrested = _told(sentence, "arrested", 100, location=ALIGARH, location_source="sentence")
    protesting = _told(sentence, "protesting", 100, confidence=0.7, location=ALIGARH,
                       location_source="sentence")
    for events in ([banda, arrested, protesting], [protesting, arrested, banda]):
        first, second = merge_events(events)
        assert first.location == BANDA and len(first.evidence) == 1
        assert second.location == ALIGARH and second.evidence == arrested.evidence


def test_a_given_word_alone_in_its_clause_still_names_the_happening_told_before():
    banda = _told("In Banda, some workers who tried to stage a protest were arrested on Tuesday.",
                  "protest", 0, confidence=0.9, location=BANDA, location_source="sentence")
    reaction = _told("The party condemned the protest's handling in Aligarh.", "protest", 100,
                     location=ALIGARH, location_source="sentence")
    (merged,) = merge_events([banda, reaction])
    assert merged.location == BANDA and len(merged.evidence) == 2
