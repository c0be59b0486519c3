"""Measuring ingestion and text hygiene on fixtures with known answers.

    .venv/bin/python -m sitrep.clean.measure [HTML_DIR] [REPORTS_JSON]

prints three figures (defaults: tests/fixtures/html and tests/fixtures/ingest_corpus/reports.json):

- **cleaning**: character precision/recall of the clean text of each HTML page against its known
  main text (``NN-layout.json`` next to ``NN-layout.html``), after extraction alone and after
  the ``clean`` stage, plus how many stated publication dates were read right;
- **grouping**: pairwise precision/recall of :class:`NearDuplicateIndex` on a corpus generated
  from hand-written reports: each report plus syndicated copies (new headline, dateline,
  furniture), edited copies (words changed, a sentence dropped), truncated copies, and the other
  reports as unrelated ones — several on the same place and kind of event;
- **throughput** (:func:`html_throughput`): HTML pages per second through reading, cleaning and
  grouping, the figure ``make bench`` reports.

Characters are compared word by word (difflib alignment of the two word sequences; a matched word
counts its characters), so a page that lost a paragraph loses recall and a page that kept a
share line loses precision.
"""

from __future__ import annotations

import difflib
import html
import json
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..ingest import read_inputs
from ..merge.near_duplicates import NearDuplicateIndex
from .stage import Clean

__all__ = ["CleaningScores", "GroupingScores", "measure_cleaning", "measure_grouping",
           "grouping_corpus", "html_throughput", "character_overlap"]

_WORD = re.compile(r"\S+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def _words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_QUOTES))


def character_overlap(found: str, gold: str) -> tuple[int, int, int]:
    """(matched characters, characters found, characters in gold), aligned word by word."""
    found_words, gold_words = _words(found), _words(gold)
    matcher = difflib.SequenceMatcher(None, found_words, gold_words, autojunk=False)
    matched = sum(sum(len(w) for w in found_words[block.a:block.a + block.size])
                  for block in matcher.get_matching_blocks())
    return matched, sum(map(len, found_words)), sum(map(len, gold_words))


@dataclass
class CleaningScores:
    pages: int = 0
    rejected: int = 0
    extracted: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, found, gold
    cleaned: list[int] = field(default_factory=lambda: [0, 0, 0])
    dates_stated: int = 0
    dates_right: int = 0
    dates_invented: int = 0  # a date given where the page states none
    worst: list[tuple[str, float, float]] = field(default_factory=list)

    @staticmethod
    def _pr(counts: list[int]) -> tuple[float, float]:
        matched, found, gold = counts
        return (matched / found if found else 0.0), (matched / gold if gold else 0.0)

    @property
    def precision(self) -> float:
        return self._pr(self.cleaned)[0]

    @property
    def recall(self) -> float:
        return self._pr(self.cleaned)[1]

    def to_dict(self) -> dict:
        extracted, cleaned = self._pr(self.extracted), self._pr(self.cleaned)
        return {"pages": self.pages, "rejected": self.rejected,
                "extraction_precision": round(extracted[0], 4),
                "extraction_recall": round(extracted[1], 4),
                "clean_precision": round(cleaned[0], 4), "clean_recall": round(cleaned[1], 4),
                "dates_stated": self.dates_stated, "dates_right": self.dates_right,
                "dates_invented": self.dates_invented,
                "worst_pages": [{"page": p, "precision": round(a, 3), "recall": round(b, 3)}
                                for p, a, b in sorted(self.worst, key=lambda w: w[1] + w[2])[:5]]}


def measure_cleaning(html_dir: str | Path) -> CleaningScores:
    """Cleaning precision/recall on every ``*.html`` in ``html_dir`` that has a ``.json`` gold."""
    scores = CleaningScores()
    clean = Clean()
    for page in sorted(Path(html_dir).glob("*.html")):
        gold_path = page.with_suffix(".json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scores.pages += 1
        (report,) = read_inputs([str(page)])
        if report.rejection:
            scores.rejected += 1
            scores.extracted[2] += len("".join(_words(gold["text"])))
            scores.cleaned[2] += len("".join(_words(gold["text"])))
            continue
        for counts, text in ((scores.extracted, report.raw), (scores.cleaned, None)):
            if text is None:
                report = clean(report)
                text = report.text
            matched, found, total = character_overlap(text, gold["text"])
            counts[0] += matched
            counts[1] += found
            counts[2] += total
        scores.worst.append((page.name, matched / found if found else 0.0,
                             matched / total if total else 0.0))
        stated = date.fromisoformat(gold["published"]) if gold.get("published") else None
        if stated is not None:
            scores.dates_stated += 1
            scores.dates_right += report.published == stated
        elif report.published is not None:
            scores.dates_invented += 1
    return scores


# -- grouping ----------------------------------------------------------------------------------

_AGENCIES = ["Reuters", "AP", "AFP", "Xinhua", "dpa"]
_FURNITURE = ["2 min read", "Share this article", "Advertisement", "Follow us on Twitter"]
_SWAPS = {"said": "told reporters", "killed": "left dead", "Tuesday": "Wednesday",
          "Monday": "Sunday", "at least": "some", "residents": "locals", "heavy": "fierce",
          "city": "town", "forces": "troops", "people": "civilians"}


def _body(report: dict) -> list[str]:
    return list(report["paragraphs"])


def _syndicated(report: dict, rng: random.Random) -> str:
    agency = rng.choice(_AGENCIES)
    paragraphs = _body(report)
    paragraphs[0] = f"{report['headline'].split()[0].upper()} ({agency}) - {paragraphs[0]}"
    headline = "UPDATE 1-" + report["headline"]
    lines = [headline, rng.choice(_FURNITURE), *paragraphs, f"Reporting by {agency} staff"]
    return "\n".join(lines)


def _edited(report: dict, rng: random.Random) -> str:
    paragraphs = _body(report)
    if len(paragraphs) > 3:
        paragraphs.pop(rng.randrange(1, len(paragraphs)))
    text = "\n\n".join([report["headline"], *paragraphs])
    for old, new in rng.sample(sorted(_SWAPS.items()), 4):
        text = text.replace(old, new)
    return re.sub(r"\b(\d+)\b", lambda m: str(int(m.group()) + 1), text)


def _truncated(report: dict, rng: random.Random, keep: float) -> str:
    words = " ".join(_body(report)).split()
    cut = max(12, int(len(words) * keep))
    return " ".join(words[:cut]) + rng.choice(["...", " \u2026", ""])


def _reheaded(report: dict, rng: random.Random) -> str:
    paragraphs = _body(report)
    intro = rng.choice(["Officials gave few details.", "More details were not immediately "
                        "available.", "The information could not be independently verified."])
    return "\n".join([f"WATCH: {report['headline'].lower()}", *paragraphs, intro])


def _reordered(report: dict, rng: random.Random) -> str:
    paragraphs = _body(report)
    rest = paragraphs[1:]
    rng.shuffle(rest)
    return "\n\n".join([f"{report['headline']} - officials", paragraphs[0], *rest])


def _truncated_reheaded(report: dict, rng: random.Random) -> str:
    return f"BREAKING: {report['headline']}\n" + _truncated(report, rng, rng.uniform(0.4, 0.6))


def _roundup(reports: list[dict], rng: random.Random) -> str:
    """A news round-up quoting the first paragraph of three stories: a copy of none of them."""
    picked = rng.sample(reports, 3)
    return "\n\n".join(["Here is a summary of the day's main news."]
                        + [r["paragraphs"][0] for r in picked])


def grouping_corpus(reports: list[dict], seed: int = 7) -> list[tuple[str, str, str]]:
    """(doc id, text, true group) for the originals, 1-6 variants of each and a few news
    round-ups (each its own group), shuffled."""
    rng = random.Random(seed)
    documents = []
    for report in reports:
        group = report["id"]
        original = "\n".join([report["headline"], *(
            [f"{report['dateline']} {p}" if i == 0 and report["dateline"] else p
             for i, p in enumerate(report["paragraphs"])])])
        documents.append((group, original, group))
        variants = [("syndicated", _syndicated(report, rng)), ("edited", _edited(report, rng)),
                    ("truncated", _truncated(report, rng, rng.uniform(0.3, 0.7))),
                    ("reheaded", _reheaded(report, rng)), ("reordered", _reordered(report, rng)),
                    ("truncated-reheaded", _truncated_reheaded(report, rng))]
        for kind, text in rng.sample(variants, rng.randint(1, len(variants))):
            documents.append((f"{group}-{kind}", text, group))
    for number in range(len(reports) // 5):
        documents.append((f"roundup{number}", _roundup(reports, rng), f"roundup{number}"))
    rng.shuffle(documents)
    return documents


@dataclass
class GroupingScores:
    documents: int = 0
    true_pairs: int = 0
    found_pairs: int = 0
    right_pairs: int = 0
    # the groups as ``add`` returned them, before later reports merged groups (what a store that
    # records each report's group when adding it sees)
    assigned_pairs: int = 0
    assigned_right: int = 0
    missed: list[str] = field(default_factory=list)
    false_links: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.right_pairs / self.true_pairs if self.true_pairs else 1.0

    def to_dict(self) -> dict:
        assigned_precision = (self.assigned_right / self.assigned_pairs
                              if self.assigned_pairs else 1.0)
        assigned_recall = self.assigned_right / self.true_pairs if self.true_pairs else 1.0
        return {"documents": self.documents, "true_pairs": self.true_pairs,
                "found_pairs": self.found_pairs, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "as_assigned_precision": round(assigned_precision, 4),
                "as_assigned_recall": round(assigned_recall, 4), "missed": self.missed[:10],
                "false_links": self.false_links[:10]}


def _pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = {}
    for doc, group in groups.items():
        members.setdefault(group, []).append(doc)
    return {(a, b) for docs in members.values() for a in docs for b in docs if a < b}


def measure_grouping(reports: list[dict], seeds: tuple[int, ...] = tuple(range(1, 11)),
                     make_index=NearDuplicateIndex) -> GroupingScores:
    """Pairwise precision/recall of near-duplicate grouping on :func:`grouping_corpus`, summed
    over one corpus per seed (each grouped by a fresh index from ``make_index()``)."""
    scores = GroupingScores()
    for seed in seeds:
        index = make_index()
        corpus = grouping_corpus(reports, seed)
        truth = {f"{seed}/{doc}": group for doc, _, group in corpus}
        assigned = {f"{seed}/{doc}": index.add(f"{seed}/{doc}", text) for doc, text, _ in corpus}
        found = {doc: index.group_of(doc) for doc in truth}
        true_pairs, found_pairs, assigned_pairs = _pairs(truth), _pairs(found), _pairs(assigned)
        scores.assigned_pairs += len(assigned_pairs)
        scores.assigned_right += len(true_pairs & assigned_pairs)
        scores.documents += len(corpus)
        scores.true_pairs += len(true_pairs)
        scores.found_pairs += len(found_pairs)
        scores.right_pairs += len(true_pairs & found_pairs)
        scores.missed += sorted(f"{a}~{b}" for a, b in true_pairs - found_pairs)
        scores.false_links += sorted(f"{a}~{b}" for a, b in found_pairs - true_pairs)
    return scores


# -- throughput ----------------------------------------------------------------------------------

def write_html_corpus(directory: str | Path, pages: int = 2000,
                      html_dir: str | Path | None = None, seed: int = 5) -> Path:
    """``pages`` distinct HTML pages built from the fixture pages: each takes a fixture page's
    layout and replaces its paragraphs with paragraphs drawn from all the fixture reports; one
    page in ten is a syndicated copy (same article, another page) of an earlier one."""
    source = Path(html_dir) if html_dir else _fixtures() / "html"
    templates = []
    for page in sorted(source.glob("*.html")):
        gold = page.with_suffix(".json")
        if gold.exists():
            paragraphs = json.loads(gold.read_text(encoding="utf-8"))["text"].split("\n")[1:]
            templates.append((page.read_bytes(), [html.escape(p).encode() for p in paragraphs]))
    if not templates:
        raise FileNotFoundError(f"no HTML pages with gold text in {source}")
    pool = [p for _, paragraphs in templates for p in paragraphs]
    rng = random.Random(seed)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    articles: list[list[bytes]] = []
    for n in range(pages):
        page, paragraphs = templates[n % len(templates)]
        if articles and rng.random() < 0.1:
            replacement = rng.choice(articles)
        else:
            replacement = rng.sample(pool, len(paragraphs))
            articles.append(replacement)
        for old, new in zip(paragraphs, replacement):
            page = page.replace(old, new)
        (directory / f"page{n:05d}.html").write_bytes(page)
    return directory


def html_throughput(pages: int = 2000, html_dir: str | Path | None = None) -> dict:
    """Articles per second in one process through HTML reading + cleaning + grouping.

    The corpus (:func:`write_html_corpus`) is written to a temporary directory first, untimed.
    ``articles_per_s`` is by the wall clock; ``articles_per_cpu_s`` by this process's CPU time,
    the per-core figure when other work shares the machine.
    """
    clean = Clean()
    index = NearDuplicateIndex()
    with tempfile.TemporaryDirectory(prefix="sitrep-html-") as tmp:
        corpus = write_html_corpus(tmp, pages, html_dir)
        reading = cleaning = grouping = 0.0
        documents = rejected = 0
        groups = set()
        started, cpu_started = time.perf_counter(), time.process_time()
        reports = read_inputs([str(corpus)])
        while True:
            tick = time.perf_counter()
            report = next(reports, None)
            reading += time.perf_counter() - tick
            if report is None:
                break
            documents += 1
            if report.rejection:
                rejected += 1
                continue
            tick = time.perf_counter()
            report = clean(report)
            cleaning += time.perf_counter() - tick
            tick = time.perf_counter()
            groups.add(index.add(report.id, report.text))
            grouping += time.perf_counter() - tick
        total, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {"articles": documents, "rejected": rejected, "groups": len(groups),
            "seconds": round(total, 3), "cpu_seconds": round(cpu, 3),
            "articles_per_s": round(documents / total, 1),
            "articles_per_cpu_s": round(documents / cpu, 1) if cpu else None,
            "read_s": round(reading, 3), "clean_s": round(cleaning, 3),
            "group_s": round(grouping, 3)}


def _fixtures() -> Path:
    return Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    html_dir = Path(args[0]) if args else _fixtures() / "html"
    reports_path = Path(args[1]) if len(args) > 1 else _fixtures() / "ingest_corpus" / "reports.json"
    cleaning = measure_cleaning(html_dir)
    print("cleaning", json.dumps(cleaning.to_dict(), indent=1))
    reports = json.loads(reports_path.read_text(encoding="utf-8"))
    print("grouping", json.dumps(measure_grouping(reports).to_dict(), indent=1))
    print("throughput", json.dumps(html_throughput(1000, html_dir)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
