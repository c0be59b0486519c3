"""What only the PostgreSQL back end has: its own schema kept equal to SQLite's, connection
errors, and several `sitrep run` processes writing to one database at once.

The behaviour both back ends share is tested once, on both, through the ``db`` fixture
(test_store.py, test_store_run.py, test_qa_store.py, test_cli_store.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.store import Store, postgres
from sitrep.store.migrations import MIGRATIONS
from sitrep.store.postgres import _placeholders, redact

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def pg_url(postgres_server, request) -> str:
    return postgres_server.new_schema_url(f"only_{request.node.name.lower()[:40]}")


def test_both_back_ends_have_the_same_migrations_tables_and_columns(pg_url, tmp_path):
    assert {v: name for v, (name, _) in postgres.MIGRATIONS.items()} == \
        {v: name for v, (name, _) in MIGRATIONS.items()}
    with Store(tmp_path / "s.db") as lite, Store(pg_url) as pg:
        lite_columns = {}
        # not the FTS5 table of the evidence search and its shadow tables: PostgreSQL searches
        # the events table itself, through an index (test_store_search.py holds them equal)
        for (table,) in lite.connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'evidence_search%'"):
            lite_columns[table] = {row[1] for row in
                                   lite.connection.execute(f"PRAGMA table_info({table})")}
        pg_columns: dict[str, set[str]] = {}
        for table, column in pg.connection.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema()"):
            if column != "seq":  # PostgreSQL's stand-in for SQLite's rowid
                pg_columns.setdefault(table, set()).add(column)
        assert pg_columns == lite_columns
        assert pg.schema_version == lite.schema_version == max(MIGRATIONS)


def test_reopening_applies_no_migration_twice_and_a_newer_schema_is_refused(pg_url):
    Store(pg_url).close()
    with Store(pg_url) as store:
        assert postgres.migrate(store.connection) == []
        store.connection.execute("INSERT INTO migrations VALUES (999, 'from_the_future', 'then')")
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Store(pg_url)


def test_an_empty_database_is_not_a_store_for_reading(pg_url):
    with pytest.raises(StoreError, match="no sitrep store in .*sitrep run"):
        Store(pg_url, create=False)
    with Store(pg_url) as store:  # and reading did not create the tables
        assert store.schema_version == max(MIGRATIONS)


def test_unreachable_server_is_a_clear_store_error_without_the_password():
    with pytest.raises(StoreError, match=r"cannot connect to the store .*:\*\*\*@") as error:
        Store("postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=3")
    assert "secret" not in str(error.value)
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


def test_placeholders_are_translated_outside_quotes_only():
    assert _placeholders("SELECT ? WHERE a LIKE '%?' AND b = ?") == \
        "SELECT %s WHERE a LIKE '%%?' AND b = %s"


# -- several runs at once ---------------------------------------------------------------------------
WRITER = """
import sys
sys.path.insert(0, {tests!r})
import test_store_fakes
from sitrep import api
summary = api.run([sys.argv[1]], db=sys.argv[2], config=test_store_fakes.fake_config())
print(summary.read)
"""


def _documents(count: int) -> list[dict]:
    words = ["seized", "marched", "may attack"]
    return [{"id": f"d{number}", "text": f"Report {number}: crowds {words[number % 3]} in "
             f"district {number} according to witnesses number {number * 7}.",
             "published": f"2016-{number % 12 + 1:02d}-{number % 28 + 1:02d}"}
            for number in range(count)]


def _contents(store: Store) -> tuple:
    execute = store.backend.execute
    return tuple(sorted(tuple(row) for row in execute(sql)) for sql in (
        "SELECT id, group_id, status FROM reports", "SELECT id, group_id FROM events",
        "SELECT event_id, report_id FROM event_sources", "SELECT event_id, role, name"
        " FROM event_actors"))


def test_concurrent_runs_lose_nothing_and_store_nothing_twice(pg_url, tmp_path):
    documents = _documents(150)
    documents.append({"id": "blank", "text": "", "published": "2016-01-01"})  # a rejection
    orders = [documents, documents[::-1], documents[1::2] + documents[::2]]
    paths = []
    for number, order in enumerate(orders):
        path = tmp_path / f"input{number}.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in order), encoding="utf-8")
        paths.append(str(path))
    script = WRITER.format(tests=str(TESTS))
    writers = [subprocess.Popen([sys.executable, "-c", script, path, pg_url],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for path in paths]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        assert out.split() == ["151"]
    reference = tmp_path / "one.db"
    subprocess.run([sys.executable, "-c", script, paths[0], str(reference)], check=True,
                   capture_output=True, timeout=300)
    with Store(pg_url) as shared, Store(reference) as alone:
        assert _contents(shared) == _contents(alone)
        stats = shared.stats(None)
        # one event per report; reports of the same kind of event on the same day in the same
        # place are one incident (store/incidents.py), counted once by stats
        told = shared.backend.execute(
            "SELECT COUNT(*) FROM events WHERE id NOT LIKE 'm%'").fetchone()
        assert (stats.reports, told[0]) == (150, 150)
        # a rejection is keyed by where it was read: each input file's blank line is its own
        assert sorted((r.path, r.line) for r in shared.rejections()) == \
            sorted(zip(paths, (151, 1, 151)))  # last, first, last line


def test_doctor_checks_a_postgresql_store(pg_url):
    from sitrep.doctor import check_store

    assert not check_store(pg_url).ok  # an empty database is not a store yet
    Store(pg_url).close()
    check = check_store(pg_url)
    latest = max(MIGRATIONS)
    assert check.ok and f"schema {latest}/{latest}, 0 reports" in check.message


def test_serve_reads_and_writes_a_postgresql_store(pg_url, tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from test_store_fakes import SEIZED, write_fake_config

    from sitrep.web.app import create_app

    Store(pg_url).close()
    app = create_app(pg_url, token="a-test-token-of-enough-length",
                     config=write_fake_config(tmp_path))
    with TestClient(app) as client:
        assert client.get("/api/events").json()["total"] == 0
        posted = client.post("/api/documents", json={"text": SEIZED, "published": "2016-12-11"},
                             headers={"Authorization": "Bearer a-test-token-of-enough-length"})
        assert posted.status_code == 201, posted.text
        # the catalog sees the new event: its cache key follows the server's last change
        assert client.get("/api/events").json()["total"] == 1


def test_a_report_postgresql_cannot_hold_is_rejected_and_its_batch_kept(pg_url, tmp_path):
    from test_store_fakes import fake_config

    from sitrep import api

    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Crowds marched in Nairobi\u0000 today."})
                    + "\n" + json.dumps({"id": "b", "text": "Nurses marched in Kisumu."}) + "\n",
                    encoding="utf-8")
    summary = api.run([str(path)], db=pg_url, config=fake_config())
    assert (summary.stored, summary.events) == (1, 1)
    (rejection,) = api.rejections(pg_url)
    assert (rejection.line, rejection.report_id) == (1, "a") and "NUL" in rejection.message


def test_a_statement_the_server_refuses_fails_its_own_report_only(pg_url):
    """Statements of one report are pipelined (sent without waiting for each answer): an error
    the server finds only after later statements were sent still fails that report's savepoint,
    and the reports before and after it are stored whole."""
    from dataclasses import replace

    from test_store_fakes import MARCHED, SEIZED, FakeEvents, report

    first = FakeEvents()(report(SEIZED, id="first"))
    # a line number the server's BIGINT cannot hold: the client sends it, the server refuses it
    # (no read of this copy's writes waits for an answer before its savepoint ends)
    refused = replace(report(SEIZED + "Copied.\n", id="refused"), record=10 ** 20)
    last = FakeEvents()(report(MARCHED, id="last"))
    failed = []
    with Store(pg_url) as store, store.transaction():
        first_id = store.add_report(first)
        for stored in (refused, last):
            try:
                with store.savepoint():
                    report_id = store.add_report(stored, group_id=first_id,
                                                 analysed=stored is last)
                    store.add_events(report_id, stored.events)
            except store.unstorable:
                failed.append(stored.id)
        store.add_events(first_id, first.events)
    assert failed == ["refused"]
    with Store(pg_url) as store:
        assert sorted(row[0] for row in store.backend.execute("SELECT doc_id FROM reports")) \
            == ["first", "last"]
        assert store.stats(None).events == 2
        # both events are told by both reports of the group; the refused one is no source
        assert sorted(tuple(row) for row in store.backend.execute(
            "SELECT r.doc_id, COUNT(*) FROM event_sources s JOIN reports r"
            " ON r.id = s.report_id GROUP BY r.doc_id")) == [("first", 2), ("last", 2)]


def test_rows_of_an_insert_go_as_one_statement_of_many_rows(monkeypatch):
    """An array a column, the same text whatever the count of rows (psycopg parses it once)."""
    monkeypatch.setattr(postgres, "ROWS_PER_STATEMENT", 3)
    sql = "INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING a"
    types = {"a": "bigint", "b": "text", "c": "double precision"}
    statements = list(postgres._many_rows(
        sql, [(1, "x", 1), (2, "y", 0.5), (3, None, None), (4, "w", 2)], types))
    text = ("INSERT INTO t (a, b, c) SELECT * FROM unnest(%b::bigint[], %b::text[],"
            " %b::double precision[]) AS batch ON CONFLICT DO NOTHING RETURNING a")
    assert statements == [(text, [[1, 2, 3], ["x", "y", None], [1.0, 0.5, None]]),
                          (text, [[4], ["w"], [2.0]])]
    assert all(type(value) is float for value in statements[0][1][2][:2])
    with pytest.raises(ValueError):
        list(postgres._many_rows("INSERT INTO t SELECT ?, id FROM u", [(1,)], types))
    with pytest.raises(ValueError):
        list(postgres._many_rows("INSERT INTO t (a, b) VALUES (?, ?, 1)", [(1, 2)], types))


def test_rows_repeated_in_one_statement_or_stored_before_are_skipped(pg_url, monkeypatch):
    monkeypatch.setattr(postgres, "ROWS_PER_STATEMENT", 2)
    with Store(pg_url) as store:
        backend = store.backend
        backend.execute("CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (a, b))")
        backend.executemany("INSERT INTO pairs (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            [("x", "1"), ("x", "1"), ("y", "2")])
        # every type of the store's columns goes through its array: text, integers (one too
        # large for BIGINT is the report's fault, as in a row of its own), floats, bytes, NULLs
        backend.execute("CREATE TABLE typed (k TEXT PRIMARY KEY, n BIGINT, f DOUBLE PRECISION,"
                        " b BYTEA, i INTEGER)")
        rows = [("a", 1, 1, b"\x00x", None), ("b", None, 0.25, None, 3), ("c", 2 ** 40, None,
                                                                        b"", 0)]
        backend.executemany("INSERT INTO typed (k, n, f, b, i) VALUES (?, ?, ?, ?, ?)", rows)
        assert sorted(tuple(row) for row in backend.execute("SELECT * FROM typed")) == \
            [("a", 1, 1.0, b"\x00x", None), ("b", None, 0.25, None, 3), ("c", 2 ** 40, None,
                                                                        b"", 0)]
        with pytest.raises(store.unstorable):
            backend.executemany("INSERT INTO typed (k, n) VALUES (?, ?)", [("d", 10 ** 20)])
        stored = backend.insert_returning(
            "INSERT INTO pairs (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING a",
            [("y", "2"), ("z", "3"), ("z", "3"), ("w", "4"), ("x", "1")])
        assert sorted(stored) == ["w", "z"]
        assert sorted(tuple(row) for row in backend.execute("SELECT a, b FROM pairs")) == \
            [("w", "4"), ("x", "1"), ("y", "2"), ("z", "3")]
