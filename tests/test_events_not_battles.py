"""Words of violence that tell no event (sitrep/events/codebook.py ``code_clash`` and
``code_withdrawal``, sitrep/events/stage.py ``_inside_a_name``). Hand-written sentences."""

from __future__ import annotations

import pytest

from sitrep.eval.events import available_pipeline, snippet_label
from sitrep.model import Report

CASES = [
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
]


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("text,label", CASES)
def test_violent_words_that_tell_no_event(pipeline, text, label):
    report = pipeline(Report(id="case", raw=text))
    assert snippet_label(report.events) == label, [
        (e.sub_event_type, e.reasons[:2]) for e in report.events]
