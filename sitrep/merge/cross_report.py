"""One incident, many reports: events of different reports that tell the same happening.

A corpus-level step (not a pipeline stage): it takes the events of many reports, each reduced to
a :class:`Mention` (what a comparison needs: kind, days, place, named people), and returns
incidents — groups of mentions with the reasons that joined them.

    mention = mention_of(event_id, group_id, event, report)
    comparison = compare(first, second)      -> Comparison(score, reasons, conflict)
    incidents = cluster(mentions, comparisons)  -> [[event ids of one incident], ...]

How two mentions are compared (every outcome says why):

- **Kind.** Only mentions of one *family* are compared: detentions (arrests, abductions and
  disappearances), assaults, protests, and each PLOVER type of its own for events with no ACLED
  type (a sentence, a release, a sanction). The same person's arrest, sentence and release are
  three incidents, so those are different families.
- **Modality.** Asserted and uncertain mentions are compared with each other; a denied, forecast
  or hypothetical event only with one of its own modality.
- **Days.** Each mention stands for a range of days (its date and ACLED time precision, see
  ``sitrep.events.merge``). Two exact days more than one day apart are different incidents (a
  report written the next day says "yesterday" and is often a day off); ranges that do not
  overlap are too.
- **Place.** Different countries are different incidents; two places located to the town (ACLED
  geo precision 1-2) more than ``FAR_KM`` apart are too ("the same day in different towns").
- **People.** The surnames of the people the evidence names (proper-noun runs of the parsed
  text that are not places, times or coded organisations). Sharing one is the strongest sign of
  one incident; when both name people and share none, they are different incidents.

Two mentions with no conflict are one incident when they share a named person, or when they
have the same sub-event type on the same exact day within ``NEAR_KM`` of each other. Anything
less (the same month in the same country) is not evidence enough: ACLED's unit is one act, one
place, one day.

Incidents are formed by constrained single-link clustering over the accepted links, strongest
first (ties by ids): two groups join only when no pair across them is in conflict and no report
group contributes to both (within a report, the ``merge_events`` stage has already decided which
mentions are one event). The result depends only on the set of mentions, never on their order,
which is what makes a re-run add nothing and reversed input give the same incidents.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..events.merge import _date_range
from ..model import Event, Report

__all__ = ["Mention", "Comparison", "mention_of", "name_runs", "compare", "cluster", "family_of",
           "NEAR_KM", "FAR_KM"]

# Places within this distance are "the same place": a town and the district or airport beside
# it. ACLED geo precision 2 is "near the place", typically within a few tens of km.
NEAR_KM = 30.0
# Two located places further apart than this are different places (the same day in two towns).
FAR_KM = 100.0
# A shared named person's weight against the same exact day and the same place: a name alone
# joins, a day and a place alone join only with the same sub-event type.
NAME_WEIGHT = 2.0

# Families: what can be one incident. Arrest and abduction are confused by reports themselves
# ("taken by men in plain clothes" is both), so they are one family; sentences (SANCTION),
# releases (CONCEDE/YIELD) and accusations stay families of their own.
_FAMILIES = {
    "Arrests": "detention", "Abduction/forced disappearance": "detention",
    "Attack": "assault", "Sexual violence": "assault", "Armed clash": "assault",
    "Mob violence": "assault",
    "Peaceful protest": "protest", "Protest with intervention": "protest",
    "Excessive force against protesters": "protest", "Violent demonstration": "protest",
}
_MODALITY_CLASS = {"asserted": "asserted", "uncertain": "asserted"}

# Titles introduce a person ("Mr Bandarenka"); a run of proper nouns holding one of the
# organisation words names an organisation, a medium or a date, not a person: a shared "Times"
# (The Epoch Times, The New York Times) is no sign of one incident.
_TITLES = frozenset("""
mr mrs ms miss dr prof sir lady lord president minister judge general colonel captain sheikh
imam bishop father
""".split())
_ORGANISATION = frozenset("""
times post news press agency tribune herald guardian journal daily weekly radio tv
international watch amnesty rights human court courts ministry parliament council party union
committee commission police army front government republic organisation organization
association network foundation service office university reporters borders federation
national state states united nations european bureau department centre center institute
movement alliance coalition forces force group media
street journal school college academy hospital airport prison university square
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, slots=True)
class Mention:
    """What comparing one stored event needs (``group``: its report group)."""

    event_id: str
    group: str
    family: str | None
    sub_type: str | None
    modality: str
    iso3: str | None
    first_day: date | None
    last_day: date | None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    names: frozenset[str] = frozenset()

    def to_dict(self) -> dict:
        return {"event_id": self.event_id, "group": self.group, "family": self.family,
                "sub_type": self.sub_type, "modality": self.modality, "iso3": self.iso3,
                "first_day": self.first_day.isoformat() if self.first_day else None,
                "last_day": self.last_day.isoformat() if self.last_day else None,
                "lat": self.lat, "lon": self.lon, "geo_precision": self.geo_precision,
                "names": sorted(self.names)}

    @classmethod
    def from_dict(cls, data: dict) -> Mention:
        days = {key: date.fromisoformat(data[key]) if data.get(key) else None
                for key in ("first_day", "last_day")}
        return cls(data["event_id"], data["group"], data.get("family"), data.get("sub_type"),
                   data["modality"], data.get("iso3"), days["first_day"], days["last_day"],
                   data.get("lat"), data.get("lon"), data.get("geo_precision"),
                   frozenset(data.get("names") or ()))

    @property
    def exact_day(self) -> bool:
        return self.first_day is not None and self.first_day == self.last_day

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None and (self.geo_precision or 3) <= 2


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing two mentions: ``conflict`` says why they cannot be one
    incident; otherwise ``score`` > 0 when they are one, with ``reasons``."""

    score: float
    reasons: tuple[str, ...]
    conflict: str | None = None

    @property
    def link(self) -> bool:
        return self.conflict is None and self.score > 0


def family_of(event: Event) -> str | None:
    if event.sub_event_type in _FAMILIES:
        return _FAMILIES[event.sub_event_type]
    if event.sub_event_type:
        return event.sub_event_type
    return event.plover_type


def name_runs(report: Report) -> list[tuple[int, int, str]]:
    """The people a report names: ``(start, end, surname)`` of each run of proper nouns (as the
    parser tagged them) outside places, times and coded actors, keyed by its last word,
    casefolded, so that "Mr Bandarenka" meets "Raman Bandarenka". Computed once per report.

    What makes a run a person: news introduces people by full name or with a title ("Raman
    Bandarenka", "Mr Bandarenka"), so a surname counts only when the report gives it so at
    least once; a run holding an organisation word ("Wall Street Journal", "Kagara College")
    names no person; a word the report also writes in lower case ("Kidnappings" opening a
    sentence) is a common noun.
    """
    blocked = sorted([(p.start, p.end) for p in report.places]
                     + [(t.start, t.end) for t in report.times]
                     + [(a.start, a.end) for a in report.actors if a.name])
    lower = {word for word in _WORD.findall(report.raw) if word[0].islower()}
    runs: list[tuple[int, int, str, bool]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        words = [w[2] for w in run]
        if words and not any(w.casefold() in _ORGANISATION for w in words):
            titled = words[0].casefold() in _TITLES
            names = [w for w in words if w.casefold() not in _TITLES]
            if names and names[-1].casefold() not in lower and not names[-1].isupper():
                key = names[-1].casefold().removesuffix("’s").removesuffix("'s")
                if len(key) >= 3:
                    runs.append((run[0][0], run[-1][1], key, titled or len(names) >= 2))
        run.clear()

    index = 0
    for token in report.tokens:
        if token.pos != "PROPN" or not _WORD.fullmatch(token.text):
            close()
            continue
        span = report.raw_span(token.cstart, token.cend)
        while index < len(blocked) and blocked[index][1] <= span.start:
            index += 1
        if index < len(blocked) and blocked[index][0] < span.end:
            close()
            continue
        if run and report.raw[run[-1][1]:span.start].strip():  # punctuation between: a new run
            close()
        run.append((span.start, span.end, token.text))
    close()
    introduced = {key for _, _, key, full in runs if full}
    return [(start, end, key) for start, end, key, _ in runs if key in introduced]


def person_names(runs: list[tuple[int, int, str]], event: Event) -> frozenset[str]:
    """The surnames among ``runs`` (see :func:`name_runs`) inside ``event``'s evidence."""
    spans = [(s.start, s.end) for s in event.evidence]
    return frozenset(key for start, end, key in runs
                     if any(s <= start and end <= e for s, e in spans))


def mention_of(event_id: str, group: str, event: Event,
               runs: list[tuple[int, int, str]] = ()) -> Mention:
    """``runs``: the names of the event's report (:func:`name_runs`)."""
    days = _date_range(event)
    place = event.location
    return Mention(
        event_id=event_id, group=group, family=family_of(event), sub_type=event.sub_event_type
        or event.plover_type, modality=_MODALITY_CLASS.get(event.modality, event.modality),
        iso3=place.iso3 if place else None,
        first_day=days[0] if days else None, last_day=days[1] if days else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        geo_precision=place.geo_precision if place else None,
        names=person_names(runs, event))


def distance_km(a: Mention, b: Mention) -> float:
    """Great-circle distance between two located mentions."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def compare(a: Mention, b: Mention) -> Comparison:
    """Whether two mentions tell one incident, and why (symmetric: compare(a, b) equals
    compare(b, a): the pair is taken in id order)."""
    if b.event_id < a.event_id:
        a, b = b, a
    if a.family is None or a.family != b.family:
        return Comparison(0.0, (), f"different kinds ({a.sub_type} / {b.sub_type})")
    if a.modality != b.modality:
        return Comparison(0.0, (), f"different modalities ({a.modality} / {b.modality})")
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return Comparison(0.0, (), f"different countries ({a.iso3} / {b.iso3})")
    reasons: list[str] = []
    score = 0.0
    same_day = False
    if a.first_day and b.first_day:
        if a.exact_day and b.exact_day:
            gap = abs((a.first_day - b.first_day).days)
            if gap > 1:
                return Comparison(0.0, (), f"different days ({a.first_day} / {b.first_day})")
            same_day = True
            reasons.append(f"dates {a.first_day} vs {b.first_day}")
        elif a.last_day < b.first_day or b.last_day < a.first_day:
            return Comparison(0.0, (), f"days do not overlap ({a.first_day}..{a.last_day} / "
                                       f"{b.first_day}..{b.last_day})")
        else:
            reasons.append(f"days overlap ({a.first_day}..{a.last_day} / "
                           f"{b.first_day}..{b.last_day})")
    same_place = False
    if a.located and b.located:
        km = distance_km(a, b)
        if km > FAR_KM:
            return Comparison(0.0, (), f"different places ({km:.0f} km apart)")
        same_place = km <= NEAR_KM
        reasons.append(f"{km:.0f} km apart")
    shared = sorted(a.names & b.names)
    if a.names and b.names and not shared:
        return Comparison(0.0, (), f"different people named ({', '.join(sorted(a.names))} / "
                                   f"{', '.join(sorted(b.names))})")
    if shared:
        score += NAME_WEIGHT
        reasons.insert(0, f"same person named: {', '.join(shared)}")
    if a.sub_type == b.sub_type:
        reasons.insert(0, f"same type {a.sub_type}")
        if same_day and same_place:
            score += 1.0
    else:
        reasons.insert(0, f"same family {a.family} ({a.sub_type} / {b.sub_type})")
    if score <= 0:
        # not a conflict: a third mention may still join both to one incident
        return Comparison(0.0, tuple(reasons) + ("not enough in common: no shared name, not the "
                                                 "same type, day and place",))
    return Comparison(score + (0.5 if same_day else 0.0) + (0.5 if same_place else 0.0),
                      tuple(reasons))


def cluster(mentions: Iterable[Mention],
            links: dict[tuple[str, str], Comparison]) -> list[list[str]]:
    """Incidents (sorted lists of event ids, sorted by their first id) from mentions and the
    accepted links between them (keyed by the sorted pair of ids)."""
    by_id = {mention.event_id: mention for mention in mentions}
    members = {event_id: [event_id] for event_id in by_id}
    owner = {event_id: event_id for event_id in by_id}
    ordered = sorted(((pair, comparison) for pair, comparison in links.items()
                      if comparison.link and pair[0] in by_id and pair[1] in by_id),
                     key=lambda item: (-item[1].score, item[0]))
    for (first, second), _ in ordered:
        left, right = owner[first], owner[second]
        if left == right or not _joinable(members[left], members[right], by_id):
            continue
        keep, gone = sorted((left, right))
        members[keep] += members.pop(gone)
        for event_id in members[keep]:
            owner[event_id] = keep
    return sorted(sorted(group) for group in members.values())


def _joinable(left: list[str], right: list[str], by_id: dict[str, Mention]) -> bool:
    if {by_id[e].group for e in left} & {by_id[e].group for e in right}:
        return False
    return all(compare(by_id[a], by_id[b]).conflict is None for a in left for b in right)
