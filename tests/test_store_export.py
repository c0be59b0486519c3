"""Exports as a new user meets them (issue 18, and issue 16's formula cells): ACLED's columns
filled the way ACLED fills them, the user's own document ids kept, events a format cannot hold
counted on stderr, and no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date

import pytest

from sitrep.cli.main import main
from sitrep.model import Actor, Event, Place, Report, Span
from sitrep.store import EventQuery, Store
from sitrep.store.export import acled_region, write_export
from sitrep.store.formats import spreadsheet_safe

KANO = Place(0, 0, "Kano", name="Kano", geonameid=2335204, lat=12.0, lon=8.52, country="Nigeria",
             iso3="NGA", admin1="Kano", feature_code="PPLA", geo_precision=1)


def _event(raw: str, word: str, kind, sub_kind, plover, actor2=None, fatalities=None,
           modality="asserted") -> Event:
    start = raw.index(word)
    span = Span(start, start + len(word), raw[start:start + len(word)])
    return Event(kind, sub_kind, plover, actor1=Actor(0, 0, "", name="Unidentified Armed Group "
                                                                  "(Nigeria)", inter=3),
                 actor2=actor2, location=KANO, event_date="2024-03-03", time_precision=1,
                 fatalities=fatalities, modality=modality, evidence=(span,), trigger=span,
                 confidence=0.9)


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "export.db")
    raw = ("=HYPERLINK(\"http://x\") Gunmen bombed a market in Kano. Officials met in Abuja. "
           "Gunmen abducted villagers.")
    civilians = Actor(0, 0, "", name="Civilians (Nigeria)", inter=7)
    events = [
        # an explosion whose target is civilians: ACLED marks civilian targeting
        _event(raw, "=HYPERLINK", "Explosions/Remote violence", "Remote explosive/landmine/IED",
               "ASSAULT", actor2=civilians),
        _event(raw, "met", None, None, "CONSULT"),       # PLOVER-only: no ACLED row
        _event(raw, "abducted", "Violence against civilians", "Abduction/forced disappearance",
               "ASSAULT", fatalities=None),
    ]
    with Store(path) as store, store.transaction():
        # no publisher, no url: the user's own id is all the provenance there is
        report_id = store.add_report(Report(id="kano-0304", raw=raw, path="in.jsonl", record=3,
                                            published=date(2024, 3, 4)))
        store.add_events(report_id, events)
        other = store.add_report(Report(id="abuja-1", raw="Other text. Gunmen abducted people.",
                                        publisher="@Daily Wire", published=date(2024, 3, 5)))
        store.add_events(other, [_event("Other text. Gunmen abducted people.", "abducted",
                                        "Violence against civilians",
                                        "Abduction/forced disappearance", "ASSAULT")])
    return path


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_acled_columns_are_filled_as_acled_fills_them(db, capsys):
    assert main(["export", "--format", "acled-csv", "--db", db]) == 0
    out, err = capsys.readouterr()
    rows = _rows(out)
    assert len(rows) == 3
    for row in rows:
        assert row["region"] == "Western Africa"
        assert row["fatalities"] == "0"               # none reported: ACLED writes 0
        assert row["civilian_targeting"] == "Civilian targeting"   # both kinds of attack
        assert row["source"]                          # never an empty provenance
    sources = {row["source"] for row in rows}
    assert "kano-0304" in sources                     # the user's id when nothing else is known
    # the one PLOVER-only event is not silently dropped: stderr says how many and why
    assert "1 matching event(s) not written" in err and "no ACLED event type" in err


def test_no_csv_cell_starts_a_formula(db, capsys):
    main(["export", "--format", "acled-csv", "--db", db])
    rows = _rows(capsys.readouterr()[0])
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    assert any(row["notes"].startswith("'=HYPERLINK") for row in rows)
    assert any(row["source"] == "'@Daily Wire" for row in rows)
    main(["events", "--db", db, "--format", "csv"])
    for row in _rows(capsys.readouterr()[0]):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


@pytest.mark.parametrize("value, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("Kano", "Kano"), (-3.5, -3.5), (None, None), ("", ""),
])
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe


def test_regions_come_from_the_country():
    assert acled_region("SYR") == "Middle East"
    assert acled_region("UKR") == "Europe"
    assert acled_region("MMR") == "Southeast Asia"
    assert acled_region(None) == "" and acled_region("XXX") == ""


def test_write_export_counts_what_a_format_cannot_hold(db):
    skipped: Counter = Counter()
    with Store(db) as store:
        written = write_export(store, "acled-csv", io.StringIO(), EventQuery(), skipped)
        assert written == 3 and sum(skipped.values()) == 1
        skipped.clear()
        assert write_export(store, "jsonl", io.StringIO(), EventQuery(), skipped) == 4
        assert not skipped


def test_the_users_document_id_reaches_every_output(db, capsys):
    main(["events", "--db", db, "--format", "json"])
    records = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
    assert {source["id"] for record in records for source in record["sources"]} == {
        "kano-0304", "abuja-1"}
    # --doc: the events one document reported, by the id the user gave it
    main(["events", "--db", db, "--format", "json", "--doc", "kano-0304", "--modality", "all"])
    records = [json.loads(line) for line in capsys.readouterr()[0].splitlines()]
    assert len(records) == 3
    assert all(s["id"] == "kano-0304" for record in records for s in record["sources"])
    main(["events", "--db", db, "--doc", "no-such-doc"])
    assert capsys.readouterr()[0].strip() == "no events match"
    # sitrep show names the source by the user's id
    event_id = records[0]["id"]
    main(["show", event_id, "--db", db])
    assert "kano-0304" in capsys.readouterr()[0]
    main(["export", "--format", "jsonl", "--db", db, "--doc", "abuja-1"])
    assert len(capsys.readouterr()[0].splitlines()) == 1
