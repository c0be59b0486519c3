"""detect_events and merge_events on hand-built reports (no other stage needed)."""

from __future__ import annotations

import pickle

import pytest

from sitrep.events.arguments import find_arguments_parsed, locate_mentions
from sitrep.events.merge import MergeEvents, merge_events
from sitrep.events.modality import read_modality
from sitrep.events.stage import DetectEvents
from sitrep.model import ACLED_TYPES, PLOVER_TYPES, Actor, Event, Report, Span


@pytest.fixture(scope="module")
def detect() -> DetectEvents:
    return DetectEvents()


def _report(text: str, actors: dict[str, tuple[str, int]] | None = None) -> Report:
    """A report with actor mentions placed by hand: {surface text: (name, inter)}."""
    report = Report(id="t", raw=text)
    for surface, (name, inter) in (actors or {}).items():
        start = 0
        while (start := text.find(surface, start)) >= 0:
            report.actors.append(Actor(start, start + len(surface), surface, name=name, inter=inter))
            start += len(surface)
    report.actors.sort(key=lambda a: a.start)
    return report


def _events(detect, text, actors=None, asserted=True):
    report = MergeEvents()(detect(_report(text, actors)))
    return [e for e in report.events if e.event_type and (e.modality == "asserted" or not asserted)]


def _types(events) -> set[str]:
    return {e.sub_event_type for e in events}


@pytest.mark.parametrize("text, expected", [
    ("Government warplanes bombed rebel positions near the town on Monday.", "Air/drone strike"),
    # an air force's act, however the verb puts it
    ("The air force successfully targeted the group's commanders and killed six of them.",
     "Air/drone strike"),
    # a headline's present tense
    ("US drone kills four militants in the tribal district", "Air/drone strike"),
    # fire opened with a word between, a gun fight in two words, a killing "chopped to death"
    ("Border troops opened unprovoked fire on forward posts along the frontier at night.",
     "Armed clash"),
    ("Troops resorted to heavy firing on the rebel positions near the river.", "Armed clash"),
    ("A rebel commander was killed in a brief gun fight with troops near the river.",
     "Armed clash"),
    ("A party leader was chopped to death by his rivals in the town on Thursday.", "Attack"),
    ("The army opened two new posts near the border on Monday.",
     "Headquarters or base established"),
    # a man who crossed the border to fight is an armed group's, not a civilian
    ("Soldiers gunned down an infiltrator along the border on Tuesday.", "Armed clash"),
    ("A suicide bomber blew himself up at a checkpoint, killing five soldiers.", "Suicide bomb"),
    ("A roadside bomb exploded under a police vehicle in the province.", "Remote explosive/landmine/IED"),
    ("Militants hurled a grenade at a police patrol in the market.", "Grenade"),
    ("Rebels shelled the city with mortars and artillery overnight.", "Shelling/artillery/missile attack"),
    ("The army dropped chlorine gas on the besieged district, activists said.", "Chemical weapon"),
    ("Gunmen attacked the village and killed twelve civilians.", "Attack"),
    ("Militants kidnapped three aid workers on the road to the city.", "Abduction/forced disappearance"),
    ("Soldiers raped women fleeing the fighting, a rights group said.", "Sexual violence"),
    ("Police arrested four opposition leaders in the capital.", "Arrests"),
    # arrested again: the hyphen no longer hides the act
    ("Security forces re-arrested the union leader in the capital on Friday.", "Arrests"),
    # people named by their nationality are civilians
    ("Two Turkish nationals were captured by bandits at a farm near the town.",
     "Abduction/forced disappearance"),
    ("Thousands of students marched peacefully through the capital to demand reforms.", "Peaceful protest"),
    ("Police fired tear gas to disperse demonstrators outside parliament.", "Protest with intervention"),
    ("Security forces opened fire on protesters with live ammunition, killing three.",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and set fire to tyres.", "Violent demonstration"),
    ("A mob lynched a man accused of theft in the village.", "Mob violence"),
    ("The warring parties signed a ceasefire agreement in the capital.", "Agreement"),
    ("Police seized a cache of weapons and ammunition in a raid on a house.", "Disrupted weapons use"),
    ("Turkish forces set up a new military base near the border town.", "Headquarters or base established"),
    ("Hundreds of fighters defected to the government side.", "Change to group/activity"),
    ("Rebels withdrew from the town, handing control to government troops without a fight.",
     "Non-violent transfer of territory"),
])
def test_codebook_sub_event_types(detect, text, expected):
    assert expected in _types(_events(detect, text)), _events(detect, text)


@pytest.mark.parametrize("text, wrong", [
    # a coup takes a government, not a place
    ("The army seized power in the capital on Monday.", "Government regains territory"),
    ("The generals took control of the government on Monday.", "Government regains territory"),
    ("Reporters have been jailed since the junta seized control in a coup in May.",
     "Government regains territory"),
    # projectiles among demonstrators are crowd control, not shelling
    ("Demonstrators were hurt by projectiles fired by police in the square on Friday.",
     "Shelling/artillery/missile attack"),
])
def test_not_coded_as_what_the_words_also_name(detect, text, wrong):
    assert wrong not in _types(_events(detect, text, asserted=False))


@pytest.mark.parametrize("text", [
    # ACLED codes a coup as a strategic development ("Other"): the state's government taken
    "The army seized power in the capital on Monday.",
    "The generals took control of the government on Monday.",
    "Soldiers overthrew the elected president in the capital on Tuesday.",
    "The civilian government was deposed in a military coup last week.",
    "Mutinous officers toppled the president in a coup in the capital on Sunday.",
])
def test_a_coup_is_a_strategic_development(detect, text):
    assert "Other" in _types(_events(detect, text)), _events(detect, text, asserted=False)


@pytest.mark.parametrize("text", [
    # an election, a party, a protest against a coup: no government taken by force
    "Voters ousted the ruling party in the election on Sunday.",
    "The chairman was ousted from the party on Monday.",
    "Thousands marched against the coup in the capital on Sunday.",
    "Government troops ousted the rebels from the town on Monday.",
])
def test_no_coup_where_no_government_is_taken(detect, text):
    assert "Other" not in _types(_events(detect, text, asserted=False))


def test_the_air_force_is_the_strike_s_actor_not_part_of_its_trigger(detect):
    events = _events(detect, "The air force repeatedly bombed rebel positions near the town.",
                     {"air force": ("Military Forces of Nigeria", 1)})
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 is not None and strike.actor1.text == "air force"
    # an officer of the air force is a person, not a strike
    assert "Air/drone strike" not in _types(_events(
        detect, "An air force officer was killed by gunmen in the town on Monday."))


def test_territory_by_who_takes_it(detect):
    state = {"government forces": ("Military Forces of Syria", 1), "rebels": ("Rebels (Syria)", 2)}
    gov = _events(detect, "Syrian government forces captured the town of Maaloula from rebels.", state)
    assert _types(gov) == {"Government regains territory"}
    assert gov[0].actor1.name == "Military Forces of Syria" and gov[0].actor2.name == "Rebels (Syria)"
    rebel = _events(detect, "The rebels captured the town of Maaloula from government forces.", state)
    assert _types(rebel) == {"Non-state actor overtakes territory"}
    assert rebel[0].actor1.name == "Rebels (Syria)"


def test_violence_against_civilians_only_when_civilians_are_the_target(detect):
    assert _types(_events(detect, "Gunmen attacked an army checkpoint near the border.")) == {"Armed clash"}
    assert _types(_events(detect, "Gunmen attacked worshippers at a mosque.")) == {"Attack"}


def test_passive_agent_and_possessor_victim(detect):
    actors = {"Syrian rebels": ("Rebels (Syria)", 2), "the militants": ("Islamic State", 2)}
    events = _events(detect, "Syrian rebels reportedly had two tanks knocked out on Monday by the "
                     "militants.", actors)
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Armed clash"
    assert event.actor1.name == "Islamic State" and event.actor2.name == "Rebels (Syria)"
    assert event.attribution == "reportedly"



@pytest.mark.parametrize("text", [
    "Unidentified assailants hurled a petrol bomb at a bus near the bridge on Monday.",
    "Masked attackers torched a school bus outside the town on Monday.",
])
def test_a_participle_describing_the_doers_is_no_verb_taking_them_as_object(detect, text):
    # "Unidentified", "Masked": adjectives of the subject, not a verb whose object it would be
    actors = {"assailants": ("Unidentified Armed Group", 3), "attackers": ("Unidentified Armed "
                                                                           "Group", 3)}
    events = _events(detect, text, actors)
    assert events and events[0].actor1 is not None and events[0].actor1.inter == 3, [
        (e.sub_event_type, e.reasons) for e in events]


def test_helper_is_associated_actor(detect):
    actors = {"the Russians": ("Military Forces of Russia", 8),
              "regime troops": ("Military Forces of Syria", 1), "rebels": ("Rebels (Syria)", 2)}
    events = _events(detect, "It showed a retreat by the Russians, who were helping regime troops "
                     "capture Aleppo city from rebels.", actors)
    (event,) = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert [a.name for a in event.assoc_actor1] == ["Military Forces of Russia"]


def test_news_agency_is_never_an_actor(detect):
    actors = {"Amaq": ("Amaq News Agency", None), "IS fighters": ("Islamic State", 2)}
    events = _events(detect, "IS fighters captured the town of Palmyra, according to Amaq.", actors)
    assert events and all(e.actor1 is None or e.actor1.name == "Islamic State" for e in events)
    assert all(e.actor2 is None or "Amaq" not in e.actor2.name for e in events)


@pytest.mark.parametrize("sentence, trigger, modality", [
    ("No one was killed in the blast.", "killed", "negated"),
    ("The group denied it had attacked the convoy.", "attacked", "negated"),
    ("The militants could gain more firepower to be used against rebels battling IS.", "battling",
     "hypothetical"),
    ("With the fall of the T4 air base also appearing imminent, the jihadis may advance.", "fall of",
     "future"),
    ("The rebels plan to attack the city next week.", "attack", "future"),
    ("Many suspect that the rockets came from camps that IS took on Sunday.", "took", "uncertain"),
    ("The Taliban claimed responsibility for the attack.", "attack", "uncertain"),
    ("Rebels reportedly captured the town.", "captured", "asserted"),
])
def test_modality(sentence, trigger, modality):
    start = sentence.index(trigger)
    assert read_modality(sentence, start, start + len(trigger)).value == modality


def test_attribution_recorded():
    sentence = "Twelve soldiers were killed in the ambush, according to Amaq news agency."
    start = sentence.index("ambush")
    result = read_modality(sentence, start, start + 6)
    assert result.value == "asserted" and result.attribution.startswith("according to Amaq")


def test_forecast_is_kept_but_not_asserted(detect):
    report = MergeEvents()(detect(_report(
        "With the fall of the nearby T4 air base also appearing imminent, the jihadis could gain "
        "more heavy firepower.")))
    assert report.events and all(e.modality in ("future", "hypothetical") for e in report.events
                                 if e.event_type)


@pytest.mark.parametrize("text", [
    "A strong earthquake killed eight people and damaged more than 1,300 buildings.",
    "Four workers were injured when a boiler exploded at a chemical plant.",
    "Police arrested three men for drug trafficking and money laundering.",
    "The foreign ministers met in Geneva to discuss trade.",
    "The president condemned the decision and expelled two diplomats.",
    # a self-immolation destroys no one's property
    "A worker set himself on fire outside the company offices on Monday.",
])
def test_no_political_violence_no_acled_event(detect, text):
    assert not _events(detect, text, asserted=False)


def test_diplomacy_keeps_plover_and_cameo(detect):
    report = detect(_report("Russia expelled two US diplomats on Friday."))
    assert any(e.plover_type == "SANCTION" and e.cameo_root == "16" and e.event_type is None
               for e in report.events)


def test_codes_are_valid(detect):
    report = detect(_report("Militants ambushed an army convoy. Police arrested protesters. "
                            "Jets bombed the town. The sides agreed a truce."))
    for event in report.events:
        if event.sub_event_type:
            assert event.sub_event_type in ACLED_TYPES[event.event_type]
        assert event.plover_type is None or event.plover_type in PLOVER_TYPES
        assert event.cameo_root is None or (len(event.cameo_root) == 2 and event.cameo_root.isdigit())
        assert 0.0 <= event.confidence <= 1.0


def test_repeated_mentions_merge_into_one_event_with_all_evidence(detect):
    text = ("IS fighters captured the city of Palmyra over the weekend. "
            "It followed the surprise seizure of the central Syrian city by IS fighters.")
    events = _events(detect, text, {"IS fighters": ("Islamic State", 2)})
    assert len(events) == 1 and len(events[0].evidence) == 2


def test_merge_is_order_independent():
    def event(start, confidence, actor=None):
        return Event("Battles", "Armed clash", "ASSAULT", cameo_root="19",
                     actor1=Actor(0, 2, "IS", name=actor) if actor else None,
                     evidence=(Span(start, start + 5, "x" * 5),), confidence=confidence,
                     trigger=Span(start, start + 1, "x"))
    events = [event(0, 0.7, "Islamic State"), event(10, 0.8), event(20, 0.6, "Islamic State")]
    first = merge_events(events)
    assert merge_events(list(reversed(events))) == first
    assert len(first) == 1 and len(first[0].evidence) == 3


def test_offsets_slice_back_through_cleaning(detect):
    raw = "HEADLINE\n\nRebels  shelled   the town with mortars, killing two civilians."
    report = detect(Report(id="x", raw=raw))
    assert report.events
    for event in report.events:
        for span in event.evidence + (event.trigger,):
            assert raw[span.start:span.end] == span.text


def test_bad_input_no_blowup(detect):
    names = ", ".join(f"fighter{i}" for i in range(300))
    crowd = {f"fighter{i}": (f"Group {i}", 2) for i in range(0, 300, 3)}
    text = (f"Clashes between {names} killed 1, 2, 3, 4 and 5 people. " * 5
            + "ATTACK ON ARMY BASE KILLS 10 SOLDIERS\n| col | col |\n|---|---|\n" * 20
            + "\"We will attack,\" he said. " * 50)
    report = detect(_report(text, crowd))
    per_sentence = {}
    for event in report.events:
        assert event.evidence
        per_sentence[event.evidence[0].start] = per_sentence.get(event.evidence[0].start, 0) + 1
    assert max(per_sentence.values()) <= detect.max_events_per_sentence
    assert any("actor mentions in the sentence" in r for e in report.events for r in e.reasons)


def test_empty_and_eventless_reports(detect):
    assert detect(Report(id="e", raw="")).events == []
    assert detect(Report(id="w", raw="The weather was fine and the market opened.")).events == []


def test_stage_is_picklable(detect):
    clone = pickle.loads(pickle.dumps(detect))
    text = "Government warplanes bombed rebel positions."
    assert [e.sub_event_type for e in clone(_report(text)).events] == \
        [e.sub_event_type for e in detect(_report(text)).events]


def _parsed_report(words: list[tuple[str, str, str, int]], actors: dict[str, tuple[str, int]]):
    """A one-sentence report with a hand-made parse: (word, lemma, dep, head index)."""
    from sitrep.model import Sentence, Token

    text, tokens, position = "", [], 0
    for index, (word, lemma, dep, head) in enumerate(words):
        if text and word not in ".,":
            text += " "
            position += 1
        tokens.append(Token(position, position + len(word), word, 0, lemma, "", dep, head))
        text += word
        position += len(word)
    report = _report(text, actors)
    report.sentences = [Sentence(0, len(text), text, 0, len(text))]
    report.tokens = tokens
    return report


def test_arguments_from_the_parse(detect):
    words = [("Syrian", "Syrian", "amod", 1), ("rebels", "rebel", "nsubj", 3),
             ("reportedly", "reportedly", "advmod", 3), ("had", "have", "root", 3),
             ("two", "two", "nummod", 5), ("tanks", "tank", "obj", 3),
             ("knocked", "knock", "xcomp", 3), ("out", "out", "compound:prt", 6),
             ("by", "by", "case", 10), ("the", "the", "det", 10), ("fighters", "fighter", "obl", 6),
             (".", ".", "punct", 3)]
    report = _parsed_report(words, {"Syrian rebels": ("Rebels (Syria)", 2),
                                    "the fighters": ("Islamic State", 2)})
    start = report.text.index("knocked")
    arguments = find_arguments_parsed(report, 0, len(report.tokens), start, start + 11,
                                      locate_mentions(report))
    assert arguments.actor1.name == "Islamic State" and arguments.actor2.name == "Rebels (Syria)"
    assert arguments.passive
    (event,) = [e for e in detect(report).events if e.trigger.text == "knocked out"]
    assert event.actor1.name == "Islamic State" and event.actor2.name == "Rebels (Syria)"


def test_helper_from_the_parse(detect):
    words = [("the", "the", "det", 1), ("Russians", "Russian", "nsubj", 2),
             ("helped", "help", "root", 2), ("regime", "regime", "compound", 4),
             ("troops", "troop", "obj", 2), ("capture", "capture", "xcomp", 2),
             ("Aleppo", "Aleppo", "obj", 5), ("from", "from", "case", 8), ("rebels", "rebel", "obl", 5),
             (".", ".", "punct", 2)]
    report = _parsed_report(words, {"the Russians": ("Military Forces of Russia", 8),
                                    "regime troops": ("Military Forces of Syria", 1),
                                    "rebels": ("Rebels (Syria)", 2)})
    start = report.text.index("capture")
    arguments = find_arguments_parsed(report, 0, len(report.tokens), start, start + 7,
                                      locate_mentions(report))
    assert arguments.actor1.name == "Military Forces of Syria"
    assert [a.name for a in arguments.assoc_actor1] == ["Military Forces of Russia"]
    (event,) = [e for e in detect(report).events if e.trigger.text == "capture"]
    assert event.sub_event_type == "Government regains territory"
    assert event.actor1.name == "Military Forces of Syria" and event.actor2.name == "Rebels (Syria)"
    assert [a.name for a in event.assoc_actor1] == ["Military Forces of Russia"]


def test_fatalities_from_the_killed_count_of_the_sentence(detect):
    from sitrep.model import Quantity

    text = "A roadside bomb killed 12 soldiers and wounded 30 in the north. Talks resumed."
    report = _report(text)
    killed, wounded = text.index("12 soldiers"), text.index("30")
    report.quantities = [Quantity(killed, killed + 11, "12 soldiers", "killed", 12),
                         Quantity(wounded, wounded + 2, "30", "injured", 30)]
    (event,) = [e for e in detect(report).events if e.event_type]
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.fatalities == 12
    unknown = MergeEvents()(detect(_report("A roadside bomb exploded in the north.")))
    assert [e.fatalities for e in unknown.events if e.event_type] == [None]  # never a guess


_WORDS = ["rebels", "attacked", "the", "army", "base", "in", "Aleppo", "police", "arrested",
          "protesters", "airstrike", "killed", "12", "civilians", "IS", "captured", "town", ",",
          ".", "\n", "could", "denied", "\"", "BOMB", "EXPLODES", "|", "according to", "Amaq",
          "by", "from", "had", "tanks", "knocked out", "ceasefire", "signed", "mob", "looted"]


def test_property_offsets_and_evidence(detect):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=120, deadline=None, derandomize=True, database=None)
    @given(st.lists(st.sampled_from(_WORDS), max_size=80), st.text(max_size=20))
    def check(words, noise):
        raw = noise + " ".join(words)
        report = MergeEvents()(detect(_report(raw, {"rebels": ("Rebels", 2), "IS": ("IS", 2),
                                                      "police": ("Police", 1)})))
        for event in report.events:
            assert event.evidence
            for span in event.evidence + (event.trigger,):
                assert raw[span.start:span.end] == span.text
            assert 0.0 <= event.confidence <= 1.0

    check()


def test_all_caps_headline(detect):
    events = _events(detect, "ISLAMIC STATE FIGHTERS SEIZE PALMYRA FROM SYRIAN ARMY")
    assert _types(events) == {"Non-state actor overtakes territory"}


def test_one_demonstration_one_event(detect):
    text = ("Police fired tear gas at a cost-of-living protest in Nairobi on Friday. "
            "Protesters had gathered near the business district.")
    assert _types(_events(detect, text)) == {"Protest with intervention"}


def test_unarmed_violence_in_a_mob_report_is_the_mob_violence(detect):
    text = ("A mob beat a man to death at a market in Kano on Sunday. "
            "Traders chased the man through the market and attacked him.")
    assert _types(_events(detect, text)) == {"Mob violence"}


def test_tallies_and_background_are_not_events(detect):
    text = ("The ADF, which has pledged allegiance to Islamic State, has killed thousands of "
            "civilians in Ituri since 2019.")
    assert _events(detect, text) == []
    report = detect(_report(text))
    assert any("a tally over a period" in r or "background" in r
               for e in report.events for r in e.reasons)


def test_a_tally_since_a_season_of_a_year_is_not_one_event(detect):
    text = ("The kingdom has been the target of a series of deadly bombings since late 2014 "
            "carried out by the group.")
    assert _events(detect, text) == []


def test_separate_incidents_stay_apart(detect):
    text = ("A roadside bomb killed two soldiers in the north on Monday. "
            "In a separate attack, a roadside bomb wounded three policemen in the south.")
    events = _events(detect, text)
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"] * 2


def test_back_reference_and_modality_cue_are_recorded_as_data(detect):
    events = _events(detect, "Rebels had two tanks knocked out on Monday shortly after the "
                             "capture of the town.", asserted=False)
    assert any(e.back_reference for e in events if e.trigger and "capture" in e.trigger.text)
    denied = _events(detect, "The army denied shelling the village.", asserted=False)
    assert any(e.modality == "negated" and e.modality_cue == "denied" for e in denied)


@pytest.mark.parametrize("text, expected", [
    # rules generalised after the held-out run (tests/test_events_snippet_floors.py)
    ("Angry villagers beat to death a man accused of stealing a goat.", "Mob violence"),
    ("An irate crowd attacked two men at the bus park, injuring both.", "Mob violence"),
    ("Gunmen shot dead a town councillor outside a mosque.", "Attack"),
    ("The militia said it was dissolving its youth wing.", "Change to group/activity"),
    ("Rebels opened a training camp near the border.", "Headquarters or base established"),
    ("Government troops took back the airport from the insurgents.", "Government regains territory"),
    ("Gunmen took over the police station in the town.", "Non-state actor overtakes territory"),
    ("Police beat marchers so badly that five were hospitalised.",
     "Excessive force against protesters"),
    ("Protesters attacked the offices of the ruling party in the city.", "Violent demonstration"),
    ("Fighter jets carried out raids on militant hideouts in the valley.", "Air/drone strike"),
    ("Militiamen carried off cattle and grain from the village.", "Looting/property destruction"),
    ("Investigators found a mass grave near the former front line.", "Other"),
    ("A militia and armed vigilantes clashed near the village, leaving six dead.", "Armed clash"),
])
def test_generalised_rules(detect, text, expected):
    assert expected in _types(_events(detect, text)), _events(detect, text)


def test_disaster_damage_is_not_property_destruction(detect):
    text = "A strong earthquake struck the region, destroying hundreds of homes."
    assert not any(e.event_type for e in _events(detect, text))


def test_owner_of_a_taken_facility_is_actor2(detect):
    text = ("Militants seized weapons from a Russian military base near the town. "
            "Russian troops had left in a hurry.")
    events = _events(detect, text, {"Militants": ("Islamic State", 2),
                                    "Russian troops": ("Military Forces of Russia", 8)})
    looted = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert looted and looted[0].actor2 is not None
    assert looted[0].actor2.name == "Military Forces of Russia"
    assert text[looted[0].actor2.start:looted[0].actor2.end] == "Russian"


def test_possessor_of_a_facility_is_actor2(detect):
    events = _events(detect, "Islamic State fighters overran the rebels' camp near the town.",
                     {"Islamic State fighters": ("Islamic State", 2), "rebels": ("Rebels", 2)})
    assert any(e.actor2 is not None and e.actor2.name == "Rebels" for e in events), events


def test_facility_without_a_known_owner_leaves_actor2_open(detect):
    events = _events(detect, "Islamic State fighters captured a military base near the town.",
                     {"Islamic State fighters": ("Islamic State", 2)})
    assert events and all(e.actor2 is None for e in events)


def test_two_demonstrations_keep_their_own_sub_event_types(detect):
    # an article telling an authorised rally and, elsewhere, a march the police broke up: the
    # rally is not typed as the forceful one
    text = ("Police fired tear gas and detained dozens of protesters who marched in Ankara on "
            "Sunday. The governor had banned all gatherings in the city. In Istanbul, thousands "
            "gathered peacefully in an authorised rally to celebrate May Day.")
    types = _types(_events(detect, text))
    assert "Peaceful protest" in types, types
    assert types & {"Protest with intervention", "Excessive force against protesters"}, types


def test_the_month_of_march_is_no_demonstration(detect):
    # "March 21" named no crowd: the detention is an arrest, not an arrest at a demonstration
    events = _events(detect, "Later on, his sister was arrested by police on March 21, 2022, in Delhi.")
    assert _types(events) == {"Arrests"}, _types(events)
    assert "protester" in detect.roles("a march through the city")


def test_a_clause_opener_ends_the_phrase_before_the_subject(detect):
    # "on patrol in Lahore when gunmen ... attacked": gunmen open a clause, they are no object
    # of "in"; "between the army and militants" still is one phrase
    text = "Two policemen were on patrol in Lahore when gunmen attacked them."
    (event,) = _events(detect, text, {"policemen": ("Police Forces of Pakistan", 1),
                                      "gunmen": ("Unidentified Armed Group (Pakistan)", 3)})
    assert event.actor1.name == "Unidentified Armed Group (Pakistan)"


def test_a_clause_opener_ends_the_verb_s_object(detect):
    # "were killed when gunmen opened fire": the gunmen open another clause, they are not whom
    # "killed" killed
    text = "Four shopkeepers were killed when gunmen opened fire on their shop on Monday."
    events = _events(detect, text, {"gunmen": ("Unidentified Armed Group (Pakistan)", 3)})
    assert events and all(e.actor2 is None or e.actor2.inter != 3 for e in events)
    # ... they are who did it, the subject of the clause that tells how
    (killed,) = [e for e in events if e.trigger.text == "killed"]
    assert killed.actor1.name == "Unidentified Armed Group (Pakistan)"
    assert any("clause that tells how" in reason for reason in killed.reasons)


def test_role_words_are_found_as_by_scanning_every_list():
    """The role word lists, narrowed by their first letters, find exactly what scanning every
    list finds: in the whole sentence and nearest either end of a clause."""
    stage = DetectEvents()
    texts = ["Soldiers opened fire on protesters outside the governor's office.",
             "the rebels", "A police officer and two civilians were wounded near the market",
             "Unknown gunmen abducted a local councillor and a teacher on Monday",
             "Rioters torched vehicles; the army said its troops killed three militants.",
             "", "İstanbul police", "weapons and ammunition seized from the insurgents' camp"]
    for text in texts:
        hits = [(m.start(), m.end(), name) for name, pattern in stage.lexicon.roles.items()
                for m in pattern.finditer(text)]
        assert stage.roles(text) == {name for _, _, name in hits}, text
        for from_end in (True, False):
            expected = set()
            if hits:
                if from_end:
                    anchor = max(end for _, end, _ in hits)
                    expected = {name for _, end, name in hits if end >= anchor - 20}
                else:
                    anchor = min(start for start, _, _ in hits)
                    expected = {name for start, _, name in hits if start <= anchor + 20}
            assert stage._nearest_roles(text, from_end) == expected, text
    assert stage.roles("Soldiers opened fire on protesters") >= {"state", "protester"}
