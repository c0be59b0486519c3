"""Who holds whom (sitrep/events/detention.py): an arrest by state forces, an abduction by
unidentified armed men, whatever the verb; a protest about an arrest is no intervention; a raid
in which people were detained is coded by the arrest (codebook.code_attack)."""

from __future__ import annotations

import functools
from datetime import date

from sitrep.config import load_config
from sitrep.events.detention import without_protest_occasion
from sitrep.model import Report
from sitrep.pipeline import Pipeline


@functools.lru_cache(maxsize=1)
def _up_to_detection() -> Pipeline:
    stages = list(load_config().stages)
    return Pipeline(load_config(overrides={"pipeline": {
        "stages": stages[:stages.index("detect_events") + 1]}}))


def _mentions(text: str) -> dict[str, tuple[str | None, float]]:
    (report,) = _up_to_detection().pipe(iter([Report(id="d", raw=text,
                                                      published=date(2023, 6, 2))]))
    return {event.trigger.text: (event.sub_event_type or event.plover_type, event.confidence)
            for event in report.events if event.trigger is not None}


def _types(text: str) -> dict[str, str | None]:
    return {trigger: kind for trigger, (kind, _) in _mentions(text).items()}


def test_unidentified_armed_men_detaining_people_abduct_them():
    assert _types("Unknown gunmen detained two traders in Kidal on Sunday.")["detained"] == \
        "Abduction/forced disappearance"
    assert _types("Masked men detained the opposition leader in central Minsk on Monday and "
                  "drove her away in a van.")["detained"] == "Abduction/forced disappearance"
    assert _types("She was detained by masked men outside her flat in Minsk on Tuesday."
                  )["detained"] == "Abduction/forced disappearance"


def test_the_forces_detaining_armed_men_still_arrest_them():
    assert _types("Police arrested two gunmen in Ilorin on Friday.")["arrested"] == "Arrests"
    assert _types("Gunmen who attacked a bank in Ilorin were arrested by police on Friday."
                  )["arrested"] == "Arrests"


def test_people_taken_away_by_state_forces_are_arrested():
    assert _types("The journalist was taken from her home in Beijing by plainclothes officers of "
                  "the state security bureau on Monday.")["taken from her home"] == "Arrests"
    assert _types("The activist was taken away by police in Harare on Friday.")[
        "taken away by"] == "Arrests"


def test_words_of_kidnapping_keep_an_abduction_whoever_did_it():
    # CASE 2021 (ACLED's data) codes "security forces abducted a man" as an abduction
    assert _types("Security forces abducted a man in the town of Zinjibar on Monday.")[
        "abducted"] == "Abduction/forced disappearance"
    # and words that only say people were taken keep it when the takers are not the state's
    assert _types("The activist was snatched by gunmen in Harare on Friday.")["snatched"] == \
        "Abduction/forced disappearance"
    assert _types("The activist was snatched by soldiers in Harare on Friday.")["snatched"] == \
        "Arrests"


def test_an_arrest_a_protest_is_about_is_no_intervention():
    mentions = _mentions("Hundreds of students protested in Dhaka on Tuesday against the arrest "
                         "of their leader by police.")
    assert mentions["protested"][0] == "Peaceful protest"
    kind, confidence = mentions["arrest"]
    assert kind == "Arrests" and confidence < mentions["protested"][1]
    mentions = _mentions("Activists rallied outside the police headquarters in Lahore on Monday "
                         "demanding the release of a detained union leader.")
    assert mentions["rallied"][0] == "Peaceful protest"
    assert mentions["detained"][0] == "Arrests" and mentions["detained"][1] <= 0.25


def test_a_protest_where_people_were_arrested_is_still_an_intervention():
    types = _types("Students marched to the governor's office in Kano on Monday and police "
                   "arrested twelve of them.")
    assert types["arrested"] == "Protest with intervention"


def test_a_person_told_as_jailed_is_no_arrest_at_the_protest():
    mentions = _mentions("Supporters of the jailed opposition leader marched in Harare on "
                         "Friday to protest his detention.")
    assert mentions["jailed"][0] == "Arrests"
    assert mentions["jailed"][1] < mentions["marched"][1]


def test_journalists_covering_a_protest_are_not_its_demonstrators():
    assert _types("Three journalists were detained in Yangon on Monday while covering protests "
                  "against the coup.")["detained"] == "Arrests"
    assert _types("Police detained twenty protesters in Yangon on Monday while journalists were "
                  "covering the march.")["detained"] == "Protest with intervention"


def test_a_raid_in_which_people_were_detained_is_no_attack():
    types = _types("Police in Harare arrested the head of the opposition party and several "
                   "activists in raids on their homes on Tuesday.")
    assert types["arrested"] == "Arrests" and types["raids"] == "COERCE"
    types = _types("Police raided a house in Kaduna on Thursday, killing two suspects and "
                   "arresting five others.")
    assert types["raided"] != "COERCE"      # people were killed: the raid was violence


def test_the_occasion_of_a_protest_is_blanked_to_the_end_of_its_clause():
    text = "They protested against the arrest of their leader by police, and police fired tear gas."
    calm = without_protest_occasion(text)
    assert len(calm) == len(text)
    assert "arrest" not in calm and "by police" not in calm
    assert "police fired tear gas" in calm


def test_a_protest_named_as_what_reporters_covered_has_no_intervention_told():
    types = _types("Three journalists were detained in Yangon on Monday while covering protests "
                   "against the coup.")
    assert types["protests"] == "Peaceful protest"


def test_a_count_or_a_release_is_no_occasion():
    for text in ("Over 200 protesters were arrested.",
                 "They were set free after being detained for hours."):
        assert without_protest_occasion(text) == text
