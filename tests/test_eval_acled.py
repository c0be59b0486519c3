"""`sitrep eval acled`: the scoring arithmetic on a hand-made notes file, and the real dev notes
(../shared/data/acled-notes) when present, checked against the set's own reference scorer."""

from __future__ import annotations

import csv
import importlib.util
import json

import pytest

from sitrep.cli.main import main
from sitrep.eval import acled

_HEADER = ["EVENT_ID_CNTY", "EVENT_DATE", "TIME_PRECISION", "EVENT_TYPE", "ACTOR1", "ALLY_ACTOR_1",
           "INTER1", "ACTOR2", "ALLY_ACTOR_2", "INTER2", "INTERACTION", "COUNTRY", "ADMIN1",
           "ADMIN2", "LOCATION", "LATITUDE", "LONGITUDE", "GEO_PRECISION", "SOURCE", "NOTES",
           "FATALITIES"]


def _row(ident, date, kind, actor1, inter1, actor2, inter2, location, lat, lon, notes,
         fatalities="0", ally1="", precision="1"):
    return dict(zip(_HEADER, [ident, date, "1", kind, actor1, ally1, inter1, actor2, "", inter2,
                              "", "Testland", "", "", location, lat, lon, precision, "", notes,
                              fatalities]))


def _write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_HEADER)
        writer.writeheader()
        writer.writerows(rows)


def _actor(name, inter):
    return {"name": name, "inter": inter}


def test_scoring_arithmetic(tmp_path):
    path = tmp_path / "notes.csv"
    _write(path, [
        _row("1X", "05-January-2015", "Riots/Protests", "Protesters (India)", "6", "", "0",
             "Delhi", "28.61", "77.21", "Students protested in Delhi.", ally1="ABVP"),
        _row("2X", "06-January-2015", "Violence against civilians",
             "Unidentified Armed Group (India)", "3", "Civilians (India)", "7", "Imphal",
             "24.81", "93.94", "Gunmen shot dead two villagers.", fatalities="2"),
        _row("3X", "07-January-2015", "Remote violence", "Military Forces of India (2014-)", "1",
             "", "0", "Nowhere", "10.0", "10.0", "Shelling was reported.", precision="2"),
        _row("4X", "08-January-2015", "Battle-No change of territory", "Police Forces of India",
             "1", "Maoists", "2", "Bastar", "19.1", "81.95", "A clash.", fatalities="1"),
    ])
    rows, skipped = acled.read_notes(path)
    assert len(rows) == 4 and not skipped
    records = {
        "1X": {"events": [
            {"event_type": "Protests", "modality": "asserted", "confidence": 0.9,
             "actor1": _actor("Protesters (India)", 6), "actor2": None,
             "assoc_actor1": [_actor("abvp", 3)], "location": {"lat": 28.65, "lon": 77.23},
             "event_date": "2015-01-05", "fatalities": None},
            {"event_type": "Battles", "modality": "hypothetical", "confidence": 0.99}]},
        "2X": {"events": [
            {"event_type": "Violence against civilians", "modality": "asserted",
             "confidence": 0.8, "actor1": _actor("Unidentified Armed Group (India)", 3),
             "actor2": _actor("Civilians (India)", 7), "location": {"lat": 25.5, "lon": 93.94},
             "event_date": "2015-01-08", "fatalities": 2}]},
        "3X": {"events": [
            {"event_type": "Explosions/Remote violence", "modality": "asserted",
             "confidence": 0.7, "actor1": _actor("Military Forces of India", 1),
             "location": {"lat": 10.3, "lon": 10.0}, "event_date": "2015-01-06",
             "fatalities": 0}]},
        # 4X: no event at all
    }
    result = acled.score(rows, records)
    assert result["notes"] == 4
    assert result["event_type"] == 3 / 4
    assert result["actor_type_pair"] == 3 / 4                # 1X {6}, 2X {3, 7}, 3X {1}
    assert result["actor1_name"] == 3 / 4                    # 3X matches with the period ignored
    assert result["actor1_name_exact"] == 2 / 4
    assert result["actor2_name"] == 1 / 2                    # 2X right, 4X no event
    assert result["assoc_actors"] == 1.0 and result["assoc_total"] == 1
    # 1X 4.9 km (precision 1, <= 25); 2X 77 km away; 3X 33 km, precision 2 (<= 50)
    assert result["place"] == 2 / 4
    assert result["notes_naming_place"] == 1 and result["place_of_named"] == 1.0
    # 1X same day, 2X two days off, 3X one day off; 4X has no event (not counted)
    assert result["day"] == 2 / 3
    assert result["fatalities"] == 3 / 4                     # None counts as 0 on 1X
    # the one type miss, by class: 4X has no event
    assert result["type_confusion"] == {("Battle-No change of territory", "no event"): 1}
    # actor1 misses by class: 2X and 1X are right, 3X's period is ignored; 4X has no event
    assert result["actor1_misses"] == {}


def test_actor1_misses_are_counted_by_the_shape_of_the_names():
    assert acled.actor_shape("Police Forces of India (2014-)") == "Police Forces of X"
    assert acled.actor_shape("Unidentified Armed Group (Nepal)") == "Unidentified Armed Group (X)"
    assert acled.actor_shape("Unidentified Communal Militia (India)") == \
        "Unidentified Communal Militia (X)"
    assert acled.actor_shape("TTP: Tehreek-i-Taliban Pakistan") == "named"
    assert acled.actor_shape(None) == "none"
    protesters = {"name": None, "inter": 6}
    assert acled._actor1_miss(protesters, "Protesters (India)") == (
        "Protesters (X)", "inter 6, no name (no country)")
    assert acled._actor1_miss({"name": "Protesters (Nepal)", "inter": 6},
                              "Protesters (India)") == ("Protesters (X)",
                                                        "same shape, other country")
    assert acled._actor1_miss({"name": "Unidentified Armed Group (India)", "inter": 3},
                              "Rioters (India)") == ("Rioters (X)", "Unidentified Armed Group (X)")
    assert acled._actor1_miss(None, "Rioters (India)") == ("Rioters (X)", "none")


def test_bad_rows_are_left_out_with_a_reason(tmp_path):
    path = tmp_path / "notes.csv"
    _write(path, [
        _row("1X", "2015-01-05", "Riots/Protests", "Protesters (India)", "6", "", "0",
             "Delhi", "28.61", "77.21", "A protest."),
        _row("2X", "05-January-2015", "Riots/Protests", "Protesters (India)", "6", "", "0",
             "Delhi", "28.61", "77.21", "   "),
        _row("3X", "05-January-2015", "Riots/Protests", "Protesters (India)", "6", "", "0",
             "Delhi", "north", "77.21", "A protest."),
    ])
    rows, skipped = acled.read_notes(path)
    assert rows == []
    assert sum(skipped.values()) == 3 and len(skipped) == 3


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00binary\x00", b"id,text\n1,hello\n"])
def test_a_file_that_is_not_notes_is_a_usage_error(tmp_path, content):
    path = tmp_path / "notes.csv"
    path.write_bytes(content)
    assert main(["eval", "acled", "--notes", str(path)]) == 2
    assert main(["eval", "acled", "--notes", str(tmp_path / "missing.csv")]) == 2


def test_prints_the_figures(tmp_path, capsys):
    path = tmp_path / "notes.csv"
    _write(path, [_row("1X", "05-January-2015", "Violence against civilians",
                       "Unidentified Armed Group (Pakistan)", "3", "Civilians (Pakistan)", "7",
                       "Quetta", "30.19", "67.01",
                       "Unidentified gunmen shot dead two people in Quetta.", fatalities="2")])
    assert main(["eval", "acled", "--notes", str(path)]) == 0
    out = capsys.readouterr().out
    for figure in ("event type", "actor-type pair", "actor1 name", "actor2 name",
                   "associated actors", "place", "day", "fatalities"):
        assert figure in out


def test_type_misses_are_counted_by_class(tmp_path, capsys):
    path = tmp_path / "notes.csv"
    # ACLED codes a militant attack on a police post a battle; two such notes typed otherwise
    # by hand-made records, one typed right
    _write(path, [_row(f"{n}X", "05-January-2015", "Battle-No change of territory",
                       "Unidentified Armed Group (Pakistan)", "3", "Police Forces of Pakistan",
                       "1", "Quetta", "30.19", "67.01", "Militants attacked a police post.")
                  for n in (1, 2, 3)])
    rows, _ = acled.read_notes(path)
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack",
              "modality": "asserted", "confidence": 0.5}
    records = {"1X": {"events": [attack]}, "2X": {"events": [attack]},
               "3X": {"events": [dict(attack, event_type="Battles",
                                      sub_event_type="Armed clash")]}}
    result = acled.score(rows, records)
    assert result["event_type"] == 1 / 3
    assert result["type_confusion"] == {
        ("Battle-No change of territory", "Violence against civilians: Attack"): 2}


# -- the real dev notes, when ../shared is here ----------------------------------------------------
_SAMPLE = 40     # notes of the dev set analysed here (the whole set: `sitrep eval acled`)


def test_dev_notes_figures_are_shares_and_reproducible(shared_dir, tmp_path):
    notes_dir = shared_dir / "data" / "acled-notes"
    if not (notes_dir / "asia2015_dev.csv").is_file():
        pytest.skip(f"no ACLED notes at {notes_dir}")
    with open(notes_dir / "asia2015_dev.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)[::15][:_SAMPLE]   # all event types
    sample = tmp_path / "sample.csv"
    with open(sample, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    read, skipped = acled.read_notes(sample)
    assert len(read) == len(rows) and not skipped
    first = acled._analyse(read, 1)
    second = acled._analyse(read, 1)
    result = acled.score(read, first)
    figures = {k: v for k, v in result.items() if isinstance(v, float)}
    assert figures and all(0.0 <= v <= 1.0 for v in figures.values())
    assert figures == {k: v for k, v in acled.score(read, second).items() if isinstance(v, float)}
    # the set's own reference scorer gives the same figures on the same records
    scorer_path = notes_dir / "score_acled.py"
    if scorer_path.is_file():
        spec = importlib.util.spec_from_file_location("score_acled", scorer_path)
        scorer = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(scorer)
        reference = scorer.score(scorer.rows(str(sample)), json.loads(json.dumps(
            first, default=str)))
        for key in ("event_type", "actor_type_pair", "actor1_name", "actor2_name", "place",
                    "place_of_named", "day", "fatalities"):
            assert reference[key] == pytest.approx(result[key]), key
