"""Disambiguation: which gazetteer entry each mention refers to, in two passes.

Pass 1 fixes the anchors: country names, admin areas named with a cue ("Aleppo province"),
names with a single candidate, "X, Y" containment ("Springfield, Illinois") and the dateline
("BEIRUT (Reuters) -"). Pass 2 scores every candidate of the other mentions by how much of the
document's context (the anchors, then everything resolved) shares its country and admin1, its
distance to the anchors, its feature type, its population and how the name matched it. The
winner keeps a reason and the runner-up; when the margin over the best candidate elsewhere is
too small to call, the mention is marked ``needs_review`` with its candidates instead. Last, a
district read through its noun as the only division of its name, in another province than the
one the report's other places agree on, gives way to the namesake town of that province ("Bijapur
district" beside Sukma: Chhattisgarh's, which the gazetteer knows only as a town).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Candidate, distance_km
from .localities import LOCAL_CUE
from .recognize import Mention

__all__ = ["Resolution", "ResolverWeights", "resolve_mentions"]


@dataclass(frozen=True, slots=True)
class ResolverWeights:
    """Scoring weights (a candidate's score is their weighted sum, see ``_score``).

    Measured on GeoWebNews (dev, 2026-11-25, end-to-end acc@161 0.789): population alone
    resolves most news toponyms; the context terms decide between homonyms (Paris, Texas vs
    Paris, France). The score is flat around these values: population 1.0-2.5, country share
    0.8-1.2, proximity 0.3-0.6, smoothing 0-2 and review margin 0-0.05 all move end-to-end
    accuracy by less than 0.01, so re-measure before trusting a change of one weight."""

    population: float = 1.5
    country_share: float = 1.2
    admin1_share: float = 0.6
    proximity: float = 0.6
    proximity_km: float = 250.0
    share_smoothing: float = 1.0  # added to the context size: one other mention is weak evidence
    curated_name: float = 0.15
    official_name: float = 0.1
    demonym_weight: float = 0.25  # "American" says little about where a story happens
    minor_alternate: float = 0.3  # penalty: an alternate name of a place under 50,000 people
                                  # is mostly a historic or foreign form, rarely what news means
    review_margin: float = 0.02   # below this the two best readings are a coin toss
    review_km: float = 161.0      # ... unless they lie this close together (same answer)


@dataclass(slots=True)
class Resolution:
    candidate: Candidate | None
    reason: str
    runner_up: Candidate | None = None
    needs_review: bool = False
    alternatives: tuple[Candidate, ...] = ()
    dropped: bool = False   # on second thought not a place: a bare word whose only readings
                            # lie in countries the report never mentions ("Noma", "Abdi")
    country: str | None = None  # a coin toss between readings that all lie in this country
                                # ("Sahiwal": two towns of Punjab): where, if not which


# Feature types stand in for population where GeoNames gives areas none: a country name in news
# is nearly always the country, an admin1 name without a cue usually loses to a city of the same
# name (New York, Aleppo), a curated facility is what its name says.
_TYPE_PRIOR = {"PCLI": 1.25, "CONT": 1.0, "ADM1": 0.86, "ADM2": 0.75, "RGN": 0.7, "AREA": 0.7,
               "SEA": 0.8, "GULF": 0.7, "OCN": 0.9, "ISL": 0.8, "STM": 0.8, "MTS": 0.8,
               "VAL": 0.7, "DSRT": 0.8, "STRT": 0.8, "LK": 0.7}


def _prior(candidate: Candidate) -> float:
    if candidate.fcode in _TYPE_PRIOR:
        return _TYPE_PRIOR[candidate.fcode]
    if candidate.fclass == "S":
        return 0.7
    base = math.log10(candidate.population + 1) / 7.0
    if candidate.fcode == "PPLC":
        base += 0.1
    return min(base, 1.05)


def _apply_cue(mention: Mention) -> tuple[Candidate, ...]:
    candidates = mention.candidates
    if mention.cue == "admin":
        chosen = tuple(c for c in candidates if c.fclass == "A" or c.fcode in ("RGN", "AREA"))
    elif mention.cue == "settlement":
        chosen = tuple(c for c in candidates if c.fclass == "P")
    elif mention.cue == "facility":
        chosen = tuple(c for c in candidates if c.fclass == "S")
    else:
        # a city and its own province share the name (New York, Aleppo, Kirkuk): without a cue
        # news means the city
        cities = {(c.country, c.admin1) for c in candidates
                  if c.fclass == "P" and c.population >= 10_000}
        chosen = tuple(c for c in candidates
                       if not (c.is_admin1 and (c.country, c.admin1) in cities))
    return chosen or candidates


def _contains(area: Candidate, candidate: Candidate) -> bool:
    if area.is_country:
        return candidate.country == area.country and candidate.id != area.id
    if area.is_admin1:
        return (candidate.country == area.country and candidate.admin1 == area.admin1
                and candidate.id != area.id)
    return False


class _Context:
    """Where the document is: countries, admin1 areas and points of the resolved mentions."""

    def __init__(self) -> None:
        self.countries: Counter = Counter()
        # the part of ``countries`` the anchors and the actors gave, not first-round guesses
        self.anchored: Counter = Counter()
        # country -> the names (lower case) of the mentions that have a reading there
        self.readable: dict[str, set[str]] = {}
        self.admin1: Counter = Counter()
        # the weight of the place readings alone (no actors): what says the report is elsewhere
        self.placed = 0.0
        self.points: list[tuple[float, float]] = []
        # each point's latitude in radians and its cosine, for ``nearest_km``
        self._trig: list[tuple[float, float]] = []
        self.total = 0

    def add_country(self, country: str, weight: float) -> None:
        """Evidence of the country without a place (the actors the report names)."""
        self.total += weight
        self.countries[country] += weight
        self.anchored[country] += weight

    def add(self, candidate: Candidate, weight: float = 1.0, anchor: bool = True) -> None:
        self.total += weight
        self.placed += weight
        if candidate.country:
            self.countries[candidate.country] += weight
            if anchor:
                self.anchored[candidate.country] += weight
        if candidate.admin1:
            self.admin1[(candidate.country, candidate.admin1)] += weight
        if not candidate.is_area and len(self.points) < 200:
            self.points.append((candidate.lat, candidate.lon))
            phi = math.radians(candidate.lat)
            self._trig.append((phi, math.cos(phi)))

    def nearest_km(self, lat: float, lon: float, leave_out: tuple[float, float] | None) -> float:
        """The distance to the nearest of the first 50 points other than ``leave_out`` (1e9
        when there is none): ``distance_km``'s haversine, step for step, with each point's
        trigonometry done once (it was a tenth of the geocode stage's time)."""
        phi1 = math.radians(lat)
        cos1 = math.cos(phi1)
        sin, asin, sqrt, radians = math.sin, math.asin, math.sqrt, math.radians
        nearest = 1e9
        for (lat2, lon2), (phi2, cos2) in zip(self.points[:50], self._trig):
            if leave_out is not None and (lat2, lon2) == leave_out:
                continue
            a = sin((phi2 - phi1) / 2) ** 2 + cos1 * cos2 * sin(radians(lon2 - lon) / 2) ** 2
            nearest = min(nearest, 2 * 6371.0088 * asin(min(1.0, sqrt(a))))
        return nearest


def _score(candidate: Candidate, context: _Context, weights: ResolverWeights,
           own: tuple[Candidate, float] | None = None) -> tuple[float, str]:
    """``own``: this mention's own first-round choice, left out of the context it is scored by."""
    mine, weight = own if own else (None, 0.0)
    total = context.total - weight
    prior = _prior(candidate)
    country = admin1 = proximity = 0.0
    if total > 0:
        same = weight if mine is not None and mine.country == candidate.country else 0.0
        if candidate.country is None and context.countries:
            # a region across countries (the Middle East, the Atlantic) fits any context as
            # well as the best-supported country does: no hamlet of that name should win on
            # context alone
            support = max(context.countries.values()) - weight
        else:
            support = context.countries[candidate.country] - same
        country = max(0.0, support) / (total + weights.share_smoothing)
        same = weight if mine is not None and (mine.country, mine.admin1) == (
            candidate.country, candidate.admin1) else 0.0
        if candidate.admin1:
            admin1 = max(0.0, context.admin1[(candidate.country, candidate.admin1)] - same) / (
                total + weights.share_smoothing)
    if candidate.is_admin1 or candidate.is_country:
        # an area is "near" the document when places it contains are mentioned
        inside = admin1 if candidate.is_admin1 else country
        proximity = 0.5 if inside > 0 else 0.0
    elif context.points and not candidate.is_area:
        nearest = context.nearest_km(candidate.lat, candidate.lon,
                                     None if mine is None else (mine.lat, mine.lon))
        if nearest > 1.0:  # a point at distance ~0 is the candidate itself
            proximity = math.exp(-nearest / weights.proximity_km)
    kind = (weights.curated_name if candidate.kind == "alias" else
            weights.official_name if candidate.kind == "official" else
            -weights.minor_alternate if candidate.kind == "alternate" and
            candidate.fclass == "P" and candidate.population < 50_000 else 0.0)
    score = (weights.population * prior + weights.country_share * country +
             weights.admin1_share * admin1 + weights.proximity * proximity + kind)
    detail = (f"prior {prior:.2f}, country {country:.2f}, admin1 {admin1:.2f}, "
              f"near {proximity:.2f}, name {candidate.kind}")
    return score, detail


def _dateline(mention: Mention, text: str) -> bool:
    """"BEIRUT (Reuters) -", "ALEPPO, Syria —": a capitalised place opening the report."""
    if text[:mention.cstart].strip() or mention.cend >= len(text):
        return False
    after = text[mention.cend:mention.cend + 3]
    return mention.text.isupper() or after[:1] in ",(" or after.strip()[:1] in "-—–"


def resolve_mentions(mentions: list[Mention], text: str,
                     weights: ResolverWeights = ResolverWeights(),
                     countries: dict[str, float] | None = None) -> list[Resolution]:
    """One :class:`Resolution` per mention, in order. ``countries``: country code -> weight of
    evidence from outside the place names (the named actors of the report)."""
    resolutions: list[Resolution | None] = [None] * len(mentions)
    pools = [_apply_cue(mention) for mention in mentions]
    context = _Context()
    for country, weight in (countries or {}).items():
        context.add_country(country, weight)
    for mention, pool in zip(mentions, pools):
        for candidate in pool:
            context.readable.setdefault(candidate.country, set()).add(mention.text.lower())

    lonely: list[int] = []   # small places that are the only ones of their name
    # -- pass 1: anchors -----------------------------------------------------------------------
    for index, (mention, pool) in enumerate(zip(mentions, pools)):
        if mention.demonym:
            resolutions[index] = Resolution(pool[0], f"demonym of {pool[0].name} (context only)")
            context.add(pool[0], weights.demonym_weight)
            continue
        countries = [c for c in pool if c.is_country]
        admin = [c for c in pool if c.is_admin1]
        if countries and len(countries) == 1 and not admin:
            resolutions[index] = Resolution(countries[0], "anchor: country name")
        elif mention.cue == "admin" and len(admin) == 1:
            resolutions[index] = Resolution(admin[0], f"anchor: admin area ('{mention.cue}' cue)")
        elif len(pool) == 1 and _self_evident(pool[0]) and not _read_through_cue(pool[0]):
            resolutions[index] = Resolution(pool[0], "anchor: the only place of that name")
        elif len(pool) == 1:
            lonely.append(index)
            continue
        elif index == 0 and mention.container is None and _dateline(mention, text):
            # "BEIRUT (Reuters) -": the most populous place of the name ("SPRINGFIELD, Ill."
            # is left to the containment rule below)
            best = max(pool, key=lambda c: (c.fclass == "P", c.population))
            resolutions[index] = Resolution(best, "anchor: dateline, most populous")
        if resolutions[index] is not None:
            context.add(resolutions[index].candidate)
    for index, mention in enumerate(mentions):   # "X, Y": X inside Y
        container = mention.container
        if container is not None and mention.owned and resolutions[index] is not None:
            # "West Bengal's Dinajpur": an anchor read outside the area that owns it is read
            # again, inside it
            owner = resolutions[container].candidate if resolutions[container] else None
            taken = resolutions[index].candidate
            if owner is not None and taken is not None and (owner.is_country or owner.is_admin1) \
                    and not _contains(owner, taken):
                resolutions[index] = None
        if container is None or resolutions[index] is not None:
            continue
        area = resolutions[container].candidate if resolutions[container] else None
        # the container's readings best supported by the context first ("Dasht, Balochistan"
        # in a report on Pakistan: Pakistan's Balochistan, not Iran's Baluchestan)
        areas = [area] if area else sorted(
            (c for c in pools[container] if c.is_country or c.is_admin1),
            key=lambda c: (context.countries[c.country], _prior(c), c.population), reverse=True)
        for area in areas:
            inside = [c for c in pools[index] if _contains(area, c)]
            if inside:
                best = max(inside, key=_prior)
                outside = [c for c in pools[index] if c not in inside]
                resolutions[index] = Resolution(
                    best, f"anchor: inside {area.name} (\"X, Y\", \"X in Y\")",
                    runner_up=max(outside, key=_prior) if outside else None)
                context.add(best)
                if resolutions[container] is None:
                    resolutions[container] = Resolution(area, f"anchor: contains {best.name}")
                    context.add(area)
                break
        else:
            if resolutions[container] is not None and \
                    resolutions[container].candidate is not None and \
                    (resolutions[container].candidate.is_country or
                     resolutions[container].candidate.is_admin1) and \
                    (mention.owned or
                     not any(c.is_area or c.population >= 100_000 for c in pools[index])):
                # "Oban village in Cross River State": the text says where it lies, and no
                # place of the gazetteer by that name lies there (Oban, Scotland does not). A
                # city keeps its reading: "the road between Chaghcharan and Herat in Ghor
                # province" puts the road in Ghor, not Herat; not a place the area owns ("West
                # Bengal's Dinajpur district" is not Bangladesh's Dinajpur). Unlocated, it
                # needs review: a fuller gazetteer may hold it, or the text misplaces it
                resolutions[index] = Resolution(
                    None, f"no place of that name inside {resolutions[container].candidate.name}"
                    " in the gazetteer", needs_review=True)

    # a lone reading known only by an alternate name is judged last, by the places of the report
    # that are surer than it ("Kech near Turbat": Turbat says Pakistan before Kech is read German)
    lonely.sort(key=lambda index: _alternate_only(pools[index][0]))
    for index in lonely:
        if resolutions[index] is not None and _read_through_cue(pools[index][0]):
            continue    # the area the text puts it in has decided ("West Bengal's X district")
        resolutions[index] = _lonely(mentions[index], pools[index][0], context)
        if resolutions[index].candidate is not None:
            context.add(resolutions[index].candidate)

    # -- pass 2: scored, twice (the second round sees the first round's choices) --------------
    pending = [i for i, r in enumerate(resolutions) if r is None]
    first_round: dict[int, Candidate] = {}
    for index in pending:
        resolution = _choose(pools[index], context, weights, None, mentions[index].text)
        if resolution.candidate is not None:
            first_round[index] = resolution.candidate
    for candidate in first_round.values():
        context.add(candidate, 0.5, anchor=False)
    # a name repeated is one piece of evidence, not several: every mention of the same name
    # leaves its first-round choice out of the context it is scored by ("Magura ... Magura"
    # must not make the Romanian Măgura its own support)
    repeats = Counter(mentions[i].text.lower() for i in first_round)
    for index in pending:
        own = (first_round[index], 0.5 * repeats[mentions[index].text.lower()]) \
            if index in first_round else None
        resolutions[index] = _choose(pools[index], context, weights, own, mentions[index].text)
    _namesake_towns(mentions, resolutions)
    return [r if r is not None else Resolution(None, "no candidate") for r in resolutions]


def _namesake_towns(mentions: list[Mention], resolutions: list[Resolution | None]) -> None:
    """A district read through its noun as the only division of that name the gazetteer knows
    ("Bijapur district": Karnataka's), while the report's other places lie in another
    first-level area of that country (Chhattisgarh: "Sukma", "Raipur") where a town of that
    name lies: the gazetteer lacks that area's district, and its namesake town (a district
    takes its seat's name) stands in for it. The other places must agree on the area: the
    most named, not tied, and none in the division's own."""
    for index, (mention, resolution) in enumerate(zip(mentions, resolutions)):
        division = resolution.candidate if resolution is not None else None
        if division is None or mention.cue != "admin" or not _read_through_cue(division) or \
                division.fcode not in ("ADM2", "ADM3"):
            continue
        areas = Counter((other.candidate.country, other.candidate.admin1)
                        for number, other in enumerate(resolutions)
                        if number != index and other is not None and other.candidate is not None
                        and not mentions[number].demonym and other.candidate.admin1
                        and not other.candidate.is_country
                        and other.candidate.country == division.country)
        if not areas or areas[(division.country, division.admin1)]:
            continue
        ranked = areas.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue
        (country, admin1), count = ranked[0]
        towns = [c for c in mention.candidates
                 if c.fclass == "P" and (c.country, c.admin1) == (country, admin1)]
        if towns:
            town = max(towns, key=lambda c: c.population)
            resolutions[index] = Resolution(
                town, f"the only division '{mention.text}' known is in {division.country} "
                      f"admin1 {division.admin1}; the report's other places are in admin1 "
                      f"{admin1} ({count}), where its namesake town stands in for it",
                runner_up=division)


def _self_evident(candidate: Candidate) -> bool:
    """An only candidate that anchors at once: an area, a facility, a curated name, a city."""
    if candidate.cue == LOCAL_CUE:      # an upazila of the lists: judged by the report's country
        return False
    return (candidate.is_area or candidate.fclass in "SHLT" or candidate.kind == "alias" or
            candidate.country is None or candidate.population >= 100_000)


def _read_through_cue(candidate: Candidate) -> bool:
    """A division known by a name that reads as one only beside its noun ("Great Lakes region":
    an Australian council area, "Bagerhat district"): the noun says it is a division, not
    which country's."""
    return candidate.cue == "admin" and candidate.fclass == "A"


def _lonely(mention: Mention, candidate: Candidate, context: _Context) -> Resolution:
    """A small place that is the only one of its name: taken, unless the report is about another
    country and never mentions this one ("Mangusu" in a Congo report is not the Philippine
    village the gazetteer knows). A division read through its noun ("Great Lakes region") must
    lie in a country the report names, unless the report is plainly about another (two
    anchors there and half the context: one stray reading of a neighbour, "Pakistani troops
    fired at posts in Kathua district", is not enough)."""
    if _read_through_cue(candidate):
        top, weight = context.anchored.most_common(1)[0] if context.anchored else (None, 0.0)
        if top is not None and top != candidate.country and weight >= _DOMINANT_WEIGHT and \
                weight >= 0.5 * context.total and context.countries[candidate.country] == 0 and \
                context.readable.get(candidate.country, set()) <= {mention.text.lower()}:
            return Resolution(None, f"needs review: the only division '{mention.text}' known "
                                    f"is in {candidate.country}; the report names {top}",
                              candidate, True, (candidate,))
        return Resolution(candidate, "anchor: the only place of that name")
    if _unsupported(candidate, context, None) and candidate.cue == LOCAL_CUE:
        return _unsupported_locality(mention.text, candidate)
    if _unsupported(candidate, context, None):
        return Resolution(None, f"needs review: '{mention.text}' matches only an alternate name "
                                f"of {candidate.name} ({candidate.country}), and nothing else in "
                                f"the report points to {candidate.country}", candidate, True,
                          (candidate,))
    if context.total > 0 and context.countries[candidate.country] == 0:
        about = _about(context, candidate, context.total, mention.text)
        if about and about[1]:
            return Resolution(None, f"needs review: the only '{mention.text}' known is a village "
                                    f"in {candidate.country}; the report names {about[0]}",
                              candidate, True, (candidate,))
        if about:
            return Resolution(None, f"needs review: the only '{mention.text}' known is in "
                                    f"{candidate.country}; the report is about {about[0]}",
                              candidate, True, (candidate,))
    return Resolution(candidate, "anchor: the only place of that name")


# A report is "about" a country when at least two anchors (or four demonyms) name it and it
# holds half of the context; one anchor is enough against a village (fewer than 10,000 people,
# or a GeoNames seat with no count) or a town known by an alternate name only: news names a
# foreign village only with its country, a foreign city often without ("Nam Khet" in a report
# naming Myanmar is no Indonesian village; "Morang district" beside Nepal's Biratnagar is not
# South Morang, Australia, which GeoNames also calls Morang).
_DOMINANT_WEIGHT = 2.0
_DOMINANT_WEIGHT_VILLAGE = 1.0
_VILLAGE = 10_000


def _about(context: _Context, candidate: Candidate, total: float,
           name: str) -> tuple[str, bool] | None:
    """The other country the report is about, against ``candidate``'s, and whether only the
    village rule says so; or None. Against a village (``name``'s reading) only anchors count,
    first-round guesses being what is in question, and only when no other name of the report
    can be read in the village's country ("Kuje" stays Nigerian next to "Abuja", whatever an
    anchor misread abroad says)."""
    if context.countries:
        top, weight = context.countries.most_common(1)[0]
        if top != candidate.country and weight >= _DOMINANT_WEIGHT and weight >= 0.5 * total:
            return top, False
    if (candidate.population < _VILLAGE or candidate.kind == "alternate") and \
            context.anchored and \
            context.readable.get(candidate.country, set()) <= {name.lower()}:
        top, weight = context.anchored.most_common(1)[0]
        if top != candidate.country and weight >= _DOMINANT_WEIGHT_VILLAGE and \
                weight >= 0.5 * sum(context.anchored.values()):
            return top, True
    return None


def _doubt(about: tuple[str, bool]) -> str:
    """Why a reading abroad is doubted. A village doubted on one anchor is worded apart:
    sitrep.geo.stage drops bare names doubted as in a country the report never mentions (mostly
    words that are no places), but a village the gazetteer knows abroad is still a place name
    (an Australian village the gazetteer knows only in the US), kept unresolved."""
    top, village = about
    if village:
        return f"is a village in a country the report does not name; it names {top}"
    return f"is in a country the report never mentions; it is about {top}"


def _minor(candidate: Candidate) -> bool:
    """A reading news would not mean without naming its country: no area, city or capital."""
    return not (candidate.is_area or candidate.country is None or
                candidate.population >= 1_000_000 or
                (candidate.kind != "alternate" and candidate.population >= 100_000))


def _support(context: _Context, country: str | None,
             own: tuple[Candidate, float] | None) -> float:
    """The context's weight for ``country``, this mention's own first-round choice left out."""
    mine = own[1] if own and own[0].country == country else 0.0
    return context.countries[country] - mine


def _foreign(candidate: Candidate, context: _Context, own: tuple[Candidate, float] | None,
             name: str) -> str | None:
    """Why a minor reading lies in a country the report never mentions while it is mostly about
    another one ("Samar" read as a Russian city in a Philippine report), or None."""
    if not _minor(candidate):
        return None
    total = context.total - (own[1] if own else 0.0)
    if total < 1 or _support(context, candidate.country, own) > 0:
        return None
    about = _about(context, candidate, total, name)
    return _doubt(about) if about else None


def _home_namesake(scored: list, context: _Context,
                   own: tuple[Candidate, float] | None) -> tuple | None:
    """The best-scored reading in the country the anchors and actors mostly put the report in,
    when the best reading overall is a minor place in a country the report never mentions
    ("Kharpur" near Bangladeshi actors is the Bangladeshi town, not a Romanian village of
    4,000): population decides between namesakes of the report's country, not against it. A
    city, a capital or a curated facility abroad keeps winning."""
    best = scored[0][2]
    if not context.anchored or not _minor(best) or best.fclass == "S" or \
            best.kind == "alias" or _support(context, best.country, own) > 0:
        return None
    home = context.anchored.most_common(1)[0][0]
    # a minor place known by an alternate name is rarely what news means (see minor_alternate)
    return next((item for item in scored[1:] if item[2].country == home and not (
        item[2].kind == "alternate" and item[2].population < 50_000)), None)


def _alternate_only(candidate: Candidate) -> bool:
    """A town or village the name matched only by one of its alternate names (GeoNames' historic,
    foreign-language and transliterated forms): "Kech" is known only as a German spelling of
    Ketsch. Cities (100,000 people or more) are exempt: news does call them by other names."""
    return candidate.kind == "alternate" and candidate.fclass == "P" and \
        candidate.population < 100_000


def _unsupported_locality(name: str, candidate: Candidate) -> Resolution:
    """A name that matches only localities of the national lists (``sitrep.geo.localities``)
    of a country that weighs less in the report than another: no place at all, on second
    thought (those lists hold tens of thousands of small places named like words and people)."""
    return Resolution(None, f"'{name}' matches only a locality of {candidate.country}'s lists "
                            f"({candidate.name}), and the report's other places and actors weigh "
                            f"more in another country", candidate, dropped=True)


def _unsupported(candidate: Candidate, context: _Context,
                 own: tuple[Candidate, float] | None) -> bool:
    """An alternate-name-only reading (see ``_alternate_only``) in a country nothing else in the
    report points to (no other place read there, no actor of it) while its other places lie
    elsewhere: such a match is then more often a place the gazetteer lacks than the foreign town.
    Actors alone do not make a reading foreign: a group the dictionary puts in one country acts
    across the border (on the ACLED Asia dev notes, measuring only, doubting on actors as well
    cost one note's place, an Indian town named beside Pakistani groups, and won none)."""
    if candidate.cue == LOCAL_CUE:
        # a locality of the national lists is read only where no other country weighs more in
        # the report than its own (its other places, its actors, a division noun only one
        # country uses): a Nepali report naming India once is still Nepali, and a report whose
        # places all lie elsewhere means something else by the word
        support = _support(context, candidate.country, own)
        return any(_support(context, country, own) > support
                   for country in context.countries if country != candidate.country)
    if not _alternate_only(candidate) or _support(context, candidate.country, own) > 0:
        return False
    return context.placed - (own[1] if own else 0.0) > 0


def _choose(pool: tuple[Candidate, ...], context: _Context, weights: ResolverWeights,
            own: tuple[Candidate, float] | None, name: str) -> Resolution:
    scored = sorted(((*_score(c, context, weights, own), c) for c in pool),
                    key=lambda item: item[0], reverse=True)
    doubted = [item for item in scored if _unsupported(item[2], context, own)]
    if doubted:
        scored = [item for item in scored if item not in doubted]
        if not scored:
            best = doubted[0][2]
            if all(item[2].cue == LOCAL_CUE for item in doubted):
                return _unsupported_locality(name, best)
            return Resolution(None, f"needs review: '{name}' matches only an alternate name of "
                                    f"{best.name} ({best.country}), and nothing else in the "
                                    f"report points to {best.country}", best, True,
                              tuple(item[2] for item in doubted[:5]))
    home = _home_namesake(scored, context, own)
    if home is not None:
        foreign = scored[0][2]
        return Resolution(home[2], f"scored {home[0]:.2f} ({home[1]}); a namesake in a country "
                                   f"the report mentions, over {foreign.name} ({foreign.country}, "
                                   f"population {foreign.population:,}) in one it never does",
                          foreign)
    best_score, detail, best = scored[0]
    rival = next((item for item in scored[1:] if distance_km(
        best.lat, best.lon, item[2].lat, item[2].lon) > weights.review_km), None)
    foreign = _foreign(best, context, own, name)
    if rival is None and foreign:
        return Resolution(None, f"needs review: {best.name} ({best.country}) {foreign}", best,
                          True, (best,))
    if rival is None:
        return Resolution(best, f"scored {best_score:.2f} ({detail}); no rival farther than "
                                f"{weights.review_km:.0f} km")
    margin = best_score - rival[0]
    if foreign:
        return Resolution(None, f"needs review: {best.name} ({best.country}) {foreign}",
                          best, True, tuple(item[2] for item in scored[:5]))
    if margin < weights.review_margin:
        tied = {item[2].country for item in scored if best_score - item[0] < weights.review_margin}
        country = tied.pop() if len(tied) == 1 else None
        return Resolution(None, f"needs review: {best.name} ({best_score:.2f}) vs "
                                f"{rival[2].name} ({rival[0]:.2f})" + (
                                    f"; both in {country}" if country else ""), rival[2], True,
                          tuple(item[2] for item in scored[:5]), country=country)
    return Resolution(best, f"scored {best_score:.2f} ({detail}); margin {margin:.2f}",
                      rival[2])
