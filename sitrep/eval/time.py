"""`sitrep eval time --timeml DIR`: time expressions scored the way TempEval-3 scores them.

Each ``*.tml`` file under DIR is read as TimeML: the text inside ``<TEXT>`` with its inline
``<TIMEX3>`` tags removed is what sitrep analyses, the tags are the gold expressions, and the
value of the ``<DCT>`` TIMEX3 is the reference date. As in TempEval-3, the document-creation-time
TIMEX3 (``functionInDocument="CREATION_TIME"``) is not scored.

Scores (TempEval-3, UzZaman et al. 2013): strict span match (same start and end), relaxed span
match (any overlap, each expression matched at most once), and value F1, where a system
expression counts if it matches a gold one relaxedly *and* has the same value: precision over
all system expressions, recall over all gold ones.
"""

from __future__ import annotations

import html
import re
import sys
import time as clock
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Report
from ..time.stage import ResolveTimes

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDocument:
    id: str
    text: str
    reference: date | None
    times: list[GoldTime]


def read_timeml(path: Path) -> TimeMLDocument:
    """The plain text of ``<TEXT>``, its TIMEX3 annotations (offsets into that text) and the DCT."""
    source = path.read_text(encoding="utf-8")
    reference = None
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    if dct:
        value = dict(_ATTRIBUTE.findall(dct.group(1))).get("value", "")
        try:
            reference = date.fromisoformat(value[:10])
        except ValueError:
            reference = None
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    inner = body.group(1) if body else ""
    parts: list[str] = []
    length = 0
    times: list[GoldTime] = []
    open_timex: tuple[int, dict] | None = None
    position = 0
    for tag in _TAG.finditer(inner):
        piece = html.unescape(inner[position:tag.start()])
        parts.append(piece)
        length += len(piece)
        position = tag.end()
        closing, name = tag.group(1), tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif open_timex:
            start, attributes = open_timex
            open_timex = None
            if attributes.get("functionInDocument") == "CREATION_TIME":
                continue
            text = "".join(parts)[start:length]
            times.append(GoldTime(start, length, text, attributes.get("type", ""),
                                  attributes.get("value", "")))
    parts.append(html.unescape(inner[position:]))
    return TimeMLDocument(path.stem, "".join(parts), reference, times)


@dataclass(slots=True)
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def scores(self, matched: int) -> tuple[float, float, float]:
        precision = matched / self.system if self.system else 0.0
        recall = matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def score_document(gold: list[GoldTime], system: list, tally: Tally,
                   errors: list[str] | None = None) -> None:
    """Add one document's matches to ``tally``; ``errors`` collects readable misses if given."""
    tally.gold += len(gold)
    tally.system += len(system)
    used: set[int] = set()
    for expected in gold:
        match_index = None
        for index, found in enumerate(system):
            if index not in used and found.start < expected.end and expected.start < found.end:
                match_index = index
                if found.start == expected.start and found.end == expected.end:
                    break
        if match_index is None:
            if errors is not None:
                errors.append(f"MISSED  {expected.text!r} {expected.type} {expected.value}")
            continue
        used.add(match_index)
        found = system[match_index]
        tally.relaxed += 1
        tally.strict += found.start == expected.start and found.end == expected.end
        tally.type += found.type == expected.type
        if found.value == expected.value:
            tally.value += 1
        elif errors is not None:
            errors.append(f"VALUE   {expected.text!r} gold {expected.type} {expected.value} | "
                          f"sitrep {found.text!r} {found.type} {found.value} ({found.reason})")
    if errors is not None:
        for index, found in enumerate(system):
            if index not in used:
                errors.append(f"SPURIOUS {found.text!r} {found.type} {found.value} ({found.reason})")


def evaluate(directory: Path, errors: list[str] | None = None) -> tuple[Tally, int, float]:
    """Score the ResolveTimes stage on every TimeML file under ``directory``."""
    stage = ResolveTimes()
    tally = Tally()
    files = sorted(directory.rglob("*.tml"))
    elapsed = 0.0
    for path in files:
        document = read_timeml(path)
        report = Report(id=document.id, raw=document.text, published=document.reference)
        started = clock.process_time()
        stage(report)
        elapsed += clock.process_time() - started
        if errors is not None:
            errors.append(f"== {path.name} (DCT {document.reference})")
        score_document(document.times, report.times, tally, errors)
    return tally, len(files), elapsed


def add_arguments(parser) -> None:
    parser.add_argument("--timeml", required=True, type=Path, metavar="DIR",
                        help="a directory of TimeML (.tml) files, e.g. ../shared/data/tempeval3-tbaq")
    parser.add_argument("--errors", action="store_true",
                        help="also print every miss, spurious expression and wrong value")


def run(args) -> int:
    directory: Path = args.timeml
    if not directory.is_dir():
        print(f"sitrep eval time: {directory} is not a directory", file=sys.stderr)
        return 2
    errors: list[str] | None = [] if args.errors else None
    tally, documents, elapsed = evaluate(directory, errors)
    if errors is not None:
        print("\n".join(errors))
    if documents == 0:
        print(f"sitrep eval time: no .tml files under {directory}", file=sys.stderr)
        return 2
    print(f"documents {documents}  gold {tally.gold}  system {tally.system}")
    for label, matched in (("strict span", tally.strict), ("relaxed span", tally.relaxed),
                           ("value", tally.value), ("type", tally.type)):
        precision, recall, f1 = tally.scores(matched)
        print(f"{label:<13} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    rate = documents / elapsed if elapsed else float("inf")
    print(f"speed         {rate:,.0f} documents/s per core (resolve_times alone, CPU time)")
    return 0
