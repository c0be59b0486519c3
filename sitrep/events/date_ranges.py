"""The days an event's date may stand for, as merging reads them (``merge_events`` within a
report, ``sitrep/merge`` across reports): a day, the week from it, its month or year, or for a
date with no words of the event's own (a fallback) the month up to it.

Where a date came from is ``Event.date_source`` (set by ``date_events``, kept by merging and in
the store): one of :data:`DATE_SOURCES`. A record written before the field existed has None;
:func:`date_source` reads it from the date's text as those records were written (a fallback
carried none)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Event

__all__ = ["DATE_SOURCES", "FALLBACK_SOURCES", "by_fallback", "date_fineness", "date_range",
           "date_source", "dates_compatible"]

# Where an event's date came from:
# "words"        the mention's own time words (its sentence, its paragraph, its headline's lead)
# "retold"       the time words of another mention of the report it retells (the same person's
#                act, the same story): words of the report, not of this mention
# "told"         the day its sentence says it was told on ("police said on Saturday"): by then
# "story"        the day of the story the report's lead paragraph names: by then
# "publication"  the publication date: by then
DATE_SOURCES = ("words", "retold", "told", "story", "publication")
# the sources that say "some day up to this one", not a day of the event's own
FALLBACK_SOURCES = frozenset({"told", "story", "publication"})


def date_source(event: Event) -> str | None:
    """Where the event's date came from (:data:`DATE_SOURCES`), None when it has no date. A
    record without the field (stored before it existed, or made by hand) is read as such
    records were written: a date with words is the mention's own, one without them the day it
    was told (precision 2) or the publication date."""
    if event.date_source is not None:
        return event.date_source
    if event.event_date is None:
        return None
    if event.date_text is not None:
        return "words"
    return "told" if event.time_precision == 2 else "publication"


def by_fallback(event: Event) -> bool:
    """Whether the event's date is a latest day (told, story, publication), not a day of words."""
    return date_source(event) in FALLBACK_SOURCES


# A date told only to the year ("in 2012", "early 2019", "last year"): no month, no day.
_YEAR_ONLY = re.compile(r"(?:(?:in|during|early|late|mid|earlier|later)[\s-]+)*"
                        r"(?:(?:19|20)\d\d|(?:last|this|that|the previous|the same) year)",
                        re.IGNORECASE)


def date_range(event: Event) -> tuple[date, date] | None:
    """The days an event's date may stand for: ACLED precision 1 one day, 2 the week starting at
    ``event_date``, 3 its month (a coarse date is stored as the first day of its range), or for
    a date with no words of the event's own (precision 2 or 3) the month up to the day it
    carries."""
    try:
        start = date.fromisoformat(event.event_date[:10])
    except (TypeError, ValueError):
        return None
    precision = event.time_precision or 1
    if precision == 1:
        return start, start
    if by_fallback(event):
        # the publication-date fallback (precision 3) and the day a sentence says the event was
        # told on ("police said on Saturday", precision 2; time/date_events.py): "some day up
        # to that day", not the week after it ("was arrested in Greece, police said on
        # Saturday" is the arrest "on Thursday" of the next paragraph)
        return start - timedelta(days=31), start
    if precision == 2:
        return start, start + timedelta(days=6)
    if start.month == 1 and start.day == 1 and event.date_text and \
            _YEAR_ONLY.fullmatch(event.date_text.strip()):
        # ACLED has no precision coarser than a month: "in 2012" is stored as precision 3 on
        # its first day, but stands for the whole year, not for January
        return start, start.replace(month=12, day=31)
    first = start.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def dates_compatible(a: Event, b: Event) -> bool:
    """Two dates agree when one's days lie within the other's ("on Monday" within "last week")."""
    if not a.event_date or not b.event_date or a.event_date == b.event_date:
        return True
    range_a, range_b = date_range(a), date_range(b)
    if range_a is None or range_b is None:
        return False
    if by_fallback(a) or by_fallback(b):
        # the publication-date fallback says "some day up to publication", not which: any
        # dated mention whose days reach into that window may be the same happening
        return range_a[0] <= range_b[1] and range_b[0] <= range_a[1]
    return (range_a[0] <= range_b[0] and range_b[1] <= range_a[1]
            or range_b[0] <= range_a[0] and range_a[1] <= range_b[1])


def date_fineness(event: Event) -> tuple[int, int]:
    """How finely an event's date is told, finest first: its ACLED precision, then the days its
    range spans ("in October 2018" is finer than "in 2018", both precision 3)."""
    days = date_range(event)
    return event.time_precision or 3, (days[1] - days[0]).days if days else 366
