"""The driver of a run alone: saved worker output replayed through ``run_into_store``.

    python -m sitrep.bench_replay record --articles 8000 --out .bench/replay-8000.pickle
    python -m sitrep.bench_replay replay .bench/replay-8000.pickle [--store sqlite|postgresql]
                                         [--pg URL] [--repeat 2]

On a Ray run (``make bench-scale``) the workers analyse and the one driver reads the input,
groups copies, unpickles what the workers send, writes the store and runs the merge step: the
part a run cannot add more of (issue 15: at w ms of a worker's CPU an article and d of the
driver's, 2 workers on 2 cores go about 2w/(w+d) times as fast as one). ``record`` analyses a
generated corpus (``sitrep.corpus``, as the benchmarks do) once and saves each analysed report
packed as a worker sends it (``sitrep/store/packing.py``), pickled. ``replay`` runs the driver's
whole work on it — ``run_into_store`` with an engine that unpickles the saved report instead of
analysing — into a new store, and prints:

* the driver's CPU per article, in all and by part (unpickling; grouping copies; the store's
  writes; the merge step and its parts), each the CPU time of the thread it ran in;
* a digest of every table of the store (every row, less the time it was stored at), so that a
  change to the driver can be shown to store exactly what it stored before: the same recording
  replayed before and after must print the same digest.

A recording holds pickled objects of the code that made it: record again after changing what
the workers send (``PackedReport``, ``Event``).
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

from .corpus import generate_articles, write_jsonl
from .model import Report

__all__ = ["record", "replay", "table_digests", "ReplayEngine", "main"]

# Columns left out of the digest: when a row was written (the clock), and the back end's own
# insertion counter (PostgreSQL's sequence; SQLite's rowid is not a column).
_UNHASHED = {"stored_at", "seq"}
# The file name the corpus is read from (and its reports stored with).
CORPUS_NAME = "corpus.jsonl"


def _read(path: Path) -> Iterator[Report]:
    """The corpus's reports, each with the same path whatever folder it was written to (the
    path is stored, and would change every digest)."""
    from .ingest import ReadOptions, read_inputs

    for report in read_inputs([str(path)], ReadOptions()):
        report.path = CORPUS_NAME
        yield report


def _key(report: Report) -> tuple[str, str]:
    return report.id, hashlib.sha256(report.raw.encode("utf-8", "surrogatepass")).hexdigest()


class _Recorder:
    """An engine that analyses with ``pipeline`` and keeps each analysed report packed, as a
    Ray worker sends it."""

    def __init__(self, pipeline, workers: int) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.analysed: dict[tuple[str, str], bytes] = {}

    def analyse(self, reports: Iterable[Report]) -> Iterator[Report]:
        from .store.packing import pack

        for report in self.pipeline.pipe(reports, n_process=self.workers):
            if report.rejection is None:
                packed = pack(report)
                self.analysed[_key(report)] = pickle.dumps(packed, protocol=5)
                report = packed
            yield report


class ReplayEngine:
    """An engine whose analysis is the recording's: each report to analyse is replaced by the
    saved one, unpickled here (what the driver of a Ray run does with what a worker sends)."""

    def __init__(self, analysed: dict[tuple[str, str], bytes]) -> None:
        self.analysed = analysed
        self.cpu = 0.0

    def analyse(self, reports: Iterable[Report]) -> Iterator[Report]:
        for report in reports:
            if report.rejection is None:  # a copy or a rejected one travels untouched
                started = time.thread_time()
                saved = self.analysed.get(_key(report))
                if saved is None:
                    raise KeyError(f"report {report.id!r} is not in the recording (recorded "
                                   "from another corpus?)")
                report = pickle.loads(saved)
                self.cpu += time.thread_time() - started
            yield report


def record(articles: int, out: Path, *, seed: int = 2016, workers: int = 1) -> dict:
    """Analyse ``articles`` generated articles as ``sitrep run`` would and save them to ``out``."""
    from .pipeline import Pipeline
    from .store import Store
    from .store.run import run_into_store

    corpus = list(generate_articles(articles, seed=seed))
    recorder = _Recorder(Pipeline(), workers)
    with tempfile.TemporaryDirectory(prefix="sitrep-replay-") as tmp:
        path = write_jsonl(corpus, Path(tmp) / CORPUS_NAME)
        with Store(Path(tmp) / "record.db") as store:
            with _batches_by_count():
                run_into_store(_read(path), store, None, engine=recorder)
            digest = table_digests(store)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        pickle.dump({"corpus": corpus, "analysed": recorder.analysed, "digest": digest},
                    handle, protocol=5)
    return {"articles": len(corpus), "analysed": len(recorder.analysed), "digest": digest}


def table_digests(store) -> dict[str, str]:
    """Table -> sha256 of its rows (each as JSON, sorted; stored_at and seq left out), and
    "all" over every table."""
    backend = store.backend
    if backend.name == "sqlite":
        tables = [row[0] for row in backend.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'evidence_search%'"
            " AND name <> 'migrations'")]
    else:
        tables = [row[0] for row in backend.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_name <> 'migrations'")]
    digests = {}
    for table in sorted(tables):
        cursor = backend.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        kept = [i for i, name in enumerate(names) if name not in _UNHASHED]
        plain = _state if table == "state" else _plain
        rows = sorted(json.dumps([plain(row[i]) for i in kept], ensure_ascii=False)
                      for row in cursor.fetchall())
        digest = hashlib.sha256()
        for row in rows:
            digest.update(row.encode("utf-8", "surrogatepass") + b"\n")
        digests[table] = f"{len(rows)}:{digest.hexdigest()[:16]}"
    digests["all"] = hashlib.sha256(
        json.dumps(digests, sort_keys=True).encode()).hexdigest()[:16]
    return digests


def _state(value):
    """A value of the state table as its meaning: the near-duplicate index's groups, not its
    pickled bytes (sets pickle in the order of their strings' hashes, which differs from one
    process to the next)."""
    if isinstance(value, str):
        return value
    from .merge.near_duplicates import NearDuplicateIndex

    try:
        index = NearDuplicateIndex.from_bytes(bytes(value))
    except ValueError:
        return _plain(value)
    return sorted(sorted(members) for members in index.groups().values())


def _plain(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, float):
        return repr(value)
    return value


# The parts of the driver's work timed by replay: (module, attribute, part); a method is given
# as "Class.method". Parts nest (the merge step holds its parts): each is the CPU time inside it.
_PARTS = (
    ("sitrep.store.run", "_Grouper.group", "group copies (near-duplicate index)"),
    ("sitrep.store.run", "_Grouper.save", "save the near-duplicate index"),
    ("sitrep.store.store", "Store.add_report", "store: add_report"),
    ("sitrep.store.store", "Store.add_events", "store: add_events"),
    ("sitrep.store.store", "Store.add_rejection", "store: add_rejection"),
    ("sitrep.store.run", "merge_new_events", "merge step"),
    ("sitrep.store.run", "recluster", "merge step (deferred parts, at the end)"),
    ("sitrep.store.incidents", "_new_mentions", "merge: new events -> mentions"),
    ("sitrep.store.incidents", "_candidates_of", "merge: candidates"),
    ("sitrep.store.incidents", "compare", "merge: compare() (new with candidates; pairs cluster() asks)"),
    ("sitrep.store.incidents", "_component", "merge: link-graph walk"),
    ("sitrep.store.incidents", "_recluster", "merge: re-cluster"),
    ("sitrep.store.incidents", "cluster", "merge: re-cluster: cluster()"),
    ("sitrep.store.incidents", "_write_merged", "merge: re-cluster: write merged events"),
)


@contextmanager
def _timing_parts() -> Iterator[dict[str, float]]:
    """Time the parts of _PARTS (CPU of the calling thread), restoring them afterwards."""
    import importlib

    spent: dict[str, float] = defaultdict(float)
    restore = []
    for module_name, attribute, part in _PARTS:
        owner = importlib.import_module(module_name)
        name = attribute
        if "." in attribute:
            class_name, name = attribute.split(".")
            owner = getattr(owner, class_name)
        original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)

        def timed_version(function, part=part):
            if inspect.isgeneratorfunction(function):  # the time of each next() is its time
                @wraps(function)
                def timed_generator(*args, **kwargs):
                    generator = function(*args, **kwargs)
                    while True:
                        started = time.thread_time()
                        try:
                            item = next(generator)
                        except StopIteration:
                            return
                        finally:
                            spent[part] += time.thread_time() - started
                        yield item
                return timed_generator

            @wraps(function)
            def timed(*args, **kwargs):
                started = time.thread_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    spent[part] += time.thread_time() - started
            return timed

        setattr(owner, name, timed_version(original))
        restore.append((owner, name, original))
    try:
        yield spent
    finally:
        for owner, name, original in reversed(restore):
            setattr(owner, name, original)


def replay(recording: Path, db: str, *, parts: bool = True) -> dict:
    """Run the driver's work on ``recording`` into the new store ``db``; its CPU and digest."""
    from .store import Store
    from .store.run import run_into_store

    with recording.open("rb") as handle:
        saved = pickle.load(handle)
    # what a run imports on its first report (the near-duplicate index's libraries): a driver
    # pays it once, however long the run, and it would weigh on a short replay
    from .store.run import _load_index_class

    _load_index_class()
    engine = ReplayEngine(saved["analysed"])
    with tempfile.TemporaryDirectory(prefix="sitrep-replay-") as tmp:
        path = write_jsonl(saved["corpus"], Path(tmp) / CORPUS_NAME)
        with Store(db) as store, (_timing_parts() if parts else _nothing()) as spent:
            server = _server_process(store)
            server_cpu = _process_cpu(server)
            rss_before = _reset_peak_rss()
            written, stored = _written(server), _stored(server)
            started, cpu = time.perf_counter(), time.process_time()
            with _batches_by_count():
                summary = run_into_store(_read(path), store, None, engine=engine)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - started
            if store.backend.name == "sqlite":
                # what is still in the WAL goes to the database file now, as it would when the
                # run's connection closes: counted here, whatever the checkpoint policy left
                store.backend.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if written is not None:
                written = _written(server) - written
            if stored is not None:
                stored = _stored(server) - stored
            if server_cpu is not None:
                server_cpu = _process_cpu(server) - server_cpu
            rss = _memory_mb()
            digest = table_digests(store)
    articles = max(summary.read, 1)
    per_article = {"unpickle (Ray's deserialising)": engine.cpu}
    per_article.update(spent)
    return {"articles": summary.read, "events": summary.events,
            "merged_events": summary.merged_events, "wall_s": round(wall, 1),
            "cpu_ms_per_article": round(1000 * cpu / articles, 3),
            # the PostgreSQL server's process serving the run, when it runs on this machine:
            # on a machine as small as the bench's, its CPU is the workers' too
            "server_cpu_ms_per_article": (round(1000 * server_cpu / articles, 3)
                                          if server_cpu is not None else None),
            # bytes the store's process wrote (the driver's for SQLite: its file and WAL, both
            # written through a checkpoint; the server's for PostgreSQL), of every write call
            "written_mb": round(written / 2 ** 20, 1) if written is not None else None,
            # of those, what went to the disk (the kernel's write_bytes less the writes it
            # dropped, counted when a page of a file is first dirtied): a page written again
            # before it reached the disk, or a temporary file's page, counts once or not at all
            "disk_mb": round(stored / 2 ** 20, 1) if stored is not None else None,
            "parts_ms_per_article": {part: round(1000 * seconds / articles, 3)
                                     for part, seconds in per_article.items()},
            # the driver's memory (what the recording itself takes is in "before"): its
            # resident size before the run, its peak during it and at its end
            "driver_rss_mb": {"before": rss_before, "peak": rss.get("VmHWM"),
                              "end": rss.get("VmRSS")},
            "digest": digest, "recorded_digest": saved.get("digest")}


def _memory_mb() -> dict[str, float]:
    """This process's resident size now (VmRSS) and at its peak (VmHWM), in MB (Linux)."""
    found = {}
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                name, _, value = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    found[name] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return found


def _reset_peak_rss() -> float | None:
    """Start the peak (VmHWM) again from the resident size now (Linux's clear_refs); the
    resident size now."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        pass
    return _memory_mb().get("VmRSS")


def _written(pid: int | None) -> int | None:
    """Bytes process ``pid`` (None: this one) has handed to write calls so far (Linux's
    ``wchar``: what it asked to write, whether or not it reached the disk yet)."""
    counters = _io(pid)
    return counters.get("wchar") if counters else None


def _stored(pid: int | None) -> int | None:
    """Bytes process ``pid`` (None: this one) has sent to the disk so far, or will: Linux's
    ``write_bytes`` (pages it dirtied) less ``cancelled_write_bytes`` (dirty pages dropped
    before they were written, a deleted or truncated file's)."""
    counters = _io(pid)
    if not counters or "write_bytes" not in counters:
        return None
    return counters["write_bytes"] - counters.get("cancelled_write_bytes", 0)


def _io(pid: int | None) -> dict[str, int] | None:
    """Process ``pid``'s I/O counters (``/proc/PID/io``), None where it cannot be read."""
    try:
        with open(f"/proc/{pid or 'self'}/io", encoding="ascii") as handle:
            return {name: int(value) for name, _, value in
                    (line.partition(":") for line in handle) if value.strip()}
    except (OSError, ValueError):
        return None


def _server_process(store) -> int | None:
    """The id of the PostgreSQL process serving ``store``'s connection (None for SQLite)."""
    if store.backend.name != "postgresql":
        return None
    return store.backend.execute("SELECT pg_backend_pid()").fetchone()[0]


def _process_cpu(pid: int | None) -> float | None:
    """CPU seconds (user and system) of process ``pid``, if it runs on this machine."""
    import os

    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def _batches_by_count() -> Iterator[None]:
    """A run's batches of COMMIT_EVERY reports, never cut short by COMMIT_SECONDS: which
    links the merge step finds depends on what its batch holds (a new mention compares with
    the first MAX_NAME_CANDIDATES stored under its keys), so batches cut by the clock made the
    digest depend on how loaded the machine was (a 20,000-article recording replayed at load
    3 and 16: 282,653 and 282,657 links) and a recording's digest differ from its replays'
    (the analysing run is slower: 282,676)."""
    from .store import run

    saved = run.COMMIT_SECONDS
    run.COMMIT_SECONDS = float("inf")
    try:
        yield
    finally:
        run.COMMIT_SECONDS = saved


@contextmanager
def _nothing() -> Iterator[dict]:
    yield {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.bench_replay",
                                     description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record", help="analyse a generated corpus and save it")
    recording.add_argument("--articles", type=int, default=8000)
    recording.add_argument("--seed", type=int, default=2016)
    recording.add_argument("--workers", type=int, default=1, help="analysing processes")
    recording.add_argument("--out", type=Path, required=True)
    replaying = commands.add_parser("replay", help="the driver's work on a recording")
    replaying.add_argument("recording", type=Path)
    replaying.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    replaying.add_argument("--pg", metavar="URL", help="a PostgreSQL server to use (default: "
                                                       "start a throw-away one)")
    replaying.add_argument("--repeat", type=int, default=1, help="replays, one after another")
    replaying.add_argument("--no-parts", action="store_true",
                           help="do not time the parts (their timers cost a little)")
    args = parser.parse_args(argv)
    if args.command == "record":
        print(json.dumps(record(args.articles, args.out, seed=args.seed,
                                workers=args.workers), indent=1))
        return 0
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="sitrep-replay-") as tmp:
            for number in range(args.repeat):
                if args.store == "sqlite":
                    db = str(Path(tmp) / f"replay{number}.db")
                else:
                    from .store.pg_server import PostgresServer, new_schema_url

                    if args.pg is None and server is None:
                        server = PostgresServer().start()
                    db = new_schema_url(args.pg or server.url, f"replay_{number}")
                print(json.dumps(replay(args.recording, db, parts=not args.no_parts),
                                 indent=1), flush=True)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
