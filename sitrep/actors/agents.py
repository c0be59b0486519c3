"""The doer a passive clause names with "by" right after the act's word ("ten farmers abducted
by bandits", "a trader shot dead by unidentified gunmen"). Used by ``conventions.py``: that doer
is the act's actor1 even where the sentence's subject did something else to the victims
("soldiers rescued ten farmers abducted by bandits": the soldiers rescued, the bandits
abducted)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Actor, Event

__all__ = ["passive_agent"]

# between the act's word and its doer: "by", or a short time or place phrase then "by" ("abducted
# on Monday by gunmen"); no clause boundary
_AGENT_GAP = re.compile(r"^\s+(?:[\w-]+\s+){0,4}?by\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_ARMED = (1, 2, 3, 4, 8)


def passive_agent(event: Event, actors: Sequence[Actor],
                  taken: Sequence[Actor | None] = ()) -> Actor | None:
    """The armed actor (state forces or an armed group) that the passive agent phrase right
    after the event's trigger names, else None; None too when it is one of ``taken`` (the
    event's actor1 already, or its victims)."""
    trigger = event.trigger
    if trigger is None:
        return None
    for span in event.evidence[:1]:
        if not span.start <= trigger.end <= span.end:
            continue
        for actor in actors:
            if actor.inter not in _ARMED or not trigger.end < actor.start < span.end:
                continue
            gap = span.text[trigger.end - span.start:actor.start - span.start]
            if len(gap) <= 40 and not re.search(r"[,;.]", gap) and _AGENT_GAP.match(gap):
                return None if any(other is not None and other.start == actor.start
                                   for other in taken) else actor
    return None
