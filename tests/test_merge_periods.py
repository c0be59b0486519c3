"""Cross-report merging and the days a report's words give an act: a date told as where a period
begins ("since the Feb. 1 coup") is not the day of an act, and a city's protests a day apart
are two demonstrations unless something else they share says they are one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitrep.merge.cross_report import compare, mention_of
from sitrep.merge.mention import since_date
from sitrep.model import Event, Span

from test_merge_incidents import mention

YANGON = dict(iso3="MMR", lat=16.8, lon=96.15, geo_precision=1)


def _told(text: str, date_text: str, day: str = "2021-02-01") -> Event:
    return Event("Strategic developments", "Arrests", "COERCE", event_date=day,
                 time_precision=1, date_text=date_text, evidence=(Span(0, len(text), text),))


def test_a_date_told_as_where_a_period_begins_is_the_period_up_to_the_report():
    text = "Security forces have detained more than 2,900 people since the Feb. 1 coup."
    aggregate = replace(_told(text, "Feb. 1"), trigger=Span(21, 29, "detained"))
    text = "at least 60 members of the media arrested since the military seized control in a " \
           "February 1 coup"
    seized = replace(_told(text, "February 1"), trigger=Span(33, 41, "arrested"))
    assert since_date(aggregate) and since_date(seized)
    told = mention_of("e1", "g1", aggregate, published="2021-03-28")
    assert (told.first_day, told.last_day) == (date(2021, 2, 1), date(2021, 3, 28))
    assert not told.exact_day and not told.within_month
    # the day of an act, a "since" outside the date's clause, the act itself after "since" ("not
    # seen since her detention on February 1") or after the date ("... when the military seized
    # power"), and a mention with no trigger, stay the day
    seen = "She has not been seen in public since her detention on February 1."
    detention = replace(_told(seen, "February 1"),
                        trigger=Span(seen.index("detention"), seen.index(" on"), "detention"))
    coup = "not seen since her detention on February 1 when the military seized power."
    coup_day = replace(_told(coup, "February 1"),
                       trigger=Span(coup.index("seized"), coup.index(" power"), "seized"))
    for event in (_told("Police arrested Aung San Suu Kyi on Feb. 1.", "Feb. 1"), coup_day,
                  _told("He has not been seen since. Police arrested him on Feb. 1.", "Feb. 1"),
                  detention):
        assert not since_date(event)
        assert mention_of("e2", "g2", event, published="2021-03-28").exact_day
    assert not since_date(replace(aggregate, trigger=None))
    # with no publication date the day is kept (no period can be bounded)
    assert mention_of("e3", "g3", aggregate).exact_day


def test_an_aggregate_since_a_day_does_not_join_the_act_of_that_day_by_day_and_place():
    arrest = mention("e1", "g1", "Arrests", "2021-02-01", place=YANGON)
    aggregate = replace(mention("e2", "g2", "Arrests", "2021-02-01", place=YANGON),
                        last_day=date(2021, 3, 28))
    assert compare(arrest, replace(aggregate, last_day=date(2021, 2, 1))).link
    result = compare(arrest, aggregate)
    assert not result.link and result.conflict is None
    # the person both name still joins them
    named = compare(replace(arrest, names=frozenset({"ki"})),
                    replace(aggregate, names=frozenset({"ki"})))
    assert named.link


def test_protests_a_day_apart_in_one_city_are_two_demonstrations():
    def protest(event_id, group, day, sub_type="Peaceful protest", names=()):
        return mention(event_id, group, sub_type, day, names=names, place=YANGON,
                       family="protest")

    saturday = protest("e1", "g1", "2021-02-27", "Protest with intervention")
    sunday = protest("e2", "g2", "2021-02-28", "Excessive force against protesters")
    result = compare(saturday, sunday)
    assert not result.link and result.conflict is None
    assert "protests a day apart (2021-02-27 / 2021-02-28)" in result.reasons
    # the same day there is one demonstration, whatever intervention each report tells
    assert compare(saturday, replace(sunday, first_day=date(2021, 2, 27),
                                     last_day=date(2021, 2, 27))).link
    # a day apart, a person both name at the same place still joins them ("yesterday")
    assert compare(replace(saturday, names=frozenset({"ki"})),
                   replace(sunday, names=frozenset({"ki"}))).link
    # two days apart they are different days, as for any kind
    assert compare(saturday, replace(sunday, first_day=date(2021, 3, 1),
                                     last_day=date(2021, 3, 1))).conflict
    # arrests a day apart keep the day's tolerance
    assert compare(mention("a1", "h1", day="2021-02-27", place=YANGON),
                   mention("a2", "h2", day="2021-02-28", place=YANGON)).link


def test_an_act_coordinated_with_the_period_after_its_date_is_of_the_period():
    text = ("The junta has detained more than 2,900 people since the Feb. 1 coup and killed "
            "more than 400.")
    killed = replace(_told(text, "Feb. 1"),
                     trigger=Span(text.index("killed"), text.index(" more than 4"), "killed"))
    assert since_date(killed)
    told = mention_of("e1", "g1", killed, published="2021-03-28")
    assert (told.first_day, told.last_day) == (date(2021, 2, 1), date(2021, 3, 28))
    # with an auxiliary after "and" too
    has = text.replace("and killed", "and has killed")
    assert since_date(replace(_told(has, "Feb. 1"), trigger=Span(
        has.index("killed"), has.index(" more than 4"), "killed")))
    # a clause of the date's own tells an act of that day ("when the army seized power and
    # killed ..."), and a noun after "and" is not a coordinated act
    when = ("Police have detained hundreds since February 1, when the army seized power and "
            "killed five people.")
    noun = "Protests have grown since the Feb. 1 coup and the killing of five people."
    for sentence, date_text, word in ((when, "February 1", "killed"),
                                      (noun, "Feb. 1", "killing")):
        at = sentence.index(word)
        event = replace(_told(sentence, date_text), trigger=Span(at, at + len(word), word))
        assert not since_date(event)
        assert mention_of("e2", "g2", event, published="2021-03-28").exact_day
