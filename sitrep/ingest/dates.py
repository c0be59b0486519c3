"""Publication dates found in URLs: ``/2016/12/13/``, ``/2016-12-13-``, ``/20161213/``.

A date in a URL path is what the publisher's CMS wrote when the story went up; it is used only
where the input's metadata gave no date (``published_source`` "url").
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["date_from_url"]

_URL_DATES = (
    re.compile(r"/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)"),
    re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)"),
)


def date_from_url(url: str | None) -> date | None:
    """The publication date written in ``url``'s path, if one is there and valid."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None
