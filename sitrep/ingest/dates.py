"""Publication dates read from inputs: metadata values (record fields, feed items, HTML meta)
and URLs (``/2016/12/13/``, ``/2016-12-13-``, ``/20161213/``).

A metadata value is taken only when it parses unambiguously to a plausible day; otherwise
:func:`read_date` says why it was not used ("04/03/2024": 4 March or 3 April), so that a reader
records the reason on the report instead of dropping the date in silence. A date in a URL path is
what the publisher's CMS wrote when the story went up; it is used only where the input's
metadata gave no date (``published_source`` "url").
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from dateutil import parser as date_parser

__all__ = ["date_from_url", "read_date", "plausible", "EARLIEST"]

# News archives reach back a century at most; a date before this is a typo or a default value
# ("0001-01-01", "1900-01-01" from an empty spreadsheet cell).
EARLIEST = date(1900, 1, 2)

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# "02/03/2024", "02.03.2024": day and month in an order only the source's locale knows
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
# a Unix time written as text (a CSV cell): seconds since 1970, 9 to 11 digits
_EPOCH = re.compile(r"^\s*\d{9,11}(?:\.\d+)?\s*$")


def plausible(day: date) -> str | None:
    """Why ``day`` cannot be a publication date (before 1900, or after tomorrow), or None."""
    if day < EARLIEST:
        return f"{day.isoformat()} is before {EARLIEST.year}"
    tomorrow = datetime.now(timezone.utc).date() + timedelta(days=1)
    if day > tomorrow:
        return f"{day.isoformat()} is in the future"
    return None


def read_date(value: object) -> tuple[date | None, str | None]:
    """``(date, None)`` for a usable metadata date (ISO string, RFC 2822 string, date, epoch),
    ``(None, reason)`` for a value that is there but unusable, ``(None, None)`` for no value."""
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None, None
    day, reason = _parse(value)
    if day is not None:
        reason = plausible(day)
        if reason:
            day = None
    if day is None:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        return None, f"date {shown} not used: {reason or 'not a date'}"
    return day, None


def _parse(value: object) -> tuple[date | None, str | None]:
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, (int, float)):
        try:
            if value > 10_000_000:
                return datetime.fromtimestamp(value, timezone.utc).date(), None
        except (OverflowError, OSError, ValueError):
            pass
        return None, "not a Unix time in seconds"
    if not isinstance(value, str):
        return None, f"a {type(value).__name__}, not a date"
    if _EPOCH.match(value):
        return _parse(float(value))
    numeric = _NUMERIC_DATE.match(value)
    if numeric and int(numeric[1]) <= 12 and int(numeric[2]) <= 12 \
            and int(numeric[1]) != int(numeric[2]):
        return None, "ambiguous day and month order (write YYYY-MM-DD)"
    match = _ISO_DATE.match(value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])), None
        except ValueError:
            return None, "no such day"
    if len(value) > 64:
        return None, "too long for a date"
    if not re.search(r"\d{4}", value):
        return None, "no year"   # "Monday" or "Dec 13" are not publication dates
    try:
        # parsed twice with different defaults: a value that lacks its day or month ("December
        # 2016") would borrow it from the default, so it is not a publication date
        first = date_parser.parse(value, default=datetime(2000, 1, 1)).date()
        second = date_parser.parse(value, default=datetime(2001, 2, 2)).date()
    except (ValueError, OverflowError, date_parser.ParserError):
        return None, "not a date"
    return (first, None) if first == second else (None, "no day (only a month or a year)")

_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)"),
    re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)"),
)


def date_from_url(url: str | None) -> date | None:
    """The publication date written in ``url``'s path, if one is there and valid."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None
