"""Event dating with ACLED time precision (sitrep/time/date_events.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitrep.model import Actor, Event, Place, Report, Span
from sitrep.time.date_events import DateEvents
from sitrep.time.stage import ResolveTimes

SEED_DAY = date(2016, 12, 13)


def event_at(raw: str, word: str, kind: str = "Armed clash", modality: str = "asserted",
             actor: str | None = None, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = raw.index(word, start + 1)
    return Event(event_type="Battles", sub_event_type=kind, plover_type="ASSAULT",
                 actor1=Actor(0, 0, "", name=actor) if actor else None, modality=modality,
                 trigger=Span(start, start + len(word), word),
                 evidence=(Span(start, start + len(word), word),))


def date_events(raw: str, events: list[Event], published: date | None = SEED_DAY) -> list[Event]:
    report = ResolveTimes()(Report(id="t", raw=raw, published=published))
    report.events = events
    return DateEvents()(report).events


def test_seed_dates():
    raw = ("It followed the surprise seizure of the central Syrian city over the weekend by IS "
           "fighters.\nIt showed a hurried retreat by the Russians, who at the same time were "
           "helping regime troops capture Aleppo city from rebels.\nSyrian rebels fighting IS in "
           "Aleppo province reportedly had two tanks knocked out on Monday by the militants.")
    e1, e3, e4 = date_events(raw, [
        event_at(raw, "seizure", "Non-state actor overtakes territory"),
        event_at(raw, "capture", "Government regains territory"),
        event_at(raw, "knocked out", "Armed clash")])
    assert (e1.event_date, e1.time_precision, e1.date_text) == ("2016-12-10", 2, "the weekend")
    assert (e4.event_date, e4.time_precision, e4.date_text) == ("2016-12-12", 1, "Monday")
    # no time words anywhere near: the publication date, precision lowered to 3, reason kept
    assert (e3.event_date, e3.time_precision, e3.date_text) == ("2016-12-13", 3, None)
    assert any("precision lowered" in reason for reason in e3.reasons)


def test_nearest_expression_in_the_sentence_wins():
    raw = "After talks on Monday, rebels attacked the town on Wednesday."
    (event,) = date_events(raw, [event_at(raw, "attacked")])
    assert (event.event_date, event.date_text) == ("2016-12-07", "Wednesday")


def test_paragraph_sets_the_date_for_a_later_sentence():
    raw = ("On Sunday, gunmen stormed a checkpoint. They killed two guards.\n"
           "Separately, protesters marched in the capital.")
    attack, protest = date_events(raw, [
        event_at(raw, "killed", "Attack"), event_at(raw, "marched", "Peaceful protest")])
    assert (attack.event_date, attack.time_precision) == ("2016-12-11", 1)
    assert "paragraph" in attack.reasons[-1]
    assert protest.time_precision == 3  # another paragraph: its own date is unknown


def test_ranges_and_months():
    raw = ("Airstrikes hit the city in the last 48 hours. Clashes took place last week. "
           "Shelling was reported earlier this month.")
    strikes, clashes, shelling = date_events(raw, [
        event_at(raw, "Airstrikes", "Air/drone strike"), event_at(raw, "Clashes"),
        event_at(raw, "Shelling", "Shelling/artillery/missile attack")])
    assert (strikes.event_date, strikes.time_precision) == ("2016-12-11", 2)
    assert (clashes.event_date, clashes.time_precision) == ("2016-12-05", 2)
    assert (shelling.event_date, shelling.time_precision) == ("2016-12-01", 3)


def test_durations_and_years_do_not_date_events():
    raw = "The group has fought the army since 2011 and held the town for three years."
    (event,) = date_events(raw, [event_at(raw, "fought")])
    assert (event.event_date, event.time_precision) == ("2016-12-13", 3)


def test_headline_takes_its_lead_sentence_date():
    raw = ("Rebels seize town in north\n"
           "Rebels seized the town of Kafr Nabl over the weekend, residents said.")
    headline, lead = date_events(raw, [
        event_at(raw, "seize", "Non-state actor overtakes territory"),
        event_at(raw, "seized", "Non-state actor overtakes territory")])
    assert headline.event_date == lead.event_date == "2016-12-10"


def test_same_story_mentions_share_a_date_but_not_forecasts():
    raw = ("Militants captured the base on Sunday.\nThe booty captured there was shown.\n"
           "The fall of the next base appears imminent.")
    first, retold, forecast = date_events(raw, [
        event_at(raw, "captured", "Looting/property destruction"),
        event_at(raw, "captured", "Looting/property destruction", nth=1),
        event_at(raw, "fall", "Looting/property destruction", modality="future")])
    assert retold.event_date == first.event_date == "2016-12-11"
    assert forecast.time_precision == 3


def test_no_publication_date_leaves_relative_dates_unknown():
    raw = "Rebels attacked on Monday. A bomb exploded on March 3, 2015."
    monday, bomb = date_events(raw, [event_at(raw, "attacked"),
                                     event_at(raw, "bomb", "Remote explosive/landmine/IED")],
                               published=None)
    assert (monday.event_date, monday.time_precision) == (None, None)
    assert (bomb.event_date, bomb.time_precision) == ("2015-03-03", 1)


def test_events_without_positions_and_reports_without_events():
    raw = "Clashes on Monday."
    (event,) = date_events(raw, [Event(event_type="Battles", sub_event_type="Armed clash",
                                       plover_type="ASSAULT")])
    assert event.time_precision == 3
    report = Report(id="t", raw=raw, published=SEED_DAY)
    assert DateEvents()(report).events == []


def test_a_past_year_dates_history_to_that_year_not_the_publication_year():
    raw = "In 2012 soldiers attacked the village. Since 2011 the army has fought the group."
    history, period = date_events(raw, [event_at(raw, "attacked"), event_at(raw, "fought")])
    assert (history.event_date, history.time_precision, history.date_text) == \
        ("2012-01-01", 3, "2012")
    assert "only the year is known" in history.reasons[-1]
    # "since 2011" bounds a period: not the date of anything in it
    assert (period.event_date, period.time_precision) == ("2016-12-13", 3)


def test_a_capitalised_today_after_a_name_is_part_of_the_name():
    raw = "Police arrested Manila Today editor Lady Ann Salem. Today police arrested a lawyer."
    report = ResolveTimes()(Report(id="t", raw=raw, published=SEED_DAY))
    assert [(time.text, time.start) for time in report.times] == [("Today", raw.index(". Today") + 2)]


def test_a_time_of_the_verb_whose_object_the_event_noun_is_does_not_date_the_event():
    from sitrep.model import Token

    raw = "Bachelet on Thursday criticised the detention of Lai."
    words = [("Bachelet", "PROPN", "nsubj", 4), ("on", "ADP", "case", 2),
             ("Thursday", "PROPN", "obl", 3), ("criticised", "VERB", "ROOT", 3),
             ("the", "DET", "det", 5), ("detention", "NOUN", "obj", 3), ("of", "ADP", "case", 7),
             ("Lai", "PROPN", "nmod", 5), (".", "PUNCT", "punct", 3)]
    tokens, at = [], 0
    for text, pos, dep, head in words:
        at = raw.index(text, at)
        tokens.append(Token(at, at + len(text), text, 0, text.lower(), pos, dep, head))
        at += len(text)
    tokens[3] = Token(tokens[3].cstart, tokens[3].cend, "criticised", 0, "criticise", "VERB",
                      "ROOT", 3)
    report = ResolveTimes()(Report(id="t", raw=raw, published=SEED_DAY))
    report.tokens = tokens
    report.events = [event_at(raw, "detention", "Arrests")]
    (event,) = DateEvents()(report).events
    assert (event.event_date, event.time_precision, event.date_text) == ("2016-12-13", 3, None)
    # the same words with the event as the verb: Thursday is its day
    report.events = [event_at(raw, "criticised", "Arrests")]
    (event,) = DateEvents()(report).events
    assert event.event_date == "2016-12-08"


def test_a_year_far_from_the_trigger_in_another_clause_does_not_date_it():
    raw = ("His arrest comes amid a crackdown on the opposition in the city, which has worried "
           "many since it returned to China in 1997.")
    (event,) = date_events(raw, [event_at(raw, "arrest", "Arrests")])
    assert (event.event_date, event.time_precision) == ("2016-12-13", 3)


def test_what_happened_is_never_dated_after_the_report():
    # published Tuesday 2016-12-13: "on December 20" is a later day; an asserted event takes the
    # earlier date of its sentence, a planned one keeps the later date
    raw = "Police detained him on Sunday, ahead of the trial set for December 20."
    (detained,) = date_events(raw, [event_at(raw, "detained", "Arrests")])
    assert detained.event_date == "2016-12-11"
    raw = "He was detained on December 20, his lawyer said."
    (detained,) = date_events(raw, [event_at(raw, "detained", "Arrests")])
    assert detained.event_date is None or detained.event_date <= "2016-12-13"
    (planned,) = date_events(raw, [event_at(raw, "detained", "Arrests", modality="future")])
    assert planned.event_date == "2016-12-20"


def test_a_past_year_next_to_the_trigger_beats_the_sentence_day_of_another_act():
    raw = ("A day earlier, Blinken criticised the acquittal of those involved in the murder of "
           "Pearl in 2002.")
    (murder,) = date_events(raw, [event_at(raw, "murder", "Attack")])
    assert (murder.event_date, murder.time_precision, murder.date_text) == ("2002-01-01", 3, "2002")
    # the day still dates an act it stands nearer to than the year
    raw = "On Monday police arrested the man who led the 2002 riots in 2002."
    (arrest,) = date_events(raw, [event_at(raw, "arrested", "Arrests")])
    assert arrest.event_date == "2016-12-12"


def test_an_event_noun_deep_in_the_object_of_another_verb_is_not_dated_by_its_time():
    from sitrep.model import Token

    raw = "The court on Thursday dismissed appeals against the acquittal in the kidnapping."
    words = [("The", "DET", "det", 1), ("court", "NOUN", "nsubj", 4), ("on", "ADP", "case", 3),
             ("Thursday", "PROPN", "obl", 4), ("dismissed", "VERB", "ROOT", 4),
             ("appeals", "NOUN", "obj", 4), ("against", "ADP", "case", 8), ("the", "DET", "det", 8),
             ("acquittal", "NOUN", "nmod", 5), ("in", "ADP", "case", 11),
             ("the", "DET", "det", 11), ("kidnapping", "NOUN", "nmod", 8),
             (".", "PUNCT", "punct", 4)]
    tokens, at = [], 0
    for text, pos, dep, head in words:
        at = raw.index(text, at)
        tokens.append(Token(at, at + len(text), text, 0, text.lower(), pos, dep, head))
        at += len(text)
    report = ResolveTimes()(Report(id="t", raw=raw, published=SEED_DAY))
    report.tokens = tokens
    report.events = [event_at(raw, "kidnapping", "Abduction/forced disappearance")]
    (event,) = DateEvents()(report).events
    assert (event.event_date, event.time_precision, event.date_text) == ("2016-12-13", 3, None)


def test_a_mention_without_place_or_time_does_not_borrow_one_incident_of_several():
    raw = ("Police detained party leaders in Kanpur on Monday.\n\n"
           "Police detained party workers in Agra.\n\n"
           "A party leader said police detained him.")
    kanpur, agra, told = (event_at(raw, "detained", "Arrests", actor="Police", nth=n)
                          for n in range(3))
    kanpur = replace(kanpur, location=Place(0, 0, "Kanpur", geonameid=1),
                     location_source="sentence")
    agra = replace(agra, location=Place(0, 0, "Agra", geonameid=2), location_source="sentence")
    dated_kanpur, dated_agra, dated_told = date_events(raw, [kanpur, agra, told])
    assert (dated_kanpur.event_date, dated_kanpur.time_precision) == ("2016-12-12", 1)
    # two arrests in two towns, one dated: which one the last sentence tells is not known
    assert (dated_told.event_date, dated_told.time_precision, dated_told.date_text) == \
        ("2016-12-13", 3, None)
    # with only the Kanpur arrests told, it retells them
    _, alone = date_events(raw, [kanpur, told])
    assert (alone.event_date, alone.date_text) == ("2016-12-12", "Monday")


def test_a_body_mention_without_time_words_takes_the_day_of_the_story_its_lead_tells():
    # published Tuesday 13: the lead (under a headline) tells Sunday's attack
    raw = ("Police station attacked\n"
           "Gunmen attacked a police station in Lahore on Sunday.\n\n"
           "The crowd threw petrol bombs at the police.\n\n"
           "Students marched on the campus.")
    attack, bombs = date_events(raw, [event_at(raw, "attacked", "Attack"),
                                      event_at(raw, "threw", "Violent demonstration")])
    assert (attack.event_date, attack.time_precision) == ("2016-12-11", 1)
    # the body's undated mention: the story's day, still no words of its own (precision 3)
    assert (bombs.event_date, bombs.time_precision, bombs.date_text) == ("2016-12-11", 3, None)
    assert "day of the story" in bombs.reasons[-1]
    # a lead whose day is weeks before publication tells no story of the week: publication date
    old = raw.replace("on Sunday", "on November 20")
    _, bombs = date_events(old, [event_at(old, "attacked", "Attack"),
                                 event_at(old, "threw", "Violent demonstration")])
    assert (bombs.event_date, bombs.time_precision, bombs.date_text) == ("2016-12-13", 3, None)


def test_weeks_ago_count_back_from_publication_not_to_a_calendar_monday():
    # published Tuesday 2016-12-13: two weeks ago is Tuesday 29 November, within its week
    raw = "Drone attacks hit the depot two weeks ago. Police detained him last week."
    strike, arrest = date_events(raw, [event_at(raw, "hit", "Air/drone strike"),
                                       event_at(raw, "detained", "Arrests")])
    assert (strike.event_date, strike.time_precision, strike.date_text) == \
        ("2016-11-29", 2, "two weeks ago")
    # "last week" names a calendar week: its Monday
    assert (arrest.event_date, arrest.time_precision) == ("2016-12-05", 2)


def test_a_distance_in_time_between_the_day_and_the_trigger_shifts_the_day():
    # the seed's publication day is Tuesday 2016-12-13: Sunday 11, Friday 9
    raw = "Police raided the office on Sunday, a day after another journalist was detained."
    raid, detention = date_events(raw, [event_at(raw, "raided", "Arrests"),
                                        event_at(raw, "detained", "Arrests")])
    assert (raid.event_date, raid.time_precision) == ("2016-12-11", 1)
    assert (detention.event_date, detention.time_precision) == ("2016-12-10", 1)
    assert "'a day after'" in detention.reasons[-1]
    raw = "The farmer was killed two days after gunmen abducted him on Friday."
    killing, abduction = date_events(raw, [event_at(raw, "killed", "Attack"),
                                           event_at(raw, "abducted", "Abduction/forced "
                                                                     "disappearance")])
    assert (killing.event_date, abduction.event_date) == ("2016-12-11", "2016-12-09")
    raw = "Troops shelled the village two weeks before rebels took the town on Sunday."
    (shelling,) = date_events(raw, [event_at(raw, "shelled", "Shelling/artillery/missile attack")])
    assert (shelling.event_date, shelling.time_precision) == ("2016-11-27", 2)
    # what happened cannot be later than the report: the day stays
    raw = "The farmer was killed a day after gunmen abducted him on Tuesday."
    killing, _ = date_events(raw, [event_at(raw, "killed", "Attack"),
                                   event_at(raw, "abducted", "Abduction/forced disappearance")])
    assert killing.event_date == "2016-12-13"
    # a count of days still names a day
    raw = "They were freed on Friday, 30 days after soldiers detained them."
    _, detention = date_events(raw, [event_at(raw, "freed", "Other"),
                                     event_at(raw, "detained", "Arrests")])
    assert (detention.event_date, detention.time_precision) == ("2016-11-09", 1)


def test_a_period_bound_does_not_date_the_later_sentences_of_its_paragraph():
    # "until early Monday" and "since October" bound a period: what the next sentence tells
    # happened within it, on no day they name; the paragraph's earlier day still dates it
    raw = ("Rioters clashed with police from Saturday evening until early Monday. "
           "They burned down a testing station.")
    (burned,) = date_events(raw, [event_at(raw, "burned", "Violent demonstration")])
    assert (burned.event_date, burned.time_precision, burned.date_text) == \
        ("2016-12-10", 1, "Saturday evening")
    raw = "The army has detained activists since October. Soldiers beat two of them."
    (beat,) = date_events(raw, [event_at(raw, "beat", "Attack")])
    assert (beat.event_date, beat.time_precision, beat.date_text) == ("2016-12-13", 3, None)
    assert "publication date" in beat.reasons[-1]
    # a month that is no bound still dates the sentences after it
    plain = raw.replace("since October", "in October")
    (beat,) = date_events(plain, [event_at(plain, "beat", "Attack")])
    assert (beat.event_date, beat.time_precision, beat.date_text) == \
        ("2016-10-01", 3, "October")


def test_a_span_of_days_does_not_date_the_later_sentences_of_its_paragraph():
    # "last week" and "over the weekend" name a span, no day the story goes on from: what a later
    # sentence tells is left to the fallbacks (here the publication date, precision 3)
    raw = ("Police arrested four journalists last week. The arrests drew protests abroad.")
    arrested, protests = date_events(raw, [event_at(raw, "arrested", "Arrests"),
                                           event_at(raw, "protests", "Peaceful protest")])
    assert (arrested.event_date, arrested.time_precision, arrested.date_text) == \
        ("2016-12-05", 2, "last week")
    assert (protests.event_date, protests.time_precision, protests.date_text) == \
        ("2016-12-13", 3, None)
    assert "publication date" in protests.reasons[-1]
    raw = "Gunmen stormed a village over the weekend. They abducted ten farmers."
    (abducted,) = date_events(raw, [event_at(raw, "abducted", "Abduction/forced disappearance")])
    assert (abducted.time_precision, abducted.date_text) == (3, None)
    # a day of an earlier sentence still dates it
    day = raw.replace("over the weekend", "on Saturday")
    (abducted,) = date_events(day, [event_at(day, "abducted", "Abduction/forced disappearance")])
    assert (abducted.event_date, abducted.time_precision, abducted.date_text) == \
        ("2016-12-10", 1, "Saturday")
