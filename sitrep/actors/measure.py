"""Actor recognition measured on PLOVER gold records (source/target actor text, code, sector).

    python -m sitrep.actors.measure ../shared/data/plover/PLOVER_GSR_CAMEO.json [--misses N]

For every gold actor (its ``actorText`` located in the record's text): *span recall* — some
recognised actor overlaps it; *country* — that actor's CAMEO code starts with the gold code
(ISO3 country, or IGO); *sector* — its CAMEO role (GOV, MIL, REB, CVL, ...) equals the gold
sector where one is given. A development set (the CAMEO manual's examples): improve the method,
never memorise its sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..language.parse import MODEL_DIR
from ..language.segment import Segment
from ..model import Report
from .stage import FindActors

__all__ = ["ActorScores", "measure"]

# PLOVER's file writes a few CAMEO country codes that differ from ISO 3166 alpha-3.
_CODE_ALIASES = {"JAP": "JPN", "ROM": "ROU", "GER": "DEU", "UK": "GBR"}


@dataclass
class ActorScores:
    gold: int = 0
    found: int = 0
    country_gold: int = 0
    country_right: int = 0
    sector_gold: int = 0
    sector_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def span_recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.country_gold if self.country_gold else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_right / self.sector_gold if self.sector_gold else 0.0

    def summary(self) -> str:
        return (f"gold actors {self.gold}; span recall {self.span_recall:.3f} ({self.found}); "
                f"country accuracy {self.country_accuracy:.3f} of {self.country_gold} found; "
                f"sector accuracy {self.sector_accuracy:.3f} of {self.sector_gold} found")


def _gold_actors(record: dict) -> list[dict]:
    actors = []
    for side in ("source", "target"):
        value = record.get(side)
        if isinstance(value, list):
            actors.extend(a for a in value if isinstance(a, dict) and a.get("actorText"))
    return actors


def measure(path: Path) -> ActorScores:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    segment, find_actors = Segment(parse=MODEL_DIR.is_dir()), FindActors()   # as the pipeline
    scores = ActorScores()
    for record in records:
        text = record.get("text")
        if not text:
            continue
        published = None
        if record.get("date"):
            published = date.fromisoformat(record["date"])
        report = find_actors(segment(Report(record["id"], text, published=published)))
        for gold in _gold_actors(record):
            start = text.find(gold["actorText"])
            if start < 0:
                continue
            end = start + len(gold["actorText"])
            scores.gold += 1
            hits = [a for a in report.actors if a.start < end and start < a.end]
            if not hits:
                scores.misses.append(f"{gold['actorText']!r} ({gold.get('code')}) in: {text}")
                continue
            scores.found += 1
            actor = hits[0]
            cameo = actor.cameo or ""
            code = _CODE_ALIASES.get(gold.get("code") or "", gold.get("code") or "")
            if code:
                scores.country_gold += 1
                scores.country_right += cameo.startswith(code)
            sector = (gold.get("sector") or "")[:3].upper()
            if sector and sector != "***":
                scores.sector_gold += 1
                scores.sector_right += cameo[3:6] == sector
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.actors.measure")
    parser.add_argument("path", type=Path, help="PLOVER_GSR_CAMEO.json")
    parser.add_argument("--misses", type=int, default=0, help="print this many missed actors")
    args = parser.parse_args(argv)
    scores = measure(args.path)
    print(scores.summary())
    for miss in scores.misses[:args.misses]:
        print("  missed", miss[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
