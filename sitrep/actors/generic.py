"""ACLED's generic actors and unnamed state forces, named with the country of the event.

The country of an event is its place's, else the report's (``event_country``: its places', its
actors', at last its publisher's internet domain, ``publisher_country``); an actor coded
with the document's country, or with none, is renamed with it: "Protesters (India)",
"Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan" (``EventNames.local``). The
conventions of each event type (``conventions.py``) build on these names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

from ..model import Actor, Event, Report
from .coding import state_name
from .dictionary import INTER_TYPES, PARTY_TYPE, ActorDictionary

__all__ = ["EventNames", "STATE_ID", "distinct", "event_country", "is_generic", "is_named",
           "on_side", "own_name", "publisher_country", "report_country"]

_GENERIC = {3: "Unidentified Armed Group ({})", 4: "Unidentified Communal Militia ({})",
            5: "Rioters ({})", 6: "Protesters ({})", 7: "Civilians ({})"}
_GENERIC_KIND = {"armed": 3, "communal": 4, "rioter": 5, "protester": 6, "civilian": 7}
_GENERIC_ID = re.compile(r"^[A-Z]{3}:(armed|communal|rioter|protester|civilian|rebel)$")
STATE_ID = re.compile(r"^([A-Z]{3}):(MIL|COP|GOV|LEG|JUD|SPY)$")
# the words coding.py puts in a reason when the country came from the document, not the mention
# ("role 'police'; document country PAK ..."); not "Myanmar's border force; foreign forces
# (document country BGD ...)", whose country the mention states
_DOCUMENT_COUNTRY = ("; document country", "; no country named")
# country-code domains sold as generic names (television, tech, "company", ...): no country,
# unless under a country's own second level ("eltiempo.com.co", "gov.me")
_GENERIC_DOMAINS = frozenset("tv io co me fm ai cc ws to gg ag sh gl ac nu im vc".split())
_SECOND_LEVEL = frozenset("com org net gov edu co ac news nic gob".split())
_GENERIC_NAME = re.compile(r"^(?:Unidentified Armed Group|Unidentified Communal Militia|Rioters|"
                           r"Protesters|Civilians|Rebels) "
                           r"\(.+\)$")


def event_country(event: Event, fallback: str | None, fallback_reason: str
                  ) -> tuple[str | None, str]:
    """The ISO3 country of an event, with its reason: its location's, else the report's."""
    if event.location is not None and event.location.iso3:
        return event.location.iso3, f"country of the event's place {event.location.name!r}"
    return fallback, fallback_reason


def report_country(report: Report, dictionary: ActorDictionary) -> tuple[str | None, str]:
    """The country most of the report's located places lie in (not a country inside an actor's
    words, "Pakistani troops": the actor's origin); without them, the country
    ``find_actors`` coded most of the report's actors with; without those, the country of places
    whose namesakes all lie in one ("Sahiwal": which town is a coin toss, the country is not).
    A tie: none; with no vote at all, the country of the publisher's internet domain
    (``publisher_country``)."""
    # a country inside an actor's words ("Pakistani troops", "the Afghan Taliban") says where
    # the actor is from, not where anything happened: the actor votes for its country instead
    places = [place for place in report.places if not (
        (place.feature_code or "").startswith("PCL") and any(
            actor.start <= place.start and place.end <= actor.end for actor in report.actors))]
    for votes, what in ((Counter(place.iso3 for place in places
                                 if place.iso3 and place.lat is not None),
                         "the report's places"),
                        (Counter(dictionary.iso3_of(actor.country) for actor in report.actors
                                 if dictionary.iso3_of(actor.country)), "the report's actors"),
                        (Counter(place.iso3 for place in places if place.iso3),
                         "the report's places of one country, not located")):
        ranked = votes.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], f"country of most of {what} ({ranked[0][1]})"
    publisher = publisher_country(report, dictionary)
    if publisher is not None:
        return publisher, f"the publisher's country (the domain of {report.url!r})"
    return None, "no country known for the event"


def publisher_country(report: Report, dictionary: ActorDictionary) -> str | None:
    """The ISO3 country of the report's web address's country-code domain ("kathmandupost.com.np"
    -> NPL, "bbc.co.uk" -> GBR), or None: no address, a generic domain (.com, .org), or a
    country code sold as a generic name (.tv, .io, a bare .co). A local paper reports its own
    country's events far more often than others': the last evidence, when the text names no
    place or actor with a country (a short report of "a protest outside the press club")."""
    try:
        host = urlsplit(report.url or "").hostname or ""
    except ValueError:
        return None
    labels = host.lower().rstrip(".").split(".")     # "example.com.np." is fully qualified
    domain = labels[-1]
    if len(domain) != 2 or not domain.isalpha() or domain in _GENERIC_DOMAINS and not (
            len(labels) > 2 and labels[-2] in _SECOND_LEVEL):
        return None
    iso3 = dictionary.iso3_by_iso2.get("GB" if domain == "uk" else domain.upper())
    return iso3 if iso3 in dictionary.countries else None


class EventNames:
    """Names one event's actors with its country; keeps the reasons of what it changed."""

    def __init__(self, dictionary: ActorDictionary, event: Event, iso3: str | None,
                 why: str) -> None:
        self.dictionary = dictionary
        self.event = event
        self.iso3 = iso3
        country = dictionary.countries.get(iso3) if iso3 else None
        self.country = country.name if country else None
        self.why = why
        self.reasons: list[str] = []

    def local(self, actor: Actor | None) -> Actor | None:
        """A generic or unnamed-state actor named with the event's country."""
        if actor is None or self.country is None:
            return actor
        from_document = any(words in (actor.reason or "") for words in _DOCUMENT_COUNTRY)
        generic = _GENERIC_ID.match(actor.actor_id or "")
        state = STATE_ID.match(actor.actor_id or "")
        if actor.inter in _GENERIC and (generic or actor.actor_id is None and actor.name in (
                None, _GENERIC[actor.inter].format(actor.country))):
            if actor.country == self.country and actor.name:
                return actor
            return self.generic(actor.inter, actor, "generic actor")
        if state and from_document and state.group(1) != self.iso3:
            sector = state.group(2)
            return replace(actor, name=state_name(sector, self.country),
                           inter=1, type=INTER_TYPES[1], country=self.country,
                           cameo=self.iso3 + sector, actor_id=f"{self.iso3}:{sector}",
                           reason=f"{actor.reason}; {self.why}")
        if actor.actor_id is None and actor.name is None and actor.inter == 1 and \
                actor.cameo and actor.cameo[-3:] in ("MIL", "COP", "GOV"):
            sector = actor.cameo[-3:]
            return replace(actor, name=state_name(sector, self.country),
                           country=self.country, cameo=self.iso3 + sector,
                           actor_id=f"{self.iso3}:{sector}", reason=f"{actor.reason}; {self.why}")
        return actor

    def generic(self, inter: int, actor: Actor | None, role: str) -> Actor | None:
        """ACLED's generic actor of ``inter`` in the event's country, on ``actor``'s words (or
        the trigger's when no mention names it); None when the country is unknown."""
        kind = {v: k for k, v in _GENERIC_KIND.items()}[inter]
        base = actor if actor is not None else self.trigger_actor()
        if base is None:
            return None
        if self.country is None:
            # the kind of actor is known, its country is not: typed, left unnamed
            return replace(base, name=None, type=INTER_TYPES[inter], inter=inter,
                           cameo="UAF" if inter in (3, 4) else "CVL", country=None,
                           actor_id=None,
                           reason=f"{role} ({self.why})")
        return replace(base, name=_GENERIC[inter].format(self.country), type=INTER_TYPES[inter],
                       inter=inter, cameo=self.iso3 + ("UAF" if inter in (3, 4) else "CVL"),
                       country=self.country, actor_id=f"{self.iso3}:{kind}",
                       reason=f"{role} ({self.why})" + (
                           f"; mention coded before as {actor.name!r}" if actor is not None
                           and actor.name else ""))

    def implied(self, inter: int, role: str) -> Actor | None:
        actor = self.generic(inter, None, f"implied by the event: {role}")
        if actor is not None:
            self.reasons.append(f"{actor.name}: {role}")
        return actor

    def implied_state(self, sector: str, role: str) -> Actor | None:
        base = self.trigger_actor()
        if base is None or self.country is None:
            return None
        self.reasons.append(f"{state_name(sector, self.country)}: {role}")
        return replace(base, name=state_name(sector, self.country), type=INTER_TYPES[1],
                       inter=1, cameo=self.iso3 + sector, country=self.country,
                       actor_id=f"{self.iso3}:{sector}",
                       reason=f"implied by the event: {role} ({self.why})")

    def trigger_actor(self) -> Actor | None:
        """An actor no mention names stands on the event's trigger words."""
        trigger = self.event.trigger
        if trigger is None:
            return None
        return Actor(trigger.start, trigger.end, trigger.text)


def is_generic(actor: Actor) -> bool:
    return bool(_GENERIC_ID.match(actor.actor_id or "")) or actor.actor_id is None and (
        actor.name is None or bool(_GENERIC_NAME.match(actor.name)))


def is_named(actor: Actor) -> bool:
    """A named group, party or union (not a role word, not the state)."""
    return actor.actor_id is not None and ":" not in actor.actor_id and actor.inter not in (1, 8) \
        or actor.type == PARTY_TYPE or (actor.actor_id is None and actor.name is not None
                                        and not _GENERIC_NAME.match(actor.name)
                                        and actor.inter != 1)


def own_name(actor: Actor) -> Actor:
    """An associated actor under its own name (a party's, not its militia's)."""
    if actor.name and actor.name.endswith(" Militia") and actor.type == PARTY_TYPE:
        return replace(actor, name=actor.name[:-len(" Militia")])
    return actor


def on_side(actors: list[Actor], main: Actor | None) -> list[Actor]:
    """Associated actors without a type code of their own (a party, a union) act on the main
    actor's side: they carry its inter (ACLED codes one type per side)."""
    if main is None or main.inter is None:
        return actors
    side = main.name or main.text
    return [actor if actor.inter is not None else replace(
        actor, inter=main.inter, reason=f"{actor.reason}; associated with {side!r}")
        for actor in actors]


def distinct(actors: list[Actor], main: Actor | None) -> list[Actor]:
    seen = {main.name} if main is not None and main.name else set()
    kept = []
    for actor in actors:
        key = actor.name or actor.text
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept
