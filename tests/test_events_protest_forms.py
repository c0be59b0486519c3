"""Forms of protest ACLED codes as Protests (codebook: demonstrations, strikes, sit-ins, road
blockades), besides marches and rallies: a strike called, kept up or joined, South Asia's general
strikes and sit-ins (hartal, bandh, dharna, gherao), roads, traffic or trains blocked, tyres
burnt, black flags shown.
A crowd that gathers at an embassy to protest is a demonstration; a ministry's or embassy's own
protest is diplomacy. Sentences written for sitrep (sitrep/events/triggers.toml, frame
"protest"; sitrep/events/rule_cues.py DIPLOMATIC_PROTEST)."""

from __future__ import annotations

import pytest

CASES = [
    ("Nurses at the district hospital in Patna continued their strike on Tuesday, demanding "
     "higher pay.", "Protests"),
    ("Bus owners observed a transport strike across Assam on Monday.", "Protests"),
    ("A dawn-to-dusk hartal called by the opposition paralysed Dhaka on Sunday.", "Protests"),
    ("Shopkeepers staged a dharna outside the municipal office in Ludhiana on Friday.",
     "Protests"),
    ("Villagers blocked traffic on the national highway near Jalgaon for three hours on Monday.",
     "Protests"),
    ("Opposition workers showed black flags to the chief minister in Bhopal on Saturday.",
     "Protests"),
    ("About 200 students gathered at the embassy to protest the visa rules on Monday.",
     "Protests"),
    ("Supporters of the slain councillor burnt tyres to block a road in Buguda on Monday.",
     "Protests"),
    ("Villagers blocked the main highway near Jalgaon on Monday.", "Protests"),
    # a road blocked by nature is no protest
    ("Landslides blocked several roads in the district on Monday.", None),
    # a military strike is not a workers' strike, and diplomacy is no demonstration
    ("The air force continued strikes on rebel positions near Hodeidah on Monday.",
     "Explosions/Remote violence"),
    ("The foreign ministry protested to the ambassador on Monday.", None),
]


@pytest.mark.parametrize("text,event_type", CASES)
def test_forms_of_protest(analyse, text, event_type):
    report, events = analyse(text)
    assert (events[0].event_type if events else None) == event_type, [
        (e.sub_event_type, e.modality, e.reasons[:2]) for e in report.events]
