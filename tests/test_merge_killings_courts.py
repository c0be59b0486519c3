"""Cross-report merging of killings and of what courts tried: a named person is killed once (an
undated retelling, a killing named inside a demand, one told from another country), and an act
told as what a court tried is the proceeding, not the act."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from sitrep.merge.cross_report import Mention, compare
from sitrep.model import Event, Span
from sitrep.store import Store

from test_merge_incidents import _event, mention
from test_merge_store import _file, _found_both_ways


def test_a_named_person_is_killed_once(tmp_path):
    from datetime import timedelta

    from sitrep.store.blocking import filed_under
    from sitrep.store.incidents import _candidates

    istanbul = dict(iso3="TUR", lat=41.01, lon=28.95, geo_precision=1)

    def killing(event_id, group, first, last, undated=False, fatal=True, sub_type="Attack"):
        return Mention(event_id, group, "violence", sub_type, "asserted", "TUR", first, last,
                       istanbul["lat"], istanbul["lon"], 1, frozenset({"kasogi"}),
                       undated=undated, fatal=fatal)

    dated = killing("e1", "g1", date(2018, 10, 1), date(2018, 10, 31))
    published = date(2020, 12, 19)
    # "the world will never forget how Khashoggi was killed", in a report of December 2020
    undated = killing("e2", "g2", published - timedelta(days=31), published, undated=True)
    result = compare(dated, undated)
    assert result.link and any("killed once" in reason for reason in result.reasons)
    # an arrest (or a beating) is not: the same person may be arrested again
    beaten = killing("e3", "g3", published - timedelta(days=31), published, undated=True,
                     fatal=False)
    assert not compare(dated, beaten).link
    # two dated killings on different days stay apart (two people of one surname)
    assert compare(dated, killing("e4", "g4", date(2019, 3, 2), date(2019, 3, 2))).conflict
    with Store(tmp_path / "killed.db") as store:
        _file(store, (dated, beaten), filed_under)
        assert {m.event_id for m in _candidates(store, undated)} == {"e1", "e3"}
    # and the other way round: the dated killing is looked up after the undated one (a run
    # merges batch by batch, so either may come first), though the undated one's days are
    # outside the dated one's window
    with Store(tmp_path / "killed-later.db") as store:
        _file(store, (undated, beaten), filed_under)
        assert {m.event_id for m in _candidates(store, dated)} == {"e2"}


def test_a_named_killing_inside_a_demand_is_the_killing_told(tmp_path):
    from dataclasses import replace

    from sitrep.store.blocking import filed_under

    def killing(event_id, group, first, last, modality="asserted", names=("kasogi",)):
        return Mention(event_id, group, "violence", "Attack", modality, "TUR", first, last,
                       41.01, 28.95, 1, frozenset(names), fatal=True)

    dated = killing("e1", "g1", date(2018, 10, 1), date(2018, 10, 31))
    # "urged the authorities to establish the truth about the murder of X in October", a year
    # on: hypothetical (a demand), dated by the month the demand was made
    demand = killing("e2", "g2", date(2019, 10, 1), date(2019, 10, 31), "hypothetical")
    result = compare(dated, demand)
    assert result.link and any("killed once" in reason for reason in result.reasons)
    assert any("as asserted and as hypothetical" in reason for reason in result.reasons)
    # a killing the person is not named in, a beating, a later asserted killing dated to a
    # month (another killing whose report names the person) and a denial stay apart
    assert not compare(dated, replace(demand, names=frozenset({"salman"}))).link
    assert not compare(dated, replace(demand, fatal=False)).link
    assert compare(dated, replace(demand, modality="asserted")).conflict
    assert compare(dated, replace(demand, modality="negated")).conflict
    _found_both_ways(tmp_path, dated, demand, filed_under)


def _told_in(sentence: str, trigger: str, sub_type: str = "Attack") -> Event:
    start = sentence.index(trigger)
    return _event(sub_type, "ASSAULT", trigger=Span(start, start + len(trigger), trigger),
                  evidence=(Span(0, len(sentence), sentence),))


@pytest.mark.parametrize("sentence, trigger, retold", [
    ("Sheikh and his three aides were convicted and sentenced in the abduction and murder case "
     "of Pearl in Karachi in 2002.", "murder", True),
    ("The Supreme Court on Thursday dismissed appeals against the acquittal of Sheikh in the "
     "Pearl murder case.", "murder", True),
    ("Sheikh was indicted in 2002 for hostage-taking and conspiracy to commit hostage-taking.",
     "hostage", True),
    # the act itself, even in a sentence that names a court
    ("Pearl was abducted and beheaded while he was in Pakistan.", "beheaded", False),
    ("The beheading of the journalist in 2002 had grabbed international headlines.",
     "beheading", False),
    ("Gunmen killed two guards outside the court in Karachi.", "killed", False),
])
def test_an_act_told_as_what_a_court_tried_is_the_proceeding(sentence, trigger, retold):
    from sitrep.merge.cross_report import judicial

    assert judicial(_told_in(sentence, trigger)) is retold


def test_an_act_still_reads_as_judged_once_merge_events_cut_the_court_off_its_evidence():
    from sitrep.events.merge import merge_events
    from sitrep.merge.cross_report import judicial

    judged = _told_in("Two soldiers were convicted on Monday for the killing of a farmer in "
                      "Bamenda.", "killing")
    (cut,) = merge_events([replace(judged, confidence=0.7)])
    assert cut.evidence[0].text == "for the killing of a farmer in Bamenda."
    assert judicial(cut)
    # a sentence of its own that opens on a preposition is the act itself
    (own,) = merge_events([replace(_told_in("In the attack on the market, gunmen killed five "
                                            "traders.", "attack"), confidence=0.7)])
    assert not judicial(own)


def test_a_proceeding_never_joins_the_act_and_statements_need_day_and_place():
    act = mention("e1", "g1", "Attack", day="2021-01-28", names={"pearl"}, family="violence")
    proceeding = replace(mention("e2", "g2", "Attack", day="2021-01-28", names={"pearl"},
                                 family="violence"), retold=True)
    assert "court's proceeding" in compare(act, proceeding).conflict
    assert compare(proceeding, replace(act, event_id="e3", retold=True)).link
    # "Blinken urged Pakistan ..." and "the parents asked the Supreme Court ...": two appeals
    # about one person; on the same day in the same place they may still be one
    urged = mention("e4", "g4", "REQUEST", day="2021-01-28", names={"pearl"}, place={})
    asked = mention("e5", "g5", "REQUEST", day="2021-01-29", names={"pearl"}, place={})
    assert not compare(urged, asked).link and compare(urged, asked).conflict is None
    assert compare(mention("e6", "g6", "REQUEST"), mention("e7", "g7", "REQUEST")).link
    assert Mention.from_dict(proceeding.to_dict()) == proceeding


def test_an_undated_retelling_of_a_killing_is_not_set_apart_by_where_it_is_told():
    from datetime import timedelta

    # "Khashoggi was killed in Istanbul in October 2018" and, in a report from Washington of
    # November 2019 with no date of its own, "the killing of Khashoggi": one killing
    istanbul = dict(iso3="TUR", lat=41.01, lon=28.95, geo_precision=1)
    washington = dict(iso3="USA", lat=38.9, lon=-77.04, geo_precision=1)
    dated = replace(mention("e1", "g1", "Attack", "2018-10-02", names={"kasogi"},
                            place=istanbul, family="violence"), fatal=True)
    published = date(2019, 11, 19)
    told = replace(mention("e2", "g2", "Attack", None, names={"kasogi"}, place=washington,
                           family="violence"), fatal=True, undated=True,
                   first_day=published - timedelta(days=31), last_day=published)
    result = compare(dated, told)
    assert result.link and any("killed once" in reason for reason in result.reasons)
    # both dated: two countries are two incidents; not a killing: the place still counts
    assert compare(dated, replace(told, undated=False)).conflict
    assert compare(dated, replace(told, fatal=False)).conflict.startswith("different countries")
