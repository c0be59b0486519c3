"""HTML fragments (feed item content, summaries) to plain text with paragraph breaks."""

from __future__ import annotations

import re

from lxml import etree, html as lxml_html

__all__ = ["html_fragment_text"]

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "ul", "ol", "table", "pre", "figure", "figcaption", "hr"}
_DROP = {"script", "style", "noscript", "iframe", "svg", "form", "button", "nav"}
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")
_BLANKS = re.compile(r"\n\s*\n\s*")


def html_fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, one block element per line; plain text passes unchanged."""
    if not _MARKUP.search(fragment):
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _MARKUP.sub(" ", fragment).strip()
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROP:
            if element.tail:
                parts.append(element.tail)
            return
        if tag in _BLOCKS:
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            walk(child)
        if tag in _BLOCKS:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    text = "".join(parts)
    return _BLANKS.sub("\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()
