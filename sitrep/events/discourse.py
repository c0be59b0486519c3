"""Report-level readings of the event mentions of one report, after each was coded on its own.

A report is read as a whole in four places: a weapons seizure told without its taker takes the
reading of the report's other seizure; a mention that only refers back to an event told elsewhere
("after the capture of Palmyra") takes that event's type; a happening the report also says was
specifically denied is contested rather than asserted; and violence by people no armed group is
named for, in a report of mob violence, is that mob violence. (Demonstrations are not unified:
see stage.DetectEvents.__call__.)
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event

__all__ = ["adopt_weapon_readings", "resolve_back_references", "mark_contested",
           "fold_into_mob_violence"]


def adopt_weapon_readings(events: list[Event]) -> list[Event]:
    """A weapons seizure told without its taker ("Among the weapons seized were ...") reads like
    the report's other seizure, when that one names an armed group taking them from its enemy."""
    looted = any(e.sub_event_type == "Looting/property destruction" and e.actor1 is not None
                 and e.plover_mode == "seize"  # codebook.weapons_taken: taken from its enemy
                 for e in events)
    if not looted:
        return events
    adopted = []
    for event in events:
        if event.sub_event_type == "Disrupted weapons use" and event.actor1 is None:
            event = replace(event, sub_event_type="Looting/property destruction",
                            plover_mode="seize", reasons=event.reasons + (
                                "read as the report's weapons seizure by an armed group",))
        adopted.append(event)
    return adopted


_TERRITORY_TYPES = {"Government regains territory", "Non-state actor overtakes territory",
                    "Non-violent transfer of territory"}


def _family(event: Event) -> str | None:
    if event.sub_event_type in _TERRITORY_TYPES:
        return "territory"
    return event.event_type


def resolve_back_references(events: list[Event]) -> list[Event]:
    """A mention that names an event told elsewhere ("after the capture of Palmyra") and has no
    actor of its own takes the type of the report's most confident first-hand mention of the same
    family, so that merge_events can fold it in instead of leaving a guess of its own."""
    first_hand = [e for e in events if e.sub_event_type and e.modality == "asserted"
                  and not e.back_reference]
    resolved = []
    for event in events:
        if event.actor1 is None and event.sub_event_type and event.back_reference:
            same_family = [e for e in first_hand if _family(e) == _family(event)]
            if same_family:
                model = max(same_family, key=lambda e: e.confidence)
                if model.sub_event_type != event.sub_event_type:
                    event = replace(event, event_type=model.event_type,
                                    sub_event_type=model.sub_event_type, reasons=event.reasons + (
                                        f"typed as the report's {model.sub_event_type!r} it refers to",))
        resolved.append(event)
    return resolved


# "has always denied using chemical weapons": a standing denial, not of this happening
_GENERAL_DENIAL = re.compile(r"\b(?:always|repeatedly|consistently|long|routinely|previously)\s+"
                             r"(?:\w+\s+)?den(?:ied|ies|y)|den(?:ied|ies|y)\s+(?:ever|using|any)\b",
                             re.IGNORECASE)
_DENIAL_CUE = re.compile(r"(?:denied|denies|deny|refuted|dismissed reports)$", re.IGNORECASE)


def mark_contested(events: list[Event]) -> list[Event]:
    """A happening the report also says was denied is contested, not asserted: its asserted
    mentions of the same type become uncertain (the denial and the accusation both stand)."""
    denied = {e.sub_event_type for e in events if e.sub_event_type and e.modality == "negated"
              and _DENIAL_CUE.match(e.modality_cue or "")
              and not any(_GENERAL_DENIAL.search(span.text) for span in e.evidence)}
    if not denied:
        return events
    return [replace(e, modality="uncertain", reasons=e.reasons + (
                "contested: the report also carries a denial of it",))
            if e.modality == "asserted" and e.sub_event_type in denied else e for e in events]


_UNARMED_VIOLENCE = {"Attack", "Armed clash"}


def fold_into_mob_violence(events: list[Event]) -> list[Event]:
    """Violence whose actors are not armed groups, in a report of mob violence, is that mob
    violence ("traders chased the man and attacked him")."""
    if not any(e.sub_event_type == "Mob violence" and e.modality == "asserted" for e in events):
        return events
    armed = {1, 2, 3, 4, 8}

    def unarmed(event: Event) -> bool:
        return all(actor is None or actor.inter not in armed
                   for actor in (event.actor1, event.actor2))

    return [replace(e, event_type="Riots", sub_event_type="Mob violence", plover_mode="beat",
                    cameo_root="18", reasons=e.reasons + ("part of the report's mob violence",))
            if e.sub_event_type in _UNARMED_VIOLENCE and unarmed(e) else e for e in events]
