"""Quality floors of event typing on the dev data (../shared; skipped without it).

Floors sit a little below what `sitrep eval events` measured when they were pinned (see the
commit that last raised them); raise them when the coder improves, never lower them silently.
Measured on 2026-11-25 (whole pipeline as then committed): CASE dev weighted F1 0.893, 0.889 after
the over-fitting audit dropped cues lifted from single dev snippets (the rules
were developed looking at these snippets' errors, so this is not a held-out figure; the half with
ids = 2 mod 4, consulted less, scored 0.889), non-ACLED snippets with no ACLED event 0.933 (0.943
after the rules generalised from the held-out run, tests/test_events_snippet_floors.py);
PLOVER type accuracy 0.59. The other stages still change
under these figures (actors, parse), so the floors leave some room.
"""

from __future__ import annotations

import json

import pytest

from sitrep.eval.events import available_pipeline, read_case, score_case
from sitrep.eval.events import _score_plover as score_plover

CASE_WEIGHTED_F1_FLOOR = 0.85
CASE_NON_ACLED_FLOOR = 0.90
PLOVER_ACCURACY_FLOOR = 0.56


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


def test_case_dev_floor(pipeline, shared_dir):
    rows = read_case(shared_dir / "data" / "case2021-task2" / "dev.tsv")
    scores = score_case(pipeline, rows)
    assert scores["weighted_f1"] >= CASE_WEIGHTED_F1_FLOOR, scores["weighted_f1"]
    share = scores["non_acled_ok"] / scores["non_acled_total"]
    assert share >= CASE_NON_ACLED_FLOOR, share


def test_plover_floor(pipeline, shared_dir):
    records = json.loads((shared_dir / "data" / "plover" / "PLOVER_GSR_CAMEO.json").read_text())
    scores = score_plover(pipeline, records)
    assert scores["correct"] / scores["total"] >= PLOVER_ACCURACY_FLOOR
