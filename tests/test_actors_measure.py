"""Quality floor of actor recognition on the PLOVER gold records (dev set; skipped without it).

Floors are the figures measured when they were pinned, rounded down; raise them, never lower them.
"""

from __future__ import annotations

from sitrep.actors.measure import measure


def test_plover_actor_floor(shared_dir):
    scores = measure(shared_dir / "data" / "plover" / "PLOVER_GSR_CAMEO.json")
    assert scores.gold > 600
    # measured 2026-11-25: span recall 0.769, country 0.917, sector 0.802.
    # Recall fell from 0.784 on purpose: a country or capital after a direction word ("in central
    # Iran", "northern Israel") is now a place, as ACLED reads it; PLOVER codes it as a target.
    assert scores.span_recall >= 0.76, scores.summary()
    assert scores.country_accuracy >= 0.91, scores.summary()
    assert scores.sector_accuracy >= 0.79, scores.summary()
