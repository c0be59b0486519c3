"""Why each required event is missed, out of fold: the recall side of ``assess_oof``.

    python -m sitrep.events.assess_misses --data ../shared/data/hrdsattack [--folds 5]
        [--seeds 0,1,2] [--list]
    python -m sitrep.events.assess_misses --gold ../shared/data/articles

Every article is run as ``assess_oof`` runs it (the recipe trained on the other folds judges it);
each required gold event that the output does not find (no asserted prediction of its ACLED
type overlapping its evidence, as ``sitrep eval articles`` scores) is put in the first class
that fits, following the mention through the stages:

- ``no trigger``: no trigger word of the lexicon in the gold's evidence sentences;
- ``trigger, no mention``: trigger words there, but ``detect_events`` coded no mention (a kind
  of thing, a charge, a name, a commentator's view ...);
- ``other type``: mentions only of other ACLED types (``detail``: which) or PLOVER-only;
- ``not asserted``: a mention of the gold's type, but the rules made every one denied,
  hypothetical, future or uncertain (``detail``: the modality and its cue);
- ``model dropped`` / ``rule dropped``: asserted mentions of the type, all dropped by
  ``assess_events`` (the model, or the anchor rule for kinds the model does not judge);
- ``folded``: a mention of the type survived ``assess_events`` but the output has none over the
  evidence (``merge_events`` folded it into an event of another type: ``detail``).

``--data`` reads the allowed tuning set (HRDsAttack's annotated articles), and ``--list`` prints
each miss with its evidence to read. ``--gold DIR`` classifies the misses of the shipped model on
a gold folder of ``sitrep eval articles`` and prints the counts only: a measuring set says
where its misses stand, never what its articles say.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..eval.articles import _touches
from ..model import Event
from .assess_oof import _Tail, folds_of, gold_articles
from .train_assess import L2, dated_reports, label_candidates, train

__all__ = ["Miss", "classify_miss", "misses", "shipped_misses", "main"]

CLASSES = ("no trigger", "trigger, no mention", "other type", "not asserted", "model dropped",
           "rule dropped", "folded")


@dataclass(frozen=True, slots=True)
class Miss:
    article: str
    event_type: str
    why: str        # one of CLASSES
    detail: str
    evidence: str


def _as_dicts(events) -> list[dict]:
    return [event.to_dict() if isinstance(event, Event) else event for event in events]


def classify_miss(gold: dict, detected: list[Event], judged: list[Event], output: list[dict],
                  trigger_read: bool, is_judged=lambda event: True) -> tuple[str, str]:
    """(class, detail) of a required ``gold`` event (with ``_spans``) that ``output`` (contract
    events) misses; ``detected``: the mentions before ``assess_events``, ``judged``: after it;
    ``trigger_read``: whether a trigger word stands in the gold's evidence; ``is_judged``: whether
    the model judges a mention's kind (``AssessEvents.judges``)."""
    spans = gold["_spans"]
    wanted = gold.get("event_type")
    over = [(event, data) for event, data in zip(detected, _as_dicts(detected))
            if _touches(data, spans)]
    if not over:
        return ("trigger, no mention", "") if trigger_read else ("no trigger", "")
    same = [event for event, _ in over if event.event_type == wanted]
    if not same:
        kinds = Counter(event.event_type or f"PLOVER {event.plover_type}" for event, _ in over)
        return "other type", ", ".join(f"{kind} x{n}" if n > 1 else kind
                                       for kind, n in kinds.most_common())
    asserted = [event for event in same if event.modality == "asserted"]
    if not asserted:
        cues = Counter(f"{event.modality}: {event.modality_cue}" for event in same)
        return "not asserted", "; ".join(cue for cue, _ in cues.most_common())
    kept = [data for data in _as_dicts(judged)
            if data.get("event_type") == wanted and data.get("modality") == "asserted"
            and _touches(data, spans)]
    if not kept:
        return ("model dropped" if any(is_judged(event) for event in asserted) else
                "rule dropped", asserted[0].sub_event_type or "")
    into = Counter(event.get("event_type") or f"PLOVER {event.get('plover_type')}"
                   for event in output if event.get("modality") == "asserted"
                   and _touches(event, spans))
    return "folded", ", ".join(into) or "no asserted event over the evidence"


class _Watched:
    """A stage that records the events it hands on."""

    def __init__(self, stage, seen: list) -> None:
        self.stage, self.seen, self.name = stage, seen, stage.name

    def __call__(self, report):
        report = self.stage(report)
        self.seen[:] = list(report.events)
        return report


def _trigger_read(detect, report, spans) -> bool:
    for sentence in report.sentences:
        if any(sentence.start < end and start < sentence.end for start, end in spans):
            if detect._triggers(report.text[sentence.cstart:sentence.cend]):
                return True
    return False


def _classified(report, article, tail: _Tail, model: dict, threshold: float | None,
                detect) -> list[Miss]:
    seen: list = []
    output = tail.run(report, model, threshold, watch=lambda stage: _Watched(stage, seen))
    events = output.to_contract().get("events") or []
    asserted = [event for event in events if event.get("modality") == "asserted"]
    found = []
    for gold in article.gold:
        if gold["kind"] != "required" or any(
                event.get("event_type") == gold.get("event_type")
                and _touches(event, gold["_spans"]) for event in asserted):
            continue
        why, detail = classify_miss(gold, report.events, seen, events,
                                    _trigger_read(detect, report, gold["_spans"]),
                                    tail.judges(model))
        evidence = " | ".join(gold.get("evidence") or [])
        found.append(Miss(report.id, gold.get("event_type") or "", why, detail, evidence))
    return found


def misses(reports, annotations, folds: int = 5, seed: int = 0, l2: float = L2) -> list[Miss]:
    """Every required event the out-of-fold output misses, with why (``classify_miss``)."""
    from .stage import DetectEvents

    rows = label_candidates(reports, {key: [dict(e) for e in value]
                                      for key, value in annotations.items()})
    gold_of = {article.id: article for article in gold_articles(reports, annotations)}
    fold_of = folds_of([report.id for report in reports], folds, seed)
    tail, detect = _Tail(), DetectEvents()
    found: list[Miss] = []
    for fold in range(folds):
        model = train([row for row in rows if fold_of.get(row[0]) != fold], (), l2)
        found += [miss for report in reports
                  if fold_of[report.id] == fold and report.id in gold_of
                  for miss in _classified(report, gold_of[report.id], tail, model, None, detect)]
    return found


def shipped_misses(reports, annotations) -> list[Miss]:
    """Every required event the shipped model's output misses (the default pipeline), with why:
    on a measuring set, counts to compare, not text to read."""
    from .assess import load_model
    from .stage import DetectEvents

    gold_of = {article.id: article for article in gold_articles(reports, annotations)}
    tail, detect, model = _Tail(), DetectEvents(), load_model(None)
    return [miss for report in reports if report.id in gold_of
            for miss in _classified(report, gold_of[report.id], tail, model, None, detect)]


def _print(label: str, found: list[Miss], required: int, listed: bool) -> None:
    counts = Counter(miss.why for miss in found)
    print(f"{label}: {len(found)} of {required} required events missed: " + ", ".join(
        f"{why} {counts[why]}" for why in CLASSES))
    if not listed:
        return
    details = Counter((miss.why, miss.detail) for miss in found if miss.detail)
    for (why, detail), n in details.most_common():
        print(f"  {why}: {detail} ({n})")
    for miss in sorted(found, key=lambda miss: (miss.why, miss.article)):
        print(f"  [{miss.why}] {miss.article} {miss.event_type}: {miss.detail} -- "
              f"{miss.evidence[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.events.assess_misses",
                                     description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", type=Path,
                        help="the HRDsAttack folder (train_dev.jsonl, ann/): out of fold")
    source.add_argument("--gold", type=Path,
                        help="a gold folder of `sitrep eval articles` (articles.jsonl, ann/): "
                             "the shipped model, counts only")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", default="0", help="draws of folds, e.g. 0,1,2")
    parser.add_argument("--list", action="store_true",
                        help="print every miss with its evidence (--data only: the tuning "
                             "set's text may be read, a measuring set's may not)")
    args = parser.parse_args(argv)
    try:
        seeds = [int(seed) for seed in args.seeds.split(",") if seed.strip()]
    except ValueError as exc:
        parser.error(f"--seeds takes numbers separated by commas: {exc}")
    if not seeds:
        parser.error("--seeds names no draw of folds")
    if args.gold and args.list:
        parser.error("--list reads a set's text: only with --data (the tuning set)")
    reports, annotations = (dated_reports(args.gold, "articles.jsonl") if args.gold else
                            dated_reports(args.data))
    required = sum(event.get("kind") == "required" for report in reports
                   for event in annotations.get(report.id) or [])
    if args.gold:
        _print("shipped model", shipped_misses(reports, annotations), required, False)
        return 0
    for seed in seeds:
        try:
            found = misses(reports, annotations, args.folds, seed)
        except ValueError as exc:
            parser.error(str(exc))
        _print(f"seed {seed}", found, required, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
