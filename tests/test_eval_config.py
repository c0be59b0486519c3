"""`sitrep --config FILE eval ...` scores the pipeline that FILE configures, not the default one
(a re-trained assessment model or a changed stage option is measured by passing it)."""

from __future__ import annotations

import json

import pytest

from sitrep.cli.main import main

ARTICLE = {"id": "a", "title": "t", "published": "2021-03-10",
           "text": "Police arrested a reporter in Lagos on Monday. He was freed on Tuesday."}
ACLED_ROW = {"EVENT_ID_CNTY": "X1", "EVENT_DATE": "01-March-2015", "TIME_PRECISION": "1",
             "EVENT_TYPE": "Riots/Protests", "ACTOR1": "Protesters (India)", "INTER1": "6",
             "ACTOR2": "", "INTER2": "0", "LOCATION": "Delhi", "LATITUDE": "28.6",
             "LONGITUDE": "77.2", "GEO_PRECISION": "1", "FATALITIES": "0",
             "NOTES": "On 1 March, students protested in Delhi against fee increases."}


def _gold(tmp_path, kind: str) -> list[str]:
    """The arguments of `sitrep eval KIND` on a one-document gold set written in tmp_path."""
    if kind == "articles":
        (tmp_path / "articles.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
        (tmp_path / "ann").mkdir()
        (tmp_path / "ann" / "a.json").write_text(json.dumps({"id": "a", "events": []}))
        return ["--gold", str(tmp_path)]
    if kind == "merge":
        (tmp_path / "articles.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
        for name in ("incidents.json", "distractors.json", "hard_negatives.json"):
            (tmp_path / name).write_text("[]", encoding="utf-8")
        return ["--gold", str(tmp_path)]
    if kind == "acled":
        path = tmp_path / "notes.csv"
        path.write_text(",".join(ACLED_ROW) + "\n" + ",".join(
            f'"{value}"' for value in ACLED_ROW.values()) + "\n", encoding="utf-8")
        return ["--notes", str(path)]
    path = tmp_path / "case.tsv"
    path.write_text("1\tPolice arrested a reporter in Lagos.\tARREST\n", encoding="utf-8")
    return ["--case", str(path)]


@pytest.mark.parametrize("kind", ["articles", "merge", "acled", "events"])
def test_eval_builds_the_pipeline_of_the_config_given_before_the_verb(tmp_path, capsys, kind):
    # a model file that does not exist: the evaluation fails, naming it, only if it reads the
    # config (the default pipeline would run and score)
    missing = tmp_path / "no-such-assess-model.json"
    config = tmp_path / "sitrep.toml"
    config.write_text(f'[stage.assess_events]\nmodel = "{missing.as_posix()}"\n', encoding="utf-8")
    gold = _gold(tmp_path / "gold", kind) if (tmp_path / "gold").mkdir() is None else []
    assert main(["--config", str(config), "eval", kind, *gold]) == 2
    assert "no-such-assess-model.json" in capsys.readouterr().err
