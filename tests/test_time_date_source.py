"""Where an event's date came from (``Event.date_source``): set by date_events, carried by
merging, kept out of the contract, read from the date's text on records written without it."""

from __future__ import annotations

from sitrep.events.date_ranges import DATE_SOURCES, date_range, date_source, dates_compatible
from sitrep.events.merge import merge_events
from sitrep.model import Event, Span

from tests.test_time_clauses import dated, freed_hostages
from tests.test_time_events import date_events, event_at


def test_each_fallback_of_date_events_records_where_the_date_came_from():
    raw = ("Police station attacked\n"
           "Gunmen attacked a police station in Lahore on Sunday.\n\n"
           "The gunmen attacked the station again.\n\n"
           "The crowd threw petrol bombs at the police.")
    attack, retold, bombs = date_events(raw, [
        event_at(raw, "attacked", "Attack", nth=1), event_at(raw, "attacked", "Attack", nth=2),
        event_at(raw, "threw", "Violent demonstration")])
    assert (attack.event_date, attack.date_source) == ("2016-12-11", "words")
    # the retelling takes the words of another mention: a date of the report, not its own
    assert (retold.event_date, retold.date_text, retold.date_source) == \
        ("2016-12-11", "Sunday", "retold")
    # the body's mention of another kind: the day of the story the lead tells, a latest day
    assert (bombs.event_date, bombs.date_text, bombs.date_source) == ("2016-12-11", None, "story")
    (alone,) = date_events("The crowd threw petrol bombs at the police.",
                           [event_at("The crowd threw petrol bombs at the police.", "threw",
                                     "Violent demonstration")])
    assert (alone.event_date, alone.date_source) == ("2016-12-13", "publication")
    (undated,) = date_events("The crowd threw stones.", [
        event_at("The crowd threw stones.", "threw", "Violent demonstration")], published=None)
    assert undated.event_date is None and undated.date_source is None
    assert {event.date_source for event in (attack, retold, bombs, alone)} <= set(DATE_SOURCES)


def test_the_day_a_saying_was_told_is_recorded_as_told():
    raw, report = freed_hostages()
    (release,) = dated(report, event_at(raw, "freed", "Other"))
    assert (release.event_date, release.time_precision, release.date_source) == \
        ("2016-12-13", 2, "told")
    # a latest day: the week before it, not the week after
    start, end = date_range(release)
    assert (end - start).days == 31 and end.isoformat() == "2016-12-13"


def _mention(start: int, confidence: float, **fields) -> Event:
    return Event("Strategic developments", "Looting/property destruction", "SEIZE",
                 evidence=(Span(start, start + 5, "x" * 5),), confidence=confidence,
                 trigger=Span(start, start + 1, "x"), **fields)


def test_merging_carries_the_source_with_the_date_it_takes():
    fallback = _mention(0, 0.9, event_date="2016-12-13", time_precision=3,
                        date_source="publication")
    retold = _mention(20, 0.6, event_date="2016-12-12", time_precision=1, date_text="on Monday",
                      date_source="retold")
    for events in ([fallback, retold], [retold, fallback]):
        (merged,) = merge_events(events)
        assert (merged.event_date, merged.date_text, merged.date_source) == \
            ("2016-12-12", "on Monday", "retold")


def test_the_source_round_trips_stays_out_of_the_contract_and_is_read_on_older_records():
    event = _mention(0, 0.5, event_date="2016-12-11", time_precision=1, date_text="on Sunday",
                     date_source="retold")
    assert Event.from_dict(event.to_dict()) == event
    assert "date_source" not in event.to_contract()
    # records stored before the field: read from the date's text as they were written
    older = {key: value for key, value in event.to_dict().items() if key != "date_source"}
    assert date_source(Event.from_dict(older)) == "words"
    assert date_source(_mention(0, 0.5, event_date="2016-12-13", time_precision=3)) == \
        "publication"
    assert date_source(_mention(0, 0.5, event_date="2016-12-13", time_precision=2)) == "told"
    assert date_source(_mention(0, 0.5)) is None
    # the field decides over the text: a publication date is a latest day whatever the record
    # carries, so it fits a day of words in the month before it
    stamped = _mention(0, 0.5, event_date="2016-12-13", time_precision=3,
                       date_source="publication")
    day = _mention(9, 0.5, event_date="2016-11-20", time_precision=1, date_text="November 20")
    assert dates_compatible(stamped, day)
