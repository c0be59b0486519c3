"""The store verbs through `sitrep.cli.main.main([...])` (and once through a real subprocess)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_store_fakes import write_corpus, write_fake_config

from sitrep.cli import store_verbs
from sitrep.cli.main import main
from sitrep.store.export import ACLED_COLUMNS


@pytest.fixture
def setup(tmp_path, db):
    """A corpus, the stand-in pipeline's config and a store (not created yet): every verb is
    tested with --db FILE and with --db postgresql://..."""
    return write_corpus(tmp_path), str(write_fake_config(tmp_path)), db


@pytest.fixture
def filled(setup, capsys):
    corpus, config, db = setup
    main(["--config", config, "run", str(corpus), "--db", db, "--published", "2016-12-13"])
    capsys.readouterr()
    return corpus, config, db


def sitrep(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def usage_status(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    return exit_info.value.code, capsys.readouterr().err


# -- run ------------------------------------------------------------------------------------------
def test_run_summarises_and_exits_1_on_rejections(setup, capsys):
    corpus, config, db = setup
    status, out, _ = sitrep(capsys, "--config", config, "run", str(corpus), "--db", db,
                            "--published", "2016-12-13")
    assert status == 1
    assert "5 report(s) read: 3 analysed" in out
    assert "3 new event(s) stored" in out
    assert "2 rejection(s)" in out and "binary 1" in out and "empty 1" in out


def test_rerun_adds_nothing(filled, capsys):
    corpus, config, db = filled
    status, out, _ = sitrep(capsys, "--config", config, "run", str(corpus), "--db", db)
    assert status == 1  # the same bad files are still bad
    assert "3 already in the store" in out
    assert "0 new event(s)" in out
    status, out, _ = sitrep(capsys, "stats", "--db", db, "--format", "json")
    stats = json.loads(out)
    assert (stats["reports"], stats["events"], stats["rejections"]) == (3, 3, 2)


def test_run_of_good_files_exits_0(setup, capsys):
    corpus, config, db = setup
    status, out, _ = sitrep(capsys, "--config", config, "run", str(corpus / "palmyra.txt"),
                            str(corpus / "nairobi.txt"), "--db", db)
    assert status == 0
    assert "no rejections" in out


def test_strict_fails_the_run_and_stores_nothing(setup, capsys):
    corpus, config, db = setup
    status, out, err = sitrep(capsys, "--config", config, "run", str(corpus), "--db", db,
                              "--strict")
    assert status == 1
    assert "--strict" in err and "nothing from this run was stored" in err
    status, out, _ = sitrep(capsys, "stats", "--db", db, "--format", "json")
    assert json.loads(out)["reports"] == 0


@pytest.mark.parametrize("argv", [
    ["run", "--db", "x.db"],                                  # no PATH
    ["run", "in.txt", "--published", "13/12/2016"],           # bad date
    ["run", "in.txt", "--published", "2016-02-30"],
    ["events", "--since", "yesterday"],
    ["events", "--until", "2016-13-01"],
    ["events", "--modality", "probably"],
    ["events", "--format", "xml"],
    ["show"],                                                 # no EVENT_ID
    ["rejections", "--format", "csv"],
    ["stats", "--format", "yaml"],
    ["export"],                                               # --format is required
    ["export", "--format", "shapefile"],
    ["export", "--format", "jsonl", "--since", "soon"],
])
def test_bad_arguments_are_usage_errors(argv, capsys):
    status, err = usage_status(capsys, *argv)
    assert status == 2
    assert "error:" in err


def test_since_after_until_is_a_usage_error(filled, capsys):
    _, _, db = filled
    status, _, err = sitrep(capsys, "events", "--db", db, "--since", "2020-01-02",
                            "--until", "2020-01-01")
    assert status == 2 and "after" in err


@pytest.mark.parametrize("verb", [["events"], ["show", "e123456"], ["rejections"], ["stats"],
                                  ["export", "--format", "jsonl"]])
def test_reading_verbs_on_a_missing_store_fail_clearly(verb, tmp_path, capsys):
    db = str(tmp_path / "missing.db")
    status, out, err = sitrep(capsys, *verb, "--db", db)
    assert status == 3  # the command failed
    assert "no sitrep store" in err and "sitrep run" in err
    assert not (tmp_path / "missing.db").exists()


# -- events ---------------------------------------------------------------------------------------
def test_events_json_lines_carry_contract_fields_id_and_sources(filled, capsys):
    _, _, db = filled
    status, out, _ = sitrep(capsys, "events", "--db", db, "--format", "json")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2  # asserted only by default: the forecast is left out
    from sitrep.model import CONTRACT_EVENT

    for record in records:
        assert set(record) == {"id", "sources", *CONTRACT_EVENT}
        for source in record["sources"]:
            assert set(source) == {"id", "report_id", "path", "url", "title", "published",
                                   "evidence"}
            assert source["published"] == "2016-12-13"
    status, out, _ = sitrep(capsys, "events", "--db", db, "--format", "json", "--modality", "all")
    assert len(out.splitlines()) == 3


def test_events_filters_table_and_csv(filled, capsys):
    _, _, db = filled
    status, out, _ = sitrep(capsys, "events", "--db", db, "--country", "Kenya")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "date", "type"]
    assert len(lines) == 2 and "Peaceful protest" in lines[1]
    status, out, _ = sitrep(capsys, "events", "--db", db, "--type", "Battles",
                            "--actor", "islamic", "--since", "2016-12-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["sub_event_type"] for row in rows] == ["Non-state actor overtakes territory"]
    assert rows[0]["country"] == "Syria"
    status, out, _ = sitrep(capsys, "events", "--db", db, "--until", "2000-01-01")
    assert out.strip() == "no events match"


# -- show -----------------------------------------------------------------------------------------
def test_show_highlights_evidence_and_lists_sources(filled, capsys):
    _, _, db = filled
    _, out, _ = sitrep(capsys, "events", "--db", db, "--format", "json", "--type", "Battles")
    event_id = json.loads(out)["id"]
    status, out, _ = sitrep(capsys, "show", event_id[:8], "--db", db)
    assert status == 0
    assert event_id in out
    assert "IS fighters [[seized]] the city of Palmyra on Sunday, a monitor said." in out
    assert "palmyra.txt" in out and "Sources (1)" in out
    assert "trigger word 'seized'" in out  # reasons
    assert "\x1b[" not in out  # no ANSI codes when stdout is not a terminal
    status, out, _ = sitrep(capsys, "show", event_id, "--db", db, "--format", "json")
    assert json.loads(out)["reasons"] == ["trigger word 'seized'"]


def test_show_unknown_event_is_a_clear_error(filled, capsys):
    _, _, db = filled
    status, _, err = sitrep(capsys, "show", "e00000000000", "--db", db)
    assert status == 3
    assert "no event with id" in err and "sitrep events" in err


def test_evidence_is_bold_in_a_terminal(filled):
    from sitrep import api

    _, _, db = filled
    (stored,) = api.events(db, event_type="Battles")
    _, report = api.show(stored.id, db)
    (line,) = store_verbs.highlight_evidence(report, stored.event, bold=True)
    assert "\x1b[1mseized\x1b[0m" in line


# -- rejections, stats ----------------------------------------------------------------------------
def test_rejections_table_and_json(filled, capsys):
    corpus, _, db = filled
    status, out, _ = sitrep(capsys, "rejections", "--db", db, "--format", "json")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert {record["code"] for record in records} == {"binary", "empty"}
    for record in records:
        assert set(record) == {"path", "line", "code", "message"}
        assert record["path"].startswith(str(corpus))
    status, out, _ = sitrep(capsys, "rejections", "--db", db)
    assert "binary" in out and "empty.txt" in out


def test_stats_table_is_a_readable_summary(filled, capsys):
    _, _, db = filled
    status, out, _ = sitrep(capsys, "stats", "--db", db)
    assert status == 0
    assert "Asserted events by ACLED type" in out and "Battles" in out
    assert "Non-state actor overtakes territory" in out
    assert "Asserted events by country" in out and "Kenya" in out
    assert "Rejections by reason" in out and "binary.txt" in out
    status, out, _ = sitrep(capsys, "stats", "--db", db, "--modality", "all")
    assert "Armed clash" in out  # the forecast counts among all modalities


# -- export ---------------------------------------------------------------------------------------
def test_export_acled_csv_has_acleds_columns(filled, tmp_path, capsys):
    _, _, db = filled
    out_file = tmp_path / "events.csv"
    status, _, err = sitrep(capsys, "export", "--format", "acled-csv", "--db", db,
                            "--out", str(out_file))
    assert status == 0 and "2 event(s) written" in err
    with open(out_file, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    by_type = {row["sub_event_type"]: row for row in rows}
    battle = by_type["Non-state actor overtakes territory"]
    assert battle["event_type"] == "Battles"
    assert battle["disorder_type"] == "Political violence"
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == ("2", "1", "12")
    assert (battle["iso"], battle["country"], battle["location"]) == ("760", "Syria", "Palmyra")
    assert (battle["year"], battle["event_date"]) == ("2016", "2016-12-13")
    assert battle["fatalities"] == "0"  # ACLED writes 0 when none are reported
    assert battle["region"] == "Middle East"
    assert battle["source"]  # the publisher, the site, or else the user's document id
    protest = by_type["Peaceful protest"]
    assert protest["disorder_type"] == "Demonstrations" and protest["interaction"] == "60"


def test_export_jsonl_and_geojson_parse(filled, capsys):
    _, _, db = filled
    status, out, _ = sitrep(capsys, "export", "--format", "jsonl", "--db", db)
    assert status == 0
    assert len([json.loads(line) for line in out.splitlines()]) == 2
    status, out, _ = sitrep(capsys, "export", "--format", "geojson", "--db", db,
                            "--modality", "all")
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 3
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert (lat, lon) == (feature["properties"]["location"]["lat"],
                              feature["properties"]["location"]["lon"])
        assert feature["properties"]["id"] == feature["id"]


def test_empty_store_exports_valid_empty_files(tmp_path, capsys):
    from sitrep.store import Store

    db = str(tmp_path / "empty.db")
    Store(db).close()
    _, out, _ = sitrep(capsys, "export", "--format", "geojson", "--db", db)
    assert json.loads(out) == {"type": "FeatureCollection", "features": []}
    _, out, _ = sitrep(capsys, "export", "--format", "acled-csv", "--db", db)
    assert out.strip().split(",") == list(ACLED_COLUMNS)
    _, out, _ = sitrep(capsys, "events", "--db", db)
    assert out.strip() == "no events match"
    _, out, _ = sitrep(capsys, "rejections", "--db", db)
    assert out.strip() == "no rejections"


# -- through a real process, as a user runs it --------------------------------------------------
def test_subprocess_run_then_stats(tmp_path):
    corpus = write_corpus(tmp_path)
    config = tmp_path / "bare.toml"
    config.write_text("[pipeline]\nstages = []\n", encoding="utf-8")  # no stage: no models needed
    db = tmp_path / "sub.db"
    command = [sys.executable, "-m", "sitrep", "--config", str(config)]
    done = subprocess.run([*command, "run", str(corpus), "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the corpus has two bad files
    assert "5 report(s) read" in done.stdout
    assert done.stderr == ""  # no progress line when stderr is not a terminal
    done = subprocess.run([*command, "stats", "--db", str(db), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rejections_by_code"] == {"binary": 1, "empty": 1}


def test_run_into_something_that_is_not_a_store_fails_clearly(setup, tmp_path, capsys):
    corpus, config, _ = setup
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    status, _, err = sitrep(capsys, "--config", config, "run", str(corpus), "--db", str(junk))
    assert status == 3
    assert "cannot open the store" in err
    # a folder is a usage error for the verb in use, before anything is read
    status, err = usage_status(capsys, "--config", config, "run", str(corpus), "--db",
                               str(tmp_path))
    assert status == 2 and err.startswith("sitrep run: error:") and "is a folder" in err


def test_run_of_a_missing_path_is_a_usage_error(setup, tmp_path, capsys):
    _, config, db = setup
    status, err = usage_status(capsys, "--config", config, "run", str(tmp_path / "nowhere.txt"),
                               "--db", db)
    assert status == 2 and "no such file or folder" in err and "nowhere.txt" in err
    assert not Path(db).exists()  # no store created for a command that cannot run


def test_readme_store_commands_parse(tmp_path, monkeypatch):
    """The README's examples of the store verbs are valid commands (docs must not drift)."""
    import shlex

    from sitrep.cli.main import build_parser

    monkeypatch.chdir(tmp_path)  # the inputs the examples name, so that PATH checks pass
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Rebels attacked Kidal.", encoding="utf-8")

    readme = Path(__file__).resolve().parent.parent / "README.md"
    if not readme.is_file():
        pytest.skip("no README.md")
    verbs = {"run", "events", "show", "rejections", "stats", "export", "doctor"}
    parser = build_parser()
    checked = 0
    for line in readme.read_text(encoding="utf-8").splitlines():
        words = shlex.split(line.split("#", 1)[0]) if line.startswith("sitrep ") else []
        if len(words) > 1 and words[1] in verbs:
            args = parser.parse_args(words[1:])
            assert callable(args.handler), line
            checked += 1
    assert checked >= len(verbs)


def test_export_to_an_unwritable_place_fails_clearly(filled, tmp_path, capsys):
    _, _, db = filled
    status, err = usage_status(capsys, "export", "--format", "jsonl", "--db", db,
                               "--out", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert status == 2 and "does not exist" in err and err.startswith("sitrep export: error:")


def test_whole_sentence_evidence_marks_its_trigger():
    from sitrep.model import Event, Sentence, Span

    raw = "First line. IS fighters seized the city on Sunday. Then more."
    report = __import__("test_store_fakes").report(raw)
    report.sentences = [Sentence(0, 11, raw[0:11], 0, 11), Sentence(12, 50, raw[12:50], 12, 50),
                        Sentence(51, 61, raw[51:61], 51, 61)]
    sentence = Span(12, 50, raw[12:50])
    trigger = Span(24, 30, "seized")
    event = Event("Battles", "Armed clash", "ASSAULT", evidence=(sentence,), trigger=trigger)
    assert store_verbs.highlight_evidence(report, event, bold=False) == [
        "IS fighters [[seized]] the city on Sunday."]
    untriggered = Event("Battles", "Armed clash", "ASSAULT", evidence=(sentence,))
    assert store_verbs.highlight_evidence(report, untriggered, bold=False) == [
        "[[IS fighters seized the city on Sunday.]]"]
    partial = Event("Battles", "Armed clash", "ASSAULT", evidence=(Span(0, 5, "First"),))
    assert store_verbs.highlight_evidence(report, partial, bold=False) == ["[[First]] line."]
