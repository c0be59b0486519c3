"""Second thoughts about a one-word place name: the words around it say it names a person, an
organisation, a newspaper or a language (sitrep.geo.recognize asks :func:`not_a_place`).

Each rule reads only the name's neighbours, never the name itself, except for the curated lists
of news outlets and companies whose names are also places. A country, an admin1 area or a
national capital keeps its reading in the contexts where news uses it for its government or its
people ("Damascus said", "Jordan, 2023,"); only a title or a given name before it ("Mr. Jordan",
"Andrew Jordan") makes it a person. Written from the kinds of trap in tests/data/geo_traps.txt
and issue 18, then measured on GeoWebNews (README, "Quality and speed").
"""

from __future__ import annotations

from .gazetteer import Candidate
from .words import FEATURE_WORDS, GIVEN_NAMES, ORGANISATION_WORDS

__all__ = ["not_a_place", "person_context", "national", "minor"]

# Titles before a person's name (a subset of words.HONORIFICS without the place prefixes "Lake",
# "Fort", "Port", plus the ranks and offices news puts before names).
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "president", "gov", "governor", "sen", "senator", "rep",
    "king", "queen", "prince", "princess", "pope", "sheikh", "general", "gen", "minister",
    "judge", "coach", "lord", "lady", "sir", "ambassador", "archbishop", "bishop", "cardinal",
    "father", "rev", "reverend", "imam", "rabbi", "pastor", "sgt", "sergeant", "cpl", "corporal",
    "capt", "captain", "col", "colonel", "lt", "lieutenant", "commander", "cmdr", "mayor",
    "sheriff", "prof", "professor", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "inspector", "superintendent", "emir", "alhaji", "chief", "officer", "private", "pvt",
})
# Words after which a name is a place whatever follows ("residents of Jos said").
_LOCATIVE_BEFORE = frozenset({"in", "near", "outside", "into", "inside", "across", "around",
                              "toward", "towards", "through", "from", "to", "of", "at"})
# Verbs of saying: "Johnson said", "said Chapman".
SPEECH_VERBS = frozenset({
    "said", "says", "told", "tells", "added", "asked", "recalled", "explained", "wrote",
    "tweeted", "argued", "noted", "insisted", "admitted", "reiterated", "stressed", "warned",
    "claimed", "declared", "confirmed", "denied", "urged", "replied", "testified", "recounted",
    "acknowledged", "conceded", "complained", "lamented",
})
# Lower-case particles inside surnames: "Mike de Kock", "Roger van Boxtel".
PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "dos",
                       "del", "ter", "ten"})
# The same particles capitalised open a surname when a capitalised word follows ("Van Boxtel").
_OPENING_PARTICLES = frozenset({"van", "von", "de", "le", "da", "di", "du", "del"})
# What follows a company's name.
COMPANY_SUFFIXES = frozenset({"inc", "ltd", "plc", "llc", "corp", "bros", "gmbh", "limited"})
# A capitalised noun after a name (not a country's) that makes the pair the name of something else
# ("Independence Day", "Victoria Cross", "Unity Party").
NAMED_THINGS = frozenset({"day", "cross", "prize", "award", "medal", "cup", "party", "games",
                          "doctrine", "trophy", "stakes", "derby"})
# News agencies and newspapers whose names are also places somewhere ("Xinhua" is a Chinese
# village, "Tass" a Hungarian one, "SANA" reads as Sanaa; "Tribune" is in Kansas).
NEWS_OUTLETS = frozenset({
    "xinhua", "tass", "sana", "irna", "kcna", "yonhap", "kyodo", "bernama", "antara", "anadolu",
    "wafa", "mena", "qna", "kuna", "wam", "interfax", "sputnik", "ria", "efe", "ansa", "afp",
    "reuters", "tribune", "herald", "guardian", "telegraph", "observer", "gazette", "chronicle",
    "courier", "inquirer", "examiner", "punch", "vanguard", "independent", "mirror", "express",
})
# Companies known worldwide whose names are also places: a place only after "in", "near"...
COMPANIES = frozenset({"amazon", "zara", "pandora", "cadillac", "honda", "toyota", "alcoa",
                       "nokia", "pemex", "gillette", "orange"})
# The prepositions after which even an outlet's or a company's name is a place ("in Nokia").
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "into", "inside", "around", "across",
                                 "through"})
# Verbs and prepositions before a language name: "speaks Portuguese", "printed in Hausa".
_LANGUAGE_CUES = frozenset({"in", "into", "speak", "speaks", "spoke", "speaking", "study",
                            "studies", "studied", "studying", "learn", "learned", "learning",
                            "learnt", "teach", "taught", "teaching", "fluent", "translated"})
_AFTER_LANGUAGE = frozenset({",", ".", ";", ":", ")", "and", "or", "as", "before", "after",
                             "with", "at", "to", "for", "while", "but", "in", "on", "from"})


def national(candidates: tuple[Candidate, ...]) -> bool:
    """A country, an area (admin1, region, continent) or a national capital: news names
    governments and peoples by them ("Damascus said", "Europe's airlines")."""
    return any(c.is_area or c.fcode == "PPLC" for c in candidates)


def minor(candidates: tuple[Candidate, ...]) -> bool:
    """No reading is an area or a city of 100,000: what a surname or a firm's name is likely to
    share (a big city's name in "Liverpool said" or "Tijuana & San Diego" is still the city)."""
    return not any(c.is_area or c.population >= 100_000 for c in candidates)


def _word(tokens, index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""


def _capitalised_word(tokens, index: int) -> bool:
    return (0 <= index < len(tokens) and tokens[index].text[:1].isupper() and
            tokens[index].text.isalpha())


def _before_initials(tokens, index: int) -> int:
    """The token before ``index``, skipping middle initials ("Gino D. Bassett") and the full
    stop of an abbreviated title ("Mr. Adams")."""
    before = index - 1
    while before >= 1 and tokens[before].text == "." and (
            len(tokens[before - 1].text) == 1 and tokens[before - 1].text.isupper()):
        before -= 2
    if before >= 1 and tokens[before].text == "." and tokens[before - 1].lower in TITLES:
        before -= 1
    return before


def person_context(tokens, index: int, candidates: tuple[Candidate, ...]) -> str | None:
    """Why the one-word name at ``index`` reads as a person's name, or None."""
    before = _before_initials(tokens, index)
    previous = _word(tokens, before)
    if previous.rstrip(".") in TITLES and before >= 0 and tokens[before].text[:1].isupper():
        return f"after the title '{tokens[before].text}'"
    if previous in GIVEN_NAMES and _capitalised_word(tokens, before) and not (
            tokens[before].sentence_start and national(candidates)):
        return f"after the given name '{tokens[before].text}'"
    if previous in PARTICLES and tokens[before].text.islower() and \
            _capitalised_word(tokens, before - 1):
        return f"a surname after '{tokens[before - 1].text} {tokens[before].text}'"
    if _named_speaker(tokens, before, index):
        return f"a surname after '{tokens[before].text}', the two the name of a speaker"
    if national(candidates) or _word(tokens, index - 1) in _LOCATIVE_BEFORE:
        return None     # "witnesses in Katsina said": after a preposition it is a place
    if not minor(candidates) and tokens[index].lower not in GIVEN_NAMES:
        return None     # "Liverpool said": a big city's club or council ("Austin said": a man)
    following = _word(tokens, index + 1)
    if following in SPEECH_VERBS:
        return f"'{tokens[index].text} {following}'"
    if previous in SPEECH_VERBS and _word(tokens, index + 1) in (",", ".", "", ";"):
        return f"'{previous} {tokens[index].text}'"
    if following == "," and _age(tokens, index + 2) and _word(tokens, index + 3) in (",", ")"):
        return f"'{tokens[index].text}, {tokens[index + 2].text},' gives an age"
    if following == "," and _word(tokens, index + 2) in ("a", "an") and (
            "year-old" in _word(tokens, index + 3) or _word(tokens, index + 4) == "year"):
        return f"'{tokens[index].text}, a ...-year-old' describes a person"
    return None


# Capitalised words that open a place's name or say which part of it: "said South Togo" would
# still be a place (longer names such as "South Sudan" have matched whole before this).
_PLACE_OPENERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                            "western", "central", "upper", "lower", "greater", "new", "old",
                            "inner", "outer", "occupied", "rural", "coastal", "french", "british"})


def _named_speaker(tokens, before: int, index: int) -> bool:
    """ "said Nouhoum Togo," or "Nouhoum Togo said": a capitalised word before the name (not a
    given name news commonly uses, hence not in GIVEN_NAMES), the two told as the one who speaks:
    a person's given name and surname, even when the surname is a country's name. A sentence's
    first word, a word opening a place's name and a lower-case word never make it one."""
    if before != index - 1 or not _capitalised_word(tokens, before) or \
            tokens[before].sentence_start or tokens[before].lower in _PLACE_OPENERS or \
            tokens[before].lower in FEATURE_WORDS or tokens[before].lower in ORGANISATION_WORDS:
        return False
    following = _word(tokens, index + 1)
    return (_word(tokens, before - 1) in SPEECH_VERBS and following in (",", ".", ";", "")) or \
        following in SPEECH_VERBS


def _age(tokens, index: int) -> bool:
    word = _word(tokens, index)
    return word.isdecimal() and 1 <= int(word) <= 110


def not_a_place(tokens, index: int, candidates: tuple[Candidate, ...], text: str) -> str | None:
    """Why the one-word name at ``index`` names no place here, or None."""
    token = tokens[index]
    if any(c.kind == "demonym" for c in candidates):
        return _language(tokens, index)
    reason = person_context(tokens, index, candidates)
    if reason:
        return reason
    previous, following = _word(tokens, index - 1), _word(tokens, index + 1)
    lower = token.lower
    if lower in NEWS_OUTLETS or lower in COMPANIES:
        if previous not in _PLACE_PREPOSITIONS:
            return "the name of a news outlet or company, with no place preposition before it"
    if lower in _OPENING_PARTICLES and _capitalised_word(tokens, index + 1):
        return f"the particle of a surname ('{token.text} {tokens[index + 1].text}')"
    if text[token.end:token.end + 4].lower() == "-era":
        return "a person's era ('-era')"
    if lower in GIVEN_NAMES and _capitalised_word(tokens, index + 1) and \
            following not in ORGANISATION_WORDS and following not in FEATURE_WORDS and \
            not any(c.is_country for c in candidates if c.kind != "alternate"):
        # "Sam Okafor", "Santiago Gomez": a given name before a surname, even where a city
        # shares it (a longer place name, "Victoria Island", has already matched whole)
        return f"a given name before the surname '{tokens[index + 1].text}'"
    if following in NAMED_THINGS and _capitalised_word(tokens, index + 1) and \
            not any(c.is_country for c in candidates):
        return f"part of the name '{token.text} {tokens[index + 1].text}'"
    if national(candidates):
        return None
    if not minor(candidates):
        return None
    if "&" in (previous, following):
        return "part of an organisation's name ('&')"
    if following.rstrip(".") in COMPANY_SUFFIXES:
        return f"a company ('{tokens[index + 1].text}')"
    return None


def _language(tokens, index: int) -> str | None:
    """"studied Portuguese.", "printed in Hausa and English": a language, not a people."""
    previous, following = _word(tokens, index - 1), _word(tokens, index + 1)
    if previous in _LANGUAGE_CUES and (following in _AFTER_LANGUAGE or following == ""):
        return f"a language ('{tokens[index - 1].text} {tokens[index].text}')"
    if previous == "and" and _word(tokens, index - 3) in _LANGUAGE_CUES and \
            following in _AFTER_LANGUAGE:
        return "a language (in a list of languages)"
    return None
