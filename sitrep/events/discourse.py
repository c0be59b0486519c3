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
    mentions become uncertain (the denial and the accusation both stand). Only mentions of that
    happening: of the denied one's type, and in the denial's own sentence, or naming whom or where
    the denied act was done to ("denied arresting Amadou Diallo"). A police chief's denial "that any of them were detained" leaves asserted the
    arrests the report names elsewhere on the word of the parties (a judgement ACLED coders
    make too: the arrest is coded, the denial is part of its story)."""
    denials = [e for e in events if e.sub_event_type and e.modality == "negated"
               and _DENIAL_CUE.match(e.modality_cue or "")
               and not any(_GENERAL_DENIAL.search(span.text) for span in e.evidence)]
    if not denials:
        return events

    def denied(event: Event) -> bool:
        return event.modality == "asserted" and any(
            event.sub_event_type == denial.sub_event_type
            and (_same_sentence(event, denial) or _same_target(event, denial))
            for denial in denials)

    return [replace(e, modality="uncertain", reasons=e.reasons + (
                "contested: the report also carries a denial of it",))
            if denied(e) else e for e in events]


def _same_sentence(event: Event, other: Event) -> bool:
    return any(span.start < theirs.end and theirs.start < span.end
               for span in event.evidence for theirs in other.evidence)


_DETERMINER = re.compile(r"^(?:the|a|an|its|his|her|their)\s+", re.IGNORECASE)
_PRONOUNS = {"him", "her", "them", "it", "us", "me", "you", "he", "she", "they", "we", "those",
             "some", "others", "all", "any"}
# a name: capitalised words, as "Amadou Diallo" or "Kibirizi" after the denied act word
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_CALENDAR = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                       r"February|March|April|May|June|July|August|September|October|November|"
                       r"December)$")


def _target(event: Event) -> str | None:
    """Whom the act was done to, in the actor's words; none for a pronoun or when the parse took
    the act word itself for its object."""
    actor = event.actor2
    if actor is None or (event.trigger is not None and actor.start < event.trigger.end
                         and event.trigger.start < actor.end):
        return None
    words = _DETERMINER.sub("", actor.text.strip()).lower()
    return None if words in _PRONOUNS else words


def _names_after_trigger(event: Event) -> set[str]:
    """The names the mention's clause gives after its act word: whom or where it was done to
    ("denied arresting Amadou Diallo", "denied that its troops shelled Kibirizi")."""
    if event.trigger is None or not event.evidence:
        return set()
    span = event.evidence[0]
    after = span.text[max(0, event.trigger.end - span.start):]
    clause = re.split(r"[.;:!?]", after, maxsplit=1)[0]
    return {name for name in _NAME.findall(clause) if not _CALENDAR.match(name)}


def _same_target(event: Event, denial: Event) -> bool:
    target = _target(event)
    if target is not None and target == _target(denial):
        return True
    return any(re.search(rf"\b{re.escape(name)}\b", span.text)
               for name in _names_after_trigger(denial) for span in event.evidence)


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
