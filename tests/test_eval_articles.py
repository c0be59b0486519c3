"""`sitrep eval articles`: the scoring arithmetic on a tiny gold set written here."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import UsageError
from sitrep.eval.articles import load_gold, score

TEXT_A = "Police arrested a reporter in Lagos on Monday. Later police arrested him again."
TEXT_B = "The minister spoke about the economy at length."


@pytest.fixture()
def gold_dir(tmp_path):
    articles = [{"id": "a", "title": "t", "published": "2021-03-10", "text": TEXT_A},
                {"id": "b", "title": "t", "published": "2021-03-10", "text": TEXT_B}]
    (tmp_path / "articles.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (tmp_path / "ann").mkdir()
    arrest = {"kind": "required", "event_type": "Protests", "sub_event_type": "Arrests",
              "actor1": {"name": "Police Forces of Nigeria", "inter": 1},
              "actor2": {"name": "Civilians (Nigeria)", "inter": 7},
              "location": {"name": "Lagos", "country": "Nigeria", "lat": 6.45, "lon": 3.39,
                           "precision": 1},
              "event_date": "2021-03", "fatalities": 0,
              "evidence": ["Police arrested a reporter in Lagos on Monday."]}
    (tmp_path / "ann" / "a.json").write_text(json.dumps({"id": "a", "events": [arrest]}))
    (tmp_path / "ann" / "b.json").write_text(json.dumps({"id": "b", "events": []}))
    return tmp_path


def _event(start, end, sub="Arrests", etype="Protests", **fields):
    return {"modality": "asserted", "event_type": etype, "sub_event_type": sub,
            "evidence": [{"start": start, "end": end}], **fields}


def test_figures_follow_the_definitions(gold_dir):
    found = _event(0, 20, actor1={"inter": 1}, actor2={"inter": 8},
                   location={"country": "Nigeria", "lat": 6.5, "lon": 3.4},
                   event_date="2021-03-08", confidence=0.9)
    duplicate = _event(5, 15, confidence=0.5)
    second_arrest = _event(47, 70)              # outside the gold evidence: not an event
    hedged = {**_event(0, 10), "modality": "uncertain"}   # only asserted events count
    plover = {"modality": "asserted", "event_type": None, "evidence": [{"start": 0, "end": 5}]}
    wrong_on_b = _event(0, 10, sub="Attack", etype="Violence against civilians")
    system = {"a": {"events": [found, duplicate, second_arrest, hedged, plover]},
              "b": {"events": [wrong_on_b]}}
    r = score(load_gold(gold_dir), system).ratios()
    assert r["typed_predictions"] == 4
    assert r["precision"] == pytest.approx(2 / 4)
    assert r["recall"] == 1.0 and r["f1"] == pytest.approx(2 / 3)
    assert r["plover_precision"] == 1.0
    assert r["wrong_typed_per_no_event_article"] == 1.0
    assert (r["sub_type"], r["actor1_inter"], r["actor2_inter"]) == (1.0, 1.0, 0.0)
    assert (r["country"], r["within_50km"], r["date"], r["fatalities"]) == (1.0, 1.0, 1.0, 1.0)
    assert r["over_counted"] == 1 and r["over_counted_at_one_place"] == 1


def test_copies_of_one_act_at_listed_places_are_told_apart_beside_the_defined_figure(gold_dir):
    lagos = _event(0, 20, location={"lat": 6.5, "lon": 3.4}, confidence=0.9)
    ibadan = _event(0, 20, location={"lat": 7.4, "lon": 3.9}, confidence=0.9)   # ~115 km
    again = _event(5, 15, location={"lat": 6.6, "lon": 3.4}, confidence=0.5)    # ~11 km
    r = score(load_gold(gold_dir), {"a": {"events": [lagos, ibadan, again]}}).ratios()
    assert r["over_counted"] == 2                  # the README's figure: place plays no part
    assert r["over_counted_at_one_place"] == 1     # the copy at Ibadan is another place's event


def test_nothing_found_scores_zero_without_dividing_by_zero(gold_dir):
    r = score(load_gold(gold_dir), {}).ratios()
    assert (r["precision"], r["recall"], r["f1"], r["over_counted"]) == (0.0, 0.0, 0.0, 0)


def test_a_broken_gold_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="cannot read the article gold"):
        load_gold(tmp_path)
    (tmp_path / "articles.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="no articles"):
        load_gold(tmp_path)
    (tmp_path / "articles.jsonl").write_text('{"id": "x", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="cannot read the article gold"):
        load_gold(tmp_path)       # no ann/x.json
