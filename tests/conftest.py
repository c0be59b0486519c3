"""Shared test fixtures. Tests that need ../shared take it from `shared_dir` and skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"needs the dev data at {SHARED}/data (absent in a user's fresh clone)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(tmp_path_factory) -> Path:
    """The seed report as a file: ../shared/seed/palmyra.txt, or — in a clone without ../shared —
    the byte-exact copy the demo corpus carries (examples/seed.jsonl)."""
    shared = SHARED / "seed" / "palmyra.txt"
    if shared.is_file():
        return shared
    import json

    line = (ROOT / "examples" / "seed.jsonl").read_text(encoding="utf-8").split("\n")[0]
    path = tmp_path_factory.mktemp("seed") / "palmyra.txt"
    path.write_bytes(json.loads(line)["text"].encode("utf-8"))
    return path
