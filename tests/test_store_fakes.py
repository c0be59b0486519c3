"""Hand-built reports and a stand-in event stage for the store, run, CLI and API tests.

The stand-in stage finds one event per trigger word with fixed arguments, so that these tests
exercise the store without depending on the real stages' quality (tested in their own files).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.config import load_config
from sitrep.model import Actor, Event, Place, Report, Span
from sitrep.pipeline import register_stage

FAKE_STAGE = "test_store_fake_events"

PALMYRA = Place(0, 0, "Palmyra", name="Palmyra", geonameid=163808, lat=34.56, lon=38.28,
                country="Syria", iso3="SYR", admin1="Homs", feature_code="PPL", geo_precision=1)
NAIROBI = Place(0, 0, "Nairobi", name="Nairobi", geonameid=184745, lat=-1.28, lon=36.82,
                country="Kenya", iso3="KEN", admin1="Nairobi Area", feature_code="PPLC",
                geo_precision=1)

# trigger word -> (event type, sub-event type, PLOVER, actor1, actor2, place, modality)
TRIGGERS = {
    "seized": ("Battles", "Non-state actor overtakes territory", "ASSAULT",
               ("Islamic State (IS)", 2), ("Military Forces of Syria (2000-)", 1), PALMYRA,
               "asserted"),
    "marched": ("Protests", "Peaceful protest", "PROTEST", ("Protesters (Kenya)", 6), None,
                NAIROBI, "asserted"),
    "may attack": ("Battles", "Armed clash", "ASSAULT", ("Islamic State (IS)", 2), None,
                   PALMYRA, "future"),
}


@register_stage(FAKE_STAGE)
class FakeEvents:
    """One event per trigger word in the raw text (raw == clean: no cleaning stage runs)."""

    def __call__(self, report: Report) -> Report:
        events = []
        for word, (kind, sub_kind, plover, actor1, actor2, place, modality) in TRIGGERS.items():
            start = report.raw.find(word)
            if start < 0:
                continue
            span = Span(start, start + len(word), word)
            events.append(Event(
                kind, sub_kind, plover, cameo_root="19" if plover == "ASSAULT" else "14",
                actor1=Actor(start, start, "", name=actor1[0], inter=actor1[1]),
                actor2=Actor(start, start, "", name=actor2[0], inter=actor2[1]) if actor2 else None,
                location=place,
                event_date=report.published.isoformat() if report.published else None,
                time_precision=1 if report.published else None, modality=modality,
                attribution="reportedly" if "reportedly" in report.raw else None,
                evidence=(span,), confidence=0.9, trigger=span,
                reasons=(f"trigger word {word!r}",)))
        report.events = events
        return report


def fake_config():
    return load_config(overrides={"pipeline": {"stages": [FAKE_STAGE]}})


def write_fake_config(directory: Path) -> Path:
    path = directory / "fake.toml"
    path.write_text(f'[pipeline]\nstages = ["{FAKE_STAGE}"]\n', encoding="utf-8")
    return path


SEIZED = ("IS fighters seized the city of Palmyra on Sunday, a monitor said.\n"
          "Russian troops withdrew from their base near the city.\n")
SEIZED_COPY = ("PALMYRA (Desert Wire) - IS fighters seized the city of Palmyra on Sunday, "
               "a monitor said.\n")
MARCHED = "Thousands of teachers marched through Nairobi on Monday to demand higher pay.\n"
FORECAST = "Officials warned that IS may attack the T4 air base next.\n"


def report(raw: str, id: str = "doc", **metadata) -> Report:
    metadata.setdefault("published", date(2016, 12, 13))
    return Report(id=id, raw=raw, **metadata)


def write_corpus(directory: Path) -> Path:
    """A small input tree: three good reports, a copy, and two bad files."""
    corpus = directory / "corpus"
    corpus.mkdir()
    (corpus / "palmyra.txt").write_text(SEIZED, encoding="utf-8")
    (corpus / "nairobi.txt").write_text(MARCHED, encoding="utf-8")
    (corpus / "forecast.txt").write_text(FORECAST, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    return corpus
