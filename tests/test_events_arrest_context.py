"""An arrest is a protest with intervention when it is told with a demonstration: in its
sentence, or, where the sentence sets two happenings side by side (", while", ";"), in its own
clause (sitrep/events/codebook.py, Rules.protest_told_with). People told only by their count
("Many were seized") are arrested or abducted, not a place taken (Rules.code_territory)."""

from __future__ import annotations

import functools
from datetime import date

from sitrep.config import load_config
from sitrep.model import Report
from sitrep.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _types(text: str) -> dict[str, str | None]:
    (report,) = _up_to_detection().pipe(iter([Report(id="a", raw=text,
                                                      published=date(2023, 6, 2))]))
    return {event.trigger.text: event.sub_event_type for event in report.events
            if event.trigger is not None}


def test_each_side_of_a_while_reads_its_own_clause():
    types = _types("Around 20 opposition leaders in Kisumu were put under house arrest, while in "
                   "Nakuru some party workers who tried to stage a protest were arrested.")
    assert types["arrest"] == "Arrests"
    assert types["arrested"] == "Protest with intervention"


def test_a_protest_elsewhere_in_a_plain_sentence_still_types_the_arrest():
    types = _types("Students marched to the governor's office in Kano on Monday and police "
                   "arrested twelve of them.")
    assert types["arrested"] == "Protest with intervention"


def test_people_told_only_by_their_count_are_taken_not_a_place():
    types = _types("Many were seized before the rally even began, including two opposition "
                   "leaders in Minsk.")
    assert types["seized"] == "Arrests"
    types = _types("Dozens were seized by bandits in Zamfara on Monday.")
    assert types["seized"] == "Abduction/forced disappearance"
    # a place named is still a place taken
    types = _types("Three towns were seized by the rebels on Monday.")
    assert types["seized"] == "Non-state actor overtakes territory"
