"""An act word that only modifies another noun tells no event (sitrep/events/trigger_syntax.py)."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from sitrep.config import load_config
from sitrep.events.trigger_syntax import (in_a_series_of_phrases, lists_kinds_of_act,
                                          modifies_another_noun)
from sitrep.model import Report, Token
from sitrep.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _triggers(text: str) -> list[tuple[str, str | None]]:
    (report,) = _up_to_detection().pipe(iter([Report(id="t", raw=text,
                                                      published=date(2022, 5, 4))]))
    return [(event.trigger.text.lower(), event.sub_event_type or event.plover_type)
            for event in report.events if event.trigger is not None]


@pytest.mark.parametrize("text, word", [
    ("Gunmen kidnapped an aid worker in Herat on Monday.", "aid"),
    ("A judge issued an arrest warrant for the editor on Tuesday.", "arrest"),
    ("Soldiers took the two men to a detention centre near the border on Friday.", "detention"),
    ("An attack helicopter flew low over the market on Sunday.", "attack"),
    ("She has led the protest movement since it began.", "protest"),
])
def test_an_act_word_modifying_a_noun_is_not_an_event(text, word):
    assert word not in {trigger for trigger, _ in _triggers(text)}


def test_the_event_beside_the_modifier_is_still_found():
    found = _triggers("Gunmen kidnapped an aid worker in Herat on Monday.")
    assert ("kidnapped", "Abduction/forced disappearance") in found


@pytest.mark.parametrize("text, word", [
    # the modified noun is itself an act: the two words tell one event
    ("Militants carried out a bomb attack on a police post in Kano on Monday.", "bomb attack"),
    # weapons and means still tell how, as modifiers too
    ("Residents said chlorine gas was dropped on the town on Monday.", "chlorine"),
    # a verb the parser could not place: the list entry of a headline-like line
    ("May 3, 2022: Gunmen kidnap medical doctor in Kogi", "kidnap"),
    # a participle tells what befell the noun's referent
    ("Police said the kidnapped students were freed on Monday.", "kidnapped"),
])
def test_acts_and_means_that_are_not_mere_modifiers_stay(text, word):
    assert word in {trigger for trigger, _ in _triggers(text)}


def _sentence(rows):
    """Tokens of one sentence from (text, pos, dep, head[, lemma]) rows, offsets laid out with
    spaces (the lemma is the word itself unless given)."""
    tokens, at = [], 0
    for text, pos, dep, head, *lemma in rows:
        tokens.append(Token(at, at + len(text), text, 0, lemma[0] if lemma else text.lower(),
                            pos, dep, head))
        at += len(text) + 1
    return " ".join(text for text, *_ in rows), tokens


def _modifies(rows, word: str, triggers=()) -> bool:
    text, tokens = _sentence(rows)
    report = Report(id="p", raw=text)
    report.text, report.tokens = text, tokens
    start = text.index(word)
    return modifies_another_noun(report, (0, len(tokens)), start, start + len(word),
                                 [(start, start + len(word)), *triggers])


def test_parse_rules_of_the_modifier():
    # they(0) met(1) an(2) aid(3) worker(4)
    rows = [("they", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("an", "DET", "det", 4),
            ("aid", "NOUN", "compound", 4), ("worker", "NOUN", "obj", 1)]
    assert _modifies(rows, "aid")
    # ... unless the noun is a trigger too ("a bomb attack")
    text, _ = _sentence(rows)
    at = text.index("worker")
    assert not _modifies(rows, "aid", [(at, at + 6)])
    # "Rebels attack convoy": after a plural noun the word is more likely a verb
    rows = [("they", "PRON", "nsubj", 1), ("saw", "VERB", "ROOT", 1),
            ("rebels", "NOUN", "compound", 4, "rebel"), ("attack", "NOUN", "compound", 4),
            ("convoy", "NOUN", "obj", 1)]
    assert not _modifies(rows, "attack")
    # nor after a capitalised word the tagger took for a noun ("the outfit TPC shot him dead")
    rows = [("they", "PRON", "nsubj", 1), ("said", "VERB", "ROOT", 1),
            ("TPC", "NOUN", "compound", 4, "tpc"), ("shot", "NOUN", "compound", 4),
            ("Yadav", "NOUN", "obj", 1)]
    assert not _modifies(rows, "shot")
    # no predicate in the sentence: the parse is not trusted
    rows = [("an", "DET", "det", 2), ("aid", "NOUN", "compound", 2), ("worker", "NOUN", "ROOT", 2)]
    assert not _modifies(rows, "aid")
    # "the arrest and the prosecution": not a modifier of the next noun
    rows = [("they", "PRON", "nsubj", 1), ("noted", "VERB", "ROOT", 1), ("the", "DET", "det", 3),
            ("arrest", "NOUN", "compound", 6), ("and", "CCONJ", "cc", 6),
            ("later", "ADJ", "amod", 6), ("trial", "NOUN", "obj", 1)]
    assert not _modifies(rows, "arrest")


@pytest.mark.parametrize("text, word", [
    # a charge sheet: kinds of act the accused is charged with
    ("The editor was charged with kidnapping, torture and murder by a court in Lagos.", "torture"),
    # a regime's abuses summed up
    ("The report describes a decade marked by abductions, beatings and killings of critics.",
     "beatings"),
])
def test_a_list_of_kinds_of_act_is_not_an_event(text, word):
    assert word not in {trigger for trigger, _ in _triggers(text)}


def test_acts_told_with_their_own_predicates_stay():
    # two coordinated verbs: each tells what happened
    found = {trigger for trigger, _ in _triggers(
        "Gunmen abducted two teachers and killed a guard in Kaduna on Monday.")}
    assert {"abducted", "killed"} <= found


def _lists(rows, word: str) -> bool:
    text, tokens = _sentence(rows)
    report = Report(id="p", raw=text)
    report.text, report.tokens = text, tokens
    start = text.index(word)
    return lists_kinds_of_act(report, (0, len(tokens)), start, start + len(word))


def test_parse_rules_of_the_list_of_kinds():
    # he(0) faces(1) arson(2) ,(3) looting(4) and(5) murder(6)
    rows = [("he", "PRON", "nsubj", 1), ("faces", "VERB", "ROOT", 1),
            ("arson", "NOUN", "obj", 1), (",", "PUNCT", "punct", 4),
            ("looting", "NOUN", "conj", 2), ("and", "CCONJ", "cc", 6),
            ("murder", "NOUN", "conj", 2)]
    assert _lists(rows, "murder") and _lists(rows, "arson")
    # a gerund in the list is used as a noun: charged(0) with(1) kidnapping(2) ,(3) arson(4) and(5) murder(6)
    rows = [("charged", "VERB", "ROOT", 0), ("with", "ADP", "mark", 2),
            ("kidnapping", "VERB", "obl", 0), (",", "PUNCT", "punct", 4),
            ("arson", "NOUN", "conj", 2), ("and", "CCONJ", "cc", 6),
            ("murder", "NOUN", "conj", 2)]
    assert _lists(rows, "kidnapping") and _lists(rows, "murder")
    # ... but a gerund with an object of its own is a predicate: suppressed(0) protest(1)
    # ,(2) detaining(3) and(4) arresting(5) thousands(6), parsed as a list with the noun
    rows = [("suppressed", "VERB", "ROOT", 0), ("protest", "NOUN", "obj", 0),
            (",", "PUNCT", "punct", 3), ("detaining", "VERB", "conj", 1),
            ("and", "CCONJ", "cc", 5), ("arresting", "VERB", "conj", 1),
            ("thousands", "NOUN", "obj", 5)]
    assert not _lists(rows, "protest")
    # two nouns are a pair, not a list of kinds ("the arrest and detention of ...")
    rows = [("he", "PRON", "nsubj", 1), ("faces", "VERB", "ROOT", 1),
            ("arson", "NOUN", "obj", 1), ("and", "CCONJ", "cc", 4),
            ("murder", "NOUN", "conj", 2)]
    assert not _lists(rows, "murder")
    # the list is the root: no predicate found to hang it on, the parse is not trusted
    rows = [("arson", "NOUN", "ROOT", 0), (",", "PUNCT", "punct", 2),
            ("looting", "NOUN", "conj", 0), ("and", "CCONJ", "cc", 4),
            ("murder", "NOUN", "conj", 0)]
    assert not _lists(rows, "murder")
    # verbs coordinated with the noun are predicates of their own
    rows = [("they", "PRON", "nsubj", 1), ("looted", "VERB", "ROOT", 1),
            ("shops", "NOUN", "obj", 1), (",", "PUNCT", "punct", 4),
            ("burned", "VERB", "conj", 1), ("and", "CCONJ", "cc", 6),
            ("killed", "VERB", "conj", 1)]
    assert not _lists(rows, "killed")



@pytest.mark.parametrize("text, word", [
    ("He has been charged with first-degree kidnapping in her disappearance last month.",
     "kidnapping"),
    ("He was acquitted of charges of helping militants storm the mall in a 2013 attack.",
     "attack"),
    ("Castro is facing kidnapping and serious illegal detention charges.", "kidnapping"),
    ("Police arrested him on charges of murder on Monday.", "murder"),
    ("They were found guilty and jailed in 2003.", "jailed"),
])
def test_an_act_named_as_a_criminal_charge_is_not_an_event(text, word):
    assert word not in {trigger for trigger, _ in _triggers(text)}


@pytest.mark.parametrize("text, word", [
    # the case's own arrest is told as an act
    ("Police arrested him on charges of murder on Monday.", "arrested"),
    # a clause of its own beside the charge: an adverbial clause, a relative clause
    ("He was charged after being arrested on Monday.", "arrested"),
    ("The law was used to charge several journalists, including Aung Ko Latt who was detained "
     "on March 21.", "detained"),
    # police charging a crowd is no criminal charge
    ("Police baton charged on a human chain organised by leftist activists in Rangpur and "
     "arrested 10.", "human chain"),
])
def test_acts_told_beside_a_charge_stay(text, word):
    assert word in {trigger for trigger, _ in _triggers(text)}


def _in_series(rows, word: str) -> bool:
    text, tokens = _sentence(rows)
    report = Report(id="p", raw=text)
    report.text, report.tokens = text, tokens
    start = text.index(word)
    return in_a_series_of_phrases(report, (0, len(tokens)), start, start + len(word))


# suffered(0) on(1) airstrikes(2) ,(3) on(4) war(5) ,(6) on(7) shootings(8) ,(9) on(10) bomb(11)
# attacks(12): as the parser reads it, no conj between most of the phrases
_SUFFERED_ON = [("suffered", "VERB", "ROOT", 0), ("on", "ADP", "case", 2),
                ("airstrikes", "NOUN", "obl", 0), (",", "PUNCT", "punct", 5),
                ("on", "ADP", "case", 5), ("war", "NOUN", "conj", 2),
                (",", "PUNCT", "punct", 8), ("on", "ADP", "case", 8),
                ("shootings", "NOUN", "obl", 0), (",", "PUNCT", "punct", 12),
                ("on", "ADP", "case", 12), ("bomb", "NOUN", "compound", 12),
                ("attacks", "NOUN", "nmod", 8)]


def test_a_series_of_phrases_with_one_preposition_lists_kinds():
    assert _in_series(_SUFFERED_ON, "airstrikes") and _in_series(_SUFFERED_ON, "attacks")
    assert _lists(_SUFFERED_ON, "shootings")


def test_two_phrases_or_a_verb_inside_make_no_series():
    # hit(0) by(1) airstrikes(2) ,(3) by(4) shelling(5) and(6) by(7) rockets(8): two commas' worth
    rows = [("hit", "VERB", "ROOT", 0), ("by", "ADP", "case", 2), ("airstrikes", "NOUN", "obl", 0),
            (",", "PUNCT", "punct", 5), ("by", "ADP", "case", 5), ("shelling", "NOUN", "conj", 2),
            ("and", "CCONJ", "cc", 8), ("by", "ADP", "case", 8), ("rockets", "NOUN", "conj", 2)]
    assert not _in_series(rows, "airstrikes")
    # on(0) airstrikes(1) ,(2) killed(3) on(4) roads(5) ,(6) on(7) farms(8): a verb between
    rows = [("on", "ADP", "case", 1), ("airstrikes", "NOUN", "ROOT", 1),
            (",", "PUNCT", "punct", 3), ("killed", "VERB", "conj", 1), ("on", "ADP", "case", 5),
            ("roads", "NOUN", "obl", 3), (",", "PUNCT", "punct", 8), ("on", "ADP", "case", 8),
            ("farms", "NOUN", "conj", 5)]
    assert not _in_series(rows, "airstrikes")


def test_means_in_a_series_of_kinds_are_no_event():
    found = _triggers("The women who have already suffered all their life on airstrikes, on war, "
                      "on shootings, on bomb attacks want peace.")
    assert not [trigger for trigger, kind in found if kind in (
        "Air/drone strike", "Remote explosive/landmine/IED")]
    # one means told as what struck: still an event
    assert ("airstrikes", "Air/drone strike") in _triggers(
        "Three people were killed in airstrikes on Monday in Idlib.")
