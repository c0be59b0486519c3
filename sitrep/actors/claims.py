"""The named armed group a report says claimed an attack or was behind it: ACLED's attacker when
the clause that tells the attack names none. Used by ``conventions.py``."""

from __future__ import annotations

import re

from ..model import Actor, Report

__all__ = ["CLAIMED", "claimants"]


# What makes a named armed group the unnamed attacker of the report's event: a claim or the
# report's own attribution ("IS claimed responsibility", "TTP was behind the attack", "ULFA-I
# suspected"), not a denial ("no group has claimed responsibility").
_CLAIM = re.compile(r"\bclaim\w*\W+(?:\w+\W+)?(?:responsibility|hand)\b|\b(?:was|were|is|are)\W+"
                    r"(?:\w+\W+)?behind\b|\bsuspected\b", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:no|not|denied|denies|deny|never)\b", re.IGNORECASE)
CLAIMED = {"Violence against civilians", "Explosions/Remote violence", "Battles"}


def claimants(report: Report) -> list[Actor]:
    """Named armed groups (actors.tsv, inter 2-4) in a sentence of the report that claims an
    attack for them or says they were behind it."""
    found = []
    for sentence in report.sentences:
        text = report.raw[sentence.start:sentence.end]
        if not _CLAIM.search(text) or _DENIAL.search(text):
            continue
        found += [actor for actor in report.actors
                  if sentence.start <= actor.start < sentence.end and actor.inter in (2, 3, 4)
                  and actor.actor_id and ":" not in actor.actor_id]
    return found
