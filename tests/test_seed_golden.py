"""The seed as a golden test: ../shared/seed/EXPECTED.md, end to end through sitrep.Pipeline().

Asserted here as far as the whole pipeline reaches. Fields that depend on stages owned elsewhere
(event dates from date_events, GeoNames ids from geocode/locate_events) are checked when those
stages are in the configured pipeline and skipped with a reason otherwise, never left unchecked
silently.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep import Pipeline, ResourceError
from sitrep.model import MODALITIES, Report

REQUIRED = {
    "E1": "Non-state actor overtakes territory",
    "E2": "Looting/property destruction",
    "E3": "Government regains territory",
    "E4": "Armed clash",
}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    try:
        return Pipeline()
    except (ModuleNotFoundError, ResourceError) as exc:
        # a stage of the default pipeline is still being written by its owner, or its resource
        # (the gazetteer) is not built here: run the default pipeline without it (the tests
        # below that need it skip and say so)
        if isinstance(exc, ModuleNotFoundError) and not (exc.name or "").startswith("sitrep"):
            raise
        from sitrep.eval.events import available_pipeline

        return available_pipeline()


@pytest.fixture(scope="module")
def seed(pipeline, seed_path) -> Report:
    raw = seed_path.read_text(encoding="utf-8")
    report = pipeline(Report(id="palmyra", raw=raw, published=date(2016, 12, 13)))
    assert report.rejection is None, report.rejection
    return report


def _asserted(report: Report, sub_event_type: str) -> list:
    return [e for e in report.events if e.modality == "asserted" and e.sub_event_type == sub_event_type]


def _name(actor) -> str:
    return (actor.name or actor.text) if actor else ""


def _event(report: Report, key: str):
    found = _asserted(report, REQUIRED[key])
    assert len(found) == 1, f"{key}: expected one asserted {REQUIRED[key]!r}, got {len(found)}"
    return found[0]


def test_every_event_has_evidence_and_trigger_that_slice_back(seed):
    raw = seed.raw
    for event in seed.events:
        assert event.evidence, event
        assert event.modality in MODALITIES
        for span in event.evidence + ((event.trigger,) if event.trigger else ()):
            assert raw[span.start:span.end] == span.text


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_required_event_comes_out_once(seed, key):
    event = _event(seed, key)
    assert event.plover_type in {"E2": ("COERCE",)}.get(key, ("ASSAULT",))
    assert event.cameo_root == {"E2": "17"}.get(key, "19")


def test_e1_islamic_state_seizes_palmyra(seed):
    event = _event(seed, "E1")
    assert event.event_type == "Battles"
    assert "Islamic State" in _name(event.actor1)
    assert event.actor2 is None or "Syria" in _name(event.actor2)
    # the headline-ish first lines and the body both tell it: one event, several evidence spans
    assert len(event.evidence) >= 2
    assert event.fatalities in (None, 0)


def test_e2_is_takes_the_russian_arsenal(seed):
    event = _event(seed, "E2")
    assert event.event_type == "Strategic developments"
    assert "Islamic State" in _name(event.actor1)
    # "an arsenal taken from a Russian military base": the base's owner lost it
    assert event.actor2 is not None and "Russia" in _name(event.actor2)


def test_e3_regime_with_russian_help_takes_aleppo_from_rebels(seed):
    event = _event(seed, "E3")
    assert "Syria" in _name(event.actor1)
    assert "Rebel" in _name(event.actor2)
    assert any("Russia" in _name(a) for a in event.assoc_actor1)


def test_e4_is_knocks_out_rebel_tanks_reportedly(seed):
    event = _event(seed, "E4")
    assert {"Islamic State" in _name(event.actor1), "Rebel" in _name(event.actor2)} == {True}
    assert event.attribution and "reportedly" in event.attribution
    assert event.fatalities in (None, 0)


def test_nothing_forbidden(seed):
    for event in seed.events:
        text = " ".join(s.text for s in event.evidence)
        if event.modality == "asserted" and event.event_type:
            # no asserted event for the T4 forecast nor for "could gain"
            assert not (event.trigger and event.trigger.text in ("fall of", "gain")), event
            assert not (event.location and "T4" in (event.location.text or "")), event
            assert "imminent" not in text or event.trigger.start < text.find("imminent") - 200
        for actor in (event.actor1, event.actor2):
            assert actor is None or "Amaq" not in (actor.name or actor.text)
    # the forecast, if reported, is kept as such
    t4 = [e for e in seed.events if e.trigger and e.trigger.text == "fall of"]
    assert all(e.modality in ("future", "hypothetical") for e in t4)


def test_no_duplicates(seed):
    keys = [(e.sub_event_type, e.modality) for e in seed.events if e.event_type and e.modality == "asserted"]
    assert len(keys) == len(set(keys)), keys
    # nor a hedged retelling of a required event beside it (EXPECTED.md: the undated, hedged
    # taking of Palmyra is E1 again, not an "uncertain" event of its own)
    e1 = _event(seed, "E1")
    again = [e for e in seed.events if e.modality == "uncertain"
             and e.sub_event_type == e1.sub_event_type
             and _name(e.actor1) == _name(e1.actor1)
             and e.location is not None and e1.location is not None
             and e.location.geonameid == e1.location.geonameid]
    assert not again, again


def test_event_places(seed, pipeline):
    if not {"geocode", "locate_events"} <= set(pipeline.stage_names):
        pytest.skip("geocode or locate_events cannot run here (not installed or no gazetteer)")
    e1, e3 = _event(seed, "E1"), _event(seed, "E3")
    assert e1.location is not None and e1.location.geonameid == 163808
    assert e3.location is not None and e3.location.geonameid == 170063
    e4 = _event(seed, "E4")
    assert e4.location is not None and e4.location.geonameid in (170062, 174018)


def test_event_dates(seed, pipeline):
    if "date_events" not in pipeline.stage_names:
        pytest.skip("date_events is not in the pipeline yet")
    e1, e4 = _event(seed, "E1"), _event(seed, "E4")
    if e1.event_date is None and e4.event_date is None:
        pytest.skip("date_events sets no dates yet")
    assert e1.event_date in ("2016-12-10", "2016-12-11", "2016-W49-WE")
    assert e4.event_date == "2016-12-12" and e4.time_precision == 1


def test_no_event_the_report_does_not_state(seed):
    """EXPECTED.md: nothing the report does not state. "Analysts believe the concentration of
    ... forces on the Aleppo offensive allowed IS fighters to walk into Palmyra" is the
    analysts' explanation of E1 and E3, not a clash between the regime and IS nor a concession
    (speakers.py); the Russians' retreat, if reported, is from their base near Palmyra (the
    relative clause after it tells where they were helping at the same time)."""
    assert not [e for e in seed.events if e.plover_type == "CONCEDE"]
    for event in seed.events:
        names = {_name(event.actor1), _name(event.actor2)}
        assert not ({"Islamic State"} <= {n for n in names if "Islamic State" in n}
                    and any("Syria" in n and "Rebel" not in n for n in names)
                    and event.sub_event_type == "Armed clash"), event
        assert not any(span.text.startswith("Analysts believe") for span in event.evidence
                       if len(event.evidence) == 1), event
    for retreat in (e for e in seed.events if e.plover_type == "RETREAT"):
        assert "Russia" in _name(retreat.actor1)
        assert retreat.actor2 is None or "Syria" not in _name(retreat.actor2)
        assert retreat.location is not None and retreat.location.geonameid == 163808
        assert retreat.location.geo_precision == 2
