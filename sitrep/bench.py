"""`make bench`: how fast sitrep analyses news, stage by stage, against the issues' targets.

    python -m sitrep.bench [--articles 2000] [--workers 1] [--stages clean,segment,...]
                           [--news ../shared/data/hrdsattack/train_dev.jsonl]

It generates a seeded corpus from the demo reports (``sitrep.corpus``), then measures:

* a bare tokenization pass (JSONL read + a regex word split): the floor any analysis sits on;
* the extract path — ``read_inputs`` -> ``Pipeline.pipe`` -> ``to_contract`` -> JSON — in one
  process, with every stage wrapped in a timer, so each stage's docs/s and words/s are visible;
* the real command, ``sitrep extract corpus.jsonl``, as a child process on 1 and 2 processes, in
  steady state (start-up excluded, see ``sitrep.bench_cli``), with its peak RSS (skipped with
  ``--stages`` or ``--no-cli``);
* the same on real-length news (``--news``, by default the HRDsAttack texts in ../shared, read at
  bench time and never committed): per-stage time per 1,000 words and the command's articles/s;
* with ``--workers N`` (N > 1), the same path through the process pool, wall clock;
* ingestion + cleaning + near-duplicate grouping over the same articles as HTML pages.

Rates "per core" divide by the CPU seconds of this process (``time.process_time``), not the wall
clock, so that other work on a shared machine does not make sitrep look slower than it is; both
are printed. Words are ``\\w+`` runs of the input text. The figures go to ``.bench/latest.json``.

A stage that cannot be built stops the benchmark with a message naming it; ``--stages`` benches
a subset (the targets whose stages are missing are then reported as "not measured").
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .bench_cli import steady_state
from .config import load_config
from .corpus import generate_labelled, write_html, write_jsonl

__all__ = ["StageTimer", "Target", "TARGETS", "run_benchmark", "main"]

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Target:
    """A speed the issues require: ``minimum`` ``unit``/s per core over ``stages``."""

    label: str
    stages: tuple[str, ...] | None  # None: the whole extract path
    unit: str                       # "words" or "docs"
    minimum: float
    issue: str


TARGETS = (
    Target("language layer (segment+find_actors+find_quantities)",
           ("segment", "find_actors", "find_quantities"), "words", 8_000, "#4"),
    Target("geocoding (geocode+locate_events)", ("geocode", "locate_events"), "docs", 200, "#6"),
    Target("time (resolve_times+date_events)", ("resolve_times", "date_events"), "docs", 1_000,
           "#7"),
    Target("end to end (read+pipeline+contract JSON)", None, "docs", 20, "#5"),
)
HTML_TARGET = Target("HTML ingest+clean+grouping", ("read_inputs", "clean", "near_duplicates"),
                     "docs", 500, "#3")


@dataclass
class StageTimer:
    """Wraps a stage and adds up the wall and CPU time spent in it."""

    stage: object
    name: str = ""
    calls: int = 0
    wall: float = 0.0
    cpu: float = 0.0

    def __post_init__(self) -> None:
        self.name = self.stage.name

    def __call__(self, report):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return self.stage(report)
        finally:
            self.cpu += time.process_time() - cpu
            self.wall += time.perf_counter() - wall
            self.calls += 1


@dataclass
class Clock:
    wall: float = 0.0
    cpu: float = 0.0

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


@dataclass
class Results:
    articles: int
    words: int
    corpus: dict = field(default_factory=dict)
    tokenize: dict = field(default_factory=dict)
    build: dict = field(default_factory=dict)
    extract: dict = field(default_factory=dict)
    stages: list[dict] = field(default_factory=list)
    cli: list[dict] | None = None       # `sitrep extract` in steady state, 1 and 2 processes
    parallel: dict | None = None
    news: dict | None = None            # the same on real-length news (``--news``)
    html: dict = field(default_factory=dict)
    targets: list[dict] = field(default_factory=list)
    peak_rss_mb: float = 0.0


def _rate(count: float, seconds: float) -> float | None:
    return round(count / seconds, 1) if seconds > 0 else None


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux reports KiB


def bare_tokenize(jsonl_path: Path) -> dict:
    """Read the JSONL corpus and split every text into tokens: no analysis at all."""
    tokens = documents = 0
    with Clock() as clock:
        with jsonl_path.open(encoding="utf-8") as lines:
            for line in lines:
                tokens += len(_TOKEN.findall(json.loads(line)["text"]))
                documents += 1
    return {"documents": documents, "tokens": tokens, "wall_s": round(clock.wall, 3),
            "cpu_s": round(clock.cpu, 3), "docs_per_s": _rate(documents, clock.cpu)}


def build_pipeline(stages: list[str] | None, config_path: Path | None = None):
    """The configured pipeline (or ``stages`` of it), or a SystemExit naming what fails."""
    from .errors import SitrepError
    from .pipeline import Pipeline

    overrides = {"pipeline": {"stages": stages}} if stages else None
    config = load_config(config_path, overrides=overrides)
    try:
        return Pipeline(config)
    except (ImportError, SitrepError) as exc:
        raise SystemExit(
            f"sitrep.bench: cannot build the pipeline ({config.stages}): {type(exc).__name__}: "
            f"{exc}\nBench a subset that builds with --stages, e.g. --stages clean,segment"
        ) from exc


def run_extract(pipeline, jsonl_path: Path) -> tuple[dict, list[StageTimer]]:
    """The extract path in this process, each stage timed."""
    from .ingest import read_inputs
    from .pipeline import freeze_built_objects

    timers = [StageTimer(stage) for stage in pipeline.stages]
    pipeline.stages = timers
    read, analyse = Clock(), Clock()
    sentences = events = rejected = documents = bytes_out = 0
    rejection_codes: dict[str, int] = {}
    with read:
        reports = list(read_inputs([str(jsonl_path)]))
    reports.reverse()

    def drained():
        # each report is let go once analysed, as the command does: kept, they made every full
        # garbage collection longer and the stages look slower than they are (4 % on news)
        while reports:
            yield reports.pop()

    freeze_built_objects()                  # as `sitrep extract` does once it is built
    with analyse:
        for report in pipeline.pipe(drained()):
            bytes_out += len(json.dumps(report.to_contract(), ensure_ascii=False))
            documents += 1
            sentences += len(report.sentences)
            events += len(report.events)
            if report.rejection:
                rejected += 1
                code = report.rejection.code
                rejection_codes[code] = rejection_codes.get(code, 0) + 1
    gc.unfreeze()                           # the bench's own objects are collected again
    wall, cpu = read.wall + analyse.wall, read.cpu + analyse.cpu
    summary = {
        "documents": documents, "sentences": sentences, "events": events, "rejected": rejected,
        "rejection_codes": rejection_codes, "contract_bytes": bytes_out,
        "read_cpu_s": round(read.cpu, 3), "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
        "docs_per_s_wall": _rate(documents, wall), "docs_per_s": _rate(documents, cpu),
        "sentences_per_s": _rate(sentences, cpu),
    }
    return summary, timers


def run_parallel(stages: list[str] | None, config_path: Path | None, jsonl_path: Path,
                 workers: int) -> dict:
    """The extract path through ``workers`` processes (pool start-up included), wall clock."""
    from .ingest import read_inputs

    pipeline = build_pipeline(stages, config_path)
    documents = 0
    with Clock() as clock:
        for report in pipeline.pipe(read_inputs([str(jsonl_path)]), n_process=workers):
            json.dumps(report.to_contract(), ensure_ascii=False)
            documents += 1
    rate = _rate(documents, clock.wall)
    return {"workers": workers, "documents": documents, "wall_s": round(clock.wall, 3),
            "docs_per_s_wall": rate,
            "docs_per_s_per_worker": round(rate / workers, 1) if rate else None,
            "children_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN)}


def _near_duplicate_index():
    try:
        from .merge.near_duplicates import NearDuplicateIndex
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("sitrep"):
            return None, f"not available ({exc.name} is missing)"
        raise
    return NearDuplicateIndex(), "MinHash LSH"


def run_html(html_dir: Path, copy_of: dict[str, str | None],
             config_path: Path | None = None) -> dict:
    """Read the HTML pages, clean them and group near-duplicates; each step timed.

    ``copy_of`` (article id -> id of the article it copies, or None) checks the grouping: every
    copy should join its original's group and no two originals should share one.
    """
    from .errors import SitrepError
    from .ingest import read_inputs
    from .pipeline import build_stage

    config = load_config(config_path)
    try:
        clean = build_stage("clean", config.options("clean"))
    except (ImportError, SitrepError) as exc:
        return {"error": f"the clean stage cannot be built: {type(exc).__name__}: {exc}"}
    index, grouping = _near_duplicate_index()
    read, cleaning, grouping_clock = Clock(), Clock(), Clock()
    documents = rejected = 0
    group_of: dict[str, str] = {}
    markup_left = 0
    with read:
        reports = list(read_inputs([str(html_dir)]))
    for report in reports:
        documents += 1
        if report.rejection:
            rejected += 1
            continue
        if "<p>" in report.raw or "<html" in report.raw.lower():
            markup_left += 1
        with cleaning:
            report = clean(report)
        if index is not None:
            with grouping_clock:
                group_of[Path(report.path).stem] = index.add(report.id, report.raw)
    cpu = read.cpu + cleaning.cpu + grouping_clock.cpu
    figures = {
        "documents": documents, "rejected": rejected, "grouping": grouping,
        "groups": len(set(group_of.values())) if index is not None else None,
        "originals": sum(1 for original in copy_of.values() if original is None),
        **_check_grouping(group_of, copy_of),
        "html_parsed": markup_left == 0,
        "read_cpu_s": round(read.cpu, 3), "clean_cpu_s": round(cleaning.cpu, 3),
        "group_cpu_s": round(grouping_clock.cpu, 3), "cpu_s": round(cpu, 3),
        "docs_per_s": _rate(documents, cpu),
    }
    if markup_left:
        figures["note"] = (f"{markup_left} pages kept their HTML markup: no HTML reader yet, "
                           "pages were read as plain text")
    return figures


def _check_grouping(group_of: dict[str, str], copy_of: dict[str, str | None]) -> dict:
    if not group_of:
        return {}
    copies = [(name, original) for name, original in copy_of.items() if original]
    found = sum(1 for name, original in copies
                if name in group_of and group_of[name] == group_of.get(original))
    originals_by_group: dict[str, int] = {}
    for name, original in copy_of.items():
        if original is None and name in group_of:
            originals_by_group[group_of[name]] = originals_by_group.get(group_of[name], 0) + 1
    merged = sum(count for count in originals_by_group.values() if count > 1)
    return {"copies_grouped": f"{found}/{len(copies)}",
            "originals_wrongly_merged": f"{merged}/{sum(originals_by_group.values())}"}


def stage_rows(timers: list[StageTimer], words: int) -> list[dict]:
    return [{"stage": t.name, "calls": t.calls, "cpu_s": round(t.cpu, 3),
             "wall_s": round(t.wall, 3),
             "docs_per_s": _rate(t.calls, t.cpu), "words_per_s": _rate(words, t.cpu),
             "ms_per_1000_words": round(1e6 * t.cpu / words, 2) if words else None}
            for t in timers]


def run_news(news_path: Path | None, config_path: Path | None, cli_workers: tuple[int, ...],
             workdir: Path | None = None) -> dict:
    """Real-length news (a JSONL of ``{"id", "text", ...}`` records, e.g. the HRDsAttack
    texts in ../shared): per-stage time per 1,000 words in this process, then the command in
    steady state. Absent: skipped with the reason (the data is not ours to ship)."""
    if news_path is None:
        return {"skipped": "no --news corpus given"}
    if not news_path.is_file():
        return {"skipped": f"{news_path} is absent (real-length news is read at bench time "
                           "from ../shared, never committed)"}
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-news-", dir=workdir) as tmp:
        # only the fields of the document contract: gold labels stay out of the input
        records = []
        with news_path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    records.append({key: record[key] for key in
                                    ("id", "text", "title", "published", "url", "publisher")
                                    if record.get(key) is not None})
        jsonl_path = write_jsonl(records, Path(tmp) / "news.jsonl")
        words = sum(len(_WORD.findall(record.get("text", ""))) for record in records)
        extract, timers = run_extract(build_pipeline(None, config_path), jsonl_path)
        figures = {"path": str(news_path), "articles": len(records), "words": words,
                   "words_per_article": round(words / max(1, len(records)), 1),
                   "extract": extract, "stages": stage_rows(timers, words)}
        figures["cli"] = [steady_state(jsonl_path, len(records), config_path, workers)
                          for workers in cli_workers]
    return figures


def judge_command(results: Results) -> list[dict]:
    """Issue 17's targets for the command itself: articles/s per core in steady state on both
    corpora, what 2 processes buy over one (wall clock), peak RSS per worker."""
    runs = [("generated ~325-word articles", results.cli or [], 60),
            ("real news ~1,000-word articles", (results.news or {}).get("cli") or [], 15)]
    verdicts = []
    for corpus, cli, minimum in runs:
        one = next((run for run in cli if run.get("workers") == 1), {})
        label = f"sitrep extract, {corpus}, steady state"
        verdicts.append(_verdict(Target(label, None, "docs", minimum, "#17"),
                                 one.get("docs_per_s"),
                                 one.get("error") or one.get("note", "")))
        two = next((run for run in cli if run.get("workers") == 2), {})
        scaling = (round(two["docs_per_s_wall"] / one["docs_per_s_wall"], 2)
                   if two.get("docs_per_s_wall") and one.get("docs_per_s_wall") else None)
        verdict = _verdict(Target(f"  2 processes over 1 (wall clock), {corpus}", None, "x",
                                  1.8, "#17"), scaling, two.get("error", ""))
        verdicts.append({**verdict, "unit": "times (wall clock, disturbed by other load)"})
        # the same from CPU cost (see sitrep.bench_cli): what 2 idle cores would give
        by_cost = (round(2 * one["cpu_ms_per_doc"] / two["cpu_ms_per_doc"], 2)
                   if two.get("cpu_ms_per_doc") and one.get("cpu_ms_per_doc") else None)
        verdict = _verdict(Target(f"  2 processes over 1 (CPU per article), {corpus}", None,
                                  "x", 1.8, "#17"), by_cost, two.get("error", ""))
        verdicts.append({**verdict, "unit": "times (2 x CPU ms/article on 1 over that on 2)"})
        rss = max((run.get("peak_rss_mb") or 0 for run in cli), default=0) or None
        verdicts.append({"target": f"  peak RSS per process, {corpus}", "issue": "#17",
                         "unit": "MB at most", "minimum": 1000, "measured": rss,
                         "status": "n/a" if rss is None else "PASS" if rss <= 1000 else "FAIL",
                         "note": ""})
    return verdicts


def judge_targets(results: Results, timers: list[StageTimer],
                  full_stages: list[str]) -> list[dict]:
    """A verdict per target; ``full_stages`` is the configured pipeline before ``--stages``."""
    by_name = {t.name: t for t in timers}
    verdicts = []
    for target in TARGETS:
        if target.stages is None:
            measured = results.extract.get("docs_per_s")
            note = ("" if [t.name for t in timers] == full_stages
                    else "a subset of the configured stages")
        elif all(name in by_name for name in target.stages):
            cpu = sum(by_name[name].cpu for name in target.stages)
            count = results.words if target.unit == "words" else results.articles
            measured, note = _rate(count, cpu), ""
        else:
            missing = [name for name in target.stages if name not in by_name]
            measured, note = None, f"not measured: {', '.join(missing)} not in the pipeline"
        verdicts.append(_verdict(target, measured, note))
    html = results.html
    note = html.get("error") or html.get("note") or (
        "" if html.get("groups") is not None else f"grouping {html.get('grouping')}")
    verdicts.append(_verdict(HTML_TARGET, html.get("docs_per_s"), note))
    return verdicts


def _verdict(target: Target, measured: float | None, note: str) -> dict:
    if measured is None:
        status = "n/a"
    elif note:  # measured on less than the target names: a figure, but no verdict
        status = "partial"
    else:
        status = "PASS" if measured >= target.minimum else "FAIL"
    return {"target": target.label, "issue": target.issue, "unit": f"{target.unit}/s per core",
            "minimum": target.minimum, "measured": measured, "status": status, "note": note}


def run_benchmark(articles: int = 2000, workers: int = 1, stages: list[str] | None = None,
                  seed: int = 2016, config_path: Path | None = None, cli: bool = True,
                  workdir: Path | None = None, news_path: Path | None = None,
                  cli_workers: tuple[int, ...] = (1, 2)) -> Results:
    """Generate the corpus, measure everything, return the figures (nothing is printed)."""
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-", dir=workdir) as tmp:
        with Clock() as generation:
            labelled = list(generate_labelled(articles, seed=seed))
            corpus = [article.record for article in labelled]
            jsonl_path = write_jsonl(corpus, Path(tmp) / "corpus.jsonl")
            write_html(corpus, Path(tmp) / "html")
        words = sum(len(_WORD.findall(article["text"])) for article in corpus)
        results = Results(articles=articles, words=words)
        copy_of = {article.record["id"]: article.copy_of for article in labelled}
        results.corpus = {"seed": seed, "words_per_article": round(words / max(1, articles), 1),
                          "syndicated_copies": sum(1 for c in copy_of.values() if c),
                          "generated_in_s": round(generation.wall, 2)}
        results.tokenize = bare_tokenize(jsonl_path)
        with Clock() as building:
            pipeline = build_pipeline(stages, config_path)
        results.build = {"stages": pipeline.stage_names, "wall_s": round(building.wall, 2),
                         "options": {name: pipeline.config.options(name)
                                     for name in pipeline.stage_names
                                     if pipeline.config.options(name)},
                         "rss_after_build_mb": _peak_rss_mb()}
        results.extract, timers = run_extract(pipeline, jsonl_path)
        results.stages = stage_rows(timers, words)
        tokenize_rate = results.tokenize["docs_per_s"]
        extract_rate = results.extract["docs_per_s"]
        results.extract["tokenize_ratio"] = (round(tokenize_rate / extract_rate, 1)
                                             if tokenize_rate and extract_rate else None)
        if cli and not stages:  # the command always runs the configured pipeline
            results.cli = [steady_state(jsonl_path, articles, config_path, count)
                           for count in cli_workers]
        if workers > 1:
            results.parallel = run_parallel(stages, config_path, jsonl_path, workers)
        results.html = run_html(Path(tmp) / "html", copy_of, config_path)
        full_stages = list(load_config(config_path).stages)
        if not stages:
            results.news = run_news(news_path, config_path, cli_workers if cli else (), workdir)
        results.targets = judge_targets(results, timers, full_stages)
        if results.cli is not None:
            results.targets += judge_command(results)
    results.peak_rss_mb = _peak_rss_mb()
    return results


def format_results(results: Results) -> str:
    extract, tokenize = results.extract, results.tokenize
    lines = [
        f"sitrep bench: {results.articles:,} generated articles, {results.words:,} words "
        f"({results.corpus['words_per_article']} per article, "
        f"{results.corpus['syndicated_copies']} syndicated copies), seed {results.corpus['seed']}",
        f"pipeline: {' > '.join(results.build['stages'])} (built in {results.build['wall_s']} s)",
        "options: " + ("; ".join(f"{name} {options}" for name, options
                                 in results.build["options"].items()) or "defaults"),
        "",
        f"{'pass':<44}{'docs/s':>10}{'sent/s':>10}{'cpu s':>9}{'wall s':>9}",
        f"{'bare tokenization (JSONL + regex split)':<44}{_fmt(tokenize['docs_per_s']):>10}"
        f"{'':>10}{tokenize['cpu_s']:>9}{tokenize['wall_s']:>9}",
        f"{'extract (read > pipeline > contract JSON)':<44}{_fmt(extract['docs_per_s']):>10}"
        f"{_fmt(extract['sentences_per_s']):>10}{extract['cpu_s']:>9}{extract['wall_s']:>9}",
        f"  extract is {extract['tokenize_ratio']}x slower than bare tokenization; "
        f"{extract['sentences']:,} sentences, {extract['events']:,} events, "
        f"{extract['rejected']} rejected {extract['rejection_codes'] or ''}",
    ]
    lines += _command_lines(results.cli)
    if results.parallel:
        parallel = results.parallel
        lines.append(f"  with {parallel['workers']} workers: "
                     f"{_fmt(parallel['docs_per_s_wall'])} docs/s "
                     f"wall ({_fmt(parallel['docs_per_s_per_worker'])} per worker, pool start-up "
                     f"included), workers' peak RSS {parallel['children_peak_rss_mb']} MB")
    lines += ["", *_stage_lines(results.stages)]
    lines += _news_lines(results.news)
    html = results.html
    if "error" in html:
        lines += ["", f"HTML ingest: not measured: {html['error']}"]
    else:
        lines += ["", f"HTML ingest: read {html['read_cpu_s']} s, clean {html['clean_cpu_s']} s, "
                  f"grouping ({html['grouping']}) {html['group_cpu_s']} s cpu; "
                  f"{html['groups'] if html['groups'] is not None else '-'} groups for "
                  f"{html['originals']} originals (copies grouped with their original "
                  f"{html.get('copies_grouped', '-')}, originals wrongly merged "
                  f"{html.get('originals_wrongly_merged', '-')}), {html['rejected']} rejected"
                  + (f"; {html['note']}" if "note" in html else "")]
    lines += ["", f"{'target (per core)':<58}{'issue':>6}{'minimum':>10}{'measured':>11}  status"]
    for verdict in results.targets:
        lines.append(f"{verdict['target']:<58}{verdict['issue']:>6}{_fmt(verdict['minimum']):>10}"
                     f"{_fmt(verdict['measured']):>11}  {verdict['status']} {verdict['unit']}"
                     + (f"  ({verdict['note']})" if verdict["note"] else ""))
    lines += ["", f"peak RSS {results.peak_rss_mb} MB (after pipeline build: "
              f"{results.build['rss_after_build_mb']} MB). Rates per core use CPU seconds."]
    return "\n".join(lines)


def _command_lines(cli: list[dict] | None) -> list[str]:
    lines = []
    for run in cli or []:
        if "error" in run:
            lines.append(f"  `sitrep extract` on {run['workers']} process(es) failed: "
                         f"{run['error']}")
        else:
            lines.append(f"  `sitrep extract`, {run['workers']} process(es), steady state "
                         f"(start-up {run['start_up_wall_s']} s excluded): "
                         f"{_fmt(run['docs_per_s'])} docs/s per core, "
                         f"{_fmt(run['docs_per_s_wall'])} docs/s wall, "
                         f"{_fmt(run.get('cpu_ms_per_doc'))} CPU ms per article (all processes), "
                         f"load average {run.get('load_average', '-')}; peak RSS "
                         f"{run['peak_rss_mb']} MB" + (f" ({run['note']})" if run["note"] else ""))
    return lines


def _stage_lines(rows: list[dict]) -> list[str]:
    lines = [f"{'stage':<22}{'docs/s':>10}{'words/s':>12}{'ms/1k words':>13}{'cpu s':>9}"
             f"{'share':>8}"]
    total_cpu = sum(row["cpu_s"] for row in rows) or 1.0
    for row in rows:
        lines.append(f"{row['stage']:<22}{_fmt(row['docs_per_s']):>10}"
                     f"{_fmt(row['words_per_s']):>12}{_fmt(row['ms_per_1000_words']):>13}"
                     f"{row['cpu_s']:>9}{100 * row['cpu_s'] / total_cpu:>7.1f}%")
    return lines


def _news_lines(news: dict | None) -> list[str]:
    if not news:
        return []
    if "skipped" in news:
        return ["", f"real-length news: not measured: {news['skipped']}"]
    extract = news["extract"]
    return ["", f"real-length news: {news['articles']:,} articles of {news['path']}, "
                f"{news['words']:,} words ({news['words_per_article']} per article)",
            f"  extract in this process: {_fmt(extract['docs_per_s'])} docs/s per core, "
            f"{extract['events']:,} events, {extract['rejected']} rejected",
            *_command_lines(news.get("cli")), *_stage_lines(news["stages"])]


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--workers", type=int, default=1,
                        help="also run the extract path through N processes (default 1: no)")
    parser.add_argument("--stages", help="comma-separated subset of the pipeline's stages")
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--no-cli", action="store_true",
                        help="skip timing the `sitrep extract` command in a child process")
    parser.add_argument("--news", type=Path,
                        help="real-length news as JSONL (e.g. "
                             "../shared/data/hrdsattack/train_dev.jsonl): also measured, per "
                             "stage and through the command")
    parser.add_argument("--config", type=Path,
                        help="a TOML file merged over the default configuration")
    parser.add_argument("--out", type=Path, default=Path(".bench/latest.json"),
                        help="where the figures are written as JSON")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.workers < 1:
        parser.error("--articles and --workers must be at least 1")
    stages = [name.strip() for name in args.stages.split(",")] if args.stages else None
    results = run_benchmark(args.articles, args.workers, stages, args.seed, args.config,
                            cli=not args.no_cli, news_path=args.news)
    print(format_results(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(asdict(results), indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
