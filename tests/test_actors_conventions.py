"""ACLED's actor conventions on events (sitrep/actors/conventions.py), on hand-built events and
end to end on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.conventions import PARTY_TYPE, CodeEventActors
from sitrep.model import Actor, Event, Place, Quantity, Report, Span

TEXT = "Students and gunmen and police and party men and people were there."


def _actor(word, **fields) -> Actor:
    start = TEXT.index(word)
    return Actor(start, start + len(word), word, **fields)


STUDENTS = _actor("Students", type="Civilians", inter=7, cameo="EDU", reason="role 'students'; "
                  "no country named")
GUNMEN = _actor("gunmen", type="Political militia", inter=3, cameo="UAF",
                reason="role 'gunmen'; no country named")
POLICE = _actor("police", name="Police Forces of Pakistan", type="State forces", inter=1,
                cameo="PAKCOP", country="Pakistan", actor_id="PAK:COP",
                reason="role 'police'; document country PAK (votes 3)")
PARTY = _actor("party men", name="BNP: Bangladesh Nationalist Party", type=PARTY_TYPE,
               cameo="BGDPTY", country="Bangladesh", actor_id="bnp", reason="dictionary alias")
INDIA = Place(0, 5, "Delhi", name="Delhi", lat=28.6, lon=77.2, country="India", iso3="IND")


def _coded(event_type, sub, actor1=None, actor2=None, location=INDIA, quantities=()):
    event = Event(event_type, sub, "PROTEST", actor1=actor1, actor2=actor2, location=location,
                  evidence=(Span(0, len(TEXT), TEXT),), trigger=Span(0, 8, TEXT[:8]))
    report = Report(id="t", raw=TEXT)
    report.events = [event]
    report.actors = [a for a in (actor1, actor2) if a is not None]
    report.quantities = list(quantities)
    return CodeEventActors()(report).events[0]


def test_protest_crowd_is_actor1_with_the_event_country_and_no_actor2():
    event = _coded("Protests", "Peaceful protest", STUDENTS, POLICE)
    assert event.actor1.name == "Protesters (India)" and event.actor1.inter == 6
    assert event.actor1.text == "Students"          # still the words that named the crowd
    assert event.actor2 is None
    assert any("no actor2" in reason for reason in event.reasons)


def test_protest_broken_up_has_the_forces_as_actor2_and_the_party_associated():
    event = _coded("Protests", "Protest with intervention", PARTY, None)
    assert event.actor1.name == "Protesters (India)"
    assert [a.name for a in event.assoc_actor1] == ["BNP: Bangladesh Nationalist Party"]
    assert event.actor2.name == "Police Forces of India" and event.actor2.inter == 1


def test_a_party_named_in_the_protest_sentence_is_associated_unless_protested_against():
    text = "BNP activists protested in Dhaka; others rallied against the BNP."
    first, second = text.index("BNP"), text.rindex("BNP")
    party = dict(name="BNP: Bangladesh Nationalist Party", type=PARTY_TYPE, actor_id="bnp")
    own = Actor(first, first + 3, "BNP", **party)
    opposed = Actor(second, second + 3, "BNP", **party)
    crowd = Actor(first + 4, first + 13, "activists", type="Civilians", inter=7)
    for actors, expected in (([own, crowd], ["BNP: Bangladesh Nationalist Party"]),
                             ([opposed, crowd], [])):
        event = Event("Protests", "Peaceful protest", "PROTEST", actor1=crowd, location=INDIA,
                      evidence=(Span(0, len(text), text),), trigger=Span(14, 23, "protested"))
        report = Report(id="t", raw=text)
        report.events, report.actors = [event], actors
        coded = CodeEventActors()(report).events[0]
        assert coded.actor1.name == "Protesters (India)"
        assert [a.name for a in coded.assoc_actor1] == expected
        assert all(a.inter == 6 for a in coded.assoc_actor1)    # on the crowd's side


def test_violence_against_civilians_victims_and_unnamed_perpetrator():
    event = _coded("Violence against civilians", "Attack", STUDENTS, None)
    assert event.actor2.name == "Civilians (India)" and event.actor2.inter == 7
    assert event.actor1.name == "Unidentified Armed Group (India)" and event.actor1.inter == 3
    event = _coded("Violence against civilians", "Attack", GUNMEN, PARTY)
    assert event.actor1.name == "Unidentified Armed Group (India)"
    assert event.actor2.name == "Civilians (India)"
    assert [a.name for a in event.assoc_actor2] == ["BNP: Bangladesh Nationalist Party"]


def test_a_party_acting_violently_is_its_militia():
    event = _coded("Riots", "Violent demonstration", PARTY, POLICE)
    assert event.actor1.name == "Rioters (India)" and event.actor1.inter == 5
    assert [a.name for a in event.assoc_actor1] == ["BNP: Bangladesh Nationalist Party"]
    event = _coded("Battles", "Armed clash", PARTY, GUNMEN)
    assert event.actor1.name == "BNP: Bangladesh Nationalist Party Militia"
    assert event.actor1.inter == 3


def test_arrests_have_the_arresting_force_as_actor1():
    event = _coded("Strategic developments", "Arrests", STUDENTS, POLICE)
    assert event.actor1.inter == 1 and event.actor2.name == "Civilians (India)"
    event = _coded("Strategic developments", "Arrests", None, STUDENTS)
    assert event.actor1.name == "Police Forces of India"


def test_arrests_always_have_the_detained_and_excessive_force_the_forces_first():
    event = _coded("Strategic developments", "Arrests", POLICE, None)
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (India)", 7)
    event = _coded("Protests", "Excessive force against protesters", STUDENTS, POLICE)
    assert (event.actor1.inter, event.actor2.name) == (1, "Protesters (India)")
    event = _coded("Riots", "Violent demonstration", POLICE, None)
    assert (event.actor1.name, event.actor2.inter) == ("Rioters (India)", 1)


def _arrest(text, *people):
    """An arrest by the police of ``text`` with the people it names, coded."""
    def actor(word, like):
        start = text.index(word)
        return Actor(start, start + len(word), word, name=like.name, type=like.type,
                     inter=like.inter, cameo=like.cameo, country=like.country,
                     actor_id=like.actor_id, reason=like.reason)
    police, detained, *others = [actor(word, like) for word, like in people]
    base = Event("Strategic developments", "Arrests", "COERCE", actor1=police, actor2=detained,
                 location=INDIA, evidence=(Span(0, len(text), text),),
                 trigger=Span(7, 15, text[7:15]))
    report = Report(id="t", raw=text)
    report.events, report.actors = [base], [police, detained, *others]
    return CodeEventActors()(report).events[0]


def test_the_detained_are_their_group_when_the_sentence_names_it():
    event = _coded("Strategic developments", "Arrests", POLICE, STUDENTS)
    assert event.actor2.name == "Civilians (India)"
    event = _arrest("Police arrested 82 students of the party men in Delhi.",
                    ("Police", POLICE), ("students", STUDENTS), ("party men", PARTY))
    assert (event.actor2.name, event.actor2.inter) == (
        "BNP: Bangladesh Nationalist Party Militia", 3)
    # a journalist arrested near a party's name is not its member: still a civilian
    event = _arrest("Police arrested students at a rally of the party men in Delhi.",
                    ("Police", POLICE), ("students", STUDENTS), ("party men", PARTY))
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (India)", 7)


def test_a_state_force_coded_with_the_document_country_takes_the_event_country():
    event = _coded("Battles", "Armed clash", GUNMEN, POLICE)
    assert event.actor2.name == "Police Forces of India"
    stated = Actor(POLICE.start, POLICE.end, POLICE.text, name="Police Forces of Pakistan",
                   type="State forces", inter=1, cameo="PAKCOP", country="Pakistan",
                   actor_id="PAK:COP", reason="role 'Pakistani police'")
    assert _coded("Battles", "Armed clash", GUNMEN, stated).actor2.name == \
        "Police Forces of Pakistan"                  # the mention said whose: kept


def test_victims_from_a_casualty_count_of_people():
    start = TEXT.index("people")
    killed = Quantity(start, start + 6, "people", "killed", 3, item="people")
    event = _coded("Explosions/Remote violence", "Remote explosive/landmine/IED",
                   quantities=[killed])
    assert event.actor1.inter == 3 and event.actor2.name == "Civilians (India)"


def test_without_a_country_generic_actors_are_typed_but_unnamed():
    event = _coded("Protests", "Peaceful protest", STUDENTS, None, location=None)
    assert event.actor1.inter == 6 and event.actor1.name is None


def test_events_without_an_acled_type_are_left_alone():
    event = _coded(None, None, STUDENTS, POLICE)
    assert event.actor1 is STUDENTS and event.actor2 is POLICE


# -- end to end, on sentences written for these tests ---------------------------------------------
@pytest.fixture(scope="module")
def pipeline():
    from sitrep.eval.events import available_pipeline

    return available_pipeline()


def _event(pipeline, text):
    report = pipeline(Report(id="t", raw=text, published=date(2015, 3, 2)))
    typed = [e for e in report.events if e.event_type and e.modality == "asserted"]
    assert typed, report.events
    return max(typed, key=lambda e: e.confidence)


def test_end_to_end_acled_actors(pipeline):
    event = _event(pipeline, "Unidentified gunmen shot dead two shopkeepers in Quetta, "
                             "Pakistan on Sunday.")
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Pakistan)", 3)
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (Pakistan)", 7)
    event = _event(pipeline, "Hundreds of teachers staged a protest in Lucknow, India on "
                             "Monday demanding higher salaries from the state government.")
    assert (event.actor1.name, event.actor1.inter) == ("Protesters (India)", 6)
    assert event.actor2 is None


def test_the_acled_export_carries_the_coded_actors(tmp_path):
    """ACTOR1/ASSOC_ACTOR_1/INTER1/ACTOR2/ASSOC_ACTOR_2/INTER2/INTERACTION of `acled-csv`."""
    import csv
    import io
    import json

    from sitrep import api

    docs = tmp_path / "docs.jsonl"
    docs.write_text("\n".join(json.dumps(d) for d in [
        {"id": "a", "published": "2015-03-03",
         "text": "Unidentified gunmen shot dead two shopkeepers in Quetta, Pakistan on Sunday."},
        {"id": "b", "published": "2015-03-03", "text": "Hundreds of teachers staged a protest in "
                                                        "Lucknow, India on Monday demanding higher "
                                                        "salaries from the state government."},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    api.run([docs], db)
    out = io.StringIO()
    api.export(db, "acled-csv", out)
    rows = {row["actor1"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    killing = rows["Unidentified Armed Group (Pakistan)"]
    assert (killing["inter1"], killing["actor2"], killing["inter2"], killing["interaction"]) == (
        "3", "Civilians (Pakistan)", "7", "37")
    assert killing["fatalities"] == "2"
    protest = rows["Protesters (India)"]
    assert (protest["inter1"], protest["actor2"], protest["inter2"], protest["interaction"]) == (
        "6", "", "", "60")


def test_the_harmed_are_the_target_of_an_explosion(pipeline):
    event = _event(pipeline, "Three policemen were injured in a bomb attack in Peshawar, "
                             "Pakistan on Monday.")
    assert event.event_type == "Explosions/Remote violence"
    assert (event.actor2.name, event.actor2.inter) == ("Police Forces of Pakistan", 1)
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Pakistan)", 3)


def test_a_battle_has_two_sides(pipeline):
    event = _event(pipeline, "A militant was killed in a gunfight with police in Sopore, India "
                             "on Friday.")
    assert {event.actor1.inter, event.actor2.inter} == {1, 3}
    event = _event(pipeline, "Two Maoists were killed in an encounter with police in Sukma, "
                             "India on Saturday.")
    assert {event.actor1.inter, event.actor2.inter} == {1, 2}


def test_armed_people_harmed_are_the_target_of_a_strike(pipeline):
    # the militants killed when jets pounded their hideouts are the strike's target
    event = _event(pipeline, "Twenty militants were killed when Pak Airforce jets pounded "
                             "their hideouts in Khyber, Pakistan on Monday.")
    assert event.event_type == "Explosions/Remote violence"
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of Pakistan", 1)
    assert event.actor2 is not None and event.actor2.inter == 3


def test_victims_counted_by_any_noun_for_people(pipeline):
    # "rickshaw-puller" is in no role list: a person's noun in a casualty count is a civilian
    event = _event(pipeline, "Two rickshaw-pullers were injured when assailants hurled a bomb "
                             "in Dhaka, Bangladesh on Monday.")
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (Bangladesh)", 7)


def test_the_detained_are_the_armed_group_they_are_members_of(pipeline):
    # people named as members of an armed group, wherever the group stands in the sentence
    event = _event(pipeline, "Three leaders of the United Liberation Front of Asom were "
                             "arrested by police in Guwahati, India on Monday.")
    assert event.sub_event_type == "Arrests"
    assert (event.actor1.inter, event.actor2.name, event.actor2.inter) == (
        1, "ULFA-I: United Liberation Front of Asom (Independent)", 2)
    # armed people detained right after the trigger, their group not named
    event = _event(pipeline, "Police arrested 40 suspected militants in Peshawar, Pakistan on "
                             "Sunday.")
    assert (event.actor2.name, event.actor2.inter) == ("Unidentified Armed Group (Pakistan)", 3)


def test_an_event_without_a_place_takes_the_country_of_the_organisations_it_names(pipeline):
    # a party's wing and a provincial force are actors of one country (actors.tsv): their
    # country names the generic actors when the report resolves no place
    event = _event(pipeline, "Unidentified assailants hacked a Chhatra League leader to death "
                             "on Monday night.")
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Bangladesh)", 3)
    event = _event(pipeline, "Levies Force personnel arrested three suspects on Sunday.")
    assert (event.sub_event_type, event.actor1.name) == ("Arrests", "Police Forces of Pakistan")
    # words of administration or protest in general English are no country's evidence
    event = _event(pipeline, "Unidentified assailants hacked a local leader to death at his "
                             "village in the upazila on Monday.")
    assert (event.actor1.inter, event.actor1.country) == (3, None)


def test_the_tribal_agencies_are_places_of_pakistan(pipeline):
    event = _event(pipeline, "Two soldiers were killed when a roadside bomb hit their vehicle "
                             "in Mohmand Agency on Sunday.")
    assert (event.location.name, event.location.iso3) == ("Mohmand Agency", "PAK")
    assert event.actor2.name == "Military Forces of Pakistan"
    event = _event(pipeline, "Militants attacked a checkpost in Bajaur on Sunday.")
    assert (event.location.name, event.location.iso3) == ("Bajaur Agency", "PAK")


def test_factions_of_one_party_fight_on_both_sides():
    text = "Ten were hurt in a clash between two factions of the Awami League in Khulna."
    start = text.index("Awami League")
    party = Actor(start, start + 12, "Awami League", name="Bangladesh Awami League",
                  type=PARTY_TYPE, country="Bangladesh", actor_id="awami", reason="alias")
    trigger = text.index("clash")
    event = Event("Battles", "Armed clash", "FIGHT", actor2=party,
                  location=Place(0, 6, "Khulna", name="Khulna", lat=22.8, lon=89.6,
                                 country="Bangladesh", iso3="BGD"),
                  evidence=(Span(0, len(text), text),), trigger=Span(trigger, trigger + 5, "clash"))
    report = Report(id="t", raw=text)
    report.events, report.actors = [event], [party]
    event = CodeEventActors()(report).events[0]
    assert (event.actor1.name, event.actor1.inter) == ("Bangladesh Awami League Militia", 3)
    assert (event.actor2.name, event.actor2.inter) == ("Bangladesh Awami League Militia", 3)


def test_unnamed_doers_and_the_forces_men(pipeline):
    # people named only as people are the unnamed armed doers when the act is theirs
    event = _event(pipeline, "A bomb planted by unknown persons exploded in a market in "
                             "Imphal, India on Sunday.")
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (India)", 3)
    assert event.actor2 is None
    event = _event(pipeline, "Miscreants hurled crude bombs at a bus in Dhaka, Bangladesh on "
                             "Monday, injuring two passengers.")
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Bangladesh)", 3)
    # "army men" are soldiers, not people
    event = _event(pipeline, "Two villagers were killed by army men in Tura, India on Monday.")
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of India", 1)
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (India)", 7)


def test_an_attack_on_a_post_of_the_forces_is_on_those_forces(pipeline):
    event = _event(pipeline, "Militants attacked a police station in Peshawar, Pakistan.")
    assert (event.actor2.name, event.actor2.inter) == ("Police Forces of Pakistan", 1)
    event = _event(pipeline, "A bomb planted by unknown persons exploded near an army camp in "
                             "Imphal, India on Sunday.")
    assert (event.actor2.name, event.actor2.inter) == ("Military Forces of India", 1)


def test_the_group_behind_an_attack_is_its_attacker(pipeline):
    event = _event(pipeline, "Three people were injured in twin explosions at Guwahati, India "
                             "on Saturday. ULFA-I was suspected.")
    assert (event.actor1.name, event.actor1.inter) == (
        "ULFA-I: United Liberation Front of Asom (Independent)", 2)
    # a denial names no attacker
    event = _event(pipeline, "Three civilians were killed when a bomb went off in Mastung, "
                             "Pakistan. The BLA denied it was behind the blast.")
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Pakistan)", 3)


def _crowd_with(places, actors=()):
    event = Event("Protests", "Peaceful protest", "PROTEST", actor1=STUDENTS,
                  evidence=(Span(0, len(TEXT), TEXT),), trigger=Span(0, 8, TEXT[:8]))
    report = Report(id="t", raw=TEXT)
    report.events, report.places = [event], list(places)
    report.actors = [STUDENTS, *actors]
    return CodeEventActors()(report).events[0]


def test_a_place_known_only_by_its_country_names_the_crowd_when_nothing_else_does():
    # "protested in Sahiwal": two towns of Punjab, so no point, but Pakistan all the same
    sahiwal = Place(0, 5, "Sahiwal", country="Pakistan", iso3="PAK", needs_review=True)
    assert _crowd_with([sahiwal]).actor1.name == "Protesters (Pakistan)"
    # "Old Town", a coin toss among American towns, does not outvote the report's actors
    old_town = Place(0, 5, "Old Town", country="United States", iso3="USA", needs_review=True)
    assert _crowd_with([old_town], [POLICE]).actor1.name == "Protesters (Pakistan)"
    # a located place still comes first
    assert _crowd_with([old_town, INDIA], [POLICE]).actor1.name == "Protesters (India)"


def test_foreign_forces_the_mention_names_keep_their_country():
    # "shot at by Myanmar's border force in Teknaf": the document's country (Bangladesh) made
    # them foreign, it did not give them their country
    foreign = _actor("police", name="Military Forces of Myanmar", type="External/Other forces",
                     inter=8, cameo="MMRMIL", country="Myanmar", actor_id="MMR:MIL",
                     reason="role \"Myanmar 's border force\"; foreign forces (document country "
                            "BGD (votes 4, runner-up MMR 3))")
    home = _actor("party men", name="Military Forces of Bangladesh", type="State forces",
                  inter=1, cameo="BGDMIL", country="Bangladesh", actor_id="BGD:MIL",
                  reason="dictionary alias 'BGB'")
    teknaf = Place(0, 5, "Teknaf", name="Teknaf", lat=20.9, lon=92.3, country="Bangladesh",
                   iso3="BGD")
    event = _coded("Battles", "Armed clash", foreign, home, location=teknaf)
    assert event.actor1.name == "Military Forces of Myanmar" and event.actor1.inter == 8
    assert event.actor2.name == "Military Forces of Bangladesh"


def test_a_party_attacked_by_a_bomb_is_civilians_with_the_party_associated(pipeline):
    event = _event(pipeline, "Unknown attackers threw a grenade at a BJP office in Jammu on "
                             "Friday, injuring two workers.")
    assert event.event_type == "Explosions/Remote violence"
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (India)", 7)
    assert [a.name for a in event.assoc_actor2] == ["BJP: Bharatiya Janata Party"]
    # fighting, the party's men are its militia (test_a_party_acting_violently_is_its_militia)
    event = _coded("Battles", "Armed clash", GUNMEN, PARTY)
    assert event.actor2.name == "BNP: Bangladesh Nationalist Party Militia"


def test_the_police_station_whose_area_it_is_was_not_attacked(pipeline):
    # "under X police station": the station's jurisdiction, where the attack happened
    event = _event(pipeline, "Unidentified assailants attacked a former minister under the "
                             "Kotwali police station in Patna, India on Friday.")
    assert event.event_type == "Violence against civilians"
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (India)", 7)


def test_a_government_that_fights_is_its_military(pipeline):
    event = _event(pipeline, "The government employed airstrikes against rebel positions in "
                             "Kachin State, Myanmar on Monday.")
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of Myanmar", 1)
    # abroad, the forces are external
    event = _event(pipeline, "A US drone killed five militants in North Waziristan, Pakistan on "
                             "Sunday.")
    assert (event.actor1.name, event.actor1.inter) == (
        "Military Forces of the United States of America", 8)
    # a government that signs stays the government
    event = _event(pipeline, "The government signed a ceasefire with the rebels in Myanmar on "
                             "Monday.")
    assert event.actor1.name == "Government of Myanmar"


def test_the_posts_of_another_state_are_its_forces(pipeline):
    event = _event(pipeline, "Pakistan Rangers fired on Indian posts along the border near "
                             "Sialkot on Friday.")
    assert event.actor1.name == "Military Forces of Pakistan"
    assert (event.actor2.name, event.actor2.inter) == ("Military Forces of India", 8)
    # police officials are the police, not the government
    event = _event(pipeline, "Police officials arrested three suspects in Lahore, Pakistan on "
                             "Sunday.")
    assert event.actor1.name == "Police Forces of Pakistan"


def test_people_who_no_longer_bear_arms_are_civilians(pipeline):
    """ACLED codes a former fighter or a retired officer by what they are now: shooting one is
    violence against civilians, not a battle; an informer is not the police force."""
    event = _event(pipeline, "Gunmen shot dead a retired police inspector in Peshawar, Pakistan "
                             "on Monday.")
    assert event.event_type == "Violence against civilians"
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (Pakistan)", 7)
    assert event.actor2.text == "retired police inspector"
    event = _event(pipeline, "Unknown assailants killed a former rebel commander in Kupwara, "
                             "India on Sunday.")
    assert event.event_type == "Violence against civilians"
    assert event.actor2.inter == 7
    text = "Rebels shot dead a shopkeeper in Sukma, India on Sunday after branding him a police " \
           "informer."
    assert _event(pipeline, text).event_type == "Violence against civilians"
    report = pipeline(Report(id="t", raw=text, published=date(2015, 3, 2)))
    assert not any(actor.inter == 1 for actor in report.actors), report.actors


def test_a_pronoun_object_is_the_party_named_before_it(pipeline):
    """"... when gunmen attacked them": the policemen on patrol are the other side, a battle."""
    event = _event(pipeline, "Two policemen were on patrol in Quetta, Pakistan on Monday when "
                             "gunmen opened fire on them.")
    assert event.event_type == "Battles"
    assert (event.actor2.name, event.actor2.inter) == ("Police Forces of Pakistan", 1)
    # not the one who tells of it
    event = _event(pipeline, "A trader was found dead in Quetta, Pakistan on Monday. Police said "
                             "gunmen had fired at him.")
    assert event.event_type == "Violence against civilians"
    assert event.actor2 is None or event.actor2.inter != 1


def test_military_aircraft_are_flown_by_the_forces(pipeline):
    """An air strike whose sentence names jets or gunships but not whose: the military of the
    event's country flew it, and the people it killed are its target; a drone, which other
    states fly too, is left unattributed."""
    event = _event(pipeline, "Twelve militants were killed as jet fighters pounded their "
                             "hideouts near Quetta, Pakistan on Sunday.")
    assert event.sub_event_type == "Air/drone strike"
    assert (event.actor1.name, event.actor1.inter) == ("Military Forces of Pakistan", 1)
    assert (event.actor2.text, event.actor2.inter) == ("militants", 3)
    event = _event(pipeline, "Military helicopter gunships targeted rebel hideouts near Quetta, "
                             "Pakistan on Sunday, killing six.")
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Pakistan",
                                                      "Rebels (Pakistan)")
    event = _event(pipeline, "A drone strike killed five insurgents near Quetta, Pakistan on "
                             "Sunday.")
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor1 is None or event.actor1.name != "Military Forces of Pakistan"


def test_the_victims_party_is_their_associated_actor(pipeline):
    """"A local Awami League leader was shot dead by gunmen": civilians, the Awami League
    associated with them; not a party the sentence names on the doer's side ("by youths close
    to a BNP leader")."""
    event = _event(pipeline, "A local Awami League leader was shot dead by unidentified gunmen "
                             "in Khulna, Bangladesh on Sunday.")
    assert event.actor2.name == "Civilians (Bangladesh)"
    assert [a.name for a in event.assoc_actor2] == ["Bangladesh Awami League"]
    event = _event(pipeline, "A shopkeeper was stabbed by unidentified youths close to a BNP "
                             "leader in Khulna, Bangladesh on Sunday.")
    assert event.actor2.inter == 7 and not event.assoc_actor2


def test_the_doer_named_with_by_is_not_the_harmed(pipeline):
    """"A bomb blast by unknown assailants killed an official and two others": the assailants
    are the attackers even where the casualty count's words reach back over them."""
    event = _event(pipeline, "A roadside bomb blast in Quetta by unknown assailants killed a "
                             "district official and two others on Sunday.")
    assert (event.actor1.text, event.actor1.inter) == ("assailants", 3)


def test_people_destroying_property_with_no_weapon_named_are_rioters(pipeline):
    """ACLED codes civilians only as the harmed side: unarmed people who torch or vandalise,
    or doers called by no armed man's word ("miscreants"), are a crowd; gunmen stay armed."""
    for text in ("Some youths vandalised shops and torched two motorbikes in Khulna, "
                 "Bangladesh on Sunday.",
                 "Miscreants torched a truck during the blockade in Comilla, Bangladesh on "
                 "Sunday."):
        event = _event(pipeline, text)
        assert event.sub_event_type == "Looting/property destruction"
        assert (event.actor1.name, event.actor1.inter) == ("Rioters (Bangladesh)", 5), text
    event = _event(pipeline, "Gunmen torched a truck in Comilla, Bangladesh on Sunday.")
    assert event.actor1.inter == 3
    event = _event(pipeline, "Miscreants set fire to a truck and fired shots in Comilla, "
                             "Bangladesh on Sunday.")
    assert event.actor1 is None or event.actor1.inter != 5


def test_a_detainee_tortured_by_no_one_named_was_tortured_by_the_police(pipeline):
    """Those who hold a detainee ill-treat him: the state's forces, not an unidentified armed
    group; torture outside custody by no one named stays an unidentified armed group's."""
    event = _event(pipeline, "A detained opposition politician was tortured in custody in "
                             "Kampala, Uganda on Sunday.")
    assert event.sub_event_type == "Attack"
    assert (event.actor1.name, event.actor1.inter) == ("Police Forces of Uganda", 1)
    event = _event(pipeline, "A shopkeeper was tortured in Kampala, Uganda on Sunday.")
    assert event.actor1.inter == 3


def test_the_doer_a_passive_act_names_with_by_is_actor1(pipeline):
    """"Soldiers rescued ten farmers abducted by bandits": the bandits abducted; the soldiers,
    the sentence's subject, rescued."""
    event = _event(pipeline, "Soldiers rescued ten farmers abducted by bandits in Zamfara, "
                             "Nigeria on Sunday.")
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert (event.actor1.name, event.actor1.inter) == ("Unidentified Armed Group (Nigeria)", 3)
    assert event.actor2.inter == 7


def test_the_act_an_arrest_is_for_is_not_the_forces_doing(pipeline):
    report = pipeline(Report(id="t", raw="Police arrested three men over the kidnapping of a "
                             "pastor in Kaduna on Monday.", published=date(2015, 3, 2)))
    arrest = next(e for e in report.events if e.sub_event_type == "Arrests")
    kidnapping = next(e for e in report.events if e.sub_event_type and
                      e.sub_event_type.startswith("Abduction"))
    assert arrest.actor1.name == "Police Forces of Nigeria"
    assert kidnapping.confidence < arrest.confidence
    assert kidnapping.actor1.name == "Unidentified Armed Group (Nigeria)"
    assert "named as what an arrest is for" in kidnapping.reasons
