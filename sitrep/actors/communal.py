"""Communities and parties fighting each other, the ACLED way.

ACLED codes groups of a community (villagers, clans, tribes, two groups of residents) who fight
each other as an armed clash with **communal militias** (inter 4) on both sides: identity
militias, named by the community when the report names it, else "Unidentified Communal Militia
(X)". Neither side is a civilian victim of the other, and no unidentified armed group is implied.
Only a clash whose sentence names no state forces, armed group or party: with any of them, the
other conventions (battles, a party's militia, the forces' opponent) apply.

Two parties or groups named together as the subject of a fight ("PML-N and PTI workers
exchanged fire") are its two sides: the second is actor2, not an actor associated with the
first, and the people the fight killed are no civilian target (``other_side``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Actor, Event
from .dictionary import PARTY_TYPE
from .generic import is_named

__all__ = ["communal_sides", "other_side"]

# the words of two sides fighting each other (not an attack by one on the other)
_FIGHT = re.compile(r"clash|fought|fight|exchang|gunfight|gun battle|skirmish|feud", re.IGNORECASE)
# the groups a clause with no coded side fought among ("two rival clans clashed")
_COMMUNITY = re.compile(r"\b(?:villagers|clans?|tribes(?:men)?|tribal|communit(?:y|ies)|groups|"
                        r"families|residents)\b", re.IGNORECASE)
# unorganised people: rioters, civilians; a side with no code yet
_PEOPLE = (5, 7, None)


def communal_sides(event: Event, actor1: Actor | None, actor2: Actor | None,
                   sentence_actors: Sequence[Actor]) -> bool:
    """Is ``event`` (typed an armed clash) a fight between groups of people, with no state
    forces, armed group or party in its sentence ("two groups of villagers clashed over a
    land dispute, killing two"): ACLED's communal militias on both sides?"""
    if event.sub_event_type != "Armed clash" or event.trigger is None or \
            not _FIGHT.search(event.trigger.text):
        return False
    sides = [actor for actor in (actor1, actor2) if actor is not None]
    if any(actor.inter not in _PEOPLE for actor in sides) or any(
            actor.inter in (1, 2, 3, 8) or actor.type == PARTY_TYPE for actor in sentence_actors):
        return False
    sentence = " ".join(span.text for span in event.evidence[:1])
    return bool(sides) or bool(_COMMUNITY.search(sentence))


def other_side(event: Event, actor1: Actor | None, actor2: Actor | None,
               assoc1: list[Actor]) -> Actor | None:
    """The party or armed group named with ``actor1`` as the subject of a fight whose other
    side is not named (no actor2, or only the people it harmed): "Awami League and BNP
    activists clashed" — the BNP, taken out of ``assoc1`` by the caller; None otherwise."""
    if event.sub_event_type != "Armed clash" or event.trigger is None or actor1 is None or \
            not _FIGHT.search(event.trigger.text) or not _a_side(actor1) or \
            actor2 is not None and actor2.inter != 7:
        return None
    return next((actor for actor in assoc1 if _a_side(actor) and actor.name != actor1.name),
                None)


def _a_side(actor: Actor) -> bool:
    """A party or a named non-state armed group: what can be one side of a fight."""
    return actor.type == PARTY_TYPE or actor.inter in (2, 3, 4) and is_named(actor)
