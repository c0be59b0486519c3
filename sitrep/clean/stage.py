"""The ``clean`` stage: installs the clean text and its offset map on the report.

What it removes is recorded in ``report.removed`` (raw spans). The dateline is recorded
(``report.dateline``, ``report.dateline_place``); its agency becomes the report's publisher when
the input named none, and its date the publication date when the input gave none (a date without
a year takes its year from the caller's default date, ``--published``). A report with nothing left after cleaning (only
page furniture) is rejected as ``empty``.
"""

from __future__ import annotations

from ..errors import RejectCode
from ..model import Rejection, Report, Span
from .boilerplate import dateline_date
from .text import clean_text

__all__ = ["Clean"]


class Clean:
    """Stage ``clean``: furniture, dateline and repeats out; offsets into the raw text kept."""

    name = "clean"

    def __call__(self, report: Report) -> Report:
        cleaned = clean_text(report.raw)
        report.set_clean(cleaned.text, cleaned.offsets)
        report.removed = [Span(r.start, r.end, report.raw[r.start:r.end]) for r in cleaned.removed]
        if cleaned.dateline is not None:
            start = cleaned.dateline_start
            end = start + len(report.raw[start:cleaned.dateline_end].rstrip())
            report.dateline = Span(start, end, report.raw[start:end])
            report.dateline_place = cleaned.dateline.place
            if cleaned.dateline.agency and not report.publisher:
                report.publisher = cleaned.dateline.agency
            if report.published_source in (None, "cli"):  # the caller's default only fills in
                published = dateline_date(cleaned.dateline.date_text, report.published)
                if published is not None:
                    report.published, report.published_source = published, "dateline"
        if not cleaned.text.strip():
            report.rejection = Rejection(
                RejectCode.EMPTY.value, "nothing left after removing page furniture",
                report.path, report.record, report.id)
        return report
