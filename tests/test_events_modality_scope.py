"""A word that qualifies what is told qualifies only its own clause (sitrep/events/modality.py,
``trigger_syntax.cue_reaches``): a modal inside a relative clause, or a denial inside an aside,
says nothing of the sentence's main act; a modal of the main act says nothing of what a relative
clause tells about the people it names."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from sitrep.config import load_config
from sitrep.events.modality import read_modality
from sitrep.events.trigger_syntax import cue_reaches
from sitrep.model import Report, Token
from sitrep.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _modality(text: str, trigger: str) -> str:
    (report,) = _up_to_detection().pipe(iter([Report(id="m", raw=text,
                                                      published=date(2023, 6, 2))]))
    return next(event.modality for event in report.events
                if event.trigger is not None and event.trigger.text == trigger)


@pytest.mark.parametrize("text, trigger", [
    # the attempt was the victims'; their killing happened
    ("Two farmers who tried to stop the raiders were killed in Zamfara on Monday.", "killed"),
    # the threat was the men's; their arrest happened
    ("The men, who had threatened to burn the market, were arrested in Jos on Monday.",
     "arrested"),
])
def test_a_cue_inside_a_relative_clause_does_not_reach_the_main_act(text, trigger):
    assert _modality(text, trigger) == "asserted"


def test_a_cue_of_the_main_act_does_not_reach_into_a_relative_clause():
    text = "Police tried to detain the youths who attacked the checkpoint in Goma on Sunday."
    assert _modality(text, "detain") == "hypothetical"
    assert _modality(text, "attacked") == "asserted"


def test_the_cue_still_governs_its_own_clause():
    text = "Gunmen who had threatened to attack the school were seen near Kaura on Monday."
    assert _modality(text, "attack") == "hypothetical"
    text = "Troops made an attempt to capture the town of Kidal on Monday."
    assert _modality(text, "capture") == "hypothetical"


def test_a_denial_inside_an_aside_does_not_reach_past_it():
    sentence = "The paper was closed for sedition (a charge its editor denied) after his arrest in May."
    start = sentence.index("arrest")
    assert read_modality(sentence, start, start + len("arrest")).value == "asserted"
    # ... while one in the same clause still does
    sentence = "Police denied the arrest of the editor in May."
    start = sentence.index("arrest")
    assert read_modality(sentence, start, start + len("arrest")).value == "negated"


def _sentence(rows):
    """A report of one parsed sentence from (text, pos, dep, head) rows."""
    tokens, at = [], 0
    for text, pos, dep, head in rows:
        tokens.append(Token(at, at + len(text), text, 0, text.lower(), pos, dep, head))
        at += len(text) + 1
    report = Report(id="p", raw=" ".join(row[0] for row in rows))
    report.text, report.tokens = report.raw, tokens
    return report


def _span(report: Report, words: str) -> tuple[int, int]:
    start = report.text.index(words)
    return start, start + len(words)


def test_parse_rules_of_the_cue_scope():
    # guards(0) who(1) tried(2) to(3) flee(4) were(5) shot(6)
    report = _sentence([("guards", "NOUN", "nsubj:pass", 6), ("who", "PRON", "nsubj", 2),
                        ("tried", "VERB", "acl:relcl", 0), ("to", "PART", "mark", 4),
                        ("flee", "VERB", "xcomp", 2), ("were", "AUX", "aux:pass", 6),
                        ("shot", "VERB", "ROOT", 6)])
    tokens = (0, len(report.tokens))
    assert not cue_reaches(report, tokens, _span(report, "tried to"), _span(report, "shot"))
    assert cue_reaches(report, tokens, _span(report, "tried to"), _span(report, "flee"))
    # a participle describing a noun: troops(0) trying(1) to(2) flee(3) were(4) shot(5)
    report = _sentence([("troops", "NOUN", "nsubj:pass", 5), ("trying", "VERB", "acl", 0),
                        ("to", "PART", "mark", 3), ("flee", "VERB", "xcomp", 1),
                        ("were", "AUX", "aux:pass", 5), ("shot", "VERB", "ROOT", 5)])
    assert not cue_reaches(report, (0, 6), _span(report, "trying to"), _span(report, "shot"))
    # police(0) could(1) arrest(2) men(3) who(4) burned(5) it(6): "who" opens a relative clause
    report = _sentence([("police", "NOUN", "nsubj", 2), ("could", "AUX", "aux", 2),
                        ("arrest", "VERB", "ROOT", 2), ("men", "NOUN", "obj", 2),
                        ("who", "PRON", "nsubj", 5), ("burned", "VERB", "acl:relcl", 3),
                        ("it", "PRON", "obj", 5)])
    assert cue_reaches(report, (0, 7), _span(report, "could"), _span(report, "arrest"))
    assert not cue_reaches(report, (0, 7), _span(report, "could"), _span(report, "burned"))
    # ... "that" may open a noun's complement ("reports that soldiers burned it"): still reached
    report = _sentence([("police", "NOUN", "nsubj", 2), ("could", "AUX", "aux", 2),
                        ("deny", "VERB", "ROOT", 2), ("reports", "NOUN", "obj", 2),
                        ("that", "SCONJ", "mark", 5), ("burned", "VERB", "acl:relcl", 3),
                        ("it", "PRON", "obj", 5)])
    assert cue_reaches(report, (0, 7), _span(report, "could"), _span(report, "burned"))
    # no parse: nothing is ruled out
    report = _sentence([(word, "", "", -1) for word in "guards who tried to flee were shot".split()])
    assert cue_reaches(report, (0, 7), _span(report, "tried to"), _span(report, "shot"))


def test_a_who_clause_ends_at_the_main_verbs_auxiliary():
    # the small parser runs these clauses together ("protest were arrested" as a complement)
    text = ("Around 20 opposition leaders in Kisumu were put under house arrest, while in Nakuru "
            "some party workers who tried to stage a protest were arrested, police said.")
    assert _modality(text, "arrested") == "asserted"
    assert _modality(text, "protest") == "hypothetical"
