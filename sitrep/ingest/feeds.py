"""RSS (0.9x, 1.0/RDF, 2.0) and Atom feed files: one report per item or entry.

An item's text is its full content (``content:encoded``, Atom ``content``) or else its summary
(``description``, ``summary``), converted from HTML to text. When the item's link names a page
that is itself part of the same input, the page is the report and the item is not read again
(``skip_urls``): the page has the whole text, the item often only a teaser. Provenance: the item's
line in the feed file (``record``). A feed that is not well-formed XML is one rejection naming
the line where parsing failed.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from lxml import etree

from ..errors import RejectCode
from ..model import Report
from .dates import date_from_url, read_date
from .decode import InputRejected
from .documents import Found, ReadOptions, build_report, rejected_report
from .html import check_markup
from .markup import html_fragment_text

__all__ = ["read_feed", "is_feed"]

_FEED_ROOTS = {"rss", "feed", "RDF", "channel"}
_CONTENT = ("encoded", "content", "description", "summary")
_DATES = ("pubDate", "published", "date", "issued", "updated", "modified")


def _parser() -> etree.XMLParser:
    # entities are not resolved and nothing is fetched: feed files are untrusted input
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True)


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def is_feed(data: bytes) -> bool:
    """True when the first element of ``data`` is an RSS, RDF or Atom root."""
    head = data[:2048].lstrip()
    for root in (b"<rss", b"<feed", b"<rdf:RDF", b"<RDF"):
        if root in head:
            return True
    return False


def _inner_markup(element) -> str:
    """Atom ``type="xhtml"`` content is XML inside the feed, not escaped text: serialised back to
    markup so that its paragraphs stay apart when converted to text."""
    return (element.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in element)


def _child_text(element, names: tuple[str, ...], markup: bool = False) -> str | None:
    children = {}
    for child in element:
        name = _local(child)
        if name in names and name not in children:
            text = (_inner_markup(child) if markup and len(child) else
                    "".join(child.itertext())).strip()
            if text:
                children[name] = text
    for name in names:
        if name in children:
            return children[name]
    return None


def _link(element) -> str | None:
    for child in element:
        if _local(child) == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                return href.strip()
            if child.text and child.text.strip():
                return child.text.strip()
    return None


def read_feed(data: bytes, path: str, options: ReadOptions,
              skip_urls: Collection[str] = ()) -> Iterator[Report]:
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        yield rejected_report(InputRejected(RejectCode.MALFORMED,
                                            f"feed is not well-formed XML: {exc.msg}"), path, line)
        return
    if _local(root) not in _FEED_ROOTS:
        yield rejected_report(InputRejected(RejectCode.UNSUPPORTED_FORMAT,
                                            f"XML root <{_local(root)}> is not RSS or Atom"),
                              path, None)
        return
    publisher = None
    channel = next((e for e in root.iter() if _local(e) in ("channel", "feed")), root)
    publisher = _child_text(channel, ("title",))
    for number, item in enumerate((e for e in root.iter() if _local(e) in ("item", "entry")),
                                  start=1):
        line = item.sourceline or number
        link = _link(item)
        if link and link in skip_urls:
            continue
        identifier = _child_text(item, ("guid", "id")) or link or f"{path}:{line}"
        content = _child_text(item, _CONTENT, markup=True)
        title = _child_text(item, ("title",))
        if not content:
            yield rejected_report(InputRejected(
                RejectCode.MISSING_FIELD, f"feed item at line {line} has no content or summary "
                                          "(and its linked page is not in the input)"),
                path, line, identifier)
            continue
        try:
            check_markup(content, options.limits)  # the item's HTML, as a page's
        except InputRejected as exc:
            yield rejected_report(exc, path, line, identifier)
            continue
        text = html_fragment_text(content)
        published, unusable = read_date(_child_text(item, _DATES))
        source = "feed"
        if published is None:
            published, source = date_from_url(link), "url"
        yield build_report(Found(
            text=text, id=identifier, path=path, record=line, title=title, url=link,
            publisher=publisher, published=published,
            published_source=source if published else None,
            author=_child_text(item, ("creator", "author")),
            warnings=[unusable] if unusable else []), options)
