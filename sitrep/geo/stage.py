"""The ``geocode`` stage: place mentions of the clean text resolved against the gazetteer and
recorded in raw offsets on ``report.places``."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from ..model import Place, Report
from .facilities import FACILITY_REASON, find_facilities
from .gazetteer import ACLED_PARENT_COUNTRY, COUNTY_SOURCE, Candidate, Gazetteer
from .recognize import Mention, find_mentions, national_divisions, tokenize
from .words import LOCATIVES
from .resolve import Resolution, ResolverWeights, resolve_mentions

__all__ = ["Geocode", "place_from", "PART_OF", "IN_ORGANISATION"]

# Marks a place whose precision was lowered because the words before it name an unnamed part of
# it ("a base in Palmyra"); sitrep.geo.locate reads it.
PART_OF = "an unnamed part of it -> precision 2"
# Marks a place that closes an organisation's name ("Federation of General Workers Myanmar",
# sitrep.geo.recognize.organisation_name): the place says whose the body is, not where an event
# happened; sitrep.geo.locate places an event there only when nothing else says where.
IN_ORGANISATION = "closes an organisation's name"

# Feature codes whose extent is larger than a point: ACLED precision 3 (province or wider) for
# countries, admin1, continents, seas; 2 for a small named area (Eastern Ghouta, a district).
_PROVINCE_OR_WIDER = frozenset({"PCLI", "ADM1", "CONT", "SEA", "GULF", "OCN", "ISL", "STM",
                                "MTS", "DSRT", "STRT"})
_SMALL_AREA = frozenset({"RGN", "AREA", "ADM2", "ADM3", "VAL", "LK"})


class _TagsByStart:
    """The part-of-speech tag of the token starting at a clean offset, read when asked:
    ``find_mentions`` asks only about one-word place names (on 60 HRDsAttack articles, in 283
    of the 1,001 sentences no later stage parses), and reading every token's tag up front
    counted as a read of every sentence's tags (issue 17: ``python -m sitrep.bench_reads``
    tells which stages read the tags of which sentences). Empty when no token is tagged (no
    parser ran), like the dict it replaces: the same answers, the same places."""

    def __init__(self, tokens) -> None:
        self._tokens = tokens
        self._at: dict[int, object] | None = None
        self._tagged: bool | None = None

    def __bool__(self) -> bool:
        if self._tagged is None:
            self._tagged = any(token.pos for token in self._tokens)
        return self._tagged

    def get(self, start: int, default: str | None = None) -> str | None:
        if self._at is None:
            self._at = {token.cstart: token for token in self._tokens}
        token = self._at.get(start)
        return token.pos or default if token is not None else default


def geo_precision(candidate: Candidate, near: bool) -> int:
    if candidate.fcode in _PROVINCE_OR_WIDER or candidate.source == COUNTY_SOURCE:
        return 3
    if near or candidate.fcode in _SMALL_AREA:
        return 2
    return 1


def place_from(report: Report, mention: Mention, resolution: Resolution,
               gazetteer: Gazetteer) -> Place:
    span = report.raw_span(mention.cstart, mention.cend)
    runner_up = resolution.runner_up
    runner_text = _describe(runner_up, gazetteer) if runner_up else None
    if resolution.needs_review and resolution.alternatives:
        runner_text = " | ".join(_describe(c, gazetteer) for c in resolution.alternatives)
    reason = resolution.reason
    if mention.near:
        reason += (f"; '{mention.near}': {PART_OF}" if mention.part_of else
                   f"; '{mention.near}' -> precision 2")
    if mention.organisation:
        reason += f"; {IN_ORGANISATION} ('{mention.organisation}')"
    candidate = resolution.candidate
    precision = None
    if candidate is not None and not mention.demonym:
        precision = geo_precision(candidate, bool(mention.near))
        if mention.cue == "admin" and not candidate.is_area:
            # "Sagaing region" with no such region in the gazetteer: its namesake town stands
            # in for it, so only the region is known (ACLED precision 3); a district's town
            # standing in for it (sitrep.geo.resolve: a division of that name known only in
            # another province) gives the district (ACLED precision 2)
            district = runner_up is not None and runner_up.fcode in ("ADM2", "ADM3")
            precision = 2 if district else 3
            reason += f"; admin cue, the area's namesake town stands in -> precision {precision}"
    if candidate is None:
        # which of its namesakes is meant is a coin toss, but not the country when they all lie
        # in one: the place says where the report is, without a point (sitrep.geo.locate uses
        # only located places; code_event_actors names generic actors after the country)
        code = resolution.country and ACLED_PARENT_COUNTRY.get(resolution.country,
                                                               resolution.country)
        country = gazetteer.country(code) if code else None
        return Place(span.start, span.end, span.text, reason=reason, runner_up=runner_text,
                     needs_review=resolution.needs_review,
                     country=country[1] if country else None,
                     iso3=country[0] if country else None)
    country = gazetteer.country(candidate.country) if candidate.country else None
    admin1 = gazetteer.admin1_name(candidate.country, candidate.admin1)
    admin2 = candidate.admin2
    parent = ACLED_PARENT_COUNTRY.get(candidate.country or "")
    if parent and country:
        # "Hong Kong": country China, admin1 Hong Kong, its district (if any) the admin2
        admin1, admin2 = country[1], admin1 or admin2
        country = gazetteer.country(parent)
    return Place(
        span.start, span.end, span.text, name=candidate.name,
        geonameid=candidate.geonameid, lat=round(candidate.lat, 5), lon=round(candidate.lon, 5),
        country=country[1] if country else None, iso3=country[0] if country else None,
        admin1=admin1, admin2=admin2, feature_code=candidate.fcode,
        geo_precision=precision,
        reason=reason, runner_up=runner_text, needs_review=resolution.needs_review)


def _describe(candidate: Candidate, gazetteer: Gazetteer) -> str:
    where = ", ".join(part for part in (
        gazetteer.admin1_name(candidate.country, candidate.admin1), candidate.country) if part)
    ident = candidate.geonameid if candidate.geonameid is not None else "curated"
    return f"{candidate.name} ({where}; {candidate.fcode}; {ident})"


def _bare_foreign_word(text: str, mention: Mention, resolution: Resolution) -> bool:
    """A one-word name flagged because its only readings lie in a country the report never
    mentions, with no locative word before it ("Noma", "Abdi", "Secretary"): on GeoWebNews four
    in five of these were not places at all, so recognition abstains rather than flag them."""
    if not resolution.needs_review or resolution.runner_up is None or " " in mention.text.strip():
        return False
    if "never mentions" not in resolution.reason and "the report is about" not in resolution.reason:
        return False
    before = text[max(0, mention.cstart - 12):mention.cstart].split()
    return not (before and before[-1].lower() in LOCATIVES)


def _publisher_spans(text: str, publisher: str | None) -> list[tuple[int, int]]:
    """Clean-text ranges where the report names its own publisher ("told Sahel Wire by phone"):
    an outlet's name says where the outlet is, not where the report happened."""
    if not publisher or not publisher.strip():
        return []
    name = publisher.strip()
    spans, start = [], text.find(name)
    while start >= 0:
        spans.append((start, start + len(name)))
        start = text.find(name, start + len(name))
    return spans


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.cstart and mention.cend <= end for start, end in spans)


class Geocode:
    """Find place mentions in ``report.text`` and resolve them (see sitrep.geo.recognize and
    sitrep.geo.resolve). ``gazetteer`` overrides :func:`sitrep.geo.gazetteer.default_path`;
    the resolver weights can be overridden by name (see :class:`ResolverWeights`)."""

    name = "geocode"

    def __init__(self, gazetteer: str | None = None, **weights: float) -> None:
        known = {f.name for f in fields(ResolverWeights)}
        unknown = set(weights) - known
        if unknown:
            from ..errors import ConfigError
            raise ConfigError(f"geocode has no option(s) {', '.join(sorted(unknown))}; "
                              f"it takes: gazetteer, {', '.join(sorted(known))}", "E112")
        self.weights = ResolverWeights(**weights)
        self.gazetteer = Gazetteer(Path(gazetteer) if gazetteer else None)

    def __call__(self, report: Report) -> Report:
        starts = {s.cstart for s in report.sentences} if report.sentences else None
        tags = _TagsByStart(report.tokens) or None
        # the words are read once for both (1.6 ms per ~1,000-word article each time)
        words = tokenize(report.text, starts)
        mentions = find_mentions(report.text, self.gazetteer, starts, tags, words)
        publisher = _publisher_spans(report.text, report.publisher)
        mentions = [mention for mention in mentions if not _inside(mention, publisher)]
        divisions = national_divisions(report.text, starts, words)
        evidence = _actor_countries(report, self.gazetteer)
        for code in {code for _, _, code in divisions}:
            evidence[code] = evidence.get(code, 0.0) + _DIVISION_COUNTRY_WEIGHT
        resolutions = resolve_mentions(mentions, report.text, self.weights, evidence)
        places = [place_from(report, mention, resolution, self.gazetteer)
                  for mention, resolution in zip(mentions, resolutions)
                  if not resolution.dropped and
                  not _bare_foreign_word(report.text, mention, resolution)]
        places = [place for place in places if not _inside_foreign_actor(place, report)]
        report.places = sorted(places + _facility_places(report, mentions, places) +
                               _division_places(report, mentions, divisions, self.gazetteer),
                               key=lambda place: place.start)
        return report


# Weight of a named actor's country as evidence of where the report happens: a dictionary
# group or party ("the ANP", "TTP militants", "BNP activists") acts at home far more often than
# not; capped per country below the two anchors that make a report "about" a country, so actors
# alone never overrule the places named. On the ACLED Asia notes dev sample (measuring only) a
# bare "Hangu" or "Dasht" went to China or Iran without it.
_ACTOR_COUNTRY_WEIGHT = 0.5
_ACTOR_COUNTRY_CAP = 1.0


# Weight of a division noun only one country uses ("Bagatipara upazila": Bangladesh) as evidence
# of where the report happens: one anchor's, whatever the number of such names.
_DIVISION_COUNTRY_WEIGHT = 1.0


def _division_places(report: Report, mentions: list[Mention],
                     divisions: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[Place]:
    """The sub-districts whose names the gazetteer lacks but whose division noun says the country
    ("Bagatipara upazila"): places of that country without a point, as a name whose namesakes
    all lie in one country is (sitrep.geo.locate uses only located places; code_event_actors
    names generic actors after the country)."""
    found = []
    for cstart, cend, code in divisions:
        country = gazetteer.country(code)
        if country is None or any(m.cstart < cend and cstart < m.cend for m in mentions):
            continue
        span = report.raw_span(cstart, cend)
        found.append(Place(span.start, span.end, span.text, country=country[1], iso3=country[0],
                           reason=f"not in the gazetteer; its division noun is used in "
                                  f"{country[1]} only"))
    return found


def _actor_countries(report: Report, gazetteer: Gazetteer) -> dict[str, float]:
    """Country code -> weight from the dictionary actors the report names (not the state forces
    a role word was given the document's country from: that country came from the places)."""
    names: dict[str, set[str]] = {}
    for actor in report.actors:
        if not actor.actor_id or ":" in actor.actor_id or not actor.country:
            continue
        code = gazetteer.country_code(actor.country)
        if code:
            names.setdefault(code, set()).add(actor.actor_id)
    return {code: min(_ACTOR_COUNTRY_CAP, _ACTOR_COUNTRY_WEIGHT * len(ids))
            for code, ids in names.items()}


def _facility_places(report: Report, mentions: list[Mention],
                     places: list[Place]) -> list[Place]:
    """Named streets and buildings (sitrep.geo.facilities) that hold no gazetteer place, each
    located by the town named nearest before it (else after it): a street lies in the town the
    report is talking about, so its point is the town's, at ACLED precision 2 (near)."""
    towns = [place for place in places if place.lat is not None and not place.needs_review
             and place.feature_code and place.feature_code.startswith("PP")]
    found = []
    for cstart, cend in find_facilities(report.text):
        if any(m.cstart < cend and cstart < m.cend for m in mentions):
            continue
        span = report.raw_span(cstart, cend)
        before = [town for town in towns if town.end <= span.start]
        town = before[-1] if before else next(iter(towns), None)
        if town is None:
            found.append(Place(span.start, span.end, span.text, reason=FACILITY_REASON))
            continue
        found.append(replace(town, start=span.start, end=span.end, text=span.text,
                             name=span.text, geonameid=None, feature_code=None,
                             geo_precision=2, runner_up=None,
                             reason=f"a named street or building, not in the gazetteer: placed "
                                    f"at '{town.name}', the town named nearest to it"))
    return found


def _inside_foreign_actor(place: Place, report: Report) -> bool:
    """A place read inside an actor's name that the actor dictionary puts in another country:
    "Government of National Unity" (Libya) names no "Unity" (South Sudan). An actor of the
    place's own country keeps it ("Aleppo Media Center" still says Aleppo)."""
    if place.country is None:
        return False
    return any(actor.start <= place.start and place.end <= actor.end
               and (actor.start, actor.end) != (place.start, place.end)
               and actor.country is not None and actor.country != place.country
               for actor in report.actors)
