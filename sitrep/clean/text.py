"""Cleaning one text: furniture lines, the dateline and repeated or truncated passages removed,
spaces collapsed — with a character-exact map back to the raw text.

:func:`clean_text` is pure (a string in, a :class:`Cleaned` out) and idempotent: cleaning its
output again changes nothing (tests/test_clean_properties.py shows it).

Units. The text is split into lines, and lines into sentence-sized units at ". " boundaries. A
unit whose matching key (case-folded, spaces collapsed, quotes unified) was already kept is a
repeat; a unit that is the beginning of a kept one ("It followed the surprise seizure of the ...")
is a truncated repeat. Short units (headings, "Aleppo.") are removed as repeats only inside a run
of repeats, so a repeated block goes whole while a legitimately repeated short line stays.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

import numpy as np

from .boilerplate import Dateline, find_dateline, furniture_reason, is_link_line, starts_link_list
from .normalize import POSITION_DTYPE, as_positions, match_key, normalize_chars

__all__ = ["Cleaned", "Removal", "clean_text"]

# A unit this long (in characters of its key) is specific enough that a second exact copy is a
# repeat wherever it stands, and that a copy of its beginning is a truncated repeat. 40 characters
# is about seven words: the shortest sentence of the seed's repeated body has 90.
_REPEAT_MIN_CHARS = 40
# A truncated copy ending in an ellipsis ("Fighters from the IS militant group have…") is a
# repeat from this length on.
_ELLIPSIS_MIN_CHARS = 20
# How many of the first report lines may open with the dateline (title and standfirst come first).
_DATELINE_LINES = 4

_UNIT_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
# The word before a ". " that ends an abbreviation rather than a sentence. (Found on GeoWebNews
# text: "killed around 5 p.m. Wednesday in Crown Heights" split at "p.m." made the rest of two
# different sentences a false repeat.)
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(]))(?:[ap]\.m\.|[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|"
    r"Gen\.|Col\.|Lt\.|Sgt\.|Capt\.|Maj\.|Gov\.|Sen\.|Rep\.|Rev\.|Prof\.|No\.|Jan\.|Feb\.|"
    r"Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|vs\.|Inc\.|Corp\.|Ltd\.|Co\.|Jr\.|Sr\.)$")
_ELLIPSIS = re.compile(r"\s*(\.\.\.|\u2026)\s*$")
_LEADING_ELLIPSIS = re.compile(r"^\s*(\.\.\.|\u2026)\s*")
_ELLIPSES = ("...", "\u2026")  # keys are trimmed: only a key ending (starting) so has one to cut
_SPACE_RUN = re.compile(r"\s+")
# A line ending in one of these may end a paragraph; any other line followed by a line that
# starts in lower case was wrapped mid-sentence ("...the city\nwas shelled") and is joined.
_LINE_END = frozenset(".!?:;\"')]\u2026")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # anything but single plain spaces


@dataclass(frozen=True, slots=True)
class Removal:
    """Raw characters ``start:end`` left out of the clean text, and why."""

    start: int
    end: int
    reason: str


@dataclass
class Cleaned:
    """Clean text, ``offsets[i]`` = raw index of clean character ``i`` (plus an end sentinel)."""

    text: str
    offsets: array
    removed: list[Removal] = field(default_factory=list)
    dateline: Dateline | None = None
    dateline_start: int | None = None  # raw offsets of the dateline
    dateline_end: int | None = None
    joined: int = 0  # wrapped lines joined (a later pass sees fewer lines)
    settled: bool = False  # a pass over ``text`` is known to change nothing (see _settled)


@dataclass(slots=True)
class _Unit:
    start: int  # normalised-text offsets, spaces trimmed
    end: int
    line: int
    key: str
    keep: bool = True
    reason: str | None = None


def _lines(norm: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``norm`` with its surrounding spaces trimmed."""
    lines = []
    position = 0
    for part in norm.split("\n"):
        stripped = part.strip()
        if stripped:
            start = position + (len(part) - len(part.lstrip()))
            lines.append((start, start + len(stripped)))
        else:
            lines.append((position, position))
        position += len(part) + 1
    return lines


def _split_units(norm: str, start: int, end: int, line: int) -> list[_Unit]:
    units = []
    cursor = start
    for match in _UNIT_BREAK.finditer(norm, start, end):
        if _ABBREVIATION.search(norm, max(cursor, match.start() - 12), match.start()):
            continue  # "5 p.m. Wednesday", "Mr. Smith", "U.S. troops": no sentence ends here
        units.append(_Unit(cursor, match.start(), line, match_key(norm[cursor:match.start()])))
        cursor = match.end()
    units.append(_Unit(cursor, end, line, match_key(norm[cursor:end])))
    return units


def _mark_furniture(norm: str, lines: list[tuple[int, int]]) -> dict[int, str]:
    """Line index -> reason, for lines that are page furniture (and links lists)."""
    furniture: dict[int, str] = {}
    in_list = False
    for index, (start, end) in enumerate(lines):
        if start == end:
            in_list = False  # a blank line ends a links list
            continue
        line = " ".join(norm[start:end].split())  # the line is trimmed: same as \s+ -> " "
        if in_list and is_link_line(line):
            furniture[index] = "related links"
            continue
        in_list = starts_link_list(line)
        reason = "related links" if in_list else furniture_reason(line)
        if reason:
            furniture[index] = reason
    return furniture


def _mark_repeats(units: list[_Unit]) -> None:
    kept_keys: set[str] = set()
    by_head: dict[str, list[str]] = {}  # first 20 key chars -> kept keys, for prefix tests
    by_tail: dict[str, list[str]] = {}  # last 20 key chars -> kept keys, for suffix tests
    short_copies: list[int] = []  # short units seen before, kept for now
    previous_repeat = False
    for index, unit in enumerate(units):
        if not unit.keep:
            continue
        key = unit.key
        reason = None
        if key in kept_keys and (len(key) >= _REPEAT_MIN_CHARS or previous_repeat):
            reason = "repeated passage"
        else:
            bare = _ELLIPSIS.sub("", key) if key.endswith(_ELLIPSES) else key
            minimum = _ELLIPSIS_MIN_CHARS if bare != key else _REPEAT_MIN_CHARS
            if len(bare) >= minimum and any(
                    kept.startswith(bare) and kept != bare for kept in by_head.get(bare[:20], ())):
                reason = "truncated repeat"
            else:  # a copy cut at its start: "...of the central Syrian city, officials said."
                bare = _LEADING_ELLIPSIS.sub("", key) if key.startswith(_ELLIPSES) else key
                minimum = _ELLIPSIS_MIN_CHARS if bare != key else _REPEAT_MIN_CHARS
                if len(bare) >= minimum and any(kept.endswith(bare) and kept != bare
                                                for kept in by_tail.get(bare[-20:], ())):
                    reason = "truncated repeat"
        if reason:
            unit.keep, unit.reason = False, reason
            previous_repeat = True
            continue
        previous_repeat = False
        if key in kept_keys:
            short_copies.append(index)
            continue
        kept_keys.add(key)
        if len(key) >= _ELLIPSIS_MIN_CHARS:
            by_head.setdefault(key[:20], []).append(key)
            by_tail.setdefault(key[-20:], []).append(key)
    # a short copy that opens a repeated block ("Background" before the repeated paragraphs)
    # goes with the block; walking backwards takes runs of such headings
    for index in reversed(short_copies):
        following = next((u for u in units[index + 1:]
                          if u.keep or u.reason in _REPEAT_REASONS), None)
        if following is not None and following.reason in _REPEAT_REASONS:
            units[index].keep, units[index].reason = False, "repeated passage"


_REPEAT_REASONS = ("repeated passage", "truncated repeat")


def clean_text(raw: str) -> Cleaned:
    """The clean text of ``raw`` with its offset map, what was removed, and the dateline.

    One pass can reveal work for another (a dateline that only becomes one of the first lines
    once a repeated block above it is gone), so passes run until the text stops changing; each
    pass only shortens the text, so this ends, and usually the second pass changes nothing.
    """
    cleaned = _clean_once(raw)
    # a pass that removed and joined nothing only normalised characters and spaces: the next
    # pass sees the same lines and units and changes nothing; nor does it after a pass that is
    # known to have settled (most pages: only the dateline or furniture lines went)
    while (cleaned.removed or cleaned.joined) and not cleaned.settled:
        again = _clean_once(cleaned.text)
        if again.text == cleaned.text:
            return cleaned
        cleaned = _compose(cleaned, again)
    return cleaned


def _compose(first: Cleaned, second: Cleaned) -> Cleaned:
    """``second`` (a cleaning of ``first.text``) expressed in the raw offsets of ``first``."""
    outer = first.offsets

    def raw_range(start: int, end: int) -> tuple[int, int]:
        return outer[start], outer[end - 1] + 1

    inner = np.frombuffer(second.offsets, POSITION_DTYPE)[:-1]
    mapped = np.frombuffer(outer, POSITION_DTYPE)[inner]
    offsets = as_positions(np.append(mapped, int(mapped[-1]) + 1 if len(mapped) else 0))
    removed = list(first.removed)
    for removal in second.removed:
        start, end = raw_range(removal.start, removal.end)
        removed.append(Removal(start, end, removal.reason))
    dateline, start, end = first.dateline, first.dateline_start, first.dateline_end
    if dateline is None and second.dateline is not None:
        dateline = second.dateline
        start, end = raw_range(second.dateline_start, second.dateline_end)
    return Cleaned(second.text, offsets, sorted(removed, key=lambda r: r.start), dateline,
                   start, end, joined=second.joined)


def _clean_once(raw: str) -> Cleaned:
    norm, positions = normalize_chars(raw)
    lines = _lines(norm)
    furniture = _mark_furniture(norm, lines)
    units: list[_Unit] = []
    for index, (start, end) in enumerate(lines):
        if start == end:
            continue
        if index in furniture:
            units.append(_Unit(start, end, index, "", keep=False, reason=furniture[index]))
        else:
            units.extend(_split_units(norm, start, end, index))

    dateline, dateline_start, dateline_unit = None, None, None
    for unit in [u for u in units if u.keep][:_DATELINE_LINES]:
        if unit.start == lines[unit.line][0]:
            found = find_dateline(norm[unit.start:unit.end])
            if found:
                dateline, dateline_start, dateline_unit = found, unit.start, unit
                unit.start += found.length
                unit.key = match_key(norm[unit.start:unit.end])
                break
    _mark_repeats(units)
    cleaned = _assemble(raw, norm, positions, lines, units, dateline, dateline_start)
    cleaned.settled = not cleaned.joined and _settled(norm, lines, units, dateline_unit)
    return cleaned


def _settled(norm: str, lines: list[tuple[int, int]], units: list[_Unit],
             dateline_unit: _Unit | None) -> bool:
    """Whether a second pass over this pass's output (which joined no lines) would change
    nothing, so that :func:`clean_text` can skip it: on the 2,000 pages of ``make bench``, 1,401
    first passes removed something and 1,371 of them settled (most lose only their dateline);
    skipping the second pass took a third off the cleaning time.

    Without repeats removed or double spaces collapsed, the output is the kept lines, whole and
    unchanged, except the dateline's line, which lost its dateline. A second pass then splits
    the same units with the same keys, finds no repeat among them, joins nothing, and sees every
    unchanged line as this pass did (a kept line is not furniture, and after it no links list
    is open). What it may still do: take the rest of the dateline's line for furniture, or find
    a dateline at the start of one of its first units (the rest of this one's line among them).
    Both are checked here; when either might happen, the second pass runs.
    """
    if "  " in norm or any(unit.reason in _REPEAT_REASONS for unit in units):
        return False
    for unit in [u for u in units if u.keep][:_DATELINE_LINES]:
        at_line_start = unit is dateline_unit or unit.start == lines[unit.line][0]
        if at_line_start and find_dateline(norm[unit.start:unit.end]):
            return False
    if dateline_unit is not None:
        rest = norm[dateline_unit.start:lines[dateline_unit.line][1]]
        if starts_link_list(rest) or furniture_reason(rest):
            return False
    return True


def _assemble(raw, norm, positions, lines, units, dateline, dateline_start) -> Cleaned:
    pieces: list[str] = []
    # the clean text's characters come from runs of the normalised text: run i covers
    # normalised indexes run_starts[i] .. run_starts[i] + run_lengths[i]; the index map is built
    # from the runs in one numpy pass, not character by character
    run_starts: list[int] = []
    run_lengths: list[int] = []
    removed: list[Removal] = []
    last: _Unit | None = None
    joined = 0
    for unit in units:
        if not unit.keep:
            removed.append(Removal(positions[unit.start], positions[unit.end - 1] + 1,
                                   unit.reason or "removed"))
            continue
        if last is not None:
            if last.line == unit.line:
                separator, at = " ", [last.end]
            else:
                breaks = [m.start() for m in _NEWLINE.finditer(norm, last.end, unit.start)]
                blank = any(lines[i][0] == lines[i][1] for i in range(last.line + 1, unit.line))
                at = breaks[:2] if blank and len(breaks) > 1 else breaks[:1]
                separator = "\n" * len(at)
                if not blank and norm[last.end - 1] not in _LINE_END and norm[unit.start].islower():
                    separator = " "  # a hard-wrapped line (or an inserted line) goes on here
                    joined += 1
            pieces.append(separator)
            run_starts.extend(at)
            run_lengths.extend([1] * len(at))
        # a unit has no space at either end; runs of spaces inside become one " " that maps to
        # the run's first character
        cursor = unit.start
        if _ODD_SPACE.search(norm, unit.start, unit.end):
            for match in _SPACE_RUN.finditer(norm, unit.start, unit.end):
                pieces.append(norm[cursor:match.start()])
                pieces.append(" ")
                run_starts.append(cursor)
                run_lengths.append(match.start() + 1 - cursor)
                cursor = match.end()
        pieces.append(norm[cursor:unit.end])
        run_starts.append(cursor)
        run_lengths.append(unit.end - cursor)
        last = unit
    dateline_range = None
    if dateline is not None:
        dateline_range = (positions[dateline_start],
                          positions[dateline_start + dateline.length - 1] + 1)
        removed.append(Removal(*dateline_range, "dateline"))
    removed = _merge_adjacent(raw, sorted(removed, key=lambda r: r.start))
    text = "".join(pieces)
    index_map = _index_map(run_starts, run_lengths)
    mapped = index_map if norm is raw else np.frombuffer(positions, POSITION_DTYPE)[index_map]
    end = int(mapped[-1]) + 1 if len(mapped) else 0
    offsets = as_positions(np.append(mapped, end))
    return Cleaned(text, offsets, removed, dateline, *(dateline_range or (None, None)),
                   joined=joined)


_NEWLINE = re.compile("\n")


def _index_map(starts: list[int], lengths: list[int]) -> np.ndarray:
    """The concatenation of ``range(start, start + length)`` for each run, as one array."""
    lengths_array = np.array(lengths, dtype=POSITION_DTYPE)
    total = int(lengths_array.sum())
    if not total:
        return np.zeros(0, dtype=POSITION_DTYPE)
    # position k of the output lies in run r: its value is starts[r] + (k - first output of r)
    run_of = np.repeat(np.arange(len(lengths_array)), lengths_array)
    firsts = np.cumsum(lengths_array) - lengths_array
    return (np.array(starts, dtype=POSITION_DTYPE)[run_of]
            + np.arange(total, dtype=POSITION_DTYPE) - firsts[run_of])


def _merge_adjacent(raw: str, removed: list[Removal]) -> list[Removal]:
    """One removal for a run of units removed for the same reason (a repeated block is one span)."""
    merged: list[Removal] = []
    for removal in removed:
        if merged and merged[-1].reason == removal.reason \
                and not raw[merged[-1].end:removal.start].strip():
            merged[-1] = Removal(merged[-1].start, removal.end, removal.reason)
        else:
            merged.append(removal)
    return merged
