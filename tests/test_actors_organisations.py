"""Organisations the actor dictionary does not know (sitrep/actors/organisations.py), and the
protests they are associated with (conventions.py)."""

from __future__ import annotations

from datetime import date

from sitrep.actors.organisations import named_organisations
from sitrep.model import Report, Span


def _names(text: str) -> list[str]:
    return [actor.name for actor in named_organisations(Span(0, len(text), text))]


def test_a_capitalised_name_headed_by_an_organisation_word():
    assert _names("Members of the Kerala Fishermen's Welfare Union blocked the road.") == [
        "Kerala Fishermen's Welfare Union"]
    assert _names("Teachers of the Jammu and Kashmir Primary Teachers Forum marched.") == [
        "Jammu and Kashmir Primary Teachers Forum"]
    assert _names("The Sindh Union of Journalists held a rally.") == [
        "Sindh Union of Journalists"]


def test_the_acronym_the_report_gives_comes_first():
    assert _names("The Garo Hills Students' Federation (GHSF) called a strike.") == [
        "GHSF: Garo Hills Students' Federation"]
    assert _names("Staff of the Union Rail Karmachari Sangh Odisha (RKSO) protested.") == [
        "RKSO: Rail Karmachari Sangh Odisha"]


def test_two_bodies_a_place_and_plain_words_are_told_apart():
    assert _names("The Traders' Association and the Bus Owners Forum protested.") == [
        "Traders' Association", "Bus Owners Forum"]
    assert _names("A clash broke out at Rampur Union in Sadar upazila.") == []
    assert _names("Supporters of the ruling party and the State Government met.") == []


def test_a_protest_is_associated_with_the_body_its_crowd_belongs_to():
    from sitrep.eval.events import available_pipeline

    pipeline = available_pipeline()
    report = pipeline(Report(id="t", raw="Members of the Kerala Fishermen's Welfare Union staged "
                                         "a protest in Kochi, India on Monday.",
                             published=date(2015, 3, 2)))
    event = max((e for e in report.events if e.event_type == "Protests"),
                key=lambda e: e.confidence)
    assert event.actor1.name == "Protesters (India)"
    assert [a.name for a in event.assoc_actor1] == ["Kerala Fishermen's Welfare Union"]
    assert event.assoc_actor1[0].inter == 6


def test_a_name_opened_by_its_organisation_word():
    assert _names("Members of the Federation of General Workers Myanmar staged a protest.") == [
        "Federation of General Workers Myanmar"]
    assert _names("A group led by the Confederation of Turkish Revolutionary Trade Unions "
                  "marched.") == ["Confederation of Turkish Revolutionary Trade Unions"]
    assert _names("The Federation of Nepali Journalists (FNJ) protested.") == [
        "FNJ: Federation of Nepali Journalists"]
    # a state's name, or one word that may be a country's, is not such a body
    assert _names("The Union of India filed a case.") == []
    assert _names("Union of Journalists protested.") == []
