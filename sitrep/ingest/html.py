"""HTML pages: the main text through trafilatura, plus title, author, publisher, publication
date, canonical URL and language.

The report's ``raw`` text is the extracted main text: offsets index into it, as they index into
a JSONL ``text``. Trafilatura runs without its duplicate filter (``deduplicate=False``): that
filter keeps a process-wide cache, so the same page would lose paragraphs the second time it
was read, and two workers would disagree. Its date search is limited to the page's metadata
(no guessing from the text: ``extensive_search`` off); the URL's date comes next, then the
caller's default.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from configparser import ConfigParser
from functools import cache

from ..errors import RejectCode
from ..model import Report
from .dates import date_from_url
from .decode import InputRejected, decode_bytes
from .documents import Found, ReadOptions, build_report, parse_date, rejected_report

__all__ = ["read_html", "extract_html", "canonical_url"]

# Trafilatura drops extractions under 250 characters by default; a short wire report ("Police
# arrested 12 protesters in Nairobi on Monday.") is still a report, so the floor is one sentence.
_MIN_EXTRACTED_CHARS = 20
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@cache
def _config() -> ConfigParser:
    """Trafilatura's settings for sitrep (built once, never changed after)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED_CHARS))
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not belong in a library
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


_AUTHOR = re.compile(r"<meta\b[^>]*\bname\s*=\s*[\"'](?:author|byl|dc\.creator)[\"'][^>]*"
                     r"\bcontent\s*=\s*[\"']([^\"']+)", re.I)
_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.I)
_CANONICAL = (
    re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[\"']?[^>]*\bhref\s*=\s*[\"']([^\"']+)",
               re.I),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*\brel\s*=\s*[\"']?canonical",
               re.I),
    re.compile(r"<meta\b[^>]*\bproperty\s*=\s*[\"']og:url[\"'][^>]*\bcontent\s*=\s*[\"']([^\"']+)",
               re.I),
)


def canonical_url(html: str) -> str | None:
    """The page's canonical URL from its head (``<link rel=canonical>``, ``og:url``)."""
    head = html[:65536]
    for pattern in _CANONICAL:
        match = pattern.search(head)
        if match:
            return match[1].strip()
    return None


def _meta_author(html: str) -> str | None:
    match = _AUTHOR.search(html[:65536])
    return match[1].strip() if match else None


def extract_html(html: str, path: str, record: int | None, report_id: str,
                 url: str | None = None) -> Found:
    """The main text and metadata of one page; raises InputRejected when it has no main text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, fast=True, with_metadata=True, include_comments=False,
        include_tables=True, deduplicate=False, date_extraction_params=_DATE_PARAMS,
        config=_config())
    text = document.text if document is not None else None
    if not text or not text.strip():
        raise InputRejected(RejectCode.EMPTY, "HTML page without main text (no body, or only "
                                              "navigation and page furniture)")
    page_url = canonical_url(html) or document.url or url
    published, source = parse_date(document.date), "html-meta"
    url_date = date_from_url(page_url)
    if published is None or published == url_date:  # htmldate also reads the URL
        published, source = url_date, "url"
    language = None
    match = _LANG.search(html[:4096].encode("utf-8", "ignore"))
    if match:
        language = match[1].decode("ascii").lower()
    return Found(
        text=text, id=report_id, path=path, record=record, title=document.title or None,
        url=page_url, publisher=document.sitename or None,
        author=document.author or _meta_author(html),
        published=published, published_source=source if published else None,
        language=language or document.language)


def read_html(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """One HTML page; its id is its path."""
    try:
        html, _ = decode_bytes(data)
        found = extract_html(html, path, None, path)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    yield build_report(found, options)
