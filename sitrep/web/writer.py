"""The writing side of `sitrep serve --token`: one submitted document analysed and stored.

A document is a JSON object, the same record a JSONL input line is (``text``, and optionally
``id``, ``url``, ``title``, ``published``, ``publisher``, ``language``), so it is read by the same
code as ``sitrep run docs.jsonl`` and rejected for the same reasons. The pipeline is built on the
first submission (loading the models takes seconds) and kept; SQLite has one writer, so
submissions are analysed one at a time, in a worker thread so that reading goes on meanwhile.
"""

from __future__ import annotations

import threading
from pathlib import Path

from anyio import to_thread

from ..config import load_config
from ..ingest.documents import ReadOptions
from ..ingest.jsonl import report_from_record
from ..store import Store
from ..store.postgres import is_database_url
from ..store.run import run_into_store

__all__ = ["DocumentWriter", "SUBMITTED_PATH"]

# The path a submitted document's source is recorded under (`sitrep show` prints it).
SUBMITTED_PATH = "POST /api/documents"


class DocumentWriter:
    def __init__(self, db: str | Path, config: str | Path | None = None) -> None:
        self.db = db if is_database_url(db) else Path(db)  # Path would fold a URL's "//"
        self.config = load_config(config)  # a bad --config fails at start, not on a request
        self._pipeline = None
        self._lock = threading.Lock()

    def _pipeline_once(self):
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.config)
        return self._pipeline

    def add_now(self, record: object) -> dict:
        """Analyse and store ``record``; what the run did (RunSummary.to_dict())."""
        report = report_from_record(record, SUBMITTED_PATH, None,
                                    ReadOptions(limits=self.config.limits), unit="document")
        with self._lock, Store(self.db, create=False) as store:
            summary = run_into_store([report], store, self._pipeline_once())
        return summary.to_dict()

    async def add(self, record: object) -> dict:
        return await to_thread.run_sync(self.add_now, record)
