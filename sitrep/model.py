"""The data types that flow through sitrep.

One mutable carrier, :class:`Report`, passes through the per-document stages. Everything a stage
adds to it is a frozen, slotted record: :class:`Sentence`, :class:`Token`, :class:`Actor`,
:class:`Place`, :class:`TimeExpr`, :class:`Event`. A document that cannot be analysed becomes a
:class:`Rejection` instead. The records are defined in :mod:`sitrep.annotations` and importable from
here; this module holds the carrier, content ids and the codebooks' vocabularies.

Offsets. ``Report.raw`` is the text exactly as given. Cleaning produces ``Report.text`` plus an
offset map (``Report.offsets[i]`` is the raw index of clean character ``i``). Stages analyse the
clean text and record every span in *raw* offsets via :meth:`Report.raw_span`, so that
``raw[span.start:span.end] == span.text`` always holds. ``Sentence`` and ``Token`` also carry their
clean offsets (``cstart``/``cend``) because later stages analyse clean text.

Serialization is one explicit ``to_dict``/``from_dict`` pair per type; ``CONTRACT_*`` name the
fields of the public JSONL contract (README, "Document contract").
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field, fields, replace
from datetime import date
from collections.abc import Iterator
from itertools import starmap
from operator import attrgetter
from typing import Any

from .annotations import (
    CONTRACT_ACTOR, CONTRACT_EVENT, CONTRACT_PLACE, CONTRACT_TIME, Actor, Event, Place,
    Quantity, Rejection, Sentence, Span, StageError, TimeExpr, Token,
)

__all__ = [
    "Span", "Sentence", "Token", "Actor", "Place", "TimeExpr", "Quantity", "Event", "Rejection",
    "StageError", "Report", "content_id", "MODALITIES", "PLOVER_TYPES", "ACLED_TYPES",
    "INTER_CODES", "CONTRACT_EVENT", "CONTRACT_ACTOR", "CONTRACT_PLACE", "CONTRACT_TIME",
]

MODALITIES = ("asserted", "negated", "hypothetical", "future", "uncertain")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# ACLED's event types and their sub-event types, in the codebook's order.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence", "Attack", "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

# ACLED "inter" codes: the actor type of a coded actor.
INTER_CODES = {
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}

def content_id(*parts: Any, prefix: str = "") -> str:
    """A stable id from content: re-ingesting the same thing yields the same id."""
    digest = hashlib.blake2b(digest_size=10)
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return prefix + digest.hexdigest()


# a token as a row of plain values, in Token's field order (Report.__getstate__)
_token_row = attrgetter("cstart", "cend", "text", "sent", "lemma", "pos", "dep", "head")


@dataclass(slots=True)
class Report:
    """One document and everything the stages have found in it.

    ``raw`` is never modified. Until the cleaning stage runs, ``text`` is ``raw`` and the offset map
    is the identity. ``published`` is the publication date and ``published_source`` where it came
    from ("metadata", "cli", "url", "dateline", ...). ``record`` locates the document inside its
    input (a line number, an archive member).
    """

    id: str
    raw: str
    path: str | None = None
    record: int | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    published_source: str | None = None
    language: str | None = None
    text: str = ""
    offsets: array = field(default_factory=lambda: array("l"))
    removed: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    rejection: Rejection | None = None
    # set by ingestion/cleaning: the author named in the input's metadata; the dateline
    # ("BEIRUT (Reuters) —", raw span) and the place it names, which are not event text
    author: str | None = None
    dateline: Span | None = None
    dateline_place: str | None = None
    # set by ingestion: what it read but could not use, and why ("published '04/03/2024' is
    # ambiguous: ..."); the document is still analysed
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text and not len(self.offsets):
            self.set_clean(self.raw, array("l", range(len(self.raw) + 1)))

    # -- offsets ----------------------------------------------------------------------------
    def set_clean(self, text: str, offsets: array) -> None:
        """Install cleaned text; ``offsets`` has ``len(text) + 1`` raw positions."""
        if len(offsets) != len(text) + 1:
            raise ValueError(f"offset map has {len(offsets)} entries for {len(text)} characters")
        self.text = text
        self.offsets = offsets

    def to_raw(self, cstart: int, cend: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean-text range ``cstart:cend``."""
        if cend <= cstart:
            position = self.offsets[cstart]
            return position, position
        return self.offsets[cstart], self.offsets[cend - 1] + 1

    def raw_span(self, cstart: int, cend: int) -> Span:
        """A :class:`Span` in raw offsets for a clean-text range."""
        start, end = self.to_raw(cstart, cend)
        return Span(start, end, self.raw[start:end])

    def sentence_of(self, cposition: int) -> Sentence | None:
        """The sentence containing clean position ``cposition`` (binary search)."""
        low, high = 0, len(self.sentences)
        while low < high:
            middle = (low + high) // 2
            sentence = self.sentences[middle]
            if sentence.cend <= cposition:
                low = middle + 1
            elif sentence.cstart > cposition:
                high = middle
            else:
                return sentence
        return None

    def sentence_token_ranges(self) -> Iterator[tuple[int, int]]:
        """``(first, end)`` token indices of each sentence's run of tokens, in order."""
        tokens = self.tokens
        start = 0
        while start < len(tokens):
            end = start + 1
            while end < len(tokens) and tokens[end].sent == tokens[start].sent:
                end += 1
            yield start, end
            start = end

    @property
    def ok(self) -> bool:
        return self.rejection is None

    # -- pickling (a pool worker's or Ray actor's result crossing to the driver) ---------------
    # The tokens go as rows of plain values: a frozen slotted dataclass pickles through
    # dataclasses' generic state functions (fields() looked up for every token), and a news
    # article has ~1,300 tokens: their round trip took 4.4 ms of CPU, 1.4 ms as rows.
    def __getstate__(self) -> dict:
        state = {item.name: getattr(self, item.name) for item in fields(self)}  # subclasses'
        state["tokens"] = list(map(_token_row, self.tokens))
        return state

    def __setstate__(self, state: dict) -> None:
        state["tokens"] = list(starmap(Token, state["tokens"]))
        for name, value in state.items():
            setattr(self, name, value)

    def replace(self, **changes: Any) -> Report:
        return replace(self, **changes)

    # -- serialization ------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "id": self.id, "raw": self.raw, "path": self.path, "record": self.record,
            "title": self.title, "url": self.url, "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source, "language": self.language,
            "text": self.text, "offsets": list(self.offsets),
            "removed": [s.to_dict() for s in self.removed],
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": [t.to_dict() for t in self.tokens],
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "events": [e.to_dict() for e in self.events],
            "errors": [e.to_dict() for e in self.errors],
            "rejection": self.rejection.to_dict() if self.rejection else None,
            "author": self.author,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "dateline_place": self.dateline_place,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        published = data.get("published")
        return cls(
            id=data["id"], raw=data["raw"], path=data.get("path"), record=data.get("record"),
            title=data.get("title"), url=data.get("url"), publisher=data.get("publisher"),
            published=date.fromisoformat(published) if published else None,
            published_source=data.get("published_source"), language=data.get("language"),
            text=data.get("text", ""), offsets=array("l", data.get("offsets") or ()),
            removed=[Span.from_dict(s) for s in data.get("removed") or ()],
            sentences=[Sentence.from_dict(s) for s in data.get("sentences") or ()],
            tokens=[Token.from_dict(t) for t in data.get("tokens") or ()],
            actors=[Actor.from_dict(a) for a in data.get("actors") or ()],
            places=[Place.from_dict(p) for p in data.get("places") or ()],
            times=[TimeExpr.from_dict(t) for t in data.get("times") or ()],
            quantities=[Quantity.from_dict(q) for q in data.get("quantities") or ()],
            events=[Event.from_dict(e) for e in data.get("events") or ()],
            errors=[StageError.from_dict(e) for e in data.get("errors") or ()],
            rejection=Rejection.from_dict(data["rejection"]) if data.get("rejection") else None,
            author=data.get("author"),
            dateline=Span.from_dict(data["dateline"]) if data.get("dateline") else None,
            dateline_place=data.get("dateline_place"),
            warnings=list(data.get("warnings") or ()),
        )

    def to_contract(self) -> dict:
        """The public JSONL record of this report (README, "Document contract")."""
        rejection = self.rejection
        return {
            "id": self.id,
            "status": "rejected" if rejection else "ok",
            "error": {"code": rejection.code, "message": rejection.message} if rejection else None,
            "events": [e.to_contract() for e in self.events],
            "actors": [a.to_contract() for a in self.actors],
            "places": [p.to_contract() for p in self.places],
            "times": [t.to_contract() for t in self.times],
        }
