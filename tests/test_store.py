"""The store: migrations, content-hash ids, sources, queries, counts, state. The tests that take
the ``store`` fixture run on both back ends (SQLite and PostgreSQL, see ``db`` in conftest.py)."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from test_store_fakes import MARCHED, SEIZED, SEIZED_COPY, FakeEvents, report

from sitrep.errors import StoreError, UsageError
from sitrep.model import Rejection
from sitrep.store import EventQuery, Store, event_id, report_key
from sitrep.store.migrations import MIGRATIONS, migrate


@pytest.fixture
def store(db):
    with Store(db) as store:
        yield store


def analysed(raw: str, **metadata):
    return FakeEvents()(report(raw, **metadata))


def add(store: Store, raw: str, group_id: str | None = None, **metadata) -> str:
    document = analysed(raw, **metadata)
    with store.transaction():
        report_id = store.add_report(document, group_id)
        store.add_events(report_id, document.events)
    return report_id


def test_new_store_is_migrated_wal_and_recorded(tmp_path):
    with Store(tmp_path / "new.db") as store:
        assert store.schema_version == max(MIGRATIONS)
        mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        recorded = store.connection.execute("SELECT version, name FROM migrations").fetchall()
        assert [tuple(row) for row in recorded] == [
            (version, name) for version, (name, _) in sorted(MIGRATIONS.items())]
    with Store(tmp_path / "new.db") as again:  # reopening applies nothing twice
        assert migrate(again.connection) == []


def test_a_sqlite_store_keeps_a_page_cache_of_its_own_size(tmp_path):
    """The connection's page cache is CACHE_KIB, not SQLite's 2 MB: the merge step reads the
    same mentions and links batch after batch, and each page missing from the cache is a read
    from the operating system."""
    from sitrep.store.sqlite import CACHE_KIB

    with Store(tmp_path / "cached.db") as store:
        assert store.connection.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        assert CACHE_KIB > 2000


def test_a_sqlite_store_checkpoints_its_wal_every_wal_autocheckpoint_pages(tmp_path):
    """Pages several batches change go to the database file once per WAL_AUTOCHECKPOINT
    pages of WAL, not once per 1,000 (SQLite's default); the WAL is gone once the store is
    closed, every row in the file."""
    from sitrep.store.sqlite import WAL_AUTOCHECKPOINT

    path = tmp_path / "wal.db"
    with Store(path) as store:
        assert store.connection.execute(
            "PRAGMA wal_autocheckpoint").fetchone()[0] == WAL_AUTOCHECKPOINT > 1000
        add(store, SEIZED)
        assert path.with_name("wal.db-wal").stat().st_size > 0
    assert not path.with_name("wal.db-wal").exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 1


def test_a_sqlite_write_transaction_keeps_its_savepoints_in_memory(tmp_path):
    """A write transaction's sub-journal (the original of each page a report's savepoint
    changes) is kept in memory, not in a temporary file written again report after report;
    outside a write transaction, and after one rolled back, the connection's own setting is
    back (a read's sort of a whole store may need more than memory). Either way what a
    savepoint undoes is undone."""
    from sitrep.store.sqlite import WRITING_TEMP_STORE

    def temp_store(store):
        return store.connection.execute("PRAGMA temp_store").fetchone()[0]

    with Store(tmp_path / "journal.db") as store:
        reading = temp_store(store)
        assert reading != WRITING_TEMP_STORE  # SQLite's default: a file past 64 KiB
        with store.transaction():
            assert temp_store(store) == WRITING_TEMP_STORE
            store.add_report(analysed(SEIZED))
            with pytest.raises(RuntimeError):
                with store.savepoint():
                    store.add_report(analysed(MARCHED))
                    raise RuntimeError("this report cannot be stored")
        assert temp_store(store) == reading
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_rejection(Rejection("empty", "no text", "e.txt"))
                raise RuntimeError("stop")
        assert temp_store(store) == reading
        stats = store.stats()
        assert (stats.reports, stats.rejections) == (1, 0)


def test_no_store_keeps_an_index_no_query_uses(store):
    """Every insert kept an index up to date; the ones no statement of the store reads
    (migration 4) or that misled SQLite's planner (migration 5) are not made, on either back
    end; those the queries use are kept (test_store_indexes.py: each filter's plan)."""
    from sitrep.store.migrations import FILTER_INDEXES, REPLACED_INDEXES, UNQUERIED_INDEXES

    if store.backend.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'index'"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    names = {row[0] for row in store.backend.execute(sql)}
    assert not names & {*UNQUERIED_INDEXES, *REPLACED_INDEXES}
    assert {"reports_group", "events_group", "merge_links_second",
            *(name for name, _ in FILTER_INDEXES)} <= names


def test_an_older_store_loses_the_unqueried_indexes_and_keeps_its_rows(tmp_path):
    from sitrep.store.migrations import FILTER_INDEXES, REPLACED_INDEXES, UNQUERIED_INDEXES

    path = tmp_path / "older.db"
    later = {version: MIGRATIONS.pop(version) for version in (5, 4)}
    try:
        with Store(path) as older:  # a store made by the sitrep before migration 4
            assert older.schema_version == 3
            # (today's add_events also writes migration 5's actor_names)
            older.connection.execute("CREATE TABLE actor_names (name TEXT PRIMARY KEY)")
            add(older, SEIZED)
            older.connection.execute("DROP TABLE actor_names")
    finally:
        MIGRATIONS.update(later)
    with sqlite3.connect(path) as connection:
        before = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert set(UNQUERIED_INDEXES) | set(REPLACED_INDEXES) <= before
    with Store(path) as store:
        assert store.schema_version == 5
        names = {row[0] for row in store.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert names == (before - set(UNQUERIED_INDEXES) - set(REPLACED_INDEXES)
                         | {name for name, _ in FILTER_INDEXES})
        assert store.stats().reports == 1 and len(list(store.find_events())) == 1
        assert len(list(store.find_events(EventQuery(actor="islamic state")))) == 1
        assert store.integrity() == "ok"


def test_store_from_a_newer_sitrep_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO migrations VALUES (999, 'from_the_future', 'then')")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Store(path)


def test_missing_store_is_not_created_for_reading(tmp_path):
    with pytest.raises(StoreError, match="sitrep run"):
        Store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_storing_the_same_report_twice_adds_nothing(store):
    first = add(store, SEIZED, path="a.txt")
    second = add(store, SEIZED, path="a.txt")
    assert first == second == report_key(SEIZED, None)
    stats = store.stats()
    assert (stats.reports, stats.events) == (1, 1)


def test_same_text_at_another_url_is_another_source(store):
    first = add(store, SEIZED, url="https://one.example/a")
    copy = analysed(SEIZED, url="https://two.example/b")
    with store.transaction():
        store.add_report(copy, first, analysed=False)
    (stored,) = store.find_events(EventQuery())
    assert {s.url for s in stored.sources} == {"https://one.example/a", "https://two.example/b"}


def test_copies_become_sources_whichever_is_stored_first(store):
    leader = analysed(SEIZED, path="leader.txt")
    leader_id = report_key(leader.raw, leader.url)
    early_copy = report(SEIZED_COPY, path="early.txt")
    late_copy = report(SEIZED_COPY + "More.", path="late.txt")
    with store.transaction():
        store.add_report(early_copy, leader_id, analysed=False)  # before the leader's events
        store.add_report(leader)
        store.add_events(leader_id, leader.events)
        store.add_report(late_copy, leader_id, analysed=False)  # after them
    (stored,) = store.find_events(EventQuery())
    assert stored.report_id == leader_id
    assert sorted(s.path for s in stored.sources) == ["early.txt", "late.txt", "leader.txt"]
    stats = store.stats()
    assert (stats.reports, stats.analysed, stats.copies) == (3, 1, 2)


def test_event_id_is_a_content_hash_of_group_and_key(store):
    report_id = add(store, SEIZED)
    (stored,) = store.find_events(EventQuery())
    assert stored.id == event_id(report_id, stored.event)


def test_events_need_their_report_first(store):
    document = analysed(SEIZED)
    with pytest.raises(StoreError, match="before its events"):
        store.add_events("r-not-stored", document.events)


def test_events_take_the_group_their_report_was_stored_in(db):
    """A report stored before in another group (another run's decision) keeps that group, and
    its events are keyed and sourced by it, though add_report was just given another one; the
    events, their actors and sources are written once, however many times they are added."""
    leader = analysed(SEIZED, path="leader.txt")
    copy = analysed(SEIZED_COPY, path="copy.txt")
    with Store(db) as first, first.transaction():
        leader_id = first.add_report(leader)
        copy_id = first.add_report(copy, leader_id, analysed=False)
    with Store(db) as second:
        with second.transaction():  # another run took the copy for a report of its own
            assert second.add_report(copy) == copy_id
            assert second.add_events(copy_id, copy.events) == 1
            assert second.add_events(copy_id, copy.events) == 0  # stored before: nothing new
        (stored,) = second.find_events(EventQuery())
        assert stored.id == event_id(leader_id, stored.event)  # the stored group's key
        assert sorted(s.path for s in stored.sources) == ["copy.txt", "leader.txt"]
        with second.transaction():  # a fuller copy: its own events have it alone as source
            fuller = analysed(SEIZED_COPY + "Teachers marched.\n", path="fuller.txt")
            fuller_id = second.add_report(fuller, leader_id)
            assert second.add_events(fuller_id, fuller.events, group_sources=False) == 1
        execute = second.backend.execute
        assert [tuple(row) for row in execute(
            "SELECT s.report_id FROM events e JOIN event_sources s ON s.event_id = e.id"
            " WHERE e.report_id = ?", (fuller_id,))] == [(fuller_id,)]
        # the actors of the two events stored, once each, and their names
        assert sorted(tuple(row) for row in execute("SELECT role, name FROM event_actors")) == [
            ("actor1", "Islamic State (IS)"), ("actor1", "Protesters (Kenya)"),
            ("actor2", "Military Forces of Syria (2000-)")]
        assert execute("SELECT COUNT(*) FROM actor_names").fetchone()[0] == 3


def test_queries_filter_by_type_actor_country_dates_modality(store):
    add(store, SEIZED, published=date(2016, 12, 13))
    add(store, MARCHED, published=date(2024, 3, 4))
    add(store, "IS may attack the base.", published=date(2016, 12, 14))

    def subtypes(**filters) -> list[str]:
        return [s.event.sub_event_type for s in store.find_events(EventQuery(**filters))]

    assert subtypes() == ["Non-state actor overtakes territory", "Peaceful protest"]
    assert subtypes(event_type="battles") == ["Non-state actor overtakes territory"]
    assert subtypes(event_type="Peaceful protest") == ["Peaceful protest"]
    assert subtypes(event_type="PROTEST") == ["Peaceful protest"]
    assert subtypes(actor="islamic") == ["Non-state actor overtakes territory"]
    assert subtypes(actor="Syria") == ["Non-state actor overtakes territory"]  # actor2 too
    assert subtypes(country="KEN") == ["Peaceful protest"]
    assert subtypes(country="kenya") == ["Peaceful protest"]
    assert subtypes(since=date(2020, 1, 1)) == ["Peaceful protest"]
    assert subtypes(until=date(2016, 12, 13)) == ["Non-state actor overtakes territory"]
    assert subtypes(modality="future") == ["Armed clash"]
    assert len(subtypes(modality=None)) == 3


def test_coarse_event_dates_compare_by_their_first_day(store):
    document = analysed(SEIZED)
    coarse = [e.__class__.from_dict({**e.to_dict(), "event_date": "2016-12"})
              for e in document.events]
    with store.transaction():
        store.add_events(store.add_report(document), coarse)
    assert len(list(store.find_events(EventQuery(since=date(2016, 12, 1))))) == 1
    assert len(list(store.find_events(EventQuery(until=date(2016, 12, 1))))) == 1
    assert list(store.find_events(EventQuery(since=date(2016, 12, 2)))) == []


def test_bad_queries_are_usage_errors():
    with pytest.raises(UsageError):
        EventQuery(modality="probably")
    with pytest.raises(UsageError, match="after"):
        EventQuery(since=date(2020, 1, 2), until=date(2020, 1, 1))


def test_get_event_by_id_prefix_and_unknown_ids(store):
    add(store, SEIZED)
    add(store, MARCHED)
    ids = [s.id for s in store.find_events(EventQuery())]
    assert store.get_event(ids[0]).id == ids[0]
    assert store.get_event(ids[1][:10]).id == ids[1]
    with pytest.raises(StoreError, match="no event with id"):
        store.get_event("e-nothing-like-this")
    with pytest.raises(StoreError, match="no event with id"):
        store.get_event("e")  # too short to be a prefix
    with pytest.raises(StoreError, match="no event with id"):
        store.get_event("e%%%")  # LIKE wildcards are taken literally
    for number, identifier in enumerate(ids):  # give both ids a common prefix
        store.backend.execute("UPDATE events SET id = ? WHERE id = ?",
                              (f"eabcd{number}", identifier))
    with pytest.raises(UsageError, match="several"):
        store.get_event("eabcd")


def test_rejections_are_recorded_once(store):
    rejection = Rejection("malformed", "line 3 is not valid JSON", "in.jsonl", 3)
    with store.transaction():
        assert store.add_rejection(rejection)
        assert not store.add_rejection(rejection)
        store.add_rejection(Rejection("empty", "no text", "empty.txt"))
    assert list(store.rejections()) == [Rejection("empty", "no text", "empty.txt"), rejection]
    assert list(store.rejections("malformed")) == [rejection]
    assert store.stats().rejections_by_code == {"empty": 1, "malformed": 1}


def test_transaction_rolls_back_everything_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_report(analysed(SEIZED))
            with store.transaction():  # nested: joins the outer one
                store.add_rejection(Rejection("empty", "no text", "e.txt"))
            raise RuntimeError("stop")
    stats = store.stats()
    assert (stats.reports, stats.rejections) == (0, 0)


def test_state_is_a_key_value_table(store):
    assert store.get_state("near_duplicates") is None
    store.set_state("near_duplicates", b"\x00one")
    store.set_state("near_duplicates", b"\x00two")
    assert store.get_state("near_duplicates") == b"\x00two"


def test_stats_count_events_by_type_and_country(store):
    add(store, SEIZED)
    add(store, MARCHED)
    add(store, "IS may attack the base.")
    stats = store.stats()
    assert stats.events == 3
    assert stats.events_by_modality == {"asserted": 2, "future": 1}
    assert stats.events_by_type == {
        "Battles": {"Non-state actor overtakes territory": 1},
        "Protests": {"Peaceful protest": 1}}
    assert stats.events_by_country == {"Kenya": 1, "Syria": 1}
    assert store.stats(None).events_by_type["Battles"] == {
        "Armed clash": 1, "Non-state actor overtakes territory": 1}


def test_acled_source_is_the_publisher_or_the_site(store):
    from sitrep.store.export import acled_row

    first = add(store, SEIZED, url="https://www.example-wire.com/a", publisher=None)
    copy = report(SEIZED_COPY, url="https://news.example.org/b", publisher="Desert Wire")
    with store.transaction():
        store.add_report(copy, first, analysed=False)
    (stored,) = store.find_events(EventQuery())
    assert acled_row(stored)["source"] == "Desert Wire; example-wire.com"
