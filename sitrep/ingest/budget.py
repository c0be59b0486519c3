"""The budgets of one input file, enforced while it is streamed (``[limits]`` in the config).

A decompression bomb is small on disk and huge when read: 1 MB of gzip that unpacks to a gigabyte
of newlines, 400 KB that unpacks to 20 million one-field JSON lines. Per-document limits do not
stop those (every line is small), so a streamed file also has budgets as a whole:

- :class:`CountedStream` counts the bytes a compressed file unpacks to and raises
  :class:`BudgetExceeded` past ``max_decompressed_bytes``; the reader that opened the
  decompressor turns that into one ``too_large`` rejection (what came before is kept);
- :func:`within_budget` passes a file's reports on, stops after ``max_records_per_file`` with one
  rejection for the rest, and folds a run of more than ``max_rejections_in_a_row`` rejections
  into one rejection that gives their count and line range.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from ..config import Limits
from ..errors import RejectCode
from ..model import Report
from .decode import InputRejected
from .documents import rejected_report

__all__ = ["BudgetExceeded", "CountedStream", "counted", "within_budget", "too_many_records"]


class BudgetExceeded(InputRejected):
    """A streamed file went past one of its budgets; reading it stops here."""


class CountedStream(io.RawIOBase):
    """A decompressing stream that raises :class:`BudgetExceeded` once more than ``limit``
    bytes came out of it."""

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        self._raw = raw
        self._limit = limit
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        read = self._raw.readinto(buffer)
        self.count += read or 0
        if self.count > self._limit:
            raise BudgetExceeded(RejectCode.TOO_LARGE,
                                 f"unpacks to over {self._limit:,} bytes (limits."
                                 "max_decompressed_bytes); reading stopped there, what came "
                                 "before was read")
        return read


def counted(raw: BinaryIO, limits: Limits) -> io.BufferedReader:
    """``raw`` (a decompressor) held to ``limits.max_decompressed_bytes``, buffered for readline."""
    return io.BufferedReader(CountedStream(raw, limits.max_decompressed_bytes), 1 << 16)


def too_many_records(limits: Limits, unit: str = "records") -> BudgetExceeded:
    return BudgetExceeded(RejectCode.TOO_LARGE,
                          f"more than {limits.max_records_per_file:,} {unit} (limits."
                          "max_records_per_file); the rest of the file was not read")


def within_budget(reports: Iterator[Report], path: str, limits: Limits) -> Iterator[Report]:
    """The reports of one file, at most ``max_records_per_file`` of them, with runs of
    rejections past ``max_rejections_in_a_row`` folded into one."""
    run = _Run()  # the rejections of the current run past the limit: counted, not kept
    seen = 0
    for report in reports:
        seen += 1
        if seen > limits.max_records_per_file:
            yield from run.folded(path)
            yield rejected_report(too_many_records(limits), path, report.record)
            return
        if report.rejection is None:
            yield from run.folded(path)
            run = _Run()
            yield report
        elif run.length < limits.max_rejections_in_a_row:
            run.length += 1
            yield report
        else:
            run.add(report)
    yield from run.folded(path)


class _Run:
    """A run of rejections in a row: its length, and what is kept of those past the limit."""

    def __init__(self) -> None:
        self.length = 0
        self.codes: Counter = Counter()
        self.first: Report | None = None
        self.last_line: int | None = None

    def add(self, report: Report) -> None:
        self.codes[report.rejection.code] += 1
        if self.first is None:
            self.first = report
        self.last_line = report.record

    def folded(self, path: str) -> Iterator[Report]:
        if self.first is None:
            return
        count = sum(self.codes.values())
        line = self.first.record
        where = f" ({line}-{self.last_line})" if line is not None else ""
        reasons = ", ".join(f"{code} {number:,}" for code, number in self.codes.most_common())
        top = self.codes.most_common(1)[0][0]
        code = RejectCode(top) if top in RejectCode._value2member_map_ else RejectCode.MALFORMED
        yield rejected_report(InputRejected(
            code, f"{count:,} more rejections in a row{where}, not listed one by one: "
                  f"{reasons}; the first: {self.first.rejection.message}"[:500]),
            path, line, f"{path}#{line}+{count}")
