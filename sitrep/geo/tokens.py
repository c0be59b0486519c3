"""The words of a text as place recognition reads them (sitrep.geo.recognize): possessives,
hyphened names and sentence starts marked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .words import CONNECTORS

__all__ = ["Token", "tokenize", "capitalised"]

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-‐'’]\w+)*|\S")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    sentence_start: bool
    possessive: bool = False        # written with "'s": "Assam's" (the token is "Assam")


# what ends a sentence when a word follows it
_ENDS_SENTENCE = frozenset({".", "!", "?", ":", ";", "\"", "“", "”"})


def tokenize(text: str, sentence_starts: set[int] | None = None) -> list[Token]:
    """The words of ``text``: a possessive ("Assam's") is the name alone, marked; a capitalised
    name before a hyphened lower-case word ("Russian-backed") is the name alone; capitalised
    parts joined by hyphens ("Syrian-Turkish") are tokens with the hyphens between them.

    A word of ``_TOKEN`` ends in an apostrophe only when it is the apostrophe alone, so a
    possessive (``_POSSESSIVE``) is a word ending in "'s"; the tests on each word run only when
    its last letters or a hyphen call for them (1.36 -> ~0.8 ms per ~1,000-word article)."""
    tokens: list[Token] = []
    append = tokens.append
    previous = ""
    previous_end = -1
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        owner = False
        if len(word) > 2 and word[-1] == "s" and word[-2] in "'’" and word[0].isalpha():
            owner = True
            end -= 2
            word = word[:-2]
        hyphened = "-" in word
        if hyphened:
            head, _, tail = word.partition("-")
            if head[:1].isupper() and tail[:1].islower() and head.isalpha() and \
                    tail.isalpha() and len(tail) > 2:
                end = start + len(head)    # "Russian-backed", "US-led": the name is the first part
                word = head
                hyphened = False
        at_start = (previous_end < 0 or previous in _ENDS_SENTENCE
                    or text.find("\n", previous_end, start) >= 0)
        if sentence_starts is not None and not at_start:
            at_start = start in sentence_starts
        parts = word.split("-") if hyphened else None
        if parts and all(part[:1].isupper() for part in parts):
            # "Syrian-Turkish", "Winston-Salem": parts and hyphens become tokens; an n-gram
            # over them still finds names written with the hyphen
            position = start
            for number, part in enumerate(parts):
                if number:
                    append(Token(position, position + 1, "-", "-", False))
                    position += 1
                append(Token(position, position + len(part), part, part.lower(),
                             at_start and number == 0))
                position += len(part)
            previous_end = position
        else:
            append(Token(start, end, word, word.lower(), at_start, owner))
            previous_end = end
        previous = word
    return tokens


def capitalised(token: Token) -> bool:
    word = token.text
    if word[:1].isupper():
        return True
    # "al-Bab", "ez-Zor", "ash-Shaddadi": a lower-case article joined to a capitalised name
    head, sep, rest = word.partition("-")
    return bool(sep) and head in CONNECTORS and rest[:1].isupper()
