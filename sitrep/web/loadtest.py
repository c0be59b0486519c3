"""`sitrep serve` under load, on loopback only, bounded in requests and time (``make web-bench``).

    python -m sitrep.web.loadtest [--events 10000] [--requests 10000] [--concurrency 16]
    python -m sitrep.web.loadtest --screenshot docs/web.png --db demo.db

1. builds a store of ``--events`` generated events (hand-built records written through the
   Store API: the pipeline is measured by ``make bench``, not here);
2. starts ``sitrep serve`` on a free 127.0.0.1 port with the rate limit off (the limit would
   otherwise be what is measured);
3. sends ``--requests`` GET /api/events requests (pages of 100 at varied offsets and filters)
   from ``--concurrency`` threads over keep-alive connections, and prints requests/s and latency;
4. loads the page in Debian's Chromium and prints the time until the map, timeline and table
   are drawn (median of three loads).

With ``--screenshot`` it only saves a picture of the page over ``--db`` (the README's).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

from ..model import ACLED_TYPES, Actor, Event, Place, Report, Span
from ..store import Store

__all__ = ["generate_store", "hammer", "page_load_seconds", "main"]

CHROMIUM = "/usr/bin/chromium"
# Stops the load by itself even if the server slows to a crawl.
TIME_LIMIT = 300.0
CITIES = [("Aleppo", 36.20, 37.16, "Syria", "SYR"), ("Mosul", 36.34, 43.12, "Iraq", "IRQ"),
          ("Kabul", 34.53, 69.17, "Afghanistan", "AFG"), ("Mogadishu", 2.04, 45.34, "Somalia",
                                                           "SOM"),
          ("Goma", -1.68, 29.22, "Democratic Republic of Congo", "COD"),
          ("Bamako", 12.65, -8.00, "Mali", "MLI"), ("Khartoum", 15.50, 32.56, "Sudan", "SDN"),
          ("Kharkiv", 49.99, 36.23, "Ukraine", "UKR"), ("Sanaa", 15.35, 44.21, "Yemen", "YEM"),
          ("Maiduguri", 11.85, 13.16, "Nigeria", "NGA"), ("Nairobi", -1.28, 36.82, "Kenya", "KEN"),
          ("Cali", 3.44, -76.52, "Colombia", "COL")]


def generate_store(path: Path, events: int, seed: int = 14) -> None:
    """A store of ``events`` events spread over 12 cities, every ACLED sub-type and 2023."""
    rng = random.Random(seed)
    kinds = [(kind, sub) for kind, subs in ACLED_TYPES.items() for sub in subs]
    per_report = 10
    with Store(path) as store, store.transaction():
        for number in range(0, events, per_report):
            city, lat, lon, country, iso3 = rng.choice(CITIES)
            day = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
            sentences = []
            batch = []
            for offset in range(min(per_report, events - number)):
                kind, sub = rng.choice(kinds)
                text = f"Report {number + offset}: {sub.lower()} near {city} on {day:%d %B}."
                start = sum(len(s) + 1 for s in sentences)
                sentences.append(text)
                place = Place(start, start + 1, city, name=city, geonameid=number + offset,
                              lat=lat + rng.uniform(-0.3, 0.3), lon=lon + rng.uniform(-0.3, 0.3),
                              country=country, iso3=iso3, geo_precision=1)
                batch.append(Event(kind, sub, "ASSAULT", cameo_root="19", location=place,
                                   actor1=Actor(0, 6, "Gunmen", name=f"Armed group {offset}"),
                                   event_date=day.isoformat(), time_precision=1,
                                   evidence=(Span(start, start + len(text), text),)))
            report = Report(id=f"generated-{number}", raw=" ".join(sentences),
                            title=f"Generated report {number}", published=day)
            store.add_events(store.add_report(report), batch)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db),
                                "--port", str(port), "--rate-limit", "0"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("sitrep serve did not start within 60 s")


def _paths(count: int, total: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    filters = ["", "&country=Syria", "&type=Battles", "&since=2023-06-01&until=2023-06-30",
               "&q=aleppo", "&bbox=30,0,50,40"]
    return [f"/api/events?limit=100&offset={rng.randrange(0, max(1, total - 100))}"
            f"{rng.choice(filters)}" for _ in range(count)]


def hammer(port: int, paths: list[str], concurrency: int) -> dict:
    """Send every path once from ``concurrency`` threads; requests/s and latencies."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    queue = iter(paths)
    deadline = time.monotonic() + TIME_LIMIT

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                path = next(queue, None)
            if path is None:
                break
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError as exc:
                ok = False
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    errors.append(str(exc))
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok and len(errors) < 1000:
                    errors.append(path)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "errors": len(errors), "seconds": round(wall, 2),
            "requests_per_second": round(len(latencies) / wall, 1),
            "p50_ms": round(1000 * latencies[len(latencies) // 2], 1),
            "p95_ms": round(1000 * latencies[int(len(latencies) * 0.95)], 1)}


def _browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    return playwright, browser


def page_load_seconds(port: int, loads: int = 3) -> dict:
    """Seconds from navigation until the map, timeline and table are drawn (Chromium)."""
    playwright, browser = _browser()
    try:
        times, markers = [], None
        for _ in range(loads):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body[data-ready=true]", timeout=120_000)
            times.append(time.perf_counter() - started)
            markers = page.locator("#map").get_attribute("data-markers")
            page.close()
        return {"median_seconds": round(statistics.median(times), 2),
                "loads": [round(t, 2) for t in times], "markers": int(markers or 0)}
    finally:
        browser.close()
        playwright.stop()


def screenshot(db: Path, out: Path) -> None:
    process, port = start_server(db)
    playwright, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("body[data-ready=true]", timeout=60_000)
        page.locator("#events-table tbody tr").first.click()
        page.wait_for_selector("#panel mark.evidence", timeout=30_000)
        page.wait_for_timeout(1500)  # the zoom to the event's marker
        page.evaluate("fitMap()")  # back to every event, for the picture
        page.wait_for_timeout(1500)
        page.screenshot(path=str(out))
    finally:
        browser.close()
        playwright.stop()
        process.terminate()
        process.wait(timeout=10)
    print(f"screenshot saved to {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.web.loadtest",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--db", type=Path, help="an existing store (default: a generated one)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="only save a screenshot of the page over --db")
    args = parser.parse_args(argv)
    if args.screenshot:
        if not args.db:
            parser.error("--screenshot needs --db")
        screenshot(args.db, args.screenshot)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "load.db"
            started = time.perf_counter()
            generate_store(db, args.events)
            print(f"generated {args.events} events in {time.perf_counter() - started:.1f} s")
        process, port = start_server(db)
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            started = time.perf_counter()
            connection.request("GET", "/api/events?limit=1")
            total = json.loads(connection.getresponse().read())["total"]
            print(f"first request (reads the store into the catalog): "
                  f"{time.perf_counter() - started:.2f} s; {total} events")
            result = hammer(port, _paths(args.requests, total), args.concurrency)
            print("GET /api/events, pages of 100, concurrency "
                  f"{args.concurrency}: {json.dumps(result)}")
            print(f"page load in Chromium: {json.dumps(page_load_seconds(port))}")
        finally:
            process.terminate()
            process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
