"""Communities fighting each other, the ACLED way.

ACLED codes groups of a community (villagers, clans, tribes, two groups of residents) who fight
each other as an armed clash with **communal militias** (inter 4) on both sides: identity
militias, named by the community when the report names it, else "Unidentified Communal Militia
(X)". Neither side is a civilian victim of the other, and no unidentified armed group is implied.
Only a clash whose sentence names no state forces, armed group or party: with any of them, the
other conventions (battles, a party's militia, the forces' opponent) apply.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Actor, Event
from .dictionary import PARTY_TYPE

__all__ = ["communal_sides"]

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
