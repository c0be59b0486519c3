"""What comparing one stored event needs: a :class:`Mention` and how an event is reduced to
one (:func:`mention_of`). ``cross_report.compare`` compares two mentions; the store keeps them
(``merge_mentions``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..events.merge import _date_range
from ..model import Event
from .kinds import _DAILY_FAMILIES, _SITE_FAMILIES, family_of, judicial, killing, named_actors
from .names import (SITE_MARK, event_sites, given_names, killed_names, person_names,
                    victim_counts)

__all__ = ["Mention", "mention_of", "OPEN_START", "MONTH_DAYS", "RECENT_DAYS"]

# Own dates of one month at most (a day, a week, a month): the dates the same town joins on
# (see cross_report.MONTH_WEIGHT).
MONTH_DAYS = 31
# A date that fell back to the publication date is the window of this many days up to
# publication (the news of the weeks before it; see cross_report.RECENT_WEIGHT).
RECENT_DAYS = 31
# Stores written before the window kept an undated mention as "on or before publication"
# from this day; such mentions are read back as windows (:meth:`Mention.from_dict`).
OPEN_START = date(1900, 1, 1)

_MODALITY_CLASS = {"asserted": "asserted", "uncertain": "asserted"}

@dataclass(frozen=True, slots=True)
class Mention:
    """What comparing one stored event needs (``group``: its report group)."""

    event_id: str
    group: str
    family: str | None
    sub_type: str | None
    modality: str
    iso3: str | None
    first_day: date | None
    last_day: date | None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    names: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    spellings: tuple[str, ...] = ()  # the surnames as the report wrote them (``names``: keys)
    undated: bool = False  # the days are the publication window, not the report's own date
    admin1: str | None = None  # the first-level region of the place (a state, a province)
    fatal: bool = False  # a killing (see :func:`killing`)
    retold: bool = False  # the act as what a court tried (see :func:`judicial`)
    # the report's focus place when the event's own words name none: (iso3, admin1, lat, lon,
    # geo precision); weak evidence only (see FOCUS_WEIGHT)
    focus: tuple | None = None
    counts: frozenset[tuple[str, int]] = frozenset()  # people harmed (see COUNT_WEIGHT)
    place_name: str | None = None  # the gazetteer's name of the place (see _region_named)
    sites: frozenset[str] = frozenset()  # the institutions struck, with their towns (SITE_WEIGHT)
    # where the mention was told (see :func:`cluster`'s order): its report's publication date
    # (ISO), the input's document id (else the report's id) and where its evidence starts
    published: str | None = None
    document: str | None = None
    offset: int = 0
    # the days are the window up to the day a sentence says the event was told on ("police said
    # on Saturday": ``sitrep.events.merge._date_range``), not a date of the event's own
    told_on: bool = False
    # (surname key, given name key) of the names the evidence gives with a given name: one
    # surname key may be several people ("Alaa Abd El-Fattah", "Esraa Abdel Fattah"), see
    # cross_report's _same_people
    given: frozenset[tuple[str, str]] = frozenset()
    # of a killing, the surname keys its evidence names as the person killed, not the killer's
    # (:func:`~sitrep.merge.names.killed_names`); None: unknown, any name may be (stores written
    # before roles were read, an event with no trigger in its evidence)
    killed: frozenset[str] | None = None

    @property
    def victims(self) -> frozenset[str]:
        """The names that may be the person killed (see ``killed``)."""
        return self.names if self.killed is None else self.killed & self.names

    def to_dict(self) -> dict:
        return {"event_id": self.event_id, "group": self.group, "family": self.family,
                "sub_type": self.sub_type, "modality": self.modality, "iso3": self.iso3,
                "first_day": self.first_day.isoformat() if self.first_day else None,
                "last_day": self.last_day.isoformat() if self.last_day else None,
                "lat": self.lat, "lon": self.lon, "geo_precision": self.geo_precision,
                "names": sorted(self.names), "actors": sorted(self.actors),
                "spellings": list(self.spellings), "undated": self.undated,
                "admin1": self.admin1, "fatal": self.fatal, "retold": self.retold,
                "focus": list(self.focus) if self.focus else None,
                "counts": sorted(list(count) for count in self.counts),
                "place_name": self.place_name, "sites": sorted(self.sites),
                "published": self.published, "document": self.document, "offset": self.offset,
                "told_on": self.told_on, "given": sorted(list(pair) for pair in self.given),
                "killed": None if self.killed is None else sorted(self.killed)}

    @classmethod
    def from_dict(cls, data: dict) -> Mention:
        days = {key: date.fromisoformat(data[key]) if data.get(key) else None
                for key in ("first_day", "last_day")}
        undated = bool(data.get("undated"))
        if days["first_day"] == OPEN_START:  # written before the publication window
            undated = True
            days["first_day"] = days["last_day"] - timedelta(days=RECENT_DAYS)
        return cls(data["event_id"], data["group"], data.get("family"), data.get("sub_type"),
                   data["modality"], data.get("iso3"), days["first_day"], days["last_day"],
                   data.get("lat"), data.get("lon"), data.get("geo_precision"),
                   frozenset(data.get("names") or ()), frozenset(data.get("actors") or ()),
                   tuple(data.get("spellings") or ()), undated, data.get("admin1"),
                   bool(data.get("fatal")), bool(data.get("retold")),
                   tuple(data["focus"]) if data.get("focus") else None,
                   frozenset(tuple(count) for count in data.get("counts") or ()),
                   data.get("place_name"), frozenset(data.get("sites") or ()),
                   data.get("published"), data.get("document"), data.get("offset") or 0,
                   bool(data.get("told_on")),
                   frozenset(tuple(pair) for pair in data.get("given") or ()),
                   None if data.get("killed") is None else frozenset(data["killed"]))

    @property
    def exact_day(self) -> bool:
        return self.first_day is not None and self.first_day == self.last_day

    @property
    def within_month(self) -> bool:
        """Dated by the report itself to a day, a week or a month (not a year, not undated)."""
        return (self.first_day is not None and not self.undated
                and (self.last_day - self.first_day).days <= MONTH_DAYS)

    @property
    def month_route(self) -> bool:
        """Whether the same town within one month may join it (see MONTH_WEIGHT)."""
        return self.within_month and self.family not in _DAILY_FAMILIES

    @property
    def window(self) -> bool:
        """Whether the days are a window up to publication or to the day the event was told
        on, not a date of the event's own."""
        return self.undated or self.told_on

    @property
    def regional(self) -> bool:
        """Placed at least to a first-level region (a state, a province) of a country."""
        return bool(self.iso3 and self.admin1)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None and (self.geo_precision or 3) <= 2



# The words before an event's date that make it the first day of a period the event spans
# ("since the Feb. 1 coup", "arrested since the military seized power in a February 1 coup"):
# "since" and what it governs, within the clause.
_SINCE = re.compile(r"\bsince\b[^.;:!?()]{0,60}$", re.IGNORECASE)
# An act coordinated with the period's verb after the date ("has detained more than 2,900 people
# since the Feb. 1 coup and killed more than 400"): between the date and the trigger at most
# the date's own noun ("coup") and "and", with an auxiliary or an adverb; not a clause of the
# date's own ("since February 1, when the army seized power and killed ...": the killing of
# that day), nor a noun ("since the coup and the killing of ...").
_COORDINATED = re.compile(r"\s*(?:[\w.'’-]+\s+){0,2}and\s+(?:(?:has|have|had|also)\s+){0,2}",
                          re.IGNORECASE)


def since_date(event: Event) -> bool:
    """Whether the event's date is told as where a period begins ("since the Feb. 1 coup"):
    the date's words in the evidence, after "since" in their clause, and the event's trigger
    before that "since" (not "not seen since her detention on February 1", which dates the
    detention, nor "... on February 1 when the military seized power"), or a verb coordinated
    with the period's right after the date ("... since the Feb. 1 coup and killed more than
    400", see _COORDINATED)."""
    if not event.date_text or event.trigger is None:
        return False
    for span in event.evidence:
        text = span.text or ""
        at = text.find(event.date_text)
        if at >= 0:
            since = _SINCE.search(text[:at])
            if since is None:
                return False
            trigger = event.trigger.start - span.start
            if trigger < since.start():
                return True
            after = at + len(event.date_text)
            return (since.start() > 0 and after <= trigger <= len(text)
                    and _COORDINATED.fullmatch(text, after, trigger) is not None)
    return False


def mention_of(event_id: str, group: str, event: Event, runs: list[tuple] = (),
               published: str | None = None, document: str | None = None) -> Mention:
    """``runs``: the names and counts of the event's report (:func:`mention_runs`);
    ``published`` (ISO date) and ``document`` (the input's id of the report): where it was told.

    Only what the report says of the event itself is compared: a place that is the report's
    focus (not named with the event) or a day and place of a back reference ("after the
    arrest of ...", told in a sentence about something else) are left out; a date that fell
    back to the publication date is the window of the weeks before it (:data:`RECENT_DAYS`),
    marked ``undated``: weak evidence; a day the sentence says the event was told on ("said on
    Saturday it had executed ...") is such a window up to that day, marked ``told_on``."""
    days = None if event.back_reference else _date_range(event)
    undated = bool(days) and (event.time_precision or 1) == 3 and event.date_text is None
    told_on = bool(days) and (event.time_precision or 1) == 2 and event.date_text is None
    if undated:
        days = (days[1] - timedelta(days=RECENT_DAYS), days[1])
    elif days and published and since_date(event):
        # "detained more than 2,900 people since the Feb. 1 coup": the acts of a period that
        # begins on the day, up to the report, not an act of that day
        days = (days[0], max(days[1], date.fromisoformat(published[:10])))
    names, spellings = person_names(runs, event)
    fatal = killing(event)
    place = event.location
    if place is not None and any(start <= place.start and place.end <= end
                                 for start, end, key, *_ in runs if key != SITE_MARK):
        # a person's first name that the gazetteer took for a place ("Hopewell"), or a place
        # that opens a medium's name ("Wall Street Journal", see names.media_places)
        place = None
    focus = None
    if event.back_reference or event.location_source == "report focus":
        if not event.back_reference and place is not None and place.iso3:
            focus = (place.iso3, place.admin1, place.lat, place.lon, place.geo_precision)
        place = None
    return Mention(
        event_id=event_id, group=group, family=family_of(event), sub_type=event.sub_event_type
        or event.plover_type, modality=_MODALITY_CLASS.get(event.modality, event.modality),
        iso3=place.iso3 if place else None,
        first_day=days[0] if days else None, last_day=days[1] if days else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        geo_precision=place.geo_precision if place else None,
        names=names, actors=named_actors(event), spellings=spellings, undated=undated,
        admin1=place.admin1 if place else None, fatal=fatal, retold=judicial(event),
        focus=focus, counts=victim_counts(runs, event),
        place_name=place.name if place else None,
        sites=event_sites(runs, event) if family_of(event) in _SITE_FAMILIES else frozenset(),
        published=published, document=document,
        offset=min((span.start for span in event.evidence), default=0), told_on=told_on,
        given=given_names(runs, event), killed=killed_names(runs, event) if fatal else None)
