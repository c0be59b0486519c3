"""A fast rule-based tokenizer for news text, in the token conventions of UD English EWT.

The parser is trained on EWT, so tokens follow its conventions where they matter: clitics split
("do" + "n't", "IS" + "'s"), hyphens between letters split ("pro" "-" "regime"), abbreviations keep
their period ("Gen.", "U.S.", "Dec."). Tokens are ``(start, end)`` offsets into the text; nothing
is normalised, so every token slices back to its text.
"""

from __future__ import annotations

import re

__all__ = ["tokenize", "TITLE_ABBREVIATIONS", "OTHER_ABBREVIATIONS", "is_abbreviation"]

# Abbreviations that precede a name and therefore never end a sentence.
TITLE_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr brig rev sen rep gov pres amb
st ft mt messrs mssrs hon sr jr supt insp det cdr lieut brig-gen maj-gen lt-gen
no nos vs v
""".split())

# Abbreviations that may also end a sentence ("... in the U.S. The next day ...").
OTHER_ABBREVIATIONS = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
inc corp co ltd llc bros dept univ assn est approx etc al
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
neb nev okla ore pa tenn tex va vt wash wis wyo
""".split())

_ABBREVIATIONS = TITLE_ABBREVIATIONS | OTHER_ABBREVIATIONS

_TOKEN = re.compile(r"""
    (?:[^\W\d_]\.){2,}(?![^\W\d_])             # initialisms with periods: U.S. a.m. e.g.
  | \d+(?:[.,:/]\d+)*(?:[^\W\d_]+)?            # numbers: 1,000 3.5 12:30 1990s 5th 10km
  | [^\W_](?:[\w]|['’](?=[^\W\d_])(?!(?:s|re|ll|ve|d|m)\b)|[-.](?=\d))*   # words
  | \.{2,}|-{2,}|[!?]+                         # ellipses, dashes, !!! ?!
  | ['’](?:s|re|ll|ve|d|m)\b                   # clitics split off: 's 're 'll ...
  | \S                                         # any other single character
""", re.VERBOSE | re.IGNORECASE)

_NEGATION = re.compile(r"n['’]t$", re.IGNORECASE)
_CAN_NOT = frozenset({"cannot"})


def is_abbreviation(word: str) -> bool:
    """Is ``word`` (without its final period) a known abbreviation or a single initial?"""
    lowered = word.lower()
    return lowered in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isupper())


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token offsets of ``text[start:end]`` (offsets are into ``text``)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    append = spans.append
    for match in _TOKEN.finditer(text, start, end):
        tstart, tend = match.span()
        word = match.group()
        # A word followed by "." that is a known abbreviation keeps its period ("Gen.").
        if tend < end and text[tend] == "." and word.isalpha() and is_abbreviation(word) \
                and text[tend + 1:tend + 2] != ".":              # "S..": an ellipsis, not "S."
            append((tstart, tend + 1))
            continue
        if len(word) > 3 and _NEGATION.search(word):      # "don't" -> "do" "n't"
            append((tstart, tend - 3))
            append((tend - 3, tend))
            continue
        if word.lower() in _CAN_NOT:                        # "cannot" -> "can" "not" (as EWT)
            append((tstart, tstart + 3))
            append((tstart + 3, tend))
            continue
        append((tstart, tend))
    return _drop_abbreviation_periods(text, spans)


def _drop_abbreviation_periods(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Remove the lone "." tokens whose period was absorbed into the abbreviation before it."""
    result: list[tuple[int, int]] = []
    for span in spans:
        if result and span[0] < result[-1][1]:
            continue
        result.append(span)
    return result
