"""ACLED's conventions for crowds, a mixin of ``code_event_actors``' coder (conventions.py).

* **protests**: actor1 is the crowd (``Protesters (X)``, 6); whoever the report says protested
  (a party, a union, students) is its associated actor when named; there is no actor2 unless the
  forces of order intervened (protest with intervention, excessive force: the police when none
  is named, and the forces first when they used excessive force).
* **riots**: actor1 is the rioting crowd (``Rioters (X)``, 5; its party associated), the forces
  it fought its counterpart; actor2 the side it attacked or the people it harmed, if any; two
  crowds fighting each other (mob violence told as a clash) are rioters on both sides.
* **organisers**: the parties, unions and groups a crowd's sentence names as its own, not those
  it is against, are associated actors.
"""

from __future__ import annotations

import re

from ..model import Actor
from .generic import is_generic, is_named, own_name
from .organisations import named_organisations

__all__ = ["CrowdConventions", "INTERVENTION", "AGAINST", "NOT_ORGANISERS"]

# words before a named group that make it what a crowd is against, not who the crowd is
AGAINST = re.compile(r"\b(?:against|demand\w*|urg\w*|slam\w*|criticis\w*|criticiz\w*|"
                     r"oppos\w*|condemn\w*|denounc\w*|protest\w* (?:at|over)|govern\w*|"
                     r"arrest\w* of|detention of|killing of|murder of)\W+(?:\w+\W+){0,3}$",
                     re.IGNORECASE)
NOT_ORGANISERS = {"News agency", "International organisation", "Non-governmental organisation"}
# a fight's words ("clashed", "scuffle", "brawl"): two sides, not a crowd and its victims
_FIGHT = re.compile(r"clash|scuffl|brawl", re.IGNORECASE)
INTERVENTION = {"Protest with intervention", "Excessive force against protesters"}


class CrowdConventions:
    """The crowd's side of protests and riots; mixed into the coder, whose ``generic``,
    ``implied_state``, ``victims``, ``people_harmed``, ``sentence_actors``, ``text_before``,
    ``event`` and ``reasons`` it uses."""

    def protest(self, sub, actor1, actor2, assoc1, assoc2):
        """The crowd as actor1, its organisers associated; the forces only if they intervened
        (and first when they used excessive force)."""
        if actor1 is not None and actor1.inter in (1, 8) and sub in INTERVENTION:
            actor1, actor2 = actor2, actor1         # the crowd, then the forces
        actor1, assoc1 = self.crowd(actor1, assoc1, 6, "protest")
        actor2, assoc2 = self.intervention(actor2, assoc2, sub in INTERVENTION)
        assoc1 += self.organisers(actor1, actor2)
        if sub == "Excessive force against protesters" and actor2 is not None:
            # ACLED: the forces who used it are actor1, the protesters they hit actor2
            self.reasons.append("excessive force: the forces are actor1, the protesters actor2")
            return actor2, actor1, assoc2, assoc1
        return actor1, actor2, assoc1, assoc2

    def crowd(self, actor, assoc, inter, what):
        """The crowd of a protest or riot as actor1; who the report says it was, associated."""
        if actor is not None and actor.inter == inter and is_generic(actor):
            return actor, assoc
        crowd = self.generic(inter, actor, f"the crowd of the {what}")
        if crowd is None:
            return actor, assoc
        if actor is not None and is_named(actor):
            assoc = [own_name(actor)] + assoc
            self.reasons.append(f"{actor.name!r} took part in the {what}: associated actor")
        return crowd, assoc

    def intervention(self, actor2, assoc2, intervened: bool):
        if not intervened:
            if actor2 is not None:
                self.reasons.append(f"no actor2 for a protest nobody broke up "
                                    f"({actor2.text!r} is what it is about)")
            return None, []
        if actor2 is not None and actor2.inter in (1, 8):
            return actor2, assoc2
        return self.implied_state("COP", "the forces of order who intervened"), []

    def riot(self, actor1, actor2, assoc1):
        # "police clashed with rioters": the crowd leads, the forces are its counterpart
        if actor1 is not None and actor1.inter in (1, 8) and (
                actor2 is None or actor2.inter not in (1, 8)):
            actor1, actor2 = actor2, actor1
            self.reasons.append("the rioting crowd is actor1, the forces actor2")
        if actor1 is not None and actor1.inter in (1, 2, 3, 4, 8) and not is_generic(actor1):
            return actor1, actor2, assoc1         # a named armed group or the state: as named
        crowd, assoc1 = self.crowd(actor1, assoc1, 5, "riot")
        if self.event.sub_event_type == "Mob violence" and self.event.trigger is not None and \
                _FIGHT.match(self.event.trigger.text) and (
                    actor2 is None or actor2.inter in (5, 6, 7)) and crowd is not None:
            # "villagers of two groups clashed", "supporters clashed with residents": two
            # crowds fighting each other are ACLED's rioters on both sides, not rioters and
            # their victims
            other = self.generic(5, actor2, "the other crowd of the fight")
            if other is not None:
                self.reasons.append("two crowds fought each other: rioters on both sides")
                return crowd, other, assoc1
        if actor2 is None and self.people_harmed:
            actor2 = self.people_harmed
        if actor2 is not None and actor2.inter == 7:
            actor2, _ = self.victims(actor2, [])
        return crowd, actor2, assoc1

    def organisers(self, crowd: Actor | None, other: Actor | None) -> list[Actor]:
        """The parties, unions and groups a protest's or riot's sentence names as its own
        ("IYC activists protested", "a bandh called by the VHP"), not those it is against."""
        if crowd is None or crowd.inter not in (5, 6):
            return []
        taken = {(a.start, a.end) for a in (crowd, other) if a is not None}
        found = []
        for actor in self.sentence_actors:
            before = self.text_before(actor)
            if is_named(actor) and (actor.start, actor.end) not in taken and actor.inter not in (
                    1, 8) and actor.type not in NOT_ORGANISERS and not AGAINST.search(before):
                found.append(own_name(actor))
        known = self.sentence_actors + [a for a in (crowd, other) if a is not None]
        for span in self.event.evidence:
            for body in named_organisations(span):
                if not any(a.start < body.end and body.start < a.end for a in known) and \
                        not AGAINST.search(self.text_before(body)):
                    found.append(body)
        if found:
            self.reasons.append("associated: " + ", ".join(repr(a.name) for a in found))
        return found
