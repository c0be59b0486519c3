"""Words of an armed site inside the name of something else: "the Washington Post columnist".

The roles of ``context.toml`` are read from a sentence's words: "posts", "bases", "positions",
"patrols" name armed forces' sites, so "killed" near them reads as an attack on armed forces
(Armed clash). A name ending in such a word names an organisation when nothing in it is an armed
force ("the Washington Post", "the Jerusalem Post", "the Bangkok Post": newspapers), and a site
when its force is named in it ("Nawan Kot Police Post"). The name is what the
tagger reads as a run of proper nouns (the name layer), not capital letters: "the Nawan Kot
Police Post" and "police posts" are both sites.

A phrase of several words ("air base", "military posts") is a site whatever surrounds it: only a
single-word site noun closing a name is read as part of the name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Report, Token

__all__ = ["blank_names_of_organisations"]


def _name_before(tokens: list[Token], index: int, text: str) -> list[Token]:
    """The run of proper nouns ending at ``tokens[index]``, its words separated by one space."""
    run = [tokens[index]]
    position = index - 1
    while position >= 0 and tokens[position].pos == "PROPN" and \
            tokens[position].sent == run[0].sent and \
            text[tokens[position].cend:run[0].cstart] == " ":
        run.insert(0, tokens[position])
        position -= 1
    return run


def blank_names_of_organisations(report: Report, cstart: int, text: str, site: re.Pattern,
                                 force: list[re.Pattern]) -> str:
    """``text`` (the clean text from ``cstart``) with each single site word (``site``) that
    closes a name of two or more proper nouns naming no armed force (``force``) blanked, so that
    role lookups read no site there. The text keeps its length (offsets hold)."""
    found = [match for match in site.finditer(text)
             if match.group().isalpha() and match.group()[:1].isupper()]
    if not found:
        return text
    tokens = report.tokens
    blanked = list(text)
    for match in found:
        index = bisect_left(tokens, cstart + match.start(), key=lambda token: token.cstart)
        if index >= len(tokens) or tokens[index].cstart != cstart + match.start() or \
                tokens[index].cend != cstart + match.end() or tokens[index].pos != "PROPN":
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following is not None and following.pos == "PROPN" and \
                following.cstart == tokens[index].cend + 1:
            continue  # not the name's last word ("Post Office Road")
        run = _name_before(tokens, index, report.text)
        name = " ".join(token.text for token in run[:-1])
        if len(run) < 2 or any(pattern.search(name) for pattern in force):
            continue
        blanked[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(blanked)
