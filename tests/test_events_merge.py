"""merge_events: which mentions are one happening, and what the merged event keeps."""

from __future__ import annotations

from dataclasses import replace

from sitrep.events.lexicon import load_lexicon
from sitrep.events.merge import merge_events, same_event, trigger_clause
from sitrep.model import Actor, Event, Place, Span


def _mention(start: int, confidence: float = 0.7, **fields) -> Event:
    return Event("Strategic developments", "Looting/property destruction", "SEIZE",
                 cameo_root="17", evidence=(Span(start, start + 5, "x" * 5),),
                 confidence=confidence, trigger=Span(start, start + 1, "x"), **fields)


def test_own_time_words_beat_the_publication_date_fallback():
    # the more confident mention has only the fallback (publication date, precision 3, no words)
    fallback = _mention(0, 0.9, event_date="2016-12-13", time_precision=3)
    dated = _mention(20, 0.6, event_date="2016-12-12", time_precision=1, date_text="on Monday")
    for events in ([fallback, dated], [dated, fallback]):
        (merged,) = merge_events(events)
        assert (merged.event_date, merged.time_precision, merged.date_text) == (
            "2016-12-12", 1, "on Monday")


def test_coarser_date_never_overwrites_a_finer_one():
    day = _mention(0, 0.9, event_date="2016-12-12", time_precision=1, date_text="on Monday")
    week = _mention(20, 0.6, event_date="2016-12-12", time_precision=2, date_text="last week")
    (merged,) = merge_events([week, day])
    assert (merged.event_date, merged.time_precision, merged.date_text) == (
        "2016-12-12", 1, "on Monday")


def test_a_month_is_finer_than_a_year_told_with_the_same_precision():
    # both ACLED precision 3, "in 2012" stored on its first day: the month narrows the year
    year = _mention(0, 0.9, event_date="2012-01-01", time_precision=3, date_text="in 2012")
    month = _mention(20, 0.6, event_date="2012-05-01", time_precision=3, date_text="May 2012")
    for events in ([year, month], [month, year]):
        (merged,) = merge_events(events)
        assert (merged.event_date, merged.date_text) == ("2012-05-01", "May 2012")


def test_a_day_inside_a_week_across_a_month_boundary_is_compatible():
    week = _mention(0, event_date="2016-11-28", time_precision=2, date_text="last week")
    day = _mention(20, event_date="2016-12-01", time_precision=1, date_text="on Thursday")
    assert same_event(week, day) and same_event(day, week)
    (merged,) = merge_events([week, day])
    assert merged.date_text == "on Thursday"


def test_a_day_outside_the_week_or_month_is_not_compatible():
    week = _mention(0, event_date="2016-11-28", time_precision=2, date_text="last week")
    later = _mention(20, event_date="2016-12-05", time_precision=1, date_text="on Monday")
    assert not same_event(week, later)
    month = _mention(0, event_date="2016-11-01", time_precision=3, date_text="in November")
    assert same_event(month, _mention(20, event_date="2016-11-30", time_precision=1,
                                      date_text="on Wednesday"))
    assert not same_event(month, later)
    assert not same_event(_mention(0, event_date="2016-12-01", time_precision=1, date_text="a"),
                          _mention(9, event_date="2016-12-02", time_precision=1, date_text="b"))


def test_publication_fallback_covers_the_days_before_publication():
    fallback = _mention(0, event_date="2016-12-02", time_precision=3)
    assert same_event(fallback, _mention(20, event_date="2016-11-28", time_precision=1,
                                         date_text="on Monday"))


def test_a_back_reference_lends_neither_its_date_nor_its_place():
    first_hand = _mention(0, 0.9, event_date="2016-12-10", time_precision=2,
                          date_text="over the weekend")
    # "shortly after the capture of Palmyra" in a sentence dated "on Monday"
    back = _mention(40, 0.5, event_date="2016-12-12", time_precision=1, date_text="on Monday",
                    back_reference=True)
    (merged,) = merge_events([first_hand, back])
    assert merged.date_text == "over the weekend" and len(merged.evidence) == 2


def test_places_of_their_own_in_different_regions_are_different_happenings():
    from sitrep.model import Place

    # regions resolved without a gazetteer id still tell two scenes apart ("in Zamfara state",
    # "from Chibok" in Borno); a country and a town inside it are one scene at two scales
    zamfara = Place(0, 7, "Zamfara", "Zamfara State", None, 12.18, 6.25, "Nigeria", "NGA",
                    admin1="Zamfara", feature_code="ADM1", geo_precision=3)
    chibok = Place(0, 6, "Chibok", "Chibok", 2346076, 10.87, 12.84, "Nigeria", "NGA",
                   admin1="Borno", geo_precision=1)
    nigeria = Place(0, 7, "Nigeria", "Nigeria", 2328926, 9.0, 8.0, "Nigeria", "NGA",
                    feature_code="PCLI", geo_precision=3)
    gusau = Place(0, 5, "Gusau", "Gusau", 2339354, 12.17, 6.66, "Nigeria", "NGA",
                  admin1="Zamfara", geo_precision=1)

    def at(start, place):
        return _mention(start, event_date="2021-02-26", time_precision=1, date_text="Friday",
                        location=place, location_source="sentence")

    assert not same_event(at(0, zamfara), at(20, chibok))
    assert same_event(at(0, zamfara), at(20, nigeria))
    assert same_event(at(0, zamfara), at(20, gusau))


def test_a_vague_first_mention_does_not_gather_mentions_that_tell_each_other_apart():
    from sitrep.model import Place

    # "abductions of school children in Nigeria" (the most confident), "276 schoolgirls were
    # kidnapped from a school in Chibok" (Borno) and "kidnapped nearly 300 schoolgirls ... in
    # Jangebe, Zamfara state": each of the two agrees with the first, not with each other
    nigeria = Place(0, 7, "Nigeria", "Nigeria", 2328926, 9.0, 8.0, "Nigeria", "NGA",
                    feature_code="PCLI", geo_precision=3)
    chibok = Place(0, 6, "Chibok", "Chibok", 2346076, 10.87, 12.84, "Nigeria", "NGA",
                   admin1="Borno", geo_precision=1)
    jangebe = Place(0, 7, "Jangebe", "Jangebe", None, 12.4, 6.5, "Nigeria", "NGA",
                    admin1="Zamfara", geo_precision=1)

    def at(start, place, confidence):
        return _mention(start, confidence, event_date="2021-02-01", time_precision=3,
                        date_text="February 2021", location=place, location_source="sentence")

    mentions = [at(0, nigeria, 0.9), at(20, chibok, 0.8), at(40, jangebe, 0.7)]
    for events in (mentions, mentions[::-1]):
        merged = merge_events(events)
        assert [[span.start for span in event.evidence] for event in merged] == [[0, 20], [40]]


def test_a_time_told_from_another_happening_ends_the_evidence():
    # "The executions on Saturday were announced a day after the release of ... Badawi": the
    # release is another happening (here not even extracted), so the executions' evidence stops
    # before it; a sentence with no such time keeps its whole length
    text = ("The executions on Saturday were announced a day after the release of blogger "
            "Raif Badawi.")
    trigger = text.index("executions")
    event = Event("Violence against civilians", "Attack", "ASSAULT",
                  evidence=(Span(100, 100 + len(text), text),), confidence=0.7,
                  trigger=Span(100 + trigger, 100 + trigger + 10, "executions"))
    (merged,) = merge_events([event])
    assert [span.text for span in merged.evidence] == [
        "The executions on Saturday were announced"]
    assert merged.evidence[0].start == 100
    plain = replace(event, evidence=(Span(100, 140, "The executions were announced on Saturday"),))
    assert merge_events([plain])[0].evidence == plain.evidence
    # the other happening told first ("Two days after the arrest, police shot ..."): kept whole
    later = "Two days after the arrest, police shot a protester in the town square."
    shot = Event("Violence against civilians", "Attack", "ASSAULT", confidence=0.7,
                 evidence=(Span(0, len(later), later),),
                 trigger=Span(later.index("shot"), later.index("shot") + 4, "shot"))
    assert merge_events([shot])[0].evidence == shot.evidence


def test_decision_fields_round_trip_but_stay_out_of_the_contract():
    event = _mention(0, back_reference=True, location_source="sentence", modality_cue="denied",
                     modality="negated")
    assert Event.from_dict(event.to_dict()) == event
    contract = event.to_contract()
    assert not {"back_reference", "location_source", "modality_cue", "reasons"} & set(contract)
    assert Event.from_dict({"event_type": None, "sub_event_type": None,
                            "plover_type": "CONSULT"}).back_reference is False


def _clause(sentence: str, trigger: str, offset: int = 100) -> str:
    start = sentence.index(trigger)
    event = Event("Violence against civilians", "Abduction/forced disappearance", "ASSAULT",
                  evidence=(Span(offset, offset + len(sentence), sentence),),
                  trigger=Span(offset + start, offset + start + len(trigger), trigger))
    (span,) = trigger_clause(event).evidence
    assert sentence[span.start - offset:span.end - offset] == span.text
    return span.text


def test_the_evidence_is_the_clause_of_the_trigger_when_a_sentence_tells_several_happenings():
    sentence = ("The latest kidnapping comes three years after 111 schoolgirls were snatched in "
                "Dapchi and nearly seven years after 276 girls were taken from Chibok in a raid "
                "that shocked the world.")
    assert _clause(sentence, "raid") == ("276 girls were taken from Chibok in a raid that "
                                         "shocked the world.")
    assert _clause(sentence, "snatched") == ("111 schoolgirls were snatched in Dapchi and nearly "
                                             "seven years")
    assert _clause("At least nine tribesmen were killed during the operation while four "
                   "others were arrested.", "arrested") == "four others were arrested."
    assert _clause("Protests followed the murder of George Floyd by a police officer as well as "
                   "the fatal police shooting of Breonna Taylor.", "murder") == (
        "Protests followed the murder of George Floyd by a police officer")


def test_a_sentence_of_one_clause_or_a_too_short_clause_stays_whole():
    whole = "Mr Bandarenka, a 31-year-old art teacher, was brutally beaten on 11 November."
    assert _clause(whole, "beaten") == whole
    # "and" between names is no clause break; a two-word clause states nothing of its own
    names = "Police arrested George Floyd and Collins Khosa in the city."
    assert _clause(names, "arrested") == names
    short = "He was arrested; police gave no reason for holding the journalist."
    assert _clause(short, "arrested") == short


def test_only_a_sentence_that_tells_two_happenings_is_cut_into_clauses():
    sentence = "Gunmen killed two villagers while soldiers arrested three suspects."
    whole = (Span(0, len(sentence), sentence),)
    killing = Event("Violence against civilians", "Attack", "ASSAULT", evidence=whole,
                    trigger=Span(7, 13, "killed"))
    arrest = Event("Protests", "Arrests", "COERCE", evidence=whole,
                   trigger=Span(43, 51, "arrested"))
    (alone,) = merge_events([killing])
    assert alone.evidence == whole  # one happening: the sentence still says who and where
    first, second = merge_events([arrest, killing])
    assert [span.text for span in first.evidence] == ["Gunmen killed two villagers"]
    assert [span.text for span in second.evidence] == ["soldiers arrested three suspects."]


# -- explosions inside an armed clash (ACLED: part of the battle) -------------------------------

def _typed(sub_event_type: str, event_type: str, start: int, trigger: str, confidence: float,
           actor1=None, actor2=None, **fields) -> Event:
    return Event(event_type, sub_event_type, "ASSAULT", cameo_root="19",
                 evidence=(Span(start, start + 40, "x" * 40),), confidence=confidence,
                 trigger=Span(start + 2, start + 2 + len(trigger), trigger), actor1=actor1,
                 actor2=actor2, **fields)


def _side(name: str, inter: int) -> Actor:
    return Actor(0, len(name), name, name, "group", inter)


_FIGHTING = load_lexicon().frame("clash").pattern  # what MergeEvents passes


def test_shelling_by_one_side_of_a_clash_is_the_clash():
    # "Rebels and the army clashed near the dam. The army shelled rebel positions."
    rebels, army = _side("Rebels", 2), _side("Army", 1)
    clash = _typed("Armed clash", "Battles", 0, "clashed", 0.75, actor1=rebels)
    shelling = _typed("Shelling/artillery/missile attack", "Explosions/Remote violence", 50,
                      "shelled", 0.8, actor1=army, actor2=rebels)
    for events in ([clash, shelling], [shelling, clash]):
        (merged,) = merge_events(events, _FIGHTING)
        assert merged.sub_event_type == "Armed clash" and merged.event_type == "Battles"
        assert len(merged.evidence) == 2
        assert any("part of the battle" in reason for reason in merged.reasons)
    # without the words of fighting, a clash of one named side is no fight of two sides
    assert len(merge_events([clash, shelling])) == 2


def test_an_explosion_on_others_than_the_sides_stays_its_own_event():
    rebels, army, people = _side("Rebels", 2), _side("Army", 1), _side("Civilians", 7)
    clash = _typed("Armed clash", "Battles", 0, "fighting", 0.75, actor1=rebels, actor2=army)
    # "a car bomb killed shoppers at the market": not a side of the fight
    bomb = _typed("Remote explosive/landmine/IED", "Explosions/Remote violence", 50, "car bomb",
                  0.8, actor2=people)
    assert {e.sub_event_type for e in merge_events([clash, bomb], _FIGHTING)} == {
        "Armed clash", "Remote explosive/landmine/IED"}
    # a clash of one named side leaves one side open, but not to civilians
    half = _typed("Armed clash", "Battles", 0, "clashed", 0.75, actor1=rebels)
    assert len(merge_events([half, replace(bomb, actor1=army)], _FIGHTING)) == 2
    # "in a separate attack": the report tells two happenings
    separate = replace(bomb, actor2=army, evidence=(Span(50, 90, "In a separate attack, a bomb"),))
    assert len(merge_events([clash, separate], _FIGHTING)) == 2


def test_an_attack_of_one_side_does_not_take_in_an_explosion():
    # "Gunmen attacked a shrine on Friday. The attackers threw a bomb as they fled."
    gunmen = _side("Unidentified Armed Group", 3)
    attack = _typed("Armed clash", "Battles", 0, "attacked", 0.7, actor1=gunmen)
    bomb = _typed("Grenade", "Explosions/Remote violence", 50, "threw a bomb", 0.8, actor1=gunmen)
    assert len(merge_events([attack, bomb], _FIGHTING)) == 2


def test_mortars_fired_during_a_gunfight_are_coded_as_the_battle(analyse):
    report, events = analyse(
        "Soldiers and Maoist rebels fought a gun battle near Dantewada on Saturday. The troops "
        "fired mortar shells at the rebels during the gunfight, officials said.")
    assert events[0].event_type == "Battles", [(e.sub_event_type, e.reasons) for e in events]
    assert not any(e.event_type == "Explosions/Remote violence" for e in events)


def test_a_suicide_bombing_followed_by_a_gunfight_stays_the_suicide_bomb():
    # "A suicide bomber blew himself up at the police post; the police then shot his accomplices"
    police, attackers = _side("Police", 1), _side("Attackers", 3)
    bombing = _typed("Suicide bomb", "Explosions/Remote violence", 0, "blew himself up", 0.9,
                     actor1=attackers, actor2=police)
    gunfight = _typed("Armed clash", "Battles", 50, "gunfight", 0.7, actor1=police,
                      actor2=attackers)
    assert {e.sub_event_type for e in merge_events([bombing, gunfight], _FIGHTING)} == {
        "Suicide bomb", "Armed clash"}


def _actor(name: str, actor_id: str) -> Actor:
    return Actor(0, len(name), name.lower(), name=name, actor_id=actor_id)


def _arrest(start: int, actor1, actor2, text: str | None = None) -> Event:
    text = text or "x" * 30
    return Event("Protests", "Arrests", "COERCE", actor1=actor1, actor2=actor2,
                 evidence=(Span(start, start + len(text), text),), confidence=0.7,
                 trigger=Span(start + 1, start + 3, "ar"))


def test_generic_roles_of_one_country_are_one_party():
    # "the authorities detained the activist" and "police arrested the blogger": the state and
    # the people it arrested, told at two levels of detail, are one party on each side
    police, government = (_actor("Police Forces of Kenya", "KEN:COP"),
                          _actor("Government of Kenya", "KEN:GOV"))
    civilians, protesters = (_actor("Civilians (Kenya)", "KEN:civilian"),
                             _actor("Protesters (Kenya)", "KEN:protester"))
    assert same_event(_arrest(0, police, civilians), _arrest(50, government, protesters))
    assert len(merge_events([_arrest(0, police, civilians),
                             _arrest(50, government, protesters)])) == 1
    # unidentified armed men are not the police; a role of another country is another party
    gunmen = _actor("Unidentified Armed Group (Kenya)", "KEN:armed")
    assert not same_event(_arrest(0, police, civilians), _arrest(50, gunmen, civilians))
    uganda = _actor("Police Forces of Uganda", "UGA:COP")
    assert not same_event(_arrest(0, police, civilians), _arrest(50, uganda, civilians))
    # two named parties stay two
    assert not same_event(_arrest(0, _actor("Al-Shabaab", "al-shabaab"), civilians),
                          _arrest(50, _actor("ISIS", "isis"), civilians))


def test_two_triggers_of_one_clause_are_one_happening_whatever_sides_each_reads():
    # "Police detained a student at the ministry, holding him overnight": 'detained' reads the
    # police as actor1, 'holding' (its subject out of reach) the student; one clause, one
    # happening
    clause = "Police detained a student at the ministry, holding him overnight."
    police = _actor("Police Forces of Kenya", "KEN:COP")
    student = _actor("Civilians (Kenya)", "KEN:civilian")
    detained = _arrest(0, police, student, clause)
    holding = replace(detained, actor1=student, actor2=None,
                      trigger=Span(43, 50, "holding"), confidence=0.6)
    assert not same_event(detained, holding)   # the sides alone would keep them apart
    for events in ([detained, holding], [holding, detained]):
        (merged,) = merge_events(events)
        assert merged.actor1 == police and merged.evidence == detained.evidence
    # the same readings in two sentences are two mentions that the sides still tell apart
    elsewhere = replace(holding, evidence=(Span(100, 130, "y" * 30),),
                        trigger=Span(101, 108, "holding"))
    assert len(merge_events([detained, elsewhere])) == 2


def test_the_crowd_and_the_forces_of_a_broken_up_protest_may_come_in_either_order():
    # "Police detained protesters in the square on Monday" (read from 'detained': the police
    # first) and "Protesters were dragged away by police" (read from 'Protesters': the crowd
    # first): the two sides of one intervention, in two sentences
    police = _actor("Police Forces of Kenya", "KEN:COP")
    crowd = _actor("Protesters (Kenya)", "KEN:protester")
    detained = replace(_arrest(0, police, crowd), event_type="Protests",
                       sub_event_type="Protest with intervention", plover_type="PROTEST")
    dragged = replace(detained, actor1=crowd, actor2=police, confidence=0.6,
                      evidence=(Span(100, 130, "y" * 30),), trigger=Span(101, 111, "protesters"))
    assert same_event(detained, dragged) and len(merge_events([detained, dragged])) == 1
    # an arrest has a side that acts and a side that is acted on: never swapped
    arrest, reversed_arrest = _arrest(0, police, crowd), _arrest(50, crowd, police)
    assert not same_event(arrest, reversed_arrest)


def test_grenades_thrown_with_guns_at_a_post_are_the_battle(analyse):
    # firearms beside the explosives: the attack on the post is a fight, the grenades its means
    report, events = analyse("Militants attacked a police post with guns and grenades near "
                             "Bannu on Monday.")
    assert events[0].sub_event_type == "Armed clash", [
        (e.sub_event_type, e.reasons) for e in report.events]
    assert not any(e.event_type == "Explosions/Remote violence" for e in events)
    # grenades alone stay remote violence
    _, alone = analyse("Militants lobbed a grenade at a police post near Bannu on Monday.")
    assert alone[0].sub_event_type == "Grenade"


# -- phases of one story told in one sentence stay apart -----------------------------------------

def _cut(sentence: str, trigger: str, occurrence: int = 0, offset: int = 50) -> str:
    """The evidence merge_events keeps for a lone mention whose trigger is the ``occurrence``-th
    ``trigger`` of ``sentence`` (offsets kept true to the text)."""
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(trigger, start + 1)
    event = Event("Violence against civilians", "Abduction/forced disappearance", "COERCE",
                  evidence=(Span(offset, offset + len(sentence), sentence),), confidence=0.7,
                  trigger=Span(offset + start, offset + start + len(trigger), trigger))
    (merged,) = merge_events([event])
    (span,) = merged.evidence
    assert sentence[span.start - offset:span.end - offset] == span.text
    return span.text


def test_a_later_phase_told_after_the_trigger_ends_the_evidence():
    # the release, the charge, the trial are other happenings of the story, extracted or not
    assert _cut("Last month 40 farmers were seized near Gusau and later released after a ransom "
                "was paid.", "seized") == "Last month 40 farmers were seized near Gusau"
    assert _cut("Rebels took six engineers from the dam site in June, who were freed two weeks "
                "later.", "took") == "Rebels took six engineers from the dam site in June"
    assert _cut("Gunmen kidnapped a priest in Enugu on Sunday, before being caught by vigilantes.",
                "kidnapped") == "Gunmen kidnapped a priest in Enugu on Sunday"
    assert _cut("They decried the abduction of two reporters in Goma and the subsequent arrest of "
                "their editor.", "abduction") == ("They decried the abduction of two reporters "
                                                   "in Goma")
    # no later phase: the sentence stays whole, whatever its connectives
    whole = "Gunmen seized the two engineers and their driver on the road to Bunia on Monday."
    assert _cut(whole, "seized") == whole


def test_the_later_phase_keeps_only_its_own_part_of_the_sentence():
    sentence = ("Forty farmers were seized near Gusau last month and later released by the "
                "army in Tsafe.")
    assert _cut(sentence, "released") == "released by the army in Tsafe."


def test_an_act_a_court_judged_starts_after_the_court_decision():
    # the sentence is the court's happening; the killing it was for is another, earlier one
    assert _cut("A militia leader was sentenced to life in prison in 2019 for the massacre of 30 "
                "villagers in Djugu.", "massacre") == "for the massacre of 30 villagers in Djugu."
    assert _cut("Two soldiers were convicted in the killing of a student in Bamenda last year.",
                "killing") == "in the killing of a student in Bamenda last year."
    # no court: kept whole
    plain = "A militia attacked the village of Djugu in 2019 and killed 30 villagers there."
    assert _cut(plain, "killed") == plain


def test_a_happening_told_as_earlier_than_the_subject_starts_after_that_time():
    sentence = ("The raid on the market came two weeks after bandits in Sokoto state abducted "
                "19 traders on the highway.")
    assert _cut(sentence, "abducted") == ("bandits in Sokoto state abducted 19 traders on the "
                                          "highway.")


def test_a_happening_a_time_is_told_from_is_its_noun_however_short():
    # "released a day after the Kaduna abduction": the release is the sentence's happening, the
    # abduction only named; its evidence is that name, not the release and its count
    sentence = "The 27 farmers were released a day after the Kaduna abduction."
    assert _cut(sentence, "abduction") == "the Kaduna abduction."
    assert _cut("Her car was found in a field two days after she disappeared.",
                "disappeared") == "she disappeared."
    # one word is no telling of its own: the sentence stays whole
    lone = "The 27 farmers were set free a day after abduction."
    assert _cut(lone, "abduction") == lone


def test_people_detained_along_with_victims_of_another_act_are_two_clauses():
    sentence = ("The party's lawyer was detained on Monday, along with four students beaten by "
                "soldiers at a checkpoint in March.")
    whole = (Span(0, len(sentence), sentence),)
    arrest = Event("Protests", "Arrests", "COERCE", evidence=whole, confidence=0.8,
                   trigger=Span(sentence.index("detained"), sentence.index("detained") + 8,
                                "detained"))
    beating = Event("Violence against civilians", "Attack", "ASSAULT", evidence=whole,
                    confidence=0.7, trigger=Span(sentence.index("beaten"),
                                                 sentence.index("beaten") + 6, "beaten"))
    first, second = merge_events([beating, arrest])
    assert [span.text for span in first.evidence] == [
        "The party's lawyer was detained on Monday"]
    assert [span.text for span in second.evidence] == [
        "four students beaten by soldiers at a checkpoint in March."]


def test_a_police_charge_or_an_attempt_is_no_court_decision():
    # "charged", "tried" in the active voice are not a court's: the sentence stays whole
    charge = ("Police charged the students of the teachers' college when they marched over the "
              "bridge and detained ten of them.")
    assert _cut(charge, "detained") == charge
    attempt = ("The crowd tried to push over the barriers of the ministry and stormed the "
               "building.")
    assert _cut(attempt, "stormed") == attempt
    assert _cut("The two men were later charged over the abduction of a pastor in Kaduna.",
                "abduction") == "over the abduction of a pastor in Kaduna."


def _told(text: str, trigger: str, offset: int, **fields) -> Event:
    start = offset + text.index(trigger)
    return Event("Protests", "Arrests", "ARREST", cameo_root="173",
                 evidence=(Span(offset, offset + len(text), text),),
                 trigger=Span(start, start + len(trigger), trigger), **fields)


LAGOS = Place(0, 5, "Lagos", name="Lagos", lat=6.45, lon=3.39, country="Nigeria", iso3="NGA",
              geo_precision=1)
LONDON = Place(0, 7, "Britain", name="United Kingdom", country="United Kingdom", iso3="GBR",
               geo_precision=3)


def test_an_arrest_named_again_as_given_is_the_arrest_told_before_it():
    first = _told("Police in Lagos arrested the journalist Ade Bello on Monday.", "arrested", 0,
                  confidence=0.9, event_date="2021-03-01", time_precision=1, date_text="on Monday",
                  location=LAGOS, location_source="sentence",
                  actor1=_actor("Police Forces of Nigeria", "NGA:COP"))
    reaction = _told("Britain said the arrest was a pretext to silence the press.", "arrest", 100,
                     confidence=0.6, event_date="2021-03-04", time_precision=3,
                     location=LONDON, location_source="sentence",
                     actor1=_actor("Police Forces of the United Kingdom", "GBR:COP"))
    possessive = _told("His arrest comes amid a crackdown in the capital.", "arrest", 200,
                       confidence=0.6, event_date="2021-03-04", time_precision=3)
    for events in ([first, reaction, possessive], [possessive, reaction, first]):
        (merged,) = merge_events(events)
        assert merged.location == LAGOS and merged.event_date == "2021-03-01"
        assert merged.actor1.name == "Police Forces of Nigeria"
        assert len(merged.evidence) == 3


def test_a_given_arrest_with_its_own_time_or_participants_is_not_taken_as_named_again():
    first = _told("Police in Lagos arrested the journalist Ade Bello on Monday.", "arrested", 0,
                  confidence=0.9, event_date="2021-03-01", time_precision=1, date_text="on Monday",
                  location=LAGOS, location_source="sentence")
    own_day = _told("Britain said last year's arrest was a pretext.", "arrest", 100,
                    confidence=0.6, event_date="2020-01-01", time_precision=3,
                    date_text="last year", location=LONDON, location_source="sentence")
    own_patient = _told("Britain said the arrest of two students was a pretext.", "arrest", 200,
                        confidence=0.6, event_date="2021-03-04", time_precision=3,
                        location=LONDON, location_source="sentence")
    # no mention told before it: a report may open on "the arrest" it then tells
    opening = _told("The arrest shocked the city.", "arrest", 0, confidence=0.6,
                    location=LONDON, location_source="sentence")
    assert len(merge_events([first, own_day, own_patient])) == 3
    (alone,) = merge_events([opening])
    assert alone.location == LONDON


def test_the_day_a_sentence_says_it_was_told_is_a_latest_day():
    # "A man was arrested in Athens, police said on Saturday" (the day is the telling's, no date
    # text, precision 2) and "he was detained on Thursday": by Saturday, so Thursday fits
    told = _mention(0, 0.9, event_date="2019-09-21", time_precision=2)
    thursday = _mention(20, 0.6, event_date="2019-09-19", time_precision=1, date_text="Thursday")
    assert same_event(told, thursday) and same_event(thursday, told)
    (merged,) = merge_events([told, thursday])
    assert merged.date_text == "Thursday"
    # but not a day after it, nor one over a month before it
    assert not same_event(told, _mention(20, event_date="2019-09-23", time_precision=1,
                                         date_text="Monday"))
    assert not same_event(told, _mention(20, event_date="2019-08-01", time_precision=1,
                                         date_text="August 1"))


ABUJA = Place(0, 5, "Abuja", name="Abuja", lat=9.06, lon=7.49, country="Nigeria", iso3="NGA",
              geo_precision=1)


def _bello_arrested() -> Event:
    return _told("Police in Lagos arrested the journalist Ade Bello on Monday.", "arrested", 0,
                 confidence=0.9, event_date="2021-03-01", time_precision=1, date_text="on Monday",
                 location=LAGOS, location_source="sentence")


def test_a_possessive_naming_the_person_is_the_arrest_of_that_person():
    # where the reaction was voiced is no place of the arrest's
    reaction = _told("Officials in Abuja said they supported Bello's arrest.", "arrest", 100,
                     confidence=0.6, event_date="2021-03-04", time_precision=3,
                     location=ABUJA, location_source="sentence")
    for events in ([_bello_arrested(), reaction], [reaction, _bello_arrested()]):
        (merged,) = merge_events(events)
        assert merged.location == LAGOS and len(merged.evidence) == 2
    # someone the arrest told before does not name: another arrest
    other = _told("Officials in Abuja said they supported Okoro's arrest.", "arrest", 100,
                  confidence=0.6, event_date="2021-03-04", time_precision=3,
                  location=ABUJA, location_source="sentence")
    assert len(merge_events([_bello_arrested(), other])) == 2


def test_a_possessive_pronoun_names_again_only_the_one_arrest_told_before_it():
    reaction = _told("Officials in Abuja said his arrest was lawful.", "arrest", 200,
                     confidence=0.6, event_date="2021-03-04", time_precision=3,
                     location=ABUJA, location_source="sentence")
    (merged,) = merge_events([_bello_arrested(), reaction])
    assert merged.location == LAGOS
    # two people arrested the same day in two towns: whose arrest "his" is is not known
    second = _told("Police in Abuja arrested the lawyer Sani Musa on Monday.", "arrested", 100,
                   confidence=0.8, event_date="2021-03-01", time_precision=1,
                   date_text="on Monday", location=ABUJA, location_source="sentence")
    in_lagos = replace(reaction, location=LAGOS)
    assert len(merge_events([_bello_arrested(), second, in_lagos])) == 2
    # told apart from both arrests by its own place: the third stays apart
    assert len(merge_events([_bello_arrested(), second,
                             replace(reaction, location=Place(0, 4, "Kano", name="Kano",
                                                              lat=12.0, lon=8.52, country="Nigeria",
                                                              iso3="NGA", geo_precision=1))])) == 3


def test_a_possessive_day_names_again_the_arrest_of_that_day():
    monday = _told("Officials in Abuja said Monday's arrest was lawful.", "arrest", 100,
                   confidence=0.6, event_date="2021-03-01", time_precision=1,
                   date_text="Monday", location=ABUJA, location_source="sentence")
    (merged,) = merge_events([_bello_arrested(), monday])
    assert merged.location == LAGOS
    tuesday = _told("Officials in Abuja said Tuesday's arrest was lawful.", "arrest", 100,
                    confidence=0.6, event_date="2021-03-02", time_precision=1,
                    date_text="Tuesday", location=ABUJA, location_source="sentence")
    assert len(merge_events([_bello_arrested(), tuesday])) == 2


def test_a_separate_statement_about_the_arrest_names_it_again():
    statement = _told("In a separate statement, the union in Abuja condemned the arrest.",
                      "arrest", 100, confidence=0.6, event_date="2021-03-04", time_precision=3,
                      location=ABUJA, location_source="sentence")
    (merged,) = merge_events([_bello_arrested(), statement])
    assert merged.location == LAGOS
    raid = _told("In a separate raid, police in Abuja arrested two students.", "arrested", 100,
                 confidence=0.6, event_date="2021-03-01", time_precision=1, date_text="Monday",
                 location=ABUJA, location_source="sentence")
    assert len(merge_events([_bello_arrested(), raid])) == 2
