"""The store: reports, events with every report that supports them, rejections, state.

One class over two back ends (``sqlite.py``: a file, the default; ``postgres.py``: a shared
server), so that the SQL below is written once and cannot drift apart. Rows are keyed by content
hashes, so storing the same report or event twice adds nothing, whichever process stores it. The
schema is brought up to date by registered migrations when the store is opened.

    with Store("sitrep.db") as store:
        with store.transaction():
            report_id = store.add_report(report, group_id=None)
            store.add_events(report_id, report.events)
        for stored in store.find_events(EventQuery(country="Syria")):
            print(stored.id, stored.event.sub_event_type, len(stored.sources))
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from ..errors import StoreError, UsageError
from ..model import ACLED_TYPES, Event, Rejection, Report, content_id
from .incidents import event_sources
from .packing import PackedEvent, PackedReport, analysis_blob, pack_event
from .records import EventQuery, Source, StoredEvent, StoreStats, event_id, report_key
from .postgres import is_database_url
from .sqlite import SQLiteBackend

__all__ = ["Store", "open_backend"]

# A prefix shorter than this could match half the store; ids are 21 characters.
MIN_ID_PREFIX = 4
# Ids in one IN (...) list: well under SQLite's and PostgreSQL's limits on parameters.
IDS_PER_STATEMENT = 500


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_backend(db: str | Path, *, create: bool = True):
    """The back end ``db`` names: a ``postgresql://`` URL or a SQLite file (the default)."""
    if is_database_url(db):
        from .postgres import PostgresBackend  # psycopg is imported only when it is needed

        return PostgresBackend(db, create=create)
    return SQLiteBackend(db, create=create)


def _keyed(group_id: str, packed_events: list[PackedEvent]) -> dict[str, PackedEvent]:
    """Event id -> packed event, in their order; two of one key are one (the first wins)."""
    new_events: dict[str, PackedEvent] = {}
    for packed in packed_events:
        new_events.setdefault(event_id(group_id, packed), packed)
    return new_events


class Store:
    """A sitrep database. ``create=False`` refuses to make a new one (the read-only verbs)."""

    def __init__(self, path: str | Path = "sitrep.db", *, create: bool = True) -> None:
        self.backend = open_backend(path, create=create)
        self.path = self.backend.path          # the SQLite file (None for a server)
        self.location = self.backend.location  # what messages call the store
        self.connection = self.backend.connection
        # the failures of this back end's driver (locked, disk full, connection lost)
        self.errors = self.backend.errors
        self.unstorable = self.backend.unstorable  # a report's own fault, not the store's
        self._execute = self.backend.execute
        self._order = self.backend.insertion_order
        self._depth = 0
        self._added: tuple[str, str] | None = None  # (id, group) of the last add_report

    # -- lifecycle --------------------------------------------------------------------------------
    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.backend.schema_version()

    def integrity(self) -> str:
        """"ok", or what the database found damaged."""
        return self.backend.integrity()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """All writes inside happen or none do; nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.backend.begin()
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.backend.rollback()
            raise
        self._depth = 0
        self.backend.commit()

    @contextmanager
    def savepoint(self) -> Iterator[Store]:
        """Inside a transaction: the writes inside happen or none do, and the transaction goes
        on either way (one report that cannot be stored does not cost its batch).

        On a server the statements go out without waiting for each answer (``pipelined``):
        a report costs a round trip or three, not one a statement (issue 15). The answers are
        all in before it ends, so a statement the server refuses fails this savepoint, not the
        next report's."""
        with self.backend.pipelined() as wait_for_answers:
            self._execute("SAVEPOINT one_report")
            try:
                yield self
                self._execute("RELEASE SAVEPOINT one_report")
                wait_for_answers()
            except BaseException:
                try:  # a server skips what was sent after an error until it is told so here
                    wait_for_answers()
                except self.errors:
                    pass  # the error being raised, answered again, or the statements skipped
                self._execute("ROLLBACK TO SAVEPOINT one_report")
                self._execute("RELEASE SAVEPOINT one_report")
                wait_for_answers()
                raise

    # -- reports ----------------------------------------------------------------------------------
    def report_ids(self) -> set[str]:
        return {row[0] for row in self._execute("SELECT id FROM reports")}

    def rejected_reports(self) -> dict[str, str]:
        """Store id -> rejection code of the reports kept as rejected by the analysis (a
        language sitrep does not read, a stage error): a re-run still counts them."""
        return dict(self._execute(
            "SELECT r.id, x.code FROM reports r JOIN rejections x ON x.report_id = r.doc_id"
            " WHERE r.status = 'rejected'").fetchall())

    def has_report(self, report_id: str) -> bool:
        return self._execute(
            "SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None

    def text_groups(self) -> dict[str, str]:
        """Text hash -> group of the first stored report with that text (exact grouping)."""
        groups: dict[str, str] = {}
        for text_hash, group_id in self._execute(
                f"SELECT text_hash, group_id FROM reports ORDER BY {self._order}"):
            groups.setdefault(text_hash, group_id)
        return groups

    def analysed_lengths(self) -> dict[str, int]:
        """Group -> length of the longest analysed text in it (what a fuller copy must beat)."""
        return dict(self._execute(
            "SELECT group_id, MAX(LENGTH(raw)) FROM reports WHERE status = 'analysed'"
            " GROUP BY group_id"))

    def report_texts(self) -> Iterator[tuple[str, str, str]]:
        """(id, group, raw text) of every stored report, in the order they were stored."""
        yield from self._execute(
            f"SELECT id, group_id, raw FROM reports ORDER BY {self._order}")

    def add_report(self, report: Report, group_id: str | None = None, *,
                   analysed: bool = True, report_id: str | None = None) -> str:
        """Store a report; returns its store id. ``group_id`` None means a group of its own;
        ``report_id`` its store id if the caller has computed it already (``report_key``).

        An analysed report keeps its whole analysis (sentences, mentions, events) so that it can
        be read back with :meth:`get_report`; a copy (``analysed=False``) keeps text and metadata.
        Every copy already in the group becomes a source of the group's events.
        """
        report_id = report_id or report_key(report.raw, report.url)
        group_id = group_id or report_id
        status = "rejected" if report.rejection else ("analysed" if analysed else "copy")
        analysis = None
        if analysed:  # made where it was analysed, if it was packed there (packing.py)
            analysis = (report.analysis if isinstance(report, PackedReport)
                        else analysis_blob(report))
        published = report.published.isoformat() if report.published else None
        insert_report = (
            "INSERT INTO reports (id, doc_id, text_hash, group_id, status, path, record,"
            " url, title, publisher, published, published_source, language, raw, analysis,"
            " stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING")
        row = (report_id, report.id, content_id(report.raw), group_id, status, report.path,
               report.record, report.url, report.title, report.publisher, published,
               report.published_source, report.language, report.raw, analysis, _now())
        add_sources = ("INSERT INTO event_sources (event_id, report_id)"
                       " SELECT id, ? FROM events WHERE group_id = ? ON CONFLICT DO NOTHING")
        if self.backend.writes_in_with:  # one statement on a server (the second does not
            # read what the first writes: the group's events were stored before)
            self._execute(f"WITH stored AS ({insert_report}) {add_sources}",
                          (*row, report_id, group_id))
        else:
            self._execute(insert_report, row)
            self._execute(add_sources, (report_id, group_id))
        # the group its events are most likely stored under (add_events checks it is)
        self._added = (report_id, group_id)
        return report_id

    def get_report(self, report_id: str) -> Report:
        """A stored report: the full analysis of an analysed one, text and metadata of a copy."""
        row = self._execute(
            "SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise StoreError(f"no report with id {report_id!r} in {self.location}", "E305")
        if row["analysis"] is not None:
            return Report.from_dict(json.loads(zlib.decompress(row["analysis"])))
        return Report.from_dict({
            "id": row["doc_id"], "raw": row["raw"], "path": row["path"], "record": row["record"],
            "url": row["url"], "title": row["title"], "publisher": row["publisher"],
            "published": row["published"], "published_source": row["published_source"],
            "language": row["language"]})

    # -- events -----------------------------------------------------------------------------------
    def add_events(self, report_id: str, events: list[Event | PackedEvent], *,
                   group_sources: bool = True) -> int:
        """Store the events of an analysed report; returns how many were new.

        Each new event gets every report of the report's group as a source — or, with
        ``group_sources=False`` (a fuller copy analysed after a shorter one), only this report,
        since the shorter copies do not tell it. Two events of one report with the same key are
        one event (the first wins); storing an event again adds nothing.
        """
        # the events' rows: made where they were analysed when the report was packed there
        packed_events = [event if isinstance(event, PackedEvent) else pack_event(event)
                         for event in events]
        write_events = getattr(self.backend, "write_events", None)
        if write_events is not None and self._added and self._added[0] == report_id:
            # a server: every write in one statement, guarded by the group add_report was
            # given (the report may have been stored before, in another group: then again)
            group_id = self._added[1]
            stored_group, stored = self._write_events(write_events, report_id, group_id,
                                                      packed_events, group_sources)
            if stored_group == group_id:
                return stored
        row = self._execute(
            "SELECT group_id FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise StoreError(f"store the report {report_id!r} before its events", "E306")
        group_id = row[0]
        if write_events is not None:
            return self._write_events(write_events, report_id, group_id, packed_events,
                                      group_sources)[1]
        # each statement is written for all the events at once (a round trip or two on a server
        # rather than three an event: issue 15, PostgreSQL's write rate)
        new_events = _keyed(group_id, packed_events)
        now = _now()
        stored = set(self.backend.insert_returning(
            "INSERT INTO events (id, group_id, report_id, event_type,"
            " sub_event_type, plover_type, actor1, actor2, country, iso3, event_date,"
            " modality, fatalities, data, stored_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
            " RETURNING id",
            [(identifier, group_id, report_id, *packed.columns, now)
             for identifier, packed in new_events.items()]))
        inserted = [identifier for identifier in new_events if identifier in stored]
        # only the events this call stored get actors and sources; one stored before has them
        actors = [(identifier, role, name) for identifier in inserted
                  for role, name in new_events[identifier].actors]
        self.backend.executemany(
            "INSERT INTO event_actors (event_id, role, name) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING", actors)
        # every distinct name once, what the --actor filter reads (records.py; migration 5)
        self.backend.executemany(
            "INSERT INTO actor_names (name) VALUES (?) ON CONFLICT DO NOTHING",
            [(name,) for name in dict.fromkeys(name for _, _, name in actors)])
        if group_sources:
            for first in range(0, len(inserted), IDS_PER_STATEMENT):
                part = inserted[first:first + IDS_PER_STATEMENT]
                self._execute(
                    "INSERT INTO event_sources (event_id, report_id)"
                    " SELECT e.id, r.id FROM events e JOIN reports r ON r.group_id = ?"
                    f" WHERE e.id IN ({','.join('?' * len(part))}) ON CONFLICT DO NOTHING",
                    (group_id, *part))
        else:
            self.backend.executemany(
                "INSERT INTO event_sources (event_id, report_id) VALUES (?, ?)"
                " ON CONFLICT DO NOTHING",
                [(identifier, report_id) for identifier in inserted])
        return len(inserted)

    @staticmethod
    def _write_events(write_events, report_id: str, group_id: str,
                      packed_events: list[PackedEvent], group_sources: bool) -> tuple:
        """(the report's stored group, how many events were new): add_events' writes as the
        back end's ``write_events`` makes them, one statement (PostgreSQL)."""
        new_events = _keyed(group_id, packed_events)
        now = _now()
        stored_group, stored = write_events(
            report_id, group_id,
            [(identifier, group_id, report_id, *packed.columns, now)
             for identifier, packed in new_events.items()],
            [(identifier, role, name) for identifier, packed in new_events.items()
             for role, name in packed.actors], group_sources)
        return stored_group, len(stored)

    def get_event(self, identifier: str) -> StoredEvent:
        """The event with this id, or the only one whose id starts with it."""
        identifier = identifier.strip()
        row = self._execute(
            "SELECT * FROM events WHERE id = ?", (identifier,)).fetchone()
        if row is None and len(identifier) >= MIN_ID_PREFIX:
            rows = self._execute(
                # ids are lower-case hex; SQLite's LIKE ignores case, PostgreSQL's does not
                "SELECT * FROM events WHERE id LIKE lower(?) ESCAPE '\\' LIMIT 2",
                (identifier.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                 + "%",)).fetchall()
            if len(rows) > 1:
                raise UsageError(f"event id prefix {identifier!r} matches several events; "
                                 "give more of the id", "E203")
            row = rows[0] if rows else None
        if row is None:
            short = (f" (a prefix needs at least {MIN_ID_PREFIX} characters)"
                     if len(identifier) < MIN_ID_PREFIX else "")
            raise StoreError(f"no event with id {identifier!r}{short} in {self.location}; list "
                             f"the ids with `sitrep events --db {self.location} --modality all`", "E307")
        if row["merged_into"]:  # one report's event of an incident: show the whole incident
            row = self._execute(
                "SELECT * FROM events WHERE id = ?", (row["merged_into"],)).fetchone()
        return self._stored_event(row)

    def find_events(self, query: EventQuery | None = None) -> Iterator[StoredEvent]:
        """Events matching ``query``, by event date then id (undated events last)."""
        condition, params = (query or EventQuery(modality=None)).where(
            self.backend.match_evidence)
        sql = (f"SELECT e.* FROM events e WHERE {condition}"
               " ORDER BY e.event_date IS NULL, e.event_date, e.id")
        if query and query.limit:
            sql += f" LIMIT {int(query.limit)}"
        for row in self.backend.stream(sql, params):  # a large store is never all in memory
            yield self._stored_event(row)

    def sources(self, identifier: str) -> tuple[Source, ...]:
        rows = self._execute(
            "SELECT r.id, r.path, r.url, r.title, r.published, r.publisher, r.record, r.doc_id"
            " FROM event_sources s JOIN reports r ON r.id = s.report_id"
            f" WHERE s.event_id = ? ORDER BY r.published IS NULL, r.published, r.{self._order}",
            (identifier,)).fetchall()
        return tuple(Source(*row) for row in rows)

    def _stored_event(self, row) -> StoredEvent:
        event = Event.from_dict(json.loads(row["data"]))
        return StoredEvent(row["id"], event, row["report_id"], row["group_id"],
                           event_sources(self, row["id"], event, row["report_id"]),
                           row["stored_at"])

    # -- rejections -------------------------------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> bool:
        """Record a rejection; returns False when exactly this one was already recorded."""
        identifier = content_id(rejection.path, rejection.line, rejection.code,
                                rejection.message, prefix="x")
        cursor = self._execute(
            "INSERT INTO rejections (id, path, line, code, message, report_id,"
            " stored_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            (identifier, rejection.path, rejection.line, rejection.code, rejection.message,
             rejection.report_id, _now()))
        return cursor.fetchone() is not None  # (a pipelined rowcount is not known yet)

    def rejections(self, code: str | None = None) -> Iterator[Rejection]:
        sql = "SELECT code, message, path, line, report_id FROM rejections"
        params: tuple = ()
        if code:
            sql, params = sql + " WHERE code = ?", (code,)
        # NULLs first on both back ends (SQLite's order; PostgreSQL puts them last)
        order = f" ORDER BY path IS NOT NULL, path, line IS NOT NULL, line, {self._order}"
        for row in self._execute(sql + order, params).fetchall():
            yield Rejection(*row)

    # -- state of corpus-level steps ----------------------------------------------------------------
    def get_state(self, key: str) -> bytes | None:
        row = self._execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def set_state(self, key: str, value: bytes) -> None:
        self._execute(
            "INSERT INTO state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def last_change(self) -> tuple:
        """Changes whenever a run stores something (every write adds a report or a rejection):
        what a reader that caches, such as `sitrep serve`, compares to know it must re-read."""
        return tuple(self._execute(
            f"SELECT (SELECT MAX({self._order}) FROM reports),"
            f" (SELECT MAX({self._order}) FROM rejections)").fetchone())

    # -- counts -----------------------------------------------------------------------------------
    def stats(self, modality: str | None = "asserted") -> StoreStats:
        """Counts of reports, events (by type and country, of ``modality``; None: all) and
        rejections (by code)."""
        execute = self._execute
        by_status = dict(execute("SELECT status, COUNT(*) FROM reports GROUP BY status").fetchall())
        by_modality = dict(execute(
            "SELECT modality, COUNT(*) FROM events WHERE merged_into IS NULL"
            " GROUP BY modality ORDER BY 2 DESC, 1").fetchall())
        # an incident several reports tell counts once, as its merged event
        condition, params = (("merged_into IS NULL AND modality = ?", [modality]) if modality
                             else ("merged_into IS NULL", []))
        by_type: dict[str, dict[str, int]] = {}
        for event_type, sub_type, count in execute(
                f"SELECT event_type, coalesce(sub_event_type, '-'), COUNT(*) FROM events"
                f" WHERE {condition} AND event_type IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", params):
            by_type.setdefault(event_type, {})[sub_type] = count
        by_type = {kind: dict(sorted(by_type[kind].items(), key=lambda item: -item[1]))
                   for kind in [*ACLED_TYPES, *sorted(set(by_type) - set(ACLED_TYPES))]
                   if kind in by_type}
        by_plover = dict(execute(
            f"SELECT coalesce(plover_type, '(untyped)'), COUNT(*) FROM events"
            f" WHERE {condition} AND event_type IS NULL GROUP BY 1 ORDER BY 2 DESC, 1",
            params).fetchall())
        by_country = dict(execute(
            f"SELECT coalesce(country, '(location unknown)'), COUNT(*) FROM events WHERE {condition}"
            f" GROUP BY 1 ORDER BY 2 DESC, 1", params).fetchall())
        by_code = dict(execute(
            "SELECT code, COUNT(*) FROM rejections GROUP BY code ORDER BY 2 DESC, 1").fetchall())
        return StoreStats(
            reports=sum(by_status.values()), analysed=by_status.get("analysed", 0),
            copies=by_status.get("copy", 0), rejected_reports=by_status.get("rejected", 0),
            events=sum(by_modality.values()), events_by_modality=by_modality,
            events_by_type=by_type, events_by_plover_only=by_plover,
            events_by_country=by_country,
            rejections=sum(by_code.values()), rejections_by_code=by_code)
