"""assess_events: the learned judge of asserted mentions in whole articles, and its recipe."""

from __future__ import annotations

import dataclasses
import functools
import json
from datetime import date

import pytest

from sitrep.config import load_config
from sitrep.errors import ConfigError
from sitrep.events import train_assess
from sitrep.events.assess import AssessEvents, EventFeatures, asked, load_model, probability
from sitrep.model import Report
from sitrep.pipeline import Pipeline

ARTICLE = (
    "Police arrested the journalist Amina Yusuf in Kano on Monday after she reported on a "
    "protest. Her lawyer said she was held at a police station overnight. "
    "Journalists in the country are routinely detained and threatened, rights groups say. "
    "In 2012 soldiers attacked a newspaper office in Abuja. "
    "Gunmen shot dead two villagers in Zamfara on Saturday, police said. "
    "The details are discussed in the following paragraphs."
)


@functools.lru_cache(maxsize=1)
def _up_to_dating() -> Pipeline:
    stages = list(load_config().stages)
    stages = stages[:stages.index("date_events") + 1]
    return Pipeline(load_config(overrides={"pipeline": {"stages": stages}}))


def _dated(report_id: str, text: str) -> Report:
    """``text`` analysed up to date_events: every mention the rules found, none judged yet."""
    (report,) = _up_to_dating().pipe(iter([Report(id=report_id, raw=text,
                                                  published=date(2021, 3, 10))]))
    return report


@pytest.fixture(scope="module")
def dated_report() -> Report:
    """The article analysed up to date_events: every mention the rules found, none judged yet."""
    report = _dated("a", ARTICLE)
    assert report.rejection is None
    assert sum(e.modality == "asserted" for e in report.events) >= 2, report.events
    return report


def _judged(report: Report, **options) -> Report:
    return AssessEvents(**options)(dataclasses.replace(report, events=list(report.events)))


def test_the_shipped_model_loads_with_its_threshold_and_figures():
    model = load_model()
    assert 0.0 < model["threshold"] < 1.0
    assert model["weights"]["bias"] != 0.0
    # the recipe writes its cross-validated figures beside the weights
    assert model["cross_validated"]["typed_precision"] > model["cross_validated"][
        "typed_base_precision"]


def test_threshold_bounds_keep_all_or_no_judged_mentions(dated_report):
    stage = AssessEvents()
    judged = [e for e in dated_report.events if e.modality == "asserted" and stage.judges(e)]
    untouched = [e for e in dated_report.events if e.modality != "asserted" or not stage.judges(e)]
    assert judged, "the article should hold mentions of kinds the model judges"
    everything = _judged(dated_report, threshold=0.0, min_sentences=1, require_anchor=False,
                     background_days=0)
    assert len(everything.events) == len(dated_report.events)
    assert all("assess_events model" in e.reasons[-1] for e in everything.events
               if e.modality == "asserted" and stage.judges(e))
    nothing = _judged(dated_report, threshold=1.0, min_sentences=1, require_anchor=False,
                     background_days=0)
    # mentions that are not asserted, or of kinds the model did not learn, are left untouched:
    # the former are never reported as events that happened anyway
    assert nothing.events == untouched


def test_each_kept_mention_says_its_probability(dated_report):
    judged = _judged(dated_report, threshold=0.05, min_sentences=1)
    assert any("event-ness" in e.reasons[-1] for e in judged.events)
    features = EventFeatures(dated_report)
    stage = AssessEvents(threshold=0.05, min_sentences=1)
    for event in judged.events:
        if event.modality != "asserted" or not stage.judges(event):
            continue
        original = next(e for e in dated_report.events if dataclasses.replace(
                e, reasons=event.reasons) == event)
        p = probability(stage.weights, features.features(original, dated_report.events))
        assert p >= stage.threshold
        assert f"event-ness {p:.2f}" in event.reasons[-1]


def test_a_snippet_is_left_alone(dated_report):
    short = _judged(dated_report, threshold=1.0, min_sentences=len(dated_report.sentences) + 1)
    assert short.events == dated_report.events


def test_features_are_named_and_deterministic(dated_report):
    features = EventFeatures(dated_report)
    event = dated_report.events[0]
    first = features.features(event, dated_report.events)
    assert first == EventFeatures(dated_report).features(event, dated_report.events)
    assert "bias" in first and any(name.startswith("type=") for name in first)
    assert any(name.startswith("age=") for name in first)


def test_a_broken_model_file_is_a_clear_config_error(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="train_assess"):
        AssessEvents(model=str(bad))
    bad.write_text(json.dumps({"weights": []}), encoding="utf-8")
    with pytest.raises(ConfigError, match="not an event-assessment model"):
        AssessEvents(model=str(bad))
    with pytest.raises(ConfigError, match="threshold"):
        AssessEvents(threshold=1.5)


def test_the_recipe_learns_a_separable_feature_and_folds_by_article():
    rows = []
    for article in range(10):
        for i in range(6):
            good = i % 2
            rows.append((f"art{article}", ["bias", f"cue={'news' if good else 'history'}",
                                           f"noise={i % 3}"], good, True, "Arrests"))
    weights = train_assess.fit(rows)
    assert weights["cue=news"] > 0 > weights["cue=history"]
    out_of_fold = train_assess.cross_validate(rows)
    assert ((out_of_fold >= 0.5) == [row[2] == 1 for row in rows]).all()
    assert 0.2 <= train_assess.choose_threshold(rows, out_of_fold) <= 0.8
    # 30 events and 30 non-events of one kind: judged; a kind seen once is not
    rows.append(("art0", ["bias"], 1, True, "Armed clash"))
    assert train_assess.judged_kinds(rows) == {"Arrests": [30, 30]}


def test_the_threshold_keeps_clear_of_the_mentions_on_either_side():
    import numpy as np

    # events score 0.62-0.70, non-events 0.10-0.30: every threshold in the gap is perfect on
    # these rows; the one chosen stays a smoothing window away from both groups, so that a
    # re-training that moves a few probabilities a little does not move the figures much
    rows, probabilities = [], []
    for i in range(50):
        rows.append((f"a{i}", ["bias"], 1, True, "Arrests"))
        probabilities.append(0.62 + 0.08 * i / 49)
        rows.append((f"b{i}", ["bias"], 0, True, "Arrests"))
        probabilities.append(0.10 + 0.20 * i / 49)
    threshold = train_assess.choose_threshold(rows, np.array(probabilities))
    assert 0.30 + train_assess.SMOOTH <= threshold <= 0.62 - train_assess.SMOOTH
    # and it is the middle of the plateau (every threshold in the gap scores the same), not
    # whichever edge a rounding favoured: a re-training moving the best point by noise moves it least
    assert abs(threshold - 0.46) <= 0.02



def test_kinds_the_model_did_not_learn_are_left_to_the_rules(dated_report):
    model = load_model()
    assert "Arrests" in model["judged"]
    assert "Government regains territory" not in model["judged"]
    stage = AssessEvents(threshold=1.0, min_sentences=1, require_anchor=False, background_days=0)
    stage.judged = frozenset()
    assert stage(dataclasses.replace(dated_report, events=list(dated_report.events))).events == (
        dated_report.events)
    # with anchors required, only mentions whose sentence (or paragraph) says when, or whose own
    # sentence says where, are kept
    asserted = next(e for e in dated_report.events if e.modality == "asserted")
    unanchored = dataclasses.replace(asserted, date_text=None, location_source="earlier sentence")
    events = list(dated_report.events) + [unanchored]
    stage.require_anchor = True
    kept = stage(dataclasses.replace(dated_report, events=events)).events
    assert unanchored not in kept
    for event in dated_report.events:
        history = bool(event.event_date and event.event_date < "2020-03")
        anchored = not history and (event.date_text is not None or (
            event.location is not None and event.location_source == "sentence"))
        assert (event in kept) == (anchored or event.modality != "asserted"), event


def test_a_date_years_before_the_report_anchors_history_not_news(dated_report):
    """A rare kind's own date is its anchor only when it is not over a year before publication
    (2021-03-10): "In 2012 soldiers attacked a newspaper office" recalls history."""
    from sitrep.events.assess import anchored

    event = next(e for e in dated_report.events if e.modality == "asserted" and e.date_text)
    published = dated_report.published
    assert anchored(dataclasses.replace(event, event_date="2021-03-08"), published)
    assert not anchored(dataclasses.replace(event, event_date="2012"), published)
    assert not anchored(dataclasses.replace(event, event_date="2017-10"), published)
    # a coarse date counts from the latest day it may mean: "in 2020", "in March 2020"
    assert anchored(dataclasses.replace(event, event_date="2020"), published)
    assert anchored(dataclasses.replace(event, event_date="2020-03"), published)
    assert not anchored(dataclasses.replace(event, event_date="2020-02"), published)
    # without the publication date nothing is judged old
    assert anchored(dataclasses.replace(event, event_date="2012"))


def test_background_dated_by_its_own_words_years_before_is_not_news(dated_report):
    """Issue 11: historical background is not an asserted event of the report ("In 2012
    soldiers attacked a newspaper office"), whatever the model or the anchor rule would say."""
    old = [e for e in dated_report.events if e.modality == "asserted" and e.date_text
           and e.event_date and e.event_date.startswith("2012")]
    assert old, [(e.sub_event_type, e.event_date, e.date_text) for e in dated_report.events]
    stage = AssessEvents(threshold=0.0, min_sentences=1, require_anchor=False, background_days=366)
    kept = stage(dataclasses.replace(dated_report, events=list(dated_report.events))).events
    assert not any(e in kept for e in old)
    assert any(e.event_date and e.event_date.startswith("2021") for e in kept)
    # undated by its own words (the publication date stands in): not judged old
    undated = dataclasses.replace(old[0], date_text=None)
    [kept_undated] = stage(dataclasses.replace(dated_report, events=[undated])).events
    assert kept_undated.trigger == undated.trigger
    stage.background_days = 0  # off
    [kept_old] = stage(dataclasses.replace(dated_report, events=[old[0]])).events
    assert kept_old.trigger == old[0].trigger


def test_whole_article_precision_floor(shared_dir):
    """The measuring set (never trained on): the model must remove false events, keep recall."""
    from sitrep.eval.articles import _system_from_pipeline, load_gold, score

    gold_dir = shared_dir / "data" / "articles"
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is absent")
    figures = score(load_gold(gold_dir), _system_from_pipeline(gold_dir)).ratios()
    # rules alone: precision 0.478, recall 0.681, 1.58 wrong typed events per no-event article;
    # with the model: 0.587, 0.681, 0.84. Recall 0.65: the threshold the recipe picks moves
    # within a plateau the tuning set cannot tell apart (0.33, 0.54, now its middle 0.42: recall
    # 0.702, 0.638, 0.660 here), and one event is 0.021 of this recall
    assert figures["precision"] >= 0.53
    assert figures["recall"] >= 0.65
    # 0.47 (2026-12-06; 0.42 with assess_events.background_days = 366)
    assert figures["wrong_typed_per_no_event_article"] <= 0.6


def test_a_rare_kind_is_judged_only_when_the_model_beats_the_anchor_rule_clearly():
    import numpy as np

    # "Violent demonstration": 10 events and 30 non-events, all anchored (the fallback rule
    # keeps every one); the model separates them: chosen. "Mob violence": the model no better
    # than the rule: left to the rule. A kind with too few events is never compared.
    rows, probabilities = [], []
    for i in range(40):
        rows.append((f"a{i}", ["bias"], int(i < 10), True, "Violent demonstration", True))
        probabilities.append(0.8 if i < 10 else 0.1)
        rows.append((f"b{i}", ["bias"], int(i < 10), True, "Mob violence", i < 10))
        probabilities.append(0.8 if i % 2 else 0.1)
    for i in range(6):
        rows.append((f"c{i}", ["bias"], int(i < 3), True, "Grenade", True))
        probabilities.append(0.8 if i < 3 else 0.1)
    chosen = train_assess.kinds_judged_better(rows, np.array(probabilities), 0.5, {"Arrests"})
    assert list(chosen) == ["Violent demonstration"]
    assert chosen["Violent demonstration"]["model_f_beta"] == 1.0
    assert chosen["Violent demonstration"]["events"] == 10


def test_the_shipped_model_records_why_it_judges_a_rare_kind():
    for kind, about in load_model()["judged"].items():
        if "model_f_beta" in about:
            assert about["model_f_beta"] >= about["anchor_f_beta"] + train_assess.MARGIN, kind


def test_an_armed_clash_needs_an_armed_side_and_no_unarmed_one(dated_report):
    """ACLED's battle is between organised armed groups: "clashes between executives and unions"
    (no armed party) or "gunmen attacked villagers" read as a clash (civilians as a side) are not
    battles an article reports; "the army pushed them back" (the other side a pronoun) may be."""
    from sitrep.events.assess import battle_sides_told
    from sitrep.model import Actor

    anchored_mention = next(e for e in dated_report.events
                            if e.modality == "asserted" and e.date_text)
    clash = dataclasses.replace(anchored_mention, event_type="Battles",
                                sub_event_type="Armed clash", plover_type="ASSAULT")
    army = Actor(0, 4, "army", name="Military Forces of Nigeria", inter=1)
    rebels = Actor(0, 6, "rebels", name="Rebels (Nigeria)", inter=2)
    villagers = Actor(0, 9, "villagers", name="Civilians (Nigeria)", inter=7)
    stage = AssessEvents(min_sentences=1, require_anchor=True, background_days=0)
    assert "Armed clash" not in (stage.judged or ())

    def kept(actor1, actor2) -> bool:
        event = dataclasses.replace(clash, actor1=actor1, actor2=actor2)
        return bool(stage(dataclasses.replace(dated_report, events=[event])).events)

    assert kept(army, rebels) and kept(army, None) and kept(None, rebels)
    assert not kept(None, None) and not kept(rebels, villagers) and not kept(villagers, army)
    # other kinds are not asked for battle sides
    assert battle_sides_told(dataclasses.replace(anchored_mention, actor1=None, actor2=None))


def test_a_date_no_words_of_the_mention_give_is_as_old_as_the_report(dated_report):
    # the story's day standing in for an undated mention (date_events) is no date of its own:
    # the model sees it as it saw the publication date standing in, when it was trained
    features = EventFeatures(dated_report)
    event = next(e for e in dated_report.events if e.modality == "asserted")
    undated = dataclasses.replace(event, event_date="2021-03-07", time_precision=3,
                                  date_text=None)
    assert "age=0" in features.features(undated, dated_report.events)
    own = dataclasses.replace(undated, date_text="Sunday")
    assert "age=1" in features.features(own, dated_report.events)


TERRITORY_ARTICLE = (
    "Army troops recaptured the town of Damboa from Boko Haram fighters on Sunday, the military "
    "said. The town of Gwoza was seized by rebels on Tuesday, officials said. "
    "In a separate incident, soldiers took control of the local council in Gwoza on Tuesday. "
    "Two aid workers were captured by the militants near Bama on Wednesday. "
    "Protesters took over the town hall in Yola on Monday. "
    "Police freed him from the kidnappers' camp near Kano on Friday. "
    "Residents said the situation was calm."
)


def test_territory_taken_needs_a_place_changing_hands_between_armed_actors():
    """ACLED: government forces regain "control of a location" from non-state actors, non-state
    actors acquire territory. A town recaptured or seized is; a council taken control of, aid
    workers captured, a man freed, or a town hall taken over by protesters is not."""
    from sitrep.events.assess import rule_keeps, territory_taken_told

    report = _dated("t", TERRITORY_ARTICLE)
    territory = {report.raw[e.trigger.start:e.trigger.end]: e for e in report.events
                 if e.sub_event_type in ("Government regains territory",
                                         "Non-state actor overtakes territory")}
    assert {"recaptured", "seized", "took control", "took over", "freed"} <= set(territory), \
        territory
    # people captured are no territory: the rules code the aid workers' capture as an abduction
    # (codebook.code_territory); read as territory, the rule still would not keep it
    captured = next(e for e in report.events if e.trigger.text == "captured")
    assert captured.sub_event_type == "Abduction/forced disappearance"
    territory["captured"] = dataclasses.replace(
        captured, event_type="Battles", sub_event_type="Non-state actor overtakes territory")
    told = {word: territory_taken_told(event, report) for word, event in territory.items()}
    assert told == {"recaptured": True, "seized": True, "took control": False,
                    "captured": False, "took over": False, "freed": False}
    stage = AssessEvents(require_anchor=True, background_days=0)
    assert not any(stage.judges(event) for event in territory.values())
    kept = stage(dataclasses.replace(report, events=list(report.events))).events
    kept_words = {report.raw[e.trigger.start:e.trigger.end] for e in kept
                  if e.sub_event_type in ("Government regains territory",
                                          "Non-state actor overtakes territory")}
    assert kept_words == {"recaptured", "seized"}
    # other kinds are not asked what they take
    arrest = next(e for e in report.events if e.sub_event_type not in (
        "Government regains territory", "Non-state actor overtakes territory"))
    assert territory_taken_told(arrest, report) and rule_keeps(territory["recaptured"], report)


MOB_ARTICLE = (
    "An angry mob beat two men accused of theft in Kisumu on Monday, police said. "
    "A journalist was the victim of an attempted lynching in Nakuru on Tuesday. "
    "Villagers lynched a suspected thief in Kitui on Wednesday. "
    "Three people were killed in a clash between party supporters and police in Mombasa on Sunday. "
    "Residents said the situation was calm."
)


def test_mob_violence_needs_the_mob_named():
    """ACLED's mob violence is a crowd's: kept when the sentence names rioters ("an angry mob")
    or the parse names a group acting ("villagers lynched"); not a lynching no one is named for,
    nor people killed with no one named."""
    from sitrep.events.assess import mob_told

    report = _dated("m", MOB_ARTICLE)
    mob = {report.raw[e.trigger.start:e.trigger.end]: e for e in report.events
           if e.sub_event_type == "Mob violence"}
    assert {"mob", "lynching", "lynched", "killed"} <= set(mob), mob
    assert {word: mob_told(event, report) for word, event in mob.items()} == {
        "mob": True, "lynching": False, "lynched": True, "killed": False}
    stage = AssessEvents(require_anchor=True, background_days=0)
    kept = stage(dataclasses.replace(report, events=list(report.events))).events
    assert {report.raw[e.trigger.start:e.trigger.end] for e in kept
            if e.sub_event_type == "Mob violence"} == {"mob", "lynched"}
    # other kinds are not asked for a mob
    assert all(mob_told(event, report) for event in report.events
               if event.sub_event_type != "Mob violence")


AGREEMENT_ARTICLE = (
    "The army signed a ceasefire agreement with the SPLA-IO rebels in Juba on Monday, officials "
    "said. A truce between two rival militias took effect in Bor on Tuesday. "
    "The governor announced an amnesty in Malakal on Wednesday. "
    "Residents said the situation was calm."
)


def test_an_agreement_needs_two_parties():
    """ACLED's agreement is between conflict actors: kept with both sides named, or named
    together after "between"; an amnesty one official announces is not one."""
    from sitrep.events.assess import agreement_parties_told

    report = _dated("g", AGREEMENT_ARTICLE)
    agreements = {report.raw[e.trigger.start:e.trigger.end]: e for e in report.events
                  if e.sub_event_type == "Agreement"}
    assert {"agreement", "truce", "amnesty"} <= set(agreements), agreements
    told = {word: agreement_parties_told(event, report) for word, event in agreements.items()}
    assert told["agreement"] and told["truce"] and not told["amnesty"]
    stage = AssessEvents(require_anchor=True, background_days=0)
    kept = stage(dataclasses.replace(report, events=list(report.events))).events
    assert "amnesty" not in {report.raw[e.trigger.start:e.trigger.end] for e in kept}
    assert {"agreement", "truce"} <= {report.raw[e.trigger.start:e.trigger.end] for e in kept}


GROUP_CHANGE_ARTICLE = (
    "The army declared a state of emergency in Beni on Wednesday, officials said. "
    "A coalition of civil society groups mobilised its members in Goma on Tuesday. "
    "Residents said the situation was calm. Traders reopened their shops."
)


def test_a_change_to_group_activity_is_an_armed_actor_acting():
    """ACLED's change to group/activity is an armed group's or the state forces': kept when such
    an actor acts ("the army declared a state of emergency"); not civil society groups
    mobilising."""
    from sitrep.events.assess import group_change_told

    report = _dated("c", GROUP_CHANGE_ARTICLE)
    changes = {report.raw[e.trigger.start:e.trigger.end]: e for e in report.events
               if e.sub_event_type == "Change to group/activity"}
    assert {"state of emergency", "mobilised"} <= set(changes), changes
    assert {word: group_change_told(event, report) for word, event in changes.items()} == {
        "state of emergency": True, "mobilised": False}
    stage = AssessEvents(require_anchor=True, background_days=0)
    kept = stage(dataclasses.replace(report, events=list(report.events))).events
    assert {report.raw[e.trigger.start:e.trigger.end] for e in kept
            if e.sub_event_type == "Change to group/activity"} == {"state of emergency"}


def _training_folder(folder, annotation: str) -> None:
    (folder / "ann").mkdir(parents=True, exist_ok=True)
    (folder / "ann" / "a1.json").write_text(annotation, encoding="utf-8")
    (folder / "train_dev.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Police arrested two reporters on Monday."}) + "\n" +
        json.dumps({"id": "b2", "text": "Not annotated."}) + "\n", encoding="utf-8")


def test_the_recipe_record_names_its_settings_and_the_data_it_read(tmp_path):
    _training_folder(tmp_path / "one", '{"events": []}')
    _training_folder(tmp_path / "two", '{"events": [{"event_type": "Arrests"}]}')
    one, two = train_assess.recipe(tmp_path / "one"), train_assess.recipe(tmp_path / "two")
    assert one["l2"] == train_assess.L2 and one["beta"] == train_assess.BETA
    assert one["min_support"] == train_assess.MIN_SUPPORT and one["articles"] == 1
    # another annotation is other data; the same files give the same digest
    assert one["data_sha256"] != two["data_sha256"]
    assert one == train_assess.recipe(tmp_path / "one")
    # records of articles that were not annotated are not training data
    extra = tmp_path / "one" / "train_dev.jsonl"
    extra.write_text(extra.read_text(encoding="utf-8") + json.dumps({"id": "c3"}) + "\n",
                     encoding="utf-8")
    assert train_assess.recipe(tmp_path / "one") == one


def _git(*args: str) -> str | None:
    import subprocess

    root = train_assess.MODEL_PATH.resolve().parents[2]
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def test_the_shipped_model_records_the_recipe_data_and_code_that_rebuild_it(shared_dir):
    model = json.loads(train_assess.MODEL_PATH.read_text(encoding="utf-8"))
    # the same settings and the same annotated articles as the recipe reads today ...
    assert model["recipe"] == train_assess.recipe(shared_dir / "data" / "hrdsattack")
    # ... run by committed code: checking it out and running the recipe rebuilds the file
    code = model["code"]
    assert code["modified"] is False and len(code["commit"]) == 40
    if _git("rev-parse", "HEAD") is None:
        pytest.skip("not a git checkout: the commit cannot be looked up")
    assert _git("merge-base", "--is-ancestor", code["commit"], "HEAD") is not None


def test_the_recipe_names_the_commit_it_runs_on():
    head = _git("rev-parse", "HEAD")
    if head is None:
        pytest.skip("not a git checkout")
    assert train_assess.code_state()["commit"] == head


def _rule_kept(text: str, words: str) -> bool:
    from sitrep.events.assess import rule_keeps

    report = _dated("o", text)
    start = report.raw.index(words)
    (event,) = [e for e in report.events if e.event_type and e.modality == "asserted"
                and e.trigger is not None and start <= e.trigger.start < start + len(words)]
    return rule_keeps(event, report)


def test_an_act_placed_in_an_occasion_the_report_told_is_anchored_by_it():
    told = ("Gunmen abducted forty pupils from a school in Zaria on Tuesday.\n\n"
            "The headmaster told reporters that the gunmen raided the school at dawn.\n\n")
    after = "\n\nThe state government has promised an inquiry."
    # the abduction's day and place are the clash's: "during the raid" points back to it
    assert _rule_kept(told + "The gunmen exchanged fire with soldiers during the raid." + after,
                      "exchanged fire")
    # no occasion named: the sentence tells neither when nor where
    assert not _rule_kept(told + "The gunmen exchanged fire with soldiers." + after,
                          "exchanged fire")
    # an occasion no anchored event of the report told
    assert not _rule_kept("Residents said the gunmen arrived in three trucks.\n\n"
                          "The gunmen exchanged fire with soldiers during the raid." + after
                          + "\n\nOfficials gave no figures.", "exchanged fire")


def test_a_hyphenated_trigger_is_read_at_its_head_word():
    # the tokenizer splits "re-arrested" into "re", "-", "arrested": the act is the last part
    report = _dated("re", "Police freed 40 protesters in Yangon on Monday. Hours later the junta "
                          "re-arrested dozens of the people it freed, rights groups said. "
                          "Families gathered outside the prison. Lawyers were not allowed in.")
    (event,) = [e for e in report.events if e.trigger and e.trigger.text == "re-arrested"]
    features = EventFeatures(report).features(event, report.events)
    assert "tlem=arrest" in features and "tlem=re" not in features
    assert "tpos=VERB" in features


def test_a_hyphenated_word_keeps_the_part_its_parse_makes_the_head():
    report = _dated("sit", "Workers staged a sit-in at the factory in Dhaka on Monday. Police "
                           "watched. The owners said nothing. Talks are due on Friday.")
    (event,) = [e for e in report.events if e.trigger and e.trigger.text.startswith("sit")]
    features = EventFeatures(report).features(event, report.events)
    assert "tlem=sit" in features and "tlem=in" not in features


def test_a_kind_left_to_the_rules_is_not_kept_from_a_question():
    # the wh-question takes the clash as given: the report tells it in the first sentence
    report = _dated("ask", "Soldiers clashed with Islamist rebels near Gao on Monday, the army "
                           "said. Why did soldiers clash with Islamist rebels near Gao on Monday? "
                           "Residents fled the town. Shops stayed closed on Tuesday.")
    clashes = [e for e in report.events if e.sub_event_type == "Armed clash"]
    assert [e.trigger.text for e in clashes] == ["clashed", "clash"]
    assert [asked(e, report) for e in clashes] == [False, True]
    judge = AssessEvents()
    assert not any(judge.judges(e) for e in clashes)   # left to the rules, both anchored
    kept = _judged(report).events
    assert [e.trigger.text for e in kept if e.sub_event_type == "Armed clash"] == ["clashed"]
