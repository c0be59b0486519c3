"""A commentator's view is analysis, not a report of events (sitrep/events/speakers.py)."""

from __future__ import annotations

from sitrep.events.speakers import commentator_view
from sitrep.model import Token


def test_surface_view_of_analysts_covers_what_follows():
    text = ("Analysts believe the concentration of forces on the Aleppo offensive allowed IS "
            "fighters to walk into Palmyra.")
    assert commentator_view(text, text.index("offensive")) == "Analysts believe"
    assert commentator_view(text, text.index("allowed")) == "Analysts believe"


def test_reporters_and_what_precedes_the_view_are_not_views():
    text = "Police believe the gunmen fled after the attack on the market."
    assert commentator_view(text, text.index("attack")) is None  # police report, not comment
    text = "The attack killed nine, and many suspect the army."
    assert commentator_view(text, text.index("attack")) is None  # before the view
    text = 'Many suspect "nothing"; militants attacked the base.'
    assert commentator_view(text, text.index("attacked")) is None  # another clause


def _tokens(rows):
    return [Token(0, 0, text, 0, lemma, "", dep, head) for text, lemma, dep, head in rows]


def test_parse_view_reaches_the_complement_not_the_subject():
    # Analysts(0) who(1) saw(2) the(3) attack(4) believe(5) IS(6) retreated(7)
    tokens = _tokens([("Analysts", "analyst", "nsubj", 5), ("who", "who", "nsubj", 2),
                      ("saw", "see", "acl:relcl", 0), ("the", "the", "det", 4),
                      ("attack", "attack", "obj", 2), ("believe", "believe", "ROOT", 5),
                      ("IS", "IS", "nsubj", 7), ("retreated", "retreat", "ccomp", 5)])
    assert commentator_view("", 0, tokens, 7) == "Analysts believe"
    assert commentator_view("", 0, tokens, 4) is None  # the attack they saw is reported


def test_parse_view_needs_a_commentator_subject():
    tokens = _tokens([("Witnesses", "witness", "nsubj", 1), ("believe", "believe", "ROOT", 1),
                      ("troops", "troop", "nsubj", 3), ("fired", "fire", "ccomp", 1)])
    assert commentator_view("", 0, tokens, 3) is None
