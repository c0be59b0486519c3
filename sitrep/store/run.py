"""A run: read reports, group syndicated copies, analyse each group once, store everything.

    reports ──► already stored? skip ──► near-duplicate group ──► first of its group? analyse
                                                │                          │
                                                └─ a copy: stored as a source of the group's events
                                                   (a markedly fuller copy is analysed too: its
                                                   extra events join the group)

Rejections (from reading or from analysis) are stored with their path and line and the run goes
on; ``strict=True`` stops at the first one and leaves the store as it was. Grouping uses
``sitrep.merge.near_duplicates.NearDuplicateIndex`` (MinHash LSH) when it is installed — its
state is kept in the store so that a later run groups new reports with stored ones — and falls
back to exact-text grouping otherwise. Within a window of ORDER_WINDOW reports the fullest
copy of a group is its first (see there), so that input order does not change what is analysed;
a window also closes when the input pauses (a stream is not held back for the next report).
"""

from __future__ import annotations

import importlib
import queue
import sqlite3
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..engine import Engine
from ..errors import RejectCode
from ..ingest.documents import storable_path
from ..model import Rejection, Report
from ..pipeline import Pipeline
from ..merge.cross_report import mention_runs
from .incidents import MergeMemory, MergeSummary, merge_new_events, recluster
from .packing import PackedReport
from .records import report_key
from .store import Store

__all__ = ["RunSummary", "StrictRunFailed", "run_into_store"]

# Key of the near-duplicate index in the store's state table.
NEAR_DUPLICATE_STATE = "near_duplicates"
# Reports written per transaction: bounds what a crash loses without a commit per report.
COMMIT_EVERY = 200
# ... or what was analysed in this many seconds, whichever comes first (a slow analysis or a
# slow input still commits, and shows progress, every few seconds).
COMMIT_SECONDS = 5.0
# The index state is rewritten whole (its size grows with the corpus), so only now and then and
# at the end: once SAVE_INDEX_EVERY reports were written since the last save and at least
# SAVE_INDEX_SHARE of the reports the index holds, so that what the saves write adds up to a
# few times the final index (at a fixed interval it grew with the square of the run: a
# 10-million-report run would write its whole index 2,000 times). A 20,000-report run saves
# at the same reports as at a fixed 5,000 (5,000 / 10,000 / 15,000 / 20,000). After a crash,
# reports stored since the last save are simply not matched as copies.
SAVE_INDEX_EVERY = 5000
SAVE_INDEX_SHARE = 0.25
# Marks a copy on its way through the pipeline, which leaves any report with a rejection alone.
_COPY = "__copy_of__"
# A copy longer than this many times the longest analysed text of its group is analysed as well,
# so that a group whose first copy was truncated does not lose the events of the rest of the
# story. Re-headed or lightly edited copies change length by well under 25 % (the bench corpus's
# syndicated copies: re-headings, bylines, badge lines), while wire copies are typically cut to a
# half or two thirds; events both copies report share an id (group + Event.key()) and collapse.
FULLER_COPY_RATIO = 1.25
# Reports are grouped in windows of this many (or this many characters of text, whichever comes
# first), each window's in a fixed order — longest text first, then by store id — so that the
# copy of a syndicated story that is analysed (and the group's id) is the same whatever order
# the input came in: the fullest copy, not the first to arrive (issue 13: the same input in
# reverse order gives the same incidents). Reports are still analysed and written in input
# order. Copies further apart in the input than a window are grouped too, but then the first
# one analysed stays the group's, as across runs.
ORDER_WINDOW = 1000
ORDER_WINDOW_CHARS = 50_000_000
# ... or when the input pauses for ORDER_PAUSE_SECONDS, or ORDER_WINDOW_SECONDS after the
# window's first report arrived: a stream (reports trickling in on stdin) is not held back until
# a thousand more have come, and its first event is stored within about a second. A file or a
# pipe (`cat big.jsonl | sitrep run -`) is read far faster than that (3,000 generated articles,
# 4.8 MB, are read in well under a second), so its windows are still full ones and the order
# they came in still does not matter; what a stream sends after a pause is grouped with what
# came before as copies further apart than a window are (the first analysed stays the group's).
ORDER_PAUSE_SECONDS = 0.25
ORDER_WINDOW_SECONDS = 2.0


class StrictRunFailed(Exception):
    """``strict=True`` and a report was rejected: the run stopped and stored nothing."""

    def __init__(self, report: Report) -> None:
        self.report = report
        rejection = report.rejection
        super().__init__(f"{rejection.path or report.id}"
                         f"{':' + str(rejection.line) if rejection.line else ''} rejected "
                         f"({rejection.code}): {rejection.message}")


@dataclass
class RunSummary:
    """What a run did (``sitrep run`` prints it)."""

    read: int = 0                 # reports read, rejected ones included
    stored: int = 0               # new reports stored (analysed ones and copies)
    already_stored: int = 0       # reports the store had from an earlier run
    repeated: int = 0             # reports read twice in this run (same text, same url)
    copies: int = 0               # new reports grouped with an earlier report
    fuller_copies: int = 0        # of those, copies markedly longer than what was analysed:
                                  # analysed as well (counted in ``analysed`` too)
    analysed: int = 0
    events: int = 0               # new events stored
    rejected: Counter = field(default_factory=Counter)  # rejection code -> count
    grouping: str = "exact text"  # how copies were found
    merged_events: int = 0        # events of several reports written as one (store/incidents.py)
    merge_seconds: float = 0.0    # time the cross-report merge step took, all batches together
    merge_cpu_seconds: float = 0.0  # CPU time of it (of the thread that ran it): on a loaded
                                    # machine, the step's work without the waiting
    # ids of the merged events this run wrote and that still stand (merged_events counts them)
    merged_ids: set = field(default_factory=set, repr=False)

    @property
    def rejections(self) -> int:
        return sum(self.rejected.values())

    def to_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "already_stored": self.already_stored,
                "repeated": self.repeated,
                "copies": self.copies, "fuller_copies": self.fuller_copies,
                "analysed": self.analysed, "events": self.events,
                "rejections": dict(self.rejected), "grouping": self.grouping,
                "merged_events": self.merged_events}


def _load_index_class():
    try:
        module = importlib.import_module("sitrep.merge.near_duplicates")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("sitrep"):
            return None
        raise
    return getattr(module, "NearDuplicateIndex", None)


class _Grouper:
    """Assigns each new report its group: the id of the first report with (nearly) its text.

    It never touches the store after construction: ``group`` runs in the pipeline's feeder,
    which may be another thread than the store's.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = None
        # text hash -> group, for exact grouping; store id -> store group, for a rebuilt index
        self.exact: dict[str, str] = {}
        self.translate: dict[str, str] = {}
        # group -> length of the longest analysed text in it (see FULLER_COPY_RATIO)
        self.analysed_length: dict[str, int] = store.analysed_lengths()
        # whether the index holds reports its saved state does not: saving it again with none
        # added would write the same state (a run of a multiple of SAVE_INDEX_EVERY reports
        # saved its whole index twice at its end)
        self.unsaved = False
        index_class = _load_index_class()
        if index_class is None:
            self.exact = store.text_groups()
            return
        state = store.get_state(NEAR_DUPLICATE_STATE)
        try:
            self.index = index_class.from_bytes(state) if state else None
        except ValueError:  # state written by another version of the index: rebuild it
            self.index = None
        if self.index is None:
            self.index = index_class()
            self.rebuild()
            self.unsaved = True

    def rebuild(self) -> None:
        """Index the stored reports (a store filled before the index existed, or with an
        unreadable state); their groups in the store stay what they were."""
        for report_id, group_id, raw in self.store.report_texts():
            self.index.add(report_id, raw)
            # the index may group stored reports otherwise than the store did: a new copy
            # joins the store's group of the report the index matched it with
            self.translate[report_id] = group_id

    @property
    def method(self) -> str:
        return "MinHash LSH" if self.index is not None else "exact text"

    def group(self, report_id: str, raw: str) -> str:
        if self.index is not None:
            self.unsaved = True
            group_id = self.index.add(report_id, raw)
            return self.translate.get(group_id, group_id)
        from ..model import content_id

        return self.exact.setdefault(content_id(raw), report_id)

    def is_fuller(self, group_id: str, raw: str) -> bool:
        """Whether a copy in ``group_id`` is long enough to analyse as well (and, if so, note it
        as the group's analysed length from now on)."""
        if len(raw) <= FULLER_COPY_RATIO * self.analysed_length.get(group_id, len(raw)):
            return False
        self.analysed_length[group_id] = len(raw)
        return True

    def analysed(self, group_id: str, raw: str) -> None:
        self.analysed_length[group_id] = max(len(raw), self.analysed_length.get(group_id, 0))

    def save(self) -> None:
        if self.index is not None and self.unsaved:
            # (cleared first: ``group`` may add a report from the feeder's thread meanwhile)
            self.unsaved = False
            self.store.set_state(NEAR_DUPLICATE_STATE, self.index.to_bytes())


def run_into_store(reports: Iterable[Report], store: Store, pipeline: Pipeline, *,
                   strict: bool = False, n_process: int = 1,
                   on_report: Callable[[RunSummary, Report], None] | None = None,
                   engine: Engine | None = None, stream: bool = False) -> RunSummary:
    """Analyse and store ``reports``; returns what was done.

    ``stream``: the reports come from a stream that may pause (a pipe, a terminal): a window of
    the fullest-copy order then also closes when the input pauses or grows old (ORDER_PAUSE_
    SECONDS). Otherwise windows are full ones, so that what is analysed never depends on how
    fast the input was read (a loaded machine reads a file in fits and starts).

    ``engine`` analyses instead of ``pipeline`` (which may then be None): the Ray engine, say
    (``sitrep.engine``). Either way the results come back in input order and are written here.

    ``on_report`` is called after each report with the summary so far and that report (a
    progress display). Raises :class:`StrictRunFailed` under ``strict``.
    """
    summary = RunSummary()
    grouper = _Grouper(store)
    summary.grouping = grouper.method
    known = store.report_ids()
    rejected_before = store.rejected_reports()
    seen: set[str] = set()
    # (input id, store id, group of a fuller copy) of each report sent on to the pipeline, in
    # input order, which is the order its results come back in: each report's store id is
    # computed once, when its window is decided, and a fuller copy is known for one when written
    sent: deque[tuple[str, str | None, str | None]] = deque()
    # report id -> the people it names and the counts (merge.cross_report.mention_runs)
    names: dict[str, list] = {}
    # what the merge steps keep from batch to batch: the mentions whose part of the link graph
    # was too large to re-cluster with their batch, and what re-clustering reads again
    memory = MergeMemory()

    def classified() -> Iterator[Report]:
        # Runs inside pipeline.pipe's feeder (a thread when n_process > 1): it only decides.
        # Rejected reports and copies travel through the pipeline untouched (it skips any
        # report with a rejection; a copy carries the _COPY marker) so that every write happens
        # in this thread, in input order, and nothing piles up waiting for the next analysed one.
        for window in _windows(reports, timed=stream):
            keys = [None if report.rejection else report_key(report.raw, report.url)
                    for report in window]
            decided = decide(window, keys)
            for report, report_id in zip(window, keys):
                summary.read += 1
                if report_id is None:  # rejected when read
                    sent.append((report.id, None, None))
                    yield report
                    continue
                if report_id in known or report_id in seen:
                    if report_id in known:
                        summary.already_stored += 1
                        if report_id in rejected_before:  # still rejected: the exit status says
                            summary.rejected[rejected_before[report_id]] += 1
                    else:
                        summary.repeated += 1
                    if on_report:
                        on_report(summary, report)
                    continue
                seen.add(report_id)
                kind, group_id = decided[report_id]
                if kind == "copy":
                    report.rejection = Rejection(_COPY, group_id)
                sent.append((report.id, report_id, group_id if kind == "fuller" else None))
                yield report

    def decide(window: list[Report], keys: list[str | None]) -> dict[str, tuple[str, str]]:
        """Store id -> ("analyse" | "fuller" | "copy", group) of the window's new reports,
        decided in the window's fixed order (ORDER_WINDOW); ``keys``: the reports' store ids."""
        decided: dict[str, tuple[str, str]] = {}
        keyed = sorted(((-len(report.raw), report_id, report)
                        for report, report_id in zip(window, keys) if report_id is not None),
                       key=lambda entry: entry[:2])
        for _, report_id, report in keyed:
            if report_id in known or report_id in decided:
                continue
            group_id = grouper.group(report_id, report.raw)
            if group_id == report_id:
                grouper.analysed(group_id, report.raw)
                decided[report_id] = ("analyse", group_id)
            elif grouper.is_fuller(group_id, report.raw):
                decided[report_id] = ("fuller", group_id)
            else:
                decided[report_id] = ("copy", group_id)
        return decided

    def write(report: Report, report_id: str | None, group_id: str | None) -> None:
        # the store first, the counts after: a report that fails to be stored (see
        # _write_isolated) leaves the summary as it was. ``report_id``: its store id (None for
        # a report rejected when read); ``group_id``: its group if it is a fuller copy
        rejection = report.rejection
        if rejection is not None and rejection.code == _COPY:
            report.rejection = None
            store.add_report(report, rejection.message, analysed=False, report_id=report_id)
            summary.stored += 1
            summary.copies += 1
        elif rejection is not None and not report.raw:
            # rejected when read (sitrep.ingest gives those an empty raw text): there is no
            # report to keep, only the reason
            _reject(report)
        else:
            report_id = store.add_report(report, group_id, report_id=report_id)
            events = 0
            if report.rejection:
                _reject(report)
            else:
                events = store.add_events(report_id, report.events,
                                          group_sources=group_id is None)
                if report.events:  # the people it names, for the merge step of its batch
                    names[report_id] = (report.names if isinstance(report, PackedReport)
                                        else mention_runs(report))
            summary.stored += 1
            summary.analysed += 1
            summary.events += events
            if group_id is not None:
                summary.copies += 1
                summary.fuller_copies += 1

    def _reject(report: Report) -> None:
        if strict:
            raise StrictRunFailed(report)
        store.add_rejection(report.rejection)
        summary.rejected[report.rejection.code] += 1

    def write_isolated(report: Report) -> None:
        """Write one report in a savepoint: if the store refuses it (a value SQLite cannot
        take), that report becomes a recorded rejection and the rest of its batch is kept."""
        doc_id, report_id, group_id = sent.popleft()
        if doc_id != report.id:  # the pipeline returns each report once, in input order
            raise RuntimeError(f"the analysis returned report {report.id!r} where "
                               f"{doc_id!r} was expected: the input order was not kept")
        try:
            with store.savepoint():
                write(report, report_id, group_id)
        except (*_UNSTORABLE, *store.unstorable) as exc:  # and the back end's own
            message = f"could not be stored: {type(exc).__name__}: {exc}"[:300]
            line = report.record if isinstance(report.record, int) \
                and abs(report.record) < 2 ** 63 else None  # what the store can take of it
            rejection = Rejection(RejectCode.STAGE_ERROR.value, message,
                                  storable_path(str(report.path)), line,
                                  storable_path(str(report.id)))
            if strict:
                raise StrictRunFailed(replace(report, rejection=rejection)) from exc
            with store.savepoint():
                store.add_rejection(rejection)
            summary.rejected[rejection.code] += 1
        if on_report:
            on_report(summary, report)

    if engine is not None:
        results = engine.analyse(classified())
    else:
        results = pipeline.pipe(classified(), n_process=n_process)
    if strict:
        # one transaction: a rejection anywhere leaves the store as it was. It holds the write
        # lock while it analyses; other writers wait for it (Store.transaction retries).
        with store.transaction():
            for report in results:
                write_isolated(report)
            grouper.save()
            _merged(summary, lambda: merge_new_events(store, names))
        return summary
    since_saved = 0  # reports written since the index was last saved
    for batch in _batches(results):
        # analysed above, outside any transaction; written here in one short one, so that
        # another writer on the same store waits milliseconds, not the length of an analysis.
        # The corpus-level step — events of different reports that tell one incident become
        # one — runs on each batch in its transaction, while the workers analyse the next
        # batches (at the end of the run it was serial work on the whole run's events, ~57 s
        # of 20,000 reports); the incidents do not depend on how the reports were batched.
        with store.transaction():
            for report in batch:
                write_isolated(report)
                since_saved += 1
                if index_due(since_saved, len(known) + summary.stored):
                    grouper.save()
                    since_saved = 0
            if names:
                _merged(summary, lambda: merge_new_events(store, names, list(names), memory))
                names.clear()
    with store.transaction():
        grouper.save()
        # events no batch merged: those of an earlier run that stopped before its merge step
        _merged(summary, lambda: merge_new_events(store))
        # and the large parts of the link graph the batches left for now
        if memory.deferred:
            _merged(summary, lambda: recluster(store, memory.deferred))
    return summary


def index_due(since_saved: int, stored: int) -> bool:
    """Whether to save the near-duplicate index, ``since_saved`` reports written since its last
    save into a store of ``stored`` reports (see SAVE_INDEX_SHARE)."""
    return since_saved >= max(SAVE_INDEX_EVERY, SAVE_INDEX_SHARE * stored)


def _merged(summary: RunSummary, step: Callable[[], MergeSummary]) -> None:
    """Run one merge step (``step``) and add what it did and took to ``summary``."""
    started, cpu = time.perf_counter(), time.thread_time()
    merged = step()
    summary.merged_ids = (summary.merged_ids | merged.written) - merged.removed
    summary.merged_events = len(summary.merged_ids)
    summary.merge_seconds += time.perf_counter() - started
    summary.merge_cpu_seconds += time.thread_time() - cpu


# What storing one report can fail with that is that report's fault (a string SQLite cannot
# encode, a number too large for an INTEGER, a text over SQLite's size limit). Anything else —
# a full disk, a corrupt file — is the store's and fails the run.
_UNSTORABLE = (ValueError, OverflowError, TypeError, sqlite3.InterfaceError, sqlite3.DataError,
               sqlite3.IntegrityError)


class _ReadFailed:
    """What the reader thread of :func:`_windows` hands over when the input raised."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


_END = object()


def _windows(reports: Iterable[Report], timed: bool = False) -> Iterator[list[Report]]:
    """``reports`` in lists of ORDER_WINDOW reports or ORDER_WINDOW_CHARS characters; when
    ``timed``, cut short when the input pauses for ORDER_PAUSE_SECONDS or the window has been
    open ORDER_WINDOW_SECONDS. A thread reads the input (at most a window ahead), so that a
    pause is seen while the input is still waited for; what the input raises is raised here."""
    arrived: queue.Queue = queue.Queue(maxsize=ORDER_WINDOW)
    stop = threading.Event()

    def hand_over(item) -> bool:
        while not stop.is_set():  # the windows' reader may be gone: never block for good
            try:
                arrived.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for report in reports:
                if not hand_over(report):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed over and raised by the reader
            hand_over(_ReadFailed(exc))
            return
        hand_over(_END)

    threading.Thread(target=read, name="sitrep-read", daemon=True).start()
    window: list[Report] = []
    chars, opened = 0, 0.0
    try:
        while True:
            if window and timed:
                left = opened + ORDER_WINDOW_SECONDS - time.monotonic()
                try:
                    if left <= 0:
                        raise queue.Empty
                    item = arrived.get(timeout=min(ORDER_PAUSE_SECONDS, left))
                except queue.Empty:  # a pause, or the window is old enough: decide it now
                    yield window
                    window, chars = [], 0
                    continue
            else:
                item = arrived.get()
            if item is _END:
                break
            if isinstance(item, _ReadFailed):  # what was read before it is still handed on
                if window:
                    yield window
                raise item.error
            if not window:
                opened = time.monotonic()
            window.append(item)
            chars += len(item.raw)
            if len(window) >= ORDER_WINDOW or chars >= ORDER_WINDOW_CHARS:
                yield window
                window, chars = [], 0
        if window:
            yield window
    finally:
        stop.set()


def _batches(results: Iterable[Report]) -> Iterator[list[Report]]:
    """Analysed reports in batches of at most COMMIT_EVERY or COMMIT_SECONDS' worth, so that
    a crash loses at most that much work (and a slow analysis still commits now and then)."""
    batch: list[Report] = []
    started = time.monotonic()
    shown = False  # whether an event has been written: the first is committed at once, so
    # that a long run shows its first event when it is analysed, not COMMIT_SECONDS later
    for report in results:
        batch.append(report)
        if (len(batch) >= COMMIT_EVERY or time.monotonic() - started >= COMMIT_SECONDS
                or not shown and report.events):
            shown = shown or bool(report.events)
            yield batch
            batch, started = [], time.monotonic()
    if batch:
        yield batch
