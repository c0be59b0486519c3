"""Configuration: one typed object built from TOML, validated when the pipeline is built.

The shipped defaults live in ``sitrep/default.toml`` (commented). A user file is merged over them:
tables merge key by key, anything else replaces the default.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Limits:
    """Limits on what one document may be (bytes before reading; characters after decoding),
    and the budgets of one input file (``sitrep/default.toml`` says what each bounds)."""

    max_bytes: int = 5_000_000
    max_chars: int = 2_000_000
    min_letters: int = 1
    max_decompressed_bytes: int = 1_000_000_000
    max_records_per_file: int = 1_000_000
    max_rejections_in_a_row: int = 1_000
    max_html_elements: int = 50_000
    max_html_attributes: int = 1_000


@dataclass(frozen=True)
class Config:
    """The whole configuration: stage order, each stage's options and the input limits."""

    stages: tuple[str, ...]
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    source: str = "default"

    def options(self, stage: str) -> dict[str, Any]:
        return dict(self.stage_options.get(stage, {}))


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def default_toml() -> str:
    return resources.files("sitrep").joinpath("default.toml").read_text(encoding="utf-8")


def load_config(path: str | Path | None = None, overrides: dict | None = None) -> Config:
    """The default configuration, with a user TOML file and a dict of overrides merged over it."""
    data = tomllib.loads(default_toml())
    source = "default"
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}", "E101") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}", "E102") from None
        data = _merge(data, user)
        source = str(path)
    if overrides:
        data = _merge(data, overrides)
    return _build(data, source)


def _build(data: dict, source: str) -> Config:
    pipeline = data.get("pipeline", {})
    stages = pipeline.get("stages")
    if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
        raise ConfigError("[pipeline] stages must be a list of stage names", "E103")
    limits_data = data.get("limits", {})
    unknown = set(limits_data) - set(Limits.__dataclass_fields__)
    if unknown:
        raise ConfigError(f"unknown [limits] keys: {', '.join(sorted(unknown))}", "E104")
    try:
        limits = Limits(**{k: int(v) for k, v in limits_data.items()})
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"[limits] values must be integers: {exc}", "E105") from None
    options = data.get("stage", {})
    if not isinstance(options, dict):
        raise ConfigError("[stage.NAME] tables hold each stage's options", "E106")
    return Config(stages=tuple(stages), stage_options=options, limits=limits, source=source)
