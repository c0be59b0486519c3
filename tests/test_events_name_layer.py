"""A site word closing a name of something else is the name's: "the Washington Post columnist"
is no armed post (sitrep/events/name_layer.py); "Nawan Kot Police Post" is one."""

from __future__ import annotations

import pytest

from sitrep.events.lexicon import load_lexicon
from sitrep.events.name_layer import blank_names_of_organisations
from sitrep.model import Report, Token


def _report(words: list[tuple[str, str]]) -> Report:
    """A report of ``words`` (text, part of speech) separated by single spaces."""
    text = " ".join(word for word, _ in words)
    tokens, position = [], 0
    for word, pos in words:
        tokens.append(Token(position, position + len(word), word, 0, word.lower(), pos))
        position += len(word) + 1
    report = Report(id="t", raw=text)
    report.text, report.offsets, report.tokens = text, list(range(len(text))), tokens
    return report


LEXICON = load_lexicon()
SITE = LEXICON.roles["military_target"]
FORCE = [LEXICON.roles["state"], LEXICON.roles["nonstate"]]


def _blanked(words):
    report = _report(words)
    return blank_names_of_organisations(report, 0, report.text, SITE, FORCE)


def test_a_newspapers_name_keeps_no_site_word():
    text = _blanked([("the", "DET"), ("Washington", "PROPN"), ("Post", "PROPN"),
                     ("columnist", "NOUN"), ("was", "AUX"), ("killed", "VERB")])
    assert text == "the Washington      columnist was killed"
    assert not SITE.search(text)


@pytest.mark.parametrize("words", [
    # the force is named in the site's name
    [("attacked", "VERB"), ("Nawan", "PROPN"), ("Kot", "PROPN"), ("Police", "PROPN"),
     ("Post", "PROPN")],
    # a site word that is no proper noun
    [("attacked", "VERB"), ("an", "DET"), ("army", "NOUN"), ("post", "NOUN")],
    # a proper noun alone is no name of something else ("Post" heading a line)
    [("Post", "PROPN"), ("attacked", "VERB")],
    # not the name's last word
    [("near", "ADP"), ("the", "DET"), ("Kot", "PROPN"), ("Post", "PROPN"), ("Office", "PROPN")],
])
def test_sites_stay_sites(words):
    report = _report(words)
    assert blank_names_of_organisations(report, 0, report.text, SITE, FORCE) == report.text


def test_the_columnist_killed_is_no_attack_on_armed_forces(analyse):
    _, events = analyse("Jamal Khashoggi, the Washington Post columnist that was killed by the "
                        "Saudi government last year, was a critic of the crown prince.")
    assert events and all(event.sub_event_type != "Armed clash" for event in events)
    _, events = analyse("Miscreants attacked Nawan Kot Police Post on Sunday, killing two "
                        "policemen.")
    assert any(event.sub_event_type == "Armed clash" for event in events)
