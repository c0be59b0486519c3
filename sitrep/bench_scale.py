"""`make bench-scale`: `sitrep run --engine ray` on 1 and 2 workers, into SQLite and PostgreSQL.

    python -m sitrep.bench_scale [--articles 20000] [--runs sqlite:1,sqlite:2,postgresql:1,...]
                                 [--pg postgresql://...] [--out .bench/scale.json]

It generates a seeded corpus (``sitrep.corpus``, as ``make bench`` does: demo reports varied, with
syndicated copies), then for each run analyses and stores the whole corpus in a new store and
measures:

* articles/s over the whole run (wall clock, Ray's start and the workers' model loading
  included) and over the steady part (from the first article written to the last: not the
  start-up; the corpus-level merge step runs on each committed batch, inside it), whose ratio
  between 2 workers and 1 is the speed-up;
* time to the first stored event;
* the store's write rate: articles stored per second spent inside the store's calls (reports,
  events, rejections, index state, commits), timed around those calls during the same run;
* each worker's peak RSS (the actors' own ``ru_maxrss``) and the driver's;
* how busy the workers were kept (seconds analysing over the steady part), for what share of
  those seconds each actually had a CPU (the rest went to other processes), and the CPU time per
  article of the workers and of the driver (the one process a run cannot add more of; over the
  whole run and over the steady part), with the load average before and after: on a machine
  others use, these say what the rates cannot.

PostgreSQL runs use ``--pg URL`` (a new schema per run) or a throw-away server started here
(``sitrep/store/pg_server.py``). The figures go to ``.bench/scale.json``. On a shared machine,
other work lowers the figures: say so next to them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from functools import wraps
from pathlib import Path

from .config import load_config
from .corpus import generate_articles, write_jsonl

__all__ = ["run_once", "main"]

# The calls a run makes on the store; their time is the store's share of the run.
_STORE_CALLS = ("add_report", "add_events", "add_rejection", "set_state", "get_state")


def _timed(store) -> dict:
    """Wrap the store's write calls (and its back end's commits) to add up their seconds."""
    spent = {"seconds": 0.0}

    def timer(function):
        @wraps(function)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent["seconds"] += time.perf_counter() - start
        return timed

    for name in _STORE_CALLS:
        setattr(store, name, timer(getattr(store, name)))
    store.backend.commit = timer(store.backend.commit)
    return spent


def run_once(corpus: Path, db: str, workers: int, config=None) -> dict:
    """One `sitrep run --engine ray --workers N` of ``corpus`` into the new store ``db``."""
    from .engine.ray_engine import RayEngine
    from .ingest import ReadOptions, read_inputs
    from .store import Store
    from .store.run import run_into_store

    config = config or load_config()
    first: dict[str, float] = {}
    cpu: dict[str, float] = {}
    start = time.perf_counter()

    def on_report(summary, report) -> None:
        now = time.perf_counter() - start
        first.setdefault("article", now)
        first["last"] = now
        # the driver's CPU over the steady part (all its threads): without its start-up (imports,
        # Ray's start); with the merge step of each batch but the last
        cpu.setdefault("first", time.process_time())
        cpu["last"], cpu["articles"] = time.process_time(), summary.read
        if summary.events:
            first.setdefault("event", now)

    load_before = os.getloadavg()
    driver_cpu = time.process_time()
    with Store(db) as store:
        spent = _timed(store)
        engine = RayEngine(config, workers=workers)
        reports = read_inputs([str(corpus)], ReadOptions(limits=config.limits))
        summary = run_into_store(reports, store, None, engine=engine, on_report=on_report)
        wall = time.perf_counter() - start
        driver_cpu = time.process_time() - driver_cpu
        stats = store.stats(None)
    # steady: from the first article written to the last (start-up before is not analysis; the
    # merge step of each batch is inside it, the last batch's and the index's save after it)
    steady = first.get("last", wall) - first.get("article", wall)
    usage = engine.worker_usage
    working = first.get("last", wall) - ((engine.ready_at or start) - start)
    return {
        "store": db.split("://")[0] if "://" in db else "sqlite", "workers": workers,
        "articles": summary.read, "analysed": summary.analysed, "copies": summary.copies,
        "events": stats.events, "rejections": summary.rejections,
        "wall_s": round(wall, 1), "articles_per_s": round(summary.read / wall, 1),
        "startup_s": round(first.get("article", wall), 1),
        "steady_articles_per_s": round((summary.read - 1) / steady, 1) if steady else None,
        "merge_s": round(summary.merge_seconds, 1),
        "first_event_s": round(first["event"], 1) if "event" in first else None,
        "store_s": round(spent["seconds"], 1),
        "store_writes_articles_per_s": (round(summary.stored / spent["seconds"])
                                        if spent["seconds"] else None),
        "worker_peak_rss_mb": [worker["peak_rss_mb"] for worker in usage],
        # how busy the run kept each worker (seconds analysing over the time from the workers
        # being ready to the last article written)
        "worker_busy": [round(worker["busy_s"] / working, 2) if working > 0 else None
                        for worker in usage],
        # of the seconds each worker spent analysing, the share it had a CPU for: under 1, other
        # processes (on a shared machine: other people's) took the rest, which no change to the
        # run can win back
        "worker_cpu_share": [round(worker["cpu_s"] / worker["busy_s"], 2) if worker["busy_s"]
                             else None for worker in usage],
        "worker_cpu_per_article_ms": round(
            1000 * sum(worker["cpu_s"] for worker in usage) / max(summary.analysed, 1), 1),
        "driver_cpu_per_article_ms": round(1000 * driver_cpu / max(summary.read, 1), 1),
        "driver_steady_cpu_per_article_ms": (
            round(1000 * (cpu["last"] - cpu["first"]) / (cpu["articles"] - 1), 1)
            if cpu.get("articles", 0) > 1 else None),
        "worker_crashes": engine.crashes,
        "load_average": [round(value, 1) for value in (*load_before, *os.getloadavg())],
    }


def _print_row(row: dict) -> None:
    print(f"{row['store']:<11} {row['workers']} worker(s): {row['articles']} articles in "
          f"{row['wall_s']} s = {row['articles_per_s']} articles/s "
          f"(steady {row['steady_articles_per_s']}/s after {row['startup_s']} s of start-up); "
          f"first event at {row['first_event_s']} s; store writes "
          f"{row['store_writes_articles_per_s']} articles/s ({row['store_s']} s); "
          f"worker peak RSS {row['worker_peak_rss_mb']} MB; workers busy "
          f"{row['worker_busy']} with a CPU for {row['worker_cpu_share']} of it; CPU per "
          f"article: workers {row['worker_cpu_per_article_ms']} ms, driver "
          f"{row['driver_cpu_per_article_ms']} ms ({row['driver_steady_cpu_per_article_ms']} ms "
          f"steady); load average before/after "
          f"{row['load_average']}", flush=True)


def _speed_ups(rows: list[dict]) -> dict:
    speed_ups = {}
    for store in {row["store"] for row in rows}:
        by_workers = {row["workers"]: row for row in rows if row["store"] == store}
        if 1 in by_workers and 2 in by_workers:
            one, two = by_workers[1], by_workers[2]
            speed_ups[store] = {
                "wall": round(two["articles_per_s"] / one["articles_per_s"], 2),
                "steady": round(two["steady_articles_per_s"] / one["steady_articles_per_s"], 2)}
    return speed_ups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.bench_scale",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--runs", default="sqlite:1,sqlite:2,postgresql:2,postgresql:1",
                        help="store:workers, comma-separated (default: all four)")
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL server to use (default: "
                                                    "start a throw-away one)")
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--out", type=Path, default=Path(".bench/scale.json"))
    args = parser.parse_args(argv)
    try:
        runs = [(store, int(workers)) for store, workers in
                (run.strip().split(":") for run in args.runs.split(","))]
    except ValueError:
        parser.error(f"--runs takes store:workers pairs, not {args.runs!r}")
    if args.articles < 1 or any(store not in ("sqlite", "postgresql") or workers < 1
                                for store, workers in runs):
        parser.error("--articles must be positive; stores are sqlite or postgresql")
    server = None
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-scale-") as tmp:
        corpus = write_jsonl(list(generate_articles(args.articles, seed=args.seed)),
                             Path(tmp) / "corpus.jsonl")
        try:
            for number, (store, workers) in enumerate(runs):
                if store == "sqlite":
                    db = str(Path(tmp) / f"run{number}.db")
                else:
                    from .store.pg_server import PostgresServer, new_schema_url

                    if args.pg is None and server is None:
                        server = PostgresServer().start()
                    db = new_schema_url(args.pg or server.url, f"bench_{number}")
                rows.append(run_once(corpus, db, workers))
                _print_row(rows[-1])
                results = _write(args, rows)  # after every run: a long bench keeps what it has
        finally:
            if server is not None:
                server.stop()
    print(f"speed-up, 2 workers over 1: {json.dumps(results['speed_up'])}")
    print(f"figures written to {args.out}")
    return 0


def _write(args: argparse.Namespace, rows: list[dict]) -> dict:
    results = {"articles": args.articles, "seed": args.seed, "runs": rows,
               "speed_up": _speed_ups(rows),
               "driver_peak_rss_mb": round(
                   resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    sys.exit(main())
