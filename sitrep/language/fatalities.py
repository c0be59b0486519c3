"""An event's fatalities: which of the report's killed counts (``find_quantities``) is its toll.

The count nearest the trigger in its own sentence, else the nearest in its paragraph: a report tells
one event's toll in the sentences around it. A count the text states beats one read from a singular
verb ("the commander was killed along with 11 others").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Quantity, Report, Sentence
from .quantities import IMPLIED

__all__ = ["event_fatalities", "occasion_counts"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# a clause opened by "after" or "following" that tells what came before the event (the last one
# between the trigger and a count; the one opening the sentence)
_OCCASION_BEFORE = re.compile(r"\b(?:after|following)\b(?!.*\b(?:after|following)\b)",
                              re.IGNORECASE | re.DOTALL)
_OCCASION_START = re.compile(r"\W*(?:after|following)\b", re.IGNORECASE)


def event_fatalities(report: Report, sentence: Sentence, ctrigger: int) -> int | None:
    """The dead of the event whose trigger is at clean offset ``ctrigger`` in ``sentence``: the
    stated killed count of its own sentence nearest the trigger, else the count nearest the
    sentence in its paragraph ("Two soldiers were wounded in an IED blast. One later died"),
    since a report tells one event's toll in the sentences around it; a paragraph break
    (a blank line) ends the search, where another event may begin. ``None`` when no count is
    stated or only a vague one ("several killed")."""
    killed = [q for q in report.quantities if q.kind == "killed" and not (
        sentence.start <= q.start < sentence.end and _an_occasion(report, sentence, q, ctrigger))]
    own = [q for q in killed if sentence.start <= q.start < sentence.end]
    # a stated count beats one read from a singular verb ("two soldiers were killed when the
    # post, which was attacked ...", "the commander was killed along with 11 others")
    stated = [q for q in own if q.value is not None and _stated(q)]
    if own:
        return _nearest(stated or [q for q in own if q.value is not None] or own, report,
                        ctrigger)
    starts, ends = _paragraph(report, sentence)
    near = [q for q in killed if q.value is not None and starts <= q.start < ends]
    return _nearest([q for q in near if _stated(q)] or near, report, ctrigger)


def occasion_counts(report: Report, trigger_start: int) -> set[tuple[int, int]]:
    """The raw spans of the casualty counts of the sentence of the trigger at raw offset
    ``trigger_start`` that tell an earlier happening given as the occasion (see _an_occasion):
    not the event's dead, nor its victims."""
    sentence = next((s for s in report.sentences if s.start <= trigger_start < s.end), None)
    if sentence is None:
        return set()
    ctrigger = bisect_left(report.offsets, trigger_start)
    return {(q.start, q.end) for q in report.quantities
            if sentence.start <= q.start < sentence.end and _an_occasion(report, sentence, q,
                                                                         ctrigger)}


def _an_occasion(report: Report, sentence: Sentence, quantity: Quantity, ctrigger: int) -> bool:
    """Is the count inside an "after"/"following" clause the trigger stands outside of, the
    toll of an earlier happening given as the occasion ("attacked a doctor after a patient
    died", "After two students were killed, protesters blocked the road")? Not a time after
    which ("attacked the post after midnight, killing two": a comma ends the clause first)."""
    cquantity = bisect_left(report.offsets, quantity.start)
    text = report.text
    if ctrigger < cquantity:
        opener = _OCCASION_BEFORE.search(text, ctrigger, cquantity)
        return opener is not None and "," not in text[opener.end():cquantity]
    opened = _OCCASION_START.match(text, sentence.cstart, cquantity)
    return opened is not None and "," in text[cquantity:ctrigger]


def _stated(quantity: Quantity) -> bool:
    """A count the text states, not one read from a singular verb."""
    return not (quantity.reason or "").endswith(IMPLIED)


def _nearest(quantities: list[Quantity], report: Report, ctrigger: int) -> int | None:
    """The value of the count nearest the trigger (clean offset); a sum of a sentence's counts
    was tried and miscounted re-mentions ("4 members were killed ... 2 among the four
    killed") and earlier events ("after one soldier was killed") on the ACLED dev notes."""
    best = min(quantities, default=None,
               key=lambda q: abs(bisect_left(report.offsets, q.start) - ctrigger))
    return best.value if best is not None else None


def _paragraph(report: Report, sentence: Sentence) -> tuple[int, int]:
    """Raw bounds of the paragraph holding ``sentence``: between blank lines of the clean text."""
    text = report.text
    before = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, sentence.cstart)]
    after = _PARAGRAPH_BREAK.search(text, sentence.cend)
    cstart = before[-1] if before else 0
    cend = after.start() if after else len(text)
    span = report.raw_span(cstart, max(cstart, cend))
    return span.start, span.end
