"""`sitrep run` and `sitrep extract` on hostile input: nothing crashes a run, nothing of a batch is
lost for one bad document, and the exit status tells "some input was bad" (1) from "the run
failed" (3). Each test reproduces a failure of issue 16 (it failed on the code before the fix).
"""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_fakes import MARCHED, SEIZED, fake_config, write_fake_config

from sitrep.cli.main import main
from sitrep.ingest import ReadOptions, read_inputs
from sitrep.model import Report
from sitrep.pipeline import Pipeline, register_stage
from sitrep.store import EventQuery, Store
from sitrep.store.run import RunSummary, run_into_store

FIELDS = ("id", "text", "title", "publisher", "url")


def run(paths, db, config=None) -> tuple:
    config = config or fake_config()
    reports = read_inputs([str(path) for path in paths],
                          ReadOptions(published=date(2016, 12, 13), limits=config.limits))
    with Store(db) as store:
        summary = run_into_store(reports, store, Pipeline(config))
        stored = store.connection.execute("SELECT doc_id, path FROM reports").fetchall()
        rejections = list(store.rejections())
    return summary, [tuple(row) for row in stored], rejections


def jsonl(records: list[dict]) -> str:
    # json.dumps escapes a lone surrogate as "\ud800": valid JSON, as a producer would write it
    return "".join(json.dumps(record) + "\n" for record in records)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("surrogate", ["\ud800", "\udc80", "x\udfffy"])
def test_a_lone_surrogate_in_any_field_is_one_rejection_and_the_batch_is_kept(
        tmp_path, field, surrogate):
    bad = {"id": "bad", "text": SEIZED.replace("city", "town"), "title": "t",
           "publisher": "p", "url": "https://example.org/bad"}
    bad[field] = surrogate if field != "text" else f"Rebels {surrogate} attacked a base."
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl([{"id": "one", "text": SEIZED}, bad, {"id": "two", "text": MARCHED}]),
                    encoding="utf-8")
    summary, stored, rejections = run([path], tmp_path / "s.db")
    assert sorted(doc_id for doc_id, _ in stored) == ["one", "two"]
    assert [(r.code, r.line) for r in rejections] == [("undecodable", 2)]
    assert f"{field} has a lone surrogate" in rejections[0].message
    assert summary.rejections == 1 and summary.analysed == 2


def test_extract_with_text_writes_valid_utf8_for_lone_surrogates(tmp_path, capsysbinary):
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl([{"id": "\udc80", "text": SEIZED},
                           {"id": "ok", "text": "Rebels \ud800 attacked."},
                           {"id": "good", "text": MARCHED}]), encoding="utf-8")
    config = write_fake_config(tmp_path)
    status = main(["--config", str(config), "extract", str(path), "--with-text"])
    out = capsysbinary.readouterr().out.decode("utf-8")  # strict: no invalid UTF-8 written
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["status"] for r in records] == ["rejected", "rejected", "ok"]
    assert records[0]["id"] == "\ufffd" and records[2]["text"] == MARCHED
    assert status == 1


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(MARCHED, encoding="utf-8")
    bad_name = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad_name, "wb") as handle:
        handle.write(SEIZED.encode("utf-8"))
    summary, stored, rejections = run([folder], tmp_path / "s.db")
    paths = sorted(path for _, path in stored)
    assert paths == [f"{folder}/bad\\xff.txt", f"{folder}/good.txt"]
    assert not rejections and summary.analysed == 2


@register_stage("test_fuzz_run_unstorable")
class Unstorable:
    """Gives one report a value SQLite cannot take (an integer over 64 bits)."""

    def __call__(self, report: Report) -> Report:
        if "Nairobi" in report.raw:
            report.record = 2 ** 70
        return report


def test_a_report_the_store_refuses_costs_only_itself(tmp_path):
    from sitrep.config import load_config

    config = load_config(overrides={"pipeline": {"stages": ["test_fuzz_run_unstorable"]}})
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl([{"id": "a", "text": SEIZED}, {"id": "b", "text": MARCHED},
                           {"id": "c", "text": "Police fired on protesters in Kano."}]),
                    encoding="utf-8")
    summary, stored, rejections = run([path], tmp_path / "s.db", config)
    assert sorted(doc_id for doc_id, _ in stored) == ["a", "c"]
    assert [(r.code, r.report_id) for r in rejections] == [("stage_error", "b")]
    assert "could not be stored: OverflowError" in rejections[0].message
    assert summary.stored == 2 and summary.rejections == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.dictionaries(
    st.sampled_from(["id", "text", "title", "url", "publisher", "published", "language"]),
    st.one_of(st.text(max_size=40), st.sampled_from(["\ud800", "a\udc80b", "\x00", "\u2028"]),
              st.integers(), st.none(), st.lists(st.integers(), max_size=2))),
    max_size=6))
def test_any_jsonl_records_are_each_stored_or_rejected(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "in.jsonl"
    path.write_text(jsonl(records), encoding="utf-8")
    summary, stored, rejections = run([path], folder / "s.db")
    assert summary.read == max(len(records), 1)  # an empty file is one `empty` rejection
    assert summary.stored + summary.already_stored + summary.repeated + summary.rejections \
        == summary.read
    for rejection in rejections:
        assert rejection.code and rejection.message


def test_exit_status_3_when_the_run_fails_1_when_input_is_rejected(tmp_path, capsys):
    config = str(write_fake_config(tmp_path))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEIZED, encoding="utf-8")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["--config", config, "run", str(folder), "--db", str(junk)]) == 3  # not SQLite
    with pytest.raises(SystemExit) as exit_info:   # a folder: a usage error (issue 18)
        main(["--config", config, "run", str(folder), "--db", str(tmp_path)])
    assert exit_info.value.code == 2
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    assert main(["--config", config, "run", str(folder), "--db", str(tmp_path / "s.db")]) == 1
    (folder / "b.txt").unlink()
    assert main(["--config", config, "run", str(folder), "--db", str(tmp_path / "t.db")]) == 0
    err = capsys.readouterr().err
    assert "cannot open the store" in err


# -- filters: LIKE wildcards are literal, an over-long value is a usage error --------------------
@pytest.fixture
def filled_db(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl([{"id": "a", "text": SEIZED}, {"id": "b", "text": MARCHED}]),
                    encoding="utf-8")
    run([path], tmp_path / "s.db")
    return tmp_path / "s.db"


@pytest.mark.parametrize("wildcard", ["%", "_", "%%", "Islamic%", "Islamic_State", "\\"])
def test_like_wildcards_in_actor_match_only_themselves(filled_db, wildcard):
    with Store(filled_db) as store:
        assert list(store.find_events(EventQuery(actor="Islamic"))), "the filter works at all"
        assert list(store.find_events(EventQuery(actor=wildcard))) == []


def test_an_over_long_filter_value_is_a_usage_error(filled_db, capsys):
    for option in ("--actor", "--country", "--type"):
        status = main(["events", "--db", str(filled_db), option, "x" * 100_000])
        err = capsys.readouterr().err
        assert status == 2, (option, err)
        assert "too long" in err


# -- the long run's harness (tests/fuzz_run.py, `make fuzz`): batches, accounting per input ------
def test_the_fuzz_run_accounts_for_each_input_of_a_batch(tmp_path):
    import random

    from fuzz_inputs import generate
    from fuzz_run import Tally, run_batch

    from sitrep.config import load_config

    config = load_config(overrides={"pipeline": {"stages": ["clean", "detect_language"]}})
    inputs = []
    for number in range(40):
        name, data = generate(random.Random(f"harness-{number}"))
        (tmp_path / f"{number:02d}").mkdir()
        path = tmp_path / f"{number:02d}" / name
        path.write_bytes(data)
        inputs.append((number, path))
    tally = Tally()
    options = ReadOptions(limits=config.limits)
    with Store(tmp_path / "s.db") as store:
        assert run_batch(inputs, store, Pipeline(config), options, tally) is None
    assert set(tally.read) == set(range(40)) and tally.unattributed == 0
    assert tally.unaccounted(inputs) == []
    assert tally.stored + sum(tally.codes.values()) >= sum(tally.read.values())
    # an input whose report never reaches the store is named, not hidden in a batch total
    missed = Tally()
    owner: dict = {}
    on_report = missed.counter(owner)
    for report in missed.feed(inputs[:3], options, owner):
        if report.path and not report.path.startswith(str(inputs[1][1])):
            summary = RunSummary(stored=sum(missed.outcomes.values()) + 1)
            on_report(summary, report)
    assert missed.unaccounted(inputs[:3]) == [inputs[1][1]]


@pytest.mark.parametrize("digit", ["\u277a", "\u00b2", "\u2464"])  # ❺ ² ⑤: isdigit(), not int()
def test_a_digit_int_cannot_read_is_not_a_count(digit):
    # found by `make fuzz` (full pipeline): find_quantities raised ValueError on "❺", so the
    # report was rejected as a stage error instead of analysed
    from sitrep.language.numbers import read_count

    assert read_count(["killing", digit, "soldiers"], 1) is None
    assert read_count(["killing", "\u0665", "soldiers"], 1).low == 5  # Arabic-Indic five: a count
