"""Quality floors of event typing on CASE-format snippet files written for sitrep (tests/data/).

Three files, three roles; each file's history is kept below because what a figure means depends
on when the file was first run:

- ``events_heldout2.tsv``: the honest held-out estimate (one blind run, never used for fixes);
- ``events_heldout.tsv``: held out at its first run, used for fixes since;
- ``events_probes.tsv``: development sentences of the generalisation round (training material).

Floors sit under each file's first run (held-out files) or under the measured figure (probes);
raise a held-out floor only with a new, unseen file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.events import available_pipeline, read_case, score_case

DATA = Path(__file__).parent / "data"

# events_heldout2.tsv — the second held-out set: the honest generalisation figure.
#
# ``tests/data/events_heldout2.tsv``: 152 news snippets in the CASE 2021 Task 2 format (123 over the
# 25 ACLED sub-event types, 5 each and 3 "Other"; 29 non-ACLED: organised crime, natural and
# man-made disasters, diplomacy, attributions), written by hand from the ACLED codebook's
# definitions in the register of CASE snippets (wire sentences from many countries, passives,
# casualty counts, headlines, several clauses), not paraphrased from the dev snippets, and committed
# (dc7e7aa) before sitrep was ever run on them. While the rules were generalised afterwards, only
# the dev data, the first held-out file (no longer held out) and self-written development sentences
# (tests/data/events_probes.tsv) were read; this file was neither run nor re-read.
#
# FIRST and only run, 2026-11-25, at commit 65434fb (`sitrep eval events --case
# tests/data/events_heldout2.tsv`, the error list not printed): weighted F1 0.875, micro 0.870,
# macro 0.861 over the 123 ACLED snippets; non-ACLED snippets with no ACLED event 27/29 = 0.931.
# At the same commit: dev (read while writing rules) weighted F1 0.890, non-ACLED 0.943; the first
# held-out file (used for fixes since its own first run of 0.796) 0.941, non-ACLED 25/25.
#
# The floors sit under that first run. Any figure measured on this file after a rule is changed
# because of it is no longer held-out: raise the floors only with a new, unseen file.
#
# events_heldout.tsv — snippets the rules were not written from (at first).
#
# ``tests/data/events_heldout.tsv``: 143 short news snippets in the CASE 2021 Task 2 format (118 over
# the 25 ACLED sub-event types, 4-5 each, and 25 non-ACLED: crime, disasters, diplomacy,
# attributions), written by hand from the ACLED codebook's definitions and wire-report habits, not
# paraphrased from the dev snippets, and committed (7d65d85) before sitrep was ever run on them.
#
# First and only held-out run, 2026-11-25, at commit 992c777 (`sitrep eval events --case
# tests/data/events_heldout.tsv`): weighted F1 0.796, micro 0.763, macro 0.788 over the 118 ACLED
# snippets; non-ACLED snippets with no ACLED event 24/25 = 0.960. (Dev, read while writing rules,
# gave 0.889 at the same commit: the gap is the over-fitting the dev figure hides.)
#
# General errors that run revealed were fixed afterwards (see the git log of sitrep/events/), so any
# figure measured after 992c777 on this file is no longer held-out; the floor below sits under the
# first figure, not under the later ones. Raise it only with a new, unseen file. After the fixes
# (no longer held-out): 0.919 weighted F1, non-ACLED 25/25; dev 0.889, non-ACLED 0.943; after the
# generalisation round (65434fb) 0.941, non-ACLED 25/25; dev 0.890 (see events_heldout2.tsv above). The misses
# left are mostly label questions the codebook leaves open (an intercepted missile; a capture after
# the defenders withdrew; curfews and deployments as "Other" or "Change to group/activity") and
# claims or accusations the coder reads as unasserted.
#
# events_probes.tsv — development sentences of the generalisation round (not held out).
#
# ``tests/data/events_probes.tsv``: short news sentences and headlines in the CASE 2021 Task 2
# format, written by hand from the ACLED codebook's definitions in batches of 25-45 (varied verbs,
# passives, headlines in capitals and in the present tense, long multi-clause snippets, crime,
# disasters, diplomacy and attributions), never copied from the dev or held-out files. Each batch
# was scored once before any rule was changed for it (first-run weighted F1 of the later batches:
# 0.78, 0.72, 0.79, 0.85, 0.74, 0.73, 0.83, 0.96, 0.77, 1.00), then the general errors it showed were fixed, so
# the file is training material now: this floor only keeps the fixes from being undone. A few
# labels follow the dev convention over the batch author's first guess (a capture after the
# defenders withdrew is a non-violent transfer; an intercepted missile is disrupted weapons use).
# Measured 2026-11-25 after the round: weighted F1 0.970, non-ACLED 0.973 (588 + 111 snippets).
# file: (at least this many rows, weighted F1 floor, non-ACLED floor)
FLOORS = {
    # first run 0.875 / 0.931; a little room for the actor and parser stages changing
    "events_heldout2.tsv": (150, 0.86, 0.89),
    # first run 0.796 / 0.960
    "events_heldout.tsv": (120, 0.78, 0.92),
    # measured 0.970 / 0.973 after the round
    "events_probes.tsv": (500, 0.94, 0.93),
}


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_file_is_well_formed(name):
    rows = read_case(DATA / name)
    assert len(rows) >= FLOORS[name][0]
    assert len({identifier for identifier, _, _ in rows}) == len(rows)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(pipeline, name):
    _, weighted_floor, non_acled_floor = FLOORS[name]
    scores = score_case(pipeline, read_case(DATA / name))
    assert scores["weighted_f1"] >= weighted_floor, scores["weighted_f1"]
    share = scores["non_acled_ok"] / scores["non_acled_total"]
    assert share >= non_acled_floor, share
