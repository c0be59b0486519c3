"""The ``code_event_actors`` stage: each event's actors named and typed the way ACLED codes them.

``find_actors`` codes mentions with the document's country; ``detect_events`` finds who did what
to whom. Only once ``locate_events`` has placed an event is the country of the *event* known,
and ACLED names generic actors after it ("Protesters (India)", "Unidentified Armed Group
(Pakistan)"). ACLED's conventions, applied here per event type (ACLED codebook, 2015 and 2019):

* **generic participants** carry the event's country: crowds of a protest are ``Protesters (X)``
  (6), of a riot ``Rioters (X)`` (5); unarmed people harmed — villagers, journalists, activists,
  lawyers, detainees — are ``Civilians (X)`` (7); gunmen, assailants, miscreants whose group is
  not named are ``Unidentified Armed Group (X)`` (3); unnamed police, soldiers and officials are
  ``Police Forces of X``, ``Military Forces of X``, ``Government of X`` (1). A country the
  mention states itself ("US drones", "Indian troops") is kept: those may be foreign forces.
* **protests**: actor1 is the crowd; whoever the report says protested (a party, a union,
  students) is its associated actor when named; there is no actor2 unless the forces of order
  intervened (protest with intervention, excessive force: the police when none is named).
* **riots**: actor1 is the rioting crowd (its party associated); actor2 the side it fought or
  attacked, if any (the crowds' conventions are in ``crowds.py``).
* **looting and property destruction** by people not organised or named as an armed group
  (civilians, protesters, "miscreants" or "unknown people" where no weapon is named) is a
  crowd's: ``Rioters (X)``, with a riot's conventions; civilians are only ever the harmed side.
* **violence against civilians**: actor2 is the victims, always civilians (a victim's party or
  group becomes the associated actor); an unnamed perpetrator is an unidentified armed group,
  except of a detainee tortured or beaten in custody: the police who hold him.
* **explosions/remote violence and battles**: an unnamed attacker is an unidentified armed group,
  unless the report names the group that claimed the attack or was behind it; of a battle's two
  sides the one a casualty count harmed is the attacked side, actor2; an armed group harmed in a
  battle that names no other side fought the state's forces (``Military Forces of X``).
* **arrests**: actor1 is the arresting force (the police when the report names none), actor2
  the detained.
* **political parties** (``Political party`` in actors.tsv) acting violently are the party's
  militia: ``<party> Militia``, a political militia (3).
* **communities fighting each other** (villagers, clans, tribes; no forces, armed group or party
  in the sentence) in an armed clash are communal militias on both sides, ``Unidentified
  Communal Militia (X)`` (4), not civilians attacked by an unidentified armed group
  (``communal.py``).
* **an attack on a post, camp or convoy of the forces** ("a bomb at the police station") is an
  attack on those forces: they are actor2 when the clause names no other target.

Every actor of an ACLED-typed event ends with an ``inter`` when one can be decided, and every
change is recorded in the actor's ``reason`` and the event's ``reasons``. Where the country is
unknown nothing is invented: generic actors keep the name they had.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..events.prominence import CAUSE_OF_ARREST
from ..language.fatalities import occasion_counts
from ..model import Actor, Event, Report
from .agents import passive_agent
from .air import air_strike_sides
from .claims import CLAIMED, claimants
from .communal import communal_sides, other_side
from .coding import state_name
from .crowds import AGAINST, NOT_ORGANISERS, CrowdConventions
from .dictionary import INTER_TYPES, PARTY_TYPE, ActorDictionary
from .generic import (STATE_ID, EventNames, distinct, event_country, is_generic, is_named,
                      on_side, own_name, report_country)
from .harmed import ill_treated_in_custody, people_harmed
from .parties import type_by_parties, unarmed_doers
from .roles import INSTALLATION_OWNERS, INSTALLATIONS

__all__ = ["CodeEventActors", "event_country", "PARTY_TYPE"]

# "activists of", "members from the", "supporters belonging to": people named as a group's
_MEMBER_OF = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:of|from|belonging to)\s+(?:the\s+)?$",
                        re.IGNORECASE)
# "leaders of the", "a cell of the banned": people named as members of the group that follows
_MEMBERS_BEFORE = re.compile(r"\b(?:leaders?|commanders?|members?|cadres?|militants?|chairman|"
                             r"chief|operatives?|cell|fighters?|rebels?)\W+of\W+(?:the\W+)?"
                             r"(?:[\w-]+\W+){0,2}$", re.IGNORECASE)
# "two factions of the ruling", "different groups of": one party's men on both sides
_FACTIONS_OF = re.compile(r"\b(?:two|rival|different|opposing)\W+(?:\w+\W+)?(?:factions|groups|"
                          r"wings)\W+of\W+(?:the\W+)?(?:\w+\W+)?$", re.IGNORECASE)
_FACTIONS = re.compile(r"\b(?:factions|groups)$", re.IGNORECASE)
_SEVERAL = re.compile(r"\b(?:two|rival|different|opposing)\W+$", re.IGNORECASE)
_GROUP_WINDOW = 60      # characters after an arrest's trigger where the detained's group stands
_CROWDS = {"Protests", "Riots"}
_HARMING = {"Violence against civilians", "Explosions/Remote violence"}
# "assaulted by a local", "beaten up by men allegedly linked to former": the doer's words before
# a party's name
# "a bomb blast by unknown assailants killed ...": the doer named with "by", never the harmed
_BY_AGENT = re.compile(r"\bby\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BY_DOER = re.compile(r"\bby\b[^.;,]{0,40}$", re.IGNORECASE)       # where a party is the crowd's associated actor
_ARMED_KINDS = {"Battles", "Explosions/Remote violence"}
# "under Kankarbagh police station", "in the jurisdiction of the Sadar police station": the post
# whose area it is, which says where, not what was attacked ("near an army camp" may be aimed
# at the camp)
_LANDMARK = re.compile(r"\b(?:under|jurisdiction of|limits of|area of)\b(?:\s+[\w-]+){0,2}$")


class CodeEventActors:
    """Apply ACLED's actor conventions to each event (see module docstring); needs
    ``locate_events`` to have run for the event's country (else the report's places decide)."""

    name = "code_event_actors"

    def __init__(self) -> None:
        self.dictionary = ActorDictionary()

    def __call__(self, report: Report) -> Report:
        fallback, fallback_reason = report_country(report, self.dictionary)
        claimed = claimants(report)  # the report's, read once for all its events
        events = []
        for event in report.events:
            if event.event_type is None:
                events.append(event)
                continue
            iso3, why = event_country(event, fallback, fallback_reason)
            events.append(_Coder(self.dictionary, event, iso3, why, report, claimed).code())
        report.events = events
        return report


class _Coder(CrowdConventions, EventNames):
    """One event's conventions; keeps the reasons of what it changed."""

    def __init__(self, dictionary: ActorDictionary, event: Event, iso3: str | None,
                 why: str, report: Report | None = None, claimed: Sequence[Actor] = ()) -> None:
        super().__init__(dictionary, event, iso3, why)
        # the dead of an earlier happening given as the occasion ("after two students were
        # killed in an accident, protesters torched buses") are not this event's victims
        occasion = occasion_counts(report, event.trigger.start) \
            if report is not None and event.trigger is not None else set()
        self.people_harmed = people_harmed(
            event, [q for q in report.quantities if (q.start, q.end) not in occasion],
            [a for a in report.actors if not any(start <= a.start < end
                                                 for start, end in occasion)]
        ) if report is not None else None
        self.casualties = [(q.start, q.end) for q in (report.quantities if report else ())
                           if q.kind in ("killed", "injured")]
        spans = [(span.start, span.end) for span in event.evidence]
        self.sentence_actors = [a for a in (report.actors if report is not None else ())
                                if any(start <= a.start < end for start, end in spans)]
        self.claimants = list(claimed)  # the report's claimants (claimants(report))

    # -- the event --------------------------------------------------------------------------
    def code(self) -> Event:
        event = self.event
        actor1, actor2 = self.local(event.actor1), self.local(event.actor2)
        assoc1 = [self.local(a) for a in event.assoc_actor1]
        assoc2 = [self.local(a) for a in event.assoc_actor2]
        kind, sub = event.event_type, event.sub_event_type
        if actor1 is not None and actor2 is not None and (actor1.start, actor1.end) == (
                actor2.start, actor2.end):
            actor2 = None                           # one mention cannot be both sides
            self.reasons.append("actor2 was actor1's own mention: dropped")
        if kind in _HARMING and actor1 is not None and actor2 is None and \
                self.harmed(actor1) and not _BY_AGENT.search(self.text_before(actor1)):
            # "three policemen were injured in a bomb attack", "1 militant killed during a
            # search operation": the harmed are the target, whoever they are (an armed target
            # makes an attack a battle, below)
            actor1, actor2 = None, actor1
            self.reasons.append(f"actor1 {actor2.text!r} was harmed: the target (actor2)")
        # the attacked side of an attack whose clause names none: a post or convoy of the forces
        # ("attacked a security checkpost"), the forces counted among its casualties ("killing
        # two constables"); their reasons are kept only if they change the type
        mark = len(self.reasons)
        target = actor2 if actor2 is not None or sub != "Attack" else (
            self.installation() or self.armed_harmed(actor1))
        # factions of one party fighting each other are its militia on both sides (below)
        retyped = None if sub == "Armed clash" and self.factions() is not None else \
            type_by_parties(event, actor1, target, self.people_harmed, self.harmed,
                            self.sentence_actors)
        if retyped is None:
            del self.reasons[mark:]
        else:
            event, why = retyped
            self.event, kind, sub, actor2 = event, event.event_type, event.sub_event_type, target
            self.reasons.append(why)
        if kind == "Protests":
            actor1, actor2, assoc1, assoc2 = self.protest(sub, actor1, actor2, assoc1, assoc2)
        elif kind == "Riots":
            if actor2 is not None and actor2.type == PARTY_TYPE:
                # "supporters of two parties clashed": both sides are rioting crowds
                actor2, assoc2 = self.crowd(actor2, assoc2, 5, "riot")
            actor1, actor2, assoc1 = self.riot(actor1, actor2, assoc1)
            assoc1 += self.organisers(actor1, actor2)
        elif kind == "Violence against civilians":
            if actor1 is not None and actor1.inter == 7 and (actor2 is None or actor2.inter == 7):
                actor1, actor2 = None, actor2 or actor1     # "a villager was shot": the victim
                self.reasons.append("the unarmed actor1 is the victim (actor2)")
            actor2, assoc2 = self.victims(actor2 or self.people_harmed, assoc2)
            if CAUSE_OF_ARREST in event.reasons and actor1 is not None and actor1.inter == 1:
                actor1 = None   # "police arrested three men over the kidnapping of a pastor"
                self.reasons.append("the forces arrested for the act, they did not do it")
            agent = passive_agent(self.event, self.sentence_actors, (actor1, actor2))
            if agent is not None:       # "soldiers rescued ten farmers abducted by bandits"
                self.reasons.append(f"actor1 {agent.text!r}: the doer the act names with 'by'")
                actor1 = self.local(agent)
            actor1 = actor1 or self.armed_here(actor2) or (self.implied_state(
                "COP", "the custodians of a detainee ill-treated") if ill_treated_in_custody(
                    self.event) else None) or self.implied(3, "perpetrator not named")
        elif kind == "Battles" and self.factions() is not None:
            # "a clash between two factions of the Awami League": the party's men on both sides
            actor1 = actor2 = self.factions()
            self.reasons.append(f"factions of {actor1.name!r} fought: the party on both sides")
        elif kind == "Battles" and communal_sides(event, actor1, actor2, self.sentence_actors):
            actor1, actor2 = self.communal(actor1), self.communal(actor2)
            self.reasons.append("communities fighting each other: a communal militia each side")
        elif kind in ("Explosions/Remote violence", "Battles"):
            side = other_side(event, actor1, actor2, assoc1)
            if side is not None:            # "PML-N and PTI workers exchanged fire"
                actor2, assoc1 = side, [a for a in assoc1 if a is not side]
                self.reasons.append(f"{side.name!r}, named with actor1, is the other side")
            if sub == "Air/drone strike":
                actor1, actor2 = air_strike_sides(self, actor1, actor2)
            actor1, actor2, assoc2 = self.attack(kind, actor1, actor2, assoc2)
            if kind == "Battles" and actor1 is not None and actor2 is not None and \
                    self.harmed(actor1) and not self.harmed(actor2):
                # "two CRPF jawans were killed in a Maoist ambush": the side that suffered is
                # the attacked one, the other the attacker (actor1)
                actor1, actor2 = actor2, actor1
                self.reasons.append(f"{actor2.text!r} was harmed: the attacked side (actor2)")
        elif sub == "Arrests":
            actor1, actor2 = self.arrest(actor1, actor2)
        elif sub == "Looting/property destruction" and actor1 is not None and (
                actor1.inter in (5, 6, 7) or unarmed_doers(actor1, event)):
            # "youths vandalised shops", "activists of the party torched a bus", "miscreants
            # set fire to a truck": people not organised or named as an armed group who
            # destroy, no weapon named, are a crowd, ACLED's rioters; civilians are only ever
            # the harmed side
            self.reasons.append(f"{actor1.text!r} destroyed property, no weapon named: a "
                                "crowd, ACLED's rioters")
            actor1, actor2, assoc1 = self.riot(actor1, actor2, assoc1)
            assoc1 += self.organisers(actor1, actor2)
        if kind in _HARMING and actor2 is not None and actor2.inter == 7:
            assoc2 = assoc2 + self.victims_groups(actor1, actor2)
        if kind in CLAIMED and actor1 is not None and actor1.inter == 3 and is_generic(actor1) \
                and self.claimants:
            # "Masked gunmen shot dead two policemen ... TTP was behind the attack"
            claimant = self.local(self.claimants[0])
            self.reasons.append(f"actor1 {claimant.name!r}: the group the report says "
                                f"claimed or was behind the attack")
            actor1 = claimant
        actor1, actor2 = self.militia(actor1, kind), self.militia(actor2, kind)
        actor1 = self.armed_state(actor1, kind)
        assoc1 = on_side(distinct([a for a in assoc1 if a is not None], actor1), actor1)
        assoc2 = on_side(distinct([a for a in assoc2 if a is not None], actor2), actor2)
        if not self.reasons and (actor1, actor2, assoc1, assoc2) == (
                event.actor1, event.actor2, list(event.assoc_actor1), list(event.assoc_actor2)):
            return event
        return replace(event, actor1=actor1, actor2=actor2, assoc_actor1=tuple(assoc1),
                       assoc_actor2=tuple(assoc2),
                       reasons=event.reasons + tuple(f"ACLED actors: {r}" for r in self.reasons))

    def attack(self, kind, actor1, actor2, assoc2):
        """Explosions and battles: the attacker (an unidentified armed group when unnamed), the
        attacked or harmed; a battle's two sides."""
        if actor1 is not None and actor2 is not None and actor1.name and \
                actor1.name == actor2.name:
            actor2 = None               # "TTP militants ... the TTP": one side named twice
            self.reasons.append("actor2 named the same actor as actor1: dropped")
        if actor1 is not None and actor1.inter == 7 and (actor2 is None or actor2.inter == 7):
            actor1, actor2 = None, actor2 or actor1     # "two people were killed in a blast"
            self.reasons.append("the unarmed actor1 is the victim (actor2)")
        if kind != "Battles" and actor2 is not None and actor2.type == PARTY_TYPE:
            # "a grenade thrown at a BJP office": a party's people and property attacked are
            # civilians, the party associated (ACLED), not the party's militia, which fights
            actor2, assoc2 = self.victims(actor2, assoc2)
            self.reasons.append("the party attacked: its people are civilians")
        if actor1 is None and actor2 is not None and actor2.inter in (2, 3, 4) and \
                self.people_harmed is not None:
            # "five villagers were killed when militants opened fire": the armed group did it
            actor1, actor2 = actor2, None
            self.reasons.append("the armed actor2 of a report of people harmed is actor1")
        if actor1 is None and actor2 is not None and actor2.inter in (2, 3, 4):
            # "two Maoists were killed in an encounter with police": the forces of the sentence
            actor1 = self.state_here(actor2)
            if actor1 is None and kind == "Battles":
                actor1 = self.state_fighting(actor2)
        if actor1 is None:
            actor1 = self.armed_here(actor2)
        if actor1 is None and (actor2 is None or actor2.inter in (1, 7, 8)):
            actor1 = self.implied(3, "attacker not named")
        elif kind == "Battles" and actor2 is None and actor1.inter in (2, 3, 4):
            # a battle has two sides: the forces the sentence names fought this group
            actor2 = self.state_here(actor1) or self.state_fighting(actor1)
        elif kind == "Battles" and actor2 is None and actor1.inter in (1, 8):
            # the forces fought someone the sentence names, or one it does not
            actor2 = self.armed_here(actor1) or self.posts_of_another_state(actor1) or \
                self.implied(3, "the other side, not named")
        if actor2 is not None and actor2.inter == 7:
            actor2, assoc2 = self.victims(actor2, assoc2)
        elif actor2 is None and kind != "Battles" and self.people_harmed:
            actor2, assoc2 = self.victims(self.people_harmed, assoc2)
        elif actor2 is None and kind != "Battles":
            # "four soldiers were killed by a roadside bomb", "20 militants were killed when
            # jets pounded their hideouts": the armed people harmed were its target
            actor2 = self.armed_harmed(actor1)
        if actor2 is None and actor1 is not None and actor1.inter in (2, 3, 4):
            actor2 = self.installation()    # "a bomb went off at the police station"
        return actor1, actor2, assoc2

    def installation(self) -> Actor | None:
        """The state forces whose post, camp or vehicle the event's sentence names ("attacked a
        security checkpost", "at the Police Station of Lamahi"): the target of the attack."""
        for span in self.event.evidence:
            words = re.findall(r"[\w-]+", span.text.lower())
            for index, (owner, thing) in enumerate(zip(words, words[1:])):
                if owner in INSTALLATION_OWNERS and thing in INSTALLATIONS and \
                        not _LANDMARK.search(" ".join(words[max(0, index - 3):index])):
                    return self.implied_state(INSTALLATION_OWNERS[owner],
                                              f"the forces of the {owner} {thing} attacked")
        return None

    def posts_of_another_state(self, forces: Actor) -> Actor | None:
        """The forces of another country whose posts the event's sentence names ("Pakistani
        troops fired on Indian posts"): the other side of a battle between two states' forces."""
        own = STATE_ID.match(forces.actor_id or "")
        demonyms = {demonym.lower(): iso3 for iso3, country in self.dictionary.countries.items()
                    for demonym in country.demonyms}
        for span in self.event.evidence:
            words = re.findall(r"[\w-]+", span.text.lower())
            for owner, thing in zip(words, words[1:]):
                iso3 = demonyms.get(owner) if thing in INSTALLATIONS else None
                if iso3 is None or (own is not None and own.group(1) == iso3):
                    continue
                country = self.dictionary.countries[iso3].name
                inter = 8 if self.iso3 and iso3 != self.iso3 else 1
                base = self.trigger_actor()
                if base is None:
                    return None
                name = state_name("MIL", country)
                self.reasons.append(f"actor2 {name}: the forces of the {owner} {thing} "
                                    f"attacked")
                return replace(base, name=name, type=INTER_TYPES[inter], inter=inter,
                               cameo=iso3 + "MIL", country=country, actor_id=f"{iso3}:MIL",
                               reason=f"implied by the event: the {owner} {thing} attacked")
        return None

    def armed_harmed(self, other: Actor | None) -> Actor | None:
        """Forces or an armed group of the event's sentence inside one of its casualty counts
        (not ``other``, not on its side): the target of an attack whose clause names none."""
        taken = (other.start, other.end) if other is not None else None
        state = other is not None and other.inter in (1, 8)
        for actor in self.sentence_actors:
            if actor.inter in (1, 2, 3, 4, 8) and self.harmed(actor) and \
                    (actor.start, actor.end) != taken and (actor.inter in (1, 8)) != state:
                self.reasons.append(f"actor2 {actor.text!r}: the armed people harmed")
                return self.local(actor)
        return None

    def victims(self, actor2, assoc2):
        """Victims are civilians of the event's country; their party or group is associated."""
        if actor2 is not None and actor2.inter == 7 and is_generic(actor2) and (
                self.country is None or actor2.country == self.country):
            return actor2, assoc2
        civilians = self.generic(7, actor2, "the victims, unarmed")
        if civilians is None:
            return actor2, assoc2
        if actor2 is not None and is_named(actor2):
            assoc2 = [own_name(actor2)] + assoc2
            self.reasons.append(f"victims of {actor2.name!r}: associated actor")
        return civilians, assoc2

    def victims_groups(self, actor1: Actor | None, victims: Actor) -> list[Actor]:
        """The parties and unarmed groups the victims belong to: those the event's sentence
        names other than the attacker ("a local Jubo League man was shot", "a leader of the
        PPP was abducted"), not one it names as the doer ("assaulted by a BJP leader", "by men
        linked to the BJP"), nor what it is against, nor a sponsor ("BNP-led")."""
        taken = {(a.start, a.end) for a in (actor1, victims) if a is not None}
        found = []
        for actor in self.sentence_actors:
            if (actor.start, actor.end) in taken or not is_named(actor) or \
                    actor.inter in (1, 2, 3, 4, 8) or actor.type in NOT_ORGANISERS or \
                    actor1 is not None and actor1.start <= actor.start < actor1.end:
                continue
            before = self.text_before(actor)
            if _BY_DOER.search(before) or AGAINST.search(before) or \
                    self.text_after(actor).startswith("-"):
                continue
            found.append(own_name(actor))
        if found:
            self.reasons.append("the victims' group, associated: " +
                                ", ".join(repr(a.name) for a in found))
        return found

    def arrest(self, actor1, actor2):
        if actor1 is not None and actor1.inter in (1, 8):
            force, detained = actor1, actor2
        elif actor2 is not None and actor2.inter in (1, 8) and actor1 is not None:
            self.reasons.append("the arresting force is actor1")
            force, detained = actor2, actor1
        else:
            force = self.implied_state("COP", "the arresting force, not named")
            detained = actor2 if actor2 is not None else actor1
        if detained is not None and detained.inter in (1, 8) and force is not None and \
                force.inter in (1, 8):
            detained = None                 # "police officers arrested ...": the same side
        if detained is None or detained.inter == 7:
            # "arrested 82 activists of Jamaat-e-Islami", "three leaders of the NDFB were
            # arrested": the group the detained belong to
            group = self.group_here(force, detained) or self.members_of(force)
            if group is not None:
                detained = group
        if detained is None:
            # someone was detained: a person the report names, civilians unless a group
            return force, self.implied(7, "the detained, not named as a group")
        if detained.inter == 7:
            detained, _ = self.victims(detained, [])
        return force, detained

    def communal(self, side: Actor | None) -> Actor | None:
        return self.generic(4, side, "one of the communities fighting each other")

    def harmed(self, actor: Actor) -> bool:
        """Is the mention inside a casualty count ("Three policemen were injured")?"""
        return any(start <= actor.start and actor.end <= end for start, end in self.casualties)

    def state_fighting(self, group: Actor) -> Actor | None:
        """The unnamed other side of a battle whose only named side is an armed group the
        sentence counts among its casualties ("five militants were killed in a gunfight"): the
        state's forces, when the sentence names no other armed group."""
        if not self.harmed(group) or any(
                a.inter in (2, 3, 4) and (a.start, a.end) != (group.start, group.end)
                for a in self.sentence_actors):
            return None
        return self.implied_state("MIL", "the other side of the armed group's battle, not named")

    def armed_here(self, other: Actor | None) -> Actor | None:
        """A non-state armed actor the event's sentence names (not ``other``): the doer of an
        act whose clause names none ("were killed in an attack by unidentified assailants")."""
        taken = (other.start, other.end) if other is not None else None
        for actor in self.sentence_actors:
            if actor.inter in (2, 3, 4) and (actor.start, actor.end) != taken:
                self.reasons.append(f"actor1 {actor.text!r}: the armed actor of the sentence")
                return self.local(actor)
        return None

    def text_after(self, actor: Actor) -> str:
        """Up to 10 characters of the event's sentence after ``actor`` ("-led", "-backed")."""
        for span in self.event.evidence:
            if span.start <= actor.start < span.end:
                return span.text[actor.end - span.start:actor.end - span.start + 10]
        return ""

    def text_between(self, first: Actor, second: Actor) -> str:
        """The event's sentence between two of its actors ("" unless ``first`` comes first)."""
        for span in self.event.evidence:
            if span.start <= first.end <= second.start <= span.end:
                return span.text[first.end - span.start:second.start - span.start]
        return "\x00"                   # not in one sentence, or in the other order

    def text_before(self, actor: Actor) -> str:
        """Up to 40 characters of the event's sentence before ``actor`` (raw offsets)."""
        for span in self.event.evidence:
            if span.start <= actor.start < span.end:
                offset = actor.start - span.start
                return span.text[max(0, offset - 40):offset]
        return ""

    def group_here(self, other: Actor | None, member: Actor | None = None) -> Actor | None:
        """A party or named armed group of the event's sentence (not ``other``, not what the
        sentence is against); not a union or rights group, whose detained members ACLED codes
        as civilians. With ``member`` (people the sentence names), only the group they are said
        to belong to ("activists of Jamaat-e-Islami"): a journalist arrested "at a BNP rally"
        is still a civilian."""
        taken = (other.start, other.end) if other is not None else None
        trigger = self.event.trigger
        for actor in self.sentence_actors:
            known = bool(actor.actor_id) and ":" not in actor.actor_id    # in actors.tsv
            # close after the trigger ("arrested 82 activists of Jamaat-e-Islami"), not a party
            # the sentence names for another reason
            near = trigger is not None and 0 <= actor.start - trigger.end <= _GROUP_WINDOW
            if member is not None and not _MEMBER_OF.match(self.text_between(member, actor)):
                continue
            if known and near and (actor.type == PARTY_TYPE or actor.inter in (2, 3, 4)) and \
                    (actor.start, actor.end) != taken and not AGAINST.search(
                        self.text_before(actor)) and not self.text_after(actor).startswith("-"):
                self.reasons.append(f"actor2 {actor.text!r}: the group of the detained")
                return self.local(actor)
        return None

    def factions(self) -> Actor | None:
        """A party the event's sentence says fought itself ("two factions of the Awami
        League", "different Awami League groups"), else None."""
        for actor in self.sentence_actors:
            if actor.type == PARTY_TYPE and (_FACTIONS_OF.search(self.text_before(actor)) or
                                             _FACTIONS.search(actor.text) and
                                             _SEVERAL.search(self.text_before(actor))):
                return self.local(actor)
        return None

    def members_of(self, force: Actor | None) -> Actor | None:
        """An armed group (not a party) the event's sentence names people as members of,
        wherever they stand ("three leaders of the NDFB were arrested", "a cell of the
        Islamic State group ... arrested eight"), or unnamed armed people detained right after
        the trigger ("arrested 100 suspected militants"): ACLED's detained side."""
        taken = (force.start, force.end) if force is not None else None
        trigger = self.event.trigger
        for actor in self.sentence_actors:
            if actor.inter not in (2, 3, 4) or (actor.start, actor.end) == taken:
                continue
            near = trigger is not None and 0 <= actor.start - trigger.end <= _GROUP_WINDOW
            if _MEMBERS_BEFORE.search(self.text_before(actor)) or near and is_generic(actor):
                self.reasons.append(f"actor2 {actor.text!r}: the armed group of the detained")
                return self.local(actor)
        return None

    def state_here(self, other: Actor) -> Actor | None:
        """The state forces the event's sentence names (not ``other``): the other side of a
        battle whose clause names one ("killed in a gunfight with police")."""
        for actor in self.sentence_actors:
            if actor.inter in (1, 8) and actor.cameo and actor.cameo.endswith(("MIL", "COP")) \
                    and (actor.start, actor.end) != (other.start, other.end):
                self.reasons.append(f"actor2 {actor.text!r}: the forces the sentence names")
                return self.local(actor)
        return None

    def armed_state(self, actor: Actor | None, kind: str) -> Actor | None:
        """A government that fights or strikes ("the government employed airstrikes", "a US
        drone") does so by its armed forces: ACLED names the military, not the government, as
        the side of a battle or an explosion."""
        state = STATE_ID.match(actor.actor_id or "") if actor is not None else None
        if state is None or state.group(2) != "GOV" or kind not in _ARMED_KINDS:
            return actor
        iso3 = state.group(1)
        country = self.dictionary.countries.get(iso3)
        if country is None:
            return actor
        name = state_name("MIL", country.name)
        inter = 8 if self.iso3 and iso3 != self.iso3 else 1     # abroad: external forces
        self.reasons.append(f"{actor.name!r} fighting: its armed forces, {name!r}")
        return replace(actor, name=name, cameo=iso3 + "MIL", actor_id=f"{iso3}:MIL",
                       inter=inter, type=INTER_TYPES[inter],
                       reason=f"{actor.reason}; a government fighting: its military (ACLED)")

    def militia(self, actor: Actor | None, kind: str) -> Actor | None:
        """A political party acting outside a demonstration (fighting, attacking, arrested as
        a body) is its militia, ACLED's political militia (3); in a crowd it is associated."""
        if actor is None or actor.type != PARTY_TYPE or kind in _CROWDS:
            return actor
        self.reasons.append(f"{actor.name!r} acting in {kind.lower()}: the party's militia")
        return replace(actor, name=f"{actor.name} Militia", inter=3, type=INTER_TYPES[3],
                       reason=f"{actor.reason}; the party's militia (ACLED)")
