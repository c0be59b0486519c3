"""The seed against ../shared/seed/EXPECTED.md, field by field, through `sitrep extract` as a user
runs it (the default pipeline, built by `make setup`; no fallback to a smaller pipeline).

tests/test_seed_golden.py checks the event coding in depth; this file pins the whole record:
places, times, dates with their precisions, locations with theirs, and the cleaned text.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import date

import pytest

from sitrep import Pipeline, Report
from sitrep.cli.main import main


@pytest.fixture(scope="module")
def record(seed_path) -> dict:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["extract", str(seed_path), "--published", "2016-12-13"])
    assert code == 0
    [line] = out.getvalue().splitlines()
    return json.loads(line)


def _asserted(record: dict, sub_event_type: str) -> dict:
    found = [e for e in record["events"]
             if e["modality"] == "asserted" and e["sub_event_type"] == sub_event_type]
    assert len(found) == 1, (sub_event_type, len(found))
    return found[0]


def test_e1_palmyra_over_the_weekend(record):
    event = _asserted(record, "Non-state actor overtakes territory")
    assert event["event_type"] == "Battles"
    assert (event["plover_type"], event["cameo_root"]) == ("ASSAULT", "19")
    location = event["location"]
    assert (location["geonameid"], location["geo_precision"]) == (163808, 1)
    assert abs(location["lat"] - 34.56) < 0.05 and abs(location["lon"] - 38.28) < 0.05
    assert location["country"] == "Syria" and location["admin1"] == "Homs"
    assert event["event_date"] in ("2016-12-10", "2016-12-11") and event["time_precision"] == 2
    assert "weekend" in event["date_text"]


def test_e2_the_base_near_palmyra(record):
    event = _asserted(record, "Looting/property destruction")
    assert event["event_type"] == "Strategic developments"
    assert (event["plover_type"], event["cameo_root"]) == ("COERCE", "17")
    assert (event["location"]["geonameid"], event["location"]["geo_precision"]) == (163808, 2)
    assert event["event_date"] in ("2016-12-10", "2016-12-11") and event["time_precision"] == 2


def test_e3_aleppo_city_in_december(record):
    event = _asserted(record, "Government regains territory")
    assert (event["location"]["geonameid"], event["location"]["geo_precision"]) == (170063, 1)
    assert event["event_date"].startswith("2016-12") and event["time_precision"] == 3


def test_e4_aleppo_province_on_monday_reportedly(record):
    event = _asserted(record, "Armed clash")
    assert event["location"]["geonameid"] in (170062, 174018)
    assert event["event_date"] == "2016-12-12" and event["time_precision"] == 1
    assert "reportedly" in event["attribution"]


def test_no_fatalities_are_invented(record):
    assert all(e["fatalities"] in (None, 0) for e in record["events"])


def test_places_of_the_seed(record):
    ids = {p["geonameid"] for p in record["places"]}
    assert {163808, 170063, 170062, 174018} <= ids
    t4 = [p for p in record["places"] if "T4" in p["text"]]
    assert t4, "the T4 air base comes from the curated supplements"
    assert abs(t4[0]["lat"] - 34.52) < 0.05 and abs(t4[0]["lon"] - 37.63) < 0.05


def test_times_of_the_seed(record):
    values = {t["text"]: t["value"] for t in record["times"]}
    assert values.get("the weekend") == "2016-W49-WE"
    assert values.get("Monday") == "2016-12-12"
    assert values.get("Sunday") == "2016-12-11"
    # "bowls of food sat untouched" and "2 min read" are not times
    assert not any(t["text"].lower() in ("sat", "2 min") for t in record["times"])


def test_the_forecast_and_the_hypothetical_are_not_asserted(record):
    for event in record["events"]:
        words = " ".join(span["text"] for span in event["evidence"])
        if "imminent" in words and "T4" in words and event["location"] and \
                "T4" in event["location"]["text"]:
            assert event["modality"] in ("future", "hypothetical")
        if event["location"] and "T4" in event["location"]["text"] and event["event_type"]:
            assert event["modality"] != "asserted"


def test_the_cleaned_text_keeps_one_copy_and_drops_the_badge(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    report = Pipeline()(Report(id="palmyra", raw=raw, published=date(2016, 12, 13)))
    body = "Many suspect that the rockets came directly"
    assert raw.count(body) == 2 and report.text.count(body) == 1
    assert "2 min read" not in report.text
    # every clean character is the raw character it maps to, and the map only moves forward
    offsets = report.offsets
    assert all(report.text[i] == raw[offsets[i]] for i in range(len(report.text)))
    assert all(offsets[i] < offsets[i + 1] for i in range(len(report.text)))
