"""The demo corpus (examples/): structure, ACLED sub-event type coverage, byte-exact fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.corpus import (LEGACY_EXAMPLE_TEXT, binary_example_bytes, broken_jsonl_example,
                           legacy_example_bytes, load_demo_reports, seed_example_line)
from sitrep.model import ACLED_TYPES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# The manifest lives outside examples/ so that `sitrep run examples/` reads only reports.
MANIFEST = (ROOT / "docs" / "demo-corpus.md").read_text(encoding="utf-8")
DATELINE = re.compile(r"^[A-ZÉ][A-ZÉ .'-]+, [^,]+(?:, [^,(]+)?, "   # "MOSUL, Iraq, "
                      r"[A-Z][a-z]+\.? \d{1,2}, \d{4} \([^)]+\) — ", re.MULTILINE)


def _coverage_rows() -> dict[str, str]:
    section = MANIFEST.split("## Coverage of ACLED's 25 sub-event types", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] in ACLED_TYPES:
            rows[cells[1]] = cells[2]
    return rows


def test_manifest_covers_every_acled_sub_event_type_with_a_report():
    rows = _coverage_rows()
    for event_type, sub_types in ACLED_TYPES.items():
        for sub_type in sub_types:
            assert sub_type in rows, f"{event_type} / {sub_type} has no report in docs/demo-corpus.md"
            assert "`" in rows[sub_type], f"{sub_type}: no file named"
    assert len(rows) == 25


def test_manifest_names_every_file_and_record():
    files = [p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*")
             if p.is_file()]
    for name in files:
        shown = name.removeprefix("reports/")
        assert f"`{shown}`" in MANIFEST, f"{name} is not in docs/demo-corpus.md"
    for line in (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        record_id = json.loads(line)["id"]
        assert f"`{record_id}`" in MANIFEST, f"wire.jsonl record {record_id} is not in docs/demo-corpus.md"


def test_at_least_forty_dated_reports_in_both_formats():
    texts = sorted((EXAMPLES / "reports").glob("*.txt"))
    records = [json.loads(line) for line in
               (EXAMPLES / "wire.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(texts) + len(records) >= 40
    assert len(texts) >= 10 and len(records) >= 5
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"^Published: \d{4}-\d{2}-\d{2}$", text, re.MULTILINE), path.name
        assert DATELINE.search(text), f"{path.name} has no dateline"
    ids = [record["id"] for record in records]
    assert len(set(ids)) == len(ids)
    for record in records:
        assert set(record) >= {"id", "text", "published", "title"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])
    assert len(load_demo_reports(EXAMPLES)) == len(texts) + len(records)


def test_syndicated_copies_share_their_lead_sentence():
    original = (EXAMPLES / "reports" / "iraq_mosul_ied.txt").read_text(encoding="utf-8")
    copy = (EXAMPLES / "reports" / "iraq_mosul_ied_syndicated.txt").read_text(encoding="utf-8")
    lead = "A roadside bomb struck an Iraqi army patrol west of Mosul on Sunday"
    assert lead in original and lead in copy
    assert original.splitlines()[0] != copy.splitlines()[0]  # re-headed
    assert len(copy) < len(original)                           # truncated


def test_repeated_paragraphs_forecast_denial_and_non_violence_are_present():
    zamfara = (EXAMPLES / "reports" / "nigeria_zamfara_abduction.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in zamfara.splitlines() if len(line) > 60]
    assert len(paragraphs) > len(set(paragraphs))
    assert "could attack" in (EXAMPLES / "reports" / "kenya_lamu_forecast.txt").read_text()
    denial = (EXAMPLES / "reports" / "drc_army_denial.txt").read_text(encoding="utf-8")
    assert "denied" in denial and "no one was hurt" in denial
    for name in ("pakistan_sindh_flood.txt", "kenya_mombasa_theft.txt",
                 "nigeria_minister_visit.txt"):
        assert (EXAMPLES / "reports" / name).is_file()


def test_seed_example_is_one_line_with_metadata():
    lines = (EXAMPLES / "seed.jsonl").read_text(encoding="utf-8").split("\n")
    assert lines[1:] == [""]
    record = json.loads(lines[0])
    assert record["id"] == "palmyra" and record["published"] == "2016-12-13"
    assert record["title"] == "IS show off spoils from Russian base in Palmyra"


def test_seed_example_text_is_the_seed_byte_for_byte(seed_path):
    with seed_path.open(encoding="utf-8", newline="") as source:
        seed_text = source.read()
    committed = (EXAMPLES / "seed.jsonl").read_bytes()
    assert json.loads(committed)["text"] == seed_text
    assert committed == seed_example_line(seed_text).encode("utf-8")


def test_empty_example_is_empty():
    assert (EXAMPLES / "bad" / "empty.txt").read_bytes() == b""


def test_binary_example_is_binary_and_as_generated():
    data = (EXAMPLES / "bad" / "binary.txt").read_bytes()
    assert data == binary_example_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and b"\x00" in data


def test_legacy_example_is_cp1252_not_utf8():
    data = (EXAMPLES / "bad" / "legacy_cp1252.txt").read_bytes()
    assert data == legacy_example_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("cp1252") == LEGACY_EXAMPLE_TEXT
    assert "Côte d’Ivoire" in LEGACY_EXAMPLE_TEXT and "“" in LEGACY_EXAMPLE_TEXT


def test_broken_jsonl_example_has_exactly_one_broken_line():
    text = (EXAMPLES / "bad" / "broken_lines.jsonl").read_text(encoding="utf-8")
    assert text == broken_jsonl_example()
    broken = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            assert json.loads(line)["text"]
        except json.JSONDecodeError:
            broken.append(number)
    assert broken == [3]


def test_bad_examples_are_rejected_or_decoded_by_ingestion():
    ingest = pytest.importorskip("sitrep.ingest", reason="ingestion (sitrep.ingest) not built yet")
    reports = list(ingest.read_inputs([str(EXAMPLES / "bad")]))
    outcome = {(Path(r.path).name, r.record): (r.rejection.code if r.rejection else "ok")
               for r in reports}
    assert outcome[("empty.txt", None)] == "empty"
    assert outcome[("binary.txt", None)] == "binary"
    assert outcome[("legacy_cp1252.txt", None)] == "ok"
    assert [outcome[("broken_lines.jsonl", n)] for n in (1, 2, 3, 4)] == [
        "ok", "ok", "malformed", "ok"]
    legacy = next(r for r in reports if r.path.endswith("legacy_cp1252.txt"))
    assert "Côte d’Ivoire" in legacy.raw
