"""Who the parties are decides the ACLED type (ACLED codebook, 2015 and 2019).

``detect_events`` types an event from its trigger and the words of its sentence; only the actor
layer knows who the two sides are once coded. ACLED's types are defined by them:

* **Battles** are "a violent interaction between two politically organised armed groups": an
  attack whose target is state forces on duty (soldiers, police, their posts and convoys) or an
  armed group is a battle, whoever fired first and whether or not the target fought back.
  A group's men are the attacked side only where the sentence counts them among its
  casualties ("two militants were killed"): a group name standing alone as an object is too
  often a person's name ("Haris Fatah was shot") or the doers misplaced.
* **Violence against civilians** is an organised armed group's violence on unarmed people.
* **Riots** are violence by a crowd — demonstrators or a mob, people not organised as an armed
  group. A petrol bomb or a brick is a rioter's weapon, but thrown by an armed group's men
  ("assailants", "militants", a named group) it is that group's attack: on civilians violence
  against civilians, on the forces a battle.

This module re-decides only those three borders, from coded actors, and says why; everything
else (the means — explosions, shelling —, protests, arrests, territory) stays as the
sentence's rules coded it. Torture, beatings and murders keep their type: ACLED codes violence
on someone who cannot fight back (a detainee, an off-duty officer) as violence against
civilians whoever the victim is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..events.codebook import acled_coding
from ..model import Actor, Event
from .dictionary import PARTY_TYPE
from .generic import is_generic

__all__ = ["type_by_parties", "unarmed_doers"]

_FORCES_SECTORS = ("MIL", "COP")
# modes of an attack on someone who cannot fight back (codebook.py's reading of the trigger)
_ONE_SIDED_MODES = {"torture", "beat", "assassinate"}
# role words that name a crowd, not an armed group's men: their violence stays a riot
_CROWD_WORDS = ("mob", "crowd", "protester", "demonstrator", "rioter", "activist", "supporter",
                "villager", "resident", "student", "worker", "people", "youth", "local")


# what makes a fight armed: a firearm, a bomb, shooting, a gunfight ("encounter" in South Asian
# English), or weapons
_WEAPONS = re.compile(r"\b(?:gun\w*|firearms?|fir(?:e|ed|ing)\b|shot|shoot\w*|bullets?|bombs?|"
                      r"grenades?|explosi\w+|rifles?|pistols?|weapons?|armed|encounter|ambush\w*|"
                      r"artillery|mortars?|rockets?|AK-?47)", re.IGNORECASE)
# a fight that kills was, far more often than not, fought with weapons by organised sides
_LETHAL = re.compile(r"\b(?:killed|dead|died|death|lynched)\b", re.IGNORECASE)
# the people a clause with no coded side fought among ("supporters of two candidates")
_CROWD = re.compile(r"\b(?:supporters|activists|students|followers|(?:workers|members) "
                    r"of|rival groups|two groups)\b", re.IGNORECASE)
_CLASH = re.compile(r"clash|scuffle|brawl", re.IGNORECASE)
# the heads that make a party's people its armed men, not its activists or supporters
# ("cadres" and "men" are a party's people in a crowd as often as its armed men)
_ARMED_MEN = frozenset("militants militant gunmen goons terrorists".split())


# the words for doers that say nothing of arms: who destroys property under them, with no
# weapon named, is a crowd (roles.py codes them as an unidentified armed group, right when they
# shoot, stab or bomb)
_UNARMED_DOERS = frozenset("""miscreants miscreant assailants assailant attackers attacker
    people persons person men man youths youth""".split())


def unarmed_doers(actor: Actor, event: Event) -> bool:
    """Doers the report calls by no armed group's name nor an armed man's word ("miscreants",
    "unknown people", "attackers"; not "gunmen", "militants", a named group), in an event
    sentence that names no weapon."""
    words = (actor.text or "").lower().split()
    return actor.inter == 3 and is_generic(actor) and bool(words) and \
        words[-1] in _UNARMED_DOERS and not any(_WEAPONS.search(span.text)
                                                for span in event.evidence[:1])


def _forces(actor: Actor | None) -> bool:
    """State forces (soldiers, police; not officials): ACLED's armed state actors."""
    return actor is not None and actor.inter in (1, 8) and bool(actor.cameo) and \
        actor.cameo.endswith(_FORCES_SECTORS)


def _armed_group(actor: Actor | None) -> bool:
    """A non-state armed actor: a rebel group, a political or identity militia, an
    unidentified armed group (not a party named as such: its people harmed are civilians)."""
    return actor is not None and actor.inter in (2, 3, 4)


def _party_men(actor: Actor | None) -> bool:
    """A party's armed men ("BNP militants", "Awami League gunmen"): the party's militia, as
    ACLED codes a party acting violently outside a crowd."""
    words = (actor.text or "").lower().split() if actor is not None else []
    return actor is not None and actor.type == PARTY_TYPE and bool(words) and \
        words[-1] in _ARMED_MEN


def _crowd_words(actor: Actor) -> bool:
    text = (actor.text or "").lower()
    return any(word in text for word in _CROWD_WORDS)


def type_by_parties(event: Event, actor1: Actor | None, actor2: Actor | None,
                    civilians_harmed: Actor | None, counted: Callable[[Actor], bool],
                    sentence_actors: list[Actor] = ()) -> tuple[Event, str] | None:
    """``event`` re-typed by its coded sides with the reason, or None when they agree with its
    type. ``actor1``/``actor2`` are the sides as the actor layer reads them before applying the
    conventions of a type (a victim not yet made a civilian); ``civilians_harmed`` the unarmed
    people its sentence says were harmed, if any: an attack that killed "two teachers and a
    policeman guarding them" targeted the civilians, and stays violence against them.
    ``counted`` tells whether an actor stands inside one of the sentence's casualty counts;
    ``sentence_actors`` are the actors of the event's sentence."""
    sub = event.sub_event_type
    attacker_armed = actor1 is None or _forces(actor1) or _armed_group(actor1)
    target_armed = _forces(actor2) or _armed_group(actor2) and counted(actor2)
    civilians_hit = civilians_harmed is not None and civilians_harmed is not actor2
    if sub == "Attack" and event.plover_mode not in _ONE_SIDED_MODES and attacker_armed and \
            target_armed and not civilians_hit and not (_forces(actor1) and _forces(actor2)):
        side = "state forces" if _forces(actor2) else "an armed group"
        return _retyped(event, "Armed clash", f"the attacked side {actor2.text!r} is {side}: "
                        "a battle, not violence against civilians")
    if sub == "Violent demonstration" and actor1 is not None and (
            _armed_group(actor1) or _party_men(actor1)) and not _crowd_words(actor1):
        if _forces(actor2) or _armed_group(actor2):
            return _retyped(event, "Armed clash", f"{actor1.text!r}, an armed group's men, "
                            f"attacked {actor2.text!r}: a battle, not a riot")
        return _retyped(event, "Attack", f"{actor1.text!r}, an armed group's men, not a crowd: "
                        "their attack on people is violence against civilians, not a riot")
    if sub == "Armed clash" and _unarmed_fight(event, actor1, actor2, sentence_actors):
        forces = _forces(actor1) or _forces(actor2)
        return _retyped(event, "Violent demonstration" if forces else "Mob violence",
                        "a fight of people not organised as armed groups ("
                        + ", ".join(repr(a.text) for a in (actor1, actor2) if a is not None)
                        + "), no weapon named: a riot, not a battle")
    return None


def _unarmed_fight(event: Event, actor1: Actor | None, actor2: Actor | None,
                   sentence_actors: list[Actor]) -> bool:
    """A clash of supporters, activists, students or villagers — with each other or with the
    police — that names no firearm or bomb and no death: ACLED's riot. Armed men on any side,
    the forces on both, a weapon or a death in the sentence keep it a battle."""
    sides = [a for a in (actor1, actor2) if a is not None]
    if sum(_forces(a) for a in sides) > 1 or any(_armed_men(a) for a in sides):
        return False
    sentence = " ".join(span.text for span in event.evidence[:1])
    if _WEAPONS.search(sentence) or _LETHAL.search(sentence) or any(
            _armed_men(a) for a in sentence_actors):
        return False
    if not _CLASH.match(event.trigger.text if event.trigger else ""):
        return False            # "fighting", "battle": words of war, not of a street fight
    people = [a for a in sides if not _forces(a)]
    return any(_crowdish(a) for a in people) or not people and bool(_CROWD.search(sentence))


def _armed_men(actor: Actor) -> bool:
    """Men of an armed group (a rebel group, militia, "gunmen", "militants"; a party's
    "cadres"), not a party's people named as its supporters or activists."""
    if actor.type == PARTY_TYPE:
        return _party_men(actor)
    return _armed_group(actor)


def _crowdish(actor: Actor) -> bool:
    return actor.inter in (5, 6, 7) or actor.type == PARTY_TYPE or _crowd_words(actor)


def _retyped(event: Event, sub: str, why: str) -> tuple[Event, str]:
    # the means the trigger named (firearms, a beating) carries over; a riot's mode does not
    coding = acled_coding(sub, why, mode=event.plover_mode if event.plover_type == "ASSAULT"
                          else None)
    return replace(event, event_type=coding.event_type, sub_event_type=sub,
                   plover_type=coding.plover_type, plover_mode=coding.plover_mode,
                   cameo_root=coding.cameo_root), f"type by the parties: {why}"
