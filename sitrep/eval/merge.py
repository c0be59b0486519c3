"""`sitrep eval merge --gold DIR`: cross-report event merging on hand-annotated incidents.

``DIR`` (e.g. ``../shared/data/merge``, see its README) holds ``articles.jsonl`` (real articles
about the same incidents), ``incidents.json`` (incidents told by two or more articles, with the
evidence spans of each mention), ``distractors.json`` (single-article incidents that must stay
apart) and ``hard_negatives.json`` (pairs of different incidents a careless merger would join).

The articles go through ``sitrep run`` into a temporary store; every stored event (all
modalities) gives one record per source article with that source's own evidence spans. Then, as
the set's README defines them:

- each gold mention is aligned with the event whose evidence in that article overlaps its spans
  by the most characters (no overlap: an extraction miss, counted apart);
- **merge recall**: of the gold incidents with >= 2 aligned mentions, the share whose aligned
  mentions all land in one event;
- **pairwise** precision / recall over pairs of aligned mentions in different articles;
- **merge precision**: of the events that touch a gold unit, the share that touch only one;
- **hard negatives joined**: pairs of ``hard_negatives.json`` found in one event.

With ``--errors`` it also lists the split incidents and impure events, and counts why the
pairs of an incident's aligned mentions are apart (:func:`apart`: the merge step's own
comparison of their mentions, "days do not overlap", "different kinds", ...).

The set is for measuring only: nothing in sitrep is fitted to it.
"""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from ..errors import UsageError

__all__ = ["add_arguments", "run", "system_records", "score", "stored_mentions", "apart"]


def add_arguments(parser) -> None:
    parser.add_argument("--gold", required=True, type=Path, metavar="DIR",
                        help="the merging gold, e.g. ../shared/data/merge")
    parser.add_argument("--db", help="keep the store here instead of a temporary file")
    parser.add_argument("--errors", action="store_true",
                        help="also list incidents split across events and impure events, "
                             "and count why pairs of one incident's mentions are apart")


def _load(directory: Path) -> tuple[list[dict], list[dict], list[dict], dict[str, str]]:
    try:
        incidents = json.loads((directory / "incidents.json").read_text(encoding="utf-8"))
        distractors = json.loads((directory / "distractors.json").read_text(encoding="utf-8"))
        hard = json.loads((directory / "hard_negatives.json").read_text(encoding="utf-8"))
        texts = {}
        with open(directory / "articles.jsonl", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    article = json.loads(line)
                    texts[article["id"]] = article["text"]
    except (OSError, ValueError, KeyError) as exc:
        raise UsageError(f"cannot read the merging gold in {directory}: {exc}", "E207") from exc
    return incidents, distractors, hard, texts


def system_records(store) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(event id, source document id, that source's evidence spans) of every stored event."""
    from ..store import EventQuery

    records = []
    for stored in store.find_events(EventQuery(modality=None)):
        for source in stored.sources:
            records.append((stored.id, source.doc_id,
                            [(span.start, span.end) for span in source.evidence]))
    return records


def _overlap(first, second) -> int:
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for a in first for b in second)


def _align(units: list[dict], records: list[tuple[str, str, list]]) -> dict[tuple[str, str], str]:
    """(gold unit, article) -> the event whose evidence in that article overlaps the unit's
    spans by the most characters (none: no entry)."""
    by_article = defaultdict(list)
    for event, article, spans in records:
        by_article[article].append((event, spans))
    match: dict[tuple[str, str], str] = {}
    for unit in units:
        for mention in unit["mentions"]:
            gold_spans = [tuple(span) for span in mention["spans"]]
            best = max(((_overlap(gold_spans, spans), event)
                        for event, spans in by_article.get(mention["article"], [])),
                       default=(0, None))
            if best[0] > 0:
                match[(unit["incident"], mention["article"])] = best[1]
    return match


def stored_mentions(store) -> dict[tuple[str, str], list]:
    """(stored event id, source document id) -> the merge step's mentions of that event in
    that document (``merge_mentions``; a member of a merged event under the merged event; a
    syndicated copy has those of the report it copies)."""
    from ..merge.cross_report import Mention

    owner = dict(store.backend.execute(
        "SELECT id, COALESCE(merged_into, id) FROM events").fetchall())
    by_group: dict[tuple[str, str], list] = defaultdict(list)
    for event_id, data in store.backend.execute(
            "SELECT event_id, data FROM merge_mentions").fetchall():
        mention = Mention.from_dict(json.loads(data))
        by_group[(owner.get(event_id, event_id), mention.group)].append(mention)
    documents = defaultdict(list)
    for doc_id, group in store.backend.execute(
            "SELECT doc_id, group_id FROM reports WHERE status <> 'rejected'").fetchall():
        documents[group].append(doc_id)
    return {(event, doc_id): mentions for (event, group), mentions in by_group.items()
            for doc_id in documents.get(group, ())}


def apart(incidents: list[dict], records: list[tuple[str, str, list]],
          mentions: dict[tuple[str, str], list]) -> Counter:
    """Why pairs of a gold incident's aligned mentions (in two articles) are in different
    events: for each pair, the best outcome of ``compare`` between the merge step's mentions of
    the two events in those articles: "linked" (a link the clustering did not take: a conflict
    with a third mention), else the conflict's kind ("days do not overlap", "different
    kinds", ...) or the last reason of a link too weak ("not enough in common ..."), "no
    mention" when the merge step kept none. A diagnosis of the system's own values: it names
    no text of the set."""
    from ..merge.cross_report import compare

    match = _align(incidents, records)
    reasons: Counter = Counter()
    for unit in incidents:
        aligned = sorted((article, match[(unit["incident"], article)])
                         for article in {m["article"] for m in unit["mentions"]}
                         if (unit["incident"], article) in match)
        for (first, event), (second, other) in itertools.combinations(aligned, 2):
            if event == other:
                continue
            outcomes = [_outcome(compare(a, b)) for a in mentions.get((event, first), ())
                        for b in mentions.get((other, second), ())]
            reasons[min(outcomes, key=lambda o: (o != "linked", o)) if outcomes
                    else "no mention"] += 1
    return reasons


def _outcome(comparison) -> str:
    if comparison.link:
        return "linked"
    if comparison.conflict:
        return comparison.conflict.split(" (")[0]
    last = comparison.reasons[-1] if comparison.reasons else "nothing shared"
    if " is before the window of the undated report" in last:  # it opens on the two dates
        return "an own date before the window of an undated report"
    return last.split(" (")[0].split(":")[0]


def score(incidents: list[dict], distractors: list[dict], hard: list[dict],
          records: list[tuple[str, str, list]]) -> dict:
    match = _align(incidents + distractors, records)
    mentions = sum(len(unit["mentions"]) for unit in incidents + distractors)
    evaluable = merged = 0
    split = []
    for unit in incidents:
        events = [match[(unit["incident"], m["article"])] for m in unit["mentions"]
                  if (unit["incident"], m["article"]) in match]
        if len(events) >= 2:
            evaluable += 1
            merged += len(set(events)) == 1
            if len(set(events)) > 1:
                split.append(unit["incident"])
    items = [(unit, article, event) for (unit, article), event in match.items()]
    tp = fp = fn = 0
    for (u1, a1, e1), (u2, a2, e2) in itertools.combinations(items, 2):
        if a1 != a2:
            tp += u1 == u2 and e1 == e2
            fp += u1 != u2 and e1 == e2
            fn += u1 == u2 and e1 != e2
    units_of = defaultdict(set)
    for unit, _, event in items:
        units_of[event].add(unit)
    impure = {event: sorted(units) for event, units in units_of.items() if len(units) > 1}
    joined = [(pair["a"], pair["b"]) for pair in hard
              if any(pair["a"] in units and pair["b"] in units for units in units_of.values())]
    incident_ids = {unit["incident"] for unit in incidents}
    return {
        "gold_mentions": sum(len(u["mentions"]) for u in incidents),
        "aligned_mentions": sum(1 for unit, _ in match if unit in incident_ids),
        "all_mentions": mentions,
        "evaluable_incidents": evaluable,
        "merge_recall": merged / evaluable if evaluable else 0.0,
        "pairwise_precision": tp / (tp + fp) if tp + fp else 0.0,
        "pairwise_recall": tp / (tp + fn) if tp + fn else 0.0,
        "events_touching_gold": len(units_of),
        "merge_precision": 1 - len(impure) / len(units_of) if units_of else 0.0,
        "hard_negatives_joined": joined,
        "split_incidents": split,
        "impure_events": impure,
    }


def run(args) -> int:
    from .. import api
    from ..store import Store

    incidents, distractors, hard, _ = _load(args.gold)
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-merge-") as scratch:
        db = args.db or str(Path(scratch) / "merge.db")
        started = time.perf_counter()
        summary = api.run([str(args.gold / "articles.jsonl")], db,
                          config=getattr(args, "config", None))
        elapsed = time.perf_counter() - started
        with Store(db, create=False) as store:
            records = system_records(store)
            result = score(incidents, distractors, hard, records)
            reasons = apart(incidents, records, stored_mentions(store)) if args.errors else None
    print(f"articles {summary.read}  events {summary.events}  merged events "
          f"{summary.merged_events}  ({elapsed:.1f} s)")
    print(f"gold mentions aligned with an event: {result['aligned_mentions']} of "
          f"{result['gold_mentions']} (the rest are extraction misses)")
    print(f"merge recall       {result['merge_recall']:.3f}  "
          f"({result['evaluable_incidents']} incidents with >= 2 aligned mentions)")
    print(f"pairwise           precision {result['pairwise_precision']:.3f}  "
          f"recall {result['pairwise_recall']:.3f}")
    print(f"merge precision    {result['merge_precision']:.3f}  "
          f"({result['events_touching_gold']} events touch a gold incident)")
    print(f"hard negatives joined  {len(result['hard_negatives_joined'])} "
          f"of {len(hard)}")
    if args.errors:
        for first, second in result["hard_negatives_joined"]:
            print(f"  joined: {first} + {second}", file=sys.stderr)
        for unit in result["split_incidents"]:
            print(f"  split: {unit}", file=sys.stderr)
        for event, units in result["impure_events"].items():
            print(f"  impure: {event}: {', '.join(units)}", file=sys.stderr)
        print(f"  pairs apart by reason ({sum(reasons.values())}):", file=sys.stderr)
        for reason, count in reasons.most_common():
            print(f"    {count:3d}  {reason}", file=sys.stderr)
    return 0
