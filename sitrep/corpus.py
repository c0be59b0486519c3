"""Generated corpora: the benchmark's articles, and the demo's generated fixtures.

Two jobs, both deterministic (seeded), both built only from text this project wrote itself:

* ``generate_articles(n)`` builds ``n`` wire-style articles for ``make bench`` by recombining the
  sentences of the demo reports in ``examples/`` (new datelines, dates, numbers, weekdays, sentence
  order, background paragraphs, an occasional repeated paragraph, badge line or syndicated copy), so
  the benchmark measures text that looks like what the demo processes — at a realistic length.
  ``write_jsonl`` and ``write_html`` store them in the two input formats the benchmark reads.
* ``write_seed_example`` and ``write_bad_examples`` (re)build the files of ``examples/`` that
  must be byte-exact and so are made by code: the seed as one JSONL line, and the bad inputs
  (a binary file named ``.txt``, a cp1252 report, a JSONL file with one broken line).
  Run ``python -m sitrep.corpus --examples`` after changing them; tests check the committed bytes.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

__all__ = [
    "EXAMPLES_DIR", "DemoReport", "GeneratedArticle", "load_demo_reports", "generate_articles",
    "generate_labelled", "write_jsonl",
    "write_html", "write_seed_example", "write_bad_examples", "binary_example_bytes",
    "legacy_example_bytes", "broken_jsonl_example",
]

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"

_PUBLISHED_LINE = re.compile(r"^Published:\s*(\d{4}-\d{2}-\d{2})\s*$")
# "MOSUL, Iraq, March 3, 2024 (Tigris News) — " at the start of a report's first paragraph.
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]+), ([^,]+(?:, [^,(]+)?), [A-Z][a-z]+\.? \d{1,2}, \d{4} "
                       r"\(([^)]+)\) — ")
_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")
_BOILERPLATE = ("Share this article", "Advertisement", "2 min read", "3 min read")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
           "Nov.", "Dec.")
_PUBLISHERS = ("Frontline Wire", "Daily Dispatch", "Continental Post", "Evening Herald",
               "Regional Monitor", "World Desk")


@dataclass(frozen=True)
class DemoReport:
    """One demo report split for recombination: where, when, who published it, its sentences."""

    name: str
    title: str
    published: date
    city: str | None
    country: str | None
    sentences: tuple[str, ...]


def _split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _parse_text_report(path: Path) -> DemoReport | None:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    title = lines[0] if lines else ""
    published = city = country = None
    sentences: list[str] = []
    for line in lines[1:]:
        match = _PUBLISHED_LINE.match(line)
        if match:
            published = date.fromisoformat(match.group(1))
            continue
        if not line or line in _BOILERPLATE:
            continue
        dateline = _DATELINE.match(line)
        if dateline:
            city, country = dateline.group(1).title(), dateline.group(2)
            line = line[dateline.end():]
        for sentence in _split_sentences(line):
            if sentence not in sentences:  # a report's repeated paragraphs are one template
                sentences.append(sentence)
    if published is None or not sentences:
        return None
    return DemoReport(path.stem, title, published, city, country, tuple(sentences))


def _parse_jsonl_reports(path: Path) -> list[DemoReport]:
    reports = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        record = json.loads(line)
        text = re.sub(r"^[A-Z]+ \([^)]+\) — ", "", record["text"])
        sentences = [s for paragraph in text.split("\n") for s in _split_sentences(paragraph)]
        reports.append(DemoReport(record["id"], record.get("title") or "",
                                  date.fromisoformat(record["published"]), None, None,
                                  tuple(sentences)))
    return reports


def load_demo_reports(examples_dir: Path = EXAMPLES_DIR) -> list[DemoReport]:
    """The demo's well-formed reports (``reports/*.txt`` and ``wire.jsonl``), sorted by name."""
    reports = [r for p in sorted((examples_dir / "reports").glob("*.txt"))
               if (r := _parse_text_report(p))]
    wire = examples_dir / "wire.jsonl"
    if wire.is_file():
        reports.extend(_parse_jsonl_reports(wire))
    if not reports:
        raise FileNotFoundError(f"no demo reports under {examples_dir} to build a corpus from")
    return sorted(reports, key=lambda r: r.name)


def _vary(sentence: str, rng: random.Random) -> str:
    """Change the counts and weekdays of a sentence, keeping its shape."""
    sentence = re.sub(r"\b(\d{1,3})\b(?! (?:a\.m|p\.m))",
                      lambda m: str(max(1, int(m.group(1)) + rng.randint(-3, 9))), sentence)
    return re.sub(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                  lambda m: rng.choice(_WEEKDAYS), sentence)


def _dateline(report: DemoReport, published: date, publisher: str) -> str:
    if not report.city:
        return ""
    month = _MONTHS[published.month - 1]
    return f"{report.city.upper()}, {report.country}, {month} {published.day}, {published.year} " \
           f"({publisher}) — "


def generate_articles(n: int, seed: int = 2016,
                      reports: list[DemoReport] | None = None) -> Iterator[dict]:
    """``n`` articles as contract input records ``{id, text, published, title, publisher}``.

    Each article is a demo report's lead sentence, then the rest of that report and 7-15
    background sentences from other reports in a shuffled order (all varied), in paragraphs of
    1-3 sentences: about 200-400 words, a short wire story.
    About 1 in 8 is a syndicated copy of an earlier article (re-headed, truncated, new publisher),
    1 in 10 repeats a paragraph and 1 in 10 carries a badge line, as scraped news does.
    """
    for article in generate_labelled(n, seed, reports):
        yield article.record


@dataclass(frozen=True)
class GeneratedArticle:
    """A generated article with what it was made from: its lead report, and the id of the
    article it copies (None for an original) — the truth a grouping can be checked against."""

    record: dict
    lead: str
    copy_of: str | None


def generate_labelled(n: int, seed: int = 2016,
                      reports: list[DemoReport] | None = None) -> Iterator[GeneratedArticle]:
    """As :func:`generate_articles`, each article with its labels."""
    reports = reports or load_demo_reports()
    rng = random.Random(seed)
    made: list[GeneratedArticle] = []
    for number in range(n):
        if made and rng.random() < 0.125:
            original = rng.choice(made[-50:])
            root = original.copy_of or original.record["id"]
            article = GeneratedArticle(_syndicated_copy(original.record, number, rng),
                                       original.lead, root)
        else:
            report = rng.choice(reports)
            article = GeneratedArticle(_fresh_article(report, reports, number, rng),
                                       report.name, None)
        made.append(article)
        yield article


def _fresh_article(report: DemoReport, reports: list[DemoReport], number: int,
                   rng: random.Random) -> dict:
    published = report.published + timedelta(days=rng.randint(-400, 400))
    publisher = rng.choice(_PUBLISHERS)
    # Only the lead sentence stays in place: two originals built on the same demo report must
    # not share their opening paragraphs, or they would be copies of each other in all but name.
    others = rng.sample(reports, k=min(len(reports), 7))
    background = [s for other in others if other is not report for s in other.sentences[1:]]
    rng.shuffle(background)
    body = list(report.sentences[1:]) + background[:rng.randint(7, 15)]
    rng.shuffle(body)
    sentences = [_vary(s, rng) for s in (report.sentences[0], *body)]
    paragraphs: list[str] = []
    position = 0
    while position < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[position:position + size]))
        position += size
    paragraphs[0] = _dateline(report, published, publisher) + paragraphs[0]
    if len(paragraphs) > 2 and rng.random() < 0.1:
        repeated = rng.randrange(1, len(paragraphs))
        paragraphs.insert(repeated + 1, paragraphs[repeated])
    if rng.random() < 0.1:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(_BOILERPLATE))
    return {"id": f"bench-{number:06d}", "text": "\n".join(paragraphs),
            "published": published.isoformat(), "title": report.title, "publisher": publisher}


def _syndicated_copy(original: dict, number: int, rng: random.Random) -> dict:
    paragraphs = original["text"].split("\n")
    keep = max(1, int(len(paragraphs) * rng.uniform(0.5, 1.0)))
    publisher = rng.choice([p for p in _PUBLISHERS if p != original["publisher"]])
    text = "\n".join(paragraphs[:keep]).replace(f"({original['publisher']})", f"({publisher})", 1)
    return {"id": f"bench-{number:06d}", "text": text, "published": original["published"],
            "title": f"{original['title']} ({publisher})", "publisher": publisher}


def write_jsonl(articles: list[dict], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


_HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {publisher}</title>
<meta property="article:published_time" content="{published}T08:00:00Z">
<meta property="og:site_name" content="{publisher}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a>
<a href="/middle-east">Middle East</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept cookies</div>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
<p class="meta">{read_time} min read</p>
{paragraphs}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Aid convoy reaches border town</a></li>
<li><a href="/b">Talks resume in regional capital</a></li></ul></aside></main>
<footer><p>Share this article</p><p>&copy; {year} {publisher}. All rights reserved.</p></footer>
</body></html>
"""


def write_html(articles: list[dict], directory: Path) -> list[Path]:
    """One HTML page per article, with the navigation, cookie, byline and footer boilerplate
    real pages carry around the article text."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n"))
        page = _HTML_PAGE.format(title=html.escape(article["title"]),
                                 publisher=article["publisher"],
                                 published=article["published"], year=article["published"][:4],
                                 read_time=1 + len(article["text"]) // 1500, paragraphs=paragraphs)
        path = directory / f"{article['id']}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths


# -- the demo's generated fixtures ------------------------------------------------------------

SEED_METADATA = {"id": "palmyra", "published": "2016-12-13",
                 "title": "IS show off spoils from Russian base in Palmyra"}


def seed_example_line(seed_text: str) -> str:
    """The seed as one contract JSONL line; ``text`` is the file's content exactly."""
    record = {"id": SEED_METADATA["id"], "text": seed_text,
              "published": SEED_METADATA["published"], "title": SEED_METADATA["title"]}
    return json.dumps(record) + "\n"


def write_seed_example(seed_path: Path, examples_dir: Path = EXAMPLES_DIR) -> Path:
    # newline="" keeps the file's line endings as they are: the text must be byte-exact.
    with seed_path.open(encoding="utf-8", newline="") as source:
        seed_text = source.read()
    out = examples_dir / "seed.jsonl"
    out.write_text(seed_example_line(seed_text), encoding="utf-8", newline="\n")
    return out


def binary_example_bytes() -> bytes:
    """A PNG signature and header chunk, then seeded random bytes: binary data named ``.txt``."""
    header = (b"\x89PNG\r\n\x1a\n"                         # the PNG signature
              b"\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00")
    return header + random.Random(89).randbytes(2048)


LEGACY_EXAMPLE_TEXT = (
    "Gunmen attack police post near Côte d’Ivoire’s northern border\n"
    "Published: 2023-06-14\n"
    "\n"
    "TÉHINI, Côte d’Ivoire, June 14, 2023 (Sahel Wire) — Gunmen attacked a police post near "
    "the "
    "village of Téhini close to the border with Burkina Faso on Tuesday night, killing two "
    "police officers, the security ministry said.\n"
    "The attackers, who arrived on motorbikes, set fire to the post and took weapons before "
    "fleeing towards the border, the ministry said. “The situation is under control,” a "
    "ministry official said.\n"
    "Jihadist groups active in Burkina Faso have carried out several attacks in northern "
    "Côte d’Ivoire since 2020.\n"
)


def legacy_example_bytes() -> bytes:
    """The legacy-encoded report: cp1252 (curly quotes, dashes, accents), not valid UTF-8."""
    return LEGACY_EXAMPLE_TEXT.encode("cp1252")


def broken_jsonl_example() -> str:
    """Three good records around one truncated line: the broken line alone must be rejected."""
    good = [
        {"id": "bad-jsonl-good-1", "published": "2024-01-29",
         "title": "Police arrest protest leaders in Dakar",
         "text": "DAKAR (Sahel Wire) — Senegalese police arrested three leaders of an opposition "
                 "youth movement in Dakar on Sunday ahead of a planned rally, their lawyer said.\n"
                 "The three were detained at their homes before dawn and taken to a police station "
                 "in the city centre, the lawyer said."},
        {"id": "bad-jsonl-good-2", "published": "2024-01-30", "title": "Clashes in Tripoli suburb",
         "text": "TRIPOLI (Sahel Wire) — Rival armed groups clashed with heavy weapons in the "
                 "Tajoura suburb of Tripoli on Monday night, killing three fighters, a health "
                 "official said.\nThe fighting stopped after mediation by local elders."},
        {"id": "bad-jsonl-good-3", "published": "2024-01-31", "title": "Drone strike in Somalia",
         "text": "MOGADISHU (Horn Report) — A drone strike hit an al-Shabaab vehicle near the "
                 "town of Jilib in southern Somalia on Tuesday, killing four militants, the "
                 "Somali government said."},
    ]
    lines = [json.dumps(good[0]), json.dumps(good[1]),
             '{"id": "bad-jsonl-broken", "published": "2024-01-30", "text": "Unterminated record',
             json.dumps(good[2])]
    return "\n".join(lines) + "\n"


def write_bad_examples(examples_dir: Path = EXAMPLES_DIR) -> list[Path]:
    bad = examples_dir / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    files = {
        "empty.txt": b"",
        "binary.txt": binary_example_bytes(),
        "legacy_cp1252.txt": legacy_example_bytes(),
        "broken_lines.jsonl": broken_jsonl_example().encode("utf-8"),
    }
    for name, content in files.items():
        (bad / name).write_bytes(content)
    return [bad / name for name in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.corpus",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", action="store_true",
                        help="rewrite examples/seed.jsonl and examples/bad/ from code")
    parser.add_argument("--seed-path", type=Path,
                        default=EXAMPLES_DIR.parent.parent / "shared" / "seed" / "palmyra.txt")
    parser.add_argument("--articles", type=int, help="write N generated articles as JSONL to --out")
    parser.add_argument("--out", type=Path, default=Path("corpus.jsonl"))
    args = parser.parse_args(argv)
    if args.examples:
        written = write_bad_examples()
        if args.seed_path.is_file():
            written.append(write_seed_example(args.seed_path))
        for path in written:
            print(path)
    if args.articles:
        print(write_jsonl(list(generate_articles(args.articles)), args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
