"""The frozen records the stages add to a :class:`~sitrep.model.Report`.

:class:`Span`, :class:`Sentence`, :class:`Token`, :class:`Actor`, :class:`Place`,
:class:`TimeExpr`, :class:`Quantity` and :class:`Event` annotate a report; :class:`Rejection` says
why a document was not analysed and :class:`StageError` records an unexpected failure. Every span
is in raw offsets (``raw[start:end] == text``); ``Sentence`` and ``Token`` also carry clean
offsets (``cstart``/``cend``). All are importable from :mod:`sitrep.model`, which holds the
carrier itself and the codebooks' vocabularies.

Serialization is one explicit ``to_dict``/``from_dict`` pair per type; ``CONTRACT_*`` name the
fields of the public JSONL contract (README, "Document contract").
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Span", "Sentence", "Token", "Actor", "Place", "TimeExpr", "Quantity", "Event", "Rejection",
    "StageError", "CONTRACT_EVENT", "CONTRACT_ACTOR", "CONTRACT_PLACE", "CONTRACT_TIME",
]

CONTRACT_EVENT = (
    "event_type", "sub_event_type", "plover_type", "plover_mode", "cameo_root",
    "actor1", "assoc_actor1", "actor2", "assoc_actor2", "location",
    "event_date", "time_precision", "date_text", "fatalities",
    "modality", "attribution", "evidence", "confidence",
)
CONTRACT_ACTOR = ("start", "end", "text", "name", "type", "inter", "cameo", "country")
CONTRACT_PLACE = (
    "start", "end", "text", "name", "geonameid", "lat", "lon", "country", "iso3", "admin1",
    "feature_code", "geo_precision",
)
CONTRACT_TIME = ("start", "end", "text", "type", "value")


def _pick(record: dict, keys: tuple[str, ...]) -> dict:
    return {key: record[key] for key in keys}


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of the raw text, with the text they slice to."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict) -> Span:
        return cls(data["start"], data["end"], data["text"])


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: raw span plus its clean-text offsets ``cstart:cend``."""

    start: int
    end: int
    text: str
    cstart: int
    cend: int
    # why the segmenter ended (or refused to analyse) this sentence where it did, when that was
    # not ordinary punctuation: "capped at 150 tokens", "no letters: not parsed", ...
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "cstart": self.cstart, "cend": self.cend, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict) -> Sentence:
        return cls(data["start"], data["end"], data["text"], data["cstart"], data["cend"],
                   data.get("reason"))


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the clean text (``cstart:cend``), with its sentence index and analysis.

    ``head`` is the index of the head token within the whole report (itself for the root);
    ``pos``/``dep``/``lemma`` are empty strings until a language stage fills them.
    """

    cstart: int
    cend: int
    text: str
    sent: int
    lemma: str = ""
    pos: str = ""
    dep: str = ""
    head: int = -1

    def to_dict(self) -> dict:
        return {"cstart": self.cstart, "cend": self.cend, "text": self.text, "sent": self.sent,
                "lemma": self.lemma, "pos": self.pos, "dep": self.dep, "head": self.head}

    @classmethod
    def from_dict(cls, data: dict) -> Token:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention coded to a canonical actor (``name``), or left uncoded (``None``).

    ``type`` is ACLED's actor type label and ``inter`` its code (1-8, see INTER_CODES);
    ``country`` is the country name as ACLED writes it; ``cameo`` the CAMEO actor code.
    ``reason`` says why the mention was coded so (dictionary alias, coreference, syntax).
    """

    start: int
    end: int
    text: str
    name: str | None = None
    type: str | None = None
    inter: int | None = None
    cameo: str | None = None
    country: str | None = None
    actor_id: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name,
                "type": self.type, "inter": self.inter, "cameo": self.cameo,
                "country": self.country, "actor_id": self.actor_id, "reason": self.reason}

    def to_contract(self) -> dict:
        return _pick(self.to_dict(), CONTRACT_ACTOR)

    @classmethod
    def from_dict(cls, data: dict) -> Actor:
        return cls(**{key: data.get(key) for key in _ACTOR_FIELDS})


_ACTOR_FIELDS = ("start", "end", "text", "name", "type", "inter", "cameo", "country",
                 "actor_id", "reason")


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved (or not) to a gazetteer entry.

    ``geo_precision`` is ACLED's: 1 the place itself, 2 near it or part of a small area,
    3 only a province or region is known. ``reason`` says why this entry won, ``runner_up`` names
    the best losing candidate; ``needs_review`` is set instead of guessing on a small margin.
    """

    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None
    geo_precision: int | None = None
    reason: str | None = None
    runner_up: str | None = None
    needs_review: bool = False

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "name": self.name,
                "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country": self.country, "iso3": self.iso3, "admin1": self.admin1,
                "admin2": self.admin2, "feature_code": self.feature_code,
                "geo_precision": self.geo_precision, "reason": self.reason,
                "runner_up": self.runner_up, "needs_review": self.needs_review}

    def to_contract(self) -> dict:
        return _pick(self.to_dict(), CONTRACT_PLACE)

    @classmethod
    def from_dict(cls, data: dict) -> Place:
        values = {key: data.get(key) for key in _PLACE_FIELDS}
        values["needs_review"] = bool(values["needs_review"])
        return cls(**values)


_PLACE_FIELDS = ("start", "end", "text", "name", "geonameid", "lat", "lon", "country", "iso3",
                 "admin1", "admin2", "feature_code", "geo_precision", "reason", "runner_up",
                 "needs_review")


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression with its TIMEX3 ``type`` (DATE|TIME|DURATION|SET) and ``value``.

    ``value`` is ``None`` when it cannot be normalised (e.g. a relative expression in a report
    with no publication date); ``reason`` says how the value was reached.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "reason": self.reason}

    def to_contract(self) -> dict:
        return _pick(self.to_dict(), CONTRACT_TIME)

    @classmethod
    def from_dict(cls, data: dict) -> TimeExpr:
        return cls(data["start"], data["end"], data["text"], data["type"], data.get("value"),
                   data.get("reason"))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted thing: casualties (``kind`` killed|injured|arrested|abducted|displaced) or
    material (``kind`` material); ``item`` is the counted noun ("tanks", "people") when one is
    stated. ``value`` is the conservative figure ACLED
    would code (the lowest stated; ``None`` for vague counts such as "several"); ``low``/``high``
    keep a stated range.
    """

    start: int
    end: int
    text: str
    kind: str
    value: int | None
    low: int | None = None
    high: int | None = None
    item: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "value": self.value, "low": self.low, "high": self.high, "item": self.item,
                "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict) -> Quantity:
        return cls(**{key: data.get(key) for key in _QUANTITY_FIELDS})


_QUANTITY_FIELDS = ("start", "end", "text", "kind", "value", "low", "high", "item", "reason")


@dataclass(frozen=True, slots=True)
class Event:
    """One event a report asserts (or denies, forecasts, suspects: see ``modality``).

    ACLED ``event_type``/``sub_event_type`` may be ``None`` for events that only have a PLOVER or
    CAMEO code (e.g. a diplomatic CONSULT). ``trigger`` is the word(s) that evoked the event and
    ``reasons`` the decisions taken while coding it; neither is part of the JSONL contract, nor
    are the facts later stages decide on: ``back_reference`` (the mention names an event told
    elsewhere, "after the capture of Palmyra", so its sentence's place and day are not its own),
    ``location_source`` (where ``location`` came from: "sentence", "earlier sentence" or
    "report focus"), ``modality_cue`` (the words that set ``modality``, e.g. "denied") and
    ``date_source`` (where ``event_date`` came from, one of
    ``sitrep.events.date_ranges.DATE_SOURCES``: the mention's own
    time words, another mention's it retells, the day its sentence says it was told, the day of
    the story the lead names, or the publication date; None when no stage dated it).
    """

    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None = None
    cameo_root: str | None = None
    actor1: Actor | None = None
    assoc_actor1: tuple[Actor, ...] = ()
    actor2: Actor | None = None
    assoc_actor2: tuple[Actor, ...] = ()
    location: Place | None = None
    event_date: str | None = None
    time_precision: int | None = None
    date_text: str | None = None
    fatalities: int | None = None
    modality: str = "asserted"
    attribution: str | None = None
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5
    trigger: Span | None = None
    reasons: tuple[str, ...] = ()
    back_reference: bool = False
    location_source: str | None = None
    modality_cue: str | None = None
    date_source: str | None = None

    def to_dict(self) -> dict:
        def actor(value: Actor | None) -> dict | None:
            return value.to_dict() if value else None

        return {
            "event_type": self.event_type, "sub_event_type": self.sub_event_type,
            "plover_type": self.plover_type, "plover_mode": self.plover_mode,
            "cameo_root": self.cameo_root, "actor1": actor(self.actor1),
            "assoc_actor1": [a.to_dict() for a in self.assoc_actor1],
            "actor2": actor(self.actor2),
            "assoc_actor2": [a.to_dict() for a in self.assoc_actor2],
            "location": self.location.to_dict() if self.location else None,
            "event_date": self.event_date, "time_precision": self.time_precision,
            "date_text": self.date_text, "fatalities": self.fatalities,
            "modality": self.modality, "attribution": self.attribution,
            "evidence": [s.to_dict() for s in self.evidence], "confidence": self.confidence,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "reasons": list(self.reasons), "back_reference": self.back_reference,
            "location_source": self.location_source, "modality_cue": self.modality_cue,
            "date_source": self.date_source,
        }

    def to_contract(self) -> dict:
        def actor(value: Actor | None) -> dict | None:
            return value.to_contract() if value else None

        record = self.to_dict()
        record["actor1"] = actor(self.actor1)
        record["actor2"] = actor(self.actor2)
        record["assoc_actor1"] = [a.to_contract() for a in self.assoc_actor1]
        record["assoc_actor2"] = [a.to_contract() for a in self.assoc_actor2]
        record["location"] = self.location.to_contract() if self.location else None
        return _pick(record, CONTRACT_EVENT)

    @classmethod
    def from_dict(cls, data: dict) -> Event:
        def actor(value: dict | None) -> Actor | None:
            return Actor.from_dict(value) if value else None

        return cls(
            event_type=data.get("event_type"), sub_event_type=data.get("sub_event_type"),
            plover_type=data.get("plover_type"), plover_mode=data.get("plover_mode"),
            cameo_root=data.get("cameo_root"), actor1=actor(data.get("actor1")),
            assoc_actor1=tuple(Actor.from_dict(a) for a in data.get("assoc_actor1") or ()),
            actor2=actor(data.get("actor2")),
            assoc_actor2=tuple(Actor.from_dict(a) for a in data.get("assoc_actor2") or ()),
            location=Place.from_dict(data["location"]) if data.get("location") else None,
            event_date=data.get("event_date"), time_precision=data.get("time_precision"),
            date_text=data.get("date_text"), fatalities=data.get("fatalities"),
            modality=data.get("modality", "asserted"), attribution=data.get("attribution"),
            evidence=tuple(Span.from_dict(s) for s in data.get("evidence") or ()),
            confidence=data.get("confidence", 0.5),
            trigger=Span.from_dict(data["trigger"]) if data.get("trigger") else None,
            reasons=tuple(data.get("reasons") or ()),
            back_reference=bool(data.get("back_reference", False)),
            location_source=data.get("location_source"), modality_cue=data.get("modality_cue"),
            date_source=data.get("date_source"),
        )

    def key(self) -> tuple:
        """What makes two event records the same event (used for ids and within-report merge)."""
        return (
            self.sub_event_type or self.plover_type,
            self.actor1.name if self.actor1 else None,
            self.actor2.name if self.actor2 else None,
            self.location.geonameid if self.location else None,
            self.event_date, self.modality,
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document (or one unit of an input: a line, a record) that could not be analysed.

    ``code`` is a stable reason code (see ``sitrep.errors.RejectCode``); ``line`` is the line or
    record number within ``path`` where the input is a multi-document file.
    """

    code: str
    message: str
    path: str | None = None
    line: int | None = None
    report_id: str | None = None

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "path": self.path,
                "line": self.line, "report_id": self.report_id}

    @classmethod
    def from_dict(cls, data: dict) -> Rejection:
        return cls(data["code"], data["message"], data.get("path"), data.get("line"),
                   data.get("report_id"))


@dataclass(frozen=True, slots=True)
class StageError:
    """An unexpected exception inside a stage, recorded by the batch error handler."""

    stage: str
    error: str
    message: str

    def to_dict(self) -> dict:
        return {"stage": self.stage, "error": self.error, "message": self.message}

    @classmethod
    def from_dict(cls, data: dict) -> StageError:
        return cls(data["stage"], data["error"], data["message"])
