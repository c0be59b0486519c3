"""A yes/no question asks whether its act happened; it does not tell it
(sitrep/events/modality.py, ``yes_no_question``). A wh-question takes its act as given."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from sitrep.config import load_config
from sitrep.events.modality import read_modality, yes_no_question
from sitrep.model import Report
from sitrep.pipeline import Pipeline


def _read(text: str, trigger: str):
    start = text.index(trigger)
    return read_modality(text, start, start + len(trigger))


@pytest.mark.parametrize("text, trigger, auxiliary", [
    ("Was the journalist arrested for his reporting?", "arrested", "Was"),
    ("Did police beat the protesters in Lagos?", "beat", "Did"),
    ("Has the army killed civilians in the region?", "killed", "Has"),
    ('She asked: "Were they beaten by the guards?"', "beaten", "Were"),
    ("Isn't it true that soldiers burned the village?", "burned", "Isn't"),
])
def test_a_question_opened_by_its_auxiliary_is_not_asserted(text, trigger, auxiliary):
    modality = _read(text, trigger)
    assert (modality.value, modality.cue) == ("uncertain", auxiliary)


@pytest.mark.parametrize("text, trigger", [
    # a wh-question takes the arrest as given and asks about it
    ("Why were the two reporters arrested in Minsk?", "arrested"),
    # the sentence that tells the act ends before the question
    ("Police arrested him on Monday. Was it legal?", "arrested"),
    # a question about what one knows takes the act as given
    ("Do you remember the day soldiers stormed the village?", "stormed"),
    # no auxiliary first: a statement with a question after it
    ("Police arrested him, but on what grounds?", "arrested"),
    ("Soldiers shot two protesters in Yangon on Sunday.", "shot"),
])
def test_what_is_not_a_yes_no_question_stays_asserted(text, trigger):
    assert _read(text, trigger).value == "asserted"
    start = text.index(trigger)
    assert yes_no_question(text, start, start + len(trigger)) is None


def test_a_stronger_cue_of_the_clause_still_decides():
    # a denial inside the question is read as the denial it is
    assert _read("Did police not arrest anyone at the rally?", "arrest").value == "negated"


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def test_detect_events_codes_the_question_as_uncertain_and_the_report_as_asserted():
    text = ("Police arrested the journalist Amina Yusuf in Kano on Monday. "
            "Was she arrested for her reporting on the protest?")
    (report,) = _up_to_detection().pipe(iter([Report(id="q", raw=text,
                                                      published=date(2023, 6, 2))]))
    arrests = {event.trigger.start: event for event in report.events
               if event.trigger is not None and event.trigger.text == "arrested"}
    told, asked = (arrests[position] for position in sorted(arrests))
    assert told.modality == "asserted"
    assert asked.modality == "uncertain" and asked.modality_cue == "Was"
    assert any("uncertain: 'Was'" in reason for reason in asked.reasons)
