"""A denial contests only the happening it denies (sitrep/events/discourse.py, mark_contested):
mentions of the denied type in the denial's own sentence, or naming whom or where the denied
act was done to, become uncertain; the report's other acts of that type stay asserted."""

from __future__ import annotations

import functools
from datetime import date

from sitrep.config import load_config
from sitrep.model import Report
from sitrep.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _modalities(text: str) -> dict[str, str]:
    (report,) = _up_to_detection().pipe(iter([Report(id="c", raw=text,
                                                      published=date(2023, 6, 2))]))
    return {event.trigger.text: event.modality for event in report.events
            if event.trigger is not None and event.sub_event_type}


def test_a_blanket_denial_leaves_the_named_arrests_asserted():
    text = ("Police in Lindara arrested the editor of the Daily Courier and two reporters on "
            "Tuesday, their union said. A police spokesman denied that any of them had been "
            "detained.")
    modalities = _modalities(text)
    assert modalities["detained"] == "negated"
    assert modalities["arrested"] == "asserted"


def test_a_denial_naming_the_person_contests_that_arrest_only():
    text = ("Soldiers arrested the journalist Amadou Diallo in Gao on Monday, his employer said. "
            "Police also detained two farmers in Mopti. The army denied arresting Amadou Diallo.")
    modalities = _modalities(text)
    assert modalities["arrested"] == "uncertain"
    assert modalities["detained"] == "asserted"


def test_a_denial_naming_the_place_contests_the_act_told_there():
    text = ("The army denied reports that its troops had shelled Kibirizi. Residents said shells "
            "hit Kibirizi on Monday.")
    modalities = _modalities(text)
    assert modalities["shelled"] == "negated"
    assert modalities["shells"] == "uncertain"
