"""The driver replay (sitrep/bench_replay.py): saved worker output run through run_into_store
stores what the run that analysed it stored, on both back ends, and its digest sees any change
to a stored row (but not the clock)."""

from __future__ import annotations

import pytest

from sitrep.bench_replay import record, replay, table_digests
from sitrep.store import Store


@pytest.fixture(scope="module")
def recording(tmp_path_factory):
    path = tmp_path_factory.mktemp("replay") / "recording.pickle"
    recorded = record(40, path)
    return path, recorded


def test_a_replay_stores_what_the_analysing_run_stored(recording, db):
    path, recorded = recording
    replayed = replay(path, db)
    assert recorded["analysed"] > 30
    assert replayed["events"] > 100
    assert replayed["digest"] == recorded["digest"]  # every table, row for row
    assert replayed["parts_ms_per_article"]["merge step"] > 0
    assert replayed["parts_ms_per_article"]["store: add_events"] > 0
    assert replayed["written_mb"] > 0.1  # the store's process wrote its rows (file or server)
    # what of it reached the disk: none on a file system in memory, never more than was written
    assert replayed["disk_mb"] is None or 0 <= replayed["disk_mb"] <= replayed["written_mb"] + 1


def test_the_digest_sees_a_changed_row_but_not_the_clock(recording, tmp_path):
    path, recorded = recording
    db = str(tmp_path / "replayed.db")
    replay(path, db)
    with Store(db) as store:
        store.backend.execute("UPDATE events SET stored_at = '1999-01-01T00:00:00+00:00'")
        assert table_digests(store) == recorded["digest"]
        (event_id,) = store.backend.execute("SELECT MIN(id) FROM events").fetchone()
        store.backend.execute("UPDATE events SET fatalities = 99 WHERE id = ?", (event_id,))
        changed = table_digests(store)
    assert changed["events"] != recorded["digest"]["events"]
    assert changed["all"] != recorded["digest"]["all"]
    assert changed["reports"] == recorded["digest"]["reports"]


def test_a_replay_batches_by_count_however_slow_the_machine(recording, tmp_path, monkeypatch):
    """Batches of COMMIT_EVERY reports, not cut by the clock (COMMIT_SECONDS): the links the
    merge step finds depend on what a batch holds, and the digest must not depend on the load.
    Here every look at the clock is ten seconds later."""
    import time
    from types import SimpleNamespace

    from sitrep.store import run as store_run

    clock = iter(range(0, 10 ** 9, 10))
    monkeypatch.setattr(store_run, "time", SimpleNamespace(
        monotonic=lambda: next(clock), perf_counter=time.perf_counter,
        thread_time=time.thread_time))
    steps = []
    merge = store_run.merge_new_events
    monkeypatch.setattr(store_run, "merge_new_events",
                        lambda *args, **kwargs: steps.append(1) or merge(*args, **kwargs))
    path, recorded = recording
    replayed = replay(path, str(tmp_path / "slow.db"), parts=False)
    # 40 reports: the first with an event committed at once (a run shows it early), then the
    # rest together, and the run's last step
    assert len(steps) == 3
    assert replayed["digest"] == recorded["digest"]
    assert store_run.COMMIT_SECONDS == 5.0
