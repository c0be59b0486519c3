"""An act told as what someone plotted, planned, conspired or tried to do did not happen: it is
hypothetical, read through the parse (sitrep/events/trigger_syntax.py, under_an_intention)."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from sitrep.config import load_config
from sitrep.model import Report
from sitrep.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _events(text: str) -> dict[str, tuple[str, str | None]]:
    (report,) = _up_to_detection().pipe(iter([Report(id="t", raw=text,
                                                      published=date(2022, 5, 4))]))
    return {event.trigger.text: (event.modality, event.modality_cue) for event in report.events}


@pytest.mark.parametrize("text, word, cue", [
    # a gerund of plotting under a charge, the infinitive beyond the modal cues' reach
    ("Prosecutors in July charged the four men from Tehran with plotting to kidnap the "
     "New York-based journalist who was critical of the government.", "kidnap", "plotting"),
    # a noun of intention with its infinitive
    ("Police uncovered a conspiracy to murder the judge in Lagos.", "murder", "conspiracy"),
    # through a verb that only says the act was done
    ("Militants plotted to carry out an attack on the embassy in Nairobi.", "attack", "plotted"),
    # the second item of the infinitive's list, parsed as a conjunct of "plotted"
    ("Feds: Militiamen plotted to attack Capitol, kidnap Gov. Smith and target cops", "kidnap",
     "plotted"),
    ("Police arrested three men suspected of conspiring to bomb a church in Lahore.", "bomb",
     "conspiring"),
    # coordinated infinitives
    ("The men plotted to storm the statehouse and kidnap the governor.", "kidnap", "plotted"),
])
def test_an_intended_act_is_hypothetical(text, word, cue):
    assert _events(text)[word] == ("hypothetical", cue)


@pytest.mark.parametrize("text, word", [
    # the act of the sentence beside the intention happened
    ("Police arrested three men suspected of conspiring to bomb a church in Lahore.", "arrested"),
    # a relative clause's intention is the doers', the main verb's act happened
    ("Gunmen who planned to rob the bank killed a guard on Monday.", "killed"),
    # a noun object of "plan": a bombing planned is as often one carried out
    ("The militants planned the bombing of the market in Kano that killed 20 people.", "bombing"),
    # a plot foiled: the foiling happened (Disrupted weapons use)
    ("The bomb plot was foiled by police in Lahore in 2020.", "bomb"),
    # an infinitive of purpose on another verb is no intention's
    ("Soldiers stormed the village to arrest the suspects on Monday.", "arrest"),
])
def test_acts_beside_an_intention_are_not_made_hypothetical(text, word):
    assert _events(text)[word] == ("asserted", None)
