"""`sitrep eval articles --gold DIR`: events in whole real news articles, against hand annotation.

``DIR`` (e.g. ``../shared/data/articles``, see its README and GUIDE) holds ``articles.jsonl``
(``{"id", "title", "published", "text"}`` per line) and ``ann/<id>.json`` with every event an
ACLED coder would code in that article: ``required`` events an extractor must find, ``optional``
ones (background, aggregates, hedged or PLOVER-only events) that are neither rewarded nor
penalised, and nothing else: whatever is not annotated is not an event.

Each article goes through the pipeline; only events with modality ``asserted`` count. A
prediction *overlaps* a gold event when one of its evidence spans overlaps an occurrence of one of
the gold evidence strings in the text. The figures, as the set's README defines them:

- **precision**: predictions with an ACLED ``event_type`` overlapping a gold event of that type,
  over all predictions with an ``event_type``; **recall**: required gold events overlapped by a
  prediction of the same ``event_type``; **F1** of the two;
- **PLOVER-only precision**: predictions without an ACLED type that overlap any gold event;
- **wrong typed events per no-event article**: typed predictions on articles with no required
  event that match no gold event of their type, per such article;
- on each found required event, the best prediction (same sub-type first, then confidence) is
  scored for sub-type, actor inter codes, country, place within 50 km, date and fatalities;
- **over-counted**: extra predictions of the same sub-type on the same required incident; printed
  beside it, not in the README's definition, those of them within 50 km of the best match (or not
  located): an act told at a list of places is one ACLED event per place, its evidence shared.

The set is for measuring only: nothing in sitrep is fitted to it (``--errors`` lists what went
wrong, to read, not to tune on).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..geo.gazetteer import distance_km

__all__ = ["add_arguments", "run", "load_gold", "score", "Figures"]


def add_arguments(parser) -> None:
    parser.add_argument("--gold", required=True, type=Path, metavar="DIR",
                        help="the whole-article gold, e.g. ../shared/data/articles")
    parser.add_argument("--system", type=Path, metavar="FILE",
                        help="score this `sitrep extract --format jsonl` output instead of "
                             "running the pipeline")
    parser.add_argument("--errors", action="store_true",
                        help="also list missed events and typed events that match nothing")


@dataclass
class Article:
    id: str
    text: str
    title: str | None
    published: str | None
    gold: list[dict]


def load_gold(directory: Path) -> list[Article]:
    """The articles of DIR with their gold events, each given its evidence spans (``_spans``)."""
    try:
        articles = []
        with open(directory / "articles.jsonl", encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                gold = json.loads((directory / "ann" / f"{record['id']}.json")
                                  .read_text(encoding="utf-8"))["events"]
                for event in gold:
                    event["_spans"] = _occurrences(record["text"], event.get("evidence") or [])
                articles.append(Article(str(record["id"]), record["text"], record.get("title"),
                                        record.get("published"), gold))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"cannot read the article gold in {directory}: {exc}", "E207") from exc
    if not articles:
        raise UsageError(f"no articles in {directory / 'articles.jsonl'}", "E207")
    return articles


def _occurrences(text: str, strings: list[str]) -> list[tuple[int, int]]:
    spans = []
    for string in strings:
        start = text.find(string) if string else -1
        while start >= 0:
            spans.append((start, start + len(string)))
            start = text.find(string, start + 1)
    return spans


def _touches(prediction: dict, spans: list[tuple[int, int]]) -> bool:
    return any(span["start"] < end and start < span["end"]
               for span in prediction.get("evidence") or [] for start, end in spans)


def _km(first: dict, second: dict) -> float:
    return distance_km(first["lat"], first["lon"], second["lat"], second["lon"])


def _placed_apart(first: dict, second: dict) -> bool:
    """Whether two predictions stand more than 50 km apart (both located)."""
    here, there = first.get("location") or {}, second.get("location") or {}
    return here.get("lat") is not None and there.get("lat") is not None and _km(here, there) > 50


def _inter(actor) -> str | None:
    return str(actor["inter"]) if isinstance(actor, dict) and actor.get("inter") else None


@dataclass
class Figures:
    """Counts behind the figures; ``ratios()`` gives what the README defines."""

    typed: int = 0
    typed_right: int = 0
    plover: int = 0
    plover_right: int = 0
    required: int = 0
    found: int = 0
    sub_type: int = 0
    over_counted: int = 0
    over_counted_at_one_place: int = 0
    actor1: list[int] = field(default_factory=lambda: [0, 0])   # right, scored
    actor2: list[int] = field(default_factory=lambda: [0, 0])
    country: int = 0
    near: list[int] = field(default_factory=lambda: [0, 0])
    date: int = 0
    fatalities: int = 0
    no_event_articles: int = 0
    wrong_on_no_event: int = 0
    missed: list[tuple[str, dict]] = field(default_factory=list)
    wrong: list[tuple[str, dict]] = field(default_factory=list)

    def ratios(self) -> dict:
        precision = self.typed_right / max(1, self.typed)
        recall = self.found / max(1, self.required)
        found = max(1, self.found)
        return {
            "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "plover_precision": self.plover_right / max(1, self.plover),
            "wrong_typed_per_no_event_article": self.wrong_on_no_event / max(1, self.no_event_articles),
            "sub_type": self.sub_type / found,
            "actor1_inter": self.actor1[0] / max(1, self.actor1[1]),
            "actor2_inter": self.actor2[0] / max(1, self.actor2[1]),
            "country": self.country / found,
            "within_50km": self.near[0] / max(1, self.near[1]),
            "date": self.date / found, "fatalities": self.fatalities / found,
            "over_counted": self.over_counted,
            "over_counted_at_one_place": self.over_counted_at_one_place, "required": self.required,
            "typed_predictions": self.typed,
        }


def score(articles: list[Article], system: dict[str, dict]) -> Figures:
    """Score ``system`` (article id -> contract record with ``events``) against the gold."""
    figures = Figures()
    for article in articles:
        predictions = [event for event in (system.get(article.id) or {}).get("events") or []
                       if event.get("modality") == "asserted"]
        no_required = not any(gold["kind"] == "required" for gold in article.gold)
        figures.no_event_articles += no_required
        for prediction in predictions:
            touched = [gold for gold in article.gold if _touches(prediction, gold["_spans"])]
            if prediction.get("event_type"):
                figures.typed += 1
                right = any(gold.get("event_type") == prediction["event_type"] for gold in touched)
                figures.typed_right += right
                figures.wrong_on_no_event += no_required and not right
                if not right:
                    figures.wrong.append((article.id, prediction))
            else:
                figures.plover += 1
                figures.plover_right += bool(touched)
        for gold in article.gold:
            if gold["kind"] == "required":
                _score_found(figures, article.id, gold, predictions)
    return figures


def _score_found(figures: Figures, article_id: str, gold: dict, predictions: list[dict]) -> None:
    figures.required += 1
    same = [prediction for prediction in predictions
            if prediction.get("event_type") == gold.get("event_type")
            and _touches(prediction, gold["_spans"])]
    if not same:
        figures.missed.append((article_id, gold))
        return
    figures.found += 1
    best = max(same, key=lambda prediction: (
        prediction.get("sub_event_type") == gold.get("sub_event_type"),
        prediction.get("confidence") or 0))
    figures.sub_type += best.get("sub_event_type") == gold.get("sub_event_type")
    extras = [prediction for prediction in same if prediction is not best
              and prediction.get("sub_event_type") == best.get("sub_event_type")]
    figures.over_counted += len(extras)
    # beside the README's figure: the extras not placed apart from the best prediction, since an
    # act told at a list of places is one ACLED event per place, evidence shared
    figures.over_counted_at_one_place += sum(not _placed_apart(best, extra) for extra in extras)
    for role, tally in (("actor1", figures.actor1), ("actor2", figures.actor2)):
        wanted = _inter(gold.get(role))
        if wanted:
            tally[1] += 1
            tally[0] += _inter(best.get(role)) == wanted
    gold_place, place = gold.get("location") or {}, best.get("location") or {}
    figures.country += bool(gold_place.get("country")) and (
        str(gold_place["country"]).lower() == str(place.get("country") or "").lower())
    if gold_place.get("lat") is not None and (gold_place.get("precision") or 1) <= 2:
        figures.near[1] += 1
        figures.near[0] += place.get("lat") is not None and _km(gold_place, place) <= 50
    gold_date = str(gold.get("event_date") or "")
    figures.date += bool(gold_date) and str(best.get("event_date") or "").startswith(gold_date)
    figures.fatalities += (best.get("fatalities") or 0) == (gold.get("fatalities") or 0)


def _system_from_pipeline(directory: Path, config: str | None = None) -> dict[str, dict]:
    """What `sitrep [--config FILE] extract DIR/articles.jsonl --format jsonl` gives, by id."""
    from .. import api

    return {report.id: report.to_contract()
            for report in api.extract([directory / "articles.jsonl"], config=config)}


def _system_from_file(path: Path) -> dict[str, dict]:
    system = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("{"):
                    record = json.loads(line)
                    system[str(record.get("id"))] = record
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read the system output {path}: {exc}", "E207") from exc
    return system


def run(args) -> int:
    articles = load_gold(args.gold)
    started = time.perf_counter()
    system = _system_from_file(args.system) if args.system else _system_from_pipeline(
        args.gold, getattr(args, "config", None))
    elapsed = time.perf_counter() - started
    figures = score(articles, system)
    r = figures.ratios()
    print(f"articles {len(articles)}  required events {r['required']}  typed predictions "
          f"{r['typed_predictions']}  ({elapsed:.1f} s)")
    print(f"ACLED-typed precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
          f"event F1 {r['f1']:.3f}")
    print(f"PLOVER-only precision {r['plover_precision']:.3f}")
    print(f"wrong typed events per no-event article {r['wrong_typed_per_no_event_article']:.2f}  "
          f"({figures.wrong_on_no_event} on {figures.no_event_articles} articles)")
    print(f"on the {figures.found} events found: sub-type {r['sub_type']:.3f}  actor1 inter "
          f"{r['actor1_inter']:.3f}  actor2 inter {r['actor2_inter']:.3f}  country "
          f"{r['country']:.3f}  within 50 km {r['within_50km']:.3f}  date {r['date']:.3f}  "
          f"fatalities {r['fatalities']:.3f}")
    print(f"over-counted {r['over_counted']}  (at one place {r['over_counted_at_one_place']}: the "
          "others lie over 50 km from the best match, one event per listed place)")
    if args.errors:
        for article_id, gold in figures.missed:
            print(f"  missed {article_id}: {gold.get('sub_event_type')}: "
                  f"{(gold.get('evidence') or [''])[0][:100]}", file=sys.stderr)
        for article_id, prediction in figures.wrong:
            text = ((prediction.get("evidence") or [{}])[0].get("text") or "")[:100]
            print(f"  no such event {article_id}: {prediction.get('sub_event_type')}: {text}",
                  file=sys.stderr)
    return 0
