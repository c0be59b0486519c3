"""Communities and parties fighting each other (sitrep/actors/communal.py): communal militias on
both sides; two parties named together in a fight are its two sides. On sentences written for
these tests."""

from __future__ import annotations

import pytest


def _top(analyse, text):
    """The most confident asserted ACLED-typed event (conftest's session pipeline)."""
    report, typed = analyse(text)
    assert typed, report.events
    return typed[0]


@pytest.mark.parametrize("text", [
    "Two rival groups of villagers exchanged fire over a land dispute in Sargodha on Sunday, "
    "killing two.",
    "Two rival clans clashed with guns over a land dispute in Sargodha on Sunday, killing two.",
])
def test_communities_fighting_with_guns_are_communal_militias(analyse, text):
    event = _top(analyse, text)
    assert event.sub_event_type == "Armed clash"
    for side in (event.actor1, event.actor2):
        assert (side.name, side.inter) == ("Unidentified Communal Militia (Pakistan)", 4)
    assert any("communal militia" in reason for reason in event.reasons)


def test_a_clash_with_an_armed_group_or_the_forces_keeps_its_sides(analyse):
    event = _top(analyse, "Taliban militants clashed with villagers in Kurram, Pakistan on "
                           "Sunday, killing three.")
    assert 4 not in {event.actor1.inter, event.actor2.inter if event.actor2 else None}
    event = _top(analyse, "Police and villagers exchanged fire in Sargodha on Sunday, killing "
                           "two.")
    assert 4 not in {event.actor1.inter, event.actor2.inter if event.actor2 else None}


def test_villagers_fighting_with_sticks_stay_a_mob(analyse):
    event = _top(analyse, "Villagers of two rival clans clashed with sticks over a land "
                           "dispute in Sargodha on Sunday.")
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1.name, event.actor1.inter) == ("Rioters (Pakistan)", 5)


@pytest.mark.parametrize("text", [
    "PML-N and PTI workers exchanged fire in Lahore on Sunday, leaving one dead.",
    "Supporters of the PML-N and PTI exchanged fire in Lahore on Sunday, killing one person.",
])
def test_two_parties_named_together_in_a_fight_are_its_two_sides(analyse, text):
    event = _top(analyse, text)
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1.name, event.actor1.inter) == (
        "PML-N: Pakistan Muslim League (Nawaz) Militia", 3)
    assert (event.actor2.name, event.actor2.inter) == ("PTI: Pakistan Tehreek-i-Insaf Militia", 3)
    assert not event.assoc_actor1
