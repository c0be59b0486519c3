"""Organisations a sentence names that the actor dictionary does not know: unions, associations,
committees, farmers' and students' bodies ("Members of the Punjab Sikhya Providers' Union",
"the All Adivasi Students' Association of Assam (AASAA)"). ACLED codes the body a crowd belongs
to as the protest's associated actor, under its name as the report writes it, with its acronym
first when the report gives one ("AASAA: All Adivasi Students' Association of Assam"). Used by
``conventions.py`` for protests and riots only: elsewhere such a name says little of who acted.
"""

from __future__ import annotations

import re

from ..model import Actor, Span

__all__ = ["named_organisations"]

# the words that head the name of an unarmed organisation; bodies of the state ("Council",
# "Commission", "Corporation") and armed ones ("Front", "Army") are left out
_HEADS = frozenset("""union unions association associations federation confederation samiti
    samithi sangh sangha sangathan committee forum manch morcha movement alliance society
    parishad organisation organization league""".split())
# words joining the capitalised words of one name ("Jammu and Kashmir", "Federation of All")
_JOINERS = frozenset({"of", "and", "for", "the", "&"})
# a capitalised word that opens a sentence or a phrase, not a name
_NOT_FIRST = frozenset({"the", "a", "an", "members", "member", "activists", "workers", "leaders",
                        "cadres", "supporters", "students", "farmers", "employees", "teachers",
                        "residents", "villagers", "protesters", "state", "district",
                        "government", "municipal", "city", "local", "on", "in", "at", "after",
                        "during", "police"})
_LOCATIVE = re.compile(r"\b(?:at|in|near|under|from)\s+(?:the\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w’'-]*|\(|\)|[^\w\s]")
_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z-]{1,9})\)")


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_head(word: str) -> bool:
    return word.lower() in _HEADS


def _opened_by_its_head(words: list[tuple[int, int, str]], index: int, end: int) -> bool:
    """Whether ``words[index:end]`` is a name that opens with its organisation word and "of"
    followed by at least two capitalised words ("Federation of General Workers Myanmar",
    "Confederation of Turkish Revolutionary Trade Unions"); not "Union of India", "Union of
    Journalists" (a state's name, a body named by one word that may be a country)."""
    if index + 1 >= end or words[index + 1][2].lower() != "of":
        return False
    return sum(_capitalised(word) for _, _, word in words[index + 2:end]) >= 2


def named_organisations(span: Span) -> list[Actor]:
    """The organisations of one sentence (raw offsets of ``span``), each an :class:`Actor`
    named as ACLED writes it, with no inter code (it takes its crowd's)."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(span.text)]
    found: list[Actor] = []
    index = 0
    while index < len(words):
        if not _capitalised(words[index][2]) or words[index][2].lower() in _NOT_FIRST:
            index += 1
            continue
        end, last_head = index, None
        while end < len(words):
            word = words[end][2]
            if _capitalised(word) and word[0].isalpha():
                if _is_head(word):
                    last_head = end
                end += 1
            elif word.lower() == "and" and last_head is not None:
                break           # "the X Association and the Y Union": two bodies
            elif word.lower() in _JOINERS and end + 1 < len(words) and \
                    _capitalised(words[end + 1][2]):
                end += 1
            else:
                break
        if last_head == index and _opened_by_its_head(words, index, end):
            last_head = end - 1     # "Federation of General Workers Myanmar": named after "of"
        if last_head is None or last_head == index:
            index = max(end, index + 1)
            continue
        while _is_head(words[index][2]) and index < last_head and \
                words[index + 1][2].lower() != "of":
            index += 1          # "employees' Union Sarv Karamchari Sangh": the name follows
        stop = last_head
        acronym = _ACRONYM.match(span.text, words[end - 1][1]) if end > last_head + 1 else \
            _ACRONYM.match(span.text, words[last_head][1])
        if end > last_head + 1 and (acronym or words[last_head + 1][2].lower() == "of"):
            stop = end - 1      # "Sarv Karamchari Sangh Haryana (SKSH)", "Union of Journalists"
        if _LOCATIVE.search(span.text[:words[index][0]]):
            index = end         # "at Pirojpur Union": a place (Bangladesh's unions are areas)
            continue
        start, stop_at = words[index][0], words[stop][1]
        name = span.text[start:stop_at]
        if acronym:
            name = f"{acronym.group(1)}: {name}"
        found.append(Actor(span.start + start, span.start + stop_at, span.text[start:stop_at],
                           name=name, type="Organisation",
                           reason="an organisation the report names, not in the dictionary"))
        index = end
    return found
