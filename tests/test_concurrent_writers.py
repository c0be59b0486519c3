"""Several writers on one SQLite store: each finishes, and the store holds the union of their
inputs (issue 16: one `sitrep run` died with "database is locked" because its analysis ran inside
a write transaction, and two runs creating a new store raced on the schema).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from test_store_fakes import MARCHED, SEIZED, fake_config

from sitrep.config import load_config
from sitrep.model import Report
from sitrep.pipeline import Pipeline, register_stage
from sitrep.store import Store
from sitrep.store.run import run_into_store

ROOT = Path(__file__).resolve().parent.parent
SLOW_STAGE = "test_concurrent_slow"
ANALYSING = threading.Event()


@register_stage(SLOW_STAGE)
class Slow:
    """An analysis that takes its time (0.3 s a report), as the real pipeline does on long texts."""

    def __call__(self, report: Report) -> Report:
        ANALYSING.set()
        time.sleep(0.3)
        return report


def reports(prefix: str, count: int) -> list[Report]:
    """Distinct reports (no two near-duplicates: each is analysed, none is a copy)."""
    import random

    words = SEIZED.split() + MARCHED.split()
    texts = [" ".join(random.Random(f"{prefix}{n}").sample(words, 20)) for n in range(count)]
    return [Report(id=f"{prefix}{n}", raw=text, path=f"{prefix}.jsonl", record=n,
                   published=date(2016, 12, 13)) for n, text in enumerate(texts)]


def test_a_writer_is_not_locked_out_by_another_writers_analysis(tmp_path):
    db = tmp_path / "shared.db"
    Store(db).close()
    failures: list[BaseException] = []

    def slow_writer() -> None:
        try:
            config = load_config(overrides={"pipeline": {"stages": [SLOW_STAGE]}})
            with Store(db) as store:
                run_into_store(reports("slow", 8), store, Pipeline(config))
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert ANALYSING.wait(30)
    with Store(db) as store:
        # a short busy timeout: before the fix the slow writer held the lock for its whole
        # analysis (2.4 s) and this writer failed with "database is locked"
        store.connection.execute("PRAGMA busy_timeout = 300")
        summary = run_into_store(reports("fast", 5), store, Pipeline(fake_config()))
        assert summary.stored == 5
    thread.join(60)
    assert not failures, failures
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 13


_OPEN_AT = """
import sys, time
from sitrep.store import Store
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
Store(sys.argv[1]).close()
"""


def test_processes_creating_one_new_store_at_once_do_not_race_on_the_schema(tmp_path):
    for attempt in range(3):
        db = tmp_path / f"new{attempt}.db"
        start = time.time() + 2.0  # after every process has imported sitrep
        processes = [subprocess.Popen([sys.executable, "-c", _OPEN_AT, str(db), str(start)],
                                      stderr=subprocess.PIPE, text=True, cwd=ROOT)
                     for _ in range(5)]
        errors = [process.communicate(timeout=120)[1] for process in processes]
        assert all(process.returncode == 0 for process in processes), errors
        with sqlite3.connect(db) as connection:
            versions = connection.execute("SELECT version FROM migrations").fetchall()
        assert len(versions) == len(set(versions)) >= 1


def write_inputs(folder: Path, writer: int, count: int) -> list[str]:
    """``count`` distinct documents for one writer, plus two every writer has (overlap)."""
    texts = [f"Report {writer}-{n}. {SEIZED if n % 2 else MARCHED}" for n in range(count)]
    shared = [f"Shared report {n}. {SEIZED}" for n in range(2)]
    path = folder / f"writer{writer}.jsonl"
    path.write_text("".join(json.dumps({"id": f"w{writer}-{n}", "text": text}) + "\n"
                            for n, text in enumerate(texts + shared)), encoding="utf-8")
    return texts + shared


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_sitrep_runs_all_finish_with_the_union_stored(tmp_path, writers):
    """N `sitrep run` processes start together on one store that does not exist yet."""
    config = tmp_path / "clean.toml"
    # the real cleaning stage only: the analysis is not what is tested, the store is
    config.write_text('[pipeline]\nstages = ["clean"]\n', encoding="utf-8")
    db = tmp_path / "shared.db"
    expected: set[str] = set()
    paths = []
    for writer in range(writers):
        expected |= set(write_inputs(tmp_path, writer, 300))
        paths.append(tmp_path / f"writer{writer}.jsonl")
    processes = [subprocess.Popen(
        [sys.executable, "-m", "sitrep", "--config", str(config), "run", str(path), "--db",
         str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for path in paths]
    results = [process.communicate(timeout=300) for process in processes]
    statuses = [process.returncode for process in processes]
    assert statuses == [0] * writers, results
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT raw FROM reports")}
        rejections = connection.execute("SELECT COUNT(*) FROM rejections").fetchone()[0]
    assert stored == expected and rejections == 0
