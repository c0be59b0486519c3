"""Rules for calendar points: dates, months, years, decades, seasons, weekdays, days, clock times.

Spans follow the TimeML (TIMEX3) guidelines: determiners and modifiers ("the", "late", "last")
belong to the expression, prepositions ("on", "in", "over", "since") do not. Month and weekday
names are matched case-sensitively ("march" and "may" in lower case are verbs).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .context import Context, Normalised, Rule
from .lexicon import (MONTH, NUMBER_WORD, PART_OF_DAY, PARTS_OF_DAY, SEASON, SEASONS, WEEKDAY,
                      YEAR, month_of, parse_number, weekday_of)
from .values import (MAX_YEAR, MIN_YEAR, day_value, easter, nth_weekday, valid_day, week_value,
                     weekday_near)

NO_ANCHOR = "relative to a publication date the report does not have"

_B = r"(?<![\w$£€#.,/-])"  # no word, currency or number just before
_E = r"(?![\w/]|[.,]\d|-\d)"  # no word or number just after
_ORD = r"(?:st|nd|rd|th)?"


def _year_of(text: str | None, ctx: Context) -> int | None:
    """A written year: four digits, or two after an apostrophe ("'98" -> 1998)."""
    if not text:
        return None
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    # two-digit years: pivot on the anchor's century so that "'98" in a 2016 report is 1998
    year = 2000 + int(digits)
    pivot = (ctx.anchor.year if ctx.anchor else 2000) + 10
    return year - 100 if year > pivot else year


def _far(year: int, ctx: Context) -> str:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"; year {year} is outside {MIN_YEAR}-{MAX_YEAR}"
    if ctx.anchor and abs(year - ctx.anchor.year) > 100:
        return f"; year {year} is over a century from the publication date"
    return ""


# Months of distance a candidate year loses for disagreeing with the clause's tense (infer_year).
PAST_PENALTY, FUTURE_PENALTY = 6, 24


def infer_year(month: int, day: int | None, ctx: Context) -> int:
    """The year of a month (and day) written without one: the nearest occurrence to the anchor,
    with the clause's tense as a tie-breaker.

    Each candidate year (the anchor's, the one before, the one after) is scored by its distance
    from the anchor in months, plus a penalty when it disagrees with the tense. Past cues are
    weak ("-ed" words, reported speech), so they only break near-ties: on TBAQ a penalty of 6
    scores best (value F1 0.805; 3: 0.804; 12: 0.786, trusting the tense outright put "Dec. 7"
    in a November report a year back). Future cues are modal words ("will", "is to", "plans
    to") and are trusted outright: a penalty of 24 puts "will be named ... for a mission in
    December" (said in March) in the coming December (TBAQ: any penalty from 8 up scores the same,
    +1 expression over 6).
    """
    anchor = ctx.anchor
    assert anchor is not None
    best_year, best_score = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        distance = (year - anchor.year) * 12 + month - anchor.month
        if distance == 0 and day is not None:
            distance = (day - anchor.day) / 31
        score = abs(distance)
        if ctx.tense == "past" and distance > 0.25:
            score += PAST_PENALTY
        elif ctx.tense == "future" and distance < -0.25:
            score += FUTURE_PENALTY
        if best_score is None or score < best_score:
            best_year, best_score = year, score
    return best_year


# How far (characters) after a date with a past year written out ("On May 16, 2018, ...") a date
# without one ("On July 11, ...") is still told in that year: a timeline's next entries
NARRATIVE_REACH = 600


def narrative_year(ctx: Context) -> int | None:
    """The past year a date written without one is told in: the year of the document's last date
    when that date wrote a year before the publication year out (or took it so) and stands
    within NARRATIVE_REACH characters ("On January 18, 2018, two Americans ... were kidnapped.
    ... On January 23, two South Africans were kidnapped": 2018, not the nearest January to a
    December 2020 report). Both days stand as "on <day>", as a timeline's entries do (``_tell``);
    any date of another year in between ("on Tuesday") ends it."""
    if ctx.narrative is None or ctx.anchor is None:
        return None
    year, at = ctx.narrative
    if year >= ctx.anchor.year or ctx.start - at > NARRATIVE_REACH:
        return None
    return year


_ON_BEFORE = re.compile(r"(?i)\bon\s+$")


def _tell(year: int | None, ctx: Context) -> None:
    """Note the past year of a day the clause happened on ("On January 18, 2018, ..."), written
    out or told by the narrative, as the narrative's. Not a month ("in July 1997") nor a day
    naming a thing ("the Dec. 21, 1988, bombing"): news names a past day or month in passing as
    background, and a day without a year after it is the story's own (TBAQ: 6 of 6 so)."""
    if year is not None and ctx.anchor is not None and year < ctx.anchor.year and \
            _ON_BEFORE.search(ctx.before(8)):
        ctx.narrative = (year, ctx.end)


def _calendar_date(year: int | None, month: int, day: int, ctx: Context,
                   what: str) -> Normalised:
    told = year
    if year is None:
        if ctx.anchor is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}", f"{what} without a year; {NO_ANCHOR}"
        told = narrative_year(ctx) if _ON_BEFORE.search(ctx.before(8)) else None
        if told is not None:
            year = told
            what += f" without a year: told in {year}, the year of the date before it"
        else:
            year = infer_year(month, day, ctx)
            what += f" without a year: {ctx.tense} tense puts it in {year}"
    _tell(told, ctx)
    far = _far(year, ctx)
    if not 1 <= month <= 12 or not 1 <= day <= 31 or (
            MIN_YEAR <= year <= MAX_YEAR and not valid_day(year, month, day)):
        return "DATE", f"{year:04d}-{month:02d}", f"{what}: no day {day} in that month, kept the month{far}"
    if not far:
        ctx.last_day = date(year, month, day)
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", what + far


_WEEKDAY_PREFIX = rf"(?:{WEEKDAY},?\s+)?"


def _month_day(match: re.Match, ctx: Context) -> Normalised | None:
    return _calendar_date(_year_of(match.group("y"), ctx), month_of(match.group("m")),
                          int(match.group("d")), ctx, "calendar date")


def _numeric_date(match: re.Match, ctx: Context) -> Normalised | None:
    if match.group("iso"):
        year, month, day = (int(x) for x in match.group("iso").split("-"))
        return _calendar_date(year, month, day, ctx, "ISO date")
    first, second = int(match.group("a")), int(match.group("b"))
    year = _year_of(match.group("y"), ctx)
    if first > 12 >= second:
        day, month, how = first, second, "day first (first number over 12)"
    elif second > 12 >= first:
        day, month, how = second, first, "month first (second number over 12)"
    elif ctx.day_first:
        day, month, how = first, second, "day first (locale hint)"
    else:
        day, month, how = second, first, "month first (locale hint)"
    if month > 12:
        return None
    return _calendar_date(year, month, day, ctx, f"numeric date, {how}")


_MONTH_MODS = r"early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"


def _month_year(match: re.Match, ctx: Context) -> Normalised | None:
    if match.group("yrel"):  # "June last year"
        if ctx.anchor is None:
            return "DATE", None, f"month of a relative year; {NO_ANCHOR}"
        step = {"this": 0, "last": -1, "next": 1}[match.group("yrel").lower()]
        year = ctx.anchor.year + step
        return "DATE", f"{year:04d}-{month_of(match.group('m')):02d}", "month of a relative year"
    year = _year_of(match.group("y"), ctx)
    return "DATE", f"{year:04d}-{month_of(match.group('m')):02d}", "month and year" + _far(year, ctx)


# Words before a lone month name that make it a date ("in May", "since March", "last June").
_MONTH_CUES = re.compile(
    r"(?i)(?:\b(?:in|since|until|till|by|before|after|during|from|through|to|of|for|on|last|"
    r"next|this|early|mid|late|end|beginning|start|middle|the|and|or|between|throughout|"
    r"around|about|until|past|each|every|a|an|late|early)[\s-]+)$")
_AMBIGUOUS_MONTHS = {"May", "March", "June", "August"}  # modal, verb or given names


def _month_alone(match: re.Match, ctx: Context) -> Normalised | None:
    name = match.group("m")
    relative = (match.group("rel") or "").lower().split()
    before = ctx.before(40)
    preceded = bool(_MONTH_CUES.search(before)) or bool(relative)
    if not preceded:
        if name in _AMBIGUOUS_MONTHS:
            return None
        # "Theresa May", "Prime Minister May": a capitalised word just before is a name.
        previous = re.search(r"([A-Z][\w.'-]*)\s+$", before)
        if previous and not re.search(r"[.!?:\"“]\s*\S*\s+$", before):
            return None
    after = ctx.text[match.end():match.end() + 20]
    if re.match(r"\s+[A-Z][a-z]", after) and not preceded:
        return None  # "June Carter", "May Day"
    month = month_of(name)
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", f"month without a year; {NO_ANCHOR}"
    year = ctx.anchor.year
    if "last" in relative:
        year = year if month < ctx.anchor.month else year - 1
        reason = "'last' month: the latest before the publication date"
    elif "next" in relative:
        year = year if month > ctx.anchor.month else year + 1
        reason = "'next' month: the first after the publication date"
    elif "this" in relative:
        reason = "'this' month: the publication year"
    else:
        year = infer_year(month, None, ctx)
        reason = f"month without a year: {ctx.tense} tense puts it in {year}"
    return "DATE", f"{year:04d}-{month:02d}", reason


# A number that is a count, not a year: "2000 troops", "1500 people".
_COUNT_NOUNS = re.compile(
    r"\s+(?:people|persons|troops|soldiers|fighters|militants|civilians|men|women|children|"
    r"refugees|migrants|protesters|police|policemen|officers|members|workers|students|rebels|"
    r"families|households|homes|houses|dollars|euros|pounds|tons|tonnes|barrels|shares|"
    r"meters|metres|feet|km|kilometers|kilometres|miles|cases|deaths|votes|seats|units|cars|"
    r"vehicles|rockets|missiles|rounds|items|points|hectares|acres|residents|inmates|prisoners|"
    r"hostages|casualties|dead|wounded|injured|killed|of)\b")


_DATE_PREPOSITION = re.compile(r"(?i)\b(?:in|since|during|until|till)\s+$")


def _year(match: re.Match, ctx: Context) -> Normalised | None:
    year = int(match.group("y"))
    after = ctx.text[match.end():match.end() + 30]
    before = ctx.before(12)
    if re.search(r"(?:No\.|#|\$|£|€|\d[,.]?)\s*$", before):
        return None
    if _COUNT_NOUNS.match(after) and not _DATE_PREPOSITION.search(before):
        # "2000 soldiers" is a count, but "In 2012 soldiers attacked ..." is a year: a
        # preposition that takes a date comes first
        return None
    if re.search(r"(?i)\b(?:about|some|nearly|almost|than|over|least|around|approximately)\s+$",
                 before):
        return None  # "some 2000 people": a quantity
    prefix = (match.group("pre") or "").lower()
    return "DATE", f"{year:04d}", ("fiscal year" if "fiscal" in prefix else "year") + _far(year, ctx)


def _decade(match: re.Match, ctx: Context) -> Normalised | None:
    digits = match.group("y")
    if len(digits) == 2:  # "the '90s"
        year = _year_of("'" + digits, ctx)
        return "DATE", f"{year // 10:03d}", "decade written with two digits"
    return "DATE", digits[:3], "decade"


SPOKEN_YEAR = (rf"nineteen[\s-]+(?:{NUMBER_WORD}|hundred)|"
               rf"two\s+thousand(?:\s+(?:and\s+)?{NUMBER_WORD})?")


def spoken_year(match: re.Match, ctx: Context) -> Normalised | None:
    words = match.group("sy").lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        year = 2000 + int(parse_number(" ".join(rest)) or 0) if rest else 2000
    else:
        century = 19 if words[0] == "nineteen" else 20
        rest = parse_number(" ".join(words[1:])) if words[1] != "hundred" else 0
        if rest is None:
            return None
        year = century * 100 + int(rest)
    return "DATE", f"{year:04d}", "year in words"


def _season(match: re.Match, ctx: Context) -> Normalised | None:
    season = SEASONS[match.group("s").lower()]
    relative = (match.group("rel") or "").lower()
    year = _year_of(match.group("y"), ctx)
    if year is None and not relative:
        return None  # "fall", "spring" alone are too often not the season
    after = ctx.text[match.end():match.end() + 12]
    if year is None and re.match(r"\s+of\b", after):
        return None  # "the fall of Aleppo"
    if year is not None:
        return "DATE", f"{year:04d}-{season}", "season of a given year"
    if ctx.anchor is None:
        return "DATE", None, f"season without a year; {NO_ANCHOR}"
    year = ctx.anchor.year
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if "last" in relative and start_month >= ctx.anchor.month:
        year -= 1
    elif "next" in relative and start_month <= ctx.anchor.month:
        year += 1
    return "DATE", f"{year:04d}-{season}", f"season relative to the publication date ({relative or 'this'})"


def _weekday(match: re.Match, ctx: Context) -> Normalised | None:
    name = match.group("wd")
    if match.group("plural") or match.group("plural_pod"):
        pod = match.group("pod")
        suffix = "T" + PARTS_OF_DAY[pod.lower()] if pod else ""
        return "SET", f"XXXX-WXX-{weekday_of(name.rstrip('s'))}{suffix}", "recurring weekday"
    if re.search(r"(?:Black|Good|Holy|Joe|Man|Girl|Bloody|Ash|Palm)\s+$", ctx.before(8)):
        return None  # named days and names: "Good Friday" is a holiday, "Bloody Sunday" an event
    weekday = weekday_of(name)
    relative = (match.group("rel") or "").lower()
    # "Friday morning" is a TIME with the TIMEX3 part-of-day suffix (TMO, TAF, TEV); "Sunday
    # night" stays a DATE of that day: TBAQ writes "night" both ways and often marks the weekday
    # alone (TBAQ value F1: 0.803 so; 0.802 with no suffix at all; a TNI suffix costs 0.002).
    pod = (match.group("pod") or "").lower()
    kind, suffix = ("TIME", "T" + PARTS_OF_DAY[pod]) if pod in ("morning", "afternoon", "evening") \
        else ("DATE", "")
    if ctx.anchor is None:
        return kind, f"XXXX-WXX-{weekday}{suffix}", f"weekday; {NO_ANCHOR}"
    if relative == "last" or relative == "past":
        direction = "strict_past"
    elif relative in ("next", "coming"):
        direction = "strict_future"
    elif re.match(r"['’]s\b", ctx.text[ctx.end:ctx.end + 2]):
        # "Wednesday's ruling", "Friday's close": the possessive presupposes the day's event,
        # so it is one already reported, whatever the clause's tense (TBAQ: 21 of 21 past)
        direction = "past"
    else:
        direction = "future" if ctx.tense == "future" else "past"
    day = weekday_near(ctx.anchor, weekday, direction)
    ctx.last_day = day
    return kind, day_value(day) + suffix, f"weekday, {direction.replace('_', ' ')} of the publication date ({ctx.tense} clause)"


_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2,
                 "last night": -1, "this": 0, "overnight": 0}


# A capitalised word right before a capitalised "Today"/"Tonight" makes it part of a name
# ("Manila Today editor", "USA Today", "Russia Today"), not the publication day.
_NAME_BEFORE = re.compile(r"[A-Z][\w&'’-]*\s+$")


def _deictic(match: re.Match, ctx: Context) -> Normalised | None:
    word = " ".join(match.group("w").lower().split())
    if match.group("w")[:1].isupper() and word in ("today", "tonight") and \
            _NAME_BEFORE.search(ctx.before(30)):
        return None
    pod = (match.group("pod") or "").lower()
    if word == "tonight":
        pod = "night"
    if word == "last night":
        pod = "night"
    if word == "overnight":  # the night that ends on the publication day (TimeBank wsj_0586)
        pod = "overnight"
    if word == "this" and not pod:
        return None
    kind = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        return kind, None, f"'{word}'; {NO_ANCHOR}"
    day = ctx.anchor + timedelta(days=_DEICTIC_DAYS[word])
    ctx.last_day = day
    suffix = "T" + PARTS_OF_DAY[pod] if pod else ""
    return kind, day_value(day) + suffix, f"'{word}' counted from the publication date"


_ANAPHORIC = {"next": 1, "following": 1, "previous": -1, "same": 0, "that": 0, "preceding": -1}


def _anaphoric_day(match: re.Match, ctx: Context) -> Normalised | None:
    reference = ctx.last_day or ctx.anchor
    if reference is None:
        return "DATE", None, f"day relative to an earlier date; {NO_ANCHOR}"
    day = reference + timedelta(days=_ANAPHORIC[match.group("rel").lower()])
    unit = match.group("u").lower()
    source = "the last date mentioned" if ctx.last_day else "the publication date"
    if unit == "week":
        return "DATE", week_value(day + timedelta(days=6 * _ANAPHORIC[match.group('rel').lower()])), f"week relative to {source}"
    pod = PARTS_OF_DAY.get(unit)
    ctx.last_day = day
    return ("TIME" if pod else "DATE"), day_value(day) + (f"T{pod}" if pod else ""), f"day relative to {source}"


def _day_reference(text: str, ctx: Context) -> date | None:
    """The day a clock time is attached to ("Wednesday", "today", "Nov. 9"), or the anchor."""
    if not text:  # a bare clock time is on the day the text was last talking about
        if ctx.last_day and ctx.anchor and abs((ctx.last_day - ctx.anchor).days) <= 7:
            return ctx.last_day
        return ctx.anchor
    lowered = text.lower()
    if ctx.anchor and lowered in _DEICTIC_DAYS:
        return ctx.anchor + timedelta(days=_DEICTIC_DAYS[lowered])
    if ctx.anchor and lowered.rstrip(".") in ("monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday", "mon", "tues",
                                               "tue", "wed", "thurs", "thu", "fri"):
        direction = "future" if ctx.tense == "future" else "past"
        return weekday_near(ctx.anchor, weekday_of(text), direction)
    found = re.match(rf"({MONTH})\s+(\d{{1,2}})", text)
    if found:
        month, day = month_of(found.group(1)), int(found.group(2))
        year = infer_year(month, day, ctx) if ctx.anchor else None
        if year and valid_day(year, month, day):
            return date(year, month, day)
    return None


def _clock(match: re.Match, ctx: Context) -> Normalised | None:
    if match.group("word"):
        word = match.group("word").lower()
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour, minute = int(match.group("h")), int(match.group("mi") or 0)
        meridiem = (match.group("ap") or "").lower().replace(".", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        elif match.group("pod"):  # "4 in the morning"
            hour += 12 if match.group("pod").lower() in ("afternoon", "evening") and hour < 12 else 0
        if hour > 24 or minute > 59:
            return None
    day = _day_reference(match.group("day") or "", ctx)
    clock = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return "TIME", None, f"clock time; {NO_ANCHOR}"
    ctx.last_day = day
    return "TIME", day_value(day) + clock, "clock time on " + ("the day named" if match.group("day") else "the publication date")


# Roughly where each holiday falls, to pick its year like any month and day without a year.
_HOLIDAY_MONTH_DAY = {"christmas": (12, 25), "new": (1, 1), "easter": (4, 1),
                      "thanksgiving": (11, 25), "halloween": (10, 31), "independence": (7, 4)}


def _holiday(match: re.Match, ctx: Context) -> Normalised | None:
    name = " ".join(match.group("h").split())
    key = name.lower().replace("’", "'")
    year = _year_of(match.group("y"), ctx)
    if year is None:
        if ctx.anchor is None:
            return "DATE", None, f"holiday without a year; {NO_ANCHOR}"
        month, day = _HOLIDAY_MONTH_DAY.get(key.split()[0], (ctx.anchor.month, ctx.anchor.day))
        year = infer_year(month, day, ctx)
        if re.match(r"(?i)last\b", match.group("t")):
            year = ctx.anchor.year if (month, day) < (ctx.anchor.month, ctx.anchor.day) \
                else ctx.anchor.year - 1
    if not MIN_YEAR <= year <= MAX_YEAR:
        return "DATE", f"{year:04d}", "holiday in a year out of range"
    if key.startswith("christmas eve"):
        day = date(year, 12, 24)
    elif key.startswith("christmas"):
        day = date(year, 12, 25)
    elif key.startswith("new year's eve"):
        day = date(year, 12, 31)
    elif key.startswith("new year"):
        day = date(year, 1, 1)
    elif key.startswith("easter"):
        day = easter(year)
        if key.endswith("week"):
            return "DATE", week_value(day), "Easter week"
        if key.endswith("monday"):
            day += timedelta(days=1)
    elif key.startswith("thanksgiving"):
        day = nth_weekday(year, 11, 4, 4)
    elif key.startswith("halloween"):
        day = date(year, 10, 31)
    elif key.startswith("independence"):
        day = date(year, 7, 4)
    else:
        return None
    ctx.last_day = day
    return "DATE", day_value(day), f"holiday {name}"


_DAYREF = (rf"{WEEKDAY}|(?i:today|tonight|yesterday|tomorrow)|{MONTH}\s+\d{{1,2}}{_ORD}"
           rf"(?:,\s+{YEAR})?")
_TZ = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|(?i:local\s+time))"

RULES: list[Rule] = [
    Rule("month_day", re.compile(
        rf"{_B}(?P<t>{_WEEKDAY_PREFIX}(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}){_ORD}(?!\d|:\d)"
        rf"(?:,?\s+(?P<y>{YEAR}|['’]\d\d)(?!\d))?)"), _month_day),
    Rule("day_month", re.compile(
        rf"{_B}(?P<t>{_WEEKDAY_PREFIX}(?:(?i:the)\s+)?(?P<d>\d{{1,2}}){_ORD}\s+(?:(?i:of)\s+)?"
        rf"(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR})(?!\d))?)(?![\w])"), _month_day),
    Rule("numeric_date", re.compile(
        rf"{_B}(?P<t>(?P<iso>{YEAR}-[01]\d-[0-3]\d)|(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)"
        rf"(?P=sep)(?P<y>{YEAR}|\d\d))(?![\w/]|[.,]\d|-\d)"), _numeric_date),
    Rule("month_year", re.compile(
        rf"{_B}(?P<t>(?:(?i:{_MONTH_MODS})[\s-]+)?(?P<m>{MONTH}),?\s+(?:(?i:of)\s+)?"
        rf"(?:(?P<y>{YEAR}|['’]\d\d)|(?P<yrel>(?i:this|last|next))\s+(?i:year)))(?![\w-])"),
        _month_year),
    Rule("month", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?P<rel>(?i:last|next|this|early|mid|late|the\s+end\s+of|"
        rf"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|(?:earlier|later)\s+this))"
        rf"[\s-]+)?(?P<m>January|February|March|April|May|June|July|August|September|October|"
        rf"November|December))(?![\w-])"), _month_alone),
    Rule("year", re.compile(
        rf"{_B}(?P<t>(?:(?P<pre>(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|early|"
        rf"mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))"
        rf"[\s-]+)?(?P<y>{YEAR})){_E}(?!\s*(?:%|percent|per\s+cent))"), _year),
    Rule("decade", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?"
        rf"(?:(?P<y>1[6-9]\d0|20\d0)|['’](?P<y2>\d0))['’]?s)\b"),
        lambda m, c: _decade(_DecadeMatch(m), c)),
    Rule("spoken_year", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?i:the\s+year)\s+)?(?P<sy>(?i:{SPOKEN_YEAR})))(?![\w-])"
        r"(?!\s+(?!has\b|was\b|is\b|as\b)(?:years|people|dollars|troops|of|to|and|percent|"
        r"more|other|[a-z]+s\b))"),
        spoken_year),
    Rule("season", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?P<rel>(?i:this\s+past|this|last|next|early|late|mid|the|"
        rf"the\s+(?:early|late|coming|past)))[\s-]+)?(?P<s>{SEASON})"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?)(?![\w-])"), _season),
    Rule("weekday", re.compile(
        rf"(?<![\w-])(?P<t>(?:(?P<rel>(?i:last|next|this|past|coming|this\s+past|early|late))\s+)?"
        rf"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues|Wed|"
        rf"Thurs|Fri)\.)(?:(?P<plural>s)|(?=['’]s)|(?:\s+(?P<pod>(?i:{PART_OF_DAY}))"
        rf"(?P<plural_pod>s)?)?))"
        rf"(?![\w-]|['’][a-rt-z])"), _weekday),
    Rule("deictic", re.compile(
        r"(?<![\w-])(?P<t>(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"today|tonight|yesterday|tomorrow|last\s+night|this|"
        # "overnight" as an adverb only, not "an overnight curfew"
        r"overnight(?=\s*(?:[.,;:!?)\"”’]|$)|\s+(?:in|on|at|into|near|and|as|when|while|after|"
        r"before|from|to|the|a|an)\b)))"
        rf"(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?)(?![\w-])"), _deictic),
    Rule("anaphoric_day", re.compile(
        r"(?<![\w-])(?P<t>(?i:the|that)\s+(?:(?P<rel>(?i:next|following|previous|preceding|same))"
        r"\s+)?(?P<u>(?i:day|morning|evening|night|week)))(?![\w-])"),
        lambda m, c: _anaphoric_day(m, c) if m.group("rel") else None),
    Rule("clock", re.compile(
        rf"(?<![\w:.-])(?P<t>(?:(?i:around|about|approximately|shortly\s+(?:before|after)|"
        rf"just\s+(?:before|after))\s+)?(?:(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?\s*"
        rf"(?:(?P<ap>(?i:[ap]\.m\.?|[ap]m)(?![\w]))|(?i:o['’]clock)|(?=:?\d*\s*{_TZ}))"
        rf"(?:\s+{_TZ})?|(?P<word>(?i:noon|midnight|midday))|"
        rf"(?P<h2>\d{{1,2}}|{NUMBER_WORD})\s+(?i:in\s+the)\s+(?P<pod>(?i:morning|afternoon|evening)))"
        rf"(?:,?\s+(?:(?i:on)\s+)?(?P<day>{_DAYREF}))?)(?![\w])"),
        lambda m, c: _clock(_ClockMatch(m), c)),
    Rule("holiday", re.compile(
        r"(?<![\w-])(?P<t>(?:(?i:last|next|this)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|"
        r"Easter(?:\s+(?:Sunday|Monday|week))?|Thanksgiving(?:\s+Day)?|Halloween|"
        rf"Independence\s+Day)(?:,?\s+(?P<y>{YEAR}))?)(?![\w-])"), _holiday),
]


class _DecadeMatch:
    """Adapts a decade match: ``y`` is the four-digit or the two-digit form."""

    def __init__(self, match: re.Match) -> None:
        self._match = match

    def group(self, name: str):
        if name == "y":
            return self._match.group("y") or self._match.group("y2")
        return self._match.group(name)


class _ClockMatch:
    """Adapts a clock match: the hour of "4 in the morning" is spelled or written."""

    def __init__(self, match: re.Match) -> None:
        self._match = match

    def group(self, name: str):
        if name == "h" and self._match.group("h") is None and self._match.group("h2"):
            value = parse_number(self._match.group("h2"))
            return str(int(value)) if value else None
        return self._match.group(name)
