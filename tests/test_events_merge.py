"""merge_events: which mentions are one happening, and what the merged event keeps."""

from __future__ import annotations

from dataclasses import replace

from sitrep.events.merge import merge_events, same_event, trigger_clause
from sitrep.model import Event, Span


def _mention(start: int, confidence: float = 0.7, **fields) -> Event:
    return Event("Strategic developments", "Looting/property destruction", "SEIZE",
                 cameo_root="17", evidence=(Span(start, start + 5, "x" * 5),),
                 confidence=confidence, trigger=Span(start, start + 1, "x"), **fields)


def test_own_time_words_beat_the_publication_date_fallback():
    # the more confident mention has only the fallback (publication date, precision 3, no words)
    fallback = _mention(0, 0.9, event_date="2016-12-13", time_precision=3)
    dated = _mention(20, 0.6, event_date="2016-12-12", time_precision=1, date_text="on Monday")
    for events in ([fallback, dated], [dated, fallback]):
        (merged,) = merge_events(events)
        assert (merged.event_date, merged.time_precision, merged.date_text) == (
            "2016-12-12", 1, "on Monday")


def test_coarser_date_never_overwrites_a_finer_one():
    day = _mention(0, 0.9, event_date="2016-12-12", time_precision=1, date_text="on Monday")
    week = _mention(20, 0.6, event_date="2016-12-12", time_precision=2, date_text="last week")
    (merged,) = merge_events([week, day])
    assert (merged.event_date, merged.time_precision, merged.date_text) == (
        "2016-12-12", 1, "on Monday")


def test_a_day_inside_a_week_across_a_month_boundary_is_compatible():
    week = _mention(0, event_date="2016-11-28", time_precision=2, date_text="last week")
    day = _mention(20, event_date="2016-12-01", time_precision=1, date_text="on Thursday")
    assert same_event(week, day) and same_event(day, week)
    (merged,) = merge_events([week, day])
    assert merged.date_text == "on Thursday"


def test_a_day_outside_the_week_or_month_is_not_compatible():
    week = _mention(0, event_date="2016-11-28", time_precision=2, date_text="last week")
    later = _mention(20, event_date="2016-12-05", time_precision=1, date_text="on Monday")
    assert not same_event(week, later)
    month = _mention(0, event_date="2016-11-01", time_precision=3, date_text="in November")
    assert same_event(month, _mention(20, event_date="2016-11-30", time_precision=1,
                                      date_text="on Wednesday"))
    assert not same_event(month, later)
    assert not same_event(_mention(0, event_date="2016-12-01", time_precision=1, date_text="a"),
                          _mention(9, event_date="2016-12-02", time_precision=1, date_text="b"))


def test_publication_fallback_covers_the_days_before_publication():
    fallback = _mention(0, event_date="2016-12-02", time_precision=3)
    assert same_event(fallback, _mention(20, event_date="2016-11-28", time_precision=1,
                                         date_text="on Monday"))


def test_a_back_reference_lends_neither_its_date_nor_its_place():
    first_hand = _mention(0, 0.9, event_date="2016-12-10", time_precision=2,
                          date_text="over the weekend")
    # "shortly after the capture of Palmyra" in a sentence dated "on Monday"
    back = _mention(40, 0.5, event_date="2016-12-12", time_precision=1, date_text="on Monday",
                    back_reference=True)
    (merged,) = merge_events([first_hand, back])
    assert merged.date_text == "over the weekend" and len(merged.evidence) == 2


def test_places_of_their_own_in_different_regions_are_different_happenings():
    from sitrep.model import Place

    # regions resolved without a gazetteer id still tell two scenes apart ("in Zamfara state",
    # "from Chibok" in Borno); a country and a town inside it are one scene at two scales
    zamfara = Place(0, 7, "Zamfara", "Zamfara State", None, 12.18, 6.25, "Nigeria", "NGA",
                    admin1="Zamfara", feature_code="ADM1", geo_precision=3)
    chibok = Place(0, 6, "Chibok", "Chibok", 2346076, 10.87, 12.84, "Nigeria", "NGA",
                   admin1="Borno", geo_precision=1)
    nigeria = Place(0, 7, "Nigeria", "Nigeria", 2328926, 9.0, 8.0, "Nigeria", "NGA",
                    feature_code="PCLI", geo_precision=3)
    gusau = Place(0, 5, "Gusau", "Gusau", 2339354, 12.17, 6.66, "Nigeria", "NGA",
                  admin1="Zamfara", geo_precision=1)

    def at(start, place):
        return _mention(start, event_date="2021-02-26", time_precision=1, date_text="Friday",
                        location=place, location_source="sentence")

    assert not same_event(at(0, zamfara), at(20, chibok))
    assert same_event(at(0, zamfara), at(20, nigeria))
    assert same_event(at(0, zamfara), at(20, gusau))


def test_a_vague_first_mention_does_not_gather_mentions_that_tell_each_other_apart():
    from sitrep.model import Place

    # "abductions of school children in Nigeria" (the most confident), "276 schoolgirls were
    # kidnapped from a school in Chibok" (Borno) and "kidnapped nearly 300 schoolgirls ... in
    # Jangebe, Zamfara state": each of the two agrees with the first, not with each other
    nigeria = Place(0, 7, "Nigeria", "Nigeria", 2328926, 9.0, 8.0, "Nigeria", "NGA",
                    feature_code="PCLI", geo_precision=3)
    chibok = Place(0, 6, "Chibok", "Chibok", 2346076, 10.87, 12.84, "Nigeria", "NGA",
                   admin1="Borno", geo_precision=1)
    jangebe = Place(0, 7, "Jangebe", "Jangebe", None, 12.4, 6.5, "Nigeria", "NGA",
                    admin1="Zamfara", geo_precision=1)

    def at(start, place, confidence):
        return _mention(start, confidence, event_date="2021-02-01", time_precision=3,
                        date_text="February 2021", location=place, location_source="sentence")

    mentions = [at(0, nigeria, 0.9), at(20, chibok, 0.8), at(40, jangebe, 0.7)]
    for events in (mentions, mentions[::-1]):
        merged = merge_events(events)
        assert [[span.start for span in event.evidence] for event in merged] == [[0, 20], [40]]


def test_a_time_told_from_another_happening_ends_the_evidence():
    # "The executions on Saturday were announced a day after the release of ... Badawi": the
    # release is another happening (here not even extracted), so the executions' evidence stops
    # before it; a sentence with no such time keeps its whole length
    text = ("The executions on Saturday were announced a day after the release of blogger "
            "Raif Badawi.")
    trigger = text.index("executions")
    event = Event("Violence against civilians", "Attack", "ASSAULT",
                  evidence=(Span(100, 100 + len(text), text),), confidence=0.7,
                  trigger=Span(100 + trigger, 100 + trigger + 10, "executions"))
    (merged,) = merge_events([event])
    assert [span.text for span in merged.evidence] == [
        "The executions on Saturday were announced"]
    assert merged.evidence[0].start == 100
    plain = replace(event, evidence=(Span(100, 140, "The executions were announced on Saturday"),))
    assert merge_events([plain])[0].evidence == plain.evidence
    # the other happening told first ("Two days after the arrest, police shot ..."): kept whole
    later = "Two days after the arrest, police shot a protester in the town square."
    shot = Event("Violence against civilians", "Attack", "ASSAULT", confidence=0.7,
                 evidence=(Span(0, len(later), later),),
                 trigger=Span(later.index("shot"), later.index("shot") + 4, "shot"))
    assert merge_events([shot])[0].evidence == shot.evidence


def test_decision_fields_round_trip_but_stay_out_of_the_contract():
    event = _mention(0, back_reference=True, location_source="sentence", modality_cue="denied",
                     modality="negated")
    assert Event.from_dict(event.to_dict()) == event
    contract = event.to_contract()
    assert not {"back_reference", "location_source", "modality_cue", "reasons"} & set(contract)
    assert Event.from_dict({"event_type": None, "sub_event_type": None,
                            "plover_type": "CONSULT"}).back_reference is False


def _clause(sentence: str, trigger: str, offset: int = 100) -> str:
    start = sentence.index(trigger)
    event = Event("Violence against civilians", "Abduction/forced disappearance", "ASSAULT",
                  evidence=(Span(offset, offset + len(sentence), sentence),),
                  trigger=Span(offset + start, offset + start + len(trigger), trigger))
    (span,) = trigger_clause(event).evidence
    assert sentence[span.start - offset:span.end - offset] == span.text
    return span.text


def test_the_evidence_is_the_clause_of_the_trigger_when_a_sentence_tells_several_happenings():
    sentence = ("The latest kidnapping comes three years after 111 schoolgirls were snatched in "
                "Dapchi and nearly seven years after 276 girls were taken from Chibok in a raid "
                "that shocked the world.")
    assert _clause(sentence, "raid") == ("276 girls were taken from Chibok in a raid that "
                                         "shocked the world.")
    assert _clause(sentence, "snatched") == ("111 schoolgirls were snatched in Dapchi and nearly "
                                             "seven years")
    assert _clause("At least nine tribesmen were killed during the operation while four "
                   "others were arrested.", "arrested") == "four others were arrested."
    assert _clause("Protests followed the murder of George Floyd by a police officer as well as "
                   "the fatal police shooting of Breonna Taylor.", "murder") == (
        "Protests followed the murder of George Floyd by a police officer")


def test_a_sentence_of_one_clause_or_a_too_short_clause_stays_whole():
    whole = "Mr Bandarenka, a 31-year-old art teacher, was brutally beaten on 11 November."
    assert _clause(whole, "beaten") == whole
    # "and" between names is no clause break; a two-word clause states nothing of its own
    names = "Police arrested George Floyd and Collins Khosa in the city."
    assert _clause(names, "arrested") == names
    short = "He was arrested; police gave no reason for holding the journalist."
    assert _clause(short, "arrested") == short


def test_only_a_sentence_that_tells_two_happenings_is_cut_into_clauses():
    sentence = "Gunmen killed two villagers while soldiers arrested three suspects."
    whole = (Span(0, len(sentence), sentence),)
    killing = Event("Violence against civilians", "Attack", "ASSAULT", evidence=whole,
                    trigger=Span(7, 13, "killed"))
    arrest = Event("Protests", "Arrests", "COERCE", evidence=whole,
                   trigger=Span(43, 51, "arrested"))
    (alone,) = merge_events([killing])
    assert alone.evidence == whole  # one happening: the sentence still says who and where
    first, second = merge_events([arrest, killing])
    assert [span.text for span in first.evidence] == ["Gunmen killed two villagers"]
    assert [span.text for span in second.evidence] == ["soldiers arrested three suspects."]
