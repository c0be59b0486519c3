"""The JSONL document contract of `sitrep extract` (README, "Document contract"), end to end."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stdout

import pytest

from sitrep.cli.main import main
from sitrep.model import (ACLED_TYPES, CONTRACT_ACTOR, CONTRACT_EVENT, CONTRACT_PLACE,
                          CONTRACT_TIME, MODALITIES, PLOVER_TYPES)

SUB_TO_TYPE = {sub: kind for kind, subs in ACLED_TYPES.items() for sub in subs}

DOCS = [
    {"id": "clash", "published": "2024-03-04",
     "text": "MOSUL, Iraq — Islamic State fighters attacked an Iraqi army checkpoint near Mosul "
             "on Sunday, killing three soldiers, officials said.\nThe army said it repelled "
             "the attack."},
    {"id": "protest", "published": "2023-05-02", "title": "Protest",
     "text": "Hundreds of teachers protested peacefully outside parliament in Nairobi on "
             "Monday to demand unpaid wages. Police did not intervene."},
    {"id": "forecast", "published": "2023-05-02",
     "text": "Officials warned that rebels could attack the town of Goma next week."},
    {"id": "unicode", "published": "2023-05-02",
     "text": "Gunmen\u2028killed two villagers in Zamfara State, Nigeria, on Tuesday \u2014 "
             "residents said. \u201cThey came at night,\u201d one said."},
    {"id": "empty", "text": ""},
    {"id": "no-text"},
]


def _extract(argv: list[str], stdin: str | None = None) -> tuple[int, list[dict], str]:
    out = io.StringIO()
    old_stdin = sys.stdin
    try:
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        with redirect_stdout(out):
            code = main(["extract", *argv])
    finally:
        sys.stdin = old_stdin
    lines = out.getvalue().split("\n")
    assert lines[-1] == "", "output ends with a newline"
    return code, [json.loads(line) for line in lines[:-1]], out.getvalue()


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> tuple[int, list[dict], str]:
    path = tmp_path_factory.mktemp("contract") / "docs.jsonl"
    path.write_text("\n".join(json.dumps(doc) for doc in DOCS) + "\n", encoding="utf-8")
    return _extract([str(path)])


def _texts() -> dict[str, str]:
    return {doc["id"]: doc.get("text", "") for doc in DOCS}


def test_one_record_per_document_in_input_order(records):
    code, output, _ = records
    assert [r["id"] for r in output] == [d["id"] for d in DOCS]
    assert code == 1  # some documents were rejected


def test_bad_documents_are_rejected_with_a_code(records):
    _, output, _ = records
    by_id = {r["id"]: r for r in output}
    assert by_id["empty"]["status"] == "rejected" and by_id["empty"]["error"]["code"] == "empty"
    assert by_id["no-text"]["status"] == "rejected"
    assert by_id["no-text"]["error"]["code"] in ("missing_field", "malformed")
    for record in output:
        if record["status"] == "rejected":
            assert record["error"]["message"]
            assert record["events"] == [] and record["actors"] == []
        else:
            assert record["error"] is None


def test_field_sets_and_enumerations(records):
    _, output, _ = records
    for record in output:
        assert set(record) == {"id", "status", "error", "events", "actors", "places", "times"}
        for actor in record["actors"]:
            assert tuple(actor) == CONTRACT_ACTOR
            assert actor["inter"] is None or 1 <= actor["inter"] <= 8
        for place in record["places"]:
            assert tuple(place) == CONTRACT_PLACE
            assert place["geo_precision"] in (None, 1, 2, 3)
        for time in record["times"]:
            assert tuple(time) == CONTRACT_TIME
            assert time["type"] in ("DATE", "TIME", "DURATION", "SET")
        for event in record["events"]:
            assert tuple(event) == CONTRACT_EVENT
            assert event["modality"] in MODALITIES
            assert event["plover_type"] is None or event["plover_type"] in PLOVER_TYPES
            if event["sub_event_type"] is not None:
                assert SUB_TO_TYPE[event["sub_event_type"]] == event["event_type"]
            assert event["cameo_root"] is None or (
                len(event["cameo_root"]) == 2 and event["cameo_root"].isdigit())
            assert event["time_precision"] in (None, 1, 2, 3)
            assert 0.0 <= event["confidence"] <= 1.0
            assert event["fatalities"] is None or event["fatalities"] >= 0
            assert event["evidence"], "no event without evidence"
            for key in ("actor1", "actor2"):
                assert event[key] is None or tuple(event[key]) == CONTRACT_ACTOR
            for key in ("assoc_actor1", "assoc_actor2"):
                assert all(tuple(a) == CONTRACT_ACTOR for a in event[key])
            assert event["location"] is None or tuple(event["location"]) == CONTRACT_PLACE


def _spans(record: dict):
    yield from record["actors"]
    yield from record["places"]
    yield from record["times"]
    for event in record["events"]:
        yield from event["evidence"]
        for key in ("actor1", "actor2", "location"):
            if event[key]:
                yield event[key]
        yield from event["assoc_actor1"]
        yield from event["assoc_actor2"]


def test_every_offset_slices_back_to_its_text(records):
    _, output, _ = records
    texts = _texts()
    for record in output:
        text = texts[record["id"]]
        for span in _spans(record):
            assert text[span["start"]:span["end"]] == span["text"], (record["id"], span)


def test_the_clash_is_coded_as_violence(records):
    _, output, _ = records
    clash = next(r for r in output if r["id"] == "clash")
    types = {e["event_type"] for e in clash["events"] if e["modality"] == "asserted"}
    assert types & {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def test_the_forecast_is_not_asserted(records):
    _, output, _ = records
    forecast = next(r for r in output if r["id"] == "forecast")
    attacks = [e for e in forecast["events"] if e["event_type"]]
    assert attacks, "the forecast attack is still reported, with its modality"
    assert all(e["modality"] in ("hypothetical", "future") for e in attacks)


def test_stdin_text_and_exit_status_zero():
    code, output, _ = _extract(["-", "--published", "2024-01-02"],
                            stdin="Soldiers clashed with rebels near Goma on Monday.\n")
    assert code == 0 and len(output) == 1 and output[0]["status"] == "ok"


def test_output_lines_survive_splitlines(records):
    # U+2028 inside a text is escaped in the output, so any line reader sees one record a line
    _, output, raw_output = records
    assert "\u2028" not in raw_output
    assert len(raw_output.splitlines()) == len(DOCS)
    unicode = next(r for r in output if r["id"] == "unicode")
    assert any("\u2028" in span["text"] for span in _spans(unicode))


def test_usage_errors_exit_2():
    for argv in (["extract", "--published", "13/12/2016", "-"], ["extract", "--format", "xml"],
                 ["nonsense-verb"]):
        completed = subprocess.run([sys.executable, "-m", "sitrep", *argv], input="",
                                   capture_output=True, text=True)
        assert completed.returncode == 2, (argv, completed.stderr)
        assert "error" in completed.stderr


def test_strict_fails_on_first_rejection(tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("Rebels attacked a police post in Kidal on Monday.")
    code, output, _ = _extract([str(tmp_path), "--strict"])
    assert code == 1 and output[0]["status"] == "rejected"


def test_readme_documents_exactly_the_contract_fields():
    # the README's contract block is what outside tools read: it must not drift from the code
    from pathlib import Path
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Document contract", 1)[1].split("```", 2)[1]

    def fields(key: str) -> tuple[str, ...]:
        body = re.search(rf'"{key}":\s*\[\s*\{{([^}}]*)\}}', block).group(1)
        return tuple(re.findall(r'"(\w+)"', body))

    assert fields("events") == CONTRACT_EVENT
    assert fields("actors") == CONTRACT_ACTOR
    assert fields("places") == CONTRACT_PLACE
    assert fields("times") == CONTRACT_TIME
    from sitrep.errors import RejectCode

    for code in RejectCode:
        assert f"`{code.value}`" in readme, f"README does not document rejection {code.value}"


def test_with_text_gives_what_the_offsets_index_for_html(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Clash</title></head><body><nav>Home | World</nav><article>"
        "<p>Rebels attacked an army post near Goma on Monday, killing two soldiers, the army "
        "said.</p><p>The army said it repelled the attack after an hour of fighting.</p>"
        "</article></body></html>", encoding="utf-8")
    code, [record], _ = _extract([str(page), "--published", "2024-01-02", "--with-text"])
    assert code == 0 and set(record) == {"id", "status", "error", "events", "actors", "places",
                                         "times", "text"}
    assert "<p>" not in record["text"] and "Rebels attacked" in record["text"]
    for span in _spans(record):
        assert record["text"][span["start"]:span["end"]] == span["text"]
