"""PostgreSQL's plans of the store's statements as a store grows inside one transaction.

psycopg prepares a statement run five times or more; left to itself, the server then keeps one
generic plan made from the sizes the tables had at that moment, and rows a transaction writes
are not counted until it commits. A store filled in one transaction (``sitrep run --strict``, a
bulk import) kept plans made on empty tables: sequential scans whose cost grew with every
report stored (issue 15: 100,000 events had not been written after 11 minutes).
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from sitrep.model import Actor, Event, Report, Span
from sitrep.store import Store

# Reports and events a report: 20,000 events in one transaction.
REPORTS, EVENTS_PER_REPORT = 2000, 10
# What the transaction may take at most: about 10 s on the 2-core machine with a neighbour's
# suite running (25 s before the fix, growing with the square of the store); generous, since
# the number that shows the fix is the rows read (below), whatever the machine's load.
BOUND_SECONDS = 240


@pytest.fixture
def pg_url(postgres_server, request) -> str:
    return postgres_server.new_schema_url(f"plans_{request.node.name.lower()[:40]}")


def _report(number: int) -> tuple[Report, list[Event]]:
    day = date(2023, 1, 1) + timedelta(days=number % 365)
    sentences, events = [], []
    for offset in range(EVENTS_PER_REPORT):
        text = f"Report {number}.{offset}: gunmen attacked a village on {day:%d %B}."
        start = sum(len(sentence) + 1 for sentence in sentences)
        sentences.append(text)
        events.append(Event("Violence against civilians", "Attack", "ASSAULT",
                            actor1=Actor(0, 6, "Gunmen", name=f"Armed group {offset}"),
                            event_date=day.isoformat(), time_precision=1,
                            evidence=(Span(start, start + len(text), text),)))
    return Report(id=f"generated-{number}", raw=" ".join(sentences), published=day), events


def _rows_read_by_scans(store: Store) -> dict[str, int]:
    """Rows of each table this transaction has read by sequential scans so far."""
    return dict(store.backend.execute(
        "SELECT relname, seq_tup_read FROM pg_stat_xact_user_tables"
        " WHERE schemaname = current_schema()").fetchall())


def test_a_store_written_in_one_transaction_keeps_index_plans(pg_url):
    started = time.monotonic()
    with Store(pg_url) as store, store.transaction():
        for number in range(REPORTS):
            report, events = _report(number)
            assert store.add_events(store.add_report(report), events) == EVENTS_PER_REPORT
        scanned = _rows_read_by_scans(store)
    elapsed = time.monotonic() - started
    with Store(pg_url) as store:
        assert store.stats(None).events == REPORTS * EVENTS_PER_REPORT
        assert store.backend.execute("SELECT COUNT(*) FROM event_sources").fetchone()[0] \
            == REPORTS * EVENTS_PER_REPORT
    # every statement found its rows by an index: no table was read whole for a report (with
    # the generic plans of empty tables, events alone was scanned for each of the 2,000
    # reports, about 20 million rows)
    assert scanned.get("events", 0) < REPORTS * EVENTS_PER_REPORT, scanned
    assert scanned.get("reports", 0) < REPORTS, scanned
    assert elapsed < BOUND_SECONDS
