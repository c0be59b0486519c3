"""The plover-json, cameo-tsv and parquet exports round-trip: read back with the JSON Schema,
pandas and pyarrow, over a store of hand-built events (one of each awkward kind)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sitrep import api
from sitrep.cli.main import main
from sitrep.model import Actor, Event, Place, Report, Span
from sitrep.store import Store
from sitrep.store.formats import CAMEO_COLUMNS, PLOVER_SCHEMA, quad_class, spreadsheet_safe

PALMYRA = Place(0, 7, "Palmyra", name="Tadmur", geonameid=163808, lat=34.56, lon=38.28,
                country="Syria", iso3="SYR", admin1="Homs", feature_code="PPL", geo_precision=1)
WEST = Place(0, 4, "Lima", name="Lima", geonameid=3936456, lat=-12.04, lon=-77.03,
             country="Peru", iso3="PER", admin1="Lima", feature_code="PPLC", geo_precision=1)
IS = Actor(0, 2, "IS", name="Islamic State", type="Rebel group", inter=2, cameo="IMGMUSISI",
           country="Syria")
ARMY = Actor(0, 4, "army", name="Military Forces of Syria", type="State forces", inter=1,
             cameo="SYRMIL", country="Syria")
ALLY = Actor(0, 4, "allies", name=None, type=None)
# an article can carry anything: a formula, tabs and line breaks must not break the TSV/CSV
HOSTILE = "=HYPERLINK(\"http://x\",\"click\")\tand\nmore"


def _events() -> list[Event]:
    return [
        Event("Battles", "Non-state actor overtakes territory", "ASSAULT", "seize", "19",
              actor1=IS, assoc_actor1=(ALLY,), actor2=ARMY, location=PALMYRA,
              event_date="2016-12-11", time_precision=1, fatalities=12,
              evidence=(Span(0, 20, "IS seized Palmyra"),), confidence=0.9),
        Event("Protests", "Peaceful protest", "PROTEST", None, "14", location=WEST,
              event_date="2016-12", time_precision=2, modality="asserted",
              evidence=(Span(0, 30, HOSTILE),), confidence=0.6),
        # no PLOVER type, no CAMEO root: no plover-json record, no cameo-tsv row
        Event("Strategic developments", "Other", None, event_date=None,
              evidence=(Span(0, 5, "-5 dB"),)),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("formats") / "formats.db"
    with Store(path) as store, store.transaction():
        report = Report(id="doc", raw="IS seized Palmyra. " + HOSTILE, url="https://example.org/a",
                        title="Palmyra")
        report_id = store.add_report(report)
        assert store.add_events(report_id, _events()) == 3
    return path


def _export(db, format: str, tmp_path, **filters) -> tuple[int, object]:
    out = tmp_path / f"out.{format}"
    count = api.export(db, format, out, modality="all", **filters)
    return count, out


def test_quad_class_follows_phoenix():
    assert [quad_class(code) for code in ("01", "04", "07", "11", "19", "20")] == [0, 1, 2, 3, 4, 4]
    assert quad_class(None) is None and quad_class("xx") is None and quad_class("21") is None


def test_spreadsheet_safe_neutralises_formulas_only_in_text():
    assert spreadsheet_safe("=SUM(A1)") == "'=SUM(A1)"
    assert [spreadsheet_safe(c) for c in ("+1", "-x", "@cmd", "\tx")] == [
        "'+1", "'-x", "'@cmd", "'\tx"]
    assert spreadsheet_safe(-3.5) == -3.5 and spreadsheet_safe("Palmyra") == "Palmyra"


def test_plover_json_validates_against_its_schema_and_keeps_the_fields(db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    count, out = _export(db, "plover-json", tmp_path)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == 2  # the event without a PLOVER type has no record
    schema = json.loads(PLOVER_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    records = [json.loads(line) for line in lines]
    for record in records:
        jsonschema.validate(record, schema)
    by_type = {record["event_type"]: record for record in records}
    assault = by_type["ASSAULT"]
    assert (assault["event_mode"], assault["cameo_root"], assault["quad_code"]) == ("seize", "19", 4)
    assert assault["actor"]["code"] == "IMGMUSISI" and assault["actor"]["text"] == "IS"
    assert assault["actor"]["associated"] == [{"name": None, "text": "allies", "code": None,
                                               "sector": None, "country": None}]
    assert assault["recipient"]["name"] == "Military Forces of Syria"
    assert assault["location"]["geonames_id"] == 163808 and assault["dead"] == 12
    assert assault["sources"][0]["url"] == "https://example.org/a"
    assert by_type["PROTEST"]["event_text"] == [HOSTILE]  # JSON keeps the text as it is


def test_plover_json_schema_rejects_a_broken_record(db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    _, out = _export(db, "plover-json", tmp_path)
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    schema = json.loads(PLOVER_SCHEMA.read_text(encoding="utf-8"))
    for broken in ({**record, "event_type": "FIGHTING"}, {**record, "quad_code": 9},
                   {k: v for k, v in record.items() if k != "event_date"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_cameo_tsv_reads_back_with_pandas_one_row_per_coded_event(db, tmp_path):
    pandas = pytest.importorskip("pandas")
    count, out = _export(db, "cameo-tsv", tmp_path)
    frame = pandas.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == CAMEO_COLUMNS
    assert count == len(frame) == 2
    rows = {row["EventRootCode"]: row for row in frame.to_dict("records")}
    assert rows["19"]["Date"] == "20161211" and rows["19"]["QuadClass"] == "4"
    assert rows["19"]["SourceActorFull"] == "IMGMUSISI" and rows["19"]["TargetActorFull"] == "SYRMIL"
    assert rows["19"]["URLs"] == "https://example.org/a"
    # a month-precision date keeps its precision: no invented day
    assert (rows["14"]["Year"], rows["14"]["Month"], rows["14"]["Day"]) == ("2016", "12", "")
    # the formula is neutralised and flattened onto one line; a negative longitude stays a number
    assert rows["14"]["Sentence"] == "'=HYPERLINK(\"http://x\",\"click\") and more"
    assert float(rows["14"]["Lon"]) == -77.03
    # every line has exactly the header's number of cells
    with open(out, encoding="utf-8", newline="") as handle:
        assert {len(row) for row in csv.reader(handle, delimiter="\t")} == {len(CAMEO_COLUMNS)}


def test_parquet_round_trips_with_typed_columns_and_nested_actors(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    count, out = _export(db, "parquet", tmp_path)
    table = pq.read_table(out)
    assert count == table.num_rows == 3  # parquet holds every event, coded or not
    schema = table.schema
    assert schema.field("fatalities").type == pa.int32()
    assert schema.field("latitude").type == pa.float64()
    assert pa.types.is_struct(schema.field("actor1").type)
    assert pa.types.is_list(schema.field("evidence").type)
    rows = {row["plover_type"]: row for row in table.to_pylist()}
    assault = rows["ASSAULT"]
    assert assault["actor1"]["cameo"] == "IMGMUSISI" and assault["actor1"]["inter"] == 2
    assert assault["assoc_actor1"][0]["text"] == "allies"
    assert assault["location"]["geonameid"] == 163808 and assault["fatalities"] == 12
    assert assault["sources"][0]["url"] == "https://example.org/a"
    assert rows[None]["event_date"] is None and rows[None]["location"] is None
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(out)
    assert len(frame) == 3 and frame["fatalities"].dropna().tolist() == [12]


def test_parquet_of_no_events_still_has_the_schema(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    count, out = _export(db, "parquet", tmp_path, country="Kenya")
    table = pq.read_table(out)
    assert count == table.num_rows == 0 and "actor1" in table.schema.names


def test_filters_apply_to_the_new_formats(db, tmp_path):
    count, out = _export(db, "plover-json", tmp_path, country="Peru")
    assert count == 1 and json.loads(out.read_text())["event_type"] == "PROTEST"


def test_cli_parquet_needs_a_file(db, capsys):
    assert main(["export", "--format", "parquet", "--db", str(db)]) == 2
    assert "E231" in capsys.readouterr().err


def test_cli_writes_each_new_format(db, tmp_path, capsys):
    for format in ("plover-json", "cameo-tsv", "parquet"):
        out = tmp_path / f"cli.{format}"
        assert main(["export", "--format", format, "--db", str(db), "--modality", "all",
                     "--out", str(out)]) == 0
        assert out.stat().st_size > 0
    assert "written to" in capsys.readouterr().err


def test_text_formats_write_to_an_open_text_file(db):
    buffer = io.StringIO()
    assert api.export(db, "cameo-tsv", buffer, modality="all") == 2
    assert buffer.getvalue().startswith("EventID\t")


def test_every_example_event_exports_to_valid_plover_json_and_cameo_tsv(tmp_path):
    """The real pipeline's output over examples/ (not only hand-built events) fits the schema."""
    jsonschema = pytest.importorskip("jsonschema")
    from pathlib import Path

    from sitrep.errors import ResourceError
    from sitrep.pipeline import Pipeline

    examples = Path(__file__).resolve().parent.parent / "examples"
    try:
        Pipeline()
    except (ResourceError, ModuleNotFoundError) as exc:
        pytest.skip(f"the default pipeline does not build here: {exc}")
    db = tmp_path / "examples.db"
    api.run([examples], db)
    count, out = _export(db, "plover-json", tmp_path)
    schema = json.loads(PLOVER_SCHEMA.read_text(encoding="utf-8"))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) > 50
    for line in lines:
        jsonschema.validate(json.loads(line), schema)
    count, out = _export(db, "cameo-tsv", tmp_path)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert len(rows) == count + 1 and {len(row) for row in rows} == {len(CAMEO_COLUMNS)}
