"""'X met (with) Y' is a meeting only when Y is a party to talk to; a protest 'met with tear gas',
troops that 'met resistance', a plan 'met with criticism' tell no meeting
(sitrep/events/meeting.py)."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from sitrep.config import load_config
from sitrep.events.lexicon import load_lexicon
from sitrep.events.meeting import meets_no_party, names_people
from sitrep.model import Report, Token
from sitrep.pipeline import Pipeline

_people = names_people(load_lexicon().roles)


def _report(words: list[tuple[str, str, str, int]]) -> Report:
    """A parsed sentence of ``words`` (text, part of speech, relation, head index)."""
    text = " ".join(word for word, *_ in words)
    tokens, position = [], 0
    for word, pos, dep, head in words:
        lemma = {"elders": "elder", "protests": "protest", "arrests": "arrest"}.get(word,
                                                                                word.lower())
        tokens.append(Token(position, position + len(word), word, 0, lemma, pos, dep, head))
        position += len(word) + 1
    report = Report(id="t", raw=text)
    report.text, report.offsets, report.tokens = text, list(range(len(text))), tokens
    return report


def _no_meeting(words, acts: tuple[str, ...] = ()) -> bool:
    report = _report(words)
    start = report.text.index("met")
    spans = [(report.text.index(act), report.text.index(act) + len(act)) for act in acts]
    return meets_no_party(report, (0, len(words)), start, start + 3, [], _people, spans)


def test_a_passive_met_with_is_a_reception():
    assert _no_meeting([("protests", "NOUN", "nsubj:pass", 2), ("were", "AUX", "aux:pass", 2),
                        ("met", "VERB", "ROOT", 2), ("with", "ADP", "case", 5),
                        ("tear", "NOUN", "compound", 5), ("gas", "NOUN", "obl", 2)])


def test_a_bare_mass_noun_is_no_party_even_when_it_is_a_forces_word():
    # "force" is also a word of the armed forces: told bare, it is a mass
    assert _no_meeting([("Protesters", "NOUN", "nsubj", 1), ("met", "VERB", "ROOT", 1),
                        ("with", "ADP", "case", 3), ("force", "NOUN", "obl", 1)])


def test_a_mass_with_a_determiner_of_masses_is_no_party():
    assert _no_meeting([("crowd", "NOUN", "nsubj", 1), ("met", "VERB", "ROOT", 1),
                        ("some", "DET", "det", 3), ("resistance", "NOUN", "obj", 1)])


def test_a_counted_act_is_no_party():
    words = [("Protesters", "NOUN", "nsubj", 1), ("met", "VERB", "ROOT", 1),
             ("with", "ADP", "case", 3), ("arrests", "NOUN", "obl", 1)]
    assert _no_meeting(words, acts=("arrests",))
    # the same noun, were it no act the lexicon knows, would be someone met
    assert not _no_meeting(words)


@pytest.mark.parametrize("words", [
    # a counted noun that is no act: someone
    [("he", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("the", "DET", "det", 3),
     ("father", "NOUN", "obj", 1), ("of", "ADP", "case", 6), ("the", "DET", "det", 6),
     ("victim", "NOUN", "nmod", 3)],
    # a role of the actor layer, counted
    [("minister", "NOUN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "case", 4),
     ("tribal", "ADJ", "amod", 4), ("elders", "NOUN", "obl", 1)],
    # a name the parser hung below another noun
    [("friends", "NOUN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "case", 5),
     ("Robert", "PROPN", "compound", 5), ("Dreyfus", "PROPN", "flat", 3),
     ("afternoon", "NOUN", "obl", 1)],
    # a name
    [("Biden", "PROPN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("Putin", "PROPN", "obj", 1)],
    # a person's pronoun
    [("Obama", "PROPN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "case", 3),
     ("her", "PRON", "obl", 1)],
    # owned by a person
    [("Lavrov", "PROPN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("his", "PRON", "nmod:poss", 3),
     ("counterpart", "NOUN", "obj", 1)],
    # no object: the parties are the subject
    [("leaders", "NOUN", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("in", "ADP", "case", 3),
     ("Geneva", "PROPN", "obl", 1)],
])
def test_a_party_met_is_a_meeting(words):
    assert not _no_meeting(words)


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _types(text: str) -> set[tuple[str, str | None]]:
    (report,) = _up_to_detection().pipe(iter([Report(id="t", raw=text,
                                                      published=date(2022, 5, 4))]))
    return {(event.trigger.text.lower(), event.sub_event_type or event.plover_type)
            for event in report.events if event.trigger is not None}


@pytest.mark.parametrize("text", [
    "The protests were met with tear gas and live fire by police on Monday.",
    "Protesters in Lagos met with force and arrests on Tuesday.",
    "Troops met stiff resistance from the rebels near the border.",
    "The plan met with criticism from the opposition.",
])
def test_a_reception_is_no_meeting(text):
    assert "CONSULT" not in {kind for _, kind in _types(text)}


def test_the_protest_met_with_force_keeps_its_own_event():
    found = _types("The protests were met with tear gas and live fire by police on Monday.")
    assert ("protests", "Excessive force against protesters") in found


@pytest.mark.parametrize("text", [
    "The minister met with tribal elders in Kandahar on Monday.",
    "The envoy met with Taliban leaders in Doha.",
    "Lavrov met his counterpart in Geneva on Monday.",
    "The two leaders met in Geneva on Monday.",
    "The UN envoy met representatives of the rebels on Friday.",
])
def test_a_meeting_with_a_party_stays_a_meeting(text):
    assert "CONSULT" in {kind for _, kind in _types(text)}


def test_the_people_test_pickles_with_its_stage():
    import pickle
    people = pickle.loads(pickle.dumps(_people))
    assert people("tribal elders") and not people("tear gas")
