"""An attempted event did not (yet) happen: "detained for attempting to stage a protest" tells a
detention, not a protest (sitrep/events/modality.py, every form of "attempt to")."""

from __future__ import annotations

import pytest

from sitrep.events.modality import read_modality


@pytest.mark.parametrize("sentence", [
    "He was detained last weekend for attempting to stage a protest in Havana.",
    "They were arrested after they attempted to stage a protest outside parliament.",
    "Police stopped activists who were trying to hold a protest in the square.",
])
def test_an_attempted_protest_is_not_asserted(sentence):
    start = sentence.index("protest")
    assert read_modality(sentence, start, start + len("protest")).value == "hypothetical"


def test_the_detention_itself_stays_asserted():
    sentence = "He was detained last weekend for attempting to stage a protest in Havana."
    start = sentence.index("detained")
    assert read_modality(sentence, start, start + len("detained")).value == "asserted"
