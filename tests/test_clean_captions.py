"""Photo captions are recognised by their form, and the events told in them are not asserted
(sitrep/clean/captions.py; detect_events marks them). The captions are written for these tests."""

from __future__ import annotations

import functools
from datetime import date

import pytest

from sitrep.clean.captions import find_captions, photo_credit, picture_marker
from sitrep.config import load_config
from sitrep.model import Report
from sitrep.pipeline import Pipeline

_BODY = ("Police arrested the editor of the Daily Courier in Lagos on Tuesday, his lawyer said.\n"
         "The arrest followed a report on corruption in the state government, which the "
         "newspaper published last week.\n"
         "The editor has been held at a police station in Ikeja since then, the lawyer added.\n")


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _report(text: str) -> Report:
    (report,) = _up_to_detection().pipe(iter([Report(id="t", raw=text,
                                                      published=date(2023, 5, 4))]))
    return report


def _captioned(text: str) -> list[str]:
    report = _report(text)
    return [report.text[c.cstart:c.cend] for c in find_captions(report)]


def _modalities(text: str) -> dict[str, str]:
    return {event.trigger.text: event.modality for event in _report(text).events}


@pytest.mark.parametrize("paragraph, cue", [
    ("Riot police detain a man in Abuja. Photograph: John Doe/Reuters", "Photograph"),
    ("Soldiers stand guard outside the court (Photo: Jane Roe)", "(Photo: Jane Roe)"),
    ("In this file photo, protesters march through Harare.", "In this file photo"),
    ("Mourners carry a coffin through Jos on Sunday. (Associated Press)", "(Associated Press)"),
])
def test_a_photo_credit_or_label_is_found(paragraph, cue):
    assert photo_credit(paragraph) == cue


@pytest.mark.parametrize("paragraph", [
    "An AFP photographer saw about 20 protesters detained near the square.",
    "Reuters reported that gunmen attacked the convoy on Monday.",
    "BEIRUT (AP) - Gunmen attacked a checkpoint on Monday.",
])
def test_an_agency_named_in_prose_is_no_credit(paragraph):
    assert photo_credit(paragraph) is None


@pytest.mark.parametrize("paragraph, marker", [
    ("Okafor (pictured) was last seen on Friday", "pictured"),
    ("The governor (second left) meets elders in Kano", "(second left)"),
    ("Captain Ade (L) leaves the court with his lawyer", "(L)"),
])
def test_a_pointer_at_the_picture_is_found(paragraph, marker):
    assert picture_marker(paragraph) == marker


def test_a_pointed_caption_without_closing_punctuation_is_a_caption():
    text = _BODY + "Musa Bello, pictured, was abducted by gunmen near Kaduna in 2019\n"
    assert _captioned(text) == ["Musa Bello, pictured, was abducted by gunmen near Kaduna in 2019"]
    modalities = _modalities(text)
    assert modalities["abducted"] == "uncertain"
    assert modalities["arrested"] == "asserted"   # the article's own report stays


def test_a_present_tense_scene_with_its_date_is_a_caption():
    caption = "Soldiers inspect the hijacked airliner at Kano airport on 19 June 1995."
    assert _captioned(_BODY + caption + "\n") == [caption]
    assert _modalities(_BODY + caption + "\n")["hijacked"] == "uncertain"


def test_a_scene_in_an_earlier_year_is_a_caption():
    caption = "Students attend a rally against the abduction of schoolgirls in Abuja in 2014"
    assert _captioned(_BODY + caption + "\n") == [caption]


def test_a_caption_run_into_a_line_of_the_article_starts_where_it_points():
    line = ("Soldiers killed three militants in Borno on Monday, the army said. Pictured, "
            "soldiers patrol a road near Maiduguri")
    report = _report(_BODY + line + "\n")
    (caption,) = find_captions(report)
    assert report.text[caption.cstart:caption.cend].startswith("Pictured, soldiers patrol")
    assert {e.trigger.text: e.modality for e in report.events}["killed"] == "asserted"


@pytest.mark.parametrize("paragraph", [
    # the article's own sentences in the present tense: statements, not scenes
    "Police say gunmen abducted the pastor in 2019 and freed him a month later.",
    "We call on the authorities to release the journalists arrested on 12 March 2023.",
    "The kingdom is also leading a coalition that has been fighting rebels since 2015.",
    "Less than a mile away lies a park named after a worker who was stabbed to death in 1978.",
    # a bare year in a sentence closed as an article's are
    "The crackdown follows protests against the government in Lagos in 2019.",
    # told in the past: news, whatever the date
    "Gunmen abducted 30 students from a school in Kaduna on 11 March 2021.",
    # a pointer in a sentence of the article told in the past, closed with a full stop
    "Mr Okafor (pictured) was arrested in Lagos on Tuesday.",
])
def test_the_article_s_own_sentences_are_not_captions(paragraph):
    assert _captioned(_BODY + paragraph + "\n") == []


def test_a_caption_keeps_its_text_and_its_events():
    text = _BODY + "Musa Bello, pictured, was abducted by gunmen near Kaduna in 2019\n"
    report = _report(text)
    assert "pictured, was abducted" in report.text
    (event,) = [e for e in report.events if e.trigger.text == "abducted"]
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert event.modality_cue == "photo caption"
    assert any(reason.startswith("told in a photo caption: ") for reason in event.reasons)


def test_a_caption_alone_is_its_own_report():
    # a snippet or a picture's caption sent alone: nothing else tells its event
    text = "Demonstrators clash with riot police during a rally in Lagos on 4 April 2017."
    assert _captioned(text) == []
    modalities = _modalities(text)
    assert modalities and set(modalities.values()) == {"asserted"}


def test_a_long_passage_opening_with_its_picture_is_no_caption():
    box = ("Musa Bello, pictured in 2004, left, and 2005, right Musa Bello was arrested at the "
           "airport in Kano in 1988 for his part in the hijacking of the airliner. He was held "
           "for two years before a court in Kaduna convicted him of murder and hijacking in 1990. "
           "He was freed in 2005 and returned to his home town of Zaria, where he was arrested "
           "again last week, police said")
    assert _captioned(_BODY + box + "\n") == []
