"""Who the sides of a fight are, on sentences written for these tests: a force's member after
its name is the force (sitrep/actors/roles.py ``GROUP_HEADS``), an armed group's adjective
before its act names the doer (recognize.py ``_one_member``), the side a battle harmed is the
attacked one, actor2, and an armed group harmed in a battle that names no other side fought the
state's forces (conventions.py)."""

from __future__ import annotations

import pytest


def _top(analyse, text):
    report, typed = analyse(text)
    assert typed, report.events
    return typed[0]


@pytest.mark.parametrize("text,force", [
    ("A BSF jawan was injured when militants opened fire on a border outpost in Kupwara on "
     "Sunday.", "BSF jawan"),
    ("Two CRPF jawans were killed in a Maoist ambush in Sukma on Monday.", "CRPF jawans"),
])
def test_a_member_after_a_force_name_is_one_actor(analyse, text, force):
    report, _ = analyse(text)
    state = [a for a in report.actors if a.inter == 1]
    assert [(a.text, a.name) for a in state] == [(force, "Police Forces of India")]


def test_an_armed_group_adjective_before_its_act_is_the_doer(analyse):
    report, _ = analyse("Two CRPF jawans were killed in a Maoist ambush in Sukma on Monday.")
    assert any(a.text == "Maoist" and a.name.startswith("CPI (Maoist)") for a in report.actors)
    # the adjective before a thing is no man of the group
    report, _ = analyse("Police raided a Maoist stronghold in Gaya on Monday.")
    assert not any(a.text == "Maoist" for a in report.actors)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("Two CRPF jawans were killed in a Maoist ambush in Sukma on Monday.",
     "CPI (Maoist): Communist Party of India (Maoist)", "Police Forces of India"),
    ("Police killed two Maoists in an encounter in Gaya on Monday.",
     "Police Forces of India", "CPI (Maoist): Communist Party of India (Maoist)"),
])
def test_the_side_a_battle_harmed_is_actor2(analyse, text, actor1, actor2):
    event = _top(analyse, text)
    assert event.event_type == "Battles"
    assert (event.actor1.name, event.actor2.name) == (actor1, actor2), event.reasons


def test_an_armed_group_harmed_in_a_battle_with_no_other_side_fought_the_state(analyse):
    event = _top(analyse, "Five militants were killed in a gunfight in Kech, Balochistan on "
                          "Monday.")
    assert event.event_type == "Battles"
    assert [(a.name, a.inter) for a in (event.actor1, event.actor2)] == [
        ("Military Forces of Pakistan", 1), ("Unidentified Armed Group (Pakistan)", 3)]
    # two factions of one group: no state forces invented
    event = _top(analyse, "Two militants were killed in a clash between rival Taliban factions "
                          "in Khyber on Monday.")
    assert all(a is None or a.inter != 1 for a in (event.actor1, event.actor2))
