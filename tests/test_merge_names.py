"""The people a report names, for cross-report merging (sitrep.merge.names): surname keys and
their spellings, given names that tell namesakes apart, surnames told first, two-letter
surnames, quoted titles and web addresses, names joined by a hyphen or an apostrophe, a first
name taken for a place and a place that opens a medium's name."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from sitrep.merge.cross_report import Mention, compare, mention_of, surname_key
from sitrep.merge.names import mention_runs, name_runs, same_given
from sitrep.model import Actor, Event, Place, Report, Span, Token

from test_merge_incidents import _event


def _report(raw: str, proper: set[str]) -> Report:
    report = Report(id="names", raw=raw, path="names.txt")
    report.tokens = [Token(m.start(), m.end(), m.group(), 0,
                           pos="PROPN" if m.group() in proper else "NOUN")
                     for m in re.finditer(r"\w+|[^\w\s]", raw)]
    return report


def _mention(event_id: str, group: str, names: set[str], given=()) -> Mention:
    day = date(2021, 5, 23)
    return Mention(event_id, group, "detention", "Arrests", "asserted", "EGY", day, day, 30.04,
                   31.24, 1, frozenset(names), given=frozenset(given))


def test_given_names_tell_namesakes_apart_without_setting_them_apart():
    alaa = _mention("e1", "g1", {"fata"}, {("fata", surname_key("Alaa"))})
    esraa = _mention("e2", "g2", {"fata"}, {("fata", surname_key("Esraa"))})
    result = compare(alaa, esraa)
    assert not any(reason.startswith("same person named") for reason in result.reasons)
    assert any("other given names: fata" in reason for reason in result.reasons)
    # not a conflict: the same day and place still join them (and a third report may)
    assert result.conflict is None and result.link
    assert compare(replace(alaa, first_day=date(2021, 6, 1), last_day=date(2021, 6, 30),
                           lat=None, lon=None, iso3=None),
                   replace(esraa, lat=None, lon=None, iso3=None)).link is False
    # a given name spelled another way is the same person; one report without a given name
    # keeps the surname's weight
    spelled = _mention("e3", "g3", {"fata"}, {("fata", surname_key("Ala'a"))})
    assert any(reason.startswith("same person named") for reason in compare(alaa, spelled).reasons)
    bare = _mention("e4", "g4", {"fata"})
    assert any(reason.startswith("same person named") for reason in compare(alaa, bare).reasons)


def test_same_given_reads_transliterations_as_one_name():
    assert same_given(surname_key("Aleksei"), surname_key("Alexei"))
    assert same_given(surname_key("Iurii"), surname_key("Yuri"))
    assert same_given(surname_key("Mohamed"), surname_key("Muhammad"))
    assert same_given(surname_key("Nat"), surname_key("Natividad"))
    assert not same_given(surname_key("Jun"), surname_key("Nat"))
    assert not same_given(surname_key("Alaa"), surname_key("Esraa"))
    assert not same_given(surname_key("Alaa"), surname_key("Abdel"))


def test_given_names_are_those_the_events_evidence_gives():
    raw = ("Police arrested the activist Esraa Abdel Fattah in Cairo. Later Fattah was taken "
           "to prison. Her brother Karim Fattah spoke.")
    report = _report(raw, {"Police", "Esraa", "Abdel", "Fattah", "Cairo", "Karim"})
    runs = mention_runs(report)

    def told(first: str, last: str) -> Mention:
        sentence = raw.index(first), raw.index(last) + len(last)
        event = Event(event_type="Violence against civilians", sub_event_type="Arrests",
                      plover_type="COERCE", event_date="2021-05-23", time_precision=1,
                      evidence=(Span(*sentence, raw[slice(*sentence)]),))
        return mention_of("e1", "g1", event, runs)

    arrest = told("Police", "Cairo.")
    assert arrest.names == {surname_key("Fattah")}
    assert arrest.given == {(surname_key("Fattah"), surname_key("Esraa"))}
    assert Mention.from_dict(arrest.to_dict()) == arrest
    # the evidence says "Fattah" alone: no given name, though the report gives two
    assert told("Later", "prison.").given == frozenset()
    assert told("Police", "spoke.").given == {(surname_key("Fattah"), surname_key("Esraa")),
                                              (surname_key("Fattah"), surname_key("Karim"))}


def test_a_surname_told_first_and_alone_is_a_name_key_of_two_letters():
    raw = ("Police detained the lawyer Xu Zhiyong in Guangzhou. Xu had been in hiding. "
           "Mr Li was not held.")
    report = _report(raw, {"Police", "Xu", "Zhiyong", "Guangzhou", "Mr", "Li"})
    runs = name_runs(report)
    keys = [(raw[start:end], key) for start, end, key, _ in runs]
    # the full name is keyed by its last word and, since the report calls him "Xu" alone, by
    # its first; "Mr Li" is introduced by the title
    assert ("Xu Zhiyong", surname_key("Zhiyong")) in keys
    assert ("Xu Zhiyong", "xu") in keys and ("Xu", "xu") in keys
    assert ("Mr Li", "li") in keys
    given = {(key, value) for _, _, key, value in mention_runs(report) if key.startswith("^")}
    assert ("^xu", surname_key("Zhiyong")) in given
    # a two-letter word nobody introduces names no one
    assert name_runs(_report("Ng said so.", {"Ng"})) == []


def test_a_newspapers_name_is_no_persons():
    raw = "Reporters of Novaya Gazeta said Anna Politkovskaya was shot. Gazeta staff mourned."
    report = _report(raw, {"Reporters", "Novaya", "Gazeta", "Anna", "Politkovskaya"})
    assert [key for _, _, key, _ in name_runs(report)] == [surname_key("Politkovskaya")]


@pytest.mark.parametrize("first, second", [
    ("Khashoggi", "Kashoggi"), ("Andreyeva", "Andreeva"), ("El-Fattah", "Fattah"),
    ("Vamoulké", "Vamoulke"), ("Bandarenka’s", "Bandarenka"), ("Ng’ang’a", "Nganga"),
    ("al-Mahmoud", "Mahmoud"), ("Abdelrahman", "Abdel Rahman".split()[-1]),
    ("Abdulkarim", "Abd al-Karim".split()[-1]), ("Abdoulaziz", "Aziz")])
def test_spellings_of_one_surname_share_a_key(first, second):
    assert surname_key(first) == surname_key(second)


def test_an_abd_name_too_short_to_split_stays_whole():
    # "Abdullah" is not "Abd" + a surname of its own: its key keeps the whole word
    assert surname_key("Abdullah") == surname_key("Abdulah") == "abdula"
    assert surname_key("Abdul") == "abdul"


def test_surnames_of_different_people_keep_different_keys():
    keys = {surname_key(word) for word in ("Protasevich", "Sapega", "Castro", "Pearl", "Saeed")}
    assert len(keys) == 5


def test_a_quoted_title_names_nobody():
    from sitrep.merge.names import name_runs, quoted_titles

    raw = ("Luka Binniyat was arrested after writing an article titled “In Nigeria, Police "
           "Decry Massacres as ‘Wicked’ But Make No Arrests.” Binniyat denies the charge.")
    proper = {"Luka", "Binniyat", "Nigeria", "Police", "Decry", "Massacres", "Wicked", "Make",
              "Arrests"}
    report = Report(id="title", raw=raw, path="title.txt")
    report.tokens = [Token(m.start(), m.end(), m.group(), 0,
                           pos="PROPN" if m.group() in proper else "NOUN")
                     for m in re.finditer(r"\w+", raw)]
    police = raw.index("Police")
    report.actors = [Actor(police, police + 6, "Police", "Police Forces of Nigeria", inter=1)]
    assert [key for _, _, key, _ in name_runs(report)] == ["biniat", "biniat"]
    # a quotation that is a sentence, not a title, is still read for names
    assert quoted_titles("He said “the police took Roman Protasevich away” on Sunday.") == []


def test_a_name_written_in_lower_case_only_in_a_web_address_is_still_a_name():
    from sitrep.merge.names import name_runs

    raw = ("Unknown men beat the lawyer Karim Saleh outside his office. Saleh was taken to "
           "hospital. His page: https://www.facebook.com/karim.saleh.77 and @saleh_law, "
           "mail saleh@example.org. The harvest season began.")
    proper = {"Unknown", "Karim", "Saleh", "His"}
    report = Report(id="url", raw=raw, path="url.txt")
    report.tokens = [Token(m.start(), m.end(), m.group(), 0,
                           pos="PROPN" if m.group() in proper else "NOUN")
                     for m in re.finditer(r"\w+|[^\w\s]", raw)]
    assert [raw[start:end] for start, end, _, _ in name_runs(report)] == ["Karim Saleh", "Saleh"]
    # the same word in lower case in prose is a common noun
    prose = Report(id="prose", raw=raw.replace("The harvest", "The saleh harvest"),
                   path="prose.txt")
    prose.tokens = [Token(m.start(), m.end(), m.group(), 0,
                          pos="PROPN" if m.group() in proper else "NOUN")
                    for m in re.finditer(r"\w+|[^\w\s]", prose.raw)]
    assert name_runs(prose) == []


def test_addresses_are_looked_for_only_in_a_text_marked_by_one(monkeypatch):
    import sitrep.merge.names as names

    addresses = ["https://www.facebook.com/karim.saleh.77", "www.example.org", "@saleh_law",
                 "#FreeSaleh", "saleh@example.org", "facebook.com/gamal.eid.90"]
    for address in addresses:
        assert any(mark in address for mark in names._ADDRESS_MARKS), address
        assert names._without_addresses(f"page {address} here") == "page   here"

    class NoScan:
        def sub(self, *args):
            raise AssertionError("a text with no address mark was searched for addresses")

    monkeypatch.setattr(names, "_ADDRESS", NoScan())
    prose = "Unknown men beat the lawyer Karim Saleh. Saleh was taken to hospital."
    assert names._without_addresses(prose) is prose


def test_names_joined_by_a_hyphen_or_apostrophe_and_a_first_name_taken_for_a_place():
    from sitrep.merge.names import name_runs

    raw = ("Police detained the activist Samira al-Mahdi in Tunis on Sunday. Mahdi was freed. "
           "Reporters said Florence Ng’ang’a was also held. Ng’ang’a denied it.")
    proper = {"Police", "Samira", "al", "Mahdi", "Tunis", "Sunday", "Reporters", "Florence",
              "Ng", "ang", "a"}
    report = Report(id="names", raw=raw, path="names.txt")
    # the tokenizer splits "al-Mahdi" and "Ng’ang’a" at the hyphen and the apostrophes
    report.tokens = [Token(m.start(), m.end(), m.group(), 0,
                           pos="PROPN" if m.group() in proper else "NOUN")
                     for m in re.finditer(r"\w+|[^\w\s]", raw)]
    tunis, florence = raw.index("Tunis"), raw.index("Florence")
    report.places = [Place(tunis, tunis + 5, "Tunis", "Tunis", 2464470, 36.8, 10.18, "Tunisia",
                           "TUN", geo_precision=1),
                     Place(florence, florence + 8, "Florence", "Florence", 3176959, 43.77,
                           11.25, "Italy", "ITA", geo_precision=1)]
    runs = name_runs(report)
    # "al-Mahdi" is one surname, so the "Mahdi" of the next sentence is the same person; the
    # gazetteer's Florence is a first name before a surname, which introduces "Ng’ang’a"
    assert [(raw[start:end], key) for start, end, key, _ in runs] == [
        ("Samira al-Mahdi", surname_key("Mahdi")), ("Mahdi", surname_key("Mahdi")),
        ("Florence Ng’ang’a", surname_key("Nganga")), ("Ng’ang’a", surname_key("Nganga"))]
    # an event placed at a person's first name has no place of its own to compare
    sentence = raw.index("Reporters"), raw.index(" Ng’ang’a denied")
    held = _event("Arrests", event_date="2021-05-23", time_precision=1,
                  location=report.places[1], location_source="sentence",
                  evidence=(Span(*sentence, raw[slice(*sentence)]),))
    told = mention_of("e1", "g1", held, runs)
    assert told.names == {surname_key("Nganga")} and told.iso3 is None and not told.located
    assert mention_of("e1", "g1", replace(held, location=report.places[0]), runs).located


def test_a_place_that_opens_a_mediums_name_is_not_the_events_place():
    from sitrep.merge.names import mention_runs

    raw = ("A Lagos Herald reporter, Ade Bello, was kidnapped in Kaduna. Gunmen seized pupils "
           "at Kagara College on Monday.")
    lagos, kagara = raw.index("Lagos"), raw.index("Kagara")
    report = Report(id="medium", raw=raw, path="medium.txt")
    report.places = [Place(lagos, lagos + 5, "Lagos", "Lagos", 2332459, 6.45, 3.39, "Nigeria",
                           "NGA", geo_precision=1),
                     Place(kagara, kagara + 6, "Kagara", "Kagara", 2335204, 10.12, 6.26,
                           "Nigeria", "NGA", geo_precision=1)]
    runs = mention_runs(report)
    first = (0, raw.index(" Gunmen"))
    kidnapped = _event("Abduction/forced disappearance", event_date="2021-05-23",
                       time_precision=1, location=report.places[0], location_source="sentence",
                       evidence=(Span(*first, raw[slice(*first)]),))
    # "Lagos Herald" is a newspaper: the kidnapping is not placed in Lagos by it
    assert mention_of("e1", "g1", kidnapped, runs).iso3 is None
    assert mention_of("e1", "g1", kidnapped, []).iso3 == "NGA"
    # a college named after its town is in that town, where the event is
    second = (raw.index("Gunmen"), len(raw))
    seized = replace(kidnapped, location=report.places[1],
                     evidence=(Span(*second, raw[slice(*second)]),))
    assert mention_of("e2", "g1", seized, runs).located
