"""The fields of one incident told by several reports, each with its reason.

    event = reconcile([Testimony(event_id, event, published, doc_id), ...], link_reasons)

- **Representative**: the most confident asserted mention (ties: the smallest id); its evidence
  and trigger stand for the incident (each source keeps its own, see ``sitrep show``).
- **Type**: the sub-event type most sources give (ties: the representative's).
- **Date**: the most precise date sources agree on: among the finest precision given, the date
  most sources give (ties: the earliest). Only dates a report tells count when any does: the
  publication-date fallback of a report that tells no day (or the day of a back reference)
  says when it was written, not when the incident happened.
- **Place**: the most precise place (lowest ACLED geo precision); among those, the one most
  sources name (ties: the representative's).
- **Fatalities**: as ACLED codes them, the lowest figure reported; a later report (by
  publication date) with a higher figure raises it, and the reason names that report.
- **Actors**: the actor1 (actor2) most sources name; the other, different ones become associated
  actors of the same side.

Disagreements stay visible: every source keeps its own values in the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..events.merge import date_fineness
from ..model import Actor, Event

__all__ = ["Testimony", "reconcile"]


@dataclass(frozen=True, slots=True)
class Testimony:
    """One member event of an incident, with the facts of the report that told it."""

    event_id: str
    event: Event
    published: str | None = None
    doc_id: str | None = None


def _most_common(values: Sequence, default):
    counts = Counter(values)
    if not counts:
        return default
    best = max(counts.values())
    tied = [value for value in values if counts[value] == best]
    return default if default in tied else tied[0]


def _actor_name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def _side(testimonies: Sequence[Testimony], main: str, assoc: str, lead: Actor | None):
    actors = [getattr(t.event, main) for t in testimonies if getattr(t.event, main)]
    for t in testimonies:
        actors += list(getattr(t.event, assoc))
    names = [_actor_name(getattr(t.event, main)) for t in testimonies
             if getattr(t.event, main)]
    chosen_name = _most_common(names, _actor_name(lead))
    chosen = next((a for a in actors if _actor_name(a) == chosen_name), None)
    others: dict[str, Actor] = {}
    for actor in actors:
        name = _actor_name(actor)
        if name != chosen_name and name not in others:
            others[name] = actor
    return chosen, tuple(others[name] for name in sorted(others))


def _untold_date(event: Event) -> bool:
    """Whether the event's date is not one its report tells: the publication-date fallback
    (precision 3 with no time words) or the day of a back reference ("after the arrest of")."""
    return event.back_reference or (
        (event.time_precision or 1) == 3 and event.date_text is None)


def reconcile(testimonies: Sequence[Testimony], link_reasons: Sequence[str] = ()) -> Event:
    """The merged event of an incident (``testimonies``: its members, in any order)."""
    ordered = sorted(testimonies, key=lambda t: t.event_id)
    lead = min(ordered, key=lambda t: (t.event.modality != "asserted", -t.event.confidence,
                                       t.event_id))
    event = lead.event
    reasons = [f"one incident told by {len(ordered)} reports: "
               + ", ".join(t.doc_id or t.event_id for t in ordered)]
    reasons += [f"joined: {reason}" for reason in link_reasons]

    kinds = [(t.event.event_type, t.event.sub_event_type, t.event.plover_type) for t in ordered]
    lead_kind = (event.event_type, event.sub_event_type, event.plover_type)
    event_type, sub_type, plover = _most_common(kinds, lead_kind)
    agreeing = Counter(kinds)[(event_type, sub_type, plover)]
    if agreeing < len(ordered):
        reasons.append(f"type {sub_type or plover}: given by {agreeing} of {len(ordered)} reports")
    changes: dict = {"event_type": event_type, "sub_event_type": sub_type,
                     "plover_type": plover,
                     "confidence": max(t.event.confidence for t in ordered)}

    dated = [t.event for t in ordered if t.event.event_date]
    dated = [e for e in dated if not _untold_date(e)] or dated
    if dated:
        # the finest: the lowest precision, then the fewest days ("October 2018" over "2018")
        finest = min(date_fineness(e) for e in dated)
        candidates = sorted(e.event_date for e in dated if date_fineness(e) == finest)
        day = _most_common(candidates, None)
        source = next(e for e in dated if e.event_date == day and date_fineness(e) == finest)
        changes.update(event_date=day, time_precision=source.time_precision,
                       date_text=source.date_text, date_source=source.date_source)
        if len(set(e.event_date for e in dated)) > 1:
            reasons.append(f"date {day}: the most precise (precision {finest[0]}) given by "
                           f"{candidates.count(day)} of {len(dated)} dated reports")

    located = [t.event.location for t in ordered if t.event.location]
    if located:
        finest = min(p.geo_precision or 3 for p in located)
        keys = [p.geonameid or p.name for p in located if (p.geo_precision or 3) == finest]
        lead_key = (event.location.geonameid or event.location.name) if event.location else None
        key = _most_common(keys, lead_key)
        place = next(p for p in located if (p.geonameid or p.name) == key
                     and (p.geo_precision or 3) == finest)
        changes["location"] = place
        if len({p.geonameid or p.name for p in located}) > 1:
            reasons.append(f"place {place.name or place.text}: the most precise (geo precision "
                           f"{finest}) named by {keys.count(key)} of {len(located)} reports")

    figures = [t for t in ordered if t.event.fatalities is not None]
    if figures:
        lowest = min(t.event.fatalities for t in figures)
        latest = max(figures, key=lambda t: (t.published or "", t.event_id))
        if latest.event.fatalities > lowest:
            changes["fatalities"] = latest.event.fatalities
            reasons.append(f"fatalities {latest.event.fatalities}: raised from {lowest} by the "
                           f"later report {latest.doc_id or latest.event_id}"
                           f" ({latest.published or 'undated'})")
        else:
            changes["fatalities"] = lowest
            if len({t.event.fatalities for t in figures}) > 1:
                reasons.append(f"fatalities {lowest}: the lowest reported (ACLED's rule)")

    changes["actor1"], changes["assoc_actor1"] = _side(ordered, "actor1", "assoc_actor1",
                                                       event.actor1)
    changes["actor2"], changes["assoc_actor2"] = _side(ordered, "actor2", "assoc_actor2",
                                                       event.actor2)
    changes["reasons"] = tuple(reasons) + tuple(event.reasons)
    return replace(event, **changes)
