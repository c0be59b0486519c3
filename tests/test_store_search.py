"""Full-text search over events' evidence (``events --text``): the same answers on SQLite (FTS5)
and PostgreSQL (its own text search), for the same search-box syntax (sitrep/store/search.py)."""

from __future__ import annotations

import pytest

from sitrep import api
from sitrep.cli.main import main
from sitrep.errors import UsageError
from sitrep.model import Event, Span
from sitrep.store import Store
from sitrep.store.migrations import MIGRATIONS
from sitrep.store.search import fts5_query, parse_search

from test_store_fakes import report

# document id -> the evidence spans of its one event
EVIDENCE = {
    "aleppo": ("Gunmen shelled the market in Aleppo, killing six people.",),
    "mogadishu": ("A car bomb exploded near the police station in Mogadishu.",),
    "nairobi": ("Students marched peacefully through Nairobi.",),
    "factory": ("A drone strike hit a bomb factory near the car park.",),
    "two spans": ("Troops opened fire on the crowd.", "Al-Shabaab claimed the attack."),
}


def _fill(db: str) -> dict[str, str]:
    """The events of EVIDENCE in a new store; returns document id -> event id."""
    ids = {}
    with Store(db) as store, store.transaction():
        for doc, spans in EVIDENCE.items():
            raw = " ".join(spans)
            evidence, start = [], 0
            for text in spans:
                evidence.append(Span(start, start + len(text), text))
                start += len(text) + 1
            report_id = store.add_report(report(raw, id=doc))
            event = Event("Violence against civilians", "Attack", "ASSAULT",
                          event_date="2016-12-10", evidence=tuple(evidence))
            store.add_events(report_id, [event])
            (ids[doc],) = [row[0] for row in store.backend.execute(
                "SELECT id FROM events WHERE report_id = ?", (report_id,))]
    return ids


def _found(db: str, text: str) -> set[str]:
    docs = {event: doc for doc, event in _fill(db).items()}
    return {docs[stored.id] for stored in api.events(db, text=text, modality="all")}


@pytest.mark.parametrize("text, expected", [
    ("shelling", {"aleppo"}),                       # stemmed: shelled ~ shelling
    ("killed Aleppo", {"aleppo"}),                  # every word, anywhere in the evidence
    ("car bomb", {"mogadishu", "factory"}),
    ('"car bomb"', {"mogadishu"}),                  # a phrase: next to each other, in order
    ("Aleppo OR nairobi", {"aleppo", "nairobi"}),
    ("bomb -drone", {"mogadishu"}),
    ('bomb -"drone strike"', {"mogadishu"}),
    ("car* (bomb) ^", {"mogadishu", "factory"}),  # FTS5's operators are only words here
    ("al-Shabaab", {"two spans"}),
    ("fire claimed", {"two spans"}),                # words from two spans of one event
    ("Kabul", set()),
])
def test_text_search_finds_the_same_events_on_both_back_ends(db, text, expected):
    assert _found(db, text) == expected


@pytest.mark.parametrize("text", ["", "   ", "!!! ...", "-bomb", "OR", 'bomb OR -"car"'])
def test_a_search_with_nothing_to_look_for_is_a_usage_error(db, text):
    with pytest.raises(UsageError, match="text search"):
        api.events(db, text=text)


def test_text_combines_with_the_other_filters_and_follows_deleted_events(db):
    ids = _fill(db)
    assert [e.id for e in api.events(db, text="bomb", doc="mogadishu")] == [ids["mogadishu"]]
    assert api.events(db, text="bomb", modality="future") == []
    with Store(db) as store, store.transaction():
        store.backend.execute("DELETE FROM events WHERE id = ?", (ids["mogadishu"],))
    assert [e.id for e in api.events(db, text="bomb")] == [ids["factory"]]


def test_a_store_made_before_search_existed_is_searchable_once_opened(db):
    """Migration 3 on a store with events: its evidence is indexed when it is opened."""
    ids = _fill(db)
    with Store(db) as store, store.transaction():
        execute = store.backend.execute
        if store.path is None:
            execute("DROP INDEX events_evidence")
        else:
            for trigger in ("insert", "delete", "update"):
                execute(f"DROP TRIGGER evidence_search_{trigger}")
            execute("DROP TABLE evidence_search")
        # a store made before search existed has none of the later migrations either
        execute("DELETE FROM migrations WHERE version >= 3")
    with Store(db) as store:
        assert store.schema_version == max(MIGRATIONS) >= 3
    assert [e.id for e in api.events(db, text='"police station"')] == [ids["mogadishu"]]


def test_postgresql_searches_through_its_gin_index(postgres_server):
    db = postgres_server.new_schema_url("search_plan")
    _fill(db)
    with Store(db) as store:
        condition, params = store.backend.match_evidence("bomb")
        for scan in ("seqscan", "indexscan"):  # a tiny table: let the plan show the GIN index
            store.backend.execute(f"SET enable_{scan} = off")
        plan = "\n".join(row[0] for row in store.backend.execute(
            f"EXPLAIN SELECT e.id FROM events e WHERE {condition}", params))
    assert "events_evidence" in plan


def test_cli_events_text(db, capsys):
    ids = _fill(db)
    assert main(["events", "--db", db, "--text", '"car bomb"', "--format", "json"]) == 0
    assert ids["mogadishu"] in capsys.readouterr().out
    assert main(["events", "--db", db, "--text=-bomb"]) == 2  # "=": it starts with "-"
    assert "name a word to look for" in capsys.readouterr().err


def test_the_fts5_translation_quotes_every_word():
    assert fts5_query('car bomb -"drone strike" OR Aleppo') == \
        '("car" "bomb" NOT "drone strike") OR ("Aleppo")'
    assert fts5_query('say "he said ""no""') == '("say" "he said" "no")'
    assert [len(terms) for terms in parse_search("a OR OR b c")] == [1, 2]
