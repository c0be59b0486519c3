"""The Ray engine: the pipeline in Ray actors, on a cluster or in Ray's local mode.

    reports ──► batches of BATCH_SIZE ──► actor 1 … actor N (each builds the pipeline once,
                  (at most IN_FLIGHT_PER_WORKER                │  and packs what it analysed:
                   batches per actor in flight)                ▼  sitrep/store/packing.py)
    analysed reports, in input order ◄── the oldest batch first (head of the queue)

The sending and collecting run in a thread of their own, a bounded number of reports ahead of
the caller (``_ahead``), so that the workers keep analysing while the run writes into the store.

Back-pressure: the input is read only when a batch leaves the queue, so memory holds at most
``workers x (IN_FLIGHT_PER_WORKER + AHEAD_BATCHES)`` batches however long the input (a 10-million-line JSONL file
is streamed by ``sitrep.ingest``, never read whole). Reports that are already rejected or that
are copies of another (they carry a rejection; the pipeline leaves them alone) never travel.

Failures: an exception inside a stage is recorded on the report by the pipeline, as in the
local engine. A worker process that dies (a crash in native code, the kernel's OOM killer) is
restarted by Ray; the documents of the batch it was working on are retried one at a time, and a
document on which a worker dies again becomes a ``worker_crashed`` rejection, the run going on.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from ..config import Config
from ..errors import RejectCode, SitrepError, UsageError
from ..model import Rejection, Report
from ..pipeline import Pipeline, freeze_built_objects, registered_stages
from ..store.packing import pack

__all__ = ["RayEngine", "BATCH_SIZE", "IN_FLIGHT_PER_WORKER"]

# Documents per task: large enough that Ray's per-task cost (~1 ms) is small next to the
# analysis (~30 ms a document on the development machine), small enough that a crash costs
# little to retry and that the first events arrive soon.
BATCH_SIZE = 16
# Batches queued per actor: two keeps each actor busy while the driver collects the last one.
IN_FLIGHT_PER_WORKER = 2
# Analysed reports the sending thread may hold for the caller, in batches per worker: enough to
# cover a write of the run (up to COMMIT_SECONDS of sitrep/store/run.py) on a fast cluster.
AHEAD_BATCHES = 8
# Seconds to wait for Ray to restart a dead worker before the run gives up (a restart reloads
# the pipeline's models: a few seconds, tens on a loaded machine).
RESTART_WAIT = 300.0
# Ray's shared-memory object store in local mode: batches are small; Ray's default (30 % of RAM)
# would take memory the workers' models need on a small machine.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


def _ray():
    try:
        import ray
    except ModuleNotFoundError:
        raise UsageError("--engine ray needs Ray: pip install 'sitrep[cluster]' "
                         "(make setup installs it)", "E271") from None
    return ray


def _plugin_modules(config: Config) -> tuple[str, ...]:
    """Modules that register the config's non-built-in stages: a worker imports them first."""
    factories = registered_stages()
    return tuple(sorted({factories[name].__module__ for name in config.stages
                         if name in factories and not isinstance(factories[name], str)}))


_END = object()


def _ahead(items: Iterator, size: int) -> Iterator:
    """``items``, produced in a thread at most ``size`` ahead of the consumer; an exception in
    the thread is raised here. Closing this generator (the consumer stopped early) stops the
    thread at its next item."""
    handover: queue.Queue = queue.Queue(maxsize=size)
    stop = threading.Event()

    def offer(entry) -> bool:  # False: the consumer has gone
        while not stop.is_set():
            try:
                handover.put(entry, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer((item, None)):
                    return
            offer((_END, None))
        except BaseException as exc:  # handed to the consumer, which raises it
            offer((_END, exc))

    thread = threading.Thread(target=produce, name="sitrep-ray-feeder", daemon=True)
    thread.start()
    try:
        while True:
            item, error = handover.get()
            if error is not None:
                raise error
            if item is _END:
                return
            yield item
    finally:
        stop.set()
        thread.join(timeout=RESTART_WAIT)


class _Analyser:
    """One Ray actor: builds the pipeline once, then analyses batch after batch."""

    def __init__(self, config: Config, plugins: tuple[str, ...]) -> None:
        import importlib

        for module in plugins:
            importlib.import_module(module)
        self.pipeline = Pipeline(config)
        # the actor's process runs this one pipeline for its life, as a pool worker does
        freeze_built_objects()
        self.busy = self.cpu = 0.0

    def analyse(self, reports: list[Report]) -> list[Report]:
        # packed here, in parallel, rather than by the one driver (sitrep/store/packing.py)
        started, cpu = time.perf_counter(), time.process_time()
        analysed = [pack(self.pipeline(report)) for report in reports]
        self.busy += time.perf_counter() - started
        self.cpu += time.process_time() - cpu
        return analysed

    def pid(self) -> int:
        return os.getpid()

    def usage(self) -> dict:
        """Peak RSS, and seconds spent analysing, on the clock and on a CPU (make bench-scale:
        how busy the worker was kept, and how much of that time other processes took)."""
        import resource

        return {"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "busy_s": round(self.busy, 1), "cpu_s": round(self.cpu, 1)}


class RayEngine:
    """``workers`` actors on the Ray cluster at ``address`` (None: start Ray's local mode here)."""

    def __init__(self, config: Config, *, workers: int = 1, address: str | None = None,
                 batch_size: int = BATCH_SIZE) -> None:
        self.ray = _ray()
        self.config = config
        self.workers = workers
        self.address = address
        self.batch_size = batch_size
        self.plugins = _plugin_modules(config)
        self.actors: list = []
        self.crashes = 0  # worker deaths seen (and recovered from)
        self.ready_at: float | None = None
        self.worker_usage: list[dict] = []  # Analyser.usage() of each worker, at the end

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> None:
        ray = self.ray
        if not ray.is_initialized():
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no reporting home
            if self.address:
                ray.init(address=self.address, logging_level="ERROR", log_to_driver=False)
            else:
                # workers see what this process sees: sitrep, and the modules of plugin stages
                path = os.pathsep.join(entry for entry in sys.path if entry)
                ray.init(num_cpus=self.workers, include_dashboard=False,
                         object_store_memory=LOCAL_OBJECT_STORE_BYTES, logging_level="ERROR",
                         log_to_driver=False,
                         runtime_env={"env_vars": {"PYTHONPATH": path}})
        actor_class = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(_Analyser)
        # the config travels inline (it is small): an argument in the object store could be
        # gone when Ray restarts a dead actor
        self.actors = [actor_class.remote(self.config, self.plugins)
                       for _ in range(self.workers)]
        # a pipeline that cannot be built (a bad config, a missing model) fails here, at once
        ray.get([actor.pid.remote() for actor in self.actors])
        self.ready_at = time.perf_counter()  # workers up, pipelines built (make bench-scale)

    def stop(self) -> None:
        try:  # what each worker used (make bench-scale reports it)
            self.worker_usage = self.ray.get(
                [actor.usage.remote() for actor in self.actors], timeout=30)
        except (self.ray.exceptions.RayError, TimeoutError):
            self.worker_usage = []
        for actor in self.actors:
            self.ray.kill(actor)
        self.actors = []
        if not self.address:
            self.ray.shutdown()

    # -- analysis ---------------------------------------------------------------------------------
    def analyse(self, reports: Iterable[Report]) -> Iterator[Report]:
        """Analysed reports in input order; Ray starts on the first call and stops at the end.

        The batches are sent and collected in a thread of their own, up to AHEAD_BATCHES
        batches ahead of the caller: while the run writes a batch of results into the store (a
        second or more), the workers get new batches instead of running dry.
        """
        self.start()
        try:
            yield from _ahead(self._analyse(iter(reports)),
                              AHEAD_BATCHES * self.workers * self.batch_size)
        finally:
            self.stop()

    def _analyse(self, reports: Iterator[Report]) -> Iterator[Report]:
        # (batch, positions of the reports to analyse, the actor analysing them, future; the
        # last two None when there are none)
        queue: deque = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        turn = 0
        exhausted = False
        while queue or not exhausted:
            while not exhausted and len(queue) < limit:
                batch = list(islice(reports, self.batch_size))
                if not batch:
                    exhausted = True
                    break
                positions = [i for i, report in enumerate(batch) if not report.rejection]
                actor = future = None
                if positions:
                    actor = self.actors[turn % self.workers]
                    future = actor.analyse.remote([batch[i] for i in positions])
                    turn += 1
                queue.append((batch, positions, actor, future))
            if queue:
                yield from self._collect(*queue.popleft())

    def _collect(self, batch: list[Report], positions: list[int], actor,
                 future) -> list[Report]:
        """The batch in input order, its analysed reports put back in their places."""
        if future is None:
            return batch
        try:
            analysed = self.ray.get(future)
        except self.ray.exceptions.RayActorError:
            self.crashes += 1
            analysed = [self._alone(batch[i], actor) for i in positions]
        for i, report in zip(positions, analysed):
            batch[i] = report
        return batch

    def _alone(self, report: Report, actor) -> Report:
        """A document of a batch whose worker died, retried by itself once Ray has restarted
        the worker; if the worker dies on it again, it is the document: a rejection."""
        for _ in range(2):
            self._wait_restarted(actor)
            try:
                return self.ray.get(actor.analyse.remote([report]))[0]
            except self.ray.exceptions.RayActorError:
                self.crashes += 1
        report.rejection = Rejection(
            RejectCode.WORKER_CRASHED.value,
            "the analysing process died on this document, twice; the run went on",
            report.path, report.record, report.id)
        return report

    def _wait_restarted(self, actor) -> None:
        """Wait until the (restarted) actor answers. A task sent while Ray is still restarting
        a dead actor can fail at once with the old death, which would count against an
        innocent batch-mate (issue 15: the flaky crash test)."""
        deadline = time.monotonic() + RESTART_WAIT
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                self.ray.get(actor.pid.remote(), timeout=remaining)
                return
            except self.ray.exceptions.RayActorError:  # still the dead one: ask again soon
                time.sleep(0.2)
            except self.ray.exceptions.GetTimeoutError:
                break
        # the run cannot go on without its worker: it fails (exit 3); what it stored so far is
        # kept, and a re-run resumes from there
        raise SitrepError(f"a Ray worker did not come back within {RESTART_WAIT:.0f} s of "
                          "dying", "E272")
