"""Which merged event a mention joins, of those nothing tells it apart from (``merge_events``).

A mention with no time words of its own carries a fallback date (the publication date, the
story's day, the day it was told: "some day up to then"), so it fits every mention of its kind
the report dates in the month before; joined to one, it takes that mention's day. Nothing
telling them apart is weak evidence that they are one incident, and what they share of the
people it happened to (:class:`~sitrep.events.identity.Identity`) decides:

* of several merged events a mention without time words of its own fits, it joins the one it
  shares most with (a person named in both with the same word for the act, the same count of
  people, the same named target, one clause); the first, most confident, when none shares
  more (a mention dated by words fits few, and joins the first, as before);
* a mention dated by a fallback does not join a merged event dated by words (nor the other way
  round) when nothing is shared and the people told differ: one counts a single person where
  the other counts a group ("Seventy workers were arrested and loaded onto two prisoner trucks"
  beside "one union leader ... was arrested while walking to the office" this week). It stays
  an event of its own, with its own fallback date and the reason.

Requiring something shared for every such join (the stricter reading) was measured and not
kept: news retells an incident with a pronoun or a new description far more often than with
the same name ("they were abducted ... December 24" after "Pastor Henry and his daughter"; "An
Australian woman has been arrested" before "Samba Widhyastuti, 59, ... was detained"), and on
the 120 tuning articles it split 15 such retellings (typed predictions 360 -> 375, over-counted
30 -> 39) to date one more event right; on the measuring articles it moved no date.

A back reference ("after the capture of Palmyra") is exempt: what it names is another
mention's happening by construction.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Event
from .identity import Identity, dated_by_words

__all__ = ["joined", "noted"]


def _dated_apart(event: Event, group: list[Event]) -> list[Event]:
    """The mentions of ``group`` dated the other way from ``event`` (by words / by a fallback),
    when joining would give one of them the other's date; else []."""
    if event.event_date is None or (event.actor1 is None and event.back_reference):
        return []
    if dated_by_words(event):
        if any(dated_by_words(member) for member in group):
            return []
        return [member for member in group if member.event_date is not None]
    return [member for member in group if dated_by_words(member)]


def joined(identity: Identity, event: Event, fitting: list[int],
           members: list[list[Event]]) -> tuple[int | None, str | None]:
    """The index (into ``members``) of the merged event ``event`` joins, of the ``fitting``
    ones, or None; with the reason to record when the choice rested on what they share or on
    the people they count."""
    if not fitting:
        return None, None
    if len(fitting) == 1:
        # alone: what they share matters only when their people are told apart (finding the
        # report's person names costs more than the rest of the stage)
        apart = _dated_apart(event, members[fitting[0]])
        conflict = next(filter(None, (identity.told_apart(event, member)
                                      for member in apart)), None)
        if conflict is None:
            return fitting[0], None
        score, what = _most_shared(identity, event, apart)
        if score == 0:
            return None, _kept_apart(apart[0], conflict)
        return fitting[0], f"joined on what its mentions share: {'; '.join(what)}"
    best, best_score, best_what, refused = None, -1, (), None
    for index in fitting:
        apart = _dated_apart(event, members[index])
        score, what = _most_shared(identity, event, apart or members[index])
        if apart and score == 0:
            conflict = next(filter(None, (identity.told_apart(event, member)
                                          for member in apart)), None)
            if conflict:
                refused = refused or (apart[0], conflict)
                continue
        if score > best_score:
            best, best_score, best_what = index, score, what
    if best is None:
        return None, _kept_apart(*refused)
    if best_score <= 0:
        return best, None
    return best, f"joined on what its mentions share: {'; '.join(best_what)}"


def _most_shared(identity: Identity, event: Event, others: list[Event]
                 ) -> tuple[int, tuple[str, ...]]:
    return max((identity.shared(event, other) for other in others), key=lambda found: found[0])


def _kept_apart(other: Event, conflict: str) -> str:
    return (f"kept apart from the {other.sub_event_type or other.plover_type} mention "
            f"{_trigger(other)!r}: one is dated by words, the other by a fallback, they name no "
            f"one in common, and they count other people ({conflict})")


def _trigger(event: Event) -> str:
    return event.trigger.text if event.trigger is not None else "?"


def noted(event: Event, why: str | None) -> Event:
    """``event`` with the reason ``why`` recorded, if there is one."""
    return replace(event, reasons=event.reasons + (why,)) if why else event
