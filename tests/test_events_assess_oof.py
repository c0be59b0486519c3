"""The assess_events recipe judged out of fold, end to end (sitrep/events/assess_oof.py), and
the parse features the model reads without any rule's wording (assess_features.clause_features)."""

from __future__ import annotations

import copy
import functools
from datetime import date

import pytest

from sitrep.annotations import Token
from sitrep.config import load_config
from sitrep.errors import ConfigError
from sitrep.eval.articles import score
from sitrep.events import assess_oof, train_assess
from sitrep.events.assess import AssessEvents
from sitrep.events.assess_features import clause_features, family_of
from sitrep.model import Report
from sitrep.pipeline import Pipeline

ARTICLES = {
    "a": "Police arrested the journalist Amina Yusuf in Kano on Monday. Her lawyer said she was "
         "held overnight. Rights groups condemned the arrest. The police did not comment.",
    "b": "Soldiers detained two activists in Jos on Tuesday. Their families said they were "
         "beaten. The army denied it. Protests are planned for next week.",
    "c": "Journalists are often arrested in the country, rights groups say. The law allows it. "
         "Reporters say they fear the police. Few cases reach a court.",
    "d": "Gunmen abducted a pastor in Kaduna on Sunday. Police said a search had begun. His "
         "church appealed for his release. No group has claimed the abduction.",
}
GOLD = {
    "a": [{"kind": "required", "event_type": "Protests", "evidence": ["no such words"]},
          {"kind": "required", "event_type": "Violence against civilians",
           "sub_event_type": "Arrests", "evidence": ["Police arrested the journalist"]}],
    "b": [{"kind": "required", "event_type": "Violence against civilians",
           "sub_event_type": "Arrests", "evidence": ["Soldiers detained two activists"]}],
    "c": [],
    "d": [{"kind": "required", "event_type": "Violence against civilians",
           "sub_event_type": "Abduction/forced disappearance",
           "evidence": ["Gunmen abducted a pastor"]}],
}


@functools.lru_cache(maxsize=1)
def _dated_articles() -> tuple:
    stages = list(load_config().stages)
    pipeline = Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("date_events") + 1]}}))
    reports = list(pipeline.pipe(iter(
        Report(id=key, raw=text, published=date(2021, 3, 10)) for key, text in ARTICLES.items())))
    assert all(report.rejection is None for report in reports)
    return tuple(reports)


def test_folds_are_drawn_by_article_and_the_same_for_a_seed():
    ids = [f"art{i}" for i in range(10)] * 3          # an article's mentions: one fold
    folds = assess_oof.folds_of(ids, folds=5, seed=1)
    assert sorted(folds) == sorted(set(ids)) and sorted(folds.values()) == [0, 0, 1, 1, 2, 2, 3,
                                                                             3, 4, 4]
    assert folds == assess_oof.folds_of(reversed(ids), folds=5, seed=1)
    assert folds != assess_oof.folds_of(ids, folds=5, seed=2)
    with pytest.raises(ValueError, match="at least 2 folds"):
        assess_oof.folds_of(ids, folds=1)
    with pytest.raises(ValueError, match="cannot make"):
        assess_oof.folds_of(["x", "y"], folds=3)


def test_gold_articles_find_the_evidence_in_the_raw_text():
    reports = _dated_articles()
    articles = {article.id: article for article in assess_oof.gold_articles(reports, GOLD)}
    assert set(articles) == set(GOLD)
    (arrest,) = [g for g in articles["b"].gold]
    assert arrest["_spans"] == [(0, len("Soldiers detained two activists"))]
    assert articles["a"].gold[0]["_spans"] == []     # words the text does not hold: no span
    assert articles["a"].published == "2021-03-10"
    assert "_spans" not in GOLD["b"][0]               # the annotations are left unchanged


def _model(bias: float) -> dict:
    """A model that judges arrests and abductions, keeping all (bias > 0) or none."""
    return {"threshold": 0.5, "judged": ["Arrests", "Abduction/forced disappearance"],
            "weights": {"bias": bias}}


def test_each_article_is_judged_by_a_model_trained_without_it(monkeypatch):
    reports = _dated_articles()
    rows = train_assess.label_candidates(reports, copy.deepcopy(GOLD))
    trained_on = []

    def train(fold_rows, excluded=(), l2=1.0):
        trained_on.append({row[0] for row in fold_rows})
        # the fold trained without "a" keeps every judged mention; the others keep none
        return _model(30.0 if "a" not in trained_on[-1] else -30.0)

    monkeypatch.setattr(assess_oof, "train", train)
    outputs = assess_oof.held_out_outputs(reports, rows, folds=2, seed=0, thresholds=(None, 0.9))
    folds = assess_oof.folds_of([report.id for report in reports], folds=2, seed=0)
    assert len(trained_on) == 2
    for ids, fold in zip(trained_on, range(2)):
        assert ids == {key for key, f in folds.items() if f != fold and key in {r[0] for r in rows}}
    for threshold in (None, 0.9):
        assert set(outputs[threshold]) == set(ARTICLES)
        for key, record in outputs[threshold].items():
            arrests = [e for e in record["events"] if e["sub_event_type"] in (
                "Arrests", "Abduction/forced disappearance") and e["modality"] == "asserted"]
            kept_by_its_model = folds[key] == folds["a"]
            assert bool(arrests) == (kept_by_its_model and key != "c"), (key, arrests)
    # the reports the tool was given are left as they were: every mention, none judged
    assert any(e.sub_event_type == "Arrests" for e in reports[1].events)


def test_out_of_fold_figures_are_those_of_eval_articles():
    reports = _dated_articles()
    results = assess_oof.out_of_fold(reports, GOLD, folds=2, seeds=(0, 1), thresholds=(None,))
    (ratios,) = [results[None]]
    assert len(ratios) == 2
    rows = train_assess.label_candidates(reports, copy.deepcopy(GOLD))
    system = assess_oof.held_out_outputs(reports, rows, folds=2, seed=1)[None]
    expected = score(assess_oof.gold_articles(reports, GOLD), system).ratios()
    assert ratios[1] == expected
    assert expected["required"] == 4 and expected["typed_predictions"] >= 1


def test_the_command_prints_the_figures_and_refuses_bad_numbers(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(assess_oof, "dated_reports", lambda data: (list(_dated_articles()), GOLD))
    assert assess_oof.main(["--data", str(tmp_path), "--folds", "2", "--seeds", "0",
                            "--thresholds", "0.5", "--exclude", "tlem,why"]) == 0
    out = capsys.readouterr().out
    assert "excluded families tlem,why" in out
    assert out.count("precision") >= 2 and "recipe:" in out and "threshold 0.50:" in out
    with pytest.raises(SystemExit):
        assess_oof.main(["--data", str(tmp_path), "--seeds", "one"])
    with pytest.raises(SystemExit):
        assess_oof.main(["--data", str(tmp_path), "--folds", "9", "--seeds", "0"])


def test_the_stage_takes_a_model_given_as_a_dict():
    stage = AssessEvents(model=_model(-30.0))
    assert stage.threshold == 0.5 and stage.judged == {"Arrests", "Abduction/forced disappearance"}
    with pytest.raises(ConfigError, match="no weights"):
        AssessEvents(model={"threshold": 0.5})


def test_training_leaves_out_the_families_it_is_told_to():
    rows = [("a", ["bias", "why=location", "tlem=arrest", "clause=main"], 1, True, "Arrests")]
    (row,) = train_assess.without_families(rows, ("why", "tlem"))
    assert row[1] == ["bias", "clause=main"] and row[2:] == (1, True, "Arrests")
    assert train_assess.without_families(rows) is rows
    assert family_of("why=location: x=y") == "why" and family_of("inside_quote") == "inside_quote"


def _sentence(*words: tuple) -> Report:
    """One parsed sentence of (text, lemma, pos, dep, head) tokens."""
    tokens, position = [], 0
    for text, lemma, pos, dep, head in words:
        tokens.append(Token(position, position + len(text), text, 0, lemma, pos, dep, head))
        position += len(text) + 1
    raw = " ".join(word[0] for word in words)
    return Report(id="s", raw=raw, text=raw, tokens=tokens)


def _features(report: Report, position: int) -> set[str]:
    pairs = list(enumerate(report.tokens))
    return set(clause_features(report, pairs, position, "Arrests"))


def test_the_clause_and_its_tense_come_from_the_parse():
    report = _sentence(("The", "the", "DET", "det", 1), ("journalist", "journalist", "NOUN",
                                                         "nsubj", 6),
                       ("who", "who", "PRON", "nsubj:pass", 4), ("was", "be", "AUX", "aux:pass", 4),
                       ("arrested", "arrest", "VERB", "acl:relcl", 1),
                       ("will", "will", "AUX", "aux", 6), ("protest", "protest", "VERB", "ROOT", 6))
    assert {"clause=relative", "tense=past", "clause&type=relative&Arrests"} <= _features(report, 4)
    assert {"clause=main", "tense=future"} <= _features(report, 6)
    # a noun: how it is determined, and the tense of the verb that governs it
    report = _sentence(("His", "his", "PRON", "nmod:poss", 1),
                       ("arrest", "arrest", "NOUN", "nsubj:pass", 3),
                       ("was", "be", "AUX", "aux:pass", 3),
                       ("condemned", "condemn", "VERB", "ROOT", 3))
    assert {"det=possessive", "clause=main", "tense=past"} <= _features(report, 1)
    report = _sentence(("Arrests", "arrest", "NOUN", "nsubj", 2), ("have", "have", "AUX", "aux", 2),
                       ("continued", "continue", "VERB", "ROOT", 2))
    assert {"det=plural", "tense=perfect"} <= _features(report, 0)
    # a sentence the parser did not read says so, and nothing else
    report = _sentence(("arrested", "arrest", "VERB", "", -1))
    assert _features(report, 0) == {"clause=unparsed"}


@pytest.mark.parametrize("content, said", [
    (b"", "not an annotation record"),                       # empty
    (bytes(range(256)), "not an annotation record"),         # binary, not UTF-8
    (b'{"events": [', "not an annotation record"),          # malformed JSON
    (b'{"evts": []}', "not an annotation record"),          # no events
    (b'{"events": "none"}', "'events' is not a list"),
])
def test_a_bad_annotation_file_stops_the_recipe_with_its_name(tmp_path, content, said):
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / "a1.json").write_bytes(content)
    with pytest.raises(SystemExit, match=said) as stopped:
        train_assess.read_annotations(tmp_path)
    assert "a1.json" in str(stopped.value)


def test_an_empty_folder_or_a_bad_record_line_stops_the_recipe(tmp_path):
    (tmp_path / "ann").mkdir()
    with pytest.raises(SystemExit, match="no annotations"):
        train_assess.read_annotations(tmp_path)
    (tmp_path / "ann" / "a1.json").write_text('{"events": []}', encoding="utf-8")
    (tmp_path / "train_dev.jsonl").write_text('{"id": "a1", "text": "x"}\n\n{"text": "no id"}\n',
                                              encoding="utf-8")
    with pytest.raises(SystemExit, match=r"train_dev.jsonl:3: not a JSON record with an id"):
        train_assess.recipe(tmp_path)
    (tmp_path / "train_dev.jsonl").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SystemExit, match="cannot be read"):
        train_assess.recipe(tmp_path)
