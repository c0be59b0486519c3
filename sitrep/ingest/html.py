"""HTML pages: the main text through trafilatura, plus title, author, publisher, publication
date, canonical URL and language.

The report's ``raw`` text is the extracted main text: offsets index into it, as they index into
a JSONL ``text``. Trafilatura runs without its duplicate filter (``dedup=False``): that filter
keeps a process-wide cache, so the same page would lose paragraphs the second time it was read,
and two workers would disagree. Metadata comes from :mod:`.html_meta`; the publication date from
the page's tags, else its URL, else the caller's default — never guessed from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from configparser import ConfigParser
from functools import cache

from ..config import Limits
from ..errors import RejectCode
from ..model import Report
from .decode import InputRejected, decode_bytes
from .documents import Found, ReadOptions, build_report, rejected_report
from .html_meta import page_metadata

__all__ = ["read_html", "extract_html", "canonical_url", "decode_html", "check_markup",
           "looks_like_html", "without_prolog"]

# Trafilatura drops extractions under 250 characters by default; a short wire report ("Police
# arrested 12 protesters in Nairobi on Monday.") is still a report, so the floor is one sentence.
_MIN_EXTRACTED_CHARS = 20


@cache
def _extractor():
    """Trafilatura's extraction options (built once, never changed after): main text only —
    metadata is read by :mod:`.html_meta` — without the duplicate filter or comments."""
    from trafilatura.settings import Extractor

    return Extractor(config=_config(), output_format="python", fast=True, comments=False,
                     tables=True, dedup=False, with_metadata=False)


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


_CANONICAL = (
    re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical[\"']?[^>]*\bhref\s*=\s*[\"']([^\"']+)",
               re.I),
    re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*\brel\s*=\s*[\"']?canonical",
               re.I),
    re.compile(r"<meta\b[^>]*\bproperty\s*=\s*[\"']og:url[\"'][^>]*\bcontent\s*=\s*[\"']([^\"']+)",
               re.I),
)


def canonical_url(html: str) -> str | None:
    """The page's canonical URL from its head (``<link rel=canonical>``, ``og:url``), read with
    a regular expression: cheap enough to scan every page of an input for feed links."""
    head = html[:65536]
    for pattern in _CANONICAL:
        match = pattern.search(head)
        if match:
            return match[1].strip()
    return None


_TABLE_ROW = re.compile(r"^\|(.*)\|$")


def _untable(text: str) -> str:
    """Trafilatura writes table rows as ``| cell | cell |``; old layouts put whole articles in
    tables, so each cell becomes a line of its own and the borders go."""
    if "|" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        match = _TABLE_ROW.match(line.strip())
        if match:
            lines.extend(cell.strip() for cell in match[1].split(" | ") if cell.strip())
        else:
            lines.append(line)
    return "\n".join(lines)


def _with_headline(text: str, title: str | None) -> str:
    """The text with the page's headline as its first line: trafilatura drops headings it takes
    for page furniture (an ``<h3>`` headline, a headline outside ``<article>``), and a headline
    is report text ("Bomb kills three in Quetta")."""
    if not title:
        return text
    head = " ".join(text[:len(title) + 200].split()).casefold()
    if " ".join(title.split()).casefold() in head:
        return text
    return f"{title}\n{text}"


def extract_html(html: str, path: str, record: int | None, report_id: str,
                 url: str | None = None) -> Found:
    """The main text and metadata of one page; raises InputRejected when it has no main text."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(without_prolog(html))
    if tree is None:
        raise InputRejected(RejectCode.EMPTY, "HTML page without a document tree")
    meta = page_metadata(tree, url)  # before extraction, which prunes the tree
    document = trafilatura.bare_extraction(tree, options=_extractor())
    text = document.text if document is not None else None
    if not text or not text.strip():
        raise InputRejected(RejectCode.EMPTY, "HTML page without main text (no body, or only "
                                              "navigation and page furniture)")
    return Found(
        text=_with_headline(_untable(text), meta.title), id=report_id, path=path, record=record, title=meta.title,
        url=meta.url,
        publisher=meta.publisher, author=meta.author, published=meta.published,
        published_source=meta.published_source, language=meta.language)


_DECLARED_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def decode_html(data: bytes) -> str:
    """The page's text: in the charset it declares when that fits, else as any input is decoded
    (byte-order mark, UTF-8, detection, cp1252)."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared[1].decode("ascii").lower()
        # as browsers do (WHATWG): pages labelled latin-1 or ASCII are really windows-1252
        name = "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii",
                                    "iso8859-1", "windows-1252") else name
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if "\x00" not in text:
                return text
    return decode_bytes(data)[0]


# What may come before a page's DOCTYPE: a byte-order mark, white space, processing instructions
# (the XML declaration of an XHTML page), comments.
_PROLOG_MISC = re.compile(r"\ufeff|\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE = re.compile(r"<!DOCTYPE\b[^\[>]*", re.I)
# One item of a DTD internal subset: a markup declaration (quoted literals may hold ">" or "]"),
# a parameter-entity reference, a comment, a processing instruction, white space. The
# alternatives start with different characters and the repetitions are possessive (nothing to
# backtrack into), so matching is linear in the subset's length, closed or not.
_SUBSET_ITEM = re.compile(r"""\s+|%[\w.:-]+;|<!--.*?-->|<\?.*?\?>"""
                          r"""|<!(?:ENTITY|ELEMENT|ATTLIST|NOTATION)\b"""
                          r"""(?:"[^"]*+"|'[^']*+'|[^"'>]++)*+>""", re.S)
_SUBSET_END = re.compile(r"\]\s*>")


_PROLOG_MISC_BYTES = re.compile(rb"\xef\xbb\xbf|\s+|<\?[^>]*\?>|<!--.*?-->", re.S)


def looks_like_html(data: bytes) -> bool:
    """Whether an unnamed input (no ``.html`` name) is a page: it starts with ``<!DOCTYPE html``
    or ``<html`` once a byte-order mark, white space, an XML declaration (XHTML) and comments
    (``<!-- saved from url=... -->``) are skipped. Looks at the first 4 KiB only."""
    head, position = data[:4096], 0
    while (match := _PROLOG_MISC_BYTES.match(head, position)) and match.end() > position:
        position = match.end()
    return head[position:position + 14].lower().startswith((b"<!doctype html", b"<html"))


def without_prolog(html: str) -> str:
    """The page as the HTML parser should see it: a leading XML declaration, and a DOCTYPE's
    internal subset (``<!DOCTYPE html [<!ENTITY x "y">]>``), replaced by ``<!DOCTYPE html>``.

    lxml's HTML parser knows neither: it ends the DOCTYPE at the first ">" — the rest of the
    subset and its "]>" become body text, and the head is read as body — and it parses a page
    that starts with ``<?xml ...?>`` as a fragment, where trafilatura then finds no main text
    (such pages were rejected as ``empty``). The subset is dropped, never applied: entities
    stay unexpanded (``&x;`` is text) and nothing external is ever loaded. A subset that is
    not well formed leaves the page as it was, so that no text is lost to a guess.
    """
    position, declaration = 0, False
    while True:
        match = _PROLOG_MISC.match(html, position)
        if not match or match.end() == position:
            break
        declaration = declaration or match[0].startswith("<?")
        position = match.end()
    doctype = _DOCTYPE.match(html, position)
    if doctype and html.startswith("[", doctype.end()):
        cursor = doctype.end() + 1
        while (item := _SUBSET_ITEM.match(html, cursor)) and item.end() > cursor:
            cursor = item.end()
        end = _SUBSET_END.match(html, cursor)
        if end is None:
            return html
        return "<!DOCTYPE html>" + html[end.end():]
    if not declaration:
        return html
    # lxml reads a string that starts with a DOCTYPE (or <html>) as a whole document
    return html[position:] if doctype else "<!DOCTYPE html>" + html[position:]


# An opening tag and what follows its name, up to the next "<" or ">": a scan in linear time
# even when tags are never closed.
_OPEN_TAG = re.compile(r"<[A-Za-z][^\s/<>]*([^<>]*)")
# One attribute: a name, with or without a value.
_ATTRIBUTE = re.compile(r"""[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]*))?""")


def check_markup(html: str, limits: Limits) -> None:
    """Reject (``too_large``) a page with more elements, or an element with more attributes,
    than the limits allow — before the parser, whose time grows faster than the page there."""
    elements = 0
    for match in _OPEN_TAG.finditer(html):
        elements += 1
        if elements > limits.max_html_elements:
            raise InputRejected(RejectCode.TOO_LARGE,
                                f"more than {limits.max_html_elements:,} HTML elements "
                                "(limits.max_html_elements); not parsed")
        inside = match[1]
        # an attribute takes at least 2 characters with its separator: short tags are cheap
        if len(inside) > 2 * limits.max_html_attributes:
            count = sum(1 for _ in _ATTRIBUTE.finditer(inside))
            if count > limits.max_html_attributes:
                raise InputRejected(RejectCode.TOO_LARGE,
                                    f"an element with {count:,} attributes, over the limit of "
                                    f"{limits.max_html_attributes:,} (limits."
                                    "max_html_attributes); not parsed")


def read_html(data: bytes, path: str, options: ReadOptions) -> Iterator[Report]:
    """One HTML page; its id is its path."""
    try:
        html = decode_html(data)
        check_markup(html, options.limits)
        found = extract_html(html, path, None, path)
    except InputRejected as exc:
        yield rejected_report(exc, path, None)
        return
    yield build_report(found, options)
