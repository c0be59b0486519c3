"""Invariants across the package, checked with generated inputs (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.merge import merge_events
from sitrep.model import Actor, Event, Place, Span

_ACTORS = [None, Actor(0, 2, "IS", name="Islamic State", inter=2),
           Actor(3, 9, "troops", name="Military Forces of Syria", inter=1)]
_PLACES = [None, Place(0, 7, "Palmyra", name="Palmyra", geonameid=163808, geo_precision=1),
           Place(0, 6, "Aleppo", name="Aleppo", geonameid=170063, geo_precision=1)]
_DATES = [(None, None), ("2016-12-10", 2), ("2016-12-11", 1), ("2016-12-13", 3)]


@st.composite
def mentions(draw) -> Event:
    start = draw(st.integers(0, 200))
    sub_type = draw(st.sampled_from(["Armed clash", "Non-state actor overtakes territory"]))
    event_date, precision = draw(st.sampled_from(_DATES))
    return Event(
        "Battles", sub_type, "ASSAULT", cameo_root="19",
        actor1=draw(st.sampled_from(_ACTORS)), actor2=draw(st.sampled_from(_ACTORS)),
        location=draw(st.sampled_from(_PLACES)), event_date=event_date,
        time_precision=precision,
        modality=draw(st.sampled_from(["asserted", "asserted", "uncertain"])),
        evidence=(Span(start, start + 20, "x" * 20),), trigger=Span(start, start + 4, "xxxx"),
        confidence=draw(st.sampled_from([0.6, 0.7, 0.8])))


@settings(max_examples=300, deadline=None)
@given(st.lists(mentions(), max_size=6), st.randoms(use_true_random=False))
def test_merging_mentions_is_order_independent(events, random):
    shuffled = list(events)
    random.shuffle(shuffled)
    assert merge_events(shuffled) == merge_events(events)


@settings(max_examples=200, deadline=None)
@given(st.lists(mentions(), max_size=6))
def test_merging_never_loses_evidence(events):
    merged = merge_events(events)
    assert {s for e in events for s in e.evidence} == {s for e in merged for s in e.evidence}
    assert len(merged) <= len(events)
    assert [e.evidence[0].start for e in merged] == sorted(e.evidence[0].start for e in merged)


_WORDS = ["IS", "is", "fighters", "seized", "Palmyra", "on", "Monday", "killing", "three",
          "soldiers", "Russian", "troops", "near", "Aleppo", "province", "rebels", "said",
          "protesters", "police", "fired", "tear", "gas", "in", "Nairobi", "over", "the",
          "weekend", "could", "attack", "denied", "2 min read", "Dec.", "13", "2016", "\n",
          "\n\n", ",", ".", "—", "“", "”", "\u2028", "é", "Tadmur", "al-Bab", "T4", "air", "base"]


@st.composite
def news_like(draw) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60))
    noise = draw(st.text(max_size=20))
    return " ".join(words) + noise


@pytest.fixture(scope="module")
def pipeline():
    # built once: the default pipeline loads the parser and opens the gazetteer
    from sitrep import Pipeline

    return Pipeline()


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(news_like(), st.text(max_size=200)))
def test_the_pipeline_never_fails_and_every_span_slices_back(pipeline, text):
    from datetime import date

    from sitrep import Report

    report = pipeline(Report(id="p", raw=text, published=date(2016, 12, 13)))
    assert not report.errors, report.errors
    record = report.to_contract()
    spans = [*record["actors"], *record["places"], *record["times"]]
    for event in record["events"]:
        spans += event["evidence"]
        spans += [event[k] for k in ("actor1", "actor2", "location") if event[k]]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]

