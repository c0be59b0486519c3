"""Engines: what runs the per-document pipeline over a stream of reports, in input order.

``local`` analyses on this machine (one process, or a pool of ``workers`` processes); ``ray``
on a Ray cluster, or in Ray's local mode when no address is given (``ray_engine.py``). Both
take reports as an iterable and hand back analysed (or rejected) reports in the same order,
so that ``sitrep run`` writes the same store whichever engine analysed: a test holds them to
identical event sets. The store is written by one writer, the run, never by the engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..config import Config
from ..errors import UsageError
from ..model import Report

__all__ = ["Engine", "ENGINES", "make_engine"]

ENGINES = ("local", "ray")


class Engine(Protocol):
    def analyse(self, reports: Iterable[Report]) -> Iterator[Report]: ...


def make_engine(name: str, config: Config, *, workers: int = 1,
                address: str | None = None) -> Engine:
    """The engine called ``name`` (one of :data:`ENGINES`) for ``config``'s pipeline."""
    if name == "local":
        if address:
            raise UsageError("--address is for --engine ray", "E270")
        from .local import LocalEngine

        return LocalEngine(config, workers=workers)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(config, workers=workers, address=address)
    raise UsageError(f"unknown engine {name!r}; one of: {', '.join(ENGINES)}", "E270")
