"""The tense of the clause around a time expression: does "Friday" mean the last one or the next?

News reports mostly look back, so callers treat ``none`` (no cue at all) as past for weekdays. The verb cue nearest the expression
within its sentence decides: a future cue ("will", "is expected to", "plans to") makes it
``future``; a past cue ("was", "said", "-ed" forms) keeps it ``past``. The nearest cue rather
than any cue, because "said on Monday it will ..." dates the saying, not the plan.
"""

from __future__ import annotations

import re

_FUTURE = (r"will|won't|shall|'ll|going\s+to|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|"
           r"slated|planning|poised)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|expects?\s+to|"
           r"would|scheduled|upcoming|forthcoming|as\s+soon\s+as|postponed\s+until|"
           r"set\s+to|planned\s+to")
_PAST = (r"was|were|had|did|said|told|took|fell|came|went|began|made|left|saw|gave|held|fled|met|"
         r"won|lost|bought|sold|brought|paid|got|found|kept|ran|sent|spent|stood|thought|wrote|"
         r"rose|grew|knew|led|built|caught|chose|drove|fought|flew|laid|meant|shot|spoke|stole|"
         r"struck|threw|became|broke|drew|heard|felt|dealt|sought|taught|withdrew|ago|"
         r"[a-z]{3,}ed")
_CUES = re.compile(rf"(?i)\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST}))\b")

# Adjectives ending in -ed that are not verbs in the past tense; they are no tense cue.
_NOT_VERBS = frozenset({"armed", "united", "based", "called", "so-called", "alleged", "reported",
                        "detailed", "limited", "related", "concerned", "advanced", "experienced",
                        "interested", "supposed", "scheduled", "expected", "indeed", "need",
                        "speed", "seed", "feed", "proceed", "succeed", "exceed", "hundred"})


# A passive participle ("will be named", "is based") has no tense of its own: the auxiliary
# before it carries it ("will" future, "was" past). After "has"/"have" it stays a past cue (the
# present perfect tells what happened: "has fluctuated ... in March").
_AUXILIARY_BEFORE = re.compile(r"(?i)\b(?:be|being|is|are|am|['’]re)\s+(?:[a-z]+ly\s+)?$")

# ... nor is one followed by its agent ("markets untouched by the crisis", "a ruling backed by").
_BY_AFTER = re.compile(r"\s+by\b")

# "unspecified", "unnamed", "unexpected": un- participles are adjectives, never a finite verb.
_NEGATED_PARTICIPLE = re.compile(r"un[a-z]{3,}ed$")


def tense_near(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """``past``, ``future`` or ``none`` (no cue) for the expression ``text[start:end]`` in sentence ``text[lo:hi]``."""
    best: tuple[int, str] | None = None
    for cue in _CUES.finditer(text, lo, hi):
        if start <= cue.start() < end:
            continue
        word = cue.group().lower()
        if cue.group("past") and (word in _NOT_VERBS or _NEGATED_PARTICIPLE.match(word)):
            continue
        if cue.group("past") and (
                _AUXILIARY_BEFORE.search(text, max(lo, cue.start() - 25), cue.start())
                or _BY_AFTER.match(text, cue.end())):
            continue
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        # a clause boundary between cue and expression makes the cue count for less
        between = text[cue.end():start] if cue.end() <= start else text[end:cue.start()]
        distance += 40 * between.count(",") + 80 * between.count(";")
        if best is None or distance < best[0]:
            best = (distance, "future" if cue.group("future") else "past")
    return best[1] if best else "none"
