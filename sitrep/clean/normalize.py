"""Character normalisation for matching, with a map back to the raw text.

The raw text is never changed; :func:`normalize_chars` returns a *copy* in which lookalike
characters are unified (curly quotes to straight, NBSP and other spaces to " ", U+2028/U+2029 and
CR/CRLF to "\\n", compatibility forms through NFKC) and invisible ones (zero-width space, soft
hyphen, BOM, bidi marks) are dropped, plus ``positions[i]``: the raw index of normalised
character ``i``. HTML markup left in a text field (CMS exports: "<p>...</p><p>...") is read as
what it shows: block tags become line breaks, inline tags vanish, entities become characters. Dashes are kept as they are: turning "—" into "-" would glue
"Palmyra—the" into one hyphenated word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from array import array

import numpy as np

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


# Markup is only read as markup when the text holds a paragraph or line-break tag: a lone
# "<" or "&" in plain text ("< 10", "AT&T") is text.
_HAS_MARKUP = re.compile(r"<(?:p|br|div|li)\b[^<>]{0,200}>", re.I)
_BLOCK_TAGS = ("p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "tr", "table", "section", "article", "figure", "figcaption", "hr")
_MARKUP = re.compile(
    r"<(?P<close>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,15})\b[^<>]{0,500}>|<!--.{0,2000}?-->|"
    r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});", re.S)


def _strip_markup(raw: str) -> tuple[str, np.ndarray]:
    """``raw`` without its tags (block tags as "\n") and with entities as characters, and for
    each character left the raw index it comes from."""
    pieces: list[str] = []
    counts = np.ones(len(raw), dtype=np.intp)
    cursor = 0
    for match in _MARKUP.finditer(raw):
        text = match.group(0)
        if text.startswith("&"):
            replacement = html.unescape(text)
            if len(replacement) != 1 or replacement in "<>":
                # not an entity html knows; or "&lt;p&gt;", which would become a tag that a
                # second cleaning reads as markup (cleaning must be idempotent): as written
                continue
        elif text.startswith("<!--"):
            replacement = ""
        else:
            replacement = "\n" if match.group("tag").lower() in _BLOCK_TAGS else ""
        pieces.append(raw[cursor:match.start()])
        pieces.append(replacement)
        counts[match.start():match.end()] = 0
        counts[match.start()] = len(replacement)
        cursor = match.end()
    pieces.append(raw[cursor:])
    return "".join(pieces), np.repeat(np.arange(len(raw), dtype=POSITION_DTYPE), counts)


def normalize_chars(raw: str) -> tuple[str, array]:
    """The matching text of ``raw`` and, for each of its characters, the raw index."""
    if _HAS_MARKUP.search(raw):
        shown, shown_positions = _strip_markup(raw)
        # removing a tag can join the characters around it into another ("<P<p>>" leaves
        # "<P\n>"): strip again until none is left, so that cleaning stays idempotent; each
        # round only shortens the text
        while _HAS_MARKUP.search(shown):
            again, again_positions = _strip_markup(shown)
            if again == shown:
                break
            shown, shown_positions = again, shown_positions[again_positions]
        norm, positions = _normalize_text(shown)
        return norm, as_positions(shown_positions[np.frombuffer(positions, POSITION_DTYPE)])
    return _normalize_text(raw)


def _normalize_text(raw: str) -> tuple[str, array]:
    pieces: list[str] = []
    widths: list[tuple[int, int]] = []  # (raw index, characters it became) where not exactly 1
    cursor = 0
    for match in _SPECIAL.finditer(raw):
        index = match.start()
        char = raw[index]
        replacement = _replacement(char, raw[index + 1:index + 2])
        if replacement == char:
            continue  # kept as it is ("é", "—"): part of the next untouched stretch
        pieces.append(raw[cursor:index])
        pieces.append(replacement)
        if len(replacement) != 1:
            widths.append((index, len(replacement)))
        cursor = index + 1
    if not pieces:
        return raw, identity_positions(len(raw))
    pieces.append(raw[cursor:])
    norm = "".join(pieces)
    if not widths:  # every change was one character for one: positions are the identity
        return norm, identity_positions(len(raw))
    # each raw index repeated as often as the characters it became (0 for a dropped one):
    # built in one numpy call instead of a Python loop over the characters
    counts = np.ones(len(raw), dtype=np.intp)
    at, width = zip(*widths)
    counts[list(at)] = width
    return norm, as_positions(np.repeat(np.arange(len(raw), dtype=POSITION_DTYPE), counts))


# numpy's view of an ``array("l")`` item, so position maps move between the two without a copy
# through Python integers.
POSITION_DTYPE = np.dtype(f"=i{array('l').itemsize}")


def as_positions(values: np.ndarray) -> array:
    """An ``array("l")`` of the integers in ``values``."""
    return array("l", values.astype(POSITION_DTYPE, copy=False).tobytes())


def identity_positions(length: int) -> array:
    """``array("l", range(length))``, built without a Python loop."""
    return as_positions(np.arange(length, dtype=POSITION_DTYPE))


def match_key(text: str) -> str:
    """The form two paragraphs share when they are "the same": case-folded, spaces collapsed."""
    # str.split() splits on exactly the characters regex ``\s`` matches (str.isspace): the
    # same key as collapsing ``\s+`` runs and stripping, at a third of the cost
    return " ".join(text.split()).casefold()
