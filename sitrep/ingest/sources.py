"""Where input units come from — files, directories (recursively, sorted), stdin — and which
reader each goes to.

Single-document files are size-checked before reading: one over ``limits.max_bytes`` is rejected
from its ``stat`` without being opened; a stream is read to at most ``max_bytes + 1`` bytes.
Multi-document files (JSON Lines, CSV/TSV) and containers (archives, WARC) are streamed, and
each line, row, member or record is held to the limit on its own (see ``archives``).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from ..errors import RejectCode
from ..model import Report
from .archives import read_gzip, read_tar, read_warc, read_zip
from .budget import too_many_records, within_budget
from .decode import InputRejected, decode_bytes
from .documents import Found, ReadOptions, build_report, rejected_report, storable_path
from .feeds import is_feed, read_feed
from .html import canonical_url, looks_like_html, read_html
from .jsonl import looks_like_jsonl, read_jsonl, read_jsonl_line
from .tabular import read_csv, read_json, read_tsv

__all__ = ["read_inputs", "read_path", "read_stream", "read_bytes", "BYTE_READERS",
           "STREAM_READERS"]

# A byte reader turns one unit's bytes into Reports; ``path`` is the provenance shown to users.
ByteReader = Callable[[bytes, str, ReadOptions], Iterator[Report]]
StreamReader = Callable[..., Iterator[Report]]


def read_text(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """One plain-text document; its id is its path. HTML without an ``.html`` name is
    recognised by its first tag."""
    if looks_like_html(data) and not path.lower().endswith(".txt"):
        yield from read_html(data, path, options)
        return
    try:
        text, _encoding = decode_bytes(data)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    yield build_report(Found(text=text, id=path, path=path), options)


def read_jsonl_stream(stream: BinaryIO, path: str, options: ReadOptions,
                      dispatch: object = None) -> Iterator[Report]:
    """JSON Lines, streamed and decoded line by line: a file may hold any number of documents,
    one bad or oversized line costs only itself. Lines are split on b"\\n" only (U+2028 inside
    a text is not a line break)."""
    limit = options.limits.max_bytes
    first = stream.read(4)
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: no byte-level line split
        data = first + stream.read(limit + 1 - len(first))
        if len(data) > limit:
            yield _too_large(path, options)
            return
        try:
            text, _ = decode_bytes(data)
        except InputRejected as exc:
            yield rejected_report(exc, path, None)
            return
        yield from read_jsonl(text, path, options)
        return
    number = 0
    pending = first
    while True:
        # the 4 bytes read to look for a byte-order mark may hold a whole short line ("{}\n")
        head, newline, rest = pending.partition(b"\n")
        if newline:
            line, pending = head + newline, rest
        else:
            line, pending = pending + stream.readline(limit + 1), b""
        if not line:
            return
        number += 1
        if number > options.limits.max_records_per_file:  # blank lines count: a newline bomb
            yield rejected_report(too_many_records(options.limits, "lines"), path, number)
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line without keeping it
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield rejected_report(InputRejected(
                RejectCode.TOO_LARGE, f"line {number} is over the limit of {limit:,} bytes "
                                      "(not read)"), path, number)
            continue
        if not line.strip():
            continue
        try:
            text, _ = decode_bytes(line)
        except InputRejected as exc:
            yield rejected_report(InputRejected(RejectCode(exc.code), f"line {number}: "
                                                f"{exc.message}"), path, number)
            continue
        yield read_jsonl_line(text, path, number, options)


def read_feed_bytes(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    yield from read_feed(data, path, options, options.local_pages)


def read_xml(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    if is_feed(data):
        yield from read_feed_bytes(data, path, options)
    elif looks_like_html(data):  # an XHTML page saved as .xml
        yield from read_html(data, path, options)
    else:
        yield rejected_report(InputRejected(RejectCode.UNSUPPORTED_FORMAT,
                                            "XML that is not an RSS or Atom feed"), path, None)


def _read_gzip(stream: BinaryIO, path: str, options: ReadOptions,
               dispatch: Callable) -> Iterator[Report]:
    """A ``.gz`` file; streamed content (``.jsonl.gz``, ``.csv.gz``) is decompressed as read."""
    yield from read_gzip(stream, path, options, dispatch, _stream_reader)


# File name ending (lower case) -> reader; the longest matching ending wins.
BYTE_READERS: dict[str, ByteReader] = {
    ".txt": read_text, ".text": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".json": read_json,
    ".rss": read_feed_bytes, ".atom": read_feed_bytes, ".xml": read_xml,
}
# Containers and multi-document files are streamed: reader(stream, path, options, dispatch).
STREAM_READERS: dict[str, StreamReader] = {
    ".warc": read_warc, ".warc.gz": read_warc, ".arc": read_warc, ".arc.gz": read_warc,
    ".tar": read_tar, ".tar.gz": read_tar, ".tgz": read_tar, ".tar.bz2": read_tar,
    ".tar.xz": read_tar, ".zip": read_zip, ".gz": _read_gzip,
    ".jsonl": read_jsonl_stream, ".ndjson": read_jsonl_stream,
    ".csv": read_csv, ".tsv": read_tsv, ".tab": read_tsv,
}
# Formats sitrep does not read; named so the rejection says so instead of "binary".
_UNSUPPORTED = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx",
                ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".mp4", ".exe", ".so",
                ".bz2", ".xz", ".7z", ".rar")


def _ending(name: str, table: dict) -> str | None:
    lower = name.lower()
    matches = [ending for ending in table if lower.endswith(ending)]
    return max(matches, key=len) if matches else None


def _stream_reader(name: str) -> StreamReader | None:
    ending = _ending(name, STREAM_READERS)
    byte_ending = _ending(name, BYTE_READERS)
    if ending is None or (byte_ending and len(byte_ending) > len(ending)):
        return None
    return STREAM_READERS[ending]


def read_bytes(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """Reports from one unit's bytes, read by the reader its name calls for; a unit with no
    document in it (a feed without items, an empty archive) is one `empty` rejection."""
    found = 0
    for report in _guarded(_read_bytes(data, path, options), path):
        found += 1
        yield report
    if not found:
        yield rejected_report(InputRejected(RejectCode.EMPTY, "no documents in it"), path, None)


def _guarded(reports: Iterator[Report], path: str) -> Iterator[Report]:
    """The reports of one unit; if its reader fails unexpectedly (a bug, or a library choking
    on odd input), what it read is kept and the failure becomes a rejection of the unit, so
    that one bad file never ends a run."""
    try:
        yield from reports
    except Exception as exc:  # recorded as a rejection, never swallowed
        yield rejected_report(InputRejected(
            RejectCode.UNREADABLE, f"reader failed: {type(exc).__name__}: {exc}"[:300]),
            path, None)


def _read_bytes(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    stream_reader = _stream_reader(path)
    if stream_reader is not None:
        yield from stream_reader(io.BytesIO(data), path, options, read_bytes)
        return
    ending = _ending(path, BYTE_READERS)
    if ending is None and path.lower().endswith(_UNSUPPORTED):
        extension = os.path.splitext(path)[1]
        yield rejected_report(InputRejected(
            RejectCode.UNSUPPORTED_FORMAT, f"no reader for {extension} files"), path, None)
        return
    if ending is None and is_feed(data):
        yield from read_feed_bytes(data, path, options)
        return
    yield from BYTE_READERS.get(ending, read_text)(data, path, options)


def _files(path: str, seen: set[str] | None = None) -> Iterator[str | Report]:
    """The files under ``path`` in sorted order (hidden names skipped), or a rejection. A
    directory reached twice through symbolic links is read once."""
    if not os.path.isdir(path):
        yield path
        return
    seen = set() if seen is None else seen
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        yield rejected_report(InputRejected(RejectCode.UNREADABLE,
                                            f"cannot list directory: {exc.strerror}"), path, None)
        return
    for name in names:
        if not name.startswith("."):
            yield from _files(os.path.join(path, name), seen)


def read_path(path: str, options: ReadOptions) -> Iterator[Report]:
    """Reports from a file or a directory (recursively, in sorted order; hidden names skipped)."""
    for item in _files(path):
        if isinstance(item, Report):
            yield item
        else:
            yield from _read_file(item, options)


def _unreadable(path: str, action: str, exc: OSError) -> Report:
    return rejected_report(InputRejected(RejectCode.UNREADABLE,
                                         f"cannot {action}: {exc.strerror or exc}"), path, None)


def _read_file(path: str, options: ReadOptions) -> Iterator[Report]:
    # ``path`` opens the file; ``name`` is its provenance, valid Unicode even when the file name
    # is not UTF-8 (ids, member paths and rejections are all built from it)
    name = storable_path(path)
    stream_reader = _stream_reader(path)
    if stream_reader is not None:
        try:
            handle = open(path, "rb")
        except OSError as exc:
            yield _unreadable(name, "open", exc)
            return
        with handle:
            found = 0
            for report in within_budget(_guarded(stream_reader(handle, name, options,
                                                               read_bytes), name),
                                        name, options.limits):
                found += 1
                yield report
        if not found:  # an empty export is said, not silently absent from the output
            yield rejected_report(InputRejected(
                RejectCode.EMPTY, "no documents in the file"), name, None)
        return
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        yield _unreadable(name, "open", exc)
        return
    if size > options.limits.max_bytes:
        yield rejected_report(InputRejected(
            RejectCode.TOO_LARGE, f"{size:,} bytes, over the limit of "
            f"{options.limits.max_bytes:,} (not read)"), name, None)
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read(options.limits.max_bytes + 1)
    except OSError as exc:
        yield _unreadable(name, "read", exc)
        return
    if len(data) > options.limits.max_bytes:  # grew since stat, or a special file
        yield _too_large(name, options)
        return
    # a whole-file read can hold many documents too (a feed's items): the same budgets
    yield from within_budget(read_bytes(data, name, options), name, options.limits)


def _too_large(path: str, options: ReadOptions) -> Report:
    return rejected_report(InputRejected(
        RejectCode.TOO_LARGE, f"over the limit of {options.limits.max_bytes:,} bytes "
        "(reading stopped there)"), path, None)


def read_stream(stream: BinaryIO, options: ReadOptions, name: str = "stdin") -> Iterator[Report]:
    """Reports from a byte stream: JSON Lines (streamed, any length) when it starts like them;
    else gzip, HTML, a feed or one text document, read to at most ``max_bytes``."""
    head = stream.read(min(_HEAD_BYTES, options.limits.max_bytes + 1))
    if _starts_like_jsonl(head):
        yield from within_budget(read_jsonl_stream(_Joined(head, stream), name, options), name,
                                 options.limits)
        return
    data = head + stream.read(options.limits.max_bytes + 1 - len(head))
    if len(data) > options.limits.max_bytes:
        yield _too_large(name, options)
        return
    if data.startswith(b"\x1f\x8b"):
        yield from read_gzip(io.BytesIO(data), name, options, read_bytes, _stream_reader)
        return
    if looks_like_html(data):
        yield from read_html(data, name, options)
        return
    if is_feed(data):
        yield from read_feed_bytes(data, name, options)
        return
    try:
        text, _ = decode_bytes(data)
    except InputRejected as exc:
        yield rejected_report(exc, name, None)
        return
    yield build_report(Found(text=text, id=name, path=name), options)


_HEAD_BYTES = 65536


def _starts_like_jsonl(head: bytes) -> bool:
    """The first line is a JSON object, or (longer than the head) starts like one."""
    stripped = head.lstrip()
    if not stripped.startswith(b"{"):
        return False
    first, newline, _ = stripped.partition(b"\n")
    if not newline:
        return stripped.startswith(b'{"') and len(head) >= _HEAD_BYTES
    return looks_like_jsonl(first.decode("utf-8", "replace"))


class _Joined(io.RawIOBase):
    """Bytes already read from a stream, followed by the rest of it (a non-seekable stdin)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = io.BytesIO(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._head.read(len(buffer)) or self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        line = self._head.readline(size)
        if line.endswith(b"\n") or (size is not None and 0 <= size <= len(line)):
            return line
        more = self._rest.readline(-1 if size is None or size < 0 else size - len(line))
        return line + more


_PAGE_HEAD_BYTES = 65536


def local_page_urls(paths: Iterable[str]) -> frozenset[str]:
    """Canonical URLs of the HTML pages among ``paths`` (read from their heads only): a feed item
    linking to one of them is read from the page, not from the feed."""
    urls = set()
    for path in paths:
        if path == "-":
            continue
        for item in _files(path):
            if isinstance(item, str) and _ending(item, BYTE_READERS) in (".html", ".htm",
                                                                        ".xhtml"):
                try:
                    with open(item, "rb") as handle:
                        head = handle.read(_PAGE_HEAD_BYTES)
                except OSError:
                    continue
                url = canonical_url(head.decode("utf-8", "replace"))
                if url:
                    urls.add(url)
    return frozenset(urls)


def _has_feeds(paths: list[str]) -> bool:
    return any(isinstance(item, str) and _ending(item, BYTE_READERS) in (".rss", ".atom", ".xml")
               for path in paths if path != "-" for item in _files(path))


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Report]:
    """Every document in ``paths`` (files, directories, archives, ``-`` for stdin), in input
    order.

    A unit that cannot be read is yielded as a Report with ``raw == ""`` and ``rejection`` set,
    and reading goes on.
    """
    options = options or ReadOptions()
    paths = list(paths)
    if _has_feeds(paths) and not options.local_pages:
        options = replace(options, local_pages=local_page_urls(paths))
    for path in paths:
        if path == "-":
            yield from _guarded(read_stream(sys.stdin.buffer, options), "stdin")
        else:
            yield from read_path(path, options)
