"""The core types: offsets map back to the raw text; every record round-trips through dicts."""

from array import array
from datetime import date

from hypothesis import given, strategies as st

from sitrep.model import (ACLED_TYPES, Actor, Event, Place, Quantity, Rejection, Report, Sentence,
                          Span, TimeExpr, Token, content_id)


def test_report_starts_with_identity_map():
    report = Report(id="r", raw="Gunmen attacked a village.")
    assert report.text == report.raw
    assert report.to_raw(0, 6) == (0, 6)
    assert report.raw_span(7, 15).text == "attacked"


def test_clean_text_maps_back_to_raw_after_removal():
    raw = "Title\n2 min read\nGunmen attacked a village."
    kept = [(0, 6), (17, len(raw))]  # drop the badge line
    text = "".join(raw[a:b] for a, b in kept)
    offsets = array("l", [i for a, b in kept for i in range(a, b)] + [len(raw)])
    report = Report(id="r", raw=raw)
    report.set_clean(text, offsets)
    start = text.index("attacked")
    span = report.raw_span(start, start + len("attacked"))
    assert span.text == "attacked" and raw[span.start:span.end] == "attacked"


def test_set_clean_rejects_a_map_of_the_wrong_length():
    report = Report(id="r", raw="abc")
    try:
        report.set_clean("ab", array("l", [0, 1]))
    except ValueError as exc:
        assert "offset map" in str(exc)
    else:
        raise AssertionError("a short offset map must be refused")


def test_sentence_of_finds_the_containing_sentence():
    report = Report(id="r", raw="One. Two. Three.")
    report.sentences = [Sentence(0, 4, "One.", 0, 4), Sentence(5, 9, "Two.", 5, 9),
                        Sentence(10, 16, "Three.", 10, 16)]
    assert report.sentence_of(6).text == "Two."
    assert report.sentence_of(4) is None  # the space between sentences
    assert report.sentence_of(15).text == "Three."


def test_acled_taxonomy_has_six_types_and_25_sub_event_types():
    assert len(ACLED_TYPES) == 6
    assert sum(len(subs) for subs in ACLED_TYPES.values()) == 25


def test_content_id_is_stable_and_sensitive():
    assert content_id("a", 1) == content_id("a", 1)
    assert content_id("a", 1) != content_id("a", 2)
    assert content_id("a", prefix="ev_").startswith("ev_")


text = st.text(max_size=20)
small = st.integers(min_value=0, max_value=10_000)
opt_text = st.none() | text
spans = st.builds(Span, small, small, text)
actors = st.builds(Actor, small, small, text, opt_text, opt_text,
                   st.none() | st.integers(1, 8), opt_text, opt_text, opt_text, opt_text)
places = st.builds(Place, small, small, text, opt_text, st.none() | small,
                   st.none() | st.floats(-90, 90), st.none() | st.floats(-180, 180),
                   opt_text, opt_text, opt_text, opt_text, opt_text, st.none() | st.integers(1, 3),
                   opt_text, opt_text, st.booleans())
times = st.builds(TimeExpr, small, small, text, st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
                  opt_text, opt_text)
quantities = st.builds(Quantity, small, small, text, st.sampled_from(["killed", "injured"]),
                       st.none() | small, st.none() | small, st.none() | small, opt_text, opt_text)
events = st.builds(
    Event, opt_text, opt_text, opt_text, opt_text, opt_text, st.none() | actors,
    st.lists(actors, max_size=2).map(tuple), st.none() | actors,
    st.lists(actors, max_size=2).map(tuple), st.none() | places, opt_text,
    st.none() | st.integers(1, 3), opt_text, st.none() | small,
    st.sampled_from(["asserted", "negated", "hypothetical", "future", "uncertain"]), opt_text,
    st.lists(spans, max_size=3).map(tuple), st.floats(0, 1), st.none() | spans,
    st.lists(text, max_size=2).map(tuple))
rejections = st.builds(Rejection, text, text, opt_text, st.none() | small, opt_text)


@given(spans)
def test_span_round_trip(span):
    assert Span.from_dict(span.to_dict()) == span


@given(actors)
def test_actor_round_trip(actor):
    assert Actor.from_dict(actor.to_dict()) == actor


@given(places)
def test_place_round_trip(place):
    assert Place.from_dict(place.to_dict()) == place


@given(times)
def test_time_round_trip(time_expr):
    assert TimeExpr.from_dict(time_expr.to_dict()) == time_expr


@given(quantities)
def test_quantity_round_trip(quantity):
    assert Quantity.from_dict(quantity.to_dict()) == quantity


@given(events)
def test_event_round_trip(event):
    assert Event.from_dict(event.to_dict()) == event


@given(rejections)
def test_rejection_round_trip(rejection):
    assert Rejection.from_dict(rejection.to_dict()) == rejection


@given(st.text(max_size=200), st.lists(events, max_size=2), st.lists(places, max_size=2))
def test_report_round_trip(raw, event_list, place_list):
    report = Report(id="r1", raw=raw, path="a.txt", published=date(2016, 12, 13))
    report.events = event_list
    report.places = place_list
    report.tokens = [Token(0, 1, "x", 0, "x", "NOUN", "ROOT", 0)]
    again = Report.from_dict(report.to_dict())
    assert again.to_dict() == report.to_dict()


def test_contract_record_has_exactly_the_contract_fields():
    report = Report(id="r", raw="x")
    report.events = [Event("Battles", "Armed clash", "ASSAULT", actor1=Actor(0, 1, "x"))]
    record = report.to_contract()
    assert set(record) == {"id", "status", "error", "events", "actors", "places", "times"}
    assert record["status"] == "ok" and record["error"] is None
    event = record["events"][0]
    assert set(event["actor1"]) == {"start", "end", "text", "name", "type", "inter", "cameo",
                                    "country"}


def test_sentence_token_ranges_group_tokens_by_sentence():
    report = Report(id="r", raw="a b. c")
    report.tokens = [Token(0, 1, "a", 0), Token(2, 4, "b.", 0), Token(5, 6, "c", 1)]
    assert list(report.sentence_token_ranges()) == [(0, 2), (2, 3)]
    assert list(Report(id="e", raw="").sentence_token_ranges()) == []


def test_a_report_crosses_processes_with_its_tokens_as_rows():
    # a pool worker's result is pickled: the tokens go as plain rows (a frozen dataclass per
    # token pickled through dataclasses' generic state functions cost 3x the CPU), and come
    # back as the same tokens
    import pickle

    report = Report(id="r", raw="Troops fired.", published=date(2024, 3, 4))
    report.tokens = [Token(0, 6, "Troops", 0, "troop", "NOUN", "nsubj", 1),
                     Token(7, 12, "fired", 0, "fire", "VERB", "ROOT", 1),
                     Token(12, 13, ".", 0, ".", "PUNCT", "punct", 1)]
    report.sentences = [Sentence(0, 13, "Troops fired.", 0, 13)]
    report.events = [Event("Battles", "Armed clash", "ASSAULT", actor1=Actor(0, 6, "Troops"))]
    assert report.__getstate__()["tokens"][1] == (7, 12, "fired", 0, "fire", "VERB", "ROOT", 1)
    copy = pickle.loads(pickle.dumps(report))
    assert copy == report and copy.to_dict() == report.to_dict()
    assert all(type(token) is Token for token in copy.tokens)
