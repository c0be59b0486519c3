"""Quality floor of event typing on snippets the rules were not written from.

``tests/data/events_heldout.tsv``: 143 short news snippets in the CASE 2021 Task 2 format (118 over
the 25 ACLED sub-event types, 4-5 each, and 25 non-ACLED: crime, disasters, diplomacy,
attributions), written by hand from the ACLED codebook's definitions and wire-report habits, not
paraphrased from the dev snippets, and committed (7d65d85) before sitrep was ever run on them.

First and only held-out run, 2026-11-25, at commit 992c777 (`sitrep eval events --case
tests/data/events_heldout.tsv`): weighted F1 0.796, micro 0.763, macro 0.788 over the 118 ACLED
snippets; non-ACLED snippets with no ACLED event 24/25 = 0.960. (Dev, read while writing rules,
gave 0.889 at the same commit: the gap is the over-fitting the dev figure hides.)

General errors that run revealed were fixed afterwards (see the git log of sitrep/events/), so any
figure measured after 992c777 on this file is no longer held-out; the floor below sits under the
first figure, not under the later ones. Raise it only with a new, unseen file. After the fixes
(no longer held-out): 0.919 weighted F1, non-ACLED 25/25; dev 0.889, non-ACLED 0.943; after the
generalisation round (65434fb) 0.941, non-ACLED 25/25; dev 0.890 (see test_events_heldout2.py). The misses
left are mostly label questions the codebook leaves open (an intercepted missile; a capture after
the defenders withdrew; curfews and deployments as "Other" or "Change to group/activity") and
claims or accusations the coder reads as unasserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.events import available_pipeline, read_case, score_case

HELDOUT = Path(__file__).parent / "data" / "events_heldout.tsv"
HELDOUT_WEIGHTED_F1_FLOOR = 0.78
HELDOUT_NON_ACLED_FLOOR = 0.92


@pytest.fixture(scope="module")
def scores():
    return score_case(available_pipeline(), read_case(HELDOUT))


def test_heldout_file_is_well_formed():
    rows = read_case(HELDOUT)
    assert len(rows) >= 120
    assert len({identifier for identifier, _, _ in rows}) == len(rows)


def test_heldout_floor(scores):
    assert scores["weighted_f1"] >= HELDOUT_WEIGHTED_F1_FLOOR, scores["weighted_f1"]
    share = scores["non_acled_ok"] / scores["non_acled_total"]
    assert share >= HELDOUT_NON_ACLED_FLOOR, share
