"""Where input units come from: files, directories (recursively, sorted), stdin — and which reader
each one goes to.

Sizes are checked before reading: a file over ``limits.max_bytes`` is rejected from its ``stat``
without being opened, a stream is read to at most ``max_bytes + 1`` bytes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from ..errors import RejectCode
from ..model import Report
from .decode import InputRejected, decode_bytes
from .documents import Found, ReadOptions, build_report, rejected_report
from .jsonl import looks_like_jsonl, read_jsonl, read_jsonl_line

__all__ = ["read_inputs", "read_path", "read_stream", "read_bytes", "READERS"]

# A reader turns one unit's bytes into Reports. ``path`` is the provenance shown to users.
Reader = Callable[[bytes, str, ReadOptions], Iterator[Report]]

# Formats sitrep does not read; named so the rejection says so instead of "binary".
_UNSUPPORTED = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx",
                ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".mp4", ".exe", ".so")


def read_text(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """One plain-text document; its id is its path."""
    try:
        text, _encoding = decode_bytes(data)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    yield build_report(Found(text=text, id=path, path=path), options)


def read_jsonl_bytes(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """JSON Lines, decoded line by line so that one bad line costs only itself."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: no byte-level line split
        try:
            text, _ = decode_bytes(data)
        except InputRejected as exc:
            yield rejected_report(exc, path, None)
            return
        yield from read_jsonl(text, path, options)
        return
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            text, _ = decode_bytes(line)
        except InputRejected as exc:
            yield rejected_report(InputRejected(RejectCode(exc.code), f"line {number}: "
                                                f"{exc.message}"), path, number)
            continue
        yield read_jsonl_line(text, path, number, options)


# File name ending (lower case) -> reader. Longer endings are tried first.
READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl_bytes,
    ".ndjson": read_jsonl_bytes,
    ".txt": read_text,
}


def reader_for(name: str) -> Reader | None:
    lower = name.lower()
    for ending in sorted(READERS, key=len, reverse=True):
        if lower.endswith(ending):
            return READERS[ending]
    if lower.endswith(_UNSUPPORTED):
        return None
    return read_text


def read_bytes(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """Reports from one unit's bytes, read by the reader its name calls for."""
    reader = reader_for(path)
    if reader is None:
        extension = os.path.splitext(path)[1]
        yield rejected_report(InputRejected(
            RejectCode.UNSUPPORTED_FORMAT, f"no reader for {extension} files"), path, None)
        return
    yield from reader(data, path, options)


def read_path(path: str, options: ReadOptions) -> Iterator[Report]:
    """Reports from a file or a directory (recursively, in sorted order; hidden names skipped)."""
    if os.path.isdir(path):
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            yield rejected_report(InputRejected(RejectCode.UNREADABLE,
                                                f"cannot list directory: {exc.strerror}"),
                                  path, None)
            return
        for name in names:
            if not name.startswith("."):
                yield from read_path(os.path.join(path, name), options)
        return
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        yield rejected_report(InputRejected(RejectCode.UNREADABLE,
                                            f"cannot open: {exc.strerror}"), path, None)
        return
    if size > options.limits.max_bytes:
        yield rejected_report(InputRejected(
            RejectCode.TOO_LARGE, f"{size:,} bytes, over the limit of "
            f"{options.limits.max_bytes:,} (not read)"), path, None)
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read(options.limits.max_bytes + 1)
    except OSError as exc:
        yield rejected_report(InputRejected(RejectCode.UNREADABLE,
                                            f"cannot read: {exc.strerror}"), path, None)
        return
    if len(data) > options.limits.max_bytes:  # grew since stat, or a special file
        yield _too_large(path, options)
        return
    yield from read_bytes(data, path, options)


def _too_large(path: str, options: ReadOptions) -> Report:
    return rejected_report(InputRejected(
        RejectCode.TOO_LARGE, f"over the limit of {options.limits.max_bytes:,} bytes "
        "(reading stopped there)"), path, None)


def read_stream(stream: BinaryIO, options: ReadOptions, name: str = "stdin") -> Iterator[Report]:
    """Reports from a byte stream: JSON Lines when it looks like them, else one text document."""
    data = stream.read(options.limits.max_bytes + 1)
    if len(data) > options.limits.max_bytes:
        yield _too_large(name, options)
        return
    try:
        text, _ = decode_bytes(data)
    except InputRejected as exc:
        yield rejected_report(exc, name, None)
        return
    if looks_like_jsonl(text):
        yield from read_jsonl(text, name, options)
    else:
        yield build_report(Found(text=text, id=name, path=name), options)


def read_inputs(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Report]:
    """Every document in ``paths`` (files, directories, ``-`` for stdin), in input order.

    A unit that cannot be read is yielded as a Report with ``raw == ""`` and ``rejection`` set,
    and reading goes on.
    """
    options = options or ReadOptions()
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, options)
        else:
            yield from read_path(path, options)
