"""Containers: ``.gz`` files, ``.zip`` and ``.tar(.gz)`` archives, WARC/ARC crawl files.

Containers are streamed, never read whole: each member or record is a unit checked against
``limits.max_bytes`` on its own (from its header when it has one, else by reading at most
``max_bytes + 1``). Members are read by the reader their names call for, recursively (an archive
inside an archive), up to ``_MAX_DEPTH`` levels. Provenance: ``path`` is
``archive!member`` (nested: ``outer.zip!inner.tar.gz!a.html``); a WARC record's ``record`` is its
byte offset in the file.

Broken units: a truncated gzip stream, a corrupt zip member, a tar that ends early or a WARC
record that does not parse is a rejection naming the member or record offset. Zip members after
a corrupt one are still read (the central directory locates them); a WARC is resynchronised at
the next record header; a tar stream cannot be, so reading it stops at the break.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..errors import RejectCode
from ..model import Report
from .budget import BudgetExceeded, counted
from .decode import InputRejected
from .documents import ReadOptions, rejected_report, storable_path

__all__ = ["read_gzip", "read_zip", "read_tar", "read_warc", "MEMBER_SEPARATOR"]

MEMBER_SEPARATOR = "!"
# An archive inside an archive inside an archive is as deep as honest inputs go; deeper nesting
# is how decompression bombs are built.
_MAX_DEPTH = 3

Dispatch = Callable[[bytes, str, ReadOptions], Iterator[Report]]


def _depth(path: str) -> int:
    return path.count(MEMBER_SEPARATOR)


def _too_deep(path: str) -> Report | None:
    if _depth(path) >= _MAX_DEPTH:
        return rejected_report(InputRejected(
            RejectCode.UNSUPPORTED_FORMAT, f"archive nested more than {_MAX_DEPTH} deep"),
            path, None)
    return None


def _too_large(path: str, options: ReadOptions, size: int | None = None,
               line: int | None = None) -> Report:
    said = f"{size:,} bytes, over" if size is not None else "over"
    return rejected_report(InputRejected(
        RejectCode.TOO_LARGE, f"{said} the limit of {options.limits.max_bytes:,} bytes (not "
                              "read)"), path, line)


def _skipped_member(name: str) -> bool:
    base = name.rstrip("/").rsplit("/", 1)[-1]
    return not base or base.startswith(".") or name.startswith("__MACOSX/")


def read_gzip(stream: BinaryIO, path: str, options: ReadOptions, dispatch: Dispatch,
              stream_reader_for: Callable[[str], Callable | None] | None = None
              ) -> Iterator[Report]:
    """A gzip-compressed file: its content is read as the file named without ``.gz``.

    Content that is itself streamed (JSON Lines, CSV, a tar) is decompressed as it is read, so
    its size is not limited as a whole; anything else is decompressed to at most ``max_bytes``.
    """
    # named as an archive member ("a.jsonl.gz!a.jsonl"): the reader is chosen by the inner name,
    # and provenance still names the file that exists
    stem = path[:-3] if path.lower().endswith(".gz") else path
    inner = f"{path}{MEMBER_SEPARATOR}{os.path.basename(stem)}"
    inner_reader = stream_reader_for(inner) if stream_reader_for else None
    if inner_reader is not None:
        try:
            with gzip.GzipFile(fileobj=stream, mode="rb") as handle:
                yield from inner_reader(counted(handle, options.limits), inner, options,
                                        dispatch)
        except BudgetExceeded as exc:
            yield rejected_report(exc, path, None)
        except EOFError:
            yield rejected_report(InputRejected(RejectCode.MALFORMED,
                                                "truncated gzip: the stream ends before its end "
                                                "marker (what came before was read)"), path, None)
        except (OSError, zlib.error) as exc:
            yield rejected_report(InputRejected(RejectCode.MALFORMED, f"not valid gzip: {exc}"),
                                  path, None)
        return
    try:
        data = _gunzip(stream, options.limits.max_bytes)
    except EOFError:
        yield rejected_report(InputRejected(RejectCode.MALFORMED,
                                            "truncated gzip: the stream ends before its end "
                                            "marker"), path, None)
        return
    except (OSError, zlib.error) as exc:
        yield rejected_report(InputRejected(RejectCode.MALFORMED, f"not valid gzip: {exc}"),
                              path, None)
        return
    if data is None:
        yield _too_large(path, options)
        return
    yield from dispatch(data, inner, options)


def _gunzip(stream: BinaryIO, limit: int) -> bytes | None:
    """The decompressed bytes (``None`` past ``limit``); EOFError when the stream is cut short.

    Done by hand because ``gzip.GzipFile.read(n)`` returns a truncated stream's bytes without
    complaint; members of a multi-member file are concatenated, as gunzip does.
    """
    output = bytearray()
    decompressor = zlib.decompressobj(wbits=31)
    data = b""
    while True:
        if not data:
            data = stream.read(1 << 16)
            if not data:
                break
        if decompressor.eof:  # another member follows (or zero padding)
            data = data.lstrip(b"\x00")
            if not data:
                continue
            decompressor = zlib.decompressobj(wbits=31)
        output += decompressor.decompress(data, limit + 1 - len(output))
        if len(output) > limit:
            return None
        data = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
    if not decompressor.eof:
        raise EOFError("compressed stream ended early")
    return bytes(output)


def read_zip(stream: BinaryIO, path: str, options: ReadOptions,
             dispatch: Dispatch) -> Iterator[Report]:
    """Every file in a zip archive, in archive order."""
    if (deep := _too_deep(path)) is not None:
        yield deep
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield rejected_report(InputRejected(RejectCode.MALFORMED, f"not a readable zip: {exc}"),
                              path, None)
        return
    unpacked = 0  # bytes read out of members so far (limits.max_decompressed_bytes)
    with archive:
        for info in archive.infolist():
            if info.is_dir() or _skipped_member(info.filename):
                continue
            member = f"{path}{MEMBER_SEPARATOR}{info.filename}"
            if info.file_size > options.limits.max_bytes:
                yield _too_large(member, options, info.file_size)
                continue
            unpacked += info.file_size
            if unpacked > options.limits.max_decompressed_bytes:
                yield rejected_report(_archive_too_large(options), member, None)
                return
            try:
                with archive.open(info) as handle:
                    data = handle.read(options.limits.max_bytes + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
                    NotImplementedError) as exc:
                yield rejected_report(InputRejected(RejectCode.MALFORMED,
                                                    f"zip member cannot be read: {exc}"),
                                      member, None)
                continue
            if len(data) > options.limits.max_bytes:
                yield _too_large(member, options)
                continue
            yield from dispatch(data, member, options)


def read_tar(stream: BinaryIO, path: str, options: ReadOptions,
             dispatch: Dispatch) -> Iterator[Report]:
    """Every regular file of a tar archive (plain, gz, bz2 or xz), streamed in archive order."""
    if (deep := _too_deep(path)) is not None:
        yield deep
        return
    current = path
    # A plain tar read from a file is opened for random access: a member over the limit is
    # skipped by seeking past it, unread. A compressed one can only be skipped by unpacking it,
    # so its members' declared sizes count against limits.max_decompressed_bytes, and past that
    # the rest of the archive is rejected from the headers, without unpacking.
    compressed = not stream.seekable() or _compressed(stream)
    declared = 0
    try:
        with tarfile.open(fileobj=stream, mode="r|*" if compressed else "r:") as archive:
            for info in archive:
                if not info.isfile() or _skipped_member(info.name):
                    continue
                # tarfile decodes names that are not UTF-8 with surrogate escapes
                current = f"{path}{MEMBER_SEPARATOR}{storable_path(info.name)}"
                declared += info.size
                if compressed and declared > options.limits.max_decompressed_bytes:
                    yield rejected_report(_archive_too_large(options, info.size), current,
                                          None)
                    return
                if info.size > options.limits.max_bytes:
                    yield _too_large(current, options, info.size)
                    continue
                handle = archive.extractfile(info)
                data = handle.read(options.limits.max_bytes + 1) if handle else b""
                yield from dispatch(data, current, options)
                current = path
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        where = "" if current == path else " while reading this member"
        message = f"tar archive broken{where}: {exc or type(exc).__name__}"
        if isinstance(exc, EOFError) or "unexpected end" in str(exc):
            message = f"truncated tar archive{where}: it ends early"
        yield rejected_report(InputRejected(RejectCode.MALFORMED, message), current, None)


def _compressed(stream: BinaryIO) -> bool:
    """Whether a seekable stream starts with a gzip, bzip2 or xz header (left where it was)."""
    start = stream.tell()
    head = stream.read(6)
    stream.seek(start)
    return head.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ"))


def _archive_too_large(options: ReadOptions, size: int | None = None) -> InputRejected:
    said = f" (this member declares {size:,} bytes)" if size is not None else ""
    return InputRejected(RejectCode.TOO_LARGE,
                         f"the archive unpacks to over {options.limits.max_decompressed_bytes:,}"
                         f" bytes{said} (limits.max_decompressed_bytes); it was not unpacked "
                         "further and the members after this one were not read")


# -- WARC / ARC ------------------------------------------------------------------------------

_DOCUMENT_TYPES = ("text/html", "application/xhtml", "text/plain")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_ARC_MAGIC = b"filedesc://"


def read_warc(stream: BinaryIO, path: str, options: ReadOptions,
              dispatch: Dispatch) -> Iterator[Report]:
    """Documents in a WARC or ARC file: HTTP 2xx responses and resources that are HTML or text.

    Requests, metadata, revisits, redirects, errors and non-text payloads are not documents
    and are passed over. A record that fails to parse is a rejection at its offset; reading goes
    on from the next record header.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    base = stream.tell() if stream.seekable() else 0
    start = 0  # where this pass of the iterator began, relative to base
    # ARC-to-WARC conversion only for ARC files: it also makes warcio take junk for ARC records
    is_arc = path.lower().endswith((".arc", ".arc.gz"))
    damaged = False  # inside a broken stretch already reported
    while True:
        records = ArchiveIterator(stream, arc2warc=is_arc)
        good_end = start  # end of the last record read whole
        last_start = start - 1  # where the last record that parsed began
        try:
            iterator = iter(records)
            while True:
                # warcio writes warnings about damaged records to stderr; a library must not
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(iterator, None)
                    if record is None:
                        return
                    if record.format != "warc" and not is_arc:
                        # warcio falls back to ARC's one-line header on anything that is not a
                        # WARC header: damaged bytes that happen to hold five space-separated
                        # fields would become a record that swallows the next ones
                        raise ArchiveLoadFailed("not a WARC record header")
                    payload = _warc_payload(record, options)
                    records.read_to_end()  # (warcio: offset and length are known after this)
                offset = records.get_record_offset() - base  # warcio counts from tell()
                good_end, last_start = offset + records.get_record_length(), offset
                damaged = False
                if payload is not None:
                    yield from _warc_document(payload, path, offset, options, dispatch)
        except (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError,
                OSError, ValueError) as exc:
            if stream.seekable():  # records end with blank lines not counted in their length
                stream.seek(base + good_end)
                head = stream.read(8)
                good_end += len(head) - len(head.lstrip(b"\r\n"))
            if not damaged:  # one rejection per broken stretch, not per resync try
                damaged = True
                reason = (str(exc).strip() or type(exc).__name__)[:160]
                yield rejected_report(InputRejected(
                    RejectCode.MALFORMED, f"WARC record at byte {good_end} is broken: {reason}"),
                    path, good_end, f"{path}#{good_end}")
            # search from just after the last record that parsed: a damaged record can swallow
            # the header of the next one, which is then found again
            resume = (_next_record(stream, base + max(last_start, start) + 1)
                      if stream.seekable() else None)
            if resume is None:
                return
            stream.seek(resume)
            start = resume - base


def _warc_payload(record, options: ReadOptions) -> tuple | None:
    """(data or None when too large, size, target URI, content type) of a document record."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if not status or not status.startswith("2"):
            return None
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
    if content_type and not content_type.startswith(_DOCUMENT_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    length = record.rec_headers.get_header("Content-Length")
    size = int(length) if length and length.isdigit() else None
    if size is not None and size > options.limits.max_bytes + 65536:  # + HTTP headers
        return None, size, uri, content_type
    data = record.content_stream().read(options.limits.max_bytes + 1)
    if len(data) > options.limits.max_bytes:
        return None, None, uri, content_type
    return data, len(data), uri, content_type


def _warc_document(payload: tuple, path: str, offset: int, options: ReadOptions,
                   dispatch: Dispatch) -> Iterator[Report]:
    data, size, uri, content_type = payload
    if data is None:
        return iter([_too_large(path, options, size, offset)])
    unit = f"{path}#{offset}"
    name = unit + (".txt" if content_type.startswith("text/plain") else ".html")
    return _with_provenance(dispatch(data, name, options), path, offset, unit, uri)


def _with_provenance(reports: Iterator[Report], path: str, offset: int, unit: str,
                     uri: str | None) -> Iterator[Report]:
    from dataclasses import replace

    from .dates import date_from_url

    for report in reports:
        report.path, report.record, report.id = path, offset, unit
        if uri and not report.url:
            report.url = uri
        if report.rejection:
            report.rejection = replace(report.rejection, path=path, line=offset, report_id=unit)
        elif report.published is None or report.published_source == "cli":
            published = date_from_url(report.url)
            if published:
                report.published, report.published_source = published, "url"
        yield report


def _next_record(stream: BinaryIO, position: int) -> int | None:
    """The file offset of the next record header (or gzip member) at or after ``position``."""
    stream.seek(position)
    carry = b""
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return None
        window = carry + chunk
        found = [i for i in (window.find(_GZIP_MAGIC), window.find(_WARC_MAGIC),
                             window.find(b"\n" + _ARC_MAGIC)) if i >= 0]
        if found:
            index = min(found)
            if window[index:index + 1] == b"\n":
                index += 1
            return position - len(carry) + index
        carry = window[-16:]
        position += len(chunk)
