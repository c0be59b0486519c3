"""The ACLED type re-decided by the coded parties (sitrep/actors/parties.py): on hand-built
events, and end to end on sentences written for these tests from the codebook's definitions."""

from __future__ import annotations

from sitrep.actors.parties import type_by_parties
from sitrep.model import Actor, Event

SOLDIERS = Actor(10, 18, "soldiers", name="Military Forces of India", type="State forces",
                 inter=1, cameo="INDMIL", country="India", actor_id="IND:MIL")
GUNMEN = Actor(0, 6, "Gunmen", type="Political militia", inter=3, cameo="INDUAF",
               actor_id="IND:armed")
OFFICIALS = Actor(10, 19, "officials", name="Government of India", type="State forces",
                  inter=1, cameo="INDGOV", country="India", actor_id="IND:GOV")
TEACHERS = Actor(30, 38, "teachers", name="Civilians (India)", type="Civilians", inter=7)
MOB = Actor(0, 3, "mob", type="Political militia", inter=3, cameo="INDUAF")


def _attack(mode="firearms", sub="Attack", plover="ASSAULT") -> Event:
    return Event("Violence against civilians" if sub == "Attack" else "Riots", sub, plover,
                 plover_mode=mode, cameo_root="18")


def _never(actor: Actor) -> bool:
    return False


def test_an_attack_on_forces_on_duty_is_a_battle_with_its_reason():
    event, why = type_by_parties(_attack(), GUNMEN, SOLDIERS, None, _never)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.plover_type, event.plover_mode, event.cameo_root) == ("ASSAULT", "firearms",
                                                                         "19")
    assert "'soldiers' is state forces" in why


def test_one_sided_violence_officials_and_civilians_harmed_keep_the_type():
    # a beating or a murder is inflicted on someone who cannot fight back
    assert type_by_parties(_attack("beat"), GUNMEN, SOLDIERS, None, _never) is None
    assert type_by_parties(_attack("assassinate"), GUNMEN, SOLDIERS, None, _never) is None
    # officials are not armed forces
    assert type_by_parties(_attack(), GUNMEN, OFFICIALS, None, _never) is None
    # civilians harmed beside their escort: the attack on them
    assert type_by_parties(_attack(), GUNMEN, SOLDIERS, TEACHERS, _never) is None
    # the forces on both sides: not re-decided here
    assert type_by_parties(_attack(), SOLDIERS, SOLDIERS, None, _never) is None


def test_an_armed_group_is_the_attacked_side_only_when_counted_among_the_casualties():
    event = _attack()
    assert type_by_parties(event, SOLDIERS, GUNMEN, None, _never) is None
    retyped, _ = type_by_parties(event, SOLDIERS, GUNMEN, None, lambda actor: actor is GUNMEN)
    assert retyped.event_type == "Battles"


def test_a_riot_by_an_armed_groups_men_is_their_attack_but_a_crowd_riots():
    riot = _attack(None, "Violent demonstration", "PROTEST")
    event, why = type_by_parties(riot, GUNMEN, TEACHERS, None, _never)
    assert (event.event_type, event.sub_event_type, event.plover_type, event.plover_mode) == (
        "Violence against civilians", "Attack", "ASSAULT", None)
    assert "not a riot" in why
    event, _ = type_by_parties(riot, GUNMEN, SOLDIERS, None, _never)
    assert event.sub_event_type == "Armed clash"
    assert type_by_parties(riot, MOB, TEACHERS, None, _never) is None


def _events(analyse, text):
    return analyse(text)[1]


def _top(analyse, text):
    return _events(analyse, text)[0]


def test_end_to_end_the_parties_decide(analyse):
    events = _events(analyse, "Masked militants attacked soldiers at a village in Kupwara "
                               "district on Tuesday. Three army men were wounded.")
    assert {e.event_type for e in events} == {"Battles"}
    wounded = [e for e in events if e.trigger.text == "wounded"][0]
    assert (wounded.actor2.name, wounded.actor2.inter) == ("Military Forces of India", 1)
    assert any("type by the parties" in reason for reason in wounded.reasons)
    event = _top(analyse, "Assailants hurled a petrol bomb at a passenger bus in Bogra on "
                          "Sunday, injuring five people.")
    assert event.event_type == "Violence against civilians"
    assert (event.actor1.inter, event.actor2.inter) == (3, 7)
    event = _top(analyse, "Hundreds of protesters hurled petrol bombs at police in Dhaka on "
                          "Monday.")
    assert event.event_type == "Riots"


def test_end_to_end_a_clash_of_unarmed_people_is_a_riot_unless_armed_or_lethal(analyse):
    for crowd in ("BNP and Awami League activists clashed in Bogra on Tuesday.",
                  "Students of two colleges clashed in Sylhet on Monday over a cricket match."):
        event = _top(analyse, crowd)
        assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), crowd
        assert any("a riot, not a battle" in reason for reason in event.reasons), crowd
    event = _top(analyse, "Activists of the opposition alliance clashed with police in "
                          "Pokhara on Sunday.")
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert (event.actor1.inter, event.actor2.inter) == (5, 1)
    for armed in ("Party cadres clashed with police in Bogra on Tuesday, firing several rounds.",
                  "Troops clashed with rebels near Laukkai on Monday."):
        event = _top(analyse, armed)
        assert event.event_type == "Battles", armed


def test_end_to_end_a_petrol_bomb_attack_is_no_explosion(analyse):
    # petrol bombs burn, they do not explode: an armed group's attack on the bus's passengers
    event = _top(analyse, "Ten passengers suffered burn injuries in a petrol bomb attack by "
                          "unidentified assailants on a bus in Bogra on Saturday.")
    assert event.event_type == "Violence against civilians"


def test_end_to_end_armed_people_harmed_are_the_target_not_the_attacker(analyse):
    # a headline-style "N militants killed": the militants are the side hit, which makes it a
    # battle (the attacker unnamed), not violence against civilians by them
    event = _top(analyse, "Two militants killed during a search operation in Kupwara on "
                          "Tuesday.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor1 is None or event.actor1.inter != 3
    assert (event.actor2.name, event.actor2.inter) == ("Unidentified Armed Group (India)", 3)
    assert any("was harmed: the target" in reason for reason in event.reasons)
