"""`sitrep eval events`: event typing against gold data.

``--case PATH`` (CASE 2021 Task 2 TSV: ``id<TAB>EventSnippet<TAB>SubType``): each snippet runs
through the pipeline (publication date unknown); its predicted label is the ACLED sub-event type
of its most confident *asserted* event, "none" when it has none. Prints per-class precision,
recall and F1 and the micro, macro and weighted F1 over the 25 ACLED sub-event types (as the
shared task scored subtask 1: over the snippets whose gold label is an ACLED type), and the share
of non-ACLED snippets (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) that get no
ACLED event.

``--plover PATH`` (PLOVER_GSR_CAMEO.json): PLOVER type accuracy of the most confident event of
each record (older gold names mapped to the 16 current types) and source/target actor recall.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from ..config import load_config
from ..errors import ResourceError, UsageError
from ..model import Event, Report, content_id
from ..pipeline import Pipeline, build_stage

__all__ = ["add_arguments", "run", "CASE_LABELS", "NON_ACLED_LABELS", "available_pipeline",
           "snippet_label", "score_case", "read_case"]

# CASE 2021 label -> ACLED sub-event type (labels.txt; data/README.md)
CASE_LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike", "ARMED_CLASH": "Armed clash", "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb", "VIOL_DEMONSTR": "Violent demonstration",
}
NON_ACLED_LABELS = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")

# PLOVER gold (v0.5b1) names -> the 16 current PLOVER types (model.PLOVER_TYPES)
_PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                   "FIGHT": "ASSAULT"}


def add_arguments(parser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--case", metavar="PATH", help="CASE 2021 Task 2 TSV (id, snippet, label)")
    source.add_argument("--plover", metavar="PATH", help="PLOVER_GSR_CAMEO.json gold records")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="also print N misclassified snippets")


def available_pipeline(left_out: list[str] | None = None,
                       config_path: str | None = None) -> Pipeline:
    """The pipeline (the default one, or with the TOML file ``config_path`` merged over it)
    without the stages that cannot be built here: modules not installed (yet), or a resource
    missing (a gazetteer to build). Their names go to ``left_out``."""
    config = load_config(config_path)
    names = []
    for name in config.stages:
        try:
            build_stage(name, config.options(name))
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("sitrep"):
                raise
            if left_out is not None:
                left_out.append(f"{name} (not installed)")
            continue
        except ResourceError as exc:
            if left_out is not None:
                left_out.append(f"{name} ({exc})")
            continue
        names.append(name)
    return Pipeline(load_config(config_path, overrides={"pipeline": {"stages": names}}))


# Mentions the coder itself ranks below this are candidates, not events: a weapons test named as
# the reason for sanctions, a propaganda video (stage.py: diplomatic-cause and statement ranks).
MIN_CONFIDENCE = 0.3


def snippet_label(events: list[Event], min_confidence: float = MIN_CONFIDENCE) -> str:
    """The ACLED sub-event type of the most confident asserted event, or "none"."""
    asserted = [e for e in events if e.modality == "asserted" and e.sub_event_type
                and e.confidence >= min_confidence]
    if not asserted:
        return "none"
    return max(asserted, key=lambda e: e.confidence).sub_event_type


def read_case(path: str | Path) -> list[tuple[str, str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc}") from None
    if rows and rows[0][:1] == ["id"]:
        rows = rows[1:]
    return [(row[0], row[1], row[2]) for row in rows if len(row) >= 3]


def _report(identifier: str, text: str) -> Report:
    return Report(id=content_id(identifier, text, prefix="case-"), raw=text)


def score_case(pipeline: Pipeline, rows: list[tuple[str, str, str]]) -> dict:
    """Per-class and averaged scores; see the module docstring for what is counted."""
    gold, predicted, non_acled = [], [], Counter()
    misses = []
    for identifier, text, label in rows:
        report = pipeline(_report(identifier, text))
        guess = snippet_label(report.events)
        if label in CASE_LABELS:
            gold.append(CASE_LABELS[label])
            predicted.append(guess)
            if guess != CASE_LABELS[label]:
                misses.append((identifier, CASE_LABELS[label], guess, text))
        elif label in NON_ACLED_LABELS:
            non_acled[label, guess == "none"] += 1
            if guess != "none":
                misses.append((identifier, label, guess, text))
    classes = sorted(set(CASE_LABELS.values()))
    per_class = {}
    for name in classes:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == name)
        fp = sum(1 for g, p in zip(gold, predicted) if p == name and g != name)
        fn = sum(1 for g, p in zip(gold, predicted) if g == name and p != name)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = (precision, recall, f1, tp + fn)
    support = sum(s for *_, s in per_class.values())
    micro = sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold) if gold else 0.0
    present = [v for v in per_class.values() if v[3]]
    macro = sum(v[2] for v in present) / len(present) if present else 0.0
    weighted = sum(v[2] * v[3] for v in present) / support if support else 0.0
    non_total = sum(non_acled.values())
    non_ok = sum(n for (label, ok), n in non_acled.items() if ok)
    by_kind = {label: (non_acled[label, True], non_acled[label, True] + non_acled[label, False])
               for label in NON_ACLED_LABELS}
    return {"per_class": per_class, "micro_f1": micro, "macro_f1": macro, "weighted_f1": weighted,
            "acled_snippets": len(gold), "non_acled_ok": non_ok, "non_acled_total": non_total,
            "non_acled_by_kind": by_kind, "misses": misses}


def _print_case(scores: dict, seconds: float, snippets: int, errors: int) -> None:
    print(f"{'sub-event type':45} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for name, (precision, recall, f1, support) in scores["per_class"].items():
        print(f"{name:45} {precision:6.3f} {recall:6.3f} {f1:6.3f} {support:4d}")
    print(f"micro F1 {scores['micro_f1']:.3f}  macro F1 {scores['macro_f1']:.3f}  "
          f"weighted F1 {scores['weighted_f1']:.3f}  over {scores['acled_snippets']} ACLED snippets")
    share = scores["non_acled_ok"] / scores["non_acled_total"] if scores["non_acled_total"] else 0.0
    kinds = ", ".join(f"{label} {ok}/{total}" for label, (ok, total)
                      in scores["non_acled_by_kind"].items())
    print(f"non-ACLED snippets with no ACLED event: {scores['non_acled_ok']}/"
          f"{scores['non_acled_total']} = {share:.3f} ({kinds})")
    print(f"{snippets} snippets in {seconds:.1f} s ({snippets / seconds if seconds else 0:.0f}/s)")
    for identifier, gold, guess, text in scores["misses"][:errors]:
        print(f"- {identifier}: gold {gold!r} predicted {guess!r}: {text[:200]}")


def _score_plover(pipeline: Pipeline, records: list[dict]) -> dict:
    total = correct = 0
    source_found = source_total = target_found = target_total = 0
    confusion = Counter()
    for record in records:
        if record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        gold = _PLOVER_RENAMED.get(record["event"], record["event"])
        report = pipeline(_report(record["id"], record["text"]))
        events = [e for e in report.events if e.plover_type]
        # the record's event is what the sentence asserts ("threatened to attack": THREATEN)
        best = max(events, key=lambda e: (e.modality == "asserted", e.confidence)) if events else None
        guess = best.plover_type if best else "none"
        total += 1
        correct += guess == gold
        confusion[gold, guess] += 1
        for side, gold_actors, attribute in (("source", record.get("source") or [], "actor1"),
                                             ("target", record.get("target") or [], "actor2")):
            for gold_actor in gold_actors if isinstance(gold_actors, list) else ():
                text = (gold_actor.get("actorText") or "").lower() if isinstance(
                    gold_actor, dict) else ""
                if not text:
                    continue
                found = best is not None and getattr(best, attribute) is not None and (
                    text in getattr(best, attribute).text.lower()
                    or getattr(best, attribute).text.lower() in text)
                if side == "source":
                    source_total += 1
                    source_found += found
                else:
                    target_total += 1
                    target_found += found
    return {"total": total, "correct": correct, "confusion": confusion,
            "source": (source_found, source_total), "target": (target_found, target_total)}


def run(args) -> int:
    left_out: list[str] = []
    pipeline = available_pipeline(left_out, getattr(args, "config", None))
    for note in left_out:
        print(f"sitrep eval events: running without stage {note}", file=sys.stderr)
    started = time.perf_counter()
    if args.case:
        rows = read_case(args.case)
        if not rows:
            raise UsageError(f"{args.case}: no id<TAB>snippet<TAB>label rows")
        scores = score_case(pipeline, rows)
        _print_case(scores, time.perf_counter() - started, len(rows), args.errors)
        return 0
    try:
        records = json.loads(Path(args.plover).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read PLOVER gold {args.plover}: {exc}") from None
    scores = _score_plover(pipeline, records)
    total = scores["total"] or 1
    print(f"PLOVER type accuracy {scores['correct'] / total:.3f} ({scores['correct']}/{scores['total']})")
    for side in ("source", "target"):
        found, count = scores[side]
        print(f"{side} actors found (text overlap) {found}/{count} = {found / (count or 1):.3f}")
    print("most frequent confusions: " + ", ".join(
        f"{g}->{p} {n}" for (g, p), n in scores["confusion"].most_common(12) if g != p))
    print(f"{scores['total']} records in {time.perf_counter() - started:.1f} s")
    return 0
