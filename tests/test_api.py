"""The Python API mirrors the CLI verbs; doctor; the progress line."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from test_store_fakes import fake_config, write_corpus

from sitrep import api
from sitrep.cli.progress import InputTotals, Progress, count_inputs
from sitrep.errors import StoreError, UsageError
from sitrep.store.run import RunSummary, StrictRunFailed


@pytest.fixture
def db(tmp_path):
    corpus = write_corpus(tmp_path)
    path = tmp_path / "api.db"
    summary = api.run([corpus], path, published=date(2016, 12, 13), config=fake_config())
    assert isinstance(summary, RunSummary)
    assert (summary.read, summary.analysed, summary.events) == (5, 3, 3)
    assert summary.rejected == {"binary": 1, "empty": 1}
    return path


def test_public_surface_mirrors_the_verbs():
    assert {"extract", "run", "events", "show", "rejections", "stats", "export",
            "doctor"} <= set(api.__all__)
    for name in api.__all__:
        assert hasattr(api, name), name


def test_extract_analyses_without_storing(tmp_path):
    corpus = write_corpus(tmp_path)
    reports = list(api.extract([corpus / "palmyra.txt", corpus / "empty.txt"],
                               published=date(2016, 12, 13), config=fake_config()))
    assert [bool(r.rejection) for r in reports] == [False, True]
    assert reports[0].events[0].sub_event_type == "Non-state actor overtakes territory"
    assert not list(tmp_path.glob("*.db"))


def test_run_twice_adds_nothing(db, tmp_path):
    again = api.run([tmp_path / "corpus"], db, config=fake_config())
    assert (again.stored, again.events, again.already_stored) == (0, 0, 3)


def test_strict_run_raises(tmp_path):
    corpus = write_corpus(tmp_path)
    with pytest.raises(StrictRunFailed):
        api.run([corpus], tmp_path / "strict.db", strict=True, config=fake_config())
    assert api.stats(tmp_path / "strict.db").reports == 0


def test_events_show_rejections_stats(db):
    battles = api.events(db, event_type="battles")
    assert [s.event.sub_event_type for s in battles] == ["Non-state actor overtakes territory"]
    assert len(api.events(db, modality="all")) == 3
    assert len(api.events(db, modality=None)) == 3
    assert api.events(db, country="Syria", since=date(2017, 1, 1)) == []
    stored, report = api.show(battles[0].id[:9], db)
    assert stored == battles[0]
    assert report.raw[stored.event.evidence[0].start:stored.event.evidence[0].end] == "seized"
    assert {r.code for r in api.rejections(db)} == {"binary", "empty"}
    assert [r.code for r in api.rejections(db, code="empty")] == ["empty"]
    stats = api.stats(db)
    assert (stats.reports, stats.events, stats.rejections) == (3, 3, 2)
    assert stats.events_by_country == {"Kenya": 1, "Syria": 1}


def test_bad_calls_are_usage_errors(db):
    with pytest.raises(UsageError):
        api.events(db, since="2016-01-01")  # a string, not a date
    with pytest.raises(UsageError):
        api.events(db, modality="maybe")
    with pytest.raises(UsageError):
        api.export(db, "xlsx", io.StringIO())
    with pytest.raises(StoreError):
        api.show("e0000000", db)
    with pytest.raises(StoreError):
        api.stats(db.parent / "absent.db")


def test_export_to_a_path_or_an_open_file(db, tmp_path):
    buffer = io.StringIO()
    assert api.export(db, "acled-csv", buffer, country="Kenya") == 1
    (row,) = csv.DictReader(io.StringIO(buffer.getvalue()))
    assert row["country"] == "Kenya"
    path = tmp_path / "events.geojson"
    assert api.export(db, "geojson", path, modality="all") == 3
    assert len(json.loads(path.read_text(encoding="utf-8"))["features"]) == 3


def test_doctor_reports_each_check_with_a_fix(db):
    checks = api.doctor(db)
    names = [check.name for check in checks]
    assert names[0] == "python" and "store" in names and "gazetteer" in names
    store_check = next(check for check in checks if check.name == "store")
    assert store_check.ok and "3 reports" in store_check.message
    for check in checks:
        assert check.ok or check.fix, check  # whatever is missing says how to fix it


def test_doctor_cli_exit_status_matches_checks(db, capsys):
    from sitrep.cli.main import main

    status = main(["doctor", "--db", str(db), "--format", "json"])
    checks = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == (0 if all(check["ok"] for check in checks) else 1)


def test_doctor_flags_a_damaged_store(tmp_path):
    from sitrep.doctor import check_store

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 200)
    check = check_store(junk)
    assert not check.ok and "rebuild" in check.fix
    assert check_store(tmp_path / "none.db").ok  # not there yet is fine: run creates it


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_quiet_off_a_terminal_and_short_runs():
    quiet = io.StringIO()
    progress = Progress(InputTotals(300, 3), quiet)
    progress(RunSummary(read=1))
    progress.close()
    assert quiet.getvalue() == ""
    terminal = FakeTerminal()
    short = Progress(InputTotals(300, 3), terminal)  # enabled, but nothing shows during the first second
    short(RunSummary(read=1))
    short.close()
    assert terminal.getvalue() == ""


def test_progress_counts_documents_not_files(tmp_path):
    # issue 18: one JSONL file of many articles was "1/1 files", full from the start
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(f'{{"id": "{n}", "text": "Rebels attacked Kidal."}}\n'
                                for n in range(40)), encoding="utf-8")
    totals = count_inputs([str(articles)])
    assert totals.documents == 40 and totals.bytes == articles.stat().st_size
    terminal = FakeTerminal()
    progress = Progress(totals, terminal, delay=0)

    class Seen:
        path = str(articles)
        raw = "Rebels attacked Kidal."

    progress(RunSummary(read=10, analysed=10, events=5), Seen())
    line = terminal.getvalue()
    assert "10/40 documents" in line and "MB" in line and "5 events" in line
    assert "[######.................." in line      # a quarter of the bar, not all of it
    progress.close()
    assert terminal.getvalue().endswith("\r\x1b[K")


def test_progress_follows_bytes_where_documents_are_not_counted(tmp_path):
    archive = tmp_path / "news.tar.gz"
    archive.write_bytes(b"x" * 4 * 1024 ** 2)
    totals = count_inputs([str(archive)])
    assert totals.documents is None and totals.bytes == 4 * 1024 ** 2
    terminal = FakeTerminal()
    progress = Progress(totals, terminal, delay=0)

    class Member:
        path = f"{archive}!a.txt"
        raw = "y" * 1024 ** 2

    progress(RunSummary(read=1, analysed=1), Member())
    assert "1.0/4.0 MB" in terminal.getvalue()


def test_count_inputs(tmp_path):
    corpus = write_corpus(tmp_path)
    assert count_inputs([str(corpus)]).documents == 5
    assert count_inputs([str(corpus / "empty.txt"), str(corpus)]).documents == 6
    assert count_inputs(["-"]) is None
