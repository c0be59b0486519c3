"""Invariants across the package, checked with generated inputs (hypothesis)."""

from __future__ import annotations

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
