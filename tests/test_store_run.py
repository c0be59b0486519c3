"""A run into the store: grouping of copies, idempotent re-runs, rejections, --strict."""

from __future__ import annotations

import os
import pickle
import time
import threading

import pytest
from test_store_fakes import (FORECAST, MARCHED, SEIZED, SEIZED_COPY, fake_config, report)

from sitrep.model import Rejection, Report
from sitrep.pipeline import Pipeline
from sitrep.store import EventQuery, Store, report_key
from sitrep.store import run as store_run
from sitrep.store.run import NEAR_DUPLICATE_STATE, StrictRunFailed, run_into_store


@pytest.fixture
def pipeline():
    return Pipeline(fake_config())


@pytest.fixture
def store(db):  # both back ends
    with Store(db) as store:
        yield store


def rejected(path: str, code: str = "empty", line: int | None = None) -> Report:
    return Report(id=path, raw="", path=path,
                  rejection=Rejection(code, f"{code} input", path, line))


def inputs() -> list[Report]:
    return [report(SEIZED, path="palmyra.txt"), rejected("empty.txt"),
            report(MARCHED, path="nairobi.txt"), report(SEIZED, path="palmyra-again.txt"),
            report(FORECAST, path="forecast.txt"),
            rejected("broken.jsonl", "malformed", line=3)]


class ContainmentIndex:
    """A stand-in NearDuplicateIndex: a report whose text contains (or is contained in) an earlier
    report's first 40 characters joins that report's group."""

    def __init__(self, threshold: float = 0.5, num_perm: int = 128) -> None:
        self.heads: dict[str, str] = {}

    def add(self, report_id: str, text: str) -> str:
        for head, group in self.heads.items():
            if head in text or text[:40] in head:
                return group
        self.heads[text[:40].split(" - ", 1)[-1]] = report_id
        return report_id

    def to_bytes(self) -> bytes:
        return pickle.dumps(self.heads)

    @classmethod
    def from_bytes(cls, data: bytes) -> ContainmentIndex:
        index = cls()
        index.heads = pickle.loads(data)
        return index


def test_run_stores_reports_events_and_rejections(store, pipeline):
    summary = run_into_store(inputs(), store, pipeline)
    assert summary.read == 6
    assert summary.rejected == {"empty": 1, "malformed": 1}
    # the second palmyra file has the same text (no url): the same report, stored once
    assert (summary.stored, summary.repeated, summary.already_stored) == (3, 1, 0)
    assert summary.events == 3
    stats = store.stats(None)
    assert (stats.reports, stats.events, stats.rejections) == (3, 3, 2)
    assert [r.line for r in store.rejections("malformed")] == [3]


def test_rerunning_the_same_input_adds_nothing(store, pipeline):
    run_into_store(inputs(), store, pipeline)
    before = store.stats(None)
    again = run_into_store(inputs(), store, pipeline)
    assert (again.stored, again.events, again.analysed) == (0, 0, 0)
    assert (again.already_stored, again.repeated) == (4, 0)
    assert store.stats(None) == before


def test_strict_run_stops_and_stores_nothing(store, pipeline):
    with pytest.raises(StrictRunFailed, match="empty.txt"):
        run_into_store(inputs(), store, pipeline, strict=True)
    stats = store.stats(None)
    assert (stats.reports, stats.events, stats.rejections) == (0, 0, 0)
    clean = [report(SEIZED, path="palmyra.txt"), report(MARCHED, path="nairobi.txt")]
    summary = run_into_store(clean, store, pipeline, strict=True)
    assert (summary.stored, summary.events) == (2, 2)


def test_rejection_by_a_stage_is_stored_with_its_report(store):
    class Refuse:
        name = "refuse"

        def __call__(self, report: Report) -> Report:
            report.rejection = Rejection("unsupported_language", "not English", report.path)
            return report

    pipeline = Pipeline(fake_config())
    pipeline.stages = [Refuse()]
    summary = run_into_store([report("Hola a todos.", path="es.txt")], store, pipeline)
    assert summary.rejected == {"unsupported_language": 1}
    stats = store.stats()
    assert (stats.reports, stats.rejected_reports, stats.events) == (1, 1, 0)


def test_without_the_index_exact_copies_group(store, pipeline, monkeypatch):
    monkeypatch.setattr(store_run, "_load_index_class", lambda: None)
    documents = [report(SEIZED, url="https://one.example/a"),
                 report(SEIZED, url="https://two.example/b")]
    summary = run_into_store(documents, store, pipeline)
    assert (summary.grouping, summary.analysed, summary.copies) == ("exact text", 1, 1)
    (stored,) = store.find_events(EventQuery())
    assert len(stored.sources) == 2
    # a later run groups a new exact copy with the stored report
    run_into_store([report(SEIZED, url="https://three.example/c")], store, pipeline)
    (stored,) = store.find_events(EventQuery())
    assert len(stored.sources) == 3


def test_near_duplicates_are_analysed_once_and_kept_as_sources(store, pipeline, monkeypatch):
    monkeypatch.setattr(store_run, "_load_index_class", lambda: ContainmentIndex)
    documents = [report(SEIZED, path="wire.txt"), report(SEIZED_COPY, path="copy.txt"),
                 report(MARCHED, path="nairobi.txt")]
    summary = run_into_store(documents, store, pipeline)
    assert (summary.grouping, summary.analysed, summary.copies) == ("MinHash LSH", 2, 1)
    assert summary.events == 2  # the copy's own "seized" is not a second event
    battle = next(store.find_events(EventQuery(event_type="Battles")))
    assert sorted(s.path for s in battle.sources) == ["copy.txt", "wire.txt"]
    assert store.get_state(NEAR_DUPLICATE_STATE)

    # incremental: the index state comes back from the store in the next run
    later = report(SEIZED_COPY + "Later edition.", path="later.txt")
    summary = run_into_store([later], store, pipeline)
    assert (summary.analysed, summary.copies) == (0, 1)
    battle = next(store.find_events(EventQuery(event_type="Battles")))
    assert sorted(s.path for s in battle.sources) == ["copy.txt", "later.txt", "wire.txt"]


def test_copy_before_its_leader_is_linked_when_the_leader_is_stored(store, pipeline,
                                                                    monkeypatch):
    leader_id = report_key(SEIZED, None)

    class FirstComesLast(ContainmentIndex):
        def add(self, report_id: str, text: str) -> str:  # the copy points at a later report
            return leader_id if text == SEIZED_COPY else report_id

    monkeypatch.setattr(store_run, "_load_index_class", lambda: FirstComesLast)
    run_into_store([report(SEIZED_COPY, path="copy.txt"), report(SEIZED, path="wire.txt")],
                   store, pipeline)
    battle = next(store.find_events(EventQuery(event_type="Battles")))
    assert sorted(s.path for s in battle.sources) == ["copy.txt", "wire.txt"]


def test_commits_in_batches_and_reports_progress(store, pipeline, monkeypatch):
    monkeypatch.setattr(store_run, "COMMIT_EVERY", 2)
    monkeypatch.setattr(store_run, "_load_index_class", lambda: None)  # near-identical texts
    seen = []
    documents = [report(f"{MARCHED} Number {n}.", path=f"{n}.txt") for n in range(5)]
    summary = run_into_store(documents, store, pipeline,
                             on_report=lambda summary, report: seen.append(report.path))
    assert summary.stored == 5
    assert seen == [f"{n}.txt" for n in range(5)]
    assert summary.events == 5
    # five reports of one march (same type, day and place): one merged event with five sources
    assert store.stats().events == 1
    assert len(next(store.find_events()).sources) == 5


def test_the_real_near_duplicate_index_groups_a_truncated_wire_copy(store, pipeline):
    index_class = pytest.importorskip("sitrep.merge.near_duplicates").NearDuplicateIndex
    assert store_run._load_index_class() is index_class
    body = (SEIZED + "The monitor said the fighters entered the city from the east after a "
            "day of heavy fighting with government troops and allied militias. Residents said "
            "many families had fled towards Homs before the fighters arrived, and that the "
            "ancient ruins were not damaged. The government did not comment on the reports. "
            "Analysts said the fall of the city was a setback for the government, which had "
            "retaken it only months ago with the help of Russian air power.\n")
    truncated = "PALMYRA (Desert Wire) - " + body[:len(body) * 2 // 3]
    documents = [report(body, path="wire.txt"), report(MARCHED, path="nairobi.txt"),
                 report(truncated, path="copy.txt")]
    summary = run_into_store(documents, store, pipeline)
    assert (summary.grouping, summary.analysed, summary.copies) == ("MinHash LSH", 2, 1)
    battle = next(store.find_events(EventQuery(event_type="Battles")))
    assert sorted(s.path for s in battle.sources) == ["copy.txt", "wire.txt"]
    state = store.get_state(NEAR_DUPLICATE_STATE)
    assert len(index_class.from_bytes(state)) == 3


def test_worker_processes_store_the_same_as_one_process(tmp_path, pipeline):
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"workers{workers}.db") as store:
            summary = run_into_store(inputs(), store, pipeline, n_process=workers)
            results.append((summary.to_dict(), store.stats(None),
                            [s.id for s in store.find_events()]))
    assert results[0] == results[1]


def test_the_index_is_saved_only_when_reports_were_added_since(store, pipeline, monkeypatch):
    """The index's state (the whole index: it grows with the store) is written again only when
    reports were added to it since: a run of a multiple of SAVE_INDEX_EVERY reports saved it
    twice at its end, and a run that adds none wrote it again all the same."""
    saved = []

    class Counted(ContainmentIndex):
        def to_bytes(self) -> bytes:
            saved.append(dict(self.heads))
            return super().to_bytes()

    monkeypatch.setattr(store_run, "_load_index_class", lambda: Counted)
    monkeypatch.setattr(store_run, "SAVE_INDEX_EVERY", 2)
    documents = [report(SEIZED, path="wire.txt"), report(MARCHED, path="nairobi.txt"),
                 report(SEIZED_COPY, path="copy.txt"), report(FORECAST, path="forecast.txt")]
    run_into_store(documents, store, pipeline)
    # every report is added to the index when its window is decided, before any is written:
    # saved after the second report written, not after the fourth nor at the end
    assert len(saved) == 1 and len(saved[0]) == 3
    assert Counted.from_bytes(store.get_state(NEAR_DUPLICATE_STATE)).heads == saved[0]
    run_into_store(documents, store, pipeline)  # all stored before: nothing added, not saved
    assert len(saved) == 1
    later = report(SEIZED_COPY + "Later edition.", path="later.txt")
    run_into_store([later], store, pipeline)  # one added: saved at the end
    assert len(saved) == 2


def test_index_arriving_later_is_rebuilt_from_the_stored_reports(store, pipeline, monkeypatch):
    monkeypatch.setattr(store_run, "_load_index_class", lambda: None)
    run_into_store([report(SEIZED, path="wire.txt")], store, pipeline)
    assert store.get_state(NEAR_DUPLICATE_STATE) is None
    monkeypatch.setattr(store_run, "_load_index_class", lambda: ContainmentIndex)
    summary = run_into_store([report(SEIZED_COPY, path="copy.txt")], store, pipeline)
    assert (summary.analysed, summary.copies) == (0, 1)
    battle = next(store.find_events(EventQuery(event_type="Battles")))
    assert sorted(s.path for s in battle.sources) == ["copy.txt", "wire.txt"]


def test_unreadable_index_state_is_rebuilt(store, pipeline, monkeypatch):
    class Fussy(ContainmentIndex):
        @classmethod
        def from_bytes(cls, data: bytes) -> ContainmentIndex:
            raise ValueError("state from another version")

    monkeypatch.setattr(store_run, "_load_index_class", lambda: Fussy)
    run_into_store([report(SEIZED, path="wire.txt")], store, pipeline)
    summary = run_into_store([report(SEIZED_COPY, path="copy.txt")], store, pipeline)
    assert (summary.analysed, summary.copies) == (0, 1)


def test_exact_grouping_with_workers_never_touches_the_store_off_thread(tmp_path, pipeline,
                                                                      monkeypatch):
    monkeypatch.setattr(store_run, "_load_index_class", lambda: None)
    with Store(tmp_path / "exact.db") as store:
        run_into_store([report(SEIZED, url="https://a.example/1")], store, pipeline)
        summary = run_into_store([report(SEIZED, url="https://b.example/2"),
                                  report(MARCHED, path="n.txt")], store, pipeline, n_process=2)
        assert (summary.analysed, summary.copies) == (1, 1)


def test_a_fuller_copy_after_a_truncated_one_is_analysed_and_adds_its_events(store, pipeline,
                                                                              monkeypatch):
    # the truncated wire copy came in an earlier run and was analysed; the full story, which
    # also reports the protest, joins its group and is analysed as well: the shared event
    # collapses into one with both sources, the protest is added
    monkeypatch.setattr(store_run, "_load_index_class", lambda: ContainmentIndex)
    full = SEIZED_COPY + "Separately, " + MARCHED + "The monitor gave no further details.\n" * 3
    run_into_store([report(SEIZED_COPY, path="short.txt")], store, pipeline)
    summary = run_into_store([report(full, path="full.txt")], store, pipeline)
    assert (summary.analysed, summary.copies, summary.fuller_copies) == (1, 1, 1)
    battle = next(store.find_events(EventQuery(event_type="Battles")))
    assert sorted(s.path for s in battle.sources) == ["full.txt", "short.txt"]
    protest = next(store.find_events(EventQuery(event_type="Protests")))
    assert [s.path for s in protest.sources] == ["full.txt"]  # the short copy does not tell it


def test_within_a_run_the_fullest_copy_is_analysed_whatever_the_order(tmp_path, pipeline,
                                                                     monkeypatch):
    # issue 13: which copy of a syndicated story is analysed (and so the group's id and its
    # events' ids) does not depend on the order the copies came in; writes keep input order
    monkeypatch.setattr(store_run, "_load_index_class", lambda: ContainmentIndex)
    full = SEIZED_COPY + "Separately, " + MARCHED + "The monitor gave no further details.\n" * 3
    stored = {}
    for order in (1, -1):
        documents = [report(SEIZED_COPY, path="short.txt"), report(full, path="full.txt")]
        documents = documents[::order]
        seen = []
        with Store(tmp_path / f"order{order}.db") as store:
            summary = run_into_store(documents, store, pipeline,
                                     on_report=lambda summary, report: seen.append(report.path))
            assert (summary.analysed, summary.copies, summary.fuller_copies) == (1, 1, 0)
            assert seen == [document.path for document in documents]
            stored[order] = {(event.id, event.report_id,
                              tuple(sorted(source.path for source in event.sources)))
                             for event in store.find_events(EventQuery(modality=None))}
    assert stored[1] == stored[-1]
    assert {stored_in for _, stored_in, _ in stored[1]} == {report_key(full, None)}
    assert {sources for _, _, sources in stored[1]} == {("full.txt", "short.txt")}
    assert len(stored[1]) == 2  # the battle and the protest


def test_a_copy_of_about_the_same_length_is_not_analysed_again(store, pipeline, monkeypatch):
    monkeypatch.setattr(store_run, "_load_index_class", lambda: ContainmentIndex)
    summary = run_into_store([report(SEIZED_COPY, path="a.txt"),
                              report(SEIZED_COPY + "(Desert Wire)\n", path="b.txt")],
                             store, pipeline)
    assert (summary.analysed, summary.copies, summary.fuller_copies) == (1, 1, 0)


def test_a_pause_in_the_input_closes_the_window_and_the_inputs_error_is_raised(monkeypatch):
    # a stream is not held back until ORDER_WINDOW reports have come: what came before a pause
    # is decided (and analysed) while the input still waits
    monkeypatch.setattr(store_run, "ORDER_PAUSE_SECONDS", 0.05)
    resume = threading.Event()

    def stream():
        yield report(SEIZED, path="a.txt")
        yield report(MARCHED, path="b.txt")
        assert resume.wait(10)  # the input waits here until the first window was handed on
        yield report(FORECAST, path="c.txt")
        raise OSError("the stream broke")

    windows = store_run._windows(stream(), timed=True)
    assert [r.path for r in next(windows)] == ["a.txt", "b.txt"]
    resume.set()
    assert [r.path for r in next(windows)] == ["c.txt"]
    with pytest.raises(OSError, match="the stream broke"):
        next(windows)


def test_an_old_window_is_closed_even_when_reports_keep_coming(monkeypatch):
    monkeypatch.setattr(store_run, "ORDER_WINDOW_SECONDS", 0.0)
    windows = list(store_run._windows((report(MARCHED, path=f"{n}.txt") for n in range(3)),
                                      timed=True))
    assert [len(window) for window in windows] == [1, 1, 1]


def test_the_first_event_is_committed_at_once_and_each_store_id_is_computed_once(
        store, pipeline, monkeypatch):
    calls = []

    def counted(raw, url):
        calls.append(raw)
        return report_key(raw, url)

    monkeypatch.setattr(store_run, "report_key", counted)
    monkeypatch.setattr("sitrep.store.store.report_key", counted)  # the run passes its own
    monkeypatch.setattr(store_run, "COMMIT_EVERY", 100)
    monkeypatch.setattr(store_run, "COMMIT_SECONDS", 3600.0)
    batches = []
    real_batches = store_run._batches
    monkeypatch.setattr(store_run, "_batches",
                        lambda results: (batches.append([r.path for r in batch]) or batch
                                         for batch in real_batches(results)))
    documents = [report("The weather was mild all week.\n", path="quiet.txt"),
                 report(SEIZED, path="palmyra.txt"), report(MARCHED, path="nairobi.txt"),
                 report(FORECAST, path="forecast.txt"), rejected("empty.txt")]
    summary = run_into_store(documents, store, pipeline)
    assert (summary.analysed, summary.events) == (4, 3)
    # the first report with an event closes the first batch; then COMMIT_EVERY rules again
    assert batches == [["quiet.txt", "palmyra.txt"],
                       ["nairobi.txt", "forecast.txt", "empty.txt"]]
    assert len(calls) == 4  # once for each report read with a text, none for the empty one


def test_a_file_read_slowly_is_still_decided_in_full_windows(monkeypatch):
    # only a stream closes a window on a pause: a file read in fits and starts on a loaded
    # machine must give the same fullest-copy order (and the same store) as one read at once
    monkeypatch.setattr(store_run, "ORDER_PAUSE_SECONDS", 0.01)
    monkeypatch.setattr(store_run, "ORDER_WINDOW_SECONDS", 0.0)

    def slow():
        for n in range(3):
            time.sleep(0.05)
            yield report(MARCHED, path=f"{n}.txt")

    assert [len(window) for window in store_run._windows(slow())] == [3]


def test_only_standard_input_that_can_pause_is_a_stream(monkeypatch, tmp_path):
    from sitrep.api import _reads_a_stream

    assert not _reads_a_stream([tmp_path / "a.txt", "news.jsonl"])
    redirected = tmp_path / "in.jsonl"
    redirected.write_text("{}\n", encoding="utf-8")
    with open(redirected, encoding="utf-8") as handle:   # sitrep run - < in.jsonl
        monkeypatch.setattr("sys.stdin", handle)
        assert not _reads_a_stream(["-"])
    read_end, write_end = os.pipe()                       # cat in.jsonl | sitrep run -
    with os.fdopen(read_end, encoding="utf-8") as handle:
        monkeypatch.setattr("sys.stdin", handle)
        assert _reads_a_stream(["-"])
    os.close(write_end)


def test_the_merge_steps_cpu_time_is_counted_apart_from_its_waiting(store, pipeline,
                                                                    monkeypatch):
    # on a machine others load, the clock's time of the merge step holds the waiting for a core
    # (and the disk); its CPU time is what the step cost (python -m sitrep.merge.measure)
    from sitrep.store.incidents import MergeSummary

    def working_then_waiting(*args, **kwargs):
        until = time.thread_time() + 0.05
        while time.thread_time() < until:
            pass
        time.sleep(0.2)
        return MergeSummary()

    monkeypatch.setattr(store_run, "merge_new_events", working_then_waiting)
    summary = run_into_store(inputs(), store, pipeline)
    assert summary.merge_cpu_seconds >= 0.05
    assert summary.merge_seconds >= summary.merge_cpu_seconds + 0.2


def test_the_index_is_saved_at_growing_intervals_so_a_long_run_writes_it_a_few_times():
    """The whole index is written at each save: at a fixed interval the saves of a run added up
    to the square of its length (10 million reports: 2,000 saves). Every SAVE_INDEX_EVERY at
    first (a 20,000-report run saves after 5,000, 10,000, 15,000 and 20,000, as before); then
    what the saves write adds up to a few times the final index."""
    def saves(reports: int, stored_before: int = 0) -> list[int]:
        made, since = [], 0
        for stored in range(stored_before + 1, stored_before + reports + 1):
            since += 1
            if store_run.index_due(since, stored):
                made.append(stored)
                since = 0
        return made

    assert saves(20_000) == [5_000, 10_000, 15_000, 20_000]
    long_run = saves(10_000_000)
    assert 20 < len(long_run) < 60
    assert sum(long_run) < 6 * 10_000_000  # each save writes an index of that many reports
    # a store that held many reports before the run: the interval starts from its size
    assert saves(400_000, stored_before=1_000_000)[0] == 1_333_334
