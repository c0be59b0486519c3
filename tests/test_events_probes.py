"""Quality floor on the development sentences of the generalisation round (not held out).

``tests/data/events_probes.tsv``: short news sentences and headlines in the CASE 2021 Task 2
format, written by hand from the ACLED codebook's definitions in batches of 25-45 (varied verbs,
passives, headlines in capitals and in the present tense, long multi-clause snippets, crime,
disasters, diplomacy and attributions), never copied from the dev or held-out files. Each batch
was scored once before any rule was changed for it (first-run weighted F1 of the later batches:
0.78, 0.72, 0.79, 0.85, 0.74, 0.73, 0.83, 0.96, 0.77, 1.00), then the general errors it showed were fixed, so
the file is training material now: this floor only keeps the fixes from being undone. A few
labels follow the dev convention over the batch author's first guess (a capture after the
defenders withdrew is a non-violent transfer; an intercepted missile is disrupted weapons use).
Measured 2026-11-25 after the round: weighted F1 0.970, non-ACLED 0.973 (588 + 111 snippets).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.events import available_pipeline, read_case, score_case

PROBES = Path(__file__).parent / "data" / "events_probes.tsv"
PROBES_WEIGHTED_F1_FLOOR = 0.94
PROBES_NON_ACLED_FLOOR = 0.93


@pytest.fixture(scope="module")
def scores():
    return score_case(available_pipeline(), read_case(PROBES))


def test_probes_file_is_well_formed():
    rows = read_case(PROBES)
    assert len(rows) >= 500
    assert len({identifier for identifier, _, _ in rows}) == len(rows)


def test_probes_floor(scores):
    assert scores["weighted_f1"] >= PROBES_WEIGHTED_F1_FLOOR, scores["weighted_f1"]
    share = scores["non_acled_ok"] / scores["non_acled_total"]
    assert share >= PROBES_NON_ACLED_FLOOR, share
