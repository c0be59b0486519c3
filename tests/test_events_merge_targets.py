"""merge_events: the targets of a one-sided act told again by a mention without a day of its own.

Two generic roles of one country as the target ("Civilians (Myanmar)", "Government of Myanmar"
for the detained civilian leader) do not tell a retelling apart from the act it retells; two
acts each dated by their own words keep their roles apart, and so do two countries, two named
targets and the sides of a two-sided act."""

from __future__ import annotations

from sitrep.events.merge import merge_events, same_event
from sitrep.model import Actor, Event, Span


def _actor(name: str, actor_id: str) -> Actor:
    return Actor(text=name, start=0, end=len(name), name=name, actor_id=actor_id)


MILITARY = _actor("Military Forces of Myanmar", "MMR:MIL")
CIVILIANS = _actor("Civilians (Myanmar)", "MMR:civilian")
GOVERNMENT = _actor("Government of Myanmar", "MMR:LEG")


def _arrest(start: int, actor1=None, actor2=None, dated: bool = True, confidence: float = 0.8,
            sub_event_type: str = "Arrests") -> Event:
    date_fields = ({"event_date": "2021-02-01", "time_precision": 1, "date_text": "Monday"}
                   if dated else {"event_date": "2021-02-01", "time_precision": 3})
    return Event("Strategic developments", sub_event_type, "ARREST", cameo_root="17",
                 evidence=(Span(start, start + 5, "x" * 5),), confidence=confidence,
                 trigger=Span(start, start + 1, "x"), actor1=actor1, actor2=actor2,
                 **date_fields)


def test_a_retelling_without_its_own_day_names_the_target_at_another_role():
    # "the military arrested the civilian leader on Monday" ... "officials confirmed that
    # members of the government had been detained" (dated only by the publication fallback)
    told = _arrest(0, MILITARY, CIVILIANS)
    retold = _arrest(100, None, GOVERNMENT, dated=False, confidence=0.6)
    assert same_event(told, retold) and same_event(retold, told)
    for events in ([told, retold], [retold, told]):
        (merged,) = merge_events(events)
        assert (merged.actor1, merged.actor2, merged.date_text) == (MILITARY, CIVILIANS, "Monday")


def test_two_acts_dated_by_their_own_words_keep_their_targets_apart():
    first = _arrest(0, MILITARY, CIVILIANS)
    second = _arrest(100, MILITARY, GOVERNMENT)
    assert not same_event(first, second)
    assert len(merge_events([first, second])) == 2


def test_targets_of_two_countries_or_named_targets_stay_apart():
    told = _arrest(0, MILITARY, CIVILIANS)
    foreign = _arrest(100, None, _actor("Civilians (Thailand)", "THA:civilian"), dated=False)
    named = _arrest(100, None, _actor("NLD: National League for Democracy", "nld"), dated=False)
    assert not same_event(told, foreign) and not same_event(told, named)


def test_the_perpetrators_and_two_sided_acts_are_not_read_this_way():
    told = _arrest(0, MILITARY, CIVILIANS)
    # another perpetrator is another act, whatever its target
    other_side = _arrest(100, _actor("Arakan Army", "arakan_army"), GOVERNMENT, dated=False)
    assert same_event(told, _arrest(100, None, CIVILIANS, dated=False))
    assert not same_event(told, other_side)
    # an armed clash's second side is a party to the fight, not a target told at two levels
    clash = _arrest(0, MILITARY, _actor("Rebels (Myanmar)", "MMR:REB"),
                    sub_event_type="Armed clash")
    retold_clash = _arrest(100, MILITARY, CIVILIANS, dated=False, sub_event_type="Armed clash")
    assert not same_event(clash, retold_clash)
