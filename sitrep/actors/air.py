"""The sides of an air or drone strike (``code_event_actors``, conventions.py).

ACLED names the side that flies the aircraft as actor1: state forces the sentence names, else,
when its words name military aircraft (jets, gunships, an air force; not drones, which other
states and some armed groups fly), the military of the event's country.
"""

from __future__ import annotations

import re

from ..model import Actor
from .generic import EventNames

__all__ = ["air_strike_sides"]

# words of an air strike's sentence that name military aircraft, which states fly
_MILITARY_AIRCRAFT = re.compile(r"\b(?:jets?|warplanes?|war planes?|fighter (?:jets?|planes?|"
                                r"aircraft)|military (?:aircraft|planes?|helicopters?)|"
                                r"gunships?|air ?force|airforce|bombers)\b", re.IGNORECASE)
_DRONES = re.compile(r"\b(?:drones?|UAVs?|unmanned)\b", re.IGNORECASE)


def air_strike_sides(coder: EventNames, actor1: Actor | None, actor2: Actor | None
                     ) -> tuple[Actor | None, Actor | None]:
    """The sides of ``coder``'s event, an air or drone strike: actor1 the side that flies the
    aircraft (state forces of the sentence, else, when its words name military aircraft, the
    military of the event's country); the armed or unarmed people the sentence made its
    subject are the target ("22 militants were killed as jet fighters pounded their
    hideouts")."""
    if actor1 is not None and actor1.inter in (1, 8):
        return actor1, actor2
    taken = {(a.start, a.end) for a in (actor1, actor2) if a is not None}
    forces = next((coder.local(a) for a in coder.sentence_actors if a.inter in (1, 8) and
                   a.cameo and a.cameo.endswith("MIL") and (a.start, a.end) not in taken),
                  None)
    words = " ".join(span.text for span in coder.event.evidence)
    if forces is not None:
        coder.reasons.append(f"actor1 {forces.text!r}: the forces of the air strike's "
                             f"sentence flew it")
    elif _MILITARY_AIRCRAFT.search(words) and not _DRONES.search(words):
        forces = coder.implied_state("MIL", "the forces of military aircraft, not named")
    if forces is None:
        return actor1, actor2
    if actor1 is not None and actor2 is None:
        actor2 = actor1             # the side the strike hit
    return forces, actor2
