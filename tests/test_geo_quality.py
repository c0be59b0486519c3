"""Geocoding against the real gazetteer (built by `make gazetteer`): the seed, GeoWebNews floors,
speed, and the gazetteer CLI. Skips when the gazetteer or ../shared is absent."""

from __future__ import annotations

import gc
import time

import pytest

from sitrep.cli.main import main
from sitrep.geo.build import create_empty
from sitrep.geo.gazetteer import check
from sitrep.geo.stage import Geocode
from sitrep.model import Report

from test_geo import DUMP


@pytest.fixture(scope="module")
def geocode():
    ok, message = check()
    if not ok:
        pytest.skip(message)
    return Geocode()


def test_seed_places(geocode, seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    report = geocode(Report(id="seed", raw=raw))
    found = {(p.text, p.geonameid) for p in report.places}
    assert {("Palmyra", 163808), ("Aleppo", 170063), ("Aleppo", 170062),
            ("al-Bab", 174018), ("Syrian", 163843)} <= found
    t4 = [p for p in report.places if p.text.startswith("T4")]
    assert t4 and t4[0].name == "Tiyas Military Airbase" and abs(t4[0].lat - 34.52) < 0.05
    assert all(raw[p.start:p.end] == p.text for p in report.places)
    assert not any(p.text.lower() == "brick" for p in report.places)


@pytest.mark.shared
def test_geowebnews_floors(geocode, shared_dir):
    from sitrep.eval.geo import read_gwn, score_gwn

    scores = score_gwn(read_gwn(shared_dir / "data" / "geowebnews" / "GWN.xml"), geocode)
    # measured 2026-11-25: F1 0.889, acc@161 0.912, end to end 0.796, exact id 0.814.
    # issue 18 (person, outlet and company contexts; named streets and buildings placed at their
    # town): P 0.935, R 0.891, F1 0.913, acc@161 0.909, end to end 0.810, exact id 0.811.
    # Floors only go up.
    assert scores["precision"] >= 0.93
    assert scores["recall"] >= 0.88
    assert scores["f1"] >= 0.90
    assert scores["acc161"] >= 0.90
    assert scores["end_to_end_acc161"] >= 0.80
    assert scores["exact_id"] >= 0.80


def test_many_places_scale_with_size(geocode):
    sentence = ("Shelling hit Aleppo, Homs, Hama, Idlib, Latakia and Damascus in Syria, "
                "while Mosul, Kirkuk and Erbil in Iraq were quiet. ")
    small = Report(id="s", raw=sentence * 20)
    large = Report(id="l", raw=sentence * 200)
    geocode(Report(id="w", raw=sentence))

    def seconds(report: Report) -> tuple[float, Report]:
        # the cyclic garbage collector is paused while timing: in the whole suite's process (a
        # heap of ~1 GB) one full collection took longer than the small report's whole analysis
        # and failed the test on a quiet machine (0.38 s against 0.012 s); the best of three
        # runs leaves out the rest of what the machine does meanwhile
        gc.collect()
        gc.disable()
        try:
            best = None
            for _ in range(3):
                started = time.process_time()
                done = geocode(Report(id=report.id, raw=report.raw))
                spent = time.process_time() - started
                best = spent if best is None else min(best, spent)
        finally:
            gc.enable()
        return best, done

    small_seconds, _ = seconds(small)
    large_seconds, report = seconds(large)
    assert len(report.places) == 200 * 11
    assert large_seconds < 10 * small_seconds * 3   # linear, with slack for a busy machine


def test_gazetteer_cli_import_reports_corrupt_lines(tmp_path, capsys):
    path = tmp_path / "g.sqlite"
    create_empty(path)
    dump = tmp_path / "dump.txt"
    dump.write_text("\n".join([DUMP[0], "garbage", DUMP[1]]) + "\n", encoding="utf-8")
    assert main(["gazetteer", "--path", str(path), "import", str(dump), "--countries", "SY"]) == 0
    err = capsys.readouterr().err
    assert "imported 2 places" in err and "1 corrupt lines" in err and "line 2" in err
    assert main(["gazetteer", "--path", str(path), "check"]) == 0
    assert main(["gazetteer", "--path", str(path), "search", "Palmyra"]) == 0
    assert "163808" in capsys.readouterr().out
    assert main(["gazetteer", "--path", str(path), "search", "tadm"]) == 0   # FTS5 prefix
    assert "163808" in capsys.readouterr().out
    assert main(["gazetteer", "--path", str(tmp_path / "none.sqlite"), "check"]) == 1


@pytest.mark.parametrize("text, expected", [
    ("Russian shelling hit Belgorod region.", ("Belgorod", "ADM1", "Russia")),
    ("Timothy drowned at his home in Slidell, La., on March 5.",
     ("Slidell", "PPL", "United States")),
    ("SPRINGFIELD, Ill. (AP) — Lawmakers met.", ("SPRINGFIELD", "PPL", "United States")),
    ("Kurdish fighters retook Kobani near the Turkish border.", ("Kobani", "PPL", "Syria")),
    ("Rebels in Eastern Ghouta shelled the capital.", ("Eastern Ghouta", "RGN", "Syria")),
    ("Jets took off from Hmeimim on Tuesday.", ("Hmeimim", "MILB", "Syria")),
    ("Rockets hit Ain al-Asad air base in Anbar.", ("Ain al-Asad", "MILB", "Iraq")),
])
def test_curated_and_conflict_places(geocode, text, expected):
    place = [p for p in geocode(Report(id="t", raw=text)).places
             if p.text == expected[0] or p.text.startswith(expected[0])][0]
    assert (place.feature_code, place.country) == expected[1:]
