"""Which of many regular expressions can match a text, found without running them all.

The event coder runs 37 trigger frames, each one alternation of a few dozen phrases, over every
sentence: 37 scans of a sentence that usually holds none of their words (issue 17 measured
``detect_events`` at 35 ms per 1,000 words, most of it in those scans). A pattern can only match
where the text holds one of its possible beginnings, so a ``Prefilter`` reads from each pattern
(its parsed form) the strings any match must begin with — up to ``width`` characters, lower-cased
— and, for a text, returns the patterns one of whose beginnings occurs in it. It is a necessary
condition only: the caller still runs each candidate, so the matches are exactly those of running
every pattern. A pattern whose beginning cannot be read (a class such as ``\\w``, a non-ASCII
letter) is always a candidate. A look-behind is read past (it consumes nothing), except one that
opens the pattern at a word boundary, ``(?<=\\bair force )bombed``: its words must be in the
text, so they stand for the pattern's beginnings.

Case: a pattern's ASCII letters are compared with the lower-cased text. Under IGNORECASE four
non-ASCII letters also match ASCII ones (İ ı ſ and the Kelvin sign K); a text holding one of them
gets every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

try:                                   # Python 3.11+: the parser moved to re._parser
    from re import _parser as sre_parse
    from re import _constants as sre_constants
except ImportError:                    # pragma: no cover - Python < 3.11
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

__all__ = ["Prefilter", "beginnings"]

# more beginnings than this for one pattern and its reading stops there (a necessary condition
# still: what was read so far); classes with more characters than this are not expanded
_MAX_STRINGS = 20_000
_MAX_CLASS = 16
# grams whose patterns a Prefilter remembers, per kind, before it starts over (~50 bytes each)
_MAX_KNOWN = 100_000
# letters outside ASCII that IGNORECASE matches with ASCII ones ("ſ" with "s", "K" with "k")
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")

_LITERAL = sre_constants.LITERAL
_IN = sre_constants.IN
_BRANCH = sre_constants.BRANCH
_SUBPATTERN = sre_constants.SUBPATTERN
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_ASSERT = sre_constants.ASSERT


def _char(code: int) -> str | None:
    """The lower-cased ASCII character, or None when case folding makes it unpredictable."""
    return chr(code).lower() if code < 128 else None


def _join(heads: set[str], tails: set[str], width: int,
          done: set[str]) -> set[str]:
    """Every head followed by every tail; those reaching ``width`` go (cut) to ``done``."""
    joined: set[str] = set()
    for head in heads:
        for tail in tails:
            both = head + tail
            if len(both) >= width:
                done.add(both[:width])
            else:
                joined.add(both)
    return joined


def _read(items, width: int, at_start: bool = False) -> tuple[set[str], set[str]]:
    """``(whole, cut)`` for a parsed sequence: ``whole`` spells the entire sequence (shorter
    than ``width``), ``cut`` are beginnings where reading stopped. Any match of the sequence
    begins with one string of the union. ``at_start``: the sequence opens the pattern (nothing
    is read before it), so a look-behind there says what the text holds just before a match."""
    whole, done = {""}, set()
    for op, arg in items:
        if not whole:
            break
        opening = at_start and whole == {""} and not done
        item_whole, item_cut = _read_item(op, arg, width, opening)
        done |= _join(whole, item_cut, width, done)
        whole = _join(whole, item_whole, width, done)
        if len(whole) + len(done) > _MAX_STRINGS:
            return set(), done | whole
    return whole, done


def _read_item(op, arg, width: int, at_start: bool = False) -> tuple[set[str], set[str]]:
    stop = (set(), {""})                    # nothing more can be said from here on
    if op is _LITERAL:
        char = _char(arg)
        return ({char}, set()) if char is not None else stop
    if op is _IN:
        chars = set()
        for kind, value in arg:
            if kind is not _LITERAL or _char(value) is None:
                return stop                 # a range, a category, a negation, non-ASCII
            chars.add(_char(value))
        return (chars, set()) if len(chars) <= _MAX_CLASS else stop
    if op is _BRANCH:
        whole, cut = set(), set()
        for alternative in arg[1]:
            alt_whole, alt_cut = _read(alternative, width, at_start)
            whole |= alt_whole
            cut |= alt_cut
        return whole, cut
    if op is _SUBPATTERN:
        # flags do not matter: "(?-i:accords?)" matches fewer texts than its lower-cased
        # letters compared with the lower-cased text admit
        return _read(arg[3], width, at_start)
    if op in _REPEATS:
        low, high, body = arg
        body_whole, body_cut = _read(body, width, at_start)
        if low == high == 1:
            return body_whole, body_cut
        if low == 0 and high == 1:
            return {""} | body_whole, body_cut
        if low == 0:
            return {""}, body_whole | body_cut      # optional, then maybe repeated: cut here
        return set(), body_whole | body_cut         # at least once: begins like the body
    if op is _ASSERT and at_start and arg[0] == -1:
        return _read_look_behind(arg[1], width)
    if op in _ZERO_WIDTH:
        return {""}, set()                  # consumes nothing: skipping it only admits more
    return stop


def _read_look_behind(body, width: int) -> tuple[set[str], set[str]]:
    """A look-behind that opens the pattern, ``(?<=\\bair force )bombed``: the text holds its
    words where a match begins, so they stand for the match's own beginnings (reading stops
    there). Only one that opens at a word boundary: the look-up of patterns opening with
    ``(?<![\\w-])`` reads the text at word starts. Any other is skipped, as it consumes nothing."""
    if not len(body) or body[0] != (sre_constants.AT, sre_constants.AT_BOUNDARY):
        return {""}, set()
    whole, cut = _read(body[1:], width)
    found = whole | cut
    if not found or "" in found or not all(string[0].isalnum() for string in found):
        return {""}, set()
    return set(), found


def beginnings(pattern: re.Pattern, width: int = 4) -> tuple[frozenset[str] | None, bool]:
    """The lower-cased strings (at most ``width`` characters) one of which begins every match of
    ``pattern`` (None when no such set can be read: it may match anywhere), and whether a match
    can only begin where no word character precedes (the pattern opens with a look-behind such
    as ``(?<![\\w-])``, as every trigger frame does)."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    whole, cut = _read(parsed, width, at_start=True)
    found = whole | cut
    if not found or "" in found:
        return None, False
    return frozenset(found), _opens_at_word_start(parsed)


def _opens_at_word_start(parsed) -> bool:
    """Does the pattern open with a negative look-behind of one character that refuses every
    word character (``(?<!\\w)``, ``(?<![\\w-])``)?"""
    if not len(parsed):
        return False
    op, arg = parsed[0]
    if op is not sre_constants.ASSERT_NOT or arg[0] != -1 or len(arg[1]) != 1:
        return False
    inner_op, inner = arg[1][0]
    if inner_op is sre_constants.IN:
        return (sre_constants.CATEGORY, sre_constants.CATEGORY_WORD) in inner \
            and (sre_constants.NEGATE, None) not in inner
    return inner_op is sre_constants.CATEGORY and inner is sre_constants.CATEGORY_WORD


class Prefilter:
    """The indices of ``patterns`` that can match a text (see the module's docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern], width: int = 4) -> None:
        self.width = width
        self.count = len(patterns)
        self._always: list[int] = []
        # beginnings -> patterns, per kind of place they may begin: at a word start or anywhere;
        # those of exactly ``width`` characters are looked up in a table of the text's
        # ``width``-grams, shorter ones ("vx", "uav") by their own length
        self._tables: dict[bool, dict[str, list[int]]] = {True: {}, False: {}}
        for index, pattern in enumerate(patterns):
            found, word_start = beginnings(pattern, width)
            if found is None:
                self._always.append(index)
                continue
            table = self._tables[word_start]
            for string in found:
                members = table.setdefault(string, [])
                if not members or members[-1] != index:
                    members.append(index)
        self._lengths = {kind: sorted({len(string) for string in table})
                         for kind, table in self._tables.items()}
        self._word_starts = re.compile(r"(?<!\w)(?=(.{1,%d}))" % width, re.DOTALL)
        # a text's gram (its ``width`` letters from a place) -> the patterns one of its
        # beginnings opens, per kind: read once per gram, not once per text (below)
        self._known: dict[bool, dict[str, tuple[int, ...]]] = {True: {}, False: {}}

    def candidates(self, text: str) -> list[int]:
        """Indices (ascending) of the patterns that may match ``text``; the others cannot."""
        if not text.isascii() and not _FOLDS_TO_ASCII.isdisjoint(text):
            return list(range(self.count))
        # apart from those four letters lower() keeps every character one character long, so
        # positions (and what precedes them) are the same in the text and its lower case
        chosen = set(self._always)
        for word_start, table in self._tables.items():
            if not table:
                continue
            if word_start:
                grams = {gram.lower() for gram in self._word_starts.findall(text)}
            else:
                lowered, width = text.lower(), self.width
                grams = {lowered[start:start + width] for start in range(len(lowered))}
            known = self._known[word_start]
            if len(known) > _MAX_KNOWN:
                known.clear()
            for gram in grams:
                found = known.get(gram)
                if found is None:
                    found = known[gram] = self._opened_by(word_start, gram)
                if found:
                    chosen.update(found)
        return sorted(chosen)

    def starts(self, text: str) -> list[tuple[int, int]]:
        """``(index, position)`` of the patterns that may match ``text``, ascending by index: no
        match of the pattern begins before its position, the first place where one of its
        beginnings occurs (for a pattern whose look-behind words stand for its beginnings, where
        those words begin). The caller's scan can start there: ``pattern.finditer(text, position)``
        finds the same matches as a scan of the whole text (a look-behind still reads the text
        before the position), without trying every earlier position first."""
        if not text.isascii() and not _FOLDS_TO_ASCII.isdisjoint(text):
            return [(index, 0) for index in range(self.count)]
        first = dict.fromkeys(self._always, 0)
        for word_start, table in self._tables.items():
            if not table:
                continue
            if word_start:
                places = [(match.start(), match.group(1).lower())
                          for match in self._word_starts.finditer(text)]
            else:
                lowered, width = text.lower(), self.width
                places = [(start, lowered[start:start + width]) for start in range(len(lowered))]
            known = self._known[word_start]
            if len(known) > _MAX_KNOWN:
                known.clear()
            seen: set[str] = set()
            for position, gram in places:       # in ascending positions: the first is the earliest
                if gram in seen:
                    continue
                seen.add(gram)
                found = known.get(gram)
                if found is None:
                    found = known[gram] = self._opened_by(word_start, gram)
                for index in found:
                    if index not in first:
                        first[index] = position
        return sorted(first.items())

    def _opened_by(self, word_start: bool, gram: str) -> tuple[int, ...]:
        """The patterns of ``word_start``'s table one of whose beginnings ``gram`` starts with
        (a gram shorter than ``width`` ends the text). Reading every gram of a text against
        the table at each length was most of the time of ``candidates`` (0.09 of 0.12 s over
        3,383 HRDsAttack sentences); news repeats its grams, so each is read once."""
        table = self._tables[word_start]
        found: set[int] = set()
        for length in self._lengths[word_start]:
            found.update(table.get(gram[:length], ()))
        return tuple(sorted(found))

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_known"] = {True: {}, False: {}}    # read again where it is unpickled
        return state
