"""The ``locate_events`` stage: each event's location and ACLED ``geo_precision``.

The place attached to the event's clause wins: among the resolved places of the sentence holding
the event's trigger (or its first evidence span), the nearest to the trigger that is not a demonym
and not inside a temporal phrase about another happening ("after the capture of Palmyra") or a
relative clause about a person that another place follows ("the arrest of Dr Castro, who faces
charges in Agusan del Sur, at the hospital in Manila"); a town, facility or small area before an
admin area, an admin area before a country. A province that is all the event's sentence names
gives way to a town of it told in the sentences just before. A place that closes an
organisation's name ("the Foreign Correspondents' Club of Thailand said") is no scene: the
event's sentence is read as if it named no place, and that place is the location only when the
report gives no other. A sentence without
a place borrows one from the sentences just before it, then from the report's most mentioned
place. A town in another country than the one the report is about, named without a word that
puts an event there ("in", "near"...), locates nothing: it is more likely a name read as a place
than the scene. Precision is ACLED's: 1 the place itself, 2 near it or part of a small area, 3 only a
province or region (its centroid). An asserted act told at a list of places ("in Gorakhpur,
Azamgarh and Kanpur") becomes one event per place (see :func:`split_listed`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from ..model import Event, Place, Report
from .stage import IN_ORGANISATION, PART_OF
from .words import FEATURE_WORDS, ORGANISATION_WORDS, PLACE_PREFIXES

__all__ = ["LISTED_SCENE", "LocateEvents", "listed_scene", "locate_event", "split_listed"]

_SPECIFICITY = {"PCLI": 3, "CONT": 4, "SEA": 4, "GULF": 4, "OCN": 4, "STRT": 4, "ADM1": 2,
                "ISL": 2, "STM": 2, "MTS": 2, "DSRT": 3, "RGN": 1, "AREA": 1, "ADM2": 1,
                "VAL": 1, "LK": 1}
# "shortly after the capture of Palmyra": a place that belongs to another happening.
_OTHER_HAPPENING = re.compile(
    r"\b(?:after|before|since|following|ahead of|unlike|like|than)\b[^.;]{0,60}$", re.I)
# "the central Syrian city", "the town": an anaphor for the place itself, not somewhere near it.
# "a retreat by the Russians, who were helping regime troops capture Aleppo": a relative clause
# after the trigger that tells another event of the report; its places are that event's ("a
# commander, who was hiding in Karachi" tells no other event: Karachi is where he was taken)
_RELATIVE_ONSET = re.compile(r",\s*(?:who|which)\b")
_PLACE_ANAPHOR = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,3}(?:city|town|village)\b", re.I)
_LOOKBACK_SENTENCES = 2


def _usable(place: Place) -> bool:
    return (place.lat is not None and not place.needs_review and
            not (place.reason or "").startswith("demonym"))


def _names_a_body(place: Place) -> bool:
    """Does the place close an organisation's name ("Foreign Correspondents' Club of
    Thailand")? It is a scene only when nothing else in the report says where."""
    return IN_ORGANISATION in (place.reason or "")


# A place that is a piece of a person's or a body's name is no place of any event. Inside an
# actor's words, a capitalised word (or an initial) right before the place, or one joined right
# after it, makes it a piece of a name ("Judge Cecilyn E. Burgos-Villavert", "State Counsellor
# Aung San Suu Kyi", "the Tigray People's Liberation Front"); a word that heads an organisation or
# a feature after it ("Lagos Police Command", "Kano State Government") or names a part of the
# place before it ("North Kivu") leaves the place what it is.
_NAME_BEFORE = re.compile(r"(?P<word>[A-Z][\w'\u2019]*\.?)[ \t]+$")
_NAME_AFTER = re.compile(r"(?:-|[ \t]+)(?P<word>[A-Z][\w'\u2019]*)")


def _in_a_name(report: Report, place: Place) -> bool:
    for actor in report.actors:
        if not (actor.start <= place.start and place.end <= actor.end) or (
                actor.start == place.start and actor.end == place.end):
            continue
        before = _NAME_BEFORE.search(report.raw, actor.start, place.start)
        if before and before.group("word").rstrip(".").lower() not in PLACE_PREFIXES:
            return True
        after = _NAME_AFTER.match(report.raw, place.end, actor.end)
        if after and (report.raw[place.end] == "-" or after.group("word").lower() not in (
                ORGANISATION_WORDS | FEATURE_WORDS)):
            return True
    return False


# "He was wanted by the police from Dera Ismail Khan, so we arrested him", "gunmen from Niger
# attacked the village": a place told as where the people acting come from says who they are, not
# where the act took place (after the act's word, "abducted students from Kankara", it is where
# they were taken from). Wherever it stands, a place someone "came from" or "hails from" is where
# that person is from ("attacked by a man who said he came from Moscow").
_FROM = re.compile(r"[ \t]+from[ \t]+(?:the[ \t]+)?$", re.I)
_ORIGIN = re.compile(r"\b(?:came|comes?|coming|hail(?:s|ed|ing)?)[ \t]+from[ \t]+(?:the[ \t]+)?$",
                     re.I)


def _where_actors_come_from(report: Report, place: Place, position: int) -> bool:
    if _ORIGIN.search(report.raw, max(0, place.start - 24), place.start):
        return True
    if place.start > position:
        return False
    ends = {actor.end for actor in report.actors}
    found = _FROM.search(report.raw, max(0, place.start - 12), place.start)
    return found is not None and found.start() in ends


def _specificity(place: Place) -> int:
    return _SPECIFICITY.get(place.feature_code or "", 0)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


_WIDE_AREAS = frozenset({"RGN", "AREA", "CONT", "SEA", "OCN", "GULF", "STRT", "DSRT"})


def _countryless(place: Place) -> bool:
    """A region of no one country ("the Sahel", "the Middle East", "the European Union"), a
    continent or a sea: ACLED codes every event in a country, so such a place is the scene only
    when the report names nothing narrower."""
    return place.country is None and place.feature_code in _WIDE_AREAS


def _sentence_spans(report: Report) -> list[tuple[int, int]]:
    """Raw spans of the sentences: the segmenter's, or a plain split when it has not run."""
    if report.sentences:
        return [(s.start, s.end) for s in report.sentences]
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(report.raw):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(report.raw)))
    return spans


def _sentence_index(spans: list[tuple[int, int]], position: int) -> int | None:
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return index
    return None


def locate_event(report: Report, event: Event, focus: Place | None = None,
                 spans: list[tuple[int, int]] | None = None, country: str | None = None) -> Event:
    """``event`` with its location (unchanged when it has no anchor or no place fits).
    ``focus`` is the report's fallback place, ``spans`` its sentences, ``country`` the country
    the report is about (all computed once per report by :class:`LocateEvents`)."""
    anchor = event.trigger or (event.evidence[0] if event.evidence else None)
    if anchor is None:
        return event
    position = anchor.start
    spans = spans if spans is not None else _sentence_spans(report)
    index = _sentence_index(spans, position)
    if index is None:
        return event
    start, end = spans[index]
    places = [p for p in report.places if start <= p.start < end and _usable(p)
              and not _off_focus(report, p, country)
              and not _where_actors_come_from(report, p, position)]
    # the places closing a body's name, kept for when the report gives no other place (an
    # actor's words may hold the body: "Federation of General Workers Myanmar")
    bodies = [p for p in places if _names_a_body(p)]
    places = [p for p in places if not _names_a_body(p) and not _in_a_name(report, p)]
    wide = [p for p in places if _countryless(p)]
    places = [p for p in places if not _countryless(p)]
    places = [p for p in places if not (p.start > position and _OTHER_HAPPENING.search(
        report.raw[max(position, p.start - 80):p.start]))]
    if places and any(p.start > position for p in places):
        others = [e.trigger.start for e in report.events if e.trigger and e is not event]
        places = [p for p in places if not _in_relative_clause_of_another(
            report.raw, position, p.start, others)]
    if places:
        owners = _actor_owners(report, places)
        best = min(places, key=lambda p: (_specificity(p) >= 3, _specificity(p) >= 2,
                                          p.start in owners, _elsewhere(report.raw, p),
                                          _frame(report.raw, p, start) and len(places) > 1,
                                          _aside(report.raw, position, p, places),
                                          not _introduced(report.raw, p, places),
                                          abs(p.start - position)))
        finer = _town_inside_before(report, spans, index, best, position, country) \
            if best.feature_code == "ADM1" else None
        if finer is not None:
            return _with_location(event, finer, finer.geo_precision or 1,
                                  f"location: '{finer.text}', a place in {best.text} (named in "
                                  f"the event's sentence) told just before", "earlier sentence")
        precision = best.geo_precision or 1
        if PART_OF in (best.reason or "") and position > best.end:
            # "taken from a base in Palmyra, following its capture": the base is what the
            # words before the trigger are about; the capture is of the place itself
            precision = 1
        return _with_location(event, best, precision,
                              f"location: '{best.text}' in the event's sentence", "sentence")
    clause = report.raw[start:end]
    anaphor = _PLACE_ANAPHOR.search(clause)
    for earlier_start, earlier_end in spans[max(0, index - _LOOKBACK_SENTENCES):index][::-1]:
        earlier = [p for p in report.places if earlier_start <= p.start < earlier_end
                   and _usable(p) and _specificity(p) < 3 and not _countryless(p)
                   and not _names_a_body(p)
                   and not _off_focus(report, p, country) and not _in_a_name(report, p)
                   and not _where_actors_come_from(report, p, position)]
        if earlier:
            best = earlier[-1]
            # the town before the province it lies in ("in Kalat, Balochistan")
            inside = [p for p in earlier if _specificity(p) < 2 <= _specificity(best) and
                      p.country == best.country and best.admin1 and p.admin1 == best.admin1]
            best = inside[-1] if inside else best
            precision = 1 if anaphor and _specificity(best) == 0 else (best.geo_precision or 1)
            return _with_location(event, best, precision,
                                  f"location: '{best.text}' from an earlier sentence",
                                  "earlier sentence")
    if focus is not None and not _names_a_body(focus):
        precision = 1 if anaphor and _specificity(focus) == 0 else max(focus.geo_precision or 1, 2)
        if _specificity(focus) >= 2:
            precision = 3
        return _with_location(event, focus, precision,
                              f"location: the report's most mentioned place '{focus.text}'",
                              "report focus")
    if bodies:
        best = min(bodies, key=lambda p: abs(p.start - position))
        return _with_location(event, best, max(best.geo_precision or 1, 2),
                              f"location: '{best.text}', named only in an organisation's name, "
                              "the only place the event's sentence and the report give",
                              "sentence")
    if focus is not None:
        return _with_location(event, focus, 3 if _specificity(focus) >= 2 else 2,
                              f"location: '{focus.text}', the report's most mentioned place, "
                              "named only in an organisation's name: the only place the report "
                              "gives", "report focus")
    if wide:
        best = min(wide, key=lambda p: abs(p.start - position))
        return _with_location(event, best, 3, f"location: '{best.text}', the only place the "
                              "event's sentence and the report name", "sentence")
    return event


def _town_inside_before(report: Report, spans: list[tuple[int, int]], index: int,
                        province: Place, position: int, country: str | None) -> Place | None:
    """A town or district of ``province`` named in the sentences just before the event's,
    whose own sentence names only the province ("Clashes broke out in Ramganj. The Punjab
    police ..."): the event's place is the finer one, the last named."""
    for earlier_start, earlier_end in spans[max(0, index - _LOOKBACK_SENTENCES):index][::-1]:
        inside = [p for p in report.places if earlier_start <= p.start < earlier_end
                  and _usable(p) and _specificity(p) < 2 and p.country == province.country
                  and not _names_a_body(p)
                  and province.admin1 and p.admin1 == province.admin1
                  and not _off_focus(report, p, country) and not _in_a_name(report, p)
                  and not _where_actors_come_from(report, p, position)
                  and not _elsewhere(report.raw, p)]
        if inside:
            return inside[-1]
    return None


# The words before a name that make it where something happened ("attacked in Turbat", "a
# raid near Kalat", "off the coast of Gabon", "Mandi sector of Poonch district"), unlike a bare name modifying another
# noun ("a Quetta PPP leader", "the Manila Today editor").
_SCENE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|into|across|around|towards?|"
                           r"through|within|off)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?|"
                           r"(?:[\w-]+\s+){1,2}of\s+(?:the\s+)?)$", re.I)
_OF_AREA = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_AREA_AFTER = re.compile(r"\s+(?:district|province|state|division|region|upazila|tehsil|"
                         r"county|governorate|municipality|agency)\b", re.I)
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|, and)\s*")


def _introduced(raw: str, place: Place, places: list[Place]) -> bool:
    """Is the place introduced as a scene: after a locative preposition, after "of" when it
    names an area ("of Poonch district"), or next in a list after such a place ("in Pulwama and
    Shopian")?"""
    before = raw[max(0, place.start - 40):place.start]
    if _SCENE_BEFORE.search(before) or (_OF_AREA.search(before) and
                                         _AREA_AFTER.match(raw, place.end)):
        return True
    previous = [p for p in places if p.end <= place.start and
                _LIST_JOIN.fullmatch(raw, p.end, place.start)]
    return any(_introduced(raw, p, places) for p in previous)


def _in_relative_clause_of_another(raw: str, position: int, place_start: int,
                                   others: list[int]) -> bool:
    onset = _RELATIVE_ONSET.search(raw, position, place_start) if place_start > position else None
    return onset is not None and any(onset.end() <= other < place_start for other in others)


_POSSESSIVE = re.compile(r"['\u2019]s\s+")


def _aside(raw: str, position: int, place: Place, places: list[Place]) -> bool:
    """Is the place inside a relative clause that opens after the trigger and closes before
    another place of the sentence ("a protest over the arrest of Dr Castro, who faces charges
    in Agusan del Sur, at the hospital in Manila")? The clause tells about a person, the place
    after it goes back to the act."""
    if place.start <= position:
        return False
    onset = _RELATIVE_ONSET.search(raw, position, place.start)
    if onset is None:
        return False
    close = raw.find(",", place.end, place.end + 200)
    if close < 0 or raw.find(",", onset.end(), place.start) >= 0:
        return False
    return any(other.start > close for other in places if other is not place)


# Words around a place that name it as somewhere else than the scene: where a vehicle was
# going or came from ("a Sunamganj-bound bus", "heading to Sarlahi from Kathmandu"), where
# someone or something is from or based ("a Dhaka-based group"), whose officer a person is
# ("the SP of Gazipur"), the ends of a road ("on the Dhaka-Aricha highway").
_ELSEWHERE_AFTER = re.compile(r"[-\u2013](?:bound|based|born|headquartered)\b|\s*[-\u2013]\s*"
                              r"[A-Z][\w'-]*\s+(?:highway|road|railway|rail)\b", re.I)
_ELSEWHERE_BEFORE = re.compile(r"(?:\b(?:from|to|towards|for|bound for|native of|hailing from)|"
                               r"\b(?:SP|DC|OC|UNO|MP|mayor|chairman|superintendent|commissioner|"
                               r"officer-in-charge)\s+of)\s+(?:the\s+)?$", re.I)


def _elsewhere(raw: str, place: Place) -> bool:
    """Is the place named as somewhere else than the event's scene (see above)?"""
    after = raw[place.end:place.end + 40]
    before = raw[max(0, place.start - 40):place.start]
    road = re.search(r"[-\u2013]\s*$", before) and re.match(
        r"\s+(?:highway|road|railway)\b", after, re.I)
    return bool(_ELSEWHERE_AFTER.match(after) or _ELSEWHERE_BEFORE.search(before) or road)


# "In Sylhet, assailants ... in Chhatak upazila": a place that opens the sentence as its frame
# sets the scene broadly (a district, a division); a place the clause itself names is finer.
_FRAME = re.compile(r"\s*(?:In|At)\s+(?:the\s+)?$")


def _frame(raw: str, place: Place, sentence_start: int) -> bool:
    return bool(_FRAME.fullmatch(raw[sentence_start:place.start])) and \
        raw[place.end:place.end + 2].startswith(",")


def _actor_owners(report: Report, places: list[Place]) -> set[int]:
    """Starts of the places written as the possessive of an actor ("Yemen's Houthi rebels"):
    they say whose the actor is, not where it acted, so another place of the sentence as
    specific comes first."""
    actor_starts = {actor.start for actor in report.actors}
    owners = set()
    for place in places:
        match = _POSSESSIVE.match(report.raw, place.end)
        if match and match.end() in actor_starts:
            owners.add(place.start)
    return owners


def _with_location(event: Event, place: Place, precision: int, reason: str, source: str) -> Event:
    location = replace(place, geo_precision=precision)
    return replace(event, location=location, location_source=source,
                   reasons=event.reasons + (reason,))


# Words before a name that say outright that something happened there ("in Florence").
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|into|inside|from|around|across|towards?|of)"
                       r"\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)


def focus_country(report: Report) -> str | None:
    """The country the report is about: the one named by at least two usable places and by
    half of them (a report on Kano that mentions Washington once is about Nigeria)."""
    counts = Counter(p.country for p in report.places if _usable(p) and p.country)
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count >= 2 and count * 2 >= sum(counts.values()) else None


def _off_focus(report: Report, place: Place, country: str | None) -> bool:
    """A town or site in another country than the report's, named without a word that puts an
    event there ("Florence Nwosu said ...", a name read as a place): no event is placed there.
    Countries and provinces, and places after "in", "near", "at"..., keep their say."""
    if country is None or place.country in (None, country) or _specificity(place) >= 2:
        return False
    return not _LOCATIVE.search(report.raw[max(0, place.start - 40):place.start])


def _focus(report: Report) -> Place | None:
    """The report's most mentioned usable place, specific places first; a place that closes an
    organisation's name only when the report names no other."""
    usable = [p for p in report.places if _usable(p) and not _countryless(p)]
    usable = [p for p in usable if not _names_a_body(p)] or usable
    if not usable:
        return None
    counts = Counter(p.geonameid or p.name for p in usable)
    return max(usable, key=lambda p: (_specificity(p) < 3, counts[p.geonameid or p.name]))


class LocateEvents:
    """Give every event of the report a location (see the module docstring)."""

    name = "locate_events"

    def __call__(self, report: Report) -> Report:
        if not report.events:
            return report
        focus = _focus(report)
        spans = _sentence_spans(report)
        country = focus_country(report)
        report.events = [copy for event in report.events for copy in (
            [event] if event.location is not None else
            split_listed(report, locate_event(report, event, focus, spans, country)))]
        return report


# "police arrested activists in Gorakhpur, Azamgarh, Ghazipur and Kanpur": ACLED codes an act
# told at several named places as one event per place, the evidence shared. The places must be
# one coordination after one locative preposition ("in", "at", "near"... not "from", "to"),
# joined by commas and a final "and", each resolved, of one kind (all towns, or all districts:
# "in Borno and Yobe states" tells a region, where ACLED codes the events it can place) and in
# one country, and none named as somewhere else ("A-based", "A-bound").
# A town and the area it lies in ("in Sukma, Chhattisgarh") is one place told at two scales,
# not a list; "in A or B" leaves the scene open, one event. The reason every copy carries starts
# with LISTED_SCENE: merge_events keeps such copies apart (sitrep/events/merge.py).
LISTED_SCENE = "location: one of"
_LIST_OPENER = re.compile(r"\b(?:in|at|near|outside|inside|across|around|within)\s+(?:the\s+)?"
                          r"(?:(?:towns?|cities|city|villages?|districts?|provinces?|states?|"
                          r"areas?)\s+of\s+)?$", re.I)
_LIST_COMMA = re.compile(r"\s*,\s*")
_LIST_AND = re.compile(r"\s*,?\s+and\s+")


def _kind(place: Place) -> str | None:
    """The kind a listed place must share with the others: a town (a populated place or a
    site), a district (below the first level); None for anything else."""
    code = place.feature_code or ""
    if code in ("ADM2", "ADM3", "ADM4"):
        return "district"
    if _specificity(place) == 0:
        return "town"
    return None


def listed_scene(report: Report, place: Place) -> list[Place]:
    """The places of the coordinated list that ``place`` (an event's place, found in its
    sentence) belongs to, in text order, when that list is the scene (see above); else []."""
    mentions = sorted((p for p in report.places if p.start >= 0), key=lambda p: p.start)
    at = next((i for i, p in enumerate(mentions)
               if p.start == place.start and p.end == place.end), None)
    if at is None:
        return []
    first = last = at
    while first > 0 and _joined(report.raw, mentions[first - 1], mentions[first]):
        first -= 1
    while last + 1 < len(mentions) and _joined(report.raw, mentions[last], mentions[last + 1]):
        last += 1
    listed = mentions[first:last + 1]
    if len(listed) < 2 or not _LIST_AND.fullmatch(report.raw, listed[-2].end, listed[-1].start):
        return []
    if any(_LIST_AND.fullmatch(report.raw, a.end, b.start) for a, b in zip(listed[:-2],
                                                                            listed[1:-1])):
        return []  # "in A and B, C and D": two lists or a nested one, not one series
    if not _LIST_OPENER.search(report.raw, max(0, listed[0].start - 40), listed[0].start):
        return []
    kinds = {_kind(p) for p in listed}
    countries = {p.country for p in listed}
    if len(kinds) != 1 or None in kinds or len(countries) != 1 or None in countries:
        return []
    if not all(_usable(p) for p in listed) or any(_elsewhere(report.raw, p) for p in listed):
        return []
    if len({p.geonameid or p.name for p in listed}) != len(listed):
        return []
    return listed


def _joined(raw: str, left: Place, right: Place) -> bool:
    return left.end <= right.start and bool(_LIST_COMMA.fullmatch(raw, left.end, right.start) or
                                            _LIST_AND.fullmatch(raw, left.end, right.start))


def split_listed(report: Report, event: Event) -> list[Event]:
    """An asserted event just placed in its own sentence (by :func:`locate_event`, whose reason
    is its last) at a place of a listed scene, as one event
    per place of the list, each with its own location and reason. A toll stated for the whole
    list is not each place's: the first place's event keeps it, the others get 0 (with a reason
    saying so)."""
    if event.modality != "asserted" or event.location is None or \
            event.location_source != "sentence" or not event.reasons or \
            not event.reasons[-1].startswith("location: '"):
        return [event]
    listed = listed_scene(report, event.location)
    if not listed:
        return [event]
    base = replace(event, reasons=event.reasons[:-1])  # the single place's reason is replaced
    copies = []
    for number, place in enumerate(listed):
        copy = _with_location(base, place, place.geo_precision or 1,
                              f"{LISTED_SCENE} {len(listed)} places listed as the scene: "
                              f"'{place.text}'", "sentence")
        if number and event.fatalities:
            copy = replace(copy, fatalities=0, reasons=copy.reasons + (
                f"fatalities: the toll of {event.fatalities} is told for the {len(listed)} "
                f"places together; counted on the first ('{listed[0].text}'), 0 here",))
        copies.append(copy)
    return copies
