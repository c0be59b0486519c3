"""End-to-end, out-of-fold figures of the ``assess_events`` recipe: the honest measure of a model.

    python -m sitrep.events.assess_oof --data ../shared/data/hrdsattack [--folds 5] [--seeds 0,1]
        [--thresholds 0.4,0.5] [--exclude why,trig] [--l2 3]

The recipe (``train_assess``) chooses its threshold by cross-validating single mentions, and
a model scored on the articles it learned from remembers them: neither says what the model does
to articles it has never seen, after merging, as ``sitrep eval articles`` scores them (on the
120 tuning articles in session 17: in-sample precision 0.939, out of fold about 0.73). This
tool draws folds of the annotated articles (by article, never by mention), trains the recipe
(``train_assess.train``, its own inner cross-validation included) on all folds but one, runs the
rest of the default pipeline (``assess_events`` with that model, then every later stage) on the
held-out articles, and scores the outputs of all folds together with the code of
``sitrep eval articles`` (``eval.articles.score``). Every article is judged by a model that never
saw it. Features, regularisation and the threshold are chosen by these figures; the measuring
sets (``../shared/data/articles``, ``merge``) never enter.

``--thresholds`` scores fixed thresholds beside the recipe's own choice (``recipe``);
``--exclude`` leaves feature families (``assess_features.family_of``) out of training.
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
from pathlib import Path

from ..eval.articles import Article, score
from .assess import AssessEvents
from .train_assess import L2, _spans_of, dated_reports, label_candidates, train

__all__ = ["folds_of", "gold_articles", "held_out_outputs", "out_of_fold", "main"]

FIGURES = ("precision", "recall", "f1", "plover_precision", "wrong_typed_per_no_event_article",
           "typed_predictions", "over_counted")


def folds_of(article_ids, folds: int = 5, seed: int = 0) -> dict[str, int]:
    """Article id -> fold, drawn as ``train_assess.cross_validate`` draws them."""
    if folds < 2:
        raise ValueError(f"out-of-fold scoring needs at least 2 folds, not {folds}")
    articles = sorted(set(article_ids))
    if len(articles) < folds:
        raise ValueError(f"{len(articles)} articles cannot make {folds} folds")
    random.Random(seed).shuffle(articles)
    return {article: i % folds for i, article in enumerate(articles)}


def gold_articles(reports, annotations: dict[str, list[dict]]) -> list[Article]:
    """The annotated ``reports`` as ``sitrep eval articles`` reads its gold (evidence spans
    found in the raw text the same way)."""
    articles = []
    for report in reports:
        gold = annotations.get(report.id)
        if gold is None:
            continue
        gold = [dict(event, _spans=_spans_of(report.raw, event.get("evidence"))) for event in gold]
        published = report.published.isoformat() if report.published else None
        articles.append(Article(report.id, report.raw, report.title, published, gold))
    return articles


class _Tail:
    """The default pipeline after ``date_events``, whose ``assess_events`` takes each model."""

    def __init__(self) -> None:
        from ..config import load_config
        from ..pipeline import Pipeline

        config = load_config()
        self.pipeline = Pipeline(config)
        stages = self.pipeline.stages[self.pipeline.stage_names.index("date_events") + 1:]
        self.pipeline.stages = stages
        self.at = [stage.name for stage in stages].index("assess_events")
        self.options = {key: value for key, value in config.options("assess_events").items()
                        if key not in ("model", "threshold")}

    def stage(self, model: dict, threshold: float | None = None) -> AssessEvents:
        stage = AssessEvents(model=model, threshold=threshold, **self.options)
        stage.name = "assess_events"
        return stage

    def judges(self, model: dict):
        """Whether ``model`` judges an event's kind (else the anchor rule does)."""
        return self.stage(model).judges

    def run(self, report, model: dict, threshold: float | None, watch=None):
        """``report`` (a copy: it is left unchanged) through the stages, judged by ``model``;
        ``watch``, if given, wraps the ``assess_events`` stage (``assess_misses`` records what
        it keeps)."""
        stage = self.stage(model, threshold)
        self.pipeline.stages[self.at] = watch(stage) if watch else stage
        return self.pipeline(copy.deepcopy(report))


def held_out_outputs(reports, rows, folds: int = 5, seed: int = 0, excluded=(),
                     thresholds=(None,), l2: float = L2) -> dict:
    """For each of ``thresholds`` (None: the one each fold's recipe chose), article id -> the
    contract record of that article as the pipeline outputs it with the model trained on the
    other folds' ``rows``. ``reports`` are the articles up to ``date_events``; left unchanged."""
    fold_of = folds_of([report.id for report in reports], folds, seed)
    tail = _Tail()
    outputs: dict = {threshold: {} for threshold in thresholds}
    for fold in range(folds):
        model = train([row for row in rows if fold_of.get(row[0]) != fold], excluded, l2)
        for report in reports:
            if fold_of[report.id] != fold:
                continue
            for threshold in thresholds:
                outputs[threshold][report.id] = tail.run(report, model, threshold).to_contract()
    return outputs


def out_of_fold(reports, annotations, folds: int = 5, seeds=(0,), excluded=(),
                thresholds=(None,), l2: float = L2) -> dict:
    """threshold -> one dict of ``eval.articles`` ratios per seed (a draw of folds)."""
    rows = label_candidates(reports, copy.deepcopy(annotations))
    articles = gold_articles(reports, annotations)
    results: dict = {threshold: [] for threshold in thresholds}
    for seed in seeds:
        outputs = held_out_outputs(reports, rows, folds, seed, excluded, thresholds, l2)
        for threshold, system in outputs.items():
            results[threshold].append(score(articles, system).ratios())
    return results


def _line(label: str, ratios: list[dict]) -> str:
    parts = []
    for name in FIGURES:
        values = [r[name] for r in ratios]
        mean = statistics.fmean(values)
        spread = f"±{statistics.stdev(values):.3f}" if len(values) > 1 else ""
        parts.append(f"{name} {mean:.3f}{spread}" if isinstance(values[0], float)
                     else f"{name} {mean:.1f}")
    return f"{label}: " + "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.events.assess_oof",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, type=Path,
                        help="the HRDsAttack folder (train_dev.jsonl, ann/)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", default="0,1", help="draws of folds, e.g. 0,1,2")
    parser.add_argument("--thresholds", default="",
                        help="fixed thresholds to score beside the recipe's own, e.g. 0.4,0.5")
    parser.add_argument("--exclude", default="",
                        help="feature families to leave out of training, e.g. why,trig")
    parser.add_argument("--l2", type=float, default=L2,
                        help=f"L2 strength of the fit (default: the recipe's, {L2})")
    args = parser.parse_args(argv)
    try:
        seeds = [int(seed) for seed in args.seeds.split(",") if seed.strip()]
        thresholds = [None] + [float(t) for t in args.thresholds.split(",") if t.strip()]
    except ValueError as exc:
        parser.error(f"--seeds and --thresholds take numbers separated by commas: {exc}")
    if not seeds:
        parser.error("--seeds names no draw of folds")
    excluded = tuple(family.strip() for family in args.exclude.split(",") if family.strip())
    reports, annotations = dated_reports(args.data)
    try:
        results = out_of_fold(reports, annotations, args.folds, seeds, excluded, thresholds,
                              args.l2)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"{len(reports)} articles, {args.folds} folds, seeds {seeds}, L2 {args.l2}, "
          f"excluded families {','.join(excluded) or 'none'}")
    for threshold, ratios in results.items():
        print(_line("recipe" if threshold is None else f"threshold {threshold:.2f}", ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
