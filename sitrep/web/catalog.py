"""What the web API reads: the store's events, filtered and paged, kept in memory between requests.

The filters of ``sitrep events`` (type, actor, country, dates, modality) are answered by the
store itself through :class:`EventQuery`, so the API and the CLI agree on every match. The web's
own filters — words of the evidence (``q``) and a bounding box — are applied here to what the store
returned. A query's matching ids are kept (a small LRU), so paging through a result or loading
its map points costs one store query, not one per page.

Freshness: the catalog is read-only, and the store may be written meanwhile by ``sitrep run`` or
the write endpoint. The store file's size and modification time (and its WAL's) are checked on
every request — two ``stat`` calls — and any change drops what was kept.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import UsageError
from ..store import EventQuery, Store, StoredEvent
from ..store.postgres import is_database_url

__all__ = ["Catalog", "Filters", "BBox", "MAX_PAGE", "DEFAULT_PAGE"]

DEFAULT_PAGE = 100
# A page is built and serialised in one piece; 1,000 events of ~2 kB each keep a response near
# 2 MB. The map's points and the GeoJSON/CSV exports are not paged.
MAX_PAGE = 1000
# Distinct filter combinations whose matching ids are kept; an analyst's session uses a handful.
CACHED_QUERIES = 64
# The words of ``q`` a search may have: bounds the work of one request.
MAX_QUERY_WORDS = 20
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BBox:
    """west, south, east, north in degrees (GeoJSON's order); west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        try:
            values = [float(part) for part in text.split(",")]
        except ValueError:
            values = []
        if len(values) != 4 or any(v != v for v in values):  # v != v: NaN
            raise UsageError(f"bbox must be four numbers west,south,east,north: {text!r}", "E252")
        west, south, east, north = values
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise UsageError(f"bbox out of range (longitudes -180..180, latitudes -90..90, "
                             f"south <= north): {text!r}", "E252")
        return cls(west, south, east, north)

    def contains(self, lat: float, lon: float) -> bool:
        if not self.south <= lat <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= lon <= self.east
        return lon >= self.west or lon <= self.east


@dataclass(frozen=True)
class Filters:
    """Every filter of the events endpoints. The first six are EventQuery's (``sitrep events``)."""

    event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    modality: str | None = "asserted"  # None: every modality ("all")
    q: str | None = None
    bbox: BBox | None = None

    def query(self) -> EventQuery:
        """The store's part (raises UsageError on an unknown type, modality, or since > until)."""
        return EventQuery(event_type=self.event_type, actor=self.actor, country=self.country,
                          since=self.since, until=self.until, modality=self.modality)

    def words(self) -> list[str]:
        words = _WORD.findall((self.q or "").casefold())
        if len(words) > MAX_QUERY_WORDS:
            raise UsageError(f"q has {len(words)} words; at most {MAX_QUERY_WORDS}", "E253")
        return words


def _matches(stored: StoredEvent, words: list[str], bbox: BBox | None) -> bool:
    event = stored.event
    if bbox is not None:
        place = event.location
        if place is None or place.lat is None or place.lon is None:
            return False
        if not bbox.contains(place.lat, place.lon):
            return False
    if words:
        # every word must be a word of the evidence (any case): what an analyst sees in the
        # panel; whole words, so that "7" does not find "17"
        evidence = set(_WORD.findall(" ".join(span.text for span in event.evidence).casefold()))
        if not all(word in evidence for word in words):
            return False
    return True


class Catalog:
    """The events of one store, by filter. Safe to share between request threads."""

    def __init__(self, db: str | Path) -> None:
        # a postgresql:// URL stays a string (Path would fold its "//")
        self.db = db if is_database_url(db) else Path(db)
        Store(self.db, create=False).close()  # a missing or broken store fails now, not later
        self._lock = threading.RLock()
        # one SQLite connection per request thread (sqlite3's rule); they close with the process
        self._local = threading.local()
        self._signature: tuple | None = None
        self._events: dict[str, StoredEvent] = {}
        self._queries: OrderedDict[tuple, list[str]] = OrderedDict()

    # -- the store --------------------------------------------------------------------------------
    def store(self) -> Store:
        """This thread's connection to the store (opened on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.db, create=False)
        return store

    def _file_signature(self) -> tuple:
        if not isinstance(self.db, Path):  # a server: ask it (there is no file to look at)
            return self.store().last_change()
        signature = []
        for path in (self.db, self.db.with_name(self.db.name + "-wal")):
            try:
                status = path.stat()
                signature.append((status.st_size, status.st_mtime_ns))
            except FileNotFoundError:
                signature.append(None)
        return tuple(signature)

    def _fresh(self) -> None:
        signature = self._file_signature()
        if signature != self._signature:
            self._signature = signature
            self._events.clear()
            self._queries.clear()

    # -- queries ----------------------------------------------------------------------------------
    def matching_ids(self, filters: Filters) -> list[str]:
        """Ids of the matching events in the store's stable order (event date, then id)."""
        query = filters.query()
        words = filters.words()
        key = (query, tuple(words), filters.bbox)
        with self._lock:
            self._fresh()
            if key in self._queries:
                self._queries.move_to_end(key)
                return self._queries[key]
            ids = []
            for stored in self.store().find_events(query):
                self._events.setdefault(stored.id, stored)
                if _matches(stored, words, filters.bbox):
                    ids.append(stored.id)
            self._queries[key] = ids
            while len(self._queries) > CACHED_QUERIES:
                self._queries.popitem(last=False)
            return ids

    def events(self, ids: list[str]) -> list[StoredEvent]:
        with self._lock:
            return [self._events[identifier] for identifier in ids if identifier in self._events]

    def page(self, filters: Filters, offset: int, limit: int) -> tuple[int, list[StoredEvent]]:
        """(how many match, the events at ``offset:offset + limit``)."""
        ids = self.matching_ids(filters)
        return len(ids), self.events(ids[offset:offset + limit])

    def all(self, filters: Filters) -> list[StoredEvent]:
        return self.events(self.matching_ids(filters))

    def event(self, identifier: str) -> StoredEvent:
        """One event by id or unique prefix (the store's rule); StoreError when unknown."""
        with self._lock:
            return self.store().get_event(identifier)
