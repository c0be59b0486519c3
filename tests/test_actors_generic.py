"""The country of an event when its text names none (sitrep/actors/generic.py
``publisher_country``): the country-code domain of the report's address, on reports written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.dictionary import ActorDictionary
from sitrep.actors.generic import publisher_country
from sitrep.model import Report


@pytest.mark.parametrize("url, iso3", [
    ("https://kathmandupost.com.np/national/2015/03/02/x", "NPL"),
    ("https://www.prothomalo.com.bd/bangladesh/a", "BGD"),
    ("https://www.bbc.co.uk/news/world-asia-1", "GBR"),
    ("https://www.eltiempo.com.co/justicia/a", "COL"),      # .co under a country's second level
    ("https://dawn.com/news/1", None),                      # a generic domain
    ("https://live.example.tv/a", None),                    # a country code sold as a name
    ("https://startup.co/a", None),
    ("http://[::1", None),                                  # not an address
    ("https://kathmandupost.COM.NP./a", "NPL"),             # upper case, fully qualified
    ("", None), ("not an address", None), ("\x00\xff\ufffd", None),   # empty, binary
    (None, None),
])
def test_the_publishers_country_is_its_country_code_domain(url, iso3):
    assert publisher_country(Report(id="t", raw="x", url=url), ActorDictionary()) == iso3


@pytest.fixture(scope="module")
def pipeline():
    from sitrep.eval.events import available_pipeline

    return available_pipeline()


def test_a_report_naming_no_country_takes_its_publishers(pipeline):
    text = "Students protested outside the press club on Monday demanding safe roads."
    for url, name in ((None, None), ("https://www.prothomalo.com.bd/a", "Protesters (Bangladesh)")):
        report = pipeline(Report(id="t", raw=text, published=date(2015, 3, 2), url=url))
        event = next(e for e in report.events if e.event_type == "Protests")
        assert (event.actor1.name, event.actor1.inter) == (name, 6)
    # a place the text names wins over the publisher's country
    report = pipeline(Report(id="t", raw="Students protested in Lahore on Monday.",
                             published=date(2015, 3, 2), url="https://www.prothomalo.com.bd/a"))
    event = next(e for e in report.events if e.event_type == "Protests")
    assert event.actor1.name == "Protesters (Pakistan)"


def test_a_demonym_in_an_actors_words_is_the_actors_origin_not_the_events_country(pipeline):
    # "Pakistani" inside "Pakistani troops" is no place of the event: the Indian side is kept
    # (the BSF, of whom the jawan is one man: India's police forces, as actors.tsv codes it)
    report = pipeline(Report(id="t", raw="A BSF jawan was killed in cross-border firing by "
                             "Pakistani troops.", published=date(2015, 3, 2)))
    event = next(e for e in report.events if e.event_type == "Battles")
    assert {event.actor1.name, event.actor2.name} == {"Military Forces of Pakistan",
                                                      "Police Forces of India"}
