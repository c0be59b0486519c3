"""A one-line progress display for long runs: on stderr, only when stderr is a terminal.

It stays silent for the first second (short runs print nothing extra) and when stderr is a file or
a pipe (logs and CI stay clean). The bar counts input files: the number of files is cheap to know
up front, the number of documents inside JSONL or archive files is not.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from typing import TextIO

__all__ = ["Progress", "count_input_files"]

WIDTH = 24          # characters of the bar itself
DELAY = 1.0         # seconds before anything shows
INTERVAL = 0.2      # seconds between redraws: redrawing per report would slow fast runs


def count_input_files(paths: Iterable[str]) -> int | None:
    """How many files the inputs name (directories walked); None for standard input."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            total += sum(len(files) for _, _, files in os.walk(path))
        else:
            total += 1
    return total


class Progress:
    """Call it with each run summary (``on_report``); ``close()`` clears the line."""

    def __init__(self, total_files: int | None = None, stream: TextIO | None = None, *,
                 enabled: bool | None = None, delay: float = DELAY) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.enabled = enabled
        self.total_files = total_files
        self.delay = delay
        self.started = time.monotonic()
        self.last_draw = 0.0
        self.paths: set[str] = set()
        self.shown = False

    def __call__(self, summary, report=None) -> None:
        if not self.enabled:
            return
        if report is not None and report.path:
            # archive members are "archive!member": the bar counts the archive file
            self.paths.add(report.path.split("!", 1)[0])
        now = time.monotonic()
        if now - self.started < self.delay or now - self.last_draw < INTERVAL:
            return
        self.last_draw = now
        self.draw(self.line(summary, now - self.started))

    def line(self, summary, elapsed: float) -> str:
        rate = summary.read / elapsed if elapsed > 0 else 0.0
        counts = (f"{summary.read} read · {summary.analysed} analysed · {summary.copies} copies · "
                  f"{summary.events} events · {summary.rejections} rejected · {rate:.1f}/s")
        if not self.total_files:
            return counts
        done = min(len(self.paths), self.total_files)
        filled = int(WIDTH * done / self.total_files)
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{self.total_files} files · {counts}"

    def draw(self, text: str) -> None:
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
