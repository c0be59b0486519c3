"""Cleaning quality on the 30 hand-built HTML pages with known main text (tests/fixtures/html):
floors pinned here may only be raised. Measured 2026-11-25: extraction alone P 0.932 R 1.0;
after the clean stage P 0.980 R 1.0; 23/23 stated publication dates right, none invented."""

from __future__ import annotations

from pathlib import Path

from sitrep.clean.measure import character_overlap, measure_cleaning

HTML = Path(__file__).parent / "fixtures" / "html"


def test_fixture_set_has_at_least_thirty_pages_with_gold():
    pages = sorted(HTML.glob("*.html"))
    assert len(pages) >= 30
    assert all(page.with_suffix(".json").exists() for page in pages)


def test_cleaning_precision_and_recall_floors():
    scores = measure_cleaning(HTML)
    figures = scores.to_dict()
    assert figures["pages"] >= 30 and figures["rejected"] == 0
    assert figures["clean_precision"] >= 0.975, figures
    assert figures["clean_recall"] >= 0.995, figures
    # cleaning must add precision over extraction alone and lose no report text
    assert figures["clean_precision"] > figures["extraction_precision"]
    assert figures["dates_right"] == figures["dates_stated"] >= 20
    assert figures["dates_invented"] == 0


def test_character_overlap_counts_words_in_order():
    assert character_overlap("a bb ccc", "a bb ccc") == (6, 6, 6)
    assert character_overlap("Share a bb", "a bb ccc") == (3, 8, 6)
