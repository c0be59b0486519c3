"""The Ray engine (Ray's local mode): the same store as the local engine on the demo corpus,
and a document that kills its worker becomes a rejection while the run goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("ray")

from test_store_fakes import FAKE_STAGE, SEIZED  # noqa: E402

from sitrep import api  # noqa: E402
from sitrep.config import load_config  # noqa: E402
from sitrep.model import Report  # noqa: E402
from sitrep.pipeline import register_stage  # noqa: E402
from sitrep.store import Store  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CRASH_STAGE = "test_engine_crash"
POISON = "This sentence kills the process that reads it."


@register_stage(CRASH_STAGE)
class KillOnPoison:
    """Dies, as a crash in native code would, on a document carrying POISON (in a Ray worker,
    which imports this module because the config names the stage)."""

    def __call__(self, report):
        if POISON in report.raw:
            os._exit(3)
        return report


def _everything(db: str) -> tuple:
    with Store(db) as store:
        execute = store.backend.execute
        return tuple(sorted(tuple(row) for row in execute(sql)) for sql in (
            # the analysis as the workers packed it (sitrep/store/packing.py), byte for byte
            "SELECT id, group_id, status, analysis FROM reports",
            "SELECT id, group_id, report_id, data FROM events",
            "SELECT event_id, report_id FROM event_sources",
            "SELECT id, path, line, code, message FROM rejections"))


@pytest.mark.slow
def test_ray_engine_stores_what_the_local_engine_stores(tmp_path):
    local, distributed = str(tmp_path / "local.db"), str(tmp_path / "ray.db")
    first = api.run([str(EXAMPLES)], db=local)
    second = api.run([str(EXAMPLES)], db=distributed, engine="ray", workers=2)
    assert first.to_dict() == second.to_dict()
    assert first.events > 100  # the demo corpus, analysed by the real pipeline
    assert _everything(local) == _everything(distributed)  # event data byte for byte


@pytest.mark.slow
def test_a_document_that_kills_its_worker_is_rejected_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    towns = ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Thika"]
    for number, town in enumerate(towns):  # different enough not to be grouped as copies
        text = (f"{' '.join([town] * 12)}: {number * 100 + 7} nurses marched there on day "
                f"{number} of the strike over {town.lower()} pay.\n")
        (corpus / f"{number}-marched.txt").write_text(text, "utf-8")
    (corpus / "3-poison.txt").write_text(f"{SEIZED}{POISON}\n", "utf-8")
    config = load_config(overrides={"pipeline": {"stages": [CRASH_STAGE, FAKE_STAGE]}})
    db = str(tmp_path / "crash.db")
    summary = api.run([str(corpus)], db=db, config=config, engine="ray", workers=1)
    # only the poison document: its batch-mates are retried once Ray has restarted the worker
    assert dict(summary.rejected) == {"worker_crashed": 1}
    assert (summary.analysed, summary.events) == (7, 6)  # the batch-mates were analysed
    (rejection,) = api.rejections(db)
    assert rejection.path.endswith("3-poison.txt") and "died" in rejection.message


class _Method:
    def __init__(self, function) -> None:
        self.remote = function


class _FakeActor:
    """Stands in for a Ray actor (the engine's seam): "analyses" at once, records what it got."""

    def __init__(self, seen: list) -> None:
        self.analyse = _Method(lambda reports: seen.extend(reports) or
                               [Report(id=r.id, raw=r.raw.upper()) for r in reports])


class _FakeRay:
    class exceptions:
        class RayActorError(Exception):
            pass

        class GetTimeoutError(Exception):
            pass

    @staticmethod
    def get(future, **options):
        if isinstance(future, Exception):
            raise future
        return future


class _RestartingActor:
    """A worker that died: its first ``dead`` calls fail as Ray fails them while it restarts."""

    def __init__(self, dead: int) -> None:
        self.calls = []

        def answer(kind, value):
            self.calls.append(kind)
            return _FakeRay.exceptions.RayActorError() if len(self.calls) <= dead else value

        self.pid = _Method(lambda: answer("pid", 42))
        self.analyse = _Method(lambda reports: answer(
            "analyse", [Report(id=r.id, raw=r.raw.upper()) for r in reports]))


def test_a_batch_mate_is_retried_only_once_the_restarted_worker_answers(monkeypatch):
    from sitrep.engine import ray_engine

    monkeypatch.setattr(ray_engine.time, "sleep", lambda seconds: None)
    engine = ray_engine.RayEngine(load_config(), workers=1)
    engine.ray = _FakeRay
    actor = _RestartingActor(dead=3)
    report = engine._alone(Report(id="mate", raw="innocent"), actor)
    assert report.raw == "INNOCENT" and report.rejection is None
    assert actor.calls == ["pid", "pid", "pid", "pid", "analyse"] and engine.crashes == 0


def test_input_is_read_only_as_fast_as_batches_leave_and_order_is_kept():
    from sitrep.engine import ray_engine
    from sitrep.model import Rejection

    engine = ray_engine.RayEngine(load_config(), workers=2)
    seen: list = []
    engine.ray, engine.actors = _FakeRay, [_FakeActor(seen), _FakeActor(seen)]
    pulled = 0

    def reports():
        nonlocal pulled
        for number in range(1000):
            pulled += 1
            report = Report(id=str(number), raw=f"text {number}")
            if number % 10 == 0:  # already rejected (or a copy): must not travel
                report.rejection = Rejection("empty", "no text")
            yield report

    bound = (2 * ray_engine.IN_FLIGHT_PER_WORKER + 1) * ray_engine.BATCH_SIZE
    out = []
    for report in engine._analyse(reports()):
        assert pulled - len(out) <= bound  # never more than the in-flight batches ahead
        out.append(report)
    assert [r.id for r in out] == [str(n) for n in range(1000)]
    assert all(r.raw.isupper() != bool(r.rejection) for r in out)
    assert len(seen) == 900


def test_ahead_keeps_order_holds_at_most_its_size_and_raises_the_threads_error():
    from sitrep.engine.ray_engine import _ahead

    pulled = 0

    def items(fail_at=None):
        nonlocal pulled
        for number in range(200):
            if number == fail_at:
                raise RuntimeError("the input failed")
            pulled += 1
            yield number

    out = []
    for number in _ahead(items(), 8):
        assert pulled - len(out) <= 8 + 2  # the queue, the item in hand and the one being put
        out.append(number)
    assert out == list(range(200))
    with pytest.raises(RuntimeError, match="the input failed"):
        list(_ahead(items(fail_at=50), 8))
    early = _ahead(items(), 8)  # a consumer that stops early stops the thread
    assert next(early) == 0
    early.close()


def test_an_analyser_keeps_its_built_pipeline_out_of_collections():
    """A Ray actor runs one pipeline for its process's life, as a pool worker does: what the
    built pipeline holds is frozen out of the garbage collector's scans."""
    import gc

    from sitrep.engine.ray_engine import _Analyser

    gc.unfreeze()
    try:
        analyser = _Analyser(load_config(overrides={"pipeline": {"stages": ["clean"]}}), ())
        assert gc.get_freeze_count() > 0
        (report,) = analyser.analyse([Report(id="a", raw="Gunmen attacked a market.")])
        assert report is not None
    finally:
        gc.unfreeze()
