"""The HTTP API of `sitrep serve` over a hand-built store, through Starlette's test client (no
socket, no browser: tests/test_web_browser.py does those)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from sitrep.model import Actor, Event, Place, Rejection, Report, Span  # noqa: E402
from sitrep.store import Store  # noqa: E402
from sitrep.web.app import create_app, guarded  # noqa: E402
from sitrep.web.guard import Limits  # noqa: E402
from sitrep.web.writer import SUBMITTED_PATH  # noqa: E402

from test_store_fakes import write_fake_config  # noqa: E402

TOKEN = "a-test-token-of-enough-length"
HOSTILE = ('Gunmen attacked the market. <script>alert(1)</script><img src=x onerror="alert(2)"> '
           '=cmd|" /C calc"!A0 was written on a wall.')
PLACES = {
    "Palmyra": Place(0, 7, "Palmyra", name="Tadmur", geonameid=163808, lat=34.56, lon=38.28,
                     country="Syria", iso3="SYR", reason="population", runner_up="Palmyra (US)"),
    "Nairobi": Place(0, 7, "Nairobi", name="Nairobi", geonameid=184745, lat=-1.28, lon=36.82,
                     country="Kenya", iso3="KEN"),
    "Suva": Place(0, 4, "Suva", name="Suva", geonameid=2198148, lat=-18.14, lon=178.44,
                  country="Fiji", iso3="FJI"),
}


def _event(day: int, kind: tuple, place: str | None, evidence: str, start: int = 0,
           **extra) -> Event:
    return Event(*kind, cameo_root="19", location=PLACES.get(place),
                 actor1=Actor(0, 6, "Gunmen", name="Unidentified Armed Group", reason="alias"),
                 event_date=f"2016-12-{day:02d}", time_precision=1,
                 evidence=(Span(start, start + len(evidence), evidence),), **extra)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    battle = ("Battles", "Armed clash", "ASSAULT")
    protest = ("Protests", "Peaceful protest", "PROTEST")
    with Store(path) as store, store.transaction():
        for number in range(30):  # 30 dated events in Syria for paging
            report = Report(id=f"r{number}", raw=f"Clash number {number} near Palmyra.",
                            title=f"Clash {number}", published=date(2016, 12, 13))
            report_id = store.add_report(report)
            store.add_events(report_id, [_event(1 + number % 28, battle, "Palmyra",
                                                f"Clash number {number}")])
        report = Report(id="hostile", raw=HOSTILE, url="https://example.org/h", title="Market")
        report_id = store.add_report(report)
        store.add_events(report_id, [
            _event(5, protest, "Nairobi", "Gunmen attacked the market.", reasons=("trigger",),
                   trigger=Span(7, 15, "attacked")),
            _event(6, battle, "Suva", HOSTILE[HOSTILE.index("=cmd"):], HOSTILE.index("=cmd"))])
        store.add_rejection(Rejection("empty", "no text", "bad/empty.txt", None))
    return path


@pytest.fixture(scope="module")
def client(db, tmp_path_factory):
    config = write_fake_config(tmp_path_factory.mktemp("config"))
    app = create_app(db, token=TOKEN, config=config)
    # rate 0: no limit here; the limit has its own test below
    with TestClient(guarded(app, Limits(rate=0, max_body=10_000))) as client:
        yield client


@pytest.fixture(scope="module")
def readonly(db):
    with TestClient(guarded(create_app(db))) as client:
        yield client


def test_events_page_in_a_stable_order_and_the_pages_join_up(client):
    first = client.get("/api/events", params={"limit": 10}).json()
    assert first["total"] == 32 and len(first["events"]) == 10
    assert first["next"].endswith("offset=10")
    ids = [event["id"] for event in first["events"]]
    offset = 10
    while offset < first["total"]:
        page = client.get("/api/events", params={"limit": 10, "offset": offset}).json()
        ids += [event["id"] for event in page["events"]]
        offset += 10
    assert len(ids) == len(set(ids)) == 32
    dates = [event["event_date"] for event in
             client.get("/api/events", params={"limit": 100}).json()["events"]]
    assert dates == sorted(dates)
    assert client.get("/api/events", params={"limit": 10}).json() == first  # same again


def test_events_filter_like_the_cli_plus_text_and_bounding_box(client):
    def total(**params):
        return client.get("/api/events", params=params).json()["total"]

    assert total(country="Kenya") == 1 and total(country="SYR") == 30
    assert total(type="protests") == 1 and total(type="ASSAULT") == 31
    assert total(since="2016-12-05", until="2016-12-06") == 4
    assert total(actor="armed group") == 32
    assert total(q="clash NUMBER 7") == 1  # every word, any case, in the evidence
    assert total(q="attacked market") == 1
    assert total(bbox="30,30,40,40") == 30
    assert total(bbox="170,-20,-170,-10") == 1  # across the antimeridian: Suva
    assert total(modality="negated") == 0 and total(modality="all") == 32


@pytest.mark.parametrize("params, code", [
    ({"since": "2016-13-01"}, "E250"), ({"limit": 0}, "E250"), ({"limit": 100000}, "E250"),
    ({"offset": -1}, "E250"), ({"limit": "ten"}, "E250"), ({"cuntry": "Syria"}, "E251"),
    ({"bbox": "1,2,3"}, "E252"), ({"bbox": "0,50,10,40"}, "E252"), ({"bbox": "a,b,c,d"}, "E252"),
    ({"type": "Battle"}, "E206"), ({"modality": "maybe"}, "E201"),
    ({"since": "2016-12-10", "until": "2016-12-01"}, "E202"), ({"q": "w " * 30}, "E253"),
])
def test_bad_parameters_are_json_errors_with_a_code(client, params, code):
    response = client.get("/api/events", params=params)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["code"] == code


def test_one_event_with_its_evidence_in_its_source_sources_and_reasons(client):
    event_id = client.get("/api/events", params={"country": "Kenya"}).json()["events"][0]["id"]
    detail = client.get(f"/api/events/{event_id[:8]}").json()  # a unique prefix will do
    assert detail["event"]["id"] == event_id
    segments = detail["source_text"]["segments"]
    assert "".join(segment["text"] for segment in segments) == HOSTILE  # nothing lost
    marked = [segment for segment in segments if segment["evidence"]]
    assert [segment["text"] for segment in marked] == ["Gunmen attacked the market."]
    assert marked[0]["trigger"] is True
    assert detail["sources"][0]["url"] == "https://example.org/h"
    assert detail["sources"][0]["analysed"] is True
    assert detail["reasons"]["actors"][0]["reason"] == "alias"
    assert detail["reasons"]["coding"] == ["trigger"]


def test_unknown_event_is_404_with_a_code(client):
    response = client.get("/api/events/ezzzzzzzzzz")
    assert response.status_code == 404 and response.json()["error"]["code"] == "E307"


def test_points_geojson_stats_rejections(client):
    points = client.get("/api/points", params={"modality": "all"}).json()
    assert points["total"] == points["located"] == 32 and len(points["rows"][0]) == 7
    collection = client.get("/api/events.geojson", params={"country": "Fiji"}).json()
    assert collection["type"] == "FeatureCollection"
    assert collection["features"][0]["geometry"]["coordinates"] == [178.44, -18.14]
    stats = client.get("/api/stats").json()
    assert stats["events"] == 32 and stats["rejections"] == 1
    rejections = client.get("/api/rejections").json()
    assert rejections["rejections"][0]["code"] == "empty"
    assert client.get("/api/stats", params={"modality": "x"}).status_code == 400


def test_csv_neutralises_formula_cells(client):
    response = client.get("/api/events.csv", params={"country": "Fiji"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1 and rows[0]["notes"].startswith("'=cmd")
    assert rows[0]["longitude"] == "178.44"


def test_docs_and_openapi_are_served_offline(client):
    schema = client.get("/openapi.json").json()
    assert "/api/events" in schema["paths"] and "/api/events/{event_id}" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_page_is_served_with_a_strict_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and 'id="map"' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200


def test_read_only_server_refuses_writes(readonly):
    response = readonly.post("/api/documents", json={"text": "IS fighters seized Palmyra."})
    assert response.status_code == 403 and response.json()["error"]["code"] == "E254"
    assert readonly.get("/api").json()["writable"] is False


def test_writes_need_the_matching_bearer_token(client):
    document = {"text": "Thousands of teachers marched through Nairobi.", "id": "submitted-1",
                "published": "2016-12-20"}
    for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"},
                    {"Authorization": TOKEN}):
        response = client.post("/api/documents", json=document, headers=headers)
        assert response.status_code == 401 and response.json()["error"]["code"] == "E254"
    before = client.get("/api/stats").json()["reports"]
    response = client.post("/api/documents", json=document,
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    assert response.json()["stored"] == 1 and response.json()["events"] == 1
    assert client.get("/api/stats").json()["reports"] == before + 1  # the catalog saw the write
    found = client.get("/api/events", params={"since": "2016-12-20",
                                              "type": "protests"}).json()["events"]
    assert found[0]["sources"][0]["path"] == SUBMITTED_PATH


@pytest.mark.parametrize("body, status", [(b"{not json", 400), (b'{"title": "no text"}', 422),
                                          (b'["a list"]', 422), (b'{"text": ""}', 422)])
def test_bad_documents_are_refused_or_recorded_with_a_reason(client, body, status):
    response = client.post("/api/documents", content=body,
                           headers={"Authorization": f"Bearer {TOKEN}",
                                    "Content-Type": "application/json"})
    assert response.status_code == status
    if status == 422:
        assert response.json()["rejections"]  # the reason code, as `sitrep run` records it


def test_request_limits(db, client):
    too_big = client.post("/api/documents", content=b"x" * 20_000,
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert too_big.status_code == 413 and too_big.json()["error"]["code"] == "E255"

    def chunks():
        for _ in range(30):
            yield b"x" * 1000

    streamed = client.post("/api/documents", content=chunks(),
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert streamed.status_code == 413
    long_url = client.get("/api/events", params={"q": "x" * 5000})
    assert long_url.status_code == 414
    with TestClient(guarded(create_app(db), Limits(rate=1, burst=3))) as limited:
        statuses = [limited.get("/api/stats").status_code for _ in range(6)]
    assert statuses[:3] == [200, 200, 200] and 429 in statuses[3:]


def test_readme_lists_every_endpoint(client):
    """The README's endpoint table and the app's routes are the same set (docs must not drift)."""
    import re
    from pathlib import Path

    readme = Path(__file__).resolve().parent.parent / "README.md"
    if not readme.is_file():
        pytest.skip("no README.md")
    documented = {(method, path.split("?")[0]) for method, path in
                  re.findall(r"^\| `(GET|POST) (/api[^` ]*)`", readme.read_text("utf-8"), re.M)}
    schema = client.get("/openapi.json").json()
    served = {(method.upper(), path) for path, methods in schema["paths"].items()
              for method in methods}
    served = {(method, path.replace("{event_id}", "{id}")) for method, path in served}
    assert documented == served
