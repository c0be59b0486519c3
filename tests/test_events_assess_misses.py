"""Why a required event is missed, out of fold (sitrep/events/assess_misses.py): each class on
hand-made mentions, and the whole run on small hand-made articles."""

from __future__ import annotations

from sitrep.events import assess_misses
from sitrep.events.assess_misses import classify_miss
from sitrep.model import Event, Span

TEXT = "Police tried to arrest the editor in Dhaka. Rights groups condemned it."
GOLD = {"kind": "required", "event_type": "Violence against civilians",
        "_spans": [(0, 42)], "evidence": [TEXT[:42]]}
ELSEWHERE = Span(44, 71, TEXT[44:71])


def _event(event_type="Violence against civilians", modality="asserted", cue=None,
           evidence=Span(0, 43, TEXT[:43]), plover="ARREST") -> Event:
    return Event(event_type, "Arrests" if event_type else None, plover, modality=modality,
                 modality_cue=cue, evidence=(evidence,))


def test_no_mention_is_told_apart_by_whether_a_trigger_was_read():
    other = _event(evidence=ELSEWHERE)
    assert classify_miss(GOLD, [other], [other], [], False) == ("no trigger", "")
    assert classify_miss(GOLD, [], [], [], True) == ("trigger, no mention", "")


def test_mentions_of_other_types_are_named():
    riot, plover = _event("Riots"), _event(None, plover="ACCUSE")
    assert classify_miss(GOLD, [riot, riot, plover], [], [], True) == (
        "other type", "Riots x2, PLOVER ACCUSE")


def test_a_mention_the_rules_did_not_assert_says_its_cue():
    tried = _event(modality="hypothetical", cue="tried to")
    assert classify_miss(GOLD, [tried], [tried], [], True) == (
        "not asserted", "hypothetical: tried to")


def test_a_dropped_mention_says_whether_the_model_or_the_rule_dropped_it():
    arrest = _event()
    assert classify_miss(GOLD, [arrest], [], [], True) == ("model dropped", "Arrests")
    assert classify_miss(GOLD, [arrest], [], [], True, lambda event: False) == (
        "rule dropped", "Arrests")


def test_a_mention_kept_by_the_model_but_not_output_was_folded():
    arrest = _event()
    riot = _event("Riots").to_dict()
    assert classify_miss(GOLD, [arrest], [arrest], [riot], True) == ("folded", "Riots")
    assert classify_miss(GOLD, [arrest], [arrest], [], True) == (
        "folded", "no asserted event over the evidence")


ARTICLE_GOLD = {
    "a": [{"kind": "required", "event_type": "Protests", "evidence": ["no such words"]},
          {"kind": "required", "event_type": "Strategic developments",
           "evidence": ["Police arrested the journalist"]}],
    "b": [{"kind": "required", "event_type": "Protests",
           "evidence": ["Protests are planned for next week"]}],
    "c": [{"kind": "required", "event_type": "Riots",
           "evidence": ["Journalists are often arrested"]}],
    "d": [{"kind": "required", "event_type": "Violence against civilians",
           "evidence": ["Gunmen abducted a pastor"]}],
}


def test_the_run_classifies_every_required_miss(monkeypatch):
    from test_events_assess_oof import _dated_articles, _model

    def whys(bias: float) -> list[tuple[str, str, str]]:
        monkeypatch.setattr(assess_misses, "train", lambda rows, excluded, l2: _model(bias))
        found = assess_misses.misses(list(_dated_articles()), ARTICLE_GOLD, folds=2, seed=0)
        return sorted((miss.article, miss.why, miss.detail.split(":")[0]) for miss in found)

    # a model that drops every arrest and abduction it judges
    assert whys(-50.0) == [("a", "model dropped", "Arrests"), ("a", "no trigger", ""),
                           ("b", "not asserted", "future"),
                           ("c", "other type", "Strategic developments"),
                           ("d", "model dropped", "Abduction/forced disappearance")]
    # one that keeps them all: what the rules decided stays missed
    assert whys(50.0) == [("a", "no trigger", ""), ("b", "not asserted", "future"),
                          ("c", "other type", "Strategic developments")]


def test_the_shipped_model_is_classified_on_a_gold_folder_by_counts_only(tmp_path, capsys):
    import json

    import pytest
    from test_events_assess_oof import ARTICLES, _dated_articles

    found = assess_misses.shipped_misses(list(_dated_articles()), ARTICLE_GOLD)
    assert {(miss.article, miss.why) for miss in found} >= {
        ("a", "no trigger"), ("b", "not asserted"), ("c", "other type")}
    (tmp_path / "ann").mkdir()
    with open(tmp_path / "articles.jsonl", "w", encoding="utf-8") as handle:
        for key, text in ARTICLES.items():
            handle.write(json.dumps({"id": key, "published": "2021-03-10", "text": text}) + "\n")
            (tmp_path / "ann" / f"{key}.json").write_text(json.dumps(
                {"id": key, "events": ARTICLE_GOLD[key]}), encoding="utf-8")
    with pytest.raises(SystemExit):
        assess_misses.main(["--gold", str(tmp_path), "--list"])
    assert assess_misses.main(["--gold", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("shipped model: ") and "of 5 required events missed" in printed
    assert "Journalists" not in printed   # counts, never the set's words
