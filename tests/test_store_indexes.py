"""The store's indexes and migrations: every filter of ``sitrep events`` and the API is an index
search (SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN with sequential scans disabled), with
the same answers as the filter's definition; migrations are idempotent and a store missing a
version's record is repaired. On both back ends (the ``db`` fixture, conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.store import EventQuery, Store, postgres
from sitrep.store.migrations import FILTER_INDEXES, MIGRATIONS, REPLACED_INDEXES
from sitrep.web.loadtest import generate_store

# filter -> (the query, the indexes its plan must read)
FILTERS = {
    "type": (EventQuery(event_type="battles"),
             {"events_type_lower", "events_sub_type_lower", "events_plover_type_lower"}),
    "sub-event type": (EventQuery(event_type="Armed clash"), {"events_sub_type_lower"}),
    "country": (EventQuery(country="SYRIA"), {"events_country_lower", "events_iso3_lower"}),
    "since": (EventQuery(since=date(2023, 12, 1)), {"events_first_day"}),
    "until": (EventQuery(until=date(2023, 1, 31)), {"events_first_day"}),
    "since and until": (EventQuery(since=date(2023, 6, 1), until=date(2023, 6, 30)),
                        {"events_first_day"}),
    "actor": (EventQuery(actor="armed-group 3"), {"event_actors_by_name"}),
    "doc": (EventQuery(doc="generated-40"), {"reports_doc"}),
}


def _plan(store: Store, query: EventQuery) -> str:
    condition, params = query.where(store.backend.match_evidence)
    sql = f"SELECT e.id FROM events e WHERE {condition} ORDER BY e.event_date, e.id"
    if store.backend.name == "sqlite":
        return "\n".join(row[3] for row in store.backend.execute(
            "EXPLAIN QUERY PLAN " + sql, params))
    # a test store is small enough to scan; the question is whether an index can serve
    store.backend.execute("SET enable_seqscan = off")
    try:
        return "\n".join(row[0] for row in store.backend.execute("EXPLAIN " + sql, params))
    finally:
        store.backend.execute("RESET enable_seqscan")


def _definition(stored, query: EventQuery, doc_of: dict[str, str]) -> bool:
    """What the filter means, in Python, over an event as read back."""
    event = stored.event
    place = event.location
    if query.event_type and query.event_type.casefold() not in {
            (value or "").casefold() for value in
            (event.event_type, event.sub_event_type, event.plover_type)}:
        return False
    if query.country and (place is None or query.country.casefold() not in {
            (place.country or "").casefold(), (place.iso3 or "").casefold()}):
        return False
    day = date.fromisoformat(event.event_date)
    if query.since and day < query.since or query.until and day > query.until:
        return False
    if query.actor and not any(
            query.actor.replace("-", " ").casefold() in actor.name.casefold()
            for actor in (event.actor1, event.actor2) if actor):
        return False
    if query.doc and doc_of[stored.report_id] != query.doc:
        return False
    return True


@pytest.fixture
def filled(db):
    generate_store(db, 400)  # 40 reports of 10 events, 12 cities, every sub-event type, 2023
    return db


@pytest.mark.parametrize("name", FILTERS)
def test_every_filter_is_an_index_search_with_the_filters_answers(filled, name):
    query, indexes = FILTERS[name]
    with Store(filled) as store:
        plan = _plan(store, query)
        for index in indexes:
            assert index in plan, plan
        # the events table itself is never read whole (SQLite "SCAN e", PostgreSQL "Seq Scan")
        assert "SCAN e\n" not in plan + "\n" and "Seq Scan on events" not in plan, plan
        everything = list(store.find_events(EventQuery()))
        doc_of = {row[0]: row[1] for row in store.backend.execute(
            "SELECT id, doc_id FROM reports")}
        found = [stored.id for stored in store.find_events(query)]
    expected = [stored.id for stored in everything if _definition(stored, query, doc_of)]
    assert found == expected and found  # the same events, in the same order, some of them


def _schema(store: Store) -> set[tuple]:
    """The store's tables, indexes and triggers, each with its definition."""
    if store.backend.name == "sqlite":
        return {tuple(row) for row in store.backend.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name <> 'migrations'")}
    tables = {("column", *row) for row in store.backend.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = current_schema()")}
    return tables | {("index", *row) for row in store.backend.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()")}


def _migrations(store: Store) -> dict:
    return postgres.MIGRATIONS if store.backend.name == "postgresql" else MIGRATIONS


def _counts(store: Store) -> dict[str, int]:
    tables = ["reports", "events", "event_actors", "actor_names", "event_sources"]
    if store.backend.name == "sqlite":
        tables.append("evidence_search")
    return {table: store.backend.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in tables}


def test_the_migrations_run_again_leave_a_store_as_it_was(filled):
    """What repairing a store does (below): every migration again, in order."""
    with Store(filled) as store:
        schema, counts = _schema(store), _counts(store)
        with store.transaction():
            for version, (name, function) in sorted(_migrations(store).items()):
                function(store.connection)
        assert (_schema(store), _counts(store)) == (schema, counts)


@pytest.mark.parametrize("version", sorted(MIGRATIONS))
def test_each_migration_run_again_on_a_store_it_made_changes_nothing(db, request, version):
    later = {}
    migrations = postgres.MIGRATIONS if db.startswith("postgresql") else MIGRATIONS
    for number in range(version + 1, max(migrations) + 1):
        later[number] = migrations.pop(number)
    try:
        with Store(db) as store:
            assert store.schema_version == version
            schema = _schema(store)
            with store.transaction():
                migrations[version][1](store.connection)
            assert _schema(store) == schema
    finally:
        migrations.update(later)


@pytest.mark.parametrize("missing", [(3,), (1, 4), (2, 5)])
def test_a_store_missing_a_versions_record_is_repaired(filled, missing):
    """A version whose record is gone is applied again, and every later one after it, so that
    the store ends as a new one is: what a later migration dropped is not made again."""
    with Store(filled) as store:
        schema, counts = _schema(store), _counts(store)
        marks = ",".join("?" * len(missing))
        with store.transaction():
            store.backend.execute(f"DELETE FROM migrations WHERE version IN ({marks})", missing)
            if 5 in missing:  # a store made before migration 5, whose record alone is lost
                store.backend.execute("DROP TABLE actor_names")
                for index, _ in FILTER_INDEXES:
                    store.backend.execute(f"DROP INDEX {index}")
    with Store(filled) as store:
        recorded = [row[0] for row in store.backend.execute(
            "SELECT version FROM migrations ORDER BY version")]
        assert recorded == sorted(_migrations(store))
        assert (_schema(store), _counts(store)) == (schema, counts)
        assert not {name for name in REPLACED_INDEXES if f"'{name}'" in str(_schema(store))}
        assert len(list(store.find_events(EventQuery(actor="armed group 3")))) == 40


def test_a_store_made_before_migration_5_gets_the_actor_names_and_indexes(db):
    """Migration 5 on a store with events: actor_names holds every name its events have."""
    generate_store(db, 100)
    with Store(db) as store, store.transaction():  # back to what migration 4 left
        execute = store.backend.execute
        execute("DROP TABLE actor_names")
        for index, _ in FILTER_INDEXES:
            execute(f"DROP INDEX {index}")
        execute("CREATE INDEX events_modality ON events (modality)")
        execute("CREATE INDEX events_merged_into ON events (merged_into)")
        execute("DELETE FROM migrations WHERE version = 5")
    with Store(db) as store:
        assert store.schema_version == 5
        names = {row[0] for row in store.backend.execute("SELECT name FROM actor_names")}
        assert names == {f"Armed group {n}" for n in range(10)}
        assert [e.event.actor1.name for e in store.find_events(EventQuery(actor="GROUP 7"))] \
            == ["Armed group 7"] * 10
        plan = _plan(store, EventQuery(country="Syria"))
        assert "events_country_lower" in plan


def test_an_actor_finds_the_incident_several_reports_told(db):
    """A merged event has no actor rows of its own and its members are not listed: it is found
    by the actors of its members (as by their documents), through the same indexes."""
    from test_merge_store import _fill

    incidents = _fill(db, ["wire", "paper", "again"])
    merged_id = next(i for i, docs in incidents.items() if len(docs) == 2)
    with Store(db) as store:
        found = [stored.id for stored in store.find_events(
            EventQuery(actor="police forces", modality=None))]
        assert sorted(found) == sorted(incidents) and merged_id in found
        assert not list(store.find_events(EventQuery(actor="protesters", modality=None)))
        plan = _plan(store, EventQuery(actor="police forces"))
        assert "event_actors_by_name" in plan
        assert "SCAN e\n" not in plan + "\n" and "Seq Scan on events" not in plan, plan
