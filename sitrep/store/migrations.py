"""Schema migrations: registered functions, applied in order, each recorded in ``migrations``.

A migration is a function ``(connection) -> None`` registered with :func:`migration` under the next
version number. :func:`migrate` applies every one not yet recorded, so a store written by an older
sitrep is brought up to date when it is opened; a store written by a newer sitrep (a version this
one does not know) is refused rather than damaged.

Every migration is idempotent (``IF NOT EXISTS``, a column added only when missing, a table it
fills emptied first): run again on a store that has it, it leaves the store as it was. That is what
repairs a store with a gap (version 3's record missing, 4 and 5 present): the missing version is
applied and every later one is run again after it, so that what a later one dropped or replaced
is not left made again by the earlier one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from ..errors import StoreError
from .records import FIRST_DAY

__all__ = ["MIGRATIONS", "migration", "migrate", "missing_versions", "schema_version"]

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


def missing_versions(recorded: set[int], latest: int) -> list[int]:
    """The versions to run on a store that has ``recorded``: none when it lacks none; else from
    the first it lacks to ``latest``, those it has included (each migration is idempotent, and
    running the later ones again after a missing one undoes what the missing one would
    otherwise redo: an index a later migration dropped)."""
    lacking = [version for version in range(1, latest + 1) if version not in recorded]
    return list(range(lacking[0], latest + 1)) if lacking else []


def migrate(connection: sqlite3.Connection) -> list[int]:
    """Apply every registered migration the store lacks; returns the versions recorded now.

    ``connection`` must be in autocommit mode (``isolation_level=None``): the migrations run
    inside one explicit transaction that holds the write lock, all of them or none.
    """
    connection.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    latest = max(MIGRATIONS)
    if not missing_versions(_recorded(connection, latest), latest):
        return []  # the usual case: reading needs no write lock
    connection.execute("BEGIN IMMEDIATE")  # all of it or none
    try:
        # read again under the lock: another process opening the same store (two `sitrep run`
        # creating one new store at once) may have migrated it while this one waited
        recorded = _recorded(connection, latest)
        applied = []
        for version in missing_versions(recorded, latest):
            name, function = MIGRATIONS[version]
            function(connection)
            if version not in recorded:
                connection.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
                applied.append(version)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return applied


def _recorded(connection, latest: int) -> set[int]:
    """The versions the store records; a version above ``latest`` is refused."""
    recorded = {row[0] for row in connection.execute("SELECT version FROM migrations")}
    if recorded and max(recorded) > latest:
        raise StoreError(
            f"the store has schema version {max(recorded)} but this sitrep knows only up to "
            f"{latest}; upgrade sitrep to open it", "E302")
    return recorded


@migration(1)
def create_tables(connection: sqlite3.Connection) -> None:
    """Reports, events, their sources, rejections and the key-value state of corpus-level steps."""
    _execute_script(connection, """
        CREATE TABLE IF NOT EXISTS reports (
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
        CREATE INDEX IF NOT EXISTS reports_group ON reports (group_id);
        CREATE INDEX IF NOT EXISTS reports_text_hash ON reports (text_hash);

        CREATE TABLE IF NOT EXISTS events (
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
        CREATE INDEX IF NOT EXISTS events_type ON events (event_type, sub_event_type);
        CREATE INDEX IF NOT EXISTS events_country ON events (country);
        CREATE INDEX IF NOT EXISTS events_date ON events (event_date);
        CREATE INDEX IF NOT EXISTS events_modality ON events (modality);
        CREATE INDEX IF NOT EXISTS events_group ON events (group_id);

        -- every actor name of an event (actor1, actor2, associated actors) for --actor
        CREATE TABLE IF NOT EXISTS event_actors (
            event_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
            PRIMARY KEY (event_id, role, name)
        );
        CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors (name);

        -- every report that supports an event, syndicated copies included
        CREATE TABLE IF NOT EXISTS event_sources (
            event_id TEXT NOT NULL, report_id TEXT NOT NULL,
            PRIMARY KEY (event_id, report_id)
        );
        CREATE INDEX IF NOT EXISTS event_sources_report ON event_sources (report_id);

        CREATE TABLE IF NOT EXISTS rejections (
            id TEXT PRIMARY KEY,            -- content hash of path, line, code and message
            path TEXT, line INTEGER, code TEXT NOT NULL, message TEXT NOT NULL, report_id TEXT,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS rejections_code ON rejections (code);

        CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
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
    if "merged_into" not in {row[1] for row in connection.execute("PRAGMA table_info(events)")}:
        connection.execute("ALTER TABLE events ADD COLUMN merged_into TEXT")
    _execute_script(connection, """
        CREATE INDEX IF NOT EXISTS events_merged_into ON events (merged_into);

        -- one row per event the merge step has seen: what comparing it needs (Mention as JSON)
        CREATE TABLE IF NOT EXISTS merge_mentions (
            event_id TEXT PRIMARY KEY, family TEXT, first_day TEXT, last_day TEXT,
            exact_located INTEGER NOT NULL, data TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS merge_mentions_block
            ON merge_mentions (family, exact_located, first_day);

        -- the people a mention names (casefolded surnames), for blocking by shared name
        CREATE TABLE IF NOT EXISTS merge_names (
            name TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (name, event_id)
        );

        -- accepted links between mentions (first < second) with their score and reasons
        CREATE TABLE IF NOT EXISTS merge_links (
            first TEXT NOT NULL, second TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL,
            PRIMARY KEY (first, second)
        );
        CREATE INDEX IF NOT EXISTS merge_links_second ON merge_links (second);
    """)


@migration(3)
def add_evidence_search(connection: sqlite3.Connection) -> None:
    """Full-text search over events' evidence (``sitrep events --text``, ``search.py``): an
    FTS5 table that triggers keep equal to the events table, whoever writes it (the run, the
    merge step), filled here from the events a store already has (emptied first: run again,
    it indexes every event once)."""
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
            "CREATE VIRTUAL TABLE IF NOT EXISTS evidence_search USING fts5("
            " event_id, evidence, tokenize = 'porter unicode61')",
            "CREATE TRIGGER IF NOT EXISTS evidence_search_insert AFTER INSERT ON events"
            f" BEGIN {remember}; END",
            "CREATE TRIGGER IF NOT EXISTS evidence_search_delete AFTER DELETE ON events"
            f" BEGIN {forget}; END",
            "CREATE TRIGGER IF NOT EXISTS evidence_search_update AFTER UPDATE OF id, data"
            f" ON events BEGIN {forget}; {remember}; END",
            "DELETE FROM evidence_search",
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


# Migration 5: indexes on the very expressions the filters of ``sitrep events`` and the API
# compare (records.py, EventQuery.where), so that on a store of millions of events a filter is
# an index search, not a scan of the events table (EXPLAIN QUERY PLAN of each filter is tested
# in test_store_indexes.py, on both back ends). An expression index is used only for the same
# expression: change a filter's expression and its index's together (a new migration).
FILTER_INDEXES = (
    ("events_type_lower", "events (lower(event_type))"),              # --type, any of three
    ("events_sub_type_lower", "events (lower(sub_event_type))"),
    ("events_plover_type_lower", "events (lower(plover_type))"),
    ("events_country_lower", "events (lower(country))"),              # --country, name or ISO3
    ("events_iso3_lower", "events (lower(iso3))"),
    ("events_first_day", f"events (({FIRST_DAY.format(date='event_date')}))"),  # --since/--until
    ("event_actors_by_name", "event_actors (name)"),                  # --actor, via actor_names
    ("reports_doc", "reports (doc_id)"),                               # --doc
    # the members of merged events (an incident's sources); the NULL of every other event is
    # left out, so that a filter's "merged_into IS NULL" is never read from an index that
    # holds nearly every row
    ("events_merged_members", "events (merged_into) WHERE merged_into IS NOT NULL"),
)
# Indexes migration 5 replaces: an index on a column of three values (modality) or one that is
# NULL in nearly every row (merged_into) looks, to SQLite's planner (which keeps no statistics
# unless ANALYZE is run), as selective as any other, and it chose them over the filters' own
# (a type filter on 100,000 events read every asserted event through events_modality); every
# insert also wrote them.
REPLACED_INDEXES = ("events_modality", "events_merged_into")


@migration(5)
def index_the_filters(connection: sqlite3.Connection) -> None:
    """FILTER_INDEXES instead of REPLACED_INDEXES, and ``actor_names``: every distinct actor
    name once, what the --actor filter's LIKE '%...%' (which no index serves) reads instead of
    every actor row of every event (add_events keeps it)."""
    for name in REPLACED_INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {name}")
    for name, target in FILTER_INDEXES:
        connection.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
    # WITHOUT ROWID: the table is its key, one B-tree rather than a table and its key's index
    connection.execute("CREATE TABLE IF NOT EXISTS actor_names (name TEXT PRIMARY KEY)"
                       " WITHOUT ROWID")
    connection.execute("INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors"
                       " WHERE TRUE ON CONFLICT DO NOTHING")
