"""The SQLite store of reports, events, their sources and rejections (``sitrep run`` fills it).

See :class:`Store` for the API, ``migrations.py`` for the schema, ``run.py`` for how a run groups
syndicated copies and stores every report, and ``export.py`` for the export formats.
"""

from .records import EventQuery, Source, StoredEvent, StoreStats, event_id, report_key
from .store import Store

__all__ = ["Store", "EventQuery", "Source", "StoredEvent", "StoreStats", "event_id",
           "report_key"]
