"""Time expressions: recognition, TIMEX3 normalisation, offsets, bad input (sitrep/time)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model import Report
from sitrep.time.recognise import find_times
from sitrep.time.stage import ResolveTimes
from sitrep.time.values import first_day

SEED_DAY = date(2016, 12, 13)  # the seed's publication date, a Tuesday


def times(text: str, anchor: date | None = SEED_DAY) -> dict[str, tuple[str, str | None]]:
    return {found.text: (found.type, found.value) for found in find_times(text, anchor)}


def resolve(raw: str, published: date | None = SEED_DAY) -> Report:
    return ResolveTimes()(Report(id="t", raw=raw, published=published))


# -- the seed -----------------------------------------------------------------------------------
def test_seed_expressions_resolve_as_the_spec_says():
    text = ("It followed the surprise seizure of the central Syrian city over the weekend by IS "
            "fighters. Syrian rebels reportedly had two tanks knocked out on Monday by the "
            "militants. Many suspect that the rockets came from camps that IS took on Sunday.")
    found = times(text)
    assert found == {"the weekend": ("DATE", "2016-W49-WE"), "Monday": ("DATE", "2016-12-12"),
                     "Sunday": ("DATE", "2016-12-11")}
    assert first_day("2016-W49-WE") == (date(2016, 12, 10), 2)


def test_seed_file_times_slice_back(seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    report = resolve(raw)
    assert {t.text for t in report.times} == {"the weekend", "Monday", "Sunday"}
    for time in report.times:
        assert raw[time.start:time.end] == time.text


# -- words that are not times -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Russian-language books were left open on tables, bowls of food sat untouched.",
    "IS show off spoils from Russian base in Palmyra\n2 min read\nFighters flaunt an arsenal.",
    "Theresa May said the talks would go on.",
    "Prime Minister May met the envoy.",
    "Thousands March on the capital to demand reforms.",
    "Protesters will march on parliament.",
    "It may rain, and the troops may withdraw.",
    "About 2000 troops and 1500 people were moved.",
    "A 6-year-old girl and her 52-year-old father were hurt.",
    "The fall of Aleppo changed the war.",
    "Officials had a second meeting; more than a quarter of the vote was lost.",
])
def test_non_times_are_not_recognised(text):
    assert times(text) == {}


def test_months_with_cues_are_recognised():
    assert times("The offensive began in May.")["May"] == ("DATE", "2016-05")
    assert times("Elections are due next March.")["next March"] == ("DATE", "2017-03")
    assert times("Fighting resumed in March 2015.")["March 2015"] == ("DATE", "2015-03")


# -- normalisation ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expression, kind, value", [
    ("Clashes erupted on Dec. 13, 2016.", "Dec. 13, 2016", "DATE", "2016-12-13"),
    ("Clashes erupted on 13 December.", "13 December", "DATE", "2016-12-13"),
    ("The attack came on December 9.", "December 9", "DATE", "2016-12-09"),
    ("Filed 2016-12-13 by staff.", "2016-12-13", "DATE", "2016-12-13"),
    ("Dated 13/12/2016 in the log.", "13/12/2016", "DATE", "2016-12-13"),
    ("Dated 04/03/2016 in the log.", "04/03/2016", "DATE", "2016-03-04"),
    ("Prices rose last week.", "last week", "DATE", "2016-W49"),
    ("Two were killed earlier this month.", "earlier this month", "DATE", "2016-12"),
    ("Five died in the last 48 hours.", "the last 48 hours", "DURATION", "PT48H"),
    ("It has been at war since 2011.", "2011", "DATE", "2011"),
    ("A blast was heard on Sunday night.", "Sunday night", "DATE", "2016-12-11"),
    ("The siege lasted a decade.", "a decade", "DURATION", "P10Y"),
    ("Talks will resume on Friday.", "Friday", "DATE", "2016-12-16"),
    ("Talks resumed on Friday.", "Friday", "DATE", "2016-12-09"),
    ("The rebels attacked yesterday.", "yesterday", "DATE", "2016-12-12"),
    ("Patrols run daily.", "daily", "SET", "P1D"),
    ("Profits fell in the third quarter.", "the third quarter", "DATE", "2016-Q3"),
    ("The town fell two years ago.", "two years ago", "DATE", "2014"),
    ("The camp was shelled last summer.", "last summer", "DATE", "2016-SU"),
    ("Fighting flared in the 1990s.", "the 1990s", "DATE", "199"),
    ("The strike hit at 10 p.m. Wednesday.", "10 p.m. Wednesday", "TIME", "2016-12-07T22:00"),
    ("Aid is needed now.", "now", "DATE", "PRESENT_REF"),
    ("Militants held the town for three months.", "three months", "DURATION", "P3M"),
    ("A ceasefire held over Christmas.", "Christmas", "DATE", "2016-12-25"),
])
def test_normalisation(text, expression, kind, value):
    assert times(text)[expression] == (kind, value)


def test_the_same_weekday_as_publication_is_that_day_unless_last():
    assert times("Rebels attacked on Tuesday.")["Tuesday"] == ("DATE", "2016-12-13")
    assert times("Rebels attacked last Tuesday.")["last Tuesday"] == ("DATE", "2016-12-06")


# -- bad input ----------------------------------------------------------------------------------
def test_no_publication_date_keeps_text_and_no_value():
    report = resolve("Fighters seized the town over the weekend and attacked on Monday. "
                     "More troops arrived yesterday; clashes continued last week.", None)
    values = {t.text: t.value for t in report.times}
    assert values["the weekend"] is None
    assert values["yesterday"] is None
    assert values["last week"] is None
    assert values["Monday"] == "XXXX-WXX-1"  # underspecified, not invented
    assert all(t.reason for t in report.times)


def test_absolute_dates_need_no_publication_date():
    assert times("The deal was signed on March 3, 2015.", None)["March 3, 2015"] == (
        "DATE", "2015-03-03")


@pytest.mark.parametrize("text", [
    "The meeting was set for 31 February 2016.", "It happened on February 30.",
    "The prophecy names 3016 and 12 March 2999 and 1 January 1001.",
    "Dated 31/31/2016 and 00/00/00.", "In '98 and on Dec. 13, '16 they met.",
    "Three thousand years and 99999 days ago, in the year 9999.",
])
def test_impossible_and_far_dates_do_not_crash(text):
    for anchor in (SEED_DAY, None, date(1, 1, 1), date(9999, 12, 31)):
        for found in find_times(text, anchor):
            assert found.reason


def test_impossible_day_keeps_the_month_and_says_why():
    found = find_times("The meeting was set for 31 February 2016.", SEED_DAY)[0]
    assert (found.text, found.value) == ("31 February 2016", "2016-02")
    assert "no day 31" in found.reason


def test_two_digit_years_pivot_on_the_publication_date():
    assert times("It began in Dec. 2, '98.").get("Dec. 2, '98") == ("DATE", "1998-12-02")


# -- offsets ------------------------------------------------------------------------------------
_PIECES = st.sampled_from([
    "on Monday", "over the weekend", "last week", "Dec. 13, 2016", "in May", "March", "sat",
    "2 min read", "the last 48 hours", "since 2011", "\n", "  ", "\u2028", "é", "ünïcode",
    "Theresa May", "three days ago", "10 p.m.", "13/12/2016", "yesterday", ".", ",", "and",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12), st.sampled_from([SEED_DAY, None]))
def test_every_offset_slices_back_to_its_text(pieces, published):
    raw = " ".join(pieces)
    report = resolve(raw, published)
    for time in report.times:
        assert raw[time.start:time.end] == time.text
        assert time.type in ("DATE", "TIME", "DURATION", "SET")


def test_offsets_are_raw_when_the_clean_text_differs():
    from array import array

    raw = "BADGE\nClashes erupted on Monday."
    report = Report(id="t", raw=raw, published=SEED_DAY)
    clean = raw[6:]
    report.set_clean(clean, array("l", list(range(6, len(raw) + 1))))
    ResolveTimes()(report)
    (time,) = report.times
    assert raw[time.start:time.end] == "Monday" == time.text


_WORDS = st.sampled_from([
    "Monday", "last", "next", "week", "weekend", "the", "a", "year", "ago", "earlier", "later",
    "Dec.", "13", "31", "2016", "9999", "1600", "'98", "/", "-", ",", "May", "March", "quarter",
    "third", "fiscal", "9999999999", "days", "hours", "p.m.", "noon", "tonight", "following",
    "day", "Christmas", "Easter", "summer", "each", "every", "now", "year-earlier", "1990s",
    "nineteen", "ninety-six", "two", "thousand", "half", "period", "morning", "since", "in"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=14),
       st.sampled_from([SEED_DAY, None, date(1, 1, 1), date(9999, 12, 31), date(1600, 2, 29)]))
def test_any_word_salad_and_any_publication_date_never_crash(words, published):
    raw = " ".join(words)
    for time in resolve(raw, published).times:
        assert raw[time.start:time.end] == time.text


def test_overnight_is_the_night_before_publication():
    # "Clashes broke out in Tripoli overnight": no time found, so the event took the publication
    # date at ACLED precision 3 (found by QA). TimeBank tags it TIME <date>TNI (wsj_0586).
    assert times("Clashes broke out in Tripoli overnight, leaving four dead.") == {
        "overnight": ("TIME", "2016-12-13TNI")}
    assert times("Overnight, gunmen stormed the village.") == {
        "Overnight": ("TIME", "2016-12-13TNI")}
    assert times("Gunmen attacked the town overnight.", None) == {"overnight": ("TIME", None)}
    assert times("The army imposed an overnight curfew.") == {}


# -- the narrative year -------------------------------------------------------------------------
def test_a_day_without_a_year_is_told_in_the_past_year_of_the_day_before_it():
    # a timeline: each entry opens "On <day>", the first with its year written out; a December
    # 2020 report's "On January 23" is in 2018, not in the coming January (the nearest to the
    # publication date)
    text = ("On January 18, 2018, two Americans were kidnapped at Kagarko.\n"
            "Police escorts were killed when gunmen ambushed the convoy.\n"
            "On January 23, two South Africans were kidnapped at Maidoro.\n"
            "On May 16, 2018, an engineer was kidnapped. On July 11, a Chinese was kidnapped at "
            "Amumu, and on August 30, a foreigner was kidnapped at Woji.")
    found = times(text, date(2020, 12, 20))
    assert found["January 23"] == ("DATE", "2018-01-23")
    assert found["July 11"] == ("DATE", "2018-07-11")
    assert found["August 30"] == ("DATE", "2018-08-30")
    told = next(f for f in find_times(text, date(2020, 12, 20)) if f.text == "January 23")
    assert "told in 2018" in told.reason


def test_a_past_year_named_in_passing_does_not_carry_to_the_days_after_it():
    # a month and year ("in July 1997") or a day naming a thing ("the Dec. 21, 1988, bombing")
    # is background: a day without a year after it is the story's own
    text = ("Poland, who were invited to join NATO in Madrid in July 1997, will officially join "
            "NATO on March 12 in a ceremony.")
    assert times(text, date(1999, 2, 27))["March 12"] == ("DATE", "1999-03-12")
    text = "Two agents charged in the Dec. 21, 1988, bombing were handed over on Aug. 2."
    assert times(text, date(1990, 8, 15))["Aug. 2"] == ("DATE", "1990-08-02")
    # a day of another year in between ends the narrative; so does distance
    text = ("On May 16, 2018, an engineer was kidnapped. Police said on Tuesday that on July 11 "
            "a trader was kidnapped.")
    assert times(text, date(2020, 12, 20))["July 11"] == ("DATE", "2020-07-11")
    far = "On May 16, 2018, an engineer was kidnapped. " + "Talks went on. " * 45 + \
        "On July 11, a trader was kidnapped."
    assert times(far, date(2020, 12, 20))["July 11"] == ("DATE", "2020-07-11")
