"""A one-line progress display for long runs: on stderr, only when stderr is a terminal.

It stays silent for the first second (short runs print nothing extra) and when stderr is a file or
a pipe (logs and CI stay clean). The bar counts documents, not files: one JSONL file of 40,000
articles is 40,000 steps, not one step that is full from the start. Documents are counted up
front where that is cheap (a text or HTML file is one; a JSONL file has one per line; a CSV file
one per row after the header); where it is not (archives, feeds, JSON arrays) the bar follows
the bytes of the input read so far instead.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

__all__ = ["Progress", "InputTotals", "count_inputs"]

WIDTH = 24          # characters of the bar itself
DELAY = 1.0         # seconds before anything shows
INTERVAL = 0.2      # seconds between redraws: redrawing per report would slow fast runs
# Files read once up front to count their lines: above this much in all, the bar follows bytes
# (counting newlines runs at disk speed, but a 50 GB input should not be read twice to start).
COUNT_LINES_UP_TO = 2 * 1024 ** 3

_ONE_DOCUMENT = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")
_ONE_PER_LINE = (".jsonl", ".ndjson", ".jsonlines")
_ONE_PER_ROW = (".csv", ".tsv")


@dataclass
class InputTotals:
    """What the inputs hold: bytes always, documents when they can be counted cheaply."""

    bytes: int = 0
    documents: int | None = 0
    sizes: dict[str, int] = field(default_factory=dict)   # file path -> bytes


def _lines(path: str) -> int:
    count, last = 0, b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def count_inputs(paths: Iterable[str]) -> InputTotals | None:
    """Bytes and (where cheap) documents of the inputs; None for standard input."""
    totals = InputTotals()
    files: list[str] = []
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            files += [os.path.join(root, name) for root, _, names in os.walk(path)
                      for name in sorted(names)]
        else:
            files.append(path)
    for path in files:
        try:
            totals.sizes[path] = os.path.getsize(path)
        except OSError:
            totals.sizes[path] = 0
    totals.bytes = sum(totals.sizes.values())
    for path in files:
        lower = path.lower()
        if totals.documents is None:
            break
        if lower.endswith(_ONE_DOCUMENT):
            totals.documents += 1
        elif lower.endswith(_ONE_PER_LINE + _ONE_PER_ROW) and totals.bytes <= COUNT_LINES_UP_TO:
            try:
                lines = _lines(path)
            except OSError:
                lines = 1
            totals.documents += max(1, lines - lower.endswith(_ONE_PER_ROW))
        else:
            totals.documents = None    # archives, feeds, JSON arrays: follow the bytes
    return totals


def _megabytes(count: float) -> str:
    return f"{count / 1024 ** 2:,.1f}"


class Progress:
    """Call it with each run summary (``on_report``); ``close()`` clears the line."""

    def __init__(self, totals: InputTotals | None = None, stream: TextIO | None = None, *,
                 enabled: bool | None = None, delay: float = DELAY) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = enabled
        self.totals = totals
        self.delay = delay
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.done_bytes = 0          # of the files finished
        self.current: str | None = None
        self.current_bytes = 0       # text read from the file being read
        self.shown = False

    def __call__(self, summary, report=None) -> None:
        if not self.enabled:
            return
        if report is not None and report.path:
            self._advance(report)
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last_draw < INTERVAL:
            return
        self.last_draw = now
        self.draw(self.line(summary, now - self.started))

    def _advance(self, report) -> None:
        # archive members are "archive!member": the bytes are the archive file's
        path = report.path.split("!", 1)[0]
        sizes = self.totals.sizes if self.totals else {}
        if path != self.current:
            if self.current is not None:
                self.done_bytes += sizes.get(self.current, self.current_bytes)
            self.current, self.current_bytes = path, 0
        self.current_bytes += len(report.raw.encode("utf-8", "replace")) + 1

    def read_bytes(self) -> int:
        sizes = self.totals.sizes if self.totals else {}
        current = min(self.current_bytes, sizes.get(self.current, self.current_bytes))
        return self.done_bytes + current

    def line(self, summary, elapsed: float) -> str:
        rate = summary.read / elapsed if elapsed > 0 else 0.0
        counts = (f"{summary.read} read · {summary.analysed} analysed · {summary.copies} copies · "
                  f"{summary.events} events · {summary.rejections} rejected · {rate:.1f}/s")
        totals = self.totals
        if not totals or not totals.bytes:
            return counts
        size = f"{_megabytes(min(self.read_bytes(), totals.bytes))}/{_megabytes(totals.bytes)} MB"
        if totals.documents:
            done, total, unit = min(summary.read, totals.documents), totals.documents, "documents"
            where = f"{done}/{total} {unit} · {size}"
        else:
            done, total = min(self.read_bytes(), totals.bytes), totals.bytes
            where = size
        filled = int(WIDTH * done / total)
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {where} · {counts}"

    def draw(self, text: str) -> None:
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
