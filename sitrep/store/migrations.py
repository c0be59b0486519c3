"""Schema migrations: registered functions, applied in order, each recorded in ``migrations``.

A migration is a function ``(connection) -> None`` registered with :func:`migration` under the next
version number. :func:`migrate` applies those not yet recorded, each in its own transaction, so a
store written by an older sitrep is brought up to date when it is opened; a store written by a
newer sitrep (a version this one does not know) is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from ..errors import StoreError

__all__ = ["MIGRATIONS", "migration", "migrate", "schema_version"]

Migration = Callable[[sqlite3.Connection], None]

# version -> (name, function); filled by @migration below, in version order
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(version: int, registry: dict | None = None) -> Callable[[Migration], Migration]:
    """Register ``function`` as schema migration ``version`` (1, 2, 3, ... without gaps) of
    SQLite, or of the back end whose ``registry`` is given (``postgres.py`` keeps its own, with
    the same versions and names: a test holds them equal)."""
    registry = MIGRATIONS if registry is None else registry

    def register(function: Migration) -> Migration:
        if version in registry or version != len(registry) + 1:
            raise StoreError(f"migration {version} ({function.__name__}) is out of order", "E301")
        registry[version] = (function.__name__, function)
        return function

    return register


def schema_version(connection: sqlite3.Connection) -> int:
    """The highest migration recorded in the store (0 for a new, empty database)."""
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    if not exists:
        return 0
    row = connection.execute("SELECT MAX(version) FROM migrations").fetchone()
    return row[0] or 0


def migrate(connection: sqlite3.Connection) -> list[int]:
    """Apply every registered migration the store lacks; returns the versions applied.

    ``connection`` must be in autocommit mode (``isolation_level=None``): each migration runs
    inside its own explicit transaction.
    """
    connection.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    current = schema_version(connection)
    latest = max(MIGRATIONS)
    if current > latest:
        raise StoreError(
            f"the store has schema version {current} but this sitrep knows only up to {latest}; "
            "upgrade sitrep to open it", "E302")
    applied = []
    for version in range(current + 1, latest + 1):
        name, function = MIGRATIONS[version]
        connection.execute("BEGIN IMMEDIATE")  # one transaction per migration: all of it or none
        if schema_version(connection) >= version:
            # another process opening the same store applied it while this one waited for the
            # lock (two `sitrep run` creating one new store at once)
            connection.execute("ROLLBACK")
            continue
        try:
            function(connection)
            connection.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        applied.append(version)
    return applied


@migration(1)
def create_tables(connection: sqlite3.Connection) -> None:
    """Reports, events, their sources, rejections and the key-value state of corpus-level steps."""
    _execute_script(connection, """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,            -- content hash of the raw text and its url
            doc_id TEXT,                    -- the id the input gave (JSONL "id", file name...)
            text_hash TEXT NOT NULL,        -- content hash of the raw text alone
            group_id TEXT NOT NULL,         -- id of the first report of its near-duplicate group
            status TEXT NOT NULL,           -- analysed | copy | rejected
            path TEXT, record INTEGER, url TEXT, title TEXT, publisher TEXT,
            published TEXT, published_source TEXT, language TEXT,
            raw TEXT NOT NULL,
            analysis BLOB,                  -- zlib-compressed Report.to_dict() of analysed reports
            stored_at TEXT NOT NULL
        );
        CREATE INDEX reports_group ON reports (group_id);
        CREATE INDEX reports_text_hash ON reports (text_hash);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,            -- content hash of the report group and Event.key()
            group_id TEXT NOT NULL,
            report_id TEXT NOT NULL,        -- the report the event was extracted from
            event_type TEXT, sub_event_type TEXT, plover_type TEXT,
            actor1 TEXT, actor2 TEXT,
            country TEXT, iso3 TEXT,
            event_date TEXT, modality TEXT NOT NULL, fatalities INTEGER,
            data TEXT NOT NULL,             -- Event.to_dict() as JSON
            stored_at TEXT NOT NULL
        );
        CREATE INDEX events_type ON events (event_type, sub_event_type);
        CREATE INDEX events_country ON events (country);
        CREATE INDEX events_date ON events (event_date);
        CREATE INDEX events_modality ON events (modality);
        CREATE INDEX events_group ON events (group_id);

        -- every actor name of an event (actor1, actor2, associated actors) for --actor
        CREATE TABLE event_actors (
            event_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
            PRIMARY KEY (event_id, role, name)
        );
        CREATE INDEX event_actors_name ON event_actors (name);

        -- every report that supports an event, syndicated copies included
        CREATE TABLE event_sources (
            event_id TEXT NOT NULL, report_id TEXT NOT NULL,
            PRIMARY KEY (event_id, report_id)
        );
        CREATE INDEX event_sources_report ON event_sources (report_id);

        CREATE TABLE rejections (
            id TEXT PRIMARY KEY,            -- content hash of path, line, code and message
            path TEXT, line INTEGER, code TEXT NOT NULL, message TEXT NOT NULL, report_id TEXT,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX rejections_code ON rejections (code);

        CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
    """)


def _execute_script(connection: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the migration's open transaction first; run statement by statement
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


@migration(2)
def add_incident_merging(connection: sqlite3.Connection) -> None:
    """Cross-report merging (``sitrep/store/incidents.py``): an event of several reports is a row
    of its own (id ``m...``) whose members point at it with ``merged_into``; the mentions, name
    keys and accepted links of the merge step are kept so that a later run merges into them."""
    _execute_script(connection, """
        ALTER TABLE events ADD COLUMN merged_into TEXT;
        CREATE INDEX events_merged_into ON events (merged_into);

        -- one row per event the merge step has seen: what comparing it needs (Mention as JSON)
        CREATE TABLE merge_mentions (
            event_id TEXT PRIMARY KEY, family TEXT, first_day TEXT, last_day TEXT,
            exact_located INTEGER NOT NULL, data TEXT NOT NULL
        );
        CREATE INDEX merge_mentions_block ON merge_mentions (family, exact_located, first_day);

        -- the people a mention names (casefolded surnames), for blocking by shared name
        CREATE TABLE merge_names (
            name TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (name, event_id)
        );

        -- accepted links between mentions (first < second) with their score and reasons
        CREATE TABLE merge_links (
            first TEXT NOT NULL, second TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL,
            PRIMARY KEY (first, second)
        );
        CREATE INDEX merge_links_second ON merge_links (second);
    """)


@migration(3)
def add_evidence_search(connection: sqlite3.Connection) -> None:
    """Full-text search over events' evidence (``sitrep events --text``, ``search.py``): an
    FTS5 table that triggers keep equal to the events table, whoever writes it (the run, the
    merge step), filled here from the events a store already has."""
    # The event id is an indexed column, not a rowid link: VACUUM may renumber the events
    # table's rowids but not the FTS5 table's. Deleting by MATCH on the id is an index look-up
    # (an UNINDEXED id would scan the whole table at every merged event rewritten).
    evidence_of = ("(SELECT group_concat(json_extract(value, '$.text'), char(10))"
                   " FROM json_each({row}.data, '$.evidence'))")
    evidence = evidence_of.format(row="new")
    forget = """DELETE FROM evidence_search WHERE event_id MATCH '"' || old.id || '"'"""
    remember = f"INSERT INTO evidence_search (event_id, evidence) VALUES (new.id, {evidence})"
    # one statement per execute: a trigger's body holds semicolons (no _execute_script)
    for statement in (
            "CREATE VIRTUAL TABLE evidence_search USING fts5("
            " event_id, evidence, tokenize = 'porter unicode61')",
            f"CREATE TRIGGER evidence_search_insert AFTER INSERT ON events BEGIN {remember}; END",
            f"CREATE TRIGGER evidence_search_delete AFTER DELETE ON events BEGIN {forget}; END",
            "CREATE TRIGGER evidence_search_update AFTER UPDATE OF id, data ON events"
            f" BEGIN {forget}; {remember}; END",
            "INSERT INTO evidence_search (event_id, evidence)"
            f" SELECT id, {evidence_of.format(row='events')} FROM events"):
        connection.execute(statement)


# Indexes that no statement of the store uses (``EXPLAIN QUERY PLAN`` of every statement a run
# and the read verbs make): the filters compare lower(...) of a column, a date's first day, or
# LIKE on a rewritten actor name, which no plain index serves, and a run reads the text hashes
# by scanning the reports in order. Each still cost a page written per new row at every commit
# (bench_replay of 3,000 generated articles: written_mb 412 -> 382, disk_mb 415 -> 386, the
# same tables). PostgreSQL's migration 4 drops the same ones.
UNQUERIED_INDEXES = ("reports_text_hash", "events_type", "events_country", "events_date",
                     "event_actors_name")


@migration(4)
def drop_unqueried_indexes(connection: sqlite3.Connection) -> None:
    """Drop UNQUERIED_INDEXES: no query uses them, every insert kept them up to date."""
    for name in UNQUERIED_INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {name}")
