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
from .rules_focus import RULES as FOCUS_RULES
from .rules_spans import RULES as SPAN_RULES
from .values import MAX_YEAR, MIN_YEAR

__all__ = ["Found", "find_times", "sentence_bounds", "RULES"]

RULES: tuple[Rule, ...] = (*CALENDAR_RULES, *SPAN_RULES, *FOCUS_RULES)

# Anchor patterns start with a character class: Python's regex engine then skips ahead to
# candidate characters instead of trying every alternative at every position (4-5x faster than a
# case-insensitive alternation). They may over-match; they must never miss.
# The first letters of a month's name as the rules write it (lexicon.MONTH: "Jan", "January",
# "JANUARY"), each pair after its own capital: pairs after any capital hit "Sunday", "Debris",
# "Dayton" too.
_MONTHS = (r"[JFMASOND](?:(?<=J)(?:an|un|ul|ANUARY|UNE|ULY)|(?<=F)(?:eb|EBRUARY)|"
           r"(?<=M)(?:ar|ay|ARCH)|(?<=A)(?:pr|ug|PRIL|UGUST)|(?<=S)(?:ep|EPTEMBER)|"
           r"(?<=O)(?:ct|CTOBER)|(?<=N)(?:ov|OVEMBER)|(?<=D)(?:ec|ECEMBER))")
# A whole unit word: every rule anchored on it matches one ("48-hour", "the past days"), and a
# unit's first letters alone hit "say", "may", "might", "fight", "near", "fear", "seek" as well,
# each a window the rules then search in vain (half the hits on generated news, where the
# duration rules were a third of the stage's time). The first letter is matched as a class and
# checked again behind each branch, so the scan skips ahead to it (see "clock").
_UNITS = (r"[SsMmHhDdNnWwFfQqYyCc](?<![a-z].)(?:(?<=[Ss])econds?|(?<=[Mm])inutes?|(?<=[Hh])ours?|"
          r"(?<=[Dd])ays?|(?<=[Nn])ights?|(?<=[Ww])eek(?:end)?s?|(?<=[Ff])ortnights?|"
          r"(?<=[Mm])onths?|(?<=[Qq])uarters?|(?<=[Yy])ears?|(?<=[Dd])ecades?|"
          r"(?<=[Cc])entur(?:y|ies)|(?<=[Mm])illenni(?:um|a))(?!\w)")
_WEEKDAYS = r"[MTWFS](?:onday|uesday|ednesday|hursday|riday|aturday|unday|on\.|ues?\.|ed\.|hurs?\.|ri\.)"
_HOLIDAYS = r"[CNETHI](?:hristmas|ew Year|aster|hanksgiving|alloween|ndependence|lection)"
# Speed: a word every match of a rule contains, and how far (characters) a match can reach
# before and after it. A rule with an anchor is run only in those windows around the anchor's
# hits instead of over the whole text: TBAQ scores are unchanged and the stage runs several
# times faster. The reaches are the longest prefix/suffix the rule's pattern allows (e.g. "the
# past several" + "no more than" before a unit word; ", on Wednesday, April 6" after a clock).
_ANCHORS: dict[str, tuple[str, int, int]] = {
    "month_day": (_MONTHS, 20, 25), "day_month": (_MONTHS, 40, 25),
    "month_year": (_MONTHS, 30, 25), "month": (_MONTHS, 30, 12),
    "numeric_date": (r"\d[/.\-]\d", 12, 12),
    "year": (r"[12]\d\d\d", 40, 6),
    "decade": (r"0['’]?s\b", 20, 2),
    "spoken_year": (r"[NnTt](?:ineteen|INETEEN|housand|HOUSAND)", 20, 40),
    "season": (r"[SsFfAaWw](?:pring|ummer|all|utumn|inter|PRING|UMMER|ALL|UTUMN|INTER)", 20, 15),
    "weekday": (_WEEKDAYS, 20, 20),
    "deictic": (r"[TtYyn](?:oday|onight|esterday|omorrow|ight|his|ODAY|ONIGHT|ESTERDAY|OMORROW|HIS)",
                30, 20),
    "anaphoric_day": (r"[NnFfPpSs](?:ext|ollowing|revious|receding|ame)", 10, 20),
    # a digit before "a.m."/"o'clock"/a time zone, "noon", "midnight", "in the morning": 65 hits
    # on TBAQ where the letters alone hit 2,000 times ("from", "team"), each a window to match in
    # (its first character is a class of its own, each branch checking it again behind: a
    # pattern that opens with an alternation gets no skip-ahead, and this scan was the slowest)
    "clock": (r"[\dnNmMiI](?:(?<=\d)\s*(?:[aApP]\.?[mM]\b|[oO]['’][cC]|[ECMP][SD]T|GMT|UTC|BST|"
              r"CES?T|[lL](?:ocal|OCAL))|(?<=[nN])(?:oon|OON)|"
              r"(?<=[mM])(?:id(?:night|day)|ID(?:NIGHT|DAY))|(?<=[iI])n the [maeMAE])", 40, 45),
    "holiday": (_HOLIDAYS, 12, 20),
    # after a space, as the rule has it ("two days ago"): not "violence", "Chicago", "feedback"
    "ago": (r"[aAeElLfFhHbB](?<=\s.)(?:go|arlier|ater|rom now|ence|ack)\b", 70, 2),
    "duration": (_UNITS, 70, 20), "vague_duration": (_UNITS, 35, 12),
    "plural_unit": (_UNITS, 15, 12), "one_unit_duration": (_UNITS, 25, 12),
    "relative_unit": (_UNITS, 50, 12), "plural_unit_around": (_UNITS, 10, 20),
    "quarter": (r"[QqHh](?:uarter|alf|UARTER|ALF)", 80, 40),
    "bare_quarter": (r"[QqPp](?:uarter|eriod|UARTER|ERIOD)", 60, 3),
    "the_unit": (r"[YyWw](?:ear|eek|EAR|EEK)", 20, 12), "year_end": (r"[Ee](?:nd|ND)", 12, 3),
    "year_earlier": (r"[Yy](?:ear|EAR)-", 3, 12),
    # rules added later share the anchors of older ones where they can: each distinct anchor
    # pattern is one more scan of the whole text (the anchor scans are most of the stage's time)
    "spoken_month_or_season": (r"[NnTt](?:ineteen|INETEEN|housand|HOUSAND)", 40, 40),
    "day_around": (r"[Dd]ay (?:before|after)", 4, 30),
    "second_day": (_MONTHS, 1, 20),
    "prefixed_year": (r"[12]\d\d\d", 5, 6),
    "election_day": (_HOLIDAYS, 1, 5),
    "part_of_day": (r"[maeMAE](?:orning|fternoon|vening|ORNING|FTERNOON|VENING)", 12, 14),
    "two_quarters": (r"[QqHh](?:uarter|alf|UARTER|ALF)", 30, 30),
    "that_unit": (r"[Tt]hat\s+[yqmdYQMD]", 10, 10),
    "focus_weekday": (_WEEKDAYS, 20, 2),
    "century": (r"[Cc]entury", 30, 2),
    "decade_word": (r"ties\b", 30, 2),
    "long_adjective": (_UNITS, 1, 12),
    "set": (r"[lLeE](?:y\b|Y\b|very|VERY|ach|ACH)", 12, 25),
    # the key word of each reference as a whole word ("now", "at the moment", "these days"):
    # not "know", "snow", "town", "power", "last" (its first letter checked behind, see "clock")
    "reference": (r"[NnCcPpTtMmRrLlFf](?<!\w.)(?:(?<=[Nn])(?:ow(?:adays)?|OW(?:ADAYS)?)|"
                  r"(?<=[Cc])(?:urrent(?:ly)?|URRENT(?:LY)?)|(?<=[Pp])(?:resent(?:ly)?|"
                  r"RESENT(?:LY)?|ast|AST)|(?<=[Mm])(?:oment|OMENT)|(?<=[Rr])(?:ecently|ECENTLY)|"
                  r"(?<=[Ll])(?:ately|ATELY)|(?<=[Ff])(?:ormerly|ORMERLY|uture|UTURE)|"
                  r"(?<=[Tt])(?:erm|ERM))(?![\w-])|[Tt](?<!\w.)(?:hese|HESE)", 20, 20),
}
_ANCHOR_PATTERNS = {pattern: re.compile(pattern) for pattern, _, _ in _ANCHORS.values()}
# Strings one of which every hit of an anchor contains, for the anchors that hit few texts:
# absent from the text, the anchor's scan is skipped (a substring test costs a fraction of a
# regular-expression scan, and these scans were half the scanning time on generated news).
_NEEDS: dict[str, tuple[str, ...]] = {
    _ANCHORS["decade"][0]: ("0s", "0's", "0’s"),
    _ANCHORS["spoken_year"][0]: ("ineteen", "INETEEN", "housand", "HOUSAND"),
    _HOLIDAYS: ("hristmas", "ew Year", "aster", "hanksgiving", "alloween", "ndependence",
                "lection"),
    _ANCHORS["quarter"][0]: ("uarter", "UARTER", "alf", "ALF"),
    _ANCHORS["bare_quarter"][0]: ("uarter", "UARTER", "eriod", "ERIOD"),
    _ANCHORS["year_earlier"][0]: ("ear-", "EAR-"),
    _ANCHORS["day_around"][0]: ("ay before", "ay after"),
    _ANCHORS["part_of_day"][0]: ("orning", "ORNING", "fternoon", "FTERNOON", "vening", "VENING"),
    _ANCHORS["century"][0]: ("entury",),
    _ANCHORS["decade_word"][0]: ("ties",),
}


def _hits(pattern: str, text: str) -> list[tuple[int, int]]:
    needs = _NEEDS.get(pattern)
    if needs is not None and not any(need in text for need in needs):
        return []
    return [hit.span() for hit in _ANCHOR_PATTERNS[pattern].finditer(text)]


def _matches(rule: Rule, text: str, hits: dict[str, list[tuple[int, int]]]):
    """The rule's matches in ``text``, searching only around its anchor's hits when it has one.

    ``hits`` caches each anchor pattern's hits in this text (several rules share an anchor).
    """
    if rule.name not in _ANCHORS:
        yield from rule.pattern.finditer(text)
        return
    pattern, before, after = _ANCHORS[rule.name]
    if pattern not in hits:
        hits[pattern] = _hits(pattern, text)
    windows: list[list[int]] = []
    for start, end in hits[pattern]:
        low, high = max(0, start - before), end + after
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    for low, high in windows:
        for match in rule.pattern.finditer(text, low, min(high, len(text))):
            if high < len(text) and match.end() > high - 3:
                # near the window's edge the lookaheads saw a cut text: match again in full
                match = rule.pattern.match(text, match.start())
                if match is None:
                    continue
            yield match


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
    if anchor is not None and not MIN_YEAR <= anchor.year <= MAX_YEAR:
        anchor = None  # a publication date in year 1 or 9999 is bad metadata, not a reference
    if sentences is None:
        sentences = sentence_bounds(text)
    starts = [lo for lo, _ in sentences]
    candidates: list[tuple[int, int, int, re.Match]] = []
    hits: dict[str, list[tuple[int, int]]] = {}
    for index, rule in enumerate(RULES):
        for match in _matches(rule, text, hits):
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
        context.at(start, end, (lo, hi))
        result = RULES[index].normalise(match, context)
        if result is None:
            continue
        kind, value, reason = result
        context.note_focus(kind, value)
        found.append(Found(start, end, text[start:end], kind, value,
                           f"{RULES[index].name}: {reason}"))
        taken_end = end
    return found
