"""The words English news uses for time: months, weekdays, numbers, units, parts of day, seasons.

Plain tables and the regular-expression fragments built from them; the rules
(:mod:`sitrep.time.rules_calendar`, :mod:`sitrep.time.rules_spans`) combine the fragments.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
), start=1):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}  # ISO weekday numbers, Monday = 1
for _number, _names in enumerate((
    ("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"),
    ("thursday", "thurs", "thu"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
), start=1):
    for _name in _names:
        WEEKDAYS[_name] = _number

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# TIMEX3 parts of day (TimeML guidelines, "TMO", "TAF", "TEV", "TNI").
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "daytime": "DT"}

# unit word -> (TIMEX3 unit letter, multiplier, needs a "T" before it in durations)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "weekend": ("D", 2, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}

UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}

SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5,
    "a half": 0.5,
}



# A month name or its abbreviation (with an optional full stop). Case-sensitive: "march" and
# "may" in lower case are verbs, never months.
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|"
         r"(?:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|"
         r"DECEMBER))")
WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
           r"(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri)\.|"
           r"MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)")
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER_WORD = (rf"(?:{_TENS}(?:[- ]{_UNITS_WORDS})?|eleven|twelve|thirteen|fourteen|fifteen|"
               rf"sixteen|seventeen|eighteen|nineteen|ten|{_UNITS_WORDS}|a hundred|hundred)")
NUMBER = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:a|an|one)\s+and\s+a\s+half|"
          rf"{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+couple\s+of|a\s+couple|a\s+dozen|"
          rf"half\s+an?|an|a)")
VAGUE = r"(?:a\s+few|several|some|many|a\s+number\s+of|few)"
SEASON = r"(?:spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
YEAR = r"(?:1[6-9]\d\d|20\d\d|21\d\d)"

_FRACTION = re.compile(r"(\d+)\s+1/2")


def parse_number(text: str) -> float | None:
    """The value of a number phrase ("two", "twenty-four", "5 1/2", "a couple of"); None if vague."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words in SMALL_NUMBERS:
        return SMALL_NUMBERS[words]
    fraction = _FRACTION.fullmatch(words)
    if fraction:
        return int(fraction.group(1)) + 0.5
    if words.endswith(" and a half"):
        whole = parse_number(words[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    try:
        return float(words)
    except ValueError:
        pass
    total = 0
    for word in words.split():
        if word not in SMALL_NUMBERS:
            return None
        total += SMALL_NUMBERS[word]
    return total or None


def unit_of(word: str) -> str:
    """The singular unit name of a unit word ("weeks" -> "week", "centuries" -> "century")."""
    word = word.lower()
    if word in UNIT_PLURALS:
        return UNIT_PLURALS[word]
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def month_of(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_of(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]
