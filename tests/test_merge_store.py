"""Cross-report merging, the store side: reports of one arrest merged in a store (idempotent
re-runs, reversed input, a merged event updated in place), `sitrep show` and `sitrep events
--doc` on a merged event, and the blocking that finds every mention a comparison would link
(by name, exact day, town and month, the report's place)."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from datetime import date

from sitrep.cli.main import main
from sitrep.merge.cross_report import Mention, compare
from sitrep.model import Actor, Event, Place, Report, Span, Token
from sitrep.store import EventQuery, Store
from sitrep.store.incidents import merge_new_events

from test_merge_incidents import GRODNO, MINSK, mention

ARTICLES = {
    "wire": ("Belarus forced a plane to land in Minsk on Sunday. Journalist Roman Protasevich "
             "was arrested at Minsk airport.", "2021-05-24", "2021-05-23", "Arrests", 2),
    "paper": ("Opposition blogger Roman Protasevich was detained in Minsk after the diversion of "
              "his flight.", "2021-05-25", "2021-05-23", "Arrests", None),
    "court": ("A court in Minsk heard the case of Roman Protasevich, detained in May.",
              "2021-06-04", "2021-06-03", "Other", None),
    "again": ("Roman Protasevich was arrested again in Minsk on Monday, police said.",
              "2022-01-11", "2022-01-10", "Arrests", None),
    "grodno": ("Police arrested a student in Grodno on Sunday.", "2021-05-24", "2021-05-23",
               "Arrests", None),
}
PROPER = {"Belarus", "Minsk", "Journalist", "Roman", "Protasevich", "Grodno"}


def _report(doc_id: str) -> Report:
    raw, published, day, sub_type, fatalities = ARTICLES[doc_id]
    report = Report(id=doc_id, raw=raw, path=f"{doc_id}.txt",
                    published=date.fromisoformat(published))
    report.tokens = [Token(m.start(), m.end(), m.group(), 0,
                           pos="PROPN" if m.group() in PROPER and m.group() != "Journalist"
                           else "NOUN") for m in re.finditer(r"\w+", raw)]
    town = "Grodno" if doc_id == "grodno" else "Minsk"
    start = raw.index(town)
    place = Place(start, start + len(town), town, town, 1, *(
        (53.684, 23.834) if town == "Grodno" else (53.9, 27.567)), "Belarus", "BLR",
        geo_precision=1)
    report.places = [place]
    sentence = raw.rsplit(". ", 1)[-1] if doc_id == "wire" else raw
    begin = raw.index(sentence)
    report.events = [Event("Strategic developments", sub_type,
                           "COERCE" if sub_type == "Arrests" else "SANCTION",
                           actor1=Actor(0, 6, "police", "Police Forces of Belarus", inter=1),
                           location=place, event_date=day, time_precision=1,
                           fatalities=fatalities,
                           evidence=(Span(begin, begin + len(sentence), sentence),))]
    return report


def _fill(path, order) -> dict[str, frozenset[str]]:
    with Store(path) as store:
        for doc_id in order:
            with store.transaction():
                report = _report(doc_id)
                store.add_events(store.add_report(report), report.events)
        with store.transaction():
            merge_new_events(store)
        return {stored.id: frozenset(s.doc_id for s in stored.sources)
                for stored in store.find_events(EventQuery(modality=None))}


def test_store_merges_reports_of_one_arrest_and_keeps_the_hard_cases_apart(tmp_path):
    incidents = _fill(tmp_path / "a.db", list(ARTICLES))
    assert sorted(map(sorted, incidents.values())) == [
        ["again"], ["court"], ["grodno"], ["paper", "wire"]]
    merged_id = next(i for i, docs in incidents.items() if len(docs) == 2)
    assert merged_id.startswith("m")
    # re-running the merge step (nothing new) and reversed input change nothing
    with Store(tmp_path / "a.db") as store:
        with store.transaction():
            assert merge_new_events(store).merged_events == 0
        stored = store.get_event(merged_id)
        assert {s.doc_id for s in stored.sources} == {"wire", "paper"}
        for source in stored.sources:  # own evidence, in its own text
            text = ARTICLES[source.doc_id][0]
            assert all(text[s.start:s.end] == s.text for s in source.evidence)
        assert store.stats(None).events == 4
    assert _fill(tmp_path / "b.db", list(reversed(ARTICLES))) == incidents


def test_a_merged_event_a_report_joins_is_updated_where_it_is(tmp_path, monkeypatch):
    """A third report of the arrest joins the incident: its merged event is updated in place
    (the same row, only the columns whose value changed; never deleted and inserted again),
    every member points at it, the evidence search finds it, and the step run again writes
    nothing."""
    monkeypatch.setitem(ARTICLES, "radio", (
        "Police in Minsk arrested the blogger Roman Protasevich at the airport.",
        "2021-05-24", "2021-05-23", "Arrests", 3))
    path = tmp_path / "joined.db"
    incidents = _fill(path, ["wire", "paper"])
    merged_id = next(i for i, docs in incidents.items() if len(docs) == 2)
    with Store(path) as store:
        rowid, before = store.connection.execute(
            "SELECT rowid, event_type FROM events WHERE id = ?", (merged_id,)).fetchone()
        statements: list[str] = []
        store.connection.set_trace_callback(statements.append)
        with store.transaction():
            report = _report("radio")
            store.add_events(store.add_report(report), report.events)
            assert merge_new_events(store).merged_events == 1
        store.connection.set_trace_callback(None)
        assert not [sql for sql in statements if sql.startswith("DELETE FROM events")]
        updates = [sql for sql in statements
                   if sql.startswith("UPDATE events SET") and "merged_into" not in sql]
        # the later, higher figure and the data that holds it; type, place, day are as they were
        # (SQLite traces a statement whose trigger runs more than once: one statement)
        assert {tuple(re.findall(r"(\w+) = ", sql.split("'")[0])) for sql in updates} == {
            ("fatalities", "data")}
        assert tuple(store.connection.execute(
            "SELECT rowid, event_type FROM events WHERE id = ?", (merged_id,)).fetchone()) \
            == (rowid, before)
        members = store.connection.execute(
            "SELECT COUNT(*) FROM events WHERE merged_into = ?", (merged_id,)).fetchone()[0]
        assert members == 3
        assert {s.doc_id for s in store.get_event(merged_id).sources} == {"wire", "paper", "radio"}
        assert merged_id in {stored.id for stored in store.find_events(
            EventQuery(text="Protasevich", modality=None))}
        statements.clear()
        store.connection.set_trace_callback(statements.append)
        with store.transaction():
            assert merge_new_events(store).merged_events == 0
        store.connection.set_trace_callback(None)
        assert not [sql for sql in statements if sql.startswith(("UPDATE", "DELETE", "INSERT"))]


def test_show_lists_every_source_with_its_own_values(tmp_path, capsys):
    incidents = _fill(tmp_path / "s.db", ["wire", "paper", "again"])
    merged_id = next(i for i, docs in incidents.items() if len(docs) == 2)
    assert main(["show", merged_id, "--db", str(tmp_path / "s.db")]) == 0
    out = capsys.readouterr().out
    assert "Sources (2)" in out and "id wire" in out and "id paper" in out
    assert "fatalities: 2" in out and "fatalities: not reported  ** differs" in out
    assert "one incident told by 2 reports" in out
    assert "same person named: Protasevich" in out


def test_blocking_finds_every_mention_a_comparison_would_link(tmp_path):
    """The store looks up candidates by shared name (within the days that may meet), by exact
    day, by located month or by the number of people harmed; every pair compare() links must
    be among them."""
    from datetime import timedelta

    from sitrep.store.blocking import count_keys, placed, town_months
    from sitrep.store.incidents import _candidates

    rng = random.Random(7)
    towns = [MINSK, GRODNO, dict(iso3="BLR", lat=53.95, lon=27.6, geo_precision=2),
             dict(iso3="BLR", lat=None, lon=None, geo_precision=None),
             # told only to the region (Minsk Region), with and without the region's centre
             dict(iso3="BLR", lat=53.8, lon=27.9, geo_precision=3, admin1="Minsk"),
             dict(iso3="BLR", lat=None, lon=None, geo_precision=None, admin1="Minsk")]
    mentions = []
    for number in range(120):
        start = date(2021, 5, 1) + timedelta(days=rng.randrange(40))
        coarse = rng.random() < 0.3
        undated = rng.random() < 0.1
        # a report that tells no day: the weeks before its publication; a year-only date
        window, year = rng.random() < 0.15, rng.random() < 0.05
        first, last = start, start + timedelta(days=20 if coarse else 0)
        if window:
            first, last = start - timedelta(days=31), start
        elif year:
            first, last = date(2021, 1, 1), date(2021, 12, 31)
        sub_type = rng.choice(["Arrests", "Abduction/forced disappearance"])
        mentions.append(Mention(
            f"e{number:03d}", f"g{number % 50}",
            {"Arrests": "detention"}.get(sub_type, "abduction"), sub_type,
            "asserted", "BLR",
            None if undated else first,
            None if undated else last,
            **{key: value for key, value in rng.choice(towns).items() if key != "iso3"},
            names=frozenset(rng.sample(["protasevich", "sapega", "bandarenka"],
                                       rng.randrange(0, 2))),
            counts=frozenset(rng.sample([("abducted", 40), ("abducted", 45), ("arrested", 44),
                                         ("abducted", 200), ("abducted", 230)],
                                        rng.randrange(0, 2))),
            undated=window and not undated))
    with Store(tmp_path / "blocking.db") as store:
        with store.transaction():
            for mention in mentions:
                store.backend.execute(
                    "INSERT INTO merge_mentions (event_id, family, first_day, last_day,"
                    " exact_located, data) VALUES (?, ?, ?, ?, ?, ?)",
                    (mention.event_id, mention.family,
                     mention.first_day.isoformat() if mention.first_day else None,
                     mention.last_day.isoformat() if mention.last_day else None,
                     placed(mention), json.dumps(mention.to_dict())))
                for name in sorted(mention.names) + town_months(mention) + count_keys(
                        mention):
                    store.backend.execute("INSERT INTO merge_names VALUES (?, ?)",
                                          (name, mention.event_id))
        linked = 0
        for mention in mentions:
            found = {other.event_id for other in _candidates(store, mention)}
            for other in mentions:
                if other.group != mention.group and compare(mention, other).link:
                    linked += 1
                    assert other.event_id in found, (mention, other)
    assert linked > 50  # the draw does hold links to find


def _found_both_ways(tmp_path, first: Mention, second: Mention, keys_of) -> None:
    """Each of two mentions is a candidate of the other, whichever was stored first (filed under
    the keys ``keys_of`` gives)."""
    from sitrep.store.incidents import _candidates

    for stored, looking in ((first, second), (second, first)):
        with Store(tmp_path / f"{stored.event_id}.db") as store:
            _file(store, (stored,), keys_of)
            assert [m.event_id for m in _candidates(store, looking)] == [stored.event_id]


def _file(store, mentions, keys_of, placed=lambda mention: 0) -> None:
    """Store ``mentions`` as the merge step does: each with its ``placed`` column, filed in
    ``merge_names`` under the keys ``keys_of(mention)`` gives."""
    with store.transaction():
        for mention in mentions:
            store.backend.execute(
                "INSERT INTO merge_mentions (event_id, family, first_day, last_day,"
                " exact_located, data) VALUES (?, ?, ?, ?, ?, ?)",
                (mention.event_id, mention.family, mention.first_day.isoformat(),
                 mention.last_day.isoformat(), placed(mention), json.dumps(mention.to_dict())))
            for key in keys_of(mention):
                store.backend.execute("INSERT INTO merge_names VALUES (?, ?)",
                                      (key, mention.event_id))


def test_events_of_a_document_include_the_merged_events_it_is_a_source_of(tmp_path, capsys):
    incidents = _fill(tmp_path / "d.db", ["wire", "paper", "again"])
    merged_id = next(i for i, docs in incidents.items() if len(docs) == 2)
    with Store(tmp_path / "d.db") as store:
        for doc_id in ("wire", "paper"):
            listed = [stored.id for stored in store.find_events(EventQuery(doc=doc_id))]
            assert listed == [merged_id]
        assert merged_id not in [s.id for s in store.find_events(EventQuery(doc="again"))]
    assert main(["events", "--doc", "paper", "--db", str(tmp_path / "d.db")]) == 0
    assert merged_id in capsys.readouterr().out


def test_the_same_town_within_one_month_joins_the_same_sub_type_but_not_arrests(tmp_path):
    # "gunmen abducted students in Kagara on 17 February" and "the abduction in Kagara in
    # February": one act at one town in one month; arrests in one town in a month are many
    from sitrep.store.blocking import MONTH_PLACED, placed, town_months
    from sitrep.store.incidents import _candidates

    kagara = dict(iso3="NGA", lat=10.19, lon=6.25, geo_precision=1)
    abduction = "Abduction/forced disappearance"

    def told(event_id, group, first, last, sub_type=abduction, family="abduction"):
        return Mention(event_id, group, family, sub_type, "asserted", "NGA", first, last,
                       kagara["lat"], kagara["lon"], 1)

    day = told("e1", "g1", date(2021, 2, 17), date(2021, 2, 17))
    month = told("e2", "g2", date(2021, 2, 1), date(2021, 2, 28))
    result = compare(day, month)
    assert result.link and "the same place within one month" in result.reasons
    # an attack that month there is a compatible kind, not enough; another month is apart
    attack = told("e3", "g3", date(2021, 2, 1), date(2021, 2, 28), "Attack", "violence")
    assert not compare(day, attack).link
    assert compare(day, told("e4", "g4", date(2021, 3, 1), date(2021, 3, 31))).conflict
    # a year is no month
    year = told("e5", "g5", date(2021, 1, 1), date(2021, 12, 31))
    assert not compare(day, year).link
    arrests = [told(f"a{n}", f"h{n}", *days, "Arrests", "detention")
               for n, days in enumerate([(date(2021, 2, 17),) * 2,
                                          (date(2021, 2, 1), date(2021, 2, 28))])]
    assert not compare(*arrests).link
    assert placed(month) == MONTH_PLACED and placed(arrests[1]) == 0
    with Store(tmp_path / "month.db") as store:
        _file(store, (month, attack, year), town_months, placed)
        assert {m.event_id for m in _candidates(store, day)} == {"e2", "e3"}
    # filed under its town's cell and each month its days touch; looked up around the town
    assert town_months(month) == ["@20/12/2021-02/m"] == town_months(arrests[1])
    assert town_months(day) == ["@20/12/2021-02/d"]
    # an exact day looks for weeks and months around; a month for both; both for undated
    # reports (see test_an_undated_report_finds_the_own_dates_in_its_window)
    assert {key[-1] for key in town_months(day, around=True)} == {"m", "u"}
    assert len(town_months(month, around=True)) == 27
    # arrests keep out of the month route: they look for undated reports only
    assert {key[-1] for key in town_months(arrests[0], around=True)} == {"u"}


def test_blocking_finds_the_same_day_through_the_reports_place(tmp_path):
    from sitrep.store.blocking import DAY_PLACED, placed
    from sitrep.store.incidents import _candidates

    own = mention("e1", "g1", "Peaceful protest", "2019-09-20", family="protest",
                  place=dict(iso3="EGY", lat=30.06, lon=31.25, geo_precision=1))
    focus = replace(mention("e2", "g2", "Peaceful protest", "2019-09-20", place={},
                            family="protest"), focus=("EGY", None, 30.06, 31.25, 2))
    assert placed(focus) == DAY_PLACED
    with Store(tmp_path / "focus.db") as store:
        with store.transaction():
            store.backend.execute(
                "INSERT INTO merge_mentions (event_id, family, first_day, last_day,"
                " exact_located, data) VALUES (?, ?, ?, ?, ?, ?)",
                (own.event_id, own.family, "2019-09-20", "2019-09-20", placed(own),
                 json.dumps(own.to_dict())))
        assert [m.event_id for m in _candidates(store, focus)] == ["e1"]

