"""The per-document pipeline: an ordered list of registered stages built from a Config.

A stage is any callable ``stage(report) -> report`` built by a registered factory from its options
(``[stage.NAME]`` in the TOML config). Stages are built — and their configuration validated — when
the pipeline is built, not on the 40,000th document. Built-in stages are listed in
``sitrep/stages.py``; another package can add its own with :func:`register_stage`.

Failures: a stage that raises on a document is recorded (stage name, exception) on the report,
which is then rejected with code ``stage_error``; the batch goes on. ``on_error="raise"`` re-raises
instead (tests, debugging). A missing module is not the document's fault: it would reject every
document of the run, so it stops the run with a :class:`ResourceError` saying how to install it.
"""

from __future__ import annotations

import gc
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from .config import Config, load_config
from .errors import ConfigError, RejectCode, ResourceError
from .model import Rejection, Report, StageError

__all__ = ["Stage", "Pipeline", "register_stage", "registered_stages", "freeze_built_objects"]


class Stage(Protocol):
    name: str

    def __call__(self, report: Report) -> Report: ...


_FACTORIES: dict[str, Callable[..., Stage]] = {}


def register_stage(name: str) -> Callable:
    """Register a stage factory (a class or function taking the stage's options as keywords)."""

    def decorate(factory: Callable[..., Stage]) -> Callable[..., Stage]:
        if name in _FACTORIES and _FACTORIES[name] is not factory:
            raise ConfigError(f"stage {name!r} is registered twice", "E110")
        _FACTORIES[name] = factory
        return factory

    return decorate


def registered_stages() -> dict[str, str | Callable[..., Stage]]:
    """Every stage name: built-ins as "module:factory" paths (imported when used), then plugins."""
    from .stages import BUILTIN_STAGES

    return {**BUILTIN_STAGES, **_FACTORIES}


def _load_factory(name: str) -> Callable[..., Stage]:
    factories = registered_stages()
    if name not in factories:
        known = ", ".join(sorted(factories))
        raise ConfigError(f"unknown stage {name!r}; registered stages: {known}", "E111")
    factory = factories[name]
    if isinstance(factory, str):
        module_name, _, attribute = factory.partition(":")
        factory = getattr(importlib.import_module(module_name), attribute)
    return factory


def build_stage(name: str, options: dict[str, Any]) -> Stage:
    factory = _load_factory(name)
    accepted = inspect.signature(factory).parameters
    if not any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        unknown = set(options) - set(accepted)
        if unknown:
            raise ConfigError(
                f"stage {name!r} has no option(s) {', '.join(sorted(unknown))}; "
                f"it takes: {', '.join(accepted) or 'none'}", "E112")
    stage = factory(**options)
    stage.name = name
    return stage


class Pipeline:
    """Runs each report through the configured stages, in order."""

    def __init__(self, config: Config | None = None, *, on_error: str = "record") -> None:
        if on_error not in ("record", "raise"):
            raise ConfigError("on_error must be 'record' or 'raise'", "E113")
        self.config = config or load_config()
        self.on_error = on_error
        self.stages: list[Stage] = [
            build_stage(name, self.config.options(name)) for name in self.config.stages
        ]
        # a stage whose work depends on what the later ones read (segment: which sentences
        # need a dependency parse) is told which stages follow it
        for position, stage in enumerate(self.stages):
            link = getattr(stage, "link", None)
            if link is not None:
                link(self.stages[position + 1:])

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def get_stage(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)

    def __call__(self, report: Report) -> Report:
        if report.rejection:
            return report
        for stage in self.stages:
            try:
                report = stage(report)
            except ImportError as exc:  # an install fault, same for every document: stop
                raise ResourceError(
                    f"stage {stage.name!r} needs {exc.name or exc}, which is not installed here "
                    "(run `make setup`, or `pip install -e .` in the environment you use)") from exc
            except Exception as exc:  # the batch error handler: record, reject, go on
                if self.on_error == "raise":
                    raise
                report.errors.append(StageError(stage.name, type(exc).__name__, str(exc)))
                report.rejection = Rejection(
                    RejectCode.STAGE_ERROR.value,
                    f"stage {stage.name!r} failed: {type(exc).__name__}: {exc}",
                    report.path, report.record, report.id)
                return report
            if report.rejection:
                return report
        return report

    def pipe(self, reports: Iterable[Report], n_process: int = 1, chunksize: int = 16,
             finish: Callable[[Report], Any] | None = None) -> Iterator[Any]:
        """Analyse many reports, in input order; ``n_process > 1`` uses a process pool.

        ``finish`` (a picklable function of an analysed report) is applied where the report was
        analysed, and its result is yielded instead of the report: with a pool, what the caller
        keeps is what crosses back from the worker (``sitrep extract`` keeps the lines it prints;
        a news article's whole report, ~1,300 tokens, costs ~5 ms of CPU to send and receive)."""
        if n_process <= 1:
            for report in reports:
                report = self(report)
                yield finish(report) if finish else report
            return
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        with context.Pool(n_process, initializer=_init_worker,
                          initargs=(self, finish)) as pool:
            yield from pool.imap(_run_worker, reports, chunksize=chunksize)


def freeze_built_objects() -> None:
    """Exempt what the process holds now from the cyclic garbage collector for the rest of its
    life (``gc.freeze``), after collecting what is already garbage. For a process that runs one
    pipeline over many reports (``sitrep extract``, a pool worker), called once it is built:
    the stages' models and tables live as long as the process, and every full collection
    scanned them again. Through the extract path over 340 HRDsAttack articles, collections
    took 5.9 % of the CPU time, 2.2 % with this (timed by ``gc.callbacks``); the collection
    before costs 0.08 s.

    Young objects are then collected every ``_YOUNG_OBJECTS`` allocations instead of 700: an
    article makes tens of thousands (tokens, spans, matches), nearly all freed by reference
    counting before any collection could find them garbage; at 700 those that were alive were
    scanned and promoted again and again. Over 80 HRDsAttack articles collections took 3.2 %
    of the CPU time (335 young, 31 middle, 3 full), 0.8 % at 50,000 (2 young)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(_YOUNG_OBJECTS, *gc.get_threshold()[1:])


# see freeze_built_objects: at most this many young objects (those in a reference cycle, the
# only ones reference counting leaves) wait for a collection, a few MB
_YOUNG_OBJECTS = 50_000


_WORKER_PIPELINE: Pipeline | None = None
_WORKER_FINISH: Callable[[Report], Any] | None = None


def _init_worker(pipeline: Pipeline, finish: Callable[[Report], Any] | None = None) -> None:
    global _WORKER_PIPELINE, _WORKER_FINISH
    _WORKER_PIPELINE, _WORKER_FINISH = pipeline, finish
    freeze_built_objects()


def _run_worker(report: Report) -> Any:
    assert _WORKER_PIPELINE is not None
    report = _WORKER_PIPELINE(report)
    return _WORKER_FINISH(report) if _WORKER_FINISH else report
