"""Record files: ``.json`` (one document, an array of them, or an object holding the array) and
``.csv``/``.tsv`` with a header row.

Field names come from :class:`ReadOptions` (``--text-column``, ``--id-column``,
``--date-column``) or default to the usual ones ("text"/"content"/"body", "id",
"published"/"date"). A record without text, or a CSV row with more or fewer fields than the
header (a ragged row), is a rejection naming its record or line; the others are still read.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from collections.abc import Iterator

from ..errors import RejectCode
from ..model import Report
from .decode import InputRejected, decode_bytes
from .documents import ReadOptions, rejected_report
from .jsonl import report_from_record

__all__ = ["read_json", "read_csv", "read_tsv"]

# Keys under which JSON exports commonly hold their list of documents.
_LIST_KEYS = ("documents", "articles", "items", "reports", "data", "results", "records")
_TEXT_COLUMNS = ("text", "content", "body", "article", "story")


def read_json(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """A JSON document or list of documents; list elements are numbered from 1 (``record``)."""
    try:
        text, _ = decode_bytes(data)
        value = json.loads(text)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    except ValueError as exc:
        yield rejected_report(InputRejected(RejectCode.MALFORMED, f"not valid JSON: {exc}"),
                              path, getattr(exc, "lineno", None))
        return
    if isinstance(value, dict):
        held = next((value[key] for key in _LIST_KEYS if isinstance(value.get(key), list)), None)
        if held is None:
            yield report_from_record(value, path, None, options)
            return
        value = held
    if not isinstance(value, list):
        yield rejected_report(InputRejected(
            RejectCode.MALFORMED, f"a JSON {type(value).__name__}, not a document or a list of "
                                  "documents"), path, None)
        return
    for number, record in enumerate(value, start=1):
        yield report_from_record(record, path, number, options, unit="record")


def read_csv(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    yield from _read_delimited(data, path, options, ",")


def read_tsv(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    yield from _read_delimited(data, path, options, "\t")


def _read_delimited(data: bytes, path: str, options: ReadOptions,
                    delimiter: str) -> Iterator[Report]:
    try:
        text, _ = decode_bytes(data)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    csv.field_size_limit(max(options.limits.max_chars, 131072))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield rejected_report(InputRejected(RejectCode.MALFORMED, f"header: {exc}"), path, 1)
        return
    if not header:
        yield rejected_report(InputRejected(RejectCode.EMPTY, "no header row"), path, None)
        return
    header = [name.strip() for name in header]
    text_column = options.text_column or next((c for c in _TEXT_COLUMNS if c in header), None)
    if text_column not in header:
        wanted = text_column or " / ".join(_TEXT_COLUMNS)
        yield rejected_report(InputRejected(
            RejectCode.MISSING_FIELD, f"no text column ({wanted}) in header: "
                                      f"{', '.join(header)} (use --text-column)"), path, 1)
        return
    mapped = replace(options, text_column=text_column)
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield rejected_report(InputRejected(RejectCode.MALFORMED, f"line {line}: {exc}"),
                                  path, line)
            line = reader.line_num + 1
            continue
        if not any(field.strip() for field in row):
            line = reader.line_num + 1
            continue
        if len(row) != len(header):
            yield rejected_report(InputRejected(
                RejectCode.MALFORMED, f"line {line}: {len(row)} fields where the header has "
                                      f"{len(header)} (a ragged row)"), path, line)
        else:
            yield report_from_record(dict(zip(header, row)), path, line, mapped)
        line = reader.line_num + 1
