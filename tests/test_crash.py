"""A `sitrep run` killed at a random moment (kill -9, SIGTERM, Ctrl-C), then run again, leaves the
store exactly as one uninterrupted run does: intact, nothing lost, nothing twice."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = 1500


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("crash")
    rng = random.Random(16)
    words = ("rebels attacked the army base near Gao on Monday killing three soldiers police "
             "fired tear gas at protesters in Nairobi").split()
    lines = []
    for n in range(DOCUMENTS):
        if n % 97 == 0:
            lines.append("{not json")  # rejections are part of what must survive
        lines.append(json.dumps({"id": f"d{n}", "text": f"Report {n}: "
                                 + " ".join(rng.choice(words) for _ in range(30)) + "."}))
    (folder / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = folder / "clean.toml"
    # the real cleaning stage only: what is tested is the store under a crash, not the analysis
    config.write_text('[pipeline]\nstages = ["clean"]\n', encoding="utf-8")
    return folder, config


def sitrep_run(corpus: tuple[Path, Path], db: Path) -> subprocess.Popen:
    folder, config = corpus
    return subprocess.Popen([sys.executable, "-m", "sitrep", "--config", str(config), "run",
                             str(folder / "in.jsonl"), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)


def contents(db: Path) -> dict[str, set]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {table: {tuple(row) for row in connection.execute(f"SELECT {columns} FROM {table}")}
                for table, columns in (("reports", "id, doc_id, group_id, status, raw"),
                                       ("rejections", "id, path, line, code"),
                                       ("events", "id"), ("event_sources", "*"))}


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> dict[str, set]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    process = sitrep_run(corpus, db)
    assert process.wait(timeout=300) == 1, process.stderr.read()  # the bad lines: exit 1
    return contents(db)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_run_killed_mid_way_then_resumed_equals_an_uninterrupted_run(
        corpus, clean_run, tmp_path, sig):
    db = tmp_path / "killed.db"
    process = sitrep_run(corpus, db)
    deadline = time.monotonic() + 120
    stored = 0
    while stored == 0 and time.monotonic() < deadline:  # wait for the first batch committed
        time.sleep(0.02)
        try:
            with sqlite3.connect(db, timeout=1) as connection:
                stored = connection.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        except sqlite3.Error:  # not created yet
            continue
    time.sleep(random.random() * 0.5)  # somewhere in the run, often mid-batch
    process.send_signal(sig)
    process.wait(timeout=60)
    killed_at = contents(db)
    assert 0 < len(killed_at["reports"]) <= len(clean_run["reports"])
    resumed = sitrep_run(corpus, db)
    assert resumed.wait(timeout=300) in (0, 1), resumed.stderr.read()
    assert contents(db) == clean_run
