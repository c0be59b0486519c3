"""Kinds of act for cross-report merging: which events may tell one incident.

A family holds the sub-event types (and the PLOVER types or modes with no ACLED type) that tell one
kind of act (:func:`family_of`, :func:`compatible_families`); an act told as what a court tried
(:func:`judicial`), a killing (:func:`killing`) and the coded actors that identify someone
(:func:`named_actors`) are read off the event here. ``cross_report.compare`` uses them; see its
module docstring for how they weigh.
"""

from __future__ import annotations

import re

from ..model import Event

__all__ = ["family_of", "compatible_families", "judicial", "killing", "named_actors"]

# Families: what can be one incident. Reports of one incident code its kind differently (an
# arrest is Arrests in one report, a bare PLOVER COERCE-arrest in another; an assault is an
# Attack in one and an Armed clash in another), so a family holds the sub-event types (and the
# PLOVER types or modes with no ACLED type) that tell one kind of act. An abduction sits between
# two families: reports confuse it with an arrest ("taken by men in plain clothes") and ACLED
# files it, with attacks, under violence against civilians (a kidnapping that ends in a killing);
# so it is compatible with both, while an arrest and an attack are never one incident (a cluster
# holds no incompatible pair). Sentences (SANCTION), releases (CONCEDE) and accusations stay
# families of their own: the same person's arrest, sentence and release are three incidents.
_FAMILIES = {
    "Arrests": "detention", "Abduction/forced disappearance": "abduction",
    "Attack": "violence", "Sexual violence": "violence", "Armed clash": "violence",
    "Mob violence": "violence",
    "Peaceful protest": "protest", "Protest with intervention": "protest",
    "Excessive force against protesters": "protest", "Violent demonstration": "protest",
}
# PLOVER-only events (no ACLED sub-event type): COERCE is a family member only in its detention
# modes (a raid or a censorship order is not an arrest).
_PLOVER_FAMILIES = {"ASSAULT": "violence", "PROTEST": "protest"}
_COERCE_MODES = {"arrest": "detention", "detain": "detention", "abduct": "abduction"}
_COMPATIBLE = {"abduction": frozenset({"abduction", "detention", "violence"}),
               "detention": frozenset({"detention", "abduction", "protest"}),
               "violence": frozenset({"violence", "abduction"}),
               "protest": frozenset({"protest", "detention"})}
# ACLED codes the arrest of people at a demonstration as the demonstration (a protest with
# intervention): one report tells "police arrested the novelist X and the lawyer Y on Friday",
# another the protest on Friday where they were held, or the protest alone. But the people a
# protest names are also those it was for ("marched to demand X's release" the day after X's
# arrest), so an arrest and a protest are one incident only when they name the same person on
# the same exact day (not a day apart, as other exact days may be); otherwise they do not link,
# but neither are they set apart (another report of the protest may name nobody).
_AT_A_PROTEST = frozenset({"detention", "protest"})


def compatible_families(family: str | None) -> frozenset[str]:
    """The families whose mentions may tell the same incident as one of ``family``."""
    if family is None:
        return frozenset()
    return _COMPATIBLE.get(family, frozenset({family}))


# PLOVER's statements and meetings (appeals, calls, talks, endorsements, refusals, threats):
# many people make them about one person in one week ("Blinken urged Pakistan ...", "the
# parents asked the Supreme Court ..."), so a shared name does not make two of them one; the
# same exact day and place still do. Acts (arrests, assaults, sentences, releases, charges)
# keep the name route. Dev set (eval merge): appeals about Daniel Pearl by different speakers on
# different days were joined into one event.
_STATEMENTS = frozenset({"REQUEST", "CONSULT", "SUPPORT", "AGREE", "REJECT", "THREATEN"})

# Families whose mentions the same town within one month does not join (see
# cross_report.MONTH_WEIGHT): a capital sees arrests every day.
_DAILY_FAMILIES = frozenset({"detention"})
# Families whose acts strike people where they are: the site struck identifies them (see
# cross_report.SITE_WEIGHT).
_SITE_FAMILIES = frozenset({"abduction", "violence"})


def family_of(event: Event) -> str | None:
    if event.sub_event_type in _FAMILIES:
        return _FAMILIES[event.sub_event_type]
    if event.sub_event_type:
        return event.sub_event_type
    if event.plover_type == "COERCE" and event.plover_mode in _COERCE_MODES:
        return _COERCE_MODES[event.plover_mode]
    return _PLOVER_FAMILIES.get(event.plover_type, event.plover_type)



# A court's step ("convicted", "the acquittal", "dismissed appeals", "indicted", "on trial")
# earlier in the sentence, and the act's trigger a noun it governs ("... in the murder of",
# "for hostage-taking", "sentenced in the abduction and murder", "conspiracy to commit
# hostage-taking", "in the Pearl murder case"): the sentence is the court's
# news, and its day and place are the court's. Dev set (eval merge): the Supreme Court's
# acquittal of January 2021 in the Daniel Pearl case, whose reports were joined, as "murder"
# and "kidnapping" mentions dated that Thursday, to the 2002 killing and to each other.
_JUDICIAL = re.compile(r"\b(?:convict\w*|sentenc\w*|acquit\w*|indict\w*|appeal\w*|trial|"
                       r"tried|verdict|prosecut\w*|charged|guilty|arraign\w*)\b", re.IGNORECASE)
_GOVERNED = re.compile(r"\b(?:for|in|over|of|commit(?:ting)?)\s+(?:the\s+)?"
                       r"(?:[\w'’-]+\s+(?:(?:and|or)\s+)?){0,3}$", re.IGNORECASE)


# What is left of such a sentence once ``merge_events`` has cut the court's decision off the
# act's evidence ("was sentenced in 2002 | for the murder of ..."): the evidence opens, in lower
# case, mid-sentence, on the preposition that governs the act (a sentence or clause of its own
# opens otherwise: "In the attack, ...").
_JUDGED_REST = re.compile(r"(?:for|over|of|in connection with|in)\s+(?:(?:the|his|her|their)\s+)?"
                          r"(?:[\w'’-]+\s+(?:(?:and|or)\s+)?){0,3}")


def judicial(event: Event) -> bool:
    """Whether the event is told as what a court tried (see _JUDICIAL): such a mention tells
    the proceeding, not the act, and never joins a report that tells the act itself."""
    trigger = event.trigger
    if trigger is None:
        return False
    for span in event.evidence:
        if span.start <= trigger.start < span.end and span.text:
            before = span.text[:trigger.start - span.start]
            return bool(_GOVERNED.search(before) and _JUDICIAL.search(before)
                        or _JUDGED_REST.fullmatch(before))
    return False


_KILLING = re.compile(r"(?:kill|murder|assassinat|behead|execut|slay|slain|death|died|dies\b)",
                      re.IGNORECASE)


def killing(event: Event) -> bool:
    """Whether the event is a killing: violence with dead counted or a trigger that kills."""
    if family_of(event) != "violence":
        return False
    return bool(event.fatalities) or bool(
        event.trigger and _KILLING.match(event.trigger.text.strip()))


def named_actors(event: Event) -> frozenset[str]:
    """The coded actors that identify someone: a named group ("Boko Haram"), not a role in a
    country ("Police Forces of Nigeria", "Civilians (Nigeria)"), which every report of that
    country shares."""
    actors = (event.actor1, event.actor2, *event.assoc_actor1, *event.assoc_actor2)
    return frozenset(a.name for a in actors if a is not None and a.name
                     and "(" not in a.name and " of " not in a.name)
