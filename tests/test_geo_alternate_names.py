"""A place matched only by one of its alternate names needs the report's support when the report's
other places lie elsewhere ("Kech" is known to the gazetteer only as a German spelling of Ketsch;
in a report whose places are Pakistani it is the Pakistani district the gazetteer lacks). Inputs
are built by hand: candidates and mentions, no gazetteer file."""

from __future__ import annotations

from sitrep.geo.gazetteer import Candidate
from sitrep.geo.recognize import Mention
from sitrep.geo.resolve import resolve_mentions


def _candidate(ident, name, country, population, kind="official", fcode="PPL", lat=0.0,
               lon=0.0, admin1="01"):
    fclass = "A" if fcode.startswith(("PCL", "ADM")) else "P"
    return Candidate(ident, ident, name, lat, lon, fclass, fcode, country, admin1, None,
                     population, kind, False, None, "test")


def _mention(text, name, *candidates, cue=None):
    start = text.index(name)
    return Mention(start, start + len(name), name, tuple(candidates), cue=cue)


KETSCH = _candidate(1, "Ketsch", "DE", 13_124, kind="alternate", lat=49.37, lon=8.53)
TURBAT = _candidate(2, "Turbat", "PK", 75_694, lat=26.0, lon=63.05, admin1="02")
BALOCHISTAN = _candidate(3, "Balochistan", "PK", 0, fcode="ADM1", lat=28.0, lon=65.0,
                         admin1="02")


def test_a_lone_alternate_name_abroad_is_doubted_when_the_reports_places_lie_elsewhere():
    """The surer place decides first, whatever the order of the names: Kech before Turbat."""
    text = "Gunmen shot a teacher in Kech near Turbat on Monday."
    kech = _mention(text, "Kech", KETSCH)
    resolutions = resolve_mentions([kech, _mention(text, "Turbat", TURBAT)], text)
    assert resolutions[0].candidate is None and resolutions[0].needs_review
    assert resolutions[0].runner_up is KETSCH
    assert "only an alternate name of Ketsch (DE)" in resolutions[0].reason
    assert resolutions[1].candidate is TURBAT


def test_an_alternate_name_scored_against_a_province_of_the_report_is_doubted():
    """"Kech district of Balochistan": the province anchors Pakistan; a pool of several readings
    (scored in pass 2) loses its alternate-only ones and keeps the rest."""
    text = "Troops raided a house in Kech district of Balochistan province."
    balochistan = _mention(text, "Balochistan", BALOCHISTAN, cue="admin")
    lone = resolve_mentions([_mention(text, "Kech", KETSCH, cue="admin"), balochistan], text)
    assert lone[0].candidate is None and lone[0].needs_review
    home = _candidate(4, "Kech", "PK", 0, fcode="PPLX", lat=26.1, lon=62.9, admin1="02")
    far = _candidate(5, "Kech", "TR", 2_000, kind="alternate", lat=39.0, lon=35.0)
    mixed = resolve_mentions([_mention(text, "Kech", KETSCH, far, home), balochistan], text)
    assert mixed[0].candidate is home


def test_an_alternate_name_stays_where_the_report_supports_its_country():
    """Transliterations are how news spells places: an alternate name read in the report's own
    country, or with no other place to say otherwise, keeps its reading."""
    town = _candidate(6, "Malakanagiri", "IN", 31_000, kind="alternate", lat=18.35, lon=81.89,
                      admin1="21")
    odisha = _candidate(7, "Odisha", "IN", 41_000_000, fcode="ADM1", lat=20.5, lon=84.4,
                        admin1="21")
    text = "Maoists killed two villagers in Malkangiri district of Odisha."
    resolutions = resolve_mentions([_mention(text, "Malkangiri", town, cue="admin"),
                                    _mention(text, "Odisha", odisha, cue="admin")], text)
    assert resolutions[0].candidate is town
    alone = "Maoists killed two villagers in Malkangiri district."
    [resolution] = resolve_mentions([_mention(alone, "Malkangiri", town, cue="admin")], alone)
    assert resolution.candidate is town


def test_actors_alone_do_not_make_an_alternate_name_foreign():
    """A group the actor dictionary puts in Pakistan acts across the border: with no other place
    in the report, the Indian town known by an alternate name keeps its reading."""
    town = _candidate(8, "Baramulla", "IN", 70_000, kind="alternate", lat=34.2, lon=74.34)
    text = "LeT militants attacked an army camp in Baramula."
    [resolution] = resolve_mentions([_mention(text, "Baramula", town)], text,
                                    countries={"PK": 0.5})
    assert resolution.candidate is town


def test_a_city_known_by_an_alternate_name_is_not_doubted():
    """News does call cities by their other names (Bombay, Calcutta): from 100,000 people an
    alternate name is believed wherever the report's other places lie."""
    city = _candidate(9, "Kolkata", "IN", 4_600_000, kind="alternate", lat=22.57, lon=88.36)
    dhaka = _candidate(10, "Dhaka", "BD", 10_000_000, fcode="PPLC", lat=23.7, lon=90.4)
    text = "Protesters marched in Dhaka; a delegation left for Calcutta."
    resolutions = resolve_mentions([_mention(text, "Dhaka", dhaka),
                                    _mention(text, "Calcutta", city)], text)
    assert resolutions[1].candidate is city


def test_the_reports_scored_places_count_against_an_alternate_name_abroad():
    """No anchor at all: the other name is itself a coin toss between two Pakistani readings,
    but both say Pakistan, and that is enough to doubt Kech's German and Turkish spellings (the
    village rules count anchors only; this one counts every place reading but its own)."""
    text = "Gunmen shot a teacher in Kech and fled towards Sibi on Monday."
    sibi_town = _candidate(11, "Sibi", "PK", 64_000, lat=29.54, lon=67.88, admin1="02")
    sibi_area = _candidate(12, "Sibi", "PK", 0, fcode="ADM2", lat=29.6, lon=67.9, admin1="02")
    far = _candidate(13, "Kech", "TR", 2_000, kind="alternate", lat=39.0, lon=35.0)
    resolutions = resolve_mentions([_mention(text, "Kech", KETSCH, far),
                                    _mention(text, "Sibi", sibi_town, sibi_area)], text)
    assert resolutions[0].candidate is None and resolutions[0].needs_review
    assert set(resolutions[0].alternatives) == {KETSCH, far}
    assert resolutions[1].candidate is not None and resolutions[1].candidate.country == "PK"
