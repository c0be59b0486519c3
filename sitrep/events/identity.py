"""What two mentions of one kind within a report share of the people it happened to.

A mention with no time words of its own ("Seventy workers were arrested and loaded onto two
prisoner trucks") is compatible with every mention of its kind the report dates: its date is a
fallback (the publication date, the story's day, the day it was told), a latest day, not a day
of its own. Whether it retells one of them, and which, is read from what they share, as a
reader ties a retelling to the first telling (:meth:`Identity.shared`):

* a person named in both (a surname of the report's person names, ``sitrep/merge/names.py``),
  told with the same word for the act ("arrested", "the arrest"): a journalist arrested on one
  day and arraigned on another is named in both, and both are ACLED Arrests;
* the same count of the same people harmed ("two Indians who were abducted recently", "The two
  Indians were kidnapped on December 9"): the same definite description;
* the same named target (actor2) that is no generic role of a country ("Civilians (Nigeria)",
  "Police Forces of Myanmar" name no one);
* one clause telling both (two triggers of one happening).

And from what tells their people apart (:meth:`Identity.told_apart`): one counts a single person
where the other counts a group harmed the same way.

:class:`Identity` reads these from the report; without one (events alone) only the actors and
the clause are known. Used by ``merge_events`` (which merged event a mention joins,
``sitrep/events/joining.py``) and by ``date_events``' fallbacks (whose date an undated mention
takes, ``sitrep/time/undated.py``).
"""

from __future__ import annotations

from ..merge.names import name_runs, person_names
from ..model import Actor, Event, Report
from .date_ranges import date_source

__all__ = ["Identity", "dated_by_words", "generic_actor"]

# Weights of what two mentions share: a person named in both, or the same count of the same
# people, identifies the victims; a named target alone less (a nationality, "India" for
# "Indians", is shared by the victims of several incidents of one report). Only their order
# matters: the dated mention sharing most with an undated one is the one it retells.
NAME_WEIGHT = 2
COUNT_WEIGHT = 2
TARGET_WEIGHT = 1
# "a journalist", "one union leader": one person is told with an indefinite description, shared
# by every incident with one victim; a count of two or more names a group ("the two Indians")
MIN_COUNT = 2


def dated_by_words(event: Event) -> bool:
    """Whether the event's date comes from time words (its own, or a retold mention's), not a
    fallback: the publication date, the story's day or the day the sentence says it was told
    carry no date text (``sitrep/time/undated.py``)."""
    return date_source(event) in ("words", "retold")


def generic_actor(actor: Actor) -> bool:
    """An actor coded as a generic role of a country (``ISO3:role``: civilians, protesters,
    police, the military, the government, unidentified armed men): it names no one."""
    return ":" in (actor.actor_id or "")


class Identity:
    """What two mentions of a report share that makes them one incident (module docstring)."""

    def __init__(self, report: Report | None = None) -> None:
        self.report = report
        self._runs: list[tuple] | None = None   # the report's person names, when first needed

    def names(self, event: Event) -> frozenset[str]:
        if self.report is None:
            return frozenset()
        if self._runs is None:
            self._runs = name_runs(self.report)
        return person_names(self._runs, event)[0]

    def counts(self, event: Event) -> frozenset[tuple]:
        """The counts of people harmed inside the event's evidence: (kind, value, item)."""
        if self.report is None:
            return frozenset()
        spans = [(s.start, s.end) for s in event.evidence]
        return frozenset((q.kind, q.value, q.item) for q in self.report.quantities
                         if q.value is not None and q.value >= MIN_COUNT and q.item
                         and q.kind in _HARMED
                         and any(s <= q.start and q.end <= e for s, e in spans))

    def _harm_counts(self, event: Event) -> dict[str, set[int]]:
        """Every count of people harmed in the event's evidence, one included: kind -> values."""
        found: dict[str, set[int]] = {}
        if self.report is None:
            return found
        spans = [(s.start, s.end) for s in event.evidence]
        for q in self.report.quantities:
            if q.value is not None and q.kind in _HARMED and \
                    any(s <= q.start and q.end <= e for s, e in spans):
                found.setdefault(q.kind, set()).add(q.value)
        return found

    def told_apart(self, first: Event, second: Event) -> str | None:
        """What tells the people of two mentions apart, if anything: one counts a single person
        harmed where the other counts a group harmed the same way ("Seventy workers were
        arrested", "one union leader ... was arrested while walking to the office"). Two figures
        for groups do not: a report gives one incident's toll as estimates ("around 100", "94
        students") and as parts of it ("more than 160 protesters", "around 20 ... near Taksim
        Square")."""
        mine, theirs = self._harm_counts(first), self._harm_counts(second)
        for kind in sorted(mine.keys() & theirs.keys()):
            for one, group in ((mine[kind], theirs[kind]), (theirs[kind], mine[kind])):
                if one == {1} and min(group) >= 2:
                    return f"one person {kind} against {'/'.join(map(str, sorted(group)))}"
        return None

    def shared(self, first: Event, second: Event) -> tuple[int, tuple[str, ...]]:
        """How much the two mentions share (0: nothing ties them) and what it is."""
        if len(first.evidence) == 1 and first.evidence == second.evidence:
            return NAME_WEIGHT, ("told by one clause",)
        what: list[str] = []
        score = 0
        # a person named in both is the same victim, not yet the same act: a journalist
        # arrested on one day and arraigned on another is named in both (both ACLED Arrests);
        # the same word for the act ("arrested", "the arrest": its first four letters, as
        # merge_events reads a mention named again) makes it one
        names = self.names(first) & self.names(second) if _same_word(first, second) \
            else frozenset()
        if names:
            score += NAME_WEIGHT * len(names)
            what.append("named " + ", ".join(sorted(names)))
        counts = self.counts(first) & self.counts(second)
        if counts:
            score += COUNT_WEIGHT * len(counts)
            what.extend(f"{value} {item} {kind}" for kind, value, item in sorted(counts))
        target, other = first.actor2, second.actor2
        if target is not None and other is not None and not generic_actor(target) and \
                (target.name or target.text.lower()) == (other.name or other.text.lower()):
            score += TARGET_WEIGHT
            what.append(f"target {target.name or target.text}")
        return score, tuple(what)


def _same_word(first: Event, second: Event) -> bool:
    return first.trigger is not None and second.trigger is not None and \
        first.trigger.text[:4].lower() == second.trigger.text[:4].lower()


# The counts of people something happened to (sitrep/language/quantities.py kinds)
_HARMED = frozenset({"killed", "injured", "abducted", "arrested", "displaced", "missing"})
