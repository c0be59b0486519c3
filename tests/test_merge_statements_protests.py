"""Cross-report merging of kinds whose reports share a town, a month or a name without telling
one act: statements, accusations and sanctions (PLOVER types with no ACLED act) and protests
for or against one person."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from sitrep.merge.cross_report import cluster, compare

from test_merge_incidents import mention

LAGOS = dict(iso3="NGA", lat=6.455, lon=3.394, geo_precision=1)
LEKKI = dict(iso3="NGA", lat=6.44, lon=3.47, geo_precision=1)


def _undated(found, published: str):
    """``found`` told with no day of its own, in a report published on ``published``."""
    last = date.fromisoformat(published)
    return replace(found, undated=True, first_day=last - timedelta(days=31), last_day=last)


@pytest.mark.parametrize("kind", ["REJECT", "ACCUSE", "SANCTION"])
def test_a_town_and_an_undated_window_do_not_join_statements_accusations_or_sanctions(kind):
    # "the army and police denied shooting protesters" at Lekki on 20 October and, in a report
    # of that day with no date of its own, "the police said it dismissed 37 officers" in Lagos
    dated = mention("e1", "g1", kind, "2020-10-20", place=LEKKI)
    told = _undated(mention("e2", "g2", kind, None, place=LAGOS), "2020-10-20")
    result = compare(dated, told)
    assert not result.link and result.conflict is None
    # nor does one month in one town
    month = replace(dated, event_id="e3", group="g3", first_day=date(2020, 10, 1),
                    last_day=date(2020, 10, 31))
    july = replace(month, event_id="e4", group="g4")
    assert not compare(month, july).link
    # the same exact day and place still do
    assert compare(dated, replace(dated, event_id="e5", group="g5")).link
    # an act ACLED codes keeps both routes: the abduction in Kagara told undated the next day
    taken = mention("e6", "g6", "Abduction/forced disappearance", "2020-10-20", place=LEKKI,
                    family="abduction")
    retold = _undated(replace(taken, event_id="e7", group="g7"), "2020-10-21")
    assert compare(taken, retold).link
    assert compare(replace(taken, first_day=date(2020, 10, 1), last_day=date(2020, 10, 31)),
                   replace(retold, undated=False, first_day=date(2020, 10, 1),
                           last_day=date(2020, 10, 31))).link


def test_a_name_two_protests_share_joins_them_only_where_place_or_day_agree():
    # "peaceful protests honor George Floyd" in Los Angeles and the force used on protesters in
    # Minnesota, both told undated: two protests for one man
    los_angeles = dict(iso3="USA", lat=34.05, lon=-118.24, geo_precision=1)
    minnesota = dict(iso3="USA", lat=None, lon=None, geo_precision=3)
    march = _undated(mention("e1", "g1", "Peaceful protest", None, names={"flod"},
                             place=los_angeles, family="protest"), "2020-06-03")
    force = _undated(mention("e2", "g2", "Excessive force against protesters", None,
                             names={"flod"}, place=minnesota, family="protest"), "2020-06-01")
    result = compare(march, force)
    assert not result.link and result.conflict is None
    assert any("a protest for or against the same person" in reason
               for reason in result.reasons)
    # with no place or day at all, the name alone does not join them either
    nowhere = dict(iso3=None, lat=None, lon=None, geo_precision=None)
    assert not compare(replace(march, **_place(nowhere)), replace(force, **_place(nowhere))).link
    # protests against Sisi in Cairo in September: the same town, so the name counts
    cairo = dict(iso3="EGY", lat=30.04, lon=31.24, geo_precision=1)
    september = mention("e3", "g3", "Peaceful protest", "2019-09-20", names={"sisi"},
                        place=cairo, family="protest")
    month = replace(mention("e4", "g4", "Protest with intervention", None, names={"sisi"},
                            place=cairo, family="protest"),
                    first_day=date(2019, 9, 1), last_day=date(2019, 9, 30))
    joined = compare(september, month)
    assert joined.link and any("same person named" in reason for reason in joined.reasons)
    # and an arrest of the person the protest was for still needs the protest's exact day
    arrest = mention("e5", "g5", "Arrests", "2019-09-20", names={"sisi"}, place=cairo)
    assert compare(september, arrest).link
    assert cluster([march, force], {}) == [["e1"], ["e2"]]


def _place(place: dict) -> dict:
    return {"iso3": place["iso3"], "lat": place["lat"], "lon": place["lon"],
            "geo_precision": place["geo_precision"]}
