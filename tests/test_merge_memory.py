"""What a run's merge steps keep from batch to batch (``MergeMemory``), and the walk over the link
graph: the same incidents, with less read and computed again."""

from __future__ import annotations

import json
from datetime import date

from test_merge_store import _file

from sitrep.merge.cross_report import Comparison, Mention, cluster, compare, compatible_families
from sitrep.store import Store
from sitrep.store import blocking, incidents, lookups
from sitrep.store.incidents import MergeMemory, merge_new_events

MINSK = ("BLR", 53.9, 27.567)


def _mention(event_id: str, group: str, day: str = "2021-05-23", names=("sapega",),
             iso3: str = "BLR") -> Mention:
    first = date.fromisoformat(day)
    return Mention(event_id, group, "detention", "Arrests", "asserted", iso3, first, first,
                   MINSK[1], MINSK[2], 1, frozenset(names))


def _counting(monkeypatch) -> list[tuple[str, str]]:
    """Every pair ``incidents`` asks ``compare`` about, from now on."""
    asked = []

    def counted(a, b):
        asked.append(tuple(sorted((a.event_id, b.event_id))))
        return compare(a, b)

    monkeypatch.setattr(incidents, "compare", counted)
    return asked


def test_a_conflict_is_computed_once_a_pair_whichever_way_it_is_asked(monkeypatch):
    asked = _counting(monkeypatch)
    memory = MergeMemory()
    minsk, abroad = _mention("e1", "g1"), _mention("e2", "g2", iso3="POL")
    same = _mention("e3", "g3")
    assert memory.conflict(minsk, abroad) and memory.conflict(abroad, minsk)
    assert not memory.conflict(same, minsk) and not memory.conflict(minsk, same)
    assert asked == [("e1", "e2"), ("e1", "e3")]
    # the answers are compare's
    assert memory.conflict(minsk, abroad) == (compare(minsk, abroad).conflict is not None)


def test_clustering_with_a_remembered_conflict_gives_the_same_incidents():
    mentions = [_mention("e1", "g1"), _mention("e2", "g2"), _mention("e3", "g3", iso3="POL"),
                _mention("e4", "g4", day="2021-06-30"), _mention("e5", "g5")]
    links = {}
    for first in mentions:
        for second in mentions:
            if first.event_id < second.event_id:
                comparison = compare(first, second)
                if comparison.link:
                    links[(first.event_id, second.event_id)] = comparison
    memory = MergeMemory()
    expected = cluster(mentions, links)
    assert cluster(mentions, links, memory.conflict) == expected == [["e1", "e2", "e5"], ["e3"],
                                                                     ["e4"]]
    assert cluster(mentions, links, memory.conflict) == expected  # asked again: remembered


def test_the_kept_stores_are_bounded(monkeypatch):
    monkeypatch.setattr(incidents, "MAX_KEPT_MENTIONS", 2)
    monkeypatch.setattr(incidents, "MAX_KEPT_PAIRS", 2)
    memory = MergeMemory()
    mentions = [_mention(f"e{number}", f"g{number}") for number in range(4)]
    for mention in mentions:
        assert memory.mention(mention.event_id, json.dumps(mention.to_dict())) == mention
        assert len(memory.mentions) <= 2
    for other in mentions[1:]:
        assert not memory.conflict(mentions[0], other)
        assert len(memory._conflicts) <= 2  # noqa: SLF001


def _store_mentions(store, mentions: list[Mention], links: list[tuple[str, str]]) -> None:
    """Store ``mentions`` as the merge step does (filed under no name) and ``links`` between them."""
    _file(store, mentions, lambda mention: ())
    with store.transaction():
        for first, second in links:
            store.backend.execute(
                "INSERT INTO merge_links (first, second, score, reasons) VALUES (?, ?, ?, ?)",
                (first, second, 2.0, json.dumps(["same person named: Sapega"])))


def test_a_part_of_the_link_graph_is_walked_a_step_at_a_time(tmp_path):
    """A star of 40 mentions around one and a chain of 3: a query (or two) a step of the walk,
    not one a mention."""
    hub = _mention("e000", "g0")
    star = [_mention(f"e{number:03d}", f"g{number}") for number in range(1, 41)]
    chain = [_mention(f"c{number}", f"h{number}") for number in range(3)]
    with Store(tmp_path / "walk.db") as store:
        _store_mentions(store, [hub, *star, *chain],
                        [("e000", other.event_id) for other in star]
                        + [("c0", "c1"), ("c1", "c2")])
        queries = []
        execute = store.backend.execute

        def counted(sql, params=()):
            queries.append(sql)
            return execute(sql, params)

        store.backend.execute = counted
        assert incidents._component(store, ["e007"]) == {"e000"} | {m.event_id for m in star}
        assert len(queries) == 3  # e007; then e000; then the 39 others: nothing new
        assert incidents._component(store, ["e007"], limit=10) is None
        assert incidents._component(store, ["c0"]) == {"c0", "c1", "c2"}


def test_a_part_found_too_large_is_not_walked_again(tmp_path):
    """A part found larger than the limit stays so (links are never removed): its mentions are
    remembered, and a walk that reaches one of them stops there."""
    hub = _mention("e000", "g0")
    star = [_mention(f"e{number:03d}", f"g{number}") for number in range(1, 41)]
    with Store(tmp_path / "large.db") as store:
        _store_mentions(store, [hub, *star, _mention("new", "h")],
                        [("e000", other.event_id) for other in star] + [("e040", "new")])
        large: set[str] = set()
        assert incidents._component(store, ["e001"], limit=10, large=large) is None
        assert {"e000", "e001", "e040"} <= large
        queries = []
        execute = store.backend.execute
        store.backend.execute = lambda sql, params=(): queries.append(sql) or execute(sql, params)
        assert incidents._component(store, ["new"], limit=10, large=large) is None
        assert len(queries) == 1  # "new" reaches e040, known to be in the large part
        assert incidents._component(store, ["e005"], limit=10, large=large) is None
        assert len(queries) == 1


def test_a_part_re_clustered_with_a_later_batch_asks_only_its_new_pairs(tmp_path, monkeypatch):
    """Batch after batch, the re-clustering of a part asks compare() only about the pairs it
    has not asked before, and parses no kept mention again; it finds the same incident as a
    re-clustering without a memory."""
    first_batch = [_mention(f"e{number}", f"g{number}") for number in range(6)]
    later = _mention("e6", "g6")
    written = []
    monkeypatch.setattr(incidents, "_write_merged",
                        lambda store, merged_id, group, members, reasons, **_: written.append(
                            (merged_id, group, len(reasons))))
    with Store(tmp_path / "memory.db") as store:
        _store_mentions(store, first_batch, [(f"e{n}", f"e{n + 1}") for n in range(5)])
        memory = MergeMemory()
        with store.transaction():
            incidents._recluster(store, {m.event_id for m in first_batch}, memory)
        _store_mentions(store, [later], [("e5", "e6")])
        asked, parsed = _counting(monkeypatch), []
        parse = Mention.from_dict

        def counted(data):
            parsed.append(data["event_id"])
            return parse(data)

        monkeypatch.setattr(incidents.Mention, "from_dict", counted)
        everything = {m.event_id for m in first_batch} | {"e6"}
        with store.transaction():
            incidents._recluster(store, everything, memory)
        assert parsed == ["e6"]
        assert asked and all("e6" in pair for pair in asked)
        with store.transaction():
            incidents._recluster(store, everything, MergeMemory())
    group = [f"e{number}" for number in range(7)]
    assert written == [("m0", group[:6], 5), ("m0", group, 6), ("m0", group, 6)]


def test_the_members_of_a_growing_incident_are_read_and_parsed_once(tmp_path, monkeypatch):
    """An incident is rewritten with every member it gains: its members' events are read from
    the store and parsed once a run, not once a rewrite, and come in the group's order."""
    from test_store_fakes import FORECAST, MARCHED, SEIZED, FakeEvents, report

    from sitrep.model import Event

    with Store(tmp_path / "members.db") as store, store.transaction():
        for number, raw in enumerate((SEIZED, MARCHED, FORECAST)):
            told = FakeEvents()(report(raw, id=f"doc{number}", url=f"https://example.org/{number}"))
            store.add_events(store.add_report(told), told.events)
        ids = sorted(row[0] for row in store.backend.execute("SELECT id FROM events"))
        assert len(ids) == 3
        parsed = []
        parse = Event.from_dict
        monkeypatch.setattr(incidents.Event, "from_dict",
                            lambda data: parsed.append(data) or parse(data))
        memory = MergeMemory()
        first = memory.members(store, ids[:2])
        assert [testimony.event_id for _, testimony in first] == ids[:2]
        assert len(parsed) == 2
        again = memory.members(store, ids[::-1])
        assert [testimony.event_id for _, testimony in again] == ids[::-1]
        assert len(parsed) == len(ids)  # only the one not read before
        assert again[-2:] == first[::-1]
        docs = {report_id: doc for report_id, doc in store.backend.execute(
            "SELECT id, doc_id FROM reports")}
        assert {docs[report_id] == testimony.doc_id for report_id, testimony in again} == {True}


def test_the_same_day_route_asks_once_for_every_compatible_family(tmp_path):
    """A located arrest on an exact day looks up the mentions of that day (within one) of each
    family that may be the same incident — an arrest, an abduction, a protest — in one query."""
    from dataclasses import replace

    arrest = replace(_mention("new", "g0", names=()), geo_precision=1)
    others = [replace(_mention(f"e{number}", f"g{number}", day=day, names=()), family=family)
              for number, (family, day) in enumerate([
                  ("detention", "2021-05-22"), ("abduction", "2021-05-23"),
                  ("protest", "2021-05-24"), ("violence", "2021-05-23"),
                  ("detention", "2021-05-26")], start=1)]
    with Store(tmp_path / "day.db") as store:
        _file(store, [arrest, *others], lambda mention: (),
              placed=lambda mention: blocking.DAY_PLACED)
        assert blocking.placed(arrest) == blocking.DAY_PLACED
        queries = []
        execute, fetch_all = store.backend.execute, store.backend.fetch_all
        store.backend.execute = lambda sql, params=(): queries.append(sql) or execute(sql, params)
        store.backend.fetch_all = lambda statements: queries.extend(
            sql for sql, _ in statements) or fetch_all(statements)
        found = incidents._candidates(store, arrest)
    assert [other.event_id for other in found] == ["e1", "e2", "e3"]
    assert len([sql for sql in queries if "exact_located" in sql]) == 1


def test_the_first_mentions_filed_under_keys_are_those_of_all_the_keys_at_once(db, monkeypatch):
    """Read key by key (each key's first few by its index, then merged), the first mentions
    filed under a town's keys are those one query over all the keys gives, however many the
    keys hold and however many keys go in one statement."""
    monkeypatch.setattr(lookups, "MAX_NAME_CANDIDATES", 5)
    keys = ["@1/1/2021-05/d", "@1/2/2021-05/d", "@1/3/2021-05/m", "#BLR/2021-05-23/killed/3"]
    filed = {key: [f"e{(number * 7 + shift) % 40:02d}" for number in range(count)]
             for shift, (key, count) in enumerate(zip(keys, (12, 3, 0, 9)))}
    with Store(db) as store:
        with store.transaction():
            store.backend.executemany(
                "INSERT INTO merge_names (name, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(key, event_id) for key, ids in filed.items() for event_id in ids])
        for asked in (keys, keys[1:], keys[2:3]):
            marks = ",".join("?" * len(asked))
            expected = [row[0] for row in store.backend.execute(
                f"SELECT DISTINCT event_id FROM merge_names WHERE name IN ({marks})"
                " AND event_id <> ? ORDER BY event_id LIMIT ?", (*asked, "e07", 5))]
            for per_statement in (100, 2, 1):
                monkeypatch.setattr(lookups, "KEYS_PER_STATEMENT", per_statement)
                assert lookups.first_filed(store, asked, "e07") == expected
        assert len(expected) == 0 and len(lookups.first_filed(store, keys, "e07")) == 5


def test_two_groups_found_in_conflict_are_not_compared_again():
    """A story's part holds many links across the same two groups: once the groups are found in
    conflict, the other links between them ask nothing (a group only grows, and a conflict
    stays)."""
    sapega = [_mention(f"a{n}", f"ga{n}", names=("sapega",)) for n in range(4)]
    protasevich = [_mention(f"b{n}", f"gb{n}", names=("protasevich",)) for n in range(4)]
    mentions = sapega + protasevich
    links = {}
    for first in mentions:
        for second in mentions:
            if first.event_id < second.event_id:
                # within a side a shared name (strong); across, the same day and place only
                same = first.names == second.names
                links[(first.event_id, second.event_id)] = compare(first, second) if same \
                    else Comparison(1.0, ("the same day and place",))
    asked = []

    def conflict(a, b):
        asked.append((a.event_id, b.event_id))
        return compare(a, b).conflict is not None

    assert cluster(mentions, links, conflict) == [[m.event_id for m in sapega],
                                                 [m.event_id for m in protasevich]]
    # the joins within each side (3 + 3 pairs at most each) and one look across
    across = [pair for pair in asked if pair[0][0] != pair[1][0]]
    assert len(across) == 1


def test_a_batch_reads_the_events_of_its_own_reports_only(tmp_path):
    """The step of a batch finds the batch's events through an index: its work does not grow
    with the events stored before (a scan of every stored event made it grow with the store)."""
    from dataclasses import replace

    from test_merge_store import _report

    def steps(others: int) -> int:
        with Store(tmp_path / f"{others}.db") as store:
            template = _report("grodno")
            with store.transaction():
                for number in range(others):
                    day = date.fromordinal(date(2015, 1, 1).toordinal() + 3 * number)
                    report = replace(template, id=f"old{number}", raw=f"{template.raw} {number}",
                                     events=[replace(template.events[0],
                                                     event_date=day.isoformat())])
                    store.add_events(store.add_report(report), report.events)
                merge_new_events(store)
            report = replace(template, raw=template.raw + " new")
            with store.transaction():
                new = store.add_report(report)
                store.add_events(new, report.events)
                counted = [0]

                def count() -> int:
                    counted[0] += 1
                    return 0

                store.backend.connection.set_progress_handler(count, 10)
                summary = merge_new_events(store, {}, [new])
                store.backend.connection.set_progress_handler(None, 10)
            assert summary.mentions == 1
            return counted[0]

    assert steps(200) <= 1.5 * steps(10)


def test_a_batch_writes_its_links_in_one_statement(db):
    """The links a batch finds go to the store together (one statement of many rows on a
    server, not a round trip a link), each pair once — a pair found from both sides of a batch
    and a pair stored before are not counted again."""
    from test_merge_store import ARTICLES, _report

    with Store(db) as store:
        with store.transaction():
            for doc_id in ARTICLES:
                report = _report(doc_id)
                store.add_events(store.add_report(report), report.events)
        inserts, statements = [], []
        insert_returning, execute = store.backend.insert_returning, store.backend.execute
        store.backend.insert_returning = \
            lambda sql, rows: inserts.append(rows) or insert_returning(sql, rows)
        store.backend.execute = \
            lambda sql, params=(): statements.append(sql) or execute(sql, params)
        with store.transaction():
            summary = merge_new_events(store)
        stored = sorted(tuple(row) for row in store.backend.execute(
            "SELECT first, second FROM merge_links"))
        assert not [sql for sql in statements if "INTO merge_links" in sql]
        assert len(inserts) == 1 and [row[:2] for row in inserts[0]] == stored
        assert summary.links == len(stored) > 0
        with store.transaction():
            store.backend.execute("DELETE FROM merge_mentions")
            store.backend.execute("DELETE FROM merge_names")
            again = merge_new_events(store)  # every link found again: all stored before
        assert again.links == 0 and len(inserts) == 2


def test_the_day_route_finds_the_same_mentions_on_both_back_ends(db):
    """The mentions of compatible families placed to a town or region within a day of a new
    one's: looked up a mention at a time (SQLite) or for a batch in one statement (PostgreSQL),
    the same set, less the mention itself, those of its own report and those not so placed."""
    from dataclasses import replace as changed

    stored = []
    for number, (family, day) in enumerate(
            [(family, day) for family in ("detention", "protest", "abduction", "attack")
             for day in ("2021-05-21", "2021-05-22", "2021-05-23", "2021-05-24", "2021-05-25")]):
        mention = _mention(f"e{number:02d}", f"g{number % 7}", day=day, names=())
        stored.append(changed(mention, family=family))
    day_placed = {mention.event_id for mention in stored if int(mention.event_id[1:]) % 5}
    asking = [changed(_mention(f"n{number}", f"g{number}", day=day, names=()), family=family)
              for number, (family, day) in enumerate(
                  [("detention", "2021-05-23"), ("abduction", "2021-05-21"),
                   ("attack", "2021-05-25"), ("killing", "2021-05-23")])]
    with Store(db) as store:
        _file(store, stored, lambda mention: (),
              placed=lambda mention: blocking.DAY_PLACED
              if mention.event_id in day_placed else 0)
        found = list(incidents._candidates_of(store, asking, MergeMemory()))
    for mention, candidates in zip(asking, found):
        families = compatible_families(mention.family)
        expected = sorted(
            other.event_id for other in stored if other.event_id in day_placed
            and other.family in families and other.group != mention.group
            and abs((other.first_day - mention.first_day).days) <= 1)
        assert [other.event_id for other in candidates] == expected
    assert [len(candidates) for candidates in found] == [8, 1, 2, 0]
