"""A battle needs two armed, organised sides (sitrep/events/codebook.py, ``code_attack``).

Hand-written sentences: an attack with only one armed side in the text, or the murder of a person,
is one-sided violence (an ACLED attack); an armed attacker on armed forces stays a battle."""

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
]


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("text,label", CASES)
def test_battle_needs_two_armed_sides(pipeline, text, label):
    report = pipeline(Report(id="case", raw=text))
    assert snippet_label(report.events) == label, [
        (e.sub_event_type, e.reasons[:2]) for e in report.events]
