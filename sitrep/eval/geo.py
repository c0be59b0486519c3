"""`sitrep eval geo --gwn GWN.xml`: place recognition and resolution on GeoWebNews.

GeoWebNews (Gritta et al. 2019) annotates every toponym of 200 news articles with character
offsets and, for the geocodable ones, GeoNames id and coordinates. The gold set here is every
toponym with coordinates (2,601): literal and associative uses alike, adjectival modifiers
("Syrian") included, as the dataset's authors geocode them. Scores:

- recognition precision / recall / F1: a system place matches a gold toponym when the spans
  overlap (one to one, in text order);
- acc@161: share of the matched toponyms resolved within 161 km (100 miles) of the gold point;
- end to end: share of all gold toponyms both found and resolved within 161 km;
- exact id: share of matched toponyms with a gold GeoNames id that got that id;
- median error (km) over the matched toponyms that were resolved.
"""

from __future__ import annotations

import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..model import Report

__all__ = ["add_arguments", "run", "GoldToponym", "read_gwn", "score_gwn"]


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None
    type: str


def add_arguments(parser) -> None:
    parser.add_argument("--gwn", required=True, help="GeoWebNews GWN.xml")
    parser.add_argument("--gazetteer", help="gazetteer file (default: the usual place)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--errors", action="store_true",
                        help="list misses, false alarms and far resolutions on stderr")


def read_gwn(path: str | Path) -> list[tuple[str, list[GoldToponym]]]:
    """Articles as ``(text, gold toponyms with coordinates)``."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise UsageError(f"cannot read GeoWebNews file {path}: {exc}") from exc
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.iter("toponym"):
            lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
            if not lat or not lon:
                continue
            gid = toponym.findtext("geonamesID")
            start, end = int(toponym.findtext("start")), int(toponym.findtext("end"))
            gold.append(GoldToponym(start, end, text[start:end], float(lat), float(lon),
                                    int(gid) if gid else None, toponym.findtext("type") or ""))
        articles.append((text, sorted(gold, key=lambda g: g.start)))
    return articles


def _pair(gold: list[GoldToponym], places: list) -> list[tuple[GoldToponym, object]]:
    """One-to-one overlap matching in text order."""
    pairs, used = [], set()
    for toponym in gold:
        for index, place in enumerate(places):
            if index in used or place.end <= toponym.start or place.start >= toponym.end:
                continue
            used.add(index)
            pairs.append((toponym, place))
            break
    return pairs


def score_gwn(articles, geocode, errors=None) -> dict:
    from ..geo.gazetteer import distance_km

    n_gold = n_system = n_matched = within = resolved = with_id = exact = 0
    distances: list[float] = []
    started = time.perf_counter()
    for number, (text, gold) in enumerate(articles):
        report = geocode(Report(id=str(number), raw=text))
        places = report.places
        pairs = _pair(gold, places)
        n_gold += len(gold)
        n_system += len(places)
        n_matched += len(pairs)
        for toponym, place in pairs:
            if toponym.geonameid is not None:
                with_id += 1
                exact += place.geonameid == toponym.geonameid
            if place.lat is None:
                if errors is not None:
                    errors.append(f"unresolved\t{toponym.text}\t{place.reason}")
                continue
            resolved += 1
            distance = distance_km(toponym.lat, toponym.lon, place.lat, place.lon)
            distances.append(distance)
            if distance <= 161:
                within += 1
            elif errors is not None:
                errors.append(f"far {distance:.0f} km\t{toponym.text}\t{place.name} "
                              f"{place.country}\t{place.reason}")
        if errors is not None:
            matched_gold = {id(t) for t, _ in pairs}
            matched_places = {id(p) for _, p in pairs}
            errors.extend(f"missed\t{t.text}\t{t.type}" for t in gold if id(t) not in matched_gold)
            errors.extend(f"false\t{p.text}\t{p.name} {p.country}" for p in places
                          if id(p) not in matched_places)
    seconds = time.perf_counter() - started
    precision = n_matched / n_system if n_system else 0.0
    recall = n_matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(articles), "gold": n_gold, "system": n_system, "matched": n_matched,
        "precision": precision, "recall": recall, "f1": f1,
        "acc161": within / n_matched if n_matched else 0.0,
        "end_to_end_acc161": within / n_gold if n_gold else 0.0,
        "exact_id": exact / with_id if with_id else 0.0,
        "median_error_km": statistics.median(distances) if distances else None,
        "docs_per_second": len(articles) / seconds if seconds else 0.0,
    }


def run(args) -> int:
    from ..geo.stage import Geocode

    articles = read_gwn(args.gwn)
    if args.limit:
        articles = articles[:args.limit]
    geocode = Geocode(gazetteer=args.gazetteer)
    errors: list[str] | None = [] if args.errors else None
    scores = score_gwn(articles, geocode, errors)
    # speed of a warm stage (caches filled), as in a long run: a second, timed pass
    started = time.perf_counter()
    for text, _ in articles:
        geocode(Report(id="speed", raw=text))
    scores["docs_per_second"] = len(articles) / (time.perf_counter() - started)
    characters = sum(len(text) for text, _ in articles)
    if errors:
        print("\n".join(errors), file=sys.stderr)
    print(f"GeoWebNews: {scores['articles']} articles, {scores['gold']} gold toponyms with "
          f"coordinates, {scores['system']} system places")
    print(f"recognition  P {scores['precision']:.3f}  R {scores['recall']:.3f}  "
          f"F1 {scores['f1']:.3f}  (overlapping spans)")
    print(f"resolution   acc@161 {scores['acc161']:.3f} of the {scores['matched']} recognised;"
          f"  exact GeoNames id {scores['exact_id']:.3f};  median error "
          f"{scores['median_error_km'] or 0:.1f} km")
    print(f"end to end   acc@161 {scores['end_to_end_acc161']:.3f} of all gold toponyms")
    print(f"speed        {scores['docs_per_second']:.0f} articles/s of "
          f"{characters / len(articles):,.0f} characters on average "
          "(geocode stage alone, warm, 1 core)")
    return 0
