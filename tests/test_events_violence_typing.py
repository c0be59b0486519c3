"""Who does violence decides whether it is political violence and of which kind
(sitrep/events/codebook.py ``non_political``), on sentences written for these tests.

State forces using force on people act as the state whoever they hit: ACLED codes a smuggler
shot dead by the police, while the same words between criminals stay ordinary crime and an
arrest of criminals stays no event."""

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
]


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("text,label", CASES)
def test_who_does_violence_types_it(pipeline, text, label):
    report = pipeline(Report(id="case", raw=text))
    assert snippet_label(report.events) == label, [
        (e.sub_event_type, e.reasons[:2]) for e in report.events]
