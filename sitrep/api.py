"""The Python API: one function per CLI verb, same names, same options, no printing.

    from sitrep import api
    summary = api.run(["news/"], db="news.db", published=date(2016, 12, 13))
    for stored in api.events(db="news.db", country="Syria"):
        print(stored.id, stored.event.sub_event_type, [s.url for s in stored.sources])
    api.export("news.db", "acled-csv", out="events.csv")

``extract`` analyses without storing; ``run`` stores; ``events``, ``show``, ``rejections``,
``stats`` and ``export`` read the store; ``doctor`` checks the installation.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from .config import Config, load_config
from .errors import StoreError, UsageError
from .model import Rejection, Report
from .pipeline import Pipeline
from .store import EventQuery, Store, StoredEvent, StoreStats
from .store.run import RunSummary, run_into_store

__all__ = ["extract", "run", "events", "show", "rejections", "stats", "export", "doctor",
           "DEFAULT_DB", "RunSummary", "EventQuery", "StoredEvent", "StoreStats"]

DEFAULT_DB = "sitrep.db"


@contextmanager
def _open(db: str | Path, *, create: bool = False) -> Iterator[Store]:
    """The store at ``db`` (only ``run`` creates one); database failures become StoreErrors."""
    store = Store(db, create=create)
    try:
        yield store
    except store.errors as exc:  # locked past the busy timeout, disk full, damaged file
        raise StoreError(f"the store {db} failed: {type(exc).__name__}: {exc}", "E308") from None
    finally:
        store.close()


def _config(config: Config | str | Path | None) -> Config:
    return config if isinstance(config, Config) else load_config(config)


def _read(paths: Iterable[str | Path], config: Config, published: date | None,
          text_column: str | None, id_column: str | None,
          date_column: str | None) -> Iterator[Report]:
    from .ingest import ReadOptions, read_inputs

    options = ReadOptions(published=published, limits=config.limits, text_column=text_column,
                          id_column=id_column, date_column=date_column)
    return read_inputs([str(path) for path in paths], options)


def extract(paths: Iterable[str | Path], *, published: date | None = None,
            config: Config | str | Path | None = None, text_column: str | None = None,
            id_column: str | None = None, date_column: str | None = None,
            workers: int = 1) -> Iterator[Report]:
    """Analyse documents without storing them: analysed (or rejected) Reports in input order."""
    config = _config(config)
    reports = _read(paths, config, published, text_column, id_column, date_column)
    return Pipeline(config).pipe(reports, n_process=workers)


def run(paths: Iterable[str | Path], db: str | Path = DEFAULT_DB, *,
        published: date | None = None, strict: bool = False,
        config: Config | str | Path | None = None, text_column: str | None = None,
        id_column: str | None = None, date_column: str | None = None, workers: int = 1,
        on_report: Callable[[RunSummary, Report], None] | None = None,
        engine: str = "local", address: str | None = None,
        on_built: Callable[[], None] | None = None) -> RunSummary:
    """Read, analyse and store documents in ``db`` (created if absent); re-running the same
    input adds nothing. ``strict``: the first rejection raises
    :class:`sitrep.store.run.StrictRunFailed` and nothing of the run is stored. ``engine``
    "ray" analyses on ``workers`` Ray actors, on the cluster at ``address`` or in Ray's local
    mode (:mod:`sitrep.engine`); the store is the same as with the local engine. ``on_built``
    is called once the engine is built, before the first document is read (`sitrep run`
    freezes there what a pipeline built in this process holds, as `sitrep extract` does)."""
    from .engine import make_engine

    config = _config(config)
    paths = list(paths)
    with _open(db, create=True) as store:  # a bad --db fails before models load
        analyser = make_engine(engine, config, workers=workers, address=address)
        if on_built is not None:
            on_built()
        reports = _read(paths, config, published, text_column, id_column, date_column)
        return run_into_store(reports, store, None, strict=strict, on_report=on_report,
                              engine=analyser, stream=_reads_a_stream(paths))


def _reads_a_stream(paths: Iterable[str | Path]) -> bool:
    """Whether the input includes standard input that may pause (a pipe, a terminal, a socket),
    rather than a file redirected into it."""
    if not any(str(path) == "-" for path in paths):
        return False
    try:
        return not stat.S_ISREG(os.fstat(sys.stdin.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):
        return True


def events(db: str | Path = DEFAULT_DB, *, event_type: str | None = None,
           actor: str | None = None, country: str | None = None, since: date | None = None,
           until: date | None = None, modality: str | None = "asserted",
           limit: int | None = None, doc: str | None = None,
           text: str | None = None) -> list[StoredEvent]:
    """Stored events matching every given filter (``modality=None`` or "all": any modality;
    ``doc``: a document id as the input gave it; ``text``: words of the evidence, in
    search-box syntax: sitrep/store/search.py)."""
    query = _query(event_type, actor, country, since, until, modality, limit, doc, text)
    with _open(db) as store:
        return list(store.find_events(query))


def _query(event_type, actor, country, since, until, modality, limit=None,
           doc=None, text=None) -> EventQuery:
    for name, value in (("since", since), ("until", until)):
        if value is not None and not isinstance(value, date):
            raise UsageError(f"{name} must be a date, not {value!r}", "E204")
    return EventQuery(event_type=event_type, actor=actor, country=country, since=since,
                      until=until, modality=None if modality == "all" else modality,
                      limit=limit, doc=doc, text=text)


def show(event_id: str, db: str | Path = DEFAULT_DB) -> tuple[StoredEvent, Report]:
    """One event (a unique id prefix is enough) and the analysed report it came from, whose
    sentences put its evidence in context."""
    with _open(db) as store:
        stored = store.get_event(event_id)
        return stored, store.get_report(stored.report_id)


def rejections(db: str | Path = DEFAULT_DB, *, code: str | None = None) -> list[Rejection]:
    """Every stored rejection (optionally of one reason code), by path and line."""
    with _open(db) as store:
        return list(store.rejections(code))


def stats(db: str | Path = DEFAULT_DB, *, modality: str | None = "asserted") -> StoreStats:
    """Counts of reports, events by type and by country (of ``modality``), rejections by code."""
    with _open(db) as store:
        return store.stats(None if modality == "all" else modality)


def export(db: str | Path = DEFAULT_DB, format: str = "jsonl", out: str | Path | TextIO | None = None,
           *, event_type: str | None = None, actor: str | None = None,
           country: str | None = None, since: date | None = None, until: date | None = None,
           modality: str | None = "asserted", doc: str | None = None,
           text: str | None = None, skipped: Counter | None = None) -> int:
    """Write the stored events as ``acled-csv``, ``jsonl``, ``geojson``, ``plover-json``,
    ``cameo-tsv`` or ``parquet`` (a path only) to ``out`` (a path or
    an open text file; None: standard output); returns how many events were written.
    ``skipped`` (a Counter) receives, by reason, the matching events the format cannot hold."""
    from .store.export import write_export

    query = _query(event_type, actor, country, since, until, modality, doc=doc, text=text)
    with _open(db) as store:
        return write_export(store, format, out, query, skipped)


def doctor(db: str | Path | None = DEFAULT_DB, *, config: str | Path | None = None):
    """Check the installation, models, gazetteer, pipeline and store: a list of
    :class:`sitrep.doctor.Check`, each with the fix for what is missing."""
    from .doctor import run_checks

    return run_checks(db, None if config is None else str(config))
