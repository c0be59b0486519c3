"""Cross-report merging: comparisons and their reasons, the hard cases that must stay apart,
families of kinds, order-independent clustering and reconciliation. The store side (idempotent
re-runs, reversed input, `sitrep show`, blocking) is in test_merge_store.py."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date

import pytest

from sitrep.merge.cross_report import (OPEN_START, Mention, cluster, compare, compatible_families,
                                         family_of, mention_of)
from sitrep.merge import reconcile as reconciling
from sitrep.model import Event, Place, Span

MINSK = dict(iso3="BLR", lat=53.9, lon=27.567, geo_precision=1)
GRODNO = dict(iso3="BLR", lat=53.684, lon=23.834, geo_precision=1)


def mention(event_id: str, group: str, sub_type: str = "Arrests", day: str | None = "2021-05-23",
            names=(), place=MINSK, family: str | None = None) -> Mention:
    first = date.fromisoformat(day) if day else None
    return Mention(event_id, group, family or {"Arrests": "detention"}.get(sub_type, sub_type),
                   sub_type, "asserted", place.get("iso3"), first, first, place.get("lat"),
                   place.get("lon"), place.get("geo_precision"), frozenset(names))


def test_same_person_same_day_is_one_incident_with_reasons():
    result = compare(mention("e1", "g1", names={"protasevich"}),
                     mention("e2", "g2", names={"protasevich"}, day="2021-05-24"))
    assert result.link and result.conflict is None
    assert "same person named: protasevich" in result.reasons
    assert "dates 2021-05-23 vs 2021-05-24" in result.reasons


@pytest.mark.parametrize("first, second, why", [
    # the same person arrested twice, months apart
    (mention("e1", "g1", names={"protasevich"}),
     mention("e2", "g2", names={"protasevich"}, day="2022-01-10"), "different days"),
    # a court hearing about an earlier arrest: another kind of act
    (mention("e1", "g1", names={"protasevich"}),
     mention("e2", "g2", "SANCTION", day="2021-06-03", names={"protasevich"}), "different kinds"),
    # the same town on different days
    (mention("e1", "g1"), mention("e2", "g2", day="2021-05-27"), "different days"),
    # the same day in different towns (Minsk and Grodno are 250 km apart)
    (mention("e1", "g1"), mention("e2", "g2", place=GRODNO), "different places"),
    # two people arrested the same day in the same town, each named
    (mention("e1", "g1", names={"protasevich"}), mention("e2", "g2", names={"sapega"}),
     "different people named"),
])
def test_hard_cases_stay_apart(first, second, why):
    result = compare(first, second)
    assert not result.link
    assert result.conflict.startswith(why)
    assert compare(second, first).conflict == result.conflict


def test_reports_of_one_protest_that_name_different_people_are_one_demonstration():
    # "Thousands marched in Minsk against Lukashenko" / "Kolesnikova addressed the crowd in
    # Minsk": one place, one day, the people named are not what tells the protest apart
    march = compare(mention("e1", "g1", "Peaceful protest", names={"lukasenka"},
                            family="protest"),
                    mention("e2", "g2", "Peaceful protest", names={"kolesnikova"},
                            family="protest"))
    assert march.link and march.conflict is None
    # two arrests there that day, each of someone else, stay two
    assert compare(mention("e1", "g1", names={"lukasenka"}),
                   mention("e2", "g2", names={"kolesnikova"})).conflict.startswith(
        "different people named")


def test_same_type_day_and_place_join_without_names_but_a_month_does_not():
    assert compare(mention("e1", "g1"), mention("e2", "g2")).link
    coarse = Mention("e2", "g2", "detention", "Arrests", "asserted", "BLR",
                     date(2021, 5, 1), date(2021, 5, 31), 53.9, 27.567, 1)
    result = compare(mention("e1", "g1"), coarse)
    assert not result.link and result.conflict is None  # not enough, but not a contradiction


def test_the_same_region_on_the_same_day_joins_the_same_sub_type_only():
    # "317 girls were kidnapped in Zamfara state" and "Gunmen abducted girls from a school in
    # Jangebe" (Zamfara): one act, one region, one day; an ASSAULT that day there is not enough
    zamfara = dict(iso3="NGA", lat=12.1, lon=6.2, geo_precision=3, admin1="Zamfara")
    jangebe = dict(iso3="NGA", lat=12.4, lon=6.8, geo_precision=1, admin1="Zamfara")
    borno = dict(iso3="NGA", lat=11.8, lon=13.1, geo_precision=3, admin1="Borno")
    abduction = "Abduction/forced disappearance"

    def at(event_id, group, place, sub_type=abduction, family="abduction"):
        return Mention(event_id, group, family, sub_type, "asserted", place["iso3"],
                       date(2021, 2, 26), date(2021, 2, 26), place["lat"], place["lon"],
                       place["geo_precision"], admin1=place["admin1"])

    joined = compare(at("e1", "g1", zamfara), at("e2", "g2", jangebe))
    assert joined.link and "same region Zamfara" in joined.reasons
    assert not compare(at("e1", "g1", zamfara), at("e2", "g2", borno)).link
    assert not compare(at("e1", "g1", zamfara),
                       at("e2", "g2", jangebe, "ASSAULT", "violence")).link
    assert Mention.from_dict(at("e1", "g1", zamfara).to_dict()).admin1 == "Zamfara"


def _links(mentions):
    """Links as the store makes them: between mentions of different reports."""
    links = {}
    for i, first in enumerate(mentions):
        for second in mentions[i + 1:]:
            if first.group == second.group:
                continue
            result = compare(first, second)
            if result.link:
                links[tuple(sorted((first.event_id, second.event_id)))] = result
    return links


def test_clustering_is_order_independent_and_keeps_conflicts_apart():
    mentions = [
        mention("e1", "g1", names={"protasevich"}),
        mention("e2", "g2", names={"protasevich"}),
        mention("e3", "g3"),  # no names: links to both by day and place
        mention("e4", "g4", names={"sapega"}),  # links to e3, conflicts with e1 and e2
        mention("e5", "g5", names={"protasevich"}, day="2022-01-10"),
        # the report of e1 told the arrest twice: joined through e2, which links to both
        mention("e6", "g1", names={"protasevich"}),
        # and an earlier arrest of the same person: never with them, though in e1's report
        mention("e7", "g1", names={"protasevich"}, day="2020-08-09"),
    ]
    expected = cluster(mentions, _links(mentions))
    assert ["e1", "e2", "e3", "e6"] in expected
    assert ["e7"] in expected
    assert all(not {"e1", "e4"} <= set(group) for group in expected)
    assert ["e5"] in expected
    rng = random.Random(13)
    for _ in range(20):
        shuffled = mentions[:]
        rng.shuffle(shuffled)
        links = list(_links(shuffled).items())
        rng.shuffle(links)
        assert cluster(shuffled, dict(links)) == expected


def test_links_of_one_score_are_taken_by_where_they_were_told_not_by_event_id():
    # three reports of arrests in Minsk that day: the first names Protasevich, the second
    # nobody, the third Sapega. The unnamed one links to both with one score, but the two named
    # cannot be one: the earliest report's link is taken first, whatever ids the events got
    # (ids hash an event's values, so re-reading a date changes them)
    def told(ids):
        first = replace(mention(ids[0], "g1", names={"protasevich"}),
                        published="2021-05-23", document="minsk-1")
        unnamed = replace(mention(ids[1], "g2"), published="2021-05-24", document="minsk-2")
        third = replace(mention(ids[2], "g3", names={"sapega"}),
                        published="2021-05-25", document="minsk-3")
        mentions = [first, unnamed, third]
        links = _links(mentions)
        assert len({comparison.score for comparison in links.values()}) == 1
        by_document = {m.event_id: m.document for m in mentions}
        return sorted(sorted(by_document[event_id] for event_id in group)
                      for group in cluster(mentions, links))

    expected = [["minsk-1", "minsk-2"], ["minsk-3"]]
    assert told(["e1", "e2", "e3"]) == expected
    assert told(["e9", "e5", "e2"]) == expected  # by ids, the unnamed one would join the third
    # of the same day, the document, then the place in it: one report names Sapega early on
    # and Protasevich later, each arrested in Minsk that day; an unnamed report links to both
    unnamed = replace(mention("e5", "g1"), published="2021-05-24", document="a")
    early = replace(mention("e9", "g2", names={"sapega"}), published="2021-05-24", document="b",
                    offset=400)
    later = replace(mention("e1", "g2", names={"protasevich"}), published="2021-05-24",
                    document="b", offset=900)
    assert cluster([unnamed, early, later], _links([unnamed, early, later])) == [
        ["e1"], ["e5", "e9"]]
    stored = Mention.from_dict(early.to_dict())
    assert (stored.published, stored.document, stored.offset) == ("2021-05-24", "b", 400)


def test_reconcile_keeps_the_most_precise_and_the_lowest_figure_unless_raised_later():
    minsk = Place(0, 5, "Minsk", "Minsk", 625144, 53.9, 27.567, "Belarus", "BLR", geo_precision=1)
    country = Place(0, 7, "Belarus", "Belarus", 630336, 53.0, 28.0, "Belarus", "BLR",
                    geo_precision=3)
    base = Event("Violence against civilians", "Attack", "ASSAULT", evidence=(Span(0, 5, "Minsk"),))
    testimony = reconciling.Testimony
    first = testimony("e1", Event(**{**_fields(base), "location": country, "fatalities": 2,
                                     "event_date": "2021-05", "time_precision": 3}),
                      "2021-05-24", "wire")
    second = testimony("e2", Event(**{**_fields(base), "location": minsk, "fatalities": 5,
                                      "event_date": "2021-05-23", "time_precision": 1}),
                       "2021-05-30", "follow-up")
    merged = reconciling.reconcile([second, first])
    assert merged.location == minsk and merged.event_date == "2021-05-23"
    assert merged.fatalities == 5
    assert any("raised from 2 by the later report follow-up" in r for r in merged.reasons)
    earlier = testimony("e2", Event(**{**_fields(second.event), "fatalities": 5}), "2021-05-20",
                        "early")
    assert reconciling.reconcile([first, earlier]).fatalities == 2
    # a report that tells no day (its publication date stands in, precision 3, no words) does
    # not date the incident when another report tells one, however coarse
    told = testimony("e3", Event(**{**_fields(base), "event_date": "2018-10-01",
                                    "time_precision": 3, "date_text": "in October 2018"}))
    untold = testimony("e4", Event(**{**_fields(base), "event_date": "2019-11-19",
                                      "time_precision": 3}))
    merged = reconciling.reconcile([untold, told])
    assert (merged.event_date, merged.date_text) == ("2018-10-01", "in October 2018")
    assert reconciling.reconcile([untold]).event_date == "2019-11-19"  # nothing better
    # "in 2018" is stored as precision 3 on its first day, like a month, but spans the year:
    # the month is the finer date, whichever sorts first
    year = testimony("e5", Event(**{**_fields(base), "event_date": "2018-01-01",
                                    "time_precision": 3, "date_text": "in 2018"}))
    for order in ([year, told], [told, year]):
        merged = reconciling.reconcile(order)
        assert (merged.event_date, merged.date_text) == ("2018-10-01", "in October 2018")


def _fields(event: Event) -> dict:
    return {name: getattr(event, name) for name in Event.__slots__}


def _event(sub_type=None, plover="COERCE", mode=None, **fields) -> Event:
    return Event(None, sub_type, plover, plover_mode=mode, **fields)


@pytest.mark.parametrize("first, second, compatible", [
    # reports code one arrest differently: Arrests, a bare PLOVER COERCE-arrest, an abduction
    (_event("Arrests"), _event(None, mode="arrest"), True),
    (_event("Arrests"), _event("Abduction/forced disappearance"), True),
    # an abduction is violence against civilians too (a kidnapping that ends in a killing)
    (_event("Abduction/forced disappearance"), _event("Attack", "ASSAULT"), True),
    (_event("Attack", "ASSAULT"), _event("Armed clash", "ASSAULT"), True),
    # but an arrest is never an attack, a raid never an arrest, a sentence never an arrest
    (_event("Arrests"), _event("Attack", "ASSAULT"), False),
    (_event("Arrests"), _event(None, mode="raid"), False),
    (_event("Arrests"), _event(None, "SANCTION"), False),
])
def test_families_of_kinds_reports_confuse(first, second, compatible):
    assert (family_of(second) in compatible_families(family_of(first))) is compatible


def test_a_cluster_never_holds_an_arrest_and_an_attack_even_through_an_abduction():
    abduction = mention("e1", "g1", "Abduction/forced disappearance", names={"castro"},
                        family="abduction")
    arrest = mention("e2", "g2", "Arrests", names={"castro"})
    attack = mention("e3", "g3", "Attack", names={"castro"}, family="violence")
    assert compare(abduction, arrest).link and compare(abduction, attack).link
    assert compare(arrest, attack).conflict.startswith("different kinds")
    groups = cluster([abduction, arrest, attack], _links([abduction, arrest, attack]))
    assert all(not {"e2", "e3"} <= set(group) for group in groups)


def test_only_what_the_report_says_of_the_event_is_compared():
    focus = Place(0, 5, "Minsk", "Minsk", 625144, 53.9, 27.567, "Belarus", "BLR",
                  geo_precision=1)
    undated = _event("Arrests", event_date="2021-05-30", time_precision=3, location=focus,
                     location_source="report focus")
    result = mention_of("e1", "g1", undated)
    # a date that fell back to publication: the weeks before it; the report's focus is no place
    assert result.undated and result.first_day == date(2021, 4, 29)
    assert result.last_day == date(2021, 5, 30)
    assert result.iso3 is None and not result.located
    earlier = mention("e2", "g2", day="2021-05-23")
    later = mention("e3", "g3", day="2021-06-04")
    assert compare(replace(result, names=frozenset({"protasevich"})),
                   replace(earlier, names=frozenset({"protasevich"}))).link
    # a report cannot tell what happened after its publication
    assert compare(result, later).conflict.startswith("days do not overlap")
    dated = _event("Arrests", event_date="2021-05-23", time_precision=1, date_text="Sunday",
                   location=focus, location_source="sentence")
    assert mention_of("e4", "g4", dated).exact_day and mention_of("e4", "g4", dated).located


def test_an_undated_mention_is_weak_evidence_against_an_own_date_before_its_window():
    # "Jalingo was arrested" in a report of June 2021 (no day of its own) is not, on its shared
    # name alone, the arrest another report dates to August 2019; nor is it set apart from it
    undated = replace(mention("e1", "g1", day="2021-06-13", names={"jalingo"}), undated=True,
                      first_day=date(2021, 5, 13))
    old = mention("e2", "g2", day="2019-08-22", names={"jalingo"})
    result = compare(undated, old)
    assert not result.link and result.conflict is None
    assert any("before the window of the undated report" in r for r in result.reasons)
    recent = mention("e3", "g3", day="2021-06-10", names={"jalingo"})
    assert compare(undated, recent).link
    assert "the own date is within the undated report's window" in compare(undated, recent).reasons
    # stores written before the window kept "on or before publication": read back as a window
    legacy = dict(undated.to_dict(), first_day=OPEN_START.isoformat(), undated=False)
    assert Mention.from_dict(legacy) == replace(undated, first_day=date(2021, 5, 13))


def test_a_year_only_date_stands_for_the_whole_year():
    from sitrep.events.merge import _date_range

    def dated(text, day="2012-01-01"):
        return _event("Arrests", event_date=day, time_precision=3, date_text=text)

    assert _date_range(dated("2012")) == (date(2012, 1, 1), date(2012, 12, 31))
    assert _date_range(dated("in early 2012")) == (date(2012, 1, 1), date(2012, 12, 31))
    # January told as January stays the month
    assert _date_range(dated("January 2012")) == (date(2012, 1, 1), date(2012, 1, 31))
    # "Badawi was arrested in 2012" and "on 27 June 2012 Badawi was arrested" are one arrest
    year = mention_of("e1", "g1", dated("2012"))
    june = replace(mention("e2", "g2", day="2012-06-27", names={"badawi"}), iso3=None,
                   lat=None, lon=None, geo_precision=None)
    assert compare(replace(year, names=frozenset({"badawi"})), june).link


def test_the_reports_own_place_weighs_a_little_and_never_sets_apart():
    # "the 20 September protests" in a report set in Cairo, and "protests erupted in Cairo on
    # Friday" elsewhere: one demonstration in one place on one day, whatever intervention each
    # report tells; the report's place never makes a conflict, and a country says nothing
    cairo = dict(iso3="EGY", lat=30.06, lon=31.25, geo_precision=1)
    own = mention("e1", "g1", "Protest with intervention", "2019-09-20", place=cairo,
                  family="protest")
    focus = replace(mention("e2", "g2", "Peaceful protest", "2019-09-20", place={},
                            family="protest"), focus=("EGY", None, 30.06, 31.25, 2))
    result = compare(own, focus)
    assert result.link and "the report's place agrees (own / report's)" in result.reasons
    assert result.reasons[0].startswith("one demonstration a place and day")
    assert Mention.from_dict(json.loads(json.dumps(focus.to_dict()))) == focus
    # a report set in Alexandria, or told only to the country: not enough, but no conflict
    for elsewhere in (("EGY", None, 31.2, 29.92, 1), ("EGY", None, 26.5, 30.0, 3)):
        result = compare(own, replace(focus, focus=elsewhere))
        assert not result.link and result.conflict is None
    # another day in Cairo stays apart; protests of a month do not join across sub-types
    assert compare(own, replace(focus, first_day=date(2019, 9, 27),
                                last_day=date(2019, 9, 27))).conflict
    month = replace(own, event_id="e3", group="g3", sub_type="Peaceful protest",
                    first_day=date(2019, 9, 1), last_day=date(2019, 9, 30))
    assert not compare(own, month).link


def test_an_arrest_on_a_protests_day_naming_the_same_person_is_the_protest(tmp_path):
    # "police detained the lawyer Mwila Banda and the poet Chanda Tembo at the march in Lusaka on
    # Saturday" (a protest with intervention) and "Banda was arrested on Saturday" (an arrest):
    # ACLED codes the arrests at a demonstration as the demonstration
    lusaka = dict(iso3="ZMB", lat=-15.42, lon=28.28, geo_precision=1)
    protest = mention("e1", "g1", "Protest with intervention", "2022-06-04",
                      names={"banda", "tembo"}, place=lusaka, family="protest")
    arrest = mention("e2", "g2", "Arrests", "2022-06-04", names={"banda"}, place=lusaka)
    result = compare(protest, arrest)
    assert result.link and "same person named: banda" in result.reasons[1]
    # the march told without names, the same day and place, is the protest's report: no link
    # to the arrest, but nothing sets them apart, so the three are one incident
    march = mention("e3", "g3", "Peaceful protest", "2022-06-04", place=lusaka,
                    family="protest")
    assert not compare(arrest, march).link and compare(arrest, march).conflict is None
    assert cluster([protest, arrest, march], _links([protest, arrest, march])) == [
        ["e1", "e2", "e3"]]
    # hard cases: a protest the next day for Banda's release; an arrest told only to the month;
    # another person arrested that day
    for other in (replace(arrest, first_day=date(2022, 6, 3), last_day=date(2022, 6, 3)),
                  replace(arrest, first_day=date(2022, 6, 1), last_day=date(2022, 6, 30)),
                  replace(arrest, names=frozenset({"mulenga"}))):
        assert not compare(protest, other).link
    # an abduction is still never a protest
    taken = replace(arrest, family="abduction", sub_type="Abduction/forced disappearance")
    assert compare(protest, taken).conflict.startswith("different kinds")
