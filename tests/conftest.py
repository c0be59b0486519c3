"""Shared test fixtures. Tests that need ../shared take it from `shared_dir` and skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example time limit: on a loaded 2-core machine (CI, or several suites at once) a
# property that takes 200 ms quiet can exceed hypothesis' 200 ms deadline and fail for no
# fault of the code (tests/test_quantities.py's count shortcut did). Examples stay bounded
# by each test's max_examples.
settings.register_profile("sitrep", deadline=None)
settings.load_profile("sitrep")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"needs the dev data at {SHARED}/data (absent in a user's fresh clone)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(tmp_path_factory) -> Path:
    """The seed report as a file: ../shared/seed/palmyra.txt, or — in a clone without ../shared —
    the byte-exact copy the demo corpus carries (examples/seed.jsonl)."""
    shared = SHARED / "seed" / "palmyra.txt"
    if shared.is_file():
        return shared
    import json

    line = (ROOT / "examples" / "seed.jsonl").read_text(encoding="utf-8").split("\n")[0]
    path = tmp_path_factory.mktemp("seed") / "palmyra.txt"
    path.write_bytes(json.loads(line)["text"].encode("utf-8"))
    return path


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server started for this test session (sitrep/store/pg_server.py)."""
    from sitrep.store.pg_server import PostgresServer, ServerUnavailable

    server = None
    try:
        server = PostgresServer()
        server.start()
    except ServerUnavailable as exc:
        if server is not None:
            server.stop()
        if os.environ.get("CI"):  # CI installs PostgreSQL (.ci/run): a skip would hide a gap
            pytest.fail(f"no PostgreSQL server for the store tests: {exc}")
        pytest.skip(f"no PostgreSQL server for the store tests: {exc}")
    yield server
    server.stop()


_schemas = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> str:
    """A new, empty store on each back end: a SQLite file, or a PostgreSQL URL (its own schema
    on the session's server). Store tests that take it run on both, so they cannot drift apart."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    server = request.getfixturevalue("postgres_server")
    return server.new_schema_url(f"test_{next(_schemas)}")


@pytest.fixture(scope="session")
def analyse():
    """The built-in pipeline as a function of a text: its report (published 2015-03-02) and
    the asserted events with an ACLED type, most confident first. Built once per session."""
    from datetime import date

    from sitrep.eval.events import available_pipeline
    from sitrep.model import Report

    pipeline = available_pipeline()

    def run(text: str):
        report = pipeline(Report(id="t", raw=text, published=date(2015, 3, 2)))
        typed = [e for e in report.events if e.event_type and e.modality == "asserted"]
        return report, sorted(typed, key=lambda e: -e.confidence)

    return run
