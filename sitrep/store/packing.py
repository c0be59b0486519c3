"""Reports packed where they were analysed, for a writer in another process (the Ray engine).

An analysed report is stored as its whole analysis (every token, sentence, mention: a few
hundred objects) compressed into one blob, and the run writes only its metadata, events and
rejection into the tables. :func:`pack` does the expensive part where the analysis ran: it
makes the blob and the names the merge step needs, and keeps of the report only what the writer
reads. The driver of a Ray run is the one process a run cannot add more of. Measured on 20
generated articles (issue 15): unpickling a full report costs the driver 1.05 ms, a packed one
0.19 ms, and packing (the blob and the names, which the driver made before) 1.5 ms of the
worker's time; over a 300-article, 2-worker run the driver's CPU went from 7.6 to 5.9 ms an
article (on a shared, loaded machine).

Its events travel as :class:`PackedEvent`: the store's row of each, JSON made, rather than the
event's objects (actors, place, spans), which the driver would unpickle only to turn them into
that row. Measured on 1,500 analysed generated articles (6 events each): unpickling the events
cost the driver 0.24 ms an article and making their rows 0.18 ms; unpickling the rows 0.04 ms.
"""

from __future__ import annotations

import json
import zlib
from array import array
from dataclasses import dataclass, field

from ..merge.cross_report import mention_runs
from ..model import Event, Report

__all__ = ["PackedEvent", "PackedReport", "analysis_blob", "pack", "pack_event"]


@dataclass(frozen=True, slots=True)
class PackedEvent:
    """What the store writes of an event (``Store.add_events`` packs an :class:`Event` itself):
    its key (its store id is that key and its report's group, known only where it is written),
    the columns of its ``events`` row after the ids, whole event as JSON last, and its actors'
    names by role (``event_actors``)."""

    identity: tuple
    columns: tuple
    actors: tuple

    def key(self) -> tuple:
        """``Event.key()`` of the event it packs."""
        return self.identity


def pack_event(event: Event) -> PackedEvent:
    """``event`` as the store writes it (its columns as ``Store.find_events`` queries them)."""
    location = event.location
    roles = [("actor1", event.actor1), ("actor2", event.actor2)]
    roles += [("assoc_actor1", actor) for actor in event.assoc_actor1]
    roles += [("assoc_actor2", actor) for actor in event.assoc_actor2]
    return PackedEvent(
        event.key(),
        (event.event_type, event.sub_event_type, event.plover_type,
         (event.actor1.name or event.actor1.text) if event.actor1 else None,
         (event.actor2.name or event.actor2.text) if event.actor2 else None,
         location.country if location else None, location.iso3 if location else None,
         event.event_date, event.modality, event.fatalities,
         json.dumps(event.to_dict(), ensure_ascii=False)),
        tuple((role, actor.name or actor.text) for role, actor in roles if actor))


def analysis_blob(report: Report) -> bytes:
    """What the store keeps of an analysed report (``reports.analysis``; ``Store.get_report``
    reads it back)."""
    # level 1: measured on 2,000 generated articles, level 6 took 3x as long for a store only
    # ~15 % smaller
    return zlib.compress(json.dumps(report.to_dict(), ensure_ascii=False)
                         .encode("utf-8", "surrogatepass"), 1)


@dataclass(slots=True)
class PackedReport(Report):
    """A report without its analysis (tokens, sentences, mentions), which ``analysis`` holds
    as the store keeps it; ``names`` are ``merge.cross_report.mention_runs`` of the full report.
    Its ``text`` is its raw text and its offset map is empty: nothing may read offsets from it.
    Its ``events`` are :class:`PackedEvent` objects, what the store writes of them; ``analysis``
    holds the events themselves (``Store.get_report`` reads them back)."""

    analysis: bytes = b""
    names: list = field(default_factory=list)


def pack(report: Report) -> PackedReport:
    """``report`` as the writer needs it: metadata, events, rejection, warnings; the rest in
    the blob."""
    return PackedReport(
        id=report.id, raw=report.raw, path=report.path, record=report.record,
        title=report.title, url=report.url, publisher=report.publisher,
        published=report.published, published_source=report.published_source,
        language=report.language, text=report.raw, offsets=array("l"),
        events=[pack_event(event) for event in report.events],
        errors=report.errors, rejection=report.rejection, author=report.author,
        dateline=report.dateline, dateline_place=report.dateline_place,
        warnings=report.warnings, analysis=analysis_blob(report),
        names=mention_runs(report) if report.events and not report.rejection else [])
