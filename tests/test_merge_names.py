"""The people a report names, for cross-report merging: given names that tell namesakes apart,
surnames told first, two-letter surnames and the names of media (sitrep.merge.names)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sitrep.merge.cross_report import Mention, compare, mention_of, surname_key
from sitrep.merge.names import mention_runs, name_runs, same_given
from sitrep.model import Event, Report, Span, Token


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
