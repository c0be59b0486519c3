"""Which incident a mention without time words of its own retells: merge_events (joining.py)
and date_events' same-story fallback (time/undated.py) read what the mentions share of the
people it happened to (events/identity.py)."""

from __future__ import annotations

from dataclasses import replace

from sitrep.events.identity import Identity
from sitrep.events.merge import MergeEvents, merge_events
from sitrep.model import Event, Quantity, Report, Span
from sitrep.time.date_events import DateEvents
from sitrep.time.stage import ResolveTimes

from tests.test_time_events import SEED_DAY

# published Tuesday 2016-12-13: "this week" is the week from Monday 2016-12-12
RAW = ("This week one union leader was arrested while walking to the office.\n\n"
       "Seventy workers were arrested and loaded onto two prisoner trucks.")


def _arrest(raw: str, word: str, nth: int = 0, **fields) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = raw.index(word, start + 1)
    sentence_start = max(raw.rfind("\n", 0, start), raw.rfind(". ", 0, start) + 1, 0)
    sentence_end = raw.index(".", start) + 1
    evidence = raw[sentence_start:sentence_end]
    lead = len(evidence) - len(evidence.lstrip())
    fields.setdefault("confidence", 0.7)
    return Event("Protests", "Arrests", "ARREST", cameo_root="17",
                 trigger=Span(start, start + len(word), word),
                 evidence=(Span(sentence_start + lead, sentence_end, evidence.strip()),),
                 **fields)


def _count(raw: str, text: str, value: int, item: str) -> Quantity:
    start = raw.index(text)
    return Quantity(start, start + len(text), text, "arrested", value, value, None, item, "test")


def _report(raw: str, *quantities: Quantity) -> Report:
    report = ResolveTimes()(Report(id="t", raw=raw, published=SEED_DAY))
    report.quantities = list(quantities)
    return report


def _union_and_workers() -> tuple[Report, Event, Event]:
    report = _report(RAW, _count(RAW, "one union leader", 1, "leader"),
                     _count(RAW, "Seventy workers", 70, "workers"))
    leader = _arrest(RAW, "arrested", event_date="2016-12-12", time_precision=2,
                     date_text="This week")
    workers = _arrest(RAW, "arrested", nth=1, event_date="2016-12-13", time_precision=3)
    return report, leader, workers


def test_an_undated_mention_counting_other_people_keeps_its_own_fallback_date():
    report, leader, workers = _union_and_workers()
    merged = MergeEvents()(replace(report, events=[leader, workers])).events
    assert [(event.event_date, event.date_text) for event in merged] == [
        ("2016-12-12", "This week"), ("2016-12-13", None)]
    assert "one person arrested against 70" in merged[1].reasons[-1]


def test_without_counts_that_differ_an_undated_mention_joins_the_dated_one_as_before():
    report, leader, workers = _union_and_workers()
    report.quantities = []
    merged = MergeEvents()(replace(report, events=[leader, workers])).events
    assert len(merged) == 1
    assert (merged[0].event_date, merged[0].date_text) == ("2016-12-12", "This week")
    assert len(merged[0].evidence) == 2


def test_an_undated_mention_joins_the_dated_incident_whose_people_it_counts():
    raw = ("Police arrested two students on Monday. Police arrested three students on December "
           "1.\n\nThe arrest of the three students drew protests.")
    report = _report(raw, _count(raw, "two students", 2, "students"),
                     _count(raw, "three students", 3, "students"),
                     _count(raw, "the three students", 3, "students"))
    monday = _arrest(raw, "arrested", event_date="2016-12-12", time_precision=1,
                     date_text="on Monday", confidence=0.9)
    december = _arrest(raw, "arrested", nth=1, event_date="2016-12-01", time_precision=1,
                       date_text="on December 1")
    # its fallback date fits both days; the first (most confident) is not the one it retells
    undated = _arrest(raw, "arrest", nth=2, event_date="2016-12-13", time_precision=3,
                      confidence=0.6)
    merged = merge_events([monday, december, undated], None, Identity(report))
    assert [(event.event_date, len(event.evidence)) for event in merged] == [
        ("2016-12-12", 1), ("2016-12-01", 2)]
    assert "3 students arrested" in merged[1].reasons[-1]
    # without the report (events alone) nothing is shared: the first, as before
    merged = merge_events([monday, december, undated], None, Identity())
    assert [(event.event_date, len(event.evidence)) for event in merged] == [
        ("2016-12-12", 2), ("2016-12-01", 1)]


def test_the_same_person_told_with_another_word_for_the_act_shares_nothing():
    raw = "Police arrested Binniyat on Monday. Binniyat was arraigned in court."
    first = _arrest(raw, "arrested", event_date="2016-12-12", time_precision=1,
                    date_text="on Monday")
    second = _arrest(raw, "arraigned", event_date="2016-12-13", time_precision=3)

    class Named(Identity):
        def names(self, event):
            return frozenset({"binniyat"})

    assert Named().shared(first, second) == (0, ())
    retold = replace(second, trigger=Span(second.trigger.start, second.trigger.end, "arrest"))
    assert Named().shared(first, retold)[0] > 0


def test_the_same_story_fallback_keeps_no_date_of_a_mention_counting_other_people():
    report, leader, workers = _union_and_workers()
    # no date yet: date_events sets them; the same kind and no actors make one "story"
    report.events = [replace(leader, event_date=None, time_precision=None, date_text=None),
                     replace(workers, event_date=None, time_precision=None)]
    first, second = DateEvents()(report).events
    assert (first.event_date, first.date_text) == ("2016-12-12", "This week")
    assert (second.event_date, second.time_precision, second.date_text) == \
        ("2016-12-13", 3, None)
    report.quantities = []
    report.events = [replace(leader, event_date=None, time_precision=None, date_text=None),
                     replace(workers, event_date=None, time_precision=None)]
    _, second = DateEvents()(report).events
    assert (second.event_date, second.date_text) == ("2016-12-12", "This week")
