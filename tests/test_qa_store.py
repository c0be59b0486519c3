"""Store and export behaviour found by using sitrep as an analyst would (QA)."""

from __future__ import annotations

import csv
import io

from test_store_fakes import MARCHED, FakeEvents, report

from sitrep.model import Event, Span
from sitrep.store import EventQuery, Store
from sitrep.store.export import write_export


def test_acled_csv_leaves_out_events_with_no_acled_type(db):
    # A diplomatic appeal coded only in PLOVER/CAMEO is not an ACLED event: a row with an empty
    # event_type breaks tools that load ACLED files (found exporting a run over news pages).
    document = FakeEvents()(report(MARCHED + "The government called for calm.\n"))
    start = document.raw.index("called for calm")
    document.events.append(Event(None, None, "REQUEST", cameo_root="10",
                                 evidence=(Span(start, start + 15, "called for calm"),),
                                 confidence=0.6))
    with Store(db) as store:
        with store.transaction():
            report_id = store.add_report(document, None)
            store.add_events(report_id, document.events)
        assert len(list(store.find_events(EventQuery()))) == 2
        out = io.StringIO()
        written = write_export(store, "acled-csv", out)
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert [row["sub_event_type"] for row in rows] == ["Peaceful protest"]
        assert written == 1
        jsonl = io.StringIO()
        assert write_export(store, "jsonl", jsonl) == 2  # the other formats keep them


def test_too_short_id_prefix_says_so(db):
    # `sitrep show e` answered "no event with id 'e'" although every id starts with "e"
    import pytest

    from sitrep.errors import StoreError

    document = FakeEvents()(report(MARCHED))
    with Store(db) as store:
        with store.transaction():
            store.add_events(store.add_report(document, None), document.events)
        (stored,) = store.find_events(EventQuery())
        with pytest.raises(StoreError, match="at least 4"):
            store.get_event(stored.id[:2])
        assert store.get_event(stored.id[:4]).id == stored.id


def test_actor_filter_ignores_hyphens_and_spaces(db):
    # an analyst types the group as the article spells it ("al-Shabaab"); the dictionary name
    # is "Al Shabaab" (`sitrep events --actor al-shabaab` found nothing)
    from sitrep.model import Actor

    document = report("Al-Shabaab fighters attacked a police station in Mogadishu.\n")
    span = Span(29, 37, "attacked")
    document.events = [Event("Battles", "Armed clash", "ASSAULT", cameo_root="19",
                             actor1=Actor(0, 10, "Al-Shabaab", name="Al Shabaab", inter=2),
                             evidence=(span,), confidence=0.8, trigger=span)]
    with Store(db) as store:
        with store.transaction():
            store.add_events(store.add_report(document, None), document.events)
        for typed in ("al-shabaab", "Al Shabaab", "shabaab", "AL-SHABAAB"):
            assert len(list(store.find_events(EventQuery(actor=typed)))) == 1, typed
        assert list(store.find_events(EventQuery(actor="al-qaeda"))) == []


def test_unknown_event_type_is_a_usage_error_not_an_empty_list():
    # `sitrep events --type Battle` (ACLED says "Battles") printed "no events match": a typo
    # looked like an empty store (found by QA)
    import pytest

    from sitrep.errors import UsageError

    with pytest.raises(UsageError, match="Battles"):
        EventQuery(event_type="Battle")
    for known in ("battles", "Air/drone strike", "ASSAULT", "protests"):
        EventQuery(event_type=known)


def test_country_filter_takes_the_geonames_spelling_too(db):
    # the store says "Democratic Republic of Congo" (ACLED's spelling); an analyst typing the
    # UN/GeoNames "Democratic Republic of the Congo" got nothing (found by QA)
    from sitrep.model import Place

    goma = Place(0, 4, "Goma", name="Goma", lat=-1.68, lon=29.23,
                 country="Democratic Republic of Congo", iso3="COD", geo_precision=1)
    document = report("Goma was shelled on Monday.\n")
    span = Span(9, 16, "shelled")
    document.events = [Event("Explosions/Remote violence", "Shelling/artillery/missile attack",
                             "ASSAULT", cameo_root="19", location=goma, evidence=(span,),
                             confidence=0.8, trigger=span)]
    with Store(db) as store:
        with store.transaction():
            store.add_events(store.add_report(document, None), document.events)
        for typed in ("Democratic Republic of Congo", "cod", "Democratic Republic of the Congo"):
            assert len(list(store.find_events(EventQuery(country=typed)))) == 1, typed
        assert list(store.find_events(EventQuery(country="Republic of the Congo"))) == []


def test_rerun_still_counts_reports_the_analysis_rejected(tmp_path, db):
    # a French report is stored as rejected (unsupported_language); re-running the same input
    # said "no rejections" and exited 0 where the first run exited 1 (found by QA)
    from sitrep import api

    french = tmp_path / "fr.txt"
    french.write_text("Des hommes armés ont attaqué lundi un poste de police dans le nord du "
                      "Burkina Faso, tuant quatre gendarmes, selon des sources sécuritaires.",
                      encoding="utf-8")
    first = api.run([str(french)], db=db)
    again = api.run([str(french)], db=db)
    assert dict(first.rejected) == {"unsupported_language": 1}
    assert again.already_stored == 1 and dict(again.rejected) == {"unsupported_language": 1}
    assert len(list(api.rejections(db))) == 1  # counted, not recorded twice
