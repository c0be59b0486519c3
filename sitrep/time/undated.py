"""Dates for mentions without time words of their own (the fallbacks of ``date_events``).

A mention whose sentence and paragraph name no time it belongs to is dated, in this order:
like a mention of the same act naming the same person that has time words of its own
(:class:`People`); else like another mention of the same kind by the same actor at the same
place that has them (:func:`same_story`), when all such mentions agree on one day and do not
count other people (one person against a group), or, when they tell several days, like the one
that shares most with it (``sitrep/events/identity.py``: a person named with the same word for
the act, the same count of people, the same named target); else by the
day its sentence says it was told on, within that week; else (a mention of the body) by the day
of the story the report's lead paragraph names (:func:`story_day`); else by the publication
date. All but the first two carry no date text and precision 3 (the telling's day 2): merging
reads them as a latest day, not the event's own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..events.identity import Identity
from ..merge.cross_report import name_runs, person_names
from ..model import Event, Report, TimeExpr
from .clauses import Syntax

__all__ = ["People", "event_position", "same_story", "story_day"]


def event_position(event: Event) -> int | None:
    """Where the mention stands in the raw text: its trigger, else its first evidence span."""
    if event.trigger is not None:
        return event.trigger.start
    if event.evidence:
        return event.evidence[0].start
    return None


def _story_key(event: Event) -> tuple:
    return (event.sub_event_type or event.plover_type,
            event.actor1.name if event.actor1 and event.actor1.name else None)


def _own_place(event: Event) -> int | None:
    """The place the mention's own sentence names (its gazetteer id), if any."""
    if event.location is None or event.location_source != "sentence":
        return None
    return event.location.geonameid


def _own_places(event: Event, mentions: list[tuple[Event, TimeExpr | None]]) -> set[int]:
    """The places of their own that the report's mentions of the event's kind and modality name."""
    kind = _story_key(event)[0]
    return {place for other, _ in mentions
            if _story_key(other)[0] == kind and other.modality == event.modality
            for place in [_own_place(other)] if place is not None}


def _same_place(event: Event, other: Event) -> bool:
    here = event.location.geonameid if event.location else None
    there = other.location.geonameid if other.location else None
    return here is None or there is None or here == there


# How many days before publication the lead's day may be and still be the story's day: news
# tells the events of the past week ("on Sunday" in a Monday paper); an older day in the lead is
# a reference back, not the story's own.
STORY_DAYS = 7


def story_day(report: Report, datable: list[tuple[int, TimeExpr, date, int]]
               ) -> tuple[TimeExpr, date, int] | None:
    """The day the report's lead paragraph (its first paragraph under a headline) names first,
    when it is a day of the week before publication: the day of the story the report tells
    ("Three people were killed in a clash ... on Sunday", in a Monday paper), with where the lead
    ends."""
    if report.published is None:
        return None
    lead = _lead_paragraph(report)
    if lead is None:
        return None
    for _, time, first, precision in sorted(datable, key=lambda d: d[1].start):
        if time.start >= lead[1]:
            break
        if time.start >= lead[0] and precision == 1 and \
                report.published - timedelta(days=STORY_DAYS) <= first <= report.published:
            return time, first, lead[1]
    return None


def _lead_paragraph(report: Report) -> tuple[int, int] | None:
    """Raw bounds of the first paragraph of the body: the first line that ends as a sentence
    does, past a headline and the bullet points or kicker lines above the lead (no sentence-final
    punctuation), among the first LEAD_LINES lines that hold text."""
    at, seen = 0, 0
    for line in report.text.split("\n"):
        text = line.strip()
        if text:
            seen += 1
            if text.endswith((".", "!", "?", '"', "”")):
                return report.to_raw(at, at + len(line))
            if seen == LEAD_LINES:
                return None
        at += len(line) + 1
    return None


# How many lines of text may stand above the lead (headline, kicker, bullet points).
LEAD_LINES = 6


def same_story(event: Event, dated: list[tuple[Event, TimeExpr | None]],
                report: Report, said: tuple | None = None,
                story: tuple[TimeExpr, date, int] | None = None,
                identity: Identity | None = None) -> Event:
    """Date an event without time words of its own: like another mention of the same kind, by the
    same actor, with the same modality, at the same place, that has them (a report retelling
    its story: "the seizure ... over the weekend", later "the booty captured"; ``identity``: what
    they share or what tells their people apart, module docstring), else by the publication
    date at precision 3."""
    kind, actor = _story_key(event)
    alike = []
    for other, time in dated:
        if time is None or other is event or kind is None:
            continue
        other_kind, other_actor = _story_key(other)
        if said is not None and other.event_date > said[2].isoformat():
            continue   # told on that day, it cannot have happened after it
        if other_kind == kind and other.modality == event.modality and \
                _same_place(event, other) and \
                (actor is None or other_actor is None or actor == other_actor):
            alike.append((other, time))
    # mentions of that kind on different days are different incidents: which one this retells
    # is not known, and a guess would give it another incident's date; so are mentions of that
    # kind at different places of their own, dated or not ("leaders were under house arrest in
    # Mahoba from Monday", "in Mathura", "in Gorakhpur"): a mention naming no place of its own
    # may tell any of them
    candidates = bool(alike)
    if alike and not _own_place(event) and len(_own_places(event, dated)) > 1:
        alike = []
    shared: tuple[str, ...] = ()
    if alike and identity is not None:
        if len({other.event_date for other, _ in alike}) > 1:
            # several incidents of its kind on several days: the one whose mentions share most
            # with it (a person named, the same count of people, the same named target) is the
            # one it retells; none shares anything: which one is not known
            scored = [(identity.shared(event, other), other, time) for other, time in alike]
            best = max(score for (score, _), _, _ in scored)
            alike = [(other, time) for (score, _), other, time in scored
                     if score == best and score > 0]
            shared = next((what for (score, what), _, _ in scored if score == best), ())
        elif any(identity.told_apart(event, other) for other, _ in alike):
            # one incident of its kind dated, but its people are counted otherwise ("Seventy
            # workers were arrested", "one union leader ... was arrested this week")
            alike = []
    if alike and len({other.event_date for other, _ in alike}) == 1:
        other, time = alike[0]
        return replace(event, event_date=other.event_date,
                       time_precision=other.time_precision, date_text=other.date_text,
                       date_source="retold",
                       reasons=(*event.reasons, f"no time words of its own: dated like the "
                                f"{kind} mention dated by {time.text!r}" +
                                (f", sharing {'; '.join(shared)}" if shared else "")))
    if said is not None:
        # "..., his sister told Reuters on Friday": it happened by Friday; ACLED dates an event
        # known only from a dated report to that report, within its week (precision 2). The
        # day is the telling's, not the event's own words: no date text, so that merging takes
        # it as a latest day, as it takes the publication date ("said in a report last June
        # that ... killed X" is no June killing that sets it apart from X's killing of 2018)
        _, time, first, precision = said
        return replace(event, event_date=first.isoformat(), time_precision=max(2, precision),
                       date_text=None, date_source="told",
                       reasons=(*event.reasons, f"dated by {time.text!r} ({time.value}), when "
                                f"its sentence says it was told: by that day, precision "
                                f"{max(2, precision)}"))
    if report.published is None:
        return replace(event, event_date=None, time_precision=None, date_text=None,
                       date_source=None,
                       reasons=(*event.reasons, "no time words and no publication date: "
                                                "left undated"))
    position = event_position(event)
    if story is not None and not candidates and event.modality == "asserted" and \
            position is not None and position >= story[2]:
        # told in the body, without a day, of a report whose lead names the day of its story:
        # that day, as a coder reads the body of a report by its lead; still "no words of its
        # own" (precision 3, no date text), the latest day it can have happened on. A mention
        # in the lead itself whose sentence's day is another act's has no such story around it;
        # one that may retell any of several dated incidents of its kind is none of them
        time, first, _ = story
        return replace(event, event_date=first.isoformat(), time_precision=3, date_text=None,
                       date_source="story",
                       reasons=(*event.reasons, f"no time words in its sentence or paragraph: "
                                f"the day of the story, {time.text!r} ({first.isoformat()}) in "
                                f"the lead paragraph, precision 3"))
    return replace(event, event_date=report.published.isoformat(), time_precision=3,
                   date_text=None, date_source="publication",
                   reasons=(*event.reasons, "no time words in its sentence or paragraph: "
                                            "publication date, precision lowered to 3"))


class People:
    """A mention without time words of its own dated like the mentions of the same act that name
    the same person and are dated by their own words: "Even after he was kidnapped ..., Luis
    Osorto decided ...", then "After what is commonly known as an 'express kidnapping' last month
    ..." with "Osorto" in between. News names the victim of an attack or an arrest in every
    mention of it, while the actor (often "police" or unnamed men) and the place (the country in
    the lede, the town in the body) vary from one mention to the next, so :func:`same_story`,
    which needs the same actor and place, misses these retellings."""

    def __init__(self, report: Report, dated: list[tuple[Event, TimeExpr | None]],
                 syntax: Syntax) -> None:
        self.report = report
        self.syntax = syntax
        self.dated = [(event, time) for event, time in dated if time is not None]
        self.runs: list[tuple] | None = None     # the report's person names, when first needed

    def _alike(self, event: Event) -> list[tuple[Event, TimeExpr | None]]:
        """The dated mentions of the same act with the same modality: the same word for it
        ("kidnapped" and "kidnapping", "the arrest of Dr. Castro on Friday", a back reference
        typed by PLOVER only, and "the arrest of Dr. Castro"): the same ACLED type is not
        enough, a person's arrest and arraignment are both Arrests."""
        stem = self.syntax.stem(event)
        if stem is None:
            return []
        return [(other, time) for other, time in self.dated
                if other.modality == event.modality and self.syntax.stem(other) == stem]

    def _names(self, event: Event) -> frozenset[str]:
        if self.runs is None:
            self.runs = name_runs(self.report)
        return person_names(self.runs, event)[0]

    def retold(self, event: Event) -> Event | None:
        if not self.dated or not event.event_type:
            return None
        # the same act first, the people named second: finding the report's person names costs
        # more than the rest of the stage, and most undated mentions retell no dated act
        alike = self._alike(event)
        names = self._names(event) if alike else None
        if not names:
            return None
        alike = [(other, time) for other, time in alike if names & self._names(other)]
        if len({other.event_date for other, _ in alike}) > 1:
            # the same word coded as another kind of happening ("protested on Monday against the
            # arrest of X": a protest) dates that happening; the mentions of this kind, or the
            # same act told in a political frame only (PLOVER, no ACLED type), date this one
            alike = [(other, time) for other, time in alike
                     if other.event_type is None or other.sub_event_type == event.sub_event_type]
        # the same person arrested on two days: which arrest this one retells is not known
        if not alike or len({other.event_date for other, _ in alike}) != 1:
            return None
        other, time = alike[0]
        shared = ", ".join(sorted(names & self._names(other)))
        kind = other.sub_event_type or other.plover_type
        return replace(event, event_date=other.event_date, time_precision=other.time_precision,
                       date_text=other.date_text, date_source="retold",
                       reasons=(*event.reasons, f"no time words of its own: dated like the "
                                f"{kind} mention of the same person ({shared}) dated by "
                                f"{time.text!r}"))
