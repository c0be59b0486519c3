"""Reading inputs: files, directories, JSONL, stdin; every bad unit a rejection naming itself."""

from __future__ import annotations

import io
import json
import os
from datetime import date

import pytest

from sitrep.config import Limits
from sitrep.ingest import ReadOptions, read_inputs, read_stream


def codes(reports):
    return [r.rejection.code if r.rejection else "ok" for r in reports]


def test_text_file_id_is_its_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Gunmen attacked a market in Maiduguri on Monday.", encoding="utf-8")
    (report,) = read_inputs([str(path)])
    assert report.id == str(path) and report.path == str(path)
    assert report.raw.startswith("Gunmen") and report.rejection is None


def test_empty_and_whitespace_files_are_rejected(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n\t\r\n ")
    assert codes(read_inputs([str(tmp_path)])) == ["empty", "empty"]


def test_binary_file_with_text_extension_is_rejected(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (report,) = read_inputs([str(tmp_path / "image.txt")])
    assert report.rejection.code == "binary" and report.raw == ""
    assert report.rejection.path == str(tmp_path / "image.txt")


def test_no_letters_is_rejected(tmp_path):
    (tmp_path / "n.txt").write_text("12 34 -- 56 %%", encoding="utf-8")
    assert codes(read_inputs([str(tmp_path / "n.txt")])) == ["no_letters"]


def test_oversized_file_is_rejected_without_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    opened = []
    real_open = open

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy_open)
    options = ReadOptions(limits=Limits(max_bytes=1000))
    (report,) = read_inputs([str(big)], options)
    assert report.rejection.code == "too_large"
    assert str(big) not in opened


def test_oversized_stdin_reads_only_limit_plus_one():
    stream = io.BytesIO(b"word " * 1000)
    options = ReadOptions(limits=Limits(max_bytes=100))
    (report,) = read_stream(stream, options)
    assert report.rejection.code == "too_large"
    assert stream.tell() == 101


def test_cp1252_file_is_decoded(tmp_path):
    text = "The \u201cmilitants\u201d seized the caf\u00e9 in Beirut \u2014 officials said on Monday."
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (report,) = read_inputs([str(tmp_path / "legacy.txt")])
    assert report.raw == text


def test_latin1_file_is_decoded(tmp_path):
    text = "Protesters gathered in S\u00e3o Paulo and Bogot\u00e1 on Tuesday, police said."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    (report,) = read_inputs([str(tmp_path / "latin.txt")])
    assert report.raw == text


def test_utf16_with_bom_is_decoded(tmp_path):
    text = "Troops shelled the outskirts of Idlib on Sunday."
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    (report,) = read_inputs([str(tmp_path / "u16.txt")])
    assert report.raw == text


def test_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffRebels took the town.".encode("utf-8"))
    (report,) = read_inputs([str(tmp_path / "bom.txt")])
    assert report.raw == "Rebels took the town."


def test_jsonl_broken_line_among_good_ones(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(
        json.dumps({"id": "r1", "text": "Police arrested twelve protesters in Nairobi."}) + "\n"
        + '{"id": "r2", "text": "unterminated\n'
        + "\n"
        + json.dumps({"text": "Rebels shelled Aden.", "published": "2016-12-13",
                      "title": "Aden", "url": "http://x/a", "publisher": "Wire"}) + "\n"
        + json.dumps({"id": "r4"}) + "\n"
        + "[1, 2]\n", encoding="utf-8")
    reports = list(read_inputs([str(path)]))
    assert codes(reports) == ["ok", "malformed", "ok", "missing_field", "malformed"]
    assert [r.record for r in reports] == [1, 2, 4, 5, 6]
    assert reports[0].id == "r1"
    assert reports[1].id == f"{path}:2" and reports[1].rejection.line == 2
    assert reports[2].id == f"{path}:4"
    assert reports[2].published == date(2016, 12, 13)
    assert reports[2].published_source == "metadata"
    assert (reports[2].title, reports[2].url, reports[2].publisher) == ("Aden", "http://x/a", "Wire")
    assert reports[3].id == "r4" and reports[3].rejection.report_id == "r4"


def test_jsonl_text_with_u2028_stays_one_document(tmp_path):
    text = "First part\u2028second part\u2029third\x85fourth\rfifth."
    path = tmp_path / "u.jsonl"
    path.write_bytes((json.dumps({"id": "u", "text": text}, ensure_ascii=False) + "\n"
                      + json.dumps({"id": "v", "text": "Another report here."}) + "\n")
                     .encode("utf-8"))
    reports = list(read_inputs([str(path)]))
    assert [r.id for r in reports] == ["u", "v"]
    assert reports[0].raw == text


def test_jsonl_line_with_binary_bytes_costs_only_itself(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"id":"a","text":"Good one here."}\n\x00\x01\x02\x03\n'
                     b'{"id":"c","text":"Good too."}\n')
    assert codes(read_inputs([str(path)])) == ["ok", "binary", "ok"]


def test_published_option_fills_in_only_missing_dates(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Rebels took it.", "published": "2020-01-02"})
                    + "\n" + json.dumps({"id": "b", "text": "Rebels lost it."}) + "\n")
    options = ReadOptions(published=date(2016, 12, 13))
    first, second = read_inputs([str(path)], options)
    assert (first.published, first.published_source) == (date(2020, 1, 2), "metadata")
    assert (second.published, second.published_source) == (date(2016, 12, 13), "cli")


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zulu report text.")
    (tmp_path / "b" / "a.txt").write_text("Alpha report text.")
    (tmp_path / "c.txt").write_text("Charlie report text.")
    (tmp_path / ".hidden").write_text("skip me")
    ids = [r.id for r in read_inputs([str(tmp_path)])]
    assert ids == [os.path.join(str(tmp_path), "b", "a.txt"),
                   os.path.join(str(tmp_path), "b", "z.txt"),
                   os.path.join(str(tmp_path), "c.txt")]


def test_inputs_keep_their_order_and_missing_paths_are_rejected(tmp_path):
    (tmp_path / "x.txt").write_text("Text x here.")
    (tmp_path / "y.txt").write_text("Text y here.")
    reports = list(read_inputs([str(tmp_path / "y.txt"), str(tmp_path / "missing.txt"),
                                str(tmp_path / "x.txt")]))
    assert [r.raw for r in reports] == ["Text y here.", "", "Text x here."]
    assert reports[1].rejection.code == "unreadable"


def test_stdin_text_and_jsonl(monkeypatch):
    (report,) = read_stream(io.BytesIO(b"Militants attacked a convoy."), ReadOptions())
    assert report.id == "stdin" and report.raw == "Militants attacked a convoy."
    data = b'{"id":"s1","text":"One."}\n{"id":"s2","text":"Two."}\n'
    assert [r.id for r in read_stream(io.BytesIO(data), ReadOptions())] == ["s1", "s2"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"From stdin, a report.")))
    (report,) = read_inputs(["-"])
    assert report.raw == "From stdin, a report."


def test_unsupported_format(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 ...")
    assert codes(read_inputs([str(tmp_path / "doc.pdf")])) == ["unsupported_format"]


@pytest.mark.parametrize("value, expected", [
    ("2016-12-13", date(2016, 12, 13)), ("2016-12-13T08:00:00Z", date(2016, 12, 13)),
    ("Tue, 13 Dec 2016 08:00:00 GMT", date(2016, 12, 13)), ("December 2016", None),
    ("Monday", None), ("", None), (None, None), ("2016-13-45", None),
])
def test_parse_date(value, expected):
    from sitrep.ingest import parse_date

    assert parse_date(value) == expected


def test_non_western_legacy_encoding_is_not_read_as_cp1252(tmp_path):
    """A Russian cp1251 file must come out Cyrillic (and then be rejected by language), not as
    cp1252 mojibake that would pass for Latin text."""
    from sitrep.clean.language import DetectLanguage
    from sitrep.clean.stage import Clean

    text = ("Боевики захватили город Пальмира в воскресенье, сообщили источники. "
            "Правительственные войска отступили к авиабазе.")
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    (report,) = read_inputs([str(tmp_path / "ru.txt")])
    assert sum("\u0400" <= c <= "\u04ff" for c in report.raw) > 60
    report = DetectLanguage()(Clean()(report))
    assert report.rejection.code == "unsupported_language"


def test_undecodable_bytes(tmp_path):
    (tmp_path / "u.txt").write_bytes(bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff, 0xfe, 0x80]) * 40)
    (report,) = read_inputs([str(tmp_path / "u.txt")])
    assert report.rejection is not None
    assert report.rejection.code in ("undecodable", "binary")


def test_public_surface_is_pinned():
    import sitrep.clean
    import sitrep.ingest
    import sitrep.merge

    assert sorted(sitrep.ingest.__all__) == sorted([
        "ReadOptions", "read_inputs", "read_path", "read_stream", "read_bytes", "decode_bytes",
        "parse_date", "InputRejected"])
    assert sorted(sitrep.clean.__all__) == ["Cleaned", "Removal", "clean_text"]
    assert sitrep.merge.__all__ == ["NearDuplicateIndex"]
    for module in (sitrep.ingest, sitrep.clean, sitrep.merge):
        assert all(hasattr(module, name) for name in module.__all__)


def test_symlink_loop_is_read_once(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Troops retook the town.")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    assert [r.raw for r in read_inputs([str(tmp_path)])] == ["Troops retook the town."]


@pytest.mark.parametrize("value, expected", [
    # day and month both <= 12 and different: 2 March in Europe, 3 February in the US; a desk's
    # CSV export said "02.03.2024" and sitrep guessed February (found by QA)
    ("02/03/2024", None), ("02.03.2024", None), ("03-02-2024", None),
    ("13/02/2024", date(2024, 2, 13)), ("02/13/2024", date(2024, 2, 13)),
    ("05/05/2024", date(2024, 5, 5)), ("2024/02/03", date(2024, 2, 3)),
    # a CSV cell holding a Unix time is a string, read as the number it is
    ("1707818400", date(2024, 2, 13)), ("1707818400.5", date(2024, 2, 13)),
])
def test_parse_date_abstains_on_ambiguous_day_month(value, expected):
    from sitrep.ingest import parse_date

    assert parse_date(value) == expected


def test_a_file_without_any_document_is_one_empty_rejection(tmp_path):
    # an empty export (0-byte .jsonl, blank-line .jsonl, header-only .csv, empty .warc) left no
    # output line at all while an empty .txt or .csv was rejected as `empty` (found by QA)
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.jsonl").write_bytes(b"\n\n")
    (tmp_path / "c.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "d.warc").write_bytes(b"")
    (tmp_path / "e.jsonl").write_text('{"id": "x", "text": "Rebels shelled Aden."}\n',
                                      encoding="utf-8")
    reports = list(read_inputs([str(tmp_path)]))
    assert codes(reports) == ["empty"] * 4 + ["ok"]
    assert [r.rejection.path for r in reports[:4]] == [
        str(tmp_path / name) for name in ("a.jsonl", "b.jsonl", "c.csv", "d.warc")]
    assert "no documents" in reports[0].rejection.message
