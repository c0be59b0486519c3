"""The local engine: the pipeline in this process, or in a pool of ``workers`` processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Config
from ..model import Report
from ..pipeline import Pipeline

__all__ = ["LocalEngine"]


class LocalEngine:
    """Builds the pipeline when made (a bad config fails before any document is read)."""

    def __init__(self, config: Config | Pipeline, *, workers: int = 1) -> None:
        self.pipeline = config if isinstance(config, Pipeline) else Pipeline(config)
        self.workers = workers

    def analyse(self, reports: Iterable[Report]) -> Iterator[Report]:
        return self.pipeline.pipe(reports, n_process=self.workers)
