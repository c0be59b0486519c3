"""Whether a name is a place, and which, read from the words and places around it: a street's
head inside an organisation's name, an alternate name that continues a list of places, a name
the tagger misreads as a verb, a division read through its noun in a report about another
country. Inputs are built by hand (a small gazetteer, candidates, sentences written for these
tests); the end-to-end cases run the built-in pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.geo.facilities import find_facilities
from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.locate import LocateEvents
from sitrep.geo.recognize import Mention, find_mentions
from sitrep.geo.resolve import resolve_mentions
from sitrep.model import Event, Place, Report, Span

from gazetteer_rows import write_gazetteer


@pytest.mark.parametrize("text, found", [
    ("Officials of the Federal Road Safety Corps were attacked in Kaduna.", []),
    ("The Wall Street Journal reported the raid.", []),
    ("A bomb went off on Royal Street Tuesday night.", ["Royal Street"]),
    ("Protesters gathered near Main Street Bridge in the town.", ["Main Street Bridge"]),
    ("Shots were fired on Eglinton Avenue West.", ["Eglinton Avenue"]),
    ("Police dispersed protesters at Tahrir Square in Cairo.", ["Tahrir Square"]),
])
def test_a_street_head_inside_a_longer_name_is_no_place(text, found):
    """"Federal Road Safety Corps" names a body, not a road: a capitalised word after the head
    (not a day, a month or another head) makes the head a piece of a longer name."""
    assert [text[start:end] for start, end in find_facilities(text)] == found


@pytest.fixture(scope="module")
def list_gazetteer(tmp_path_factory):
    """Towns of Uttar Pradesh, one of them known to the gazetteer by an alternate name only
    ("Chitrakoot" for Chitrakoot Dham), and a Chinese town whose alternate name is a surname."""
    path = tmp_path_factory.mktemp("lists") / "gazetteer.sqlite"
    write_gazetteer(path, places=[
        (1, 1, "Gorakhpur", 26.77, 83.37, "P", "PPL", "IN", "36", None, 674246, "test"),
        (2, 2, "Azamgarh", 26.07, 83.18, "P", "PPL", "IN", "36", None, 116644, "test"),
        (3, 3, "Chitrakoot Dham", 25.21, 80.92, "P", "PPL", "IN", "36", None, 23316, "test"),
        (4, 4, "Kanpur", 26.47, 80.35, "P", "PPL", "IN", "36", None, 2823249, "test"),
        (5, 5, "Beijing", 39.91, 116.40, "P", "PPLC", "CN", "22", None, 18960744, "test"),
        (6, 6, "Chenjiazhuang", 36.0, 117.0, "P", "PPL", "CN", "25", None, 20000, "test"),
    ], names=[
        ("gorakhpur", 1, "official", "Gorakhpur", 0, None),
        ("azamgarh", 2, "official", "Azamgarh", 0, None),
        ("chitrakoot dham", 3, "official", "Chitrakoot Dham", 0, None),
        ("chitrakoot", 3, "alternate", "Chitrakoot", 0, None),
        ("kanpur", 4, "official", "Kanpur", 0, None),
        ("beijing", 5, "official", "Beijing", 0, None),
        ("chenjiazhuang", 6, "official", "Chenjiazhuang", 0, None),
        ("chen", 6, "alternate", "Chen", 0, None),
    ], countries=[("IN", "IND", "India", None), ("CN", "CHN", "China", None)])
    return Gazetteer(path)


def _names(gazetteer, text, tags=None):
    return [m.text for m in find_mentions(text, gazetteer, tags=tags)]


def test_an_alternate_name_is_a_place_as_a_member_of_a_list_a_locative_opens(list_gazetteer):
    """A one-word alternate name needs a locative before it; the list's preposition is one, for
    each member: in the middle of the list or as its last member."""
    assert _names(list_gazetteer, "Police arrested workers in Gorakhpur, Azamgarh, Chitrakoot "
                                  "and Kanpur.") == ["Gorakhpur", "Azamgarh", "Chitrakoot",
                                                     "Kanpur"]
    assert _names(list_gazetteer, "Police arrested workers in Gorakhpur and Chitrakoot.") == \
        ["Gorakhpur", "Chitrakoot"]
    # no locative opens the list, or the name does not go on with the list: a name, no place
    assert _names(list_gazetteer, "Gorakhpur, Chitrakoot and Kanpur voted.") == \
        ["Gorakhpur", "Kanpur"]
    assert _names(list_gazetteer, "He was held in Beijing, Chen said.") == ["Beijing"]
    assert _names(list_gazetteer, "Police arrested workers in Gorakhpur. Chitrakoot was "
                                  "calm.") == ["Gorakhpur"]


def test_a_capitalised_unknown_word_the_tagger_reads_as_a_verb_is_still_a_place(list_gazetteer):
    """A statistical tagger guesses an unseen word from its ending ("Damaturu" as a verb): in
    the middle of a sentence, a capitalised name that is no English word keeps its reading. A
    sentence's first word, or a common word read as a verb, does not."""
    text = "Bombers struck markets in Gorakhpur and Kanpur on Monday."
    tags = {text.index("Kanpur"): "VERB", text.index("Gorakhpur"): "PROPN"}
    assert _names(list_gazetteer, text, tags) == ["Gorakhpur", "Kanpur"]
    opening = "Kanpur was calm."
    assert _names(list_gazetteer, opening, {0: "VERB"}) == []


def _candidate(ident, name, country, fcode="PPL", population=0, cue=None, admin1="01",
               lat=0.0, lon=0.0):
    fclass = "A" if fcode.startswith(("PCL", "ADM")) else "P"
    return Candidate(ident, ident, name, lat, lon, fclass, fcode, country, admin1, None,
                     population, "official", False, cue, "test")


GREAT_LAKES = _candidate(1, "Great Lakes", "AU", "ADM2", cue="admin", admin1="02", lat=-32.3,
                         lon=152.3)
CONGO = _candidate(2, "Democratic Republic of the Congo", "CD", "PCLI", 80_000_000, lat=-2.5,
                   lon=23.5)
NORTH_KIVU = _candidate(3, "North Kivu", "CD", "ADM1", admin1="11", lat=-0.5, lon=29.3)
KATHUA = _candidate(4, "Kathua", "IN", "ADM2", cue="admin", admin1="12", lat=32.4, lon=75.5)
PAKISTAN = _candidate(5, "Pakistan", "PK", "PCLI", 200_000_000, lat=30.0, lon=70.0)


def _mention(text, name, *candidates, cue=None):
    start = text.index(name)
    return Mention(start, start + len(name), name, tuple(candidates), cue=cue)


def test_a_division_read_through_its_noun_agrees_with_a_report_plainly_about_another_country():
    """"the Great Lakes region" in a report about Congo is not the Australian council area the
    gazetteer knows by that name: unresolved, for review, with the reading as runner-up."""
    text = "Rebels raided the Great Lakes region of the Democratic Republic of the Congo, in " \
           "North Kivu province."
    resolutions = resolve_mentions([
        _mention(text, "Great Lakes", GREAT_LAKES, cue="admin"),
        _mention(text, "Democratic Republic of the Congo", CONGO),
        _mention(text, "North Kivu", NORTH_KIVU, cue="admin")], text)
    assert resolutions[0].candidate is None and resolutions[0].needs_review
    assert resolutions[0].runner_up is GREAT_LAKES
    assert "the only division 'Great Lakes' known is in AU; the report names CD" in \
        resolutions[0].reason
    assert resolutions[2].candidate is NORTH_KIVU


def test_a_division_beside_one_mention_of_a_neighbour_keeps_its_reading():
    """One anchor abroad ("Pakistani troops fired at posts in Kathua district") does not make a
    report about that country; alone, a division keeps its only reading."""
    text = "Troops from Pakistan fired at border posts in Kathua district."
    resolutions = resolve_mentions([_mention(text, "Pakistan", PAKISTAN),
                                    _mention(text, "Kathua", KATHUA, cue="admin")], text)
    assert resolutions[1].candidate is KATHUA
    alone = "Clashes broke out in Kathua district."
    assert resolve_mentions([_mention(alone, "Kathua", KATHUA, cue="admin")],
                            alone)[0].candidate is KATHUA


def test_listed_towns_the_recogniser_used_to_miss_are_each_a_scene(analyse):
    """End to end: "Chitrakoot" (an alternate name) and "Damaturu" (tagged as a verb) in lists
    of towns each get the act, one event per place."""
    _, typed = analyse("Police arrested Congress workers in Gorakhpur, Azamgarh, Chitrakoot and "
                       "Kanpur on Monday.")
    assert sorted(e.location.text for e in typed) == ["Azamgarh", "Chitrakoot", "Gorakhpur",
                                                      "Kanpur"]
    _, typed = analyse("Suicide bombers attacked markets in Maiduguri and Damaturu on Monday.")
    assert sorted(e.location.text for e in typed) == ["Damaturu", "Maiduguri"]
    assert {e.location.admin1 for e in typed} == {"Borno", "Yobe"}


def _placed(raw, name, code, admin1, lat, lon):
    start = raw.index(name)
    return Place(start, start + len(name), name, name=name, lat=lat, lon=lon, country="Bangladesh",
                 admin1=admin1, feature_code=code, geo_precision=1 if code == "PPL" else 2 if
                 code == "ADM2" else 3, reason="test")


def _event_at(raw, trigger):
    start = raw.index(trigger)
    return Event("Battles", "Armed clash", "ASSAULT",
                 trigger=Span(start, start + len(trigger), trigger), modality="asserted")


def test_a_province_alone_in_the_events_sentence_gives_way_to_its_town_named_just_before():
    """"Rival groups met in Chhatak. In Sylhet, the groups clashed": the event's sentence names
    only the province; the town of that province told just before is where it happened. A
    town of another province is no refinement."""
    raw = "Rival groups met at a market in Chhatak. In Sylhet, the groups clashed with sticks."
    report = Report(id="t", raw=raw)
    chhatak = _placed(raw, "Chhatak", "PPL", "Sylhet", 25.0, 91.7)
    sylhet = _placed(raw, "Sylhet", "ADM1", "Sylhet", 24.5, 91.7)
    report.places = [chhatak, sylhet]
    report.events = [_event_at(raw, "clashed")]
    located = LocateEvents()(report).events[0]
    assert located.location.name == "Chhatak" and located.location_source == "earlier sentence"
    assert "a place in Sylhet (named in the event's sentence) told just before" in \
        located.reasons[-1]
    report.places = [replace(chhatak, admin1="Dhaka"), sylhet]
    report.events = [_event_at(raw, "clashed")]
    assert LocateEvents()(report).events[0].location.name == "Sylhet"


def test_a_place_told_in_a_relative_clause_about_a_person_gives_way_to_the_acts_place():
    """"a protest over the arrest of Dr Castro, who faces charges in Agusan del Sur, at the
    hospital in Manila": the clause tells where the person is charged; the place after it goes
    back to the protest. A relative clause with no place after it keeps its place ("a commander,
    who was hiding in Karachi, was arrested": where he was taken)."""
    raw = ("Advocates staged a protest over the arrest of Dr Castro, who faces charges in "
           "Agusan del Sur, at the hospital in Manila on Monday.")
    report = Report(id="t", raw=raw)
    report.places = [_placed(raw, "Agusan del Sur", "ADM2", "Caraga", 8.5, 125.9),
                     _placed(raw, "Manila", "PPL", "Metro Manila", 14.6, 121.0)]
    report.events = [_event_at(raw, "protest")]
    assert LocateEvents()(report).events[0].location.name == "Manila"
    raw = "Police arrested a commander, who was hiding in Karachi, on Monday."
    report = Report(id="t", raw=raw)
    report.places = [_placed(raw, "Karachi", "PPL", "Sindh", 24.9, 67.0)]
    report.events = [_event_at(raw, "arrested")]
    assert LocateEvents()(report).events[0].location.name == "Karachi"


def test_the_area_that_owns_a_division_decides_it_before_any_other_rule():
    """"Assam's Kathua district": the only Kathua division known lies in another state, so the
    text's owner leaves it unresolved, for review; no later rule reads it back."""
    text = "Gunmen struck in Assam's Kathua district."
    assam = _candidate(6, "Assam", "IN", "ADM1", admin1="03", lat=26.0, lon=92.0)
    owner = _mention(text, "Assam", assam)
    kathua = _mention(text, "Kathua", KATHUA, cue="admin")
    kathua.container, kathua.owned = 0, True
    resolutions = resolve_mentions([owner, kathua], text)
    assert resolutions[0].candidate is assam
    assert resolutions[1].candidate is None and resolutions[1].needs_review
    assert resolutions[1].reason.startswith("no place of that name inside Assam")
