"""JSON Lines: one document per line, ``{"id", "text", "published"?, "title"?, "url"?, "publisher"?}``.

Lines are split on "\\n" only — never ``str.splitlines`` — because texts may contain U+2028 and
other characters Python counts as line breaks. A line that does not parse, or has no text, is a
rejection naming its line; the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import RejectCode
from ..model import Report
from .decode import InputRejected
from .dates import read_date
from .documents import Found, ReadOptions, build_report, rejected_report

__all__ = ["read_jsonl", "read_jsonl_line", "looks_like_jsonl", "report_from_record"]


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object (stdin sniffing)."""
    for line in text.split("\n"):
        if line.strip():
            stripped = line.strip()
            if not (stripped.startswith("{") and stripped.endswith("}")):
                return False
            try:
                return isinstance(json.loads(stripped), dict)
            except ValueError:
                return False
    return False


def read_jsonl(text: str, path: str, options: ReadOptions) -> Iterator[Report]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield read_jsonl_line(line, path, number, options)


def read_jsonl_line(line: str, path: str, number: int, options: ReadOptions) -> Report:
    """The Report for line ``number`` of a JSONL input."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return rejected_report(InputRejected(RejectCode.MALFORMED,
                                             f"line {number} is not valid JSON: {exc}"),
                               path, number)
    return report_from_record(record, path, number, options)


def _field(record: dict, preferred: str | None, *names: str) -> object:
    # The field named by --text-column (etc.) wins where the record has it; a record without it
    # (a contract JSONL read alongside the CSV the option was meant for) keeps its own fields.
    for name in ((preferred,) if preferred and preferred in record else names):
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def report_from_record(record: object, path: str, number: int | None,
                       options: ReadOptions, unit: str = "line") -> Report:
    """The Report for one JSON document record (JSONL line, element of a JSON array, CSV row);
    ``unit`` names what ``number`` counts in messages."""
    where = f"{unit} {number}" if number is not None else "the document"
    if not isinstance(record, dict):
        return rejected_report(InputRejected(
            RejectCode.MALFORMED, f"{where} is a JSON {type(record).__name__}, not an object"),
            path, number)
    raw_id = _field(record, options.id_column, "id")
    report_id = str(raw_id) if raw_id is not None else (
        f"{path}:{number}" if number is not None else path)
    text = _field(record, options.text_column, "text", "content", "body")
    if text is None and "" in (record.get(key) for key in
                               (options.text_column, "text", "content", "body") if key):
        text = ""  # present but empty: build_report rejects it as `empty`, not `missing_field`
    if not isinstance(text, str):
        message = (f"{where} has no text field" if text is None
                   else f"{where}: text is a {type(text).__name__}, not a string")
        return rejected_report(InputRejected(RejectCode.MISSING_FIELD, message), path, number,
                               report_id)
    published, unusable = read_date(_field(record, options.date_column, "published", "date",
                                           "published_at", "pubdate"))
    return build_report(Found(
        text=text, id=report_id, path=path, record=number,
        title=_text_or_none(record.get("title")), url=_text_or_none(record.get("url")),
        publisher=_text_or_none(record.get("publisher")),
        published=published, published_source="metadata" if published else None,
        language=_text_or_none(record.get("language")),
        author=_text_or_none(record.get("author")),
        warnings=[unusable] if unusable else [],
    ), options)
