"""Place-mention recognition: capitalised word runs matched against the gazetteer, gated by
capitalisation and context.

Only runs of capitalised words (with the connectors place names use: "of", "de", "al", "and"...)
are looked up, all n-grams of a run in one query; the longest match wins. A name that is also a
common English word ("Brick", "Central", "Hub") needs context: a locative preposition before it
(not at the start of a sentence), a containing place after it ("Brick, New Jersey") or a cue noun
("Brick township"). Cue words after a name steer its reading: province/governorate/district ->
an admin area, air base/airport/camp -> a facility, city/town -> a settlement. Words before it
("near", "outskirts of", "a base in") downgrade the precision. Demonyms ("Syrian") are recognised
as context. Places inside organisation names ("Aleppo Media Center") are still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Candidate, Gazetteer
from .localities import LOCAL_CUE
from .organisations import organisation_name
from .normalize import normalize_name
from .people import minor, not_a_place, person_context
from .tokens import Token, capitalised as _capitalised, tokenize
from .words import (
    ADMIN_CUES, CONNECTORS, FACILITY_CUES, FEATURE_WORDS, FUNCTION_WORDS, GIVEN_NAMES,
    HONORIFICS, LOCATIVES, NEAR_CUES, STRONG_LOCATIVES, NEVER_ALONE, ORGANISATION_WORDS, PART_NOUNS,
    PLACE_PREFIXES, SETTLEMENT_CUES,
)

__all__ = ["Mention", "find_mentions", "tokenize", "national_divisions"]

MAX_WORDS = 7   # the longest place name looked up, in tokens
_NEVER_ALONE = frozenset(normalize_name(word) for word in NEVER_ALONE)   # "El Niño" -> "al nino"


@dataclass(slots=True)
class Mention:
    """A recognised place name (clean offsets) with its candidates and its context."""

    cstart: int
    cend: int
    text: str
    candidates: tuple[Candidate, ...]
    cue: str | None = None          # admin | settlement | facility
    near: str | None = None         # the words that downgrade precision ("near")
    part_of: bool = False           # ... naming an unnamed part of the place ("a base in")
    demonym: bool = False
    container: int | None = None    # index of the mention that says where it lies: after a
                                    # comma ("Brick, New Jersey") or "in" ("Oban village in
                                    # Cross River State"), or before it as its owner ("West
                                    # Bengal's Dinajpur district")
    owned: bool = False             # ... the owner: it lies there, whatever its size
    first_token: int = 0
    organisation: str | None = None  # the organisation's name it closes ("Federation of General
                                     # Workers Myanmar", "Bank of Thailand"): no scene


# Between a place and the area it lies in: "Oban village in Cross River State", "Kankara, in
# Katsina", "Gao in northern Mali" (the area is tried as a container only when it is a country
# or an admin1 area: "Lagos in Abuja" links nothing)
_LIES_IN = re.compile(r",?\s+(?:(?:village|town|city|community|district|area|locality)\s+)?in\s+"
                      r"(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+|"
                      r"(?:north|south)-?(?:east|west)(?:ern)?\s+)?", re.I)




# Between an area and a place it owns: "West Bengal's North Dinajpur district", "Odisha's
# Malkangiri district", "Shan State's Kutkai Township"
_OWNED = re.compile(r"['\u2019]s\s+(?:(?:north|south|east|west|upper|lower|central)(?:ern)?\s+)?",
                    re.I)


def _ngrams(tokens: list[Token], text: str) -> dict[tuple[int, int], str]:
    """Every candidate n-gram (first token, last token) -> its normalised name."""
    grams: dict[tuple[int, int], str] = {}
    capital = [_capitalised(token) for token in tokens]
    for first, token in enumerate(tokens):
        if not capital[first] or len(token.text) < 2 and not token.text.isupper():
            continue
        for last in range(first, min(first + MAX_WORDS, len(tokens))):
            word = tokens[last]
            if last > first and not (capital[last] or word.lower in CONNECTORS or
                                     (word.text == "." and tokens[last - 1].lower in
                                      {"st", "ft", "mt"}) or word.text == "-"):
                break
            if last > first and text[tokens[last - 1].end:word.start].count("\n"):
                break
            if capital[last]:
                grams[(first, last)] = normalize_name(text[token.start:word.end])
    return grams


def _follows(tokens: list[Token], index: int, phrases) -> tuple[str, ...] | None:
    """The first of ``phrases`` the words after ``index`` begin with (the words are read once,
    not once per phrase)."""
    words = tuple(t.lower for t in tokens[index + 1:index + 1 + max(map(len, phrases), default=0)])
    for phrase in phrases:
        if words[:len(phrase)] == phrase:
            return phrase
    return None


def _precedes(tokens: list[Token], index: int, phrases) -> tuple[str, ...] | None:
    """The longest of ``phrases`` the words before ``index`` end with."""
    words = tuple(t.lower for t in tokens[max(0, index - max(map(len, phrases), default=0)):index])
    for phrase in sorted(phrases, key=len, reverse=True):
        if len(phrase) <= len(words) and words[len(words) - len(phrase):] == phrase:
            return phrase
    return None


def _cue_after(tokens: list[Token], last: int) -> tuple[str | None, int]:
    """The cue noun right after a name: (kind, index of the cue's last token)."""
    if last + 1 < len(tokens):
        word = tokens[last + 1].lower
        if word in ADMIN_CUES:
            return "admin", last + 1
        if word in SETTLEMENT_CUES:
            return "settlement", last + 1
    phrase = _follows(tokens, last, FACILITY_CUES)
    if phrase:
        return "facility", last + len(phrase)
    return None, last


def _cue_before(tokens: list[Token], first: int) -> str | None:
    """"the province of X", "the city of X"."""
    if first >= 2 and tokens[first - 1].lower == "of":
        word = tokens[first - 2].lower
        if word in ADMIN_CUES:
            return "admin"
        if word in SETTLEMENT_CUES:
            return "settlement"
    return None


def _plausible(candidates: tuple[Candidate, ...], tokens: list[Token], first: int, last: int,
               cue: str | None, after_comma: bool) -> tuple[Candidate, ...]:
    """The candidates this occurrence can refer to, given its form and context."""
    single = first == last
    word = tokens[first].text
    kept = []
    for candidate in candidates:
        if candidate.cue == "facility" and cue != "facility":
            continue
        if candidate.cue == "after_comma" and not after_comma:
            continue
        if candidate.cue == "admin" and cue != "admin":
            continue
        kept.append(candidate)
    if not kept:
        return ()
    if normalize_name(" ".join(t.text for t in tokens[first:last + 1])) in _NEVER_ALONE:
        return ()
    if not word.isupper():   # "CAR", "DRC" are acronyms only in capitals ("Car" is a car)
        kept = [c for c in kept if c.cue == "after_comma" or not (
            len(c.matched) > 1 and c.matched.isalpha() and c.matched.isupper())]
        if not kept:
            return ()
    if last + 1 < len(tokens) and tokens[last + 1].lower in FEATURE_WORDS and \
            _capitalised(tokens[last + 1]):
        return ()
    # an all-capital word is a place name only where the gazetteer writes it so ("US", "UAE")
    # or in an all-capital dateline; otherwise it is an acronym ("NATO", "IS", "AP")
    letters = "".join(t.text for t in tokens[first:last + 1])
    if word.isupper() and len(word) > 1 and not tokens[first].sentence_start and \
            not _dateline_capitals(tokens, last):
        kept = [c for c in kept if c.matched.isupper()]
        if not kept:
            return ()
    if single and word.isupper() and len(word.replace(".", "")) <= 3:
        kept = [c for c in kept if c.kind == "alias" or c.cue == "after_comma" or (
                c.kind == "official" and (c.is_country or c.fcode in ("ADM1", "RGN")))]
        if not kept:
            return ()
    if single and len(letters) < 3 and not word.isupper():
        kept = [c for c in kept if c.cue == "after_comma"]      # "Slidell, La."
        if not kept:
            return ()
    if first > 0 and tokens[first - 1].lower.rstrip(".") in HONORIFICS and single:
        return ()
    if all(c.common for c in kept):
        previous = tokens[first - 1].lower if first > 0 else ""
        contained = (last + 2 < len(tokens) and tokens[last + 1].text == "," and
                     _capitalised(tokens[last + 2]))
        # "in Reading" reads as a place only for a place big enough to be talked about
        big = any(c.is_area or c.population >= 100_000 for c in kept)
        # mid-sentence capitals are evidence enough for a big place ("Reading", "Cork")
        located = not tokens[first].sentence_start and (previous in LOCATIVES or single) and big
        if not (contained or cue or located):
            return ()
    return tuple(kept)


_NOT_NAMES_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ",
                            "PART", "INTJ", "NUM"})


def _tag_allows(tag: str | None, candidates: tuple[Candidate, ...],
                token: Token | None = None) -> bool:
    if not tag:
        return True
    if tag == "VERB" and token is not None and not token.sentence_start and \
            token.text[:1].isupper() and not any(c.common for c in candidates):
        # "in Maiduguri and Damaturu": the tagger guesses a word it has never seen from its
        # ending; a capitalised word inside a sentence that is no English word is no verb
        return True
    if tag in _NOT_NAMES_POS:
        return False
    return tag == "PROPN" or not all(c.common for c in candidates) or any(
        c.kind == "demonym" for c in candidates)


def _inside_arabic_name(tokens: list[Token], index: int) -> bool:
    """"Hayat Tahrir al-Sham", "Jabhat al-Nusra": a name that starts with a lower-case article
    right after a capitalised word continues that name (an organisation, a person) unless the
    whole run is a place, which the longest match has already tried."""
    word = tokens[index].text
    if not word[:1].islower() or index == 0:
        return False
    before = tokens[index - 1]
    return (_capitalised(before) and before.lower not in LOCATIVES and
            before.lower not in PLACE_PREFIXES and before.text.isalpha())


def _dateline_capitals(tokens: list[Token], last: int) -> bool:
    """"WASHINGTON —", "SAN DIEGO (AP) -": capitals that open a dateline."""
    following = tokens[last + 1].text if last + 1 < len(tokens) else ""
    return following in ("—", "–", "-", "(", ",", ":") and tokens[last].text.isupper()


def _heads_division(tokens: list[Token], last: int) -> bool:
    """Does a division noun follow the name, right after it or after a word that only says
    which part of it ("Malkangiri district", "Kutkai Township", "Gopalganj Sadar upazila",
    "Dindigul East taluk")? Such a name is a place's, not a person's. Another capitalised word
    before the noun makes a longer name of which this is only a part ("Khun Hkar village")."""
    return _division_noun(tokens, last) is not None


def _division_noun(tokens: list[Token], last: int) -> str | None:
    """The division noun after the name at ``last`` (see :func:`_heads_division`), or None."""
    cue = last + 1
    if cue < len(tokens) and tokens[cue].lower in _DIVISION_PARTS:
        cue += 1
    if cue < len(tokens) and (tokens[cue].lower in ADMIN_CUES or
                              tokens[cue].lower in SETTLEMENT_CUES):
        return tokens[cue].lower
    return None


def _in_division_countries(tokens: list[Token], last: int,
                           candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """The candidates that can head the division noun after the name: a noun only some
    countries use ("Safi tehsil" is in Pakistan or India, never Morocco's Safi) leaves the
    places of those countries, possibly none (the gazetteer lacks the sub-district's town)."""
    countries = _NATIONAL_DIVISIONS.get(_division_noun(tokens, last) or "")
    if countries is None:
        return candidates
    return tuple(c for c in candidates if c.country in countries)


# "Sadar" (headquarters: the district seat's sub-district) and compass words between a name and
# its division noun
_DIVISION_PARTS = frozenset({"sadar", "north", "south", "east", "west", "central", "upper",
                             "lower"})
# Division nouns of some countries only (ISO codes): Bangladesh's upazilas, Pakistan's and
# India's tehsils, India's taluks and mandals, the thanas (police-station areas) of Bangladesh,
# India and Pakistan
_NATIONAL_DIVISIONS = {"upazila": {"BD"}, "upazilla": {"BD"}, "tehsil": {"PK", "IN"},
                       "taluk": {"IN"}, "taluka": {"IN"}, "mandal": {"IN"},
                       "thana": {"BD", "IN", "PK"}}


def national_divisions(text: str, sentence_starts: set[int] | None = None,
                       tokens: list[Token] | None = None) -> list[tuple[int, int, str]]:
    """The names heading a division noun that only one country uses ("Bagatipara upazila",
    "Govindraopet mandal"), as ``(clean start, clean end, ISO code)`` of the name and its noun:
    where the report is, even when the gazetteer lacks the sub-district's town. The noun is
    written in lower case or as part of the name ("Bagatipara Upazila"); "Mandal" alone is a
    surname. ``tokens``: ``tokenize(text, sentence_starts)`` when the caller has them."""
    if tokens is None:
        tokens = tokenize(text, sentence_starts)

    def word_of_name(token: Token) -> bool:
        return _capitalised(token) and token.text.isalpha() and \
            token.lower not in FUNCTION_WORDS and token.lower != "the"

    found = []
    for index, token in enumerate(tokens):
        countries = _NATIONAL_DIVISIONS.get(token.lower)
        if countries is None or len(countries) != 1 or \
                token.lower == "mandal" and token.text[:1].isupper():
            continue
        first = index - 1
        if first >= 0 and tokens[first].lower in _DIVISION_PARTS:
            first -= 1          # "Gopalganj Sadar upazila"
        if first < 0 or not word_of_name(tokens[first]):
            continue
        while first > 0 and index - first < MAX_WORDS and not tokens[first].sentence_start and \
                word_of_name(tokens[first - 1]):
            first -= 1
        found.append((tokens[first].start, token.end, next(iter(countries))))
    return found


def _person_like(tokens: list[Token], first: int, last: int,
                 candidates: tuple[Candidate, ...], common: frozenset[str]) -> bool:
    """A one-word name inside a longer capitalised run that reads as a person's name: after a
    capitalised word that is not a place prefix ("Mary Kelly"), or before a capitalised word
    that does not head an organisation ("David Cameron"). Countries, admin areas and big cities
    keep their reading ("Paris Hilton" is rare enough)."""
    if first != last or any(c.is_area or c.population >= 500_000 or c.kind == "demonym"
                            for c in candidates) or _heads_division(tokens, last):
        return False
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if _surname_like(tokens, first, common):
        return True
    if tokens[first].lower in GIVEN_NAMES and (after is None or not _capitalised(after) or
                                               after.lower not in ORGANISATION_WORDS):
        # "Keith said", "Victoria Beckham": a given name alone is a person unless it is a
        # big place (handled above) or follows a locative preposition ("in Jordan")
        return first == 0 or tokens[first - 1].lower not in STRONG_LOCATIVES
    # before a capitalised word that is not an ordinary English word ("David Cameron"; not
    # "Venice Commission", "Saskatoon Police")
    return (after is not None and _capitalised(after) and after.text.isalpha() and
            not after.text.isupper() and not after.sentence_start and
            after.lower not in ORGANISATION_WORDS and after.lower not in FEATURE_WORDS and
            after.lower not in common)


def _surname_like(tokens: list[Token], index: int, common: frozenset[str]) -> bool:
    """After a capitalised word that is not a place prefix: "Mary Kelly", "Mr Chen"."""
    before = tokens[index - 1] if index > 0 else None
    if before is None or tokens[index].sentence_start:
        return False
    if before.lower.rstrip(".") in HONORIFICS or before.lower in GIVEN_NAMES:
        return True
    if before.sentence_start and before.lower in FUNCTION_WORDS:   # "With Samos's economy..."
        return False
    if before.possessive:       # "Assam's Kokrajhar district": whose place it is, not a name
        return False
    # a given name is capitalised, not an acronym ("CTV Saskatoon") and not an ordinary word
    return (_capitalised(before) and before.lower not in PLACE_PREFIXES and
            before.text.isalpha() and not before.text.isupper() and before.lower not in common)


# The cues a name's reading needs beside it ("Kech district", "T4 air base")
_CUE_ONLY = frozenset({"admin", "facility", LOCAL_CUE})


def find_mentions(text: str, gazetteer: Gazetteer, sentence_starts: set[int] | None = None,
                  tags: dict[int, str] | None = None, tokens: list[Token] | None = None
                  ) -> list[Mention]:
    """The place mentions of ``text`` in order, longest match first, with their context.

    ``tags`` maps a token's clean start offset to its part-of-speech tag when a parser has run:
    a one-word name the parser reads as a verb, adverb or function word is not a place, and a
    name that is also a common word must be a proper noun ("Reading" the town, not the verb).
    ``tokens``: ``tokenize(text, sentence_starts)`` when the caller has them (read, not changed)."""
    if tokens is None:
        tokens = tokenize(text, sentence_starts)
    grams = _ngrams(tokens, text)
    found = gazetteer.lookup(set(grams.values()))
    common = gazetteer.common_words
    # what a bare word can be without a cue word beside it: a district's name that is a place
    # only in "Bolton district" says nothing about "Bolton" alone
    uncued = {norm: tuple(c for c in candidates if c.cue not in _CUE_ONLY)
              for norm, candidates in found.items()}
    # words seen as part of a person's name anywhere in this text ("John Kelly ... Kelly said")
    people = {tokens[i].lower for (i, j), norm in grams.items() if i == j and norm in found
              and not any(c.is_area or c.population >= 500_000 or c.kind == "demonym"
                          for c in uncued[norm]) and _surname_like(tokens, i, common)}
    # ... or in a person's context ("Johnson said", "Bassett, 56,"): every bare mention of the
    # name in the report is that person
    people |= {tokens[i].lower for (i, j), norm in grams.items() if i == j and norm in found
               and minor(uncued[norm]) and person_context(tokens, i, uncued[norm])}
    mentions: list[Mention] = []
    index = 0
    while index < len(tokens):
        after_comma = bool(mentions) and text[mentions[-1].cend:tokens[index].start].strip() == ","
        match = _longest_match(tokens, index, grams, found, after_comma, people, common, text,
                               mentions)
        if match is None or _rejected(tokens, index, match[0], match[3], tags, mentions, text):
            index += 1
            continue
        last, cue, cue_end, candidates = match
        end = tokens[last].end
        if cue == "facility" and any(c.fclass == "S" for c in candidates):
            end = tokens[cue_end].end   # "T4 air base": the cue is part of the facility's name
        near, part_of = _precision_cue(tokens, index)
        mention = Mention(tokens[index].start, end, text[tokens[index].start:end], candidates,
                          cue=cue, near=near, part_of=part_of,
                          demonym=all(c.kind == "demonym" for c in candidates),
                          first_token=index,
                          organisation=organisation_name(tokens, index, last, text))
        if mentions and mentions[-1].container is None and not mentions[-1].demonym and (
                text[mentions[-1].cend:mention.cstart].strip() == "," or
                _LIES_IN.fullmatch(text, mentions[-1].cend, mention.cstart)):
            mentions[-1].container = len(mentions)      # "Springfield, Illinois"
        elif mentions and not mentions[-1].demonym and \
                _OWNED.fullmatch(text, mentions[-1].cend, mention.cstart):
            mention.container, mention.owned = len(mentions) - 1, True
        mentions.append(mention)
        index = last + 1 if end == tokens[last].end else cue_end + 1
    return mentions


def _longest_match(tokens: list[Token], index: int, grams: dict, found: dict,
                   after_comma: bool, people: set[str], common: frozenset[str], text: str,
                   mentions: list[Mention] | None = None):
    """``(last token, cue, cue's last token, candidates)`` of the longest plausible name
    starting at ``index``, or None (``mentions``: the places found before it). A name known
    only as a locality of the national lists does not swallow a shorter name the gazetteer
    knows otherwise ("Manipur East" post office against the state of Manipur)."""
    local = None
    for last in range(min(index + MAX_WORDS, len(tokens)) - 1, index - 1, -1):
        norm = grams.get((index, last))
        if norm is None or norm not in found:
            continue
        cue, cue_end = _cue_after(tokens, last)
        cue = cue or _cue_before(tokens, index)
        candidates = _plausible(found[norm], tokens, index, last, cue, after_comma)
        candidates = _in_division_countries(tokens, last, candidates)
        candidates = _localities_in_context(candidates, tokens, index, last, cue,
                                            mentions or [], text)
        if candidates and index == last and (tokens[index].lower in people or _person_like(
                tokens, index, last, candidates, common)):
            candidates = ()
        if candidates and index == last and not_a_place(tokens, index, candidates, text):
            candidates = ()
        if candidates and all(c.cue == LOCAL_CUE for c in candidates) and last > index:
            local = local or (last, cue, cue_end, candidates)
        elif candidates:
            return last, cue, cue_end, candidates
    return local


def _rejected(tokens: list[Token], index: int, last: int, candidates: tuple[Candidate, ...],
              tags: dict[int, str] | None, mentions: list[Mention] | None = None,
              text: str = "") -> bool:
    """Second thoughts about a match, from the words around it (``mentions``: the places
    found before it in ``text``)."""
    if _inside_arabic_name(tokens, index):
        return True
    if index == last and tags and not _tag_allows(tags.get(tokens[index].start), candidates,
                                                  tokens[index]):
        return True
    # a one-word name known only as some place's alternate name ("Chen", "Fox", "Samsung") is
    # a place only after a locative preposition ("in Houla"), as a member of a list of places
    # that one follows ("in Gorakhpur, Azamgarh, Chitrakoot and Kanpur") or before a division
    # noun ("Malkangiri district"): on GeoWebNews this gate removed 70 false places for 9
    # missed ones
    if index != last or not all(c.kind == "alternate" for c in candidates) or \
            _heads_division(tokens, last) or (any(c.population >= _BIG_CITY for c in candidates)
                                              and _names_institution(tokens, index)):
        return False
    if tokens[index].lower in GIVEN_NAMES:
        return True
    return (index == 0 or tokens[index - 1].lower not in STRONG_LOCATIVES) and \
        not _listed_after_locative(tokens, index, mentions or [], text)


# Nouns after a locality's name that say it is one ("Fatehpur union", "Nawabganj bazar"), besides
# the settlement and division nouns
_LOCALITY_NOUNS = frozenset({"union", "unions", "villages", "area", "areas", "bazar", "bazaar",
                             "market", "para", "mouza", "ward"})


def _localities_in_context(candidates: tuple[Candidate, ...], tokens: list[Token], first: int,
                           last: int, cue: str | None, mentions: list[Mention],
                           text: str) -> tuple[Candidate, ...]:
    """The candidates without the localities of the national lists (unions, post office
    localities: ``sitrep.geo.localities``) unless the words around the name say it is a place:
    a locative before it ("in Rajapur", "at Baliadangi"; not "from", which tells where people
    come from, the scene being elsewhere), a settlement or division noun around
    it ("Rajapur union", "Kaliganj upazila", "the village of Rajapur") or a list of places that
    a locative opens ("in Rajapur, Baliadangi and Haripur"). Such lists name tens of thousands
    of small places whose names are words or people's names everywhere else."""
    if not any(c.cue == LOCAL_CUE for c in candidates):
        return candidates
    before = tokens[first - 1].lower if first > 0 else ""
    after = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    placed = (cue in ("admin", "settlement") or after in _LOCALITY_NOUNS or
              (before in STRONG_LOCATIVES and before != "from") or before == "at" or
              _listed_after_locative(tokens, first, mentions, text, last))
    if placed and not (first == last and tokens[first].lower in GIVEN_NAMES):
        return candidates
    return tuple(c for c in candidates if c.cue != LOCAL_CUE)


# Between two members of a list of places: "A, B", "A and B", "A, and B"
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and)\s+")


def _listed_after_locative(tokens: list[Token], index: int, mentions: list[Mention],
                           text: str, last: int | None = None) -> bool:
    """Is the name at ``index`` (to ``last``, one word by default) the next member of a list of
    places that a locative preposition opens ("in Gorakhpur, Azamgarh, Chitrakoot and Kanpur")?
    It must close the list ("and X") or go on with it ("X," / "X and"), so "in Beijing, Chen
    said" is no list."""
    last = index if last is None else last
    start = tokens[index].start
    chain = []
    for mention in reversed(mentions):
        if mention.demonym or not _LIST_JOIN.fullmatch(text, mention.cend, start):
            break
        chain.append(mention)
        start = mention.cstart
    if not chain:
        return False
    opener = chain[-1].first_token
    if opener == 0 or tokens[opener - 1].lower not in STRONG_LOCATIVES:
        return False
    if re.match(r"\s*,?\s+and\s", text[chain[0].cend:tokens[index].start] + " "):
        return True         # "... and Chitrakoot": the list's last member
    after = tokens[last + 1].lower if last + 1 < len(tokens) else ""
    return after in (",", "and")


# A big city's former or English name in an institution's name ("Allahabad Degree College",
# "University of Mysore", "Cochin University"): the institution is in the city
_BIG_CITY = 500_000
_INSTITUTIONS = frozenset({"university", "college", "school", "institute", "academy"})


def _names_institution(tokens: list[Token], index: int) -> bool:
    """Does the name at ``index`` name an institution: before it among the capitalised words
    that follow ("Allahabad Degree College"), or after "University of"?"""
    following = []
    for token in tokens[index + 1:index + 4]:
        if not _capitalised(token):
            break
        following.append(token.lower)
    before = [t.lower for t in tokens[max(0, index - 2):index]]
    return bool(_INSTITUTIONS.intersection(following)) or (
        len(before) == 2 and before[1] == "of" and before[0] in _INSTITUTIONS)


def _precision_cue(tokens: list[Token], index: int) -> tuple[str | None, bool]:
    """The words before a name that lower the precision: ("near", False) for "near X",
    ("base in", True) for an unnamed part of X ("a base in X")."""
    near = _precedes(tokens, index, NEAR_CUES)
    if near:
        return " ".join(near), False
    if index >= 2 and tokens[index - 1].lower in ("in", "at") and \
            tokens[index - 2].lower in PART_NOUNS:
        return f"{tokens[index - 2].lower} {tokens[index - 1].lower}", True
    return None, False

