"""A participle of result belongs to its clause's act (sitrep/events/prominence.py
``results_under_their_act``), on sentences written for these tests: ACLED codes the fight, the
riot or the explosion a clause tells, with the dead its participle counts, not an attack read
from "killing". After an attack word the result is left to say whom the attack struck; a
participle of a means ("detonating") is no result."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,top", [
    ("Awami League and BNP activists clashed with guns in Feni on Monday, killing one.",
     "Armed clash"),
    ("Troops and Maoist rebels exchanged fire in Dantewada on Friday, reportedly killing two.",
     "Armed clash"),
    ("A bomb exploded at a market in Quetta on Sunday, killing five people.",
     "Remote explosive/landmine/IED"),
])
def test_the_clause_act_outranks_its_result(analyse, text, top):
    _, events = analyse(text)
    assert events and events[0].sub_event_type == top, [
        (e.sub_event_type, e.confidence, e.reasons[:2]) for e in events]
    assert events[0].fatalities is not None


def test_the_result_participle_ranks_below_with_its_reason(analyse):
    _, events = analyse("Awami League and BNP activists clashed with guns in Feni on Monday, "
                        "killing one.")
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    result = [e for e in events if e.trigger is not None and e.trigger.text == "killing"]
    for event in result:
        assert event.confidence < clash.confidence
        assert any(r.startswith("participle of result of the act 'clashed'")
                   for r in event.reasons)


def test_after_an_attack_word_the_result_says_whom_it_struck(analyse):
    # the attack on villages is one-sided: the result's people are its victims, not demoted
    _, events = analyse("Gunmen attacked two villages in Menaka on Tuesday, killing at least 20 "
                        "people.")
    assert events[0].event_type == "Violence against civilians", [
        (e.sub_event_type, e.confidence) for e in events]
    assert not any("participle of result" in r for e in events for r in e.reasons)


def test_a_result_inside_no_clause_of_its_own_is_left_alone(analyse):
    # no comma: "killing" is not a participle phrase after the act
    _, events = analyse("Police said the killing of two traders in Sylhet on Monday was "
                        "carried out by unknown gunmen.")
    assert not any("participle of result" in r for e in events for r in e.reasons)
