"""Places that close an organisation's name ("the Foreign Correspondents' Club of Thailand",
"the Federation of General Workers Myanmar"): the place says whose the body is, not where
anything happened (sitrep.geo.stage marks them, sitrep.geo.locate reads the mark)."""

from __future__ import annotations

from .tokens import Token, capitalised as _capitalised
from .words import ADMIN_CUES, FEATURE_WORDS, SETTLEMENT_CUES

__all__ = ["ORGANISATION_HEADS", "organisation_name"]

# the most words a name's run is read back over
_LONGEST_NAME = 21


# The head nouns of a body's name that is no site: a union, a club, a party, a commission...
# ("Federation of General Workers Myanmar", "Foreign Correspondents' Club of Thailand", "Human
# Rights Commission of Pakistan", "Bank of Thailand", "Government of Nepal"). A place that closes
# such a name ("of X", or right after it: "... Workers Myanmar") names the body, not where
# anything happened. Institutions with a campus ("University of Mysore") and divisions ("Province
# of Punjab") are not among them: they are in the place.
ORGANISATION_HEADS = frozenset({
    "federation", "confederation", "union", "unions", "association", "associations", "club",
    "council", "commission", "committee", "league", "alliance", "coalition", "front", "movement",
    "party", "society", "foundation", "congress", "forum", "network", "bank", "government",
    "ministry", "organisation", "organization", "chamber", "syndicate", "guild",
    "fund", "trust", "bar", "board", "agency", "bureau", "caucus", "collective", "consortium",
})
# The last word before the place naming a division rather than a body: "Union Territory of
# Ladakh" is the territory
_DIVISION_WORDS = ADMIN_CUES | SETTLEMENT_CUES | {"territory", "territories", "republic",
                                                   "kingdom", "emirate", "capital"}
# A name that holds a site's noun is a site, and it stands in the place that closes its name:
# "Government Science College Kagara" is in Kagara, whatever body runs it
_SITE_WORDS = FEATURE_WORDS | {
    "college", "school", "university", "academy", "institute", "polytechnic", "seminary",
    "hospital", "clinic", "mosque", "temple", "market", "station", "camp", "prison", "jail",
    "factory", "mine", "farm", "estate"}
# What may join the words of one name: "of", "for", "and", "the", "&", a possessive's apostrophe
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "&", "'", "\u2019", "-"})


def organisation_name(tokens: list[Token], first: int, last: int, text: str) -> str | None:
    """The name of a body that the place at ``tokens[first:last + 1]`` closes, or None: the
    capitalised words before it (joined by "of", "for", "and", "the", "&" or an apostrophe, in
    one run: no comma, no line break) hold one of ``ORGANISATION_HEADS`` and the place follows
    them as "of X" / "of the X" or right after ("Federation of General Workers Myanmar"); the
    place must end the name (a capitalised word after it makes it a piece of a longer one,
    read elsewhere). A place before the body's noun ("Thailand's Club", "Kano State Government")
    says where the body is: not this."""
    if first == 0 or tokens[first].sentence_start:
        return None
    if last + 1 < len(tokens) and _capitalised(tokens[last + 1]) and \
            tokens[last + 1].text.isalpha():
        return None
    start = first
    while start > 0 and tokens[start - 1].text in ("the", "of"):
        start -= 1              # "of X", "of the X"
    joined_by_of = any(token.text == "of" for token in tokens[start:first])
    words: list[Token] = []
    index = start - 1
    while index >= 0 and first - index <= _LONGEST_NAME:
        token = tokens[index]
        gap = text[token.end:tokens[index + 1].start]
        if gap.strip() or "\n" in gap:
            break
        if _capitalised(token) and token.text[:1].isalpha():
            words.append(token)
        elif token.lower not in _NAME_JOINERS:
            break
        if token.sentence_start:
            break
        index -= 1
    if not words or not (joined_by_of or words[0].end == tokens[first - 1].end):
        return None
    if not any(word.lower in ORGANISATION_HEADS for word in words) or \
            words[0].lower in _DIVISION_WORDS or any(word.lower in _SITE_WORDS for word in words):
        return None             # "Union Territory of Ladakh" is the territory
    opening = words[-1]
    if opening.lower == "the" or opening.text == "The":
        opening = words[-2] if len(words) > 1 else opening
    return text[opening.start:tokens[last].end]
