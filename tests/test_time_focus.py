"""Time: the temporal focus, tense cues and TIMEX3 conventions of TempEval-3 (sitrep/time)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.time.recognise import find_times

SEED_DAY = date(2016, 12, 13)  # a Tuesday


def times(text: str, anchor: date | None = SEED_DAY) -> dict[str, tuple[str, str | None]]:
    return {found.text: (found.type, found.value) for found in find_times(text, anchor)}


# -- anchored to what the text talks about, not to the publication date ---------------------------
@pytest.mark.parametrize("text, expression, value", [
    ("He fled to Florida in June 1998 and returned to Cuba later that year.",
     "later that year", "1998"),
    ("Sales peaked in 2009. That year the plant closed.", "That year", "2009"),
    ("The group bid in March 2014. The following month, it sold the unit.",
     "The following month", "2014-04"),
    ("Shares closed on Friday, Dec. 9, down 4% from the previous Friday.",
     "the previous Friday", "2016-12-02"),
    ("He was shot on Oct. 23, 2015. Earlier that day, police got a fax.",
     "Earlier that day", "2015-10-23"),
    ("Fighting resumed on Friday. Shelling was heavy in the morning.", "the morning",
     "2016-12-09TMO"),
    ("The day before last Tuesday's hearing, he went home.", "The day before last Tuesday",
     "2016-12-05"),
    ("He was shot on Oct. 23. Two men came to the house the day after his death.", "the day",
     "2016-10-24"),
    ("Eight days after Oct. 12, the day before the plunge, prices fell.", "the day",
     "2016-10-12"),
    # "earlier" and "later" count from the story's time; "ago" from the report's
    ("Men beat him in May 2019. Two months earlier, two men broke into his home.",
     "Two months earlier", "2019-03"),
    ("He was arrested on Oct. 12. Three days later, he was freed.", "Three days later",
     "2016-10-15"),
    ("He was arrested on Oct. 12. Three days ago, he was freed.", "Three days ago",
     "2016-12-10"),
])
def test_anaphoric_expressions_take_the_focus(text, expression, value):
    assert times(text)[expression][1] == value


def test_that_without_a_focus_keeps_no_value_and_that_day_alone_is_no_time():
    assert times("That year the plant closed.")["That year"] == ("DATE", None)
    assert "that day" not in times("I remember that day well.")


# -- tense cues ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, anchor, expression, value", [
    # a passive participle is no past cue: "will be named" is future
    ("She will be named commander for a mission in December.", date(1998, 3, 4), "December",
     "1998-12"),
    # "untouched by": a participle with its agent is no past cue
    ("Qantas will double its flights by August for markets untouched by the crisis.",
     date(1998, 2, 13), "August", "1998-08"),
    # "since" points back whatever the verb
    ("The carrier, on patrol since March, was scheduled to return.", date(1990, 8, 13), "March",
     "1990-03"),
    # "unspecified" is an adjective, not a past verb
    ("The split would be paid on a still unspecified date in January.", date(1989, 10, 26),
     "January", "1990-01"),
])
def test_tense_cues_pick_the_year(text, anchor, expression, value):
    assert times(text, anchor)[expression][1] == value


def test_possessive_weekdays_are_past_whatever_the_tense():
    found = times("Relatives said they would look for ways around Wednesday's ruling.",
                  date(2000, 1, 7))
    assert found["Wednesday"] == ("DATE", "2000-01-05")


# -- TIMEX3 conventions --------------------------------------------------------------------------
@pytest.mark.parametrize("text, expression, kind, value", [
    ("The idea shaped the 20th century.", "the 20th century", "DATE", "19"),
    ("Mosques built in the 11th century stand.", "the 11th century", "DATE", "10"),
    ("Prices soared in the nineties.", "the nineties", "DATE", "199"),
    ("A decades-long slump ended.", "decades-long", "DURATION", "PXY"),
    ("A day-long strike began.", "day-long", "DURATION", "P1D"),
    ("Growth slowed through the first two quarters of 1990.", "the first two quarters of 1990",
     "DATE", "1990-H1"),
    ("Profit rose in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2"),
    ("The deal should close by year end.", "year end", "DATE", "2016"),
    ("Volume was the week's highest.", "the week", "DATE", "2016-WXX"),
    ("The summit is on April 24 and 25.", "25", "DATE", "2017-04-25"),
    ("The post-1959 politics split families.", "post-1959", "DATE", "1959"),
    ("A theme of our campaign from now to Election Day.", "Election Day", "DATE", "2016-11-08"),
    ("By mid afternoon, sources said the town fell.", "mid afternoon", "TIME", "2016-12-13TAF"),
    ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME",
     "2016-12-12TAF"),
    ("January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "DATE",
     "1997-01"),
    ("The level we saw in the winter of nineteen ninety-four.",
     "the winter of nineteen ninety-four", "DATE", "1994-WI"),
    ("He wrote in the Communist Party daily Granma.", "daily", "SET", "P1D"),
])
def test_timex3_conventions(text, expression, kind, value):
    assert times(text)[expression] == (kind, value)


def test_titles_and_decade_halves_are_not_times():
    assert "This Week" not in times('He said on ABC\'s "This Week" program.')
    assert times("The trend of the last half of the '80s held.").get("the last half") is None


def test_the_quarter_a_report_is_about_is_the_first_recent_one():
    text = ("Net rose in the third quarter. After a flat second quarter, gains came. "
            "In the 2016 period also, costs fell from a year ago.")
    found = times(text)
    assert found["the 2016 period"] == ("DATE", "2016-Q3")
    assert found["a year ago"] == ("DATE", "2015-Q3")


# -- speed anchors never change what is found ------------------------------------------------------
ANCHOR_TEXTS = [
    "At 10:30 GMT on Monday the shelling began; by 9 AM local time it stopped, around 4 in the "
    "morning it resumed, at noon Friday and shortly after midnight, Dec. 3, at 5 p.m. EST, Nov. 6.",
    "In the years that followed, the nineties and the 20th century, a decades-long war and a "
    "day-long strike; the first two quarters of 1990 and the last half of 1989.",
    "January nineteen ninety-seven; the winter of two thousand and one; April 24 and 25; post-1959; "
    "from now to Election Day; by mid afternoon; later that year; the previous Friday; the day "
    "before last Tuesday; recently, now and in the future.",
    "Noon came. Midnight passed; In the evening, 48-hour and 3-day-old strikes, Days of talks, "
    "two Weekends, a fortnight, three fortnights, 10 seconds, five minutes, centuries, a "
    "millennium and two millennia, the coming quarters, hours-long raids, in the past days, the "
    "days before the vote. Years ago, two days ago, a week later, six months earlier, three "
    "years back, ten years hence, two weeks from now, for years.",
    "On Sunday, March 3 and 4, JANUARY 2015, Sept. 30, in mid-May, by late June 2019, the 5th of "
    "OCTOBER; nowadays, at present, presently, at the moment, these days, formerly, currently, "
    "RIGHT NOW, in the near term, more recently, lately, the distant future and the past.",
    "On Christmas Eve, New Year's Day, Easter, Thanksgiving, Halloween, Independence Day and "
    "Election Day; the 1990s, the '80s, the twenties, the 21st century, the 2016 period, the "
    "first half, the third QUARTER, year-earlier figures, the day before, the evening, this "
    "MORNING, nineteen eighty-four and two thousand and ten.",
]


def test_an_anchor_is_scanned_for_only_in_a_text_holding_the_words_it_needs(monkeypatch):
    import sitrep.time.recognise as recognise

    scanned = []

    class Spy:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text):
            scanned.append(self.pattern.pattern)
            return self.pattern.finditer(text)

    monkeypatch.setattr(recognise, "_ANCHOR_PATTERNS", {
        key: Spy(pattern) for key, pattern in recognise._ANCHOR_PATTERNS.items()})
    century = recognise._ANCHORS["century"][0]
    assert times("Rebels attacked the town on Monday.") == {"Monday": ("DATE", "2016-12-12")}
    assert century not in scanned and recognise._HOLIDAYS not in scanned
    assert times("It has stood since the 19th century.")["the 19th century"] == ("DATE", "18")
    assert century in scanned


def test_every_hit_of_an_anchor_holds_a_word_it_needs():
    import sitrep.time.recognise as recognise

    for pattern, needs in recognise._NEEDS.items():
        for text in ANCHOR_TEXTS:
            for hit in recognise._ANCHOR_PATTERNS[pattern].finditer(text):
                assert any(need in hit.group() for need in needs), (pattern, hit.group())


def test_unit_and_ago_anchors_hit_whole_words_only():
    import sitrep.time.recognise as recognise

    def hits(anchor: str, text: str) -> list[str]:
        pattern = recognise._ANCHOR_PATTERNS[recognise._ANCHORS[anchor][0]]
        return [found.group() for found in pattern.finditer(text)]

    # "say", "may", "might", "fight", "near", "fear", "seek", "daylight" are no unit words
    assert hits("duration", "They say the fighters may fear the night; Days near, daylight, "
                            "seek, might, 48-hours") == ["night", "Days", "hours"]
    # nor are "violence", "Chicago", "feedback", "collateral" the words after "two days"
    assert hits("ago", "Violence in Chicago; feedback, collateral; days ago, weeks later") == \
        ["ago", "later"]
    # a month's first letters after its own capital only: not "Sunday", "Debris", "Dayton"
    assert hits("month", "On Sunday, Debris in Dayton; Marib, May, Sept. 3, OCTOBER") == \
        ["Mar", "May", "Sep", "OCTOBER"]
    # whole reference words: not "town", "power", "know", "last", "terms", "presents"
    assert hits("reference", "town power know last terms presents; now, the past, these days, "
                             "currently") == ["now", "past", "these", "currently"]


def test_anchor_windows_find_what_the_full_patterns_find(monkeypatch):
    import sitrep.time.recognise as recognise

    anchored = [find_times(text, SEED_DAY) for text in ANCHOR_TEXTS]
    monkeypatch.setattr(recognise, "_ANCHORS", {})
    assert [find_times(text, SEED_DAY) for text in ANCHOR_TEXTS] == anchored
