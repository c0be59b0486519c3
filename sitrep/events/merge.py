"""The ``merge_events`` stage: one event per happening within a report, with all its evidence.

Two mentions are the same event when they have the same type (ACLED sub-event type, or PLOVER
type for events without one) and nothing tells them apart: no two different named actors on the
same side (for an armed clash or a protest the forces intervened in, the sides may come in
either order; two generic roles of one country in one family — the state's government, police
and army; civilians and protesters — are one party told at two levels of detail; the target of a
one-sided act told again by a mention without a day of its own may come as any generic role of
its country: :func:`_targets_retold`), no two
different resolved places, no two different exact dates; the copies locate_events made of an
act told at a list of places ("in Gorakhpur, Azamgarh and Kanpur") are never one event. Two triggers of one kind in one clause are one happening whatever sides each
word's reading found ("Police detained a student for protesting"). An "uncertain" mention folds
into an asserted event only when it names the same actor1 (seed: "the camps that IS took on
Sunday" is E1 again); denied and forecast events never fold into asserted ones; mentions the
report itself calls separate ("in a separate attack", "elsewhere") fold only when they name the
same actor. The merged event keeps the fields of its most confident mention, fills gaps from the
others, and cites every mention's evidence. Of several merged events an undated mention fits, it joins
the one it shares most with (a person, a count, a named target: ``sitrep/events/joining.py``); a
mention dated by a fallback never joins one dated by words that counts other people.

An explosion or remote-violence mention told inside an armed clash between the same sides
("troops and rebels clashed; the army shelled their positions") is that clash: ACLED codes
shelling, air strikes, grenades and bombs used by one side while both sides fight as the
Battle, not as a separate Explosions/Remote violence event (codebook: remote violence is
one-sided, its target cannot answer). See :func:`explosions_within_battles`.

Each mention's evidence is first cut to what its sentence tells of its own happening (the
clause of its trigger where the sentence tells two: ``sitrep/events/trigger_clause.py``).

A noun trigger told as given ("Britain said the arrest was a pretext", "Beijing supported Lai's
arrest") folds into the happening it names again once the other mentions are folded, taking
nothing of its own sentence (see :func:`merge_events`), unless its clause tells a mention of
its kind in its own words: then it is that mention read from a second word.

The result does not depend on the order of the mentions: they are considered most confident
first, ties broken by position in the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from itertools import islice

from ..geo.gazetteer import distance_km
from ..geo.locate import LISTED_SCENE
from ..model import Actor, Event, Span
from .date_ranges import date_fineness, date_range as _date_range, \
    dates_compatible as _dates_compatible
from .identity import Identity, dated_by_words, generic_actor
from .joining import joined, noted
from .lexicon import load_lexicon
from .trigger_clause import apart_in_clauses, trigger_clause

__all__ = ["MergeEvents", "explosions_within_battles", "merge_events", "same_event",
           "trigger_clause"]



def _actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.name or actor.text.lower()


# Generic roles a report gives one party of a happening at two levels of detail: the state
# ("the authorities", "police", "soldiers": Government / Police / Military Forces of X) and the
# unarmed people it happens to ("activists", "protesters", "residents": Civilians / Protesters
# (X)). Within one report, two such roles of one country on the same side name no one: they never
# tell two happenings apart ("Aung San Suu Kyi and other government officials were arrested by
# the military" and "the military detained the country's civilian leader"). Unidentified armed
# men are not in a family: "gunmen" and "police" are two claims about who did it.
_ROLE_FAMILIES = {"GOV": "state", "MIL": "state", "COP": "state", "SPY": "state",
                  "civilian": "people", "protester": "people"}


def _role(actor: Actor) -> tuple[str, str] | None:
    """(country code, family) of an actor coded as a generic role of a country, else None."""
    country, _, role = (actor.actor_id or "").partition(":")
    family = _ROLE_FAMILIES.get(role)
    return (country, family) if family and country else None


def _actors_agree(x: Actor | None, y: Actor | None) -> bool:
    if x is None or y is None or _actor_key(x) == _actor_key(y):
        return True
    role = _role(x)
    return role is not None and role == _role(y)


def _sides_compatible(a: Event, b: Event) -> bool:
    if _actors_agree(a.actor1, b.actor1) and (_actors_agree(a.actor2, b.actor2)
                                               or _targets_retold(a, b)):
        return True
    if a.sub_event_type in _TWO_SIDED:
        return _actors_agree(a.actor1, b.actor2) and _actors_agree(a.actor2, b.actor1)
    return False


def _targets_retold(a: Event, b: Event) -> bool:
    """Whether the targets of a one-sided act ("detained", "abducted") are two generic roles of
    one country, whatever their family ("Civilians (Myanmar)" and "Government of Myanmar" for
    the detained civilian leader), in a retelling: one of the two mentions carries no day of its own
    (a fallback date), so it tells the act again rather than another act of that day. Who was
    taken is told by the people named (the fold's identity check), not by the role; two dated
    acts keep their roles apart."""
    if a.sub_event_type in _TWO_SIDED or dated_by_words(a) and dated_by_words(b):
        return False
    first, second = a.actor2, b.actor2
    return first is not None and second is not None and generic_actor(first) and \
        generic_actor(second) and first.actor_id.partition(":")[0] == \
        second.actor_id.partition(":")[0]


# Kinds whose two sides act on each other, so that a mention read from either side's word names
# them in either order: the two armed groups of a battle; the crowd and the forces that broke it
# up ("police detained protesters" read from 'detained', "protesters were removed by police"
# read from 'protesters')
_TWO_SIDED = {"Armed clash", "Protest with intervention", "Excessive force against protesters"}


# Two places this close are one scene told at two scales or from two sides ("in Kati" and "in
# Bamako", 15 km apart; a town and the city it borders): ACLED's own "near" precision covers
# about that distance.
NEAR_KM = 25.0


def _places_compatible(a: Event, b: Event) -> bool:
    """Two places tell two happenings apart only when each comes from the mention's own sentence,
    and they are different places: in different countries, in different first-level regions
    ("in Zamfara state" and "from Chibok", in Borno), or both located to the town and more than
    NEAR_KM apart. A region and a town inside it, or a country and anything in it, are one scene
    told at two scales. A place a mention borrowed from elsewhere in the report says nothing
    about which happening it is."""
    if not (_located_in_sentence(a) and _located_in_sentence(b)):
        return True
    first, second = a.location, b.location
    if first.geonameid is not None and first.geonameid == second.geonameid:
        return True
    if first.country and second.country and first.country != second.country:
        return False
    if first.admin1 and second.admin1 and first.admin1 != second.admin1:
        return False
    if None in (first.lat, first.lon, second.lat, second.lon) or not (
            _town(first) and _town(second)):
        return True
    return distance_km(first.lat, first.lon, second.lat, second.lon) <= NEAR_KM


def _inside(place, region) -> bool:
    """Whether ``place`` is told more finely than ``region`` and lies in it: ``region`` is a
    country or a first-level region (no town) of ``place``'s country and region."""
    if place is None or region is None or not place.country or place.country != region.country:
        return False
    if (place.geo_precision or 3) >= (region.geo_precision or 3) or _town(region):
        return False
    return region.admin1 is None or region.admin1 == place.admin1


def _town(place) -> bool:
    """Located to the place itself or near it (ACLED geo precision 1-2), not only a region."""
    return (place.geo_precision or 3) <= 2


def _finer_date(kept: Event, other: Event) -> bool:
    """Whether ``other``'s date should replace ``kept``'s: it has one and ``kept`` has none, or it
    is finer (a mention's own "on Monday" beats the publication-date fallback of precision 3)."""
    if other.event_date is None or _back_reference(other):
        # "shortly after the capture of Palmyra" on Monday: the day is the sentence's, not its own
        return False
    if kept.event_date is None:
        return True
    return date_fineness(other) < date_fineness(kept)


def _modalities_compatible(kept: Event, other: Event) -> bool:
    if kept.modality == other.modality:
        return True
    if {kept.modality, other.modality} == {"asserted", "uncertain"}:
        return (kept.actor1 is not None and other.actor1 is not None
                and _actor_key(kept.actor1) == _actor_key(other.actor1))
    return False


# what the report keeps apart: not a separate telling ("in a separate statement, the union
# condemned the arrest" tells the arrest again)
_SEPARATE = re.compile(r"\b(?:separate(?:ly)?(?!\s+(?:statements?|interviews?|tweets?|posts?|"
                       r"messages?|letters?|press|briefings?|remarks|comments?|reports?)\b)|"
                       r"elsewhere|another (?:attack|incident|clash|raid|"
                       r"explosion|blast|protest)|in a second|a second (?:attack|blast|explosion)|"
                       r"meanwhile)\b", re.IGNORECASE)


def _located_in_sentence(event: Event) -> bool:
    return event.location is not None and event.location_source == "sentence"


def _back_reference(event: Event) -> bool:
    return event.actor1 is None and event.back_reference


def _listed(event: Event) -> bool:
    return any(reason.startswith(LISTED_SCENE) for reason in event.reasons)


def _listed_apart(a: Event, b: Event) -> bool:
    """Two copies of one act told at the places of a list ("arrested in Gorakhpur, Azamgarh and
    Kanpur", sitrep/geo/locate.py): one event per place, however near the places lie."""
    return _listed(a) and _listed(b) and a.location is not None and b.location is not None and \
        (a.location.geonameid or a.location.name) != (b.location.geonameid or b.location.name)


def same_event(a: Event, b: Event) -> bool:
    """Whether two mentions within one report tell the same happening."""
    if _listed_apart(a, b):
        return False
    if (a.sub_event_type or a.plover_type) != (b.sub_event_type or b.plover_type):
        return False
    if a.sub_event_type is None and a.plover_type is None:
        return False
    if not (_sides_compatible(a, b) and _modalities_compatible(a, b)):
        return False
    if _back_reference(a) or _back_reference(b):
        # "after the capture of Palmyra": the place and day around the mention are not its own
        return True
    if _SEPARATE.search(" ".join(s.text for s in a.evidence + b.evidence)) and not (
            a.actor1 and b.actor1 and _actor_key(a.actor1) == _actor_key(b.actor1)
            and a.evidence != b.evidence):
        # "in a separate attack", "elsewhere": the report says these are different happenings
        return a.evidence == b.evidence and _sides_compatible(a, b)
    return _places_compatible(a, b) and _dates_compatible(a, b)


def _rank(event: Event) -> tuple:
    modality_rank = 0 if event.modality == "asserted" else 1
    start = event.trigger.start if event.trigger else (event.evidence[0].start if event.evidence else 0)
    return (modality_rank, -event.confidence, start, _tiebreak(event))


def _tiebreak(event: Event) -> str:
    """A total order over events, so that merging never depends on the order of its input
    (mentions can tie on everything above: same trigger, confidence and modality)."""
    return json.dumps(event.to_dict(), sort_keys=True, default=str)


def _cited(kept: Event, other: Event) -> tuple[Span, ...]:
    """The evidence of both, each span once, in text order."""
    return tuple(sorted(set(kept.evidence) | set(other.evidence), key=lambda s: (s.start, s.end)))


def _fold(kept: Event, other: Event) -> Event:
    changes: dict = {"evidence": _cited(kept, other)}
    # attribution is not borrowed: "reportedly" qualifies the sentence it stands in
    for name in ("actor1", "actor2", "location", "plover_mode"):
        if getattr(kept, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
    if _finer_date(kept, other):
        # the date, its precision and the words that gave it travel together
        changes.update(event_date=other.event_date, time_precision=other.time_precision,
                       date_text=other.date_text, date_source=other.date_source)
    if (not _located_in_sentence(kept) and _located_in_sentence(other)
            and not _back_reference(other) and not _inside(kept.location, other.location)):
        # a place named in the mention's own sentence beats a report-wide fallback, unless it
        # only names the country or region the fallback lies in ("in China" and Wuhan)
        changes["location"] = other.location
    if kept.fatalities is None and other.fatalities is not None:
        changes["fatalities"] = other.fatalities
    known = {_actor_key(a) for a in kept.assoc_actor1} | {_actor_key(kept.actor1)}
    extra = tuple(a for a in other.assoc_actor1 if _actor_key(a) not in known)
    if extra:
        changes["assoc_actor1"] = kept.assoc_actor1 + extra
    known2 = {_actor_key(a) for a in kept.assoc_actor2} | {_actor_key(kept.actor2)}
    extra2 = tuple(a for a in other.assoc_actor2 if _actor_key(a) not in known2)
    if extra2:
        changes["assoc_actor2"] = kept.assoc_actor2 + extra2
    changes["confidence"] = round(min(0.99, max(kept.confidence, other.confidence) + 0.02), 3)
    trigger_text = other.trigger.text if other.trigger else "?"
    changes["reasons"] = kept.reasons + (f"merged with the mention {trigger_text!r}",)
    return replace(kept, **changes)


# A noun trigger told as given ("the arrest", "this kidnapping", "these killings"): a definite
# determiner right before it (not "the protest must": a word between may be the noun the
# determiner belongs to), and no complement of its own after it ("the arrest of", "the attack on",
# "the murder and abduction of": those name their own participants).
_GIVEN_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)
# A possessive tells whose act it is ("his arrest", "Lai's arrest", "Tuesday's arrest"): given
# too, so never the first telling another mention names again, and resolved only through what it
# owns (_POSSESSOR): the person named, the day, or the one happening of its kind told before.
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?P<pronoun>his|her|their|its|our|my)|"
                                r"(?P<owner>[\w-]+)['’]s?)\s+(?:[a-z][\w-]*\s+)?$",
                                re.IGNORECASE)
# an owner that is a time ("Wednesday's arrests", "last week's attack"): the act's day
_TIME_OWNER = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day|night|morning|"
                         r"evening|week|weekend|month|year", re.IGNORECASE)
_OWN_COMPLEMENT = re.compile(r"\s*(?:(?:and|or)\s+(?:[\w-]+\s+){1,2}?)?"
                             r"(?:of|on|against|by|in|at|near|outside|inside|from)\b", re.IGNORECASE)
# a noun, not a past form; nor a noun of the people who act ("the protesters"): they are
# participants named again, not the act
_NOUN_TRIGGER = re.compile(r"[a-z]+(?<!ed)", re.IGNORECASE)
_AGENT_NOUN = re.compile(r"\w+(?:ers?|ors?|ists?)$", re.IGNORECASE)


def _trigger_span(event: Event) -> Span | None:
    trigger = event.trigger
    return next((s for s in event.evidence if s.start <= trigger.start and trigger.end <= s.end
                 and s.text), None) if trigger is not None else None


def _possessor(event: Event) -> tuple[str, str] | None:
    """What a possessive mention's owner is: ("time", "Wednesday") for a day or a period,
    ("name", "Lai") for a capitalised word (a person or a group named), ("pronoun", "his") for a
    pronoun or a common noun ("the group's"); None when it is told without a possessive."""
    span = _trigger_span(event)
    if span is None:
        return None
    found = _POSSESSIVE_BEFORE.search(span.text[:event.trigger.start - span.start][-40:])
    if found is None:
        return None
    owner = found.group("owner")
    if owner is None:
        return "pronoun", found.group("pronoun")
    if _TIME_OWNER.fullmatch(owner):
        return "time", owner
    return ("name" if owner[0].isupper() else "pronoun"), owner


def _told_as_given(event: Event) -> str | None:
    """"definite" for a noun trigger told with a definite determiner (_GIVEN_BEFORE),
    "possessive" for one told with a possessive, else None."""
    span = _trigger_span(event)
    if span is None or not _NOUN_TRIGGER.fullmatch(event.trigger.text):
        return None
    before = span.text[:event.trigger.start - span.start][-40:]
    if _OWN_COMPLEMENT.match(span.text[event.trigger.end - span.start:]):
        return None
    if _POSSESSIVE_BEFORE.search(before):
        return "possessive"
    return "definite" if _GIVEN_BEFORE.search(before) else None


def _names_again(event: Event, told: Event, owner: tuple[str, str] | None = None) -> bool:
    """Whether the given mention ``event`` names the happening ``told`` again: the same word
    (its first four letters: "the arrest" after "arrested", "the killing" after "killed"), a noun
    of the act and not of its people, and neither time words of its own nor "separate" in its
    sentence. A possessive's time words are its ``owner`` ("Wednesday's arrests"): the days
    must agree instead."""
    span = _trigger_span(event)
    if _AGENT_NOUN.fullmatch(event.trigger.text) or span is None or _SEPARATE.search(span.text):
        # "In a separate statement, X condemned the arrest": the report keeps it apart, as
        # same_event does
        return False
    if event.date_text and event.date_text in span.text and not (
            owner is not None and owner[0] == "time" and _dates_compatible(event, told)):
        return False
    return event.trigger.text[:4].lower() == told.trigger.text[:4].lower()


def _given(event: Event) -> bool:
    """An asserted mention told as given, with a definite determiner or a possessive (see
    _told_as_given)."""
    return (event.modality == "asserted" and not event.back_reference
            and _told_as_given(event) is not None)


def _named_again(merged: list[Event], members: list[list[Event]], event: Event) -> int | None:
    """The merged event that the given mention ``event`` names again: of its kind and asserted,
    with a mention told before it in its own words (not itself given) that it names again
    (_names_again); of several, the one told first (the report's "the arrest" is the arrest it
    leads with). A possessive names its owner: "Lai's arrest" the happening whose mentions name
    Lai, "Wednesday's arrests" one whose days agree; "his arrest" only the one happening of its
    kind told before (of two people's arrests, whose is not known). None when there is none:
    then ``event`` is a mention like any other."""
    kind = event.sub_event_type or event.plover_type
    owner = _possessor(event) if _told_as_given(event) == "possessive" else None
    found = []
    for index, merged_event in enumerate(merged):
        if (merged_event.sub_event_type or merged_event.plover_type) != kind or \
                merged_event.modality != "asserted":
            continue
        if owner is not None and owner[0] == "name" and not re.search(
                rf"\b{re.escape(owner[1])}\b", " ".join(s.text for s in merged_event.evidence)):
            continue
        told = [m.trigger.start for m in members[index] if m.trigger is not None
                and m.trigger.start < event.trigger.start and not _told_as_given(m)
                and _names_again(event, m, owner)]
        if told:
            found.append((min(told), index))
    if owner is not None and owner[0] == "pronoun" and len(found) != 1:
        return None
    return min(found)[1] if found else None


def _fold_given(kept: Event, given: Event) -> Event:
    """``kept`` citing the given mention's evidence too; nothing else of it is taken (its
    sentence tells who reacted, where and when they spoke: not the happening's)."""
    return replace(kept, evidence=_cited(kept, given), reasons=kept.reasons + (
        f"named again as {given.trigger.text!r}: its evidence cited, its sentence's actors, "
        "place and date not taken",))


def _members_agree(members: list[Event], event: Event) -> bool:
    """Whether nothing tells ``event`` apart from any mention folded so far: their own places,
    days and sides (modality and the report's "separately" are the merged event's to judge: an
    uncertain retelling joins through the actor the event has gathered)."""
    if _back_reference(event):
        return True
    return all(_back_reference(member) or (
        (_sides_compatible(member, event) or _one_clause(member, event))
        and _places_compatible(member, event) and _dates_compatible(member, event))
        for member in members)


def _one_clause(a: Event, b: Event) -> bool:
    """Whether two mentions are told by one and the same clause (their evidence, cut to the
    trigger's clause where a sentence tells several happenings, is the same single span): two
    triggers of one kind there ("Police arrested a demonstrator for protesting") are one
    happening read from two words, and the parties each word's reading found are its roles
    seen from that word, not two sides."""
    return len(a.evidence) == 1 and a.evidence == b.evidence and a.modality == b.modality


def _told_in_one_clause(members: list[Event], event: Event) -> bool:
    return any(_one_clause(member, event) for member in members)


_REMOTE_VIOLENCE = "Explosions/Remote violence"
# ACLED keeps these sub-types whatever surrounds them: a suicide bombing followed by a gunfight is
# the suicide bomb, and any use of a chemical weapon is coded as one
_NEVER_PART_OF_A_BATTLE = {"Suicide bomb", "Chemical weapon"}


# who does not fight: rioters, protesters, civilians (ACLED inter codes 5-7)
_UNARMED_INTERS = {5, 6, 7}


def _among_sides(event: Event, clash: Event) -> bool:
    """Whether ``event``'s named actors are ``clash``'s sides: each is one of them, or an armed
    actor in a side the clash leaves unnamed ("X and the army clashed" names X only)."""
    sides = {_actor_key(clash.actor1), _actor_key(clash.actor2)}
    others = [actor for actor in (event.actor1, event.actor2)
              if actor is not None and _actor_key(actor) not in sides]
    unnamed = (clash.actor1 is None) + (clash.actor2 is None)
    return len(others) <= unnamed and not any(actor.inter in _UNARMED_INTERS for actor in others)


def explosions_within_battles(events: list[Event], fighting: re.Pattern | None = None,
                              with_firearms: bool = False) -> list[Event]:
    """Each asserted explosion or remote-violence mention retyped as the report's asserted armed
    clash when it could be a mention of that clash: the clash is a fight of two sides (its
    trigger is a word of fighting, ``fighting``, such as "clashed" or "gunfight", or it names
    both sides), the explosion's named actors are among the clash's (in either role), and
    nothing else tells the two apart (``same_event``: place, day, a "separate" attack). An
    explosion whose target is not a side of the clash (a bomb among shoppers, a shell on a
    village while the troops fight), or beside an attack of one side only ("an attack by
    gunmen at a shrine"), stays its own event; so do a suicide bombing and a chemical attack
    (``_NEVER_PART_OF_A_BATTLE``). ``with_firearms``: the mentions are one sentence's, which
    names guns beside the explosives ("attacked the post with guns and grenades"): its armed
    clash is a fight whatever its words."""

    def a_fight(clash: Event) -> bool:
        return with_firearms or clash.actor1 is not None and clash.actor2 is not None or bool(
            fighting is not None and clash.trigger is not None
            and fighting.fullmatch(clash.trigger.text))

    clashes = [e for e in events if e.sub_event_type == "Armed clash" and e.modality == "asserted"
               and a_fight(e)]
    if not clashes:
        return events
    result = []
    for event in events:
        if event.event_type == _REMOTE_VIOLENCE and event.modality == "asserted" and \
                event.sub_event_type not in _NEVER_PART_OF_A_BATTLE:
            for clash in sorted(clashes, key=_rank):
                if not _among_sides(event, clash):
                    continue
                retyped = replace(
                    event, event_type=clash.event_type, sub_event_type=clash.sub_event_type,
                    plover_type=clash.plover_type, plover_mode=clash.plover_mode,
                    cameo_root=clash.cameo_root)
                if same_event(clash, retyped):
                    trigger_text = clash.trigger.text if clash.trigger else "?"
                    event = replace(retyped, reasons=event.reasons + (
                        f"{event.sub_event_type} within the armed clash {trigger_text!r}: part "
                        "of the battle (ACLED)",))
                    break
        result.append(event)
    return result


def merge_events(events: list[Event], fighting: re.Pattern | None = None,
                 identity: Identity | None = None) -> list[Event]:
    """Fold the mentions of one happening together; the result is in text order. ``fighting``:
    the words of two sides fighting (see :func:`explosions_within_battles`). A mention told as
    given ("Britain said the arrest was a pretext") folds into the happening it names again
    once the others are folded (_named_again), whatever its own sentence's place and date."""
    mentions = explosions_within_battles(apart_in_clauses(events), fighting)
    merged: list[Event] = []
    members: list[list[Event]] = []  # the mentions folded into each merged event
    given = [e for e in mentions if _given(e) and not _told_with_its_kind(e, mentions)]
    identity = identity or Identity()
    _fold_in([e for e in mentions if e not in given], merged, members, identity)
    left = []
    for event in sorted(given, key=_rank):
        index = _named_again(merged, members, event)
        if index is None:
            left.append(event)
        else:
            merged[index] = _fold_given(merged[index], event)
            members[index].append(event)
    _fold_in(left, merged, members, identity)
    merged.sort(key=lambda e: (e.evidence[0].start if e.evidence else 0,
                               e.trigger.start if e.trigger else 0, _tiebreak(e)))
    return merged


def _told_with_its_kind(event: Event, mentions: list[Event]) -> bool:
    """Whether ``event``'s clause also tells a mention of its kind in its own words (not given):
    then it is that mention's happening read from a second word ("were arrested when they
    squatted ... in solidarity with the protesting farmers"), not one named again from before."""
    kind = event.sub_event_type or event.plover_type
    return any(other is not event and (other.sub_event_type or other.plover_type) == kind
               and not _given(other) and _one_clause(other, event) for other in mentions)


def _fold_in(events: list[Event], merged: list[Event], members: list[list[Event]],
             identity: Identity) -> None:
    """Fold ``events``, most confident first, into ``merged`` (each with its ``members``): each
    into the merged event it fits that shares most with it (:func:`joined`)."""
    by_type: dict[str | None, list[int]] = {}  # only events of one type can merge
    for index, event in enumerate(merged):
        by_type.setdefault(event.sub_event_type or event.plover_type, []).append(index)
    for event in sorted(events, key=_rank):
        candidates = by_type.setdefault(event.sub_event_type or event.plover_type, [])
        # every mention already folded must agree, not only the merged event: it keeps its
        # first mention's place and date, so a vague first one ("in Nigeria", "in February
        # 2021") would gather mentions that tell each other apart ("from Chibok", in Borno;
        # "in Jangebe, Zamfara state"); two triggers of one clause need not agree on the sides
        fitting = (index for index in candidates
                   if (same_event(merged[index], event)
                       or _told_in_one_clause(members[index], event))
                   and _members_agree(members[index], event)
                   and not any(_listed_apart(member, event) for member in members[index]))
        # which of several dated incidents it retells is a question for a mention without
        # time words of its own; one dated by words fits few, and joins the first
        fitting = list(fitting) if not dated_by_words(event) else list(islice(fitting, 1))
        index, why = joined(identity, event, fitting, members)
        if index is not None:
            merged[index] = noted(_fold(merged[index], event), why)
            members[index].append(event)
        else:
            candidates.append(len(merged))
            merged.append(noted(event, why))
            members.append([event])


class MergeEvents:
    """Stage wrapper of :func:`merge_events`; ``triggers``: the event coder's trigger TOML
    (detect_events' option), whose "clash" frame holds the words of two sides fighting."""

    name = "merge_events"

    def __init__(self, triggers: str | None = None) -> None:
        self.fighting = load_lexicon(triggers).frame("clash").pattern

    def __call__(self, report):
        report.events = merge_events(report.events, self.fighting, Identity(report))
        return report
