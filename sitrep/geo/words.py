"""The word lists place recognition reads context with (sitrep.geo.recognize).

Each list says what a word next to a candidate name tells: a cue to the kind of place, a
precision downgrade, a sign that the name belongs to a person, a street or an organisation.
"""

from __future__ import annotations

from importlib import resources

# Lower-case words that may sit inside a place name ("Bosnia and Herzegovina", "Deir al Zor").
CONNECTORS = frozenset({
    "of", "de", "del", "della", "la", "le", "les", "du", "des", "di", "da", "do", "dos", "das",
    "al", "el", "am", "an", "der", "den", "sur", "upon", "on", "en", "y", "and", "the", "ez",
    "ed", "es", "as", "ar", "ash", "ad", "az", "bin", "ibn", "abu",
})
# Common given names (data/given_names.txt): the word after one is a surname.
GIVEN_NAMES = frozenset(
    word for line in resources.files("sitrep.geo").joinpath("data").joinpath(
        "given_names.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#") for word in line.split())

ADMIN_CUES = frozenset({"province", "governorate", "district", "region", "state", "county",
                        "oblast", "prefecture", "provinces", "governorates", "territory"})
# South Asia's sub-districts (upazila, tehsil, taluk, mandal, thana) take the name of the town
# that is their seat: "Chhatak upazila" names the town's area, not a province of that name.
SETTLEMENT_CUES = frozenset({"city", "town", "village", "municipality", "township", "suburb",
                             "neighbourhood", "neighborhood", "upazila", "upazilla", "tehsil",
                             "taluk", "taluka", "mandal", "thana"})
FACILITY_CUES = (("air", "base"), ("airbase",), ("airfield",), ("airport",), ("military", "base"),
                 ("base",), ("camp",), ("crossing",), ("border", "crossing"), ("checkpoint",),
                 ("military", "airport"), ("air", "field"), ("prison",), ("dam",))
# Words before a name that put the event near it rather than in it (ACLED precision 2).
NEAR_CUES = (("near",), ("outside",), ("outskirts", "of"), ("close", "to"), ("north", "of"),
             ("south", "of"), ("east", "of"), ("west", "of"), ("northeast", "of"),
             ("northwest", "of"), ("southeast", "of"), ("southwest", "of"), ("vicinity", "of"),
             ("nearby",), ("around",), ("countryside", "of"), ("edge", "of"),
             ("outside", "of"), ("suburbs", "of"), ("countryside",), ("km", "from"),
             ("kilometres", "from"), ("kilometers", "from"), ("miles", "from"),
             ("outskirts",), ("environs", "of"))
# "a base in X", "the camp at X": an unnamed part of X (ACLED precision 2).
PART_NOUNS = frozenset({"base", "camp", "airport", "checkpoint", "prison", "village", "villages",
                        "outpost", "position", "positions", "compound", "hospital"})
LOCATIVES = frozenset({"in", "near", "at", "from", "to", "outside", "into", "across", "toward",
                       "towards", "around", "of", "through", "via", "nearby", "inside"})
# The prepositions that make a bare word a place ("in Houla", "from Misrata"), unlike "of" and
# "at" ("the CEO of Zara", "dinner at Noma").
STRONG_LOCATIVES = frozenset({"in", "near", "outside", "into", "inside", "across", "around",
                              "toward", "towards", "through", "nearby", "from", "to"})
# Capitalised words that name something else far more often than the hamlet that shares the name.
NEVER_ALONE = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "arab", "kurdish", "jewish", "muslim", "christian", "sunni", "shia",
    "shiite", "west", "western", "east", "eastern", "north", "northern", "south", "southern",
    "central", "republic", "valley", "congress", "senate", "parliament", "god", "christmas",
    "easter", "ramadan", "islam", "latino", "hispanic", "english", "jesus", "royal", "marine",
    "el nino", "la nina", "igbo", "yoruba", "hausa", "pashtun", "tamil",
    # month abbreviations of dates ("On Nov. 20": Nov is a village in Tajikistan)
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # "Sadar upazila", "Sadar municipality": the seat sub-district of every district of
    # Bangladesh and India ("sadar": headquarters), not a town called Sadar
    "sadar",
})
# A name followed by one of these is a street, a river, a building: not the town of that name.
FEATURE_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "way",
    "square", "river", "creek", "bridge", "park", "church", "cathedral", "hall", "stadium",
    "highway", "parkway", "terrace", "court", "building", "tower", "mall", "arena", "canal",
    "plantation", "hotel", "inn", "theatre", "theater", "museum", "library",
})
# A name followed by one of these heads an organisation ("Aleppo Media Center"): still a place.
ORGANISATION_WORDS = frozenset({
    "media", "center", "centre", "times", "post", "news", "council", "university", "college",
    "school", "academy", "police", "city", "county", "airport", "port", "group", "company",
    "club", "fc", "united", "herald", "tribune", "journal", "gazette", "globe", "chronicle",
    "government", "ministry", "province", "governorate", "state", "institute", "hospital",
    "international", "national", "zoo", "museum", "daily", "observer", "telegraph", "express",
    "star", "sun", "mail", "review", "region", "district", "office", "bureau", "agency",
})
# Capitalised words before a name that belong to the place name's reading, not to a person.
PLACE_PREFIXES = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "downtown", "rural", "old", "metro", "northeast", "northwest",
    "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "coastal", "inner", "outer", "mid", "new", "the", "in", "of", "near",
})
FUNCTION_WORDS = frozenset({
    "with", "on", "at", "in", "for", "from", "to", "by", "after", "before", "as", "and", "but",
    "if", "when", "while", "since", "like", "unlike", "across", "inside", "outside", "into",
    "over", "under", "during", "throughout", "within", "without", "around", "near", "beyond",
    "outside", "via", "both", "all", "every", "some", "many", "most", "our", "their", "his",
    "her", "its", "this", "that", "these", "those", "a", "an", "visit", "visiting", "leaving",
    "across", "between", "among", "than", "about", "where", "why", "how", "what", "which",
    "so", "yet", "or", "nor", "also", "then", "now", "today", "yesterday", "last", "next",
})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "president", "gov", "governor", "sen", "senator",
                        "rep", "king", "queen", "prince", "princess", "pope", "sheikh", "general",
                        "gen", "minister", "judge", "coach", "lord", "lady", "sir", "st", "saint",
                        "mount", "mt", "lake", "fort", "cape", "port"})
