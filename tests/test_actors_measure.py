"""Quality floor of actor recognition on the PLOVER gold records (dev set; skipped without it).

Floors are the figures measured when they were pinned, rounded down; raise them, never lower them.
"""

from __future__ import annotations

from sitrep.actors.measure import measure


def test_plover_actor_floor(shared_dir):
    scores = measure(shared_dir / "data" / "plover" / "PLOVER_GSR_CAMEO.json")
    assert scores.gold > 600
    # measured 2026-11-25: span recall 0.784, country 0.905, sector 0.747
    assert scores.span_recall >= 0.78, scores.summary()
    assert scores.country_accuracy >= 0.89, scores.summary()
    assert scores.sector_accuracy >= 0.74, scores.summary()
