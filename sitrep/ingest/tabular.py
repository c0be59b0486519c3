"""Record files: ``.json`` (one document, an array of them, or an object holding the array) and
``.csv``/``.tsv`` with a header row. CSV/TSV files are streamed row by row, so a file may hold
any number of documents (each row is held to the limits on its own); a JSON file is parsed
whole and so is held to ``limits.max_bytes`` as a whole — use JSON Lines for large exports.

Field names come from :class:`ReadOptions` (``--text-column``, ``--id-column``,
``--date-column``) or default to the usual ones ("text"/"content"/"body", "id",
"published"/"date"). A record without text, or a CSV row with more or fewer fields than the
header (a ragged row), is a rejection naming its record or line; the others are still read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from ..errors import RejectCode
from ..model import Report
from .budget import too_many_records
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


def read_csv(stream: BinaryIO, path: str, options: ReadOptions,
             dispatch: object = None) -> Iterator[Report]:
    yield from _read_delimited(stream, path, options, ",")


def read_tsv(stream: BinaryIO, path: str, options: ReadOptions,
             dispatch: object = None) -> Iterator[Report]:
    yield from _read_delimited(stream, path, options, "\t")


def _read_delimited(stream: BinaryIO, path: str, options: ReadOptions,
                    delimiter: str) -> Iterator[Report]:
    """Rows streamed as UTF-8; a file in another encoding is decoded whole (within the size
    limit) and the rows not yet yielded follow."""
    # csv's field limit is process-wide: it is only ever raised, to the longest text allowed
    if csv.field_size_limit() < options.limits.max_chars:
        csv.field_size_limit(options.limits.max_chars)
    start = stream.tell() if stream.seekable() else None
    text_stream = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    done = 0  # last line yielded
    try:
        for report in _rows(text_stream, path, options, delimiter, 0):
            done = report.record or done
            yield report
        return
    except UnicodeDecodeError:
        pass
    finally:
        text_stream.detach()  # the caller owns the byte stream
    if start is None:
        yield rejected_report(InputRejected(RejectCode.UNDECODABLE, f"not UTF-8 after line "
                                                                    f"{done}"), path, done + 1)
        return
    stream.seek(start)
    data = stream.read(options.limits.max_bytes + 1)
    if len(data) > options.limits.max_bytes:
        yield rejected_report(InputRejected(
            RejectCode.TOO_LARGE, f"not UTF-8 after line {done}, and too large to decode whole "
                                  f"(over {options.limits.max_bytes:,} bytes)"), path, done + 1)
        return
    try:
        text, _ = decode_bytes(data)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    yield from _rows(io.StringIO(text, newline=""), path, options, delimiter, done)


def _rows(lines: Iterable[str], path: str, options: ReadOptions, delimiter: str,
          skip_to: int) -> Iterator[Report]:
    """Reports for the rows of a delimited text after line ``skip_to``."""
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield rejected_report(InputRejected(RejectCode.MALFORMED, f"header: {exc}"), path, 1)
        return
    if not header:
        if not skip_to:
            yield rejected_report(InputRejected(RejectCode.EMPTY, "no header row"), path, None)
        return
    header = [name.strip() for name in header]
    text_column = options.text_column or next((c for c in _TEXT_COLUMNS if c in header), None)
    if text_column not in header:
        if not skip_to:
            wanted = text_column or " / ".join(_TEXT_COLUMNS)
            yield rejected_report(InputRejected(
                RejectCode.MISSING_FIELD, f"no text column ({wanted}) in header: "
                                          f"{', '.join(header)} (use --text-column)"), path, 1)
        return
    mapped = replace(options, text_column=text_column)
    line = reader.line_num + 1
    rows = 0
    while True:
        rows += 1  # blank and broken rows count too: 50 million empty rows are a bomb
        if rows > options.limits.max_records_per_file:
            yield rejected_report(too_many_records(options.limits, "rows"), path, line)
            return
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if line > skip_to:
                yield rejected_report(InputRejected(RejectCode.MALFORMED, f"line {line}: {exc}"),
                                      path, line)
            line = reader.line_num + 1
            continue
        if line <= skip_to or not any(field.strip() for field in row):
            line = reader.line_num + 1
            continue
        if len(row) != len(header):
            yield rejected_report(InputRejected(
                RejectCode.MALFORMED, f"line {line}: {len(row)} fields where the header has "
                                      f"{len(header)} (a ragged row)"), path, line)
        else:
            yield report_from_record(dict(zip(header, row)), path, line, mapped)
        line = reader.line_num + 1
