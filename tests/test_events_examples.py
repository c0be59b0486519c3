"""The demo corpus (examples/, documented in docs/demo-corpus.md) through the whole pipeline:
every report's documented sub-event type is its most confident asserted event (or, for reports
with several, among its asserted events); the forecast, the denial and the non-violent reports
assert no ACLED event."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.eval.events import available_pipeline, snippet_label
from sitrep.model import ACLED_TYPES, Report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SUB_EVENT_TYPES = sorted({s for types in ACLED_TYPES.values() for s in types}, key=len,
                         reverse=True)


def _documented() -> list[tuple[str, str]]:
    manifest = (EXAMPLES.parent / "docs" / "demo-corpus.md").read_text(encoding="utf-8")
    return [(name, label) for name, label in re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", manifest, re.M)
            if name != "seed.jsonl" and not name.startswith("bad")]


def _text(name: str) -> str | None:
    path = EXAMPLES / "reports" / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    for line in (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").split("\n"):
        if line.strip() and json.loads(line)["id"] == name:
            return json.loads(line)["text"]
    return None


@pytest.fixture(scope="module")
def pipeline():
    return available_pipeline()


@pytest.mark.parametrize("name, label", _documented())
def test_documented_event_type(pipeline, name, label):
    text = _text(name)
    if text is None:
        pytest.skip(f"{name} is not a text report or wire record")
    report = pipeline(Report(id=name, raw=text))
    asserted = {e.sub_event_type for e in report.events if e.modality == "asserted" and e.sub_event_type}
    if label.strip().startswith("none"):
        assert not asserted, asserted
        return
    expected = [s for s in SUB_EVENT_TYPES if s in label]
    assert expected, label
    assert snippet_label(report.events) in expected or expected[0] in asserted, (expected, asserted)
