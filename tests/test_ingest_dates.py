"""Every date read from an input is validated, and one that cannot be used says why (issue 18):
a JSONL "published" of "04/03/2024" was ignored without a word. A dateline's date is the
reference date when the input gives none."""

from __future__ import annotations

import json
from datetime import date

import pytest
from test_store_fakes import write_fake_config

from sitrep.clean.stage import Clean
from sitrep.cli.main import main
from sitrep.ingest import ReadOptions, read_inputs
from sitrep.ingest.dates import read_date
from sitrep.model import Report


@pytest.mark.parametrize("value, why", [
    ("04/03/2024", "ambiguous day and month order"),
    ("2024-02-30", "no such day"),
    ("3024-01-01", "in the future"),
    ("0001-01-01", "before 1900"),
    ("December 2016", "no day"),
    ("Monday", "no year"),
    ("soon", "no year"),
    (12, "not a Unix time"),
    ([2024, 3, 4], "a list, not a date"),
])
def test_an_unusable_date_says_why(value, why):
    day, reason = read_date(value)
    assert day is None and why in reason


@pytest.mark.parametrize("value, day", [
    ("2024-03-04", date(2024, 3, 4)), ("2024-03-04T10:00:00Z", date(2024, 3, 4)),
    ("Mon, 04 Mar 2024 10:00:00 GMT", date(2024, 3, 4)), ("25/03/2024", date(2024, 3, 25)),
    (1709546400, date(2024, 3, 4)), ("1709546400", date(2024, 3, 4)),
])
def test_good_dates_are_read(value, day):
    assert read_date(value) == (day, None)


def test_no_value_is_not_a_warning():
    assert read_date(None) == (None, None) and read_date("  ") == (None, None)


def test_a_record_with_a_bad_date_is_analysed_and_the_reason_recorded(tmp_path, capsys):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "kano-1", "text": "Gunmen attacked a market in Kano.",
                                "published": "04/03/2024"}) + "\n", encoding="utf-8")
    [report] = list(read_inputs([str(path)], ReadOptions()))
    assert report.ok and report.published is None
    assert report.warnings and "ambiguous" in report.warnings[0]
    assert Report.from_dict(report.to_dict()).warnings == report.warnings   # stored with it
    # the command says so on stderr, naming the document
    config = write_fake_config(tmp_path)
    assert main(["--config", str(config), "extract", str(path)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "kano-1" in err and "04/03/2024" in err


def test_published_on_the_command_line_must_be_plausible(capsys):
    for value in ("2999-01-01", "1000-01-01"):
        with pytest.raises(SystemExit) as exit_info:
            main(["extract", "-", "--published", value])
        assert exit_info.value.code == 2
        assert "not a publication date" in capsys.readouterr().err


@pytest.mark.parametrize("opening", ["Kano, March 4, 2024 — ", "KANO, March 4, 2024 — ",
                                     "KANO, Nigeria, 4 March 2024 - "])
def test_a_dateline_date_is_the_reference_date(opening):
    report = Clean()(Report(id="d", raw=opening + "Gunmen attacked worshippers on Sunday night."))
    assert (report.published, report.published_source) == (date(2024, 3, 4), "dateline")


def test_a_sentence_is_not_a_dateline():
    report = Clean()(Report(id="d", raw="Officials, March 4 - nobody knows.\nMore text."))
    assert report.published is None


def test_extract_prints_the_same_through_workers(tmp_path, capsys):
    # with --workers each worker renders what the command prints (lines, warnings, rejections)
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "kano-1", "text": "Gunmen attacked a market in Kano.",
                                "published": "04/03/2024"}) + "\n"
                    + json.dumps({"id": "empty", "text": ""}) + "\n"
                    + json.dumps({"id": "jos-2", "text": "Troops fired on a crowd in Jos."})
                    + "\n", encoding="utf-8")
    config = write_fake_config(tmp_path)
    printed = []
    for workers in ("1", "2"):
        assert main(["--config", str(config), "extract", str(path), "--workers", workers]) == 1
        printed.append(capsys.readouterr())
    assert printed[0] == printed[1]
    out, err = printed[0]
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["kano-1", "empty", "jos-2"]
    assert "kano-1" in err and "04/03/2024" in err
    assert main(["--config", str(config), "extract", str(path), "--workers", "2", "--format",
                 "table", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert "kano-1: " in out and "--strict: empty rejected" in err
