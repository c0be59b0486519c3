"""One event as the web shows it: its record, the evidence marked inside its source text, every
source, and the reason behind every coded field (``GET /api/events/{id}``).

The source text is handed to the page as plain segments — ``{"text": ..., "evidence": bool}`` —
never as markup: the page puts each segment in with ``textContent``, so an article that contains
``<script>`` shows those characters and runs nothing.
"""

from __future__ import annotations

from ..events.date_ranges import date_source
from ..model import Actor, Event, Report, Span
from ..store import StoredEvent

__all__ = ["event_detail", "source_segments", "compact_point"]


def _merged(spans: list[Span], length: int) -> list[tuple[int, int]]:
    """The spans inside ``0:length``, sorted, overlapping ones joined."""
    bounds: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(0, span.start), min(length, span.end)
        if start >= end:
            continue  # outside the text (a stale record): nothing to mark
        if bounds and start <= bounds[-1][1]:
            bounds[-1] = (bounds[-1][0], max(bounds[-1][1], end))
        else:
            bounds.append((start, end))
    return bounds


def source_segments(raw: str, evidence: list[Span], trigger: Span | None = None) -> list[dict]:
    """``raw`` cut into segments, each saying whether it is evidence (and holds the trigger)."""
    segments, position = [], 0
    for start, end in _merged(list(evidence), len(raw)):
        if start > position:
            segments.append({"text": raw[position:start], "evidence": False})
        holds_trigger = bool(trigger and start <= trigger.start and trigger.end <= end)
        segments.append({"text": raw[start:end], "evidence": True, "trigger": holds_trigger})
        position = end
    if position < len(raw):
        segments.append({"text": raw[position:], "evidence": False})
    return segments


def _actor_reason(role: str, actor: Actor) -> dict:
    return {"role": role, "text": actor.text, "name": actor.name, "type": actor.type,
            "inter": actor.inter, "cameo": actor.cameo, "country": actor.country,
            "reason": actor.reason}


def _reasons(event: Event) -> dict:
    """Why each field has its value, as the stages recorded it."""
    actors = []
    for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor:
            actors.append(_actor_reason(role, actor))
    actors += [_actor_reason("assoc_actor1", a) for a in event.assoc_actor1]
    actors += [_actor_reason("assoc_actor2", a) for a in event.assoc_actor2]
    place = event.location
    return {
        "coding": list(event.reasons),
        "trigger": event.trigger.to_dict() if event.trigger else None,
        "actors": actors,
        "location": None if place is None else {
            "text": place.text, "name": place.name, "geonameid": place.geonameid,
            "reason": place.reason, "runner_up": place.runner_up,
            "needs_review": place.needs_review, "source": event.location_source},
        "date": {"event_date": event.event_date, "date_text": event.date_text,
                 "time_precision": event.time_precision,
                 "source": date_source(event), "back_reference": event.back_reference},
        "modality": {"modality": event.modality, "cue": event.modality_cue,
                     "attribution": event.attribution},
    }


def event_detail(stored: StoredEvent, report: Report) -> dict:
    """Everything the event panel shows (and the JSON twin of it)."""
    event = stored.event
    return {
        "event": stored.to_record(),
        "reasons": _reasons(event),
        "source_text": {
            "report_id": stored.report_id, "title": report.title, "url": report.url,
            "segments": source_segments(report.raw, list(event.evidence), event.trigger)},
        "sources": [{**source.to_dict(), "publisher": source.publisher,
                     "record": source.record, "analysed": source.report_id == stored.report_id}
                    for source in stored.sources],
    }


def _label(stored: StoredEvent) -> str:
    event = stored.event
    return event.sub_event_type or event.event_type or event.plover_type or "event"


def compact_point(stored: StoredEvent) -> list:
    """[id, date, lat, lon, type, label, modality]: what the map and the timeline need of an
    event (the type is the ACLED event type, else the PLOVER type, which colours the marker)."""
    event = stored.event
    place = event.location
    located = place is not None and place.lat is not None and place.lon is not None
    return [stored.id, event.event_date, place.lat if located else None,
            place.lon if located else None, event.event_type or event.plover_type or "untyped",
            _label(stored) + (f" — {place.name or place.text}" if place else ""),
            event.modality]
