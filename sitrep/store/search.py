"""Full-text search over events' evidence (``sitrep events --text``), one syntax on both back ends.

The syntax is PostgreSQL's ``websearch_to_tsquery``, the one search boxes use:

    shelling Aleppo            both words (stemmed: "shelled" matches "shelling")
    "car bomb"                 the words next to each other, in that order
    airstrike OR drone         either
    protest -student           the first without the second

PostgreSQL reads it itself, over an expression index on the evidence (``postgres.py``
migration 3). SQLite's FTS5 has another syntax, so :func:`fts5_query` translates the same text
into it (``migrations.py`` migration 3 keeps the FTS5 table); both stem with Porter's English
stemmer. What still differs, at the edges: PostgreSQL drops English stop words ("the", "of")
from the query, SQLite requires them in the text.
"""

from __future__ import annotations

import re

from ..errors import UsageError

__all__ = ["SearchTerm", "parse_search", "fts5_query"]

# A quoted phrase, or a run of characters that are neither space nor quote.
_TOKEN = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"[^\W_]")  # a letter or a digit: what both tokenizers keep


class SearchTerm(tuple):
    """(negated, words): one word or a quoted phrase, perhaps with ``-`` before it."""

    def __new__(cls, negated: bool, words: tuple[str, ...]):
        return super().__new__(cls, (negated, words))

    @property
    def negated(self) -> bool:
        return self[0]

    @property
    def words(self) -> tuple[str, ...]:
        return self[1]


def parse_search(text: str) -> list[list[SearchTerm]]:
    """The alternatives (separated by OR) of the search, each a list of terms all of which
    must hold. Raises :class:`UsageError` for a search that cannot select anything sensibly:
    no word at all, or an alternative made only of negated terms (which would list nearly
    every event; FTS5 cannot express it either)."""
    alternatives: list[list[SearchTerm]] = [[]]
    for match in _TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if bare is not None and bare.casefold() == "or":
            if alternatives[-1]:  # "OR" at the start, or twice, is a word PostgreSQL ignores
                alternatives.append([])
            continue
        negated = False
        if bare is not None and bare.startswith("-"):
            negated, bare = True, bare[1:]
        elif phrase is not None and text[max(match.start() - 1, 0):match.start()] == "-":
            negated = True
        words = tuple(word for word in re.split(r"[^\w]+", phrase if phrase is not None
                                                 else bare) if _WORD.search(word))
        if words:
            alternatives[-1].append(SearchTerm(negated, words))
    alternatives = [terms for terms in alternatives if terms]
    if not alternatives:
        raise UsageError(f"the text search {text[:80]!r} has no words to look for", "E208")
    for terms in alternatives:
        if all(term.negated for term in terms):
            raise UsageError(f"the text search {text[:80]!r} has an alternative with only "
                             "excluded words (-word); name a word to look for too", "E208")
    return alternatives


def fts5_query(text: str) -> str:
    """``text`` (websearch syntax) as an SQLite FTS5 query with the same meaning.

    Every word goes in double quotes, so FTS5's own operators and punctuation in the user's
    text are only words; ``-term`` becomes FTS5's binary ``NOT`` after the alternative's wanted
    terms (FTS5 binds NOT tighter than AND and AND tighter than OR, as PostgreSQL binds ``!``,
    ``&`` and ``|``).
    """
    parts = []
    for terms in parse_search(text):
        wanted = " ".join(_phrase(term.words) for term in terms if not term.negated)
        unwanted = "".join(f" NOT {_phrase(term.words)}" for term in terms if term.negated)
        parts.append(wanted + unwanted)
    return " OR ".join(f"({part})" for part in parts)


def _phrase(words: tuple[str, ...]) -> str:
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'
