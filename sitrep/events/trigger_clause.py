"""The evidence of a mention cut to what its sentence tells of its own happening.

Each mention's evidence is the clause of its trigger, not its whole sentence, when an
ACLED-typed mention has its trigger in another clause of that sentence ("three years after 111
schoolgirls were snatched in Dapchi and nearly seven years after 276 girls were taken from
Chibok in a raid"; "nine were killed during the operation while four others were arrested"):
an evidence span says which happening it states, and a sentence that tells two would tie both
to one event for whoever reads the evidence (the cross-report merge, an analyst). See
:func:`trigger_clause`. Whatever other mentions the sentence holds, the evidence also stops
before a later phase of the story told after the trigger ("were abducted and later released",
"who were freed days later", "and the subsequent arrest of"), and starts after what the
sentence tells before the trigger as another happening: a court's decision about the act ("was
sentenced in 2002 for the murder of"), a time told from it ("came a week after gunmen seized"),
an earlier phase. ``merge_events`` (``sitrep/events/merge.py``) folds the mentions so cut.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event, Span

__all__ = ["apart_in_clauses", "trigger_clause"]

# Where a sentence passes from one clause to the next happening it tells: a semicolon or colon,
# a connective after a comma ("…, while", "…, after", "…, when", "…, including"), a temporal or
# contrastive connective between clauses ("… was announced a day after the release of …",
# "… killed while four others were arrested", "… as well as the shooting of …", "and later
# released"), a dash that goes on with "and"/"but". A bare "and" (or a bare dash) is not one: it
# coordinates names and objects far more often than clauses ("George Floyd and Collins Khosa",
# "Dua Mangi - a young girl").
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*|:\s+"
    r"|,\s+(?:and|but|while|whilst|when|after|before|as|including|following|amid|whereas|"
    r"along with)\s+"
    r"|\s+[-–—]+\s+(?:and|but|while)\s+"
    r"|\s+(?:while|whilst|after|as well as|and later|and then|and subsequently|following|"
    r"amid|whereas)\s+", re.IGNORECASE)
# A time told relative to another happening ("were announced a day after the release of",
# "two weeks before the arrest of"): what follows is that other happening, whatever its kind, so a
# mention whose trigger comes before it keeps only what comes before (see _before_other_time).
_OTHER_TIME = re.compile(r"\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|"
                         r"several|a few)\s+(?:hours?|days?|nights?|weeks?|months?|years?)"
                         r"\s+(?:after|before)\s+", re.IGNORECASE)
# A later phase of the story told after the trigger in its sentence ("279 girls were abducted and
# later released", "the schoolgirls, who were freed days later", "and the subsequent arrest of the
# same women", "before being released"): what follows is another happening (a release, a charge, a
# trial), extracted or not, so the trigger's evidence stops before it (see _before_next_phase).
_NEXT_PHASE = re.compile(
    r",?\s+and\s+(?:was\s+|were\s+)?(?:later|then|subsequently|afterwards|eventually)\s+"
    r"|,\s+(?:later|then|subsequently|afterwards|eventually)\s+"
    r"|,?\s+and\s+(?:the|their|his|her|its)\s+(?:subsequent|later|eventual)\s+"
    r"|,?\s+(?:who|which|that)\s+(?:were|was|had been|have been|has been)\s+(?:\w+\s+){1,3}?"
    r"(?:later|afterwards|subsequently)\b"
    r"|,?\s+(?:and\s+)?(?:\w+\s+){0,3}?(?:have|has|had)\s+since\s+been\s+"
    r"|,?\s+before\s+being\s+", re.IGNORECASE)
# A court's decision told before the trigger ("was sentenced to death in 2002 for the murder and
# abduction of the reporter", "was charged over the attack on the convoy"): the trigger is the act
# the court judged, an earlier happening, so its evidence starts at what was judged
# (_after_court_frame); the court's own decision is another happening.
# "charged", "tried", "jailed" are a court's only in the passive ("Police charged the
# marchers", "they tried to cross the barricades over ...").
_COURT_FRAME = re.compile(
    r"(?:\b(?:sentenced|convicted|indicted|acquitted|found guilty)"
    r"|\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+)?(?:charged|tried|jailed|imprisoned|"
    r"prosecuted|fined))\b[^.;:]*?\s(?=(?:for|over|of|in connection with|in (?:the|his|her|"
    r"their))\s)", re.IGNORECASE)
# A clause of fewer words is no statement of its own ("sentenced in the abduction" still is one;
# "In 2019:" is not): the sentence is kept whole.
MIN_CLAUSE_WORDS = 4
# the fewest words that name a happening ("the abduction", "the Kaduna abduction")
MIN_NAMED_WORDS = 2


def trigger_clause(event: Event) -> Event:
    """``event`` with the evidence span that holds its trigger cut to the trigger's clause (see
    ``_CLAUSE_BREAK``); unchanged when the sentence is one clause, when the clause would be too
    short to state anything (``MIN_CLAUSE_WORDS``) or when the trigger is unknown."""
    return _cut_trigger_span(event, _clause_of)


def _cut_trigger_span(event: Event, cut) -> Event:
    """``event`` with the evidence span that holds its trigger replaced by ``cut(span, start,
    end)`` (the trigger's offsets in the span); unchanged when the trigger is unknown or the
    cut changes nothing."""
    trigger = event.trigger
    if trigger is None:
        return event
    spans = tuple(cut(span, trigger.start - span.start, trigger.end - span.start)
                  if span.start <= trigger.start and trigger.end <= span.end and span.text
                  else span for span in event.evidence)
    return event if spans == event.evidence else replace(event, evidence=spans)


def _clause_of(span: Span, start: int, end: int) -> Span:
    """The part of ``span`` between the clause breaks around ``start:end`` (offsets in it)."""
    text = span.text
    first, last = 0, len(text)
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() <= start:
            first = found.end()
        elif found.start() >= end:
            last = found.start()
            break
        else:  # the trigger is inside the break itself ("following"): no clause to cut
            return span
    if (first, last) == (0, len(text)):
        return span
    clause = text[first:last].rstrip(" ,")
    if len(clause.split()) < MIN_CLAUSE_WORDS:
        return span
    return Span(span.start + first, span.start + first + len(clause), clause)


def _before_other_time(event: Event) -> Event:
    """``event`` with the evidence span of its trigger cut before a time told relative to another
    happening that follows the trigger (_OTHER_TIME); unchanged otherwise."""
    return _cut_trigger_span(event, lambda span, start, end: _cut_before(_OTHER_TIME, span, end))


def _cut_before(pattern, span: Span, end: int) -> Span:
    """``span`` cut before the first match of ``pattern`` after ``end`` (the trigger's end), if
    what is left before it is a clause of MIN_CLAUSE_WORDS at least."""
    found = pattern.search(span.text, end)
    if found and len(span.text[:found.start()].split()) >= MIN_CLAUSE_WORDS:
        return Span(span.start, span.start + found.start(), span.text[:found.start()])
    return span


def _before_next_phase(event: Event) -> Event:
    """``event`` with the evidence span of its trigger cut before a later phase of the story told
    after the trigger (_NEXT_PHASE); unchanged otherwise."""
    return _cut_trigger_span(event, lambda span, start, end: _cut_before(_NEXT_PHASE, span, end))


def _after_earlier_frame(event: Event) -> Event:
    """``event`` with the evidence span of its trigger starting after what the sentence tells
    before it as another happening: a time told relative to it ("The kidnappings came a week
    after gunmen seized 40 students": the trigger 'seized' is the other, earlier happening), a
    court's decision about it (_COURT_FRAME), or an earlier phase of the story ("were abducted
    and later released": the trigger 'released' is the later phase, _NEXT_PHASE); unchanged
    otherwise."""
    return _cut_trigger_span(event, _after_earlier_frame_in)


def _after_earlier_frame_in(span: Span, start: int, end: int) -> Span:
    cut, least = 0, MIN_CLAUSE_WORDS
    for pattern in (_OTHER_TIME, _COURT_FRAME, _NEXT_PHASE):
        for found in pattern.finditer(span.text, 0, start):
            if len(span.text[:found.start()].split()) >= MIN_CLAUSE_WORDS - 1 and \
                    found.end() > cut:
                cut = found.end()
                # "... were set free a day after the Kaduna abduction": the happening a time
                # is told from is named by a noun phrase, a whole telling of it however short
                least = MIN_NAMED_WORDS if pattern is _OTHER_TIME else MIN_CLAUSE_WORDS
    rest = span.text[cut:]
    if not cut or len(rest.split()) < least:
        return span
    return Span(span.start + cut, span.end, rest)


def apart_in_clauses(events: list[Event]) -> list[Event]:
    """Each mention with the clause of its trigger as evidence when an ACLED-typed mention of the
    report has its trigger in another clause of the same sentence (two incidents told in one
    sentence); otherwise as it came: the rest of a sentence of one incident still says who and
    where (the actor coding that follows reads the evidence for the people it names), and a
    PLOVER-only act beside it is its context, not another incident ("was arrested on April 14
    after he wrote an article alleging ...": the arrest keeps its sentence, the article is
    only its clause)."""
    triggers: dict[tuple[int, int], list[int]] = {}
    for event in events:
        if event.trigger is not None and event.event_type:
            for span in event.evidence:
                if span.start <= event.trigger.start < span.end:
                    triggers.setdefault((span.start, span.end), []).append(event.trigger.start)
    result = []
    for event in map(_after_earlier_frame, map(_before_next_phase, map(_before_other_time,
                                                                         events))):
        narrowed = trigger_clause(event)
        if narrowed is not event and any(
                not any(span.start <= start < span.end for span in narrowed.evidence)
                for sentence, starts in triggers.items() for start in starts
                if any((s.start, s.end) == sentence for s in event.evidence)):
            event = narrowed
        result.append(event)
    return result
