"""Who a riot's actor2 is, on sentences written for these tests. The people harmed in an
earlier happening given as the occasion ("after two students were killed in an accident, ...")
are not the victims of the event the sentence reports (sitrep/actors/conventions.py,
sitrep/language/fatalities.py ``occasion_counts``): a crowd destroying property has no actor2
in ACLED. Two crowds fighting each other are rioters on both sides (sitrep/actors/crowds.py)."""

from __future__ import annotations


def _top(analyse, text):
    report, typed = analyse(text)
    assert typed, report.events
    return typed[0]


def test_a_crowd_destroying_property_after_a_death_has_no_victims(analyse):
    event = _top(analyse, "After two students were killed in an accident in Dhaka, protesters "
                          "torched three buses on Monday.")
    assert event.event_type == "Riots"
    assert (event.actor1.name, event.actor1.inter) == ("Rioters (Bangladesh)", 5)
    assert event.actor2 is None, event.reasons


def test_the_people_a_riot_harmed_are_its_victims(analyse):
    event = _top(analyse, "Rioters torched three buses in Dhaka on Monday, injuring two "
                          "passengers.")
    assert event.event_type == "Riots"
    assert (event.actor2.name, event.actor2.inter) == ("Civilians (Bangladesh)", 7)


def test_occasion_counts_are_those_of_the_earlier_happening(analyse):
    from sitrep.language.fatalities import occasion_counts

    text = ("After two students were killed in an accident in Dhaka, protesters torched three "
            "buses on Monday, injuring a driver.")
    report, _ = analyse(text)
    spans = occasion_counts(report, text.index("torched"))
    assert spans and all(text[start:end].startswith("two students") for start, end in spans)
    assert occasion_counts(report, len(text) + 5) == set()     # no sentence there


def test_two_crowds_fighting_are_rioters_on_both_sides(analyse):
    event = _top(analyse, "Villagers clashed with each other over a land dispute in Tangail on "
                          "Monday, leaving 20 injured.")
    assert event.sub_event_type == "Mob violence"
    assert [(a.name, a.inter) for a in (event.actor1, event.actor2)] == [
        ("Rioters (Bangladesh)", 5)] * 2
    assert any("rioters on both sides" in reason for reason in event.reasons)


def test_a_mob_harming_someone_is_no_fight(analyse):
    # one crowd and the man it beat: he is no rioter
    event = _top(analyse, "A mob beat a suspected thief to death in Dhaka on Monday.")
    assert event.sub_event_type == "Mob violence"
    assert event.actor2 is None or event.actor2.inter != 5
