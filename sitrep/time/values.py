"""TIMEX3 values: building them from calendar arithmetic, and reading them back as date ranges.

A TIMEX3 ``value`` names a calendar unit at some granularity: ``2016-12-12`` a day,
``2016-W49`` an ISO week, ``2016-W49-WE`` its weekend, ``2016-12`` a month, ``2016-Q4`` a quarter,
``2016-H2`` a half, ``2016-WI`` a season, ``2016`` a year, ``201`` a decade; ``...TMO`` a part
of day and ``...T14:30`` a clock time. :func:`first_day` reads any of them back as the first day of
the range it names, with ACLED's time precision for an event dated by it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Years sitrep will do calendar arithmetic on; outside them values are written but never turned
# into ``date`` objects (datetime.date stops at 9999, and news about year 12 is not about events).
MIN_YEAR, MAX_YEAR = 1000, 2999


def day_value(day: date) -> str:
    return day.isoformat()


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekend_value(day: date) -> str:
    """The weekend of ``day``'s ISO week (Saturday and Sunday belong to the week they end)."""
    return week_value(day) + "-WE"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the last day of the month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} out of range")
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The ``weekday`` (ISO, Monday = 1) nearest ``anchor`` in ``direction``.

    ``past`` is the latest such day on or before the anchor, ``future`` the first on or after it;
    ``strict_past``/``strict_future`` exclude the anchor itself ("last Friday", "next Friday").
    """
    delta = weekday - anchor.isoweekday()
    if direction == "past":
        return anchor + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "strict_past":
        return anchor + timedelta(days=delta if delta < 0 else delta - 7)
    if direction == "strict_future":
        return anchor + timedelta(days=delta if delta > 0 else delta + 7)
    return anchor + timedelta(days=delta if delta >= 0 else delta + 7)


def weekend_near(anchor: date, direction: str) -> date:
    """The Saturday of the weekend meant by "the weekend" said on ``anchor``.

    On a Saturday or Sunday it is the current weekend; otherwise the one before (past) or after
    (future) the anchor.
    """
    if anchor.isoweekday() >= 6:
        return anchor - timedelta(days=anchor.isoweekday() - 6)
    if direction.endswith("future"):
        return weekday_near(anchor, 6, "future")
    return weekday_near(anchor, 6, "past")


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` of a month (Thanksgiving: the fourth Thursday of November)."""
    first = date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + timedelta(days=offset + 7 * (nth - 1))


_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def first_day(value: str | None) -> tuple[date, int] | None:
    """The first day of the range a TIMEX3 date value names, and ACLED's precision for it.

    Days (and times within a day) are precision 1; weeks and weekends 2; months 3. Coarser
    values (seasons, quarters, years) and underspecified ones (``XXXX-...``, ``PAST_REF``) return
    None: an ACLED coder would not date an event to the first of a year.
    """
    if not value or not value[:4].isdigit():
        return None
    year = int(value[:4])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    match = _DAY.fullmatch(value)
    if match:
        month, day = int(match.group(2)), int(match.group(3))
        return (date(year, month, day), 1) if valid_day(year, month, day) else None
    match = _WEEK.fullmatch(value)
    if match:
        week = int(match.group(2))
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return (monday + timedelta(days=5) if match.group(3) else monday), 2
    match = _MONTH.fullmatch(value)
    if match and 1 <= int(match.group(2)) <= 12:
        return date(year, int(match.group(2)), 1), 3
    return None
