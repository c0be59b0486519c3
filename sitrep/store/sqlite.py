"""The SQLite back end of the store: one file, one writer, WAL so that readers work while it writes.

A back end gives :class:`sitrep.store.Store` a connection and what differs between databases:
how to open, migrate, begin and end a transaction, check integrity, and name the column that
keeps insertion order. The SQL of the store itself is written once, in the subset both SQLite
and PostgreSQL accept (``ON CONFLICT DO NOTHING``, ``TRUE``, ``lower() LIKE lower()``).
"""

from __future__ import annotations

import random
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from .migrations import migrate, schema_version
from .search import fts5_query

__all__ = ["SQLiteBackend"]

# Seconds a statement waits for another connection's lock (SQLite's busy timeout). Writers hold
# the lock only to write a batch of analysed reports (sitrep/store/run.py), well under a second;
# readers never block a WAL writer.
BUSY_TIMEOUT = 10.0
# Seconds to keep retrying past the busy timeout before a write gives up: a --strict run holds
# the lock for its whole analysis, and SQLite answers "locked" at once, without waiting, where
# waiting could deadlock.
LOCK_WAIT = 600.0
# The connection's page cache, in KiB (SQLite's default is 2,000): the merge step reads the
# mentions and links of the same parts of the store batch after batch, and a page missing from
# the cache is a read from the operating system (replay of 8,000 generated reports: the
# driver's system time 0.80 -> 0.52 ms an article, 64 MiB more resident at most).
CACHE_KIB = 65536
# Where a write transaction keeps its sub-journal: SQLite saves the original of every page a
# savepoint (one a report: sitrep/store/run.py) or a many-row statement first changes, so that
# it can roll back to it. In the temporary file it spills to past 64 KiB it was 78 % of the
# bytes a run handed to write calls (bench_replay's written_mb on 3,000 generated articles:
# 1,857 MB, 416 MB in memory), rewritten report after report (what reached the disk, the
# kernel's write_bytes, only 438 -> 424 MB: the file's pages were mostly rewritten in the page
# cache first, but each was a write call and a copy). A report's savepoint holds a few hundred
# pages at most and is emptied when it ends, so a write transaction keeps it in memory
# (2 = MEMORY); reads keep the default, since their sorts (ORDER BY over a whole store) may
# need more than memory.
WRITING_TEMP_STORE = 2
# Pages the WAL may hold before a commit copies them into the database file (SQLite's default
# is 1,000, 4 MB). A page that several batches' commits change between two checkpoints (the
# tail of a table, a leaf of the full-text index or of a busy index) is copied once, not once a
# batch (bench_replay of 3,000 generated articles, the final checkpoint included: written_mb
# 386 -> 358 at 4,096, -> 334 at 16,384; disk_mb alike; the driver's CPU the same within the
# load's noise, two alternated rounds). The WAL file keeps up to 64 MB while a run writes;
# SQLite deletes it when the last connection closes.
WAL_AUTOCHECKPOINT = 16384


def _when_unlocked(action):
    """``action()``, retried with growing, jittered pauses while the database is locked."""
    deadline = time.monotonic() + LOCK_WAIT
    pause = 0.05
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if ("locked" not in message and "busy" not in message) \
                    or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause + random.random() * pause)  # jitter: writers do not retry in step
        pause = min(pause * 2, 2.0)


class SQLiteBackend:
    """A store in the SQLite file ``path`` (``:memory:`` for a throw-away one)."""

    name = "sqlite"
    # SQLite numbers every row in insertion order already
    insertion_order = "rowid"
    # a WITH holds queries only: each write is a statement of its own (a file has no round
    # trips to save)
    writes_in_with = False
    # nor a LATERAL join: a statement a lookup
    lateral_joins = False
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    # what storing one report can fail with that is that report's fault (sitrep/store/run.py
    # turns it into a rejection of that report)
    unstorable: tuple[type[BaseException], ...] = (sqlite3.InterfaceError, sqlite3.DataError,
                                                   sqlite3.IntegrityError)

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.location = str(path)
        if not create and not self.path.is_file():
            raise StoreError(f"no sitrep store at {self.path}; create one with "
                             f"`sitrep run PATH --db {self.path}`", "E303")
        try:
            # autocommit mode: transactions are explicit (Store.transaction), one writer at a
            # time; the busy timeout comes first: switching a new file to WAL takes a lock that
            # a second process creating the same store at the same moment must wait for
            self.connection = sqlite3.connect(self.path, isolation_level=None,
                                              timeout=BUSY_TIMEOUT)
            self.connection.row_factory = sqlite3.Row
            _when_unlocked(lambda: self.connection.execute("PRAGMA journal_mode = WAL"))
            self.connection.execute("PRAGMA synchronous = NORMAL")
            self.connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
            _when_unlocked(lambda: migrate(self.connection))
            self._temp_store = self.connection.execute("PRAGMA temp_store").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}", "E304") from None

    def execute(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    def stream(self, sql: str, params: tuple | list = ()) -> sqlite3.Cursor:
        """Rows of a large result as they are read (SQLite's cursor never holds them all)."""
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        self.connection.executemany(sql, rows)

    @contextmanager
    def pipelined(self):
        """A file has no round trips to save: statements run as they are made; the function
        to wait for their answers has nothing to wait for."""
        yield lambda: None

    def fetch_all(self, statements: list[tuple[str, tuple | list]]) -> list[list]:
        """The rows of each of ``statements`` (queries), run one after another."""
        return [self.connection.execute(sql, params).fetchall() for sql, params in statements]

    def insert_returning(self, sql: str, rows: list[tuple]) -> list:
        """Run the ``INSERT ... RETURNING x`` once per row; the ``x`` of the rows it stored (a
        file has no round trips to save: one statement a row costs what one for all would)."""
        returned = []
        for row in rows:
            returned += [found[0] for found in self.connection.execute(sql, row).fetchall()]
        return returned

    def match_evidence(self, text: str) -> tuple[str, list]:
        """Events whose evidence matches ``text`` (search.py's syntax, translated to FTS5)."""
        return ("e.id IN (SELECT event_id FROM evidence_search WHERE evidence MATCH ?)",
                [fts5_query(text)])

    def begin(self) -> None:
        # the sub-journal is opened in the transaction, with the setting of that moment
        self.connection.execute(f"PRAGMA temp_store = {WRITING_TEMP_STORE}")
        # IMMEDIATE takes the write lock now: a second writer waits (busy_timeout) here, at the
        # start, rather than failing half-way through its transaction
        try:
            _when_unlocked(lambda: self.connection.execute("BEGIN IMMEDIATE"))
        except sqlite3.OperationalError as exc:
            self._reading_temp_store()
            raise StoreError(f"the store {self.path} stayed locked by another writer for "
                             f"{LOCK_WAIT:.0f} s: {exc}", "E309") from None

    def commit(self) -> None:
        try:
            self.connection.execute("COMMIT")
        finally:
            self._reading_temp_store()

    def rollback(self) -> None:
        try:
            self.connection.execute("ROLLBACK")
        finally:
            self._reading_temp_store()

    def _reading_temp_store(self) -> None:
        self.connection.execute(f"PRAGMA temp_store = {self._temp_store}")

    def schema_version(self) -> int:
        return schema_version(self.connection)

    def integrity(self) -> str:
        """"ok", or what SQLite found damaged."""
        return self.connection.execute("PRAGMA quick_check").fetchone()[0]

    def close(self) -> None:
        self.connection.close()
