"""Every record type survives to_dict/from_dict and a real SQLite write and read (hypothesis)."""

from __future__ import annotations

from array import array

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import (MODALITIES, Actor, Event, Place, Quantity, Rejection, Report, Sentence,
                          Span, StageError, TimeExpr, Token)
from sitrep.store import Store, event_id, report_key

texts = st.text(max_size=30)
maybe_texts = st.none() | texts
offsets = st.integers(min_value=0, max_value=10_000)
maybe_ints = st.none() | st.integers(min_value=-(2**40), max_value=2**40)
maybe_floats = st.none() | st.floats(allow_nan=False, allow_infinity=False)

spans = st.builds(Span, offsets, offsets, texts)
sentences = st.builds(Sentence, offsets, offsets, texts, offsets, offsets)
tokens = st.builds(Token, offsets, offsets, texts, offsets, texts, texts, texts,
                   st.integers(min_value=-1, max_value=500))
actors = st.builds(Actor, offsets, offsets, texts, maybe_texts, maybe_texts,
                   st.none() | st.integers(1, 8), maybe_texts, maybe_texts, maybe_texts,
                   maybe_texts)
places = st.builds(Place, offsets, offsets, texts, maybe_texts, maybe_ints, maybe_floats,
                   maybe_floats, maybe_texts, maybe_texts, maybe_texts, maybe_texts, maybe_texts,
                   st.none() | st.integers(1, 3), maybe_texts, maybe_texts, st.booleans())
times = st.builds(TimeExpr, offsets, offsets, texts,
                  st.sampled_from(["DATE", "TIME", "DURATION", "SET"]), maybe_texts, maybe_texts)
quantities = st.builds(Quantity, offsets, offsets, texts,
                       st.sampled_from(["killed", "injured", "arrested", "abducted", "material"]),
                       maybe_ints, maybe_ints, maybe_ints, maybe_texts, maybe_texts)
rejections = st.builds(Rejection, texts, texts, maybe_texts, st.none() | offsets, maybe_texts)
stage_errors = st.builds(StageError, texts, texts, texts)
small = {"max_size": 3}
events = st.builds(
    Event, maybe_texts, maybe_texts, maybe_texts, plover_mode=maybe_texts,
    cameo_root=maybe_texts, actor1=st.none() | actors,
    assoc_actor1=st.lists(actors, **small).map(tuple), actor2=st.none() | actors,
    assoc_actor2=st.lists(actors, **small).map(tuple), location=st.none() | places,
    event_date=maybe_texts, time_precision=st.none() | st.integers(1, 3), date_text=maybe_texts,
    fatalities=maybe_ints, modality=st.sampled_from(MODALITIES), attribution=maybe_texts,
    evidence=st.lists(spans, **small).map(tuple),
    confidence=st.floats(min_value=0, max_value=1), trigger=st.none() | spans,
    reasons=st.lists(texts, **small).map(tuple))


@st.composite
def reports(draw) -> Report:
    raw = draw(st.text(max_size=200))
    report = Report(
        id=draw(texts), raw=raw, path=draw(maybe_texts), record=draw(st.none() | offsets),
        title=draw(maybe_texts), url=draw(maybe_texts), publisher=draw(maybe_texts),
        published=draw(st.none() | st.dates()), published_source=draw(maybe_texts),
        language=draw(maybe_texts))
    if draw(st.booleans()):  # a cleaned text with its own offset map
        cut = draw(st.integers(0, len(raw)))
        report.set_clean(raw[cut:], array("l", range(cut, len(raw) + 1)))
    report.removed = draw(st.lists(spans, **small))
    report.sentences = draw(st.lists(sentences, **small))
    report.tokens = draw(st.lists(tokens, **small))
    report.actors = draw(st.lists(actors, **small))
    report.places = draw(st.lists(places, **small))
    report.times = draw(st.lists(times, **small))
    report.quantities = draw(st.lists(quantities, **small))
    report.events = draw(st.lists(events, **small))
    report.errors = draw(st.lists(stage_errors, **small))
    report.rejection = draw(st.none() | rejections)
    return report


RECORD_TYPES = [(Span, spans), (Sentence, sentences), (Token, tokens), (Actor, actors),
                (Place, places), (TimeExpr, times), (Quantity, quantities),
                (Rejection, rejections), (StageError, stage_errors), (Event, events)]

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.data())
def test_every_record_type_round_trips_through_dicts(data):
    for record_type, strategy in RECORD_TYPES:
        record = data.draw(strategy)
        assert record_type.from_dict(record.to_dict()) == record


@SETTINGS
@given(reports())
def test_report_and_everything_in_it_round_trips_through_the_store(report):
    # the report carries every annotation type: Span (removed), Sentence, Token, Actor, Place,
    # TimeExpr, Quantity, Event, StageError and Rejection
    with Store(":memory:") as store:
        with store.transaction():
            report_id = store.add_report(report)
        assert report_id == report_key(report.raw, report.url)
        back = store.get_report(report_id)
    assert back == report
    for name in ("removed", "sentences", "tokens", "actors", "places", "times", "quantities",
                 "events", "errors"):
        assert getattr(back, name) == getattr(report, name), name


@SETTINGS
@given(reports(), st.lists(events, min_size=1, max_size=4))
def test_events_round_trip_through_the_store(report, new_events):
    with Store(":memory:") as store:
        with store.transaction():
            report_id = store.add_report(report)
            store.add_events(report_id, new_events)
        for event in new_events:
            stored = store.get_event(event_id(report_id, event))
            # events with the same key are one event: the first stored wins
            first = next(e for e in new_events if e.key() == event.key())
            assert stored.event == first
            assert [s.report_id for s in stored.sources] == [report_id]


@SETTINGS
@given(st.lists(rejections, max_size=6))
def test_rejections_round_trip_through_the_store(records):
    with Store(":memory:") as store:
        with store.transaction():
            for rejection in records:
                store.add_rejection(rejection)
        back = list(store.rejections())
    unique = {(r.path, r.line, r.code, r.message): r for r in reversed(records)}
    assert sorted(back, key=repr) == sorted(unique.values(), key=repr)


@SETTINGS
@given(st.binary(max_size=300))
def test_state_round_trips_through_the_store(value):
    with Store(":memory:") as store:
        store.set_state("key", value)
        assert store.get_state("key") == value
