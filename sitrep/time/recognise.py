"""Find and normalise the time expressions of a text: rules, then leftmost-longest selection.

Every rule of :mod:`sitrep.time.rules_calendar` and :mod:`sitrep.time.rules_spans` proposes
candidate spans; candidates are taken leftmost first, the longest first among those starting at
the same place, skipping any that overlap one already taken, and each is normalised in text order
(so anaphoric expressions see what the document said before them). A rule may still refuse its
candidate on closer look ("May" as a name), letting a shorter or later one through.

This module is the small function the bench can time on its own: ``find_times(text, anchor)``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from .context import Context, Rule
from .rules_calendar import RULES as CALENDAR_RULES
from .rules_spans import RULES as SPAN_RULES
from .tense import tense_near

__all__ = ["Found", "find_times", "sentence_bounds", "RULES"]

RULES: tuple[Rule, ...] = (*CALENDAR_RULES, *SPAN_RULES)

# Cheap gate: a sentence without any of these characters or word starts has no time expression.
_GATE = re.compile(
    r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"today|tonight|yesterday|tomorrow|now|current|recent|previous|formerly|lately|past|futur|"
    r"soon|week|month|year|day|hour|minute|second|decade|centur|quarter|season|spring|summer|"
    r"fall|autumn|winter|morning|evening|night|noon|midday|christmas|easter|thanksgiving|"
    r"new year|halloween|independence|present|near term|short term|long term|long run|this|"
    r"last|next|annual|ly\b|every|each|nineteen|thousand|period)")


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression at ``start:end`` of the text searched (not yet in raw offsets)."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    reason: str


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n\s*")
# Abbreviations whose full stop ends no sentence ("Sept. 30", "Gen. Smith", "U.S. troops").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|"
    r"Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Rep|Sen|Gov|Pres|Prof|St|Rev|Jr|Sr|Co|Corp|Inc|Ltd|"
    r"No|vs|etc|[A-Z])|\.[A-Za-z])\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """A rough sentence split for when the report has no sentences (no ``segment`` stage)."""
    bounds, start = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        if text[boundary.start() - 1] == "." and _ABBREVIATION.search(
                text, max(0, boundary.start() - 8), boundary.start()):
            continue
        if boundary.start() > start:
            bounds.append((start, boundary.start()))
        start = boundary.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def find_times(text: str, anchor: date | None, sentences: list[tuple[int, int]] | None = None,
               *, day_first: bool = True) -> list[Found]:
    """The time expressions of ``text`` normalised against ``anchor`` (None: no reference date).

    ``sentences`` are ``(start, end)`` bounds within ``text`` used for tense cues; without them
    the text is split with :func:`sentence_bounds`.
    """
    if not _GATE.search(text):
        return []
    if sentences is None:
        sentences = sentence_bounds(text)
    starts = [lo for lo, _ in sentences]
    candidates: list[tuple[int, int, int, re.Match]] = []
    for index, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            start, end = match.span("t") if "t" in rule.pattern.groupindex else match.span()
            if end > start:
                candidates.append((start, -end, index, match))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    context = Context(anchor=anchor, day_first=day_first, text=text)
    found: list[Found] = []
    taken_end = -1
    for start, negative_end, index, match in candidates:
        end = -negative_end
        if start < taken_end:
            continue
        sentence = bisect_right(starts, start) - 1
        if sentence + 1 < len(starts) and end > starts[sentence + 1]:
            continue  # no expression runs across a sentence (or line) boundary
        lo, hi = sentences[sentence] if sentence >= 0 else (0, len(text))
        context.tense = tense_near(text, start, end, lo, max(hi, end))
        context.start = start
        result = RULES[index].normalise(match, context)
        if result is None:
            continue
        kind, value, reason = result
        found.append(Found(start, end, text[start:end], kind, value,
                           f"{RULES[index].name}: {reason}"))
        taken_end = end
    return found
