"""Who does violence decides whether it is political violence and of which kind
(sitrep/events/codebook.py ``non_political``), on sentences written for these tests.

State forces using force on people act as the state whoever they hit: ACLED codes a smuggler
shot dead by the police, while the same words between criminals stay ordinary crime and an
arrest of criminals stays no event. Communities fighting with firearms are armed sides (a
battle), with sticks a mob; the lawyers' "Bar Association" is no ban; state forces freeing
people others abducted is a rescue, no agreement."""

from __future__ import annotations

import pytest

from sitrep.eval.events import available_pipeline, snippet_label
from sitrep.model import Report

CASES = [
    # state forces' force on a suspected criminal: ACLED codes it
    ("Police shot dead a smuggler in Lahore on Monday.", "Attack"),
    ("A drug smuggler was shot dead by police in Karachi on Monday.", "Attack"),
    ("Border guards shot dead two cattle smugglers near the frontier on Sunday.", "Attack"),
    # between criminals, or an arrest of criminals: ordinary crime
    ("A gang of robbers shot dead a shopkeeper in Karachi on Monday.", "none"),
    ("Police arrested three drug smugglers in Lahore on Monday.", "none"),
    # communities fighting each other: with guns a battle of armed sides, with sticks a mob
    ("Two rival clans exchanged fire over a land dispute in Sargodha on Monday, killing two.",
     "Armed clash"),
    ("Villagers of two rival clans clashed with sticks over a land dispute in Sargodha on "
     "Monday.", "Mob violence"),
    # the lawyers' bar is no ban on the protest
    ("Members of the Nepal Bar Association protested against the new constitution draft in "
     "Kathmandu on Monday.", "Peaceful protest"),
    ("The government barred students from protesting in Kathmandu on Monday.", "none"),
    # captors freeing captives for a deal is an agreement (a rescue by the forces is not:
    # test_a_rescue_by_the_forces_is_no_agreement)
    ("Boko Haram freed 20 hostages in exchange for prisoners in Borno on Monday.", "Agreement"),
    ("Soldiers freed the town of Gwoza from Boko Haram on Monday.",
     "Government regains territory"),
]


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("text,label", CASES)
def test_who_does_violence_types_it(pipeline, text, label):
    report = pipeline(Report(id="case", raw=text))
    assert snippet_label(report.events) == label, [
        (e.sub_event_type, e.reasons[:2]) for e in report.events]


def test_a_rescue_by_the_forces_is_no_agreement(pipeline):
    report = pipeline(Report(id="case", raw="Police freed a businessman kidnapped on Monday in "
                                            "Lagos."))
    assert not any(e.sub_event_type == "Agreement" for e in report.events), [
        (e.sub_event_type, e.reasons[:2]) for e in report.events]
