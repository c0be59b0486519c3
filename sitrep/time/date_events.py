"""The ``date_events`` stage: each event's date and ACLED time precision, as a coder would set them.

An event is dated by the time expression of its own sentence (when there are several, the one
the parse hangs on its trigger, else the one nearest it), else by the one its paragraph set in an
earlier sentence (not the bound of a period, "since April", "until November": what follows
happened within it; nor a span of days, "last week", "over the weekend", "in the past 48 hours":
it sets no day for the story to go on from, and what a later sentence tells is as often the reaction or background), else (for a
headline) by its lead sentence, else like a mention of the same act ("kidnapped", "the
kidnapping") naming the same person that has time words of its own, else like another mention
of the same kind of event by the same actor that has them (the one sharing most with it when
they tell several days; none counting other people: ``undated.py``), else (a mention of the body) by the
day of the story its lead paragraph names, else by the publication date, both with precision 3;
the reason is recorded in ``event.reasons``.

ACLED conventions used (codebook "time precision"):

* ``event_date`` is the first day of the range the words name: "over the weekend" in a report
  published Tuesday 2016-12-13 is Saturday 2016-12-10; "last week" its Monday; "earlier this
  month" the 1st.
* ``time_precision`` is 1 for a day ("on Monday", "Dec. 12"), 2 for a week, a weekend or a range
  of days ("in the last 48 hours"), 3 for a month or more.
* An event with no time words of its own, in its sentence or paragraph, is dated to the
  publication date with precision 3 ("within the month of publication"): the report says it
  happened, not when, and the publication date is the latest day it can have happened on. When
  the report's lead paragraph names the day of its story within the week before publication
  ("... injured in a clash on Sunday", in a Monday paper), a mention of the body told without a
  day of its own takes that day instead, still with precision 3 and no date text, unless it may
  retell any of several incidents of its kind dated elsewhere in the report.
  (The seed's E3, "helping regime troops capture Aleppo city", comes out as 2016-12-13, 3.)

A time expression dates only the predicate it belongs to (by the parse, ``clauses.Syntax``):
not an event in a relative or reported clause it stands outside of (a past participle
describing another verb's object is one: "reunited families with the boys freed from the camp"
on Saturday), nor one whose clause a relative
clause telling another act merely hangs from ("arrested two men who had protested on Monday",
"executed aid workers who were abducted on 18 July"; a progressive one, "who were fishing on
Saturday", tells what was going on then, and keeps the sentence's time), nor a date standing
in the phrase of a noun the event is told against, before or over ("a protest against the
rigging of the election of 9 August": election day, not the protest's; "after Sunday's vote"
stays the nearest day told).
"Police said on Monday ..." dates the saying (so does "according to a March 5 report", the day
of the report the sentence cites): what was said happened by Monday, precision 2,
when nothing else dates it; Monday is no word of the event's own (``date_text`` None, the reason
names it), so merging reads it as it reads the publication-date fallback, a latest day. A retelling takes another mention's date only when all such
mentions agree on one day (two kidnappings on two days: which one is retold is not known) and,
when it names no place of its own, when they name no two places of their own (arrests in two
towns, one of them dated).

Durations, sets, PAST_REF-like values and anything coarser than a month (a year, a season, a
quarter) never date an event: "since 2011" or "for a decade" say how long, not when. A past year
that says when ("in 2012") or names the act ("the 2013 protests", the noun's modifier in the
parse) dates it to that year, precision 3, never to the publication date; a day of that year
the other rules found is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from ..events.identity import Identity
from ..model import Event, Report, TimeExpr
from .clauses import Syntax
from .recognise import sentence_bounds
from .undated import People, event_position as _position, same_story, story_day
from .values import first_day

__all__ = ["DateEvents", "event_time"]

_BACKWARD_SPAN = re.compile(r"(?i)^(?:the\s+)?(?:past|last|previous)\b")
_DURATION = re.compile(r"P(?:T?(\d+)([YMWDH]))$")
_DAYS_PER = {"Y": 365, "M": 30, "W": 7, "D": 1, "H": 1 / 24}
# The longest look-back ("in the past N days") that still dates an event: past a month the
# words describe a period, not the day something happened.
MAX_LOOKBACK_DAYS = 31


def _lookback(time: TimeExpr, published: date | None) -> tuple[date, int] | None:
    """ "the last 48 hours" -> (two days before publication, precision 2)."""
    if published is None or time.type != "DURATION" or not time.value:
        return None
    if not _BACKWARD_SPAN.match(time.text):
        return None
    match = _DURATION.match(time.value)
    if not match:
        return None
    letter = match.group(2)
    clock = time.value.startswith("PT")
    days = int(match.group(1)) * (_DAYS_PER["H"] if clock and letter == "H" else
                                  0 if clock else _DAYS_PER[letter])
    if not 0 < days <= MAX_LOOKBACK_DAYS:
        return None
    start = published - timedelta(days=max(1, round(days)))
    return start, 2 if days <= 7 else 3


def event_time(time: TimeExpr, published: date | None) -> tuple[date, int] | None:
    """The first day and ACLED precision a time expression gives an event it dates, or None."""
    if time.type in ("DATE", "TIME"):
        return _weeks_ago(time, published) or first_day(time.value)
    return _lookback(time, published)


_WEEKS_AGO = re.compile(r"(?i)\bweeks?\s+ago\b")


def _weeks_ago(time: TimeExpr, published: date | None) -> tuple[date, int] | None:
    """ "two weeks ago" -> (fourteen days before publication, precision 2). TimeML gives the
    calendar week it falls in (a Monday-to-Sunday value); "ago" counts a distance back from the
    report, so the day that distance names is the best day, and the week around it the
    precision ("last week" is a calendar week: its Monday)."""
    if published is None or not time.value or not _WEEKS_AGO.search(time.text):
        return None
    week = first_day(time.value)
    if week is None or week[1] != 2 or not re.fullmatch(r"\d{4}-W\d{2}", time.value):
        return None
    weeks = (published - timedelta(days=published.weekday()) - week[0]).days // 7
    return (published - timedelta(weeks=weeks), 2) if weeks > 0 else None


class DateEvents:
    """Sets ``event_date``, ``time_precision`` and ``date_text`` of every event (module docstring).

    ``use_paragraph``: let a time expression of an earlier sentence of the same paragraph date
    an event whose own sentence has none.
    """

    name = "date_events"

    def __init__(self, use_paragraph: bool = True) -> None:
        self.use_paragraph = bool(use_paragraph)

    def __call__(self, report: Report) -> Report:
        if not report.events:
            return report
        sentences = _raw_sentences(report)
        starts = [start for start, _ in sentences]
        paragraph_breaks = [report.to_raw(m.start(), m.end())[0]
                            for m in re.finditer(r"\n", report.text)]
        datable: list[tuple[int, TimeExpr, date, int]] = []
        years: list[tuple[int, TimeExpr]] = []
        for time in report.times:
            dated = event_time(time, report.published)
            if dated:
                datable.append((_index(starts, time.start), time, *dated))
            elif _past_year(time, report):
                years.append((_index(starts, time.start), time))
        syntax = Syntax(report)
        offsets = _offsets(report, starts)
        named = [time for time in report.times if _bare_past_year(time, report)]
        results = [self._date(event, report, starts, paragraph_breaks, datable, years, syntax,
                              offsets)
                   for event in report.events]
        dated = [(event, chosen) for event, chosen, _ in results]
        people = People(report, dated, syntax)
        story = story_day(report, datable)
        identity = Identity(report)
        report.events = [_named_by_year(
                         event if chosen is not None else
                         _in_year(event, years, starts, report.raw, syntax) or
                         people.retold(event) or
                         same_story(event, dated, report, said, story, identity), named,
                         syntax)
                         for event, chosen, said in results]
        return report

    def _date(self, event: Event, report: Report, starts: list[int], paragraph_breaks: list[int],
              datable: list[tuple[int, TimeExpr, date, int]],
              years: list[tuple[int, TimeExpr]],
              syntax: Syntax, offsets: list[tuple[int, TimeExpr, int, int, bool]] = ()
              ) -> tuple[Event, TimeExpr | None, tuple | None]:
        """The event dated by its own words (with the time that dated it), or left for the
        fallbacks (time None) with the time its sentence says it was told on, if any."""
        position = _position(event)
        chosen, how, said = None, "", None
        if event.modality == "asserted" and report.published is not None:
            # what happened cannot be dated after the report that tells it ("the day before he
            # took the poison": "the day" is no later day)
            datable = [d for d in datable if d[2] <= report.published]
        if position is not None and datable:
            sentence = _index(starts, position)
            in_sentence = [d for d in datable if d[0] == sentence
                           and not syntax.verb_between(event, d[1])]
            own = [d for d in in_sentence if not syntax.other_clause(event, d[1])
                   and not syntax.in_bounding_clause(event, d[1])
                   and not syntax.in_relative_aside(event, d[1])
                   and not syntax.told_apart(event, d[1])
                   and not syntax.of_another_happening(event, d[1])]
            # a noun's date under a verb of saying ("after he wrote a Friday article") is the
            # noun's, not when anything was told
            said = next((d for d in in_sentence if d not in own and syntax.said_when(d[1])
                         and not syntax.of_another_happening(event, d[1])), None)
            # a time the parse hangs on the trigger itself is its own, before a nearer one hung
            # on another verb (a conjoined clause telling another act on another day)
            direct = [d for d in own if syntax.hangs_on(event, d[1])]
            nearest = min(direct or own, key=lambda d: _distance(d[1], position, report.raw)) \
                if own else None
            # a past year nearer the trigger says when, the sentence's day (or the paragraph's)
            # is of something else: "A day earlier, Blinken criticised the acquittal of those
            # involved in the murder of Pearl in 2002" (history: left to _in_year)
            reach = YEAR_REACH + 1 if nearest is None else \
                min(_distance(nearest[1], position, report.raw), YEAR_REACH + 1)
            if any(index == sentence and (_distance(time, position, report.raw) < reach or
                                          syntax.belongs_to(event, time))
                   for index, time in years):
                return event, None, None
            if nearest is not None:
                chosen, how = nearest, "its sentence"
            elif self.use_paragraph:
                paragraph_start = paragraph_breaks[bisect_right(paragraph_breaks, position) - 1] \
                    if paragraph_breaks and paragraph_breaks[0] < position else -1
                # a span of days (precision 2: "last week", "the weekend") dates only its own
                # sentence: on HRDsAttack's 120 tuning articles none of the 4 annotated mentions
                # it dated in a later sentence was right (the annotators gave each a day, never
                # the span's first)
                before = [d for d in datable if d[0] < sentence and d[1].start > paragraph_start
                          and d[3] != 2
                          and not _PERIOD_BOUND.search(report.raw, max(0, d[1].start - 16),
                                                       d[1].start)]
                if before:
                    chosen = max(before, key=lambda d: d[1].start)
                    how = "its paragraph (an earlier sentence)"
                elif _in_headline(report, position):
                    # a headline tells the story its lead sentence dates
                    lead = [d for d in datable if d[0] == sentence + 1]
                    if lead:
                        chosen = min(lead, key=lambda d: d[1].start)
                        how = "the lead sentence under its headline"
        if chosen is None:
            return event, None, said
        _, time, first, precision = chosen
        reason = (f"dated by {time.text!r} ({time.value}) in {how}: "
                  f"first day {first.isoformat()}, ACLED precision {precision}")
        offset = _offset_between(offsets, time, position, starts) if how == "its sentence" \
            else None
        if offset is not None:
            days, words, weeks = offset
            shifted = first + timedelta(days=days)
            if event.modality != "asserted" or report.published is None or \
                    shifted <= report.published:
                # "124 days after" still names a day; "two weeks before" only about a week
                first, precision = shifted, max(precision, 2 if weeks else 1)
                reason += (f"; {words!r} stands between it and the trigger: "
                           f"{first.isoformat()}, precision {precision}")
        return replace(event, event_date=first.isoformat(), time_precision=precision,
                       date_text=time.text, date_source="words", reasons=(*event.reasons, reason)), time, None


# "since April", "until November": a time that bounds a period, not the day of an act; what a
# later sentence of its paragraph tells happened within the period, on no day it names
_PERIOD_BOUND = re.compile(r"(?i)\b(?:since|until|till|through)\s+(?:early\s+|late\s+|mid-?)?$")

# "since 2011", "until 2019", "by 2020": a year that bounds a period does not date an event in it
_BOUND_BEFORE = re.compile(r"(?i)\b(?:since|until|till|by|before|after|from|through|between|"
                           r"and|to)\s+(?:early\s+|late\s+|mid-?)?$")


# "in 2012", "during 2019": a year that says when; "the 2016 peace deal" names a thing by its year
_WHEN_BEFORE = re.compile(r"(?i)\b(?:in|during)\s+(?:early\s+|late\s+|mid-?)?$")


def _past_year(time: TimeExpr, report: Report) -> bool:
    """A bare year before the publication year that says when ("in 2012"), not the bound of a
    period ("since 2011") nor a modifier of a noun ("the 2016 peace deal")."""
    if time.type != "DATE" or not time.value or not re.fullmatch(r"\d{4}", time.value):
        return False
    if report.published is None or int(time.value) >= report.published.year:
        return False
    before = report.raw[max(0, time.start - 16):time.start]
    return bool(_WHEN_BEFORE.search(before)) and not _BOUND_BEFORE.search(before)


# How far (characters, a clause boundary counting 40 more: see _distance) a year may stand from
# the trigger and still say when it happened: "In 2012 soldiers attacked", "was arrested in
# 2013"; not "His arrest comes amid a crackdown on the city since its return to China in 1997".
YEAR_REACH = 40


def _in_year(event: Event, years: list[tuple[int, TimeExpr]], starts: list[int],
             raw: str, syntax: Syntax) -> Event | None:
    """An event whose own sentence names only a past year ("In 2012 soldiers attacked ...") is
    history: dated to that year, never to the publication year; ACLED's coarsest precision (3)
    is the closest there is, and the reason says only the year is known. The year is the
    event's when it stands near the trigger, or when the parse hangs it on the event's own
    predicate however far off ("In 2014, gunmen abducted ...": the comma puts it past the
    reach)."""
    position = _position(event)
    if position is None:
        return None
    sentence = _index(starts, position)
    own = [time for index, time in years if index == sentence
           and (_distance(time, position, raw) <= YEAR_REACH or syntax.belongs_to(event, time))]
    if not own:
        return None
    time = min(own, key=lambda t: _distance(t, position, raw))
    return replace(event, event_date=f"{time.value}-01-01", time_precision=3, date_text=time.text,
                   date_source="words",
                   reasons=(*event.reasons, f"dated by the year {time.text!r} in its sentence: "
                            f"only the year is known, stored as its first day, precision 3"))


def _bare_past_year(time: TimeExpr, report: Report) -> bool:
    return time.type == "DATE" and bool(time.value) and bool(re.fullmatch(r"\d{4}", time.value)) \
        and report.published is not None and int(time.value) < report.published.year


def _named_by_year(event: Event, named: list[TimeExpr], syntax: Syntax) -> Event:
    """``event`` as dated, unless it is an act named by a past year ("the 2013 anti-government
    protests", "convicted of financing the 2013 protests", "the 2016 peace deal") and dated to
    no day of that year: the year is the act's own, a day of another year in its sentence or
    paragraph is the telling's or another act's, the publication date no day of it at all;
    dated like history told by its year (``_in_year``)."""
    for time in named:
        if syntax.names_year_of(event, time):
            if (event.event_date or "").startswith(time.value):
                return event   # a day of that year ("on March 3", a retelling's day) is finer
            return replace(event, event_date=f"{time.value}-01-01", time_precision=3,
                           date_text=time.text, date_source="words",
                           reasons=(*event.reasons, f"named by the year {time.text!r}: only the "
                                    f"year is known, stored as its first day, precision 3"))
    return event


def _in_headline(report: Report, position: int) -> bool:
    """Whether raw ``position`` is on the report's first line and that line is a headline
    (no sentence-final punctuation, as titles are written)."""
    first_break = report.text.find("\n")
    if first_break <= 0:
        return False
    line_end = report.to_raw(0, first_break)[1]
    headline = report.text[:first_break].rstrip()
    return position < line_end and not headline.endswith((".", "!", "?", '"', "”"))


# "a day after", "two weeks before": a distance in time from another happening the sentence
# tells (the recogniser reads "a day" as a duration)
_OFFSET_AFTER = re.compile(r"\s+(after|before)\b", re.IGNORECASE)


def _offsets(report: Report, starts: list[int]) -> list[tuple[int, TimeExpr, int, int, bool]]:
    """The durations of days or weeks told as a distance from another happening ("a day
    after", "two weeks before"): (sentence, time, days, +1 for "after" / -1 for "before",
    whether told in weeks)."""
    found = []
    for time in report.times:
        if time.type != "DURATION" or not time.value or time.value.startswith("PT"):
            continue
        amount = _DURATION.match(time.value)
        side = _OFFSET_AFTER.match(report.raw, time.end)
        if amount and side and amount.group(2) in "DW":
            days = int(amount.group(1)) * _DAYS_PER[amount.group(2)]
            found.append((_index(starts, time.start), time, days,
                          1 if side.group(1).lower() == "after" else -1,
                          amount.group(2) == "W"))
    return found


def _offset_between(offsets: list[tuple[int, TimeExpr, int, int, bool]], time: TimeExpr,
                    position: int | None, starts: list[int]) -> tuple[int, str, bool] | None:
    """The days to add to the day ``time`` names for the event at ``position`` when a distance
    in time stands between the two in their sentence: "raided the office on Sunday, a day
    after another journalist was detained" puts the detention a day before Sunday; "was
    killed two days after gunmen abducted him on Monday" the killing two days after Monday.
    With the words that say it and whether they count weeks; None when there is none."""
    if position is None:
        return None
    sentence = _index(starts, position)
    for index, distance, days, side, weeks in offsets:
        if index != sentence:
            continue
        if time.end <= distance.start and distance.end <= position:
            # the time is the other happening's, told first: the event is the one after "after"
            return -side * days, f"{distance.text} {'after' if side > 0 else 'before'}", weeks
        if position < distance.start and distance.end <= time.start:
            # the event is told first: the time is in the clause after "after"
            return side * days, f"{distance.text} {'after' if side > 0 else 'before'}", weeks
    return None


def _distance(time: TimeExpr, position: int, raw: str) -> int:
    """Characters between trigger and expression, a clause boundary counting as 40 more: "After
    talks on Monday, rebels attacked the town on Wednesday" dates the attack by Wednesday."""
    if time.start <= position < time.end:
        return 0
    low, high = (position, time.start) if time.start > position else (time.end, position)
    between = raw[low:high]
    return high - low + 40 * (between.count(",") + between.count(";") + between.count(":"))


def _index(starts: list[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)


def _raw_sentences(report: Report) -> list[tuple[int, int]]:
    if report.sentences:
        return [(s.start, s.end) for s in report.sentences]
    return [report.to_raw(cstart, cend) for cstart, cend in sentence_bounds(report.text)]
