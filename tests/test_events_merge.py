"""merge_events: which mentions are one happening, and what the merged event keeps."""

from __future__ import annotations

from sitrep.events.merge import merge_events, same_event
from sitrep.model import Event, Span


def _mention(start: int, confidence: float = 0.7, **fields) -> Event:
    return Event("Strategic developments", "Looting/property destruction", "SEIZE",
                 cameo_root="17", evidence=(Span(start, start + 5, "x" * 5),),
                 confidence=confidence, trigger=Span(start, start + 1, "x"), **fields)


def test_own_time_words_beat_the_publication_date_fallback():
    # the more confident mention has only the fallback (publication date, precision 3, no words)
    fallback = _mention(0, 0.9, event_date="2016-12-13", time_precision=3)
    dated = _mention(20, 0.6, event_date="2016-12-12", time_precision=1, date_text="on Monday")
    for events in ([fallback, dated], [dated, fallback]):
        (merged,) = merge_events(events)
        assert (merged.event_date, merged.time_precision, merged.date_text) == (
            "2016-12-12", 1, "on Monday")


def test_coarser_date_never_overwrites_a_finer_one():
    day = _mention(0, 0.9, event_date="2016-12-12", time_precision=1, date_text="on Monday")
    week = _mention(20, 0.6, event_date="2016-12-12", time_precision=2, date_text="last week")
    (merged,) = merge_events([week, day])
    assert (merged.event_date, merged.time_precision, merged.date_text) == (
        "2016-12-12", 1, "on Monday")


def test_a_day_inside_a_week_across_a_month_boundary_is_compatible():
    week = _mention(0, event_date="2016-11-28", time_precision=2, date_text="last week")
    day = _mention(20, event_date="2016-12-01", time_precision=1, date_text="on Thursday")
    assert same_event(week, day) and same_event(day, week)
    (merged,) = merge_events([week, day])
    assert merged.date_text == "on Thursday"


def test_a_day_outside_the_week_or_month_is_not_compatible():
    week = _mention(0, event_date="2016-11-28", time_precision=2, date_text="last week")
    later = _mention(20, event_date="2016-12-05", time_precision=1, date_text="on Monday")
    assert not same_event(week, later)
    month = _mention(0, event_date="2016-11-01", time_precision=3, date_text="in November")
    assert same_event(month, _mention(20, event_date="2016-11-30", time_precision=1,
                                      date_text="on Wednesday"))
    assert not same_event(month, later)
    assert not same_event(_mention(0, event_date="2016-12-01", time_precision=1, date_text="a"),
                          _mention(9, event_date="2016-12-02", time_precision=1, date_text="b"))


def test_publication_fallback_covers_the_days_before_publication():
    fallback = _mention(0, event_date="2016-12-02", time_precision=3)
    assert same_event(fallback, _mention(20, event_date="2016-11-28", time_precision=1,
                                         date_text="on Monday"))
