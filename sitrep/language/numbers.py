"""Counts written in news text: "6", "1,200", "twenty-five", "a dozen", "at least 30",
"between 10 and 15", "dozens", "several" — read conservatively, as ACLED codes fatalities.

:func:`read_count` returns a :class:`Count`: ``value`` is the figure to code (the lowest stated in
a range or under "at least"/"more than"; ``None`` for vague words such as "several" or "many"),
``low``/``high`` keep a stated range. Plural multiples follow ACLED's convention of coding one
unit: "dozens" 12, "scores" 20, "hundreds" 100, "thousands" 1000.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Count", "read_count"]

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_MULTIPLES = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens": 10}
_VAGUE = frozenset({"several", "many", "numerous", "some", "few", "multiple", "countless",
                    "unknown", "undisclosed", "unspecified", "more", "other", "others"})
# Words before a number that bound it; every one keeps the stated figure as the lowest.
_QUALIFIERS = (("at", "least"), ("more", "than"), ("as", "many", "as"), ("up", "to"),
               ("at", "most"), ("no", "fewer", "than"), ("not", "less", "than"),
               ("an", "estimated"), ("over",), ("nearly",), ("almost",), ("about",),
               ("around",), ("approximately",), ("roughly",), ("some",), ("close", "to"),
               ("upwards", "of"), ("a", "total", "of"), ("a", "further"), ("another",),
               ("atleast",))             # a common spelling in South Asian English news
# Every word a count can begin with, digits aside: ``read_count`` runs on every word of a report
# (69,000 words for 40 HRDsAttack articles, 5 % of the extract time, issue 17) and answers None
# at once for any other word, as the full reading below would.
_FIRST_WORDS = frozenset({cue[0] for cue in _QUALIFIERS} | set(_VAGUE) | set(_MULTIPLES)
                         | set(_UNITS) | set(_TENS) | {"dozen"})


@dataclass(frozen=True, slots=True)
class Count:
    end: int                  # index after the last word of the count
    value: int | None
    low: int | None
    high: int | None
    why: str


def _number(words: list[str], i: int) -> tuple[int, int] | None:
    """A single number at ``i``: ``(value, end)``."""
    if i >= len(words):
        return None
    word = words[i]
    digits = word.replace(",", "")
    if digits.isdecimal() and len(digits) <= 9:
        value, end = int(digits), i + 1
    elif word in ("a", "an") and i + 1 < len(words) and words[i + 1] == "dozen":
        return 12, i + 2
    elif word == "dozen":
        return 12, i + 1
    elif word in _TENS:
        value, end = _TENS[word], i + 1
        if end + 1 < len(words) and words[end] == "-" and words[end + 1] in _UNITS:
            value, end = value + _UNITS[words[end + 1]], end + 2
    elif word in _UNITS:
        value, end = _UNITS[word], i + 1
    else:
        return None
    while end < len(words) and words[end] in _SCALES and word not in ("a", "an", "single"):
        value, end = value * _SCALES[words[end]], end + 1
    if word in ("a", "an", "single") and end < len(words) and words[end] in _SCALES:
        value, end = _SCALES[words[end]], end + 1      # "a hundred"
    if words[end - 1] in _SCALES:
        return _compound(words, value, end)
    return value, end


def _compound(words: list[str], value: int, end: int) -> tuple[int, int]:
    """A number in words goes on after its scale word: "three hundred and three", "a hundred
    and fifty", "one thousand two hundred", "two hundred twenty-five": the rest is added when
    it is smaller than the scale ("one hundred and two hundred" is no number, nor "a hundred and
    a few")."""
    scale = _SCALES[words[end - 1]]
    at = end + 1 if end < len(words) and words[end] == "and" else end
    if at >= len(words) or words[at] in ("a", "an", "single") or not (
            words[at] in _UNITS or words[at] in _TENS):
        return value, end
    rest = _number(words, at)
    if rest is None or rest[0] >= scale:
        return value, end
    return value + rest[0], rest[1]


def read_count(words: list[str], i: int) -> Count | None:
    """The count starting at ``words[i]`` (lower-cased words), or None."""
    if i >= len(words) or (words[i] not in _FIRST_WORDS
                           and not words[i].replace(",", "").isdecimal()):
        return None
    return _read_count(words, i)


def _read_count(words: list[str], i: int) -> Count | None:
    start = i
    qualifier = ""
    for cue in _QUALIFIERS:
        if tuple(words[i:i + len(cue)]) == cue and _number_or_vague(words, i + len(cue)):
            qualifier = " ".join(cue)
            i += len(cue)
            break
    if not qualifier and _article_before_figure(words, i):
        # "a record 81", "a staggering 300", "an additional 20": the article goes with the
        # figure's adjective, not with one person
        qualifier = f"{words[i]} {words[i + 1]}"
        i += 2
    if i < len(words) and words[i] in _VAGUE:
        end = i + 1
        if end < len(words) and words[end] == "of":
            end += 1
        return Count(end, None, None, None, f"vague count {words[i]!r}: no number")
    if i < len(words) and words[i] in _MULTIPLES:
        value = _MULTIPLES[words[i]]
        end = i + 1
        if end < len(words) and words[end] == "of":
            end += 1
        return Count(end, value, value, None, f"{words[i]!r} coded as {value} (one unit, ACLED)")
    first = _number(words, i)
    if first is None:
        return None
    low, end = first
    high = None
    # Ranges: "10 to 15", "10-15", "10 or 15", "between 10 and 15".
    if end + 1 < len(words) and words[end] in ("to", "-", "or", "and") and (
            words[end] != "and" or (start and words[start - 1] == "between")):
        second = _number(words, end + 1)
        if second is not None and second[0] > low:
            high, end = second
    if end < len(words) and words[end] == "of" and low >= 100:
        end += 1                                    # "hundreds of" handled above; "1,000 of"
    why = f"range {low}-{high}: lowest stated" if high else (
        f"{qualifier!r} {low}: the stated figure" if qualifier else f"stated {low}")
    return Count(end, low, low, high, why)


def _article_before_figure(words: list[str], i: int) -> bool:
    """"a"/"an", one adjective, then a figure in digits or words (not "a" again): "a record
    81", "an estimated" being a qualifier of its own."""
    if i + 2 >= len(words) or words[i] not in ("a", "an"):
        return False
    middle, figure = words[i + 1], words[i + 2]
    if not middle.isalpha() or middle in _FIRST_WORDS or middle in _SCALES or figure in (
            "a", "an", "single") or (len(figure) == 4 and figure.isdecimal()):
        return False                    # (not a year: "a dramatic 2019 raid")
    return (figure.replace(",", "").isdecimal() or figure in _UNITS or figure in _TENS) and \
        _number(words, i + 2) is not None


def _number_or_vague(words: list[str], i: int) -> bool:
    return i < len(words) and (_number(words, i) is not None or words[i] in _MULTIPLES)
