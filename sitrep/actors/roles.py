"""The nouns that name an actor's role ("troops", "police", "rebels", "villagers").

Each role says which CAMEO sector it belongs to and what kind of actor it is, which decides the
ACLED actor type once a country is known: state forces (1), rebels (2), an unidentified armed group
(3), rioters (5), protesters (6), civilians (7). Nouns are matched on their lower-cased form;
multi-word roles are token tuples.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Role", "ROLES", "GROUP_HEADS", "STATE_MODIFIERS", "ANAPHORS", "UNNAMED_DOERS",
           "INSTALLATIONS", "INSTALLATION_OWNERS", "role_of"]


@dataclass(frozen=True, slots=True)
class Role:
    sector: str          # CAMEO sector code: MIL COP GOV REB CVL ...
    kind: str            # state | rebel | armed | rioter | protester | civilian | other


def _roles(sector: str, kind: str, words: str) -> dict[tuple[str, ...], Role]:
    role = Role(sector, kind)
    return {tuple(word.replace("_", " ").split()): role for word in words.split()}


ROLES: dict[tuple[str, ...], Role] = {
    **_roles("MIL", "state", """troops troop soldiers soldier army armies military militaries
        forces force armed_forces air_force airforce navy marines marine paratroopers commandos
        special_forces warplanes warplane jets jet fighter_jets helicopters gunships drones
        artillery tanks servicemen serviceman servicemembers personnel units unit battalion
        brigade regiment division garrison garrisons military_forces ground_forces
        army_troops national_guard coast_guard air_defences air_defenses navy_ships
        jawan jawans trooper troopers paramilitaries paramilitary_forces sepoy sepoys
        havildar naik rifleman riflemen subedar
        peacekeepers peacekeeping_troops peacekeeping_force peacekeeping_forces observers
        gen. lt. col. maj. brig. lt._gen. maj._gen. brig._gen. lt._col. colonel"""),
    **_roles("COP", "state", """police policemen policeman police_officers police_officer police_officials police_official
        police_personnel
        officers gendarmes gendarmerie security_forces security_personnel border_guards
        border_guard border_police riot_police law_enforcement constable constables cops
        cop head_constable inspector inspectors sub-inspector sub-inspectors dsp dsps ssp asi
        deputy_superintendent"""),
    **_roles("GOV", "state", """government governments officials official authorities
        administration regime minister ministers president prime_minister foreign_minister
        defence_minister defense_minister leader leaders cabinet envoy envoys diplomats
        diplomat ambassador spokesman spokeswoman spokesperson delegation negotiators
        junta king queen emir sultan premier chancellor vice_president deputy_minister
        secretary secretary_of_state foreign_secretary defence_secretary defense_secretary
        secretary_general secretary-general interior_minister finance_minister home_minister negotiator negotiators mediator
        foreign_ministry defence_ministry defense_ministry state_department embassy governor
        mayor head_of_state heads_of_state prime_ministers presidents"""),
    **_roles("MIL", "state", """general generals commander commanders army_chief chief_of_staff
        warships warship gunboats gunboat vessels frigate destroyer submarine"""),
    **_roles("SPY", "state", "intelligence intelligence_services spies secret_police"),
    **_roles("LEG", "state", """lawmakers legislators parliament senators mps congress senate
        assembly national_assembly legislature deputies"""),
    **_roles("JUD", "state", """judges judge court courts prosecutors prosecutor supreme_court
        constitutional_court judiciary high_court"""),
    **_roles("REB", "rebel", """rebels rebel insurgents insurgent guerrillas guerrilla
        separatists separatist opposition_fighters opposition_forces rebel_forces
        rebel_fighters guerillas guerilla"""),
    **_roles("OPP", "other", """opposition dissidents opposition_party opposition_leader
        candidates candidate activists activist opposition_groups opposition_parties
        politicians politician"""),
    **_roles("UAF", "armed", """gunmen gunman assailants assailant attackers attacker
        armed_men armed_group armed_groups militiamen militia militias bandits kidnappers
        abductors raiders miscreants miscreant masked_men masked_man"""),
    **_roles("REB", "anaphor", """militants militant jihadists jihadist jihadis jihadi
        extremists extremist terrorists terrorist islamists islamist fighters fighter
        fundamentalists"""),
    **_roles("CVL", "protester", "protesters protester demonstrators demonstrator marchers"),
    **_roles("CVL", "rioter", "rioters rioter mob mobs looters"),
    **_roles("CVL", "civilian", """civilians civilian villagers villager residents resident
        farmers farmer worshippers passengers pedestrians shoppers children women
        population locals inhabitants citizens prisoners prisoner inmates youths youth
        elders landowners immigrants settlers pilgrims"""),
    **_roles("EDU", "civilian", "students student teachers pupils schoolchildren"),
    **_roles("JRN", "civilian", "journalists journalist reporters reporter"),
    **_roles("MED", "civilian", "doctors doctor nurses medics aid_workers health_workers"),
    **_roles("REF", "civilian", "refugees refugee displaced migrants asylum_seekers idps"),
    **_roles("LAB", "civilian", "workers unionists strikers"),
    **_roles("BUS", "civilian", "businessmen businessman traders merchants"),
    **_roles("CVL", "civilian", "nationals tourists tourist hostages"),
    # people named only as people: ACLED codes them civilians when harmed (and the crowd when
    # they protest, see conventions.py)
    **_roles("CVL", "civilian", """people persons person man men woman boy boys girl girls
        driver drivers pedestrian pedestrians passer-by passers-by motorists commuters victims
        detainees lawyers"""),
    **_roles("OPP", "civilian", "activists activist"),
    **_roles("REL", "civilian", "clerics cleric priests imams monks"),
}

# Words that make people named only as people the unnamed doers of an act when the act is
# theirs ("shot dead by unidentified men", "blown up by unknown persons"): ACLED's
# unidentified armed group. Elsewhere they stay people ("the bodies of two unidentified men").
UNNAMED_DOERS = frozenset({"unidentified", "unknown"})

# Posts, camps and vehicles of the state's forces: an attack on "a police station" or "an army
# camp" is an attack on those forces (ACLED's actor2), whose sector the first word gives.
INSTALLATION_OWNERS = {"police": "COP", "army": "MIL", "military": "MIL", "security": "MIL",
                       "paramilitary": "MIL", "border": "MIL"}
INSTALLATIONS = frozenset("""station stations post posts outpost outposts camp camps checkpost
    checkposts check-post check-posts checkpoint checkpoints convoy convoys vehicle vehicles
    van vans patrol patrols barracks headquarters base bases picket pickets""".split())

# Nouns of acts that make a demonym before them an actor ("Israeli air raids", "a U.S. request"):
# military acts code the country's forces, the others its government.
EVENT_NOUNS: dict[str, Role] = {
    **dict.fromkeys("""raid raids airstrike airstrikes air_strike air_strikes strike strikes
        shelling bombardment bombing bombings offensive attack attacks incursion incursions
        invasion blockade operation operations assault""".split(), Role("MIL", "state")),
    **dict.fromkeys("""proposal proposals request requests offer offers ultimatum mediation plan
        plans demand demands initiative sanctions aid pressure decision statement warning
        warnings accusation accusations threat threats""".split(), Role("GOV", "state")),
    **dict.fromkeys("protests demonstrations rallies marches".split(), Role("CVL", "protester")),
    **dict.fromkeys("riots riot unrest".split(), Role("CVL", "rioter")),
}

# Nouns that make an ethnic or religious group armed ("Fulani militia", "Hema fighters").
IDENTITY_ARMED = frozenset("""militia militias militiamen militiaman fighters gunmen youths
    vigilantes hunters herders herdsmen attackers assailants armed_men combatants
    self-defence_groups self-defense_groups""".split())

# The longest role, in tokens: how far the recogniser looks ahead.
MAX_ROLE_TOKENS = max(len(key) for key in ROLES)

# Nouns that may follow a named group and still name it ("IS fighters", "Houthi rebels"); a
# force's members too ("a BSF jawan", "CRPF personnel", "Frontier Corps soldiers"): one actor,
# the force, not the force and an unnamed army or police beside it.
GROUP_HEADS = frozenset("""group groups fighters fighter militants militant jihadists jihadis
    jihadist rebels rebel insurgents insurgent militia militias militiamen forces troops members
    member gunmen terrorists terrorist loyalists movement organization organisation network cell
    cells faction factions commanders commander units unit brigade brigades extremists
    guerrillas separatists affiliate affiliates activists activist supporters supporter
    workers worker cadres cadre leaders leader men youths jawan jawans personnel soldier
    soldiers trooper troopers officer officers policeman policemen constable constables""".split())

# Words before a state role that tie it to the government ("regime troops", "pro-regime forces").
STATE_MODIFIERS = frozenset("""regime government pro-regime pro-government state security
    federal national army military plainclothes plain-clothes undercover""".split())

# Noun phrases that refer back to the actor a document is about ("the group", "the jihadis").
ANAPHORS = frozenset({("group",), ("organisation",), ("organization",), ("movement",)})


def role_of(words: tuple[str, ...]) -> Role | None:
    return ROLES.get(tuple(word.lower() for word in words))
