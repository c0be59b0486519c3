"""The cost of cross-report merging as the store grows: ``python -m sitrep.merge.measure``.

    python -m sitrep.merge.measure [--reports 10000] [--batch 1000] [--db FILE]

Generates the benchmark's seeded corpus (``sitrep.corpus``, as ``make bench`` does), runs it into
a fresh store ``--batch`` reports at a time (``sitrep run`` each time, so each run merges its new
events into everything stored before), and prints, per run, the store's size and the merge step's
seconds per 1,000 reports, of the clock and of CPU (the thread that ran it: on a machine others
load, the clock's figure holds the waiting, the CPU's only the work). Blocking (a shared surname, or the same exact day) keeps the cost of
a batch from growing with the store; a rising column would say otherwise.

The generated corpus recombines the sentences of a few demo reports, so the same names and
places recur far more often than in real news: a hard case for blocking by name.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from ..corpus import generate_articles, write_jsonl
from ..ingest import ReadOptions, read_inputs

__all__ = ["measure", "main"]


def measure(reports: int, batch: int, db: Path, out=sys.stdout) -> list[dict]:
    from ..pipeline import Pipeline
    from ..store import Store
    from ..store.run import run_into_store

    pipeline = Pipeline()
    articles = list(generate_articles(reports))
    rows = []
    out.write("stored  new events  merged events  merge s  merge s per 1,000 reports"
              "  merge CPU s per 1,000  run s\n")
    with tempfile.TemporaryDirectory(prefix="sitrep-merge-measure-") as scratch, \
            Store(db) as store:
        for first in range(0, reports, batch):
            path = write_jsonl(articles[first:first + batch], Path(scratch) / f"{first}.jsonl")
            started = time.perf_counter()
            summary = run_into_store(read_inputs([str(path)], ReadOptions()), store, pipeline)
            elapsed = time.perf_counter() - started
            count = min(batch, reports - first)
            row = {"stored": first + count, "events": summary.events,
                   "merged_events": summary.merged_events,
                   "merge_seconds": round(summary.merge_seconds, 3),
                   "merge_seconds_per_1000": round(summary.merge_seconds * 1000 / count, 3),
                   "merge_cpu_seconds_per_1000": round(
                       summary.merge_cpu_seconds * 1000 / count, 3),
                   "run_seconds": round(elapsed, 1)}
            rows.append(row)
            out.write(f"{row['stored']:>6}  {row['events']:>10}  {row['merged_events']:>13}  "
                      f"{row['merge_seconds']:>7.2f}  {row['merge_seconds_per_1000']:>26.2f}  "
                      f"{row['merge_cpu_seconds_per_1000']:>21.2f}  {row['run_seconds']:>5.0f}\n")
            out.flush()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.merge.measure",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--db", type=Path, help="the store to fill (default: a temporary file)")
    args = parser.parse_args(argv)
    if args.reports < 1 or args.batch < 1:
        parser.error("--reports and --batch take positive numbers")
    if args.db:
        measure(args.reports, args.batch, args.db)
        return 0
    with tempfile.TemporaryDirectory(prefix="sitrep-merge-measure-db-") as scratch:
        measure(args.reports, args.batch, Path(scratch) / "merge.db")
    return 0


if __name__ == "__main__":
    sys.exit(main())
