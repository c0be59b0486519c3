"""The PostgreSQL back end of the store: one database that a team, or many runs at once, share.

``--db postgresql://USER@HOST[:PORT]/DBNAME`` wherever ``--db FILE`` is accepted. The store's
SQL is the same as for SQLite (``store.py``); this module connects, translates SQLite's ``?``
placeholders into psycopg's ``%s``, keeps the schema (the same tables and columns, with
PostgreSQL's types) and runs transactions.

Several ``sitrep run`` processes may write to one database at once. Nothing is lost or stored
twice because every row is keyed by a content hash and written with ``ON CONFLICT DO NOTHING``
inside a transaction; each write transaction also takes a transaction-scoped advisory lock
(:data:`WRITE_LOCK`), PostgreSQL's equivalent of SQLite's ``BEGIN IMMEDIATE``: the runs analyse
in parallel and write their batches one after another, so that two batches never deadlock on
each other's keys and a syndicated copy stored by one run always sees the events another run
stored for its group (under READ COMMITTED without the lock each could miss the other's).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError
from .migrations import missing_versions, migration

__all__ = ["PostgresBackend", "MIGRATIONS", "is_database_url", "redact"]

URL_SCHEMES = ("postgresql://", "postgres://")
# Key of the advisory lock held by write transactions and migrations (any fixed 64-bit number;
# advisory locks are per database, so stores in other databases do not wait for each other).
WRITE_LOCK = 0x5173_7265_7000
# Rows a write transaction writes before the plans of the statements psycopg prepared (those
# run five times or more) are made again; then again each time that count doubles. PostgreSQL
# gives such a statement one generic plan, made from the sizes the tables had at the time and
# kept until they are ANALYZEd, and the rows of a transaction count for nothing until it commits
# (autovacuum then ANALYZEs them). A store filled in one transaction (`sitrep run --strict`, an
# import) kept the plans made on nearly empty tables: add_events' event_sources INSERT ...
# SELECT read every stored event by a sequential scan, a cost growing with the store (20,000
# events: 0.5 s per thousand at first, 1.4 s at the end, 9 ms a statement; 100,000 had not
# been written after 11 minutes). Planned again, from the tables' sizes now, it is an index
# lookup (0.2 ms) from a few hundred events on, and stays one: a few re-plannings a
# transaction, however long. (Planning every execution, plan_cache_mode=force_custom_plan, did
# as well but doubled the server's CPU on a run: 3.2-4.0 -> 7.7-8.0 ms an article.)
REPLAN_AFTER_ROWS = 1000
# Rows fetched per round trip when streaming events out of a large store.
STREAM_ROWS = 2000

# The words of an event's evidence spans, for full-text search: the index of migration 3 and the
# condition of match_evidence() must be this same expression for the planner to use the index.
# jsonb_to_tsvector reads the JSON strings themselves (no quotes or escapes become words) and
# leaves a gap between two spans, so that a phrase never runs from one span into the next.
EVIDENCE_WORDS = ("jsonb_to_tsvector('english', jsonb_path_query_array({table}data::jsonb,"
                  " '$.evidence[*].text'), '[\"string\"]')")

# version -> (name, function); the same versions and names as migrations.MIGRATIONS
MIGRATIONS: dict[int, tuple] = {}


def is_database_url(db) -> bool:
    return isinstance(db, str) and db.startswith(URL_SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


@lru_cache(maxsize=256)
def _placeholders(sql: str) -> str:
    """SQLite's ``?`` -> psycopg's ``%s`` outside quoted literals; a literal ``%`` -> ``%%``
    everywhere (psycopg reads ``%`` inside quotes too)."""
    return re.sub(r"'[^']*'|\?|%", lambda m: (m[0].replace("%", "%%") if m[0][0] == "'"
                                                else {"?": "%s", "%": "%%"}[m[0]]), sql)


# What _translated() rewrites: quoted literals (left as they are), a list of placeholders after
# IN or NOT IN, a placeholder, a percent sign.
_TOKENS = re.compile(r"'[^']*'|\b(?P<not>NOT\s+)?IN\s*\(\s*\?(?:\s*,\s*\?)*\s*\)"
                     r"|\?(?=(?P<array>::[a-z ]+\[\]))|\?|%")


@lru_cache(maxsize=512)
def _translated(sql: str) -> tuple[str, tuple[int, ...]]:
    """``sql`` as psycopg takes it (see _placeholders), each list of placeholders after IN (NOT
    IN) sent as one array, ``= ANY(%b)`` (``<> ALL(%b)``); and how many of the caller's
    parameters each placeholder of the result takes (a list's length for an array, else 1).
    The text is then the same whatever the lists' lengths: psycopg parses it once and the
    server prepares it once, where each length was a statement of its own, and psycopg parses
    the placeholders of one of over 50 parameters at every call (1.2 ms for a list of 500).
    A placeholder cast to an array type (``?::text[]``) takes a list, sent in binary."""
    sizes: list[int] = []

    def replace(match: re.Match) -> str:
        token = match[0]
        if token[0] == "'":
            return token.replace("%", "%%")
        if token == "%":
            return "%%"
        if token == "?":
            sizes.append(1)
            # a list cast to an array type goes in binary (psycopg writes a text array escaping
            # each value with a regular expression in Python: see _many_rows)
            return "%b" if match["array"] else "%s"
        sizes.append(-token.count("?"))  # negative: an array of that many
        return "<> ALL(%b)" if match["not"] else "= ANY(%b)"

    return _TOKENS.sub(replace, sql), tuple(sizes)


def _statement(sql: str, params: tuple | list) -> tuple[str, list]:
    """(``sql``, ``params``) as psycopg takes them (:func:`_translated`)."""
    text, sizes = _translated(sql)
    if all(size == 1 for size in sizes):
        return text, params
    given, at = [], 0
    for size in sizes:
        if size == 1:
            given.append(params[at])
            at += 1
        else:
            given.append(list(params[at:at - size]))
            at -= size
    if at != len(params):
        raise ValueError(f"{len(params)} parameters for {at} placeholders: {sql[:80]!r}")
    return text, given


# An INSERT of one row of placeholders: what executemany() and insert_returning() send as one
# statement of many rows.
_VALUES = re.compile(r"(?P<head>INSERT\s+INTO\s+(?P<table>\w+)\s*\((?P<columns>[^)]*)\)\s*VALUES\s*)"
                     r"(?P<row>\([?,\s]*\))(?P<tail>.*)", re.S)
# The columns of an event's row, in the order Store.add_events gives them to write_events().
EVENT_COLUMNS = ("id", "group_id", "report_id", "event_type", "sub_event_type", "plover_type",
                 "actor1", "actor2", "country", "iso3", "event_date", "modality", "fatalities",
                 "data", "stored_at")
# Rows per statement (their arrays are held by the client and the server at once).
ROWS_PER_STATEMENT = 2000


def _many_rows(sql: str, rows: list[tuple], types: dict[str, str]):
    """(statement, parameters) of ``sql``, an ``INSERT INTO table (columns) VALUES (?, ...)
    TAIL``, for all ``rows`` in as few statements as ROWS_PER_STATEMENT allows: ``INSERT INTO
    table (columns) SELECT * FROM unnest(?::type[], ...) TAIL``, one array a column (``types``:
    column -> its type), the rows in their order. One statement of n rows costs the client and
    the server about what one of a single row does, and its text is the same whatever n is:
    psycopg reads it once and the server prepares it once (a VALUES list of n rows was a
    statement of its own for each n, whose placeholders psycopg parsed at every call, never
    caching a statement of over 50: 1.2 ms a call, a sixth of the driver's time on a run).
    ``ON CONFLICT DO NOTHING`` skips a row that repeats an earlier one of the same statement as
    it skips a stored one."""
    match = _VALUES.fullmatch(sql)
    if match is None:
        raise ValueError(f"not an INSERT INTO table (columns) VALUES (?, ...): {sql[:80]!r}")
    columns = [column.strip() for column in match["columns"].split(",")]
    if match["row"].count("?") != len(columns):
        raise ValueError(f"not one placeholder a column: {sql[:80]!r}")
    column_types = [types[column] for column in columns]
    # the arrays in binary: psycopg writes a text array escaping each value with a regular
    # expression in Python (2,000 values of 1 kB: 840 ms, against 18 in binary)
    statement = (f"INSERT INTO {match['table']} ({', '.join(columns)}) SELECT * FROM unnest("
                 + ", ".join(f"%b::{kind}[]" for kind in column_types) + ") AS batch"
                 + _placeholders(match["tail"]))
    for first in range(0, len(rows), ROWS_PER_STATEMENT):
        part = rows[first:first + ROWS_PER_STATEMENT]
        yield statement, [_array([values[i] for values in part], kind)
                          for i, kind in enumerate(column_types)]


def _array(values: list, kind: str) -> list:
    """A column's values as psycopg sends them in one array: a column of floats may hold ints
    (a score of 1), which psycopg does not mix in a list."""
    if kind == "double precision":
        return [None if value is None else float(value) for value in values]
    return values


class _Row(tuple):
    """A row read by position, by column name or unpacked, as ``sqlite3.Row`` is."""

    def __new__(cls, values, index: dict[str, int]):
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            key = self._index[key]
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: _Row(values, index)


class PostgresBackend:
    """A store in the PostgreSQL database at ``url``."""

    name = "postgresql"
    # PostgreSQL has no rowid: the reports and rejections tables number rows in a sequence
    insertion_order = "seq"
    # statements that write in a WITH: two writes are one statement (Store.add_report)
    writes_in_with = True
    # a lookup for each row of arrays in one statement (the merge step's keys, incidents.py)
    lateral_joins = True

    def __init__(self, url: str, *, create: bool = True) -> None:
        try:
            import psycopg
        except ModuleNotFoundError:
            raise StoreError("a postgresql:// store needs psycopg: pip install "
                             "'psycopg[binary]' (make setup installs it)", "E304") from None
        self.path = None
        self.location = redact(url)
        self._streams = 0  # names the server-side cursors of stream()
        self._column_types: dict[str, dict[str, str]] = {}  # see _types()
        self._written = 0  # rows sent by the write transaction (see REPLAN_AFTER_ROWS)
        self._replan_at = REPLAN_AFTER_ROWS
        self.errors = (psycopg.Error,)
        # a report's own fault (a NUL character PostgreSQL text cannot hold, a number out of
        # range): sitrep/store/run.py rejects that report and keeps the rest of its batch
        self.unstorable = (psycopg.DataError, psycopg.IntegrityError)
        try:
            self.connection = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to the store {self.location}: "
                             f"{str(exc).strip()}", "E304") from None
        try:
            if not create and self.schema_version() == 0:
                raise StoreError(f"no sitrep store in {self.location}; create one with "
                                 f"`sitrep run PATH --db {self.location}`", "E303")
            migrate(self.connection)
        except BaseException:
            self.connection.close()
            raise

    def execute(self, sql: str, params: tuple | list = ()):
        self._wrote(1)
        return self.connection.execute(*_statement(sql, params))

    def _wrote(self, rows: int) -> None:
        """Count ``rows`` sent in this transaction; make the plans again when it is time."""
        self._written += rows
        if self._written >= self._replan_at:
            self._replan_at *= 2
            self.connection.execute("DISCARD PLANS", prepare=False)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        """``sql`` once per row: an ``INSERT ... VALUES (...)`` as one statement of many rows
        (:func:`_many_rows`), anything else one statement a row, all sent at once."""
        if not rows:
            return
        self._wrote(len(rows))
        if _VALUES.fullmatch(sql):
            for statement, params in _many_rows(sql, rows, self._types(sql)):
                self.connection.execute(statement, params)
            return
        with self.connection.cursor() as cursor:
            cursor.executemany(_placeholders(sql), rows)

    @contextmanager
    def pipelined(self):
        """Statements inside are sent without waiting for each one's answer (psycopg's pipeline
        mode); reading a result, or the function this yields, waits for what was sent, and an
        error of any of it is raised there."""
        with self.connection.pipeline() as pipeline:
            yield pipeline.sync

    def fetch_all(self, statements: list[tuple[str, tuple | list]]) -> list[list]:
        """The rows of each of ``statements`` (queries), all sent before the first answer is
        awaited (pipeline mode): one round trip for them all, not one each."""
        with self.connection.pipeline():
            cursors = [self.connection.execute(*_statement(sql, params))
                       for sql, params in statements]
            return [cursor.fetchall() for cursor in cursors]

    def insert_returning(self, sql: str, rows: list[tuple]) -> list:
        """Run the ``INSERT ... VALUES (...) ... RETURNING x`` for every row, as one statement
        of many rows (:func:`_many_rows`); the ``x`` of the rows it stored, in no set order."""
        self._wrote(len(rows))
        returned: list = []
        for statement, params in _many_rows(sql, rows, self._types(sql)):
            returned += [found[0] for found in
                         self.connection.execute(statement, params).fetchall()]
        return returned

    def write_events(self, report_id: str, group_id: str, rows: list[tuple],
                     actors: list[tuple[str, str, str]],
                     group_sources: bool) -> tuple[str | None, set[str]]:
        """Store.add_events' writes in one statement, one round trip (issue 15: they were five
        statements and two waits for an answer a report): the events ``rows`` (columns of
        EVENT_COLUMNS) ``ON CONFLICT DO NOTHING``, then, for the events this stored only, their
        ``actors`` ((event id, role, name) of every event of ``rows``), the actors' names and
        their sources (every report of the group, or with ``group_sources`` False the report
        alone) — PostgreSQL's data-modifying WITH, each part reading what the insert RETURNed.
        The events are stored only if report ``report_id`` is stored in group ``group_id``
        (their ids were made from that group). Returns the report's stored group (None: no such
        report) and the ids of the events stored."""
        self._wrote(len(rows) + len(actors))
        types = self._table_types("events")
        event_ids, roles, names = (list(column) for column in zip(*actors)) if actors \
            else ([], [], [])
        sources = ("SELECT new.id, r.id FROM new JOIN reports r ON r.group_id = %s" if group_sources
                   else "SELECT new.id, %s FROM new")
        statement = (
            f"WITH new AS (INSERT INTO events ({', '.join(EVENT_COLUMNS)}) SELECT * FROM unnest("
            + ", ".join(f"%b::{types[column]}[]" for column in EVENT_COLUMNS)
            + ") AS batch WHERE EXISTS (SELECT 1 FROM reports WHERE id = %s AND group_id = %s)"
            " ON CONFLICT DO NOTHING RETURNING id),"
            " actors AS (INSERT INTO event_actors (event_id, role, name) SELECT a.event_id,"
            " a.role, a.name FROM unnest(%b::text[], %b::text[], %b::text[])"
            " AS a(event_id, role, name) WHERE a.event_id IN (SELECT id FROM new)"
            " ON CONFLICT DO NOTHING),"
            " names AS (INSERT INTO actor_names (name) SELECT DISTINCT a.name FROM"
            " unnest(%b::text[], %b::text[]) AS a(event_id, name)"
            " WHERE a.event_id IN (SELECT id FROM new) ON CONFLICT DO NOTHING),"
            f" sources AS (INSERT INTO event_sources (event_id, report_id) {sources}"
            " ON CONFLICT DO NOTHING)"
            " SELECT (SELECT group_id FROM reports WHERE id = %s), ARRAY(SELECT id FROM new)")
        columns = [_array([row[i] for row in rows], types[column])
                   for i, column in enumerate(EVENT_COLUMNS)]
        stored_group, stored = self.connection.execute(statement, [
            *columns, report_id, group_id, event_ids, roles, names, event_ids, names,
            group_id if group_sources else report_id, report_id]).fetchone()
        return stored_group, set(stored)

    def _types(self, sql: str) -> dict[str, str]:
        """Column -> type of the table ``sql`` inserts into (asked once a table)."""
        return self._table_types(_VALUES.fullmatch(sql)["table"])

    def _table_types(self, table: str) -> dict[str, str]:
        """Column -> type of ``table`` (asked once a table)."""
        types = self._column_types.get(table)
        if types is None:
            types = self._column_types[table] = dict(self.connection.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s", (table,)).fetchall())
        return types

    def stream(self, sql: str, params: tuple | list = ()):
        """Rows of a large result a few thousand at a time (a server-side cursor)."""
        # WITH HOLD: the cursor outlives the statement in autocommit mode; the store may run
        # other queries (an event's sources) between two fetches
        self._streams += 1
        name = f"sitrep_stream_{self._streams}"
        with self.connection.cursor(name=name, withhold=True) as cursor:
            cursor.itersize = STREAM_ROWS
            cursor.execute(_placeholders(sql), params)
            yield from cursor

    def match_evidence(self, text: str) -> tuple[str, list]:
        """Events whose evidence matches ``text``: PostgreSQL's own search-box syntax
        (websearch_to_tsquery), over the GIN index of migration 3."""
        return (EVIDENCE_WORDS.format(table="e.") + " @@ websearch_to_tsquery('english', ?)",
                [text])

    def begin(self) -> None:
        self._written, self._replan_at = 0, REPLAN_AFTER_ROWS
        self.connection.execute("BEGIN")
        self.connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def commit(self) -> None:
        self.connection.execute("COMMIT")

    def rollback(self) -> None:
        if not self.connection.closed:
            self.connection.execute("ROLLBACK")

    def schema_version(self) -> int:
        return schema_version(self.connection)

    def integrity(self) -> str:
        """"ok": PostgreSQL checks its own pages; what can be asked is that the tables answer."""
        for table in ("reports", "events", "event_sources", "rejections"):
            self.connection.execute(f"SELECT 1 FROM {table} LIMIT 1")
        return "ok"

    def close(self) -> None:
        self.connection.close()


def schema_version(connection) -> int:
    row = connection.execute("SELECT to_regclass('migrations') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    return connection.execute("SELECT MAX(version) FROM migrations").fetchone()[0] or 0


def migrate(connection) -> list[int]:
    """Apply every migration the database lacks (migrations.py's rule: from the first one it
    lacks on, each idempotent), all in one transaction under the write lock, so that two runs
    opening a new database at once do not both create it; returns the versions recorded now."""
    latest = max(MIGRATIONS)
    if schema_version(connection) == latest and not missing_versions(
            {row[0] for row in connection.execute("SELECT version FROM migrations")}, latest):
        return []  # the usual case: a reader does not wait for a writer's lock
    applied: list[int] = []
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        connection.execute(
            "CREATE TABLE IF NOT EXISTS migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        recorded = {row[0] for row in connection.execute("SELECT version FROM migrations")}
        if recorded and max(recorded) > latest:
            raise StoreError(
                f"the store has schema version {max(recorded)} but this sitrep knows only up "
                f"to {latest}; upgrade sitrep to open it", "E302")
        for version in missing_versions(recorded, latest):
            name, function = MIGRATIONS[version]
            function(connection)
            if version not in recorded:
                connection.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                    (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
                applied.append(version)
    return applied


def _execute_script(connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


# The schema: migrations.py's, column for column, with PostgreSQL's types. Text columns that are
# sorted on use the "C" collation, SQLite's byte order, whatever the database's locale.
@migration(1, MIGRATIONS)
def create_tables(connection) -> None:
    """Reports, events, their sources, rejections and the key-value state of corpus-level steps."""
    _execute_script(connection, """
        CREATE TABLE IF NOT EXISTS reports (
            seq BIGSERIAL,
            id TEXT COLLATE "C" PRIMARY KEY, doc_id TEXT, text_hash TEXT NOT NULL,
            group_id TEXT COLLATE "C" NOT NULL, status TEXT NOT NULL,
            path TEXT COLLATE "C", record BIGINT, url TEXT, title TEXT, publisher TEXT,
            published TEXT COLLATE "C", published_source TEXT, language TEXT,
            raw TEXT NOT NULL, analysis BYTEA, stored_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS reports_group ON reports (group_id);
        CREATE INDEX IF NOT EXISTS reports_text_hash ON reports (text_hash);
        CREATE INDEX IF NOT EXISTS reports_seq ON reports (seq);

        CREATE TABLE IF NOT EXISTS events (
            id TEXT COLLATE "C" PRIMARY KEY, group_id TEXT COLLATE "C" NOT NULL,
            report_id TEXT NOT NULL,
            event_type TEXT COLLATE "C", sub_event_type TEXT COLLATE "C",
            plover_type TEXT COLLATE "C", actor1 TEXT, actor2 TEXT,
            country TEXT COLLATE "C", iso3 TEXT,
            event_date TEXT COLLATE "C", modality TEXT COLLATE "C" NOT NULL, fatalities BIGINT,
            data TEXT NOT NULL, stored_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS events_type ON events (event_type, sub_event_type);
        CREATE INDEX IF NOT EXISTS events_country ON events (country);
        CREATE INDEX IF NOT EXISTS events_date ON events (event_date);
        CREATE INDEX IF NOT EXISTS events_modality ON events (modality);
        CREATE INDEX IF NOT EXISTS events_group ON events (group_id);

        CREATE TABLE IF NOT EXISTS event_actors (
            event_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
            PRIMARY KEY (event_id, role, name)
        );
        CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors (name);

        CREATE TABLE IF NOT EXISTS event_sources (
            event_id TEXT NOT NULL, report_id TEXT NOT NULL,
            PRIMARY KEY (event_id, report_id)
        );
        CREATE INDEX IF NOT EXISTS event_sources_report ON event_sources (report_id);

        CREATE TABLE IF NOT EXISTS rejections (
            seq BIGSERIAL,
            id TEXT PRIMARY KEY, path TEXT COLLATE "C", line BIGINT,
            code TEXT COLLATE "C" NOT NULL, message TEXT NOT NULL, report_id TEXT,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS rejections_code ON rejections (code);

        CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
    """)


@migration(2, MIGRATIONS)
def add_incident_merging(connection) -> None:
    """Cross-report merging: migrations.py's migration 2 with PostgreSQL's types."""
    _execute_script(connection, """
        ALTER TABLE events ADD COLUMN IF NOT EXISTS merged_into TEXT COLLATE "C";
        CREATE INDEX IF NOT EXISTS events_merged_into ON events (merged_into);

        CREATE TABLE IF NOT EXISTS merge_mentions (
            event_id TEXT COLLATE "C" PRIMARY KEY, family TEXT COLLATE "C",
            first_day TEXT COLLATE "C", last_day TEXT COLLATE "C",
            exact_located INTEGER NOT NULL, data TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS merge_mentions_block
            ON merge_mentions (family, exact_located, first_day);

        CREATE TABLE IF NOT EXISTS merge_names (
            name TEXT COLLATE "C" NOT NULL, event_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY (name, event_id)
        );

        CREATE TABLE IF NOT EXISTS merge_links (
            first TEXT COLLATE "C" NOT NULL, second TEXT COLLATE "C" NOT NULL,
            score DOUBLE PRECISION NOT NULL, reasons TEXT NOT NULL,
            PRIMARY KEY (first, second)
        );
        CREATE INDEX IF NOT EXISTS merge_links_second ON merge_links (second);
    """)


@migration(3, MIGRATIONS)
def add_evidence_search(connection) -> None:
    """Full-text search over events' evidence: migrations.py's migration 3 done PostgreSQL's
    way, a GIN index over the evidence's words (an expression index: nothing to keep in step
    when the run or the merge step writes events, and the events a store has are indexed now)."""
    connection.execute("CREATE INDEX IF NOT EXISTS events_evidence ON events USING GIN ("
                       + EVIDENCE_WORDS.format(table="") + ")")


@migration(4, MIGRATIONS)
def drop_unqueried_indexes(connection) -> None:
    """migrations.py's migration 4: drop the indexes no statement of the store uses (the same
    on PostgreSQL: none of the filters they were made for compares the bare column)."""
    from .migrations import UNQUERIED_INDEXES

    for name in UNQUERIED_INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {name}")


@migration(5, MIGRATIONS)
def index_the_filters(connection) -> None:
    """migrations.py's migration 5: the filters' own expression indexes instead of the
    modality index and the full merged_into one, and the distinct actor names. (PostgreSQL's
    planner keeps statistics and would not have read events_modality for a filter; it is
    dropped all the same, an index no query gains from that every insert wrote.)"""
    from .migrations import FILTER_INDEXES, REPLACED_INDEXES

    for name in REPLACED_INDEXES:
        connection.execute(f"DROP INDEX IF EXISTS {name}")
    for name, target in FILTER_INDEXES:
        connection.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
    # the collation of event_actors.name: the filter compares the two
    connection.execute("CREATE TABLE IF NOT EXISTS actor_names (name TEXT PRIMARY KEY)")
    connection.execute("INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors"
                       " ON CONFLICT DO NOTHING")
