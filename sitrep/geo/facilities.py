"""Named streets and buildings ("Royal Street", "14th St.", "Alder Hey Hospital",
"Tahrir Square"): places, but not ones an offline gazetteer of towns holds.

They are recognised by their head noun so that a report says where something happened in as
much detail as it gives. The geocode stage places each at the town named nearest to it, at ACLED
precision 2, with that reason recorded (no GeoNames id or feature code; unresolved when the
report names no town). A name that holds a gazetteer place ("Manila Cathedral") is left to that place's
mention.
"""

from __future__ import annotations

import re

__all__ = ["find_facilities", "FACILITY_REASON"]

FACILITY_REASON = "a named street or building: not in the gazetteer, and no town named to place it"

# Head nouns of named streets and buildings. Organisations' heads ("University", "Center",
# "Council", "Market") are left out: their names mostly stand for the body, not the building.
_HEADS = ("Street|Avenue|Road|Drive|Boulevard|Lane|Highway|Expressway|Square|Bridge|Hospital|"
          "Clinic|Stadium|Arena|Cathedral|Church|Mosque|Synagogue|Temple|Shrine|Theatre|Theater|"
          "Hall|Hotel|Prison|Jail|Courthouse|Barracks|Refinery|Airport|Airfield|Racecourse|"
          "Circuit")
_ABBREVIATED = "St|Ave|Rd|Blvd"
_WORD = r"(?:[A-Z][\w'\u2019\-]*|\d{1,3}(?:st|nd|rd|th))"
_FACILITY = re.compile(
    rf"(?<![\w.\-])(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,3}})[ \t]"
    rf"(?P<head>(?:{_HEADS})\b|(?:{_ABBREVIATED})\.)")
# Capitalised words that open a sentence or a title rather than a name ("The Highway", "A Road").
_NOT_OPENING = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her",
                          "Their", "Our", "Every", "Each", "Any", "No", "In", "At", "On", "From",
                          "To", "By", "Of", "For", "With", "Catholic", "World"})


# A capitalised word right after the head that makes the street or building part of a longer
# name ("Federal Road Safety Corps", "Wall Street Journal"): not a day or a month ("on Royal
# Street Tuesday"), not a compass word that is part of the street's name ("Eglinton Avenue
# West"), nor another head ("Main Street Bridge" is found as its own match)
_LONGER_NAME = re.compile(r"[ \t]+(?P<word>[A-Z][a-z][\w'\u2019]*)")
_NOT_NAME_WORDS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "On", "In", "At", "And", "But", "The", "North", "South", "East",
    "West", "Northeast", "Northwest", "Southeast", "Southwest", "Extension", "Upper", "Lower"})


def _inside_longer_name(text: str, end: int) -> bool:
    following = _LONGER_NAME.match(text, end)
    if following is None:
        return False
    word = following["word"]
    return word not in _NOT_NAME_WORDS and not re.fullmatch(_HEADS, word)


def find_facilities(text: str) -> list[tuple[int, int]]:
    """Clean-text spans of named streets and buildings, in order. A head followed by another
    capitalised word is a piece of an organisation's or a paper's name, no place."""
    spans = []
    for match in _FACILITY.finditer(text):
        if _inside_longer_name(text, match.end()):
            continue
        words = match["name"].split()
        while words and words[0] in _NOT_OPENING:
            words = words[1:]
        if not words:
            continue
        start = match.end("name") - len(" ".join(words))
        spans.append((start, match.end()))
    return spans
