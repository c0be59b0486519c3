"""Words only one country's news uses: the last evidence of an event's country.

ACLED names generic actors after the event's country ("Rioters (Bangladesh)"). When a report
resolves no place and names no actor with a country, the words of its administration, its
forces and its organisations may still say where it is: "upazila" is a sub-district only in
Bangladesh, "Mohmand Agency" a tribal agency of Pakistan, a "dharna" a sit-in in India. Each cue
is a public fact about one country's institutions, not a phrase of any test set; a cue shared by
several countries ("hartal", "tehsil", "Rangers") is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

__all__ = ["Cue", "cue_country"]


class Cue(NamedTuple):
    iso3: str
    country: str          # the English name, as the gazetteer and actors.tsv write it
    reason: str


# ISO3: (the country's name, words in any case, names and acronyms as written)
_CUES = {
    "BGD": ("Bangladesh", r"upazill?as?|union parishad",
            r"Rapid Action Battalion|Jubo League|Juba League|Chhatra League|Chhatra Dal|"
            r"Chhatra Shibir|Swechchh?a ?sh?ebak League"),
    "PAK": ("Pakistan", r"frontier corps|levies",
            r"(?:Bajaur|Mohmand|Khyber|Kurram|Orakzai) Agency|FATA|Khyber Pakhtunkhwa|KPK|"
            r"Waziristan|MNA|MPA"),
    "IND": ("India", r"dharna|bandh|gherao|collectorate|jawans?|naxals?|naxalites?",
            r"CRPF|Lok Sabha|MLA"),
    "NPL": ("Nepal", r"village development committee",
            r"VDC|Madhesi"),
}
_PATTERNS = {iso3: re.compile(rf"\b(?:(?i:{words})|{names})\b")
             for iso3, (_, words, names) in _CUES.items()}


def cue_country(text: str) -> Cue | None:
    """The country whose institution words ``text`` uses: the one with the most cues, none on
    a tie or without any."""
    votes = Counter()
    first = {}
    for iso3, pattern in _PATTERNS.items():
        found = pattern.findall(text)
        if found:
            votes[iso3] = len(found)
            first[iso3] = found[0]
    ranked = votes.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    iso3 = ranked[0][0]
    return Cue(iso3, _CUES[iso3][0],
               f"the report's words of {iso3}'s institutions ({first[iso3]!r})")
