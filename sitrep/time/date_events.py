"""The ``date_events`` stage: each event's date and ACLED time precision, as a coder would set them.

An event is dated by the time expression of its own sentence (the one nearest its trigger when
there are several), else by the one its paragraph set in an earlier sentence, else (for a
headline) by its lead sentence, else like another mention of the same kind of event by the same
actor that has time words, else by the publication date with precision 3 and the reason recorded in ``event.reasons``.

ACLED conventions used (codebook "time precision"):

* ``event_date`` is the first day of the range the words name: "over the weekend" in a report
  published Tuesday 2016-12-13 is Saturday 2016-12-10; "last week" its Monday; "earlier this
  month" the 1st.
* ``time_precision`` is 1 for a day ("on Monday", "Dec. 12"), 2 for a week, a weekend or a range
  of days ("in the last 48 hours"), 3 for a month or more.
* An event with no time words of its own, in its sentence or paragraph, is dated to the
  publication date with precision 3 ("within the month of publication"): the report says it
  happened, not when, and the publication date is the latest day it can have happened on.
  (The seed's E3, "helping regime troops capture Aleppo city", comes out as 2016-12-13, 3.)

Durations, sets, PAST_REF-like values and anything coarser than a month (a year, a season, a
quarter) never date an event: "since 2011" or "for a decade" say how long, not when.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, timedelta

from ..model import Event, Report, TimeExpr
from .recognise import sentence_bounds
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
        return first_day(time.value)
    return _lookback(time, published)


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
        syntax = _Syntax(report)
        dated = [self._date(event, report, starts, paragraph_breaks, datable, years, syntax)
                 for event in report.events]
        report.events = [event if chosen is not None else
                         _in_year(event, years, starts, report.raw) or _same_story(event, dated, report)
                         for event, chosen in dated]
        return report

    def _date(self, event: Event, report: Report, starts: list[int], paragraph_breaks: list[int],
              datable: list[tuple[int, TimeExpr, date, int]],
              years: list[tuple[int, TimeExpr]],
              syntax: _Syntax) -> tuple[Event, TimeExpr | None]:
        position = _position(event)
        chosen, how = None, ""
        if event.modality == "asserted" and report.published is not None:
            # what happened cannot be dated after the report that tells it ("the day before he
            # took the poison": "the day" is no later day)
            datable = [d for d in datable if d[2] <= report.published]
        if position is not None and datable:
            sentence = _index(starts, position)
            own = [d for d in datable if d[0] == sentence
                   and not syntax.verb_between(event, d[1])]
            nearest = min(own, key=lambda d: _distance(d[1], position, report.raw)) \
                if own else None
            # a past year nearer the trigger says when, the sentence's day (or the paragraph's)
            # is of something else: "A day earlier, Blinken criticised the acquittal of those
            # involved in the murder of Pearl in 2002" (history: left to _in_year)
            reach = YEAR_REACH + 1 if nearest is None else \
                min(_distance(nearest[1], position, report.raw), YEAR_REACH + 1)
            if any(index == sentence and _distance(time, position, report.raw) < reach
                   for index, time in years):
                return event, None
            if nearest is not None:
                chosen, how = nearest, "its sentence"
            elif self.use_paragraph:
                paragraph_start = paragraph_breaks[bisect_right(paragraph_breaks, position) - 1] \
                    if paragraph_breaks and paragraph_breaks[0] < position else -1
                before = [d for d in datable if d[0] < sentence and d[1].start > paragraph_start]
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
            return event, None
        _, time, first, precision = chosen
        reason = (f"dated by {time.text!r} ({time.value}) in {how}: "
                  f"first day {first.isoformat()}, ACLED precision {precision}")
        return replace(event, event_date=first.isoformat(), time_precision=precision,
                       date_text=time.text, reasons=(*event.reasons, reason)), time


class _Syntax:
    """The report's tokens, to see which predicate a time expression belongs to."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.starts = [token.cstart for token in report.tokens]

    def _clean(self, raw_position: int) -> int:
        offsets = self.report.offsets
        return bisect_left(offsets, raw_position) if len(offsets) else raw_position

    def verb_between(self, event: Event, time: TimeExpr) -> bool:
        """Whether the trigger is a noun that is the object of another verb which the time
        expression, standing before both, belongs to: in "Bachelet on Thursday criticised the
        detention of Jimmy Lai", Thursday is when she criticised, not when he was detained.
        "the arrest of X on Thursday", "Thursday's arrest" and "police on Monday carried out the
        arrest" (a light verb: the noun is the act itself) keep their date."""
        tokens = self.report.tokens
        if event.trigger is None or not tokens or time.end > event.trigger.start:
            return False
        at = bisect_right(self.starts, self._clean(event.trigger.start)) - 1
        if at < 0 or tokens[at].pos != "NOUN":
            return False
        # up from the noun through the nouns it depends on ("appeals against the acquittal of
        # Sheikh in the kidnapping") to the verb that governs them
        trigger, steps = tokens[at], 0
        while tokens[at].pos in ("NOUN", "PROPN") and tokens[at].dep in _NOMINAL_LINKS and \
                0 <= tokens[at].head < len(tokens) and tokens[at].head != at and steps < 4:
            at, steps = tokens[at].head, steps + 1
        verb = tokens[at]
        return steps > 0 and verb.pos == "VERB" and verb.lemma.lower() not in _LIGHT_VERBS and \
            self._clean(time.end) <= verb.cstart < trigger.cstart


# how an event noun hangs from the verb whose time it is not: its object, or a noun phrase in
# it ("criticised the detention", "dismissed appeals against the acquittal in the kidnapping")
_NOMINAL_LINKS = {"obj", "nmod", "obl"}


# verbs whose object noun names their own act ("carried out arrests", "staged a protest")
_LIGHT_VERBS = {"make", "carry", "conduct", "stage", "launch", "hold", "mount", "perform",
                "commit", "execute", "undertake", "begin", "start", "continue", "resume"}


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
             raw: str) -> Event | None:
    """An event whose own sentence names only a past year ("In 2012 soldiers attacked ...") is
    history: dated to that year, never to the publication year; ACLED's coarsest precision (3)
    is the closest there is, and the reason says only the year is known."""
    position = _position(event)
    if position is None:
        return None
    sentence = _index(starts, position)
    own = [time for index, time in years if index == sentence
           and _distance(time, position, raw) <= YEAR_REACH]
    if not own:
        return None
    time = min(own, key=lambda t: _distance(t, position, raw))
    return replace(event, event_date=f"{time.value}-01-01", time_precision=3, date_text=time.text,
                   reasons=(*event.reasons, f"dated by the year {time.text!r} in its sentence: "
                            f"only the year is known, stored as its first day, precision 3"))


def _story_key(event: Event) -> tuple:
    return (event.sub_event_type or event.plover_type,
            event.actor1.name if event.actor1 and event.actor1.name else None)


def _same_place(event: Event, other: Event) -> bool:
    here = event.location.geonameid if event.location else None
    there = other.location.geonameid if other.location else None
    return here is None or there is None or here == there


def _same_story(event: Event, dated: list[tuple[Event, TimeExpr | None]],
                report: Report) -> Event:
    """Date an event without time words of its own: like another mention of the same kind, by the
    same actor, with the same modality, at the same place, that has them (a report retelling its story: "the seizure ... over the weekend",
    later "the booty captured"), else by the publication date at precision 3."""
    kind, actor = _story_key(event)
    for other, time in dated:
        if time is None or other is event or kind is None:
            continue
        other_kind, other_actor = _story_key(other)
        if other_kind == kind and other.modality == event.modality and \
                _same_place(event, other) and \
                (actor is None or other_actor is None or actor == other_actor):
            return replace(event, event_date=other.event_date,
                           time_precision=other.time_precision, date_text=other.date_text,
                           reasons=(*event.reasons, f"no time words of its own: dated like the "
                                    f"{kind} mention dated by {time.text!r}"))
    if report.published is None:
        return replace(event, event_date=None, time_precision=None, date_text=None,
                       reasons=(*event.reasons, "no time words and no publication date: "
                                                "left undated"))
    return replace(event, event_date=report.published.isoformat(), time_precision=3,
                   date_text=None,
                   reasons=(*event.reasons, "no time words in its sentence or paragraph: "
                                            "publication date, precision lowered to 3"))


def _in_headline(report: Report, position: int) -> bool:
    """Whether raw ``position`` is on the report's first line and that line is a headline
    (no sentence-final punctuation, as titles are written)."""
    first_break = report.text.find("\n")
    if first_break <= 0:
        return False
    line_end = report.to_raw(0, first_break)[1]
    headline = report.text[:first_break].rstrip()
    return position < line_end and not headline.endswith((".", "!", "?", '"', "”"))


def _position(event: Event) -> int | None:
    if event.trigger is not None:
        return event.trigger.start
    if event.evidence:
        return event.evidence[0].start
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
