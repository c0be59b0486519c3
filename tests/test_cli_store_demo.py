"""The demo end to end with the real pipeline: `sitrep run examples/` into a store, then the verbs.

Skips when the pipeline cannot be built here (models or gazetteer not set up: `make setup`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep import api
from sitrep.cli.main import main
from sitrep.errors import ResourceError
from sitrep.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    if not EXAMPLES.is_dir():
        pytest.skip("no examples/ directory")
    try:
        Pipeline()
    except (ResourceError, ModuleNotFoundError) as exc:
        pytest.skip(f"the default pipeline does not build here: {exc}")
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = api.run([EXAMPLES], db)
    assert summary.analysed > 40
    return db, summary


def test_demo_run_groups_syndicated_copies(demo_db):
    db, summary = demo_db
    assert summary.copies >= 2
    syndicated = {path.name for path in EXAMPLES.rglob("*_syndicated.txt")}
    found = set()
    for stored in api.events(db, modality="all"):
        names = {Path(source.path).name for source in stored.sources if source.path}
        found |= names & syndicated
        if names & syndicated:
            assert len(stored.sources) >= 2  # the copy is a source next to its original
    assert found == syndicated


def test_demo_rejects_the_bad_files_and_keeps_the_rest(demo_db):
    db, summary = demo_db
    codes = {rejection.code for rejection in api.rejections(db)}
    assert {"binary", "empty", "malformed"} <= codes
    assert summary.events > 0


def test_demo_rerun_adds_nothing(demo_db):
    db, _ = demo_db
    before = api.stats(db, modality="all")
    again = api.run([EXAMPLES], db)
    assert (again.stored, again.events, again.analysed) == (0, 0, 0)
    assert api.stats(db, modality="all") == before


def test_demo_seed_has_no_duplicate_events(demo_db):
    db, _ = demo_db
    seed_events = [stored for stored in api.events(db, modality="all")
                   if any(Path(s.path or "").name == "seed.jsonl" for s in stored.sources)]
    keys = [stored.event.key() for stored in seed_events]
    assert seed_events and len(keys) == len(set(keys))
    assert not [stored for stored in seed_events
                if "T4" in " ".join(span.text for span in stored.event.evidence)
                and stored.event.modality == "asserted"
                and stored.event.sub_event_type == "Non-state actor overtakes territory"]


def test_demo_stats_and_exports(demo_db, capsys):
    db, _ = demo_db
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "by ACLED type" in out and "by country" in out and "Rejections by reason" in out
    assert main(["export", "--format", "geojson", "--db", str(db)]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["features"]
    assert all(f["geometry"] is None or f["geometry"]["type"] == "Point"
               for f in collection["features"])
