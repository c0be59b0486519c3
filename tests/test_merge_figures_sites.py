"""Cross-report merging by the figures of people harmed and the site struck: a shared count
where place or day agree, a large figure within one country and month, an undated report's
window, the institution an act struck and its town (sitrep.merge.cross_report, sitrep.merge.names,
the store's blocking in sitrep.store.incidents)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sitrep.merge.cross_report import Mention, compare, mention_of
from sitrep.model import Place, Report, Span
from sitrep.store import Store

from test_merge_incidents import MINSK, _event, mention
from test_merge_store import _file, _found_both_ways


def test_the_same_number_of_people_harmed_joins_where_place_or_day_agree(tmp_path):
    # "Gunmen kidnapped 215 pupils from a school in Gusau on Friday" and "more than 200
    # students were abducted in Zamfara state last month": one mass abduction in one region
    from sitrep.store.blocking import count_keys
    from sitrep.store.incidents import _candidates

    gusau = dict(iso3="NGA", lat=12.16, lon=6.66, geo_precision=1, admin1="Zamfara")
    zamfara = dict(iso3="NGA", lat=None, lon=None, geo_precision=3, admin1="Zamfara")
    sokoto = dict(iso3="NGA", lat=None, lon=None, geo_precision=3, admin1="Sokoto")
    nigeria = dict(iso3="NGA", lat=None, lon=None, geo_precision=3)
    abduction = "Abduction/forced disappearance"

    def told(event_id, group, first, last, place, counts, sub_type=abduction):
        return Mention(event_id, group, "abduction", sub_type, "asserted", place["iso3"],
                       first, last, place["lat"], place["lon"], place["geo_precision"],
                       admin1=place.get("admin1"), counts=frozenset(counts))

    day = told("e1", "g1", date(2021, 2, 26), date(2021, 2, 26), gusau, {("abducted", 215)})
    month = told("e2", "g2", date(2021, 2, 1), date(2021, 2, 28), zamfara, {("abducted", 200)})
    result = compare(day, month)
    assert result.link and "the same number abducted: 215 / 200" in result.reasons
    # without the figure, a town and its region in one month are not enough
    assert not compare(day, replace(month, counts=frozenset())).link
    # another figure (a second abduction that month), another region, a figure of killed
    for other in (replace(month, counts=frozenset({("abducted", 30)})),
                  replace(month, admin1="Sokoto", event_id="e3"),
                  replace(month, counts=frozenset({("killed", 200)}))):
        assert not compare(day, other).link
    # told only to the country: the same exact day joins, a month does not (a figure under
    # LARGE_COUNT: a country sees many abductions of dozens in a month)
    same_day = told("e4", "g4", date(2021, 2, 26), date(2021, 2, 26), nigeria,
                    {("abducted", 22)})
    assert compare(replace(day, counts=frozenset({("abducted", 21)})), same_day).link
    assert not compare(replace(month, counts=frozenset({("abducted", 20)})), same_day).link
    assert not compare(replace(day, counts=frozenset({("abducted", 21)})),
                       replace(same_day, first_day=date(2021, 2, 1),
                               last_day=date(2021, 2, 28))).link
    assert not compare(told("e5", "g5", date(2021, 2, 1), date(2021, 2, 28), sokoto,
                            {("abducted", 200)}), day).link
    with Store(tmp_path / "counts.db") as store:
        _file(store, (month, replace(same_day, counts=frozenset({("abducted", 220)}))),
              count_keys)
        assert {m.event_id for m in _candidates(store, day)} == {"e2", "e4"}


def test_a_figure_counts_in_one_passage_or_with_the_trigger_of_a_folded_event():
    from sitrep.merge.names import victim_counts

    raw = ("Gunmen kidnapped 215 pupils in Gusau on Friday. Police said 40 boys kidnapped in "
           "December were freed.")
    first, second = raw.split(". ")
    runs = [(raw.index("kidnapped"), raw.index("215") + 10, "#abducted", 215),
            (raw.index("40"), raw.index("40") + 17, "#abducted", 40)]
    one = _event("Abduction/forced disappearance", evidence=(Span(0, len(first), first),))
    assert victim_counts(runs, one) == {("abducted", 215)}
    # folded from two sentences by the report's own merge: its figures may be two incidents'
    folded = replace(one, evidence=(Span(0, len(first), first),
                                    Span(len(first) + 2, len(raw), second)))
    assert victim_counts(runs, folded) == frozenset()
    kidnapped = Span(raw.index("kidnapped"), raw.index("kidnapped") + 9, "kidnapped")
    assert victim_counts(runs, replace(folded, trigger=kidnapped)) == frozenset()
    # the trigger's own figure, when the passages tell no other of its kind
    raw = ("Gunmen kidnapped 215 pupils in Gusau on Friday. Their parents gathered at the "
           "school. Two teachers were killed.")
    passages = [Span(0, raw.index("."), raw[:raw.index(".")]),
                Span(raw.index("Their"), len(raw), raw[raw.index("Their"):])]
    runs = [(raw.index("kidnapped"), raw.index("215") + 10, "#abducted", 215),
            (raw.index("Two"), raw.index("killed") + 6, "#killed", 2)]
    folded = replace(one, evidence=tuple(passages), trigger=kidnapped)
    assert victim_counts(runs, folded) == {("abducted", 215)}
    # a trigger outside the figure's phrase ("freed all 40 boys who were kidnapped") has none
    freed = Span(raw.index("gathered"), raw.index("gathered") + 8, "gathered")
    assert victim_counts(runs, replace(folded, trigger=freed)) == frozenset()


def test_a_large_figure_joins_within_one_country_and_month(tmp_path):
    # "317 girls were kidnapped in Zamfara state on February 26" and "the abduction of nearly
    # 300 schoolgirls in February", a report naming no state: a mass abduction of that size is
    # one in a country's month
    from sitrep.store.blocking import count_keys

    def told(event_id, group, first, last, counts, admin1=None, kind="abduction",
             sub_type="Abduction/forced disappearance"):
        return Mention(event_id, group, kind, sub_type, "asserted", "NGA", first, last,
                       None, None, 3, admin1=admin1, counts=frozenset(counts))

    day = told("e1", "g1", date(2021, 2, 26), date(2021, 2, 26), {("abducted", 317)}, "Zamfara")
    month = told("e2", "g2", date(2021, 2, 1), date(2021, 2, 28), {("abducted", 300)})
    result = compare(day, month)
    assert result.link and any("same large number abducted: 317 / 300" in reason
                               for reason in result.reasons)
    # not a small figure, another region named, a figure further apart, another month, a
    # year-only date, arrests (a crackdown's hundreds), nor a compatible kind only
    assert not compare(replace(day, counts=frozenset({("abducted", 95)})),
                       replace(month, counts=frozenset({("abducted", 90)}))).link
    for other in (replace(month, admin1="Sokoto"),
                  replace(month, counts=frozenset({("abducted", 400)})),
                  replace(month, first_day=date(2021, 3, 1), last_day=date(2021, 3, 31)),
                  replace(month, first_day=date(2021, 1, 1), last_day=date(2021, 12, 31)),
                  replace(month, sub_type="Attack", family="violence")):
        assert not compare(day, other).link, other
    arrests = told("e3", "g3", date(2021, 2, 26), date(2021, 2, 26), {("arrested", 317)},
                   "Lagos", "detention", "Arrests")
    assert not compare(arrests, replace(arrests, event_id="e4", group="g4", admin1=None,
                                        first_day=date(2021, 2, 1))).link
    _found_both_ways(tmp_path, day, month, count_keys)


def test_a_shared_figure_joins_an_exact_day_to_a_report_told_in_the_week_after(tmp_path):
    # "the ministry said on Tuesday it had hanged 37 prisoners" (dated) and "the ministry said
    # it hanged 37 prisoners" told on Tuesday, or undated: the news of that week, one country
    from datetime import timedelta

    from sitrep.store.blocking import count_keys
    from sitrep.store.incidents import _candidates

    told = _event("Attack", "ASSAULT", event_date="2023-05-09", time_precision=2)
    # a day a sentence says the event was told on: the window up to it, as for a publication
    assert mention_of("e0", "g0", told).told_on and not mention_of("e0", "g0", told).undated
    assert mention_of("e0", "g0", told).first_day == date(2023, 4, 8)
    iran = dict(iso3="IRN", lat=32.0, lon=53.0, geo_precision=3)

    def told(event_id, group, first, last, counts, undated=False, admin1=None,
             sub_type="Attack"):
        return Mention(event_id, group, "violence", sub_type, "asserted", iran["iso3"], first,
                       last, iran["lat"], iran["lon"], iran["geo_precision"], undated=undated,
                       admin1=admin1, counts=frozenset(counts), fatal=True)

    published = date(2023, 5, 9)
    undated = told("e1", "g1", published - timedelta(days=31), published, {("killed", 37)},
                   undated=True)
    day = told("e2", "g2", date(2023, 5, 9), date(2023, 5, 9), {("killed", 37)})
    result = compare(undated, day)
    assert result.link and "the same number killed: 37 / 37" in result.reasons
    # a week before publication still; not the weeks before, not another figure, not another
    # region, not a compatible kind only
    assert compare(undated, replace(day, first_day=date(2023, 5, 2),
                                    last_day=date(2023, 5, 2))).link
    for other in (replace(day, first_day=date(2023, 4, 25), last_day=date(2023, 4, 25)),
                  replace(day, counts=frozenset({("killed", 12)})),
                  replace(day, sub_type="Armed clash")):
        assert not compare(undated, other).link
    assert not compare(replace(undated, admin1="Isfahan"), replace(day, admin1="Tehran")).link
    assert compare(undated, replace(day, admin1="Tehran")).link
    # a window up to the day told on joins as one up to publication, by the figure only
    told_on = replace(undated, undated=False, told_on=True)
    assert compare(told_on, day).link
    assert not compare(told_on, replace(day, counts=frozenset())).link
    assert Mention.from_dict(told_on.to_dict()) == told_on
    # nor two undated reports
    assert not compare(undated, replace(day, first_day=undated.first_day, undated=True)).link
    with Store(tmp_path / "fresh.db") as store:
        _file(store, (day,), count_keys)
        assert {m.event_id for m in _candidates(store, undated)} == {"e2"}
    with Store(tmp_path / "fresh-undated.db") as store:
        _file(store, (undated, replace(told_on, event_id="e3")), count_keys)
        assert {m.event_id for m in _candidates(store, day)} == {"e1", "e3"}


def test_a_city_named_like_its_region_may_stand_for_the_region():
    # "bandits took students of a school in Funtua, Katsina on Friday" read with Katsina the
    # state's capital (165 km from Funtua), and "students abducted in Funtua on Friday": the
    # region's name, not another town
    katsina = dict(iso3="NGA", lat=12.99, lon=7.6, geo_precision=1, admin1="Katsina")
    funtua = dict(iso3="NGA", lat=11.52, lon=7.31, geo_precision=1, admin1="Katsina")
    abduction = "Abduction/forced disappearance"

    def told(event_id, group, place, name):
        return replace(mention(event_id, group, abduction, "2020-12-11", place=place,
                               family="abduction"), admin1=place["admin1"], place_name=name)

    result = compare(told("e1", "g1", katsina, "Katsina"), told("e2", "g2", funtua, "Funtua"))
    assert result.link
    assert "same region Katsina ('Katsina' may be the region's name)" in result.reasons
    # another town of the region that far away is another place; so is a town of another
    # region that bears its own region's name
    assert compare(told("e1", "g1", katsina, "Dutsin-Ma"),
                   told("e2", "g2", funtua, "Funtua")).conflict.startswith("different places")
    assert compare(told("e1", "g1", dict(katsina, admin1="Kano"), "Kano"),
                   told("e2", "g2", funtua, "Funtua")).conflict.startswith("different places")


def test_an_undated_report_finds_the_own_dates_in_its_window(tmp_path):
    # "Gunmen abducted 27 students in Kagara" in a report that tells no day, and "the
    # abduction in Kagara on 17 February" the day before: the same sub-type at one town, the
    # date within the weeks before the undated report; the store must find one from the other
    from datetime import timedelta

    from sitrep.store.blocking import placed, town_months
    from sitrep.store.incidents import _candidates

    kagara = dict(iso3="NGA", lat=10.19, lon=6.25, geo_precision=1)

    def told(event_id, group, first, last, undated=False, sub_type="Arrests"):
        return Mention(event_id, group, "detention", sub_type, "asserted", "NGA", first, last,
                       kagara["lat"], kagara["lon"], 1, undated=undated)

    published = date(2021, 2, 18)
    undated = told("e1", "g1", published - timedelta(days=31), published, undated=True)
    day = told("e2", "g2", date(2021, 2, 17), date(2021, 2, 17))
    year = told("e3", "g3", date(2021, 1, 1), date(2021, 12, 31))
    later = told("e4", "g4", date(2021, 3, 2), date(2021, 3, 2))
    assert compare(undated, day).link and compare(undated, year).link
    assert not compare(undated, later).link
    with Store(tmp_path / "undated.db") as store:
        _file(store, (undated, day, year, later), town_months, placed)
        assert {m.event_id for m in _candidates(store, undated)} >= {"e2", "e3"}
        assert "e1" in {m.event_id for m in _candidates(store, day)}
        assert "e1" in {m.event_id for m in _candidates(store, year)}


def _site_report(raw: str, places: dict[str, tuple]) -> Report:
    """A report of ``raw`` whose places are ``places`` (text -> (lat, lon, geo precision,
    iso3))."""
    report = Report(id="sites", raw=raw, path="sites.txt")
    report.places = [Place(raw.index(text), raw.index(text) + len(text), text, text, None, lat,
                           lon, None, iso3, geo_precision=precision)
                     for text, (lat, lon, precision, iso3) in places.items()]
    return report


def test_the_institution_struck_and_its_town_are_the_site():
    from sitrep.merge.names import site_runs

    raw = ("Gunmen stormed the Government Day College, Maru and seized pupils. Others were "
           "taken from the boarding school in Dansadau. A teacher at Gusau central market "
           "fled. Schools in Talata closed; a school in Nigeria reopened in March. Another "
           "hospital, I was told, was shut. Students of the University of Sokoto protested.")
    report = _site_report(raw, {"Gusau": (12.16, 6.66, 1, "NGA"),
                                "Nigeria": (9.1, 8.7, 3, "NGA"),
                                "Sokoto": (13.0, 5.2, 3, "NGA")})
    march = raw.index("March")
    from sitrep.model import TimeExpr
    report.times = [TimeExpr(march, march + 5, "March", "DATE", "2022-03")]
    # a town the gazetteer does not know ("Dansadau", "Maru") is taken when the report never
    # writes it in lower case; a town it knows only when located to the town; "College" and
    # "school" are one kind of site; a plural ("Schools in Talata") is many places, a country
    # or a region is not a town, "I" no name
    assert sorted(key for _, _, _, key in site_runs(report)) == [
        "market/gusau", "school/dansadau", "school/maru"]


def test_reports_of_one_school_raid_join_by_the_site_whatever_place_and_kind(tmp_path):
    # "gunmen attacked the Government Day College, Maru on Friday" (an attack, placed at the
    # district's town 20 km away) and "in March, bandits abducted 80 students of the college in
    # Maru, Zamfara state" (an abduction, told to the state and the month): the same college
    # struck, one in that month
    from sitrep.store.blocking import filed_under
    from sitrep.store.incidents import _candidates

    zamfara = dict(iso3="NGA", lat=None, lon=None, geo_precision=3)
    day = replace(mention("e1", "g1", "Attack", "2022-03-04", place=MINSK, family="violence"),
                  iso3="NGA", lat=12.3, lon=6.4, admin1="Zamfara", sites=frozenset({"school/maru"}))
    month = replace(mention("e2", "g2", "Abduction/forced disappearance", "2022-03-01",
                            place=zamfara, family="abduction"),
                    last_day=date(2022, 3, 31), admin1="Zamfara",
                    sites=frozenset({"school/maru"}))
    result = compare(day, month)
    assert result.link and "the same site school/maru" in result.reasons
    # without the site, an attack and an abduction in one region and month are not one
    assert not compare(replace(day, sites=frozenset()), month).link
    # the hard cases stay apart: the college raided again another day, another college
    assert compare(day, replace(month, first_day=date(2022, 3, 20), last_day=date(2022, 3, 20))
                   ).conflict.startswith("different days")
    assert not compare(day, replace(month, sites=frozenset({"school/kaura"}))).link
    # an arrest at the college is no site's act (arrests there are many in a month)
    arrest = replace(month, family="detention", sub_type="Arrests")
    assert not compare(replace(day, family="abduction"), arrest).link
    # the store finds one from the other by the site, within the days
    with Store(tmp_path / "sites.db") as store:
        _file(store, (month,), filed_under)
        assert [m.event_id for m in _candidates(store, day)] == ["e2"]
        later = replace(day, first_day=date(2022, 5, 6), last_day=date(2022, 5, 6))
        assert _candidates(store, later) == []


def test_an_event_takes_the_site_of_the_passage_that_tells_its_act():
    from sitrep.merge.names import mention_runs

    raw = ("Gunmen abducted pupils from the school in Dansadau on Friday. Police said the "
           "gunmen came from the forest. Last year the college in Maru was raided.")
    report = _site_report(raw, {})
    runs = mention_runs(report)
    sentences = [(0, raw.index(" Police")), (raw.index("Police"), raw.index(" Last")),
                 (raw.index("Last"), len(raw))]
    trigger = raw.index("abducted")
    event = _event("Abduction/forced disappearance", event_date="2022-03-04", time_precision=1,
                   trigger=Span(trigger, trigger + 8, "abducted"),
                   evidence=tuple(Span(*span, raw[slice(*span)]) for span in sentences[:2]))
    assert mention_of("e1", "g1", event, runs).sites == {"school/dansadau"}
    # the site of another passage is not the act's
    other = replace(event, evidence=(event.evidence[1], Span(*sentences[2], raw[sentences[2][0]:])),
                    trigger=Span(raw.index("raided"), raw.index("raided") + 6, "raided"))
    assert mention_of("e1", "g1", replace(other, evidence=(
        event.evidence[0], *other.evidence)), runs).sites == frozenset()
    # an event folded from passages that name two sites tells two incidents: it has none
    folded = replace(event, evidence=(*event.evidence, Span(*sentences[2],
                                                            raw[sentences[2][0]:])))
    assert mention_of("e1", "g1", folded, runs).sites == frozenset()
    # an arrest's mention files no site
    arrest = replace(event, sub_event_type="Arrests")
    assert mention_of("e1", "g1", arrest, runs).sites == frozenset()
