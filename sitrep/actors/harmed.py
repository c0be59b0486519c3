"""The unarmed people an event's sentence says were harmed: ACLED's civilian victims (actor2 of
violence against civilians, the target of an explosion) when no mention names them as actors.
Used by ``conventions.py``."""

from __future__ import annotations

import re

from ..model import Actor, Event
from .dictionary import INTER_TYPES
from .roles import INSTALLATION_OWNERS, ROLES

__all__ = ["people_harmed", "ill_treated_in_custody"]


# Who a casualty count counts: unarmed people ("seven people were killed", "a bus driver and
# his helper were injured") make the harmed side civilians; soldiers or militants do not.
_PEOPLE = frozenset({words[0] for words, role in ROLES.items()
                     if role.kind == "civilian" and len(words) == 1}) | frozenset("""people
    persons person man men woman boy boys girl girls child baby driver helper others
    pedestrian commuters family""".split())


# Endings of nouns for people a casualty count may hold ("rickshaw-puller", "shopkeeper",
# "labourer", "councillor"): unarmed unless the role list says otherwise
_PERSON_ENDINGS = ("er", "or", "man", "men", "woman", "women", "ist", "ists", "ers", "ors",
                   "ian", "ians", "ant", "ants", "member", "members")


def _people(item: str | None) -> bool:
    """Does a casualty count's noun count unarmed people?"""
    if not item:
        return False
    words = item.split()
    head = words[-1]
    if len(words) > 1 and words[-2].lower() in INSTALLATION_OWNERS:
        return False                    # "two military men", "security men": the forces' men
    if head in _PEOPLE:
        return True
    role = ROLES.get((head,))
    if role is not None:
        return role.kind == "civilian"
    return head.endswith(_PERSON_ENDINGS) and head not in _NOT_PEOPLE


# words with a person's ending that name no unarmed person ("gunmen", "attackers", a "number")
_NOT_PEOPLE = frozenset("""gunmen gunman attacker attackers assailant assailants bomber bombers
    fighter fighters militants militant terrorist terrorists extremist extremists number
    others""".split())


def people_harmed(event: Event, quantities, actors) -> Actor | None:
    """The unarmed people the event's sentence says were harmed: a civilian mention other than
    actor1 ("a bus driver and his helper were injured"), else the words of a casualty count of
    people ("seven people were killed"); None when it names none."""
    spans = [(span.start, span.end) for span in event.evidence]
    inside = lambda position: any(start <= position < end for start, end in spans)  # noqa: E731
    doer = (event.actor1.start, event.actor1.end) if event.actor1 is not None else None
    for actor in actors:
        if actor.inter == 7 and inside(actor.start) and (actor.start, actor.end) != doer:
            return actor
    for quantity in quantities:
        # "Two military men were injured": the counted noun is the forces' own mention
        armed = bool(quantity.item) and any(
            quantity.start <= actor.start < quantity.end and actor.inter in (1, 2, 3, 4, 8)
            and actor.text.lower().endswith(quantity.item.split()[-1].lower()) for actor in actors)
        if quantity.kind in ("killed", "injured") and _people(quantity.item) and \
                inside(quantity.start) and not armed:
            return Actor(quantity.start, quantity.end, quantity.text, type=INTER_TYPES[7],
                         inter=7, reason=f"casualty count of people {quantity.text!r}")
    return None


# where a detainee is held: "in custody", "in jail", "detained", "police station"
_CUSTODY = re.compile(r"\b(?:custody|jail\w*|prisons?|detention|detained|detainees?|"
                      r"police (?:station|lock-?up)|lock-?up|cells?|interrogat\w+)\b",
                      re.IGNORECASE)


def ill_treated_in_custody(event: Event) -> bool:
    """Was someone tortured or beaten while held ("a detained politician was tortured in
    custody", "beaten in the police lock-up")? ACLED: those who hold a detainee are the state's
    forces, who ill-treat him; an unnamed perpetrator of it is no unidentified armed group."""
    sentence = " ".join(span.text for span in event.evidence[:1])
    return event.plover_mode in ("torture", "beat") and bool(_CUSTODY.search(sentence))
