"""A battle needs two armed, organised sides, and words of violence are not always events
(sitrep/events/codebook.py ``code_attack``, ``code_clash``, ``code_withdrawal``;
sitrep/events/stage.py ``_inside_a_name``).

Hand-written sentences: an attack with only one armed side in the text, or the murder of a person,
is one-sided violence (an ACLED attack); an armed attacker on armed forces stays a battle; a
struggle for a cause, a campaign, an organisation's name or a handover of no place is no event."""

from __future__ import annotations

import pytest

from sitrep.eval.events import available_pipeline, snippet_label
from sitrep.model import Report

CASES = [
    # both sides armed and named: a battle
    ("Militants attacked an army checkpoint near Gao on Tuesday, killing three soldiers.",
     "Armed clash"),
    ("Insurgents ambushed a police patrol outside the town on Monday.", "Armed clash"),
    # an armed attacker, nobody named on the other side
    ("Gunmen attacked the village on Sunday night, residents said.", "Attack"),
    # a murder kills a person who was not fighting back, even an officer
    ("A senior police official was murdered outside his home in Kampala on March 17.", "Attack"),
    ("Unknown assailants assassinated the district governor on Friday.", "Attack"),
    # a struggle for a cause, a campaign: no battle
    ("Labour leaders in Karachi fought for the rights of the working people in September.", "none"),
    ("The governments supporting Iraq in its fight against ISIS should act, officials said in "
     "Baghdad on Monday.", "none"),
    # the battle for a place, fighting between named sides: battles
    ("Government forces fought for control of the town of Marib on Tuesday against Houthi rebels.",
     "Armed clash"),
    ("Rebels and government troops fought in the hills outside Goma on Sunday.", "Armed clash"),
    # a trigger word inside an organisation's name is a name
    ("Amnesty International last month named five other prisoners of conscience in Cuba.", "none"),
    ("The government declared an amnesty for rebels in Mindanao on Monday.", "Agreement"),
    # what is handed over must be the place
    ("In Bujumbura, the army held a handover ceremony for its new commander on Tuesday.", "none"),
    ("The rebels handed over the town of Kidal to government forces on Monday without a fight.",
     "Non-violent transfer of territory"),
    # "vest" inside "investigation" is no explosive vest
    ("Police opened an investigation into the suicide of a student in Lahore on Monday.", "none"),
]


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("text,label", CASES)
def test_battles_and_violent_words(pipeline, text, label):
    report = pipeline(Report(id="case", raw=text))
    assert snippet_label(report.events) == label, [
        (e.sub_event_type, e.reasons[:2]) for e in report.events]
