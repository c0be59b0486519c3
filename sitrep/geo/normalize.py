"""Place-name normalisation, identical at index time and at query time.

``normalize_name("Ḥamāh") == normalize_name("Hamah")``; ``normalize_name("ash-Shaddadi") ==
normalize_name("Al Shaddadi")``; ``normalize_name("Deir ez-Zor") == normalize_name("Deir al Zor")``.

Steps: letters that do not decompose written as plain ones (``ł`` as ``l``, ``ø`` as ``o``, before
and after the next step); Unicode compatibility decomposition, combining marks dropped (diacritics); ʿayn, hamza and
apostrophe-like signs dropped (``Dar‘a`` = ``Dar'a`` = ``Dara``); hyphens, dots and slashes become
spaces; case folded; the Arabic article in all its transliterations (al-, el-, ar-, as-, ash-, ad-,
ez-, ...) becomes ``al``. A bare ``as``/``an``/``at`` only counts as an article when it is joined
by a hyphen or starts a multi-word name, so the English words are left alone.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_name", "ARTICLES"]

# The Arabic definite article as transliterations write it, assimilated to the next consonant
# (ash-Sham, ar-Raqqa, ad-Dawr, az-Zabadani, ez-Zor) or not (al-, el-, il-, ul-).
ARTICLES = frozenset({
    "al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad", "ed", "at", "et", "az",
    "ez", "an", "en", "adh", "ath", "ats", "ach", "ech", "at", "ag", "ud", "ur", "us",
})

# Signs for ʿayn, hamza and apostrophes: dropped, not turned into spaces ("Dar'a" is one word).
_DROPPED = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼʹʺ′″ʽ"), None)
_SPACED = dict.fromkeys(map(ord, "-‐‑‒–—―/.,()·_"), " ")
_NON_WORD = re.compile(r"[^\w ]+")
_SPACES = re.compile(r"\s+")
# Letters that do not decompose into base + mark.
_LETTERS = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
                          "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i",
                          "ħ": "h", "Ħ": "h", "þ": "th", "ð": "d"})


def normalize_name(name: str) -> str:
    """The lookup key of a place name (see the module docstring)."""
    hyphenated_article = _hyphenated_articles(name)
    text = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    # the letters again after decomposing: "ǿ" and a few modifier letters decompose into one
    # of them ("ø" + acute), and the key must not change when it is normalised again
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTERS)
    text = text.translate(_DROPPED).translate(_SPACED).casefold()
    text = _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()
    if not text:
        return ""
    words = text.split(" ")
    for index, word in enumerate(words[:-1]):
        # an article is a word before another word that was joined to it by a hyphen, or the
        # first word of a multi-word name when it is one of the unambiguous forms
        if word in ARTICLES and (index in hyphenated_article or
                                 (index == 0 and word in _UNAMBIGUOUS_START)):
            words[index] = "al"
    return " ".join(words)


# Article forms that cannot be an English word at the start of a name ("Ar Raqqah", "Ash Shaykh").
_UNAMBIGUOUS_START = frozenset({"al", "el", "ar", "ash", "ad", "az", "ez", "adh", "ath", "ech",
                                "esh", "ed", "es", "er", "ud", "ul", "il", "as", "an", "at"})
_WORD = re.compile(r"[^\s\-‐‑–—]+(-|‐|‑|–|—)?")


def _hyphenated_articles(name: str) -> set[int]:
    """Indexes of the words that are joined to the next by a hyphen ("ash-Shaddadi")."""
    indexes: set[int] = set()
    for index, match in enumerate(_WORD.finditer(name)):
        if match.group(1):
            indexes.add(index)
    return indexes
