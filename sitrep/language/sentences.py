"""Rule-based sentence boundaries over the tokens of news text.

A boundary falls after sentence-final punctuation (plus any closing quotes or brackets) when the
next token can start a sentence, and at line breaks that end a paragraph, a title, a dateline or a
list item. Abbreviations ("Gen.", "Dec.", "U.S.") end a sentence only before a word that usually
starts one ("... in the U.S. The army ..."). A sentence longer than ``max_tokens`` is split at its
last semicolon, else its last comma or conjunction, else hard, and keeps the reason — the parser's
time grows with sentence length and a flattened table or a 20,000-word run-on must not stall it.
"""

from __future__ import annotations

from .tokenize import TITLE_ABBREVIATIONS

__all__ = ["split_sentences"]

_FINAL = frozenset({".", "!", "?"})
_CLOSING = frozenset({'"', "'", "”", "’", ")", "]", "»"})
# Words that start a sentence after an ambiguous abbreviation ("... in the U.S. The ...").
_STARTERS = frozenset("""
the a an he she it they we i you this that these those there his her its their our but and
in on at after before when while however meanwhile yet so if as since although though
according officials police witnesses residents
""".split())
_SOFT_BREAKS = frozenset({",", "and", "but", "while", "as", "which", "who", "where", "when",
                          "after", "before", "-", "--", "–", "—"})


def split_sentences(text: str, tokens: list[tuple[int, int]],
                    max_tokens: int = 150) -> list[tuple[int, int, str | None]]:
    """Sentences as token-index ranges ``(first, last + 1, reason)``."""
    sentences: list[tuple[int, int, str | None]] = []
    first = 0
    count = len(tokens)
    index = 0
    while index < count:
        end = _sentence_end(text, tokens, index)
        if end is not None:
            sentences.extend(_cap(text, tokens, first, end, max_tokens))
            first = end
            index = end
            continue
        index += 1
    if first < count:
        sentences.extend(_cap(text, tokens, first, count, max_tokens))
    return sentences


def _sentence_end(text: str, tokens: list[tuple[int, int]], index: int) -> int | None:
    """If a sentence ends with token ``index`` (and any closers after it), the next index."""
    start, end = tokens[index]
    word = text[start:end]
    last = len(tokens) - 1
    if index == last:
        return None
    nxt = index + 1
    gap = text[end:tokens[nxt][0]]
    if "\n" in gap and _breaks_line(text, word, gap, tokens[nxt]):
        return nxt
    if word == "." and index and _list_number(text, tokens[index - 1]):
        return None                                 # "1. Ten soldiers ...": a list item's number
    final = word[-1] in _FINAL and (len(word) == 1 or not word[:-1].replace(".", "").isalpha()
                                    or word in ("...",))
    abbreviation = not final and word.endswith(".") and len(word) > 1
    if not (final or abbreviation):
        return None
    # Closing quotes and brackets glued to the punctuation belong to this sentence.
    while nxt <= last and text[tokens[nxt][0]:tokens[nxt][1]] in _CLOSING \
            and tokens[nxt][0] == tokens[nxt - 1][1]:
        nxt += 1
    if nxt > last:
        return None
    if nxt > index + 1 and "\n" in text[tokens[nxt - 1][1]:tokens[nxt][0]]:
        return nxt
    following = text[tokens[nxt][0]:tokens[nxt][1]]
    if abbreviation:
        stem = word[:-1].lower()
        if stem in TITLE_ABBREVIATIONS or len(stem) == 1:
            return None
        return nxt if following.lower() in _STARTERS and following[0].isupper() else None
    if tokens[nxt][0] == tokens[nxt - 1][1]:        # "3.5", "e.g.x": no space, no boundary
        return None
    # Upper case, digits, quotes, bullets and caseless scripts (Arabic, CJK) may start one.
    return None if following[0].islower() else nxt


def _list_number(text: str, token: tuple[int, int]) -> bool:
    """Is ``token`` a one- or two-digit number opening its line ("1.", "12.")?"""
    start, end = token
    if not (text[start:end].isdigit() and end - start <= 2):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _breaks_line(text: str, word: str, gap: str, following: tuple[int, int]) -> bool:
    """Is a line break between ``word`` and the next token a sentence boundary?"""
    if gap.count("\n") > 1:
        return True
    nxt = text[following[0]]
    # A wrapped line: the sentence continues in lower case after a word or comma.
    return not (nxt.islower() and (word[-1].isalnum() or word == ","))


def _cap(text: str, tokens: list[tuple[int, int]], first: int, end: int,
         max_tokens: int) -> list[tuple[int, int, str | None]]:
    """Split ``first:end`` into pieces of at most ``max_tokens`` tokens, saying why."""
    pieces: list[tuple[int, int, str | None]] = []
    while end - first > max_tokens:
        limit = first + max_tokens
        cut, why = None, "hard cut"
        for index in range(limit - 1, first + max_tokens // 2, -1):
            if text[tokens[index][0]:tokens[index][1]] == ";":
                cut, why = index + 1, "split at ';'"
                break
        if cut is None:
            for index in range(limit - 1, first + max_tokens // 2, -1):
                if text[tokens[index][0]:tokens[index][1]].lower() in _SOFT_BREAKS:
                    cut, why = index + 1, "split at a comma or conjunction"
                    break
        cut = cut or limit
        pieces.append((first, cut, f"over {max_tokens} tokens: {why}"))
        first = cut
    if first < end:
        pieces.append((first, end, pieces[-1][2] if pieces else None))
    return pieces
