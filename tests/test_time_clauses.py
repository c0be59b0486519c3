"""Which predicate a time expression belongs to (sitrep/time/clauses.py, ``Syntax``), on
parses written by hand so that the rules are tested, not the parser."""

from __future__ import annotations

from dataclasses import replace

from sitrep.model import Report, Span, Token
from sitrep.time.date_events import DateEvents
from sitrep.time.stage import ResolveTimes

from tests.test_time_events import SEED_DAY, date_events, event_at

# the seed's publication day is Tuesday 2016-12-13: Monday 12, Thursday 8, Friday 9


def parsed(raw: str, words: list[tuple]) -> Report:
    """The report of ``raw`` with its times and the hand-written parse ``words``: (text, pos,
    dep, head) or (text, pos, dep, head, lemma), heads as indices into ``words``."""
    tokens, at = [], 0
    for text, pos, dep, head, *lemma in words:
        at = raw.index(text, at)
        tokens.append(Token(at, at + len(text), text, 0, lemma[0] if lemma else text.lower(),
                            pos, dep, head))
        at += len(text)
    report = ResolveTimes()(Report(id="t", raw=raw, published=SEED_DAY))
    report.tokens = tokens
    return report


def freed_hostages() -> tuple[str, Report]:
    """'Gunmen freed the hostages, officials said on Tuesday.', the saying an aside of 'freed'."""
    raw = "Gunmen freed the hostages, officials said on Tuesday."
    return raw, parsed(raw, [
        ("Gunmen", "NOUN", "nsubj", 1), ("freed", "VERB", "ROOT", 1, "free"),
        ("the", "DET", "det", 3), ("hostages", "NOUN", "obj", 1), (",", "PUNCT", "punct", 6),
        ("officials", "NOUN", "nsubj", 6), ("said", "VERB", "parataxis", 1, "say"),
        ("on", "ADP", "case", 8), ("Tuesday", "PROPN", "obl", 6), (".", "PUNCT", "punct", 1)])


def dated(report: Report, *events):
    report.events = list(events)
    return DateEvents()(report).events


def test_an_event_in_a_relative_clause_is_not_dated_by_the_main_clause():
    raw = "Kaur, who was arrested in Haryana, got bail on Friday."
    report = parsed(raw, [
        ("Kaur", "PROPN", "nsubj", 8), (",", "PUNCT", "punct", 4), ("who", "PRON", "nsubj", 4),
        ("was", "AUX", "aux", 4), ("arrested", "VERB", "acl:relcl", 0, "arrest"),
        ("in", "ADP", "case", 6), ("Haryana", "PROPN", "obl", 4), (",", "PUNCT", "punct", 4),
        ("got", "VERB", "ROOT", 8, "get"), ("bail", "NOUN", "obj", 8), ("on", "ADP", "case", 11),
        ("Friday", "PROPN", "obl", 8), (".", "PUNCT", "punct", 8)])
    (arrest,) = dated(report, event_at(raw, "arrested", "Arrests"))
    assert (arrest.event_date, arrest.time_precision, arrest.date_text) == ("2016-12-13", 3, None)
    # the main clause's own act keeps its day
    (bail,) = dated(report, event_at(raw, "got", "Arrests"))
    assert (bail.event_date, bail.time_precision) == ("2016-12-09", 1)


def test_reported_speech_dates_the_saying_and_bounds_the_event_by_it():
    raw = "Gunmen abducted a man, his sister said on Friday."
    report = parsed(raw, [
        ("Gunmen", "NOUN", "nsubj", 1), ("abducted", "VERB", "ccomp", 7, "abduct"),
        ("a", "DET", "det", 3), ("man", "NOUN", "obj", 1), (",", "PUNCT", "punct", 1),
        ("his", "PRON", "nmod:poss", 6), ("sister", "NOUN", "nsubj", 7),
        ("said", "VERB", "ROOT", 7, "say"), ("on", "ADP", "case", 9),
        ("Friday", "PROPN", "obl", 7), (".", "PUNCT", "punct", 7)])
    (abduction,) = dated(report, event_at(raw, "abducted", "Abduction/forced disappearance"))
    # by Friday, within its week: not "on Friday", and not the publication date either;
    # "Friday" is the saying's word, not the abduction's own (no date text, the reason says it)
    assert (abduction.event_date, abduction.time_precision, abduction.date_text) == \
        ("2016-12-09", 2, None)
    assert "told" in abduction.reasons[-1] and "'Friday'" in abduction.reasons[-1]


def test_a_year_the_parse_hangs_on_the_predicate_dates_it_however_far_it_stands():
    # "In 2014," opens the sentence: the comma and the subject put it past the year's reach, and
    # the earlier sentence's Monday is the other abduction's
    raw = "Gunmen took 110 girls on Monday. In 2014, gunmen stormed a school and abducted 276 girls."
    report = parsed(raw, [
        ("In", "ADP", "case", 1), ("2014", "NUM", "obl", 4), (",", "PUNCT", "punct", 1),
        ("gunmen", "NOUN", "nsubj", 4), ("stormed", "VERB", "ROOT", 4, "storm"),
        ("a", "DET", "det", 6), ("school", "NOUN", "obj", 4), ("and", "CCONJ", "cc", 8),
        ("abducted", "VERB", "conj", 4, "abduct"), ("276", "NUM", "nummod", 10),
        ("girls", "NOUN", "obj", 8), (".", "PUNCT", "punct", 4)])
    stormed, abducted = dated(report, event_at(raw, "stormed", "Attack"),
                              event_at(raw, "abducted", "Abduction/forced disappearance"))
    for event in (stormed, abducted):
        assert (event.event_date, event.time_precision, event.date_text) == \
            ("2014-01-01", 3, "2014")
    # the parser's reading of a finite verb as a participle of the sentence's root noun
    raw = "Gunmen took 110 girls on Monday. In 2014, gunmen abducted 276 girls."
    report = parsed(raw, [
        ("In", "ADP", "case", 1), ("2014", "NUM", "obl", 3), (",", "PUNCT", "punct", 1),
        ("gunmen", "NOUN", "ROOT", 3), ("abducted", "VERB", "acl", 3, "abduct"),
        ("276", "NUM", "nummod", 6), ("girls", "NOUN", "obj", 4), (".", "PUNCT", "punct", 3)])
    (abducted,) = dated(report, event_at(raw, "abducted", "Abduction/forced disappearance"))
    assert (abducted.event_date, abducted.date_text) == ("2014-01-01", "2014")
    # an event noun in the object of the verb the year hangs on is not dated by it
    raw = "Gunmen took 110 girls on Monday. In 2014, officials criticised the abduction of girls."
    report = parsed(raw, [
        ("In", "ADP", "case", 1), ("2014", "NUM", "obl", 4), (",", "PUNCT", "punct", 1),
        ("officials", "NOUN", "nsubj", 4), ("criticised", "VERB", "ROOT", 4, "criticise"),
        ("the", "DET", "det", 6), ("abduction", "NOUN", "obj", 4), ("of", "ADP", "case", 8),
        ("girls", "NOUN", "nmod", 6), (".", "PUNCT", "punct", 4)])
    (abduction,) = dated(report, event_at(raw, "abduction", "Abduction/forced disappearance"))
    assert abduction.date_text != "2014"


def test_a_time_in_a_relative_clause_of_another_word_does_not_date_the_event():
    raw = "Police arrested two men who had protested on Monday."
    report = parsed(raw, [
        ("Police", "NOUN", "nsubj", 1), ("arrested", "VERB", "ROOT", 1, "arrest"),
        ("two", "NUM", "nummod", 3), ("men", "NOUN", "obj", 1), ("who", "PRON", "nsubj", 6),
        ("had", "AUX", "aux", 6, "have"), ("protested", "VERB", "acl:relcl", 3, "protest"),
        ("on", "ADP", "case", 8), ("Monday", "PROPN", "obl", 6), (".", "PUNCT", "punct", 1)])
    arrest, protest = dated(report, event_at(raw, "arrested", "Arrests"),
                            event_at(raw, "protested", "Peaceful protest"))
    assert (arrest.event_date, arrest.time_precision) == ("2016-12-13", 3)
    assert (protest.event_date, protest.time_precision) == ("2016-12-12", 1)


def test_a_clause_describing_the_event_noun_keeps_its_time():
    raw = "The abduction, which occurred on Thursday, shocked the town."
    report = parsed(raw, [
        ("The", "DET", "det", 1), ("abduction", "NOUN", "nsubj", 8), (",", "PUNCT", "punct", 4),
        ("which", "PRON", "nsubj", 4), ("occurred", "VERB", "acl:relcl", 1, "occur"),
        ("on", "ADP", "case", 6), ("Thursday", "PROPN", "obl", 4), (",", "PUNCT", "punct", 4),
        ("shocked", "VERB", "ROOT", 8, "shock"), ("the", "DET", "det", 10),
        ("town", "NOUN", "obj", 8), (".", "PUNCT", "punct", 8)])
    (abduction,) = dated(report, event_at(raw, "abduction", "Abduction/forced disappearance"))
    assert (abduction.event_date, abduction.time_precision) == ("2016-12-08", 1)


def test_a_when_clause_happens_at_the_time_before_it_however_it_is_parsed():
    raw = "The crisis peaked last month when a student was kidnapped."
    # the parser hangs the clause as a relative clause of "month"
    report = parsed(raw, [
        ("The", "DET", "det", 1), ("crisis", "NOUN", "nsubj", 2),
        ("peaked", "VERB", "ROOT", 2, "peak"), ("last", "ADJ", "amod", 4),
        ("month", "NOUN", "obl", 2), ("when", "ADV", "advmod", 9), ("a", "DET", "det", 7),
        ("student", "NOUN", "nsubj", 9), ("was", "AUX", "aux", 9),
        ("kidnapped", "VERB", "acl:relcl", 4, "kidnap"), (".", "PUNCT", "punct", 2)])
    (kidnapping,) = dated(report, event_at(raw, "kidnapped", "Abduction/forced disappearance"))
    assert (kidnapping.event_date, kidnapping.time_precision) == ("2016-11-01", 3)


def test_same_story_dates_only_when_its_mentions_agree_on_the_day():
    raw = ("Gunmen kidnapped a trader on Monday.\nGunmen kidnapped a priest on Friday.\n"
           "The kidnapped were not freed.")
    first, second, retold = date_events(raw, [
        event_at(raw, "kidnapped", "Abduction/forced disappearance"),
        event_at(raw, "kidnapped", "Abduction/forced disappearance", nth=1),
        event_at(raw, "kidnapped", "Abduction/forced disappearance", nth=2)])
    assert (first.event_date, second.event_date) == ("2016-12-12", "2016-12-09")
    # two incidents on two days: which one the last sentence retells is not known
    assert (retold.event_date, retold.time_precision, retold.date_text) == ("2016-12-13", 3, None)


def _story_of_a_person(act: str, lemma: str) -> tuple[Report, list]:
    """ "Gunmen kidnapped Luis Osorto last month." then, in another paragraph, "Police reported
    the <act> of Osorto.", each mention's evidence its sentence and each with its own actor."""
    raw = f"Gunmen kidnapped Luis Osorto last month.\n\nPolice reported the {act} of Osorto."
    report = parsed(raw, [
        ("Gunmen", "NOUN", "nsubj", 1), ("kidnapped", "VERB", "ROOT", 1, "kidnap"),
        ("Luis", "PROPN", "obj", 1), ("Osorto", "PROPN", "flat", 2), ("last", "ADJ", "amod", 5),
        ("month", "NOUN", "obl", 1), (".", "PUNCT", "punct", 1),
        ("Police", "NOUN", "nsubj", 8), ("reported", "VERB", "ROOT", 8, "report"),
        ("the", "DET", "det", 10), (act, "NOUN", "obj", 8, lemma), ("of", "ADP", "case", 12),
        ("Osorto", "PROPN", "nmod", 10), (".", "PUNCT", "punct", 8)])
    events = []
    for word, actor in (("kidnapped", "Unidentified Armed Group"), (act, "Police")):
        event = event_at(raw, word, "Abduction/forced disappearance", actor=actor)
        end = raw.index(".", event.trigger.start) + 1
        start = raw.rfind("\n", 0, event.trigger.start) + 1
        events.append(replace(event, evidence=(Span(start, end, raw[start:end]),)))
    return report, events


def test_a_retelling_naming_the_same_person_takes_the_date_of_the_same_act():
    report, events = _story_of_a_person("kidnapping", "kidnapping")
    first, retold = dated(report, *events)
    assert (first.event_date, first.time_precision) == ("2016-11-01", 3)
    # another actor and no time words of its own: only the person ties it to the first mention
    assert (retold.event_date, retold.time_precision, retold.date_text) == \
        ("2016-11-01", 3, "last month")
    assert "same person (osorto)" in retold.reasons[-1]


def test_another_act_of_the_same_person_keeps_no_date_of_its_own():
    # a person's kidnapping and their arraignment are two happenings
    report, events = _story_of_a_person("arraignment", "arraignment")
    _, other = dated(report, *events)
    assert (other.event_date, other.time_precision, other.date_text) == ("2016-12-13", 3, None)


def test_person_names_are_looked_for_only_when_a_dated_mention_tells_the_same_act(monkeypatch):
    """Finding the report's person names costs more than the rest of the stage: an undated
    mention whose act no dated mention tells (an arraignment beside a kidnapping) does without."""
    import sitrep.time.undated as undated_module

    report, events = _story_of_a_person("arraignment", "arraignment")

    def no_names(report):
        raise AssertionError("person names looked for without a dated mention of the same act")

    monkeypatch.setattr(undated_module, "name_runs", no_names)
    _, other = dated(report, *events)
    assert (other.event_date, other.time_precision, other.date_text) == ("2016-12-13", 3, None)


def test_a_time_in_a_relative_clause_telling_another_act_does_not_date_the_event():
    raw = "Rebels executed two workers who were abducted on Monday."
    report = parsed(raw, [
        ("Rebels", "NOUN", "nsubj", 1), ("executed", "VERB", "ROOT", 1, "execute"),
        ("two", "NUM", "nummod", 3), ("workers", "NOUN", "obj", 1),
        ("who", "PRON", "nsubj:pass", 6), ("were", "AUX", "aux:pass", 6, "be"),
        ("abducted", "VERB", "acl:relcl", 3, "abduct"), ("on", "ADP", "case", 8),
        ("Monday", "PROPN", "obl", 6), (".", "PUNCT", "punct", 1)])
    execution, abduction = dated(report, event_at(raw, "executed", "Attack"),
                                 event_at(raw, "abducted", "Abduction/forced disappearance"))
    # Monday is when they were abducted; when they were executed the sentence does not say
    assert (execution.event_date, execution.time_precision, execution.date_text) == \
        ("2016-12-13", 3, None)
    assert (abduction.event_date, abduction.time_precision) == ("2016-12-12", 1)


def test_a_progressive_relative_clause_keeps_the_time_of_its_sentence():
    raw = "Guards battled fishermen who were fishing on Saturday."
    report = parsed(raw, [
        ("Guards", "NOUN", "nsubj", 1), ("battled", "VERB", "ROOT", 1, "battle"),
        ("fishermen", "NOUN", "obj", 1), ("who", "PRON", "nsubj", 5),
        ("were", "AUX", "aux", 5, "be"), ("fishing", "VERB", "acl:relcl", 2, "fish"),
        ("on", "ADP", "case", 7), ("Saturday", "PROPN", "obl", 5), (".", "PUNCT", "punct", 1)])
    (battle,) = dated(report, event_at(raw, "battled", "Armed clash"))
    assert (battle.event_date, battle.time_precision) == ("2016-12-10", 1)


def test_a_retelling_takes_the_date_of_the_same_kind_when_another_kind_uses_its_word():
    raw = ("Gunmen kidnapped Luis Osorto last month.\n\nStudents protested on Monday against "
           "the kidnapping of Osorto.\n\nPolice reported the kidnapping of Osorto.")
    report = parsed(raw, [
        ("Gunmen", "NOUN", "nsubj", 1), ("kidnapped", "VERB", "ROOT", 1, "kidnap"),
        ("Luis", "PROPN", "obj", 1), ("Osorto", "PROPN", "flat", 2), ("last", "ADJ", "amod", 5),
        ("month", "NOUN", "obl", 1), (".", "PUNCT", "punct", 1),
        ("Students", "NOUN", "nsubj", 8), ("protested", "VERB", "ROOT", 8, "protest"),
        ("on", "ADP", "case", 10), ("Monday", "PROPN", "obl", 8), ("against", "ADP", "case", 13),
        ("the", "DET", "det", 13), ("kidnapping", "NOUN", "obl", 8, "kidnapping"),
        ("of", "ADP", "case", 15), ("Osorto", "PROPN", "nmod", 13), (".", "PUNCT", "punct", 8),
        ("Police", "NOUN", "nsubj", 18), ("reported", "VERB", "ROOT", 18, "report"),
        ("the", "DET", "det", 20), ("kidnapping", "NOUN", "obj", 18, "kidnapping"),
        ("of", "ADP", "case", 22), ("Osorto", "PROPN", "nmod", 20), (".", "PUNCT", "punct", 18)])
    events = []
    for word, kind, actor, nth in (
            ("kidnapped", "Abduction/forced disappearance", "Unidentified Armed Group", 0),
            ("kidnapping", "Peaceful protest", "Protesters", 0),
            ("kidnapping", "Abduction/forced disappearance", "Police", 1)):
        event = event_at(raw, word, kind, actor=actor, nth=nth)
        end = raw.index(".", event.trigger.start) + 1
        start = raw.rfind("\n", 0, event.trigger.start) + 1
        events.append(replace(event, evidence=(Span(start, end, raw[start:end]),)))
    first, protest, retold = dated(report, *events)
    assert (first.event_date, protest.event_date) == ("2016-11-01", "2016-12-12")
    # the protest is another happening that names the kidnapping: the retelling of the
    # kidnapping itself takes the kidnapping's date, not the protest's
    assert (retold.event_date, retold.time_precision, retold.date_text) == \
        ("2016-11-01", 3, "last month")


def test_a_time_in_a_clause_bounding_the_period_does_not_date_the_event():
    raw = "Police arrested forty reporters since the army seized power on Friday."
    report = parsed(raw, [
        ("Police", "NOUN", "nsubj", 1), ("arrested", "VERB", "ROOT", 1, "arrest"),
        ("forty", "NUM", "nummod", 3), ("reporters", "NOUN", "obj", 1),
        ("since", "SCONJ", "mark", 7), ("the", "DET", "det", 6), ("army", "NOUN", "nsubj", 7),
        # the parser hangs the clause's time on the main verb, as it often does
        ("seized", "VERB", "advcl", 1, "seize"), ("power", "NOUN", "obj", 7),
        ("on", "ADP", "case", 10), ("Friday", "PROPN", "obl", 1), (".", "PUNCT", "punct", 1)])
    (arrests,) = dated(report, event_at(raw, "arrested", "Arrests"))
    # Friday is when the army seized power: the arrests came after it, on days not told
    assert (arrests.event_date, arrests.time_precision, arrests.date_text) == \
        ("2016-12-13", 3, None)
    # a bare "since Friday" (no clause) tells when the detention began
    raw = "The activist has been detained since Friday."
    report = parsed(raw, [
        ("The", "DET", "det", 1), ("activist", "NOUN", "nsubj:pass", 4),
        ("has", "AUX", "aux", 4, "have"), ("been", "AUX", "aux:pass", 4, "be"),
        ("detained", "VERB", "ROOT", 4, "detain"), ("since", "ADP", "case", 6),
        ("Friday", "PROPN", "obl", 4), (".", "PUNCT", "punct", 4)])
    (detention,) = dated(report, event_at(raw, "detained", "Arrests"))
    assert (detention.event_date, detention.time_precision) == ("2016-12-09", 1)


def test_the_day_of_a_saying_hung_from_the_trigger_bounds_the_event_but_does_not_date_it():
    # the parser reads the saying as an aside of "freed"
    raw, report = freed_hostages()
    release, statement = dated(report, event_at(raw, "freed", "Other"),
                               event_at(raw, "said", "Change to group/activity"))
    # freed by Tuesday, the day it was told: within its week, not on that day (no words of
    # its own: "Tuesday" is the saying's)
    assert (release.event_date, release.time_precision, release.date_text) == \
        ("2016-12-13", 2, None)
    assert "told" in release.reasons[-1]
    # the saying itself happened on Tuesday
    assert (statement.event_date, statement.time_precision) == ("2016-12-13", 1)
    # a noun's date under a verb of saying is not when it was told ("writing a Friday article")
    raw = "Police arrested him after he wrote a Friday article."
    report = parsed(raw, [
        ("Police", "NOUN", "nsubj", 1), ("arrested", "VERB", "ROOT", 1, "arrest"),
        ("him", "PRON", "obj", 1), ("after", "SCONJ", "mark", 5), ("he", "PRON", "nsubj", 5),
        ("wrote", "VERB", "advcl", 1, "write"), ("a", "DET", "det", 8),
        ("Friday", "PROPN", "compound", 8), ("article", "NOUN", "obj", 5),
        (".", "PUNCT", "punct", 1)])
    (arrest,) = dated(report, event_at(raw, "arrested", "Arrests"))
    assert (arrest.event_date, arrest.time_precision) == ("2016-12-09", 1)


def test_the_day_of_a_report_the_sentence_cites_bounds_the_event_but_does_not_date_it():
    raw = "According to a Friday report, gunmen abducted a man."
    report = parsed(raw, [
        ("According", "VERB", "case", 4, "accord"), ("to", "ADP", "fixed", 0),
        ("a", "DET", "det", 4), ("Friday", "PROPN", "compound", 4),
        ("report", "NOUN", "obl", 7), (",", "PUNCT", "punct", 4), ("gunmen", "NOUN", "nsubj", 7),
        ("abducted", "VERB", "ROOT", 7, "abduct"), ("a", "DET", "det", 9),
        ("man", "NOUN", "obj", 7), (".", "PUNCT", "punct", 7)])
    (abduction,) = dated(report, event_at(raw, "abducted", "Abduction/forced disappearance"))
    # Friday is when the report came out: the abduction happened by then, no words of its own
    assert (abduction.event_date, abduction.time_precision, abduction.date_text) == \
        ("2016-12-09", 2, None)
    assert "told" in abduction.reasons[-1]
    # the parser may make the report the root and the act a clause of it: still the report's day
    report = parsed(raw, [
        ("According", "VERB", "case", 4, "accord"), ("to", "ADP", "fixed", 0),
        ("a", "DET", "det", 4), ("Friday", "PROPN", "compound", 4),
        ("report", "NOUN", "ROOT", 4), (",", "PUNCT", "punct", 4), ("gunmen", "NOUN", "nsubj", 7),
        ("abducted", "VERB", "acl", 4, "abduct"), ("a", "DET", "det", 9),
        ("man", "NOUN", "obj", 7), (".", "PUNCT", "punct", 4)])
    (abduction,) = dated(report, event_at(raw, "abducted", "Abduction/forced disappearance"))
    assert (abduction.event_date, abduction.time_precision, abduction.date_text) == \
        ("2016-12-09", 2, None)


def test_an_event_in_a_relative_clause_set_off_by_commas_is_not_dated_from_outside_it():
    # the parser hangs "arrested" on the name as an adverbial clause and the court's Friday under
    # it: read off the words, Friday is when the court granted bail, not when she was arrested
    raw = ("In a relief to Kaur, who was arrested during the strike, the court on Friday granted "
           "her bail.")
    report = parsed(raw, [
        ("In", "ADP", "case", 2), ("a", "DET", "det", 2), ("relief", "NOUN", "obl", 4),
        ("to", "ADP", "case", 4), ("Kaur", "PROPN", "ROOT", 4), (",", "PUNCT", "punct", 8),
        ("who", "PRON", "nsubj:pass", 8), ("was", "AUX", "aux:pass", 8),
        ("arrested", "VERB", "advcl:relcl", 4, "arrest"), ("during", "ADP", "case", 11),
        ("the", "DET", "det", 11), ("strike", "NOUN", "obl", 8), (",", "PUNCT", "punct", 14),
        ("the", "DET", "det", 14), ("court", "NOUN", "appos", 11), ("on", "ADP", "case", 16),
        ("Friday", "PROPN", "nmod", 14), ("granted", "VERB", "advcl", 8, "grant"),
        ("her", "PRON", "nmod:poss", 19), ("bail", "NOUN", "obj", 17)])
    (arrest,) = dated(report, event_at(raw, "arrested", "Arrests"))
    assert arrest.date_text is None and "Friday" not in arrest.reasons[-1]
    # a day inside the clause is its own; an event outside the clause keeps the sentence's day
    raw = ("In a relief to Kaur, who was arrested on Monday, the court on Friday granted her "
           "bail.")
    report = parsed(raw, [
        ("In", "ADP", "case", 2), ("a", "DET", "det", 2), ("relief", "NOUN", "obl", 4),
        ("to", "ADP", "case", 4), ("Kaur", "PROPN", "ROOT", 4), (",", "PUNCT", "punct", 8),
        ("who", "PRON", "nsubj:pass", 8), ("was", "AUX", "aux:pass", 8),
        ("arrested", "VERB", "advcl:relcl", 4, "arrest"), ("on", "ADP", "case", 10),
        ("Monday", "PROPN", "obl", 8), (",", "PUNCT", "punct", 13), ("the", "DET", "det", 13),
        ("court", "NOUN", "nsubj", 16), ("on", "ADP", "case", 15), ("Friday", "PROPN", "obl", 16),
        ("granted", "VERB", "advcl", 8, "grant"), ("her", "PRON", "nmod:poss", 18),
        ("bail", "NOUN", "obj", 16)])
    arrest, bail = dated(report, event_at(raw, "arrested", "Arrests"),
                         event_at(raw, "granted", "Other"))
    assert (arrest.event_date, arrest.date_text) == ("2016-12-12", "Monday")
    assert (bail.event_date, bail.date_text) == ("2016-12-09", "Friday")


def test_a_past_participle_describing_an_object_is_not_dated_by_the_main_verb():
    # "freed from the camp" is a relative clause without its pronoun: the boys were freed
    # before Saturday, when the authorities reunited them with their families
    raw = "Authorities on Saturday reunited families with the boys freed from the camp."
    words = [
        ("Authorities", "NOUN", "nsubj", 3, "authority"), ("on", "ADP", "case", 2),
        ("Saturday", "PROPN", "obl", 3), ("reunited", "VERB", "ROOT", 3, "reunite"),
        ("families", "NOUN", "obj", 3, "family"), ("with", "ADP", "case", 7),
        ("the", "DET", "det", 7), ("boys", "NOUN", "obl", 3, "boy"),
        ("freed", "VERB", "acl", 7, "free"), ("from", "ADP", "case", 11),
        ("the", "DET", "det", 11), ("camp", "NOUN", "obl", 8), (".", "PUNCT", "punct", 3)]
    freed, reunited = dated(parsed(raw, words),
                            event_at(raw, "freed", "Abduction/forced disappearance"),
                            event_at(raw, "reunited", "Other"))
    assert (freed.event_date, freed.time_precision, freed.date_text) == ("2016-12-13", 3, None)
    assert (reunited.event_date, reunited.date_text) == ("2016-12-10", "Saturday")
    # a participle the parser hangs on the subject, or one joined by "and" to the verb before,
    # is a finite verb: it keeps the sentence's day
    raw = "Masked men detained the editor on Saturday."
    (detained,) = dated(parsed(raw, [
        ("Masked", "VERB", "amod", 1, "mask"), ("men", "NOUN", "ROOT", 1, "man"),
        ("detained", "VERB", "acl", 1, "detain"), ("the", "DET", "det", 4),
        ("editor", "NOUN", "obj", 2), ("on", "ADP", "case", 6), ("Saturday", "PROPN", "obl", 2),
        (".", "PUNCT", "punct", 1)]), event_at(raw, "detained", "Arrests"))
    assert (detained.event_date, detained.date_text) == ("2016-12-10", "Saturday")
    raw = "Police raided the office on Saturday and detained three of its staff."
    (detained,) = dated(parsed(raw, [
        ("Police", "NOUN", "nsubj", 1), ("raided", "VERB", "ROOT", 1, "raid"),
        ("the", "DET", "det", 3), ("office", "NOUN", "obj", 1), ("on", "ADP", "case", 5),
        ("Saturday", "PROPN", "obl", 1), ("and", "CCONJ", "cc", 7),
        ("detained", "VERB", "acl", 3, "detain"), ("three", "NUM", "obj", 7),
        ("of", "ADP", "case", 11), ("its", "PRON", "nmod:poss", 11), ("staff", "NOUN", "nmod", 8),
        (".", "PUNCT", "punct", 1)]), event_at(raw, "detained", "Arrests"))
    assert (detained.event_date, detained.date_text) == ("2016-12-10", "Saturday")
    # the same when the parser hangs "and" elsewhere ("briefly" read as a noun joined to "office")
    raw = "Police raided the office on Saturday and briefly detained three of its staff."
    (detained,) = dated(parsed(raw, [
        ("Police", "NOUN", "nsubj", 1), ("raided", "VERB", "ROOT", 1, "raid"),
        ("the", "DET", "det", 3), ("office", "NOUN", "obj", 1), ("on", "ADP", "case", 5),
        ("Saturday", "PROPN", "obl", 1), ("and", "CCONJ", "cc", 7),
        ("briefly", "NOUN", "conj", 3), ("detained", "VERB", "acl", 3, "detain"),
        ("three", "NUM", "obj", 8), ("of", "ADP", "case", 12), ("its", "PRON", "nmod:poss", 12),
        ("staff", "NOUN", "nmod", 9), (".", "PUNCT", "punct", 1)]),
        event_at(raw, "detained", "Arrests"))
    assert (detained.event_date, detained.date_text) == ("2016-12-10", "Saturday")
    # a present participle tells what was going on then
    raw = "Police on Saturday arrested men fishing in the lake."
    (fishing,) = dated(parsed(raw, [
        ("Police", "NOUN", "nsubj", 3), ("on", "ADP", "case", 2), ("Saturday", "PROPN", "obl", 3),
        ("arrested", "VERB", "ROOT", 3, "arrest"), ("men", "NOUN", "obj", 3, "man"),
        ("fishing", "VERB", "acl", 4, "fish"), ("in", "ADP", "case", 8), ("the", "DET", "det", 8),
        ("lake", "NOUN", "obl", 5), (".", "PUNCT", "punct", 3)]), event_at(raw, "fishing", "Other"))
    assert (fishing.event_date, fishing.date_text) == ("2016-12-10", "Saturday")


def test_an_act_named_by_a_past_year_is_dated_to_that_year_not_to_its_paragraph_day():
    # "the 2013 protests": the year is the act's own; Monday is when he was convicted
    raw = "On Monday a court convicted him of financing the 2013 protests."
    report = parsed(raw, [
        ("On", "ADP", "case", 1), ("Monday", "PROPN", "obl", 4), ("a", "DET", "det", 3),
        ("court", "NOUN", "nsubj", 4), ("convicted", "VERB", "ROOT", 4, "convict"),
        ("him", "PRON", "obj", 4), ("of", "SCONJ", "mark", 7),
        ("financing", "VERB", "advcl", 4, "finance"), ("the", "DET", "det", 10),
        ("2013", "NUM", "nummod", 10), ("protests", "NOUN", "obj", 7, "protest"),
        (".", "PUNCT", "punct", 4)])
    (protests,) = dated(report, event_at(raw, "protests", "Peaceful protest"))
    assert (protests.event_date, protests.time_precision, protests.date_text) == (
        "2013-01-01", 3, "2013")
    assert "named by the year '2013'" in protests.reasons[-1]


def test_a_year_naming_another_noun_or_the_act_a_day_of_its_year_dates_leaves_the_date():
    # "a 2013 law": the year names the law, not the arrests
    raw = "Police on Monday arrested ten people under a 2013 law."
    report = parsed(raw, [
        ("Police", "NOUN", "nsubj", 3), ("on", "ADP", "case", 2), ("Monday", "PROPN", "obl", 3),
        ("arrested", "VERB", "ROOT", 3, "arrest"), ("ten", "NUM", "nummod", 5),
        ("people", "NOUN", "obj", 3), ("under", "ADP", "case", 9), ("a", "DET", "det", 9),
        ("2013", "NUM", "nummod", 9), ("law", "NOUN", "obl", 3), (".", "PUNCT", "punct", 3)])
    (arrest,) = dated(report, event_at(raw, "arrested", "Arrests"))
    assert (arrest.event_date, arrest.date_text) == ("2016-12-12", "Monday")
    # an act named by its year and dated by a day of that year keeps the day
    raw = "The 2015 protests began on 3 March 2015 in Kano."
    report = parsed(raw, [
        ("The", "DET", "det", 2), ("2015", "NUM", "nummod", 2),
        ("protests", "NOUN", "nsubj", 3, "protest"), ("began", "VERB", "ROOT", 3, "begin"),
        ("on", "ADP", "case", 5), ("3", "NUM", "nummod", 6), ("March", "PROPN", "obl", 3),
        ("2015", "NUM", "nummod", 6), ("in", "ADP", "case", 9), ("Kano", "PROPN", "obl", 3),
        (".", "PUNCT", "punct", 3)])
    (protests,) = dated(report, event_at(raw, "protests", "Peaceful protest"))
    assert protests.event_date == "2015-03-03"


def test_a_time_the_parse_hangs_on_the_trigger_dates_it_before_a_nearer_one():
    # two conjoined clauses, each with its own day: "August 30" stands nearer the first
    # "kidnapped" than "July 11" (three commas away), but the parse hangs it on the second
    raw = ("On July 11, Ren, a trader, was kidnapped at Amumu, and on August 30, a foreigner was "
           "kidnapped at Woji.")
    report = parsed(raw, [
        ("On", "ADP", "case", 1), ("July", "PROPN", "obl", 10), ("11", "NUM", "nummod", 1),
        (",", "PUNCT", "punct", 10), ("Ren", "PROPN", "nsubj:pass", 10),
        (",", "PUNCT", "punct", 7), ("a", "DET", "det", 7), ("trader", "NOUN", "appos", 4),
        (",", "PUNCT", "punct", 10), ("was", "AUX", "aux:pass", 10),
        ("kidnapped", "VERB", "ROOT", 10, "kidnap"), ("at", "ADP", "case", 12),
        ("Amumu", "PROPN", "obl", 10), (",", "PUNCT", "punct", 22), ("and", "CCONJ", "cc", 22),
        ("on", "ADP", "case", 16), ("August", "PROPN", "obl", 22), ("30", "NUM", "nummod", 16),
        (",", "PUNCT", "punct", 22), ("a", "DET", "det", 20),
        ("foreigner", "NOUN", "nsubj:pass", 22), ("was", "AUX", "aux:pass", 22),
        ("kidnapped", "VERB", "conj", 10, "kidnap"), ("at", "ADP", "case", 24),
        ("Woji", "PROPN", "obl", 22), (".", "PUNCT", "punct", 10)])
    first, second = dated(report,
                          event_at(raw, "kidnapped", "Abduction/forced disappearance"),
                          event_at(raw, "kidnapped", "Abduction/forced disappearance", nth=1))
    assert (first.event_date, first.time_precision, first.date_text) == \
        ("2016-07-11", 1, "July 11")
    assert (second.event_date, second.time_precision, second.date_text) == \
        ("2016-08-30", 1, "August 30")
    # without the parse the nearer day dates both (the distance rule alone)
    report.tokens = []
    first, _ = dated(report, event_at(raw, "kidnapped", "Abduction/forced disappearance"),
                     event_at(raw, "kidnapped", "Abduction/forced disappearance", nth=1))
    assert first.date_text == "August 30"


def test_a_day_in_apposition_to_the_time_on_the_trigger_is_the_trigger_s_too():
    # "Today (on Sunday) ... miscreants attacked": the parser hangs "Sunday" on "Today"
    raw = "Today (on Sunday) in the early morning, miscreants attacked the station."
    report = parsed(raw, [
        ("Today", "NOUN", "obl:tmod", 10), ("(", "PUNCT", "punct", 3), ("on", "ADP", "case", 3),
        ("Sunday", "PROPN", "appos", 0), (")", "PUNCT", "punct", 3), ("in", "ADP", "case", 7),
        ("the", "DET", "det", 7), ("early", "ADJ", "amod", 7), ("morning", "NOUN", "obl", 10),
        (",", "PUNCT", "punct", 7), ("miscreants", "NOUN", "nsubj", 10),
        ("attacked", "VERB", "ROOT", 10, "attack"), ("the", "DET", "det", 12),
        ("station", "NOUN", "obj", 10), (".", "PUNCT", "punct", 10)])
    (attack,) = dated(report, event_at(raw, "attacked", "Attack"))
    assert (attack.event_date, attack.date_text) == ("2016-12-11", "Sunday")


def test_a_date_of_a_noun_the_event_is_against_dates_that_noun_not_the_event():
    raw = "Students staged a protest against the rigging of the election of 9 August."
    report = parsed(raw, [
        ("Students", "NOUN", "nsubj", 1), ("staged", "VERB", "ROOT", 1, "stage"),
        ("a", "DET", "det", 3), ("protest", "NOUN", "obj", 1), ("against", "ADP", "case", 6),
        ("the", "DET", "det", 6), ("rigging", "NOUN", "nmod", 3), ("of", "ADP", "case", 9),
        ("the", "DET", "det", 9), ("election", "NOUN", "nmod", 6), ("of", "ADP", "case", 11),
        ("9", "NUM", "nmod", 9), ("August", "PROPN", "nmod:unmarked", 11),
        (".", "PUNCT", "punct", 1)])
    (protest,) = dated(report, event_at(raw, "protest", "Peaceful protest"))
    # 9 August is the election's day: the protest is told without a day of its own
    assert (protest.event_date, protest.time_precision, protest.date_text) == \
        ("2016-12-13", 3, None)


def test_a_possessive_date_of_what_the_event_came_before_is_not_the_event_s():
    raw = "Police detained him ahead of Sunday's vote."
    words = [
        ("Police", "NOUN", "nsubj", 1), ("detained", "VERB", "ROOT", 1, "detain"),
        ("him", "PRON", "obj", 1), ("ahead", "ADV", "case", 7), ("of", "ADP", "fixed", 3),
        ("Sunday", "PROPN", "nmod:poss", 7), ("'s", "PART", "case", 5),
        ("vote", "NOUN", "obl", 1), (".", "PUNCT", "punct", 1)]
    (detention,) = dated(parsed(raw, words), event_at(raw, "detained", "Arrests"))
    assert detention.date_text is None and detention.event_date == "2016-12-13"
    # an act told as coming after a dated happening is coded on that day, the nearest one told
    raw = "Police detained him after Sunday's vote."
    words[3:5] = [("after", "ADP", "case", 6)]
    words[4:] = [("Sunday", "PROPN", "nmod:poss", 6), ("'s", "PART", "case", 4),
                 ("vote", "NOUN", "obl", 1), (".", "PUNCT", "punct", 1)]
    (detention,) = dated(parsed(raw, words), event_at(raw, "detained", "Arrests"))
    assert (detention.event_date, detention.time_precision, detention.date_text) == \
        ("2016-12-11", 1, "Sunday")
