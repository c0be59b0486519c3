"""Character normalisation for matching, with a map back to the raw text.

The raw text is never changed; :func:`normalize_chars` returns a *copy* in which lookalike
characters are unified (curly quotes to straight, NBSP and other spaces to " ", U+2028/U+2029 and
CR/CRLF to "\\n", compatibility forms through NFKC) and invisible ones (zero-width space, soft
hyphen, BOM, bidi marks) are dropped, plus ``positions[i]``: the raw index of normalised
character ``i``. Dashes are kept as they are: turning "—" into "-" would glue
"Palmyra—the" into one hyphenated word.
"""

from __future__ import annotations

import re
import unicodedata
from array import array

__all__ = ["normalize_chars", "match_key"]

_TRANSLATE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\t": " ", "\x0b": " ",
    "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n", "\x1c": "\n", "\x1d": "\n",
    "\x1e": "\n", "\x1f": " ",
}
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d"
                  "\u202e\u2066\u2067\u2068\u2069")
# Characters that may need work: anything outside printable ASCII except "\n".
_SPECIAL = re.compile(r"[^\n\x20-\x7e]")


def _replacement(char: str, following: str) -> str:
    if char == "\r":
        return "" if following == "\n" else "\n"
    mapped = _TRANSLATE.get(char)
    if mapped is not None:
        return mapped
    if char in _DROP:
        return ""
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    if category in ("Cc", "Cf"):
        return ""  # other control/format characters carry no text
    if char.isascii():
        return char
    normal = unicodedata.normalize("NFKC", char)
    return normal if normal.strip() or not normal else " "


def normalize_chars(raw: str) -> tuple[str, array]:
    """The matching text of ``raw`` and, for each of its characters, the raw index."""
    matches = list(_SPECIAL.finditer(raw))
    if not matches:
        return raw, array("l", range(len(raw)))
    pieces: list[str] = []
    positions = array("l")
    cursor = 0
    for match in matches:
        index = match.start()
        if index > cursor:
            pieces.append(raw[cursor:index])
            positions.extend(range(cursor, index))
        replacement = _replacement(raw[index], raw[index + 1:index + 2])
        if replacement:
            pieces.append(replacement)
            positions.extend([index] * len(replacement))
        cursor = index + 1
    if cursor < len(raw):
        pieces.append(raw[cursor:])
        positions.extend(range(cursor, len(raw)))
    return "".join(pieces), positions


_SPACES = re.compile(r"\s+")


def match_key(text: str) -> str:
    """The form two paragraphs share when they are "the same": case-folded, spaces collapsed."""
    return _SPACES.sub(" ", text).strip().casefold()
