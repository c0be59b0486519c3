"""Where things stand in a report's text, for the ``detect_events`` stage: sentences' token ranges,
a match inside a capitalised name or a line in capitals, positions between two offsets, and
sentences split at punctuation when the ``segment`` stage has not run."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Report, Sentence

__all__ = ["any_between", "clean_position", "fallback_sentences", "inside_name",
           "mostly_capitals", "sentence_token_ranges"]

_FALLBACK_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c(]?[A-Z0-9])|\n+")
_NAME_WORD = re.compile(r"[A-Z][\w'-]*")


def sentence_token_ranges(report: Report, count: int) -> dict[int, tuple[int, int]]:
    """Sentence index -> (first, last + 1) token indices, for sentences with parsed tokens."""
    ranges: dict[int, list[int]] = {}
    for index, token in enumerate(report.tokens):
        if 0 <= token.sent < count:
            bounds = ranges.setdefault(token.sent, [index, index + 1])
            bounds[1] = index + 1
    return {sent: (low, high) for sent, (low, high) in ranges.items()}


_NOT_LETTER = re.compile(r"[^A-Za-z]+")
_NOT_CAPITAL = re.compile(r"[^A-Z]+")


def mostly_capitals(text: str) -> bool:
    letters = _NOT_LETTER.sub("", text)
    return bool(letters) and len(_NOT_CAPITAL.sub("", letters)) > 0.6 * len(letters)


def inside_name(text: str, start: int, end: int) -> bool:
    if not text[start].isupper() or start == 0:
        return False
    if any(word[:1].islower() for word in text[start:end].split()[1:]):
        return False  # "the Nigerian Air Force struck": the match runs past the name
    previous = text[:start].rstrip().rsplit(None, 1)
    following = text[end:].lstrip().split(None, 1)
    previous_word = previous[-1] if previous and text[:start].strip() else ""
    following_word = following[0] if following else ""
    if previous_word.endswith((".", "!", "?", ":", '"')):
        return False  # start of a sentence or quote
    return bool(_NAME_WORD.match(previous_word) or _NAME_WORD.match(following_word)
                or following_word in ("of", "for") and _NAME_WORD.match(
                    (following[1] if len(following) > 1 else "").lstrip("the ").strip() or "x"))


def any_between(positions: list[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def clean_position(report: Report, raw_position: int) -> int:
    return bisect_left(report.offsets, raw_position)


def fallback_sentences(report: Report) -> list[Sentence]:
    """Sentences when the segment stage has not run: split at sentence punctuation."""
    sentences = []
    start = 0
    text = report.text
    for match in list(_FALLBACK_SPLIT.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped_start = start + (len(piece) - len(piece.lstrip()))
        stripped_end = start + len(piece.rstrip())
        if stripped_end > stripped_start:
            span = report.raw_span(stripped_start, stripped_end)
            sentences.append(Sentence(span.start, span.end, span.text, stripped_start,
                                      stripped_end))
        start = match.end() if match else len(text)
    return sentences
