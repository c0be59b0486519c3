"""The ``resolve_times`` stage: every time expression of a report, normalised to TIMEX3.

Works on the clean text, with the report's sentences when the ``segment`` stage has run (a rough
split of its own otherwise), and records each expression in raw offsets. Relative expressions are
resolved against ``report.published``; without it they keep their text and a ``None`` value.
"""

from __future__ import annotations

from ..model import Report, TimeExpr
from .recognise import find_times, sentence_bounds

__all__ = ["ResolveTimes"]


class ResolveTimes:
    """Adds ``report.times``.

    ``day_first``: how to read an all-numeric date whose numbers could both be a month
    ("03/04/2016"): as day/month (most of the world's news) or month/day (US news).
    """

    name = "resolve_times"

    def __init__(self, day_first: bool = True) -> None:
        self.day_first = bool(day_first)

    def __call__(self, report: Report) -> Report:
        text = report.text
        if report.sentences:
            bounds = [(s.cstart, s.cend) for s in report.sentences]
        else:
            bounds = sentence_bounds(text)
        for found in find_times(text, report.published, bounds, day_first=self.day_first):
            span = report.raw_span(found.start, found.end)
            report.times.append(TimeExpr(span.start, span.end, span.text, found.type,
                                         found.value, found.reason))
        return report
