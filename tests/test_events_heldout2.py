"""Quality floor of event typing on the second held-out set: the honest generalisation figure.

``tests/data/events_heldout2.tsv``: 152 news snippets in the CASE 2021 Task 2 format (123 over the
25 ACLED sub-event types, 5 each and 3 "Other"; 29 non-ACLED: organised crime, natural and
man-made disasters, diplomacy, attributions), written by hand from the ACLED codebook's
definitions in the register of CASE snippets (wire sentences from many countries, passives,
casualty counts, headlines, several clauses), not paraphrased from the dev snippets, and committed
(dc7e7aa) before sitrep was ever run on them. While the rules were generalised afterwards, only
the dev data, the first held-out file (no longer held out) and self-written development sentences
(tests/data/events_probes.tsv) were read; this file was neither run nor re-read.

FIRST and only run, 2026-11-25, at commit 65434fb (`sitrep eval events --case
tests/data/events_heldout2.tsv`, the error list not printed): weighted F1 0.875, micro 0.870,
macro 0.861 over the 123 ACLED snippets; non-ACLED snippets with no ACLED event 27/29 = 0.931.
At the same commit: dev (read while writing rules) weighted F1 0.890, non-ACLED 0.943; the first
held-out file (used for fixes since its own first run of 0.796) 0.941, non-ACLED 25/25.

The floors sit under that first run. Any figure measured on this file after a rule is changed
because of it is no longer held-out: raise the floors only with a new, unseen file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.events import available_pipeline, read_case, score_case

HELDOUT2 = Path(__file__).parent / "data" / "events_heldout2.tsv"
# first run 0.875 / 0.931 (see above); a little room for the actor and parser stages changing
HELDOUT2_WEIGHTED_F1_FLOOR = 0.86
HELDOUT2_NON_ACLED_FLOOR = 0.89


@pytest.fixture(scope="module")
def scores():
    return score_case(available_pipeline(), read_case(HELDOUT2))


def test_heldout2_file_is_well_formed():
    rows = read_case(HELDOUT2)
    assert len(rows) >= 150
    assert len({identifier for identifier, _, _ in rows}) == len(rows)


def test_heldout2_floor(scores):
    assert scores["weighted_f1"] >= HELDOUT2_WEIGHTED_F1_FLOOR, scores["weighted_f1"]
    share = scores["non_acled_ok"] / scores["non_acled_total"]
    assert share >= HELDOUT2_NON_ACLED_FLOOR, share
