"""What a rule knows when it normalises a match: the anchor date, the tense, and the document so far.

``Context`` is created per document by :func:`sitrep.time.recognise.find_times` (never shared
between documents): it carries the reference date, the tense of the clause being looked at, and
the last quarter and the last day the document mentioned, which anaphoric expressions ("the
year-earlier quarter", "the next day") resolve against.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .tense import tense_near

# How far back (characters) a quarter stays the one "a year ago" refers to; on TBAQ any
# distance above ~600 scores the same (value F1 0.796), below 300 it loses.
QUARTER_FOCUS = 2000

_FOCUS_VALUE = re.compile(r"(\d{4})(?:-(\d{2})\b)?")
_SINCE = re.compile(r"(?i)\bsince\s+$")

# A rule's answer: (TIMEX3 type, value or None, reason).
Normalised = tuple[str, str | None, str]


@dataclass(slots=True)
class Context:
    anchor: date | None
    day_first: bool = True
    last_quarter: tuple[int, int] | None = None  # (year, quarter) the report is about
    last_quarter_at: int = -1  # where it was mentioned
    months_at: int = -1  # where a span of months ("the first nine months") was last mentioned
    last_day: date | None = None
    # the temporal focus: the year and month of the last calendar date, month or year the
    # document named (any DATE value that starts with a year), which "that year", "later that
    # year" and "the following month" refer to
    focus_year: int | None = None
    focus_month: int | None = None
    # the narrative year: a past year the document last wrote out in a date ("On May 16, 2018"),
    # and where its last date stands (rules_calendar.narrative_year)
    narrative: tuple[int, int] | None = None
    text: str = ""
    start: int = 0  # where the current match starts in ``text``
    end: int = 0
    sentence: tuple[int, int] = (0, 0)  # bounds of the sentence the match is in
    _tense: str | None = None

    def at(self, start: int, end: int, sentence: tuple[int, int]) -> None:
        """Move to the next match (its tense is worked out only if a rule asks for it)."""
        self.start, self.end, self.sentence, self._tense = start, end, sentence, None

    @property
    def tense(self) -> str:
        """``past``, ``future`` or ``none``: the tense cue nearest the match in its sentence."""
        if self._tense is None:
            low, high = self.sentence
            if _SINCE.search(self.text, max(0, self.start - 12), self.start):
                self._tense = "past"  # "since March": a point before now, whatever the verb
            else:
                self._tense = tense_near(self.text, self.start, self.end, low, max(high, self.end))
        return self._tense

    def quarter_in_focus(self) -> bool:
        """Whether a quarter was mentioned close enough before to be what "a year ago" compares."""
        return self.last_quarter is not None and self.start - self.last_quarter_at <= QUARTER_FOCUS

    def note_focus(self, kind: str, value: str | None) -> None:
        """Remember the year (and month) a DATE value names as the document's temporal focus."""
        if kind not in ("DATE", "TIME") or not value:
            return
        found = _FOCUS_VALUE.match(value)
        if found:
            self.focus_year = int(found.group(1))
            self.focus_month = int(found.group(2)) if found.group(2) else None
            if self.narrative is not None and self.narrative[0] != self.focus_year:
                self.narrative = None   # "on Tuesday": the story is back in another year

    def before(self, width: int = 30) -> str:
        """The text just before the current match (for context checks)."""
        return self.text[max(0, self.start - width):self.start]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern and the function normalising its matches (None: not a time expression after all).

    The span recorded is the match's ``t`` group when the pattern has one (context such as a
    preceding "on" is matched but, as in TimeML, not part of the expression), else the match.
    """

    name: str
    pattern: re.Pattern
    normalise: Callable[[re.Match, Context], Normalised | None]
