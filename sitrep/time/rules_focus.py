"""Rules for expressions anchored to the document's temporal focus rather than to its date, and
for eras: "that year", "later that day", "that quarter", "the previous Friday"; "the 20th
century", "the nineties"; "day-long", "decades-long".

TimeML (TIMEX3 guidelines, "anchoring"): an anaphoric expression takes its value from the time
the text is talking about, the last date it named, not from the document creation time. The
focus is kept in :class:`~sitrep.time.context.Context` (``focus_year``, ``focus_month``,
``last_day``, ``last_quarter``), updated as expressions are normalised in text order.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Normalised, Rule
from .lexicon import (MONTH, PARTS_OF_DAY, SEASON, SEASONS, WEEKDAY, YEAR, month_of, unit_of,
                      weekday_of)
from .rules_calendar import NO_ANCHOR, SPOKEN_YEAR, infer_year, spoken_year
from .rules_spans import duration_value
from .values import day_value, nth_weekday, valid_day, weekday_near

NO_FOCUS = "refers to a time the text has not named"


def _that_unit(match: re.Match, ctx: Context) -> Normalised | None:
    """ "that year", "later that year", "that quarter", "earlier that day": the focus's unit.

    TBAQ annotates "that year" and "that quarter" wherever they occur (3 of 3), "that day" only
    with "earlier"/"later" (1 of 3: "on that day" is mostly a quoted memory, not a date).
    """
    unit = match.group("u").lower()
    modified = bool(match.group("mod"))
    if unit == "day":
        if not modified:
            return None
        if ctx.last_day is None:
            return "DATE", None, f"'that day' {NO_FOCUS}"
        return "DATE", day_value(ctx.last_day), "the day last mentioned"
    if unit == "quarter":
        if ctx.last_quarter is None:
            return "DATE", None, f"'that quarter' {NO_FOCUS}"
        year, quarter = ctx.last_quarter
        return "DATE", f"{year:04d}-Q{quarter}", "the quarter last mentioned"
    if ctx.focus_year is None:
        return "DATE", None, f"'that {unit}' {NO_FOCUS}"
    if unit == "month":
        if ctx.focus_month is None:
            return "DATE", None, f"'that month' {NO_FOCUS}"
        return "DATE", f"{ctx.focus_year:04d}-{ctx.focus_month:02d}", "the month last mentioned"
    return "DATE", f"{ctx.focus_year:04d}", "the year last mentioned"


def _weekday_from_focus(match: re.Match, ctx: Context) -> Normalised | None:
    """ "the previous Friday", "the following Monday": the weekday before or after the day the
    text last named (the publication date when it named none)."""
    reference = ctx.last_day or ctx.anchor
    if reference is None:
        return "DATE", None, f"weekday; {NO_ANCHOR}"
    source = "the day last mentioned" if ctx.last_day else "the publication date"
    relative = match.group("rel").lower()
    direction = "strict_past" if relative in ("previous", "preceding") else "strict_future"
    day = weekday_near(reference, weekday_of(match.group("wd")), direction)
    ctx.last_day = day
    return "DATE", day_value(day), f"weekday {relative} to {source}"


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}


def _century(match: re.Match, ctx: Context) -> Normalised | None:
    """ "the 20th century" -> ``19`` (TIMEX3 writes a century as its first two digits)."""
    number = match.group("n")
    ordinal = int(number) if number else _ORDINAL_WORDS[" ".join(match.group("w").lower().split())]
    if not 1 <= ordinal <= 29:
        return None
    return "DATE", f"{ordinal - 1:02d}", "century"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _decade_word(match: re.Match, ctx: Context) -> Normalised | None:
    """ "the nineties" -> ``199``: the decade of the last century that bore the name (news of
    the 2000s says "the 2020s" in figures)."""
    digit = _DECADE_WORDS[match.group("d").lower()]
    century = 19
    if ctx.anchor is not None and ctx.anchor.year >= 2000 + digit * 10 + 10:
        century = 20
    return "DATE", f"{century}{digit}", "decade in words"


def _long_adjective(match: re.Match, ctx: Context) -> Normalised | None:
    """ "a day-long strike", "a decades-long conflict": a duration of one unit or a vague many."""
    word = match.group("u").lower()
    plural = word.endswith("s")
    unit = unit_of(word)
    return "DURATION", duration_value(None if plural else 1, unit), "'<unit>-long'"


def _two_quarters(match: re.Match, ctx: Context) -> Normalised | None:
    """ "the first two quarters of 1990" -> ``1990-H1``: two quarters from an end of a named year
    are its half (TIMEX3 has no value for a run of quarters)."""
    half = 1 if match.group("end").lower() == "first" else 2
    return "DATE", f"{match.group('y')}-H{half}", "two quarters of a given year: its half"


def _second_day(match: re.Match, ctx: Context) -> Normalised | None:
    """ "April 24 and 25": the second day of a pair written with one month name."""
    month, day = month_of(match.group("m")), int(match.group("d"))
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", f"second day of a pair; {NO_ANCHOR}"
    year = infer_year(month, day, ctx)
    if not valid_day(year, month, day):
        return None
    ctx.last_day = date(year, month, day)
    return "DATE", day_value(ctx.last_day), "second day of a pair under one month name"


def _prefixed_year(match: re.Match, ctx: Context) -> Normalised | None:
    """ "post-1959 politics", "pre-1990 levels": TimeML marks the year the prefix hangs on."""
    return "DATE", match.group("y"), "year under a prefix"


def _election_day(match: re.Match, ctx: Context) -> Normalised | None:
    """ US Election Day: the Tuesday after the first Monday of November, in the year the
    publication date makes nearest (as for any month and day without a year)."""
    if ctx.anchor is None:
        return "DATE", None, f"Election Day; {NO_ANCHOR}"
    year = infer_year(11, 5, ctx)
    day = nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    ctx.last_day = day
    return "DATE", day_value(day), "US Election Day"


def _part_of_day(match: re.Match, ctx: Context) -> Normalised | None:
    """ "by mid afternoon", "in the morning": a part of the day in focus (the named
    day, else the last day mentioned within a week of the publication date, else that date)."""
    pod = PARTS_OF_DAY[match.group("pod").lower()]
    word = (match.group("w") or "").lower()
    if word:
        if ctx.anchor is None:
            return "TIME", None, f"part of day; {NO_ANCHOR}"
        day = ctx.anchor + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
    elif ctx.last_day and ctx.anchor and abs((ctx.last_day - ctx.anchor).days) <= 7:
        day = ctx.last_day
    elif ctx.anchor:
        day = ctx.anchor
    else:
        return "TIME", None, f"part of day; {NO_ANCHOR}"
    ctx.last_day = day
    return "TIME", f"{day_value(day)}T{pod}", "part of the day in focus"


class _DayAroundMatch:
    """Adapts a day-around match: with a weekday (``dir``) or before an event (``dir2``)."""

    def __init__(self, match: re.Match) -> None:
        self._match = match

    def group(self, name: str):
        if name == "dir" and self._match.group("dir") is None:
            return self._match.group("dir2")
        return self._match.group(name)


class _PartOfDayMatch:
    """Adapts a part-of-day match: "mid afternoon" (``pod``) or "(in) the morning" (``pod2``)."""

    def __init__(self, match: re.Match) -> None:
        self._match = match

    def group(self, name: str):
        if name == "pod" and self._match.group(name) is None:
            return self._match.group("pod2")
        return self._match.group(name)


def _spoken_month_or_season(match: re.Match, ctx: Context) -> Normalised | None:
    """ "January nineteen ninety-seven", "the winter of nineteen ninety-four" (transcripts)."""
    year = spoken_year(match, ctx)
    if year is None:
        return None
    if match.group("m"):
        return "DATE", f"{year[1]}-{month_of(match.group('m')):02d}", "month of a year in words"
    return "DATE", f"{year[1]}-{SEASONS[match.group('s').lower()]}", "season of a year in words"


_APPOSITION = re.compile(rf"(?:{MONTH}\s+\d{{1,2}}(?:,\s+{YEAR})?|{WEEKDAY}),\s+$")


def _day_around(match: re.Match, ctx: Context) -> Normalised | None:
    """ "the day before last Tuesday": a day next to the one named after it; "the day after his
    death": next to the day in focus; "Oct. 12, the day before the plunge": that very day (the
    phrase only describes the date it stands beside)."""
    step = 1 if match.group("dir").lower() == "after" else -1
    if match.group("wd"):
        if ctx.anchor is None:
            return "DATE", None, f"day next to a weekday; {NO_ANCHOR}"
        relative = (match.group("rel") or "").lower()
        direction = {"last": "strict_past", "next": "strict_future"}.get(
            relative, "future" if ctx.tense == "future" else "past")
        day = weekday_near(ctx.anchor, weekday_of(match.group("wd")), direction) + \
            timedelta(days=step)
        ctx.last_day = day
        return "DATE", day_value(day), "the day next to the weekday named"
    if ctx.last_day is None:
        return "DATE", None, f"'the day {match.group('dir')}' {NO_FOCUS}"
    if _APPOSITION.search(ctx.text, max(0, ctx.start - 30), ctx.start):
        return "DATE", day_value(ctx.last_day), "the date it stands beside"
    ctx.last_day += timedelta(days=step)
    return "DATE", day_value(ctx.last_day), "the day next to the day in focus"


RULES: list[Rule] = [
    Rule("day_around", re.compile(
        rf"(?<![\w-])(?<!\b[Ii]n\s)(?P<t>(?i:the)\s+(?i:day)\s+(?P<dir>(?i:before|after))"
        rf"\s+(?:(?P<rel>(?i:last|next))\s+)?(?P<wd>{WEEKDAY})(?![\w-])|(?i:the)\s+(?i:day)"
        r"(?=\s+(?P<dir2>(?i:before|after))\b))"), lambda m, c: _day_around(_DayAroundMatch(m), c)),
    Rule("spoken_month_or_season", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?P<m>{MONTH})|(?:(?i:the)\s+)?(?P<s>{SEASON})\s+(?i:of))\s+"
        rf"(?P<sy>(?i:{SPOKEN_YEAR})))(?![\w-])"), _spoken_month_or_season),
    Rule("second_day", re.compile(
        rf"(?<![\w-])(?P<m>{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:and|or)\s+"
        r"(?P<t>(?P<d>[0-3]?\d))(?:st|nd|rd|th)?(?![\w%.,]\d|\s*(?:%|percent))(?![\w-])"),
        _second_day),
    Rule("prefixed_year", re.compile(
        rf"(?<![\w-])(?P<t>(?i:post|pre)-(?P<y>{YEAR}))(?![\w-])"), _prefixed_year),
    Rule("election_day", re.compile(r"(?<![\w-])(?P<t>Election\s+Day)(?![\w-])"), _election_day),
    Rule("part_of_day", re.compile(
        r"(?<![\w-])(?P<t>(?i:mid)[\s-]?(?P<pod>(?i:morning|afternoon|evening))"
        r"(?:\s+(?P<w>(?i:yesterday|today|tomorrow)))?|(?<=\b[Ii]n\s)(?i:the)\s+"
        r"(?P<pod2>(?i:morning|afternoon|evening)))(?![\w-]|\s+(?i:of|and)\b)"),
        lambda m, c: _part_of_day(_PartOfDayMatch(m), c)),
    Rule("two_quarters", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?i:the)\s+)?(?P<end>(?i:first|last))\s+(?i:two|2)\s+(?i:quarters)"
        rf"\s+(?i:of)\s+(?:(?i:fiscal|calendar)\s+)?(?P<y>{YEAR}))(?![\w-])"), _two_quarters),
    Rule("that_unit", re.compile(
        r"(?<![\w-])(?P<t>(?:(?P<mod>(?i:earlier|later|early|late))\s+)?(?i:that)\s+"
        r"(?P<u>(?i:year|quarter|month|day)))(?![\w-])"), _that_unit),
    Rule("focus_weekday", re.compile(
        rf"(?<![\w-])(?P<t>(?i:the)\s+(?P<rel>(?i:previous|preceding|following))\s+"
        rf"(?P<wd>{WEEKDAY}))(?![\w-])"), _weekday_from_focus),
    Rule("century", re.compile(
        r"(?<![\w-])(?P<t>(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?:(?P<n>\d{1,2})"
        r"(?:st|nd|rd|th)|(?P<w>(?i:" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
        + r")))[\s-]+(?i:century))(?![\w-])"), _century),
    Rule("decade_word", re.compile(
        r"(?<![\w-])(?P<t>(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?(?P<d>(?i:"
        + "|".join(_DECADE_WORDS) + r")))(?![\w-])"), _decade_word),
    Rule("long_adjective", re.compile(
        r"(?<![\w-])(?P<t>(?P<u>(?i:hours?|days?|weeks?|months?|years?|decades?|centuries))"
        r"-long)(?![\w-])"), _long_adjective),
]
