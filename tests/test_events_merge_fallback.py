"""merge_events: the publication-date fallback is a window of days, any of which may be the one."""

from __future__ import annotations

from sitrep.events.merge import same_event
from sitrep.model import Event, Span


def _mention(start: int, **fields) -> Event:
    return Event("Battles", "Non-state actor overtakes territory", "ASSAULT", cameo_root="19",
                 evidence=(Span(start, start + 5, "x" * 5),), confidence=0.7,
                 trigger=Span(start, start + 1, "x"), **fields)


def test_a_weekend_reaching_into_the_fallback_window_may_be_the_same_happening():
    # seed: "seizure of the city over the weekend" (the week from Saturday 2016-12-10) and an
    # undated mention of the same seizure in a report published Tuesday 2016-12-13
    weekend = _mention(0, event_date="2016-12-10", time_precision=2, date_text="over the weekend")
    undated = _mention(40, event_date="2016-12-13", time_precision=3)
    assert same_event(weekend, undated) and same_event(undated, weekend)


def test_a_day_after_the_fallback_window_or_long_before_it_is_another_happening():
    undated = _mention(40, event_date="2016-12-13", time_precision=3)
    earlier = _mention(0, event_date="2016-10-01", time_precision=1, date_text="on 1 October")
    assert not same_event(undated, earlier) and not same_event(earlier, undated)
    # two dated mentions keep the strict rule: one's days must lie within the other's
    week = _mention(0, event_date="2016-12-10", time_precision=2, date_text="over the weekend")
    month = _mention(20, event_date="2016-11-01", time_precision=3, date_text="in November")
    assert not same_event(week, month)
